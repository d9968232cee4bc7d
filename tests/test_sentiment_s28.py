"""Tone toward a target, session 28: praise and partnership the scorer missed (sentences
written for these tests)."""

from __future__ import annotations

import pytest
from tone_support import score_named, word_features


@pytest.mark.offline
@pytest.mark.parametrize("text", [
    "Seoul called the U.S. decision a welcome step.",
    "Polish officials view the U.S. deployment as a welcome step.",
    "Indian officials described the U.S. reply as helpful.",
])
def test_another_casting_the_target_as_good_is_a_view_held_of_it(text):
    # CAST: what another regards the target's act as is its verdict on the target
    assert word_features(text, "U.S.").get("welcome", word_features(text, "U.S.").get(
        "helpful")) == "held_pos"
    for method in ("model", "rules"):
        found = score_named(text, "U.S.", method=method)
        assert found.label == "positive" and "cast as" in found.evidence


@pytest.mark.offline
def test_a_casting_that_sees_the_target_as_good():
    text = "Kurdish leaders see the American presence as a guarantee against the jihadists."
    assert word_features(text, "American")["guarantee"] == "held_pos"
    assert score_named(text, "American").label == "positive"
    # "sees an opening": no "as", no verdict on the target, and "see" is no view there
    text = "Tehran sees an opening with the U.S. election, analysts say, and a good chance."
    assert "cast as" not in score_named(text, "U.S.").evidence


@pytest.mark.offline
def test_a_casting_of_the_target_as_bad_stays_negative():
    text = "Moscow described the U.S. deployment as a dangerous provocation."
    for method in ("model", "rules"):
        assert score_named(text, "U.S.", method=method).label == "negative"
    assert word_features(text, "U.S.")["dangerous"] == "held_neg"
    # "called for U.S. troops to leave" is a demand, no casting
    text = "Manila called for U.S. advisers to leave the island."
    assert "cast as" not in score_named(text, "U.S.").evidence



@pytest.mark.offline
@pytest.mark.parametrize("text, word", [
    ("French officials regard the United States as an indispensable supplier.", "indispensable"),
    ("Seoul described the United States' reply as constructive.", "constructive"),
    ("Tokyo would keep working closely with the United States.", "working closely with"),
    ("The United States' commitment to the alliance has steadied since the spring.", "steadied"),
])
def test_words_of_praise_and_partnership(text, word):
    # verdicts ('indispensable', 'constructive'), close cooperation with the target, and a
    # stake of the target made firmer
    for method in ("model", "rules"):
        found = score_named(text, "United States", method=method)
        assert found.label == "positive" and word in found.evidence
