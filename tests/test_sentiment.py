"""Tests for briefkit.sentiment: target-directed scores, their evidence, and the tables."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefkit import paths
from briefkit.sentiment import (
    LABELS,
    TargetScore,
    explain_target,
    label_of,
    load_lexicon,
    score_target,
    target_features,
)


def _us_holder(text: str) -> tuple:
    """The holder of the view of the United States in ``text``, as sentiment_toward finds it:
    the sentence's views, every span naming the United States, the sentence itself."""
    from briefkit.sentiment import find_target_spans, find_views, holder_of_target

    return holder_of_target(find_views(text), find_target_spans(text),
                            target="United States", text=text)


def score_of(text: str, target: str, nth: int = 0, **options) -> TargetScore:
    """Score the nth occurrence of ``target`` in ``text`` (options: see score_target)."""
    spans = [m.span() for m in re.finditer(re.escape(target), text)]
    start, end = spans[nth]
    return score_target(text, start, end, **options)


# --- the issue's examples ----------------------------------------------------------------

ISSUE_EXAMPLES = [
    ("Iran and Russia are working together, complicating U.S. strategy.", "U.S.", "negative"),
    ("Russia's removal of Iran's stockpile benefits U.S. interests.", "U.S.", "positive"),
    (
        "Putin seeks to block what he says are U.S. attempts to establish hegemony.",
        "U.S.",
        "negative",
    ),
    (
        (
            "Militia commanders argue that the Iraqi campaign should rely on Russia and Iran "
            "instead of the United States."
        ),
        "United States",
        "negative",
    ),
]


@pytest.mark.offline
@pytest.mark.parametrize(("text", "target", "label"), ISSUE_EXAMPLES)
def test_issue_examples(text, target, label):
    assert score_of(text, target).label == label


@pytest.mark.offline
def test_complicating_is_the_evidence():
    result = score_of(ISSUE_EXAMPLES[0][0], "U.S.")
    assert result.evidence.startswith("complicating(-")
    assert "outcome" in result.evidence and "strategy" in result.evidence
    rules = score_of(ISSUE_EXAMPLES[0][0], "U.S.", method="rules")
    assert rules.evidence.startswith("complicating(-0.60")


@pytest.mark.offline
def test_rely_on_favours_the_actors_chosen_instead():
    text = ISSUE_EXAMPLES[3][0]
    assert score_of(text, "Iran").label == "positive"
    assert score_of(text, "Russia").label == "positive"
    assert "instead of" in score_of(text, "United States").evidence


# The seed brief is the publisher's text: read it from ../shared, never copy it here.
SEED_CASES = [
    ("complicating U.S. strategy", "U.S.", "negative"),
    ("benefit U.S. interests", "U.S.", "positive"),
    ("has benefited U.S. interests", "U.S.", "positive"),
    ("U.S. attempts to establish hegemony", "U.S.", "negative"),
    ("instead of the United States", "United States", "negative"),
    ("close U.S. allies", "U.S.", "positive"),
]


@pytest.mark.needs_shared
@pytest.mark.parametrize(("phrase", "target", "label"), SEED_CASES)
def test_seed_brief_sentences(shared, phrase, target, label):
    from briefkit.text import normalize_text, split_sentences

    (path,) = sorted((shared / "corpora" / "seed-brief").glob("*.txt"))
    text = normalize_text(path.read_text(encoding="utf-8"))
    sentences = [text[s:e] for s, e in split_sentences(text)]
    (sentence,) = [s for s in sentences if phrase in s]
    start = sentence.index(phrase) + phrase.index(target)
    assert score_target(sentence, start, start + len(target)).label == label


# --- negation and contrast ---------------------------------------------------------------


@pytest.mark.offline
def test_negation_reverses_a_word():
    assert score_of("Moscow trusts Washington.", "Washington").label == "positive"
    negated = score_of("Moscow does not trust Washington.", "Washington")
    assert negated.label == "negative"
    assert "negated by 'not'" in negated.evidence
    assert score_of("Moscow never trusted Washington.", "Washington").score < 0


@pytest.mark.offline
def test_negated_threat_is_not_hostile():
    plain = score_of("Iran is a threat to the region.", "Iran")
    negated = score_of("Iran is not a threat to the region.", "Iran")
    assert plain.label == "negative"
    assert negated.score > 0


@pytest.mark.offline
def test_rejecting_a_view_reverses_its_words():
    held = score_of("Analysts argue that Iran supports stability.", "Iran")
    rejected = score_of("Tehran rejects the argument that Iran undermines stability.", "Iran")
    assert held.score > 0
    assert "negated by 'rejects'" in rejected.evidence
    # "does not dismiss" cancels: dismiss is negated, so it reverses nothing.
    kept = score_of("Experts do not dismiss the claim that Iran undermines stability.", "Iran")
    assert kept.label == "negative"


@pytest.mark.offline
def test_each_clause_attaches_to_its_own_target():
    # In news (NewsMTSC) an actor's praise or condemnation colours the actor itself; in
    # briefs it is the actor's view of something else, neutral toward the actor.
    text = "Iran praised the agreement, but Russia condemned it."
    assert score_of(text, "Iran", genre="news").label == "positive"
    assert score_of(text, "Russia", genre="news").label == "negative"
    assert score_of(text, "Iran").label == "neutral"
    assert score_of(text, "Russia").label == "neutral"


@pytest.mark.offline
def test_clause_after_but_dominates():
    text = "Washington helped the talks at first but later undermined them."
    result = score_of(text, "Washington")
    assert result.label == "negative"
    assert "in the clause after 'but'" in result.evidence


@pytest.mark.offline
def test_concession_yields_to_main_clause():
    text = "Although Iran backed the truce, the United States undermined it."
    assert score_of(text, "United States").label == "negative"
    assert score_of(text, "Iran", genre="news").label == "positive"
    # briefs: backing the truce is Iran's own stance, and it sits in the clause that yields
    assert score_of(text, "Iran", method="rules").label == "neutral"
    # The fitted model takes the target's own act in the clause that yields under the kind
    # it has in a main clause (its stance, not a point the sentence turns from), weighed
    # as the rules weigh the clause that yields: half (CONCEDED, session 25). Before, it
    # weighed it in full and read Iran as positive here.
    yielded = score_of(text, "Iran")
    assert yielded.label == "neutral"
    assert "truce" in yielded.evidence and "in the clause that yields" in yielded.evidence
    plain = "Iran backed the truce, and the United States undermined it."
    conceded, full = (
        {h.cue.text: (h.feature, h.value)
         for h in target_features(t, [(t.index("Iran"), t.index("Iran") + 4)])[1]
         if h.cue is not None}
        for t in (text, plain)
    )
    assert conceded["backed"][0] == full["backed"][0] == "own_view_pos"
    assert conceded["backed"][1] == pytest.approx(full["backed"][1] / 2)


@pytest.mark.offline
def test_a_good_word_the_sentence_turns_from_counts_against_the_target():
    from briefkit.sentiment import FEATURES, target_features

    def kinds(text, name, **options):
        start = text.index(name)
        _, hits = target_features(text, [(start, start + len(name))], **options)
        return {h.cue.text: h.feature for h in hits if h.cue is not None}

    turned = "The port deal serves U.S. interests, but the war around it drags on."
    assert kinds(turned, "U.S.")["serves"] == "turn_neg"
    assert score_of(turned, "U.S.").label == "negative"  # the shipped weights
    assert "serves(-" in score_of(turned, "U.S.").evidence
    ties = "Ties with Washington are warmer than in years, but the thaw rests on one issue."
    assert kinds(ties, "Washington")["warmer"] == "turn_neg"
    assert {"turn_neg", "turn_pos"} <= set(FEATURES)
    # the main clause's own good word keeps its kind, and so does a bad word that yields
    mixed = "The deal hurt Washington at first, but it now strengthens U.S. leverage."
    found = kinds(mixed, "U.S.")
    assert found["strengthens"] == "outcome_pos"
    assert not any(k.startswith("turn_") for k in found.values())
    # in the target's own speech, its speaker conceding its strength is no turn against it
    own = "Norway is ready and able to act, but we hope it will not come to that."
    assert kinds(own, "Norway", target="Norway", speaker="Norway")["ready"] == "yielding_pos"
    # nor is the target's own act or view: its stance, not a good that befell it, which
    # counts as it would in a main clause
    stance = "Although Chile backed the truce, Peru walked away from it."
    assert kinds(stance, "Chile")["backed"] in {"own_act_pos", "own_view_pos"}
    view = "Chile praised the accord, but Peru rejected it."
    assert kinds(view, "Chile")["praised"] == "own_view_pos"


@pytest.mark.offline
def test_main_clause_words_do_not_yield_when_the_target_is_in_the_concession():
    from briefkit.sentiment import target_features

    def kinds(text, target):
        start = text.index(target)
        _, hits = target_features(text, [(start, start + len(target))])
        return {h.cue.text: (h.feature, h.value) for h in hits if h.cue is not None}

    text = "Although the accord helped Canada, Mexico undermined the talks."
    # the word inside "although" yields, whichever clause the target stands in: a good word
    # there is one the sentence turns from (TURN)
    assert kinds(text, "Canada")["helped"][0] == "turn_neg"
    assert kinds(text, "Mexico")["helped"][0] == "turn_neg"
    # the main clause's word is not in the clause that yields: for Canada it is loose
    assert kinds(text, "Canada")["undermined"][0] == "loose_neg"
    after = kinds("Mexico sabotaged the talks while Canada welcomed the accord.", "Canada")
    plain = kinds("Mexico sabotaged the talks and Canada welcomed the accord.", "Canada")
    assert after["welcomed"][0] == "own_view_pos" and after["sabotaged"][0] == "loose_neg"
    # ... and it counts across the clause break, for less than with no concession
    assert after["sabotaged"][1] < plain["sabotaged"][1] / 2


# --- scope -------------------------------------------------------------------------------


@pytest.mark.offline
def test_object_relations_need_the_target_after_them():
    assert score_of("Sanctions were imposed against Iran.", "Iran").label == "negative"
    # "against" points at what follows it, not at the actor acting.
    assert score_of("Iran campaigns against corruption.", "Iran").score > -0.2


@pytest.mark.offline
def test_distance_weakens_a_word():
    # ("worries" would make the claims machinery read "Hegemony" as the holder of a view)
    near = score_of("Hegemony by Russia alarms its neighbours.", "Russia")
    far = score_of(
        "Hegemony, in the view of many officials in the region today, is a word used of Russia.",
        "Russia",
    )
    assert abs(near.score) > abs(far.score)


@pytest.mark.offline
def test_quoted_speech_is_not_said_of_the_speaker():
    spoken = score_of('"We will crush these terrible, evil enemies," Russia said.', "Russia")
    said_of = score_of('"Russia is a terrible, evil enemy," Iran said.', "Russia")
    assert said_of.label == "negative"
    assert abs(spoken.score) < abs(said_of.score) / 3
    assert "in quoted speech" in spoken.evidence


