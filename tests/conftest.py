"""Shared test set-up: keep every run's state out of the project and the home folder.

Tests that need ../shared (real corpora, NLTK data, evaluation sets) use the `shared`
fixture, which skips cleanly when the folder is absent.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_SCRATCH = Path(tempfile.mkdtemp(prefix="briefkit-tests-"))


def pytest_configure(config):
    # Before any kernel starts (nbmake, papermill): Jupyter, IPython, matplotlib and
    # briefkit's cache write into a scratch folder, never the home folder or the checkout.
    for name, sub in (("JUPYTER_CONFIG_DIR", "jupyter-config"), ("JUPYTER_DATA_DIR", "jupyter-data"),
                      ("IPYTHONDIR", "ipython"), ("MPLCONFIGDIR", "mpl"), ("BRIEFKIT_CACHE", "cache"),
                      ("BRIEFKIT_BUILD", "build")):
        os.environ.setdefault(name, str(_SCRATCH / sub))
    os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, monkeypatch):
    """Each test gets its own empty briefkit cache and build folder."""
    monkeypatch.setenv("BRIEFKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFKIT_BUILD", str(tmp_path / "build"))


@pytest.fixture(scope="session")
def shared():
    """The ../shared folder beside the checkout, or skip."""
    from briefkit.paths import shared_dir

    folder = shared_dir()
    if folder is None:
        pytest.skip("../shared is not beside this checkout")
    return folder
