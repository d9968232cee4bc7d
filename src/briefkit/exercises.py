"""Exercises with checked answers, for the notebooks' closing sections and for a class.

Each notebook ends with a few exercises: a question about the corpus, an answer cell
(tagged ``solution`` in the teacher's copy) and ``check(exercise_id, answer, corpus=corpus)``.
A check never compares against a stored answer: it computes the right one from the corpus
it is given, so the exercises hold on any corpus, the sample or a class's own briefs. When
the answer is not right, it says why in a hint aimed at the usual mistake.

``python -m briefkit.exercises --out build/exercises`` (``make exercises``) writes the
student copies: every ``solution`` cell replaced by ``answer = ...  # your answer here``.
Run again, it keeps each copy in which an exercise was answered (``--force`` replaces it).
A student copy runs up to the first unanswered exercise and stops there, with a message
saying what to do.

>>> import briefkit as bk
>>> corpus = bk.Corpus.from_texts(["Iran gains.", "Russia acts."],
...                                dates=["2016-03-01", "2016-04-02"])
>>> verdict = check("01.1", "2016-03", corpus=corpus)
Exercise 01.1: right. 2016-03 has the most briefs (1), tied with 2016-04.
>>> bool(verdict)
True
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

STUB = "answer = ...  # your answer here"
SOLUTION_TAG = "solution"
STUB_TAG = "answer"
# The regular expression of notebook 01's naive splitter: break after . ! ? before a capital.
NAIVE_SPLIT = r"(?<=[.!?])\s+(?=[A-Z])"


class ExerciseNotAnswered(Exception):
    """An exercise's answer is still ``...`` (or None): the student copy stops here."""

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: the student needs the message, not the stack.
        return [f"{type(self).__name__}: {self}"]


class UnknownExercise(KeyError):
    """No exercise has this id."""


@dataclass(frozen=True)
class Exercise:
    """One exercise: its question, how to compute its answer, how to judge an answer."""

    id: str
    notebook: str
    question: str
    teaches: str
    solve: Callable  # corpus -> the right answer(s), computed
    judge: Callable  # (answer, solved, corpus) -> (right: bool, message: str)


@dataclass(frozen=True)
class Verdict:
    """What ``check`` found; true when the answer is right."""

    exercise: str
    right: bool
    message: str

    def __bool__(self) -> bool:
        return self.right

    def _ipython_display_(self) -> None:
        """Nothing more to show: ``check`` has printed the message already."""


EXERCISES: dict[str, Exercise] = {}


def exercise(id: str, *, notebook: str, question: str, teaches: str, solve: Callable):
    """Register the decorated judge function as exercise ``id``."""

    def register(judge: Callable) -> Callable:
        EXERCISES[id] = Exercise(id, notebook, question, teaches, solve, judge)
        return judge

    return register


def get_exercise(exercise_id: str) -> Exercise:
    """The exercise with this id ("01.1"), or UnknownExercise listing the known ones."""
    try:
        return EXERCISES[str(exercise_id)]
    except KeyError:
        raise UnknownExercise(
            f"no exercise {exercise_id!r}; known: {', '.join(EXERCISES)}"
        ) from None


def list_exercises(notebook: str | None = None) -> pd.DataFrame:
    """The exercises (id, notebook, question, teaches), optionally of one notebook ("01")."""
    rows = [(e.id, e.notebook, e.question, e.teaches) for e in EXERCISES.values()
            if notebook is None or e.notebook.startswith(notebook)]
    return pd.DataFrame(rows, columns=["id", "notebook", "question", "teaches"])


def is_unanswered(answer) -> bool:
    """Whether an answer is still the stub's ``...`` (or None)."""
    return answer is Ellipsis or answer is None


def check(exercise_id: str, answer, corpus=None) -> Verdict:
    """Say whether ``answer`` is right for the exercise on ``corpus``, and when not, a hint.

    Args:
        exercise_id: the exercise, e.g. "01.1" (notebook 01, first exercise).
        answer: the student's answer; ``...`` or None means not answered yet.
        corpus: the Corpus the notebook analyses (default: the sample corpus).

    Returns:
        A Verdict (true when right), after printing its message.

    Raises:
        ExerciseNotAnswered: when the answer is ``...`` or None, so that a student copy of a
        notebook stops at the first exercise still to do.
    """
    ex = get_exercise(exercise_id)
    if is_unanswered(answer):
        print(f"Exercise {ex.id} is waiting for your answer. {ex.question}\n"
              "Replace the ... in `answer = ...` in the cell above, run that cell, then this one.")
        why = ("it is still ..." if answer is Ellipsis else
               "it is None: a call that changes a table in place (inplace=True) or prints "
               "(print(...)) returns None; give `answer` the value itself")
        raise ExerciseNotAnswered(f"exercise {ex.id} is not answered yet: give `answer` a value "
                                  f"in the cell above ({why})")
    corpus = corpus if corpus is not None else _sample_corpus()
    right, detail = ex.judge(answer, ex.solve(corpus), corpus)
    message = f"Exercise {ex.id}: {'right' if right else 'not yet'}. {detail}".strip()
    print(message)
    return Verdict(ex.id, bool(right), message)


def expected(exercise_id: str, corpus=None):
    """The right answer(s) of an exercise on a corpus, computed (for teachers and tests)."""
    return get_exercise(exercise_id).solve(corpus if corpus is not None else _sample_corpus())


