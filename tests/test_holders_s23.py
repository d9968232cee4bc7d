"""Holder phrases of session 23: forms of a holder's name the gazetteer lacks, anaphora
("the administration", "both governments", "whose officials", "their leaders"). Sentences of
our own."""

from __future__ import annotations

import pytest
from claims_support import views_of

from briefkit.reported import find_holders

pytestmark = pytest.mark.offline


views = views_of("holder", "cue")


# --- a state organ's name in a form the gazetteer lacks ---------------------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    # the nationality adjective capitalised, the rest of the organ's name in lower case
    ("The South Korean foreign ministry argued that the drills were purely defensive.",
     "South Korean Foreign Ministry", "argue"),
    ("The Russian defense ministry denied that its aircraft had struck the market.",
     "Russian Defense Ministry", "deny"),
    # an organ the gazetteer now lists
    ("The French Foreign Ministry questioned whether the new tariffs were lawful.",
     "French Foreign Ministry", "question"),
])
def test_a_state_organ_is_the_holder_not_its_state(sentence, holder, cue):
    assert (holder, cue) in views(sentence)


# --- "the administration" ---------------------------------------------------------------

@pytest.mark.parametrize("previous, sentence", [
    # a leader's words given in a foreign capital: the administration is his state's
    ("Rex Tillerson declared in Seoul that the era of patience was over.",
     "The administration wants Beijing to cut off fuel to Pyongyang."),
    # an organ of the state held the last view: the administration is the state itself
    ("The White House insists that the patrols are routine.",
     "We assess that the administration wants the patrols to continue."),
    # a leader's call to a foreign leader, in the same sentence
    (None, "Joe Biden telephoned Haider al-Abadi, a sign that the administration wants calm."),
    # another state's officials spoke last, but the U.S. government was named before them
    (["Donald Trump said that the king had his full confidence.",
      "Saudi officials regard the visit as a triumph."],
     "We judge that the administration wants a quick end to the war."),
])
def test_the_administration_is_the_state_whose_government_spoke_last(previous, sentence):
    assert ("United States", "want") in views(sentence, previous=previous)


# --- a plural-named group, and a subject with a described aside -------------------------

@pytest.mark.parametrize("previous, sentence, holder", [
    (["The constitution bans militias outside the army, and the Popular Mobilization Forces "
      "sit uneasily between the state and the parties."],
     "Their leaders insist that the militias answer to no one in Baghdad.",
     "Popular Mobilization Forces"),
    (["Saudi jets struck Sanaa again, and the Houthis vowed revenge."],
     "Their commanders say that the fighting will go on.", "Houthis"),
])
def test_their_leaders_are_the_plural_named_group_before(previous, sentence, holder):
    assert holder in [h for h, _ in views(sentence, previous=previous)]


def test_a_subject_skips_an_aside_that_describes_it_and_one_on_its_examples():
    sentence = ("The Syrian Democratic Forces, a coalition that includes militias such as the "
                "YPG, which Ankara calls terrorists, insist that they will hold Raqqa.")
    assert ("Syrian Democratic Forces", "insist") in views(sentence)


# --- a person's critics -----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "His critics, including the opposition party, regard the law as a surrender.",
    "Her critics argue that the plan is unfunded.",
    "In Tehran, Rouhani's critics argue that the deal has failed.",
])
def test_a_persons_critics_are_plain_critics(sentence):
    assert "critics" in [h for h, _ in views(sentence)]


# --- pair phrases -----------------------------------------------------------------------

def test_neither_with_a_singular_noun_is_a_pair_phrase():
    sentence = ("Spain and Italy oppose the new tariffs, although neither government has "
                "criticized Washington in public.")
    assert ("Spain|Italy", "criticize") in [
        ("|".join(sorted(h.holder.split("|"), reverse=True)), h.cue)
        for h in find_holders(sentence)]


def test_both_governments_after_between_two_leaders():
    sentence = ("The quarrel between Obama and Netanyahu will outlast the talks, and it may "
                "erode the aid that both governments have long valued.")
    previous = "Washington and Tehran traded warnings on Monday."
    assert ("United States|Israel", "value") in views(sentence, previous=previous)


