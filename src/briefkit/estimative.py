"""Estimative language: words of likelihood and the probability each stands for.

:func:`find_estimative_terms` finds the terms of ``data/estimative_terms.csv`` in a text
(the ICD 203 terms, Kent's words of estimative probability for the terms ICD 203 lacks,
and unquantified ones such as "may" or "appears") and leaves out their other senses: the
modals of ability and permission ("could not stop", "may I"), the month, set phrases
("be that as it may"), the noun "might", "remote areas". :func:`find_analytic` finds the
author's analytic frame ("we assess that ..."), a judgment that may carry no term at all.

>>> [(t.term, t.prob_low, t.prob_high) for t in find_estimative_terms("It will likely hold.")]
[('likely', 0.55, 0.8)]
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import pandas as pd

from briefkit import resources
from briefkit.cue_lexicon import words_of


@functools.lru_cache(maxsize=1)
def load_estimative_terms() -> pd.DataFrame:
    """The estimative terms table (``data/estimative_terms.csv``) with typed columns.

    >>> t = load_estimative_terms().set_index("term")
    >>> print(t.loc["likely", "scale"], t.loc["likely", "prob_low"], t.loc["likely", "prob_high"])
    ICD 203 0.55 0.8
    """
    table = resources.read_data_csv("estimative_terms.csv").copy()
    table["prob_low"] = table["prob_low"].astype(float)
    table["prob_high"] = table["prob_high"].astype(float)
    table["unquantified"] = table["unquantified"].str.lower().eq("true")
    return table


class Term(NamedTuple):
    """An estimative term found in a text: its row of the terms table, and where it is."""

    term: str
    text: str
    start: int
    end: int
    scale: str
    prob_low: float
    prob_high: float
    unquantified: bool
    source: str


# Spellings a term also takes in text, beyond its own words.
_TERM_FORMS = {
    "appears": r"appear(?:s|ed)?",
    "looks": r"look(?:s|ed)",
    "seems": r"seem(?:s|ed|ingly)?",
    "chances are good": r"(?:the\s+)?chances\s+are\s+good",
    "chances are not good": r"(?:the\s+)?chances\s+are\s+not\s+good",
    "chances are slight": r"(?:the\s+)?chances\s+are\s+slight",
    "chances are about even": r"(?:the\s+)?chances\s+are\s+about\s+even",
    "better than even": r"(?:a\s+little\s+)?better\s+than\s+even",
    "less than even": r"(?:a\s+little\s+)?less\s+than\s+even",
    "will surely": r"will\s+surely",
    "will certainly": r"will\s+certainly",
}
# Contexts in which a matched word is no estimative term (ability, permission, the month,
# set phrases, the noun "might", "as soon as possible", "remote areas", ...).
_NOT_ESTIMATIVE = re.compile(
    r"""\b(?:be\s+that\s+as\s+it\s+may|come\s+what\s+may|as\s+far\s+as\s+(?:may|might)\s+be
    |as\s+the\s+case\s+may\s+be|may\s+(?:i|we)\b|might\s+as\s+well
    |(?:military|economic|naval|air|industrial|financial|its|their|his|her|our|the|full|sheer
      |great|all\s+(?:its|their|his|her)|with\s+all)\s+might\b
    |could(?:\s+(?:not|never|barely|hardly|scarcely|no\s+longer))|couldn['’]t
    |(?:so|in\s+order)\s+that\s+(?:\S+\s+){1,5}?(?:may|might|could)
    |if\s+(?:\S+\s+){1,4}?could
    |as\s+\w+\s+as\s+possible|if\s+possible|(?:where|when|wherever|whenever)\s+possible
    |(?:made?|makes|making)\s+(?:\S+\s+){0,2}?possible|(?:every|all|everything|any)\s+possible
    |\w+est\s+possible|slowly\s+but\s+surely)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "may" and "could" of a rule of law, which permit or empower rather than judge likelihood:
# a power a rule gives ("the Secretary may suspend ...", "a court may stay a suit if ...",
# "the action may not proceed unless ...", "which the President could veto" after a joint
# resolution), funds or goods a rule allows ("items that may be provided" under an act), and
# how far a rule lets someone go ("restrict where the monitors may go"). The first two need a
# word of law in the sentence: "Russia could veto the text" stays a judgment.
_LEGAL_POWER = re.compile(
    r"\b(?:may|could)\s+(?:not\s+)?(?:waive|suspend|stay|veto|terminate|designate|exempt"
    r"|revoke|obligate|expend|proceed|delegate|invoke)\b", re.IGNORECASE)
_LEGAL_ALLOWANCE = re.compile(
    r"\b(?:may|could)\s+(?:not\s+)?(?:also\s+)?be\s+(?:used|obligated|spent|expended"
    r"|provided|transferred|made\s+available|appropriated|reprogrammed)\b", re.IGNORECASE)
_LEGAL_REACH = re.compile(
    r"\b(?:where|how\s+far)\s+(?:[\w'’-]+\s+){1,6}?(?:may|could)\s+"
    r"(?:go|travel|operate|enter|extend)\b", re.IGNORECASE)
# "may" of a treaty's party, which the treaty permits ("a party may withdraw on six months'
# notice", "the complaining party may take proportionate action", "the observed state may
# place its own personnel on board"): a generic party, never a named state.
_TREATY_PARTY = re.compile(
    r"\b(?:(?:a|any|each|either|neither|the\s+other|the\s+complaining|the\s+requesting"
    r"|the\s+withdrawing)\s+part(?:y|ies)|the\s+(?:observed|observing|inspected|inspecting)"
    r"\s+(?:state|party|parties))\s+(?:may|could)\b", re.IGNORECASE)
_LAW_WORDS = re.compile(
    r"\b(?:unless|until|provided\s+that|joint\s+resolution|waivers?|certif\w*|sections?"
    r"|statutes?|courts?|laws?|acts?|authoriz\w*|appropriat\w*|secretary|fy\s?\d{2,4})\b",
    re.IGNORECASE)
# Every phrase of _NOT_ESTIMATIVE holds one of these words: without them it cannot match.
_BLOCKING_WORDS = frozenset({"may", "might", "could", "couldn", "possible", "surely"})
# "appears" is a hedge only before a clause or "to": not "appeared on television".
_APPEAR_NOT = frozenset([
    "on", "in", "at", "before", "nowhere", "as", "with", "alongside", "together", "publicly",
    "onstage", "under", "beside", "for", "during", "from", "among", "there", "here", "only",
    "twice", "once", "again", "regularly", "frequently", "rarely", "daily", "live", "next", "in.",
    "briefly",
])
# "looks" is a hedge before an adjective or "set to", not in "looks at", "looked like".
_LOOK_NOT = frozenset([
    "at", "to", "for", "into", "after", "forward", "back", "ahead", "toward", "towards", "on",
    "over", "up", "down", "through", "around", "beyond", "past", "away", "the", "a", "an",
    "like", "elsewhere", "backward", "backwards", "different",
])
# "remote" is a likelihood only of these nouns, or after these verbs ("the chance is remote").
_REMOTE_NOUNS = frozenset([
    "chance", "chances", "possibility", "possibilities", "prospect", "prospects", "likelihood",
    "odds", "hope", "hopes",
])
_REMOTE_VERBS = frozenset([
    "is", "are", "was", "were", "be", "been", "remains", "remain", "remained", "seems", "seem",
    "seemed", "looks", "look", "appears", "appear", "grown", "grows", "became", "become",
    "becomes", "very", "increasingly", "more", "now", "still", "longer",
])
# "possible" is a likelihood after a copula, a linking verb ("seemed possible") or a degree
# word ("not merely possible"), or before "that".
_POSSIBLE_AFTER = frozenset([
    "is", "was", "are", "were", "be", "been", "being", "it's", "remains", "remain", "remained",
    "seems", "seem", "seemed", "appears", "appear", "appeared", "looks", "look", "looked",
    "become", "became", "becomes", "quite", "entirely", "merely", "only", "even", "very",
    "also", "still", "possible", "not",
])
_QUOTES_OPEN, _QUOTES_CLOSE = "“\"‘", "”\"’"
_ANALYTIC = re.compile(
    r"\b(?:we|i)\s+(?:now\s+|still\s+|also\s+|continue\s+to\s+|therefore\s+)?"
    r"(assess|judge|believe|estimate|expect|think|doubt|suspect|anticipate|conclude|"
    r"assessed|judged|believed|estimated|expected|thought|doubted|concluded)\b"
    r"|\b(?:our|the\s+author['’]s)\s+(judgment|judgement|assessment|estimate|view|expectation)\b",
    re.IGNORECASE,
)
_ANALYTIC_LEMMA = {"assessed": "assess", "judged": "judge", "believed": "believe",
                   "estimated": "estimate", "expected": "expect", "thought": "think",
                   "doubted": "doubt", "concluded": "conclude", "judgement": "judge",
                   "judgment": "judge", "assessment": "assess", "estimate": "estimate",
                   "view": "view", "expectation": "expect"}
_FIRST_PERSON = frozenset({"we", "i", "our", "author"})
_NEXT_WORD = re.compile(r"\s*([\w'’-]+)")
_PREV_WORD = re.compile(r"([\w'’-]+)\s*$")
_CLAUSE_END = re.compile(r"[;:]|\.(?:\s|$)")
_THAT = re.compile(r"\s*(?:that\s+)?")


@functools.lru_cache(maxsize=1)
def _term_regex() -> tuple[re.Pattern, dict]:
    """One pattern of every term, longest first; group n -> the term's row."""
    table = load_estimative_terms()
    info = {row.term: row for row in table.itertuples(index=False)}
    terms = sorted(info, key=lambda t: (-len(t.split()), -len(t)))
    parts = [_TERM_FORMS.get(t, r"\s+".join(re.escape(w) for w in t.split())) for t in terms]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(f"({p})" for p in parts) + r")(?![\w-])",
                         re.IGNORECASE)
    return pattern, {i + 1: info[t] for i, t in enumerate(terms)}


