"""Target-directed sentiment: how one sentence speaks of one actor, who holds the view, why.

Plain VADER scores a whole sentence. briefkit scores a *target span*: it finds the words of
VADER's lexicon (pinned: the vaderSentiment package's copy, the same with or without NLTK's
data) and of briefkit's domain lexicon (``data/lexicon.csv``, each entry with a valence, a
scope and a reason) in the sentence, and reads how each bears on the target:

- scope: its distance in words, the commas and clause breaks between them; relations such
  as "instead of X", "against X", "rely on X", "not X" count only for the target they point
  at;
- the target's role, read from word order without a parser: a word acting on the target
  ("Moscow blames Washington", "anger at Washington's choice") or said of it after a copula;
  the target's own act ("Washington funds the army"); its own view of something else
  ("Washington rejects the plan"); or a word with no direct tie to it;
- outcomes: in briefs much of what is good or bad for a state carries no attitude word, so
  an outcome lexicon (``data/outcomes.csv``) lists a state's stakes (influence,
  credibility, strategy, interests, allies, relations, forces, territory, ...) and the
  changes that befall them ("erodes U.S. influence", "how thin Washington's influence has
  become", "leaves Washington with fewer options", "serves U.S. interests");
- events: harm or help told as an event with no attitude word, which the target or one of
  its assets (its embassy, troops, bases, diplomats, ...) undergoes ("militias besieged the
  U.S. embassy", "the expulsion of U.S. forces", "urged Washington to reconsider", "Riyadh
  turned to Washington for support"): an event frame (``data/events.csv``) lists verb
  classes whole (attack, removal, defiance, pressure, alignment, cooperation, commerce)
  with the valence for the event's patient; the target's own acts take none;
- the views the sentence reports, from the claims machinery (:func:`find_views` over
  :func:`briefkit.claims.find_holders`, with attitude nouns, "<actor> <verb> <object>"
  views and possessive pronouns added here): the cue of a view held *of* the target
  ("Tehran portrays Washington as ...") bears on it directly, what the target itself says
  is its own, and words naming another holder do not count;
- negation: negators ("not", "never") reverse the three words after them; words that
  reject, doubt or question a view reverse the view's words, and "fails to", "unable to",
  "unlikely to" the outcome after them;
- contrast: the clause after "but" dominates and the clause that yields (before "but",
  inside "although") is discounted; an opening "For X," makes what follows about X.

Two methods weigh these words. The rules (``method="rules"``, the default of
``genre="news"``) sum the weighted valences with the weights of :class:`Params`
(``BRIEF_PARAMS`` for ``genre="brief"``, set on the development labels; ``NEWS_PARAMS``
for ``genre="news"``, tuned on NewsMTSC's rw-dev split) and squash the sum into -1..1 as
VADER does. The model (``method="model"``, the default of ``genre="brief"``) feeds each
word into one feature of its kind and sign (:data:`FEATURE_KINDS`: held of the target,
outcome, event, relation, acting on it, its own act, its own view, in what it says, loose, in the
clause that yields, a good word the sentence turns from) with |valence| x its distance
weight, beside sentence features (a view held of it by another, the target speaking, a
contrast); a small multinomial logistic regression (:class:`ToneModel`, weights in
``data/tone_model.csv``) turns them into P(negative), P(neutral), P(positive), and the
score is P(positive) - P(negative). It is fitted by :func:`fit_model` on all the
development labels: the sample's (``data/annotations/dev``) and the real texts'
(``data/annotations/real-dev``). It became the brief default by a rule fixed before its
labels existed: on 24 real texts labelled afterwards and scored blind, it scored above the
rules (64 of 66 sentences right against 63; all 66 were neutral, so the margin is thin),
as it had on both test sets before; ``benchmarks/README.md`` gives every comparison.

Either way ``evidence`` lists the words that moved the score with their contributions
(for the model: the feature value x the difference of the positive and negative weights,
in log-odds) and why they count; :func:`explain_target` gives the same as a table. No
tone label comes with a chance of being right: one was fitted on the development labels
and did not rank right labels above wrong ones well enough to ship
(``benchmarks/README.md``, "How far to trust each tone label"); read each row's evidence.

:func:`sentiment_toward` applies the scorer to every sentence of a corpus that names an
actor, with the holder of the view (:func:`holder_of_target`); :func:`us_tone_by_brief`,
:func:`us_tone_by_holder` and :func:`tone_timeline` summarise the table with bootstrap
intervals, and :func:`evaluate_tone` and :func:`evaluate_newsmtsc` measure it.

>>> ts = score_target("Russia is complicating U.S. strategy.", 23, 27)
>>> ts.label, ts.evidence.split("(")[0]
('negative', 'complicating')
"""

from __future__ import annotations

import bisect
import functools
import gc
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import BOOSTER_DICT

