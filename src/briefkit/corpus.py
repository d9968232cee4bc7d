"""Corpus: the tables of one collection of briefs, built once and cached.

``load_corpus`` reads a file, a folder (recursively) or a list of paths into a
:class:`Corpus` holding the ``briefs``, ``paragraphs``, ``sentences`` and (computed on
first use) ``tokens`` tables of DESIGN.md, plus ``skipped``: the files or parts of files
that could not be read, with the reason.

>>> corpus = Corpus.from_texts(["• Iran gains\\n\\nRussia acts. The U.S. objects."])
>>> corpus.sentences[["sent_id", "kind", "text"]].values.tolist()
[[0, 'key_point', 'Iran gains'], [1, 'body', 'Russia acts.'], [2, 'body', 'The U.S. objects.']]
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from briefkit import loader, resources, storage
from briefkit.errors import BriefkitError, DuplicateBriefError, MissingPathError, ParseError
from briefkit.text import is_alpha_token, is_word, norm_token, split_sentences, tokenize_words

BRIEF_COLUMNS = ["brief_id", "date", "title", "source", "path", "sha256", "text", "n_words"]
PARAGRAPH_COLUMNS = ["brief_id", "para_id", "kind", "text", "start", "end"]
SENTENCE_COLUMNS = ["brief_id", "sent_id", "para_id", "kind", "text", "start", "end"]
TOKEN_COLUMNS = ["brief_id", "sent_id", "token_id", "token", "norm", "start", "end", "is_stop",
                 "is_alpha", "pos"]
SKIPPED_COLUMNS = ["path", "reason"]

# Folders large enough to be worth a process pool, and files not to read as briefs.
PARALLEL_MIN_FILES = 200
_NOT_BRIEFS = re.compile(r"^(readme|license|licence|changelog|manifest|notice|copying)(?![a-z])", re.I)


class BriefkitWarning(UserWarning):
    """A file was skipped, or a duplicate dropped, while loading a corpus."""


@dataclass(frozen=True)
class Corpus:
    """The tables of one collection of briefs. Build it with :func:`load_corpus`."""

    briefs: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    skipped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SKIPPED_COLUMNS))
    _tokens: dict = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.briefs)

    def __repr__(self) -> str:
        dates = self.briefs["date"].dropna()
        span = f", {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else ""
        skipped = f", {len(self.skipped)} skipped" if len(self.skipped) else ""
        return (f"<Corpus: {len(self)} briefs, {len(self.sentences)} sentences, "
                f"{int(self.briefs['n_words'].sum()):,} words{span}{skipped}>")

    @property
    def tokens(self) -> pd.DataFrame:
        """Word tokens with offsets and POS tags (computed on first use, then cached)."""
        if "frame" not in self._tokens:
            self._tokens["frame"] = _cached_tokens(self)
        return self._tokens["frame"]

    @property
    def fingerprint(self) -> str:
        """One hash over the briefs' sha256 values: the corpus's content hash."""
        joined = "\n".join(sorted(self.briefs["sha256"]))
        return hashlib.sha256(joined.encode("ascii")).hexdigest()

    def text_of(self, brief_id: str) -> str:
        """The normalised text of one brief (the string all offsets index)."""
        rows = self.briefs.loc[self.briefs["brief_id"] == brief_id, "text"]
        if rows.empty:
            raise KeyError(f"no brief with brief_id {brief_id!r}")
        return rows.iloc[0]

    def subset(self, brief_ids: Iterable[str]) -> Corpus:
        """A new Corpus holding only the given briefs."""
        keep = set(brief_ids)
        pick = lambda frame: frame[frame["brief_id"].isin(keep)].reset_index(drop=True)  # noqa: E731
        return Corpus(pick(self.briefs), pick(self.paragraphs), pick(self.sentences), self.skipped)

    def summary(self) -> dict:
        """Counts and spans at a glance: briefs, sentences, words, dates, sources, skips."""
        dates = self.briefs["date"].dropna()
        return {
            "briefs": len(self),
            "paragraphs": len(self.paragraphs),
            "key_points": int((self.paragraphs["kind"] == loader.KEY_POINT).sum()),
            "sentences": len(self.sentences),
            "words": int(self.briefs["n_words"].sum()),
            "words_per_brief_median": float(self.briefs["n_words"].median()) if len(self) else 0.0,
            "first_date": f"{dates.min():%Y-%m-%d}" if len(dates) else None,
            "last_date": f"{dates.max():%Y-%m-%d}" if len(dates) else None,
            "undated": int(self.briefs["date"].isna().sum()),
            "sources": self.briefs["source"].value_counts().to_dict(),
            "skipped": len(self.skipped),
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_texts(cls, texts: Iterable[str] | Mapping[str, str], *, titles=None, dates=None,
                   source: str = "text") -> Corpus:
        """Build a corpus from plain strings, one brief each (handy in tests and notebooks).

        Paragraphs are split on blank lines; lines starting with "•" are key points. A
        mapping's keys become the brief_ids.
        """
        ids = list(texts) if isinstance(texts, Mapping) else None
        bodies = list(texts.values()) if isinstance(texts, Mapping) else list(texts)
        briefs = []
        for i, body in enumerate(bodies):
            brief = loader.read_plain(f"<text {i}>", loader.normalize_text(body))[0]
            brief.title = titles[i] if titles else f"Text {i}"
            brief.date = loader.parse_date(dates[i]) if dates else None
            brief.source = source
            if ids:
                brief.meta["brief_id"] = ids[i]
            briefs.append(brief)
        return _assemble_corpus([_process_brief(b) for b in briefs], [], warn=False)


# --- processing one brief ----------------------------------------------------------------


def _process_brief(brief: loader.Brief) -> dict:
    """A brief's JSON-ready record: metadata, paragraph and sentence spans, word count."""
    sentences = []
    n_words = 0
    for para_id, (_, start, end) in enumerate(brief.paragraphs):
        for s_start, s_end in split_sentences(brief.text[start:end]):
            sentences.append((para_id, start + s_start, start + s_end))
    n_words = sum(1 for tok, _, _ in tokenize_words(brief.text) if is_word(tok))
    return {
        "path": brief.path, "text": brief.text, "title": brief.title, "date": brief.date,
        "source": brief.source, "fmt": brief.fmt, "meta": brief.meta, "sha256": brief.sha256,
        "paragraphs": [list(p) for p in brief.paragraphs], "sentences": [list(s) for s in sentences],
        "n_words": n_words,
    }


