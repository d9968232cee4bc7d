"""Where the holder of briefkit's tone rows toward the United States is wrong, on the
development labels (``data/annotations/dev`` and ``data/annotations/real-dev``), grouped
by cause.

The holder is the one ``sentiment_toward(corpus, "United States")`` gives (column
``holder``), scored as ``evaluate_sentiment``'s ``holder_accuracy`` scores it (the set of
names, case-folded). Causes, tried in this order:

- ``author for holder``: the label gives a holder who reports the view, briefkit the author;
- ``holder for author``: the label gives the author, briefkit a holder (a view inside the
  author's judgment, a predicted view, an act read as a view, ...);
- ``US speaker``: one of the two holders speaks for the United States (the target's own
  voice, which gives way to others' views and to the author's unless it speaks);
- ``nested views``: both holders hold views in the sentence, one inside the other's
  content (the reporter for the reported, or the reverse);
- ``wrong actor``: any other holder for another.

Usage:  python benchmarks/tone_holders.py [--show] [--sample-only | --real-only]
Only the development labels: the test labels are for measuring.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from briefkit import paths, sentiment
from briefkit.sentiment import AUTHOR, ToneIndex, _names

TARGET = "United States"
CAUSES = ("author for holder", "holder for author", "US speaker", "nested views", "wrong actor")


def _speaks_for_us(holder: str, country: str) -> bool:
    return TARGET.casefold() in _names(country) or TARGET.casefold() in _names(holder)


def _nested(views, gold: str, found: str) -> bool:
    """Whether a view of one holder lies in the content of a view of the other."""
    gold, found = _names(gold), _names(found)
    def held(names):
        return [v for v in views if _names(v.holder) & names]
    for outer_set, inner_set in ((held(gold), held(found)), (held(found), held(gold))):
        for outer in outer_set:
            for inner in inner_set:
                if inner is not outer and \
                        outer.content_span[0] <= inner.cue_span[0] < outer.content_span[1]:
                    return True
    return False


def cause_of(r, views) -> str:
    gold_author = _names(r.gold_holder) == {AUTHOR}
    found_author = _names(r.holder) == {AUTHOR}
    if found_author:
        return "author for holder"
    if gold_author:
        return "holder for author"
    if _speaks_for_us(r.gold_holder, r.gold_holder_country) or \
            _speaks_for_us(r.holder, r.holder_country):
        return "US speaker"
    if _nested(views, r.gold_holder, r.holder):
        return "nested views"
    return "wrong actor"


def mismatches(name: str, corpus, gold) -> tuple[int, list[tuple]]:
    """(labelled rows, [(cause, row, views)]) for one corpus and its labels."""
    index = ToneIndex(corpus)
    tone = index.tone(TARGET)
    pairs = sentiment.label_pairs(tone, gold, corpus=corpus)
    out = []
    for r in pairs[~pairs["holder_ok"]].itertuples():
        views = index.views((r.brief_id, int(r.sent_id))) if r.sent_id >= 0 else ()
        out.append((cause_of(r, views), r, views))
    return len(pairs), out


def development_sets(sample: bool = True, real: bool = True):
    if sample:
        from briefkit.corpus import load_corpus

        corpus = load_corpus(paths.sample_briefs_dir(), progress=False)
        labels = sentiment.read_sentiment_labels("dev")
        yield "sample dev", corpus, labels
    if real:
        from briefkit.evaluation import read_real_labels

        found = read_real_labels("us_sentiment", split="dev")
        if found is None:
            print("real-dev labels or ../shared not found; skipped")
            return
        found.pop("briefs")
        for name, (corpus, gold) in found.items():
            if not gold.empty:
                yield f"real-dev {name}", corpus, gold


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the mismatches")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--sample-only", action="store_true")
    only.add_argument("--real-only", action="store_true")
    args = parser.parse_args(argv)
    totals: Counter = Counter()
    n_all = wrong_all = 0
    listed = []
    for name, corpus, gold in development_sets(not args.real_only, not args.sample_only):
        n, found = mismatches(name, corpus, gold)
        counts = Counter(c for c, _, _ in found)
        totals.update(counts)
        n_all, wrong_all = n_all + n, wrong_all + len(found)
        print(f"{name:<28} {n:4d} rows  holder right {1 - len(found) / n:.3f}  "
              + "  ".join(f"{c}: {counts[c]}" for c in CAUSES))
        listed += [(name, *f) for f in found]
    if n_all:
        print(f"{'all development rows':<28} {n_all:4d} rows  holder right "
              f"{1 - wrong_all / n_all:.3f}  "
              + "  ".join(f"{c}: {totals[c]}" for c in CAUSES))
    if args.show:
        for cause in CAUSES:
            rows = [x for x in listed if x[1] == cause]
            if rows:
                print(f"\n=== {cause} ({len(rows)})")
            for name, _, r, views in rows:
                print(f"\n[{name}] {r.brief_id} {r.sent_id}: gold {r.gold_holder!r} "
                      f"({r.gold_holder_country}), found {r.holder!r} ({r.holder_country})"
                      f"\n  {r.sentence}")
                for v in views:
                    print(f"    view: {v.holder!r} {v.cue!r} content "
                          f"{r.sentence[v.content_span[0]:v.content_span[1]][:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
