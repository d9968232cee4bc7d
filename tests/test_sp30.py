"""Session 30 (sp30): work the scorer did twice for one parse is done once, and gives what
it gave.

Each test counts the work (it fails where the memo is missing) and compares the result with
the code as it was before (the reference written out here).
"""

from __future__ import annotations

import pytest

from briefkit import sentiment

# A sentence with reported views of the target, cues outside any view (asked or not), and
# an "if" clause: the roles and the asked test both have work to do.
SENTENCE = ("Moscow says that Washington lies, and if U.S. sanctions fail, critics warn that "
            "American leadership will weaken; will U.S. aid match the need?")


def _spans(text: str, names=("Washington", "U.S.", "American")) -> list[tuple[int, int]]:
    spans = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return sorted(spans)


def _asks_reference(sent, i: int) -> bool:  # as it was before the memo
    return (sentiment._supposed(sent, i) or sentiment._asked(sent, i)
            or bool(sentiment._AGENDA.search(sent.text)))


def test_roles_worked_out_once_per_parse(monkeypatch):
    calls = []
    real = sentiment._find_roles

    def counted(sent, views, speakers):
        calls.append(speakers)
        return real(sent, views, speakers)

    monkeypatch.setattr(sentiment, "_find_roles", counted)
    sentiment.target_features(SENTENCE, _spans(SENTENCE), target="United States")
    # _attach, _speaks_of_itself and target_features each asked: one parse, one working out
    assert len(calls) == 1


def test_roles_kept_only_for_the_same_views():
    sent = sentiment._parse(SENTENCE, _spans(SENTENCE))
    views = sentiment.find_views(SENTENCE)
    states = frozenset({"United States"})
    first = sentiment._roles(sent, views, states)
    assert first == sentiment._find_roles(sent, views, states)
    assert first.of_target  # Moscow's view is held of the target
    # other views (none) for the same parse and speakers: worked out again, not the kept
    assert sentiment._roles(sent, (), states) == sentiment._find_roles(sent, (), states)
    assert sentiment._roles(sent, (), states) != first


def test_asked_words_worked_out_once_per_parse(monkeypatch):
    calls = []
    real = sentiment._supposed

    def counted(sent, i):
        calls.append(i)
        return real(sent, i)

    monkeypatch.setattr(sentiment, "_supposed", counted)
    sentiment.target_features(SENTENCE, _spans(SENTENCE), target="United States")
    assert calls  # the sentence has cues outside any view
    assert len(calls) == len(set(calls))  # _attach and target_features both asked


def test_asks_as_before():
    sent = sentiment._parse(SENTENCE, _spans(SENTENCE))
    agenda = sentiment._parse("Issues for Congress include the risk to U.S. forces.", [(39, 43)])
    for s in (sent, agenda):
        for i in range(len(s.tokens)):
            assert sentiment._asks(s, i) == _asks_reference(s, i)
    assert any(sentiment._asks(sent, i) for i in range(len(sent.tokens)))
    assert not all(sentiment._asks(sent, i) for i in range(len(sent.tokens)))


def test_memo_goes_with_the_parse():
    # a new parse of the same sentence starts with nothing kept: no result outlives its scoring
    spans = _spans(SENTENCE)
    first = sentiment._parse(SENTENCE, spans)
    sentiment._asks(first, 3)
    assert first.memo
    assert not sentiment._parse(SENTENCE, spans).memo
    assert first == sentiment._parse(SENTENCE, spans)  # the memo takes no part in equality


@pytest.mark.parametrize("words", [sentiment.REPORTING_VERBS, sentiment._OBJECT_OR_AS_CUES])
def test_lemma_test_as_before(words):
    norms = ["says", "said", "saying", "warned", "warns", "criticized", "blames", "called",
             "calls", "sees", "seen", "regarded", "u.s.", "the", ",", "accusing", "doubted"]
    for norm in norms * 2:  # the second time from the memo
        assert sentiment._has_lemma_in(norm, words) == bool(
            words.intersection(sentiment._lemmas(norm)))
    assert sentiment._has_lemma_in("warned", sentiment.REPORTING_VERBS)
    assert not sentiment._has_lemma_in("the", sentiment.REPORTING_VERBS)


def test_reporting_verbs_of_a_sentence_as_before():
    sentiment.clear_sentence_memos()
    text = "U.S. officials said on Monday that Tehran warned Washington, as Reuters reported."
    words = sentiment._words_of(text)
    expected = tuple(v for v, tok in enumerate(words.tokens)
                     if sentiment.REPORTING_VERBS.intersection(sentiment._lemmas(tok[1])))
    assert words.reporting == expected
    assert expected  # "warned", "reported"


def test_views_with_and_without_the_sentences_before_as_before():
    before = ("Russia and Iran met in Tehran.",)
    for text in ("They say that Washington lies.", "Their view of Washington is grim.",
                 "Moscow says that Washington lies."):
        context = list(before) if sentiment._NEEDS_CONTEXT.search(text) else []
        found = sentiment._find_views(text, before, None)
        # as before: the sentences before reach the claims machinery only for a pronoun
        from briefkit import claims

        holders = claims.find_holders(text, previous=context or None)
        assert [v.cue_span for v in found][:len(holders)] == [
            (h.cue_start, h.cue_end) for h in holders]
    assert sentiment._find_views("They say that Washington lies.", (), None) == \
        sentiment._find_views("They say that Washington lies.", (), None)
