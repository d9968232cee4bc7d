"""Tests for briefkit.claims: reported claims, holders, negation, estimative terms.

Every test here runs without NLTK data (sentences, words, actors and claims need none), so
the module is marked offline; the seed-brief checks skip cleanly without ../shared.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from briefkit.claims import (
    CLAIM_COLUMNS,
    extract_claims,
    find_estimative_terms,
    find_holder,
    find_holders,
    judgment_summary,
    load_estimative_terms,
    render_judgments_html,
)
from briefkit.corpus import Corpus

pytestmark = pytest.mark.offline


def one(sentence, previous=None):
    """The only view reported in a sentence, as (holder country, cue, negated, content)."""
    found = find_holders(sentence, previous=previous)
    assert len(found) == 1, found
    h = found[0]
    return h.holder_country, h.cue, h.negated, h.content


# --- reporting patterns --------------------------------------------------------------------


@pytest.mark.parametrize("sentence, country, cue, content", [
    ("Putin asserts that the sanctions have failed.", "Russia", "assert",
     "the sanctions have failed"),
    ("Moscow insists that the army be preserved.", "Russia", "insist", "the army be preserved"),
    ("Tehran says the talks are over.", "Iran", "say", "the talks are over"),
    ("Beijing sees the ruling as a provocation.", "China", "see", "the ruling as a provocation"),
    ("Ankara has also announced that the border will close.", "Turkey", "announce",
     "the border will close"),
    ("Saudi Arabia regards the deal as a betrayal.", "Saudi Arabia", "regard",
     "the deal as a betrayal"),
    ("Russian officials call the enlargement a U.S. project.", "Russia", "call",
     "the enlargement a U.S. project"),
    ("Baghdad calls the vote unconstitutional.", "Iraq", "call", "the vote unconstitutional"),
    ("Erdogan warned that Turkey would act alone.", "Turkey", "warn", "Turkey would act alone"),
    ("Riyadh welcomed the strike.", "Saudi Arabia", "welcome", "the strike"),
])
def test_reporting_verbs(sentence, country, cue, content):
    assert one(sentence)[:2] == (country, cue)
    assert one(sentence)[3] == content


def test_what_it_sees_as_and_which_russia_sees_as():
    s = "Iran arms movements against what it sees as efforts by the GCC to dominate."
    found = find_holders(s)  # the efforts it sees are the GCC's aim, a nested view (case 8)
    assert [(h.holder_country, h.cue) for h in found] == [("Iran", "see"),
                                                          ("Gulf Cooperation Council", "effort")]
    assert found[0].content.startswith("as efforts by the GCC")
    s = "Putin asks why Washington courts Saudi Arabia, which Russia sees as a source of jihadists."
    found = {(h.holder_country, h.cue) for h in find_holders(s)}
    # "asks why X" is Putin's challenge to X, a view as "asks whether" is (settled in session
    # 25 by the scheme: the development labels count "asks why" as cue `ask`)
    assert ("Russia", "see") in found and ("Russia", "ask") in found


def test_what_he_says_resolves_he_to_the_person():
    found = find_holders("Russia's President Putin seeks to block what he says are U.S. attempts "
                         "to dominate the region.")
    assert [h.cue for h in found] == ["seek", "say"]  # an aim is a view of its holder too
    h = found[1]
    assert (h.holder, h.holder_country, h.holder_text) == ("Vladimir Putin", "Russia", "he")


def test_caused_commanders_to_argue_skips_the_dash_aside():
    s = ("Russia's role has caused Iraqi Shi’a militia commanders—all of whom work with "
         "Qasem Soleimani—to argue that Baghdad should rely on Russia.")
    h = find_holder(s)
    assert (h.holder_country, h.cue, h.content) == ("Iraq", "argue",
                                                    "Baghdad should rely on Russia")


def test_coordinated_verb_keeps_the_subject():
    s = "Putin asserts that the war was lost, and rejects the argument that it mattered."
    found = find_holders(s)
    assert [(h.holder, h.cue) for h in found] == [("Vladimir Putin", "assert"),
                                                   ("Vladimir Putin", "reject")]
    assert found[0].content == "the war was lost"


def test_participle_after_comma_takes_the_main_subject():
    s = "Many experts do not dismiss this argument, maintaining that prices were pushed down."
    found = find_holders(s)
    assert [(h.holder, h.cue, h.negated) for h in found] == [
        ("experts", "dismiss", True), ("experts", "maintain", False)]
    assert found[0].holder_country == ""


def test_according_to():
    h = find_holder("According to U.S. officials, the strike destroyed 20 aircraft.")
    assert (h.holder, h.holder_country) == ("U.S. officials", "United States")
    assert h.content == "the strike destroyed 20 aircraft"


def test_passive_with_agent():
    h = find_holder("The referendum is opposed by Baghdad.")
    assert (h.holder_country, h.cue) == ("Iraq", "oppose")


def test_possessive_view_and_to_x():
    h = find_holder("Moscow's insistence that Assad stay angers Riyadh.")
    assert (h.holder_country, h.cue, h.content) == ("Russia", "insist", "Assad stay angers Riyadh")
    h = find_holder("To Russia, there are other leaders who could keep the state intact.")
    assert (h.holder_country, h.cue) == ("Russia", "view")


def test_coordinated_that_clauses_are_separate_claims():
    s = ("Rouhani replied that the deal stands, that Iran will stay, and that Washington is "
         "isolated.")
    found = find_holders(s)
    assert [h.content for h in found] == ["the deal stands", "Iran will stay",
                                          "Washington is isolated"]
    assert {h.holder for h in found} == {"Hassan Rouhani"}


def test_group_holders_map_to_their_country():
    assert one("U.S. officials assert that Assad must go.")[0] == "United States"
    h = find_holder("Saudi and Emirati officials expect a tougher line on Iran.")
    assert set(h.holder.split("|")) == {"Saudi officials", "Emirati officials"}
    assert set(h.holder_country.split("|")) == {"Saudi Arabia", "United Arab Emirates"}


def test_joint_holders_and_both():
    h = find_holder("Both Iran and Russia see extremists as threats.")
    assert set(h.holder_country.split("|")) == {"Iran", "Russia"}
    h = find_holder("Both have asserted that the price fall was engineered.",
                    previous="Both Russia and Iran see themselves as targets.")
    assert set(h.holder_country.split("|")) == {"Iran", "Russia"} and h.holder_text == "Both"


# --- pronouns -------------------------------------------------------------------------------


def test_he_resolves_to_a_person_in_the_previous_sentence():
    h = find_holder("He insists that the deal holds.", previous="Iran met Rouhani's envoys.")
    assert (h.holder, h.holder_country) == ("Hassan Rouhani", "Iran")


def test_it_resolves_to_a_state_not_a_person():
    h = find_holder("It rejects the plan.", previous="Putin visited Ankara, and Turkey agreed.")
    assert h.holder_country in {"Turkey"}


def test_it_prefers_the_earlier_holder_in_the_sentence():
    s = ("Moscow insists it would cooperate if Washington accepted the army as a partner, "
         "but it still portrays American policy as the source of disorder.")
    assert [h.holder for h in find_holders(s)] == ["Russia", "Russia"]


def test_they_resolves_to_a_pair():
    h = find_holder("They reject the argument that oil was used as a weapon.",
                    previous="Iran and Russia both suffered from low prices.")
    assert set(h.holder_country.split("|")) == {"Iran", "Russia"}


# --- negation -------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, negated, rejects", [
    ("Iran does not trust any other Syrian figure.", True, True),
    ("Moscow rejects the argument that the strikes hit civilians.", True, True),
    ("Damascus denies that it used chemical weapons.", True, True),
    ("Experts do not dismiss this argument.", True, False),
    ("Kyiv has never accepted the Russian reading.", True, True),
    ("Moscow refused to accept the plan.", True, True),
    ("Tehran welcomes the plan.", False, False),
])
def test_negated_and_rejects(sentence, negated, rejects):
    h = find_holder(sentence)
    assert (h.negated, h.rejects) == (negated, rejects)


@pytest.mark.parametrize("sentence, cue, negated, rejects", [
    # words of denial, rejection and opposition (the annotation scheme's `negated`)
    ("Quito objects to the new tariff.", "object", True, True),
    ("Santiago contests the reading of the treaty.", "contest", True, True),
    ("Bogota resists any change to the quota.", "resist", True, True),
    ("Lisbon ruled out a second vote.", "rule out", True, True),
    ("Oslo opposes the pipeline.", "oppose", True, True),
    # doubt, condemn and criticize are not denials; doubt still holds the content unlikely
    ("Vienna doubts that the ceasefire will hold.", "doubt", False, True),
    ("Helsinki condemned the raid.", "condemn", False, False),
    ("Dublin criticized the raid.", "criticize", False, False),
    ("Prague distrusts the new mediator.", "distrust", False, False),
    ("Warsaw does not condemn the raid.", "condemn", True, True),
])
def test_denial_flags_follow_the_annotation_scheme(sentence, cue, negated, rejects):
    h = find_holder(sentence)
    assert (h.cue, h.negated, h.rejects) == (cue, negated, rejects)


def test_denial_flags_in_the_cue_table():
    """reporting_cues.csv's denial column is the README's list of denials, no more."""
    from briefkit.cue_lexicon import DENIAL_CUES

    assert {"deny", "reject", "dismiss", "rule out", "oppose", "object", "contest",
            "resist"} <= DENIAL_CUES
    assert not {"doubt", "question", "protest", "condemn"} & DENIAL_CUES


def test_no_view_in_conditions_author_forecasts_and_names():
    assert find_holders("Rifts are likely if Russia accepts the departure of Assad.") == []
    assert find_holders("We assess that Qatar will reject the list.") == []
    assert find_holders("The Gulf states and Israel met in Riyadh.") == []
    # a reaction is the view of the one who feels it (attitude words, the scheme), not of
    # the subject that stirs it: "... angers Ankara" is Ankara's anger at the support
    assert [(h.holder, h.cue, h.content) for h in
            find_holders("U.S. support for the YPG angers Ankara.")] == [
        ("Turkey", "anger", "U.S. support for the YPG")]
    assert find_holders("Russia shipped the uranium out of Iran.") == []


# --- estimative terms -----------------------------------------------------------------------


def terms(text):
    return [t.term for t in find_estimative_terms(text)]


@pytest.mark.parametrize("text, expected", [
    ("Assad will almost certainly stay.", ["almost certainly"]),
    ("A clash is very unlikely.", ["very unlikely"]),
    ("The truce will likely hold but probably not for long.", ["likely", "probably not"]),
    ("Survival is a roughly even chance.", ["roughly even chance"]),
    ("The chance of war is remote.", ["remote"]),
    ("There is a remote possibility of talks.", ["remote"]),
    ("A rift will surely emerge.", ["will surely"]),
    ("Tensions may also emerge and could spread.", ["may", "could"]),
    ("Iran appears to have paused; it seems deliberate.", ["appears", "seems"]),
    ("Chances are slight that Kyiv wins.", ["chances are slight"]),
])
def test_estimative_terms(text, expected):
    assert terms(text) == expected


@pytest.mark.parametrize("text", [
    "May I add a point?",                                  # permission
    "In May 2016 the talks resumed.",                     # the month
    "Theresa May met Merkel in Berlin.",                  # a name
    "Iran could not stop the shipment.",                  # past ability
    "Kyiv couldn't hold the town.",
    "The plan was followed as far as may be.",            # set phrase
    "Be that as it may, the talks went on.",
    "Come what may, Moscow stays.",
    "Russia showed its military might.",                  # the noun
    "Aid went in so that civilians could leave.",         # purpose
    "Iran would strike if it could.",                     # conditional ability
    "Talks should resume as soon as possible.",
    "Fighting spread to remote areas of the province.",   # not a likelihood
    "Assad appeared on television.",
    "Protecting Hizballah appears nowhere on the agenda.",
    "The estimate fell from “probable” last year.",       # quoted: mentioned, not used
    "It will rain.",                                      # "will" alone
])
def test_non_estimative_senses(text):
    assert terms(text) == []


def test_term_ranges_come_from_the_table():
    table = load_estimative_terms().set_index("term")
    icd = {"almost no chance": (0.01, 0.05), "very unlikely": (0.05, 0.20),
           "unlikely": (0.20, 0.45), "roughly even chance": (0.45, 0.55),
           "likely": (0.55, 0.80), "very likely": (0.80, 0.95), "almost certain": (0.95, 0.99)}
    for term, (low, high) in icd.items():
        assert tuple(table.loc[term, ["prob_low", "prob_high"]]) == (low, high)
        assert table.loc[term, "scale"] == "ICD 203"
    assert table.loc["probably not", "scale"] == "Kent"
    assert table.loc["may", "unquantified"] and table.loc["will surely", "unquantified"]
    assert (table["prob_low"] <= table["prob_high"]).all()
    assert table["source"].str.len().gt(0).all()
    assert set(table["scale"]) == {"ICD 203", "Kent", "unquantified"}


# --- the claims table -----------------------------------------------------------------------


def test_table_columns_offsets_and_kinds():
    text = ("• Moscow will almost certainly keep its bases\n\n"
            "Putin asserts that the truce will likely hold. We assess that the talks may fail.")
    corpus = Corpus.from_texts({"b": text})
    claims = extract_claims(corpus)
    assert list(claims.columns[:len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS
    assert set(claims["kind"]) == {"key_point", "judgment", "reported"}
    brief = corpus.text_of("b")
    for row in claims.itertuples():
        assert brief[row.content_start:row.content_end] == row.content
        if not pd.isna(row.term_start):
            assert brief[row.term_start:row.term_end].lower() == row.estimative_term
    key = claims[claims["kind"] == "key_point"].iloc[0]
    assert (key["holder"], key["estimative_term"], key["prob_low"]) == ("author",
                                                                        "almost certainly", 0.95)
    assert claims["claim_id"].is_unique


def test_term_in_a_reported_view_is_the_holders():
    claims = extract_claims(Corpus.from_texts({"b": "Moscow insists the talks will likely fail."}))
    reported = claims[claims["kind"] == "reported"].iloc[0]
    judged = claims[claims["kind"] == "judgment"].iloc[0]
    assert (judged["holder"], judged["voice"], judged["in_claim"]) == ("Russia", "holder",
                                                                       reported["claim_id"])


def test_author_judgment_without_a_term_is_kept_and_flagged():
    claims = extract_claims(Corpus.from_texts({"b": "• The alliance endures\n\n"
                                                    "We assess that the shift is real."}))
    bare = claims[(claims["kind"] == "judgment") & claims["estimative_term"].isna()]
    assert bare["cue"].tolist() == ["assess"]
    summary = judgment_summary(claims).iloc[0]
    assert summary["judgments_without_term"] == 1 and summary["key_points_without_term"] == 1


def test_judgment_summary_flags_mixed_scales():
    claims = extract_claims(Corpus.from_texts({"a": "It will likely hold.",
                                               "b": "It will likely hold, but it may fail."}))
    summary = judgment_summary(claims).set_index("brief_id")
    assert not summary.loc["a", "mixed_scales"] and summary.loc["b", "mixed_scales"]
    assert summary.loc["b", "scales"] == "ICD 203|unquantified"
    assert math.isclose(summary.loc["b", "share_calibrated"], 0.5)


@pytest.mark.parametrize("texts", [
    ["Iran waits."],                                  # one sentence, no claims
    ["• One key point only"],
    ["Nothing is said here.\n\nNor here."],
    ["Tehran says it may act.", "Moscow agrees."],    # several briefs, no dates
])
def test_any_corpus_works(texts):
    claims = extract_claims(Corpus.from_texts(texts))
    assert list(claims.columns[:len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS
    judgment_summary(claims)


def test_inputs_are_not_changed():
    corpus = Corpus.from_texts(["Moscow insists that Assad will likely stay."])
    before = corpus.sentences.copy()
    claims = extract_claims(corpus)
    pd.testing.assert_frame_equal(corpus.sentences, before)
    copy = claims.copy()
    judgment_summary(claims)
    pd.testing.assert_frame_equal(claims, copy)


def test_render_escapes_and_shows_ranges():
    corpus = Corpus.from_texts({"b": "Iran <script>x</script> will very likely balk & stall."})
    html_text = render_judgments_html(corpus, "b", extract_claims(corpus))
    assert "<script>" not in html_text and "&lt;script&gt;" in html_text
    assert "[80-95%]" in html_text and "&amp; stall" in html_text


# --- the real seed brief --------------------------------------------------------------------

SEED_CLAIMS = [
    ("Putin asserts that", "assert", {"Russia"}),
    ("what he says are", "say", {"Russia"}),
    ("U.S. officials assert that", "assert", {"United States"}),
    ("Both have asserted that", "assert", {"Russia", "Iran"}),
    ("Russia insists that", "insist", {"Russia"}),
    ("which Russia sees as", "see", {"Russia"}),
    ("what it sees as", "see", {"Iran"}),
    ("do not dismiss this argument", "dismiss", set()),
    ("maintaining that", "maintain", set()),
    ("commanders—all of whom", "argue", {"Iraq"}),
    ("Russia has also announced that", "announce", {"Russia"}),
    ("does not trust", "trust", {"Iran"}),
    ("rejects the argument that", "reject", {"Russia"}),
    ("questioned why", "question", {"Russia"}),
]


@pytest.fixture(scope="module")
def seed(shared):
    from briefkit.corpus import load_corpus

    folder = shared / "corpora" / "seed-brief"
    if not folder.is_dir():
        pytest.skip("no seed brief in ../shared")
    corpus = load_corpus(folder, cache=False, progress=False)
    return corpus.briefs["text"].iloc[0], extract_claims(corpus)


@pytest.mark.needs_shared
@pytest.mark.parametrize("words, cue, countries", SEED_CLAIMS)
def test_seed_claims_found_with_their_holder_country(seed, words, cue, countries):
    text, claims = seed
    at = text.find(words)
    assert at >= 0
    hit = claims[(claims["kind"] == "reported") & (claims["cue"] == cue)
                 & (claims["start"] <= at + len(words)) & (claims["end"] >= at)]
    got = [set(filter(None, c.split("|"))) for c in hit["holder_country"]]
    assert countries in got, hit[["holder", "holder_country", "cue", "content"]]


@pytest.mark.needs_shared
def test_seed_judgments(seed):
    _, claims = seed
    author = claims[(claims["kind"] == "judgment") & (claims["voice"] == "author")]
    assert {"likely", "will surely", "may", "possibly"} <= set(author["estimative_term"])
    assert "appears" not in set(author["estimative_term"])  # "appears nowhere on ... agenda"
    negated = claims[(claims["kind"] == "reported") & claims["negated"]]
    assert {"dismiss", "trust", "reject"} <= set(negated["cue"])


def test_a_lone_dash_before_to_is_no_aside():
    assert find_holders("I want to appeal to all those here — to call for peace in Syria.") == []


def test_mentions_found_before_give_the_same_table():
    from briefkit.actors import find_mentions

    corpus = Corpus.from_texts(["Putin asserts that the truce may hold. He also rejects the plan.",
                                "Tehran says it will likely wait."])
    pd.testing.assert_frame_equal(extract_claims(corpus),
                                  extract_claims(corpus, mentions=find_mentions(corpus)))


# --- wishes, aims, proposals and more verbs -----------------------------------------------


@pytest.mark.parametrize("sentence, country, cue, negated", [
    ("Riyadh wants to force a choice between the two camps.", "Saudi Arabia", "want", False),
    ("Moscow seeks a role elsewhere.", "Russia", "seek", False),
    ("Ankara has proposed at its press conference that the talks resume.", "Turkey", "propose",
     False),
    ("Tehran still rebuffs the coalition.", "Iran", "rebuff", True),
    ("Seoul favors engagement with Pyongyang.", "South Korea", "favor", False),
    ("Berlin objects that the deal came too late.", "Germany", "object", True),  # a denial (README)
])
def test_more_cues(sentence, country, cue, negated):
    assert one(sentence)[:3] == (country, cue, negated)


def test_offer_is_a_view_only_before_to():
    assert one("Cairo offered to mediate between them.")[:2] == ("Egypt", "offer")
    assert find_holders("Cairo offers a committed partner against Iran.") == []


def test_a_participle_before_and_has_no_object_gap():
    s = "The government responded, in part, by proposing and providing funds."
    assert find_holders(s) == []


# --- holders: titles, agencies, governments, media, pairs ---------------------------------


@pytest.mark.parametrize("sentence, holder", [
    ("U.S. Ambassador to the UN Nikki Haley has said that the missile was Iranian.",
     "Nikki Haley"),
    ("Attorney General Saud al-Mojeb said today that 208 people were questioned.",
     "Saud al-Mojeb"),
    ("Saudi Minister for Gulf Affairs Thamer al-Sabhan has said that the kingdom will act.",
     "Thamer al-Sabhan"),
    ("Secretary of Transportation Sean Duffy announced that the program would end.",
     "Sean Duffy"),
    ("State Department officials replied that the PYD is no terrorist group.", "State Department"),
    ("President Hadi's government regards the council as proof of bad faith.", "Yemen"),
])
def test_holder_names(sentence, holder):
    assert find_holder(sentence).holder == holder


def test_passive_agent_with_modifiers_before_a_group_noun():
    h = find_holder("The salvo was described by North Korean state media as a drill.")
    assert (h.holder, h.holder_country, h.cue) == ("North Korean state media", "North Korea",
                                                   "describe")


def test_the_two_allies_is_a_pair():
    h = find_holder("The two allies do not see it as a threat.",
                    previous="Turkey and the United States met in Ankara.")
    assert set(h.holder_country.split("|")) == {"Turkey", "United States"}


def test_a_coordinated_verb_does_not_take_the_subject_of_a_relative_clause():
    found = find_holders("Moscow proposes joint operations that Washington rejects and blames "
                         "the coalition for the failure.")
    assert [(h.holder, h.cue) for h in found] == [("Russia", "propose"),
                                                  ("United States", "reject"),
                                                  ("Russia", "blame")]


def test_accepting_an_agreement_is_a_view_but_not_in_a_condition():
    # The labelling scheme counts "Riyadh has accepted the agreement" as a view.
    assert one("Riyadh has accepted the agreement in guarded terms.")[:2] == ("Saudi Arabia",
                                                                           "accept")
    assert find_holders("Rifts are likely if Russia accepts the departure of Assad.") == []


@pytest.mark.parametrize("sentence, holder, cue", [
    ("The alliance managers in Washington hope that the move will settle the matter.",
     "U.S. officials", "hope"),
    ("Many foreign investors doubt that the detentions will help.", "foreign investors", "doubt"),
    ("Turkey presses for a protected border zone.", "Turkey", "press"),
    ("Senior officials in Washington soon distanced themselves from the timetable.",
     "U.S. officials", "distance"),
    ("He said that he aimed to retake all of Syria.", "he", "aim"),
    ("Iranian officials portray Washington as a partner in what they call Saudi aggression.",
     "Iranian officials", "call"),
    (("Fighters of the People's Protection Units (YPG), aided by months of bombing, declared "
      "the town cleared."), "People's Protection Units", "declare"),
])
def test_more_holders_and_cues(sentence, holder, cue):
    found = {(h.holder if h.holder_text != "he" else "he", h.cue)
             for h in find_holders(sentence, previous="Assad spoke in Damascus.")}
    assert (holder, cue) in found, found


def test_no_longer_is_part_of_the_verb_group():
    assert find_holders("It is no longer treated as unthinkable in the debate.") == []


def test_a_control_verb_leaves_the_view_to_the_cue_after_to():
    assert [h.cue for h in find_holders("Turkish officials prefer to describe it as regret.")] == [
        "describe"]
    assert [h.cue for h in find_holders("China seeks to support its firms abroad.")] == ["seek"]


def test_kyiv_and_western_governments_do_not_share_a_head_noun():
    h = find_holder("Kyiv and Western governments say the vote would violate the accord.")
    assert "Ukrainian officials" not in h.holder.split("|") and "Ukraine" in h.holder.split("|")


def test_a_holder_term_links_to_its_claim_when_an_author_term_comes_first():
    claims = extract_claims(Corpus.from_texts(
        {"b": "Likely, Moscow insists that the talks will probably fail."}))
    reported = claims[claims["kind"] == "reported"].iloc[0]
    held = claims[(claims["kind"] == "judgment") & (claims["voice"] == "holder")].iloc[0]
    assert held["in_claim"] == reported["claim_id"]


@pytest.mark.parametrize("text, expected", [
    ("Ties will in all likelihood recover.", ["in all likelihood"]),
    ("A clash would make withdrawal more likely.", ["more likely"]),
    ("Full implementation is now less likely.", ["less likely"]),
    ("The deadline now looks out of reach.", ["looks"]),
    ("A clash, while still unlikely, is no longer remote.", ["unlikely", "remote"]),
])
def test_more_estimative_terms(text, expected):
    assert terms(text) == expected


@pytest.mark.parametrize("text", [
    "Imagine how the region would look without the deal.",
    "What they looked like no longer matters.",
    "Moscow looks to Beijing for credit.",
])
def test_look_is_a_hedge_only_before_a_state(text):
    assert terms(text) == []


def test_only_vague_conjuncts_are_dropped_from_a_joint_holder():
    h = find_holder("Moscow and the separatists insist on elections first.")
    assert set(h.holder.split("|")) == {"Russia", "separatists"}
    assert find_holder("Merkel and others argue that the plan is sound.").holder == "Angela Merkel"


def test_label_sets_are_measured_only_on_a_corpus_that_holds_them():
    from briefkit.claims import evaluate_label_sets

    assert evaluate_label_sets(Corpus.from_texts(["Putin says the truce holds."])) is None


def test_saying_nothing_reports_no_view():
    assert find_holders("The resolution itself says nothing about missiles.") == []
    assert find_holders("Beijing has said little about the strike.") == []


def test_a_pronoun_prefers_an_actor_of_its_own_clause():
    h = find_holder("Two missiles overflew Japan, and Pyongyang tested what it called a "
                    "hydrogen bomb.")
    assert (h.holder, h.cue) == ("North Korea", "call")


def test_a_participle_after_a_comma_takes_the_phrase_before_it():
    found = find_holders("Tillerson told senators that he would review the deal, and Defense "
                         "Secretary Jim Mattis, while calling Iran a threat, said that it "
                         "complied.")
    assert ("Jim Mattis", "call") in {(h.holder, h.cue) for h in found}


def test_its_leaders_are_the_states_officials_and_the_prince_is_a_person():
    h = find_holder("China trades with the North, and its leaders fear instability.")
    assert (h.holder, h.holder_country) == ("Chinese officials", "China")
    h = find_holder("In an interview the prince argued that the kingdom could change.",
                    previous="Mohammed bin Salman detained dozens of princes.")
    assert h.holder == "Mohammed bin Salman"


@pytest.mark.parametrize("sentence, cue, negated", [
    ("Beijing refuses to take part in the case.", "refuse", True),
    ("Riyadh declined to endorse the plan.", "decline", True),  # a refusal to act (case 2)
    ("Moscow refused to accept the plan.", "refuse", True),       # not the act refused
    ("Tehran called the order an insult.", "call", False),
    ("Washington calls the numbers too small.", "call", False),
])
def test_refusals_and_naming(sentence, cue, negated):
    found = find_holders(sentence)
    assert [(h.cue, h.negated) for h in found] == [(cue, negated)]


@pytest.mark.parametrize("sentence", [
    "Oil prices declined sharply in March.",
    "Putin called Erdogan the next day.",
    "Moscow called off the talks.",
])
def test_no_refusal_or_naming_here(sentence):
    assert find_holders(sentence) == []


def test_plural_names_and_verbs_with_as_read_as_verbs():
    assert one("Many Republicans in Congress call the numbers too small.")[1] == "call"
    h = find_holder("The Taliban describe the decision as an admission of failure.")
    assert (h.holder, h.cue) == ("Taliban", "describe")
    # a reaction is the view of the one who feels it (attitude words, the scheme), not of
    # the subject that stirs it: "... angers Ankara" is Ankara's anger at the support
    assert [(h.holder, h.cue, h.content) for h in
            find_holders("U.S. support for the YPG angers Ankara.")] == [
        ("Turkey", "anger", "U.S. support for the YPG")]


def test_an_agencys_spokespeople_speak_for_the_agency_of_the_state_in_context():
    h = find_holder("Foreign Ministry spokespeople argue that the reefs are Chinese territory.",
                    previous="China builds islands in the South China Sea.")
    assert (h.holder, h.holder_country) == ("Chinese Foreign Ministry", "China")


def test_a_group_before_such_as_and_a_peoples_leaders():
    h = find_holder("Militia leaders such as Hadi al-Amiri of the Badr Organization argue that "
                    "Iraq has no need of the Americans.")
    assert h.holder_text.startswith("Militia leaders")
    assert find_holder("Kurdish leaders argue that Washington stood aside.").holder == \
        "Kurdish leaders"


def test_a_dotted_capital_i_does_not_shift_the_words_after_it():
    h = find_holder("After İncirlik reopened, Ankara insisted that the base stays Turkish.")
    assert (h.holder, h.cue, h.content) == ("Turkey", "insist", "the base stays Turkish")


# --- rule families (internal, for the evaluation's breakdown) --------------------------------


def test_rule_families_are_internal():
    """Each reported claim knows the family of the rule that found it, only in the internal
    table: the public claims table keeps its columns."""
    from briefkit.claims import _claims_with_rules

    corpus = Corpus.from_texts(["Lisbon insists that the quota is fair. Oslo's view that "
                                "the quota is unfair has not changed."])
    table = _claims_with_rules(corpus)
    reported = table[table["kind"] == "reported"]
    assert reported["_rule"].tolist() == ["verb that: complementizer", "noun: possessor"]
    assert "_rule" not in extract_claims(corpus).columns


# --- guideline audit: views held, not acts, predictions or comparisons ------------------------


def test_relative_that_is_no_second_that_clause():
    """'and that' after a relative 'that' coordinates relatives, not the cue's that-clauses."""
    found = find_holders("Oslo replied that the quota is fair, a claim that is plainly wrong "
                         "and that Lisbon has never accepted.")
    assert [(h.holder_country, h.cue) for h in found] == [("Norway", "reply"),
                                                          ("Portugal", "accept")]
    coordinated = find_holders("Oslo replied that the quota is fair, that the talks are over, "
                               "and that Lisbon must pay.")
    assert [h.content for h in coordinated] == ["the quota is fair", "the talks are over",
                                                "Lisbon must pay"]


