"""Labels on real texts: kept without the texts' words, put back from ../shared, and checked."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import briefkit as bk
from briefkit import evaluation
from briefkit.evaluation import read_real_labels, real_labels_dir, sentence_digest
from briefkit.text import splitter_mode

ROOT = Path(__file__).resolve().parents[1]



@pytest.fixture
def fake_shared(tmp_path):
    """A ../shared with one corpus of two texts of our own, and annotators' parts on it."""
    folder = tmp_path / "shared" / "corpora" / "fake"
    folder.mkdir(parents=True)
    (folder / "one.txt").write_text(
        "Tehran says the sanctions are unjust. Washington rejects that view.\n", "utf-8")
    (folder / "two.txt").write_text("Ottawa praises the United States. It waits.\n", "utf-8")
    corpus = bk.load_corpus(folder, progress=False)
    sents = corpus.sentences
    one, two = sorted(sents["brief_id"].unique())

    def sentence(brief, i):
        return sents[(sents["brief_id"] == brief) & (sents["sent_id"] == i)]["text"].iloc[0]

    parts = tmp_path / "parts"
    parts.mkdir()
    pd.DataFrame({"corpus": ["fake", "fake"], "brief_id": [one, two], "annotator": "a",
                  "tasks": ["us_sentiment+claims", "us_sentiment"]}).to_csv(
        parts / "a-briefs.csv", index=False)
    pd.DataFrame({
        "corpus": "fake", "brief_id": [one, two], "sent_id": ["1", "0"],
        "sentence": [sentence(one, 1), sentence(two, 0)],
        "target_text": ["Washington", "United States"], "label": ["negative", "positive"],
        "holder": ["author", "Canada"], "holder_country": ["author", "Canada"], "note": "",
    }).to_csv(parts / "a-us_sentiment.csv", index=False)
    pd.DataFrame({
        "corpus": "fake", "brief_id": [one], "sent_id": ["0"], "sentence": [sentence(one, 0)],
        "holder_text": ["Tehran"], "holder": ["Iran"], "holder_country": ["Iran"],
        "cue": ["say"], "negated": ["false"], "content": ["the sanctions are unjust"],
    }).to_csv(parts / "a-claims.csv", index=False)
    return tmp_path / "shared", parts, corpus


def test_labels_keep_no_text_and_come_back_whole(benchmark, fake_shared, tmp_path, monkeypatch):
    shared, parts, corpus = fake_shared
    monkeypatch.setenv("BRIEFKIT_SHARED", str(shared))
    out = tmp_path / "real"
    assert benchmark("real_labels").main([str(parts), "--out", str(out)]) == 0
    written = "".join(p.read_text("utf-8") for p in out.glob("*.csv"))
    for words in ("sanctions are unjust", "rejects that view", "praises"):
        assert words not in written
    claims = read_real_labels("claims", folder=out, shared=shared)
    _, gold = claims["fake"]
    assert gold["content"].tolist() == ["the sanctions are unjust"]
    assert gold["holder_text"].tolist() == ["Tehran"]
    assert gold["sentence"].tolist() == ["Tehran says the sanctions are unjust."]
    tone = read_real_labels("us_sentiment", folder=out, shared=shared)
    _, gold = tone["fake"]
    assert gold["sentence"].tolist() == ["Washington rejects that view.",
                                         "Ottawa praises the United States."]
    assert set(tone["briefs"]["tasks"]) == {"us_sentiment", "us_sentiment+claims"}


def test_a_changed_text_is_named_not_mismatched(benchmark, fake_shared, tmp_path, monkeypatch):
    shared, parts, _ = fake_shared
    monkeypatch.setenv("BRIEFKIT_SHARED", str(shared))
    out = tmp_path / "real"
    benchmark("real_labels").main([str(parts), "--out", str(out)])
    (shared / "corpora" / "fake" / "one.txt").write_text(
        "Tehran says the sanctions are unfair. Washington rejects that view.\n", "utf-8")
    with pytest.raises(ValueError, match=r"claims\.csv: row 2 .*digest"):
        read_real_labels("claims", folder=out, shared=shared)


