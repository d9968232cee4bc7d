"""Corpus: the tables of one collection of briefs, built once and cached.

``load_corpus`` reads a file, a folder (recursively) or a list of paths into a
:class:`Corpus` holding the ``briefs``, ``paragraphs``, ``sentences`` and (computed on
first use) ``tokens`` tables of DESIGN.md, plus ``skipped``: the files or parts of files
that could not be read, with the reason.

Each file's reading is cached in ``.briefkit-cache/`` (``BRIEFKIT_CACHE``) under a hash of
its bytes, briefkit's version and the code and word lists that shaped it, and the tokens
table as Parquet under the corpus's fingerprint. Cache entries are JSON and Parquet, never
pickles; one that is unreadable, malformed or from another version is ignored and rebuilt.

>>> corpus = Corpus.from_texts(["• Iran gains\\n\\nRussia acts. The U.S. objects."])
>>> corpus.sentences[["sent_id", "kind", "text"]].values.tolist()
[[0, 'key_point', 'Iran gains'], [1, 'body', 'Russia acts.'], [2, 'body', 'The U.S. objects.']]
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import io
import os
import re
import sys
import time
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from briefkit import errors, loader, resources, storage
from briefkit.errors import BriefkitError, DuplicateBriefError, MissingPathError, ParseError
from briefkit.text import (
    count_words,
    is_alpha_token,
    norm_token,
    split_sentences,
    splitter_mode,
    tokenize_words,
)

BRIEF_COLUMNS = ["brief_id", "date", "title", "source", "path", "sha256", "text", "n_words"]
# Columns after the contract's: the reader used and the encoding the bytes were in.
BRIEF_EXTRA_COLUMNS = ["format", "encoding"]
PARAGRAPH_COLUMNS = ["brief_id", "para_id", "kind", "text", "start", "end"]
SENTENCE_COLUMNS = ["brief_id", "sent_id", "para_id", "kind", "text", "start", "end"]
TOKEN_COLUMNS = ["brief_id", "sent_id", "token_id", "token", "norm", "start", "end", "is_stop",
                 "is_alpha", "pos"]
SKIPPED_COLUMNS = ["path", "reason"]

# Folders large enough to be worth a process pool, and files not to read as briefs.
PARALLEL_MIN_FILES = 200
_NOT_BRIEFS = re.compile(
    r"^(?:readme|license|licence|changelog|manifest|notice|copying|authors|contributing)"
    r"(?:[._\-\s]|$)",
    re.IGNORECASE,
)
_KEY_COLUMNS = ("file", "filename", "path", "name")
_INT_RE = re.compile(r"-?(?:0|[1-9]\d{0,17})")


class BriefkitWarning(UserWarning):
    """A file was skipped, a duplicate dropped, or a file read in a guessed encoding
    (cp1252 or latin-1: not UTF-8), while loading a corpus."""


@dataclass(frozen=True)
class Corpus:
    """The tables of one collection of briefs. Build it with :func:`load_corpus`."""

    briefs: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    skipped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SKIPPED_COLUMNS))
    _tokens: dict = field(default_factory=dict, repr=False, compare=False)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

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
        """Word tokens with offsets and POS tags (computed on first use, on all cores for
        200 briefs or more, then cached)."""
        if "frame" not in self._tokens:
            self._tokens["frame"] = _cached_tokens(self)
        return self._tokens["frame"]

    @property
    def fingerprint(self) -> str:
        """One hash over the briefs' ids and sha256 values: the corpus's content hash."""
        joined = "\n".join(sorted(self.briefs["brief_id"] + " " + self.briefs["sha256"]))
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()

    @property
    def content_key(self) -> str:
        """A hash of everything in the corpus that an analysis can read, in order: the
        briefs (ids, dates, titles, sources, metadata, and each text by its sha256; not
        where the files are), the paragraphs' and sentences' ids, kinds and spans, and the
        sentences' texts. Tables cached under it (``storage.cached_table``) fit this corpus.
        """
        if "content_key" not in self._memo:
            digest = hashlib.sha256(self.fingerprint.encode("ascii"))
            skip = {"text", "path", "format", "encoding"}
            for frame in (self.briefs[[c for c in self.briefs.columns if c not in skip]],
                          self.paragraphs[["brief_id", "para_id", "kind", "start", "end"]],
                          self.sentences[["brief_id", "sent_id", "para_id", "kind", "text",
                                          "start", "end"]]):
                digest.update(storage.frame_digest(frame.reset_index(drop=True)).encode())
            self._memo["content_key"] = digest.hexdigest()
        return self._memo["content_key"]

    def text_of(self, brief_id: str) -> str:
        """The normalised text of one brief (the string all offsets index)."""
        rows = self.briefs.loc[self.briefs["brief_id"] == brief_id, "text"]
        if rows.empty:
            raise KeyError(f"no brief with brief_id {brief_id!r}")
        return rows.iloc[0]

    def subset(self, brief_ids: Iterable[str]) -> Corpus:
        """A new Corpus holding only the given briefs."""
        keep = set(brief_ids)

        def pick(frame: pd.DataFrame) -> pd.DataFrame:
            return frame[frame["brief_id"].isin(keep)].reset_index(drop=True)

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

        Paragraphs are split on blank lines; lines starting with "•" (or "-", "*") before
        the first paragraph are key points. Nothing is dropped, so offsets index the
        string as normalised. A mapping's keys become the brief_ids.
        """
        ids = [str(k) for k in texts] if isinstance(texts, Mapping) else None
        bodies = list(texts.values()) if isinstance(texts, Mapping) else list(texts)
        records = []
        for i, body in enumerate(bodies):
            brief = loader.read_text_blocks(f"<text {i}>", str(body))
            brief.title = str(titles[i]) if titles else f"Text {i}"
            brief.date = loader.parse_date(dates[i]) if dates else None
            brief.source = source
            if ids:
                brief.meta["brief_id"] = ids[i]
            records.append(_process_brief(brief))
        return _assemble_corpus(records, [], warn=False, dedupe=False)


