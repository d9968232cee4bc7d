"""Tests for the views the scheme's session-18 cases add: commitments and decisions to act
(case 1), refusals (case 2), efforts and work toward an aim (case 3), votes (case 5).
Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline


views = views_of("holder_country", "cue", "negated", "content")


@pytest.mark.parametrize("sentence, country, cue, content", [
    ("Lisbon agreed to host the next round of talks.", "Portugal", "agree",
     "to host the next round of talks"),
    ("Oslo agreed in principle to fund the clinic.", "Norway", "agree", "to fund the clinic"),
    ("Madrid decided last year not to renew the lease.", "Spain", "decide",
     "not to renew the lease"),
    ("Hanoi has resolved to dredge the channel.", "Vietnam", "resolve", "to dredge the channel"),
    ("Chile chose to stay out of the dispute.", "Chile", "choose",
     "to stay out of the dispute"),
    ("Bolivia has chosen not to contest the ruling.", "Bolivia", "choose",
     "not to contest the ruling"),
    ("The Senate voted 61-39 to halt the transfer.", "United States", "vote",
     "to halt the transfer"),
])
def test_a_commitment_or_decision_to_act_is_a_view(sentence, country, cue, content):
    assert (country, cue, False, content) in views(sentence)


@pytest.mark.parametrize("sentence", [
    "Lisbon agreed to the terms.",
    "Lisbon agreed to new tariffs.",
    "The two sides resolved the dispute in May.",
    "The debate that Congress never resolved went on.",
])
def test_no_commitment_without_an_act(sentence):
    assert [q for _, q, _, _ in views(sentence) if q in {"agree", "resolve"}] == []


@pytest.mark.parametrize("sentence, country, cue", [
    ("Peru's decision to close the mine angered its neighbours.", "Peru", "decide"),
    ("The ruling slows Canadian efforts to reopen the port.", "Canada", "effort"),
    ("Efforts by Kenya to broker a truce have stalled.", "Kenya", "effort"),
    ("Jakarta has made no commitment to lift the ban.", "Indonesia", "commit"),
])
def test_a_noun_of_commitment_with_its_holder_and_an_act(sentence, country, cue):
    assert country in [c for c, q, _, _ in views(sentence) if q == cue]


@pytest.mark.parametrize("sentence", [
    "The decision to close the mine was made in the capital.",
    "Peru's commitment to the treaty is firm.",
    "Peru's decision on the mine angered its neighbours.",
])
def test_no_noun_of_commitment_without_a_holder_or_an_act(sentence):
    assert [q for _, q, _, _ in views(sentence) if q in {"decide", "commit"}] == []


def test_a_noun_of_commitment_is_not_the_subject_of_the_next_verb():
    found = views("Quito says it backs Lima's efforts to calm the border and sees the "
                  "matter as settled.")
    assert ("Ecuador", "see", False, "the matter as settled") in found


def test_announced_efforts_are_two_views():
    assert [q for _, q, _, _ in views("The agency announced efforts to simplify its forms.",
                                      ["The U.S. Forest Service reviewed its permits."])] \
        == ["announce", "effort"]


@pytest.mark.parametrize("sentence, country, cue, content", [
    ("Cairo refused to accept the proposal.", "Egypt", "refuse", "to accept the proposal"),
    ("Quito declined on Friday to extradite the banker.", "Ecuador", "decline",
     "to extradite the banker"),
])
def test_a_refusal_to_act_is_a_negated_view(sentence, country, cue, content):
    assert views(sentence) == [(country, cue, True, content)]


@pytest.mark.parametrize("sentence", [
    "Cairo declined to comment.",
    "Egyptian exports declined to 3 percent of output.",
])
def test_no_refusal_without_an_act(sentence):
    assert views(sentence) == []


@pytest.mark.parametrize("sentence, content", [
    ("Ghana is working to expand its grid.", "to expand its grid"),
    ("Ghana is working with donors to expand its grid.", "to expand its grid"),
    ("Ghana is working toward finishing the grid.", "toward finishing the grid"),
])
def test_working_to_an_aim_is_a_view(sentence, content):
    assert views(sentence) == [("Ghana", "work", False, content)]


@pytest.mark.parametrize("sentence", [
    "The grant lets Ghana to work with donors to expand its grid.",
    "The bill may affect Ghana's public works, in addition to its ports.",
    "Ghana works closely with donors.",
])
def test_no_work_view_without_an_aim_of_the_subject(sentence):
    assert [q for _, q, _, _ in views(sentence) if q == "work"] == []


def test_a_vote_against_is_negated():
    assert views("Norway voted against the resolution.") == \
        [("Norway", "vote", True, "the resolution")]


@pytest.mark.parametrize("sentence, country", [
    ("Canberra designated the militia a terrorist group in May.", "Australia"),
    ("Ottawa has designated nine shipping firms tied to the smuggling ring.", "Canada"),
    ("The militia, which Tokyo lists as a terrorist group, denies it.", "Japan"),
    ("The cartel was designated by Mexico as a criminal group.", "Mexico"),
    ("Seoul added four banks to its sanctions list in June.", "South Korea"),
    ("Norway included the firm on its export control list.", "Norway"),
    ("Chile acted after its 2019 designation of the wetlands as a reserve.", "Chile"),
])
def test_an_official_designation_or_listing_is_a_view(sentence, country):
    assert country in [c for c, q, _, _ in views(sentence) if q in {"designate", "list"}]


@pytest.mark.parametrize("sentence", [
    "Ottawa designates this funding as a special grant.",
    "Canberra designated $4 million for the clinic.",
    "The grants Congress has designated specifically for ports were spent.",
    "The amounts listed here cover the whole program.",
    "The militia's designation as a terrorist group angered its backers.",
    "The Pentagon designated a colonel as its new chief of staff.",
    "Norway included the firm in its list of partners.",
])
def test_names_given_to_funds_and_appointments_are_no_designations(sentence):
    assert [q for _, q, _, _ in views(sentence) if q in {"designate", "list"}] == []


def test_the_act_after_to_comes_before_a_later_that():
    found = views("When Peru agreed to lift the ban on imports, that helped its farmers.")
    assert [(c, q) for c, q, _, _ in found] == [("Peru", "agree")]
    assert found[0][3].startswith("to lift the ban on imports")
    found = views("The rebels decided to target radar sites that protect the port.")
    assert [(q, t) for _, q, _, t in found] == [
        ("decide", "to target radar sites that protect the port")]


@pytest.mark.parametrize("sentence, content", [
    ("Lima's decision to close the mine has angered its neighbours.", "to close the mine"),
    ("Quito's decision to recall its envoy surprised Bogota.", "to recall its envoy"),
    ("The ruling slows Chile's efforts to persuade donors that the plan is sound.",
     "to persuade donors that the plan is sound"),
])
def test_a_noun_cues_act_ends_before_the_verb_of_its_clause(sentence, content):
    assert [t for _, q, _, t in views(sentence) if q in {"decide", "effort"}] == [content]


@pytest.mark.parametrize("sentence, country, negated", [
    ("The Senate's 58-41 vote in March to halt the transfer came late.", "United States",
     False),
    ("A Security Council vote of 11 to 4 against the draft ended the talks.",
     "UN Security Council", True),
    ("Peru joined the panel, and its vote against the tariff was decisive.", "Peru", True),
])
def test_a_vote_by_a_named_body_is_its_view(sentence, country, negated):
    assert (country, "vote", negated) in [(c, q, n) for c, q, n, _ in views(sentence)]


@pytest.mark.parametrize("sentence", [
    "The Irish vote to reject the treaty shocked Brussels.",
    "The nominee never received a vote on the floor.",
    "Hearings and the confirmation vote took four months.",
])
def test_a_vote_with_no_named_body_or_by_a_people_is_no_view(sentence):
    assert [q for _, q, _, _ in views(sentence) if q == "vote"] == []


@pytest.mark.parametrize("sentence", [
    "Nations committed to regional trade should lower their tariffs.",
    "Chile and Peru committed to expanded fishing quotas under the pact.",
    "Kenya agreed to economic reform.",
])
def test_to_and_an_adjective_opens_no_act(sentence):
    assert [q for _, q, _, _ in views(sentence) if q in {"commit", "agree"}] == []


def test_a_verb_in_eed_after_to_is_still_an_act():
    assert ("Norway", "agree", False, "to proceed with the sale") in views(
        "Oslo agreed to proceed with the sale.")


@pytest.mark.parametrize("sentence", [
    "The council will have a hand in deciding whether to renew the grant.",
    "The assembly voted on whether to admit the new members.",
    "Ministers must decide whether or not to extend the levy.",
])
def test_deciding_or_voting_whether_is_no_side_taken(sentence):
    assert [q for _, q, _, _ in views(sentence) if q in {"decide", "vote"}] == []


@pytest.mark.parametrize("sentence, country, cue, content", [
    ("The abrupt halt to the convoys surprised Oslo and Lisbon.", "Norway|Portugal",
     "surprise", "The abrupt halt to the convoys"),
    ("Seoul's tariff plan has, however, irritated Canberra.", "Australia", "irritate",
     "Seoul's tariff plan"),
    ("The summit's final text reassures Warsaw.", "Poland", "reassure",
     "The summit's final text"),
    ("The naval drill has not unsettled Hanoi.", "Vietnam", "unsettle", "The naval drill"),
])
def test_a_verb_that_stirs_a_reaction_makes_its_object_the_holder(sentence, country, cue,
                                                                    content):
    """"X surprised Y": Y holds the reaction (a view without a verb of speech)."""
    assert [(c, q, t) for c, q, _, t in views(sentence)] == [(country, cue, content)]


def test_a_reaction_in_a_passive_stays_with_its_subject():
    assert [(c, q) for c, q, _, _ in views("Rome was surprised by the ruling.")] == []


@pytest.mark.parametrize("sentence, country, cue, content", [
    ("Lima courts Quito while it trades with Bogota, a juggling act that leaves Gulf capitals "
     "uneasy.", "", "uneasy", "Lima courts Quito while it trades with Bogota"),
    ("The harbour deal made Hanoi wary of any new lease.", "Vietnam", "wary", "The harbour deal"),
    ("Oslo and Helsinki back the plan, though the cost of the pipeline leaves them uneasy about "
     "its pace.", "Norway|Finland", "uneasy", "its pace"),
])
def test_the_one_left_in_a_feeling_holds_it(sentence, country, cue, content):
    """"... leaves X uneasy": X holds the unease, with no verb of speech."""
    assert [(c, q, t) for c, q, _, t in views(sentence) if q == cue] == [(country, cue, content)]


@pytest.mark.parametrize("sentence, country, cue, content", [
    ("Oslo's priority is to reopen the northern ferry route.", "Norway", "priority",
     "to reopen the northern ferry route"),
    ("Hanoi's goal is a settled sea border with its neighbours.", "Vietnam", "goal",
     "a settled sea border with its neighbours"),
])
def test_an_aim_noun_with_a_copula_is_its_possessors_view(sentence, country, cue, content):
    """Aims are views (the scheme): "X's priority is to ...", "X's goal is ..."."""
    assert [(c, q, t) for c, q, _, t in views(sentence)] == [(country, cue, content)]