from briefkit import resources, storage
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
    Across a contrast, the clause before "but" counts ``before_but`` (``yielding`` where
    the clause after it says nothing of the target), the one after it ``after_but``; a
    "but" that only corrects a "not" ("not to punish wealth, but to prevent crises")
    leaves the words before the "not" out of the contrast; a word in the clause that
    yields (before "but", inside "although") counts ``yielding`` even when the target
    stands in that clause too; in briefs a good word before "but" counts against the target
    there (TURN, :func:`_cues`). Quoted speech the target stands outside of counts
    ``quoted``, and what the target is reported to say or think ("X said that ...", "U.S.
    officials assert that ...") counts ``reported``, and a word in a clause that only
    supposes or asks ("if imports threaten U.S. security", "whether tariffs violate U.S.
    obligations") counts ``hypothetical``, as does the verb of a helpful purpose ("a program
    intended to ensure U.S. access").

    The target's role: a word of the target's own act, of which it is the subject
    ("Washington funds the army", "U.S. air support"), counts ``agent`` (a general word,
    from VADER) or ``agent_domain`` (a word of briefkit's domain lexicon: "U.S. hegemony",
    "Washington undermined the talks"); the target's own attitude toward something else
    ("Washington rejects the plan", "U.S. officials welcomed the result") counts ``holds``.
    A word with no direct tie to the target (neither its act, nor said of it after a
    copula, nor acting on it: "Ankara accepted the operation only after U.S. assurances")
    counts ``loose``. An event the target or one of its assets undergoes ("militias
    besieged the U.S. embassy", :func:`_event_cues`) counts ``event`` (briefs only; the
    tuning path of benchmarks/sentiment_eval.py weighs it 1, as set here).
    Scores at or above ``pos`` are positive, at or below ``-neg`` negative.
    """

    tau: float = 5.0
    weak: float = 0.55
    strong: float = 0.4
    before_but: float = 1.0
    after_but: float = 1.5
    quoted: float = 0.1
    reported: float = 0.35
    hypothetical: float = 1.0
    yielding: float = 1.0
    event: float = 1.0
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
    hypothetical=0.0,
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
    hypothetical: bool = False


def _cue_with(cue: Cue, **changes) -> Cue:
    """``dataclasses.replace(cue, **changes)`` without going through ``__init__`` (the
    scorer makes thousands of these; Cue has no checks to skip)."""
    new = object.__new__(Cue)
    new.__dict__.update(cue.__dict__)
    new.__dict__.update(changes)
    return new


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
    "word", "relation", "object", "object_negator", "mutual", "own", "negator", "question",
    "view", "prefix", "measure", "portrayal",
)
# Cues of views that state an actor's aims: their content is the actor's own conduct.
AIMS = frozenset({"seek", "want", "intend", "plan", "try", "aim", "prefer", "strive"})
REVERSING = frozenset({"negator", "object_negator", "question"})
OBJECT_SCOPES = frozenset({"object", "object_negator", "mutual"})
VIEW_ONLY = frozenset({"question", "view", "portrayal"})  # count only as a view's cue
# How far after a portrayal's cue its "as" may stand ("portray the U.S.-led coalition as").
PORTRAYAL_WINDOW = 10


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
    'mutual' ("work with X", "join with X": a tie both sides share; as 'object', and for
    the target whose own act it is: "Washington worked with its partners"), 'own' (counts
    only as the target's own act: "Washington cannot ...", its inability),
    'negator' ("rejects", "unlikely to": reverses the words of its clause, or of the
    content of the view it is the cue of), 'question' ("questions", "asked whether": as
    'negator', but counts only as the cue of a reported view), 'view' (counts only as the
    cue of a reported view: "presses Washington", not "the press"), 'prefix' ("anti-"),
    'measure' ("sanctions": as 'word', but not where the measure is the target's own, "U.S.
    sanctions", "Washington added sanctions": its policy toward others), 'portrayal'
    ("portrays", "describes": counts only as the cue of another's view of the target that
    casts it, or something of it, as something with no good word in it: "portray Washington
    as a latecomer").

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
        candidates.append(word[:-1])
        if word.endswith("es"):  # "pushes" -> "push", not "banks" -> "ban"
            candidates.append(word[:-2])
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
    text: str = ""
    words: _Words | None = None  # what does not depend on the target, shared by all targets
    # what the scorer works out of this parse more than once (the target's roles, whether a
    # word is asked): kept for this object only, so it goes with the target's scoring
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)


class _Words(NamedTuple):
    """What the scorer reads in a sentence whatever the target, worked out once per sentence
    text (:func:`_words_of`) and shared, read-only, by every target it names."""

    tokens: list
    word_pos: list
    quoted: list
    contrast: _Contrast
    reporting: tuple  # indices of the tokens with a reporting verb's lemma (:func:`_speech`)
    starts: list  # each token's start
    ends: list  # each token's end
    by_lexicon: dict  # id(lexicon) -> (the lexicon, its candidate words: _lexicon_hits)


SENTENCE_MEMO = 8192  # sentences whose target-free analysis is kept (about 8 KB each)


@functools.lru_cache(maxsize=SENTENCE_MEMO)
def _words_of(text: str) -> _Words:
    if text.isascii():  # no curly apostrophe, and lower case letter by letter
        lower = text.lower()
        tokens = [(t, lower[s:e], s, e) for t, s, e in tokenize_words(text)]
    else:
        tokens = [(t, norm_token(t), s, e) for t, s, e in tokenize_words(text)]
    word_pos, count = [], 0
    for tok in tokens:
        if _is_word(tok[0]):
            word_pos.append(count)
            count += 1
        else:
            word_pos.append(-1)
    bare = _Sentence(tokens, word_pos, [], (), (), text)
    reporting = tuple(v for v, tok in enumerate(tokens) if _has_lemma_in(tok[1], REPORTING_VERBS))
    contrast = _find_contrast(bare)
    # tuples of plain values, which the garbage collector stops tracking: thousands of
    # sentences kept here would otherwise lengthen every full collection
    return _Words(tuple(tokens), tuple(word_pos), tuple(_quotations(text, tokens)),
                  contrast._replace(sides=tuple(contrast.sides)), reporting,
                  tuple(t[2] for t in tokens), tuple(t[3] for t in tokens), {})


def _has_lemma_in(norm: str, words: frozenset) -> bool:
    """Whether a lemma of a token's normal form is one of ``words``, worked out once per
    form and word list (kept with the normal forms' other entries, :func:`_norm_memo`)."""
    memo = _norm_memo("lemma in", words)
    found = memo.get(norm)
    if found is None:
        found = memo[norm] = not words.isdisjoint(_lemmas(norm))
    return found


def clear_sentence_memos() -> None:
    """Forget everything kept by a sentence's text: its words (:func:`prepare_sentences`),
    its views, the states its targets name, and its actors and holders' mentions
    (:func:`briefkit.actors.find_actors`). Scores are the same either way; benchmarks call
    this so that each timed call starts from no sentence seen."""
    from briefkit import actors, reported

    _words_of.cache_clear()
    _NORM_ENTRIES.clear()
    _cached_views.cache_clear()
    _target_states.cache_clear()
    actors.clear_actor_memo()
    reported._KEPT_MENTIONS.clear()


def prepare_sentences(texts) -> int:
    """Work out, once, what the scorer reads in these sentences whatever the target (words,
    quotations, contrast, reporting verbs), so that scoring them toward any target later
    starts from it; returns how many are now prepared (at most ``SENTENCE_MEMO``, the
    latest kept). The scores are the same either way.

    >>> prepare_sentences(["Putin blamed Washington.", "Iran met Russia."])
    2
    """
    texts = list(dict.fromkeys(texts))[-SENTENCE_MEMO:]
    for text in texts:
        _words_of(text)
    return len(texts)


@functools.lru_cache(maxsize=65536)
def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _parse(text: str, spans) -> _Sentence:
    words = _words_of(text)
    tokens, word_pos = words.tokens, words.word_pos
    inside: set = set()
    for a, b in spans:  # the tokens overlapping a span (tokens are in order, apart)
        inside.update(range(bisect.bisect_right(words.ends, a),
                            bisect.bisect_left(words.starts, b)))
    targets = tuple(sorted(inside))
    found = tuple(i for i in targets if word_pos[i] >= 0) or targets
    return _Sentence(tokens, word_pos, words.quoted, found, tuple(spans), text, words)


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
    if not long:  # most sentences: one shared empty set, not one per token
        return [_NO_QUOTES] * len(tokens)
    return [
        frozenset(n for n, (a, b) in enumerate(long) if a <= j <= b) for j in range(len(tokens))
    ]


_NO_QUOTES: frozenset = frozenset()


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
    previous = tuple(previous)[-CONTEXT_SENTENCES:]
    if not _PRONOUN_NOUN.search(text):
        previous = previous if _NEEDS_CONTEXT.search(text) else ()
    if gazetteer is not None:
        return _find_views(text, previous, gazetteer)
    return _cached_views(text, previous)


@functools.lru_cache(maxsize=8192)
def _cached_views(text: str, previous: tuple) -> tuple[View, ...]:
    return _find_views(text, previous, None)


def _find_views(text: str, previous: tuple, gazetteer) -> tuple[View, ...]:
    from briefkit import claims

    # find_views passes the sentences before only where one of the two patterns matched
    context = list(previous) if previous and _NEEDS_CONTEXT.search(text) else []
    found = claims.find_holders(text, previous=context or None, gazetteer=gazetteer)
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
    views += [v for v in _attitude_nouns(text, gazetteer, previous) if v.cue_span not in taken]
    views += [v for v in _object_views(text, gazetteer)
              if not any(_overlaps(*v.cue_span, seen.cue_span) for seen in views)]
    views += [v for v in _first_person_views(text)
              if not any(_overlaps(*v.cue_span, seen.cue_span) for seen in views)]
    return tuple(sorted((v for v in views if not _name_and_noun(v, text)),
                        key=lambda v: v.cue_span))


# Before a holder that is one word of a noun phrase: an article, or a preposition (and its
# "the"): "in U.S. courts", "a U.S. court is unlikely to", "to the U.S. courts".
_PHRASE_BEFORE = re.compile(
    r"\b(?:a|an|in|of|for|by|to|at|from|with|on|under|into|before|against)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _name_and_noun(view: View, text: str) -> bool:
    """Whether a view's holder and cue are one noun phrase, a name modifying a noun ("suits
    in U.S. courts", "a U.S. court is unlikely to approve", "the U.S. Court of Appeals"),
    which the claims machinery may read as a subject and its verb ("Washington courts
    Hanoi"): the holder a single word just before the cue, and the cue capitalised (a name's
    word) or the holder opened by an article or a preposition, where no subject stands.
    An attitude noun so modified is its holder's view ("the depth of Turkish anger at ...")."""
    (a, b), (c, _) = view.holder_span, view.cue_span
    if a < 0 or c < b or text[b:c].strip() or len(text[a:b].split()) != 1 \
            or view.cue in ATTITUDE_NOUNS | REACTION_NOUNS:  # "Turkish anger at": a view
        return False
    return text[c:c + 1].isupper() or bool(_PHRASE_BEFORE.search(text, 0, a))


# The speaker's or author's own attitude, said in the first person ("We welcome the
# restoration of relations between Cuba and the United States", "I commend ..."): the verb
# bears on all it governs, as another holder's does, and the holder is the author.
FIRST_PERSON_CUES = _wordset(
    """welcome welcomes commend appreciate applaud salute thank congratulate praise hail
    laud value admire endorse condemn deplore denounce decry regret criticize criticise"""
)
_FIRST_PERSON_VIEW = re.compile(
    r"\b(?P<holder>[Ww]e|I)\s+(?:(?:also|further|strongly|warmly|deeply|sincerely|"
    r"therefore|again|fully|firmly|greatly|highly|must|should|would like to|wish to|"
    r"want to)\s+)*(?P<cue>[a-z]+)\b(?P<content>[^;:]*)"
)


def _first_person_views(text: str) -> list[View]:
    """Views the text's own voice holds in the first person (see FIRST_PERSON_CUES): no
    holder (the author's), the content what follows the verb up to a clause mark."""
    return [
        View("", "", m.span("holder"), m.span("cue"), m.span("content"), m.group("cue"), False)
        for m in _FIRST_PERSON_VIEW.finditer(text)
        if m.group("cue") in FIRST_PERSON_CUES
    ]


# Verbs of attitude whose object is what the view is of ("Nusra denounced the trainees as
# American agents", "Moscow calls the U.S. trainers evidence ..."), where the claims
# machinery, which looks for a clause ("that ..."), finds no view.
OBJECT_CUES = _wordset(
    """accuse blame criticize criticise condemn denounce decry castigate deride mock rebuke
    chide snub rebuff praise hail laud thank welcome trust distrust mistrust resent suspect
    doubt question call describe portray cast depict brand label regard view treat
    dismiss reject oppose warn court woo"""
)
# Verbs that are a view of their object only with an "as ..." complement ("Kurdish leaders
# see the American presence as a guarantee"): "sees an opening" is no view of anything.
AS_CUES = _wordset("see consider")
_SUBJECT_GAP = _wordset("has have had also now still openly repeatedly publicly again often")
# A quick test before tokenising: the sentence holds a word that may be one of OBJECT_CUES.
_OBJECT_CUE_STEMS = re.compile(
    r"\b(?:"
    + "|".join(sorted({w[:-1] if w.endswith("e") else w for w in OBJECT_CUES | AS_CUES}))
    + r")",
    re.IGNORECASE,
)
OBJECT_SPAN = 12  # the most words an object (with its "as ..." complement) runs to
_OBJECT_OR_AS_CUES = OBJECT_CUES | AS_CUES


def _object_views(text: str, gazetteer) -> list[View]:
    """Views of the form <actor> <attitude verb> <object>: the actor holds a view of what
    its verb governs, up to the next clause break (OBJECT_CUES)."""
    if not _OBJECT_CUE_STEMS.search(text):
        return []
    tokens = _words_of(text).tokens  # (token, norm, start, end), shared with the scorer
    cues = [i for i, (_, norm, _, _) in enumerate(tokens)
            if i and _has_lemma_in(norm, _OBJECT_OR_AS_CUES)]
    if not cues:
        return []
    from briefkit import actors

    mentions = [m for m in actors.find_actors(text, gazetteer=gazetteer)
                if m.actor_type != "non_actor"]
    views = []
    for i in cues:
        j = i - 1
        while j > 0 and tokens[j][1] in _SUBJECT_GAP:
            j -= 1
        owner = [m for m in mentions if m.end == tokens[j][3]]
        end = _object_end(tokens, i)
        if not OBJECT_CUES.intersection(_lemmas(tokens[i][1])) and not any(
            tokens[k][1] == "as" for k in range(i + 2, end)
        ):
            continue  # "see", "consider" with no "as ...": no view of the object (AS_CUES)
        if owner and end > i:
            m = owner[0]
            views.append(View(m.actor, m.country or "", (m.start, m.end),
                              (tokens[i][2], tokens[i][3]), (tokens[i + 1][2], tokens[end][3]),
                              tokens[i][1], False))
    return views


def _object_end(tokens, i: int) -> int:
    """The index of the last token of the object after the verb at token i (tokens as
    :func:`_words_of` gives them: token, norm, start, end)."""
    end, words = i, 0
    for k in range(i + 1, len(tokens)):
        norm = tokens[k][1]
        if _is_boundary(norm) or norm in {"that", "and", "to", "because"} or words >= OBJECT_SPAN:
            break
        end, words = k, words + _is_word(tokens[k][0])
    return end


# Views held in an actor's attitude noun, which the annotation scheme counts as reported
# views and briefkit.claims reads only in part: "Tehran's hostility toward Washington"
# (a possessive), "Turkish complaints about American support" (an actor's adjective or
# name), "their view of Washington" (a possessive pronoun, resolved through the claims
# machinery), "drew criticism from Yemeni officials" (the holder after "from": what drew
# it is the content).
_NOUN_PREPS = r"(?P<prep>toward|towards|at|of|for|with|against|over|about|on)"
_CONTENT = r"(?P<content>[^,;:()\u2014\u2013]+)"
_ATTITUDE_NOUN = re.compile(
    r"(?P<holder>\b[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*)['\u2019]s\s+"
    r"(?:(?:long-standing|growing|deep|new|old|public|open)\s+)?"
    r"(?P<noun>[a-z]+)\s+" + _NOUN_PREPS + r"\s+" + _CONTENT
)
_NAMED_NOUN = re.compile(
    r"(?P<holder>\b[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*)\s+(?P<noun>[a-z]+)\s+"
    + _NOUN_PREPS + r"\s+" + _CONTENT
)
_PRONOUN_NOUN = re.compile(
    r"\b(?P<holder>[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)\s+(?:(?:shared|own|new)\s+)?(?P<noun>[a-z]+)\s+"
    + _NOUN_PREPS + r"\s+" + _CONTENT
)
_NOUN_FROM = re.compile(
    r"\b(?P<noun>[a-z]+)\s+from\s+(?P<holder>[A-Za-z][\w.\-]*(?:\s+[\w.\-]+){0,3})"
)
# Nouns that name an attitude toward something (not an act: "support", "aid", "pressure"
# are conduct, so "U.S. support for Kyiv" is no view of the United States's).
ATTITUDE_NOUNS = _wordset(
    """view views stance attitude attitudes reading perception perceptions opinion image
    suspicion suspicions doubt doubts distrust mistrust trust confidence faith complaint
    complaints grievance grievances criticism criticisms anger fury frustration resentment
    hostility enmity antipathy animosity warmth sympathy admiration respect contempt disdain
    scepticism skepticism wariness unease fear fears concern concerns gratitude"""
)
# Nouns of a reaction that the holder after "from" has to what the sentence names.
REACTION_NOUNS = _wordset(
    """criticism condemnation condemnations protest protests complaint complaints rebuke
    rebukes praise objection objections anger outrage warning warnings reproach censure
    message messages"""
)
_LOWER_RUN = re.compile(r"[a-z]+")
_SAID_AFTER = re.compile(r"\s+(?:is|was|has been|remains)\s+(?:that|clear)\b")
# Words standing for the holder of the sentence before ("Their view of Washington"): the
# claims machinery resolves them as it resolves a pronoun subject.
_PRONOUN_SUBJECT = {"their": "They", "its": "It", "his": "He", "her": "She"}


def _attitude_nouns(text: str, gazetteer, previous: tuple = ()) -> list[View]:
    """Views held in an attitude noun (see ``_ATTITUDE_NOUN`` above): the noun is one of
    ``ATTITUDE_NOUNS`` (or, after a possessive, a word with a valence in the lexicon:
    "Moscow's patience with"), and the holder an actor of the gazetteer."""
    # A pattern's noun is a whole run of lower-case letters between spaces: a pattern whose
    # nouns (ATTITUDE_NOUNS, REACTION_NOUNS) the text holds no run of finds nothing kept, and
    # is not tried; nor is the possessive's without an "'s".
    runs = set(_LOWER_RUN.findall(text))
    attitude = not ATTITUDE_NOUNS.isdisjoint(runs)
    found = [(m, "possessive") for m in _ATTITUDE_NOUN.finditer(text)] \
        if "s" in runs else []
    if attitude:
        found += [(m, "named") for m in _NAMED_NOUN.finditer(text)]
        found += [(m, "pronoun") for m in _PRONOUN_NOUN.finditer(text)]
    if "from" in runs and not REACTION_NOUNS.isdisjoint(runs):
        found += [(m, "from") for m in _NOUN_FROM.finditer(text)]
    found = [(m, kind) for m, kind in found if _is_attitude_noun(m.group("noun"), kind)]
    if not found:
        return []
    from briefkit import actors

    mentions = actors.find_actors(text, gazetteer=gazetteer)
    views = []
    for m, kind in found:
        view = _attitude_view(text, m, kind, mentions, gazetteer, previous)
        if view is not None:
            views.append(view)
    return views


def _is_attitude_noun(noun: str, kind: str) -> bool:
    if kind == "from":
        return noun in REACTION_NOUNS
    return noun in ATTITUDE_NOUNS or (kind == "possessive" and _is_attitude(noun))


def _attitude_view(text: str, m: re.Match, kind: str, mentions, gazetteer, previous):
    """The view of one attitude-noun match, or None when its holder is no actor."""
    noun = m.group("noun")
    if kind == "pronoun":
        holder = _resolve_pronoun(m.group("holder").lower(), previous, gazetteer)
        if holder is None:
            return None
        return View(holder[0], holder[1], m.span("holder"), m.span("noun"), m.span("content"),
                    noun, False)
    if kind == "from":
        owner = [a for a in mentions if a.start == m.start("holder")]
        content = (0, m.start("noun"))
        said = _SAID_AFTER.match(text, owner[0].end) if owner else None
        if said:  # "The message from Washington is that ...": what follows
            content = (said.end(), len(text))
    else:
        owner = [a for a in mentions if a.end == m.end("holder")]
        content = m.span("content")
    owner = [a for a in owner if a.actor_type != "non_actor"]
    if not owner:
        return None
    span = (owner[0].start, owner[0].end) if kind == "from" else (owner[0].start, m.end("holder"))
    return View(owner[0].actor, owner[0].country or "", span, m.span("noun"), content, noun,
                False)


def _resolve_pronoun(word: str, previous: tuple, gazetteer):
    """The (holder, country) a possessive pronoun stands for, from the sentences before:
    the claims machinery resolves it as the subject of a stand-in report ("They said so.")."""
    if not previous:
        return None
    from briefkit import claims

    probe = f"{_PRONOUN_SUBJECT[word]} said that it was so."
    found = claims.find_holders(probe, previous=list(previous), gazetteer=gazetteer)
    if not found or not found[0].holder or found[0].holder_start < 0:
        return None
    return found[0].holder, found[0].holder_country


ATTITUDE_SCOPES = frozenset({"word", "relation", "measure"})


@functools.lru_cache(maxsize=4096)
def _is_attitude(noun: str) -> bool:
    lex = default_lexicon(None)
    entries = [lex.words[w] for w in _lemmas(noun) if w in lex.words]
    return bool(entries) and entries[0].valence != 0 and entries[0].scope in ATTITUDE_SCOPES


# RELAYED SPEECH: a speech act reported by a source that relays it ("According to the
# Foreign Ministry's account, Xi told Biden that ...", "The White House said Biden
# reaffirmed that ...", "According to press reports, Saudi leaders have urged ...") is the
# inner speaker's view; the source only vouches for the words.
SPEECH_CUES = REPORTING_VERBS | _wordset("reaffirm call press appeal demand")
RELAYING_CUES = _wordset("say report tell state announce add note") | {"according to"}


def _speaker_for(view: View, views, text: str = "") -> View:
    """The view itself, or the view that reports it: one whose holder speaks for the same
    state ("Khamenei made clear that Iran's quarrel with Washington ...": Khamenei's), or
    one whose content holds this view's holder and cue, since a nested view is held by
    the one who reports it ("Dutch diplomats suspect that Ankara wants U.S. money": the
    diplomats'; data/annotations/README.md, reported claims, case 8)."""
    countries = set(view.holder_country.split("|")) - {""}
    for outer in views:
        if outer is view or not \
                outer.content_span[0] <= view.cue_span[0] < _view_end(outer, text, views):
            continue
        if view.cue in SPEECH_CUES and outer.cue in RELAYING_CUES:
            continue  # RELAYED SPEECH: the speaker whose words are relayed holds the view
        if countries and countries == set(outer.holder_country.split("|")) - {""}:
            return outer
        if _reports(outer, view, text):
            return outer
    return view


def _reports(outer: View, view: View, text: str) -> bool:
    """Whether ``outer`` reports ``view``: its content, after its cue, holds the view's
    holder, with no clause of its own between ("..., and <holder> <cue>" is a second view
    beside it, which the claims machinery's content may run over)."""
    start, (content_start, _) = view.holder_span[0], outer.content_span
    if not content_start <= start or content_start < outer.cue_span[1] or not _holds_own(outer):
        return False
    between = text[content_start:start]
    return ", and " not in between and ";" not in between


def _overlaps(a: int, b: int, span: tuple) -> bool:
    return a < span[1] and b > span[0]


# Cues the claims machinery reads as views that, said of the target itself, report its
# conduct ("U.S. forces supported an Emirati-led operation", "Washington declined to take
# sides", "Washington offered less", "had pressed for access", "promises to remove",
# "assured Ankara", "contesting Iran", "encouraged recipients"), or its commitments,
# efforts and official acts ("U.S. efforts to ...", "the Treasury added ... to its lists",
# a U.S. court's order "enjoined the rule"): the author's account, not the target's view,
# also where the target stands in what it commits to ("the Treasury agreed to sell pesos
# for U.S. dollars").
COMMITMENTS = frozenset({"refuse", "effort", "work", "decide", "agree", "commit", "resolve",
                         "choose", "vote", "designate", "list", "enjoin"})
ACTS = frozenset({"support", "back", "decline", "offer", "press", "promise", "assure", "contest",
                  "encourage"}) | COMMITMENTS


def _one_per_state(found: list) -> list:
    """Views held by a state and by its own officials in one sentence, as the state's
    ("Moscow accuses Washington ..., and ... was blamed by Russian officials on ...":
    Russia's view); persons and groups who speak for a state otherwise stay side by side."""
    states = {v.holder for v in found if v.holder == v.holder_country}
    return [v for v in found if v.holder in states or v.holder_country not in states]


_RELATIVE_BEFORE = re.compile(r",\s*which\s*$")
# An act's object with a clause of its own in which the target stands ("presses for a zone
# that Washington declines to enforce", "the gains he promised depend on investors who take
# their cue from Washington", "back pressure on Caracas but remain wary of U.S. action"):
# the act is no view of the target; the clause says what the target does (the author's).
_ACT_CLAUSE = re.compile(r"\b(?:that|which|who|whom|whose|but)\b")


_COMPLEMENTIZER = re.compile(r"\s+that\s+")


def _act_object_start(view: View, text: str) -> int:
    """Where an act's object opens for _ACT_CLAUSE: after the cue, or after the "that"
    just after it that opens its content as a clause ("China agrees that its imports of
    U.S. products will ...", "have decided that their ties to the United States ..."): the
    complementizer opens the content itself, a view's as with any verb of saying, not a
    relative clause on an object ("an agreement in Doha that links ...": left as it was;
    case 1: "agreed that ..." is a view)."""
    start, content_start = view.cue_span[1], view.content_span[0]
    if start <= content_start and _COMPLEMENTIZER.fullmatch(text, start, content_start):
        return content_start
    return start


def _antecedent_of(view: View, text: str, a: int, b: int) -> bool:
    """Whether the span a..b stands in the clause that a relative view (", which <holder>
    <cue> ...") follows, and the view's content is no more than its predicate."""
    start = view.holder_span[0]
    if start < 0 or not (b <= start <= view.cue_span[0] <= view.content_span[0]):
        return False
    found = _RELATIVE_BEFORE.search(text[:start])
    if found is None or b > found.start():
        return False
    clause_start = max(text.rfind(mark, 0, found.start()) for mark in (";", ":", "\u2014"))
    return a > clause_start


def _titled(view: View, a: int, b: int, target: str) -> View:
    """A holder of no known state described by the target ("General John Smith, the head of
    U.S. Central Command, told ...") speaks for the target."""
    if view.holder_country or not target or not view.holder_span[1] <= a < b <= view.cue_span[0]:
        return view
    return view._replace(holder_country=target)


def _around_cue(view: View, a: int, b: int, views=(), text: str = "") -> bool:
    """Whether the span a..b stands between a view's holder and its cue (the holder's
    apposition: "General X, head of U.S. Central Command, told ...", "Turkey, at odds with
    Washington, sees ...") or between its cue and its content (the one told: "told the
    U.S. ambassador that ..."). With the sentence's ``text``, a stretch that is no aside
    but the holder's own earlier predicate, joined to the cue by "and" or a comma ("Obama
    ended the U.S. embargo, saying ...", "shared the quote at hearings on the U.S.
    commission and suggested ..."), is no apposition: the mention is the holder's act. A
    stretch with a clause of its own ("..., where the United States funds the army and
    wants ...") is left as it was."""
    holder_end, (cue_start, cue_end) = view.holder_span[1], view.cue_span
    before = view.holder_span[0] >= 0 and holder_end <= a and b <= cue_start
    if before:  # no apposition where the holder's own other verb stands between
        before = not any(holder_end <= v.cue_span[0] < cue_start for v in views
                         if v is not view and v.holder_span == view.holder_span)
    if before and text:
        stretch = text[holder_end:cue_start]
        before = (bool(_ASIDE_OPENS.match(stretch)) or not _JOINED_BEFORE.search(stretch)
                  or any(w in CLAUSE_WORDS for w in _wordset(stretch.lower())))
    return before or cue_end <= a and b <= view.content_span[0]


_ASIDE_OPENS = re.compile(r"\s*[,(\u2014\u2013]")  # "General X, head of ..., told"
_JOINED_BEFORE = re.compile(r"(?:\band|,)\s*$")  # "... ended the embargo, saying"


# Holders the claims machinery could not resolve past a determiner ("This report describes
# ...": the text's own voice when it names itself) hold no view of their own; nor do the
# speaker's own ("My delegation welcomes ...", "our Government rejects ..."), whose voice
# is the author's.
BARE_HOLDERS = _wordset("this these that those it we i us")
FIRST_PERSON = _wordset("my our")


def _holds_own(view: View) -> bool:
    """Whether a view has a holder other than the author."""
    words = view.holder.casefold().split()
    return bool(words) and words[0] not in FIRST_PERSON and view.holder.casefold() not in \
        BARE_HOLDERS


# An appositive that sums up what comes before it (", an alignment that ...", ", a position
# which ...", ", a reading Tehran rejects"): the author's comment on a view, which ends the
# view's content where the claims machinery runs it on to the end of the sentence.
_SUMMARY = re.compile(r",\s+(?:a|an)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:that|which|[A-Z][a-z]+)\b")


def _undergoes(view: View) -> bool:
    """A reaction its holder undergoes as the object of a verb ("The move surprised
    Washington"): the holder feels it, it does not speak, so it is no voice of its own."""
    from briefkit.reported import STIRRED_CUES
    return view.cue in STIRRED_CUES and view.holder_span[0] >= view.cue_span[1]


# A relative clause set off by a comma after a view's content (", which ...", ", who ..."):
# the claims machinery ends the content before it, but a relative on the content's last noun
# belongs to what the holder says ("they note that the programme, which began in May, was
# built around the U.S. aim"; "the Administration stated that the cuts would fund other
# work, which relates to U.S. energy goals"), up to the next ";". A relative on a name or a
# number ("the JADE Act of 2008, which bars ...") is the author's own description of it.
_RELATIVE_AFTER = re.compile(r",\s*(?:which|who|whom)\b")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w.\-]*|\d[\d,.]*)\)?\s*$")


def _view_end(view: View, text: str, views=()) -> int:
    """Where a view's content ends, for the holder of what it holds: the claims machinery's
    end, or past a relative clause on the content's last noun (see _RELATIVE_AFTER)."""
    end = view.content_span[1]
    if text and view.content_span[0] < end and _RELATIVE_AFTER.match(text, end) \
            and not _NAME_BEFORE.search(text, view.content_span[0], end):
        stop = text.find(";", end)
        end = len(text) if stop < 0 else stop
    if text and view.cue not in CLAUSE_CUES \
            and not text[view.cue_span[1]:view.content_span[0]].strip():
        goes_on = _OBJECT_GOES_ON.search(text, view.content_span[0], end)
        end = goes_on.start() if goes_on else end
    if view.holder_span[0] >= 0 and _POSSESSED.fullmatch(text, view.holder_span[1],
                                                         view.cue_span[0]):
        end = min(end, _noun_clause_end(view, text, views, end))
    if text and view.content_span[0] < end and _AND_THAT.match(text, end):
        stop = text.find(";", end)
        end = len(text) if stop < 0 else stop
    return end


# A second that-clause of the same verb ("said the aim was ..., and that the United States
# was prepared ...", "told reporters that relations were good, but that the United States
# would leave ..."): one view, its content running on to the second clause's end
# (data/annotations/README.md, case 18), where the claims machinery ends it at the first.
_AND_THAT = re.compile(r",?\s+(?:and|but)\s+that\s+(?:the|a|an|it|its|he|she|they|we|this|[A-Z])\b")


# A view in a possessive noun ("Putin's announcement that ...", "Tehran's proposal for ..."):
# the noun phrase is a part of its clause, often its subject, so the content ends before
# the clause's main verb ("... had been accomplished | surprised Washington", "... to guard
# the monitors | has stalled"), which the claims machinery runs it on to.
_POSSESSED = re.compile(r"['\u2019]s\s+(?:[\w-]+\s+){0,2}")
# Finite verbs that show where a clause's predicate begins without a tagger ("has stalled",
# "was rejected", "will fail"): a main verb in a plain tense is not seen, which leaves the
# content as the claims machinery ends it.
_FINITE_AUX = _wordset(
    """is are was were has have had will would can could may might must should shall does did
    remains remained"""
)
# The object of a view's verb ("accepted the agreement", "welcomed the move") ends where the
# clause goes on past it: a phrase of time ("... after two months of bargaining with
# Washington") or a second predicate of the same subject ("... and will probably seek more
# American arms"), which the claims machinery's content may run on over (CLAUSE_CUES
# aside).
# Verbs whose content may be a clause without "that" ("says the strikes failed and will
# ..."): their content is no plain object, so it is not cut so.
CLAUSE_CUES = REPORTING_VERBS | _wordset("believe think fear hope expect doubt know feel worry")
_OBJECT_GOES_ON = re.compile(
    r"\s(?:after|before|during|until|since|following|amid|despite)\s"
    r"|\s(?:and|but)\s+(?:(?:" + "|".join(sorted(CLAUSE_ADVERBS | {"probably", "likely"}))
    + r")\s+)*(?:" + "|".join(sorted(_FINITE_AUX)) + r")\b"
)
_CLAUSE_LINKS = _wordset(
    """, ; : and or but nor that which who whom as while when whether where because if after
    before since until than"""
)
_WORD_OR_MARK = re.compile(r"[\w'\u2019.\-]+|[,;:]")


def _noun_clause_end(view: View, text: str, views, end: int) -> int:
    """Where the content of a possessive noun's view ends: before the cue of a view whose
    content holds the noun (the verb it is the subject or object of: "X's announcement that
    ... surprised Washington"), else before the first auxiliary (_FINITE_AUX) that no
    conjunction or relative opens, past the complement's own after "that"."""
    start = view.content_span[0]
    for other in views:
        if other is not view and start < other.cue_span[0] < end \
                and other.content_span[0] <= view.cue_span[0] < other.content_span[1]:
            return other.cue_span[0]
    opener = text[view.cue_span[1]:start].split()
    own = 1 if opener and norm_token(opener[-1]) == "that" else 0
    previous, last = "", start
    for m in _WORD_OR_MARK.finditer(text, start, end):
        word = norm_token(m.group())
        if word in _FINITE_AUX and m.group() != "May" and previous not in _CLAUSE_LINKS \
                and previous not in _FINITE_AUX:
            if not own:
                return last
            own -= 1
        previous, last = word, m.end()
    return end


# A modal of prediction before a view's cue in the cue's own clause ("Tehran will probably
# ... use the order to portray the United States as ...", "could also deepen suspicion in
# Washington", "Paris may seek ..."): the view is only predicted, so no view held.
_PREDICTING_MODAL = re.compile(r"\b(?:will|would|could|may|might|shall)\b")
_CLAUSE_OPEN = re.compile(
    r"[,;:\u2014(]|\b(?:that|which|who|whom|whose|because|while|whereas|but|if|when)\b")


def _predicted(view: View, text: str) -> bool:
    """Whether a view is only predicted: a modal of prediction stands before its cue in the
    cue's own clause (from the last clause mark or opener before the cue)."""
    start = view.cue_span[0]
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(text, 0, start)]
    return bool(_PREDICTING_MODAL.search(text, opens[-1] if opens else 0, start))


# A passive cue with its holder as agent ("The U.S. role is described by the Department of
# Defense as ...", "a U.S. Navy aircraft ... was warned by Chinese radio operators to
# leave"): the view is of the passive's subject, which stands before the cue in its clause.
_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?$")
_SUBJECT_OPENS = re.compile(
    r"[,;:\u2014]|\b(?:that|which|who|whom|when|while|because|and|but)\b")


def _passive_subject(view: View, text: str, a: int, b: int) -> bool:
    """Whether the span a..b stands in the subject of a passive cue whose agent is the
    view's holder (see _BY_AGENT)."""
    (h_start, _), (c_start, c_end) = view.holder_span, view.cue_span
    if h_start < c_end or b > c_start or not _BY_AGENT.search(text, c_end, h_start):
        return False
    opens = [m.end() for m in _SUBJECT_OPENS.finditer(text, 0, c_start)]
    return a >= (opens[-1] if opens else 0)


def _joint(view: View, views) -> View:
    """A view with the holders of the views that share its cue and content, named before
    the cue ("Moscow has also joined Beijing in portraying ...": one view of both), as one
    joint holder; a holder after the cue ("..., as do France and the United Kingdom") is a
    clause of its own."""
    same = [v for v in views if v.cue_span == view.cue_span and v.holder != view.holder
            and v.content_span == view.content_span
            and 0 <= v.holder_span[1] <= v.cue_span[0] and view.holder_span[1] <= v.cue_span[0]]
    if not same:
        return view
    holders = sorted([view, *same], key=lambda v: v.holder_span)
    names = dict.fromkeys(n for v in holders for n in v.holder.split("|"))
    countries = dict.fromkeys(c for v in holders for c in v.holder_country.split("|") if c)
    return view._replace(holder="|".join(names), holder_country="|".join(countries))


def holder_of_target(views, spans, *, target: str = "", text: str = "") -> tuple[str, str]:
    """Whose view of the target a sentence gives, and the state or body it speaks for.

    For each target span: the holder of the innermost view whose content holds it ("which
    Russia sees as ...", "Saudi officials doubt that Washington will ..."), else of the
    view it speaks in ("U.S. officials assert ..."). One view gives the holder: where
    spans stand in several holders' clauses, the first span's (data/annotations/README.md,
    one tone row per sentence; a joint holder, "Berlin and Paris oppose", is one view's,
    joined with "|"). The target's own voice (a holder speaking for ``target``) gives way
    to others' views, since an attitude toward an actor is someone else's view of it, and
    to the author's (a mention in no view) unless it speaks (a verb of REPORTING_VERBS or
    of _CHARACTERISING: "U.S. officials said ..., which the United States lists as ...":
    the officials').
    ``('author', 'author')`` when the target stands in no reported view. With the
    sentence's ``text``, a view in a relative clause is held of the clause it follows
    ("Seoul and Washington opened talks, which Beijing says would harm its security":
    Beijing's view of the talks).

    >>> holder_of_target(find_views("Tehran portrays Washington as a threat."), [(16, 26)])
    ('Iran', 'Iran')
    """
    if text:  # a view only predicted is no view held (data/annotations/README.md)
        views = tuple(v for v in views if not _predicted(v, text))
    found: list[View] = []
    authors = False
    for a, b in spans:
        inside = [v for v in views if v.content_span[0] <= a and b <= _view_end(v, text, views)
                  and not (v.cue in ACTS and target in v.holder_country.split("|"))
                  and not (v.cue in ACTS and text and _ACT_CLAUSE.search(
                      text, _act_object_start(v, text), a))
                  and not (text and _SUMMARY.search(text, v.content_span[0], a))]
        inside.sort(key=lambda v: v.content_span[1] - v.content_span[0])
        speaking = [v for v in views if v.holder_span[0] >= 0 and _overlaps(a, b, v.holder_span)
                    and v.cue not in ACTS and not _undergoes(v)]
        around = [_titled(v, a, b, target) for v in views
                  if _around_cue(v, a, b, views, text)]
        before = [v for v in views if text and _antecedent_of(v, text, a, b)]
        before += [v for v in views if text and _passive_subject(v, text, a, b)]
        view = next((v for v in inside + speaking + around + before if _holds_own(v)), None)
        view = _joint(view, views) if view is not None else None
        view = _speaker_for(view, views, text) if view is not None else None
        authors = authors or view is None
        if view is not None and view.holder not in {f.holder for f in found}:
            found.append(view)
    others = [v for v in found if target not in v.holder_country.split("|")]
    if others:
        found = others
    elif authors:
        found = [v for v in found if v.cue in REPORTING_VERBS or v.cue in _CHARACTERISING]
    if not found:
        return AUTHOR, AUTHOR
    found = _one_per_state(found)[:1]  # one row, one view: the first name's clause
    names = list(dict.fromkeys(n for v in found for n in v.holder.split("|")))
    countries = list(dict.fromkeys(c for v in found for c in v.holder_country.split("|") if c))
    return "|".join(names), "|".join(countries)


