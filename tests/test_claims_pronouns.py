"""Tests for pronoun and possessor holders: a pronoun takes up an actor that heads a phrase
of its own, a name is an adjective only in an adjective's form. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

from briefkit.claims import find_holders

pytestmark = pytest.mark.offline


views = views_of("holder", "cue")


@pytest.mark.parametrize("sentence, holder, cue", [
    # an actor's adjective ("Chinese") before a noun is not what "its" stands for
    ("Rising Chinese pressure leaves Vietnam with few friends, and its insistence that the "
     "reef is Vietnamese now sounds hollow.", "Vietnam", "insist"),
    # nor is the object of a preposition ("with Russia")
    ("A Kazakhstan that keeps close ties with Russia while its complaints about Beijing "
     "pile up is a puzzle.", "Kazakhstan", "complain"),
])
def test_a_possessive_pronoun_skips_adjectives_and_prepositional_objects(sentence, holder,
                                                                          cue):
    assert (holder, cue) in views(sentence)


def test_a_subject_pronoun_skips_a_prepositional_object():
    sentence = "Hanoi has protested to Beijing even while it insists that talks continue."
    assert ("China", "insist") not in views(sentence)


@pytest.mark.parametrize("sentence, holder, cue", [
    ("Turkish anger at the decision was plain.", "Turkey", "anger"),
    ("U.S. assurances that the base would stay did little.", "United States", "assure"),
])
def test_an_adjective_of_an_actor_holds_the_noun_cues_view(sentence, holder, cue):
    assert (holder, cue) in views(sentence)


def test_a_capital_before_a_noun_cue_is_no_possessor():
    # "Hanoi" is a name used as a noun, not an adjective of Vietnam: "view" is a verb here
    sentence = "The plan rests on partners Manila and Hanoi view with alarm."
    assert not [h for h in find_holders(sentence) if h._rule == "noun: possessor"]


@pytest.mark.parametrize("sentence", [
    "Plans call for a new runway on the reef.",
    "Polls suggest that most voters oppose the pact.",
])
def test_a_capitalised_text_or_plan_opening_a_sentence_holds_no_view(sentence):
    assert views(sentence) == []


@pytest.mark.parametrize("sentence, holder", [
    ("Residents fear that the militia will return.", "residents"),
    ("Protesters demanded that the governor resign.", "protesters"),
    ("Reyes says that the pact is weak.", "Reyes"),
])
def test_a_plural_common_noun_opening_a_sentence_is_a_plain_group(sentence, holder):
    assert [h for h, _ in views(sentence)] == [holder]


@pytest.mark.parametrize("sentence, holder", [
    # a group the gazetteer lacks is named by its own words, as written
    ("After the raid, coalition officials say the convoy was never hit.", "coalition officials"),
    ("At the harbour, port officials acknowledge that the cranes are idle.", "port officials"),
    ("Tribal leaders argue that the road must reopen.", "tribal leaders"),
    # words that only qualify the gazetteer's generic group leave it as it is
    ("Some senior officials argue that the road must reopen.", "officials"),
    ("Outside experts doubt that the road will reopen.", "experts"),
])
def test_an_unlisted_group_is_its_plain_noun_phrase(sentence, holder):
    assert [h for h, _ in views(sentence)] == [holder]


def test_they_after_a_closed_relative_clause_takes_up_the_opening_list():
    sentence = ("Kenya, Uganda and Rwanda signed the pact that Tanzania had proposed in May, "
                "and they affirmed that the border would stay open.")
    found = find_holders(sentence)
    assert [(h.holder, h.cue) for h in found if h.cue == "affirm"] == [
        ("Kenya|Uganda|Rwanda", "affirm")]


def test_the_two_governments_are_two_states_not_two_people():
    previous = "Putin and Erdogan watched as Kenya and Ghana signed the accord."
    found = find_holders("The two governments say that trade will double.", previous=previous)
    assert [(h.holder, h.cue) for h in found] == [("Kenya|Ghana", "say")]


@pytest.mark.parametrize("sentence", [
    "The test drew a formal White House warning on Monday and new sanctions.",
    "U.S. backing for the coalition will surely harden that hostility.",
])
def test_a_cue_word_straight_after_a_name_or_adjective_is_a_noun(sentence):
    assert views(sentence) == []


@pytest.mark.parametrize("sentence, holder, cue", [
    ("They fought on with what NATO describes as Russian armour.", "NATO", "describe"),
    ("President Hassan Rouhani warned that Iran could resume enrichment.", "Hassan Rouhani",
     "warn"),
    ("Erdogan said the raid was a mistake.", "Recep Tayyip Erdoğan", "say"),
    ("Nothing will ease Saudi doubts about American resolve.", "Saudi Arabia", "doubt"),
])
def test_names_are_not_adjectives(sentence, holder, cue):
    assert (holder, cue) in views(sentence)


def test_places_after_a_groups_in_are_one_list_of_the_groups_name():
    found = find_holders("Sceptics in Lima, Quito and Bogota doubt that the pact will hold.")
    assert [(h.holder, h.holder_country) for h in found] == [
        ("sceptics in Lima, Quito and Bogota", "")]


def test_a_listed_generic_group_keeps_its_gazetteer_name():
    found = find_holders("Analysts in Lima and Quito doubt that the pact will hold.")
    assert [h.holder for h in found] == ["analysts"]


@pytest.mark.parametrize("sentence, previous, holder", [
    ("Japan’s ambassador in Hanoi warned that the pact could fail.", None,
     "Japan’s ambassador in Hanoi"),
    ("Turkey voted for the text, and its envoy insisted that aid must flow.", None,
     "Turkey's envoy"),
    ("Iran’s president said that the talks had failed.", "Rouhani met Kerry in Geneva.",
     "Hassan Rouhani"),
])
def test_one_office_of_a_state_is_its_holder_or_a_plain_name(sentence, previous, holder):
    found = find_holders(sentence, previous=previous)
    assert holder in [h.holder for h in found]


def test_many_of_them_is_part_of_what_they_stand_for():
    found = find_holders("Turkish officials complain that the port is idle, and many of them "
                         "distrust the new operator.")
    assert [(h.holder, h.cue) for h in found] == [("Turkish officials", "complain"),
                                                  ("Turkish officials", "distrust")]


@pytest.mark.parametrize("sentence, holder", [
    # a group's spokespeople are named by the group (session 28), as the labels name them
    ("Rebel spokesmen accuse Kyiv of moving armour to the line.", "rebels"),
    ("The army says the road is open, while rebel spokesmen insist that it is mined.",
     "rebels"),
])
def test_a_group_with_an_irregular_plural_holds_the_view(sentence, holder):
    assert holder in [h for h, _ in views(sentence)]


@pytest.mark.parametrize("sentence, holder", [
    ("Many in Ankara argue that the deal is dead.", "Turkish officials"),
    ("Officials fear a deal, and some in Hanoi present the talks as a betrayal.",
     "Vietnamese officials"),
])
def test_some_in_a_capital_are_its_officials(sentence, holder):
    assert holder in [h for h, _ in views(sentence)]


def test_a_pronoun_in_the_next_sentence_skips_adjectives_and_places():
    found = find_holders("They said that the pact would last.",
                         previous="Saudi officials met their Qatari counterparts in Doha.")
    assert [(h.holder, h.cue) for h in found] == [("Saudi officials", "say")]


def test_a_name_ending_in_s_opening_a_sentence_stays_a_name():
    assert [h for h, _ in views("Lyons argued that the debt could not be paid.")] == ["Lyons"]


def test_a_verb_between_a_name_and_a_group_noun_ends_the_name():
    found = find_holders("Putin met officials in Moscow and, insisting that the war was over, "
                         "left.")
    assert [(h.holder, h.cue) for h in found] == [("Vladimir Putin", "insist")]


def test_a_verb_after_and_is_no_part_of_a_group_name():
    found = find_holders("Putin arrived in Tehran, and met officials who argued that the "
                         "deal was dead.")
    assert all("met" not in h.holder for h in found)


def test_a_group_noun_before_an_ing_cue_keeps_the_verb():
    found = find_holders("Kenyan officials warning of a famine point to the failed rains.")
    assert "warn" in [h.cue for h in found]


@pytest.mark.parametrize("sentence, holder", [
    ("Turkey and its partners are not seeking a new war.", "Turkey|Turkish partners"),
    ("Russia, Iran and their allies argue that the truce is dead.", "Russia|Iran"),
])
def test_a_states_partners_are_not_its_officials(sentence, holder):
    assert [h for h, _ in views(sentence)] == [holder]


def test_an_unnamed_official_speaks_for_the_state_named_before():
    found = find_holders("Turkey’s reply came through an unnamed official, who welcomed any "
                         "agreement that keeps the border open.")
    assert [(h.holder, h.holder_country, h.cue) for h in found] == [
        ("Turkish officials", "Turkey", "welcome")]


@pytest.mark.parametrize("sentence, holder", [
    # an office with no person named for it is named as written, without its article
    ("Peru’s ambassador in Lima said that the quota would stay.", "Peru’s ambassador in Lima"),
    ("The Kenyan government protested, and its foreign minister argued that the vote was "
     "unfair.", "Kenya's foreign minister"),
    # what is not an office keeps the state's adjective
    ("Turkey moved troops, and its army said that the border was quiet.", "Turkish army"),
])
def test_an_office_of_a_state_with_no_name_is_named_as_written(sentence, holder):
    found = find_holders(sentence)
    assert holder in [h.holder for h in found], [h.holder for h in found]


@pytest.mark.parametrize("previous, sentence, holder", [
    # "she" passes over the men the sentence names before it, to a woman named before
    ("Chancellor Angela Merkel held a press conference in Berlin.",
     "After talks with President Emmanuel Macron and Prime Minister Justin Trudeau, she "
     "said that the summit had failed.", "Angela Merkel"),
    # and "he" over a woman
    ("Nikki Haley and Sergei Lavrov met at the United Nations.",
     "He insisted that the sanctions on Moscow were illegal.", "Sergei Lavrov"),
])
def test_he_and_she_take_up_a_person_of_their_sex(previous, sentence, holder):
    assert [h for h, _ in views(sentence, previous)] == [holder]


def test_a_bare_title_is_the_antecedent_of_a_later_pronoun():
    previous = ["President Vladimir Putin spoke in Moscow on Monday.",
                "Foreign Minister Sergei Lavrov met the press later.",
                "The President signed the decree in private."]
    assert views("He said that the talks were over.", previous) == [
        ("Vladimir Putin", "say")]


def test_a_bare_title_in_a_sentence_with_no_view_is_the_antecedent_of_he():
    from briefkit.claims import extract_claims
    from briefkit.corpus import Corpus

    # the person named most often with the title, not a predecessor cited once
    text = ("President Barack Obama issued the first order in 2015. "
            "President Donald Trump signed a new one on Monday, and Trump aides praised it. "
            "Lawyers for several states filed suits. "
            "Airlines braced for delays. "
            "Airports saw long lines. "
            "The President signed a second order in private. "
            "He argued that the courts had no say in the matter.")
    found = extract_claims(Corpus.from_texts([text]))
    found = found[found["kind"] == "reported"]
    assert ("Donald Trump", "argue") in list(zip(found["holder"], found["cue"]))


@pytest.mark.parametrize("sentence, previous", [
    ("Turkish officials visited Washington last week, and they argue that the border must "
     "close.", None),
    ("They also demanded that the talks resume.",
     "Russian officials met the United States envoy on Monday."),
])
def test_they_takes_up_a_group_that_comes_first_not_a_pair(sentence, previous):
    assert [h for h, _ in views(sentence, previous)] == [
        "Turkish officials" if previous is None else "Russian officials"]


@pytest.mark.parametrize("previous, holder", [
    # two organs of one state are not "the two governments"
    (["The State Department and the Pentagon briefed Vietnam's foreign minister on Monday."],
     {"United States", "Vietnam"}),
    # with no two states named nearby, the two the text names most
    (["Vietnam and the United States signed a trade deal in Hanoi.",
      "Washington praised Vietnam's reforms.", "Exports rose.", "Imports fell.",
      "Markets rallied."], {"United States", "Vietnam"}),
])
def test_the_two_governments_are_two_states(previous, holder):
    found = find_holders("The two governments agreed that talks would continue.",
                         previous=previous)
    assert [set(h.holder.split("|")) for h in found] == [holder]


@pytest.mark.parametrize("sentence, previous, holder", [
    # "its officials" of a state are its officials, not plain "officials"
    ("Hanoi may build a runway, and its officials say that the reef is Vietnamese.", None,
     "Vietnamese officials"),
    # a leader's ministers speak for the state he leads
    ("Erdogan said that the deal was dead, but his own ministers insist that it holds.",
     None, "Turkish officials"),
    # a person's spokesman is named by the person
    ("Her spokesman said that she regretted the decision.",
     "Chancellor Angela Merkel met the press in Berlin.", "Angela Merkel's spokesman"),
])
def test_a_possessive_pronoun_before_an_office_or_officials(sentence, previous, holder):
    assert holder in [h for h, _ in views(sentence, previous)]


def test_neither_and_both_take_up_a_pair_named_as_subjects_not_in_passing():
    previous = ["Kenya and Ethiopia have drawn closer this year.",
                "In March, during talks in Nairobi on Somalia's debt, officials met again."]
    found = find_holders("Neither wants a long war, but both see the drought as the worse "
                         "danger.", previous=previous)
    assert [set(h.holder.split("|")) for h in found] == [{"Kenya", "Ethiopia"}] * 2
