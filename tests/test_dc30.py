"""Claims of session 30 (dc30): a document or a data set as the subject of a reporting verb.
Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

pytestmark = pytest.mark.offline

views = views_of("holder", "cue")


# --- a text cited before, named again with words that say which --------------------------

@pytest.mark.parametrize("previous, sentence, expected", [
    ("FEMA's most recent monthly report shows $5 billion available for the program.",
     "The DRF monthly reports indicate that no funds have been set aside since March.",
     ("Federal Emergency Management Agency", "indicate")),
    ("According to a 2025 economics study, most rates were between 50% and 70%.",
     "The 2025 study also found that effective rates have remained constant.",
     ("2025 economics study", "find")),
])
def test_a_text_cited_before_speaks_again_for_its_holder(previous, sentence, expected):
    assert views(sentence, previous=[previous]) == [expected]


def test_a_text_never_cited_before_holds_nothing():
    assert views("The 2025 study also found that effective rates have remained constant.",
                 previous=["Most rates were between 50% and 70%."]) == []


def test_a_text_named_inside_a_preposition_phrase_is_no_subject():
    previous = ["According to a 2025 economics study, most rates were between 50% and 70%."]
    found = views("Officials in the 2025 study warned that effective rates would rise.",
                  previous=previous)
    assert ("2025 economics study", "warn") not in found
