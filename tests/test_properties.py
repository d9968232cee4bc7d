"""Property tests (hypothesis): offsets, coverage and normalisation for arbitrary text, and a
loader that, whatever the bytes, either reads them or raises a BriefkitError."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefkit as bk
from briefkit import loader
from briefkit.errors import BriefkitError
from briefkit.text import normalize_text, split_sentences, tokenize_words

pytestmark = pytest.mark.offline

# Text with the characters that make this genre hard, mixed with anything Unicode holds.
PIECES = ["U.S.", "U.K.", "Gen.", "Dec.", " 28", "No.", " 5", "P5+1", "IRGC-QF", "al-Assad",
          "Shi’a", "Shi'a", "25,000", "Russia’s", "e.g.", " The", " the", ". ", "? ", "! ", "\n",
          "\n\n", " ", "\t", "“", "”", "(", ")", "—", "-", "’", "•", "\u00a0", "\u200b", "\u0301",
          "\u093f", "\u094d", "é", "ß", "İ", "\ufeff", "\r\n", "\x00", "\x0c", "\u2029", "..."]
briefish = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)),
                    max_size=80).map("".join)
any_text = st.one_of(st.text(), briefish)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_spans_cover(text: str, spans: list[tuple[int, int]]) -> None:
    """In order, no overlap, no whitespace at either end, only whitespace between."""
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert not text[position:start].strip()
        assert not text[start].isspace() and not text[end - 1].isspace()
        position = end
    assert not text[position:].strip()


@SETTINGS
@given(any_text)
def test_sentences_cover_the_text_in_order(text):
    assert_spans_cover(text, split_sentences(text))


@SETTINGS
@given(any_text, st.integers(min_value=0, max_value=10_000))
def test_tokens_are_exact_and_cover_the_text(text, offset):
    tokens = tokenize_words(text, offset)
    for token, start, end in tokens:
        assert text[start - offset : end - offset] == token
    assert_spans_cover(text, [(s - offset, e - offset) for _, s, e in tokens])
    assert all(not any(ch.isspace() for ch in token) for token, _, _ in tokens)


@SETTINGS
@given(any_text)
def test_normalisation_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and "\u00a0" not in once and "\u200b" not in once


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_from_texts_offsets_are_exact(text):
    corpus = bk.Corpus.from_texts([text])
    brief = corpus.briefs["text"].iloc[0]
    for frame, column in ((corpus.paragraphs, "text"), (corpus.sentences, "text"),
                          (corpus.tokens, "token")):
        for start, end, value in frame[["start", "end", column]].itertuples(index=False):
            assert brief[start:end] == value
    spans = corpus.sentences[["start", "end"]].itertuples(index=False, name=None)
    assert_spans_cover(brief, list(spans))


NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.jsonl", "a.pdf", "a.text"])
prefixes = st.sampled_from([b"", b"---\n", b"%PDF-1.4\n", b"<html><body>", b"\xef\xbb\xbf",
                            b"\xff\xfe", b"January 5, 2016\n\n", b'{"text": "',
                            b"# Title\n\n**A:** b\n**C:** d\n---\n"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NAMES, prefixes,
       st.binary(max_size=600) | any_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_loading_arbitrary_bytes_raises_only_briefkit_errors(name, prefix, body):
    try:
        briefs, problems = loader.read_data(name, prefix + body)
    except BriefkitError as exc:
        assert exc.reason
        return
    for brief in briefs:
        assert brief.text and brief.text == brief.text.strip()
        for kind, start, end in brief.paragraphs:
            assert kind in loader.PARAGRAPH_KINDS and brief.text[start:end].strip()
    assert all(where.startswith(name) for where, _ in problems)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(NAMES, st.binary(max_size=300)), min_size=1, max_size=4))
def test_a_folder_of_arbitrary_files_loads(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("arbitrary")
    for i, (name, data) in enumerate(files):
        (folder / f"{i}-{name}").write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = bk.load_corpus(folder, progress=False, cache=False)
    assert len(corpus) + len(corpus.skipped) >= 1
    assert corpus.briefs["brief_id"].is_unique
