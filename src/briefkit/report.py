"""The HTML report: run every notebook with papermill, render each to HTML, link them.

``build_report()`` runs ``notebooks/NN-*.ipynb`` in a fresh kernel each, on the sample
corpus or on ``briefs_path``, and writes ``build/report/index.html`` with one page per
notebook and the run's provenance. Every file is written atomically.

>>> [p.name for p in list_notebooks()][:1]  # doctest: +SKIP
['00-start-here.ipynb']
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from briefkit import storage
from briefkit.paths import PROJECT_ROOT, build_dir


@dataclass
class Page:
    """One notebook's result in the report."""

    notebook: str
    title: str
    html: str
    seconds: float
    error: str = ""


def notebooks_dir() -> Path:
    """The project's ``notebooks/`` folder (the report needs a checkout of the project)."""
    if PROJECT_ROOT is None or not (PROJECT_ROOT / "notebooks").is_dir():
        raise FileNotFoundError("the report runs the notebooks of a briefkit checkout; none found")
    return PROJECT_ROOT / "notebooks"


def list_notebooks(folder: Path | None = None) -> list[Path]:
    """The numbered notebooks, in order."""
    folder = folder or notebooks_dir()
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))


def notebook_title(path: Path) -> str:
    """The first Markdown heading of a notebook, or its file name."""
    cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return Path(path).stem


@functools.cache
def local_kernel_manager() -> type:
    """A kernel manager that talks to its kernel over local sockets (IPC) instead of TCP
    ports: nothing listens on the network, and the kernel does not warn that its traffic
    is unencrypted. The class is made on the first call and the same one returned after:
    jupyter_client comes with the ``notebooks`` extra, so importing this module must not
    need it. Pass it as papermill's ``kernel_manager_class`` to run a notebook as the
    report does (benchmarks/compare_speed.py --notebook)."""
    from jupyter_client.manager import AsyncKernelManager

    class LocalKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            kwargs.setdefault("transport", "ipc")
            super().__init__(**kwargs)

    return LocalKernelManager


_local_kernel_manager = local_kernel_manager  # its former name


def run_notebook(path: Path, out_dir: Path, parameters: dict) -> Path:
    """Execute one notebook with papermill into ``out_dir`` (atomically); return its path."""
    import papermill

    executed = out_dir / "executed" / path.name
    executed.parent.mkdir(parents=True, exist_ok=True)
    tmp = executed.with_name(f".tmp-{executed.name}")
    try:
        papermill.execute_notebook(
            str(path), str(tmp), parameters=parameters, kernel_name="python3",
            language="python",  # our notebooks keep no kernel metadata (jupytext.toml)
            cwd=str(path.parent), progress_bar=False, log_output=False,
            kernel_manager_class=local_kernel_manager(),
        )
    finally:  # papermill saves the notebook up to a failing cell: keep it for its page
        if tmp.exists():
            os.replace(tmp, executed)
    return executed


def render_html(executed: Path, html_path: Path) -> Path:
    """Render an executed notebook to a standalone HTML page (atomically)."""
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(str(executed), as_version=4)
    exporter = HTMLExporter(template_name="lab", config=_snapshot_first())
    body, _ = exporter.from_notebook_node(notebook)
    return storage.atomic_write_text(html_path, _link_pages(body))


# A link from one numbered notebook to another ("02-actors-and-claims.ipynb#Claims"): in the
# report the other notebook is a page beside this one, "02-actors-and-claims.html".
_NOTEBOOK_LINK = re.compile(r'href="(\d\d-[^"/:#]+)\.ipynb(#[^"]*)?"')


def _link_pages(body: str) -> str:
    """The page's links to other numbered notebooks pointed at their report pages."""
    return _NOTEBOOK_LINK.sub(lambda m: f'href="{m[1]}.html{m[2] or ""}"', body)


def _snapshot_first():
    """nbconvert settings that show an output's HTML before its widget view.

    briefkit's explorers (notebook 05) send a static snapshot of their last state as HTML
    beside the widget, with a note that their controls need a live kernel. A widget view
    needs the widget library from a CDN and shows controls that nothing answers, so the
    page shows the snapshot; widgets without one still render from the saved widget state.
    """
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    priority = [m for m in HTMLExporter().default_config.NbConvertBase.display_data_priority
                if m != "text/html"]
    return Config({"NbConvertBase": {"display_data_priority": ["text/html", *priority]}})


