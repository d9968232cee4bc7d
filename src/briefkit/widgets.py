"""Explorers for notebooks and the dashboard: read a brief, browse claims, follow tone, compare.

Four explorers, each built once on a corpus and its tables (mentions, claims, tone), then
filtered on every interaction, so each answer comes in milliseconds:

- :class:`BriefReader`: one brief with mentions, reported claims, estimative terms (and
  their calibrated ranges) and the sentences about the target coloured by tone.
- :class:`ClaimBrowser`: claims filtered by holder, country, cue, kind, date and range of
  probability; sorted; exported to CSV.
- :class:`ToneExplorer`: tone toward any actor of the gazetteer, by period and holder, with
  the evidence sentences behind each cell.
- :class:`CompareBriefs`: two briefs or two groups of briefs: keyness, actors, claims.

Each explorer has a ``.widget`` (ipywidgets) and shows itself in a notebook. Its callbacks
are plain methods that take values and return DataFrames or HTML strings, so tests and
benchmarks drive them without a browser. Brief text and titles are untrusted input: every
piece of it is escaped before it enters HTML. This is the only module of briefkit that
imports ipywidgets, and no other module imports it.

>>> import briefkit as bk
>>> corpus = bk.Corpus.from_texts({"b1": "Moscow says the talks will likely fail."},
...                               titles=["<b>Talks</b>"])
>>> reader = BriefReader(corpus)
>>> "&lt;b&gt;Talks&lt;/b&gt;" in reader.render("b1"), "<b>Talks" in reader.render("b1")
(True, False)
"""

from __future__ import annotations

import contextlib
import functools
import html
import math
import re
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import ipywidgets as w
import numpy as np
import pandas as pd

from briefkit.compare import (
    assign_groups,
    diff_briefs,
    format_range,
    keyness_from_counts,
    period_of,
    term_table,
)

DEFAULT_TARGET = "United States"
MAX_ROWS = 200  # rows of a table sent to the browser; counts and exports cover every row
LIVE_KERNEL_NOTE = (
    "Static view: the explorer as it stood when the notebook ran. Its controls need a live "
    "kernel: open the notebook with <code>make lab</code>, or serve it with "
    "<code>make dashboard</code>."
)
FREQS = ("month", "quarter", "half", "year")

STYLE = """<style>
.bkw{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px;color:#222}
.bkw-brief{font-family:Georgia,"Times New Roman",serif;line-height:1.65;max-width:52em}
.bkw-brief h3{font-family:system-ui,sans-serif;margin:.2em 0}
.bkw-meta{color:#555;font-size:.9em;margin-bottom:.6em}
.bkw-kp{margin:.3em 0 .8em 1.2em;padding:0}
.bkw-kp li{margin:.15em 0}
.bkw-m{font-weight:600;color:#4b2a8c}
.bkw-c{text-decoration:underline;text-decoration-color:#1f77b4;text-decoration-thickness:2px;
text-underline-offset:3px}
.bkw-t{outline:1.5px solid #d98200;background:#fff0d4;border-radius:2px}
.bkw-tone-negative{background:#f8d3ce}.bkw-tone-neutral{background:#e9e9e9}
.bkw-tone-positive{background:#d2e1f5}
.bkw-range{font-size:.72em;color:#8a5a00;margin-left:.1em;font-family:system-ui,sans-serif}
.bkw-legend{font-size:12px;margin:.3em 0 .6em 0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
.bkw-legend span.bkw-sw{padding:0 .35em}
.bkw-note{font-size:12px;color:#555;border-left:3px solid #bbb;padding:.2em .6em;margin:.4em 0}
.bkw-count{font-weight:600;margin:.3em 0}
table.bkw-table{border-collapse:collapse;font-size:12.5px;margin:.3em 0}
table.bkw-table th{background:#f2f2f2;text-align:left;position:sticky;top:0}
table.bkw-table td,table.bkw-table th{border-bottom:1px solid #ddd;padding:.25em .5em;
vertical-align:top;max-width:38em;text-align:left}
td.bkw-long{min-width:22em}
.bkw-scroll{max-height:36em;overflow:auto}
.bkw-error{color:#a00}
</style>"""


# --- HTML, always escaped -----------------------------------------------------------------


def escape(value) -> str:
    """Any value as HTML text, quotes included; None and NaN as ''.

    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA \
            or value is pd.NaT:
        return ""
    return html.escape(str(value), quote=True)


def _cell(value) -> str:
    if isinstance(value, (float, np.floating)):
        return "" if math.isnan(value) else f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, pd.Timestamp):
        return "" if pd.isna(value) else f"{value:%Y-%m-%d}"
    if isinstance(value, (list, tuple)):
        return escape(", ".join(map(str, value)))
    return escape(value)


LONG_COLUMNS = frozenset({"content", "claim_a", "claim_b", "sentence", "evidence", "note"})


def html_table(frame: pd.DataFrame, *, columns: Sequence[str] | None = None,
               max_rows: int = MAX_ROWS, empty: str = "No rows.") -> str:
    """A DataFrame as an HTML table, every cell escaped; at most ``max_rows`` rows.

    >>> html_table(pd.DataFrame({"title": ["<script>x</script>"]})).split("<tbody>")[1]
    '<tr><td>&lt;script&gt;x&lt;/script&gt;</td></tr></tbody></table>'
    """
    columns = list(columns or frame.columns)
    if frame.empty:
        return f'<p class="bkw-note">{escape(empty)}</p>'
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    opens = ['<td class="bkw-long">' if c in LONG_COLUMNS else "<td>" for c in columns]
    body = "".join(
        "<tr>" + "".join(f"{td}{_cell(v)}</td>" for td, v in zip(opens, row)) + "</tr>"
        for row in frame[columns].head(max_rows).itertuples(index=False, name=None))
    return (f'<table class="bkw-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


@functools.lru_cache(maxsize=1)
def _palette() -> tuple[str, ...]:
    """seaborn's diverging 'vlag' palette, reversed: negative red, neutral white, positive blue."""
    import seaborn as sns

    return tuple(sns.color_palette("vlag_r", TONE_STEPS).as_hex())


TONE_STEPS = 21
TONE_LIMIT = 0.6  # scores beyond +/-0.6 get the palette's end colours


def tone_colour(score: float) -> str:
    """The colour of a tone score on the heat map and timeline (grey when unknown).

    >>> tone_colour(float("nan")), tone_colour(0.0) == tone_colour(0.01)
    ('#eeeeee', True)
    """
    if score is None or pd.isna(score):
        return "#eeeeee"
    step = (min(max(float(score), -TONE_LIMIT), TONE_LIMIT) + TONE_LIMIT) / (2 * TONE_LIMIT)
    return _palette()[round(step * (TONE_STEPS - 1))]


def _svg(width: int, height: int, body: str, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
            f'style="font-family:system-ui,sans-serif;font-size:11px">{body}</svg>')


def _text(x: float, y: float, text, *, anchor: str = "start", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {extra}>'
            f"{escape(text)}</text>")


