"""Normalisation, sentences and words, with exact character offsets.

Every span returned here indexes the string it was given, so that ``text[start:end]`` is
the sentence or the token. The normalisation keeps curly quotes and dashes (they are the
text) but makes odd spaces plain and drops invisible characters, so that offsets computed
on briefkit's text match what a reader sees.

Sentences come from Punkt: NLTK's English parameters (``punkt_tab``) where installed, else
Punkt with *untrained* parameters. Either way briefkit's abbreviation list
(``data/abbreviations.txt``) then decides every break after an abbreviation: a break is
kept only when the next word is one that starts sentences ("the U.S. The next day"), and
added there when Punkt missed it. NLTK's parameters know abbreviations of their own, some of
them ordinary words ("ill", "wed": "Ill." and "Wed." in American news); after these, and
after a single capital, a break is added in both modes where the next word starts sentences
("... fell ill. On March 12 ...", "in Division C. The House ..."). This deliberately
departs from DESIGN.md, which trains Punkt on the corpus in the offline fallback: a trained
model would make a brief's sentences depend on what else was loaded with it, and the
per-file cache would no longer be valid. Untrained parameters plus the list give the same
split for a brief whatever the corpus, in both modes, for every sentence of the seed brief.

>>> tokenize_words("U.S.-led strikes hit al-Assad's forces.")[:3]
[('U.S.-led', 0, 8), ('strikes', 9, 16), ('hit', 17, 20)]
>>> text = "U.S. officials met Gen. Dunford on Dec. 28. Russia objected."
>>> [text[s:e] for s, e in split_sentences(text)]
['U.S. officials met Gen. Dunford on Dec. 28.', 'Russia objected.']
"""

from __future__ import annotations

import functools
import re
import unicodedata

from briefkit import resources

# --- normalisation -----------------------------------------------------------------------

# Spaces that look like a space: no-break, figure, narrow no-break, en/em quads, ideographic.
_ODD_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
# Invisible characters: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Line and page breaks other than LF: vertical tab, form feed (a PDF converter's page
# break), NEL, the Unicode line and paragraph separators.
_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
# C0/C1 control characters other than tab, newline and the breaks above.
_CONTROLS = "".join(
    chr(c) for c in [*range(32), *range(0x7F, 0xA0)]
    if chr(c) not in "\t\n" and chr(c) not in _BREAKS
)
_TRANSLATE = str.maketrans(
    {**{ch: " " for ch in _ODD_SPACES}, **{ch: None for ch in _INVISIBLE + _CONTROLS}, **_BREAKS}
)


def normalize_text(text: str) -> str:
    """Normalise a brief's text: NFC, plain spaces, no invisible or control characters.

    Line ends become ``\\n`` (a form feed too); curly quotes, apostrophes and dashes are
    kept as written. Normalising twice changes nothing.

    >>> normalize_text("Iran\\u00a0and\\u200b Russia\\r\\n")
    'Iran and Russia\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text.translate(_TRANSLATE))
    # NFC can only compose; it never yields a character removed above, except that a
    # removed invisible character may have separated two that now compose: one more pass
    # of NFC is then a no-op, so the result is stable.
    return text


# --- words -------------------------------------------------------------------------------

_APOS = "'\u2019\u02bc"
_HYPHENS = "\\-\u2010\u2011"
_TOKEN_RE = re.compile(
    rf"""
    (?:[A-Za-z]\.){{2,}}                                     # U.S.  e.g.  D.C.
        (?:[{_HYPHENS}]\w+(?:[{_HYPHENS}{_APOS}]\w+)*        #   U.S.-led  U.S.-Saudi
          |[{_APOS}]\w+)?                                     #   U.S.'s
    | \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?                        # 25,000  1,200.5
    | \d+(?:\.\d+)+                                           # 3.67
    | \w+(?:(?:[{_HYPHENS}{_APOS}]|\+)\w+)*                   # al-Assad P5+1 Russia's
    | \S                                                      # any other mark
    """,
    re.VERBOSE,
)
# The same tokens without the one-character catch-all: every match but "_" runs is a word.
_WORDISH_RE = re.compile(_TOKEN_RE.pattern.rsplit("|", 1)[0], re.VERBOSE)
_ALPHA_WORD_RE = re.compile(r"[A-Za-z]+")
_ALPHA_STRIP_RE = re.compile(rf"[{_HYPHENS}{_APOS}.]")
_DIGIT_AFTER_RE = re.compile(r"\s+\(?\d")


def tokenize_words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Split text into word tokens with their spans (``offset`` is added to each span).

    Abbreviations from briefkit's list keep their full stop ("Gen.", "Dec."), as do
    dotted initialisms ("U.S.", "U.K.") and single capital initials ("K."); an
    abbreviation used only before numbers ("No. 5", "p. 12") keeps it only there. Every
    character that is not whitespace lies in exactly one token, and
    ``text[start - offset:end - offset] == token``.

    >>> [tok for tok, _, _ in tokenize_words("Shi’a militias: 25,000 men.")]
    ['Shi’a', 'militias', ':', '25,000', 'men', '.']
    """
    kinds = resources.abbreviation_kinds()
    tokens: list[tuple[str, int, int]] = []
    prev_end = -1
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        word = match.group()
        if tokens and start == prev_end and _joins(tokens[-1][0], word, text, end, kinds):
            prev, prev_start, _ = tokens.pop()
            tokens.append((prev + word, prev_start, end + offset))
        else:
            tokens.append((word, start + offset, end + offset))
        prev_end = end
    return tokens