@pytest.mark.offline
def test_prefix_on_the_target_token():
    assert score_of("Anti-American groups met in Cairo.", "American").label == "negative"
    assert score_of("Pro-Iranian groups met in Cairo.", "Iranian").label == "positive"
    assert score_of("American groups met in Cairo.", "American").label == "neutral"


# --- the brief genre: the target's role ---------------------------------------------------


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Washington funds the army.", "Washington"),
        ("Washington values Incirlik.", "Washington"),
        ("The U.S. imposed restrictions on Iran.", "U.S."),
        ("U.S. officials welcomed the decision.", "U.S."),
    ],
)
def test_views_and_acts_of_the_target_are_not_views_of_it(text, target):
    assert score_of(text, target, method="rules").label == "neutral"
    # the model weighs the target's own acts and views far below what acts on it
    assert abs(score_of(text, target).score) < 0.3


@pytest.mark.offline
def test_own_acts_weigh_less_than_acts_on_the_target():
    # (a measure of the target's own, "The U.S. imposed restrictions on Iran", counts for
    # nothing toward it: test_the_targets_own_measures_are_its_policy)
    text = "The U.S. threatened Iran."
    own, on = score_of(text, "U.S."), score_of(text, "Iran")
    assert on.label == "negative"
    assert abs(own.score) < abs(on.score) / 2
    assert "the target's own act" in own.evidence


@pytest.mark.offline
def test_what_acts_on_the_target_counts():
    assert score_of("Moscow blames Washington for the war.", "Washington").label == "negative"
    assert score_of("The U.S. imposed restrictions on Iran.", "Iran").label == "negative"
    assert score_of("The deal benefits U.S. interests.", "U.S.").label == "positive"


@pytest.mark.offline
def test_own_acts_of_conduct_still_judge_the_target():
    # briefkit's domain words for conduct ("undermine", "ousting") keep their weight
    result = score_of("The United States undermined the talks.", "United States")
    assert result.label == "negative"
    assert "the target's own act" in result.evidence


@pytest.mark.offline
def test_own_acts_count_fully_in_news():
    assert score_of("Washington funds the army.", "Washington").score < 0.1
    assert score_of("Washington supports the army.", "Washington", genre="news").label == "positive"


@pytest.mark.offline
def test_ties_to_the_target_count_where_it_is_their_possessor():
    assert score_of("Close U.S. allies met in Riyadh.", "U.S.").label == "positive"


@pytest.mark.offline
def test_unlikely_to_and_no_longer_reverse_outcomes():
    result = score_of("Relations with Washington are unlikely to improve.", "Washington")
    assert result.label == "negative"
    assert "negated by 'unlikely to'" in result.evidence
    assert score_of("Ankara no longer trusts Washington.", "Washington").label == "negative"
    assert score_of("Iran fails to improve ties with Washington.", "Washington").label == "negative"


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Erdogan questioned why the U.S. is allied with the Kurds.", "U.S."),
        ("Turkish officials asked whether Washington is a reliable partner.", "Washington"),
        ("Saudi officials doubt that Washington will honour its commitments.", "Washington"),
    ],
)
def test_questioning_and_doubting_are_negative_toward_their_object(text, target):
    result = score_of(text, target)
    assert result.label == "negative"
    assert "a view held of the target" in result.evidence


@pytest.mark.offline
def test_a_concession_discounts_its_own_clause():
    text = "Although the deal benefits U.S. interests, it leaves Iran stronger."
    plain = score_of("The deal benefits U.S. interests.", "U.S.", method="model")
    conceded = score_of(text, "U.S.", method="model")
    assert plain.label == "positive"
    assert conceded.label != "positive" and conceded.score < plain.score
    rules = score_of(text, "U.S.", method="rules")
    assert 0 < rules.score < score_of("The deal benefits U.S. interests.", "U.S.",
                                      method="rules").score
    assert "in the clause that yields" in rules.evidence


@pytest.mark.offline
def test_for_x_frames_what_follows_as_said_of_x():
    result = score_of("For Washington, the deal is a serious setback.", "Washington")
    assert result.label == "negative"
    assert "setback" in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The junta's spokesmen depict Washington as the hidden hand behind the unrest.",
         "Washington"),
        ("Tehran presents the new patrols as part of a U.S. plan for the Gulf.", "U.S."),
        ("Rebel commanders describe the United States as the true sponsor of the siege.",
         "United States"),
    ],
)
def test_another_casting_the_target_as_something_is_hostile(text, target):
    # no attitude word in what the target is cast as: the framing itself is the attitude
    result = score_of(text, target)
    assert result.label == "negative"
    assert "a view held of the target" in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "target", "label"),
    [
        ("Kyiv portrays Washington as its most generous friend.", "Washington", "positive"),
        ("U.S. diplomats describe their mission as a listening tour.", "U.S.", "neutral"),
        ("Analysts describe the U.S. proposal in some detail.", "U.S.", "neutral"),
        ("Riyadh casts the war as a defence of the region, a reading U.S. officials share.",
         "U.S.", "neutral"),
    ],
)
def test_a_portrayal_counts_only_as_another_casting_the_target(text, target, label):
    # praise in what it is cast as, the target's own words, no "as", or the target outside
    # the portrayal: the cue counts for nothing
    result = score_of(text, target)
    assert result.label == label
    assert not re.search(r"\b(portrays|describe|casts)\(", result.evidence)


@pytest.mark.offline
def test_genres_and_their_thresholds():
    from briefkit.sentiment import BRIEF_PARAMS, GENRES, NEWS_PARAMS

    assert GENRES == {"brief": BRIEF_PARAMS, "news": NEWS_PARAMS}
    assert label_of(0.2, genre="news") == "positive"
    assert label_of(0.2) == "neutral"  # briefs: a wider band before 'positive'
    with pytest.raises(ValueError, match="genre"):
        score_target("Iran met Russia.", 0, 4, genre="poetry")


# --- holders from the claims machinery ------------------------------------------------------


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "target", "holder"),
    [
        ("Tehran portrays Washington as a threat.", "Washington", ("Iran", "Iran")),
        ("The U.S. has 5,000 troops in Iraq.", "U.S.", ("author", "author")),
        ("U.S. officials assert that the talks will resume.", "U.S.", None),
        (
            "Saudi leaders doubt that Washington will contest Iran's role.",
            "Washington",
            ("Saudi officials", "Saudi Arabia"),
        ),
    ],
)
def test_holder_of_target(text, target, holder):
    from briefkit.sentiment import find_views, holder_of_target

    start = text.index(target)
    found = holder_of_target(find_views(text), [(start, start + len(target))],
                             target="United States")
    assert found == (holder or ("U.S. officials", "United States"))


@pytest.mark.offline
def test_a_reaction_the_target_undergoes_is_no_voice_of_its_own():
    from briefkit.sentiment import find_views, holder_of_target

    text = "The sudden pullout of the fleet startled Lisbon, Oslo and Washington alike."
    start = text.index("Washington")
    assert holder_of_target(find_views(text), [(start, start + 10)],
                            target="United States") == ("author", "author")
    # the verb that stirs the reaction stays the subject's act toward the target
    text = "For Washington, the new pact reassures Gulf partners."
    assert [v.holder for v in find_views(text)] == ["Gulf states"]
    assert score_of(text, "Washington").label == "positive"


@pytest.mark.offline
def test_a_feeling_about_a_clause_summed_up_holds_the_target_in_it():
    from briefkit.sentiment import find_views, holder_of_target

    text = ("Washington courts Hanoi while it trades with Beijing, a mix that leaves Gulf "
            "capitals uneasy.")
    assert holder_of_target(find_views(text), [(0, 10)], target="United States") == (
        "Gulf states", "")


@pytest.mark.offline
def test_the_targets_own_voice_gives_way_to_others():
    from briefkit.sentiment import find_views, holder_of_target

    text = (
        "Erdogan demanded that Washington choose its partners; U.S. officials replied that "
        "the United States would not."
    )
    spans = [(m.start(), m.end()) for m in re.finditer(r"Washington|United States", text)]
    assert holder_of_target(find_views(text), spans, target="United States")[0] == (
        "Recep Tayyip Erdoğan"
    )


@pytest.mark.offline
def test_find_views_reads_pronouns_from_the_sentences_before():
    from briefkit.sentiment import find_views

    alone = find_views("He says that Washington lies.")
    told = find_views("He says that Washington lies.", previous=["Putin spoke in Moscow."])
    assert [v.holder for v in told] == ["Vladimir Putin"]
    assert [v.holder for v in alone] != ["Vladimir Putin"]


# --- symmetry: any target ----------------------------------------------------------------

TEMPLATES = [
    "Moscow and Beijing are working together, complicating {} strategy.",
    "The deal benefits {} interests.",
    "The militias should rely on Hizballah instead of {}.",
    "Analysts do not trust {}.",
    "Syria is a close ally of {}.",
]


@pytest.mark.offline
@pytest.mark.parametrize("template", TEMPLATES)
def test_same_words_same_score_for_any_target(template):
    results = []
    for name in ("the United States", "Russia", "Iran"):
        text = template.format(name)
        start = text.index(name)
        results.append(score_target(text, start, start + len(name)))
    assert len({(r.score, r.label) for r in results}) == 1


# --- contract ----------------------------------------------------------------------------

WORDS = [
    "Russia",
    "Iran",
    "the",
    "United",
    "States",
    "not",
    "but",
    "however",
    "hegemony",
    "ally",
    "good",
    "bad",
    "instead",
    "of",
    "against",
    ",",
    '"',
    "said",
    "never",
    "very",
    "threat",
    "benefit",
    "rejects",
    "although",
    "(",
    ";",
    "supports",
    "—",
]


@pytest.mark.offline
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30), st.data())
def test_score_in_range_and_label_consistent(words, data):
    text = " ".join(["Iran", *words])
    result = score_target(text, 0, 4)
    assert -1.0 <= result.score <= 1.0
    assert result.label in LABELS
    assert result.label == label_of(result.score)
    assert isinstance(result.evidence, str)


@pytest.mark.offline
def test_no_words_no_score():
    assert score_of("Iran met Russia on Tuesday.", "Iran") == TargetScore(0.0, "neutral", "")


@pytest.mark.offline
def test_span_outside_any_word_is_an_error():
    with pytest.raises(ValueError, match="target span"):
        score_target("Iran met Russia.", 40, 44)


@pytest.mark.offline
def test_works_without_nltk(monkeypatch):
    from briefkit import resources

    def unavailable(*_args, **_kwargs):
        raise AssertionError("sentiment must not need NLTK's data")

    monkeypatch.setattr(resources, "nltk_resource", unavailable)
    monkeypatch.setattr(resources, "pos_tag", unavailable)
    assert score_of(ISSUE_EXAMPLES[0][0], "U.S.").label == "negative"


