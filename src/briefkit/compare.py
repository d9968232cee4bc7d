"""Comparison across briefs: what is distinctive, what is alike, what changed.

Pure functions over briefkit's tables (DESIGN.md): each returns a new DataFrame (or a
:class:`BriefDiff` of DataFrames) and never changes its inputs.

- groups and periods: :func:`assign_groups`, :func:`period_of`, :func:`brief_dates`
- keyness: :func:`keyness`, :func:`keyness_over_time`, :func:`keyness_from_counts`,
  :func:`term_table` (the statistics: :func:`log_likelihood`, :func:`log_ratio`,
  :func:`log_odds_dirichlet`)
- similarity: :func:`tfidf_matrix`, :func:`brief_similarity`, :func:`nearest_briefs`,
  :func:`cluster_order`
- themes and actors over time: :func:`topic_timeline`, :func:`theme_timeline`,
  :func:`actor_timeline`, :func:`co_mentions`, :func:`co_mention_matrix`
- tone: :func:`tone_summary` (means with t intervals, over time and by holder)
- claims: :func:`claim_targets`, :func:`track_claims`, :func:`classify_change`,
  :func:`claim_matches`, :func:`select_threads`, :func:`claim_timeline`
- two briefs side by side: :func:`diff_briefs`
- text: :func:`content_words`, :func:`format_range`

Where a comparison cannot be made, the rule is the same everywhere. A function raises
``ValueError`` naming what is missing when the caller asked for something that is not there
(a group or brief not in the corpus, keyness over fewer than two groups). It returns a frame
with its documented columns, possibly empty, when the answer is simply "none" (no other
brief to be near, no claims to link).

>>> import briefkit as bk
>>> corpus = bk.Corpus.from_texts({"a": "Iran agreed to the deal. Iran agreed.",
...                                 "b": "Russia rejected the deal."})
>>> keyness(corpus, by=["a"], min_count=1)[["term", "count_a", "count_b"]].head(2)
     term  count_a  count_b
0  agreed        2        0
1    iran        2        0
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import pandas as pd

PER = 10_000  # relative frequencies are given per 10,000 words
POSSESSIVE = re.compile(r"'s$")  # "russia's" counts as "russia"

# --- work shared within a run ------------------------------------------------------------
#
# A notebook asks for the same term counts, TF-IDF weights and claim tracking several times
# (keyness by year, by region and over time; similarity, nearest briefs and an exercise's
# check; track_claims in a cell and again in an exercise). Each is computed once per input
# and kept in memory: per corpus object (``Corpus._memo``) for what derives from the corpus
# alone (term rows, the term index, TF-IDF weights), and by the content of the tables
# (storage.frame_digest) for track_claims. Callers get a copy, so the functions stay pure.
# diff_briefs keeps each brief's prepared claims, by their content (_PREPARED, below).

SHARED_ENTRIES = 8  # track_claims results kept (least recently used forgotten first)
SHARED_MAX_CELLS = 20_000_000  # a larger table is recomputed rather than kept
_SHARED: OrderedDict = OrderedDict()


def _corpus_memo(corpus, key: tuple, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """``compute()`` once per corpus object and key; the table itself (callers that hand it
    out copy it). Without a corpus memo (a tokens table passed for a corpus), computed."""
    memo = getattr(corpus, "_memo", None)
    if not isinstance(memo, dict):
        return compute()
    name = ("briefkit.compare", *key)
    if name not in memo:
        frame = compute()
        if getattr(frame, "size", 0) > SHARED_MAX_CELLS:
            return frame
        memo[name] = frame
    return memo[name]


def _content_key(*parts) -> str | None:
    """A key over the content of DataFrames, corpora and options; None if one cannot be keyed."""
    from briefkit import storage

    canon = []
    try:
        for part in parts:
            if hasattr(part, "content_key") and hasattr(part, "briefs"):
                canon.append({"corpus": part.content_key})
            else:
                canon.append(storage._canonical(part))
    except (storage._Uncacheable, TypeError, ValueError):
        return None
    return storage.cache_key("compare", *canon)


def _shared(name: str, parts: tuple, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """``compute()``, or a copy of the table it gave for the same inputs earlier in the run,
    or in an earlier run (the tables cache, ``.briefkit-cache/compare/``, keyed by the code
    as well: storage.package_fingerprint)."""
    from briefkit import storage

    key = _content_key(name, storage.package_fingerprint(), *parts)
    if key is None or storage.cache_disabled():
        return compute()
    held = storage._memo_key(key)  # in memory, as on disk, per cache folder
    kept = _SHARED.get(held)
    if kept is not None:
        with contextlib.suppress(KeyError):  # another thread may have just forgotten it
            _SHARED.move_to_end(held)
        return kept.copy()
    frame = storage.read_cached_table("compare", key)
    if frame is None:
        frame = compute()
        storage.write_cached_table("compare", key, frame)  # only if it comes back equal
    if frame.size <= SHARED_MAX_CELLS:
        _SHARED[held] = frame.copy()
        with contextlib.suppress(KeyError):
            while len(_SHARED) > SHARED_ENTRIES:
                _SHARED.popitem(last=False)
    return frame


def clear_shared(corpus=None) -> None:
    """Forget the tables this module keeps in memory (tracked claims, each brief's prepared
    claims), and those kept with ``corpus`` (for timing cold runs)."""
    _SHARED.clear()
    _PREPARED.clear()
    memo = getattr(corpus, "_memo", None)
    if isinstance(memo, dict):
        for key in [k for k in memo if isinstance(k, tuple) and k[:1] == ("briefkit.compare",)]:
            del memo[key]

# --- groups and periods ------------------------------------------------------------------

PERIODS = ("year", "half", "quarter", "month")
GROUP_COLUMNS = ["brief_id", "group"]


def period_of(dates: pd.Series, freq: str = "year") -> pd.Series:
    """Label each date with its period: '2015', '2015H1', '2015Q1' or '2015-03'.

    Args:
        dates: datetime values (NaT stays missing).
        freq: one of 'year', 'half', 'quarter', 'month'.

    >>> period_of(pd.Series(pd.to_datetime(["2015-03-09", "2016-08-30"])), "half").tolist()
    ['2015H1', '2016H2']
    """
    if freq not in PERIODS:
        raise ValueError(f"freq must be one of {PERIODS}, not {freq!r}")
    dates = pd.to_datetime(pd.Series(dates), errors="coerce")
    if freq == "half":
        labels = dates.dt.year.astype("Int64").astype(str) + "H" + np.where(
            dates.dt.month <= 6, "1", "2")
    else:
        labels = dates.dt.to_period({"year": "Y", "quarter": "Q", "month": "M"}[freq]).astype(str)
    return pd.Series([lab if ok else None for lab, ok in zip(labels, dates.notna())],
                     index=dates.index, dtype=object)


def _tags(value) -> list[str]:
    if not isinstance(value, str):
        return []
    return [t.strip() for t in value.split(";") if t.strip()]


def _is_tag_column(values: pd.Series) -> bool:
    return values.astype(str).str.contains(";", regex=False).any()


def _as_list(value) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, (str, int, np.integer)) or not isinstance(value, Iterable):
        return [str(value)]
    return [str(v) for v in value]


def _labels(corpus, by) -> pd.Series:
    """One label (str, or None) per brief, indexed by brief_id; tag columns give lists."""
    briefs = corpus.briefs.set_index("brief_id")
    if isinstance(by, pd.Series):
        return by.reindex(briefs.index).map(lambda v: None if pd.isna(v) else str(v))
    if isinstance(by, Mapping):
        return pd.Series({bid: by.get(bid) for bid in briefs.index}, dtype=object).map(
            lambda v: None if v is None else str(v))
    if isinstance(by, str):
        if by in briefs.columns:
            column = briefs[by]
            if _is_tag_column(column):
                return column.map(_tags)
            return column.map(lambda v: None if pd.isna(v) else str(v))
        if by in PERIODS:
            return pd.Series(period_of(briefs["date"], by).to_numpy(), index=briefs.index)
        raise ValueError(f"no column {by!r} in corpus.briefs (columns: "
                         f"{', '.join(briefs.columns)}) and not a period ({', '.join(PERIODS)})")
    raise TypeError(f"by must be a column name, a period, a mapping or a Series, not {type(by)}")


def _is_id_list(by) -> bool:
    return not isinstance(by, (str, pd.Series, Mapping)) and isinstance(by, Iterable)


def _group_names(by, a, b) -> tuple[str, str]:
    """The names of groups A and B, for a comparison of two groups."""
    if _is_id_list(by):
        return ("selected" if a is None else str(a)), ("rest" if b is None else "other")
    return _name(a), ("rest" if b is None else _name(b))


def _id_groups(corpus, ids, other_ids, names: tuple[str, str]) -> pd.DataFrame:
    known = set(corpus.briefs["brief_id"])
    chosen = {str(i) for i in ids}
    other = known - chosen if other_ids is None else {str(i) for i in other_ids}
    unknown = sorted((chosen | other) - known)
    if unknown:
        raise ValueError(f"brief_ids not in the corpus: {', '.join(unknown[:5])}")
    name_a, name_b = names
    rows = [(bid, name_a) for bid in corpus.briefs["brief_id"] if bid in chosen - other]
    rows += [(bid, name_b) for bid in corpus.briefs["brief_id"] if bid in other - chosen]
    return pd.DataFrame(rows, columns=GROUP_COLUMNS)


def _pick(labels: pd.Series, wanted: list[str]) -> pd.Series:
    """Which briefs carry one of the wanted labels (or tags, case-insensitively)."""
    if _is_tagged(labels):
        low = {w.lower() for w in wanted}
        return labels.map(lambda tags: any(t.lower() in low for t in tags))
    return labels.isin(wanted)


def _describe(by) -> str:
    return by if isinstance(by, str) else "the given briefs"


def assign_groups(corpus, by, a=None, b=None) -> pd.DataFrame:
    """Put briefs into the groups a comparison contrasts.

    Args:
        corpus: a :class:`~briefkit.corpus.Corpus`.
        by: a column of ``corpus.briefs`` ('source', 'region', 'country_iso3', ...), a period
            derived from the date ('year', 'half', 'quarter', 'month'), a column of
            ";"-separated tags ('topics': a brief is in group ``a`` if ``a`` is one of its
            tags), a list of brief_ids (those against the rest), or a mapping or Series
            from brief_id to a label.
        a: the label (or list of labels) of group A. None: every label is a group. With a
            list of brief_ids as ``by``, ``a`` names that group (default 'selected').
        b: the label (or labels) of group B. None with ``a`` given: all other briefs, named
            'rest'. With a list of brief_ids as ``by``, ``b`` is another list (named 'other').

    Returns:
        brief_id, group: one row per brief in a group. Briefs with no label (undated, for a
        period) are left out; so is a brief that would fall in both A and B (possible with
        tags), because counting it on both sides would hide a difference.

    >>> import briefkit as bk
    >>> corpus = bk.Corpus.from_texts(["One.", "Two.", "Three."],
    ...                               dates=["2015-01-05", "2016-02-01", "2017-03-01"])
    >>> assign_groups(corpus, "year", a=2015)["group"].tolist()
    ['2015', 'rest', 'rest']
    """
    if _is_id_list(by):
        return _id_groups(corpus, by, b, _group_names(by, a, b))
    labels = _labels(corpus, by)
    if a is None:
        return _each_group(labels)
    in_a = _briefs_with(labels, a, by)
    in_b = ~in_a & labels.map(_has_label) if b is None else _briefs_with(labels, b, by)
    both = in_a & in_b
    name_a, name_b = _group_names(by, a, b)
    group = pd.Series(np.where(in_a & ~both, name_a, np.where(in_b & ~both, name_b, None)),
                      index=labels.index, dtype=object).dropna()
    return pd.DataFrame({"brief_id": group.index.to_numpy(), "group": group.to_numpy()})


def _briefs_with(labels: pd.Series, value, by) -> pd.Series:
    """Which briefs carry ``value`` (a label or list of labels); an error if none does."""
    found = _pick(labels, _as_list(value))
    if not found.any():
        present = sorted({str(v) for v in _flat(labels).dropna()})
        raise ValueError(f"no brief has {_describe(by)} = {value!r}; "
                         f"present: {', '.join(present[:12])}")
    return found


def _has_label(value) -> bool:
    return bool(value) if isinstance(value, list) else value is not None


def _name(value) -> str:
    names = _as_list(value)
    return names[0] if len(names) == 1 else " + ".join(names)


def _is_tagged(labels: pd.Series) -> bool:
    return labels.map(lambda v: isinstance(v, list)).any()


def _flat(labels: pd.Series) -> pd.Series:
    """One row per label: a brief with several tags appears once per tag."""
    return labels.explode() if _is_tagged(labels) else labels


def _each_group(labels: pd.Series) -> pd.DataFrame:
    values = _flat(labels).dropna()
    return pd.DataFrame({"brief_id": values.index.to_numpy(),
                         "group": values.astype(str).to_numpy()})


# --- terms and keyness -------------------------------------------------------------------

TERM_COLUMNS = ["brief_id", "term"]
KEYNESS_COLUMNS = ["group_a", "group_b", "term", "count_a", "count_b", "per_10k_a", "per_10k_b",
                   "g2", "p_value", "log_ratio", "log_odds", "z", "favours"]
METHODS = {"log_odds": "z", "g2": "g2", "log_ratio": "log_ratio"}


def term_table(corpus, *, stopwords=True, ngram: int = 1) -> pd.DataFrame:
    """The terms keyness and similarity count: one row per occurrence.

    Words are ``corpus.tokens`` rows with ``is_alpha``, lower-cased (``norm``), with a
    possessive "'s" removed so that "Russia's" counts as "russia". An n-gram is n words in a
    row within one sentence (no punctuation between them).

    Args:
        corpus: a Corpus, or a tokens table (``corpus.tokens``, or some of its rows).
        stopwords: True drops ``is_stop`` words (n-grams with a stopword at either end);
            False keeps every word; a collection of words drops those instead.
        ngram: 1 for words, 2 for two-word terms ("nuclear deal"), and so on.

    >>> import briefkit as bk
    >>> term_table(bk.Corpus.from_texts(["Russia's nuclear deal."]), ngram=2)["term"].tolist()
    ['russia nuclear', 'nuclear deal']
    """
    terms = _terms(corpus, stopwords, ngram)
    return terms if isinstance(corpus, pd.DataFrame) else terms.copy()


def _stop_key(stopwords):
    """What decides which words term_table drops, as a hashable key."""
    if stopwords is True:
        return "is_stop"
    return frozenset(str(w).lower() for w in stopwords) if stopwords else "none"


def _terms(corpus, stopwords, ngram: int) -> pd.DataFrame:
    """term_table's rows, computed once per corpus and kept (not to be changed: callers
    that hand them out copy them)."""
    if ngram < 1:
        raise ValueError(f"ngram must be 1 or more, not {ngram!r}")
    if isinstance(corpus, pd.DataFrame):
        return _term_rows(corpus, stopwords, ngram)
    try:
        key = ("terms", _stop_key(stopwords), ngram)
        hash(key)
    except TypeError:
        return _term_rows(corpus.tokens, stopwords, ngram)
    return _corpus_memo(corpus, key, lambda: _term_rows(corpus.tokens, stopwords, ngram))


def _term_rows(tokens: pd.DataFrame, stopwords, ngram: int) -> pd.DataFrame:
    words = tokens.loc[tokens["is_alpha"].astype(bool),
                       ["brief_id", "sent_id", "token_id", "norm", "is_stop"]]
    term = words["norm"].astype(str).str.replace(POSSESSIVE, "", regex=True)
    if stopwords is True:
        stop = words["is_stop"].astype(bool).to_numpy()
    elif stopwords:
        stop = term.isin({str(w).lower() for w in stopwords}).to_numpy()
    else:
        stop = np.zeros(len(words), dtype=bool)
    if ngram == 1:
        keep = ~stop
        return pd.DataFrame({"brief_id": words["brief_id"].to_numpy()[keep],
                             "term": term.to_numpy()[keep]})
    return _ngrams(words, term.to_numpy(), stop, ngram)


def _ngrams(words: pd.DataFrame, term: np.ndarray, stop: np.ndarray, n: int) -> pd.DataFrame:
    brief = words["brief_id"].to_numpy()
    sent = words["sent_id"].to_numpy()
    tid = words["token_id"].to_numpy()
    m = len(term) - n + 1
    if m <= 0:
        return pd.DataFrame(columns=TERM_COLUMNS)
    ok = np.ones(m, dtype=bool)
    for k in range(1, n):
        ok &= ((brief[k:k + m] == brief[:m]) & (sent[k:k + m] == sent[:m])
               & (tid[k:k + m] == tid[:m] + k))
    ok &= ~stop[:m] & ~stop[n - 1:n - 1 + m]
    joined = term[:m].astype(object)
    for k in range(1, n):
        joined = joined + " " + term[k:k + m].astype(object)
    return pd.DataFrame({"brief_id": brief[:m][ok], "term": joined[ok]})


def _xlogx(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    """o * ln(o / e), with 0 * ln 0 = 0 (a term absent from one side)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(o > 0, o * np.log(np.where(o > 0, o, 1) / e), 0.0)


