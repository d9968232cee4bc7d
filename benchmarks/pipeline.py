"""Time briefkit's pipeline, stage by stage, cold and warm, on 1 and 2 cores.

For each size (``--sizes``) a deterministic corpus is built with ``make_corpus.py``. Each
run is a fresh child process, so its peak memory is its own:

- load (``load_corpus``, with its process pool), tokens (``corpus.tokens``: words, stopword,
  alpha, POS tags), mentions, claims, sentiment toward the United States, and the whole,
  each through ``briefkit.scale.run_stage``: on 2 cores the stages after loading run on
  chunks of whole briefs in a pool of 2 processes, and the analysis tables are cached;
- cold (an empty ``BRIEFKIT_CACHE``) and warm (the same cache, second run);
- on 1 core (``workers=1``, the process pinned to one CPU) and on 2 cores (``workers=2``);
- words per second (briefkit's word count of the corpus over the seconds), peak RSS of the
  process and of its largest worker.

In the same run it times a plain NLTK pipeline that does less (per file: ``sent_tokenize``,
``word_tokenize``, ``pos_tag``, and vaderSentiment's VADER on every sentence), on one core,
and prints the ratio. A stage whose module is not in this briefkit yet is reported as
"not available". Results go to ``--out`` as JSON and to the terminal as a table.

    .venv/bin/python benchmarks/pipeline.py --sizes 300 3000 --out build/bench.json

A benchmark prints figures; it is not a test. Note the machine's load (printed with each
run): other work on the machine slows every figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import make_corpus  # beside this script: its folder is sys.path[0] when the script runs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

STAGES = ["load", "tokens", "mentions", "claims", "sentiment"]
TARGET = "United States"


# --- inside a child process ----------------------------------------------------------------


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(kids, 1)


def _cpu_seconds() -> float:
    """CPU time of this process and of its children: finished (rusage) and running (psutil),
    so that a stage run in a pool of processes is counted in that stage."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    try:
        import psutil
    except ImportError:  # psutil comes with the scale extra; without it, finished ones only
        return total
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def child_briefkit(path: str, workers: int, result_cache: bool) -> dict:
    """Run the stages once in this process; returns seconds per stage and peak memory."""
    started = time.perf_counter()
    import briefkit as bk
    from briefkit import scale

    out: dict = {"import_s": round(time.perf_counter() - started, 3), "stages": {}}

    def timed(name, func):
        t0, c0 = time.perf_counter(), _cpu_seconds()
        try:
            value = func()
        except scale.StageUnavailable as exc:
            out["stages"][name] = {"status": "not available", "detail": str(exc)}
            return None
        except Exception as exc:  # noqa: BLE001 - report the failure, go on with the rest
            out["stages"][name] = {"status": "error", "detail": f"{type(exc).__name__}: {exc}"}
            return None
        out["stages"][name] = {"status": "ok", "seconds": round(time.perf_counter() - t0, 3),
                               "cpu_s": round(_cpu_seconds() - c0, 3), "rows": len(value)}
        _say(f"    {name}: {out['stages'][name]['seconds']:.2f} s "
             f"(CPU {out['stages'][name]['cpu_s']:.2f} s), {len(value):,} rows")
        return value

    corpus = timed("load", lambda: bk.load_corpus(path, workers=workers, progress=False))
    if corpus is None:
        return out
    out["briefs"], out["words"] = len(corpus), int(corpus.briefs["n_words"].sum())
    # One pool of processes serves every stage (started only if a stage must compute).
    with scale.ChunkPool(workers) as pool:
        for stage in STAGES[1:]:
            timed(stage, lambda stage=stage: scale.run_stage(
                corpus, stage, target=TARGET, cache=result_cache, pool=pool))
    out["peak_rss_mb"], out["peak_rss_workers_mb"] = _peak_mb()
    out["cpu_total_s"] = round(_cpu_seconds(), 3)
    out["resources"] = bk.resources_report()["mode"]
    return out