@pytest.mark.offline
def test_lexicon_table_is_well_formed():
    from briefkit.sentiment import SCOPES

    table = pd.read_csv(paths.DATA_DIR / "lexicon.csv", keep_default_na=False)
    assert list(table.columns) == ["term", "valence", "scope", "reason", "genre"]
    assert not table.assign(term=table["term"].str.lower()).duplicated(["term", "genre"]).any()
    assert table["valence"].between(-1, 1).all()
    assert set(table["scope"]) <= set(SCOPES)
    assert set(table["genre"]) <= {"", "brief", "news"}
    assert (table["reason"].str.len() > 0).all()
    for term in ("hegemony", "machinations", "ally", "rely on", "instead of", "interests"):
        assert term in set(table["term"])


@pytest.mark.offline
def test_custom_lexicon_replaces_the_domain_table():
    table = pd.DataFrame(
        {"term": ["hegemony"], "valence": [0.8], "scope": ["word"], "reason": ["test"]}
    )
    text = "Russia seeks hegemony."
    assert score_target(text, 0, 6).label == "negative"
    assert score_target(text, 0, 6, lexicon=table).label == "positive"
    vader_only = load_lexicon(table.iloc[0:0])
    assert score_target(text, 0, 6, lexicon=vader_only).label == "neutral"


# --- NewsMTSC: the scorer beats sentence-level VADER (figures: benchmarks/) ---------------


@pytest.mark.needs_shared
@pytest.mark.slow
def test_beats_plain_vader_on_newsmtsc_rw_dev(shared, benchmark):
    path = shared / "eval" / "newsmtsc" / "rw-dev.jsonl"
    if not path.is_file():
        pytest.skip("NewsMTSC rw-dev is not in ../shared")
    evaluation = benchmark("sentiment_eval")
    items = evaluation.load_split(path)
    gold = [item[2] for item in items]
    ours = evaluation.macro_f1(gold, evaluation.briefkit_labels(items, genre="news"))[0]
    vader = evaluation.macro_f1(gold, evaluation.vader_labels(items))[0]
    assert ours > vader


# --- sentiment_toward: the table ---------------------------------------------------------

BRIEF = (
    "Putin asserts that the U.S.-led ousting of Qadhafi produced instability. "
    "Iran and Russia met in Tehran. "
    "All of the GCC states are close U.S. allies, and Washington trusts them. "
    "Tehran portrays America as a threat, which Russia sees as a fair view. "
    "U.S. officials assert that the talks will resume."
)


@pytest.fixture(scope="module")
def corpus():
    from briefkit.corpus import Corpus

    return Corpus.from_texts(
        {"2016-01-05-one": BRIEF, "2016-02-01-two": "Anti-American protests spread in Cairo."},
        dates=["2016-01-05", "2016-02-01"],
    )


@pytest.mark.offline
def test_sentiment_toward_has_the_contract_columns(corpus):
    from briefkit.sentiment import TONE_COLUMNS, sentiment_toward

    tone = sentiment_toward(corpus)
    assert list(tone.columns) == TONE_COLUMNS
    assert tone["score"].between(-1, 1).all()
    assert set(tone["label"]) <= set(LABELS)
    assert (tone["target"] == "United States").all()


@pytest.mark.offline
def test_one_row_per_sentence_naming_the_target(corpus):
    from briefkit.sentiment import sentiment_toward

    tone = sentiment_toward(corpus)
    ones = tone[tone["brief_id"] == "2016-01-05-one"]
    assert ones["sent_id"].tolist() == [0, 2, 3, 4]  # sentence 1 names no alias
    assert ones["target_text"].tolist() == ["U.S.", "U.S.|Washington", "America", "U.S."]
    assert tone[tone["brief_id"] == "2016-02-01-two"]["label"].tolist() == ["negative"]


@pytest.mark.offline
def test_holders(corpus):
    from briefkit.sentiment import sentiment_toward

    tone = sentiment_toward(corpus).set_index(["brief_id", "sent_id"])
    holders = tone.loc["2016-01-05-one"][["holder", "holder_country"]]
    assert tuple(holders.loc[0]) == ("Vladimir Putin", "Russia")
    assert tuple(holders.loc[2]) == ("author", "author")
    assert tuple(holders.loc[3]) == ("Iran", "Iran")
    assert tuple(holders.loc[4]) == ("U.S. officials", "United States")


@pytest.mark.offline
def test_labels_in_context(corpus):
    from briefkit.sentiment import sentiment_toward

    labels = sentiment_toward(corpus).set_index(["brief_id", "sent_id"])["label"]
    assert labels[("2016-01-05-one", 0)] == "negative"
    assert labels[("2016-01-05-one", 2)] == "positive"
    assert labels[("2016-01-05-one", 3)] == "negative"


@pytest.mark.offline
def test_any_actor_is_a_target(corpus):
    from briefkit.sentiment import sentiment_toward

    tone = sentiment_toward(corpus, "Russia")
    assert set(tone["target"]) == {"Russia"}
    assert tone["sent_id"].tolist() == [1, 3]  # naming Putin is not naming Russia
    with pytest.raises(ValueError, match="Atlantis"):
        sentiment_toward(corpus, "Atlantis")


@pytest.mark.offline
def test_sentiment_toward_leaves_the_corpus_alone(corpus):
    from briefkit.sentiment import sentiment_toward

    before = corpus.sentences.copy()
    sentiment_toward(corpus)
    pd.testing.assert_frame_equal(corpus.sentences, before)


@pytest.mark.offline
def test_a_design_aimed_at_a_state_is_hostile_one_aimed_at_militants_is_not():
    hostile = score_of("Moscow calls it part of a U.S. missile shield aimed at Russia and China.",
                       "U.S.")
    assert hostile.label == "negative" and "aimed at(" in hostile.evidence
    plain = score_of("The U.S. strikes were aimed at militants in the valley.", "U.S.")
    assert "aimed at(" not in plain.evidence


@pytest.mark.offline
def test_a_verb_form_of_a_stake_is_no_stake():
    # "aimed" is not the stake "aim": the strikes are not striking the target's aims
    assert "outcome" not in score_of("U.S. strikes aimed at the group resumed.", "U.S.").evidence
    assert "outcome" in score_of("The raid damaged U.S. standing.", "U.S.").evidence


@pytest.mark.offline
def test_no_need_of_the_target_and_what_is_avoided():
    assert score_of("Militia leaders argue that Iraq has no need of the Americans.",
                    "Americans").label == "negative"
    avoided = explain_rows("Washington urged both parties to avoid violence.", "Washington")
    assert avoided.get("violence", 0.0) >= 0  # avoided, not done


@pytest.mark.offline
def test_another_actors_ties_are_not_the_targets():
    own = score_of("Washington's allies met in Riyadh.", "Washington")
    other = score_of("The United States is fighting alongside Iran's allies.", "United States")
    assert "allies(" in own.evidence
    assert "relation" not in explain_target(
        "The United States is fighting alongside Iran's allies.", 0, 13,
        method="model")["feature"].str.cat()
    assert other.label != "positive"


def explain_rows(text: str, target: str) -> dict:
    """word -> contribution toward positive, from explain_target (the default method)."""
    start = text.index(target)
    frame = explain_target(text, start, start + len(target))
    return dict(zip(frame["word"], frame["contribution"]))


@pytest.mark.offline
def test_the_target_tied_to_another_course_is_a_liability_its_ties_are_not():
    for text in ("U.S. support would tie Washington more closely to the war's outcome.",
                 "The plan leaves Washington tied to a partner that cannot hold ground."):
        assert score_of(text, "Washington").evidence.startswith("tie"), text
    ties = score_of("Turkey's ties with Washington improved.", "Washington")
    assert not ties.evidence.startswith("ties(")


def _from_nothing(corpus, target):
    """sentiment_toward's table with no memo of earlier sentences or views."""
    from briefkit import sentiment

    sentiment._words_of.cache_clear()
    sentiment._cached_views.cache_clear()
    return sentiment.sentiment_toward.__wrapped__(corpus, target)


@pytest.mark.offline
def test_tone_index_reuses_its_sentences_for_every_target(corpus):
    from briefkit.sentiment import ToneIndex

    index = ToneIndex(corpus)
    assert index.prepare() == len(corpus.sentences)  # every sentence names an actor
    tables = {t: index.tone(t) for t in ("United States", "Russia", "Iran", "Egypt")}
    assert all(len(t) for t in tables.values())
    for target, table in tables.items():  # prepared once, reused: the same tables
        pd.testing.assert_frame_equal(table, _from_nothing(corpus, target), check_exact=True)


@pytest.mark.offline
def test_tone_index_stops_when_told_and_scores_the_same_when_not(corpus):
    from briefkit import sentiment

    index = sentiment.ToneIndex(corpus)
    calls = []

    def stop_on_third_check():
        calls.append(1)
        return len(calls) > 2

    assert len(index.tone("United States")) > 2
    with pytest.raises(sentiment.Cancelled):
        index.tone("United States", cancel=stop_on_third_check)
    assert len(calls) == 3  # checked before each sentence
    table = index.tone("United States", cancel=lambda: False)
    pd.testing.assert_frame_equal(table, _from_nothing(corpus, "United States"),
                                  check_exact=True)


@pytest.mark.offline
def test_target_tokens_of_a_prepared_sentence_are_those_the_spans_overlap():
    from briefkit.sentiment import _parse, _words_of

    text = "U.S.-backed forces, not Washington's allies, took al-Shaddadi (they say)."
    tokens = _words_of(text).tokens
    for a in range(len(text)):
        for b in range(a + 1, min(len(text), a + 12) + 1):
            want = [i for i, (_, _, s, e) in enumerate(tokens) if s < b and e > a]
            words = [i for i in want if _words_of(text).word_pos[i] >= 0] or want
            assert list(_parse(text, [(a, b)]).targets) == words, (a, b)
    two = _parse(text, [(0, 4), (24, 34)]).targets
    assert [tokens[i][0] for i in two] == ["U.S.-backed", "Washington's"]


# --- aggregates --------------------------------------------------------------------------


@pytest.mark.offline
def test_tone_by_brief_and_holder(corpus):
    from briefkit.sentiment import (
        SUMMARY_COLUMNS,
        sentiment_toward,
        us_tone_by_brief,
        us_tone_by_holder,
    )

    tone = sentiment_toward(corpus)
    by_brief = us_tone_by_brief(tone)
    assert list(by_brief.columns) == ["target", "brief_id", *SUMMARY_COLUMNS]
    assert by_brief["n"].sum() == len(tone)
    assert (by_brief[["n_negative", "n_neutral", "n_positive"]].sum(axis=1) == by_brief["n"]).all()
    pd.testing.assert_frame_equal(by_brief, us_tone_by_brief(tone))  # seeded
    by_holder = us_tone_by_holder(tone)
    assert "author" in set(by_holder["holder"])
    assert by_holder["n"].sum() == len(tone)


