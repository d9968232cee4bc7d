"""Notebook 05 in a real browser: JupyterLab, the Voila dashboard, the HTML report.

Each test starts its own server on 127.0.0.1 (a free port, a random token, every piece of
state in a scratch folder), drives Debian's chromium through Playwright, and stops the
server whatever happens (see browser_support.py). Screenshots go to build/screenshots/.
The recipe (apt-get install chromium; why not `playwright install`) is in DEVELOPERS.md.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import browser_support as bs  # beside this file (pytest puts tests/ on sys.path)
import pandas as pd
import pytest

import briefkit as bk
from briefkit import widgets as wg

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = bs.PROJECT / "notebooks" / "05-explore.ipynb"
RUN_TIMEOUT = 240_000  # ms: the notebook's first run, with an empty cache, on a slow machine
STEP_TIMEOUT = 30_000  # ms: one interaction
SAMPLE_BRIEFS = ("2015-02-20-minsk-ii-first-test-debaltseve.txt",
                 "2016-12-23-aleppo-falls-moscow-sets-terms.txt")
HOSTILE_TITLE = ('<script>window.__pwned = "title-script"</script> Hostile '
                 '<img src=x onerror="window.__pwned = \'title-img\'"> Brief')
HOSTILE_KEY_POINT = ('• The United States will likely <script>window.__pwned = "kp-script"</script>'
                     " press Moscow on the talks")
HOSTILE_BODY = ("Moscow says the deal will almost certainly fail, and Washington probably agrees. "
                "See <a href=\"javascript:window.__pwned = 'link'\">the record</a> for details. "
                "Iranian officials argue that the United States is <b>unreliable</b> "
                "<svg onload=\"window.__pwned = 'svg'\"></svg>.")
HOSTILE_BRIEF = f"""May 1, 2017

{HOSTILE_TITLE}

{HOSTILE_KEY_POINT}

• Russia insists that Washington <img src=x onerror="window.__pwned = 'kp-img'"> is to blame

{HOSTILE_BODY}
"""


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    """Debian's chromium, checked to start under Playwright; else skip with the reason."""
    path = bs.find_chromium()
    if path is None:
        pytest.skip("no chromium found (apt-get install chromium; see DEVELOPERS.md)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("Playwright's Python package is not installed (pip install -e '.[dev]')")
    try:
        with bs.chromium_page(path, tmp_path_factory.mktemp("probe")) as page:
            page.set_content("<p>ok</p>")
    except Exception as error:  # noqa: BLE001 - any failure to start means: no browser here
        pytest.skip(f"Playwright cannot start {path}: {str(error).splitlines()[0]}")
    return path


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """One briefkit cache for every server of this module: the corpus is read and
    tokenised once, not once per test."""
    return tmp_path_factory.mktemp("briefkit-cache")


@pytest.fixture
def sample():
    """The sample corpus's claims, to count what the page should show (built for each test,
    as the page's kernel is, so both run the same code)."""
    corpus = bk.load_corpus(bk.sample_path(), progress=False)
    return corpus, wg.ClaimBrowser(corpus)


# --- what every page is checked for ---------------------------------------------------


def pick_brief(page, index: int) -> str:
    """Choose the index-th brief in the reader's dropdown; return the title it should show."""
    select = page.locator(".bkw-reader .widget-dropdown select").first
    label = select.locator("option").nth(index).get_attribute("value")
    select.select_option(value=label)
    return label.split(" \u00b7 ", 1)[1]


def check_reader_follows_dropdown(page) -> str:
    title = page.locator(".bkw-reader .bkw-title")
    first = title.inner_text()
    expected = pick_brief(page, 5)
    assert expected != first
    page.wait_for_function(
        "t => document.querySelector('.bkw-reader .bkw-title').innerText === t",
        arg=expected, timeout=STEP_TIMEOUT)
    assert title.inner_text() == expected
    return expected


def month_range(page) -> tuple[str, str]:
    readout = page.locator(".bkw-claims .widget-hslider", has_text="Dates").locator(
        ".widget-readout").inner_text()
    # the slider shows 'Jan 2016-Mar 2017'; its values are '2016-01' and '2017-03'
    found = re.findall(r"[A-Z][a-z]{2} \d{4}", readout)
    assert len(found) == 2, readout
    return tuple(pd.Period(month, freq="M").strftime("%Y-%m") for month in found)


def check_claims_follow_slider(page, browser: wg.ClaimBrowser, steps: int = 9) -> str:
    """Move the end of the date slider back ``steps`` months (keyboard on the handle) and
    check the count and the rows shown match ClaimBrowser.filter for the months shown."""
    start, end = month_range(page)
    assert (start, end) == (browser.months[0], browser.months[-1])
    handle = page.locator(".bkw-claims .widget-hslider", has_text="Dates").locator(
        ".noUi-handle-upper")
    handle.focus()
    for _ in range(steps):
        handle.press("ArrowLeft")
    # each key press is a change the kernel answers in turn: wait for the last answer
    deadline, count = time.monotonic() + STEP_TIMEOUT / 1000, ""
    while time.monotonic() < deadline:
        start, end = month_range(page)
        expected = len(browser.filter(months=(start, end)))
        count = page.locator(".bkw-claims .bkw-count").inner_text()
        if end == browser.months[-1 - steps] and count.startswith(
                browser.summary(expected).split(" (")[0]):
            break
        page.wait_for_timeout(250)
    assert end == browser.months[-1 - steps]
    assert count.startswith(browser.summary(expected).split(" (")[0]), count
    rows = page.locator(".bkw-claims table.bkw-table tbody tr").count()
    assert rows == min(expected, wg.MAX_ROWS)
    return count


def wait_for_explorers(page) -> None:
    for css in (".bkw-reader .bkw-title", ".bkw-claims .bkw-count", ".bkw-tone svg",
                ".bkw-compare svg"):
        page.locator(css).first.wait_for(timeout=RUN_TIMEOUT)


def show_top(page, css: str) -> None:
    page.locator(css).first.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)


