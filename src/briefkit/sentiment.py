"""Target-directed sentiment: how one sentence speaks of one actor, who holds the view, why.

Plain VADER scores a whole sentence. briefkit scores a *target span*: it finds the words of
VADER's lexicon (pinned: the vaderSentiment package's copy, the same with or without NLTK's
data) and of briefkit's domain lexicon (``data/lexicon.csv``) in the sentence, and weights
each by how closely it bears on the target: its distance in words, the commas and clause
breaks between them, the side of a "but" or an "although" it sits on, whether it is quoted
speech or what the target itself is reported to say. Negators ("not", "never") reverse the
words just after them, and "rejects", "denies", "unable to" the words of their clause;
relations such as "instead of X", "against X", "rely on X" count only for the target they
point at. The score is VADER's normalisation of the sum, in -1..1; ``evidence`` lists the
words that moved it with their weighted contributions. No POS tags are used, so the result
is the same offline. The weights (:class:`Params`) were tuned on NewsMTSC's rw-dev split;
``benchmarks/sentiment_eval.py`` prints the figures beside plain VADER.

:func:`sentiment_toward` applies the scorer to every sentence of a corpus that names an
actor, with the holder of the view, and :func:`us_tone_by_brief`, :func:`us_tone_by_holder`
and :func:`tone_timeline` summarise the table with bootstrap intervals.

>>> ts = score_target("Russia is complicating U.S. strategy.", 23, 27)
>>> ts.label, ts.evidence
('negative', "complicating(-0.60, acts on target's strategy: 1 word before)")
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import BOOSTER_DICT

from briefkit import resources
from briefkit.text import norm_token, tokenize_words

LABELS = ("negative", "neutral", "positive")

# VADER's constants (vaderSentiment 3.3.2), rescaled from its -4..4 valences to -1..1.
VADER_SCALE = 4.0
N_SCALAR = -0.74  # a negated word keeps 74% of its strength, reversed
ALPHA = 15 / VADER_SCALE**2  # VADER's normalisation x / sqrt(x^2 + alpha), on our scale


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that reverse the words just after them (VADER's list, without "despite", which
# briefkit reads as a concession); any token ending in "n't" counts too.
NEGATORS = _wordset(
    """not no never none nothing nowhere neither nor without cannot cant dont doesnt didnt
    isnt arent wasnt werent wont wouldnt shouldnt couldnt hasnt havent hadnt rarely seldom"""
)
NEGATION_WINDOW = 3  # VADER looks three words back for a negator

# Contrast: the clause after these dominates the clause before.
CONTRASTS = frozenset({"but", "however", "nevertheless", "nonetheless", "yet"})
# Concession: the clause these open yields to the main clause.
CONCESSIVES = frozenset({"although", "though", "whereas", "while", "despite"})
# Words that open a new clause: a boundary between a word and the target.
CLAUSE_WORDS = (
    _wordset("because since unless which who whom whose when where if whether so")
    | CONTRASTS
    | CONCESSIVES
)
STRONG_PUNCT = frozenset(";:—–()[]")
WEAK_PUNCT = frozenset(",")
QUOTES = frozenset("\"“”'‘’")
OBJECT_WINDOW = 4  # how far after "instead of", "against", ... the target may stand
# Verbs that report speech or a view: what a target *says* is not what is said of it.
REPORTING_VERBS = _wordset(
    """say tell state add note argue claim write explain insist assert announce suggest
    report tweet declare contend maintain allege acknowledge respond reply warn urge"""
)
SPEAKER_WINDOW = 3  # the speaker stands at most this many words before its verb
RELATIVES = frozenset({"who", "whose", "whom", "which"})
# Words that may open a clause's subject; adverbs that may stand before its verb.
SUBJECT_STARTS = _wordset(
    "i you he she it we they the a an this that these those his her its their our my there "
    "one some many most all both each such"
)
CLAUSE_ADVERBS = _wordset("also later then still now only not never again instead often already")


@dataclass(frozen=True)
class Params:
    """The weights of the method; the defaults were tuned on NewsMTSC rw-dev only.

    ``tau`` sets how fast a word's weight falls with its distance d (in words) from the
    target: 1 / (1 + (d - 1) / tau). Each comma between word and target multiplies by
    ``weak``, each clause break (; : dash, bracket, "which", "because", ...) by ``strong``.
    Across a contrast, the clause before "but" counts ``before_but``, the one after it
    ``after_but``. Quoted speech the target stands outside of counts ``quoted``, and what
    the target is reported to say ("X said that ...") counts ``reported``. Scores at
    or above ``pos`` are positive, at or below ``-neg`` negative.
    """

    tau: float = 5.0
    weak: float = 0.55
    strong: float = 0.4
    before_but: float = 1.0
    after_but: float = 1.5
    quoted: float = 0.1
    reported: float = 0.35
    pos: float = 0.12
    neg: float = 0.04


DEFAULT_PARAMS = Params()


class TargetScore(NamedTuple):
    """A target's score in -1..1, its label, and the words that moved it."""

    score: float
    label: str
    evidence: str


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a word or phrase, its valence in -1..1, its scope and reason."""

    term: str
    valence: float
    scope: str = "word"  # 'word', 'object', 'object_negator', 'negator' or 'prefix'
    reason: str = ""
    source: str = "briefkit"


@dataclass(frozen=True)
class Lexicon:
    """Single words mapped to their entries; phrases listed under their first word."""

    words: dict = field(default_factory=dict)
    phrases: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Cue:
    """A lexicon hit in one sentence, with everything that decides its weight.

    ``links`` holds one (distance, commas, clause breaks, contrast, target token) tuple per
    target token; the cue counts with the weight of its strongest link.
    """

    entry: Entry
    text: str
    first: int
    last: int
    valence: float
    negated_by: str = ""
    quoted: bool = False
    reported: bool = False
    relation: str = ""
    links: tuple = ()


# --- the lexicon -------------------------------------------------------------------------


def load_lexicon(table: pd.DataFrame | str | None = None, *, vader: bool = True) -> Lexicon:
    """VADER's lexicon (pinned: the vaderSentiment package's copy) under briefkit's domain table.

    Args:
        table: a frame or CSV path with columns term, valence (-1..1), scope, reason;
            default ``data/lexicon.csv``. Its entries override VADER's.
        vader: include VADER's words (their valences divided by 4, to -1..1).

    >>> lex = load_lexicon()
    >>> lex.words["hegemony"].valence, lex.words["good"].source
    (-0.6, 'vader')
    """
    if table is None:
        table = resources.read_data_csv("lexicon.csv")
    elif not isinstance(table, pd.DataFrame):
        table = pd.read_csv(table, keep_default_na=False, dtype=str)
    words: dict[str, Entry] = {}
    if vader:
        for word, valence in resources.vader_lexicon().items():
            words[word] = Entry(word, valence / VADER_SCALE, "word", "VADER lexicon", "vader")
    phrases: dict[str, list] = {}
    for row in table.itertuples(index=False):
        term = " ".join(str(row.term).lower().split())
        scope = str(getattr(row, "scope", "") or "word")
        entry = Entry(term, float(row.valence), scope, str(getattr(row, "reason", "")))
        parts = tuple(term.split())
        if len(parts) == 1:
            words[term] = entry
        else:
            phrases.setdefault(parts[0], []).append((parts, entry))
    for options in phrases.values():
        options.sort(key=lambda option: -len(option[0]))  # longest match first
    return Lexicon(words=words, phrases=phrases)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon used when none is given (built once)."""
    return load_lexicon()


