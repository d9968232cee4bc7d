"""Bad input, each a test (issue 9): a folder of good briefs beside everything that goes wrong.

Every good brief loads; every bad one is skipped with its reason in ``corpus.skipped`` (or
raised with ``strict=True`` as a BriefkitError subclass naming the file); nothing hangs;
no input file is written to or touched. Large files are generated here, never committed.
"""

from __future__ import annotations

import codecs
import io
import os
import shutil
import time
import warnings
from pathlib import Path

import pytest

import briefkit as bk
from briefkit import errors, loader

pytestmark = pytest.mark.offline

GOOD_TEXT = (
    "June 1, 2017\n\nGulf States Weigh a New Customs Union\n\n"
    "• Riyadh wants a single tariff by next year\n\n"
    "The U.S. Treasury has said little about the plan. Gen. Votel told Congress on Dec. 28 "
    "that the Gulf’s “quarrels” were a risk.\n"
)
SMART_QUOTES = "“Quoted” and ‘quoted’ – dash — and the café’s owner said so."
NON_LATIN_NAME = "brief with spaces — Тегеран и Москва 北京.txt"


def _pdf_files(folder: Path, make_pdf) -> dict[str, str]:
    try:
        import pypdf
    except ImportError:
        return {}
    good = make_pdf(["May 2, 2017", "", "A Pipeline Through Turkey", "",
                     "Ankara and Moscow signed the pipeline deal in October.",
                     "Construction starts next year."])
    (folder / "good.pdf").write_bytes(good)
    (folder / "corrupt.pdf").write_bytes(good[:200] + b"\x00garbage" * 50)
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(good)))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    (folder / "encrypted.pdf").write_bytes(buffer.getvalue())
    return {"corrupt.pdf": "corrupt or unreadable PDF", "encrypted.pdf": "encrypted"}


