"""Does a learned, target-relative word model help the brief tone model on unseen texts?

The rows are the brief model's own (``sentiment_eval.development_items``: sample dev and
real dev, every development label toward the United States), and so is the fold scheme
(whole texts to a fold, ``sentiment_eval.brief_folds``; inner folds ``INNER_FOLDS`` by
text). Three procedures, each with its hyper-parameters and thresholds chosen inside each
outer fold (nested), never on the held-out fold:

- (a) base: the current model (``sentiment.FEATURES``, ``sentiment_eval``'s settings grid
  and fit): this reproduces ``sentiment_eval.py --with-real-dev``'s nested figure;
- (b) words: the target-relative word features of ``tone_words_s26.py`` alone (the
  vocabulary, features in at least ``MIN_TEXTS`` training texts, chosen on the training
  texts), an L2 multinomial logistic regression, its penalty chosen from ``WORD_L2``;
- (c) both: the current model fitted as in (a), and the word weights fitted on top of its
  log-odds (an offset held fixed), so that the words learn what the current model misses;
  one model at scoring (the two log-odds added), the word penalty chosen from ``WORD_L2``.

Reported: macro-F1, accuracy, per-class F1 and the positive class's recall, for the
outer scheme (``--scheme loto``: leave one text out, as sentiment_eval; ``k10``: 10 folds
by text), and apart, the eight newest sample briefs (``HELD_OUT``: fit on every other
development row, score those eight). Then the top word weights per class of (b) and (c)
fitted on all development rows, to see whether they make sense.

Usage: python benchmarks/tone_words_eval.py [--scheme k10|loto] [--models abc] [--write]
       python benchmarks/tone_words_eval.py --score-batch FOLDER [--base l2,scale,pos,neg]

``--write`` writes (c)'s word weights fitted on all development rows to
``build/tone_words.csv`` (feature, label, weight; for review, not shipped).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from briefkit import paths, sentiment
from briefkit.sentiment import LABELS, macro_f1


def _beside(name: str):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


se = _beside("sentiment_eval")
tone_words = _beside("tone_words_s26")

HELD_OUT = ("2019-09-24-", "2019-10-21-", "2019-11-26-", "2019-12-12-", "2020-01-15-",
            "2020-01-31-", "2020-03-12-", "2020-06-02-")  # the eight newest dev briefs
MIN_TEXTS = 3
WORD_L2 = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)


def variant(hits, positions=tone_words.POSITIONS, plain: bool = False) -> list:
    """A row's word features kept at these positions; ``plain``: each word also once
    without its position ("any:<stem>"), so that a word's weight can be shared."""
    kept = [h for h in hits if h[0].split(":", 1)[0] in positions + tone_words.VIEW_POSITIONS]
    return kept + ([(f"any:{f.split(':', 1)[1]}", v, w) for f, v, w in hits] if plain else [])


# --- the procedures: each fits on the training rows and labels the test rows ------------


def _base_model(xb, gold, texts, train):
    inner = se.brief_folds(texts[train], se.INNER_FOLDS)
    setting, table = se.choose_settings(xb[train], gold[train], texts[train], folds=inner)
    model = replace(se.fit_setting(xb[train], gold[train], setting),
                    pos=table[setting][1], neg=table[setting][2])
    return model, setting


def _logits(model: sentiment.ToneModel, x) -> np.ndarray:
    return np.atleast_2d(x) @ model.weights.T + model.bias


def _score(z) -> np.ndarray:
    p = tone_words.softmax(np.atleast_2d(z))
    return p[:, LABELS.index("positive")] - p[:, LABELS.index("negative")]


def _label(score, pos, neg) -> list[str]:
    return ["positive" if s >= pos else "negative" if s <= -neg else "neutral" for s in score]


def run_base(data, train, test):
    xb, gold, texts = data["xb"], data["gold"], data["texts"]
    model, setting = _base_model(xb, gold, texts, train)
    return [model.label(s) for s in model.scores(xb[test])], setting


