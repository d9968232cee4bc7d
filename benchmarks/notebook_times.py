"""How long each notebook takes in a fresh kernel: wall seconds and the kernel's CPU seconds.
Prints figures; asserts nothing, since machines differ.

    .venv/bin/python benchmarks/notebook_times.py                      # every notebook, once
    .venv/bin/python benchmarks/notebook_times.py 04 --runs 5           # notebook 04, 5 times
    .venv/bin/python benchmarks/notebook_times.py 04 --runs 4 \\
        --checkout /tmp/before --checkout .                             # before/after, interleaved

Each run is a papermill execution in a new kernel, as ``make report`` runs the notebooks
(the sample corpus, the notebook's own parameters). One cell is added at the end of the
notebook: it reads the kernel process's CPU time (``getrusage``, user + system, the kernel's
start and imports included, and the inline backend's drawing of every figure shown before
it). On a machine shared with other work the wall clock mostly measures the other
processes, so kernel CPU is the steadier figure; the load average is printed with each run.

Each run also counts the figures the executed notebook shows (its image outputs), so that
a figure shown twice (returned as a cell's value and shown by ``plt.show()``, or displayed
and then flushed by the inline backend) is seen, and a change is seen to keep every figure.
``--cells N`` adds a first cell that times every cell in the kernel (CPU, from IPython's
``pre_run_cell``/``post_run_cell`` events, the inline backend's drawing of the cell's
figures included) and prints the ``N`` costliest cells by their median over the runs.

``--checkout DIR`` (repeatable) runs ``DIR/notebooks/NN-*.ipynb`` with ``DIR/src`` first on
the kernel's ``PYTHONPATH`` and its own table cache (``DIR/.briefkit-cache`` unless
``BRIEFKIT_CACHE`` is set, then one folder per checkout beneath it). With several, the runs
are interleaved (A, B, A, B, ...), so that a change in the machine's load falls on both
alike, and the medians are printed side by side. Run once first for a warm cache: the cache
key hashes briefkit's source, so the first run after any edit computes the tables again.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "notebook_times:"
CPU_CELL = f"""\
import json as _nt_json, resource as _nt_resource
_nt_self = _nt_resource.getrusage(_nt_resource.RUSAGE_SELF)
_nt_kids = _nt_resource.getrusage(_nt_resource.RUSAGE_CHILDREN)
print({MARK!r}, _nt_json.dumps({{"cpu": _nt_self.ru_utime + _nt_self.ru_stime,
    "children_cpu": _nt_kids.ru_utime + _nt_kids.ru_stime,
    "cells": globals().get("_nt_cells", [])[:-1]}}))
"""
# the first cell with --cells: each later cell's kernel CPU, its figures' drawing included
# (post_run_cell comes after the inline backend's post_execute flush)
CELLS_CELL = """\
import resource as _nt_resource


