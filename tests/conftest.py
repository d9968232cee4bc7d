"""Shared test set-up: keep every run's state out of the project and the home folder.

Tests that need ../shared (real corpora, NLTK data, evaluation sets) use the `shared`
fixture, which skips cleanly when the folder is absent.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

_SCRATCH = Path(tempfile.mkdtemp(prefix="briefkit-tests-"))


def pytest_configure(config):
    # Before any kernel starts (nbmake, papermill): Jupyter, IPython, matplotlib and
    # briefkit's cache write into a scratch folder, never the home folder or the checkout.
    for name, sub in (("JUPYTER_CONFIG_DIR", "jupyter-config"),
                      ("JUPYTER_DATA_DIR", "jupyter-data"), ("IPYTHONDIR", "ipython"),
                      ("MPLCONFIGDIR", "mpl"), ("BRIEFKIT_CACHE", "cache"),
                      ("BRIEFKIT_BUILD", "build")):
        os.environ.setdefault(name, str(_SCRATCH / sub))
    os.environ.setdefault("MPLBACKEND", "Agg")
    # No test may reach the network or write NLTK data into the home folder.
    os.environ.setdefault("BRIEFKIT_DOWNLOAD", "0")
    _hypothesis_outside_the_checkout()


def _hypothesis_outside_the_checkout():
    """Hypothesis keeps its example database and caches in the scratch folder, not ./.hypothesis."""
    try:
        from hypothesis.configuration import set_hypothesis_home_dir
    except ImportError:
        return
    set_hypothesis_home_dir(_SCRATCH / "hypothesis")


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


@pytest.fixture(scope="session")
def benchmark():
    """A loader of benchmarks/<name>.py as a module, for tests of the scripts' parts. The
    module is registered under its name (a dataclass needs its module there); a checkout
    without benchmarks/ skips the test."""
    import importlib.util
    import sys

    root = Path(__file__).resolve().parents[1] / "benchmarks"

    def load(name: str):
        path = root / f"{name}.py"
        if not path.is_file():
            pytest.skip(f"benchmarks/{name}.py is not beside these tests")
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    return load


# --- data layer (loader, text, corpus) -------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """tests/fixtures: small briefs written for the tests, one per format."""
    return FIXTURES


@pytest.fixture(scope="session")
def make_pdf():
    """A function building a one-page PDF whose text is the given lines (no dependencies)."""
    return build_text_pdf


def build_text_pdf(lines: list[str], *, title: str = "", date: str = "") -> bytes:
    """A minimal valid PDF: one page, Helvetica, one text line per item ('' = line skip)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 11 Tf", "72 740 Td", "14 TL"]
    ops += [f"({escape(line)}) Tj T*" if line else "T*" for line in lines]
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252")
    info = f"<< /Title ({escape(title)}) /CreationDate (D:{date}) >>".encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        info,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture(autouse=True)
def _close_figures():
    """Figures a test opened are closed after it (matplotlib warns past 20 open ones)."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
