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
import hashlib
import io
import json
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


# --- the POS tagger ----------------------------------------------------------------------

# NLTK's averaged perceptron (nltk.tag.perceptron): the features of a token, in the order
# PerceptronTagger._get_features adds them. A token's score for each tag is the sum of
# its features' weight rows added in this order (floating-point sums depend on it).
_START, _END = ("-START-", "-START2-"), ("-END-", "-END2-")
# Tokens tagged together: enough to keep numpy busy, few enough to keep memory small.
TAG_BATCH = 500_000
_CONTEXT_FEATURES = ("i word", "i-1 word", "i-1 suffix", "i-2 word", "i+1 word", "i+1 suffix",
                     "i+2 word")


class PerceptronTagger:
    """NLTK's averaged perceptron tagger, the same tags, many sentences at once.

    The same weights, features, normalisation, tag dictionary and greedy left-to-right
    decoding as ``nltk.tag.perceptron.PerceptronTagger``, so the tags are identical; the
    work is arranged differently. Each feature's weights are a row of a matrix (one column
    per tag, in reverse order so that ``argmax`` breaks ties towards the larger tag, as
    NLTK's ``max`` over ``(score, tag)`` does). Features that do not depend on earlier
    tags are looked up once per distinct word of a batch; decoding then steps through
    token positions, tagging position *i* of every sentence at once, and adds the weight
    rows of a token's features in NLTK's order, so every score is the same float.

    >>> tagger = PerceptronTagger({"bias": {"NN": 1.0}, "i word run": {"VB": 2.0}},
    ...                           {"the": "DT"}, ["DT", "NN", "VB"])
    >>> tagger.tag_sentences([["the", "run"], ["dogs"]])
    [['DT', 'VB'], ['NN']]
    """

    def __init__(self, weights, tagdict, classes):
        import numpy as np

        tags = [*_START, *sorted(set(classes) | set(tagdict.values()) - set(_START))]
        if any(" " in t for t in tags):
            raise ValueError("a tag holds a space: NLTK's feature names would be ambiguous")
        self._tag_id = {t: i for i, t in enumerate(tags)}
        self.tags = tags
        labels = sorted(classes, reverse=True)
        column = {label: j for j, label in enumerate(labels)}
        self._column_tag = np.array([self._tag_id[label] for label in labels], dtype=np.int16)
        self._rows = {feature: i for i, feature in enumerate(weights, start=1)}
        self._matrix = np.zeros((len(weights) + 1, len(labels)))
        for i, by_label in enumerate(weights.values(), start=1):
            for label, weight in by_label.items():
                if label in column:
                    self._matrix[i, column[label]] = weight
        self._tagdict = dict(tagdict)
        self._tables(np)

    def _tables(self, np) -> None:
        """Row numbers of the features that depend on the previous two tags."""
        rows, tags, n = self._rows, self.tags, len(self.tags)
        self._bias = rows.get("bias", 0)
        self._prev1 = np.array([rows.get(f"i-1 tag {t}", 0) for t in tags], dtype=np.int32)
        self._prev2 = np.array([rows.get(f"i-2 tag {t}", 0) for t in tags], dtype=np.int32)
        self._pair = np.array([[rows.get(f"i tag+i-2 tag {a} {b}", 0) for b in tags]
                               for a in tags], dtype=np.int32).reshape(n, n)
        # "i-1 tag+i word <tag> <word>": tags hold no space, so the first one ends the tag.
        self._tag_word: dict[str, list[tuple[int, int]]] = {}
        prefix = "i-1 tag+i word "
        for feature, row in rows.items():
            if feature.startswith(prefix):
                tag, _, word = feature[len(prefix):].partition(" ")
                if tag in self._tag_id:
                    self._tag_word.setdefault(word, []).append((self._tag_id[tag], row))

    @classmethod
    def from_nltk(cls, tagger) -> PerceptronTagger:
        """From a loaded ``nltk.tag.perceptron.PerceptronTagger``."""
        return cls(tagger.model.weights, tagger.tagdict, tagger.model.classes)

    def to_arrays(self) -> dict:
        """The model as plain arrays (for the cache; no Python objects)."""
        import numpy as np

        rows, cols = np.nonzero(self._matrix)
        labels = [self.tags[t] for t in self._column_tag]
        names = json.dumps([list(self._rows), self._tagdict, labels], ensure_ascii=False)
        return {"rows": rows.astype(np.int32), "cols": cols.astype(np.int16),
                "values": self._matrix[rows, cols], "names": np.frombuffer(
                    names.encode("utf-8"), dtype=np.uint8)}

    @classmethod
    def from_arrays(cls, arrays: dict) -> PerceptronTagger:
        """Rebuild a tagger from :meth:`to_arrays`."""
        import numpy as np

        features, tagdict, labels = json.loads(arrays["names"].tobytes().decode("utf-8"))
        self = cls.__new__(cls)
        self.tags = [*_START, *sorted(set(labels) | set(tagdict.values()) - set(_START))]
        self._tag_id = {t: i for i, t in enumerate(self.tags)}
        self._column_tag = np.array([self._tag_id[label] for label in labels], dtype=np.int16)
        self._rows = {feature: i for i, feature in enumerate(features, start=1)}
        self._matrix = np.zeros((len(features) + 1, len(labels)))
        self._matrix[arrays["rows"], arrays["cols"]] = arrays["values"]
        self._tagdict = tagdict
        self._tables(np)
        return self

    @staticmethod
    def normalize(word: str) -> str:
        """NLTK's normalisation of a context word (PerceptronTagger.normalize)."""
        if "-" in word and word[0] != "-":
            return "!HYPHEN"
        if word.isdigit() and len(word) == 4:
            return "!YEAR"
        if word and word[0].isdigit():
            return "!DIGITS"
        return word.lower()

    def tag_sentences(self, sentences) -> list[list[str]]:
        """The tags of each sentence (a list of token strings), as NLTK's ``tag`` gives."""
        lengths = [len(s) for s in sentences]
        flat = self.tag_flat([w for s in sentences for w in s], lengths)
        out, start = [], 0
        for n in lengths:
            out.append(flat[start:start + n])
            start += n
        return out

    def tag_flat(self, words: list[str], lengths) -> list[str]:
        """Tags of the sentences' tokens laid end to end (``lengths``: tokens per sentence)."""
        import numpy as np

        lengths = np.asarray(lengths, dtype=np.int64)
        if len(words) != int(lengths.sum()):
            raise ValueError("the lengths do not add up to the number of words")
        if not words:
            return []
        ids = self._tag_ids(words, lengths, np)
        return [self.tags[i] for i in ids.tolist()]

    def _tag_ids(self, words, lengths, np):
        codes, uniques = _factorize(words, np)
        feats = self._word_features(uniques, np)
        norm_codes = feats.pop("norm")
        n_sent = len(lengths)
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        sent_of = np.repeat(np.arange(n_sent), lengths)
        # Each sentence's context, padded as NLTK pads it: START words before, END after.
        pos = np.arange(len(words)) + 4 * sent_of + 2
        padded = np.empty(len(words) + 4 * n_sent, dtype=np.int64)
        base = offsets + 4 * np.arange(n_sent)
        padded[base], padded[base + 1] = 0, 1  # the codes of _START and _END's words
        padded[base + 2 + lengths], padded[base + 3 + lengths] = 2, 3
        padded[pos] = norm_codes[codes]
        ctx = feats["context"]
        token = {
            "suffix": feats["suffix"][codes], "pref1": feats["pref1"][codes],
            "word": ctx["i word"][padded[pos]],
            "tag_word": padded[pos],
            **{name: ctx[name][padded[pos + shift]] for name, shift in (
                ("i-1 word", -1), ("i-1 suffix", -1), ("i-2 word", -2), ("i+1 word", 1),
                ("i+1 suffix", 1), ("i+2 word", 2))},
        }
        known = feats["tagdict"][codes]
        return self._decode(token, feats["tag_word"], known, offsets, lengths, np)

    def _word_features(self, uniques, np) -> dict:
        """Row numbers of the features that depend on words only, per distinct word."""
        rows, tag_id = self._rows, self._tag_id
        suffix = np.array([rows.get("i suffix " + w[-3:], 0) for w in uniques], dtype=np.int32)
        pref1 = np.array([rows.get("i pref1 " + (w[0] if w else ""), 0) for w in uniques],
                         dtype=np.int32)
        tagdict = np.array([tag_id[t] if (t := self._tagdict.get(w)) else -1 for w in uniques],
                           dtype=np.int32)
        # Context words: the four padding words first (codes 0-3), then the normalised words.
        norms, contexts = _factorize([*_START, *_END, *map(self.normalize, uniques)], np)
        context = {name: np.array([rows.get(f"{name} {c[-3:] if 'suffix' in name else c}", 0)
                                   for c in contexts], dtype=np.int32)
                   for name in _CONTEXT_FEATURES}
        tag_word = np.zeros((len(contexts), len(self.tags)), dtype=np.int32)
        for i, c in enumerate(contexts):
            for t, row in self._tag_word.get(c, ()):
                tag_word[i, t] = row
        return {"suffix": suffix, "pref1": pref1, "tagdict": tagdict, "context": context,
                "tag_word": tag_word, "norm": norms[4:]}

    def _decode(self, token, tag_word, known, offsets, lengths, np):
        """Greedy left to right, all sentences in step: position 0 of each, then 1, ..."""
        w, start1, start2 = self._matrix, self._tag_id[_START[0]], self._tag_id[_START[1]]
        order = np.argsort(-lengths, kind="stable")
        firsts, sorted_lengths = offsets[order], lengths[order]
        prev = np.full(len(order), start1, dtype=np.int64)
        prev2 = np.full(len(order), start2, dtype=np.int64)
        out = np.empty(int(lengths.sum()), dtype=np.int64)
        # Two buffers for every step: fresh arrays would cost a page fault per page.
        scores, rows_of = np.empty((len(order), w.shape[1])), np.empty((len(order), w.shape[1]))
        active = len(order)
        for step in range(int(sorted_lengths[0]) if len(order) else 0):
            while active and sorted_lengths[active - 1] <= step:
                active -= 1
            idx = firsts[:active] + step
            tags = known[idx].astype(np.int64)
            need = np.flatnonzero(tags < 0)
            if len(need):
                at, a, b = idx[need], prev[need], prev2[need]
                acc, buf = scores[:len(need)], rows_of[:len(need)]
                np.take(w, token["suffix"][at], axis=0, out=acc, mode="clip")
                acc += w[self._bias]
                for rows in (token["pref1"][at], self._prev1[a], self._prev2[b],
                             self._pair[a, b], token["word"][at],
                             tag_word[token["tag_word"][at], a], token["i-1 word"][at],
                             token["i-1 suffix"][at], token["i-2 word"][at],
                             token["i+1 word"][at], token["i+1 suffix"][at],
                             token["i+2 word"][at]):
                    np.take(w, rows, axis=0, out=buf, mode="clip")
                    acc += buf
                tags[need] = self._column_tag[acc.argmax(axis=1)]
            out[idx] = tags
            prev2[:active] = prev[:active]
            prev[:active] = tags
        return out


