"""Session 28's shortcuts for sentiment_toward give exactly what the slower paths gave: the
trie walk of the gazetteer finds what its regex found, kept actors are those found afresh,
the context of find_holders is the eager one when it is read, _object_views reads the same
words, and the garbage collector is left as it was found. Speed itself is measured by
benchmarks/tone_speed.py, not here."""

import gc
import re
from types import SimpleNamespace

import pytest

from briefkit import actors, reported, sentiment
from briefkit.corpus import Corpus
from briefkit.text import norm_token, tokenize_words


@pytest.fixture(scope="module")
def sample():
    from briefkit.corpus import load_corpus
    from briefkit.paths import sample_briefs_dir

    folder = sample_briefs_dir()
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) < 5:
        pytest.skip("the sample corpus has fewer than 5 briefs")
    return load_corpus(folder, progress=False, cache=False)


# Texts that stress the matcher: aliases inside others, longest matches, dots and
# apostrophes, hyphens and runs of separators, possessives, word boundaries, digits, case.
TRICKY = [
    "The Gulf Cooperation Council and the Gulf states met the GCC's envoy.",
    "U.S.-led forces, the U.S.A. and the US-Iran talks; the U.S.S.R. fell in 1991.",
    "the united   states and the united\u00a0states, the united-states, United States's",
    "Côte d'Ivoire, Cote d’Ivoire and Côte-d'Ivoire's president spoke to the U.K.'s envoy.",
    "Washington, D.C., and Washington D.C. differ from Washington State and Washingtonian.",
    "North Korea's foreign ministry, the north korean foreign ministry and NorthKorea.",
    "Iranians, Iran's, Iran’s, Iran'sx, xIran, Iran2, _Iran, Iran_ and IRAN.",
    "Hizballah (Hezbollah) and al-Qaeda in the Arabian Peninsula (AQAP) struck.",
    "Erdoğan, Erdogan and ERDOGAN met Putin, Vladimir Putin and Putin’s aides.",
    "the European Union, the European Union's Council, the European  Council.",
    "UN, U.N., the UN Security Council, the U.N. Security Council and un-named officials.",
    "  ...Iran-Iraq-Syria--Turkey -- Russia\u2014China\u2013India \u2010Japan",
    "",
    "x",
    "Saudi Arabia-UAE ties; the Saudi-led coalition; Saudis; Saudi",
]


def _regex_spans(regex, text, pos):
    found = regex.search(text, pos)
    return None if found is None else found.span()


def _trie_spans(search, text, pos):
    found = search.search(text, pos)
    return None if found is None else (found.start(), found.end())


def _same_as_regex(matcher, regex, text: str) -> None:
    """search at every position and match at every start and end give what the regex
    gives."""
    lowered = actors._plain(text.lower())
    assert len(lowered) == len(text)
    search = actors._TrieSearch(matcher, lowered)
    for pos in range(len(lowered) + 1):
        assert _trie_spans(search, lowered, pos) == _regex_spans(regex, lowered, pos), \
            (text, pos)
        for end in range(pos, len(lowered) + 1):
            want = regex.match(lowered, pos, end)
            got = search.match(lowered, pos, end)
            assert (got and got.end()) == (want and want.end()), (text, pos, end)


