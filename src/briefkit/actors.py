"""The actor gazetteer, and where briefs name each actor.

The gazetteer (``data/actors.csv``) has one row per actor, with the columns
``actor, actor_type, country, aliases, notes`` of DESIGN.md and four more:

- ``iso3``: the ISO 3166 code of the state the actor speaks for, where it has one;
- ``cues``: words ("|"-separated, case-sensitive) that point to this row when an alias
  is shared by several rows ("Georgia" the state or the US state), or when the alias
  needs a cue (below);
- ``needs_cue``: aliases of this row that count only when one of its cues stands in
  the same sentence or, failing that, the same brief ("Kim", "Moon", "the Alliance"). A
  cue found only elsewhere in the brief gives way, where the alias has a reading that needs
  no cue, to a sentence that names another state, or its leaders or organs ("Washington
  and Beijing agreed" is the United States in a brief that names Seattle once);
- ``sex``: ``f`` or ``m`` for a person, empty otherwise or where unknown: whom "she" or
  "he" can stand for ("Chancellor Angela Merkel ... she").

``actor`` is the canonical name, ``aliases`` every form matched in text ("|"-separated),
and ``country`` the state or body an actor speaks for: a state for itself, an official or
state organ for the state, a body or an independent armed group for itself, a generic
holder ("experts") for nobody (empty). The types are:

==================  ========================================================================
``state``           a UN member state (all 193); aliases hold demonyms, adjectives, formal
                    names and the capital used as metonym ("Tehran", "Washington")
``observer_state``  a UN observer state (Holy See, Palestine)
``former_state``    the Soviet Union
``territory``       an entity outside the UN acting as, or claimed as, a state (Taiwan,
                    Kosovo, Northern Cyprus)
``sub_state``       a part of a state with its own government (US states, the KRG)
``region``          a place, not an actor ("Korean Peninsula", "Gaza Strip", "South China
                    Sea"); its country is the state it belongs to, or empty
``body``            an international organisation or grouping (UN, NATO, EU, GCC, P5+1)
``state_agency``    an institution of a state (White House, Kremlin, CIA, Majlis)
``state_force``     a state's armed force, or one formally part of the state (IRGC, Qods
                    Force, IDF, Popular Mobilization Forces, Peshmerga)
``armed_group``     a non-state armed group (Islamic State, Hizballah, Houthis, PKK)
``political_group`` a party or political movement (Muslim Brotherhood, AKP, Fatah)
``leader``          a person in office 2013-2019, or a past leader briefs still cite: heads of
                    state and government, ministers, security chiefs, leaders of bodies
                    and groups; ``notes`` gives the role
``person``          another named person briefs cite (Jamal Khashoggi)
``people``          an ethnic group (Kurds)
``group_holder``    a plural holder of views: "U.S. officials", "Gulf states", "experts"
``media``           a news outlet; its country is the state that owns it, if one does
``company``         a state-owned or strategic company
``non_actor``       a phrase that contains an alias but names something else ("Paris
                    Agreement", "Minsk agreements", "The Hague"): matched, so that the
                    longer phrase wins, and never reported
==================  ========================================================================

Matching is one regular expression built once per gazetteer: a trie of every alias, so
that at each position the longest alias wins and matches never overlap ("U.S.-Saudi"
gives the United States and Saudi Arabia; "Islamic Revolutionary Guard–Qods Force" gives
the Qods Force once). Case rules come from the alias itself: acronyms (no lower-case
letter) and aliases of four characters or fewer match exactly ("US" but never "us");
in longer aliases a capital must be a capital and other letters may be either case. A
space or hyphen in an alias matches any space, hyphen or dash, and an apostrophe any
apostrophe. A few rules guard the ambiguous: "US" and "IS" inside a run of capitals
("LET US") are dropped; a country name that is also a given name ("Jordan", "Chad") or a
surname alias ("Trump") is dropped where it reads as part of another person's name.

>>> [(m.actor, m.text) for m in find_actors("U.S.-Saudi ties irk Tehran.")]
[('United States', 'U.S.'), ('Saudi Arabia', 'Saudi'), ('Iran', 'Tehran')]
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from briefkit import resources, storage
from briefkit.errors import DataError
from briefkit.paths import DATA_DIR

GAZETTEER_COLUMNS = ["actor", "actor_type", "country", "aliases", "notes"]
EXTRA_COLUMNS = ["iso3", "cues", "needs_cue", "sex"]
MENTION_COLUMNS = ["brief_id", "sent_id", "actor", "actor_type", "country", "text", "start",
                   "end"]
ACTOR_TYPES = ("state", "observer_state", "former_state", "territory", "sub_state", "region",
               "body", "state_agency", "state_force", "armed_group", "political_group",
               "leader", "person", "people", "group_holder", "media", "company", "non_actor")
PERSON_TYPES = frozenset({"leader", "person"})

# Alias characters: what a separator or an apostrophe in an alias matches in text.
_SEP_CHARS = " \t\n-\u2010\u2011\u2012\u2013\u2014"
_SEP = "[-\\s\u2010-\u2014]+"
_APOS_CHARS = "'\u2019\u02bc\u2018`"
_APOS = "['\u2019\u02bc\u2018`]"
# Text is searched in a plain form: lower case, every separator a space, every apostrophe
# "'" (one character for one, so offsets hold); an alias key's space matches a run of them.
_PLAIN = tuple([(c, " ") for c in _SEP_CHARS[1:] + "\r\f\v"]
               + [(c, "'") for c in _APOS_CHARS[1:]])
_UNIT = {" ": " +"}
_KEY_SEP = re.compile(_SEP)
_KEY_APOS = re.compile(_APOS)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Acronyms that are also English words: dropped inside a run of capitals ("LET US GO").
_WORDLIKE_ACRONYMS = frozenset({"us", "is", "it", "as", "am", "an", "at", "be", "by", "do",
                                "go", "he", "if", "in", "me", "my", "no", "of", "on", "or",
                                "so", "to", "up", "we"})
# Place aliases that are also given names or surnames: "Jim Jordan", "Chad Wolf",
# "George Washington", "Israel Katz". Dropped when a capitalised word that is neither a
# title nor another alias stands just before them (or, for these, just after them).
_NAME_LIKE_PLACES = frozenset({"jordan", "chad", "georgia", "washington", "israel", "kenya"})
# Organs of a state, whose name may be written with its nationality adjective capitalised and
# the rest in lower case ("the North Korean foreign ministry", "the French defense ministry").
_ORGAN_TYPES = frozenset({"state_agency", "state_force"})
_NATIONALITY_FORM = re.compile(r"(?:an|ese|i|ish|ic|ch)$")  # "Korean", "Chinese", "Saudi"
# Capitalised words that may stand before a name without making it someone else's.
_TITLE_WORDS = _words("""
president prime minister foreign defense defence secretary state vice king queen crown
prince princess emir amir sheikh shaykh sheik sultan general gen lieutenant lt colonel col
major maj admiral adm field marshal chancellor premier supreme leader ayatollah grand imam
mullah sayyed sayyid commander chairman chief speaker senator sen rep representative
congressman congresswoman ambassador envoy special director deputy acting interior
intelligence security national adviser advisor spokesman spokeswoman spokesperson mr mrs
ms dr governor mayor judge justice pope counsel attorney cleric former late then candidate
nominee senior official officials both neither either northern southern eastern western
central upper lower greater lake mount gulf hashemite kingdom republic monday tuesday
wednesday thursday friday saturday sunday january february march april may june july
august september october november december new north south east west
presidents senators representatives ministers premiers chancellors governors ambassadors
envoys generals congressmen congresswomen
""")  # the last line: plural titles before two names ("Presidents Obama and Santos")
_PREV_WORD = re.compile(r"([A-Z][a-z]+)\.? $")
_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)")
# A word after one of these opens a sentence (after "." too, unless it ends an abbreviation).
_SENTENCE_OPENERS = "!?:;\"“‘(\n•"
_WORD_CHAR = re.compile(r"\w")


class Mention(NamedTuple):
    """One naming of an actor: who, and where (``text[start:end]``)."""

    actor: str
    actor_type: str
    country: str
    text: str
    start: int
    end: int


# --- the gazetteer -----------------------------------------------------------------------


def load_gazetteer(path: str | os.PathLike | None = None, *,
                   extra: str | os.PathLike | pd.DataFrame | Iterable[Mapping] | None = None
                   ) -> pd.DataFrame:
    """Read and check a gazetteer: briefkit's, an analyst's own, or briefkit's extended.

    Args:
        path: a CSV with the gazetteer columns; None for briefkit's ``data/actors.csv``.
        extra: rows to add (a CSV path, a DataFrame or a list of dicts). A row whose actor
            is already present adds its aliases and cues to that row, and its other
            non-empty fields replace that row's.

    Returns:
        A new DataFrame with the columns of ``GAZETTEER_COLUMNS`` then ``EXTRA_COLUMNS``.
        A bad row raises :class:`~briefkit.errors.DataError` naming the file and the row.

    >>> g = load_gazetteer(extra=[{"actor": "Donald Trump", "aliases": "POTUS"}])
    >>> "POTUS" in g.set_index("actor").loc["Donald Trump", "aliases"].split("|")
    True
    """
    base = _packaged_gazetteer() if path is None else _check_gazetteer(_read_csv(path), path)
    if extra is None:
        return base.copy()
    name = str(extra) if isinstance(extra, (str, os.PathLike)) else "<extra rows>"
    frame = _read_csv(extra) if isinstance(extra, (str, os.PathLike)) else pd.DataFrame(extra)
    known = frozenset(base["actor"])
    return _merge_gazetteers(base, _check_gazetteer(frame, name, extends=known))


@functools.lru_cache(maxsize=1)
def _packaged_gazetteer() -> pd.DataFrame:
    path = DATA_DIR / "actors.csv"
    return _check_gazetteer(_read_csv(path), path)


def _read_csv(path: str | os.PathLike) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(path, "no such gazetteer file") from exc
    except (OSError, UnicodeDecodeError, pd.errors.ParserError,
            pd.errors.EmptyDataError) as exc:
        raise DataError(path, f"cannot read this gazetteer: {exc}") from exc


def _check_gazetteer(frame: pd.DataFrame, name, *, extends: frozenset | None = None
                     ) -> pd.DataFrame:
    """The gazetteer with every column, stripped; a DataError for the first bad row.

    ``extends``: the actors of the gazetteer this one extends. A row for one of them
    needs only ``actor`` and may leave the rest empty; a new actor needs a full row.
    """
    frame = frame.copy()
    required = ["actor"] if extends is not None else ["actor", "actor_type", "aliases"]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError(name, f"missing column(s) {', '.join(missing)}; a gazetteer has "
                              f"{', '.join(GAZETTEER_COLUMNS + EXTRA_COLUMNS)}")
    for col in GAZETTEER_COLUMNS + EXTRA_COLUMNS:
        values = frame[col] if col in frame.columns else pd.Series("", index=frame.index)
        frame[col] = values.fillna("").astype(str).str.strip()
    frame = frame[GAZETTEER_COLUMNS + EXTRA_COLUMNS].reset_index(drop=True)
    seen: dict[str, int] = {}
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        partial = extends is not None and row.actor in extends
        problem = _row_problem(row, partial) or (
            f"actor {row.actor!r} is also row {seen[row.actor]}" if row.actor in seen else None)
        if problem:
            raise DataError(name, f"row {i} (line {i + 1}): {problem}")
        seen[row.actor] = i
    return frame


def _row_problem(row, partial: bool) -> str | None:
    """What is wrong with one gazetteer row, or None."""
    if not row.actor:
        return "empty actor"
    if (row.actor_type or not partial) and row.actor_type not in ACTOR_TYPES:
        return f"actor_type {row.actor_type!r} is not one of {', '.join(ACTOR_TYPES)}"
    aliases = _split(row.aliases)
    if not aliases and not partial:
        return f"no aliases for {row.actor!r}"
    if any(not _KEY_SEP.sub("", a) for a in aliases):
        return f"an empty alias in {row.aliases!r} (two '|' in a row?)"
    stray = [a for a in _split(row.needs_cue) if a not in aliases and a != row.actor]
    if stray and not partial:
        return f"needs_cue names {', '.join(stray)}, not among the aliases"
    if _split(row.needs_cue) and not _split(row.cues) and not partial:
        return "needs_cue is set but cues is empty"
    if row.sex not in {"", "f", "m"}:
        return f"sex {row.sex!r} is not 'f', 'm' or empty"
    return None


def _merge_gazetteers(base: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """Base rows updated by extra rows of the same actor, then the new extra rows."""
    merged = base.copy()
    index = {actor: i for i, actor in enumerate(merged["actor"])}
    new = []
    for row in extra.to_dict("records"):
        i = index.get(row["actor"])
        if i is None:
            new.append(row)
            continue
        for col in ("aliases", "cues", "needs_cue"):
            joined = _split(merged.at[i, col]) + _split(row[col])
            merged.at[i, col] = "|".join(dict.fromkeys(joined))
        for col in ("actor_type", "country", "notes", "iso3", "sex"):
            if row[col]:
                merged.at[i, col] = row[col]
    out = pd.concat([merged, pd.DataFrame(new, columns=merged.columns)], ignore_index=True)
    return _check_gazetteer(out, "<extended gazetteer>")


def _split(value: str) -> list[str]:
    return [part.strip() for part in str(value).split("|") if part.strip()]


# --- compiling a gazetteer into a trie of alias keys ------------------------------------


_FOLD = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                       "ʻ": "'"})


def _ascii_fold(text: str) -> str:
    """Text without diacritics ("Erdoğan" -> "Erdogan"), so both spellings match."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