# Common words a term may begin with ("in all likelihood", "the chances are", "a little
# better than even"): looked for only where a word of the rest of the term is in the text.
_LEADS = {"in": {"likelihood"}, "the": {"chances"}, "a": {"little"}, "more": {"likely"},
          "less": {"likely", "even"}}


@functools.lru_cache(maxsize=1)
def _term_words() -> frozenset:
    """Words whose presence lets a text hold a term: every term's first word (with the
    forms of appear, seem and look), or for a term led by a common word, the rest."""
    firsts = {t.split()[0] for t in load_estimative_terms()["term"]} - set(_LEADS)
    keys = set().union(*_LEADS.values())
    return frozenset(firsts | keys | {"appear", "appeared", "seem", "seemed", "seemingly",
                                      "looked"})


def _starts(text: str, words: set):
    """Where a term may start in ``text``, in order: each place a term's first word (or its
    "the"/"a little" prefix) stands. Trying the terms' pattern only there, not at every
    character, is what keeps this quick; None when text.lower() changes the offsets."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    found = set()
    leads = {lead for lead, keys in _LEADS.items() if not keys.isdisjoint(words)}
    for word in (words & _term_words()) | leads:
        at = lower.find(word)
        while at >= 0:
            found.add(at)
            at = lower.find(word, at + 1)
    return sorted(found)


def _matches(text: str, words: set):
    """The terms' pattern matched left to right without overlaps, as finditer would."""
    pattern = _term_regex()[0]
    starts = _starts(text, words)
    if starts is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    for at in starts:
        m = pattern.match(text, at) if at >= pos else None
        if m:
            pos = m.end()
            yield m