def _small(keys):
    """A matcher of a few alias keys, built as _build_matcher builds one, and its regex."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[None] = True
    firsts, odd = actors._key_openings(keys)
    matcher = SimpleNamespace(trie=trie, first_words=firsts, odd_first=odd)
    return matcher, re.compile(r"(?<!\w)" + actors._trie_pattern(trie) + r"(?!\w)")


@pytest.mark.parametrize("text", TRICKY)
def test_the_trie_walk_finds_what_the_gazetteers_regex_found(text):
    matcher = actors._default_matcher()
    _same_as_regex(matcher, matcher.regex, text)


def test_the_trie_walk_finds_what_the_regex_found_in_sample_sentences(sample):
    matcher = actors._default_matcher()
    regex = matcher.regex
    for text in sample.sentences["text"].tolist()[::40]:
        lowered = actors._plain(text.lower())
        if len(lowered) != len(text):
            continue
        search = actors._TrieSearch(matcher, lowered)
        for pos in range(len(lowered) + 1):
            assert _trie_spans(search, lowered, pos) == _regex_spans(regex, lowered, pos)


@pytest.mark.parametrize("text", [
    "pro iran", "pro  iran", "pro   x", "pro ", "pro  ", "a pro  b", "(ngo) met ngo",
    "x(ngo)", "u.s. u.s.a. u.s.s", "u.s.a", "ab abc abcd abcde", "abc.d", "abc,d",
    "new york new york city newyork", "the us's ally", "st. john's", "a'b a'b's",
])
def test_the_trie_walk_keeps_the_regexs_rules_on_odd_keys(text):
    # a key ending in a space (an alias ending in a hyphen) gives back one space where a
    # word follows; keys opening with a bracket; keys inside others; dotted initials
    keys = ["pro ", "pro iran", "(ngo)", "ngo", "u.s.", "u.s.a.", "u.s", "ab", "abc", "abcde",
            "abc.d", "new york", "new york city", "york", "us", "us's", "st. john's", "a'b"]
    matcher, regex = _small(keys)
    _same_as_regex(matcher, regex, text)


def test_case_folding_texts_still_use_the_regex():
    # "İ".lower() is two characters: those texts are searched with the case-blind regex
    text = "İstanbul and Ankara told the U.S. that İran erred."
    assert len(text.lower()) != len(text)
    found = [(m.actor, m.text) for m in actors.find_actors(text)]
    assert ("Turkey", "Ankara") in found and ("United States", "U.S.") in found


def test_the_matcher_compiles_no_regex_until_asked():
    matcher = actors._build_matcher(actors._packaged_gazetteer())
    assert "regex" not in vars(matcher) and "pattern" not in vars(matcher)
    actors._scan(actors._Context(matcher, "Iran met Russia.", [0], [16], None))
    assert "regex" not in vars(matcher)
    assert matcher.regex.search("iran met russia.").span() == (0, 4)


def test_kept_actors_are_those_found_afresh(sample):
    actors.clear_actor_memo()
    matcher = actors._default_matcher()
    for text in sample.sentences["text"].tolist()[::25]:
        first, again = actors.find_actors(text), actors.find_actors(text)
        assert first == again == actors._actors_in(matcher, text, None)
        assert first is not again  # each call gets its own list
    assert actors._kept_actors.cache_info().hits > 0


def test_kept_actors_are_bounded_and_keyed_by_the_exact_text():
    actors.clear_actor_memo()
    assert [m.text for m in actors.find_actors("Iran met Russia.")] == ["Iran", "Russia"]
    assert [m.text for m in actors.find_actors("Iran met Russia. ")] == ["Iran", "Russia"]
    assert actors.find_actors("iran met russia.") == []  # lower case: not the kept one
    assert actors._kept_actors.cache_info().currsize == 3
    assert actors._kept_actors.cache_info().maxsize == actors.ACTORS_KEPT


def test_kept_actors_are_not_used_with_a_context_or_another_gazetteer():
    actors.clear_actor_memo()
    text = "Georgia passed the law."
    plain = actors.find_actors(text)
    with_context = actors.find_actors(text, context="Atlanta and the governor of Georgia.")
    assert with_context == actors._actors_in(
        actors._default_matcher(), text, "Atlanta and the governor of Georgia.")
    assert actors._kept_actors.cache_info().currsize == 1
    own = actors.load_gazetteer(extra=[{"actor": "Georgia Legislature", "actor_type": "body",
                                        "country": "United States", "aliases": "Georgia",
                                        "notes": "test"}])
    assert actors._kept_actors.cache_info().currsize == 1
    assert actors.find_actors(text, gazetteer=own) == actors._actors_in(
        actors._matcher_for(own), text, None)
    assert actors.find_actors(text) == plain


def test_kept_actors_are_forgotten_when_the_matcher_is_built_anew(monkeypatch):
    actors.clear_actor_memo()
    actors.find_actors("Iran met Russia.")
    fresh = actors._build_matcher(actors._packaged_gazetteer())
    monkeypatch.setattr(actors, "_default_matcher", lambda: fresh)
    assert [m.text for m in actors.find_actors("Iran met Russia.")] == ["Iran", "Russia"]
    assert actors._KEPT_FOR[0] is fresh
    assert actors._kept_actors.cache_info().currsize == 1


def _eager_holders(text, previous):
    """find_holders as it was: the context worked out before the sentence is parsed."""
    toks = reported.tokens(text)
    if not reported._may_hold_view(toks):
        return []
    mentions = reported._mentions_of(text)
    context = reported._context_of(tuple(previous), text, mentions, None)
    return reported.Sentence(text, mentions, context, toks=toks).find()


PAIRS = [
    ("Putin asserts that the war was lost.", ["He met Xi in Beijing."]),
    ("He asserts that the war was lost.", ["Putin met Xi in Beijing."]),
    ("Both have asserted that prices fell.", ["Both Russia and Iran see risks."]),
    ("The ministry said that talks would resume.", ["Iran's foreign ministry met.",
                                                    "The talks stalled."]),
    ("The Secretary said that the plan would work.",
     ["Secretary of Transportation Jane Roe visited."]),
    ("The report notes that exports fell.", ["According to a DOD inspector general report, "
                                             "costs rose."]),
    ("The talks resumed in Geneva on Monday.", ["He met Xi."]),
]


@pytest.mark.parametrize("text, previous", PAIRS)
def test_the_lazy_context_gives_what_the_eager_one_gave(text, previous):
    assert reported.find_holders(text, previous=previous) == _eager_holders(text, previous)


def test_the_context_is_worked_out_only_when_read(monkeypatch):
    built = []
    real = reported._context_of
    monkeypatch.setattr(reported, "_context_of", lambda *a: built.append(a[1]) or real(*a))
    assert [h.holder for h in reported.find_holders(
        "Putin asserts that the war was lost.", previous=["He met Xi."])] == ["Vladimir Putin"]
    assert built == []  # the holder is named in the sentence: the sentence before unread
    assert [h.holder for h in reported.find_holders(
        "He asserts that the war was lost.", previous=["Putin met Xi."])] == ["Vladimir Putin"]
    assert built == ["He asserts that the war was lost."]


def test_the_lazy_context_reads_and_writes_through():
    context = reported._LazyContext((), "The Metal Company (TMC) met.",
                                    reported._mentions_of("The Metal Company (TMC) met."), None)
    assert context  # "context or Context()" keeps it, unread
    assert object.__getattribute__(context, "_context") is None
    assert "TMC" in context.names
    context.year = 2024
    assert object.__getattribute__(context, "_context").year == 2024


def _old_object_views(text, gazetteer=None):
    """_object_views as it reads (with AS_CUES), tokenising the sentence itself."""
    if not sentiment._OBJECT_CUE_STEMS.search(text):
        return []
    tokens = tokenize_words(text)
    cues = [i for i, (tok, _, _) in enumerate(tokens)
            if i and (sentiment.OBJECT_CUES | sentiment.AS_CUES).intersection(
                sentiment._lemmas(norm_token(tok)))]
    if not cues:
        return []
    mentions = [m for m in actors.find_actors(text, gazetteer=gazetteer)
                if m.actor_type != "non_actor"]
    views = []
    for i in cues:
        j = i - 1
        while j > 0 and norm_token(tokens[j][0]) in sentiment._SUBJECT_GAP:
            j -= 1
        owner = [m for m in mentions if m.end == tokens[j][2]]
        end, words = i, 0
        for k in range(i + 1, len(tokens)):
            norm = norm_token(tokens[k][0])
            if sentiment._is_boundary(norm) or norm in {"that", "and", "to", "because"} \
                    or words >= sentiment.OBJECT_SPAN:
                break
            end, words = k, words + sentiment._is_word(tokens[k][0])
        if not sentiment.OBJECT_CUES.intersection(sentiment._lemmas(norm_token(tokens[i][0]))) \
                and not any(norm_token(tokens[k][0]) == "as" for k in range(i + 2, end)):
            continue  # "see", "consider" with no "as ...": no view of the object
        if owner and end > i:
            m = owner[0]
            views.append(sentiment.View(
                m.actor, m.country or "", (m.start, m.end), (tokens[i][1], tokens[i][2]),
                (tokens[i + 1][1], tokens[end][2]), norm_token(tokens[i][0]), False))
    return views


def test_object_views_read_the_same_words(sample):
    texts = [t for t in sample.sentences["text"] if sentiment._OBJECT_CUE_STEMS.search(t)]
    texts += ["Nusra denounced the trainees as American agents.",
              "Moscow has also openly blamed Washington for the crisis, and Iran agreed.",
              "Russia’s envoy called the U.S. plan “a provocation” in Geneva."]
    found = 0
    for text in texts:
        views = sentiment._object_views(text, None)
        assert views == _old_object_views(text)
        found += len(views)
    assert found > 10


def test_clear_sentence_memos_forgets_every_sentence():
    sentiment.find_views("Moscow says that Washington lies.")
    sentiment.score_target("Putin blamed Washington.", 13, 23)
    sentiment.clear_sentence_memos()
    assert sentiment._words_of.cache_info().currsize == 0
    assert sentiment._cached_views.cache_info().currsize == 0
    assert sentiment._target_states.cache_info().currsize == 0
    assert actors._kept_actors.cache_info().currsize == 0
    assert reported._KEPT_MENTIONS == {}


def test_tone_leaves_the_garbage_collector_as_it_found_it():
    corpus = Corpus.from_texts(["Putin blamed Washington. Iran met Russia."])
    assert gc.isenabled()
    first = sentiment.sentiment_toward.__wrapped__(corpus, "United States")
    assert gc.isenabled()
    gc.disable()
    try:
        again = sentiment.sentiment_toward.__wrapped__(corpus, "United States")
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert first.equals(again)
    index = sentiment.ToneIndex(corpus)
    with pytest.raises(sentiment.Cancelled):
        index.tone("United States", cancel=lambda: True)
    assert gc.isenabled()


def test_sentiment_toward_is_the_same_with_memos_kept_or_cleared(sample):
    sentiment.clear_sentence_memos()
    cleared = sentiment.sentiment_toward.__wrapped__(sample, "United States")
    kept = sentiment.sentiment_toward.__wrapped__(sample, "United States")
    assert cleared.equals(kept)