def _factorize(values, np):
    """(codes, distinct values in first-seen order) of a list of strings."""
    codes, distinct = pd.factorize(np.array(values, dtype=object))
    return codes, distinct.tolist()


@functools.cache
def _tagger() -> PerceptronTagger | None:
    """NLTK's tagger as a :class:`PerceptronTagger`: from the cache, else from NLTK's files."""
    key = tagger_key()
    if key == "no-tagger":
        return None
    from briefkit import storage

    arrays = storage.read_cached_arrays("tagger", storage.cache_key("tagger", key))
    if arrays is not None:
        with contextlib.suppress(Exception):
            return PerceptronTagger.from_arrays(arrays)
    from nltk.tag.perceptron import PerceptronTagger as NLTKTagger

    try:
        tagger = PerceptronTagger.from_nltk(NLTKTagger())
    except (LookupError, OSError, ValueError):
        return None
    with contextlib.suppress(Exception):
        storage.write_cached_arrays("tagger", storage.cache_key("tagger", key),
                                    tagger.to_arrays())
    return tagger


@functools.cache
def tagger_key() -> str:
    """Names NLTK's tagger model in cache keys without loading it: a hash of its files
    (the zip NLTK reads it from, or the files of its folder), or 'no-tagger'."""
    found = nltk_resource("tagger")
    if not found:
        return "no-tagger"
    path = Path(found)
    while not path.exists() and path != path.parent:
        path = path.parent  # inside a zip: hash the zip
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode("utf-8"))
        digest.update(file.read_bytes())
    return digest.hexdigest()