def test_a_view_once_something_happens_is_only_expected():
    """README: views only predicted are not claims; 'once X confirms' is a condition."""
    assert find_holders("Aid flows once the monitors confirm that the border is open.") == []
    assert one("The monitors confirm that the border is open.")[1] == "confirm"


def test_a_comparison_holds_no_view():
    assert find_holders("Lisbon fought a war that has proved longer than it expected.") == []
    # a comparison whose cue has its own object still reports that view
    found = find_holders("Oslo fears a flood more than it fears a drought.")
    assert [(h.holder_country, h.cue) for h in found] == [("Norway", "fear")] * 2
    assert found[-1].content == "a drought"


@pytest.mark.parametrize("sentence", [
    "Hamas named Ruiz as its new chief.",
    "The Taliban named Mawlawi Ruiz as their new leader on May 25.",
])
def test_naming_to_an_office_is_an_act(sentence):
    """README: plain actions that report no view are not claims."""
    assert find_holders(sentence) == []


def test_answered_by_saying():
    """The clause after 'answered by saying that' is said; the one who answered says it."""
    found = find_holders("Oslo warned that the quota is unfair, a charge Lisbon answered by "
                         "saying that it was fair.")
    assert [(h.holder_country, h.cue, h.content) for h in found][-1] == \
        ("Portugal", "say", "it was fair")
    assert "answer" not in [h.cue for h in found]