def _word_fit(rows, gold, texts, fit_rows, l2, offset=None):
    vocab = tone_words.vocabulary([rows[i] for i in fit_rows], texts[fit_rows],
                                  min_groups=MIN_TEXTS)
    x = tone_words.matrix([rows[i] for i in fit_rows], vocab)
    return tone_words.fit_words(x, gold[fit_rows], l2=l2, offset=offset, features=vocab)


def _word_logits(model, rows, index) -> np.ndarray:
    return model.logits(tone_words.matrix([rows[i] for i in index], model.features))


def choose_words(data, train, *, with_base: bool, setting=None):
    """The word penalty (and for (c) the base setting, unless ``setting`` gives it) and
    thresholds chosen by the inner folds of the training texts: (setting, l2, pos, neg)."""
    xb, gold, texts = data["xb"], data["gold"], data["texts"]
    train_idx = np.flatnonzero(train)
    if with_base and setting is None:
        setting = _base_model(xb, gold, texts, train)[1]
    setting = setting if with_base else None
    inner = se.brief_folds(texts[train_idx], se.INNER_FOLDS)
    table = {}
    for l2 in WORD_L2:
        scores = np.zeros(len(train_idx))
        for k in sorted(set(inner)):
            fit_rows, held = train_idx[inner != k], train_idx[inner == k]
            scores[inner == k] = _fit_and_score(data, fit_rows, held, setting, l2)[0]
        table[l2] = sentiment.choose_thresholds(scores, gold[train_idx])
    l2 = max(WORD_L2, key=lambda v: round(table[v][2], 6))
    return setting, l2, table[l2][0], table[l2][1]


def _fit_and_score(data, fit_rows, held, setting, l2):
    """Fit the words (on the base model's log-odds when ``setting``) on ``fit_rows``; the
    scores of ``held`` and the word model."""
    xb, gold, texts, rows = data["xb"], data["gold"], data["texts"], data["rows"]
    offset, held_offset = None, 0.0
    if setting is not None:
        base = se.fit_setting(xb[fit_rows], gold[fit_rows], setting)
        offset, held_offset = _logits(base, xb[fit_rows]), _logits(base, xb[held])
    model = _word_fit(rows, gold, texts, fit_rows, l2, offset)
    return _score(_word_logits(model, rows, held) + held_offset), model


def run_words(data, train, test, *, with_base: bool):
    """(b) with_base False, (c) with_base True: the test rows' labels and the choice."""
    setting, l2, pos, neg = choose_words(data, train, with_base=with_base)
    scores, _ = _fit_and_score(data, np.flatnonzero(train), np.flatnonzero(test), setting, l2)
    return _label(scores, pos, neg), (setting, l2) if with_base else l2


PROCEDURES = {
    "a": ("(a) current features (base)", run_base),
    "b": ("(b) word features alone", lambda d, tr, te: run_words(d, tr, te, with_base=False)),
    "c": ("(c) base + word features", lambda d, tr, te: run_words(d, tr, te, with_base=True)),
}


# --- figures -----------------------------------------------------------------------------


def per_class(gold, pred) -> dict:
    gold, pred = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    out = {}
    for label in LABELS:
        tp = int(((gold == label) & (pred == label)).sum())
        n_pred, n_gold = int((pred == label).sum()), int((gold == label).sum())
        out[label] = (2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0,
                      tp / n_gold if n_gold else 0.0)
    return out


def report(name, gold, pred, chosen=None) -> None:
    f1, acc = macro_f1(gold, pred)
    pc = per_class(gold, pred)
    print(f"  {name:<32} macro-F1 {f1:.3f}  acc {acc:.3f}  F1 neg {pc['negative'][0]:.3f} "
          f"neu {pc['neutral'][0]:.3f} pos {pc['positive'][0]:.3f}  pos recall "
          f"{pc['positive'][1]:.3f}" + (f"  chosen {dict(Counter(map(str, chosen)))}"
                                         if chosen else ""), flush=True)