def _as_lexicon(lexicon) -> Lexicon:
    if lexicon is None:
        return default_lexicon()
    if isinstance(lexicon, Lexicon):
        return lexicon
    return load_lexicon(lexicon)


@functools.lru_cache(maxsize=65536)
def _lemmas(word: str) -> tuple[str, ...]:
    """The word and the plain forms it may be inflected from ("benefited" -> "benefit")."""
    forms = [word]
    if word.endswith("'s"):
        word = word[:-2]
        forms.append(word)
    candidates = []
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    if word.endswith("s") and not word.endswith("ss"):
        candidates += [word[:-1], word[:-2]]
    if word.endswith("ied"):
        candidates.append(word[:-3] + "y")
    if word.endswith("ed"):
        candidates += [word[:-2], word[:-1], _undouble(word[:-2])]
    if word.endswith("ing"):
        candidates += [word[:-3], word[:-3] + "e", _undouble(word[:-3])]
    forms += [c for c in candidates if len(c) >= 3]
    return tuple(dict.fromkeys(forms))


def _undouble(stem: str) -> str:
    """ "stopp" -> "stop": the doubled consonant of "stopped", "stopping"."""
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]
    return stem


# --- the sentence ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    """One sentence's tokens, with what the scorer needs to know about each."""

    tokens: list  # (text, norm, start, end)
    word_pos: list  # index among word tokens, or -1 for punctuation
    quoted: list  # the quotations (ids, long quotes only) each token stands in
    targets: tuple  # indices of target tokens
    spans: tuple  # the target's character spans in the sentence


@functools.lru_cache(maxsize=65536)
def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _parse(text: str, spans) -> _Sentence:
    tokens = [(t, norm_token(t), s, e) for t, s, e in tokenize_words(text)]
    word_pos, count = [], 0
    for tok in tokens:
        word_pos.append(count if _is_word(tok[0]) else -1)
        count += _is_word(tok[0])
    targets = tuple(
        i for i, (_, _, s, e) in enumerate(tokens) if any(s < b and e > a for a, b in spans)
    )
    words = tuple(i for i in targets if word_pos[i] >= 0) or targets
    return _Sentence(tokens, word_pos, _quotations(text, tokens), words, tuple(spans))


