"""The project's own files agree with each other: dependencies, notebooks, commands."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, as tomli
    tomllib = pytest.importorskip("tomli", reason="reading pyproject.toml needs tomllib or tomli")

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.offline


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_environment_yml_installs_the_project_with_pyprojects_extras():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    python = next(d for d in conda if d.startswith("python"))
    minimum = re.search(r">=\s*(\d+\.\d+)", _pyproject()["project"]["requires-python"]).group(1)
    assert tuple(map(int, python.split("=")[1].split("."))) >= tuple(map(int, minimum.split(".")))
    assert "pip" in conda
    # Every other dependency comes from pyproject.toml: the two lists cannot drift.
    assert set(conda) == {python, "pip"}
    (editable,) = pip
    extras = set(re.fullmatch(r"-e \.\[(.*)\]", editable).group(1).split(","))
    assert extras <= set(_pyproject()["project"]["optional-dependencies"])
    assert {"notebooks", "dev"} <= extras


def test_makefile_installs_the_same_extras_as_environment_yml():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    extras = re.fullmatch(r"-e \.\[(.*)\]", pip[0]).group(1)
    assert f'-e ".[{extras}]"' in (ROOT / "Makefile").read_text()


def test_runtime_dependencies_are_the_issue_list():
    names = {re.split(r"[<>=\[ ]", d)[0].lower() for d in _pyproject()["project"]["dependencies"]}
    assert {"nltk", "pandas", "seaborn", "ipywidgets", "vadersentiment", "tqdm", "pyarrow"} <= names


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "make report" in first_block and "make test" in first_block


def test_ci_calls_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_paired_stripped_and_has_parameters(notebook):
    nb = json.loads(notebook.read_text())
    assert notebook.with_suffix(".py").is_file(), "each notebook has its py:percent pair"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert any("parameters" in c.get("metadata", {}).get("tags", []) for c in code)
    assert nb["cells"][0]["cell_type"] == "markdown"
    assert "In this notebook we" in "".join(nb["cells"][-1]["source"])


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_pair_is_in_sync(notebook, tmp_path):
    """The .ipynb holds the same cells as its .py pair (jupytext --to ipynb reproduces it)."""
    out = tmp_path / notebook.name
    subprocess.run([sys.executable, "-m", "jupytext", "--to", "ipynb", "-o", str(out),
                    str(notebook.with_suffix(".py"))], check=True, capture_output=True)
    cells = lambda p: [(c["cell_type"], "".join(c["source"]), c.get("metadata", {}).get("tags", []))  # noqa: E731
                       for c in json.loads(p.read_text())["cells"]]
    assert cells(out) == cells(notebook)


def test_every_public_name_resolves():
    import briefkit as bk

    missing = [name for name in bk.__all__ if not hasattr(bk, name)]
    assert not missing


def test_importing_briefkit_loads_no_optional_or_widget_modules():
    code = ("import sys, briefkit; bad = [m for m in ('ipywidgets', 'dask', 'IPython', 'pypdf')"
            " if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_ruff_check_passes():
    """The lint configured in pyproject.toml ([tool.ruff]) holds for the whole repository."""
    if importlib.util.find_spec("ruff") is None:
        pytest.skip("ruff is not installed (it comes with the dev extra: pip install -e '.[dev]')")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"ruff check . failed:\n{result.stdout}{result.stderr}"


@pytest.mark.skipif(shutil.which("make") is None, reason="no make")
def test_make_clean_keeps_the_students_exercise_copies(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for name in ("build/report/index.html", "build/exercises/01-load.ipynb",
                 ".briefkit-cache/x.json", ".venv/keep"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    done = subprocess.run(["make", "-s", "clean"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    left = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert left == [".venv/keep", "Makefile", "build/exercises/01-load.ipynb"]
    assert "kept build/exercises/" in done.stdout