def log_likelihood(a, b, n_a, n_b) -> np.ndarray:
    """Dunning's G2 over the 2x2 table (term, other words) x (A, B).

    ``G2 = 2 * sum(O * ln(O / E))`` over the four cells, E from the margins (Dunning 1993).

    >>> round(float(log_likelihood(10, 2, 1000, 1000)), 4)
    5.8543
    """
    a, b = np.asarray(a, float), np.asarray(b, float)
    n_a, n_b = np.asarray(n_a, float), np.asarray(n_b, float)
    n = n_a + n_b
    row1, row2 = a + b, n - a - b
    cells = ((a, row1 * n_a / n), (b, row1 * n_b / n),
             (n_a - a, row2 * n_a / n), (n_b - b, row2 * n_b / n))
    return 2 * sum(_xlogx(o, e) for o, e in cells)


def chi2_sf_1df(x) -> np.ndarray:
    """P(X >= x) for X chi-square with one degree of freedom: erfc(sqrt(x / 2)).

    A chi-square with 1 df is the square of a standard normal, so its survival function is
    the two-sided normal tail, which ``math.erfc`` gives exactly (no scipy needed).

    >>> round(float(chi2_sf_1df(3.841459)), 4)
    0.05
    """
    x = np.clip(np.asarray(x, float), 0, None)
    return np.vectorize(lambda v: math.erfc(math.sqrt(v / 2)), otypes=[float])(x)


def log_ratio(a, b, n_a, n_b, *, zero: float = 0.5) -> np.ndarray:
    """Hardie's log ratio: log2 of the ratio of relative frequencies (A over B).

    Each unit is a doubling. A zero count is replaced by ``zero`` (0.5, Hardie 2014) so a
    term absent from one side gets a finite ratio rather than a division by zero.

    >>> float(log_ratio(10, 0, 1000, 1000))
    4.321928094887363
    """
    a = np.where(np.asarray(a, float) > 0, a, zero)
    b = np.where(np.asarray(b, float) > 0, b, zero)
    return np.log2((a / np.asarray(n_a, float)) / (b / np.asarray(n_b, float)))


def log_odds_dirichlet(a, b, n_a, n_b, prior, prior_total) -> tuple[np.ndarray, np.ndarray]:
    """Monroe, Colaresi and Quinn's weighted log-odds ratio with a Dirichlet prior, and its z.

    ``delta = ln((a + p) / (n_a + P - a - p)) - ln((b + p) / (n_b + P - b - p))`` with ``p``
    the term's prior pseudo-count and ``P`` their total; ``var = 1/(a + p) + 1/(b + p)``;
    ``z = delta / sqrt(var)`` ("Fightin' Words", Political Analysis 16(4), 2008, eq. 16-22).

    Returns:
        (delta, z), positive where the term is more typical of A.

    >>> d, z = log_odds_dirichlet(10, 2, 1000, 1000, 12, 2000)
    >>> round(float(d), 4), round(float(z), 4)
    (0.4547, 1.3299)
    """
    a, b = np.asarray(a, float), np.asarray(b, float)
    p, big_p = np.asarray(prior, float), float(prior_total)
    delta = (np.log((a + p) / (np.asarray(n_a, float) + big_p - a - p))
             - np.log((b + p) / (np.asarray(n_b, float) + big_p - b - p)))
    return delta, delta / np.sqrt(1 / (a + p) + 1 / (b + p))


def keyness_from_counts(terms, count_a, count_b, background, *, names=("A", "B"),
                        min_count: int = 5, prior_scale: float = 1.0, method: str = "log_odds",
                        background_total: float | None = None) -> pd.DataFrame:
    """The statistics and order of :func:`keyness`, from counts already at hand.

    Args:
        terms, count_a, count_b, background: one entry per term: the term, its count in A,
            in B and in the whole corpus (the prior of the log-odds).
        names: the names of A and B.
        background_total: the size of the whole corpus (default: ``background``'s sum).
        min_count, prior_scale, method: as in :func:`keyness`.

    Returns:
        The columns and order of :func:`keyness`; empty when A or B has no words.

    >>> table = keyness_from_counts(["iran", "korea"], [3, 0], [0, 2], [3, 2], min_count=1)
    >>> table["favours"].tolist()
    ['A', 'B']
    """
    a, b = np.asarray(count_a, float), np.asarray(count_b, float)
    n_a, n_b = a.sum(), b.sum()
    if n_a == 0 or n_b == 0:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    background = np.asarray(background, float)
    total = background.sum() if background_total is None else background_total
    prior = prior_scale * background
    prior = np.where(prior > 0, prior, 0.01)  # a term the background lacks still gets a prior
    delta, z = log_odds_dirichlet(a, b, n_a, n_b, prior, prior_scale * total or 1.0)
    g2 = log_likelihood(a, b, n_a, n_b)
    kept = (a + b) >= max(min_count, 1)
    p_value = np.full(len(g2), np.nan)  # erfc one term at a time: only for the terms kept
    p_value[kept] = chi2_sf_1df(g2[kept])
    table = pd.DataFrame({
        "group_a": names[0], "group_b": names[1], "term": terms,
        "count_a": a.astype(int), "count_b": b.astype(int),
        "per_10k_a": a / n_a * PER, "per_10k_b": b / n_b * PER, "g2": g2,
        "p_value": p_value, "log_ratio": log_ratio(a, b, n_a, n_b),
        "log_odds": delta, "z": z})[kept]
    rel = table["per_10k_a"] - table["per_10k_b"]
    table["favours"] = np.where(rel > 0, names[0], np.where(rel < 0, names[1], ""))
    score = table[METHODS[method]] * (np.sign(rel) if method == "g2" else 1)
    table = table.assign(_score=score, _total=table["count_a"] + table["count_b"])
    table = table.sort_values(["_score", "_total", "term"], ascending=[False, False, True],
                              kind="mergesort")
    return table[KEYNESS_COLUMNS].reset_index(drop=True)


def keyness(corpus, by="year", a=None, b=None, *, min_count: int = 5, stopwords=True,
            method: str = "log_odds", ngram: int = 1, prior_scale: float = 1.0) -> pd.DataFrame:
    """Terms distinctive of one group of briefs against another (or against the rest).

    Three statistics per term, from its count in A and in B:

    - ``g2``: Dunning's log-likelihood over the 2x2 table, with ``p_value`` from the
      chi-square distribution with 1 df (G2 > 3.84: p < 0.05; > 10.83: p < 0.001). It says
      how sure we can be that the difference is not chance, not how big it is.
    - ``log_ratio``: Hardie's effect size, log2 of the ratio of relative frequencies
      (1 = twice as frequent in A; zeros count as 0.5).
    - ``log_odds`` and ``z``: Monroe et al.'s weighted log-odds with an informative
      Dirichlet prior. The prior of a term is ``prior_scale`` times its count in the whole
      corpus (all briefs, not only A and B), the usual informative prior: rare terms are
      pulled toward zero, so a word seen three times in A and never in B does not top the
      list. ``|z| > 1.96`` is the conventional threshold.

    Args:
        corpus: a Corpus.
        by, a, b: the groups, as in :func:`assign_groups`. With ``a`` None, every group is
            compared with the rest of the corpus (more than two groups, or time slices with
            ``by='year'``/'quarter'...).
        min_count: keep terms seen at least this often in A and B together.
        stopwords, ngram: which terms, as in :func:`term_table`.
        method: the statistic the rows are ordered by: 'log_odds' (z), 'g2' (signed by the
            side it favours) or 'log_ratio'.
        prior_scale: weight of the background counts in the prior.

    Returns:
        group_a, group_b, term, count_a, count_b, per_10k_a, per_10k_b, g2, p_value,
        log_ratio, log_odds, z, favours (the group where the term is relatively more
        frequent, "" if neither); per group_a, rows run from most typical of A to most
        typical of B, ties broken by total count then alphabetically.

    Raises:
        ValueError: a named group has no briefs, or there are fewer than two groups.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {sorted(METHODS)}, not {method!r}")
    index = _term_index(corpus, stopwords, ngram)
    frames = [_keyness_pair(index, side_a, side_b, min_count=min_count,
                            prior_scale=prior_scale, method=method)
              for side_a, side_b in _sides(corpus, by, a, b)]
    return pd.concat(frames, ignore_index=True)


class _TermIndex:
    """Each term row's term and brief as codes, built once per corpus, so that a group's
    counts are one bincount rather than a filter and a count of the rows' strings. Terms
    are coded in sorted order, the order of the vocabulary keyness reports."""

    def __init__(self, terms: pd.DataFrame) -> None:
        self.codes, self.vocabulary = pd.factorize(terms["term"], sort=True)
        self.brief_codes, self.briefs = pd.factorize(terms["brief_id"])
        self.background = np.bincount(self.codes, minlength=len(self.vocabulary))
        self.size = len(self.codes)

    def counts(self, brief_ids) -> np.ndarray:
        """Each term's count over these briefs."""
        chosen = np.asarray(self.briefs.isin(list(brief_ids)), dtype=bool)
        return np.bincount(self.codes[chosen[self.brief_codes]],
                           minlength=len(self.vocabulary))


def _term_index(corpus, stopwords, ngram: int) -> _TermIndex:
    try:
        key = ("term index", _stop_key(stopwords), ngram)
        hash(key)
    except TypeError:
        return _TermIndex(_terms(corpus, stopwords, ngram))
    return _corpus_memo(corpus, key, lambda: _TermIndex(_terms(corpus, stopwords, ngram)))


def _sides(corpus, by, a, b) -> list[tuple[tuple[str, set], tuple[str, set]]]:
    """The (name, brief_ids) of A and of B for each comparison keyness makes."""
    groups = assign_groups(corpus, by, a, b)
    members = groups.groupby("group", sort=True)["brief_id"].apply(set)
    if _is_id_list(by) or a is not None:
        name_a, name_b = _group_names(by, a, b)
        if name_a not in members or name_b not in members:
            _too_few(list(members.index), by)
        return [((name_a, members[name_a]), (name_b, members[name_b]))]
    if len(members) < 2:
        _too_few(list(members.index), by)
    everyone = set(groups["brief_id"])
    return [((name, ids), ("rest", everyone - ids)) for name, ids in members.items()]


def _too_few(names, by):
    found = (f"all briefs fall in {_describe(by)} = {names[0]!r}" if names
             else "no brief has a group")
    raise ValueError(f"keyness needs two groups of briefs; {found}")


def _keyness_pair(index: _TermIndex, side_a, side_b, *, min_count, prior_scale, method):
    (ga, ids_a), (gb, ids_b) = side_a, side_b
    counts_a, counts_b = index.counts(ids_a), index.counts(ids_b)
    for name, ids, counts in ((ga, ids_a, counts_a), (gb, ids_b, counts_b)):
        if not counts.any():
            raise ValueError(f"group {name!r} ({len(ids)} briefs) has no words to count"
                             + (" after stopwords" if ids else ""))
    seen = (counts_a > 0) | (counts_b > 0)  # the terms of A or B, in sorted order
    vocab = np.asarray(index.vocabulary[seen], dtype=object)
    return keyness_from_counts(vocab, counts_a[seen], counts_b[seen], index.background[seen],
                               background_total=index.background.sum(), names=(ga, gb),
                               min_count=min_count, prior_scale=prior_scale, method=method)


def keyness_over_time(corpus, *, freq: str = "year", against: str = "rest",
                      **options) -> pd.DataFrame:
    """Keyness of each period: against the rest of the corpus, or against the period before.

    Args:
        freq: 'year', 'half', 'quarter' or 'month'.
        against: 'rest' (what marks this period out) or 'previous' (what is new since the
            period before; the first period is left out).
        **options: passed to :func:`keyness` (min_count, stopwords, method, ngram, ...).

    Returns:
        The columns of :func:`keyness`, group_a the period.
    """
    if against == "rest":
        return keyness(corpus, by=freq, **options)
    if against != "previous":
        raise ValueError(f"against must be 'rest' or 'previous', not {against!r}")
    periods = sorted(set(period_of(corpus.briefs["date"], freq).dropna()))
    if len(periods) < 2:
        raise ValueError("keyness over time needs two periods; the corpus spans "
                         f"{periods or 'none'}")
    frames = [keyness(corpus, by=freq, a=cur, b=prev, **options)
              for prev, cur in pairwise(periods)]
    return pd.concat(frames, ignore_index=True)


