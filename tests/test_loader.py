"""briefkit.loader: dates, decoding, and each format on a fixture and on its real example.

Fixtures in tests/fixtures/briefs are written for these tests. The real examples live in
../shared/corpora and are skipped cleanly when that folder is absent.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from pathlib import Path

import pytest

import briefkit as bk
from briefkit import loader
from briefkit.errors import (
    BinaryFileError,
    BriefkitError,
    EmptyFileError,
    FileTooLargeError,
    MissingPathError,
    ParseError,
    UnreadableFileError,
)

offline = pytest.mark.offline


def read_one(path) -> loader.Brief:
    briefs, problems = loader.read_file(path)
    assert len(briefs) == 1 and not problems
    return briefs[0]


def paragraphs(brief: loader.Brief) -> list[tuple[str, str]]:
    return [(kind, brief.text[s:e]) for kind, s, e in brief.paragraphs]


def load_quietly(path, **options):
    with pytest.warns(bk.BriefkitWarning) if options.pop("expect_skips", False) else _no_op():
        return bk.load_corpus(path, progress=False, **options)


class _no_op:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# --- dates -------------------------------------------------------------------------------


@offline
@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("January 5, 2016", "2016-01-05"),
        ("Jan. 5, 2016", "2016-01-05"),
        ("Jan 5 2016", "2016-01-05"),
        ("January 5th, 2016", "2016-01-05"),
        ("Tuesday, January 5, 2016", "2016-01-05"),
        ("5 January 2016", "2016-01-05"),
        ("5 Jan 2016", "2016-01-05"),
        ("5th of January, 2016", "2016-01-05"),
        ("05-Jan-2016", "2016-01-05"),
        ("2016-01-05", "2016-01-05"),
        ("2016/01/05", "2016-01-05"),
        ("2016-01-05T08:30:00Z", "2016-01-05"),
        ("Tue, 05 Jan 2016 10:00:00 +0000", "2016-01-05"),
        ("04/09/2026", "2026-04-09"),
        ("28/09/2015", "2015-09-28"),
        ("05.01.2016", "2016-01-05"),
        ("Sept. 30, 2016", "2016-09-30"),
        ("Updated April 9, 2026 (IF12106)", "2026-04-09"),
    ],
)
def test_parse_date_reads_common_forms(written, iso):
    assert loader.parse_date(written) == iso


@offline
@pytest.mark.parametrize(
    "written",
    ["", None, "sometime in 2016", "January 2016", "2016", "13/13/2016", "February 30, 2016",
     "04/09/26", "1 Jan 1066", "Dec. 28", "31.02.2016"],
)
def test_parse_date_never_guesses(written):
    assert loader.parse_date(written) is None


# --- decoding ----------------------------------------------------------------------------

TEXT = "Moscow’s “red lines” — and Tehran’s café talks\n"


@offline
@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_bytes_in_every_encoding(data, encoding):
    text, used = loader.decode_with_encoding(data)
    assert text == TEXT and used == encoding


@offline
def test_latin1_is_the_last_resort():
    text = "Envoys met at a café in Tehran on Monday \u0081 and again on Tuesday."
    data = text.encode("latin-1")  # 0x81 is undefined in cp1252
    assert loader.decode_with_encoding(data) == (text, "latin-1")


@offline
def test_nul_bytes_inside_text_are_dropped():
    assert loader.decode_bytes(b"Iran\x00 and\x00 Russia") == "Iran and Russia"


@offline
@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyFileError),
        (b" \n\t \r\n", EmptyFileError),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), BinaryFileError),
        (b"%s" % bytes(range(256)) * 4, BinaryFileError),
        (b"\x00" * 100, BinaryFileError),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", ParseError),  # a lone surrogate after a BOM
    ],
)
def test_decode_bytes_refuses(data, error):
    with pytest.raises(error) as info:
        loader.decode_bytes(data, "some/file.txt")
    assert "some/file.txt" in str(info.value)


# --- reading files -----------------------------------------------------------------------


@offline
def test_read_bytes_problems(tmp_path):
    with pytest.raises(MissingPathError):
        loader.read_bytes(tmp_path / "missing.txt")
    with pytest.raises(UnreadableFileError, match="folder"):
        loader.read_bytes(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLargeError, match="over the limit of 100"):
        loader.read_bytes(big, max_bytes=100)
    assert loader.read_bytes(big, max_bytes=101) == b"x" * 101


@offline
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFileError, match="not a regular file"):
        loader.read_bytes(fifo)


@offline
def test_symlink_loops_and_broken_links(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(UnreadableFileError, match="symbolic link loop"):
        loader.read_bytes(tmp_path / "a.txt")
    with pytest.raises(MissingPathError, match="broken symbolic link"):
        loader.read_bytes(tmp_path / "gone.txt")


@offline
def test_max_bytes_from_the_environment(monkeypatch):
    monkeypatch.setenv("BRIEFKIT_MAX_BYTES", "1_000")
    assert loader.max_bytes_default() == 1000
    monkeypatch.setenv("BRIEFKIT_MAX_BYTES", "lots")
    assert loader.max_bytes_default() == loader.DEFAULT_MAX_BYTES


@offline
@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("a.txt", "January 5, 2016\n\nTitle\n\n• Point\n\nBody.", "intelbrief"),
        ("a.md", "---\ntitle: T\n---\nBody.", "front_matter"),
        ("a.md", "# T\n\n**Report No.:** X1\n**Version:** 2\n\n---\nBody.", "field_markdown"),
        ("a.md", "# Title\n\nBody text.", "markdown"),
        ("a.txt", "Body text only.", "plain"),
        ("a.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("a.htm", "<p>x</p>", "html"),
        ("a.jsonl", '{"text": "x"}', "jsonl"),
        ("a.ndjson", '{"text": "x"}', "jsonl"),
    ],
)
def test_detect_format(name, text, fmt):
    assert loader.detect_format(name, text) == fmt


# --- the IntelBrief layout ---------------------------------------------------------------


@offline
def test_intelbrief_fixture(fixtures_dir):
    brief = read_one(fixtures_dir / "briefs" / "2016-03-02-ankara-and-moscow.txt")
    assert brief.fmt == "intelbrief" and brief.date == "2016-03-02"
    assert brief.source == "TSG IntelBrief"
    assert brief.title == "Ankara and Moscow Trade Accusations Over Syria’s North"
    kinds = [kind for kind, _ in paragraphs(brief)]
    assert kinds == ["key_point"] * 3 + ["body"] * 3
    assert "tailored research" not in brief.text and "Subscribe" not in brief.text


# The seed brief, sentence by sentence as a careful reader splits it: its first words.
SEED_SENTENCES = [
    "Iran and Russia are working together", "Russia’s intervention in Syria",
    "Some aspects of Moscow’s relations", "Iranian and Russian regional interests",
    "Common perceptions of the causes", "Nowhere is the emerging alliance",
    "Assad is a key ally", "Assad’s rule itself is less central",
    "Russia’s President Putin also seeks", "Putin asserts that the U.S.-led ousting",
    "The United States supports Russian", "U.S. officials assert that a solution",
    "Both Iran and Russia see radical", "Iran is the major Shi’a power",
    "All of the GCC states are close U.S. allies.", "Russia does not have a ‘pro-Shi’a’",
    "Terrorism against the Russian homeland", "Both Russia and Iran see themselves",
    "Both have asserted that", "Many experts do not dismiss",
    "These common perceptions enabled", "The Russian intervention has enabled",
    "Hizballah has taken particularly heavy", "Russia’s willingness to act",
    "At times, the Russia-Iran relationship", "On December 28, Russia became",
    "That shipment will likely enable", "However, Russia has also announced",
    "There are ample opportunities", "A rift will surely emerge",
    "To Russia, there are other leaders", "Iran, on the other hand,",
    "Protecting Hizballah appears nowhere", "Russia-Iran tensions may also emerge",
]


@pytest.fixture(scope="module")
def seed_corpus(shared):
    return bk.load_corpus(shared / "corpora" / "seed-brief", progress=False, cache=False)


@offline
def test_seed_brief_metadata(seed_corpus):
    brief = seed_corpus.briefs.iloc[0]
    assert brief["title"] == "Iran and Russia’s Delicate Partnership"
    assert brief["source"] == "TSG IntelBrief"
    assert str(brief["date"].date()) == "2016-01-05"
    assert brief["brief_id"] == "2016-01-05-iran-and-russias-delicate-partnership"
    assert "For tailored research" not in brief["text"] and "Subscribe" not in brief["text"]


@offline
def test_seed_brief_splits_as_a_careful_reader_does(seed_corpus):
    found = seed_corpus.sentences["text"].tolist()
    assert len(found) == len(SEED_SENTENCES) == 34
    for sentence, first_words in zip(found, SEED_SENTENCES):
        assert sentence.startswith(first_words), (sentence, first_words)
    kinds = seed_corpus.sentences["kind"].tolist()
    assert kinds == ["key_point"] * 4 + ["body"] * 30


@offline
def test_seed_brief_tokens(seed_corpus):
    tokens = seed_corpus.tokens
    text = seed_corpus.briefs["text"].iloc[0]
    spans = tokens[["token", "start", "end"]].itertuples(index=False)
    assert all(text[s:e] == t for t, s, e in spans)
    for token in ["U.S.", "U.S.-led", "P5+1", "IRGC-QF", "al-Assad", "Shi’a", "25,000", "Russia’s",
                  "U.S.-Saudi", "S-300", "so-called"]:
        assert token in set(tokens["token"]), token


def test_seed_brief_splits_the_same_without_nltk_data(seed_corpus, shared, tmp_path):
    """The fallback (untrained Punkt and briefkit's list) gives the same 34 spans."""
    import json
    import subprocess
    import sys

    empty = tmp_path / "no-nltk"
    empty.mkdir()
    seed_brief = str(shared / "corpora" / "seed-brief")
    code = (f"import json, briefkit as bk; c = bk.load_corpus({seed_brief!r}, cache=False, "
            "progress=False); print(json.dumps([bk.resources_report()['sentence_splitter'], "
            "c.sentences[['start', 'end']].values.tolist()]))")
    env = {**os.environ, "NLTK_DATA": str(empty), "BRIEFKIT_DOWNLOAD": "0"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True, timeout=120)
    splitter, spans = json.loads(out.stdout)
    assert splitter.startswith("fallback")
    assert spans == seed_corpus.sentences[["start", "end"]].values.tolist()


# --- Markdown with a field header (CRS) ----------------------------------------------------


@offline
def test_field_markdown_fixture(fixtures_dir):
    brief = read_one(fixtures_dir / "briefs" / "crs-field.md")
    assert brief.fmt == "field_markdown"
    assert brief.title == "Oman and the Gulf Shipping Lanes"
    assert brief.date == "2017-03-14" and brief.source == "CRS In Focus"
    assert brief.meta["authors"] == "Example, Author A.; Sample, Writer B."
    assert brief.meta["report_no"] == "IF99001"
    assert paragraphs(brief) == [
        ("heading", "Background"),
        ("body", "Oman sits on the southern shore of the Strait of Hormuz, and its ports handle "
                 "a growing share of the region's container traffic. Muscat has kept working ties "
                 "with both Tehran and Riyadh."),
        ("body", "The Sultanate has offered its capital for quiet talks, a role that U.S. "
                 "officials have used since 2013. A 2016 survey found that most shippers trust "
                 "the Omani coast guard."),
        ("heading", "Issues for Congress"),
        ("body", "Congress may weigh a new port-access agreement."),
        ("body", "Members could ask how the Navy would keep the lanes open."),
    ]


@offline
def test_markdown_helpers():
    assert loader.strip_links("[a [b] c](http://x.org/(y)) d") == "a [b] c d"
    assert loader.strip_links("see <https://x.org/a> now") == "see  now"
    assert loader.strip_emphasis("**Note****s**: x") == "Notes: x"
    assert loader.strip_emphasis("**Amending Section 122.**If") == "Amending Section 122. If"


def test_links_side_by_side_keep_a_space_between_their_words():
    # converted web pages: "[talks resumed](u)[in Oslo](v)", each link's words kept apart
    text = "Envoys said [talks resumed](https://a.gov/t.pdf)[in Oslo](https://b.no/o) today"
    assert loader.strip_links(text) == "Envoys said talks resumed in Oslo today"
    assert loader.strip_links("[a](x)[b](y)[c](z).") == "a b c."
    assert loader.strip_links("see [note](x)[1](y)") == "see note 1"
    assert loader.strip_links("([link](x))") == "(link)"
    assert loader.strip_links("[a [b] c](http://x.org/(y)) d") == "a [b] c d"
    # a comma, or emphasis markers holding nothing, between a link and a word
    assert loader.strip_links("ports,[docks](x) and [S. 12](y)****would pass") == (
        "ports, docks and S. 12 ****would pass")
    assert loader.strip_emphasis(loader.strip_links("the****[Coast Guard](u) and")) == (
        "the Coast Guard and")


@pytest.mark.parametrize("marked, plain", [
    ("a dispute over****shipping lanes", "a dispute over shipping lanes"),  # empty bold
    ("**Harbor Access****Fund** grants", "Harbor Access Fund grants"),  # closed, opened
    ("the Navy****is****seeking bids", "the Navy is seeking bids"),
    ("_**Over**__****_**water****.** Patrols", "Over water. Patrols"),
    ("the fleet _S__urvey_ of 203__1__ plans", "the fleet Survey of 2031 plans"),
    ("**P****ort ****A****ccess** rules", "Port Access rules"),  # a word set in pieces
    ("grant program****s**** given", "grant programs given"),
    ("_capital __and__financial account_", "capital and financial account"),
    ("rates),****also and _Oslo_,__then", "rates), also and Oslo, then"),
    ("snake_case and **bold** kept", "snake_case and bold kept"),
])
def test_emphasis_markers_that_stood_for_a_lost_space(marked, plain):
    assert loader.strip_emphasis(loader.strip_links(marked)) == plain


@pytest.fixture(scope="module")
def crs_corpus(shared):
    return bk.load_corpus(shared / "corpora" / "crs-in-focus", progress=False, cache=False,
                          manifest=False)


@offline
def test_crs_in_focus_all_files(crs_corpus):
    briefs = crs_corpus.briefs
    assert len(briefs) == 52 and crs_corpus.skipped.empty
    assert (briefs["format"] == "field_markdown").all()
    assert (briefs["title"] != "").all() and briefs["date"].notna().all()
    assert (briefs["authors"] != "").all()
    assert set(briefs["source"]) == {"CRS In Focus", "CRS Insight", "CRS Reports"}
    for text in briefs["text"]:
        for chrome in ("](", "http", "| ", "**", "CRS PRODUCT", "Hide Overview", "Disclaimer",
                       "Download PDF", "Listen", "Version History"):
            assert chrome not in text, chrome
    kinds = set(crs_corpus.paragraphs["kind"])
    assert kinds == {"body", "heading"}


@offline
def test_crs_iran_brief(crs_corpus):
    briefs = crs_corpus.briefs.set_index("brief_id")
    brief = briefs.loc["2026-04-09-iran-and-nuclear-weapons-production"]
    assert brief["authors"] == "Kerr, Paul K." and brief["report_no"] == "IF12106"
    paras = crs_corpus.paragraphs
    paras = paras[paras["brief_id"] == brief.name]
    assert paras["text"].iloc[0] == "Background" and paras["kind"].iloc[0] == "heading"
    assert paras["text"].iloc[1].startswith("Iran's nuclear program has for decades")
    # link glued by the converter
    assert "A 2025 public U.S. intelligence assessment" in brief["text"]


@offline
def test_crs_words_glued_by_the_converter_are_apart(crs_corpus):
    # adjacent links, a link or word then empty bold, a bold closed and opened again
    text = " ".join(crs_corpus.briefs["text"])
    for glued in ("invitedKing", "bothCongresses", "4188would", "ofstrategic", "TheGPS",
                  "IncentiveProgram", "Forceissoliciting", "deficit s "):
        assert glued not in text
    for kept in ("Market Research", "threat addressed", "Mission Area"):  # drop capitals
        assert kept in text


@offline
def test_crs_manifest_adds_columns(shared):
    corpus = bk.load_corpus(shared / "corpora" / "crs-in-focus", progress=False, cache=False)
    assert {"report_no", "version", "product_type"} <= set(corpus.briefs.columns)
    assert str(corpus.briefs["version"].dtype) == "Int64"


# --- YAML front matter and other Markdown ------------------------------------------------


@offline
def test_front_matter_fixture(fixtures_dir):
    brief = read_one(fixtures_dir / "briefs" / "front-matter.md")
    assert brief.fmt == "front_matter"
    assert brief.title == "Qatar's Neighbors Close the Border"
    assert brief.date == "2017-06-05" and brief.source == "Example Gulf Monitor"
    assert brief.meta == {"author": "A. Writer", "tags": "Qatar;Saudi Arabia;blockade"}
    kinds = [kind for kind, _ in paragraphs(brief)]
    assert kinds == ["heading", "key_point", "key_point", "body", "body"]


@offline
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: [unclosed\n---\nBody.", "malformed YAML"),
        ("---\ntitle: a: b: c\n---\nBody.", "malformed YAML"),
        ("---\n- a\n- b\n---\nBody.", "not a mapping"),
        ("---\ntitle: never closed\n\nBody.", "never closed"),
    ],
)
def test_front_matter_errors(tmp_path, text, reason):
    path = tmp_path / "bad.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError, match=reason) as info:
        loader.read_file(path)
    assert str(path) in str(info.value)


