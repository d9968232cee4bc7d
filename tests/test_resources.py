"""briefkit.resources: packaged word lists, and NLTK's data used offline first."""

from __future__ import annotations

import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefkit as bk
from briefkit import resources, text
from briefkit.errors import DataError

offline = pytest.mark.offline


@offline
def test_abbreviation_kinds():
    kinds = resources.abbreviation_kinds()
    assert kinds["gen"] == "title" and kinds["e.g"] == "title"
    assert kinds["no"] == "numbered" and kinds["p"] == "numbered"
    assert kinds["u.s"] == "general" and kinds["dec"] == "general"
    assert "sun" not in kinds and "sat" not in kinds  # ordinary words too often
    assert resources.abbreviations() == frozenset(kinds)
    assert all(k == k.lower() and not k.endswith(".") for k in kinds)


@offline
def test_an_unknown_abbreviation_section_is_an_error(monkeypatch):
    monkeypatch.setattr(resources, "read_data_lines", lambda name: ["[nonsense]", "x"])
    with pytest.raises(DataError, match="unknown section"):
        resources.abbreviation_kinds.__wrapped__()


@offline
def test_stopwords_are_the_same_in_both_modes(shared):
    """briefkit's list holds all of NLTK's English list: is_stop never depends on the mode."""
    archive = shared / "nltk_data" / "corpora" / "stopwords.zip"
    if not archive.exists():
        pytest.skip("no NLTK stopwords in ../shared")
    nltk_words = set(zipfile.ZipFile(archive).read("stopwords/english").decode().split())
    own = set(resources.read_data_lines("stopwords.txt"))
    assert nltk_words <= own
    assert resources.stopwords() == frozenset(own)


@offline
def test_stopwords_basics():
    words = resources.stopwords()
    assert {"the", "and", "of", "'s"} <= words
    assert "russia" not in words and "sanctions" not in words


@offline
def test_resources_report():
    report = resources.resources_report()
    assert set(report) == {"mode", "pos_tagger", "sentence_splitter", "stopwords", "vader_lexicon"}
    assert report["mode"] in {"nltk", "fallback", "mixed"}
    nltk_data = os.environ.get("NLTK_DATA", "")
    if nltk_data and os.path.isdir(nltk_data) and not os.listdir(nltk_data):
        assert report["mode"] == "fallback"
        assert report["sentence_splitter"].startswith("fallback")
        assert not resources.has_tagger()


@offline
def test_pos_tag():
    tags = resources.pos_tag(["Russia", "objected", "."])
    assert len(tags) == 3
    if resources.has_tagger():
        assert tags[0].startswith("NNP") and tags[2] == "."
    else:
        assert tags == ["", "", ""]
    assert resources.pos_tag([]) == []


@offline
def test_no_download_when_told_not_to(monkeypatch):
    import nltk

    def missing(*args, **kwargs):
        raise LookupError("not installed")

    def download(*args, **kwargs):
        raise AssertionError("tried to download")

    monkeypatch.setattr(nltk.data, "find", missing)
    monkeypatch.setattr(nltk, "download", download)
    monkeypatch.setenv("BRIEFKIT_DOWNLOAD", "0")
    assert resources.nltk_resource.__wrapped__("punkt_tab") is None


@offline
def test_one_quiet_download_attempt(monkeypatch, capsys):
    import nltk

    calls = []

    def missing(*args, **kwargs):
        raise LookupError("not installed")

    def download(package, **kwargs):
        calls.append(package)
        print("a noisy failure message")
        return False

    monkeypatch.setattr(nltk.data, "find", missing)
    monkeypatch.setattr(nltk, "download", download)
    monkeypatch.setenv("BRIEFKIT_DOWNLOAD", "1")
    assert resources.nltk_resource.__wrapped__("tagger") is None
    assert calls == ["averaged_perceptron_tagger_eng"]
    assert "noisy" not in capsys.readouterr().out


@offline
def test_read_data_csv_errors():
    with pytest.raises(DataError, match="no-such-table.csv"):
        resources.read_data_csv.__wrapped__("no-such-table.csv")


# --- the POS tagger: NLTK's tags, exactly ------------------------------------------------