def has_tagger() -> bool:
    """Whether NLTK's averaged perceptron tagger is available."""
    return _tagger() is not None


def pos_tag(tokens: list[str]) -> list[str]:
    """Penn Treebank tags for one sentence's tokens, or empty strings without the tagger."""
    return pos_tag_sentences([tokens])[0]


def pos_tag_sentences(sentences) -> list[list[str]]:
    """Penn Treebank tags for many sentences (lists of tokens) at once: NLTK's averaged
    perceptron's tags, or empty strings without the tagger.

    >>> pos_tag_sentences([["Iran", "agreed", "."]])  # doctest: +SKIP
    [['NNP', 'VBD', '.']]
    """
    tagger = _tagger()
    if tagger is None:
        return [[""] * len(s) for s in sentences]
    return tagger.tag_sentences([list(s) for s in sentences])


def pos_tag_flat(words: list[str], lengths) -> list[str]:
    """Tags of many sentences' tokens laid end to end (``lengths``: tokens per sentence),
    in batches of about ``TAG_BATCH`` tokens; empty strings without the tagger."""
    tagger = _tagger()
    if tagger is None:
        return [""] * len(words)
    tags: list[str] = []
    first = start = size = 0
    lengths = [int(n) for n in lengths]
    for i, n in enumerate(lengths):
        size += n
        if size >= TAG_BATCH or i == len(lengths) - 1:
            tags.extend(tagger.tag_flat(words[start:start + size], lengths[first:i + 1]))
            first, start, size = i + 1, start + size, 0
    return tags


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