def test_a_gap_relative_needs_a_holder_between():
    """A cue in a list of verbs ('support, reject, or amend') has its object after the list:
    no object gap, so no view with the words before it as content."""
    assert find_holders("Lisbon may decide whether to support, reject, or amend the plan.") == []


def test_an_object_gap_before_an_auxiliary():
    """'a pact that Oslo rejects is ...': the object is the pact, not what follows."""
    found = find_holders("The step that Berlin and Paris oppose will come.")
    assert [(h.holder_country, h.cue, h.content) for h in found] == \
        [("Germany|France", "oppose", "The step")]
    assert [h.content for h in find_holders("Oslo opposes what Lisbon wants.")] == \
        ["what Lisbon wants"]


def test_a_sum_or_an_insertion_after_the_cue_is_its_object():
    found = find_holders("The deal that Oslo expects to see $3 billion flow is stalled.")
    assert [h.cue for h in found] == ["expect"]


def test_an_office_speaks_for_its_principal():
    """README: the holder resolved to the actor it stands for."""
    found = find_holders("Putin’s office replied that the quota was fair.")
    assert [(h.holder, h.cue) for h in found] == [("Vladimir Putin", "reply")]


def test_issue_carries_a_noun_cue():
    """README: attitude nouns count as claims ('Moscow's insistence that ...')."""
    found = find_holders("Lisbon issued a warning that the quota was unfair.")
    assert [(h.holder_country, h.cue, h.content) for h in found] == \
        [("Portugal", "warn", "the quota was unfair")]
    assert find_holders("Lisbon issued new bonds.") == []


