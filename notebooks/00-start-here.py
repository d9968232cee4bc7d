# %% [markdown]
# # 00 Start here
#
# briefkit reads geopolitical briefs as data, and this series of notebooks teaches how, one
# step at a time. This notebook is the map: what a brief is and how analysts read one, the
# questions the series answers, the route through notebooks 01 to 05, and how to run any of
# them on your own briefs, offline if need be.
#
# **Prerequisites**: none. Everything runs on briefkit's sample corpus (`data/briefs`: sample
# briefs written for briefkit in the layout of a typical intelligence brief, not any
# publisher's products). This notebook takes a few seconds to run and five minutes to read.
#
# **Files written**: none (briefkit caches what it computes in `.briefkit-cache/`).

# %%
import pandas as pd

import briefkit as bk
from briefkit.exercises import list_exercises

print("briefkit", bk.__version__)

# %% tags=["parameters"]
briefs_path = None  # None: the sample corpus; or a folder, a file of briefs
brief_index = -1  # the brief to read below: 0 is the earliest, -1 the latest

# %% [markdown]
# ## What a brief is
#
# A brief is a short analytic note on one development: a date, a title, a few **key points**,
# then a handful of paragraphs. The Soufan Center's *IntelBrief*, the Congressional Research
# Service's *In Focus* notes and many think-tank commentaries share this shape. A brief is
# written to be read in two minutes by someone who must decide something, so its shape is
# its argument:
#
# - **Key judgments first.** The bottom line comes up front, in the key points; the body
#   supports them. An analyst reads the key points, then checks whether the body earns them.
# - **Sourcing.** Each statement is either reported (someone else's claim: "Moscow insists
#   that...", "U.S. officials say...") or the author's own judgment. Who holds a view matters
#   as much as the view.
# - **Estimative language.** Judgments carry words of likelihood. The US Intelligence
#   Community's analytic standards, **ICD 203** (2015), fix their meaning: *almost no chance*
#   (1-5%), *very unlikely* (5-20%), *unlikely* (20-45%), *roughly even chance* (45-55%),
#   *likely* (55-80%), *very likely* (80-95%), *almost certain* (95-99%). ICD 203 also asks
#   analysts to describe the quality of their sources, to separate what is reported from what
#   they judge, and to keep likelihood apart from confidence. Older words come from Sherman
#   Kent's *Words of Estimative Probability* (1964), and some words ("surely", "may") belong
#   to no scale at all.
#
# Here is one brief of the corpus, read as an analyst would: date and title, key points, then
# the first paragraph of the body.

# %%
corpus = bk.load_corpus(briefs_path or bk.sample_path())
if not -len(corpus.briefs) <= brief_index < len(corpus.briefs):
    raise ValueError(f"brief_index = {brief_index}, but the corpus has {len(corpus.briefs)} "
                     f"briefs: give 0 to {len(corpus.briefs) - 1}, or -1 for the latest")
brief = corpus.briefs.iloc[brief_index]
paragraphs = corpus.paragraphs[corpus.paragraphs["brief_id"] == brief["brief_id"]]
date = "undated" if pd.isna(brief["date"]) else f"{brief['date']:%d %B %Y}"
print(f"{date}: {brief['title']}\n")
for text in paragraphs.loc[paragraphs["kind"] == "key_point", "text"]:
    print("•", text)
print()
print(paragraphs.loc[paragraphs["kind"] == "body", "text"].head(1).str.cat())

# %% [markdown]
# Every run records its **provenance**: the versions of briefkit and of the packages its
# results depend on, which NLTK resources are in force, the corpus's content hash (one hash
# over every brief's text) and the notebook's parameters. Each notebook shows it near its
# top, and `make report` writes it to `build/report/provenance.json`. Two runs with the same
# provenance give the same tables.

# %%
bk.provenance(corpus=corpus, parameters={"briefs_path": briefs_path, "brief_index": brief_index})

