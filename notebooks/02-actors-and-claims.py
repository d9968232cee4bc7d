# %% [markdown]
# # 02 Actors and claims
#
# A brief mixes three voices: facts, views it reports ("Moscow insists that ..."), and its
# author's own judgments, hedged with words of likelihood ("will very likely", "may"). An
# analyst who wants to know *who asserts what*, and *how sure the author is*, needs the three
# apart. This notebook finds the actors a brief names, the views it attributes to them, and
# the author's estimative judgments with the probability each word stands for.
#
# **In this notebook** we count who is named and with whom, list what each actor is reported
# to assert, place every estimative judgment on the 0-1 probability axis of ICD 203, read
# one brief with its judgments highlighted, check each brief's tradecraft, and measure the
# extractor against hand labels.
#
# **Prerequisites**: [01 Load and tokenise](01-load-and-tokenize.ipynb). The notebook runs on
# briefkit's sample corpus (`data/briefs`, sample briefs written for briefkit); change
# `briefs_path` in the parameters cell, or run from the checkout
# `.venv/bin/papermill notebooks/02-actors-and-claims.ipynb out.ipynb -p briefs_path DIR`.
#
# **Files written**: none (briefkit caches what it computes in `.briefkit-cache/`).

# %%
from IPython.display import HTML, display

import briefkit as bk
from briefkit import claims as bc
from briefkit import plots

print("briefkit", bk.__version__)

# %% tags=["parameters"]
briefs_path = None  # None: the sample corpus; or a folder, a file of briefs
brief_to_show = None  # a brief_id, or None for the brief with the most judgments
top_actors = 15
show_rows = 10

# %%
corpus = bk.load_corpus(briefs_path or bk.sample_path())
corpus

# %% [markdown]
# The run's provenance: the versions of briefkit and of the packages its results depend on,
# which NLTK resources are in force, the corpus's content hash and this notebook's
# parameters. Two runs with the same provenance give the same tables.

# %%
bk.provenance(corpus=corpus, parameters={"briefs_path": briefs_path,
                                         "brief_to_show": brief_to_show,
                                         "top_actors": top_actors, "show_rows": show_rows})

# %% [markdown]
# ## Who is named
#
# `bk.find_mentions` finds every naming of an actor through briefkit's gazetteer
# (`data/actors.csv`): states by their names, demonyms and capitals ("Moscow" is Russia),
# leaders, bodies, armed groups, and groups that hold views ("U.S. officials").

# %%
mentions = bk.find_mentions(corpus)
named = mentions[~mentions["actor_type"].isin(["region", "non_actor"])]
(named.groupby(["actor", "actor_type"]).agg(mentions=("text", "size"),
                                            briefs=("brief_id", "nunique"))
 .sort_values("mentions", ascending=False).head(top_actors))

# %% [markdown]
# With whom? Two actors named in the same sentence are usually acting on, or talking about,
# each other.

# %%
plots.actor_pairs(mentions, top=show_rows)

# %% [markdown]
# ## What each actor asserts
#
# `bk.extract_claims` returns one row per claim. A **reported** claim has a `holder` (the
# actor resolved through the gazetteer, pronouns such as "he", "it" or "Both" included), the
# `cue` (the lemma of the reporting or attitude word), `negated` (the cue is negated, or is
# itself a word of denial: "does not trust", "rejects") and the `content`, the clause the
# holder asserts. `start`/`end` index the brief's text, so every claim can be traced back.
# The mentions found above are passed in, so that they are not found twice.

# %%
claims = bk.extract_claims(corpus, mentions=mentions)
claims["kind"].value_counts().rename("claims").to_frame()

# %%
reported = claims[claims["kind"] == "reported"]
ax = plots.plot_claims_by_holder(claims, top=top_actors)

# %% [markdown]
# A table per holder: what does each of the most cited actors assert?

# %%
columns = ["brief_id", "holder_text", "cue", "negated", "content"]
for holder in reported["holder"].value_counts().index[:3]:
    print(f"\n{holder}")
    display(reported.loc[reported["holder"] == holder, columns].head(show_rows))

