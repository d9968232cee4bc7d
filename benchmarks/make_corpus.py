"""Build a deterministic larger corpus from the sample briefs, for the benchmarks.

Each generated brief recombines paragraphs of the sample briefs (``data/briefs``) under a
new date and title, in the IntelBrief layout the sample uses: a date line, a title, three
or four "•" key points, six body paragraphs (about 900 words, like a sample brief).
Brief ``i`` depends only on the seed and ``i``, so the first 300 briefs of a 3,000-brief
corpus are the 300-brief corpus, and the same ``--briefs`` and ``--seed`` always give
byte-identical files.

The corpus is written to a build folder (default ``build/bench-corpus/n<N>-s<S>``), never
next to the sample and never committed.

    .venv/bin/python benchmarks/make_corpus.py --briefs 3000 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "briefs"
KEY_POINTS = (3, 4)
BODY_PARAGRAPHS = 6
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 5 * 365
PREFIX = "bench-"
_BLOCKS = re.compile(r"\n\s*\n")


def read_pool(folder: Path = SAMPLE) -> dict[str, list[str]]:
    """The sample's titles, key points and body paragraphs, in file order."""
    pool: dict[str, list[str]] = {"titles": [], "key_points": [], "body": []}
    for path in sorted(folder.glob("*.txt")):
        if path.name.lower().startswith("readme"):
            continue
        blocks = [b.strip() for b in _BLOCKS.split(path.read_text(encoding="utf-8")) if b.strip()]
        if len(blocks) < 3:
            continue
        pool["titles"].append(blocks[1])
        for block in blocks[2:]:
            if block.startswith("•"):
                pool["key_points"].extend(line.strip() for line in block.splitlines()
                                          if line.strip())
            else:
                pool["body"].append(" ".join(block.split()))
    if not pool["body"]:
        raise SystemExit(f"no sample briefs found in {folder}")
    return pool


def make_brief(pool: dict[str, list[str]], seed: int, index: int) -> tuple[str, str]:
    """(file name, text) of brief ``index``: a function of the seed and the index alone."""
    rng = random.Random(f"briefkit-bench:{seed}:{index}")
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    first, second = rng.sample(pool["titles"], 2)
    head, tail = first.split(), second.split()
    title = " ".join(head[: max(2, len(head) // 2)] + tail[len(tail) // 2:])
    title = f"{title}, Part {index + 1}"
    points = rng.sample(pool["key_points"], rng.choice(KEY_POINTS))
    body = rng.sample(pool["body"], BODY_PARAGRAPHS)
    date_line = f"{day:%B} {day.day}, {day.year}"
    text = "\n\n".join([date_line, title, *points, *body]) + "\n"
    return f"{PREFIX}{index:06d}.txt", text


def write_corpus(n: int, seed: int, out: Path) -> Path:
    """Write ``n`` briefs to ``out`` (created; stale generated files there are removed)."""
    pool = read_pool()
    out.mkdir(parents=True, exist_ok=True)
    names = set()
    for index in range(n):
        name, text = make_brief(pool, seed, index)
        names.add(name)
        target = out / name
        data = text.encode("utf-8")
        if not (target.exists() and target.read_bytes() == data):
            target.write_bytes(data)
    for stale in out.glob(f"{PREFIX}*.txt"):
        if stale.name not in names:
            stale.unlink()
    return out


def default_out(n: int, seed: int) -> Path:
    return ROOT / "build" / "bench-corpus" / f"n{n}-s{seed}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--briefs", type=int, required=True, help="number of briefs")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, help="folder (default build/bench-corpus/n<N>-s<S>)")
    args = parser.parse_args(argv)
    if args.briefs < 1:
        parser.error("--briefs must be at least 1")
    out = write_corpus(args.briefs, args.seed, args.out or default_out(args.briefs, args.seed))
    print(f"{args.briefs} briefs (seed {args.seed}) in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
