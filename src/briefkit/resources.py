"""Packaged reference tables, and NLTK's data used offline first.

NLTK's data (punkt_tab, averaged_perceptron_tagger_eng, vader_lexicon, stopwords) is used
where NLTK finds it. Where it is missing briefkit tries one quiet download (unless
``BRIEFKIT_DOWNLOAD=0``), and where that fails it falls back on its own: Punkt with
briefkit's abbreviation list, VADER's lexicon from the vaderSentiment package, briefkit's
stopword list, and no POS tags. :func:`resources_report` says which mode is in force.

>>> sorted(resources_report())[:3]
['mode', 'pos_tagger', 'sentence_splitter']
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
from pathlib import Path

import pandas as pd

from briefkit.errors import DataError
from briefkit.paths import DATA_DIR

# NLTK resource names, the path nltk.data.find looks for, and the package to download.
_NLTK_RESOURCES = {
    "punkt_tab": ("tokenizers/punkt_tab/english/", "punkt_tab"),
    "tagger": ("taggers/averaged_perceptron_tagger_eng/", "averaged_perceptron_tagger_eng"),
    "vader_lexicon": ("sentiment/vader_lexicon.zip", "vader_lexicon"),
    "stopwords": ("corpora/stopwords/english", "stopwords"),
}


@functools.cache
def read_data_csv(name: str) -> pd.DataFrame:
    """Read a packaged table from ``src/briefkit/data/`` (cached; do not modify it)."""
    path = DATA_DIR / name
    try:
        return pd.read_csv(path, comment=None, keep_default_na=False, dtype=str)
    except (OSError, pd.errors.ParserError) as exc:
        raise DataError(path, f"cannot read this reference table: {exc}") from exc


def read_data_lines(name: str) -> list[str]:
    """Read a packaged word list: one entry per line, ``#`` comments and blanks skipped."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _download_allowed() -> bool:
    return os.environ.get("BRIEFKIT_DOWNLOAD", "1") not in {"0", "false", "no"}


@functools.cache
def nltk_resource(key: str) -> str | None:
    """The path of an NLTK resource, trying one quiet download; None when unavailable."""
    import nltk

    location, package = _NLTK_RESOURCES[key]
    try:
        return str(nltk.data.find(location))
    except LookupError:
        pass
    if _download_allowed():
        try:
            # nltk.download prints its failures even when quiet: keep the notebook clean.
            with contextlib.redirect_stdout(io.StringIO()):
                ok = nltk.download(package, quiet=True, raise_on_error=False,
                                   print_error_to=io.StringIO())
            if ok:
                return str(nltk.data.find(location))
        except Exception:  # no network, no writable folder: fall back quietly
            pass
    return None


@functools.cache
def abbreviation_kinds() -> dict[str, str]:
    """briefkit's abbreviations and their kind ('title', 'numbered' or 'general').

    Read from ``data/abbreviations.txt``, whose ``[kind]`` lines start each section;
    keys are lower case without the final full stop (``'u.s'``).

    >>> abbreviation_kinds()["gen"], abbreviation_kinds()["no"], abbreviation_kinds()["u.s"]
    ('title', 'numbered', 'general')
    """
    kinds: dict[str, str] = {}
    kind = "general"
    for line in read_data_lines("abbreviations.txt"):
        if line.startswith("[") and line.endswith("]"):
            kind = line[1:-1].strip()
            if kind not in {"title", "numbered", "general"}:
                raise DataError(DATA_DIR / "abbreviations.txt", f"unknown section [{kind}]")
            continue
        kinds[line.lower().rstrip(".")] = kind
    return kinds


@functools.cache
def abbreviations() -> frozenset[str]:
    """briefkit's abbreviations, lower case without the final full stop (``'u.s'``)."""
    return frozenset(abbreviation_kinds())


@functools.cache
def stopwords() -> frozenset[str]:
    """English stopwords: briefkit's list, joined by NLTK's where installed.

    briefkit's list holds every word of NLTK's English list, so ``is_stop`` is the same
    with and without NLTK's data.
    """
    words = set(read_data_lines("stopwords.txt"))
    if nltk_resource("stopwords"):
        from nltk.corpus import stopwords as nltk_stopwords

        try:
            words |= set(nltk_stopwords.words("english"))
        except (LookupError, OSError):
            pass
    return frozenset(words)


@functools.cache
def vader_lexicon() -> dict[str, float]:
    """VADER's lexicon, always from the vaderSentiment package.

    One implementation is pinned so that scores do not change with what NLTK has
    installed (NLTK's and vaderSentiment's VADER differ, nltk#3071).
    """
    import vaderSentiment

    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    lexicon = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) >= 2:
            lexicon[parts[0]] = float(parts[1])
    return lexicon


@functools.cache
def _tagger():
    if not nltk_resource("tagger"):
        return None
    from nltk.tag.perceptron import PerceptronTagger

    try:
        return PerceptronTagger()
    except (LookupError, OSError, ValueError):
        return None


def has_tagger() -> bool:
    """Whether NLTK's averaged perceptron tagger is available."""
    return _tagger() is not None


def pos_tag(tokens: list[str]) -> list[str]:
    """Penn Treebank tags for one sentence's tokens, or empty strings without the tagger."""
    tagger = _tagger()
    if tagger is None or not tokens:
        return [""] * len(tokens)
    return [tag for _, tag in tagger.tag(tokens)]


def resources_report() -> dict[str, str]:
    """Which resources are in force: NLTK's data or briefkit's fallbacks.

    Returns a dict with ``mode`` ('nltk', 'fallback' or 'mixed') and one entry per resource.
    """
    punkt = nltk_resource("punkt_tab")
    tagger = has_tagger()
    stops = nltk_resource("stopwords")
    report = {
        "sentence_splitter": f"NLTK Punkt (punkt_tab at {punkt})"
        if punkt
        else "fallback: Punkt with briefkit's abbreviation list",
        "pos_tagger": "NLTK averaged perceptron tagger" if tagger else "fallback: none (pos empty)",
        "stopwords": "NLTK stopwords (english)" if stops else "fallback: briefkit stopwords.txt",
        "vader_lexicon": "vaderSentiment package (pinned)",
    }
    found = [bool(punkt), tagger, bool(stops)]
    report["mode"] = "nltk" if all(found) else "fallback" if not any(found) else "mixed"
    return dict(sorted(report.items()))
