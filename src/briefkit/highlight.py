"""A brief as HTML with its estimative judgments highlighted and their ranges beside them.

>>> from briefkit.claims import extract_claims
>>> c = Corpus.from_texts({"b": "Iran will <b>likely</b> balk."})
>>> html_text = render_judgments_html(c, "b", extract_claims(c))
>>> "likely</mark><span class=\\"bk-range\\">[55-80%]</span>" in html_text, "<b>" in html_text
(True, False)
"""

from __future__ import annotations

import html

import pandas as pd

from briefkit.corpus import Corpus

_STYLE = (
    "<style>.bk-brief{font-family:Georgia,serif;line-height:1.5;max-width:46em}"
    ".bk-brief mark{padding:0 .15em;border-radius:.2em}"
    ".bk-icd{background:#cfe8cf}.bk-kent{background:#d6e4f5}.bk-unq{background:#f8d9a8}"
    ".bk-holder{background:#eee;text-decoration:underline dotted}"
    ".bk-range{font-size:.75em;color:#555;margin-left:.15em}"
    ".bk-cue{font-weight:bold}.bk-kp{border-left:3px solid #999;padding-left:.5em}</style>"
)
_SCALE_CLASS = {"ICD 203": "bk-icd", "Kent": "bk-kent"}


def _range_label(low: float, high: float) -> str:
    return f"[{round(low * 100)}-{round(high * 100)}%]"


def render_judgments_html(corpus: Corpus, brief_id: str, claims: pd.DataFrame) -> str:
    """One brief as HTML with each estimative term highlighted and its range beside it.

    Calibrated ICD 203 terms, Kent's terms and unquantified ones get their own colours; a
    term in a reported view is underlined and its tooltip names the holder. All of the
    brief's text is escaped (it is untrusted input).
    """
    text = corpus.text_of(brief_id)
    rows = claims[(claims["brief_id"] == brief_id) & (claims["kind"] == "judgment")]
    marks = sorted((_mark(r) for r in rows.itertuples(index=False) if not pd.isna(r.term_start)),
                   key=lambda m: m[0])
    paras = corpus.paragraphs[corpus.paragraphs["brief_id"] == brief_id]
    body = "".join(_paragraph(text, kind, int(start), int(end), marks)
                   for kind, start, end in zip(paras["kind"], paras["start"], paras["end"]))
    return _STYLE + '<div class="bk-brief">' + body + "</div>"


def _mark(r) -> tuple[int, int, str, str, str]:
    """(start, end, css class, tooltip, range label) of one judgment's term."""
    cls = _SCALE_CLASS.get(r.scale, "bk-unq")
    label = _range_label(r.prob_low, r.prob_high)
    title = f"{r.scale}: {label}"
    if r.voice == "holder":
        cls += " bk-holder"
        title += f"; in the view of {r.holder}"
    return int(r.term_start), int(r.term_end), cls, title, label


def _paragraph(text: str, kind: str, p_start: int, p_end: int, marks) -> str:
    """One paragraph as <p>, the marks inside it highlighted."""
    pieces, pos = [], p_start
    for s, e, cls, title, label in marks:
        if s < pos or e > p_end:
            continue
        pieces.append(html.escape(text[pos:s]))
        pieces.append(f'<mark class="{cls}" title="{html.escape(title)}">'
                      f"{html.escape(text[s:e])}</mark>"
                      f'<span class="bk-range">{html.escape(label)}</span>')
        pos = e
    pieces.append(html.escape(text[pos:p_end]))
    cls = ' class="bk-kp"' if kind == "key_point" else ""
    return f"<p{cls}>" + "".join(pieces) + "</p>"