def _quotations(text: str, tokens) -> list[frozenset]:
    """For each token, the quotations (of four words or more) it stands in.

    Double and single quotes nest independently. A closing double quote with no opening one
    means the quote began before this sentence; a quote never closed runs on past it.
    """
    regions, opened = [], {'"': None, "'": None}
    for i, (tok, _, s, _e) in enumerate(tokens):
        if tok not in QUOTES:
            continue
        kind = '"' if tok in '"“”' else "'"
        opening = tok in "“‘" or (tok in "\"'" and (s == 0 or text[s - 1] in " \t\n([{—–"))
        if opening and opened[kind] is None:
            opened[kind] = i
        elif not opening and opened[kind] is not None:
            regions.append((opened[kind], i))
            opened[kind] = None
        elif not opening and kind == '"':
            regions.append((0, i))
    regions += [(a, len(tokens) - 1) for a in opened.values() if a is not None]
    long = [(a, b) for a, b in regions if sum(_is_word(t[0]) for t in tokens[a : b + 1]) >= 4]
    return [
        frozenset(n for n, (a, b) in enumerate(long) if a <= j <= b) for j in range(len(tokens))
    ]


# --- finding the words that bear on the target --------------------------------------------


def _is_boundary(norm: str) -> bool:
    return norm in WEAK_PUNCT or norm in STRONG_PUNCT or norm in CLAUSE_WORDS


def _is_name(sent: _Sentence, i: int) -> bool:
    """A capitalised word inside the sentence is part of a name ("Justice Department")."""
    tok = sent.tokens[i][0]
    if not tok[:1].isupper() or sent.word_pos[i] == 0:
        return False
    prev = sent.tokens[i - 1][0] if i else ""
    return prev not in QUOTES and prev not in {":", "(", "—", "–"}


def _match_phrase(sent: _Sentence, lex: Lexicon, i: int, targets: set):
    for lemma in _lemmas(sent.tokens[i][1]):
        for parts, entry in lex.phrases.get(lemma, ()):
            last = i + len(parts) - 1
            if last >= len(sent.tokens):
                continue
            if all(
                j not in targets and parts[k] in _lemmas(sent.tokens[j][1])
                for k, j in enumerate(range(i, last + 1))
            ):
                return entry, last
    return None


def _match_word(sent: _Sentence, lex: Lexicon, i: int):
    if _is_name(sent, i):
        return None
    lemmas = _lemmas(sent.tokens[i][1])
    entries = [lex.words[lemma] for lemma in lemmas if lemma in lex.words]
    # briefkit's entry for any form wins over VADER's for an inflected one ("rejects").
    entry = next((e for e in entries if e.source == "briefkit"), entries[0] if entries else None)
    return None if entry is None else (entry, i)


def _find_cues(sent: _Sentence, lex: Lexicon) -> list[Cue]:
    """The lexicon's words and phrases in the sentence, outside the target, longest first."""
    cues, i, targets = [], 0, set(sent.targets)
    while i < len(sent.tokens):
        hit = None
        if i not in targets and sent.word_pos[i] >= 0:
            hit = _match_phrase(sent, lex, i, targets) or _match_word(sent, lex, i)
        if hit is None:
            i += 1
            continue
        entry, last = hit
        if entry.valence or entry.scope != "word":
            text = " ".join(tok[0] for tok in sent.tokens[i : last + 1])
            cues.append(Cue(entry, text, i, last, entry.valence))
        i = last + 1
    return cues + _affix_cues(sent, lex)


def _affix_cues(sent: _Sentence, lex: Lexicon) -> list[Cue]:
    """ "anti-American", "pro-Iranian": a prefix of the lexicon on the target's own token."""
    cues = []
    for t in sent.targets:
        tok, _, s, _e = sent.tokens[t]
        for a, _b in sent.spans:
            head = tok[: max(0, a - s)].lower()
            prefix = head.rstrip("-\u2010\u2011").rsplit("-", 1)[-1] + "-"
            entry = lex.words.get(prefix)
            if head and entry is not None and entry.scope == "prefix":
                cues.append(Cue(entry, prefix, t, t, entry.valence, relation="prefix on target"))
    return [replace(c, links=((1, 0, 0, "", c.first),)) for c in cues]


# --- negation and boosters ---------------------------------------------------------------


def _negator_before(sent: _Sentence, i: int) -> str:
    """The negator among the three words before token i, within its clause, or ''."""
    seen, j = 0, i - 1
    while j >= 0 and seen < NEGATION_WINDOW:
        norm = sent.tokens[j][1]
        if _is_boundary(norm):
            return ""
        if sent.word_pos[j] >= 0:
            seen += 1
            if norm in NEGATORS or norm.endswith("n't"):
                return norm
        j -= 1
    return ""


def _window_end(sent: _Sentence, i: int) -> int:
    """The last token within OBJECT_WINDOW words after token i."""
    j = i + 1
    while j < len(sent.tokens) and sent.word_pos[j] - sent.word_pos[i] <= OBJECT_WINDOW:
        j += 1
    return j - 1


def _clause_end(sent: _Sentence, i: int) -> int:
    """The last token of the clause that token i stands in."""
    j = i + 1
    while j < len(sent.tokens) and not _is_boundary(sent.tokens[j][1]):
        j += 1
    return j - 1


def _booster(sent: _Sentence, i: int) -> float:
    """VADER's booster ("very", "particularly") or dampener ("slightly") just before token i."""
    for j in (i - 1, i - 2):
        if j >= 0 and sent.tokens[j][1] in BOOSTER_DICT:
            return BOOSTER_DICT[sent.tokens[j][1]] / VADER_SCALE
    return 0.0


