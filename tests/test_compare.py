"""Tests for briefkit.compare: keyness statistics against hand-worked numbers, similarity,
actors and tone over time, claim tracking on hand-made claims with known changes, and the
two-brief diff."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from briefkit import compare as C
from briefkit.corpus import Corpus

pytestmark = pytest.mark.offline


def corpus_with(texts: dict[str, str], **columns) -> Corpus:
    """A corpus from {brief_id: text}, dated by the brief_id, with extra briefs columns."""
    ids = list(texts)
    corpus = Corpus.from_texts(texts, dates=[i[:10] for i in ids])
    briefs = corpus.briefs.assign(**{k: list(v) for k, v in columns.items()})
    return Corpus(briefs, corpus.paragraphs, corpus.sentences)


# --- the 2x2 table, worked by hand ---------------------------------------------------------
#
# A term seen a = 10 times in A (N_A = 1000 words) and b = 2 times in B (N_B = 1000 words).
#
#              A      B    total
#   term      10      2      12
#   other    990    998    1988
#   total   1000   1000    2000
#
# Expected counts E = row total * column total / 2000: 6 and 6 for the term, 994 and 994
# for the other words.
#   G2 = 2 * [10 ln(10/6) + 2 ln(2/6) + 990 ln(990/994) + 998 ln(998/994)]
#      = 2 * [5.108256 - 2.197225 - 3.991941 + 4.008038] = 2 * 2.927128 = 5.854257
#   p = P(chi2_1 >= 5.854257) = erfc(sqrt(5.854257 / 2)) = 0.015539
#   log ratio = log2((10/1000) / (2/1000)) = log2(5) = 2.321928
# Fightin' Words with the informative prior alpha_w = the term's count in the background
# (here A and B together: 12), alpha_0 = the background's size (2000):
#   delta = ln((10 + 12) / (1000 + 2000 - 10 - 12)) - ln((2 + 12) / (1000 + 2000 - 2 - 12))
#         = ln(22 / 2978) - ln(14 / 2986) = -4.907965 - (-5.362633) = 0.454668
#   var   = 1 / (10 + 12) + 1 / (2 + 12) = 0.045455 + 0.071429 = 0.116883
#   z     = 0.454668 / sqrt(0.116883) = 0.454668 / 0.341882 = 1.329898


def test_log_likelihood_matches_the_hand_worked_table():
    assert float(C.log_likelihood(10, 2, 1000, 1000)) == pytest.approx(5.854257, abs=1e-5)


def test_p_value_of_g2_from_erfc():
    assert float(C.chi2_sf_1df(5.854257)) == pytest.approx(0.015539, abs=1e-6)
    # The textbook critical values of chi-square with 1 df.
    for critical, p in ((3.841459, 0.05), (6.634897, 0.01), (10.827566, 0.001)):
        assert float(C.chi2_sf_1df(critical)) == pytest.approx(p, rel=1e-5)
    assert float(C.chi2_sf_1df(0.0)) == 1.0


def test_log_ratio_matches_the_hand_worked_table():
    assert float(C.log_ratio(10, 2, 1000, 1000)) == pytest.approx(math.log2(5))


def test_log_odds_with_informative_prior_matches_the_hand_worked_table():
    delta, z = C.log_odds_dirichlet(10, 2, 1000, 1000, 12, 2000)
    assert float(delta) == pytest.approx(0.454668, abs=1e-6)
    assert float(z) == pytest.approx(1.329898, abs=1e-5)


def test_a_term_absent_from_one_side_gives_finite_statistics():
    with np.errstate(all="raise"):  # any division by zero or log of zero would raise here
        g2 = C.log_likelihood(5, 0, 1000, 1000)
        ratio = C.log_ratio(5, 0, 1000, 1000)
        delta, z = C.log_odds_dirichlet(5, 0, 1000, 1000, 5, 2000)
    # G2 by hand: E = 2.5 and 2.5 for the term, 997.5 each for the rest:
    # 2 * [5 ln(5/2.5) + 0 + 995 ln(995/997.5) + 1000 ln(1000/997.5)] = 6.944003
    assert float(g2) == pytest.approx(2 * (5 * math.log(2) + 995 * math.log(995 / 997.5)
                                           + 1000 * math.log(1000 / 997.5)))
    assert float(ratio) == pytest.approx(math.log2(5 / 0.5))  # zero counted as 0.5 (Hardie)
    assert np.isfinite(delta) and np.isfinite(z) and z > 0


def test_statistics_are_symmetric_between_the_sides():
    g2 = float(C.log_likelihood(10, 2, 1000, 800))
    assert g2 == pytest.approx(float(C.log_likelihood(2, 10, 800, 1000)))
    d1, z1 = C.log_odds_dirichlet(10, 2, 1000, 800, 12, 1800)
    d2, z2 = C.log_odds_dirichlet(2, 10, 800, 1000, 12, 1800)
    assert float(d1) == pytest.approx(-float(d2)) and float(z1) == pytest.approx(-float(z2))


# --- keyness on a corpus -----------------------------------------------------------------

TWO_YEARS = {
    "2015-03-01-sanctions": "Sanctions bite. Sanctions bite hard. Sanctions and talks.",
    "2015-06-01-talks": "Talks resume. Sanctions remain.",
    "2017-02-01-missiles": "Missiles fly. Missiles and talks.",
    "2017-05-01-missiles-again": "Missiles again. Missiles everywhere.",
}


def test_keyness_counts_and_statistics_agree_with_the_formulas():
    corpus = corpus_with(TWO_YEARS)
    table = C.keyness(corpus, by="year", a=2015, b=2017, min_count=1)
    assert list(table.columns) == C.KEYNESS_COLUMNS
    row = table.set_index("term").loc["sanctions"]
    n_a = table["count_a"].sum()
    n_b = table["count_b"].sum()
    assert (row["count_a"], row["count_b"]) == (4, 0)
    assert row["g2"] == pytest.approx(float(C.log_likelihood(4, 0, n_a, n_b)))
    assert row["log_ratio"] == pytest.approx(float(C.log_ratio(4, 0, n_a, n_b)))
    assert row["favours"] == "2015"
    assert table["term"].iloc[0] == "sanctions" and table["term"].iloc[-1] == "missiles"


def test_keyness_orders_ties_alphabetically_with_identical_scores():
    corpus = corpus_with({"2015-01-01-a": "Alpha beta. Alpha beta.",
                          "2016-01-01-b": "Gamma delta."})
    table = C.keyness(corpus, by="year", a=2015, b=2016, min_count=1)
    top = table[table["favours"] == "2015"]
    assert top["term"].tolist() == ["alpha", "beta"]
    assert top["z"].nunique() == 1 and top["g2"].nunique() == 1


def test_keyness_min_count_and_methods():
    corpus = corpus_with(TWO_YEARS)
    assert C.keyness(corpus, by="year", a=2015, b=2017, min_count=3)["term"].tolist() == [
        "sanctions", "talks", "missiles"]
    by_g2 = C.keyness(corpus, by="year", a=2015, b=2017, min_count=1, method="g2")
    assert by_g2["term"].iloc[-1] == "missiles"
    with pytest.raises(ValueError, match="method"):
        C.keyness(corpus, by="year", method="chi2")


def test_keyness_each_group_against_the_rest():
    corpus = corpus_with(TWO_YEARS, region=["Iran", "Iran", "Korea", "Korea"])
    table = C.keyness(corpus, by="region", min_count=1)
    assert sorted(table["group_a"].unique()) == ["Iran", "Korea"]
    assert set(table["group_b"]) == {"rest"}


def test_keyness_by_tag_list_and_by_brief_ids():
    corpus = corpus_with(TWO_YEARS, topics=["Iran;sanctions", "Iran;talks", "Korea;missiles",
                                            "Korea"])
    by_tag = C.keyness(corpus, by="topics", a="iran", min_count=1)  # tags match case-insensitively
    assert set(by_tag[["group_a", "group_b"]].itertuples(index=False)) == {("iran", "rest")}
    by_ids = C.keyness(corpus, by=["2015-03-01-sanctions"], min_count=1)
    assert set(by_ids["group_a"]) == {"selected"} and set(by_ids["group_b"]) == {"rest"}
    assert by_ids.set_index("term").loc["sanctions", "count_a"] == 3


def test_assign_groups_drops_briefs_in_both_groups():
    corpus = corpus_with(TWO_YEARS, topics=["Iran;Korea", "Iran", "Korea", "Korea"])
    groups = C.assign_groups(corpus, "topics", a="Iran", b="Korea")
    assert groups.set_index("brief_id")["group"].to_dict() == {
        "2015-06-01-talks": "Iran", "2017-02-01-missiles": "Korea",
        "2017-05-01-missiles-again": "Korea"}


def test_keyness_names_an_empty_group():
    corpus = corpus_with(TWO_YEARS)
    with pytest.raises(ValueError, match="2019"):
        C.keyness(corpus, by="year", a=2019)
    with pytest.raises(ValueError, match="brief_ids not in the corpus: nope"):
        C.keyness(corpus, by=["nope"])
    with pytest.raises(ValueError, match="no column 'colour'"):
        C.keyness(corpus, by="colour")


def test_keyness_on_a_group_without_words():
    corpus = corpus_with({"2015-01-01-a": "The and of it.", "2016-01-01-b": "Missiles fly."})
    with pytest.raises(ValueError, match="'2015'.*no words"):
        C.keyness(corpus, by="year", a=2015, b=2016)


def test_keyness_on_one_brief_says_two_groups_are_needed():
    corpus = corpus_with({"2015-01-01-a": "Missiles fly."})
    with pytest.raises(ValueError, match="two groups"):
        C.keyness(corpus, by="year")


def test_keyness_over_time_against_the_previous_period():
    corpus = corpus_with({**TWO_YEARS, "2016-01-01-mid": "Talks stall."})
    table = C.keyness_over_time(corpus, against="previous", min_count=1)
    pairs = list(dict.fromkeys(zip(table["group_a"], table["group_b"])))
    assert pairs == [("2016", "2015"), ("2017", "2016")]
    with pytest.raises(ValueError, match="two periods"):
        C.keyness_over_time(corpus_with({"2015-01-01-a": "Missiles fly."}), against="previous")


def test_bigrams_stay_within_a_sentence_and_skip_stopwords():
    corpus = corpus_with({"2015-01-01-a": "The nuclear deal holds. Deal makers wait."})
    assert C.term_table(corpus, ngram=2)["term"].tolist() == [
        "nuclear deal", "deal holds", "deal makers", "makers wait"]


def test_period_labels():
    dates = pd.Series(pd.to_datetime(["2015-03-09", "2016-08-30", None]))
    assert C.period_of(dates, "quarter").tolist() == ["2015Q1", "2016Q3", None]
    assert C.period_of(dates, "month").tolist()[:2] == ["2015-03", "2016-08"]
    with pytest.raises(ValueError, match="freq"):
        C.period_of(dates, "decade")


# --- similarity --------------------------------------------------------------------------

SIMILAR = {
    "2015-01-01-a": "Iran nuclear deal sanctions relief.",
    "2015-02-01-b": "Iran nuclear deal inspections.",
    "2015-03-01-c": "Korea missile launch test.",
}


def test_tfidf_rows_have_unit_length_and_cosines_make_sense():
    corpus = corpus_with(SIMILAR)
    weights = C.tfidf_matrix(corpus)
    assert np.allclose(np.linalg.norm(weights.to_numpy(), axis=1), 1)
    sim = C.brief_similarity(corpus)
    assert np.allclose(np.diag(sim), 1)
    assert sim.loc["2015-01-01-a", "2015-02-01-b"] > 0.3
    assert sim.loc["2015-01-01-a", "2015-03-01-c"] == 0


def test_nearest_briefs_explains_itself():
    near = C.nearest_briefs(corpus_with(SIMILAR), "2015-01-01-a", n=2)
    assert list(near.columns) == C.NEAREST_COLUMNS
    assert near["brief_id"].tolist() == ["2015-02-01-b", "2015-03-01-c"]
    assert set(near["shared_terms"].iloc[0].split("; ")) == {"iran", "nuclear", "deal"}
    assert near["shared_terms"].iloc[1] == ""


def test_nearest_briefs_on_one_brief_and_on_an_unknown_brief():
    one = corpus_with({"2015-01-01-a": "Iran deal."})
    assert C.nearest_briefs(one, "2015-01-01-a").empty
    assert list(C.nearest_briefs(one, "2015-01-01-a").columns) == C.NEAREST_COLUMNS
    with pytest.raises(ValueError, match="no brief 'x'"):
        C.nearest_briefs(one, "x")


def test_cluster_order_keeps_similar_items_together():
    sim = pd.DataFrame([[1, .1, .9, .2], [.1, 1, .1, .8], [.9, .1, 1, .2], [.2, .8, .2, 1]],
                       index=list("abcd"), columns=list("abcd"))
    order = C.cluster_order(sim)
    assert sorted(order) == list("abcd")
    assert abs(order.index("a") - order.index("c")) == 1
    assert abs(order.index("b") - order.index("d")) == 1
    assert C.cluster_order(sim.loc[["a"], ["a"]]) == ["a"]


# --- themes and actors over time ---------------------------------------------------------

MENTIONS = pd.DataFrame({
    "brief_id": ["2015-01-01-a"] * 4 + ["2016-01-01-b"] * 2,
    "sent_id": [0, 0, 1, 1, 0, 0],
    "actor": ["Russia", "Turkey", "Russia", "Iran", "Russia", "Turkey"],
    "actor_type": ["state"] * 6,
})


def test_actor_timeline_fills_missing_periods_with_zero():
    corpus = corpus_with({"2015-01-01-a": "One. Two.", "2016-01-01-b": "Three."})
    table = C.actor_timeline(MENTIONS, corpus, freq="year")
    assert list(table.columns) == C.ACTOR_TIME_COLUMNS
    iran = table[table["actor"] == "Iran"].set_index("period")
    assert iran["mentions"].to_dict() == {"2015": 1, "2016": 0}
    russia = table[table["actor"] == "Russia"].set_index("period")
    assert russia["mentions"].to_dict() == {"2015": 2, "2016": 1}
    assert russia["share"].to_dict() == {"2015": 1.0, "2016": 1.0}


def test_co_mentions_by_sentence_and_by_brief():
    by_sentence = C.co_mentions(MENTIONS)
    edges = by_sentence[["actor_a", "actor_b", "count"]].itertuples(index=False)
    pairs = {(a, b): n for a, b, n in edges}
    assert pairs == {("Russia", "Turkey"): 2, ("Iran", "Russia"): 1}
    by_brief = C.co_mentions(MENTIONS, unit="brief", freq="year")
    assert set(by_brief["period"]) == {"2015", "2016"}
    # Iran-Russia, Iran-Turkey, Russia-Turkey
    assert len(by_brief[by_brief["period"] == "2015"]) == 3
    matrix = C.co_mention_matrix(by_sentence)
    assert matrix.loc["Russia", "Turkey"] == matrix.loc["Turkey", "Russia"] == 2


def test_theme_timeline_counts_briefs_and_sentences():
    corpus = corpus_with({"2015-01-01-a": "Russian jets struck. Moscow denied it.",
                          "2015-06-01-b": "Oil fell."})
    table = C.theme_timeline(corpus, {"Russia": ["Russia", "Moscow"], "oil": ["oil"]})
    assert table.set_index("theme")[["briefs", "sentences"]].to_dict("index") == {
        "Russia": {"briefs": 1, "sentences": 2}, "oil": {"briefs": 1, "sentences": 1}}


def test_topic_timeline_reads_tags():
    corpus = corpus_with(TWO_YEARS, topics=["Iran;sanctions", "Iran", "Korea", "Korea;missiles"])
    table = C.topic_timeline(corpus, freq="year")
    iran = table[table["topic"] == "Iran"].set_index("period")["briefs"].to_dict()
    assert iran == {"2015": 2, "2017": 0}
    assert C.topic_timeline(corpus_with(TWO_YEARS), column="topics").empty


# --- tone --------------------------------------------------------------------------------


def test_t_critical_values_match_the_tables():
    for df, value in ((1, 12.706), (2, 4.303), (5, 2.571), (10, 2.228), (30, 2.042)):
        assert C.t_critical(0.95, df) == pytest.approx(value, abs=1e-3)
    assert C.t_critical(0.99, 4) == pytest.approx(4.604, abs=1e-3)


def test_tone_summary_by_holder_and_period():
    tone = pd.DataFrame({
        "brief_id": ["2015-01-01-a", "2015-01-01-a", "2016-01-01-b", "2016-01-01-b",
                     "2016-01-01-b"],
        "holder": ["author", "Russia", "Russia", "Russia", "author"],
        "score": [0.2, -0.6, -0.4, -0.2, 0.0],
        "label": ["positive", "negative", "negative", "neutral", "neutral"]})
    table = C.tone_summary(tone, by="holder", freq="year")
    assert list(table.columns) == ["period", "holder", *C.TONE_SUMMARY_COLUMNS]
    russia = table[(table["holder"] == "Russia") & (table["period"] == "2016")].iloc[0]
    # mean -0.3, sd 0.141421, t(0.975, 1) = 12.706: half-width 12.706 * 0.141421 / sqrt(2) = 1.2706
    assert russia["mean_score"] == pytest.approx(-0.3)
    assert russia["ci_low"] == pytest.approx(-0.3 - 1.2706, abs=1e-3)
    assert russia["share_negative"] == 0.5
    single = table[(table["holder"] == "Russia") & (table["period"] == "2015")].iloc[0]
    assert single["n"] == 1 and math.isnan(single["ci_low"])
    overall = C.tone_summary(tone, by=None)
    assert overall["n"].iloc[0] == 5 and overall["n_briefs"].iloc[0] == 2
    assert C.tone_summary(tone.iloc[:0]).columns.tolist() == ["holder", *C.TONE_SUMMARY_COLUMNS]


def _one_group_at_a_time(tone: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """tone_summary the plain way: each group's rows as a table of their own."""
    rows = []
    for key, group in tone.groupby(keys, sort=True):
        scores = group["score"].astype(float)
        n = int(scores.count())
        sd = float(scores.std(ddof=1)) if n > 1 else math.nan
        half = C.t_critical(0.95, n - 1) * sd / math.sqrt(n) if n > 1 else math.nan
        mean = float(scores.mean()) if n else math.nan
        shares = group["label"].value_counts(normalize=True) if n else pd.Series(dtype=float)
        rows.append({**dict(zip(keys, key)), "n": n, "n_briefs": group["brief_id"].nunique(),
                     "mean_score": mean, "sd": sd, "ci_low": mean - half, "ci_high": mean + half,
                     **{f"share_{lab}": float(shares.get(lab, 0.0))
                        for lab in ("negative", "neutral", "positive")}})
    table = pd.DataFrame(rows)
    return table[table["n"] >= 1][keys + C.TONE_SUMMARY_COLUMNS].reset_index(drop=True)


