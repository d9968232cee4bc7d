"""benchmarks/cue_detector.py: its lemmas and its candidate features, on our own sentences."""

from __future__ import annotations


def test_lemmas_from_cue_table_then_suffix_rules(benchmark):
    cd = benchmark("cue_detector")
    assert cd.lemma_options("insisted", "VBD")[0] == "insist"
    options = cd.lemma_options("recommended", "VBN")
    assert "recommend" in options
    assert cd.choose_lemma("recommended", "VBN", options, {"recommend": 2}) == "recommend"
    assert cd.choose_lemma("tabulated", "VBD", cd.lemma_options("tabulated", "VBD"), {}) \
        == "tabulate"
    assert cd.choose_lemma("needs", "NN", cd.lemma_options("needs", "NN"), {}) == "needs"


def test_features_of_a_cue_after_a_named_holder(benchmark):
    from briefkit.holders import Context
    from briefkit.reported import Sentence, _mentions_of

    cd = benchmark("cue_detector")
    text = "The Treasury recommended that lenders wait, and the plan was welcomed by Ottawa."
    sent = Sentence(text, _mentions_of(text), Context())
    i = next(k for k, t in enumerate(sent.toks) if t.norm == "recommended")
    f = cd._features(sent, i, "VBD", "recommend", set(), False, True)
    assert f["next=that"] == 1.0 and f["tag=VBD"] == 1.0
    assert f["capital before"] == 1.0 and f["passive"] == 0.0
    assert f["rules: same cue in sentence"] == 0.0
    k = next(k for k, t in enumerate(sent.toks) if t.norm == "welcomed")
    g = cd._features(sent, k, "VBN", "welcome", {"welcome"}, True, False)
    assert g["passive"] == 1.0 and g["by after"] == 1.0
    assert g["rules: same cue in sentence"] == 1.0 and g["in cue table"] == 1.0
