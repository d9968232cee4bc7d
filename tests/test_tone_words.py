"""Target-relative word features and their learner (benchmarks/tone_words_s26.py, the record
of session 26's experiment, not part of the package), in our own words."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "tone_words_s26.py"
_SPEC = importlib.util.spec_from_file_location("tone_words_s26", _PATH)
tone_words = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(tone_words)
fit_words, matrix, vocabulary, word_hits = (tone_words.fit_words, tone_words.matrix,
                                            tone_words.vocabulary, tone_words.word_hits)


def _span(text: str, name: str) -> list[tuple[int, int]]:
    start = text.index(name)
    return [(start, start + len(name))]


def _features(text: str, name: str) -> dict[str, str]:
    return {word: feature for feature, _, word in word_hits(text, _span(text, name))}


def test_positions_relative_to_the_target():
    text = "Ministers of the region openly condemned Washington over the tariffs, and trade fell."
    found = _features(text, "Washington")
    assert found["condemned"] == "before:condemn"  # just before it: acts on it
    assert found["openly"] == "before:openli"
    assert found["tariffs"] == "after:tariff"  # after it, in its clause
    assert found["Ministers"] == "clause:minist"  # its clause, farther than NEAR words
    assert found["fell"] == "else:fell"  # after the comma and "and": another clause


def test_a_clause_break_stops_before():
    text = "The talks stalled; Washington then resumed them."
    found = _features(text, "Washington")
    assert found["stalled"] == "else:stall"  # near, but across the semicolon
    assert found["resumed"] == "after:resum"


def test_stopwords_and_names_dropped_negators_and_relations_kept():
    text = "Analysts say the council will not act against Washington without a vote by Beijing."
    found = _features(text, "Washington")
    for word in ("the", "will", "say", "a", "Beijing", "Washington"):
        assert word not in found
    assert found["not"] == "before:not"  # "not act against": three words before
    assert found["against"] == "before:against"
    assert found["without"] == "after:without"
    assert found["by"] == "after:by"


def test_a_known_name_opening_the_sentence_is_dropped_a_common_word_kept():
    assert "Moscow" not in _features("Moscow blamed Washington for the delay.", "Washington")
    assert "Critics" in _features("Critics blamed Washington for the delay.", "Washington")


def test_each_stem_once_at_its_nearest_position():
    text = "Sanctions hurt trade, and sanctions on Washington followed."
    hits = word_hits(text, _span(text, "Washington"))
    stems = [feature.split(":", 1)[1] for feature, _, _ in hits]
    assert len(stems) == len(set(stems))
    assert ("before:sanction", 1.0, "sanctions") in hits


def test_no_target_no_features():
    assert word_hits("Nothing here names it.", [(100, 110)]) == []


def _planted(seed: int = 0):
    rng = np.random.default_rng(seed)
    x = (rng.random((600, 6)) < 0.3).astype(float)
    logits = np.zeros((600, 3))
    logits[:, 0] = 3.0 * x[:, 0]  # feature 0 makes a row negative
    logits[:, 2] = 3.0 * x[:, 1]  # feature 1 makes it positive
    u = rng.random(600)[:, None]
    p = tone_words.softmax(logits).cumsum(axis=1)
    labels = [tone_words.LABELS[int(i)] for i in (u > p).sum(axis=1)]
    return x, labels


def test_the_learner_recovers_planted_weights():
    x, labels = _planted()
    model = fit_words(x, labels, l2=0.1, features=[f"f{j}" for j in range(6)])
    assert model.top("negative", 1)[0][0] == "f0"
    assert model.top("positive", 1)[0][0] == "f1"
    lift = model.top("negative", 1)[0][1]
    assert 2.0 < lift < 5.5  # the planted 3 against the mean of the two others (3 x 1.0)
    noise = model.weights[:, 2:]
    assert np.abs(noise).max() < 0.6


def test_an_offset_leaves_the_words_what_it_misses():
    x, labels = _planted(1)
    offset = np.zeros((len(labels), 3))
    offset[:, 0] = 3.0 * x[:, 0]  # the other model already knows feature 0
    model = fit_words(x, labels, l2=0.1, offset=offset)
    assert abs(model.weights[0, 0] - model.weights[1, 0]) < 0.8
    assert model.weights[2, 1] - model.weights[1, 1] > 2.0


def test_the_learner_is_deterministic():
    x, labels = _planted(2)
    a = fit_words(x, labels, l2=1.0)
    b = fit_words(x, labels, l2=1.0)
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias)


def test_vocabulary_needs_several_texts():
    rows = [[("before:blam", 1.0, "blamed")], [("before:blam", 1.0, "blames")],
            [("before:blam", 1.0, "blame"), ("after:rare", 1.0, "rare")]]
    assert vocabulary(rows, ["t1", "t2", "t3"]) == ("before:blam",)
    assert vocabulary(rows, ["t1", "t1", "t2"]) == ()
    assert matrix(rows, ("after:rare", "before:blam")).tolist() == [[0, 1], [0, 1], [1, 1]]


@pytest.mark.parametrize("word", ["never", "instead", "with", "toward"])
def test_kept_function_words(word):
    assert word in tone_words.KEPT and word not in tone_words.STOPWORDS


def test_views_mark_the_cue_held_of_the_target_and_the_targets_own_view():
    from briefkit.sentiment import View

    text = "Critics accused Washington, which rejected the plan as reckless."
    accuse = View("critics", "", (0, 7), (8, 15), (16, 64), "accuse", False)
    reject = View("United States", "United States", (16, 26), (34, 42), (43, 64), "reject",
                  True)
    hits = word_hits(text, _span(text, "Washington"), (accuse, reject))
    found = {word: feature for feature, _, word in hits}
    assert found["accused"] == "held:accus"
    assert found["reckless"] == "own:reckless"
    assert "held:accus" not in {f for f, _, _ in word_hits(text, _span(text, "Washington"))}