def _alias_key(text: str) -> str:
    """The lookup key of an alias or a matched span: lower case, separators and
    apostrophes made plain."""
    return _KEY_APOS.sub("'", _KEY_SEP.sub(" ", text.strip())).lower()


def _dotted(alias: str) -> str | None:
    """The dotted spelling of a name that opens with "UN" or "US" ("UN High Commissioner
    for Refugees" -> "U.N. High Commissioner for Refugees"), which texts write as often;
    None for other aliases."""
    first, _, rest = alias.partition(" ")
    return f"{first[0]}.{first[1]}. {rest}" if first in {"UN", "US"} and rest else None


def _is_exact(alias: str) -> bool:
    """Acronyms and short aliases match only as written."""
    return len(alias) <= 4 or not any(c.islower() for c in alias)


def _case_form(text: str) -> str:
    """Text with separators and apostrophes made plain, case kept."""
    return _KEY_APOS.sub("'", _KEY_SEP.sub(" ", text.strip()))


def _trie_pattern(node: dict) -> str:
    """A regex for a trie of alias keys; longer continuations are tried before stopping.

    Chains of single-child nodes become plain runs of characters, so the recursion (and
    the pattern's nesting) follows only the branch points.
    """
    run = []
    keys = [c for c in node if c is not None]
    while len(keys) == 1 and None not in node:
        run.append(_unit(keys[0]))
        node = node[keys[0]]
        keys = [c for c in node if c is not None]
    alternatives = [_unit(ch) + _trie_pattern(node[ch]) for ch in sorted(keys)]
    if None in node:
        alternatives.append("")
    if len(alternatives) == 1:
        return "".join(run) + alternatives[0]
    return "".join(run) + "(?:" + "|".join(alternatives) + ")"


