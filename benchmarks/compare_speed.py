"""How long briefkit.compare takes on the sample corpus (and on the UN General Debate
corpus when ../shared has it), and how long notebook 04 takes in a fresh kernel. Prints
timings; asserts nothing, since machines differ.

    NLTK_DATA=../shared/nltk_data .venv/bin/python benchmarks/compare_speed.py
    NLTK_DATA=../shared/nltk_data .venv/bin/python benchmarks/compare_speed.py --notebook 3

The inputs (tokens, mentions, claims, tone) are computed first and timed apart: they belong
to the other modules; the comparison functions are then timed on them, best of ``REPEATS``,
each run cold (``compare.clear_shared``: the term rows, term index, TF-IDF weights,
tracked claims and each brief's prepared claims a run keeps are forgotten first). "Again"
lines time a second call with what the first kept, as a notebook's later cells and its
exercises' checks make it.

``--notebook N`` runs ``notebooks/04-compare-briefs.ipynb`` N times with papermill, as
``make report`` does (a new kernel each time, the sample corpus), and prints each run's
wall time, the kernel's CPU time and its slowest cells: ``benchmarks/notebook_times.py 04
--runs N``, which also compares copies of the project run for run (``--checkout``). The
tables cache (``.briefkit-cache``) is whatever it is: run ``make report`` or the notebook
once first for a warm one.
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import briefkit as bk
from briefkit import compare
from briefkit.paths import shared_dir

REPEATS = 3
_COLD: list = []  # the corpora whose kept work each timed run forgets first


def best_of(fn, repeats: int = REPEATS, *, cold: bool = True) -> tuple[float, float, object]:
    """The fastest of ``repeats`` runs of ``fn()``: wall seconds, CPU seconds, the result.

    CPU time is printed beside wall time because on a busy machine the wall clock mostly
    measures the other processes. ``cold``: forget what compare keeps before each run.
    """
    walls, cpus, result = [], [], None
    for _ in range(repeats):
        if cold:
            for corpus in _COLD or [None]:
                compare.clear_shared(corpus)
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), result


def once(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"  {label:<38} {time.perf_counter() - start:7.2f} s  (inputs, other modules)")
    return result


def report(label: str, fn, *, cold: bool = True) -> object:
    wall, cpu, result = best_of(fn, cold=cold)
    size = f"{len(result):>6} rows" if hasattr(result, "__len__") else ""
    print(f"  {label:<38} {wall:7.3f} s wall {cpu:7.3f} s CPU  {size}")
    return result


def bench_sample() -> None:
    from briefkit.widgets import CompareBriefs  # ipywidgets: the notebooks extra

    print(f"sample corpus (best of {REPEATS})")
    corpus = once("load_corpus", lambda: bk.load_corpus(bk.sample_path(), progress=False))
    _COLD[:] = [corpus]
    once("tokens", lambda: corpus.tokens)
    mentions = once("find_mentions", lambda: bk.find_mentions(corpus))
    claims = once("extract_claims", lambda: bk.extract_claims(corpus))
    tone = once("sentiment_toward United States",
                lambda: bk.sentiment_toward(corpus, "United States"))
    report("keyness 2015 vs 2017", lambda: compare.keyness(corpus, by="year", a=2015, b=2017))
    report("keyness each region vs rest", lambda: compare.keyness(corpus, by="region"))
    report("keyness bigrams by topic 'Iran'",
           lambda: compare.keyness(corpus, by="topics", a="Iran", ngram=2))
    report("keyness_over_time previous",
           lambda: compare.keyness_over_time(corpus, against="previous"))
    report("brief_similarity", lambda: compare.brief_similarity(corpus))
    last = corpus.briefs["brief_id"].iloc[-1]
    report("nearest_briefs", lambda: compare.nearest_briefs(corpus, last))
    sim = compare.brief_similarity(corpus)
    report("cluster_order", lambda: compare.cluster_order(sim))
    report("topic_timeline", lambda: compare.topic_timeline(corpus))
    report("theme_timeline (3 themes)", lambda: compare.theme_timeline(
        corpus, {"JCPOA": ["JCPOA", "nuclear deal"], "Assad": ["Assad"], "ICBM": ["ICBM"]}))
    report("actor_timeline quarter", lambda: compare.actor_timeline(mentions, corpus))
    report("co_mentions per year", lambda: compare.co_mentions(mentions, corpus, freq="year"))
    report("tone_summary holder x year", lambda: compare.tone_summary(tone, corpus, freq="year"))
    tracked = report("track_claims",
                     lambda: compare.track_claims(claims, mentions=mentions, corpus=corpus))
    report("claim_timeline JCPOA (tracked)",
           lambda: compare.claim_timeline(tracked, ["JCPOA", "nuclear deal"]))
    pair = corpus.briefs["brief_id"].iloc[[6, -3]]
    report("diff_briefs (tables given)", lambda: compare.diff_briefs(
        corpus, *pair, mentions=mentions, claims=claims, tone=tone, tokens=corpus.tokens).terms)
    calls = pair_calls(corpus, dict(mentions=mentions, claims=claims, tone=tone,
                                    tokens=corpus.tokens))
    report("diff_briefs, 20 pairs of 6 briefs", lambda: [compare.diff_briefs(corpus, a, b, **rows)
                                                        for a, b, rows in calls])
    bare = [(a, b, {k: v for k, v in rows.items() if k != "tokens"}) for a, b, rows in calls]
    report("  the same, terms=False (explorer)", lambda: [compare.diff_briefs(
        corpus, a, b, **rows, terms=False) for a, b, rows in bare])
    report("  of which the claims (prepared)", lambda: [compare._diff_claims(
        rows["claims"], rows["mentions"], a, b, compare.LINK_THRESHOLD, corpus)
        for a, b, rows in bare], cold=False)
    report("  of which the tone", lambda: [compare._diff_tone(rows["tone"], a, b)
                                           for a, b, rows in bare], cold=False)
    explorer = CompareBriefs(corpus, mentions=mentions, claims=claims, tone=tone,
                             tokens=corpus.tokens)
    report("CompareBriefs, the 20 pairs", lambda: explorer_pairs(explorer, calls))
    print("  claim changes:", tracked["change"].value_counts().to_dict())
    compare.track_claims(claims, mentions=mentions, corpus=corpus)
    compare.keyness(corpus, by="year", a=2015, b=2017)
    report("  again: track_claims (kept)", lambda: compare.track_claims(
        claims, mentions=mentions, corpus=corpus), cold=False)
    report("  again: keyness 2015 vs 2016 (index)",
           lambda: compare.keyness(corpus, by="year", a=2015, b=2016), cold=False)
    report("  again: brief_similarity (weights)", lambda: compare.brief_similarity(corpus),
           cold=False)
    report("  again: diff_briefs (claims prepared)", lambda: compare.diff_briefs(
        corpus, *pair, mentions=mentions, claims=claims, tone=tone, tokens=corpus.tokens).terms,
        cold=False)
    one = corpus.subset(corpus.briefs["brief_id"].iloc[:1])
    report("track_claims, one brief", lambda: compare.track_claims(
        claims[claims["brief_id"].isin(one.briefs["brief_id"])], corpus=one))


def pair_calls(corpus, tables: dict) -> list:
    """20 pairs of 6 briefs, each with the pair's rows of the tables: diff_briefs as the
    CompareBriefs explorer calls it when a reader picks one pair after another (each brief
    is in several pairs). The time of the 20 calls is printed; divide by 20 for one."""
    ids = corpus.briefs["brief_id"].iloc[[0, 6, 12, 20, -9, -3]].tolist()
    pairs = [(a, b) for a in ids for b in ids if a != b][:20]
    return [(a, b, {name: table[table["brief_id"].isin([a, b])].reset_index(drop=True)
                    for name, table in tables.items()}) for a, b in pairs]


def explorer_pairs(explorer, calls: list) -> list:
    """The explorer's compare_briefs on each pair, none kept from an earlier run (its own
    keyness included: the figure a reader waits for, beside diff_briefs's part of it)."""
    explorer._pairs.clear()
    return [explorer.compare_briefs(a, b) for a, b, _ in calls]


