"""Target-directed sentiment: how one sentence speaks of one actor, who holds the view, why.

Plain VADER scores a whole sentence. briefkit scores a *target span*: it finds the words of
VADER's lexicon (pinned: the vaderSentiment package's copy, the same with or without NLTK's
data) and of briefkit's domain lexicon (``data/lexicon.csv``, each entry with a valence, a
scope and a reason) in the sentence, and weights each by how it bears on the target:

- scope: its distance in words, the commas and clause breaks between them; relations such
  as "instead of X", "against X", "rely on X" count only for the target they point at;
- the target's role, read from word order without a parser: a word acting on the target
  ("Moscow blames Washington", "anger at Washington's choice") or said of it after a copula
  counts fully; the target's own act ("Washington funds the army") counts ``agent`` (in
  briefs, little, unless it is a domain word of conduct: "undermined"); its own view of
  something else ("Washington rejects the plan") counts ``holds``; a word with no direct tie
  to it counts ``loose``;
- the views the sentence reports, from the claims machinery (:func:`find_views` over
  :func:`briefkit.claims.find_holders`): the cue of a view held *of* the target ("Tehran
  portrays Washington as ...") bears on it directly, what the target itself says is
  discounted, and words naming another holder or another's view of something else do not
  count;
- negation: negators ("not", "never") reverse the three words after them; words that
  reject, doubt or question a view ("rejects", "doubts", "questioned why", "asked
  whether") reverse the view's words, and "fails to", "unable to", "unlikely to" the
  outcome after them;
- contrast: the clause after "but" dominates, the clause that yields (before "but", inside
  "although") is discounted; an opening "For X," makes what follows about X; quoted speech
  the target stands outside of counts little.

The score is VADER's normalisation of the sum, in -1..1, and the label comes from the
genre's thresholds; ``evidence`` lists the words that moved the score with their weighted
contributions and why they count (:func:`explain_target` gives the same as a table). The
weights and thresholds (:class:`Params`) are set per genre: ``genre="brief"`` (the default,
tuned on the development labels of ``data/annotations/dev``) and ``genre="news"`` (tuned on
NewsMTSC's rw-dev split). ``benchmarks/sentiment_eval.py`` prints the figures beside plain
VADER, on the test labels (never tuned on) too.

:func:`sentiment_toward` applies the scorer to every sentence of a corpus that names an
actor, with the holder of the view (:func:`holder_of_target`); :func:`us_tone_by_brief`,
:func:`us_tone_by_holder` and :func:`tone_timeline` summarise the table with bootstrap
intervals, and :func:`evaluate_tone` and :func:`evaluate_newsmtsc` measure it.

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
# The target's own act: a word after it in its clause (its predicate), with at most
# AGENT_WINDOW words between and none of these: a copula makes the word a predicate about
# the target ("is a threat"), a preposition or relative word puts another noun phrase
# between them.
AGENT_WINDOW = 6
COPULAS = _wordset(
    """is are was were be been being remain remains remained seem seems seemed appear appears
    appeared become becomes became look looks looked"""
)
AGENT_BREAKS = _wordset(
    """of for with against at in on by from about over toward towards into between among
    than as that which who whom whose what"""
)
# What acts on the target: a word before it, with at most PATIENT_WINDOW words between, all
# of them articles, possessives, names or these prepositions ("anger at Washington's
# choice", "rebuffs the U.S.-led coalition", "support for the United States"), and at
# most one other word ("benefits the new U.S. strategy").
PATIENT_WINDOW = 4
PATIENT_LINKS = _wordset(
    """the a an its their his her our this that these those of at toward towards against with
    on to from for by into over upon"""
)


@dataclass(frozen=True)
class Params:
    """The weights of the method and its label thresholds, for one genre of text.

    ``tau`` sets how fast a word's weight falls with its distance d (in words) from the
    target: 1 / (1 + (d - 1) / tau). Each comma between word and target multiplies by
    ``weak``, each clause break (; : dash, bracket, "which", "because", ...) by ``strong``.
    Across a contrast, the clause before "but" counts ``before_but``, the one after it
    ``after_but``; a word in the clause that yields (before "but", inside "although")
    counts ``yielding`` even when the target stands in that clause too. Quoted speech the
    target stands outside of counts ``quoted``, and what the target is reported to say or
    think ("X said that ...", "U.S. officials assert that ...") counts ``reported``.

    The target's role: a word of the target's own act, of which it is the subject
    ("Washington funds the army", "U.S. air support"), counts ``agent`` (a general word,
    from VADER) or ``agent_domain`` (a word of briefkit's domain lexicon: "U.S. hegemony",
    "Washington undermined the talks"); the target's own attitude toward something else
    ("Washington rejects the plan", "U.S. officials welcomed the result") counts ``holds``.
    A word with no direct tie to the target (neither its act, nor said of it after a
    copula, nor acting on it: "Ankara accepted the operation only after U.S. assurances")
    counts ``loose``.
    Scores at or above ``pos`` are positive, at or below ``-neg`` negative.
    """

    tau: float = 5.0
    weak: float = 0.55
    strong: float = 0.4
    before_but: float = 1.0
    after_but: float = 1.5
    quoted: float = 0.1
    reported: float = 0.35
    yielding: float = 1.0
    agent: float = 1.0
    agent_domain: float = 1.0
    holds: float = 1.0
    loose: float = 1.0
    pos: float = 0.12
    neg: float = 0.04


# News sentences about people (NewsMTSC): the weights tuned on its rw-dev split.
NEWS_PARAMS = Params()
# Briefs about states: tuned on the development labels (data/annotations/dev), starting
# from the news weights, with only the genre's own weights free (benchmarks/).
BRIEF_PARAMS = replace(
    NEWS_PARAMS,
    before_but=0.0,
    after_but=1.5,
    yielding=0.5,
    agent=0.1,
    agent_domain=1.0,
    holds=0.0,
    loose=0.75,
    pos=0.28,
    neg=0.04,
)
GENRES = {"brief": BRIEF_PARAMS, "news": NEWS_PARAMS}
DEFAULT_PARAMS = BRIEF_PARAMS


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

    ``links`` holds one :class:`Link` per target token; the cue counts with the weight of
    its strongest link. ``view`` is the index of the reported view (:class:`View`) whose
    cue word this is, or -1; ``holds``: that view is the target's own; ``held``: that view
    is held of the target by someone else.
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
    view: int = -1
    holds: bool = False
    held: bool = False


class Link(NamedTuple):
    """How a cue bears on one target token: its distance in words, the commas and clause
    breaks between them, its side of a contrast, the target token, and the target's role
    ('agent': the word is the target's own act; 'held': the cue of a view held of it)."""

    distance: int
    weak: int
    strong: int
    side: str
    target: int
    role: str = ""


class View(NamedTuple):
    """A view the sentence reports (from :func:`briefkit.claims.find_holders`): its holder
    and country, and the character spans of the holder's words, the cue and the content;
    ``rejects``: the holder holds the content false ("denies", "rejects")."""

    holder: str
    holder_country: str
    holder_span: tuple
    cue_span: tuple
    content_span: tuple
    cue: str
    rejects: bool


# --- the lexicon -------------------------------------------------------------------------


SCOPES = (
    "word", "relation", "object", "object_negator", "negator", "question", "view", "prefix"
)
# Cues of views that state an actor's aims: their content is the actor's own conduct.
AIMS = frozenset({"seek", "want", "intend", "plan", "try", "aim", "prefer", "strive"})
REVERSING = frozenset({"negator", "object_negator", "question"})
VIEW_ONLY = frozenset({"question", "view"})  # scopes that count only as a view's cue


def load_lexicon(
    table: pd.DataFrame | str | None = None, *, vader: bool = True, genre: str | None = None
) -> Lexicon:
    """VADER's lexicon (pinned: the vaderSentiment package's copy) under briefkit's domain table.

    Args:
        table: a frame or CSV path with columns term, valence (-1..1), scope, reason and
            optionally genre; default ``data/lexicon.csv``. Its entries override VADER's.
        vader: include VADER's words (their valences divided by 4, to -1..1).
        genre: keep the rows whose ``genre`` is empty or this genre ('brief', 'news'); a
            genre's row for a term overrides the row for every genre. None keeps only the
            rows for every genre.

    Scopes: 'word' (counts where it stands), 'relation' (a tie between actors: "ally",
    "rival"; counts as a word, also where the target is its possessor: "U.S. allies"),
    'object' ("rely on X": counts for the target
    just after it), 'object_negator' (as 'object', and reverses the words it governs),
    'negator' ("rejects", "unlikely to": reverses the words of its clause, or of the
    content of the view it is the cue of), 'question' ("questions", "asked whether": as
    'negator', but counts only as the cue of a reported view), 'view' (counts only as the
    cue of a reported view: "presses Washington", not "the press"), 'prefix' ("anti-").

    >>> lex = load_lexicon()
    >>> lex.words["hegemony"].valence, lex.words["good"].source
    (-0.6, 'vader')
    >>> load_lexicon(genre="brief").words["offensive"].valence
    0.0
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
    rows = list(table.itertuples(index=False))
    for row in sorted(rows, key=lambda r: bool(getattr(r, "genre", ""))):  # a genre's rows win
        row_genre = str(getattr(row, "genre", "") or "")
        if row_genre and row_genre != genre:
            continue
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


@functools.lru_cache(maxsize=4)
def default_lexicon(genre: str | None = "brief") -> Lexicon:
    """The lexicon used when none is given, for a genre (built once)."""
    return load_lexicon(genre=genre)


def _as_lexicon(lexicon, genre: str | None = "brief") -> Lexicon:
    if lexicon is None:
        return default_lexicon(genre)
    if isinstance(lexicon, Lexicon):
        return lexicon
    return load_lexicon(lexicon, genre=genre)


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


# --- the views the sentence reports (briefkit.claims) -------------------------------------

# Words that may point back to an earlier sentence's actor ("he says", "Both insist", "the
# kingdom warns"): only sentences holding one are parsed with the sentences before them.
_NEEDS_CONTEXT = re.compile(
    r"\b(?:he|she|it|they|both|the two|the (?:government|kingdom|regime|ministry|authorities"
    r"|administration|leadership|president|minister))\b",
    re.IGNORECASE,
)
CONTEXT_SENTENCES = 2  # sentences before this one that may hold a pronoun's antecedent


def find_views(text: str, *, previous=(), gazetteer=None) -> tuple[View, ...]:
    """The views a sentence reports, with their holders, from the claims machinery.

    A thin adapter over :func:`briefkit.claims.find_holders`: the sentences before this one
    (``previous``, oldest first) are passed on only when the sentence holds a word that may
    point back to them, since parsing them costs time. It adds the views held in an actor's
    attitude noun ("Tehran's hostility toward Washington"), which the claims machinery does
    not read yet.

    >>> [(v.holder, v.cue) for v in find_views("Moscow says that Washington lies.")]
    [('Russia', 'say')]
    >>> [(v.holder, v.cue) for v in find_views("Tehran's hostility toward Washington grew.")]
    [('Iran', 'hostility')]
    """
    previous = tuple(previous)[-CONTEXT_SENTENCES:] if _NEEDS_CONTEXT.search(text) else ()
    if gazetteer is not None:
        return _find_views(text, previous, gazetteer)
    return _cached_views(text, previous)


@functools.lru_cache(maxsize=8192)
def _cached_views(text: str, previous: tuple) -> tuple[View, ...]:
    return _find_views(text, previous, None)


def _find_views(text: str, previous: tuple, gazetteer) -> tuple[View, ...]:
    from briefkit import claims

    found = claims.find_holders(text, previous=list(previous) or None, gazetteer=gazetteer)
    views = [
        View(
            h.holder,
            h.holder_country,
            (h.holder_start, h.holder_end),
            (h.cue_start, h.cue_end),
            (h.content_start, h.content_end),
            h.cue,
            bool(h.rejects),
        )
        for h in found
    ]
    taken = [v.cue_span for v in views]
    views += [v for v in _attitude_nouns(text, gazetteer) if v.cue_span not in taken]
    return tuple(sorted(views, key=lambda v: v.cue_span))


# "Tehran's hostility toward Washington": an actor's attitude noun and what it is directed
# at. The annotation scheme counts these as reported views; briefkit.claims does not read
# them yet, so this adapter adds them.
_ATTITUDE_NOUN = re.compile(
    r"(?P<holder>\b[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*)['\u2019]s\s+"
    r"(?P<noun>[a-z]+)\s+(?P<prep>toward|towards|at|of|for|with|against|over|about)\s+"
    r"(?P<content>[^,;:()\u2014\u2013]+)"
)


def _attitude_nouns(text: str, gazetteer) -> list[View]:
    """Views held in an attitude noun: "<actor>'s <noun> toward|at|of|with ... <content>",
    where the noun has a valence in the lexicon (hostility, anger, distrust, support)."""
    matches = [m for m in _ATTITUDE_NOUN.finditer(text) if _is_attitude(m.group("noun"))]
    if not matches:
        return []
    from briefkit import actors

    mentions = actors.find_actors(text, gazetteer=gazetteer)
    views = []
    for m in matches:
        owner = [a for a in mentions if a.end == m.end("holder") and a.actor_type != "non_actor"]
        if owner:
            holder_span = (owner[0].start, m.end("holder"))
            views.append(View(owner[0].actor, owner[0].country or "", holder_span,
                              m.span("noun"), m.span("content"), m.group("noun"), False))
    return views


@functools.lru_cache(maxsize=4096)
def _is_attitude(noun: str) -> bool:
    lex = default_lexicon(None)
    entries = [lex.words[w] for w in _lemmas(noun) if w in lex.words]
    return bool(entries) and entries[0].valence != 0 and entries[0].scope in {"word", "relation"}


def _speaker_for(view: View, views) -> View:
    """The view itself, or the view that reports it when its holder speaks for the same
    state ("Khamenei made clear that Iran's quarrel with Washington ...": Khamenei's)."""
    countries = set(view.holder_country.split("|")) - {""}
    for outer in views:
        if (
            outer is not view
            and outer.content_span[0] <= view.cue_span[0] < outer.content_span[1]
            and countries
            and countries == set(outer.holder_country.split("|")) - {""}
        ):
            return outer
    return view


def _overlaps(a: int, b: int, span: tuple) -> bool:
    return a < span[1] and b > span[0]


def holder_of_target(views, spans, *, target: str = "") -> tuple[str, str]:
    """Whose view of the target a sentence gives, and the state or body it speaks for.

    For each target span: the holder of the innermost view whose content holds it ("which
    Russia sees as ...", "Saudi officials doubt that Washington will ..."), else of the
    view it speaks in ("U.S. officials assert ..."). Several holders are joined with "|";
    the target's own voice (a holder speaking for ``target``) gives way to others' views
    and to the author's (a mention in no view) when the sentence has both, since an
    attitude toward an actor is someone else's view of it. ``('author', 'author')`` when
    the target stands in no reported view.

    >>> holder_of_target(find_views("Tehran portrays Washington as a threat."), [(16, 26)])
    ('Iran', 'Iran')
    """
    found: list[View] = []
    authors = False
    for a, b in spans:
        inside = [v for v in views if v.content_span[0] <= a and b <= v.content_span[1]]
        inside.sort(key=lambda v: v.content_span[1] - v.content_span[0])
        speaking = [v for v in views if v.holder_span[0] >= 0 and _overlaps(a, b, v.holder_span)]
        view = next((v for v in inside + speaking if v.holder), None)
        view = _speaker_for(view, views) if view is not None else None
        authors = authors or view is None
        if view is not None and view.holder not in {f.holder for f in found}:
            found.append(view)
    others = [v for v in found if target not in v.holder_country.split("|")]
    if others or authors:
        found = others
    if not found:
        return AUTHOR, AUTHOR
    names = list(dict.fromkeys(n for v in found for n in v.holder.split("|")))
    countries = list(dict.fromkeys(c for v in found for c in v.holder_country.split("|") if c))
    return "|".join(names), "|".join(countries)


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


def _find_cues(sent: _Sentence, lex: Lexicon, views) -> list[Cue]:
    """The lexicon's words and phrases in the sentence, outside the target, longest first,
    each marked with the reported view whose cue word it is. Entries of scope 'question'
    and 'view' count only as such a cue ("questioned why", not "the Kurdish question")."""
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
            view = _view_of_cue(sent, views, i, last)
            if entry.scope not in VIEW_ONLY or view >= 0:
                cues.append(Cue(entry, text, i, last, entry.valence, view=view))
        i = last + 1
    return cues + _affix_cues(sent, lex)


def _view_of_cue(sent: _Sentence, views, first: int, last: int) -> int:
    """The index of the view whose cue word lies in tokens first..last, or -1."""
    a, b = sent.tokens[first][2], sent.tokens[last][3]
    return next((k for k, v in enumerate(views) if _overlaps(a, b, v.cue_span)), -1)


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
    return [replace(c, links=(Link(1, 0, 0, "", c.first),)) for c in cues]


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


def _content_end(sent: _Sentence, view: View) -> int:
    """The last token of a view's content."""
    end = view.content_span[1]
    return max((j for j, tok in enumerate(sent.tokens) if tok[3] <= end), default=-1)


def _booster(sent: _Sentence, i: int) -> float:
    """VADER's booster ("very", "particularly") or dampener ("slightly") just before token i."""
    for j in (i - 1, i - 2):
        if j >= 0 and sent.tokens[j][1] in BOOSTER_DICT:
            return BOOSTER_DICT[sent.tokens[j][1]] / VADER_SCALE
    return 0.0


def _modify(sent: _Sentence, cues: list[Cue], views) -> list[Cue]:
    """Apply boosters, negators before a word, and the reversal by "rejects", "denies",
    "questions", "unlikely to": the words of their scope flip. The scope of a word that is
    a reported view's cue is that view's content ("denies any role | and accuses ..."),
    else the rest of its clause."""
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
        if cue.entry.scope not in REVERSING or cue.negated_by:
            continue
        if cue.view >= 0:
            end = _content_end(sent, views[cue.view])
        else:
            end = _clause_end(sent, cue.last)
        if cue.entry.scope == "object_negator":
            end = min(end, _window_end(sent, cue.last))
        for m in range(k + 1, len(out)):
            other = out[m]
            if cue.last < other.first <= end and other.entry.scope not in REVERSING:
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


def _is_agent(sent: _Sentence, t: int, first: int, contrast: _Contrast) -> bool:
    """Whether the target token t is the subject of the word at ``first``, so that the word
    is the target's own act ("Washington funds", "U.S. officials have welcomed", "U.S. air
    support", "Washington helped the talks but later undermined them"): the word follows
    the target in its clause, at most AGENT_WINDOW words on, with no copula ("is a
    threat"), preposition or relative word between."""
    if first <= t:
        return False
    start = t
    if contrast.elided and t < contrast.marker < first:
        if not _at_subject(sent, t):
            return False
        start = contrast.marker
    words = 0
    for j in range(start + 1, first):
        norm = sent.tokens[j][1]
        if _is_boundary(norm) or norm in COPULAS or norm in AGENT_BREAKS:
            return False
        words += sent.word_pos[j] >= 0
    return words <= AGENT_WINDOW


def _at_subject(sent: _Sentence, t: int) -> bool:
    """Whether target token t opens its clause, where a subject stands: only an article
    or words of a name ("the", "U.S.", "Defense Secretary") come before it."""
    j = t - 1
    while j >= 0 and not _is_boundary(sent.tokens[j][1]):
        tok, norm = sent.tokens[j][0], sent.tokens[j][1]
        if _is_word(tok) and norm not in {"the", "a", "an"} and not tok[:1].isupper():
            return False
        j -= 1
    return True


def _link(sent: _Sentence, cue: Cue, t: int, contrast: _Contrast) -> Link:
    """The link between a cue and target token t (see :class:`Link`).

    A clause after "but" with no subject of its own is about the target of the clause
    before: its words are measured from the "but", where the elided subject stands.
    """
    sides, side = contrast.sides, ""
    a, b = (cue.last, t) if t > cue.last else (t, cue.first)
    frame = _frame_comma(sent, t)
    if 0 <= frame < cue.first:  # "For Washington, the deal is a setback": from the comma
        a = frame
    if sides[cue.first] and sides[t] and sides[cue.first] != sides[t]:
        side = "before_but" if sides[cue.first] == "before" else "after_but"
        if contrast.kind == "concessive" and side == "after_but":
            side = "concessive_out"
        elif contrast.elided and side == "after_but":
            a = contrast.marker
    elif contrast.elided and sides[cue.first] == sides[t] == "before":
        side = "before_but"
    elif sides[cue.first] == sides[t] == "before":
        side = "yielding"
    between = [sent.tokens[j][1] for j in range(a + 1, b)]
    if t == a and between[:1] == [","] and between[1:2] and between[1] in RELATIVES:
        between = between[2:]  # "X, who ...": a relative clause on the target is about it
    elif t == a and between[:1] and between[0] in RELATIVES:
        between = between[1:]
    weak = sum(norm in WEAK_PUNCT for norm in between)
    strong = sum(norm in STRONG_PUNCT or norm in CLAUSE_WORDS for norm in between)
    role = _role(sent, cue, t, contrast, frame)
    if a == frame:
        return Link(sent.word_pos[b] - sent.word_pos[frame + 1] + 1, weak, strong, side, t, role)
    return Link(abs(sent.word_pos[b] - sent.word_pos[a]), weak, strong, side, t, role)


def _role(sent: _Sentence, cue: Cue, t: int, contrast: _Contrast, frame: int) -> str:
    """The target's tie to a cue: 'agent' (the cue is its own act), '' (a direct tie: the
    cue acts on it, is said of it after a copula, or follows an opening "For X,"), or
    'loose' (the cue merely shares its sentence)."""
    if 0 <= frame < cue.first:
        return ""
    if cue.first > t:
        if _is_agent(sent, t, cue.first, contrast):
            return "agent"
        return "" if _is_predicate(sent, t, cue.first) else "loose"
    return "" if _is_patient(sent, cue.last, t) else "loose"


def _is_predicate(sent: _Sentence, t: int, first: int) -> bool:
    """Whether the word at ``first`` is said of target token t after a copula ("Washington
    is an unreliable partner", "the U.S. was blamed")."""
    copula = False
    for j in range(t + 1, first):
        norm = sent.tokens[j][1]
        if _is_boundary(norm) or norm in AGENT_BREAKS:
            return False
        copula = copula or norm in COPULAS
    words = sum(sent.word_pos[j] >= 0 for j in range(t + 1, first))
    return copula and words <= AGENT_WINDOW


def _is_patient(sent: _Sentence, last: int, t: int) -> bool:
    """Whether the word ending at ``last`` acts on target token t (see PATIENT_LINKS)."""
    others = words = 0
    for j in range(last + 1, t):
        tok, norm = sent.tokens[j][0], sent.tokens[j][1]
        if sent.word_pos[j] < 0:
            if norm in {"-", "\u2010", "\u2011"}:
                continue
            return False
        words += 1
        if norm not in PATIENT_LINKS and not norm.endswith("'s") and not tok[:1].isupper():
            others += 1
    return words <= PATIENT_WINDOW and others <= 1


def _frame_comma(sent: _Sentence, t: int) -> int:
    """The comma closing an opening "For X," that target token t stands in ("For
    Washington, the deal is a setback": what follows is said of what it means for X), or
    -1."""
    j = t - 1
    while j >= 0 and sent.tokens[j][0][:1].isupper() and sent.tokens[j][1] != "for":
        j -= 1
    if j >= 0 and sent.tokens[j][1] == "the":
        j -= 1
    if j < 0 or sent.tokens[j][1] != "for" or sent.word_pos[j] != 0:
        return -1
    k = t + 1
    while k < len(sent.tokens) and sent.tokens[k][0][:1].isupper():
        k += 1
    ok = k + 1 < len(sent.tokens) and sent.tokens[k][1] == "," and sent.word_pos[k + 1] >= 0
    return k if ok else -1


def _object_link(sent: _Sentence, cue: Cue, objects: set) -> tuple:
    """ "instead of X": a link to the target only if it follows within a few words."""
    for j in range(cue.last + 1, len(sent.tokens)):
        if j in sent.targets:
            return (Link(1, 0, 0, "", j),)
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


class _Roles(NamedTuple):
    """Which reported views the target holds (it speaks), and which are held of it."""

    own: frozenset  # indices of views whose holder's words include the target
    of_target: frozenset  # indices of views whose content holds the target
    holders: frozenset  # the holders of those views


def _roles(sent: _Sentence, views) -> _Roles:
    spans = [(sent.tokens[t][2], sent.tokens[t][3]) for t in sent.targets]
    own = frozenset(
        k
        for k, v in enumerate(views)
        if v.holder_span[0] >= 0 and any(_overlaps(a, b, v.holder_span) for a, b in spans)
    )
    of_target = frozenset(
        k
        for k, v in enumerate(views)
        if k not in own and any(_overlaps(a, b, v.content_span) for a, b in spans)
    )
    return _Roles(own, of_target, frozenset(views[k].holder for k in of_target))


def _in_span(sent: _Sentence, cue: Cue, spans) -> bool:
    """Whether the cue's words lie inside one of these character spans."""
    a, b = sent.tokens[cue.first][2], sent.tokens[cue.last][3]
    return any(start <= a and b <= end for start, end in spans)


def _in_holder(sent: _Sentence, cue: Cue, views, roles: _Roles) -> bool:
    """Whether the cue stands in the words naming the holder of a view not the target's
    ("Critics in Congress argue ...": the words describe the holder)."""
    spans = (v.holder_span for k, v in enumerate(views) if k not in roles.own)
    return _in_span(sent, cue, spans)


def _in_own_view(sent: _Sentence, cue: Cue, views, roles: _Roles) -> bool:
    """Whether the cue stands in the content of a view the target holds (not one of its
    aims: "Russia seeks hegemony" describes Russia's conduct, not what Russia says)."""
    spans = (views[k].content_span for k in roles.own if views[k].cue not in AIMS)
    return _in_span(sent, cue, spans)


def _attach(sent: _Sentence, cues: list[Cue], views) -> list[Cue]:
    """Give each cue its links to the target tokens, its quotation and speech status, and
    its place in the views the sentence reports."""
    contrast = _contrast(sent)
    verb, said = _speech(sent)
    roles = _roles(sent, views)
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
        holds = cue.view in roles.own
        held = cue.view in roles.of_target
        if not (holds or held) and (
            (cue.view >= 0 and views[cue.view].holder not in roles.holders)
            or _in_holder(sent, cue, views, roles)
        ):  # the attitude of one with no view of the target; words naming another holder
            continue
        if held:  # the cue governs the view's content, wherever the target stands in it
            links = tuple(lk._replace(distance=1, weak=0, strong=0, role="held") for lk in links)
        elif (
            cue.view >= 0  # a view's cue is its holder's attitude, not the target's act
            or cue.entry.scope == "relation"  # "U.S. allies": the target's tie, not its act
            or _in_span(sent, cue, (views[k].content_span for k in roles.of_target))
        ):  # others' account of the target's acts is their view of it
            links = tuple(lk._replace(role="") for lk in links)
        quoted = bool(sent.quoted[cue.first] - target_quotes)
        reported = (said == "after" and cue.first > verb) or (said == "before" and cue.last < verb)
        reported = reported or (not holds and _in_own_view(sent, cue, views, roles))
        if links:
            out.append(
                replace(
                    cue,
                    links=links,
                    quoted=quoted,
                    reported=reported,
                    relation=relation,
                    holds=holds,
                    held=held,
                )
            )
    return out


def _cues(
    text: str, spans, lexicon=None, views=None, genre: str = "brief"
) -> tuple[_Sentence, list[Cue]]:
    """Parse a sentence and return the cues bearing on the target spans (weights unapplied).

    ``views``: the sentence's reported views (:func:`find_views`), if already known.
    """
    sent = _parse(text, spans)
    if not sent.targets:
        raise ValueError(f"no word of the sentence lies in the target span(s) {list(spans)}")
    lex = _as_lexicon(lexicon, genre)
    views = find_views(text) if views is None else views
    cues = _modify(sent, _find_cues(sent, lex, views), views)
    return sent, _attach(sent, cues, views)


# --- scoring -----------------------------------------------------------------------------

SIDE_WEIGHTS = {"before_but": "before_but", "after_but": "after_but", "yielding": "yielding"}


def _link_weight(link: Link, params: Params, source: str = "vader") -> float:
    weight = params.tau / (params.tau + max(link.distance, 1) - 1)
    weight *= params.weak**link.weak * params.strong**link.strong
    if link.side in SIDE_WEIGHTS:
        weight *= getattr(params, SIDE_WEIGHTS[link.side])
    elif link.side == "concessive_out":
        weight *= params.strong
    if link.role == "agent":
        weight *= params.agent_domain if source == "briefkit" else params.agent
    elif link.role == "loose":
        weight *= params.loose
    return weight


def _contributions(cues: list[Cue], params: Params) -> list[tuple[Cue, Link, float]]:
    """Each cue with its strongest link and its contribution (valence x weight)."""
    out = []
    for cue in cues:
        source = cue.entry.source
        link = max(cue.links, key=lambda lk: _link_weight(lk, params, source))
        weight = _link_weight(link, params, source)
        weight *= params.quoted if cue.quoted else 1.0
        weight *= params.reported if cue.reported else 1.0
        weight *= params.holds if cue.holds else 1.0
        out.append((cue, link, cue.valence * weight))
    return out


def _normalise(raw: float) -> float:
    """VADER's squashing of a sum into -1..1."""
    return raw / math.sqrt(raw * raw + ALPHA)


def _params_for(genre: str, params: Params | None) -> Params:
    if params is not None:
        return params
    if genre not in GENRES:
        raise ValueError(f"genre must be one of {sorted(GENRES)}, not {genre!r}")
    return GENRES[genre]


def label_of(score: float, *, params: Params | None = None, genre: str = "brief") -> str:
    """'positive', 'negative' or 'neutral' by the genre's thresholds (or ``params``').

    >>> label_of(0.5), label_of(-0.01)
    ('positive', 'neutral')
    """
    params = _params_for(genre, params)
    if score >= params.pos:
        return "positive"
    if score <= -params.neg:
        return "negative"
    return "neutral"


def _describe(sent: _Sentence, cue: Cue, link: Link) -> str:
    """A few words saying why a cue bears on the target."""
    if cue.relation:
        parts = [cue.relation]
    elif cue.holds:
        parts = ["the target's own view of something else"]
    elif link.role == "held":
        parts = ["a view held of the target"]
    elif link.role == "agent":
        parts = [f"the target's own act: {_words(link.distance)} after it"]
    else:
        parts = [_position(sent, cue, link)]
    if cue.negated_by:
        parts.append(f"negated by '{cue.negated_by}'")
    if link.side in {"before_but", "yielding"}:
        parts.append("in the clause that yields")
    elif link.side == "after_but":
        parts.append("in the clause after 'but'")
    if link.strong or link.side == "concessive_out":
        parts.append("across a clause break")
    elif link.weak:
        parts.append("across a comma")
    if cue.quoted:
        parts.append("in quoted speech")
    if cue.reported:
        parts.append("in what the target says")
    return ", ".join(parts)


def _words(n: int) -> str:
    return f"{n} word{'s' if n != 1 else ''}"


def _position(sent: _Sentence, cue: Cue, link: Link) -> str:
    words = _words(link.distance)
    if cue.last < link.target:
        nxt = link.target + 1
        if link.distance <= 2 and nxt < len(sent.tokens) and sent.word_pos[nxt] >= 0:
            return f"acts on target's {sent.tokens[nxt][0]}: {words} before"
        return f"{words} before target"
    return f"{words} after target"


def _evidence(sent: _Sentence, scored, *, limit: int = 6) -> str:
    shown = sorted((s for s in scored if abs(s[2]) >= 0.005), key=lambda s: -abs(s[2]))
    return "; ".join(
        f"{cue.text}({value:+.2f}, {_describe(sent, cue, link)})"
        for cue, link, value in shown[:limit]
    )


def score_spans(
    text: str,
    spans,
    *,
    genre: str = "brief",
    lexicon=None,
    params: Params | None = None,
    views=None,
) -> TargetScore:
    """Score a target named by one or more spans of one sentence (each word counts once,
    linked to the nearest mention). Options as for :func:`score_target`; ``views``: the
    sentence's reported views (:func:`find_views`), if already known.

    >>> score_spans("Iran backs Russia, and Russia backs Iran.", [(0, 4), (36, 40)]).label
    'positive'
    """
    params = _params_for(genre, params)
    sent, cues = _cues(text, spans, lexicon, views, genre)
    scored = _contributions(cues, params)
    score = round(_normalise(sum(value for _, _, value in scored)), 4)
    return TargetScore(score, label_of(score, params=params), _evidence(sent, scored))


def score_target(
    text: str,
    start: int,
    end: int,
    *,
    genre: str = "brief",
    lexicon=None,
    params: Params | None = None,
) -> TargetScore:
    """How one sentence speaks of the target at ``text[start:end]``.

    Args:
        text: one sentence.
        start, end: the target's character span in ``text``.
        genre: 'brief' (analytic briefs about states: the default, tuned on briefkit's
            development labels) or 'news' (news sentences about people: tuned on NewsMTSC).
        lexicon: a :class:`Lexicon`, or a domain table (frame or CSV path) to use in place
            of ``data/lexicon.csv``; default VADER's lexicon under briefkit's.
        params: the method's weights (:class:`Params`), in place of the genre's.

    Returns:
        TargetScore(score in -1..1, label, evidence naming the words that moved the score).

    >>> score_target("Putin blamed Washington.", 13, 23).label
    'negative'
    """
    return score_spans(text, [(start, end)], genre=genre, lexicon=lexicon, params=params)


EXPLAIN_COLUMNS = ["word", "valence", "negated_by", "why", "weight", "contribution"]


def explain_target(
    text: str, start: int, end: int, *, genre: str = "brief", lexicon=None,
    params: Params | None = None,
) -> pd.DataFrame:
    """Every word of the lexicon that bears on the target, step by step: its valence after
    boosters and negation, why and how much it counts, and its contribution to the score
    (the sum of the contributions, squashed into -1..1, is :func:`score_target`'s score).

    >>> explain_target("Putin blamed Washington.", 13, 23)[["word", "why"]].values.tolist()
    [['blamed', 'a view held of the target']]
    """
    params = _params_for(genre, params)
    sent, cues = _cues(text, [(start, end)], lexicon, None, genre)
    rows = [
        (cue.text, round(cue.valence, 3), cue.negated_by, _describe(sent, cue, link),
         round(value / cue.valence, 3) if cue.valence else 0.0, round(value, 3))
        for cue, link, value in _contributions(cues, params)
    ]
    frame = pd.DataFrame(rows, columns=EXPLAIN_COLUMNS)
    return frame.sort_values("contribution", key=abs, ascending=False, ignore_index=True)


def compare_examples(examples, *, genre: str = "brief") -> pd.DataFrame:
    """Plain sentence-level VADER beside briefkit's target-directed score, on
    (sentence, target words) pairs (the target is the first occurrence of its words).

    >>> table = compare_examples([("Putin blamed Washington.", "Washington")])
    >>> table[["vader", "briefkit"]].values.tolist()
    [['negative', 'negative']]
    """
    rows = []
    for text, target in examples:
        start = text.index(target)
        compound, vader = vader_label(text)
        result = score_target(text, start, start + len(target), genre=genre)
        rows.append((text, target, compound, vader, result.score, result.label, result.evidence))
    columns = ["sentence", "target", "vader_compound", "vader", "score", "briefkit", "evidence"]
    return pd.DataFrame(rows, columns=columns)


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

def sentiment_toward(
    corpus,
    target: str = "United States",
    *,
    genre: str = "brief",
    gazetteer=None,
    lexicon=None,
    params: Params | None = None,
) -> pd.DataFrame:
    """How each sentence that names ``target`` speaks of it, who holds that view, and why.

    A sentence counts when it names the target by any alias of the gazetteer ("U.S.",
    "Washington", "American", "U.S.-led"), also inside a group's name ("U.S. officials").
    Several mentions in one sentence make one row: the sentence is scored once with all
    of them as the target, each word counting once, linked to its nearest mention. The
    holder comes from the claims machinery (:func:`find_views`, :func:`holder_of_target`):
    the holder of the view the target stands in, with the sentences before for pronouns.

    Args:
        corpus: a :class:`~briefkit.corpus.Corpus`.
        target: an actor's canonical name or any alias ("U.S." means the United States).
        genre, lexicon, params: passed to :func:`score_target`.
        gazetteer: a gazetteer (frame or CSV path) for :mod:`briefkit.actors`; default
            briefkit's own.

    Returns:
        A new DataFrame with ``TONE_COLUMNS``, one row per sentence, in corpus order.

    >>> from briefkit.corpus import Corpus
    >>> c = Corpus.from_texts(["Putin blamed Washington. Iran met Russia."])
    >>> sentiment_toward(c)[["sent_id", "target_text", "holder", "label"]].values.tolist()
    [[0, 'Washington', 'Vladimir Putin', 'negative']]
    """
    from briefkit import actors

    row = actors.resolve_actor(target, gazetteer=gazetteer)
    if row is None:
        raise ValueError(f"{target!r} is not an actor of the gazetteer")
    actor = str(row["actor"])
    records = []
    for key, names, text, spans, views in target_sentences(corpus, row, gazetteer=gazetteer):
        result = score_spans(text, spans, genre=genre, lexicon=lexicon, params=params, views=views)
        holder = holder_of_target(views, spans, target=actor)
        records.append((*key, actor, "|".join(names), *holder, *result))
    return pd.DataFrame.from_records(records, columns=TONE_COLUMNS)


def target_sentences(corpus, row: pd.Series, *, gazetteer=None):
    """Each sentence naming the actor of gazetteer row ``row``, in corpus order, as
    ((brief_id, sent_id), [mention texts], sentence text, [(start, end)] of the mentions
    in the sentence, the views it reports (:func:`find_views`, with its context))."""
    from briefkit import actors

    mentions = actors.find_mentions(corpus, gazetteer=gazetteer)
    spans = _spans_by_sentence(_target_mentions(mentions, row))
    sents = corpus.sentences
    keys = zip(sents["brief_id"].tolist(), sents["sent_id"].astype(int).tolist())
    texts = dict(zip(keys, zip(sents["text"].tolist(), sents["start"].astype(int).tolist())))
    for key, (names, target_spans) in spans.items():
        text, offset = texts[key]
        local = [(s - offset, e - offset) for s, e in target_spans]
        first = max(0, key[1] - CONTEXT_SENTENCES)
        previous = [texts[(key[0], j)][0] for j in range(first, key[1]) if (key[0], j) in texts]
        views = find_views(text, previous=previous, gazetteer=gazetteer)
        yield key, names, text, local, views


def _spans_by_sentence(mentions: pd.DataFrame) -> dict:
    """(brief_id, sent_id) -> ([mention texts], [(start, end)]), in corpus order."""
    out: dict = {}
    columns = ("brief_id", "sent_id", "text", "start", "end")
    for brief_id, sent_id, text, start, end in zip(*(mentions[c].tolist() for c in columns)):
        texts, spans = out.setdefault((brief_id, int(sent_id)), ([], []))
        texts.append(text)
        spans.append((int(start), int(end)))
    return out


def _target_mentions(mentions: pd.DataFrame, row: pd.Series) -> pd.DataFrame:
    """The target's own mentions, and its alias inside a group's name ("U.S. officials"),
    narrowed to the alias's span."""
    own = mentions[mentions["actor"] == row["actor"]]
    groups = mentions[(mentions["country"] == row["actor"]) & (mentions["actor"] != row["actor"])]
    pattern = _alias_pattern(row)
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


def _alias_pattern(row: pd.Series) -> re.Pattern:
    aliases = sorted(str(row["aliases"]).split("|") + [row["actor"]], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in aliases if a) + r")(?!\w)")


def find_target_spans(text: str, target: str = "United States", *, gazetteer=None) -> list:
    """The character spans in one sentence that name ``target``, as :func:`sentiment_toward`
    finds them: any alias of the gazetteer, also inside a group's name ("U.S. officials").

    >>> find_target_spans("U.S. officials met Iran's envoy in Washington.")
    [(0, 4), (35, 45)]
    """
    from briefkit import actors

    row = actors.resolve_actor(target, gazetteer=gazetteer)
    if row is None:
        raise ValueError(f"{target!r} is not an actor of the gazetteer")
    spans = []
    for m in actors.find_actors(text, gazetteer=gazetteer):
        if m.actor == row["actor"]:
            spans.append((m.start, m.end))
        elif m.country == row["actor"]:
            found = _alias_pattern(row).search(m.text)
            if found:
                spans.append((m.start + found.start(), m.start + found.end()))
    return sorted(spans)


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


# --- evaluation against hand labels ------------------------------------------------------

SPLITS = {"test": "", "dev": "dev"}  # data/annotations/us_sentiment.csv and dev/


def read_sentiment_labels(split: str = "test", *, folder=None) -> pd.DataFrame:
    """The hand labels of attitudes toward the United States (``data/annotations``).

    Args:
        split: 'test' (the labels methods are measured on, never tuned on) or 'dev' (the
            labels for developing and tuning methods).
        folder: the annotations folder; default :func:`briefkit.paths.annotations_dir`.
    """
    from pathlib import Path

    from briefkit.paths import annotations_dir

    if split not in SPLITS:
        raise ValueError(f"split must be one of {sorted(SPLITS)}, not {split!r}")
    base = Path(folder) if folder is not None else annotations_dir()
    path = base / SPLITS[split] / "us_sentiment.csv"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no sentiment labels there")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def macro_f1(gold, pred) -> tuple[float, float]:
    """Macro-F1 over the three labels (a label neither gold nor predicted counts 0), and
    accuracy.

    >>> macro_f1(["negative", "neutral"], ["negative", "positive"])
    (0.3333333333333333, 0.5)
    """
    gold, pred = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    if len(gold) == 0:
        return math.nan, math.nan
    scores = []
    for label in LABELS:
        tp = np.sum((gold == label) & (pred == label))
        denom = np.sum(gold == label) + np.sum(pred == label)
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores)), float(np.mean(gold == pred))


