"""Target-relative word features for tone, and a learner for their weights (an experiment).

The brief model of :mod:`briefkit.sentiment` counts only the words of its lexicons. This
module reads *every* content word of a sentence, tagged with where it stands relative to
the target, so that a model can learn each word's weight from the labels:

- ``before``: one of the ``NEAR`` words just before the target, with no clause break
  between ("sanctions against Washington", "blames Washington"): the word acts on it;
- ``after``: after the target within its clause ("Washington withdrew from the treaty"):
  the target's own act or what is said of it;
- ``clause``: elsewhere in the target's clause;
- ``else``: anywhere else in the sentence.

A word is its lower-case Porter stem (NLTK's stemmer, no data needed). Stopwords are left
out, but not the negators and the prepositions that carry a relation (``KEPT``: "against",
"with", "instead", "without", "not", "never", ...). Capitalised words inside the sentence
(names: "Tehran", "Abqaiq") and numbers are left out, so that no weight is learned on a
brief's own names. A feature is ``"<position>:<stem>"`` with value 1 (present) or 0.

:func:`fit_words` is an L2-penalised multinomial logistic regression in numpy (L-BFGS),
with an optional fixed offset of log-odds per row (another model's, so that the words add
to it), deterministic. ``benchmarks/tone_words_eval.py`` measures whether it helps the
brief model (nested by text over the development labels, and on the eight newest dev
briefs held out). It was in the package as ``briefkit.tone_words`` until session 27 and
never used by briefkit's scoring; it lives here, beside its measurement, as the record of
the experiment. :func:`word_hits` gives
a sentence's features with the surface word of each, the form in which the evidence of a
scorer would show them.

Result (session 26, 1464 development rows in 131 texts, nested 10 folds by text): the
words alone reach macro-F1 0.47 (four positions; 0.51 with each word also without its
position) against the current model's 0.69; added on top of the current model they move
it by -0.002 to +0.004 (paired bootstrap by text, 95% within about +-0.02), on the eight
newest dev briefs by 0.000 (four positions) or +0.05 (the variant with plain words, chosen
after three variants were seen there: 4 of 121 rows changed). The declared test of that
variant on session 26's blind batch (78 tone rows in 8 briefs, ``tone_words_eval.py
--score-batch``; both fitted on all development rows): the brief model 0.565, with the
words 0.573 (+0.008, paired bootstrap by brief 95% -0.046 to +0.090), short of the +0.03
asked. Not shipped.

>>> [h[0] for h in word_hits("Moscow sharply criticised Washington for leaving.", [(26, 36)])]
['before:sharpli', 'before:criticis', 'after:for', 'after:leav']
"""

from __future__ import annotations

import functools

import numpy as np

from briefkit.text import norm_token, tokenize_words

LABELS = ("negative", "neutral", "positive")
POSITIONS = ("before", "after", "clause", "else")
VIEW_POSITIONS = ("held", "own")  # with views: a cue of a view held of it, its own view
NEAR = 3  # words before the target that act on it


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Negators and prepositions that carry a relation to what follows: kept despite being
# function words.
KEPT = _wordset(
    """not no never nor without against with instead despite toward towards for from
    over on at by between among into onto away off out than rather cannot"""
)
STOPWORDS = _wordset(
    """a an the and or but if so as of to in is are was were be been being am has have had
    having do does did doing it its it's this that these those there here their theirs
    them they he him his she her hers we us our ours you your i me my mine who whom whose
    which what when where why how all any both each few more most other some such only
    own same too very s t can will just should now also would could may might must shall
    while because until about after before during through above below up down again
    further then once one two three its itself themselves himself herself ourselves
    whether though although yet however per via upon within across including said says
    say mr ms"""
) - KEPT
# Tokens that end the target's clause (besides the clause words below).
BREAKS = frozenset(";:,()[]\u2014\u2013")
CLAUSE_WORDS = _wordset(
    """because since unless which who whom whose when where if whether so but however
    although though whereas while despite nevertheless nonetheless yet"""
)


@functools.lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The lower-case Porter stem of a word ("criticised" -> "criticis")."""
    word = norm_token(word)
    if word.endswith("'s"):
        word = word[:-2]
    return _stemmer().stem(word.replace("'", ""))


def _content(token: str, index: int, named: bool = False) -> bool:
    """Whether a token is a content word (or a kept function word) that may be a feature;
    ``named``: the token begins a name the gazetteer knows (at the sentence's start)."""
    if not token[:1].isalpha() or any(ch.isdigit() for ch in token):
        return False
    norm = norm_token(token)
    if norm in KEPT:
        return True
    if norm in STOPWORDS or norm in CLAUSE_WORDS or len(norm) < 3:
        return False
    return not token[:1].isupper() or (index == 0 and not named)  # a capitalised word: a name


def _actor_starts(text: str) -> frozenset:
    from briefkit import actors

    return frozenset(m.start for m in actors.find_actors(text) if m.actor[:1].isupper())


def word_hits(text: str, spans, views=None) -> list[tuple[str, float, str]]:
    """The target-relative word features of a sentence for a target (character spans):
    (feature, value, surface word) in the sentence's order, one feature per stem (at the
    position nearest the target: before, after, clause, else).

    ``views`` (:func:`briefkit.sentiment.find_views`' views of the sentence), if given: the
    words of a view's cue whose content holds the target, its holder another, are at
    ``held`` ("Critics blame Washington"), and the words of a view the target holds are at
    ``own`` ("Washington rejects the plan": its view of something else)."""
    tokens = tokenize_words(text)
    inside = sorted(i for i, (_, s, e) in enumerate(tokens)
                    if any(s < b and a < e for a, b in spans))
    if not inside:
        return []
    clause, count = [], 0
    for tok, _, _ in tokens:  # the clause breaks before each token
        clause.append(count)
        count += tok in BREAKS or norm_token(tok) in CLAUSE_WORDS
    targets = set(inside)
    named = tokens[0][1] in _actor_starts(text)
    best: dict[str, tuple[int, int, str]] = {}
    for i, (tok, _, _) in enumerate(tokens):
        if i in targets or not _content(tok, i, named and i == 0):
            continue
        rank = _position(i, inside, clause)
        if views:
            rank = _view_position(tokens[i][1], spans, views, rank)
        key = stem(tok)
        if key and (key not in best or rank < best[key][0]):
            best[key] = (rank, i, tok)
    return [(f"{(POSITIONS + VIEW_POSITIONS)[rank]}:{key}", 1.0, tok)
            for key, (rank, i, tok) in sorted(best.items(), key=lambda kv: kv[1][1])]


def _within(span, outer) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _view_position(start: int, spans, views, rank: int) -> int:
    """The position of the word starting at ``start`` given the sentence's views: -2
    (held, first of all) for the cue of a view held of the target by another, -1 (own) for
    a word of a view the target holds, else ``rank``."""
    for view in views:
        held = any(_within(span, view.content_span) for span in spans)
        holds = any(_within(span, view.holder_span) for span in spans)
        if held and not holds and view.cue_span[0] <= start < view.cue_span[1]:
            return -2
        if holds and view.content_span[0] <= start < view.content_span[1]:
            rank = -1
    return rank


def _position(i: int, inside: list, clause: list) -> int:
    """The position (index into POSITIONS) of token ``i`` relative to the target tokens."""
    after = [t for t in inside if t > i]
    before = [t for t in inside if t < i]
    if after and clause[after[0]] == clause[i] and after[0] - i <= NEAR:
        return 0
    if before and clause[before[-1]] == clause[i]:
        return 1
    return 2 if clause[i] in {clause[t] for t in inside} else 3


# --- the learner -------------------------------------------------------------------------


def softmax(z: np.ndarray) -> np.ndarray:
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def _loss(w, x, target, l2, offset, sample):
    k = target.shape[1]
    wm = w.reshape(k, x.shape[1] + 1)
    z = x @ wm[:, :-1].T + wm[:, -1] + offset
    p = softmax(z)
    loss = -(sample * np.log((p * target).sum(axis=1) + 1e-300)).sum()
    d = (p - target) * sample[:, None]
    grad = np.hstack([d.T @ x, d.sum(axis=0)[:, None]])
    penalty = np.zeros_like(wm)
    penalty[:, :-1] = l2
    penalty[:, -1] = 0.01
    loss += 0.5 * (penalty * wm**2).sum()
    grad += penalty * wm
    return float(loss), grad.ravel()


class WordModel:
    """Weights of a word model: ``weights`` (labels x features), ``bias`` (per label),
    ``features`` (names), and the thresholds on P(positive) - P(negative)."""

    def __init__(self, weights, bias, features, pos: float = 0.0, neg: float = 0.0):
        self.weights = np.asarray(weights, dtype=float)
        self.bias = np.asarray(bias, dtype=float)
        self.features = tuple(features)
        self.pos, self.neg = pos, neg

    def logits(self, x: np.ndarray) -> np.ndarray:
        return np.atleast_2d(x) @ self.weights.T + self.bias

    def top(self, label: str, n: int = 15) -> list[tuple[str, float]]:
        """The features that most raise ``label`` against the mean of the other labels."""
        k = LABELS.index(label)
        lift = self.weights[k] - np.delete(self.weights, k, axis=0).mean(axis=0)
        order = np.argsort(-lift, kind="stable")[:n]
        return [(self.features[j], float(lift[j])) for j in order]


def fit_words(x: np.ndarray, labels, *, l2: float = 1.0, offset: np.ndarray | None = None,
              features=None, iterations: int = 500, tol: float = 1e-6,
              start: np.ndarray | None = None) -> WordModel:
    """L2-penalised multinomial logistic regression by L-BFGS (numpy only, deterministic).

    ``x``: rows x features; ``labels``: one of ``LABELS`` per row; ``l2``: the penalty on
    the feature weights (the biases get a token 0.01); ``offset``: log-odds per row and
    label added to the model's (another model's, held fixed), so that the weights learn
    what it misses. Returns a :class:`WordModel` (thresholds 0)."""
    x = np.asarray(x, dtype=float)
    n, f = x.shape
    y = np.array([LABELS.index(label) for label in labels])
    target = np.eye(len(LABELS))[y]
    offset = np.zeros((n, len(LABELS))) if offset is None else np.asarray(offset, dtype=float)
    sample = np.ones(n)
    w = np.zeros(len(LABELS) * (f + 1)) if start is None else np.array(start, dtype=float)
    loss, grad = _loss(w, x, target, l2, offset, sample)
    memory: list[tuple[np.ndarray, np.ndarray]] = []
    for _ in range(iterations):
        q = grad.copy()
        alphas = []
        for s, yv in reversed(memory):
            a = (s @ q) / (yv @ s)
            alphas.append(a)
            q -= a * yv
        if memory:
            s, yv = memory[-1]
            q *= (s @ yv) / (yv @ yv)
        for (s, yv), a in zip(memory, reversed(alphas)):
            b = (yv @ q) / (yv @ s)
            q += s * (a - b)
        direction = -q
        slope = grad @ direction
        if slope >= 0:
            direction, slope, memory = -grad, -(grad @ grad), []
        step = 1.0 if memory else 1.0 / max(np.abs(grad).max(), 1.0)
        while True:
            trial = w + step * direction
            new_loss, new_grad = _loss(trial, x, target, l2, offset, sample)
            if new_loss <= loss + 1e-4 * step * slope or step < 1e-12:
                break
            step /= 2
        s, yv = trial - w, new_grad - grad
        if s @ yv > 1e-12:
            memory = (memory + [(s, yv)])[-10:]
        done = loss - new_loss <= tol * max(1.0, abs(loss))
        w, loss, grad = trial, new_loss, new_grad
        if done and np.abs(grad).max() < 1e-3 * max(1.0, n / 100):
            break
    w = w.reshape(len(LABELS), f + 1)
    names = tuple(features) if features is not None else tuple(f"f{j}" for j in range(f))
    return WordModel(w[:, :f].copy(), w[:, f].copy(), names)


# --- features as a matrix ----------------------------------------------------------------


def vocabulary(rows, groups, *, min_groups: int = 3) -> tuple[str, ...]:
    """The features found in at least ``min_groups`` different groups (texts), sorted."""
    seen: dict[str, set] = {}
    for hits, group in zip(rows, groups):
        for feature, _, _ in hits:
            seen.setdefault(feature, set()).add(group)
    return tuple(sorted(f for f, g in seen.items() if len(g) >= min_groups))


def matrix(rows, features) -> np.ndarray:
    """The rows' features (lists of word_hits) as a matrix over ``features``."""
    index = {f: j for j, f in enumerate(features)}
    x = np.zeros((len(rows), len(features)))
    for r, hits in enumerate(rows):
        for feature, value, _ in hits:
            j = index.get(feature)
            if j is not None:
                x[r, j] = max(x[r, j], value)
    return x
