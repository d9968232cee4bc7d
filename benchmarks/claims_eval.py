"""Claim extraction against the hand labels, the seed brief's listed claims, and timing.

Prints, for the labelled sample briefs:

- the development set (``data/annotations/dev``, 23 briefs; estimative terms labelled in 8
  of them), on which the rules are developed and tuned, and the test set
  (``data/annotations``, 16 other briefs), on which they are only measured;
- for each: reported claims (precision, recall and F1, a found claim counting only when
  its holder and its cue are both right, same sentence; the holder accuracy on the claims
  found with the right cue) and estimative terms (same sentence, same term; how often the
  voice, author or holder, is right);

then, on the real seed brief in ``../shared/corpora/seed-brief`` (when present), each
reported claim issue 4 lists with the holder country found; then the time to extract the
claims of the sample corpus (mentions included, and with the mentions found before).

``--show-errors`` lists the mismatches of the development set only: the test labels are
for measuring, not for reading while rules are written. ``--dev-only`` prints nothing about
the test set, for working on the rules without seeing the held-out figures.

After the figures, a breakdown of the development set's reported claims by the family of
the rule that found them (``claims._claims_with_rules``): found, right (holder and cue) and
precision per family. A family of low precision on the development set is the first
suspect of fitting one annotator's phrasing rather than the labelling guideline.

Usage:  python benchmarks/claims_eval.py [--dev-only] [--show-errors] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter

import pandas as pd

import briefkit as bk
from briefkit import claims as bc
from briefkit.actors import find_mentions
from briefkit.paths import annotations_dir, shared_dir

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
# The figures first reported for this extractor, measured on the test labels while its rules
# were being written against those same labels: not a held-out measure.
EARLIER_ON_TEST = {"reported P": 0.817, "reported R": 0.695, "reported F1": 0.751,
                   "holder accuracy": 0.884, "terms P": 0.961, "terms R": 0.967}


def label_sets() -> dict:
    """{'development': folder, 'test': folder} for the label sets that exist."""
    try:
        test = annotations_dir()
    except FileNotFoundError:
        return {}
    sets = {"development": test / "dev", "test": test}
    return {name: folder for name, folder in sets.items()
            if (folder / "claims.csv").is_file() and (folder / "estimative.csv").is_file()}


def measure(corpus, claims, folder) -> pd.DataFrame:
    """The evaluation table of one label set, with the number of briefs it covers."""
    table = bc.evaluate_claims(corpus, claims, annotations=folder)
    briefs = bc.read_annotations("claims", folder=folder)["brief_id"].nunique()
    return table.assign(briefs=briefs)


def print_figures(corpus, claims, *, dev_only: bool = False) -> None:
    sets = label_sets()
    if dev_only:
        sets = {name: folder for name, folder in sets.items() if name == "development"}
    if not sets:
        print("\nNo hand labels in data/annotations: evaluation skipped.")
        return
    for name, folder in sets.items():
        print(f"\nAgainst the {name} labels ({folder}):")
        print(measure(corpus, claims, folder).round(3).to_string())
    if dev_only:
        return
    earlier = ", ".join(f"{k} {v:.3f}" for k, v in EARLIER_ON_TEST.items())
    print("\nNote: the figures first reported for this extractor on the test labels "
          f"({earlier}) were obtained while its rules were developed against those same test "
          "labels, so they overstate its quality. Rules are now developed on the development "
          "set only; the test figures above are the held-out measure.")


def print_errors(corpus, claims) -> None:
    folder = label_sets().get("development")
    if folder is None:
        return
    for task in ("reported", "estimative"):
        gold = bc.read_annotations("claims" if task == "reported" else "estimative",
                                   folder=folder)
        _, errors = bc.compare_to_labels(claims, corpus, gold, task=task)
        print(f"\nDevelopment set, {task}: {len(errors)} mismatches")
        for kind, key, row in errors:
            what = row.get("term") or row.get("estimative_term") or row.get("cue")
            rule = f" [{row['_rule']}]" if row.get("_rule") else ""
            print(f"{kind:6} {key}{rule} | {row.get('holder_text')} -> {row.get('holder')} | "
                  f"{what} | {str(row.get('sentence') or row.get('content'))[:140]}")


def rule_families(corpus, claims) -> pd.DataFrame | None:
    """The development set's reported claims by rule family (``claims`` from
    ``claims._claims_with_rules``, with its ``_rule`` column): found, right (holder and cue,
    as in the figures), holder wrong (a label of the same cue in the sentence, another
    holder), precision; the families in order of found, with a total row."""
    folder = label_sets().get("development")
    if folder is None or "_rule" not in claims:
        return None
    gold = bc.read_annotations("claims", folder=folder)
    _, errors = bc.compare_to_labels(claims, corpus, gold, task="reported")
    found = claims[(claims["kind"] == "reported") & claims["brief_id"].isin(set(gold["brief_id"]))]
    wrong = Counter(row["_rule"] for kind, _, row in errors if kind == "wrong")
    missed_cues = Counter((key, row["cue"]) for kind, key, row in errors if kind == "missed")
    holder_wrong = Counter(row["_rule"] for kind, key, row in errors
                           if kind == "wrong" and missed_cues[(key, row["cue"])])
    rows = [{"family": rule, "found": n, "right": n - wrong[rule],
             "holder wrong": holder_wrong[rule], "precision": (n - wrong[rule]) / n}
            for rule, n in Counter(found["_rule"]).most_common()]
    total = len(found)
    rows.append({"family": "(all)", "found": total, "right": total - sum(wrong.values()),
                 "holder wrong": sum(holder_wrong.values()),
                 "precision": (total - sum(wrong.values())) / total if total else float("nan")})
    return pd.DataFrame(rows).round(3)


def check_seed() -> pd.DataFrame | None:
    shared = shared_dir()
    if shared is None or not (shared / "corpora" / "seed-brief").is_dir():
        return None
    corpus = bk.load_corpus(shared / "corpora" / "seed-brief", cache=False, progress=False)
    claims = bc.extract_claims(corpus)
    text = corpus.briefs["text"].iloc[0]
    return pd.DataFrame([_seed_row(claims, text, *listed) for listed in SEED_CLAIMS])


def _seed_row(claims, text: str, words: str, cue: str, countries: set) -> dict:
    at = text.find(words)
    hit = claims[(claims["kind"] == "reported") & (claims["cue"] == cue)
                 & (claims["start"] <= at + len(words)) & (claims["end"] >= at)]
    got = list(zip(hit["holder"], hit["holder_country"]))
    return {"claim": words, "cue": cue,
            "expected country": "|".join(sorted(countries)) or "(none)",
            "found holder": "; ".join(h for h, _ in got) or "-",
            "found country": "; ".join(c or "(none)" for _, c in got) or "-",
            "right": any(set(filter(None, c.split("|"))) == countries for _, c in got)}


def time_extraction(corpus) -> pd.DataFrame:
    """Best of three, wall and CPU, with the mentions found inside and found before. The
    table cache is off (``BRIEFKIT_NO_CACHE``): every run computes its tables."""
    mentions = find_mentions(corpus)
    rows = []
    saved = os.environ.get("BRIEFKIT_NO_CACHE")
    os.environ["BRIEFKIT_NO_CACHE"] = "1"
    try:
        for label, kwargs in (("mentions included", {}),
                              ("mentions given", {"mentions": mentions})):
            walls, cpus = [], []
            for _ in range(3):
                t0, c0 = time.perf_counter(), time.process_time()
                claims = bc.extract_claims(corpus, **kwargs)
                walls.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
            rows.append(_timing_row(label, walls, cpus, corpus))
    finally:
        if saved is None:
            os.environ.pop("BRIEFKIT_NO_CACHE", None)
        else:
            os.environ["BRIEFKIT_NO_CACHE"] = saved
    print(f"Claims: {dict(Counter(claims['kind']))}")
    return pd.DataFrame(rows).round(2)


def _timing_row(label: str, walls: list, cpus: list, corpus) -> dict:
    return {"run": label, "wall s": min(walls), "CPU s": min(cpus),
            "µs CPU a sentence": 1e6 * min(cpus) / max(len(corpus.sentences), 1),
            "3,000 such briefs, CPU s": min(cpus) * 3000 / max(len(corpus), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true",
                        help="list the development set's mismatches")
    parser.add_argument("--dev-only", action="store_true",
                        help="measure on the development labels only; print nothing of test")
    parser.add_argument("--corpus", default=None, help="corpus to time (default: the sample)")
    args = parser.parse_args()
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 80)

    sample = bk.load_corpus(bk.sample_path(), progress=False)
    timed = sample if args.corpus is None else bk.load_corpus(args.corpus, progress=False)
    print(f"Timing on {len(timed)} briefs, {len(timed.sentences)} sentences:")
    print(time_extraction(timed).to_string(index=False))

    claims = bc._claims_with_rules(sample)
    print_figures(sample, claims, dev_only=args.dev_only)
    families = rule_families(sample, claims)
    if families is not None:
        print("\nDevelopment set, reported claims by rule family (right: holder and cue; "
              "holder wrong: the sentence has a label of that cue with another holder):")
        print(families.to_string(index=False))
    if args.show_errors:
        print_errors(sample, claims)

    seed = check_seed()
    if seed is None:
        print("\nSeed brief not found (../shared): seed checks skipped.")
    else:
        print(f"\nSeed brief: {int(seed['right'].sum())} of {len(seed)} listed claims found "
              "with the right holder country")
        print(seed.to_string(index=False))


if __name__ == "__main__":
    main()
