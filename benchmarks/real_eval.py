"""briefkit on real texts: claims and tone toward the United States against the hand labels
of ``data/annotations/real``.

The real texts stay in ``../shared/corpora`` (the label files name sentences by digest;
see ``data/annotations/real/README.md``). None of briefkit's rules, lexicon or weights was
written on these texts, and they were labelled blind to briefkit's output, so these are the
figures that say how the methods carry to texts the project did not write.

Prints, pooled over the corpora and per corpus:

- reported claims (holder and cue both right; holder accuracy over the claims found with
  the right cue), for the briefs labelled for claims;
- tone toward the United States: plain VADER, the fitted model (``method='model'``) and
  the rules with the brief settings (``method='rules'``), macro-F1, accuracy and holder
  accuracy, the F1 of each label and holder accuracy.

``data/annotations/real-dev`` (``--dev``) holds labels on other texts of the same sources,
for developing methods: ``--dev --show-errors`` lists its mismatches. The test labels'
mismatches are not printed.

Usage:  python benchmarks/real_eval.py [--dev [--show-errors]] [--claims-only | --tone-only]
Skips (exit 0, with a message) when the labels or ``../shared`` are not there.
"""

from __future__ import annotations

import argparse

import pandas as pd

from briefkit import sentiment
from briefkit.evaluation import evaluate_real_claims


def show_tone_errors(split: str) -> None:
    """The real development sentences whose label (or holder) the default method gets
    wrong, with its evidence."""
    from briefkit.evaluation import read_real_labels

    real = read_real_labels("us_sentiment", split=split)
    real.pop("briefs")
    for name, (corpus, gold) in real.items():
        tone = sentiment.sentiment_toward(corpus, "United States")
        pairs = sentiment.label_pairs(tone, gold, corpus=corpus)
        evidence = tone.set_index(["brief_id", "sent_id"])["evidence"]
        for r in pairs[~(pairs["label_ok"] & pairs["holder_ok"])].itertuples():
            print(f"\n[{name}] {r.brief_id} {r.sent_id}: gold {r.gold_label} "
                  f"({r.gold_holder}), found {r.label} ({r.holder})\n  {r.sentence}\n  "
                  f"evidence: {evidence.get((r.brief_id, r.sent_id), '')}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims-only", action="store_true")
    parser.add_argument("--tone-only", action="store_true")
    parser.add_argument("--dev", action="store_true",
                        help="the real development labels (data/annotations/real-dev)")
    parser.add_argument("--show-errors", action="store_true",
                        help="list the mismatches (with --dev only: the test labels are "
                             "for measuring)")
    args = parser.parse_args(argv)
    if args.show_errors and not args.dev:
        parser.error("--show-errors lists the development labels' errors only: add --dev")
    split = "dev" if args.dev else "test"
    pd.set_option("display.width", 120)
    if not args.tone_only:
        result = evaluate_real_claims(split=split)
        if result is None:
            print("Real-text claim labels or ../shared not found; skipped.")
        else:
            table, errors = result
            print("Reported claims on real texts (holder and cue both right)")
            print(table.round(3).to_string())
            for kind, key, row in errors if args.show_errors else []:
                print(f"  {kind:<6} {key}  holder={row.get('holder')!r} cue={row.get('cue')!r}")
    if not args.claims_only:
        table = sentiment.evaluate_real_tone(split=split)
        if table is None:
            print("Real-text tone labels or ../shared not found; skipped.")
        else:
            print("\nTone toward the United States on real texts (genre='brief')")
            print(table.round(3).to_string())
            if args.show_errors:
                show_tone_errors(split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