# --- JupyterLab ------------------------------------------------------------------------


def accept_kernel_dialog(page) -> None:
    """JupyterLab may ask which kernel to start: take the one it proposes (Python 3)."""
    dialog = page.locator(".jp-Dialog .jp-mod-accept")
    if dialog.count():
        dialog.first.click()


def run_all_cells(page) -> None:
    page.locator(".jp-Notebook").first.wait_for(timeout=RUN_TIMEOUT)
    page.get_by_text(re.compile(r"\| Idle$")).first.wait_for(timeout=RUN_TIMEOUT)
    accept_kernel_dialog(page)
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    deadline = time.monotonic() + RUN_TIMEOUT / 1000
    while time.monotonic() < deadline and not page.locator(".bkw-reader .bkw-title").count():
        accept_kernel_dialog(page)
        page.wait_for_timeout(1000)


def test_lab_runs_notebook_05_and_answers_the_controls(chromium, sample, cache, tmp_path):
    folder = tmp_path / "notebooks"
    bs.notebook_copy(NOTEBOOK, folder)
    with bs.jupyter_server("lab", folder, tmp_path, cache=cache) as server, \
            bs.chromium_page(chromium, tmp_path / "profile") as page:
        try:
            page.goto(server.address(f"/lab/tree/{NOTEBOOK.name}"), timeout=RUN_TIMEOUT)
            run_all_cells(page)
            wait_for_explorers(page)
            show_top(page, ".bkw-reader")
            bs.screenshot(page, "lab-05-explore")
            check_reader_follows_dropdown(page)
            show_top(page, ".bkw-claims")
            check_claims_follow_slider(page, sample[1])
            bs.screenshot(page, "lab-05-claims")
        except Exception:
            bs.screenshot(page, "lab-05-failure")
            print(server.tail(), *page.events[-20:], sep="\n")
            raise


# --- Voila -----------------------------------------------------------------------------


def test_dashboard_renders_and_answers_the_controls(chromium, sample, cache, tmp_path):
    notebook = bs.notebook_copy(NOTEBOOK, tmp_path / "notebooks", dashboard=True)
    with bs.jupyter_server("voila", notebook, tmp_path, cache=cache) as server, \
            bs.chromium_page(chromium, tmp_path / "profile") as page:
        try:
            page.goto(server.address("/"), timeout=RUN_TIMEOUT)
            wait_for_explorers(page)
            text = page.locator("body").inner_text()
            assert "In this notebook we" in text and "Exercise 05." not in text
            show_top(page, ".bkw-reader")
            bs.screenshot(page, "dashboard")
            check_reader_follows_dropdown(page)
            show_top(page, ".bkw-claims")
            check_claims_follow_slider(page, sample[1], steps=14)
            bs.screenshot(page, "dashboard-claims")
            show_top(page, ".bkw-tone")
            bs.screenshot(page, "dashboard-tone")
            show_top(page, ".bkw-compare")
            bs.screenshot(page, "dashboard-compare")
        except Exception:
            bs.screenshot(page, "dashboard-failure")
            print(server.tail(), *page.events[-20:], sep="\n")
            raise


