"""How long ``sentiment_toward(corpus, "United States")`` takes on the bundled sample corpus.

Prints the first call in this process and the best of ``--repeats`` calls, in wall time and
in CPU time (the CPU time does not count other processes on a busy machine), and, apart,
how long the gazetteer's matcher takes to build (once a process, before the first call).

Every call computes the table itself (``sentiment_toward.__wrapped__``, not the cache's
copy) and starts with no sentence kept from before: the memos keyed by a sentence's text
(its views, its words, its actors, its target's states) are emptied before each call, so
the claims machinery, the gazetteer and the parsing run every time and the first call and
the best one differ only by what a process learns once (imports, lexicons, the words'
lemmas). The mentions table is computed (or read from ``.briefkit-cache/``) beforehand.

    .venv/bin/python benchmarks/tone_speed.py              # first call and best of 3
    .venv/bin/python benchmarks/tone_speed.py --repeats 7  # best of 7
    .venv/bin/python benchmarks/tone_speed.py --profile    # and cProfile's top functions

Machines differ, and a busy one more so: compare figures from the same machine, run one
after the other, and read the CPU time first.
"""

from __future__ import annotations

import argparse
import time


def clear_sentence_memos() -> None:
    """Empty every memo keyed by a sentence's text, whichever of them this briefkit has."""
    from briefkit import actors, reported, sentiment

    clear = getattr(sentiment, "clear_sentence_memos", None)
    if clear is not None:
        clear()
        return
    for memo in (getattr(sentiment, "_cached_views", None), getattr(sentiment, "_words_of", None),
                 getattr(sentiment, "_target_states", None),
                 getattr(actors, "_cached_actors", None)):
        if memo is not None:
            memo.cache_clear()
    getattr(reported, "_KEPT_MENTIONS", {}).clear()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="calls to time (default 3)")
    parser.add_argument("--target", default="United States")
    parser.add_argument("--profile", action="store_true",
                        help="also profile one more call and print the top functions")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    import briefkit
    from briefkit import actors, paths, sentiment
    from briefkit.corpus import load_corpus

    imported = time.perf_counter() - started
    corpus = load_corpus(paths.sample_briefs_dir(), progress=False)
    started, started_cpu = time.perf_counter(), time.process_time()
    actors.resolve_actor(args.target)  # builds the gazetteer's matcher, once a process
    build, build_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    actors.find_mentions(corpus)
    wall, cpu, rows = [], [], 0
    for _ in range(args.repeats):
        clear_sentence_memos()
        started, started_cpu = time.perf_counter(), time.process_time()
        tone = sentiment.sentiment_toward.__wrapped__(corpus, args.target)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        rows = len(tone)
    print(f"briefkit from {briefkit.__file__} (imported in {imported:.2f} s)")
    print(f"sentiment_toward on the sample corpus ({len(corpus)} briefs, "
          f"{len(corpus.sentences)} sentences, {rows} naming {args.target}):")
    print(f"  first call      {wall[0]:.2f} s wall  {cpu[0]:.2f} s CPU")
    print(f"  best of {args.repeats:<7} {min(wall):.2f} s wall  {min(cpu):.2f} s CPU")
    print("  every call      " + "  ".join(f"{w:.2f}/{c:.2f}" for w, c in zip(wall, cpu))
          + "  (wall/CPU s)")
    print(f"  gazetteer matcher built beforehand in {build:.2f} s wall ({build_cpu:.2f} s CPU)")
    if args.profile:
        import cProfile
        import pstats

        clear_sentence_memos()
        profile = cProfile.Profile()
        profile.enable()
        sentiment.sentiment_toward.__wrapped__(corpus, args.target)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
