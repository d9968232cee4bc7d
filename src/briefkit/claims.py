"""Reported claims and estimative judgments: who asserts what, and how sure the author is.

:func:`extract_claims` returns the claims table of DESIGN.md, one row per claim:

- ``reported``: a view the brief reports as someone else's ("Putin asserts that ...",
  "which Russia sees as ...", "Both have asserted that ..."), with its holder resolved
  through the gazetteer (pronouns to the actor they stand for), the lemma of the reporting
  or attitude word (``cue``), ``negated`` and the clause asserted (``content``);
- ``judgment``: an estimative term ("very likely", "may", "will surely") with its
  probability range from ``data/estimative_terms.csv``, or an analytic judgment of the
  author ("we assess that ...") that carries none;
- ``key_point``: each key-point sentence, a claim of the author, with the first estimative
  term in it.

An estimative term inside a reported view ("Moscow insists the talks will likely fail") is
the holder's, not the author's: it is kept as a ``judgment`` row whose ``holder`` is the
reported holder and whose ``voice`` is 'holder', with ``in_claim`` naming the reported
claim's ``claim_id``. :func:`judgment_summary` counts only the author's.

The work is shared among helper modules, all re-exported here: :mod:`briefkit.reported`
(reported views in a sentence, :func:`find_holders`), :mod:`briefkit.holders` (who holds
them), :mod:`briefkit.cue_lexicon` (the cue table and word lists), :mod:`briefkit.estimative`
(terms of likelihood), :mod:`briefkit.evaluation` (measures against hand labels) and
:mod:`briefkit.highlight` (a brief as HTML with its judgments marked). Everything works from
regular expressions over the words and the gazetteer: no POS tags are needed, so the
results are the same offline.

>>> c = extract_claims(Corpus.from_texts(["Moscow insists that Assad will likely stay."]))
>>> c[["kind", "holder", "cue", "estimative_term", "voice"]].values.tolist()
[['reported', 'Russia', 'insist', None, None], ['judgment', 'Russia', 'insist', 'likely', 'holder']]
>>> c["content"].tolist()
['Assad will likely stay', 'Assad will likely stay']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from briefkit import storage
from briefkit.claim_model import claim_confidence, with_sentences
from briefkit.corpus import Corpus
from briefkit.cue_lexicon import VERB_CUES, words_of
from briefkit.estimative import (
    Term,
    analytic_lemma,
    find_analytic,
    find_estimative_terms,
    find_terms,
    judgment_clause,
    load_estimative_terms,
)
from briefkit.evaluation import (
    compare_to_labels,
    evaluate_claims,
    evaluate_label_sets,
    read_annotations,
)
from briefkit.highlight import render_judgments_html
from briefkit.holders import (
    AUTHOR,
    NON_HOLDER_TYPES,
    TITLED_PERSON,
    Context,
    Mention,
    head_mentions,
)
from briefkit.reported import Holder, Sentence, find_holder, find_holders, might_report

__all__ = [
    "AUTHOR",
    "CLAIM_COLUMNS",
    "EXTRA_COLUMNS",
    "SCALES",
    "Holder",
    "Term",
    "compare_to_labels",
    "evaluate_claims",
    "evaluate_label_sets",
    "extract_claims",
    "find_estimative_terms",
    "find_holder",
    "find_holders",
    "judgment_summary",
    "load_estimative_terms",
    "read_annotations",
    "render_judgments_html",
]

CLAIM_COLUMNS = ["brief_id", "sent_id", "claim_id", "kind", "holder", "holder_country",
                 "holder_text", "cue", "negated", "content", "estimative_term", "prob_low",
                 "prob_high", "start", "end"]
EXTRA_COLUMNS = ["scale", "unquantified", "voice", "in_claim", "rejects", "content_start",
                 "content_end", "term_start", "term_end", "rule", "confidence"]
SCALES = ("ICD 203", "Kent", "unquantified")


@storage.cached_table("claims")
def extract_claims(corpus: Corpus, *, gazetteer=None,
                   mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The claims table: reported views, estimative judgments and key points of every brief.

    Args:
        corpus: a :class:`~briefkit.corpus.Corpus`.
        gazetteer: a gazetteer DataFrame or CSV path for the holders; None for briefkit's.
        mentions: the corpus's mentions table (:func:`~briefkit.actors.find_mentions` with
            the same gazetteer), if already found: it is a fifth of the work.

    Returns:
        A new DataFrame with ``CLAIM_COLUMNS`` then ``EXTRA_COLUMNS``, one row per claim, in
        brief and text order; ``start``/``end`` index the brief's text: the holder-to-content
        span of a reported claim, the term of a judgment (or its clause when it has none),
        the sentence of a key point. ``claim_id`` is "<brief_id>:<n>". A reported claim
        also has ``rule``, the family of the rule that found it, and ``confidence``, the
        estimate of :mod:`briefkit.claim_model` that its holder and cue are right
        (:func:`briefkit.claim_model.explain_confidence` says why; ``confidence >=
        claim_model.precision_first_threshold()`` is the precision-first reading).

    >>> c = extract_claims(Corpus.from_texts(["• Iran may balk\\n\\nTehran rejects the plan."]))
    >>> c[["kind", "holder", "cue", "negated", "estimative_term"]].values.tolist()[1:]
    [['judgment', 'author', None, False, 'may'], ['reported', 'Iran', 'reject', True, None]]
    """
    return _claims_with_rules(corpus, gazetteer=gazetteer, mentions=mentions).drop(
        columns="_rule")


