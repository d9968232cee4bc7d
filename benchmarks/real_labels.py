"""Turn annotators' rows on real texts into ``data/annotations/real`` (no text copied).

Annotators of real texts (the corpora in ``../shared/corpora``, which the repository never
copies) write their rows with each sentence's text, as in ``data/annotations``, to files
outside the repository: ``<name>-us_sentiment.csv``, ``<name>-claims.csv`` and
``<name>-briefs.csv``, each with a first column ``corpus``. This joins them, checks every
row against the corpus (the sentence is there, the content is in it, the labels take their
allowed values), and writes the label files with the sentence replaced by its digest and
the content by its offsets (:func:`briefkit.evaluation.real_label_rows`).

A change to how briefkit reads or splits the texts moves the digests and offsets:
``benchmarks/rekey_real_labels.py`` carries the written files over to it.

Usage:  python benchmarks/real_labels.py PARTS_FOLDER [--out data/annotations/real]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import briefkit as bk
from briefkit.evaluation import real_label_rows
from briefkit.paths import annotations_dir, shared_dir

ALLOWED = {"label": {"negative", "neutral", "positive"}, "negated": {"true", "false"}}
TASKS = {"us_sentiment", "us_sentiment+claims"}


def read_parts(folder: Path, name: str) -> pd.DataFrame:
    files = sorted(folder.glob(f"*-{name}.csv"))
    if not files:
        return pd.DataFrame()
    return pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files],
                     ignore_index=True)


def check(rows: pd.DataFrame, name: str, corpora: dict) -> list[str]:
    """What is wrong with the rows: a sentence not in its corpus, a value not allowed."""
    problems = []
    for n, r in enumerate(rows.to_dict("records")):
        sents = corpora[r["corpus"]].sentences
        hit = sents[(sents["brief_id"] == r["brief_id"]) & (sents["text"] == r["sentence"])]
        if hit.empty:
            problems.append(f"{name} row {n}: {r['brief_id']} has no such sentence")
        elif str(int(hit["sent_id"].iloc[0])) != r["sent_id"]:
            problems.append(f"{name} row {n}: sent_id {r['sent_id']} but the sentence is "
                            f"{int(hit['sent_id'].iloc[0])}")
        for column, allowed in ALLOWED.items():
            if column in r and r[column] not in allowed:
                problems.append(f"{name} row {n}: {column} {r[column]!r} not in {allowed}")
        if r.get("content") and r["content"] not in r["sentence"]:
            problems.append(f"{name} row {n}: content not in the sentence")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or annotations_dir() / "real"
    shared = shared_dir()
    if shared is None:
        sys.exit("../shared not found: the real texts are needed to check the rows")
    briefs = read_parts(args.parts, "briefs")
    if briefs.empty or not set(briefs["tasks"]) <= TASKS:
        sys.exit(f"{args.parts}: no briefs files, or tasks outside {TASKS}")
    corpora = {c: bk.load_corpus(shared / "corpora" / c, progress=False)
               for c in sorted(set(briefs["corpus"]))}
    problems = []
    tables = {}
    for name in ("us_sentiment", "claims"):
        rows = read_parts(args.parts, name)
        if rows.empty:
            continue
        unlisted = set(zip(rows["corpus"], rows["brief_id"])) - set(
            zip(briefs["corpus"], briefs["brief_id"]))
        problems += [f"{name}: {c}/{b} not in the briefs files" for c, b in sorted(unlisted)]
        problems += check(rows, name, corpora)
        tables[name] = rows
    if problems:
        print("\n".join(problems))
        return 1
    out.mkdir(parents=True, exist_ok=True)
    briefs.sort_values(["corpus", "brief_id"]).to_csv(out / "briefs_labelled.csv", index=False)
    for name, rows in tables.items():
        rows = rows.assign(_order=rows["sent_id"].astype(int)).sort_values(
            ["corpus", "brief_id", "_order"], kind="stable").drop(columns="_order")
        real_label_rows(rows).to_csv(out / f"{name}.csv", index=False)
        print(f"{out / (name + '.csv')}: {len(rows)} rows in {rows['brief_id'].nunique()} "
              f"briefs; " + ", ".join(f"{k} {v}" for k, v in rows.get(
                  "label", pd.Series(dtype=str)).value_counts().items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
