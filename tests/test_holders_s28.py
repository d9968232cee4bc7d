"""Holder phrases of session 28: the caller's purpose, named spokespeople, joint holders, and
other holders. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")
countries = views_of("holder", "holder_country", "cue")


# --- a purpose clause after a verb of contact is the caller's ------------------------------

@pytest.mark.parametrize("sentence, view", [
    ("Putin called Erdogan to urge restraint in Idlib.", ("Vladimir Putin", "urge")),
    ("Erdogan met Putin in Sochi to press for a ceasefire.", ("Recep Tayyip Erdoğan", "press")),
    ("Vladimir Putin telephoned Maduro on Monday to offer his support.",
     ("Vladimir Putin", "offer")),
    ("Tehran summoned the British ambassador the next day to demand an apology.",
     ("Iran", "demand")),
])
def test_purpose_after_a_verb_of_contact_is_the_callers(sentence, view):
    assert view in views(sentence)


def test_the_one_asked_to_do_something_still_holds_no_view():
    # a request, not a call: the object is asked, the subject urges
    assert views("Putin urged Erdogan to accept the deal.") == [("Vladimir Putin", "urge")]