# --- processing one brief ----------------------------------------------------------------


def _process_brief(brief: loader.Brief) -> dict:
    """A brief's JSON-ready record: metadata, paragraph and sentence spans, word count."""
    sentences = []
    for para_id, (_, start, end) in enumerate(brief.paragraphs):
        for s_start, s_end in split_sentences(brief.text[start:end]):
            sentences.append([para_id, start + s_start, start + s_end])
    return {
        "path": brief.path, "text": brief.text, "title": brief.title, "date": brief.date,
        "source": brief.source, "fmt": brief.fmt, "encoding": brief.encoding,
        "meta": {str(k): str(v) for k, v in brief.meta.items()}, "sha256": brief.sha256,
        "paragraphs": [list(p) for p in brief.paragraphs], "sentences": sentences,
        "n_words": count_words(brief.text),
    }


@functools.cache
def code_fingerprint() -> str:
    """A hash of the code and word lists that shape a brief's record and tokens.

    Part of every cache key, so that a changed reader or abbreviation list never serves
    stale entries, even between two releases with the same version number.
    """
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("loader.py", "text.py", "corpus.py", "resources.py", "data/abbreviations.txt",
                 "data/stopwords.txt"):
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()[:16]


def _load_file(path: str, max_bytes: int, use_cache: bool) -> tuple[list[dict], list]:
    """Read and process one file, through the per-file cache. Raises BriefkitError."""
    data = loader.read_bytes(path, max_bytes=max_bytes)
    key = storage.cache_key("file", hashlib.sha256(data).hexdigest(),
                            os.path.splitext(path)[1].lower(), splitter_mode(), code_fingerprint())
    if use_cache:
        cached = storage.read_cached_json("files", key)
        if _valid_entry(cached):
            records = [{**r, "path": _relocate(r["path"], path)} for r in cached["records"]]
            problems = [(_relocate(where, path), reason) for where, reason in cached["problems"]]
            return records, problems
    briefs, problems = loader.read_data(path, data)
    records = [_process_brief(b) for b in briefs]
    if use_cache:
        storage.write_cached_json("files", key, {"records": records,
                                                 "problems": [list(p) for p in problems]})
    return records, problems


_RECORD_TYPES = {"path": str, "text": str, "title": str, "source": str, "fmt": str,
                 "encoding": str, "meta": dict, "sha256": str, "paragraphs": list,
                 "sentences": list, "n_words": int}


def _valid_entry(entry) -> bool:
    """Whether a cached entry has the shape briefkit writes, with spans inside the text."""
    try:
        if not isinstance(entry["records"], list) or not isinstance(entry["problems"], list):
            return False
        for where, reason in entry["problems"]:
            if not (isinstance(where, str) and isinstance(reason, str)):
                return False
        return all(_valid_record(r) for r in entry["records"])
    except (KeyError, TypeError, ValueError):
        return False


def _valid_record(record: dict) -> bool:
    if any(not isinstance(record[k], t) for k, t in _RECORD_TYPES.items()):
        return False
    if record["date"] is not None and not isinstance(record["date"], str):
        return False
    size, n_paras = len(record["text"]), len(record["paragraphs"])
    for kind, start, end in record["paragraphs"]:
        if kind not in loader.PARAGRAPH_KINDS or not 0 <= start <= end <= size:
            return False
    for para_id, start, end in record["sentences"]:
        if not (0 <= para_id < n_paras and 0 <= start <= end <= size):
            return False
    return hashlib.sha256(record["text"].encode("utf-8")).hexdigest() == record["sha256"]


def _relocate(stored: str, path: str) -> str:
    """A cached record's path, moved to where the same bytes are now (JSONL keeps #L<n>)."""
    hit = stored.rfind("#L")
    return path + (stored[hit:] if hit >= 0 else "")


def _load_file_safe(args) -> tuple[str, list[dict], list, tuple[str, str] | None]:
    """_load_file for a worker: the error comes back as (class name, reason)."""
    path, max_bytes, use_cache = args
    try:
        records, problems = _load_file(path, max_bytes, use_cache)
        return path, records, problems, None
    except BriefkitError as exc:
        return path, [], [], (type(exc).__name__, exc.reason)
    except Exception as exc:
        # A failure briefkit did not foresee: keep the rest of the corpus, and say so.
        return path, [], [], ("BriefkitError", f"briefkit could not read this file "
                                               f"({type(exc).__name__}: {exc})")


