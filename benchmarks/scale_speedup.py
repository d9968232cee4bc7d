"""Time briefkit.scale.analyze on a LocalCluster of 1 worker, then 2: the speed-up.

Each run starts its own cluster (single-threaded worker processes on 127.0.0.1, no
dashboard) and an empty ``BRIEFKIT_CACHE``, so both are cold; the cluster's start-up is
timed apart from the analysis.

    .venv/bin/python benchmarks/scale_speedup.py --briefs 300 --workers 1 2

A benchmark prints figures; it is not a test. Note the machine's load (printed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import make_corpus  # beside this script: its folder is sys.path[0] when the script runs


def run_once(folder: Path, workers: int, partition_size: int) -> dict:
    from distributed import Client, LocalCluster

    from briefkit import scale

    cache = Path(tempfile.mkdtemp(prefix="briefkit-scale-cache-"))
    out = Path(tempfile.mkdtemp(prefix="briefkit-scale-out-"))
    os.environ["BRIEFKIT_CACHE"] = str(cache)  # the workers inherit it
    load = os.getloadavg()[0]
    try:
        t0 = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None) as cluster, \
                Client(cluster) as client:
            started = time.perf_counter() - t0
            t1 = time.perf_counter()
            scale.analyze(folder, client=client, out=out, partition_size=partition_size)
            seconds = time.perf_counter() - t1
        return {"workers": workers, "startup_s": round(started, 2),
                "seconds": round(seconds, 2), "load_before": round(load, 2),
                "load_after": round(os.getloadavg()[0], 2)}
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--briefs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--corpus-root", type=Path)
    parser.add_argument("--out", type=Path, help="write the figures here as JSON too")
    args = parser.parse_args(argv)
    folder = ((args.corpus_root / f"n{args.briefs}-s{args.seed}") if args.corpus_root
              else make_corpus.default_out(args.briefs, args.seed))
    make_corpus.write_corpus(args.briefs, args.seed, folder)
    runs = []
    for _ in range(args.repeat):
        for workers in args.workers:
            run = run_once(folder, workers, args.partition_size)
            runs.append(run)
            print(f"{args.briefs} briefs, {workers} worker(s): {run['seconds']:.2f} s "
                  f"(cluster start {run['startup_s']:.2f} s, load {run['load_before']})",
                  flush=True)
    best = {w: min(r["seconds"] for r in runs if r["workers"] == w) for w in args.workers}
    base = best[args.workers[0]]
    for workers, seconds in best.items():
        print(f"speed-up with {workers} worker(s): {base / seconds:.2f}x (best of "
              f"{args.repeat})")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"briefs": args.briefs, "runs": runs}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