def test_rows_that_do_not_match_the_text_are_refused(benchmark, fake_shared, tmp_path, monkeypatch,
                                                     capsys):
    shared, parts, _ = fake_shared
    monkeypatch.setenv("BRIEFKIT_SHARED", str(shared))
    path = parts / "a-claims.csv"
    rows = pd.read_csv(path, dtype=str).assign(content="not in the sentence", negated="maybe")
    rows.to_csv(path, index=False)
    assert benchmark("real_labels").main([str(parts), "--out", str(tmp_path / "real")]) == 1
    printed = capsys.readouterr().out
    assert "content not in the sentence" in printed and "negated 'maybe'" in printed
    assert not (tmp_path / "real").exists()


def test_real_splits_are_named():
    with pytest.raises(ValueError, match="split"):
        real_labels_dir("train")


def test_the_digest_ignores_surrounding_space_only():
    assert sentence_digest(" Iran waits. ") == sentence_digest("Iran waits.")
    assert sentence_digest("Iran waits.") != sentence_digest("Iran waited.")


def test_labels_find_their_sentence_ids_by_text():
    corpus = bk.Corpus.from_texts(["Tehran says the talks failed. Washington waits.",
                                   "Washington waits."])
    one, two = sorted(corpus.briefs["brief_id"])
    labels = pd.DataFrame({"brief_id": [one, two, one, one],
                           "sentence": ["Washington waits. ", "Washington waits.",
                                        "Washington waited.", "Tehran says the talks failed."],
                           "sent_id": ["9", "9", "9", "9"]})
    placed = evaluation.assign_sent_ids(labels, corpus)
    assert placed["sent_id"].tolist() == [1, 0, -1, 0]
    assert labels["sent_id"].tolist() == ["9"] * 4  # a new frame; the labels are unchanged
    assert "assign_sent_ids" in evaluation.__all__


def test_holder_spans_name_whole_words_not_letters_inside_a_word():
    # "it" stands inside "Circuit" and "committee" before the pronoun itself
    parts = pd.DataFrame({
        "corpus": ["c", "c"], "brief_id": ["b", "b"], "sent_id": ["0", "1"],
        "sentence": ["The Circuit committee met, and it said the rule stands.",
                     "Bern and Basel, with Bern first, agree."],
        "holder_text": ["it", "Bern|Basel"], "holder": ["committee", "Switzerland"],
        "cue": ["say", "agree"], "negated": ["false", "false"], "content": ["", ""]})
    rows = evaluation.real_label_rows(parts)
    sentence = parts["sentence"][0]
    start, end = map(int, rows["holder_spans"][0].split(":"))
    assert sentence[start - 4:end + 5] == "and it said"
    assert rows["holder_spans"][1] == "0:4|9:14"  # parts in order, whole words


# --- the shipped real labels -------------------------------------------------------------

REAL = real_labels_dir()
REAL_DEV = real_labels_dir("dev")
needs_real = pytest.mark.skipif(REAL is None, reason="no data/annotations/real")
# The real labels name sentences as Punkt splits them with NLTK's English parameters; the
# untrained fallback splits some lists of CRS products ("a. Report language ...") otherwise.
needs_nltk_split = pytest.mark.skipif(
    splitter_mode() != "nltk",
    reason="the real labels are keyed to sentences split with NLTK's English parameters")


SHIPPED = [pytest.param(f, id=f"{f.parent.name}/{f.name}")
           for f in (REAL, REAL_DEV, REAL_DEV and REAL_DEV / "agreement") if f is not None]


@needs_real
@pytest.mark.parametrize("folder", SHIPPED)
def test_shipped_real_labels_are_well_formed_and_hold_no_text(folder):
    briefs = pd.read_csv(folder / "briefs_labelled.csv", dtype=str, keep_default_na=False)
    assert set(briefs["tasks"]) <= {"us_sentiment", "us_sentiment+claims"}
    tone = pd.read_csv(folder / "us_sentiment.csv", dtype=str, keep_default_na=False)
    claims = pd.read_csv(folder / "claims.csv", dtype=str, keep_default_na=False)
    for table in (tone, claims):
        assert not {"sentence", "content", "holder_text"} & set(table)
        assert table["sentence_sha1"].str.fullmatch(r"[0-9a-f]{12}").all()
        assert set(zip(table["corpus"], table["brief_id"])) <= set(
            zip(briefs["corpus"], briefs["brief_id"]))
    assert set(tone["label"]) <= {"negative", "neutral", "positive"}
    assert set(claims["negated"]) <= {"true", "false"}
    with_claims = briefs[briefs["tasks"] == "us_sentiment+claims"]
    assert set(claims["brief_id"]) <= set(with_claims["brief_id"])
    # a note is a few words of the annotator's, not a copied passage
    assert tone["note"].str.len().max() < 300