def _error_from(path: str, error: tuple[str, str]) -> BriefkitError:
    cls = getattr(errors, error[0], BriefkitError)
    if not (isinstance(cls, type) and issubclass(cls, BriefkitError)):
        cls = BriefkitError
    return cls(path, error[1])


# --- finding files -----------------------------------------------------------------------


def find_brief_files(paths) -> tuple[list[str], list[tuple[str, str]]]:
    """Expand files, folders (recursively) and lists into the files to read.

    Hidden files and folders, folders starting with "_", README/LICENSE-like files and
    manifests are passed over silently. Returns the paths of candidate briefs (sorted
    within each folder) and the (path, reason) of files and folders skipped: other
    extensions, symbolic links to folders (not followed, so a link loop cannot trap the
    walk), folders that cannot be listed.
    """
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    found, passed = [], []
    for item in items:
        item = Path(item)
        if item.is_dir():
            _walk(item, found, passed)
        else:
            found.append(str(item))
    return found, passed


def _walk(folder: Path, found: list, passed: list) -> None:
    def on_error(exc: OSError):
        passed.append((str(exc.filename or folder), f"folder cannot be listed: {exc.strerror}"))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        kept = []
        for name in sorted(dirs):
            full = os.path.join(root, name)
            if name.startswith((".", "_")):
                continue
            if os.path.islink(full):
                passed.append((full, "a symbolic link to a folder (not followed)"))
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith(".") or _NOT_BRIEFS.match(name):
                continue
            full = os.path.join(root, name)
            suffix = os.path.splitext(name)[1].lower()
            if suffix in loader.BRIEF_EXTENSIONS or _is_link_problem(full):
                found.append(full)
            else:
                passed.append((full, _not_a_brief(suffix)))


# Documents a user may well mean as briefs, but that briefkit does not read.
_DOCUMENT_SUFFIXES = (".docx", ".doc", ".docm", ".odt", ".rtf", ".pages", ".wpd")


def _not_a_brief(suffix: str) -> str:
    """Why a file was passed over, and for a word processor's document what to do."""
    reason = f"not a brief format ({suffix or 'no extension'})"
    if suffix in _DOCUMENT_SUFFIXES:
        reason += "; save it as text (.txt), Markdown, HTML or PDF to read it"
    return reason


def _is_link_problem(path: str) -> bool:
    """A symbolic link that leads nowhere (a loop or a missing target): reported on reading."""
    try:
        os.stat(path)
        return False
    except OSError:
        return os.path.islink(path)


def read_manifest(folder: str | os.PathLike) -> dict[str, dict]:
    """The rows of ``manifest.csv``/``manifest.tsv`` in a folder, keyed by file name.

    Raises ParseError for a manifest that cannot be read or names no files.
    """
    for name in loader.MANIFEST_NAMES:
        path = Path(folder) / name
        if path.is_file():
            sep = "\t" if name.endswith(".tsv") else ","
            try:
                text = loader.decode_bytes(loader.read_bytes(path), path)
                frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
            except BriefkitError as exc:
                raise ParseError(path, f"unreadable manifest: {exc.reason}") from exc
            except (ValueError, pd.errors.ParserError) as exc:
                raise ParseError(path, f"unreadable manifest: {exc}") from exc
            key = next((c for c in _KEY_COLUMNS if c in frame.columns), None)
            if key is None:
                raise ParseError(path, "the manifest has no 'file' column naming each brief")
            return {Path(row[key]).name: dict(row) for row in frame.to_dict("records")}
    return {}


# --- loading -----------------------------------------------------------------------------


def _expand_user(paths):
    """``~`` and ``~user`` at the start of a path (or of each path of a list) as the home
    folder, as pandas' readers take them; other paths unchanged."""
    if isinstance(paths, (str, os.PathLike)):
        expanded = os.path.expanduser(os.fspath(paths))
        if expanded == os.fspath(paths):
            return paths
        return Path(expanded) if isinstance(paths, Path) else expanded
    if isinstance(paths, (list, tuple)):
        return type(paths)(_expand_user(p) for p in paths)
    return paths


def _missing_reason(path) -> str:
    """Why a path is not there, saying where a relative path was looked for."""
    if os.path.isabs(path):
        return "no such file or folder"
    return f"no such file or folder (a relative path is read from {os.getcwd()})"