def test_tone_summary_equals_each_group_summed_up_on_its_own():
    # all groups are summed up at once; the figures must be those of each group alone, to
    # the last bit, with missing scores, labels and holders (a row without a holder is in
    # no group), a group of a single sentence and one whose scores are all missing (left
    # out, as any group under min_n)
    rng = np.random.default_rng(7)
    n = 300
    tone = pd.DataFrame({
        "brief_id": rng.choice([f"2015-0{m}-01-b{i}" for m in range(1, 7) for i in range(3)], n),
        "holder": rng.choice(["author", "Russia", "Iran", "Turkey", None], n),
        "score": np.where(rng.random(n) < 0.1, np.nan, rng.uniform(-1, 1, n)),
        "label": rng.choice(["negative", "neutral", "positive", None], n)})
    tone.loc[tone["holder"] == "Turkey", "score"] = np.nan
    tone.loc[len(tone)] = ["2016-01-01-z", "Egypt", 0.25, "positive"]
    table = C.tone_summary(tone, by="holder")
    pd.testing.assert_frame_equal(table, _one_group_at_a_time(tone, ["holder"]), check_exact=True)
    assert "Turkey" not in set(table["holder"])
    assert table.set_index("holder").loc["Egypt", "n"] == 1
    by_year = C.tone_summary(tone, by="holder", freq="year")
    dated = tone.assign(period=tone["brief_id"].str[:4])
    pd.testing.assert_frame_equal(by_year, _one_group_at_a_time(dated, ["period", "holder"]),
                                  check_exact=True)
    assert C.tone_summary(tone.assign(holder=None), by="holder").empty


