"""briefkit.storage: atomic writes that survive a killed writer, and a cache two processes share."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

import briefkit as bk
from briefkit import storage

pytestmark = pytest.mark.offline

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")


def test_atomic_writes(tmp_path):
    target = tmp_path / "out" / "report.txt"
    storage.atomic_write_text(target, "first")
    storage.atomic_write_text(target, "second")
    assert target.read_text() == "second"
    storage.atomic_write_bytes(target, b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    storage.atomic_write_json(tmp_path / "v.json", {"a": [1, 2]})
    assert json.loads((tmp_path / "v.json").read_text()) == {"a": [1, 2]}
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out", "report.txt", "v.json"]


def test_atomic_write_keeps_the_usual_permissions(tmp_path):
    target = tmp_path / "page.html"
    storage.atomic_write_text(target, "<p>x</p>")
    assert target.stat().st_mode & 0o777 == 0o644
    os.chmod(target, 0o640)
    storage.atomic_write_text(target, "<p>y</p>")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "table.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), storage.atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("the writer failed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".tsv", ".jsonl"])
def test_atomic_write_frame(tmp_path, suffix):
    frame = pd.DataFrame({"brief_id": ["a", "b"], "score": [0.5, -1.0]})
    path = storage.atomic_write_frame(tmp_path / f"t{suffix}", frame)
    if suffix == ".parquet":
        back = pd.read_parquet(path)
    elif suffix == ".jsonl":
        back = pd.read_json(path, lines=True)
    else:
        back = pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",")
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)
    with pytest.raises(ValueError):
        storage.atomic_write_frame(tmp_path / "t.xlsx", frame)


def test_cache_entries_refuse_foreign_content(tmp_path):
    key = storage.cache_key("x")
    storage.write_cached_json("files", key, {"a": 1})
    assert storage.read_cached_json("files", key) == {"a": 1}
    assert storage.read_cached_json("files", storage.cache_key("y")) is None
    storage.write_cached_frame("tokens", key, pd.DataFrame({"a": [1]}))
    assert storage.read_cached_frame("tokens", key)["a"].tolist() == [1]
    entry = storage.cache_dir() / "tokens" / key[:2] / f"{key}.parquet"
    pd.DataFrame({"a": [2]}).to_parquet(entry)  # no briefkit stamp
    assert storage.read_cached_frame("tokens", key) is None


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch, fixtures_dir):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("BRIEFKIT_CACHE", str(blocked))
    corpus = bk.load_corpus(fixtures_dir / "speeches", progress=False)
    assert len(corpus) == 2 and len(corpus.tokens) > 0


# --- killed writers ----------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from briefkit import storage
    target, size = sys.argv[1], int(sys.argv[2])
    n = 0
    while True:
        n += 1
        block = (str(n % 10) * 1000 + "\\n").encode()
        storage.atomic_write_bytes(target, block * (size // len(block)))
    """
)


def _whole(data: bytes) -> bool:
    """Whether a file is one complete write: every line the same digit, the full length."""
    lines = data.split(b"\n")[:-1]
    return bool(lines) and len(set(lines)) == 1 and len(lines[0]) == 1000


@posix_only
def test_a_killed_writer_leaves_a_whole_file(tmp_path):
    target = tmp_path / "export.csv"
    target.write_bytes(b"0" * 1000 + b"\n")
    rng = random.Random(9)
    for _ in range(12):
        before = target.read_bytes()
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target), "2000000"])
        time.sleep(rng.uniform(0.3, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = target.read_bytes()
        assert _whole(after), "a killed writer left a partial file"
        assert after == before or len(after) >= 2_000_000 - 1001
    leftovers = [p for p in tmp_path.iterdir() if p.name != "export.csv"]
    assert all(p.name.startswith(".export.csv.") and p.name.endswith(".tmp") for p in leftovers)


LOADER = textwrap.dedent(
    """
    import sys
    import briefkit as bk
    corpus = bk.load_corpus(sys.argv[1], progress=False, workers=int(sys.argv[2]))
    corpus.tokens
    print(corpus.fingerprint)
    """
)


def _many_briefs(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"brief-{i:03d}.txt").write_text(
            f"May {i % 28 + 1}, 2016\n\nBrief Number {i}\n\n• A key point for brief {i}\n\n"
            f"The U.S. and Russia met again on Dec. 28. Gen. Smith said talks would resume. "
            f"Brief {i} ends here.\n",
            encoding="utf-8",
        )
    return folder


@posix_only
def test_a_load_killed_mid_cache_write_leaves_a_usable_cache(tmp_path, monkeypatch):
    folder = _many_briefs(tmp_path / "briefs", 120)
    expected = bk.load_corpus(folder, progress=False, cache=False)
    env = {**os.environ, "BRIEFKIT_CACHE": str(tmp_path / "cache")}
    rng = random.Random(3)
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", LOADER, str(folder), "1"], env=env,
                                stdout=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    monkeypatch.setenv("BRIEFKIT_CACHE", env["BRIEFKIT_CACHE"])
    corpus = bk.load_corpus(folder, progress=False)
    pd.testing.assert_frame_equal(corpus.sentences, expected.sentences)
    pd.testing.assert_frame_equal(corpus.tokens, expected.tokens)


def test_two_processes_loading_at_once_leave_a_valid_cache(tmp_path, monkeypatch):
    folder = _many_briefs(tmp_path / "briefs", 40)
    env = {**os.environ, "BRIEFKIT_CACHE": str(tmp_path / "cache")}
    procs = [subprocess.Popen([sys.executable, "-c", LOADER, str(folder), workers], env=env,
                              stdout=subprocess.PIPE, text=True) for workers in ("1", "2")]
    outputs = [proc.communicate(timeout=300)[0].strip() for proc in procs]
    assert all(proc.returncode == 0 for proc in procs)
    assert outputs[0] == outputs[1]
    for entry in (tmp_path / "cache").rglob("*.json"):
        json.loads(entry.read_text())  # every entry whole
    monkeypatch.setenv("BRIEFKIT_CACHE", env["BRIEFKIT_CACHE"])
    cached = bk.load_corpus(folder, progress=False)
    fresh = bk.load_corpus(folder, progress=False, cache=False)
    pd.testing.assert_frame_equal(cached.briefs, fresh.briefs)
    pd.testing.assert_frame_equal(cached.tokens, fresh.tokens)
    assert cached.fingerprint == outputs[0]
