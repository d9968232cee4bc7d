"""Claims of session 30 (dc30): a document or a data set as the subject of a reporting verb.
Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")


# --- a text cited before, named again with words that say which --------------------------

@pytest.mark.parametrize("previous, sentence, expected", [
    ("FEMA's most recent monthly report shows $5 billion available for the program.",
     "The DRF monthly reports indicate that no funds have been set aside since March.",
     ("Federal Emergency Management Agency", "indicate")),
    ("According to a 2025 economics study, most rates were between 50% and 70%.",
     "The 2025 study also found that effective rates have remained constant.",
     ("2025 economics study", "find")),
])
def test_a_text_cited_before_speaks_again_for_its_holder(previous, sentence, expected):
    assert views(sentence, previous=[previous]) == [expected]


def test_a_text_never_cited_before_holds_nothing():
    assert views("The 2025 study also found that effective rates have remained constant.",
                 previous=["Most rates were between 50% and 70%."]) == []


def test_a_text_named_inside_a_preposition_phrase_is_no_subject():
    previous = ["According to a 2025 economics study, most rates were between 50% and 70%."]
    found = views("Officials in the 2025 study warned that effective rates would rise.",
                  previous=previous)
    assert ("2025 economics study", "warn") not in found


# --- "the budget" after a budget request named before is that request ----------------------

PRESIDENTS_REQUEST = ["The President's FY2027 budget request for the U.S. Geological Survey "
                      "(USGS) is $1.1 billion."]


def test_the_budget_after_a_request_is_the_requests_issuer():
    found = views("The budget requests $227.1 million for the Water Resources Mission Area.",
                  previous=PRESIDENTS_REQUEST)
    assert found == [("United States", "request")]


def test_the_budget_with_no_request_named_before_holds_nothing():
    assert views("The budget requests $227.1 million for the Water Resources Mission Area.",
                 previous=["The USGS has seven mission areas."]) == []


# --- what a document indicates or finds, a noun phrase as much as a clause ----------------

@pytest.mark.parametrize("sentence, expected", [
    ("The Navy's first evaluation report for the program, covering data from January to "
     "October 2025, indicates a reduced number of vehicles entering the zone.",
     ("U.S. Navy", "indicate")),
    ("USTR's report of March 22, 2018, found four kinds of practice that meet the test.",
     ("Office of the U.S. Trade Representative", "find")),
])
def test_a_document_that_indicates_or_finds_a_noun_phrase_speaks_for_its_issuer(
        sentence, expected):
    assert views(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "The program indicates a reduced number of vehicles entering the zone.",  # no document
    "The Navy found four ships in the harbor.",  # an actor finds a thing: an act
])
def test_a_noun_phrase_after_indicate_or_find_is_no_view_without_a_document(sentence):
    assert views(sentence) == []


# --- a date before figures named in the text's own words ----------------------------------

def test_a_fiscal_year_before_plain_figures_is_left_out_of_their_name():
    found = views("FY2024 grantee data indicate that the program did not reach its target.")
    assert found == [("grantee data", "indicate")]


def test_documents_cited_before_and_named_again_speak_for_their_issuer():
    previous = ["According to FY2026 Navy budget documents, the Marine Corps is requesting "
                "$240 million for the vehicle."]
    found = views("The FY2026 budget documents further note the program is planned to "
                  "advance to the next phase.", previous=previous)
    assert found == [("U.S. Navy", "note")]


def test_a_quotation_opened_on_the_verb_leaves_the_subject_before_it():
    found = views('The Navy\'s budget request "emphasizes science supporting energy and '
                  'mineral independence."')
    assert found == [("U.S. Navy", "emphasize")]
