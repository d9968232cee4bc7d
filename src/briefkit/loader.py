"""Files to Brief records: one reader per format, each detected from content and extension.

Formats: the IntelBrief layout (date line, title, "•" key points, body, publisher footer),
Markdown with a bold-field header and web chrome (CRS products as converted from their web
pages), Markdown or text with YAML front matter, other Markdown, plain text (metadata may
come from a ``manifest.csv``/``manifest.tsv`` beside it, see :mod:`briefkit.corpus`),
HTML, JSON Lines (one brief per line) and PDF (with the ``pdf`` extra). Every reader
returns :class:`Brief` records whose ``text`` is normalised and whose paragraphs are spans
of it. Input files are only ever opened for reading.

>>> parse_date("5 Jan 2016"), parse_date("04/09/2026"), parse_date("sometime in 2016")
('2016-01-05', '2026-04-09', None)
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import html.parser
import io
import json
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date as _date

from briefkit.errors import (
    BinaryFileError,
    BriefkitError,
    EmptyFileError,
    FileTooLargeError,
    MissingPathError,
    ParseError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from briefkit.text import normalize_text

# Files larger than this are skipped unless the caller raises ``max_bytes`` (or sets
# BRIEFKIT_MAX_BYTES): a one-page brief is 5-50 kB, a long report as PDF a few MB.
DEFAULT_MAX_BYTES = 20_000_000
BRIEF_EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jsonl",
                    ".ndjson", ".pdf")
MANIFEST_NAMES = ("manifest.csv", "manifest.tsv")
# Paragraph kinds: DESIGN's two, plus headings found in Markdown, HTML and CRS products.
KEY_POINT, BODY, HEADING = "key_point", "body", "heading"
PARAGRAPH_KINDS = (KEY_POINT, BODY, HEADING)


@dataclass
class Brief:
    """One brief as read from a file: normalised text, paragraph spans and metadata."""

    path: str
    text: str
    paragraphs: list[tuple[str, int, int]]  # (kind, start, end) spans of text
    title: str = ""
    date: str | None = None  # ISO date, or None when unknown
    source: str = ""
    fmt: str = ""
    meta: dict = field(default_factory=dict)
    encoding: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def max_bytes_default() -> int:
    """The size limit in force: ``BRIEFKIT_MAX_BYTES`` when set, else DEFAULT_MAX_BYTES."""
    value = os.environ.get("BRIEFKIT_MAX_BYTES", "").replace("_", "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


# --- dates -------------------------------------------------------------------------------

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"
_DATE_PATTERNS = [
    # 2016-01-05, 2016/01/05, 2016.01.05, 2016-01-05T10:00:00Z
    (re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)"), ("y", None, "m", "d")),
    # January 5, 2016 / Jan. 5 2016 / January 5th, 2016 / Jan-05-2016
    (re.compile(rf"\b({_MONTH_RE})\.?[\s/-]+(\d{{1,2}}){_ORD},?[\s/-]+(\d{{4}})(?!\d)",
                re.IGNORECASE),
     ("mon", "d", "y")),
    # 5 January 2016 / 5 Jan. 2016 / 5th of January, 2016 / 05-Jan-2016
    (re.compile(rf"(?<!\d)(\d{{1,2}}){_ORD}[\s/-]+(?:of\s+)?({_MONTH_RE})\.?,?[\s/-]+(\d{{4}})(?!\d)",
                re.IGNORECASE), ("d", "mon", "y")),
    # 04/09/2026: month first, as US publishers write, unless the first number is over 12
    (re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"), ("m", "d", "y")),
    # 05.01.2016: day first, as European publishers write
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)"), ("d", "m", "y")),
]
# datetime64[ns] holds 1677-09-21 to 2262-04-11; other years are not a brief's date.
_YEARS = range(1678, 2262)


def parse_date(text: str | None) -> str | None:
    """The first date written in a common form, as ISO; None when there is none.

    Never a guess: a month without a day ("January 2016"), a two-digit year or an
    impossible day gives None. "04/09/2026" is month first (US usage) unless the first
    number is over 12.

    >>> parse_date("January 5, 2016"), parse_date("2016-01-05T08:00:00Z")
    ('2016-01-05', '2016-01-05')
    >>> parse_date("Tue, 05 Jan 2016 10:00:00 +0000"), parse_date("28/09/2015")
    ('2016-01-05', '2015-09-28')
    """
    if not text:
        return None
    text = str(text)[:1000]
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = {k: v for k, v in zip(order, match.groups()) if k}
            found = _make_date(parts, month_first=order[0] == "m")
            if found:
                return found
    return None


def _make_date(parts: dict[str, str], *, month_first: bool) -> str | None:
    year, day = int(parts["y"]), int(parts["d"])
    month = _MONTHS[parts["mon"].lower()] if "mon" in parts else int(parts["m"])
    if month_first and month > 12 >= day:
        month, day = day, month
    if year not in _YEARS:
        return None
    try:
        return _date(year, month, day).isoformat()
    except ValueError:
        return None


def _is_date_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= 40 and parse_date(stripped) is not None


# --- bytes to text -----------------------------------------------------------------------

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"RIFF": "a RIFF file (WebP image, WAV audio)",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\x7fELF": "an executable",
    b"MZ": "a Windows executable",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"SQLite format 3": "a SQLite database",
    b"ID3": "an MP3 file",
}
# Share of control characters above which decoded bytes are binary, not text.
_BINARY_SHARE = 0.05
_CONTROL_RE = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f]")
# NUL bytes scattered in text (a converter's or a database's) are dropped; a file that is
# mostly NUL (and not UTF-16) is binary.
_NUL_SHARE = 0.3


def read_bytes(path: str | os.PathLike, *, max_bytes: int | None = None) -> bytes:
    """A file's bytes, after checking it is a regular file under the size limit.

    The file is opened read-only and without blocking, so a pipe or device that turned
    up in a folder cannot stall the load.
    """
    limit = max_bytes_default() if max_bytes is None else max_bytes
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _open_error(path, exc) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFileError(path, "a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError(path, "not a regular file (a pipe, socket or device)")
        if info.st_size > limit:
            raise FileTooLargeError(path, _too_large(info.st_size, limit))
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be read: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
    if len(data) > limit:  # the file grew while we looked
        raise FileTooLargeError(path, _too_large(len(data), limit))
    return data


def _too_large(size: int, limit: int) -> str:
    return f"the file is {size:,} bytes, over the limit of {limit:,} (raise max_bytes to read it)"


def _open_error(path, exc: OSError) -> BriefkitError:
    if exc.errno == errno.ELOOP:
        return UnreadableFileError(path, "a symbolic link loop")
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            return MissingPathError(path, "a broken symbolic link (its target does not exist)")
        return MissingPathError(path, "no such file or folder")
    if exc.errno == errno.EISDIR:
        return UnreadableFileError(path, "a folder, not a file")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UnreadableFileError(path, "permission denied")
    return UnreadableFileError(path, f"cannot be opened: {exc.strerror or exc}")


def decode_bytes(data: bytes, path: str | os.PathLike = "<bytes>") -> str:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16 (BOM or not), else cp1252, else latin-1.

    NUL bytes are dropped. Raises BinaryFileError for binary data and EmptyFileError for
    an empty file or one holding only whitespace.

    >>> decode_bytes("caf\\u00e9 \\u2019".encode("cp1252"))
    'café ’'
    """
    return decode_with_encoding(data, path)[0]