def _names(value) -> frozenset:
    """A holder cell as a set of names, case-folded ("Iran|Russia" -> {"iran", "russia"})."""
    return frozenset(v.strip().casefold() for v in str(value or "").split("|") if v.strip())


def label_pairs(tone: pd.DataFrame, labels: pd.DataFrame, *, corpus=None) -> pd.DataFrame:
    """Each labelled sentence beside what ``tone`` says of it.

    With ``corpus``, rows are matched by the sentence's text (the labels' key); without it,
    by ``sent_id``. A labelled sentence that ``tone`` has no row for is predicted neutral,
    held by the author, and marked ``found=False``.

    Returns:
        A new DataFrame: brief_id, sent_id, sentence, gold_label, label, gold_holder, holder,
        gold_holder_country, holder_country, found, label_ok, holder_ok.
    """
    key = tone[["brief_id", "sent_id", "label", "holder", "holder_country"]].copy()
    key["sent_id"] = key["sent_id"].astype(int)
    gold = labels.rename(
        columns={"label": "gold_label", "holder": "gold_holder",
                 "holder_country": "gold_holder_country"}
    )[["brief_id", "sent_id", "sentence", "gold_label", "gold_holder", "gold_holder_country"]]
    gold = gold.assign(sent_id=gold["sent_id"].astype(int))
    if corpus is not None:
        sents = corpus.sentences[["brief_id", "sent_id", "text"]]
        ids = dict(zip(zip(sents["brief_id"], sents["text"]), sents["sent_id"].astype(int)))
        gold["sent_id"] = [
            ids.get((b, s), -1) for b, s in zip(gold["brief_id"], gold["sentence"])
        ]
    out = gold.merge(key, on=["brief_id", "sent_id"], how="left", indicator="found")
    out["found"] = out["found"] == "both"
    out["label"] = out["label"].fillna("neutral")
    out["holder"] = out["holder"].fillna(AUTHOR)
    out["holder_country"] = out["holder_country"].fillna(AUTHOR)
    out["label_ok"] = out["label"] == out["gold_label"]
    out["holder_ok"] = [_names(a) == _names(b) for a, b in zip(out["holder"], out["gold_holder"])]
    return out