# %% [markdown]
# ### How far to trust each claim
#
# The patterns that find reported claims are not all equally reliable: "Moscow insists that
# ..." is almost always a view held by Russia, while a common-noun holder ("the strikes
# reported") or a plan and a proposal are right far less often. Each reported claim has a
# `confidence` in 0..1, briefkit's estimate that its holder and cue are both right, from the
# claim's own features: the `rule` that found it, how its holder was named, the cue,
# negation, lengths and quotation. The weights were fitted on claims the rules found in
# texts they had not yet been developed on, so they estimate how the rules do on new texts
# (`benchmarks/README.md`, sessions 17 and 21). The **precision-first** reading keeps the
# claims at or above `claim_model.precision_first_threshold()` (0.65 now): on those unseen
# texts, each scored by a model fitted without it, it keeps the claims at a precision of 0.85
# and about half of the labelled claims (on the sample's test briefs, 0.83 and 0.68).

# %%
from briefkit import claim_model

threshold = claim_model.precision_first_threshold()
confident = reported[reported["confidence"] >= threshold]
print(f"{len(confident)} of {len(reported)} reported claims at or above the precision-first "
      f"threshold ({threshold})")
columns = ["brief_id", "holder", "cue", "content", "rule", "confidence"]
display(reported.sort_values("confidence")[columns].head(show_rows))

# %% [markdown]
# Why the least trusted claim scores low: each feature it has, its weight, and its effect on
# the log-odds (the effects add up to the confidence).

# %%
if len(reported):
    least = reported.sort_values("confidence").iloc[0]
    print(f"{least['holder']} / {least['cue']}: confidence {least['confidence']}")
    display(claim_model.explain_confidence(least, corpus))

# %% [markdown]
# ## The author's estimative judgments
#
# Intelligence writing has a standard for likelihood: ICD 203 fixes seven bands, from
# "almost no chance" (1-5%) to "almost certain(ly)" (95-99%). Sherman Kent's older "words of
# estimative probability" cover terms ICD 203 lacks ("probably not", "chances about even");
# words like "may", "could" or "appears" carry no number at all. Each **judgment** row holds a
# term, its range (`prob_low`, `prob_high`), its `scale` and whose `voice` it is: a term
# inside a reported view ("Moscow insists the talks will likely fail") is the holder's, not
# the author's.

# %%
judgments = claims[(claims["kind"] == "judgment") & claims["estimative_term"].notna()]
(judgments.groupby(["voice", "scale", "estimative_term"]).size().rename("uses")
 .sort_values(ascending=False).head(show_rows * 2).to_frame())

# %%
ax = plots.plot_judgments_strip(claims)

# %% [markdown]
# ## One brief, judgments highlighted
#
# Each term is marked with the range it stands for: green for ICD 203, blue for Kent, orange
# for unquantified words. The brief's text is escaped before it is shown.

# %%
author_terms = judgments[judgments["voice"] == "author"]
shown = brief_to_show or next(iter(author_terms["brief_id"].value_counts().index), None)
if shown is None:
    print("No brief of this corpus has an estimative term in the author's voice: "
          "nothing to highlight (set brief_to_show to see a brief all the same).")
else:
    display(HTML(bc.render_judgments_html(corpus, shown, claims)))

# %% [markdown]
# ## Tradecraft: calibrated or not?
#
# `bk.judgment_summary` counts, per brief, the author's calibrated (ICD 203) terms against
# Kent's and the unquantified ones, flags briefs that mix scales, and counts the key points
# and "we assess that ..." judgments that carry no term of likelihood at all.

# %%
summary = bk.judgment_summary(claims)
summary.sort_values("share_calibrated").head(show_rows)

# %%
totals = summary[["judgments", "calibrated", "kent", "unquantified", "mixed_scales",
                  "key_points_without_term", "judgments_without_term"]]
totals.sum(numeric_only=True).to_frame("all briefs")

# %% [markdown]
# ## How good is the extractor?
#
# Part of the sample corpus is labelled by hand. A reported claim counts as right only when
# its holder and its cue are both right; an estimative term when the same term is labelled in
# the same sentence. There are two sets of labels: the **test** set (`data/annotations`, 16
# briefs), on which the extractor is only ever measured, and the **development** set
# (`data/annotations/dev`, the 87 other briefs; estimative terms are labelled in 72 of them),
# on which its rules were developed and tuned. The test figures are the honest ones; the
# development figures beside them are those of the briefs the rules were written for, so the
# gap between the two shows how much of the tuning carries over to new briefs. (The
# figures first published for this extractor were measured on the test set while its rules
# were written against it, so they were higher than a held-out measure.) On another corpus
# there are no labels, and this section says so.

# %%
scores = bc.evaluate_label_sets(corpus, claims)
if scores is None:
    print("No hand labels for this corpus (data/annotations): nothing to measure against.")
else:
    display(scores.round(3))

