"""Tone toward a target, session 29: the target's involvement wanted by others, and an
opening "For X," with a relative clause on X (sentences written for these tests)."""

from __future__ import annotations

import pytest
from tone_support import score_named, word_features


@pytest.mark.offline
@pytest.mark.parametrize("text, name, word", [
    ("Jordanian officials want Washington to engage Moscow directly.", "Washington", "want"),
    ("Gulf leaders want Washington in front.", "Washington", "want"),
    ("Kurdish leaders want U.S. forces to stay in Syria.", "U.S.", "want"),
    ("Kabul needs Washington to keep its advisers in the country.", "Washington", "needs"),
    ("Damascus wants Moscow to stay involved.", "Moscow", "wants"),
    ("The Houthis want Iran to send more weapons.", "Iran", "want"),
])
def test_others_wanting_the_target_to_take_part_is_good_for_it(text, name, word):
    # WANTED: another seeks the target's involvement
    assert word_features(text, name)[word] == "event_pos"
    assert score_named(text, name).label == "positive"


@pytest.mark.offline
@pytest.mark.parametrize("text, name", [
    ("Iraqi militias want Washington to leave the country.", "Washington"),
    ("Iraqi militias want Washington out of Iraq.", "Washington"),
    ("Gulf states do not want Washington to engage Tehran.", "Washington"),
    ("Washington wants Iran to stop enriching uranium.", "Washington"),
    ("Tehran wants Washington to lift sanctions first.", "Washington"),
])
def test_a_demand_that_the_target_retreat_or_a_want_of_its_own_is_not_involvement(text, name):
    assert "event_pos" not in word_features(text, name).values()
    assert "involvement sought" not in score_named(text, name).evidence


@pytest.mark.offline
def test_a_relative_clause_on_the_framed_target_is_no_clause_break():
    # "For X, which ..., the deal is a gain": the relative clause is about X, and what
    # follows it is said of what the deal means for X, as without the relative clause
    plain = score_named("For Russia, the deal is a setback.", "Russia")
    framed = score_named("For Russia, which had pressed for access, the deal is a setback.",
                         "Russia")
    assert "clause break" not in framed.evidence
    assert framed.score == pytest.approx(plain.score)
    assert framed.label == "negative"
