"""Tests for briefkit.actors: the gazetteer, find_actors, find_mentions, resolve_actor."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from briefkit import actors
from briefkit.actors import (
    ACTOR_TYPES,
    GAZETTEER_COLUMNS,
    MENTION_COLUMNS,
    Mention,
    find_actors,
    find_mentions,
    load_gazetteer,
    resolve_actor,
)
from briefkit.corpus import Corpus
from briefkit.errors import DataError


def named(text, **kw):
    """(actor, matched text) for each mention in a string."""
    return [(m.actor, m.text) for m in find_actors(text, **kw)]


def actors_in(text, **kw):
    return [m.actor for m in find_actors(text, **kw)]


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


# --- the gazetteer -----------------------------------------------------------------------


@pytest.mark.offline
def test_gazetteer_has_the_contract_columns_first(gazetteer):
    assert list(gazetteer.columns[:5]) == GAZETTEER_COLUMNS
    assert gazetteer["actor"].is_unique
    assert set(gazetteer["actor_type"]) <= set(ACTOR_TYPES)


@pytest.mark.offline
def test_every_un_member_and_observer_is_there_with_an_iso3_code(gazetteer):
    states = gazetteer[gazetteer["actor_type"] == "state"]
    assert len(states) == 193
    assert set(gazetteer.loc[gazetteer["actor_type"] == "observer_state", "actor"]) == {
        "Holy See", "Palestine"}
    codes = gazetteer.loc[gazetteer["actor_type"].isin(["state", "observer_state"]), "iso3"]
    assert codes.str.fullmatch(r"[A-Z]{3}").all() and codes.is_unique
    iso3 = dict(zip(states["actor"], states["iso3"]))
    assert [iso3[s] for s in ("United States", "Russia", "Iran", "Syria", "Saudi Arabia",
                              "United Kingdom", "North Korea", "South Korea",
                              "Democratic Republic of the Congo", "Republic of the Congo")] == [
        "USA", "RUS", "IRN", "SYR", "SAU", "GBR", "PRK", "KOR", "COD", "COG"]


@pytest.mark.offline
def test_leaders_cover_at_least_forty_states_each_with_a_role(gazetteer):
    leaders = gazetteer[gazetteer["actor_type"] == "leader"]
    states = set(gazetteer.loc[gazetteer["actor_type"] == "state", "actor"])
    assert leaders["country"].isin(states).groupby(leaders["country"]).any().sum() >= 40
    assert (leaders["notes"].str.len() > 0).all()
    assert (leaders["country"].str.len() > 0).all()


@pytest.mark.offline
def test_cue_columns_are_consistent(gazetteer):
    for row in gazetteer.itertuples():
        needs = [a for a in row.needs_cue.split("|") if a]
        assert set(needs) <= set(row.aliases.split("|")), row.actor
        assert not needs or row.cues, row.actor


@pytest.mark.offline
def test_an_alias_shared_by_several_rows_is_decided_by_cues(gazetteer):
    owners: dict[str, list] = {}
    for row in gazetteer.itertuples():
        needs = set(row.needs_cue.split("|"))
        for alias in dict.fromkeys(row.aliases.split("|")):
            owners.setdefault(actors._case_form(alias), {})[row.actor] = alias in needs
    for alias, rows in owners.items():
        rows = list(rows.items())
        if len(rows) > 1:  # at most one row reads the alias without a cue: the default
            assert sum(not needs for _, needs in rows) <= 1, (alias, rows)


@pytest.mark.offline
@pytest.mark.parametrize("alias, actor", [
    ("Iranians", "Iran"), ("Islamic Republic of Iran", "Iran"), ("Persia", "Iran"),
    ("Washington", "United States"), ("Moscow", "Russia"), ("Tehran", "Iran"),
    ("Riyadh", "Saudi Arabia"), ("Beijing", "China"), ("Ankara", "Turkey"), ("Kyiv", "Ukraine"),
    ("Kiev", "Ukraine"), ("Damascus", "Syria"), ("President Putin", "Vladimir Putin"),
    ("Rouhani", "Hassan Rouhani"), ("Erdogan", "Recep Tayyip Erdoğan"),
    ("Erdoğan", "Recep Tayyip Erdoğan"), ("Qassem Soleimani", "Qasem Soleimani"),
    ("Soleimani", "Qasem Soleimani"), ("al-Assad", "Bashar al-Assad"), ("Obama", "Barack Obama"),
    ("Trump", "Donald Trump"), ("Kerry", "John Kerry"), ("Tillerson", "Rex Tillerson"),
    ("Mattis", "Jim Mattis"), ("Lavrov", "Sergei Lavrov"), ("Zarif", "Mohammad Javad Zarif"),
    ("Khamenei", "Ali Khamenei"), ("MBS", "Mohammed bin Salman"),
    ("Netanyahu", "Benjamin Netanyahu"), ("Sisi", "Abdel Fattah el-Sisi"),
    ("Haftar", "Khalifa Haftar"), ("Xi Jinping", "Xi Jinping"), ("Kim Jong-un", "Kim Jong Un"),
    ("Poroshenko", "Petro Poroshenko"), ("Merkel", "Angela Merkel"),
    ("ISIS", "Islamic State"), ("ISIL", "Islamic State"), ("Daesh", "Islamic State"),
    ("al-Qaida", "al-Qaeda"), ("al Qaeda", "al-Qaeda"),
    ("AQAP", "al-Qaeda in the Arabian Peninsula"), ("Hezbollah", "Hizballah"),
    ("Hizbullah", "Hizballah"), ("Hamas", "Hamas"), ("Houthi", "Houthis"),
    ("Ansar Allah", "Houthis"), ("IRGC", "Islamic Revolutionary Guard Corps"),
    ("Revolutionary Guards", "Islamic Revolutionary Guard Corps"), ("Quds Force", "Qods Force"),
    ("IRGC-QF", "Qods Force"), ("YPG", "People's Protection Units"),
    ("SDF", "Syrian Democratic Forces"), ("PKK", "Kurdistan Workers' Party"),
    ("Peshmerga", "Peshmerga"), ("Taliban", "Taliban"),
    ("Jabhat Fateh al-Sham", "al-Nusra Front"), ("HTS", "al-Nusra Front"),
    ("Hashd al-Shaabi", "Popular Mobilization Forces"),
    ("Shi'a militias", "Popular Mobilization Forces"), ("UN", "United Nations"),
    ("UN Security Council", "UN Security Council"), ("NATO", "NATO"), ("EU", "European Union"),
    ("GCC", "Gulf Cooperation Council"), ("OPEC", "OPEC"),
    ("IAEA", "International Atomic Energy Agency"), ("P5+1", "P5+1"),
    ("Arab League", "Arab League"), ("OSCE", "OSCE"),
    ("GAO", "Government Accountability Office"), ("USGS", "U.S. Geological Survey"),
    ("NOAA", "National Oceanic and Atmospheric Administration"),
    ("USINDOPACOM", "U.S. Indo-Pacific Command"), ("Department of the Army", "U.S. Army"),
    ("ISA", "International Seabed Authority"),
])
def test_resolve_actor_knows_the_aliases_briefs_use(alias, actor):
    assert resolve_actor(alias)["actor"] == actor


@pytest.mark.offline
@pytest.mark.parametrize("holder, country", [
    ("U.S. officials", "United States"), ("Russian officials", "Russia"),
    ("Iranian officials", "Iran"), ("Gulf states", ""), ("experts", ""), ("analysts", ""),
])
def test_group_holders_map_to_their_country_or_to_none(holder, country):
    row = resolve_actor(holder)
    assert row["actor_type"] == "group_holder" and row["country"] == country


@pytest.mark.offline
def test_resolve_actor_ignores_the_article_and_possessive_and_respects_case():
    assert resolve_actor("the United States")["actor"] == "United States"
    assert resolve_actor("Iran’s")["actor"] == "Iran"
    assert resolve_actor("Georgia")["actor"] == "Georgia"  # the state needs no cue
    assert resolve_actor("us") is None
    assert resolve_actor("Atlantis") is None


# --- find_actors: the tricky cases -------------------------------------------------------


@pytest.mark.offline
def test_hyphenated_pair_yields_both_states():
    text = "They resent U.S.-Saudi machinations."
    assert named(text) == [("United States", "U.S."), ("Saudi Arabia", "Saudi")]
    assert [(m.start, m.end) for m in find_actors(text)] == [(12, 16), (17, 22)]


@pytest.mark.offline
@pytest.mark.parametrize("dash", ["-", "\u2013"])
def test_qods_force_long_name_is_one_mention_not_also_the_irgc(dash):
    text = f"Iran’s Islamic Revolutionary Guard{dash}Qods Force (IRGC-QF) advisors"
    assert named(text) == [("Iran", "Iran"),
                           ("Qods Force", f"Islamic Revolutionary Guard{dash}Qods Force"),
                           ("Qods Force", "IRGC-QF")]


@pytest.mark.offline
@pytest.mark.parametrize("text", ["Iran's stockpile", "Iran’s stockpile", "Iran’s"])
def test_possessives_are_found_and_left_out_of_the_span(text):
    assert named(text) == [("Iran", "Iran")]


@pytest.mark.offline
def test_compounds_with_hyphens():
    assert named("the U.S.-led ousting") == [("United States", "U.S.")]
    assert named("the Russia-Iran relationship") == [("Russia", "Russia"), ("Iran", "Iran")]
    assert named("anti-Assad rebels") == [("Bashar al-Assad", "Assad")]


@pytest.mark.offline
def test_us_only_in_capitals_and_not_in_a_run_of_capitals():
    assert named("Let us see what the US does.") == [("United States", "US")]
    assert named("LET US GO") == []
    assert named("a US$5 billion loan") == []


@pytest.mark.offline
def test_is_only_in_capitals_and_not_in_a_run_of_capitals():
    assert named("IS fighters retreated; the city is calm.") == [("Islamic State", "IS")]
    assert named("WHAT IS NEXT") == []


@pytest.mark.offline
def test_georgia_the_us_state_is_told_apart_by_context():
    assert actors_in("Georgia and Russia fought in 2008.") == ["Georgia", "Russia"]
    assert actors_in("Georgia's governor signed the bill in Atlanta.") == ["Georgia (U.S. state)"]
    assert actors_in("Georgia voted early.") == ["Georgia"]
    assert actors_in("Georgia voted early.",
                     context="Turnout in Atlanta was high. Georgia voted early.") == [
        "Georgia (U.S. state)"]


@pytest.mark.offline
def test_jordan_and_chad_as_given_names_are_not_states():
    assert actors_in("Rep. Jim Jordan said so, and Chad Wolf agreed.") == []
    assert actors_in("Refugees fled to Jordan and to Chad.") == ["Jordan", "Chad"]
    assert actors_in("King Abdullah of Jordan met Jordanian officials.") == [
        "King Abdullah II", "Jordan", "Jordanian officials"]


@pytest.mark.offline
def test_names_need_a_capital_initial():
    assert named("Turkey objected; the turkey was roasted.") == [("Turkey", "Turkey")]
    assert named("the west of the country, and the West") == [("the West", "the West")]


@pytest.mark.offline
def test_china_and_the_republic_of_china():
    assert actors_in("the Republic of China and the People's Republic of China") == [
        "Taiwan", "China"]
    assert actors_in("China and the South China Sea") == ["China", "South China Sea"]


@pytest.mark.offline
def test_the_two_congos():
    assert actors_in("the Democratic Republic of the Congo and the Republic of the Congo") == [
        "Democratic Republic of the Congo", "Republic of the Congo"]
    assert actors_in("Fighting in Congo spread.") == ["Democratic Republic of the Congo"]
    assert actors_in("In Brazzaville, Congo held a referendum.") == [
        "Republic of the Congo", "Republic of the Congo"]


@pytest.mark.offline
def test_plain_korea_is_the_peninsula_unless_a_cue_says_which():
    assert actors_in("North Korea and South Korea") == ["North Korea", "South Korea"]
    assert actors_in("the Korean Peninsula") == ["Korean Peninsula"]
    assert actors_in("Korea was divided in 1945.") == ["Korean Peninsula"]
    assert actors_in("Pyongyang said Korea will never disarm.") == ["North Korea", "North Korea"]


@pytest.mark.offline
@pytest.mark.parametrize("text, expected", [
    ("Sudan and South Sudan", ["Sudan", "South Sudan"]),
    ("Niger and Nigeria", ["Niger", "Nigeria"]),
    ("Guinea, Equatorial Guinea, Guinea-Bissau and Papua New Guinea",
     ["Guinea", "Equatorial Guinea", "Guinea-Bissau", "Papua New Guinea"]),
    ("Dominica and the Dominican Republic", ["Dominica", "Dominican Republic"]),
])
def test_states_whose_names_contain_each_other(text, expected):
    assert actors_in(text) == expected


@pytest.mark.offline
def test_washington_as_metonym_name_and_newspaper():
    assert actors_in("Washington warned Moscow.") == ["United States", "Russia"]
    assert actors_in("The Washington Post reported it.") == ["Washington Post"]
    assert actors_in("He studied at George Washington University.") == []


@pytest.mark.offline
def test_longest_match_wins_even_when_it_starts_inside_another():
    assert named("Lebanese Hizballah") == [("Hizballah", "Lebanese Hizballah")]
    assert actors_in("efforts by the Gulf Cooperation Council states (GCC: Saudi Arabia)") == [
        "Gulf states", "Gulf Cooperation Council", "Saudi Arabia"]


@pytest.mark.offline
def test_a_surname_after_another_given_name_is_someone_else():
    assert actors_in("Trump and Ivanka Trump") == ["Donald Trump", "Ivanka Trump"]
    assert actors_in("He thanked Melania Trump.") == []
    assert actors_in("His uncle Rifaat al-Assad fled.") == []
    assert actors_in("Syrian President Bashar al-Assad") == ["Syria", "Bashar al-Assad"]


@pytest.mark.offline
def test_aliases_that_need_a_cue():
    assert actors_in("Kim Kardashian arrived.") == []
    assert actors_in("Kim tested another missile.") == ["Kim Jong Un"]
    assert actors_in("Salman Rushdie spoke.") == []


@pytest.mark.offline
def test_non_actor_phrases_block_shorter_aliases():
    assert actors_in("the Paris Agreement and the Minsk agreements") == []
    assert actors_in("implementation of Minsk stalled") == []
    assert actors_in("Lukashenko hosted the talks in Minsk.") == ["Alexander Lukashenko", "Belarus"]


@pytest.mark.offline
def test_group_holders_in_a_sentence():
    found = find_actors("Many experts and U.S. officials assert that Iran gains.")
    assert [(m.actor, m.actor_type, m.country) for m in found] == [
        ("experts", "group_holder", ""), ("U.S. officials", "group_holder", "United States"),
        ("Iran", "state", "Iran")]


@pytest.mark.offline
def test_mentions_are_named_tuples_whose_span_is_the_text():
    text = "Putin, Erdoğan and Rouhani met in Sochi; Washington and Riyadh objected."
    found = find_actors(text)
    assert all(isinstance(m, Mention) for m in found)
    assert all(text[m.start:m.end] == m.text for m in found)
    assert [m.actor for m in found] == ["Vladimir Putin", "Recep Tayyip Erdoğan",
                                        "Hassan Rouhani", "United States", "Saudi Arabia"]


# --- find_mentions -----------------------------------------------------------------------


@pytest.mark.offline
def test_find_mentions_returns_the_contract_table_with_offsets_into_the_brief():
    corpus = Corpus.from_texts({"b1": "• Iran gains\n\nRussia acts. The U.S. objects."})
    mentions = find_mentions(corpus)
    assert list(mentions.columns[:8]) == MENTION_COLUMNS
    assert mentions[["sent_id", "actor", "text"]].values.tolist() == [
        [0, "Iran", "Iran"], [1, "Russia", "Russia"], [2, "United States", "U.S."]]
    text = corpus.text_of("b1")
    assert all(text[s:e] == t for s, e, t in mentions[["start", "end", "text"]].values)


@pytest.mark.offline
def test_find_mentions_sentence_ids_hold_each_mention():
    corpus = Corpus.from_texts(["Moscow insists. Tehran agrees. Riyadh objects, as does Doha."])
    mentions = find_mentions(corpus)
    sentences = corpus.sentences.set_index("sent_id")
    for row in mentions.itertuples():
        assert sentences.loc[row.sent_id, "start"] <= row.start < row.end <= sentences.loc[
            row.sent_id, "end"]
    assert mentions["sent_id"].tolist() == [0, 1, 2, 2]


@pytest.mark.offline
def test_find_mentions_on_a_corpus_without_actors_is_empty_with_columns():
    mentions = find_mentions(Corpus.from_texts(["Nothing to see here."]))
    assert mentions.empty and list(mentions.columns[:8]) == MENTION_COLUMNS


@pytest.mark.offline
def test_find_mentions_leaves_the_corpus_alone():
    corpus = Corpus.from_texts(["Iran and Russia met."])
    before = corpus.sentences.copy()
    find_mentions(corpus)
    pd.testing.assert_frame_equal(corpus.sentences, before)


@pytest.mark.offline
def test_an_extended_gazetteer_adds_aliases_and_actors():
    extended = load_gazetteer(extra=[
        {"actor": "Donald Trump", "aliases": "POTUS"},
        {"actor": "Wagner Group", "aliases": "Wagner"},
        {"actor": "Concord", "actor_type": "company", "country": "Russia",
         "aliases": "Concord Management"},
    ])
    corpus = Corpus.from_texts(["POTUS spoke of Concord Management."])
    assert find_mentions(corpus, gazetteer=extended)["actor"].tolist() == [
        "Donald Trump", "Concord"]
    assert find_mentions(corpus)["actor"].tolist() == []
    assert len(extended) == len(load_gazetteer()) + 1


@pytest.mark.offline
def test_an_analysts_own_gazetteer_from_a_csv(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("actor,actor_type,country,aliases,notes\n"
                    "Rosatom,company,Russia,Rosatom|ROSATOM,state nuclear company\n",
                    encoding="utf-8")
    corpus = Corpus.from_texts(["Rosatom will build Akkuyu for Turkey."])
    mentions = find_mentions(corpus, gazetteer=path)
    assert mentions[["actor", "country"]].values.tolist() == [["Rosatom", "Russia"]]
    extended = load_gazetteer(extra=path)
    assert find_mentions(corpus, gazetteer=extended)["actor"].tolist() == ["Rosatom", "Turkey"]


@pytest.mark.offline
@pytest.mark.parametrize("body, message", [
    ("actor,actor_type,country,aliases,notes\nIran,state,Iran,Iran,\nX,stat,,X,\n",
     r"row 2 \(line 3\): actor_type 'stat'"),
    ("actor,actor_type,country,aliases,notes\nIran,state,Iran,Iran,\nIran,state,Iran,Persia,\n",
     r"row 2 \(line 3\): actor 'Iran' is also row 1"),
    ("actor,country,aliases\nIran,Iran,Iran\n", r"missing column\(s\) actor_type"),
    ("actor,actor_type,country,aliases,notes\nIran,state,Iran,,\n", r"row 1 .*no aliases"),
    (("actor,actor_type,country,aliases,notes,iso3,cues,needs_cue\n"
      "Iran,state,Iran,Iran,,IRN,Tehran,Persia\n"), r"needs_cue names Persia"),
    ("actor,actor_type,country,aliases,notes,sex\nJane Roe,person,,Jane Roe,,female\n",
     r"row 1 .*sex 'female'"),
])
def test_a_bad_gazetteer_names_the_file_and_the_row(tmp_path, body, message):
    path = tmp_path / "bad.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError, match=message) as info:
        load_gazetteer(path)
    assert str(path) in str(info.value)


@pytest.mark.offline
def test_every_person_has_a_sex_and_no_one_else_has_one(gazetteer):
    people = gazetteer["actor_type"].isin(["leader", "person"])
    assert set(gazetteer.loc[people, "sex"]) == {"f", "m"}
    assert set(gazetteer.loc[~people, "sex"]) == {""}
    assert gazetteer.set_index("actor").loc["Angela Merkel", "sex"] == "f"


@pytest.mark.offline
def test_a_new_actor_in_an_extension_needs_a_full_row(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text("actor,aliases\nDonald Trump,POTUS\nRosatom,Rosatom\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"extra\.csv: row 2 \(line 3\): actor_type ''"):
        load_gazetteer(extra=path)


@pytest.mark.offline
def test_a_missing_gazetteer_file_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="no such gazetteer file"):
        load_gazetteer(tmp_path / "absent.csv")


@pytest.mark.offline
def test_the_matcher_is_built_once_per_gazetteer():
    extended = load_gazetteer(extra=[{"actor": "Donald Trump", "aliases": "POTUS"}])
    assert actors._matcher_for(None) is actors._matcher_for(None)
    assert actors._matcher_for(extended) is actors._matcher_for(extended.copy())


# --- the sample corpus -------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    from briefkit.corpus import load_corpus
    from briefkit.paths import sample_briefs_dir

    folder = sample_briefs_dir()
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) < 5:
        pytest.skip("the sample corpus has fewer than 5 briefs")
    return load_corpus(folder, progress=False, cache=False)


def test_sample_mentions_index_their_briefs(sample):
    mentions = find_mentions(sample)
    texts = dict(zip(sample.briefs["brief_id"], sample.briefs["text"]))
    assert len(mentions) > 20 * len(sample)
    assert all(texts[b][s:e] == t for b, s, e, t in
               mentions[["brief_id", "start", "end", "text"]].values)
    keys = set(zip(sample.sentences["brief_id"], sample.sentences["sent_id"]))
    assert set(zip(mentions["brief_id"], mentions["sent_id"])) <= keys
    assert not mentions.duplicated(["brief_id", "start"]).any()


US_NAMES = re.compile(r"U\.S\.|\bUS\b|\bUSA\b|United States|America|Washington")


def test_sample_sentences_naming_the_united_states_match_the_hand_labels(sample):
    from briefkit.paths import annotations_dir

    labels_path = annotations_dir() / "us_sentiment.csv"
    labelled_path = annotations_dir() / "briefs_labelled.csv"
    if not labels_path.is_file() or not labelled_path.is_file():
        pytest.skip("no hand labels of US sentences")
    labelled = set(pd.read_csv(labelled_path)["brief_id"]) & set(sample.briefs["brief_id"])
    gold = pd.read_csv(labels_path)
    gold = set(zip(gold["brief_id"], gold["sentence"])) & {
        (b, s) for b, s in zip(sample.sentences["brief_id"], sample.sentences["text"])}
    mentions = find_mentions(sample.subset(labelled))
    us = mentions[(mentions["country"] == "United States")
                  & mentions["text"].str.contains(US_NAMES)]
    text_of = sample.sentences.set_index(["brief_id", "sent_id"])["text"]
    found = {(b, text_of[(b, s)]) for b, s in zip(us["brief_id"], us["sent_id"])}
    assert gold - found == set()  # every labelled sentence is found
    assert len(found - gold) <= 0.02 * len(gold)


# --- the seed brief ----------------------------------------------------------------------

# Every naming in the seed brief's text (key points and body), counted by reading it:
# actor -> (the forms used, how many there are). Positions are found by searching.
SEED_NAMINGS = {
    "United States": (r"U\.S\.|United States", 16),
    "Russia": (r"\bRussian?\b|\bMoscow\b", 37),
    "Iran": (r"\bIran(?:ian)?\b|\bTehran\b", 33),
    "Syria": (r"\bSyrian?\b", 17),
    "Saudi Arabia": (r"\bSaudi(?: Arabia)?\b", 5),
    "Hizballah": (r"\bHizballah\b", 7),
    # and a few more actors, by the same reading
    "Bashar al-Assad": (r"(?:President )?(?:Bashar al-)?\bAssad\b", 12),
    "Vladimir Putin": (r"(?:President )?\bPutin\b", 4),
    "Qods Force": (r"Islamic Revolutionary Guard[-–]Qods Force|IRGC-QF", 4),
    "Islamic State": (r"Islamic State", 7),
}


@pytest.fixture(scope="module")
def seed(shared):
    from briefkit.corpus import load_corpus

    files = sorted((shared / "corpora" / "seed-brief").glob("*.txt"))
    if not files:
        pytest.skip("no seed brief in ../shared")
    corpus = load_corpus(files[0], progress=False, cache=False)
    return corpus.briefs["text"].iloc[0], find_mentions(corpus)


@pytest.mark.offline
@pytest.mark.needs_shared
@pytest.mark.parametrize("actor", list(SEED_NAMINGS))
def test_every_naming_in_the_seed_brief_is_found(seed, actor):
    text, mentions = seed
    pattern, hand_count = SEED_NAMINGS[actor]
    spans = [m.span() for m in re.finditer(pattern, text)]
    assert len(spans) == hand_count  # the search finds what the reading counted
    covering = mentions[(mentions["actor"] == actor) | (mentions["country"] == actor)]
    for start, end in spans:
        hits = covering[(covering["start"] <= start) & (covering["end"] >= end)]
        assert len(hits) == 1, f"{actor}: {text[start:end]!r} at {start} not found"


@pytest.mark.offline
def test_find_mentions_is_computed_once_per_corpus(monkeypatch):
    """Claims and sentiment ask for the mentions again: they get the table found first."""
    calls = []
    matcher_for = actors._matcher_for
    monkeypatch.setattr(actors, "_matcher_for", lambda g: calls.append(g) or matcher_for(g))
    texts = ["Putin met Erdoğan. Ankara balked.", "Tehran rejects the plan."]
    first = find_mentions(Corpus.from_texts(texts))
    first["actor"] = "changed"  # the caller's copy
    again = find_mentions(Corpus.from_texts(texts))
    assert len(calls) == 1
    assert again["actor"].tolist() == ["Vladimir Putin", "Recep Tayyip Erdoğan", "Turkey", "Iran"]
    pd.testing.assert_frame_equal(again, find_mentions.__wrapped__(Corpus.from_texts(texts)))


@pytest.mark.parametrize("text, expected", [
    ("He met the Popular Mobilization Forces. Abadi refused.",
     ["Popular Mobilization Forces", "Abadi"]),
    ("They courted the Copts. Haftar said no.", ["Haftar"]),
    ("It split the tribes.\n\nThe Assad government held.", ["Assad"]),
    ("Gen. Abadi spoke.", ["Abadi"]),
])
def test_a_name_after_a_sentence_break_is_its_own(text, expected):
    """A capitalised word that ends the sentence before, or a paragraph break, does not make
    a surname part of another name; an abbreviation before it still may."""
    assert [m.text for m in find_actors(text)] == expected


@pytest.mark.offline
def test_a_us_agency_is_its_own_actor_and_speaks_for_the_united_states():
    text = "The U.S. Navy and the Government Accountability Office disagree."
    found = find_mentions(Corpus.from_texts([text]))
    assert found["actor"].tolist() == ["U.S. Navy", "Government Accountability Office"]
    assert set(found["country"]) == {"United States"}


# --- US federal bodies (the public record's departments, agencies, offices and courts) ---


@pytest.mark.offline
@pytest.mark.parametrize("alias, actor", [
    ("EPA", "Environmental Protection Agency"),
    ("U.S. Environmental Protection Agency", "Environmental Protection Agency"),
    ("FEMA", "Federal Emergency Management Agency"), ("IRS", "Internal Revenue Service"),
    ("NREL", "National Renewable Energy Laboratory"),
    ("HHS", "Department of Health and Human Services"),
    ("Justice Department", "Department of Justice"), ("USDA", "U.S. Department of Agriculture"),
    ("United States Mint", "U.S. Mint"), ("Fish and Wildlife Service",
                                          "U.S. Fish and Wildlife Service"),
    ("CBO", "Congressional Budget Office"), ("JCT", "Joint Committee on Taxation"),
    ("National Aeronautics and Space Administration", "NASA"), ("Fed", "Federal Reserve"),
    ("DOE", "Department of Energy"), ("Army Corps of Engineers", "U.S. Army Corps of Engineers"),
    ("Court of Appeals for the Federal Circuit", "Federal Circuit"),
    ("9th Circuit", "Ninth Circuit"), ("EAC", "U.S. Election Assistance Commission"),
])
def test_us_federal_bodies_resolve_to_their_plain_full_names(alias, actor):
    row = resolve_actor(alias)
    assert row["actor"] == actor and row["country"] == "United States"


@pytest.mark.offline
def test_us_federal_bodies_share_no_alias_with_another_row(gazetteer):
    keys: dict = {}
    for row in gazetteer.itertuples():
        for alias in row.aliases.split("|"):
            keys.setdefault(actors._alias_key(alias), set()).add(row.actor)
    us_bodies = gazetteer[gazetteer["actor_type"].isin(["state_agency", "state_force"])
                          & (gazetteer["country"] == "United States")]
    assert len(us_bodies) > 100 and (us_bodies["iso3"] == "USA").all()
    for row in us_bodies.itertuples():
        shared = {a: keys[actors._alias_key(a)] for a in row.aliases.split("|")
                  if len(keys[actors._alias_key(a)]) > 1
                  and a not in row.needs_cue.split("|")}  # cues decide those
        assert not shared, row.actor


@pytest.mark.offline
def test_a_us_body_named_with_or_without_us_is_one_actor():
    text = ("The U.S. Environmental Protection Agency and FEMA wrote to the IRS; the EPA "
            "later asked the Census Bureau for county data.")
    assert actors_in(text) == ["Environmental Protection Agency",
                               "Federal Emergency Management Agency",
                               "Internal Revenue Service", "Environmental Protection Agency",
                               "U.S. Census Bureau"]


@pytest.mark.offline
def test_abbreviations_that_are_words_or_other_things_are_left_out():
    text = "The FTA cut tariffs on ICE engines while ED and VA staff met at the DOT office."
    assert actors_in(text) == []
    assert actors_in("Ships of the China Coast Guard shadowed a U.S. Coast Guard cutter.") == [
        "China", "U.S. Coast Guard"]


@pytest.mark.offline
def test_a_plain_supreme_court_is_the_us_court_only_with_a_cue():
    assert actors_in("The Supreme Court agreed to hear it.") == []
    assert actors_in("The Supreme Court agreed to hear it.",
                     context="A writ of certiorari came. The Supreme Court agreed to hear it.") == [
        "U.S. Supreme Court"]
    assert actors_in("Israel's Chief Justice led the Supreme Court in striking the law down.") == [
        "Israel"]
    assert actors_in("The U.S. Supreme Court struck the law down.") == ["U.S. Supreme Court"]


@pytest.mark.offline
def test_a_plain_mint_is_the_us_mint_only_after_its_full_name():
    assert actors_in("The Mint struck a silver coin.") == []
    assert actors_in("The Mint struck a silver coin.",
                     context="The U.S. Mint sells proofs. The Mint struck a silver coin.") == [
        "U.S. Mint"]


@pytest.mark.offline
def test_a_us_body_is_the_holder_of_its_view_and_its_name_still_names_the_united_states():
    from briefkit.claims import extract_claims
    from briefkit.sentiment import find_target_spans

    text = ("According to the U.S. Environmental Protection Agency, the new blend cuts smog. "
            "The IRS said that refunds rose in the spring.")
    claims = extract_claims(Corpus.from_texts([text]))
    assert claims.loc[claims["kind"] == "reported", ["holder", "holder_country"]
                      ].values.tolist() == [
        ["Environmental Protection Agency", "United States"],
        ["Internal Revenue Service", "United States"]]
    assert find_target_spans("The U.S. Environmental Protection Agency set a rule.") == [(4, 8)]


def test_gulf_capitals_name_the_gulf_states_as_european_capitals_name_europeans():
    from briefkit.claims import find_holders

    found = find_holders("The new tariff leaves Gulf capitals uneasy about oil prices.")
    assert [(h.holder, h.cue) for h in found] == [("Gulf states", "uneasy")]


def test_critics_in_congress_are_members_of_congress():
    """Unnamed members of Congress are "members of Congress" (scheme, case 14)."""
    from briefkit.claims import find_holders

    found = find_holders("Critics in Congress argue that the new visa waiver bill invites abuse.")
    assert [(h.holder, h.holder_country) for h in found] == [
        ("members of Congress", "United States")]


@pytest.mark.offline
def test_washington_beside_another_state_is_the_national_government_whatever_the_brief():
    # A brief on a Chinese leader's tour that names Seattle once: the cue decides a plain
    # "Washington" only where its own sentence says nothing; beside another state, or one
    # of that state's leaders and organs, it is the United States.
    brief = ("The Chinese president opened his tour at a factory near Seattle. "
             "Later Washington and Beijing agreed to curb the theft of trade secrets.")
    second = brief[brief.index("Later"):]
    assert actors_in(second, context=brief) == ["United States", "China"]
    envoy = "Xi sent an envoy to Washington before the summit."
    assert actors_in(envoy, context=brief + " " + envoy) == ["Xi Jinping", "United States"]
    talks = "Talks between Washington, Tokyo and Seoul resumed."
    assert actors_in(talks, context=brief + " " + talks)[0] == "United States"
    # The sentence's own cue still wins, and without any signal the brief's cue decides.
    own = "Washington's governor welcomed a Chinese delegation to Olympia."
    assert actors_in(own, context=brief + " " + own) == ["Washington (U.S. state)", "China"]
    plain = "Washington grows most of the apples sold in the country."
    assert actors_in(plain, context=brief + " " + plain) == ["Washington (U.S. state)"]
    assert actors_in("Washington and Beijing agreed.") == ["United States", "China"]
    # The readings' own countries are no other state: a US leader beside "Georgia" in a
    # brief on Atlanta leaves the brief's cue to decide; Russia does not.
    atlanta = "The campaign opened an office in Atlanta. "
    won = "Trump won Georgia in 2016."
    assert actors_in(won, context=atlanta + won) == ["Donald Trump", "Georgia (U.S. state)"]
    war = "Georgia and Russia fought in 2008."
    assert actors_in(war, context=atlanta + war) == ["Georgia", "Russia"]


@pytest.mark.parametrize("text, expected", [
    # a state organ with its nationality adjective capitalised and the rest in lower case
    ("The North Korean foreign ministry issued a statement.",
     [("North Korean Foreign Ministry", "North Korean foreign ministry")]),
    ("A spokesman at the Syrian foreign ministry declined.",
     [("Syrian Foreign Ministry", "Syrian foreign ministry")]),
    # the whole name in lower case, or a name that opens with no state's adjective, is not
    ("the syrian foreign ministry", []),
    ("a new guardian council", []),
])
def test_a_state_organ_may_be_written_in_lower_case_after_its_adjective(text, expected):
    assert named(text) == expected


def test_a_plural_title_does_not_hide_the_names_after_it():
    assert actors_in("In March, Presidents Obama and Putin spoke by phone.") == [
        "Barack Obama", "Vladimir Putin"]
