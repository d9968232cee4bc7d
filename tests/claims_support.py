"""A helper the claims and holder tests share: the views a sentence reports, as tuples of
the fields a test reads."""

from __future__ import annotations

from briefkit.reported import find_holders


def views_of(*fields):
    """A function of (sentence, previous=None) giving, for every view the sentence reports,
    the tuple of those fields of it ("holder", "cue", "content", ...)."""
    def views(sentence, previous=None):
        return [tuple(getattr(h, f) for f in fields)
                for h in find_holders(sentence, previous=previous)]
    views.__doc__ = f"({', '.join(fields)}) of every view a sentence reports."
    return views