# --- relative "whose X" -----------------------------------------------------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    ("Narendra Modi, whose government has pledged to cut emissions, argued that rich states "
     "owe more.", "India", "pledge"),
    # after "which ... and": the relative's antecedent, the last of a list; an office with
    # no person named for it is the office as written (annotation case 13)
    ("Greece and Slovakia, which holds the rotating presidency and whose prime minister has "
     "long questioned the sanctions, may press for relief.", "prime minister", "question"),
])
def test_whose_x_belongs_to_the_relatives_antecedent(sentence, holder, cue):
    assert (holder, cue) in views(sentence)


# --- a name in apposition after a possessive description --------------------------------

@pytest.mark.parametrize("sentence, holder, cue", [
    ("Netanyahu's main challenger, Isaac Herzog, argues that the speech hurt the alliance.",
     "Isaac Herzog", "argue"),
    ("China's Foreign Ministry spokeswoman, Hua Chunying, urged Washington to drop its "
     "Cold War thinking.", "Hua Chunying", "urge"),
])
def test_a_name_apposed_to_a_possessive_description_holds_the_view(sentence, holder, cue):
    assert (holder, cue) in views(sentence)


# --- a spokesperson with no name --------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "A spokeswoman of Russia's Foreign Ministry said that Moscow would answer in kind.",
    "Kyiv protested, while Moscow's spokeswoman said the drills were routine.",
])
def test_a_spokesperson_speaks_for_the_ministry(sentence):
    assert ("Russian Foreign Ministry", "say") in views(sentence)


# --- people the gazetteer lacks, named in full before -----------------------------------

@pytest.mark.parametrize("previous, sentence, holder", [
    (["Former Senator Tomas Herrera Vidal led the campaign against the accord."],
     "Vidal said that the accord must be renegotiated.", "Tomas Herrera Vidal"),
    (["Elena Marsh and Daniel Okafor gave most of the money."],
     "Marsh and Okafor said that the grants were nonpartisan.", "Elena Marsh|Daniel Okafor"),
    # a name given as an alias ("known as")
    (["The rebel commander Ramon Quintero, known as Halcon, signed the accord."],
     "Halcon declared that the movement would lay down its arms.", "Ramon Quintero"),
    # a pronoun inside a joint holder, for a person named in the sentence before
    (["Former President Tomas Herrera Vidal led the opposition."],
     "He and other critics argue that the accord lets commanders avoid prison.",
     "Tomas Herrera Vidal|critics"),
])
def test_a_surname_alias_or_pronoun_is_the_person_named_in_full_before(previous, sentence,
                                                                       holder):
    assert holder in [h for h, _ in views(sentence, previous=previous)]


# --- plural titles ----------------------------------------------------------------------

def test_a_plural_title_before_two_names_is_no_part_of_either():
    sentence = "Last week Presidents Obama and Putin announced that the talks would resume."
    assert ("Barack Obama|Vladimir Putin", "announce") in views(sentence)


def test_a_named_conjunct_with_a_description_between_commas_joins_the_holder():
    sentence = ("Representative Ana Ruiz, the author of the bill, and Representatives Tom "
                "Beck and Lisa Park criticized the decision.")
    assert ("Ana Ruiz|Tom Beck|Lisa Park", "criticize") in views(sentence)


# --- "he" takes up a subject, not a person inside reported content ----------------------

@pytest.mark.parametrize("previous, sentence, holder", [
    ("Barack Obama maintained that Benjamin Netanyahu had offered no alternative.",
     "In an interview he had said that any deal must last a decade.", "Barack Obama"),
    ("Donald Trump said that it was time to move on, and he praised Vladimir Putin's "
     "decision not to retaliate.",
     "He has often questioned whether Moscow was behind the intrusions.", "Donald Trump"),
])
def test_he_is_the_subject_holder_of_the_sentence_before(previous, sentence, holder):
    assert holder in [h for h, _ in views(sentence, previous=previous)]


# --- a pronoun's antecedent in its own sentence that the gazetteer lacks ----------------

