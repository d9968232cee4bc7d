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
import hashlib
import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from briefkit import __version__
from briefkit.paths import cache_dir

# Bump when the layout of cached records changes, so old entries are never read.
CACHE_SCHEMA = 2


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
        if keep_mode:
            _match_mode(tmp, path)
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


def _match_mode(tmp: str, path: Path) -> None:
    """Give the new file the old file's permissions, or the usual 0644 (mkstemp uses 0600)."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
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
