"""Provenance of a run: versions, NLTK resource mode, the corpus's content hash, parameters.

Every notebook shows it near its top, the report writes it to ``provenance.json`` and
``briefkit export`` writes it beside the tables, so that an analysis can be handed on and
checked. ``bk.provenance(...)`` returns a plain dict (JSON-ready) that a notebook displays
as a small table.

>>> record = provenance(parameters={"sample": True})
>>> record["briefkit"] == __import__("briefkit").__version__
True
>>> provenance_table(record).loc["parameters", "value"]
'{"sample": true}'
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import sys
import types
from importlib import metadata
from pathlib import Path

import pandas as pd

from briefkit import __version__
from briefkit.resources import resources_report

KEY_PACKAGES = ("pandas", "numpy", "nltk", "vaderSentiment", "seaborn", "matplotlib",
                "ipywidgets", "pyarrow", "papermill")
# Fields that differ between two runs on the same inputs (the rest must not).
VOLATILE_FIELDS = ("date",)


def package_versions(names=KEY_PACKAGES) -> dict[str, str]:
    """Installed versions of the packages briefkit's results depend on."""
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


class Provenance(dict):
    """A provenance record: a plain dict that notebooks display as a two-column table."""

    def _repr_html_(self) -> str:
        return provenance_table(self).to_html(header=False, escape=True)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(format_provenance(self))


def provenance(*, corpus=None, briefs_path=None, parameters: dict | None = None) -> dict:
    """A record of what produced a result.

    Args:
        corpus: the Corpus analysed (its content hash and size are recorded).
        briefs_path: where the briefs came from (loaded to hash them when no corpus is given).
        parameters: the notebook's or command's parameters.
    """
    parameters = dict(parameters or {})
    if corpus is None:
        from briefkit.corpus import load_corpus, sample_path

        try:
            corpus = load_corpus(briefs_path or sample_path(), progress=False)
        except Exception:  # provenance must never be what breaks a run
            corpus = None
    resources = resources_report()
    return Provenance({
        "briefkit": __version__,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "packages": package_versions(),
        "nltk_resources": resources["mode"],
        "corpus_path": corpus_origin(corpus, briefs_path or parameters.get("briefs_path")),
        "corpus_sha256": corpus.fingerprint if corpus is not None else None,
        "briefs": len(corpus) if corpus is not None else None,
        "parameters": parameters,
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    })


def corpus_origin(corpus=None, briefs_path=None) -> str:
    """Where a corpus came from, for people: the path given, else the folder of its files."""
    if isinstance(briefs_path, (list, tuple)):
        return ", ".join(map(str, briefs_path))
    if briefs_path:
        return str(briefs_path)
    paths = [p.split("#L")[0] for p in corpus.briefs["path"]] if corpus is not None else []
    if paths and all(os.path.isabs(p) and os.path.exists(p) for p in paths):
        folder = Path(os.path.commonpath(paths))
        folder = folder.parent if folder.is_file() else folder
        try:
            from briefkit.corpus import sample_path

            if folder.resolve() == Path(sample_path()).resolve():
                return "sample corpus (data/briefs)"
        except FileNotFoundError:
            pass
        return str(folder)
    if corpus is not None and paths:
        return "texts given in memory"
    return "sample corpus (data/briefs)"


def provenance_table(record: dict) -> pd.DataFrame:
    """A provenance record as a one-column table (nested values as compact JSON)."""
    rows = {}
    for key, value in record.items():
        if key == "packages" and isinstance(value, dict):
            rows.update(value)
            continue
        rows[key] = json.dumps(value, default=str) if isinstance(value, (dict, list)) else (
            "" if value is None else str(value))
    return pd.DataFrame({"value": pd.Series(rows, dtype=object)}).rename_axis("provenance")


def format_provenance(record: dict) -> str:
    """A provenance record as aligned lines of text."""
    table = provenance_table(record)["value"]
    width = max((len(k) for k in table.index), default=0)
    return "\n".join(f"{key:>{width}}  {value}" for key, value in table.items())


def stable_part(record: dict) -> dict:
    """The record without the fields that change from run to run (the date)."""
    return {k: v for k, v in record.items() if k not in VOLATILE_FIELDS}


def write_provenance(path: str | os.PathLike, record: dict) -> Path:
    """Write a provenance record as indented JSON (atomically)."""
    from briefkit import storage

    return storage.atomic_write_text(path, json.dumps(record, indent=2, default=str) + "\n")


class _CallableModule(types.ModuleType):
    """``bk.provenance(...)`` must work even once ``briefkit.provenance`` (this module) has
    been imported, which makes the package attribute the module, not the function."""

    def __call__(self, *args, **kwargs):
        return provenance(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
