"""Exercises: checks computed from the corpus, friendly stops, and the student copies."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import briefkit as bk
from briefkit import exercises
from briefkit.exercises import ExerciseNotAnswered, check, expected, student_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
CHECK_CALL = re.compile(r"""check\(\s*["'](\d\d\.\d+)["']""")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def _with_exercises() -> list[Path]:
    return [p for p in NOTEBOOKS if any("solution" in _tags(c) for c in _cells(p))]


@pytest.fixture
def small():
    return bk.Corpus.from_texts(
        ["• Iran gains\n\nA U.S. Navy ship sailed near the reef. The talks will likely resume.",
         "Russia acts. Washington objects.",
         "Moscow rejects the plan."],
        dates=["2016-03-01", "2016-03-20", "2017-01-05"],
    )


# --- the checks ------------------------------------------------------------------------


@pytest.mark.offline
def test_a_right_answer_is_right_and_says_so(small, capsys):
    verdict = check("01.1", "2016-03", corpus=small)
    assert verdict and verdict.right
    assert "Exercise 01.1: right" in capsys.readouterr().out


@pytest.mark.offline
def test_a_wrong_answer_gets_a_hint_not_an_error(small, capsys):
    verdict = check("01.1", "2017-01", corpus=small)
    assert not verdict
    out = capsys.readouterr().out
    assert "not yet" in out and "2017-01 has 1 briefs" in out and "value_counts" in out


@pytest.mark.offline
def test_checks_compute_the_answer_from_the_corpus_they_are_given(small):
    other = bk.Corpus.from_texts(["A.", "B.", "C."],
                                 dates=["2015-07-01", "2015-07-02", "2016-01-01"])
    assert expected("01.1", small)["best"] == ["2016-03"]
    assert expected("01.1", other)["best"] == ["2015-07"]
    assert check("01.1", "2015-07", corpus=other) and not check("01.1", "2015-07", corpus=small)


@pytest.mark.offline
@pytest.mark.parametrize("answer", [..., None])
def test_an_unanswered_exercise_stops_with_a_friendly_message(small, answer, capsys):
    with pytest.raises(ExerciseNotAnswered, match=r"exercise 01\.2 is not answered yet"):
        check("01.2", answer, corpus=small)
    out = capsys.readouterr().out
    assert "waiting for your answer" in out and "answer = ..." in out
    assert "(brief_id, sent_id)" in out  # the question is repeated


@pytest.mark.offline
def test_an_answer_of_none_is_told_apart_from_the_stub(small, capsys):
    # `answer = df.sort_values(..., inplace=True)` or `answer = print(x)` gives None: the
    # student did write an answer, so "it is still ..." would send them looking for a stub.
    with pytest.raises(ExerciseNotAnswered) as raised:
        check("01.1", None, corpus=small)
    assert "None" in str(raised.value) and "still ..." not in str(raised.value)
    assert "inplace=True" in str(raised.value)
    with pytest.raises(ExerciseNotAnswered, match=r"still \.\.\."):
        check("01.1", ..., corpus=small)


@pytest.mark.offline
def test_ipython_shows_the_message_without_a_traceback():
    error = ExerciseNotAnswered("exercise 01.1 is not answered yet")
    assert error._render_traceback_() == ["ExerciseNotAnswered: exercise 01.1 is not answered yet"]


@pytest.mark.offline
def test_an_unknown_exercise_lists_the_known_ones():
    with pytest.raises(KeyError, match="01.1"):
        check("09.9", 1)


@pytest.mark.offline
@pytest.mark.parametrize("answer, hint", [
    (2016, "That is a year"),
    (2, "looks like a count"),
    ("March", "'YYYY-MM'"),
])
def test_busiest_month_hints(small, answer, hint, capsys):
    assert not check("01.1", answer, corpus=small)
    assert hint in capsys.readouterr().out


@pytest.mark.offline
def test_busiest_month_accepts_periods_and_reports_ties():
    tied = bk.Corpus.from_texts(["A.", "B."], dates=["2016-03-01", "2016-04-01"])
    import pandas as pd

    assert check("01.1", pd.Period("2016-04", freq="M"), corpus=tied)
    assert check("01.1", "2016-3", corpus=tied)


@pytest.mark.offline
def test_busiest_month_without_dates():
    undated = bk.Corpus.from_texts(["A.", "B."])
    assert check("01.1", "none", corpus=undated)


@pytest.mark.offline
def test_cut_sentence_accepts_a_pair_a_row_or_a_table(small, capsys):
    cut = expected("01.2", small)
    assert cut  # "A U.S. Navy ship ..." is cut by the regular expression
    brief_id, sent_id = sorted(cut)[0]
    rows = small.sentences.set_index(["brief_id", "sent_id"], drop=False)
    assert check("01.2", (brief_id, sent_id), corpus=small)
    assert check("01.2", rows.loc[(brief_id, sent_id)], corpus=small)
    assert check("01.2", rows.loc[[(brief_id, sent_id)]], corpus=small)
    assert not check("01.2", (sent_id, brief_id), corpus=small)
    assert "brief_id first" in capsys.readouterr().out


@pytest.mark.offline
def test_cut_sentence_hint_shows_a_whole_pair_of_the_first_brief(small, capsys):
    assert not check("01.2", 5, corpus=small)
    first = small.sentences["brief_id"].iloc[0]
    assert f"e.g. ({first!r}, 3)" in capsys.readouterr().out


@pytest.mark.offline
def test_cut_sentence_explains_a_sentence_kept_whole(small, capsys):
    whole = next(k for k in zip(small.sentences["brief_id"], small.sentences["sent_id"])
                 if k not in expected("01.2", small))
    assert not check("01.2", whole, corpus=small)
    assert "keeps" in capsys.readouterr().out
    assert not check("01.2", ("no-such-brief", 0), corpus=small)


@pytest.mark.offline
def test_stopword_share_catches_the_usual_mistakes(small, capsys):
    solved = expected("01.3", small)
    assert check("01.3", round(solved["alpha"], 2), corpus=small)
    assert not check("01.3", solved["all"], corpus=small)
    assert "punctuation" in capsys.readouterr().out
    assert not check("01.3", 100 * solved["alpha"], corpus=small)
    assert "percentage" in capsys.readouterr().out
    assert not check("01.3", "a lot", corpus=small)


@pytest.fixture(scope="module")
def sample():
    return bk.load_corpus(bk.sample_path(), progress=False)


@pytest.mark.offline
def test_actors_in_many_briefs_tells_mentions_from_briefs(sample, capsys):
    solved = expected("02.1", sample)
    assert solved["briefs"] < solved["mentions"]
    assert check("02.1", solved["briefs"], corpus=sample)
    assert not check("02.1", solved["mentions"], corpus=sample)
    assert "nunique" in capsys.readouterr().out


@pytest.mark.offline
def test_mixed_scales_accepts_a_mixed_sentence_and_explains_a_plain_one(sample, capsys):
    solved = expected("02.2", sample)
    assert solved["mixed"]
    assert check("02.2", sorted(solved["mixed"])[0], corpus=sample)
    terms = solved["terms"]
    author = terms[terms["voice"] == "author"]
    per_sentence = author.groupby(["brief_id", "sent_id"])["scale"].nunique()
    plain = per_sentence[per_sentence == 1].index[0]
    capsys.readouterr()
    assert not check("02.2", plain, corpus=sample)
    assert "all come from one scale" in capsys.readouterr().out


@pytest.mark.offline
def test_mixed_scales_on_a_corpus_without_judgments():
    assert check("02.2", "none", corpus=bk.Corpus.from_texts(["Iran met Russia."]))


@pytest.mark.offline
def test_alias_exercise_recomputes_for_the_alias_the_student_chose(capsys):
    corpus = bk.Corpus.from_texts(["The regime shelled Aleppo. Syria denies it.",
                                   "Damascus says the regime will hold."])
    effect = expected("02.3", corpus)
    before, after, _ = effect("Syria", "the regime")
    assert after - before == 2
    answer = {"actor": "Syria", "alias": "the regime", "new_mentions": 2}
    assert check("02.3", answer, corpus=corpus)
    assert not check("02.3", {"actor": "Syria", "alias": "the regime", "new_mentions": after},
                     corpus=corpus)
    assert "subtract" in capsys.readouterr().out
    assert not check("02.3", {"actor": "Assad", "alias": "the regime", "new_mentions": 2},
                     corpus=corpus)
    assert "canonical name" in capsys.readouterr().out
    assert not check("02.3", 2, corpus=corpus)
    capsys.readouterr()
    assert not check("02.3", {"actor": "Syria", "alias": " ", "new_mentions": 0}, corpus=corpus)
    assert "alias is empty" in capsys.readouterr().out


@pytest.mark.offline
def test_turns_negative_wants_the_change_not_the_level(sample, capsys):
    solved = expected("03.1", sample)
    assert not solved["drops"].empty
    assert check("03.1", solved["drops"].idxmin(), corpus=sample)
    stats = solved["stats"]
    lowest = stats.loc[solved["drops"].index, ("mean", "last")].idxmin()
    if lowest != solved["drops"].idxmin():
        capsys.readouterr()
        assert not check("03.1", lowest, corpus=sample)
        assert "turns most negative" in capsys.readouterr().out
    assert not check("03.1", "Nobody at all", corpus=sample)


@pytest.mark.offline
def test_turns_negative_on_a_corpus_of_one_year():
    corpus = bk.Corpus.from_texts(["Putin blamed Washington."], dates=["2016-01-01"])
    assert check("03.1", "none", corpus=corpus)


@pytest.mark.offline
def test_vader_disagreement_needs_vader_positive_and_briefkit_negative(sample, capsys):
    solved = expected("03.2", sample)
    assert solved["wanted"]
    assert check("03.2", sorted(solved["wanted"])[0], corpus=sample)
    other = next(k for k, (v, b) in solved["labels"].items() if (v, b) != ("positive", "negative"))
    capsys.readouterr()
    assert not check("03.2", other, corpus=sample)
    assert "VADER says" in capsys.readouterr().out


@pytest.mark.offline
def test_heaviest_word_sums_the_evidence():
    corpus = bk.Corpus.from_texts(["Russia condemned the reckless U.S. sanctions.",
                                   "Iran denounced U.S. sanctions again. China blamed Washington."])
    solved = expected("03.3", corpus)
    totals = solved["totals"]
    assert (totals < 0).all() and solved["best"] == {totals.idxmin()}
    assert check("03.3", totals.idxmin().upper(), corpus=corpus)
    assert check("03.3", "none", corpus=bk.Corpus.from_texts(["Iran met Russia."]))


@pytest.mark.offline
def test_keyness_exercise_tells_the_three_statistics_apart(sample, capsys):
    solved = expected("04.1", sample)
    assert check("04.1", solved["z"][0].upper(), corpus=sample)
    if solved["g2"] != solved["z"]:
        assert not check("04.1", solved["g2"][0], corpus=sample)
        assert "G2" in capsys.readouterr().out
    assert not check("04.1", solved["other_side"][0], corpus=sample)
    assert "the other side" in capsys.readouterr().out
    assert not check("04.1", "the", corpus=sample)  # a stopword: never in the table
    assert "'the' is not in the keyness table" in capsys.readouterr().out
    assert check("04.1", "none", corpus=bk.Corpus.from_texts(["A."], dates=["2016-01-01"]))


@pytest.mark.offline
def test_most_alike_pair_in_either_order_and_not_the_diagonal(capsys):
    corpus = bk.Corpus.from_texts({"a": "Iran tests a missile near the Gulf.",
                                   "b": "Iran tests another missile near the Gulf.",
                                   "c": "Ukraine and Russia sign a truce in Minsk."})
    assert check("04.2", ("b", "a"), corpus=corpus) and check("04.2", ["a", "b"], corpus=corpus)
    assert not check("04.2", ("a", "a"), corpus=corpus)
    assert "diagonal" in capsys.readouterr().out
    assert not check("04.2", ("a", "c"), corpus=corpus)
    assert not check("04.2", "a", corpus=corpus)


@pytest.mark.offline
def test_strengthened_counts_the_authors_only(sample, capsys):
    solved = expected("04.3", sample)
    assert check("04.3", solved["strengthened"], corpus=sample)
    if solved["moved"] != solved["strengthened"]:
        assert not check("04.3", solved["moved"], corpus=sample)
        assert "every move" in capsys.readouterr().out


@pytest.mark.offline
def test_slider_exercise_counts_judgments_only(sample, capsys):
    solved = expected("05.1", sample)
    assert 0 < solved["judgments"] < solved["any_kind"]
    assert check("05.1", solved["judgments"], corpus=sample)
    assert not check("05.1", solved["any_kind"], corpus=sample)
    assert "kinds=['judgment']" in capsys.readouterr().out


@pytest.mark.offline
def test_lowest_quarter_needs_enough_sentences(capsys):
    texts = {"a": "Putin blamed Washington for the war.",
             "b": "Washington is a trusted and generous partner.",
             "c": "Russia condemned the reckless U.S. strikes. Moscow denounced Washington again."}
    corpus = bk.Corpus.from_texts(texts, dates=["2016-01-10", "2016-05-10", "2016-08-10"])
    import briefkit.exercises as ex

    solved = expected("05.2", corpus)
    assert solved["lowest"] == [], "no quarter has 5 sentences"
    assert check("05.2", "none", corpus=corpus)
    original = ex.MIN_SENTENCES
    try:
        ex.MIN_SENTENCES = 2
        solved = expected("05.2", corpus)
        assert solved["lowest"] == ["2016Q3"]
        assert check("05.2", "2016q3", corpus=corpus)
        import pandas as pd

        for spelled in ("Q3 2016", "2016 Q3", "q3-2016", pd.Period("2016Q3", freq="Q")):
            assert check("05.2", spelled, corpus=corpus), spelled
        capsys.readouterr()
        assert not check("05.2", "2016Q1", corpus=corpus)
        assert "only 1 sentences" in capsys.readouterr().out
    finally:
        ex.MIN_SENTENCES = original


@pytest.mark.offline
def test_every_exercise_has_a_question_and_says_what_it_teaches():
    table = exercises.list_exercises()
    assert len(table) == len(exercises.EXERCISES) and table["id"].is_unique
    for row in table.itertuples():
        assert re.fullmatch(r"\d\d\.\d+", row.id) and row.notebook.startswith(row.id[:2])
        assert row.question.endswith((".", "?")) and row.teaches


@pytest.mark.offline
def test_the_teachers_guide_describes_every_exercise():
    guide = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    for ex in exercises.EXERCISES.values():
        assert re.search(rf"^\| {re.escape(ex.id)} \|", guide, re.M), (
            f"docs/teaching.md lacks {ex.id}")


# --- the notebooks' exercise sections ---------------------------------------------------


@pytest.mark.offline
@pytest.mark.parametrize("notebook", _with_exercises(), ids=lambda p: p.name)
def test_each_solution_cell_is_followed_by_its_check(notebook):
    cells = _cells(notebook)
    ids = []
    for i, cell in enumerate(cells):
        if "solution" in _tags(cell):
            assert re.search(r"^\s*answer\s*=", _source(cell), re.M), "a solution sets `answer`"
            following = CHECK_CALL.search(_source(cells[i + 1]))
            assert following, f"cell {i + 1} should call check(...) on the answer"
            ids.append(following.group(1))
    prefix = notebook.name[:2]
    assert 2 <= len(ids) <= 4, "2-4 exercises per notebook"
    assert all(i.startswith(prefix + ".") for i in ids)
    registry = exercises.list_exercises(prefix)["id"]
    assert sorted(ids) == sorted(registry), "notebook and registry agree"
    last_solution = max(i for i, c in enumerate(cells) if "solution" in _tags(c))
    assert "In this notebook we" in _source(cells[-1]) and last_solution < len(cells) - 1


@pytest.mark.offline
def test_every_registered_exercise_is_in_its_notebook():
    present = {p.name[:2] for p in NOTEBOOKS}
    for ex in exercises.EXERCISES.values():
        if ex.notebook[:2] in present:
            notebook = next(p for p in NOTEBOOKS if p.name.startswith(ex.notebook[:2]))
            source = notebook.with_suffix(".py").read_text(encoding="utf-8")
            assert f'check("{ex.id}"' in source, ex.id


@pytest.mark.offline
def test_student_notebook_replaces_only_solution_cells():
    notebook = {"cells": [
        {"cell_type": "code", "source": "x = 1", "metadata": {}, "outputs": [{"a": 1}],
         "execution_count": 3},
        {"cell_type": "code", "source": "answer = 42", "metadata": {"tags": ["solution"]},
         "outputs": [], "execution_count": None},
        {"cell_type": "markdown", "source": "text", "metadata": {}},
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    student, replaced = student_notebook(notebook)
    assert replaced == 1
    assert student["cells"][1]["source"] == "answer = ...  # your answer here"
    assert student["cells"][1]["metadata"]["tags"] == ["answer"]
    assert student["cells"][0]["source"] == "x = 1" and student["cells"][0]["outputs"] == []
    assert student["cells"][2] == notebook["cells"][2]
    assert notebook["cells"][1]["source"] == "answer = 42", "the input is not changed"


@pytest.mark.offline
def test_make_exercises_writes_a_student_copy_of_every_notebook(tmp_path, capsys):
    assert exercises.main(["--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.glob("*.ipynb"))
    assert written == [p.name for p in NOTEBOOKS]
    for path in tmp_path.glob("*.ipynb"):
        cells = _cells(path)
        assert not any("solution" in _tags(c) for c in cells)
        original = _cells(ROOT / "notebooks" / path.name)
        assert len(cells) == len(original)
        stubs = [c for c in cells if "answer" in _tags(c)]
        assert all(_source(c) == "answer = ...  # your answer here" for c in stubs)
        assert len(stubs) == sum("solution" in _tags(c) for c in original)
    assert "exercises to answer" in capsys.readouterr().out


@pytest.mark.offline
def test_making_the_copies_again_keeps_a_students_answers(tmp_path, capsys):
    # `make exercises` run a second time (a new session, a teacher's instruction) wrote blank
    # copies over the ones students had answered.
    assert exercises.main(["--out", str(tmp_path)]) == 0
    path = tmp_path / "01-load-and-tokenize.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    stub = next(c for c in notebook["cells"] if "answer" in _tags(c))
    stub["source"] = "answer = '2016-03'"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    untouched = (tmp_path / "05-explore.ipynb")
    untouched.write_text(untouched.read_text(encoding="utf-8") + " ", encoding="utf-8")
    capsys.readouterr()
    assert exercises.main(["--out", str(tmp_path)]) == 0
    assert "answer = '2016-03'" in path.read_text(encoding="utf-8")
    assert not untouched.read_text(encoding="utf-8").endswith("\n ")  # blank: rewritten
    out = capsys.readouterr().out
    assert "kept: 1 of 3 exercises answered" in out and "--force" in out
    assert exercises.main(["--out", str(tmp_path), "--force"]) == 0
    assert "answer = '2016-03'" not in path.read_text(encoding="utf-8")


# --- both versions run: the full notebook passes, the student copy stops at the first gap ---


def _execute(notebook: dict, cwd: Path):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    node = nbformat.reads(json.dumps(notebook), as_version=4)
    client = NotebookClient(node, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}})
    try:
        client.execute()
        return node, None
    except CellExecutionError as exc:
        return node, exc


@pytest.mark.slow
@pytest.mark.parametrize("notebook", _with_exercises(), ids=lambda p: p.name)
def test_full_notebook_passes_and_student_copy_stops_at_the_first_exercise(notebook):
    full = json.loads(notebook.read_text(encoding="utf-8"))
    ran, error = _execute(full, notebook.parent)
    assert error is None, f"the full notebook fails: {error}"
    checks = [c for c in ran.cells if c.cell_type == "code" and CHECK_CALL.search(c.source)]
    outputs = ["".join(o.get("text", "") for o in c.outputs) for c in checks]
    assert all(": right." in out for out in outputs), outputs

    student, _ = student_notebook(full)
    ran, error = _execute(student, notebook.parent)
    assert error is not None, "the student copy should stop at the first unanswered exercise"
    assert "ExerciseNotAnswered" in str(error) and "is not answered yet" in str(error)
    first_stub = next(i for i, c in enumerate(ran.cells) if "answer" in c.metadata.get("tags", []))
    failed = [i for i, c in enumerate(ran.cells) if c.cell_type == "code"
              and any(o.get("output_type") == "error" for o in c.outputs)]
    assert failed == [first_stub + 1], (
        "it stops at the check after the first answer cell, only there")
    printed = "".join(o.get("text", "") for o in ran.cells[first_stub + 1].outputs)
    assert "is waiting for your answer" in printed
    assert all(c.execution_count for c in ran.cells[:first_stub + 1] if c.cell_type == "code")
    later = [c for c in ran.cells[first_stub + 2:] if c.cell_type == "code"]
    assert not any(c.get("execution_count") for c in later)


@pytest.mark.offline
def test_the_dashboard_copy_of_notebook_05_has_no_exercises(tmp_path):
    from briefkit.exercises import write_dashboard

    source = Path(__file__).resolve().parent.parent / "notebooks" / "05-explore.ipynb"
    original = json.loads(source.read_text())
    copy_ = json.loads(write_dashboard(tmp_path).read_text())
    text = lambda nb: "".join("".join(c["source"]) for c in nb["cells"])  # noqa: E731
    assert "## Exercises" in text(original) and 'check("05.1"' in text(original)
    assert "## Exercises" not in text(copy_) and "check(" not in text(copy_)
    assert "In this notebook we" in text(copy_)
    assert not any(c.get("outputs") for c in copy_["cells"] if c["cell_type"] == "code")