def test_tone_summary_names_a_column_it_cannot_find():
    tone = pd.DataFrame({"brief_id": ["2015-01-01-a"], "holder": ["author"], "score": [0.1],
                         "label": ["neutral"]})
    with pytest.raises(ValueError, match="'region'.*corpus"):
        C.tone_summary(tone, by="region")


def test_term_table_needs_words_to_join():
    with pytest.raises(ValueError, match="ngram"):
        C.term_table(corpus_with(TWO_YEARS), ngram=0)


# --- claim tracking ----------------------------------------------------------------------


def claim(brief_id, content, *, holder="author", kind="judgment", term=None, low=None, high=None,
          negated=False, cue=None, targets=""):
    return {"brief_id": brief_id, "sent_id": 0, "claim_id": f"{brief_id}:{content[:12]}",
            "kind": kind, "holder": holder, "holder_country": holder, "cue": cue,
            "negated": negated, "content": content, "estimative_term": term,
            "prob_low": low, "prob_high": high, "targets": targets}


# The story of one judgment over a year, by the author, plus a reported view by Russia.
STORY = pd.DataFrame([
    claim("2015-03-01-a", "Assad will likely remain in power", term="likely", low=.55, high=.80,
          targets="Bashar al-Assad"),
    claim("2015-03-01-a", "Moscow says Assad is the legitimate president of Syria", holder="Russia",
          kind="reported", cue="say", targets="Bashar al-Assad"),
    claim("2015-06-01-b", "Assad will almost certainly remain in power", term="almost certainly",
          low=.95, high=.99, targets="Bashar al-Assad"),
    claim("2015-06-01-b", "Moscow insists Assad is the legitimate president of Syria",
          holder="Russia", kind="reported", cue="insist", targets="Bashar al-Assad"),
    claim("2015-09-01-c", "Assad will very likely remain in power", term="very likely", low=.80,
          high=.95, targets="Bashar al-Assad"),
    claim("2015-09-01-c", "Oil prices will probably fall", term="probably", low=.55, high=.80),
    claim("2016-01-01-d", "Assad is unlikely to remain in power", term="unlikely", low=.20,
          high=.45, targets="Bashar al-Assad"),
    claim("2016-03-01-e", "Assad's army will probably retake Palmyra from the Islamic State",
          term="probably", low=.55, high=.80, targets="Bashar al-Assad; Islamic State"),
])


