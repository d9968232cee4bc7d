"""Session 29's speed changes give what the code before them gave.

Each test compares the faster path with a reference written as the code was before (or
with the eager path it stands in for), on made-up sentences and on the sample's.
"""

from __future__ import annotations

import bisect
import random

import numpy as np
import pytest

from briefkit import actors, reported, sentiment
from briefkit.text import norm_token, tokenize_words

# --- actors: bisect on lists instead of numpy's searchsorted ------------------------------


def _hits_reference(cue_starts, lo, hi, start, end) -> int:
    inside = np.searchsorted(np.array(cue_starts, dtype=int), [lo, hi, start, end])
    return int(inside[1] - inside[0] - (inside[3] - inside[2]))


def test_hits_counts_as_searchsorted_did():
    rng = random.Random(29)
    for _ in range(2000):
        cues = sorted(rng.sample(range(200), rng.randint(0, 30)))
        lo, hi = sorted(rng.sample(range(201), 2))
        start = rng.randint(lo, hi)
        end = rng.randint(start, hi)
        assert actors._hits(cues, lo, hi, start, end) == _hits_reference(cues, lo, hi, start, end)


def test_context_sentence_as_searchsorted_did():
    starts = np.array([0, 10, 25, 40])
    ctx = actors._Context(actors._default_matcher(), "x" * 60, starts, starts + 5, None)
    for pos in range(60):
        expected = max(0, int(np.searchsorted(starts, pos, side="right")) - 1)
        assert ctx._sentence(pos) == expected
    assert all(type(s) is int for s in ctx.starts + ctx.ends)


def test_mentions_with_brief_cues_unchanged():
    # "Georgia" needs a cue (the state or the U.S. state): the brief's cues decide it
    from briefkit.corpus import Corpus

    corpus = Corpus.from_texts([
        "Atlanta is growing. Georgia passed a law in Atlanta. Tbilisi said no.",
        "Tbilisi protested. Georgia recalled its envoy from Moscow."])
    found = actors.find_mentions.__wrapped__(corpus)
    # as before the change: the first brief's cue (Atlanta) makes it the U.S. state
    assert found[["actor", "start"]].values.tolist() == [
        ["Georgia (U.S. state)", 20], ["Georgia", 53], ["Georgia", 0], ["Georgia", 19],
        ["Russia", 51]]


# --- holders: the lazy context read only where it can matter ------------------------------


def _eager(text: str, previous: list[str]):
    toks = reported.tokens(text)
    mentions = reported._mentions_of(text, None)
    context = reported._context_of(tuple(previous), text, mentions, None)
    return reported.Sentence(text, mentions, context, toks=toks).find()