# Verbs of characterising (data/annotations/README.md, case 10: "describes X as Y", "refers
# to X as Y", "labels X"): the holder says how it sees a thing, as a verb of saying does, so
# the target's own voice holds its row by them too ("U.S. officials describe Turkish
# cooperation as good, but ... a debate in Washington": the officials'). "call" is left
# out: it is an appeal as often ("called for talks").
_CHARACTERISING = _wordset("describe characterize characterise regard refer label")


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


def _match_word(sent: _Sentence, lex: Lexicon, i: int):
    if _is_name(sent, i):
        return None
    lemmas = _lemmas(sent.tokens[i][1])
    entries = [lex.words[lemma] for lemma in lemmas if lemma in lex.words]
    # briefkit's entry for any form wins over VADER's for an inflected one ("rejects").
    entry = next((e for e in entries if e.source == "briefkit"), entries[0] if entries else None)
    return None if entry is None else (entry, i)


def _find_cues(sent: _Sentence, lex: Lexicon, views, *, brief: bool = False) -> list[Cue]:
    """The lexicon's words and phrases in the sentence, outside the target, longest first,
    each marked with the reported view whose cue word it is. Entries of scope 'question'
    and 'view' count only as such a cue ("questioned why", not "the Kurdish question").
    In briefs (``brief``), the changes to the target's stakes too (:func:`_outcome_cues`),
    in place of the lexicon's reading of the same words, the events the target or its assets
    undergo (:func:`_event_cues`), and the target left out ("Moscow, not Washington, will
    set the terms")."""
    cues = _lexicon_cues(sent, lex, views)
    if brief:
        changes = (_outcome_cues(sent, outcome_lexicon()) + _aim_cues(sent) + _tie_cues(sent)
                   + _wanted_cues(sent))
        taken = {j for c in changes for j in range(c.first, c.last + 1)}
        changes += [_cue_with(c, view=_view_of_cue(sent, views, c.first, c.last))
                    for c in _event_cues(sent, taken)]
        taken = {j for c in changes for j in range(c.first, c.last + 1)}
        cues = [c for c in cues if not taken.intersection(range(c.first, c.last + 1))]
        cues = sorted(cues + changes + _exclusion_cues(sent), key=lambda c: c.first)
    return cues


AIMED = _wordset("aimed directed targeted")
AIM_WINDOW = 3  # words from "aimed at" to the state it names ("aimed at Russia and China")
AIMED_AT_STATE = -0.5  # a design against a state: "a U.S. missile defense aimed at Russia"


def _aim_cues(sent: _Sentence) -> list[Cue]:
    """ "aimed at Russia and China", "directed at Iran": something said to be aimed at a
    state other than the target, a hostile design (never an armed group: "aimed at
    militants" is the campaign's plain purpose)."""
    cues, mentions = [], None
    for i in range(len(sent.tokens) - 1):
        if sent.tokens[i][1] not in AIMED or sent.tokens[i + 1][1] != "at" or i in sent.targets:
            continue
        mentions = _mentions(sent) if mentions is None else mentions
        if _state_follows(sent, i + 1, mentions):
            entry = Entry(sent.tokens[i][1] + " at", AIMED_AT_STATE, "word",
                          "aimed at a state: a hostile design")
            cues.append(Cue(entry, f"{sent.tokens[i][0]} at", i, i + 1, AIMED_AT_STATE))
    return cues


TYING = _wordset("tie ties tied tying bind binds")
TIED = -0.4  # the target bound to another's course: "would tie Washington to the war"
TIE_WINDOW = 4  # words from the target to its "to" ("tie Washington more closely to")


def _tie_cues(sent: _Sentence) -> list[Cue]:
    """ "would tie Washington more closely to the war's outcome", "leaves Washington tied to a
    partner ...": the target bound to another's course, which briefs weigh as a liability
    (the verb, not the noun: "ties with Washington" are a relation)."""
    cues = []
    for i, (tok, norm, _, _) in enumerate(sent.tokens):
        if norm not in TYING or i in sent.targets:
            continue
        after = [t for t in sent.targets if i < t <= i + 2]
        passive = norm == "tied" and i + 1 < len(sent.tokens) and sent.tokens[i + 1][1] == "to"
        if passive and any(i - 3 <= t < i for t in sent.targets) or (
            after and _to_follows(sent, max(after))
        ):
            entry = Entry(norm, TIED, "word", "the target bound to another's course")
            cues.append(Cue(entry, tok, i, i, TIED))
    return cues


WANTING = _wordset("want wants wanted wanting need needs needed needing")
# What others want the target to do, when it is to take part ("Jordanian officials want
# Washington to engage Moscow", "Gulf leaders want Washington in front", "Kabul needs U.S.
# forces to stay"): its involvement is sought, a mark of its standing with them. A demand
# that it retreat or stop ("want Washington to leave") is not among these verbs.
INVOLVING = _wordset(
    """engage stay remain lead act help support back commit intervene step do deliver release
    provide supply sell send keep guarantee protect defend mediate broker press pressure
    restrain join return deepen expand increase invest play weigh underwrite fund finance arm
    train share contribute cooperate work reassure hold stand"""
)
INVOLVED = _wordset("involved engaged back")  # "want Washington involved", "... back"
WANTED = 0.5  # the valence of the target's involvement sought by another


def _wanted_cues(sent: _Sentence) -> list[Cue]:
    """ "want Washington to engage Moscow", "need U.S. forces to stay", "want Washington in
    front", "want Washington involved": another wants the target (or its asset, one word
    after it) to take part, a cue of the wanting verb (not negated; a target that wants is
    its own view, not this)."""
    cues = []
    for i, (tok, norm, _, _) in enumerate(sent.tokens):
        if norm not in WANTING or i in sent.targets or _negator_before(sent, i):
            continue
        t = i + 1 + (i + 1 < len(sent.tokens) and sent.tokens[i + 1][1] in {"the", "a"})
        if t not in sent.targets:
            continue
        k = _target_end(sent, t) + 1
        if k < len(sent.tokens) and sent.word_pos[k] >= 0 and not _is_boundary(
                sent.tokens[k][1]) and sent.tokens[k][1] not in {"to", "in"} | INVOLVED:
            k += 1  # an asset: "want U.S. forces to stay"
        if k >= len(sent.tokens):
            continue
        after = sent.tokens[k][1]
        nxt = sent.tokens[k + 1][1] if k + 1 < len(sent.tokens) else ""
        if not (after in INVOLVED or (after == "in" and nxt in {"front", "charge", "the"})
                or (after == "to" and set(_event_lemmas(nxt)) & INVOLVING)):
            continue
        entry = Entry(norm, WANTED, "event", "the target's involvement sought by another",
                      "event")
        cues.append(Cue(entry, tok, i, i, WANTED))
    return cues


def _to_follows(sent: _Sentence, t: int) -> bool:
    """Whether "to" follows target token t within TIE_WINDOW words, in its clause."""
    words = 0
    for j in range(t + 1, len(sent.tokens)):
        norm = sent.tokens[j][1]
        if norm == "to":
            return True
        if _is_boundary(norm) or words >= TIE_WINDOW:
            return False
        words += sent.word_pos[j] >= 0 and j not in sent.targets
    return False


def _state_follows(sent: _Sentence, i: int, mentions) -> bool:
    """Whether a state other than the target is named within AIM_WINDOW words after token
    i, in its clause."""
    words, end = 0, sent.tokens[i][3]
    for j in range(i + 1, len(sent.tokens)):
        if _is_boundary(sent.tokens[j][1]) or words >= AIM_WINDOW:
            break
        words += sent.word_pos[j] >= 0
        end = sent.tokens[j][3]
    targets = {(sent.tokens[t][2], sent.tokens[t][3]) for t in sent.targets}
    return any(m.actor_type == "state" and sent.tokens[i][3] <= m.start < end
               and not any(_overlaps(a, b, (m.start, m.end)) for a, b in targets)
               for m in mentions)


EXCLUDING = {"not": "'not X'", "without": "'without X'"}
EXCLUDED = -0.4  # the valence of a target left out: "Moscow, not Washington, will decide"
# Words that may follow a target that is a whole noun phrase ("without Washington, ...",
# "proceed without the United States and ..."), not a modifier ("without U.S. help").
_PHRASE_ENDS = _wordset("and or but in on at to for from by as than nor so yet")


def _exclusion_cues(sent: _Sentence) -> list[Cue]:
    """ "Moscow, not Washington, will decide": the target left out of what the sentence says
    is done or decided, where the target is the whole noun phrase set against another actor
    in an aside after a comma. A plain "without the United States" or "but not the United
    States" ("Iran would remain a party without the United States", "RCEP covers ASEAN, China
    and India but not the United States") says who takes part, not that the target was
    pushed aside, and counts for nothing."""
    cues = []
    first, last = min(sent.targets), max(sent.targets)
    j = first - 1
    if j >= 0 and sent.tokens[j][1] == "the":
        j -= 1
    nxt = last + 1
    ends = nxt >= len(sent.tokens) or sent.word_pos[nxt] < 0 or sent.tokens[nxt][1] in _PHRASE_ENDS
    aside = j >= 2 and sent.tokens[j - 1][1] == "," and sent.word_pos[j - 2] >= 0
    if (j >= 0 and sent.tokens[j][1] in EXCLUDING and ends and aside
            and len(set(sent.spans)) == 1):
        entry = Entry(sent.tokens[j][1], EXCLUDED, "relation", "the target left out")
        cues.append(Cue(entry, sent.tokens[j][0], j, j, EXCLUDED,
                        relation=f"the target left out ({EXCLUDING[sent.tokens[j][1]]})",
                        links=(Link(1, 0, 0, "", first),)))
    return cues


def _lexicon_hits(sent: _Sentence, lex: Lexicon) -> list:
    """Per token, what the lexicon may read there whatever the target: (the phrases that
    start there and match, in the lexicon's order, as (entry, last token); the word's own
    entry or None). Kept with the sentence's target-free analysis."""
    kept = sent.words.by_lexicon.get(id(lex)) if sent.words is not None else None
    if kept is not None and kept[0] is lex:
        return kept[1]
    none: set = set()
    hits = []
    memo = _norm_memo("lexicon", lex)
    for i in range(len(sent.tokens)):
        if sent.word_pos[i] < 0:
            hits.append(None)
            continue
        norm = sent.tokens[i][1]
        options, entry = memo.get(norm) or _norm_entries(lex, norm, memo)
        phrases = []
        for parts, phrase in options:
            found = _match_parts(sent, i, parts, none)
            if found is not None:
                phrases.append((phrase, found))
        word = None if entry is None or _is_name(sent, i) else (entry, i)  # as _match_word
        hits.append((tuple(phrases), word) if phrases or word else None)
    hits = tuple(hits)
    if sent.words is not None:
        sent.words.by_lexicon[id(lex)] = (lex, hits)  # holds lex: its id stays its own
    return hits


# (what is read, the word list's id) -> (the word list, {a token's normal form: what that
# word list holds for it}): what a lexicon, the event frame or the outcome words say of a
# normal form whatever its sentence, worked out once per form (forgotten with the sentence
# memos, and when a list's forms pass NORM_ENTRIES_KEPT)
_NORM_ENTRIES: dict = {}
NORM_ENTRIES_KEPT = 65536


def _norm_memo(kind: str, words) -> dict:
    """The memo of normal forms for one word list (a lexicon, the event frame, ...)."""
    kept = _NORM_ENTRIES.get((kind, id(words)))
    if kept is None or kept[0] is not words:
        kept = _NORM_ENTRIES[(kind, id(words))] = (words, {})  # holds it: its id stays its own
    if len(kept[1]) >= NORM_ENTRIES_KEPT:
        kept[1].clear()
    return kept[1]


def _norm_entries(lex: Lexicon, norm: str, memo: dict) -> tuple:
    """What the lexicon holds for a token's normal form, whatever its sentence: the phrases
    listed under any of its lemmas, as (parts, entry) in the lexicon's order, and the
    word's own entry (briefkit's for any form first, as :func:`_match_word` takes it) or
    None; kept in ``memo`` (:func:`_norm_memo`)."""
    lemmas = _lemmas(norm)
    options = tuple(option for lemma in lemmas for option in lex.phrases.get(lemma, ()))
    entries = [lex.words[lemma] for lemma in lemmas if lemma in lex.words]
    entry = next((e for e in entries if e.source == "briefkit"), entries[0] if entries else None)
    found = memo[norm] = (options, entry)
    return found


def _match_parts(sent: _Sentence, i: int, parts, targets: set):
    last = i + len(parts) - 1
    if last >= len(sent.tokens):
        return None
    if all(
        j not in targets and parts[k] in _lemmas(sent.tokens[j][1])
        for k, j in enumerate(range(i, last + 1))
    ):
        return last
    return None


def _lexicon_cues(sent: _Sentence, lex: Lexicon, views) -> list[Cue]:
    cues, i, targets = [], 0, set(sent.targets)
    hits = _lexicon_hits(sent, lex)
    while i < len(sent.tokens):
        hit = None
        if i not in targets and hits[i] is not None:
            phrases, word = hits[i]
            hit = next(
                ((entry, last) for entry, last in phrases
                 if not targets.intersection(range(i, last + 1))),
                None,
            ) or word
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
    """The index of the view whose cue word lies in tokens first..last, or -1. The cue of
    a commitment or effort (``COMMITMENTS``: "has worked with many nations to ...") stays the
    target's act, not its holder's attitude; so does a verb that stirs a reaction in its
    object ("the new line reassures its partners": the line's act, :func:`_undergoes`)."""
    a, b = sent.tokens[first][2], sent.tokens[last][3]
    return next((k for k, v in enumerate(views)
                 if _overlaps(a, b, v.cue_span) and v.cue not in COMMITMENTS
                 and not _undergoes(v)), -1)


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


# --- outcomes: what happens to the target's stakes -----------------------------------------

# Much of what a brief says is good or bad for a state carries no attitude word: "how thin
# Washington's influence has become", "removed the economic pillar of the U.S. strategy",
# "serves U.S. interests", "leaves Washington with fewer options". briefkit's outcome
# lexicon (data/outcomes.csv) lists a state's *stakes* (influence, credibility, strategy,
# interests, allies, relations, forces, ...) and the *changes* that befall them (erode,
# thin, undermine, serve, strengthen, less, fewer, ...), each change with a valence for the
# stake's owner.


@dataclass(frozen=True)
class Outcomes:
    """The outcome lexicon: stakes, changes as term -> (valence, may follow the stake as
    its predicate, reason), regards (others' view of an actor, a stake of the actor only
    when it is named after them: "their view of Washington"), and successes as term ->
    (valence, what the object must be: 'enemy' or 'ground', reason): the target's
    campaign, or a force it backs, killing an armed group's people or taking ground."""

    stakes: frozenset
    changes: dict
    regards: frozenset = frozenset()
    successes: dict = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def outcome_lexicon() -> Outcomes:
    """briefkit's outcome lexicon (``data/outcomes.csv``), read once.

    >>> lex = outcome_lexicon()
    >>> "influence" in lex.stakes, lex.changes["erode"][0]
    (True, -0.6)
    """
    table = resources.read_data_csv("outcomes.csv")
    stakes = frozenset(table.loc[table["kind"] == "stake", "term"])
    regards = frozenset(table.loc[table["kind"] == "regard", "term"])
    changes = {
        row.term: (float(row.valence), row.after == "yes", row.reason)
        for row in table[table["kind"] == "change"].itertuples(index=False)
    }
    successes = {
        row.term: (float(row.valence), row.after, row.reason)
        for row in table[table["kind"] == "success"].itertuples(index=False)
    }
    return Outcomes(stakes, changes, regards, successes)


STAKE_WINDOW = 3  # words from the target to its stake ("U.S. counterterrorism interests")
CHANGE_BEFORE = 4  # words from a change to the stake it governs ("removed the economic pillar")
CHANGE_AFTER = 8  # words from a stake to the change said of it ("influence ... has become thin")
BE_FORMS = _wordset("be is are was were been being")
BECOMING = _wordset("grow grows grew grown growing become becomes became becoming")
# Changes the target itself undergoes as their subject ("Washington lost leverage", "has
# fewer options"): what it does to others' stakes is its own act, not its outcome.
OWN_CHANGES = _wordset(
    "lose lost gain win won regain forfeit meet met achieve less fewer little more greater"
)
# Words that tie a stake before the target to it ("the credibility of the United States",
# "relations with Washington", "ties between Ankara and Washington").
STAKE_LINKS = _wordset("of with between toward towards and the")
QUANTIFIERS = _wordset("all any some much most part parts each every")  # "any part of"
# Words before a state's name that make the name its territory, a stake itself.
HOME_STAKES = _wordset("continental mainland")


def _stake_lemma(sent: _Sentence, i: int, lex: Outcomes) -> str:
    """The stake token i names, if any: a noun, so not a verb's "-ed" or "-ing" form of
    one ("strikes aimed at", "the planned talks"), unless listed as it stands ("standing")."""
    norm = sent.tokens[i][1]
    if norm.endswith(("ed", "ing")) and norm not in lex.stakes:
        return ""
    return next((w for w in _lemmas(norm) if w in lex.stakes), "")


def _change_of(sent: _Sentence, i: int, lex: Outcomes):
    """(term, valence, may follow, reason) of a change word at token i, or None. A verb of
    becoming before a comparative ("has grown harsher") is no change itself: the
    comparative says which way things went."""
    if sent.word_pos[i] < 0 or i in sent.targets:
        return None
    nxt = sent.tokens[i + 1][1] if i + 1 < len(sent.tokens) else ""
    if sent.tokens[i][1] in BECOMING and (nxt.endswith("er") or nxt in {"more", "less"}):
        return None
    for word in _lemmas(sent.tokens[i][1]):
        if word in lex.changes:
            return (word, *lex.changes[word])
    return None


def _stake_phrases(sent: _Sentence, lex: Outcomes) -> list[tuple[int, int, int]]:
    """The target's stakes: (first token, last token, stake token) of phrases such as
    "Washington's influence", "U.S. counterterrorism interests", "the credibility of the
    United States", "the economic pillar of the U.S. strategy", "relations with Washington"."""
    phrases = []
    for t in sent.targets:
        first = last = stake = -1
        words = 0
        for j in range(t + 1, len(sent.tokens)):
            norm = sent.tokens[j][1]
            if j in sent.targets or norm in {"-", "\u2010", "\u2011"}:
                continue
            if _is_boundary(norm) or norm in COPULAS or words >= STAKE_WINDOW or (
                norm in AGENT_BREAKS and norm != "with"
            ):
                break
            words += sent.word_pos[j] >= 0
            if _stake_lemma(sent, j, lex):
                first, last, stake = t, j, j
                break
        if t > 0 and sent.tokens[t - 1][1] in HOME_STAKES:  # "the continental United States"
            first, last, stake = t - 1, max(last, t), stake if stake >= 0 else t - 1
        k, linked = first - 1 if first == t - 1 else t - 1, False
        while k >= 0 and (sent.tokens[k][1] in STAKE_LINKS or _is_name(sent, k)):
            linked = linked or sent.tokens[k][1] not in {"the", "and"} and not _is_name(sent, k)
            k -= 1
        regard = k >= 0 and sent.tokens[k][1] in lex.regards and sent.tokens[k + 1][1] != "with"
        if linked and k >= 0 and (_stake_lemma(sent, k, lex) or regard):
            first, stake = k, stake if stake >= 0 else k
            last = max(last, t)
        if stake < 0:
            first, stake = _stake_by_relative(sent, t, lex)
            last = t
        if stake >= 0:
            phrases.append((first, last, stake))
    return phrases


RELATIVE_LINKS = _wordset("whom which that who")
RELATIVE_PREPS = _wordset("on upon with to for in of")


def _stake_by_relative(sent: _Sentence, t: int, lex: Outcomes) -> tuple[int, int]:
    """STAKE BY RELATIVE: a stake tied to target token t by a relative clause whose subject
    the target is ("the partner on whom the United States had built its posture", "the
    base that Washington uses"), as (the first token of the phrase that a change governs,
    the stake token), or (-1, -1). A stake in apposition to a name ("removed President
    Mohamed Bazoum, the partner on whom ...") is governed from the name's start."""
    k = t - 1
    if k >= 0 and sent.tokens[k][1] == "the":
        k -= 1
    if k < 1 or sent.tokens[k][1] not in RELATIVE_LINKS:
        return -1, -1
    k -= 1
    if k >= 1 and sent.tokens[k][1] in RELATIVE_PREPS:
        k -= 1
    if k < 0 or not _stake_lemma(sent, k, lex):
        return -1, -1
    stake = first = k
    if first > 0 and sent.tokens[first - 1][1] in DETERMINERS:
        first -= 1
    if first > 1 and sent.tokens[first - 1][1] == "," and _is_name(sent, first - 2):
        first -= 2
        while first > 0 and _is_name(sent, first - 1):
            first -= 1
    return first, stake


def _outcome_cues(sent: _Sentence, lex: Outcomes) -> list[Cue]:
    """Changes that befall the target's stakes, as cues of scope 'outcome': a change
    governing the stake ("erodes U.S. influence", "fewer options") or said of it ("U.S.
    influence has waned", "was undermined"), the target's own loss or gain ("Washington
    lost leverage"), and stakes after an opening "For X," ("For Washington, the deal
    serves core interests")."""
    found: dict = {}
    for first, last, stake in _stake_phrases(sent, lex):
        inside = [j for j in range(first + 1, last) if _change_of(sent, j, lex)]
        for i in (*inside[:1], _change_before(sent, first, lex), _change_after(sent, last, lex)):
            if i >= 0:
                found.setdefault(i, stake)
    for t in sent.targets:
        for i, stake in _own_changes(sent, t, lex):
            found.setdefault(i, stake)
    cues = _success_cues(sent, lex, set(found))
    for i, stake in sorted(found.items()):
        term, valence, _after, reason = _change_of(sent, i, lex)
        word = sent.tokens[stake][1]
        owned = ("the target's territory" if word in HOME_STAKES
                 else f"others' {word} of the target" if word in lex.regards
                 else f"the target's {sent.tokens[stake][0]}")
        entry = Entry(term, valence, "outcome", f"{reason}: {owned}", "outcome")
        cues.append(Cue(entry, sent.tokens[i][0], i, i, valence))
    return cues


