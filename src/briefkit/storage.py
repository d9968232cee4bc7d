"""Atomic writes and the content-addressed cache in ``.briefkit-cache/``.

Every file briefkit writes goes to a temporary file in the same folder and is renamed into
place (``os.replace``, atomic on POSIX and Windows), so a process killed mid-write leaves
the previous file whole, and a reader never sees half a file. Use these helpers for every
output: the cache, exports, the report.

Cache entries are JSON or Parquet, never pickles: an entry that is corrupt, not
briefkit's, or from another briefkit version is ignored and rebuilt, never trusted.

>>> key = cache_key("sentences", "abc", 3)
>>> len(key)
64
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from briefkit import __version__
from briefkit.paths import cache_dir

# Bump when the layout of cached records changes, so old entries are never read.
CACHE_SCHEMA = 2


def _usual_mode() -> int:
    """The permissions a plain ``open(path, "w")`` gives a new file: 0666 less the umask."""
    umask = os.umask(0o022)  # read it: the only way is to set it, then put it back at once
    os.umask(umask)
    return 0o666 & ~umask


# Read once, at import: files briefkit creates get the same permissions as any other file
# the user writes (mkstemp's 0600 would keep a shared cache or report from the rest of a class).
USUAL_MODE = _usual_mode()


def cache_key(*parts) -> str:
    """A hex digest over the parts, briefkit's version and the cache schema."""
    payload = json.dumps([__version__, CACHE_SCHEMA, *parts], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, *, suffix: str = "", fsync: bool = True,
                keep_mode: bool = True):
    """Yield a temporary path beside ``path``; when the block succeeds, rename it over ``path``.

    For writers that want a file name (``frame.to_parquet(tmp)``, nbconvert). If the block
    raises, ``path`` is left as it was and the temporary file is removed. With ``fsync``
    the data reaches the disk before the rename, so even a power cut leaves one whole file.
    The new file keeps the permissions of the one it replaces (with ``keep_mode``), else it
    gets those of any file the user creates (0666 less the umask), never mkstemp's 0600.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix + ".tmp", dir=path.parent)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix + ".tmp", dir=path.parent)
    os.close(fd)
    renamed = False
    try:
        yield Path(tmp)
        if fsync:
            _fsync_file(tmp)
        _match_mode(tmp, path if keep_mode else None)
        os.replace(tmp, path)
        renamed = True
    finally:
        if not renamed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def _fsync_file(path: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _match_mode(tmp: str, path: Path | None) -> None:
    """Give the new file the old file's permissions (``path``'s, when given and present),
    else those of any new file the user writes, 0666 less the umask (mkstemp uses 0600)."""
    try:
        mode = path.stat().st_mode & 0o777 if path is not None else USUAL_MODE
    except OSError:
        mode = USUAL_MODE
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def atomic_write_bytes(path: str | os.PathLike, data: bytes, *, fsync: bool = True,
                       keep_mode: bool = True) -> Path:
    """Write bytes to ``path`` atomically; returns the path."""
    with atomic_path(path, fsync=fsync, keep_mode=keep_mode) as tmp, open(tmp, "wb") as handle:
        handle.write(data)
    return Path(path)


def atomic_write_text(path: str | os.PathLike, text: str, *, fsync: bool = True,
                      keep_mode: bool = True) -> Path:
    """Write UTF-8 text to ``path`` atomically; returns the path."""
    return atomic_write_bytes(path, text.encode("utf-8"), fsync=fsync, keep_mode=keep_mode)


def atomic_write_json(path: str | os.PathLike, value, *, fsync: bool = True) -> Path:
    """Write a JSON value to ``path`` atomically (UTF-8, indented); returns the path."""
    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    return atomic_write_text(path, text + "\n", fsync=fsync)


def atomic_write_frame(path: str | os.PathLike, frame: pd.DataFrame, *, fsync: bool = True,
                       **options) -> Path:
    """Write a DataFrame atomically as Parquet, CSV, TSV or JSON Lines, by ``path``'s suffix.

    ``options`` go to pandas' writer; the index is not written unless asked for.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    with atomic_path(path, suffix=suffix, fsync=fsync) as tmp:
        if suffix == ".parquet":
            frame.to_parquet(tmp, **{"index": False, **options})
        elif suffix in {".csv", ".tsv"}:
            sep = "\t" if suffix == ".tsv" else ","
            frame.to_csv(tmp, **{"index": False, "sep": sep, **options})
        elif suffix in {".jsonl", ".ndjson"}:
            frame.to_json(tmp, **{"orient": "records", "lines": True, "date_format": "iso",
                                  "force_ascii": False, **options})
        else:
            raise ValueError(f"{path}: write .parquet, .csv, .tsv or .jsonl")
    return path