def load_corpus(paths, *, strict: bool = False, cache: bool = True, progress: bool | None = None,
                workers: int | None = None, max_bytes: int | None = None,
                manifest: bool = True) -> Corpus:
    """Load briefs from a file, a folder (recursively) or a list of paths.

    Args:
        paths: a file, a folder, or a list of files and folders.
        strict: raise on the first file (or part of one) that cannot be read, instead of
            skipping it.
        cache: read and write the per-file cache in ``.briefkit-cache/`` (BRIEFKIT_CACHE).
        progress: tell the loading's progress (default: when there are more than 20 files):
            a line updated in place in Jupyter (an executed notebook keeps the last one),
            a bar on a terminal, one line at the end on stderr otherwise.
        workers: processes to use (default: all cores for 200 files or more).
        max_bytes: files larger than this are skipped (or raise) rather than read
            (default 20 MB, or BRIEFKIT_MAX_BYTES).
        manifest: merge metadata from a ``manifest.csv``/``.tsv`` beside the files.

    Returns:
        A Corpus; ``corpus.skipped`` lists what could not be read and why.

    A single file that cannot be read raises a BriefkitError subclass naming it and the
    reason; in a folder it is skipped with a warning. Input files are only read.

    >>> corpus = load_corpus(sample_path())  # doctest: +SKIP
    """
    paths = _expand_user(paths)
    single = isinstance(paths, (str, os.PathLike)) and not Path(paths).is_dir()
    if isinstance(paths, (str, os.PathLike)) and not os.path.lexists(paths):
        raise MissingPathError(paths, _missing_reason(paths))
    limit = loader.max_bytes_default() if max_bytes is None else int(max_bytes)
    files, skipped = find_brief_files(paths)
    if strict and skipped:
        raise errors.UnsupportedFormatError(*skipped[0])
    if not files:  # an empty folder, or one of Word files: the wrong folder, not a corpus
        raise no_briefs_error(paths, skipped)
    found = len(skipped)
    whole = _whole_key(files, max_bytes=limit, strict=strict, manifest=manifest) if cache else None
    if whole is not None:
        corpus = _read_whole(whole, skipped)
        if corpus is not None:
            return _not_empty(corpus, paths)
    results = _read_all(files, max_bytes=limit, cache=cache, progress=progress, workers=workers)
    records: list[dict] = []
    manifests: dict[str, dict] = {}
    for path, file_records, problems, error in results:
        if error is not None:
            if strict or single:
                raise _error_from(path, error)
            skipped.append((path, error[1]))
            continue
        if problems and strict:
            raise ParseError(*problems[0])
        skipped.extend(problems)
        if manifest:
            row = _manifest_row(path, manifests, skipped, strict)
            file_records = [_apply_manifest(r, row) for r in file_records] if row else file_records
        records.extend(file_records)
    corpus = _assemble_corpus(records, skipped, strict=strict)
    del records, results
    if len(corpus) >= PARALLEL_MIN_FILES:
        release_memory()
    if whole is not None:
        _write_whole(whole, corpus, skipped[found:])
    return _not_empty(corpus, paths)


def _not_empty(corpus: Corpus, paths) -> Corpus:
    """The corpus; when every file found was skipped, with one more warning that says so."""
    if not len(corpus):
        warnings.warn(f"no briefs loaded from {_where(paths)}: every file was skipped "
                      "(see corpus.skipped)", BriefkitWarning, stacklevel=3)
    return corpus


def _where(paths) -> str:
    return (str(paths) if isinstance(paths, (str, os.PathLike))
            else ", ".join(map(str, paths)) or "an empty list of paths")


def no_briefs_error(paths, skipped) -> errors.NoBriefsError:
    """The error for a folder (or list of paths) that gave no brief: it names the folder
    and each file skipped with its reason (the first five)."""
    skipped = [tuple(row) for row in skipped]
    if not skipped:
        extensions = ", ".join(loader.BRIEF_EXTENSIONS)
        return errors.NoBriefsError(_where(paths), f"no briefs found: it holds no files "
                                                   f"briefkit reads ({extensions})")
    shown = [f"{path}: {reason}" for path, reason in skipped[:5]]
    more = len(skipped) - len(shown)
    n = len(skipped)
    return errors.NoBriefsError(_where(paths), f"no briefs found: {n} file{'s' if n != 1 else ''} "
                                               f"skipped: {'; '.join(shown)}"
                                               + (f"; and {more} more" if more else ""))