def _modify(sent: _Sentence, cues: list[Cue]) -> list[Cue]:
    """Apply boosters, negators before a word, and the reversal by "rejects", "denies"."""
    out = []
    for cue in cues:
        if cue.relation:
            out.append(cue)
            continue
        valence = cue.valence + math.copysign(_booster(sent, cue.first), cue.valence)
        negator = _negator_before(sent, cue.first)
        if negator:
            valence *= N_SCALAR
        out.append(replace(cue, valence=valence, negated_by=negator))
    for k, cue in enumerate(out):
        if cue.entry.scope in {"negator", "object_negator"} and not cue.negated_by:
            end = _clause_end(sent, cue.last)
            if cue.entry.scope == "object_negator":
                end = min(end, _window_end(sent, cue.last))
            for m in range(k + 1, len(out)):
                other = out[m]
                if cue.last < other.first <= end and other.entry.scope != "negator":
                    out[m] = replace(other, valence=other.valence * N_SCALAR, negated_by=cue.text)
    return out


# --- linking each word to the target -----------------------------------------------------


class _Contrast(NamedTuple):
    """A sentence's contrast: each token's side ('before', 'after' or ''), the kind
    ('contrast', 'concessive' or ''), the marker's index, and whether the clause after
    "but" lacks its own subject ("X helped but later undermined them")."""

    sides: list
    kind: str = ""
    marker: int = -1
    elided: bool = False


def _contrast(sent: _Sentence) -> _Contrast:
    n = len(sent.tokens)
    markers = [
        i
        for i, tok in enumerate(sent.tokens)
        if tok[1] in CONTRASTS
        and sent.word_pos[i] > 0
        and (tok[1] != "yet" or sent.tokens[i - 1][1] in {",", ";"})
    ]
    if markers:
        m = markers[-1]
        sides = ["before" if i < m else "after" if i > m else "" for i in range(n)]
        return _Contrast(sides, "contrast", m, _lacks_subject(sent, m))
    conc = next((i for i, tok in enumerate(sent.tokens) if tok[1] in CONCESSIVES), None)
    if conc is None:
        return _Contrast([""] * n)
    end = n - 1
    if sent.word_pos[conc] == 0:
        end = next((j for j in range(conc, n) if sent.tokens[j][1] in {",", ";"}), n - 1)
    return _Contrast(["before" if conc <= i <= end else "after" for i in range(n)], "concessive")


def _lacks_subject(sent: _Sentence, marker: int) -> bool:
    """Whether the clause after a contrast word starts with its verb (its subject elided)."""
    for tok, norm, _, _ in sent.tokens[marker + 1 :]:
        if norm in CLAUSE_ADVERBS or norm == ",":
            continue
        return _is_word(tok) and not tok[:1].isupper() and norm not in SUBJECT_STARTS
    return False


def _link(sent: _Sentence, cue: Cue, t: int, contrast: _Contrast) -> tuple:
    """(distance in words, commas, clause breaks, contrast, t) between a cue and target token t.

    A clause after "but" with no subject of its own is about the target of the clause
    before: its words are measured from the "but", where the elided subject stands.
    """
    sides, side = contrast.sides, ""
    a, b = (cue.last, t) if t > cue.last else (t, cue.first)
    if sides[cue.first] and sides[t] and sides[cue.first] != sides[t]:
        side = "before_but" if sides[cue.first] == "before" else "after_but"
        if contrast.kind == "concessive" and side == "after_but":
            side = "concessive_out"
        elif contrast.elided and side == "after_but":
            a = contrast.marker
    elif contrast.elided and sides[cue.first] == sides[t] == "before":
        side = "before_but"
    between = [sent.tokens[j][1] for j in range(a + 1, b)]
    if t == a and between[:1] == [","] and between[1:2] and between[1] in RELATIVES:
        between = between[2:]  # "X, who ...": a relative clause on the target is about it
    elif t == a and between[:1] and between[0] in RELATIVES:
        between = between[1:]
    weak = sum(norm in WEAK_PUNCT for norm in between)
    strong = sum(norm in STRONG_PUNCT or norm in CLAUSE_WORDS for norm in between)
    return (abs(sent.word_pos[b] - sent.word_pos[a]), weak, strong, side, t)


def _object_link(sent: _Sentence, cue: Cue, objects: set) -> tuple:
    """ "instead of X": a link to the target only if it follows within a few words."""
    for j in range(cue.last + 1, len(sent.tokens)):
        if j in sent.targets:
            return ((1, 0, 0, "", j),)
        norm = sent.tokens[j][1]
        distance = sent.word_pos[j] - sent.word_pos[cue.last]
        if _is_boundary(norm) or j in objects or distance > OBJECT_WINDOW:
            return ()
    return ()


def _speech(sent: _Sentence) -> tuple[int, str]:
    """Where the target speaks: the index of its reporting verb ("X said", "said X"), and
    'after' when its words follow the verb or 'before' when they precede it ('' if none)."""
    for v, tok in enumerate(sent.tokens):
        if v in sent.targets or not REPORTING_VERBS.intersection(_lemmas(tok[1])):
            continue
        for t in sent.targets:
            gap = sent.tokens[min(t, v) + 1 : max(t, v)]
            if any(g[1] in STRONG_PUNCT or g[1] in CLAUSE_WORDS for g in gap):
                continue
            words = sum(_is_word(g[0]) for g in gap)
            if t < v and words < SPEAKER_WINDOW:
                return v, "after"
            inverted = v > 0 and (
                sent.tokens[v - 1][1] in WEAK_PUNCT or sent.tokens[v - 1][0] in QUOTES
            )
            if t > v and inverted and all(g[0][:1].isupper() for g in gap):
                return v, "before"  # '"...," said Sen. Smith
    return -1, ""