def test_track_claims_marks_each_change():
    tracked = C.track_claims(STORY)
    assert list(tracked.columns) == C.TRACK_COLUMNS
    assad = tracked[tracked["content"].str.contains("remain in power")]
    assert assad["thread"].nunique() == 1
    assert assad["change"].tolist() == ["new", "strengthened", "weakened", "reversed", "dropped"]
    assert assad["note"].iloc[1] == "likely (55–80%) → almost certainly (95–99%)"
    assert assad["range"].tolist()[:4] == ["55–80%", "95–99%", "80–95%", "20–45%"]
    dropped = assad.iloc[-1]
    assert dropped["brief_id"] == "2016-03-01-e" and dropped["previous_brief"] == "2016-01-01-d"
    assert "Palmyra" in dropped["note"]
    russia = tracked[tracked["holder"] == "Russia"]
    assert russia["change"].tolist() == ["new", "repeated"]
    assert russia["note"].iloc[1] == "say → insist"
    oil = tracked[tracked["content"].str.startswith("Oil")]
    assert oil["change"].tolist() == ["new"]


def test_claims_link_only_with_the_same_holder_and_compatible_targets():
    claims = pd.DataFrame([
        claim("2015-01-01-a", "The regime will likely hold Aleppo", term="likely", low=.55,
              high=.8),
        claim("2015-02-01-b", "The regime will likely hold Aleppo", holder="Turkey", term="likely",
              low=.55, high=.8),
        claim("2015-03-01-c", "Iran will likely hold the line", term="likely", low=.55, high=.8,
              targets="Iran"),
        claim("2015-04-01-d", "Iraq will likely hold the line", term="likely", low=.55, high=.8,
              targets="Iraq"),
    ])
    tracked = C.track_claims(claims)
    assert tracked["change"].tolist() == ["new"] * 4
    assert tracked["thread"].nunique() == 4
    assert C.track_claims(claims, holder_key="holder_country")["thread"].nunique() == 4


def test_opposite_predicates_are_read_turned_round():
    claims = pd.DataFrame([
        claim("2015-05-01-a", "Assad's fall within a year is a roughly even chance",
              term="roughly even chance", low=.45, high=.55),
        claim("2015-10-01-b", "Assad will probably survive in office", term="probably", low=.55,
              high=.8),
    ])
    later = C.track_claims(claims).iloc[1]
    assert later["change"] == "weakened"  # the fall is now judged 20-45% likely
    assert later["note"].endswith("read as the opposite")


def test_a_negation_flip_without_ranges_is_a_reversal():
    claims = pd.DataFrame([
        claim("2015-01-01-a", "Iran accepts the inspections at Parchin", holder="Iran",
              kind="reported", cue="accept"),
        claim("2015-02-01-b", "Iran accepts the inspections at Parchin", holder="Iran",
              kind="reported", cue="reject", negated=True),
    ])
    assert C.track_claims(claims)["change"].tolist() == ["new", "reversed"]


def test_recalled_judgments_are_history():
    claims = pd.DataFrame([
        {**claim("2015-01-01-a", "an ICBM test before 2018 is unlikely", term="unlikely", low=.2,
                 high=.45),
         "start": 22, "end": 30, "content_start": 0, "content_end": 36},
        {**claim("2016-01-01-b", "In 2015 we judged an ICBM test before 2018 unlikely",
                 term="unlikely", low=.2, high=.45),
         "start": 43, "end": 51, "content_start": 0, "content_end": 51},
    ])
    assert C.track_claims(claims)["change"].tolist() == ["new", "recalled"]


def test_a_judgment_is_compared_on_the_clause_of_its_term():
    text = "a resolution may pass, but opponents are very unlikely to override a veto"
    at = text.index("very unlikely")
    row = {**claim("2015-07-20-a", text, term="very unlikely", low=.05, high=.2),
           "start": at, "end": at + len("very unlikely"), "content_start": 0,
           "content_end": len(text)}
    tracked = C.track_claims(pd.DataFrame([row]))
    assert tracked["content"].iloc[0] == "opponents are very unlikely to override a veto"


def filler(n: int) -> list[dict]:
    """Claims by another holder, each with words of its own: they set the idf of the rest."""
    return [claim(f"2014-0{1 + k % 9}-01-f{k}", f"Topic{k} word{k} thing{k} matter{k}",
                  holder="Turkey") for k in range(n)]


def test_a_shared_name_alone_does_not_link_claims():
    # From the sample corpus: judgments about an assault on Mosul, a later one about Ramadi
    # that names Mosul only to date itself ("before Mosul"), and a fragment ("Iran") the
    # extractor left a reported view with.
    claims = pd.DataFrame([
        claim("2015-03-09-a", "an assault on Mosul in 2015 is very unlikely", term="very unlikely",
              low=.05, high=.2),
        claim("2015-03-09-a",
              "an Iraqi assault to retake Mosul before the end of 2015 is very unlikely",
              term="very unlikely", low=.05, high=.2),
        claim("2015-05-26-b", "Ramadi is likely to be retaken before Mosul", term="likely",
              low=.55, high=.8),
        claim("2015-03-09-a", "a deal would bless Iran's regional role", holder="Saudi officials",
              kind="reported", cue="fear"),
        claim("2015-05-26-b", "Iran", holder="Saudi officials", kind="reported", cue="fear"),
        claim("2015-07-01-c", "the Islamic State will very likely lose Mosul in 2017",
              term="very likely", low=.8, high=.95),
        claim("2015-09-01-d", "it will almost certainly lose Mosul by mid-2017",
              term="almost certainly", low=.95, high=.99),
        *filler(8),
    ])
    tracked = C.track_claims(claims).set_index("content")
    assert tracked.loc["Ramadi is likely to be retaken before Mosul", "change"] == "new"
    assert tracked.loc["Iran", "change"] == "new"
    # a subject and something said of it ("lose", "Mosul") still make a restatement
    later = tracked.loc["it will almost certainly lose Mosul by mid-2017"]
    assert later["change"] == "strengthened" and later["shared_words"] == "mosul remain"