@functools.cache
def _unit(ch: str) -> str:
    """What one character of an alias key matches."""
    return _UNIT.get(ch) or re.escape(ch)


@dataclass(frozen=True)
class _Candidate:
    row: int  # position in the gazetteer
    form: str  # the alias with plain separators and apostrophes, case kept
    exact: bool  # matches only as written
    needs_cue: bool
    surname: bool  # a one-word alias of a person: check the word before it
    name_like: bool  # a place alias that is also a name: check the words around it
    wordlike: bool  # an acronym that is also an English word: check for a run of capitals
    acronym: bool  # all capitals: not before "$" ("US$", "AU$" are currencies)
    # a state organ's alias ("North Korean Foreign Ministry"): words after its nationality
    # adjective may be in lower case; how many words that adjective has (0: not so)
    lower_tail: int = 0

    @property
    def plain(self) -> bool:
        return not (self.needs_cue or self.surname or self.name_like or self.acronym)

    def fits(self, form: str) -> bool:
        """Whether a matched span (in case form) follows this alias's case rule."""
        if self.exact:
            return form == self.form
        if len(form) != len(self.form):
            return False
        if all(t == a for a, t in zip(self.form, form) if a.isupper()):
            return True
        if not self.lower_tail:
            return False
        words, alias = form.split(" "), self.form.split(" ")
        head = self.lower_tail
        return words[:head] == alias[:head] and all(w.islower() for w in words[head:])