def _attach(sent: _Sentence, cues: list[Cue]) -> list[Cue]:
    """Give each cue its links to the target tokens, its quotation and speech status."""
    contrast = _contrast(sent)
    verb, said = _speech(sent)
    objects = {
        j
        for c in cues
        if c.entry.scope in {"object", "object_negator"}
        for j in range(c.first, c.last + 1)
    }
    target_quotes = frozenset().union(*(sent.quoted[t] for t in sent.targets))
    out = []
    for cue in cues:
        if cue.links:
            out.append(cue)
            continue
        if cue.entry.scope in {"object", "object_negator"}:
            links = _object_link(sent, cue, objects - set(range(cue.first, cue.last + 1)))
            relation = f"object of '{cue.text.lower()}'" if links else ""
        else:
            links = tuple(_link(sent, cue, t, contrast) for t in sent.targets)
            relation = ""
        quoted = bool(sent.quoted[cue.first] - target_quotes)
        reported = (said == "after" and cue.first > verb) or (said == "before" and cue.last < verb)
        if links:
            out.append(
                replace(cue, links=links, quoted=quoted, reported=reported, relation=relation)
            )
    return out


def _cues(text: str, spans, lexicon=None) -> tuple[_Sentence, list[Cue]]:
    """Parse a sentence and return the cues bearing on the target spans (weights unapplied)."""
    sent = _parse(text, spans)
    if not sent.targets:
        raise ValueError(f"no word of the sentence lies in the target span(s) {list(spans)}")
    lex = _as_lexicon(lexicon)
    return sent, _attach(sent, _modify(sent, _find_cues(sent, lex)))


# --- scoring -----------------------------------------------------------------------------


def _link_weight(link: tuple, params: Params) -> float:
    distance, weak, strong, contrast, _ = link
    weight = params.tau / (params.tau + max(distance, 1) - 1)
    weight *= params.weak**weak * params.strong**strong
    if contrast == "before_but":
        weight *= params.before_but
    elif contrast == "after_but":
        weight *= params.after_but
    elif contrast == "concessive_out":
        weight *= params.strong
    return weight


def _contributions(cues: list[Cue], params: Params) -> list[tuple[Cue, tuple, float]]:
    """Each cue with its strongest link and its contribution (valence x weight)."""
    out = []
    for cue in cues:
        link = max(cue.links, key=lambda lk: _link_weight(lk, params))
        weight = _link_weight(link, params) * (params.quoted if cue.quoted else 1.0)
        weight *= params.reported if cue.reported else 1.0
        out.append((cue, link, cue.valence * weight))
    return out


def _normalise(raw: float) -> float:
    """VADER's squashing of a sum into -1..1."""
    return raw / math.sqrt(raw * raw + ALPHA)


def label_of(score: float, *, params: Params = DEFAULT_PARAMS) -> str:
    """'positive', 'negative' or 'neutral' by the tuned thresholds.

    >>> label_of(0.5), label_of(-0.02)
    ('positive', 'neutral')
    """
    if score >= params.pos:
        return "positive"
    if score <= -params.neg:
        return "negative"
    return "neutral"


def _describe(sent: _Sentence, cue: Cue, link: tuple) -> str:
    """A few words saying why a cue bears on the target."""
    _distance, weak, strong, contrast, _t = link
    parts = [cue.relation] if cue.relation else [_position(sent, cue, link)]
    if cue.negated_by:
        parts.append(f"negated by '{cue.negated_by}'")
    if contrast == "before_but":
        parts.append("in the clause that yields")
    elif contrast == "after_but":
        parts.append("in the clause after 'but'")
    if strong or contrast == "concessive_out":
        parts.append("across a clause break")
    elif weak:
        parts.append("across a comma")
    if cue.quoted:
        parts.append("in quoted speech")
    if cue.reported:
        parts.append("in what the target says")
    return ", ".join(parts)


def _position(sent: _Sentence, cue: Cue, link: tuple) -> str:
    distance, _, _, _, t = link
    words = f"{distance} word{'s' if distance != 1 else ''}"
    if cue.last < t:
        nxt = t + 1
        if distance <= 2 and nxt < len(sent.tokens) and sent.word_pos[nxt] >= 0:
            return f"acts on target's {sent.tokens[nxt][0]}: {words} before"
        return f"{words} before target"
    return f"{words} after target"


def _evidence(sent: _Sentence, scored, *, limit: int = 6) -> str:
    shown = sorted((s for s in scored if abs(s[2]) >= 0.005), key=lambda s: -abs(s[2]))
    return "; ".join(
        f"{cue.text}({value:+.2f}, {_describe(sent, cue, link)})"
        for cue, link, value in shown[:limit]
    )


