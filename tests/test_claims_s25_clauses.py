"""Claims helper C, session 25: reported claims the rules missed or found where the scheme
(data/annotations/README.md) has none. Sentences written in our own words."""

from briefkit.reported import find_holders


def _cues(sentence: str) -> set:
    return {(h.holder_country, h.cue) for h in find_holders(sentence)}


def test_asks_why_and_where_are_questions_a_holder_puts():
    # "asks why X" reports the holder's challenge to X, as "asks whether" does
    found = find_holders("Brasilia asks why a close partner keeps tariffs on Brazilian steel.")
    assert [(h.holder_country, h.cue) for h in found] == [("Brazil", "ask")]
    assert found[0].content == "why a close partner keeps tariffs on Brazilian steel"
    found = find_holders("Modi asked where the money had gone and who had approved it.")
    assert [(h.holder_country, h.cue) for h in found] == [("India", "ask")]


def test_a_question_the_author_asks_holds_no_view():
    assert _cues("Will Canada's foreign ministry report that the grants were spent?") == set()
    assert _cues("Does Ottawa expect that the bridge will open on time?") == set()
    # the same words as a statement are a claim
    assert ("Canada", "report") in _cues("Canada's foreign ministry reported that the "
                                         "grants were spent.")
    assert ("Canada", "expect") in _cues("Ottawa expects that the bridge will open on time.")


def test_consider_with_a_plain_object_is_deliberation():
    # a bill or request weighed, with nothing said of it, is no view
    assert _cues("Questions may arise for Parliament as it considers the proposal.") == set()
    assert ("Japan", "consider") not in _cues(
        "Officials said the Diet would not consider it during the summer recess.")
    assert _cues("The Bundestag is considering the Grid Security Act, tabled in May, which "
                 "would add new rules.") == set()
    # what the holder takes the object to be is a view
    assert ("Turkey", "consider") in _cues("Ankara considers the militia and its political "
                                           "wing, the party, to be one group.")
    assert ("Japan", "consider") in _cues("Tokyo considers Beijing a rival.")


def test_deny_someone_something_is_withholding_not_denial():
    # two objects, someone and a thing: an act, no view denied
    assert _cues("Ottawa denied Russian diplomats access to two lodges it owns.") == set()
    assert ("Canada", "deny") not in _cues(
        "The raids hurt trade, while denying Ottawa an obvious reason to respond.")
    # the one who withholds is still what a later pronoun stands for
    found = find_holders("Ottawa also denied Russian diplomats access to two lodges, which it "
                         "said were used for spying.")
    assert [(h.holder_country, h.cue) for h in found] == [("Canada", "say")]
    # a denial of a charge, or of a clause, is a view
    assert ("Russia", "deny") in _cues("Moscow denies any role in the attack.")
    assert ("Russia", "deny") in _cues("Moscow denies Russia had any role in the attack.")


def test_a_participle_set_off_after_its_noun_is_no_claim():
    # "X, expected within weeks, could ...": no one is named who expects
    assert _cues("The inspectors' report, expected within days, could settle the dispute.") \
        == set()
    assert _cues("The new budget and the defense review, expected late in 2025, will show "
                 "how the ministry spends.") == set()
    found = _cues("Moscow points to the radar base in Poland, declared ready in June, as proof "
                  "that the plans were aimed at Russia.")
    assert ("Russia", "declare") not in found and ("Russia", "point") in found
    # after an apposition the verb is the main one
    assert ("Russia", "declare") in _cues("Lavrov, the foreign minister, declared that the "
                                          "talks had failed.")


def test_a_gap_needs_a_relative_word_not_a_that_after_a_verb():
    # "that" after a verb of saying opens its clause; a cue at the clause's end has no gap
    found = find_holders("Ankara does not deny that its officers are present.")
    assert [(h.holder_country, h.cue) for h in found] == [("Turkey", "deny")]
    found = find_holders("Lavrov said that Russia kept the right to respond but would not act.")
    assert [(h.holder_country, h.cue) for h in found] == [("Russia", "say")]
    # nor a comma before a clause of "who" or "where"
    found = find_holders("The envoy was in Havana carrying letters between Obama and Raul "
                         "Castro, who told him he saw no use in replying.")
    assert "reply" not in {h.cue for h in found}
    # a noun before "that" still opens a relative whose gap the cue closes
    found = find_holders("Kerry said the deal was final, a remark that Paris disputed.")
    assert ("France", "dispute") in {(h.holder_country, h.cue) for h in found}