def test_a_judgment_without_content_offsets_is_compared_whole():
    rows = [{**claim("2015-01-01-a", "Iran will likely comply with the JCPOA", term="likely",
                     low=.55, high=.8), "start": 10, "end": 16, "content_start": np.nan},
            {**claim("2015-02-01-b", "Iran will almost certainly comply with the JCPOA",
                     term="almost certainly", low=.95, high=.99),
             "start": 10, "end": 26, "content_start": 0}]
    tracked = C.track_claims(pd.DataFrame(rows))
    assert tracked["change"].tolist() == ["new", "strengthened"]
    assert tracked["content"].iloc[0] == "Iran will likely comply with the JCPOA"


def test_track_claims_on_nothing_and_on_one_brief():
    assert C.track_claims(STORY.iloc[:0]).columns.tolist() == C.TRACK_COLUMNS
    one = C.track_claims(STORY[STORY["brief_id"] == "2015-03-01-a"])
    assert one["change"].tolist() == ["new", "new"]


def test_classify_change_rules():
    likely = {"estimative_term": "likely", "prob_low": .55, "prob_high": .80}
    probably = {"estimative_term": "probably", "prob_low": .55, "prob_high": .80}
    unlikely = {"estimative_term": "unlikely", "prob_low": .20, "prob_high": .45}
    may = {"estimative_term": "may", "prob_low": .01, "prob_high": .99}
    assert C.classify_change(likely, probably) == (
        "repeated", "likely (55–80%) → probably (55–80%)")
    assert C.classify_change(likely, unlikely)[0] == "reversed"
    assert C.classify_change(may, likely)[0] == "strengthened"
    assert C.classify_change(may, unlikely)[0] == "weakened"  # 'may' straddles 50%: not a reversal
    assert C.classify_change({"cue": "say"}, {"cue": "say"}) == ("repeated", "")


def test_claim_timeline_is_readable_and_follows_whole_threads():
    timeline = C.claim_timeline(STORY, ["Assad"], require=["power"])
    assert list(timeline.columns) == C.TIMELINE_COLUMNS
    assert timeline["date"].tolist() == [
        "2015-03-01", "2015-06-01", "2015-09-01", "2016-01-01", "2016-03-01"]
    assert timeline["term"].tolist()[:4] == [
        "likely", "almost certainly", "very likely", "unlikely"]
    linked = C.claim_timeline(STORY, "Syria", linked_only=True)
    assert set(linked["holder"]) == {"Russia"}
    assert C.claim_timeline(STORY, "Korea").empty


# --- two briefs side by side -------------------------------------------------------------


def _given_pair():
    """Two briefs and their mentions, claims and tone, made by hand."""
    corpus = corpus_with({"2015-03-01-a": "Iran agreed to the deal. Russia watched.",
                          "2015-06-01-b": "Iran broke the deal. Turkey protested."})
    mentions = pd.DataFrame({"brief_id": ["2015-03-01-a"] * 2 + ["2015-06-01-b"] * 2,
                             "sent_id": [0, 1, 0, 1], "actor": ["Iran", "Russia", "Iran", "Turkey"],
                             "start": [0, 25, 0, 21], "end": [4, 31, 4, 27]})
    claims = pd.DataFrame([
        claim("2015-03-01-a", "Iran will likely keep the deal", term="likely", low=.55, high=.8,
              targets="Iran"),
        claim("2015-06-01-b", "Iran will probably not keep the deal", term="probably not", low=.2,
              high=.4, targets="Iran"),
        claim("2015-06-01-b", "Turkey is angry", holder="Turkey", kind="reported", cue="say"),
    ])
    tone = pd.DataFrame({"brief_id": ["2015-03-01-a", "2015-06-01-b"], "holder": ["author"] * 2,
                         "score": [0.2, -0.4], "label": ["positive", "negative"]})
    return corpus, {"mentions": mentions, "claims": claims, "tone": tone}


def test_diff_briefs_with_given_tables():
    corpus, tables = _given_pair()
    diff = C.diff_briefs(corpus, "2015-03-01-a", "2015-06-01-b", **tables)
    terms = diff.terms.set_index("term")["side"]
    assert terms["iran"] == "both" and terms["agreed"] == "a only" and terms["broke"] == "b only"
    assert diff.actors.set_index("actor")["side"].to_dict() == {"Iran": "both", "Russia": "a only",
                                                                "Turkey": "b only"}
    pair = diff.claims[diff.claims["side"] == "both"].iloc[0]
    assert pair["change"] == "reversed" and pair["range_b"] == "20–40%"
    assert diff.claims["side"].tolist() == ["both", "b only"]
    assert diff.tone.iloc[0]["difference"] == pytest.approx(-0.6)
    assert diff.summary().loc["actors"].to_dict() == {"both": 1, "a only": 1, "b only": 1}


@pytest.mark.parametrize("a, b", [("2015-03-01-a", "2015-06-01-b"),
                                  ("2015-06-01-b", "2015-03-01-a"),
                                  ("2015-03-01-a", "2015-03-01-a")])
def test_diff_briefs_without_terms_counts_no_words_and_keeps_the_other_tables(monkeypatch, a, b):
    corpus, tables = _given_pair()
    full = C.diff_briefs(corpus, a, b, **tables)
    assert not full.terms.empty
    monkeypatch.setattr(C, "_diff_terms", lambda *args, **kw: pytest.fail("terms counted"))
    monkeypatch.setattr(Corpus, "tokens", property(lambda self: pytest.fail("tokens read")))
    bare = C.diff_briefs(corpus, a, b, **tables, terms=False)
    assert bare.terms.empty and list(bare.terms.columns) == C.DIFF_TERM_COLUMNS
    for part in ("actors", "claims", "tone"):
        pd.testing.assert_frame_equal(getattr(bare, part), getattr(full, part))
    assert not bare.claims.empty and (bare.a, bare.b, bare.notes) == (full.a, full.b, full.notes)
    assert bare.summary().loc["terms"].tolist() == [0, 0, 0]
    pd.testing.assert_frame_equal(bare.summary().drop(index="terms"),
                                  full.summary().drop(index="terms"))


def test_diff_briefs_needs_two_briefs_of_the_corpus():
    corpus = corpus_with({"2015-03-01-a": "Iran agreed."})
    with pytest.raises(ValueError, match="not found: 2015-06-01-b.*one brief"):
        C.diff_briefs(corpus, "2015-03-01-a", "2015-06-01-b")


