"""Claims of session 30 (nc30): noun cues whose holder is a possessive, an adjective or a
phrase after the noun, read through the noun phrase around the cue. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")
contents = views_of("holder", "cue", "content")


# --- a named genitive, then qualifying adjectives, then the noun cue --------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The vote would undo Washington's modest effort to loosen Minsk's ties to Moscow.",
     ("United States", "effort", "to loosen Minsk's ties to Moscow")),
    ("State media repeated Beijing's familiar call for talks without preconditions.",
     ("China", "call", "talks without preconditions")),
    ("Analysts noted Tehran's long-held view that sanctions cannot last.",
     ("Iran", "view", "sanctions cannot last")),
])
def test_a_genitive_holds_a_noun_cue_after_qualifying_adjectives(sentence, expected):
    assert expected in contents(sentence)


@pytest.mark.parametrize("sentence", [
    # a noun modifier: a phone call, not an appeal
    "President Trump's condolence call to the soldier's widow dominated coverage.",
    # a classifying adjective: a place held, not a stance
    "A closer union would strengthen Russia's military position on NATO's eastern flank.",
    # a plural noun modifier
    "The talks left Moscow's security concerns unaddressed for now.",
])
def test_nouns_and_classifying_adjectives_do_not_open_to_the_genitive(sentence):
    assert views(sentence) == []


# --- a participle set off by commas between the noun and its "to" -----------------------

def test_a_participle_aside_does_not_cut_a_decision_from_its_act():
    assert ("Japan", "decide", "to begin releasing treated water in late August") in contents(
        "Opinion in Seoul may be tested by Tokyo's decision, announced on August 22, "
        "to begin releasing treated water in late August.")


def test_an_aside_without_a_following_act_is_no_decision():
    found = views("Tokyo's decision, announced on August 22, angered Seoul.")
    assert all(cue != "decide" for _, cue in found)


# --- a compound naming who leads: "a U.S.-led effort to ..." -----------------------------

def test_the_leader_of_a_led_effort_holds_it():
    assert ("United States", "effort", "to protect commercial shipping in the Red Sea") in \
        contents("Austin announced the operation, a U.S.-led effort to protect commercial "
                 "shipping in the Red Sea.")


def test_a_led_effort_with_no_act_is_no_claim():
    found = views("Russian officials have called the U.S.-led effort a failure.")
    assert all(cue != "effort" for _, cue in found)


# --- the holder after "of" in a definite noun phrase ------------------------------------

def test_in_the_view_of_x_holds_what_follows():
    assert ("NATO planners", "view", "removes any temptation to stage a quick seizure") in \
        contents("The deployment, in the view of NATO planners, removes any temptation to "
                 "stage a quick seizure.")


def test_over_the_objection_of_x_holds_the_clause_before():
    assert ("Lebanon|Iraq", "object", "the Arab League followed within days") in contents(
        "The Council designated it on March 2; the Arab League followed within days over "
        "the objection of Lebanon and Iraq.")


def test_the_efforts_of_x_to_act_are_its_aim():
    assert ("Iraq", "effort", "to achieve security and stability") in contents(
        "We welcome the efforts of the Iraqi Government to achieve security and stability.")


def test_at_the_request_of_x_holds_the_clause_before():
    assert ("Iraq", "request", "The troops left") in contents(
        "The troops left at the request of the Iraqi government.")


@pytest.mark.parametrize("sentence", [
    "The goals of the United Nations remain valid.",  # no content
    "Fears of Iran run deep in the Gulf.",  # no "the": what the fear is about
    "The threat of Iran is the council's main concern.",  # the threat Iran poses
])
def test_other_n_of_x_is_no_claim_of_x(sentence):
    assert all(holder != "Iran" and holder != "United Nations" for holder, _ in views(sentence))


# --- a definite phrase in the genitive that no name covers -------------------------------

def test_the_administrations_effort_is_the_states():
    assert ("United States", "effort", "to deepen ties with Hanoi") in contents(
        "Observers see the trade pact as a pillar of the Administration's effort to deepen "
        "ties with Hanoi.", previous="Vietnam welcomed the move.")


def test_the_administrations_argument_is_the_states():
    assert ("United States", "argue") in views(
        "Some Democrats have accepted the administration's argument that repairing relations "
        "with Germany is worth the cost.", previous="Berlin welcomed the waiver.")


def test_an_office_in_the_genitive_is_not_guessed():
    found = views("The White House said that the President's aim was to manage competition.",
                  previous="President Biden met Xi Jinping in Woodside.")
    assert ("Xi Jinping", "aim") not in found


# --- a gerund after a preposition keeps its own "to" --------------------------------------

def test_a_gerunds_to_is_not_the_decisions_act():
    found = views("The appeals court upheld the Court of International Trade's decision "
                  "without addressing the application of Section 122 to trade deficits.")
    assert all(cue != "decide" for _, cue in found)
