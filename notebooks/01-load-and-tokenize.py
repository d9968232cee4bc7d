# %% [markdown]
# # 01 Load and tokenise briefs
#
# A brief is a short analytic note: a date, a title, a few key points, then a handful of
# paragraphs of judgment. Before we can ask who asserts what, or how anyone views the United
# States, we need each brief as data: its sentences, its words, and where each sits in the
# text.
#
# **In this notebook** we load a folder of briefs, look at the corpus at a glance, see why
# sentence splitting is hard in this genre, and meet the tables every later notebook uses.
#
# **Prerequisites**: none. The notebook runs on briefkit's sample corpus (`data/briefs`:
# sample briefs written for briefkit, not any publisher's products). To run it on your own
# folder, change `briefs_path` in the parameters cell, or run from the checkout
# `.venv/bin/papermill notebooks/01-load-and-tokenize.ipynb out.ipynb -p briefs_path DIR`.
#
# **Files written**: none (briefkit caches what it computes in `.briefkit-cache/`).

# %%
import re

import matplotlib.pyplot as plt
import pandas as pd

import briefkit as bk
from briefkit import plots

print("briefkit", bk.__version__)
bk.resources_report()

# %% tags=["parameters"]
briefs_path = None  # None: the sample corpus; or a folder, a file of briefs
show_rows = 5

# %% [markdown]
# ## Loading a corpus
#
# `bk.load_corpus` reads a file, a folder (recursively) or a list of paths. It recognises
# the usual layouts of briefs (a date line, a title, "•" key points and body paragraphs;
# Markdown with front matter or a header of bold fields; plain text with a `manifest.csv`
# beside it; HTML; JSON Lines; PDF) and drops publishers' footers and web navigation.
# Files it cannot read are skipped with a warning and listed with the reason in
# `corpus.skipped`; nothing is ever written next to your files.

# %%
corpus = bk.load_corpus(briefs_path or bk.sample_path())
corpus

# %% [markdown]
# The run's provenance: the versions of briefkit and of the packages its results depend on,
# which NLTK resources are in force, the corpus's content hash and this notebook's
# parameters. Two runs with the same provenance give the same tables.

# %%
bk.provenance(corpus=corpus, parameters={"briefs_path": briefs_path, "show_rows": show_rows})

# %%
corpus.skipped

# %% [markdown]
# ## The corpus at a glance
#
# How many briefs, over what period, and how long are they? A series of briefs is read over
# time, so gaps and bursts matter for every comparison that follows.

# %%
pd.Series(corpus.summary()).to_frame("value")

# %%
fig, axes = plt.subplots(1, 2, figsize=(12, 3.5), gridspec_kw={"width_ratios": [2, 1]})
plots.plot_briefs_per_month(corpus, ax=axes[0])
plots.plot_words_per_brief(corpus, ax=axes[1])
fig.tight_layout()

# %% [markdown]
# ## Why sentence splitting is hard in briefs
#
# Briefs are full of full stops that do not end a sentence: "U.S. officials", "Gen. Votel",
# "Dec. 28", "the U.K. and France". A splitter that breaks at every full stop followed by a
# capital cuts "Gen. Votel met ..." in two; one that knows no abbreviations also cuts
# "U.S. officials assert that ..." after "U.S.", and the claim the sentence carries is lost.
#
# Three splitters on the same text: a regular expression, NLTK's Punkt with no knowledge of
# abbreviations, and briefkit's splitter (Punkt with briefkit's list of abbreviations, and a
# break after an abbreviation kept only when the next word usually starts a sentence).

# %%
from nltk.tokenize.punkt import PunktSentenceTokenizer

example = (
    "U.S. officials assert that the talks in Vienna will likely resume. "
    "Gen. Votel met the U.K. and French chiefs on Dec. 28 in Baghdad. "
    "Moscow rejects the U.S.-led coalition's account."
)
splitters = {
    "regular expression": re.split(r"(?<=[.!?])\s+(?=[A-Z])", example),
    "Punkt, no abbreviations": PunktSentenceTokenizer().tokenize(example),
    "briefkit": [example[start:end] for start, end in bk.split_sentences(example)],
}
for name, sentences in splitters.items():
    print(f"{name}: {len(sentences)} sentences")
    for sentence in sentences:
        print("   |", sentence)

