"""Whether a speed change leaves briefkit's tables as they were, on the bundled sample corpus.

Computes, with no cache (``BRIEFKIT_NO_CACHE=1``) and with the sentence memos emptied before
each call, ``sentiment_toward`` toward five targets (the model), toward the United States
with the rules, a second call with the memos kept, ``extract_claims`` and ``find_mentions``,
then either pickles them (``--save``) or compares them, every column and value exactly,
with a pickle saved before (``--check``; exit status 1 on any difference).

    # the code before the change (a worktree or ``git archive`` of it on PYTHONPATH):
    .venv/bin/python benchmarks/tone_identity.py --save /tmp/before.pkl
    # the changed code:
    .venv/bin/python benchmarks/tone_identity.py --check /tmp/before.pkl
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys

TARGETS = ("United States", "Russia", "China", "Iran", "Israel")


def tables() -> dict:
    """The tables to compare, by name."""
    os.environ["BRIEFKIT_NO_CACHE"] = "1"
    from briefkit import actors, claims, paths, sentiment
    from briefkit.corpus import load_corpus

    corpus = load_corpus(paths.sample_briefs_dir(), progress=False)
    out = {}
    for target in TARGETS:
        sentiment.clear_sentence_memos()
        out[f"tone: {target}"] = sentiment.sentiment_toward.__wrapped__(corpus, target)
    sentiment.clear_sentence_memos()
    out["tone: United States, rules"] = sentiment.sentiment_toward.__wrapped__(
        corpus, "United States", method="rules")
    out["tone: United States, memos kept"] = sentiment.sentiment_toward.__wrapped__(
        corpus, "United States")
    sentiment.clear_sentence_memos()
    out["claims"] = claims.extract_claims.__wrapped__(corpus)
    out["mentions"] = actors.find_mentions.__wrapped__(corpus)
    return out


def compare(before: dict, after: dict) -> list[str]:
    """One line per table: 'equal' or where it differs."""
    import pandas as pd

    lines = []
    for name, frame in before.items():
        try:
            pd.testing.assert_frame_equal(frame, after[name], check_exact=True)
            lines.append(f"equal    {name} ({len(frame)} rows)")
        except (AssertionError, KeyError) as error:
            lines.append(f"DIFFERS  {name}: {str(error)[:1500]}")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="PATH", help="pickle the tables here")
    group.add_argument("--check", metavar="PATH", help="compare with the tables pickled here")
    args = parser.parse_args(argv)
    found = tables()
    if args.save:
        with open(args.save, "wb") as handle:
            pickle.dump(found, handle)
        print(", ".join(f"{name}: {len(frame)}" for name, frame in found.items()))
        return 0
    with open(args.check, "rb") as handle:
        lines = compare(pickle.load(handle), found)
    print("\n".join(lines))
    return 1 if any(line.startswith("DIFFERS") for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