@pytest.mark.parametrize("sentence", [
    "Those values are on display in Lisbon.",
    "Portuguese claims have grown louder.",
    "Oslo hopes are fading.",
])
def test_a_plural_noun_before_its_verb_is_no_cue(sentence):
    assert find_holders(sentence) == []


def test_an_s_form_with_its_object_is_still_a_verb():
    assert one("Lisbon values its ties with Oslo.")[:2] == ("Portugal", "value")


def test_an_envoy_speaks_for_the_state_named_before_the_place():
    """README: holder_country is the state the holder speaks for, not where it sits."""
    h = find_holder("Portugal’s ambassador in Oslo warned that the quota was unfair.")
    assert (h.holder_country, h.cue) == ("Portugal", "warn")
    assert find_holder("Analysts in Oslo warned that the quota was unfair.").holder == "analysts"


@pytest.mark.parametrize("sentence, content", [
    ("In addition, according to the State Department, the waiver does not apply.",
     "the waiver does not apply"),
    ("According to the Department of Defense (DOD), the plan was delayed.",
     "the plan was delayed"),
    ("The plan was delayed, according to the Pentagon.", "The plan was delayed"),
])
def test_according_to_content(sentence, content):
    """README: content is the clause the holder asserts, not an opening phrase or an
    acronym of the source's name."""
    h = find_holder(sentence)
    assert (h.cue, h.content) == ("according to", content)


