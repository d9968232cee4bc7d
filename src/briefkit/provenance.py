"""Provenance of a run: versions, NLTK resource mode, the corpus's content hash, parameters.

Every notebook prints it and the report writes it to ``provenance.json``, so that an
analysis can be handed on and checked.

>>> record = provenance(parameters={"sample": True})
>>> record["briefkit"] == __import__("briefkit").__version__
True
"""

from __future__ import annotations

import datetime as _dt
import platform
from importlib import metadata

from briefkit import __version__
from briefkit.resources import resources_report

KEY_PACKAGES = ("pandas", "numpy", "nltk", "vaderSentiment", "seaborn", "matplotlib",
                "ipywidgets", "pyarrow", "papermill")


def package_versions(names=KEY_PACKAGES) -> dict[str, str]:
    """Installed versions of the packages briefkit's results depend on."""
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def provenance(*, corpus=None, briefs_path=None, parameters: dict | None = None) -> dict:
    """A record of what produced a result.

    Args:
        corpus: the Corpus analysed (its content hash and size are recorded).
        briefs_path: where the briefs came from (loaded to hash them when no corpus is given).
        parameters: the notebook's or command's parameters.
    """
    if corpus is None:
        from briefkit.corpus import load_corpus, sample_path

        try:
            corpus = load_corpus(briefs_path or sample_path(), progress=False)
        except Exception:  # provenance must never be what breaks a run
            corpus = None
    resources = resources_report()
    return {
        "briefkit": __version__,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "packages": package_versions(),
        "nltk_resources": resources["mode"],
        "corpus_path": str(briefs_path) if briefs_path else "sample corpus (data/briefs)",
        "corpus_sha256": corpus.fingerprint if corpus is not None else None,
        "briefs": len(corpus) if corpus is not None else None,
        "parameters": parameters or {},
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }
