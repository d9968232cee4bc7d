"""Would learned word weights add to the tone model's features? (issue 5; a study)

Declared before anything was fitted (benchmarks/README.md, "Learned word weights for tone",
session 22). Every feature of the brief model is a kind of word from a hand lexicon; the
model learns only how much each kind counts. This study adds, beside those features, one
learned weight per word in the target's clause and measures whether the model gains.

**The bar.** On the development labels (the sample's and, with ``../shared``, the real
texts': 1,042 rows), nested by text, macro-F1 with the word weights at least 0.02 above the
same learner without them; otherwise they are reported and not shipped.

**Design.** Both arms use one learner, so that the comparison is of the features alone: a
multinomial logistic regression (numpy, full-batch Adam, 300 steps, L2 per block of
features), labels by argmax. Base features: the brief model's (``sentiment.FEATURES``, from
``sentiment_eval.feature_rows``). Word features: every word of the target's clause (cut at
the clause words and strong punctuation of ``briefkit.sentiment``), lower-cased, not a
function word or a number, valued by its distance to the target (1 / (1 + d / 4) words),
prefixed "not_" after a negator within three words; only words in at least 3 rows (counted
over all rows, without their labels). Outer folds: 10, whole texts to a fold (seeded); in
each, the penalties are chosen by 5 inner folds by text (base: 0.3, 1, 3; words: 3, 10, 30,
100 with base 1).

Measured at 7aad857 (session 22), load 4-6 on 2 cores, about 21 minutes:

    1042 rows, 99 texts, 27 base features, 1174 words
    base features alone: nested macro-F1 0.643  acc 0.730
    base + words: nested macro-F1 0.599  acc 0.713

Not met: the words lower the figure by 0.044. (On the sample dev alone, 696 rows, the words
over the whole sentence: 0.642 -> 0.624.) At this size of labels, per-word weights fit the
development texts' own words; the lexicon's kinds carry further.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

# briefkit is imported where it is used, so that the learner below also serves
# benchmarks/tone_embedding.py in an environment without briefkit.
LABELS = ("negative", "neutral", "positive")
FUNCTION_WORDS = frozenset(
    "the a an of to in and or for on at by with from as is are was were be been being it its "
    "this that these those which who whom whose their his her they them he she we our has have "
    "had will would can could may might should must shall do does did than then so such also "
    "into over after before about between while since during through".split())
TAU = 4.0
MIN_ROWS = 3
OUTER_FOLDS, INNER_FOLDS = 10, 5
BASE_GRID = (0.3, 1.0, 3.0)
WORD_GRID = ((1.0, 3.0), (1.0, 10.0), (1.0, 30.0), (1.0, 100.0))


def word_features(text: str, spans) -> dict[str, float]:
    """The words of the target's clause with their distance weights ("not_" after a
    negator); ``spans`` are the target's character spans in ``text``."""
    from briefkit import sentiment
    from briefkit.text import is_word, norm_token, tokenize_words

    toks = tokenize_words(text)
    target = [i for i, (_, s, e) in enumerate(toks) if any(s < b and e > a for a, b in spans)]
    if not target:
        return {}
    bounds = [i for i, (tok, _, _) in enumerate(toks)
              if norm_token(tok) in sentiment.CLAUSE_WORDS or tok in sentiment.STRONG_PUNCT]
    low = max([b for b in bounds if b < target[0]], default=-1)
    high = min([b for b in bounds if b > target[-1]], default=len(toks))
    out: dict[str, float] = {}
    for i in range(low + 1, high):
        tok = toks[i][0]
        word = norm_token(tok)
        if i in target or not is_word(tok) or word in FUNCTION_WORDS or word.isdigit():
            continue
        negated = any(norm_token(toks[k][0]) in sentiment.NEGATORS
                      or norm_token(toks[k][0]).endswith("n't") for k in range(max(0, i - 3), i))
        key = ("not_" if negated else "") + word
        value = 1.0 / (1.0 + min(abs(i - j) for j in target) / TAU)
        out[key] = max(out.get(key, 0.0), value)
    return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def fit(x: np.ndarray, y: np.ndarray, penalty: np.ndarray, steps: int = 300):
    """Multinomial logistic regression, L2 ``penalty`` per feature, full-batch Adam."""
    n, f = x.shape
    w, b = np.zeros((f, 3)), np.zeros(3)
    target = np.eye(3)[y]
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros(3), np.zeros(3)
    for t in range(1, steps + 1):
        p = _softmax(x @ w + b)
        g = x.T @ (p - target) / n + penalty[:, None] * w / n
        gb = (p - target).mean(0)
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        b -= 0.05 * (mb / (1 - 0.9**t)) / (np.sqrt(vb / (1 - 0.999**t)) + 1e-8)
    return w, b


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    scores = []
    for k in range(3):
        tp = np.sum((y == k) & (pred == k))
        wrong = np.sum((y != k) & (pred == k)) + np.sum((y == k) & (pred != k))
        scores.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return float(np.mean(scores))


