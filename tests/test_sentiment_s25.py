"""Tone toward a target, session 25: meanings the scorer read wrongly wherever they occur
(sentences written for these tests)."""

from __future__ import annotations

import pytest
from tone_support import score_named, word_features


@pytest.mark.offline
def test_crude_as_oil_is_no_judgement():
    # 'crude' in trade prose is the oil, not a word of contempt
    text = "Refineries on the U.S. Gulf Coast take about half of Angola's crude each month."
    for method in ("model", "rules"):
        assert score_named(text, "U.S.", method=method).label == "neutral"
    assert "crude" not in word_features(text, "U.S.")


@pytest.mark.offline
def test_a_change_of_side_is_a_fact_of_allegiance():
    # officers who change sides are a fact about the side they leave, not a slight to others
    text = "U.S. envoys expect further defections from the army in the coming weeks."
    for method in ("model", "rules"):
        assert score_named(text, "U.S.", method=method).label == "neutral"
    assert "defections" not in word_features(text, "U.S.")
