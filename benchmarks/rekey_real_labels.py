"""Re-key the real labels to the sentences of a changed loader or splitter.

The real labels (``data/annotations/real*``, see ``data/annotations/real/README.md``) name a
sentence by its digest and sent_id and a claim's content and holder by character offsets in
it. A change to how briefkit reads or splits the texts (a restored space, a moved sentence
boundary) changes those digests and offsets. This loads each labelled corpus twice, with
the code of an OLD commit (``git archive`` of its ``src/`` run in a child process) and with
the code of the working tree, aligns the old and new sentences of each text (difflib on the
sentences, then on the characters of each changed sentence), and rewrites ``brief_id``,
``sent_id``, ``sentence_sha1``, ``content_start``, ``content_end`` and ``holder_spans``.

It refuses (exit 1, writing nothing) when a label's sentence is not found with the old code
or has no single counterpart with the new code, when a span's edge falls on a changed
character or cuts a word, when a span's words differ other than by spaces, or when a tone
row's ``target_text`` is no longer in its sentence; it names the file and row only. It
prints counts only, never a label or a sentence: the test labels are not to be read.

Usage:
    python benchmarks/rekey_real_labels.py [--old COMMIT] [--dry-run] [FOLDER ...]

``--old`` is the commit whose code the labels fit (default HEAD: run this before committing
the change to the loader, then commit the code and the re-keyed labels together). FOLDERs
default to ``data/annotations/real``, ``real-dev`` and ``real-dev/agreement``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
KEYS = ["brief_id", "sent_id", "sentence_sha1", "content_start", "content_end", "holder_spans"]

DUMP = """
import json, sys
import briefkit
from briefkit.corpus import load_corpus
out = {"module": briefkit.__file__, "corpora": {}}
for name, where in json.loads(sys.argv[1]).items():
    corpus = load_corpus(where, progress=False, cache=False)
    sents = corpus.sentences
    briefs = {}
    for path, brief_id in zip(corpus.briefs["path"], corpus.briefs["brief_id"]):
        rows = sents[sents["brief_id"] == brief_id]
        briefs[path] = [brief_id, [[int(i), t] for i, t in zip(rows["sent_id"], rows["text"])]]
    out["corpora"][name] = briefs