def evaluate_sentiment(tone: pd.DataFrame, labels: pd.DataFrame, *, corpus=None) -> pd.Series:
    """How well a tone table matches hand labels: macro-F1, accuracy, holders.

    Args:
        tone: a table of :func:`sentiment_toward` (or :func:`vader_toward`).
        labels: hand labels (:func:`read_sentiment_labels`).
        corpus: the corpus, to match sentences by text (see :func:`label_pairs`).

    Returns:
        A Series: n (labelled sentences), found (of them in ``tone``), macro_f1, accuracy,
        f1_negative, f1_neutral, f1_positive, holder_accuracy, extra (rows of ``tone`` in
        the labelled briefs that no label names).

    >>> tone = pd.DataFrame({"brief_id": ["a", "a"], "sent_id": [0, 1],
    ...     "label": ["negative", "neutral"], "holder": ["Iran", "author"],
    ...     "holder_country": ["Iran", "author"]})
    >>> gold = pd.DataFrame({"brief_id": ["a", "a"], "sent_id": ["0", "1"], "sentence": "",
    ...     "label": ["negative", "positive"], "holder": ["Iran", "author"], "holder_country": ""})
    >>> evaluate_sentiment(tone, gold)[["macro_f1", "accuracy", "holder_accuracy"]].tolist()
    [0.3333333333333333, 0.5, 1.0]
    """
    pairs = label_pairs(tone, labels, corpus=corpus)
    f1, accuracy = macro_f1(pairs["gold_label"], pairs["label"])
    per_label = {}
    for label in LABELS:
        gold, pred = pairs["gold_label"] == label, pairs["label"] == label
        denom = gold.sum() + pred.sum()
        per_label[f"f1_{label}"] = float(2 * (gold & pred).sum() / denom) if denom else 0.0
    labelled = set(zip(pairs["brief_id"], pairs["sent_id"]))
    in_briefs = tone[tone["brief_id"].isin(set(pairs["brief_id"]))]
    keys = zip(in_briefs["brief_id"], in_briefs["sent_id"])
    extra = sum((b, int(s)) not in labelled for b, s in keys)
    return pd.Series({
        "n": len(pairs), "found": int(pairs["found"].sum()), "macro_f1": f1,
        "accuracy": accuracy, **per_label,
        "holder_accuracy": float(pairs["holder_ok"].mean()) if len(pairs) else math.nan,
        "extra": int(extra),
    })