@pytest.mark.parametrize("previous, sentence, holder, cue", [
    ("Vladimir Putin said that Moscow would not retaliate.",
     "Speaker Tom Hadley signed the measures, a fitting end to what he described as years "
     "of weakness.", "Tom Hadley", "describe"),
    (["Donald Trump signed the sanctions law in August.",
      "Sergei Lavrov said that Moscow would answer."],
     "On Friday the administration approved what it called defensive arms for Kyiv.",
     "United States", "call"),
])
def test_a_pronoun_takes_an_antecedent_of_its_own_sentence_first(previous, sentence, holder,
                                                                 cue):
    assert (holder, cue) in views(sentence, previous=previous)


# --- commentators, and "they" for a plural group that opens its sentence ----------------

def test_commentators_keep_their_own_name():
    sentence = "Some commentators question whether the new definition is strict enough."
    assert ("commentators", "question") in views(sentence)


def test_they_takes_up_a_plural_group_that_opens_its_sentence():
    sentence = ("Turkish commentators contrast the Kremlin's quick support with what they see "
                "as the hesitation of Europe.")
    assert ("Turkish commentators", "see") in views(sentence)


# --- a state's armed forces named by its adjective or as "the army" ---------------------

@pytest.mark.parametrize("previous, sentence, holder, cue", [
    (None, "The Nigerian military denies that its units fired on the protesters.",
     "Nigerian military", "deny"),
    (None, "The Nigerian military, known locally as the army, responded with what it calls "
     "stabilization operations.", "Nigerian military", "call"),
    ("Bashar al-Assad said that the strike on the convoy was deliberate.",
     "On March 3 the army announced an offensive on the eastern districts.",
     "Syrian Arab Army", "announce"),
    # the government beside the military is the state's, not the military's
    (None, "The Nigerian military denies the reports, and the civilian government has "
     "rejected calls for an inquiry.", "Nigeria", "reject"),
])
def test_a_states_military_is_its_own_holder(previous, sentence, holder, cue):
    assert (holder, cue) in views(sentence, previous=previous)


# --- "the Foreign Ministry" of the state the sentence before named ----------------------

@pytest.mark.parametrize("previous, sentence, holder", [
    (["Baghdad and Tehran both condemned the order.", "Iraq's parliament debated it for days, "
      "and Iraqi leaders met twice.", "Tehran answered within hours."],
     "The Foreign Ministry called the order an insult and promised steps in kind.",
     "Iranian Foreign Ministry"),
    (["Beijing protested, and Chinese officials warned of consequences.",
      "Vietnam was more cautious."],
     "A Foreign Ministry spokesman said that Hanoi respects freedom of navigation.",
     "Vietnamese Foreign Ministry"),
])
def test_the_foreign_ministry_is_of_the_state_just_named(previous, sentence, holder):
    assert holder in [h for h, _ in views(sentence, previous=previous)]


@pytest.mark.parametrize(("sentence", "holder"), [
    ("In June, Obama and Putin announced that the talks would resume.",
     "Barack Obama|Vladimir Putin"),  # not a list "June, Obama and Putin"
    ("In March Russia said that the strikes were illegal.", "Russia"),  # no comma
    ("On Monday Putin said that the strikes were illegal.", "Vladimir Putin"),
    ("Prime Minister May said that Russia was culpable.", "Theresa May"),  # a name still
])
def test_a_month_or_day_opening_the_sentence_is_no_part_of_the_holder(sentence, holder):
    assert [h for h, _ in views(sentence)] == [holder]


def test_members_or_a_party_including_a_named_legislator():
    """Case 14: "Other members, including Representative X," are some members of Congress,
    one of them named; case 21: "Democrats who support it, including Senator X," are the
    party; "Other allies, including France," are neither."""
    import briefkit as bk

    corpus = bk.Corpus.from_texts({"a": (
        "Congress is divided over the aid. Other members, including Representative Jane "
        "Roe, argued that the aid should continue. Democrats who back it, including Senator "
        "John Doe, argue that the vote should wait. Other allies, including France, argued "
        "that the aid should continue.")})
    claims = bk.extract_claims(corpus)
    found = claims[claims["kind"] == "reported"]
    assert list(zip(found["sent_id"], found["holder"], found["cue"])) == [
        (1, "members of Congress", "argue"), (2, "Democratic Party", "back"),
        (2, "Democratic Party", "argue"), (3, "allies", "argue")]