def find_estimative_terms(text: str) -> list[Term]:
    """The estimative terms in a text, in order, with their ranges; non-estimative senses
    of the modals ("could not stop", "may I", "May 2016", "military might") left out.

    >>> [(t.term, t.prob_low, t.prob_high) for t in find_estimative_terms(
    ...     "In May it could not stop the talks, which will very likely fail.")]
    [('very likely', 0.8, 0.95)]
    """
    return find_terms(text, words_of(text))


def find_terms(text: str, words: set) -> list[Term]:
    """:func:`find_estimative_terms` for a text whose lower-case ``words`` are known."""
    if words.isdisjoint(_term_words()):
        return []  # most sentences hold no term: skip the regular expressions
    rows = _term_regex()[1]
    blocked = None
    found = []
    for m in _matches(text, words):
        row = rows[m.lastindex]
        s, e = m.span()
        if blocked is None:
            blocked = [b.span() for b in _NOT_ESTIMATIVE.finditer(text)] \
                if not words.isdisjoint(_BLOCKING_WORDS) else []
            if "may" in words or "could" in words:
                blocked += _legal_modals(text)
        if any(bs <= s < be for bs, be in blocked) or not _estimative_sense(row.term, text, s, e):
            continue
        found.append(Term(row.term, text[s:e], s, e, row.scale, row.prob_low, row.prob_high,
                          bool(row.unquantified), row.source))
    return _drop_framing(found, text)


