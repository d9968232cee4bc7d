"""Tone rows' holders (session 30, th30)."""

from briefkit.corpus import Corpus
from briefkit.sentiment import sentiment_toward

_OFFICE_TEXT = (
    "President Barack Obama met the U.S. Congress's leaders in Washington in June. "
    "U.S. officials then briefed Ankara. "
    "Turkish President Recep Tayyip Erdogan stressed cooperation. "
    "Trade dominated the talks. "
    "Both sides agreed to meet again. "
    "On September 16 the President told a business audience that the United States "
    "was ready to act."
)


def _holder(text: str, sent_id: int) -> tuple:
    tone = sentiment_toward(Corpus.from_texts([text]), "United States")
    row = tone[tone["sent_id"] == sent_id].iloc[0]
    return row["holder"], row["holder_country"]


def test_the_president_takes_the_president_of_the_texts_state_named_earlier():
    # case 24: "the President" with no name is the president named earlier in the text,
    # of the text's own state (Obama, not Erdogan, named nearer), however far back
    assert _holder(_OFFICE_TEXT, 5) == ("Barack Obama", "United States")


def test_an_office_named_for_no_one_earlier_stays_the_office():
    text = "Trade dominated the talks. The President told reporters that the United States " \
           "was ready to act."
    assert _holder(text, 1)[0] == "President"


def test_an_act_whose_that_clause_holds_the_target_is_its_holders_view():
    # case 1: "agreed that ..." is a view; the "that" just after the cue opens its content
    text = "China agrees that its imports of U.S. products will exceed their 2017 level."
    assert _holder(text, 0) == ("China", "China")


def test_a_relative_clause_on_an_acts_object_stays_the_authors():
    # "pressed for a zone that Washington declines to enforce": the target acts in a
    # clause on the object, no view of the holder's
    text = "Ankara pressed for a buffer zone that Washington declines to enforce."
    assert _holder(text, 0) == ("author", "author")


def test_the_targets_own_voice_holds_its_row_when_it_characterises():
    # case 10: "describes X as Y" is a view said, as a verb of saying; the first name's
    # clause is the officials' though the second name stands in the author's
    text = ("U.S. officials describe Turkish cooperation as good, but the episode revived "
            "an old debate in Washington over the base.")
    assert _holder(text, 0) == ("U.S. officials", "United States")