def build_bad_folder(folder: Path, fixtures_dir: Path, make_pdf) -> dict[str, str]:
    """Write good and bad inputs; return {bad file name: expected words of its reason}."""
    folder.mkdir()
    for fixture in ("2016-03-02-ankara-and-moscow.txt", "crs-field.md", "front-matter.md",
                    "page.html", "wire.jsonl"):
        shutil.copy(fixtures_dir / "briefs" / fixture, folder / fixture)
    (folder / NON_LATIN_NAME).write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "same brief, second name.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "nul-inside.txt").write_bytes(
        b"Iran\x00 and Russia\x00 agreed on a plan. Turkey waited.")
    (folder / "invalid-utf8.txt").write_bytes(
        "Caf\u00e9 talks in Doha ended early.".encode("cp1252"))
    (folder / "cp1252-quotes.txt").write_bytes(SMART_QUOTES.encode("cp1252"))
    (folder / "utf16-bom.txt").write_bytes("Seoul hosts the talks. Tokyo waits.".encode("utf-16"))
    (folder / "utf16-nobom.txt").write_bytes(
        "Hanoi hosts the talks. Manila waits.".encode("utf-16-le"))
    (folder / "hostile.html").write_text(
        "<html><head><title>Hostile Page</title><style>p{color:red}</style>"
        "<script>alert('style and script must go')</script></head><body>"
        + "<div>" * 5000 + "<p>Deep but readable text survives.</p>"
        + "<iframe src='https://evil.example'>iframe body must go</iframe>"
        + "</div>" * 5000 + "<script>document.cookie</script></body></html>",
        encoding="utf-8",
    )
    bad = {
        "empty.txt": "empty",
        "whitespace.txt": "only whitespace",
        "png-bytes.txt": "PNG",
        "picture.png": "not a brief format",
        "bad-yaml.md": "malformed YAML",
        "huge.txt": "over the limit",
        "wire.jsonl#L2": "not valid JSON",
        "wire.jsonl#L4": "no text field",
        "wire.jsonl#L5": "not a JSON object",
        "same brief, second name.txt": "duplicate",
        "loop-a.txt": "symbolic link loop",
        "loop-b.txt": "symbolic link loop",
        "loopdir": "symbolic link to a folder",
        **_pdf_files(folder, make_pdf),
    }
    (folder / "empty.txt").write_bytes(b"")
    (folder / "whitespace.txt").write_bytes(b"  \n\t\r\n   \n")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    (folder / "png-bytes.txt").write_bytes(png)
    (folder / "picture.png").write_bytes(png)
    (folder / "bad-yaml.md").write_text("---\ntitle: [unclosed\ndate: 2016-01-01\n---\nBody.\n")
    with open(folder / "huge.txt", "wb") as handle:  # 50 MB, over the 20 MB default limit
        block = b"The Gulf states met again and agreed on nothing new. " * 20_000
        while handle.tell() < 50_000_000:
            handle.write(block)
    # 10 MB on one line, under the limit: loads, and quickly.
    words = b"oil sanctions ceasefire coalition talks pipeline embargo tariff "
    (folder / "one-line.txt").write_bytes(words * (10_000_000 // len(words)))
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink(".", folder / "loopdir")
    return bad


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every path's bytes (or link target) and mtime, without following links."""
    state = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            info = os.lstat(path)
            if os.path.islink(path):
                state[path] = ("link", os.readlink(path), info.st_mtime_ns)
            elif os.path.isfile(path):
                with open(path, "rb") as handle:
                    state[path] = ("file", handle.read(), info.st_mtime_ns)
            else:
                state[path] = ("dir", None, None)
    return state


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory, fixtures_dir, make_pdf):
    if os.name != "posix":
        pytest.skip("the folder holds symbolic links")
    folder = tmp_path_factory.mktemp("bad-input") / "briefs"
    return folder, build_bad_folder(folder, fixtures_dir, make_pdf)


@pytest.fixture(scope="module")
def loaded(bad_folder, tmp_path_factory):
    folder, _ = bad_folder
    before = snapshot(folder)
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings(record=True) as caught:
        patch.setenv("BRIEFKIT_CACHE", str(tmp_path_factory.mktemp("bad-input-cache")))
        warnings.simplefilter("always")
        start = time.perf_counter()
        corpus = bk.load_corpus(folder, progress=False)
        elapsed = time.perf_counter() - start
    return corpus, before, caught, elapsed


def skipped_reasons(corpus) -> dict[str, str]:
    def shown(p):
        line = "#L" + p.split("#L")[1] if "#L" in p else ""
        return os.path.relpath(p.split("#L")[0], start=_root(corpus)) + line

    return {shown(p): r for p, r in corpus.skipped[["path", "reason"]].itertuples(index=False)}


def _root(corpus) -> str:
    return os.path.dirname(corpus.briefs["path"].iloc[0].split("#L")[0])


def test_every_bad_input_is_skipped_with_its_reason(loaded, bad_folder):
    corpus, _, _, _ = loaded
    _, bad = bad_folder
    reasons = skipped_reasons(corpus)
    assert set(reasons) == set(bad)
    for name, words in bad.items():
        assert words.lower() in reasons[name].lower(), (name, reasons[name])


def test_every_good_brief_loads(loaded, bad_folder):
    corpus, _, _, _ = loaded
    folder, _ = bad_folder
    names = {os.path.basename(p.split("#L")[0]) for p in corpus.briefs["path"]}
    expected = {"2016-03-02-ankara-and-moscow.txt", "crs-field.md", "front-matter.md", "page.html",
                "wire.jsonl", NON_LATIN_NAME, "nul-inside.txt", "invalid-utf8.txt",
                "cp1252-quotes.txt", "utf16-bom.txt", "utf16-nobom.txt", "hostile.html",
                "one-line.txt"}
    if (folder / "good.pdf").exists():
        expected.add("good.pdf")
    assert names == expected
    assert (corpus.briefs["wire.jsonl" == corpus.briefs["path"].map(
        lambda p: os.path.basename(p.split("#L")[0]))]).shape[0] == 2


def test_what_the_good_briefs_hold(loaded):
    corpus, _, _, _ = loaded
    by_name = {os.path.basename(p): (t, e) for p, t, e in
               corpus.briefs[["path", "text", "encoding"]].itertuples(index=False)}
    assert by_name["nul-inside.txt"][0] == "Iran and Russia agreed on a plan. Turkey waited."
    assert by_name["invalid-utf8.txt"] == ("Café talks in Doha ended early.", "cp1252")
    assert by_name["cp1252-quotes.txt"] == (SMART_QUOTES, "cp1252")
    assert by_name["utf16-bom.txt"] == ("Seoul hosts the talks. Tokyo waits.", "utf-16")
    assert by_name["utf16-nobom.txt"] == ("Hanoi hosts the talks. Manila waits.", "utf-16-le")
    hostile = by_name["hostile.html"][0]
    assert hostile == "Deep but readable text survives."
    assert by_name[NON_LATIN_NAME][0].startswith("Riyadh wants a single tariff")
    assert len(by_name["one-line.txt"][0]) > 9_900_000


def test_duplicates_name_the_first_copy(loaded):
    corpus, _, _, _ = loaded
    reason = skipped_reasons(corpus)["same brief, second name.txt"]
    assert reason.endswith(NON_LATIN_NAME)


def test_nothing_is_written_or_touched(loaded, bad_folder):
    corpus, before, _, _ = loaded
    folder, _ = bad_folder
    small = corpus.subset(corpus.briefs.loc[corpus.briefs["n_words"] < 10_000, "brief_id"])
    small.tokens  # noqa: B018 - tokenising writes only to the cache
    assert snapshot(folder) == before


def test_nothing_hangs(loaded):
    *_, elapsed = loaded
    assert elapsed < 120


def test_warnings_name_the_skipped_files(loaded):
    _, _, caught, _ = loaded
    messages = [str(w.message) for w in caught if issubclass(w.category, bk.BriefkitWarning)]
    skips = [m for m in messages if "not UTF-8" not in m]
    assert len(skips) == 6  # five files, then a count pointing at corpus.skipped
    assert "see corpus.skipped" in skips[-1]
    guessed = sorted(Path(m.split(": not UTF-8")[0]).name for m in messages if m not in skips)
    assert guessed == ["cp1252-quotes.txt", "invalid-utf8.txt"]


def test_offsets_hold_for_every_brief(loaded):
    corpus, _, _, _ = loaded
    texts = dict(zip(corpus.briefs["brief_id"], corpus.briefs["text"]))
    sample = corpus.sentences.groupby("brief_id").head(50)
    rows = sample[["brief_id", "start", "end", "text"]].itertuples(index=False)
    for bid, start, end, sentence in rows:
        assert texts[bid][start:end] == sentence


def test_strict_raises_naming_the_file(bad_folder):
    folder, _ = bad_folder
    with pytest.raises(errors.BriefkitError) as info:
        bk.load_corpus(folder, strict=True, progress=False, cache=False)
    assert info.value.path and str(folder) in str(info.value)


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("empty.txt", errors.EmptyFileError),
        ("whitespace.txt", errors.EmptyFileError),
        ("png-bytes.txt", errors.BinaryFileError),
        ("bad-yaml.md", errors.ParseError),
        ("huge.txt", errors.FileTooLargeError),
        ("loop-a.txt", errors.UnreadableFileError),
        ("corrupt.pdf", errors.ParseError),
        ("encrypted.pdf", errors.ParseError),
    ],
)
def test_single_file_loads_raise_a_clear_error(bad_folder, name, error):
    folder, _ = bad_folder
    if not os.path.lexists(folder / name):
        pytest.skip(f"{name} needs pypdf")
    with pytest.raises(error) as info:
        bk.load_corpus(folder / name, progress=False, cache=False)
    assert info.value.path == str(folder / name)
    assert str(folder / name) in str(info.value)