def release_memory() -> None:
    """Hand the heap memory freed after a large load back to the system, so that the next
    stage's peak does not sit on top of it (glibc's ``malloc_trim``; elsewhere, nothing)."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (AttributeError, OSError, TypeError):
        pass


# --- the whole-corpus cache --------------------------------------------------------------


def _whole_key(files: list[str], *, max_bytes: int, strict: bool, manifest: bool) -> str | None:
    """The cache key of a whole load: every file found, in order, by path and by the sha256
    of its bytes, each folder's manifest by its bytes, the options, the splitter and the
    code. Reading and hashing every file costs far less than reading its cached record, and
    a file changed, added or removed changes the key whatever its size or time stamps say.
    None when a file cannot be read (the usual load reports it)."""
    digest = hashlib.sha256()
    folders: dict[str, None] = {}
    try:
        for path in files:
            with open(path, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > max_bytes:
                    return None
                digest.update(f"{path}\0{hashlib.sha256(handle.read()).hexdigest()}\0"
                              .encode("utf-8", "surrogateescape"))
            folders.setdefault(os.path.dirname(path))
        for folder in folders if manifest else ():
            for name in loader.MANIFEST_NAMES:
                path = os.path.join(folder, name)
                if os.path.isfile(path):
                    with open(path, "rb") as handle:
                        digest.update(f"{path}\0{hashlib.sha256(handle.read()).hexdigest()}"
                                      .encode("utf-8", "surrogateescape"))
                    break
    except (OSError, ValueError):
        return None
    return storage.cache_key("corpus", digest.hexdigest(), max_bytes, strict, manifest,
                             splitter_mode(), code_fingerprint())


_WHOLE_TABLES = ("briefs", "paragraphs", "sentences", "skipped")


def _read_whole(key: str, found: list) -> Corpus | None:
    """The corpus of a whole load from the cache (a few Parquet files), checked; None if
    absent or unfit. Warns about what was skipped, as the load did."""
    tables = {}
    for name in _WHOLE_TABLES:
        tables[name] = storage.read_cached_table("corpus", storage.cache_key(key, name))
        if tables[name] is None:
            return None
    briefs, paragraphs, sentences, read = (tables[n] for n in _WHOLE_TABLES)
    if not _whole_fits(briefs, paragraphs, sentences) or list(read.columns) != SKIPPED_COLUMNS:
        return None
    skipped = [*found, *read.itertuples(index=False, name=None)]
    if skipped:
        _warn_skipped(skipped)
    _warn_guessed_encodings(zip(briefs["path"], briefs["encoding"]))
    frame = pd.DataFrame(skipped, columns=SKIPPED_COLUMNS).astype(str)
    return Corpus(briefs, paragraphs, sentences, skipped=frame)


def _whole_fits(briefs: pd.DataFrame, paragraphs: pd.DataFrame, sentences: pd.DataFrame) -> bool:
    """Whether cached tables hold together: the contract's columns, each text's sha256, and
    every paragraph and sentence inside its brief's text."""
    if list(briefs.columns[:len(BRIEF_COLUMNS)]) != BRIEF_COLUMNS \
            or list(paragraphs.columns) != PARAGRAPH_COLUMNS \
            or list(sentences.columns) != SENTENCE_COLUMNS:
        return False
    texts = briefs["text"].tolist()
    if any(hashlib.sha256(t.encode("utf-8")).hexdigest() != h
           for t, h in zip(texts, briefs["sha256"].tolist())):
        return False
    sizes = np.array([len(t) for t in texts], dtype=np.int64)
    ids = pd.Index(briefs["brief_id"])
    for frame in (paragraphs, sentences):
        row = ids.get_indexer(frame["brief_id"])
        start, end = frame["start"].to_numpy(), frame["end"].to_numpy()
        if (row < 0).any() or not ((start >= 0) & (start <= end) & (end <= sizes[row])).all():
            return False
    return True


def _write_whole(key: str, corpus: Corpus, skipped: list) -> None:
    read = pd.DataFrame(skipped, columns=SKIPPED_COLUMNS).astype(str)
    for name, frame in zip(_WHOLE_TABLES, (corpus.briefs, corpus.paragraphs, corpus.sentences,
                                           read)):
        storage.write_cached_table("corpus", storage.cache_key(key, name), frame)


def _manifest_row(path: str, manifests: dict, skipped: list, strict: bool) -> dict | None:
    folder = os.path.dirname(path)
    if folder not in manifests:
        try:
            manifests[folder] = read_manifest(folder)
        except BriefkitError as exc:
            if strict:
                raise
            manifests[folder] = {}
            skipped.append((exc.path, exc.reason))
    return manifests[folder].get(os.path.basename(path)) if manifests[folder] else None


def _read_all(files, *, max_bytes, cache, progress, workers):
    jobs = [(f, max_bytes, cache) for f in files]
    if workers is None:
        workers = (os.cpu_count() or 1) if len(jobs) >= PARALLEL_MIN_FILES else 1
    workers = max(1, min(int(workers), len(jobs) or 1))
    show = progress if progress is not None else len(jobs) > 20
    if workers > 1:
        split_sentences("Warm up. Punkt loads once, before the workers start.")
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, len(jobs) // (workers * 8))
            # Submit before the progress bar starts its monitor thread: forking a process
            # with threads running is unsafe.
            results = pool.map(_load_file_safe, jobs, chunksize=chunk)
            return list(_with_progress(results, len(jobs), show))
    return list(_with_progress(map(_load_file_safe, jobs), len(jobs), show))


def _with_progress(results, total: int, show: bool, what: str = "briefs"):
    """Yield ``results``, telling the progress of ``total`` files when ``show``.

    In a Jupyter kernel: one output line updated in place (a display handle, which papermill
    and nbclient also update, so an executed notebook keeps the last state, not a frozen
    0% bar); on a terminal: a tqdm bar on stderr; elsewhere (a pipe, a log): one line at
    the end, on stderr.
    """
    if not show:
        yield from results
        return
    if _in_kernel():
        yield from _kernel_progress(results, total, what)
    elif _stderr_is_terminal():
        from tqdm import tqdm

        with tqdm(total=total, desc=f"Loading {what}", unit="file") as bar:
            for result in results:
                yield result
                bar.update()
    else:
        start, done = time.perf_counter(), 0
        for result in results:
            done += 1
            yield result
        print(_progress_line(done, total, what, time.perf_counter() - start), file=sys.stderr)


