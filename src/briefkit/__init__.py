"""briefkit: read geopolitical briefs as data.

Load a folder of briefs into tidy pandas tables, then ask who asserts what and with what
certainty, who views the United States (or any actor) how and why, and what changed across
briefs. The notebooks in ``notebooks/`` teach each step.

>>> import briefkit as bk
>>> corpus = bk.Corpus.from_texts(["Moscow insists that the deal will likely hold."])
>>> len(corpus.sentences)
1
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Public names and the module each lives in. Imported on first use, so that
# `import briefkit` stays quick and a module's optional dependencies load only when needed.
_PUBLIC = {
    "Corpus": "corpus",
    "load_corpus": "corpus",
    "sample_path": "corpus",
    "BriefkitWarning": "corpus",
    "BriefkitError": "errors",
    "resources_report": "resources",
    "split_sentences": "text",
    "tokenize_words": "text",
    "normalize_text": "text",
    "parse_date": "loader",
    "load_gazetteer": "actors",
    "find_mentions": "actors",
    "find_actors": "actors",
    "resolve_actor": "actors",
    "extract_claims": "claims",
    "judgment_summary": "claims",
    "score_target": "sentiment",
    "sentiment_toward": "sentiment",
    "us_tone_by_brief": "sentiment",
    "us_tone_by_holder": "sentiment",
    "tone_timeline": "sentiment",
    "keyness": "compare",
    "brief_similarity": "compare",
    "nearest_briefs": "compare",
    "actor_timeline": "compare",
    "co_mentions": "compare",
    "tone_summary": "compare",
    "track_claims": "compare",
    "claim_timeline": "compare",
    "diff_briefs": "compare",
    "provenance": "provenance",
    "provenance_table": "provenance",
    "export_tables": "export",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'briefkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"briefkit.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(__all__)
