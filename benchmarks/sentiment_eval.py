"""Target-directed sentiment on NewsMTSC's dev splits, beside plain sentence-level VADER.

NewsMTSC (Hamborg & Donnay, EACL 2021) holds news sentences with target spans and the
sentiment toward each target. Its dev splits sit in ``../shared/eval/newsmtsc``; this script
reads them from there and prints macro-F1 and accuracy for:

- plain VADER (vaderSentiment's compound for the whole sentence, +-0.05 thresholds);
- briefkit's ``score_target`` with its shipped weights (tuned on rw-dev);
- a 5-fold cross-validated figure on rw-dev: the weights and thresholds are tuned on four
  fifths and scored on the fifth, so the tuning never sees the sentences it is scored on;
- mt-dev, which no weight was tuned on, as a second check;
- the time ``sentiment_toward`` takes on the whole sample corpus (first call, then warm).

Usage:  python benchmarks/sentiment_eval.py [--folds 5] [--seed 0] [--repeats 5] [--quick]
        [--tune]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from briefkit import paths, sentiment
from briefkit.sentiment import LABELS, Params

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}

# The search space: the values each weight of sentiment.Params may take.
GRID = {
    "tau": [1.0, 2.0, 3.0, 5.0, 8.0, 12.0],
    "weak": [0.4, 0.55, 0.7, 0.85, 1.0],
    "strong": [0.1, 0.25, 0.4, 0.55, 0.7, 1.0],
    "before_but": [0.0, 0.15, 0.3, 0.5, 0.75, 1.0],
    "after_but": [0.4, 0.7, 1.0, 1.5, 2.0],
    "quoted": [0.0, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0],
    "reported": [0.0, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0],
}
# Where every search starts: the first-cut weights, set by hand before any tuning (VADER's
# 0.5/1.5 around "but", a mild discount for quotes). Starting here, not at the shipped
# weights, keeps the cross-validation from seeing what tuning on all of rw-dev found.
START = Params(
    tau=3.0, weak=0.7, strong=0.4, before_but=0.5, after_but=1.5, quoted=0.5, reported=0.5
)
THRESHOLDS = np.round(np.arange(0.02, 0.42, 0.02), 2)


def load_split(path: Path) -> list[tuple[str, list, str]]:
    """(sentence, target spans, gold label) per target; further mentions join the spans."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for target in row["targets"]:
            spans = [(target["from"], target["to"])]
            spans += [(m["from"], m["to"]) for m in target.get("further_mentions", [])]
            items.append((row["sentence_normalized"], spans, POLARITY[target["polarity"]]))
    return items


def macro_f1(gold, pred) -> tuple[float, float]:
    """Macro-F1 over the three labels, and accuracy."""
    gold, pred = np.asarray(gold), np.asarray(pred)
    scores = []
    for label in LABELS:
        tp = np.sum((gold == label) & (pred == label))
        denom = np.sum(gold == label) + np.sum(pred == label)
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores)), float(np.mean(gold == pred))


