"""Cues set apart from their holder by clause structure (session 30, cv30): a subject shared
by coordinated verb phrases, asides and adverbials between the auxiliary, the verb and
"that", a prepositional phrase after "who", and views in a relative clause on a noun.
Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue", "negated")
held = views_of("holder", "cue")


# --- a subject carries across "and"-joined verb phrases ---------------------------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    # the first verb phrase's subject is a titled name the gazetteer lacks
    ("Secretary of State Antony Blinken has met Tinubu twice and has said that the "
     "sanctions will stay.", "Antony Blinken", "say"),
    # an irregular past opens the first verb phrase, no auxiliary
    ("Secretary of State Marco Rubio went to Panama and said that China must leave the "
     "canal.", "Marco Rubio", "say"),
])
def test_subject_carries_across_joined_verb_phrases(sentence, holder, cue):
    assert (holder, cue) in held(sentence)


def test_no_subject_carried_across_an_adjective_noun_phrase():
    # "state" after "Russian" is a noun ("Russian state television"), not the first verb:
    # the unresolved head "Hosts" is not made a holder through it
    found = held("Hosts on Russian state television went further and portrayed the revolt "
                 "as a plot.")
    assert ("Hosts", "portray") not in found


def test_negation_of_first_conjunct_does_not_spill():
    found = views("Secretary of State Antony Blinken has not met Tinubu and has said that the "
                  "sanctions will stay.")
    assert ("Antony Blinken", "say", False) in found


# --- asides and adverbials between auxiliary, verb and "that" --------------------------------

def test_aside_between_auxiliary_and_verb():
    assert ("Russia", "value", False) in views(
        "Russia does, however, value the cohesion of the cartel.")


def test_so_far_between_auxiliary_and_verb():
    found = views("Washington has so far supported the plan.")
    assert ("United States", "support", False) in found


def test_named_apposition_and_date_before_that():
    assert ("Vladimir Putin", "tell") in held(
        "Vladimir Putin told his Chinese counterpart, Xi Jinping, on March 4 that the war "
        "would be long.")


def test_objects_joined_by_and_before_that():
    assert ("Vladimir Putin", "tell") in held(
        "Vladimir Putin told soldiers and police officers that they had saved the country.")


def test_and_with_its_own_clause_is_not_an_object():
    # "and he insisted that": a new clause, so "told reporters" reports no clause
    found = held("Vladimir Putin told reporters and he insisted that the war was over.")
    assert ("Vladimir Putin", "tell") not in found


def test_aside_between_particle_verb_and_that():
    assert ("U.S. officials", "point out") in held(
        "U.S. officials point out, fairly, that the talks had stalled for years.")


def test_prepositional_phrase_after_who():
    assert ("Joe Biden", "promise") in held(
        "Joe Biden, who as a candidate promised to end the war, travelled to Kyiv.")


# --- a view in a relative clause on a noun is taken as given, not asked -----------------------

def test_relative_view_inside_whether_is_kept():
    found = held("Analysts ask whether Russia honours the ceasefire it has announced.")
    assert ("Russia", "announce") in found


def test_main_view_inside_whether_is_still_dropped():
    found = held("Analysts ask whether Russia wants a ceasefire.")
    assert ("Russia", "want") not in found


def test_indefinite_relative_in_a_question_stays_supposed():
    # "acts that a foreign government supported" in a question: a supposed case, no view
    found = held("Should the rule be narrowed to acts that a foreign government knowingly "
                 "supported?")
    assert not any(cue == "support" for _, cue in found)


# --- comma-joined verb phrases after an opening phrase; time adverbials ----------------------

def test_comma_joined_verb_phrase_after_opening_phrase():
    found = held("After the vote, the Chinese foreign ministry expressed strong "
                 "dissatisfaction, called the resolution a provocation, and said that China "
                 "would respond.")
    assert ("Chinese Foreign Ministry", "call") in found


def test_aside_after_opening_phrase_is_not_a_verb_phrase():
    # "the former Nusra Front, now called X," : a name given in an aside, no view held
    found = held("In Idlib, the former Nusra Front, now called Jabhat Fateh al-Sham, has "
                 "attacked rebel factions.")
    assert not any(cue == "call" for _, cue in found)


def test_then_and_aside_before_second_verb_phrase():
    found = held("Donald Trump called the explanation credible on Friday and then, four days "
                 "later, described it as a cover-up.")
    assert ("Donald Trump", "describe") in found


def test_span_of_time_before_second_verb_phrase():
    found = held("General Abdourahamane Tchiani detained the president on July 26 and two "
                 "days later declared that he led a ruling council.")
    assert ("Abdourahamane Tchiani", "declare") in found


def test_adverb_between_control_verb_and_to():
    # the relative's subject holds the view of "to signal", past "used before to"
    found = held("The statement repeats a formula that Chinese officials have used before "
                 "to signal that talks can be suspended.")
    assert ("Chinese officials", "signal") in found


def test_and_inside_a_phrase_before_that():
    found = held("Angela Merkel remarked after the Brussels and Taormina meetings that Europe "
                 "must look after itself.")
    assert ("Angela Merkel", "remark") in found


def test_and_before_a_verb_phrase_ends_the_search_for_that():
    # "spoken with X and has said that": the clause is the second verb's, not "speak"'s
    found = held("Secretary of State Marco Rubio has spoken repeatedly with Mulino and has "
                 "said that China must leave.")
    assert ("Marco Rubio", "say") in found
    assert not any(cue == "speak" for _, cue in found)


# --- the cue's own clause before a claim of an earlier clause --------------------------------

def test_joined_verb_phrase_takes_its_own_clause_subject():
    # "they shot down ...; Baku apologized and called it": Baku, not the earlier "they"
    found = held("Turkish officials said they shot down a helicopter, killing two crew; Baku "
                 "apologized at once and called it an accident.")
    assert ("Azerbaijan", "call") in found


def test_participle_after_but_clause_takes_its_subject():
    found = held("Russia said that the firm had broken the law, but Secretary of State Marco "
                 "Rubio waived the sanctions, stating that the waiver served the national "
                 "interest.")
    assert ("Marco Rubio", "state") in found