# --- the cache ---------------------------------------------------------------------------


def _entry(kind: str, key: str, suffix: str) -> str:
    return os.path.join(cache_dir(), kind, key[:2], f"{key}{suffix}")


def read_cached_json(kind: str, key: str):
    """A cached JSON value, or None when absent, unreadable, or not this version's."""
    path = _entry(kind, key, ".json")
    try:
        with open(path, "rb") as handle:
            envelope = json.loads(handle.read().decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if (not isinstance(envelope, dict) or envelope.get("key") != key
            or envelope.get("version") != __version__ or envelope.get("schema") != CACHE_SCHEMA):
        return None
    return envelope.get("value")


def write_cached_json(kind: str, key: str, value) -> None:
    """Store a JSON value in the cache (atomically; a failure to write is not an error).

    Cache entries are not fsynced: after a power cut the worst case is an entry that
    fails to parse, which is then rebuilt.
    """
    envelope = {"key": key, "version": __version__, "schema": CACHE_SCHEMA, "value": value}
    payload = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))
    with contextlib.suppress(OSError):
        atomic_write_text(_entry(kind, key, ".json"), payload, fsync=False, keep_mode=False)


def read_cached_frame(kind: str, key: str) -> pd.DataFrame | None:
    """A cached DataFrame, or None when absent, unreadable or written under another key."""
    path = _entry(kind, key, ".parquet")
    if not os.path.exists(path):
        return None
    try:
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        stamp = (table.schema.metadata or {}).get(b"briefkit")
        if stamp is None or json.loads(stamp) != {"key": key, "version": __version__}:
            return None
        return table.to_pandas()
    except Exception:
        return None


def write_cached_frame(kind: str, key: str, frame: pd.DataFrame) -> None:
    """Store a DataFrame in the cache as Parquet, stamped with its key and briefkit's version.

    Written atomically; a failure to write is not an error.
    """
    with contextlib.suppress(Exception):
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        stamp = json.dumps({"key": key, "version": __version__}).encode()
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), b"briefkit": stamp})
        with atomic_path(_entry(kind, key, ".parquet"), suffix=".parquet", fsync=False,
                         keep_mode=False) as tmp:
            pq.write_table(table, tmp)


def read_cached_arrays(kind: str, key: str) -> dict | None:
    """Cached numpy arrays (an ``.npz`` written by :func:`write_cached_arrays`), or None.

    Read with ``allow_pickle=False``: an entry holding Python objects is refused, never run.
    """
    path = _entry(kind, key, ".npz")
    if not os.path.exists(path):
        return None
    try:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        stamp = json.loads(arrays.pop("__briefkit__").tobytes().decode("utf-8"))
        if stamp != {"key": key, "version": __version__, "schema": CACHE_SCHEMA}:
            return None
        return arrays
    except Exception:
        return None


def write_cached_arrays(kind: str, key: str, arrays: dict) -> None:
    """Store numpy arrays in the cache as one ``.npz``, stamped with the key (atomically;
    a failure to write is not an error)."""
    with contextlib.suppress(Exception):
        import numpy as np

        stamp = json.dumps({"key": key, "version": __version__, "schema": CACHE_SCHEMA})
        payload = {**arrays, "__briefkit__": np.frombuffer(stamp.encode("utf-8"), dtype=np.uint8)}
        with atomic_path(_entry(kind, key, ".npz"), suffix=".npz", fsync=False,
                         keep_mode=False) as tmp, open(tmp, "wb") as handle:
            np.savez(handle, **payload)


