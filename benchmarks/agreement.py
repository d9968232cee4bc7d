"""Inter-annotator agreement: a second annotator's blind labels against the first's.

Agreement bounds what any method can be expected to score against the labels. For
attitudes toward the United States it prints label accuracy, macro-F1 and Cohen's kappa,
and holder agreement; for reported claims, precision, recall and F1 of the second
annotator taking the first as reference, matched by the key the methods are scored by
(sentence, holder and cue: :func:`briefkit.evaluation.compare_to_labels`), and for the
sample also by the looser key of the first measurement (sentence, holder country, cue).

Three label sets have a second annotator:

- the sample's test briefs: ``data/annotations/agreement`` against ``data/annotations``;
- eight of the sixteen development briefs written in session 21 (four analytic, four
  research notes): ``data/annotations/dev/agreement`` against ``data/annotations/dev``;
- real texts: ``data/annotations/real-dev/agreement`` against ``data/annotations/real-dev``
  (needs ``../shared``, whose texts the labels point into).

    python benchmarks/agreement.py [--sample | --dev | --real]
"""

from __future__ import annotations

import argparse
from collections import Counter

import pandas as pd

from briefkit import evaluation
from briefkit.paths import annotations_dir

LABELS = ("negative", "neutral", "positive")


def read(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def macro_f1(gold: pd.Series, other: pd.Series) -> float:
    scores = []
    for label in LABELS:
        tp = ((gold == label) & (other == label)).sum()
        denominator = (gold == label).sum() + (other == label).sum()
        scores.append(2 * tp / denominator if denominator else 0.0)
    return sum(scores) / len(scores)


def kappa(gold: pd.Series, other: pd.Series) -> float:
    observed = (gold == other).mean()
    expected = sum((gold == label).mean() * (other == label).mean() for label in LABELS)
    return (observed - expected) / (1 - expected) if expected < 1 else float("nan")


def tone_agreement(gold: pd.DataFrame, second: pd.DataFrame, key: list[str]) -> dict:
    """Agreement on the sentences both annotators labelled, and how many only one did."""
    gold = gold[gold["brief_id"].isin(set(second["brief_id"]))].astype({k: str for k in key})
    second = second.astype({k: str for k in key})
    pairs = gold.merge(second, on=key, suffixes=("_first", "_second"))
    a, b = pairs["label_first"], pairs["label_second"]
    return {
        "sentences labelled by both": len(pairs),
        "only by the first": len(gold) - len(pairs),
        "only by the second": len(second) - len(pairs),
        "label accuracy": round((a == b).mean(), 3),
        "label macro-F1": round(macro_f1(a, b), 3),
        "Cohen's kappa": round(kappa(a, b), 3),
        "holder agreement": round((pairs["holder_first"] == pairs["holder_second"]).mean(), 3),
        "labels (first)": dict(Counter(a)),
        "labels (second)": dict(Counter(b)),
    }


def claims_by_method_key(pairs: list) -> dict:
    """Pooled precision, recall and F1 of (corpus, first, second) label sets, matched as
    found claims are matched to labels: same sentence, same cue, same holder."""
    figures = []
    for corpus, gold, second in pairs:
        gold = gold[gold["brief_id"].isin(set(second["brief_id"]))]
        found = evaluation.assign_sent_ids(second, corpus).assign(kind="reported")
        figures.append(evaluation.compare_to_labels(found, corpus, gold, task="reported",
                                                    briefs=set(second["brief_id"]))[0])
    pooled = evaluation.pool_figures(figures)
    return {
        "claims (first)": pooled["labelled"],
        "claims (second)": pooled["found"],
        "precision": round(pooled["precision"], 3),
        "recall": round(pooled["recall"], 3),
        "F1": round(pooled["F1"], 3),
        "holder agreement where cues match": (round(pooled["holder accuracy"], 3)
                                              if pooled["cue right"] else None),
    }


def claims_by_country_key(gold: pd.DataFrame, second: pd.DataFrame) -> dict:
    """Precision, recall and F1 of the second annotator's claims, matched to the first's by
    sentence, holder country and cue, on the briefs the second labelled.

    When one side has no claims on those briefs, the counts say so and the figure that would
    divide by zero is NaN (precision with none found, recall with none labelled); F1 is NaN
    when both are, and 0 when no claim is shared, as in :func:`claims_by_method_key`.
    """
    gold = gold[gold.brief_id.isin(set(second.brief_id))]
    key = lambda f: Counter(zip(f.brief_id, f.sentence, f.holder_country, f.cue))  # noqa: E731
    g, s = key(gold), key(second)
    both, labelled, found = sum((g & s).values()), sum(g.values()), sum(s.values())
    precision = both / found if found else float("nan")
    recall = both / labelled if labelled else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    return {
        "claims (first)": labelled,
        "claims (second)": found,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "F1": round(f1, 3),
    }


def sample_sections(split: str = "test") -> list:
    """The sample briefs' agreement: the labels of ``split`` ('test': ``data/annotations``;
    'dev': ``data/annotations/dev``) against their ``agreement`` folder."""
    import briefkit as bk
    from briefkit.paths import sample_briefs_dir

    folder = annotations_dir() / ("dev" if split == "dev" else "")
    second_dir = folder / "agreement"
    if not second_dir.is_dir():
        return [(f"Sample {split} briefs: no second annotator's labels", None)]
    briefs = read(second_dir / "briefs_labelled.csv")["brief_id"].tolist()
    tone = tone_agreement(read(folder / "us_sentiment.csv"),
                          read(second_dir / "us_sentiment.csv"), ["brief_id", "sentence"])
    gold, second = read(folder / "claims.csv"), read(second_dir / "claims.csv")
    corpus = bk.load_corpus(sample_briefs_dir(), progress=False)
    return [
        (f"Sample {split} briefs, second annotator on: {', '.join(briefs)}", None),
        ("Attitude toward the United States", tone),
        ("Reported claims (sentence, holder, cue: the methods' key)",
         claims_by_method_key([(corpus, gold, second)])),
        ("Reported claims (sentence, holder country, cue)", claims_by_country_key(gold, second)),
    ]


def real_sections(first_dir=None, shared=None) -> list:
    """The real texts' agreement: ``first_dir`` (default ``data/annotations/real-dev``)
    against its ``agreement`` folder; ``shared`` holds the corpora (default ``../shared``)."""
    first_dir = first_dir or evaluation.real_labels_dir("dev")
    if first_dir is None or not (first_dir / "agreement").is_dir():
        return [("Real texts: no second annotator's labels", None)]
    second_dir = first_dir / "agreement"
    first_tone = evaluation.read_real_labels("us_sentiment", folder=first_dir, shared=shared)
    if first_tone is None:
        return [("Real texts: ../shared is not there", None)]
    second_tone = evaluation.read_real_labels("us_sentiment", folder=second_dir, shared=shared)
    briefs = second_tone.pop("briefs")
    first_tone.pop("briefs")
    key = ["corpus", "brief_id", "sent_id"]
    sections = [(f"Real texts, second annotator on {len(briefs)} texts", None)]
    ids = set(briefs["brief_id"])
    for name, kinds in (("all", None), *((c, c) for c in sorted(set(briefs["corpus"])))):
        firsts = [g[g["brief_id"].isin(ids)].assign(corpus=c)
                  for c, (_, g) in first_tone.items() if kinds in (None, c)]
        seconds = [g.assign(corpus=c) for c, (_, g) in second_tone.items()
                   if kinds in (None, c)]
        if sum(map(len, firsts + seconds)):
            sections.append((f"Attitude toward the United States ({name})",
                             tone_agreement(pd.concat(firsts), pd.concat(seconds), key)))
    with_claims = set(briefs.loc[briefs["tasks"].str.contains("claims"), "brief_id"])
    first_claims = evaluation.read_real_labels("claims", folder=first_dir, shared=shared)
    second_claims = evaluation.read_real_labels("claims", folder=second_dir, shared=shared)
    if first_claims is None or second_claims is None:  # tone labelled, claims not (yet)
        return sections
    first_claims.pop("briefs"), second_claims.pop("briefs")
    pairs = []
    for corpus_name, (corpus, second) in second_claims.items():
        gold = first_claims.get(corpus_name, (corpus, second.iloc[:0]))[1]
        second = second[second["brief_id"].isin(with_claims)]
        gold = gold[gold["brief_id"].isin(with_claims)]
        pairs.append((corpus, gold, second))
    if pairs:
        sections.append(("Reported claims (sentence, holder, cue: the methods' key)",
                         claims_by_method_key(pairs)))
    return sections


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--sample", action="store_true", help="the sample's test briefs only")
    which.add_argument("--real", action="store_true", help="real texts only")
    which.add_argument("--dev", action="store_true",
                       help="the sample's development briefs only (eight of the briefs "
                            "written in session 21)")
    args = parser.parse_args(argv)
    sections = []
    if not (args.real or args.dev):
        sections += sample_sections()
    if args.dev or not (args.sample or args.real):
        sections += sample_sections("dev")
    if not (args.sample or args.dev):
        sections += real_sections()
    for title, figures in sections:
        print(title)
        for name, value in (figures or {}).items():
            print(f"  {name:>34}: {value}")
        print()


if __name__ == "__main__":
    main()