def _joins(prev: str, word: str, text: str, end: int, kinds: dict[str, str]) -> bool:
    """Whether ``word`` belongs to the token just before it (no space between)."""
    if word == ".":
        if not _ALPHA_WORD_RE.fullmatch(prev):
            return False
        if len(prev) == 1 and prev.isupper():
            return True  # an initial: "Paul K. Kerr"
        kind = kinds.get(prev.lower())
        if kind == "numbered":
            return bool(_DIGIT_AFTER_RE.match(text, end))
        return kind is not None
    # Combining marks belong to the letter before them (scripts whose marks NFC cannot
    # compose, such as Devanagari's virama, would otherwise split words).
    return _is_mark(word[0]) or (_is_mark(prev[-1]) and word[0].isalnum())


def _is_mark(ch: str) -> bool:
    return ord(ch) >= 0x300 and unicodedata.category(ch).startswith("M")


def norm_token(token: str) -> str:
    """A token's normal form: lower case, curly apostrophes made straight.

    >>> norm_token("Russia’s")
    "russia's"
    """
    return token.lower().replace("\u2019", "'").replace("\u02bc", "'")


def is_word(token: str) -> bool:
    """Whether a token is a word or number (holds a letter or digit), not punctuation."""
    return any(ch.isalnum() for ch in token)


def is_alpha_token(token: str) -> bool:
    """Whether a token is made of letters, perhaps joined by hyphens, apostrophes or dots."""
    return _ALPHA_STRIP_RE.sub("", token).isalpha()


def count_words(text: str) -> int:
    """The number of word tokens (tokens holding a letter or digit) in ``text``.

    >>> count_words("The U.S.-led coalition, 25,000 strong.")
    5
    """
    if not text.isascii() and any(_is_mark(ch) for ch in set(text)):
        return sum(1 for tok, _, _ in tokenize_words(text) if is_word(tok))  # marks join words
    found = _WORDISH_RE.findall(text)
    return len(found) - sum(1 for tok in found if "_" in tok and not is_word(tok))


# --- sentences ---------------------------------------------------------------------------

# Words that start a new sentence after an abbreviation such as "U.S." ("... on the U.S. The
# next day ..."); any other following word means the abbreviation sits inside the sentence
# ("the U.S. Army", "Dec. 28"). Compared in lower case; the word must be capitalised.
_SENTENCE_STARTERS = frozenset(
    """a according additionally after afterwards again all also although among an and
    another any as at because before both but by despite during each earlier either even
    every few finally first for from further furthermore he her here his how however i if
    in indeed instead it its last later many meanwhile more moreover most much my neither
    nevertheless next no nonetheless nor not now of on once one only other others our over
    second several she similarly since so some still such that the their then there
    therefore these they third this those though thus to today two under unlike unless
    until we what when where whether which while who why with within without yet you""".split()
)
# Punkt's regular expressions run under a time limit (nltk.redos); a paragraph is split
# in windows of at most this many characters, cut after a sentence end where possible.
PUNKT_WINDOW = 20_000
# Windows with more candidate sentence ends than one per this many characters are not
# prose; they are cut at every candidate, since Punkt costs ~50 microseconds a sentence.
MIN_SENTENCE_CHARS = 20
_BLANK_LINE_RE = re.compile(r"\n[^\S\n]*\n")
_STOP_RE = re.compile(r"\.(?=\s)")
# The word before a full stop, as an abbreviation would stand: not the "s" of a possessive
# ("... was Baghdad’s. Officials ..." ends a sentence; "S. 2150" is a Senate bill).
_WORD_BEFORE_RE = re.compile(r"(?<![\w.\u2019'])[A-Za-z]+(?:\.[A-Za-z]+)*\Z")
_LONGEST_ABBREVIATION = 16
_NEXT_WORD_RE = re.compile(r"\s+[\"'“‘(\[]*([^\s\"'“”‘’()\[\].,;:!?]*)")
_WINDOW_CUT_RE = re.compile(r"[.?!][\"'”’)\]]*\s+")


def _punkt():
    """Punkt with NLTK's English parameters where installed, else untrained parameters."""
    return _punkt_and_own_abbreviations()[0]


