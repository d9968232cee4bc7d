"""Inter-annotator agreement: a second annotator's blind labels against the test labels.

Agreement bounds what any method can be expected to score against the test labels. Prints
label accuracy, macro-F1 and Cohen's kappa for attitudes toward the United States, holder
agreement, and precision/recall of reported claims matched on (sentence, holder country,
cue), the key the claims evaluation uses.

    python benchmarks/agreement.py
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

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
    return (observed - expected) / (1 - expected)


def sentiment_agreement(folder) -> dict:
    second = read(folder / "agreement" / "us_sentiment.csv")
    gold = read(folder / "us_sentiment.csv")
    pairs = gold.merge(second, on=["brief_id", "sentence"], suffixes=("_test", "_second"))
    a, b = pairs["label_test"], pairs["label_second"]
    return {
        "sentences labelled by both": len(pairs),
        "only in one file": (len(second) + len(gold[gold.brief_id.isin(second.brief_id)])
                             - 2 * len(pairs)),
        "label accuracy": round((a == b).mean(), 3),
        "label macro-F1": round(macro_f1(a, b), 3),
        "Cohen's kappa": round(kappa(a, b), 3),
        "holder agreement": round((pairs["holder_test"] == pairs["holder_second"]).mean(), 3),
    }


def claims_agreement(folder) -> dict:
    second = read(folder / "agreement" / "claims.csv")
    gold = read(folder / "claims.csv")
    gold = gold[gold.brief_id.isin(set(second.brief_id))]
    key = lambda f: Counter(zip(f.brief_id, f.sentence, f.holder_country, f.cue))  # noqa: E731
    g, s = key(gold), key(second)
    both = sum((g & s).values())
    precision, recall = both / sum(s.values()), both / sum(g.values())
    return {
        "claims in test labels": sum(g.values()),
        "claims by second annotator": sum(s.values()),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "F1": round(2 * precision * recall / (precision + recall), 3),
    }


def main() -> None:
    folder = annotations_dir()
    briefs = ", ".join(read(folder / "agreement" / "briefs_labelled.csv")["brief_id"])
    print(f"Second annotator, blind, on: {briefs}\n")
    sections = (("Attitude toward the United States", sentiment_agreement(folder)),
                ("Reported claims (sentence, holder country, cue)", claims_agreement(folder)))
    for title, figures in sections:
        print(title)
        for name, value in figures.items():
            print(f"  {name:>28}: {value}")
        print()


if __name__ == "__main__":
    main()