def paired(preds: dict, gold, texts, draws: int = 2000) -> None:
    """Each procedure's macro-F1 minus (a)'s on the same rows, texts drawn with replacement
    (paired bootstrap by text): the mean difference and its 95% interval."""
    if "a" not in preds:
        return
    names = sorted(set(texts))
    index = {t: np.flatnonzero(texts == t) for t in names}
    rng = np.random.default_rng(0)
    draws_idx = [np.concatenate([index[t] for t in rng.choice(names, len(names))])
                 for _ in range(draws)]
    for key in (k for k in preds if k != "a"):
        diff = np.array([macro_f1(gold[i], preds[key][i])[0] - macro_f1(gold[i], preds["a"][i])[0]
                         for i in draws_idx])
        low, high = np.percentile(diff, [2.5, 97.5])
        print(f"    ({key}) - (a), paired bootstrap by text ({draws} draws): "
              f"{macro_f1(gold, preds[key])[0] - macro_f1(gold, preds['a'])[0]:+.3f}, "
              f"95% {low:+.3f} to {high:+.3f}, P(diff > 0) {np.mean(diff > 0):.2f}")


def outer_folds(texts, scheme: str, seed: int = 0) -> np.ndarray:
    return se.brief_folds(texts) if scheme == "loto" else se.brief_folds(texts, 10, seed=seed)


def load(views: bool = False) -> dict:
    from briefkit.corpus import load_corpus

    corpus = load_corpus(paths.sample_briefs_dir(), progress=False)
    items, texts = se.development_items(corpus)
    xb = se.feature_rows(items, se.speakers_of(texts))
    rows = [tone_words.word_hits(text, spans, found if views else None)
            for text, spans, _, found in items]
    gold = np.array([g for _, _, g, _ in items], dtype=object)
    return {"xb": xb, "rows": rows, "gold": gold, "texts": np.asarray(texts), "items": items}


def show_top(model, n: int = 12) -> None:
    for label in LABELS:
        top = ", ".join(f"{f} {w:+.2f}" for f, w in model.top(label, n))
        print(f"    {label}: {top}")


# --- the declared test on a blind batch (session 26) --------------------------------------

BATCH_POSITIONS = ("before", "after", "clause")  # the "plain" variant: these, plus plain words
SHIP_GAIN = 0.03  # (c) must beat (a) by this much macro-F1 on the batch


def batch_rows(folder: Path):
    """The batch's rows as sentiment_toward finds them for the United States: (corpus, the
    tone table, the base features, the word features of the plain variant), in one order."""
    import briefkit as bk
    from briefkit import actors

    corpus = bk.load_corpus(folder / "briefs", cache=False, progress=False)
    index = sentiment.ToneIndex(corpus)
    tone = index.tone("United States")
    row = actors.resolve_actor("United States")
    actor = str(row["actor"])
    keys, xb, rows = [], [], []
    for key, _, text, spans, views in index.sentences(row):
        keys.append((key[0], int(key[1])))
        _, hits = sentiment.target_features(text, spans, views=views, target=actor,
                                            speaker=index.speaker(key[0]))
        xb.append(sentiment.feature_vector(hits))
        rows.append(variant(tone_words.word_hits(text, spans), BATCH_POSITIONS, plain=True))
    assert keys == list(zip(tone["brief_id"], tone["sent_id"].astype(int))), "row order"
    return corpus, tone, np.array(xb), rows