def score_spans(text: str, spans, *, lexicon=None, params: Params = DEFAULT_PARAMS) -> TargetScore:
    """Score a target named by one or more spans of one sentence (each word counts once,
    linked to the nearest mention).

    >>> score_spans("Iran backs Russia, and Russia backs Iran.", [(0, 4), (36, 40)]).label
    'positive'
    """
    sent, cues = _cues(text, spans, lexicon)
    scored = _contributions(cues, params)
    score = round(_normalise(sum(value for _, _, value in scored)), 4)
    return TargetScore(score, label_of(score, params=params), _evidence(sent, scored))


def score_target(
    text: str, start: int, end: int, *, lexicon=None, params: Params = DEFAULT_PARAMS
) -> TargetScore:
    """How one sentence speaks of the target at ``text[start:end]``.

    Args:
        text: one sentence.
        start, end: the target's character span in ``text``.
        lexicon: a :class:`Lexicon`, or a domain table (frame or CSV path) to use in place
            of ``data/lexicon.csv``; default VADER's lexicon under briefkit's.
        params: the method's weights (:class:`Params`).

    Returns:
        TargetScore(score in -1..1, label, evidence naming the words that moved the score).

    >>> score_target("Putin blamed Washington.", 13, 23).label
    'negative'
    """
    return score_spans(text, [(start, end)], lexicon=lexicon, params=params)


# --- a corpus: sentiment toward one actor -------------------------------------------------

TONE_COLUMNS = [
    "brief_id",
    "sent_id",
    "target",
    "target_text",
    "holder",
    "holder_country",
    "score",
    "label",
    "evidence",
]
AUTHOR = "author"

# Verbs whose subject holds the view the sentence reports ("Putin asserts", "which Russia
# sees as"): the reporting verbs and the verbs of belief and attitude.
HOLDER_VERBS = REPORTING_VERBS | _wordset(
    """see view regard consider believe think perceive portray describe characterize
    accuse blame question reject deny dismiss fear suspect doubt hope trust
    distrust welcome criticize criticise condemn denounce insist"""
)
HOLDER_WINDOW = 4  # at most this many words between a holder and its verb
# Holder verbs that are also common nouns ("the Syrian state", "Russia's view"): they count
# only before a word that opens what is held ("states that", "hopes will", "sees as").
NOUN_LIKE_VERBS = _wordset(
    "state view question charge fear doubt hope trust report claim note blame maintain call"
)
HELD_OPENERS = _wordset("that as why what whether how if will would to , : \" “ ‘ '")


def sentiment_toward(
    corpus,
    target: str = "United States",
    *,
    gazetteer=None,
    lexicon=None,
    params: Params = DEFAULT_PARAMS,
) -> pd.DataFrame:
    """How each sentence that names ``target`` speaks of it, who holds that view, and why.

    A sentence counts when it names the target by any alias of the gazetteer ("U.S.",
    "Washington", "American", "U.S.-led"), also inside a group's name ("U.S. officials").
    Several mentions in one sentence make one row: the sentence is scored once with all
    of them as the target, each word counting once, linked to its nearest mention.

    Args:
        corpus: a :class:`~briefkit.corpus.Corpus`.
        target: an actor's canonical name or any alias ("U.S." means the United States).
        gazetteer: a gazetteer (frame or CSV path) for :mod:`briefkit.actors`; default
            briefkit's own.
        lexicon, params: passed to :func:`score_target`.

    Returns:
        A new DataFrame with ``TONE_COLUMNS``, one row per sentence, in corpus order.

    >>> from briefkit.corpus import Corpus
    >>> c = Corpus.from_texts(["Putin blamed Washington. Iran met Russia."])
    >>> sentiment_toward(c)[["sent_id", "target_text", "label"]].values.tolist()
    [[0, 'Washington', 'negative']]
    """
    from briefkit import actors

    row = actors.resolve_actor(target, gazetteer=gazetteer)
    if row is None:
        raise ValueError(f"{target!r} is not an actor of the gazetteer")
    mentions = actors.find_mentions(corpus, gazetteer=gazetteer)
    spans = _spans_by_sentence(_target_mentions(mentions, row))
    sents = corpus.sentences
    where = {
        (brief_id, int(sent_id)): (text, int(start))
        for brief_id, sent_id, text, start in zip(
            *(sents[c].tolist() for c in ("brief_id", "sent_id", "text", "start"))
        )
        if (brief_id, int(sent_id)) in spans
    }
    found = _actors_by_sentence(mentions, where)
    records = []
    for key, (texts, target_spans) in spans.items():
        text, offset = where[key]
        local = [(s - offset, e - offset) for s, e in target_spans]
        result = score_spans(text, local, lexicon=lexicon, params=params)
        holder = _holder_of(text, gazetteer=gazetteer, found=found.get(key, []))
        records.append((*key, row["actor"], "|".join(texts), *holder, *result))
    return pd.DataFrame.from_records(records, columns=TONE_COLUMNS)


def _spans_by_sentence(mentions: pd.DataFrame) -> dict:
    """(brief_id, sent_id) -> ([mention texts], [(start, end)]), in corpus order."""
    out: dict = {}
    columns = ("brief_id", "sent_id", "text", "start", "end")
    for brief_id, sent_id, text, start, end in zip(*(mentions[c].tolist() for c in columns)):
        texts, spans = out.setdefault((brief_id, int(sent_id)), ([], []))
        texts.append(text)
        spans.append((int(start), int(end)))
    return out