def _in_kernel() -> bool:
    """Whether this runs in a Jupyter kernel (a notebook, papermill, Voila)."""
    if "IPython" not in sys.modules:
        return False
    shell = sys.modules["IPython"].get_ipython()
    return getattr(shell, "kernel", None) is not None


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress_line(done: int, total: int, what: str, seconds: float | None = None) -> str:
    if seconds is None:
        return f"Loading {what}: {done}/{total} files"
    return f"Loaded {done}/{total} files of {what} in {seconds:.1f} s"


def _kernel_progress(results, total: int, what: str):
    import html

    from IPython.display import display

    def bundle(done, seconds=None):
        line = _progress_line(done, total, what, seconds)
        bar = "" if seconds is not None else f'<progress value="{done}" max="{total}"></progress> '
        return {"text/plain": line, "text/html": f"<span>{bar}{html.escape(line)}</span>"}

    start = shown = time.perf_counter()
    handle = display(bundle(0), raw=True, display_id=True)
    done = 0
    for result in results:
        done += 1
        yield result
        now = time.perf_counter()
        if now - shown >= 0.25:
            handle.update(bundle(done), raw=True)
            shown = now
    handle.update(bundle(done, time.perf_counter() - start), raw=True)


_MANIFEST_FIELDS = {"title", "date", "source"}
_RANGE_RE = re.compile(r"^\s*(.+?)\s*(?:\.\.|/| to |–|—)\s*(.+?)\s*$")


def _apply_manifest(record: dict, row: dict) -> dict:
    """Manifest values win over what was read from the file (the manifest is curated).

    A date column fills an unknown date only with one day: a range such as
    "2015-09-28..2015-10-03" names no day, so it stays a column and the date stays NaT.
    """
    record = {**record, "meta": dict(record["meta"])}
    for column, value in row.items():
        column, value = str(column).strip(), str(value).strip()
        if column.lower() in _KEY_COLUMNS or value == "":
            continue
        if column.lower() in _MANIFEST_FIELDS:
            if column.lower() != "date":
                record[column.lower()] = value
            elif loader.parse_date(value):
                record["date"] = loader.parse_date(value)
        else:
            record["meta"][column] = value
    if not record.get("date"):
        for column, value in row.items():
            if "date" in str(column).lower() and _single_day(str(value)):
                record["date"] = _single_day(str(value))
                break
    if "country_iso3" in row and "country" not in row:
        record["meta"]["country"] = row["country_iso3"]
    return record


def _single_day(value: str) -> str | None:
    """The date a value names, or None for a range of more than one day."""
    span = _RANGE_RE.match(value)
    if span and loader.parse_date(span.group(1)) and loader.parse_date(span.group(2)):
        first, last = loader.parse_date(span.group(1)), loader.parse_date(span.group(2))
        return first if first == last else None
    return loader.parse_date(value)


