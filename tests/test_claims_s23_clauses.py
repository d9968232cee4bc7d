"""Tests for views in linked clauses (session 23): a main verb after a restrictive relative
clause, views in participle adjuncts and coordinated clauses. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

from briefkit.claims import find_holders

pytestmark = pytest.mark.offline


views = views_of("holder", "cue", "content")


@pytest.mark.parametrize("sentence, holder, cue", [
    ("Kenyan officials who attended the talks welcomed the outcome.", "Kenyan officials",
     "welcome"),
    ("Kenyan officials who backed the plan reject that reading.", "Kenyan officials",
     "reject"),
    ("Kenyan officials who support it, including Senator Otieno, objected that it should "
     "wait.", "Kenyan officials", "object"),
])
def test_a_main_verb_after_a_restrictive_relative_takes_its_antecedent(sentence, holder, cue):
    assert (holder, cue) in [(h, q) for h, q, _ in views(sentence)]


def test_a_cue_inside_the_relative_ends_before_the_main_verb():
    found = views("Kenyan officials who had long opposed the deal welcomed its end.")
    assert ("Kenyan officials", "oppose", "the deal") in found
    assert ("Kenyan officials", "welcome", "its end") in found


@pytest.mark.parametrize("sentence", [
    "Washington hopes to persuade Kenyans that burden-sharing is a demand made in good faith.",
    "The deal that Kenya signed worried nobody.",
])
def test_no_main_verb_read_into_a_noun_or_an_object_relative(sentence):
    assert [(h, q) for h, q, _ in views(sentence) if q == "demand"] == []


@pytest.mark.parametrize("sentence, holder, cue", [
    ("Lima almost certainly sees the port deal as a lifeline.", "Peru", "see"),
    ("Nairobi almost certainly wanted to delay the vote.", "Kenya", "want"),
])
def test_almost_between_the_holder_and_its_verb(sentence, holder, cue):
    assert (holder, cue) in [(h, q) for h, q, _ in views(sentence)]


@pytest.mark.parametrize("sentence, holder, cue", [
    ("Kenyans voted overwhelmingly for the new charter.", "Kenya", "vote"),
    ("Nairobi has spoken warmly of the accord.", "Kenya", "speak"),
])
def test_an_adverb_between_the_verb_and_its_complement(sentence, holder, cue):
    assert (holder, cue) in [(h, q) for h, q, _ in views(sentence)]


@pytest.mark.parametrize("sentence", [
    "We judge that a Kurdish state is improbable within a decade.",
    "The pact covers the eleven ASEAN states and little else.",
])
def test_a_cue_word_heading_a_noun_phrase_is_no_verb(sentence):
    assert [q for _, q, _ in views(sentence) if q == "state"] == []


def test_a_date_before_the_holder_is_no_count():
    assert ("Turkey", "agree") in [(h, q) for h, q, _ in views(
        "On July 23 Ankara agreed to open the base.")]


@pytest.mark.parametrize("sentence, holder, cue", [
    ("Nairobi called the vote a triumph, a claim that Kampala disputed at the summit.",
     "Uganda", "dispute"),
    ("The firms signed contracts that Nairobi valued at two billion dollars.", "Kenya",
     "value"),
])
def test_an_object_relative_after_a_noun_with_an_adjunct_after_the_cue(sentence, holder, cue):
    assert (holder, cue) in [(h, q) for h, q, _ in views(sentence)]


def test_that_after_a_verb_opens_no_object_relative():
    assert [q for _, q, _ in views("Analysts believe that Kenya protested at the meeting.")
            if q == "protest"] == []


@pytest.mark.parametrize(("sentence", "found"), [
    ("Russia called the measures overdue.", [("Russia", "call")]),
    ("The Kremlin called the document imperialist while noting its readiness to talk.",
     [("Kremlin", "call"), ("Kremlin", "note")]),  # "noting" + object: a view (session 28)
    ("Russia called the envoy home.", []),  # a place, not a name given
    ("Russia called the meeting yesterday.", []),  # a time
    ("Putin called the president on Monday.", []),
])
def test_call_an_object_a_bare_word_that_ends_the_clause(sentence, found):
    """'call' + a short object + a bare word ending the clause names what the object is."""
    assert [(h.holder, h.cue) for h in find_holders(sentence)] == found


@pytest.mark.parametrize("sentence, holder, cue", [
    ("Lima remains firmly committed to the border accord.", "Peru", "commit"),
    ("An aide said that Lima remained committed to reopening the port.", "Peru", "commit"),
    ("Lima is more confident in its neighbours than it was.", "Peru", "confident"),
    ("Lima was more irritated by the tariff than by the ruling.", "Peru", "irritate"),
])
def test_a_graded_or_committed_state_after_be_or_remain(sentence, holder, cue):
    assert (holder, cue) in [(h, q) for h, q, _ in views(sentence)]