@needs_real
@needs_nltk_split
@pytest.mark.parametrize("split", ["test", "dev"])
def test_every_real_label_finds_its_sentence(shared, split):
    for name in ("us_sentiment", "claims"):
        real = read_real_labels(name, split=split)
        assert real is not None
        labels = pd.read_csv(real_labels_dir(split) / f"{name}.csv", dtype=str)
        got = pd.concat([gold for key, (_, gold) in
                         ((k, v) for k, v in real.items() if k != "briefs")])
        assert len(got) == len(labels)
        if name == "us_sentiment":
            names = re.compile(r"United States|U\.S\.|\bUSA?\b|America|Washington")
            assert got["sentence"].str.contains(names).all()
        else:
            has = got["content"] != ""
            assert all(c in s for c, s in zip(got["content"][has], got["sentence"][has]))


@needs_real
def test_real_claim_figures_add_up_to_their_mismatches(shared):
    from briefkit.evaluation import evaluate_real_claims

    table, errors = evaluate_real_claims()
    row = table.loc["all real texts"]
    labels = pd.read_csv(REAL / "claims.csv", dtype=str)
    assert row["labelled"] == len(labels)
    assert row["precision"] == pytest.approx(row["right"] / row["found"])
    assert row["recall"] == pytest.approx(row["right"] / row["labelled"])
    kinds = [kind for kind, _, _ in errors]
    assert kinds.count("missed") == row["labelled"] - row["right"]
    assert kinds.count("wrong") == row["found"] - row["right"]


@needs_real
def test_real_tone_scores_every_labelled_sentence_with_each_method(shared):
    from briefkit.sentiment import evaluate_real_tone

    table = evaluate_real_tone()
    n = len(pd.read_csv(REAL / "us_sentiment.csv", dtype=str))
    everything = table.xs("all real texts", level="texts")
    assert set(everything.index) == {"plain VADER", "rules", "model"}
    assert (everything["n"] == n).all()
    assert ((everything["macro_f1"] >= 0) & (everything["macro_f1"] <= 1)).all()
    per_corpus = table.drop(index="all real texts", level="texts")
    assert per_corpus.xs("rules", level="method")["n"].sum() == n


@needs_real
@needs_nltk_split
def test_the_tone_model_can_pool_the_real_development_labels(benchmark, shared):
    """sentiment_eval --with-real-dev: one item per real development tone row (every one is
    found naming the United States), its gold label, and its text as corpus/brief_id."""
    from collections import Counter

    items, texts = benchmark("sentiment_eval").load_real_dev()
    labels = pd.read_csv(real_labels_dir("dev") / "us_sentiment.csv", dtype=str)
    assert len(items) == len(texts) == len(labels)
    assert Counter(label for _, _, label, _ in items) == Counter(labels["label"])
    assert set(texts) == set(labels["corpus"] + "/" + labels["brief_id"])
    for text, spans, _, _ in items:
        assert spans and all(0 <= a < b <= len(text) for a, b in spans)


def test_agreement_on_real_texts_uses_the_methods_key(benchmark, fake_shared, tmp_path,
                                                      monkeypatch):
    shared, parts, corpus = fake_shared
    monkeypatch.setenv("BRIEFKIT_SHARED", str(shared))
    first = tmp_path / "real-dev"
    benchmark("real_labels").main([str(parts), "--out", str(first)])
    # a second annotator: one tone label differs, and one claim more, on the other sentence
    tone = pd.read_csv(parts / "a-us_sentiment.csv", dtype=str, keep_default_na=False)
    tone.loc[0, "label"] = "neutral"
    tone.to_csv(parts / "a-us_sentiment.csv", index=False)
    claims = pd.read_csv(parts / "a-claims.csv", dtype=str, keep_default_na=False)
    one = claims.loc[0, "brief_id"]
    sents = corpus.sentences
    second_sentence = sents[(sents["brief_id"] == one) & (sents["sent_id"] == 1)]["text"].iloc[0]
    extra = claims.iloc[[0]].assign(sent_id="1", sentence=second_sentence,
                                    holder_text="Washington", holder="United States",
                                    holder_country="United States", cue="reject",
                                    negated="true", content="that view")
    pd.concat([claims, extra]).to_csv(parts / "a-claims.csv", index=False)
    benchmark("real_labels").main([str(parts), "--out", str(first / "agreement")])
    sections = dict(benchmark("agreement").real_sections(first, shared))
    tone_all = sections["Attitude toward the United States (all)"]
    assert tone_all["sentences labelled by both"] == 2
    assert tone_all["label accuracy"] == 0.5
    assert tone_all["holder agreement"] == 1.0
    claims_fig = sections["Reported claims (sentence, holder, cue: the methods' key)"]
    assert (claims_fig["claims (first)"], claims_fig["claims (second)"]) == (1, 2)
    assert (claims_fig["precision"], claims_fig["recall"]) == (0.5, 1.0)


