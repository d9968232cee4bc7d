"""Claims of session 29 (cr29): court rulings, a few reporting verbs, and reports' holders in
the text's own words. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")
contents = views_of("holder", "cue", "content")

COURT_BEFORE = ["A U.S. District Court preliminarily enjoined the termination in May."]


# --- a court's holding: "held that" + a clause ------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The court held that the statute does not authorize the tariffs.",
    "The court held that cordon pricing may be permitted under the program.",
])
def test_held_that_a_clause_is_the_courts_holding(sentence):
    assert ("U.S. District Court", "hold") in views(sentence, previous=COURT_BEFORE)


def test_held_that_reads_the_clause_as_content():
    found = contents("The Supreme Court of the United States held that the act does not "
                     "authorize tariffs.")
    assert ("U.S. Supreme Court", "hold", "the act does not authorize tariffs") in found


@pytest.mark.parametrize("sentence", [
    "The party held that seat for years.",
    "The ministers held that day a long meeting in Paris.",
])
def test_held_that_with_no_clause_is_no_view(sentence):
    assert [v for v in views(sentence) if v[1] == "hold"] == []


# --- "the court", "the district court", "the judge": the court named last -----------------

@pytest.mark.parametrize("sentence", [
    "The district court determined that the termination violated the law.",
    "The judge concluded that the termination violated the law.",
    "The court concluded that the termination violated the law.",
])
def test_a_court_by_its_common_noun_is_the_court_named_before(sentence):
    assert views(sentence, previous=COURT_BEFORE)[0][0] == "U.S. District Court"


def test_the_court_named_many_sentences_back_is_still_the_court():
    previous = COURT_BEFORE + ["The Secretary sent a letter to the Governor.",
                               "The Governor replied in April.",
                               "The toll program began in January.",
                               "Traffic fell by a tenth."]
    found = views("The court held that the termination violated the law.", previous=previous)
    assert found == [("U.S. District Court", "hold")]


def test_the_court_with_no_court_named_has_no_holder():
    assert views("The court held that the termination violated the law.") == []


# --- verbs of asserting and foreseeing ------------------------------------------------------

@pytest.mark.parametrize("sentence, view", [
    ("NASA posits that commercial services will encourage innovation.", ("NASA", "posit")),
    ("The Federal Circuit averred that a trade deficit alone is not enough.",
     ("Federal Circuit", "aver")),
    ("The U.S. Army envisions a lighter tank with a smaller crew.",
     ("U.S. Army", "envision")),
    ("NASA does not anticipate any conflicts with the schedule.", ("NASA", "anticipate")),
    ("The U.S. District Court vacated the rule in March.", ("U.S. District Court", "vacate")),
])
def test_new_reporting_verbs(sentence, view):
    assert view in views(sentence)


@pytest.mark.parametrize("sentence", [
    "The senator vacated his seat in January.",
    "Justice Breyer announced his intention to vacate his seat on the Court.",
    "The anticipated costs of the program rose.",
])
def test_vacating_a_place_and_participles_are_no_rulings(sentence):
    assert [v for v in views(sentence) if v[1] in {"vacate", "anticipate"}] == []


# --- reports with no named source: the text's own words, without the article --------------

@pytest.mark.parametrize("sentence, holder", [
    ("Some reports suggest that the tank is to feature an autoloader.", "some reports"),
    ("Other reports suggest the tank is to feature a hybrid engine.", "other reports"),
    ("The reports suggest that Iran will retaliate.", "reports"),
    ("Some estimates suggest that costs will rise.", "estimates"),
])
def test_reports_keep_their_quantifier(sentence, holder):
    assert views(sentence)[0] == (holder, "suggest")
