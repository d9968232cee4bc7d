"""Fit and measure the confidence of reported claims (``briefkit.claim_model``).

Reads the development labels (``data/annotations/dev``, sample briefs, and
``data/annotations/real-dev``, real texts from ``../shared``), labels each reported claim
briefkit finds in their texts right (holder and cue match a label) or wrong, and:

- scores every text's claims with a model fitted without that text (leave-one-text-out),
  and prints the average precision against the base rate, and precision and recall at a
  range of thresholds, for each development set and pooled;
- chooses the precision-first threshold: the lowest at which the pooled leave-one-text-out
  precision is at least 0.85;
- with ``--blind``, does the same on the blind claims instead: those that the code of the
  commit before each batch of development labels found in that batch
  (``benchmarks/blind_claims.py`` writes them to ``build/blind_claims.csv``), labelled right
  or wrong against today's development labels. These are the rules' output on texts they
  had not seen, the sample the shipped model is fitted on (``benchmarks/README.md``, session
  17);
- with ``--write``, fits the model on all the claims measured (with ``--blind``, the blind
  ones) and writes it, with the threshold, to ``src/briefkit/data/claim_model.csv``;
- with ``--test`` (once, at the end of a session), measures the test labels with the
  shipped model: all claims, and those at or above the threshold.

Usage:  python benchmarks/claims_model.py [--blind] [--write] [--test] [--l2 1.0]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

import briefkit as bk
from briefkit import claim_model as cm
from briefkit import resources, storage
from briefkit.claims import _claims_with_rules
from briefkit.evaluation import compare_to_labels, read_annotations, read_real_labels
from briefkit.paths import annotations_dir

BATCHES = Path(__file__).resolve().parent / "blind_batches.csv"
TARGET_PRECISION = 0.85
GRID = np.round(np.arange(0.0, 1.0, 0.05), 2)


def _right(found: pd.DataFrame, corpus, gold: pd.DataFrame, briefs: set) -> list[int]:
    """1 for each found claim that matches a label of its sentence (holder and cue), else 0."""
    _, misses = compare_to_labels(found, corpus, gold, task="reported", briefs=briefs)
    wrong = {row["claim_id"] for kind, _, row in misses if kind == "wrong"}
    return [int(c not in wrong) for c in found["claim_id"]]


def labelled_claims(corpus, gold: pd.DataFrame, briefs: set, set_name: str) -> tuple:
    """The reported claims found in the labelled briefs, with ``right`` (0/1), ``text``
    (the text they come from) and ``set``; and the number of labels per text."""
    claims = cm.with_sentences(_claims_with_rules(corpus), corpus.sentences)
    found = claims[(claims["kind"] == "reported") & claims["brief_id"].isin(briefs)]
    found = found.assign(right=_right(found, corpus, gold, briefs),
                         text=[f"{set_name}/{b}" for b in found["brief_id"]], set=set_name)
    gold = gold[gold["brief_id"].isin(briefs)]
    n = gold.groupby("brief_id").size()
    counts = {f"{set_name}/{b}": int(n.get(b, 0)) for b in briefs}
    return found, counts


def development_sets() -> tuple[pd.DataFrame, dict]:
    """All development claims (sample dev and real dev) and the labels per text."""
    frames, counts = [], {}
    sample = bk.load_corpus(bk.sample_path(), progress=False)
    gold = read_annotations("claims", folder=annotations_dir() / "dev")
    briefs = set(pd.read_csv(annotations_dir() / "dev" / "briefs_labelled.csv")["brief_id"])
    found, n = labelled_claims(sample, gold, briefs, "sample dev")
    frames.append(found)
    counts.update(n)
    real = read_real_labels("claims", split="dev")
    if real is None:
        print("../shared or the real development labels are missing: sample dev only")
    else:
        listed = real.pop("briefs")
        for name, (corpus, gold) in real.items():
            briefs = set(listed.loc[(listed["corpus"] == name)
                                    & listed["tasks"].str.contains("claims"), "brief_id"])
            if briefs:
                found, n = labelled_claims(corpus, gold, briefs, "real dev")
                frames.append(found)
                counts.update(n)
    return pd.concat(frames, ignore_index=True), counts


def blind_sets(path: Path) -> tuple[pd.DataFrame, dict]:
    """The blind claims (``benchmarks/blind_claims.py``), each labelled right (holder and
    cue match one of today's development labels of its sentence) or wrong, and the labels
    per text."""
    found = pd.read_csv(path, dtype=str, keep_default_na=False)
    found = found.assign(negated=found["negated"] == "True",
                         content_start=pd.to_numeric(found["content_start"]))
    real = read_real_labels("claims", split="dev")
    if real is None:
        sys.exit("../shared or the real development labels are missing")
    real.pop("briefs")
    golds = {name: pair for name, pair in real.items()}
    sample = bk.load_corpus(bk.sample_path(), progress=False)
    golds["sample"] = (sample, read_annotations("claims", folder=annotations_dir() / "dev"))
    frames, counts, lost = [], {}, 0
    for (commit, name), rows in found.groupby(["commit", "corpus"], sort=False):
        corpus, gold = golds[name]
        ids = dict(zip(zip(corpus.sentences["brief_id"], corpus.sentences["text"]),
                       corpus.sentences["sent_id"]))
        sent_ids = [ids.get(k, -1) for k in zip(rows["brief_id"], rows["_sentence"])]
        lost += sum(i == -1 for i in sent_ids)
        rows = rows.assign(sent_id=sent_ids)
        briefs = set(rows["brief_id"]) | set(
            pd.read_csv(BATCHES, dtype=str).query("commit == @commit and corpus == @name")[
                "brief_id"])
        set_name = f"blind {'sample' if name == 'sample' else 'CRS'} ({commit})"
        frames.append(rows.assign(right=_right(rows, corpus, gold, briefs),
                                  text=[f"{name}/{b}" for b in rows["brief_id"]],
                                  set=set_name))
        gold = gold[gold["brief_id"].isin(briefs)]
        n = gold.groupby("brief_id").size()
        counts.update({f"{set_name}/{b}": int(n.get(b, 0)) for b in briefs})
    if lost:
        print(f"{lost} blind claims stand in sentences the splitter now cuts differently: "
              "counted wrong")
    return pd.concat(frames, ignore_index=True), counts


def leave_one_text_out(data: pd.DataFrame, l2: float) -> np.ndarray:
    """Each claim's confidence from a model fitted without its text."""
    x = cm.claim_features(data).to_numpy()
    y = data["right"].to_numpy()
    out = np.zeros(len(data))
    for text in data["text"].unique():
        held = (data["text"] == text).to_numpy()
        w, b = cm.fit_weights(x[~held], y[~held], l2=l2)
        out[held] = 1 / (1 + np.exp(-(x[held] @ w + b)))
    return out


def average_precision(scores: np.ndarray, right: np.ndarray) -> float:
    """Mean of the precision at each right claim, claims ranked by score (ties broken by
    order, which is the text order)."""
    order = np.argsort(-scores, kind="stable")
    hits = right[order]
    if not hits.sum():
        return float("nan")
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision * hits).sum() / hits.sum())


