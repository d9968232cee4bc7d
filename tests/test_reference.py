"""The pipeline's tables equal a straightforward reference on the sample corpus.

Each reference is the plain way to compute a table, one row at a time: sentences by plain
Punkt plus briefkit's abbreviation rule, paragraph by paragraph; tokens by a loop over
sentences calling the tokenizer and NLTK's tagger; mentions by searching each sentence on
its own with ``find_actors``; claims and sentiment brief by brief. Whatever is done to
make the pipeline fast (vectorised frames, caches, batches, partitions), these must hold.
"""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

import briefkit as bk
from briefkit import resources, scale, text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus():
    return bk.load_corpus(bk.sample_path(), progress=False, cache=False)


def _plain_punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    tokenizer = None
    if resources.nltk_resource("punkt_tab"):
        from nltk.tokenize.punkt import PunktTokenizer

        tokenizer = PunktTokenizer("english")
    if tokenizer is None:
        tokenizer = PunktSentenceTokenizer(PunktParameters())
    tokenizer._params.abbrev_types.update(resources.abbreviations())
    return tokenizer


def _reference_sentences(corpus) -> pd.DataFrame:
    punkt = _plain_punkt()
    rows = []
    for bid, group in corpus.paragraphs.groupby("brief_id", sort=False):
        sent_id = 0
        for para_id, kind, para, start in zip(group["para_id"], group["kind"], group["text"],
                                              group["start"]):
            cuts = {0, len(para)} | {s for s, _ in punkt.span_tokenize(para)}
            text._apply_abbreviation_rule(para, 0, len(para), cuts)
            ordered = sorted(cuts)
            for a, b in itertools.pairwise(ordered):
                piece = para[a:b]
                a += len(piece) - len(piece.lstrip())
                b -= len(piece) - len(piece.rstrip())
                if a < b:
                    rows.append({"brief_id": bid, "sent_id": sent_id, "para_id": para_id,
                                 "kind": kind, "text": para[a:b], "start": start + a,
                                 "end": start + b})
                    sent_id += 1
    return pd.DataFrame(rows)


def _reference_tokens(corpus) -> pd.DataFrame:
    from nltk.tag.perceptron import PerceptronTagger

    tagger = PerceptronTagger() if resources.has_tagger() else None
    stops = resources.stopwords()
    rows = []
    for sent in corpus.sentences.itertuples(index=False):
        toks = text.tokenize_words(sent.text, sent.start)
        words = [t for t, _, _ in toks]
        tags = [tag for _, tag in tagger.tag(words)] if tagger and words else [""] * len(words)
        for token_id, ((token, start, end), tag) in enumerate(zip(toks, tags)):
            norm = text.norm_token(token)
            rows.append({"brief_id": sent.brief_id, "sent_id": sent.sent_id,
                         "token_id": token_id, "token": token, "norm": norm, "start": start,
                         "end": end, "is_stop": norm in stops,
                         "is_alpha": text.is_alpha_token(token), "pos": tag})
    return pd.DataFrame(rows)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as objects with None for missing values: how a column of strings is
    stored (object with None, or pandas' str dtype with NaN) is not what is compared."""
    frame = frame.reset_index(drop=True).copy()
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].astype(object)
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            values = frame[column].astype(object)
            frame[column] = values.where(frame[column].notna(), None)
    return frame


def _same(actual: pd.DataFrame, expected: pd.DataFrame, columns=None):
    columns = columns or list(expected.columns)
    left, right = _plain(actual[columns]), _plain(expected[columns])
    assert len(left) == len(right)
    pd.testing.assert_frame_equal(left, right, check_dtype=False)


def test_sentences_equal_plain_punkt_and_the_abbreviation_rule(corpus):
    _same(corpus.sentences, _reference_sentences(corpus))


def test_tokens_equal_a_loop_over_sentences(corpus):
    expected = _reference_tokens(corpus)
    _same(corpus.tokens, expected)
    for brief_id, start, end, token in corpus.tokens[["brief_id", "start", "end",
                                                      "token"]].head(2000).itertuples(index=False):
        assert corpus.text_of(brief_id)[start:end] == token


def test_mentions_equal_a_search_sentence_by_sentence(corpus):
    from briefkit.actors import find_actors

    texts = dict(zip(corpus.briefs["brief_id"], corpus.briefs["text"]))
    rows = []
    for sent in corpus.sentences.itertuples(index=False):
        for m in find_actors(sent.text, context=texts[sent.brief_id]):
            rows.append({"brief_id": sent.brief_id, "sent_id": sent.sent_id, "actor": m.actor,
                         "actor_type": m.actor_type, "country": m.country, "text": m.text,
                         "start": sent.start + m.start, "end": sent.start + m.end})
    expected = pd.DataFrame(rows)
    _same(bk.find_mentions(corpus), expected)


@pytest.mark.parametrize("stage", ["claims", "sentiment"])
def test_analysis_brief_by_brief_equals_the_whole_corpus(corpus, stage):
    """What makes partitions (briefkit.scale) exact: no table depends on other briefs."""
    whole = scale.run_stage(corpus, stage, cache=False)
    parts = [scale.run_stage(corpus.subset([bid]), stage, cache=False)
             for bid in corpus.briefs["brief_id"]]
    expected = pd.concat([p for p in parts if len(p)], ignore_index=True)
    _same(whole, expected)


def test_cached_tables_equal_fresh_ones(corpus):
    fresh = scale.run_pipeline(corpus, cache=False)
    scale.run_pipeline(corpus, cache=True)
    warm = scale.run_pipeline(corpus, cache=True)
    for name in scale.STAGES:
        pd.testing.assert_frame_equal(warm[name], fresh[name])