def _actors_by_sentence(mentions: pd.DataFrame, where: dict) -> dict:
    """Every actor mention of the sentences in ``where``, offsets made sentence-relative."""
    from briefkit.actors import Mention

    keys = pd.MultiIndex.from_arrays([mentions["brief_id"], mentions["sent_id"].astype(int)])
    chosen = mentions[keys.isin(list(where))]
    out: dict = {}
    columns = ("brief_id", "sent_id", "actor", "actor_type", "country", "text", "start", "end")
    for brief_id, sent_id, actor, kind, country, text, start, end in zip(
        *(chosen[c].tolist() for c in columns)
    ):
        key = (brief_id, int(sent_id))
        offset = where[key][1]
        mention = Mention(actor, kind, country, text, start - offset, end - offset)
        out.setdefault(key, []).append(mention)
    return out


def _target_mentions(mentions: pd.DataFrame, row: pd.Series) -> pd.DataFrame:
    """The target's own mentions, and its alias inside a group's name ("U.S. officials"),
    narrowed to the alias's span."""
    own = mentions[mentions["actor"] == row["actor"]]
    groups = mentions[(mentions["country"] == row["actor"]) & (mentions["actor"] != row["actor"])]
    aliases = sorted(str(row["aliases"]).split("|") + [row["actor"]], key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in aliases if a) + r")(?!\w)")
    inner = []
    for mention in groups.itertuples(index=False):
        found = pattern.search(mention.text)
        if found:
            start = mention.start + found.start()
            inner.append(
                mention._replace(text=found.group(), start=start, end=start + len(found.group()))
            )
    frames = [own, pd.DataFrame(inner, columns=mentions.columns)] if inner else [own]
    both = pd.concat(frames, ignore_index=True)
    return both.sort_values(["brief_id", "sent_id", "start"], kind="stable")


def _holder_of(sentence: str, *, gazetteer=None, found=None) -> tuple[str, str]:
    """Who holds the view a sentence reports, and the state or body it speaks for.

    The subject of the first verb of saying or believing ("Putin asserts", "which Russia
    sees as", "..., said X", "according to X"); a pronoun ("he says") stands for the
    nearest actor before it. ``('author', 'author')`` when the sentence reports no view.
    To be replaced by the claims machinery (:mod:`briefkit.claims`). ``found``: the
    sentence's actor mentions (:func:`briefkit.actors.find_actors`), if already known.

    >>> _holder_of("Putin asserts that the U.S. is to blame.")
    ('Vladimir Putin', 'Russia')
    >>> _holder_of("The U.S. has 5,000 troops in Iraq.")
    ('author', 'author')
    """
    if found is None:
        from briefkit import actors

        found = actors.find_actors(sentence, gazetteer=gazetteer)
    found = [m for m in found if m.actor_type != "non_actor"]
    tokens = tokenize_words(sentence)
    for v, (tok, start, end) in enumerate(tokens):
        norm = norm_token(tok)
        if norm == "according" and v + 1 < len(tokens) and tokens[v + 1][0] == "to":
            after = [m for m in found if m.start >= tokens[v + 1][2]]
            if after and _words_between(tokens, tokens[v + 1][2], after[0].start) <= 1:
                return _holder(after[0])
        if not _is_holder_verb(tokens, v):
            continue
        holder = _subject_before(sentence, tokens, v, found) or _speaker_after(tokens, v, found)
        if holder is not None:
            return _holder(holder)
    return AUTHOR, AUTHOR


def _is_holder_verb(tokens, v: int) -> bool:
    """Whether token v is a verb of saying or believing, not a noun or part of a name."""
    tok = tokens[v][0]
    lemmas = HOLDER_VERBS.intersection(_lemmas(norm_token(tok)))
    if not lemmas or (v > 0 and tok[:1].isupper()):
        return False
    if lemmas <= NOUN_LIKE_VERBS:
        return v + 1 < len(tokens) and norm_token(tokens[v + 1][0]) in HELD_OPENERS
    return True


def _words_between(tokens, start: int, end: int) -> int:
    return sum(1 for tok, s, e in tokens if s >= start and e <= end and _is_word(tok))


def _subject_before(sentence: str, tokens, v: int, found):
    """The actor just before verb v ("Putin asserts", "Russia and Iran see"), a pronoun's
    antecedent ("he says"), or None."""
    verb_start = tokens[v][1]
    near = [
        m
        for m in found
        if m.end <= verb_start
        and _words_between(tokens, m.end, verb_start) <= HOLDER_WINDOW
        and not any(ch in STRONG_PUNCT or ch == "," for ch in sentence[m.end : verb_start])
    ]
    if near:
        first = near[-1]
        for m in reversed(near[:-1]):  # "Russia and Iran see": the first of the pair
            if re.fullmatch(r"\s*(?:and|,)\s*", sentence[m.end : first.start]):
                first = m
        return first
    for j in range(v - 1, max(-1, v - 1 - HOLDER_WINDOW), -1):
        norm = norm_token(tokens[j][0])
        if norm in {"he", "she", "it", "they"}:
            before = [m for m in found if m.end <= tokens[j][1]]
            persons = [m for m in before if m.actor_type in {"leader", "person"}]
            pool = persons if norm in {"he", "she"} else before
            return pool[-1] if pool else None
        if not _is_word(tokens[j][0]) or norm in CLAUSE_WORDS:
            return None
    return None