def build_report(*, briefs_path: str | None = None, out: str | Path | None = None,
                 only: list[str] | None = None, log=print) -> Path:
    """Run the notebooks and write the report; return the index page's path.

    Args:
        briefs_path: a folder of briefs for every notebook (default: the sample corpus).
        out: the report's folder (default ``build/report``).
        only: notebook name prefixes to run ("01", "02"); default all.

    Raises a BriefkitError before running anything when the briefs cannot be loaded (no
    brief in the folder), and RuntimeError after writing the whole report if any notebook
    failed.
    """
    from briefkit.corpus import load_corpus, no_briefs_error, sample_path
    from briefkit.provenance import provenance

    # Load once first: a folder without briefs stops here with its reasons, not in six
    # notebooks one after another; the notebooks read this load back from the cache.
    corpus = load_corpus(briefs_path or sample_path(), progress=False)
    if not len(corpus):
        raise no_briefs_error(briefs_path, corpus.skipped[["path", "reason"]].itertuples(
            index=False, name=None))
    if briefs_path:  # the notebooks run in notebooks/: give them the path the user meant
        briefs_path = str(Path(briefs_path).expanduser().absolute())
    out_dir = Path(out) if out else build_dir() / "report"
    parameters = {"briefs_path": str(briefs_path)} if briefs_path else {}
    pages = []
    for path in list_notebooks():
        if only and not any(path.name.startswith(prefix) for prefix in only):
            continue
        log(f"running {path.name} ...")
        started = time.perf_counter()
        error = ""
        try:
            executed = run_notebook(path, out_dir, parameters)
        except Exception as exc:  # a failing notebook still gets its page, marked as failed
            message = str(exc).strip()
            error = f"{type(exc).__name__}: {message.splitlines()[-1] if message else ''}"
            executed = out_dir / "executed" / path.name
        html_name = path.with_suffix(".html").name
        if executed.exists():
            render_html(executed, out_dir / html_name)
        pages.append(Page(path.name, notebook_title(path), html_name,
                          time.perf_counter() - started, error))
        log(f"  {'FAILED: ' + error if error else 'ok'} ({pages[-1].seconds:.1f} s)")
    record = provenance(corpus=corpus, briefs_path=briefs_path, parameters=parameters)
    storage.atomic_write_text(out_dir / "provenance.json",
                              json.dumps(record, indent=2, default=str))
    skipped = list(corpus.skipped[["path", "reason"]].itertuples(index=False, name=None))
    index = storage.atomic_write_text(out_dir / "index.html",
                                      index_html(pages, record, skipped=skipped))
    failed = [p.notebook for p in pages if p.error]
    if failed:
        raise RuntimeError(f"report written to {index}, "
                           f"but these notebooks failed: {', '.join(failed)}")
    return index


def index_html(pages: list[Page], record: dict, skipped: list[tuple[str, str]] = ()) -> str:
    """The report's index page: which briefs were read (and which files skipped, and why),
    one link per notebook with its status, and the provenance of the run."""
    esc = html.escape
    n = record.get("briefs")
    read = (f"<p><strong>Briefs:</strong> {esc(str(record.get('corpus_path') or ''))}"
            + (f", {n:,} brief{'s' if n != 1 else ''}" if isinstance(n, int) else "")
            + (f"; {len(skipped):,} file{'s' if len(skipped) != 1 else ''} skipped"
               " (below)" if skipped else "") + ".</p>")
    failed = sum(bool(p.error) for p in pages)
    if failed:
        read += (f"<p><strong>{failed} notebook{'s' if failed != 1 else ''} failed</strong> "
                 "on these briefs: each page shows the cell that failed and why.</p>")
    skipped_rows = "\n".join(f"<tr><td>{esc(str(path))}</td><td>{esc(str(reason))}</td></tr>"
                             for path, reason in skipped)
    skipped_html = (f"<h2>Files skipped</h2>\n<table><tr><th>File</th><th>Reason</th></tr>\n"
                    f"{skipped_rows}\n</table>\n" if skipped else "")
    rows = "\n".join(
        f"<tr><td><a href=\"{esc(p.html)}\">{esc(p.title)}</a></td><td>{esc(p.notebook)}</td>"
        f"<td>{'failed: ' + esc(p.error) if p.error else 'ok'}</td><td>{p.seconds:.1f} s</td></tr>"
        for p in pages
    )

    def shown(v):
        return json.dumps(v, default=str) if isinstance(v, (dict, list)) else str(v)

    prov = "\n".join(
        f"<tr><th>{esc(str(k))}</th><td>{esc(shown(v))}</td></tr>"
        for k, v in record.items()
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>briefkit report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;width:100%;margin-bottom:2rem}}td,th{{border-bottom:1px solid #ddd;
padding:.4rem;text-align:left;vertical-align:top}}th{{white-space:nowrap}}</style></head>
<body><h1>briefkit report</h1>
{read}
<p>Each page is a notebook run top to bottom in a fresh kernel. Interactive widgets need a live
kernel (<code>make lab</code> or <code>make dashboard</code>); the pages show their last state
where it can be rendered statically.</p>
<table><tr><th>Notebook</th><th>File</th><th>Status</th><th>Time</th></tr>
{rows}
</table>
{skipped_html}<h2>Provenance</h2>
<table>
{prov}
</table>
</body></html>
"""
