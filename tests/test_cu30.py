"""Cue helper cu30, session 30: cues that the development labels use and the cue table
lacked. Sentences written in our own words."""

from briefkit.reported import find_holders


def _views(sentence: str) -> set:
    return {(h.holder, h.cue, h.content) for h in find_holders(sentence)}


def test_congratulating_someone_is_a_view_of_the_one_who_congratulates():
    # "congratulate" takes an object (the one congratulated, and what for): a stance toward it
    assert _views("Putin congratulated Lukashenko on his re-election.") == {
        ("Vladimir Putin", "congratulate", "Lukashenko on his re-election")}
    found = {(h, c) for h, c, _ in _views(
        "The Kremlin congratulated the new government and pledged to keep cooperating.")}
    assert ("Kremlin", "congratulate") in found and ("Kremlin", "pledge") in found
