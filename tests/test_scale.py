"""briefkit.scale: the pipeline on Dask equals the pipeline on one machine, row for row."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import briefkit as bk
from briefkit import scale

# Each table's keys: rows are compared after sorting by them.
KEYS = {
    "briefs": ["brief_id"],
    "paragraphs": ["brief_id", "para_id"],
    "sentences": ["brief_id", "sent_id"],
    "tokens": ["brief_id", "sent_id", "token_id"],
    "mentions": ["brief_id", "sent_id", "start", "end"],
    "claims": ["brief_id", "claim_id"],
    "sentiment": ["brief_id", "sent_id"],
    "skipped": ["path", "reason"],
}


def _sorted(frame: pd.DataFrame, keys) -> pd.DataFrame:
    frame = frame.sort_values(keys, kind="stable").reset_index(drop=True)
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            values = frame[column].astype(object)
            frame[column] = values.where(frame[column].notna(), None)
    return frame


def _assert_same_tables(actual: dict, expected: dict, names=scale.TABLES):
    for name in names:
        left, right = actual[name], expected[name]
        assert list(left.columns) == list(right.columns), name
        assert len(left) == len(right), name
        if len(right):
            pd.testing.assert_frame_equal(_sorted(left, KEYS[name]), _sorted(right, KEYS[name]),
                                          check_dtype=False, obj=name)


def test_import_briefkit_does_not_import_dask():
    code = ("import sys, briefkit, briefkit.scale; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_analyze_without_dask_names_the_extra(monkeypatch, tmp_path):
    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(ImportError, match=r'pip install "briefkit\[scale\]"'):
        scale.analyze(bk.sample_path(), out=tmp_path / "out")


def test_load_results_of_an_empty_folder_says_so(tmp_path):
    with pytest.raises(bk.BriefkitError, match="no briefkit.scale results"):
        scale.load_results(tmp_path)


def test_run_pipeline_reads_its_own_cache_back_unchanged():
    corpus = bk.Corpus.from_texts([("• Iran may balk\n\nPutin blamed Washington. Tehran says "
                                   "the U.S. will likely back down."), "Merkel praised Obama."])
    fresh = scale.run_pipeline(corpus, cache=True)
    again = scale.run_pipeline(corpus, cache=True)
    for name in scale.STAGES:
        pd.testing.assert_frame_equal(again[name], fresh[name])


def test_a_missing_stage_is_reported_not_raised(monkeypatch):
    monkeypatch.setitem(scale.STAGES, "nothing", ("no_such_module", "nothing"))
    with pytest.raises(scale.StageUnavailable, match="not available"):
        scale.stage_function("nothing")


# --- on a LocalCluster ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None)
    try:
        client = distributed.Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


@pytest.mark.slow
def test_analyze_equals_one_machine_on_the_sample(client, tmp_path):
    out = scale.analyze(bk.sample_path(), client=client, out=tmp_path / "out",
                        partition_size=8)
    expected = scale.run_pipeline(bk.load_corpus(bk.sample_path(), progress=False),
                                  cache=False)
    actual = scale.load_results(out)
    _assert_same_tables(actual, expected)
    # As pandas, the rows come back in load_corpus's order, not merely the same set.
    assert actual["briefs"]["brief_id"].tolist() == expected["briefs"]["brief_id"].tolist()
    lazy = scale.load_results(out, tables=["sentences"], as_dask=True)["sentences"]
    assert len(lazy.compute()) == len(expected["sentences"])


@pytest.mark.slow
def test_ids_and_duplicates_are_decided_over_the_whole_corpus(client, tmp_path):
    folder = tmp_path / "briefs"
    folder.mkdir()
    same_title = "March 3, 2016\n\nTehran and Riyadh\n\n{}\n"
    (folder / "a.txt").write_text(same_title.format("Iran objected to the U.S. plan."))
    (folder / "b.txt").write_text(same_title.format("Saudi Arabia praised Washington."))
    (folder / "c.txt").write_text(same_title.format("Iran objected to the U.S. plan."))
    (folder / "d.txt").write_bytes(b"\x00\x01binary")
    with pytest.warns(bk.BriefkitWarning):
        corpus = bk.load_corpus(folder, progress=False, cache=False)
    out = scale.analyze(folder, client=client, out=tmp_path / "out", partition_size=1)
    actual = scale.load_results(out)
    _assert_same_tables(actual, scale.run_pipeline(corpus, cache=False))
    assert sorted(actual["briefs"]["brief_id"]) == ["2016-03-03-tehran-and-riyadh",
                                                    "2016-03-03-tehran-and-riyadh-2"]


@pytest.mark.slow
def test_run_pipeline_on_two_processes_equals_one():
    corpus = bk.load_corpus(bk.sample_path(), progress=False)
    one = scale.run_pipeline(corpus, cache=False, workers=1)
    two = scale.run_pipeline(corpus, cache=False, workers=2)
    assert len(scale.split_corpus(corpus, parts=8)) == 8
    _assert_same_tables(two, one)
    for name in ("tokens", "mentions", "claims"):
        pd.testing.assert_frame_equal(two[name], one[name], obj=name)


def test_split_corpus_keeps_whole_briefs_in_order():
    corpus = bk.Corpus.from_texts([f"Brief {i}. Iran acts.\n\nRussia reacts." for i in range(7)])
    chunks = scale.split_corpus(corpus, parts=3)
    assert [len(c) for c in chunks] == [3, 3, 1]
    for name in ("briefs", "paragraphs", "sentences"):
        joined = pd.concat([getattr(c, name) for c in chunks], ignore_index=True)
        pd.testing.assert_frame_equal(joined, getattr(corpus, name))
