"""benchmarks/blind_claims.py: it runs old commits' code, so it stops at once, saying what to
fetch, where the clone lacks them (a shallow clone, an export)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")



def _git(*args, cwd: Path) -> str:
    done = subprocess.run(["git", "-c", "user.name=briefkit", "-c", "user.email=b@example.org",
                           "-c", "init.defaultBranch=main", *args], cwd=cwd, check=True,
                          capture_output=True, text=True)
    return done.stdout.strip()


@pytest.fixture
def history(tmp_path):
    """A repository of two commits, and a shallow clone of it holding only the second."""
    origin = tmp_path / "origin"
    origin.mkdir()
    _git("init", "-q", cwd=origin)
    commits = []
    for n in (1, 2):
        (origin / "notes.txt").write_text(f"draft {n}\n", "utf-8")
        _git("add", "notes.txt", cwd=origin)
        _git("commit", "-q", "-m", f"draft {n}", cwd=origin)
        commits.append(_git("rev-parse", "HEAD", cwd=origin))
    _git("clone", "-q", "--depth", "1", origin.as_uri(), str(tmp_path / "shallow"),
         cwd=tmp_path)
    return origin, tmp_path / "shallow", commits


def test_a_shallow_clone_is_told_to_unshallow(benchmark, history):
    origin, shallow, (old, new) = history
    problem = benchmark("blind_claims").missing_history(shallow, [old[:7], new[:7]])
    assert "git fetch --unshallow" in problem
    assert old[:7] in problem and new[:7] not in problem  # names the commit it lacks


def test_a_full_clone_has_what_it_needs(benchmark, history):
    origin, shallow, (old, new) = history
    script = benchmark("blind_claims")
    assert script.missing_history(origin, [old[:7], new]) is None
    assert script.missing_history(shallow, [new]) is None  # the tip is there


def test_a_folder_without_git_is_told_to_clone(benchmark, tmp_path):
    problem = benchmark("blind_claims").missing_history(tmp_path, ["b26e0ca"])
    assert "not a git clone" in problem and "clone the repository" in problem
