# %% [markdown]
# # 05 Explore: read, browse, follow the tone, compare
#
# The notebooks so far each asked one question of the corpus. Exploring means asking many,
# quickly: what does this brief actually say, who else claims the same thing, when did the
# tone toward Washington turn, what sets 2017 apart from 2016? This notebook puts the tables
# of notebooks 01 to 04 behind four explorers:
#
# - **Brief reader**: one brief with actor mentions, reported claims, estimative terms (and
#   their calibrated ranges) and the sentences about the target coloured by tone.
# - **Claim browser**: every claim, filtered by holder, country, cue, kind, date and range of
#   probability, sorted, counted and exported to CSV.
# - **Tone explorer**: tone toward any actor of the gazetteer, over time and by holder, with
#   the sentences behind each figure.
# - **Compare briefs**: two briefs, or two groups of briefs, side by side.
#
# The same notebook is a dashboard: `make dashboard` serves it with Voila on this machine
# only (127.0.0.1; the address is printed), for readers who never open code.
#
# **Prerequisites**: notebooks 02 to 04 explain what the explorers show. The notebook runs
# on the sample corpus; to explore your own briefs, set `briefs_path` in the parameters cell.
#
# **Files written**: none, unless you press *Export CSV* in the claim browser (it writes the
# filtered claims under `build/`, shows the path and offers the file as a download link, for
# when that folder is out of the browser's reach).
#
# **Without a kernel** (the HTML report, a rendered copy) each explorer shows a static view
# of its last state; changing a control needs a live kernel (`make lab` or `make dashboard`).

# %%
import time

import briefkit as bk
from briefkit.widgets import BriefReader, ClaimBrowser, CompareBriefs, ToneExplorer

print("briefkit", bk.__version__)

# %% tags=["parameters"]
briefs_path = None  # None: the sample corpus; or a folder, a file of briefs
target = "United States"  # whose tone the reader colours and the tone explorer shows first
brief_id = None  # the brief the reader opens on (None: the first)

# %% [markdown]
# ## The corpus and its tables, computed once
#
# Every explorer filters tables computed here, once: the mentions of actors, the claims and
# the tone toward the target. That is why each click answers at once. The tone explorer
# also prepares, when it is built, what scoring reads in each sentence that names an actor
# whatever the target, and scores the actors named most often; another target is scored
# on its first choice (tens of milliseconds on the sample, seconds on thousands of briefs)
# and kept. A target named often is scored in the background: the explorer says "computing
# tone toward ..." at once and draws its charts when the scoring is done.

# %%
corpus = bk.load_corpus(briefs_path or bk.sample_path(), progress=False)
started = time.perf_counter()
mentions = bk.find_mentions(corpus)
claims = bk.extract_claims(corpus)
tone = bk.sentiment_toward(corpus, target)
print(f"{corpus}\n{len(mentions):,} mentions, {len(claims):,} claims, {len(tone):,} sentences "
      f"about {target}, in {time.perf_counter() - started:.1f} s")

# %% [markdown]
# ## Read a brief
#
# Pick a brief, or type words of its title, its date or its id in *Search*. Hover over any
# highlight to see what briefkit found there: the actor and its country, who holds a reported
# claim and the verb that reports it, an estimative term's calibrated range (ICD 203, else
# Kent), and for each sentence about the target its tone, its holder and the words behind the
# score.

# %%
reader = BriefReader(corpus, mentions=mentions, claims=claims, tone=tone, brief_id=brief_id)
reader

# %% [markdown]
# ## Browse the claims
#
# Each row is one claim: a view reported in a brief ("Moscow insists that ..."), one of the
# author's estimative judgments, or a key point. An empty selection means "any"; hold Ctrl
# (Cmd on a Mac) to pick several. The probability slider keeps judgments whose calibrated
# range lies inside it (at its full width it keeps every claim, with or without a term).

# %%
claim_browser = ClaimBrowser(corpus, claims=claims)
claim_browser

# %% [markdown]
# ## Follow the tone toward an actor
#
# Choose any actor of the gazetteer (those the corpus names come first, with how often),
# some holders, a period. The timeline shows the mean tone per period (dots sized by the
# number of sentences), the heat map the mean by holder and period; hover over a dot or a
# cell for its figures, and pick a row under the charts to read the sentences behind it.

# %%
tone_explorer = ToneExplorer(corpus, mentions=mentions, tone=tone)
tone_explorer

# %% [markdown]
# ## Compare two briefs, or two groups
#
# *Two briefs*: the terms that set each apart (keyness), the actors each names, and the
# claims matched across them, with what changed (a view repeated, strengthened, weakened or
# reversed). *Two groups*: the same for years, quarters, regions or topics, one group
# against another or against the rest of the corpus.

# %%
compare = CompareBriefs(corpus, mentions=mentions, claims=claims, tone=tone)
compare

# %% [markdown]
# ## Exercises
#
# Each exercise asks a question of the corpus, to be answered with the explorers' functions
# rather than their controls. Write your answer in the cell below the question
# (`answer = ...`), then run the check under it. The check computes the right answer from
# the corpus loaded above, so it holds on your own briefs too, and when your answer is not
# right yet it gives a hint.

# %%
from briefkit.exercises import check

# %% [markdown]
# ### Exercise 05.1: the slider is an argument
#
# Set the claim browser to kind `judgment` and its probability slider to 0.8-1.0 (ICD 203's
# two top bands, "very likely" and "almost certain"): how many claims does it keep? Call
# `claim_browser.filter(...)` with the same settings instead of moving the controls.

# %% tags=["solution"]
kept = claim_browser.filter(kinds=["judgment"], prob=(0.8, 1.0))
answer = len(kept)

# %%
check("05.1", answer, corpus=corpus)

# %% [markdown]
# ### Exercise 05.2: the lowest quarter
#
# In which quarter is the mean tone toward the United States lowest, among quarters with at
# least 5 sentences? Use `tone_explorer.filter("United States")` and
# `tone_explorer.timeline(...)`, and answer with the quarter's label, such as `"2016Q3"`.

# %% tags=["solution"]
quarters = tone_explorer.timeline(tone_explorer.filter("United States"), "quarter")
enough = quarters[quarters["n"] >= 5]
answer = enough.sort_values("mean")["period"].iloc[0] if len(enough) else "none"

# %%
check("05.2", answer, corpus=corpus)

# %% [markdown]
# ## In this notebook we:
#
# - computed the mentions, claims and tone of a corpus once, and explored them in four
#   explorers without recomputing;
# - read briefs with what briefkit found in them highlighted and explained on hover;
# - filtered, sorted and exported the claims;
# - followed the tone toward an actor over time and by holder, down to the sentences;
# - compared two briefs and two groups of briefs.
#
# The explorers' callbacks are plain functions (`reader.render`, `claim_browser.filter`,
# `tone_explorer.timeline`, `compare.compare_groups`, ...), so anything you find here can be
# reproduced in code, and tested. Back to [00 Start here](00-start-here.ipynb), or serve this
# notebook as a dashboard with `make dashboard`.
