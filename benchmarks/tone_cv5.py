"""The tone model's quick held-out figure on the joined development labels: nested 5-fold
cross-validation by text, over several shuffles of the folds.

Each text (a sample dev brief or a real dev text) falls in one of five folds; the model's
setting (l2, prior scale) and thresholds are chosen inside the four training folds, as
``sentiment_eval.py --spread`` does for leave-one-text-out, and the fifth is predicted. The
leave-one-text-out nesting of ``sentiment_eval.py --with-real-dev`` takes tens of minutes;
this takes under a minute a shuffle, so it can decide whether a change to the tone features is
kept: compare the mean over shuffles before and after, on the same machine and labels.

Also printed: the rules' macro-F1 per development set, and for each shuffle the model's
figures and confusion matrix (gold rows, predicted columns) per set.

    .venv/bin/python benchmarks/tone_cv5.py              # 5 shuffles
    .venv/bin/python benchmarks/tone_cv5.py --shuffles 2

Needs ``../shared`` for the real development texts (``BRIEFKIT_SHARED``). The fits are
small: numpy's linear algebra runs on one thread (``OMP_NUM_THREADS=1`` unless set), which
on a busy two-core machine is many times faster than its default threading, and can move a
figure in its third decimal: compare runs made with the same setting.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from collections import Counter
from pathlib import Path

for _threads in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_threads, "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def _beside(name: str):
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shuffles", type=int, default=5)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)

    se = _beside("sentiment_eval")
    from briefkit import paths, sentiment
    from briefkit.corpus import load_corpus

    corpus = load_corpus(paths.sample_briefs_dir(), progress=False)
    items, briefs = se.load_briefs(corpus, "dev")
    real_items, real_texts = se.load_real_dev()
    all_items, texts = items + real_items, briefs + real_texts
    gold = np.array([g for _, _, g, _ in all_items], dtype=object)
    real = np.array([t in set(real_texts) for t in texts])
    parts = (("sample dev", ~real), ("real dev", real), ("joined", np.ones_like(real)))

    def confusion(g, p) -> str:
        table = pd.crosstab(pd.Series(g, name="gold"), pd.Series(p, name="predicted"))
        return table.reindex(index=se.LABELS, columns=se.LABELS, fill_value=0).to_string()

    print(f"{len(all_items)} labelled rows in {len(set(texts))} texts "
          f"({len(items)} sample dev, {len(real_items)} real dev)")
    rules = np.array(se.briefkit_labels(all_items, genre="brief",
                                        params=sentiment.BRIEF_PARAMS), dtype=object)
    for name, part in parts:
        f1, acc = se.macro_f1(gold[part], rules[part])
        print(f"rules, {name}: macro-F1 {f1:.3f}  accuracy {acc:.3f}")

    x = se.feature_rows(all_items, se.speakers_of(texts))
    scores = []
    for r in range(args.shuffles):
        started = time.time()
        outer = se.brief_folds(texts, args.folds, seed=100 + r)
        pred, chosen = se.nested_predictions(x, gold, texts, outer)
        f1, acc = se.macro_f1(gold, pred)
        scores.append(f1)
        print(f"model, nested {args.folds}-fold by text, shuffle {r}: joined macro-F1 {f1:.3f} "
              f"accuracy {acc:.3f} ({time.time() - started:.0f} s; settings chosen "
              f"{dict(Counter(chosen))})")
        for name, part in parts[:2]:
            f1p, accp = se.macro_f1(gold[part], pred[part])
            print(f"  {name}: macro-F1 {f1p:.3f}  accuracy {accp:.3f}")
            print("    " + confusion(gold[part], pred[part]).replace("\n", "\n    "))
    print(f"mean over {args.shuffles} shuffles: joined nested macro-F1 {np.mean(scores):.3f} "
          f"(sd {np.std(scores):.3f})")


if __name__ == "__main__":
    main()
