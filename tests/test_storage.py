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
from hypothesis import given, settings
from hypothesis import strategies as st

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


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_cache_entries_are_readable_as_any_file_the_user_writes(tmp_path):
    # A class on one machine: the teacher warms the cache, students read it from their own
    # accounts. Entries written 0600 (mkstemp's mode) could be read by no one else.
    umask = os.umask(0o022)
    os.umask(umask)
    plain = tmp_path / "plain"
    plain.write_text("x")
    usual = plain.stat().st_mode & 0o777
    assert usual == 0o666 & ~umask
    key = storage.cache_key("modes")
    storage.write_cached_json("files", key, {"a": 1})
    storage.write_cached_frame("tokens", key, pd.DataFrame({"a": [1]}))
    storage.write_cached_table("tables", key, pd.DataFrame({"a": [1]}))
    storage.write_cached_arrays("arrays", key, {"a": __import__("numpy").arange(3)})
    entries = [p for p in storage.cache_dir().rglob(f"{key}.*")]
    assert len(entries) == 4
    assert {p.stat().st_mode & 0o777 for p in entries} == {usual}


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


# --- tables cached exactly, and cached_table --------------------------------------------

@st.composite
def _frames(draw):
    n = draw(st.integers(0, 6))
    strings = draw(st.lists(st.text(max_size=6), min_size=n, max_size=n))
    nulls = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    return pd.DataFrame({
        "brief_id": pd.Series(strings, dtype="str"),
        "cue": pd.Series([None if z else s for s, z in zip(strings, nulls)], dtype=object),
        "flag": pd.Series([None if z else bool(len(s) % 2) for s, z in zip(strings, nulls)],
                          dtype=object),
        "nan_text": pd.Series([float("nan") if z else s for s, z in zip(strings, nulls)],
                              dtype=object),
        "in_claim": pd.Series([None if z else s for s, z in zip(strings, nulls)], dtype="str"),
        "all_none": pd.Series([None] * n, dtype=object),
        "n": pd.Series(range(n), dtype="int64"),
        "score": pd.Series([float("nan") if z else 0.1 * i for i, z in enumerate(nulls)]),
        "term_start": pd.array([None if z else i for i, z in enumerate(nulls)], dtype="Int64"),
        "negated": pd.Series(nulls, dtype=bool),
        "date": pd.Series(pd.to_datetime(["2019-01-02"] * n)).astype("datetime64[ns]"),
    })


def _identical(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """Equal, with the same dtypes, and None where None was (not NaN), NaN where NaN was."""
    pd.testing.assert_frame_equal(left, right, check_exact=True)
    assert left.attrs == right.attrs
    for column in left.columns:
        if left[column].dtype == object:
            for a, b in zip(left[column].tolist(), right[column].tolist()):
                assert type(a) is type(b), (column, a, b)


@settings(max_examples=60, deadline=None)
@given(frame=_frames())
def test_a_cached_table_comes_back_exactly(frame):
    key = storage.cache_key("t", len(frame), frame["brief_id"].tolist())
    assert storage.write_cached_table("t", key, frame)
    _identical(storage.read_cached_table("t", key), frame)


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"mixed": pd.Series(["a", 1], dtype=object)}),
    pd.DataFrame({"a": [1, 2]}, index=[5, 6]),
    pd.DataFrame({"both": pd.Series([None, float("nan"), "x"], dtype=object)}),
    pd.DataFrame({"lists": pd.Series([["a"], ["b"]], dtype=object)}),
])
def test_a_table_that_cannot_come_back_exactly_is_not_written(frame):
    key = storage.cache_key("t", repr(frame))
    assert not storage.write_cached_table("t", key, frame)
    assert storage.read_cached_table("t", key) is None


def test_a_corrupt_or_foreign_table_is_not_read():
    frame = pd.DataFrame({"a": [1, 2]})
    key = storage.cache_key("t", "corrupt")
    assert storage.write_cached_table("t", key, frame)
    path = storage._entry("t", key, ".parquet")
    Path(path).write_bytes(Path(path).read_bytes()[:40])
    assert storage.read_cached_table("t", key) is None
    frame.to_parquet(path)
    assert storage.read_cached_table("t", key) is None
    other = storage.cache_key("t", "other")
    assert storage.write_cached_table("t", other, frame)
    os.replace(storage._entry("t", other, ".parquet"), path)
    assert storage.read_cached_table("t", key) is None  # stamped with another key


def _counted(kind: str):
    calls = []

    @storage.cached_table(kind)
    def lengths(corpus, *, extra: int = 0, path=None, table=None):
        calls.append(extra)
        frame = corpus.briefs[["brief_id"]].copy()
        frame["n"] = corpus.briefs["text"].str.len() + extra
        frame["note"] = pd.Series([None] * len(frame), dtype=object)
        return frame

    return lengths, calls


def _corpus(*texts):
    return bk.Corpus.from_texts(list(texts or ["Iran acts.", "Russia waits."]))


