"""briefkit.text: normalisation, word tokens and sentences with exact offsets.

Every test here is marked offline: the expected splits are the same with NLTK's Punkt
parameters and with the untrained fallback, and CI runs them in both modes.
"""

from __future__ import annotations

import time

import pytest

from briefkit import text as T
from briefkit.text import (
    count_words,
    is_alpha_token,
    norm_token,
    normalize_text,
    split_sentences,
    tokenize_words,
)

pytestmark = pytest.mark.offline


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def words(text: str) -> list[str]:
    return [tok for tok, _, _ in tokenize_words(text)]


# --- normalisation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Iran\u00a0and\u202fRussia", "Iran and Russia"),  # no-break spaces
        ("zero\u200bwidth\u200d joiner\ufeff", "zerowidth joiner"),
        ("soft\u00adhyphen", "softhyphen"),
        ("line\r\nbreaks\rhere", "line\nbreaks\nhere"),
        ("page\fbreak", "page\nbreak"),
        ("para\u2029graph", "para\n\ngraph"),
        ("bell\x07 and \x9b controls", "bell and  controls"),
        ("cafe\u0301", "caf\u00e9"),  # NFC
        ("Russia’s “pro-Shi’a” line — kept", "Russia’s “pro-Shi’a” line — kept"),
        ("tab\tkept", "tab\tkept"),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


def test_normalize_text_is_idempotent_on_tricky_input():
    raw = "e\u200b\u0301 \u2028x\r\n\u00a0\ufeff\u0085y"
    once = normalize_text(raw)
    assert normalize_text(once) == once


# --- words -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    ["U.S.", "U.S.-led", "U.K.", "Gen.", "Dec.", "P5+1", "IRGC-QF", "al-Assad", "Shi'a",
     "Shi’a", "25,000", "Russia's", "Russia’s", "3.67", "e.g.", "S-300", "U.S.-Saudi",
     "U.S.’s", "1,200.5", "so-called"],
)
def test_field_tokens_survive_whole(token):
    text = f"They said {token} mattered."
    assert token in words(text)


def test_seed_phrases_tokenise_as_an_analyst_reads_them():
    text = ("Gen. Soleimani met U.S.-led forces on Dec. 28; Iran and the P5+1 moved "
            "25,000 pounds of Russia’s share to Shi'a militias.")
    assert words(text) == [
        "Gen.", "Soleimani", "met", "U.S.-led", "forces", "on", "Dec.", "28", ";", "Iran",
        "and", "the", "P5+1", "moved", "25,000", "pounds", "of", "Russia’s", "share", "to",
        "Shi'a", "militias", ".",
    ]


def test_token_offsets_are_exact_with_an_offset():
    text = "The U.S. and the U.K. objected, al-Assad’s allies did not."
    for tok, start, end in tokenize_words(text, offset=100):
        assert text[start - 100 : end - 100] == tok


def test_numbered_abbreviations_keep_their_stop_only_before_numbers():
    assert words("See No. 5 and p. 12.")[:5] == ["See", "No.", "5", "and", "p."]
    assert words("The answer was no.")[-2:] == ["no", "."]


def test_initials_keep_their_stop():
    assert words("Paul K. Kerr wrote it")[:3] == ["Paul", "K.", "Kerr"]


def test_combining_marks_stay_in_their_word():
    text = "हिन्दी and e\u0301te"
    toks = words(text)
    assert toks[0] == "हिन्दी" and toks[-1] == "e\u0301te"


def test_norm_and_kinds():
    assert norm_token("Russia’s") == "russia's"
    assert is_alpha_token("U.S.-led") and is_alpha_token("Shi’a")
    assert not is_alpha_token("25,000") and not is_alpha_token(",")
    assert count_words("The U.S.-led coalition, 25,000 strong.") == 5


