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
