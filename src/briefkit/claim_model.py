"""How far to trust each reported claim: a confidence in 0..1 from the claim's own features.

The rules of :mod:`briefkit.reported` find a reported claim by a pattern; some patterns
and some kinds of holder are right far more often than others. :func:`claim_confidence`
scores each reported claim with a logistic regression over general features of the claim
(:data:`FEATURES`): the family of the rule that found it, how its holder was named, the
cue, negation, the lengths of the holder-to-cue gap, of the content and of the sentence,
quotation, and how many claims share the sentence. Its weights are a table,
``data/claim_model.csv``, fitted on the development labels by ``benchmarks/claims_model.py``
(:func:`fit_weights`), and the evidence of a score is that table: every feature of a claim
and its weight (:func:`explain_confidence`).

``confidence`` is the model's estimate that the claim's holder and cue are both right, as
the hand labels would have them. :func:`precision_first_threshold` is the threshold at which the
development texts, each scored by a model fitted without it, reach a precision of 0.85:
``claims[claims["confidence"] >= precision_first_threshold()]`` is the precision-first reading.

>>> import pandas as pd
>>> row = pd.DataFrame({"kind": ["reported"], "holder": ["Russia"], "holder_country":
...     ["Russia"], "holder_text": ["Moscow"], "cue": ["insist"], "negated": [False],
...     "content": ["the talks failed"], "brief_id": ["b"], "sent_id": [0],
...     "content_start": [21], "rule": ["verb that: complementizer"],
...     "_sentence": ["Moscow insists that the talks failed."]})
>>> names = claim_features(row).columns
>>> bool(claim_features(row).loc[0, "holder: state"]), "rule: verb that" in names
(True, True)
"""

from __future__ import annotations

import functools
import math

import numpy as np
import pandas as pd

from briefkit import resources

MODEL_FILE = "claim_model.csv"
BIAS = "(bias)"
THRESHOLD = "(precision-first threshold)"

# Rule families (the first words of the rule's name) and cues, each a feature of its own.
RULE_FAMILIES = ("verb that", "verb that_only", "verb obj", "verb as", "verb call",
                 "verb gap", "noun", "passive", "according to", "feeling", "stirred feeling")
CUES = ("say", "state", "argue", "call", "insist", "describe", "warn", "welcome", "regard",
        "reject", "see", "announce", "deny", "tell", "accuse", "note", "report", "request",
        "propose", "seek", "plan", "support", "oppose", "want", "expect", "suggest",
        "find", "indicate", "claim", "believe", "consider", "recommend", "rule")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "both", "neither", "its",
                       "his", "her", "their", "our", "this", "that", "these", "those"})
_QUOTES = ('"', "\u201c", "\u201d")

FEATURES = (
    [f"rule: {family}" for family in RULE_FAMILIES] + ["rule: other"]
    + [f"cue: {cue}" for cue in CUES] + ["cue: other"]
    + ["holder: not in sentence", "holder: pronoun", "holder: joint", "holder: state",
       "holder: no country", "holder: lower case", "holder: words as written",
       "holder: person or body"]
    + ["negated", "no content", "content words (log)", "gap words (log)",
       "sentence words (log)", "quoted", "claims in sentence (log)"]
)


_MEANINGS = {
    "rule: other": "found by a rule of none of the families above",
    "cue: other": "a cue not listed above",
    "holder: not in sentence": "the holder is named in an earlier sentence, not this one",
    "holder: pronoun": "the holder is a pronoun ('he', 'it', 'they', 'Both') resolved",
    "holder: joint": "two or more holders together ('Germany|France')",
    "holder: state": "the holder is a state as a whole ('Moscow' as Russia)",
    "holder: no country": "the holder has no country (a group, an organisation, a text)",
    "holder: lower case": "the holder is a common-noun phrase ('analysts', 'critics')",
    "holder: words as written": "the holder is the phrase as the text writes it",
    "holder: person or body": "the holder is a named person or body, not a state",
    "negated": "the view is negated or a denial ('rejects', 'does not accept')",
    "no content": "no content span was found",
    "content words (log)": "log(1 + words of the content)",
    "gap words (log)": "log(1 + words between the holder's words and the content)",
    "sentence words (log)": "log(1 + words of the sentence)",
    "quoted": "the sentence holds a quotation mark",
    "claims in sentence (log)": "log(reported claims in the sentence)",
}