def svg_timeline(line: pd.DataFrame, *, title: str, width: int = 460, height: int = 250) -> str:
    """Mean tone per period as an SVG line (dots sized by sentences; hover for figures).

    ``line`` has the columns of :meth:`ToneExplorer.timeline`.
    """
    left, right, top, bottom = 42, 12, 26, 62
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [_text(left, 15, title, extra='font-weight="600"')]
    means = pd.to_numeric(line["mean"], errors="coerce") if len(line) else pd.Series(dtype=float)
    lim = 0.5 if means.abs().max() <= 0.5 or means.empty else 1.0  # tone is rarely extreme
    parts += _tone_grid(lim, left=left, right=width - right, top=top, height=plot_h)
    n = len(line)
    if n == 0:
        parts.append(_text(width / 2, height / 2, "no sentence", anchor="middle"))
        return _svg(width, height, "".join(parts), title)
    xs = [left + (i + 0.5) * plot_w / n for i in range(n)]
    ys = [top + (1 - float(m) / lim) / 2 * plot_h for m in line["mean"]]
    parts.append('<polyline fill="none" stroke="#555" stroke-width="1.3" points="'
                 + " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys)) + '"/>')
    step = max(1, n // 12)
    for i, r in enumerate(line.itertuples(index=False)):
        radius = min(3 + 1.4 * math.sqrt(r.n), 11)
        tip = (f"{r.period}: mean {r.mean:+.2f} over {r.n} sentences (negative "
               f"{r.negative:.0%}, neutral {r.neutral:.0%}, positive {r.positive:.0%})")
        parts.append(f'<circle cx="{xs[i]:.1f}" cy="{ys[i]:.1f}" r="{radius:.1f}" '
                     f'fill="{tone_colour(r.mean)}" stroke="#333" stroke-width=".7">'
                     f"<title>{escape(tip)}</title></circle>")
        if i % step == 0:
            parts.append(_tick_label(xs[i], height - bottom + 14, r.period))
    return _svg(width, height, "".join(parts), title)


def _tone_grid(lim: float, *, left: float, right: float, top: float, height: float) -> list[str]:
    """Horizontal lines at -lim, -lim/2, 0, lim/2 and lim, labelled on the left."""
    parts = []
    for value in (-lim, -lim / 2, 0, lim / 2, lim):
        y = top + (1 - value / lim) / 2 * height
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="{"#999" if value == 0 else "#e5e5e5"}"/>')
        parts.append(_text(left - 5, y + 4, f"{value:+.2g}" if value else "0", anchor="end"))
    return parts


def _tick_label(x: float, y: float, label) -> str:
    """A label under the x axis, turned so that long period names do not collide."""
    return _text(x, y, label, anchor="end", extra=f'transform="rotate(-40 {x:.1f} {y})"')


def svg_heatmap(means: pd.DataFrame, counts: pd.DataFrame, *, title: str,
                width: int = 560) -> str:
    """Mean tone by holder (rows) and period (columns) as an SVG heat map; hover a cell."""
    label_w, top, bottom = 150, 26, 58
    if means.empty:
        return _svg(width, 80, _text(8, 40, f"{title}: no sentence"), title)
    rows, cols = list(means.index), list(means.columns)
    cell_w = max(8.0, min(40.0, (width - label_w - 10) / max(len(cols), 1)))
    cell_h = 18
    height = top + cell_h * len(rows) + bottom
    parts = [_text(0, 15, title, extra='font-weight="600"')]
    values, n = means.to_numpy(float), counts.reindex(index=rows, columns=cols).to_numpy(float)
    for i, holder in enumerate(rows):
        y = top + i * cell_h
        name = str(holder) if len(str(holder)) <= 24 else str(holder)[:23] + "\u2026"
        parts.append(_text(label_w - 6, y + 13, name, anchor="end"))
        for j, period in enumerate(cols):
            v, k = values[i, j], n[i, j]
            tip = (f"{holder}, {period}: " + (f"mean {v:+.2f} over {int(k)} sentences"
                                               if not math.isnan(v) else "no sentence"))
            parts.append(f'<rect x="{label_w + j * cell_w:.1f}" y="{y}" width="{cell_w - 1:.1f}" '
                         f'height="{cell_h - 1}" fill="{tone_colour(v)}">'
                         f"<title>{escape(tip)}</title></rect>")
    step = max(1, int(14 // cell_w) + 1)
    base = top + cell_h * len(rows) + 12
    for j, period in enumerate(cols):
        if j % step == 0:
            parts.append(_tick_label(label_w + (j + 0.5) * cell_w, base, period))
    return _svg(int(label_w + cell_w * len(cols) + 10), height, "".join(parts), title)


def svg_keyness(table: pd.DataFrame, names: tuple[str, str], *, top: int = 15,
                width: int = 460) -> str:
    """The terms most typical of A (right, red) and of B (left, blue), by z of the log-odds."""
    title = "Distinctive terms (z of the log-odds)"
    heading = (_text(0, 13, f"A: {names[0]}", extra='fill="#b03a2e"')
               + _text(0, 28, f"B: {names[1]}", extra='fill="#2e5e9e"'))
    if table is None or table.empty:
        note = _text(0, 50, "no term is frequent enough on both sides to compare")
        return _svg(width, 62, heading + note, title)
    rows = pd.concat([table[table["z"] > 0].head(top), table[table["z"] < 0].tail(top)])
    label_w, top_pad, bar_h = 120, 40, 15
    height = top_pad + bar_h * len(rows) + 24
    zmax = max(float(rows["z"].abs().max()), 1e-9)
    half = (width - label_w - 16) / 2
    mid = label_w + half
    parts = [heading,
             (f'<line x1="{mid:.1f}" x2="{mid:.1f}" y1="{top_pad - 4}" '
             f'y2="{height - 20}" stroke="#555"/>')]
    for i, r in enumerate(rows.itertuples(index=False)):
        y = top_pad + i * bar_h
        length = abs(r.z) / zmax * half
        x = mid if r.z > 0 else mid - length
        tip = (f"{r.term}: z {r.z:+.2f}; {r.count_a} in A, {r.count_b} in B "
               f"({r.per_10k_a:.1f} vs {r.per_10k_b:.1f} per 10,000 words)")
        parts.append(f'<rect x="{x:.1f}" y="{y}" width="{length:.1f}" height="{bar_h - 3}" '
                     f'fill="{"#c0504d" if r.z > 0 else "#4f81bd"}">'
                     f"<title>{escape(tip)}</title></rect>")
        parts.append(_text(label_w - 6, y + 10, r.term, anchor="end"))
    parts.append(_text(mid, height - 6, "\u2190 typical of B   |   typical of A \u2192",
                       anchor="middle", extra='fill="#555"'))
    return _svg(width, height, "".join(parts), title)


def _months(dates: pd.Series) -> list[str]:
    """Every month from the first date to the last, as 'YYYY-MM' (none without dates)."""
    known = pd.to_datetime(dates, errors="coerce").dropna()
    if known.empty:
        return []
    span = pd.period_range(known.min().to_period("M"), known.max().to_period("M"), freq="M")
    return [str(p) for p in span]


def _month_options(months: list[str]) -> list[tuple[str, str]]:
    """A month slider's options: 'Feb 2015' shown, 'YYYY-MM' its value. The slider's readout
    joins its two ends with '-', which made '2015-02-2017-12' of the bare values."""
    return [(pd.Period(m, freq="M").strftime("%b %Y"), m) if m != "none" else (m, m)
            for m in months]


def _month_numbers(dates: pd.Series) -> np.ndarray:
    """Months since year 0 (year * 12 + month - 1), -1 where the date is unknown."""
    dates = pd.to_datetime(dates, errors="coerce")
    number = dates.dt.year * 12 + dates.dt.month - 1
    return number.fillna(-1).astype(int).to_numpy()


def _month_number(label: str) -> int:
    year, month = label.split("-")
    return int(year) * 12 + int(month) - 1


def _brief_labels(briefs: pd.DataFrame) -> list[str]:
    """'2015-03-09 \u00b7 Title' (or 'undated \u00b7 Title') for each brief, in order."""
    dates = pd.to_datetime(briefs["date"], errors="coerce")
    return [f"{d:%Y-%m-%d} \u00b7 {t}" if pd.notna(d) else f"undated \u00b7 {t}"
            for d, t in zip(dates, briefs["title"])]


def _count(n: int, noun: str) -> str:
    """'1 claim', '2,345 claims'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _labelled(counts: pd.Series) -> list[tuple[str, str]]:
    """(label with count, value) options, most frequent first."""
    return [(f"{value} ({n})", value) for value, n in counts.items()]


class _Explorer:
    """What every explorer shares: a lazily built ``.widget`` and a notebook display."""

    title = ""
    css_class = "bkw-explorer"

    def __init__(self) -> None:
        self._widget = None
        self._busy = False  # controls being set together: their observers wait

    @contextlib.contextmanager
    def _quietly(self):
        """Set several controls without redrawing after each one."""
        self._busy = True
        try:
            yield
        finally:
            self._busy = False

    @property
    def widget(self) -> w.Widget:
        """The explorer's ipywidgets tree, built on first use."""
        if self._widget is None:
            self._widget = self._build()
            self._widget.add_class(self.css_class)  # a handle for pages and browser tests
        return self._widget

    def _build(self) -> w.Widget:
        raise NotImplementedError

    def snapshot_html(self) -> str:
        """The current view as static HTML (for exported pages), with a note on the kernel."""
        return (f'{STYLE}<div class="bkw"><p class="bkw-note">{LIVE_KERNEL_NOTE}</p>'
                f"{self._snapshot_body()}</div>")

    def _snapshot_body(self) -> str:
        return ""

    def _repr_mimebundle_(self, include=None, exclude=None):
        # The widget for Jupyter and Voila; beside it a static snapshot, which pages
        # rendered without a kernel (nbconvert, the report) can show.
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude))
        bundle["text/html"] = self.snapshot_html()
        return bundle


def _tables(corpus, mentions, claims, tone, target):
    """The tables an explorer needs, computed only where the caller passed none."""
    from briefkit import actors, sentiment
    from briefkit import claims as claims_mod

    if mentions is None:
        mentions = actors.find_mentions(corpus)
    if claims is None:
        claims = claims_mod.extract_claims(corpus)
    if tone is None:
        tone = sentiment.sentiment_toward(corpus, target)
    return mentions, claims, tone


# --- BriefReader --------------------------------------------------------------------------


class Span(NamedTuple):
    """One highlighted stretch of a brief's text."""

    start: int
    end: int
    css: str
    title: str
    label: str = ""  # shown inline after the span (an estimative term's range)


LAYERS = {
    "mentions": ("bkw-m", "actor mentions"),
    "claims": ("bkw-c", "reported claims (holder to content)"),
    "terms": ("bkw-t", "estimative terms, with their range"),
    "tone": ("bkw-tone-neutral", "sentences about the target, by tone"),
}


def _mention_spans(mentions: pd.DataFrame) -> pd.DataFrame:
    titles = ("Actor: " + mentions["actor"].astype(str) + " ("
              + mentions["actor_type"].astype(str) + ", " + mentions["country"].astype(str) + ")")
    return pd.DataFrame({"brief_id": mentions["brief_id"], "start": mentions["start"],
                         "end": mentions["end"], "css": "bkw-m", "title": titles, "label": ""})


def _claim_spans(claims: pd.DataFrame) -> pd.DataFrame:
    rep = claims[claims["kind"] == "reported"]
    neg = np.where(rep["negated"].fillna(False).astype(bool), ", negated", "")
    titles = ("Reported claim: " + rep["holder"].fillna("").astype(str) + " ("
              + rep["holder_country"].fillna("").astype(str) + "), cue '"
              + rep["cue"].fillna("").astype(str) + "'" + neg)
    return pd.DataFrame({"brief_id": rep["brief_id"], "start": rep["start"], "end": rep["end"],
                         "css": "bkw-c", "title": titles, "label": ""})


def _term_spans(claims: pd.DataFrame) -> pd.DataFrame:
    if "term_start" in claims.columns:
        starts, ends = claims["term_start"], claims["term_end"]
    else:  # the contract's columns only: a judgment's start/end is its term
        starts = claims["start"].where(claims["kind"] == "judgment")
        ends = claims["end"].where(claims["kind"] == "judgment")
    terms = claims.assign(_s=starts, _e=ends)
    terms = terms[terms["estimative_term"].notna() & terms["_s"].notna() & terms["_e"].notna()]
    terms = terms.drop_duplicates(["brief_id", "_s", "_e"])
    ranges = [format_range(lo, hi) for lo, hi in zip(terms["prob_low"], terms["prob_high"])]
    scale = terms["scale"].fillna("") if "scale" in terms.columns else pd.Series("", terms.index)
    holder = np.where(terms["holder"].fillna("author") == "author", "",
                      "; in the view of " + terms["holder"].fillna("").astype(str))
    titles = ("Estimative term '" + terms["estimative_term"].astype(str) + "': "
              + pd.Series(ranges, index=terms.index) + " ("
              + scale.astype(str).replace("", "no scale") + ")" + holder)
    return pd.DataFrame({"brief_id": terms["brief_id"], "start": terms["_s"].astype(int),
                         "end": terms["_e"].astype(int), "css": "bkw-t", "title": titles,
                         "label": ranges})


def _tone_spans(tone: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    rows = tone.merge(sentences[["brief_id", "sent_id", "start", "end"]],
                      on=["brief_id", "sent_id"], how="inner")
    titles = ("Tone toward " + rows["target"].astype(str) + ": " + rows["label"].astype(str)
              + " (score " + rows["score"].map("{:+.2f}".format) + "), held by "
              + rows["holder"].astype(str) + "; evidence: "
              + rows["evidence"].fillna("").astype(str))
    return pd.DataFrame({"brief_id": rows["brief_id"], "start": rows["start"], "end": rows["end"],
                         "css": "bkw-tone-" + rows["label"].astype(str), "title": titles,
                         "label": ""})


def highlight(text: str, start: int, end: int, spans: Iterable[Span],
              outer: Iterable[Span] = ()) -> str:
    """``text[start:end]`` as escaped HTML, each stretch wrapped in the classes covering it.

    ``spans`` may overlap: the text is cut at every span boundary, and each piece carries
    the classes and hover titles of all spans covering it, so nothing needs nesting. A
    span's ``label`` follows it inline. ``outer`` spans (whole sentences, which never
    overlap one another) are wrapped around the pieces once each.

    >>> print(highlight("Iran <may> balk", 0, 15, [Span(6, 9, "bkw-t", "term", "1-99%")]))
    Iran &lt;<span class="bkw-t" title="term">may</span><sup class="bkw-range">1-99%</sup>&gt; balk
    """
    inside = [s for s in spans if s.start < end and s.end > start and s.end > s.start]
    around = sorted((s for s in outer if s.start < end and s.end > start and s.end > s.start),
                    key=lambda s: s.start)
    cuts = sorted({start, end, *(max(start, s.start) for s in inside + around),
                   *(min(end, s.end) for s in inside + around)})
    out, open_outer = [], None
    for a, b in pairwise(cuts):
        wrap = next((s for s in around if s.start <= a and s.end >= b), None)
        if wrap is not open_outer:
            if open_outer is not None:
                out.append("</span>")
            if wrap is not None:
                out.append(f'<span class="{escape(wrap.css)}" title="{escape(wrap.title)}">')
            open_outer = wrap
        piece = escape(text[a:b])
        active = [s for s in inside if s.start <= a and s.end >= b]
        if active:
            css = " ".join(dict.fromkeys(s.css for s in active))
            title = "\n".join(dict.fromkeys(s.title for s in active if s.title))
            piece = f'<span class="{escape(css)}" title="{escape(title)}">{piece}</span>'
        out.append(piece)
        out.extend(f'<sup class="bkw-range">{escape(s.label)}</sup>'
                   for s in inside if s.label and min(end, s.end) == b)
    if open_outer is not None:
        out.append("</span>")
    return "".join(out)


class BriefReader(_Explorer):
    """Read one brief at a time with what briefkit found in it highlighted.

    Args:
        corpus: a Corpus.
        mentions, claims, tone: the tables of ``find_mentions``, ``extract_claims`` and
            ``sentiment_toward(corpus, target)``; computed here when not given.
        target: the actor whose tone colours the sentences (when ``tone`` is computed here).
        brief_id: the brief shown first (default: the first in the corpus).

    Raises:
        ValueError: ``brief_id`` is not in the corpus.

    Callbacks: :meth:`options` (search), :meth:`render`, :meth:`legend_html`.
    """

    title = "Brief reader"
    css_class = "bkw-reader"

    def __init__(self, corpus, *, mentions=None, claims=None, tone=None,
                 target: str = DEFAULT_TARGET, brief_id: str | None = None) -> None:
        super().__init__()
        mentions, claims, tone = _tables(corpus, mentions, claims, tone, target)
        self.corpus = corpus
        self.target = str(tone["target"].iloc[0]) if len(tone) else target
        briefs = corpus.briefs.reset_index(drop=True)
        self._briefs = briefs.set_index("brief_id", drop=False)
        self._labels = dict(zip(briefs["brief_id"], _brief_labels(briefs)))
        self._keys = [(f"{label} {b}".casefold(), b) for b, label in self._labels.items()]
        self._paragraphs = corpus.paragraphs.groupby("brief_id", sort=False).indices
        layers = {"mentions": _mention_spans(mentions), "claims": _claim_spans(claims),
                  "terms": _term_spans(claims), "tone": _tone_spans(tone, corpus.sentences)}
        self._spans = {name: (frame.reset_index(drop=True),
                              frame.groupby("brief_id", sort=False).indices)
                       for name, frame in layers.items()}
        if brief_id is not None and brief_id not in self._briefs.index:
            raise ValueError(f"no brief {brief_id!r} in the corpus{self._suggest(brief_id)}")
        self.brief_id = brief_id or (briefs["brief_id"].iloc[0] if len(briefs) else None)

    def _suggest(self, name: str) -> str:
        """'; did you mean ...?' for a file name, a title or a near miss of a brief id."""
        import difflib

        name = str(name).strip()
        ids = list(self._briefs.index)
        stem = Path(name).stem if name else ""
        near = ([stem] if stem in self._briefs.index else
                [b for _, b in self.options(name)][:3] if name else [])
        near = near or difflib.get_close_matches(name, ids, n=3, cutoff=0.6)
        if near:
            return f"; did you mean {', '.join(repr(b) for b in near)}?"
        return f" (brief ids are the brief_id column of corpus.briefs, such as {ids[0]!r})" \
            if ids else ""

    def options(self, query: str = "") -> list[tuple[str, str]]:
        """(label, brief_id) of the briefs whose date, title or id holds every word of
        ``query``."""
        words = query.casefold().split()
        return [(self._labels[b], b) for key, b in self._keys if all(x in key for x in words)]

    def title_of(self, brief_id: str) -> str:
        """The brief's title (as loaded: untrusted text, not escaped)."""
        return str(self._briefs.at[brief_id, "title"])

    def spans(self, brief_id: str, layers: Iterable[str] = tuple(LAYERS)) -> list[Span]:
        """The highlighted stretches of one brief, for the chosen layers."""
        out = []
        for name in layers:
            frame, index = self._spans[name]
            rows = index.get(brief_id)
            if rows is not None:
                part = frame.iloc[rows]
                out += [Span(int(s), int(e), c, t, lab) for s, e, c, t, lab in zip(
                    part["start"], part["end"], part["css"], part["title"], part["label"])]
        return out

    def counts(self, brief_id: str) -> dict[str, int]:
        """How many spans of each layer the brief holds."""
        return {name: len(index.get(brief_id, ())) for name, (_, index) in self._spans.items()}

    def render(self, brief_id: str, layers: Iterable[str] = tuple(LAYERS)) -> str:
        """One brief as HTML: title, date, source, key points and body, highlighted."""
        if brief_id not in self._briefs.index:
            return f'<p class="bkw-error">No brief {escape(brief_id)!s} in this corpus.</p>'
        row = self._briefs.loc[brief_id]
        return (f'<div class="bkw-brief"><h3 class="bkw-title">{escape(row["title"])}</h3>'
                f'<div class="bkw-meta">{self._meta_html(row)}</div>'
                f"{self._text_html(row, layers)}</div>")

    def _text_html(self, row: pd.Series, layers: Iterable[str]) -> str:
        """Key points as a list, then the body's paragraphs, each highlighted."""
        text, brief_id = str(row["text"]), row["brief_id"]
        spans = self.spans(brief_id, [x for x in layers if x != "tone"])
        sentences = self.spans(brief_id, ["tone"] if "tone" in layers else [])
        paras = self.corpus.paragraphs.iloc[self._paragraphs.get(brief_id, [])]
        body, key_points = [], []
        for kind, start, end in zip(paras["kind"], paras["start"], paras["end"]):
            piece = highlight(text, int(start), int(end), spans, sentences)
            if kind == "key_point":
                key_points.append(f"<li>{piece}</li>")
                continue
            if key_points:
                body.append(f'<ul class="bkw-kp">{"".join(key_points)}</ul>')
                key_points = []
            body.append(f"<p>{piece}</p>")
        if key_points:
            body.append(f'<ul class="bkw-kp">{"".join(key_points)}</ul>')
        return "".join(body)

    def _meta_html(self, row: pd.Series) -> str:
        """Date, source, length and what was found, on one line."""
        counts = self.counts(row["brief_id"])
        date = row["date"]
        has_source = pd.notna(row["source"]) and row["source"]
        source = f"{escape(row['source'])} \u00b7 " if has_source else ""
        return (f"{escape(f'{date:%d %B %Y}' if pd.notna(date) else 'undated')} \u00b7 "
                f"{source}{int(row['n_words']):,} words \u00b7 "
                f"{counts['mentions']} mentions, {counts['claims']} reported claims, "
                f"{counts['terms']} estimative terms, {counts['tone']} sentences about "
                f"{escape(self.target)}")

    def legend_html(self, layers: Iterable[str] = tuple(LAYERS)) -> str:
        """A key to the highlights; hover over any highlight for its details."""
        items = []
        for name in layers:
            css, what = LAYERS[name]
            if name == "tone":
                items += [f'<span class="bkw-sw bkw-tone-{lab}">{lab}</span>'
                          for lab in ("negative", "neutral", "positive")]
                items.append(f"<span>sentences about {escape(self.target)}</span>")
            else:
                swatch = f'<span class="bkw-sw {css}">{escape(name)}</span>'
                items.append(f"<span>{swatch} {what}</span>")
        return (f'<div class="bkw-legend">{"".join(items)}<span>(hover over a highlight for '
                "details)</span></div>")

    def view(self, brief_id: str, layers: Iterable[str] = tuple(LAYERS)) -> str:
        """Legend and brief together, with the stylesheet: what the widget shows."""
        layers = tuple(layers)
        return (f'{STYLE}<div class="bkw">{self.legend_html(layers)}'
                f"{self.render(brief_id, layers)}</div>")

    def _snapshot_body(self) -> str:
        return self.view(self.brief_id) if self.brief_id else ""

    def _build(self) -> w.Widget:
        c = self.controls = {
            "search": w.Text(placeholder="title, date or id", description="Search",
                             continuous_update=True, layout=w.Layout(width="22em")),
            "brief": w.Dropdown(options=self.options(), value=self.brief_id, description="Brief",
                                layout=w.Layout(width="46em")),
            "layers": w.SelectMultiple(options=list(LAYERS), value=tuple(LAYERS), rows=4,
                                       description="Highlight", layout=w.Layout(width="18em")),
            "page": w.HTML(self.view(self.brief_id) if self.brief_id else "")}
        c["page"].add_class("bkw-reader-page")
        c["search"].observe(self._refilter, names="value")
        for name in ("brief", "layers"):
            c[name].observe(self._redraw, names="value")
        return w.VBox([w.HBox([w.VBox([c["search"], c["brief"]]), c["layers"]]), c["page"]])

    def _redraw(self, _=None) -> None:
        c = self.controls
        if c["brief"].value is not None:
            self.brief_id = c["brief"].value
            c["page"].value = self.view(c["brief"].value, c["layers"].value)

    def _refilter(self, change) -> None:
        choice = self.controls["brief"]
        found = self.options(change["new"])
        keep = choice.value if any(b == choice.value for _, b in found) else None
        choice.options = found
        choice.value = keep if keep else (found[0][1] if found else None)
        if not found:  # say so, rather than leave the last brief under an empty choice
            self.controls["page"].value = (
                f'{STYLE}<div class="bkw"><p class="bkw-error">No brief matches '
                f"{escape(change['new'].strip())!r}: search words of a title, a date "
                "(2016-12) or a brief id.</p></div>")


# --- ClaimBrowser -------------------------------------------------------------------------

CLAIM_VIEW = ["date", "title", "kind", "holder", "holder_country", "cue", "negated",
              "confidence", "estimative_term", "range", "content"]
SORTS = ("date", "title", "kind", "holder", "holder_country", "cue", "confidence", "prob_low",
         "prob_high")


class ClaimBrowser(_Explorer):
    """Filter the claims table, sort it, count it, export it.

    The "precision-first" box keeps only the reported claims whose ``confidence`` reaches
    :func:`briefkit.claim_model.precision_first_threshold` (judgments and key points stay).

    Args:
        corpus: a Corpus.
        claims: the table of ``extract_claims`` (computed here when not given).
        export_path: where :meth:`export` writes by default (``build/claims-filtered.csv``).
        max_rows: rows shown in the table (the count and the export cover all).

    Callbacks: :meth:`filter`, :meth:`sort`, :meth:`table_html`, :meth:`summary`,
    :meth:`export`; none changes the explorer. ``last`` holds the rows the widget shows,
    which :meth:`export` writes by default.
    """

    title = "Claim browser"
    css_class = "bkw-claims"

    def __init__(self, corpus, *, claims=None, export_path: str | Path | None = None,
                 max_rows: int = MAX_ROWS) -> None:
        super().__init__()
        if claims is None:
            from briefkit.claims import extract_claims

            claims = extract_claims(corpus)
        briefs = corpus.briefs[["brief_id", "date", "title"]]
        frame = claims.merge(briefs, on="brief_id", how="left")
        frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
        frame["range"] = [format_range(*r) for r in zip(frame["prob_low"], frame["prob_high"])]
        if "confidence" not in frame:  # a table from elsewhere: no claim's confidence known
            frame["confidence"] = np.nan
        self.claims = frame.reset_index(drop=True)
        self.max_rows = max_rows
        self.export_path = Path(export_path) if export_path else None
        self._month = _month_numbers(frame["date"])
        self._low = pd.to_numeric(frame["prob_low"], errors="coerce").to_numpy(float)
        self._high = pd.to_numeric(frame["prob_high"], errors="coerce").to_numpy(float)
        self._content = [str(c).casefold() for c in frame["content"].fillna("")]
        self._confidence = pd.to_numeric(frame["confidence"], errors="coerce").to_numpy(float)
        self._reported = (frame["kind"] == "reported").to_numpy()
        self._sets = {col: self._exploded(frame[col]) for col in ("holder", "holder_country")}
        self._factorized = {col: pd.factorize(frame[col].fillna("")) for col in ("cue", "kind")}
        self.months = _months(frame["date"])
        self._keys = {col: _sort_keys(self.claims[col]) for col in SORTS}
        self._last = np.arange(len(self.claims))

    @property
    def last(self) -> pd.DataFrame:
        """The rows the widget shows, in its order (what :meth:`export` writes by default)."""
        return self.claims.iloc[self._last]

    @staticmethod
    def _exploded(values: pd.Series):
        """(row numbers, value codes, uniques) of a column whose cells may join values with '|'."""
        parts = values.fillna("").astype(str).str.split("|").explode()
        codes, uniques = pd.factorize(parts)
        return parts.index.to_numpy(), codes, uniques

    def choices(self, column: str) -> list[tuple[str, str]]:
        """Options for a filter, most frequent first, with counts ("Russia (52)")."""
        if column in self._sets:
            _rows, codes, uniques = self._sets[column]
            counts = pd.Series(np.bincount(codes, minlength=len(uniques)), index=uniques)
        else:
            counts = self.claims[column].fillna("").value_counts()
        counts = counts[counts.index != ""].sort_values(ascending=False, kind="mergesort")
        return _labelled(counts)

    def _rows_with(self, column: str, wanted: Sequence[str]) -> np.ndarray:
        if column in self._sets:
            rows, codes, uniques = self._sets[column]
            hit = np.isin(codes, np.flatnonzero(np.isin(uniques, list(wanted))))
            mask = np.zeros(len(self.claims), dtype=bool)
            mask[rows[hit]] = True
            return mask
        codes, uniques = self._factorized[column]
        return np.isin(codes, np.flatnonzero(np.isin(uniques, list(wanted))))

    def filter(self, *, holders: Sequence[str] = (), countries: Sequence[str] = (),
               cues: Sequence[str] = (), kinds: Sequence[str] = (),
               months: tuple[str, str] | None = None, prob: tuple[float, float] = (0.0, 1.0),
               text: str = "", min_confidence: float = 0.0) -> pd.DataFrame:
        """The claims that pass every filter; an empty selection means "any".

        Args:
            holders, countries: keep claims held by any of these (a claim with several
                holders, "Germany|France", matches each).
            cues, kinds: keep claims with any of these cues / kinds.
            months: ('YYYY-MM', 'YYYY-MM'), both included. Undated claims are kept only
                while the range spans every month.
            prob: keep claims whose estimative range lies within [low, high]; (0, 1) keeps
                every claim, including those with no term of likelihood.
            text: words that must all occur in the claim's content (any case).
            min_confidence: keep reported claims whose ``confidence`` is at least this (one
                with none known is dropped once this is above 0); other kinds are kept.
        """
        return self.claims.iloc[self.positions(holders=holders, countries=countries, cues=cues,
                                               kinds=kinds, months=months, prob=prob, text=text,
                                               min_confidence=min_confidence)]

    def positions(self, *, holders=(), countries=(), cues=(), kinds=(), months=None,
                  prob=(0.0, 1.0), text: str = "", min_confidence: float = 0.0) -> np.ndarray:
        """The row numbers :meth:`filter` keeps (cheaper than the rows on a large corpus)."""
        mask = np.ones(len(self.claims), dtype=bool)
        for column, wanted in (("holder", holders), ("holder_country", countries),
                               ("cue", cues), ("kind", kinds)):
            if wanted:
                mask &= self._rows_with(column, wanted)
        if months and self.months and (months[0], months[1]) != (self.months[0], self.months[-1]):
            lo, hi = _month_number(months[0]), _month_number(months[1])
            mask &= (self._month >= lo) & (self._month <= hi)
        low, high = float(prob[0]), float(prob[1])
        if low > 0 or high < 1:
            with np.errstate(invalid="ignore"):
                mask &= (self._low >= low - 1e-9) & (self._high <= high + 1e-9)
        for word in text.casefold().split():
            mask &= np.fromiter((word in c for c in self._content), bool, len(self._content))
        if min_confidence > 0:
            with np.errstate(invalid="ignore"):
                mask &= ~self._reported | (self._confidence >= min_confidence)
        return np.flatnonzero(mask)

    def sort(self, frame: pd.DataFrame, by: str = "date", *,
             descending: bool = False) -> pd.DataFrame:
        """The rows ordered by one column (ties keep corpus order; missing values last)."""
        if by in self._keys and frame.index.isin(self.claims.index).all():
            return self.claims.loc[self.order(frame.index.to_numpy(), by, descending=descending)]
        return frame.sort_values(by, ascending=not descending, kind="mergesort", na_position="last")

    def order(self, positions: np.ndarray, by: str = "date", *,
              descending: bool = False) -> np.ndarray:
        """Row numbers ordered as :meth:`sort` orders rows, from keys computed once."""
        keys, missing = self._keys[by]
        key = keys[positions]
        if descending:
            key = np.where(missing[positions], key, -key)
        return positions[np.argsort(key, kind="stable")]

    def summary(self, rows) -> str:
        """'N claims of M', and how many are shown (``rows``: a frame or a count)."""
        n = rows if isinstance(rows, (int, np.integer)) else len(rows)
        shown = min(n, self.max_rows)
        more = f" (first {shown} shown)" if n > shown else ""
        return f"{_count(n, 'claim')} of {len(self.claims):,}{more}"

    def table_html(self, frame: pd.DataFrame) -> str:
        """The rows as an escaped HTML table (at most ``max_rows``)."""
        return html_table(frame, columns=CLAIM_VIEW, max_rows=self.max_rows,
                          empty="No claim passes these filters.")

    def export(self, frame: pd.DataFrame | None = None, path: str | Path | None = None, *,
               guard_formulas: bool = True) -> Path:
        """Write rows (default: the last filtered) to CSV atomically; return the path.

        With ``guard_formulas``, a text cell starting with = + - @ gets a leading
        apostrophe, so a spreadsheet shows brief text as text and never runs it as a formula.
        """
        from briefkit import storage
        from briefkit.paths import build_dir

        frame = self.last if frame is None else frame
        path = Path(path or self.export_path or build_dir() / "claims-filtered.csv")
        out = frame.drop(columns=["range"], errors="ignore")
        if guard_formulas:
            out = out.apply(lambda col: col.map(_defuse)
                            if pd.api.types.is_string_dtype(col) or col.dtype == object else col)
        return storage.atomic_write_frame(path, out)

    def _snapshot_body(self) -> str:
        shown = self.claims.iloc[self._last[: self.max_rows]]
        return (f'{STYLE}<div class="bkw"><div class="bkw-count">'
                f'{escape(self.summary(len(self._last)))}</div><div class="bkw-scroll">'
                f"{self.table_html(shown)}</div></div>")

    def _build(self) -> w.Widget:
        c = self.controls = self._controls()
        for name in ("holders", "countries", "cues", "kinds", "months", "prob", "text", "sort",
                     "descending", "confident"):
            c[name].observe(self._refresh, names="value")
        c["export"].on_click(self._export_clicked)
        self._refresh()
        return w.VBox([w.HBox([c["holders"], c["countries"], c["cues"], c["kinds"]]),
                       w.HBox([c["months"], c["prob"], c["confident"]]),
                       w.HBox([c["text"], c["sort"], c["descending"], c["export"]]),
                       c["saved"], c["count"], c["table"]])

    def _controls(self) -> dict[str, w.Widget]:
        def multi(column, label):
            return w.SelectMultiple(options=self.choices(column), description=label, rows=5,
                                    layout=w.Layout(width="17em"))

        months = self.months or ["none"]
        c = {"holders": multi("holder", "Holder"), "countries": multi("holder_country", "Country"),
             "cues": multi("cue", "Cue"), "kinds": multi("kind", "Kind"),
             "months": w.SelectionRangeSlider(options=_month_options(months),
                                              index=(0, len(months) - 1),
                                              description="Dates", continuous_update=False,
                                              layout=w.Layout(width="34em")),
             "prob": w.FloatRangeSlider(value=(0.0, 1.0), min=0.0, max=1.0, step=0.05,
                                        description="Probability", continuous_update=False,
                                        readout_format=".0%", layout=w.Layout(width="30em")),
             "text": w.Text(description="Content", placeholder="words in the claim"),
             "sort": w.Dropdown(options=SORTS, value="date", description="Sort by",
                                layout=w.Layout(width="16em")),
             "descending": w.Checkbox(value=False, description="descending", indent=False),
             "confident": w.Checkbox(value=False, description="precision-first", indent=False,
                                     tooltip="only reported claims at or above the "
                                             "precision-first confidence"),
             "export": w.Button(description="Export CSV", icon="download"),
             "count": w.HTML(), "table": w.HTML(), "saved": w.HTML()}
        c["count"].add_class("bkw-claim-count")
        return c

    def _refresh(self, _=None) -> None:
        c = self.controls
        rows = self.positions(
            holders=c["holders"].value, countries=c["countries"].value, cues=c["cues"].value,
            kinds=c["kinds"].value, months=c["months"].value if self.months else None,
            prob=c["prob"].value, text=c["text"].value,
            min_confidence=_precision_first() if c["confident"].value else 0.0)
        self._last = self.order(rows, c["sort"].value, descending=c["descending"].value)
        shown = self.claims.iloc[self._last[: self.max_rows]]
        c["count"].value = f'<div class="bkw-count">{escape(self.summary(len(rows)))}</div>'
        c["table"].value = f'{STYLE}<div class="bkw bkw-scroll">{self.table_html(shown)}</div>'

    def _export_clicked(self, _) -> None:
        saved = self.controls["saved"]
        try:
            path = self.export()
            saved.value = (f'<span class="bkw-note">Wrote {len(self._last):,} rows to '
                           f"<code>{escape(path)}</code>{_download_link(path)}</span>")
        except OSError as error:
            saved.value = f'<span class="bkw-error">{escape(error)}</span>'


DOWNLOAD_MAX_BYTES = 20_000_000  # larger exports are offered by their path alone


def _download_link(path: Path) -> str:
    """A link that downloads the file from the page itself (a data: URL), for a reader in a
    browser who cannot reach the folder it was written to (JupyterLab's root is notebooks/,
    the dashboard has no file browser); empty when the file is too large to send so."""
    import base64

    try:
        size = path.stat().st_size
        if size > DOWNLOAD_MAX_BYTES:
            return (f" (too large to download from this page: {size / 1e6:.0f} MB; "
                    "copy it from that folder)")
        data = base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError:
        return ""
    return (f' <a download="{escape(path.name)}" href="data:text/csv;base64,{data}" '
            'style="text-decoration: underline">Download it</a>')


def _precision_first() -> float:
    from briefkit.claim_model import precision_first_threshold

    return precision_first_threshold()


def _sort_keys(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each row's rank by value (ties equal) and where the value is missing; missing
    values get the highest rank, so they come last whichever way the rows are sorted."""
    codes, _ = pd.factorize(values, sort=True)
    missing = codes < 0
    keys = codes.astype(np.int64)
    keys[missing] = len(codes) + 1
    return keys, missing


def _defuse(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# --- ToneExplorer -------------------------------------------------------------------------


BUSIEST_FROM = 50  # a target named more often than this is scored when the explorer is built
BUSIEST_LIMIT = 5000  # ... up to this many mentions in all
# A target not yet scored and named more often than this is scored in a thread when chosen in
# the widget (about 0.3-0.6 ms a mention, more on a busy machine): the callback returns at
# once with a message, and the charts and table are filled in when the scoring is done.
BACKGROUND_FROM = 60
SWITCH_INTERVAL_S = 0.0005  # the interpreter's switch interval while it does (default 5 ms)


class ToneExplorer(_Explorer):
    """Tone toward any actor, over time and by holder, with the sentences behind it.

    Args:
        corpus: a Corpus.
        mentions: the table of ``find_mentions`` (computed here when not given).
        tone: ``sentiment_toward(corpus, target)`` for the first target, if already computed.
        target: the actor shown first.
        freq: 'month', 'quarter', 'half' or 'year'.

    Tone toward another target is computed on first choice, then kept (and cached on disk
    as ``sentiment_toward``'s table). Building the explorer prepares, once, what the scoring
    reads in each sentence naming an actor whatever the target (:class:`~briefkit.sentiment.
    ToneIndex`), so a new target only does its own work. Callbacks: :meth:`targets`,
    :meth:`holders`, :meth:`filter`, :meth:`timeline`, :meth:`heatmap`, :meth:`cells`,
    :meth:`evidence_html`, :meth:`figure`.

    Each sentence shows its score, label, holder and evidence, most negative first (or, with
    "most positive first", the other way). No tone label comes with a chance of being right
    (none passed the bar set for it: ``benchmarks/README.md``): read the evidence.

    In the widget, a new target named more than ``BACKGROUND_FROM`` times is scored in a
    thread (with ``background=True``, the default): choosing it shows "computing tone
    toward ..." at once, and the charts, holders and sentences follow when its table is
    done (:meth:`pending`, :meth:`wait`); choosing another target stops that scoring. The
    methods themselves always return the table.
    """

    title = "Tone explorer"
    css_class = "bkw-tone"

    def __init__(self, corpus, *, mentions=None, tone=None, target: str = DEFAULT_TARGET,
                 freq: str = "quarter", top_holders: int = 12, background: bool = True) -> None:
        super().__init__()
        from briefkit import actors, sentiment

        if mentions is None:
            mentions = actors.find_mentions(corpus)
        self.corpus = corpus
        self.mentions = mentions
        self.freq = freq
        self.top_holders = top_holders
        self.background = background
        self._scoring = threading.RLock()  # one target scored at a time (the index's memos)
        self._state = threading.Lock()  # guards _pending
        self._pending: dict[str, threading.Thread] = {}
        self.gazetteer = actors.load_gazetteer()
        self._index = sentiment.ToneIndex(corpus, mentions=mentions)
        self._index.prepare()
        self._named = set(mentions["actor"].tolist()) | set(mentions["country"].dropna().tolist())
        self._mention_counts = self._counts()
        self._brief_columns(corpus)
        self.months = _months(corpus.briefs["date"])
        self._cache: dict[str, pd.DataFrame] = {}
        if tone is not None and len(tone):
            self._cache[str(tone["target"].iloc[0])] = self._prepare(tone)
            target = str(tone["target"].iloc[0])
        else:  # an alias ("USA") names its actor, as in sentiment_toward; the dropdown needs it
            row = actors.resolve_actor(target, gazetteer=self.gazetteer)
            if row is None:
                raise ValueError(f"{target!r} is not an actor of the gazetteer: use a name of "
                                 "ToneExplorer.targets(), such as 'United States'")
            target = str(row["actor"])
        self.target = target
        self.last = self.tone_for(target)
        self._score_busiest()
        _palette()  # seaborn's import is slow: pay it here, not on the first interaction

    def _score_busiest(self) -> None:
        """Tone toward the targets named most often, now, since each would come close to
        what an interaction may take (a new target costs about 0.2-0.3 ms per mention once
        the sentences are prepared); up to ``BUSIEST_LIMIT`` mentions in all, so that a
        large corpus is not held up. A target over what is left of the budget is skipped,
        not the end: the next, less busy, may still fit."""
        budget = BUSIEST_LIMIT
        for actor, n in self._mention_counts.items():
            if n <= BUSIEST_FROM:
                break
            if n > budget or actor in self._cache:
                continue
            with contextlib.suppress(ValueError):  # an actor the gazetteer cannot resolve
                self.tone_for(actor)
            budget -= n

    def _counts(self) -> pd.Series:
        """Mentions of each actor, also inside a group's name, most first."""
        direct = self.mentions["actor"].value_counts()
        inside = self.mentions.loc[self.mentions["country"] != self.mentions["actor"], "country"]
        counts = direct.add(inside.value_counts(), fill_value=0).astype(int)
        return counts.sort_values(ascending=False, kind="mergesort")

    def _brief_columns(self, corpus) -> None:
        """Per brief (date, title, month, period labels) and per sentence (text), once, so
        that a new target's table only takes its rows' values."""
        briefs = corpus.briefs.reset_index(drop=True)
        self._brief_at = {b: i for i, b in enumerate(briefs["brief_id"].tolist())}
        dates = pd.to_datetime(briefs["date"], errors="coerce")
        self._per_brief = {"date": dates, "title": briefs["title"],
                           "month": _month_numbers(dates)}
        for freq in FREQS:
            self._per_brief[f"period_{freq}"] = _period_labels(dates, freq)
        sents = corpus.sentences
        keys = zip(sents["brief_id"].tolist(), sents["sent_id"].tolist())
        self._sentence_at = {key: i for i, key in enumerate(keys)}
        self._sentence_text = sents["text"].to_numpy(dtype=object)

    def targets(self) -> list[tuple[str, str]]:
        """Every actor of the gazetteer: those named in the corpus first, with counts."""
        counts = self._mention_counts
        actors = self.gazetteer["actor"].drop_duplicates()
        named = counts.reindex(actors).fillna(0).astype(int).sort_values(ascending=False,
                                                                          kind="mergesort")
        return [(f"{a} ({n})" if n else str(a), str(a)) for a, n in named.items()]

    def _prepare(self, tone: pd.DataFrame) -> pd.DataFrame:
        frame = tone.reset_index(drop=True).copy()
        at = np.array([self._brief_at.get(b, -1) for b in frame["brief_id"].tolist()], dtype=int)
        known = at >= 0
        brief = self._per_brief
        dates = brief["date"].take(np.where(known, at, 0)).reset_index(drop=True)
        frame["date"] = dates.where(known, pd.NaT)
        frame["title"] = _taken(brief["title"], at)
        rows = [self._sentence_at.get(k, -1) for k in zip(frame["brief_id"].tolist(),
                                                          frame["sent_id"].tolist())]
        frame["sentence"] = _taken_array(self._sentence_text, np.array(rows, dtype=int))
        frame["month"] = np.where(known, brief["month"][np.where(known, at, 0)], -1)
        for column in ("holder", "holder_country", "label"):
            frame[column] = frame[column].astype(object)
        # integer codes, computed once, so every chart is a few bincounts
        frame["_holder"] = pd.factorize(frame["holder"])[0]
        frame["_label"] = frame["label"].map({"negative": 0, "neutral": 1,
                                              "positive": 2}).fillna(-1).astype(int)
        for freq in FREQS:
            labels = _taken_array(brief[f"period_{freq}"], at)
            frame[f"period_{freq}"] = labels
            frame[f"_period_{freq}"] = pd.factorize(labels, sort=True)[0]
        return frame

    def tone_for(self, target: str) -> pd.DataFrame:
        """Tone toward ``target`` in every sentence naming it (computed once per target)."""
        return self._table(target)

    def _table(self, target: str, cancel=None) -> pd.DataFrame:
        frame = self._cache.get(target)
        if frame is None:
            with self._scoring:
                frame = self._cache.get(target)
                if frame is None:
                    frame = self._cache[target] = self._prepare(self._scored(target, cancel))
        return frame

    def _scored(self, target: str, cancel=None) -> pd.DataFrame:
        from briefkit.sentiment import TONE_COLUMNS, sentiment_toward

        if target not in self._named:
            return pd.DataFrame(columns=TONE_COLUMNS)
        tone = sentiment_toward.lookup(self.corpus, target)
        if tone is None:
            tone = self._index.tone(target, cancel=cancel)
            sentiment_toward.store(tone, self.corpus, target)
        return tone

    def pending(self) -> list[str]:
        """The targets being scored in the background for the widget."""
        with self._state:
            return list(self._pending)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the widget's background scoring (all of it, or ``timeout`` seconds);
        True when none is left. The widget shows each table when its scoring is done."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._state:
                threads = list(self._pending.values())
            if not threads:
                return True
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            threads[0].join(left)

    def holders(self, target: str) -> list[tuple[str, str]]:
        """The holders of views on ``target``, most frequent first, with counts."""
        return _labelled(self.tone_for(target)["holder"].value_counts())

    def filter(self, target: str, *, holders: Sequence[str] = (),
               months: tuple[str, str] | None = None) -> pd.DataFrame:
        """Tone rows toward ``target``, for these holders (all if none) and months."""
        frame = self.tone_for(target)
        mask = np.ones(len(frame), dtype=bool)
        if holders:
            mask &= frame["holder"].isin(list(holders)).to_numpy()
        if months and self.months and (months[0], months[1]) != (self.months[0], self.months[-1]):
            month = frame["month"].to_numpy()
            mask &= (month >= _month_number(months[0])) & (month <= _month_number(months[1]))
        return frame[mask]

    @staticmethod
    def timeline(frame: pd.DataFrame, freq: str = "quarter") -> pd.DataFrame:
        """Per period (in order): sentences (n), mean score, and the share of each label."""
        columns = ["period", "n", "mean", "negative", "neutral", "positive"]
        codes, labels = _codes(frame, f"period_{freq}", sort=True)
        dated = codes >= 0
        if not dated.any():
            return pd.DataFrame(columns=columns)
        k, codes = len(labels), codes[dated]
        n = np.bincount(codes, minlength=k)
        total = np.bincount(codes, weights=frame["score"].to_numpy(float)[dated], minlength=k)
        table = pd.DataFrame({"period": labels, "n": n, "mean": total / n})
        label = (frame["_label"].to_numpy() if "_label" in frame.columns
                 else frame["label"].map({"negative": 0, "neutral": 1, "positive": 2}).to_numpy())
        for j, name in enumerate(("negative", "neutral", "positive")):
            table[name] = np.bincount(codes, weights=label[dated] == j, minlength=k) / n
        return table

    def heatmap(self, frame: pd.DataFrame, freq: str = "quarter", *,
                value: str = "mean") -> pd.DataFrame:
        """Mean score (or ``value='n'``, sentences) by holder and period.

        Rows are the ``top_holders`` most frequent holders, most frequent first; columns
        the periods in order; NaN where a holder has no sentence in a period.
        """
        periods, period_labels = _codes(frame, f"period_{freq}", sort=True)
        holders, holder_labels = _codes(frame, "holder", sort=False)
        keep = (periods >= 0) & (holders >= 0)
        if not keep.any():
            return pd.DataFrame()
        counts = np.bincount(holders[keep], minlength=len(holder_labels))
        top = np.argsort(-counts, kind="stable")[: self.top_holders]
        top = top[counts[top] > 0]
        row_of = np.full(len(holder_labels), -1)
        row_of[top] = np.arange(len(top))
        keep &= row_of[np.maximum(holders, 0)] >= 0
        rows = row_of[holders[keep]]
        used, cols = np.unique(periods[keep], return_inverse=True)
        labels = period_labels[used]
        top = holder_labels[top]
        size = (len(top), len(labels))
        flat = rows * size[1] + cols
        n = np.bincount(flat, minlength=size[0] * size[1]).reshape(size).astype(float)
        if value == "mean":
            total = np.bincount(flat, weights=frame["score"].to_numpy(float)[keep],
                                minlength=size[0] * size[1]).reshape(size)
            with np.errstate(invalid="ignore", divide="ignore"):
                n = np.where(n > 0, total / n, np.nan)
        return pd.DataFrame(n, index=pd.Index(top, name="holder"),
                            columns=pd.Index(np.asarray(labels, dtype=object), name="period"))

    def chart_html(self, frame: pd.DataFrame, freq: str = "quarter", *,
                   target: str | None = None) -> str:
        """The timeline and the heat map as inline SVG, side by side (hover for figures)."""
        target = target or self.target
        line = svg_timeline(self.timeline(frame, freq),
                            title=f"Tone toward {target}: mean per {freq}")
        heat = svg_heatmap(self.heatmap(frame, freq), self.heatmap(frame, freq, value="n"),
                           title="By holder (most frequent first)")
        return (f'<div class="bkw-charts" style="display:flex;gap:1.5em;flex-wrap:wrap">'
                f"{line}{heat}</div>")

    @staticmethod
    def cells(frame: pd.DataFrame, freq: str = "quarter") -> list[tuple[str, tuple[str, str]]]:
        """One option per (period, holder) with sentences: label and value for a picker."""
        periods, period_labels = _codes(frame, f"period_{freq}", sort=True)
        holders, holder_labels = _codes(frame, "holder", sort=False)
        keep = (periods >= 0) & (holders >= 0)
        if not keep.any():
            return []
        pairs = periods[keep].astype(np.int64) * (len(holder_labels) + 1) + holders[keep]
        used, which = np.unique(pairs, return_inverse=True)
        n = np.bincount(which)
        mean = np.bincount(which, weights=frame["score"].to_numpy(float)[keep]) / n
        cells = [(period_labels[u // (len(holder_labels) + 1)],
                  holder_labels[u % (len(holder_labels) + 1)], k, m)
                 for u, k, m in zip(used, n, mean)]
        cells.sort(key=lambda c: (c[0], str(c[1])))
        return [(f"{p} \u00b7 {h} \u00b7 {k} sentence{'s' if k != 1 else ''} \u00b7 mean {m:+.2f}",
                 (p, h)) for p, h, k, m in cells]

    @staticmethod
    def evidence(frame: pd.DataFrame, cell: tuple[str, str] | None = None,
                 freq: str = "quarter", *, limit: int | None = None,
                 descending: bool = False) -> pd.DataFrame:
        """The rows of one (period, holder) cell, or all rows, by score (most negative
        first, or most positive with ``descending``; ties by date), the first ``limit`` of
        them."""
        if cell is not None:
            period, holder = cell
            frame = frame[(frame[f"period_{freq}"] == period) & (frame["holder"] == holder)]
        dates = frame["date"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
        key = frame["score"].to_numpy(float)
        order = np.lexsort((dates, -key if descending else key))
        return frame.iloc[order[:limit] if limit else order]

    def evidence_html(self, frame: pd.DataFrame, cell=None, freq: str = "quarter",
                      *, limit: int = 50, descending: bool = False) -> str:
        """The evidence sentences as HTML: each with its target marked, score, holder and
        evidence (ordered as :meth:`evidence` orders them)."""
        total = len(frame) if cell is None else None
        rows = self.evidence(frame, cell, freq, limit=limit if cell is None else None,
                             descending=descending)
        total = len(rows) if total is None else total
        if rows.empty:
            return '<p class="bkw-note">No sentence names this target here.</p>'
        items = []
        for r in rows.head(limit).itertuples(index=False):
            sentence = str(r.sentence) if isinstance(r.sentence, str) else ""
            marks = [Span(m.start(), m.end(), f"bkw-tone-{r.label}", str(r.target))
                     for alias in dict.fromkeys(str(r.target_text).split("|")) if alias
                     for m in _find_all(sentence, alias)]
            date = f"{r.date:%Y-%m-%d}" if pd.notna(r.date) else "undated"
            items.append(
                f"<li><b>{r.score:+.2f} {escape(r.label)}</b> \u00b7 {escape(r.holder)} \u00b7 "
                f"{escape(date)} \u00b7 <i>{escape(r.title)}</i><br>"
                f"{highlight(sentence, 0, len(sentence), marks)}<br>"
                f'<span class="bkw-note">evidence: {escape(r.evidence)}</span></li>')
        more = f"<p>{total - limit} more not shown.</p>" if total > limit else ""
        return f'<ul class="bkw-evidence">{"".join(items)}</ul>{more}'

    def figure(self, frame: pd.DataFrame, freq: str = "quarter", *, target: str | None = None):
        """The same two charts as a seaborn figure, to save or print (slower than the SVG)."""
        from matplotlib.figure import Figure

        target = target or self.target
        fig = Figure(figsize=(12, 3.8))
        ax_line, ax_heat = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.15]})
        line = self.timeline(frame, freq)
        if line.empty:
            for ax in (ax_line, ax_heat):
                ax.text(0.5, 0.5, f"no sentence about {target}", ha="center", va="center")
                ax.set_axis_off()
            return fig
        _plot_tone_line(ax_line, line, target)
        _plot_tone_heat(ax_heat, self.heatmap(frame, freq))
        fig.tight_layout()
        return fig

    def _snapshot_body(self) -> str:
        return (self.chart_html(self.last, self.freq)
                + html_table(self.timeline(self.last, self.freq)))

    def _build(self) -> w.Widget:
        c = self.controls = self._controls()
        c["target"].observe(self._retarget, names="value")
        for name in ("holders", "months", "freq"):
            c[name].observe(self._refresh, names="value")
        for name in ("cells", "descending"):
            c[name].observe(self._show_evidence, names="value")
        self._refresh()
        top = w.HBox([w.VBox([c["target"], c["freq"], c["months"]]), c["holders"]])
        return w.VBox([top, c["status"], c["plot"], c["cells"], c["descending"],
                       c["evidence"]])

    def _controls(self) -> dict[str, w.Widget]:
        months = self.months or ["none"]
        return {"target": w.Dropdown(options=self.targets(), value=self.target,
                                     description="Target", layout=w.Layout(width="24em")),
                "holders": w.SelectMultiple(options=self.holders(self.target), rows=6,
                                            description="Holders", layout=w.Layout(width="22em")),
                "months": w.SelectionRangeSlider(options=_month_options(months),
                                                 index=(0, len(months) - 1),
                                                 description="Period", continuous_update=False,
                                                 layout=w.Layout(width="34em")),
                "freq": w.Dropdown(options=FREQS, value=self.freq, description="By",
                                   layout=w.Layout(width="14em")),
                "cells": w.Select(rows=8, description="Pick", layout=w.Layout(width="40em")),
                "descending": w.Checkbox(value=False, description="most positive first",
                                         indent=False),
                "plot": w.HTML(), "evidence": w.HTML(), "status": w.HTML()}

    def _refresh(self, _=None) -> None:
        if self._busy:
            return
        c = self.controls
        with self._state:
            scoring = self._pending.get(c["target"].value)
        if self.background and scoring not in (None, threading.current_thread()):
            return  # its scoring shows it when done
        frame = self.filter(c["target"].value, holders=c["holders"].value,
                            months=c["months"].value if self.months else None)
        self.target, self.freq, self.last = c["target"].value, c["freq"].value, frame
        c["plot"].value = f'{STYLE}<div class="bkw">{self.chart_html(frame, self.freq)}</div>'
        c["status"].value = (f'<div class="bkw-count">{_count(len(frame), "sentence")} about '
                             f"{escape(self.target)}</div>")
        with self._quietly():
            c["cells"].options = [("all sentences", None)] + self.cells(frame, self.freq)
            c["cells"].value = None
        self._show_evidence()

    def _show_evidence(self, _=None) -> None:
        if not self._busy:
            c = self.controls
            evidence = self.evidence_html(self.last, c["cells"].value, self.freq,
                                          descending=c["descending"].value)
            self.controls["evidence"].value = (f'{STYLE}<div class="bkw bkw-scroll">{evidence}'
                                               "</div>")

    def _retarget(self, change) -> None:
        started = time.perf_counter()
        target = change["new"]
        if self.background and self._slow(target):
            self._show_pending(target)
            self._start(target, started)
            return
        self.controls["status"].value = f"computing tone toward {escape(target)} ..."
        self._show_target(target, started)

    def _slow(self, target: str) -> bool:
        """Whether ``target`` is not scored yet and named often enough to be scored in the
        background."""
        return (target not in self._cache
                and int(self._mention_counts.get(target, 0)) > BACKGROUND_FROM)

    def _show_target(self, target: str, started: float) -> None:
        """The holders, charts and sentences of ``target``, and the time since its choice."""
        c = self.controls
        with self._quietly():
            c["holders"].options = self.holders(target)
            c["holders"].value = ()
        self._refresh()
        c["status"].value += f'<span class="bkw-note">{time.perf_counter() - started:.2f} s</span>'

    def _show_pending(self, target: str) -> None:
        c = self.controls
        n = int(self._mention_counts.get(target, 0))
        with self._quietly():
            c["holders"].options = []
            c["holders"].value = ()
            c["cells"].options = [("all sentences", None)]
            c["cells"].value = None
        note = (f"computing tone toward {escape(target)}: {n:,} mentions; the charts and "
                "sentences follow when it is done ...")
        c["status"].value = f'<div class="bkw-count bkw-pending">{note}</div>'
        c["plot"].value = ""
        c["evidence"].value = ""

    def _start(self, target: str, started: float) -> None:
        with self._state:
            if target in self._pending:
                return
            thread = threading.Thread(target=self._score_in_background, args=(target, started),
                                      name=f"briefkit-tone-{target}", daemon=True)
            self._pending[target] = thread
        thread.start()

    def _score_in_background(self, target: str, started: float) -> None:
        """Score ``target``, then show it if it is still the one chosen; stop (unscored)
        as soon as another is chosen, so that choice does not wait (a failure is shown in
        the status line)."""
        from briefkit.sentiment import Cancelled

        c = self.controls
        error, cancelled = None, False

        def passed_over() -> bool:  # checked before each sentence
            return c["target"].value != target

        with self._scoring:  # after any target chosen before it
            with self._state:
                if passed_over():  # chosen, then passed over: not scored now
                    del self._pending[target]
                    return
            # while this thread scores, the interpreter switches threads more often, so
            # that a callback run meanwhile does not wait 5 ms for it at each step
            interval = sys.getswitchinterval()
            sys.setswitchinterval(min(interval, SWITCH_INTERVAL_S))
            try:
                self._table(target, cancel=passed_over)
            except Cancelled:
                cancelled = True
            except Exception as failed:  # noqa: BLE001 - shown to the user, not lost
                error = failed
            finally:
                sys.setswitchinterval(interval)
        with self._state:
            current = c["target"].value == target
            if current and cancelled:  # chosen again while it stopped: start over
                del self._pending[target]
        if current and cancelled:
            self._start(target, started)
            return
        try:  # shown before it leaves the pending list, so that wait() returns after it
            if current and error is not None:
                c["status"].value = (f'<div class="bkw-count">tone toward {escape(target)} '
                                     f"failed: {escape(error)}</div>")
            elif current:
                self._show_target(target, started)
        finally:
            with self._state:
                self._pending.pop(target, None)


def _plot_tone_line(ax, line: pd.DataFrame, target: str) -> None:
    import seaborn as sns

    x = np.arange(len(line))
    ax.axhline(0, color="#999", lw=0.8)
    ax.plot(x, line["mean"], color="#444", lw=1.2)
    ax.scatter(x, line["mean"], s=12 + 6 * np.sqrt(line["n"].to_numpy(float)), c=line["mean"],
               cmap=sns.color_palette("vlag_r", as_cmap=True), vmin=-TONE_LIMIT, vmax=TONE_LIMIT,
               edgecolor="#333", zorder=3)
    step = max(1, len(x) // 10)
    ax.set_xticks(x[::step], line["period"].iloc[::step], rotation=45, ha="right")
    ax.set_ylim(-1, 1)
    ax.set_ylabel("mean tone (-1..1)")
    ax.set_title(f"Tone toward {target} ({int(line['n'].sum())} sentences)", fontsize=10)


def _plot_tone_heat(ax, heat: pd.DataFrame) -> None:
    import seaborn as sns

    sns.heatmap(heat, ax=ax, cmap="vlag_r", vmin=-TONE_LIMIT, vmax=TONE_LIMIT,
                cbar_kws={"label": "mean tone"}, linewidths=0.3, linecolor="#fff")
    ax.set(xlabel="", ylabel="")
    ax.set_title("By holder (most frequent first)", fontsize=10)
    ax.tick_params(labelsize=8)


def _codes(frame: pd.DataFrame, column: str, *, sort: bool) -> tuple[np.ndarray, np.ndarray]:
    """(code per row, -1 where missing; the values coded): from the ``_<column>`` codes
    computed once when present, else by factorising the column now."""
    if frame.empty:
        return np.zeros(0, dtype=int), np.array([], dtype=object)
    if f"_{column}" not in frame.columns:
        codes, labels = pd.factorize(frame[column], sort=sort)
        return codes, np.asarray(labels, dtype=object)
    raw = frame[f"_{column}"].to_numpy()
    present, first, codes = np.unique(raw, return_index=True, return_inverse=True)
    labels = frame[column].to_numpy(dtype=object)[first]
    if len(present) and present[0] < 0:  # the missing values' code, -1, sorts first
        return codes.reshape(-1) - 1, labels[1:]
    return codes.reshape(-1), labels


def _period_labels(dates: pd.Series, freq: str) -> np.ndarray:
    return period_of(dates.reset_index(drop=True), freq).to_numpy(dtype=object)


def _taken_array(values: np.ndarray, at: np.ndarray) -> np.ndarray:
    """values[at] as objects, None where ``at`` is -1."""
    out = np.asarray(values, dtype=object)[np.where(at >= 0, at, 0)] if len(values) else \
        np.full(len(at), None, dtype=object)
    out[at < 0] = None
    return out


def _taken(values: pd.Series, at: np.ndarray) -> pd.Series:
    """A Series of values[at] (its dtype kept), missing where ``at`` is -1."""
    return pd.Series(values.take(np.where(at >= 0, at, 0)).where(at >= 0).to_numpy() if len(
        values) else [None] * len(at), dtype=values.dtype)


def _find_all(text: str, alias: str):
    return re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", text)


# --- CompareBriefs ------------------------------------------------------------------------


class TermCounts:
    """Word counts per brief, built once, so keyness over any two groups is a sum.

    The counts are those of :func:`briefkit.compare.term_table`; :meth:`keyness` gives the
    figures of :func:`briefkit.compare.keyness` (the test checks they agree) without
    recounting the corpus.
    """

    FEW = 64  # up to this many briefs, sum their own entries; beyond, mask all entries

    def __init__(self, corpus, *, tokens: pd.DataFrame | None = None, stopwords=True) -> None:
        # tokens computed elsewhere (scale.run_pipeline) stand in for the corpus's own
        terms = term_table(corpus if tokens is None else tokens, stopwords=stopwords)
        pairs = terms.groupby(["brief_id", "term"], sort=False).size()
        self.brief_ids = pd.Index(corpus.briefs["brief_id"])
        brief_codes = self.brief_ids.get_indexer(pairs.index.get_level_values(0))
        self.term_codes, self.vocabulary = pd.factorize(pairs.index.get_level_values(1))
        self.brief_codes = brief_codes
        self.counts = pairs.to_numpy(float)
        self.background = np.bincount(self.term_codes, weights=self.counts,
                                      minlength=len(self.vocabulary))
        # where each brief's entries are, for a few briefs (two briefs compared)
        order = np.argsort(brief_codes, kind="stable")
        self._sorted = order
        self._bounds = np.searchsorted(brief_codes[order], np.arange(len(self.brief_ids) + 1))

    def totals(self, brief_ids: Iterable[str]) -> np.ndarray:
        """Each term's count over these briefs."""
        codes = self.brief_ids.get_indexer(list(brief_ids))
        codes = codes[codes >= 0]
        if len(codes) <= self.FEW:  # a few briefs: their own entries only
            rows = [self._sorted[self._bounds[c]:self._bounds[c + 1]] for c in codes]
            rows = np.concatenate(rows) if rows else np.zeros(0, dtype=int)
            return np.bincount(self.term_codes[rows], weights=self.counts[rows],
                               minlength=len(self.vocabulary))
        chosen = np.zeros(len(self.brief_ids) + 1, dtype=bool)
        chosen[codes] = True
        mask = chosen[self.brief_codes]
        return np.bincount(self.term_codes[mask], weights=self.counts[mask],
                           minlength=len(self.vocabulary))

    def keyness(self, ids_a: Iterable[str], ids_b: Iterable[str], *, names=("A", "B"),
                min_count: int = 5, prior_scale: float = 1.0) -> pd.DataFrame:
        """Keyness of group A against B: the columns and order of ``compare.keyness``."""
        a, b = self.totals(ids_a), self.totals(ids_b)
        seen = (a + b) > 0
        return keyness_from_counts(np.asarray(self.vocabulary[seen]), a[seen], b[seen],
                                   self.background[seen], background_total=self.background.sum(),
                                   names=names, min_count=min_count, prior_scale=prior_scale)


GROUPINGS = ("year", "half", "quarter", "region", "topics", "source")


class CompareBriefs(_Explorer):
    """Two briefs, or two groups of briefs, side by side.

    Args:
        corpus: a Corpus.
        mentions, claims, tone: the tables (computed here when not given).
        tokens: ``corpus.tokens``, if already computed elsewhere (``scale.run_pipeline``).
        top: terms shown on each side of the keyness plot.

    Callbacks: :meth:`compare_briefs`, :meth:`compare_groups`, :meth:`group_labels`,
    :meth:`chart_html`, :meth:`tables_html`; each comparison returns a dict of
    DataFrames.
    """

    title = "Compare briefs"
    css_class = "bkw-compare"

    def __init__(self, corpus, *, mentions=None, claims=None, tone=None, tokens=None,
                 target: str = DEFAULT_TARGET, top: int = 15) -> None:
        super().__init__()
        mentions, claims, tone = _tables(corpus, mentions, claims, tone, target)
        self.corpus, self.mentions, self.claims, self.tone = corpus, mentions, claims, tone
        self.tokens = corpus.tokens if tokens is None else tokens
        self.top = top
        self.counts = TermCounts(corpus, tokens=self.tokens)
        self._groups: dict[str, pd.DataFrame] = {}
        self._pairs: OrderedDict = OrderedDict()  # the last comparisons of two briefs
        self._coded = {name: _Coded.of(table, column, self.counts.brief_ids)
                       for name, table, column in (("mentions", mentions, "actor"),
                                                   ("claims", claims, "holder"),
                                                   ("tone", tone, "holder"))}
        # the tables diff_briefs reads, indexed by brief; not the tokens: keyness comes from
        # self.counts, and the diff's own terms, all the tokens would be read for, are skipped
        self._tables = {"mentions": mentions, "claims": claims, "tone": tone}
        self._rows = {name: table.groupby("brief_id", sort=False).indices
                      for name, table in self._tables.items()}
        briefs = corpus.briefs
        dates = pd.to_datetime(briefs["date"], errors="coerce")
        self.brief_options = list(zip(_brief_labels(briefs), briefs["brief_id"]))
        self.groupings = [g for g in GROUPINGS
                          if g in ("year", "half", "quarter") and dates.notna().any()
                          or g in briefs.columns and briefs[g].notna().any()]
        ids = list(briefs["brief_id"])
        self.last = self.compare_briefs(ids[0], ids[-1]) if len(ids) > 1 else None

    def group_labels(self, by: str) -> list[str]:
        """The groups a grouping makes ('2015', '2016'; 'Iraq', 'Syria'; ...)."""
        return sorted(self._assignments(by)["group"].astype(str).unique())

    def _assignments(self, by: str) -> pd.DataFrame:
        if by not in self._groups:
            self._groups[by] = assign_groups(self.corpus, by)
        return self._groups[by]

    def _members(self, by: str, a: str, b: str) -> tuple[list[str], list[str]]:
        groups = self._assignments(by)
        in_a = set(groups.loc[groups["group"] == a, "brief_id"])
        in_b = set(groups["brief_id"]) - in_a if b == "rest" else set(
            groups.loc[groups["group"] == b, "brief_id"])
        both = in_a & in_b  # a brief tagged with both is counted on neither side
        return sorted(in_a - both), sorted(in_b - both)

    def _of(self, name: str, ids: Sequence[str]) -> pd.DataFrame:
        """The rows of one table (mentions, claims, tone, tokens) for these briefs, through
        the index built once."""
        index = self._rows[name]
        parts = [index[b] for b in ids if b in index]
        rows = np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=int)
        return self._tables[name].iloc[rows].reset_index(drop=True)

    def compare_briefs(self, a: str, b: str, *, min_count: int = 2) -> dict:
        """Keyness, actors and claims of brief ``a`` against brief ``b`` (kept for reuse)."""
        key = (a, b, min_count)
        if key in self._pairs:
            self._pairs.move_to_end(key)
            return self._pairs[key]
        names = (str(a)[:40], str(b)[:40])
        if a == b:
            return _comparison("briefs", a, b, names,
                               ["Brief A and brief B are the same brief: pick another B."])
        tables = {name: self._of(name, [a, b]) for name in self._rows}  # the pair's rows
        diff = diff_briefs(self.corpus, a, b, **tables, terms=False)  # terms: not shown
        keyness = self.counts.keyness([a], [b], names=names, min_count=min_count)
        result = _comparison("briefs", a, b, names, list(diff.notes), keyness=keyness,
                             actors=diff.actors, claims=diff.claims, tone=diff.tone)
        self._pairs[key] = result
        if len(self._pairs) > 64:
            self._pairs.popitem(last=False)
        return result

    def compare_groups(self, by: str, a: str, b: str = "rest", *, min_count: int = 5) -> dict:
        """Keyness, actors and claim holders of group ``a`` against ``b`` (or the rest)."""
        ids_a, ids_b = self._members(by, a, b)
        names = (f"{by} {a}", "rest" if b == "rest" else f"{by} {b}")
        if a == b:
            return _comparison("groups", a, b, names, [
                "Group A and group B are the same group: pick another B, or 'rest'."])
        if not ids_a or not ids_b:
            return _comparison("groups", a, b, names,
                               [f"{names[0] if not ids_a else names[1]} has no briefs"])
        chosen = [self._chosen(ids) for ids in (ids_a, ids_b)]
        return _comparison(
            "groups", a, b, names, [f"{len(ids_a)} briefs against {len(ids_b)}"],
            keyness=self.counts.keyness(ids_a, ids_b, names=names, min_count=min_count),
            actors=_rates(self._coded["mentions"], "actor", *chosen, "mentions"),
            claims=_rates(self._coded["claims"], "holder", *chosen, "claims"),
            tone=_rates(self._coded["tone"], "holder", *chosen, "sentences"))

    def _chosen(self, ids: Sequence[str]) -> np.ndarray:
        flags = np.zeros(len(self.counts.brief_ids), dtype=bool)
        codes = self.counts.brief_ids.get_indexer(list(ids))
        flags[codes[codes >= 0]] = True
        return flags

    def tables_html(self, result: dict) -> str:
        """The actors and claims of the comparison, as escaped tables side by side."""
        notes = "".join(f'<p class="bkw-note">{escape(n)}</p>' for n in result.get("notes", []))
        a, b = result["names"]
        claims_cols = (["side", "holder", "claim_a", "range_a", "claim_b", "range_b", "change"]
                       if result["mode"] == "briefs" else None)
        actors = html_table(result["actors"], max_rows=60)
        claims = html_table(result["claims"], columns=claims_cols, max_rows=80)
        return (f'{STYLE}<div class="bkw">{notes}<p><b>A</b>: {escape(a)}<br><b>B</b>: '
                f'{escape(b)}</p><div style="display:flex;gap:1em;align-items:flex-start">'
                f'<div class="bkw-scroll"><h4>Actors</h4>{actors}</div><div class="bkw-scroll">'
                f'<h4>{"Claims" if claims_cols else "Claim holders"}</h4>{claims}</div>'
                "</div></div>")

    def chart_html(self, result: dict, *, top: int | None = None) -> str:
        """The keyness chart of a comparison as inline SVG (hover a bar for counts)."""
        return svg_keyness(result["keyness"], result["names"], top=top or self.top)

    def _snapshot_body(self) -> str:
        if self.last is None:
            return ""
        return self.chart_html(self.last) + self.tables_html(self.last)

    def _build(self) -> w.Widget:
        c = self.controls = self._controls()
        c["by"].observe(self._regroup, names="value")
        for name in ("mode", "a", "b", "ga", "gb", "top"):
            c[name].observe(self._refresh, names="value")
        self._refresh()
        picks = w.VBox([c["mode"], c["a"], c["b"], w.HBox([c["by"], c["ga"], c["gb"]]), c["top"]])
        return w.VBox([picks, w.HBox([c["plot"], c["tables"]])])

    def _controls(self) -> dict[str, w.Widget]:
        ids = [b for _, b in self.brief_options]
        by = self.groupings[0] if self.groupings else None
        labels = self.group_labels(by) if by else []
        return {"mode": w.ToggleButtons(options=["two briefs", "two groups"], value="two briefs"),
                "a": w.Dropdown(options=self.brief_options, value=ids[0] if ids else None,
                                description="Brief A", layout=w.Layout(width="44em")),
                "b": w.Dropdown(options=self.brief_options, value=ids[-1] if ids else None,
                                description="Brief B", layout=w.Layout(width="44em")),
                "by": w.Dropdown(options=self.groupings, value=by, description="Group by"),
                "ga": w.Dropdown(options=labels, value=labels[0] if labels else None,
                                 description="Group A"),
                "gb": w.Dropdown(options=["rest", *labels], value="rest", description="Group B"),
                "top": w.IntSlider(value=self.top, min=5, max=30, description="Terms",
                                   continuous_update=False),
                "plot": w.HTML(), "tables": w.HTML()}

    def _refresh(self, _=None) -> None:
        if self._busy:
            return
        c = self.controls
        brief_mode = c["mode"].value == "two briefs"
        for name in ("a", "b"):
            c[name].layout.display = None if brief_mode else "none"
        for name in ("by", "ga", "gb"):
            c[name].layout.display = "none" if brief_mode else None
        if brief_mode and c["a"].value and c["b"].value:
            self.last = self.compare_briefs(c["a"].value, c["b"].value)
        elif not brief_mode and c["ga"].value:
            self.last = self.compare_groups(c["by"].value, c["ga"].value, c["gb"].value)
        else:
            return
        c["plot"].value = self.chart_html(self.last, top=c["top"].value)
        c["tables"].value = self.tables_html(self.last)

    def _regroup(self, change) -> None:
        c = self.controls
        labels = self.group_labels(change["new"])
        with self._quietly():
            c["ga"].options = labels
            c["gb"].options = ["rest", *labels]
            c["ga"].value = labels[0] if labels else None
            c["gb"].value = "rest"
        self._refresh()


def _comparison(mode: str, a: str, b: str, names: tuple[str, str], notes: list[str],
                **tables: pd.DataFrame) -> dict:
    """A comparison as CompareBriefs returns it; a table not given is empty."""
    empty = pd.DataFrame()
    return {"mode": mode, "a": a, "b": b, "names": names, "notes": notes,
            **{part: tables.get(part, empty) for part in ("keyness", "actors", "claims", "tone")}}


class _Coded(NamedTuple):
    """A table's rows as codes: which brief, which key (actor, holder), built once."""

    brief: np.ndarray
    key: np.ndarray
    names: np.ndarray

    @classmethod
    def of(cls, table: pd.DataFrame | None, column: str, brief_ids: pd.Index) -> _Coded:
        if table is None or table.empty:
            return cls(np.zeros(0, int), np.zeros(0, int), np.array([], dtype=object))
        codes, names = pd.factorize(table[column].astype(str))
        return cls(brief_ids.get_indexer(table["brief_id"]), codes, np.asarray(names, dtype=object))


def _rates(coded: _Coded, key: str, chosen_a: np.ndarray, chosen_b: np.ndarray,
           what: str) -> pd.DataFrame:
    """Per ``key``: rows in A and in B, and per brief, the most different first.

    ``chosen_a``/``chosen_b`` flag the briefs of each side (by position in the corpus).
    """
    columns = [key, f"{what}_a", f"{what}_b", "per_brief_a", "per_brief_b", "side"]
    if not len(coded.key):
        return pd.DataFrame(columns=columns)
    ok = coded.brief >= 0
    in_a, in_b = np.zeros(len(coded.key), bool), np.zeros(len(coded.key), bool)
    in_a[ok], in_b[ok] = chosen_a[coded.brief[ok]], chosen_b[coded.brief[ok]]
    a = np.bincount(coded.key[in_a], minlength=len(coded.names))
    b = np.bincount(coded.key[in_b], minlength=len(coded.names))
    seen = (a + b) > 0
    out = pd.DataFrame({key: coded.names[seen], f"{what}_a": a[seen], f"{what}_b": b[seen]})
    out["per_brief_a"] = out[f"{what}_a"] / max(int(chosen_a.sum()), 1)
    out["per_brief_b"] = out[f"{what}_b"] / max(int(chosen_b.sum()), 1)
    out["side"] = np.where((out[f"{what}_a"] > 0) & (out[f"{what}_b"] > 0), "both",
                           np.where(out[f"{what}_a"] > 0, "a only", "b only"))
    gap = (out["per_brief_a"] - out["per_brief_b"]).abs()
    return out.assign(_gap=gap).sort_values(["_gap", key], ascending=[False, True],
                                            kind="mergesort").drop(columns="_gap").reset_index(drop=True)


def explorers(corpus, *, mentions=None, claims=None, tone=None, tokens=None,
              target: str = DEFAULT_TARGET) -> dict[str, _Explorer]:
    """All four explorers on one corpus, sharing one computation of each table."""
    mentions, claims, tone = _tables(corpus, mentions, claims, tone, target)
    return {"reader": BriefReader(corpus, mentions=mentions, claims=claims, tone=tone),
            "claims": ClaimBrowser(corpus, claims=claims),
            "tone": ToneExplorer(corpus, mentions=mentions, tone=tone),
            "compare": CompareBriefs(corpus, mentions=mentions, claims=claims, tone=tone,
                                     tokens=tokens)}
