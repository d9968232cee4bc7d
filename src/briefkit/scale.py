"""The same pipeline on Dask, for corpora beyond one machine; and the pipeline's cache.

:func:`run_pipeline` runs briefkit's pipeline on one corpus (tokens, actor mentions,
claims, sentiment toward a target) and returns its tables; with ``cache=True`` each
analysis table is kept in ``.briefkit-cache/`` as Parquet under the corpus's fingerprint,
the options and a hash of the code and word lists that shaped it, so a second run on the
same briefs reads the tables back instead of recomputing them. Nothing is unpickled.

:func:`analyze` runs that pipeline with Dask: a ``dask.bag`` over the files, in partitions
of briefs, on the caller's ``distributed.Client`` (or a LocalCluster on 127.0.0.1, closed
afterwards). Each partition's tables are written as Parquet files (atomically: a temporary
file, then a rename) under ``out/<table>/``, and :func:`load_results` reads them back as
pandas or dask DataFrames. Brief ids and duplicates are decided over the whole corpus,
so the tables equal those of one machine row for row.

Dask is optional (``pip install "briefkit[scale]"``): ``import briefkit`` never imports it,
and :func:`analyze` says which extra to install when it is missing.

>>> from briefkit.corpus import Corpus
>>> tables = run_pipeline(Corpus.from_texts(["Moscow blamed Washington."]), cache=False)
>>> tables["sentiment"][["target_text", "label"]].values.tolist()
[['Washington', 'negative']]
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from briefkit import __version__, loader, storage
from briefkit import corpus as corpus_mod
from briefkit.corpus import Corpus
from briefkit.errors import BriefkitError, MissingPathError

# The pipeline's stages after loading, the module and function of each, in running order.
STAGES = {
    "mentions": ("actors", "find_mentions"),
    "claims": ("claims", "extract_claims"),
    "sentiment": ("sentiment", "sentiment_toward"),
}
CORPUS_TABLES = ("briefs", "paragraphs", "sentences", "tokens")
TABLES = (*CORPUS_TABLES, *STAGES, "skipped")
DEFAULT_TARGET = "United States"
PARTITION_SIZE = 100
# One process is enough below this many briefs (as for load_corpus's process pool).
PARALLEL_MIN_BRIEFS = corpus_mod.PARALLEL_MIN_FILES
CHUNK_BRIEFS = 100
SCALE_EXTRA = 'pip install "briefkit[scale]"'
_MANIFEST = "_briefkit.json"


class StageUnavailable(RuntimeError):
    """A stage's module is not part of this briefkit yet (or failed to import)."""


# --- one machine ---------------------------------------------------------------------------


def stage_function(stage: str) -> Callable:
    """The public function of a stage ('mentions', 'claims', 'sentiment').

    Raises StageUnavailable when its module is missing or does not import.
    """
    module, name = STAGES[stage]
    try:
        return getattr(importlib.import_module(f"briefkit.{module}"), name)
    except (ImportError, AttributeError) as exc:
        raise StageUnavailable(f"briefkit.{module}.{name} is not available ({exc})") from exc
    except Exception as exc:
        raise StageUnavailable(f"briefkit.{module} failed to import "
                               f"({type(exc).__name__}: {exc})") from exc


def analysis_fingerprint() -> str:
    """A hash of the code and word lists that shape the analysis tables: every module and
    data file of the package, the sentence splitter's mode, NLTK's tagger and stopwords and
    the vaderSentiment version (:func:`briefkit.storage.package_fingerprint`)."""
    return storage.package_fingerprint()


