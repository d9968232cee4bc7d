"""The reported claims that briefkit found in texts it had not yet been developed on.

``benchmarks/blind_batches.csv`` lists the development texts that were first labelled and
scored blind (sessions 15 and 16 of ``benchmarks/README.md``), each with the commit of the
code that had not seen them. For each commit this script checks the code out into a
temporary git worktree, runs that code's claims step on the listed texts, and writes the
reported claims it found, one row each, with the rule that found them and the text of their
sentence. The rows are the honest sample of the rules' output on unseen texts that
``benchmarks/claims_model.py --blind`` fits and measures the claims' confidence on.

Usage:  python benchmarks/blind_claims.py [--out build/blind_claims.csv]
Needs git history (a full clone: a shallow one stops at once, saying to run
``git fetch --unshallow``) and ``../shared`` for the CRS products.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
BATCHES = ROOT / "benchmarks" / "blind_batches.csv"
COLUMNS = ["brief_id", "sent_id", "claim_id", "kind", "holder", "holder_country",
           "holder_text", "cue", "negated", "content", "content_start", "_rule", "_sentence"]


def missing_history(root: Path, commits) -> str | None:
    """Why the old commits cannot be checked out here, or None when they all can.

    A shallow clone (``git clone --depth 1``) or an export without ``.git`` lacks them.
    """
    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)

    try:
        inside = git("rev-parse", "--is-shallow-repository")
    except FileNotFoundError:
        return "git is not installed: this script checks out old commits with git worktree"
    if inside.returncode != 0:
        return (f"{root} is not a git clone (an export has no history): this script checks "
                "out old commits of benchmarks/blind_batches.csv; clone the repository")
    absent = [c for c in dict.fromkeys(commits)
              if git("cat-file", "-e", f"{c}^{{commit}}").returncode != 0]
    if not absent:
        return None
    shallow = inside.stdout.strip() == "true"
    return (f"the commits {', '.join(absent)} of benchmarks/blind_batches.csv are not in this "
            + ("shallow clone: fetch the history with `git fetch --unshallow`" if shallow else
               "clone: fetch them (`git fetch origin`), or check out a branch that has them"))


def found_by(commit: str, batch: pd.DataFrame, shared: Path) -> pd.DataFrame:
    """The reported claims that the code of ``commit`` finds in the batch's texts."""
    with tempfile.TemporaryDirectory(prefix="briefkit-blind-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach",
                        str(tree), commit], check=True)
        try:
            out = Path(tmp) / "found.csv"
            listed = Path(tmp) / "batch.csv"
            batch.to_csv(listed, index=False)
            env = dict(os.environ, PYTHONPATH=str(tree / "src"))
            subprocess.run([sys.executable, __file__, "--inner", str(listed), str(out),
                            str(shared), str(ROOT / "data" / "briefs")], check=True, env=env)
            return pd.read_csv(out, dtype=str, keep_default_na=False).assign(commit=commit)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                            str(tree)], check=False)
            subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)


def inner(listed: str, out: str, shared: str, sample: str) -> None:
    """Run in the old code's interpreter: its claims on the batch's texts, to ``out``.

    ``_claims_with_rules`` is private, but every listed commit has it, and only it gives
    the ``_rule`` column (the rule family that found a claim) that extract_claims drops.
    """
    import briefkit as bk
    from briefkit.claims import _claims_with_rules

    batch = pd.read_csv(listed, dtype=str)
    frames = []
    for corpus_name, ids in batch.groupby("corpus")["brief_id"]:
        where = Path(sample) if corpus_name == "sample" else Path(shared) / "corpora" / corpus_name
        corpus = bk.load_corpus(where, progress=False)
        claims = _claims_with_rules(corpus)
        claims = claims[(claims["kind"] == "reported") & claims["brief_id"].isin(set(ids))]
        text = dict(zip(zip(corpus.sentences["brief_id"], corpus.sentences["sent_id"]),
                        corpus.sentences["text"]))
        claims = claims.assign(_sentence=[text[k] for k in zip(claims["brief_id"],
                                                                claims["sent_id"])],
                               corpus=corpus_name)
        frames.append(claims[["corpus", *COLUMNS]])
    pd.concat(frames, ignore_index=True).to_csv(out, index=False)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--inner":
        inner(*sys.argv[2:6])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "blind_claims.csv"))
    args = parser.parse_args()
    batches = pd.read_csv(BATCHES, dtype=str)
    problem = missing_history(ROOT, batches["commit"])
    if problem:
        sys.exit(f"blind_claims.py needs git history: {problem}")
    shared = ROOT.parent / "shared"
    if not (shared / "corpora").is_dir():
        sys.exit("../shared is not there: the CRS products are read from it")
    found = pd.concat([found_by(commit, batch, shared)
                       for commit, batch in batches.groupby("commit", sort=False)],
                      ignore_index=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    found.to_csv(args.out, index=False)
    print(f"{len(found)} reported claims in {found['brief_id'].nunique()} texts "
          f"-> {args.out}")
    print(found.groupby(["commit", "corpus"]).size().to_string())


if __name__ == "__main__":
    main()