def _sample_corpus():
    from briefkit.corpus import load_corpus, sample_path

    return load_corpus(sample_path(), progress=False)


# --- reading answers ---------------------------------------------------------------------


def _number(answer) -> float | None:
    """An answer as a float, or None when it is not a single number."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, (pd.Series, pd.DataFrame)) and answer.size == 1:
        answer = answer.to_numpy().ravel()[0]
    try:
        value = float(str(answer).strip().rstrip("%")) if isinstance(answer, str) else float(answer)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _text(answer) -> str:
    """An answer as lower-case text without surrounding space or quotes."""
    if isinstance(answer, (pd.Series, pd.Index)) and len(answer) == 1:
        answer = answer.iloc[0] if isinstance(answer, pd.Series) else answer[0]
    return str(answer).strip().strip("'\"").strip().casefold()


def _sentence_keys(answer) -> list[tuple[str, int]] | None:
    """(brief_id, sent_id) pairs from a tuple, a list of tuples, a row or a table."""
    if isinstance(answer, pd.DataFrame):
        if not {"brief_id", "sent_id"} <= set(answer.columns):
            return None
        pairs = answer[["brief_id", "sent_id"]].itertuples(index=False)
        return [(str(b), int(s)) for b, s in pairs]
    if isinstance(answer, pd.Series):
        if {"brief_id", "sent_id"} <= set(answer.index):
            return [(str(answer["brief_id"]), int(answer["sent_id"]))]
        answer = tuple(answer)
    if isinstance(answer, dict) and {"brief_id", "sent_id"} <= set(answer):
        return [(str(answer["brief_id"]), int(answer["sent_id"]))]
    if (isinstance(answer, (tuple, list)) and len(answer) == 2
            and not isinstance(answer[0], (tuple, list))):
        try:
            return [(str(answer[0]), int(answer[1]))]
        except (TypeError, ValueError):
            return None
    if isinstance(answer, (tuple, list, set)):
        keys = [_sentence_keys(item) for item in answer]
        return None if not keys or any(k is None for k in keys) else [k[0] for k in keys]
    return None


# --- notebook 01: load and tokenise ------------------------------------------------------


def _busiest_months(corpus) -> dict:
    months = corpus.briefs["date"].dropna().dt.to_period("M").astype(str).value_counts()
    return {"counts": months.to_dict(), "best": sorted(months[months == months.max()].index)}


def _month(answer) -> str | None:
    if isinstance(answer, (pd.Period, pd.Timestamp)):
        return f"{answer.year:04d}-{answer.month:02d}"
    match = re.fullmatch(r"(\d{4})[-/ ]?(\d{1,2})", _text(answer))
    return f"{match.group(1)}-{int(match.group(2)):02d}" if match else None


@exercise(
    "01.1", notebook="01-load-and-tokenize",
    question="In which month were the most briefs published? Answer with a string 'YYYY-MM'.",
    teaches=("dates as a datetime column; grouping by calendar month; reading a series of briefs "
             "over time"),
    solve=_busiest_months,
)
def _judge_busiest_month(answer, solved, corpus):
    counts, best = solved["counts"], solved["best"]
    if not best:
        right = _text(answer) == "none"
        return right, "No brief in this corpus has a date: the answer is 'none'."
    month = _month(answer)
    top = counts[best[0]]
    if month in best:
        ties = [m for m in best if m != month]
        return True, (f"{month} has the most briefs ({top})"
                      + (f", tied with {', '.join(ties)}." if ties else "."))
    if month is None:
        if _number(answer) is not None and re.fullmatch(r"\d{4}", _text(answer)):
            return False, "That is a year: the question asks for a month, as 'YYYY-MM'."
        if _number(answer) is not None:
            return False, ("That looks like a count of briefs: the question asks which month, "
                           "as 'YYYY-MM'.")
        return False, "Answer with the month as a string 'YYYY-MM', for example '2016-03'."
    return False, (f"{month} has {counts.get(month, 0)} briefs, and one month has {top}. Count "
                   "briefs per month with corpus.briefs['date'].dt.to_period('M').value_counts().")


def _cut_by_regex(corpus) -> set[tuple[str, int]]:
    sentences = corpus.sentences
    cut = sentences["text"].map(lambda text: len(re.split(NAIVE_SPLIT, text)) > 1)
    pairs = sentences.loc[cut, ["brief_id", "sent_id"]].itertuples(index=False)
    return {(str(b), int(s)) for b, s in pairs}


@exercise(
    "01.2", notebook="01-load-and-tokenize",
    question=("Find a sentence of the corpus that notebook 01's regular-expression splitter "
              "(a break after . ! or ? before a capital) would cut in two. Answer with its "
              "(brief_id, sent_id)."),
    teaches=("why abbreviations ('U.S.', 'Gen.', 'Dec.') defeat naive sentence splitting; "
             "applying a function to a column"),
    solve=_cut_by_regex,
)
def _judge_cut_sentence(answer, solved, corpus):
    if not solved:
        return _text(answer) == "none", ("The regular expression cuts no sentence of this corpus: "
                                         "answer 'none'.")
    keys = _sentence_keys(answer)
    if isinstance(answer, (tuple, list)) and len(answer) == 2 and isinstance(answer[1], str):
        return False, "Put the brief_id first, then the sent_id: (brief_id, sent_id)."
    if not keys:
        example = str(corpus.sentences["brief_id"].iloc[0])  # any brief: not a hint
        return False, ("Answer with a pair (brief_id, sent_id), e.g. "
                       f"({example!r}, 3), or a row of corpus.sentences.")
    text = corpus.sentences.set_index(["brief_id", "sent_id"])["text"]
    for key in keys:
        if key in solved:
            continue
        if key not in text.index:
            return False, (f"There is no sentence {key} in corpus.sentences; take brief_id and "
                           "sent_id from the same row.")
        return False, (f"The regular expression keeps {key} whole: {text[key][:90]!r}. Look for "
                       "an abbreviation followed by a capital, such as 'U.S. Navy'.")
    return True, (f"{len(solved)} sentences of this corpus would be cut; every cut loses the "
                  "link between a claim and its source.")


def _stopword_share(corpus) -> dict:
    tokens = corpus.tokens
    alpha = tokens[tokens["is_alpha"]]
    return {"alpha": float(alpha["is_stop"].mean()) if len(alpha) else float("nan"),
            "all": float(tokens["is_stop"].mean()) if len(tokens) else float("nan")}


@exercise(
    "01.3", notebook="01-load-and-tokenize",
    question=("What share of the alphabetic tokens (is_alpha) are stopwords (is_stop)? Answer "
              "with a number between 0 and 1; two decimals are enough."),
    teaches=("the token table's boolean columns; the mean of a boolean as a share; "
             "filtering before counting"),
    solve=_stopword_share,
)
def _judge_stopword_share(answer, solved, corpus):
    value, share = _number(answer), solved["alpha"]
    close = lambda a, b: abs(a - b) <= 0.005  # noqa: E731  (two decimals)
    if value is None:
        return False, "Answer with a single number between 0 and 1, such as 0.25."
    if close(value, share):
        return True, f"{share:.3f} of the words are stopwords; the rest carry the content."
    if 1 < value <= 100 and close(value / 100, share):
        return False, "That is a percentage: give the share as a number between 0 and 1."
    if close(value, solved["all"]):
        return False, ("You counted punctuation and numbers too: keep only the tokens with "
                       "is_alpha before taking the share.")
    if close(value, 1 - share):
        return False, "That is the share of words that are NOT stopwords."
    if value > 1:
        return False, "That looks like a count: divide by the number of alphabetic tokens."
    return False, "Filter corpus.tokens on is_alpha, then take the mean of is_stop."


# --- notebook 02: actors and claims ------------------------------------------------------

NOT_ACTORS = ("region", "non_actor")  # places and phrases the gazetteer matches but never reports
MIN_BRIEFS = 10


def _actors_in_many_briefs(corpus) -> dict:
    from briefkit.actors import find_mentions

    mentions = find_mentions(corpus)
    named = mentions[~mentions["actor_type"].isin(NOT_ACTORS)]
    count = lambda frame, how: int((how(frame.groupby("actor")) >= MIN_BRIEFS).sum())  # noqa: E731
    return {"briefs": count(named, lambda g: g["brief_id"].nunique()),
            "mentions": count(named, lambda g: g.size()),
            "with_places": count(mentions, lambda g: g["brief_id"].nunique())}


@exercise(
    "02.1", notebook="02-actors-and-claims",
    question=(f"How many different actors (leaving out places and non-actors, as the `named` "
              f"table does) are named in at least {MIN_BRIEFS} briefs?"),
    teaches="what one row of the mentions table is; counting briefs (nunique) rather than rows",
    solve=_actors_in_many_briefs,
)
def _judge_actors_in_many_briefs(answer, solved, corpus):
    value = _number(answer)
    if value is None:
        return False, "Answer with a single number: how many actors."
    if value == solved["briefs"]:
        return True, (f"{solved['briefs']} actors are named in {MIN_BRIEFS} briefs or more; "
                      f"{solved['mentions']} have {MIN_BRIEFS} mentions or more.")
    if value == solved["mentions"] and solved["mentions"] != solved["briefs"]:
        return False, ("That counts actors with at least that many mentions (rows). Count each "
                       "brief once: groupby('actor')['brief_id'].nunique().")
    if value == solved["with_places"]:
        return False, ("Leave out the rows whose actor_type is 'region' or 'non_actor': they are "
                       "places, not actors.")
    return False, ("Group the mentions of `named` by actor, count distinct brief_ids, and count "
                   f"the actors with {MIN_BRIEFS} or more.")


def _author_terms(corpus) -> pd.DataFrame:
    from briefkit.claims import extract_claims

    claims = extract_claims(corpus)
    return claims[(claims["kind"] == "judgment") & claims["estimative_term"].notna()]


def _mixed_scale_sentences(corpus) -> dict:
    terms = _author_terms(corpus)
    author = terms[terms["voice"] == "author"]
    scales = author.groupby(["brief_id", "sent_id"])["scale"].nunique()
    mixed = {(str(b), int(s)) for b, s in scales[scales > 1].index}
    return {"mixed": mixed, "terms": terms}


@exercise(
    "02.2", notebook="02-actors-and-claims",
    question=("Find a judgment whose wording mixes scales: a sentence in which the author "
              "(voice 'author') uses estimative terms from two different scales (ICD 203, "
              "Kent, unquantified). Answer with its (brief_id, sent_id)."),
    teaches=("ICD 203's calibrated terms against Kent's and unquantified words; "
             "grouping claims by sentence; whose voice a term is in"),
    solve=_mixed_scale_sentences,
)
def _judge_mixed_scales(answer, solved, corpus):
    mixed, terms = solved["mixed"], solved["terms"]
    if not mixed:
        return _text(answer) == "none", "No sentence of this corpus mixes scales: answer 'none'."
    keys = _sentence_keys(answer)
    if isinstance(answer, (tuple, list)) and len(answer) == 2 and isinstance(answer[1], str):
        return False, "Put the brief_id first, then the sent_id: (brief_id, sent_id)."
    if not keys:
        return False, "Answer with a pair (brief_id, sent_id), or a row of the claims table."
    for key in keys:
        if key in mixed:
            continue
        here = terms[(terms["brief_id"] == key[0]) & (terms["sent_id"] == key[1])]
        if here.empty:
            return False, f"Sentence {key} holds no estimative term."
        author = here[here["voice"] == "author"]
        if author["scale"].nunique() < here["scale"].nunique():
            return False, (f"In {key} some terms are in a reported view (voice 'holder'): the "
                           "question asks about the author's own wording.")
        terms = author[["estimative_term", "scale"]].itertuples(index=False)
        listed = ", ".join(f"{t!r} ({s})" for t, s in terms)
        return False, (f"The author's terms in {key} all come from one scale: {listed}. Group "
                       "the author's judgments by (brief_id, sent_id) and count distinct scales.")
    return True, (f"{len(mixed)} sentences of this corpus mix scales; ICD 203 asks for the "
                  "terms of its table alone, so a reader can put a number on each.")


def _alias_effect(corpus) -> Callable:
    """A function (actor, alias) -> (mentions before, after, total change), on this corpus."""
    from briefkit.actors import find_mentions, load_gazetteer

    before = find_mentions(corpus)

    def effect(actor: str, alias: str) -> tuple[int, int, int]:
        gazetteer = load_gazetteer(extra=[{"actor": actor, "aliases": alias}])
        after = find_mentions(corpus, gazetteer=gazetteer)
        count = lambda frame: int((frame["actor"] == actor).sum())  # noqa: E731
        return count(before), count(after), len(after) - len(before)

    return effect


@exercise(
    "02.3", notebook="02-actors-and-claims",
    question=("Add an alias to the gazetteer and measure what changes: how many more mentions "
              "does its actor get? Answer with a dict {'actor': ..., 'alias': ..., "
              "'new_mentions': ...}."),
    teaches=("the gazetteer drives every later table; load_gazetteer(extra=...); "
             "measuring an edit before trusting it"),
    solve=_alias_effect,
)
def _judge_alias_effect(answer, effect, corpus):
    from briefkit.actors import load_gazetteer

    if not isinstance(answer, dict) or not {"actor", "alias", "new_mentions"} <= set(answer):
        return False, ("Answer with a dict: "
                       "{'actor': 'Syria', 'alias': 'the regime', 'new_mentions': 3}.")
    actor, alias = str(answer["actor"]), str(answer["alias"])
    claimed = _number(answer["new_mentions"])
    if not alias.strip():
        return False, ("The alias is empty: add a name the briefs use for the actor, such as "
                       "'the regime' for Syria, then count.")
    if actor not in set(load_gazetteer()["actor"]):
        from briefkit.actors import resolve_actor

        row = resolve_actor(actor)
        meant = f" ({row['actor']!r}?)" if row is not None else ""
        return False, (f"{actor!r} is not an actor of the gazetteer: use its canonical name, "
                       f"from the `actor` column{meant}.")
    before, after, total = effect(actor, alias)
    if claimed == after - before:
        note = (f" Other actors lost {after - before - total} mentions to the new alias."
                if total != after - before else "")
        return True, (f"With {alias!r}, {actor} goes from {before} to {after} mentions.{note} "
                      "Now read the new mentions: are they all right?")
    if claimed == total:
        return False, "That is the change in all mentions: count only the rows of that actor."
    if claimed == after:
        return False, (f"That is {actor}'s count with the alias; "
                       f"subtract the count without it ({before}).")
    return False, (f"Count {actor}'s rows in find_mentions(corpus) without and with the alias "
                   "(gazetteer=load_gazetteer(extra=[...])), and take the difference.")


# --- notebook 03: sentiment toward the United States -------------------------------------

MIN_VIEWS = 3  # sentences a holder needs on each side of the comparison
EVIDENCE_ITEM = r"(?:^|; )(?P<word>[^;(]+?)\((?P<weight>[+-]\d*\.\d+)"


def _us_tone(corpus) -> pd.DataFrame:
    from briefkit.sentiment import sentiment_toward

    return sentiment_toward(corpus, "United States")


def _turns_negative(corpus) -> dict:
    tone = _us_tone(corpus)
    years = tone["brief_id"].map(corpus.briefs.set_index("brief_id")["date"]).dt.year
    if years.dropna().nunique() < 2:
        return {"year": None, "stats": None, "drops": pd.Series(dtype=float)}
    year = int(years.max())
    side = pd.Series("before", index=tone.index).where(years != year, "last").where(years.notna())
    stats = tone.groupby(["holder", side])["score"].agg(["mean", "size"]).unstack()
    columns = pd.MultiIndex.from_product([["mean", "size"], ["before", "last"]])
    stats = stats.reindex(columns=columns)
    enough = stats[(stats[("size", "last")] >= MIN_VIEWS)
                   & (stats[("size", "before")] >= MIN_VIEWS)]
    drops = (enough[("mean", "last")] - enough[("mean", "before")]).sort_values(kind="mergesort")
    return {"year": year, "stats": stats, "drops": drops}


@exercise(
    "03.1", notebook="03-sentiment-toward-the-us",
    question=("Which holder's view of the United States turns most negative in the corpus's "
              "last year (2017 in the sample)? Compare each holder's mean score that year with its "
              f"mean before, among holders with at least {MIN_VIEWS} sentences on each side."),
    teaches=("grouping the tone table by holder and period; a change is a difference between "
             "two means; minimum counts"),
    solve=_turns_negative,
)
def _judge_turns_negative(answer, solved, corpus):
    drops, stats, year = solved["drops"], solved["stats"], solved["year"]
    if drops.empty:
        return _text(answer) == "none", (f"No holder has {MIN_VIEWS} sentences on each side "
                                         "(or the corpus spans one year): answer 'none'.")
    name = str(answer).strip()
    worst = drops[drops == drops.min()].index
    if name in worst:
        return True, (f"{name}: {stats.loc[name, ('mean', 'before')]:+.2f} before {year}, "
                      f"{stats.loc[name, ('mean', 'last')]:+.2f} in {year}. Read its sentences "
                      "and their evidence before explaining the turn.")
    if name not in stats.index:
        return False, "Answer with a value of the tone table's `holder` column, such as 'author'."
    if name not in drops.index:
        return False, (f"{name} has too few sentences on one side: keep holders with at least "
                       f"{MIN_VIEWS} sentences both in {year} and before.")
    lowest = stats.loc[drops.index, ("mean", "last")].idxmin()
    if name == lowest:
        return False, (f"{name} is the most negative holder in {year}, but the question asks "
                       "whose view turns most negative: subtract each holder's mean before from "
                       f"its mean in {year}.")
    return False, (f"{name}'s mean moves by {drops[name]:+.2f}; another holder's falls further. "
                   "Sort the differences.")


def _vader_disagrees(corpus) -> dict:
    from briefkit.sentiment import vader_toward

    tone = _us_tone(corpus)
    vader = vader_toward(tone, corpus)
    keys = list(zip(tone["brief_id"].astype(str), tone["sent_id"].astype(int)))
    labels = {k: (v, b) for k, v, b in zip(keys, vader["label"], tone["label"])}
    wanted = {k for k, (v, b) in labels.items() if v == "positive" and b == "negative"}
    return {"wanted": wanted, "labels": labels}


@exercise(
    "03.2", notebook="03-sentiment-toward-the-us",
    question=("Find a sentence naming the United States that plain VADER calls positive and "
              "briefkit negative toward it. Answer with its (brief_id, sent_id)."),
    teaches=("a sentence's tone is not the tone toward one target in it; reading evidence to see "
             "why two methods disagree"),
    solve=_vader_disagrees,
)
def _judge_vader_disagrees(answer, solved, corpus):
    wanted, labels = solved["wanted"], solved["labels"]
    if not wanted:
        return _text(answer) == "none", ("No sentence of this corpus is positive for VADER and "
                                         "negative for briefkit: answer 'none'.")
    keys = _sentence_keys(answer)
    if isinstance(answer, (tuple, list)) and len(answer) == 2 and isinstance(answer[1], str):
        return False, "Put the brief_id first, then the sent_id: (brief_id, sent_id)."
    if not keys:
        return False, "Answer with a pair (brief_id, sent_id), or a row of the tone table."
    for key in keys:
        if key in wanted:
            continue
        if key not in labels:
            return False, (f"Sentence {key} does not name the United States "
                           "(it is not in the tone table).")
        vader, own = labels[key]
        return False, (f"In {key} VADER says {vader} and briefkit {own}. "
                       "Keep the rows where VADER's label is 'positive' and briefkit's 'negative'.")
    return True, (f"{len(wanted)} sentences are positive for VADER and negative toward the United "
                  "States for briefkit. The evidence column says which words decided.")


def _heaviest_negative_word(corpus) -> dict:
    items = _us_tone(corpus)["evidence"].fillna("").str.extractall(EVIDENCE_ITEM)
    items["weight"] = items["weight"].astype(float)
    negative = items[items["weight"] < 0]
    totals = negative.groupby(negative["word"].str.strip().str.casefold())["weight"].sum()
    if totals.empty:
        return {"best": set(), "totals": totals}
    return {"best": set(totals.index[totals == totals.min()]), "totals": totals,
            "strongest": negative.loc[negative["weight"].idxmin(), "word"].strip().casefold(),
            "commonest": negative["word"].str.strip().str.casefold().value_counts().index[0]}


@exercise(
    "03.3", notebook="03-sentiment-toward-the-us",
    question=("Which word of the evidence pulls the scores toward the United States down the most "
              "in total (the sum of its negative contributions over the corpus)?"),
    teaches="the evidence column as data: every score can be taken apart into words and weights",
    solve=_heaviest_negative_word,
)
def _judge_heaviest_negative_word(answer, solved, corpus):
    if not solved["best"]:
        return _text(answer) == "none", "No word lowers any score in this corpus: answer 'none'."
    word = _text(answer)
    totals = solved["totals"]
    if word in solved["best"]:
        return True, (f"{word!r} contributes {totals[word]:+.2f} in all. Is it a word about the "
                      "United States, or about the situation around it?")
    if word == solved["strongest"] and word not in solved["best"]:
        return False, ("That word has the strongest single contribution; the question asks for the "
                       "total over the corpus: sum the weights per word.")
    if word == solved["commonest"] and word not in solved["best"]:
        return False, ("That word lowers the most scores; "
                       "the question asks for the largest total weight.")
    if word in totals.index:
        return False, f"{word!r} totals {totals[word]:+.2f}; one word totals {totals.min():+.2f}."
    return False, ("Split the evidence into its items with "
                   "tone['evidence'].str.extractall("
                   "r'(?:^|; )(?P<word>[^;(]+?)\\((?P<weight>[+-]\\d*\\.\\d+)'), "
                   "keep the negative weights and sum them per word.")


# --- notebook 04: compare briefs --------------------------------------------------------


def _years(corpus) -> list[int]:
    return sorted(int(y) for y in corpus.briefs["date"].dropna().dt.year.unique())


def _first_year_keyness(corpus) -> dict:
    from briefkit.compare import keyness

    years = _years(corpus)
    if len(years) < 2:
        return {"table": None}
    table = keyness(corpus, by="year", a=years[0], b=years[-1])
    own = table[table["favours"].astype(str) == str(years[0])]
    def top(column):
        return own.sort_values(column, ascending=False, kind="mergesort")["term"].head(1).tolist()

    return {"table": table, "first": years[0], "last": years[-1], "z": top("z"), "g2": top("g2"),
            "log_ratio": top("log_ratio"),
            "other_side": table.sort_values("z", kind="mergesort")["term"].head(1).tolist()}


@exercise(
    "04.1", notebook="04-compare-briefs",
    question=("Which word marks the corpus's first year most strongly against its last year, by "
              "the z of the weighted log-odds (Fightin' Words: the order of compare.keyness)?"),
    teaches=("keyness: G2 (is it chance?), log ratio (how big?) and the log-odds z "
             "(both, shrunk toward the corpus) answer different questions"),
    solve=_first_year_keyness,
)
def _judge_first_year_keyness(answer, solved, corpus):
    if solved["table"] is None:
        return _text(answer) == "none", "The corpus spans fewer than two years: answer 'none'."
    word = _text(answer)
    if [word] == [t.casefold() for t in solved["z"]]:
        return True, (f"{word!r} has the highest z for {solved['first']} against "
                      f"{solved['last']}; G2 ranks {solved['g2'][0]!r} first and log ratio "
                      f"{solved['log_ratio'][0]!r}.")
    if [word] == [t.casefold() for t in solved["g2"]]:
        return False, ("That word wins on G2, which grows with frequency: the question asks for "
                       "the z of the log-odds, the table's own order.")
    if [word] == [t.casefold() for t in solved["log_ratio"]]:
        return False, ("That word wins on log ratio, the size of the difference, however rare the "
                       "word: the question asks for z.")
    if [word] == [t.casefold() for t in solved["other_side"]]:
        return False, (f"That word marks {solved['last']}, the other side: swap a and b, "
                       "or read the other end.")
    if word not in set(solved["table"]["term"].astype(str).str.casefold()):
        return False, (f"{word!r} is not in the keyness table (stopwords and rare words are "
                       f"left out). Run compare.keyness(corpus, by='year', a={solved['first']}, "
                       f"b={solved['last']}) and read the first row.")
    return False, (f"Run compare.keyness(corpus, by='year', a={solved['first']}, "
                   f"b={solved['last']}) and read the first row.")


def _most_alike(corpus) -> dict:
    import numpy as np

    from briefkit.compare import brief_similarity

    similarity = brief_similarity(corpus)
    values = similarity.to_numpy(dtype=float, copy=True)
    np.fill_diagonal(values, -np.inf)
    best = values.max() if values.size > 1 else float("nan")
    pairs = {frozenset((similarity.index[i], similarity.columns[j]))
             for i, j in zip(*np.nonzero(values == best))} if values.size > 1 else set()
    return {"similarity": similarity, "best": best, "pairs": pairs}


@exercise(
    "04.2", notebook="04-compare-briefs",
    question=("Which two different briefs are most alike, by the cosine of their TF-IDF vectors "
              "(compare.brief_similarity)? Answer with a pair of brief_ids."),
    teaches="TF-IDF and cosine similarity; a similarity matrix's diagonal is not an answer",
    solve=_most_alike,
)
def _judge_most_alike(answer, solved, corpus):
    if not solved["pairs"]:
        return _text(answer) == "none", "The corpus has fewer than two briefs: answer 'none'."
    if not isinstance(answer, (tuple, list, set, frozenset, pd.Index)) or len(answer) != 2:
        return False, "Answer with a pair of brief_ids: ('2015-...', '2016-...')."
    a, b = (str(x) for x in answer)
    similarity = solved["similarity"]
    if a not in similarity.index or b not in similarity.index:
        return False, "Both must be brief_ids of corpus.briefs."
    if a == b:
        return False, ("A brief is always most like itself (the diagonal, 1.0): "
                       "leave the diagonal out.")
    if frozenset((a, b)) in solved["pairs"]:
        return True, (f"Their cosine is {solved['best']:.3f}. compare.nearest_briefs shows the "
                      "terms they share.")
    return False, (f"Their cosine is {similarity.loc[a, b]:.3f}, and one pair scores "
                   f"{solved['best']:.3f}. Set the diagonal aside, then find the largest value.")


def _strengthened(corpus) -> dict:
    from briefkit.actors import find_mentions
    from briefkit.claims import extract_claims
    from briefkit.compare import track_claims

    tracked = track_claims(extract_claims(corpus), mentions=find_mentions(corpus), corpus=corpus)
    author = tracked["holder"] == "author"
    count = lambda *changes: int((author & tracked["change"].isin(changes)).sum())  # noqa: E731
    return {"strengthened": count("strengthened"),
            "moved": count("strengthened", "weakened", "reversed"),
            "any_holder": int((tracked["change"] == "strengthened").sum()),
            "weakened": count("weakened")}


@exercise(
    "04.3", notebook="04-compare-briefs",
    question=("With compare.track_claims at its default threshold, how many of the author's "
              "claims were strengthened from one brief to the next?"),
    teaches="claim tracking: a view restated across briefs, and how its probability range moved",
    solve=_strengthened,
)
def _judge_strengthened(answer, solved, corpus):
    value = _number(answer)
    if value is None:
        return False, "Answer with a number."
    if value == solved["strengthened"]:
        return True, (f"{solved['strengthened']} of the author's claims were strengthened and "
                      f"{solved['weakened']} weakened. Read them with compare.claim_timeline.")
    if value == solved["any_holder"] and solved["any_holder"] != solved["strengthened"]:
        return False, "That counts every holder: keep the rows whose holder is 'author'."
    if value == solved["moved"]:
        return False, ("That counts every move (weakened and reversed too): "
                       "keep change == 'strengthened'.")
    return False, ("Count the rows of track_claims(claims, mentions=mentions, corpus=corpus) whose "
                   "holder is 'author' and change is 'strengthened'.")


# --- notebook 05: explore (the explorers' controls are plain function arguments) ---------

TOP_BANDS = (0.8, 1.0)  # ICD 203's two top bands: very likely, almost certain
MIN_SENTENCES = 5


def _kept_by_slider(corpus) -> dict:
    from briefkit.claims import extract_claims

    claims = extract_claims(corpus)
    low, high = TOP_BANDS
    inside = ((pd.to_numeric(claims["prob_low"], errors="coerce") >= low - 1e-9)
              & (pd.to_numeric(claims["prob_high"], errors="coerce") <= high + 1e-9))
    judgments = inside & (claims["kind"] == "judgment")
    return {"judgments": int(judgments.sum()), "any_kind": int(inside.sum()),
            "author": int((judgments & (claims["voice"] == "author")).sum())}


@exercise(
    "05.1", notebook="05-explore",
    question=("Set the claim browser to kind 'judgment' and its probability slider to 0.8-1.0 "
              "(ICD 203's two top bands): how many claims does it keep? Use "
              "claim_browser.filter(...)."),
    teaches=("an explorer's controls are the arguments of a plain function; "
             "a range filter keeps ranges inside it"),
    solve=_kept_by_slider,
)
def _judge_kept_by_slider(answer, solved, corpus):
    value = _number(answer.shape[0] if isinstance(answer, pd.DataFrame) else answer)
    if value is None:
        return False, "Answer with a number (or the filtered table itself)."
    if value == solved["judgments"]:
        return True, (f"{solved['judgments']} judgments stand at 'very likely' or above; "
                      f"{solved['author']} of them in the author's own voice.")
    if value == solved["any_kind"]:
        return False, "That keeps key points too: set kinds=['judgment'] as well as prob."
    return False, ("Call claim_browser.filter(kinds=['judgment'], prob=(0.8, 1.0)) and count the "
                   "rows it returns.")


def _quarter(answer) -> str:
    """A quarter as the timeline labels it ('2016Q3'), from '2016Q3', '2016 q3', 'Q3 2016',
    'q3-2016' or a pandas Period; else the answer as upper-case text without spaces."""
    if isinstance(answer, pd.Period):
        return f"{answer.year}Q{answer.quarter}"
    label = _text(answer).upper().replace(" ", "").replace("-", "")
    match = re.fullmatch(r"Q([1-4])(\d{4})", label)
    return f"{match.group(2)}Q{match.group(1)}" if match else label


def _lowest_quarter(corpus) -> dict:
    from briefkit.compare import period_of
    from briefkit.sentiment import sentiment_toward

    tone = sentiment_toward(corpus, "United States").reset_index(drop=True)
    dates = tone["brief_id"].map(corpus.briefs.set_index("brief_id")["date"])
    stats = tone.groupby(period_of(dates, "quarter"))["score"].agg(["size", "mean"])
    enough = stats[stats["size"] >= MIN_SENTENCES]
    lowest = sorted(enough.index[enough["mean"] == enough["mean"].min()]) if len(enough) else []
    return {"stats": stats, "lowest": lowest}


@exercise(
    "05.2", notebook="05-explore",
    question=(f"In which quarter is the mean tone toward the United States lowest, among quarters "
              f"with at least {MIN_SENTENCES} sentences? Use tone_explorer.timeline(...); answer "
              "with the label it shows, such as '2016Q3'."),
    teaches="reading a timeline as a table; why a mean needs enough sentences behind it",
    solve=_lowest_quarter,
)
def _judge_lowest_quarter(answer, solved, corpus):
    stats, lowest = solved["stats"], solved["lowest"]
    if not lowest:
        return _text(answer) == "none", (f"No quarter has {MIN_SENTENCES} sentences about "
                                         "the United States: answer 'none'.")
    label = _quarter(answer)
    if label in lowest:
        mean, n = stats.loc[label, "mean"], stats.loc[label, "size"]
        return True, (f"{label}: mean {mean:+.3f} over {n} sentences. "
                      "Read them before explaining it.")
    if label in stats.index:
        n, mean = stats.loc[label, "size"], stats.loc[label, "mean"]
        if n < MIN_SENTENCES:
            return False, (f"{label} has only {n} sentences: "
                           f"keep the quarters with n >= {MIN_SENTENCES}.")
        if mean == stats["mean"].max():
            return False, f"{label} is the most positive quarter, not the lowest."
        return False, (f"{label} has mean {mean:+.3f}; one quarter is lower. "
                       "Sort the timeline by 'mean'.")
    return False, "Answer with a quarter's label as the timeline shows it, such as '2016Q3'."


# --- student copies ----------------------------------------------------------------------


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def student_notebook(notebook: dict) -> tuple[dict, int]:
    """A copy of a notebook (nbformat JSON) with each solution cell replaced by the stub.

    Returns the copy and the number of cells replaced. Outputs are cleared.
    """
    out = copy.deepcopy(notebook)
    cells, replaced = [], 0
    for cell in out["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        if SOLUTION_TAG in _tags(cell):
            cell = {**cell, "source": STUB, "metadata": {**cell.get("metadata", {}), "tags": [
                STUB_TAG, *[t for t in _tags(cell) if t != SOLUTION_TAG]]}}
            replaced += 1
        cells.append(cell)
    out["cells"] = cells
    return out, replaced


def _heading(cell: dict) -> str:
    source = "".join(cell.get("source", "")) if cell["cell_type"] == "markdown" else ""
    return source.lstrip().splitlines()[0] if source.strip() else ""


def dashboard_notebook(notebook: dict) -> dict:
    """A copy of a notebook without its exercises, for readers of the dashboard.

    Drops the cells from the "## Exercises" heading up to the closing "## In this notebook
    we:" cell; outputs are cleared.
    """
    out = copy.deepcopy(notebook)
    cells, skipping = [], False
    for cell in out["cells"]:
        heading = _heading(cell)
        if heading.startswith("## Exercises"):
            skipping = True
        elif heading.startswith("## In this notebook"):
            skipping = False
        if skipping:
            continue
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        cells.append(cell)
    out["cells"] = cells
    return out


def write_dashboard(out: str | Path, *, notebook: Path | None = None) -> Path:
    """Write the dashboard's copy of notebook 05 (exercises removed) into ``out``."""
    from briefkit.report import notebooks_dir
    from briefkit.storage import atomic_write_text

    source = notebook or notebooks_dir() / "05-explore.ipynb"
    copy_ = dashboard_notebook(json.loads(Path(source).read_text(encoding="utf-8")))
    return atomic_write_text(Path(out) / Path(source).name, json.dumps(copy_, indent=1) + "\n")


