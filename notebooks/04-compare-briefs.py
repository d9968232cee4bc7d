# %% [markdown]
# # 04 Compare briefs
#
# Analysts read briefs as a series. What did the judgments say in 2015, and what do they say
# now? Which themes grew, which actors came and went, how does one region's vocabulary differ
# from another's, and who speaks of the United States how? ICD 203 asks analysts to explain
# "changes in judgments"; this notebook finds them.
#
# **In this notebook** we follow themes and actors over three years, find the terms that set
# one year or one region apart (with three statistics, and a plot in the spirit of
# Scattertext), find the briefs most alike, follow estimative judgments from brief to brief
# (new, repeated, strengthened, weakened, reversed, dropped), track the tone toward the
# United States by holder, read two briefs side by side, and finally run the same
# comparisons on real statements to the UN General Debate.
#
# **Prerequisites**: [02 Actors and claims](02-actors-and-claims.ipynb) and
# [03 Sentiment toward the US](03-sentiment-toward-the-us.ipynb) introduce the mentions,
# claims and tone tables compared here. The notebook runs on briefkit's sample corpus
# (`data/briefs`, sample briefs written for briefkit); change `briefs_path` in the
# parameters cell, or run from the checkout
# `.venv/bin/papermill notebooks/04-compare-briefs.ipynb out.ipynb -p briefs_path DIR`.
#
# **Files written**: none (briefkit caches what it computes in `.briefkit-cache/`).

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import briefkit as bk
from briefkit import compare, plots
from briefkit.paths import shared_dir

print("briefkit", bk.__version__)

# %% tags=["parameters"]
briefs_path = None  # None: the sample corpus; or a folder, a file of briefs
year_a = 2015  # the two years compared; a year the corpus lacks becomes its first year
year_b = 2017  # ... or its last year (said below)
top_terms = 12
link_threshold = 0.3  # content similarity for two claims to be one view (see "Claim tracking")
themes = {
    "JCPOA": ["JCPOA", "nuclear deal", "nuclear agreement", "Joint Comprehensive"],
    "Assad's survival": ["Assad", "regime"],
    "Minsk": ["Minsk", "Donbas"],
    "North Korea's ICBM": ["ICBM", "Hwasong"],
    "Mosul and Raqqa": ["Mosul", "Raqqa"],
    "Russia-Turkey": ["Russia-Turkey", "Ankara and Moscow", "Moscow and Ankara"],
}
un_countries = ["USA", "RUS", "IRN"]
show_rows = 10

# %%
corpus = bk.load_corpus(briefs_path or bk.sample_path())
mentions = bk.find_mentions(corpus)
claims = bk.extract_claims(corpus)
tone = bk.sentiment_toward(corpus, "United States")
in_corpus = sorted(int(y) for y in corpus.briefs["date"].dropna().dt.year.unique())
if in_corpus and (year_a not in in_corpus or year_b not in in_corpus):
    asked = (year_a, year_b)
    year_a = year_a if year_a in in_corpus else in_corpus[0]
    year_b = year_b if year_b in in_corpus else in_corpus[-1]
    print(f"years asked {asked}; the dated briefs span {in_corpus[0]}-{in_corpus[-1]}: "
          f"comparing {year_a} with {year_b}")
two_years = len(in_corpus) > 1 and year_a != year_b
corpus

# %% [markdown]
# The run's provenance: the versions of briefkit and of the packages its results depend on,
# which NLTK resources are in force, the corpus's content hash and this notebook's
# parameters. Two runs with the same provenance give the same tables.

# %%
bk.provenance(corpus=corpus, parameters={
    "briefs_path": briefs_path, "year_a": year_a, "year_b": year_b, "top_terms": top_terms,
    "link_threshold": link_threshold, "themes": themes, "un_countries": un_countries,
})

# %% [markdown]
# ## Themes and actors over three years
#
# Two views of what the briefs are about. The manifest's `topics` (tags given to each brief)
# count briefs per year; the `themes` of the parameters cell count the sentences that use
# their keywords (a keyword matches at the start of a word, so "Assad" also finds
# "Assad's").

# %%
topics = compare.topic_timeline(corpus, freq="year", top=15)
themed = compare.theme_timeline(corpus, themes, freq="half")
fig, axes = plt.subplots(1, 2, figsize=(14, 5))
plots.plot_period_heatmap(topics, key="topic", value="briefs", ax=axes[0], title="Briefs per topic")
plots.plot_period_heatmap(themed, key="theme", value="sentences", ax=axes[1],
                          title="Sentences per theme")
fig.tight_layout()
plt.show()

# %% [markdown]
# Actors, from the mentions table: how often each is named per half-year (regions and
# non-actors left out), and who is named with whom in the same sentence, in the first and
# the last year.