def sentiment_confusion(tone: pd.DataFrame, labels: pd.DataFrame, *, corpus=None) -> pd.DataFrame:
    """Counts of gold label (rows) by predicted label (columns), all three labels shown."""
    pairs = label_pairs(tone, labels, corpus=corpus)
    table = pd.crosstab(pairs["gold_label"], pairs["label"])
    return table.reindex(index=list(LABELS), columns=list(LABELS), fill_value=0).rename_axis(
        index="gold", columns="predicted"
    )


@functools.lru_cache(maxsize=1)
def _vader_analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_label(text: str) -> tuple[float, str]:
    """Plain VADER on a whole sentence (vaderSentiment's compound, +-0.05 thresholds, as its
    authors advise): the baseline briefkit is measured beside.

    >>> vader_label("Putin blamed Washington.")
    (-0.4767, 'negative')
    """
    compound = _vader_analyzer().polarity_scores(text)["compound"]
    label = "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"
    return compound, label


def vader_toward(tone: pd.DataFrame, corpus) -> pd.DataFrame:
    """The rows of a tone table scored by plain sentence-level VADER instead: the same
    sentences, the whole sentence's compound as score, every view the author's.

    Args:
        tone: a table of :func:`sentiment_toward`.
        corpus: the corpus it was computed on.
    """
    sents = corpus.sentences.set_index(["brief_id", "sent_id"])["text"]
    scored = [vader_label(sents[(b, int(s))]) for b, s in zip(tone["brief_id"], tone["sent_id"])]
    return tone.assign(
        holder=AUTHOR,
        holder_country=AUTHOR,
        score=[s for s, _ in scored],
        label=[lab for _, lab in scored],
        evidence="whole sentence (plain VADER)",
    )