def child_nltk(path: str) -> dict:
    """The plain NLTK pipeline: per file sent_tokenize, word_tokenize, pos_tag, VADER."""
    started = time.perf_counter()
    import nltk
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    nltk.pos_tag(["Warm", "up"])
    setup = time.perf_counter() - started
    t0, c0 = time.perf_counter(), _cpu_seconds()
    sentences = tokens = 0
    for file in sorted(Path(path).glob("*.txt")):
        text = file.read_text(encoding="utf-8")
        for sentence in nltk.sent_tokenize(text):
            words = nltk.word_tokenize(sentence)
            nltk.pos_tag(words)
            analyzer.polarity_scores(sentence)
            sentences += 1
            tokens += len(words)
    own, _ = _peak_mb()
    return {"setup_s": round(setup, 3), "seconds": round(time.perf_counter() - t0, 3),
            "cpu_s": round(_cpu_seconds() - c0, 3),
            "sentences": sentences, "tokens": tokens, "peak_rss_mb": own}


# --- the parent ----------------------------------------------------------------------------


def run_child(args: list[str], env: dict, cores: int) -> dict:
    """Run this script as a child (pinned to ``cores`` CPUs) and parse its JSON line."""
    cpus = sorted(os.sched_getaffinity(0))[:cores] if hasattr(os, "sched_getaffinity") else None
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.run(command, check=False, env=env, stdout=subprocess.PIPE, text=True,
                          preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({' '.join(command)}); its errors are above")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(wall_s=round(wall, 3), load_before=round(load_before, 2),
                  load_after=round(os.getloadavg()[0], 2), cores=cores)
    return result


def bench_size(n: int, *, seed: int, cores_list: list[int], repeat: int, baseline: bool,
               corpus_root: Path | None, result_cache: bool) -> dict:
    folder = (corpus_root / f"n{n}-s{seed}") if corpus_root else make_corpus.default_out(n, seed)
    make_corpus.write_corpus(n, seed, folder)
    entry: dict = {"briefs": n, "seed": seed, "corpus": str(folder), "runs": []}
    for cores in cores_list:
        for attempt in range(repeat):
            cache = Path(tempfile.mkdtemp(prefix="briefkit-bench-cache-"))
            try:
                env = {**os.environ, "BRIEFKIT_CACHE": str(cache)}
                for state in ("cold", "warm"):
                    flags = ["--path", str(folder), "--workers", str(cores)]
                    if not result_cache:
                        flags.append("--no-result-cache")
                    result = run_child(flags, env, cores)
                    result.update(state=state, attempt=attempt)
                    entry["runs"].append(result)
                    _say(f"  n={n} cores={cores} {state} #{attempt + 1}: "
                         f"{_whole(result):.2f} s (load {result['load_before']})")
            finally:
                shutil.rmtree(cache, ignore_errors=True)
    if baseline:
        entry["nltk"] = []
        for attempt in range(repeat):
            result = run_child(["--nltk", "--path", str(folder)], dict(os.environ), 1)
            entry["nltk"].append(result)
            _say(f"  n={n} plain NLTK #{attempt + 1}: {result['seconds']:.2f} s")
    return entry


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _whole(run: dict, key: str = "seconds") -> float:
    return sum(s.get(key, 0.0) for s in run["stages"].values())


def summarise(entry: dict) -> list[dict]:
    """One row per (cores, state, stage): median seconds, spread, words/s, peak RSS."""
    rows = []
    words = next((r["words"] for r in entry["runs"] if "words" in r), 0)
    groups: dict[tuple, list[dict]] = {}
    for run in entry["runs"]:
        groups.setdefault((run["cores"], run["state"]), []).append(run)
    for (cores, state), runs in groups.items():
        for stage in [*STAGES, "whole"]:
            if stage == "whole":
                values = [_whole(r) for r in runs]
                cpu = [_whole(r, "cpu_s") for r in runs]
                status = "ok" if all(r["stages"].get(s, {}).get("status") == "ok"
                                     for r in runs for s in STAGES) else "partial"
            else:
                infos = [r["stages"].get(stage, {"status": "not run"}) for r in runs]
                status = infos[0]["status"]
                values = [i["seconds"] for i in infos if i.get("status") == "ok"]
                cpu = [i["cpu_s"] for i in infos if i.get("status") == "ok"]
            rows.append(_row(entry["briefs"], words, cores, state, stage, status, values, cpu,
                             max(r.get("peak_rss_mb", 0) for r in runs),
                             max(r.get("peak_rss_workers_mb", 0) for r in runs)))
    nltk_runs = entry.get("nltk") or []
    if nltk_runs:
        rows.append(_row(entry["briefs"], words, 1, "cold", "plain NLTK", "ok",
                         [r["seconds"] for r in nltk_runs], [r["cpu_s"] for r in nltk_runs],
                         max(r["peak_rss_mb"] for r in nltk_runs), 0.0))
    return rows


