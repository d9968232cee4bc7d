"""Atomic writes and the content-addressed cache in ``.briefkit-cache/``.

Every file briefkit writes goes to a temporary file in the same folder and is renamed into
place, so a process killed mid-write leaves the previous file whole. Cache entries are JSON
or Parquet, never pickles: an entry that is corrupt or from another briefkit version is
ignored and rebuilt, never trusted.

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
CACHE_SCHEMA = 1


def cache_key(*parts) -> str:
    """A hex digest over the parts, briefkit's version and the cache schema."""
    payload = json.dumps([__version__, CACHE_SCHEMA, *parts], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, *, suffix: str = ""):
    """Yield a temporary path beside ``path``; on success rename it over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix + ".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write bytes to ``path`` atomically."""
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    return Path(path)


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text to ``path`` atomically."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def _entry(kind: str, key: str, suffix: str) -> Path:
    return cache_dir() / kind / key[:2] / f"{key}{suffix}"


def read_cached_json(kind: str, key: str):
    """A cached JSON value, or None when absent, unreadable or not briefkit's."""
    path = _entry(kind, key, ".json")
    try:
        envelope = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(envelope, dict) or envelope.get("key") != key:
        return None
    return envelope.get("value")


def write_cached_json(kind: str, key: str, value) -> None:
    """Store a JSON value in the cache (atomically; a failure to write is not an error)."""
    payload = json.dumps({"key": key, "value": value}, ensure_ascii=False)
    with contextlib.suppress(OSError):
        atomic_write_text(_entry(kind, key, ".json"), payload)


def read_cached_frame(kind: str, key: str) -> pd.DataFrame | None:
    """A cached DataFrame, or None when absent or unreadable."""
    path = _entry(kind, key, ".parquet")
    if not path.exists():
        return None
    try:
        frame = pd.read_parquet(path)
    except Exception:  # a truncated or foreign file: rebuild
        return None
    if frame.attrs.get("briefkit_key") not in (None, key):
        return None
    return frame


def write_cached_frame(kind: str, key: str, frame: pd.DataFrame) -> None:
    """Store a DataFrame in the cache as Parquet (atomically; failures are not errors)."""
    with contextlib.suppress(OSError, ValueError, TypeError, ImportError):
        with atomic_path(_entry(kind, key, ".parquet"), suffix=".parquet") as tmp:
            frame.to_parquet(tmp, index=False)