# %%
plots.plot_period_heatmap(compare.actor_timeline(mentions, corpus, freq="half"),
                          key="actor", value="mentions", title="Mentions per half-year")
plt.show()

# %%
edges = compare.co_mentions(mentions, corpus, freq="year")
fig, axes = plt.subplots(1, 2, figsize=(15, 6))
for ax, year in zip(axes, (year_a, year_b)):
    plots.plot_co_mentions(edges, period=str(year), top=12, ax=ax)
fig.tight_layout()
plt.show()

# %%
edges[edges["period"] == str(year_b)].head(show_rows)

# %% [markdown]
# ## What sets one year apart: keyness
#
# Is "Kyiv" more frequent in 2015 than in 2017 by chance, or is it a mark of the year?
# `compare.keyness` counts every word (stopwords left out) in each group and gives three
# statistics, because each answers a different question:
#
# - **G2** (Dunning's log-likelihood) and its **p-value**: how sure we can be that the
#   difference is not chance. G2 above 10.83 is p < 0.001. It grows with frequency, so common
#   words win.
# - **log ratio** (Hardie): how big the difference is. 1 means twice as frequent, 2 four
#   times; a word absent from one side counts as half an occurrence, so the ratio stays
#   finite.
# - **z** of the weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi and
#   Quinn's "Fightin' Words"): the difference shrunk toward the whole corpus's rate and
#   divided by its standard error, so that a word seen twice does not top the list. Rows are
#   ordered by z.