@pytest.mark.offline
def test_mean_ci_brackets_the_mean():
    from briefkit.sentiment import mean_ci

    mean, low, high = mean_ci([-0.5, 0.1, 0.3, 0.6, -0.2])
    assert low <= mean <= high
    assert mean_ci([0.3])[1] != mean_ci([0.3])[1]  # NaN: one value has no interval
    assert mean_ci([0.1, 0.5], seed=1) == mean_ci([0.1, 0.5], seed=1)


@pytest.mark.offline
def test_tone_timeline(corpus):
    from briefkit.sentiment import sentiment_toward, tone_timeline

    tone = sentiment_toward(corpus)
    months = tone_timeline(tone, corpus)
    assert months["period"].tolist() == [pd.Timestamp("2016-01-01"), pd.Timestamp("2016-02-01")]
    assert months["n"].tolist() == [4, 1]
    assert months["n_briefs"].tolist() == [1, 1]
    years = tone_timeline(tone, corpus, freq="Y")
    assert years["n"].tolist() == [5]
    assert tone_timeline(tone.iloc[0:0], corpus).empty


# --- evaluation against hand labels -------------------------------------------------------


def _labels(rows):
    columns = ["brief_id", "sent_id", "sentence", "label", "holder", "holder_country"]
    return pd.DataFrame(rows, columns=columns)


@pytest.mark.offline
def test_evaluate_sentiment_counts_misses_and_holders(corpus):
    from briefkit.sentiment import evaluate_sentiment, label_pairs, sentiment_toward

    tone = sentiment_toward(corpus)
    text = corpus.sentences.set_index(["brief_id", "sent_id"])["text"]
    labels = _labels([
        ("2016-01-05-one", "0", text[("2016-01-05-one", 0)], "negative", "Vladimir Putin",
         "Russia"),
        ("2016-01-05-one", "2", text[("2016-01-05-one", 2)], "positive", "author", "author"),
        ("2016-01-05-one", "9", "A sentence briefkit never saw.", "negative", "author", ""),
    ])
    pairs = label_pairs(tone, labels, corpus=corpus)
    assert pairs["found"].tolist() == [True, True, False]
    assert pairs["label"].tolist()[2] == "neutral"  # a miss is predicted neutral
    result = evaluate_sentiment(tone, labels, corpus=corpus)
    assert result["n"] == 3 and result["found"] == 2
    assert result["accuracy"] == pytest.approx(2 / 3)
    assert result["holder_accuracy"] == 1.0  # the miss is the author's, as labelled
    assert result["extra"] == 2  # rows of the labelled brief that no label names


@pytest.mark.offline
def test_sentiment_confusion_shows_every_label(corpus):
    from briefkit.sentiment import sentiment_confusion, sentiment_toward

    tone = sentiment_toward(corpus)
    labels = tone.assign(sentence="", holder_country="").astype({"sent_id": str})
    table = sentiment_confusion(tone, labels)
    assert list(table.index) == list(LABELS) and list(table.columns) == list(LABELS)
    assert int(table.to_numpy().trace()) == len(tone)


@pytest.mark.offline
def test_vader_toward_scores_the_same_rows(corpus):
    from briefkit.sentiment import TONE_COLUMNS, sentiment_toward, vader_toward

    tone = sentiment_toward(corpus)
    vader = vader_toward(tone, corpus)
    assert list(vader.columns) == TONE_COLUMNS
    assert vader[["brief_id", "sent_id"]].equals(tone[["brief_id", "sent_id"]])
    assert set(vader["holder"]) == {"author"}
    assert vader["score"].between(-1, 1).all()


def test_beats_plain_vader_on_the_test_labels():
    """The sample briefs' test labels (never tuned on): briefkit above plain VADER. The
    figures themselves are printed by benchmarks/sentiment_eval.py, not asserted."""
    from briefkit.corpus import load_corpus
    from briefkit.sentiment import (
        evaluate_sentiment,
        read_sentiment_labels,
        sentiment_toward,
        vader_toward,
    )

    try:
        labels = read_sentiment_labels("test")
        corpus = load_corpus(paths.sample_briefs_dir(), progress=False)
    except FileNotFoundError:
        pytest.skip("the sample corpus and its labels ship with the checkout only")
    tone = sentiment_toward(corpus)
    ours = evaluate_sentiment(tone, labels, corpus=corpus)
    vader = evaluate_sentiment(vader_toward(tone, corpus), labels, corpus=corpus)
    assert ours["found"] == ours["n"]
    assert ours["macro_f1"] > vader["macro_f1"]
    assert ours["accuracy"] > vader["accuracy"]
    assert ours["holder_accuracy"] > vader["holder_accuracy"]  # VADER's: all 'author'


@pytest.mark.offline
def test_evaluate_tone_side_by_side_and_none_without_labels(corpus, tmp_path):
    from briefkit.sentiment import evaluate_tone, sentiment_toward

    tone = sentiment_toward(corpus)
    assert evaluate_tone(tone, corpus) is None  # the fixture's briefs are not labelled
    text = corpus.sentences.set_index(["brief_id", "sent_id"])["text"]
    (tmp_path / "dev").mkdir()
    _labels([
        ("2016-01-05-one", "0", text[("2016-01-05-one", 0)], "negative", "Vladimir Putin",
         "Russia"),
    ]).to_csv(tmp_path / "us_sentiment.csv", index=False)
    results = evaluate_tone(tone, corpus, folder=tmp_path)
    assert list(results.index) == [("test", "plain VADER"), ("test", "briefkit")]
    assert results.loc[("test", "briefkit"), "holder_accuracy"] == 1.0
    assert results.loc[("test", "plain VADER"), "holder_accuracy"] == 0.0


NEWS_LINES = [
    {"sentence_normalized": "Critics blasted Smith for the delay.", "targets": [
        {"from": 16, "to": 21, "mention": "Smith", "polarity": 2.0}]},
    {"sentence_normalized": "Jones met Smith, and Smith praised Jones.", "targets": [
        {"from": 0, "to": 5, "mention": "Jones", "polarity": 6.0,
         "further_mentions": [{"from": 35, "to": 40}]},
        {"from": 10, "to": 15, "mention": "Smith", "polarity": 4.0}]},
]


@pytest.mark.offline
def test_newsmtsc_is_read_and_scored(tmp_path):
    import json

    from briefkit.sentiment import evaluate_newsmtsc, read_newsmtsc

    path = tmp_path / "rw-dev.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in NEWS_LINES), encoding="utf-8")
    items = read_newsmtsc(path)
    assert items["label"].tolist() == ["negative", "positive", "neutral"]
    assert items["spans"].tolist()[1] == [(0, 5), (35, 40)]
    results = evaluate_newsmtsc(tmp_path, splits=("rw-dev", "mt-dev"), genres=("news", "brief"))
    assert list(results.index.get_level_values("method")) == [
        "plain VADER", "briefkit (news)", "briefkit (brief)"]
    assert (results["n"] == 3).all()
    assert evaluate_newsmtsc(tmp_path / "absent") is None


@pytest.mark.offline
def test_explain_target_adds_up_to_the_score():
    import math

    import numpy as np

    from briefkit.sentiment import ALPHA, LABELS, default_model, explain_target

    text = "Iran and Russia are working together, complicating U.S. strategy."
    start = text.index("U.S.")
    explained = explain_target(text, start, start + 4, method="model")
    assert explained["word"].tolist()[0] == "complicating"
    model = default_model()
    logits = model.bias + explained[["to_negative", "to_neutral", "to_positive"]].sum().to_numpy()
    p = np.exp(logits - logits.max())
    p /= p.sum()
    score = score_target(text, start, start + 4, method="model").score
    assert p[LABELS.index("positive")] - p[LABELS.index("negative")] == pytest.approx(
        score, abs=0.001)
    rules = explain_target(text, start, start + 4, method="rules")
    raw = rules["contribution"].sum()
    score = score_target(text, start, start + 4, method="rules").score
    assert raw / math.sqrt(raw * raw + ALPHA) == pytest.approx(score, abs=0.01)


@pytest.mark.offline
def test_compare_examples_and_target_spans():
    from briefkit.sentiment import compare_examples, find_target_spans

    table = compare_examples([("Relations with Washington are unlikely to improve.",
                               "Washington")])
    assert table[["vader", "briefkit"]].values.tolist() == [["positive", "negative"]]
    assert find_target_spans("U.S. officials met Iran's envoy in Washington.") == [
        (0, 4), (35, 45)]
    assert find_target_spans("Tehran portrays America as a threat.", "Iran") == [(0, 6)]


@pytest.mark.offline
def test_sentiment_figures(corpus):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from briefkit import plots
    from briefkit.sentiment import (
        explain_target,
        sentiment_confusion,
        sentiment_toward,
        tone_timeline,
    )

    tone = sentiment_toward(corpus)
    matrix = plots.tone_matrix(tone, top=3)
    assert "author" in matrix.index
    assert set(matrix.columns) <= set(tone["brief_id"])
    assert plots.plot_tone_heatmap(tone).get_ylabel() == "holder of the view"
    assert plots.plot_label_shares(tone).get_xlim() == (0.0, 1.0)
    assert plots.plot_tone_timeline(tone_timeline(tone, corpus)).get_ylabel().startswith("mean")
    labels = tone.assign(sentence="", holder_country="").astype({"sent_id": str})
    plots.plot_confusion(sentiment_confusion(tone, labels), title="x")
    results = pd.DataFrame({"macro_f1": [0.3, 0.5]}, index=pd.MultiIndex.from_tuples(
        [("test", "plain VADER"), ("test", "briefkit")], names=["split", "method"]))
    plots.plot_evaluation(results)
    plots.plot_explanation(explain_target("Putin blamed Washington.", 13, 23))
    plt.close("all")


@pytest.mark.offline
def test_attitude_nouns_hold_views():
    from briefkit.sentiment import find_views, holder_of_target

    text = "Tehran's hostility toward Washington has hardened."
    start = text.index("Washington")
    assert holder_of_target(find_views(text), [(start, start + 10)]) == ("Iran", "Iran")
    assert score_of(text, "Washington").label == "negative"
    # reported by one who speaks for the same state, the view is the speaker's
    text = "Putin insists that Moscow's patience with Washington is exhausted."
    start = text.index("Washington")
    assert holder_of_target(find_views(text), [(start, start + 10)])[0] == "Vladimir Putin"


@pytest.mark.offline
def test_an_actors_aims_are_its_conduct_not_its_speech():
    result = score_of("Russia seeks hegemony.", "Russia")
    assert result.label == "negative"
    assert "in what the target says" not in result.evidence
    said = score_of("Russia says that hegemony is a danger.", "Russia")
    assert "in what the target says" in said.evidence


# --- outcomes: what befalls the target's stakes (sentences of our own) ----------------------