# --- untrusted text --------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A corpus with a brief whose title and text carry script, and two sample briefs."""
    folder = tmp_path_factory.mktemp("hostile") / "briefs"
    folder.mkdir()
    (folder / "2017-05-01-hostile.txt").write_text(HOSTILE_BRIEF, encoding="utf-8")
    for name in SAMPLE_BRIEFS:
        shutil.copy(bk.sample_path() / name, folder / name)
    corpus = bk.load_corpus(folder, progress=False)
    assert len(corpus) == 3 and corpus.skipped.empty
    brief_id = corpus.briefs.loc[corpus.briefs["title"] == HOSTILE_TITLE, "brief_id"].item()
    return folder, brief_id


def assert_nothing_ran(page) -> None:
    page.wait_for_timeout(1500)  # time for an onerror or onload to fire, were one live
    assert page.evaluate("window.__pwned") is None
    assert not [e for e in page.events if e.startswith("dialog")], page.events
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert page.evaluate(
        "[...document.scripts].filter(s => s.textContent.includes('__pwned')"
        " && s.type !== 'application/vnd.jupyter.widget-state+json').length") == 0


def test_dashboard_shows_hostile_markup_as_text(chromium, hostile, cache, tmp_path):
    folder, brief_id = hostile
    notebook = bs.notebook_copy(NOTEBOOK, tmp_path / "notebooks",
                                parameters={"briefs_path": str(folder), "brief_id": brief_id})
    with bs.jupyter_server("voila", notebook, tmp_path, cache=cache) as server, \
            bs.chromium_page(chromium, tmp_path / "profile") as page:
        try:
            page.goto(server.address("/"), timeout=RUN_TIMEOUT)
            wait_for_explorers(page)
            show_top(page, ".bkw-reader")
            bs.screenshot(page, "dashboard-hostile")
            assert page.locator(".bkw-reader .bkw-title").inner_text() == HOSTILE_TITLE
            text = page.locator(".bkw-reader").inner_text()
            assert "<a href=\"javascript:window.__pwned = 'link'\">the record</a>" in text
            assert '<script>window.__pwned = "kp-script"</script>' in text
            assert_nothing_ran(page)
            # the hostile title also reaches the other explorers' dropdowns and tables
            assert HOSTILE_TITLE in page.locator(".bkw-compare").inner_text() or \
                page.locator(".bkw-compare select option", has_text="Hostile").count() == 2
            assert_nothing_ran(page)
        except Exception:
            bs.screenshot(page, "dashboard-hostile-failure")
            print(server.tail(), *page.events[-20:], sep="\n")
            raise


def test_report_page_shows_hostile_markup_as_text(chromium, hostile, cache, tmp_path,
                                                  monkeypatch):
    from briefkit import report

    monkeypatch.setenv("BRIEFKIT_CACHE", str(cache))
    folder, brief_id = hostile
    notebook = bs.notebook_copy(NOTEBOOK, tmp_path / "notebooks")
    out = tmp_path / "report"
    executed = report.run_notebook(notebook, out, {"briefs_path": str(folder),
                                                   "brief_id": brief_id})
    page_path = report.render_html(executed, out / "05-explore.html")
    source = Path(page_path).read_text(encoding="utf-8")
    assert wg.LIVE_KERNEL_NOTE.split(":")[0] in source  # the page says a kernel is needed
    with bs.chromium_page(chromium, tmp_path / "profile") as page:
        page.goto(Path(page_path).as_uri(), wait_until="load", timeout=STEP_TIMEOUT)
        try:
            title = page.locator(".bkw .bkw-title").first
            assert title.inner_text() == HOSTILE_TITLE
            assert "Static view" in page.locator("body").inner_text()
            show_top(page, ".bkw-title")
            bs.screenshot(page, "report-hostile")
            assert_nothing_ran(page)
        except Exception:
            bs.screenshot(page, "report-hostile-failure")
            print(*page.events[-20:], sep="\n")
            raise