def meaning(feature: str) -> str:
    """What a feature of :data:`FEATURES` is, in words (the ``meaning`` column of the
    model's table)."""
    if feature in _MEANINGS:
        return _MEANINGS[feature]
    if feature.startswith("rule: "):
        return f"found by a rule of the family '{feature[6:]}' (briefkit.reported)"
    if feature.startswith("cue: "):
        return f"the cue's lemma is '{feature[5:]}'"
    return {BIAS: "the log-odds of a claim with none of the features",
            THRESHOLD: "the precision-first threshold on the confidence"}.get(feature, "")


def _family(rule: str) -> str:
    rule = str(rule or "")
    best = ""
    for family in RULE_FAMILIES:
        if (rule == family or rule.startswith(family + ":") or rule.startswith(family + " ")
                ) and len(family) > len(best):
            best = family
    return f"rule: {best}" if best else "rule: other"


def _words(text: str) -> int:
    return len(str(text or "").split())


def claim_features(claims: pd.DataFrame) -> pd.DataFrame:
    """One row of :data:`FEATURES` (floats) per row of ``claims``, in its order and index.

    ``claims`` are reported claims with the claims table's columns (``rule`` is the family of
    the rule that found the claim; ``_rule`` is read in its place when there) and
    ``_sentence``, the text of the claim's sentence; either may be missing, and then counts
    as unknown.
    """
    n = len(claims)
    blank = [""] * n
    rule_column = "_rule" if "_rule" in claims else "rule"
    rules = claims[rule_column].fillna("").tolist() if rule_column in claims else blank
    sentences = claims["_sentence"].fillna("").tolist() if "_sentence" in claims else blank
    holders = [str(h) for h in claims["holder"].fillna("")]
    countries = [str(c) for c in claims["holder_country"].fillna("")]
    shown = [str(h) for h in claims["holder_text"].fillna("")]
    contents = [str(c) for c in claims["content"].fillna("")]
    starts = pd.to_numeric(claims["content_start"], errors="coerce").fillna(-1).astype(int)
    many = claims.groupby(["brief_id", "sent_id"])["cue"].transform("size").to_numpy()
    x = np.zeros((n, len(FEATURES)))
    column = {name: j for j, name in enumerate(FEATURES)}
    for i, rule in enumerate(rules):
        x[i, column[_family(rule)]] = 1.0
    for i, cue in enumerate(claims["cue"].fillna("")):
        x[i, column[f"cue: {cue}" if cue in CUES else "cue: other"]] = 1.0
    for i, (holder, country, words, content, start, sentence) in enumerate(zip(
            holders, countries, shown, contents, starts, sentences)):
        if not words or (sentence and words not in sentence):
            x[i, column["holder: not in sentence"]] = 1.0
        elif words.lower() in _PRONOUNS:
            x[i, column["holder: pronoun"]] = 1.0
        named = holder[:1].isupper() and holder != country and "|" not in holder
        x[i, column["holder: joint"]] = "|" in holder
        x[i, column["holder: state"]] = bool(holder) and holder == country
        x[i, column["holder: no country"]] = not country
        x[i, column["holder: lower case"]] = holder[:1].islower()
        x[i, column["holder: words as written"]] = (bool(words) and holder != country
                                                    and holder.lower() == words.lower())
        x[i, column["holder: person or body"]] = named
        x[i, column["no content"]] = not content
        x[i, column["content words (log)"]] = math.log1p(_words(content))
        at = sentence.find(words) if words and sentence else -1
        gap = _words(sentence[at + len(words):start]) if 0 <= at < start else 0
        x[i, column["gap words (log)"]] = math.log1p(gap)
        x[i, column["sentence words (log)"]] = math.log1p(_words(sentence))
        x[i, column["quoted"]] = any(q in sentence for q in _QUOTES)
    x[:, column["negated"]] = claims["negated"].fillna(False).astype(bool).to_numpy()
    x[:, column["claims in sentence (log)"]] = np.log(np.maximum(many, 1))
    return pd.DataFrame(x, index=claims.index, columns=FEATURES)