OUTCOME_CASES = [
    ("The talks showed how thin Washington's influence over the militias has become.",
     "Washington", "negative", "thin"),
    ("The new pipeline serves U.S. energy interests.", "U.S.", "positive", "serves"),
    ("The withdrawal leaves Washington with fewer options in the Gulf.", "Washington",
     "negative", "fewer"),
    ("Washington has lost leverage over the junta.", "Washington", "negative", "lost"),
    ("The credibility of the United States has eroded in the region.", "United States",
     "negative", "eroded"),
    ("Turkey's relations with the United States have soured.", "United States", "negative",
     "soured"),
    ("The missile could reach any part of the continental United States.", "United States",
     "negative", "reach"),
    ("Ministers reaffirmed U.S. support for the alliance.", "U.S.", "positive", "reaffirmed"),
    ("The Russian-backed militia retook the town last week.", "Russian", "positive", "retook"),
]


@pytest.mark.offline
@pytest.mark.parametrize(("text", "target", "label", "word"), OUTCOME_CASES)
def test_outcomes_on_the_targets_stakes(text, target, label, word):
    result = score_of(text, target)
    assert result.label == label
    assert result.evidence.startswith(f"{word}(") and "outcome" in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A limited U.S. strike is possible.", "U.S."),  # a participle that describes
        ("The U.S. took note of the statement.", "U.S."),  # taking no place
        ("Iran's view of Washington has grown harsher.", "Washington"),  # the comparative
    ],
)
def test_what_is_no_outcome(text, target):
    assert "outcome" not in score_of(text, target).evidence


@pytest.mark.offline
def test_killing_is_a_success_only_against_an_armed_group():
    assert score_of("A U.S. drone strike killed Taliban leaders in Helmand.", "U.S.").label == (
        "positive")
    assert score_of("The Russian raid killed several civilians.", "Russian").label == "negative"


@pytest.mark.offline
def test_the_target_left_out():
    result = score_of("Beijing, not Washington, will decide the terms.", "Washington")
    assert result.label == "negative"
    assert "left out" in result.evidence
    # "without U.S. help": the target modifies a noun, it is not left out
    assert "left out" not in score_of("The army cannot advance without U.S. help.",
                                      "U.S.").evidence


# --- holders: more of what the claims machinery gives ---------------------------------------

HOLDER_CASES = [
    ("General John Smith, the head of U.S. Central Command, told senators that the offensive "
     "would resume.", ("John Smith", "United States")),
    ("Pakistan's army chief told the U.S. ambassador that the raid had harmed relations.",
     ("Pakistan's army chief", "Pakistan")),  # an office of a state, as written
    ("Turkish complaints about U.S. support for the YPG have grown.", ("Turkey", "Turkey")),
    ("The American raid drew criticism from Yemeni officials.", ("Yemeni officials", "Yemen")),
    ("Hizballah denounced the envoys as American spies.", ("Hizballah", "Hizballah")),
    ("Seoul and Washington have opened talks on the shield, which Beijing says would harm its "
     "security.", ("China", "China")),
    ("Moscow accuses Washington of arming the rebels, and the downing was blamed by Russian "
     "officials on American negligence.", ("Russia", "Russia")),
    ("U.S. forces supported an Emirati-led operation in Shabwa.", ("author", "author")),
    # the target's own official acts, also where it stands in what it commits to
    ("A U.S. District Court enjoined the fee increase last spring.", ("author", "author")),
    ("Under the accord, the Treasury Department agreed to sell Chilean pesos for U.S. "
     "dollars.", ("author", "author")),
    # the target as speaker keeps its voice beside a mention in no view (scheme: "U.S.
    # officials assert ..." is held by the speaker), not when it only states an aim
    ("U.S. diplomats have said that Quito may tax the mine, which the United States "
     "financed, but they counsel patience.", ("U.S. officials", "United States")),
    ("U.S. forces patrol the strait, and the United States intends to keep them there.",
     ("author", "author")),
    # an appositive summing up the view is the author's comment on it
    ("Lima regards the general as the keeper of its southern frontier, a stance that sits "
     "poorly beside the trade pact Washington backs.", ("author", "author")),
    ("Hanoi insists that the dispute is a bilateral matter, a position which shields it from "
     "pressure by the United States.", ("author", "author")),
    ("Hanoi insists that the dispute with the United States is a bilateral matter.",
     ("Vietnam", "Vietnam")),
    # a nested view is held by the one who reports it (scheme, reported claims, case 8)
    ("Dutch diplomats suspect that Ankara wants U.S. money for the new airfield.",
     ("Dutch officials", "Netherlands")),
    # ..., and a second holder's clause is no view the first reports: one row takes the
    # view of the clause where the first name stands (scheme, one tone row per sentence)
    ("Norwegian officials believe that Ankara hopes for U.S. money, and Greek officials say "
     "that Athens wants U.S. guarantees.", ("Norwegian officials", "Norway")),
    # a relative clause on the content's last noun is part of what the holder says ...
    ("Chilean officials say that the port project, which opened in March, was shaped around "
     "the American timetable.", ("Chilean officials", "Chile")),
    ("Lima said that the loan would cover new roads, which serve U.S. mining firms.",
     ("Peru", "Peru")),
    # ... but not one that describes a name
    ("Lima said that it had invoked the Andean Compact of 1969, which binds the United States "
     "to nothing.", ("author", "author")),
    # a view in a possessive noun ends before the main verb of its clause ...
    ("Beijing\u2019s announcement that the exercises were over surprised Washington.",
     ("author", "author")),
    ("Tokyo\u2019s proposal for a joint patrol has stalled, as Washington and Seoul disagree "
     "over whether it should reach the strait.", ("United States|South Korea",
                                                 "United States|South Korea")),
    ("Tokyo's proposal for a joint patrol has stalled because of American objections.",
     ("author", "author")),
    # ... and holds what stands before it
    ("Moscow\u2019s claim that Washington had armed the rebels angered Ankara.",
     ("Russia", "Russia")),
    ("Tehran's hostility toward Washington grew after the strike.", ("Iran", "Iran")),
    # the object of a view's verb ends where its clause goes on: a phrase of time, a second
    # predicate of the same subject (whose verb is no apposition of the holder's) ...
    ("Quito accepted the loan after a year of haggling with Washington but insists on lower "
     "rates.", ("author", "author")),
    ("Hanoi welcomed the accord in cautious words and will probably ask for more American "
     "patrols.", ("author", "author")),
    ("Hanoi welcomed the American patrols after the storm.", ("Vietnam", "Vietnam")),
    # ... but a clause said without "that" goes on
    ("Hanoi says the talks failed and will hurt American standing.", ("Vietnam", "Vietnam")),
    ("Vietnam, at odds with Washington over the patrols, sees the accord as a threat.",
     ("Vietnam", "Vietnam")),
]


@pytest.mark.offline
@pytest.mark.parametrize(("text", "holder"), HOLDER_CASES)
def test_holders_beyond_the_reporting_clause(text, holder):

    found = _us_holder(text)
    assert found == holder


# --- the brief model ----------------------------------------------------------------------


@pytest.mark.offline
def test_model_table_round_trips_and_reads_as_weights():
    from briefkit.sentiment import (
        FEATURES,
        LABELS,
        THRESHOLD,
        default_model,
        model_from_frame,
    )

    model = default_model()
    table = model.to_frame()
    assert list(table.columns) == ["feature", "label", "weight", "meaning"]
    assert len(table) == (len(FEATURES) + 1) * len(LABELS) + 2  # features, bias, thresholds
    assert (table["meaning"].str.len() > 0).all()
    again = model_from_frame(table)
    assert again.pos == model.pos and again.neg == model.neg
    assert abs(again.weights - model.weights).max() < 1e-4
    thresholds = table[table["feature"] == THRESHOLD]["weight"]
    assert (thresholds >= 0.1).all()


@pytest.mark.offline
def test_fitted_weights_are_monotone_and_sentence_features_neutral_only():
    from briefkit.sentiment import FEATURES, LABELS, default_model

    model = default_model()
    neg, neu, pos = (LABELS.index(x) for x in ("negative", "neutral", "positive"))
    for j, name in enumerate(FEATURES):
        w = model.weights[:, j]
        if name.endswith("_neg"):
            assert w[neg] >= 0 >= w[pos] and w[neu] == 0
        elif name.endswith("_pos"):
            assert w[pos] >= 0 >= w[neg] and w[neu] == 0
        else:
            assert w[neg] == 0 and w[pos] == 0
    assert model.bias[neg] == 0 and model.bias[pos] == 0


@pytest.mark.offline
def test_fit_model_is_deterministic_and_learns_the_sign():
    import numpy as np

    from briefkit.sentiment import FEATURE_INDEX, FEATURES, fit_model, rules_prior

    rng = np.random.default_rng(0)
    x = np.zeros((60, len(FEATURES)))
    labels = []
    for i in range(60):
        kind = ("held_neg", "held_pos", None)[i % 3]
        if kind:
            x[i, FEATURE_INDEX[kind]] = rng.uniform(0.2, 0.6)
        labels.append(("negative", "positive", "neutral")[i % 3])
    a = fit_model(x, labels, l2=1.0, prior=rules_prior())
    b = fit_model(x, labels, l2=1.0, prior=rules_prior())
    assert (a.weights == b.weights).all() and (a.bias == b.bias).all()
    assert a.scores(x[:3]).round(2).tolist()[0] < 0 < a.scores(x[:3]).round(2).tolist()[1]
    assert a.scores(np.zeros(len(FEATURES)))[0] == pytest.approx(0.0)


@pytest.mark.offline
def test_fit_model_holds_one_sided_and_unused_weights_at_zero():
    import numpy as np

    from briefkit.sentiment import FEATURES, LABELS, fit_model, rules_prior

    rng = np.random.default_rng(1)
    x = np.abs(rng.normal(size=(120, len(FEATURES)))) * (rng.random((120, len(FEATURES))) < 0.3)
    labels = [LABELS[i] for i in rng.integers(0, 3, 120)]
    full = fit_model(x, labels, l2=0.3, prior=rules_prior(8.0))
    # a word feature the fit without the options uses (which one depends on the draw)
    used = next(j for j, n in enumerate(FEATURES)
                if n.endswith("_neg") and full.weights[:, j].any())
    unused = (FEATURES[used], "contrast")
    model = fit_model(x, labels, l2=0.3, prior=rules_prior(8.0), one_sided=True, unused=unused)
    neg, pos = LABELS.index("negative"), LABELS.index("positive")
    for j, name in enumerate(FEATURES):
        if name in unused:
            assert (model.weights[:, j] == 0).all()
        elif name.endswith("_pos"):
            assert model.weights[neg, j] == 0
        elif name.endswith("_neg"):
            assert model.weights[pos, j] == 0
    # without the options, the fit uses those weights (else the test would prove nothing)
    assert (full.weights[:, used] != 0).any()
    assert any(full.weights[neg, j] != 0 for j, n in enumerate(FEATURES) if n.endswith("_pos"))