@offline
def test_front_matter_aliases_cannot_explode(tmp_path):
    laughs = "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 12):
        prev = "a" if i == 1 else f"a{i - 1}"
        laughs += f"a{i}: &a{i} [*{prev}] \n".replace("[*", "[*").replace(
            "] \n", f", *{prev}, *{prev}]\n")
    laughs += "title: Laughs\n---\nBody text.\n"
    path = tmp_path / "laughs.md"
    path.write_text(laughs, encoding="utf-8")
    brief = read_one(path)
    assert brief.title == "Laughs" and len(str(brief.meta)) < 1000


@offline
def test_plain_markdown_fixture(fixtures_dir):
    brief = read_one(fixtures_dir / "briefs" / "notes.md")
    assert (brief.fmt, brief.title, brief.date) == (
        "markdown", "Tehran After the Elections", "2016-02-29")
    assert paragraphs(brief)[1] == ("heading", "What to watch")
    assert "https" not in brief.text


# --- plain text with a manifest (UN General Debate) ---------------------------------------


@offline
def test_plain_text_with_manifest_fixture(fixtures_dir):
    corpus = bk.load_corpus(fixtures_dir / "speeches", progress=False, cache=False)
    briefs = corpus.briefs.set_index("country")
    assert list(briefs.index) == ["AAA", "BBB"]
    assert briefs["year"].tolist() == [2015, 2016] and str(briefs["year"].dtype) == "Int64"
    # The UN record's page furniture gives the meeting's day; a range of days is no date.
    assert str(briefs.loc["AAA", "date"].date()) == "2015-09-29"
    assert str(briefs.loc["BBB", "date"].date()) == "2016-09-20"
    aaa = briefs.loc["AAA", "text"]
    assert "15-99999" not in aaa and "A/70/PV" not in aaa
    assert "However, it also depends on neighbours" in aaa  # rejoined across the page break
    assert "Charter of the United Nations are questioned" in briefs.loc["BBB", "text"]
    assert corpus.paragraphs.groupby("brief_id").size().tolist() == [3, 3]


