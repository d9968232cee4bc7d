"""Holder phrases of session 28: the caller's purpose, named spokespeople, joint holders, and
other holders. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")
countries = views_of("holder", "holder_country", "cue")


# --- a purpose clause after a verb of contact is the caller's ------------------------------

@pytest.mark.parametrize("sentence, view", [
    ("Putin called Erdogan to urge restraint in Idlib.", ("Vladimir Putin", "urge")),
    ("Erdogan met Putin in Sochi to press for a ceasefire.", ("Recep Tayyip Erdoğan", "press")),
    ("Vladimir Putin telephoned Maduro on Monday to offer his support.",
     ("Vladimir Putin", "offer")),
    ("Tehran summoned the British ambassador the next day to demand an apology.",
     ("Iran", "demand")),
])
def test_purpose_after_a_verb_of_contact_is_the_callers(sentence, view):
    assert view in views(sentence)


def test_the_one_asked_to_do_something_still_holds_no_view():
    # a request, not a call: the object is asked, the subject urges
    assert views("Putin urged Erdogan to accept the deal.") == [("Vladimir Putin", "urge")]


# --- a named spokesperson, or a name in apposition, is the person, of the body's country ----

CHINA_BEFORE = ["Beijing protested the new tariffs on Monday."]


@pytest.mark.parametrize("sentence, previous", [
    # a ministry named with no state, then the spokesperson's name: the person
    ("Foreign Ministry spokesperson Liu Wenhai said that the tariffs broke the rules.",
     CHINA_BEFORE),
    ("A Foreign Ministry spokesperson, Liu Wenhai, said that the tariffs broke the rules.",
     CHINA_BEFORE),
    ("Liu Wenhai, a Chinese Foreign Ministry spokesman, said that the tariffs broke the rules.",
     None),
])
def test_a_named_spokesperson_is_the_person_of_the_ministrys_state(sentence, previous):
    assert countries(sentence, previous) == [("Liu Wenhai", "China", "say")]


def test_a_description_opened_by_a_then_a_name_is_the_person():
    assert countries("A Houthi military spokesman, Abdullah Nasser, claimed that the drones "
                     "came from Yemen.") == [("Abdullah Nasser", "Houthis", "claim")]


def test_the_ministry_after_its_named_spokesperson_is_the_ministry():
    assert views("The ministry said the tariffs broke the rules.",
                 [*CHINA_BEFORE, "Foreign Ministry spokesperson Liu Wenhai called the tariffs "
                  "an escalation."]) == [("Chinese Foreign Ministry", "say")]


def test_an_unnamed_spokesperson_is_still_the_ministry():
    assert views("A Foreign Ministry spokesman said that the tariffs broke the rules.",
                 CHINA_BEFORE) == [("Chinese Foreign Ministry", "say")]


# --- a state's body named by a group noun, "and" a name: a joint holder ---------------------

@pytest.mark.parametrize("sentence, holder", [
    ("The Syrian government and Russia denied that the convoy had been hit.", "Syria|Russia"),
    ("The Iranian government and Hezbollah insist that the strikes were illegal.",
     "Iran|Hizballah"),
    ("Turkish military officials and Russia agreed that the patrols would resume.",
     "Turkish officials|Russia"),
])
def test_a_described_actor_and_a_name_hold_the_view_jointly(sentence, holder):
    assert [h for h, _ in views(sentence)] == [holder]


def test_a_plain_group_before_and_is_no_joint_holder():
    # "the rebels" names no actor of its own: only the name after "and" holds the view
    assert views("Fighting continued between the rebels and Russia said that the truce held.") \
        == [("Russia", "say")]


# --- "the two sides" of a dispute between states are those states ---------------------------

def test_the_two_sides_are_the_two_states_named_before():
    assert views("The two sides announced a framework in December.",
                 ["Tariffs imposed by Washington, and Beijing's retaliation, covered most "
                  "trade between the United States and China."]) == \
        [("United States|China", "announce")]


# --- spokespeople of a body named by a plain word speak for that body ------------------------

def test_a_ministry_spokesperson_is_the_ministry_named_before():
    assert views("On Monday, a ministry spokesperson announced new sanctions on the firms.",
                 [*CHINA_BEFORE, "China's Ministry of Foreign Affairs denounced the tariffs "
                  "as bullying."]) == [("Chinese Foreign Ministry", "announce")]


@pytest.mark.parametrize("sentence, holder", [
    ("Separatist spokesmen accuse Kyiv of shelling the town.", "separatists"),
    ("Rebel spokesmen said that the town had fallen.", "rebels"),
])
def test_a_groups_spokespeople_are_the_group(sentence, holder):
    assert [h for h, _ in views(sentence)] == [holder]


# --- a quotation mark between the reported clause's pronoun and its verb ---------------------

def test_a_quoted_verb_after_a_pronoun_is_still_a_clause():
    assert views('Acme Dairy recalled its cheese and stated it "disputes the findings of the '
                 'inquiry."') == [("Acme Dairy", "state")]


# --- "according to" the author's own exchange with a source: the source's view -------------

def _reported(text: str, source: str) -> list[tuple]:
    from briefkit.claims import extract_claims
    from briefkit.corpus import Corpus
    claims = extract_claims(Corpus.from_texts([text], source=source))
    rows = claims[claims["kind"] == "reported"]
    return list(zip(rows["holder"], rows["cue"]))


@pytest.mark.parametrize("opening", [
    "According to CRS discussions with NASA,",
    "According to March 2026 correspondence between CRS and NASA,",
])
def test_the_authors_exchange_with_a_source_is_the_sources_view(opening):
    text = f"{opening} the lander will slip to 2028."
    assert _reported(text, "CRS In Focus") == [("NASA", "according to")]


def test_the_authors_own_analysis_is_still_no_ones_view():
    assert _reported("According to CRS analysis of NASA data, the lander will slip to 2028.",
                     "CRS In Focus") == []


# --- "note" with a plain object reports a view, as the labels count it ----------------------

@pytest.mark.parametrize("sentence, view", [
    ("Ankara noted the decision but said that it would keep its troops in place.",
     ("Turkey", "note")),
    ("The Kremlin rejected the report while noting its readiness to talk.", ("Kremlin", "note")),
])
def test_note_with_an_object_is_a_view(sentence, view):
    assert view in views(sentence)


# --- "the administration" is the U.S. one when the United States was named just before -------

def test_the_administration_after_washington_in_a_phrase_is_the_united_states():
    assert views("The administration says it wants a broader agreement.",
                 ["Leaving now would unite Europe with Washington.",
                  "Iran could expand enrichment quietly."]) == \
        [("United States", "say"), ("United States", "want")]


def test_the_administration_of_a_state_named_alone_is_still_that_state():
    assert views("The administration says it wants a broader agreement.",
                 ["Iran could expand enrichment quietly."]) == [("Iran", "say"), ("Iran", "want")]


# --- two bodies joined by "and", an acronym in brackets after the first ---------------------

@pytest.mark.parametrize("sentence", [
    "The Department of Defense (DOD) and NASA have said that the launch would slip.",
    "The Department of Defense and NASA have said that the launch would slip.",
])
def test_two_bodies_joined_by_and_are_a_joint_holder(sentence):
    assert views(sentence) == [("Pentagon|NASA", "say")]


def test_a_body_whose_name_holds_and_is_one_body():
    assert views("The Office of Management and Budget said that the launch would slip.") == \
        [("Office of Management and Budget", "say")]


# --- a full date between the cue and "that" goes with both its commas ------------------------

def test_a_date_with_its_year_between_the_cue_and_that():
    assert views("Ankara announced on March 4, 2019, that the border would reopen.") == \
        [("Turkey", "announce")]


# --- "call" + an object with an "of" phrase + what it is called ------------------------------

@pytest.mark.parametrize("sentence, found", [
    ("Erdogan called the Saudi handling of the affair a botched cover-up.",
     [("Recep Tayyip Erdoğan", "call")]),
    ("Putin called the head of the army on Monday.", []),  # a call made
    ("Putin called the leaders of the Gulf states to discuss oil.", []),  # for a purpose
])
def test_call_an_object_with_an_of_phrase_a_name(sentence, found):
    assert views(sentence) == found