def _row(n, words, cores, state, stage, status, values, cpu, rss, rss_workers) -> dict:
    row = {"briefs": n, "words": words, "cores": cores, "state": state, "stage": stage,
           "status": status, "runs": len(values), "peak_rss_mb": rss,
           "peak_rss_workers_mb": rss_workers}
    if values and status in ("ok", "partial"):
        median = statistics.median(values)
        row.update(seconds=round(median, 3), min_s=round(min(values), 3),
                   max_s=round(max(values), 3),
                   words_per_s=round(words / median) if median > 0 else None,
                   cpu_s=round(statistics.median(cpu), 3) if cpu else None)
    return row


def ratios(entry: dict, rows: list[dict]) -> dict:
    """The plain NLTK pipeline's seconds over briefkit's whole (cold), per core count."""
    base = next((r for r in rows if r["stage"] == "plain NLTK" and "seconds" in r), None)
    if base is None:
        return {}
    out = {}
    for row in rows:
        if row["stage"] == "whole" and row["state"] == "cold" and row.get("seconds"):
            out[f"{row['cores']}_core"] = round(base["seconds"] / row["seconds"], 2)
            if row["cores"] == 1 and row.get("cpu_s") and base.get("cpu_s"):
                out["1_core_cpu"] = round(base["cpu_s"] / row["cpu_s"], 2)
    return out


def print_table(rows: list[dict], all_ratios: dict) -> None:
    header = (f"{'briefs':>7} {'cores':>5} {'cache':>5} {'stage':<11} {'seconds':>9} "
              f"{'spread':>15} {'words/s':>10} {'CPU s':>8} {'RSS MB':>8} {'workers':>8}")
    print(header)
    print("-" * len(header))
    for r in rows:
        if "seconds" in r:
            spread = f"{r['min_s']:.2f}-{r['max_s']:.2f}" if r["runs"] > 1 else ""
            wps = f"{r['words_per_s']:,}" if r.get("words_per_s") else ""
            cpu = f"{r['cpu_s']:.2f}" if r.get("cpu_s") is not None else ""
            figures = f"{r['seconds']:>9.2f} {spread:>15} {wps:>10} {cpu:>8}"
        else:
            figures = f"{r['status']:>45}"
        rss = f"{r['peak_rss_mb']:>8.0f} {r['peak_rss_workers_mb']:>8.0f}"
        print(f"{r['briefs']:>7} {r['cores']:>5} {r['state']:>5} {r['stage']:<11} {figures} "
              f"{rss}")
    for n, by_cores in all_ratios.items():
        text = ", ".join(f"{k.replace('_', ' ')} time: {v}x" for k, v in by_cores.items())
        print(f"plain NLTK seconds / briefkit whole (cold) at {n} briefs: {text}")


def machine() -> dict:
    return {"date": dt.date.today().isoformat(), "python": platform.python_version(),
            "platform": platform.platform(), "processor": platform.processor(),
            "cpus": os.cpu_count(), "load_start": round(os.getloadavg()[0], 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cores", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each configuration")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench.json")
    parser.add_argument("--corpus-root", type=Path, help="where the corpora are built")
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain NLTK run")
    parser.add_argument("--no-result-cache", action="store_true",
                        help="do not cache the analysis tables (warm runs recompute them)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--nltk", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        result = (child_nltk(args.path) if args.nltk
                  else child_briefkit(args.path, args.workers, not args.no_result_cache))
        print(json.dumps(result))
        return 0
    report = {"machine": machine(), "sizes": {}, "rows": [], "ratios": {}}
    for n in args.sizes:
        _say(f"{n} briefs")
        entry = bench_size(n, seed=args.seed, cores_list=args.cores, repeat=args.repeat,
                           baseline=not args.no_baseline, corpus_root=args.corpus_root,
                           result_cache=not args.no_result_cache)
        rows = summarise(entry)
        report["sizes"][str(n)] = entry
        report["rows"].extend(rows)
        report["ratios"][str(n)] = ratios(entry, rows)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    report["machine"]["load_end"] = round(os.getloadavg()[0], 2)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    m = report["machine"]
    print(f"{m['date']}, {m['cpus']} CPUs, Python {m['python']}, load {m['load_start']} -> "
          f"{m['load_end']}; figures in {args.out}")
    print_table(report["rows"], report["ratios"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