_TAGS = ["DT", "NN", "NNP", "VB", "VBD"]
_VOCAB = ["the", "The", "a", "Iran", "iran", "said", "say", "U.S.-led", "-x", "1999", "12",
          "3.5", "", " ", "-START-", "-END-", "i word", "run", "runs", "é", "1999-2000"]
_WEIGHTS = [-1.5, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.6, 0.7, 1.0, 2.0]


def _nltk_tagger(weights=None, tagdict=None, classes=None):
    from nltk.tag.perceptron import PerceptronTagger

    tagger = PerceptronTagger(load=False)
    tagger.decode_json_params([weights, tagdict, classes])
    return tagger


def _nltk_tags(tagger, sentences):
    return [[tag for _, tag in tagger.tag(s)] if s else [] for s in sentences]


def _toy_features() -> list[str]:
    """Every feature NLTK's tagger can build from _VOCAB and _TAGS."""
    norm = resources.PerceptronTagger.normalize
    return _feature_names({norm(w) for w in _VOCAB}, _TAGS, [w[-3:] for w in _VOCAB],
                          [w[:1] for w in _VOCAB])


def _feature_names(words, tags, suffixes, prefixes) -> list[str]:
    """Every feature NLTK's perceptron can read for these words, tags and affixes."""
    tags = ["-START-", "-START2-", *tags]
    out = ["bias", *[f"i suffix {x}" for x in suffixes], *[f"i pref1 {x}" for x in prefixes]]
    for w in ["-START-", "-START2-", "-END-", "-END2-", *words]:
        out += [f"i word {w}", f"i-1 word {w}", f"i-2 word {w}", f"i+1 word {w}",
                f"i+2 word {w}", f"i-1 suffix {w[-3:]}", f"i+1 suffix {w[-3:]}"]
        out += [f"i-1 tag+i word {t} {w}" for t in tags]
    for t in tags:
        out += [f"i-1 tag {t}", f"i-2 tag {t}"] + [f"i tag+i-2 tag {t} {u}" for u in tags]
    return sorted(set(out))


@st.composite
def _toy_models(draw):
    features = draw(st.lists(st.sampled_from(_toy_features()), min_size=1, max_size=60,
                             unique=True))
    weights = {f: draw(st.dictionaries(st.sampled_from(_TAGS), st.sampled_from(_WEIGHTS),
                                       max_size=4)) for f in features}
    tagdict = draw(st.dictionaries(st.sampled_from(_VOCAB), st.sampled_from(_TAGS), max_size=3))
    return weights, tagdict, _TAGS


@offline
@settings(max_examples=300, deadline=None)
@given(model=_toy_models(),
       sentences=st.lists(st.lists(st.sampled_from(_VOCAB), max_size=12), max_size=6))
def test_the_fast_tagger_equals_nltk_on_toy_models(model, sentences):
    """Small weights such as 0.1, 0.2 and 0.3 make ties and make the order of additions
    matter ((0.1 + 0.2) + 0.3 != 0.1 + (0.2 + 0.3)): the tags must still be NLTK's."""
    fast = resources.PerceptronTagger(*model)
    assert fast.tag_sentences(sentences) == _nltk_tags(_nltk_tagger(*model), sentences)
    again = resources.PerceptronTagger.from_arrays(fast.to_arrays())
    assert again.tag_sentences(sentences) == fast.tag_sentences(sentences)


_DENSE_VOCAB = ["a", "B", "c-d"]
_DENSE_TAGS = ["X", "Y", "Z"]


def _dense_features() -> list[str]:
    return _feature_names(["a", "b", "!HYPHEN"], _DENSE_TAGS, _DENSE_VOCAB,
                          [w[0] for w in _DENSE_VOCAB])


@offline
@settings(max_examples=200, deadline=None)
@given(data=st.data(),
       sentences=st.lists(st.lists(st.sampled_from(_DENSE_VOCAB), min_size=1, max_size=10),
                          min_size=1, max_size=4))
def test_the_fast_tagger_adds_weights_in_nltks_order(data, sentences):
    """Every feature weighs on every tag, in tenths: sums tie in decimals and differ in
    the last bit with the order of the additions, so only NLTK's order gives its tags."""
    tenths = st.sampled_from([-0.3, -0.2, -0.1, 0.1, 0.2, 0.3])
    weights = {f: {t: data.draw(tenths) for t in _DENSE_TAGS} for f in _dense_features()}
    fast = resources.PerceptronTagger(weights, {}, _DENSE_TAGS)
    assert fast.tag_sentences(sentences) == _nltk_tags(_nltk_tagger(weights, {}, _DENSE_TAGS),
                                                       sentences)


