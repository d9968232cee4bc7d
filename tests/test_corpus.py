"""briefkit.corpus: the tables of DESIGN.md, manifests, duplicates, strict mode and the cache."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import briefkit as bk
from briefkit import corpus as corpus_module
from briefkit import storage
from briefkit.corpus import (
    BRIEF_COLUMNS,
    PARAGRAPH_COLUMNS,
    SENTENCE_COLUMNS,
    SKIPPED_COLUMNS,
    TOKEN_COLUMNS,
    Corpus,
)
from briefkit.errors import BriefkitError, DuplicateBriefError, MissingPathError, ParseError

pytestmark = pytest.mark.offline


def load(path, **options) -> Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bk.BriefkitWarning)
        return bk.load_corpus(path, progress=False, **options)


def assert_offsets_exact(corpus: Corpus) -> None:
    texts = dict(zip(corpus.briefs["brief_id"], corpus.briefs["text"]))
    for frame, column in ((corpus.paragraphs, "text"), (corpus.sentences, "text"),
                          (corpus.tokens, "token")):
        rows = frame[["brief_id", "start", "end", column]].itertuples(index=False)
        for bid, start, end, value in rows:
            assert texts[bid][start:end] == value


@pytest.fixture
def briefs_dir(fixtures_dir, tmp_path) -> Path:
    """A copy of the fixture briefs, free to change."""
    return Path(shutil.copytree(fixtures_dir / "briefs", tmp_path / "briefs"))


# --- tables ------------------------------------------------------------------------------


def test_tables_follow_the_contract(fixtures_dir):
    corpus = load(fixtures_dir / "briefs")
    assert list(corpus.briefs.columns[: len(BRIEF_COLUMNS)]) == BRIEF_COLUMNS
    assert list(corpus.paragraphs.columns) == PARAGRAPH_COLUMNS
    assert list(corpus.sentences.columns) == SENTENCE_COLUMNS
    assert list(corpus.tokens.columns) == TOKEN_COLUMNS
    assert list(corpus.skipped.columns) == SKIPPED_COLUMNS
    assert str(corpus.briefs["date"].dtype) == "datetime64[ns]"
    assert corpus.briefs["n_words"].dtype == "int64"
    assert all(corpus.sentences[c].dtype == "int64"
               for c in ["sent_id", "para_id", "start", "end"])
    # The tokens table is the largest: 32-bit ids and offsets, categorical brief_id and pos.
    assert all(corpus.tokens[c].dtype == "int32" for c in ["sent_id", "token_id", "start", "end"])
    brief_ids = corpus.tokens["brief_id"].dtype
    assert isinstance(brief_ids, pd.CategoricalDtype)
    assert list(brief_ids.categories) == corpus.briefs["brief_id"].tolist()
    tags = corpus.tokens["pos"].dtype
    assert isinstance(tags, pd.CategoricalDtype)
    assert list(tags.categories) == sorted(tags.categories)
    assert corpus.tokens["is_stop"].dtype == bool and corpus.tokens["is_alpha"].dtype == bool
    assert set(corpus.paragraphs["kind"]) <= {"key_point", "body", "heading"}
    assert corpus.briefs["brief_id"].is_unique
    assert len(corpus) == 7 and len(corpus.skipped) == 3  # three broken JSON lines
    assert_offsets_exact(corpus)


def test_sentence_ids_and_kinds(fixtures_dir):
    corpus = load(fixtures_dir / "briefs")
    for _, group in corpus.sentences.groupby("brief_id"):
        assert group["sent_id"].tolist() == list(range(len(group)))
        assert group["start"].is_monotonic_increasing
    merged = corpus.sentences.merge(corpus.paragraphs, on=["brief_id", "para_id"],
                                    suffixes=("", "_p"))
    assert (merged["kind"] == merged["kind_p"]).all()
    assert ((merged["start"] >= merged["start_p"]) & (merged["end"] <= merged["end_p"])).all()


def test_key_points_are_sentences_of_their_own(fixtures_dir):
    corpus = load(fixtures_dir / "briefs" / "2016-03-02-ankara-and-moscow.txt")
    key = corpus.sentences[corpus.sentences["kind"] == "key_point"]
    assert len(key) == 3
    assert key["text"].str.startswith(("Turkey accuses", "The U.S.-led", "A ceasefire")).all()


def test_token_flags(fixtures_dir):
    tokens = load(fixtures_dir / "briefs" / "2016-03-02-ankara-and-moscow.txt").tokens
    row = tokens.set_index("token").loc
    assert row["The", "is_stop"].all() and not row["Ankara", "is_stop"].any()
    assert row["U.S.-led", "norm"] == "u.s.-led" and row["U.S.-led", "is_alpha"]
    assert row["Russia’s", "norm"] == "russia's"
    assert not row["25,000", "is_alpha"]
    if bk.resources_report()["pos_tagger"].startswith("NLTK"):
        assert row["Ankara", "pos"].str.startswith("NNP").all()
    else:
        assert (tokens["pos"] == "").all()


def test_brief_ids_are_stable_slugs(fixtures_dir):
    first = load(fixtures_dir / "briefs", cache=False)
    second = load(fixtures_dir / "briefs", cache=False)
    assert first.briefs["brief_id"].tolist() == second.briefs["brief_id"].tolist()
    assert "2016-03-02-ankara-and-moscow-trade-accusations-over" in set(first.briefs["brief_id"])
    assert first.briefs["brief_id"].str.fullmatch(r"[a-z0-9-]+").all()


def test_same_titles_get_unique_ids(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(f"May 5, 2016\n\nOne Title\n\nBody of {name}.\n")
    ids = load(folder).briefs["brief_id"].tolist()
    assert ids == ["2016-05-05-one-title", "2016-05-05-one-title-2"]


def test_from_texts():
    corpus = Corpus.from_texts({"one": "• Key point\n\nBody sentence. Another one.", "two": ""},
                               titles=["First", "Second"], dates=["May 5, 2016", None])
    assert corpus.briefs["brief_id"].tolist() == ["one", "two"]
    assert corpus.briefs["title"].tolist() == ["First", "Second"]
    assert str(corpus.briefs["date"].iloc[0].date()) == "2016-05-05"
    assert pd.isna(corpus.briefs["date"].iloc[1])
    assert corpus.sentences[["brief_id", "kind"]].values.tolist() == [
        ["one", "key_point"], ["one", "body"], ["one", "body"]]
    # Nothing is dropped and nothing is a heading: a short line stays a sentence.
    assert Corpus.from_texts(["Putin blamed Washington"]).sentences["kind"].tolist() == ["body"]
    assert Corpus.from_texts(["2015"]).sentences["text"].tolist() == ["2015"]
    # Each string is a brief, even a repeated one; the ids given are kept as written.
    twice = Corpus.from_texts({"Brief_1": "Iran gains.", "Brief_2": "Iran gains."})
    assert twice.briefs["brief_id"].tolist() == ["Brief_1", "Brief_2"]


def test_corpus_helpers(fixtures_dir):
    corpus = load(fixtures_dir / "briefs")
    bid = corpus.briefs["brief_id"].iloc[0]
    assert corpus.text_of(bid) == corpus.briefs["text"].iloc[0]
    with pytest.raises(KeyError):
        corpus.text_of("no-such-brief")
    small = corpus.subset([bid])
    assert len(small) == 1 and set(small.sentences["brief_id"]) == {bid}
    summary = corpus.summary()
    assert summary["briefs"] == 7 and summary["skipped"] == 3
    assert summary["first_date"] == "2016-02-29" and summary["undated"] == 0
    assert "7 briefs" in repr(corpus)


def test_format_and_encoding_columns(fixtures_dir):
    briefs = load(fixtures_dir / "briefs").briefs
    assert set(briefs["format"]) == {"intelbrief", "field_markdown", "front_matter", "markdown",
                                     "html", "jsonl"}
    assert set(briefs["encoding"]) == {"utf-8"}


# --- manifests ---------------------------------------------------------------------------


def test_manifest_columns_and_dates(tmp_path):
    tmp_path = tmp_path / "corpus"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text("A first speech about the Charter.\n")
    (tmp_path / "b.txt").write_text("A second speech about reform.\n")
    (tmp_path / "c.txt").write_text("A third speech, not in the manifest.\n")
    (tmp_path / "manifest.csv").write_text(
        "file,title,date,country,year,debate_dates\n"
        "a.txt,Speech A,2016-09-21,Oman,2016,2016-09-20..2016-09-26\n"
        "b.txt,,,Chad,2017,2017-09-19..2017-09-19\n"
    )
    briefs = load(tmp_path).briefs.set_index("path")
    a, b, c = (str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt"))
    assert briefs.loc[a, "title"] == "Speech A"
    assert str(briefs.loc[a, "date"].date()) == "2016-09-21"
    assert str(briefs.loc[b, "date"].date()) == "2017-09-19"  # a range of one day is a day
    assert pd.isna(briefs.loc[c, "date"]) and briefs.loc[c, "country"] == ""
    assert str(briefs["year"].dtype) == "Int64"
    assert briefs.loc[a, "year"] == 2016 and pd.isna(briefs.loc[c, "year"])


def test_a_broken_manifest_is_reported_not_fatal(tmp_path):
    tmp_path = tmp_path / "corpus"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text("A speech about the Charter.\n")
    (tmp_path / "manifest.tsv").write_text("title\tyear\nx\t2015\n")
    corpus = load(tmp_path)
    assert len(corpus) == 1
    assert corpus.skipped["reason"].str.contains("no 'file' column").any()
    with pytest.raises(ParseError, match="manifest"):
        load(tmp_path, strict=True)


def test_manifest_can_be_ignored(fixtures_dir):
    corpus = load(fixtures_dir / "speeches", manifest=False)
    assert "country" not in corpus.briefs.columns


# --- errors, duplicates and strict mode ---------------------------------------------------


def test_missing_path_raises():
    with pytest.raises(MissingPathError, match="no such file"):
        bk.load_corpus("/no/such/folder/anywhere")


def test_a_path_from_the_home_folder_is_expanded(tmp_path, monkeypatch):
    # a notebook's parameters cell: briefs_path = "~/briefs"
    home = tmp_path / "home"
    (home / "briefs").mkdir(parents=True)
    (home / "briefs" / "one.txt").write_text("Title\n\nOslo says the talks resume in May.\n")
    monkeypatch.setenv("HOME", str(home))
    for given in ("~/briefs", Path("~/briefs"), ["~/briefs/one.txt"]):
        corpus = bk.load_corpus(given, cache=False, progress=False)
        assert len(corpus.briefs) == 1
        assert corpus.briefs["path"].iloc[0] == str(home / "briefs" / "one.txt")


def test_a_missing_relative_path_says_where_it_was_looked_for(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MissingPathError, match="relative path is read from") as info:
        bk.load_corpus("briefs")
    assert str(tmp_path) in str(info.value)
    with pytest.raises(MissingPathError) as info:
        bk.load_corpus(tmp_path / "nowhere")
    assert "is read from" not in str(info.value)


def test_a_single_bad_file_raises_naming_it(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(BriefkitError, match="PNG") as info:
        bk.load_corpus(path)
    assert info.value.path == str(path)


def test_a_single_jsonl_file_keeps_its_good_lines(fixtures_dir):
    with pytest.warns(bk.BriefkitWarning):
        corpus = bk.load_corpus(fixtures_dir / "briefs" / "wire.jsonl", progress=False)
    assert len(corpus) == 2 and corpus.skipped["path"].str.contains("#L2").any()
    with pytest.raises(ParseError, match="#L2"):
        bk.load_corpus(fixtures_dir / "briefs" / "wire.jsonl", strict=True)


def test_duplicates_load_once_with_a_warning(briefs_dir):
    original = briefs_dir / "2016-03-02-ankara-and-moscow.txt"
    shutil.copy(original, briefs_dir / "copy of the same brief.txt")
    with pytest.warns(bk.BriefkitWarning, match="duplicate"):
        corpus = bk.load_corpus(briefs_dir, progress=False)
    assert corpus.briefs["sha256"].is_unique
    reasons = corpus.skipped["reason"][corpus.skipped["reason"].str.startswith("duplicate")]
    assert len(reasons) == 1 and str(original) in reasons.iloc[0]
    (briefs_dir / "wire.jsonl").unlink()
    with pytest.raises(DuplicateBriefError):
        bk.load_corpus(briefs_dir, strict=True)


def test_strict_raises_the_first_problem_with_its_class(briefs_dir):
    (briefs_dir / "empty.txt").write_bytes(b"")
    (briefs_dir / "wire.jsonl").unlink()
    with pytest.raises(bk.BriefkitError) as info:
        bk.load_corpus(briefs_dir, strict=True, progress=False)
    assert type(info.value).__name__ == "EmptyFileError"
    assert info.value.path.endswith("empty.txt")


def test_other_files_and_hidden_ones(briefs_dir):
    (briefs_dir / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (briefs_dir / ".hidden.txt").write_text("not read")
    (briefs_dir / "README.md").write_text("# About these briefs\n")
    (briefs_dir / "README_UNGDC.txt").write_text("About the corpus.\n")
    (briefs_dir / "_drafts").mkdir()
    (briefs_dir / "_drafts" / "draft.txt").write_text("not read")
    corpus = load(briefs_dir)
    assert len(corpus) == 7
    names = {Path(p).name for p in corpus.skipped["path"]}
    assert "chart.png" in names
    assert not any("README" in n or "hidden" in n or "draft" in n for n in names)


def test_subfolders_and_lists(briefs_dir, fixtures_dir):
    sub = briefs_dir / "sub" / "deeper"
    sub.mkdir(parents=True)
    shutil.move(briefs_dir / "page.html", sub / "page.html")
    assert len(load(briefs_dir)) == 7
    both = load([briefs_dir / "notes.md", fixtures_dir / "speeches"])
    assert len(both) == 3


def test_parallel_and_serial_loads_agree(fixtures_dir):
    serial = load(fixtures_dir / "briefs", workers=1, cache=False)
    parallel = load(fixtures_dir / "briefs", workers=2, cache=False)
    pd.testing.assert_frame_equal(serial.briefs, parallel.briefs)
    pd.testing.assert_frame_equal(serial.sentences, parallel.sentences)
    pd.testing.assert_frame_equal(serial.skipped, parallel.skipped)


# --- the cache ---------------------------------------------------------------------------


def cache_files(kind: str) -> list[Path]:
    root = storage.cache_dir() / kind
    return sorted(root.rglob("*.json")) + sorted(root.rglob("*.parquet")) if root.exists() else []


def forget_whole_loads() -> None:
    """Drop the whole-load entries, so that the next load goes through the per-file ones."""
    shutil.rmtree(storage.cache_dir() / "corpus", ignore_errors=True)


def test_cache_round_trip(fixtures_dir, monkeypatch):
    cold = load(fixtures_dir / "briefs")
    assert len(cache_files("files")) == 6
    calls = []
    monkeypatch.setattr(corpus_module.loader, "read_data",
                        lambda *a: calls.append(a) or pytest.fail("read despite the cache"))
    warm = load(fixtures_dir / "briefs")
    assert not calls
    for name in ("briefs", "paragraphs", "sentences", "skipped"):
        pd.testing.assert_frame_equal(getattr(cold, name), getattr(warm, name))


def test_cache_follows_files_that_moved(fixtures_dir, tmp_path):
    load(fixtures_dir / "briefs")
    moved = Path(shutil.copytree(fixtures_dir / "briefs", tmp_path / "elsewhere"))
    corpus = load(moved)
    assert corpus.briefs["path"].str.startswith(str(moved)).all()
    assert corpus.skipped["path"].str.startswith(str(moved)).all()


def test_corrupt_cache_entries_are_rebuilt(fixtures_dir):
    fresh = load(fixtures_dir / "briefs", cache=False)
    load(fixtures_dir / "briefs")
    entries = cache_files("files")
    garbage = [b"", b"{not json", b"\x80\x81\x82", json.dumps({"key": "x", "value": 1}).encode(),
               b"[]", b"null"]
    for path, junk in zip(entries, garbage):
        path.write_bytes(junk)
    forget_whole_loads()
    rebuilt = load(fixtures_dir / "briefs")
    pd.testing.assert_frame_equal(fresh.sentences, rebuilt.sentences)


def test_wrong_cache_values_are_not_trusted(fixtures_dir):
    fresh = load(fixtures_dir / "briefs", cache=False)
    load(fixtures_dir / "briefs")
    for path in cache_files("files"):
        envelope = json.loads(path.read_text())
        for record in envelope["value"]["records"]:
            record["sentences"] = [[0, 0, 10**9]]  # a span past the text
            record["text"] = "tampered"
        path.write_text(json.dumps(envelope))
    forget_whole_loads()
    pd.testing.assert_frame_equal(fresh.briefs, load(fixtures_dir / "briefs").briefs)


def test_entries_from_another_version_are_ignored(fixtures_dir):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(storage, "__version__", "0.0.1-other")
        load(fixtures_dir / "briefs")
    old_entries = set(cache_files("files"))
    load(fixtures_dir / "briefs")
    new_entries = set(cache_files("files")) - old_entries
    assert len(new_entries) == len(old_entries) == 6
    # Same key, other version in the envelope: not read.
    entry = sorted(new_entries)[0]
    envelope = json.loads(entry.read_text())
    key = envelope["key"]
    envelope["version"] = "9.9.9"
    entry.write_text(json.dumps(envelope))
    assert storage.read_cached_json("files", key) is None


def test_nothing_is_unpickled(fixtures_dir, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("briefkit unpickled something")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pd, "read_pickle", refuse)
    for _ in range(2):  # cold, then warm
        corpus = load(fixtures_dir / "briefs", workers=1)
        corpus.tokens  # noqa: B018 - computed, then read back from Parquet
        fresh = load(fixtures_dir / "briefs", workers=1)
        fresh.tokens  # noqa: B018


def test_tokens_are_lazy_and_cached_as_parquet(fixtures_dir, monkeypatch):
    corpus = load(fixtures_dir / "briefs")
    assert corpus._tokens == {} and not cache_files("tokens")
    tokens = corpus.tokens
    assert corpus.tokens is tokens
    assert len(cache_files("tokens")) == 1
    calls = []
    real = corpus_module.tokenize_sentences
    monkeypatch.setattr(corpus_module, "tokenize_sentences", lambda s: calls.append(1) or real(s))
    again = load(fixtures_dir / "briefs").tokens
    assert not calls
    pd.testing.assert_frame_equal(tokens, again)


def test_a_corrupt_tokens_entry_is_rebuilt(fixtures_dir):
    corpus = load(fixtures_dir / "briefs")
    expected = corpus.tokens
    (entry,) = cache_files("tokens")
    entry.write_bytes(entry.read_bytes()[:100])
    pd.testing.assert_frame_equal(load(fixtures_dir / "briefs").tokens, expected)
    (entry,) = cache_files("tokens")
    pd.DataFrame({"brief_id": ["x"]}).to_parquet(entry)  # a foreign file under the right name
    pd.testing.assert_frame_equal(load(fixtures_dir / "briefs").tokens, expected)


def test_no_cache_writes_nothing(fixtures_dir):
    load(fixtures_dir / "briefs", cache=False)
    assert not cache_files("files") and not cache_files("corpus")


# --- the whole-load cache ------------------------------------------------------------------


def _same_corpus(left: Corpus, right: Corpus) -> None:
    for name in ("briefs", "paragraphs", "sentences", "skipped"):
        a, b = getattr(left, name), getattr(right, name)
        pd.testing.assert_frame_equal(a, b, check_exact=True)
        assert a.dtypes.astype(str).tolist() == b.dtypes.astype(str).tolist()


def test_a_warm_load_reads_a_few_tables_not_every_file_entry(fixtures_dir, monkeypatch):
    fresh = load(fixtures_dir, cache=False)
    with pytest.warns(bk.BriefkitWarning) as cold_warnings:
        cold = bk.load_corpus(fixtures_dir, progress=False)
    assert len(cache_files("corpus")) == 4  # briefs, paragraphs, sentences, skipped
    monkeypatch.setattr(corpus_module, "_load_file_safe",
                        lambda *a: pytest.fail("a file's entry was read despite the whole load"))
    with pytest.warns(bk.BriefkitWarning) as warm_warnings:
        warm = bk.load_corpus(fixtures_dir, progress=False)
    _same_corpus(cold, warm)
    assert [str(w.message) for w in warm_warnings] == [str(w.message) for w in cold_warnings]
    _same_corpus(fresh, warm)


def test_a_changed_file_is_noticed_even_with_the_same_size_and_time(briefs_dir):
    note = briefs_dir / "notes.md"
    before = load(briefs_dir)
    stat = note.stat()
    text = note.read_text(encoding="utf-8")
    swapped = text.replace("a", "o", 1)
    assert swapped != text and len(swapped) == len(text)
    note.write_text(swapped, encoding="utf-8")
    os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = load(briefs_dir)
    assert after.fingerprint != before.fingerprint
    _same_corpus(load(briefs_dir, cache=False), after)


def test_an_added_or_removed_file_is_noticed(briefs_dir, fixtures_dir):
    first = load(briefs_dir)
    shutil.copy(fixtures_dir / "speeches" / "AAA_70_2015.txt", briefs_dir / "speech.txt")
    added = load(briefs_dir)
    assert len(added) == len(first) + 1
    (briefs_dir / "speech.txt").unlink()
    (briefs_dir / "page.html").unlink()
    removed = load(briefs_dir)
    assert len(removed) == len(first) - 1
    _same_corpus(load(briefs_dir, cache=False), removed)


def test_a_changed_manifest_is_noticed(fixtures_dir, tmp_path):
    folder = Path(shutil.copytree(fixtures_dir / "speeches", tmp_path / "speeches"))
    first = load(folder)
    manifest = folder / "manifest.tsv"
    manifest.write_text(manifest.read_text().replace("2015", "2014", 1))
    second = load(folder)
    _same_corpus(load(folder, cache=False), second)
    assert not first.briefs.equals(second.briefs)


def test_a_corrupt_whole_load_entry_is_rebuilt(fixtures_dir):
    fresh = load(fixtures_dir / "briefs", cache=False)
    load(fixtures_dir / "briefs")
    for path in cache_files("corpus"):
        path.write_bytes(path.read_bytes()[:64])
    _same_corpus(fresh, load(fixtures_dir / "briefs"))
    _same_corpus(fresh, load(fixtures_dir / "briefs"))  # and written anew


def test_tokens_on_several_processes_equal_those_of_one(fixtures_dir):
    corpus = Corpus.from_texts({f"b{i}": f"Iran acts {i} times. Russia waits, the U.S. objects."
                                for i in range(12)})
    pooled = corpus_module._tokenize_corpus(corpus, workers=2)
    pd.testing.assert_frame_equal(pooled, corpus_module.tokenize_sentences(corpus.sentences))


def test_fingerprint_changes_with_content(fixtures_dir, briefs_dir):
    first = load(fixtures_dir / "briefs").fingerprint
    (briefs_dir / "notes.md").write_text("# Changed\n\nA different text.\n")
    assert load(briefs_dir).fingerprint != first
