"""Score a batch of new briefs and their hand labels, kept outside the repository, with the
briefkit that Python imports: the way a new development batch is scored once, blind, before
anything is written on it (benchmarks/README.md, "More development labels, first scored
blind").

The batch folder holds ``briefs/`` (the texts and their manifest.csv) and ``labels/``
(claims.csv, estimative.csv, us_sentiment.csv, briefs_labelled.csv in the scheme of
data/annotations). To score it with the code of an earlier commit, run this script from that
commit's worktree, or put the worktree's ``src`` first on ``PYTHONPATH``:

    git worktree add /tmp/start 9b61fb9
    PYTHONPATH=/tmp/start/src .venv/bin/python benchmarks/blind_batch.py /path/to/batch

Prints figures only: never the labels, the sentences or the mismatches.
"""

from __future__ import annotations

import argparse
import os
import subprocess
from pathlib import Path

import pandas as pd

os.environ.setdefault("BRIEFKIT_NO_CACHE", "1")

import briefkit as bk  # noqa: E402
from briefkit.claim_model import precision_first_threshold  # noqa: E402
from briefkit.evaluation import compare_to_labels  # noqa: E402
from briefkit.sentiment import evaluate_sentiment, sentiment_toward, vader_toward  # noqa: E402


def read_labels(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)


def claims_figures(claims: pd.DataFrame, corpus, gold: pd.DataFrame, briefs: list) -> dict:
    reported, _ = compare_to_labels(claims, corpus, gold, task="reported", briefs=briefs)
    return reported


def score(batch: Path, groups: dict[str, list[str]]) -> None:
    corpus = bk.load_corpus(batch / "briefs")
    labels = batch / "labels"
    gold_claims = read_labels(labels, "claims")
    gold_terms = read_labels(labels, "estimative")
    gold_tone = read_labels(labels, "us_sentiment")
    claims = bk.extract_claims(corpus)
    threshold = precision_first_threshold()
    kept = claims[(claims["kind"] != "reported") | (claims["confidence"] >= threshold)]
    tone_model = sentiment_toward(corpus, "United States")
    tone_rules = sentiment_toward(corpus, "United States", method="rules")
    vader = vader_toward(tone_model, corpus)

    rows = []
    for group, briefs in groups.items():
        row = {"group": group, "briefs": len(briefs)}
        claim = claims_figures(claims, corpus, gold_claims, briefs)
        row.update({"claims": claim["labelled"], "found": claim["found"],
                    "P": claim["precision"], "R": claim["recall"], "F1": claim["F1"],
                    "holder": claim["holder accuracy"]})
        first = claims_figures(kept, corpus, gold_claims, briefs)
        row.update({f"kept (>= {threshold:.2f})": first["found"], "kept P": first["precision"],
                    "kept R": first["recall"]})
        terms, _ = compare_to_labels(claims, corpus, gold_terms, task="estimative",
                                     briefs=briefs)
        row.update({"terms": terms["labelled"], "terms P": terms["precision"],
                    "terms R": terms["recall"]})
        tone_gold = gold_tone[gold_tone["brief_id"].isin(briefs)]
        row["tone rows"] = len(tone_gold)
        for name, table in (("VADER", vader), ("rules", tone_rules), ("model", tone_model)):
            figures = evaluate_sentiment(table, tone_gold, corpus=corpus)
            row[f"tone {name}"] = figures["macro_f1"]
            if name == "model":
                row["tone holder"] = figures["holder_accuracy"]
                row["tone accuracy"] = figures["accuracy"]
        rows.append(row)
    table = pd.DataFrame(rows).set_index("group")
    with pd.option_context("display.width", 200, "display.max_columns", 30,
                           "display.float_format", "{:.3f}".format):
        print(table.T.to_string())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batch", type=Path, help="the batch folder (briefs/ and labels/)")
    parser.add_argument("--notes", nargs="*", default=[], metavar="BRIEF_ID",
                        help="the briefs written as research notes: scored apart from the "
                             "analytic ones as well")
    args = parser.parse_args()
    code = Path(bk.__file__).resolve().parents[2]
    try:
        commit = subprocess.run(["git", "-C", str(code), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "?"
    print(f"briefkit from {code} (commit {commit}); batch {args.batch}")
    labelled = read_labels(args.batch / "labels", "briefs_labelled")["brief_id"].tolist()
    groups = {"all": labelled}
    if args.notes:
        groups["analytic"] = [b for b in labelled if b not in args.notes]
        groups["research notes"] = [b for b in labelled if b in args.notes]
    score(args.batch, groups)


if __name__ == "__main__":
    main()