def run_stage(corpus: Corpus, stage: str, *, target: str = DEFAULT_TARGET,
              cache: bool = True, workers: int | None = 1, pool=None) -> pd.DataFrame:
    """One table of the pipeline for a corpus, read from the cache when it holds it.

    Args:
        corpus: a :class:`~briefkit.corpus.Corpus`.
        stage: 'tokens', 'mentions', 'claims' or 'sentiment' (toward ``target``).
        target: the actor of the sentiment stage.
        cache: read and write the table in ``.briefkit-cache/`` (Parquet, keyed by the
            corpus's content, the stage, its options, briefkit's version and code): the
            stage function's own cache where it has one (``storage.cached_table``), else
            ``.briefkit-cache/analysis``. The tokens of one process are ``corpus.tokens``,
            which keeps its own cache.
        workers: processes; above 1, the corpus is cut into chunks of whole briefs, each
            analysed in a process of a pool. No table depends on other briefs, so the
            tables are the same. None: all cores for 200 briefs or more.
        pool: a :class:`ChunkPool` to use (and keep) instead of starting one.

    >>> c = Corpus.from_texts(["Putin met Erdoğan."])
    >>> run_stage(c, "mentions", cache=False)["actor"].tolist()
    ['Vladimir Putin', 'Recep Tayyip Erdoğan']
    """
    func = None if stage == "tokens" else stage_function(stage)
    workers = _workers(corpus, workers if pool is None else pool.workers)
    if stage == "tokens" and workers <= 1:
        return corpus.tokens if cache else corpus_mod.tokenize_sentences(corpus.sentences)
    args = (target,) if stage == "sentiment" else ()
    if func is not None and hasattr(func, "lookup"):
        frame = func.lookup(corpus, *args) if cache else None
        if frame is None:
            frame = _compute(corpus, stage, target, workers, pool, cache)
            if cache:
                func.store(frame, corpus, *args)
        return frame
    key = storage.cache_key("analysis", stage, corpus.content_key, list(args),
                            analysis_fingerprint())
    frame = storage.read_cached_table("analysis", key) if cache else None
    if frame is None:
        frame = _compute(corpus, stage, target, workers, pool, cache)
        if cache:
            storage.write_cached_table("analysis", key, frame)
    if stage == "tokens" and cache:
        corpus._tokens.setdefault("frame", frame)
    return frame


def _compute(corpus: Corpus, stage: str, target: str, workers: int, pool, cache: bool):
    if workers <= 1:
        return _stage_table(corpus, stage, target, cache)
    if pool is not None:
        return pool.run(corpus, stage, target, cache=cache)
    with ChunkPool(workers) as own:
        return own.run(corpus, stage, target, cache=cache)


def _workers(corpus: Corpus, workers: int | None) -> int:
    if workers is None:
        return (os.cpu_count() or 1) if len(corpus) >= PARALLEL_MIN_BRIEFS else 1
    return max(1, int(workers))


def _stage_table(corpus: Corpus, stage: str, target: str, cache: bool = True) -> pd.DataFrame:
    """A stage's table computed here, in this process (through the function's own cache,
    unless ``cache`` is False)."""
    if stage == "tokens":
        return corpus_mod.tokenize_sentences(corpus.sentences)
    func = stage_function(stage)
    if not cache:
        func = getattr(func, "__wrapped__", func)
    return func(corpus, target) if stage == "sentiment" else func(corpus)


def _chunk_table(args) -> pd.DataFrame:
    return _stage_table(*args)


class ChunkPool:
    """A process pool that runs a stage on chunks of whole briefs (started on first use).

    Use it as a context manager; ``run`` cuts a corpus into about four chunks per process
    (at most ``CHUNK_BRIEFS`` briefs each), analyses them in the pool and joins the tables
    in corpus order.
    """

    def __init__(self, workers: int):
        self.workers = max(1, int(workers))
        self._executor = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown()
            self._executor = None

    def run(self, corpus: Corpus, stage: str, target: str = DEFAULT_TARGET, *,
            cache: bool = True) -> pd.DataFrame:
        chunks = split_corpus(corpus, parts=self.workers * 4, max_briefs=CHUNK_BRIEFS)
        if len(chunks) <= 1 or self.workers <= 1:
            return _stage_table(corpus, stage, target, cache)
        if self._executor is None:
            from concurrent.futures import ProcessPoolExecutor

            self._executor = ProcessPoolExecutor(max_workers=self.workers)
        parts = list(self._executor.map(_chunk_table,
                                        [(c, stage, target, cache) for c in chunks]))
        kept = [p for p in parts if len(p)] or parts[:1]
        if stage == "tokens":
            return corpus_mod.join_tokens(kept, corpus.briefs["brief_id"])
        return pd.concat(kept, ignore_index=True)


