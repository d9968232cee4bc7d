"""briefkit.resources: packaged word lists, and NLTK's data used offline first."""

from __future__ import annotations

import os
import zipfile

import pytest

from briefkit import resources
from briefkit.errors import DataError

pytestmark = pytest.mark.offline


def test_abbreviation_kinds():
    kinds = resources.abbreviation_kinds()
    assert kinds["gen"] == "title" and kinds["e.g"] == "title"
    assert kinds["no"] == "numbered" and kinds["p"] == "numbered"
    assert kinds["u.s"] == "general" and kinds["dec"] == "general"
    assert "sun" not in kinds and "sat" not in kinds  # ordinary words too often
    assert resources.abbreviations() == frozenset(kinds)
    assert all(k == k.lower() and not k.endswith(".") for k in kinds)


def test_an_unknown_abbreviation_section_is_an_error(monkeypatch):
    monkeypatch.setattr(resources, "read_data_lines", lambda name: ["[nonsense]", "x"])
    with pytest.raises(DataError, match="unknown section"):
        resources.abbreviation_kinds.__wrapped__()


def test_stopwords_are_the_same_in_both_modes(shared):
    """briefkit's own list holds all of NLTK's English list, so is_stop never depends on the mode."""
    archive = shared / "nltk_data" / "corpora" / "stopwords.zip"
    if not archive.exists():
        pytest.skip("no NLTK stopwords in ../shared")
    nltk_words = set(zipfile.ZipFile(archive).read("stopwords/english").decode().split())
    own = set(resources.read_data_lines("stopwords.txt"))
    assert nltk_words <= own
    assert resources.stopwords() == frozenset(own)


def test_stopwords_basics():
    words = resources.stopwords()
    assert {"the", "and", "of", "'s"} <= words
    assert "russia" not in words and "sanctions" not in words


def test_resources_report():
    report = resources.resources_report()
    assert set(report) == {"mode", "pos_tagger", "sentence_splitter", "stopwords", "vader_lexicon"}
    assert report["mode"] in {"nltk", "fallback", "mixed"}
    nltk_data = os.environ.get("NLTK_DATA", "")
    if nltk_data and os.path.isdir(nltk_data) and not os.listdir(nltk_data):
        assert report["mode"] == "fallback"
        assert report["sentence_splitter"].startswith("fallback")
        assert not resources.has_tagger()


def test_pos_tag():
    tags = resources.pos_tag(["Russia", "objected", "."])
    assert len(tags) == 3
    if resources.has_tagger():
        assert tags[0].startswith("NNP") and tags[2] == "."
    else:
        assert tags == ["", "", ""]
    assert resources.pos_tag([]) == []


def test_no_download_when_told_not_to(monkeypatch):
    import nltk

    def missing(*args, **kwargs):
        raise LookupError("not installed")

    def download(*args, **kwargs):
        raise AssertionError("tried to download")

    monkeypatch.setattr(nltk.data, "find", missing)
    monkeypatch.setattr(nltk, "download", download)
    monkeypatch.setenv("BRIEFKIT_DOWNLOAD", "0")
    assert resources.nltk_resource.__wrapped__("punkt_tab") is None


def test_one_quiet_download_attempt(monkeypatch, capsys):
    import nltk

    calls = []

    def missing(*args, **kwargs):
        raise LookupError("not installed")

    def download(package, **kwargs):
        calls.append(package)
        print("a noisy failure message")
        return False

    monkeypatch.setattr(nltk.data, "find", missing)
    monkeypatch.setattr(nltk, "download", download)
    monkeypatch.setenv("BRIEFKIT_DOWNLOAD", "1")
    assert resources.nltk_resource.__wrapped__("tagger") is None
    assert calls == ["averaged_perceptron_tagger_eng"]
    assert "noisy" not in capsys.readouterr().out


def test_read_data_csv_errors():
    with pytest.raises(DataError, match="no-such-table.csv"):
        resources.read_data_csv.__wrapped__("no-such-table.csv")
