"""Tone toward the United States: the scope of denials and negation, and nested views
(session 30, tn30)."""

from __future__ import annotations

from briefkit.sentiment import explain_target


def _words(text: str, target: str, method: str = "rules") -> list[str]:
    start = text.index(target)
    return explain_target(text, start, start + len(target), method=method)["word"].tolist()


def test_a_denial_of_another_view_says_nothing_of_the_target():
    # SIBLING VIEW: the denial is of the understanding, not of the partnership with Washington
    text = ("Saudi officials deny that any such understanding was reached, and they insist "
            "that the kingdom's partnership with Washington remains strategic.")
    words = _words(text, "Washington")
    assert "deny" not in words and "reached" not in words
    assert "partnership" in words


def test_a_denial_that_holds_the_target_still_counts():
    text = "Saudi officials deny that Washington betrayed the kingdom."
    assert "betrayed" in _words(text, "Washington")


def _row(text: str, target: str, word: str):
    start = text.index(target)
    table = explain_target(text, start, start + len(target), method="rules")
    rows = table[table["word"] == word]
    assert len(rows) == 1, table
    return rows.iloc[0]


def test_a_negated_verb_reaches_an_event_in_its_object():
    # NEGATED OBJECT: no turn away from the United States happens
    text = ("The deal will ease tensions, but it probably does not mark a Saudi turn away "
            "from the United States")
    row = _row(text, "United States", "turn away from")
    assert row["negated_by"] == "not" and row["contribution"] > 0


def test_no_longer_reaches_a_long_object():
    text = ("The episode shows that Washington's security umbrella no longer buys exclusive "
            "diplomatic loyalty.")
    row = _row(text, "Washington", "loyalty")
    assert row["negated_by"] == "no" and row["contribution"] < 0


def test_a_determiner_no_negates_only_its_noun():
    text = "No government has any good reason to doubt the new U.S. administration."
    assert _row(text, "U.S.", "good")["negated_by"] == ""


def _us_holder(text: str) -> tuple:
    from briefkit.sentiment import find_target_spans, find_views, holder_of_target

    return holder_of_target(find_views(text), find_target_spans(text),
                            target="United States", text=text)


def test_relayed_speech_is_the_inner_speakers_view():
    # RELAYED SPEECH: the source relays the speaker's words
    assert _us_holder("According to press reports, Saudi leaders have urged Washington to "
                      "respond with restraint.")[0] == "Saudi officials"
    assert _us_holder("The Kremlin said Lavrov told Kerry that Washington must stop arming "
                      "the rebels.")[0] == "Sergei Lavrov"


def test_a_view_attributed_in_anothers_belief_stays_the_believers():
    assert _us_holder("Dutch diplomats suspect that Ankara wants U.S. money.")[0] \
        == "Dutch officials"


def test_an_appeal_for_the_targets_help_is_reliance():
    # APPEAL: the act asked for is good by its own verb
    text = "He urged the United States to help restore constitutional order."
    row = _row(text, "United States", "urged")
    assert row["contribution"] > 0 and "appeal" in row["why"]


def test_a_hostile_or_manner_request_stays_pressure():
    for text in ("Beijing urged the United States to stop arming the island.",
                 "Riyadh urged Washington to respond with restraint.",
                 "Wang urged the United States to think carefully before acting rashly."):
        target = "United States" if "United States" in text else "Washington"
        assert _row(text, target, "urged")["contribution"] < 0, text


def test_a_stake_tied_to_the_target_by_a_relative_clause():
    # STAKE BY RELATIVE: the partner on whom the United States built is its partner
    text = ("The coup removed President Mohamed Bazoum, the partner on whom the United States "
            "had built its counterterrorism posture.")
    row = _row(text, "United States", "removed")
    assert row["contribution"] < 0 and "partner" in row["why"]


def test_a_relative_clause_on_another_subject_ties_no_stake():
    text = "The coup removed the partner on whom France relied, and the United States objected."
    start = text.index("United States")
    words = explain_target(text, start, start + len("United States"), method="rules")["word"]
    assert "removed" not in words.tolist()
