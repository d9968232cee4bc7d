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


def read_labels(name: str) -> pd.DataFrame | None:
    """A label file: ``data/annotations/<name>.csv``, else the annotators' parts joined."""
    folder = annotations_dir()
    whole = folder / f"{name}.csv"
    files = [whole] if whole.is_file() else sorted((folder / "parts").glob(f"*-{name}.csv"))
    if not files:
        return None
    return pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files],
                     ignore_index=True)


def _split(value) -> frozenset:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return frozenset()
    return frozenset(v.strip().lower() for v in str(value).split("|") if v.strip())


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else float("nan")
    r = tp / n_gold if n_gold else float("nan")
    f = 2 * p * r / (p + r) if p and r else 0.0
    return p, r, f


def _sentence_keys(corpus) -> dict:
    """(brief_id, sentence text) -> sent_id."""
    s = corpus.sentences
    return {(b, t.strip()): i for b, t, i in zip(s["brief_id"], s["text"], s["sent_id"])}


def _match(gold_rows: list[dict], pred_rows: list[dict], same) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of predictions to gold rows within one sentence."""
    used, pairs = set(), []
    for pi, p in enumerate(pred_rows):
        for gi, g in enumerate(gold_rows):
            if gi not in used and same(g, p):
                used.add(gi)
                pairs.append((gi, pi))
                break
    return pairs


def evaluate_reported(claims: pd.DataFrame, gold: pd.DataFrame, corpus, *, show: bool = False):
    keys = _sentence_keys(corpus)
    labelled = set(gold["brief_id"])
    gold = gold.assign(sent_id=[keys.get((b, t.strip()), -1)
                                for b, t in zip(gold["brief_id"], gold["sentence"])])
    missing = int((gold["sent_id"] < 0).sum())
    pred = claims[(claims["kind"] == "reported") & claims["brief_id"].isin(labelled)]
    by_sent_g = {k: g.to_dict("records") for k, g in gold.groupby(["brief_id", "sent_id"])}
    by_sent_p = {k: g.to_dict("records") for k, g in pred.groupby(["brief_id", "sent_id"])}
    full = holder_ok = country_ok = cue_found = 0
    neg_ok = 0
    errors = []

    def holder_same(g, p):
        return bool(_split(g["holder"]) == _split(p["holder"]) or (
            _split(g["holder_country"]) and _split(g["holder_country"]) == _split(p["holder_country"])
            and _split(g["holder"]) == _split(p["holder_country"])))

    for key in set(by_sent_g) | set(by_sent_p):
        g_rows, p_rows = by_sent_g.get(key, []), by_sent_p.get(key, [])
        both = _match(g_rows, p_rows, lambda g, p: g["cue"] == p["cue"] and holder_same(g, p))
        full += len(both)
        neg_ok += sum(str(g_rows[gi]["negated"]).lower() == str(p_rows[pi]["negated"]).lower()
                      for gi, pi in both)
        cue = _match(g_rows, p_rows, lambda g, p: g["cue"] == p["cue"])
        cue_found += len(cue)
        holder_ok += sum(holder_same(g_rows[gi], p_rows[pi]) for gi, pi in cue)
        country_ok += sum(_split(g_rows[gi]["holder_country"]) == _split(p_rows[pi]["holder_country"])
                          for gi, pi in cue)
        if show:
            mg = {gi for gi, _ in both}
            mp = {pi for _, pi in both}
            for gi, g in enumerate(g_rows):
                if gi not in mg:
                    errors.append(("MISS", key, g["holder_text"], g["holder"], g["cue"], g["content"],
                                   g["sentence"]))
            for pi, p in enumerate(p_rows):
                if pi not in mp:
                    errors.append(("FALSE", key, p["holder_text"], p["holder"], p["cue"],
                                   p["content"], ""))
    p, r, f = _prf(full, len(pred), len(gold))
    return {
        "gold claims": len(gold), "found claims": len(pred), "holder and cue right": full,
        "precision": p, "recall": r, "F1": f,
        "found with right cue": cue_found,
        "holder accuracy (right cue)": holder_ok / cue_found if cue_found else float("nan"),
        "holder country accuracy (right cue)": country_ok / cue_found if cue_found else float("nan"),
        "negated accuracy (matched)": neg_ok / full if full else float("nan"),
        "gold sentences not found": missing,
    }, errors


def evaluate_terms(claims: pd.DataFrame, gold: pd.DataFrame, corpus, *, show: bool = False):
    keys = _sentence_keys(corpus)
    labelled = set(gold["brief_id"])
    gold = gold.assign(sent_id=[keys.get((b, t.strip()), -1)
                                for b, t in zip(gold["brief_id"], gold["sentence"])])
    pred = claims[(claims["kind"] == "judgment") & claims["estimative_term"].notna()
                  & claims["brief_id"].isin(labelled)]
    by_sent_g = {k: g.to_dict("records") for k, g in gold.groupby(["brief_id", "sent_id"])}
    by_sent_p = {k: g.to_dict("records") for k, g in pred.groupby(["brief_id", "sent_id"])}
    tp = voice_ok = 0
    errors = []
    for key in set(by_sent_g) | set(by_sent_p):
        g_rows, p_rows = by_sent_g.get(key, []), by_sent_p.get(key, [])
        pairs = _match(g_rows, p_rows, lambda g, p: g["term"].lower() == p["estimative_term"])
        tp += len(pairs)
        voice_ok += sum(g_rows[gi].get("voice", "author") == p_rows[pi]["voice"] for gi, pi in pairs)
        if show:
            mg, mp = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
            errors += [("MISS", key, g["term"], g["sentence"]) for gi, g in enumerate(g_rows)
                       if gi not in mg]
            errors += [("FALSE", key, p["estimative_term"], p["content"]) for pi, p in enumerate(p_rows)
                       if pi not in mp]
    p, r, f = _prf(tp, len(pred), len(gold))
    return {"gold terms": len(gold), "found terms": len(pred), "right": tp, "precision": p,
            "recall": r, "F1": f, "voice accuracy (matched)": voice_ok / tp if tp else float("nan")
            }, errors


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
    t0 = time.perf_counter()
    claims = bc.extract_claims(corpus)
    again = time.perf_counter() - t0
    n_sent = len(corpus.sentences)
    print(f"Timing: {len(corpus)} briefs, {n_sent} sentences: {first:.2f} s first run "
          f"(gazetteer built), {again:.2f} s again ({1e6 * again / max(n_sent, 1):.0f} µs a "
          f"sentence); {Counter(claims['kind'])}")

    gold_claims, gold_terms = read_labels("claims"), read_labels("estimative")
    if gold_claims is None or gold_terms is None:
        print("\nNo hand labels in data/annotations: evaluation skipped.")
    else:
        rep, rep_err = evaluate_reported(claims, gold_claims, corpus, show=args.show_errors)
        est, est_err = evaluate_terms(claims, gold_terms, corpus, show=args.show_errors)
        print(f"\nReported claims ({gold_claims['brief_id'].nunique()} labelled briefs)")
        print(pd.Series(rep).to_string())
        print("\nEstimative terms")
        print(pd.Series(est).to_string())
        for err in rep_err + est_err:
            print(" | ".join(map(str, err)))

    seed = check_seed()
    if seed is None:
        print("\nSeed brief not found (../shared): seed checks skipped.")
    else:
        print(f"\nSeed brief: {int(seed['right'].sum())} of {len(seed)} listed claims found "
              "with the right holder country")
        print(seed.to_string(index=False))


if __name__ == "__main__":
    main()
