"""The briefkit command."""

from __future__ import annotations

import json

import pytest

from briefkit.cli import main

pytestmark = pytest.mark.offline

BRIEF = ("March 3, 2016\n\nA Title Here\n\n• Iran gains ground\n\n\n"
         "Russia acts. Washington objects.\n")


def test_info_prints_a_summary(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BRIEF, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BRIEF.replace("Iran", "Turkey"), encoding="utf-8")
    assert main(["info", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "briefs  2" in out
    assert "2016-03-03 to 2016-03-03" in out


def test_info_json_lists_skipped_files(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BRIEF, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["info", "--json", str(tmp_path)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["briefs"] == 1
    assert [s["path"].endswith("empty.txt") for s in summary["skipped_files"]] == [True]


def test_info_on_a_missing_path_names_it_and_fails(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert main(["info", str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err


def test_info_and_export_take_several_paths_as_their_help_says(tmp_path, capsys):
    first, second = tmp_path / "a.txt", tmp_path / "more" / "b.txt"
    second.parent.mkdir()
    first.write_text(BRIEF, encoding="utf-8")
    second.write_text(BRIEF.replace("Iran", "Turkey"), encoding="utf-8")
    assert main(["info", str(first), str(second.parent)]) == 0
    assert "briefs  2" in capsys.readouterr().out
    out = tmp_path / "out"
    assert main(["export", str(first), str(second), "--to", str(out), "--tables", "briefs",
                 "--format", "csv"]) == 0
    import pandas as pd

    assert len(pd.read_csv(out / "briefs.csv")) == 2
    assert main(["export", str(first), str(second), "--to", str(second.parent)]) == 2
    assert "never writes next to its inputs" in capsys.readouterr().err


def test_skipped_files_are_told_once_in_plain_words(tmp_path, capsys):
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "a.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "blank.txt").write_bytes(b"")
    assert main(["info", str(folder)]) == 0
    captured = capsys.readouterr()
    told = captured.out + captured.err
    assert told.count("blank.txt") == 1 and "the file is empty" in told
    # no Python warning machinery: no source file, line or code of briefkit's own
    assert "cli.py" not in told and "load_corpus(" not in told and "Warning:" not in told
    assert main(["export", str(folder), "--to", str(tmp_path / "out"),
                 "--tables", "briefs"]) == 0
    err = capsys.readouterr().err
    assert "briefkit: warning: " in err and "blank.txt: the file is empty" in err
    assert "cli.py" not in err and "load_corpus(" not in err


def test_make_help_names_every_target():
    import re
    import shutil
    import subprocess
    from pathlib import Path

    if shutil.which("make") is None:
        pytest.skip("no make on this machine")
    root = Path(__file__).resolve().parents[1]
    phony = re.search(r"^\.PHONY:(.*)$", (root / "Makefile").read_text(), re.M)[1].split()
    shown = subprocess.run(["make", "-s", "-C", str(root), "help"], capture_output=True,
                           text=True, check=True).stdout
    listed = re.findall(r"^make (\w+)", shown, re.M)
    assert sorted(set(phony) - {"help"}) == sorted(set(listed))


def test_make_lab_opens_the_student_copies_when_asked():
    # JupyterLab cannot reach a folder above the one it opens: the student copies in
    # build/exercises need their own `make lab`, not the teacher's notebooks/.
    import shutil
    import subprocess
    from pathlib import Path

    if shutil.which("make") is None:
        pytest.skip("no make on this machine")
    root = Path(__file__).resolve().parents[1]

    def lab(*args):
        shown = subprocess.run(["make", "-n", "-s", "-C", str(root), "-o", ".venv/.installed-base",
                                "lab", *args], capture_output=True, text=True, check=True).stdout
        return next(line for line in shown.splitlines() if "jupyter lab" in line)

    assert "--notebook-dir=notebooks " in lab()
    assert "--notebook-dir=build/exercises " in lab("NOTEBOOKS=build/exercises")


def test_make_lab_turns_jupyterlab_news_and_update_checks_off():
    # A class on fresh browsers was asked "Would you like to get notified about official
    # Jupyter news?" at once; the venv's overrides.json answers no (and nothing goes online).
    import json
    import shutil
    import subprocess
    from pathlib import Path

    if shutil.which("make") is None:
        pytest.skip("no make on this machine")
    root = Path(__file__).resolve().parents[1]
    shown = subprocess.run(["make", "-n", "-s", "-B", "-C", str(root), "-o", ".venv/bin/python",
                            "-o", ".venv/.installed-base", "lab"],
                           capture_output=True, text=True, check=True).stdout
    line = next(x for x in shown.splitlines() if "overrides.json" in x and "echo" in x)
    assert line.split()[-1] == ".venv/share/jupyter/lab/settings/overrides.json"
    settings = json.loads(line[line.index("'") + 1:line.rindex("'")])
    assert settings["@jupyterlab/apputils-extension:notification"] == {
        "fetchNews": "false", "checkForUpdates": False}


def test_info_and_export_on_a_folder_without_a_readable_brief_fail_naming_each_file(
        tmp_path, capsys):
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "blank.txt").write_bytes(b"")
    assert main(["info", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefkit: ") and "no briefs found" in err and "blank.txt" in err
    assert main(["export", str(folder), "--to", str(tmp_path / "out")]) == 2
    assert "no briefs found" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_loading_many_files_into_a_log_prints_one_clean_line_not_a_bar(tmp_path, capsys):
    # stderr is not a terminal here (as in `briefkit ... 2> log`): no bar redrawn with \r
    for i in range(25):
        (tmp_path / f"b{i:02d}.txt").write_text(BRIEF.replace("Iran", f"Country{i}"),
                                                encoding="utf-8")
    assert main(["info", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "%" not in err
    assert "Loaded 25/25 files of briefs in " in err
