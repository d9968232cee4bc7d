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


def test_a_name_given_is_no_characterisation():
    # a proper name or a code given to a thing is naming, an act (case 5), not a view
    assert _cues("The accord, which Ottawa calls the 'Northern Compact', takes effect in "
                 "May.") == set()
    assert _cues("The breach was traced to a group that analysts call FIN12 and FIN13.") \
        == set()
    assert _cues("In the drill, imaginary countries called Ostland and Westria attacked "
                 "the border.") == set()
    # a characterisation is a view (case 10)
    assert ("Canada", "call") in _cues("Ottawa calls the accord a betrayal.")
    assert ("Canada", "call") in _cues("The accord, which Ottawa calls a betrayal, takes "
                                       "effect in May.")


def test_offering_nothing_proposes_nothing():
    # "offered nothing (new)", "offered no alternative": no proposal is made, no view held
    assert _cues("Canadian officials said Mexico had offered nothing new.") == {
        ("Canada", "say")}
    assert ("Canada", "offer") not in _cues("Ottawa has offered no workable alternative to "
                                            "the tariff plan.")
    assert ("Canada", "offer") not in _cues("They are bargaining with a government that has "
                                            "offered nothing on fishing rights.")
    # an offer made is a proposal, a view
    assert ("Canada", "offer") in _cues("Ottawa offered joint patrols on its own terms.")
    assert ("Canada", "offer") in _cues("Ottawa offered to mediate between the two sides.")


def test_a_fund_or_a_poll_that_supports_holds_no_view():
    # "supports" of a fund (it pays for) or of polling (it bears out): no one's view
    assert _cues("The Market Access Fund supports trade missions for Canadian exporters.") \
        == set()
    assert ("", "support") not in _cues("Polling supports that reading: most Canadians "
                                        "favour the accord.")
    assert _cues("The Northern Grants Program backs projects in remote towns.") == set()
    # a body or a people that supports something holds a view
    assert ("Canada", "support") in _cues("Ottawa supports the new trade missions.")
    assert ("", "back") in _cues("The Lima Group backs pressure on Caracas.")


def test_treat_or_consider_something_separately_is_handling():
    # handled or weighed apart from something else: an act, not a view of what it is
    assert _cues("Under the law, Canada treats Quebec separately from the other provinces in "
                 "matters such as pensions and tax.") == set()
    assert _cues("Agencies generally consider EM separately from routine upkeep.") == set()
    # what the holder takes the thing to be is a view
    assert ("Canada", "treat") in _cues("Ottawa treats the border as a shared asset.")


def test_expressed_support_is_support():
    # an expressed attitude whose noun is also a verb of attitude takes that verb's lemma
    # (the scheme: the verb's lemma where there is one)
    found = find_holders("Ottawa expressed support for the new trade rules.")
    assert [(h.holder_country, h.cue) for h in found] == [("Canada", "support")]
    assert found[0].content.endswith("the new trade rules")