@pytest.mark.parametrize("sentence, found", [
    ("Oslo threatens regional security with its fleet.", []),
    ("Oslo threatened its neighbours.", []),
    ("Oslo threatened reprisals if the quota stays.", [("Norway", "threaten")]),
    ("Oslo threatened to close the port.", [("Norway", "threaten")]),
])
def test_threaten_announces_not_endangers(sentence, found):
    """README: plain actions report no view; a threat made is one, a danger posed is not."""
    assert [(h.holder_country, h.cue) for h in find_holders(sentence)] == found


@pytest.mark.parametrize("sentence, cue", [
    ("To Lisbon, Oslo appears to be stalling.", "appear"),
    ("To Lisbon, the deal seemed a trap.", "seem"),
    ("To Lisbon, the quota is a trap.", "view"),
])
def test_to_x_takes_the_verb_of_seeming_as_its_cue(sentence, cue):
    """README: the cue is the verb's lemma where there is one, the noun otherwise."""
    assert one(sentence)[:2] == ("Portugal", cue)


def test_criticism_from_two_sources_is_a_joint_holder():
    """README: joint holders join their names with '|'; the content is what drew the view."""
    h = find_holder("The raid drew criticism from Lisbon and from Oslo.")
    assert (h.holder_country, h.cue, h.content) == ("Portugal|Norway", "criticize", "The raid")