@offline
def test_un_general_debate(shared):
    corpus = bk.load_corpus(shared / "corpora" / "un-general-debate-2015-2017", progress=False,
                            cache=False)
    briefs = corpus.briefs
    assert len(briefs) == 60 and corpus.skipped.empty  # README_UNGDC.txt is not a speech
    assert briefs["country"].nunique() == 20
    assert briefs["year"].value_counts().to_dict() == {2015: 20, 2016: 20, 2017: 20}
    assert briefs["date"].notna().sum() == 12  # meeting dates from the 2015 records' furniture
    assert (briefs.loc[briefs["date"].notna(), "year"] == 2015).all()
    for text in briefs["text"]:
        assert not re.search(r"A/70/PV\.\d+ \d\d/\d\d/2015"
                             r"|\b15-\d{5} \d+/\d+|\d+/\d+ 15-\d{5}", text)
    afg = briefs.loc[briefs["brief_id"].str.endswith("afg-70-2015"), "text"].iloc[0]
    assert "However, it also poses a serious challenge" in afg
    ends = corpus.paragraphs["text"].str.rstrip().str[-1]
    assert ends.isin(list(".?!:;\"”’)…")).mean() > 0.99


# --- HTML --------------------------------------------------------------------------------


@offline
def test_html_fixture(fixtures_dir):
    brief = read_one(fixtures_dir / "briefs" / "page.html")
    assert brief.fmt == "html" and brief.title == "Kabul Strains Under a Spring Offensive"
    assert brief.date == "2016-04-19" and brief.source == "Example Review"
    assert paragraphs(brief) == [
        ("key_point", "The Taliban announce their spring offensive"),
        ("key_point", "Afghan forces hold the provincial capitals, for now"),
        ("body", "The Taliban opened their spring campaign on April 12, and officials in Kabul "
                 "say the army has held every provincial capital so far."),
        ("body", "The U.S. command expects a hard summer."),
        ("body", "Pakistan’s role remains contested & unresolved."),
    ]
    for hidden in ("must not appear", "font-family", "Home", "Copyright"):
        assert hidden not in brief.text


