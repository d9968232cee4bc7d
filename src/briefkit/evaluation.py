"""Claims measured against hand labels (``data/annotations``, or its ``dev/`` set).

A found reported claim is right when a labelled claim of the same sentence has the same
cue and the same holder (the set of canonical names, "|"-joined for a joint holder); an
estimative term is right when the same term is labelled in the same sentence. Matching is
one-to-one, greedily, in the order of the found rows. Labels name their sentence by its
text, which :func:`assign_sent_ids` finds in a corpus; the labels on real texts hold a
digest of it instead (:func:`read_real_labels` puts the text back).

>>> from briefkit.corpus import Corpus
>>> evaluate_claims(Corpus.from_texts(["Iran waits."]), annotations="/nowhere") is None
True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from briefkit.corpus import Corpus

__all__ = [
    "assign_sent_ids",
    "compare_to_labels",
    "evaluate_claims",
    "evaluate_label_sets",
    "evaluate_real_claims",
    "pool_figures",
    "read_annotations",
    "read_real_labels",
    "real_label_rows",
    "real_labels_dir",
    "sentence_digest",
]

AUTHOR = "author"
_FIGURES = ["labelled", "found", "right", "precision", "recall", "F1", "holder accuracy",
            "voice accuracy"]


def read_annotations(name: str, *, folder=None) -> pd.DataFrame | None:
    """A label file of ``data/annotations`` (``claims`` or ``estimative``), or None.

    Reads ``<name>.csv``, else joins the annotators' ``parts/*-<name>.csv``; ``folder``
    chooses another set (``data/annotations/dev``).
    """
    from briefkit.paths import annotations_dir

    try:
        folder = Path(folder) if folder is not None else annotations_dir()
    except FileNotFoundError:
        return None
    whole = folder / f"{name}.csv"
    files = [whole] if whole.is_file() else sorted((folder / "parts").glob(f"*-{name}.csv"))
    if not files:
        return None
    return pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files],
                     ignore_index=True)


# --- labels on real texts ---------------------------------------------------------------

REAL_CORPORA = ("crs-in-focus", "un-general-debate-2015-2017")
# The columns the real label files keep in place of the sentence's text: which text (corpus
# and brief), which sentence (sent_id, and a digest of its text), and spans as offsets.
REAL_KEY = ["corpus", "brief_id", "sent_id", "sentence_sha1"]


def sentence_digest(text: str) -> str:
    """The first 12 hex digits of the sha1 of a sentence's stripped text: how the real
    labels name a sentence without copying it.

    >>> sentence_digest("Iran waits.")
    '9847cf96e62e'
    """
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:12]


REAL_SPLITS = {"test": "real", "dev": "real-dev"}


def real_labels_dir(split: str = "test") -> Path | None:
    """``data/annotations/real`` (``split='test'``: for measuring) or
    ``data/annotations/real-dev`` (``split='dev'``: other texts of the same sources, for
    developing methods) of the checkout, if there."""
    from briefkit.paths import annotations_dir

    if split not in REAL_SPLITS:
        raise ValueError(f"split must be one of {sorted(REAL_SPLITS)}, not {split!r}")
    try:
        folder = annotations_dir() / REAL_SPLITS[split]
    except FileNotFoundError:
        return None
    return folder if folder.is_dir() else None


def read_real_labels(name: str, *, split: str = "test", folder=None,
                     shared=None) -> dict | None:
    """Hand labels on real texts (``data/annotations/real/<name>.csv``) with the labelled
    sentences' text put back from the corpora in ``../shared``.

    The real label files hold no text of the real briefs: a sentence is named by corpus,
    brief_id, sent_id and a digest of its text (:func:`sentence_digest`), a claim's
    content by its offsets in the sentence. This reads the corpora, finds each sentence
    (by digest within its brief, the nearest to its sent_id when a text repeats), and
    returns the labels in the scheme of ``data/annotations`` (``sentence`` and, for claims,
    ``content`` as text).

    Args:
        name: 'us_sentiment' or 'claims'.
        split: 'test' or 'dev' (:func:`real_labels_dir`).
        folder: the real labels folder, in place of the split's.
        shared: the folder holding ``corpora/``; default :func:`briefkit.paths.shared_dir`.

    Returns:
        {corpus name: (Corpus, labels)} for the corpora the file labels, plus
        ``briefs`` (a DataFrame of the briefs labelled and their tasks) under the key
        ``"briefs"``; None when the labels or the corpora are not there.

    Raises:
        ValueError: naming the file and row, when a labelled sentence is not in its
            corpus any more (the text or the sentence splitter changed).
    """
    from briefkit.corpus import load_corpus
    from briefkit.paths import shared_dir

    folder = Path(folder) if folder is not None else real_labels_dir(split)
    shared = Path(shared) if shared is not None else shared_dir()
    if folder is None or shared is None:
        return None
    path = folder / f"{name}.csv"
    if not path.is_file() or not (shared / "corpora").is_dir():
        return None
    labels = pd.read_csv(path, dtype=str, keep_default_na=False)
    briefs = pd.read_csv(folder / "briefs_labelled.csv", dtype=str, keep_default_na=False)
    out: dict = {"briefs": briefs}
    for corpus_name in sorted(set(labels["corpus"]) | set(briefs["corpus"])):
        where = shared / "corpora" / corpus_name
        if not where.is_dir():
            return None
        corpus = load_corpus(where, progress=False)
        rows = labels[labels["corpus"] == corpus_name]
        out[corpus_name] = (corpus, _put_back_text(rows, corpus, path))
    return out


def _put_back_text(rows: pd.DataFrame, corpus: Corpus, path: Path) -> pd.DataFrame:
    """The real labels' sentences (and content spans) as text, found by digest."""
    sents = corpus.sentences
    where: dict = {}
    for b, i, text in zip(sents["brief_id"].astype(str), sents["sent_id"], sents["text"]):
        where.setdefault((b, sentence_digest(text)), []).append((int(i), text))
    texts, ids = [], []
    for n, (b, i, digest) in enumerate(zip(rows["brief_id"], rows["sent_id"],
                                           rows["sentence_sha1"])):
        found = where.get((b, digest))
        if not found:
            raise ValueError(f"{path}: row {n + 2} ({b}, sentence {i}): no sentence of that "
                             f"brief has digest {digest}; the text or the splitter changed")
        sent_id, text = min(found, key=lambda f: abs(f[0] - int(i)))
        texts.append(text)
        ids.append(str(sent_id))
    out = rows.assign(sent_id=ids, sentence=texts)
    if "content_start" in out:
        out["content"] = [
            t[int(a):int(z)] if a != "" else ""
            for t, a, z in zip(texts, out["content_start"], out["content_end"])
        ]
    if "holder_spans" in out:
        out["holder_text"] = [
            "|".join(t[int(a):int(z)] for a, z in (p.split(":") for p in spans.split("|")))
            if spans else ""
            for t, spans in zip(texts, out["holder_spans"])
        ]
    return out


