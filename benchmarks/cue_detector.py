"""Would a learned cue detector find the reported claims the rules miss? (issue 4; a study)

Declared before anything was fitted (this docstring was committed with a stub script);
the bar and the design below were not changed after seeing figures.

**The bar.** The detector is worth building into briefkit if, leave-one-text-out on the
real development labels (``data/annotations/real-dev``, 45 CRS products), the rules plus the
detector's additions reach an F1 under the methods' key (same sentence, same cue lemma,
same holder set) at least 0.03 above the rules' own figure on the same texts, with a
precision no more than 0.05 below the rules'. The rules are not fitted per fold, so their
leave-one-text-out figure is their figure on the real dev texts, pooled. (It is not
held out: the rules were written on these labels, which favours the rules, not the
detector.) The same comparison is reported on the sample development labels
(``data/annotations/dev``, 39 briefs), without a bar of its own. Only development labels
are read; never the test labels.

**Design.**

- Candidates: every token, in every sentence of a labelled text, tagged as a verb
  (VB*), a common noun (NN, NNS) or an adjective ending in "-ed" (participles such as
  "concerned" that the tagger calls adjectives), plus "according" before "to". Tokens are
  briefkit's claim tokeniser's (``cue_lexicon.tokens``), tagged with briefkit's NLTK tagger
  (``resources.pos_tag_sentences``). A token's lemma: the cue table's lemma for its form,
  else a suffix rule (-s, -es, -ies, -ed, -ing, with a final "e" put back) choosing the
  candidate form seen most often as a word of the corpus; "according" is "according to",
  a verb of the particle cues before its particle is that particle cue.
- Gold: a candidate is a cue when a labelled claim of its sentence has its lemma (any of
  the token's lemma candidates) as its cue (a particle cue, "rule out", matched by its
  verb).
- Features, general (none keyed to a text or a brief): the lemma (one weight each for
  lemmas seen at least 3 times among the training folds' candidates, learned in those
  folds only), and the pair (lemma, next word's shape) likewise; the POS tag; the next one
  and two words' shapes ("that", "to", ":", a comma, "for", "on", "whether", "about", "as",
  a quote mark, a capitalised word, other); whether the lemma is in briefkit's cue table;
  a possible holder before it within its clause (a gazetteer actor, a pronoun, a
  capitalised word not opening the sentence, a title word, a group noun) and how far; the
  rules' holder finder finds a subject for it (``HolderPhrases._subject``); passive (a form
  of "be" before a past participle, "by" after); a negator or auxiliary before it; a quote
  mark in the sentence, after the cue; whether the rules found a claim with this lemma in
  the sentence, and any claim in it.
- Model: L2-regularised logistic regression fitted in numpy (full-batch gradient steps,
  Adam), folds by TEXT: for each held-out text the model is trained on the other texts;
  the decision threshold is chosen inside those training texts by an inner 5-fold (by
  text) cross-validation, as the one that maximises the rules-plus-additions F1 (methods'
  key, counted from each candidate's precomputed match) on the training texts.
- Training labels: the primary run (the bar) trains on the other texts of BOTH
  development sets (real dev and sample dev), leaving out only the held-out text; a
  second run trains within each set only. Both are printed.
- Additions: a candidate scoring at or above the threshold whose lemma the rules did not
  already report as a cue in that sentence, and for which a holder is found. Holder:
  briefkit's own holder finder run on the cue token (``HolderPhrases._subject``, private:
  the public ``find_holder(s)`` only report the cues the rules accept), inside the same
  sentence-by-sentence pass over the text with the same context the rules use (earlier
  sentences, the text's publisher as the author's voice); when it finds none, the nearest
  gazetteer actor before the cue in the sentence (for "according to", the first after
  it); no holder, no addition.
- Scoring: briefkit's own matching (``evaluation.compare_to_labels`` and
  ``pool_figures``), on the rules' claims table (``extract_claims``) with the additions
  appended, as ``evaluate_real_claims(split="dev")`` and ``claims_eval.py --dev-only`` do.

**Printed**: the rules alone; the detector alone (every candidate at or above the
threshold, cue-level: sentence and cue right; and under the methods' key); the rules plus
the additions; per lemma, what the additions found right and wrong (top 20); a learning
curve (training on 25, 50, 75 and 100% of the training texts); the run time.

Usage:  python benchmarks/cue_detector.py [--quick]

**Outcome**: not yet measured.
"""

from __future__ import annotations

if __name__ == "__main__":
    raise SystemExit("stub: the study is declared above and not yet built")