def test_agreement_on_real_texts_without_second_claims_reports_tone_only(
        benchmark, fake_shared, tmp_path, monkeypatch):
    shared, parts, _ = fake_shared
    monkeypatch.setenv("BRIEFKIT_SHARED", str(shared))
    first = tmp_path / "real-dev"
    benchmark("real_labels").main([str(parts), "--out", str(first)])
    benchmark("real_labels").main([str(parts), "--out", str(first / "agreement")])
    (first / "agreement" / "claims.csv").unlink()  # a second annotator who did tone only
    sections = dict(benchmark("agreement").real_sections(first, shared))
    assert "Attitude toward the United States (all)" in sections
    assert "Reported claims (sentence, holder, cue: the methods' key)" not in sections


def test_pooled_figures_are_those_of_all_the_texts_at_once():
    corpus = bk.Corpus.from_texts({"one": "Tehran says the talks failed. Moscow denies it.",
                                   "two": "Ankara insists it will wait. Paris agrees."})
    gold = pd.DataFrame({"brief_id": ["one", "one", "two", "two"],
                         "sentence": ["Tehran says the talks failed.", "Moscow denies it.",
                                      "Ankara insists it will wait.", "Paris agrees."],
                         "holder": ["Iran", "Russia", "Turkey", "France"],
                         "cue": ["say", "deny", "insist", "agree"]})
    found = pd.DataFrame({"brief_id": ["one", "one", "two", "two"], "sent_id": [0, 1, 0, 1],
                          "kind": "reported", "holder": ["Iran", "Iran", "Turkey", "France"],
                          "cue": ["say", "deny", "insist", "say"]})
    whole, _ = evaluation.compare_to_labels(found, corpus, gold, task="reported")
    parts = [evaluation.compare_to_labels(found[found["brief_id"] == b], corpus,
                                          gold[gold["brief_id"] == b], task="reported")[0]
             for b in ("one", "two")]
    pooled = evaluation.pool_figures(parts)
    assert (pooled["right"], pooled["found"], pooled["labelled"]) == (2, 4, 4)
    assert pooled["holder accuracy"] == pytest.approx(2 / 3)  # 'deny' by Iran: cue, not holder
    assert pooled == pytest.approx(whole)
    assert pooled["holder accuracy"] != pytest.approx(
        sum(p["holder accuracy"] for p in parts) / 2)  # a ratio of counts, not a mean
    assert "pool_figures" in evaluation.__all__
    # scoring some of the briefs scores their labels only, not every label given
    one, _ = evaluation.compare_to_labels(found, corpus, gold, task="reported", briefs=["one"])
    assert (one["right"], one["found"], one["labelled"]) == (1, 2, 2)


def test_agreement_by_country_key_when_one_annotator_has_no_claims(benchmark):
    """The sample's looser key: an annotator with no claims on the briefs gives counts of 0
    and NaN for the ratio it would divide by, not a ZeroDivisionError."""
    import math

    columns = ["brief_id", "sentence", "holder_country", "cue"]
    rows = pd.DataFrame([["b1", "Our own made-up line one.", "Iran", "say"],
                         ["b1", "Our own made-up line two.", "Russia", "warn"]], columns=columns)
    none = rows.iloc[:0]
    by_key = benchmark("agreement").claims_by_country_key
    found_none = by_key(rows, none)  # the first's claims are kept on the second's briefs: none
    assert (found_none["claims (first)"], found_none["claims (second)"]) == (0, 0)
    assert all(math.isnan(found_none[k]) for k in ("precision", "recall", "F1"))
    other = pd.DataFrame([["b1", "Our own made-up line three.", "Iran", "say"]], columns=columns)
    missed = by_key(rows, other)
    assert (missed["claims (first)"], missed["claims (second)"]) == (2, 1)
    assert (missed["precision"], missed["recall"], missed["F1"]) == (0.0, 0.0, 0.0)
    no_gold = by_key(none, rows)
    assert (no_gold["claims (first)"], no_gold["claims (second)"]) == (0, 2)
    assert no_gold["precision"] == 0.0 and math.isnan(no_gold["recall"])
    assert no_gold["F1"] == 0.0
    half = by_key(rows, rows.iloc[:1])
    assert (half["precision"], half["recall"], half["F1"]) == (1.0, 0.5, 0.667)


