"""Files to Brief records: one reader per format, each detected from content and extension.

Formats: the IntelBrief layout (date line, title, "•" key points, body, publisher footer),
Markdown with a bold-field header and web chrome (CRS products as converted from their web
pages), Markdown or text with YAML front matter, plain text with metadata from a
``manifest.csv``/``manifest.tsv`` beside it, HTML, JSON Lines (one brief per line) and PDF
(with the ``pdf`` extra). Every reader returns :class:`Brief` records whose ``text`` is
normalised and whose paragraphs are spans of it. Input files are only ever read.

>>> parse_date("5 Jan 2016"), parse_date("04/09/2026"), parse_date("sometime in 2016")
('2016-01-05', '2026-04-09', None)
"""

from __future__ import annotations

import codecs
import hashlib
import html
import html.parser
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path

from briefkit.errors import (
    BinaryFileError,
    BriefkitError,
    DecodeError,
    EmptyFileError,
    FileTooLargeError,
    MissingPathError,
    ParseError,
    UnsupportedFormatError,
)
from briefkit.text import normalize_text

DEFAULT_MAX_BYTES = 20_000_000
BRIEF_EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".pdf")
MANIFEST_NAMES = ("manifest.csv", "manifest.tsv")
# Paragraph kinds: DESIGN's two, plus headings found in Markdown and CRS products.
KEY_POINT, BODY, HEADING = "key_point", "body", "heading"


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

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


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
_DATE_PATTERNS = [
    # 2016-01-05, 2016/01/05, 2016-01-05T10:00:00Z
    (re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"), ("y", "m", "d")),
    # January 5, 2016 / Jan. 5 2016 / January 5th, 2016
    (
        re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
        ("mon", "d", "y"),
    ),
    # 5 January 2016 / 5 Jan. 2016 / 5th of January, 2016
    (
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I),
        ("d", "mon", "y"),
    ),
    # 04/09/2026 (month first, as US publishers write, unless the first number is over 12)
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), ("m", "d", "y")),
    # 05.01.2016 (day first, as European publishers write)
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), ("d", "m", "y")),
]


def parse_date(text: str | None) -> str | None:
    """Parse the first date written in a common form; None when there is none (never a guess).

    >>> parse_date("January 5, 2016"), parse_date("2016-01-05T08:00:00Z")
    ('2016-01-05', '2016-01-05')
    """
    if not text:
        return None
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(str(text)):
            parts = dict(zip(order, match.groups()))
            try:
                year = int(parts["y"])
                month = _MONTHS[parts["mon"].lower()] if "mon" in parts else int(parts["m"])
                day = int(parts["d"])
                if "m" in parts and order[0] == "m" and month > 12 >= day:
                    month, day = day, month
                return _date(year, month, day).isoformat()
            except (ValueError, KeyError):
                continue
    return None


def _is_date_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= 40 and parse_date(stripped) is not None


# --- bytes to text -----------------------------------------------------------------------

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