def test_the_size_limit_is_configurable(bad_folder):
    folder, _ = bad_folder
    with pytest.raises(errors.FileTooLargeError, match="over the limit of 1,000"):
        bk.load_corpus(folder / "crs-field.md", max_bytes=1000)
    assert len(bk.load_corpus(folder / "crs-field.md", max_bytes=10_000)) == 1


@pytest.mark.slow
def test_ten_thousand_tiny_files(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"n{i:05d}.txt").write_text(
            f"Note {i}: Iran and the U.S. met on Dec. 28. Talks go on.\n")
    start = time.perf_counter()
    corpus = bk.load_corpus(folder, progress=False)
    cold = time.perf_counter() - start
    assert len(corpus) == 10_000 and corpus.skipped.empty
    assert len(corpus.sentences) == 20_000
    start = time.perf_counter()
    again = bk.load_corpus(folder, progress=False)
    warm = time.perf_counter() - start
    assert len(again) == 10_000
    print(f"10,000 tiny files: cold {cold:.1f} s, warm {warm:.1f} s")
    assert cold < 180 and warm < 90


def test_loader_rejects_only_with_briefkit_errors(bad_folder):
    folder, _ = bad_folder
    for path in sorted(folder.iterdir()):
        try:
            loader.read_file(path)
        except errors.BriefkitError:
            pass


def test_a_bom_that_lies_is_a_parse_error(tmp_path):
    path = tmp_path / "liar.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8\x00\xd8")
    with pytest.raises(errors.ParseError, match="byte-order mark"):
        loader.read_file(path)