def _speaker_after(tokens, v: int, found):
    """'"...," said Lavrov': the actor right after a verb that follows a comma or quote."""
    if v == 0 or (tokens[v - 1][0] not in WEAK_PUNCT and tokens[v - 1][0] not in QUOTES):
        return None
    after = [m for m in found if m.start >= tokens[v][2]]
    if after and _words_between(tokens, tokens[v][2], after[0].start) <= 2:
        return after[0]
    return None


def _holder(mention) -> tuple[str, str]:
    return mention.actor, mention.country or ""


# --- aggregates --------------------------------------------------------------------------

SUMMARY_COLUMNS = [
    "n",
    "mean_score",
    "ci_low",
    "ci_high",
    "n_negative",
    "n_neutral",
    "n_positive",
    "share_negative",
    "share_positive",
]
N_BOOT = 2000  # bootstrap resamples for a confidence interval


def mean_ci(
    values, *, level: float = 0.95, n_boot: int = N_BOOT, seed: int = 0
) -> tuple[float, float, float]:
    """The mean and its bootstrap percentile interval (seeded, so always the same).

    With fewer than two values the interval is undefined (NaN).

    >>> mean_ci([0.2, 0.4, 0.6])[0]
    0.4
    """
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return math.nan, math.nan, math.nan
    mean = round(float(values.mean()), 10)
    if len(values) < 2:
        return mean, math.nan, math.nan
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1)
    low, high = np.quantile(means, [(1 - level) / 2, (1 + level) / 2])
    return mean, float(low), float(high)


def _summarise(tone: pd.DataFrame, keys: list[str], **ci) -> pd.DataFrame:
    """One row per group of ``keys``: counts, mean score with its interval, label shares."""
    rows = []
    for key, group in tone.groupby(keys, sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        counts = group["label"].value_counts()
        n = len(group)
        mean, low, high = mean_ci(group["score"].to_numpy(), **ci)
        neg, neu, pos = (int(counts.get(label, 0)) for label in LABELS)
        rows.append((*key, n, mean, low, high, neg, neu, pos, neg / n, pos / n))
    return pd.DataFrame.from_records(rows, columns=[*keys, *SUMMARY_COLUMNS])


def us_tone_by_brief(tone: pd.DataFrame, **ci) -> pd.DataFrame:
    """Each brief's tone toward the target: sentences, mean score and interval, labels.

    Args:
        tone: a table from :func:`sentiment_toward`.
        **ci: ``level`` (0.95), ``n_boot`` and ``seed`` of :func:`mean_ci`.

    >>> tone = pd.DataFrame({"brief_id": ["a", "a", "b"], "target": "United States",
    ...                      "score": [0.5, -0.1, 0.2], "label": ["positive", "neutral", "positive"]})
    >>> us_tone_by_brief(tone)[["brief_id", "n", "n_positive"]].values.tolist()
    [['a', 2, 1], ['b', 1, 1]]
    """
    return _summarise(tone, ["target", "brief_id"], **ci)


def us_tone_by_holder(tone: pd.DataFrame, **ci) -> pd.DataFrame:
    """The tone toward the target by holder of the view ('author', "Vladimir Putin", ...).

    >>> tone = pd.DataFrame({"holder": ["author", "Russia"], "holder_country": ["author", "Russia"],
    ...                      "target": "United States", "score": [0.0, -0.5],
    ...                      "label": ["neutral", "negative"]})
    >>> us_tone_by_holder(tone)[["holder", "mean_score"]].values.tolist()
    [['Russia', -0.5], ['author', 0.0]]
    """
    return _summarise(tone, ["target", "holder", "holder_country"], **ci)


def tone_timeline(tone: pd.DataFrame, corpus, *, freq: str = "M", **ci) -> pd.DataFrame:
    """The tone toward the target per period of the briefs' dates (``freq``: a pandas
    period alias, "M" months, "Q" quarters, "Y" years); briefs without a date are left out.

    Returns:
        A new DataFrame with ``target``, ``period`` (the period's first day), ``n_briefs``
        and the summary columns, one row per period that has sentences.
    """
    dates = corpus.briefs[["brief_id", "date"]]
    dated = tone.merge(dates, on="brief_id", how="inner")
    dated = dated[dated["date"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=["target", "period", "n_briefs", *SUMMARY_COLUMNS])
    dated = dated.assign(period=pd.to_datetime(dated["date"]).dt.to_period(freq).dt.start_time)
    summary = _summarise(dated, ["target", "period"], **ci)
    n_briefs = dated.groupby(["target", "period"])["brief_id"].nunique().rename("n_briefs")
    summary = summary.merge(n_briefs.reset_index(), on=["target", "period"])
    return summary[["target", "period", "n_briefs", *SUMMARY_COLUMNS]]