# --- re-keying the labels to a changed loader (benchmarks/rekey_real_labels.py) ----------

def _sentences(texts: dict[str, str]) -> dict:
    """{corpus: {path: (brief_id, [(sent_id, text)])}} as rekey_real_labels reads them, with
    each text's name as its path and brief_id."""
    sents = bk.Corpus.from_texts(texts).sentences
    return {"c": {b: (b, [(int(i), t) for i, t in zip(rows["sent_id"], rows["text"])])
                  for b, rows in sents.groupby("brief_id")}}


def _label_rows(old: dict, rows: list[tuple]) -> pd.DataFrame:
    """Claim rows (brief, sentence number, holder words, content) on the old sentences."""
    parts = pd.DataFrame([
        {"corpus": "c", "brief_id": b, "sent_id": str(i), "sentence": old["c"][b][1][i][1],
         "holder_text": h, "holder": h, "cue": "say", "negated": "false", "content": c}
        for b, i, h, c in rows])
    return evaluation.real_label_rows(parts)


def test_rekeying_carries_offsets_to_the_sentences_with_restored_spaces(benchmark):
    rk = benchmark("rekey_real_labels")
    old = _sentences({"one": "Oslo waits. Norway says talks resumedin Bergen and Tromso.",
                      "two": "Quito notes that shipping rates rose. Lima agrees."})
    new = _sentences({"one": "Oslo waits. Norway says talks resumed in Bergen and Tromso.",
                      "two": "Quito notes that shipping rates rose. Lima agrees."})
    labels = _label_rows(old, [("one", 1, "Norway", "talks resumedin Bergen and Tromso"),
                               ("one", 1, "Norway", "Bergen"),
                               ("two", 0, "Quito", "shipping rates rose")])
    rekeyer = rk.Rekeyer(old, new)
    table, changed, refused = rk.rekey_table(labels, rekeyer, "claims.csv")
    assert (changed, refused) == (2, [])
    assert rekeyer.counts["spans"] == 6 and rekeyer.counts["spans moved"] == 2
    assert rekeyer.counts["words apart in spans after"] == (
        rekeyer.counts["words apart in spans before"] + 1)
    placed = evaluation._put_back_text(table, bk.Corpus.from_texts(
        {"one": new["c"]["one"][1][0][1] + " " + new["c"]["one"][1][1][1],
         "two": new["c"]["two"][1][0][1] + " " + new["c"]["two"][1][1][1]}), Path("x.csv"))
    assert placed["content"].tolist() == ["talks resumed in Bergen and Tromso", "Bergen",
                                          "shipping rates rose"]
    assert placed["holder_text"].tolist() == ["Norway", "Norway", "Quito"]
    assert table["sentence_sha1"].iloc[2] == labels["sentence_sha1"].iloc[2]  # untouched
    assert table["sentence_sha1"].iloc[0] != labels["sentence_sha1"].iloc[0]


def test_rekeying_refuses_what_it_cannot_carry_and_names_the_row(benchmark):
    rk = benchmark("rekey_real_labels")
    old = _sentences({"one": "Oslo waits. Norway says the harbor reopened. Lima agrees.",
                      "two": "Quito says rates rose. Lima agrees with Quito."})
    # a change that glues two words, and one that merges two sentences
    new = _sentences({"one": "Oslo waits. Norway says the harborreopened. Lima agrees.",
                      "two": "Quito says rates rose and Lima agrees with Quito."})
    labels = _label_rows(old, [("one", 1, "Norway", "the harbor"),
                               ("two", 0, "Quito", "rates rose"),
                               ("one", 0, "Oslo", "")])
    labels.loc[2, "sentence_sha1"] = "0" * 12  # a sentence the old code does not have
    table, changed, refused = rk.rekey_table(labels, rk.Rekeyer(old, new), "claims.csv")
    assert refused == ["claims.csv row 2: the content span would cut a word",
                       "claims.csv row 3: the sentence has no single counterpart with the "
                       "new code",
                       "claims.csv row 4: no sentence of the text has this digest with the "
                       "old code"]
    assert changed == 0 and table.equals(labels)  # refused rows are kept as they were