# --- tables cached exactly ---------------------------------------------------------------

# Object columns that Parquet gives back exactly once restored: strings, or booleans (with
# None or NaN for missing values). Anything else in an object column is not cached.
_EXACT_OBJECTS = frozenset({"string", "boolean", "empty"})


def _table_spec(frame: pd.DataFrame) -> dict | None:
    """How to restore ``frame`` after Parquet: each column's dtype and, for object columns,
    what stands for a missing value (None or NaN). None: not exactly cacheable."""
    if not isinstance(frame, pd.DataFrame) or not isinstance(frame.index, pd.RangeIndex) \
            or frame.index.start != 0 or frame.index.step != 1:
        return None
    names = list(frame.columns)
    if not all(isinstance(n, str) for n in names) or len(set(names)) != len(names):
        return None
    columns = []
    for name in names:
        column = frame[name]
        spec = {"name": name, "dtype": str(column.dtype)}
        if column.dtype == object:
            if pd.api.types.infer_dtype(column, skipna=True) not in _EXACT_OBJECTS:
                return None
            missing = {type(v).__name__ for v in column[column.isna()]}
            if len(missing) > 1 or missing - {"NoneType", "float"}:
                return None
            spec["missing"] = "nan" if missing == {"float"} else "none"
        columns.append(spec)
    try:
        attrs = json.loads(json.dumps(frame.attrs))
    except (TypeError, ValueError):
        return None
    return {"columns": columns, "attrs": attrs}


def _restore_table(frame: pd.DataFrame, spec: dict) -> pd.DataFrame | None:
    """A table read from Parquet, made equal to the one written; None if it cannot be."""
    if list(frame.columns) != [c["name"] for c in spec["columns"]]:
        return None
    for column in spec["columns"]:
        name, dtype = column["name"], column["dtype"]
        values = frame[name]
        if dtype == "object":
            restored = values.astype(object)
            missing = None if column["missing"] == "none" else float("nan")
            frame[name] = restored.where(values.notna(), missing)
        elif str(values.dtype) != dtype:
            try:
                frame[name] = values.astype(dtype)
            except (TypeError, ValueError):
                return None
    frame.attrs = spec["attrs"]
    return frame


def write_cached_table(kind: str, key: str, frame: pd.DataFrame) -> bool:
    """Store a DataFrame as Parquet so that :func:`read_cached_table` gives it back equal:
    the same dtypes, object columns with None (or NaN) where they had it, the same attrs.

    Returns False (and writes nothing) for a frame that cannot come back exactly: an index
    other than 0..n-1, columns that are not unique strings, object columns of other values
    than strings and booleans. Written atomically; a failure to write is not an error.
    """
    spec = _table_spec(frame)
    if spec is None:
        return False
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        stamp = json.dumps({"key": key, "version": __version__, "schema": CACHE_SCHEMA,
                            "spec": spec}).encode("utf-8")
        table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                               b"briefkit": stamp})
        with atomic_path(_entry(kind, key, ".parquet"), suffix=".parquet", fsync=False,
                         keep_mode=False) as tmp:
            pq.write_table(table, tmp)
        return True
    except Exception:
        return False


def read_cached_table(kind: str, key: str) -> pd.DataFrame | None:
    """A table written by :func:`write_cached_table`, or None when absent, unreadable,
    written under another key or version, or not restorable."""
    path = _entry(kind, key, ".parquet")
    if not os.path.exists(path):
        return None
    try:
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        stamp = json.loads((table.schema.metadata or {})[b"briefkit"])
        if (stamp.get("key"), stamp.get("version"), stamp.get("schema")) != (
                key, __version__, CACHE_SCHEMA):
            return None
        return _restore_table(table.to_pandas(), stamp["spec"])
    except Exception:
        return None


# --- caching corpus -> DataFrame functions -----------------------------------------------


class _Uncacheable(Exception):
    """An option whose value cannot be put in a cache key (the call is not cached)."""