def split_corpus(corpus: Corpus, *, parts: int, max_briefs: int = CHUNK_BRIEFS) -> list[Corpus]:
    """The corpus cut into consecutive chunks of whole briefs (in corpus order).

    >>> c = Corpus.from_texts(["Iran acts.", "Russia acts.", "China acts."])
    >>> [len(chunk) for chunk in split_corpus(c, parts=2)]
    [2, 1]
    """
    n = len(corpus)
    size = max(1, min(max_briefs, -(-n // max(1, parts))))
    rank = {bid: i for i, bid in enumerate(corpus.briefs["brief_id"])}
    tables = [corpus.briefs, corpus.paragraphs, corpus.sentences]
    ranks = [t["brief_id"].map(rank).to_numpy() for t in tables]
    if any(len(r) and (np.diff(r) < 0).any() for r in ranks):
        return [corpus.subset(corpus.briefs["brief_id"].iloc[i:i + size])
                for i in range(0, n, size)]
    chunks = []
    for first in range(0, n, size):
        cut = [np.searchsorted(r, [first, first + size]) for r in ranks]
        briefs, paragraphs, sentences = (t.iloc[a:b].reset_index(drop=True)
                                         for t, (a, b) in zip(tables, cut))
        chunks.append(Corpus(briefs, paragraphs, sentences))
    return chunks


def object_columns(frame: pd.DataFrame) -> list[str]:
    """The columns of plain Python objects (strings with None, mixed values)."""
    return [str(c) for c in frame.columns if frame[c].dtype == object]


def restore_objects(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """``frame`` with ``columns`` back as object columns holding None for missing values.

    Parquet brings a column of strings and None back as pandas' string dtype with NaN;
    this undoes that, so a table read back equals the table written.

    >>> f = pd.DataFrame({"cue": pd.Series(["say", None], dtype=object)})
    >>> back = restore_objects(f.astype("str"), ["cue"])
    >>> back["cue"].tolist(), back["cue"].dtype == object
    (['say', None], True)
    """
    frame = frame.copy()
    for column in columns:
        if column in frame.columns and frame[column].dtype != object:
            values = frame[column].astype(object)
            frame[column] = values.where(frame[column].notna(), None)
    return frame


def run_pipeline(corpus: Corpus, *, target: str = DEFAULT_TARGET, tokens: bool = True,
                 cache: bool = True, workers: int | None = None) -> dict[str, pd.DataFrame]:
    """briefkit's pipeline on one corpus: its tables by name.

    Args:
        corpus: a :class:`~briefkit.corpus.Corpus`.
        target: the actor of the sentiment table.
        tokens: include the tokens table (the slowest to build: POS tagging).
        cache: keep the analysis tables in ``.briefkit-cache/`` (see :func:`run_stage`).
        workers: processes (default: all cores for 200 briefs or more); one pool serves
            every stage.

    Returns:
        A dict with the corpus's tables (``briefs``, ``paragraphs``, ``sentences``,
        ``tokens``, ``skipped``) and ``mentions``, ``claims``, ``sentiment``.
    """
    tables = {"briefs": corpus.briefs, "paragraphs": corpus.paragraphs,
              "sentences": corpus.sentences, "skipped": corpus.skipped}
    with ChunkPool(_workers(corpus, workers)) as pool:
        for stage in (["tokens"] if tokens else []) + list(STAGES):
            tables[stage] = run_stage(corpus, stage, target=target, cache=cache, pool=pool)
    return {name: tables[name] for name in TABLES if name in tables}


# --- Dask ----------------------------------------------------------------------------------


def _require_dask():
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ImportError(f"briefkit.scale needs Dask and distributed, which are not "
                          f"installed: {SCALE_EXTRA}") from exc


def analyze(paths, *, client=None, out: str | os.PathLike | None = None,
            partition_size: int = PARTITION_SIZE, target: str = DEFAULT_TARGET,
            tokens: bool = True, cache: bool = True, max_bytes: int | None = None,
            manifest: bool = True) -> Path:
    """Run briefkit's pipeline with Dask and write every table as partitioned Parquet.

    Args:
        paths: a file, a folder (recursively) or a list of them, as for ``load_corpus``.
        client: a ``distributed.Client``; None starts a LocalCluster on 127.0.0.1 (one
            single-threaded worker process per core) and closes it afterwards.
        out: the output folder (default ``build/scale``); its tables are replaced.
        partition_size: files per partition (each partition is one task per stage).
        target: the actor of the sentiment table.
        tokens: write the tokens table too.
        cache: use briefkit's cache on the workers (``BRIEFKIT_CACHE``).
        max_bytes, manifest: as for ``load_corpus``.

    Returns:
        The output folder: ``<table>/part-<n>.parquet`` for each table of
        :data:`TABLES` (``skipped`` as one file), read back by :func:`load_results`.

    Files that cannot be read are skipped (listed in the ``skipped`` table), as when
    ``load_corpus`` loads a folder.

    >>> analyze("data/briefs", out="build/scale")  # doctest: +SKIP
    """
    _require_dask()
    out = Path(out) if out is not None else _default_out()
    if isinstance(paths, (str, os.PathLike)) and not os.path.lexists(paths):
        raise MissingPathError(paths, "no such file or folder")
    limit = loader.max_bytes_default() if max_bytes is None else int(max_bytes)
    files, skipped = corpus_mod.find_brief_files(paths)
    own_client = client is None
    if own_client:
        client = _local_client()
    try:
        return _analyze(client, files, list(skipped), out, partition_size=partition_size,
                        target=target, tokens=tokens, cache=cache, max_bytes=limit,
                        manifest=manifest)
    finally:
        if own_client:
            cluster = client.cluster
            client.close()
            cluster.close()


def _default_out() -> Path:
    from briefkit.paths import build_dir

    return build_dir() / "scale"


def _local_client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1,
                           processes=True, host="127.0.0.1", dashboard_address=None)
    return Client(cluster)


def _analyze(client, files, skipped, out: Path, *, partition_size, target, tokens, cache,
             max_bytes, manifest) -> Path:
    import dask.bag as db

    options = {"max_bytes": max_bytes, "cache": cache, "manifest": manifest}
    if files:
        bag = db.from_sequence(list(enumerate(files)), partition_size=max(1, partition_size))
        parts = client.persist(bag.map_partitions(_read_partition, **options))
        summaries = client.compute(parts.map_partitions(_partition_summary)).result()
    else:
        parts, summaries = None, []
    ids, meta_schema, more_skipped = _assign_ids(summaries)
    skipped.extend(more_skipped)
    _clear_tables(out)
    if parts is not None:
        id_bag = db.from_sequence([ids[s["part"]] for s in summaries],
                                  npartitions=len(summaries))
        run = parts.map_partitions(_analyze_partition, id_bag, out=str(out), target=target,
                                   tokens=tokens, cache=cache, meta_schema=meta_schema)
        client.compute(run).result()
    storage.atomic_write_frame(out / "skipped" / "part-00000000.parquet",
                               pd.DataFrame(skipped, columns=corpus_mod.SKIPPED_COLUMNS))
    storage.atomic_write_json(out / _MANIFEST, {
        "briefkit": __version__, "target": target, "tokens": tokens,
        "partitions": len(summaries), "briefs": sum(len(v) for v in ids.values()),
        "tables": [t for t in TABLES if tokens or t != "tokens"]})
    return out


def _clear_tables(out: Path) -> None:
    """Remove the tables of an earlier run (only briefkit's own table folders)."""
    for table in TABLES:
        folder = out / table
        if folder.is_dir() and all(p.suffix == ".parquet" or p.name.endswith(".tmp")
                                   for p in folder.iterdir()):
            shutil.rmtree(folder)
    with_manifest = out / _MANIFEST
    if with_manifest.exists():
        with_manifest.unlink()


def _read_partition(items, *, max_bytes: int, cache: bool, manifest: bool) -> list[dict]:
    """Read one partition's files, as ``load_corpus`` does: records and what was skipped."""
    items = list(items)
    records, skipped, manifests = [], [], {}
    for _, path in items:
        path, file_records, problems, error = corpus_mod._load_file_safe((path, max_bytes, cache))
        if error is not None:
            skipped.append((path, error[1]))
            continue
        skipped.extend(problems)
        if manifest:
            row = corpus_mod._manifest_row(path, manifests, skipped, False)
            file_records = ([corpus_mod._apply_manifest(r, row) for r in file_records]
                            if row else file_records)
        records.extend(file_records)
    return [{"part": items[0][0] if items else -1, "records": records, "skipped": skipped}]


def _partition_summary(parts) -> list[dict]:
    """What the brief ids and duplicates are decided from: no texts."""
    out = []
    for part in parts:
        out.append({"part": part["part"], "skipped": part["skipped"], "records": [
            {"path": r["path"], "date": r["date"], "title": r["title"], "sha256": r["sha256"],
             "meta": r["meta"]} for r in part["records"]]})
    return out


def _assign_ids(summaries: list[dict]):
    """Brief ids over the whole corpus, as ``load_corpus`` gives them.

    Returns ``{part: {path: brief_id}}`` (duplicates left out), the meta columns of the
    briefs table with those that hold integers, and the skipped duplicates.
    """
    records = [(s["part"], r) for s in summaries for r in s["records"]]
    skipped = [tuple(p) for s in summaries for p in s["skipped"]]
    records.sort(key=lambda pr: (pr[1]["date"] or "9999", pr[1]["path"]))
    ids: dict[int, dict[str, str]] = {s["part"]: {} for s in summaries}
    seen: dict[str, str] = {}
    used: dict[str, int] = {}
    kept = []
    for part, record in records:
        first = seen.setdefault(record["sha256"], record["path"])
        if first != record["path"]:
            skipped.append((record["path"], f"duplicate: same text as {first}"))
            continue
        base = corpus_mod._brief_id(record)
        used[base] = used.get(base, 0) + 1
        ids[part][record["path"]] = base if used[base] == 1 else f"{base}-{used[base]}"
        kept.append(record)
    return ids, _meta_schema(kept), skipped


def _meta_schema(records: list[dict]) -> dict:
    """The briefs table's meta columns over the whole corpus, and which hold integers."""
    fixed = set(corpus_mod.BRIEF_COLUMNS) | set(corpus_mod.BRIEF_EXTRA_COLUMNS) | {"brief_id"}
    keys = sorted({k for r in records for k in r["meta"]} - fixed)
    ints = []
    for key in keys:
        values = [r["meta"].get(key, "") for r in records]
        if any(values) and all(v == "" or corpus_mod._INT_RE.fullmatch(v) for v in values):
            ints.append(key)
    return {"keys": keys, "ints": ints}


def _analyze_partition(parts, id_maps, *, out: str, target: str, tokens: bool, cache: bool,
                       meta_schema: dict) -> list[dict]:
    """Build one partition's corpus with the global ids, run the pipeline, write its tables."""
    done = []
    for part, ids in zip(parts, id_maps):
        kept = []
        for record in part["records"]:
            if record["path"] in ids:
                kept.append({**record, "brief_id": ids[record["path"]]})
        kept.sort(key=lambda r: (r["date"] or "9999", r["path"]))
        if not kept:
            done.append({"part": part["part"], "briefs": 0})
            continue
        corpus = Corpus(*corpus_mod._tables(kept))
        tables = run_pipeline(corpus, target=target, tokens=tokens, cache=cache, workers=1)
        tables["briefs"] = _conform_briefs(tables["briefs"], meta_schema)
        for name, frame in tables.items():
            if name == "skipped":
                continue
            path = Path(out) / name / f"part-{part['part']:08d}.parquet"
            storage.atomic_write_frame(path, frame.reset_index(drop=True), fsync=False)
        done.append({"part": part["part"], "briefs": len(kept)})
    return done


def _conform_briefs(briefs: pd.DataFrame, schema: dict) -> pd.DataFrame:
    """A partition's briefs table with the whole corpus's meta columns and their types."""
    base = corpus_mod.BRIEF_COLUMNS + corpus_mod.BRIEF_EXTRA_COLUMNS
    frame = briefs[base].copy()
    for key in schema["keys"]:
        values = briefs[key] if key in briefs.columns else pd.Series("", index=briefs.index)
        if key in schema["ints"]:
            values = pd.array([None if v in ("", None) or pd.isna(v) else int(v)
                               for v in values], dtype="Int64")
        else:
            values = values.astype(str)
        frame[key] = values
    return frame


def load_results(out: str | os.PathLike, *, tables=None, as_dask: bool = False) -> dict:
    """Read the tables :func:`analyze` wrote.

    Args:
        out: the folder given to :func:`analyze`.
        tables: names to read (default: every table written).
        as_dask: return dask DataFrames (one partition per file) instead of pandas.

    Returns:
        A dict of DataFrames by table name. As pandas, rows are in the order
        ``load_corpus`` gives (briefs by date, then path; each brief's rows in text order),
        so the tables equal those of :func:`run_pipeline` on one machine.
    """
    out = Path(out)
    info_path = out / _MANIFEST
    if not info_path.exists():
        raise MissingPathError(out, "no briefkit.scale results here (run briefkit.scale.analyze)")
    info = json.loads(info_path.read_text(encoding="utf-8"))
    names = list(info["tables"] if tables is None else tables)
    unknown = [n for n in names if n not in info["tables"]]
    if unknown:
        raise BriefkitError(out, f"no table {', '.join(unknown)} here; "
                                 f"written: {', '.join(info['tables'])}")
    if as_dask:
        _require_dask()
        import dask.dataframe as dd

        return {n: dd.read_parquet(sorted(str(p) for p in (out / n).glob("*.parquet")))
                for n in names}
    frames = {n: _read_table(out / n) for n in names}
    order = _brief_order(out / "briefs")
    frames = {n: (f if n == "skipped" else _in_order(f, order)) for n, f in frames.items()}
    if "tokens" in frames and len(frames["tokens"].columns):
        frames["tokens"] = corpus_mod.join_tokens([frames["tokens"]], sorted(order, key=order.get))
    return frames


def _read_table(folder: Path) -> pd.DataFrame:
    files = sorted(folder.glob("*.parquet"))
    if not files:
        return pd.DataFrame()
    parts = [_read_parquet(p) for p in files]
    nonempty = [p for p in parts if len(p)] or parts[:1]
    return pd.concat(_same_categories(nonempty), ignore_index=True)


def _same_categories(parts: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """Parts whose categorical columns share one set of categories (the union, in order of
    first appearance), so that joining them keeps the columns categorical."""
    first = parts[0]
    for column in first.columns:
        if isinstance(first[column].dtype, pd.CategoricalDtype) and len(parts) > 1:
            union = pd.Index(pd.unique(np.concatenate(
                [np.asarray(p[column].cat.categories, dtype=object) for p in parts])))
            dtype = pd.CategoricalDtype(union, ordered=False)
            parts = [p.assign(**{column: p[column].astype(dtype)}) for p in parts]
    return parts


def _read_parquet(path: Path) -> pd.DataFrame:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    meta = table.schema.pandas_metadata or {}
    objects = [c["name"] for c in meta.get("columns", []) if c.get("numpy_type") == "object"]
    return restore_objects(table.to_pandas(), objects)


def _brief_order(folder: Path) -> dict[str, int]:
    briefs = _read_table(folder)
    if briefs.empty:
        return {}
    dates = briefs["date"].dt.strftime("%Y-%m-%d").fillna("9999")
    keys = sorted(zip(dates, briefs["path"], briefs["brief_id"]))
    return {bid: i for i, (_, _, bid) in enumerate(keys)}


def _in_order(frame: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    """Rows by the briefs' corpus order, each brief's rows kept in the order written."""
    if frame.empty or "brief_id" not in frame.columns:
        return frame
    ids = frame["brief_id"]
    if isinstance(ids.dtype, pd.CategoricalDtype):  # rank each category once
        ranks = np.array([order.get(c, len(order)) for c in ids.cat.categories] + [len(order)])
        rank = ranks[ids.cat.codes.to_numpy()]  # code -1 (missing) takes the last rank
    else:
        rank = ids.map(order).to_numpy()
    return frame.iloc[np.argsort(rank, kind="stable")].reset_index(drop=True)
