"""Claims helper C2, session 25 round two: holders and cues on the newest development briefs.
Sentences written in our own words."""

from briefkit.reported import find_holders


def _holders(sentence: str) -> set:
    return {(h.holder, h.cue) for h in find_holders(sentence)}


def test_a_named_group_and_a_second_group_hold_the_view_together():
    # "Kurdish leaders and many Sunni politicians": both groups, not the nearer one alone
    found = _holders("Kurdish leaders and many Sunni politicians, by contrast, see the "
                     "American presence as a guarantee.")
    assert found == {("Kurdish leaders|Sunni politicians", "see")}
    # the party words keep their reading: each party (case 21)
    assert _holders("Democratic leaders and some Republicans argue that the budget is "
                    "unfair.") == {("Democratic Party|Republican Party", "argue")}


def test_members_of_both_parties_are_members_of_congress():
    # case 14: unnamed legislators of both parties, not the two parties nor a pair named before
    before = ("The senators met the envoy and the rebels in May; both parties signed. "
              "Congress then passed the bill.")
    found = find_holders("Members of both parties have asked to read the side letters.",
                         previous=before)
    assert [(h.holder, h.cue) for h in found] == [("members of Congress", "ask")]
    found = find_holders("Sponsors in both parties praised the vote and urged the Treasury to "
                         "enforce the law.", previous="Congress passed the bill in July.")
    assert {(h.holder, h.cue) for h in found} == {("members of Congress", "praise"),
                                                  ("members of Congress", "urge")}


def test_the_house_is_the_chamber_not_the_white_house():
    found = find_holders("In the end, the House voted on May 3 to cut the funds for the base.",
                         previous="Washington has kept troops at the base since 2004.")
    assert [(h.holder, h.cue) for h in found] == [("U.S. Congress", "vote")]
    found = find_holders("The White House said that the funds would be restored.")
    assert [(h.holder, h.cue) for h in found] == [("White House", "say")]


def test_offering_details_or_explanations_reports_no_view():
    # what was said is left out: no view, but the holder still carries a participle's view
    assert _holders("The ministers in Lima have offered few details of the plan.") == set()
    found = _holders("Officials in Oslo offered shifting explanations, suggesting that the "
                     "plan had failed.")
    assert found == {("Norway", "suggest")}
    # an offer of a thing is still an offer
    assert ("Russia", "offer") in _holders("Moscow offered Kiev a loan.")