@pytest.mark.offline
def test_choose_thresholds_maximises_macro_f1():
    from briefkit.sentiment import choose_thresholds

    pos, neg, f1 = choose_thresholds([0.8, 0.5, 0.05, -0.05, -0.3, -0.9],
                                     ["positive", "positive", "neutral", "neutral",
                                      "negative", "negative"])
    assert f1 == 1.0 and 0.05 < pos <= 0.5 and 0.05 < neg <= 0.3


@pytest.mark.offline
def test_evidence_is_features_times_weights():
    from briefkit.sentiment import LABELS, default_model, explain_target

    text = "Tehran blames Washington for the war."
    start = text.index("Washington")
    table = explain_target(text, start, start + 10, method="model")
    columns = default_model().columns()
    neg, pos = LABELS.index("negative"), LABELS.index("positive")
    for row in table.itertuples():
        w = columns[row.feature]
        assert row.contribution == pytest.approx(row.value * (w[pos] - w[neg]))
    word = table[table["word"] == "blames"].iloc[0]
    model = score_target(text, start, start + 10, method="model")
    assert f"blames({word.contribution:+.2f}" in model.evidence


@pytest.mark.offline
def test_explain_target_lists_only_what_moved_the_score():
    from briefkit.sentiment import default_model, explain_target, target_features

    columns = default_model().columns()
    dropped = 0
    for text, target in (("Putin blamed Washington.", "Washington"),
                         ("Tehran praised the deal, but Washington stayed silent.",
                          "Washington")):
        start = text.index(target)
        _, hits = target_features(text, [(start, start + len(target))])
        moved = [h.feature for h in hits if any(h.value * w for w in columns[h.feature])]
        table = explain_target(text, start, start + len(target), method="model")
        assert sorted(table["feature"]) == sorted(moved), text
        assert (table[["to_negative", "to_neutral", "to_positive"]] != 0).any(axis=1).all()
        dropped += len(hits) - len(moved)
    # the default model does not weigh held_by_other: it is in the sentence, not the table
    _, hits = target_features("Putin blamed Washington.", [(13, 23)])
    assert any(h.feature == "held_by_other" and h.value for h in hits)
    assert not any(columns["held_by_other"])
    table = explain_target("Putin blamed Washington.", 13, 23, method="model")
    assert table["feature"].tolist() == ["held_neg"] and dropped >= 1


# --- rules for texts briefkit was not written on (issue 5) ---------------------------------


@pytest.mark.offline
def test_critical_means_essential_in_briefs_and_criticism_when_of():
    essential = score_of("Ports handle critical U.S. cargo such as cobalt.", "U.S.",
                         method="rules")
    assert essential.label == "neutral" and "critical" not in essential.evidence
    assert score_of("Ankara is critical of Washington's plan.", "Washington",
                    method="rules").label == "negative"


@pytest.mark.offline
def test_partners_holding_together_is_cooperation():
    result = score_of("The United States and its partners stuck together through the talks.",
                      "United States", method="rules")
    assert result.label == "positive" and "stuck together(+" in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    ("supposed", "asserted"),
    [
        ("The law lets the President act if imports threaten U.S. security.",
         "Imports threaten U.S. security."),
        ("Members may ask whether the tariffs violate U.S. trade obligations.",
         "The tariffs violate U.S. trade obligations."),
    ],
)
def test_what_is_supposed_or_asked_is_not_said(supposed, asserted):
    assert score_of(supposed, "U.S.", method="rules").label == "neutral"
    assert score_of(asserted, "U.S.", method="rules").label == "negative"


@pytest.mark.offline
@pytest.mark.parametrize(
    "text",
    [
        "Washington worked with Ankara on the plan.",  # the target's own act
        "Ankara will work with Washington on the plan.",  # the target as object
        "Next year the United States will join with forty states to fund the clinics.",
    ],
)
def test_working_together_counts_for_either_side(text):
    result = score_of(text, "Washington" if "Washington" in text else "United States",
                      method="rules")
    assert result.label == "positive"


@pytest.mark.offline
def test_working_together_is_not_said_of_a_bystander():
    result = score_of("Moscow worked with Tehran while Washington watched.", "Washington",
                      method="rules")
    assert "worked with" not in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("The rule hurts certain U.S. firms.", "certain", "negative"),  # a quantity
        ("Democracy in the United States is certainly flawed.", "certainly", "negative"),
        ("That is true of the United States too.", "true", "neutral"),  # a fact
        ("Chile is a significant supplier to the United States.", "significant", "neutral"),
    ],
)
def test_words_of_likelihood_fact_and_size_are_no_praise_in_briefs(text, word, label):
    target = "United States" if "United States" in text else "U.S."
    result = score_of(text, target, method="rules")
    assert result.label == label and f"{word}(" not in result.evidence


@pytest.mark.offline
def test_a_verb_in_progress_is_the_targets_act_not_said_of_it():
    result = score_of("The U.S. Navy is improving its older radars.", "U.S.", method="rules")
    assert result.label == "neutral" and "own act" in result.evidence
    said = score_of("The U.S. Navy is impressive.", "U.S.", method="rules")
    assert said.label == "positive" and "own act" not in said.evidence


@pytest.mark.offline
def test_the_targets_foes_named_are_no_hostility_toward_it():
    named = score_of("Potential U.S. adversaries are buying drones.", "U.S.", method="rules")
    assert named.label == "neutral" and "adversaries" not in named.evidence
    # the target called a foe, and its own allies, still count
    assert score_of("Tehran calls Washington an adversary.", "Washington",
                    method="rules").label == "negative"
    assert score_of("Close U.S. allies welcomed the plan.", "U.S.",
                    method="rules").label == "positive"


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Cheap sensors could disrupt U.S. naval operations.", "disrupt"),
        ("The blockade may impair U.S. supply chains.", "impair"),
        ("The new rules imperil American firms abroad.", "imperil"),
    ],
)
def test_harm_to_the_targets_operations_supplies_and_firms(text, word):
    result = score_of(text, "U.S." if "U.S." in text else "American", method="rules")
    assert result.label == "negative"
    assert result.evidence.startswith(f"{word}(") and "outcome" in result.evidence


@pytest.mark.offline
def test_a_text_that_names_itself_speaks_in_the_authors_voice():

    text = "This report describes the effect of the war on U.S. shippers."
    assert _us_holder(text) == ("author", "author")


@pytest.mark.offline
@pytest.mark.parametrize(
    "text",
    [
        "My delegation welcomes the agreement between Cuba and the United States.",
        "My Government rejects the unilateral measures of the United States.",
    ],
)
def test_the_speakers_own_voice_is_the_authors(text):

    assert _us_holder(text) == ("author", "author")


@pytest.mark.offline
def test_a_speech_speaks_for_the_state_it_names_as_its_own():
    from briefkit.corpus import Corpus
    from briefkit.sentiment import sentiment_toward, speaker_state

    speech = ("On behalf of the Government of Chile, I thank the Assembly. "
              "Chile rejects the sanctions that the United States imposed on Venezuela.")
    assert speaker_state(speech) == "Chile"
    assert speaker_state("Congress acts on behalf of voters; the Chilean envoy spoke.") == ""
    tone = sentiment_toward(Corpus.from_texts([speech]))
    assert tone[["holder", "holder_country"]].values.tolist() == [["author", "author"]]
    # the same words in a text that speaks for no state: Chile holds the view
    brief = sentiment_toward(Corpus.from_texts([speech.split(". ", 1)[1]]))
    assert brief["holder"].tolist() == ["Chile"]
    # a holder of no state is never taken for the speaker of a text that names none
    plain = sentiment_toward(Corpus.from_texts(["Analysts argue that the United States "
                                                "erred."]))
    assert plain["holder"].tolist() == ["analysts"]


@pytest.mark.offline
def test_the_targets_own_inability_is_bad_for_it():
    result = score_of("Washington cannot end the war on its own.", "Washington", method="rules")
    assert result.label == "negative" and result.evidence.startswith("cannot(-")
    # another's inability toward the target is not the target's
    other = score_of("Moscow cannot reach Washington by phone.", "Washington", method="rules")
    assert "cannot(" not in other.evidence


@pytest.mark.offline
def test_a_word_another_actor_owns_is_loose_for_the_rules():
    def weight(text):
        table = explain_target(text, 0, 10, method="rules").set_index("word")
        return table.loc["worry", "weight"]

    # the same distance: Moscow's worry is Moscow's, not a word said of Washington
    assert weight("Washington is Moscow's worry.") < weight("Washington is the worry.")


@pytest.mark.offline
def test_challenges_the_target_faces_are_difficulties_in_briefs():
    text = "The United States faces new challenges in the Arctic."
    assert score_of(text, "United States", method="rules").label == "negative"
    assert score_of(text, "United States", genre="news").evidence.startswith("challenges(+")


@pytest.mark.offline
def test_brokering_an_agreement_is_helping_it_along():
    result = score_of("The ceasefire brokered by Washington has held for a year.", "Washington",
                      method="rules")
    assert result.label == "positive" and "brokered(+" in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("We welcome the reopening of embassies between Cuba and the United States.",
         "positive"),
        ("I commend the work of the United States and its partners in Liberia.", "positive"),
        ("We condemn the sanctions that the United States has imposed.", "negative"),
    ],
)
def test_the_first_persons_own_attitude_bears_on_what_it_governs(text, label):

    result = score_of(text, "United States", method="rules")
    assert result.label == label and "a view held of the target" in result.evidence
    assert _us_holder(text) == ("author", "author")


@pytest.mark.offline
def test_an_increase_is_good_or_bad_by_what_grows_in_briefs():
    text = "U.S. tariffs could increase costs for farmers."
    assert "increase(" not in score_of(text, "U.S.", method="rules").evidence
    assert score_of(text, "U.S.", genre="news").evidence.startswith("increase(+")


@pytest.mark.offline
def test_what_the_target_says_is_good_or_bad_for_it_counts_in_full():
    text = "U.S. officials say that the new base serves U.S. interests."
    result = score_of(text, "U.S.", nth=1, method="rules")
    assert result.label == "positive" and "in what the target says" not in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("American sailors lowered the flag at dusk.", "lowered"),
        ("Tariffs may drop once the United States signs.", "drop"),
        ("Trade with the United States is growing.", "growing"),
    ],
)
def test_a_direction_of_change_is_no_judgement_in_briefs(text, word):
    target = "American" if "American" in text else "United States"
    result = score_of(text, target, method="rules")
    assert result.label == "neutral" and f"{word}(" not in result.evidence


@pytest.mark.offline
def test_alienating_partners_is_harm():
    result = score_of("The new U.S. tariffs alienate close partners.", "U.S.", method="rules")
    assert result.label == "negative" and "alienate(-" in result.evidence