def read_bytes(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes after checking it exists, is a file and is under the size limit."""
    path = Path(path)
    if not path.exists():
        raise MissingPathError(path, "no such file or folder")
    if not path.is_file():
        raise BriefkitError(path, "not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise FileTooLargeError(
            path, f"the file is {size:,} bytes, over the limit of {max_bytes:,} (max_bytes)"
        )
    try:
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise BriefkitError(path, f"cannot be read: {exc.strerror or exc}") from exc


def decode_bytes(data: bytes, path: str | os.PathLike = "<bytes>") -> str:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16 (BOM or not), else cp1252, else latin-1.

    Raises BinaryFileError for binary data and EmptyFileError for an empty file.

    >>> decode_bytes("caf\\u00e9 \\u2019".encode("cp1252"))
    'café ’'
    """
    if not data.strip():
        raise EmptyFileError(path, "the file is empty" if not data else "the file holds only whitespace")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryFileError(path, f"binary data ({what}), not text")
    text = _decode_unicode(data)
    if text is None:
        for encoding in ("cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if text is None:  # latin-1 decodes anything; kept for clarity
        raise DecodeError(path, "the bytes are not text in UTF-8, UTF-16, cp1252 or latin-1")
    text = text.replace("\x00", "")
    if _looks_binary(text):
        raise BinaryFileError(path, "binary data (mostly control characters), not text")
    if not text.strip():
        raise EmptyFileError(path, "the file holds only whitespace")
    return text


def _decode_unicode(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError:
            return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    sample = data[:4096]
    # UTF-16 without a BOM: NUL in every other byte of mostly-ASCII text.
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        for nul_half, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
            if nul_half.count(0) > 0.4 * len(nul_half):
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > 0.1 * len(sample)


# --- assembling a brief ------------------------------------------------------------------


def assemble(parts: list[tuple[str, str]]) -> tuple[str, list[tuple[str, int, int]]]:
    """Join (kind, paragraph) parts into one text with paragraph spans, blank line between.

    Each paragraph is normalised, and its inner line breaks become spaces (hard wraps).

    >>> assemble([("key_point", "Iran gains"), ("body", "Russia\\nacts.")])
    ('Iran gains\\n\\nRussia acts.', [('key_point', 0, 10), ('body', 12, 24)])
    """
    pieces, spans, pos = [], [], 0
    for kind, raw in parts:
        para = re.sub(r"[ \t]*\n[ \t]*", " ", normalize_text(raw)).strip()
        para = re.sub(r"[ \t]{2,}", " ", para)
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
    return [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


_BULLET_RE = re.compile(r"^\s*(?:[•●▪◦‣∙·]|[-*+](?=\s))\s*")
_TERMINAL = tuple(".?!:;\"”’)…")


def _looks_like_heading(block: str) -> bool:
    words = block.split()
    return 0 < len(words) <= 12 and not block.rstrip().endswith(_TERMINAL) and "\n" not in block


def classify_blocks(blocks: list[str]) -> list[tuple[str, str]]:
    """Kinds for body blocks: bullets before the first body paragraph are key points,
    one per bullet line; short unpunctuated lines are headings."""
    parts: list[tuple[str, str]] = []
    seen_body = False
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if lines and all(_BULLET_RE.match(line) for line in lines):
            kind = BODY if seen_body else KEY_POINT
            parts.extend((kind, _BULLET_RE.sub("", line, count=1)) for line in lines)
        elif _looks_like_heading(block):
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
        title=normalize_text(title).strip(),
        date=date,
        source=normalize_text(source).strip(),
        fmt=fmt,
        meta=meta or {},
    )


# --- IntelBrief layout -------------------------------------------------------------------

# "TSG IntelBrief: Iran and Russia's ..." -> source "TSG IntelBrief".
_PUBLISHER_PREFIX_RE = re.compile(
    r"^(?P<source>[^:]{2,40}?\b(?:IntelBrief|Brief|Briefing|Insight|In Focus|Commentary|"
    r"Analysis|Alert|Update|Spotlight|Note))\s*[:|–—-]\s+(?P<title>\S.*)$"
)
_FOOTER_RE = re.compile(
    r"^\s*(?:For tailored research|Subscribe to|Subscribe\b|Copyright|©|All rights reserved|"
    r"Share this|Follow us|Click here|To receive|Sign up|Unsubscribe|Contact us)",
    re.I,
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
    lines = [line for line in text.split("\n") if line.strip()][:12]
    return len(lines) >= 3 and _is_date_line(lines[0])


def read_intelbrief(path, text: str) -> list[Brief]:
    """The IntelBrief layout: date line, title, "•" key points, body paragraphs, footer."""
    blocks = _blocks(text)
    date = parse_date(blocks[0].strip()) if blocks and _is_date_line(blocks[0]) else None
    if date:
        blocks = blocks[1:]
    title_block = blocks[0] if blocks and not _BULLET_RE.match(blocks[0]) else ""
    if title_block:
        blocks = blocks[1:]
    source, title = split_publisher_prefix(" ".join(title_block.split()))
    body = []
    for block in blocks:
        if _FOOTER_RE.match(block):
            break  # the publisher's footer and everything after it
        body.append(block)
    return [_make_brief(path, classify_blocks(body), "intelbrief", title=title, date=date, source=source)]


# --- Markdown with a bold-field header (CRS products) ------------------------------------

_FIELD_RE = re.compile(r"^\*\*(?P<name>[^*:]+):\*\*\s*(?P<value>.*)$")
_TABLE_FIELD_RE = re.compile(r"^\|\s*\*\*(?P<name>[^*:]+):\*\*\s*\|\s*(?P<value>.*?)\s*\|?\s*$")
_LINK_RE = re.compile(r"!?\[(?P<text>[^\]]*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)")
_BARE_URL_RE = re.compile(r"<?https?://\S+>?")
_CHROME_LINE_RE = re.compile(
    r"^\s*(?:\||#{1,6}\s*CRS PRODUCT|\[Listen\]|\[Hide Overview\]|\[Download PDF|"
    r"Disclaimer:|[-*]\s*\[[^\]]*\]\([^)]*\)\s*$)",
    re.I,
)
_DISCLAIMER_RE = re.compile(r"^\s*Disclaimer:", re.I)


def strip_links(text: str) -> str:
    """Markdown links become their text; bare URLs are removed.

    >>> strip_links("Tehran has [the capacity](https://x.gov/a.pdf) to act")
    'Tehran has the capacity to act'
    """
    return _BARE_URL_RE.sub("", _LINK_RE.sub(lambda m: m.group("text"), text))


def looks_like_field_markdown(text: str) -> bool:
    head = text.lstrip()[:2000].split("\n")
    return sum(1 for line in head[:20] if _FIELD_RE.match(line.strip())) >= 2


def _is_chrome(line: str) -> bool:
    """Navigation and link-only lines: nothing but links, separators and a few words."""
    if _CHROME_LINE_RE.match(line):
        return True
    links = _LINK_RE.findall(line)
    if not links:
        return False
    rest = _LINK_RE.sub("", line)
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 1


def read_field_markdown(path, text: str) -> list[Brief]:
    """Markdown with a "# Title" and "**Field:** value" header above "---", then web chrome."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    title = ""
    body_start = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("# ") and not title:
            title = stripped[2:].strip()
        elif (match := _FIELD_RE.match(stripped)) is not None:
            fields[match.group("name").strip().lower()] = match.group("value").strip()
        elif stripped == "---":
            body_start = i + 1
            break
    body_lines = []
    for line in lines[body_start:]:
        stripped = line.strip()
        if _DISCLAIMER_RE.match(stripped):
            break
        if (match := _TABLE_FIELD_RE.match(stripped)) is not None:
            fields.setdefault(match.group("name").strip().lower(), match.group("value").strip())
            continue
        if stripped.startswith("#") and stripped.lstrip("#").strip() == title:
            continue  # the title repeated as a page heading
        if _is_chrome(stripped):
            body_lines.append("")
            continue
        body_lines.append(re.sub(r"^#{1,6}\s+", "", strip_links(line)))
    date = parse_date(fields.get("publication date") or fields.get("date"))
    if date is None:  # "...Updated April 9, 2026 (IF12106)" in the page's reading line
        updated = re.search(r"Updated\s+([A-Z][a-z]+\.? \d{1,2}, \d{4})", text)
        date = parse_date(updated.group(1)) if updated else None
    product = fields.get("product type") or fields.get("crs product type") or ""
    source = fields.get("source", "")
    if "crs" in source.lower() or "congress.gov" in source:
        source = f"CRS {product}".strip()
    meta = {
        "authors": fields.get("author(s)") or fields.get("author") or "",
        "topics": fields.get("topics", ""),
        "report_no": fields.get("report no.") or fields.get("crs product number") or "",
        "url": fields.get("source", ""),
    }
    parts = classify_blocks(_blocks("\n".join(body_lines)))
    return [_make_brief(path, parts, "field_markdown", title=title, date=date, source=source, meta=meta)]


# --- YAML front matter -------------------------------------------------------------------

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def looks_like_front_matter(text: str) -> bool:
    return text.lstrip("\n").startswith("---")


def read_front_matter(path, text: str) -> list[Brief]:
    """Markdown or text whose metadata sits in YAML front matter (title, date, source, tags)."""
    import yaml

    match = _FRONT_MATTER_RE.match(text.lstrip("\n"))
    if not match:
        raise ParseError(path, "front matter opened with '---' but never closed")
    try:
        header = yaml.safe_load(match.group("yaml")) or {}
    except yaml.YAMLError as exc:
        raise ParseError(path, f"malformed YAML front matter: {str(exc).splitlines()[0]}") from exc
    if not isinstance(header, dict):
        raise ParseError(path, "the YAML front matter is not a mapping of fields")
    body = text.lstrip("\n")[match.end():]
    blocks = [strip_links(re.sub(r"^#{1,6}\s+", "", b)) for b in _blocks(body)]
    title = str(header.get("title") or "")
    if not title and blocks and _looks_like_heading(blocks[0]):
        title, blocks = blocks[0], blocks[1:]
    tags = header.get("tags") or header.get("topics") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in re.split(r"[;,]", tags) if t.strip()]
    meta = {k: _scalar(v) for k, v in header.items() if k not in {"title", "date", "source", "tags"}}
    if tags:
        meta["tags"] = ";".join(str(t) for t in tags)
    return [
        _make_brief(
            path,
            classify_blocks(blocks),
            "front_matter",
            title=title,
            date=parse_date(str(header.get("date") or "")),
            source=str(header.get("source") or ""),
            meta=meta,
        )
    ]


def _scalar(value) -> str:
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return "" if value is None else str(value)


# --- plain text --------------------------------------------------------------------------


def _junk_line(line: str) -> bool:
    """Page furniture of converted documents ("15-29425 31/34", "A/70/PV.15 28/09/2015")."""
    visible = line.replace(" ", "")
    letters = sum(ch.isalpha() for ch in visible)
    return bool(visible) and letters < 0.4 * len(visible)


def read_plain(path, text: str) -> list[Brief]:
    """Plain text: paragraphs are blank-line blocks, or lines when there are no blank lines.

    Page-furniture lines are dropped, and a paragraph cut by a page break ("...However, it"
    then "also poses...") is rejoined.
    """
    lines = [line for line in text.split("\n") if not _junk_line(line)]
    cleaned = "\n".join(lines)
    blocks = _blocks(cleaned)
    if len(blocks) <= 2 and cleaned.count("\n") > 5:
        blocks = [line for line in cleaned.split("\n") if line.strip()]
    joined: list[str] = []
    for block in blocks:
        if joined and not joined[-1].rstrip().endswith(_TERMINAL) and block.lstrip()[:1].islower():
            joined[-1] = joined[-1].rstrip() + " " + block.lstrip()
        else:
            joined.append(block)
    return [_make_brief(path, classify_blocks(joined), "plain")]


# --- HTML --------------------------------------------------------------------------------

_SKIP_TAGS = {"script", "style", "iframe", "noscript", "template", "svg", "nav", "header",
              "footer", "aside", "form", "button", "object", "embed", "head"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "h1", "h2", "h3", "h4", "h5",
               "h6", "blockquote", "pre", "br", "tr", "td", "th", "ul", "ol", "table", "dd", "dt",
               "figcaption", "hr", "body"}
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "source", "wbr"}


class _HTMLText(html.parser.HTMLParser):
    """Collects an HTML page's meta tags, title and readable text as (kind, text) blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1 = ""
        self.blocks: list[list] = []  # [kind, text, in_article]
        self._skip = 0
        self._stack: list[str] = []
        self._kind = BODY
        self._in_title = False
        self._article = 0

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and "content" in attrs:
                self.meta.setdefault(key, attrs["content"])
            return
        if tag == "time" and attrs.get("datetime"):
            self.meta.setdefault("time", attrs["datetime"])
        if tag in _VOID_TAGS:
            if tag in _BLOCK_TAGS:
                self._new_block(BODY)
            return
        self._stack.append(tag)
        if tag in _SKIP_TAGS:
            self._skip += 1
        if tag in {"article", "main"}:
            self._article += 1
        if tag == "title":
            self._in_title = True
        if tag in _BLOCK_TAGS:
            self._new_block(HEADING if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} else
                            KEY_POINT if tag == "li" else BODY)

    def handle_endtag(self, tag):
        if tag in _VOID_TAGS or tag not in self._stack:
            return
        while self._stack:
            open_tag = self._stack.pop()
            if open_tag in _SKIP_TAGS:
                self._skip -= 1
            if open_tag in {"article", "main"}:
                self._article -= 1
            if open_tag == "title":
                self._in_title = False
            if open_tag == tag:
                break
        if tag in _BLOCK_TAGS:
            self._new_block(BODY)

    def handle_data(self, data):
        if self._in_title:
            self.title += data
            return
        if self._skip:
            return
        if not self.blocks:
            self._new_block(BODY)
        self.blocks[-1][1] += data
        self.blocks[-1][2] = self.blocks[-1][2] or self._article > 0
        if self._stack and self._stack[-1] == "h1" and not self.h1:
            self.h1 = data.strip()

    def _new_block(self, kind):
        if not self.blocks or self.blocks[-1][1].strip():
            self.blocks.append([kind, "", False])
        else:
            self.blocks[-1][0] = kind


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in text[:5000].lower()


def read_html(path, text: str) -> list[Brief]:
    """HTML: the article's text (or the body's), title and date from the usual meta tags."""
    parser = _HTMLText()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything it raises is a broken page
        raise ParseError(path, f"unreadable HTML: {exc}") from exc
    blocks = parser.blocks
    if any(b[2] for b in blocks):
        blocks = [b for b in blocks if b[2]]
    meta = parser.meta
    title = meta.get("og:title") or meta.get("twitter:title") or meta.get("dc.title") or ""
    title = title or parser.h1 or parser.title
    parts = []
    for kind, block_text, _ in blocks:
        block_text = " ".join(block_text.split())
        if not block_text or (kind == HEADING and block_text == title.strip()):
            continue
        parts.append((BODY if kind == KEY_POINT and parts else kind, block_text))
    date = None
    for key in ("article:published_time", "date", "dc.date", "dc.date.issued", "pubdate",
                "publishdate", "datepublished", "article:modified_time", "time"):
        date = date or parse_date(meta.get(key))
    source = meta.get("og:site_name") or meta.get("publisher") or meta.get("author") or ""
    return [_make_brief(path, parts, "html", title=html.unescape(title), date=date, source=source)]


# --- JSON Lines --------------------------------------------------------------------------

_TEXT_FIELDS = ("text", "body", "content", "article")


def read_jsonl(path, text: str) -> tuple[list[Brief], list[tuple[str, str]]]:
    """JSON Lines: one brief per line, its text plus any metadata fields.

    Returns the briefs and the (location, reason) of lines that could not be read.
    """
    briefs, problems = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}#L{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append((where, f"line {number} is not valid JSON ({exc.msg})"))
            continue
        body = next((record.get(k) for k in _TEXT_FIELDS if isinstance(record, dict) and isinstance(record.get(k), str)), None)
        if not body or not body.strip():
            problems.append((where, f"line {number} has no text field ({', '.join(_TEXT_FIELDS)})"))
            continue
        meta = {k: _scalar(v) for k, v in record.items() if k not in {*_TEXT_FIELDS, "title", "date", "source"}}
        parts = classify_blocks(_blocks(body))
        try:
            briefs.append(
                _make_brief(where, parts, "jsonl", title=str(record.get("title") or ""),
                            date=parse_date(str(record.get("date") or "")),
                            source=str(record.get("source") or ""), meta=meta)
            )
        except BriefkitError as exc:
            problems.append((where, exc.reason))
    return briefs, problems


# --- PDF ---------------------------------------------------------------------------------


def read_pdf(path, data: bytes) -> list[Brief]:
    """PDF through pypdf (the ``pdf`` extra): each page's text, then as plain text."""
    try:
        import pypdf
    except ImportError as exc:
        raise UnsupportedFormatError(path, "reading PDF needs the pdf extra: pip install 'briefkit[pdf]'") from exc
    import io
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ParseError(path, "the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except BriefkitError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on a corrupt file
        raise ParseError(path, f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    text = normalize_text("\n\n".join(pages))
    if not text.strip():
        raise EmptyFileError(path, "the PDF holds no extractable text (a scan?)")
    brief = (read_intelbrief if looks_like_intelbrief(text) else read_plain)(path, text)[0]
    brief.fmt = "pdf"
    brief.title = brief.title or str(info.get("/Title") or "")
    created = re.sub(r"\D", "", str(info.get("/CreationDate") or ""))[:8]
    if not brief.date and len(created) == 8:
        brief.date = parse_date(f"{created[:4]}-{created[4:6]}-{created[6:]}")
    return [brief]


# --- dispatch ----------------------------------------------------------------------------


def detect_format(path: str | os.PathLike, text: str) -> str:
    """The reader for a file, from its content first and its extension second.

    >>> detect_format("a.txt", "January 5, 2016\\n\\nTitle\\n\\n• Point\\n\\nBody.")
    'intelbrief'
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".jsonl":
        return "jsonl"
    if suffix in {".html", ".htm"} or looks_like_html(text):
        return "html"
    if looks_like_front_matter(text):
        return "front_matter"
    if looks_like_field_markdown(text):
        return "field_markdown"
    if looks_like_intelbrief(text):
        return "intelbrief"
    return "plain"


_READERS = {
    "intelbrief": read_intelbrief,
    "field_markdown": read_field_markdown,
    "front_matter": read_front_matter,
    "plain": read_plain,
    "html": read_html,
}


def read_file(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES):
    """Read one file into Brief records.

    Returns (briefs, problems): problems are (location, reason) pairs for parts of a file
    that could not be read (broken lines of a JSON Lines file). Raises a BriefkitError
    subclass naming the file and the reason when the file as a whole cannot be read.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    if data[:5] == b"%PDF-" or Path(path).suffix.lower() == ".pdf":
        return read_pdf(path, data), []
    text = normalize_text(decode_bytes(data, path))
    fmt = detect_format(path, text)
    if fmt == "jsonl":
        briefs, problems = read_jsonl(path, text)
        if not briefs:
            raise ParseError(path, "no readable brief on any line" + (f" ({problems[0][1]})" if problems else ""))
        return briefs, problems
    return _READERS[fmt](path, text), []
