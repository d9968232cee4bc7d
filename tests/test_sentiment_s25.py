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


@pytest.mark.offline
def test_what_is_ended_or_lifted_no_longer_harms():
    # ending a harm the target's side complains of, or lifting a measure, turns its words
    ended = "The deal would end the quotas that U.S. growers blame for falling sales."
    lifted = "Congress must be told before the President lifts sanctions on a U.S. ally."
    for method in ("model", "rules"):
        found = score_named(ended, "U.S.", method=method)
        assert found.label != "negative" and "negated by 'end'" in found.evidence
        found = score_named(lifted, "U.S.", method=method)
        assert found.label != "negative" and "negated by 'lifts'" in found.evidence


@pytest.mark.offline
def test_the_noun_end_and_an_end_with_no_object_turn_nothing():
    noun = "The Senate may vote before the end of the year to curb U.S. aid to the coalition."
    assert "negated by 'end'" not in score_named(noun, "U.S.").evidence
    bare = "Talks with U.S. negotiators ended without progress."
    found = score_named(bare, "U.S.").evidence
    assert "negated by 'ended'" not in found and "negated by 'without'" in found


@pytest.mark.offline
def test_a_state_of_the_target_named_with_its_alias_is_not_the_target():
    from briefkit.corpus import Corpus
    from briefkit.sentiment import ToneIndex

    corpus = Corpus.from_texts([
        "Washington State sued the administration over the order. "
        "U.S. officials said the order stands. "
        "The governor of American Samoa objected."
    ])
    rows = ToneIndex(corpus).tone("United States")
    assert rows["sent_id"].tolist() == [1]  # only "U.S. officials", narrowed to "U.S."
    assert rows["target_text"].tolist() == ["U.S."]


@pytest.mark.offline
def test_a_bare_capital_read_as_the_state_stays_the_target():
    # the gazetteer reads this "Washington" as the state (Seattle is its cue); the name is
    # the bare alias, so the tone row stays the target's
    from briefkit.corpus import Corpus
    from briefkit.sentiment import ToneIndex

    corpus = Corpus.from_texts([
        "Xi began his visit in Seattle with business leaders. "
        "In Washington he called for cooperation rather than confrontation."
    ])
    rows = ToneIndex(corpus).tone("United States")
    assert rows["target_text"].tolist() == ["Washington"]