# Words for an armed group's people, after a verb of killing ("killed Taliban leader X").
ENEMY_WORDS = _wordset(
    "leader leaders commander commanders militants fighters jihadists insurgents terrorists"
)
SUCCESS_WINDOW = 5  # words from a verb of success to its object


def _success_cues(sent: _Sentence, lex: Outcomes, taken: set) -> list[Cue]:
    """A success of the target's campaign, or of a force it backs: the target (or "U.S.-
    backed X") is the subject of a verb of success whose object is an armed group's
    people ("a U.S. drone strike killed Taliban leader ...") or, for taking ground, a
    place ("the U.S.-backed SDF took al-Shaddadi")."""
    cues, mentions = [], None
    for i, hit in _success_words(sent, lex):
        if i in taken or i in sent.targets:
            continue
        if not any(_is_agent(sent, t, i, _NO_CONTRAST) for t in sent.targets):
            continue
        valence, needs, reason = lex.successes[hit]
        if needs == "enemy":
            mentions = _mentions(sent) if mentions is None else mentions
            if not _enemy_object(sent, i, mentions):
                continue
        elif not _ground_object(sent, i):
            continue
        entry = Entry(hit, valence, "outcome", reason, "outcome")
        cues.append(Cue(entry, sent.tokens[i][0], i, i, valence))
    return cues


def _success_words(sent: _Sentence, lex: Outcomes) -> list[tuple[int, str]]:
    """(token, lemma) of each verb of success in the sentence, kept with its target-free
    analysis."""
    kept = sent.words.by_lexicon.get(id(lex)) if sent.words is not None else None
    if kept is not None and kept[0] is lex:
        return kept[1]
    found = []
    memo = _norm_memo("successes", lex)
    for i in range(len(sent.tokens)):
        norm = sent.tokens[i][1]
        hit = memo.get(norm, memo)
        if hit is memo:  # not seen yet
            hit = memo[norm] = next((w for w in _lemmas(norm) if w in lex.successes), None)
        if hit is not None:
            found.append((i, hit))
    found = tuple(found)
    if sent.words is not None:
        sent.words.by_lexicon[id(lex)] = (lex, found)
    return found


GROUND_WORDS = _wordset(
    "city town towns village villages ground territory province district base airport port "
    "capital stronghold strongholds bastion enclave crossing valley ridge"
)


CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split())


def _ground_object(sent: _Sentence, i: int) -> bool:
    """Whether a place follows the verb at token i within three words: a name ("took
    Raqqa", "took al-Shaddadi"; not a day or a month: "took effect on Monday") or a word
    for ground ("retook the city")."""
    words = 0
    for j in range(i + 1, len(sent.tokens)):
        tok, norm = sent.tokens[j][0], sent.tokens[j][1]
        if _is_boundary(norm) or words >= 3:
            return False
        if norm in GROUND_WORDS or norm.startswith(("al-", "el-")) or (
                tok[:1].isupper() and norm not in CALENDAR_WORDS):
            return j not in sent.targets
        words += sent.word_pos[j] >= 0
    return False


def _mentions(sent: _Sentence) -> list:
    from briefkit import actors

    return actors.find_actors(sent.text)


def _enemy_object(sent: _Sentence, i: int, mentions) -> bool:
    """Whether an armed group or its people stand within SUCCESS_WINDOW words after token
    i, in its clause."""
    words, end = 0, sent.tokens[i][3]
    for j in range(i + 1, len(sent.tokens)):
        norm = sent.tokens[j][1]
        if _is_boundary(norm) or words >= SUCCESS_WINDOW:
            break
        if norm in ENEMY_WORDS:
            return True
        words += sent.word_pos[j] >= 0
        end = sent.tokens[j][3]
    return any(m.actor_type == "armed_group" and sent.tokens[i][3] <= m.start < end
               for m in mentions)


def _change_before(sent: _Sentence, first: int, lex: Outcomes) -> int:
    """The change word governing a stake phrase that starts at token ``first``, or -1."""
    others = words = 0
    for j in range(first - 1, -1, -1):
        tok, norm = sent.tokens[j][0], sent.tokens[j][1]
        if _is_boundary(norm) or words >= CHANGE_BEFORE:
            return -1
        change = _change_of(sent, j, lex)
        if change and not _describes(sent, j, first, change):
            return j
        words += sent.word_pos[j] >= 0 and norm not in QUANTIFIERS
        linking = norm in PATIENT_LINKS or norm in QUANTIFIERS or tok[:1].isupper()
        if sent.word_pos[j] >= 0 and not linking:
            others += 1
            if others > 1:
                return -1
    return -1


def _describes(sent: _Sentence, j: int, first: int, change) -> bool:
    """Whether a participle of a change that cannot follow its stake merely describes it,
    after an article ("a limited U.S. strike"), as against acting on it ("has undermined
    U.S. credibility")."""
    return (
        not change[2]
        and sent.tokens[j][1].endswith("ed")
        and j + 1 == first
        and j > 0
        and sent.tokens[j - 1][1] in DETERMINERS
    )


DETERMINERS = _wordset("a an the this that these those its their his her our")


def _change_after(sent: _Sentence, last: int, lex: Outcomes) -> int:
    """The change said of a stake phrase that ends at token ``last`` ("has waned", "appears
    to be shrinking", "was undermined"), or -1. A change that cannot follow its stake
    ("serve", "strike") counts there only in the passive."""
    words, j = 0, last + 1
    while j < len(sent.tokens):
        norm = sent.tokens[j][1]
        if norm in DASHES | {"("}:
            j = _aside_end(sent, j) + 1  # "The U.S. campaign—begun in 2014—has met its aim"
            continue
        if _is_boundary(norm) or norm in {"that", "and"} or words >= CHANGE_AFTER:
            return -1
        hit = _change_of(sent, j, lex)
        if hit is not None:
            if hit[0] in OWN_CHANGES:  # "the U.S. campaign has met its aim", "lost momentum"
                return j if _stake_follows(sent, j, lex) else -1
            return j if hit[2] or sent.tokens[j - 1][1] in BE_FORMS else -1
        words += sent.word_pos[j] >= 0 and not _is_name(sent, j)
        j += 1
    return -1


DASHES = frozenset({"\u2014", "\u2013"})


def _aside_end(sent: _Sentence, j: int) -> int:
    """The token closing an aside opened at token j (a dash or a bracket), or the
    sentence's last token when none closes it."""
    closing = DASHES if sent.tokens[j][1] in DASHES else {")"}
    return next((k for k in range(j + 1, len(sent.tokens)) if sent.tokens[k][1] in closing),
                len(sent.tokens) - 1)


def _stake_follows(sent: _Sentence, i: int, lex: Outcomes) -> bool:
    """Whether a stake of no one else's follows the change at token i within three words
    ("lost momentum", "met its first aim")."""
    for j in range(i + 1, min(len(sent.tokens), i + 5)):
        if _is_boundary(sent.tokens[j][1]):
            return False
        if _stake_lemma(sent, j, lex):
            return not _owned(sent, i, j)
    return False


def _own_changes(sent: _Sentence, t: int, lex: Outcomes) -> list[tuple[int, int]]:
    """The target's own loss or gain ("Washington lost leverage", "Washington has fewer
    options"), and, after an opening "For X,", changes to stakes no one else owns."""
    out = []
    frame = _frame_comma(sent, t)
    start = frame if frame >= 0 else t
    end = len(sent.tokens) if frame >= 0 else min(len(sent.tokens), t + AGENT_WINDOW + 2)
    for i in range(start + 1, end):
        if _is_boundary(sent.tokens[i][1]) and frame < 0:
            break
        change = _change_of(sent, i, lex)
        if change is None or (
            frame < 0 and (change[0] not in OWN_CHANGES or not _is_agent(sent, t, i, _NO_CONTRAST))
        ):
            continue
        for j in range(i + 1, min(len(sent.tokens), i + 4)):
            if _stake_lemma(sent, j, lex) and not _owned(sent, i, j):
                out.append((i, j))
                break
    return out


def _owned(sent: _Sentence, i: int, j: int) -> bool:
    """Whether the stake at token j has an owner named between tokens i and j ("Iran's
    influence"); "its", "their" point back to the subject, whose stake it stays."""
    return any(sent.tokens[k][1].endswith("'s") or _is_name(sent, k) for k in range(i + 1, j))


# --- events: what is done to the target or its assets --------------------------------------

# In briefs much harm or help to a state is told as an event with no attitude word:
# "militias besieged the U.S. embassy", "the expulsion of U.S. forces", "urged Washington to
# reconsider", "Riyadh turned to Washington for support". The event frame
# (``data/events.csv``) lists verb classes whole, as a linguist would list them (attack and
# violence, removal and exclusion, defiance and refusal, pressure and demand, support and
# alignment, cooperation, commerce), each entry with its class, its form (a verb, also read
# in the passive, or a noun naming the event) and the valence for the event's PATIENT, the
# one who undergoes it. Where the target or one of its ASSETS (its embassy, troops, bases,
# diplomats, ships, drones, citizens, ...; anything it owns by a possessive, "Washington's
# request", or leads, "the U.S.-led mission"; and, for the classes of will and alignment,
# its initiatives: "rejected the U.S. proposal") undergoes the event, the patient's valence
# is the event's cue ('event'). Where the target acts ("U.S. forces struck the base", "the
# United States expelled two diplomats"), the frame's agent valence is 0 for every class:
# the scheme labels a state's own acts in the author's voice neutral ("The United States
# has 5,000 troops in Iraq"), and the rules weigh a general word of its own act at 0.1; so
# the frame says nothing there and the lexicon's reading stands.
EVENT_ASSETS = _wordset(
    """embassy embassies consulate consulates compound ambassador ambassadors envoy envoys
    diplomat diplomats delegation delegations troops troop forces force soldiers soldier
    servicemen servicemembers marines sailors airmen personnel advisers advisors adviser
    advisor trainers contractors citizens citizen nationals national base bases installation
    installations facility facilities outpost outposts garrison garrisons convoy convoys
    patrol patrols ship ships vessel vessels warship warships destroyer carrier drone drones
    aircraft jet jets plane planes helicopter helicopters satellite satellites military navy
    army positions position presence mission missions coalition officials official
    president leadership government administration companies firms"""
)
# The target's initiatives: what one defies, presses or backs when it defies, presses or
# backs the state ("rejected the U.S. proposal", "backed the American plan").
EVENT_INITIATIVES = _wordset(
    """proposal proposals plan plans demand demands request requests initiative initiatives
    policy policies strategy position call calls offer offers sanctions campaign effort
    efforts line leadership lead terms bid resolution draft decision decisions move moves step
    steps approach"""
)
WILL_CLASSES = frozenset({"defiance", "pressure", "alignment", "cooperation"})
# What a state sells: the patient of commerce is the state whose goods are bought.
EVENT_GOODS = _wordset(
    """goods products exports arms weapons weapon aircraft jets fighters crude oil gas lng
    soybeans grain beef pork corn wheat equipment systems technology chips"""
)
# Words that may stand between the event and the target: articles, numbers, and the
# prepositions of a patient ("attacks on", "the expulsion of", "support for", "fire at");
# not "by" or "from", which name the agent ("strikes by U.S. forces", "support from").
# No "that": after a verb it opens a clause far more often than it points ("warned that
# U.S. forces would return" is a warning about the forces' return, not pressure on them).
EVENT_LINKS = _wordset(
    """the a an its their his her our this these those of on at against upon toward
    towards for to two three four several some many all both more new"""
)
# After the target, words that show it is the head of the patient ("urged Washington to
# reconsider", "turned to Washington for support", "joined the United States in ...").
EVENT_HEAD_ENDS = _wordset(
    """to for in on at over about and or nor as after before during with from into against
    than since until because when while if but which who whom whose that amid despite
    itself alone again instead too also back last next this yesterday today earlier
    recently now"""
) | CALENDAR_WORDS
# What may stand between the patient and its passive verb ("U.S. forces were attacked",
# "the U.S. embassy in Baghdad had been stormed", "U.S. troops came under attack").
PASSIVE_AUX = _wordset(
    """is are was were be been being has have had got get gets getting reportedly repeatedly
    twice again also later then already allegedly briefly"""
)
PASSIVE_BE = _wordset("is are was were be been being got get gets getting")  # not "have"
UNDER = _wordset("come comes came coming under")  # "came under attack", "under siege"
EVENT_IRREGULAR = {
    "struck": "strike", "shot": "shoot", "drove": "drive", "driven": "drive", "threw": "throw",
    "thrown": "throw", "took": "take", "taken": "take", "held": "hold", "laid": "lay",
    "stood": "stand", "fought": "fight", "bought": "buy", "overran": "overrun", "left": "leave",
    "broke": "break", "broken": "break", "blew": "blow", "blown": "blow", "fired": "fire",
    "overrun": "overrun", "hit": "hit", "cut": "cut", "shut": "shut",  # participles as is
}


class Event(NamedTuple):
    """An entry of the event frame: its term, class, form ('verb' or 'noun'), the valence
    for its patient and for its agent, and why."""

    term: str
    cls: str
    form: str
    patient: float
    agent: float
    reason: str


@functools.lru_cache(maxsize=1)
def event_frame() -> dict:
    """The event frame (``data/events.csv``), read once: each entry listed under its first
    word, longest phrase first.

    >>> event_frame()["besiege"][0][1].cls, event_frame()["expulsion"][0][1].patient
    ('attack', -0.6)
    """
    frame: dict = {}
    for row in resources.read_data_csv("events.csv").to_dict("records"):
        event = Event(row["term"], row["class"], row["form"], float(row["patient"]),
                      float(row["agent"]), row["reason"])
        parts = tuple(event.term.split())
        frame.setdefault(parts[0], []).append((parts, event))
    for options in frame.values():
        options.sort(key=lambda option: -len(option[0]))
    return frame


@functools.lru_cache(maxsize=65536)
def _event_lemmas(word: str) -> tuple[str, ...]:
    irregular = EVENT_IRREGULAR.get(word)
    return _lemmas(word) + ((irregular,) if irregular else ())


def _event_options(frame, norm: str) -> tuple:
    """The event words and phrases a token's normal form may open, as (parts, the entries
    listed under those parts), in the order :func:`_event_hits` tries them."""
    return tuple((parts, tuple(e for p, e in frame[lemma] if p == parts))
                 for lemma in _event_lemmas(norm) for parts, _ in frame.get(lemma, ()))


def _event_hits(sent: _Sentence) -> tuple:
    """(first token, last token, the entries that match there) of each event word or phrase
    in the sentence, longest first, kept with its target-free analysis."""
    frame = event_frame()
    kept = sent.words.by_lexicon.get(id(frame)) if sent.words is not None else None
    if kept is not None and kept[0] is frame:
        return kept[1]
    hits, i = [], 0
    memo = _norm_memo("events", frame)
    while i < len(sent.tokens):
        found = None
        if sent.word_pos[i] >= 0:
            norm = sent.tokens[i][1]
            options = memo.get(norm)
            if options is None:
                options = memo[norm] = _event_options(frame, norm)
            for parts, entries in options:
                last = i + len(parts) - 1
                if last < len(sent.tokens) and all(
                    parts[k] in _event_lemmas(sent.tokens[i + k][1])
                    for k in range(1, len(parts))
                ) and (found is None or last > found[1]):
                    found = (i, last, entries)
        if found is None:
            i += 1
            continue
        hits.append(found)
        i = found[1] + 1
    hits = tuple(hits)
    if sent.words is not None:
        sent.words.by_lexicon[id(frame)] = (frame, hits)
    return hits


def _target_end(sent: _Sentence, t: int) -> int:
    while t + 1 in sent.targets:
        t += 1
    return t


def _patient_phrase(sent: _Sentence, t: int, cls: str) -> tuple[int, str] | None:
    """Where target token t (the first of its run) heads a patient or owns one: (the last
    token of the patient phrase, the asset named, '' for the target itself), or None."""
    u = _target_end(sent, t)
    norm = sent.tokens[u][1]
    if norm.endswith(("'s", "-led")):  # "Washington's request", "the U.S.-led mission"
        k = u + 1
        if k >= len(sent.tokens) or sent.word_pos[k] < 0 or _is_boundary(sent.tokens[k][1]):
            return None
        if sent.tokens[k][0][:1].isupper():
            return None  # "Countering America's Adversaries": a title, not an event
        nxt = sent.tokens[k + 1][1] if k + 1 < len(sent.tokens) else ""
        if nxt in EVENT_ASSETS | EVENT_INITIATIVES:  # "the U.S.-led naval mission"
            k += 1
        return k, sent.tokens[k][0]
    k = u + 1
    if k >= len(sent.tokens) or sent.word_pos[k] < 0 or sent.tokens[k][1] in EVENT_HEAD_ENDS:
        return u, ""
    owned = EVENT_GOODS if cls == "commerce" else (
        EVENT_ASSETS | EVENT_INITIATIVES if cls in WILL_CLASSES else EVENT_ASSETS)
    for j in range(k, min(len(sent.tokens), k + 2)):  # "U.S. military bases"
        if sent.word_pos[j] < 0 or sent.tokens[j][0][:1].isupper():
            return None  # another name ("the U.S. National Guard"): not a plain asset
        if any(w in owned for w in _lemmas(sent.tokens[j][1])):
            if j + 1 < len(sent.tokens) and sent.tokens[j + 1][1] in {"compound", "personnel"}:
                j += 1
            return j, sent.tokens[j][0]
    return None


def _event_before(sent: _Sentence, last: int, t: int) -> bool:
    """Whether only articles, numbers and a patient's prepositions stand between an event
    word ending at ``last`` and target token t ("besieged the U.S. embassy", "the expulsion
    of U.S. forces", "attacks on two U.S. bases", "a convoy of"), at most PATIENT_WINDOW
    words."""
    words = 0
    for j in range(last + 1, t):
        norm = sent.tokens[j][1]
        if sent.word_pos[j] < 0:
            return False
        words += 1
        if norm in EVENT_LINKS or norm.isdigit():
            continue
        if norm in EVENT_ASSETS and sent.tokens[j + 1][1] == "of":  # "a convoy of U.S. troops"
            continue
        return False
    return words <= PATIENT_WINDOW


def _passive_after(sent: _Sentence, end: int, i: int, last: int) -> bool:
    """Whether the verb at tokens i..last is a passive said of the patient phrase ending at
    token ``end`` ("U.S. forces were attacked", "the U.S. embassy in Baghdad was stormed",
    "U.S. troops came under attack", "U.S. advisers targeted by the militia"): only
    auxiliaries and adverbs between, and an aside "in <Place>"; with none, a participle
    with its agent after "by"."""
    aux = under = False
    j = end + 1
    if j < i and sent.tokens[j][1] in {"in", "at", "near"}:
        j += 1
        while j < i and sent.tokens[j][0][:1].isupper():
            j += 1
    for k in range(j, i):
        norm = sent.tokens[k][1]
        if norm in UNDER:
            under = under or norm == "under"
            continue
        if norm not in PASSIVE_AUX:
            return False
        aux = aux or norm in PASSIVE_BE  # "have welcomed" is active
    if under:
        return True
    norm = sent.tokens[i][1]
    participle = norm.endswith(("ed", "en")) or norm in EVENT_IRREGULAR
    by = j == i and last + 1 < len(sent.tokens) and sent.tokens[last + 1][1] == "by"
    return participle and (aux or by)


def _event_cues(sent: _Sentence, taken: set) -> list[Cue]:
    """Events that the target, or one of its assets, undergoes, as cues of scope 'event':
    the event before its patient ("militias besieged the U.S. embassy", "the expulsion of
    U.S. forces", "urged Washington to reconsider") or after it in the passive ("the U.S.
    embassy was stormed", "U.S. troops came under attack")."""
    cues = []
    hits = _event_hits(sent)
    if not hits:
        return cues
    starts = [t for t in sent.targets if t - 1 not in sent.targets]
    for first, last, events in hits:
        if taken.intersection(range(first, last + 1)) or set(sent.targets).intersection(
                range(first, last + 1)):
            continue
        if first > 0 and sent.tokens[first][0][:1].isupper():
            continue  # a word of a title ("the Countering ... Act"), not an event
        if _negator_before(sent, first):
            continue  # no event happened ("did not cut ties with"): the lexicon's reading
        if _particle_back(sent, first):
            continue  # "set back Washington's effort": a phrasal verb, not support
        for t in starts:
            if t > last and _event_before(sent, last, t):
                event = events[0]
            elif t < first:
                event = next((e for e in events if e.form == "verb"), None)
                if event is None:
                    under = first > 0 and sent.tokens[first - 1][1] == "under"
                    event = events[0] if under else None
            else:
                continue
            if event is None:
                continue
            phrase = _patient_phrase(sent, t, event.cls)
            if phrase is None:
                continue
            end, asset = phrase
            if t < first and (end >= first or not _passive_after(sent, end, first, last)):
                continue
            if not event.patient:
                continue
            whose = f"the target's {asset}" if asset else "the target"
            entry = Entry(event.term, event.patient, "event",
                          f"{event.cls} on {whose}", "event")
            text = " ".join(tok[0] for tok in sent.tokens[first : last + 1])
            negator = _negated_object(sent, first)  # NEGATED OBJECT: no such event
            cues.append(Cue(entry, text, first, last, event.patient * (N_SCALAR if negator else 1),
                            negated_by=negator))
            break
    return cues


# Verbs that take "back" as their particle ("set back", "roll back", "push back"): there
# "back" is no verb of support.
BACK_PARTICLE_VERBS = _wordset(
    "set sets setting push pushes pushed pushing roll rolls rolled rolling scale scales scaled"
    " scaling cut cuts cutting pull pulls pulled pulling hold holds held holding bring brings"
    " brought bringing fall falls fell fallen falling come comes came coming go goes went"
    " going turn turns turned turning step steps stepped stepping draw draws drew drawn"
    " drawing beat beats beaten beating fight fights fought fighting hit hits hitting win wins"
    " won winning give gives gave given giving take takes took taken taking put puts putting")


def _particle_back(sent: _Sentence, first: int) -> bool:
    """Whether the word at ``first`` is the particle "back" of a phrasal verb."""
    return (sent.tokens[first][1] == "back" and first > 0
            and sent.tokens[first - 1][1] in BACK_PARTICLE_VERBS)


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
                # a negator that ends its phrase ("cannot do without and struggles")
                # does not reach past the conjunction after it
                return "" if sent.tokens[j + 1][1] in CONJUNCTIONS else norm
        j -= 1
    return ""


