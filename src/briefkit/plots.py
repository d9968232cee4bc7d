"""seaborn figures used by the notebooks. Each function takes briefkit tables, draws on a
new or given Axes and returns it; none changes its inputs.

>>> import briefkit as bk
>>> ax = plot_words_per_brief(bk.Corpus.from_texts(["Iran agreed.", "Russia did not."]))
>>> ax.get_xlabel()
'words per brief'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns


def _axes(ax=None, *, figsize=(8, 3.5)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


# --- corpus at a glance (notebook 01) ----------------------------------------------------


def briefs_per_month(corpus) -> pd.DataFrame:
    """Briefs per calendar month, with months that have none filled in as zero."""
    dates = corpus.briefs["date"].dropna()
    if dates.empty:
        return pd.DataFrame({"month": pd.PeriodIndex([], freq="M"), "briefs": []})
    months = dates.dt.to_period("M")
    counts = months.value_counts().reindex(
        pd.period_range(months.min(), months.max(), freq="M"), fill_value=0
    )
    return pd.DataFrame({"month": counts.index, "briefs": counts.to_numpy()})


def plot_briefs_per_month(corpus, *, ax=None):
    """Bar chart of briefs per month (undated briefs are left out and counted in the title)."""
    ax = _axes(ax)
    table = briefs_per_month(corpus)
    sns.barplot(x=table["month"].astype(str), y=table["briefs"], color="#4c72b0", ax=ax)
    step = max(1, len(table) // 12)
    for i, label in enumerate(ax.get_xticklabels()):
        label.set_visible(i % step == 0)
    ax.tick_params(axis="x", labelrotation=90)
    undated = int(corpus.briefs["date"].isna().sum())
    ax.set(xlabel="month", ylabel="briefs",
           title="Briefs per month" + (f" ({undated} undated not shown)" if undated else ""))
    return ax


def plot_words_per_brief(corpus, *, ax=None):
    """Histogram of the number of words per brief."""
    ax = _axes(ax)
    sns.histplot(corpus.briefs["n_words"], bins=20, color="#55a868", ax=ax)
    ax.set(xlabel="words per brief", ylabel="briefs", title="Length of the briefs")
    return ax


# --- claims (notebook 02) ----------------------------------------------------------------

_SCALE_COLOURS = {"ICD 203": "#55a868", "Kent": "#4c72b0", "unquantified": "#dd8452"}


def judgment_points(claims: pd.DataFrame) -> pd.DataFrame:
    """The author's estimative judgments as points: brief, term, scale and the middle of
    the term's range (``prob``), the values the strip plot draws."""
    rows = claims[(claims["kind"] == "judgment") & (claims["holder"] == "author")
                  & claims["estimative_term"].notna()]
    return pd.DataFrame({
        "brief_id": rows["brief_id"].to_numpy(),
        "term": rows["estimative_term"].to_numpy(),
        "scale": rows["scale"].to_numpy(),
        "prob": ((rows["prob_low"] + rows["prob_high"]) / 2).to_numpy(),
        "prob_low": rows["prob_low"].to_numpy(),
        "prob_high": rows["prob_high"].to_numpy(),
    })


def plot_judgments_strip(claims: pd.DataFrame, *, ax=None, max_briefs: int = 40):
    """Each brief's estimative judgments on the 0-1 probability axis (seaborn strip plot).

    A point is a term at the middle of its range, coloured by its scale (ICD 203, Kent,
    unquantified); unquantified terms ("may", "could") sit at the middle of a range so wide
    that their place says little, which is the point of showing them apart.

    >>> import briefkit as bk
    >>> from briefkit.claims import extract_claims
    >>> c = extract_claims(bk.Corpus.from_texts(["It will likely hold.", "It may fail."]))
    >>> plot_judgments_strip(c).get_xlabel()
    'probability (middle of the term’s range)'
    """
    points = judgment_points(claims)
    keep = list(pd.unique(points["brief_id"]))[-max_briefs:]
    points = points[points["brief_id"].isin(keep)]
    ax = _axes(ax, figsize=(9, max(2.5, 0.28 * len(keep) + 1)))
    if points.empty:
        ax.text(0.5, 0.5, "no estimative judgments", ha="center", va="center",
                transform=ax.transAxes)
    else:
        sns.stripplot(data=points, x="prob", y="brief_id", hue="scale", order=keep,
                      hue_order=[s for s in _SCALE_COLOURS if (points["scale"] == s).any()],
                      palette=_SCALE_COLOURS, jitter=0.15, size=6, alpha=0.8, ax=ax)
        ax.legend(title="scale", loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    ax.set(xlim=(0, 1), xlabel="probability (middle of the term’s range)", ylabel="",
           title="Estimative judgments per brief")
    return ax


def plot_claims_by_holder(claims: pd.DataFrame, *, top: int = 15, ax=None):
    """Reported claims per holder (the ``top`` holders), split by negated or not."""
    rows = claims[claims["kind"] == "reported"]
    counts = (rows.assign(stance=rows["negated"].map({True: "negated", False: "asserted"}))
              .groupby(["holder", "stance"]).size().unstack(fill_value=0))
    for col in ("asserted", "negated"):
        if col not in counts:
            counts[col] = 0
    counts = counts.assign(total=counts.sum(axis=1)).nlargest(top, "total")
    ax = _axes(ax, figsize=(8, max(2.5, 0.3 * len(counts) + 1)))
    if counts.empty:
        ax.text(0.5, 0.5, "no reported claims", ha="center", va="center", transform=ax.transAxes)
    else:
        counts[["asserted", "negated"]].iloc[::-1].plot.barh(
            stacked=True, color=["#4c72b0", "#c44e52"], ax=ax)
    ax.set(xlabel="reported claims", ylabel="", title="Who asserts most")
    return ax


def actor_pairs(mentions: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """How often two actors are named in the same sentence: actor_a, actor_b, sentences.

    >>> import briefkit as bk
    >>> m = bk.find_mentions(bk.Corpus.from_texts(["Iran and Russia met. Russia and Iran agreed."]))
    >>> actor_pairs(m).values.tolist()
    [['Iran', 'Russia', 2]]
    """
    named = mentions[~mentions["actor_type"].isin(["region", "non_actor"])]
    named = named[["brief_id", "sent_id", "actor"]].drop_duplicates()
    pairs = named.merge(named, on=["brief_id", "sent_id"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_a"] < pairs["actor_b"]]
    counts = pairs.groupby(["actor_a", "actor_b"]).size().rename("sentences").reset_index()
    return counts.nlargest(top, "sentences").reset_index(drop=True)