def _splitter_mode() -> str:
    return "nltk" if resources.nltk_resource("punkt_tab") else "fallback"


def _load_file(path: str, max_bytes: int, use_cache: bool) -> tuple[list[dict], list[tuple[str, str]]]:
    """Read and process one file, through the per-file cache. Raises BriefkitError."""
    data = loader.read_bytes(path, max_bytes=max_bytes)
    key = storage.cache_key("file", hashlib.sha256(data).hexdigest(), Path(path).suffix.lower(),
                            _splitter_mode())
    if use_cache:
        cached = storage.read_cached_json("files", key)
        if isinstance(cached, dict) and "records" in cached:
            for record in cached["records"]:
                record["path"] = _relocate(record["path"], path)
            return cached["records"], [tuple(p) for p in cached["problems"]]
    briefs, problems = loader.read_file(path, max_bytes=max_bytes)
    records = [_process_brief(b) for b in briefs]
    if use_cache:
        storage.write_cached_json("files", key, {"records": records, "problems": problems})
    return records, problems


def _relocate(stored: str, path: str) -> str:
    """A cached record's path, moved to where the same bytes are now (JSONL keeps #L<n>)."""
    suffix = stored[stored.rfind("#L"):] if "#L" in stored else ""
    return path + suffix


def _load_file_safe(args) -> tuple[str, list[dict], list, str | None]:
    path, max_bytes, use_cache = args
    try:
        records, problems = _load_file(path, max_bytes, use_cache)
        return path, records, problems, None
    except BriefkitError as exc:
        return path, [], [], exc.reason