def test_cached_table_computes_once_and_returns_copies():
    lengths, calls = _counted("lengths-a")
    corpus = _corpus()
    first = lengths(corpus)
    first.loc[0, "n"] = -1  # the caller's copy: the cache is not changed
    again = lengths(corpus, extra=0)
    assert calls == [0] and again["n"].tolist() == [10, 13]
    assert again["note"].tolist() == [None, None]
    storage.clear_memo()
    from_disk = lengths(_corpus())  # a new corpus object with the same content
    assert calls == [0]
    _identical(from_disk, again)
    assert lengths(corpus, extra=1)["n"].tolist() == [11, 14] and calls == [0, 1]


def test_many_small_tables_do_not_push_a_large_one_out_of_memory(monkeypatch):
    monkeypatch.setattr(storage, "MEMO_MAX_CELLS", 1_000)
    storage.clear_memo()
    large = pd.DataFrame({"a": range(400), "b": range(400)})  # 800 cells
    storage._remember("large", large)
    for i in range(20):  # twenty tables of 4 cells: 80 cells, more tables than before (8)
        storage._remember(f"small-{i}", pd.DataFrame({"x": [i, i], "y": [i, i]}))
    assert storage._recall("large") is not None
    assert storage._recall("small-0") is not None
    storage._remember("other", pd.DataFrame({"c": range(300)}))  # over the budget in all
    assert storage._recall("other") is not None
    # the least recently used went first: small-1 to small-19, then the large table;
    # small-0, read after the large one, stays
    assert storage._recall("small-1") is None and storage._recall("large") is None
    assert storage._recall("small-0") is not None
    assert sum(f.size for f in storage._MEMO.values()) <= 1_000
    storage._remember("too large", pd.DataFrame({"c": range(1_001)}))
    assert storage._recall("too large") is None
    storage.clear_memo()


def test_cached_table_keys_on_content_and_options(tmp_path):
    lengths, calls = _counted("lengths-b")
    lengths(_corpus("Iran acts.", "Russia waits."))
    lengths(_corpus("Iran acts.", "Russia waited."))
    lengths(_corpus("Russia waits.", "Iran acts."))  # another order is another table
    assert len(calls) == 3
    gazetteer = tmp_path / "g.csv"
    gazetteer.write_text("one")
    lengths(_corpus(), path=str(gazetteer))
    lengths(_corpus(), path=gazetteer)
    gazetteer.write_text("two")
    lengths(_corpus(), path=str(gazetteer))  # same name, new content
    assert len(calls) == 6
    table = pd.DataFrame({"a": [1]})
    lengths(_corpus(), table=table)
    lengths(_corpus(), table=table.copy())
    lengths(_corpus(), table=pd.DataFrame({"a": [2]}))
    assert len(calls) == 8


def test_cached_table_passes_over_what_it_cannot_key(monkeypatch):
    lengths, calls = _counted("lengths-c")
    lengths(_corpus(), table=object())
    lengths(_corpus(), table=object())
    assert len(calls) == 2
    monkeypatch.setenv("BRIEFKIT_NO_CACHE", "1")
    lengths(_corpus())
    lengths(_corpus())
    assert len(calls) == 4 and lengths.lookup(_corpus()) is None


def test_cached_table_rebuilds_a_corrupt_entry():
    lengths, calls = _counted("lengths-d")
    expected = lengths(_corpus())
    storage.clear_memo()
    for path in (storage.cache_dir() / "lengths-d").rglob("*.parquet"):
        path.write_bytes(b"PAR1 not parquet")
    _identical(lengths(_corpus()), expected)
    assert len(calls) == 2


def test_lookup_and_store():
    lengths, calls = _counted("lengths-e")
    corpus = _corpus()
    assert lengths.lookup(corpus, extra=2) is None
    made = lengths.__wrapped__(corpus, extra=2)
    lengths.store(made, corpus, extra=2)
    storage.clear_memo()
    _identical(lengths.lookup(corpus, extra=2), made)
    _identical(lengths(corpus, extra=2), made)
    assert calls == [2]


def test_content_key_follows_the_sentences():
    corpus = _corpus()
    assert corpus.content_key == _corpus().content_key
    moved = bk.Corpus(corpus.briefs, corpus.paragraphs,
                      corpus.sentences.assign(end=corpus.sentences["end"] - 1))
    assert moved.fingerprint == corpus.fingerprint
    assert moved.content_key != corpus.content_key


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


@pytest.mark.parametrize("name", ["find_mentions", "extract_claims", "sentiment_toward"])
def test_analysis_tables_come_back_from_the_cache_as_computed(name):
    """The mentions, claims and sentiment tables, read from memory and then from disk in a
    fresh corpus object, equal the function's own output, None for None, dtype for dtype."""
    func = getattr(bk, name)
    briefs = sorted((Path(__file__).parents[1] / "data" / "briefs").glob("*.txt"))[:4]
    corpus = bk.load_corpus(briefs, progress=False, cache=False)
    args = ("United States",) if name == "sentiment_toward" else ()
    computed = func.__wrapped__(corpus, *args)
    assert len(computed) > 0
    first = func(corpus, *args)
    assert func.lookup(corpus, *args) is not None  # the table was cacheable and stored
    _identical(first, computed)
    storage.clear_memo()
    again = bk.load_corpus(briefs, progress=False, cache=False)
    _identical(func(again, *args), computed)
