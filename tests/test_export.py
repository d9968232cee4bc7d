"""Export: every table and provenance.json, atomically, in parquet, csv or xlsx."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys

import pandas as pd
import pytest

import briefkit as bk
from briefkit.cli import main
from briefkit.export import ExportError, available_tables, export_tables

pytestmark = pytest.mark.offline

BRIEF = ("March 3, 2016\n\nTehran Answers Washington\n\n• Iran gains ground\n\n\n"
         "Russia acts. Washington objects, and Tehran will likely reject the U.S. offer.\n")


@pytest.fixture
def corpus():
    return bk.Corpus.from_texts(
        ["• Iran gains ground\n\nRussia acts. Washington objects, "
         "and Tehran will likely reject the U.S. offer.",
         "Moscow insists that the deal will hold."],
        dates=["2016-03-03", "2017-01-05"],
    )


@pytest.fixture
def folder(tmp_path):
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "a.txt").write_text(BRIEF, encoding="utf-8")
    (briefs / "b.txt").write_text(BRIEF.replace("Iran gains", "Turkey gains"), encoding="utf-8")
    return briefs


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_corpus_tables_are_always_available():
    names = available_tables()
    assert names[:4] == ["briefs", "paragraphs", "sentences", "tokens"] and names[-1] == "skipped"


def test_parquet_export_round_trips_every_table_exactly(corpus, tmp_path):
    written = export_tables(corpus, to=tmp_path / "out")
    assert set(written) == {*available_tables(), "provenance"}
    for name, path in written.items():
        if name == "provenance":
            continue
        corpus_tables = {"briefs", "paragraphs", "sentences", "tokens", "skipped"}
        original = getattr(corpus, name) if name in corpus_tables else None
        if original is not None:
            pd.testing.assert_frame_equal(pd.read_parquet(path), original.reset_index(drop=True),
                                          check_dtype=False)


def test_provenance_lists_each_file_with_rows_columns_and_hash(corpus, tmp_path):
    written = export_tables(corpus, to=tmp_path, format="csv", tables=["briefs", "sentences"],
                            parameters={"class": "week 3"})
    record = json.loads(written["provenance"].read_text())
    assert record["corpus_sha256"] == corpus.fingerprint and record["briefs"] == 2
    assert record["parameters"] == {"class": "week 3", "format": "csv", "target": "United States"}
    assert record["corpus_path"] == "texts given in memory"
    for name in ("briefs", "sentences"):
        entry = record["tables"][name]
        path = tmp_path / entry["file"]
        assert entry["rows"] == len(getattr(corpus, name))
        assert entry["columns"] == list(getattr(corpus, name).columns)
        assert entry["sha256"] == _sha256(path)


def test_a_summary_table_alone_builds_what_it_needs(corpus, tmp_path):
    written = export_tables(corpus, to=tmp_path, format="csv", tables=["judgments_by_brief"])
    assert set(written) == {"judgments_by_brief", "provenance"}
    summary = pd.read_csv(written["judgments_by_brief"])
    assert list(summary["brief_id"]) == list(corpus.briefs["brief_id"])


def test_list_cells_become_text_in_csv(corpus, tmp_path):
    from briefkit.export import _flat

    frame = pd.DataFrame({"brief_id": ["a", "b"], "unhedged": [[0, 2], []]})
    assert _flat(frame)["unhedged"].tolist() == ["0;2", ""]
    assert frame["unhedged"].tolist() == [[0, 2], []], "the input is not changed"


def test_csv_is_utf8_with_iso_dates(corpus, tmp_path):
    written = export_tables(corpus, to=tmp_path, format="csv", tables=["briefs", "tokens"])
    briefs = pd.read_csv(written["briefs"], encoding="utf-8")
    assert briefs["date"].tolist() == ["2016-03-03", "2017-01-05"]
    tokens = pd.read_csv(written["tokens"], keep_default_na=False)
    assert "U.S." in tokens["token"].tolist()


def test_no_temporary_files_are_left_and_files_are_readable(corpus, tmp_path):
    export_tables(corpus, to=tmp_path, format="csv")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert not [n for n in names if n.startswith(".") or n.endswith(".tmp")]
    for path in tmp_path.iterdir():
        assert os.stat(path).st_mode & stat.S_IRUSR and os.stat(path).st_mode & stat.S_IRGRP


def test_a_second_export_replaces_the_first(corpus, tmp_path):
    export_tables(corpus, to=tmp_path, format="csv", tables=["briefs"])
    smaller = corpus.subset(corpus.briefs["brief_id"][:1])
    export_tables(smaller, to=tmp_path, format="csv", tables=["briefs"])
    assert len(pd.read_csv(tmp_path / "briefs.csv")) == 1
    assert json.loads((tmp_path / "provenance.json").read_text())["briefs"] == 1


def test_unknown_format_and_table_are_clear_errors(corpus, tmp_path):
    with pytest.raises(ExportError, match="unknown format 'json'"):
        export_tables(corpus, to=tmp_path, format="json")
    with pytest.raises(ExportError, match="no table 'nonsense'.*available: briefs"):
        export_tables(corpus, to=tmp_path, tables=["nonsense"])
    assert not list(tmp_path.iterdir())


def test_xlsx_without_openpyxl_names_the_extra(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    with pytest.raises(ExportError, match=r'briefkit\[xlsx\].*openpyxl'):
        export_tables(corpus, to=tmp_path, format="xlsx")
    assert not list(tmp_path.iterdir())


def test_xlsx_round_trips_when_openpyxl_is_installed(corpus, tmp_path):
    pytest.importorskip("openpyxl")
    written = export_tables(corpus, to=tmp_path, format="xlsx",
                            tables=["sentences", "judgments_by_brief"])
    back = pd.read_excel(written["sentences"])
    assert back["text"].tolist() == corpus.sentences["text"].tolist()
    assert len(pd.read_excel(written["judgments_by_brief"])) == len(corpus)


def test_never_writes_into_the_briefs_folder(folder, tmp_path):
    corpus = bk.load_corpus(folder, progress=False)
    for inside in (folder, folder / "export"):
        with pytest.raises(ExportError, match="never writes next to its inputs"):
            export_tables(corpus, to=inside, briefs_path=folder)
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]


def test_cli_export_writes_every_table_and_leaves_the_briefs_alone(folder, tmp_path, capsys):
    before = {p.name: _sha256(p) for p in folder.iterdir()}
    out = tmp_path / "export"
    assert main(["export", str(folder), "--to", str(out), "--format", "csv"]) == 0
    printed = capsys.readouterr().out
    for name in available_tables():
        assert (out / f"{name}.csv").is_file() and name in printed
    record = json.loads((out / "provenance.json").read_text())
    assert record["corpus_path"] == str(folder) and record["briefs"] == 2
    assert {p.name: _sha256(p) for p in folder.iterdir()} == before


def test_cli_export_errors_are_one_clear_line(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    assert main(["export", str(folder), "--to", str(tmp_path / "x"), "--format", "xlsx"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefkit: ") and "openpyxl" in err and "Traceback" not in err
    assert main(["export", str(folder), "--to", str(folder)]) == 2
    assert "never writes next to its inputs" in capsys.readouterr().err


def test_cli_export_defaults_to_parquet_in_the_build_folder(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFKIT_BUILD", str(tmp_path / "build"))
    assert main(["export", str(folder), "--tables", "briefs"]) == 0
    assert (tmp_path / "build" / "export" / "briefs.parquet").is_file()


def test_never_writes_next_to_briefs_given_by_relative_paths(folder, monkeypatch, capsys):
    # `briefkit export a.txt --to .` run inside the briefs' folder: the paths are relative
    monkeypatch.chdir(folder)
    assert main(["export", "a.txt", "--to", ".", "--tables", "briefs"]) == 2
    assert "never writes next to its inputs" in capsys.readouterr().err
    corpus = bk.load_corpus(["a.txt", "b.txt"], progress=False)
    with pytest.raises(ExportError, match="never writes next to its inputs"):
        export_tables(corpus, to=".", tables=["briefs"])
    monkeypatch.chdir(folder.parent)
    assert main(["export", f"{folder.name}/b.txt", "--to", folder.name,
                 "--tables", "briefs"]) == 2
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]


def test_cli_tells_cells_cut_for_excel_in_plain_words(tmp_path, capsys):
    pytest.importorskip("openpyxl")
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "long.txt").write_text("March 3, 2016\n\nA Long Brief\n\n"
                                     + "Russia acts and Iran waits. " * 1500 + "\n")
    assert main(["export", str(folder), "--to", str(tmp_path / "out"), "--format", "xlsx",
                 "--tables", "briefs"]) == 0
    err = capsys.readouterr().err
    assert "briefkit: warning: briefs.xlsx: 1 cells longer than Excel's" in err
    assert "cli.py" not in err and "export_tables(" not in err


def test_exporting_again_to_a_folder_replaces_the_earlier_export_and_says_so(corpus, tmp_path):
    out = tmp_path / "out"
    export_tables(corpus, to=out, format="parquet", tables=["briefs", "sentences", "claims"])
    (out / "my-notes.txt").write_text("the analyst's own file", encoding="utf-8")
    with pytest.warns(bk.BriefkitWarning) as caught:
        export_tables(corpus, to=out, format="csv", tables=["briefs", "sentences"])
    assert sorted(p.name for p in out.iterdir()) == [
        "briefs.csv", "my-notes.txt", "provenance.json", "sentences.csv"]
    assert [str(w.message) for w in caught] == [
        f"{out}: replaced the earlier export there: removed its briefs.parquet, "
        "claims.parquet, sentences.parquet"]
    record = json.loads((out / "provenance.json").read_text())
    assert sorted(e["file"] for e in record["tables"].values()) == ["briefs.csv", "sentences.csv"]


def test_an_earlier_exported_file_changed_since_is_kept_and_named(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    export_tables(corpus, to=out, format="csv", tables=["briefs", "sentences"])
    with open(out / "sentences.csv", "a", encoding="utf-8") as handle:
        handle.write("an analyst's added row\n")
    with pytest.warns(bk.BriefkitWarning, match=r"removed its briefs\.csv; kept sentences\.csv, "
                                                r"changed since"):
        export_tables(corpus, to=out, format="parquet", tables=["briefs"])
    assert sorted(p.name for p in out.iterdir()) == [
        "briefs.parquet", "provenance.json", "sentences.csv"]
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "a.txt").write_text(BRIEF, encoding="utf-8")
    assert main(["export", str(briefs), "--to", str(out), "--tables", "briefs",
                 "--format", "csv"]) == 0
    # the kept file belongs to no export any more: it is the analyst's, and stays untold
    assert capsys.readouterr().err == (
        f"briefkit: warning: {out}: replaced the earlier export there: removed its "
        "briefs.parquet\n")
    assert sorted(p.name for p in out.iterdir()) == ["briefs.csv", "provenance.json",
                                                     "sentences.csv"]


def test_exporting_twice_in_one_format_removes_nothing_and_warns_nothing(corpus, tmp_path):
    import warnings

    export_tables(corpus, to=tmp_path, format="csv", tables=["briefs"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        export_tables(corpus, to=tmp_path, format="csv", tables=["briefs"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefs.csv", "provenance.json"]