def _legal_modals(text: str) -> list[tuple[int, int]]:
    """The spans of "may"/"could" that state what a rule of law permits (_LEGAL_POWER,
    _LEGAL_ALLOWANCE with a word of law in the sentence; _LEGAL_REACH; _TREATY_PARTY)."""
    spans = [m.span() for pattern in (_LEGAL_REACH, _TREATY_PARTY) for m in pattern.finditer(text)]
    if _LAW_WORDS.search(text):
        spans += [m.span() for pattern in (_LEGAL_POWER, _LEGAL_ALLOWANCE)
                  for m in pattern.finditer(text)]
    return spans


def _estimative_sense(term: str, text: str, s: int, e: int) -> bool:
    """Whether the term at text[s:e] speaks of likelihood here."""
    if text[max(0, s - 2):s][-1:] in _QUOTES_OPEN and text[e:e + 2][:1] in _QUOTES_CLOSE:
        return False  # a word quoted ("down from “probable”") is mentioned, not used
    if term in {"may", "may well"} and text[s:s + 1] == "M":
        return False  # the month, a name (Theresa May), "May I": never the modal mid-text
    nxt = _next_word(text, e)
    if term == "might":
        return not (nxt == "of" or nxt == "" and text[e:e + 1] in {".", ",", ";"})  # the noun
    if term == "remote":
        return nxt in _REMOTE_NOUNS or _prev_word(text, s) in _REMOTE_VERBS
    if term == "appears":
        return nxt not in _APPEAR_NOT and text[e:e + 1] not in {".", ",", ";", ":"}
    if term == "looks":
        return nxt not in _LOOK_NOT and nxt != "" and text[e:e + 1] == " "
    if term == "possible":
        return _prev_word(text, s) in _POSSIBLE_AFTER or nxt == "that" or \
            text[e:e + 1] in {".", ";"}
    return True


def _next_word(text: str, e: int) -> str:
    m = _NEXT_WORD.match(text[e:e + 30])
    return m.group(1).lower() if m else ""


def _prev_word(text: str, s: int) -> str:
    m = _PREV_WORD.search(text[max(0, s - 30):s])
    return m.group(1).lower() if m else ""


def _drop_framing(found: list[Term], text: str) -> list[Term]:
    """'we believe'/'we estimate' frame another term in their clause: keep the other only."""
    out = []
    for k, t in enumerate(found):
        if t.term in {"we believe", "we estimate"}:
            clause_end = clause_end_char(text, t.end)
            if any(t.end <= o.start < clause_end for o in found[k + 1:]):
                continue
        out.append(t)
    return out


def clause_end_char(text: str, pos: int) -> int:
    """Where the clause running at ``pos`` ends: a semicolon, a colon or a full stop."""
    m = _CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


# --- the author's analytic frame --------------------------------------------------------


def find_analytic(text: str, words: set) -> re.Match | None:
    """The author's analytic frame ("we assess", "our judgment"), or None."""
    return _ANALYTIC.search(text) if not words.isdisjoint(_FIRST_PERSON) else None


def analytic_lemma(m: re.Match) -> str:
    """The lemma of an analytic frame's verb or noun ("assessed" -> "assess")."""
    word = (m.group(1) or m.group(2)).lower()
    return _ANALYTIC_LEMMA.get(word, word)


def judgment_clause(text: str, term: Term | None, analytic: re.Match | None) -> tuple[int, int]:
    """The clause a judgment bears on: after "we assess (that)", else the term's clause."""
    if analytic is not None and (term is None or analytic.start() < term.start):
        start = _THAT.match(text, analytic.end()).end()
    else:
        pos = term.start if term else 0
        cut = max(text.rfind(";", 0, pos), text.rfind(":", 0, pos))
        start = cut + 1 if cut >= 0 else 0
        while start < len(text) and text[start] == " ":
            start += 1
    end = clause_end_char(text, term.end if term else start)
    while end > start and text[end - 1] in " .":
        end -= 1
    return start, end
