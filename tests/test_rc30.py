"""Claims of session 30 (rc30): a filing in a court speaks for whoever filed it ("Several
states filed lawsuits claiming ...", "X filed a motion asking ..."). Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")


@pytest.mark.parametrize("sentence, expected", [
    ("Texas filed a lawsuit alleging that the rule was unlawful.", ("Texas", "allege")),
    ("Texas filed a lawsuit in federal court alleging that the rule was unlawful.",
     ("Texas", "allege")),
    ("The governors filed a motion asking the court to enforce its order.",
     ("governors", "ask")),
])
def test_a_filing_speaks_for_its_filer(sentence, expected):
    assert expected in views(sentence)


def test_an_acronym_in_brackets_does_not_hide_the_filer():
    sentence = ("Several states and importers have filed lawsuits in the U.S. Court of "
                "International Trade (CIT) claiming trade deficits are not balance-of-payments "
                "deficits.")
    assert ("several states and importers", "claim") in views(sentence)


def test_a_filing_with_no_filer_holds_nothing():
    assert views("A lawsuit alleging that the rule was unlawful is pending.") == []


# --- a fiscal year before the money asked for: still a budget request --------------------

def test_a_request_for_a_fiscal_years_funding_is_a_proposal():
    assert ("U.S. Navy", "request") in views(
        "The Navy has requested FY2027 funding for the frigate program.")


def test_a_request_for_a_thing_stays_an_act():
    assert views("The Navy has requested FY2027 railway wagons.") == []
