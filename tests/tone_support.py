"""Helpers shared by the tone tests (pytest puts tests/ on sys.path): score a named target,
and read which feature each word of a sentence fed."""

from __future__ import annotations

import re

from briefkit.sentiment import score_target, target_features


def score_named(text: str, name: str, **options):
    """score_target for the first occurrence of ``name`` in ``text``."""
    start = text.index(name)
    return score_target(text, start, start + len(name), **options)


def word_features(text: str, name: str, **options) -> dict:
    """Each word's feature for the mentions of ``name`` (words counted for nothing are left
    out)."""
    spans = [m.span() for m in re.finditer(re.escape(name), text)]
    _, hits = target_features(text, spans, **options)
    return {h.cue.text: h.feature for h in hits if h.cue is not None and h.value}