# %% [markdown]
# The text holds three sentences. Only briefkit's splitter finds exactly three; the others
# break after "U.S.", "Gen." or "Dec.".

# %% [markdown]
# ## The tables
#
# Everything briefkit returns is a pandas DataFrame keyed by `brief_id` (a stable slug of
# the date and title) and `sent_id` (the sentence's order in its brief). Character offsets
# `start`/`end` index the brief's text, so `text[start:end]` is always the span: a claim or
# a score can always be traced back to the words it came from.

# %%
corpus.briefs.drop(columns=["text"]).head(show_rows)

# %%
corpus.paragraphs.head(show_rows)

# %%
corpus.sentences.head(show_rows)

# %%
corpus.tokens.head(show_rows * 3)

# %% [markdown]
# Offsets are exact: every token and sentence is the slice of the brief's text between its
# `start` and `end`. The check below runs on the whole corpus.

# %%
texts = corpus.briefs.set_index("brief_id")["text"]
tokens = corpus.tokens
spans = tokens[["brief_id", "token", "start", "end"]].itertuples(index=False)
exact = all(texts[bid][start:end] == token for bid, token, start, end in spans)
print(f"{len(tokens):,} tokens, offsets exact: {exact}")

# %% [markdown]
# Key points are sentences of their own (`kind == 'key_point'`): they are the author's
# bottom line, and later notebooks treat them as the author's main claims.

# %%
corpus.sentences.groupby("kind").size().rename("sentences").to_frame()

# %% [markdown]
# ## Exercises
#
# Each exercise asks a question of the corpus. Write your answer in the cell below the
# question (`answer = ...`), then run the check under it. The check computes the right
# answer from the corpus loaded above, so it holds on your own briefs too, and when your
# answer is not right yet it gives a hint.

# %%
import re

from briefkit.exercises import check

# %% [markdown]
# ### Exercise 01.1: the busiest month
#
# In which month were the most briefs published? Answer with a string `"YYYY-MM"`.

# %% tags=["solution"]
per_month = corpus.briefs["date"].dt.to_period("M").value_counts()
answer = str(per_month.idxmax()) if len(per_month) else "none"

# %%
check("01.1", answer, corpus=corpus)

# %% [markdown]
# ### Exercise 01.2: a sentence the regular expression would cut
#
# Find a sentence of the corpus that the regular-expression splitter of the section on
# sentence splitting would cut in two. Answer with its `(brief_id, sent_id)`.

# %% tags=["solution"]
naive = r"(?<=[.!?])\s+(?=[A-Z])"
is_cut = corpus.sentences["text"].map(lambda text: len(re.split(naive, text)) > 1)
cut = corpus.sentences[is_cut]
answer = (cut["brief_id"].iloc[0], cut["sent_id"].iloc[0]) if len(cut) else "none"

# %%
check("01.2", answer, corpus=corpus)

# %% [markdown]
# ### Exercise 01.3: how much of a brief is stopwords?
#
# What share of the alphabetic tokens (`is_alpha`) are stopwords (`is_stop`)? Answer with a
# number between 0 and 1; two decimals are enough.

# %% tags=["solution"]
words = corpus.tokens[corpus.tokens["is_alpha"]]
answer = words["is_stop"].mean()

# %%
check("01.3", answer, corpus=corpus)

# %% [markdown]
# ## In this notebook we:
#
# - loaded a corpus of briefs into tables, with unreadable files listed rather than lost;
# - looked at the corpus over time and by length;
# - saw why abbreviations make sentence splitting hard, and how briefkit handles them;
# - met the `briefs`, `paragraphs`, `sentences` and `tokens` tables and their offsets.
#
# Next: [02 Actors and claims](02-actors-and-claims.ipynb): who is named, who asserts what,
# and how sure the author is.
