"""Holder phrases of session 25: unnamed members of Congress, and other holders. Sentences of
our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

CONGRESS_BEFORE = "The House and the Senate return to the budget in the U.S. Congress next week."


views = views_of("holder", "cue")


# --- unnamed members of Congress (annotation case 14) ------------------------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    # a count or a quantifier, a party's adjective, then senators: some members
    ("Forty Republican Senators wrote that the treaty would need a vote.",
     "members of Congress", "write"),
    ("Several Democratic senators have urged that the waiver be renewed at once.",
     "members of Congress", "urge"),
    # senators with no modifier, once the text has named the Congress
    ("Senators cited a fresh assessment that the tests had resumed.",
     "members of Congress", "cite"),
    # the country's adjective before lawmakers: its legislators, not its officials
    ("Some American lawmakers regard the pause as a gift to Pyongyang.",
     "members of Congress", "regard"),
])
def test_unnamed_legislators_are_members_of_congress(sentence, holder, cue):
    assert (holder, cue) in views(sentence, CONGRESS_BEFORE)


def test_another_states_lawmakers_stay_its_officials():
    assert ("members of Congress", "regard") not in views(
        "Some Iranian lawmakers regard the pause as a trap.", CONGRESS_BEFORE)


def test_members_such_as_a_named_senator_are_members_of_congress():
    found = views("A few members, such as Representative Jane Doe, welcomed the vote and "
                  "argued that the strikes were never authorized.", CONGRESS_BEFORE)
    assert ("members of Congress", "welcome") in found
    assert ("members of Congress", "argue") in found


def test_a_chamber_leader_and_other_party_members_are_his_party():
    found = views("House Majority Leader John Roe and other Republicans described the deal "
                  "as a surrender.", CONGRESS_BEFORE)
    assert ("John Roe|Republican Party", "describe") in found  # case 21


@pytest.mark.parametrize("phrase", ["Republican leaders and some Democrats",
                                    "Senate Republicans and a few Democrats"])
def test_both_parties_together_are_each_party(phrase):
    found = views(f"This week {phrase} warned that the sale lacks any authorization.",
                  CONGRESS_BEFORE)
    assert ("Republican Party|Democratic Party", "warn") in found  # case 21


# --- a state's ministry -------------------------------------------------------------------

def test_a_states_ministry_spokesman_speaks_for_that_ministry():
    found = views("Russia's Foreign Ministry spokeswoman said the new sanctions would be "
                  "answered in kind.")
    assert ("Russian Foreign Ministry", "say") in found


def test_the_ministry_is_of_the_state_its_own_sentence_names_before_it():
    previous = "Japan's prime minister spoke to both leaders by telephone on Monday."
    found = views("In Ankara, the foreign ministry voiced hope that the talks would resume.",
                  previous)
    assert ("Turkish Foreign Ministry", "hope") in found


# --- "the leaders" of a meeting of two ---------------------------------------------------

def test_the_leaders_are_the_two_people_named_just_before():
    previous = "Modi hosted Xi Jinping for two days of talks in Chennai."
    found = views("Officials said the leaders agreed to set up a new trade mechanism.",
                  previous)
    assert ("Narendra Modi|Xi Jinping", "agree") in found


def test_the_leaders_far_from_their_names_are_the_two_the_text_names_most():
    previous = ["Donald Trump and Kim Jong Un met in Hanoi for a second summit.",
                "Trump left early, and Kim returned to Pyongyang by train.",
                "Japan and South Korea watched closely.",
                "China and Russia both favor relief in stages.",
                "The outlook is unclear."]
    found = views("State media in Pyongyang said the leaders had agreed to meet again.",
                  previous)
    assert ("Donald Trump|Kim Jong Un", "agree") in found


# --- a verb joined to the sentence's subject: not the object of a preposition -------------

def test_a_joined_verbs_holder_is_no_object_of_a_preposition_before_the_subject():
    found = views("At a briefing for foreign diplomats near Kyiv on May 3, Ukrainian officers "
                  "showed a drone and said it had flown 900 kilometers.")
    assert ("Ukrainian officials", "say") in found
    assert all(holder != "foreign diplomats" for holder, _ in found)


def test_the_place_after_a_plain_subject_holds_no_view_of_it():
    found = views("Privacy groups in the United States filed suit last week and argue that "
                  "the rule is unlawful.")
    assert all(holder != "United States" for holder, _ in found)


def test_writings_in_a_medium_stay_the_mediums_views():
    found = views("Commentaries in Russian state media were harsher, warning Kyiv against "
                  "being used by Washington.")
    assert ("Russian state media", "warn") in found