@offline
def test_html_deep_nesting_reads_in_linear_time(tmp_path):
    import time

    depth = 100_000
    page = ("<html><body>" + "<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth
            + "</body></html>")
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    start = time.perf_counter()
    brief = read_one(path)
    assert brief.text == "Deep text."
    assert time.perf_counter() - start < 15


@offline
def test_html_without_text_is_empty(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>")
    with pytest.raises(EmptyFileError, match="no text left"):
        loader.read_file(path)


# --- JSON Lines --------------------------------------------------------------------------


@offline
def test_jsonl_fixture(fixtures_dir):
    path = fixtures_dir / "briefs" / "wire.jsonl"
    briefs, problems = loader.read_file(path)
    assert [b.title for b in briefs] == ["Seoul and the THAAD Battery",
                                         "Moscow Watches the Peninsula"]
    assert [b.path for b in briefs] == [f"{path}#L1", f"{path}#L6"]
    assert briefs[0].meta == {"region": "Asia", "tags": "Korea;China"}
    assert briefs[0].date == "2017-03-07"
    assert [where for where, _ in problems] == [f"{path}#L2", f"{path}#L4", f"{path}#L5"]
    assert "not valid JSON" in problems[0][1] and "no text field" in problems[1][1]


@offline
def test_jsonl_without_any_good_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"broken": \n' + "[" * 100_000 + "\n")
    with pytest.raises(ParseError, match="no readable brief"):
        loader.read_file(path)


# --- PDF ---------------------------------------------------------------------------------

PDF_LINES = [
    "March 3, 2016", "", "Sanctions Relief Reaches Tehran's Banks", "",
    "Iran regained access to the SWIFT network in February, and European banks",
    "have begun to test the channel.", "",
    "Washington warns that U.S. sanctions still apply to trades in dollars.",
]


@offline
def test_pdf_text(tmp_path, make_pdf):
    pytest.importorskip("pypdf")
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf(PDF_LINES, title="Metadata Title", date="20160304"))
    brief = read_one(path)
    assert brief.fmt == "pdf" and brief.date == "2016-03-03"
    assert brief.title == "Sanctions Relief Reaches Tehran's Banks"
    assert [t for _, t in paragraphs(brief)] == [
        "Iran regained access to the SWIFT network in February, and European banks have "
        "begun to test the channel.",
        "Washington warns that U.S. sanctions still apply to trades in dollars.",
    ]