def test_a_call_made_for_a_purpose_names_nothing():
    # "called him to thank", "called the vote to pressure": a call made or a vote called
    found = _cues("Merkel recalled that Macron had called her on May 3 to thank the police "
                  "for help that stopped a plot.")
    assert ("France", "call") not in found
    found = _cues("Lavrov suggested that Johnson had called the election to pressure Brussels "
                  "and miscalculated.")
    assert ("United Kingdom", "call") not in found and ("Russia", "suggest") in found
    # naming is a characterisation (case 10), also with a purpose clause after the name
    assert ("Turkey", "call") in _cues("Erdogan called the referendum a betrayal.")
    assert ("Russia", "call") in _cues("Kyiv opposed the plan, which Moscow called a bid to "
                                       "encircle Russia.")


def test_told_someone_to_act_is_a_directive():
    # "told X to <act>": an appeal or order of the teller (case 4), as the labels count it
    found = find_holders("The Chinese Foreign Ministry told Canada to cut its embassy staff "
                         "to 20 by May.")
    assert [(h.holder_country, h.cue) for h in found] == [("China", "tell")]
    assert found[0].content.startswith("Canada to cut its embassy staff")
    found = find_holders("Samsung told its engineers not to share designs with the firm.")
    assert [h.cue for h in found] == ["tell"]
    # "told X that ..." keeps its clause; "told reporters" alone is no claim
    found = find_holders("Lavrov told reporters that Moscow would respond.")
    assert [(h.cue, h.content) for h in found] == [("tell", "Moscow would respond")]


def test_charges_someone_with_is_an_accusation():
    found = find_holders("Moscow charges Kyiv with shelling the ceasefire line.")
    assert [(h.holder_country, h.cue, h.content) for h in found] == [
        ("Russia", "charge", "Kyiv with shelling the ceasefire line")]
    # fees charged and people charged by no one named are no claims
    assert _cues("The agency charged fees of $20 for each permit.") == set()
    assert _cues("Five men were charged with the murder.") == set()
    # the noun stays a noun before a zero relative: "a charge the Alliance rejects"
    found = _cues("Moscow says the troops break the treaty, a charge NATO rejects.")
    assert ("NATO", "reject") in found


def test_a_cue_after_a_noun_of_refusal_is_what_is_refused():
    found = _cues("Tokyo welcomed the refusal to accept a weak deal.")
    assert ("Japan", "welcome") in found and not any(c == "accept" for _, c in found)
    found = _cues("Peskov said the text shows an unwillingness to accept a world of many "
                  "powers.")
    assert not any(c == "accept" for _, c in found)


def test_what_someone_should_do_is_no_view_of_theirs():
    found = _cues("Japan argued that Seoul should seek approval from Washington.")
    assert ("Japan", "argue") in found and ("South Korea", "seek") not in found
    found = _cues("Should the rule cover acts that a foreign government knowingly supported, "
                  "or should express consent be required?")
    assert not any(c == "express" for _, c in found)
    # the same verb as a view held
    assert ("South Korea", "seek") in _cues("Seoul seeks approval from Washington.")


def test_describe_with_a_plain_object_is_an_account_given():
    found = find_holders("Erdogan described a planned killing and asked who gave the order.")
    assert [(h.holder_country, h.cue) for h in found] == [("Turkey", "describe"),
                                                          ("Turkey", "ask")]
    assert found[0].content == "a planned killing"
    # no actor named: a participle ("described above") or a provision's plain-word subject
    assert not any(c == "describe" for _, c in _cues(
        "Many of the proposals described above would tie grants to new rules."))


def test_as_after_a_relative_aside_still_completes_the_view():
    found = _cues("Mexican officials regard the 1994 accord, under which tariffs fell to zero, "
                  "as the base of the relationship.")
    assert any(c == "regard" for _, c in found)
    found = _cues("Seoul regards the pact, which it signed in 2018, as still binding.")
    assert ("South Korea", "regard") in found


def test_a_participle_before_a_plural_noun_is_its_adjective():
    # "pledged funds fall short": the funds' adjective, no pledge made in this clause
    found = _cues("Paris wanted more money, but the Council welcomed the force, and pledged "
                  "funds fall well short of its budget.")
    assert not any(c == "pledge" for _, c in found)
    found = _cues("According to Ottawa, proposed sales will now pass the same review.")
    assert not any(c == "propose" for _, c in found)
    # an active verb with its object stays a view
    assert ("Russia", "announce") in _cues("Moscow condemned the step and announced its own "
                                           "list of banned firms.")


def test_a_call_for_as_a_noun_is_an_appeal():
    found = find_holders("Ottawa's call for a coalition to guard shipping met a cool reception.")
    assert [(h.holder_country, h.cue) for h in found] == [("Canada", "call")]
    assert ("Iran", "call") in _cues("The militias formed after Khamenei's call to arms.")
    # a phone call is none
    assert not any(c == "call" for _, c in _cues(
        "Merkel's call with Macron on May 3 dealt with trade."))
