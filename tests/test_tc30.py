"""Tone toward a target, session 30 (tc30): words of the CRS genre read in their sense
(sentences written for these tests): trade partners, and verbs of harm to another's aims
or assets that VADER lacks."""

from __future__ import annotations

import pytest
from tone_support import score_named, word_features


@pytest.mark.offline
@pytest.mark.parametrize("text, name", [
    ("Canada and Mexico are the largest U.S. trading partners.", "U.S."),
    ("The tariffs apply to goods from all U.S. trading partners.", "U.S."),
])
def test_trading_partners_are_parties_to_trade_not_allies(text, name):
    assert "partners" not in word_features(text, name)
    assert score_named(text, name).label == "neutral"


@pytest.mark.offline
@pytest.mark.parametrize("text, name, word", [
    ("Foreign rules may be impeding U.S. agricultural exports.", "U.S.", "impeding"),
    ("New export controls could hamper U.S. chipmakers.", "U.S.", "hamper"),
    ("The leak could jeopardize the safety of people assisting the United States.",
     "United States", "jeopardize"),
])
def test_harm_verbs_absent_from_vader_count_against_the_target(text, name, word):
    assert word in word_features(text, name)
    assert score_named(text, name).label == "negative"