# --- sentences ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal was backed by the U.S. The next day Iran objected.",
         ["The deal was backed by the U.S.", "The next day Iran objected."]),
        ("The deal was backed by the U.S. and its allies. Iran objected.",
         ["The deal was backed by the U.S. and its allies.", "Iran objected."]),
        ("Gen. Dunford met Lt. Col. Smith on Dec. 28. Russia objected.",
         ["Gen. Dunford met Lt. Col. Smith on Dec. 28.", "Russia objected."]),
        ("The U.S. Army moved. The U.K. Foreign Office agreed.",
         ["The U.S. Army moved.", "The U.K. Foreign Office agreed."]),
        ("Talks resumed in Jan. The parties met again.",
         ["Talks resumed in Jan.", "The parties met again."]),
        ("It ended at 5 p.m. The envoys left.", ["It ended at 5 p.m.", "The envoys left."]),
        ("It ended at 5 p.m. on Monday.", ["It ended at 5 p.m. on Monday."]),
        ("She works for Acme Inc. The firm is big.",
         ["She works for Acme Inc.", "The firm is big."]),
        ("The answer was no. Then the talks ended.",
         ["The answer was no.", "Then the talks ended."]),
        ("See No. 5 of the list. Then go.", ["See No. 5 of the list.", "Then go."]),
        ("Paul K. Kerr wrote it. Others agreed.", ["Paul K. Kerr wrote it.", "Others agreed."]),
        ("He said ‘machinations.’ Both sides agreed.",
         ["He said ‘machinations.’", "Both sides agreed."]),
        ("Assad must go, the U.S. insists. But Russia disagrees.",
         ["Assad must go, the U.S. insists.", "But Russia disagrees."]),
        ("It was Sen. McCain who spoke.", ["It was Sen. McCain who spoke."]),
        ("They went to St. Petersburg. It was cold.",
         ["They went to St. Petersburg.", "It was cold."]),
        ("Washington, D.C. is the capital. It is big.",
         ["Washington, D.C. is the capital.", "It is big."]),
        ("What now? Nobody knows! Maybe.", ["What now?", "Nobody knows!", "Maybe."]),
        ("Prices rose 3.5 percent. Oil fell.", ["Prices rose 3.5 percent.", "Oil fell."]),
        ("First paragraph ends\n\nand a second begins",
         ["First paragraph ends", "and a second begins"]),
        ("Bills (S. 593 and H.R. 4018) amend 19 U.S.C. 2132 and P.L. 119-75. The House acted.",
         ["Bills (S. 593 and H.R. 4018) amend 19 U.S.C. 2132 and P.L. 119-75.",
          "The House acted."]),
        ("The rule is at 45 C.F.R. Part 46. It applies widely.",
         ["The rule is at 45 C.F.R. Part 46.", "It applies widely."]),
        # Words that NLTK's English parameters hold as abbreviations ("Ill.", "Wed.") and
        # single letters still end a sentence before a word that starts one.
        ("A guard who came to the house fell ill. On Monday the minister spoke.",
         ["A guard who came to the house fell ill.", "On Monday the minister spoke."]),
        ("The couple wed. The next year they moved.",
         ["The couple wed.", "The next year they moved."]),
        ("The funds are in Division C. The House passed it.",
         ["The funds are in Division C.", "The House passed it."]),
    ],
)
def test_split_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text", ["U.S.\r", "U.S. ", "Gen.\n", "the U.S.\u3000"])
def test_an_abbreviation_at_the_end_keeps_its_sentence(text):
    assert sentences(text) == [text.strip()]


def test_sentence_spans_are_trimmed_and_ordered():
    text = "  Iran agreed.   Russia did not.  \n\n  Turkey waited. "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Iran agreed.", "Russia did not.", "Turkey waited."]
    assert spans == sorted(spans)


def test_a_long_paragraph_is_split_in_windows(monkeypatch):
    monkeypatch.setattr(T, "PUNKT_WINDOW", 500)
    text = " ".join(f"Sentence number {i} names the U.S. and Gen. Smith." for i in range(200))
    found = sentences(text)
    assert len(found) == 200
    assert all(s.startswith("Sentence number") for s in found)


def test_text_that_is_not_prose_is_split_quickly():
    start = time.perf_counter()
    spans = split_sentences(". " * 200_000)
    assert len(spans) == 200_000
    assert time.perf_counter() - start < 20


def test_a_failing_punkt_leaves_one_sentence(monkeypatch):
    class Broken:
        def span_tokenize(self, text):
            raise TimeoutError("regular-expression match exceeded its time limit")

    monkeypatch.setattr(T, "_punkt", lambda: Broken())
    assert sentences("Iran agreed. Russia did not.") == ["Iran agreed. Russia did not."]


def test_splitter_mode_is_reported():
    assert T.splitter_mode() in {"nltk", "fallback"}


@pytest.mark.parametrize("possessive", ["Baghdad’s", "Baghdad's", "Washington’s"])
def test_a_sentence_ending_in_a_possessive_ends_there(possessive):
    # the "s" after the apostrophe is not the abbreviation "S." (a Senate bill)
    text = f"The call was {possessive}. U.S. officials said little."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        f"The call was {possessive}.", "U.S. officials said little."]
    bill = "The Senate passed S. 2150 in May."
    assert split_sentences(bill) == [(0, len(bill))]
