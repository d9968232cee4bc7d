"""Tests for briefkit.sentiment, session 24: what a "whether" clause asks across its own
commas, and the other constructions of session 24's tone misses."""

from __future__ import annotations

import re

import pytest
from tone_support import score_named as _score  # beside this file
from tone_support import word_features as _kinds

from briefkit.sentiment import (
    find_views,
    holder_of_target,
    score_spans,
)

# --- a "whether" clause runs on past the commas of its own list or aside ------------------


@pytest.mark.offline
@pytest.mark.parametrize("method", ["model", "rules"])
@pytest.mark.parametrize(
    "asked",
    [
        # a list in the clause's subject
        "The panel will review whether Brazilian levies, quotas and licensing rules are "
        "unfair and harm U.S. exporters.",
        # an aside between commas
        "Lawmakers could weigh whether the subsidy, frozen since 2009, still harms U.S. "
        "shipyards.",
    ],
)
def test_a_whether_clause_asks_across_its_own_commas(asked, method):
    assert _score(asked, "U.S.", method=method).label == "neutral"


@pytest.mark.offline
@pytest.mark.parametrize("method", ["model", "rules"])
@pytest.mark.parametrize(
    "said",
    [
        # a comma before a new clause ends the question: what follows is said
        "The panel will review whether the levies are fair, and the quotas harm U.S. "
        "exporters.",
        # an opening "whether" ends at its comma, where the main clause begins
        "Whether or not the panel meets, the quotas harm U.S. exporters.",
        # so does an "if" clause
        "If the panel meets, the quotas will harm U.S. exporters.",
    ],
)
def test_a_comma_before_another_clause_ends_the_question(said, method):
    assert _score(said, "U.S.", method=method).label == "negative"


# --- TURN in the rules: a good conceded before "but" is there to be limited ----------------


@pytest.mark.offline
def test_the_rules_read_a_good_conceded_before_but_as_a_limit():
    conceded = ("The port agreement serves U.S. interests, but the fighting around the harbour "
                "shows no sign of ending.")
    assert _score(conceded, "U.S.", method="rules").label == "negative"
    # the target's own act or view before "but" is its stance, not a good conceded
    stance = "Washington praised the port agreement, but the fighting shows no sign of ending."
    assert _score(stance, "Washington", method="rules").label != "negative"
    # news keeps the clause that yields as it is
    assert _score(conceded, "U.S.", method="rules", genre="news").label != "negative"


@pytest.mark.offline
def test_in_its_own_speech_a_good_the_target_concedes_of_itself_does_not_turn():
    text = "The United States is ready and generous in its support, but the world must do more."
    start = text.index("United States")
    span = [(start, start + len("United States"))]
    own = score_spans(text, span, method="rules", speaker="United States", target="United States")
    assert own.label == "positive"
    other = score_spans(text, span, method="rules", target="United States")
    assert other.label == "negative"


# --- the target left out: only an aside that sets another actor in its place ---------------


@pytest.mark.offline
def test_a_plain_without_or_but_not_says_who_takes_part():
    plain = "Chile said it would stay in the pact without the United States."
    assert "without" not in _kinds(plain, "United States")
    assert _score(plain, "United States", method="model").label == "neutral"
    listed = "The new bank admits Brazil, India and South Africa but not the United States."
    assert "not" not in _kinds(listed, "United States")
    # an aside that sets another actor in the target's place still leaves it out
    aside = "Analysts expect that Beijing, not Washington, will write the rules of the new bank."
    assert "not" in _kinds(aside, "Washington")


# --- tone holder: the holder's own earlier predicate is no apposition ----------------------


def _holder(text: str, name: str) -> str:
    spans = [m.span() for m in re.finditer(re.escape(name), text)]
    return holder_of_target(find_views(text), spans, target="United States", text=text)[0]


@pytest.mark.offline
@pytest.mark.parametrize(
    "text",
    [
        "Macron closed the U.S. consulate in Lyon, saying the step was overdue.",
        "Merkel spoke at a hearing on the U.S. tariff plan and suggested that talks resume.",
    ],
)
def test_a_mention_in_the_holders_earlier_predicate_is_the_authors(text):
    assert _holder(text, "U.S.") == "author"


@pytest.mark.offline
def test_a_mention_in_the_holders_apposition_is_still_the_holders():
    text = "Macron, who visited the U.S. consulate in Lyon, said the step was overdue."
    assert _holder(text, "U.S.") == "Emmanuel Macron"


@pytest.mark.offline
@pytest.mark.parametrize(
    "text",
    [
        "Ankara presses for a buffer zone that Washington refuses to patrol.",
        "Chile backs the new fund but stays wary of any U.S. role in it.",
    ],
)
def test_an_acts_object_with_a_clause_where_the_target_acts_is_the_authors(text):
    name = "Washington" if "Washington" in text else "U.S."
    assert _holder(text, name) == "author"


@pytest.mark.offline
def test_an_act_on_the_target_itself_is_still_its_holders():
    assert _holder("Turkey backs the U.S. plan for the border.", "U.S.") == "Turkey"


# --- HELD in the rules: a held view's cue carries its holder's attitude --------------------


@pytest.mark.offline
def test_the_rules_read_a_held_view_by_its_cue_not_by_the_words_of_its_content():
    text = ("Hanoi doubts that Washington will keep its generous promise of patrol boats "
            "and training.")
    result = _score(text, "Washington", method="rules")
    assert result.label == "negative" and "generous" not in result.evidence
    # a word next to the target stays: it is tied to the target itself
    near = _score("Critics blame the harsh U.S. quotas for the slump.", "U.S.", method="rules")
    assert "harsh" in near.evidence
    # the model keeps its own features
    assert "generous" in _kinds(text, "Washington")