def _nt_cpu():
    usage = _nt_resource.getrusage(_nt_resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


_nt_cells = []
get_ipython().events.register("pre_run_cell", lambda *_: _nt_cells.append(-_nt_cpu()))
get_ipython().events.register(
    "post_run_cell", lambda *_: _nt_cells and _nt_cells.__setitem__(-1, _nt_cells[-1] + _nt_cpu()))
"""
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


def _images(cell) -> int:
    return sum(1 for o in cell.get("outputs", []) for t in IMAGE_TYPES if t in o.get("data", {}))


def find_notebook(checkout: Path, name: str) -> Path:
    found = sorted((checkout / "notebooks").glob(f"{name}*.ipynb"))
    if not found:
        sys.exit(f"no notebook {name}*.ipynb in {checkout / 'notebooks'}")
    return found[0]


def run_once(notebook: Path, checkout: Path, cache: Path, tmp: Path,
             keep: Path | None = None, cells: bool = False) -> dict:
    """One papermill run of ``notebook`` in a fresh kernel: wall, kernel CPU, load, the
    figures shown (and, with ``cells``, each cell's kernel CPU); the executed notebook is
    copied to ``keep`` when given."""
    import nbformat
    import papermill

    from briefkit.report import local_kernel_manager

    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(CPU_CELL))
    if cells:
        nb.cells.insert(0, nbformat.v4.new_code_cell(CELLS_CELL))
    src, out = tmp / f"in-{notebook.name}", tmp / f"out-{notebook.name}"
    nbformat.write(nb, src)
    env = {"PYTHONPATH": os.pathsep.join(
        [str(checkout / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]),
        "BRIEFKIT_CACHE": str(cache)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)  # the kernel inherits papermill's environment
    load = os.getloadavg()[0]
    start = time.perf_counter()
    try:
        papermill.execute_notebook(str(src), str(out), kernel_name="python3", language="python",
                                   cwd=str(notebook.parent), progress_bar=False,
                                   log_output=False, kernel_manager_class=local_kernel_manager())
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    wall = time.perf_counter() - start
    if keep is not None:
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_bytes(out.read_bytes())
    code = [c for c in nbformat.read(out, as_version=4).cells if c.cell_type == "code"]
    text = "".join(o.get("text", "") for o in code[-1].outputs)
    cpu = json.loads(text.split(MARK, 1)[1])
    code = code[1 if cells else 0:-1]  # the notebook's own cells
    first_lines = [c.source.splitlines()[0][:50] if c.source else "" for c in code]
    slowest = sorted(((c.metadata.get("papermill", {}).get("duration") or 0.0, line)
                      for c, line in zip(code, first_lines)), reverse=True)[:3]
    return {"wall": wall, "cpu": cpu["cpu"], "children_cpu": cpu["children_cpu"],
            "load_before": load, "load_after": os.getloadavg()[0], "slowest": slowest,
            "figures": sum(map(_images, code)),
            "several_figures": [(i, n, line) for i, (n, line)
                                in enumerate(zip(map(_images, code), first_lines)) if n > 1],
            # a blank cell is not run, so it has no time
            "cells": [[i, first_lines[i], t] for i, t in
                      zip([i for i, c in enumerate(code) if c.source.strip()], cpu["cells"])]}


def costliest_cells(rows: list[dict], n: int) -> list[tuple[float, float, float, int, str]]:
    """The ``n`` cells of the highest median kernel CPU over ``rows`` (runs of one notebook):
    (median, least, most, cell number among the code cells, first line)."""
    times: dict = {}
    for r in rows:
        for i, line, t in r["cells"]:
            times.setdefault((i, line), []).append(t)
    table = [(statistics.median(v), min(v), max(v), i, line) for (i, line), v in times.items()]
    return sorted(table, reverse=True)[:n]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help="notebook number prefixes (default: all)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--checkout", action="append", type=Path,
                        help="a copy of the project to run (repeatable; default: this one)")
    parser.add_argument("--json", type=Path, help="also write every run's figures here")
    parser.add_argument("--keep", type=Path, help="keep the executed notebooks in this folder "
                        "(NN-name.<checkout>.<run>.ipynb), to compare their outputs")
    parser.add_argument("--cells", type=int, default=0, metavar="N",
                        help="time every cell (kernel CPU) and print the N costliest")
    args = parser.parse_args(argv)
    checkouts = [c.resolve() for c in (args.checkout or [ROOT])]
    names = args.notebooks or sorted({p.name[:2]
                                      for p in (ROOT / "notebooks").glob("[0-9]*.ipynb")})
    base = os.environ.get("BRIEFKIT_CACHE")
    caches = [Path(base) / f"checkout-{i}" if base else c / ".briefkit-cache"
              for i, c in enumerate(checkouts)]
    results: dict = {}
    print(f"fresh-kernel papermill runs, {args.runs} per notebook and checkout; "
          "CPU = the kernel's user + system seconds")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            for run in range(1, args.runs + 1):
                for i, (checkout, cache) in enumerate(zip(checkouts, caches)):
                    notebook = find_notebook(checkout, name)
                    keep = args.keep / f"{notebook.stem}.{i}.{run}.ipynb" if args.keep else None
                    r = run_once(notebook, checkout, cache, Path(tmp), keep, bool(args.cells))
                    results.setdefault(f"{name} {i}", []).append(r)
                    tag = f" [{i}] {checkout}" if len(checkouts) > 1 else ""
                    print(f"  {notebook.stem} run {run}{tag}: {r['wall']:6.2f} s wall "
                          f"{r['cpu']:6.2f} s kernel CPU (load {r['load_before']:.1f}"
                          f"->{r['load_after']:.1f}); {r['figures']} figures shown; "
                          "slowest cells: "
                          + ", ".join(f"{d:.1f} {s!r}" for d, s in r["slowest"]), flush=True)
                    for cell, n, line in r["several_figures"]:
                        print(f"    cell {cell} shows {n} figures: {line!r}", flush=True)
            for i, checkout in enumerate(checkouts):
                rows = results[f"{name} {i}"]
                tag = f" [{i}] {checkout}" if len(checkouts) > 1 else ""
                print(f"  {name} median of {len(rows)}{tag}: "
                      f"{statistics.median(r['wall'] for r in rows):6.2f} s wall "
                      f"{statistics.median(r['cpu'] for r in rows):6.2f} s kernel CPU; load "
                      f"{min(r['load_before'] for r in rows):.1f}-"
                      f"{max(r['load_after'] for r in rows):.1f}; figures shown "
                      f"{sorted({r['figures'] for r in rows})}", flush=True)
                for median, low, high, cell, line in costliest_cells(rows, args.cells):
                    print(f"    cell {cell:2d} {median:5.2f} s kernel CPU ({low:.2f}-{high:.2f}) "
                          f"{line!r}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