def bench_un() -> None:
    folder = shared_dir() / "corpora" / "un-general-debate-2015-2017" if shared_dir() else None
    if folder is None or not folder.is_dir():
        print("UN General Debate corpus: not here, skipped")
        return
    print("UN General Debate 2015-2017")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        un = once("load_corpus", lambda: bk.load_corpus(folder, progress=False))
    trio = un.subset(un.briefs.loc[un.briefs["country_iso3"].isin(["USA", "RUS", "IRN"]),
                                   "brief_id"])
    _COLD[:] = [trio]
    once("tokens (USA, RUS, IRN)", lambda: trio.tokens)
    report("keyness USA vs RUS vs IRN", lambda: compare.keyness(trio, by="country_iso3"))
    tone = once("sentiment_toward United States", lambda: bk.sentiment_toward(un, "United States"))
    report("tone_summary by country", lambda: compare.tone_summary(tone, un, by="country_iso3"))


def bench_notebook(runs: int) -> None:
    """Notebook 04 in a fresh kernel, ``runs`` times, as ``make report`` runs it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import notebook_times

    notebook_times.main(["04", "--runs", str(runs)])


if __name__ == "__main__":
    if "--notebook" in sys.argv:
        at = sys.argv.index("--notebook")
        bench_notebook(int(sys.argv[at + 1]) if len(sys.argv) > at + 1 else 3)
    else:
        bench_sample()
        bench_un()