CONJUNCTIONS = _wordset("and or nor")
# NEGATED OBJECT: a negated verb's object noun phrase is in the negation's scope however
# long its modifiers ("does not mark a Saudi turn away from", "no longer buys exclusive
# diplomatic loyalty"); a preposition, a conjunction, a clause word or "to" ends the phrase.
OBJECT_SCOPE_WORDS = 5  # the most words from the negator to the object's head
PHRASE_BREAKS = _wordset(
    "of for with against at in on by from about over toward towards into between among than "
    "as that to and or nor but because if when where while although though whether")
# Negators of a verb; "no" only in "no longer" ("no government has an incentive to ...":
# there it is its noun's determiner).
VERB_NEGATORS = _wordset("not never cannot dont doesnt didnt wont wouldnt")


def _negated_object(sent: _Sentence, i: int) -> str:
    """The negator of the verb whose object noun phrase token i heads (NEGATED OBJECT),
    past the reach of :func:`_negator_before`: "not <verb> <its object's words> <i>"."""
    words, j = 0, i - 1
    while j >= 0 and words < OBJECT_SCOPE_WORDS:
        norm = sent.tokens[j][1]
        if _is_boundary(norm) or sent.word_pos[j] < 0:
            return ""
        if norm in VERB_NEGATORS or norm.endswith("n't") or (
                norm == "no" and sent.tokens[j + 1][1] == "longer"):
            return norm if i - j > NEGATION_WINDOW else ""  # nearer: _negator_before's
        if norm in PHRASE_BREAKS or norm in CLAUSE_WORDS:
            return ""
        words += 1
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


# DENIED TIE: a tie of opposition ('against', 'instead of', 'at odds with': the scope
# 'object_negator') or of reliance ('rely on', 'depend on') to the target that the sentence
# denies says the tie is absent, not that its opposite holds: "adopted no measures against
# American interests" is no friendship, "the European regime does not depend on U.S. law" no
# slight. Such a word counts for nothing (a negator reverses other words: "not helpful").
DENIED_TIES = frozenset({"object_negator", "rely on", "depend on"})


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
        negator = "" if cue.negated_by else (
            _negator_before(sent, cue.first) or _negated_object(sent, cue.first))
        if negator and (cue.entry.scope in DENIED_TIES or cue.entry.term in DENIED_TIES):
            continue  # DENIED TIE: no tie said, neither its opposite
        if negator:
            valence *= N_SCALAR
        out.append(_cue_with(cue, valence=valence, negated_by=negator or cue.negated_by))
    for k, cue in enumerate(out):
        if cue.entry.scope not in REVERSING or cue.negated_by or _ends_nothing(sent, cue):
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
                out[m] = _cue_with(other, valence=other.valence * N_SCALAR, negated_by=cue.text)
    return out


def _ends_nothing(sent: _Sentence, cue: Cue) -> bool:
    """NO OBJECT: a one-word verb that reverses what it takes ("end the abuses", "prevent
    attacks") reverses nothing where it is a noun after a determiner ("before the end of the
    year"; not a verb's noun in -ing, "the lifting of sanctions") or takes no object, a
    preposition or the clause's end following it ("talks ended without progress")."""
    if cue.entry.scope != "negator" or " " in cue.entry.term:
        return False
    before = sent.tokens[cue.first - 1][1] if cue.first > 0 else ""
    after = sent.tokens[cue.last + 1][1] if cue.last + 1 < len(sent.tokens) else "."
    noun = before in DETERMINERS and not sent.tokens[cue.first][1].endswith("ing")
    return noun or after in NO_OBJECT or _is_boundary(after)


NO_OBJECT = _wordset(
    "without with in on at after before by for from into over under during since until "
    "when while as abruptly early"
)


# --- linking each word to the target -----------------------------------------------------


class _Contrast(NamedTuple):
    """A sentence's contrast: each token's side ('before', 'after' or ''), the kind
    ('contrast', 'concessive' or ''), the marker's index, and whether the clause after
    "but" lacks its own subject ("X helped but later undermined them")."""

    sides: list
    kind: str = ""
    marker: int = -1
    elided: bool = False


_NO_CONTRAST = _Contrast([])


def _contrast(sent: _Sentence) -> _Contrast:
    """The sentence's contrast (:class:`_Contrast`), whatever the target."""
    return sent.words.contrast if sent.words is not None else _find_contrast(sent)


def _find_contrast(sent: _Sentence) -> _Contrast:
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
        start = _correction_start(sent, m)
        sides = ["before" if start <= i < m else "after" if i > m else "" for i in range(n)]
        return _Contrast(sides, "contrast", m, _lacks_subject(sent, m))
    conc = next((i for i, tok in enumerate(sent.tokens) if tok[1] in CONCESSIVES), None)
    if conc is None:
        return _Contrast([""] * n)
    end = n - 1
    if sent.word_pos[conc] == 0:
        end = next((j for j in range(conc, n) if sent.tokens[j][1] in {",", ";"}), n - 1)
    return _Contrast(["before" if conc <= i <= end else "after" for i in range(n)], "concessive")


CORRECTION_WINDOW = 10  # words from the "not" to the "but" of a correction


def _correction_start(sent: _Sentence, marker: int) -> int:
    """Where the words that yield to the contrast word at ``marker`` start: at the "not"
    of a correction ("worked with others not to punish wealth, but to prevent crises":
    only "not to punish wealth" yields to what follows, not the words before it), else 0."""
    after = [tok[1] for tok in sent.tokens[marker + 1:marker + 4]
             if tok[1] not in {",", "rather", "instead"}]
    if after[:1] != ["to"]:
        return 0
    for j in range(marker - 1, max(-1, marker - CORRECTION_WINDOW - 1), -1):
        norm = sent.tokens[j][1]
        if norm == "not":
            return j
        if norm in STRONG_PUNCT or norm in CLAUSE_WORDS:
            return 0
    return 0


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
        if norm in COPULAS and _progressive(sent, j, first):
            continue  # "the U.S. Army is improving ...": its act, not said of it
        if _is_boundary(norm) or norm in COPULAS or norm in AGENT_BREAKS:
            return False
        words += sent.word_pos[j] >= 0
    return words <= AGENT_WINDOW