# %% [markdown]
# ## The questions, and the route
#
# | notebook | the question | minutes | you meet |
# |---|---|---|---|
# | [01 Load and tokenise](01-load-and-tokenize.ipynb) | What is in the corpus? Why is splitting a brief into sentences hard? | 20 | `load_corpus`, the `briefs`, `sentences` and `tokens` tables, offsets |
# | [02 Actors and claims](02-actors-and-claims.ipynb) | Who is named? Who asserts what? How sure is the author (ICD 203)? | 30 | `find_mentions`, `extract_claims`, estimative terms |
# | [03 Sentiment toward the US](03-sentiment-toward-the-us.ipynb) | Who views the United States how, and why? | 30 | `sentiment_toward`, `score_target` and its evidence, a VADER baseline |
# | [04 Compare briefs](04-compare-briefs.ipynb) | What changed across briefs? Which terms and actors are distinctive? | 25 | keyness, similarity, timelines, claim tracking |
# | [05 Explore](05-explore.ipynb) | All of the above, interactively | 15 | ipywidgets explorers, the dashboard |
#
# Minutes are for reading and running a notebook; its exercises take as long again. Take the
# notebooks in order: each one uses only what the ones before it taught, and each one
# recomputes what it needs from the briefs, so any of them can also be run on its own.
#
# Each notebook ends with **exercises**: a question about the corpus, a cell for your answer
# (`answer = ...`) and a check that tells you whether it is right and, when it is not, gives a
# hint. The checks compute the right answer from the corpus you loaded, so they work on your
# own briefs as well. The exercises, notebook by notebook:

# %%
pd.set_option("display.max_colwidth", 200)
list_exercises()[["id", "question"]].set_index("id")

# %% [markdown]
# ## Your own briefs
#
# Every notebook starts with a **parameters** cell (the one just after the imports) holding
# plain values, such as `briefs_path = None`, which means the sample corpus. To analyse your
# own folder, either:
#
# - in Jupyter, set `briefs_path = "/path/to/briefs"` in that cell and run the notebook from
#   the top (*Run > Run All Cells*); or
# - from a terminal, let papermill run it with new parameters and keep the executed copy:
#
#   ```bash
#   .venv/bin/papermill notebooks/01-load-and-tokenize.ipynb build/01-mine.ipynb \
#       -p briefs_path /path/to/briefs
#   ```
#
# - or run every notebook at once into an HTML report:
#   `.venv/bin/briefkit report --briefs /path/to/briefs`.
#
# briefkit reads the usual layouts of briefs: the IntelBrief layout (date line, title, "•"
# key points, body), Markdown with front matter or a header of bold fields, plain text with a
# `manifest.csv` beside it, HTML, JSON Lines and PDF (with the `pdf` extra). Files it cannot
# read are listed in `corpus.skipped` with the reason, and nothing is ever written next to
# your briefs. `briefkit info /path/to/briefs` is a quick first look, and
# `briefkit export /path/to/briefs --to build/export --format csv` writes every table, with
# the provenance beside them, for whoever checks your work.

# %% [markdown]
# ## Running offline
#
# briefkit needs no network once it is installed. It uses NLTK's data (the Punkt sentence
# model, the part-of-speech tagger, VADER's lexicon, stopwords) where NLTK finds it, and
# otherwise falls back on its own: Punkt trained on the corpus with briefkit's abbreviations,
# VADER's lexicon from the vaderSentiment package, briefkit's stopword list, and no
# part-of-speech tags. Set `BRIEFKIT_DOWNLOAD=0` to stop it from trying a download. This is
# the mode in force now:

# %%
pd.Series(bk.resources_report()).to_frame("NLTK resources")

# %% [markdown]
# For a classroom without network access, `docs/teaching.md` explains how to prepare a
# wheelhouse of the exact versions in `requirements-lock.txt` and install from it.

# %% [markdown]
# ## In this notebook we:
#
# - saw what a brief is, and how analysts read one: key judgments first, then who says so
#   and how sure they are (ICD 203's words of likelihood);
# - met the questions the series answers and the route through notebooks 01 to 05;
# - learned to run any notebook on our own briefs (the parameters cell, `papermill -p`),
#   with provenance recorded, and offline.
#
# Next: [01 Load and tokenise](01-load-and-tokenize.ipynb): what is in the corpus, and why
# splitting briefs into sentences is hard.
