"""Claims helper C, session 26: found claims the scheme (data/annotations/README.md) has
none for. Sentences written in our own words."""

from briefkit.reported import find_holders


def _cues(sentence: str) -> set:
    return {(h.holder_country, h.cue) for h in find_holders(sentence)}


def test_express_with_a_bare_attitude_noun_states_nothing():
    # an attitude expressed with nothing stated is no claim (attitude nouns with nothing
    # stated are not claims: a claim has content)
    assert _cues("Ottawa expressed deep regret and recalled its envoy.") == set()
    assert _cues("The Canadian foreign ministry voiced strong disapproval, and officials "
                 "left the talks.") == set()
    assert ("Canada", "concern") not in _cues(
        "Canada's trade ministry expressed grave concern and warned that the tariffs would "
        "hurt farmers.")
    assert ("Canada", "warn") in _cues(
        "Canada's trade ministry expressed grave concern and warned that the tariffs would "
        "hurt farmers.")
    # with what is felt stated, it is a claim
    assert ("Canada", "concern") in _cues("Ottawa expressed concern about the new tariffs.")
    assert _cues("Ottawa expressed its sympathy for the victims.") != set()
    assert ("Canada", "express") in _cues("Ottawa expressed solidarity with Mexico.")