# --- finding files -----------------------------------------------------------------------


def find_brief_files(paths) -> tuple[list[str], list[tuple[str, str]]]:
    """Expand files, folders (recursively, hidden ones skipped) and lists into file paths.

    Returns the paths of candidate briefs (sorted within each folder) and the (path,
    reason) of files passed over.
    """
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    found, passed = [], []
    for item in items:
        item = Path(item)
        if item.is_dir():
            for root, dirs, files in os.walk(item):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
                for name in sorted(files):
                    if name.startswith(".") or _NOT_BRIEFS.match(name):
                        continue
                    full = os.path.join(root, name)
                    if Path(name).suffix.lower() in loader.BRIEF_EXTENSIONS:
                        found.append(full)
                    else:
                        passed.append((full, f"not a brief format ({Path(name).suffix or 'no extension'})"))
        else:
            found.append(str(item))
    return found, passed


def read_manifest(folder: str | os.PathLike) -> dict[str, dict]:
    """The rows of ``manifest.csv``/``manifest.tsv`` in a folder, keyed by file name."""
    for name in loader.MANIFEST_NAMES:
        path = Path(folder) / name
        if path.is_file():
            sep = "\t" if name.endswith(".tsv") else ","
            try:
                frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
            except (OSError, ValueError, pd.errors.ParserError) as exc:
                raise ParseError(path, f"unreadable manifest: {exc}") from exc
            key = next((c for c in ("file", "filename", "path", "name") if c in frame.columns), None)
            if key is None:
                raise ParseError(path, "the manifest has no 'file' column naming each brief")
            return {Path(row[key]).name: dict(row) for row in frame.to_dict("records")}
    return {}


# --- loading -----------------------------------------------------------------------------


def load_corpus(paths, *, strict: bool = False, cache: bool = True, progress: bool | None = None,
                workers: int | None = None, max_bytes: int = loader.DEFAULT_MAX_BYTES,
                manifest: bool = True) -> Corpus:
    """Load briefs from a file, a folder (recursively) or a list of paths.

    Args:
        paths: a file, a folder, or a list of files and folders.
        strict: raise on the first file that cannot be read, instead of skipping it.
        cache: read and write the per-file cache in ``.briefkit-cache/`` (BRIEFKIT_CACHE).
        progress: show a progress bar (default: when there are more than 20 files).
        workers: processes to use (default: all cores for folders of 200 files or more).
        max_bytes: files larger than this are skipped (or raise) rather than read.
        manifest: merge metadata from a ``manifest.csv``/``.tsv`` beside the files.

    A single file that cannot be read raises a BriefkitError naming it and the reason; in a
    folder it is skipped with a warning and listed in ``corpus.skipped``.

    >>> corpus = load_corpus(sample_path())  # doctest: +SKIP
    """
    single = isinstance(paths, (str, os.PathLike)) and Path(paths).is_file()
    if isinstance(paths, (str, os.PathLike)) and not Path(paths).exists():
        raise MissingPathError(paths, "no such file or folder")
    files, passed = find_brief_files(paths)
    strict = strict or single
    if strict and passed and not single:
        raise loader.UnsupportedFormatError(passed[0][0], passed[0][1])
    results = _read_all(files, max_bytes=max_bytes, cache=cache, progress=progress, workers=workers)
    records, skipped = [], list(passed)
    manifests: dict[str, dict] = {}
    for path, file_records, problems, error in results:
        if error is not None:
            if strict:
                raise _reraise(path, max_bytes)
            skipped.append((path, error))
            continue
        if problems and strict:
            raise ParseError(problems[0][0], problems[0][1])
        skipped.extend(problems)
        if manifest:
            folder = str(Path(path).parent)
            if folder not in manifests:
                manifests[folder] = read_manifest(folder)
            row = manifests[folder].get(Path(path).name)
            file_records = [_apply_manifest(r, row) for r in file_records] if row else file_records
        records.extend(file_records)
    return _assemble_corpus(records, skipped, strict=strict)


