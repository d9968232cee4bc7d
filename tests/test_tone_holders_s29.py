"""The holder of tone rows toward the United States, session 29: views only predicted, the
subject of a passive view, a second that-clause of the same verb, and one view held jointly.
Sentences of our own."""

from __future__ import annotations

import pytest

from briefkit.sentiment import (
    View,
    _passive_subject,
    _view_end,
    find_target_spans,
    find_views,
    holder_of_target,
)


def us_holder(text: str) -> tuple:
    """The holder of the view of the United States in ``text``, as sentiment_toward finds it."""
    return holder_of_target(find_views(text), find_target_spans(text),
                            target="United States", text=text)


# --- a view only predicted is no view held: the author's -----------------------------------

@pytest.mark.parametrize("sentence", [
    "We assess that Tehran will probably keep its response small and use the ban to portray "
    "the United States as hostile to Muslims.",
    "A long pause would confirm the view in Beijing that American resolve is negotiable.",
    "Paris may seek concessions such as a larger U.S. role in supporting the mission.",
])
def test_a_view_only_predicted_is_the_authors(sentence):
    assert us_holder(sentence) == ("author", "author")


@pytest.mark.parametrize("sentence, holder", [
    # the modal stands in another clause than the cue: the view is held now
    ("Iran, which will host the talks, portrays the United States as a threat.", "Iran"),
    ("Tehran portrays the United States as a threat that will not go away.", "Iran"),
])
def test_a_modal_in_another_clause_leaves_the_view(sentence, holder):
    assert us_holder(sentence)[0] == holder


# --- the subject of a passive view with its agent is what the agent's view is of ----------

@pytest.mark.parametrize("sentence, holder", [
    ("The U.S. role is described by the Department of Defense as advise and assist.",
     "Pentagon"),
    ("The American plan was rejected by Moscow as a provocation.", "Russia"),
])
def test_the_subject_of_a_passive_view_is_the_agents(sentence, holder):
    assert us_holder(sentence)[0] == holder


def test_a_name_in_another_clause_before_a_passive_is_not_its_subject():
    text = "Washington sent the draft on Monday, and the plan was rejected by Moscow."
    view = View("Russia", "Russia", (66, 72), (54, 62), (0, 49), "reject", True)
    assert _passive_subject(view, text, 40, 48)  # "the plan"
    assert not _passive_subject(view, text, 0, 10)  # "Washington", in the clause before


def test_a_view_without_an_agent_after_by_has_no_passive_subject():
    text = "The U.S. plan was rejected on Monday by a vote of the council."
    view = View("council", "", (54, 61), (18, 26), (0, 13), "reject", True)
    assert not _passive_subject(view, text, 4, 8)


# --- a second that-clause of the same verb belongs to the same view -----------------------

def test_a_second_that_clause_is_the_same_views():
    text = ("In a speech, Xi Jinping said the talks had gone well, and that the United States "
            "underestimates China's resolve.")
    assert us_holder(text)[0] == "Xi Jinping"


def test_a_second_that_clause_after_but_is_the_same_views():
    text = ("Xi Jinping told reporters that relations were good, but that the United States "
            "had to respect China's interests.")
    assert us_holder(text)[0] == "Xi Jinping"


def test_and_that_as_a_determiner_opens_no_clause():
    # "and that decision": a determiner, not a second clause of "said"
    text = "Xi said the talks had gone well, and that decision pleased the United States."
    view = View("Xi Jinping", "China", (0, 2), (3, 7), (8, 31), "say", False)
    assert _view_end(view, text) == 31
    again = "Xi said the talks had gone well, and that the United States was pleased."
    assert _view_end(view, again) == len(again)


# --- two holders named before one cue hold one view, jointly -------------------------------

def test_holders_of_one_cue_are_joint():
    text = "Moscow has also joined Beijing in portraying THAAD as part of a U.S.-led network."
    assert us_holder(text) == ("Russia|China", "Russia|China")


def test_a_holder_after_the_cue_is_a_clause_of_its_own():
    text = ("Washington funds the Lebanese army and regards it as the one institution able to "
            "hold the country together, as do France and the United Kingdom.")
    assert us_holder(text)[0] == "United States"