def fit_weights(x: np.ndarray, right, *, l2: float = 1.0, iterations: int = 100
                ) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-penalised logistic regression of ``right`` (0/1) on ``x``,
    by Newton's method. Deterministic: the same data give the same weights.

    >>> w, b = fit_weights(np.array([[1.0], [1.0], [0.0], [0.0]]), [1, 1, 0, 1], l2=0.01)
    >>> bool(w[0] > 0)
    True
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(right, dtype=float)
    n, f = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    penalty = np.r_[np.full(f, float(l2)), 1e-4]
    w = np.zeros(f + 1)
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(xb @ w)))
        gradient = xb.T @ (p - y) + penalty * w
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w[:f], float(w[f])


def weights_frame(weights: np.ndarray, bias: float, threshold: float) -> pd.DataFrame:
    """The model as the table of ``data/claim_model.csv``: feature, weight, meaning."""
    rows = [(name, float(w)) for name, w in zip(FEATURES, weights)]
    rows += [(BIAS, float(bias)), (THRESHOLD, float(threshold))]
    table = pd.DataFrame(rows, columns=["feature", "weight"]).round(6)
    return table.assign(meaning=[meaning(f) for f in table["feature"]])


@functools.lru_cache(maxsize=1)
def _shipped() -> tuple[np.ndarray, float, float]:
    table = resources.read_data_csv(MODEL_FILE)
    weights = dict(zip(table["feature"], table["weight"].astype(float)))
    return (np.array([weights.get(name, 0.0) for name in FEATURES]), weights[BIAS],
            weights[THRESHOLD])


def precision_first_threshold() -> float:
    """The shipped model's precision-first threshold: the lowest confidence at which the
    development texts, each scored by a model fitted without it, reach a precision of 0.85."""
    return _shipped()[2]


def with_sentences(claims: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """``claims`` with ``_sentence``, the text of each claim's sentence ('' if not found),
    from a sentences table (``Corpus.sentences``: brief_id, sent_id, text)."""
    text = dict(zip(zip(sentences["brief_id"], sentences["sent_id"].astype(int)),
                    sentences["text"]))
    keys = zip(claims["brief_id"], claims["sent_id"].astype(int))
    return claims.assign(_sentence=[text.get(k, "") for k in keys])


def claim_confidence(claims: pd.DataFrame, *, model=None) -> pd.Series:
    """The confidence (0..1) of each reported claim of ``claims``; NaN for other kinds.

    Args:
        claims: rows of the claims table, with ``_sentence`` (and ``_rule``) when known
            (:func:`claim_features`).
        model: (weights, bias) in place of the shipped model's.
    """
    out = pd.Series(np.nan, index=claims.index, dtype=float)
    reported = claims[claims["kind"] == "reported"]
    if reported.empty:
        return out
    weights, bias = model if model is not None else _shipped()[:2]
    z = claim_features(reported).to_numpy() @ weights + bias
    out.loc[reported.index] = np.round(1 / (1 + np.exp(-z)), 4)
    return out


def explain_confidence(claim: pd.Series | pd.DataFrame, corpus=None) -> pd.DataFrame:
    """Why a reported claim got its confidence: each feature it has (nonzero value), its
    value, its weight, their product (``effect``, on the log-odds) and what the feature
    means, largest effect first, then the bias. The effects sum to the log-odds of the
    confidence.

    Args:
        claim: one row of the claims table (a Series, or a one-row DataFrame).
        corpus: the claim's corpus, for the text of its sentence (else the row's
            ``_sentence``; without either, the sentence counts as unknown).
    """
    frame = claim.to_frame().T if isinstance(claim, pd.Series) else claim
    if corpus is not None and "_sentence" not in frame:
        sents = corpus.sentences
        frame = with_sentences(frame, sents[sents["brief_id"].isin(set(frame["brief_id"]))])
    x = claim_features(frame).iloc[0]
    weights, bias, _ = _shipped()
    table = pd.DataFrame({"feature": FEATURES, "value": x.to_numpy(), "weight": weights})
    table = table[table["value"] != 0].assign(effect=lambda t: t["value"] * t["weight"])
    table = table.reindex(table["effect"].abs().sort_values(ascending=False).index)
    bias_row = pd.DataFrame([{"feature": BIAS, "value": 1.0, "weight": bias, "effect": bias}])
    table = pd.concat([table, bias_row], ignore_index=True).round(4)
    return table.assign(meaning=[meaning(f) for f in table["feature"]])