def _progressive(sent: _Sentence, j: int, first: int) -> bool:
    """Whether the copula at token j is the auxiliary of the verb's -ing form at ``first``
    ("is improving", "are still seeking"), with only adverbs between."""
    if not sent.tokens[first][1].endswith("ing"):
        return False
    return all(sent.tokens[k][1] in CLAUSE_ADVERBS or sent.tokens[k][1].endswith("ly")
               for k in range(j + 1, first))


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
    cue acts on it, is said of it after a copula or as what it has ("America's strength"),
    or follows an opening "For X,"), or
    'loose' (the cue merely shares its sentence)."""
    if 0 <= frame < cue.first:
        return ""
    if cue.first > t:
        if _possessed_quality(sent, t, cue):
            return ""
        if _is_agent(sent, t, cue.first, contrast):
            return "agent"
        return "" if _is_predicate(sent, t, cue.first) else "loose"
    return "" if _is_patient(sent, cue.last, t) else "loose"


def _possessed_quality(sent: _Sentence, t: int, cue: Cue) -> bool:
    """Whether the cue names what the possessive target t has ("America's strength",
    "Washington's greatest asset", "the source of America's prosperity"): a quality said of
    it, not its act, with at most one word between."""
    if not sent.tokens[t][1].endswith("'s"):
        return False
    gap = range(t + 1, cue.first)
    return len(gap) <= 1 and all(sent.word_pos[j] >= 0 for j in gap)


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
    if ok and sent.tokens[k + 1][1] in RELATIVES:
        # "For Washington, which had pressed for access, the deal is a gain": the relative
        # clause is about X too; the frame closes at the comma after it
        j = k + 2
        while j < len(sent.tokens) and sent.tokens[j][1] != "," and (
                sent.tokens[j][1] not in STRONG_PUNCT):
            j += 1
        ok = j + 1 < len(sent.tokens) and sent.tokens[j][1] == "," and sent.word_pos[j + 1] >= 0
        k = j
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
    if sent.words is not None:
        verbs = sent.words.reporting
    else:
        verbs = [v for v, tok in enumerate(sent.tokens)
                 if REPORTING_VERBS.intersection(_lemmas(tok[1]))]
    for v in verbs:
        if v in sent.targets:
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


def _roles(sent: _Sentence, views, speakers: frozenset = frozenset()) -> _Roles:
    """The target's own views (its words name the holder, or the holder speaks for one of
    ``speakers``: "Secretary of State Rex Tillerson said the United States ...") and the
    views held of it by others. Worked out once per parse, views and speakers (the cues'
    attachment and the model's features both ask)."""
    kept = sent.memo.get(("roles", speakers))
    if kept is not None and kept[0] is views:
        return kept[1]
    roles = sent.memo[("roles", speakers)] = (views, _find_roles(sent, views, speakers))
    return roles[1]


def _find_roles(sent: _Sentence, views, speakers: frozenset) -> _Roles:
    spans = [(sent.tokens[t][2], sent.tokens[t][3]) for t in sent.targets]
    own = frozenset(
        k
        for k, v in enumerate(views)
        if (v.holder_span[0] >= 0 and any(_overlaps(a, b, v.holder_span) for a, b in spans))
        or (_speaks_for(v, speakers) and any(_overlaps(a, b, v.content_span) for a, b in spans))
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
    ("Critics in Congress argue ...": the words describe the holder). The object a verb
    stirs ("reassures its partners", :func:`_undergoes`) stays part of the subject's act."""
    spans = (v.holder_span for k, v in enumerate(views) if k not in roles.own
             and not _undergoes(v))
    return _in_span(sent, cue, spans)


def _in_own_view(sent: _Sentence, cue: Cue, views, roles: _Roles) -> bool:
    """Whether the cue stands in the content of a view the target holds (not one of its
    aims or acts: "Russia seeks hegemony" describes Russia's conduct, not what it says)."""
    spans = (views[k].content_span for k in roles.own if views[k].cue not in AIMS | ACTS)
    return _in_span(sent, cue, spans)


def _in_sibling_view(sent: _Sentence, cue: Cue, views, roles: _Roles) -> bool:
    """SIBLING VIEW: where the target stands in the content of a view held of it, a cue that
    is the cue of, or stands in the content of, another view whose content does not hold the
    target is that view's matter, not the target's: "Saudi officials deny that any such
    understanding was reached, and they insist that the partnership with Washington remains
    strategic" (the denial is of the understanding), "Zelensky said Putin's regime was weak
    and urged partners, above all the United States, to ..." (the weakness is Putin's)."""
    if not roles.of_target:
        return False
    spans = [(sent.tokens[t][2], sent.tokens[t][3]) for t in sent.targets]
    for k, v in enumerate(views):
        if k in roles.own or k in roles.of_target or not v.rejects:
            continue
        if any(_overlaps(a, b, v.content_span) for a, b in spans):
            continue
        if cue.view == k or _in_span(sent, cue, (v.content_span,)):
            return True
    return False


def _attach(sent: _Sentence, cues: list[Cue], views, speakers: frozenset = frozenset()
            ) -> list[Cue]:
    """Give each cue its links to the target tokens, its quotation and speech status, and
    its place in the views the sentence reports (``speakers``: see :func:`_roles`)."""
    contrast = _contrast(sent)
    verb, said = _speech(sent)
    roles = _roles(sent, views, speakers)
    objects = {
        j
        for c in cues
        if c.entry.scope in OBJECT_SCOPES
        for j in range(c.first, c.last + 1)
    }
    target_quotes = frozenset().union(*(sent.quoted[t] for t in sent.targets))
    out = []
    for cue in cues:
        if cue.links:
            out.append(cue)
            continue
        if cue.entry.scope == "outcome":
            link = min((_link(sent, cue, t, contrast) for t in sent.targets),
                       key=lambda lk: lk.distance)
            links = (link._replace(distance=1, weak=0, strong=0, role="outcome"),)
            # counted in full even in the target's own words: a sentence in which the
            # target says something is good or bad for it says so of it ("U.S. officials
            # describe ..., and the operation serves U.S. interests")
            out.append(_cue_with(cue, links=links, relation=f"outcome: {cue.entry.reason}"))
            continue
        if cue.entry.scope == "event":  # what the target or its asset undergoes (EVENTS)
            link = min((_link(sent, cue, t, contrast) for t in sent.targets),
                       key=lambda lk: lk.distance)
            # an event that is the cue of another's view of the target ("Peru praised
            # Chile", "the envoy urged Washington to ...") is that holder's attitude: held;
            # else it counts in full, as an outcome does
            held = cue.view in roles.of_target
            links = (link._replace(distance=1, weak=0, strong=0,
                                   role="held" if held else "outcome"),)
            out.append(_cue_with(cue, links=links, relation=f"event: {cue.entry.reason}",
                                 held=held))
            continue
        if cue.entry.scope in OBJECT_SCOPES:
            links = _object_link(sent, cue, objects - set(range(cue.first, cue.last + 1)))
            relation = f"object of '{cue.text.lower()}'" if links else ""
            if not links and cue.entry.scope == "mutual":  # "Washington worked with ..."
                links = tuple(lk for lk in (_link(sent, cue, t, contrast) for t in sent.targets)
                              if lk.role == "agent")
        else:
            links = tuple(_link(sent, cue, t, contrast) for t in sent.targets)
            relation = ""
            if cue.entry.scope == "own":  # "the United States cannot solve ...": its own
                links = tuple(lk for lk in links if lk.role == "agent")
        if cue.entry.scope == "relation" and cue.valence < 0 and _owned_by_target(sent, cue):
            continue  # "U.S. adversaries": the target's foes named, no hostility said of it
        if cue.entry.scope == "measure":  # "U.S. sanctions", "Washington added sanctions"
            if _owned_by_target(sent, cue) or _laid_by_target(sent, cue):
                continue
            links = tuple(lk for lk in links if lk.role != "agent")
        holds = cue.view in roles.own
        held = cue.view in roles.of_target
        cast = "" if holds or held else _cast_as(sent, cue, views, roles)
        if cast:  # CAST: "Seoul called the U.S. decision a welcome step"
            held, relation = True, f"a view held of the target: cast as it ('{cast}')"
        if cue.entry.scope == "portrayal" and not (held and _casts_as(sent, cue, cues)):
            continue  # "describes the talks" or the target's own: no portrayal of it
        if not (holds or held) and (
            (cue.view >= 0 and views[cue.view].holder not in roles.holders)
            or _in_holder(sent, cue, views, roles)
        ):  # the attitude of one with no view of the target; words naming another holder
            continue
        if not (holds or held) and _in_sibling_view(sent, cue, views, roles):
            continue  # SIBLING VIEW: what another view of the holder says of something else
        if held:  # the cue governs the view's content, wherever the target stands in it
            links = tuple(lk._replace(distance=1, weak=0, strong=0, role="held") for lk in links)
        elif (
            cue.view >= 0  # a view's cue is its holder's attitude, not the target's act
            or cue.entry.scope == "relation"  # "U.S. allies": the target's tie, not its act
            or _in_span(sent, cue, (views[k].content_span for k in roles.of_target))
        ):  # others' account of the target's acts is their view of it
            links = tuple(lk._replace(role="") for lk in links)
        if not held and cue.view < 0 and _is_label(cue):  # "U.S. strikes on terrorists"
            links = tuple(lk for lk in links if lk.role not in ("loose", "agent"))
        if not held and _owned_by_other(sent, cue):  # "the mirror image of Tehran's hostility"
            links = tuple(lk._replace(role="loose") if lk.role in ("", "agent") else lk
                          for lk in links)
        quoted = bool(sent.quoted[cue.first] - target_quotes)
        reported = (said == "after" and cue.first > verb) or (said == "before" and cue.last < verb)
        reported = reported or (not holds and _in_own_view(sent, cue, views, roles))
        reported = reported and not cast  # CAST: the verdict is the holder's, not the target's
        if reported and cue.entry.scope == "relation" and cue.valence < 0:
            continue  # "U.S. officials fear adversaries ...": the target's foes it names
        if links:
            out.append(
                _cue_with(
                    cue,
                    links=links,
                    quoted=quoted,
                    reported=reported,
                    relation=relation,
                    holds=holds,
                    held=held,
                )
            )
    provided = _law_predicates(sent)
    if provided:  # what a text of law provides is described, not judged
        out = [c for c in out if c.held or c.view >= 0 or c.entry.scope == "outcome"
               or not any(a <= c.first < b for a, b in provided)]
    return [_cue_with(c, hypothetical=True)
            if c.view < 0 and (_asks(sent, c.first) or _purpose(sent, c, views)) else c
            for c in out]


# CAST: a view that casts the target, or something of it, as something ("Seoul called the
# U.S. decision a welcome step", "Polish officials view the U.S. deployment as a welcome
# step", "French officials regard the United States as an indispensable supplier", "Moscow
# describes the U.S. deployment as a provocation"): the verb is no attitude, but the words
# of what the target is cast as are the holder's verdict on it, a view held of it, however
# far from the target they stand. A portrayal's own cue ("describe", "portray") counts
# beside them only where they hold no good word (:func:`_casts_as`).
CASTING = _wordset(
    """regard view see consider call describe deem judge treat portray depict paint cast
    present characterize characterise frame label brand dub"""
)
BARE_CASTING = _wordset("call consider deem judge label brand dub")  # no "as": "called it a"
CAST_WINDOW = 8  # words from the target to what it is cast as


def _cast_as(sent: _Sentence, cue: Cue, views, roles: _Roles) -> str:
    """The cue of a view held of the target that casts it as what this word says (CAST),
    or '': the word stands after a mention of the target in the view's object, within
    CAST_WINDOW words, in its phrase (no comma, clause word or relative between), after
    "as" (or straight after the object of "call", "consider", ...: BARE_CASTING)."""
    if cue.view >= 0 or not cue.valence:
        return ""
    a, b = sent.tokens[cue.first][2], sent.tokens[cue.last][3]
    for k in sorted(roles.of_target):
        view = views[k]
        verb = CASTING.intersection(_lemmas(view.cue))
        start, end = view.content_span
        if not verb or not (start <= a and b <= end) or _calls_for(sent, view):
            continue
        for t in sent.targets:
            if t >= cue.first or not _overlaps(sent.tokens[t][2], sent.tokens[t][3],
                                                view.content_span):
                continue
            between = [sent.tokens[j][1] for j in range(t + 1, cue.first)]
            if any(_is_boundary(n) or n in RELATIVES or n == "that" for n in between):
                continue
            if sent.word_pos[cue.first] - sent.word_pos[t] > CAST_WINDOW:
                continue
            if "as" in between or verb & BARE_CASTING:
                return min(verb)
    return ""


def _calls_for(sent: _Sentence, view: View) -> bool:
    """Whether the view's cue is "call for" or "call on" (a demand, not a casting)."""
    after = [j for j, tok in enumerate(sent.tokens) if tok[2] >= view.cue_span[1]]
    return bool(after) and sent.tokens[after[0]][1] in {"for", "on", "upon"}


# SPEAKER: what the target says is its own view (data/annotations/README.md, the target as
# speaker: neutral unless the sentence says what it means for the target). Where the target
# speaks and is also named in what it says, as its subject (:func:`_speaks_of_itself`), a
# word in its words with no tie to it ("the United States would rather have no agreement than a bad
# one", "U.S. officials regarded the vote as provocative", "argue that an imperfect
# arrangement is better than none") judges a third thing: the brief model counts it as the
# target's own view ("own_view"), as it does the cue of that view, not as "said". A word
# acting on the target or said of it ("the harassment of U.S. diplomats"), its own act
# ("U.S. advisers unable to reach ...": what it can do) and a change to its stakes (outcome
# words) still say what the matter means for it; quoted speech it stands outside of is
# another's. The rules keep weighing such words at ``reported``.
SPEAKER_ROLES = frozenset({"loose"})


def _speaks_of_itself(sent: _Sentence, views, states: frozenset) -> bool:
    """Whether the target is named inside the content of one of its own views ("U.S.
    officials said that the United States would rather ...", "Kerry said that Washington
    regarded ..."): the target speaks and is the subject of what it says (SPEAKER)."""
    roles = _roles(sent, views, states)
    spans = [views[k].content_span for k in roles.own if views[k].cue not in AIMS | ACTS]
    return any(_overlaps(sent.tokens[t][2], sent.tokens[t][3], span)
               for t in sent.targets for span in spans)


def _judges_other(cue: Cue) -> bool:
    """Whether a word in the target's own words has no tie to it (SPEAKER)."""
    return (cue.reported and not cue.quoted
            and all(lk.role in SPEAKER_ROLES for lk in cue.links))


def _casts_as(sent: _Sentence, cue: Cue, cues) -> bool:
    """Whether a portrayal's cue casts the target, or something of it, as something with no
    good word in it ("portray Washington as a latecomer", "present the moves as part of a
    U.S.-Saudi campaign"): "as" follows the cue within PORTRAYAL_WINDOW words, in its
    clause, and the target stands between the cue and the end of the phrase after "as". A
    good word in that phrase ("portrays Washington as its most generous friend") says what
    the framing is: the cue then counts for nothing."""
    for j in range(cue.last + 1, len(sent.tokens)):
        norm = sent.tokens[j][1]
        if norm == "as":
            end = next((k for k in range(j + 1, len(sent.tokens))
                        if _is_boundary(sent.tokens[k][1])), len(sent.tokens))
            praise = any(c.valence > 0 and j < c.first < end for c in cues)
            return not praise and any(cue.last < t < end for t in sent.targets)
        if norm in STRONG_PUNCT or sent.word_pos[j] - sent.word_pos[cue.last] > PORTRAYAL_WINDOW:
            return False
    return False


def _purpose(sent: _Sentence, cue: Cue, views) -> bool:
    """Whether the cue is the verb of a purpose that would help the target ("a program
    intended to ensure U.S. access", "funds to support U.S. exports", "to expand markets
    for U.S. farmers"), the target after it: what something is for is not help given. A
    hostile aim ("a campaign to isolate Washington") is hostility already, and views keep
    their content (what a holder seeks counts)."""
    if cue.valence <= 0 or cue.first < 2 or sent.tokens[cue.first - 1][1] != "to":
        return False
    if _catenative(sent, cue.first - 2):
        return False
    if not any(lk.role in ("", "loose") and lk.target > cue.last for lk in cue.links):
        return False
    return not _in_span(sent, cue, (v.content_span for v in views))


# Verbs and adjectives whose "to" opens what their subject does, not a purpose ("will
# continue to cooperate with the United States", "agreed to work with", "ready to help").
CATENATIVES = _wordset(
    """continue agree decide pledge promise vow commit offer refuse want wish hope plan
    intend try seek aim strive fail manage begin start need expect prepare ready willing
    able eager keen determined likely unlikely go have ought be set stand choose"""
)


def _catenative(sent: _Sentence, i: int) -> bool:
    """Whether token i, just before a "to", takes that "to" as its complement rather than
    a purpose, unless it is a passive participle ("is intended to ensure": a purpose)."""
    norm = sent.tokens[i][1]
    if not CATENATIVES.intersection(_lemmas(norm)):
        return False
    return not (norm.endswith("ed") and i > 0 and sent.tokens[i - 1][1] in COPULAS)


# Pejorative names for an actor ("terrorists", "extremists"): they label whom they name, the
# target's foes where it acts on them ("U.S. strikes on terrorists"), and bear on the target
# only where said of it ("calls Washington a sponsor of terrorism") or held of it.
LABELS_OF_ACTORS = _wordset(
    "terrorist terrorists terrorism extremist extremists militant militants "
    "insurgent insurgents jihadist jihadists dictator dictatorship criminal criminals"
)


def _is_label(cue: Cue) -> bool:
    """Whether the cue is one pejorative name for an actor (LABELS_OF_ACTORS)."""
    return cue.first == cue.last and cue.text.lower() in LABELS_OF_ACTORS


# Verbs by which an actor lays a measure on others ("the sanctions that Washington imposes").
LAYING = _wordset("impose levy place put apply adopt enforce maintain keep extend tighten")


def _laid_by_target(sent: _Sentence, cue: Cue) -> bool:
    """Whether a measure's noun is the object of a relative clause whose subject is the
    target ("the sanctions that the United States and its partners impose on Russia"): the
    target just after it (past "that" or "which" and an article), then a verb of LAYING
    among the next five tokens, in its clause."""
    toks, j = sent.tokens, cue.last + 1
    for skip in (("that", "which"), ("the",)):
        if j < len(toks) and toks[j][1] in skip:
            j += 1
    if j not in sent.targets:
        return False
    while j in sent.targets:
        j += 1
    for k in range(j, min(len(toks), j + 5)):
        if _is_boundary(toks[k][1]):
            return False
        if LAYING.intersection(_lemmas(toks[k][1])):
            return True
    return False


def _owned_by_target(sent: _Sentence, cue: Cue) -> bool:
    """Whether the cue is a noun the target possesses or modifies ("U.S. adversaries",
    "America's rivals", "U.S. regional rivals"): at most one word between them."""
    before = [t for t in sent.targets if t < cue.first]
    if not before:
        return False
    gap = range(max(before) + 1, cue.first)
    return len(gap) <= 1 and all(sent.word_pos[j] >= 0 and not _is_boundary(sent.tokens[j][1])
                                 and sent.tokens[j][1] not in AGENT_BREAKS | DETERMINERS
                                 for j in gap)


SUPPOSING = _wordset("if whether")  # what follows is supposed or asked, not asserted
# A "whether" clause inside a sentence runs on past a comma of its own list or aside ("whether
# Chinese laws, policies and practices ... burden U.S. commerce", "whether the annual level,
# unchanged for decades, still fits U.S. interests"): a comma ends it only before a word that
# opens another clause (", and Washington ...", ", but ...", ", given ...", ", which ...");
# ", and how ..." or ", or whether ..." asks on. An "if" clause, or a "whether" clause that
# opens its sentence or clause ("Whether or not Congress acts, ..."), ends at its comma, where
# the main clause begins.
CLAUSE_AFTER_COMMA = CLAUSE_WORDS | _wordset("and or nor given as after before until then")
ASKING_ON = _wordset("whether if how what which when where why who")


def _supposed(sent: _Sentence, i: int) -> bool:
    """Whether token i stands in a clause opened by "if" or "whether" ("take action if
    imports threaten U.S. security", "whether tariffs violate U.S. obligations"), which
    runs to the next comma or clause mark; a "whether" clause inside the sentence runs on
    past a comma that opens no new clause (see CLAUSE_AFTER_COMMA)."""
    tokens = sent.tokens
    crossed = False
    for j in range(i - 1, -1, -1):
        norm = tokens[j][1]
        if norm in SUPPOSING:
            if not crossed:
                return True
            return norm == "whether" and not _opens_clause(sent, j)
        if norm in STRONG_PUNCT:
            return False
        if norm in WEAK_PUNCT:
            if _comma_opens_clause(sent, j):
                return False
            crossed = True
    return False


def _opens_clause(sent: _Sentence, j: int) -> bool:
    """Whether token j opens its sentence or clause (no word before it, or a clause mark)."""
    before = [k for k in range(j) if sent.word_pos[k] >= 0 or sent.tokens[k][1] in STRONG_PUNCT]
    return not before or sent.tokens[before[-1]][1] in STRONG_PUNCT


def _comma_opens_clause(sent: _Sentence, j: int) -> bool:
    """Whether the comma at j is followed by a word that opens another clause, not by a word
    of the same list or aside; "and how", "or whether" ask on."""
    words = [k for k in range(j + 1, len(sent.tokens)) if sent.word_pos[k] >= 0][:2]
    if not words:
        return True
    first = sent.tokens[words[0]][1]
    if first in ("and", "or") and len(words) > 1 and sent.tokens[words[1]][1] in ASKING_ON:
        return False
    return first in CLAUSE_AFTER_COMMA


# ASKED: a direct question asks; it asserts nothing ("Will U.S. funding match the need?",
# "would that reduce U.S. influence?"): its clause runs back from the "?" to the last clause
# mark before it (";", ":") or the sentence's start ("UN agencies warn that ...; will U.S.
# aid match it?" asks only after the ";"). A research note's agenda for Congress ("Issues for
# Congress include ... risk to U.S. personnel", "At issue for Congress is ...", "... is an
# ongoing issue for Congress") lists what is to be weighed, not what is so: every word of
# its sentence counts as asked. The rules weigh asked words at ``hypothetical`` (none for
# briefs) and the brief model's features leave them out, as they do words that only suppose.
QUESTION_MARK = "?"
QUESTION_BREAKS = frozenset(";:")
_AGENDA = re.compile(r"\bissues?\s+(?:for|facing|before)\s+(?:the\s+)?Congress\b", re.I)


def _asked(sent: _Sentence, i: int) -> bool:
    """Whether token i stands in a direct question (ASKED)."""
    for j in range(i + 1, len(sent.tokens)):
        norm = sent.tokens[j][1]
        if norm == QUESTION_MARK:
            return True
        if norm in QUESTION_BREAKS:
            return False
    return False


def _asks(sent: _Sentence, i: int) -> bool:
    """Whether token i only supposes or asks: in an "if" or "whether" clause, in a direct
    question, or in a sentence of Congress's agenda (ASKED). Worked out once per parse and
    token (the cues' attachment and the model's features both ask)."""
    found = sent.memo.get(("asks", i))
    if found is None:
        found = sent.memo[("asks", i)] = (
            _supposed(sent, i) or _asked(sent, i) or bool(_AGENDA.search(sent.text)))
    return found


# What a text of law or a measure provides ("Executive Order 13808 bars U.S. persons from
# dealing in new debt", "The Jones Act restricts vessels ... between U.S. ports", "Section
# 122 authorizes the President to impose duties ... to restrict imports"): a text of law is
# no one's view (data/annotations/README.md, provisions of a bill or a law), and what it
# bars, restricts or funds is described, not judged. The words of such a predicate count for
# nothing; what the sentence says is good or bad for the target (outcome words: "would
# damage U.S. exports", "serves U.S. interests") and views still count.
LAW_HEADS = _wordset(
    """act acts law laws order orders section sections title provision provisions statute
    statutes regulation regulations rule rules bill bills program programs fund exception
    measure measures amendment directive proclamation resolution"""
)
PROVIDES = _wordset(
    """authorize require bar ban prohibit restrict narrow change amend add provide fund direct
    impose block suspend stop allow permit exempt establish create extend give grant include
    define apply cover limit mandate waive lift repeal remove expand broaden set cap"""
)
_LAW_SUBJECT_LINKS = _wordset("the a an this that these its new any each every of for and on to")
_LAW_LINK_PREPS = _wordset("of for on to")  # "Section 27 of the Merchant Marine Act": its head
_LAW_ADVERBS = _wordset("also generally additionally further still now thus therefore")
_LAW_AUX = _wordset("would will shall may can could might must does do did has have had not also")
_LAW_CLAUSE_MARKS = frozenset({";", ":"})


def _aside_after(sent: _Sentence, j: int) -> int:
    """Where a parenthesis at token j ("(Section 27 of ..., P.L. 66-261)"), or a comma
    aside opened by a participle (", issued under the ... Act,"), ends; j if none opens."""
    toks = sent.tokens
    if toks[j][1] == "(":
        depth = 0
        for k in range(j, len(toks)):
            depth += toks[k][1] == "("
            depth -= toks[k][1] == ")"
            if depth == 0:
                return k + 1
        return len(toks)
    if toks[j][1] == "," and j + 1 < len(toks) and toks[j + 1][1].endswith("ed"):
        for k in range(j + 1, len(toks)):
            if toks[k][1] == ",":
                return k + 1
            if toks[k][1] in STRONG_PUNCT:
                return j
    return j


def _provision_verb(sent: _Sentence, j: int) -> int:
    """Token j, past auxiliaries and adverbs, if it is a verb of what a text provides
    (PROVIDES), else -1."""
    toks = sent.tokens
    while j < len(toks) and (toks[j][1] in _LAW_AUX or toks[j][1].endswith("ly")):
        j += 1
    return j if j < len(toks) and PROVIDES.intersection(_lemmas(toks[j][1])) else -1


def _law_verb(sent: _Sentence, start: int) -> int:
    """The verb of the clause opening at token ``start`` where its subject is a text of law
    or a measure (its head, before any "of", in LAW_HEADS: "Executive Order 13808 of August
    25", "The Jones Act (...)", "Section 1066 of the FY2025 NDAA") and the verb one of
    PROVIDES; else -1."""
    toks = sent.tokens
    j, head, linked = start, False, False
    while j < len(toks):
        k = _aside_after(sent, j)
        if k != j:
            j = k
            continue
        text, norm = toks[j][0], toks[j][1]
        if sent.word_pos[j] < 0 and norm not in ("-", "."):
            return -1
        if norm in LAW_HEADS and not linked:
            head = True
        elif text[:1].isupper() or text[:1].isdigit() or sent.word_pos[j] < 0:
            pass
        elif norm in _LAW_SUBJECT_LINKS:
            linked = linked or norm in _LAW_LINK_PREPS
        elif not (norm in _LAW_ADVERBS or norm.endswith("ly")):
            return _provision_verb(sent, j) if head and j > start else -1
        j += 1
    return -1


def _law_predicates(sent: _Sentence) -> list[tuple[int, int]]:
    """The token ranges [verb, end) of the clauses (the sentence's, or one after ";" or ":")
    that say what a text of law or a measure provides (:func:`_law_verb`). Such a predicate
    runs to the clause's end, through "but it ..." (the same text), and not past ", and"
    with a new subject ("..., and Moscow responded") or a relative clause whose verb is not
    a provision ("deficiencies that could damage U.S. exports"; "the FSIA, which bars suits"
    goes on)."""
    toks = sent.tokens
    if not any(tok[1] in LAW_HEADS for tok in toks):
        return []
    out = []
    starts = [0] + [i + 1 for i, tok in enumerate(toks) if tok[1] in _LAW_CLAUSE_MARKS]
    for start in starts:
        verb = _law_verb(sent, start)
        if verb < 0:
            continue
        end = verb + 1
        while end < len(toks) and toks[end][1] not in _LAW_CLAUSE_MARKS:
            norm = toks[end][1]
            if norm in ("and", "but") and toks[end - 1][1] == ",":
                if end + 1 >= len(toks) or toks[end + 1][1] not in ("it", "its"):
                    break
            if norm in ("that", "which", "who") and _provision_verb(sent, end + 1) < 0:
                break
            end += 1
        out.append((verb, end))
    return out


def _cues(
    text: str, spans, lexicon=None, views=None, genre: str = "brief",
    speakers: frozenset = frozenset(), turns: bool = True, rules: bool = True,
) -> tuple[_Sentence, list[Cue]]:
    """Parse a sentence and return the cues bearing on the target spans (weights unapplied).

    ``views``: the sentence's reported views (:func:`find_views`), if already known;
    ``speakers``: the states the target speaks for, whose officials' views are its own;
    ``turns``: in briefs, a good word conceded before "but" counts against the target
    (TURN: the rules; the brief model weighs such words by a feature of its own, and the
    target's own speech concedes nothing against itself); ``rules``: the cues are for the
    rules, which in briefs leave out the words inside a view held of the target (HELD).
    """
    sent = _parse(text, spans)
    if not sent.targets:
        raise ValueError(f"no word of the sentence lies in the target span(s) {list(spans)}")
    if any(_in_legal_name(sent, b) for _, b in spans):
        kept = [(a, b) for a, b in spans if not _in_legal_name(sent, b)]
        if not kept:
            return sent, []
        sent = _parse(text, kept)
    lex = _as_lexicon(lexicon, genre)
    views = find_views(text) if views is None else views
    cues = _modify(sent, _find_cues(sent, lex, views, brief=genre == "brief"), views)
    cues = _appeals(sent, cues)
    cues = _attach(sent, cues, views, speakers)
    if turns and rules and genre == "brief" and _turns(sent):
        cues = [_cue_with(c, valence=-c.valence) if _turned(c) else c for c in cues]
    if rules and genre == "brief":
        cues = _held_alone(sent, cues, views)
    return sent, cues


APPEAL_REACH = 10  # tokens from an appeal's verb to the "to" of the act it asks for


def _appeals(sent: _Sentence, cues: list[Cue]) -> list[Cue]:
    """APPEAL: "urged/pressed <the target> to <act>" lays pressure on the target unless the
    act asked for is good by its own verb, with nothing bad said in it ("urged the United
    States to help restore constitutional order", "press Washington to restore traffic"):
    then the holder turns to the target for help, which is reliance on it. A hostile
    request ("to stop arming the island", "to reconsider", "not to obstruct") or one on the
    manner of the target's act ("to respond with restraint", "to think carefully before
    acting rashly") stays pressure."""
    out = list(cues)
    for k, cue in enumerate(cues):
        if cue.entry.scope != "event" or not cue.entry.reason.startswith("pressure") \
                or cue.valence >= 0:
            continue
        to = next((j for j in range(cue.last + 1, min(len(sent.tokens), cue.last + APPEAL_REACH))
                   if sent.tokens[j][1] == "to" and any(cue.last < t < j for t in sent.targets)),
                  None)
        if to is None or any(cue.last < j < to and sent.tokens[j][1] in NEGATORS
                             for j in range(cue.last + 1, to)):
            continue
        end = _clause_end(sent, to)
        asked = [c for c in cues if to < c.first <= end and c.entry.scope != "event"]
        if not any(c.first == to + 1 for c in asked) or any(
                c.valence <= 0 or c.negated_by for c in asked):
            continue  # the act asked for, its verb just after "to", good and nothing bad
        entry = replace(cue.entry, valence=-cue.entry.valence,
                        reason="appeal to the target for help")
        out[k] = _cue_with(cue, entry=entry, valence=-cue.valence)
    return out


def _held_alone(sent: _Sentence, cues: list[Cue], views) -> list[Cue]:
    """HELD (the rules, briefs): where a view held of the target bears on it ("Ankara
    resents American air support for the YPG", "Others questioned whether FARC leaders
    indicted in the United States will escape extradition"), its cue carries the holder's
    attitude, and the words of its content are the holder's account of the matter, not a
    second judgment: its words with no tie of their own to the target count for nothing
    (the brief model weighs the held view by a feature of its own). Cues of views, and
    words tied to the target (its act, acting on it, an outcome for it), stay."""
    spans = [views[c.view].content_span for c in cues if c.held and c.view >= 0]
    if not spans:
        return cues
    return [c for c in cues if c.held or c.view >= 0 or not _loose(c) or not any(
        a <= sent.tokens[c.first][2] and sent.tokens[c.last][3] <= b for a, b in spans)]


HELD_NEAR = 2  # words from the target within which a word is tied to it ("harsh U.S. tariffs")


def _loose(cue: Cue) -> bool:
    """A word with no tie of its own to the target: not an outcome for it, not its own act,
    not standing next to it (within HELD_NEAR words: "harsh U.S. tariffs", "American help")."""
    return cue.entry.scope not in ("outcome", "event") and all(
        link.role in ("", "loose") and link.distance > HELD_NEAR for link in cue.links)


def _turns(sent: _Sentence) -> bool:
    """Whether the sentence concedes a good before "but" to limit it (TURN): its contrast is
    a "but", not an "although", and what follows "but" asserts a limit, not an open
    question ("..., but whether it lasts is another question" leaves the good standing)."""
    contrast = _contrast(sent)
    if contrast.kind != "contrast":
        return False
    after = [k for k in range(contrast.marker + 1, len(sent.tokens)) if sent.word_pos[k] >= 0]
    return not (after and sent.tokens[after[0]][1] in SUPPOSING)


def _turned(cue: Cue) -> bool:
    """A good word that stands, for every mention, in the clause before "but", and is not
    the target's own act or view (its stance, as in a main clause): TURN."""
    return (cue.valence > 0 and not cue.holds and bool(cue.links)
            and all(link.side in _YIELDING_SIDES and link.role != "agent"
                    for link in cue.links))


# Heads of the names of courts, codes of law and commissions ("the U.S. Court of Appeals
# for the Federal Circuit", "the U.S. Code", "the U.S. Election Assistance Commission"):
# a target that only opens such a name is named, not judged (real-text labels: neutral).
LEGAL_NAME_HEADS = _wordset("court code commission")
NAME_LINKS = _wordset("of for the and on")
NAME_WINDOW = 8  # words of a name after the target


def _in_legal_name(sent: _Sentence, end: int) -> bool:
    """Whether the target span ending at character ``end`` opens the name of a court, a
    code or a commission: capitalised words (and "of", "for", "the") up to its head."""
    i = bisect.bisect_left(sent.words.starts, end) if sent.words else len(sent.tokens)
    for j in range(i, min(len(sent.tokens), i + NAME_WINDOW)):
        tok, norm = sent.tokens[j][0], sent.tokens[j][1]
        if not tok[:1].isupper():
            if norm in NAME_LINKS and j > i:
                continue
            return False
        if norm in LEGAL_NAME_HEADS:
            return True
    return False


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
    if source == "event":
        weight *= params.event
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
        weight *= params.hypothetical if cue.hypothetical else 1.0
        out.append((cue, link, cue.valence * weight))
    if (params.before_but < params.yielding
            and any(link.side == "before_but" for _, link, _ in out)
            and not any(link.side == "after_but" and value for _, link, value in out)):
        # the clause after "but" says nothing of the target: the one before it stands
        return _contributions(cues, replace(params, before_but=params.yielding))
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


def label_of(score: float, *, params: Params | None = None, genre: str = "brief",
             method: str | None = None) -> str:
    """'positive', 'negative' or 'neutral' by the genre's thresholds (or ``params``'): the
    brief model's (:class:`ToneModel`) for the model method, the rules' otherwise.

    >>> label_of(0.9), label_of(-0.01)
    ('positive', 'neutral')
    """
    if _method_for(genre, method, params) == "model":
        return default_model().label(score)
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
    if cue.hypothetical:
        parts.append("in a clause that supposes or asks")
    return ", ".join(parts)


def _words(n: int) -> str:
    return f"{n} word{'s' if n != 1 else ''}"


def _position(sent: _Sentence, cue: Cue, link: Link) -> str:
    words = _words(link.distance)
    if cue.last < link.target:
        nxt = link.target + 1
        while nxt in sent.targets:  # "the United States ...": past the target's own words
            nxt += 1
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


# --- the brief model: the scorer's features, weighed by a fitted regression ---------------

# In briefs the rules above find the words that bear on the target, but how much each kind
# of word should count (an attitude held of the target, a change to its stakes, its own
# act, a word merely nearby, a clause that yields) is learnt from the development labels:
# a small multinomial logistic regression over these features, one weight per feature and
# label, saved as a readable table (data/tone_model.csv; benchmarks/sentiment_eval.py fits
# it and chooses its regularisation by cross-validation over the development briefs). Each
# word feeds one feature with its valence x distance weight, so a word's contribution to a
# label is that amount times the feature's weight for the label.
FEATURE_KINDS = {
    "held": "the cue of a view someone holds of the target ('blames', 'welcomes')",
    "outcome": "a change to one of the target's stakes ('erodes U.S. influence')",
    "event": "an event the target or its asset undergoes ('besieged the U.S. embassy', "
             "'joined the U.S.-led mission')",
    "relation": "a tie to the target ('ally', 'instead of', 'anti-')",
    "direct": "a word acting on the target or said of it ('pressure on', 'is a threat')",
    "own_act_domain": "the target's own act, a domain word of conduct ('undermined')",
    "own_act": "the target's own act, a general word ('funds', 'supports')",
    "own_view": "the target's own view of something else ('Washington rejects the plan')",
    "said": "in what the target says, or quoted speech it stands outside of",
    "loose": "a word in the sentence with no direct tie to the target",
    "yielding": "a word in the clause that yields (before 'but', inside 'although')",
    "self": "in the target's own speech, a word its speaker says of it ('America is strong')",
    "turn": "a good word in the clause that yields, outside the target's own speech: the "
            "sentence turns from it, a point against the target ('serves U.S. interests, "
            "but ...'); only its negative feature is ever set",
}
SENTENCE_FEATURES = {
    "held_by_other": "the sentence reports someone's view with the target in it",
    "target_speaks": "the target holds a view the sentence reports ('U.S. officials said')",
    "contrast": "the sentence turns on 'but', 'however' or 'yet'",
}
FEATURES = tuple(
    [f"{kind}_{sign}" for kind in FEATURE_KINDS for sign in ("neg", "pos")]
    + list(SENTENCE_FEATURES)
)
BIAS = "(bias)"
# The word stands in the clause that yields: before "but", or inside "although" ("Although
# Iran backed the truce"). A word of the main clause when the target stands inside
# "although" ('concessive_out': "..., the United States undermined it" for Iran) is not in
# the clause that yields: it takes the kind its tie to the target gives it (mostly loose),
# weighed across a clause break as the rules weigh it (_link_weight).
_YIELDING_SIDES = frozenset({"before_but", "yielding"})
# TURN: a good word in the clause that yields ("The port deal serves U.S. interests, but
# the war around it drags on"; "Ties with Washington are warmer than in years, but the
# thaw rests on a single issue") is conceded so that the main clause can limit it: the
# scheme's main clause sets the label, and on the development labels such sentences are
# mostly negative (42 of the 58 rows with such a word, 2 positive). It feeds "turn_neg"
# instead of "yielding_pos", so that the model weighs it as a point against the target. In
# the target's own speech a good word its speaker concedes of it ("The United States is
# ready and able, but ...") is no turn against it (it stays "yielding_pos"), nor is the
# target's own act or view ("Iran praised the accord, but ..."): its stance, not a good
# that befell it, which takes the kind it would take in a main clause (own_view, own_act:
# neutral toward the target). The rules for briefs weigh such a word against the target
# too, where the clause after "but" asserts a limit (:func:`_turns`, :func:`_cues`).
# The distance and punctuation weights of a word (tau, weak, strong, quoted): the rules'
# brief settings.
FEATURE_PARAMS = BRIEF_PARAMS
# In a speech by the target's own state (``speaker``), the speaker's voice is the author's
# (data/annotations/real/README.md), so what it says of its state near the target is its
# own judgment of it ("the greatest force for good", "a compassionate nation"): the words
# of these kinds feed "self" instead. Words with a meaning of their own (a view held of the
# target, a change to its stakes, a tie, a domain word of conduct, a clause that yields)
# keep their kind.
SELF_KINDS = frozenset({"direct", "own_act", "own_view", "said", "loose"})


class FeatureHit(NamedTuple):
    """One feature's value from one word (``cue``) or from the sentence (``cue`` None)."""

    feature: str
    value: float
    cue: Cue | None = None
    link: Link | None = None


def _feature_kind(cue: Cue, link: Link) -> str:
    if link.side in _YIELDING_SIDES:
        return "yielding"
    if cue.entry.scope == "outcome":
        return "outcome"
    if cue.entry.scope == "event":
        return "held" if link.role == "held" else "event"
    if link.role == "held":
        return "held"
    if cue.holds:
        return "own_view"
    if cue.reported or cue.quoted:
        return "said"
    if cue.relation or cue.entry.scope == "relation":
        return "relation"
    if link.role == "agent":
        return "own_act_domain" if cue.entry.source == "briefkit" else "own_act"
    return "loose" if link.role == "loose" else "direct"


def _owned_by_other(sent: _Sentence, cue: Cue) -> bool:
    """Whether another's possessive stands just before the cue ("the mirror image of
    Tehran's hostility"): the word is that actor's, not said of the target."""
    j = cue.first - 1
    return j >= 0 and j not in sent.targets and sent.tokens[j][1].endswith("'s")


def _base_weight(link: Link, params: Params) -> float:
    weight = params.tau / (params.tau + max(link.distance, 1) - 1)
    weight *= params.weak**link.weak * params.strong**link.strong
    return weight * params.strong if link.side == "concessive_out" else weight


def target_features(
    text: str, spans, *, lexicon=None, views=None, genre: str = "brief",
    target: str | None = None, speaker: str = "",
) -> tuple[_Sentence, list[FeatureHit]]:
    """The features of the brief model for a target (spans) in a sentence: each word of the
    lexicon that bears on it, as |valence x distance weight| under its kind and sign
    (``FEATURE_KINDS``), then the sentence's features (``SENTENCE_FEATURES``, 0 or 1).
    ``target``: the actor the spans name (found from the gazetteer when not given), so that
    views held by those who speak for it count as its own. ``speaker``: the state the text
    speaks for in the first person (:func:`speaker_state`); where it is the target's, the
    words of ``SELF_KINDS`` are the speaker's of its own state ("self").

    >>> _, hits = target_features("Putin blamed Washington.", [(13, 23)])
    >>> [(h.feature, round(h.value, 2)) for h in hits if h.value]
    [('held_neg', 0.53), ('held_by_other', 1.0)]
    """
    views = find_views(text) if views is None else views
    states = _target_states(text, tuple(map(tuple, spans)), target)
    sent, cues = _cues(text, spans, lexicon, views, genre, states, turns=False, rules=False)
    params = FEATURE_PARAMS
    own_speech = bool(speaker) and speaker in states
    speaks_of_itself = _speaks_of_itself(sent, views, states)
    hits = []
    for cue in cues:
        link = max(cue.links, key=lambda lk: _base_weight(lk, params))
        value = cue.valence * _base_weight(link, params) * (params.quoted if cue.quoted else 1.0)
        if cue.view < 0 and _asks(sent, cue.first):  # ASKED: as the rules weigh it
            value *= params.hypothetical
        if value:
            sign = "pos" if value > 0 else "neg"
            kind = _feature_kind(cue, link)
            if kind == "said" and speaks_of_itself and _judges_other(cue):
                kind = "own_view"  # SPEAKER
            if kind in {"direct", "relation"} and _owned_by_other(sent, cue):
                kind = "loose"  # another's word or tie: "Tehran's hostility", "Iran's allies"
            if own_speech and kind in SELF_KINDS:
                kind = "self"
            if kind == "yielding" and sign == "pos" and not own_speech:
                if cue.holds or link.role == "agent" or cue.entry.scope == "event":
                    # its own stance, as in a main clause; or an event it underwent, a fact
                    # the clause grants rather than a good it concedes ("while Gulf states
                    # defended the U.S. decision")
                    kind = _feature_kind(cue, link._replace(side=""))
                    value *= params.yielding  # CONCEDED: weighed as the rules weigh it
                else:
                    kind, sign = "turn", "neg"  # TURN: the good conceded, the point is a limit
            hits.append(FeatureHit(f"{kind}_{sign}", abs(value), cue, link))
    roles = _roles(sent, views, states)
    own = {k for k in roles.own if views[k].cue not in AIMS | ACTS}  # "Russia seeks": conduct
    others = set(roles.of_target)
    speaks = bool(own) and not others and all(
        any(_overlaps(sent.tokens[t][2], sent.tokens[t][3], span)
            for k in own for span in (views[k].holder_span, views[k].content_span))
        for t in sent.targets
    )  # every mention in the target's own voice: "Washington trusts them" alone
    hits += [
        FeatureHit("held_by_other", float(bool(others))),
        FeatureHit("target_speaks", float(speaks)),
        FeatureHit("contrast", float(_contrast(sent).kind == "contrast")),
    ]
    return sent, hits


def _speaks_for(view: View, states: frozenset) -> bool:
    """Whether a view's holder speaks for one of these states ("Secretary of State Rex
    Tillerson said ...": the United States speaks)."""
    return bool(states.intersection(view.holder_country.split("|")))


@functools.lru_cache(maxsize=64)
def _actor_states(target: str) -> frozenset:
    from briefkit import actors

    row = actors.resolve_actor(target)
    return frozenset({target} | ({str(row["country"])} if row is not None else set())) - {""}


@functools.lru_cache(maxsize=4096)
def _target_states(text: str, spans: tuple, target: str | None) -> frozenset:
    """The states or bodies the target speaks for: ``target``'s own and its country, else
    those of the gazetteer's mentions at the target's spans."""
    from briefkit import actors

    if target is not None:
        return _actor_states(target)
    found = actors.find_actors(text)
    return frozenset(
        name for m in found if any(_overlaps(a, b, (m.start, m.end)) for a, b in spans)
        for name in (m.actor, m.country or "") if name
    )


def feature_vector(hits) -> np.ndarray:
    """The features of :func:`target_features` as one vector in the order of ``FEATURES``."""
    x = np.zeros(len(FEATURES))
    for hit in hits:
        x[FEATURE_INDEX[hit.feature]] += hit.value
    return x


FEATURE_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True, eq=False)  # compared and hashed by identity (its arrays are not)
class ToneModel:
    """A multinomial logistic regression over ``FEATURES``: ``weights`` (one row per label
    of ``LABELS``, one column per feature), ``bias`` (one per label), and the thresholds
    on its score P(positive) - P(negative): at or above ``pos`` positive, at or below
    ``-neg`` negative, neutral between."""

    weights: np.ndarray
    bias: np.ndarray
    pos: float = 0.0
    neg: float = 0.0
    features: tuple = FEATURES

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """P(label) for each row of ``x`` (or for one vector)."""
        z = np.atleast_2d(x) @ self.weights.T + self.bias
        z = np.exp(z - z.max(axis=1, keepdims=True))
        p = z / z.sum(axis=1, keepdims=True)
        return p[0] if np.ndim(x) == 1 else p

    def columns(self) -> dict:
        """Each feature's weights for the labels, as plain tuples (scoring one sentence
        in Python is quicker than with numpy's small arrays)."""
        return _model_columns(self)

    def bias_list(self) -> tuple:
        return tuple(float(b) for b in self.bias)

    def scores(self, x: np.ndarray) -> np.ndarray:
        """P(positive) - P(negative) for each row of ``x``."""
        p = np.atleast_2d(self.probabilities(x))
        return p[:, LABELS.index("positive")] - p[:, LABELS.index("negative")]

    def label(self, score: float) -> str:
        """The label of a score by the model's thresholds."""
        if score >= self.pos:
            return "positive"
        if score <= -self.neg:
            return "negative"
        return "neutral"

    def to_frame(self) -> pd.DataFrame:
        """The model as a table: one row per feature and label (its weight, and what the
        feature is), then the labels' biases and the two thresholds."""
        meaning = {**{f"{k}_{s}": f"{'negative' if s == 'neg' else 'positive'} word: {v}"
                      for k, v in FEATURE_KINDS.items() for s in ("neg", "pos")},
                   "turn_neg": FEATURE_KINDS["turn"], "turn_pos": "never set (see turn_neg)",
                   **SENTENCE_FEATURES, BIAS: "the label's weight before any feature"}
        rows = [(name, label, round(float(w), 4), meaning[name])
                for j, name in enumerate((*self.features, BIAS))
                for label, w in zip(LABELS, (self.weights[:, j] if j < len(self.features)
                                             else self.bias))]
        rows += [(THRESHOLD, "positive", round(self.pos, 4),
                  "scores P(positive) - P(negative) at or above this are positive"),
                 (THRESHOLD, "negative", round(self.neg, 4),
                  "scores at or below minus this are negative")]
        return pd.DataFrame(rows, columns=["feature", "label", "weight", "meaning"])


_NEG, _POS = LABELS.index("negative"), LABELS.index("positive")


@functools.lru_cache(maxsize=8)
def _model_columns(model: ToneModel) -> dict:
    return {name: tuple(float(w) for w in model.weights[:, j])
            for j, name in enumerate(model.features)}


MODEL_FILE = "tone_model.csv"
# The prior scale of a feature the shipped model's table lacks (:func:`model_from_frame`).
UNFITTED_SCALE = 4.0
THRESHOLD = "(threshold)"


def model_from_frame(table: pd.DataFrame) -> ToneModel:
    """A :class:`ToneModel` from its table (:meth:`ToneModel.to_frame`'s columns).

    A feature the table lacks (one added since the model was last fitted, such as "event")
    takes its prior weight (:func:`rules_prior`, scale ``UNFITTED_SCALE``) until the model
    is refitted."""
    weights = np.zeros((len(LABELS), len(FEATURES)))
    bias = np.zeros(len(LABELS))
    thresholds = {"positive": 0.0, "negative": 0.0}
    fitted = set()
    for row in table.itertuples(index=False):
        if row.feature == THRESHOLD:
            thresholds[row.label] = float(row.weight)
        elif row.feature == BIAS:
            bias[LABELS.index(row.label)] = float(row.weight)
        else:
            weights[LABELS.index(row.label), FEATURE_INDEX[row.feature]] = float(row.weight)
            fitted.add(row.feature)
    missing = [j for j, name in enumerate(FEATURES) if name not in fitted]
    if missing:
        weights[:, missing] = rules_prior(UNFITTED_SCALE).weights[:, missing]
    return ToneModel(weights, bias, thresholds["positive"], thresholds["negative"])


THRESHOLD_GRID = np.round(np.arange(0.1, 0.81, 0.02), 2)  # a label needs a lean of 0.1


def choose_thresholds(scores, labels) -> tuple[float, float, float]:
    """The thresholds (pos, neg) on scores in -1..1 that give these labels the best
    macro-F1, and that macro-F1: the first best on ``THRESHOLD_GRID`` (0.1 to 0.8 in steps
    of 0.02, so that a label needs a lean of at least 0.1; deterministic).

    >>> choose_thresholds([0.9, 0.1, -0.6], ["positive", "neutral", "negative"])
    (0.12, 0.1, 1.0)
    """
    scores = np.asarray(scores, dtype=float)
    gold = np.asarray(labels, dtype=object)
    is_pos = scores[None, :] >= THRESHOLD_GRID[:, None]  # [pos threshold, item]
    is_neg = scores[None, :] <= -THRESHOLD_GRID[:, None]  # [neg threshold, item]
    pred_pos = is_pos[:, None, :]
    pred_neg = is_neg[None, :, :] & ~pred_pos
    pred_neu = ~pred_pos & ~pred_neg
    f1 = np.zeros((len(THRESHOLD_GRID), len(THRESHOLD_GRID)))
    for label, pred in (("positive", pred_pos), ("negative", pred_neg), ("neutral", pred_neu)):
        pred = np.broadcast_to(pred, f1.shape + scores.shape)
        truth = gold == label
        denom = pred.sum(axis=2) + truth.sum()
        f1 += np.divide(2 * (pred & truth).sum(axis=2), denom, out=np.zeros(f1.shape),
                        where=denom > 0)
    f1 /= len(LABELS)
    p, q = np.unravel_index(np.argmax(np.round(f1, 12)), f1.shape)
    return float(THRESHOLD_GRID[p]), float(THRESHOLD_GRID[q]), float(f1[p, q])


@functools.lru_cache(maxsize=1)
def default_model() -> ToneModel:
    """The brief model shipped with briefkit (``data/tone_model.csv``), read once."""
    return model_from_frame(resources.read_data_csv(MODEL_FILE))


def fit_model(x: np.ndarray, labels, *, l2: float = 0.1, class_weight: float = 0.0,
              prior: ToneModel | None = None, iterations: int = 200,
              one_sided: bool = False, unused: tuple = ()) -> ToneModel:
    """Fit a :class:`ToneModel`: L2-penalised log loss, minimised by projected Newton steps.

    The weights are monotone in the words' valence: a feature of negative words may raise
    the negative label's odds and lower the positive label's, never the other way round
    (and conversely for positive words), and its neutral weight is 0, so that a positive
    word never makes a label more negative. The sentence features and the bias have only
    a neutral weight: they make a sentence more or less likely to be neutral, and the
    words alone decide which way it leans (a sentence without them scores 0). The
    thresholds of the returned model are 0: set them with :func:`choose_thresholds`.

    Args:
        x: one row of features (``FEATURES``) per labelled target.
        labels: their labels ('negative', 'neutral', 'positive').
        l2: the penalty on the feature weights (the biases get a token 0.01).
        class_weight: 0 weighs every example alike; 1 balances the labels (each label's
            examples weigh n / (3 n_label)); values between are powers of that.
        prior: weights to shrink toward instead of 0 (:func:`rules_prior`), so that a
            feature the labels say little about keeps its prior weight.
        one_sided: a word feature moves only its own sign's label (its weight on the
            other label is held at 0).
        unused: features whose weights are held at 0.

    Deterministic: no randomness, the same data give the same weights.

    >>> m = fit_model(np.array([[1.0] + [0] * (len(FEATURES) - 1), [0.0] * len(FEATURES)]),
    ...               ["negative", "neutral"])
    >>> int(m.probabilities(np.eye(len(FEATURES))[0]).argmax())
    0
    """
    x = np.asarray(x, dtype=float)
    y = np.array([LABELS.index(label) for label in labels])
    n, f = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    target = np.eye(len(LABELS))[y]
    counts = np.maximum(np.bincount(y, minlength=len(LABELS)), 1)
    sample = ((n / (len(LABELS) * counts)) ** class_weight)[y]
    penalty = np.tile(np.r_[np.full(f, float(l2)), 0.01], len(LABELS))
    low, high = _weight_bounds(f, one_sided=one_sided, unused=unused)
    centre = np.zeros(len(LABELS) * (f + 1))
    if prior is not None:
        centre = np.hstack([prior.weights, np.zeros((len(LABELS), 1))]).ravel()
        centre = np.where(low == high, low, centre)
    w = np.clip(centre, low, high)
    loss, gradient, p = _loss_terms(w, xb, target, sample, penalty, centre)
    for _ in range(iterations):
        free = ~(((w <= low) & (gradient > 0)) | ((w >= high) & (gradient < 0)) | (low == high))
        hessian = _hessian(p, xb, sample, penalty)
        step = np.zeros_like(w)
        step[free] = np.linalg.solve(hessian[np.ix_(free, free)], gradient[free])
        scale = 1.0
        while True:
            trial = np.clip(w - scale * step, low, high)
            new_loss, new_gradient, new_p = _loss_terms(trial, xb, target, sample, penalty,
                                                        centre)
            if new_loss <= loss - 1e-4 * gradient @ (w - trial) or scale < 1e-8:
                break
            scale /= 2
        done = loss - new_loss < 1e-10
        w, loss, gradient, p = trial, new_loss, new_gradient, new_p
        if done:
            break
    w = w.reshape(len(LABELS), f + 1)
    return ToneModel(w[:, :f].copy(), w[:, f].copy())


# How much each kind of word counts in the rules' brief settings, relative to a word that
# acts on the target (see Params): the prior of the brief model.
RULE_WEIGHTS = {"held": 1.0, "outcome": 1.0, "event": 1.0, "relation": 1.0, "direct": 1.0,
                "own_act_domain": 1.0, "own_act": 0.1, "own_view": 0.0, "said": 0.35,
                "loose": 0.75, "yielding": 0.5, "self": 0.75, "turn": 0.0}


def rules_prior(scale: float = 4.0) -> ToneModel:
    """The rules' brief settings as model weights: a word of each kind moves the log-odds
    of its own sign's label by ``scale`` x its rule weight x its value; the sentence
    features start at 0."""
    weights = np.zeros((len(LABELS), len(FEATURES)))
    for kind, weight in RULE_WEIGHTS.items():
        weights[LABELS.index("negative"), FEATURE_INDEX[f"{kind}_neg"]] = scale * weight
        weights[LABELS.index("positive"), FEATURE_INDEX[f"{kind}_pos"]] = scale * weight
    return ToneModel(weights, np.zeros(len(LABELS)))


def _weight_bounds(n_features: int, *, one_sided: bool = False,
                   unused: tuple = ()) -> tuple[np.ndarray, np.ndarray]:
    """Bounds on the weights (labels x features + bias, flattened) that keep them monotone
    (and with ``one_sided`` or ``unused``, those of :func:`fit_model` held at 0)."""
    low = np.full((len(LABELS), n_features + 1), -np.inf)
    high = np.full((len(LABELS), n_features + 1), np.inf)
    neg, neu, pos = (LABELS.index(label) for label in ("negative", "neutral", "positive"))
    for j, name in enumerate(FEATURES[:n_features]):
        if name.endswith(("_pos", "_neg")):
            raises, lowers = (pos, neg) if name.endswith("_pos") else (neg, pos)
            low[raises, j], high[lowers, j] = 0.0, 0.0
            low[neu, j] = high[neu, j] = 0.0
            if one_sided:
                low[lowers, j] = 0.0
        else:  # a sentence feature moves toward or away from neutral, never picks a side
            low[[neg, pos], j] = high[[neg, pos], j] = 0.0
    for j, name in enumerate(FEATURES[:n_features]):
        if name in unused:
            low[:, j] = high[:, j] = 0.0
    low[[neg, pos], n_features] = high[[neg, pos], n_features] = 0.0  # only a neutral bias
    return low.ravel(), high.ravel()


def _loss_terms(w, xb, target, sample, penalty, centre):
    """The penalised log loss, its gradient, and the probabilities, at weights ``w``."""
    z = xb @ w.reshape(-1, xb.shape[1]).T
    z = np.exp(z - z.max(axis=1, keepdims=True))
    p = z / z.sum(axis=1, keepdims=True)
    loss = -(sample * np.log((p * target).sum(axis=1) + 1e-300)).sum()
    gradient = (((p - target) * sample[:, None]).T @ xb).ravel() + penalty * (w - centre)
    return float(loss + 0.5 * (penalty * (w - centre) ** 2).sum()), gradient, p


def _hessian(p, xb, sample, penalty) -> np.ndarray:
    k, f1 = p.shape[1], xb.shape[1]
    hessian = np.zeros((k * f1, k * f1))
    for a in range(k):
        for b in range(k):
            d = p[:, a] * ((a == b) - p[:, b]) * sample
            hessian[a * f1 : (a + 1) * f1, b * f1 : (b + 1) * f1] = (xb * d[:, None]).T @ xb
    return hessian + np.diag(penalty)


def _model_evidence(sent: _Sentence, hits, model: ToneModel, *, limit: int = 6) -> str:
    """The words (and sentence features) that moved the model's score most: each with its
    contribution to the log-odds of positive against negative (feature value x the
    difference of the two labels' weights)."""
    rows = _hit_rows(sent, hits, model)
    shown = sorted((r for r in rows if abs(r[-1]) >= 0.005), key=lambda r: -abs(r[-1]))
    return "; ".join(f"{word}({value:+.2f}, {why})" for word, why, *_, value in shown[:limit])


def _hit_rows(sent: _Sentence, hits, model: ToneModel) -> list[tuple]:
    """(word, why, feature, value, contributions to each label, toward positive) per hit
    that moved a label's log-odds: a feature the model does not weigh (or a zero value)
    moved nothing, so it gets no row."""
    rows = []
    columns = model.columns()
    for hit in hits:
        to_labels = [hit.value * w for w in columns[hit.feature]]
        if not any(to_labels):
            continue
        toward = to_labels[_POS] - to_labels[_NEG]
        if hit.cue is None:
            word, why = f"[{hit.feature}]", SENTENCE_FEATURES[hit.feature]
        else:
            word, why = hit.cue.text, _describe(sent, hit.cue, hit.link)
            if hit.feature.startswith("self_"):
                why += ", in the target's own speech"
        rows.append((word, why, hit.feature, hit.value, *to_labels, toward))
    return rows


def _score_model(sent: _Sentence, hits, model: ToneModel) -> tuple[TargetScore, list]:
    """The model's TargetScore of the hits, and its probabilities of the labels."""
    columns = model.columns()
    logits = list(model.bias_list())
    for hit in hits:
        if hit.value:
            for k, w in enumerate(columns[hit.feature]):
                logits[k] += w * hit.value
    top = max(logits)
    exp = [math.exp(z - top) for z in logits]
    p = [e / sum(exp) for e in exp]
    score = round(p[_POS] - p[_NEG], 4)
    return TargetScore(score, model.label(score), _model_evidence(sent, hits, model)), p


METHODS = ("model", "rules")
GENRE_METHODS = {"brief": "model", "news": "rules"}


def _method_for(genre: str, method: str | None, params: Params | None) -> str:
    if genre not in GENRES:
        raise ValueError(f"genre must be one of {sorted(GENRES)}, not {genre!r}")
    if method is None:
        return "rules" if params is not None else GENRE_METHODS[genre]
    if method not in METHODS:
        raise ValueError(f"method must be one of {list(METHODS)}, not {method!r}")
    return method


def score_spans(
    text: str,
    spans,
    *,
    genre: str = "brief",
    lexicon=None,
    params: Params | None = None,
    views=None,
    method: str | None = None,
    model: ToneModel | None = None,
    target: str | None = None,
    speaker: str = "",
) -> TargetScore:
    """Score a target named by one or more spans of one sentence (each word counts once,
    linked to the nearest mention). Options as for :func:`score_target`; ``views``: the
    sentence's reported views (:func:`find_views`), if already known; ``model``: a
    :class:`ToneModel` in place of the shipped one; ``target``: the actor the spans name;
    ``speaker``: the state the text speaks for (:func:`target_features`; the model only).

    >>> result = score_spans("Iran backs Russia, and Russia backs Iran.", [(0, 4), (36, 40)])
    >>> result.score > 0, [part.split("(")[0] for part in result.evidence.split("; ")]
    (True, ['backs'])
    """
    if _method_for(genre, method, params) == "model":
        sent, hits = target_features(text, spans, lexicon=lexicon, views=views, genre=genre,
                                     target=target, speaker=speaker)
        return _score_model(sent, hits, model or default_model())[0]
    params = _params_for(genre, params)
    own_speech = bool(speaker) and speaker in _target_states(text, tuple(map(tuple, spans)),
                                                             target)
    sent, cues = _cues(text, spans, lexicon, views, genre, turns=not own_speech)
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
    method: str | None = None,
) -> TargetScore:
    """How one sentence speaks of the target at ``text[start:end]``.

    Args:
        text: one sentence.
        start, end: the target's character span in ``text``.
        genre: 'brief' (analytic briefs about states: the default) or 'news' (news
            sentences about people: tuned on NewsMTSC).
        lexicon: a :class:`Lexicon`, or a domain table (frame or CSV path) to use in place
            of ``data/lexicon.csv``; default VADER's lexicon under briefkit's.
        params: the rules' weights (:class:`Params`), in place of the genre's; giving them
            scores with the rules.
        method: 'model' (the words' features weighed by the regression fitted on the
            development labels: the brief genre's default) or 'rules' (the words'
            contributions summed with the hand-set or tuned weights of :class:`Params`:
            the news genre's default).

    Returns:
        TargetScore(score in -1..1, label, evidence naming the words that moved the score).
        With the model the score is P(positive) - P(negative) and the label the most
        probable one; with the rules the score is the squashed sum and the label is
        :func:`label_of` the score.

    >>> score_target("Putin blamed Washington.", 13, 23).label
    'negative'
    """
    return score_spans(text, [(start, end)], genre=genre, lexicon=lexicon, params=params,
                       method=method)