def _folds(groups: np.ndarray, k: int, seed: int) -> np.ndarray:
    names = sorted(set(groups))
    np.random.default_rng(seed).shuffle(names)
    fold = {name: i % k for i, name in enumerate(names)}
    return np.array([fold[g] for g in groups])


def _inner_f1(x, y, folds, penalty) -> float:
    pred = np.zeros(len(y), dtype=int)
    for j in range(INNER_FOLDS):
        w, b = fit(x[folds != j], y[folds != j], penalty)
        pred[folds == j] = (x[folds == j] @ w + b).argmax(1)
    return macro_f1(y, pred)


def nested(x, y, groups, penalty_of, grid) -> tuple[np.ndarray, Counter]:
    """Out-of-fold labels, the penalty chosen by inner folds by text in each outer fold."""
    pred, chosen = np.zeros(len(y), dtype=int), Counter()
    outer = _folds(groups, OUTER_FOLDS, 1)
    for k in range(OUTER_FOLDS):
        test, train = outer == k, outer != k
        inner = _folds(groups[train], INNER_FOLDS, 0)
        xt, yt = x[train], y[train]
        best = max(grid, key=lambda s: _inner_f1(xt, yt, inner, penalty_of(s)))
        chosen[best] += 1
        w, b = fit(xt, yt, penalty_of(best))
        pred[test] = (x[test] @ w + b).argmax(1)
    return pred, chosen


def main() -> None:
    import sentiment_eval as se

    from briefkit import paths
    from briefkit.corpus import load_corpus

    corpus = load_corpus(paths.sample_briefs_dir(), progress=False)
    items, texts = se.development_items(corpus)
    base = se.feature_rows(items, se.speakers_of(texts))
    y = np.array([LABELS.index(g) for _, _, g, _ in items])
    groups = np.array(texts)
    words = [word_features(text, spans) for text, spans, _, _ in items]
    rows = Counter(key for row in words for key in row)
    vocab = {w: i for i, w in enumerate(sorted(w for w, c in rows.items() if c >= MIN_ROWS))}
    xw = np.zeros((len(items), len(vocab)))
    for r, row in enumerate(words):
        for key, value in row.items():
            if key in vocab:
                xw[r, vocab[key]] = value
    nb = base.shape[1]
    print(f"{len(items)} rows, {len(set(texts))} texts, {nb} base features, {len(vocab)} words",
          flush=True)
    t0 = time.time()
    pred, chosen = nested(base, y, groups, lambda s: np.full(nb, s), BASE_GRID)
    print(f"base features alone: nested macro-F1 {macro_f1(y, pred):.3f}  "
          f"acc {np.mean(pred == y):.3f}  {dict(chosen)}  {time.time() - t0:.0f} s", flush=True)
    x = np.hstack([base, xw])
    pred, chosen = nested(x, y, groups,
                          lambda s: np.r_[np.full(nb, s[0]), np.full(len(vocab), s[1])],
                          WORD_GRID)
    print(f"base + words: nested macro-F1 {macro_f1(y, pred):.3f}  "
          f"acc {np.mean(pred == y):.3f}  {dict(chosen)}  {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