# --- similarity --------------------------------------------------------------------------

NEAREST_COLUMNS = ["brief_id", "date", "title", "similarity", "shared_terms"]


def tfidf_matrix(corpus, *, stopwords=True, ngram: int = 1, min_df: int = 1,
                 max_df: float = 1.0, sublinear_tf: bool = True) -> pd.DataFrame:
    """TF-IDF weights, one row per brief (L2-normalised), one column per term.

    ``tf`` is ``1 + ln(count)`` (sublinear, so a word said ten times is not ten times as
    telling) and ``idf = ln((1 + n) / (1 + df)) + 1``, the smoothed form scikit-learn uses,
    so a term in every brief keeps a small weight and no idf divides by zero.

    Args:
        min_df, max_df: keep terms found in at least ``min_df`` briefs and at most a
            ``max_df`` share of them.

    >>> import briefkit as bk
    >>> m = tfidf_matrix(bk.Corpus.from_texts(["Iran deal.", "Iran talks."]))
    >>> m.round(3).loc[:, ["deal", "iran"]].to_numpy().tolist()
    [[0.815, 0.58], [0.0, 0.58]]
    """
    return _tfidf_weights(corpus, stopwords=stopwords, ngram=ngram, min_df=min_df, max_df=max_df,
                          sublinear_tf=sublinear_tf).copy()


def _tfidf_weights(corpus, **options) -> pd.DataFrame:
    """tfidf_matrix's weights, computed once per corpus and options and kept (not to be
    changed: tfidf_matrix hands out a copy)."""
    try:
        key = ("tfidf", *((k, _stop_key(v) if k == "stopwords" else v)
                          for k, v in sorted(options.items())))
        hash(key)
    except TypeError:
        return _tfidf_frame(corpus, **options)
    return _corpus_memo(corpus, key, lambda: _tfidf_frame(corpus, **options))