def test_rekeying_loads_with_the_code_it_is_given(benchmark, fake_shared):
    rk = benchmark("rekey_real_labels")
    shared, _, corpus = fake_shared
    loaded = rk.load_sentences({"fake": shared / "corpora" / "fake"}, ROOT / "src")
    got = {b: [t for _, t in sents] for b, sents in loaded["fake"].values()}
    sents = corpus.sentences
    assert got == {b: rows["text"].tolist() for b, rows in sents.groupby("brief_id")}


def test_agreement_on_the_development_briefs_reads_their_second_labels(benchmark, monkeypatch,
                                                                       tmp_path):
    import briefkit as bk
    from briefkit.paths import annotations_dir, sample_briefs_dir

    dev = annotations_dir() / "dev"
    second = {n: pd.read_csv(dev / "agreement" / f"{n}.csv", dtype=str, keep_default_na=False)
              for n in ("claims", "us_sentiment", "briefs_labelled")}
    briefs = set(second["briefs_labelled"]["brief_id"])
    first = pd.read_csv(dev / "briefs_labelled.csv", dtype=str, keep_default_na=False)
    assert briefs and briefs <= set(first["brief_id"])  # a second reading of dev briefs
    sents = bk.load_corpus(sample_briefs_dir(), progress=False).sentences
    texts = set(zip(sents["brief_id"], sents["sent_id"].astype(str), sents["text"]))
    for name in ("claims", "us_sentiment"):
        rows = second[name]
        assert set(rows["brief_id"]) <= briefs
        assert set(zip(rows["brief_id"], rows["sent_id"], rows["sentence"])) <= texts, name
    module = benchmark("agreement")
    sections = dict(module.sample_sections("dev"))
    claims = sections["Reported claims (sentence, holder, cue: the methods' key)"]
    rows = second["claims"]  # one claim per sentence, holder set and cue (case 18)
    holders = rows["holder"].map(lambda h: tuple(sorted(x.strip().lower() for x in h.split("|"))))
    keys = set(zip(rows["brief_id"], rows["sent_id"], holders, rows["cue"]))
    assert claims["claims (second)"] == len(keys) < len(rows)
    tone = sections["Attitude toward the United States"]
    assert tone["sentences labelled by both"] + tone["only by the second"] == len(
        second["us_sentiment"])
    # a split with no second annotator says so instead of failing
    monkeypatch.setattr(module, "annotations_dir", lambda: tmp_path)
    (tmp_path / "dev").mkdir()
    assert module.sample_sections("dev") == [
        ("Sample dev briefs: no second annotator's labels", None)]


def test_one_claim_per_holder_cue_and_sentence():
    """Case 18: "said that A and that B" is one claim, written as one row or as two; rows of the
    same sentence, holder set and cue count once, labelled and found alike."""
    corpus = bk.Corpus.from_texts({"one": "Tehran says the talks failed and that it will wait. "
                                          "Moscow and Ankara deny it."})
    s0, s1 = "Tehran says the talks failed and that it will wait.", "Moscow and Ankara deny it."
    gold = pd.DataFrame({"brief_id": "one", "sentence": [s0, s0, s1],
                         "holder": ["Iran", "Iran", "Russia|Turkey"],
                         "cue": ["say", "say", "deny"]})
    found = pd.DataFrame({"brief_id": "one", "sent_id": [0, 1, 1], "kind": "reported",
                          "holder": ["Iran", "Turkey|Russia", "Russia|Turkey"],
                          "cue": ["say", "deny", "deny"]})
    figures, misses = evaluation.compare_to_labels(found, corpus, gold, task="reported")
    assert (figures["right"], figures["found"], figures["labelled"]) == (2, 2, 2)
    assert misses == []
    # another cue or another holder in the same sentence is another claim
    other = found.assign(cue=["say", "deny", "reject"])
    figures, _ = evaluation.compare_to_labels(other, corpus, gold, task="reported")
    assert (figures["right"], figures["found"], figures["labelled"]) == (2, 3, 2)
