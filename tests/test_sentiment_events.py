"""Tone toward a target, session 26: the event frame (data/events.csv). Harm or help to a
state told as an event that it, or one of its assets, undergoes (sentences written for these
tests)."""

from __future__ import annotations

import pandas as pd
import pytest
from tone_support import score_named, word_features

from briefkit import resources
from briefkit.sentiment import (
    FEATURES,
    MODEL_FILE,
    UNFITTED_SCALE,
    default_model,
    event_frame,
    model_from_frame,
    rules_prior,
    score_target,
)

BOTH = ("model", "rules")


@pytest.mark.offline
def test_the_frame_lists_whole_classes_with_a_patient_valence():
    table = resources.read_data_csv("events.csv")
    assert list(table.columns) == ["term", "class", "form", "patient", "agent", "reason"]
    assert set(table["class"]) == {"attack", "removal", "defiance", "pressure", "alignment",
                                   "cooperation", "commerce"}
    assert set(table["form"]) == {"verb", "noun"}
    assert not table.duplicated(["term", "form"]).any()
    assert (table["reason"].str.len() > 0).all()
    patient = table["patient"].astype(float)
    harm = table["class"].isin(["attack", "removal", "defiance", "pressure"])
    assert (patient[harm] < 0).all() and (patient[~harm] > 0).all()
    assert (table["agent"].astype(float) == 0).all()  # the target's own act: neutral
    assert event_frame()["expel"][0][1].cls == "removal"


@pytest.mark.offline
@pytest.mark.parametrize("text, name, word", [
    ("Rioters stormed the U.S. consulate in Basra late on Friday.", "U.S.", "stormed"),
    ("Gunmen besieged the American mission for two days.", "American", "besieged"),
    ("Rebels shot down a U.S. drone over the strait.", "U.S.", "shot down"),
    ("The assembly voted for the eviction of American forces.", "American", "eviction"),
    ("The regime has quietly sidelined Washington in the talks.", "Washington", "sidelined"),
    ("The president bluntly rebuffed Washington's request.", "Washington", "rebuffed"),
    ("The envoy urged Washington to think again.", "Washington", "urged"),
    ("U.S. patrols came under fire near the river.", "U.S.", "fire"),
    ("The U.S. embassy compound in Tripoli was overrun by a mob.", "U.S.", "overrun"),
])
def test_harm_the_target_or_its_assets_undergo_is_negative(text, name, word):
    for method in BOTH:
        found = score_named(text, name, method=method)
        assert found.label == "negative", (method, found)
        assert f"{word}(" in found.evidence and "event: " in found.evidence
    assert word_features(text, name)[word] == "event_neg"


@pytest.mark.offline
@pytest.mark.parametrize("text, name, word", [
    ("Oslo joined the U.S.-led naval mission last month.", "U.S.", "joined"),
    ("Ankara turned to Washington for air defense.", "Washington", "turned to"),
    ("The ministry agreed to buy more American soybeans.", "American", "buy"),
    ("Hanoi will coordinate with Washington on patrols.", "Washington", "coordinate with"),
])
def test_help_or_alignment_with_the_target_is_positive(text, name, word):
    for method in BOTH:
        found = score_named(text, name, method=method)
        assert found.label == "positive", (method, found)
        assert f"{word}(" in found.evidence
    assert word_features(text, name)[word] == "event_pos"


@pytest.mark.offline
@pytest.mark.parametrize("text, name", [
    ("U.S. forces struck a depot near the border.", "U.S."),  # the target acts
    ("The United States expelled two attaches.", "United States"),
    ("Strikes by U.S. jets hit a depot.", "U.S."),  # "by": the target is the agent
    ("U.S. officials have welcomed the decision.", "U.S."),  # active, not a passive
    ("He said he would not cut ties with Washington.", "Washington"),  # no event happened
    ("The Countering America's Adversaries Act passed.", "America's"),  # a title
])
def test_no_event_where_the_target_is_not_the_patient(text, name):
    start = text.index(name)
    found = score_target(text, start, start + len(name), method="rules")
    assert "event:" not in found.evidence, found


@pytest.mark.offline
def test_evidence_says_which_asset_undergoes_the_event():
    found = score_named("Protesters besieged the U.S. embassy overnight.", "U.S.")
    assert "besieged(" in found.evidence
    assert "event: attack on the target's embassy" in found.evidence


@pytest.mark.offline
def test_a_model_table_without_a_feature_weighs_it_by_its_prior():
    # a weights table written before the event features existed still loads: the features
    # it lacks take their prior weight until the model is refitted
    table = default_model().to_frame()
    table = table[~table["feature"].isin(["event_neg", "event_pos"])]
    model, prior = model_from_frame(table), rules_prior(UNFITTED_SCALE)
    for name in ("event_neg", "event_pos"):
        j = FEATURES.index(name)
        assert (model.weights[:, j] == prior.weights[:, j]).all()
        assert model.weights[:, j].any()


@pytest.mark.offline
def test_the_shipped_model_is_fitted_on_the_event_features():
    # the shipped table has fitted rows for them (not the prior's, filled in on loading)
    table = resources.read_data_csv(MODEL_FILE)
    fitted = table[table["feature"].isin(["event_neg", "event_pos"])]
    assert len(fitted) == 6 and pd.to_numeric(fitted["weight"]).abs().sum() > 0


@pytest.mark.offline
@pytest.mark.parametrize("text, name, word", [
    ("The council vetoed a U.S. draft on the ceasefire.", "U.S.", "vetoed"),
    ("Caracas broke relations with Washington last week.", "Washington", "broke relations with"),
])
def test_vetoes_and_broken_relations_are_defiance_and_removal(text, name, word):
    for method in BOTH:
        found = score_named(text, name, method=method)
        assert found.label == "negative" and f"{word}(" in found.evidence, (method, found)


@pytest.mark.offline
def test_an_event_in_the_clause_that_yields_is_a_fact_not_a_conceded_good():
    # CONCEDED: a help the target received, in a "while" clause, stays a help to it
    text = "Rome has voiced doubts, while Athens has joined the U.S.-led mission."
    assert word_features(text, "U.S.")["joined"] == "event_pos"


@pytest.mark.offline
def test_a_participle_with_its_agent_after_by_is_a_passive():
    text = "Two U.S. convoys ambushed by the militia lost several trucks."
    for method in BOTH:
        found = score_named(text, "U.S.", method=method)
        assert found.label == "negative" and "ambushed(" in found.evidence, (method, found)
    assert word_features(text, "U.S.")["ambushed"] == "event_neg"


@pytest.mark.offline
def test_that_after_an_event_verb_opens_a_clause_not_a_patient():
    # "warned that U.S. ships would ..." is a warning about the ships' course, not pressure
    # the ships undergo: the event does not reach them
    text = "The minister warned that U.S. ships would soon leave the strait."
    assert word_features(text, "U.S.").get("warned") != "event_neg"


@pytest.mark.offline
@pytest.mark.parametrize("verb", ["set", "rolled", "pushed"])
def test_back_as_the_particle_of_a_phrasal_verb_is_no_support(verb):
    # "set back Washington's effort" harms the effort; "back" there is no verb of backing
    text = f"A deal with Moscow would {verb} back Washington's effort to reopen the embassy."
    assert word_features(text, "Washington").get("back") != "event_pos"
