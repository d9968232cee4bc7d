"""Claims of session 29 (cd29): documents that stand for their issuer, budget requests and
proposals first ("The request would eliminate ..."). Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")
contents = views_of("holder", "cue", "content")

PRESIDENTS_REQUEST = ["The President's FY2027 budget request for the U.S. Geological Survey "
                      "(USGS) is $1.1 billion."]


# --- what a request or a proposal "would" do is its issuer's proposal --------------------

@pytest.mark.parametrize("sentence, cue", [
    ("The request would eliminate the Coastal Science Program.", "eliminate"),
    ("The budget request also would discontinue the water research grants.", "discontinue"),
    ("In addition, the budget request would increase funding for streamgages.", "increase"),
])
def test_a_request_that_would_act_is_its_issuers_proposal(sentence, cue):
    assert ("United States", cue) in views(sentence, previous=PRESIDENTS_REQUEST)


def test_a_possessive_issuer_holds_what_its_request_would_do():
    assert contents("The Navy's FY2027 request would end the frigate program.") == [
        ("U.S. Navy", "end", "the frigate program")]


@pytest.mark.parametrize("sentence", [
    "Other proposals would prohibit such grants.",  # no issuer named
    "The request would be $2 billion.",  # a sum, not an act
    "The request would have applied to new grants.",  # a proposal not made
])
def test_no_issuer_or_no_act_is_no_proposal(sentence):
    assert views(sentence, previous=PRESIDENTS_REQUEST) == []


def test_a_request_with_no_owner_named_before_holds_nothing():
    assert views("The request would eliminate the Coastal Science Program.") == []


# --- an agency's part of the President's request -----------------------------------------

def test_an_agencys_budget_request_after_the_presidents_is_the_united_states():
    found = views("The FY2027 USGS budget request would eliminate the Ecosystems Mission Area.",
                  previous=PRESIDENTS_REQUEST)
    assert found == [("United States", "eliminate")]


def test_a_possessive_agency_keeps_its_own_request():
    found = views("The Navy's FY2025 budget request notes that the program is on schedule.",
                  previous=PRESIDENTS_REQUEST)
    assert found == [("U.S. Navy", "note")]


# --- a document's issuer named after it, or before it after a date ----------------------

def test_a_report_by_a_body_speaks_for_the_body():
    found = views("A report by the Government Accountability Office found that the program "
                  "lacked data.")
    assert found == [("Government Accountability Office", "find")]


def test_a_report_of_a_place_is_not_the_places():
    found = views("The report of France stated that the program lacked data.")
    assert ("France", "state") not in found


NIH_NAMED = ["The National Institutes of Health (NIH) issued a new policy."]


@pytest.mark.parametrize("sentence, cue", [
    ("The February 2025 NIH policy cited that private foundations provide lower rates.", "cite"),
    ("NIH's policy stated that private foundations provide lower rates.", "state"),
    ("The NIH brief stated that the grants had not been terminated.", "state"),
])
def test_a_policy_or_brief_speaks_for_its_issuer(sentence, cue):
    assert ("National Institutes of Health", cue) in views(sentence, previous=NIH_NAMED)