def vader_labels(items) -> list[str]:
    """Plain VADER: the sentence's compound score, +-0.05 thresholds, for every target."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    labels = []
    for text, _, _ in items:
        compound = analyzer.polarity_scores(text)["compound"]
        labels.append(
            "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"
        )
    return labels


def briefkit_labels(items, params: Params = sentiment.DEFAULT_PARAMS) -> list[str]:
    return [sentiment.score_spans(text, spans, params=params).label for text, spans, _ in items]


# --- tuning ------------------------------------------------------------------------------


_CONTRAST_CODE = {"": 0, "before_but": 1, "after_but": 2, "concessive_out": 3}


def precompute(items) -> dict:
    """Every link of every cue of every item as flat arrays: cues are found once, and
    tuning only re-weights them (the same arithmetic as sentiment._contributions)."""
    cols = {
        k: []
        for k in ("item", "cue", "valence", "d", "weak", "strong", "contrast", "quoted", "reported")
    }
    n_cues = 0
    for i, (text, spans, _) in enumerate(items):
        for cue in sentiment._cues(text, spans)[1]:
            for d, weak, strong, contrast, _ in cue.links:
                for key, value in zip(
                    cols,
                    (
                        i,
                        n_cues,
                        cue.valence,
                        max(d, 1),
                        weak,
                        strong,
                        _CONTRAST_CODE[contrast],
                        cue.quoted,
                        cue.reported,
                    ),
                ):
                    cols[key].append(value)
            n_cues += 1
    flat = {k: np.asarray(v, dtype=float) for k, v in cols.items()}
    flat["n_items"] = len(items)
    return flat


def subset(flat: dict, keep: np.ndarray) -> dict:
    """The flat arrays of the items where ``keep`` is true, renumbered."""
    rows = keep[flat["item"].astype(int)]
    new_index = np.cumsum(keep) - 1
    out = {k: v[rows] for k, v in flat.items() if k != "n_items"}
    out["item"] = new_index[out["item"].astype(int)].astype(float)
    out["n_items"] = int(keep.sum())
    return out


def raw_scores(flat: dict, params: Params) -> np.ndarray:
    """Each item's score in -1..1 under these weights."""
    weight = params.tau / (params.tau + flat["d"] - 1)
    weight = weight * params.weak ** flat["weak"] * params.strong ** flat["strong"]
    factors = np.array([1.0, params.before_but, params.after_but, params.strong])
    weight = weight * factors[flat["contrast"].astype(int)]
    if len(weight) == 0:
        return np.zeros(flat["n_items"])
    cue = flat["cue"].astype(int)
    starts = np.flatnonzero(np.r_[True, cue[1:] != cue[:-1]])
    best = np.maximum.reduceat(weight, starts)
    quoted = flat["quoted"][starts].astype(bool)
    reported = flat["reported"][starts].astype(bool)
    contrib = flat["valence"][starts] * best * np.where(quoted, params.quoted, 1.0)
    contrib = contrib * np.where(reported, params.reported, 1.0)
    raw = np.bincount(flat["item"][starts].astype(int), contrib, minlength=flat["n_items"])
    return raw / np.sqrt(raw * raw + sentiment.ALPHA)


