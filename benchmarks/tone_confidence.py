"""How far to trust each tone label: the calibration studied by ``sentiment_eval.py
--calibration`` (benchmarks/README.md, "How far to trust each tone label").

The tone model's probability of the label it gives is not the chance that the label is
right: the thresholds, not the largest probability, choose the label, the weights were
fitted on the labels they are measured on, and a sentence in which no word bears on the
target gets the same probability of neutral whatever it says. A three-parameter logistic
calibration (the label's log-odds, and whether no word bears on the target), fitted on the
model's out-of-fold predictions over the development labels, would turn it into one. The
one fitted in session 18 measured a cross-fitted AUC of 0.627, under the 0.65 declared
before it was fitted, so briefkit ships none and its tone table has no confidence column;
this module keeps the study, outside the package.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from briefkit.sentiment import LABELS, macro_f1

CALIBRATION_FILE = "tone_calibration.csv"  # written under build/ by --fit-calibration
ALL = "all"
P_CLIP = 0.001  # logit(p) of p clipped to 0.001..0.999: no label's odds are infinite
RELIABILITY_BINS = np.round(np.arange(0.0, 1.01, 0.1), 1)
PRECISION_GRID = np.round(np.arange(0.30, 1.00, 0.01), 2)
CALIBRATION_MEANINGS = {
    "intercept": "a in confidence = 1 / (1 + exp(-(a + b logit(p) + c none))), p the "
                 "model's probability of the label it gave ('all': the same for every label)",
    "slope": "b: the weight of logit(p)",
    "no word": "c: the weight of none, 1 when no word bears on the target (the row is "
               "neutral for lack of evidence), else 0",
    "threshold": "the precision-first threshold: the lowest confidence at which the kept "
                 "development rows (out of fold) reach accuracy 0.85 and macro-F1 0.80",
    "rows": "development rows the calibration is fitted on (nested leave-one-text-out "
            "predictions of the tone model)",
    "texts": "development texts those rows come from",
    "share right": "share of those rows whose out-of-fold label is right",
    "share right, no word": "the same, of the rows in which no word bears on the target",
    "macro-F1": "macro-F1 of those rows' out-of-fold labels",
    "auc": "area under the ROC curve of the cross-fitted confidence, right against wrong",
    "log loss": "mean log loss of the cross-fitted confidence",
    "log loss (constant)": "mean log loss of a constant confidence, the share right",
    "rows kept": "rows at or above the threshold (cross-fitted confidence)",
    "share kept": "share of the rows at or above the threshold",
    "accuracy kept": "accuracy of the rows at or above the threshold",
    "macro-F1 kept": "macro-F1 of the rows at or above the threshold",
    "bin rows": "reliability: rows whose cross-fitted confidence is in the bin",
    "bin mean confidence": "reliability: their mean confidence",
    "bin share right": "reliability: the share of them whose label is right",
}


@dataclass(frozen=True)
class ToneCalibration:
    """confidence = 1 / (1 + exp(-(a + b logit(p) + c none))): ``p`` is the model's
    probability of the label it gave a row, ``none`` 1 when no word bears on the target
    (else 0); ``a`` is the label's intercept (``intercepts``, one per label of ``LABELS``),
    ``b`` the ``slope``, ``c`` the weight ``no_word``; ``threshold`` is the precision-first
    threshold on the confidence (NaN when none was found).

    >>> ToneCalibration((0.0, 0.0, 0.0), 1.0).confidence([0.8], ["neutral"]).tolist()
    [0.8]
    """

    intercepts: tuple
    slope: float
    no_word: float = 0.0
    threshold: float = math.nan

    def confidence(self, p, labels, none=None) -> np.ndarray:
        """The confidence of rows whose label is ``labels`` with probability ``p``;
        ``none``: per row, whether no word bears on the target (default: some word does)."""
        p = np.clip(np.asarray(p, dtype=float), P_CLIP, 1 - P_CLIP)
        a = np.array([self.intercepts[LABELS.index(label)] for label in labels], dtype=float)
        c = 0.0 if none is None else self.no_word * np.asarray(none, dtype=float)
        return np.round(1 / (1 + np.exp(-(a + self.slope * np.log(p / (1 - p)) + c))), 4)


def fit_calibration(p, labels, right, none=None, *, per_label: bool = False
                    ) -> ToneCalibration:
    """A :class:`ToneCalibration` fitted by maximum likelihood (a negligible L2 penalty, for
    a unique answer) to whether each row's label was ``right``: one intercept for every
    label, or with ``per_label`` one each; with ``none`` (per row, whether no word bears on
    the target) its weight too. Deterministic.

    >>> cal = fit_calibration([0.9, 0.9, 0.9, 0.4, 0.4], ["neutral"] * 5, [1, 1, 0, 0, 1])
    >>> bool(cal.slope > 0), cal.intercepts[0] == cal.intercepts[2], cal.no_word
    (True, True, 0.0)
    """
    from briefkit.claim_model import fit_weights

    p = np.clip(np.asarray(p, dtype=float), P_CLIP, 1 - P_CLIP)
    columns = [np.log(p / (1 - p))]
    if none is not None:
        columns.append(np.asarray(none, dtype=float))
    if per_label:
        columns += [np.array([label == other for label in labels], dtype=float)
                    for other in LABELS[1:]]
    weights, bias = fit_weights(np.column_stack(columns), right, l2=1e-4)
    extra = [0.0, *weights[-2:]] if per_label else [0.0] * len(LABELS)
    return ToneCalibration(tuple(float(bias + e) for e in extra), float(weights[0]),
                           float(weights[1]) if none is not None else 0.0)


def calibration_frame(calibration: ToneCalibration, figures: dict | None = None,
                      reliability: pd.DataFrame | None = None) -> pd.DataFrame:
    """The calibration as a table (parameter, label, value, meaning), as
    ``--fit-calibration`` writes it to build/: its parameters, then what it was fitted on
    and measured (``figures``, named as in ``CALIBRATION_MEANINGS``) and the reliability
    table's bins.

    >>> calibration_frame(ToneCalibration((0.5,) * 3, 0.3))["parameter"].tolist()
    ['intercept', 'slope', 'no word', 'threshold']
    """
    same = len(set(calibration.intercepts)) == 1
    rows = ([("intercept", ALL, calibration.intercepts[0])] if same else
            [("intercept", label, a) for label, a in zip(LABELS, calibration.intercepts)])
    rows += [("slope", ALL, calibration.slope), ("no word", ALL, calibration.no_word),
             ("threshold", ALL, calibration.threshold)]
    rows += [(name, ALL, value) for name, value in (figures or {}).items()]
    for r in ([] if reliability is None else reliability.itertuples(index=False)):
        rows += [("bin rows", r.bin, r.rows), ("bin mean confidence", r.bin, r.mean_confidence),
                 ("bin share right", r.bin, r.share_right)]
    table = pd.DataFrame(rows, columns=["parameter", "label", "value"])
    table["value"] = [round(float(v), 4) for v in table["value"]]
    return table.assign(meaning=[CALIBRATION_MEANINGS[p] for p in table["parameter"]])


def reliability_table(confidence, right, *, bins=RELIABILITY_BINS) -> pd.DataFrame:
    """Rows binned by confidence (bins of 0.1, the last one closed): per bin the rows,
    their mean confidence and the share of them that is right; empty bins left out.

    >>> reliability_table([0.95, 0.91, 0.42], [1, 0, 0])[["bin", "rows"]].values.tolist()
    [['0.4-0.5', 1], ['0.9-1.0', 2]]
    """
    confidence = np.asarray(confidence, dtype=float)
    right = np.asarray(right, dtype=float)
    at = np.clip(np.searchsorted(bins, confidence, side="right") - 1, 0, len(bins) - 2)
    rows = []
    for k in range(len(bins) - 1):
        inside = (at == k) & ~np.isnan(confidence)
        if inside.any():
            rows.append((f"{bins[k]:.1f}-{bins[k + 1]:.1f}", int(inside.sum()),
                         float(confidence[inside].mean()), float(right[inside].mean())))
    return pd.DataFrame(rows, columns=["bin", "rows", "mean_confidence", "share_right"])


def kept_figures(confidence, gold, pred, threshold: float) -> dict:
    """What the rows at or above ``threshold`` give: rows kept, share kept, accuracy and
    macro-F1 (NaN when none is kept)."""
    confidence = np.asarray(confidence, dtype=float)
    with np.errstate(invalid="ignore"):
        keep = confidence >= threshold
    f1, accuracy = macro_f1(np.asarray(gold, dtype=object)[keep],
                            np.asarray(pred, dtype=object)[keep])
    return {"rows kept": int(keep.sum()), "share kept": float(keep.mean()) if len(keep) else
            math.nan, "accuracy kept": accuracy, "macro-F1 kept": f1}


def choose_precision_threshold(confidence, gold, pred, *, accuracy: float = 0.85,
                               f1: float = 0.80, grid=PRECISION_GRID) -> float:
    """The lowest confidence of ``grid`` at which the rows kept (at or above it) reach both
    ``accuracy`` and macro-F1 ``f1``; NaN when none does.

    >>> choose_precision_threshold([0.9, 0.8, 0.7, 0.4], ["negative", "positive", "neutral",
    ...     "neutral"], ["negative", "positive", "neutral", "negative"])
    0.41
    """
    for threshold in grid:
        kept = kept_figures(confidence, gold, pred, threshold)
        if kept["rows kept"] and kept["accuracy kept"] >= accuracy and \
                kept["macro-F1 kept"] >= f1:
            return float(threshold)
    return math.nan