def evaluate_tone(tone: pd.DataFrame, corpus, *, splits=("test", "dev"), folder=None):
    """briefkit and plain VADER side by side against the hand labels of the briefs of
    ``corpus`` that are labelled, for each split.

    Args:
        tone: the table of :func:`sentiment_toward` for the United States on ``corpus``.
        corpus: the corpus it was computed on.
        splits: 'test' (never tuned on) and/or 'dev' (the brief settings were tuned on it).
        folder: the annotations folder; default :func:`briefkit.paths.annotations_dir`.

    Returns:
        A DataFrame indexed by (split, method) with the figures of
        :func:`evaluate_sentiment`, or None when no brief of the corpus is labelled.
    """
    vader = vader_toward(tone, corpus)
    briefs = set(corpus.briefs["brief_id"])
    rows, index = [], []
    for split in splits:
        try:
            labels = read_sentiment_labels(split, folder=folder)
        except FileNotFoundError:
            continue
        labels = labels[labels["brief_id"].isin(briefs)]
        if labels.empty:
            continue
        for method, table in (("plain VADER", vader), ("briefkit", tone)):
            rows.append(evaluate_sentiment(table, labels, corpus=corpus))
            index.append((split, method))
    if not rows:
        return None
    return pd.DataFrame(rows, index=pd.MultiIndex.from_tuples(index, names=["split", "method"]))


NEWSMTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def read_newsmtsc(path) -> pd.DataFrame:
    """A NewsMTSC split (JSON Lines: news sentences with targets and their polarity) as one
    row per target: sentence, target (its first mention), spans (all its mentions), label.
    """
    import json
    from pathlib import Path

    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        for target in item["targets"]:
            spans = [(target["from"], target["to"])]
            spans += [(m["from"], m["to"]) for m in target.get("further_mentions", [])]
            label = NEWSMTSC_POLARITY[float(target["polarity"])]
            rows.append((item["sentence_normalized"], target["mention"], spans, label))
    return pd.DataFrame(rows, columns=["sentence", "target", "spans", "label"])


def evaluate_newsmtsc(folder=None, *, splits=("rw-dev", "mt-dev"), genres=("news",)):
    """briefkit's :func:`score_target` beside plain VADER on NewsMTSC's dev splits.

    Args:
        folder: the folder of the ``<split>.jsonl`` files; default ``eval/newsmtsc`` in
            :func:`briefkit.paths.shared_dir`.
        splits: which splits; genres: the settings to score with ('news' was tuned on
            rw-dev; 'brief' shows how the brief settings carry to news).

    Returns:
        A DataFrame indexed by (split, method) with n, macro_f1 and accuracy, or None when
        the folder is not there.
    """
    from pathlib import Path

    from briefkit.paths import shared_dir

    if folder is None:
        shared = shared_dir()
        folder = shared / "eval" / "newsmtsc" if shared is not None else None
    if folder is None or not Path(folder).is_dir():
        return None
    rows, index = [], []
    for split in splits:
        path = Path(folder) / f"{split}.jsonl"
        if not path.is_file():
            continue
        items = read_newsmtsc(path)
        methods = {"plain VADER": [vader_label(text)[1] for text in items["sentence"]]}
        for genre in genres:
            methods[f"briefkit ({genre})"] = [
                score_spans(text, spans, genre=genre).label
                for text, spans in zip(items["sentence"], items["spans"])
            ]
        for method, predicted in methods.items():
            f1, accuracy = macro_f1(items["label"], predicted)
            rows.append({"n": len(items), "macro_f1": f1, "accuracy": accuracy})
            index.append((split, method))
    if not rows:
        return None
    return pd.DataFrame(rows, index=pd.MultiIndex.from_tuples(index, names=["split", "method"]))
