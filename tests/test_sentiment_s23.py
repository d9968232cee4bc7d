"""Tests for briefkit.sentiment, session 23: neutral rows read as polar (the target as actor
and speaker, questions and a note's agenda, exclusions) and the tone holder's clause."""

from __future__ import annotations

import pytest

from briefkit.sentiment import score_target, target_features


def _score(text: str, name: str, **options):
    start = text.index(name)
    return score_target(text, start, start + len(name), **options)


def _kinds(text: str, name: str, **options) -> dict:
    """Each word's feature for the first mention of ``name`` (words counted for nothing are
    left out)."""
    start = text.index(name)
    _, hits = target_features(text, [(start, start + len(name))], **options)
    return {h.cue.text: h.feature for h in hits if h.cue is not None and h.value}


# --- ASKED: a direct question and a research note's agenda assert nothing -----------------


@pytest.mark.offline
@pytest.mark.parametrize("method", ["model", "rules"])
def test_a_direct_question_about_the_target_is_neutral(method):
    asked = "Would a cut in aid weaken U.S. sway over the generals in Cairo?"
    assert _score(asked, "U.S.", method=method).label == "neutral"
    # only the clause that ends in the question mark asks: what comes before it is said
    said = "The cut will weaken U.S. sway over the generals; will Congress restore the aid?"
    assert _score(said, "U.S.", method=method).label == "negative"
    told = "A cut in aid would weaken U.S. sway over the generals in Cairo."
    assert _score(told, "U.S.", method=method).label == "negative"


@pytest.mark.offline
@pytest.mark.parametrize("method", ["model", "rules"])
def test_an_agenda_for_congress_lists_and_does_not_judge(method):
    agenda = ("Issues for Congress include troop levels, the danger to U.S. advisers and the "
              "cost of reconstruction.")
    assert _score(agenda, "U.S.", method=method).label == "neutral"
    weighing = ("Weighing the benefits and drawbacks of opening U.S. ports to the fleet is a "
                "continuing issue for Congress.")
    assert _score(weighing, "U.S.", method=method).label == "neutral"


@pytest.mark.offline
def test_the_model_leaves_out_words_that_only_suppose_or_ask():
    supposed = "Members may ask whether the new rules would burden American exporters."
    assert "burden" not in _kinds(supposed, "American")
    assert _score(supposed, "American", method="model").label == "neutral"
    # a helpful purpose stays counted by the model ("to expand markets for U.S. farmers")
    purpose = "Analysts say the fund could provide help to expand markets for U.S. farmers."
    assert "expand" in _kinds(purpose, "U.S.")