EXPLAIN_COLUMNS = ["word", "valence", "negated_by", "why", "weight", "contribution"]
MODEL_EXPLAIN_COLUMNS = ["word", "why", "feature", "value", "to_negative", "to_neutral",
                         "to_positive", "contribution"]


def explain_target(
    text: str, start: int, end: int, *, genre: str = "brief", lexicon=None,
    params: Params | None = None, method: str | None = None,
) -> pd.DataFrame:
    """Every word (and sentence feature) that moved the target's score, step by step.

    With the model (``method="model"``): each word's feature and value (|valence|
    x its distance weight), its contribution to each label's log-odds (value x the
    feature's weight for the label) and ``contribution``, toward positive against
    negative; the labels' biases plus the sums of the ``to_*`` columns, through a softmax,
    give the probabilities whose difference P(positive) - P(negative) is the score. Only
    what contributed is listed: a sentence feature the model gives no weight (such as
    ``held_by_other`` in the example, which the default model leaves out) has no row. With
    the rules: each word's valence after boosters and negation, why and how much it counts
    (``weight``), and its ``contribution`` (their sum, squashed into -1..1, is the score);
    a word the rules weigh 0 (such as a word in the target's own view of something else)
    moved nothing and has no row.

    The table's ``attrs`` hold the target's ``score`` and ``label`` and, for the model,
    ``probability``, the model's probability of that label (not the chance that the label
    is right).

    >>> rules = explain_target("Putin blamed Washington.", 13, 23, method="rules")
    >>> rules[["word", "why"]].values.tolist()
    [['blamed', 'a view held of the target']]
    >>> model = explain_target("Putin blamed Washington.", 13, 23, method="model")
    >>> model["feature"].tolist(), model.attrs["label"], 0.5 < model.attrs["probability"] < 1
    (['held_neg'], 'negative', True)
    """
    if _method_for(genre, method, params) == "model":
        sent, hits = target_features(text, [(start, end)], lexicon=lexicon, genre=genre)
        model = default_model()
        frame = pd.DataFrame(_hit_rows(sent, hits, model), columns=MODEL_EXPLAIN_COLUMNS)
        frame = frame.sort_values("contribution", key=abs, ascending=False, ignore_index=True)
        result, p = _score_model(sent, hits, model)
        probability = p[LABELS.index(result.label)]
        frame.attrs.update(score=result.score, label=result.label,
                           probability=round(probability, 4))
        return frame
    params = _params_for(genre, params)
    sent, cues = _cues(text, [(start, end)], lexicon, None, genre)
    scored = _contributions(cues, params)
    rows = [
        (cue.text, round(cue.valence, 3), cue.negated_by, _describe(sent, cue, link),
         round(value / cue.valence, 3) if cue.valence else 0.0, round(value, 3))
        for cue, link, value in scored if value  # a word weighed 0 moved nothing
    ]
    frame = pd.DataFrame(rows, columns=EXPLAIN_COLUMNS)
    frame = frame.sort_values("contribution", key=abs, ascending=False, ignore_index=True)
    score = round(_normalise(sum(value for _, _, value in scored)), 4)
    frame.attrs.update(score=score, label=label_of(score, params=params))
    return frame


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


