"""Estimative terms: "possible" after linking verbs, "most likely" as a comparison, and "may"
and "could" of a rule of law."""

from __future__ import annotations

import pytest

from briefkit.estimative import find_estimative_terms, load_estimative_terms


def _terms(text: str) -> list[str]:
    return [t.term for t in find_estimative_terms(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # "possible" as a likelihood after a linking verb or a degree word
    ("A truce in the north seemed possible in March.", ["seems", "possible"]),
    ("A second round is likely, not merely possible.", ["likely", "possible"]),
    ("An accord has become possible since the vote.", ["possible"]),
    # ... and not in its set phrases
    ("The envoy will return as soon as possible.", []),
    ("Aid made the crossing possible.", []),
    ("They weighed every possible route.", []),
    ("It was the best possible outcome for Amman.", []),
    # "most likely" is one term, a comparison, not "likely" alone
    ("Sanctions are the step most likely to follow.", ["most likely"]),
    ("The most likely outcome is a delay.", ["most likely"]),
    # ... and so are its one-word forms and "least likely", never "likely" alone
    ("The likeliest cost of the vote is distraction.", ["likeliest"]),
    ("Of the three, a partial deal is likelier.", ["likelier"]),
    ("The least likely outcome is an open break.", ["least likely"]),
])
def test_possible_and_most_likely(text, expected):
    assert _terms(text) == expected


def test_most_likely_is_unquantified_like_more_likely():
    table = load_estimative_terms().set_index("term")
    most, more = table.loc["most likely"], table.loc["more likely"]
    assert bool(most["unquantified"]) and most["band"] == more["band"] == "comparison"
    assert (most["prob_low"], most["prob_high"]) == (more["prob_low"], more["prob_high"])
    assert most["source"]
    for term in ("likeliest", "likelier", "least likely"):
        row = table.loc[term]
        assert bool(row["unquantified"]) and row["band"] == "comparison" and row["source"]


@pytest.mark.parametrize(("text", "expected"), [
    # what a rule of law permits or empowers is no judgment of likelihood
    ("The Secretary may waive the requirement for any partner that shares data.", []),
    ("A court may stay the case until the talks conclude.", []),
    ("The transfer may not proceed unless both chambers approve it.", []),
    ("Congress can pass a joint resolution, which the President could veto.", []),
    ("The act names radars among the items that may be provided to Kyiv.", []),
    ("Both sides still limit where the inspectors may go.", []),
    # ... while the same words with no rule in view are judgments
    ("Russia could veto the draft in the Council.", ["could"]),
    ("Moscow may suspend its part in the treaty.", ["may"]),
    ("A future president could reverse the order.", ["could"]),
    ("The money may be used to arm proxies.", ["may"]),
    ("A resolution of disapproval may pass the House.", ["may"]),
])
def test_modals_of_law_are_no_judgments(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what a treaty lets a party do is no judgment of likelihood
    ("Under the pact, a party may leave after giving a year's notice.", []),
    ("If talks fail, the complaining party may raise its duties, and the other party may not "
     "retaliate.", []),
    ("The observed state may send its own officers along on each flight.", []),
    ("Either party could end the arrangement by letter.", []),
    # ... while a named party's "may" is still a judgment
    ("Ankara may leave the pact if the talks fail.", ["may"]),
    ("The ruling party may lose its majority in April.", ["may"]),
])
def test_a_treaty_partys_may_is_no_judgment(text, expected):
    assert _terms(text) == expected
