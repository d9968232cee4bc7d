"""Latency of every explorer callback, on the sample corpus and on a large corpus.

Each explorer of ``briefkit.widgets`` is built once on a corpus (the tables computed once,
through ``briefkit.scale.run_pipeline`` and its cache), then every callback an interaction
runs is timed: the plain methods (``filter``, ``render``, ``chart_html``, ...), and the
widgets themselves, by setting a control's value and timing the observers it sets off
(everything but the trip to the browser). Each figure is the median and the worst of
``--repeat`` runs, in milliseconds of wall time and of this process's CPU time.

The large corpus comes from ``benchmarks/make_corpus.py`` (deterministic recombinations of
the sample briefs); without that script, the sample is repeated under new ids in a
temporary folder.

    .venv/bin/python benchmarks/widgets.py                 # sample and 3,000 briefs
    .venv/bin/python benchmarks/widgets.py --briefs 300    # a quicker large corpus
    .venv/bin/python benchmarks/widgets.py --briefs 0      # the sample only

Figures are printed as each explorer finishes and written to ``build/bench-widgets.json``.
The budget is 100 ms per interaction; rows over it are flagged.

New tone targets are timed through ``ToneExplorer.tone_for`` (``--switch api``: the table's
computation) or through the widget's target dropdown (``--switch widget``): there a busy
target is scored in a thread, so each choice gives two figures, the callback's return and
the time until the charts and table are complete (``ToneExplorer.wait``). Run each mode in
its own process, so that both start from the same memos.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MS = 100.0


# --- corpora -----------------------------------------------------------------------------


def large_corpus_folder(n: int, seed: int) -> Path:
    """``n`` briefs: make_corpus.py's, or the sample repeated under new ids."""
    script = ROOT / "benchmarks" / "make_corpus.py"
    if script.exists():
        spec = importlib.util.spec_from_file_location("make_corpus", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.write_corpus(n, seed, module.default_out(n, seed))
    return repeated_sample(n)


def repeated_sample(n: int) -> Path:
    """The sample briefs copied under new file names (so new brief_ids) until there are n."""
    import briefkit as bk

    source = sorted(p for p in bk.sample_path().glob("*.txt") if not p.name.startswith("README"))
    folder = Path(tempfile.mkdtemp(prefix="briefkit-bench-widgets-"))
    for i in range(n):
        original = source[i % len(source)]
        text = original.read_text(encoding="utf-8").splitlines()
        text[2] = f"{text[2]} (copy {i // len(source) + 1})" if len(text) > 2 else text[0]
        (folder / f"r{i:05d}-{original.name}").write_text("\n".join(text) + "\n",
                                                           encoding="utf-8")
    return folder


def load(folder: Path):
    """The corpus and its tables (cached by briefkit.scale when available)."""
    import briefkit as bk

    started = time.perf_counter()
    corpus = bk.load_corpus(folder, progress=False)
    loaded = time.perf_counter() - started
    try:
        from briefkit import scale

        tables = scale.run_pipeline(corpus, cache=True)
        mentions, claims, tone, tokens = (tables["mentions"], tables["claims"],
                                          tables["sentiment"], tables["tokens"])
    except ImportError:  # briefkit.scale not there: one process
        mentions, claims = bk.find_mentions(corpus), bk.extract_claims(corpus)
        tone, tokens = bk.sentiment_toward(corpus, "United States"), corpus.tokens
    return corpus, {"mentions": mentions, "claims": claims, "tone": tone, "tokens": tokens}, {
        "load_s": round(loaded, 2), "tables_s": round(time.perf_counter() - started - loaded, 2)}


# --- timing ------------------------------------------------------------------------------


def timed(func, repeat: int) -> dict:
    """Median and worst wall and CPU milliseconds of ``func`` over ``repeat`` calls."""
    walls, cpus = [], []
    for i in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        func(i)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return {"median_ms": round(statistics.median(walls), 2), "max_ms": round(max(walls), 2),
            "cpu_median_ms": round(statistics.median(cpus), 2)}


def cases(explorers: dict, corpus) -> dict:
    """name -> function(i) of one interaction; i varies the values between repeats."""
    reader, claims, tone, compare = (explorers[k] for k in ("reader", "claims", "tone", "compare"))
    ids = list(corpus.briefs["brief_id"])

    def pick(i, step=7):
        return ids[(i * step + step // 2) % len(ids)]

    top_holders = [v for _, v in claims.choices("holder")[:3]]
    months = claims.months
    mid = months[len(months) // 2] if months else None
    frame_us = tone.filter(tone.target)
    tone_holders = [v for _, v in tone.holders(tone.target)[:3]]
    labels = compare.group_labels("year") if "year" in compare.groupings else []
    rc, cc, tc, kc = (e.widget and e.controls for e in (reader, claims, tone, compare))
    return {
        "reader.options(search)": lambda i: reader.options(["2016", "syria", "talks", ""][i % 4]),
        "reader.view(brief)": lambda i: reader.view(pick(i)),
        "reader.view(terms only)": lambda i: reader.view(pick(i), ["terms"]),
        "claims.filter(all)": lambda i: claims.filter(),
        "claims.filter(holders)": lambda i: claims.filter(holders=top_holders[: 1 + i % 3]),
        "claims.filter(kind+months)": lambda i: claims.filter(
            kinds=["reported"], months=(months[0], mid) if months else None),
        "claims.filter(probability)": lambda i: claims.filter(prob=(0.55 + 0.05 * (i % 3), 1.0)),
        "claims.filter(text)": lambda i: claims.filter(text=["sanctions", "deal", "talks"][i % 3]),
        "claims.sort+table_html": lambda i: claims.table_html(
            claims.sort(claims.filter(), ["holder", "date", "prob_high"][i % 3], descending=True)),
        "tone.filter(holders)": lambda i: tone.filter(tone.target,
                                                      holders=tone_holders[: 1 + i % 3]),
        "tone.chart_html": lambda i: tone.chart_html(frame_us, ["quarter", "month", "year"][i % 3]),
        "tone.cells+evidence_html": lambda i: tone.evidence_html(
            frame_us, (tone.cells(frame_us) or [(None, None)])[i % 3][1]),
        "tone.tone_for(cached target)": lambda i: tone.tone_for(tone.target),
        "compare.compare_briefs(new pair)": lambda i: compare.compare_briefs(pick(i, 11),
                                                                              pick(i, 5)),
        "compare.compare_briefs(seen pair)": lambda i: compare.compare_briefs(ids[0], ids[-1]),
        "compare.compare_groups": lambda i: compare.compare_groups(
            "year", labels[i % len(labels)] if labels else "none"),
        "compare.chart+tables_html": lambda i: (compare.chart_html(compare.last),
                                                compare.tables_html(compare.last)),
        "widget: reader brief dropdown": lambda i: setattr(rc["brief"], "value", pick(i, 5)),
        "widget: reader search box": lambda i: setattr(rc["search"], "value",
                                                        ["20", "2016", "201", ""][i % 4]),
        "widget: claims date slider": lambda i: setattr(
            cc["months"], "index", (0, max(0, len(months) - 1 - (i % 5) - 1))),
        "widget: claims holder select": lambda i: setattr(cc["holders"], "value",
                                                          tuple(top_holders[: 1 + i % 3])),
        "widget: tone holder select": lambda i: setattr(tc["holders"], "value",
                                                        tuple(tone_holders[: 1 + i % 3])),
        "widget: tone period": lambda i: setattr(tc["freq"], "value",
                                                 ["month", "year", "quarter"][i % 3]),
        "widget: compare brief B": lambda i: setattr(kc["b"], "value", pick(i, 13)),
        "widget: compare groups": lambda i: (setattr(kc["mode"], "value", "two groups"),
                                             setattr(kc["ga"], "value",
                                                     labels[i % len(labels)] if labels else None)),
    }


class GcClock:
    """Milliseconds spent in Python's cyclic garbage collector since it was made."""

    def __init__(self) -> None:
        self.ms, self._started = 0.0, 0.0
        gc.callbacks.append(self._tick)

    def _tick(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.ms += (time.perf_counter() - self._started) * 1000

    def stop(self) -> None:
        gc.callbacks.remove(self._tick)


def _choose(explorers: dict, target: str, via: str) -> tuple[float, float, float, float]:
    """Choose ``target`` (through tone_for, or the widget's dropdown): the wall and CPU
    milliseconds until the call returned, then until the table and view are complete."""
    tone = explorers["tone"]
    wall, cpu = time.perf_counter(), time.process_time()
    if via == "api":
        tone.tone_for(target)
    else:
        tone.controls["target"].value = target  # raises in the callback if scored there
    returned = (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000
    if via == "widget":
        tone.wait()
        if target not in tone._cache:  # the thread showed a failure
            raise ValueError(target)
    return (*returned, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000)


def _figures(walls: list[float], cpus: list[float], done: list[str]) -> dict:
    worst = walls.index(max(walls))
    return {"median_ms": round(statistics.median(walls), 1), "max_ms": round(max(walls), 1),
            "worst_target": done[worst], "cpu_median_ms": round(statistics.median(cpus), 1),
            "cpu_max_ms": round(max(cpus), 1), "cpu_of_worst_ms": round(cpus[worst], 1),
            "over_budget": sum(w > BUDGET_MS for w in walls)}


def target_switches(explorers: dict, repeat: int, budget_s: float, via: str = "api") -> dict:
    """Tone toward targets not chosen before: the interaction that computes.

    Building the tone explorer scores the default target and the busiest others
    (``widgets.BUSIEST_FROM``, ``BUSIEST_LIMIT``); every other target is scored on its first
    choice, then kept. Each target named in the corpus and not yet scored is chosen once
    (most named first, then every ``step``-th so that about ``repeat`` x 10 are timed, for
    at most ``budget_s`` seconds), with an empty sentiment cache, so each figure is a
    computation (and the write of its table to the cache), never a read. ``via='widget'``:
    each target chosen in the widget's dropdown, timed to the callback's return and to the
    view's completion (a busy target is scored in a thread).
    """
    tone = explorers["tone"]
    if via == "widget":
        assert tone.widget is not None
    scored = sorted(tone._cache)
    named = [v for label, v in tone.targets() if label != v and v not in tone._cache]
    step = max(1, len(named) // (repeat * 10))
    chosen = list(dict.fromkeys(named[:5] + named[::step]))
    walls, cpus, done, failed, collecting, returns = [], [], [], [], [], []
    clock = GcClock()
    saved = os.environ.get("BRIEFKIT_CACHE")
    scratch = tempfile.mkdtemp(prefix="briefkit-bench-switch-")
    os.environ["BRIEFKIT_CACHE"] = scratch  # nothing to read: every first choice computes
    started = time.perf_counter()
    try:
        for target in chosen:
            if time.perf_counter() - started > budget_s:
                break
            gc_before = clock.ms
            try:
                back_wall, back_cpu, wall, cpu = _choose(explorers, target, via)
            except ValueError:  # an actor sentiment_toward cannot resolve
                failed.append(target)
                continue
            walls.append(wall)
            cpus.append(cpu)
            returns.append((back_wall, back_cpu))
            collecting.append(clock.ms - gc_before)
            done.append(target)
    finally:
        clock.stop()
        if saved is None:
            os.environ.pop("BRIEFKIT_CACHE", None)
        else:
            os.environ["BRIEFKIT_CACHE"] = saved
        shutil.rmtree(scratch, ignore_errors=True)
    if not walls:
        return {"scored_at_build": scored, "via": via}
    worst = walls.index(max(walls))
    out = {"scored_at_build": scored, "via": via, "targets": len(done), "of_named": len(named),
           **_figures(walls, cpus, done), "worst_gc_ms": round(collecting[worst], 1),
           "first": {t: round(w, 1) for t, w in zip(done[:5], walls[:5])}, "failed": failed}
    if via == "widget":  # the figures above: until complete; these: until the callback returned
        out["callback"] = _figures([r[0] for r in returns], [r[1] for r in returns], done)
        out["callback"]["first"] = {t: round(r[0], 1) for t, r in zip(done[:5], returns[:5])}
        out["in_background"] = sum(r[0] < w - 1 for r, w in zip(returns, walls))
    return out


def _switch_line(name: str, f: dict) -> str:
    flag = "  OVER 100 ms" if f["median_ms"] > BUDGET_MS else ""
    return (f"{name:38s} median {f['median_ms']:8.1f} ms  worst {f['max_ms']:8.1f} ms  cpu "
            f"{f['cpu_median_ms']:8.1f} ms{flag}; worst: {f['worst_target']} (cpu "
            f"{f['cpu_of_worst_ms']} ms); {f['over_budget']} over 100 ms")


def bench(label: str, folder: Path, repeat: int, switch_budget_s: float = 120.0,
          via: str = "api") -> dict:
    from briefkit import widgets

    corpus, tables, setup = load(folder)
    started = time.perf_counter()
    explorers = widgets.explorers(corpus, **tables)
    setup["explorers_s"] = round(time.perf_counter() - started, 2)
    print(f"\n== {label}: {len(corpus):,} briefs, {len(tables['claims']):,} claims, "
          f"{len(tables['tone']):,} sentences about the target; load {setup['load_s']} s, "
          f"tables {setup['tables_s']} s, explorers {setup['explorers_s']} s", flush=True)
    results = {}
    for name, func in cases(explorers, corpus).items():
        func(0)  # warm: the first call of a kind may import or fill a cache
        results[name] = figures = timed(func, repeat)
        flag = "  OVER 100 ms" if figures["median_ms"] > BUDGET_MS else ""
        print(f"{name:38s} median {figures['median_ms']:8.1f} ms  worst {figures['max_ms']:8.1f}"
              f" ms  cpu {figures['cpu_median_ms']:8.1f} ms{flag}", flush=True)
    switch = target_switches(explorers, repeat, budget_s=switch_budget_s, via=via)
    print(f"{'tone: scored at build':38s} {', '.join(switch['scored_at_build'])}", flush=True)
    if "targets" in switch:
        what = "table" if via == "api" else "complete"
        name = f"tone: new target, {what} ({switch['targets']} of {switch['of_named']})"
        print(f"{_switch_line(name, switch)} (garbage collection in the worst "
              f"{switch['worst_gc_ms']} ms)", flush=True)
        print(f"{'':38s} most named: {switch['first']}", flush=True)
    if "callback" in switch:
        print(_switch_line("tone: new target, callback returned", switch["callback"]),
              flush=True)
        print(f"{'':38s} most named: {switch['callback']['first']}; "
              f"{switch['in_background']} scored in the background", flush=True)
    return {"label": label, "briefs": len(corpus), "claims": len(tables["claims"]),
            "setup": setup, "callbacks": results, "target_switch": switch}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--briefs", type=int, nargs="*", default=[3000],
                        help="sizes of the large corpus (0: the sample only); default 3000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench-widgets.json")
    parser.add_argument("--switch", choices=("api", "widget"), default="api",
                        help="time new tone targets through tone_for (the table) or the widget "
                             "(callback return and completion); default api")
    args = parser.parse_args(argv)
    import briefkit as bk
    from briefkit import storage

    runs = [bench("sample", bk.sample_path(), args.repeat, via=args.switch)]
    for n in (n for n in args.briefs if n > 0):
        folder = large_corpus_folder(n, args.seed)
        try:
            runs.append(bench(f"{n:,} briefs", folder, args.repeat, via=args.switch))
        finally:
            if folder.name.startswith("briefkit-bench-widgets-"):
                shutil.rmtree(folder, ignore_errors=True)
    record = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                          "cpus": os.cpu_count(), "load": os.getloadavg()},
              "budget_ms": BUDGET_MS, "switch": args.switch, "runs": runs}
    storage.atomic_write_json(args.out, record)
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