# %% [markdown]
# The sample briefs were written for briefkit, and the rules were written while reading them.
# Real texts are the harder test: `data/annotations/real` labels the reported claims of six
# Congressional Research Service products that nobody at briefkit wrote (the texts stay in
# `../shared`, in a development checkout; the labels name sentences by a digest). CRS
# attributes much of what it says ("according to the DIA", "the report notes", "the Army
# plans to"), and that is where the extractor falls shortest. Without `../shared` this cell
# says so and moves on.

# %%
from briefkit.evaluation import evaluate_real_claims

real = evaluate_real_claims()
if real is None:
    print("The real texts or their labels are not here (../shared/corpora): skipped.")
else:
    display(real[0].round(3))

# %% [markdown]
# How high could these figures go? Two annotators who labelled the same texts apart agree,
# under the same key (sentence, holder and cue), at an F1 of 0.84 on four sample briefs
# (precision 0.79, recall 0.89) and 0.86 on four CRS products (precision 0.90, recall 0.83):
# most of their disagreements are how a holder is named and whether a borderline phrase is a
# view at all. A method scored against one annotator's labels should not be expected to do
# better than a second careful reader (`benchmarks/agreement.py`).
#
# What the extractor does not do: it reads word patterns and the gazetteer, not a parse, so it
# misses views with no reporting word ("a display aimed as much at Washington"), holders
# named only by a role that no earlier sentence of the brief names ("the front-runner to
# succeed her"; "the crown prince" is found when the brief has named him), pronouns whose
# antecedent only the meaning gives away, and it cannot tell an ability "could" from a
# possibility "could" when nothing in the sentence marks it.

# %% [markdown]
# ## Exercises
#
# Each exercise asks a question of the corpus. Write your answer in the cell below the
# question (`answer = ...`), then run the check under it. The check computes the right
# answer from the corpus loaded above, so it holds on your own briefs too, and when your
# answer is not right yet it gives a hint.

# %%
from briefkit.actors import load_gazetteer
from briefkit.exercises import check

# %% [markdown]
# ### Exercise 02.1: named in many briefs
#
# How many different actors (leaving out places and non-actors, as the `named` table does)
# are named in at least 10 briefs?

# %% tags=["solution"]
briefs_per_actor = named.groupby("actor")["brief_id"].nunique()
answer = int((briefs_per_actor >= 10).sum())

# %%
check("02.1", answer, corpus=corpus)

# %% [markdown]
# ### Exercise 02.2: a judgment that mixes scales
#
# ICD 203 asks analysts to use the terms of its table, so that a reader can put a number on
# each. Find a sentence in which the author (`voice == "author"`) uses estimative terms from
# two different scales (ICD 203, Kent, unquantified). Answer with its `(brief_id, sent_id)`.

# %% tags=["solution"]
own = judgments[judgments["voice"] == "author"]
scales = own.groupby(["brief_id", "sent_id"])["scale"].nunique()
answer = scales[scales > 1].index[0] if (scales > 1).any() else "none"

# %%
check("02.2", answer, corpus=corpus)

# %% [markdown]
# ### Exercise 02.3: add an alias, measure what changes
#
# Briefs often call Syria's government "the regime". Add an alias to the gazetteer with
# `load_gazetteer(extra=[{"actor": ..., "aliases": ...}])`, find the mentions again with
# `bk.find_mentions(corpus, gazetteer=...)`, and measure how many more mentions its actor
# gets. Answer with a dict `{"actor": ..., "alias": ..., "new_mentions": ...}`. Then read the
# new mentions: does the alias always mean that actor?

# %% tags=["solution"]
extended = load_gazetteer(extra=[{"actor": "Syria", "aliases": "the regime"}])
with_alias = bk.find_mentions(corpus, gazetteer=extended)
gained = (with_alias["actor"] == "Syria").sum() - (mentions["actor"] == "Syria").sum()
answer = {"actor": "Syria", "alias": "the regime", "new_mentions": int(gained)}

# %%
check("02.3", answer, corpus=corpus)

# %% [markdown]
# ## In this notebook we:
#
# - counted who the briefs name, and which actors are named together;
# - listed the views the briefs report, holder by holder, with pronouns resolved, and how far
#   to trust each one;
# - placed the author's estimative judgments on the probability axis, apart from the views
#   of others;
# - read one brief with its judgments highlighted, and checked each brief's tradecraft;
# - measured the extractor against hand labels, on the sample briefs and on real texts.
#
# Next: [03 Sentiment toward the United States](03-sentiment-toward-the-us.ipynb): who views
# the United States how, and why.
