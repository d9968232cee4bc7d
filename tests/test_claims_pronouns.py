"""Tests for pronoun and possessor holders: a pronoun takes up an actor that heads a phrase
of its own, a name is an adjective only in an adjective's form. Sentences of our own."""

from __future__ import annotations

import pytest

from briefkit.claims import find_holders

pytestmark = pytest.mark.offline


def views(sentence, previous=None):
    """(holder, cue) of every view a sentence reports."""
    return [(h.holder, h.cue) for h in find_holders(sentence, previous=previous)]


@pytest.mark.parametrize("sentence, holder, cue", [
    # an actor's adjective ("Chinese") before a noun is not what "its" stands for
    ("Rising Chinese pressure leaves Vietnam with few friends, and its insistence that the "
     "reef is Vietnamese now sounds hollow.", "Vietnam", "insist"),
    # nor is the object of a preposition ("with Russia")
    ("A Kazakhstan that keeps close ties with Russia while its complaints about Beijing "
     "pile up is a puzzle.", "Kazakhstan", "complain"),
])
def test_a_possessive_pronoun_skips_adjectives_and_prepositional_objects(sentence, holder,
                                                                          cue):
    assert (holder, cue) in views(sentence)


def test_a_subject_pronoun_skips_a_prepositional_object():
    sentence = "Hanoi has protested to Beijing even while it insists that talks continue."
    assert ("China", "insist") not in views(sentence)