def _reraise(path: str, max_bytes: int) -> BriefkitError:
    """The exception a failed file raised, recreated in this process for strict mode."""
    try:
        loader.read_file(path, max_bytes=max_bytes)
    except BriefkitError as exc:
        return exc
    return BriefkitError(path, "could not be read")


def _read_all(files, *, max_bytes, cache, progress, workers):
    jobs = [(f, max_bytes, cache) for f in files]
    if workers is None:
        workers = (os.cpu_count() or 1) if len(jobs) >= PARALLEL_MIN_FILES else 1
    show = progress if progress is not None else len(jobs) > 20
    bar = _progress(total=len(jobs), disable=not show, desc="Loading briefs", unit="file")
    results = []
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(_load_file_safe, jobs, chunksize=max(1, len(jobs) // (workers * 8))):
                results.append(result)
                bar.update()
    else:
        for job in jobs:
            results.append(_load_file_safe(job))
            bar.update()
    bar.close()
    return results


def _progress(**kwargs):
    from tqdm.auto import tqdm

    return tqdm(**kwargs)


_MANIFEST_FIELDS = {"title", "date", "source"}


def _apply_manifest(record: dict, row: dict) -> dict:
    """Manifest values win over what was read from the file (the manifest is curated)."""
    record = {**record, "meta": dict(record["meta"])}
    for column, value in row.items():
        if column in {"file", "filename", "path", "name"} or value == "":
            continue
        if column in _MANIFEST_FIELDS:
            record[column] = loader.parse_date(value) if column == "date" else value
        else:
            record["meta"][column] = value
    if not record.get("date"):
        for column, value in row.items():  # e.g. general_debate_dates "2015-09-28..2015-10-03"
            if "date" in column.lower() and loader.parse_date(value):
                record["date"] = loader.parse_date(value)
                break
    if "country_iso3" in row and "country" not in row:
        record["meta"]["country"] = row["country_iso3"]
    return record


def slugify(text: str, *, max_words: int = 6) -> str:
    """A lower-case ASCII slug of the first words of a title.

    >>> slugify("Iran and Russia’s Delicate Partnership")
    'iran-and-russias-delicate-partnership'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    return "-".join(words[:max_words])


def _brief_id(record: dict) -> str:
    if record["meta"].get("brief_id"):
        return str(record["meta"]["brief_id"])
    title = record["title"] or Path(record["path"].split("#L")[0]).stem
    slug = slugify(title) or "brief"
    return f"{record['date'] or 'undated'}-{slug}"


def _assemble_corpus(records: list[dict], skipped: list, *, strict: bool = False, warn: bool = True) -> Corpus:
    """Drop duplicates, give stable unique brief_ids and build the tables."""
    records = sorted(records, key=lambda r: (r["date"] or "9999", r["path"]))
    kept, seen = [], {}
    for record in records:
        first = seen.setdefault(record["sha256"], record["path"])
        if first != record["path"]:
            if strict:
                raise DuplicateBriefError(record["path"], f"same text as {first}")
            skipped.append((record["path"], f"duplicate: same text as {first}"))
            continue
        kept.append(record)
    used: dict[str, int] = {}
    for record in kept:
        base = _brief_id(record)
        used[base] = used.get(base, 0) + 1
        record["brief_id"] = base if used[base] == 1 else f"{base}-{used[base]}"
    if warn and skipped:
        _warn_skipped(skipped)
    return Corpus(*_tables(kept), skipped=pd.DataFrame(skipped, columns=SKIPPED_COLUMNS))


def _warn_skipped(skipped):
    for path, reason in skipped[:5]:
        warnings.warn(f"{path}: {reason}; skipped", BriefkitWarning, stacklevel=4)
    if len(skipped) > 5:
        warnings.warn(f"{len(skipped)} files or parts skipped in all: see corpus.skipped",
                      BriefkitWarning, stacklevel=4)


def _tables(records: list[dict]):
    meta_keys = sorted({k for r in records for k in r["meta"] if k != "brief_id"} - set(BRIEF_COLUMNS))
    briefs = pd.DataFrame(
        [[r["brief_id"], r["date"], r["title"], r["source"], r["path"], r["sha256"], r["text"],
          r["n_words"], *[r["meta"].get(k, "") for k in meta_keys]] for r in records],
        columns=BRIEF_COLUMNS + meta_keys,
    )
    briefs["date"] = pd.to_datetime(briefs["date"], errors="coerce").astype("datetime64[ns]")
    briefs["n_words"] = briefs["n_words"].astype("int64")
    para_rows, sent_rows = [], []
    for r in records:
        text, bid = r["text"], r["brief_id"]
        kinds = []
        for para_id, (kind, start, end) in enumerate(r["paragraphs"]):
            kinds.append(kind)
            para_rows.append((bid, para_id, kind, text[start:end], start, end))
        for sent_id, (para_id, start, end) in enumerate(r["sentences"]):
            sent_rows.append((bid, sent_id, para_id, kinds[para_id], text[start:end], start, end))
    paragraphs = pd.DataFrame(para_rows, columns=PARAGRAPH_COLUMNS)
    sentences = pd.DataFrame(sent_rows, columns=SENTENCE_COLUMNS)
    for frame, cols in ((paragraphs, ["para_id", "start", "end"]), (sentences, ["sent_id", "para_id", "start", "end"])):
        frame[cols] = frame[cols].astype("int64")
    return briefs, paragraphs, sentences


# --- tokens ------------------------------------------------------------------------------


def tokenize_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """The tokens table for a sentences table: offsets into the brief, stopword, alpha, POS."""
    stops = resources.stopwords()
    columns: dict[str, list] = {c: [] for c in TOKEN_COLUMNS}
    for bid, sid, text, start in sentences[["brief_id", "sent_id", "text", "start"]].itertuples(index=False):
        toks = tokenize_words(text, start)
        words = [t for t, _, _ in toks]
        tags = resources.pos_tag(words)
        for token_id, ((tok, s, e), tag) in enumerate(zip(toks, tags)):
            norm = norm_token(tok)
            columns["brief_id"].append(bid)
            columns["sent_id"].append(sid)
            columns["token_id"].append(token_id)
            columns["token"].append(tok)
            columns["norm"].append(norm)
            columns["start"].append(s)
            columns["end"].append(e)
            columns["is_stop"].append(norm in stops)
            columns["is_alpha"].append(is_alpha_token(tok))
            columns["pos"].append(tag)
    frame = pd.DataFrame(columns)
    for col in ("sent_id", "token_id", "start", "end"):
        frame[col] = frame[col].astype("int64")
    return frame


def _cached_tokens(corpus: Corpus) -> pd.DataFrame:
    mode = resources.resources_report()["mode"]
    key = storage.cache_key("tokens", corpus.fingerprint, list(corpus.briefs["brief_id"]), mode)
    frame = storage.read_cached_frame("tokens", key)
    if frame is not None and list(frame.columns) == TOKEN_COLUMNS:
        return frame
    frame = tokenize_sentences(corpus.sentences)
    storage.write_cached_frame("tokens", key, frame)
    return frame


def sample_path() -> Path:
    """The bundled sample corpus (``data/briefs``)."""
    from briefkit.paths import sample_briefs_dir

    return sample_briefs_dir()