def test_a_text_citing_its_own_publisher_speaks_in_its_own_voice():
    text = ("According to a RAND review of county data, the clinics closed early. "
            "According to Oxfam, most of them reopened in May.")
    own = extract_claims(Corpus.from_texts([text], source="RAND Note"))
    other = extract_claims(Corpus.from_texts([text], source="Policy Note"))
    assert own.loc[own["kind"] == "reported", "cue"].tolist() == ["according to"]
    assert other.loc[other["kind"] == "reported", "cue"].tolist() == ["according to"] * 2


def test_an_according_to_line_gives_its_source_the_next_paragraph():
    text = ("The ferry line was sold in May.\n\nAccording to Harbor Bay News\n\n"
            "The new owner will add two boats. Fares are to rise in June.\n\n"
            "The port is busy.")
    found = extract_claims(Corpus.from_texts([text]))
    rows = found[found["kind"] == "reported"]
    assert rows["holder"].tolist() == ["Harbor Bay News"] * 2
    assert rows["content"].tolist() == ["The new owner will add two boats",
                                        "Fares are to rise in June"]


def test_an_according_to_line_may_name_its_person_last():
    text = ("According to the then-Director of the Port Board, Admiral Ana Ruiz,\n\n"
            "We cannot dredge the channel this year.")
    rows = extract_claims(Corpus.from_texts([text]))
    assert rows.loc[rows["kind"] == "reported", "holder"].tolist() == ["Ana Ruiz"]


def test_according_to_before_a_list_is_no_line():
    found = extract_claims(Corpus.from_texts(
        ["According to press accounts, the buyers included the following:\n\nTwo banks."]))
    assert found.loc[found["kind"] == "reported", "content"].tolist() == \
        ["the buyers included the following"]
