"""benchmarks/tone_words.py: the word features of the target's clause, and its learner."""

from __future__ import annotations

import numpy as np


def test_words_of_the_targets_clause_only_with_distance_and_negation(benchmark):
    tw = benchmark("tone_words")
    text = "Ankara does not trust Washington's pledge, but Moscow welcomed the talks."
    start = text.index("Washington")
    feats = tw.word_features(text, [(start, start + len("Washington's"))])
    assert "not_trust" in feats and "trust" not in feats  # three words after a negator
    assert "not_pledge" in feats and "ankara" in feats
    assert "welcomed" not in feats and "moscow" not in feats  # after "but": another clause
    assert "the" not in feats and "does" not in feats         # function words
    assert feats["not_trust"] > feats["ankara"]               # nearer weighs more


def test_learner_separates_labels_and_scores_macro_f1(benchmark):
    tw = benchmark("tone_words")
    x = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]] * 10)
    y = np.array([0, 2, 1] * 10)
    w, b = tw.fit(x, y, np.full(2, 0.1))
    assert ((x @ w + b).argmax(1) == y).all()
    assert tw.macro_f1(y, y) == 1.0
    assert tw.macro_f1(y, np.zeros_like(y)) < 0.34


def test_embedding_diagnostic_marks_every_span_of_the_target(benchmark):
    module = benchmark("tone_embedding")
    row = {"text": "U.S. aid rose; Washington paid.", "spans": [[0, 4], [15, 25]]}
    assert module.marked(row) == "[U.S.] aid rose; [Washington] paid."
