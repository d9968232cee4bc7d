"""Export every table of an analysis, with its provenance, so it can be handed on and checked.

``export_tables(corpus, to=..., format=...)`` writes one file per table (the corpus's
``briefs``, ``paragraphs``, ``sentences``, ``tokens`` and ``skipped``, and the analysis
tables whose modules this briefkit has: ``mentions``, ``claims``, ``sentiment`` toward the
target, and the summaries ``judgments_by_brief``, ``tone_by_brief`` and ``tone_by_holder``)
and ``provenance.json`` beside them, listing each file with its rows, columns and sha256.
Every file is written atomically, and ``provenance.json`` last: a folder holding it holds a
complete export. Exporting again to a folder replaces the earlier export there: its table
files that this one does not rewrite (another format, a table left out) are removed, with a
warning naming them, so the folder never mixes two runs; a file of it changed since (its
sha256 is no longer the one its provenance recorded) is kept, and the warning says so.
Files that no export wrote are never touched. ``briefkit export PATH --to DIR --format csv``
does the same from the command line.

>>> import briefkit as bk, tempfile
>>> corpus = bk.Corpus.from_texts(["Moscow insists that the deal will likely hold."])
>>> written = export_tables(corpus, to=tempfile.mkdtemp(), format="csv", tables=["sentences"])
>>> sorted(written)
['provenance', 'sentences']
"""

from __future__ import annotations

import hashlib
import importlib
import os
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from briefkit import storage
from briefkit.errors import BriefkitError

FORMATS = ("parquet", "csv", "xlsx")
DEFAULT_TARGET = "United States"
# Excel's limits: rows per sheet, characters per cell.
XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_CHARS = 32_767


class ExportError(BriefkitError):
    """An export that cannot be written: a missing extra, a bad folder or format."""


@dataclass(frozen=True)
class TableSpec:
    """How to build one exported table: a module's function applied to the corpus, or to
    a table built before it (``needs``)."""

    name: str
    module: str
    function: str
    build: Callable  # (function, corpus, target, tables built so far) -> DataFrame
    needs: tuple[str, ...] = ()


TABLES = [
    *(TableSpec(name, "briefkit.corpus", "Corpus", lambda f, c, t, b, name=name: getattr(c, name))
      for name in ("briefs", "paragraphs", "sentences", "tokens")),
    TableSpec("mentions", "briefkit.actors", "find_mentions", lambda f, c, t, b: f(c)),
    TableSpec("claims", "briefkit.claims", "extract_claims", lambda f, c, t, b: f(c)),
    TableSpec("sentiment", "briefkit.sentiment", "sentiment_toward", lambda f, c, t, b: f(c, t)),
    # Summaries: the author's tradecraft per brief, the tone by brief and by holder.
    TableSpec("judgments_by_brief", "briefkit.claims", "judgment_summary",
              lambda f, c, t, b: f(b["claims"]), needs=("claims",)),
    TableSpec("tone_by_brief", "briefkit.sentiment", "us_tone_by_brief",
              lambda f, c, t, b: f(b["sentiment"]), needs=("sentiment",)),
    TableSpec("tone_by_holder", "briefkit.sentiment", "us_tone_by_holder",
              lambda f, c, t, b: f(b["sentiment"]), needs=("sentiment",)),
    TableSpec("skipped", "briefkit.corpus", "Corpus", lambda f, c, t, b: c.skipped),
]


def _function(spec: TableSpec):
    """The function a table needs, or None when this briefkit does not have it yet."""
    try:
        module = importlib.import_module(spec.module)
    except ModuleNotFoundError as exc:
        if exc.name == spec.module:
            return None
        raise
    return getattr(module, spec.function, None)


def available_tables() -> list[str]:
    """The names of the tables this briefkit can export, in export order."""
    return [spec.name for spec in TABLES if _function(spec) is not None]


