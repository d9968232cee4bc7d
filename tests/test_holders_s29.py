"""Holder phrases of session 29 (sample briefs): plural groups that take up actors named
together before, joint holders broken by an aside, and other holders. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")


def holder_sets(sentence, previous=None):
    return [(frozenset(h.split("|")), cue) for h, cue in views(sentence, previous)]


# --- a definite plural group takes up the actors named together before ----------------------

@pytest.mark.parametrize("previous, sentence, holders, cue", [
    # the states of a list of leaders, as many as the count says
    (["Emmanuel Macron, Prime Minister Justin Trudeau and Chancellor Angela Merkel met in "
      "Ottawa.", "The talks ran late."],
     "The three governments pledged to coordinate their sanctions.",
     {"France", "Canada", "Germany"}, "pledge"),
    # "The same governments": the joint holder of a claim before
    (["The foreign ministers of Chile, Peru and Colombia condemned the vote.",
      "The Senate adjourned."],
     "The same governments rejected any use of force.", {"Chile", "Peru", "Colombia"},
     "reject"),
    # "The ministers": the two states a meeting joined
    (["Japan and India held their first two-plus-two meeting in Tokyo."],
     "The ministers agreed to expand joint exercises.", {"Japan", "India"}, "agree"),
])
def test_plural_group_takes_up_actors_named_together(previous, sentence, holders, cue):
    assert (frozenset(holders), cue) in holder_sets(sentence, previous)


def test_a_count_that_does_not_fit_the_list_takes_no_list():
    # two states named before, "the four governments": not those two
    found = holder_sets("The four governments pledged to share intelligence.",
                        ["Egypt and Jordan signed a water agreement."])
    assert (frozenset({"Egypt", "Jordan"}), "pledge") not in found


def test_both_parties_of_two_leaders_are_their_states():
    found = holder_sets("Both parties reported that they had met the limits.",
                        ["The treaty was signed by Presidents Barack Obama and Dmitry "
                         "Medvedev in Prague."])
    assert (frozenset({"United States", "Russia"}), "report") in found


def test_the_two_leaders_stay_people():
    found = holder_sets("The two leaders agreed to meet again in the autumn.",
                        ["Donald Trump met Kim Jong Un in Singapore."])
    assert (frozenset({"Donald Trump", "Kim Jong Un"}), "agree") in found


# --- a joint holder broken by an aside between commas ------------------------------------

@pytest.mark.parametrize("sentence, holders, cue", [
    ("Mexico, under Andrés Manuel López Obrador, and Uruguay declined to recognize the "
     "interim president.", {"Mexico", "Uruguay"}, "decline"),
    ("Germany, in a joint statement, and France urged both sides to return to talks.",
     {"Germany", "France"}, "urge"),
])
def test_an_aside_between_commas_keeps_both_conjuncts(sentence, holders, cue):
    assert (frozenset(holders), cue) in holder_sets(sentence)


def test_a_name_after_a_preposition_is_no_conjunct_of_the_subject():
    # "Iran" is inside "Sanctions on Iran": France alone urges
    found = holder_sets("Sanctions on Iran, in our view, and France urged restraint.")
    assert all("Iran" not in holders for holders, _ in found)


# --- "back" as a particle is no verb of backing --------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Seoul will work to bring the two sides back together.",
    "Moscow wants the rebels back to the table by spring.",
])
def test_back_as_a_particle_is_no_backing(sentence):
    assert [cue for _, cue in views(sentence, ["Trump and Kim met in Hanoi."])
            if cue == "back"] == []


def test_back_as_a_verb_is_still_backing():
    assert ("United States", "back") in views("Washington backs the new government.")


# --- a body set up by someone holds its own view ------------------------------------------

@pytest.mark.parametrize("sentence, holder, country", [
    ("A panel appointed by the Pentagon recommended that the base close.", "panel",
     "United States"),
    ("An independent panel set up by the Kremlin in 2019 warned that the fleet is too small.",
     "independent panel", "Russia"),
])
def test_a_body_set_up_by_an_actor_holds_the_view(sentence, holder, country):
    found = views_of("holder", "holder_country")(sentence)
    assert (holder, country) in found


# --- "they" takes up one actor written as a plural, not a pair from before -----------------

@pytest.mark.parametrize("sentence, holder", [
    # a plural verb: "The Taliban portray"
    ("The Taliban portray the deal as a victory that ends what they call the occupation.",
     "Taliban"),
    # a plural phrase: "Many Iraqis"
    ("Many Iraqis resent what they see as foreign meddling.", "Iraq"),
])
def test_they_takes_up_a_holder_written_as_a_plural(sentence, holder):
    found = views(sentence, ["Britain and France sent envoys to the region."])
    they = [h for h, cue in found if cue in {"call", "see"}]
    assert they == [holder]


def test_they_does_not_take_up_a_singular_holder():
    found = views("Iran portrays the talks as a trap, and they call it a ploy.",
                  ["Britain and France sent envoys to the region."])
    assert ("Iran", "call") not in found


def test_a_state_and_its_own_officials_are_no_pair_for_they():
    found = views("Iran's view of Washington is hardening: a year ago, Iranian officials drew "
                  "a line between a hostile Congress and a president they could deal with, "
                  "whereas now they see a government that is hostile.",
                  ["Tehran called the order an insult."])
    assert ("Iranian officials", "see") in found


# --- bare "officials" are those of the last sentence before that had holders --------------

def test_bare_officials_take_the_state_of_holders_two_sentences_back():
    previous = ["On February 2, State Department officials announced that the events "
                "constituted a coup.",
                "That determination triggers a section of the act, which bars most aid."]
    assert ("U.S. officials", "note") in views(
        "Officials noted that little aid goes to the central government.", previous)


def test_bare_officials_with_no_holder_before_stay_plain():
    previous = ["That determination triggers a section of the act, which bars most aid."]
    assert ("officials", "note") in views(
        "Officials noted that little aid goes to the central government.", previous)


# --- a body's people named attributively keep their words; its own members speak as it ----

holder_country = views_of("holder", "holder_country")


@pytest.mark.parametrize("sentence, holder, country", [
    ("EU foreign ministers agreed to extend the sanctions.", "EU foreign ministers",
     "European Union"),
    ("The EU ambassadors agreed to extend the sanctions.", "EU ambassadors", "European Union"),
])
def test_a_bodys_people_named_attributively_keep_their_words(sentence, holder, country):
    assert (holder, country) in holder_country(sentence)


@pytest.mark.parametrize("sentence, holder", [
    ("NATO allies describe the move as a mistake.", "NATO"),
    ("EU leaders agreed to extend the sanctions.", "EU officials"),  # the gazetteer's group
    ("The Arab League's foreign ministers called on Washington to reverse course.",
     "Arab League"),
])
def test_a_bodys_members_and_its_own_ministers_speak_as_it(sentence, holder):
    assert holder in [h for h, _ in holder_country(sentence)]
