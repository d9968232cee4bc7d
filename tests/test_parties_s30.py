"""Holders written with a U.S. party as their noun are the party (case 21 of
data/annotations/README.md, settled in session 30); holders written with members or
legislators as their noun stay members of Congress (case 14). Sentences in our own words."""

import pytest

from briefkit.reported import find_holders

CONGRESS_BEFORE = "The U.S. Congress debated the bill on Monday."


def _views(sentence: str) -> set:
    import briefkit as bk

    corpus = bk.Corpus.from_texts({"a": f"{CONGRESS_BEFORE} {sentence}"})
    claims = bk.extract_claims(corpus)
    found = claims[(claims["kind"] == "reported") & (claims["sent_id"] == 1)]
    return set(zip(found["holder"], found["cue"]))


@pytest.mark.parametrize("sentence, holder, cue", [
    ("Many Democrats in Congress argued that the tariff hurts farmers.",
     "Democratic Party", "argue"),
    ("Republicans in Congress argue that the revocation emboldened the militia.",
     "Republican Party", "argue"),
    ("Democratic leaders supported the Administration's action.", "Democratic Party",
     "support"),
    ("Some Republicans, including Senator Jane Roe, welcomed the move.", "Republican Party",
     "welcome"),
    ("Senator Jane Roe and other Democrats described the decision as a gift to Moscow.",
     "Jane Roe|Democratic Party", "describe"),
    ("Democratic leaders and some Republicans warn that the war lacks any authorization.",
     "Democratic Party|Republican Party", "warn"),
])
def test_a_party_noun_is_the_party(sentence, holder, cue):
    assert (holder, cue) in _views(sentence)


@pytest.mark.parametrize("sentence, holder, cue", [
    ("Several Republican senators argued that the deal was weak.", "members of Congress",
     "argue"),
    ("Republican lawmakers argued that the deal was weak.", "members of Congress", "argue"),
    ("Senator Jane Roe and others said that the law went too far.",
     "Jane Roe|members of Congress", "say"),
    ("Other members, including Representative Jane Roe, argued that the aid should "
     "continue.", "members of Congress", "argue"),
])
def test_members_or_legislators_stay_members_of_congress(sentence, holder, cue):
    assert (holder, cue) in _views(sentence)


def test_a_foreign_party_of_the_same_word_is_not_a_us_party():
    found = {(h.holder, h.cue) for h in find_holders(
        "In Seoul, South Korea's Democratic Party argued that the decree was unlawful.")}
    assert ("Democratic Party", "argue") not in found