def _lower_tail(alias: str, actor_type: str, nationalities: frozenset) -> int:
    """How many words of a state organ's alias name its state by an adjective ("North
    Korean" in "North Korean Foreign Ministry": 2), so the rest may be written in lower
    case; 0 when the alias is not so (another type, an acronym, "of" inside, no state's
    adjective before the rest)."""
    words = alias.split(" ")
    if actor_type not in _ORGAN_TYPES or len(words) < 2 or \
            not all(w[:1].isupper() and w[1:].islower() for w in words):
        return 0
    return next((k for k in range(len(words) - 1, 0, -1)
                 if " ".join(words[:k]) in nationalities), 0)


_WORD_RUN = re.compile(r"\w+")


class _Span:
    """Where an alias key matched: ``start()`` and ``end()``, as a regex match has them."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _walk(root: dict, text: str, pos: int, endpos: int) -> int | None:
    """The end of the longest alias key matched at ``pos`` in plain lower-case text (not
    past ``endpos``) that no word character follows, else None: what the trie's regex
    (:attr:`_Matcher.pattern`) matches there, the character before ``pos`` checked by the
    caller.

    The regex tries a longer continuation before stopping, so the deepest key on the path
    whose end a word character does not follow wins; a key's space matches a run of
    spaces, and a key that ends in that space may give back one space, after which no word
    character follows."""
    node, i, best = root, pos, None
    while True:
        if None in node and (i >= endpos or not _WORD_CHAR.match(text, i)):
            best = i
        if i >= endpos:
            return best
        ch = text[i]
        node = node.get(ch)
        if node is None:
            return best
        i += 1
        if ch == " ":
            run = i
            while i < endpos and text[i] == " ":
                i += 1
            if None in node and i - run >= 1 and i < endpos and _WORD_CHAR.match(text, i):
                best = i - 1  # one space fewer: a space follows, not a word character


def _nodes_after_first(trie: dict, first_words) -> dict:
    """Each first word of the keys -> the trie's node after its characters."""
    found = {}
    for word in first_words:
        node = trie
        for ch in word:
            node = node.get(ch)
            if node is None:
                break
        if node is not None:
            found[word] = node
    return found


class _TrieSearch:
    """The gazetteer's alias keys found in one plain lower-case text by walking their trie:
    ``search(text, pos)`` and ``match(text, pos, endpos)`` answer as the compiled regex of
    the trie would (leftmost start, then the longest key there). Only the words that open
    some key are walked from: each key's first run of word characters must be a whole
    run of the text's, and keys that open with another character are tried where that
    character stands after no word character."""

    def __init__(self, matcher: _Matcher, text: str) -> None:
        self.root = matcher.trie
        firsts = matcher.first_words
        runs = [m.span() for m in _WORD_RUN.finditer(text) if m.group() in firsts]
        starts = [a for a, _ in runs]
        ends = [b for _, b in runs]
        if matcher.odd_first is not None:
            odd = [(m.start(), -1) for m in matcher.odd_first.finditer(text)]
            both = sorted(list(zip(starts, ends)) + odd)
            starts, ends = [a for a, _ in both], [b for _, b in both]
        self.starts, self.ends = starts, ends  # an end of -1: no word run opens there
        after_first = getattr(matcher, "after_first", None)
        self.after_first = (after_first if after_first is not None
                            else _nodes_after_first(matcher.trie, firsts))

    def search(self, text: str, pos: int = 0) -> _Span | None:
        starts, ends, root, n = self.starts, self.ends, self.root, len(text)
        after_first = self.after_first
        for k in range(bisect.bisect_left(starts, pos), len(starts)):
            start, first_end = starts[k], ends[k]
            # a run of word characters that opens a key: the walk goes on from the trie's
            # node after it (inside the run, a word character follows, so no key ends there)
            node = after_first.get(text[start:first_end]) if first_end > start else None
            if node is not None:
                end = _walk(node, text, first_end, n)
            else:
                end = _walk(root, text, start, n)
            if end is not None:
                return _Span(start, end)
        return None

    def match(self, text: str, pos: int, endpos: int) -> _Span | None:
        if pos and _WORD_CHAR.match(text, pos - 1):
            return None
        end = _walk(self.root, text, pos, min(endpos, len(text)))
        return None if end is None else _Span(pos, end)


def _key_openings(keys) -> tuple[frozenset, re.Pattern | None]:
    """What :class:`_TrieSearch` walks from: the first run of word characters of each
    alias key, and a regex for where a key that opens with another character may start."""
    firsts = frozenset(m.group() for m in map(_WORD_RUN.match, keys) if m is not None)
    odd = sorted({key[0] for key in keys if not _WORD_CHAR.match(key)})
    return firsts, (re.compile(r"(?<!\w)[" + re.escape("".join(odd)) + "]") if odd else None)


