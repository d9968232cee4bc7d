"""How long briefkit.compare takes on the sample corpus (and on the UN General Debate
corpus when ../shared has it). Prints timings; asserts nothing, since machines differ.

    NLTK_DATA=../shared/nltk_data .venv/bin/python benchmarks/compare_speed.py

The inputs (tokens, mentions, claims, tone) are computed first and timed apart: they belong
to the other modules; the comparison functions are then timed on them, best of ``REPEATS``.
"""

from __future__ import annotations

import time
import warnings

import briefkit as bk
from briefkit import compare
from briefkit.paths import shared_dir

REPEATS = 3


def best_of(fn, repeats: int = REPEATS) -> tuple[float, float, object]:
    """The fastest of ``repeats`` runs of ``fn()``: wall seconds, CPU seconds, the result.

    CPU time is printed beside wall time because on a busy machine the wall clock mostly
    measures the other processes.
    """
    walls, cpus, result = [], [], None
    for _ in range(repeats):
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


def report(label: str, fn) -> object:
    wall, cpu, result = best_of(fn)
    size = f"{len(result):>6} rows" if hasattr(result, "__len__") else ""
    print(f"  {label:<38} {wall:7.3f} s wall {cpu:7.3f} s CPU  {size}")
    return result


def bench_sample() -> None:
    print(f"sample corpus (best of {REPEATS})")
    corpus = once("load_corpus", lambda: bk.load_corpus(bk.sample_path(), progress=False))
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
    print("  claim changes:", tracked["change"].value_counts().to_dict())
    one = corpus.subset(corpus.briefs["brief_id"].iloc[:1])
    report("track_claims, one brief", lambda: compare.track_claims(
        claims[claims["brief_id"].isin(one.briefs["brief_id"])], corpus=one))


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
    once("tokens (USA, RUS, IRN)", lambda: trio.tokens)
    report("keyness USA vs RUS vs IRN", lambda: compare.keyness(trio, by="country_iso3"))
    tone = once("sentiment_toward United States", lambda: bk.sentiment_toward(un, "United States"))
    report("tone_summary by country", lambda: compare.tone_summary(tone, un, by="country_iso3"))


if __name__ == "__main__":
    bench_sample()
    bench_un()