def test_diff_of_a_brief_with_itself_shares_everything():
    corpus = corpus_with({"2015-03-01-a": "Iran agreed to the deal. Russia watched.",
                          "2015-06-01-b": "Iran broke the deal."})
    a = "2015-03-01-a"
    mentions = pd.DataFrame({"brief_id": [a, a], "sent_id": [0, 1], "actor": ["Iran", "Russia"],
                             "start": [0, 25], "end": [4, 31]})
    claims = pd.DataFrame([claim(a, "Iran will likely keep the deal", term="likely", low=.55,
                                 high=.8, targets="Iran"),
                           claim(a, "it agreed", holder="Russia", kind="reported", cue="say")])
    tone = pd.DataFrame({"brief_id": [a], "holder": ["author"], "score": [0.2],
                         "label": ["positive"]})
    diff = C.diff_briefs(corpus, a, a, mentions=mentions, claims=claims, tone=tone)
    assert all(set(table["side"]) == {"both"} for table in (diff.terms, diff.actors, diff.claims))
    assert (diff.terms["count_a"] == diff.terms["count_b"]).all()
    assert (diff.terms["log_ratio"] == 0).all()
    assert diff.claims["claim_a"].tolist() == diff.claims["claim_b"].tolist() == [
        "Iran will likely keep the deal", "it agreed"]
    assert diff.claims["change"].tolist() == ["repeated", "repeated"]
    assert diff.tone["difference"].tolist() == [0.0]
    assert any("same brief" in note for note in diff.notes)


def test_diff_briefs_counts_terms_from_the_tokens_given(monkeypatch):
    corpus = corpus_with({"2015-03-01-a": "Iran agreed to the deal.",
                          "2015-06-01-b": "Iran broke it.",
                          "2015-09-01-c": "Korea tested a missile."})
    empty = {"mentions": pd.DataFrame(columns=["brief_id", "actor", "start", "end"]),
             "claims": pd.DataFrame(columns=["brief_id", "holder", "content"]),
             "tone": pd.DataFrame(columns=["brief_id", "holder", "score"])}
    pair = corpus.tokens[corpus.tokens["brief_id"].isin(["2015-03-01-a", "2015-06-01-b"])]
    expected = C.diff_briefs(corpus, "2015-03-01-a", "2015-06-01-b", **empty).terms
    monkeypatch.setattr(Corpus, "tokens", property(lambda self: pytest.fail("tokens recounted")))
    given = C.diff_briefs(corpus, "2015-03-01-a", "2015-06-01-b", tokens=pair, **empty).terms
    pd.testing.assert_frame_equal(given, expected)
    assert given.set_index("term")["side"].to_dict() == {"iran": "both", "agreed": "a only",
                                                         "deal": "a only", "broke": "b only"}


def test_diff_briefs_prepares_each_briefs_claims_once(monkeypatch):
    """The claims explorer compares pair after pair: each brief's claims are prepared once
    (whether the tables hold the corpus's rows or the pair's), prepared again when they
    change, and the tables are those computed without keeping anything."""
    ids = list(dict.fromkeys(STORY["brief_id"]))[:3]
    corpus = corpus_with({b: "Assad waits." for b in ids})
    empty = {"mentions": pd.DataFrame(columns=["brief_id", "actor", "start", "end"]),
             "tone": pd.DataFrame(columns=["brief_id", "holder", "score"])}
    pairs = [(a, b) for a in ids for b in ids if a != b]

    def diffs(claims, *, rows=False):
        return [C.diff_briefs(corpus, a, b, claims=claims[claims["brief_id"].isin([a, b])]
                              if rows else claims, **empty).claims for a, b in pairs]

    monkeypatch.setenv("BRIEFKIT_NO_CACHE", "1")
    expected = diffs(STORY)
    assert "strengthened" in set(expected[0]["change"])  # a to b: likely, then almost certainly
    monkeypatch.delenv("BRIEFKIT_NO_CACHE")
    C.clear_shared()
    prepared, prepare = [], C._prepare_claims
    monkeypatch.setattr(C, "_prepare_claims", lambda claims, *args, **options: (
        prepared.append(sorted(set(claims["brief_id"]))) or prepare(claims, *args, **options)))
    for got in (diffs(STORY), diffs(STORY, rows=True)):
        for table, want in zip(got, expected, strict=True):
            pd.testing.assert_frame_equal(table, want, check_exact=True)
    assert sorted(b for briefs in prepared for b in briefs) == ids  # each brief once
    changed = STORY.copy()
    changed.loc[0, "content"] = "Assad will likely stay in office"
    assert "Assad will likely stay in office" in set(diffs(changed)[0]["claim_a"])
    assert prepared[-1] == [ids[0]] and len(prepared) == 3  # only a again
    monkeypatch.setattr(C, "PREPARED_ENTRIES", 2)
    changed.loc[2, "content"] = "Assad will almost certainly stay in office"  # brief b's
    diffs(changed)
    assert len(C._PREPARED) == 2  # the least recently used forgotten
    prepared.clear()  # without claim_ids, ids come from row numbers: each pair on its own
    no_ids = diffs(STORY.drop(columns="claim_id"))
    assert prepared and all(len(briefs) == 2 for briefs in prepared)
    for table, want in zip(no_ids, expected, strict=True):
        pd.testing.assert_frame_equal(table, want, check_exact=True)


def test_diff_briefs_reads_the_same_figures_from_each_briefs_kept_values():
    """diff_briefs joins each brief's kept values (_Claims) rather than their frames: the
    anchors, clashes, words and polarity it reads must be _compatible's and
    _claim_vectors's over the same claims, common anchors (in more than 20 claims) left out."""
    common = [claim(f"2015-0{1 + i % 2}-01-{'ab'[i % 2]}", f"Iran will keep talking round {i}",
                    targets="Iran; United States") for i in range(24)]
    rows = pd.DataFrame([*STORY.to_dict("records"), *common])
    frame = C._prepare_claims(rows, None, None)
    _, bags, names, polarity = C._claim_vectors(frame["content"])
    pair = C._Claims(frame, None)
    expected = C._compatible(frame["targets"], names)
    assert not expected.all() and expected.any()  # clashes and links both present
    assert np.array_equal(C._compatible_sets(pair.actors, pair.anchors), expected)
    assert [set(b) for b in pair.bags] == bags and np.array_equal(pair.polarity, polarity)
    assert sum("actor:United States" in m for m in pair.anchors) > C.ANCHOR_MIN_COMMON  # common
    joined = C._Claims.join([C._Claims(frame.iloc[:5].reset_index(drop=True), None),
                             C._Claims(frame.iloc[5:].reset_index(drop=True), None)])
    pd.testing.assert_frame_equal(pd.DataFrame(joined.records), pd.DataFrame(pair.records))
    assert joined.key.tolist() == pair.key.tolist()
    assert np.array_equal(joined.polarity, pair.polarity) and joined.anchors == pair.anchors


def test_functions_leave_their_inputs_alone():
    before = STORY.copy()
    C.track_claims(STORY)
    C.claim_timeline(STORY, "Assad")
    pd.testing.assert_frame_equal(STORY, before)
    mentions = MENTIONS.copy()
    C.co_mentions(MENTIONS)
    pd.testing.assert_frame_equal(MENTIONS, mentions)


# --- one brief, everywhere ---------------------------------------------------------------