@pytest.mark.offline
def test_the_message_from_an_actor_is_its_view():

    text = "The message from Moscow is that the United States cannot be trusted."
    assert _us_holder(text) == ("Russia", "Russia")
    assert score_of(text, "United States", method="rules").label == "negative"


@pytest.mark.offline
@pytest.mark.parametrize(
    "text",
    [
        "The U.S. current account deficit widened to four percent of output last year.",
        "Tariff advocates cite the American trade deficits with a dozen partners.",
    ],
)
def test_a_trade_or_payments_deficit_is_a_plain_figure_in_briefs(text):
    target = "American" if "American" in text else "U.S."
    result = score_of(text, target, method="rules")
    assert result.label == "neutral" and "deficit" not in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "target", "label"),
    [
        ("Its open universities remain America’s greatest strength.", "America’s", "positive"),
        ("Observers in Cairo point to Washington's arrogance.", "Washington's", "negative"),
    ],
)
def test_what_the_possessive_target_has_is_said_of_it(text, target, label):
    result = score_of(text, target, method="rules")
    assert result.label == label and "the target's own act" not in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    "text",
    [
        "Two importers filed angry lawsuits in the U.S. Court of International Trade.",
        "The dispute ended in a bitter complaint to the U.S. Trade Review Commission.",
        "Critics call the penalties in the U.S. Code harsh and outdated.",
    ],
)
def test_a_target_that_only_opens_a_courts_or_codes_name_is_named_not_judged(text):
    assert score_of(text, "U.S.", method="rules").label == "neutral"


@pytest.mark.offline
def test_a_target_beside_a_courts_name_still_counts():
    text = "The U.S. Court of Appeals ruled, and Beijing condemned the United States."
    assert score_of(text, "United States", method="rules").label == "negative"


@pytest.mark.offline
def test_an_attack_is_a_fact_of_the_operation_in_briefs_unless_on_the_targets_stake():
    text = "American jets bombed the depot from which the rocket attack was launched."
    result = score_of(text, "American", method="rules")
    assert result.label == "neutral" and "attack(" not in result.evidence
    hit = score_of("Militias in Anbar attacked U.S. bases twice in March.", "U.S.", method="rules")
    assert hit.label == "negative" and "outcome: a stake attacked" in hit.evidence


@pytest.mark.offline
def test_what_something_is_for_is_not_asserted_as_done():
    purpose = "The grant scheme was set up to support American soybean exporters abroad."
    result = score_of(purpose, "American", method="rules")
    assert result.label == "neutral" and "support" not in result.evidence
    done = "The grant scheme supports American soybean exporters abroad."
    assert score_of(done, "American", method="rules").label == "positive"
    # an aim a holder is said to have stays its view; a hostile aim is hostility already
    assert score_of("Tehran wants to weaken U.S. influence in Baghdad.", "U.S.",
                    method="rules").label == "negative"
    assert score_of("Tehran is using the talks to isolate Washington.", "Washington",
                    method="rules").label == "negative"


@pytest.mark.offline
@pytest.mark.parametrize(
    "text",
    [
        "Washington has done too little to stop the fighting.",
        "For too long American diplomats ignored the province.",
        "There are too many American bases on the island, islanders say.",
    ],
)
def test_an_excess_or_a_shortfall_is_judged_bad_in_briefs(text):
    target = "Washington" if "Washington" in text else "American"
    result = score_of(text, target, method="rules")
    assert result.label == "negative" and "too " in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "target", "label"),
    [
        ("Washington announced fresh sanctions on two shipping firms.", "Washington", "neutral"),
        ("U.S. sanctions on the two banks remain in force.", "U.S.", "neutral"),
        ("Moscow imposed sanctions on American grain traders.", "American", "negative"),
    ],
)
def test_the_targets_own_sanctions_are_its_policy_not_a_judgement_of_it(text, target, label):
    assert score_of(text, target, method="rules").label == label


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "target", "label"),
    [
        ("U.S. officials worry about adversaries probing their satellites.", "U.S.", "neutral"),
        ("American drones tracked the militants along the river for a week.", "American",
         "neutral"),
        ("Tehran calls Washington a sponsor of terrorism.", "Washington", "negative"),
    ],
)
def test_the_foes_the_target_names_or_acts_on_are_no_hostility_toward_it(text, target, label):
    assert score_of(text, target, method="rules").label == label


@pytest.mark.offline
@pytest.mark.parametrize(
    ("text", "target"),
    [
        # "but" only corrects a "not": the words before the "not" do not yield
        ("The United States has worked with its neighbours, not to isolate Cairo, but to "
         "steady it.", "United States"),
        # the clause after "but" says nothing of the target: the one before it stands
        ("The accord serves U.S. interests, but whether it lasts is another question.", "U.S."),
    ],
)
def test_the_clause_before_but_stands_where_nothing_after_it_overrides_it(text, target):
    assert score_of(text, target, method="rules").label == "positive"


@pytest.mark.offline
def test_condolences_addressed_to_the_target_are_positive_in_briefs():
    text = "We send our condolences to the American people after the storm."
    result = score_of(text, "American", method="rules")
    assert result.label == "positive" and "condolences(+" in result.evidence


@pytest.mark.offline
def test_a_purpose_counts_as_unasserted_wherever_the_target_stands_after_it():
    text = "Congress created the fund to help small exporters of American soybeans."
    result = score_of(text, "American", method="rules")
    assert result.label == "neutral" and "help(" not in result.evidence


@pytest.mark.offline
def test_the_targets_own_sanctions_relief_is_its_policy_too():
    text = "Washington granted sanctions relief to two Belarusian banks."
    result = score_of(text, "Washington", method="rules")
    assert result.label == "neutral" and "sanctions relief" not in result.evidence


@pytest.mark.offline
def test_the_targets_commitment_is_a_stake_in_briefs_good_or_bad_by_what_befalls_it():
    text = "How long the U.S. commitment will last is the open question in Riga."
    assert score_of(text, "U.S.", method="rules").label == "neutral"
    eroded = score_of("The new budget erodes the U.S. commitment to the region.", "U.S.",
                      method="rules")
    assert eroded.label == "negative" and "outcome" in eroded.evidence


@pytest.mark.offline
def test_the_evidence_names_the_word_after_a_target_of_several_words():
    text = "Critics blame harsh United States tariffs for the slump."
    result = score_of(text, "United States", method="rules")
    assert "acts on target's tariffs" in result.evidence
    assert "target's States" not in result.evidence


@pytest.mark.offline
@pytest.mark.parametrize(
    "text",
    [
        "We will continue to cooperate with the United States on maritime security.",
        "Kyiv agreed to work with the United States on the inquiry.",
        "Our navy stands ready to support the United States in the strait.",
    ],
)
def test_a_verb_that_takes_to_as_its_complement_opens_no_purpose(text):
    assert score_of(text, "United States", method="rules").label == "positive"


def test_the_tuning_arithmetic_gives_the_scores_of_score_spans(benchmark):
    """benchmarks/sentiment_eval.py tunes weights on flat arrays of every cue's links; on
    the sample's development items they must give score_spans's scores, under the brief
    settings, under settings where the clause before 'but' counts less than a yielding
    one (the rule that lets it stand when the clause after 'but' says nothing), and under
    another weight for the event frame's cues (Params.event), so that it can be tuned."""
    from dataclasses import replace

    from briefkit.corpus import load_corpus
    from briefkit.sentiment import BRIEF_PARAMS

    evaluation = benchmark("sentiment_eval")
    try:
        corpus = load_corpus(paths.sample_briefs_dir(), progress=False)
    except FileNotFoundError:
        pytest.skip("the sample corpus ships with the checkout only")
    items, _ = evaluation.load_briefs(corpus, "dev")
    flat = evaluation.precompute(items, genre="brief")
    assert flat["event"].sum() > 0  # the event frame links some dev items
    for params in (BRIEF_PARAMS, replace(BRIEF_PARAMS, before_but=0.1, yielding=0.9),
                   replace(BRIEF_PARAMS, event=2.5)):
        evaluation.check_arithmetic(items, flat, params, genre="brief")


@pytest.mark.parametrize(("text", "label"), [
    ("U.S.-backed fighters took Manbij after a long siege.", "positive"),  # ground taken
    ("U.S.-backed fighters took al-Bab in the spring.", "positive"),
    ("U.S. tariffs took effect on Monday.", "neutral"),  # a day, not a place
    ("U.S. sanctions took effect in January.", "neutral"),  # a month, not a place
])
def test_ground_taken_is_a_place_not_a_date(text, label):
    from briefkit.sentiment import score_target

    assert score_target(text, 0, 4).label == label


# --- the tone table: DESIGN.md's columns, nothing more --------------------------------------

DESIGN_TONE_COLUMNS = ["brief_id", "sent_id", "target", "target_text", "holder",
                       "holder_country", "score", "label", "evidence"]


@pytest.mark.offline
def test_the_tone_table_has_exactly_the_design_columns(corpus):
    # no tone confidence ships (the one fitted did not reach its declared bar), so no
    # method's table carries a column for it, and the rows are the scorer's as it is
    from briefkit import paths, sentiment

    assert sentiment.TONE_COLUMNS == DESIGN_TONE_COLUMNS
    model = sentiment.sentiment_toward(corpus, method="model")
    rules = sentiment.sentiment_toward(corpus, method="rules")
    index = sentiment.ToneIndex(corpus).tone("United States")
    vader = sentiment.vader_toward(model, corpus)
    for table in (model, rules, index, vader):
        assert len(table) and list(table.columns) == DESIGN_TONE_COLUMNS
    assert index.equals(model)
    sents = corpus.sentences.set_index(["brief_id", "sent_id"])["text"]
    for row in model.itertuples(index=False):
        if "|" in row.target_text:
            continue  # several mentions: scored together, not as one span alone
        text = sents[(row.brief_id, row.sent_id)]
        start = text.index(row.target_text)
        alone = explain_target(text, start, start + len(row.target_text))
        assert (alone.attrs["score"], alone.attrs["label"]) == (row.score, row.label)
        assert set(alone.attrs) == {"score", "label", "probability"}
    assert not (paths.PACKAGE_DIR / "data" / "tone_calibration.csv").exists()


# --- the tone confidence study (benchmarks/tone_confidence.py, outside the package) ---------