@dataclass(frozen=True)
class _Matcher:
    trie: dict  # alias key characters, nested; None marks a key's end
    first_words: frozenset  # each key's first run of word characters
    odd_first: re.Pattern | None  # where a key opening with another character may start
    candidates: dict  # alias key -> tuple of _Candidate
    actors: np.ndarray
    types: np.ndarray
    countries: np.ndarray
    iso3: np.ndarray
    cues: tuple  # row -> compiled cue regex or None
    name_parts: tuple  # row -> frozenset of the words of its aliases (lower case)
    fitting: dict = field(default_factory=dict)  # span -> candidates whose case rule fits

    @functools.cached_property
    def after_first(self) -> dict:
        """Each of ``first_words`` -> the trie's node after its characters."""
        return _nodes_after_first(self.trie, self.first_words)

    @functools.cached_property
    def pattern(self) -> str:
        """The trie as one regular expression (large: built only when asked for)."""
        return r"(?<!\w)" + _trie_pattern(self.trie) + r"(?!\w)"

    @functools.cached_property
    def regex(self) -> re.Pattern:
        """The trie's regex, case-sensitive, for lower-cased text (:class:`_TrieSearch`
        finds the same and is what :func:`_scan` uses)."""
        return re.compile(self.pattern)

    @functools.cached_property
    def regex_ignorecase(self) -> re.Pattern:
        """For the rare text whose lower-case form changes length ("İ")."""
        return re.compile(self.pattern, re.IGNORECASE)

    def fitting_candidates(self, span: str) -> tuple:
        found = self.fitting.get(span)
        if found is None:
            form = _case_form(span)
            found = tuple(c for c in self.candidates.get(_alias_key(span), ()) if c.fits(form))
            self.fitting[span] = found
        return found


def _build_matcher(gazetteer: pd.DataFrame) -> _Matcher:
    trie: dict = {}
    candidates: dict[str, list[_Candidate]] = {}
    nationalities = frozenset(  # "French", "North Korean": a state's adjective
        a for aliases, kind in zip(gazetteer["aliases"], gazetteer["actor_type"])
        if kind == "state" for a in _split(aliases) if _NATIONALITY_FORM.search(a))
    for row, rec in enumerate(gazetteer.itertuples(index=False)):
        needs = {_alias_key(a) for a in _split(rec.needs_cue)}
        aliases = _split(rec.aliases)
        aliases += [_dotted(a) for a in aliases if _dotted(a)]
        for alias in dict.fromkeys(aliases + [_ascii_fold(a) for a in aliases]):
            key = _alias_key(alias)
            if not key:
                continue
            node = trie
            for ch in key:
                node = node.setdefault(ch, {})
            node[None] = True
            cand = _Candidate(
                row, _case_form(alias), _is_exact(alias), key in needs,
                surname=rec.actor_type in PERSON_TYPES and not alias.isupper() and (
                    " " not in alias or alias.split(" ", 1)[0] in {"bin", "ibn"}),
                name_like=key in _NAME_LIKE_PLACES,
                wordlike=alias.isupper() and key in _WORDLIKE_ACRONYMS,
                acronym=alias.isupper(),
                lower_tail=_lower_tail(_case_form(alias), rec.actor_type, nationalities))
            if all(c.row != row or c.form != cand.form for c in candidates.get(key, [])):
                candidates.setdefault(key, []).append(cand)
    return _Matcher(
        trie, *_key_openings(candidates), {k: tuple(v) for k, v in candidates.items()},
        gazetteer["actor"].to_numpy(), gazetteer["actor_type"].to_numpy(),
        gazetteer["country"].to_numpy(), gazetteer["iso3"].to_numpy(),
        tuple(_cue_regex(c) for c in gazetteer["cues"]),
        tuple(frozenset(w.lower() for a in _split(aliases) for w in _KEY_SEP.split(a))
              for aliases in gazetteer["aliases"]))


def _cue_regex(cues: str) -> re.Pattern | None:
    words = _split(cues)
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@functools.lru_cache(maxsize=1)
def _default_matcher() -> _Matcher:
    return _build_matcher(_packaged_gazetteer())


_MATCHERS: dict[str, _Matcher] = {}


def _matcher_for(gazetteer) -> _Matcher:
    """The compiled matcher of a gazetteer (None, a DataFrame or a CSV path), cached."""
    if gazetteer is None:
        return _default_matcher()
    if isinstance(gazetteer, (str, os.PathLike)):
        gazetteer = load_gazetteer(gazetteer)
    frame = gazetteer.reindex(columns=GAZETTEER_COLUMNS + EXTRA_COLUMNS, fill_value="")
    digest = hashlib.sha1(
        pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy().tobytes()
    ).hexdigest()
    if digest not in _MATCHERS:
        if len(_MATCHERS) >= 8:
            _MATCHERS.pop(next(iter(_MATCHERS)))
        _MATCHERS[digest] = _build_matcher(_check_gazetteer(frame, "<gazetteer>"))
    return _MATCHERS[digest]


# --- deciding each match -----------------------------------------------------------------


