"""Where briefkit's project, data, cache and build folders live.

Nothing here depends on the current directory: Jupyter starts a kernel in the notebook's
folder and papermill does not, so every path is derived from this file or from the
environment (``BRIEFKIT_DATA``, ``BRIEFKIT_CACHE``, ``BRIEFKIT_BUILD``).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"  # packaged reference tables (actors.csv, lexicon.csv, ...)


def _find_project_root() -> Path | None:
    """The checkout holding this package (src layout), or None for an installed wheel."""
    candidate = PACKAGE_DIR.parent.parent
    if (candidate / "pyproject.toml").is_file() and (candidate / "src" / "briefkit").is_dir():
        return candidate
    return None


PROJECT_ROOT = _find_project_root()


def project_data_dir() -> Path | None:
    """The project's ``data/`` folder (sample briefs, annotations); ``BRIEFKIT_DATA`` overrides."""
    override = os.environ.get("BRIEFKIT_DATA")
    if override:
        return Path(override).expanduser().resolve()
    return PROJECT_ROOT / "data" if PROJECT_ROOT else None


def sample_briefs_dir() -> Path:
    """The bundled sample corpus, ``data/briefs``."""
    base = project_data_dir()
    if base is None:
        raise FileNotFoundError(
            "briefkit's sample corpus ships with the project checkout; "
            "set BRIEFKIT_DATA to a folder holding briefs/ and annotations/"
        )
    return base / "briefs"


def annotations_dir() -> Path:
    """The hand labels, ``data/annotations``."""
    return sample_briefs_dir().parent / "annotations"


def shared_dir() -> Path | None:
    """``../shared`` beside the checkout (development corpora and NLTK data), if present."""
    override = os.environ.get("BRIEFKIT_SHARED")
    if override:
        path = Path(override)
        return path if path.is_dir() else None
    if PROJECT_ROOT is None:
        return None
    path = PROJECT_ROOT.parent / "shared"
    return path if path.is_dir() else None


def cache_dir() -> Path:
    """Where cached results go: ``BRIEFKIT_CACHE``, else ``.briefkit-cache/`` in the project."""
    override = os.environ.get("BRIEFKIT_CACHE")
    if override:
        return Path(override).expanduser()
    if PROJECT_ROOT is not None:
        return PROJECT_ROOT / ".briefkit-cache"
    return Path.home() / ".cache" / "briefkit"


def build_dir() -> Path:
    """Where outputs go by default: ``BRIEFKIT_BUILD``, else ``build/`` in the project."""
    override = os.environ.get("BRIEFKIT_BUILD")
    if override:
        return Path(override).expanduser()
    if PROJECT_ROOT is not None:
        return PROJECT_ROOT / "build"
    return Path.cwd() / "build"


# Names from the first API note (notes/api.md), resolved when read so that BRIEFKIT_DATA and
# BRIEFKIT_SHARED set after import still count: paths.SAMPLE_BRIEFS, paths.ANNOTATIONS_DIR,
# paths.SHARED_DIR (None without ../shared).
_LAZY = {"SAMPLE_BRIEFS": sample_briefs_dir, "ANNOTATIONS_DIR": annotations_dir,
         "SHARED_DIR": shared_dir}


def __getattr__(name: str):
    if name in _LAZY:
        return _LAZY[name]()
    raise AttributeError(f"module 'briefkit.paths' has no attribute {name!r}")