def at_thresholds(scores, right, labels: int) -> pd.DataFrame:
    rows = []
    for t in GRID:
        keep = scores >= t
        found, hit = int(keep.sum()), int(right[keep].sum())
        p = hit / found if found else float("nan")
        r = hit / labels if labels else float("nan")
        rows.append({"threshold": t, "found": found, "right": hit, "precision": p,
                     "recall": r, "F1": 2 * p * r / (p + r) if p and r else 0.0})
    return pd.DataFrame(rows).set_index("threshold")


def choose_threshold(table: pd.DataFrame) -> float | None:
    ok = table[table["precision"] >= TARGET_PRECISION]
    return float(ok.index.min()) if len(ok) else None


def development_report(data: pd.DataFrame, counts: dict, l2: float) -> float | None:
    scores = leave_one_text_out(data, l2)
    data = data.assign(score=scores)
    print(f"Leave-one-text-out over {data['text'].nunique()} texts "
          f"({len(data)} claims found, l2 {l2})\n")
    summary, tables = [], {}
    for name, part in [*data.groupby("set"), ("pooled", data)]:
        labels = sum(v for k, v in counts.items()
                     if name == "pooled" or k.startswith(name + "/"))
        right = part["right"].to_numpy()
        summary.append({"set": name, "labels": labels, "found": len(part),
                        "base rate (precision)": right.mean(),
                        "average precision": average_precision(part["score"].to_numpy(),
                                                               right)})
        tables[name] = at_thresholds(part["score"].to_numpy(), right, labels)
    print(pd.DataFrame(summary).set_index("set").round(3).to_string(), "\n")
    for name, table in tables.items():
        print(f"{name}: precision and recall at each threshold")
        print(table.round(3).to_string(), "\n")
    threshold = choose_threshold(tables["pooled"])
    print(f"precision-first threshold (pooled precision >= {TARGET_PRECISION}):", threshold)
    if threshold is not None:
        for name, table in tables.items():
            row = table.loc[threshold]
            print(f"  {name}: P {row['precision']:.3f} R {row['recall']:.3f} "
                  f"F1 {row['F1']:.3f} (found {int(row['found'])})")
    return threshold