class _Context:
    """A text being scanned, its sentences, and the brief around it (for cues)."""

    def __init__(self, matcher: _Matcher, text: str, starts, ends, brief: str | None, *,
                 neighbours: bool = True):
        self.matcher, self.text, self.brief = matcher, text, brief
        # the sentences' starts and ends as lists of ints: a scalar's bisect is far cheaper
        # than numpy's searchsorted
        self.starts, self.ends = [int(s) for s in starts], [int(e) for e in ends]
        self.neighbours = neighbours  # False: scanning a sentence for names_other_state
        self._found: dict[tuple[int, bool], list[int]] = {}
        self._sentence_rows: dict[int, frozenset] = {}

    def _sentence(self, start: int) -> int:
        return max(0, bisect.bisect_right(self.starts, start) - 1)

    def names_other_state(self, rows: list[int], start: int) -> bool:
        """Whether the sentence holding ``start`` names a state other than the countries of
        ``rows`` (the readings of an alias), or one of that state's leaders or organs
        ("Washington and Beijing", "between Washington, Tokyo and Seoul", "Xi ... in
        Washington")."""
        if not self.neighbours:
            return False
        i = self._sentence(start)
        if i not in self._sentence_rows:
            lo, hi = self.starts[i], self.ends[i]
            inner = _Context(self.matcher, self.text[lo:hi], [0], [hi - lo], None,
                             neighbours=False)
            self._sentence_rows[i] = frozenset(r for r, _, _ in _scan(inner))
        own = {self.matcher.countries[r] for r in rows}
        return any(self.matcher.types[r] in _STATE_SIDE and self.matcher.countries[r]
                   and self.matcher.countries[r] not in own for r in self._sentence_rows[i])

    def _cues_in(self, row: int, brief: bool) -> list[int]:
        """Where the row's cues start in the text, or in the brief, in order."""
        brief = brief and self.brief is not self.text
        if (row, brief) not in self._found:
            where = self.brief if brief else self.text
            self._found[row, brief] = [m.start() for m in self.matcher.cues[row].finditer(where)]
        return self._found[row, brief]

    def sentence_hits(self, row: int, start: int, end: int) -> int:
        """Cues of a row in the sentence holding ``start``, outside the span itself."""
        if self.matcher.cues[row] is None:
            return 0
        i = self._sentence(start)
        return _hits(self._cues_in(row, False), self.starts[i], self.ends[i],
                     start, end)

    def brief_hits(self, row: int, start: int, end: int) -> int:
        """Cues of a row anywhere in the brief (outside the span, when the brief is the
        text scanned)."""
        if self.brief is None or self.matcher.cues[row] is None:
            return 0
        if self.brief is self.text:
            return _hits(self._cues_in(row, True), 0, len(self.brief), start, end)
        return len(self._cues_in(row, True))


def _hits(cue_starts: list[int], lo: int, hi: int, start: int, end: int) -> int:
    """How many cue starts (in order) lie in [lo, hi) but not in the span [start, end)."""
    left = bisect.bisect_left
    return (left(cue_starts, hi) - left(cue_starts, lo)
            - (left(cue_starts, end) - left(cue_starts, start)))


# Mentions that make a sentence speak of a state: the state and its government.
_STATE_SIDE = frozenset({"state", "observer_state", "former_state", "territory", "sub_state",
                         "state_agency", "state_force", "leader"})
_REJECTED = -1  # _decide: the span names an actor, but a guard or a missing cue rules it out


def _decide(ctx: _Context, start: int, end: int) -> int | None:
    """The gazetteer row a span names; None if no alias fits its case; _REJECTED if one does
    but a guard or a missing cue rules it out."""
    cands = ctx.matcher.fitting_candidates(ctx.text[start:end])
    if len(cands) == 1 and cands[0].plain:
        return cands[0].row
    if not cands:
        return None
    cands = [c for c in cands if not _guarded(ctx, c, start, end)]
    if len(cands) == 1 and not cands[0].needs_cue:
        return cands[0].row
    if not cands:
        return _REJECTED
    hits = [ctx.sentence_hits(c.row, start, end) for c in cands]
    if max(hits) > 0:
        return cands[hits.index(max(hits))].row
    defaults = [c for c in cands if not c.needs_cue]
    hits = [ctx.brief_hits(c.row, start, end) for c in cands]
    if max(hits) > 0:
        # A cue elsewhere in the brief does not outweigh the sentence itself: beside another
        # state (or its leaders and organs) the alias is the default, that state's
        # counterpart ("Washington and Beijing agreed" in a brief that names Seattle once
        # is the United States, not Washington State).
        if defaults and ctx.names_other_state([c.row for c in cands], start):
            return defaults[0].row
        return cands[hits.index(max(hits))].row
    return defaults[0].row if defaults else _REJECTED


def _guarded(ctx: _Context, cand: _Candidate, start: int, end: int) -> bool:
    """Whether a rule drops this reading of the span."""
    text = ctx.text
    if cand.acronym:
        return text.startswith("$", end) or (
            cand.wordlike and _in_capitals_run(ctx.matcher, text, start, end))
    if cand.surname or cand.name_like:
        prev = _PREV_WORD.search(text, max(0, start - 40), start)
        if prev and not _ends_sentence(prev) \
                and _is_foreign_name(ctx.matcher, cand, prev.group(1), text, prev.start()):
            return True
    if cand.name_like:
        nxt = _NEXT_WORD.match(text, end)
        if nxt and _is_foreign_name(ctx.matcher, cand, nxt.group(1), text, None):
            return True
    return False


def _is_foreign_name(matcher, cand, word: str, text: str, word_start: int | None) -> bool:
    """Whether a capitalised neighbour makes the span part of someone else's name."""
    lower = word.lower()
    if (lower in _TITLE_WORDS or lower in matcher.candidates
            or lower in matcher.name_parts[cand.row]):
        return False
    return word_start is None or not _starts_sentence(text, word_start)


