"""The HTML report: notebooks run with papermill, pages linked from an index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefkit.report import Page, build_report, index_html, list_notebooks, local_kernel_manager

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.offline
def test_index_escapes_what_it_shows():
    page = Page("01-x.ipynb", "<script>alert(1)</script>", "01-x.html", 1.0)
    html = index_html([page], {"corpus_path": "<img src=x onerror=alert(1)>"})
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_the_kernel_manager_class_is_made_once_and_uses_local_sockets():
    manager = local_kernel_manager()
    assert manager is local_kernel_manager()
    assert manager().transport == "ipc"
    assert manager(transport="tcp").transport == "tcp"


@pytest.mark.slow
def test_report_runs_a_notebook_and_links_its_page(tmp_path, capfd):
    index = build_report(out=tmp_path, only=["01"], log=lambda *_: None)
    # the kernel talks over local sockets, not TCP ports (no unencrypted-TCP warning)
    assert "running over TCP" not in capfd.readouterr().err
    html = index.read_text()
    assert (tmp_path / "01-load-and-tokenize.html").is_file()
    assert 'href="01-load-and-tokenize.html"' in html
    record = json.loads((tmp_path / "provenance.json").read_text())
    assert record["corpus_sha256"] and record["briefs"] >= 1
    assert "Traceback" not in (tmp_path / "01-load-and-tokenize.html").read_text()


def test_every_numbered_notebook_is_in_the_report(tmp_path):
    for name in ("10-later.ipynb", "02-first.ipynb", "scratch.ipynb", "3-odd.ipynb",
                 "02-first.py"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in list_notebooks(tmp_path)] == ["02-first.ipynb", "10-later.ipynb"]
    # the project's: each numbered notebook edited as a paired .py is run, in order
    folder = ROOT / "notebooks"
    paired = sorted(p.stem for p in folder.glob("[0-9][0-9]-*.py"))
    assert [p.stem for p in list_notebooks()] == paired and paired


def _bare_notebook(path: Path) -> Path:
    """A notebook as jupytext writes ours when told to keep no metadata: no kernelspec."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("briefs_path = None", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("print('briefs from', briefs_path)")]
    nb.metadata = {}
    nbformat.write(nb, str(path))
    return path


def test_a_notebook_runs_with_parameters_though_it_names_no_kernel(tmp_path):
    # `briefkit report --briefs DIR` passes parameters, and papermill needs the notebook's
    # language to write them: a notebook without kernel metadata must still run
    from briefkit.report import run_notebook

    executed = run_notebook(_bare_notebook(tmp_path / "01-x.ipynb"), tmp_path / "out",
                            {"briefs_path": "/some/briefs"})
    assert "briefs from /some/briefs" in executed.read_text()


@pytest.mark.parametrize("prefix", ["00", "01", "02", "03", "04", "05"])
def test_the_notebooks_name_their_kernel_so_papermill_runs_them_with_parameters(prefix):
    # the README's `papermill notebooks/01-...ipynb out.ipynb -p briefs_path DIR` needs the
    # kernel and language in the notebook's metadata
    (path,) = (ROOT / "notebooks").glob(f"{prefix}-*.ipynb")
    metadata = json.loads(path.read_text())["metadata"]
    assert metadata["kernelspec"]["name"] == "python3"
    assert metadata["kernelspec"]["language"] == "python"
    assert metadata["language_info"]["name"] == "python"


def test_links_between_notebooks_lead_to_their_report_pages(tmp_path):
    # a notebook links the next one as "02-....ipynb"; in the report that file is not there,
    # its page is "02-....html"
    import nbformat

    from briefkit.report import render_html

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(
        "Next: [notebook 02](02-actors-and-claims.ipynb), [its claims](02-actors-and-claims.ipynb"
        "#Claims), [elsewhere](https://example.org/x.ipynb), [a file](notes.ipynb)")]
    path = tmp_path / "00-x.ipynb"
    nbformat.write(nb, str(path))
    page = render_html(path, tmp_path / "00-x.html").read_text()
    assert 'href="02-actors-and-claims.html"' in page
    assert 'href="02-actors-and-claims.html#Claims"' in page
    assert 'href="https://example.org/x.ipynb"' in page and 'href="notes.ipynb"' in page
    assert 'href="02-actors-and-claims.ipynb' not in page