@pytest.fixture
def context_calls(monkeypatch):
    calls = []
    real = reported._context_of

    def counted(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(reported, "_context_of", counted)
    return calls


def test_plain_plural_subject_leaves_context_unread(context_calls):
    previous = ["The Turkish government banned the rally.", "Ankara blamed the PKK."]
    text = "Kurdish politicians read it differently."
    found = reported.find_holders(text, previous=previous)
    assert context_calls == []  # 'Kurdish politicians' are no members of Congress
    assert found == _eager(text, previous)


def test_lawmakers_still_read_from_context(context_calls):
    previous = ["The U.S. Congress debated the bill.", "The vote was close."]
    text = "Some lawmakers have argued that the sanctions failed."
    found = reported.find_holders(text, previous=previous)
    assert context_calls == [text]
    assert [h.holder for h in found] == ["members of Congress"]
    assert found == _eager(text, previous)


def test_lazy_context_same_as_eager_on_sample():
    from briefkit import paths
    from briefkit.corpus import load_corpus

    sents = load_corpus(paths.sample_briefs_dir(), progress=False).sentences
    rows = list(zip(sents["brief_id"], sents["text"]))
    before: dict = {}
    checked = 0
    for brief_id, text in rows[:900]:
        previous = before.setdefault(brief_id, [])[-2:]
        if previous and reported._may_hold_view(reported.tokens(text)):
            assert reported.find_holders(text, previous=previous) == _eager(text, previous)
            checked += 1
        before[brief_id].append(text)
    assert checked > 300


# --- the tone scorer's per-word memos ------------------------------------------------------


def _sample_sentences(n: int = 600) -> list[str]:
    from briefkit import paths
    from briefkit.corpus import load_corpus

    texts = load_corpus(paths.sample_briefs_dir(), progress=False).sentences["text"].tolist()
    return texts[::max(1, len(texts) // n)] + [
        "Ankara’s anger at Washington’s decision deepened.", "İstanbul’s mayor praised Iran.",
        "Critics rejected the rejection; they were rejecting it again.", ""]


def test_words_of_lowers_as_norm_token():
    for text in _sample_sentences():
        sentiment.clear_sentence_memos()
        tokens = sentiment._words_of(text).tokens
        assert list(tokens) == [(t, norm_token(t), s, e) for t, s, e in tokenize_words(text)]


def _lexicon_hits_reference(sent, lex):
    hits = []
    for i in range(len(sent.tokens)):
        if sent.word_pos[i] < 0:
            hits.append(None)
            continue
        phrases = []
        for lemma in sentiment._lemmas(sent.tokens[i][1]):
            for parts, entry in lex.phrases.get(lemma, ()):
                found = sentiment._match_parts(sent, i, parts, set())
                if found is not None:
                    phrases.append((entry, found))
        word = sentiment._match_word(sent, lex, i)
        hits.append((tuple(phrases), word) if phrases or word else None)
    return tuple(hits)


def _event_hits_reference(sent):
    frame = sentiment.event_frame()
    hits, i = [], 0
    while i < len(sent.tokens):
        found = None
        if sent.word_pos[i] >= 0:
            for lemma in sentiment._event_lemmas(sent.tokens[i][1]):
                for parts, _ in frame.get(lemma, ()):
                    last = i + len(parts) - 1
                    if last < len(sent.tokens) and all(
                        parts[k] in sentiment._event_lemmas(sent.tokens[i + k][1])
                        for k in range(1, len(parts))
                    ) and (found is None or last > found[1]):
                        found = (i, last, tuple(e for p, e in frame[lemma] if p == parts))
        if found is None:
            i += 1
            continue
        hits.append(found)
        i = found[1] + 1
    return tuple(hits)


def _success_words_reference(sent, lex):
    found = []
    for i in range(len(sent.tokens)):
        hit = next((w for w in sentiment._lemmas(sent.tokens[i][1]) if w in lex.successes), None)
        if hit is not None:
            found.append((i, hit))
    return tuple(found)


@pytest.mark.parametrize("genre", ["brief", "news"])
def test_lexicon_event_and_success_hits_as_before(genre):
    lex = sentiment._as_lexicon(None, genre)
    outcomes = sentiment.outcome_lexicon()
    sentiment.clear_sentence_memos()
    for text in _sample_sentences():
        sent = sentiment._parse(text, ())
        assert sentiment._lexicon_hits(sent, lex) == _lexicon_hits_reference(sent, lex)
        assert sentiment._event_hits(sent) == _event_hits_reference(sent)
        assert sentiment._success_words(sent, outcomes) == _success_words_reference(sent, outcomes)


def test_norm_memo_kept_per_word_list_and_forgotten():
    lex = sentiment._as_lexicon(None, "brief")
    sent = sentiment._parse("Moscow condemned the strikes.", ())
    sentiment._lexicon_hits(sent, lex)
    memo = sentiment._norm_memo("lexicon", lex)
    assert "condemned" in memo and memo["condemned"][1] is not None
    assert sentiment._norm_memo("events", lex) is not memo
    sentiment.clear_sentence_memos()
    assert sentiment._norm_memo("lexicon", lex) == {}


def _attitude_nouns_reference(text, previous=()):
    found = [(m, "possessive") for m in sentiment._ATTITUDE_NOUN.finditer(text)]
    found += [(m, "named") for m in sentiment._NAMED_NOUN.finditer(text)]
    found += [(m, "pronoun") for m in sentiment._PRONOUN_NOUN.finditer(text)]
    found += [(m, "from") for m in sentiment._NOUN_FROM.finditer(text)]
    found = [(m, k) for m, k in found if sentiment._is_attitude_noun(m.group("noun"), k)]
    mentions = actors.find_actors(text)
    views = [sentiment._attitude_view(text, m, k, mentions, None, previous) for m, k in found]
    return [v for v in views if v is not None]


@pytest.mark.parametrize("text, holds", [
    ("Tehran's hostility toward Washington grew.", True),
    ("Tehran’s hostility toward Washington grew.", True),
    ("Turkish complaints about American support mounted.", True),
    ("The decision drew criticism from Yemeni officials.", True),
    ("The message from Washington is that talks are over.", True),
    ("Tehran’s patience with Washington ran out.", False),
    ("Iran's missile tests worried Riyadh.", False),
    ("Criticism from Moscow followed, and Chinese anger at the sale grew.", True),
])
def test_attitude_nouns_as_without_the_quick_tests(text, holds):
    found = sentiment._attitude_nouns(text, None)
    assert found == _attitude_nouns_reference(text)
    assert bool(found) == holds


def test_attitude_nouns_as_without_the_quick_tests_on_sample():
    for text in _sample_sentences():
        assert sentiment._attitude_nouns(text, None) == _attitude_nouns_reference(text)


def test_object_views_unchanged():
    views = sentiment._object_views("Nusra denounced the trainees as American agents.", None)
    assert [(v.holder, v.cue) for v in views] == [("al-Nusra Front", "denounced")]
    assert sentiment._object_views("Kurdish leaders see an opening.", None) == []
    seen = sentiment._object_views("Kurdish leaders see the U.S. presence as a guarantee.", None)
    assert [v.cue for v in seen] in ([], ["see"])


def test_bisect_module_used_for_scalar_search():
    # the scan's look-ups stay plain ints (no numpy scalars leak into offsets)
    mentions = actors.find_actors("Washington and Beijing agreed.")
    assert all(type(m.start) is int and type(m.end) is int for m in mentions)
    assert bisect.bisect_right([0, 5], 5) == 2


def test_walk_from_after_first_word_as_from_root():
    matcher = actors._default_matcher()
    for word, node in list(matcher.after_first.items())[:500]:
        walked = matcher.trie
        for ch in word:
            walked = walked[ch]
        assert walked is node
    for text in ["the united states and the west", "u.s. officials", "is it isis", "iran's",
                 "the  gulf cooperation council", "washington state"]:
        search = actors._TrieSearch(matcher, text)
        for pos in range(len(text) + 1):
            got = search.search(text, pos)
            expected = matcher.regex.search(text, pos)
            assert (got and (got.start(), got.end())) == (
                expected and (expected.start(), expected.end()))