def best_thresholds(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    """The (macro-F1, pos, neg) thresholds that fit these scores best."""
    pos = (scores[None, :] >= THRESHOLDS[:, None]).astype(float)  # [p, n]
    neg = (scores[None, :] <= -THRESHOLDS[:, None]).astype(float)  # [q, n]
    g = {label: (gold == label).astype(float) for label in LABELS}
    n_pos = pos.sum(1)[:, None]
    tp_pos = (pos @ g["positive"])[:, None]
    n_neg = neg.sum(1)[None, :] - pos @ neg.T  # negative unless positive
    tp_neg = (neg @ g["negative"])[None, :] - (pos * g["negative"]) @ neg.T
    n_neu = len(gold) - n_pos - n_neg
    tp_neu = (
        g["neutral"].sum()
        - (pos @ g["neutral"])[:, None]
        - ((neg @ g["neutral"])[None, :] - (pos * g["neutral"]) @ neg.T)
    )
    f1 = (
        sum(
            np.divide(
                2 * tp,
                n + g[label].sum(),
                out=np.zeros_like(n + 0.0),
                where=(n + g[label].sum()) > 0,
            )
            for tp, n, label in (
                (tp_pos + 0 * n_neg, n_pos + 0 * n_neg, "positive"),
                (tp_neg, n_neg, "negative"),
                (tp_neu, n_neu, "neutral"),
            )
        )
        / 3
    )
    p, q = np.unravel_index(np.argmax(f1), f1.shape)
    return float(f1[p, q]), float(THRESHOLDS[p]), float(THRESHOLDS[q])


def tune(flat: dict, gold, grid=GRID, *, rounds: int = 4) -> tuple[Params, float]:
    """Coordinate ascent over the weights from ``START`` (thresholds fitted at every step):
    each round tries every value of each weight in turn and keeps the best; ties keep the
    current value, so the search is deterministic."""
    gold = np.asarray(gold)
    current = START
    best_f1, pos, neg = best_thresholds(raw_scores(flat, current), gold)
    for _ in range(rounds):
        changed = False
        for key, values in grid.items():
            for value in values:
                trial = replace(current, **{key: value})
                f1, p, n = best_thresholds(raw_scores(flat, trial), gold)
                if f1 > best_f1 + 1e-9:
                    current, best_f1, pos, neg, changed = trial, f1, p, n, True
        if not changed:
            break
    return replace(current, pos=pos, neg=neg), best_f1


def cross_validate(items, flat: dict, *, folds: int = 5, seed: int = 0, grid=GRID):
    """Tune on k-1 folds, label the held-out fold; returns pooled (macro-F1, accuracy) and
    the per-fold macro-F1s. Targets of one sentence stay in one fold."""
    sentences = sorted({text for text, _, _ in items})
    random.Random(seed).shuffle(sentences)
    fold_of = {text: i % folds for i, text in enumerate(sentences)}
    gold = np.array([g for _, _, g in items])
    pred = np.empty(len(items), dtype=object)
    per_fold = []
    for k in range(folds):
        test = np.array([fold_of[text] == k for text, _, _ in items])
        params, _ = tune(subset(flat, ~test), gold[~test], grid)
        scores = raw_scores(subset(flat, test), params)
        pred[test] = [sentiment.label_of(s, params=params) for s in scores]
        per_fold.append(macro_f1(gold[test], pred[test])[0])
    return macro_f1(gold, pred), per_fold


# --- speed -------------------------------------------------------------------------------


def time_sample_corpus(repeats: int = 3) -> None:
    """Print how long sentiment_toward takes on the bundled sample corpus."""
    from briefkit import actors
    from briefkit.corpus import load_corpus

    corpus = load_corpus(paths.sample_briefs_dir(), progress=False)
    started = time.perf_counter()
    actors.resolve_actor("United States")  # builds the gazetteer's matcher, once a process
    build = time.perf_counter() - started
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        tone = sentiment.sentiment_toward(corpus, "United States")
        times.append(time.perf_counter() - started)
    print(
        f"sentiment_toward on the sample corpus ({len(corpus)} briefs, {len(corpus.sentences)} "
        f"sentences, {len(tone)} naming the United States): first call {times[0]:.2f} s, "
        f"then {min(times[1:]):.2f} s (gazetteer matcher built beforehand in {build:.2f} s)"
    )


# --- the report --------------------------------------------------------------------------


def _row(name: str, gold, pred) -> str:
    f1, acc = macro_f1(gold, pred)
    return f"  {name:<44} macro-F1 {f1:.3f}   accuracy {acc:.3f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=5, help="shuffles of the folds")
    parser.add_argument("--quick", action="store_true", help="skip the cross-validation")
    parser.add_argument("--tune", action="store_true", help="also tune on all of rw-dev")
    parser.add_argument("--speed-only", action="store_true", help="only time the sample corpus")
    args = parser.parse_args(argv)
    time_sample_corpus()
    if args.speed_only:
        return 0
    shared = paths.shared_dir()
    folder = shared / "eval" / "newsmtsc" if shared else None
    if folder is None or not folder.is_dir():
        print("NewsMTSC dev splits not found (../shared/eval/newsmtsc); nothing to do.")
        return 0
    print(f"briefkit target-directed sentiment vs plain VADER on NewsMTSC ({folder})")
    print(f"shipped weights: {sentiment.DEFAULT_PARAMS}")
    for split in ("rw-dev", "mt-dev"):
        items = load_split(folder / f"{split}.jsonl")
        gold = [g for _, _, g in items]
        print(f"{split}: {len(items)} targets")
        print(_row("plain VADER (sentence compound, +-0.05)", gold, vader_labels(items)))
        started = time.perf_counter()
        print(_row("briefkit score_target (shipped weights)", gold, briefkit_labels(items)))
        print(f"  ({(time.perf_counter() - started) * 1000 / len(items):.2f} ms per target)")
        if split == "rw-dev" and (args.tune or not args.quick):
            flat = precompute(items)
        if split == "rw-dev" and args.tune:
            params, f1 = tune(flat, gold)
            print(f"  tuned on all of rw-dev (optimistic): macro-F1 {f1:.3f} with {params}")
        if split == "rw-dev" and not args.quick:
            runs = [
                cross_validate(items, flat, folds=args.folds, seed=args.seed + r)
                for r in range(args.repeats)
            ]
            (f1, acc), per_fold = runs[0]
            folds = ", ".join(f"{x:.3f}" for x in per_fold)
            print(
                f"  briefkit, {args.folds}-fold cross-validated (tuned on {args.folds - 1}/"
                f"{args.folds}): macro-F1 {f1:.3f}   accuracy {acc:.3f}   folds [{folds}]"
            )
            f1s = np.array([run[0][0] for run in runs])
            accs = np.array([run[0][1] for run in runs])
            print(
                f"  the same over {args.repeats} shuffles of the folds: macro-F1 "
                f"{f1s.mean():.3f} (sd {f1s.std(ddof=1) if len(f1s) > 1 else 0:.3f}, "
                f"{f1s.min():.3f}-{f1s.max():.3f})   accuracy {accs.mean():.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
