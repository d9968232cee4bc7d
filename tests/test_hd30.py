"""Holders of session 30 (hd30): the head of a long subject noun phrase, and definite
descriptions of bodies named earlier. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")


# --- a definite description of a body: the body of that kind named last before ------------

@pytest.mark.parametrize("previous, sentence, holder, cue", [
    (["The grants were handed out by the Schwarzenegger Institute for State and Global "
      "Policy at the University of Southern California."],
     "The institute reported that the funding was for supporting access to voting.",
     "Schwarzenegger Institute for State and Global Policy", "report"),
    (["The Senate Appropriations Committee held hearings in May."],
     "The committee argued that the proposal would radically change the relationship.",
     "Senate Appropriations Committee", "argue"),
])
def test_definite_body_description_takes_up_the_body_named_before(previous, sentence,
                                                                  holder, cue):
    assert (holder, cue) in views(sentence, previous)


def test_the_latest_body_of_that_kind_is_taken():
    found = views("The committee argued that the bill went too far.",
                  ["The Senate Appropriations Committee held hearings.",
                   "Later the Joint Economic Committee met."])
    assert ("Joint Economic Committee", "argue") in found
    assert ("Senate Appropriations Committee", "argue") not in found


# --- the head of a subject phrase is the noun before its post-modifiers -------------------

def test_critics_of_an_actor_are_the_holder_not_the_actor():
    found = views("In Washington, critics of the administration argue that the ties left "
                  "room for Beijing.")
    assert ("critics", "argue") in found
    assert ("United States", "argue") not in found


def test_officials_of_a_state_still_speak_for_it():
    found = views("The foreign ministers of Russia and Iran argued that the sanctions were "
                  "illegal.")
    assert ("Russia|Iran", "argue") in found


def test_members_of_a_committee_named_with_an_actor_are_members_of_congress():
    found = views("Members of the House Select Committee on the Chinese Communist Party have "
                  "criticized the removal, contending that it rewarded the agency.")
    assert ("members of Congress", "criticize") in found
    assert not any(h == "Chinese Communist Party" for h, _ in found)


def test_a_body_named_after_an_actor_is_the_body():
    found = views("The House Select Committee on the Chinese Communist Party argued that the "
                  "removal was a mistake.")
    assert ("House Select Committee on the Chinese Communist Party", "argue") in found


# --- another state's adjective or possessive before a namesake body -----------------------

def test_a_foreign_senate_is_that_states_not_congress():
    found = views("Yet the Nigerian Senate urged Tinubu to give diplomacy priority, as "
                  "Washington watched.")
    assert ("Nigerian Senate", "urge") in found


def test_a_foreign_party_is_that_states_not_the_us_party():
    found = views("South Korea's Democratic Party said that it would oppose the deal.")
    assert ("Democratic Party", "say") not in found
    assert ("South Korea's Democratic Party", "say") in found


def test_the_us_senate_stays_congress():
    assert ("U.S. Congress", "vote") in views("The U.S. Senate voted to reject the deal.")


# --- an "according to" source is an adverbial, not the subject a later verb shares -------

def test_a_verb_after_and_shares_the_clause_subject_not_the_source():
    found = views("According to press reports, a senior junta officer visited Bamako in early "
                  "August and sought contact with Wagner there.")
    assert ("press reports", "seek") not in found
    assert ("senior junta officer", "seek") in found


def test_a_named_subject_after_the_source_shares_the_verb():
    found = views("According to U.S. officials, Iran has sent drones to Russia and plans to "
                  "send missiles.")
    assert ("Iran", "plan") in found


# --- a name in apposition to an office after a bracketed short form, in a later clause ----

@pytest.mark.parametrize("sentence, cue", [
    ("The commander of North American Aerospace Defense Command (NORAD), General Glen "
     "VanHerck, said that the gap was real.", "say"),
    ("Defense officials acknowledged that three balloons crossed U.S. territory, and the "
     "commander of North American Aerospace Defense Command (NORAD), General Glen VanHerck, "
     "spoke of a gap in domain awareness.", "speak"),
])
def test_the_name_apposed_to_an_office_holds_the_view(sentence, cue):
    found = views(sentence)
    assert ("Glen VanHerck", cue) in found
    assert ("Command", cue) not in found


# --- a relative clause after a list's first member: no actor inside it holds the view -----

def test_a_list_around_a_relative_clause_holds_the_view():
    found = views("The United Arab Emirates, which returned its ambassador to Tehran last year, "
                  "Qatar, Oman and Iraq praised the agreement.")
    assert ("United Arab Emirates|Qatar|Oman|Iraq", "praise") in found
    assert not any("Iran" in h.split("|") for h, _ in found)


def test_a_definite_body_as_possessor_of_a_request():
    found = views("The center's FY2027 request is $35.6 million, an increase of 1.4% over the "
                  "FY2026 enacted level.",
                  ["As the research entity, the Federal Judicial Center undertakes research."])
    assert ("Federal Judicial Center", "request") in found
