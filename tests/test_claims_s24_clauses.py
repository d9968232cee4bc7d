"""Tests for claims the rules missed (session 24): date phrases inside a clause, lead-ins to
a quoted paragraph, purposes with no intender. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

from briefkit.claims import find_holders

pytestmark = pytest.mark.offline


views = views_of("holder", "cue", "content")


def pairs(sentence, previous=None):
    return [(h, q) for h, q, _ in views(sentence, previous)]


# --- a date phrase between a holder, its verb and what the verb governs --------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    # between the verb and its object
    ("Kenya proposed in March a joint patrol along the lake shore.", "Kenya", "propose"),
    # between the subject and the verb
    ("Kenya on the same day said that the talks would resume.", "Kenya", "say"),
    ("Ghana, which in April said it would join the mission, later withdrew.", "Ghana", "say"),
    ("The reform, which Kenya on June 27 said it would back, stalled in the assembly.",
     "Kenya", "say"),
    ("Kenya at first said only that the border would stay shut.", "Kenya", "say"),
    # between an object and the verb after "to"
    ("Kenya had asked Uganda in June to reopen the crossing.", "Kenya", "ask"),
    # after a verb whose object stands before it, before a comma
    ("The plan is close to the swap that Kenya has proposed since 2019, and Uganda is "
     "willing.", "Kenya", "propose"),
])
def test_a_date_phrase_inside_the_clause_is_read_past(sentence, holder, cue):
    assert (holder, cue) in pairs(sentence)


def test_the_date_phrase_stays_in_the_content():
    found = views("Kenya said on Monday that the talks would resume in June.")
    assert ("Kenya", "say", "the talks would resume in June") in found


def test_a_date_phrase_after_a_participle_stays_part_of_the_holder_phrase():
    # "figures released in May" is the holder's phrase, not a clause of "released"
    found = pairs("Kenyan figures released in May suggest that the harvest fell.")
    assert [h for h, q in found if q == "suggest" and h.startswith("Kenya")]


# --- a lead-in: the cue ends the sentence, its words follow in the next paragraph ---------

@pytest.mark.parametrize("sentence, holder, cue", [
    ("In May 2024, the Navy reported,", "U.S. Navy", "report"),
    ("The Navy stated:", "U.S. Navy", "state"),
])
def test_a_lead_in_is_a_view_whose_words_follow(sentence, holder, cue):
    assert (holder, cue, "") in views(sentence)


def test_the_words_after_a_lead_in_are_its_claims():
    from briefkit.claims import extract_claims
    from briefkit.corpus import Corpus

    text = ("The Navy tested the radar twice.\n\nThe Navy reported:\n\n"
            "The radar met every threshold. It will enter service next year.")
    found = extract_claims(Corpus.from_texts([text]))
    rows = found[found["kind"] == "reported"]
    assert set(rows["cue"]) == {"report"}
    assert rows["content"].tolist() == ["The radar met every threshold",
                                        "It will enter service next year"]


# --- a purpose with no intender -----------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The Navy awarded a firm a contract for a new radar, intended to improve detection at sea.",
    "Kenya bought two patrol boats, intended to curb smuggling on the lake.",
    "Kenya bought two patrol boats, aimed at curbing smuggling on the lake.",
])
def test_a_participle_of_purpose_after_a_comma_has_no_intender(sentence):
    assert not [q for _, q in pairs(sentence) if q in {"intend", "aim"}]


# --- cue words the development texts call for -------------------------------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    ("In a letter to the council, Kenya wrote that the quota was unfair.", "Kenya", "write"),
    ("Kenyan officials contrast Uganda's quick reply with the silence of its neighbours.",
     "Kenyan officials", "contrast"),
    ("The envoy said that Kenya respects the ruling of the tribunal.", "Kenya", "respect"),
    ("Kenyan officials played down the incident at the border.", "Kenyan officials",
     "play down"),
    ("Kenya and Uganda jointly promote a regional customs union.", "Kenya|Uganda", "promote"),
])
def test_cue_words_of_writing_contrasting_respecting_playing_down_promoting(sentence, holder,
                                                                             cue):
    assert (holder, cue) in pairs(sentence)


def test_in_writing_is_no_cue():
    assert "write" not in [q for _, q in pairs(
        "Kenya said that it wanted the guarantees in writing.")]


# --- an attitude noun placed in a state's capital ----------------------------------------

@pytest.mark.parametrize("sentence, holder, cue, content", [
    ("A long pause would confirm the view in Nairobi that American resolve is weak.",
     "Kenya", "view", "American resolve is weak"),
    ("The raid could deepen suspicion in Kampala that the army was behind it.", "Uganda",
     "suspect", "the army was behind it"),
])
def test_an_attitude_noun_in_a_capital_is_that_states_view(sentence, holder, cue, content):
    assert (holder, cue, content) in views(sentence)


@pytest.mark.parametrize("sentence", [
    "There is concern in the region that the war will spread.",
    "Kenya's announcement in Kampala of a new tariff surprised traders.",
])
def test_a_place_that_is_no_state_or_a_possessor_first_gives_no_place_holder(sentence):
    assert not [h for h, _, _ in views(sentence) if h == "Uganda"]
    assert not [r for r in find_holders(sentence) if r._rule == "noun: in a place"]


# --- a relative clause with no relative word, its gap the subject of the complement -------

@pytest.mark.parametrize("sentence, holder, cue", [
    ("The minister resigned for reasons Kenya says were personal.", "Kenya", "say"),
    ("Nairobi signed terms Uganda thinks are too generous.", "Uganda", "think"),
])
def test_a_zero_relative_whose_gap_is_the_complements_subject(sentence, holder, cue):
    assert (holder, cue) in pairs(sentence)


@pytest.mark.parametrize("sentence", ["Kenyan claims are false.", "But Kenya's claims are false."])
def test_a_plural_noun_before_a_verb_stays_a_noun(sentence):
    assert not pairs(sentence)


# --- "stress" with a plain object ---------------------------------------------------------

@pytest.mark.parametrize("sentence, holder", [
    ("Kenya welcomed the plan but stressed the need for steady funding.", "Kenya"),
    ("Uganda stressed its role in policing the lake.", "Uganda"),
])
def test_stress_reports_a_view_of_a_plain_object(sentence, holder):
    assert (holder, "stress") in pairs(sentence)


# --- an attitude noun after a verb that expresses it --------------------------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    ("Kenya has voiced deep distrust of the mediators.", "Kenya", "distrust"),
    ("Kenya and Uganda both expressed disagreement with the ruling.", "Kenya|Uganda",
     "disagree"),
])
def test_the_attitude_noun_is_the_cue_of_voicing_or_expressing_it(sentence, holder, cue):
    found = pairs(sentence)
    assert (holder, cue) in found
    assert not [q for _, q in found if q in {"voice", "express"}]


# --- a position with nothing stated -------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Kenya's position is harder.",
    "Nairobi's position has not changed in substance.",
])
def test_a_position_with_nothing_stated_is_no_claim(sentence):
    assert not pairs(sentence)


def test_a_position_stated_after_a_colon_and_other_attitudes_stay():
    assert ("Kenya", "position") in pairs(
        "Kenya's position is close to Uganda's: talks first, force second.")
    assert ("Kenya", "anger") in pairs("Kenya's anger is real.")


# --- a short aside between the cue and "that" ---------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("Kenya said, however, that the talks would resume.", "say"),
    ("Kenya has suggested, for example, that the talks could resume.", "suggest"),
    ("Kenyan diplomats doubt, in other words, that the truce will hold.", "doubt"),
])
def test_an_aside_between_the_cue_and_that_is_read_past(sentence, cue):
    found = views(sentence)
    assert [c for h, q, c in found if q == cue and h.startswith("Kenya")
            and c.startswith(("the talks", "the truce"))]


def test_a_coordinated_clause_between_commas_is_no_aside():
    assert ("Kenya", "say") not in pairs("Kenya said, and Uganda agreed, that the talks failed.")


# --- seeing or reading a thing through a point of view ------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("Kenya sees the raid through the lens of its own war with the rebels.", "see"),
    ("Nairobi read the visit through a different history.", "read"),
])
def test_a_thing_seen_through_a_point_of_view_is_a_view(sentence, cue):
    assert ("Kenya", cue) in pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "Kenya read the report through a translator.",
    "Kenya sees the deal in light of its debts.",
])
def test_no_point_of_view_no_view(sentence):
    assert not pairs(sentence)


# --- a thing proposed or planned, put out by the subject ----------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("Kenya published a proposed rule on fishing quotas in May.", "propose"),
    ("Kenya has a planned pipeline to the coast.", "plan"),
])
def test_a_proposed_or_planned_thing_is_its_issuers_view(sentence, cue):
    assert ("Kenya", cue) in pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "The proposed rule was published in May.",
    "There is a proposed rule on fishing.",
])
def test_a_proposed_thing_with_no_issuer_is_no_claim(sentence):
    assert not pairs(sentence)


# --- a name before a noun of effort, aim or proposal -------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("Ugandan papers call the pact part of a Kenya effort to isolate Kampala.", "effort"),
    ("It was a Kenya proposal to share the water of the lake.", "propose"),
])
def test_a_name_before_an_effort_or_proposal_to_act_holds_it(sentence, cue):
    assert ("Kenya", cue) in pairs(sentence)


def test_a_name_before_a_proposal_with_no_act_holds_nothing():
    assert not pairs("The Kenya proposal was rejected.")


# --- a vote to appeal: the voting body holds the appeal too (case 8) ----------------------

def test_a_body_that_votes_to_urge_holds_the_appeal():
    found = pairs("Kenya voted on Monday to urge Uganda to reopen the border.")
    assert ("Kenya", "urge") in found and ("Kenya", "vote") in found


# --- what is done at someone's request ----------------------------------------------------

@pytest.mark.parametrize("sentence, content", [
    ("At Kenya's request, the council met on Monday.", "the council met on Monday"),
    ("Uganda closed the crossing at Kenya's request.", "Uganda closed the crossing"),
])
def test_what_is_done_at_a_request_is_the_requesters_view(sentence, content):
    assert ("Kenya", "request", content) in views(sentence)


def test_a_request_that_may_be_made_is_none():
    assert not pairs("Recalls may be started by the producer or at Kenya's request.")


# --- a free relative "what X wanted" as the object ----------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("Nairobi got most of what it wanted from the summit.", "want"),
    ("Kenya sees in the ruling proof of what it has long claimed.", "claim"),
])
def test_a_free_relative_is_the_object_of_its_cue(sentence, cue):
    assert ("Kenya", cue, "what") in views(sentence)


def test_an_indirect_question_is_no_free_relative_object():
    assert ("Uganda", "want") not in pairs("Kenya asked what Uganda wanted.")