def _ends_sentence(prev: re.Match) -> bool:
    """Whether the word before a span ends its sentence ("... the Forces. Abadi"): a full
    stop after it that does not end an abbreviation ("Gen. Abadi")."""
    return prev.group(0).rstrip().endswith(".") \
        and prev.group(1).lower() not in resources.abbreviations()


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` opens a sentence (so its capital says nothing); a line
    break before it opens a paragraph, a heading or a bullet."""
    window = text[max(0, pos - 12):pos]
    before = window.rstrip()
    if not before or before[-1] in _SENTENCE_OPENERS or "\n" in window[len(before):]:
        return True
    if before[-1] != ".":
        return False
    abbrev = re.search(r"(\S+)\.$", before)  # "Rep. Jim Jordan" is not a new sentence
    return not (abbrev and abbrev.group(1).lower() in resources.abbreviations())


def _in_capitals_run(matcher: _Matcher, text: str, start: int, end: int) -> bool:
    """Whether an all-capitals word (not itself an alias) stands beside the span."""
    before = re.search(r"([A-Za-z]+)[\s\-]+$", text[max(0, start - 30):start])
    after = re.match(r"[\s\-]+([A-Za-z]+)", text[end:end + 30])
    return any(m and len(m.group(1)) > 1 and m.group(1).isupper()
               and m.group(1).lower() not in matcher.candidates for m in (before, after))


def _scan(ctx: _Context) -> list[tuple[int, int, int]]:
    """(row, start, end) of each actor named in the context's text, in order.

    Leftmost-longest, with refinements. Where the longest alias at a position is rejected,
    shorter ones there are tried; if none is accepted, the search resumes after the
    longest span a guard rejected ("Rifaat al-Assad" hides "Assad" too), or else one
    character on. And where an accepted match overlaps a longer one that starts inside it,
    the longer one wins ("the Gulf Cooperation Council" is the GCC, not "the Gulf").
    """
    text, matcher = ctx.text, ctx.matcher
    lowered = _plain(text.lower())
    if len(lowered) == len(text):
        regex = _TrieSearch(matcher, lowered)
    else:
        lowered, regex = _plain(text), matcher.regex_ignorecase
    found = []
    match = regex.search(lowered)
    while match is not None:
        start = match.start()
        row, end = _accept(ctx, regex, lowered, start, match.end())
        if row is None:
            match = regex.search(lowered, max(end, start + 1))
            continue
        match, longer = _next_match(ctx, regex, lowered, start, end)
        if not longer and matcher.types[row] != "non_actor":
            found.append((row, start, end))
    return found


def _plain(text: str) -> str:
    """Every separator a space and every apostrophe "'" (str.replace beats str.translate)."""
    for char, plain in _PLAIN:
        if char in text:
            text = text.replace(char, plain)
    return text


def _next_match(ctx: _Context, regex, lowered: str, start: int, end: int):
    """The first match after the accepted span [start, end), or a longer accepted one
    overlapping it (then ``longer`` is True)."""
    nxt = regex.search(lowered, start + 1)
    while nxt is not None and nxt.start() < end:
        if nxt.end() > end and nxt.end() - nxt.start() > end - start:
            row, better = _accept(ctx, regex, lowered, nxt.start(), nxt.end())
            if row is not None and better > end and better - nxt.start() > end - start:
                return nxt, True
        nxt = regex.search(lowered, nxt.start() + 1)
    return nxt, False


def _accept(ctx: _Context, regex, lowered: str, start: int, end: int) -> tuple[int | None, int]:
    """(row, end) of the longest accepted alias starting at ``start``; else (None, the end
    of the longest span that a guard rejected, or ``start``)."""
    rejected_end = start
    while True:
        row = _decide(ctx, start, end)
        if row is not None and row != _REJECTED:
            return row, end
        if row == _REJECTED:
            rejected_end = max(rejected_end, end)
        shorter = regex.match(lowered, start, end - 1)
        while shorter and _WORD_CHAR.match(lowered, shorter.end()):
            shorter = regex.match(lowered, start, shorter.end() - 1)
        if shorter is None:
            return None, rejected_end
        end = shorter.end()


# --- public functions --------------------------------------------------------------------


def find_actors(text: str, *, gazetteer=None, context: str | None = None) -> list[Mention]:
    """The actors named in one string (a sentence, a title, any text), in order.

    Args:
        text: the string to search; offsets index it.
        gazetteer: a gazetteer DataFrame or CSV path; None for briefkit's own.
        context: surrounding text (the brief) whose cues decide an ambiguous alias when
            ``text`` itself has none.

    >>> [(m.actor, m.country, m.start, m.end) for m in find_actors("Iran’s Quds Force")]
    [('Iran', 'Iran', 0, 4), ('Qods Force', 'Iran', 7, 17)]
    """
    matcher = _matcher_for(gazetteer)
    if gazetteer is None and context is None:
        # the same sentence is read by the claims machinery, the views and the scorer
        if matcher is not _KEPT_FOR[0]:
            _kept_actors.cache_clear()
            _KEPT_FOR[0] = matcher
        return list(_kept_actors(text))
    return _actors_in(matcher, text, context)


def _actors_in(matcher: _Matcher, text: str, context: str | None) -> list[Mention]:
    ctx = _Context(matcher, text, [0], [len(text)], context)
    return [Mention(matcher.actors[row], matcher.types[row], matcher.countries[row],
                    text[start:end], start, end)
            for row, start, end in _scan(ctx)]


ACTORS_KEPT = 8192  # texts whose actors (briefkit's gazetteer, no context) are kept


@functools.lru_cache(maxsize=ACTORS_KEPT)
def _kept_actors(text: str) -> tuple[Mention, ...]:
    """find_actors(text) with briefkit's own gazetteer, kept by the exact text (and emptied
    when that gazetteer's matcher is built anew)."""
    return tuple(_actors_in(_default_matcher(), text, None))


_KEPT_FOR: list = [None]  # the matcher _kept_actors's texts were read with


def clear_actor_memo() -> None:
    """Forget the actors kept for texts (:func:`find_actors`)."""
    _kept_actors.cache_clear()


@storage.cached_table("mentions")
def find_mentions(corpus, *, gazetteer=None) -> pd.DataFrame:
    """Every naming of an actor in a corpus: the mentions table of DESIGN.md.

    Args:
        corpus: a :class:`~briefkit.corpus.Corpus`.
        gazetteer: a gazetteer DataFrame or CSV path (see :func:`load_gazetteer`); None
            for briefkit's own.

    Returns:
        A new DataFrame with ``MENTION_COLUMNS`` then ``iso3``, one row per mention, in
        brief and text order; ``text`` is ``brief_text[start:end]``. A mention outside
        every sentence (there is none in a brief the loader split) is left out. The table
        is computed once per corpus and gazetteer, then read from memory or from
        ``.briefkit-cache/`` (:func:`briefkit.storage.cached_table`).

    >>> from briefkit.corpus import Corpus
    >>> c = Corpus.from_texts(["Putin met Erdoğan. Ankara balked."])
    >>> mentions = find_mentions(c)
    >>> mentions[["sent_id", "actor", "text"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [[0, 'Vladimir Putin', 'Putin'], [0, 'Recep Tayyip Erdoğan', 'Erdoğan'],
     [1, 'Turkey', 'Ankara']]
    """
    matcher = _matcher_for(gazetteer)
    sents = corpus.sentences
    where = sents.groupby("brief_id", sort=False).indices
    s_start, s_end = sents["start"].to_numpy(), sents["end"].to_numpy()
    s_id = sents["sent_id"].to_numpy()
    found, sent_rows = [], []
    for brief_id, text in zip(corpus.briefs["brief_id"], corpus.briefs["text"]):
        idx = where.get(brief_id)
        if idx is None:
            continue
        starts, ends = s_start[idx], s_end[idx]
        hits = np.array(_scan(_Context(matcher, text, starts, ends, text)), dtype=int)
        if not len(hits):
            continue
        i = np.searchsorted(starts, hits[:, 1], side="right") - 1
        inside = (i >= 0) & (hits[:, 2] <= ends[np.maximum(i, 0)])
        found.append(hits[inside])
        sent_rows.append(idx[i[inside]])
    return _mention_frame(matcher, corpus, found, sent_rows, s_id)


def _mention_frame(matcher, corpus, found, sent_rows, s_id) -> pd.DataFrame:
    """The mentions table from (row, start, end) triples and their sentences' rows."""
    found = np.concatenate(found) if found else np.zeros((0, 3), dtype=int)
    sent_rows = np.concatenate(sent_rows) if sent_rows else np.zeros(0, dtype=int)
    brief_ids = corpus.sentences["brief_id"].to_numpy()[sent_rows]
    texts = dict(zip(corpus.briefs["brief_id"], corpus.briefs["text"]))
    rows = found[:, 0]
    frame = pd.DataFrame({
        "brief_id": brief_ids,
        "sent_id": s_id[sent_rows].astype(int),
        "actor": matcher.actors[rows], "actor_type": matcher.types[rows],
        "country": matcher.countries[rows],
        "text": [texts[b][a:e] for b, a, e in zip(brief_ids, found[:, 1], found[:, 2])],
        "start": found[:, 1], "end": found[:, 2],
        "iso3": matcher.iso3[rows],
    }, columns=MENTION_COLUMNS + ["iso3"])
    if frame.empty:  # keep string columns string-typed when there is nothing to infer from
        frame = frame.astype({c: "str" for c in ("brief_id", "actor", "actor_type", "country",
                                                 "text", "iso3")})
    return frame


def resolve_actor(name: str, *, gazetteer=None) -> pd.Series | None:
    """The gazetteer row of an actor named by its canonical name or any alias, or None.

    A leading "the" and a possessive "'s" are ignored. An alias shared by several rows
    resolves to the row that needs no cue for it ("Georgia" is the state).

    >>> resolve_actor("Hezbollah")["actor"], resolve_actor("Iran’s")["country"]
    ('Hizballah', 'Iran')
    >>> resolve_actor("Atlantis") is None
    True
    >>> resolve_actor("the West")["actor"], resolve_actor("Western powers")["actor"]
    ('the West', 'the West')
    """
    frame = _packaged_gazetteer() if gazetteer is None else (
        load_gazetteer(gazetteer) if isinstance(gazetteer, (str, os.PathLike)) else gazetteer)
    matcher = _matcher_for(gazetteer)
    given = re.sub(r"['\u2019]s$", "", name.strip())
    # The name as given first ("the West" is an actor's name), then without its article.
    names = list(dict.fromkeys([given, re.sub(r"^(?:the|The)\s+", "", given)]))
    lowered = frame["actor"].str.lower()
    for each in names:
        exact = frame.index[lowered == each.lower()]
        if len(exact):
            return frame.loc[exact[0]].copy()
    for each in names:
        cands = matcher.fitting_candidates(each)
        if cands:
            best = next((c for c in cands if not c.needs_cue), cands[0])
            return frame.iloc[best.row].copy()
    return None