@functools.cache
def _punkt_and_own_abbreviations():
    """Punkt, and the abbreviations of NLTK's English parameters missing from briefkit's list.

    NLTK's list holds some ordinary words ("ill", "wed", "wash", "ore": state and weekday
    abbreviations) and single letters; after them a break is added where the next word starts
    sentences ("... also fell ill. On March 12 ..."), as the fallback's untrained Punkt does.
    """
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    tokenizer = None
    if resources.nltk_resource("punkt_tab"):
        from nltk.tokenize.punkt import PunktTokenizer

        try:
            tokenizer = PunktTokenizer("english")
        except (LookupError, OSError, ValueError):
            tokenizer = None
    if tokenizer is None:
        tokenizer = PunktSentenceTokenizer(PunktParameters())
    own = frozenset(tokenizer._params.abbrev_types) - resources.abbreviations()
    tokenizer._params.abbrev_types.update(resources.abbreviations())
    return tokenizer, own


def splitter_mode() -> str:
    """'nltk' when Punkt uses NLTK's English parameters, else 'fallback'."""
    return "nltk" if resources.nltk_resource("punkt_tab") else "fallback"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in one paragraph (or any text).

    Punkt finds the candidates; after one of briefkit's abbreviations a break is kept
    (or added) only when the next word usually starts a sentence. Paragraph breaks
    (blank lines) always end a sentence. The spans are in order, do not overlap, hold no
    leading or trailing whitespace, and together hold every non-space character.

    >>> split_sentences("Iran agreed. Russia did not.")
    [(0, 12), (13, 28)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BLANK_LINE_RE.finditer(text):
        spans.extend(_split_block(text, start, match.start()))
        start = match.end()
    spans.extend(_split_block(text, start, len(text)))
    return spans


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], a block without blank lines."""
    cuts = {start, end}
    for w_start, w_end in _windows(text, start, end):
        cuts.add(w_start)
        if w_end - w_start > PUNKT_WINDOW // 10:
            ends = [m.end() for m in _WINDOW_CUT_RE.finditer(text, w_start, w_end)]
            if len(ends) * MIN_SENTENCE_CHARS > w_end - w_start:
                cuts.update(ends)  # not prose (". . . ."): Punkt would take minutes
                continue
        for s, _ in _punkt_spans(text[w_start:w_end]):
            cuts.add(w_start + s)
    _apply_abbreviation_rule(text, start, end, cuts)
    spans = []
    ordered = sorted(cuts)
    for a, b in zip(ordered, ordered[1:]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def _windows(text: str, start: int, end: int):
    """Windows of at most PUNKT_WINDOW characters, cut after a sentence end if possible."""
    while end - start > PUNKT_WINDOW:
        limit = start + PUNKT_WINDOW
        cut = None
        for match in _WINDOW_CUT_RE.finditer(text, limit - PUNKT_WINDOW // 4, limit):
            cut = match.end()
        if cut is None:
            space = text.rfind(" ", start + 1, limit)
            cut = space + 1 if space > start else limit
        yield start, cut
        start = cut
    yield start, end


def _punkt_spans(block: str) -> list[tuple[int, int]]:
    try:
        return list(_punkt().span_tokenize(block))
    except Exception:
        return [(0, len(block))]


def _apply_abbreviation_rule(text: str, start: int, end: int, cuts: set[int]) -> None:
    """Decide every break after an abbreviation from briefkit's list (changes ``cuts``),
    and add the breaks Punkt missed after its own abbreviations that end sentences.

    A sentence starts at the first non-space character after a cut, so the cut that
    follows "U.S. " may sit anywhere from the full stop to the next word.
    """
    kinds = resources.abbreviation_kinds()
    punkt_own = _punkt_and_own_abbreviations()[1]
    for stop in _STOP_RE.finditer(text, start, end):
        word = _WORD_BEFORE_RE.search(text, max(start, stop.start() - _LONGEST_ABBREVIATION),
                                      stop.start())
        if word is None or word.start() == max(start, stop.start() - _LONGEST_ABBREVIATION) > start:
            continue  # no word, or one too long to be an abbreviation
        kind = kinds.get(word.group().lower())
        if kind is None and (word.group().isupper() if len(word.group()) == 1
                             else word.group().lower() in punkt_own):
            kind = "punkt"  # a capital or NLTK's abbreviation: a break may be added, not removed
        if kind is None:
            continue
        after = _NEXT_WORD_RE.match(text, stop.end(), end)
        if after is None:
            continue
        word = after.group(1)
        if kind == "title" or (kind == "numbered" and word[:1].isdigit()):
            keep = False
        else:
            keep = word[:1].isupper() and word.lower() in _SENTENCE_STARTERS
        between = range(stop.end(), after.start(1) + 1)
        present = [c for c in between if c in cuts and start < c < end]
        if keep and not present:
            cuts.add(stop.end())
        elif not keep and kind != "punkt":
            cuts.difference_update(present)
