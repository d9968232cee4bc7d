"""Holder phrases of session 24: documents that speak for whoever issued them, and other
holders named by anaphora. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline


views = views_of("holder", "cue")


# --- documents as holders ---------------------------------------------------------------

def test_the_report_is_its_issuers_named_before_a_verb_of_issuing():
    previous = "On Friday, the FBI and the Department of Homeland Security published a joint " \
               "report on the intrusions."
    found = views("The report blames two hacking groups for the breach of the party's servers.",
                  previous)
    assert ("FBI|Department of Homeland Security", "blame") in found


def test_a_document_names_no_issuer_without_one_right_before_the_verb():
    # "the five governments that signed the declaration": no name of them before "signed"
    previous = "Madrid objects, while the five governments that signed the declaration " \
               "stand firm."
    found = views("The declaration calls on both sides to return to talks.", previous)
    assert all(holder != "Spain" for holder, _ in found)


@pytest.mark.parametrize("sentence, holder, cue", [
    # the possessor of the document issued it, past lower-case words in between
    ("The Department of State's yearly religious freedom reports describe Laos as a "
     "repressive state.", "State Department", "describe"),
    # a document known by its own name
    ("The National Security Strategy issued in December describes Iran as a rogue regime.",
     "White House", "describe"),
])
def test_a_document_subject_speaks_for_its_issuer(sentence, holder, cue):
    assert (holder, cue) in views(sentence)


def test_the_document_and_it_take_up_a_document_named_before():
    first = "The National Security Strategy issued in December describes Iran as a rogue regime."
    assert ("White House", "accuse") in views(
        "The document accuses Moscow of meddling in European elections.", first)
    second = "The strategy lists four priorities for the coming years."
    assert views("It argues that deterrence has weakened, and it states that allies must pay "
                 "more.", [first, second]) == [("White House", "argue"), ("White House", "state")]


def test_it_after_a_sentence_that_opens_with_no_document_is_not_a_document():
    previous = ["The National Security Strategy issued in December describes Iran as a "
                "rogue regime.", "Beijing called the paper a relic of the Cold War."]
    found = views("It insists that its rise threatens no one.", previous)
    assert ("White House", "insist") not in found


# --- party members beside a named legislator ----------------------------------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    ("Senator Jane Doe and several other Republicans argued that the sale needed a vote.",
     "Jane Doe|Republican Party", "argue"),  # the party, by its noun (case 21)
    ("Speaker Paul Ryan and many Democrats welcomed the ceasefire.",
     "Paul Ryan|Democratic Party", "welcome"),
    ("Senator Lindsey Graham and others said that the law went too far.",
     "Lindsey Graham|members of Congress", "say"),
])
def test_party_members_or_others_after_a_legislator_are_the_party_or_members_of_congress(
        sentence, holder, cue):
    assert (holder, cue) in views(sentence)


def test_party_members_after_a_chairman_stay_the_party():
    found = views("Committee Chairman Bob Corker and other Republicans objected to the deal.")
    assert ("Bob Corker|Republican Party", "object") in found


# --- a ministry named with no state -------------------------------------------------------

def test_a_lower_case_ministry_spokesman_speaks_for_the_state_named_before():
    previous = "Beijing has long pressed for a freeze on the drills."
    found = views("A foreign ministry spokeswoman said that the talks deserved support.",
                  previous)
    assert ("Chinese Foreign Ministry", "say") in found


def test_its_ministry_of_x_then_the_ministry():
    first = "Beijing retaliated within a day."
    second = "Its Ministry of Commerce announced a list of duties on American farm goods."
    assert ("Chinese Commerce Ministry", "announce") in views(second, first)
    third = "The ministry said that China had been forced to respond."
    assert ("Chinese Commerce Ministry", "say") in views(third, [first, second])


def test_ministry_spokespeople_stay_they():
    # (a guard: the ministry found for the spokespeople stays plural)
    previous = "Foreign Ministry spokespeople argue that the reefs belong to China."
    found = views("They describe the new runways as serving rescue work.",
                  ["Beijing denies any change.", previous])
    assert ("Chinese Foreign Ministry", "describe") in found


# --- a plain plural group beside named bodies ------------------------------------------

def test_a_plain_group_listed_with_named_bodies_keeps_its_words():
    found = views("The National Retail Federation and software associations oppose the "
                  "duties, which they call a tax on shoppers.")
    assert ("National Retail Federation|software associations", "oppose") in found
    assert ("National Retail Federation|software associations", "call") in found


def test_members_of_congress_and_a_plain_group():
    found = views("The White House says the sale is routine, but several Members of Congress "
                  "and veterans groups argue that it is premature.")
    assert ("members of Congress|veterans groups", "argue") in found


def test_volunteers_of_a_named_body_are_the_body():
    found = views("The Syria Civil Defence volunteers said that the shelling had resumed.")
    assert ("Syria Civil Defence", "say") in found


# --- lower-case words that qualify a group noun -----------------------------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    # a hyphenated modifier, even after "and" (no verb is written so)
    ("The minister denied it, and pro-business commentators argue that the tax will fail.",
     "pro-business commentators", "argue"),
    # two plain words after the article
    ("The small coastal states regard the quota as their main gain.",
     "small coastal states", "regard"),
])
def test_lower_case_words_before_a_group_noun_stay_in_its_name(sentence, holder, cue):
    assert (holder, cue) in views(sentence)


def test_a_noun_after_an_article_is_no_modifier_of_a_title():
    # "a figure the President cites": "figure" belongs to another phrase
    found = views("Exports fell by a third, a figure the President cites often.",
                  "President Lee met the press.")
    assert all(not holder.startswith("figure") for holder, _ in found)


# --- bare "officials" ---------------------------------------------------------------------

def test_bare_officials_after_a_holder_are_the_holders_not_a_state_in_its_content():
    found = views("The Pentagon describes the deployment as deterring Iran, and officials say "
                  "that more ships will follow.")
    assert ("U.S. officials", "say") in found


def test_bare_officials_opening_a_sentence_with_no_state_follow_the_holder_before():
    previous = "Maduro insists that Venezuela will pay its debts."
    found = views("Officials have also asked the courts to try the opposition leaders.",
                  previous)
    assert ("Venezuelan officials", "ask") in found


# --- a state's faction named bare ---------------------------------------------------------

def test_the_hardliners_are_those_of_the_person_named_before_them():
    found = views("Rouhani has won some time, but the hardliners who opposed the deal "
                  "will gain ground.")
    assert ("Iranian hardliners", "oppose") in found


def test_dissidents_opening_a_sentence_follow_the_holder_before():
    previous = "Raúl Castro denied that Cuba holds any political prisoners."
    found = views("Dissidents welcomed the meeting at the embassy.", previous)
    assert ("Cuban dissidents", "welcome") in found


# --- "some" / "many" after a group in the same sentence ----------------------------------

def test_some_after_a_coordinator_are_some_of_the_group_just_named():
    found = views("Turkish officials see the vote as a threat, and some describe it as a "
                  "foreign plot.")
    assert ("Turkish officials", "describe") in found


def test_some_alone_keeps_its_word():
    found = views("Some argue that the plan came too late.")
    assert ("some", "argue") in found


# --- gazetteer rows of session 24 ------------------------------------------------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    ("Several EU states and Norway announced new expulsions.",
     "EU member states|Norway", "announce"),
    ("The U.N. Office of the High Commissioner for Human Rights reports that the toll has "
     "risen.", "OHCHR", "report"),
    ("The armed group Jaysh al-Islam agreed to leave the suburb.", "Jaish al-Islam", "agree"),
])
def test_gazetteer_forms_added_in_session_24(sentence, holder, cue):
    assert (holder, cue) in views(sentence)


# --- "both capitals", "the two governments" -------------------------------------------------

def test_both_capitals_are_the_states_of_the_two_holders_before():
    previous = ["The Russian foreign ministry said it was deeply disappointed in Washington.",
                "China's foreign ministry said Beijing would keep trading with Tehran."]
    found = views("Both capitals see the decision as proof that Washington acts alone.",
                  previous)
    assert ("Russia|China", "see") in found or ("China|Russia", "see") in found


def test_the_two_governments_pair_the_state_just_named_with_the_texts_main_state():
    previous = ["Manila has long relied on Washington.", "Manila and Washington renewed "
                "their treaty.", "Manila still hosts Washington's troops.",
                "The talks ran late.", "Nothing was signed on the first day.",
                "Beijing was generous."]
    found = views("The two governments announced deals worth billions.", previous)
    assert any(cue == "announce" and set(holder.split("|")) == {"China", "Philippines"}
               for holder, cue in found)


# --- an office's title matches whole words of a person's notes -------------------------------

def test_the_president_is_not_an_envoy_whose_title_holds_presidential():
    previous = ["The defence secretary and Special Presidential Envoy Brett McGurk resigned."]
    found = views("The President said that the mission was over.", previous)
    assert ("President", "say") in found
    assert not any(holder == "Brett McGurk" for holder, _ in found)


def test_the_president_is_not_the_vice_president():
    previous = ["Vice President Mike Pence flew to Warsaw."]
    found = views("The President said that the alliance was strong.", previous)
    assert not any(holder == "Mike Pence" for holder, _ in found)


def test_the_president_named_before_still_holds_the_office():
    previous = ["President Barack Obama met the allies in Warsaw."]
    assert ("Barack Obama", "say") in views("The President said that the alliance held.",
                                            previous)