def _find_words(sentence: str, part: str, at: int) -> int:
    """Where ``part`` stands in ``sentence`` from ``at`` as whole words ("it" not inside
    "Circuit"), else as any substring; -1 if nowhere."""
    edges = re.compile(rf"(?<!\w){re.escape(part)}(?!\w)")
    found = edges.search(sentence, at)
    return found.start() if found else sentence.find(part, at)


def _holder_spans(sentence: str, holder_text: str) -> str | None:
    """Where the holder's words stand in the sentence, as 'start:end', or several joined by
    '|' for a holder named in parts ("Berlin|Paris"); '' for none, None if not in it."""
    if not holder_text:
        return ""
    spans, at = [], 0
    for part in [holder_text] if holder_text in sentence else holder_text.split("|"):
        start = _find_words(sentence, part, at)
        if start < 0:
            start = _find_words(sentence, part, 0)
        if start < 0:
            return None
        spans.append(f"{start}:{start + len(part)}")
        at = start + len(part)
    return "|".join(spans)


def real_label_rows(parts: pd.DataFrame) -> pd.DataFrame:
    """Annotators' rows (with ``sentence``, ``holder_text`` and ``content`` as text) in the
    real labels' form: the sentence as its digest, the holder's words and the content as
    offsets in the sentence (``holder_spans`` 'start:end', '|'-joined for a holder named
    in parts; ``content_start``, ``content_end``).

    >>> rows = pd.DataFrame({"corpus": ["c"], "brief_id": ["b"], "sent_id": ["3"],
    ...     "sentence": ["Iran says it waits."], "holder_text": ["Iran"], "holder": ["Iran"],
    ...     "content": ["it waits"]})
    >>> real_label_rows(rows).values.tolist()
    [['c', 'b', '3', '8b502b950f59', '0:4', 'Iran', '10', '18']]
    """
    out = parts.copy()
    out.insert(out.columns.get_loc("sentence"), "sentence_sha1",
               [sentence_digest(t) for t in out["sentence"]])
    if "content" in out:
        starts = [t.find(c) if c else -1 for t, c in zip(out["sentence"], out["content"])]
        bad = [n for n, (a, c) in enumerate(zip(starts, out["content"])) if c and a < 0]
        if bad:
            raise ValueError(f"rows {bad}: content is not a substring of the sentence")
        at = out.columns.get_loc("content")
        out.insert(at, "content_end", [str(a + len(c)) if a >= 0 else ""
                                       for a, c in zip(starts, out["content"])])
        out.insert(at, "content_start", [str(a) if a >= 0 else "" for a in starts])
        out = out.drop(columns="content")
    if "holder_text" in out:
        # a holder named in an earlier sentence ('the Army reported:' before a quoted
        # paragraph) has no span here; its name stays in ``holder``
        spans = [_holder_spans(t, h) or "" for t, h in zip(out["sentence"], out["holder_text"])]
        out.insert(out.columns.get_loc("holder_text"), "holder_spans", spans)
        out = out.drop(columns="holder_text")
    return out.drop(columns="sentence")