json.dump(out, sys.stdout)
"""


class Refused(Exception):
    """A label that cannot be carried over; the message names no text."""


def digest(text: str) -> str:
    from briefkit.evaluation import sentence_digest

    return sentence_digest(text)


def load_sentences(corpora: dict[str, Path], src: Path | None = None) -> dict:
    """{corpus: {path: (brief_id, [(sent_id, text), ...])}} as the code in ``src`` (a
    ``src/`` folder; default the working tree's) loads them, in a child process."""
    src = Path(src) if src is not None else ROOT / "src"
    env = {**os.environ, "PYTHONPATH": str(src)}
    args = json.dumps({name: str(where) for name, where in corpora.items()})
    done = subprocess.run([sys.executable, "-c", DUMP, args], env=env, capture_output=True,
                          text=True, check=False)
    if done.returncode:
        raise SystemExit(f"loading the corpora with {src} failed:\n{done.stderr[-2000:]}")
    out = json.loads(done.stdout)
    if not Path(out["module"]).resolve().is_relative_to(src.resolve()):
        raise SystemExit(f"the child process imported {out['module']}, not the code in {src}")
    return {name: {path: (b, [tuple(s) for s in sents]) for path, (b, sents) in briefs.items()}
            for name, briefs in out["corpora"].items()}


def old_sentences(commit: str, corpora: dict[str, Path]) -> dict:
    """The sentences as the code of ``commit`` loads them."""
    with tempfile.TemporaryDirectory(prefix="rekey-") as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        return load_sentences(corpora, Path(tmp) / "src")


# --- aligning ----------------------------------------------------------------------------

def align_brief(old: list[str], new: list[str]) -> dict[int, int]:
    """Old sentence index -> new sentence index, for the sentences with one counterpart.

    Equal sentences pair in order; in a run of changed ones, an old sentence pairs with a
    new one when every character of each that the other holds comes from the other (so a
    sentence split in two, or two merged in one, pairs with nothing).
    """
    pairs: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.update({i1 + k: j1 + k for k in range(i2 - i1)})
        elif tag == "replace":
            pairs.update(_pair_changed(old[i1:i2], new[j1:j2], i1, j1))
    return pairs


def _pair_changed(old: list[str], new: list[str], i0: int, j0: int) -> dict[int, int]:
    def owners(texts):
        owner = []
        for k, t in enumerate(texts):
            owner += [k] * len(t) + [-1]  # -1: the separator
        return owner, "\n".join(texts) + "\n"

    old_owner, old_text = owners(old)
    new_owner, new_text = owners(new)
    links: dict[int, set[int]] = {}
    back: dict[int, set[int]] = {}
    matcher = difflib.SequenceMatcher(None, old_text, new_text, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            i, j = old_owner[a + k], new_owner[b + k]
            if i >= 0 and j >= 0 and not old_text[a + k].isspace():
                links.setdefault(i, set()).add(j)
                back.setdefault(j, set()).add(i)
    return {i0 + i: j0 + next(iter(js)) for i, js in links.items()
            if len(js) == 1 and back[next(iter(js))] == {i}}


def offset_map(old: str, new: str):
    """A function from a span (start, end) in ``old`` to the same characters in ``new``."""
    if old == new:
        return lambda a, z: (a, z)
    where = {}
    for a, b, size in difflib.SequenceMatcher(None, old, new, autojunk=False
                                              ).get_matching_blocks():
        where.update({a + k: b + k for k in range(size)})

    def span(a: int, z: int) -> tuple[int, int]:
        if a not in where or z - 1 not in where:
            raise Refused("a span's edge is on a changed character")
        return where[a], where[z - 1] + 1

    return span


def _cuts(text: str, a: int, z: int) -> tuple[bool, bool]:
    """Whether a span's start, and its end, fall inside a word."""
    return (0 < a < len(text) and text[a - 1].isalnum() and text[a].isalnum(),
            0 < z < len(text) and text[z - 1].isalnum() and text[z].isalnum())


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- re-keying ---------------------------------------------------------------------------

class Rekeyer:
    """Carries label rows from the old sentences to the new ones; counts what it did."""

    def __init__(self, old: dict, new: dict):
        self.old, self.new = old, new
        self.counts = {"spans": 0, "spans same words": 0, "spans moved": 0,
                       "words apart in spans before": 0, "words apart in spans after": 0}
        self._briefs: dict = {}
        self.cut_before: list[str] = []
        self.where = ""

    def brief(self, corpus: str, brief_id: str):
        """(old sentences, new sentences, new brief_id, old index -> new index)."""
        key = (corpus, brief_id)
        if key not in self._briefs:
            paths = [p for p, (b, _) in self.old.get(corpus, {}).items() if b == brief_id]
            if len(paths) != 1 or paths[0] not in self.new.get(corpus, {}):
                self._briefs[key] = None
            else:
                _, old_sents = self.old[corpus][paths[0]]
                new_id, new_sents = self.new[corpus][paths[0]]
                pairs = align_brief([t for _, t in old_sents], [t for _, t in new_sents])
                self._briefs[key] = (old_sents, new_sents, new_id, pairs)
        found = self._briefs[key]
        if found is None:
            raise Refused("the text is not found, or not once, with the old or the new code")
        return found

    def new_brief_id(self, corpus: str, brief_id: str) -> str:
        return self.brief(corpus, brief_id)[2]

    def row(self, row: dict) -> dict:
        old_sents, new_sents, new_id, pairs = self.brief(row["corpus"], row["brief_id"])
        hits = [k for k, (_, t) in enumerate(old_sents) if digest(t) == row["sentence_sha1"]]
        if not hits:
            raise Refused("no sentence of the text has this digest with the old code")
        k = min(hits, key=lambda h: abs(old_sents[h][0] - int(row["sent_id"])))
        if k not in pairs:
            raise Refused("the sentence has no single counterpart with the new code")
        old_text, (new_sid, new_text) = old_sents[k][1], new_sents[pairs[k]]
        span = offset_map(old_text, new_text)
        out = dict(row, brief_id=new_id, sent_id=str(new_sid), sentence_sha1=digest(new_text))
        spans = []
        if row.get("content_start", "") != "":
            spans.append(("content", int(row["content_start"]), int(row["content_end"])))
        for part in filter(None, row.get("holder_spans", "").split("|")):
            a, z = part.split(":")
            spans.append(("holder", int(a), int(z)))
        moved_holders, where = [], self.where
        for kind, a, z in spans:
            b, y = span(a, z)
            before, after = _cuts(old_text, a, z), _cuts(new_text, b, y)
            if (after[0] and not before[0]) or (after[1] and not before[1]):
                raise Refused(f"the {kind} span would cut a word")
            if any(before):
                self.cut_before.append(where)  # a label's own span inside a word: kept
            if _squeeze(old_text[a:z]) != _squeeze(new_text[b:y]):
                raise Refused(f"the {kind} span's words differ other than by spaces")
            self.counts["spans"] += 1
            self.counts["spans same words"] += 1
            self.counts["spans moved"] += (a, z) != (b, y)
            self.counts["words apart in spans before"] += len(old_text[a:z].split())
            self.counts["words apart in spans after"] += len(new_text[b:y].split())
            if kind == "content":
                out["content_start"], out["content_end"] = str(b), str(y)
            else:
                moved_holders.append(f"{b}:{y}")
        if moved_holders:
            out["holder_spans"] = "|".join(moved_holders)
        target = row.get("target_text", "")
        if target and target in old_text and target not in new_text:
            raise Refused("the target_text is no longer in the sentence")
        return out


def rekey_table(table: pd.DataFrame, rekeyer: Rekeyer, name: str):
    """(re-keyed table, rows changed, refusals as 'file row N: reason')."""
    rows, refused, changed = [], [], 0
    for n, row in enumerate(table.to_dict("records")):
        rekeyer.where = f"{name} row {n + 2}"
        try:
            if "sentence_sha1" in row:
                new = rekeyer.row(row)
            else:
                new = dict(row, brief_id=rekeyer.new_brief_id(row["corpus"], row["brief_id"]))
        except Refused as why:
            refused.append(f"{name} row {n + 2}: {why}")
            new = row
        changed += any(new.get(k) != row.get(k) for k in KEYS)
        rows.append(new)
    return pd.DataFrame(rows, columns=table.columns), changed, refused


def default_folders() -> list[Path]:
    base = ROOT / "data" / "annotations"
    return [f for f in (base / "real", base / "real-dev", base / "real-dev" / "agreement")
            if f.is_dir()]


def main(argv=None) -> int:
    from briefkit.paths import shared_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--old", default="HEAD", help="the commit whose code the labels fit")
    parser.add_argument("--dry-run", action="store_true", help="count, write nothing")
    args = parser.parse_args(argv)
    folders = args.folders or default_folders()
    shared = shared_dir()
    if shared is None:
        sys.exit("../shared not found: the real texts are needed")
    tables = {f / name: pd.read_csv(f / name, dtype=str, keep_default_na=False)
              for f in folders for name in ("briefs_labelled.csv", "us_sentiment.csv",
                                            "claims.csv") if (f / name).is_file()}
    names = sorted({c for t in tables.values() for c in t["corpus"]})
    corpora = {c: shared / "corpora" / c for c in names}
    rekeyer = Rekeyer(old_sentences(args.old, corpora), load_sentences(corpora))
    changes = {"texts": 0, "texts changed": 0, "sentences changed": 0,
               "sentences without a counterpart": 0}
    for c in names:
        for path, (_, old_sents) in rekeyer.old[c].items():
            old_texts = [t for _, t in old_sents]
            new_texts = [t for _, t in rekeyer.new[c].get(path, (None, []))[1]]
            pairs = align_brief(old_texts, new_texts)
            differ = sum(old_texts[i] != new_texts[j] for i, j in pairs.items())
            alone = len(old_texts) - len(pairs) + len(new_texts) - len(pairs)
            changes["texts"] += 1
            changes["texts changed"] += differ + alone > 0
            changes["sentences changed"] += differ
            changes["sentences without a counterpart"] += alone
    print(f"code at {args.old} -> working tree: " + ", ".join(
        f"{k} {v}" for k, v in changes.items()))
    refusals, out = [], {}
    for path, table in tables.items():
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        new, changed, refused = rekey_table(table, rekeyer, str(name))
        print(f"{name}: rows read {len(table)}, rows changed {changed}, "
              f"rows refused {len(refused)}")
        refusals += refused
        if changed:
            out[path] = new
    print("spans: " + ", ".join(f"{k} {v}" for k, v in rekeyer.counts.items()))
    if rekeyer.cut_before:
        print(f"{len(rekeyer.cut_before)} rows have a span inside a word with the old code "
              "already (kept as they are; worth a look by someone who may read them):")
        print("\n".join(f"  {w}" for w in sorted(set(rekeyer.cut_before))))
    if refusals:
        print("\n".join(refusals))
        print(f"refused {len(refusals)} rows; nothing written")
        return 1
    if not args.dry_run:
        for path, table in out.items():
            table.to_csv(path, index=False)
    print(f"{'would write' if args.dry_run else 'wrote'} {len(out)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
