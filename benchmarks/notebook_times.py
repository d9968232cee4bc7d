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
    "children_cpu": _nt_kids.ru_utime + _nt_kids.ru_stime}}))
"""


def find_notebook(checkout: Path, name: str) -> Path:
    found = sorted((checkout / "notebooks").glob(f"{name}*.ipynb"))
    if not found:
        sys.exit(f"no notebook {name}*.ipynb in {checkout / 'notebooks'}")
    return found[0]


def run_once(notebook: Path, checkout: Path, cache: Path, tmp: Path,
             keep: Path | None = None) -> dict:
    """One papermill run of ``notebook`` in a fresh kernel: wall, kernel CPU, load; the
    executed notebook is copied to ``keep`` when given."""
    import nbformat
    import papermill

    from briefkit.report import local_kernel_manager

    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(CPU_CELL))
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
    cells = [c for c in nbformat.read(out, as_version=4).cells if c.cell_type == "code"]
    text = "".join(o.get("text", "") for o in cells[-1].outputs)
    cpu = json.loads(text.split(MARK, 1)[1])
    slowest = sorted(((c.metadata.get("papermill", {}).get("duration") or 0.0,
                      c.source.splitlines()[0][:50] if c.source else "") for c in cells[:-1]),
                     reverse=True)[:3]
    return {"wall": wall, "cpu": cpu["cpu"], "children_cpu": cpu["children_cpu"],
            "load_before": load, "load_after": os.getloadavg()[0], "slowest": slowest}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help="notebook number prefixes (default: all)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--checkout", action="append", type=Path,
                        help="a copy of the project to run (repeatable; default: this one)")
    parser.add_argument("--json", type=Path, help="also write every run's figures here")
    parser.add_argument("--keep", type=Path, help="keep the executed notebooks in this folder "
                        "(NN-name.<checkout>.<run>.ipynb), to compare their outputs")
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
                    r = run_once(notebook, checkout, cache, Path(tmp), keep)
                    results.setdefault(f"{name} {i}", []).append(r)
                    tag = f" [{i}] {checkout}" if len(checkouts) > 1 else ""
                    print(f"  {notebook.stem} run {run}{tag}: {r['wall']:6.2f} s wall "
                          f"{r['cpu']:6.2f} s kernel CPU (load {r['load_before']:.1f}"
                          f"->{r['load_after']:.1f}); slowest cells: "
                          + ", ".join(f"{d:.1f} {s!r}" for d, s in r["slowest"]), flush=True)
            for i, checkout in enumerate(checkouts):
                rows = results[f"{name} {i}"]
                tag = f" [{i}] {checkout}" if len(checkouts) > 1 else ""
                print(f"  {name} median of {len(rows)}{tag}: "
                      f"{statistics.median(r['wall'] for r in rows):6.2f} s wall "
                      f"{statistics.median(r['cpu'] for r in rows):6.2f} s kernel CPU; load "
                      f"{min(r['load_before'] for r in rows):.1f}-"
                      f"{max(r['load_after'] for r in rows):.1f}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