@storage.cached_table("sentiment")
def sentiment_toward(
    corpus,
    target: str = "United States",
    *,
    genre: str = "brief",
    gazetteer=None,
    lexicon=None,
    params: Params | None = None,
    method: str | None = None,
) -> pd.DataFrame:
    """How each sentence that names ``target`` speaks of it, who holds that view, and why.

    A sentence counts when it names the target by any alias of the gazetteer ("U.S.",
    "Washington", "American", "U.S.-led"), also inside a group's name ("U.S. officials").
    Several mentions in one sentence make one row: the sentence is scored once with all
    of them as the target, each word counting once, linked to its nearest mention. The
    holder comes from the claims machinery (:func:`find_views`, :func:`holder_of_target`):
    the holder of the view the target stands in, with the sentences before for pronouns.
    For many targets on one corpus, a :class:`ToneIndex` does the work that does not
    depend on the target once.

    Args:
        corpus: a :class:`~briefkit.corpus.Corpus`.
        target: an actor's canonical name or any alias ("U.S." means the United States).
        genre, lexicon, params, method: passed to :func:`score_target` (``method="rules"``
            for the hand-set weights; the brief genre's default is the fitted model).
        gazetteer: a gazetteer (frame or CSV path) for :mod:`briefkit.actors`; default
            briefkit's own.

    Returns:
        A new DataFrame with ``TONE_COLUMNS`` (the columns of DESIGN.md), one row per
        sentence, in corpus order.

    >>> from briefkit.corpus import Corpus
    >>> c = Corpus.from_texts(["Putin blamed Washington. Iran met Russia."])
    >>> sentiment_toward(c)[["sent_id", "target_text", "holder", "label"]].values.tolist()
    [[0, 'Washington', 'Vladimir Putin', 'negative']]
    """
    return ToneIndex(corpus, gazetteer=gazetteer).tone(target, genre=genre, lexicon=lexicon,
                                                        params=params, method=method)


class Cancelled(Exception):
    """Raised by :meth:`ToneIndex.tone` when its ``cancel`` check says to stop."""


# OTHER PLACE: a state or territory of the target whose name holds one of its aliases
# ("Washington State", "American Samoa") is a place of its own, not the target speaking or
# acting: its mention is not narrowed to the alias (as "U.S. officials" is).
OTHER_PLACES = frozenset({"sub_state", "territory"})


class ToneIndex:
    """What :func:`sentiment_toward` reads of a corpus whatever the target, worked out once:
    the sentences by key, the mentions by actor and by the country they belong to, and
    each sentence's reported views (kept per sentence once found). :meth:`prepare` also
    works out the target-free analysis of every sentence that names an actor, so that
    tone toward any target then only does the target's own work.

    Args:
        corpus: a Corpus.
        mentions: its ``find_mentions`` table, if already computed.
        gazetteer: as for :func:`sentiment_toward`.

    >>> from briefkit.corpus import Corpus
    >>> index = ToneIndex(Corpus.from_texts(["Putin blamed Washington. Iran met Russia."]))
    >>> index.prepare(), index.tone("Iran")[["sent_id", "target_text"]].values.tolist()
    (2, [[1, 'Iran']])
    """

    def __init__(self, corpus, *, mentions: pd.DataFrame | None = None, gazetteer=None) -> None:
        from briefkit import actors

        if mentions is None:
            mentions = actors.find_mentions(corpus, gazetteer=gazetteer)
        self.gazetteer = gazetteer
        sents = corpus.sentences
        keys = zip(sents["brief_id"].tolist(), sents["sent_id"].astype(int).tolist())
        self._texts = dict(zip(keys, zip(sents["text"].tolist(),
                                         sents["start"].astype(int).tolist())))
        columns = ("brief_id", "sent_id", "text", "start", "end", "actor", "country")
        self._mentions = list(zip(*(mentions[c].tolist() for c in columns)))
        kinds = (mentions["actor_type"].tolist() if "actor_type" in mentions
                 else [""] * len(self._mentions))
        self._kinds = dict(zip(((m[0], m[1], m[3]) for m in self._mentions), kinds))
        self._by_actor: dict = {}
        self._by_country: dict = {}
        for m in self._mentions:
            self._by_actor.setdefault(m[5], []).append(m)
            if isinstance(m[6], str):
                self._by_country.setdefault(m[6], []).append(m)
        self._views: dict = {}
        self._speakers: dict = {}
        self._brief_texts: dict = {}
        briefs = getattr(corpus, "briefs", None)
        self._years = {} if briefs is None or "date" not in briefs else {
            b: d.year for b, d in zip(briefs["brief_id"], briefs["date"])
            if d is not None and not pd.isna(d)}
        self._people: dict | None = None

    def speaker(self, brief_id) -> str:
        """The state a text speaks for in the first person (:func:`speaker_state`), or ''."""
        if not self._speakers:
            texts: dict = {}
            for (b, _), (text, _) in self._texts.items():
                texts.setdefault(b, []).append(text)
            self._speakers = {b: None for b in texts}
            self._brief_texts = texts
        if self._speakers.get(brief_id) is None:
            text = " ".join(self._brief_texts.get(brief_id, ()))
            self._speakers[brief_id] = speaker_state(text, gazetteer=self.gazetteer)
        return self._speakers[brief_id]

    def target_mentions(self, row: pd.Series) -> list[tuple]:
        """(brief_id, sent_id, text, start, end) of the target's own mentions, and of its
        alias inside a group's name ("U.S. officials") narrowed to the alias, in corpus
        order. A place of the target's own whose name holds an alias and more ("Washington
        State sued", "American Samoa": the actor type 'sub_state') is not the target: OTHER
        PLACE (a bare "Washington" the gazetteer reads as the state stays the target's)."""
        actor = row["actor"]
        found = [m[:5] for m in self._by_actor.get(actor, ())]
        pattern = _alias_pattern(row)
        for m in self._by_country.get(actor, ()):
            hit = pattern.search(m[2]) if m[5] != actor else None
            if hit and hit.group() != m[2] and self._kinds.get(m[:2] + m[3:4]) in OTHER_PLACES:
                continue
            if hit:
                start = m[3] + hit.start()
                found.append((m[0], m[1], hit.group(), start, start + len(hit.group())))
        return sorted(found, key=lambda m: (m[0], m[1], m[3]))

    def views(self, key: tuple) -> tuple[View, ...]:
        """The views the sentence ``key`` reports (:func:`find_views`, with its context)."""
        views = self._views.get(key)
        if views is None:
            brief_id, sent_id = key
            first = max(0, sent_id - CONTEXT_SENTENCES)
            previous = [self._texts[(brief_id, j)][0] for j in range(first, sent_id)
                        if (brief_id, j) in self._texts]
            views = find_views(self._texts[key][0], previous=previous, gazetteer=self.gazetteer)
            self._views[key] = views
        return views

    def _office_holder(self, key: tuple, view: View) -> View:
        """A view held by an office with no name ("the President said ...", or "he" for
        it), which :func:`find_views` could not resolve from the sentences just before:
        the person named for that office earlier in the text, nearest first, one holding it
        in the text's year before any other (data/annotations/README.md, cases 13 and 24);
        else the view as it was. The office is written capitalised with no state, so it is
        the text's own state's ("the President" of a text on U.S. policy, not Turkey's
        president named in passing): the state the text names most before it, as the
        claims machinery reads it. Only sentence context reaches :func:`find_views`, so a
        president named ten sentences back is found here. The holder column only: the
        tone is scored on the views as :func:`find_views` gives them, as the model was
        fitted."""
        from briefkit.holders import _PERSON_TYPES, NON_HOLDER_TYPES, _has_title

        title = view.holder.casefold()
        if view.holder_country or not title or "|" in title or not title[:1].isalpha() \
                or view.holder[:1].islower():
            return view
        if self._people is None:
            self._people = {}
            for m in self._mentions:
                self._people.setdefault(m[0], []).append(m)
        brief_id, sent_id = key
        at = self._texts[key][1] + max(view.holder_span[0], 0)
        before = [m for m in self._people.get(brief_id, ())
                  if (int(m[1]) < sent_id or int(m[1]) == sent_id and m[4] <= at)
                  and isinstance(m[6], str) and m[6]]
        states = Counter(m[6] for m in before
                         if self._kinds.get((m[0], m[1], m[3])) not in NON_HOLDER_TYPES)
        home = states.most_common(1)[0][0] if states else None
        year = self._years.get(brief_id)
        for when in ((year, None) if year else (None,)):
            for m in reversed(before):
                if m[6] == home and self._kinds.get((m[0], m[1], m[3])) in _PERSON_TYPES \
                        and _has_title(m[5], title, when):
                    return view._replace(holder=m[5], holder_country=m[6])
        return view

    def sentences(self, row: pd.Series):
        """As :func:`target_sentences`."""
        spans: dict = {}
        for brief_id, sent_id, text, start, end in self.target_mentions(row):
            names, found = spans.setdefault((brief_id, int(sent_id)), ([], []))
            names.append(text)
            found.append((int(start), int(end)))
        for key, (names, target_spans) in spans.items():
            text, offset = self._texts[key]
            local = [(s - offset, e - offset) for s, e in target_spans]
            yield key, names, text, local, self.views(key)

    def prepare(self, *, genre: str = "brief", lexicon=None, limit: int = SENTENCE_MEMO) -> int:
        """Work out, for the first ``limit`` sentences that name an actor, their views and
        what the scorer reads in them whatever the target (:func:`prepare_sentences`, and
        the lexicon's words). Returns how many sentences were prepared."""
        keys = list(dict.fromkeys((m[0], int(m[1])) for m in self._mentions))[:limit]
        lex = _as_lexicon(lexicon, genre)
        for key in keys:
            self.views(key)
            sent = _parse(self._texts[key][0], ())
            _lexicon_hits(sent, lex)
            if genre == "brief":
                _success_words(sent, outcome_lexicon())
        return len(keys)

    def tone(self, target: str = "United States", *, genre: str = "brief", lexicon=None,
             params: Params | None = None, method: str | None = None,
             cancel=None) -> pd.DataFrame:
        """``sentiment_toward(corpus, target, ...)``, the same table (uncached).

        ``cancel``: a function of no argument, called before each sentence is scored; when
        it returns true the scoring stops with :class:`Cancelled` (what it worked out for
        the sentences so far stays memoised)."""
        from briefkit import actors

        row = actors.resolve_actor(target, gazetteer=self.gazetteer)
        if row is None:
            raise ValueError(f"{target!r} is not an actor of the gazetteer")
        actor = str(row["actor"])
        records = []
        # The loop makes many small objects and frees nearly all of them by their reference
        # counts: the cyclic garbage collector, paused meanwhile, would only walk them again.
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            for key, names, text, spans, views in self.sentences(row):
                if cancel is not None and cancel():
                    raise Cancelled(target)
                result = score_spans(text, spans, genre=genre, lexicon=lexicon, params=params,
                                     views=views, target=actor, method=method,
                                     speaker=self.speaker(key[0]))
                holder = holder_of_target(tuple(self._office_holder(key, v) for v in views),
                                          spans, target=actor, text=text)
                if holder[0] != AUTHOR and holder[1] and holder[1] == self.speaker(key[0]):
                    holder = (AUTHOR, AUTHOR)  # a speech: the speaker's state is its own voice
                records.append((*key, actor, "|".join(names), *holder, *result))
        finally:
            if paused:
                gc.enable()
        return pd.DataFrame.from_records(records, columns=TONE_COLUMNS)


# A speaker naming the state it speaks for: "on behalf of the Government of Yemen", "As
# President of the United States, I", "my country, France".
_SELF_NAMED = re.compile(
    r"\b(?:[Oo]n behalf of(?P<behalf>[^,.;:]{1,60})"
    r"|[Aa]s (?:the )?(?:President|Prime Minister|King|Emir|Head of State|Head of Government"
    r"|Foreign Minister|Minister for Foreign Affairs|Minister of Foreign Affairs) of"
    r"(?P<title>[^,.;:]{1,40}), I\b"
    r"|[Mm]y country,(?P<country>[^,.;:]{1,40}))"
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur)\b")


def speaker_state(text: str, *, gazetteer=None) -> str:
    """The state a text speaks for in the first person, where it names it ("on behalf of
    the Islamic Republic of Afghanistan", "As President of the United States, I ..."): in a
    speech the speaker's own voice is the author's. '' when the text names none.

    >>> speaker_state("As President of the United States, I am mindful of the dangers.")
    'United States'
    >>> speaker_state("The United States has 5,000 troops in Iraq.")
    ''
    """
    from briefkit import actors

    for m in _SELF_NAMED.finditer(text):
        sentence = text[text.rfind(".", 0, m.start()) + 1:text.find(".", m.end())]
        if not _FIRST_PERSON.search(sentence):
            continue
        words = m.group("behalf") or m.group("title") or m.group("country")
        for a in actors.find_actors(words, gazetteer=gazetteer):
            row = actors.resolve_actor(a.country, gazetteer=gazetteer) if a.country else None
            if row is not None and row["actor_type"] == "state":
                return str(row["actor"])
    return ""


def target_sentences(corpus, row: pd.Series, *, gazetteer=None):
    """Each sentence naming the actor of gazetteer row ``row``, in corpus order, as
    ((brief_id, sent_id), [mention texts], sentence text, [(start, end)] of the mentions
    in the sentence, the views it reports (:func:`find_views`, with its context))."""
    yield from ToneIndex(corpus, gazetteer=gazetteer).sentences(row)


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
    ...                      "score": [0.5, -0.1, 0.2],
    ...                      "label": ["positive", "neutral", "positive"]})
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
    labelled = set(zip(pairs["brief_id"], pairs["sent_id"]))
    in_briefs = tone[tone["brief_id"].isin(set(pairs["brief_id"]))]
    keys = zip(in_briefs["brief_id"], in_briefs["sent_id"])
    extra = sum((b, int(s)) not in labelled for b, s in keys)
    return pd.Series({**_pair_figures(pairs), "extra": int(extra)})


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


def evaluate_real_tone(target_methods=("rules", "model"), *,
                       split: str = "test") -> pd.DataFrame | None:
    """Tone toward the United States against the real-text labels
    (``data/annotations/real``: UN General Debate speeches and CRS products, which stay in
    ``../shared``), plain VADER beside each method of the brief genre.

    Args:
        target_methods: the methods of ``genre="brief"`` to measure.
        split: 'test' (``data/annotations/real``, for measuring) or 'dev'
            (``data/annotations/real-dev``, for developing methods).

    Returns:
        A DataFrame indexed by (texts, method), 'all real texts' first and then each
        corpus, with n, found, macro_f1, accuracy, f1_negative, f1_neutral, f1_positive and
        holder_accuracy; None when the labels or ``../shared`` are not there.
    """
    from briefkit.evaluation import read_real_labels

    real = read_real_labels("us_sentiment", split=split)
    if real is None:
        return None
    real.pop("briefs")
    pairs: dict[str, list] = {}
    for name, (corpus, gold) in real.items():
        if gold.empty:
            continue
        index = ToneIndex(corpus)
        tables = {m: index.tone("United States", method=m) for m in target_methods}
        tables = {"plain VADER": vader_toward(tables[target_methods[0]], corpus), **tables}
        for method, tone in tables.items():
            pairs.setdefault(method, []).append(
                label_pairs(tone, gold, corpus=corpus).assign(texts=name))
    rows, index = [], []
    for method, parts in pairs.items():
        both = pd.concat(parts, ignore_index=True)
        for where, p in [("all real texts", both), *both.groupby("texts")]:
            rows.append(_pair_figures(p))
            index.append((where, method))
    table = pd.DataFrame(rows, index=pd.MultiIndex.from_tuples(index, names=["texts", "method"]))
    order = {w: i for i, w in enumerate(dict.fromkeys(w for w, _ in index))}
    return table.sort_index(level=0, key=lambda lv: lv.map(order), sort_remaining=False)


def _pair_figures(pairs: pd.DataFrame) -> dict:
    """n, found, macro_f1, accuracy, the F1 of each label and holder_accuracy of
    :func:`label_pairs`' rows."""
    f1, accuracy = macro_f1(pairs["gold_label"], pairs["label"])
    out = {"n": len(pairs), "found": int(pairs["found"].sum()), "macro_f1": f1,
           "accuracy": accuracy}
    for label in LABELS:
        gold, pred = pairs["gold_label"] == label, pairs["label"] == label
        denom = gold.sum() + pred.sum()
        out[f"f1_{label}"] = float(2 * (gold & pred).sum() / denom) if denom else 0.0
    out["holder_accuracy"] = float(pairs["holder_ok"].mean()) if len(pairs) else math.nan
    return out


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