@offline
def test_ties_go_to_the_larger_tag_as_in_nltk():
    weights = {"bias": {"NN": 0.5, "VB": 0.5, "DT": 0.1}, "i word walk": {"DT": 0.4}}
    fast = resources.PerceptronTagger(weights, {}, _TAGS)
    sentences = [["walk"], ["talk", "walk"]]
    assert fast.tag_sentences(sentences) == _nltk_tags(_nltk_tagger(weights, {}, _TAGS),
                                                       sentences)
    assert fast.tag_sentences([["talk"]]) == [["VB"]]


@offline
def test_tag_flat_checks_the_lengths():
    fast = resources.PerceptronTagger({"bias": {"NN": 1.0}}, {}, _TAGS)
    assert fast.tag_flat(["a", "b", "c"], [2, 0, 1]) == ["NN", "NN", "NN"]
    assert fast.tag_flat([], [0, 0]) == []
    with pytest.raises(ValueError, match="lengths"):
        fast.tag_flat(["a"], [2])


@pytest.fixture(scope="module")
def nltk_tagger():
    if not resources.has_tagger():
        pytest.skip("NLTK's averaged_perceptron_tagger_eng is not installed")
    from nltk.tag.perceptron import PerceptronTagger

    return PerceptronTagger()


def _token_lists(corpus) -> list[list[str]]:
    return [[tok for tok, _, _ in text.tokenize_words(s)] for s in corpus.sentences["text"]]


@pytest.mark.slow
def test_the_fast_tagger_equals_nltk_on_the_sample(nltk_tagger):
    sentences = _token_lists(bk.load_corpus(bk.sample_path(), progress=False, cache=False))
    assert resources.pos_tag_sentences(sentences) == _nltk_tags(nltk_tagger, sentences)
    words = [w for s in sentences for w in s]
    flat = resources.pos_tag_flat(words, [len(s) for s in sentences])
    assert flat == [t for tags in _nltk_tags(nltk_tagger, sentences) for t in tags]


@pytest.mark.slow
@pytest.mark.needs_shared
def test_the_fast_tagger_equals_nltk_on_the_crs_corpus(nltk_tagger, shared):
    folder = shared / "corpora" / "crs-in-focus"
    if not folder.is_dir():
        pytest.skip("no CRS corpus in ../shared")
    sentences = _token_lists(bk.load_corpus(folder, progress=False, cache=False))
    assert resources.pos_tag_sentences(sentences) == _nltk_tags(nltk_tagger, sentences)


_WORDS = st.one_of(
    st.sampled_from(["the", "The", "Iran", "said", "U.S.", ",", ".", "'s", "al-Assad", "2019",
                     "25,000", "run", "runs", "Putin", "may", "-", "--", "''", "``", "I"]),
    st.text(max_size=8),
    st.from_regex(r"[0-9]{1,5}", fullmatch=True),
    st.from_regex(r"[A-Za-z]{1,6}(-[a-z]{1,4})?", fullmatch=True),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences=st.lists(st.lists(_WORDS, max_size=25), max_size=6))
def test_the_fast_tagger_equals_nltk_on_generated_tokens(nltk_tagger, sentences):
    assert resources.pos_tag_sentences(sentences) == _nltk_tags(nltk_tagger, sentences)


def test_the_compiled_tagger_is_cached_and_a_corrupt_entry_rebuilt(nltk_tagger):
    from briefkit import storage

    key = storage.cache_key("tagger", resources.tagger_key())
    fast = resources._tagger.__wrapped__()  # writes the entry into this test's cache
    path = storage._entry("tagger", key, ".npz")
    assert os.path.exists(path)
    assert storage.read_cached_arrays("tagger", key) is not None
    with open(path, "wb") as handle:
        handle.write(b"not an npz")
    assert storage.read_cached_arrays("tagger", key) is None
    rebuilt = resources._tagger.__wrapped__()
    words = ["Iran", "rejected", "the", "U.S.", "plan", "."]
    assert rebuilt.tag_sentences([words]) == fast.tag_sentences([words])
    assert storage.read_cached_arrays("tagger", key) is not None