def test_a_report_on_a_folder_without_briefs_stops_before_running_anything(tmp_path):
    from briefkit.corpus import BriefkitWarning
    from briefkit.errors import NoBriefsError

    (tmp_path / "briefs").mkdir()
    told = []
    with pytest.raises(NoBriefsError, match="no briefs"):
        build_report(briefs_path=str(tmp_path / "briefs"), out=tmp_path / "out", log=told.append)
    (tmp_path / "briefs" / "blank.txt").write_bytes(b"")  # a brief, but unreadable
    with pytest.raises(NoBriefsError, match="blank.txt: the file is empty"), \
            pytest.warns(BriefkitWarning, match="blank.txt: the file is empty|no briefs"):
        build_report(briefs_path=str(tmp_path / "briefs"), out=tmp_path / "out", log=told.append)
    assert told == [] and not (tmp_path / "out").exists()


@pytest.mark.offline
def test_the_index_says_first_which_briefs_were_read_and_which_skipped():
    page = Page("01-x.ipynb", "Load", "01-x.html", 1.0)
    record = {"corpus_path": "/home/me/briefs", "briefs": 12, "corpus_sha256": "ab" * 32}
    html = index_html([page], record, skipped=[("/home/me/briefs/a.docx", "not a brief format")])
    top = html.split("<table")[0]
    assert "/home/me/briefs" in top and "12 briefs" in top
    assert "1 file skipped" in top and "a.docx" in html and "not a brief format" in html
    failed = Page("02-y.ipynb", "Claims", "02-y.html", 1.0, error="IndexError: out of range")
    html = index_html([page, failed], record)
    assert "1 notebook failed" in html.split("<table")[0] and "skipped" not in html


def test_a_relative_briefs_path_reaches_the_notebooks_whole(tmp_path, monkeypatch):
    # the notebooks run in notebooks/, so `briefkit report --briefs my-briefs` must hand them
    # the folder the user meant, from where the command was run
    from briefkit import report

    folder = tmp_path / "my briefs"
    folder.mkdir()
    (folder / "a.txt").write_text("March 3, 2016\n\nA Title\n\nRussia acts. Iran waits.\n")
    monkeypatch.chdir(tmp_path)
    seen = []

    def run(path, out_dir, parameters):
        seen.append(parameters)
        return out_dir / "executed" / path.name  # not written: no page to render

    monkeypatch.setattr(report, "run_notebook", run)
    build_report(briefs_path="my briefs", out=tmp_path / "out", only=["01"], log=lambda *_: None)
    assert seen == [{"briefs_path": str(folder)}]


@pytest.mark.parametrize("prefix", ["00", "01", "02", "03", "04", "05"])
def test_the_notebooks_papermill_commands_run_from_the_checkout_as_written(prefix):
    # after `make`, papermill is in .venv/bin, and the notebooks are in notebooks/
    import re

    (path,) = (ROOT / "notebooks").glob(f"{prefix}-*.py")
    commands = re.findall(r"([^\s`]*papermill) (\S+\.ipynb)", path.read_text())
    assert all(cmd == ".venv/bin/papermill" and nb.startswith("notebooks/")
               for cmd, nb in commands), commands


def test_notebook_00_names_a_brief_index_past_the_end(tmp_path):
    # a student sets brief_index past the end of the sample corpus: the error says the
    # range, not pandas' "single positional indexer is out-of-bounds"
    import papermill

    past_end = len(list((ROOT / "data" / "briefs").glob("*.txt"))) + 10
    (path,) = (ROOT / "notebooks").glob("00-*.ipynb")
    with pytest.raises(papermill.PapermillExecutionError) as info:
        papermill.execute_notebook(str(path), str(tmp_path / "out.ipynb"),
                                   parameters={"brief_index": past_end}, progress_bar=False,
                                   kernel_name="python3", cwd=str(path.parent))
    message = str(info.value)
    assert f"brief_index = {past_end}" in message and "give 0 to" in message
    assert "out-of-bounds" not in message