def build_tables(corpus, *, tables: Iterable[str] | None = None,
                 target: str = DEFAULT_TARGET) -> dict[str, pd.DataFrame]:
    """Compute the tables to export, by name (all available ones by default).

    Raises ExportError for a table name that is unknown or not available.
    """
    known = {spec.name: spec for spec in TABLES}
    wanted = list(tables) if tables is not None else available_tables()
    for name in wanted:
        if name not in known or _function(known[name]) is None:
            raise ExportError(None, f"no table {name!r} in this briefkit; "
                                    f"available: {', '.join(available_tables())}")
    built: dict[str, pd.DataFrame] = {}

    def build(name: str) -> pd.DataFrame:
        if name not in built:
            spec = known[name]
            for needed in spec.needs:
                build(needed)
            built[name] = spec.build(_function(spec), corpus, target, built)
        return built[name]

    return {name: build(name) for name in wanted}


def export_tables(corpus, *, to: str | os.PathLike, format: str = "parquet",
                  tables: Iterable[str] | None = None, target: str = DEFAULT_TARGET,
                  briefs_path: str | os.PathLike | list | None = None,
                  parameters: dict | None = None) -> dict[str, Path]:
    """Write every table of ``corpus`` to the folder ``to``, and provenance.json beside them.

    Args:
        corpus: the Corpus to export.
        to: the folder to write (created if needed); never a folder holding the briefs.
            An earlier export there is replaced: its files that this one does not rewrite
            are removed (unless changed since), with a warning naming them.
        format: 'parquet' (exact types), 'csv' (UTF-8) or 'xlsx' (needs openpyxl).
        tables: names of the tables to write (default: all that this briefkit has).
        target: the actor of the ``sentiment`` table.
        briefs_path: where the corpus was loaded from, a path or a list of them (recorded in
            the provenance).
        parameters: anything else to record in the provenance (a notebook's parameters).

    Returns:
        The path of each file written, by table name, and 'provenance'.
    """
    from briefkit.provenance import provenance, write_provenance

    if format not in FORMATS:
        raise ExportError(None, f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    writer = _writer(format)
    folder = Path(to)
    _refuse_input_folder(folder, corpus, briefs_path)
    frames = build_tables(corpus, tables=tables, target=target)
    earlier = _earlier_export(folder)
    written, manifest = {}, {}
    for name, frame in frames.items():
        path = folder / f"{name}.{format}"
        notes = writer(frame, path)
        written[name] = path
        manifest[name] = {"file": path.name, "rows": len(frame), "columns": list(frame.columns),
                          "sha256": _file_sha256(path), **notes}
    record = provenance(corpus=corpus, briefs_path=briefs_path, parameters={
        **(parameters or {}), "format": format, "target": target})
    record["tables"] = manifest
    written["provenance"] = write_provenance(folder / "provenance.json", record)
    _readable(written["provenance"])
    _remove_earlier(folder, earlier, {path.name for path in written.values()})
    return written


def _earlier_export(folder: Path) -> dict[str, str]:
    """The files of the export already in ``folder`` (name: sha256), from its provenance;
    empty when there is none or it cannot be read."""
    import json

    try:
        record = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))
        entries = record["tables"].values()
        files = {str(e["file"]): str(e["sha256"]) for e in entries}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    # only plain file names in this folder, as export_tables writes them
    return {name: sha for name, sha in files.items()
            if name == Path(name).name and name not in {"", ".", ".."}}


