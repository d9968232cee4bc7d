"""Pronouns and definite groups of session 30 (pr30): they agree in number and kind with
what they stand for. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")


def holder_sets(sentence, previous=None):
    return [(frozenset(h.split("|")), cue) for h, cue in views(sentence, previous)]


def test_the_leaders_are_all_three_leaders_named_before():
    found = holder_sets("The leaders agreed to meet every year.",
                        ["President Barack Obama hosted Chancellor Angela Merkel and "
                         "President Francois Hollande in Washington."])
    assert (frozenset({"Barack Obama", "Angela Merkel", "François Hollande"}), "agree") \
        in found or any(len(h) == 3 and "Barack Obama" in h for h, _ in found)


def test_the_leaders_keep_the_three_named_further_back():
    previous = ["President Barack Obama hosted Chancellor Angela Merkel and President "
                "Francois Hollande in Washington.",
                "The leaders agreed to meet every year.",
                "The talks ran late.", "The weather was cold.", "Markets were calm."]
    found = holder_sets("The leaders also agreed to hold joint exercises.", previous)
    assert any(len(h) == 3 and "Barack Obama" in h for h, cue in found if cue == "agree")


def test_a_count_of_three_takes_the_three_states_the_text_names_most():
    previous = ["Japan, South Korea and the United States met at Camp David.",
                "Japan and South Korea have mended ties.",
                "The United States welcomed the change.",
                "The summit ran for a day.", "The talks ran late.", "Markets were calm."]
    found = holder_sets("The three governments pledged to consult one another.", previous)
    assert (frozenset({"Japan", "South Korea", "United States"}), "pledge") in found


def test_a_pronoun_opening_the_main_clause_takes_up_the_sentence_before():
    # "Abuja" stands in the opening phrase: "its" is ECOWAS, not Nigeria
    found = holder_sets("At an emergency summit in Abuja on July 30, its leaders warned "
                        "that they might use force.",
                        ["ECOWAS reacted harder than it did after earlier coups."])
    assert (frozenset({"ECOWAS"}), "warn") in found


def test_a_pronoun_deeper_in_the_clause_keeps_the_opening_phrase_actor():
    found = holder_sets("For Beijing, the pact confirms a narrative it has long promoted.",
                        ["The United States has not offered to revisit the deal."])
    assert (frozenset({"China"}), "promote") in found


def test_members_of_a_list_after_a_preposition_are_no_antecedents():
    found = holder_sets("On June 27, the Treasury Department sanctioned four companies in "
                        "Sudan, the United Arab Emirates and Russia that it accused of "
                        "trading gold.")
    assert (frozenset({"U.S. Treasury"}), "accuse") in found


def test_they_inside_a_relative_clause_that_goes_on_takes_its_holder():
    found = holder_sets("Trump said Huawei could be included in a trade deal, a remark that "
                        "some Members of Congress criticized because they see the listing "
                        "as a security measure.")
    assert (frozenset({"members of Congress"}), "see") in found


def test_the_two_governments_after_two_leaders_named_together_are_their_states():
    found = holder_sets("Blinken called France a vital partner, and Biden and Macron spoke "
                        "by telephone, after which the two governments said that the "
                        "ambassador would return.",
                        ["Australia cancelled its submarine contract with France."])
    assert (frozenset({"United States", "France"}), "say") in found


def test_they_takes_up_a_definite_group_that_opens_the_sentence():
    found = holder_sets("The two governments replaced the old dialogue, and Commerce "
                        "Secretary Wilbur Ross said they had agreed on a 100-day plan.",
                        ["Xi Jinping met Donald Trump in Washington with the United States "
                         "and China at odds over trade."])
    got = [h for h, cue in found if cue == "agree"]
    assert got and got[0] != frozenset({"Donald Trump", "Xi Jinping"}) and len(got[0]) == 2