def slugify(text: str, *, max_words: int = 6) -> str:
    """A lower-case ASCII slug of the first words of a title.

    >>> slugify("Iran and Russia’s Delicate Partnership")
    'iran-and-russias-delicate-partnership'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    return "-".join(words[:max_words])[:80].strip("-")


def _brief_id(record: dict) -> str:
    given = str(record["meta"].get("brief_id") or "").strip()
    if given:
        return given  # the caller's own id (Corpus.from_texts keys, a JSON Lines field)
    title = record["title"] or Path(record["path"].split("#L")[0]).stem
    slug = slugify(title) or "brief"
    return f"{record['date'] or 'undated'}-{slug}"


def _assemble_corpus(records: list[dict], skipped: list, *, strict: bool = False,
                     warn: bool = True, dedupe: bool = True) -> Corpus:
    """Drop duplicates, give stable unique brief_ids and build the tables."""
    records = sorted(records, key=lambda r: (r["date"] or "9999", r["path"]))
    kept, seen = [], {}
    for record in records:
        first = seen.setdefault(record["sha256"], record["path"])
        if dedupe and first != record["path"]:
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
    if warn:
        _warn_guessed_encodings((r["path"], r["encoding"]) for r in kept)
    frame = pd.DataFrame(skipped, columns=SKIPPED_COLUMNS).astype(str)
    return Corpus(*_tables(kept), skipped=frame)


# Encodings briefkit falls back on when a file is neither UTF-8 nor UTF-16: a guess.
GUESSED_ENCODINGS = ("cp1252", "latin-1")


def _warn_guessed_encodings(pairs):
    """One warning per file read with a guessed encoding (the first five, then a count),
    so that wrong characters are noticed; ASCII is UTF-8 and never warned about."""
    guessed = sorted({(str(path), enc) for path, enc in pairs if enc in GUESSED_ENCODINGS})
    for path, encoding in guessed[:5]:
        warnings.warn(f"{path}: not UTF-8; read as {encoding} (check its text for wrong "
                      "characters)", BriefkitWarning, stacklevel=4)
    if len(guessed) > 5:
        warnings.warn(f"{len(guessed)} files not UTF-8 in all: see the briefs' encoding "
                      "column", BriefkitWarning, stacklevel=4)


def _warn_skipped(skipped):
    for path, reason in skipped[:5]:
        warnings.warn(f"{path}: {reason}; skipped", BriefkitWarning, stacklevel=4)
    if len(skipped) > 5:
        warnings.warn(f"{len(skipped)} files or parts skipped in all: see corpus.skipped",
                      BriefkitWarning, stacklevel=4)


def _tables(records: list[dict]):
    fixed = set(BRIEF_COLUMNS) | set(BRIEF_EXTRA_COLUMNS) | {"brief_id"}
    meta_keys = sorted({k for r in records for k in r["meta"]} - fixed)
    briefs = pd.DataFrame(
        [[r["brief_id"], r["date"], r["title"], r["source"], r["path"], r["sha256"], r["text"],
          r["n_words"], r["fmt"], r["encoding"], *[r["meta"].get(k, "") for k in meta_keys]]
         for r in records],
        columns=BRIEF_COLUMNS + BRIEF_EXTRA_COLUMNS + meta_keys,
    )
    briefs["date"] = pd.to_datetime(briefs["date"], errors="coerce").astype("datetime64[ns]")
    briefs["n_words"] = briefs["n_words"].astype("int64")
    for key in meta_keys:
        values = briefs[key]
        if len(values) and values.map(lambda v: v == "" or bool(_INT_RE.fullmatch(v))).all() \
                and (values != "").any():
            briefs[key] = pd.array([int(v) if v else None for v in values], dtype="Int64")
    paragraphs, sentences = _span_tables(records)
    # Text columns get pandas' string type even when a table is empty.
    text_columns = ["brief_id", "title", "source", "path", "sha256", "text", *BRIEF_EXTRA_COLUMNS]
    briefs[text_columns] = briefs[text_columns].astype(str)
    return briefs, paragraphs, sentences


def _span_tables(records: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The paragraphs and sentences tables of the records, built column by column (a
    corpus of 30,000 briefs has about a million sentences: no row objects)."""
    para = {"kind": [], "text": [], "start": [], "end": []}
    sent = {"para_id": [], "kind": [], "text": [], "start": [], "end": []}
    for r in records:
        text = r["text"]
        kinds = [kind for kind, _, _ in r["paragraphs"]]
        para["kind"].extend(kinds)
        para["text"].extend([text[a:b] for _, a, b in r["paragraphs"]])
        para["start"].extend([a for _, a, _ in r["paragraphs"]])
        para["end"].extend([b for _, _, b in r["paragraphs"]])
        sent["para_id"].extend([p for p, _, _ in r["sentences"]])
        sent["kind"].extend([kinds[p] for p, _, _ in r["sentences"]])
        sent["text"].extend([text[a:b] for _, a, b in r["sentences"]])
        sent["start"].extend([a for _, a, _ in r["sentences"]])
        sent["end"].extend([b for _, _, b in r["sentences"]])
    ids = np.array([r["brief_id"] for r in records], dtype=object)

    def table(columns: dict, id_name: str, counts: list[int], names: list[str]):
        n = np.array(counts, dtype=np.int64)
        frame = pd.DataFrame({
            "brief_id": pd.Series(np.repeat(ids, n), dtype=object).astype(str),
            id_name: np.arange(int(n.sum()), dtype=np.int64) - np.repeat(np.cumsum(n) - n, n),
            **{k: (pd.Series(v, dtype=object).astype(str) if k in ("kind", "text")
                   else np.array(v, dtype=np.int64)) for k, v in columns.items()},
        })
        return frame[names]

    paragraphs = table(para, "para_id", [len(r["paragraphs"]) for r in records],
                       PARAGRAPH_COLUMNS)
    sentences = table(sent, "sent_id", [len(r["sentences"]) for r in records],
                      SENTENCE_COLUMNS)
    return paragraphs, sentences


# --- tokens ------------------------------------------------------------------------------


def tokenize_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """The tokens table for a sentences table: offsets into the brief, stopword, alpha, POS.

    Words are found sentence by sentence; the normal form and the flags are worked out
    once per distinct token, and the POS tags of all sentences in batches
    (:func:`~briefkit.resources.pos_tag_flat`).
    """
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    lengths: list[int] = []
    for text, start in zip(sentences["text"].tolist(), sentences["start"].tolist()):
        toks = tokenize_words(text, start)
        lengths.append(len(toks))
        if toks:
            found, s, e = zip(*toks)
            words.extend(found)
            starts.extend(s)
            ends.extend(e)
    n = np.array(lengths, dtype=np.int64)
    firsts = np.cumsum(n) - n
    codes, distinct = _factorize(words)
    stops = resources.stopwords()
    norms = [norm_token(t) for t in distinct]
    ids = sentences["brief_id"].astype(str)
    briefs = pd.Categorical.from_codes(np.repeat(pd.factorize(ids)[0], n),
                                       dtype=_brief_dtype(ids.unique()))
    frame = pd.DataFrame({
        "brief_id": briefs,
        "sent_id": np.repeat(sentences["sent_id"].to_numpy(dtype=TOKEN_INT), n),
        "token_id": (np.arange(len(words), dtype=np.int64) - np.repeat(firsts, n))
        .astype(TOKEN_INT),
        "token": pd.array(words, dtype=str),
        "norm": pd.array(np.array(norms, dtype=object)[codes], dtype=str),
        "start": np.array(starts, dtype=TOKEN_INT), "end": np.array(ends, dtype=TOKEN_INT),
        "is_stop": np.array([w in stops for w in norms], dtype=bool)[codes],
        "is_alpha": np.array([is_alpha_token(t) for t in distinct], dtype=bool)[codes],
        "pos": pd.Categorical(resources.pos_tag_flat(words, lengths)),
    }, columns=TOKEN_COLUMNS)
    return frame


