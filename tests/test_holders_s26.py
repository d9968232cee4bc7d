"""Holder phrases of session 26: offices held in a dated span, and other holders. Sentences
of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

from briefkit.claims import extract_claims
from briefkit.corpus import Corpus

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")


def _holders(text: str, date: str | None) -> list[tuple]:
    """(holder, cue) of the reported claims of one brief dated ``date``."""
    claims = extract_claims(Corpus.from_texts([text], dates=[date] if date else None))
    rows = claims[claims["kind"] == "reported"]
    return list(zip(rows["holder"], rows["cue"]))


# --- an office held in a dated span (gazetteer notes "Crown Prince (2012-2015)") ------------

PRINCES = ("Mohammed bin Salman and King Salman received the envoy in Riyadh on Monday. "
           "The crown prince said that the inquiry would be thorough.")


def test_title_names_the_holder_of_the_office_in_the_briefs_year():
    # King Salman was crown prince until 2015, Mohammed bin Salman from 2017
    assert ("Mohammed bin Salman", "say") in _holders(PRINCES, "2019-03-04")


def test_title_names_an_earlier_holder_in_his_own_years():
    assert ("King Salman", "say") in _holders(PRINCES.replace("Mohammed bin Salman",
                                                             "the foreign minister"),
                                              "2013-03-04")


def test_undated_brief_keeps_the_nearest_titled_person():
    assert ("King Salman", "say") in _holders(PRINCES, None)