def test_every_function_on_a_corpus_of_one_brief():
    corpus = corpus_with({"2015-03-01-a": "Russia and Turkey met. Iran agreed to the deal."})
    mentions = pd.DataFrame({"brief_id": ["2015-03-01-a"] * 3, "sent_id": [0, 0, 1],
                             "actor": ["Russia", "Turkey", "Iran"], "actor_type": ["state"] * 3})
    claims = pd.DataFrame([claim("2015-03-01-a", "Iran agreed to the deal", kind="key_point")])
    tone = pd.DataFrame({"brief_id": ["2015-03-01-a"], "holder": ["author"], "score": [0.1],
                         "label": ["neutral"]})
    with pytest.raises(ValueError, match="two groups"):  # a comparison that needs two: an error
        C.keyness(corpus, by="year")
    with pytest.raises(ValueError, match="not found"):
        C.diff_briefs(corpus, "2015-03-01-a", "2016-01-01-b")
    assert C.brief_similarity(corpus).shape == (1, 1)  # summaries: frames, possibly empty
    assert C.nearest_briefs(corpus, "2015-03-01-a").empty
    assert len(C.actor_timeline(mentions, corpus, freq="year")) == 3
    assert len(C.co_mentions(mentions, corpus)) == 1
    assert C.tone_summary(tone, corpus, freq="year")["n"].tolist() == [1]
    assert C.track_claims(claims, corpus=corpus)["change"].tolist() == ["new"]
    assert C.claim_timeline(claims, "deal", corpus=corpus)["change"].tolist() == ["new"]
    assert C.theme_timeline(corpus, {"Iran": ["Iran"]})["briefs"].tolist() == [1]


# --- the figures of notebook 04 (plots.py) -----------------------------------------------


def test_comparison_figures_draw_and_say_when_there_is_nothing():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from briefkit import plots

    corpus = corpus_with(TWO_YEARS)
    table = C.keyness(corpus, by="year", a=2015, b=2017, min_count=1)
    assert plots.plot_keyness_scatter(table).get_title() == "Distinctive terms: 2015 vs 2017"
    assert "2015" in plots.plot_keyness_bars(table).get_xlabel()
    assert plots.plot_similarity_heatmap(C.brief_similarity(corpus), corpus).get_title()
    timeline = C.actor_timeline(MENTIONS, corpus_with({"2015-01-01-a": "A.", "2016-01-01-b": "B."}),
                                freq="year")
    heat = plots.plot_period_heatmap(timeline, key="actor", value="mentions", title="t")
    assert heat.get_title() == "t"
    assert plots.plot_co_mentions(C.co_mentions(MENTIONS)).get_title() == "Actors named together"
    tone = pd.DataFrame({"brief_id": ["2015-01-01-a", "2016-01-01-b"], "holder": ["author"] * 2,
                         "score": [0.2, -0.1], "label": ["positive", "neutral"]})
    over_time = plots.plot_tone_over_time(C.tone_summary(tone, freq="year"))
    assert over_time.get_ylabel().startswith("mean")
    assert plots.plot_tone_forest(C.tone_summary(tone), by="holder").get_xlim() == (-1.05, 1.05)
    assert plots.plot_claim_threads(C.track_claims(STORY)).get_ylim() == (0, 1)
    empty = plots.plot_claim_threads(C.track_claims(STORY.iloc[:0]))
    assert empty.texts[0].get_text() == "no judgments with a probability range"
    plt.close("all")


# --- the sample corpus -------------------------------------------------------------------


@pytest.mark.slow
def test_claim_tracking_on_the_sample_follows_assads_survival():
    import briefkit as bk

    corpus = bk.load_corpus(bk.sample_path(), progress=False)
    tracked = C.track_claims(bk.extract_claims(corpus), mentions=bk.find_mentions(corpus),
                             corpus=corpus)
    assert set(tracked["change"]) <= set(C.CHANGES)
    assad = C.select_threads(tracked, ["Assad"], require=["remain in power"], linked_only=True)
    moves = assad.loc[assad["change"] == "strengthened", "note"]
    assert moves.str.endswith("almost certainly (95–99%)").any()
    assert (tracked["change"] == "recalled").any()  # "In March we judged ..." is history


# --- the fast paths against the plain ones (the same results) ---------------------------


def test_pair_sums_are_the_products_of_the_dense_matrices():
    rng = np.random.default_rng(4)
    dense = ((rng.random((40, 60)) < 0.08) * rng.random((40, 60))).astype(np.float32)
    dense /= np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-9)  # unit rows
    sets = [set(np.flatnonzero(row)) for row in dense]
    incidence = (dense != 0).astype(np.int64)
    assert np.array_equal(C._overlaps(sets), incidence @ incidence.T)
    sim = C._similarities(dense)
    assert sim.dtype == np.float32
    # float64 sums rounded once: within a unit in the last place of a float32 product
    blas = dense @ dense.T
    assert np.abs(sim - blas).max() <= np.spacing(np.float32(1))
    assert C._overlaps([]).shape == (0, 0) and C._overlaps([set(), set()]).tolist() == [[0, 0],
                                                                                      [0, 0]]


def test_gram_is_the_product_of_the_dense_matrix_and_symmetric():
    rng = np.random.default_rng(5)
    dense = (rng.random((30, 200)) < 0.05) * rng.random((30, 200))
    dense[7] = 0  # a brief without terms
    gram = C._gram(dense)
    assert np.abs(gram - dense @ dense.T).max() <= 1e-12
    assert np.array_equal(gram, gram.T) and (gram[7] == 0).all()
    assert C._gram(np.zeros((0, 4))).shape == (0, 0)
    corpus = corpus_with(SIMILAR)
    weights = C.tfidf_matrix(corpus).to_numpy()
    sim = C.brief_similarity(corpus).to_numpy()
    assert np.abs(sim - np.clip(weights @ weights.T, 0, 1)).max() <= 1e-12


def test_claim_cosines_of_a_large_pair_are_summed_without_blas(monkeypatch):
    rng = np.random.default_rng(6)
    rows = ((rng.random((150, 400)) < 0.03) * rng.random((150, 400))).astype(np.float32)
    a, b = rows[:70], rows[70:]
    big = C._cosines(a, b)
    assert big.dtype == np.float32 and np.abs(big - a @ b.T).max() <= 1e-6
    monkeypatch.setattr(C, "_similarities", lambda v: pytest.fail("summed a small product"))
    small = C._cosines(a[:5], b[:5])  # small: BLAS, on one thread
    assert np.abs(small - a[:5] @ b[:5].T).max() <= 1e-6
    monkeypatch.setattr(C, "BLAS_ONE_THREAD", 0)
    with pytest.raises(pytest.fail.Exception):
        C._cosines(a[:5], b[:5])


def _link_all_pairs(frame, sim, ok, enough, threshold):
    """Claim tracking's link rule over every pair of claims at once (claims-by-claims
    matrices): the plain path the holder blocks must agree with."""
    rank, holder = frame["_brief_rank"].to_numpy(), frame["_key"].to_numpy()
    current = ~frame["_recalled"].to_numpy(bool)
    valid = ((sim >= threshold) & ok & enough & (rank[None, :] < rank[:, None])
             & (holder[None, :] == holder[:, None]) & current[:, None] & current[None, :])
    score = np.where(valid, rank[None, :] * 10.0 + sim, -np.inf)
    return np.where(valid.any(axis=1), score.argmax(axis=1), -1)