def _claims_with_rules(corpus: Corpus, *, gazetteer=None,
                       mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The claims table with one more column, ``_rule``: for a reported claim, the family
    of the rule that found it ("verb that: complementizer", "passive by/in", "noun:
    possessor", ...), '' for other rows. Internal (uncached), for the evaluation's
    breakdown by rule family; :func:`extract_claims` is this without ``_rule``."""
    sents = corpus.sentences
    by_sentence = _mentions_by_sentence(corpus, gazetteer, mentions)
    rows = _RowBuilder()
    contexts: dict[str, Context] = {}
    counts: dict[str, int] = {}
    carried: dict[str, tuple] = {}
    publishers = dict(zip(corpus.briefs["brief_id"], corpus.briefs["source"].map(_publisher)))
    years = {b: d.year for b, d in zip(corpus.briefs["brief_id"], corpus.briefs["date"])
             if d is not None and not pd.isna(d)}  # an office's dated holder (holders.py)
    for bid, sid, kind, text, s_start, para in zip(*(sents[c].tolist() for c in (
            "brief_id", "sent_id", "kind", "text", "start", "para_id"))):
        context = contexts.setdefault(bid, Context(authors=publishers.get(bid, frozenset()),
                                                       year=years.get(bid)))
        claims = _claims_of_sentence(text, by_sentence.get((bid, sid), []), context,
                                     kind == "key_point")
        claims = _carry_quoted(bid, para, text, claims, carried)
        for claim in claims:
            counts[bid] = counts.get(bid, 0) + 1
            rows.add(bid, int(sid), f"{bid}:{counts[bid]}", claim, int(s_start))
    return _with_confidence(_link_reported(rows.frame()), sents)


def _publisher(source) -> frozenset:
    """The short names of a brief's publisher in its source line ("CRS" of "CRS In Focus"):
    a text citing its own publisher ("according to CRS analysis") speaks in its own voice."""
    return frozenset(w for w in str(source or "").split()
                     if 2 <= len(w) <= 6 and w.isalpha() and w.isupper())


_CUE_AT_END = re.compile(r"\b([a-z]+)\s*[,:]\s*$")


def _carry_quoted(bid: str, para, text: str, claims: list[dict], carried: dict) -> list[dict]:
    """A view whose words follow in the next paragraph ("In June 2023, the Army reported,"
    then the quoted paragraph): the cue's sentence holds none of it, and each sentence of
    that paragraph is the holder's claim."""
    held = carried.get(bid)
    if held is not None and para == held[1]:
        body = text.rstrip().rstrip(".;:").rstrip()
        row = dict(held[0], content=body, content_start=0, content_end=len(body), start=0,
                   end=len(body))
        claims = claims + [row]
    elif held is not None:
        del carried[bid]
    found = _CUE_AT_END.search(text)
    cue = found and VERB_CUES.get(found.group(1))
    lines = [c for c in claims if c["kind"] == "reported" and c["cue"] == "according to"
             and not c["content"]]  # "According to Defense News": the paragraph after
    if lines:
        carried[bid] = (lines[-1], para + 1)
        claims = [c for c in claims if c is not lines[-1]]
    elif cue:
        last = [c for c in claims if c["kind"] == "reported" and c["cue"] == cue[0]]
        if last:
            carried[bid] = (last[-1], para + 1)
            claims = [c for c in claims if c is not last[-1]]
    return claims


def _mentions_by_sentence(corpus: Corpus, gazetteer, table: pd.DataFrame | None) -> dict:
    """(brief_id, sent_id) -> the sentence's actor mentions, offsets into the sentence."""
    if table is None:
        from briefkit.actors import find_mentions

        table = find_mentions(corpus, gazetteer=gazetteer)
    sents = corpus.sentences
    starts = dict(zip(zip(sents["brief_id"].tolist(), sents["sent_id"].tolist()),
                      sents["start"].tolist()))
    out: dict = {}
    for bid, sid, actor, atype, country, text, start, end in zip(
            *(table[c].tolist() for c in ("brief_id", "sent_id", "actor", "actor_type",
                                          "country", "text", "start", "end"))):
        offset = starts[(bid, sid)]
        out.setdefault((bid, sid), []).append(
            Mention(actor, atype, country or "", text, int(start) - offset, int(end) - offset))
    return out


# --- one sentence's claims -----------------------------------------------------------------


def _claims_of_sentence(text: str, mentions, context: Context, key_point: bool) -> list[dict]:
    """The claims of one sentence as row dicts (offsets into the sentence), in text order."""
    words = words_of(text)
    holders = _reported_views(text, words, mentions, context)
    terms = find_terms(text, words)
    analytic = find_analytic(text, words)
    out: list[dict] = []
    if key_point:
        out.append(_key_point_row(text, terms, holders, analytic))
    reported = {id(h): _row("reported", h.holder, h.holder_country, h.holder_text, h.cue,
                            h.negated, h.content, h.content_start, h.content_end,
                            start=h.start, end=h.end, rejects=h.rejects, rule=h._rule)
                for h in holders}
    out += reported.values()
    out += [_judgment_row(text, t, holders, analytic, reported) for t in terms]
    if analytic and not key_point and not any(_inside(t, holders) is None for t in terms) \
            and _inside(analytic.start(), holders) is None:
        out.append(_bare_judgment_row(text, analytic))
    out.sort(key=lambda r: (r["kind"] != "key_point", r["start"], r["kind"] != "reported"))
    return _number_links(out)


def _number_links(rows: list[dict]) -> list[dict]:
    """A holder-voice judgment's link to its reported row, as that row's place in ``rows``."""
    place = {id(row): k for k, row in enumerate(rows)}
    for row in rows:
        if "_claim" in row:
            row["_claim"] = place[id(row["_claim"])]
    return rows


def _reported_views(text: str, words: set, mentions, context: Context) -> list[Holder]:
    """The views the sentence reports; the sentence joins the context either way."""
    context.learn(text, mentions)
    if not might_report(text, words):
        actors = [m for m in mentions if m.actor_type not in NON_HOLDER_TYPES]
        if TITLED_PERSON.search(text):  # "The President signed the bill.": "he" later
            actors = Sentence(text, mentions, context).with_titled(actors)
        context.push(actors, [], head_mentions(text, actors))
        return []
    sent = Sentence(text, mentions, context)
    holders = [h for h in sent.find() if h.holder not in context.authors]
    context.learn_texts(holders)
    seen = sent.with_titled(sent.mentions)
    context.push(seen, sent.context_refs, head_mentions(text, seen))
    return holders


def _key_point_row(text: str, terms: list[Term], holders, analytic) -> dict:
    """A key point: the author's claim, with its first term not inside a reported view."""
    first = next((t for t in terms if _inside(t, holders) is None), terms[0] if terms else None)
    cue = analytic_lemma(analytic) if analytic else None
    return _row("key_point", AUTHOR, AUTHOR, "", cue, False, text, 0, len(text), term=first,
                start=0, end=len(text))


def _judgment_row(text: str, t: Term, holders, analytic, reported: dict) -> dict:
    """An estimative term: the holder's when it stands in a reported view, else the author's."""
    h = _inside(t, holders)
    if h is not None:
        row = _row("judgment", h.holder, h.holder_country, h.holder_text, h.cue, h.negated,
                   h.content, h.content_start, h.content_end, term=t, start=t.start,
                   end=t.end, voice="holder")
        row["_claim"] = reported[id(h)]  # numbered once the rows are in order
        return row
    c_start, c_end = judgment_clause(text, t, analytic)
    cue = analytic_lemma(analytic) if analytic and analytic.start() < t.start else None
    return _row("judgment", AUTHOR, AUTHOR, "", cue, False, text[c_start:c_end], c_start, c_end,
                term=t, start=t.start, end=t.end)


def _bare_judgment_row(text: str, analytic) -> dict:
    """"We assess that ...": the author's judgment with no term of likelihood."""
    c_start, c_end = judgment_clause(text, None, analytic)
    return _row("judgment", AUTHOR, AUTHOR, "", analytic_lemma(analytic), False,
                text[c_start:c_end], c_start, c_end, start=analytic.start(), end=analytic.end())


def _inside(where: Term | int, holders: Sequence[Holder]) -> Holder | None:
    """The reported view whose content holds a term (or a character offset), if any."""
    pos = where if isinstance(where, int) else where.start
    return next((h for h in holders if h.content_start <= pos < h.content_end), None)


def _row(kind, holder, country, holder_text, cue, negated, content, c_start, c_end, *,
         term: Term | None = None, start: int, end: int, voice: str | None = None,
         rejects: bool = False, rule: str = "") -> dict:
    if term is not None and voice is None:
        voice = AUTHOR
    return {
        "kind": kind, "holder": holder, "holder_country": country, "holder_text": holder_text,
        "cue": cue, "negated": bool(negated), "content": content,
        "estimative_term": term.text.lower() if term else None,
        "prob_low": term.prob_low if term else float("nan"),
        "prob_high": term.prob_high if term else float("nan"),
        "scale": term.scale if term else None,
        "unquantified": bool(term.unquantified) if term else None,
        "voice": voice if term else None, "rejects": bool(rejects),
        "content_start": c_start, "content_end": c_end,
        "term_start": term.start if term else None, "term_end": term.end if term else None,
        "start": start, "end": end, "_rule": rule,
    }


# --- the table -----------------------------------------------------------------------------

_COPIED = ("kind", "holder", "holder_country", "holder_text", "cue", "negated", "content",
           "estimative_term", "prob_low", "prob_high", "scale", "unquantified", "voice",
           "rejects")
_OBJECT_COLUMNS = ("holder", "holder_country", "holder_text", "cue", "content",
                   "estimative_term", "scale", "unquantified", "voice", "in_claim")


class _RowBuilder:
    """Collects claim rows as columns (one DataFrame is built at the end)."""

    def __init__(self):
        self.cols: dict[str, list] = {c: [] for c in CLAIM_COLUMNS + EXTRA_COLUMNS
                                      + ["_claim", "_rule"] if c not in ("rule", "confidence")}

    def add(self, brief_id, sent_id, claim_id, row: dict, offset: int) -> None:
        """One row; its sentence offsets become offsets into the brief's text."""
        c = self.cols
        c["brief_id"].append(brief_id)
        c["sent_id"].append(sent_id)
        c["claim_id"].append(claim_id)
        for key in _COPIED:
            c[key].append(row[key])
        c["in_claim"].append(None)
        c["_claim"].append(row.get("_claim"))
        c["_rule"].append(row["_rule"])
        for key in ("start", "end", "content_start", "content_end"):
            c[key].append(row[key] + offset)
        for key in ("term_start", "term_end"):
            c[key].append(row[key] + offset if row[key] is not None else pd.NA)

    def frame(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.cols)
        for col in ("sent_id", "start", "end", "content_start", "content_end"):
            frame[col] = frame[col].astype("int64")
        for col in ("term_start", "term_end"):
            frame[col] = frame[col].astype("Int64")
        for col in ("negated", "rejects"):
            frame[col] = frame[col].astype(bool)
        for col in ("prob_low", "prob_high"):
            frame[col] = frame[col].astype(float)
        for col in _OBJECT_COLUMNS:
            values = frame[col].astype(object)
            frame[col] = values.where(values.notna(), None)
        return frame


def _link_reported(frame: pd.DataFrame) -> pd.DataFrame:
    """Fill ``in_claim`` for holder-voice judgments: the claim_id of their reported claim."""
    if len(frame):
        # _claim is the position of the reported row among its sentence's rows; rows of one
        # sentence are contiguous, so it maps through the first row of that sentence.
        first = frame.groupby(["brief_id", "sent_id"], sort=False).cumcount()
        base = frame.index.to_numpy() - first.to_numpy()
        has = frame["_claim"].notna().to_numpy()
        link = [frame["claim_id"].iat[int(b + c)] if h else None
                for b, c, h in zip(base, frame["_claim"].fillna(0).to_numpy(), has)]
        frame["in_claim"] = link
    return frame.drop(columns="_claim")


def _with_confidence(frame: pd.DataFrame, sents: pd.DataFrame) -> pd.DataFrame:
    """The claims with ``rule`` (the family of the rule that found a reported claim, ''
    for other rows) and ``confidence``: for a reported claim, the estimate of
    :mod:`briefkit.claim_model` that its holder and cue are right; NaN for other rows."""
    scores = claim_confidence(with_sentences(frame, sents))
    return frame.assign(rule=frame["_rule"], confidence=scores.astype(float))[
        CLAIM_COLUMNS + EXTRA_COLUMNS + ["_rule"]]


# --- tradecraft summary ------------------------------------------------------------------

_SUMMARY_COLUMNS = ["brief_id", "judgments", "calibrated", "kent", "unquantified",
                    "share_calibrated", "scales", "mixed_scales", "key_points",
                    "key_points_without_term", "judgments_without_term", "unhedged"]


def judgment_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Per brief: how the author's judgments are expressed (ICD 203 tradecraft flags).

    Columns: brief_id; judgments (the author's estimative terms); calibrated (ICD 203
    terms); kent; unquantified; share_calibrated; scales (those used, "|"-joined);
    mixed_scales (terms from more than one of ICD 203, Kent and unquantified);
    key_points and key_points_without_term; judgments_without_term (analytic judgments,
    "we assess that ...", with no term of likelihood); unhedged (the sent_ids of both).

    >>> c = Corpus.from_texts(["It will likely hold but may fail."])
    >>> s = judgment_summary(extract_claims(c))
    >>> s[["judgments", "calibrated", "unquantified", "mixed_scales"]].values.tolist()
    [[2, 1, 1, True]]
    """
    if claims.empty:
        return pd.DataFrame(columns=_SUMMARY_COLUMNS)
    author = claims[(claims["kind"] == "judgment") & (claims["holder"] == AUTHOR)]
    termed = author[author["estimative_term"].notna()]
    bare = author[author["estimative_term"].isna()]
    keys = claims[claims["kind"] == "key_point"]
    rows = [_summary_row(brief_id, termed[termed["brief_id"] == brief_id],
                         keys[keys["brief_id"] == brief_id], bare[bare["brief_id"] == brief_id])
            for brief_id in pd.unique(claims["brief_id"])]
    return pd.DataFrame(rows, columns=_SUMMARY_COLUMNS)


def _summary_row(brief_id: str, t: pd.DataFrame, k: pd.DataFrame, b: pd.DataFrame) -> list:
    """One brief's row: its termed judgments ``t``, key points ``k``, bare judgments ``b``."""
    scales = [s for s in SCALES if (t["scale"] == s).any()]
    k_bare = k[k["estimative_term"].isna()]
    n = len(t)
    calibrated = int((t["scale"] == "ICD 203").sum())
    return [brief_id, n, calibrated, int((t["scale"] == "Kent").sum()),
            int((t["scale"] == "unquantified").sum()), calibrated / n if n else float("nan"),
            "|".join(scales), len(scales) > 1, len(k), len(k_bare), len(b),
            sorted(set(k_bare["sent_id"].tolist()) | set(b["sent_id"].tolist()))]
