"""Claim extraction against the hand labels, the seed brief's listed claims, and timing.

Prints, for the labelled sample briefs (``data/annotations``):

- reported claims: precision, recall and F1 where a found claim counts only when its holder
  and its cue are both right (same sentence); the holder accuracy on the claims found with
  the right cue; and a looser figure at the level of the holder's country;
- estimative terms: precision, recall and F1 of the terms found (same sentence, same term),
  and how often the voice (author or holder) is right;

then, on the real seed brief in ``../shared/corpora/seed-brief`` (when present), each
reported claim issue 4 lists with the holder country found; then the time to extract the
claims of the sample corpus (mentions included, corpus loading excluded).

Usage:  python benchmarks/claims_eval.py [--show-errors] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import pandas as pd

import briefkit as bk
from briefkit import claims as bc
from briefkit.paths import shared_dir

# The claims issue 4 lists from the seed brief: (words near the cue, cue, holder country).
SEED_CLAIMS = [
    ("Putin asserts that", "assert", {"Russia"}),
    ("what he says are", "say", {"Russia"}),
    ("U.S. officials assert that", "assert", {"United States"}),
    ("Both have asserted that", "assert", {"Russia", "Iran"}),
    ("Russia insists that", "insist", {"Russia"}),
    ("which Russia sees as", "see", {"Russia"}),
    ("what it sees as", "see", {"Iran"}),
    ("do not dismiss this argument", "dismiss", set()),
    ("maintaining that", "maintain", set()),
    ("commanders—all of whom", "argue", {"Iraq"}),
    ("Russia has also announced that", "announce", {"Russia"}),
    ("Iran, on the other hand, does not trust", "trust", {"Iran"}),
    ("rejects the argument that", "reject", {"Russia"}),
    ("Putin has consistently questioned why", "question", {"Russia"}),
]


def _countries(values: pd.Series) -> pd.Series:
    return values.map(lambda v: [c for c in str(v).split("|") if c])


def check_seed() -> pd.DataFrame | None:
    shared = shared_dir()
    if shared is None or not (shared / "corpora" / "seed-brief").is_dir():
        return None
    corpus = bk.load_corpus(shared / "corpora" / "seed-brief", cache=False, progress=False)
    claims = bc.extract_claims(corpus)
    text = corpus.briefs["text"].iloc[0]
    rows = []
    for words, cue, countries in SEED_CLAIMS:
        at = text.find(words)
        hit = claims[(claims["kind"] == "reported") & (claims["cue"] == cue)
                     & (claims["start"] <= at + len(words)) & (claims["end"] >= at)]
        got = [(h, c) for h, c in zip(hit["holder"], hit["holder_country"])]
        found = any(set(filter(None, c.split("|"))) == countries for _, c in got)
        rows.append({"claim": words, "cue": cue, "expected country": "|".join(sorted(countries)) or "(none)",
                     "found holder": "; ".join(h for h, _ in got) or "-",
                     "found country": "; ".join(c or "(none)" for _, c in got) or "-",
                     "right": found})
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--corpus", default=None, help="corpus to time (default: the sample)")
    args = parser.parse_args()
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 80)

    corpus = bk.load_corpus(args.corpus or bk.sample_path(), progress=False)
    t0 = time.perf_counter()
    claims = bc.extract_claims(corpus)
    first = time.perf_counter() - t0
    walls, cpus = [], []
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        claims = bc.extract_claims(corpus)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    n_sent = len(corpus.sentences)
    print(f"Timing: {len(corpus)} briefs, {n_sent} sentences, mentions included: {first:.2f} s "
          f"the first run (gazetteer built), then best of 3: {min(walls):.2f} s wall, "
          f"{min(cpus):.2f} s CPU ({1e6 * min(cpus) / max(n_sent, 1):.0f} µs CPU a sentence; "
          f"3,000 briefs of this size would take about "
          f"{min(cpus) * 3000 / max(len(corpus), 1):.0f} s CPU)")
    print("Claims:", dict(Counter(claims["kind"])))

    gold_claims = bc.read_annotations("claims")
    gold_terms = bc.read_annotations("estimative")
    if gold_claims is None or gold_terms is None:
        print("\nNo hand labels in data/annotations: evaluation skipped.")
    else:
        print(f"\nAgainst the hand labels ({gold_claims['brief_id'].nunique()} briefs)")
        print(bc.evaluate_claims(corpus, claims).round(3).to_string())
        rep, rep_err = bc.compare_to_labels(claims, corpus, gold_claims, task="reported")
        found = claims[claims["kind"] == "reported"]
        both = gold_claims.assign(c=_countries(gold_claims["holder_country"]))
        print(f"reported claims: {rep['right']} of {rep['labelled']} labelled found with holder"
              f" and cue; {len(found)} found in all briefs; joint holders labelled: "
              f"{int((both['c'].str.len() > 1).sum())}")
        if args.show_errors:
            _, est_err = bc.compare_to_labels(claims, corpus, gold_terms, task="estimative")
            for kind, key, row in rep_err:
                print(kind, key, "|", row.get("holder_text"), "|", row.get("holder"), "|",
                      row.get("cue"), "|", str(row.get("content"))[:90], "||",
                      str(row.get("sentence", ""))[:160])
            for kind, key, row in est_err:
                print(kind, key, "|", row.get("term") or row.get("estimative_term"), "|",
                      str(row.get("sentence") or row.get("content"))[:160])

    seed = check_seed()
    if seed is None:
        print("\nSeed brief not found (../shared): seed checks skipped.")
    else:
        print(f"\nSeed brief: {int(seed['right'].sum())} of {len(seed)} listed claims found "
              "with the right holder country")
        print(seed.to_string(index=False))


if __name__ == "__main__":
    main()
