"""The claims machinery's shortcuts give what the full path gives (session 23, speed)."""

from briefkit import reported
from briefkit.cue_lexicon import tokens
from briefkit.holders import Context

SENTENCES = [
    "The talks resumed in Geneva on Monday after a long pause.",
    "To Moscow, the expansion of the alliance is a threat to its security.",
    "Tehran rejects the plan.",
    "Washington and Hanoi signed a new trade agreement last year.",
    "The ministers met, as did their deputies.",
    "",
    "to be sure, the bill passed.",
]


def _full(text: str) -> list:
    mentions = reported._mentions_of(text)
    context = Context()
    context.learn(text, mentions)
    return reported.Sentence(text, mentions, context).find()


def test_shortcut_skips_only_sentences_with_no_view():
    for text in SENTENCES:
        if not reported._may_hold_view(tokens(text)):
            assert _full(text) == []
        assert reported.find_holders(text) == _full(text)


def test_shortcut_keeps_cue_and_opening_to():
    assert reported._may_hold_view(tokens("Tehran rejects the plan."))
    assert reported._may_hold_view(tokens("To Moscow, the alliance is a threat."))
    assert not reported._may_hold_view(tokens("The talks resumed in Geneva on Monday."))
    assert not reported._may_hold_view([])


def test_kept_mentions_are_those_found_afresh():
    from briefkit.actors import find_actors

    text = "Tehran rejects the plan that Washington and Moscow put forward."
    reported._KEPT_MENTIONS.clear()
    first, again = reported._mentions_of(text), reported._mentions_of(text)
    assert first == again and first is not again
    assert [(m.actor, m.start, m.end) for m in first] == [
        (m.actor, m.start, m.end) for m in find_actors(text)]
    for n in range(reported._MENTIONS_KEPT + 5):
        reported._mentions_of(f"Iran met Russia {n} times.")
    assert len(reported._KEPT_MENTIONS) == reported._MENTIONS_KEPT
    assert text not in reported._KEPT_MENTIONS  # the oldest go first
