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
  accuracy, and the confusion table of the ``genre='brief'`` default.

Usage:  python benchmarks/real_eval.py [--claims-only | --tone-only] [--show-errors]
Skips (exit 0, with a message) when the labels or ``../shared`` are not there.
"""

from __future__ import annotations

import argparse

import pandas as pd

from briefkit import sentiment
from briefkit.claims import extract_claims
from briefkit.evaluation import _figures, compare_to_labels, read_real_labels


def claims_figures(show_errors: bool = False) -> pd.DataFrame | None:
    real = read_real_labels("claims")
    if real is None:
        return None
    briefs = real.pop("briefs")
    rows, totals, errors = {}, {"right": 0, "found": 0, "labelled": 0}, []
    agree = by_cue = 0
    for name, (corpus, gold) in real.items():
        labelled = set(briefs.loc[(briefs["corpus"] == name)
                                  & briefs["tasks"].str.contains("claims"), "brief_id"])
        if not labelled:
            continue
        figures, misses = compare_to_labels(extract_claims(corpus), corpus, gold,
                                            task="reported", briefs=labelled)
        rows[name] = figures
        errors += misses
        for k in totals:
            totals[k] += figures[k]
        # holder accuracy pools as a ratio of counts, not a mean of ratios
        cue_right = figures["cue right"]
        by_cue += cue_right
        agree += round(figures["holder accuracy"] * cue_right) if cue_right else 0
    pooled = _figures(totals["right"], totals["found"], totals["labelled"])
    pooled["holder accuracy"] = agree / by_cue if by_cue else float("nan")
    rows = {"all real texts": pooled, **rows}
    if show_errors:
        for kind, key, row in errors:
            print(f"  {kind:<6} {key}  holder={row.get('holder')!r} cue={row.get('cue')!r}")
    return pd.DataFrame(rows).T[["labelled", "found", "right", "precision", "recall", "F1",
                                 "holder accuracy"]]


def tone_figures() -> tuple[pd.DataFrame, pd.DataFrame] | None:
    real = read_real_labels("us_sentiment")
    if real is None:
        return None
    real.pop("briefs")
    pairs: dict[str, list] = {"plain VADER": [], "model": [], "rules": []}
    for name, (corpus, gold) in real.items():
        if gold.empty:
            continue
        model = sentiment.sentiment_toward(corpus, "United States", params=None)
        rules = sentiment.sentiment_toward(corpus, "United States",
                                           params=sentiment.BRIEF_PARAMS)
        for method, tone in (("plain VADER", sentiment.vader_toward(model, corpus)),
                             ("model", model), ("rules", rules)):
            p = sentiment.label_pairs(tone, gold, corpus=corpus)
            pairs[method].append(p.assign(corpus=name))
    rows = {}
    for method, parts in pairs.items():
        both = pd.concat(parts, ignore_index=True)
        for where, p in [("all real texts", both), *both.groupby("corpus")]:
            f1, acc = sentiment.macro_f1(p["gold_label"], p["label"])
            rows[(where, method)] = {"n": len(p), "found": int(p["found"].sum()),
                                     "macro-F1": f1, "accuracy": acc,
                                     "holder accuracy": p["holder_ok"].mean()}
    table = pd.DataFrame(rows).T.sort_index(level=0, sort_remaining=False)
    default = sentiment.GENRE_METHODS["brief"]
    both = pd.concat(pairs[default], ignore_index=True)
    confusion = pd.crosstab(both["gold_label"], both["label"]).reindex(
        index=list(sentiment.LABELS), columns=list(sentiment.LABELS), fill_value=0)
    return table, confusion.rename_axis(index="gold", columns=f"predicted ({default})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims-only", action="store_true")
    parser.add_argument("--tone-only", action="store_true")
    parser.add_argument("--show-errors", action="store_true",
                        help="list the claims mismatches (not while writing rules)")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 120)
    if not args.tone_only:
        table = claims_figures(args.show_errors)
        if table is None:
            print("Real-text claim labels or ../shared not found; skipped.")
        else:
            print("Reported claims on real texts (holder and cue both right)")
            print(table.round(3).to_string())
    if not args.claims_only:
        result = tone_figures()
        if result is None:
            print("Real-text tone labels or ../shared not found; skipped.")
        else:
            table, confusion = result
            print("\nTone toward the United States on real texts")
            print(table.round(3).to_string())
            print(confusion.to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