def _tfidf_frame(corpus, *, stopwords, ngram, min_df, max_df, sublinear_tf) -> pd.DataFrame:
    terms = _terms(corpus, stopwords, ngram)
    ids = corpus.briefs["brief_id"].tolist()
    counts = terms.groupby(["brief_id", "term"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=ids, fill_value=0)
    df = (counts > 0).sum()
    n = len(ids)
    keep = (df >= min_df) & (df <= max(max_df * n, 1))
    counts = counts.loc[:, keep]
    weights = _tfidf(counts.to_numpy(float), sublinear=sublinear_tf)
    return pd.DataFrame(weights, index=pd.Index(ids, name="brief_id"), columns=counts.columns)


def _tfidf(counts: np.ndarray, *, sublinear: bool = True) -> np.ndarray:
    """L2-normalised TF-IDF rows of a documents-by-terms count matrix, in its dtype."""
    idf = np.log((1 + len(counts)) / (1 + (counts > 0).sum(axis=0))) + 1
    tf = counts.copy()
    if sublinear:
        present = counts > 0
        tf[present] = 1 + np.log(counts[present])
    weights = (tf * idf).astype(counts.dtype)
    norms = np.sqrt((weights ** 2).sum(axis=1, keepdims=True))
    return weights / np.where(norms > 0, norms, 1)


def _tfidf_options(options: Mapping) -> dict:
    """tfidf_matrix's options, its defaults filled in (an unknown one is a TypeError there)."""
    import inspect

    bound = inspect.signature(tfidf_matrix).bind(None, **options)
    bound.apply_defaults()
    return {k: v for k, v in bound.arguments.items() if k != "corpus"}


def brief_similarity(corpus, **options) -> pd.DataFrame:
    """Cosine similarity of every pair of briefs (TF-IDF), a square frame by brief_id.

    Args:
        **options: passed to :func:`tfidf_matrix`.

    >>> import briefkit as bk
    >>> similarity = brief_similarity(bk.Corpus.from_texts(["Iran deal.", "Iran talks."]))
    >>> similarity.round(2).to_numpy().tolist()
    [[1.0, 0.34], [0.34, 1.0]]
    """
    weights = _tfidf_weights(corpus, **_tfidf_options(options))
    sim = _gram(weights.to_numpy())
    return pd.DataFrame(np.clip(sim, 0, 1), index=weights.index, columns=weights.index.rename(None))


def _gram(weights: np.ndarray) -> np.ndarray:
    """``weights @ weights.T`` without BLAS, the same whatever the thread count: each row's
    products with the rows after it over the columns it uses (a brief has a few hundred of
    the corpus's thousands of terms), summed by numpy, then mirrored, so it is symmetric.

    On a machine whose cores are busy, a BLAS product wakes threads and waits for them: on
    the sample corpus (55 briefs by 5,504 terms, load about 3 on 2 cores) half the products
    took 0.9-1.2 ms but one in twenty 150-180 ms; this takes 3.6 ms, at most 7 ms in 100.
    """
    n = len(weights)
    out = np.zeros((n, n), dtype=weights.dtype)
    for i in range(n):
        used = np.flatnonzero(weights[i])
        out[i, i:] = (weights[i:, used] * weights[i, used]).sum(axis=1)
    return np.triu(out) + np.triu(out, 1).T


def nearest_briefs(corpus, brief_id: str, n: int = 5, *, n_terms: int = 6,
                   **options) -> pd.DataFrame:
    """The ``n`` briefs most like one brief, and the terms that make them alike.

    Returns:
        brief_id, date, title, similarity, shared_terms (the terms contributing most to the
        cosine, that is with the largest product of weights), most similar first. Empty (with
        these columns) when the corpus has no other brief.

    Raises:
        ValueError: ``brief_id`` is not in the corpus.
    """
    weights = _tfidf_weights(corpus, **_tfidf_options(options))
    if brief_id not in weights.index:
        raise ValueError(f"no brief {brief_id!r} in the corpus")
    others = weights.drop(index=brief_id)
    products = others.to_numpy() * weights.loc[brief_id].to_numpy()
    sims = products.sum(axis=1)
    order = np.argsort(-sims, kind="stable")[:n]
    terms = weights.columns.to_numpy()
    shared = ["; ".join(terms[j] for j in np.argsort(-products[i], kind="stable")[:n_terms]
                        if products[i, j] > 0) for i in order]
    meta = corpus.briefs.set_index("brief_id").reindex(others.index[order])
    return pd.DataFrame({"brief_id": others.index[order].to_numpy(),
                         "date": meta["date"].to_numpy(), "title": meta["title"].to_numpy(),
                         "similarity": sims[order], "shared_terms": shared},
                        columns=NEAREST_COLUMNS)


def cluster_order(similarity: pd.DataFrame) -> list:
    """An order of the rows that keeps similar items together (average-linkage clustering).

    Agglomerative clustering on ``1 - similarity``: the two closest clusters are merged,
    the distance of the merged cluster to the others is the mean over all pairs (UPGMA), and
    the leaves are read off in merge order. It is what seaborn's clustermap would draw with
    scipy's ``average`` linkage, computed here so that scipy is not needed.

    >>> s = pd.DataFrame([[1, .1, .9], [.1, 1, .2], [.9, .2, 1]],
    ...                  index=list("abc"), columns=list("abc"))
    >>> cluster_order(s)
    ['a', 'c', 'b']
    """
    labels = list(similarity.index)
    dist = 1 - similarity.to_numpy(float)
    np.fill_diagonal(dist, np.inf)
    members = {i: [i] for i in range(len(labels))}
    active = list(range(len(labels)))
    while len(active) > 1:
        sub = dist[np.ix_(active, active)]
        k = int(np.argmin(sub))
        i, j = sorted((active[k // len(active)], active[k % len(active)]))
        si, sj = len(members[i]), len(members[j])
        merged = (si * dist[i] + sj * dist[j]) / (si + sj)
        dist[i, :], dist[:, i] = merged, merged
        dist[i, i] = np.inf
        members[i] += members.pop(j)
        active.remove(j)
    return [labels[k] for k in members[active[0]]] if active else []


# --- dates, themes and actors over time --------------------------------------------------

TOPIC_COLUMNS = ["period", "topic", "briefs", "share"]
THEME_COLUMNS = ["period", "theme", "briefs", "sentences", "share"]
ACTOR_TIME_COLUMNS = ["period", "actor", "mentions", "briefs", "share"]
NOT_ACTORS = ("region", "non_actor")  # places and things the gazetteer knows, not actors
CO_MENTION_COLUMNS = ["period", "actor_a", "actor_b", "count", "count_a", "count_b", "jaccard"]
_ID_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def brief_dates(brief_ids: Iterable[str], dates=None) -> pd.Series:
    """The date of each brief: from a corpus, a mapping or Series, else its brief_id.

    brief_ids start with the date (``YYYY-MM-DD-title-words``, DESIGN.md), so tables that
    carry only a brief_id (claims, mentions) can still be put in order without the corpus.

    >>> brief_dates(["2015-07-20-after-vienna"]).dt.strftime("%Y-%m").tolist()
    ['2015-07']
    """
    ids = pd.Index(list(brief_ids))
    if dates is not None and hasattr(dates, "briefs"):
        dates = dates.briefs.set_index("brief_id")["date"]
    if dates is not None:
        known = pd.Series(dates) if isinstance(dates, Mapping) else dates
        return pd.to_datetime(known.reindex(ids), errors="coerce").rename("date")
    parsed = [m.group(1) if (m := _ID_DATE.match(str(b))) else None for b in ids]
    return pd.Series(pd.to_datetime(parsed, errors="coerce"), index=ids, name="date")


def _periods(brief_ids: pd.Series, dates, freq: str | None) -> pd.Series:
    if freq is None:
        return pd.Series("all", index=brief_ids.index, dtype=object)
    when = brief_dates(brief_ids.unique(), dates)
    return pd.Series(period_of(when, freq).to_numpy(), index=when.index).reindex(
        brief_ids.to_numpy()).set_axis(brief_ids.index)


def _briefs_per_period(corpus, freq) -> pd.Series:
    ids = corpus.briefs["brief_id"]
    return _periods(ids, corpus, freq).value_counts()


def topic_timeline(corpus, *, column: str = "topics", freq: str = "year",
                   top: int | None = 12) -> pd.DataFrame:
    """How many briefs of each period carry each tag of a ";"-separated column.

    Returns:
        period, topic, briefs, share (of the period's briefs), every period for every topic
        (zeros included); the ``top`` topics over the whole corpus, or all with None. Empty
        when the briefs have no such column.
    """
    if column not in corpus.briefs.columns:
        return pd.DataFrame(columns=TOPIC_COLUMNS)
    tags = corpus.briefs.set_index("brief_id")[column].map(_tags).explode().dropna()
    periods = _periods(pd.Series(tags.index, index=tags.index), corpus, freq)
    table = pd.DataFrame({"period": periods.to_numpy(), "topic": tags.to_numpy()}).dropna()
    return _fill_periods(table, "topic", _briefs_per_period(corpus, freq), top=top)


def _fill_periods(table: pd.DataFrame, key: str, per_period: pd.Series, *, top,
                  count: str = "briefs") -> pd.DataFrame:
    counts = table.groupby(["period", key]).size()
    keys = table[key].value_counts()
    keys = keys.index[:top] if top else keys.index
    periods = sorted(per_period.index)
    full = counts.reindex(pd.MultiIndex.from_product([periods, keys], names=["period", key]),
                          fill_value=0).rename(count).reset_index()
    full["share"] = full[count] / full["period"].map(per_period).to_numpy()
    return full


def theme_timeline(corpus, themes: Mapping[str, Sequence[str]], *,
                   freq: str = "year") -> pd.DataFrame:
    """How often each theme comes up, period by period.

    A theme is a name and its keywords; a sentence is on the theme when it contains one of
    them (case-insensitive, at the start of a word, so "Russia" also finds "Russian").

    Returns:
        period, theme, briefs (briefs with at least one such sentence), sentences, share (of
        the period's briefs).

    >>> import briefkit as bk
    >>> c = bk.Corpus.from_texts(["Russian jets struck.", "Oil fell."],
    ...                          dates=["2015-10-01", "2015-11-01"])
    >>> theme_timeline(c, {"Russia": ["Russia"]})[["period", "briefs", "share"]].to_numpy().tolist()
    [['2015', 1, 0.5]]
    """
    sents = corpus.sentences
    period = _periods(sents["brief_id"], corpus, freq)
    rows = []
    for name, words in themes.items():
        hit = sents["text"].str.contains(_keyword_pattern(words), regex=True)
        found = pd.DataFrame({"period": period[hit], "brief_id": sents.loc[hit, "brief_id"]})
        grouped = found.groupby("period")
        rows.append(pd.DataFrame({"briefs": grouped["brief_id"].nunique(),
                                  "sentences": grouped.size()}).assign(theme=name))
    per_period = _briefs_per_period(corpus, freq)
    table = pd.concat(rows) if rows else pd.DataFrame(columns=["briefs", "sentences", "theme"])
    index = pd.MultiIndex.from_product([sorted(per_period.index), list(themes)],
                                       names=["period", "theme"])
    table = table.reset_index().rename(columns={"index": "period"}).set_index(["period", "theme"])
    table = table.reindex(index, fill_value=0).reset_index()
    table["share"] = table["briefs"] / table["period"].map(per_period).to_numpy()
    return table[THEME_COLUMNS].astype({"briefs": int, "sentences": int})


def _keyword_pattern(words) -> re.Pattern:
    words = [words] if isinstance(words, str) else list(words)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)


def _actors_only(mentions: pd.DataFrame, exclude: Sequence[str]) -> pd.DataFrame:
    if "actor_type" not in mentions.columns or not exclude:
        return mentions
    return mentions[~mentions["actor_type"].isin(exclude)]


def actor_timeline(mentions: pd.DataFrame, corpus, *, freq: str = "quarter",
                   top: int | None = 15, actor_types: Sequence[str] | None = None,
                   exclude_types: Sequence[str] = NOT_ACTORS) -> pd.DataFrame:
    """Mentions of each actor per period (from :func:`~briefkit.actors.find_mentions`).

    Args:
        mentions: the mentions table (brief_id, sent_id, actor, actor_type, ...).
        corpus: for the dates and for the number of briefs per period.
        top: the most mentioned actors overall (None: all).
        actor_types: keep only these types (e.g. ``["state", "leader"]``).
        exclude_types: leave out these types (regions and non-actors by default).

    Returns:
        period, actor, mentions, briefs (briefs naming it), share (of the period's briefs),
        with zeros for periods where an actor is not named.
    """
    mentions = _actors_only(mentions, exclude_types)
    if actor_types is not None:
        mentions = mentions[mentions["actor_type"].isin(actor_types)]
    per_period = _briefs_per_period(corpus, freq)
    if mentions.empty or per_period.empty:
        return pd.DataFrame(columns=ACTOR_TIME_COLUMNS)
    table = pd.DataFrame({"period": _periods(mentions["brief_id"], corpus, freq).to_numpy(),
                          "actor": mentions["actor"].to_numpy(),
                          "brief_id": mentions["brief_id"].to_numpy()}).dropna()
    full = _fill_periods(table, "actor", per_period, top=top, count="mentions")
    briefs = table.groupby(["period", "actor"])["brief_id"].nunique()
    full["briefs"] = briefs.reindex(pd.MultiIndex.from_frame(full[["period", "actor"]]),
                                    fill_value=0).to_numpy()
    full["share"] = full["briefs"] / full["period"].map(per_period).to_numpy()
    return full[ACTOR_TIME_COLUMNS]


def co_mentions(mentions: pd.DataFrame, corpus=None, *, unit: str = "sentence",
                freq: str | None = None, min_count: int = 1,
                exclude_types: Sequence[str] = NOT_ACTORS) -> pd.DataFrame:
    """Pairs of actors named together in one sentence (or one brief), per period.

    Args:
        unit: 'sentence' or 'brief': what "together" means.
        freq: None for the whole corpus (period 'all'), or 'year', 'quarter', ...
        corpus: for the dates (without it they come from the brief_ids).
        exclude_types: actor types left out (regions and non-actors by default).

    Returns:
        period, actor_a, actor_b (in alphabetical order), count (units naming both),
        count_a, count_b (units naming each), jaccard (count over units naming either):
        an edge list, heaviest first within each period.

    >>> m = pd.DataFrame({"brief_id": ["2015-01-01-x"] * 3, "sent_id": [0, 0, 1],
    ...                   "actor": ["Russia", "Turkey", "Russia"]})
    >>> co_mentions(m)[["actor_a", "actor_b", "count", "jaccard"]].to_numpy().tolist()
    [['Russia', 'Turkey', 1, 0.5]]
    """
    if unit not in ("sentence", "brief"):
        raise ValueError(f"unit must be 'sentence' or 'brief', not {unit!r}")
    keys = ["brief_id", "sent_id"] if unit == "sentence" else ["brief_id"]
    units = _actors_only(mentions, exclude_types)[keys + ["actor"]].drop_duplicates()
    units = units.assign(period=_periods(units["brief_id"], corpus, freq).to_numpy()).dropna(
        subset=["period"])
    pairs = units.merge(units, on=keys + ["period"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_a"] < pairs["actor_b"]]
    counts = pairs.groupby(["period", "actor_a", "actor_b"]).size().rename("count").reset_index()
    counts = counts[counts["count"] >= min_count]
    single = units.groupby(["period", "actor"]).size()
    for side in ("a", "b"):
        keys = pd.MultiIndex.from_frame(counts[["period", f"actor_{side}"]])
        counts[f"count_{side}"] = single.reindex(keys).to_numpy()
    counts["jaccard"] = counts["count"] / (counts["count_a"] + counts["count_b"] - counts["count"])
    counts = counts.sort_values(["period", "count", "actor_a", "actor_b"],
                                ascending=[True, False, True, True], kind="mergesort")
    return counts[CO_MENTION_COLUMNS].reset_index(drop=True)


def co_mention_matrix(edges: pd.DataFrame, *, period: str | None = None,
                      value: str = "count") -> pd.DataFrame:
    """A symmetric actor-by-actor matrix from :func:`co_mentions` (one period), for a heat map."""
    if period is not None:
        edges = edges[edges["period"] == period]
    actors = sorted(set(edges["actor_a"]) | set(edges["actor_b"]))
    place = {actor: i for i, actor in enumerate(actors)}
    rows = np.array([place[a] for a in edges["actor_a"]], dtype=int)
    cols = np.array([place[b] for b in edges["actor_b"]], dtype=int)
    # each edge adds to (a, b) then to (b, a), in the order of the edges: the sums of a
    # cell-by-cell loop, to the last bit
    matrix = np.zeros((len(actors), len(actors)))
    there = (np.column_stack([rows, cols]).ravel(), np.column_stack([cols, rows]).ravel())
    np.add.at(matrix, there, np.repeat(edges[value].to_numpy(float), 2))
    return pd.DataFrame(matrix, index=actors, columns=actors)


# --- tone over time and by holder --------------------------------------------------------

TONE_SUMMARY_COLUMNS = ["n", "n_briefs", "mean_score", "sd", "ci_low", "ci_high",
                        "share_negative", "share_neutral", "share_positive"]


def _t_central(t: float, df: int) -> float:
    """P(|T| <= t) for Student's t with integer df (Abramowitz & Stegun 26.7.3-4)."""
    theta = math.atan(t / math.sqrt(df))
    c2, s = math.cos(theta) ** 2, math.sin(theta)
    if df % 2 == 1:
        term, total = math.cos(theta), 0.0
        for k in range(1, (df - 1) // 2 + 1):
            total += term
            term *= c2 * (2 * k) / (2 * k + 1)
        return 2 / math.pi * (theta + s * total) if df > 1 else 2 * theta / math.pi
    term, total = 1.0, 0.0
    for k in range(1, df // 2 + 1):
        total += term
        term *= c2 * (2 * k - 1) / (2 * k)
    return s * total


def t_critical(level: float, df: int) -> float:
    """The t value that leaves ``level`` of Student's t (``df`` degrees) between -t and t.

    Exact for integer df by bisection on the closed-form distribution; the normal value
    beyond 1000 df. No scipy needed.

    >>> round(t_critical(0.95, 2), 3), round(t_critical(0.95, 30), 3)
    (4.303, 2.042)
    """
    return _t_critical(level, df)


@functools.lru_cache(maxsize=4096)  # tone_summary asks again for the same few df
def _t_critical(level: float, df: int) -> float:
    if df < 1:
        return math.nan
    if df > 1000:
        from statistics import NormalDist
        return NormalDist().inv_cdf(0.5 + level / 2)
    low, high = 0.0, 1.0
    while _t_central(high, df) < level:
        high *= 2
    for _ in range(80):
        mid = (low + high) / 2
        low, high = (mid, high) if _t_central(mid, df) < level else (low, mid)
    return (low + high) / 2


def _score_stats(scores: pd.Series, level: float, method: str) -> tuple:
    """(n, mean, sd, ci_low, ci_high) of a group's scores, missing ones left out."""
    n = int(scores.count())
    mean = float(scores.mean()) if n else math.nan
    sd = float(scores.std(ddof=1)) if n > 1 else math.nan
    if method == "bootstrap":
        from briefkit.sentiment import mean_ci

        _, low, high = mean_ci(scores.dropna().to_numpy(), level=level)
    else:
        half = t_critical(level, n - 1) * sd / math.sqrt(n) if n > 1 else math.nan
        low, high = mean - half, mean + half
    return n, mean, sd, low, high


def _mean_ci(group: pd.DataFrame, level: float, method: str) -> dict:
    n, mean, sd, low, high = _score_stats(group["score"].astype(float), level, method)
    shares = group["label"].value_counts(normalize=True) if n else pd.Series(dtype=float)
    return {"n": n, "n_briefs": int(group["brief_id"].nunique()), "mean_score": mean, "sd": sd,
            "ci_low": low, "ci_high": high,
            **{f"share_{lab}": float(shares.get(lab, 0.0))
               for lab in ("negative", "neutral", "positive")}}


def _with_brief_columns(table: pd.DataFrame, corpus, columns: list[str]) -> pd.DataFrame:
    """Add the briefs' columns ('region', 'country_iso3', ...) a table lacks, by brief_id."""
    briefs = getattr(corpus, "briefs", None)
    wanted = [c for c in columns if c not in table.columns and briefs is not None and c in briefs]
    if not wanted:
        return table
    return table.merge(briefs[["brief_id", *wanted]], on="brief_id", how="left")


def tone_summary(tone: pd.DataFrame, corpus=None, *, by: Sequence[str] | str | None = "holder",
                 freq: str | None = None, level: float = 0.95, method: str = "t",
                 min_n: int = 1) -> pd.DataFrame:
    """Mean tone with a confidence interval, by holder, by period, or both.

    Each row of the sentiment table (one sentence naming the target, scored -1..1) is one
    observation. With ``method='t'`` the interval is ``mean +/- t * sd / sqrt(n)``, Student's
    t with n - 1 degrees of freedom, so a holder seen twice gets the wide interval it
    deserves (none for n = 1); ``method='bootstrap'`` uses the seeded percentile bootstrap
    of :func:`briefkit.sentiment.mean_ci`, as notebook 03 does. Sentences of one brief are
    not independent (``n_briefs`` says how many briefs the sentences come from), so read the
    intervals as a guide, not a test.

    Args:
        tone: the table of :func:`~briefkit.sentiment.sentiment_toward`.
        corpus: for the dates (a corpus, or a brief_id -> date mapping); without it, dates
            come from the brief_ids.
        by: columns to group by ('holder', 'holder_country', 'target', or a column of
            ``corpus.briefs`` such as 'region' or 'country_iso3'), or None.
        freq: None, or 'year', 'half', 'quarter', 'month' to add a ``period`` column.
        min_n: leave out groups with fewer sentences.

    Returns:
        [period,] the ``by`` columns, n, n_briefs, mean_score, sd, ci_low, ci_high,
        share_negative, share_neutral, share_positive.

    >>> t = pd.DataFrame({"brief_id": ["2015-01-01-a"] * 3, "holder": ["author"] * 3,
    ...                   "score": [-0.5, -0.3, -0.1], "label": ["negative"] * 3})
    >>> tone_summary(t)[["holder", "n", "mean_score", "ci_low"]].round(3).to_numpy().tolist()
    [['author', 3, -0.3, -0.797]]
    """
    if method not in ("t", "bootstrap"):
        raise ValueError(f"method must be 't' or 'bootstrap', not {method!r}")
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    tone = _with_brief_columns(tone, corpus, keys)
    missing = [k for k in keys if k not in tone.columns]
    if missing:
        raise ValueError(f"no column {missing[0]!r} in the tone table, nor in the corpus's briefs"
                         + ("" if corpus is not None else " (no corpus given)"))
    if freq:
        tone = tone.assign(period=_periods(tone["brief_id"], corpus, freq).to_numpy())
    keys = (["period"] if freq else []) + keys
    if tone.empty:
        return pd.DataFrame(columns=keys + TONE_SUMMARY_COLUMNS)
    if not keys:
        return pd.DataFrame([_mean_ci(tone, level, method)])[TONE_SUMMARY_COLUMNS]
    rows = _group_rows(tone, keys, level, method)
    if not rows:  # every row has a missing key
        return pd.DataFrame(columns=keys + TONE_SUMMARY_COLUMNS)
    table = pd.DataFrame(rows)
    return table[table["n"] >= min_n][keys + TONE_SUMMARY_COLUMNS].reset_index(drop=True)


def _group_rows(tone: pd.DataFrame, keys: list[str], level: float, method: str) -> list[dict]:
    """:func:`_mean_ci` of every group of ``keys`` (sorted; rows with a missing key left
    out, as ``groupby`` does), without a DataFrame per group: counts, briefs and label
    shares for all groups at once, the mean and sd of each group's scores by pandas's own
    ``Series.mean``/``std`` on that group's slice of one sorted array (same values, same
    order, so the same figures to the last bit)."""
    grouped = tone.groupby(keys, sort=True)
    sizes = grouped.size()
    codes = grouped.ngroup().to_numpy()
    kept = ~np.isnan(codes)
    codes = codes[kept].astype(np.intp)
    order = np.argsort(codes, kind="stable")  # each group's rows together, in table order
    bounds = np.concatenate([[0], np.cumsum(np.bincount(codes, minlength=len(sizes)))])
    scores = tone["score"].astype(float).to_numpy()[kept][order]
    labels = tone["label"].to_numpy()[kept][order]
    groups = codes[order]

    def per_group(flags) -> np.ndarray:
        return np.bincount(groups, weights=flags, minlength=len(sizes)).astype(np.int64)

    n = per_group(~np.isnan(scores))
    named = pd.notna(labels)
    labelled = per_group(named)
    shares = {f"share_{lab}": [float(hits / total) if count and total else 0.0
                               for hits, total, count in zip(
                                   per_group(named & (labels == lab)), labelled, n)]
              for lab in ("negative", "neutral", "positive")}
    n_briefs = grouped["brief_id"].nunique().to_numpy()
    rows = []
    for i, key in enumerate(sizes.index):
        count, mean, sd, low, high = _score_stats(pd.Series(scores[bounds[i]:bounds[i + 1]]),
                                                  level, method)
        rows.append({**dict(zip(keys, key if isinstance(key, tuple) else (key,))),
                     "n": count, "n_briefs": int(n_briefs[i]), "mean_score": mean, "sd": sd,
                     "ci_low": low, "ci_high": high,
                     **{name: values[i] for name, values in shares.items()}})
    return rows


# --- claim tracking ----------------------------------------------------------------------

CHANGES = ("new", "repeated", "strengthened", "weakened", "reversed", "dropped", "recalled")
TRACK_COLUMNS = ["thread", "date", "brief_id", "claim_id", "kind", "holder", "targets", "cue",
                 "negated", "content", "estimative_term", "prob_low", "prob_high", "range",
                 "change", "note", "previous_claim", "previous_brief", "previous_content",
                 "similarity", "shared_words"]
TIMELINE_COLUMNS = ["thread", "date", "brief_id", "holder", "claim", "term", "range", "change",
                    "note"]
LINK_THRESHOLD = 0.3  # TF-IDF cosine of two claims' content words; see track_claims
RANGE_TOLERANCE = 0.05  # a shift of the range's midpoint smaller than this is a repeat
ANCHOR_MAX_SHARE = 0.1  # a name in more than this share of claims is too common to anchor a link
ANCHOR_MIN_COMMON = 20  # ... once it is in more than this many (a small set keeps its subject)
# A restatement shares its subject and something said of it. One shared word is a name in
# passing ("Ramadi is likely to be retaken before Mosul" after "an assault on Mosul in 2015 is
# very unlikely") or a fragment the extractor left ("Iran"): on the sample corpus, 12 of the
# 17 links resting on one word were of that kind.
MIN_SHARED_WORDS = 2

# Words that say how sure, not what: left out of the content comparison, so that "likely"
# in one brief and "almost certainly" in the next do not make or break a link.
HEDGES = frozenset({
    "likely", "unlikely", "likelihood", "probably", "probable", "improbable", "almost",
    "certainly", "certain", "certainty", "surely", "sure", "very", "highly", "high", "low",
    "remote", "remotely", "chance", "chances", "may", "might", "could", "would", "will", "shall",
    "possibly", "possible", "perhaps", "doubt", "doubtful", "expect", "expects", "expected",
    "assess", "assesses", "judge", "judges", "believe", "believes", "think", "thinks", "even",
    "odds", "roughly", "liable", "not", "no", "never", "nor", "without",
})


# Words of time say when, not what: "through 2016" must not link two unrelated judgments.
TIME_WORDS = frozenset({
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "year", "years", "month", "months", "week", "weeks", "day", "days",
    "today", "now", "spring", "summer", "autumn", "winter", "first", "second", "third", "half",
    "quarter", "next", "last", "early", "late", "mid", "still", "again", "already", "longer",
    "soon", "time", "period", "beyond", "least", "end",
})
STEM_LENGTH = 6  # words are compared by their first six letters: "survive", "survival" match

# Judgments in briefs turn on a few predicates said many ways ("Assad will survive in office",
# "Assad will remain in power"). Each group below counts as one word when claims are
# compared; pass your own to track_claims(synonyms=...) for another domain.
SYNONYMS = {
    "remain": "remain stay stays stayed survive survival outlast last lasts hold holds persist "
              "endure keep keeps continue",
    "power": "power office presidency rule",
    "fall": "fall falls collapse lose loses lost retake retaken recapture capture cleared "
            "liberated",
    "comply": "comply compliance complying honour honor respect meet implement implementation",
    "rupture": "rupture break split",
    "reconcile": "reconcile reconciliation rapprochement repair improve",
}
# Groups that say the opposite of each other: "Assad's fall within a year is unlikely" and
# "Assad will probably survive" are one judgment, so across them a range is read turned round.
ANTONYMS = {"remain": "fall", "reconcile": "rupture"}


def _stem(word: str) -> str:
    """A transparent stem: the possessive off, then the first six letters.

    Truncation is a crude but well-tried stemmer for English retrieval; it matches
    "survive"/"survives"/"survival", "Russia"/"Russian", "sanction"/"sanctions".
    """
    return (word.removesuffix("'s"))[:STEM_LENGTH]


def _synonym_map(synonyms: Mapping[str, str] | None) -> dict[str, str]:
    """Each word's stem -> its group's head word (stemmed)."""
    return _default_synonyms() if synonyms is None else _word_groups(synonyms)


@functools.lru_cache(maxsize=1)
def _default_synonyms() -> dict[str, str]:
    return _word_groups(SYNONYMS)


def _word_groups(groups: Mapping[str, str]) -> dict[str, str]:
    return {_stem(w): _stem(head) for head, words in groups.items() for w in [head, *words.split()]}


def _antonym_pairs(antonyms: Mapping[str, str] | None) -> list[tuple[str, str]]:
    return [(_stem(a), _stem(b)) for a, b in (ANTONYMS if antonyms is None else antonyms).items()]


_WORD = re.compile(r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]")
# A name right after "before", "after" or "until" dates a claim ("retaken before Mosul",
# "talks after Aleppo"): like a word of time, it says when, not what.
_TIME_POINT = re.compile(r"\b((?i:before|after|until)) (?:the )?(?:[A-Z][\w'’.-]*\s?)+")


def _claim_tokens(text: str, synonyms: Mapping[str, str] | None = None) -> list[tuple[str, bool]]:
    """(stem, capitalised) for each content word of a claim."""
    from briefkit.resources import stopwords

    stop, same = stopwords(), _synonym_map(synonyms)
    out = []
    for tok in _WORD.findall(_TIME_POINT.sub(r"\1 ", str(text))):
        word = tok.lower().replace("’", "'")
        if word not in stop and word not in HEDGES and word not in TIME_WORDS:
            stem = _stem(word)
            out.append((same.get(stem, stem), tok[:1].isupper()))
    return out


def content_words(text: str, *, synonyms: Mapping[str, str] | None = None) -> list[str]:
    """The words of a claim compared across briefs: no stopwords, hedges or words of time.

    Each word is cut to its first six letters, and words of one :data:`SYNONYMS` group
    count as the group's head word.

    >>> content_words("Assad's forces will very likely retake the Aleppo pockets by March")
    ['assad', 'forces', 'fall', 'aleppo', 'pocket']
    """
    return [stem for stem, _ in _claim_tokens(text, synonyms)]


def claim_targets(claims: pd.DataFrame, mentions: pd.DataFrame | None, *,
                  span: tuple[str, str] | None = None) -> pd.Series:
    """The actors a claim is about: those named within its content, its holder left out.

    Args:
        claims: the claims table.
        mentions: the mentions table (brief_id, actor, start, end).
        span: the claims' columns giving the span to look in; by default
            content_start/content_end when the table has them, else start/end.

    Returns:
        One "; "-joined string of canonical actor names per claim ("" for none), on the
        claims' index.

    >>> claims = pd.DataFrame({"brief_id": ["x"], "holder": ["Russia"], "start": [0], "end": [40]})
    >>> mentions = pd.DataFrame({"brief_id": ["x", "x"], "actor": ["Russia", "Bashar al-Assad"],
    ...                          "start": [0, 20], "end": [6, 25]})
    >>> claim_targets(claims, mentions).tolist()
    ['Bashar al-Assad']
    """
    if mentions is None or mentions.empty or claims.empty:
        return pd.Series("", index=claims.index, dtype=object)
    if span is None:
        span = (("content_start", "content_end") if "content_start" in claims.columns
                else ("start", "end"))
    at, to = mentions["start"].to_numpy(), mentions["end"].to_numpy()
    who = mentions["actor"].to_numpy(dtype=object)  # converted once, not once per brief
    where = {brief: (at[rows], to[rows], who[rows])
             for brief, rows in mentions.groupby("brief_id", sort=False).indices.items()}
    names = []
    for brief, start, end, holder in zip(claims["brief_id"], claims[span[0]], claims[span[1]],
                                         claims["holder"]):
        starts, ends, actors = where.get(brief, ((), (), ()))
        with np.errstate(invalid="ignore"):
            inside = (np.asarray(starts) >= start) & (np.asarray(ends) <= end)
        names.append("; ".join(sorted(set(np.asarray(actors)[inside]) - {holder})))
    return pd.Series(names, index=claims.index, dtype=object)


def _tfidf_rows(bags: list[list[str]]) -> np.ndarray:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf) for lists of words."""
    vocab: dict[str, int] = {}
    rows = np.repeat(np.arange(len(bags)), [len(b) for b in bags]).astype(int)
    cols = np.array([vocab.setdefault(w, len(vocab)) for bag in bags for w in bag], dtype=int)
    # _tfidf's figures, each from the entries claims have (a claim has a few words of
    # thousands): the same float32 values, element by element
    n, width = len(bags), len(vocab)
    cells, counts = np.unique(rows * width + cols, return_counts=True)
    row, col = cells // max(width, 1), cells % max(width, 1)
    idf = np.log((1 + n) / (1 + np.bincount(col, minlength=width))) + 1
    tf = 1 + np.log(counts.astype(np.float32))
    weights = np.zeros((n, width), dtype=np.float32)
    weights[row, col] = (tf * idf[col]).astype(np.float32)
    norms = np.sqrt((weights ** 2).sum(axis=1, keepdims=True))
    return weights / np.where(norms > 0, norms, 1)


def _claim_vectors(contents: pd.Series, synonyms=None, antonyms=None, *, tokens=None):
    """TF-IDF rows over content words (idf across these claims), the set of each claim's
    words, the set of its capitalised words (names: "Mosul", "JCPOA"), and its polarity.

    Opposite predicates count as one word for similarity ("Assad's fall" and "Assad will
    survive" are about the same thing); the polarity keeps which side each claim takes.
    ``tokens``: the contents' :func:`_claim_tokens`, if already read.
    """
    bags, names, polarity = _claim_bags(contents, synonyms, antonyms, tokens=tokens)
    return _tfidf_rows(bags), [set(b) for b in bags], names, polarity


def _claim_bags(contents: pd.Series, synonyms=None, antonyms=None, *, tokens=None):
    """:func:`_claim_vectors` without the TF-IDF rows, whose idf is over the claims compared
    (each claim's own part, kept per brief by diff_briefs): the words of each claim with
    opposite predicates as one word (lists), its names (sets) and its polarity."""
    if tokens is None:
        tokens = [_claim_tokens(c, synonyms) for c in contents]
    bags = [[stem for stem, _ in toks] for toks in tokens]
    pairs = _antonym_pairs(antonyms)
    polarity = _polarity([set(b) for b in bags], pairs)
    merge = {b: a for a, b in pairs}
    bags = [[merge.get(w, w) for w in bag] for bag in bags]
    names = [{stem for stem, cap in toks if cap} for toks in tokens]
    return bags, names, polarity


def _event_range(low, high, negated) -> tuple[float, float] | None:
    """The probability range of the content itself: a negated judgment is turned around."""
    if pd.isna(low) or pd.isna(high):
        return None
    return (1 - float(high), 1 - float(low)) if _truthy(negated) else (float(low), float(high))


def _truthy(value) -> bool:
    return bool(value) if not pd.isna(value) else False


def format_range(low, high) -> str:
    """A probability range as text ('' when either end is missing).

    >>> format_range(0.55, 0.8)
    '55–80%'
    """
    if pd.isna(low) or pd.isna(high):
        return ""
    return f"{float(low) * 100:.0f}–{float(high) * 100:.0f}%"


def _term_label(claim: Mapping) -> str:
    term = claim.get("estimative_term")
    term = term if isinstance(term, str) and term else "?"
    return term + (" not" if _truthy(claim.get("negated")) else "")


def _side(rng: tuple[float, float]) -> int:
    """+1 for a range above even odds, -1 below, 0 for one that straddles 50%."""
    if rng[0] >= 0.5 and rng[1] > 0.5:
        return 1
    return -1 if rng[1] <= 0.5 and rng[0] < 0.5 else 0


def _polarity(bags: list[set], pairs: list[tuple[str, str]]) -> np.ndarray:
    """Per claim and antonym pair: +1 for the first word's side, -1 for the other's, 0 for
    neither."""
    return np.array([[int(a in bag) - int(b in bag) for a, b in pairs] for bag in bags]).reshape(
        len(bags), len(pairs))


def classify_change(prev: Mapping, cur: Mapping, *, tolerance: float = RANGE_TOLERANCE,
                    opposite: bool = False) -> tuple[str, str]:
    """How a claim moved from its previous statement: (change, note).

    With a probability range on both sides (after turning negated judgments around), the
    midpoint of the range decides: up by more than ``tolerance`` is 'strengthened', down is
    'weakened', and a range that crosses from above even odds to below (or back: "likely" to
    "unlikely") is 'reversed'. Without ranges, a negation added or removed is 'reversed'.
    Anything else is 'repeated'. ``opposite``: the later claim says the opposite of the earlier
    one ("will survive" after "will fall"), so its range is turned round before comparing.

    >>> classify_change({"estimative_term": "likely", "prob_low": .55, "prob_high": .8},
    ...                 {"estimative_term": "almost certainly", "prob_low": .95, "prob_high": .99})
    ('strengthened', 'likely (55–80%) → almost certainly (95–99%)')
    """
    before = _event_range(prev.get("prob_low"), prev.get("prob_high"), prev.get("negated"))
    after = _event_range(cur.get("prob_low"), cur.get("prob_high"),
                         _truthy(cur.get("negated")) != opposite)
    if before is not None and after is not None:
        note = (f"{_term_label(prev)} ({format_range(*before)}) → "
                f"{_term_label(cur)} ({format_range(*after)})")
        note += ", read as the opposite" if opposite else ""
        if _side(before) * _side(after) < 0:
            return "reversed", note
        shift = (after[0] + after[1]) / 2 - (before[0] + before[1]) / 2
        if abs(shift) > tolerance:
            return ("strengthened" if shift > 0 else "weakened"), note
        return "repeated", note if prev.get("estimative_term") != cur.get("estimative_term") else ""
    if _truthy(prev.get("negated")) != _truthy(cur.get("negated")):
        return "reversed", "negation " + ("added" if _truthy(cur.get("negated")) else "removed")
    cues = (prev.get("cue"), cur.get("cue"))
    return "repeated", (f"{cues[0]} → {cues[1]}" if all(isinstance(c, str) for c in cues)
                        and cues[0] != cues[1] else "")


_STRONG_BREAK = re.compile(r";|,?\s+(?:but|although|though|while|whereas|yet)\s+|:\s+")
_AND_BREAK = re.compile(r",\s+and\s+")
# The author recalling an old judgment ("In 2015 we saw almost no chance", "we raised that
# to likely", "retaking Mosul that year had almost no chance") is history, not a judgment.
_RECALLED = re.compile(r"\bwe\s+(?:saw|judged|considered|assessed|raised|lowered|put|rated|called|"
                       r"thought|estimated|expected|gave|had)\b|\bhad\s*$", re.IGNORECASE)
_RECALLED_BEFORE = re.compile(r"\bwe\s+(?:saw|judged|considered|assessed|rated|called|thought|"
                              r"estimated|expected|put|gave)\b[^.;!?]*$", re.IGNORECASE)
_CLAUSE_NEGATORS = re.compile(r"^\s*(?:[\w'’]+\s+){0,2}?(?:not|never|no longer|\w+n['’]t)\b",
                              re.IGNORECASE)


def _clause(content: str, at: int, *, several: bool) -> tuple[int, int]:
    """The span of the clause of ``content`` holding offset ``at`` (the estimative term).

    A sentence often carries two judgments ("a resolution may pass, but opponents are very
    unlikely to override a veto"): each is compared on its own clause. Clauses break at ";",
    ":" and a contrast ("but", "although", "while", ...), and at ", and" when the sentence
    holds several judgments.
    """
    cuts = [m.span() for m in _STRONG_BREAK.finditer(content)]
    if several:
        cuts += [m.span() for m in _AND_BREAK.finditer(content)]
    begin = max((e for s, e in cuts if e <= at), default=0)
    finish = min((s for s, e in cuts if s > at), default=len(content))
    return begin, finish


def _narrow_judgments(frame: pd.DataFrame) -> pd.DataFrame:
    """Judgments keep the clause of their term; a "not" just after the term negates it."""
    rows = frame.index[(frame["kind"] == "judgment") & frame["estimative_term"].notna()]
    if not {"content_start", "start", "end"} <= set(frame.columns) or rows.empty:
        return frame
    judged = frame.loc[rows]
    several = judged.groupby(["brief_id", "content_start"])["claim_id"].transform("size") > 1
    out = {c: frame[c].to_list() for c in ("content", "negated", "_recalled", "_c_start", "_c_end")}
    for i, text, base, start, end, term, many in zip(
            rows, judged["content"].astype(str), judged["content_start"], judged["start"],
            judged["end"], judged["estimative_term"].astype(str), several):
        if pd.isna(base) or pd.isna(start) or pd.isna(end):
            continue  # no offsets: the judgment is compared on its whole content
        base, at, after = int(base), int(start) - int(base), int(end) - int(base)
        if not 0 <= at <= len(text):
            continue
        begin, finish = _clause(text, at, several=many)
        if _CLAUSE_NEGATORS.match(text[after:finish]) and not term.endswith(" not"):
            out["negated"][i] = not _truthy(out["negated"][i])
        out["_recalled"][i] = bool(out["_recalled"][i]) or bool(_RECALLED.search(text[begin:at]))
        out["content"][i] = text[begin:finish].strip(" ,")
        out["_c_start"][i], out["_c_end"][i] = base + begin, base + finish
    return frame.assign(**out)


def _dedupe_claims(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per statement: the judgment stands for its key point and its reported view.

    extract_claims gives a key point with an estimative term both a key_point row and a
    judgment row per term, and a reported view with a term both a reported row and a
    judgment row (``in_claim``). Tracking either twice would count one statement twice.
    """
    judged = frame[frame["kind"] == "judgment"]
    judged_sentences = set(zip(judged["brief_id"], judged["sent_id"]))
    in_judged = [key in judged_sentences for key in zip(frame["brief_id"], frame["sent_id"])]
    drop = (frame["kind"] == "key_point").to_numpy() & np.array(in_judged, dtype=bool)
    if "in_claim" in frame.columns:
        drop |= ((frame["kind"] == "reported")
                 & frame["claim_id"].isin(set(judged["in_claim"].dropna()))).to_numpy()
    return frame[~drop].reset_index(drop=True)


def _recalled_before(frame: pd.DataFrame, corpus) -> np.ndarray:
    """Judgments introduced by "In March we judged ..." in the words just before them."""
    found = np.zeros(len(frame), dtype=bool)
    if corpus is None or not hasattr(corpus, "briefs") or "content_start" not in frame.columns:
        return found
    briefs = corpus.briefs
    briefs = briefs[briefs["brief_id"].isin(frame["brief_id"].dropna().unique())]
    texts = dict(zip(briefs["brief_id"], briefs["text"]))  # only the briefs of the claims
    rows = np.flatnonzero(frame["kind"].eq("judgment") & frame["content_start"].notna()
                          & frame["brief_id"].isin(texts)
                          & frame["_c_start"].eq(frame["content_start"]))
    for k, brief, at in zip(rows, frame["brief_id"].iloc[rows], frame["content_start"].iloc[rows]):
        found[k] = bool(_RECALLED_BEFORE.search(texts[brief][max(0, int(at) - 80):int(at)]))
    return found


# The columns claim tracking reads, and the value of each the caller's table may lack.
_CLAIM_DEFAULTS = {"sent_id": 0, "claim_id": None, "kind": None, "cue": None, "negated": False,
                   "estimative_term": None, "prob_low": np.nan, "prob_high": np.nan}
_CLAIM_INPUTS = ("brief_id", "holder", "content", "targets", "in_claim", "start", "end",
                 "content_start", "content_end", *_CLAIM_DEFAULTS)


def _claim_frame(claims: pd.DataFrame, holder_key: str) -> pd.DataFrame:
    """The columns claim tracking reads, defaults filled in, and its own: ``_key`` (whose
    view), ``_c_start``/``_c_end`` (the content's span) and ``_recalled``."""
    frame = claims[[c for c in claims.columns if c in _CLAIM_INPUTS or c == holder_key]]
    frame = frame.reset_index(drop=True)
    frame = frame.assign(**{c: v for c, v in _CLAIM_DEFAULTS.items() if c not in frame.columns})
    frame["claim_id"] = frame["claim_id"].where(frame["claim_id"].notna(), frame.index.to_series())
    frame["holder"] = frame["holder"].fillna("author")
    key = frame[holder_key] if holder_key in frame.columns else frame["holder"]
    frame["_key"] = key.fillna(frame["holder"])
    for mine, theirs, fallback in (("_c_start", "content_start", "start"),
                                   ("_c_end", "content_end", "end")):
        spans = [frame[c] for c in (theirs, fallback) if c in frame.columns]
        frame[mine] = spans[0].fillna(spans[-1]) if spans else np.nan
    frame["_recalled"] = False
    return frame


def _prepare_claims(claims: pd.DataFrame, mentions, dates, *,
                    holder_key: str = "holder") -> pd.DataFrame:
    """The claims as track_claims and diff_briefs compare them: one row per statement,
    judgments narrowed to the clause of their term, recalled judgments marked, with their
    targets and dates, in date order, and ``_brief_rank`` (the brief's place in that order)."""
    frame = _narrow_judgments(_dedupe_claims(_claim_frame(claims, holder_key)))
    frame["_recalled"] = frame["_recalled"].astype(bool) | _recalled_before(frame, dates)
    if "targets" in frame.columns:
        frame["targets"] = frame["targets"].fillna("")
    else:
        frame["targets"] = claim_targets(frame, mentions, span=("_c_start", "_c_end"))
    frame["date"] = brief_dates(frame["brief_id"], dates).to_numpy()
    frame = frame.sort_values(["date", "brief_id", "sent_id"], kind="mergesort", na_position="last")
    frame = frame.reset_index(drop=True)
    frame["_brief_rank"] = pd.factorize(frame["brief_id"])[0]
    return frame


def _pair_sums(rows: np.ndarray, cols: np.ndarray, m: int,
               weights: np.ndarray | None = None) -> np.ndarray:
    """The m x m matrix of sums, over the columns two rows share, of their weights' product
    (the count of shared columns without weights): a sparse ``X @ X.T``.

    The entries are (row, column, weight) of a sparse matrix X. Claims share few words, so
    the products are few (on the sample corpus, some 80,000 for all holders) where a dense
    product would multiply every pair over every word, and a BLAS product on a machine
    whose cores are busy spends far longer waking and waiting for its threads. Sums are in
    float64 in a fixed order, so the result does not depend on the machine's thread count.
    """
    if len(rows) == 0 or m == 0:
        return np.zeros((m, m), dtype=np.int64 if weights is None else float)
    order = np.argsort(cols, kind="stable")
    rows, cols = rows[order], cols[order]
    starts = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]])
    sizes = np.diff(np.r_[starts, len(cols)])
    pairs = sizes * sizes  # each column: every ordered pair of its rows
    group = np.repeat(np.arange(len(sizes)), pairs)
    within = np.arange(int(pairs.sum())) - np.repeat(np.cumsum(pairs) - pairs, pairs)
    first = starts[group] + within // sizes[group]
    second = starts[group] + within % sizes[group]
    cells = rows[first] * m + rows[second]
    if weights is None:
        return np.bincount(cells, minlength=m * m).reshape(m, m)
    w = np.asarray(weights, dtype=float)[order]
    return np.bincount(cells, weights=w[first] * w[second], minlength=m * m).reshape(m, m)


def _overlaps(sets: list[set]) -> np.ndarray:
    """How many members each pair of sets has in common (shared words, actors, anchors)."""
    items: dict = {}
    rows = np.repeat(np.arange(len(sets)), [len(m) for m in sets]).astype(int)
    cols = np.array([items.setdefault(x, len(items)) for members in sets for x in members],
                    dtype=int)
    return _pair_sums(rows, cols, len(sets))


def _similarities(vectors: np.ndarray) -> np.ndarray:
    """``vectors @ vectors.T`` (cosines of L2-normalised rows) from their non-zero entries,
    summed in float64 and given in the vectors' dtype; it differs from a BLAS product by at
    most a unit in the last place, as BLAS products do between thread counts."""
    rows, cols = np.nonzero(vectors)
    return _pair_sums(rows, cols, len(vectors), vectors[rows, cols]).astype(vectors.dtype)


def _target_sets(targets: pd.Series) -> list[set]:
    return [set(t.split("; ")) - {""} for t in targets]


def _anchors(targets: pd.Series, names: list[set]) -> list[set]:
    return [{f"actor:{x}" for x in actors} | {f"name:{x}" for x in nm}
            for actors, nm in zip(_target_sets(targets), names)]


def _specific_anchors(targets: pd.Series, names: list[set]) -> set:
    """Anchors found in at most ANCHOR_MAX_SHARE of the claims (or ANCHOR_MIN_COMMON)."""
    counts = pd.Series([a for anchors in _anchors(targets, names) for a in anchors]).value_counts()
    return set(counts.index[counts <= max(ANCHOR_MIN_COMMON, ANCHOR_MAX_SHARE * len(names))])


def _compatible(targets: pd.Series, names: list[set], specific: set | None = None) -> np.ndarray:
    """Claims may link when they share an anchor and their targets do not clash.

    Targets clash when both claims name actors and none in common. The anchor is a shared
    target actor or a shared name in the content ("Mosul", "JCPOA", "OPEC"), other than
    names found in more than ANCHOR_MAX_SHARE of all claims (in briefs about US policy,
    "United States" is everywhere and says nothing about the subject): two judgments alike
    only in common words ("will hold through 2016") are not the same view.
    """
    actors = _target_sets(targets)
    named = np.array([bool(a) for a in actors])
    clash = (_overlaps(actors) == 0) & named[:, None] & named[None, :]
    specific = _specific_anchors(targets, names) if specific is None else specific
    return ~clash & (_overlaps([anchors & specific for anchors in _anchors(targets, names)]) > 0)


def _link(frame: pd.DataFrame, blocks: _HolderBlocks, threshold: float) -> np.ndarray:
    """For each claim, the row of its previous statement (-1 for none).

    The previous statement is in the latest earlier brief holding a claim by the same holder,
    with compatible targets, enough shared words and a similarity of at least ``threshold``;
    within that brief, the most similar claim. Claims of different holders never link, so
    each holder's claims are compared among themselves only.
    """
    rank = frame["_brief_rank"].to_numpy()
    current = ~frame["_recalled"].to_numpy(bool)
    previous = np.full(len(frame), -1, dtype=int)
    for rows, sim, ok, enough in blocks:
        r, cur = rank[rows], current[rows]
        valid = ((sim >= threshold) & ok & enough & (r[None, :] < r[:, None])
                 & cur[:, None] & cur[None, :])
        score = np.where(valid, r[None, :] * 10.0 + sim, -np.inf)
        previous[rows] = np.where(valid.any(axis=1), rows[score.argmax(axis=1)], -1)
    return previous


def _threads(previous: np.ndarray) -> np.ndarray:
    thread = np.empty(len(previous), dtype=int)
    count = 0
    for i, p in enumerate(previous):  # rows are in date order, so p < i
        if p < 0:
            count += 1
            thread[i] = count
        else:
            thread[i] = thread[p]
    return thread


def track_claims(claims: pd.DataFrame, *, mentions: pd.DataFrame | None = None, corpus=None,
                 threshold: float = LINK_THRESHOLD, tolerance: float = RANGE_TOLERANCE,
                 kinds: Sequence[str] | None = None, holder_key: str = "holder",
                 synonyms: Mapping[str, str] | None = None,
                 antonyms: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Follow each claim from brief to brief: new, repeated, strengthened, weakened, reversed,
    dropped.

    Two claims in different briefs are statements of the same view when they have the same
    holder, their target actors are compatible (the actors named inside each claim,
    from ``mentions``; compatible when they share one or either names none), they share at
    least :data:`MIN_SHARED_WORDS` content words (a subject and something said of it: a
    name in passing or a fragment such as "Iran" restates nothing), and their content is
    alike: a TF-IDF cosine of at least ``threshold`` over content words (stopwords and
    hedges such as "likely" left out, a light stem so "talks"/"talk" match). A claim
    links to the most similar such claim in the latest earlier brief that has one; linked
    claims form a thread. The default threshold, 0.3, is where hand-checked pairs in the
    sample corpus stop being restatements: see notebook 04.

    Each claim's ``change`` comes from :func:`classify_change` against the claim it links
    to ('new' when it links to none). A judgment the author recalls ("In March we judged
    ...", "had almost no chance") is 'recalled': history, so it neither links nor is linked.
    A view is 'dropped' at the first later brief where its holder returns to its subject (a
    claim with compatible targets and a similarity of at least half the threshold) without
    restating it; that row carries the dropped claim's words and the brief where it went
    missing.

    Args:
        claims: the table of :func:`~briefkit.claims.extract_claims` (a ``targets`` column,
            if present, is used as is).
        mentions: the table of :func:`~briefkit.actors.find_mentions`, for targets.
        corpus: the corpus, for the dates and for the words just before each claim, which
            show a judgment recalled rather than made ("In March we judged ..."); a mapping
            brief_id -> date also serves for dates; without either they come from brief_ids.
        kinds: keep only these kinds of claim ('judgment', 'reported', 'key_point').
        holder_key: 'holder' (the same actor) or 'holder_country' (the same state, whoever
            speaks for it: Putin, Lavrov and "Russian officials" in one voice).
        synonyms, antonyms: word groups counted as one word, and pairs of groups that say
            the opposite of each other (defaults :data:`SYNONYMS`, :data:`ANTONYMS`).

    Returns:
        thread, date, brief_id, claim_id, kind, holder, targets, cue, negated, content,
        estimative_term, prob_low, prob_high, range ("55–80%"), change, note (what moved:
        "likely (55–80%) → almost certainly (95–99%)"), previous_claim, previous_brief,
        previous_content (the claim this one restates), similarity, shared_words; ordered
        by thread, then date. Empty with these columns for
        no claims.

    The table is computed once per run for the same inputs (claims, mentions and corpus by
    their content, and the options); later calls get a copy.
    """
    options = {"threshold": threshold, "tolerance": tolerance, "kinds": kinds,
               "holder_key": holder_key, "synonyms": synonyms, "antonyms": antonyms}
    return _shared("track_claims", (claims, mentions, corpus, options),
                   lambda: _track_claims(claims, mentions, corpus, **options))


def _track_claims(claims, mentions, corpus, *, threshold, tolerance, kinds, holder_key,
                  synonyms, antonyms) -> pd.DataFrame:
    if kinds is not None:
        claims = claims[claims["kind"].isin(kinds)]
    if claims.empty:
        return pd.DataFrame(columns=TRACK_COLUMNS)
    frame = _prepare_claims(claims, mentions, corpus, holder_key=holder_key)
    vectors, bags, names, polarity = _claim_vectors(frame["content"], synonyms, antonyms)
    blocks = _HolderBlocks(frame, vectors, bags, names)
    previous = _link(frame, blocks, threshold)
    keep = [c for c in frame.columns if c in TRACK_COLUMNS or c == "_recalled"]
    records = frame[keep].to_dict("records")
    rows = [_tracked_row(records, i, previous[i], blocks, bags, polarity, tolerance)
            for i in range(len(frame))]
    tracked = pd.DataFrame(rows)
    tracked["thread"] = _threads(previous)
    dropped = _dropped(frame, tracked, blocks, threshold)
    table = pd.concat([tracked, dropped], ignore_index=True) if len(dropped) else tracked
    table = table.sort_values(["thread", "date", "_order"], kind="mergesort")
    return table[TRACK_COLUMNS].reset_index(drop=True)


class _HolderBlocks:
    """Similarity, compatibility and enough shared words (MIN_SHARED_WORDS) of the claims of
    each holder among themselves: claims of different holders never link, so no claim is
    compared with another holder's (on the sample corpus, an eighth of the pairs of a
    claims-by-claims matrix). A holder whose claims all sit in one brief has nothing to
    link and gets no block.

    Iterating gives (rows, sim, ok, enough) per holder; :meth:`row` gives one claim's.
    """

    def __init__(self, frame, vectors, bags, names) -> None:
        targets = frame["targets"].to_numpy(dtype=object)
        rank = frame["_brief_rank"].to_numpy()
        specific = _specific_anchors(frame["targets"], names)
        self.blocks = []
        self.where = np.full(len(frame), -1, dtype=int)  # the block of each claim
        self.local = np.zeros(len(frame), dtype=int)  # its place in that block
        for rows in frame.groupby("_key", sort=False).indices.values():
            if len(rows) < 2 or (rank[rows] == rank[rows[0]]).all():
                continue
            sim = _similarities(vectors[rows])
            ok = _compatible(targets[rows], [names[i] for i in rows], specific)
            enough = _overlaps([bags[i] for i in rows]) >= MIN_SHARED_WORDS
            self.where[rows], self.local[rows] = len(self.blocks), np.arange(len(rows))
            self.blocks.append((rows, sim, ok, enough))

    def __iter__(self):
        return iter(self.blocks)

    def similarity(self, i: int, j: int) -> float:
        """The similarity of claims i and j (of one holder)."""
        return float(self.blocks[self.where[i]][1][self.local[i], self.local[j]])

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """The rows of claim i's holder, its similarity and compatibility with each; None
        when the holder has no block."""
        if self.where[i] < 0:
            return None
        rows, sim, ok, _ = self.blocks[self.where[i]]
        return rows, sim[self.local[i]], ok[self.local[i]]


def _tracked_row(records, i, p, blocks, bags, polarity, tolerance) -> dict:
    row = records[i]
    out = {c: row[c] for c in TRACK_COLUMNS if c in row}
    out.update(range=format_range(row["prob_low"], row["prob_high"]), _order=i,
               change="recalled" if row["_recalled"] else "new", note="", previous_claim=None,
               previous_brief=None, previous_content=None, similarity=np.nan, shared_words="")
    if p >= 0:
        prev = records[p]
        opposite = bool((polarity[i] * polarity[p] < 0).any())
        out["change"], out["note"] = classify_change(prev, row, tolerance=tolerance,
                                                     opposite=opposite)
        out.update(previous_claim=prev["claim_id"], previous_brief=prev["brief_id"],
                   previous_content=prev["content"], similarity=blocks.similarity(i, p),
                   shared_words=" ".join(sorted(bags[i] & bags[p])))
    return out


def _dropped(frame, tracked, blocks: _HolderBlocks, threshold) -> pd.DataFrame:
    """Views whose holder came back to the subject in a later brief without restating them.

    "Came back" is a later claim by the same holder with an anchor in common and a
    similarity of at least half the threshold; "restating" would have reached the threshold.
    Only views can be dropped: judgments with an estimative term and reported views, not
    the statements of fact a brief makes in passing.
    """
    rank = frame["_brief_rank"].to_numpy()
    current = ~frame["_recalled"].to_numpy(bool)
    view = (frame["estimative_term"].notna() | (frame["kind"] == "reported")).to_numpy()
    last_rows = tracked[current[tracked["_order"]]].groupby("thread")["_order"].max().to_numpy()
    records = tracked.set_index("_order").to_dict("index")
    facts = frame[["brief_id", "claim_id", "content", "date"]].to_dict("records")
    rows = []
    for last in last_rows[view[last_rows]]:
        own = blocks.row(last)  # only a claim of the same holder can be near
        if own is None:
            continue
        members, sim, ok = own
        near = ok & current[members] & (sim >= threshold / 2)
        k = _first_later(rank[members], int(blocks.local[last]), near, sim)
        if k < 0:
            continue
        j = members[k]
        rows.append({**records[last], "date": facts[j]["date"], "brief_id": facts[j]["brief_id"],
                     "claim_id": None, "change": "dropped", "_order": len(frame) + last,
                     "note": f"not restated; instead: \u201c{_clip(facts[j]['content'])}\u201d",
                     "previous_claim": facts[last]["claim_id"],
                     "previous_brief": facts[last]["brief_id"],
                     "previous_content": facts[last]["content"],
                     "similarity": float(sim[k]), "shared_words": ""})
    return pd.DataFrame(rows)


def _first_later(rank: np.ndarray, last: int, near: np.ndarray, sim: np.ndarray) -> int:
    """The claim ``near`` claim ``last`` in the first later brief holding one (the most
    similar there), or -1."""
    later = near & (rank > rank[last])
    if not later.any():
        return -1
    hits = np.flatnonzero(later & (rank == rank[later].min()))
    return int(hits[np.argmax(sim[hits])])


def _clip(text, limit: int = 80) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def claim_matches(table: pd.DataFrame, theme, *, require=None) -> pd.Series:
    """Which claims are on a theme: a keyword (or actor name) in the content, holder or targets.

    Args:
        theme: a keyword or list of keywords (any of them; at the start of a word,
            case-insensitive, so "Russia" finds "Russian").
        require: a second list of which one must also match ("Russia in Syria": theme
            Syria, Assad, Aleppo; require Russia, Moscow, Putin).
    """
    fields = [c for c in ("content", "holder", "targets", "holder_country") if c in table.columns]
    if fields and len(table):
        columns = [table[c].fillna("").astype(str) for c in fields]
        text = functools.reduce(lambda joined, column: joined + " | " + column, columns)
        text = text.rename(None)
    else:
        text = table[fields].fillna("").astype(str).agg(" | ".join, axis=1)
    hit = text.str.contains(_keyword_pattern(theme), regex=True)
    if require:
        hit &= text.str.contains(_keyword_pattern(require), regex=True)
    return hit


def select_threads(tracked: pd.DataFrame, theme, *, require=None,
                   linked_only: bool = False) -> pd.DataFrame:
    """The rows of :func:`track_claims` for the threads on a theme (all columns).

    A thread is kept whole when any of its claims is on the theme (:func:`claim_matches`),
    so a later restatement that does not repeat the keyword still appears. ``linked_only``
    keeps only threads seen in more than one brief.
    """
    on_theme = set(tracked.loc[claim_matches(tracked, theme, require=require), "thread"])
    table = tracked[tracked["thread"].isin(on_theme)]
    if linked_only:
        spread = table[table["change"] != "dropped"].groupby("thread")["brief_id"].nunique()
        table = table[table["thread"].isin(spread.index[spread > 1])]
    return table.reset_index(drop=True)


def claim_timeline(claims: pd.DataFrame, theme, *, require=None, linked_only: bool = False,
                   **track_options) -> pd.DataFrame:
    """The story of one theme's claims, brief by brief, in a table an analyst can scan.

    Args:
        claims: the claims table, or the output of :func:`track_claims` (used as is).
        theme, require: which claims, as in :func:`claim_matches`; whole threads are shown,
            as in :func:`select_threads`.
        linked_only: keep only threads seen in more than one brief.
        **track_options: passed to :func:`track_claims` (mentions, corpus, threshold, ...).

    Returns:
        thread, date ('YYYY-MM-DD'), brief_id, holder, claim (the words), term (estimative
        term), range, change, note; by thread, then date.
    """
    tracked = claims if "thread" in claims.columns else track_claims(claims, **track_options)
    if tracked.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    table = select_threads(tracked, theme, require=require, linked_only=linked_only)
    out = pd.DataFrame({
        "thread": table["thread"], "date": pd.to_datetime(table["date"]).dt.strftime("%Y-%m-%d"),
        "brief_id": table["brief_id"], "holder": table["holder"], "claim": table["content"],
        "term": table["estimative_term"].fillna(""), "range": table["range"],
        "change": table["change"], "note": table["note"]})
    return out.reset_index(drop=True)


# --- two briefs side by side -------------------------------------------------------------

SIDES = ("both", "a only", "b only")
DIFF_TERM_COLUMNS = ["term", "count_a", "count_b", "side", "log_ratio"]
DIFF_ACTOR_COLUMNS = ["actor", "mentions_a", "mentions_b", "side"]
DIFF_CLAIM_COLUMNS = ["side", "holder", "claim_a", "range_a", "claim_b", "range_b", "similarity",
                      "change", "note"]
DIFF_TONE_COLUMNS = ["holder", "n_a", "mean_a", "n_b", "mean_b", "difference"]


@dataclass(frozen=True)
class BriefDiff:
    """Two briefs side by side: what they share and what only one of them has.

    Attributes:
        a, b: the brief_ids compared ("a only" rows are in ``a`` alone).
        terms, actors, claims, tone: one table each (see :func:`diff_briefs`).
        notes: what could not be compared, and why.
    """

    a: str
    b: str
    terms: pd.DataFrame
    actors: pd.DataFrame
    claims: pd.DataFrame
    tone: pd.DataFrame
    notes: tuple = ()

    def summary(self) -> pd.DataFrame:
        """How many terms, actors and claims are shared, and how many are in one brief only."""
        parts = {"terms": self.terms, "actors": self.actors, "claims": self.claims}
        return pd.DataFrame({name: table["side"].value_counts().reindex(SIDES, fill_value=0)
                             for name, table in parts.items()}).T


def _side_of(count_a, count_b) -> np.ndarray:
    count_a, count_b = np.asarray(count_a), np.asarray(count_b)
    return np.where((count_a > 0) & (count_b > 0), "both",
                    np.where(count_a > 0, "a only", "b only"))


def _diff_counts(values: pd.DataFrame, key: str, a: str, b: str,
                 names: tuple[str, str]) -> pd.DataFrame:
    """How often each ``key`` occurs in brief a and in brief b, shared first."""
    codes, keys = pd.factorize(values[key], sort=True)
    brief = values["brief_id"].to_numpy()
    count_a, count_b = (np.bincount(codes[(brief == x) & (codes >= 0)], minlength=len(keys))
                        for x in (a, b))
    seen = (count_a + count_b) > 0
    table = pd.DataFrame({key: np.asarray(keys, dtype=object)[seen], names[0]: count_a[seen],
                          names[1]: count_b[seen]})
    table["side"] = _side_of(table[names[0]], table[names[1]])
    order = np.lexsort((-(count_a + count_b)[seen], table["side"].map(SIDES.index).to_numpy()))
    return table.iloc[order].reset_index(drop=True)


def diff_briefs(corpus, a: str, b: str, *, mentions: pd.DataFrame | None = None,
                claims: pd.DataFrame | None = None, tone: pd.DataFrame | None = None,
                tokens: pd.DataFrame | None = None, target: str = "United States",
                threshold: float = LINK_THRESHOLD, stopwords=True,
                terms: bool = True) -> BriefDiff:
    """Two briefs side by side: shared and distinctive terms, actors, claims and tone.

    Args:
        corpus: a corpus holding both briefs.
        a, b: their brief_ids (read "from a to b": a claim's change goes from a to b). A
            brief compared with itself shares everything: each term, actor and claim is on
            both sides, each claim paired with itself, and ``notes`` says so.
        mentions, claims, tone: the tables of find_mentions, extract_claims and
            sentiment_toward(target), if already computed (any rows beyond the two briefs
            are ignored); else they are computed on the two briefs.
        tokens: the tokens table (``corpus.tokens``, or any rows of it holding the two
            briefs), if already at hand; by default the corpus's own. Only the two briefs'
            words are counted.
        threshold: content similarity for two claims to be the same view (track_claims).
        terms: False skips counting the two briefs' words: the diff's ``terms`` is then an
            empty table with its usual columns (and ``summary()`` counts no terms), the
            other tables are the same. For a caller that shows no terms (the CompareBriefs
            explorer counts its own keyness), where counting them is a third of the time.

    Returns:
        A :class:`BriefDiff` with ``terms`` (term, count_a, count_b, side, log_ratio),
        ``actors`` (actor, mentions_a, mentions_b, side), ``claims`` (side, holder, claim_a,
        range_a, claim_b, range_b, similarity, change, note: pairs of claims by the same
        holder on the same subject, then each brief's unmatched claims) and ``tone`` (holder,
        n_a, mean_a, n_b, mean_b, difference, toward ``target``). ``side`` is 'both',
        'a only' or 'b only'.

    Raises:
        ValueError: ``a`` or ``b`` is not in the corpus.
    """
    ids = corpus.briefs["brief_id"]
    known = set(ids[ids.isin([a, b])])  # not a set of every id: one pair of a large corpus
    missing = [x for x in (a, b) if x not in known]
    if missing:
        raise ValueError("diff_briefs needs two briefs of the corpus; not found: "
                         + ", ".join(missing)
                         + (" (the corpus has one brief)" if len(ids) == 1 else ""))
    if any(table is None for table in (mentions, claims, tone)):
        mentions, claims, tone = _pair_tables(corpus.subset([a, b]), mentions, claims, tone,
                                              target=target)
    words = (_diff_terms(corpus.tokens if tokens is None else tokens, a, b, stopwords=stopwords)
             if terms else pd.DataFrame(columns=DIFF_TERM_COLUMNS))
    claims = _diff_claims(claims, mentions, a, b, threshold, corpus)
    notes = ("a and b are the same brief: everything is shared",) if a == b else ()
    return BriefDiff(a, b, words, _diff_actors(mentions, a, b), claims, _diff_tone(tone, a, b),
                     notes)


def _pair_tables(pair, mentions, claims, tone, *, target: str):
    """The tables the caller did not pass, computed on the two briefs."""
    from briefkit.actors import find_mentions
    from briefkit.claims import extract_claims
    from briefkit.sentiment import sentiment_toward

    mentions = find_mentions(pair) if mentions is None else mentions
    claims = extract_claims(pair) if claims is None else claims
    tone = sentiment_toward(pair, target) if tone is None else tone
    return mentions, claims, tone


def _diff_terms(tokens: pd.DataFrame, a: str, b: str, *, stopwords) -> pd.DataFrame:
    terms = term_table(tokens[tokens["brief_id"].isin([a, b])], stopwords=stopwords)
    table = _diff_counts(terms, "term", a, b, ("count_a", "count_b"))
    n_a, n_b = max(table["count_a"].sum(), 1), max(table["count_b"].sum(), 1)
    table["log_ratio"] = log_ratio(table["count_a"], table["count_b"], n_a, n_b)
    return table[DIFF_TERM_COLUMNS]


def _diff_actors(mentions, a, b) -> pd.DataFrame:
    if mentions is None or mentions.empty:
        return pd.DataFrame(columns=DIFF_ACTOR_COLUMNS)
    return _diff_counts(mentions, "actor", a, b, ("mentions_a", "mentions_b"))[DIFF_ACTOR_COLUMNS]


def _diff_tone(tone, a, b) -> pd.DataFrame:
    if tone is None or tone.empty:
        return pd.DataFrame(columns=DIFF_TONE_COLUMNS)
    brief, holder = tone["brief_id"].to_numpy(), tone["holder"].to_numpy()
    score = tone["score"]
    sides = []
    for x in (a, b):  # the two columns read, not every column of the rows
        rows = brief == x
        scores = score[rows].groupby(holder[rows])
        sides.append((scores.size(), scores.mean()))
    holders = sides[0][0].index.union(sides[1][0].index)
    (size_a, mean_a), (size_b, mean_b) = ((size.reindex(holders), mean.reindex(holders))
                                          for size, mean in sides)
    n_a, n_b = size_a.fillna(0).astype(int).to_numpy(), size_b.fillna(0).astype(int).to_numpy()
    names = holders.to_numpy()
    # most sentences in a first, then in b, then by name (each holder once: no ties)
    order = sorted(range(len(names)), key=lambda i: (-n_a[i], -n_b[i], names[i]))
    mean_a, mean_b = mean_a.to_numpy()[order], mean_b.to_numpy()[order]
    return pd.DataFrame({"holder": names[order], "n_a": n_a[order], "mean_a": mean_a,
                         "n_b": n_b[order], "mean_b": mean_b, "difference": mean_b - mean_a})


# What a row of the diff's claims reads of each claim (_claim_pair, classify_change)
_PAIR_FIELDS = ("holder", "content", "prob_low", "prob_high", "negated", "estimative_term", "cue")


class _Claims:
    """Prepared claims (:func:`_prepare_claims`) as plain values, what diff_briefs matches
    and shows of them: one list or array entry per row, in the rows' order.

    ``records`` (the fields of _PAIR_FIELDS), ``brief`` and ``key`` (brief_id and whose
    view), ``actors`` (target actors), ``anchors`` (target actors and names, as
    _compatible reads them), ``bags`` (content words, opposite predicates as one word, as
    _claim_vectors gives them) and ``polarity`` (claims x antonym pairs). Made once per
    brief and kept (_PREPARED), then joined for a pair: a pair's comparison reads no
    DataFrame (each read of one was a good part of its time).
    """

    __slots__ = ("records", "brief", "key", "actors", "anchors", "bags", "polarity", "date")

    def __init__(self, frame: pd.DataFrame, words: list | None):
        bags, names, polarity = _claim_bags(frame["content"], tokens=words)
        self.records = frame[list(_PAIR_FIELDS)].to_dict("records")
        self.brief = frame["brief_id"].to_numpy(dtype=object)
        self.key = frame["_key"].to_numpy(dtype=object)
        self.actors = _target_sets(frame["targets"])
        self.anchors = _anchors(frame["targets"], names)
        self.bags, self.polarity = bags, polarity
        # the brief's place in the pair's order (date, brief_id; no date last)
        date = frame["date"].iat[0] if len(frame) else None
        self.date = (pd.isna(date), date if pd.notna(date) else 0,
                     self.brief[0] if len(frame) else "")

    def __len__(self) -> int:
        return len(self.records)

    @classmethod
    def join(cls, parts: list[_Claims]) -> _Claims:
        if len(parts) == 1:
            return parts[0]
        out = cls.__new__(cls)
        for name in ("records", "actors", "anchors", "bags"):
            setattr(out, name, [x for part in parts for x in getattr(part, name)])
        for name in ("brief", "key", "polarity"):
            setattr(out, name, np.concatenate([getattr(part, name) for part in parts]))
        out.date = parts[0].date
        return out


def _diff_claims(claims, mentions, a, b, threshold, corpus) -> pd.DataFrame:
    if claims is None or claims.empty:
        return pd.DataFrame(columns=DIFF_CLAIM_COLUMNS)
    pair = _pair_claims(claims[claims["brief_id"].isin([a, b])], mentions, a, b, corpus)
    if not len(pair):
        return pd.DataFrame(columns=DIFF_CLAIM_COLUMNS)
    rows_a = np.flatnonzero(pair.brief == a)
    rows_b = np.flatnonzero(pair.brief == b)
    if a == b:  # each claim is itself, restated
        matches = [(i, i, 1.0, False) for i in rows_a]
    else:
        matches = _match_claims(pair, rows_a, rows_b, threshold)
    records = pair.records
    used_a, used_b = {i for i, *_ in matches}, {j for _, j, *_ in matches}
    rows = [_claim_pair(records[i], records[j], score, opposite)
            for i, j, score, opposite in matches]
    rows += [_claim_pair(records[i], None, np.nan) for i in rows_a if i not in used_a]
    rows += [_claim_pair(None, records[j], np.nan) for j in rows_b if j not in used_b]
    return pd.DataFrame(rows, columns=DIFF_CLAIM_COLUMNS)


# Each brief's claims as diff_briefs compares them, kept: the claims explorer compares one
# pair after another, and preparing the two briefs' claims (_prepare_claims: statements,
# clauses, targets, dates; then their words) was most of a comparison's time. All of it
# depends on the brief alone, so it is done once per brief and kept (as _Claims), keyed by
# the values of the brief's claim and mention rows, its text and its date: a whole
# corpus's table and the pair's rows of it give the same key.
PREPARED_ENTRIES = 256  # briefs kept (least recently used forgotten first)
_PREPARED: OrderedDict = OrderedDict()


def _pair_claims(pair: pd.DataFrame, mentions, a: str, b: str, corpus) -> _Claims:
    """``_prepare_claims`` of the two briefs' claims as :class:`_Claims`, put together from
    each brief's kept preparation.

    A brief's rows are kept apart from the other's only when that gives the same rows:
    every claim has a claim_id (else ids are made from row numbers) and the two briefs
    share none (else _dedupe_claims could match a claim of one brief to a judgment of the
    other).
    """
    from briefkit import storage
    from briefkit.resources import stopwords

    brief = pair["brief_id"].to_numpy()
    masks = [(brief == x, x) for x in dict.fromkeys((a, b))]
    masks = [(mask, x) for mask, x in masks if mask.any()]
    ids = pair["claim_id"].to_numpy() if "claim_id" in pair.columns else None
    if (ids is None or pd.isna(ids).any() or not masks or storage.cache_disabled()
            or len(masks) == 2 and set(ids[masks[0][0]]) & set(ids[masks[1][0]])):
        return _Claims(_prepare_claims(pair, mentions, corpus), None)
    read = _key_columns(pair, [c for c in pair.columns if c in _CLAIM_INPUTS or c == "holder"])
    if "targets" not in pair.columns and mentions is not None and not mentions.empty:
        named = (mentions["brief_id"].to_numpy(),
                 _key_columns(mentions, ["brief_id", "actor", "start", "end"]))
    else:
        named = mentions = None
    kept, missing = {}, {}
    for mask, x in masks:
        key = (x, _brief_text_key(corpus, x), hash(stopwords()), _values_key(read, mask),
               None if named is None else _values_key(named[1], named[0] == x))
        with contextlib.suppress(KeyError):  # another thread may have just forgotten it
            _PREPARED.move_to_end(key)
            kept[x] = _PREPARED[key]
            continue
        missing[x] = key
    if missing:  # prepared together, as before, and kept brief by brief
        briefs = list(missing)
        kept.update(_keep_prepared(missing, pair[np.isin(brief, briefs)], None if named is None
                                   else mentions[np.isin(named[0], briefs)], corpus))
    kept = [kept[x] for _, x in masks if len(kept[x])]
    if not kept:
        return _Claims(_prepare_claims(pair.iloc[:0], None, corpus), [])
    # Each brief's rows are in order and share a date, so the pair's order (date, brief_id,
    # sent_id, no date last) puts one brief's rows whole before the other's.
    kept.sort(key=lambda k: k.date)
    return _Claims.join(kept)


def _keep_prepared(keys: dict, rows: pd.DataFrame, mentions, corpus) -> dict:
    """{brief_id: its prepared claims as _Claims} of the briefs of ``keys`` (brief_id:
    key), prepared from their ``rows`` at once and kept brief by brief under their keys."""
    frame = _prepare_claims(rows, mentions, corpus)
    words = [_claim_tokens(c) for c in frame["content"]]
    ids, out = frame["brief_id"].to_numpy(), {}
    for x, key in keys.items():
        at = np.flatnonzero(ids == x)
        out[x] = _PREPARED[key] = _Claims(frame.iloc[at].reset_index(drop=True),
                                          [words[i] for i in at])
    with contextlib.suppress(KeyError):
        while len(_PREPARED) > PREPARED_ENTRIES:
            _PREPARED.popitem(last=False)
    return out


def _brief_text_key(corpus, brief_id: str) -> tuple:
    """A brief's text (as a digest) and date: what its prepared claims read of the corpus.
    Kept with the corpus object, as its term rows are (_corpus_memo)."""
    import hashlib

    memo = getattr(corpus, "_memo", None)
    name = ("briefkit.compare", "text key", brief_id)
    if isinstance(memo, dict) and name in memo:
        return memo[name]
    briefs = corpus.briefs
    at = np.flatnonzero(briefs["brief_id"].to_numpy() == brief_id)
    text = "".join(str(briefs["text"].iat[i]) for i in at) if "text" in briefs else ""
    dates = tuple(repr(briefs["date"].iat[i]) for i in at) if "date" in briefs else ()
    key = hashlib.sha256(text.encode("utf-8")).hexdigest(), dates
    if isinstance(memo, dict):
        memo[name] = key
    return key


def _key_columns(frame: pd.DataFrame, names: list) -> list[tuple[str, str, np.ndarray]]:
    return [(c, str(frame[c].dtype), frame[c].to_numpy()) for c in names]


def _values_key(columns: list[tuple[str, str, np.ndarray]], rows: np.ndarray) -> tuple:
    """Some rows of these columns as a key compared exactly: numbers by their bytes, other
    values as strings, or as their type and repr (so NaN equals NaN, None differs from 'None')."""
    out = []
    for name, dtype, values in columns:
        part = values[rows]
        if part.dtype.kind in "biufcmM":
            out.append((name, dtype, part.tobytes()))
        else:
            out.append((name, dtype, tuple(v if type(v) is str else (type(v).__name__, repr(v))
                                           for v in part)))
    return tuple(out)


def _match_claims(pair: _Claims, rows_a, rows_b, threshold) -> list[tuple[int, int, float, bool]]:
    """Pairs (i, j, similarity, opposite) of claims of a and of b that state one view.

    The rule of track_claims (same holder, compatible targets, enough shared words,
    similarity at least ``threshold``), matched one to one, most similar pair first; the
    figures of :func:`_claim_vectors` and :func:`_compatible` over the pair's claims.
    """
    vectors = _tfidf_rows(pair.bags)
    bags = [set(b) for b in pair.bags]
    block = np.ix_(rows_a, rows_b)
    ok = (_compatible_sets(pair.actors, pair.anchors) & (_overlaps(bags) >= MIN_SHARED_WORDS))
    ok = ok[block]
    holder = pair.key
    sim = _cosines(vectors[rows_a], vectors[rows_b])
    same_holder = holder[rows_a, None] == holder[None, rows_b]
    pick_a, pick_b = np.nonzero(ok & (sim >= threshold) & same_holder)
    ii, jj, scores = rows_a[pick_a], rows_b[pick_b], sim[pick_a, pick_b]
    polarity = pair.polarity
    used_a, used_b, matches = set(), set(), []
    for k in np.lexsort((-jj, -ii, -scores)):  # most similar first; ties: later rows first
        i, j = int(ii[k]), int(jj[k])
        if i not in used_a and j not in used_b:
            used_a.add(i), used_b.add(j)
            matches.append((i, j, scores[k], bool((polarity[i] * polarity[j] < 0).any())))
    return matches


def _compatible_sets(actors: list[set], anchors: list[set]) -> np.ndarray:
    """:func:`_compatible` from each claim's target actors and anchors (_target_sets,
    _anchors), the anchors' counts taken with a Counter rather than a Series."""
    from collections import Counter

    named = np.array([bool(a) for a in actors], dtype=bool)
    clash = (_overlaps(actors) == 0) & named[:, None] & named[None, :]
    counts = Counter(a for members in anchors for a in members)
    limit = max(ANCHOR_MIN_COMMON, ANCHOR_MAX_SHARE * len(anchors))
    specific = {a for a, n in counts.items() if n <= limit}
    return ~clash & (_overlaps([members & specific for members in anchors]) > 0)


BLAS_ONE_THREAD = 65_536 * 4  # OpenBLAS runs an m x k by k x n product with m*n*k at most
# this on one thread (interface/gemm.c: SMP_THRESHOLD_MIN * GEMM_MULTITHREAD_THRESHOLD)


def _cosines(rows_a: np.ndarray, rows_b: np.ndarray) -> np.ndarray:
    """rows_a @ rows_b.T over the columns both sides use.

    Two briefs' claims make a product small enough for BLAS to run on one thread (at most
    128,520 multiplications over every pair of the sample, 101,520 over the pairs of the 12
    CRS products with most claims), and there BLAS is 30 times faster than summing the
    products (0.01 against 0.3 ms). A larger one is summed as :func:`_similarities` sums (float64, a
    fixed order), so it neither waits for BLAS threads nor depends on their number (a
    float32 BLAS product does: 1 and 2 threads give different last bits).
    """
    used = (rows_a != 0).any(axis=0) & (rows_b != 0).any(axis=0)
    a, b = rows_a[:, used], rows_b[:, used]
    if len(a) * len(b) * a.shape[1] <= BLAS_ONE_THREAD:
        return a @ b.T
    return _similarities(np.vstack([a, b]))[:len(a), len(a):]


def _range_of(claim) -> str:
    return "" if claim is None else format_range(claim["prob_low"], claim["prob_high"])


def _claim_pair(one: Mapping | None, two: Mapping | None, score, opposite: bool = False) -> dict:
    """One row of the diff's claims: a pair, or a claim of one brief alone."""
    both = one is not None and two is not None
    change, note = classify_change(one, two, opposite=opposite) if both else ("", "")
    return {"side": "both" if both else ("a only" if two is None else "b only"),
            "holder": (one if one is not None else two)["holder"],
            "claim_a": "" if one is None else one["content"], "range_a": _range_of(one),
            "claim_b": "" if two is None else two["content"], "range_b": _range_of(two),
            "similarity": score, "change": change, "note": note}