# %%
if two_years:
    years = compare.keyness(corpus, by="year", a=year_a, b=year_b)
    display(pd.concat([years.head(top_terms // 2), years.tail(top_terms // 2)]).round(3))
else:
    print("Keyness between years needs dated briefs of two different years: skipped.")

# %%
if two_years:
    fig, axes = plt.subplots(1, 2, figsize=(15, 7), gridspec_kw={"width_ratios": [3, 2]})
    plots.plot_keyness_scatter(years, n_labels=top_terms, ax=axes[0])
    plots.plot_keyness_bars(years, n=top_terms, ax=axes[1])
    fig.tight_layout()
    plt.show()

# %% [markdown]
# Points on the diagonal are used alike in both years. The words that mark 2015 are of the
# Ukraine war and the Sinai; those of 2017 are of the new administration and North Korea,
# and "certainly" is among them: the later briefs reach for "almost certainly" more often.
#
# The same works for any column of the briefs table, a ";"-separated tag, or a list of
# brief_ids; without `a` and `b`, each group is compared with the rest. Here, each region:

# %%
by_region = "region" if "region" in corpus.briefs else "source"
if corpus.briefs[by_region].fillna("").nunique() > 1:
    regions = compare.keyness(corpus, by=by_region)
    display(regions.groupby("group_a").head(6).groupby("group_a")["term"].agg(", ".join))
else:
    print(f"Every brief has the same {by_region}: no groups to compare.")

# %% [markdown]
# And over time: what is new in each year compared with the year before.

# %%
if len(in_corpus) > 1:
    since = compare.keyness_over_time(corpus, freq="year", against="previous")
    display(since.groupby(["group_a", "group_b"]).head(8)
            .groupby(["group_a", "group_b"])["term"].agg(", ".join))
else:
    print("Keyness over time needs dated briefs of two different years: skipped.")

# %% [markdown]
# ## Which briefs are alike
#
# Each brief becomes a vector of TF-IDF weights (a word counts more the more often the brief
# uses it and the fewer briefs use it at all); the cosine of two vectors is their
# similarity. The heat map orders briefs by average-linkage clustering, so that alike briefs
# sit together: the Iran briefs, the Levant briefs, the Korea briefs form blocks.

# %%
similarity = compare.brief_similarity(corpus)
plots.plot_similarity_heatmap(similarity, corpus)
plt.show()

# %%
about_iran = corpus.briefs.loc[corpus.briefs["title"].str.contains("Iran"), "brief_id"]
chosen = about_iran.iloc[-1] if len(about_iran) else corpus.briefs["brief_id"].iloc[-1]
print(chosen)
compare.nearest_briefs(corpus, chosen, n=5)

# %% [markdown]
# `shared_terms` says why: the terms that contribute most to the cosine.
#
# ## Claim tracking: how the judgments moved
#
# `compare.track_claims` follows each claim from brief to brief. Two claims in different
# briefs are one view restated when
#
# 1. they have the **same holder** (the author, or "Russia", or "Saudi officials");
# 2. they are about the **same things**: their target actors (those named inside the claim)
#    do not clash, and they share an anchor, an actor or a name such as "Mosul" or "JCPOA"
#    that is not everywhere (in briefs about US policy, "United States" says nothing about
#    the subject);
# 3. their **content is alike**: they share at least two content words (a subject and
#    something said of it: a name in passing or a fragment such as "Iran" restates nothing),
#    and a TF-IDF cosine of at least `link_threshold` over the content words, with hedges
#    ("likely") and words of time ("2016", or a name that only dates the claim, as in "before
#    Mosul") left out, words cut to six letters, and a few predicates said many ways counted
#    as one ("survive", "remain", "stay"; "fall", "lose", "retake").
#
# A claim links to the most similar such claim in the latest earlier brief that has one. A
# judgment is compared on the clause of its own estimative term, so "a resolution may pass,
# but opponents are very unlikely to override a veto" gives two judgments. Each link is then
# marked by how the probability range moved: **strengthened** ("likely", 55-80%, to "almost
# certainly", 95-99%), **weakened**, **reversed** (from above even odds to below), or
# **repeated**; claims that link to nothing are **new**; a view is **dropped** when its
# holder comes back to the subject in a later brief without restating it; and a judgment
# the author only recalls ("In March we judged ...") is **recalled**, history rather than a
# judgment. "Assad's fall is a roughly even chance" and "Assad will probably survive" are
# one judgment read in opposite directions: the range of the second is turned round.

# %%
tracked = compare.track_claims(claims, mentions=mentions, corpus=corpus, threshold=link_threshold)
tracked["change"].value_counts().rename("claims").to_frame().T

# %% [markdown]
# Why 0.3? Reading the links by hand on this corpus: between 0.25 and 0.30 only about half
# are the same view restated; from 0.30 to 0.45 about four in five are; above that nearly
# all. Here are the weakest links kept, to judge for yourself:

# %%
weakest = tracked[tracked["similarity"].notna() & (tracked["change"] != "dropped")]
weakest.nsmallest(6, "similarity")[["similarity", "previous_content", "content", "shared_words"]]

# %% [markdown]
# ### The nuclear deal
#
# `compare.claim_timeline` gives the threads on one theme, whole, in a table to read top to
# bottom: date, holder, the words, the term and its range, and what changed.

# %%
pd.set_option("display.max_colwidth", 110)
jcpoa = compare.claim_timeline(tracked, themes["JCPOA"] + ["the deal", "comply"], linked_only=True)
jcpoa.drop(columns="brief_id")

# %%
plots.plot_claim_threads(compare.select_threads(tracked, themes["JCPOA"] + ["the deal", "comply"],
                                                linked_only=True))
plt.show()

# %% [markdown]
# ### Russia in Syria and Assad's survival
#
# A theme can require two sets of words: here a claim on Syria or Assad that also names
# Russia, or is made by it.

# %%
syria = compare.claim_timeline(tracked, ["Syria", "Assad", "Aleppo", "Damascus", "Tartus"],
                               require=["Russia", "Moscow", "Putin"], linked_only=True)
syria.drop(columns="brief_id")

# %%
plots.plot_claim_threads(compare.select_threads(tracked, themes["Assad's survival"],
                                                linked_only=True), max_threads=4)
plt.show()

# %% [markdown]
# The author's judgment that Assad stays in power climbs from "probably" (late 2015) to
# "very likely" (2016) to "almost certainly" (2017), and the early "roughly even chance" of
# his fall, read the other way round, fits the same line.
#
# ### North Korea's ICBM and the campaign against the Islamic State

# %%
compare.claim_timeline(tracked, themes["North Korea's ICBM"], linked_only=True).drop(
    columns="brief_id")

# %%
compare.claim_timeline(tracked, themes["Mosul and Raqqa"], linked_only=True).drop(
    columns="brief_id").head(show_rows * 2)

# %% [markdown]
# ## Tone toward the United States, by holder and over time
#
# From the sentiment table of notebook 03 (one row per sentence that names the United
# States, with the holder of the view): the mean tone per year, by the state or body each
# holder speaks for, with a 95% t interval. A holder seen twice gets a wide interval, as it
# should; sentences of one brief are not independent, so `n_briefs` is shown beside `n`.

# %%
by_country = compare.tone_summary(tone, corpus, by="holder_country", freq="year")
plots.plot_tone_over_time(by_country, by="holder_country", top=5)
plt.show()

# %%
compare.tone_summary(tone, corpus, by="holder_country", min_n=5).sort_values("mean_score").round(3)

# %% [markdown]
# ## Two briefs side by side
#
# `compare.diff_briefs` reads two briefs together: the terms, actors, claims and tone they
# share, and what only one of them has. Claims are paired as in claim tracking, so a
# judgment that moved shows its change. Here the two briefs between which the most
# judgments moved.

# %%
moved = tracked[tracked["change"].isin(["strengthened", "weakened", "reversed"])]
pairs = moved.groupby(["previous_brief", "brief_id"]).size().sort_values(ascending=False)
first, last = pairs.index[0] if len(pairs) else tuple(corpus.briefs["brief_id"].iloc[[0, -1]])
diff = compare.diff_briefs(corpus, first, last, mentions=mentions, claims=claims, tone=tone)
print(first, "->", last)
diff.summary()

# %%
diff.claims[diff.claims["side"] == "both"]

# %%
diff.actors.head(show_rows)

# %%
pd.concat([diff.terms[diff.terms["side"] == side].head(8) for side in ("a only", "b only")])

# %% [markdown]
# ## A real corpus: the UN General Debate, 2015-2017
#
# The same comparisons on real statements: 20 countries' addresses to the UN General Debate
# in 2015, 2016 and 2017 (the UN General Debate Corpus, Baturo, Dasandi and Mikhaylov, CC0),
# when `../shared/corpora/un-general-debate-2015-2017` is beside the project. Its manifest
# gives each statement's `country_iso3` and `year`. A statement has no reported views to
# speak of: its own voice, the "author", is the country's.

# %%
un_folder = shared_dir() / "corpora" / "un-general-debate-2015-2017" if shared_dir() else None
un = bk.load_corpus(un_folder) if un_folder and un_folder.is_dir() else None
print(un if un is not None
      else "The UN General Debate corpus is not here: this section is skipped.")

# %% [markdown]
# What sets the United States, Russia and Iran apart: each country's statements against the
# other two's.

# %%
if un is not None:
    trio = un.subset(un.briefs.loc[un.briefs["country_iso3"].isin(un_countries), "brief_id"])
    speeches = compare.keyness(trio, by="country_iso3")
    distinctive = (speeches.groupby("group_a").head(top_terms)
                   .groupby("group_a")["term"].agg(", ".join))
else:
    distinctive = "skipped: no UN corpus"
distinctive

# %% [markdown]
# Each country's tone toward the United States, in its own voice, with a 95% t interval
# (countries with at least three sentences naming the United States).

# %%
if un is not None:
    un_tone = bk.sentiment_toward(un, "United States")
    un_tone = un_tone[un_tone["holder"] == "author"]
    un_by_country = compare.tone_summary(un_tone, un, by="country_iso3", min_n=3)
else:
    un_by_country = "skipped: no UN corpus"
un_by_country

# %%
if un is not None:
    plots.plot_tone_forest(un_by_country, by="country_iso3",
                           title="Tone toward the United States, UN General Debate 2015-2017")
    plt.show()

# %% [markdown]
# ## Exercises
#
# Each exercise asks a question of the corpus. Write your answer in the cell below the
# question (`answer = ...`), then run the check under it. The check computes the right
# answer from the corpus loaded above, so it holds on your own briefs too, and when your
# answer is not right yet it gives a hint.

# %%
from briefkit.exercises import check

# %% [markdown]
# ### Exercise 04.1: three statistics, three answers
#
# Which word marks the corpus's first year most strongly against its last year, by the z of
# the weighted log-odds (the order of `compare.keyness`)? Then look at which word G2 and the
# log ratio rank first, and why they differ.

# %% tags=["solution"]
in_corpus = sorted(int(y) for y in corpus.briefs["date"].dropna().dt.year.unique())
if len(in_corpus) > 1:
    first_vs_last = compare.keyness(corpus, by="year", a=in_corpus[0], b=in_corpus[-1])
    answer = first_vs_last["term"].iloc[0]
else:
    answer = "none"

# %%
check("04.1", answer, corpus=corpus)

# %% [markdown]
# ### Exercise 04.2: the two briefs most alike
#
# Which two different briefs are most alike, by the cosine of their TF-IDF vectors
# (`similarity` above)? Answer with a pair of brief_ids.

# %% tags=["solution"]
alike = similarity.stack()
alike = alike[alike.index.get_level_values(0) != alike.index.get_level_values(1)]
answer = alike.idxmax() if len(alike) else "none"

# %%
check("04.2", answer, corpus=corpus)

# %% [markdown]
# ### Exercise 04.3: judgments that grew firmer
#
# With `compare.track_claims` at its default threshold, how many of the author's claims were
# strengthened from one brief to the next?

# %% tags=["solution"]
by_default = compare.track_claims(claims, mentions=mentions, corpus=corpus)
answer = int(((by_default["holder"] == "author") & (by_default["change"] == "strengthened")).sum())

# %%
check("04.3", answer, corpus=corpus)

# %% [markdown]
# ## In this notebook we:
#
# - followed topics, themes and actors over three years, and who is named with whom;
# - found the terms that set one year, one region or one country apart, with G2, log ratio
#   and Fightin' Words z, and plotted them against each other;
# - found the briefs most alike, and why;
# - followed estimative judgments from brief to brief, and saw which were strengthened,
#   weakened, reversed or dropped;
# - measured the tone toward the United States by holder and year, with intervals;
# - read two briefs side by side, and ran the same comparisons on UN statements.
#
# Next: [05 Explore](05-explore.ipynb): the same tables behind interactive widgets.