@offline
def test_pdf_metadata_fills_title_and_date(tmp_path, make_pdf):
    pytest.importorskip("pypdf")
    path = tmp_path / "plain.pdf"
    path.write_bytes(make_pdf(["Only a sentence of body text here."], title="From Metadata",
                              date="20160304120000"))
    brief = read_one(path)
    assert (brief.title, brief.date) == ("From Metadata", "2016-03-04")


@offline
def test_pdf_corrupt_and_encrypted(tmp_path, make_pdf):
    pypdf = pytest.importorskip("pypdf")
    good = make_pdf(PDF_LINES)
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(good[: len(good) // 3])
    with pytest.raises(ParseError, match="corrupt or unreadable PDF|no extractable text") as info:
        loader.read_file(corrupt)
    assert str(corrupt) in str(info.value)
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(good)))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    encrypted = tmp_path / "encrypted.pdf"
    encrypted.write_bytes(buffer.getvalue())
    with pytest.raises(ParseError, match="encrypted"):
        loader.read_file(encrypted)


@offline
def test_pdf_detected_by_content(tmp_path, make_pdf):
    pytest.importorskip("pypdf")
    path = tmp_path / "misnamed.txt"
    path.write_bytes(make_pdf(PDF_LINES))
    assert read_one(path).fmt == "pdf"


