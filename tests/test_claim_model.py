"""The confidence of reported claims (briefkit.claim_model) and its measuring script."""

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import briefkit as bk
from briefkit import claim_model as cm
from briefkit import resources

ROOT = Path(__file__).resolve().parents[1]



def _row(**values) -> dict:
    row = {"kind": "reported", "brief_id": "b", "sent_id": 0, "holder": "Russia",
           "holder_country": "Russia", "holder_text": "Moscow", "cue": "insist",
           "negated": False, "content": "the talks failed", "content_start": 20,
           "_rule": "verb that: complementizer",
           "_sentence": "Moscow insists that the talks failed."}
    row.update(values)
    return row


def test_features_name_how_the_holder_was_given():
    rows = pd.DataFrame([
        _row(),
        _row(sent_id=1, holder="analysts", holder_country="", holder_text="analysts",
             _sentence="Some analysts argue that the talks failed.", content_start=25,
             cue="argue"),
        _row(sent_id=2, holder="Vladimir Putin", holder_country="Russia", holder_text="He",
             _sentence="He says the talks failed.", cue="say", content_start=8),
    ])
    x = cm.claim_features(rows)
    assert list(x.columns) == cm.FEATURES
    assert x.loc[0, "holder: state"] == 1 and x.loc[0, "holder: no country"] == 0
    assert x.loc[1, "holder: no country"] == 1 and x.loc[1, "holder: lower case"] == 1
    assert x.loc[1, "holder: words as written"] == 1 and x.loc[1, "cue: argue"] == 1
    assert x.loc[2, "holder: pronoun"] == 1 and x.loc[2, "holder: person or body"] == 1
    assert x.loc[0, "rule: verb that"] == 1 and x.loc[0, "rule: other"] == 0
    # "insists that " lies between the holder's words and the content: two words
    assert x.loc[0, "gap words (log)"] == pytest.approx(math.log1p(2))
    assert x.loc[0, "content words (log)"] == pytest.approx(math.log1p(3))


def test_an_unknown_rule_or_cue_falls_in_other():
    x = cm.claim_features(pd.DataFrame([_row(_rule="something new", cue="opine")]))
    assert x.loc[0, "rule: other"] == 1 and x.loc[0, "cue: other"] == 1
    assert x.filter(like="rule: ").sum(axis=1).iloc[0] == 1
    assert x.filter(like="cue: ").sum(axis=1).iloc[0] == 1


def test_claims_in_one_sentence_are_counted():
    rows = pd.DataFrame([_row(), _row(cue="say"), _row(sent_id=1)])
    x = cm.claim_features(rows)
    assert x["claims in sentence (log)"].tolist() == pytest.approx([math.log(2)] * 2 + [0.0])


def test_fit_weights_finds_the_feature_that_predicts():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 2, size=(400, 3)).astype(float)
    right = (x[:, 0] + rng.random(400) * 0.8 > 0.9).astype(int)  # feature 0 decides
    w, _ = cm.fit_weights(x, right, l2=1.0)
    assert w[0] > 2 and abs(w[1]) < 0.5 and abs(w[2]) < 0.5
    again, _ = cm.fit_weights(x, right, l2=1.0)
    assert np.array_equal(w, again)


def test_the_shipped_model_covers_every_feature_and_explains_itself():
    table = resources.read_data_csv(cm.MODEL_FILE)
    assert set(cm.FEATURES) <= set(table["feature"])
    assert {cm.BIAS, cm.THRESHOLD} <= set(table["feature"])
    assert table["meaning"].str.len().gt(0).all()
    assert 0 < cm.precision_first_threshold() < 1


def test_confidence_is_the_sum_of_its_explained_effects():
    rows = pd.DataFrame([_row(), _row(sent_id=1, holder="critics", holder_country="",
                                      holder_text="critics", cue="claim")])
    confidence = cm.claim_confidence(rows)
    for i in rows.index:
        table = cm.explain_confidence(rows.loc[i])
        assert (table["value"] != 0).all() and table["feature"].iloc[-1] == cm.BIAS
        logit = math.log(confidence[i] / (1 - confidence[i]))
        assert table["effect"].sum() == pytest.approx(logit, abs=2e-3)


def test_extract_claims_gives_reported_claims_a_confidence_and_no_other_row():
    corpus = bk.Corpus.from_texts(["Moscow insists that Assad will likely stay. "
                                   "Tehran rejects the plan."])
    claims = bk.extract_claims(corpus)
    reported = claims["kind"] == "reported"
    assert reported.sum() == 2
    assert claims.loc[reported, "confidence"].between(0, 1).all()
    assert claims.loc[~reported, "confidence"].isna().all()
    assert list(claims.columns[-1:]) == ["confidence"]


def test_the_script_measures_precision_and_recall_at_thresholds(benchmark):
    script = benchmark("claims_model")
    scores = np.array([0.9, 0.8, 0.3, 0.2])
    right = np.array([1, 1, 0, 1])
    table = script.at_thresholds(scores, right, labels=5)
    assert table.loc[0.0, "precision"] == 0.75 and table.loc[0.0, "recall"] == 0.6
    assert table.loc[0.5, "precision"] == 1.0 and table.loc[0.5, "recall"] == 0.4
    # 0.25 keeps 0.9, 0.8 and 0.3 (precision 2/3); 0.35 drops the wrong 0.3
    assert script.choose_threshold(table) == 0.35
    # ranks: right, right, wrong, right -> (1 + 1 + 3/4) / 3
    assert script.average_precision(scores, right) == pytest.approx((2 + 0.75) / 3)


def test_the_script_keeps_no_threshold_when_none_is_precise_enough(benchmark):
    script = benchmark("claims_model")
    table = script.at_thresholds(np.array([0.9, 0.1]), np.array([0, 1]), labels=2)
    assert script.choose_threshold(table) is None


def test_a_row_of_the_public_table_is_explained_as_it_was_scored():
    corpus = bk.Corpus.from_texts(["Some critics claim that the sanctions failed. "
                                   "Moscow insists that the talks will go on."])
    claims = bk.extract_claims(corpus)
    for _, claim in claims[claims["kind"] == "reported"].iterrows():
        assert claim["rule"]
        table = cm.explain_confidence(claim, corpus)
        logit = math.log(claim["confidence"] / (1 - claim["confidence"]))
        assert table["effect"].sum() == pytest.approx(logit, abs=2e-3)
        assert "rule: other" not in set(table["feature"])


def test_the_rule_families_the_rules_use_often_have_features_of_their_own():
    # a family renamed in briefkit.reported would fall silently into "rule: other"
    claims = bk.extract_claims(bk.load_corpus(bk.sample_path(), progress=False))
    reported = claims[claims["kind"] == "reported"]
    counts = reported["rule"].value_counts()
    common = counts[counts >= 10].index
    x = cm.claim_features(reported[reported["rule"].isin(common)])
    assert x["rule: other"].sum() == 0
    assert x.filter(like="rule: ").sum().gt(0).sum() >= 6  # the families really are told apart
