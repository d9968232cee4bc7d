"""Holder phrases of session 26: offices held in a dated span, and other holders. Sentences
of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

from briefkit.claims import extract_claims
from briefkit.corpus import Corpus

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")


def _holders(text: str, date: str | None) -> list[tuple]:
    """(holder, cue) of the reported claims of one brief dated ``date``."""
    claims = extract_claims(Corpus.from_texts([text], dates=[date] if date else None))
    rows = claims[claims["kind"] == "reported"]
    return list(zip(rows["holder"], rows["cue"]))


# --- an office held in a dated span (gazetteer notes "Crown Prince (2012-2015)") ------------

PRINCES = ("Mohammed bin Salman and King Salman received the envoy in Riyadh on Monday. "
           "The crown prince said that the inquiry would be thorough.")


def test_title_names_the_holder_of_the_office_in_the_briefs_year():
    # King Salman was crown prince until 2015, Mohammed bin Salman from 2017
    assert ("Mohammed bin Salman", "say") in _holders(PRINCES, "2019-03-04")


def test_title_names_an_earlier_holder_in_his_own_years():
    assert ("King Salman", "say") in _holders(PRINCES.replace("Mohammed bin Salman",
                                                             "the foreign minister"),
                                              "2013-03-04")


def test_undated_brief_keeps_the_nearest_titled_person():
    assert ("King Salman", "say") in _holders(PRINCES, None)


# --- a titled name on each side of "and" ---------------------------------------------------

@pytest.mark.parametrize("sentence, holder", [
    # two committee chairs, each with a title and a name the gazetteer lacks
    ("Senate Budget Committee Chairman Walter Brennan and House Rules Committee Chairman "
     "Lena Ostrow argue that the waiver breaks the law.", "Walter Brennan|Lena Ostrow"),
    ("Senator Walter Brennan and Senator Lena Ostrow argue that the waiver breaks the law.",
     "Walter Brennan|Lena Ostrow"),
    # an office joined by "of" before the first title and name
    ("Chief of Staff of the Navy Admiral Walter Brennan and the Secretary of the Navy Lena "
     "Ostrow decided to delay the award.", "Walter Brennan|Lena Ostrow"),
])
def test_titled_names_joined_by_and_are_both_holders(sentence, holder):
    assert holder in {h for h, _ in views(sentence)}


def test_an_affiliation_with_and_before_one_titled_name_stays_one_person():
    assert views("Center for Trade and Budget Studies analyst Lena Ostrow argues that the "
                 "waiver breaks the law.") == [("Lena Ostrow", "argue")]


def test_an_office_of_a_service_before_a_titled_name_is_that_person():
    assert ("Walter Brennan", "decide") in views(
        "Then Chief of Staff of the Navy Admiral Walter Brennan decided to delay the award.")


# --- a government named by a description is a state's (or a territory's) --------------------

def test_a_places_government_by_its_kind_is_that_place():
    assert views("Unrest grew in May, when the kingdom's government sought to delay the vote.",
                 ["Jordan has faced strikes since spring."]) == [("Jordan", "seek")]
    assert ("Hong Kong", "seek") in views(
        "Crowds gathered after the territory's government sought to change the law.",
        ["Hong Kong has faced strikes since spring."])


def test_the_government_of_a_leader_is_the_leaders_state():
    assert views("The new government of Prime Minister Narendra Modi has said it will "
                 "ratify the pact.")[:1] == [("India", "say")]


def test_the_government_is_no_party_named_before():
    assert ("Turkey", "reject") in views(
        "Selahattin Demirtas, leader of the pro-Kurdish HDP, says the vote was unfair, a "
        "charge the government rejects.", ["Turkey held a snap election in November."])


# --- "Others" set against a group named before -------------------------------------------

SOME_MEMBERS = "Some members, including Representative Dana Kell, argue that the pact fails."


def test_others_with_an_aside_holding_a_view_are_more_of_the_group_before():
    # the view inside the aside ("who have long called for") is not the group "Others" joins
    got = views("Others, including several Democrats who have long called for a pullout, "
                "welcome the drawdown.", [SOME_MEMBERS])
    assert ("members", "welcome") in got


def test_others_after_some_plain_group_with_no_view_found_are_that_group():
    sentence = ("Some growers commenting on the rule raised objections to its timing, whereas "
                "others voiced approval of the change.")
    assert ("growers", "approval") in views(sentence)
    assert views("Others have raised concerns about the rule's cost.", [sentence]) == [
        ("growers", "concern")]