@pytest.mark.parametrize("cache", [False, True])
def test_a_folder_with_no_brief_in_it_says_so(tmp_path, cache):
    # an empty folder, or one of Word files, is the wrong folder, not a corpus of no briefs:
    # the error names the folder and what was found there
    empty = tmp_path / "empty"
    empty.mkdir()
    for _ in range(2):  # the second time from the cache, if any
        with pytest.raises(errors.NoBriefsError, match="no briefs") as info:
            bk.load_corpus(empty, progress=False, cache=cache)
        assert info.value.path == str(empty) and "no files" in str(info.value)
    office = tmp_path / "office"
    office.mkdir()
    (office / "notes.docx").write_bytes(b"PK\x03\x04 a Word file")
    (office / "plan.odt").write_bytes(b"PK\x03\x04 an OpenDocument file")
    for _ in range(2):
        with pytest.raises(errors.NoBriefsError) as info:
            bk.load_corpus(office, progress=False, cache=cache)
        message = str(info.value)
        assert str(office) in message and "2 files skipped" in message
        assert "notes.docx: not a brief format" in message and "plan.odt" in message
    assert (office / "notes.docx").read_bytes() == b"PK\x03\x04 a Word file"


def test_a_folder_whose_every_brief_is_unreadable_loads_empty_and_says_so(tmp_path):
    (tmp_path / "blank.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.warns(bk.BriefkitWarning) as told:
        corpus = bk.load_corpus(tmp_path, progress=False, cache=False)
    assert len(corpus) == 0 and len(corpus.skipped) == 2
    messages = sorted(str(w.message) for w in told)
    assert len(messages) == 3 and "no briefs loaded from" in messages[-1]
    assert "blank.txt: the file is empty" in messages[0] and "image.txt: binary" in messages[1]


def test_a_word_file_is_skipped_with_what_to_do_about_it(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    for name in ("notes.docx", "old.doc", "draft.odt", "memo.rtf"):
        (tmp_path / name).write_bytes(b"PK\x03\x04 office bytes")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = bk.load_corpus(tmp_path, progress=False, cache=False)
    reasons = dict(zip(corpus.skipped["path"].map(lambda p: Path(p).name),
                       corpus.skipped["reason"]))
    assert set(reasons) == {"notes.docx", "old.doc", "draft.odt", "memo.rtf"}
    for reason in reasons.values():
        assert reason.startswith("not a brief format (.") and "save it as" in reason


def test_a_brief_read_in_a_guessed_encoding_is_told_once_by_name(tmp_path, capsys):
    folder = tmp_path / "encodings"
    folder.mkdir()
    (folder / "ascii.txt").write_bytes(b"March 1, 2018\n\nPlain Letters Only\n\nAll ASCII here.\n")
    (folder / "utf8.txt").write_text("March 2, 2018\n\nA Caf\u00e9 Title\n\nCaf\u00e9 talks.\n",
                                     encoding="utf-8")
    (folder / "windows.txt").write_bytes("March 3, 2018\n\nSmart Quotes\n\n\u201cThey\u201d "
                                         "agreed.\n".encode("cp1252"))
    (folder / "odd.txt").write_bytes(b"March 4, 2018\n\nOdd Bytes\n\nA \x81 and \x8d here.\n")
    for cache in (False, True, True):  # fresh, cold cache, warm cache: the same warnings
        with pytest.warns(bk.BriefkitWarning) as caught:
            corpus = bk.load_corpus(folder, progress=False, cache=cache)
        told = sorted(str(w.message) for w in caught)
        assert told == [f"{folder / 'odd.txt'}: not UTF-8; read as latin-1 (check its text "
                        "for wrong characters)",
                        f"{folder / 'windows.txt'}: not UTF-8; read as cp1252 (check its text "
                        "for wrong characters)"]
        assert sorted(corpus.briefs["encoding"]) == ["cp1252", "latin-1", "utf-8", "utf-8"]
    from briefkit.cli import main

    assert main(["export", str(folder / "windows.txt"), "--to", str(tmp_path / "out"),
                 "--tables", "briefs", "--format", "csv"]) == 0
    assert capsys.readouterr().err == (
        f"briefkit: warning: {folder / 'windows.txt'}: not UTF-8; read as cp1252 "
        "(check its text for wrong characters)\n")
    assert main(["info", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.count("not UTF-8") == 2 and f"not UTF-8 {folder / 'odd.txt'}: read as latin-1" in out


def test_plain_ascii_and_utf8_briefs_load_without_a_warning(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"March 1, 2018\n\nPlain Letters\n\nAll ASCII.\n")
    (tmp_path / "b.txt").write_text("March 2, 2018\n\nCaf\u00e9\n\nT\u00e9l\u00e9.\n",
                                    encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(bk.load_corpus(tmp_path, progress=False, cache=False)) == 2
