"""The words claim extraction reads: reporting cues, word lists, and a light tokeniser.

Two packaged tables hold the vocabulary, so that it can be read, extended and reviewed as
data:

- ``data/reporting_cues.csv``: one row per cue: its ``lemma``, ``pos`` ('verb', 'particle'
  for a verb with its particle, "rule out", 'noun', "insistence", or 'feeling', a participle
  of feeling whose subject holds the view, "are alarmed by"), its ``forms`` (a
  verb's lemma is always one of its forms; a noun's are listed in full), the
  ``complement`` a verb takes, and three flags: ``bare_clause`` (a clause may follow without
  "that": "said autopsies confirmed"), ``passive`` (read as a view in the passive, with the
  holder after "by": "opposed by Washington") and ``denial`` (a word of denial, rejection or
  opposition: ``negated`` is true whatever its grammar). ``denial`` follows the annotation
  scheme (``data/annotations/README.md``): true for deny, reject, dismiss, rule out, oppose,
  object, contest, resist (and dispute, rebuff, refuse, decline); false for doubt, question,
  protest, condemn (and criticize, distrust). A noun or participle cue takes the flags of
  its lemma's verb row ("denial" is a denial as "deny" is).
- ``data/claim_words.csv``: named word sets (adverbs, group nouns, title words, ...), each
  with the purpose it serves.

The complements: ``that`` (a clause, "that" optional), ``that_only`` (a clause opened by
"that", "whether", ...; without it the verb has another sense: "maintain military
assets"), ``as`` ("sees X as Y", "what it sees as"), ``obj`` (an object: "rejects the
argument", "does not trust any other figure") and ``call`` ("calls the vote illegal").

>>> cue_of("insisted"), WORDS["group_nouns"] >= {"officials", "diplomats"}
(('insist', 'that'), True)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefkit import resources

THAT, THAT_ONLY, AS, OBJ, CALL = "that", "that_only", "as", "obj", "call"


def _flag(value: str) -> bool:
    return str(value).strip().lower() == "true"


def _read_cues() -> tuple[dict, dict, dict, dict, frozenset, frozenset, frozenset]:
    """The cue table as lookups: verb forms, particle verbs, nouns, participles of feeling,
    and the flagged lemmas."""
    table = resources.read_data_csv("reporting_cues.csv")
    verbs, particles, nouns, feelings = {}, {}, {}, {}
    bare, passive, denial = set(), set(), set()
    for row in table.itertuples(index=False):
        forms = row.forms.split()
        if row.pos in ("noun", "feeling"):
            (nouns if row.pos == "noun" else feelings).update((form, row.lemma) for form in forms)
            continue
        if row.pos == "particle":
            particle = row.lemma.split()[-1]
            particles.update((form, (row.lemma, particle)) for form in forms)
        else:
            verbs.update((form, (row.lemma, row.complement)) for form in {row.lemma, *forms})
        for flag, found in ((row.bare_clause, bare), (row.passive, passive), (row.denial, denial)):
            if _flag(flag):
                found.add(row.lemma)
    return (verbs, particles, nouns, feelings, frozenset(bare), frozenset(passive),
            frozenset(denial))


def _read_words() -> dict[str, frozenset]:
    table = resources.read_data_csv("claim_words.csv")
    return {name: frozenset(words.split()) for name, words in zip(table["name"], table["words"])}


(VERB_CUES, PARTICLE_CUES, NOUN_CUES, FEELING_CUES, BARE_CLAUSE_CUES, PASSIVE_CUES,
 DENIAL_CUES) = _read_cues()
WORDS = _read_words()
# Words whose presence lets a sentence hold a reported view (the rest skip the parser).
CUE_WORDS = frozenset({*VERB_CUES, *NOUN_CUES, *PARTICLE_CUES, *FEELING_CUES, "according"})


def cue_of(word: str) -> tuple[str, str] | None:
    """(lemma, complement) of a verb form of the cue table, or None."""
    return VERB_CUES.get(word)


# --- tokens ------------------------------------------------------------------------------


class Tok(NamedTuple):
    """A word or punctuation mark of a sentence: as written, lower case, and where."""

    text: str
    norm: str
    start: int
    end: int


# Words as briefkit.text splits them (initialisms such as "U.S." kept whole, "Russia's",
# "al-Assad", "25,000"), without its abbreviation pass, which claims do not need: this runs
# on every sentence that holds a cue word, so it is kept to one regular expression.
_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}(?:[-\u2010\u2011]\w+)*|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
                       r"|\d+(?:\.\d+)+|\w+(?:(?:[-\u2010\u2011'\u2019\u02bc]|\+)\w+)*|\S")
_new_tok = tuple.__new__
_WORD_RE = re.compile(r"[a-z]+")
_ADVERBS = WORDS["adverbs"]
_NOT_ADVERBS = WORDS["not_adverbs"]


def tokens(text: str) -> list[Tok]:
    """The sentence's tokens, with a lower-case form whose apostrophes are all "'"."""
    lower = _lower(text)
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    if len(lower) != len(text):  # "İ".lower() is two characters: lower each token alone
        return [_new_tok(Tok, (text[a:b], _lower(text[a:b]), a, b)) for a, b in spans]
    return [_new_tok(Tok, (text[a:b], lower[a:b], a, b)) for a, b in spans]


def _lower(text: str) -> str:
    return text.lower().replace("\u2019", "'").replace("\u02bc", "'")


def words_of(text: str) -> set:
    """The lower-case words of a text, for quick tests of what it may hold."""
    return set(_WORD_RE.findall(text.lower()))


def is_cap(tok: Tok) -> bool:
    return tok.text[:1].isupper()


def is_adverb(norm: str) -> bool:
    return norm in _ADVERBS or (len(norm) > 4 and norm.endswith("ly") and norm not in _NOT_ADVERBS)
