"""Tests for briefkit.sentiment, session 24: what a "whether" clause asks across its own
commas, and the other constructions of session 24's tone misses."""

from __future__ import annotations

import re

import pytest

from briefkit.sentiment import score_target, target_features


def _score(text: str, name: str, **options):
    start = text.index(name)
    return score_target(text, start, start + len(name), **options)


def _kinds(text: str, name: str, **options) -> dict:
    """Each word's feature for the mentions of ``name`` (words counted for nothing are left
    out)."""
    spans = [m.span() for m in re.finditer(re.escape(name), text)]
    _, hits = target_features(text, spans, **options)
    return {h.cue.text: h.feature for h in hits if h.cue is not None and h.value}


# --- a "whether" clause runs on past the commas of its own list or aside ------------------


@pytest.mark.offline
@pytest.mark.parametrize("method", ["model", "rules"])
@pytest.mark.parametrize(
    "asked",
    [
        # a list in the clause's subject
        "The panel will review whether Brazilian levies, quotas and licensing rules are "
        "unfair and harm U.S. exporters.",
        # an aside between commas
        "Lawmakers could weigh whether the subsidy, frozen since 2009, still harms U.S. "
        "shipyards.",
    ],
)
def test_a_whether_clause_asks_across_its_own_commas(asked, method):
    assert _score(asked, "U.S.", method=method).label == "neutral"


@pytest.mark.offline
@pytest.mark.parametrize("method", ["model", "rules"])
@pytest.mark.parametrize(
    "said",
    [
        # a comma before a new clause ends the question: what follows is said
        "The panel will review whether the levies are fair, and the quotas harm U.S. "
        "exporters.",
        # an opening "whether" ends at its comma, where the main clause begins
        "Whether or not the panel meets, the quotas harm U.S. exporters.",
        # so does an "if" clause
        "If the panel meets, the quotas will harm U.S. exporters.",
    ],
)
def test_a_comma_before_another_clause_ends_the_question(said, method):
    assert _score(said, "U.S.", method=method).label == "negative"