@pytest.mark.slow
def test_claim_tracking_by_holder_agrees_with_every_pair_at_once():
    import briefkit as bk

    corpus = bk.load_corpus(bk.sample_path(), progress=False)
    mentions = bk.find_mentions(corpus)
    frame = C._prepare_claims(bk.extract_claims(corpus), mentions, corpus)
    vectors, bags, names, _ = C._claim_vectors(frame["content"])
    holder = frame["_key"].to_numpy()
    same = holder[:, None] == holder[None, :]
    sim = np.where(same, C._similarities(vectors), 0).astype(np.float32)
    ok = C._compatible(frame["targets"], names) & same
    enough = C._overlaps(bags) >= C.MIN_SHARED_WORDS
    blocks = C._HolderBlocks(frame, vectors, bags, names)
    for threshold in (0.15, 0.3, 0.45):
        expected = _link_all_pairs(frame, sim, ok, enough, threshold)
        assert (expected >= 0).sum() > 20  # links to agree on
        assert C._link(frame, blocks, threshold).tolist() == expected.tolist()
    linked = np.flatnonzero(expected >= 0)
    pairs = sim[linked, expected[linked]].tolist()
    assert [blocks.similarity(i, expected[i]) for i in linked] == pairs
    for i in linked[:50]:  # each claim's row of its holder's block is its row of the whole
        rows, row_sim, row_ok = blocks.row(i)
        assert np.array_equal(rows, np.flatnonzero(same[i]))
        assert np.array_equal(row_sim, sim[i, rows]) and np.array_equal(row_ok, ok[i, rows])


def test_repeated_calls_share_the_work_and_hand_out_copies():
    tracked = C.track_claims(STORY)
    tracked.loc[0, "change"] = "changed by the caller"
    again = C.track_claims(STORY)
    C.clear_shared()
    pd.testing.assert_frame_equal(again, C.track_claims(STORY))  # kept equals computed afresh
    assert "changed by the caller" not in set(again["change"])
    corpus = corpus_with(SIMILAR)
    terms = C.term_table(corpus)
    terms.loc[0, "term"] = "changed"
    weights = C.tfidf_matrix(corpus)
    weights.iloc[:, :] = 0
    assert "changed" not in set(C.term_table(corpus)["term"])
    assert C.tfidf_matrix(corpus).to_numpy().any()
    fresh = corpus_with(SIMILAR)  # another corpus object: computed for it
    pd.testing.assert_frame_equal(C.brief_similarity(corpus), C.brief_similarity(fresh))
    with pytest.raises(TypeError):
        C.brief_similarity(corpus, min_dff=2)


def test_co_mention_matrix_sums_as_a_cell_by_cell_loop():
    rng = np.random.default_rng(7)
    actors = ["Iran", "Iraq", "Russia", "Syria", "Turkey"]
    edges = pd.DataFrame({"period": "all", "actor_a": rng.choice(actors, 60),
                          "actor_b": rng.choice(actors, 60), "jaccard": rng.random(60) / 3})
    expected = pd.DataFrame(0.0, index=actors, columns=actors)
    for a, b, v in edges[["actor_a", "actor_b", "jaccard"]].itertuples(index=False):
        expected.loc[a, b] += v
        expected.loc[b, a] += v
    pd.testing.assert_frame_equal(C.co_mention_matrix(edges, value="jaccard"), expected,
                                  check_exact=True)


def test_claim_matches_reads_the_fields_as_one_text():
    for table in (C.track_claims(STORY), STORY):  # with and without holder_country
        fields = [c for c in ("content", "holder", "targets", "holder_country") if c in table]
        text = table[fields].fillna("").astype(str).agg(" | ".join, axis=1)
        for theme in (["Assad"], ["Moscow", "Russia"], ["nothing of the kind"]):
            expected = text.str.contains(C._keyword_pattern(theme), regex=True)
            pd.testing.assert_series_equal(C.claim_matches(table, theme), expected)


def _keyness_plain(corpus, sides, *, ngram=1, min_count=1):
    """Keyness counted the plain way, one pair of groups at a time: filter the term rows of
    each group and count their strings."""
    terms = C.term_table(corpus, ngram=ngram)
    background = terms["term"].value_counts()
    frames = []
    for (ga, ids_a), (gb, ids_b) in sides:
        counts_a = terms.loc[terms["brief_id"].isin(ids_a), "term"].value_counts()
        counts_b = terms.loc[terms["brief_id"].isin(ids_b), "term"].value_counts()
        vocab = counts_a.index.union(counts_b.index)
        a, b, prior = (c.reindex(vocab, fill_value=0) for c in (counts_a, counts_b, background))
        frames.append(C.keyness_from_counts(vocab.to_numpy(), a, b, prior, names=(ga, gb),
                                            background_total=background.sum(),
                                            min_count=min_count))
    return pd.concat(frames, ignore_index=True)


def test_keyness_from_the_term_index_equals_the_plain_count():
    texts = {**TWO_YEARS, "2016-04-01-both": "Talks on missiles and sanctions. Missiles again."}
    corpus = corpus_with(texts, region=["Gulf", "Gulf", "Asia", "Asia", "Levant"])
    for by, a, b, ngram in (("year", 2015, 2017, 1), ("year", None, None, 1),
                            ("region", None, None, 1), ("region", "Asia", None, 2)):
        table = C.keyness(corpus, by=by, a=a, b=b, ngram=ngram, min_count=1)
        plain = _keyness_plain(corpus, C._sides(corpus, by, a, b), ngram=ngram)
        assert len(table) > 3
        pd.testing.assert_frame_equal(table, plain, check_exact=True)


def test_claim_tfidf_from_entries_equals_the_dense_count():
    rng = np.random.default_rng(11)
    words = [f"w{k}" for k in range(30)]
    bags = [list(rng.choice(words, rng.integers(0, 9))) for _ in range(25)] + [[]]
    vocab = sorted({w for bag in bags for w in bag}, key=[w for bag in bags for w in bag].index)
    counts = np.zeros((len(bags), len(vocab)), dtype=np.float32)
    for i, bag in enumerate(bags):
        for w in bag:
            counts[i, vocab.index(w)] += 1
    rows = C._tfidf_rows(bags)
    assert rows.dtype == np.float32 and np.array_equal(rows, C._tfidf(counts))
    assert C._tfidf_rows([[], []]).shape == (2, 0)


def test_tracked_claims_come_back_equal_from_the_tables_cache(monkeypatch):
    expected = C.track_claims(STORY)  # written to this test's own cache folder
    assert C.track_claims(STORY) is not expected  # each call hands out its own copy
    C.clear_shared()  # a new run: only the cache on disk remains
    monkeypatch.setattr(C, "_track_claims", lambda *a, **k: pytest.fail("claims tracked again"))
    pd.testing.assert_frame_equal(C.track_claims(STORY), expected, check_exact=True)
    monkeypatch.setenv("BRIEFKIT_NO_CACHE", "1")  # the cache off: computed, here a failure
    with pytest.raises(pytest.fail.Exception):
        C.track_claims(STORY)
