"""Claims of session 30 (nc30): noun cues whose holder is a possessive, an adjective or a
phrase after the noun, read through the noun phrase around the cue. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")
contents = views_of("holder", "cue", "content")


# --- a named genitive, then qualifying adjectives, then the noun cue --------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The vote would undo Washington's modest effort to loosen Minsk's ties to Moscow.",
     ("United States", "effort", "to loosen Minsk's ties to Moscow")),
    ("State media repeated Beijing's familiar call for talks without preconditions.",
     ("China", "call", "talks without preconditions")),
    ("Analysts noted Tehran's long-held view that sanctions cannot last.",
     ("Iran", "view", "sanctions cannot last")),
])
def test_a_genitive_holds_a_noun_cue_after_qualifying_adjectives(sentence, expected):
    assert expected in contents(sentence)


@pytest.mark.parametrize("sentence", [
    # a noun modifier: a phone call, not an appeal
    "President Trump's condolence call to the soldier's widow dominated coverage.",
    # a classifying adjective: a place held, not a stance
    "A closer union would strengthen Russia's military position on NATO's eastern flank.",
    # a plural noun modifier
    "The talks left Moscow's security concerns unaddressed for now.",
])
def test_nouns_and_classifying_adjectives_do_not_open_to_the_genitive(sentence):
    assert views(sentence) == []


# --- a participle set off by commas between the noun and its "to" -----------------------

def test_a_participle_aside_does_not_cut_a_decision_from_its_act():
    assert ("Japan", "decide", "to begin releasing treated water in late August") in contents(
        "Opinion in Seoul may be tested by Tokyo's decision, announced on August 22, "
        "to begin releasing treated water in late August.")


def test_an_aside_without_a_following_act_is_no_decision():
    found = views("Tokyo's decision, announced on August 22, angered Seoul.")
    assert all(cue != "decide" for _, cue in found)