def decode_with_encoding(data: bytes, path: str | os.PathLike = "<bytes>") -> tuple[str, str]:
    """Like :func:`decode_bytes`, also returning the encoding that was used."""
    if not data:
        raise EmptyFileError(path, "the file is empty")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryFileError(path, f"binary data ({what}), not text")
    text, encoding = _decode_unicode(data, path)
    if text is None:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    sample = text[:65536]
    if sample and (len(_CONTROL_RE.findall(sample)) > _BINARY_SHARE * len(sample)
                   or sample.count("\x00") > _NUL_SHARE * len(sample)):
        raise BinaryFileError(path, "binary data (many control bytes), not text")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.strip():
        raise EmptyFileError(path, "the file holds only whitespace")
    return text, encoding


def _decode_unicode(data: bytes, path) -> tuple[str | None, str]:
    """Text from a BOM, from UTF-16's tell-tale NUL bytes, or as UTF-8; None otherwise."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ParseError(path, f"starts with a {encoding} byte-order mark but is not "
                                       f"valid {encoding} (byte {exc.start})") from exc
    sample = data[:4096]
    # UTF-16 without a BOM: NUL in every other byte of mostly-Latin text.
    if len(sample) >= 4:
        for nul_half, encoding in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
            if nul_half.count(0) > 0.4 * len(nul_half):
                try:
                    return data.decode(encoding), encoding
                except UnicodeDecodeError:
                    pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None, ""


# --- assembling a brief ------------------------------------------------------------------

_LINE_BREAK_RE = re.compile(r"[ \t]*\n[ \t]*")
_SPACES_RE = re.compile(r"[ \t]{2,}")
_BLOCK_SPLIT_RE = re.compile(r"\n[ \t]*\n")


def assemble(parts: list[tuple[str, str]]) -> tuple[str, list[tuple[str, int, int]]]:
    """Join (kind, paragraph) parts into one text with paragraph spans, blank line between.

    Each paragraph is normalised, and its inner line breaks become spaces (hard wraps).

    >>> assemble([("key_point", "Iran gains"), ("body", "Russia\\nacts.")])
    ('Iran gains\\n\\nRussia acts.', [('key_point', 0, 10), ('body', 12, 24)])
    """
    pieces, spans, pos = [], [], 0
    for kind, raw in parts:
        para = normalize_text(raw)
        if "\n" in para:
            para = _LINE_BREAK_RE.sub(" ", para)
        para = para.strip()
        if "  " in para or "\t" in para:
            para = _SPACES_RE.sub(" ", para)
        if not para:
            continue
        if pieces:
            pieces.append("\n\n")
            pos += 2
        pieces.append(para)
        spans.append((kind, pos, pos + len(para)))
        pos += len(para)
    return "".join(pieces), spans


def _blocks(text: str) -> list[str]:
    """Paragraph blocks separated by blank lines."""
    return [b.strip("\n") for b in _BLOCK_SPLIT_RE.split(text) if b.strip()]


_BULLET_RE = re.compile(r"^\s*(?:[•●▪◦‣∙·■□➢►–]|[-*+](?=\s)|\d{1,2}[.)](?=\s))\s*")
_TERMINAL = tuple(".?!:;\"”’)…")


# Last words of a lead-in line ("... contention include", "... remarked that"), not a heading.
_LEAD_IN_ENDS = frozenset("""a an the of to and or as at by for from in into on with that which
    who whom whose than include includes including are is was were be been this these those
    its their his her our""".split())


def _looks_like_heading(block: str) -> bool:
    words = block.split()
    return (0 < len(words) <= 12 and "\n" not in block.strip() and not words[0][0].islower()
            and not block.rstrip().endswith((*_TERMINAL, ","))
            and (len(words) == 1 or words[-1].lower() not in _LEAD_IN_ENDS))


def classify_blocks(blocks: list[str], *, headings: bool = True) -> list[tuple[str, str]]:
    """Kinds for body blocks: bullets before the first body paragraph are key points,
    one per bullet line; with ``headings``, short unpunctuated lines are headings.

    >>> classify_blocks(["• Iran gains", "Background", "Russia acts.", "• Turkey waits"])[:2]
    [('key_point', 'Iran gains'), ('heading', 'Background')]
    """
    parts: list[tuple[str, str]] = []
    seen_body = False
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if lines and all(_BULLET_RE.match(line) for line in lines):
            kind = BODY if seen_body else KEY_POINT
            parts.extend((kind, _BULLET_RE.sub("", line, count=1)) for line in lines)
        elif headings and _looks_like_heading(block):
            parts.append((HEADING, block))
        else:
            seen_body = True
            parts.append((BODY, block))
    return parts


def _make_brief(path, parts, fmt, *, title="", date=None, source="", meta=None) -> Brief:
    text, spans = assemble(parts)
    if not text.strip():
        raise EmptyFileError(path, "no text left after removing the layout")
    return Brief(
        path=str(path),
        text=text,
        paragraphs=spans,
        title=" ".join(normalize_text(str(title or "")).split()),
        date=date,
        source=" ".join(normalize_text(str(source or "")).split()),
        fmt=fmt,
        meta=meta or {},
    )


def _scalar(value) -> str | None:
    """A metadata value as text: scalars as written, flat lists joined by ';', else None.

    Nested values are dropped rather than printed, so that YAML aliases cannot expand
    into an enormous string.
    """
    if value is None:
        return ""
    if isinstance(value, (str, int, float, bool, _date)):
        return str(value)
    if isinstance(value, (list, tuple)) and all(
        isinstance(v, (str, int, float, bool, _date)) for v in value
    ):
        return ";".join(str(v) for v in value)[:10_000]
    return None


def _meta_from(record: dict, skip: set[str]) -> dict[str, str]:
    meta = {}
    for key, value in list(record.items())[:200]:
        key = str(key).strip()
        text = _scalar(value)
        if key and key not in skip and text is not None:
            meta[key[:100]] = text
    return meta


# --- IntelBrief layout -------------------------------------------------------------------

# "TSG IntelBrief: Iran and Russia's ..." -> source "TSG IntelBrief".
_PUBLISHER_PREFIX_RE = re.compile(
    r"^(?P<source>[^:]{2,40}?\b(?:IntelBrief|Brief|Briefing|Insight|In Focus|Commentary|"
    r"Analysis|Alert|Update|Spotlight|Note))\s*[:|–—-]\s+(?P<title>\S.*)$"
)
_FOOTER_RE = re.compile(
    r"^\s*(?:For tailored research|Subscribe to|Subscribe\b|Copyright|©|All rights reserved|"
    r"Share this|Follow us|Click here|To receive|Sign up|Unsubscribe|Contact us)",
    re.IGNORECASE,
)


def split_publisher_prefix(title: str) -> tuple[str, str]:
    """Split "TSG IntelBrief: Title" into ("TSG IntelBrief", "Title").

    >>> split_publisher_prefix("TSG IntelBrief: Iran and Russia")
    ('TSG IntelBrief', 'Iran and Russia')
    >>> split_publisher_prefix("Syria: The Road to Geneva")
    ('', 'Syria: The Road to Geneva')
    """
    match = _PUBLISHER_PREFIX_RE.match(title.strip())
    if match:
        return match.group("source").strip(), match.group("title").strip()
    return "", title.strip()


def looks_like_intelbrief(text: str) -> bool:
    """Whether the first line is a date and at least two more lines follow."""
    lines = [line for line in text[:5000].split("\n") if line.strip()][:3]
    return len(lines) >= 3 and _is_date_line(lines[0])


def read_intelbrief(path, text: str) -> list[Brief]:
    """The IntelBrief layout: date line, title, "•" key points, body paragraphs, footer."""
    blocks = _blocks(text)
    date = parse_date(blocks[0].strip()) if blocks and _is_date_line(blocks[0]) else None
    if date:
        blocks = blocks[1:]
    title_block = ""
    if blocks and not _BULLET_RE.match(blocks[0]) and len(blocks[0].split()) <= 30:
        title_block, blocks = blocks[0], blocks[1:]
    source, title = split_publisher_prefix(" ".join(title_block.split()))
    body = []
    for block in blocks:
        if body and _FOOTER_RE.match(block) and len(block.split()) <= 40:
            break  # the publisher's footer and everything after it
        body.append(block)
    parts = classify_blocks(body)
    return [_make_brief(path, parts, "intelbrief", title=title, date=date, source=source)]


# --- Markdown ----------------------------------------------------------------------------

_IMAGE_RE = re.compile(r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")
_LINK_RE = re.compile(
    r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    r"(?:\s+\"[^\"]*\")?\)"
)
_BARE_URL_RE = re.compile(r"<?https?://[^\s<>]+>?")
_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_EMPHASIS_RE = re.compile(
    r"\*\*+|__+|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)"
)
_QUOTE_MARK_RE = re.compile(r"^\s{0,3}>\s?")
_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_RULE_RE = re.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$")


def strip_links(text: str) -> str:
    """Markdown links become their text; images and bare URLs are removed.

    A link glued to the word before it by a converter gets its space back.

    >>> strip_links("Tehran has [the capacity](https://x.gov/a.pdf) to act")
    'Tehran has the capacity to act'
    >>> strip_links("A[2025](https://x.gov/a.pdf) assessment ![map](m.png)")
    'A 2025 assessment '
    """
    text = _IMAGE_RE.sub("", text)
    text = _LINK_RE.sub(_link_text, text)
    return _BARE_URL_RE.sub("", text)


def _link_text(match: re.Match) -> str:
    label = match.group("text")
    string, start, end = match.string, match.start(), match.end()
    # emphasis markers between a link and a word hold no space ("of****[the Act](u)")
    before = string[:start].rstrip("*_")[-1:]
    after = string[end:].lstrip("*_")[:2]
    if label[:1].isalnum() and before and (before.isalnum() or before in ",;"):
        label = " " + label
    # a word right after, or another link ("[invited](u)[the King](v)", "[S. 41](u)****would")
    if label[-1:].isalnum() and (after[:1].isalnum() or after[:1] == "[" and after[1:].isalnum()):
        label += " "
    return label


def strip_emphasis(text: str) -> str:
    """Markdown emphasis markers removed: ``**bold**``, ``_italic_``.

    Underscores that a converter left between two words stand for the space it lost.

    >>> strip_emphasis("the **JCPOA** and _float_ rates, snake_case kept")
    'the JCPOA and float rates, snake_case kept'
    >>> strip_emphasis("_capital __and__financial account_")
    'capital and financial account'
    """
    if "*" not in text and "_" not in text:
        return text
    return _EMPHASIS_RE.sub(_emphasis_gap, text)


def _emphasis_gap(match: re.Match) -> str:
    string, end = match.string, match.end()
    start = len(string[:match.start()].rstrip("*_"))  # the whole run: "_**From**__****_**"
    marks = string[start:end]
    if len(match.group()) < 2 or not 0 < start < end < len(string) or string[end] in "*_":
        return ""  # a single marker, or not the run's last piece
    before, after = string[start - 1], string[end]
    if not after.isalnum():
        return ""
    if before in ".,:;!?)":
        return " "  # "**Amending Section 122.**If": the run-in heading's lost space
    if not before.isalnum() or _lone_piece(string, start, end):
        return ""  # "**M****arket**", "Source****s****:": one word set in pieces
    # Underscores between two words, or a bold closed and opened again ("Incentive****
    # Program**") or left empty ("of****strategic"), stand for the space a converter lost.
    return " " if "_" in marks or len(marks) >= 4 else ""


def _lone_piece(string: str, start: int, end: int) -> bool:
    """Whether the markers at start:end are next to a lone letter or digit set between
    markers: the pieces of one word ("**M****arket", "program****s****", "202__7__")."""
    left, right = string[:start], string[end:]
    lone_left = len(left) >= 2 and left[-1].isalnum() and left[-2] in "*_"
    lone_right = len(right) >= 2 and right[0].isalnum() and right[1] in "*_"
    return lone_left or lone_right


def markdown_blocks(lines: list[str], *, title: str = "") -> list[tuple[str, str]]:
    """(kind, text) paragraphs of Markdown lines: headings, bullets, body.

    Links become their text, images, tables, code blocks and rules are dropped, emphasis
    markers removed, and a heading repeating ``title`` skipped.
    """
    cleaned: list[str] = []
    heading_lines: set[int] = set()
    in_fence = False
    for line in lines:
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            cleaned.append("")
            continue
        if in_fence or _RULE_RE.match(line):
            cleaned.append("")
            continue
        line = _QUOTE_MARK_RE.sub("", line)
        heading = _HEADING_RE.match(line)
        if heading:
            cleaned.extend(["", strip_emphasis(strip_links(heading.group(2))).strip(), ""])
            heading_lines.add(len(cleaned) - 2)
            continue
        cleaned.append(strip_emphasis(strip_links(line)))
    cleaned = _drop_tables(cleaned)
    parts = []
    for block_lines in _line_blocks(cleaned):
        index, block = block_lines[0][0], "\n".join(line for _, line in block_lines)
        if title and _same_words(block, title):
            continue  # the title repeated on the page
        parts.extend([(HEADING, block)] if index in heading_lines else classify_blocks([block]))
    return _fix_key_points(parts)


def _same_words(a: str, b: str) -> bool:
    """Whether two short strings hold the same words, whatever the quotes and case."""
    if abs(len(a) - len(b)) > 10:
        return False
    return _fold(a) == _fold(b)


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").lower().split())


def _line_blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines, each line with its index."""
    blocks, current = [], []
    for i, line in enumerate(lines):
        if line.strip():
            current.append((i, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _drop_tables(lines: list[str]) -> list[str]:
    """Blank out Markdown tables: every run of non-blank lines holding a '|' row."""
    out = list(lines)
    for block in _line_blocks(lines):
        if any(line.lstrip().startswith("|") for _, line in block):
            for i, _ in block:
                out[i] = ""
    return out


def _fix_key_points(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Bullets are key points only before the first body paragraph."""
    fixed, seen_body = [], False
    for kind, text in parts:
        if kind == BODY:
            seen_body = True
        elif kind == KEY_POINT and seen_body:
            kind = BODY
        fixed.append((kind, text))
    return fixed


def read_markdown(path, text: str) -> list[Brief]:
    """Markdown without front matter: the first "# " heading is the title."""
    lines = text.split("\n")
    title = ""
    first = next((line for line in lines if line.strip()), "")
    heading = _HEADING_RE.match(first)
    if heading and len(heading.group(1)) == 1:
        title = strip_emphasis(strip_links(heading.group(2))).strip()
    parts = markdown_blocks(lines, title=title)
    date = parse_date(parts[0][1]) if parts and _is_date_line(parts[0][1]) else None
    if date:
        parts = parts[1:]
    return [_make_brief(path, parts, "markdown", title=title, date=date)]


# --- Markdown with a bold-field header (CRS products) ------------------------------------

_FIELD_RE = re.compile(r"^\*\*(?P<name>[^*:]+):\*\*\s*(?P<value>.*)$")
_TABLE_FIELD_RE = re.compile(r"^\|\s*\*\*(?P<name>[^*:|]+):\*\*\s*\|\s*(?P<value>.*?)\s*\|?\s*$")
_CHROME_LINE_RE = re.compile(
    r"^\s*(?:#{1,6}\s*CRS PRODUCT|\[Listen\]|\[Hide Overview\]|\[Download PDF|\[Citation\]|"
    r"[-*]\s*\[[^\]]*\]\([^)]*\)\s*$)",
    re.IGNORECASE,
)
_DISCLAIMER_RE = re.compile(r"^\s*Disclaimer:", re.IGNORECASE)
# Table and figure furniture in the body: captions, units, notes and sources.
_FURNITURE_RE = re.compile(
    r"^\s*(?:(?:Table|Figure|Chart|Map|Exhibit)\s+[A-Z]?\d+[.:]"
    r"|Figure is interactive|Chart\w* chart with|.*\bHighcharts\b|[-\s]*End of interactive chart"
    r"|\((?:\$|in\s|adjusted|\d{4}\s*[-–]\s*\d{4})[^()]{0,60}\)\s*$"
    r"|(?:Sources?|Notes?)\s*:)",
    re.IGNORECASE,
)
_CAPTION_RE = re.compile(r"^\s*(?:Table|Figure|Chart|Map|Exhibit)\s+[A-Z]?\d+[.:]", re.IGNORECASE)
_READING_LINE_DATE_RE = re.compile(
    rf"(?:Updated\s+)?((?:{_MONTH_RE})\.?\s+\d{{1,2}},\s+\d{{4}})\s*\((?:[A-Z]{{1,3}}\d+)\)\s*$",
    re.IGNORECASE,
)


def looks_like_field_markdown(text: str) -> bool:
    """Whether the first lines hold at least two ``**Field:** value`` lines."""
    head = text.lstrip()[:3000].split("\n")[:20]
    return sum(1 for line in head if _FIELD_RE.match(line.strip())) >= 2


def _is_chrome(line: str) -> bool:
    """Navigation and link-only lines: nothing but links, separators and a word or two."""
    if _CHROME_LINE_RE.match(line):
        return True
    if "](" not in line:
        return False
    rest = _LINK_RE.sub("", _IMAGE_RE.sub("", line))
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 1


def _field_key(name: str) -> str:
    return " ".join(strip_emphasis(name).lower().split())


def read_field_markdown(path, text: str) -> list[Brief]:
    """Markdown with a "# Title" and "**Field:** value" header above "---", then web chrome.

    Title, date, source and authors come from the header (or the page's overview table);
    navigation lines, links, images, data tables with their captions and notes, and the
    closing disclaimer are dropped; headings are kept as paragraphs of kind 'heading'.
    """
    lines = text.split("\n")
    fields: dict[str, str] = {}
    title, body_start = "", 0
    for i, line in enumerate(lines[:60]):
        stripped = line.strip()
        if stripped.startswith("# ") and not title:
            title = strip_emphasis(stripped[2:]).strip()
            body_start = i + 1
        elif (match := _FIELD_RE.match(stripped)) is not None:
            fields.setdefault(_field_key(match.group("name")), match.group("value").strip())
            body_start = i + 1
        elif stripped == "---":
            body_start = i + 1
            break
        elif stripped:
            break
    body, reading_line, in_caption = [], "", False
    for line in lines[body_start:]:
        stripped = line.strip()
        if _DISCLAIMER_RE.match(stripped):
            break
        if (match := _TABLE_FIELD_RE.match(stripped)) is not None:
            fields.setdefault(_field_key(match.group("name")), match.group("value").strip())
            body.append("")
            continue
        if stripped.startswith("[Listen]") or _READING_LINE_DATE_RE.search(stripped):
            reading_line = reading_line or strip_links(stripped)
            body.append("")
            continue  # the page's reading line: "<title>Updated April 9, 2026 (IF12106)"
        plain = strip_emphasis(stripped)
        if _CAPTION_RE.match(plain):
            in_caption = True  # a table's or figure's title, and the subtitle lines after it
        elif in_caption and stripped and not stripped.startswith("|"):
            in_caption = _looks_like_heading(plain) or plain[:1].islower()
        if in_caption or _is_chrome(stripped) or _FURNITURE_RE.match(plain):
            body.append("")
            continue
        body.append(line)
    date = parse_date(fields.get("publication date") or fields.get("date"))
    if date is None and (match := _READING_LINE_DATE_RE.search(reading_line)):
        date = parse_date(match.group(1))
    product = fields.get("product type") or fields.get("crs product type") or ""
    source = fields.get("source", "")
    if "crs" in source.lower() or "congress.gov" in source:
        source = f"CRS {product}".strip()
    meta = {
        "authors": fields.get("author(s)") or fields.get("authors") or fields.get("author") or "",
        "topics": fields.get("topics", ""),
        "report_no": fields.get("report no.") or fields.get("crs product number") or "",
        "url": fields.get("source", "") if fields.get("source", "").startswith("http") else "",
    }
    parts = markdown_blocks(body, title=title)
    return [_make_brief(path, parts, "field_markdown", title=title, date=date, source=source,
                        meta=meta)]


# --- YAML front matter -------------------------------------------------------------------

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)",
                              re.DOTALL)
# Front matter is a few lines; a longer header is not one (and YAML parsing stays quick).
_MAX_FRONT_MATTER = 64_000


def looks_like_front_matter(text: str) -> bool:
    """Whether the text opens with a ``---`` line."""
    return re.match(r"\A\n*---[ \t]*\n", text) is not None


def read_front_matter(path, text: str) -> list[Brief]:
    """Markdown or text whose metadata sits in YAML front matter (title, date, source, tags).

    Malformed YAML, or front matter that never closes, raises ParseError.
    """
    import yaml

    text = text.lstrip("\n")
    match = _FRONT_MATTER_RE.match(text[: _MAX_FRONT_MATTER + 10])
    if not match:
        raise ParseError(path, "front matter opened with '---' but never closed")
    try:
        header = yaml.safe_load(match.group("yaml") or "") or {}
    except yaml.YAMLError as exc:
        raise ParseError(path, f"malformed YAML front matter: {_first_line(exc)}") from exc
    except RecursionError as exc:
        raise ParseError(path, "malformed YAML front matter: nested too deeply") from exc
    if not isinstance(header, dict):
        raise ParseError(path, "the YAML front matter is not a mapping of fields")
    header = {str(k).lower(): v for k, v in header.items()}
    title = _scalar(header.get("title")) or ""
    parts = markdown_blocks(text[match.end():].split("\n"), title=title)
    if not title and parts and parts[0][0] == HEADING:
        title, parts = parts[0][1], parts[1:]
    meta = _meta_from(header, {"title", "date", "source", "tags", "topics"})
    tags = header.get("tags") or header.get("topics") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in re.split(r"[;,]", tags) if t.strip()]
    if _scalar(tags):
        meta["tags"] = _scalar(tags)
    date = parse_date(_scalar(header.get("date")) or "")
    source = _scalar(header.get("source")) or ""
    return [_make_brief(path, parts, "front_matter", title=title, date=date, source=source,
                        meta=meta)]


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


# --- plain text --------------------------------------------------------------------------

# Page furniture of converted documents: UN document symbols with the meeting date
# ("A/70/PV.15 28/09/2015"), job numbers with page numbers ("15-29425 31/34").
_UN_RECORD_RE = re.compile(
    r"^\s*(?:[A-Z]/\d+/PV\.\d+\s+(\d{2}/\d{2}/\d{4})|(\d{2}/\d{2}/\d{4})\s+[A-Z]/\d+/PV\.\d+)\s*$"
)
_LOWER_RUN_RE = re.compile(r"[a-z]{3}")
# Lines this long on average are paragraphs written one per line, not hard-wrapped text.
_PARAGRAPH_LINE_CHARS = 100


def is_page_furniture(line: str) -> bool:
    """Whether a line is a converted document's page furniture: short, mostly not letters.

    >>> is_page_furniture("15-29425 31/34"), is_page_furniture("A/70/PV.15 28/09/2015")
    (True, True)
    >>> is_page_furniture("Afghanistan 2015"), is_page_furniture("")
    (False, False)
    """
    visible = line.replace(" ", "").replace("\t", "")
    if not visible or len(visible) > 40 or _LOWER_RUN_RE.search(line):
        return False
    return sum(ch.isalpha() for ch in visible) < 0.4 * len(visible)


def read_plain(path, text: str) -> list[Brief]:
    """Plain text: paragraphs are blank-line blocks, or lines when lines are paragraphs.

    Page-furniture lines are dropped, a paragraph cut by a page break ("...However, it"
    then "also poses...") is rejoined, a first short line without a full stop is the
    title, and a UN verbatim record's meeting date (in its page furniture) is the date.
    """
    date, paragraphs = None, []
    for para, after_break in _plain_paragraphs(text):
        if isinstance(para, tuple):
            date = date or para[1]
            continue
        if paragraphs and _continues(paragraphs[-1], para, after_break):
            paragraphs[-1] = paragraphs[-1].rstrip() + " " + para.lstrip()
        else:
            paragraphs.append(para)
    title = ""
    if len(paragraphs) > 1 and _looks_like_heading(paragraphs[0]):
        title, paragraphs = paragraphs[0], paragraphs[1:]
    return [_make_brief(path, classify_blocks(paragraphs), "plain", title=title, date=date)]


def _plain_paragraphs(text: str):
    """Yield (paragraph, after_a_page_break), and ('date', iso) for a UN record's date."""
    lines = text.split("\n")
    one_per_line = _lines_are_paragraphs(lines)
    current: list[str] = []
    page_break = False
    after_break = False
    for line in lines:
        record = _UN_RECORD_RE.match(line)
        if record or is_page_furniture(line):
            if record:
                day, month, year = (record.group(1) or record.group(2)).split("/")
                found = _make_date({"d": day, "m": month, "y": year}, month_first=False)
                if found:
                    yield ("date", found), False
            page_break = True
            continue
        if not line.strip() or one_per_line:
            if current:
                yield "\n".join(current), after_break
                current, after_break = [], False
            if not line.strip():
                continue
        if not current:
            after_break, page_break = page_break, False
        current.append(line)
    if current:
        yield "\n".join(current), after_break


def _lines_are_paragraphs(lines: list[str]) -> bool:
    """Whether each line is a paragraph: long lines, or most lines end a sentence.

    Hard-wrapped text has short lines that mostly stop mid-sentence.
    """
    text_lines = [line.rstrip() for line in lines if line.strip() and not is_page_furniture(line)]
    if len(text_lines) < 2:
        return False
    if sum(map(len, text_lines)) / len(text_lines) > _PARAGRAPH_LINE_CHARS:
        return True
    ending = sum(1 for line in text_lines if line.endswith(_TERMINAL))
    return len(text_lines) >= 3 and ending >= 0.6 * len(text_lines)


def _continues(previous: str, para: str, after_break: bool) -> bool:
    """Whether ``para`` continues ``previous``, cut by a page break or a converter.

    The previous paragraph must lack closing punctuation and not be a bullet, and then
    either ``para`` starts in lower case or with an opening quote, or ``previous`` is too
    long to be a heading ("... the Charter of the United" / "Nations ...").
    """
    if _BULLET_RE.match(para) or _BULLET_RE.match(previous):
        return False
    first = para.lstrip()[:1]
    if previous.rstrip().endswith((";", ",")):
        return first.islower() or first in "“‘\"'"
    if previous.rstrip().endswith(_TERMINAL):
        return False
    return (first.islower() or first in "“‘\"'(" or after_break
            or len(previous.split()) > 12)


def read_text_blocks(name: str, text: str) -> Brief:
    """A brief from a plain string, as written: paragraphs on blank lines, bullets as key points.

    Unlike :func:`read_plain` nothing is dropped or joined and there are no headings; an
    empty string gives a brief without paragraphs. Used by ``Corpus.from_texts``.
    """
    parts = classify_blocks(_blocks(normalize_text(text)), headings=False)
    body, spans = assemble(parts)
    return Brief(path=name, text=body, paragraphs=spans, fmt="text")


# --- HTML --------------------------------------------------------------------------------

_SKIP_TAGS = {"script", "style", "iframe", "noscript", "template", "svg", "math", "nav",
              "header", "footer", "aside", "form", "button", "object", "embed", "head",
              "select", "textarea", "canvas", "video", "audio", "figure", "dialog"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "h1", "h2", "h3", "h4", "h5",
               "h6", "blockquote", "pre", "tr", "td", "th", "ul", "ol", "table", "dd", "dt",
               "figcaption", "hr", "body", "address", "details", "summary", "center"}
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "source",
              "wbr", "embed", "param", "track"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# A <br> in the collected text (NUL never survives decoding, so it cannot clash).
_BR = "\x00"
_BR_BREAK_RE = re.compile(r"\x00\s*\x00[\s\x00]*")
_CONTAINERS = {"article", "main"}


class _HTMLText(html.parser.HTMLParser):
    """Collects an HTML page's meta tags, title and readable text as [kind, text, in_article].

    Tag depth is counted per tag name, so closing a tag costs the same however deep the
    nesting (a page of 100,000 nested <div>s reads in linear time).
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1 = ""
        self.blocks: list[list] = []
        self._open: dict[str, int] = {}
        self._skip = 0
        self._article = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            attrs = {k.lower(): (v or "") for k, v in attrs}
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            key = key.lower()
            if key and "content" in attrs:
                self.meta.setdefault(key, attrs["content"])
            return
        if tag == "time":
            stamp = dict(attrs).get("datetime")
            if stamp:
                self.meta.setdefault("time", stamp)
        if tag == "br":
            self._add_text(_BR)
            return
        if tag in _VOID_TAGS:
            if tag == "hr":
                self._new_block(BODY)
            return
        self._open[tag] = self._open.get(tag, 0) + 1
        self._skip += tag in _SKIP_TAGS
        self._article += tag in _CONTAINERS
        self._in_title = self._in_title or tag == "title"
        self._in_h1 = self._in_h1 or tag == "h1"
        if tag in _BLOCK_TAGS:
            self._new_block(HEADING if tag in _HEADING_TAGS else KEY_POINT if tag == "li" else BODY)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS and tag != "meta":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self._open.get(tag):
            return
        # Close the tag, and (as browsers do) count any unclosed tags inside it as closed
        # only for the counters that matter: skipping, articles, title and h1.
        self._open[tag] -= 1
        self._skip -= tag in _SKIP_TAGS
        self._article -= tag in _CONTAINERS
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        if tag in _BLOCK_TAGS:
            self._new_block(BODY)

    def handle_data(self, data):
        if self._in_title:
            self.title += data
            return
        if self._skip > 0:
            return
        self._add_text(data)
        if self._in_h1 and not self.h1 and data.strip():
            self.h1 = data.strip()

    def _add_text(self, data):
        if self._skip > 0:
            return
        if not self.blocks:
            self._new_block(BODY)
        block = self.blocks[-1]
        block[1].append(data)
        block[2] = block[2] or self._article > 0

    def _new_block(self, kind):
        if not self.blocks or "".join(self.blocks[-1][1]).strip():
            self.blocks.append([kind, [], False])
        else:
            self.blocks[-1][0] = kind


_HTML_START_RE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                            re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML page (a doctype, an <html> or a <body> tag near the top)."""
    return bool(_HTML_START_RE.match(text[:5000])) or "<body" in text[:5000].lower()


def read_html(path, text: str) -> list[Brief]:
    """HTML: the article's text (or the body's), title and date from the usual meta tags.

    Scripts, styles, iframes, navigation and forms are dropped; list items before the
    first paragraph are key points; <br><br> separates paragraphs.
    """
    parser = _HTMLText()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:
        raise ParseError(path, f"unreadable HTML: {exc}") from exc
    blocks = parser.blocks
    if any(b[2] for b in blocks):
        blocks = [b for b in blocks if b[2]]
    meta = parser.meta
    title = meta.get("og:title") or meta.get("twitter:title") or meta.get("dc.title") or ""
    title = " ".join((title or parser.h1 or parser.title).split())
    source, title = _html_title_source(title, meta)
    parts = []
    for kind, pieces, _ in blocks:
        for chunk in _BR_BREAK_RE.split("".join(pieces)):
            chunk = " ".join(chunk.replace(_BR, " ").split())
            if chunk and not (kind == HEADING and chunk == title):
                parts.append((kind, chunk))
    date = None
    for key in ("article:published_time", "date", "dc.date", "dc.date.issued", "pubdate",
                "publishdate", "datepublished", "citation_publication_date",
                "article:modified_time", "time"):
        date = date or parse_date(meta.get(key))
    return [_make_brief(path, _fix_key_points(parts), "html", title=title, date=date,
                        source=source)]


def _html_title_source(title: str, meta: dict[str, str]) -> tuple[str, str]:
    prefix, rest = split_publisher_prefix(title)
    source = meta.get("og:site_name") or meta.get("publisher") or prefix or ""
    return source, (rest if prefix else title)


# --- JSON Lines --------------------------------------------------------------------------

_TEXT_FIELDS = ("text", "body", "content", "article")


def read_jsonl(path, text: str) -> tuple[list[Brief], list[tuple[str, str]]]:
    """JSON Lines: one brief per line, its text plus any metadata fields.

    Returns the briefs and the (``path#L<n>``, reason) of lines that could not be read.
    """
    briefs, problems = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}#L{number}"
        try:
            briefs.append(_jsonl_brief(where, number, line))
        except BriefkitError as exc:
            problems.append((where, exc.reason))
    return briefs, problems


def _jsonl_brief(where: str, number: int, line: str) -> Brief:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ParseError(where, f"line {number} is not valid JSON ({exc.msg})") from exc
    except (ValueError, RecursionError) as exc:
        raise ParseError(where, f"line {number} is not usable JSON ({type(exc).__name__})") from exc
    if not isinstance(record, dict):
        raise ParseError(where, f"line {number} is not a JSON object")
    body = next((record[k] for k in _TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if not body or not body.strip():
        raise ParseError(where, f"line {number} has no text field ({', '.join(_TEXT_FIELDS)})")
    meta = _meta_from(record, {*_TEXT_FIELDS, "title", "date", "source"})
    parts = classify_blocks(_blocks(normalize_text(body)))
    return _make_brief(where, parts, "jsonl", title=_scalar(record.get("title")) or "",
                       date=parse_date(_scalar(record.get("date")) or ""),
                       source=_scalar(record.get("source")) or "", meta=meta)


# --- PDF ---------------------------------------------------------------------------------


def read_pdf(path, data: bytes) -> list[Brief]:
    """PDF through pypdf (the ``pdf`` extra): each page's text, then read as plain text.

    An encrypted PDF is read only when it opens with an empty password; otherwise it,
    like a corrupt one, raises ParseError.
    """
    try:
        import pypdf
    except ImportError as exc:
        raise UnsupportedFormatError(
            path, "reading PDF needs the pdf extra: pip install 'briefkit[pdf]'"
        ) from exc
    text, info = _pdf_text(pypdf, path, data)
    text = reflow_pdf_text(normalize_text(text))
    if not text.strip():
        raise EmptyFileError(path, "the PDF holds no extractable text (a scan?)")
    brief = (read_intelbrief if looks_like_intelbrief(text) else read_plain)(path, text)[0]
    brief.fmt = "pdf"
    brief.title = brief.title or " ".join(str(info.get("/Title") or "").split())
    created = re.sub(r"\D", "", str(info.get("/CreationDate") or ""))[:8]
    if not brief.date and len(created) == 8:
        brief.date = parse_date(f"{created[:4]}-{created[4:6]}-{created[6:]}")
    return [brief]


def reflow_pdf_text(text: str) -> str:
    """Put back the blank lines between paragraphs that PDF text extraction loses.

    A paragraph ends at a line that closes a sentence well short of the page's width; a
    short line without closing punctuation (a date, a title, a heading) and a bullet
    stand alone.

    >>> reflow_pdf_text("May 5, 2016\\nA Title\\nA long line of body text that runs on\\n"
    ...                 "ends here.\\nNext.")
    'May 5, 2016\\n\\nA Title\\n\\nA long line of body text that runs on\\nends here.\\n\\nNext.'
    """
    if re.search(r"\n[ \t]*\n", text.strip()):
        return text  # the extractor kept the blank lines
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if not lines:
        return text
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))] if len(lengths) >= 10 else lengths[-1]
    out: list[str] = []
    for line in lines:
        short = len(line) < 0.8 * width
        standalone = _BULLET_RE.match(line) or (short and _looks_like_heading(line))
        if standalone and out and out[-1] != "":
            out.append("")
        out.append(line)
        if standalone or (short and line.endswith(_TERMINAL)):
            out.append("")
    return "\n".join(out).strip("\n")


def _pdf_text(pypdf, path, data: bytes) -> tuple[str, dict]:
    import logging
    import warnings

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except Exception as exc:
                    raise ParseError(path, f"the PDF is encrypted ({exc})") from exc
                if not opened:
                    raise ParseError(path, "the PDF is encrypted (a password is needed)")
            pages = [page.extract_text() or "" for page in reader.pages]
            info = dict(reader.metadata or {})
    except BriefkitError:
        raise
    except Exception as exc:
        raise ParseError(path, f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    return "\n\n".join(pages), info


# --- dispatch ----------------------------------------------------------------------------


def detect_format(path: str | os.PathLike, text: str) -> str:
    """The reader for a file, from its content first and its extension second.

    >>> detect_format("a.txt", "January 5, 2016\\n\\nTitle\\n\\n• Point\\n\\nBody.")
    'intelbrief'
    """
    suffix = os.path.splitext(str(path))[1].lower()
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix in {".html", ".htm", ".xhtml"} or looks_like_html(text):
        return "html"
    if looks_like_front_matter(text):
        return "front_matter"
    if looks_like_field_markdown(text):
        return "field_markdown"
    if looks_like_intelbrief(text):
        return "intelbrief"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return "plain"


_READERS = {
    "intelbrief": read_intelbrief,
    "field_markdown": read_field_markdown,
    "front_matter": read_front_matter,
    "markdown": read_markdown,
    "plain": read_plain,
    "html": read_html,
}


def read_file(path: str | os.PathLike, *, max_bytes: int | None = None):
    """Read one file into Brief records.

    Returns (briefs, problems): problems are (location, reason) pairs for parts of a file
    that could not be read (broken lines of a JSON Lines file). Raises a BriefkitError
    subclass naming the file and the reason when the file as a whole cannot be read.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    return read_data(path, data)


def read_data(path: str | os.PathLike, data: bytes):
    """Like :func:`read_file`, for bytes already read from ``path``."""
    if data[:5] == b"%PDF-" or str(path).lower().endswith(".pdf"):
        return read_pdf(path, data), []
    decoded, encoding = decode_with_encoding(data, path)
    text = normalize_text(decoded)
    fmt = detect_format(path, text)
    try:
        if fmt == "jsonl":
            briefs, problems = read_jsonl(path, text)
            if not briefs:
                reason = problems[0][1] if problems else "no lines"
                raise ParseError(path, f"no readable brief on any line ({reason})")
        else:
            briefs, problems = _READERS[fmt](path, text), []
    except RecursionError as exc:  # a pathological structure in an otherwise valid file
        raise ParseError(path, "nested too deeply to read") from exc
    for brief in briefs:
        brief.encoding = encoding
    return briefs, problems
