"""Tests for briefkit.sentiment, session 23: neutral rows read as polar (the target as actor
and speaker, questions and a note's agenda, exclusions) and the tone holder's clause."""

from __future__ import annotations

import pytest
from tone_support import score_named as _score  # beside this file
from tone_support import word_features as _kinds

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


# --- SPEAKER: the target judges a third thing in its own words ----------------------------


@pytest.mark.offline
def test_the_target_judging_a_third_thing_in_its_own_words_is_neutral():
    judged = "U.S. officials said that Washington regarded the referendum as reckless."
    assert _kinds(judged, "Washington")["reckless"] == "own_view_neg"
    assert _score(judged, "Washington", method="model").label == "neutral"
    envoy = ("The State Department said that the United States would rather walk away than "
             "sign a bad deal.")
    assert _kinds(envoy, "United States", target="United States")["bad"] == "own_view_neg"
    assert _score(envoy, "United States", method="model").label == "neutral"
    # the rules still weigh such words as what the target says
    assert "in what the target says" in _score(judged, "Washington", method="rules").evidence
    # the target named only as the speaker: its words stay what it says
    plain = "U.S. diplomats argue that a flawed truce is better than a bloody stalemate."
    assert _kinds(plain, "U.S.")["flawed"] == "said_neg"


@pytest.mark.offline
def test_a_word_that_bears_on_the_target_in_its_own_words_still_counts():
    hurt = "U.S. officials said that attacks on American diplomats had grown."
    assert _score(hurt, "American", method="model").label == "negative"
    # its own act, what it cannot do, says what the matter means for it
    unable = "U.S. generals argue that the cuts would leave U.S. advisers unable to act."
    assert _kinds(unable, "U.S.")["unable to"] == "said_neg"
    # quoted speech the target stands outside of is another's words, not its view
    quoted = ('Washington said the plan, in the words of one envoy, "is a reckless and '
              'dangerous gamble", and withdrew.')
    assert _kinds(quoted, "Washington").get("reckless") == "said_neg"


# --- DENIED TIE: a denied tie of opposition or reliance is no tie -------------------------


@pytest.mark.offline
@pytest.mark.parametrize("method", ["model", "rules"])
def test_a_denied_tie_of_opposition_or_reliance_counts_for_nothing(method):
    spared = "The ministers protested loudly but took no steps against American firms."
    assert "against" not in _score(spared, "American", method=method).evidence
    own = "The new fund does not rely on U.S. grants."
    assert _score(own, "U.S.", method=method).label == "neutral"
    # the tie itself still counts
    relied = "The new fund relies on U.S. grants."
    assert _score(relied, "U.S.", method="rules").label == "positive"
    opposed = "The ministers took steps against American firms."
    assert _score(opposed, "American", method=method).label == "negative"
