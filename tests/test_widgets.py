"""The explorers' callbacks, driven as plain functions (no browser, no kernel).

Most tests build the explorers on small hand-made tables with the contract's columns
(DESIGN.md), so they pin down the explorers' own logic; a few run them on the sample corpus
with the real tables. The browser tests are in test_browser.py.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

import briefkit as bk
from briefkit import widgets as wg
from briefkit.paths import build_dir

HOSTILE_TITLE = ('<script>window.__pwned="title"</script> Hostile '
                 '<img src=x onerror="window.__pwned=1"> brief')
HOSTILE_TEXT = (
    "• The United States will likely <script>window.__pwned=2</script> press Moscow\n\n"
    "Moscow says the deal will almost certainly fail. See "
    "<a href=\"javascript:window.__pwned=3\">the record</a> and "
    "<img src=x onerror=\"window.__pwned=4\">. Iranian officials argue that the United "
    "States is <b>unreliable</b>."
)

MENTION_COLUMNS = ["brief_id", "sent_id", "actor", "actor_type", "country", "text", "start", "end"]
CLAIM_COLUMNS = ["brief_id", "sent_id", "claim_id", "kind", "holder", "holder_country",
                 "holder_text", "cue", "negated", "content", "estimative_term", "prob_low",
                 "prob_high", "start", "end"]
TONE_COLUMNS = ["brief_id", "sent_id", "target", "target_text", "holder", "holder_country",
                "score", "label", "evidence"]


class _Markup(HTMLParser):
    """Collects the elements and attributes of a fragment that could run script."""

    RISKY = frozenset({"script", "img", "iframe", "a", "object", "embed", "link", "meta", "base",
                       "form"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in self.RISKY:
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or "javascript:" in (value or "").replace(" ", "").lower():
                self.found.append(f"{tag}[{name}]")


def live_markup(fragment: str) -> list[str]:
    """Elements and attributes in an HTML fragment that could run script (a parser's view)."""
    parser = _Markup()
    parser.feed(fragment)
    parser.close()
    return parser.found


# --- hand-made tables ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def small():
    """Three briefs and tables written by hand, with the contract's columns only."""
    texts = {
        "2016-01-10-a": "Russia insists that Washington is to blame. The talks will likely fail.",
        "2016-06-02-b": "Germany and France argue that the deal may hold. Washington agrees.",
        "2017-03-15-c": "Iran rejects the plan. The United States will almost certainly respond.",
    }
    corpus = bk.Corpus.from_texts(texts,
                                  titles=["Alpha <b>talks</b>", "Bravo deal", "Charlie plan"],
                                  dates=["2016-01-10", "2016-06-02", "2017-03-15"])
    mentions = pd.DataFrame([
        ("2016-01-10-a", 0, "Russia", "state", "Russia", "Russia", 0, 6),
        ("2016-01-10-a", 0, "United States", "state", "United States", "Washington", 20, 30),
        ("2016-06-02-b", 0, "Germany", "state", "Germany", "Germany", 0, 7),
        ("2016-06-02-b", 1, "United States", "state", "United States", "Washington", 49, 59),
        ("2017-03-15-c", 1, "United States", "state", "United States", "United States", 26, 39),
    ], columns=MENTION_COLUMNS)
    claims = pd.DataFrame([
        ("2016-01-10-a", 0, "2016-01-10-a:1", "reported", "Russia", "Russia", "Russia", "insist",
         False, "Washington is to blame", None, np.nan, np.nan, 0, 42),
        ("2016-01-10-a", 1, "2016-01-10-a:2", "judgment", "author", "author", "", None, False,
         "The talks will likely fail", "likely", 0.55, 0.80, 59, 65),
        ("2016-06-02-b", 0, "2016-06-02-b:1", "reported", "Germany|France", "Germany|France",
         "Germany and France", "argue", False, "=HYPERLINK(\"x\") the deal may hold", "may",
         0.01, 0.99, 0, 47),
        ("2017-03-15-c", 0, "2017-03-15-c:1", "reported", "Iran", "Iran", "Iran", "reject", True,
         "the plan", None, np.nan, np.nan, 0, 21),
        ("2017-03-15-c", 1, "2017-03-15-c:2", "judgment", "author", "author", "", None, False,
         "will almost certainly respond", "almost certainly", 0.95, 0.99, 45, 61),
    ], columns=CLAIM_COLUMNS)
    tone = pd.DataFrame([
        ("2016-01-10-a", 0, "United States", "Washington", "Russia", "Russia", -0.5, "negative",
         "blame(-0.5)"),
        ("2016-06-02-b", 1, "United States", "Washington", "author", "author", 0.3, "positive",
         "agrees(+0.3)"),
        ("2017-03-15-c", 1, "United States", "United States", "author", "author", 0.0, "neutral",
         ""),
    ], columns=TONE_COLUMNS)
    return corpus, mentions, claims, tone


@pytest.mark.offline
def test_escape_and_table_leave_no_live_markup():
    assert wg.escape(None) == "" and wg.escape(float("nan")) == ""
    table = wg.html_table(pd.DataFrame({"title": [HOSTILE_TITLE], "n": [3]}))
    assert live_markup(table) == []
    assert html.escape(HOSTILE_TITLE) in table


@pytest.mark.offline
def test_highlight_handles_overlaps_and_escapes():
    text = "Moscow <b>says</b> it will likely fail"
    spans = [wg.Span(0, 6, "bkw-m", "Russia"), wg.Span(0, 38, "bkw-c", "claim"),
             wg.Span(25, 31, "bkw-t", 'term "likely"', "55-80%")]
    out = wg.highlight(text, 0, len(text), spans, [wg.Span(0, 38, "bkw-tone-neutral", "tone")])
    assert "<b>" not in out and "&lt;b&gt;says&lt;/b&gt;" in out
    assert '<span class="bkw-m bkw-c" title="Russia\nclaim">Moscow</span>' in out
    assert ('title="term &quot;likely&quot;\nclaim"' in out
            or 'title="claim\nterm &quot;likely&quot;"' in out)
    assert out.count('<sup class="bkw-range">55-80%</sup>') == 1
    assert out.startswith('<span class="bkw-tone-neutral" title="tone">')
    assert out.endswith("</span>")
    # the visible text is the input text, whatever the markup
    assert html.unescape(re.sub(r"<sup.*?</sup>|<[^>]+>", "", out)) == text


@pytest.mark.offline
def test_reader_renders_every_layer_from_contract_columns(small):
    corpus, mentions, claims, tone = small
    reader = wg.BriefReader(corpus, mentions=mentions, claims=claims, tone=tone)
    page = reader.render("2016-01-10-a")
    assert "Alpha &lt;b&gt;talks&lt;/b&gt;" in page and "<b>talks" not in page
    assert 'class="bkw-m bkw-c"' in page and "Actor: Russia (state, Russia)" in page
    assert "Reported claim: Russia (Russia), cue &#x27;insist&#x27;" in page
    assert "Estimative term &#x27;likely&#x27;: 55\u201380%" in page
    assert '<sup class="bkw-range">55\u201380%</sup>' in page
    assert 'class="bkw-tone-negative"' in page
    assert reader.counts("2016-01-10-a") == {"mentions": 2, "claims": 1, "terms": 1, "tone": 1}
    only = reader.render("2016-01-10-a", layers=["terms"])
    assert "bkw-m bkw-c" not in only and "bkw-tone" not in only and "bkw-t" in only
    legend = reader.legend_html()
    assert all(word in legend for word in ("mentions", "claims", "terms", "negative", "positive"))
    assert "No brief" in reader.render("nope")


@pytest.mark.offline
def test_reader_search_by_title_and_date(small):
    corpus, mentions, claims, tone = small
    reader = wg.BriefReader(corpus, mentions=mentions, claims=claims, tone=tone)
    assert [b for _, b in reader.options()] == list(corpus.briefs["brief_id"])
    assert [b for _, b in reader.options("bravo")] == ["2016-06-02-b"]
    assert [b for _, b in reader.options("2016")] == ["2016-01-10-a", "2016-06-02-b"]
    assert [b for _, b in reader.options("2017 PLAN")] == ["2017-03-15-c"]
    assert reader.options("zulu") == []


@pytest.mark.offline
def test_reader_widget_follows_the_dropdown_and_search(small):
    corpus, mentions, claims, tone = small
    reader = wg.BriefReader(corpus, mentions=mentions, claims=claims, tone=tone)
    c = reader.widget and reader.controls
    assert "Alpha" in c["page"].value
    c["brief"].value = "2017-03-15-c"
    assert "Charlie plan" in c["page"].value and "Alpha" not in c["page"].value
    c["search"].value = "bravo"
    assert c["brief"].options == (("2016-06-02 \u00b7 Bravo deal", "2016-06-02-b"),)
    assert "Bravo deal" in c["page"].value
    c["layers"].value = ("mentions",)
    assert "bkw-tone" not in c["page"].value.split("</style>")[1].split("bkw-legend")[1]


@pytest.mark.offline
def test_reader_search_finds_brief_ids_and_says_when_nothing_matches(small):
    corpus, mentions, claims, tone = small
    reader = wg.BriefReader(corpus, mentions=mentions, claims=claims, tone=tone)
    assert [b for _, b in reader.options("2017-03-15-c")] == ["2017-03-15-c"]
    c = reader.widget and reader.controls
    c["search"].value = "zulu"
    # the page no longer shows the brief picked before, and says why
    assert "Alpha" not in c["page"].value
    assert "No brief matches" in c["page"].value and "zulu" in c["page"].value
    c["search"].value = "alpha"
    assert "Alpha" in c["page"].value and "No brief matches" not in c["page"].value


@pytest.mark.offline
def test_reader_names_an_unknown_first_brief(small):
    corpus, mentions, claims, tone = small
    with pytest.raises(ValueError, match="no brief 'nope'"):
        wg.BriefReader(corpus, mentions=mentions, claims=claims, tone=tone, brief_id="nope")


@pytest.mark.offline
@pytest.mark.parametrize("given", ["2016-06-02-b.txt", "Bravo deal", "2016-06-02b"])
def test_reader_suggests_the_brief_a_file_name_or_title_means(small, given):
    corpus, mentions, claims, tone = small
    with pytest.raises(ValueError, match="did you mean '2016-06-02-b'"):
        wg.BriefReader(corpus, mentions=mentions, claims=claims, tone=tone, brief_id=given)


@pytest.mark.offline
def test_compare_briefs_counts_terms_from_the_tokens_given(small, monkeypatch):
    corpus, mentions, claims, tone = small
    explorer = wg.CompareBriefs(corpus, mentions=mentions, claims=claims, tone=tone,
                                tokens=corpus.tokens)
    monkeypatch.setattr(bk.Corpus, "tokens", property(lambda self: pytest.fail("tokens recounted")))
    result = explorer.compare_briefs("2016-06-02-b", "2017-03-15-c")
    assert set(result["actors"]["actor"]) == {"Germany", "United States"}


@pytest.mark.offline
def test_compare_briefs_builds_no_diff_terms_and_shows_diff_briefs_tables(small, monkeypatch):
    """The explorer shows its own keyness, not the diff's terms: it asks diff_briefs for none,
    and its actors, claims and tone are diff_briefs's with the terms counted."""
    from briefkit import compare

    corpus, mentions, claims, tone = small
    tables = {"mentions": mentions, "claims": claims, "tone": tone}
    pairs = [("2016-01-10-a", "2017-03-15-c"), ("2017-03-15-c", "2016-06-02-b")]
    expected = [compare.diff_briefs(corpus, a, b, **tables) for a, b in pairs]
    explorer = wg.CompareBriefs(corpus, **tables, tokens=corpus.tokens)
    monkeypatch.setattr(compare, "_diff_terms", lambda *a, **kw: pytest.fail("terms counted"))
    for (a, b), diff in zip(pairs, expected):
        result = explorer.compare_briefs(a, b, min_count=1)
        assert not result["keyness"].empty  # its own keyness, still counted
        for part in ("actors", "claims", "tone"):
            pd.testing.assert_frame_equal(result[part], getattr(diff, part))


@pytest.mark.offline
def test_claim_filters(small):
    corpus, _, claims, _ = small
    browser = wg.ClaimBrowser(corpus, claims=claims)
    assert len(browser.filter()) == 5
    assert browser.filter(holders=["France"])["claim_id"].tolist() == ["2016-06-02-b:1"]
    assert len(browser.filter(countries=["Germany", "Iran"])) == 2
    assert len(browser.filter(kinds=["judgment"])) == 2
    assert browser.filter(cues=["reject"])["negated"].tolist() == [True]
    assert browser.months[0] == "2016-01" and browser.months[-1] == "2017-03"
    assert len(browser.filter(months=("2016-01", "2016-06"))) == 3
    assert len(browser.filter(months=("2016-02", "2016-12"))) == 1
    assert browser.filter(prob=(0.5, 1.0))["estimative_term"].tolist() == [
        "likely", "almost certainly"]
    assert browser.filter(prob=(0.9, 1.0))["estimative_term"].tolist() == ["almost certainly"]
    assert len(browser.filter(text="DEAL hold")) == 1
    assert len(browser.filter(holders=["Russia"], kinds=["judgment"])) == 0
    holders = {v: label for label, v in browser.choices("holder")}
    assert holders["author"] == "author (2)" and holders["France"] == "France (1)"


@pytest.mark.offline
def test_claim_sort_summary_and_table(small):
    corpus, _, claims, _ = small
    browser = wg.ClaimBrowser(corpus, claims=claims, max_rows=2)
    rows = browser.sort(browser.filter(), "prob_high", descending=True)
    assert rows["prob_high"].tolist()[:2] == [0.99, 0.99] and pd.isna(rows["prob_high"].iloc[-1])
    assert browser.summary(rows) == "5 claims of 5 (first 2 shown)"
    table = browser.table_html(rows)
    assert table.count("<tr>") == 3  # header and two rows
    assert "No claim passes" in browser.table_html(rows.iloc[:0])


@pytest.mark.offline
def test_claim_export_is_atomic_and_defuses_formulas(small, tmp_path):
    corpus, _, claims, _ = small
    browser = wg.ClaimBrowser(corpus, claims=claims)
    rows = browser.filter(holders=["Germany"])
    path = browser.export(rows)
    assert path == build_dir() / "claims-filtered.csv"
    saved = pd.read_csv(path)
    assert len(saved) == 1 and saved["content"].iloc[0].startswith("'=HYPERLINK")
    assert not list(path.parent.glob(".*.tmp"))
    raw = browser.export(rows, tmp_path / "raw.csv", guard_formulas=False)
    assert pd.read_csv(raw)["content"].iloc[0].startswith("=HYPERLINK")


@pytest.mark.offline
def test_claim_widget_counts_follow_the_controls(small):
    corpus, _, claims, _ = small
    browser = wg.ClaimBrowser(corpus, claims=claims)
    c = browser.widget and browser.controls
    assert "5 claims of 5" in c["count"].value
    assert c["months"].label == ("Jan 2016", "Mar 2017")  # the readout: not "2016-01-2017-03"
    c["months"].value = ("2016-01", "2016-06")
    assert "3 claims of 5" in c["count"].value
    c["kinds"].value = ("judgment",)
    assert "1 claim of 5" in c["count"].value
    c["export"].click()
    assert "Wrote 1 rows to" in c["saved"].value
    assert "claims-filtered.csv" in c["saved"].value


@pytest.mark.offline
def test_claim_export_gives_a_download_link_for_students_in_a_browser(small):
    # JupyterLab's root (make lab) is notebooks/, so a student cannot reach build/ from the
    # browser: the note offers the file itself, as a link that downloads it.
    import base64

    corpus, _, claims, _ = small
    browser = wg.ClaimBrowser(corpus, claims=claims)
    c = browser.widget and browser.controls
    c["kinds"].value = ("judgment",)
    c["export"].click()
    found = re.search(r'<a download="([^"]+)" href="data:text/csv;base64,([^"]+)"',
                      c["saved"].value)
    assert found, c["saved"].value
    assert found.group(1) == "claims-filtered.csv"
    path = build_dir() / "claims-filtered.csv"
    assert base64.b64decode(found.group(2)) == path.read_bytes()


@pytest.fixture(scope="module")
def tone_explorer(small):
    corpus, mentions, _, tone = small
    return wg.ToneExplorer(corpus, mentions=mentions, tone=tone, freq="quarter")


def test_tone_explorer_takes_an_alias_and_names_an_unknown_target(small):
    # sentiment_toward takes "USA"; the explorer took it too, then failed when shown
    # (TraitError: Invalid selection) because its dropdown holds canonical names only.
    corpus, mentions, _, _ = small
    explorer = wg.ToneExplorer(corpus, mentions=mentions, target="USA")
    assert explorer.target == "United States"
    assert explorer.widget and explorer.controls["target"].value == "United States"
    with pytest.raises(ValueError, match="'Narnia' is not an actor of the gazetteer"):
        wg.ToneExplorer(corpus, mentions=mentions, target="Narnia")


@pytest.mark.offline
def test_tone_timeline_heatmap_and_cells(tone_explorer):
    frame = tone_explorer.filter("United States")
    line = tone_explorer.timeline(frame, "quarter")
    assert line["period"].tolist() == ["2016Q1", "2016Q2", "2017Q1"]
    assert line["mean"].tolist() == [-0.5, 0.3, 0.0] and line["n"].tolist() == [1, 1, 1]
    year = tone_explorer.timeline(frame, "year")
    assert year.set_index("period").loc["2016", "mean"] == pytest.approx(-0.1)
    assert year.set_index("period").loc["2016", "negative"] == 0.5
    heat = tone_explorer.heatmap(frame, "year")
    assert heat.index.tolist() == ["author", "Russia"]
    assert heat.loc["author", "2016"] == 0.3 and np.isnan(heat.loc["Russia", "2017"])
    assert tone_explorer.heatmap(frame, "year", value="n").loc["author"].tolist() == [1, 1]
    cells = tone_explorer.cells(frame, "year")
    assert [v for _, v in cells] == [("2016", "Russia"), ("2016", "author"), ("2017", "author")]
    assert tone_explorer.evidence(frame, ("2016", "Russia"), "year")["score"].tolist() == [-0.5]


@pytest.mark.offline
def test_tone_filters_by_holder_and_months(tone_explorer):
    assert len(tone_explorer.filter("United States", holders=["author"])) == 2
    assert len(tone_explorer.filter("United States", months=("2016-01", "2016-03"))) == 1
    assert tone_explorer.holders("United States") == [("author (2)", "author"),
                                                      ("Russia (1)", "Russia")]
    targets = {v: label for label, v in tone_explorer.targets()}
    assert targets["United States"] == "United States (3)" and "Vladimir Putin" in targets


@pytest.mark.offline
def test_tone_charts_and_evidence_escape(tone_explorer):
    frame = tone_explorer.filter("United States")
    charts = tone_explorer.chart_html(frame, "quarter")
    assert charts.count("<circle") == 3 and "<rect" in charts
    assert "2016Q1: mean -0.50 over 1 sentences" in charts
    hostile = frame.assign(sentence=HOSTILE_TEXT, title=HOSTILE_TITLE, evidence="<img src=x>")
    out = tone_explorer.evidence_html(hostile)
    assert live_markup(out) == []
    assert wg.svg_heatmap(pd.DataFrame(), pd.DataFrame(), title="<x>").count("&lt;x&gt;") == 2


@pytest.mark.offline
def test_tone_figure_draws_both_charts_or_says_there_is_nothing(tone_explorer):
    fig = tone_explorer.figure(tone_explorer.filter("United States"), "year")
    line, heat = fig.axes[:2]
    assert line.get_title() == "Tone toward United States (3 sentences)"
    assert [t.get_text() for t in heat.get_yticklabels()] == ["author", "Russia"]
    empty = tone_explorer.figure(tone_explorer.filter("Tuvalu"), target="Tuvalu")
    assert empty.axes[0].texts[0].get_text() == "no sentence about Tuvalu"

@pytest.mark.offline
def test_tone_toward_another_target_is_computed_once(small):
    corpus, _, _, tone = small
    explorer = wg.ToneExplorer(corpus, tone=tone)
    russia = explorer.tone_for("Russia")
    assert set(russia["target"]) <= {"Russia"} and explorer.tone_for("Russia") is russia
    assert explorer.tone_for("Tuvalu").empty
    assert "no sentence" in explorer.chart_html(explorer.filter("Tuvalu"), target="Tuvalu")


def _tone_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The explorer's table cut to sentiment_toward's columns and types."""
    out = frame[TONE_COLUMNS].reset_index(drop=True)
    return out.astype({c: "str" for c in ("holder", "holder_country", "label")})


def _uncached_tone(corpus, target):
    from briefkit import sentiment

    sentiment._words_of.cache_clear()
    sentiment._cached_views.cache_clear()
    return _tone_columns(sentiment.sentiment_toward.__wrapped__(corpus, target))


@pytest.mark.offline
def test_tone_for_a_new_target_is_the_table_computed_from_nothing(small):
    corpus, _, _, tone = small
    explorer = wg.ToneExplorer(corpus, tone=tone)
    for target in ("Russia", "Iran", "Germany"):
        got = _tone_columns(explorer.tone_for(target))
        assert len(got)
        pd.testing.assert_frame_equal(got, _uncached_tone(corpus, target), check_exact=True)


@pytest.mark.offline
def test_tone_widget_redraws_on_target_and_cell(small):
    corpus, mentions, _, tone = small
    explorer = wg.ToneExplorer(corpus, mentions=mentions, tone=tone)
    c = explorer.widget and explorer.controls
    assert "3 sentences about United States" in c["status"].value
    c["holders"].value = ("author",)
    assert "2 sentences" in c["status"].value
    c["cells"].value = c["cells"].options[1][1]
    assert c["evidence"].value.count("<li>") == 1
    c["target"].value = "Russia"
    assert "about Russia" in c["status"].value and c["holders"].value == ()


@pytest.mark.offline
def test_term_counts_agree_with_compare_keyness(small):
    from briefkit import compare

    corpus = small[0]
    counts = wg.TermCounts(corpus)
    ids = list(corpus.briefs["brief_id"])
    ours = counts.keyness(ids[:1], ids[1:], names=("selected", "rest"), min_count=1)
    theirs = compare.keyness(corpus, by=ids[:1], min_count=1)
    pd.testing.assert_frame_equal(ours, theirs, check_dtype=False)


@pytest.mark.offline
def test_term_counts_sum_the_same_by_slices_and_by_mask(small):
    counts = wg.TermCounts(small[0])
    ids = list(small[0].briefs["brief_id"])
    by_slices = [counts.totals(ids[:k]) for k in range(4)]
    counts.FEW = 0
    assert all((counts.totals(ids[:k]) == by_slices[k]).all() for k in range(4))
    assert by_slices[3].sum() > by_slices[1].sum() > 0


def test_term_counts_agree_with_compare_keyness_on_groups(sample):
    from briefkit import compare

    corpus = sample["corpus"]
    explorer = sample["explorers"]["compare"]
    ours = explorer.compare_groups("year", "2016")["keyness"]
    theirs = compare.keyness(corpus, by="year", a="2016")
    pd.testing.assert_frame_equal(ours.drop(columns=["group_a", "favours"]),
                                  theirs.drop(columns=["group_a", "favours"]), check_dtype=False)


@pytest.mark.offline
def test_compare_briefs_and_groups(small):
    corpus, mentions, claims, tone = small
    explorer = wg.CompareBriefs(corpus, mentions=mentions, claims=claims, tone=tone)
    result = explorer.compare_briefs("2016-01-10-a", "2017-03-15-c")
    assert result["actors"].set_index("actor").loc["Russia", "side"] == "a only"
    assert set(result["claims"]["side"]) <= {"both", "a only", "b only"}
    assert explorer.compare_briefs("2016-01-10-a", "2017-03-15-c") is result  # kept
    assert explorer.group_labels("year") == ["2016", "2017"]
    groups = explorer.compare_groups("year", "2016", "2017", min_count=1)
    assert groups["names"] == ("year 2016", "year 2017")
    actors = groups["actors"].set_index("actor")
    assert actors.loc["United States", "mentions_a"] == 2
    assert actors.loc["United States", "per_brief_b"] == 1.0
    assert "2 briefs against 1" in groups["notes"][0]
    assert "has no briefs" in explorer.compare_groups("year", "2019")["notes"][0]
    # the same group on both sides is said to be that, not "year 2016 has no briefs"
    same = explorer.compare_groups("year", "2016", "2016")["notes"][0]
    assert "same group" in same and "no briefs" not in same
    svg = explorer.chart_html(groups)
    assert svg.startswith("<svg") and "A: year 2016" in svg


@pytest.mark.offline
def test_compare_widget_switches_mode(small):
    corpus, mentions, claims, tone = small
    explorer = wg.CompareBriefs(corpus, mentions=mentions, claims=claims, tone=tone)
    c = explorer.widget and explorer.controls
    assert "Claims" in c["tables"].value
    c["mode"].value = "two groups"
    assert "Claim holders" in c["tables"].value and c["a"].layout.display == "none"
    c["by"].value = "quarter"
    assert c["ga"].value == "2016Q1" and "A: quarter 2016Q1" in c["plot"].value


@pytest.mark.offline
def test_every_explorer_shows_a_widget_and_a_static_snapshot(small):
    corpus, mentions, claims, tone = small
    for explorer in wg.explorers(corpus, mentions=mentions, claims=claims, tone=tone).values():
        bundle = explorer._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
        assert wg.LIVE_KERNEL_NOTE in bundle["text/html"]


@pytest.mark.offline
def test_hostile_brief_is_text_everywhere():
    corpus = bk.Corpus.from_texts({"2017-05-01-hostile": HOSTILE_TEXT,
                                   "2017-05-02-plain": "Russia says the talks may resume."},
                                  titles=[HOSTILE_TITLE, "Plain"],
                                  dates=["2017-05-01", "2017-05-02"])
    explorers = wg.explorers(corpus)
    pages = [explorers["reader"].view("2017-05-01-hostile")]
    browser = explorers["claims"]
    pages.append(browser.table_html(browser.filter()))
    tone = explorers["tone"]
    pages.append(tone.evidence_html(tone.filter("United States")))
    compare = explorers["compare"]
    pair = compare.compare_briefs("2017-05-01-hostile", "2017-05-02-plain")
    pages.append(compare.tables_html(pair))
    pages += [e.snapshot_html() for e in explorers.values()]
    for page in pages:
        assert live_markup(page) == [], page[:300]
    assert html.escape(HOSTILE_TITLE) in pages[0]
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in pages[0]
    assert "&lt;a href=&quot;javascript:window.__pwned=3&quot;&gt;" in pages[0]


# --- the sample corpus --------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    corpus = bk.load_corpus(bk.sample_path(), progress=False)
    return {"corpus": corpus, "explorers": wg.explorers(corpus)}


def test_sample_reader_shows_every_brief(sample):
    reader = sample["explorers"]["reader"]
    for brief_id in sample["corpus"].briefs["brief_id"]:
        page = reader.render(brief_id)
        assert html.escape(reader.title_of(brief_id)) in page
        assert live_markup(page) == []
    total = pd.DataFrame([reader.counts(b) for b in sample["corpus"].briefs["brief_id"]]).sum()
    assert (total > 0).all()


def test_sample_tone_toward_new_targets_equals_sentiment_toward(sample):
    tone, corpus = sample["explorers"]["tone"], sample["corpus"]
    for target in ("Russia", "Yemen", "Vladimir Putin"):  # scored at build, then on demand
        got = _tone_columns(tone.tone_for(target))
        pd.testing.assert_frame_equal(got, _uncached_tone(corpus, target), check_exact=True)


def test_sample_explorers_answer_each_interaction(sample):
    ex = sample["explorers"]
    browser = ex["claims"]
    assert 0 < len(browser.filter(kinds=["reported"], months=(browser.months[0], "2016-06"))) \
        < len(browser.claims)
    tone = ex["tone"]
    frame = tone.filter("United States", holders=["author"])
    assert set(frame["holder"]) == {"author"}
    assert tone.chart_html(frame, "quarter").count("<svg") == 2
    ids = list(sample["corpus"].briefs["brief_id"])
    result = ex["compare"].compare_briefs(ids[0], ids[1])
    assert not result["keyness"].empty and not result["actors"].empty


@pytest.mark.offline
def test_compare_the_same_brief_twice_says_so(small):
    corpus, mentions, claims, tone = small
    explorer = wg.CompareBriefs(corpus, mentions=mentions, claims=claims, tone=tone)
    result = explorer.compare_briefs("2016-01-10-a", "2016-01-10-a")
    assert "same brief" in result["notes"][0] and result["keyness"].empty
    assert "same brief" in explorer.tables_html(result)


def _straightforward_prepare(tone: wg.ToneExplorer, table: pd.DataFrame) -> pd.DataFrame:
    """The tone explorer's per-row columns computed plainly, column after column, from the
    corpus itself: what ToneExplorer._prepare builds from its per-brief arrays."""
    corpus = tone.corpus
    briefs = corpus.briefs.set_index("brief_id")
    frame = table.reset_index(drop=True).copy()
    dates = pd.to_datetime(briefs["date"], errors="coerce")
    frame["date"] = pd.Series([dates.get(b, pd.NaT) for b in frame["brief_id"]],
                              dtype="datetime64[ns]")
    frame["title"] = pd.Series([briefs["title"].get(b) for b in frame["brief_id"]],
                               dtype=briefs["title"].dtype)
    texts = corpus.sentences.set_index(["brief_id", "sent_id"])["text"]
    frame["sentence"] = np.array([texts.get((b, s)) for b, s in
                                  zip(frame["brief_id"], frame["sent_id"])], dtype=object)
    frame["month"] = np.array([d.year * 12 + d.month - 1 if pd.notna(d) else -1
                               for d in frame["date"]], dtype=int)
    for column in ("holder", "holder_country", "label"):
        frame[column] = frame[column].astype(object)
    frame["_holder"] = pd.factorize(frame["holder"])[0]
    frame["_label"] = frame["label"].map({"negative": 0, "neutral": 1,
                                          "positive": 2}).fillna(-1).astype(int)
    for freq in wg.FREQS:
        labels = wg.period_of(frame["date"], freq).to_numpy(dtype=object)
        frame[f"period_{freq}"] = labels
        frame[f"_period_{freq}"] = pd.factorize(labels, sort=True)[0]
    return frame


def test_sample_tone_rows_are_prepared_as_the_straightforward_way_would(sample):
    tone = sample["explorers"]["tone"]
    for target in ("United States", "Russia", "Yemen", "Vladimir Putin", "Tuvalu"):
        got = tone.tone_for(target)
        want = _straightforward_prepare(tone, got[TONE_COLUMNS])
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        assert list(got.columns) == list(want.columns)


@pytest.mark.offline
def test_tone_widget_scores_a_busy_new_target_in_the_background(small, monkeypatch):
    corpus, mentions, _, tone = small
    monkeypatch.setattr(wg, "BACKGROUND_FROM", 0)  # every target not yet scored is busy
    explorer = wg.ToneExplorer(corpus, mentions=mentions, tone=tone)
    c = explorer.widget and explorer.controls
    with explorer._scoring:  # the scoring waits: what the callback shows at once
        c["target"].value = "Russia"
        assert "computing tone toward Russia" in c["status"].value
        assert explorer.pending() == ["Russia"] and c["holders"].options == ()
        assert c["plot"].value == "" and "Russia" not in explorer._cache
        c["freq"].value = "year"  # waits for the scoring too
        assert "computing tone toward Russia" in c["status"].value
    assert explorer.wait(timeout=60) and explorer.pending() == []
    assert "1 sentence about Russia" in c["status"].value
    assert c["holders"].options and "<svg" in c["plot"].value
    assert explorer.last is not None and set(explorer.last["target"]) == {"Russia"}
    pd.testing.assert_frame_equal(_tone_columns(explorer.tone_for("Russia")),
                                  _uncached_tone(corpus, "Russia"), check_exact=True)
    c["target"].value = "Russia"  # already scored: no thread
    c["target"].value = "United States"
    assert explorer.pending() == [] and "3 sentences about United States" in c["status"].value


@pytest.mark.offline
def test_tone_widget_skips_a_busy_target_passed_over_before_its_scoring(small, monkeypatch):
    corpus, mentions, _, tone = small
    monkeypatch.setattr(wg, "BACKGROUND_FROM", 0)
    explorer = wg.ToneExplorer(corpus, mentions=mentions, tone=tone)
    c = explorer.widget and explorer.controls
    with explorer._scoring:
        c["target"].value = "Russia"
        c["target"].value = "Germany"  # chosen while Russia waits for its turn
        assert sorted(explorer.pending()) == ["Germany", "Russia"]
    assert explorer.wait(timeout=60)
    assert "Russia" not in explorer._cache and "about Germany" in c["status"].value
    c["target"].value = "Russia"  # chosen again: scored now
    assert explorer.wait(timeout=60) and "about Russia" in c["status"].value


@pytest.mark.offline
def test_tone_widget_wait_returns_after_the_scored_target_is_shown(small, monkeypatch):
    """wait() returns once the table is on screen, not only scored: a slow display (a busy
    machine) still comes before it."""
    import threading
    import time

    corpus, mentions, _, tone = small
    monkeypatch.setattr(wg, "BACKGROUND_FROM", 0)
    explorer = wg.ToneExplorer(corpus, mentions=mentions, tone=tone)
    c = explorer.widget and explorer.controls
    show, showing = explorer._show_target, threading.Event()

    def slow_show(target, started):
        showing.set()
        time.sleep(0.3)
        show(target, started)

    monkeypatch.setattr(explorer, "_show_target", slow_show)
    c["target"].value = "Russia"
    assert showing.wait(timeout=60)  # scored; being shown
    assert explorer.wait(timeout=60) and explorer.pending() == []
    assert "about Russia" in c["status"].value and "<svg" in c["plot"].value


@pytest.mark.offline
def test_tone_widget_without_background_scores_in_the_callback(small, monkeypatch):
    corpus, mentions, _, tone = small
    monkeypatch.setattr(wg, "BACKGROUND_FROM", 0)
    explorer = wg.ToneExplorer(corpus, mentions=mentions, tone=tone, background=False)
    c = explorer.widget and explorer.controls
    c["target"].value = "Russia"
    assert explorer.pending() == [] and "about Russia" in c["status"].value


@pytest.mark.offline
def test_tone_widget_stops_scoring_a_target_passed_over(small, monkeypatch):
    corpus, mentions, _, tone = small
    monkeypatch.setattr(wg, "BACKGROUND_FROM", 0)
    explorer = wg.ToneExplorer(corpus, mentions=mentions, tone=tone)
    c = explorer.widget and explorer.controls
    score = explorer._index.tone

    def moved_on_meanwhile(target, **options):
        if target == "Russia":
            c["target"].value = "United States"  # chosen while Russia is being scored
        return score(target, **options)

    monkeypatch.setattr(explorer._index, "tone", moved_on_meanwhile)
    c["target"].value = "Russia"
    assert explorer.wait(timeout=60) and explorer.pending() == []
    assert "Russia" not in explorer._cache and "about United States" in c["status"].value
    monkeypatch.setattr(explorer._index, "tone", score)
    c["target"].value = "Russia"  # chosen again: scored to the end
    assert explorer.wait(timeout=60) and "about Russia" in c["status"].value


@pytest.mark.offline
def test_build_scores_busy_targets_past_one_over_budget(monkeypatch):
    corpus = bk.Corpus.from_texts({
        "2016-01-10-a": "Iran warned Iran's rivals. Iran met Russia. Washington waits.",
        "2016-02-10-b": "Iran spoke. Russia listened.",
    }, dates=["2016-01-10", "2016-02-10"])
    monkeypatch.setattr(wg, "BUSIEST_FROM", 10**9)  # score nothing at build
    explorer = wg.ToneExplorer(corpus, target="United States")
    counts = explorer._mention_counts
    assert counts["Iran"] > counts["Russia"] > 1
    # from 1 mention up, within a budget too small for Iran but enough for Russia
    monkeypatch.setattr(wg, "BUSIEST_FROM", 1)
    monkeypatch.setattr(wg, "BUSIEST_LIMIT", int(counts["Russia"]))
    explorer._cache = {"United States": explorer._cache["United States"]}
    explorer._score_busiest()
    assert "Iran" not in explorer._cache
    assert "Russia" in explorer._cache


@pytest.mark.offline
def test_claim_browser_keeps_confident_reported_claims_and_every_judgment(small):
    corpus, _, claims, _ = small
    reported = claims["kind"] == "reported"
    scored = claims.assign(confidence=np.where(reported, [0.9, 0, 0.4, 0.85, 0][:len(claims)],
                                               np.nan))
    browser = wg.ClaimBrowser(corpus, claims=scored)
    kept = browser.filter(min_confidence=0.8)
    assert set(kept.loc[kept["kind"] == "reported", "confidence"]) == {0.9, 0.85}
    assert (kept["kind"] != "reported").sum() == (~reported).sum()
    ranked = browser.sort(browser.filter(), "confidence", descending=True)
    assert ranked["confidence"].iloc[0] == 0.9
    unknown = wg.ClaimBrowser(corpus, claims=claims)  # no confidence column: none known
    assert unknown.filter(min_confidence=0.5)["kind"].eq("reported").sum() == 0
    assert len(unknown.filter()) == len(claims)


@pytest.mark.offline
def test_claim_widget_precision_first_box_uses_the_shipped_threshold(small, monkeypatch):
    corpus, _, claims, _ = small
    monkeypatch.setattr(wg, "_precision_first", lambda: 0.5)
    scored = claims.assign(confidence=[0.9, np.nan, 0.2, 0.7, np.nan][:len(claims)])
    browser = wg.ClaimBrowser(corpus, claims=scored)
    c = browser.widget and browser.controls
    c["confident"].value = True
    assert browser.last["claim_id"].tolist() == [
        i for i, k, v in zip(scored["claim_id"], scored["kind"], scored["confidence"])
        if k != "reported" or v >= 0.5]


@pytest.mark.offline
def test_tone_evidence_by_score_most_positive_first_on_request(small):
    # no tone confidence ships: the sentences sort by score alone, and nothing of a
    # confidence (column, sort, precision-first box) is offered
    corpus, mentions, _, tone = small
    explorer = wg.ToneExplorer(corpus, mentions=mentions, tone=tone)
    frame = explorer.filter("United States")
    assert "confidence" not in frame
    assert explorer.evidence(frame)["score"].tolist() == [-0.5, 0.0, 0.3]
    assert explorer.evidence(frame, descending=True)["score"].tolist() == [0.3, 0.0, -0.5]
    c = explorer.widget and explorer.controls
    assert not {"confident", "confident_note", "sort"} & set(c)
    assert c["descending"].description == "most positive first"
    shown = re.findall(r"<b>([+-]\d\.\d\d) ", c["evidence"].value)
    assert shown == ["-0.50", "+0.00", "+0.30"]
    c["descending"].value = True
    assert re.findall(r"<b>([+-]\d\.\d\d) ", c["evidence"].value) == shown[::-1]
    assert "confidence" not in c["evidence"].value and "3 sentences" in c["status"].value


@pytest.mark.offline
def test_reader_tone_tooltip_gives_score_holder_and_evidence(small):
    corpus, mentions, claims, tone = small
    page = wg.BriefReader(corpus, mentions=mentions, claims=claims,
                          tone=tone).render("2016-01-10-a")
    assert ("Tone toward United States: negative (score -0.50), held by Russia; evidence: "
            "blame(-0.5)") in page
    assert "confidence" not in page


def test_tone_heat_map_draws_without_warnings_and_keeps_its_colours():
    # a symmetric range needs no 'center': passing it made seaborn call a colormap method
    # that matplotlib deprecates, a warning in every tone explorer
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    heat = pd.DataFrame({"2016": [0.5, -0.5], "2017": [0.0, np.nan]}, index=["author", "Iran"])
    fig, ax = plt.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        wg._plot_tone_heat(ax, heat)
    mesh = ax.collections[0]
    colours = mesh.cmap(mesh.norm(np.array([0.5, -0.5, 0.0])))
    plt.close(fig)
    assert mesh.norm.vmin == -wg.TONE_LIMIT and mesh.norm.vmax == wg.TONE_LIMIT
    assert colours[0][2] > colours[0][0] and colours[1][2] < colours[1][0]  # blue up, red down
    assert abs(colours[2][0] - colours[2][2]) < 0.05  # zero sits at the neutral middle