# The tokens table is the corpus's largest (about 8 rows a word): its brief_id and pos are
# categorical and its ids and offsets 32-bit, about 47 bytes a row instead of 123.
TOKEN_INT = np.int32


def _brief_dtype(brief_ids) -> pd.CategoricalDtype:
    """The tokens table's brief_id type: the corpus's brief ids, in the corpus's order."""
    return pd.CategoricalDtype(pd.Index(list(brief_ids), dtype=str), ordered=False)


def _factorize(values: list[str]):
    """(codes, distinct values in first-seen order) of a list of strings."""
    codes, distinct = pd.factorize(np.array(values, dtype=object))
    return codes, distinct.tolist() or [""]


def join_tokens(parts: list[pd.DataFrame], brief_ids) -> pd.DataFrame:
    """Tokens tables of parts of a corpus as one, in the order given: ``brief_id`` with the
    corpus's brief ids (``brief_ids``, in corpus order) as its categories and ``pos`` with
    every tag of the parts, sorted, so that the table is the same however it was cut."""
    brief = _brief_dtype(brief_ids)
    tags = set().union(*(_categories(p["pos"]) for p in parts)) if parts else set()
    pos = pd.CategoricalDtype(pd.Index(sorted(tags), dtype=str), ordered=False)
    parts = [p.assign(brief_id=p["brief_id"].astype(brief), pos=p["pos"].astype(pos))
             for p in parts]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=TOKEN_COLUMNS)


def _categories(values: pd.Series):
    return values.cat.categories if isinstance(values.dtype, pd.CategoricalDtype) \
        else values.dropna().unique()


def _cached_tokens(corpus: Corpus) -> pd.DataFrame:
    # The tagger is named by its model file's hash: a warm run does not load the model.
    key = storage.cache_key("tokens", corpus.content_key, splitter_mode(),
                            resources.tagger_key(), code_fingerprint())
    frame = storage.read_cached_table("tokens", key)
    if frame is not None and _valid_tokens(frame, corpus):
        return frame
    frame = _tokenize_corpus(corpus)
    storage.write_cached_table("tokens", key, frame)
    return frame


def _tokenize_corpus(corpus: Corpus, *, workers: int | None = None) -> pd.DataFrame:
    """The tokens table, on all cores for 200 briefs or more: chunks of whole briefs (at
    most 100 each, about four per process) tokenised in a process pool, joined in order."""
    if workers is None:
        workers = (os.cpu_count() or 1) if len(corpus) >= PARALLEL_MIN_FILES else 1
    sentences = corpus.sentences
    ids = sentences["brief_id"].to_numpy()
    firsts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if len(ids) else np.zeros(0, int)
    per_chunk = max(1, min(100, -(-len(firsts) // (4 * max(1, workers)))))
    cuts = [*firsts[::per_chunk].tolist(), len(ids)]
    if workers <= 1 or len(cuts) <= 2:
        return join_tokens([tokenize_sentences(sentences)], corpus.briefs["brief_id"])
    chunks = [sentences.iloc[a:b] for a, b in zip(cuts, cuts[1:])]
    resources.pos_tag(["Warm", "up"])  # the tagger loads once, before the workers start
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        parts = list(pool.map(tokenize_sentences, chunks))
    frame = join_tokens(parts, corpus.briefs["brief_id"])
    del parts
    release_memory()
    return frame


def _valid_tokens(frame: pd.DataFrame, corpus: Corpus) -> bool:
    """Whether a cached tokens table fits this corpus: columns, types and every span."""
    if list(frame.columns) != TOKEN_COLUMNS:
        return False
    try:
        texts = dict(zip(corpus.briefs["brief_id"], corpus.briefs["text"]))
        if set(frame["brief_id"].unique()) - set(texts) or frame["start"].dtype.kind != "i":
            return False
        sample = frame.iloc[:: max(1, len(frame) // 500)]
        return all(texts[b][s:e] == t for b, s, e, t in
                   sample[["brief_id", "start", "end", "token"]].itertuples(index=False))
    except (KeyError, TypeError, ValueError):
        return False


def sample_path() -> Path:
    """The bundled sample corpus (``data/briefs``)."""
    from briefkit.paths import sample_briefs_dir

    return sample_briefs_dir()

