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