@pytest.mark.offline
def test_fit_calibration_recovers_a_known_calibration(benchmark):
    import numpy as np

    tc = benchmark("tone_confidence")
    rng = np.random.default_rng(0)
    n = 4000
    p = rng.uniform(0.3, 0.99, n)
    none = rng.random(n) < 0.25
    labels = rng.choice(LABELS, n)
    true = tc.ToneCalibration((0.5, 0.5, 0.5), 0.8, no_word=1.2)
    right = rng.random(n) < true.confidence(p, labels, none)
    cal = tc.fit_calibration(p, labels, right, none)
    assert cal.slope == pytest.approx(0.8, abs=0.15)
    assert cal.no_word == pytest.approx(1.2, abs=0.3)
    assert cal.intercepts[0] == pytest.approx(0.5, abs=0.2)
    assert tc.fit_calibration(p, labels, right, none) == cal  # deterministic
    per_label = tc.fit_calibration(p, labels, right, none, per_label=True)
    assert len(set(per_label.intercepts)) == 3
    table = tc.calibration_frame(per_label, {"rows": n})
    intercepts = table[table["parameter"] == "intercept"]
    assert intercepts["label"].tolist() == list(LABELS)
    assert intercepts["value"].tolist() == pytest.approx(per_label.intercepts, abs=1e-4)
    assert table["meaning"].str.len().gt(0).all()


@pytest.mark.offline
def test_reliability_threshold_and_kept_figures(benchmark):
    import math

    tc = benchmark("tone_confidence")
    confidence = [0.95, 0.92, 0.85, 0.81, 0.75, 0.55, 0.52, float("nan")]
    gold = ["negative", "positive", "neutral", "negative", "neutral", "neutral", "positive",
            "neutral"]
    pred = ["negative", "positive", "neutral", "negative", "neutral", "negative", "neutral",
            "neutral"]
    right = [g == p for g, p in zip(gold, pred)]
    table = tc.reliability_table(confidence, right)
    assert table["bin"].tolist() == ["0.5-0.6", "0.7-0.8", "0.8-0.9", "0.9-1.0"]
    assert table["rows"].tolist() == [2, 1, 2, 2]  # the unknown one in no bin
    assert table.set_index("bin").loc["0.5-0.6", "share_right"] == 0.0
    kept = tc.kept_figures(confidence, gold, pred, 0.8)
    assert kept["rows kept"] == 4 and kept["accuracy kept"] == 1.0
    assert kept["share kept"] == 0.5
    assert tc.choose_precision_threshold(confidence, gold, pred) == 0.56
    # only one label left above the threshold: macro-F1 too low, so no threshold
    assert math.isnan(tc.choose_precision_threshold(confidence[:2], gold[:1] * 2,
                                                    pred[:1] * 2))


@pytest.mark.offline
def test_explain_target_by_the_rules_lists_only_words_that_moved_the_score():
    from briefkit.sentiment import BRIEF_PARAMS, _contributions, _cues

    text = "The United States rejected the terrible proposal."
    _, cues = _cues(text, [(4, 17)], None, None, "brief")
    weighed = {cue.text: value for cue, _, value in _contributions(cues, BRIEF_PARAMS)}
    assert weighed["rejected"] == 0  # the target's own view of something else: weight 0
    table = explain_target(text, 4, 17, method="rules")
    assert table["word"].tolist() == ["terrible"]
    assert (table["contribution"] != 0).all()
    assert table.attrs["label"] == score_target(text, 4, 17, method="rules").label
    nothing = explain_target("Washington rejects the plan.", 0, 10, method="rules")
    assert nothing.empty and nothing.attrs["score"] == 0.0


@pytest.mark.parametrize("sentence, target", [
    ("Tehran's missile tests complicate U.S. efforts to rebuild the alliance.", "U.S."),
    ("The U.S. Treasury added six Iranian firms to its sanctions lists.", "U.S."),
    ("Washington decided to send more advisers to Baghdad.", "Washington"),
])
def test_the_targets_commitments_and_efforts_are_the_authors_account(sentence, target):
    # the claims step reads these as the target's views (scheme cases 1, 3, 5), but said of
    # the target they report its conduct: the author's account, as "Washington warned" is not
    from briefkit.sentiment import find_views, holder_of_target

    a = sentence.index(target)
    views = find_views(sentence)
    assert views, "the claims step should find the commitment"
    assert holder_of_target(views, [(a, a + len(target))], target="United States",
                            text=sentence) == ("author", "author")
    warned = "Washington warned that more advisers would be sent to Baghdad."
    assert holder_of_target(find_views(warned), [(0, 10)], target="United States",
                            text=warned) == ("United States", "United States")


def test_a_commitment_cue_in_the_lexicon_stays_the_targets_act():
    # "worked with" is both a claim cue (an effort) and a lexicon word of cooperation: it
    # must count as the target's own act, not as its holder's attitude or its speech
    from briefkit.sentiment import explain_target

    why = explain_target(
        "The United States has worked with many partners to rebuild the war-torn region.", 4, 17)
    assert why.attrs["label"] == "positive"
    row = why[why["word"] == "worked with"].iloc[0]
    assert row["feature"].startswith("own_act") and row["contribution"] > 0
    assert not why["why"].str.contains("says").any()


@pytest.mark.offline
def test_in_the_targets_own_speech_its_words_of_itself_are_self():
    from briefkit.corpus import Corpus
    from briefkit.sentiment import FEATURES, score_spans, sentiment_toward, target_features

    text = "Chile stands ready to help its neighbours rebuild after the floods."
    spans = [(0, 5)]
    kinds = [h.feature for h in target_features(text, spans, target="Chile")[1] if h.cue]
    own = [h.feature for h in target_features(text, spans, target="Chile",
                                               speaker="Chile")[1] if h.cue]
    assert kinds and all(not k.startswith("self_") for k in kinds)
    assert own and all(k.startswith("self_") for k in own)
    assert {"self_pos", "self_neg"} <= set(FEATURES)
    # another state's speech, or a held view, keeps the words' own kinds
    assert [h.feature for h in target_features(text, spans, target="Chile",
                                               speaker="Peru")[1] if h.cue] == kinds
    held = "Peru praised Chile for its calm."
    found = {h.cue.text: h.feature for h in target_features(held, [(12, 17)], target="Chile",
                                                            speaker="Chile")[1] if h.cue}
    assert found["praised"] == "held_pos"
    # the evidence says why the words count so
    evidence = score_spans(text, spans, target="Chile", speaker="Chile").evidence
    assert "in the target's own speech" in evidence
    # sentiment_toward gives each text's speaker: a speech names its state as its own
    speech = ("As President of Chile, I greet the Assembly. "
              "Chile is a generous and steady partner to its region.")
    tone = sentiment_toward(Corpus.from_texts([speech]), "Chile")
    assert "in the target's own speech" in tone["evidence"].iloc[-1]
    brief = sentiment_toward(Corpus.from_texts([speech.split(". ", 1)[1]]), "Chile")
    assert "in the target's own speech" not in brief["evidence"].iloc[-1]


@pytest.mark.offline
@pytest.mark.parametrize("sentence", [
    "The Harbour Act of 1931 (Section 4 of the Coastal Trade Act) restricts ferries "
    "sailing between U.S. ports to crews hired locally.",
    "Executive Order 14000, issued under the Trade Powers Act, prohibits loans by U.S. banks "
    "in new debt of the state mining company.",
    "The law amends the Tariff Act, which generally bars claims against exporters in "
    "U.S. courts.",
])
def test_what_a_text_of_law_provides_is_described_not_judged(sentence):
    # a text of law is no one's view: what it bars, restricts or prohibits, and the words of
    # what it covers, describe it, not an attitude toward the target
    assert score_of(sentence, "U.S.").label == "neutral"


@pytest.mark.offline
def test_a_text_of_law_leaves_judgements_and_other_clauses_counting():
    from briefkit.sentiment import _law_predicates, _parse

    # what the sentence says is bad for the target still counts, as do others' acts
    damage = ("One provision would create a fund that would address port failures abroad "
              "that could damage U.S. exports.")
    assert score_of(damage, "U.S.").label == "negative"
    hostile = ("The new law restricts imports of steel, and Beijing retaliated by banning "
               "U.S. soybeans.")
    assert score_of(hostile, "U.S.").label == "negative"
    # the predicate ends at ", and" with a new subject; a subject that is no text of law
    # ("The ministry") has none
    sent = _parse(hostile, [(hostile.index("U.S."), hostile.index("U.S.") + 4)])
    (verb, end), = _law_predicates(sent)
    assert sent.tokens[verb][0] == "restricts" and sent.tokens[end][0] == "and"
    ministry = "The ministry restricts imports of U.S. steel."
    assert _law_predicates(_parse(ministry, [(34, 38)])) == []


@pytest.mark.offline
@pytest.mark.parametrize(("text", "holder"), [
    ("Foreign Minister Sergei Lavrov said that the United States had broken its word, and "
     "Chinese officials argue that Washington wants a wider war.",
     ("Sergei Lavrov", "Russia")),
    ("President Erdogan has demanded that the United States hand over the cleric, and Prime "
     "Minister Binali Yildirim says that Ankara has sent its evidence to Washington.",
     ("Recep Tayyip Erdoğan", "Turkey")),
])
def test_two_clauses_holders_are_not_joined(text, holder):
    # one tone row per sentence: the view of the clause where the first name of the target
    # stands, never the holders of two clauses joined (a joint holder is one view's: "Berlin
    # and Paris oppose")

    assert _us_holder(text) == holder


@pytest.mark.offline
@pytest.mark.parametrize("text", [
    "Exporters face long suits in U.S. courts under the new rule.",
    "We judge that a U.S. court is unlikely to rule on the claim before May.",
    "The new office provides clerks to the U.S. courts.",
])
def test_a_name_before_a_noun_is_no_holder(text):
    # "U.S. courts" is a noun phrase, not the United States courting someone: no view, so
    # the author's voice
    from briefkit.sentiment import find_views

    assert not [v for v in find_views(text) if v.holder == "United States"]
    assert _us_holder(text) == ("author", "author")
    # the verb still makes a view where a subject stands before it
    courted = "Washington courts Hanoi with new loans."
    assert [v.holder for v in find_views(courted)] == ["United States"]


@pytest.mark.offline
@pytest.mark.parametrize(("text", "label"), [
    # the target's own measures are its policy toward others, not a judgement of it ...
    ("The President said that the United States would lift its ban on arms sales to Hanoi.",
     "neutral"),
    ("These are the penalties that the United States and its partners impose on the regime.",
     "neutral"),
    ("Washington could suspend the talks if the missile tests go on.", "neutral"),
    # ... while a measure another lays on the target is hostile
    ("Beijing imposed a ban on U.S. poultry.", "negative"),
])
def test_the_targets_own_measures_are_its_policy(text, label):
    target = "United States" if "United States" in text else (
        "Washington" if "Washington" in text else "U.S.")
    assert score_of(text, target).label == label


@pytest.mark.offline
@pytest.mark.parametrize("sentence", [
    "Washington offered far less than the Gulf states had hoped.",
    "For Washington, which had pressed for a base since 2019, the lease is a clear gain.",
    "The United States assured Ankara that the Kurdish units would withdraw.",
])
def test_the_targets_offers_and_pressure_are_its_conduct(sentence):
    # what the target offers, presses for, promises or assures is its conduct, told in the
    # author's voice, not a view of it held by the target

    assert _us_holder(sentence) == ("author", "author")
