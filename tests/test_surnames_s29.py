"""A person named in full and later by the surname or short form alone (session 29):
"Austin" after "Lloyd Austin", "Wang" after "Wang Yi", "Yoon" after "South Korean President
Yoon Suk Yeol", "Abdulaziz" after "Prince Abdulaziz bin Salman"; not where the word names a
place or another person in the text. Sentences of our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

from briefkit.actors import find_actors

pytestmark = pytest.mark.offline


views = views_of("holder", "holder_country", "cue")


@pytest.mark.parametrize("previous, sentence, holder", [
    # the gazetteer's person, his surname alone not among its aliases
    ("Defense Secretary Lloyd Austin announced a new naval task force on Monday.",
     "Austin, speaking in Manama, said that the attacks threatened free commerce.",
     ("Lloyd Austin", "United States", "say")),
    # a Chinese name: the family name first
    ("Secretary Blinken met his Chinese counterpart, Wang Yi, in Munich.",
     "Wang replied that China would not accept groundless speculation.",
     ("Wang Yi", "China", "reply")),
])
def test_a_known_persons_surname_alone_is_that_person(previous, sentence, holder):
    assert holder in views(sentence, previous=previous)


@pytest.mark.parametrize("previous, sentence, holder", [
    # a state's adjective and a title before a name the gazetteer lacks: his state, and
    # a Korean name's family name first
    ("President Biden hosted South Korean President Yoon Suk Yeol at Camp David.",
     "Yoon said that the summit was a historic milestone.",
     ("Yoon Suk Yeol", "South Korea", "say")),
    # an Arabic name with "bin": the given name alone later
    ("The meeting was chaired by Saudi Energy Minister Prince Abdulaziz bin Salman.",
     "Abdulaziz told reporters that the group's duty was to keep markets stable.",
     ("Abdulaziz bin Salman", "Saudi Arabia", "tell")),
])
def test_a_learned_persons_short_form_is_that_person_with_his_state(previous, sentence,
                                                                    holder):
    assert holder in views(sentence, previous=previous)


def test_a_titled_arabic_name_with_bin_is_learned_whole():
    # the titles before the name are no part of it, though no state's adjective leads them
    sentence = "Energy Minister Prince Abdulaziz bin Salman said that output had been restored."
    assert "Abdulaziz bin Salman" in [h for h, _, _ in views(sentence)]


def test_bin_and_a_fathers_name_after_another_given_name_is_not_the_gazetteers_person():
    # "bin Salman" is Mohammed bin Salman's alias, but here it ends another prince's name
    found = [m.actor for m in find_actors(
        "Energy Minister Prince Abdulaziz bin Salman said that output had been restored.")]
    assert "Mohammed bin Salman" not in found
    assert "Mohammed bin Salman" in [m.actor for m in find_actors(
        "Analysts say that bin Salman wants more control.")]


def test_two_people_of_one_surname_leave_it_unresolved():
    previous = ["Kim Jong Un and his sister Kim Yo Jong inspected a missile base."]
    holders = [h for h, _, _ in views("Kim said that the tests would go on.",
                                      previous=previous)]
    assert "Kim Jong Un" not in holders and "Kim Yo Jong" not in holders


def test_a_named_body_of_the_surnames_word_leaves_it_unresolved():
    # "Haqqani" is the network's word too: the man or his network, unsaid
    previous = ["The Haqqani Network, led by Sirajuddin Haqqani, holds the border districts."]
    holders = [h for h, _, _ in views("Haqqani said that the talks were over.",
                                      previous=previous)]
    assert "Sirajuddin Haqqani" not in holders
    assert ("Sirajuddin Haqqani", "Haqqani Network", "say") in views(
        "Haqqani said that the talks were over.",
        previous=["Sirajuddin Haqqani met the envoys in Doha."])