def answered(path: str | Path) -> int:
    """How many exercises a student copy at ``path`` holds an answer for (0 if unreadable)."""
    try:
        cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return 0
    return sum(STUB_TAG in _tags(c) and "".join(c.get("source", "")).strip() != STUB
               for c in cells if isinstance(c, dict))


def make_student_copies(out: str | Path, *, notebooks: list[Path] | None = None,
                        force: bool = False) -> list[Path]:
    """Write a student copy of every numbered notebook into ``out``; return their paths.

    A copy already there in which a student has answered an exercise is kept, not
    replaced by a blank one (its path is still returned), unless ``force``.
    """
    from briefkit import storage
    from briefkit.report import list_notebooks

    written = []
    for path in notebooks or list_notebooks():
        target = Path(out) / Path(path).name
        if not force and answered(target):
            written.append(target)
            continue
        notebook = json.loads(Path(path).read_text(encoding="utf-8"))
        student, _ = student_notebook(notebook)
        storage.atomic_write_text(target, json.dumps(student, indent=1, ensure_ascii=False) + "\n")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m briefkit.exercises --out build/exercises``: write the student copies."""
    from briefkit.paths import build_dir

    parser = argparse.ArgumentParser(prog="python -m briefkit.exercises",
                                     description="Write student copies of the notebooks.")
    parser.add_argument("--out", help="the folder to write (default: build/exercises)")
    parser.add_argument("--dashboard", metavar="FOLDER",
                        help="instead, write notebook 05 without its exercises into FOLDER")
    parser.add_argument("--force", action="store_true",
                        help="replace copies in which exercises were answered (their answers "
                             "are lost)")
    args = parser.parse_args(argv)
    if args.dashboard:
        print(write_dashboard(args.dashboard))
        return 0
    out = Path(args.out) if args.out else build_dir() / "exercises"
    before = {p.name: answered(p) for p in out.glob("*.ipynb")} if out.is_dir() else {}
    for path in make_student_copies(out, force=args.force):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        stubs = sum(STUB_TAG in _tags(c) for c in notebook["cells"])
        if not args.force and before.get(path.name):
            print(f"{path}  (kept: {before[path.name]} of {stubs} exercises answered in it; "
                  "--force replaces it with a blank copy)")
            continue
        print(f"{path}  ({stubs} exercise{'s' if stubs != 1 else ''} to answer)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