def write_model(data: pd.DataFrame, threshold: float, l2: float) -> Path:
    w, b = cm.fit_weights(cm.claim_features(data).to_numpy(), data["right"].to_numpy(), l2=l2)
    path = Path(cm.__file__).parent / "data" / cm.MODEL_FILE
    cm.weights_frame(w, b, threshold).to_csv(path, index=False)
    resources.read_data_csv.cache_clear()
    cm._shipped.cache_clear()
    storage.package_fingerprint.cache_clear()  # claims tables cached under the old weights
    return path


def test_report() -> None:
    """The test labels, measured with the shipped model: all claims, and those at or above
    its threshold. For the end of a session only."""
    threshold = cm.precision_first_threshold()
    rows = []
    sample = bk.load_corpus(bk.sample_path(), progress=False)
    gold = read_annotations("claims", folder=annotations_dir())
    claims = bk.extract_claims(sample)
    rows += _test_rows("sample test", claims, sample, gold, None, threshold)
    real = read_real_labels("claims", split="test")
    if real is not None:
        listed = real.pop("briefs")
        for name, (corpus, gold) in real.items():
            briefs = set(listed.loc[(listed["corpus"] == name)
                                    & listed["tasks"].str.contains("claims"), "brief_id"])
            if briefs:
                rows += _test_rows(f"real test ({name})", bk.extract_claims(corpus), corpus,
                                   gold, briefs, threshold)
    print(f"Test labels, shipped model, threshold {threshold}")
    print(pd.DataFrame(rows).set_index(["set", "claims"]).round(3).to_string())


def _test_rows(name, claims, corpus, gold, briefs, threshold) -> list[dict]:
    out = []
    for label, kept in (("all", claims),
                        (f">= {threshold}", claims[(claims["kind"] != "reported")
                                                   | (claims["confidence"] >= threshold)])):
        figures, _ = compare_to_labels(kept, corpus, gold, task="reported", briefs=briefs)
        out.append({"set": name, "claims": label,
                    **{k: figures[k] for k in ("labelled", "found", "right", "precision",
                                               "recall", "F1", "holder accuracy")}})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the fitted model")
    parser.add_argument("--test", action="store_true",
                        help="measure the test labels with the shipped model (end of session)")
    parser.add_argument("--blind", nargs="?", const="build/blind_claims.csv", default=None,
                        help="fit and measure on the blind claims (default file: %(const)s)")
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()
    if args.test:
        test_report()
        return
    if args.blind:
        if not Path(args.blind).is_file():
            sys.exit(f"{args.blind} is not there: run benchmarks/blind_claims.py first")
        data, counts = blind_sets(Path(args.blind))
    else:
        data, counts = development_sets()
    threshold = development_report(data, counts, args.l2)
    if args.write:
        if threshold is None:
            sys.exit("no threshold reaches the target precision: the model is not written")
        print("wrote", write_model(data, threshold, args.l2))


if __name__ == "__main__":
    main()