def _file_digest(path) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (OSError, AttributeError):
        try:
            return hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            return None


def frame_digest(frame: pd.DataFrame) -> str:
    """A hash of a DataFrame's columns, dtypes, index and values (for cache keys)."""
    digest = hashlib.sha256(json.dumps([[str(c), str(t)] for c, t in frame.dtypes.items()])
                            .encode("utf-8"))
    digest.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    return digest.hexdigest()


def _canonical(value):
    """A JSON form of an option's value that tells apart the values a function could tell
    apart; raises _Uncacheable for a value it cannot describe."""
    import dataclasses

    if value is None or isinstance(value, (bool, int, float)):
        return value
    if type(value).__module__ == "numpy" and hasattr(value, "item") and not value.shape:
        return {type(value).__name__: value.item()}
    if isinstance(value, str):
        # A string naming a file (a gazetteer's path) is keyed by the file's content too.
        digest = _file_digest(value) if len(value) < 4096 and os.path.isfile(value) else None
        return value if digest is None else {"str": value, "file": digest}
    if isinstance(value, os.PathLike):
        return {"path": os.fspath(value), "file": _file_digest(value)}
    if isinstance(value, (list, tuple)):
        return {type(value).__name__: [_canonical(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"set": sorted((_canonical(v) for v in value), key=json.dumps)}
    if isinstance(value, dict):
        return {"dict": sorted(([_canonical(k), _canonical(v)] for k, v in value.items()),
                               key=json.dumps)}
    if isinstance(value, pd.DataFrame):
        try:
            return {"frame": frame_digest(value)}
        except TypeError as exc:
            raise _Uncacheable from exc
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = f"{type(value).__module__}.{type(value).__qualname__}"
        return {"dataclass": kind, "fields": [[f.name, _canonical(getattr(value, f.name))]
                                              for f in dataclasses.fields(value)]}
    raise _Uncacheable(type(value).__name__)


@functools.cache
def package_fingerprint() -> str:
    """A hash of everything that shapes briefkit's tables: every module and data file of
    the package, the sentence splitter's mode, NLTK's tagger model and stopword list, and
    vaderSentiment's version. A changed module or lexicon never serves a stale table (a
    needless rebuild is cheap, a stale one is not)."""
    from briefkit import resources, text

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for pattern in ("*.py", "data/*") for p in here.glob(pattern)):
        digest.update(path.relative_to(here).as_posix().encode("utf-8"))
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    with contextlib.suppress(Exception):
        from importlib.metadata import version

        digest.update(version("vaderSentiment").encode())
    digest.update(text.splitter_mode().encode())
    digest.update(resources.tagger_key().encode())
    digest.update(str(resources.nltk_resource("stopwords")).encode())
    return digest.hexdigest()[:16]


def cache_disabled() -> bool:
    """Whether ``BRIEFKIT_NO_CACHE`` turns the table cache off (for timing cold runs)."""
    return os.environ.get("BRIEFKIT_NO_CACHE", "") not in {"", "0", "false", "no"}


# The last tables computed or read in this process: (key -> frame), most recent last. They
# are kept up to MEMO_MAX_CELLS cells (rows x columns) in all and MEMO_ENTRIES tables, the
# least recently used forgotten first: the tone explorer's many small per-target tables do
# not push out the corpus's mentions and claims. A larger table is kept on disk only.
_MEMO: OrderedDict[str, pd.DataFrame] = OrderedDict()
MEMO_ENTRIES = 64
MEMO_MAX_CELLS = 20_000_000


def _memo_key(key: str) -> str:
    # Tables in memory mirror one cache folder: another folder (each test's) starts empty.
    return f"{cache_dir()}\0{key}"


def _recall(key: str) -> pd.DataFrame | None:
    """A copy of the table kept in memory under a cache key, or None."""
    frame = _MEMO.get(_memo_key(key))
    if frame is None:
        return None
    _MEMO.move_to_end(_memo_key(key))
    return frame.copy()


def _remember(key: str, frame: pd.DataFrame) -> None:
    if frame.size > MEMO_MAX_CELLS:
        return
    _MEMO[_memo_key(key)] = frame
    _MEMO.move_to_end(_memo_key(key))
    while len(_MEMO) > MEMO_ENTRIES or sum(f.size for f in _MEMO.values()) > MEMO_MAX_CELLS:
        _MEMO.popitem(last=False)  # never the table just kept: it fits by itself


def clear_memo() -> None:
    """Forget the tables kept in this process (the disk cache stays)."""
    _MEMO.clear()


def cached_table(kind: str, *, code: Callable[[], str] = package_fingerprint):
    """Decorate a ``corpus -> DataFrame`` function so that its tables are computed once.

    A call's table is kept in ``.briefkit-cache/<kind>/`` as Parquet, under a key made of
    the corpus's content (:attr:`~briefkit.corpus.Corpus.content_key`: its briefs' ids and
    hashes and its sentences' spans), the call's options (bound to the function's
    signature, so positional and keyword spellings agree; a path is keyed by its file's
    content, a DataFrame by its values), the function's name, briefkit's version and
    ``code()`` (by default :func:`package_fingerprint`). The last few tables are also kept
    in memory, so that functions that need another's table (claims and sentiment need the
    mentions) compute it once per corpus. Every call returns a new copy: the function stays
    pure. Tables come back equal to those computed (:func:`write_cached_table`); nothing is
    unpickled; an unreadable entry is rebuilt. A call with an option that cannot be keyed
    (an arbitrary object) is computed as usual, uncached; so is every call while
    ``BRIEFKIT_NO_CACHE=1``.

    The wrapper has ``lookup(corpus, ...)`` (the table if cached, else None) and
    ``store(frame, corpus, ...)``, for callers that compute a table another way (in
    chunks, in other processes); ``__wrapped__`` is the function itself.

    >>> from briefkit.corpus import Corpus
    >>> @cached_table("doctest-lengths")
    ... def lengths(corpus, *, extra=0):
    ...     return corpus.briefs[["brief_id"]].assign(n=corpus.briefs["text"].str.len() + extra)
    >>> corpus = Corpus.from_texts(["Iran acts.", "Russia waits."])
    >>> lengths(corpus, extra=1)["n"].tolist(), lengths.lookup(corpus, extra=1) is not None
    ([11, 14], True)
    """
    import inspect

    def wrap(func):
        signature = inspect.signature(func)
        name = f"{func.__module__}.{func.__qualname__}"

        def key_of(corpus, args, options) -> str | None:
            if cache_disabled():
                return None
            try:
                bound = signature.bind(corpus, *args, **options)
                bound.apply_defaults()
                given = list(bound.arguments.items())[1:]
                call = [[k, _canonical(v)] for k, v in given]
                content = corpus.content_key
            except (_Uncacheable, TypeError, AttributeError, ValueError):
                return None
            return cache_key("table", kind, name, content, call, code())

        def lookup(corpus, *args, **options) -> pd.DataFrame | None:
            key = key_of(corpus, args, options)
            if key is None:
                return None
            frame = _recall(key)
            if frame is not None:
                return frame
            frame = read_cached_table(kind, key)
            if frame is None:
                return None
            _remember(key, frame)
            return frame.copy()

        def store(frame, corpus, *args, **options) -> None:
            key = key_of(corpus, args, options)
            if key is not None and _table_spec(frame) is not None:
                write_cached_table(kind, key, frame)
                _remember(key, frame.copy())

        @functools.wraps(func)
        def cached(corpus, *args, **options):
            key = key_of(corpus, args, options)
            if key is None:
                return func(corpus, *args, **options)
            frame = _recall(key)
            if frame is not None:
                return frame
            frame = read_cached_table(kind, key)
            if frame is None:
                frame = func(corpus, *args, **options)
                if _table_spec(frame) is None:
                    return frame  # cannot come back exactly: neither written nor kept
                write_cached_table(kind, key, frame)
            _remember(key, frame)
            return frame.copy()

        cached.lookup, cached.store, cached.cache_kind = lookup, store, kind
        return cached

    return wrap