def _remove_earlier(folder: Path, earlier: dict[str, str], kept: set[str]) -> None:
    """Remove the earlier export's files that this one did not rewrite, unless changed
    since it wrote them; say which."""
    removed, changed = [], []
    for name, sha in sorted(earlier.items()):
        path = folder / name
        if name in kept or not path.is_file() or path.is_symlink():
            continue
        if _file_sha256(path) != sha:
            changed.append(name)
            continue
        path.unlink()
        removed.append(name)
    if removed or changed:
        from briefkit.corpus import BriefkitWarning

        told = f"removed its {', '.join(removed)}" if removed else ""
        if changed:
            told += ("; " if told else "") + (f"kept {', '.join(changed)}, changed since "
                                              "(not listed in the new provenance.json)")
        warnings.warn(f"{folder}: replaced the earlier export there: {told}",
                      BriefkitWarning, stacklevel=3)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _refuse_input_folder(folder: Path, corpus, briefs_path) -> None:
    """Briefs are data: never write next to them, nor inside the folder they came from."""
    target = folder.resolve()
    # paths as loaded: absolute, or relative to this directory (`briefkit export a.txt`)
    files = [p.split("#L")[0] for p in corpus.briefs["path"]]
    holders = {Path(p).resolve().parent for p in files if os.path.exists(p)}
    given = briefs_path if isinstance(briefs_path, (list, tuple)) else [briefs_path]
    roots = {Path(p).resolve() for p in given if p and Path(p).is_dir()}
    if target in holders or any(target == root or root in target.parents for root in roots):
        raise ExportError(folder, "this folder holds the briefs (or is inside their folder), and "
                                  "briefkit never writes next to its inputs: choose another folder")


# --- writers: each writes one frame atomically and returns notes for the manifest ------


def _readable(tmp: Path) -> None:
    """Give an exported file the usual permissions (a temporary file is private)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)


def _writer(format: str):
    if format == "xlsx":
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            raise ExportError(None, "the xlsx format needs openpyxl, which is not installed: "
                                    "pip install \"briefkit[xlsx]\" (or pip install openpyxl); "
                                    "parquet and csv need nothing more") from None
    return {"parquet": _write_parquet, "csv": _write_csv, "xlsx": _write_xlsx}[format]


def _write_parquet(frame: pd.DataFrame, path: Path) -> dict:
    with storage.atomic_path(path, suffix=".parquet") as tmp:
        frame.to_parquet(tmp, index=False)
        _readable(tmp)
    return {}


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """List or array cells (sentence numbers) as ';'-joined text, for csv and xlsx."""
    listy = [c for c in frame.columns if frame[c].dtype == object
             and frame[c].map(lambda v: isinstance(v, (list, tuple, set, np.ndarray))).any()]
    if not listy:
        return frame
    join = lambda v: ";".join(map(str, v)) if isinstance(v, (list, tuple, set, np.ndarray)) else v  # noqa: E731
    return frame.assign(**{c: frame[c].map(join) for c in listy})


def _write_csv(frame: pd.DataFrame, path: Path) -> dict:
    with storage.atomic_path(path, suffix=".csv") as tmp:
        _flat(frame).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n",
                            date_format="%Y-%m-%d")
        _readable(tmp)
    return {}


def _write_xlsx(frame: pd.DataFrame, path: Path) -> dict:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if len(frame) >= XLSX_MAX_ROWS:
        raise ExportError(path, f"{len(frame):,} rows is more than an Excel sheet holds "
                                f"({XLSX_MAX_ROWS - 1:,}); export this table as parquet or csv")
    truncated = 0

    def fit(value):
        nonlocal truncated
        if not isinstance(value, str):
            return value
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > XLSX_MAX_CHARS:
            truncated += 1
            value = value[: XLSX_MAX_CHARS - 1] + "…"
        return value

    cleaned = _flat(frame).copy()
    for column in cleaned.columns:
        if cleaned[column].dtype == object or pd.api.types.is_string_dtype(cleaned[column]):
            cleaned[column] = cleaned[column].map(fit)
    with storage.atomic_path(path, suffix=".xlsx") as tmp:
        cleaned.to_excel(tmp, index=False, sheet_name=path.stem[:31], engine="openpyxl")
        _readable(tmp)
    if truncated:
        from briefkit.corpus import BriefkitWarning

        warnings.warn(f"{path.name}: {truncated} cells longer than Excel's {XLSX_MAX_CHARS:,} "
                      "characters were cut; the parquet and csv exports keep them whole",
                      BriefkitWarning, stacklevel=3)
        return {"cells_truncated": truncated}
    return {}