def evaluate_real_claims(claims_of=None, *, split: str = "test"
                         ) -> tuple[pd.DataFrame, list] | None:
    """Reported claims against the real-text labels (``data/annotations/real``), for the
    texts labelled for claims: the figures of :func:`compare_to_labels` pooled over the
    corpora (holder accuracy as a ratio of counts) and per corpus, and the mismatches.

    Args:
        claims_of: a function from a corpus to its claims table (default
            :func:`briefkit.claims.extract_claims`).
        split: 'test' (measure only) or 'dev' (:func:`real_labels_dir`).

    Returns:
        (table indexed by 'all real texts' and each corpus, mismatches as (kind, (corpus,
        brief_id, sent_id), row)); None when the labels or ``../shared`` are not there.
    """
    real = read_real_labels("claims", split=split)
    if real is None:
        return None
    if claims_of is None:
        from briefkit.claims import extract_claims as claims_of
    briefs = real.pop("briefs")
    rows, errors = {}, []
    for name, (corpus, gold) in real.items():
        labelled = set(briefs.loc[(briefs["corpus"] == name)
                                  & briefs["tasks"].str.contains("claims"), "brief_id"])
        if not labelled:
            continue
        figures, misses = compare_to_labels(claims_of(corpus), corpus, gold,
                                            task="reported", briefs=labelled)
        rows[name] = figures
        errors += [(kind, (name, *key), row) for kind, key, row in misses]
    table = pd.DataFrame({"all real texts": pool_figures(rows.values()), **rows}).T
    table = table[[c for c in _FIGURES if c != "voice accuracy"]].astype(float)
    return table.astype({"labelled": int, "found": int, "right": int}), errors


_POOLED = ("labelled", "found", "right", "cue right", "holder right")


def pool_figures(figures: Iterable[Mapping]) -> dict:
    """Figures of :func:`compare_to_labels` (task 'reported') on several sets of texts,
    pooled: the counts summed, then precision, recall and F1 from the sums, and holder
    accuracy as the ratio of the summed counts (NaN when no cue is right), not a mean of
    each set's figures.

    >>> one = {"labelled": 4, "found": 2, "right": 2, "cue right": 2, "holder right": 2}
    >>> two = {"labelled": 0, "found": 2, "right": 0, "cue right": 1, "holder right": 0}
    >>> pooled = pool_figures([one, two])
    >>> pooled["found"], pooled["precision"], pooled["recall"], round(pooled["holder accuracy"], 3)
    (4, 0.5, 0.5, 0.667)
    """
    counts = dict.fromkeys(_POOLED, 0)
    for figure in figures:
        for k in counts:
            counts[k] += figure[k]
    pooled = _figures(counts["right"], counts["found"], counts["labelled"])
    pooled["holder accuracy"] = (counts["holder right"] / counts["cue right"]
                                 if counts["cue right"] else float("nan"))
    pooled["cue right"], pooled["holder right"] = counts["cue right"], counts["holder right"]
    return pooled