# --- every reader keeps its promises -------------------------------------------------------


@offline
def test_every_fixture_has_exact_paragraph_spans(fixtures_dir):
    for path in sorted((fixtures_dir / "briefs").iterdir()):
        briefs, _ = loader.read_file(path)
        for brief in briefs:
            assert brief.text == brief.text.strip()
            previous_end = -2
            for kind, start, end in brief.paragraphs:
                para = brief.text[start:end]
                assert kind in loader.PARAGRAPH_KINDS
                assert para and para == para.strip() and "\n" not in para
                assert start == previous_end + 2
                previous_end = end
            assert previous_end == len(brief.text)


@offline
def test_input_files_are_opened_read_only(fixtures_dir, monkeypatch):
    modes = []
    real_open = os.open

    def spy(path, flags, *args, **kwargs):
        modes.append(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    for path in (fixtures_dir / "briefs").iterdir():
        loader.read_file(path)
    assert modes and not any(modes)


@offline
def test_error_messages_name_the_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(BriefkitError) as info:
        bk.load_corpus(path)
    assert info.value.path == str(path) and str(path) in str(info.value)
    assert Path(info.value.path).name == "empty.txt"


# --- progress in a notebook ----------------------------------------------------------------


def test_an_executed_notebook_keeps_the_last_progress_line_not_a_frozen_bar(tmp_path):
    # papermill and nbclient keep what a cell displayed; a tqdm widget's text stays at 0%
    import nbformat
    from nbclient import NotebookClient

    folder = tmp_path / "briefs"
    folder.mkdir()
    for i in range(25):
        (folder / f"b{i:02d}.txt").write_text(
            f"May {i + 1}, 2019\n\nBrief number {i}\n\nThe ministers met in city {i}.\n",
            encoding="utf-8")
    code = ("import briefkit as bk\n"
            f"corpus = bk.load_corpus({str(folder)!r}, cache=False, workers=1)\n"
            "print(len(corpus.briefs))")
    node = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    NotebookClient(node, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = node.cells[0].outputs
    shown = [o["data"]["text/plain"] for o in outputs if "data" in o]
    printed = "".join(o.get("text", "") for o in outputs)
    assert printed.strip() == "25"
    assert len(shown) == 1 and shown[0].startswith("Loaded 25/25 files of briefs in ")
    assert "0%" not in str(outputs)
