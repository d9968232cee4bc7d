"""seaborn figures used by the notebooks. Each function takes briefkit tables, draws on a
new or given Axes and returns it; none changes its inputs.

>>> import briefkit as bk
>>> ax = plot_words_per_brief(bk.Corpus.from_texts(["Iran agreed.", "Russia did not."]))
>>> ax.get_xlabel()
'words per brief'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns


def _axes(ax=None, *, figsize=(8, 3.5)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


# --- heat maps, drawn once -----------------------------------------------------------------
#
# seaborn's heatmap draws the whole figure once to learn whether its tick labels overlap
# (0.3-1 s a figure, most of the time of a heat map with many labels), and it has no option
# to skip that draw. So the heat maps here are drawn with matplotlib's public API, as
# seaborn's heatmap draws them (a pcolormesh on inverted rows, no spines, a colour bar
# without outline, ticks at the cells' middles, annotations dark or white by the cell's
# luminance), and the overlap test is made from the labels' sizes (the font's metrics, no
# draw) and the tick spacing given by the axes' size: the labels of an axis overlap when
# two neighbours' half-lengths add up to more than the distance between their ticks.

def _ticklabels_overlap(ax, axis: str) -> bool:
    """Whether the tick labels of ``axis`` ("x" or "y") overlap as seaborn first sets them
    (x labels across the axis, y labels along it), decided without a draw: two neighbours
    overlap when the distance between their ticks (in pixels, from the axes' size and
    limits) is less than half the sum of their lengths (the font's metrics)."""
    along = 0 if axis == "x" else 1
    labels = [t for t in (ax.get_xticklabels() if axis == "x" else ax.get_yticklabels())
              if t.get_text()]
    if len(labels) < 2:
        return False
    ax.apply_aspect()  # a square heat map is shrunk at draw time: take its drawn size
    plt.setp(labels, rotation=0 if axis == "x" else "vertical")
    # a label's size needs no draw (only its place does, and that is the tick's)
    lengths = np.array([t.get_window_extent().size[along] for t in labels])
    ticks = np.array([t.get_position()[along] for t in labels], dtype=float)
    centres = ax.transData.transform(np.column_stack([ticks, ticks]))[:, along]
    order = np.argsort(centres)
    centres, lengths = centres[order], lengths[order]
    return bool(np.any(np.diff(centres) < (lengths[1:] + lengths[:-1]) / 2))


def _orient_ticklabels(ax):
    """The rotation seaborn's heatmap gives its tick labels, decided without a draw:
    x labels across the axis, or vertical when they would overlap; y labels along the
    axis, or across when they would overlap."""
    x_vertical = _ticklabels_overlap(ax, "x")
    plt.setp(ax.get_xticklabels(), rotation="vertical" if x_vertical else 0)
    y_across = _ticklabels_overlap(ax, "y")
    plt.setp(ax.get_yticklabels(), rotation="horizontal" if y_across else "vertical",
             va="center")
    return ax


def _tick_labels(index: pd.Index) -> list:
    if isinstance(index, pd.MultiIndex):
        return ["-".join(map(str, values)) for values in index]
    return list(index)


def _auto_ticks(ax, labels: list, axis: int) -> tuple[np.ndarray, list]:
    """As many of ``labels`` as fit along the axis at one label's height each (every
    k-th), as seaborn's heatmap does with ``xticklabels="auto"``."""
    box = ax.get_window_extent().transformed(ax.figure.dpi_scale_trans.inverted())
    size = (box.width, box.height)[axis]
    (tick,) = (ax.xaxis, ax.yaxis)[axis].set_ticks([0])
    most = int(size // (tick.label1.get_size() / 72))
    if most < 1:
        return np.array([]), []
    every = len(labels) // most + 1
    return np.arange(0, len(labels), every) + 0.5, labels[::every]


def _luminance(rgba) -> float:
    """Relative luminance of a colour (WCAG), to write dark or white text on it."""
    rgb = np.asarray(rgba, dtype=float)[:3]
    rgb = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(rgb.dot([0.2126, 0.7152, 0.0722]))


def _heatmap(data: pd.DataFrame, *, ax, cmap="rocket", vmin=None, vmax=None, mask=None,
             annot: bool = False, fmt: str = ".2g", annot_kws: dict | None = None,
             cbar: bool = True, cbar_kws: dict | None = None, square: bool = False,
             linewidths: float = 0, linecolor="white", xticklabels="auto", yticklabels="auto",
             ticklabel_size: float | None = None):
    """A heat map of ``data`` (rows from the top) as seaborn's heatmap draws it, without its
    trial draw: the tick labels' rotation is decided from their sizes (at
    ``ticklabel_size`` when given) and the axes' size instead. Missing values and the
    cells where ``mask`` is true are left blank. ``xticklabels``/``yticklabels``: "auto"
    for as many labels as fit (seaborn's default), True for all, False for none."""
    hidden = data.isna().to_numpy()
    if mask is not None:
        hidden = hidden | np.asarray(mask, dtype=bool)
    values = np.ma.masked_where(hidden, data.to_numpy())
    finite = values.astype(float).filled(np.nan)
    vmin = np.nanmin(finite) if vmin is None else vmin
    vmax = np.nanmax(finite) if vmax is None else vmax
    if square:
        ax.set_aspect("equal")
    sns.despine(ax=ax, left=True, bottom=True)
    mesh = ax.pcolormesh(values, cmap=cmap, vmin=vmin, vmax=vmax, linewidths=linewidths,
                         edgecolor=linecolor)
    ax.set(xlim=(0, data.shape[1]), ylim=(0, data.shape[0]))
    ax.invert_yaxis()
    if cbar:
        ax.figure.colorbar(mesh, None, ax, **(cbar_kws or {})).outline.set_linewidth(0)
    ticks = []
    for axis, (labels, index) in enumerate(((xticklabels, data.columns),
                                            (yticklabels, data.index))):
        names = _tick_labels(index) if labels is not False else []
        if labels == "auto" and names:
            ticks.append(_auto_ticks(ax, names, axis))
        else:
            ticks.append((np.arange(len(names)) + 0.5, names))
    (xticks, xnames), (yticks, ynames) = ticks
    ax.set(xticks=xticks, yticks=yticks)
    ax.set_xticklabels(xnames)
    plt.setp(ax.set_yticklabels(ynames, rotation="vertical"), va="center")
    ax.set(xlabel=_axis_name(data.columns), ylabel=_axis_name(data.index))
    if annot:
        mesh.update_scalarmappable()
        rows, cols = values.shape
        xs, ys = np.meshgrid(np.arange(cols) + 0.5, np.arange(rows) + 0.5)
        for x, y, shown, colour, value in zip(xs.flat, ys.flat, mesh.get_array().flat,
                                              mesh.get_facecolors(), values.flat):
            if shown is not np.ma.masked:
                ax.text(x, y, ("{:" + fmt + "}").format(value), **{
                    "color": ".15" if _luminance(colour) > 0.408 else "w",
                    "ha": "center", "va": "center", **(annot_kws or {})})
    if ticklabel_size is not None:
        ax.tick_params(labelsize=ticklabel_size)
    return _orient_ticklabels(ax)


def _axis_name(index: pd.Index) -> str:
    if isinstance(index, pd.MultiIndex):
        return "-".join(map(str, index.names))
    return "" if index.name is None else index.name


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
        # seaborn draws the jitter from numpy's global generator: seed it for this plot only,
        # so that the same claims give the same picture, and give the caller's state back
        state = np.random.get_state()
        np.random.seed(0)
        try:
            sns.stripplot(data=points, x="prob", y="brief_id", hue="scale", order=keep,
                          hue_order=[s for s in _SCALE_COLOURS if (points["scale"] == s).any()],
                          palette=_SCALE_COLOURS, jitter=0.15, size=6, alpha=0.8, ax=ax)
        finally:
            np.random.set_state(state)
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


# --- comparison (notebook 04) ------------------------------------------------------------

_CHANGE_MARKERS = {"new": "o", "repeated": "o", "strengthened": "^", "weakened": "v",
                   "reversed": "X", "dropped": "x", "recalled": "s"}


def _empty(ax, message: str):
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    return ax


def _one_pair(table: pd.DataFrame, group: str | None) -> pd.DataFrame:
    group = table["group_a"].iloc[0] if group is None and len(table) else group
    return table[table["group_a"] == group]


def plot_keyness_scatter(table: pd.DataFrame, *, group: str | None = None, n_labels: int = 10,
                         ax=None):
    """Frequency in A against frequency in B, distinctive terms labelled (after Scattertext).

    Each point is a term of :func:`briefkit.compare.keyness`: x its rate in B, y its rate in A
    (per 10,000 words, on symmetric-log axes so that zero stays on the plot), coloured by its
    Fightin' Words z. Terms on the diagonal are used alike; the ``n_labels`` terms with the
    highest and lowest z are named.

    >>> import briefkit as bk
    >>> from briefkit.compare import keyness
    >>> c = bk.Corpus.from_texts({"a": "Iran deal. Iran deal.", "b": "Korea missile."})
    >>> plot_keyness_scatter(keyness(c, by=["a"], min_count=1)).get_xlabel()
    'rest: per 10,000 words'
    """
    pair = _one_pair(table, group)
    ax = _axes(ax, figsize=(7, 7))
    if pair.empty:
        return _empty(ax, "no terms to compare")
    name_a, name_b = pair["group_a"].iloc[0], pair["group_b"].iloc[0]
    limit = max(float(pair["z"].abs().max()), 1e-9)
    points = ax.scatter(pair["per_10k_b"], pair["per_10k_a"], c=pair["z"], cmap="coolwarm_r",
                        vmin=-limit, vmax=limit, s=14, alpha=0.7, linewidths=0)
    top = max(float(pair[["per_10k_a", "per_10k_b"]].to_numpy().max()), 1.0) * 1.3
    for axis in (ax.set_xscale, ax.set_yscale):
        axis("symlog", linthresh=1.0)
    ax.plot([0, top], [0, top], color="#999999", lw=0.8, ls="--")
    ax.set(xlim=(0, top), ylim=(0, top), xlabel=f"{name_b}: per 10,000 words",
           ylabel=f"{name_a}: per 10,000 words", title=f"Distinctive terms: {name_a} vs {name_b}")
    labelled = pd.concat([pair.head(n_labels), pair.tail(n_labels)]).drop_duplicates("term")
    _label_points(ax, labelled)
    ax.figure.colorbar(points, ax=ax, shrink=0.6, label=f"z (> 0: typical of {name_a})")
    return ax


def _label_points(ax, labelled: pd.DataFrame, *, gap: float = 10.0):
    """Name the points, nudging labels apart: a label that would sit within ``gap`` points
    of one already placed near the same spot moves down a line."""
    placed: list[tuple[float, float]] = []
    to_points = ax.transData.transform
    scale = 72 / ax.figure.dpi
    for term, x, y, z in labelled[["term", "per_10k_b", "per_10k_a", "z"]].itertuples(index=False):
        px, py = (v * scale for v in to_points((x, y)))
        dy = 3.0
        while any(abs(px - qx) < 45 and abs(py + dy - qy) < gap for qx, qy in placed):
            dy -= gap
        placed.append((px, py + dy))
        ax.annotate(term, (x, y), xytext=(3, dy), textcoords="offset points", fontsize=8,
                    color="#1f4e99" if z > 0 else "#a12a2a")


def plot_keyness_bars(table: pd.DataFrame, *, group: str | None = None, n: int = 12,
                      stat: str = "z", ax=None):
    """The ``n`` terms most typical of each side, as diverging bars of ``stat``."""
    pair = _one_pair(table, group)
    ax = _axes(ax, figsize=(7, max(3, 0.25 * 2 * n)))
    if pair.empty:
        return _empty(ax, "no terms to compare")
    ends = pd.concat([pair.head(n), pair.tail(n)]).drop_duplicates("term")
    ends = ends.sort_values(stat)
    colours = ["#1f4e99" if v > 0 else "#a12a2a" for v in ends[stat]]
    ax.barh(ends["term"], ends[stat], color=colours)
    ax.axvline(0, color="#444444", lw=0.8)
    name_a, name_b = pair["group_a"].iloc[0], pair["group_b"].iloc[0]
    ax.set(xlabel=f"{stat} (> 0: {name_a}; < 0: {name_b})", ylabel="",
           title=f"Most distinctive terms: {name_a} vs {name_b}")
    return ax


def _short_labels(corpus, brief_ids) -> list[str]:
    """A brief's id and the first words of its title (the id alone without a corpus)."""
    if corpus is None:
        return [b[:32] for b in brief_ids]
    titles = dict(zip(corpus.briefs["brief_id"], corpus.briefs["title"]))
    return [f"{b[:10]} {' '.join(str(titles.get(b, '')).split()[:4])}"[:40] for b in brief_ids]


def plot_similarity_heatmap(similarity: pd.DataFrame, corpus=None, *, ax=None):
    """Cosine similarity of briefs as a heat map, rows ordered so that alike briefs sit
    together (:func:`briefkit.compare.cluster_order`, average linkage, no scipy needed)."""
    from briefkit.compare import cluster_order

    order = cluster_order(similarity)
    matrix = similarity.loc[order, order].copy()
    n = len(matrix)
    ax = _axes(ax, figsize=(max(6, 0.22 * n + 3), max(5, 0.22 * n + 2)))
    if n == 0:
        return _empty(ax, "no briefs")
    matrix.index = _short_labels(corpus, order)
    matrix.columns = [b[:10] for b in order]
    off = ~np.eye(n, dtype=bool)
    vmax = float(matrix.to_numpy()[off].max()) if n > 1 else 1.0
    _heatmap(matrix, cmap="mako_r", vmin=0, vmax=vmax, square=True, ax=ax,
             cbar_kws={"label": "cosine (TF-IDF)", "shrink": 0.6},
             xticklabels=True, yticklabels=True, ticklabel_size=7)
    ax.set(title="How alike the briefs are (clustered)", xlabel="", ylabel="")
    return ax


def plot_period_heatmap(table: pd.DataFrame, *, key: str, value: str, ax=None,
                        title: str = "", fmt: str = "g"):
    """A heat map of ``value`` by ``key`` (rows) and period (columns): actors, topics or
    themes over time (:func:`briefkit.compare.actor_timeline`, ``topic_timeline``, ...)."""
    ax = _axes(ax, figsize=(9, max(3, 0.3 * table[key].nunique() + 1.5)))
    if table.empty:
        return _empty(ax, "nothing to show")
    matrix = table.pivot_table(index=key, columns="period", values=value, aggfunc="sum", sort=False)
    matrix = matrix.loc[matrix.sum(axis=1).sort_values(ascending=False).index]
    _heatmap(matrix, cmap="rocket_r", annot=matrix.shape[1] <= 12, fmt=fmt,
             annot_kws={"fontsize": 7}, cbar_kws={"label": value}, ax=ax)
    ax.set(title=title, xlabel="", ylabel="")
    return ax


def plot_co_mentions(edges: pd.DataFrame, *, period: str | None = None, top: int = 15,
                     value: str = "count", ax=None):
    """Which actors are named together: a heat map of the ``top`` actors' co-mentions
    (:func:`briefkit.compare.co_mentions`), for one period or all."""
    from briefkit.compare import co_mention_matrix

    matrix = co_mention_matrix(edges, period=period, value=value)
    keep = matrix.sum(axis=1).sort_values(ascending=False).index[:top]
    matrix = matrix.loc[keep, keep]
    ax = _axes(ax, figsize=(7, 6))
    if matrix.empty:
        return _empty(ax, "no actors named together")
    mask = np.triu(np.ones(matrix.shape, dtype=bool))
    _heatmap(matrix, mask=mask, cmap="rocket_r", annot=True,
             fmt="g" if value == "count" else ".2f",
             annot_kws={"fontsize": 7}, cbar_kws={"label": value}, square=True, ax=ax)
    ax.set(title="Actors named together" + (f" ({period})" if period else ""), xlabel="", ylabel="")
    return ax


def plot_tone_over_time(summary: pd.DataFrame, *, by: str = "holder", top: int = 5,
                        ax=None):
    """Mean tone per period with its confidence interval, one line per holder (the ``top``
    holders by number of sentences), from :func:`briefkit.compare.tone_summary`."""
    ax = _axes(ax, figsize=(9, 4))
    if summary.empty:
        return _empty(ax, "no tone to show")
    keep = summary.groupby(by)["n"].sum().sort_values(ascending=False).index[:top]
    periods = sorted(summary["period"].unique())
    offsets = np.linspace(-0.2, 0.2, len(keep)) if len(keep) > 1 else [0.0]
    palette = sns.color_palette("colorblind", len(keep))
    for (holder, colour), shift in zip(zip(keep, palette), offsets):
        rows = summary[summary[by] == holder].set_index("period").reindex(periods)
        x = np.arange(len(periods)) + shift
        err = np.vstack([rows["mean_score"] - rows["ci_low"], rows["ci_high"] - rows["mean_score"]])
        ax.errorbar(x, rows["mean_score"], yerr=np.nan_to_num(err), fmt="o-", color=colour,
                    capsize=3, lw=1.2, ms=5, label=f"{holder} (n={int(rows['n'].sum())})")
    ax.axhline(0, color="#999999", lw=0.8, ls="--")
    ax.set_xticks(range(len(periods)), periods)
    ax.set(ylim=(-1.05, 1.05), ylabel="mean tone (-1..1)",
           title="Tone toward the target, by holder")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=8)
    return ax


def plot_claim_threads(threads: pd.DataFrame, *, ax=None, max_threads: int = 8):
    """Judgments followed across briefs: each thread's probability range brief by brief.

    ``threads`` is a part of :func:`briefkit.compare.track_claims` (for one theme,
    :func:`~briefkit.compare.select_threads`). A bar spans the range of the term, a marker
    sits at its middle, shaped by the change ('^' strengthened, 'v' weakened, 'X'
    reversed), and a thread's judgments are joined by a line; claims without a range are
    left out.
    """
    ax = _axes(ax, figsize=(10, 4.5))
    rows = threads[threads["prob_low"].notna() & (threads["change"] != "dropped")]
    ranked = rows.groupby("thread").size().sort_values(ascending=False).index[:max_threads]
    if len(ranked) == 0:
        return _empty(ax, "no judgments with a probability range")
    palette = sns.color_palette("colorblind", len(ranked))
    for thread, colour in zip(ranked, palette):
        part = rows[rows["thread"] == thread].sort_values("date")
        dates = pd.to_datetime(part["date"])
        mid = (part["prob_low"] + part["prob_high"]) / 2
        ax.vlines(dates, part["prob_low"], part["prob_high"], color=colour, alpha=0.35, lw=6)
        ax.plot(dates, mid, color=colour, lw=1, alpha=0.8,
                label=f"{thread}: {str(part['content'].iloc[0])[:45]}")
        for change, sub in part.groupby("change"):
            ax.scatter(pd.to_datetime(sub["date"]), (sub["prob_low"] + sub["prob_high"]) / 2,
                       marker=_CHANGE_MARKERS.get(change, "o"), color=colour, s=45, zorder=3,
                       edgecolors="white", linewidths=0.5)
    ax.set(ylim=(0, 1), ylabel="probability (range of the term)",
           title="How the judgments moved (^ strengthened, v weakened, X reversed)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    return ax


def plot_tone_forest(summary: pd.DataFrame, *, by: str, ax=None, title: str = ""):
    """Each group's mean tone with its confidence interval, one row per group, lowest first
    (a forest plot of :func:`briefkit.compare.tone_summary` without periods)."""
    rows = summary.sort_values("mean_score")
    ax = _axes(ax, figsize=(8, max(2.5, 0.3 * len(rows) + 1)))
    if rows.empty:
        return _empty(ax, "no tone to show")
    err = [(rows["mean_score"] - rows["ci_low"]).fillna(0),
           (rows["ci_high"] - rows["mean_score"]).fillna(0)]
    ax.errorbar(rows["mean_score"], rows[by].astype(str), xerr=err, fmt="o", capsize=3,
                color="#4c72b0")
    ax.axvline(0, color="#999999", ls="--", lw=0.8)
    ax.set(xlim=(-1.05, 1.05), xlabel="mean tone (-1..1), with its interval", ylabel="",
           title=title or f"Tone toward the target, by {by}")
    return ax


# --- sentiment (notebook 03) -------------------------------------------------------------

_LABEL_COLOURS = {"negative": "#c44e52", "neutral": "#bbbbbb", "positive": "#4c72b0"}


def tone_matrix(tone: pd.DataFrame, *, top: int = 8) -> pd.DataFrame:
    """Mean score toward the target for each holder (the ``top`` holders by number of
    sentences, 'author' always in) and brief: holders as rows, briefs as columns, NaN where
    a holder holds no view of the target in a brief."""
    counts = tone["holder"].value_counts()
    keep = list(counts.index[:top])
    if "author" in counts.index and "author" not in keep:
        keep = ["author", *keep[: top - 1]]
    rows = tone[tone["holder"].isin(keep)]
    table = rows.pivot_table(index="holder", columns="brief_id", values="score", aggfunc="mean")
    return table.reindex(index=[h for h in keep if h in table.index])


def plot_tone_heatmap(tone: pd.DataFrame, *, top: int = 8, ax=None):
    """Who views the target how, brief by brief: a holder x brief heat map of the mean score
    (red hostile, blue friendly, blank where a holder says nothing of it)."""
    table = tone_matrix(tone, top=top)
    ax = _axes(ax, figsize=(max(8, 0.35 * table.shape[1] + 3), max(3, 0.4 * len(table) + 1.5)))
    if table.empty:
        return _empty(ax, "no tone to show")
    _heatmap(table, cmap="RdBu", vmin=-1, vmax=1, linewidths=0.5,
             linecolor="white", cbar_kws={"label": "mean score (-1..1)"}, ax=ax)
    ax.set_xticks([i + 0.5 for i in range(table.shape[1])], [c[:10] for c in table.columns],
                  rotation=90)
    ax.set(xlabel="brief (by date)", ylabel="holder of the view",
           title=f"Tone toward {_target_name(tone)}: holder x brief")
    return ax


def plot_label_shares(tone: pd.DataFrame, *, top: int = 8, ax=None):
    """For each holder (the ``top`` by sentences), the share of its sentences that are
    negative, neutral and positive toward the target, with the number of sentences."""
    counts = tone["holder"].value_counts().index[:top]
    rows = tone[tone["holder"].isin(counts)]
    shares = pd.crosstab(rows["holder"], rows["label"], normalize="index")
    shares = shares.reindex(index=counts, columns=list(_LABEL_COLOURS), fill_value=0.0)
    ax = _axes(ax, figsize=(8, max(2.5, 0.35 * len(shares) + 1)))
    if shares.empty:
        return _empty(ax, "no tone to show")
    left = pd.Series(0.0, index=shares.index)
    for label, colour in _LABEL_COLOURS.items():
        ax.barh(shares.index, shares[label], left=left, color=colour, label=label)
        left += shares[label]
    n = rows["holder"].value_counts()
    ax.set_yticks(range(len(shares)), [f"{h} (n={n[h]})" for h in shares.index])
    ax.invert_yaxis()
    ax.set(xlim=(0, 1), xlabel="share of the holder's sentences", ylabel="",
           title=f"How each holder speaks of {_target_name(tone)}")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    return ax


def plot_tone_timeline(timeline: pd.DataFrame, *, ax=None):
    """The mean score per period with its confidence interval (a band), from
    :func:`briefkit.sentiment.tone_timeline`; each point's size is its number of sentences."""
    ax = _axes(ax, figsize=(9, 3.5))
    if timeline.empty:
        return _empty(ax, "no dated briefs")
    rows = timeline.sort_values("period")
    ax.fill_between(rows["period"], rows["ci_low"], rows["ci_high"], color="#4c72b0",
                    alpha=0.2, lw=0, label="95% interval")
    ax.plot(rows["period"], rows["mean_score"], color="#4c72b0", lw=1)
    sns.scatterplot(data=rows, x="period", y="mean_score", size="n", sizes=(15, 150),
                    color="#4c72b0", legend="brief", ax=ax)
    ax.axhline(0, color="#999999", lw=0.8, ls="--")
    target = rows["target"].iloc[0] if "target" in rows else "the target"
    ax.set(ylim=(-1.05, 1.05), xlabel="", ylabel="mean score (-1..1)",
           title=f"Tone toward {target} over time")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=8)
    return ax


def plot_confusion(table: pd.DataFrame, *, ax=None, title: str = ""):
    """A confusion matrix (gold labels as rows, predicted as columns) with its counts."""
    ax = _axes(ax, figsize=(4, 3.5))
    _heatmap(table, annot=True, fmt="d", cmap="Blues", cbar=False, linewidths=0.5, ax=ax)
    ax.set(xlabel="predicted", ylabel="hand label", title=title)
    return ax


def plot_evaluation(results: pd.DataFrame, *, metric: str = "macro_f1", ax=None):
    """One metric for each method on each labelled set, side by side, from a table indexed
    by (split, method) (:func:`briefkit.sentiment.evaluate_tone` and ``evaluate_newsmtsc``)."""
    rows = results.reset_index()
    ax = _axes(ax, figsize=(8, 3.5))
    sns.barplot(data=rows, x="split", y=metric, hue="method", palette="colorblind", ax=ax)
    for container in ax.containers:
        ax.bar_label(container, fmt="%.2f", fontsize=8)
    ax.set(ylim=(0, 1), xlabel="", ylabel=metric.replace("_", "-"),
           title=f"{metric.replace('_', '-')} against hand labels")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    return ax


def plot_explanation(explained: pd.DataFrame, *, ax=None, title: str = ""):
    """The words that move a target's score and their contributions, from
    :func:`briefkit.sentiment.explain_target`: the evidence, as bars."""
    ax = _axes(ax, figsize=(7, max(2, 0.4 * len(explained) + 1)))
    if explained.empty:
        return _empty(ax, "no word bears on the target")
    colours = ["#4c72b0" if v > 0 else "#c44e52" for v in explained["contribution"]]
    ax.barh(explained["word"], explained["contribution"], color=colours)
    ax.axvline(0, color="#999999", lw=0.8)
    ax.invert_yaxis()
    ax.set(xlabel="contribution to the score (valence x weight)", ylabel="", title=title)
    return ax


def _target_name(tone: pd.DataFrame) -> str:
    targets = tone["target"].unique() if "target" in tone else []
    return str(targets[0]) if len(targets) == 1 else "the target"