def evaluate_claims(corpus: Corpus, claims: pd.DataFrame | None = None, *,
                    annotations=None) -> pd.DataFrame | None:
    """Precision, recall and F1 against ``data/annotations`` (or the ``annotations`` folder):
    one row for reported claims (holder and cue both right; ``holder accuracy`` is over the
    claims found with the right cue) and one for estimative terms. None when no labels are
    there.
    """
    gold_claims = read_annotations("claims", folder=annotations)
    gold_terms = read_annotations("estimative", folder=annotations)
    if gold_claims is None or gold_terms is None:
        return None
    if claims is None:
        from briefkit.claims import extract_claims

        claims = extract_claims(corpus)
    reported, _ = compare_to_labels(claims, corpus, gold_claims, task="reported")
    terms, _ = compare_to_labels(claims, corpus, gold_terms, task="estimative")
    table = pd.DataFrame([reported, terms], index=["reported claims (holder and cue)",
                                                   "estimative terms"])
    return table[_FIGURES]


def evaluate_label_sets(corpus: Corpus, claims: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """:func:`evaluate_claims` on the test labels (``data/annotations``) and on the
    development labels (``data/annotations/dev``) side by side, indexed by (labels, measure),
    for the sets whose briefs are in the corpus; None when there are none.
    """
    from briefkit.paths import annotations_dir

    try:
        folders = {"test": annotations_dir(), "development": annotations_dir() / "dev"}
    except FileNotFoundError:
        return None
    briefs = set(corpus.briefs["brief_id"])
    tables = {}
    for name, folder in folders.items():
        gold = read_annotations("claims", folder=folder)
        if gold is not None and set(gold["brief_id"]) <= briefs:
            tables[name] = evaluate_claims(corpus, claims, annotations=folder)
    tables = {name: table for name, table in tables.items() if table is not None}
    return pd.concat(tables, names=["labels", "measure"]) if tables else None


def assign_sent_ids(labels: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """The labels (rows with ``brief_id`` and ``sentence`` as text) with the ``sent_id`` of
    their sentence in this corpus, found by its stripped text within the brief; -1 where
    the brief has no such sentence. Any ``sent_id`` the labels had is replaced.

    This is how :func:`compare_to_labels` places the labels; give another annotator's rows
    to it as found claims (with ``kind`` 'reported') to match two annotators by the key
    the methods are scored by.

    >>> from briefkit.corpus import Corpus
    >>> corpus = Corpus.from_texts(["Iran waits. Washington acts."])
    >>> labels = pd.DataFrame({"brief_id": "undated-text-0",
    ...                        "sentence": [" Washington acts.", "Iran acts."]})
    >>> assign_sent_ids(labels, corpus)["sent_id"].tolist()
    [1, -1]
    """
    sents = corpus.sentences
    keys = {(b, t.strip()): i for b, t, i in zip(sents["brief_id"], sents["text"],
                                                 sents["sent_id"])}
    return labels.assign(sent_id=[keys.get((b, t.strip()), -1)
                                  for b, t in zip(labels["brief_id"], labels["sentence"])])


def compare_to_labels(claims: pd.DataFrame, corpus: Corpus, gold: pd.DataFrame, *,
                      task: str, briefs=None) -> tuple[dict, list]:
    """Match found claims to hand labels, sentence by sentence.

    ``task`` is 'reported' (a claim is right when its holder and cue are both right) or
    'estimative' (a term is right when the same term is labelled in the same sentence).
    ``briefs`` are the briefs labelled (default: those the labels name; give them when a
    labelled brief may have no label of the task). Only those briefs are scored: their found
    claims and their labels.
    Returns the figures and the mismatches as (kind, (brief_id, sent_id), gold or found row).
    """
    labelled = set(briefs) if briefs is not None else set(gold["brief_id"])
    gold = assign_sent_ids(gold[gold["brief_id"].isin(labelled)], corpus)
    found = _found_rows(claims, labelled, task)
    if task == "reported":
        gold, found = _one_per_claim(gold), _one_per_claim(found)
    gold_by, found_by = _by_sentence(gold), _by_sentence(found)
    right = by_cue = agree = 0
    misses = []
    for key in sorted(set(gold_by) | set(found_by)):
        g_rows, f_rows = gold_by.get(key, []), found_by.get(key, [])
        pairs = _pairs(g_rows, f_rows, _same_claim if task == "reported" else _same_term)
        right += len(pairs)
        if task == "reported":
            cue_pairs = _pairs(g_rows, f_rows, _same_cue)
            by_cue += len(cue_pairs)
            agree += sum(_same_holder(g_rows[gi], f_rows[fi]) for gi, fi in cue_pairs)
        else:
            agree += sum(g_rows[gi].get("voice", AUTHOR) == f_rows[fi]["voice"]
                         for gi, fi in pairs)
        misses += _mismatches(key, g_rows, f_rows, pairs)
    figures = _figures(right, len(found), len(gold))
    if task == "reported":
        figures["holder accuracy"] = agree / by_cue if by_cue else float("nan")
        figures["cue right"], figures["holder right"] = by_cue, agree
    else:
        figures["voice accuracy"] = agree / right if right else float("nan")
    return figures, misses


def _one_per_claim(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per holder and cue in a sentence (data/annotations/README.md, case 18).

    "X said that A and that B" is one claim whether it is written as one row or two, so rows
    of the same sentence, holder set and cue count once, found and labelled alike.
    """
    if frame.empty:
        return frame
    key = pd.DataFrame({"brief_id": frame["brief_id"], "sent_id": frame["sent_id"],
                        "holder": frame["holder"].map(lambda h: tuple(sorted(_label_set(h)))),
                        "cue": frame["cue"]}, index=frame.index)
    return frame[~key.duplicated()]


def _found_rows(claims: pd.DataFrame, labelled: set, task: str) -> pd.DataFrame:
    """The found claims of the labelled briefs that the task measures."""
    in_labelled = claims["brief_id"].isin(labelled)
    if task == "reported":
        return claims[(claims["kind"] == "reported") & in_labelled]
    return claims[(claims["kind"] == "judgment") & claims["estimative_term"].notna()
                  & in_labelled]


def _label_set(value) -> frozenset:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return frozenset()
    return frozenset(v.strip().lower() for v in str(value).split("|") if v.strip())


def _same_holder(gold: dict, found: dict) -> bool:
    """Holder sets equal (canonical names, "|"-joined for joint holders)."""
    return _label_set(gold["holder"]) == _label_set(found["holder"])


def _same_cue(gold: dict, found: dict) -> bool:
    return gold["cue"] == found["cue"]


def _same_claim(gold: dict, found: dict) -> bool:
    return _same_cue(gold, found) and _same_holder(gold, found)


def _same_term(gold: dict, found: dict) -> bool:
    return gold["term"].lower() == found["estimative_term"]


def _pairs(gold_rows: list, found_rows: list, same) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of found rows to gold rows within one sentence."""
    used, pairs = set(), []
    for fi, f in enumerate(found_rows):
        for gi, g in enumerate(gold_rows):
            if gi not in used and same(g, f):
                used.add(gi)
                pairs.append((gi, fi))
                break
    return pairs


def _mismatches(key, g_rows: list, f_rows: list, pairs) -> list:
    """The labels not found ('missed') and the found rows not labelled ('wrong')."""
    matched_g, matched_f = {gi for gi, _ in pairs}, {fi for _, fi in pairs}
    return ([("missed", key, g) for gi, g in enumerate(g_rows) if gi not in matched_g]
            + [("wrong", key, f) for fi, f in enumerate(f_rows) if fi not in matched_f])


def _by_sentence(frame: pd.DataFrame) -> dict:
    return {key: rows.to_dict("records") for key, rows in frame.groupby(["brief_id", "sent_id"])}


def _figures(right: int, found: int, gold: int) -> dict:
    p = right / found if found else float("nan")
    r = right / gold if gold else float("nan")
    return {"labelled": gold, "found": found, "right": right, "precision": p, "recall": r,
            "F1": 2 * p * r / (p + r) if p and r else 0.0}
