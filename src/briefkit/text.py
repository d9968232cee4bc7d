"""Normalisation, sentences and words, with exact character offsets.

Every span returned here indexes the string it was given, so that ``text[start:end]`` is
the sentence or the token. The normalisation keeps curly quotes and dashes (they are the
text) but makes odd spaces plain and drops invisible characters, so that offsets computed
on briefkit's text match what a reader sees.

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
_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# C0/C1 control characters other than tab and newline.
_CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n") + "".join(
    chr(c) for c in range(0x7F, 0xA0)
)
_TRANSLATE = str.maketrans(
    {**{ch: " " for ch in _ODD_SPACES}, **{ch: None for ch in _INVISIBLE + _CONTROLS}}
)


def normalize_text(text: str) -> str:
    """Normalise a brief's text: NFC, plain spaces, no invisible or control characters.

    Line ends become ``\\n``; curly quotes, apostrophes and dashes are kept as written.

    >>> normalize_text("Iran\\u00a0and\\u200b Russia\\r\\n")
    'Iran and Russia\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text.translate(_TRANSLATE))


# --- words -------------------------------------------------------------------------------

_APOS = "'\u2019\u02bc"
_HYPHENS = "\\-\u2010\u2011"
_TOKEN_RE = re.compile(
    rf"""
    (?:[A-Za-z]\.){{2,}}(?:[{_HYPHENS}]\w+(?:[{_HYPHENS}{_APOS}]\w+)*)?  # U.S., U.S.-led
    | \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?                                 # 25,000  1,200.5
    | \d+(?:\.\d+)+                                                   # 3.67
    | \w+(?:(?:[{_HYPHENS}{_APOS}]|\+)\w+)*                           # al-Assad P5+1 Russia's
    | \S                                                              # any other mark
    """,
    re.VERBOSE,
)
_WORD_DOT_RE = re.compile(r"[A-Za-z]+")


def tokenize_words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Split text into word tokens with their spans (``offset`` is added to each span).

    Abbreviations from briefkit's list keep their full stop ("Gen.", "Dec."), as do
    dotted initialisms ("U.S.", "U.K.") and single capital initials ("K.").

    >>> tokenize_words("Shi’a militias: 25,000 men.")
    [('Shi’a', 0, 5), ('militias', 6, 14), (':', 14, 15), ('25,000', 16, 22), ('men', 23, 26), ('.', 26, 27)]
    """
    abbrevs = resources.abbreviations()
    tokens: list[tuple[str, int, int]] = []
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        word = match.group()
        if (
            word == "."
            and tokens
            and tokens[-1][2] == start + offset
            and _WORD_DOT_RE.fullmatch(tokens[-1][0])
            and (tokens[-1][0].lower() in abbrevs or _is_initial(tokens[-1][0]))
        ):
            prev, prev_start, _ = tokens.pop()
            tokens.append((prev + ".", prev_start, end + offset))
            continue
        tokens.append((word, start + offset, end + offset))
    return tokens


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


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
    stripped = re.sub(rf"[{_HYPHENS}{_APOS}.]", "", token)
    return stripped.isalpha()


# --- sentences ---------------------------------------------------------------------------

# Words that start a new sentence after an abbreviation such as "U.S." ("... on the U.S. The
# next day ..."); any other following word means the abbreviation sits inside the sentence.
_SENTENCE_STARTERS = frozenset(
    """a after also although an and as at before both but despite during even for from he
    her his however i if in instead it its many meanwhile moreover most neither nevertheless
    no nor now on one only others our several she since so some still such that the their
    then there these they this those though thus to two under unlike until we what when
    whether while who why with yet""".split()
)


@functools.lru_cache(maxsize=None)
def _punkt():
    """Punkt with NLTK's English parameters where installed, else briefkit's own."""
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
    tokenizer._params.abbrev_types.update(resources.abbreviations())
    return tokenizer


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in one paragraph (or any text).

    Punkt finds the candidates; a break right after one of briefkit's abbreviations is
    undone unless the next word usually starts a sentence. Paragraph breaks (blank lines)
    always end a sentence.

    >>> split_sentences("Iran agreed. Russia did not.")
    [(0, 12), (13, 28)]
    """
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        raw = list(_punkt().span_tokenize(block))
        for start, end in _merge_abbreviation_breaks(block, raw):
            spans.append((block_start + start, block_start + end))
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of text: runs of non-blank lines."""
    return [m.span() for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text) if m.group().strip()]


def _merge_abbreviation_breaks(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    abbrevs = resources.abbreviations()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            last_word = block[merged[-1][0] : merged[-1][1]].split()[-1]
            next_words = block[start:end].split()
            key = last_word.lstrip("(\"'“‘[").lower()
            if key.endswith(".") and key[:-1] in abbrevs and next_words:
                first = next_words[0].strip("\"'“‘(").lower()
                if first not in _SENTENCE_STARTERS:
                    merged[-1] = (merged[-1][0], end)
                    continue
        merged.append((start, end))
    return merged
