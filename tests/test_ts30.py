"""Lexicon words of situations bad for the target told in plain words (session 30, ts30):
a loss of leverage (few options, little leverage) and a constraint laid on its forces."""

import pytest

from briefkit import sentiment


def _label(text: str, target: str) -> str:
    i = text.index(target)
    return sentiment.score_spans(text, [(i, i + len(target))], genre="brief",
                                 params=sentiment.BRIEF_PARAMS).label


@pytest.mark.parametrize("text, target", [
    ("Washington has few options left.", "Washington"),
    ("Washington is divided and short of options.", "Washington"),
    ("The episode has shown how little leverage the United States now has over oil policy.",
     "United States"),
    ("About 1,100 U.S. troops remain confined to their bases.", "U.S."),
])
def test_plain_situations_bad_for_the_target_read_negative(text, target):
    assert _label(text, target) == "negative"


def test_the_targets_own_confinement_of_others_is_its_policy():
    # scope 'measure': a limit the target lays on others is not bad for it
    assert _label("The United States confined the detainees to a camp.",
                  "United States") != "negative"
