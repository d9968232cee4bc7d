"""Reproducibility: pinned versions, provenance of every run, identical results run to run."""

from __future__ import annotations

import json
import platform
import re
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pandas as pd
import pytest
import yaml

import briefkit as bk
from briefkit.provenance import provenance, provenance_table, stable_part

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, as tomli
    tomllib = pytest.importorskip("tomli", reason="reading pyproject.toml needs tomllib or tomli")

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements-lock.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)", re.M)


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, str]:
    return {_canonical(name): version for name, version in PIN.findall(LOCK.read_text())}


def _extras_of_environment_yml() -> set[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    return set(re.fullmatch(r"-e \.\[(.*)\]", pip[0]).group(1).split(","))


# --- the lock file -----------------------------------------------------------------------


@pytest.mark.offline
def test_lock_pins_every_dependency_of_pyproject_within_its_range():
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins()
    wanted = list(project["dependencies"])
    for extra in sorted(_extras_of_environment_yml()):
        wanted += project["optional-dependencies"][extra]
    missing, outside = [], []
    for line in wanted:
        req = Requirement(line)
        version = pins.get(_canonical(req.name))
        if version is None:
            missing.append(req.name)
        elif not req.specifier.contains(version, prereleases=True):
            outside.append(f"{req.name}=={version} (wants {req.specifier})")
    assert not missing and not outside, (
        f"requirements-lock.txt is stale (run `make lock`): missing {missing}, outside {outside}")


@pytest.mark.offline
def test_lock_has_exact_pins_only_and_names_its_command():
    text = LOCK.read_text()
    requirement_lines = [ln for ln in text.splitlines() if ln and not ln.lstrip().startswith("#")]
    assert all(PIN.match(ln) for ln in requirement_lines), "one name==version per line"
    assert "make lock" in text and "Python 3.11" in text


@pytest.mark.offline
def test_lock_is_made_from_the_extras_environment_yml_installs():
    dry_run = subprocess.run(["make", "-n", "lock"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout
    assert "pip-compile" in dry_run and "requirements-lock.txt" in dry_run
    assert set(re.findall(r"--extra (\w+)", dry_run)) == _extras_of_environment_yml()


@pytest.mark.offline
def test_make_installs_from_the_lock_first():
    makefile = (ROOT / "Makefile").read_text()
    assert "LOCK   := $(wildcard requirements-lock.txt)" in makefile
    assert "-m pip install --quiet -r $(LOCK)" in makefile


@pytest.mark.offline
@pytest.mark.skipif(not (sys.platform == "linux" and platform.machine() == "x86_64"
                         and sys.version_info[:2] == (3, 11)),
                    reason="the lock is for Linux x86_64, Python 3.11")
def test_the_locked_versions_are_the_installed_ones():
    different = {}
    for name, version in _pins().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            different[name] = (version, "not installed")
            continue
        if installed != version:
            different[name] = (version, installed)
    assert not different, f"locked vs installed (run `make lock`, or reinstall): {different}"


# --- provenance --------------------------------------------------------------------------


@pytest.mark.offline
def test_provenance_records_what_the_issue_asks_for():
    corpus = bk.Corpus.from_texts(["Iran gains.", "Russia acts."])
    record = provenance(corpus=corpus, parameters={"briefs_path": None, "sample": True})
    assert record["briefkit"] == bk.__version__
    assert record["python"] == platform.python_version()
    assert {"pandas", "nltk", "vaderSentiment"} <= set(record["packages"])
    assert record["nltk_resources"] in {"nltk", "fallback", "mixed"}
    assert record["corpus_sha256"] == corpus.fingerprint and record["briefs"] == 2
    assert record["parameters"] == {"briefs_path": None, "sample": True}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", record["date"])
    json.dumps(record)  # JSON-ready as it is


@pytest.mark.offline
def test_provenance_is_shown_as_a_small_table():
    record = provenance(corpus=bk.Corpus.from_texts(["Iran gains."]), parameters={"n": 3})
    table = provenance_table(record)
    assert list(table.columns) == ["value"]
    assert table.loc["pandas", "value"] == record["packages"]["pandas"]
    assert table.loc["parameters", "value"] == '{"n": 3}'
    assert "<table" in record._repr_html_() and "corpus_sha256" in record._repr_html_()


@pytest.mark.offline
def test_bk_provenance_is_callable_even_after_its_module_is_imported():
    import briefkit.provenance  # noqa: F401  (makes bk.provenance the module, in plain Python)

    assert bk.provenance(corpus=bk.Corpus.from_texts(["A."]))["briefs"] == 1


@pytest.mark.offline
def test_the_report_index_shows_provenance():
    from briefkit.report import Page, index_html

    record = provenance(corpus=bk.Corpus.from_texts(["A."]), parameters={})
    html = index_html([Page("01-x.ipynb", "x", "01-x.html", 1.0)], record)
    assert "Provenance" in html and record["corpus_sha256"] in html and record["briefkit"] in html


@pytest.mark.offline
def test_the_corpus_hash_changes_with_the_text_not_with_the_order_of_loading():
    a = bk.Corpus.from_texts({"a": "Iran gains.", "b": "Russia acts."})
    b = bk.Corpus.from_texts({"b": "Russia acts.", "a": "Iran gains."})
    c = bk.Corpus.from_texts({"a": "Iran gains!", "b": "Russia acts."})
    assert a.fingerprint == b.fingerprint != c.fingerprint


# --- two runs, same inputs: the same tables and the same figures' data --------------------

RUN = textwrap.dedent("""
    import importlib
    import sys
    from pathlib import Path

    import pandas as pd

    import briefkit as bk
    from briefkit.export import build_tables, export_tables

    out = Path(sys.argv[1])
    corpus = bk.load_corpus(bk.sample_path(), progress=False)
    export_tables(corpus, to=out, format="parquet")
    tables = build_tables(corpus, tables=["mentions", "claims", "sentiment"])
    # The data behind the notebooks' figures, each where its function exists.
    FIGURES = {
        "briefs_per_month": ("plots", "briefs_per_month", lambda f: f(corpus)),
        "judgment_points": ("plots", "judgment_points", lambda f: f(tables["claims"])),
        "actor_pairs": ("plots", "actor_pairs", lambda f: f(tables["mentions"])),
        "tone_timeline": ("sentiment", "tone_timeline",
                          lambda f: f(tables["sentiment"], corpus, freq="M")),
        "actor_timeline": ("compare", "actor_timeline",
                           lambda f: f(tables["mentions"], corpus, freq="half")),
        "keyness_by_year": ("compare", "keyness", lambda f: f(corpus, by="year", a=2015, b=2017)),
        "brief_similarity": ("compare", "brief_similarity", lambda f: f(corpus)),
        "tone_by_country": ("compare", "tone_summary",
                            lambda f: f(tables["sentiment"], corpus, by="holder_country",
                                        freq="year")),
        "tracked_claims": ("compare", "track_claims",
                           lambda f: f(tables["claims"], mentions=tables["mentions"],
                                       corpus=corpus)),
    }
    (out / "figures").mkdir()
    for name, (module, function, call) in FIGURES.items():
        f = getattr(importlib.import_module("briefkit." + module), function, None)
        if f is None:
            continue
        frame = pd.DataFrame(call(f)).reset_index()
        periods = [c for c in frame.columns if isinstance(frame[c].dtype, pd.PeriodDtype)]
        frame = frame.astype({c: str for c in periods})
        frame.columns = [str(c) for c in frame.columns]
        frame.to_parquet(out / "figures" / f"{name}.parquet", index=False)
""")


def _snapshot_code(scratch: Path) -> Path:
    """A copy of briefkit's source, so that every run uses the same code even while the
    checkout is being edited; the sample corpus is read from the checkout (BRIEFKIT_DATA)."""
    import shutil

    target = scratch / "src"
    shutil.copytree(ROOT / "src" / "briefkit", target / "briefkit",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _run_pipeline(out: Path, *, cache: Path, hashseed: str, nltk_data: str | None, scratch: Path):
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(scratch), "PYTHONHASHSEED": hashseed,
        "PYTHONPATH": str(scratch / "src"), "BRIEFKIT_DATA": str(ROOT / "data"),
        "BRIEFKIT_CACHE": str(cache), "BRIEFKIT_BUILD": str(scratch / "build"),
        "MPLCONFIGDIR": str(scratch / "mpl"), "MPLBACKEND": "Agg", "BRIEFKIT_DOWNLOAD": "0",
        "NLTK_DATA": nltk_data or str(scratch / "no-nltk-data"),
    }
    done = subprocess.run([sys.executable, "-c", RUN, str(out)], env=env, cwd=scratch,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"the pipeline failed in {out.name}:\n{done.stderr[-3000:]}"
    return out


def _frames(folder: Path) -> dict[str, pd.DataFrame]:
    return {str(p.relative_to(folder)): pd.read_parquet(p)
            for p in sorted(folder.rglob("*.parquet"))}


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["nltk", "fallback"])
def test_two_runs_on_the_same_inputs_give_identical_tables_and_figure_data(mode, tmp_path):
    from briefkit.paths import shared_dir

    nltk_data = None
    if mode == "nltk":
        if shared_dir() is None or not (shared_dir() / "nltk_data").is_dir():
            pytest.skip("no NLTK data in ../shared")
        nltk_data = str(shared_dir() / "nltk_data")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    _snapshot_code(scratch)
    # Fresh processes with different hash seeds and empty caches, then a third from the
    # first run's warm cache: set order, process state and the cache must change nothing.
    runs = [
        _run_pipeline(tmp_path / "one", cache=tmp_path / "cache-1", hashseed="1",
                      nltk_data=nltk_data, scratch=scratch),
        _run_pipeline(tmp_path / "two", cache=tmp_path / "cache-2", hashseed="2",
                      nltk_data=nltk_data, scratch=scratch),
        _run_pipeline(tmp_path / "warm", cache=tmp_path / "cache-1", hashseed="3",
                      nltk_data=nltk_data, scratch=scratch),
    ]
    first = _frames(runs[0])
    assert {"briefs.parquet", "sentences.parquet", "tokens.parquet", "mentions.parquet",
            "claims.parquet", "sentiment.parquet", "figures/briefs_per_month.parquet",
            "figures/judgment_points.parquet", "figures/actor_pairs.parquet",
            "figures/keyness_by_year.parquet", "figures/tracked_claims.parquet",
            "figures/tone_timeline.parquet", "tone_by_holder.parquet"} <= set(first)
    for run in runs[1:]:
        other = _frames(run)
        assert set(other) == set(first)
        for name, frame in first.items():
            pd.testing.assert_frame_equal(other[name], frame, check_exact=True,
                                          obj=f"{run.name}/{name}")
    records = [json.loads((run / "provenance.json").read_text()) for run in runs]
    assert records[0]["nltk_resources"] == ("nltk" if mode == "nltk" else "fallback")
    for record in records[1:]:
        assert stable_part(record) == stable_part(records[0])