def score_batch(folder: Path, base=None) -> int:
    """The test declared before any word model was scored on the batch: (a) the brief model
    as ``sentiment_eval.py --briefs-only --with-real-dev --fit-model`` fits it on every
    development row (``base``: its setting and thresholds, l2, prior scale, pos, neg; else
    chosen here leaving one text out, as that script does), (c) (a) plus the word block of
    the plain variant fitted on the same rows on top of (a)'s log-odds, its penalty and
    thresholds chosen by 5 folds by text. Both scored once on the batch's tone rows (joined
    to labels/us_sentiment.csv as blind_batch.py does): figures only, never a sentence."""
    import pandas as pd

    data = load(False)
    data["rows"] = [variant(h, BATCH_POSITIONS, plain=True) for h in data["rows"]]
    xb, gold, texts = data["xb"], data["gold"], data["texts"]
    print(f"development rows: {len(gold)} in {len(set(texts))} texts ({dict(Counter(gold))})")
    if base is None:
        setting, table = se.choose_settings(xb, gold, texts)
        base = (*setting, table[setting][1], table[setting][2])
    setting, (pos_a, neg_a) = tuple(base[:2]), base[2:]
    model_a = replace(se.fit_setting(xb, gold, setting), pos=pos_a, neg=neg_a)
    everything = np.ones(len(gold), dtype=bool)
    _, l2, pos_c, neg_c = choose_words(data, everything, with_base=True, setting=setting)
    words = _word_fit(data["rows"], gold, texts, np.arange(len(gold)), l2, _logits(model_a, xb))
    print(f"(a) setting {setting}, thresholds pos {pos_a} neg {neg_a}; (c) word penalty {l2} "
          f"(5 folds by text), thresholds pos {pos_c} neg {neg_c}, {len(words.features)} "
          f"word features")
    corpus, tone, xq, rows = batch_rows(folder)
    labels = folder / "labels"
    briefs = pd.read_csv(labels / "briefs_labelled.csv", dtype=str, keep_default_na=False)
    gold_tone = pd.read_csv(labels / "us_sentiment.csv", dtype=str, keep_default_na=False)
    gold_tone = gold_tone[gold_tone["brief_id"].isin(briefs["brief_id"])]
    pred = {"a": [model_a.label(s) for s in model_a.scores(xq)],
            "c": _label(_score(_logits(model_a, xq) + _word_logits(words, rows,
                                                                   range(len(rows)))),
                        pos_c, neg_c)}
    shipped = np.mean(np.asarray(pred["a"], dtype=object) == tone["label"].to_numpy())
    print(f"batch: {len(tone)} rows naming the United States in {tone['brief_id'].nunique()} "
          f"briefs; {len(gold_tone)} labelled rows; (a) agrees with the shipped model's "
          f"labels on {shipped:.3f} of the rows; (a) and (c) differ on "
          f"{sum(x != y for x, y in zip(pred['a'], pred['c']))} rows")
    pairs = {}
    for key, name in (("a", "(a) brief model"), ("c", "(c) (a) + plain word block")):
        pairs[key] = sentiment.label_pairs(tone.assign(label=pred[key]), gold_tone,
                                           corpus=corpus)
        ev = sentiment.evaluate_sentiment(tone.assign(label=pred[key]), gold_tone,
                                          corpus=corpus)
        print(f"  {name:<32} n {int(ev['n'])} found {int(ev['found'])}  macro-F1 "
              f"{ev['macro_f1']:.3f}  acc {ev['accuracy']:.3f}  F1 neg "
              f"{ev['f1_negative']:.3f} neu {ev['f1_neutral']:.3f} pos "
              f"{ev['f1_positive']:.3f}", flush=True)
    truth = pairs["a"]["gold_label"].to_numpy(dtype=object)
    assert (truth == pairs["c"]["gold_label"].to_numpy(dtype=object)).all()
    report("(a) again, per class", truth, pairs["a"]["label"].to_numpy(dtype=object))
    report("(c) again, per class", truth, pairs["c"]["label"].to_numpy(dtype=object))
    paired({k: p["label"].to_numpy(dtype=object) for k, p in pairs.items()}, truth,
           pairs["a"]["brief_id"].to_numpy(dtype=object))
    gain = macro_f1(truth, pairs["c"]["label"])[0] - macro_f1(truth, pairs["a"]["label"])[0]
    verdict = "ship (c)" if gain >= SHIP_GAIN else "do not ship (c)"
    print(f"declared rule: (c) - (a) on the batch {gain:+.3f} (needs >= {SHIP_GAIN:+.2f}, and "
          f"(c) not below (a) nested): {verdict}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scheme", choices=("k10", "loto"), default="k10")
    parser.add_argument("--models", default="abc")
    parser.add_argument("--seed", type=int, default=0, help="the shuffle of the k10 folds")
    parser.add_argument("--no-top", action="store_true", help="skip the top word weights")
    parser.add_argument("--positions", default=",".join(tone_words.POSITIONS),
                        help="the word positions used (comma-separated)")
    parser.add_argument("--views", action="store_true",
                        help="also the positions of the sentence's views (held, own)")
    parser.add_argument("--plain", action="store_true",
                        help="also each word without its position")
    parser.add_argument("--l2", default="", help="the word penalties to choose from")
    parser.add_argument("--no-nested", action="store_true", help="only the held-out eight")
    parser.add_argument("--write", action="store_true",
                        help="write (c)'s word weights fitted on all rows to build/tone_words.csv")
    parser.add_argument("--score-batch", type=Path, metavar="FOLDER",
                        help="the declared test: (a) and (c) plain, fitted on all "
                             "development rows, scored once on a batch's tone rows")
    parser.add_argument("--base", default="",
                        help="with --score-batch: (a)'s l2,prior scale,pos,neg (as "
                             "sentiment_eval --fit-model chose them)")
    args = parser.parse_args(argv)
    if args.score_batch:
        base = tuple(map(float, args.base.split(","))) if args.base else None
        return score_batch(args.score_batch, base)
    started = time.perf_counter()
    global WORD_L2
    WORD_L2 = tuple(map(float, args.l2.split(","))) if args.l2 else WORD_L2
    data = load(args.views)
    data["rows"] = [variant(h, tuple(args.positions.split(",")), args.plain)
                    for h in data["rows"]]
    print(f"word positions {args.positions}, views {args.views}, plain {args.plain}, "
          f"penalties {WORD_L2}")
    gold, texts = data["gold"], data["texts"]
    vocab = tone_words.vocabulary(data["rows"], texts, min_groups=MIN_TEXTS)
    print(f"{len(gold)} development rows in {len(set(texts))} texts "
          f"({dict(Counter(gold))}); word features in {MIN_TEXTS}+ texts: {len(vocab)} "
          f"({time.perf_counter() - started:.0f} s)")
    held = np.array([t.startswith(HELD_OUT) for t in texts])
    nested, eight = {}, {}
    print(f"held-out eight: {held.sum()} rows in {len(set(texts[held]))} briefs "
          f"({dict(Counter(gold[held]))})")
    if not args.no_nested:
        folds = outer_folds(texts, args.scheme, args.seed)
        print(f"nested, outer {args.scheme} ({len(set(folds))} folds by text, seed "
              f"{args.seed}), inner "
              f"{se.INNER_FOLDS} folds by text:")
        for key in args.models:
            name, run = PROCEDURES[key]
            pred = np.empty(len(gold), dtype=object)
            chosen = []
            for k in sorted(set(folds)):
                test = folds == k
                pred[test], choice = run(data, ~test, test)
                chosen.append(choice)
            report(name, gold, pred, chosen)
            nested[key] = pred
            print(f"    ({time.perf_counter() - started:.0f} s)", flush=True)
        paired(nested, gold, texts)
    print("held-out eight (fit on every other development row):")
    for key in args.models:
        name, run = PROCEDURES[key]
        pred, choice = run(data, ~held, held)
        eight[key] = np.asarray(pred, dtype=object)
        report(name, gold[held], eight[key], [choice])
    paired(eight, gold[held], texts[held])
    if args.no_top:
        return 0
    everything = np.ones(len(gold), dtype=bool)
    idx = np.flatnonzero(everything)
    print("top word weights (lift of a label's weight over the others' mean), fitted on all "
          "development rows, penalty chosen there by 5 folds by text:")
    _, l2_b, _, _ = choose_words(data, everything, with_base=False)
    print(f"  (b) words alone, l2 {l2_b}:")
    show_top(_fit_and_score(data, idx, idx[:1], None, l2_b)[1])
    setting, l2, _, _ = choose_words(data, everything, with_base=True)
    model_c = _fit_and_score(data, idx, idx[:1], setting, l2)[1]
    print(f"  (c) words on top of the base model {setting}, l2 {l2}:")
    show_top(model_c)
    if args.write:
        path = Path(__file__).resolve().parents[1] / "build" / "tone_words.csv"
        path.parent.mkdir(exist_ok=True)
        with open(path, "w") as out:
            out.write("feature,label,weight\n")
            for j, feature in enumerate(model_c.features):
                for k, label in enumerate(LABELS):
                    out.write(f"{feature},{label},{model_c.weights[k, j]:.4f}\n")
            for k, label in enumerate(LABELS):
                out.write(f"(bias),{label},{model_c.bias[k]:.4f}\n")
        print(f"  weights written to {path}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
