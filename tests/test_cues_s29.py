"""Cues of session 29: order, advise (and "advice"), lobby, disclose, calculate, record and
weigh, each in the construction the development labels use, with the guard "order" needs.
Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")


@pytest.mark.parametrize("sentence, view", [
    # "order" with an object and "to", or a that-clause
    ("Erdogan ordered the army to seal the border with Syria.",
     ("Recep Tayyip Erdoğan", "order")),
    ("Putin ordered that the troops be withdrawn from the border.", ("Vladimir Putin", "order")),
    # "advise" with an object and "to"
    ("Russia advised its citizens to avoid travel to Montenegro.", ("Russia", "advise")),
    # "lobby" with an object and "for" or "to"
    ("Saudi Arabia lobbied European governments for new sanctions on Iran.",
     ("Saudi Arabia", "lobby")),
    # "disclose" with "that" or a plain object
    ("Beijing disclosed that Washington had given it three days to close the consulate.",
     ("China", "disclose")),
    ("The Pentagon disclosed the second flight on Thursday.", ("Pentagon", "disclose")),
    # "calculate" with a clause, "that" or bare
    ("Tehran calculated that Washington would not respond with force.", ("Iran", "calculate")),
    # "record" with an object
    ("The Department of Defense has recorded more than 180 risky intercepts since 2021.",
     ("Pentagon", "record")),
    # "weigh whether"
    ("Ankara is weighing whether to extend the deployment.", ("Turkey", "weigh")),
])
def test_new_cue_in_its_construction(sentence, view):
    assert view in views(sentence)


@pytest.mark.parametrize("sentence", [
    # "weigh" without a clause: a weight, not a view
    "The new satellite weighs about four tons.",
    # "ordered reported": a committee's step of procedure on a bill
    "The House Committee on Agriculture ordered reported a farm bill in May.",
])
def test_new_cue_not_in_its_other_sense(sentence):
    assert not [v for v in views(sentence) if v[1] in {"weigh", "order"}]
