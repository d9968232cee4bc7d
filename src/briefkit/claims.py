"""Reported claims and estimative judgments: who asserts what, and how sure the author is.

:func:`extract_claims` returns the claims table of DESIGN.md, one row per claim:

- ``reported``: a view the brief reports as someone else's ("Putin asserts that ...",
  "which Russia sees as ...", "Both have asserted that ..."), with its holder resolved
  through the gazetteer (pronouns to the actor they stand for), the lemma of the reporting
  or attitude word (``cue``), ``negated`` and the clause asserted (``content``);
- ``judgment``: an estimative term ("very likely", "may", "will surely") with its
  probability range from ``data/estimative_terms.csv``, or an analytic judgment of the
  author ("we assess that ...") that carries none;
- ``key_point``: each key-point sentence, a claim of the author, with the first estimative
  term in it.

Everything works from regular expressions over the words and the gazetteer: no POS tags are
needed, so the results are the same offline. The rules are documented where they are made.

``negated`` follows the annotation scheme of ``data/annotations``: true when the cue is
negated ("does not dismiss", "do not trust", "has never accepted", "refused to accept") or
is itself a word of denial or rejection ("rejects", "denies", "dismisses", "disputes").
``rejects`` is the stricter reading: true when the holder is reported as holding the
content false or refusing it, so "does not dismiss" is negated but does not reject.

An estimative term inside a reported view ("Moscow insists the talks will likely fail") is
the holder's, not the author's: it is kept as a ``judgment`` row whose ``holder`` is the
reported holder and whose ``voice`` is 'holder', with ``in_claim`` naming the reported
claim's ``claim_id``. :func:`judgment_summary` counts only the author's.

>>> c = extract_claims(Corpus.from_texts(["Moscow insists that Assad will likely stay."]))
>>> c[["kind", "holder", "cue", "content", "estimative_term", "voice"]].values.tolist()
[['reported', 'Russia', 'insist', 'Assad will likely stay', None, None], ['judgment', 'Russia', 'insist', 'Assad will likely stay', 'likely', 'holder']]
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from briefkit import resources
from briefkit.corpus import Corpus

CLAIM_COLUMNS = ["brief_id", "sent_id", "claim_id", "kind", "holder", "holder_country",
                 "holder_text", "cue", "negated", "content", "estimative_term", "prob_low",
                 "prob_high", "start", "end"]
EXTRA_COLUMNS = ["scale", "unquantified", "voice", "in_claim", "rejects", "content_start",
                 "content_end", "term_start", "term_end"]
KINDS = ("reported", "judgment", "key_point")
AUTHOR = "author"
SCALES = ("ICD 203", "Kent", "unquantified")

# --- the reporting and attitude lexicon ----------------------------------------------------

# Complement each cue takes: THAT (a clause, "that" optional), THAT_ONLY (a clause opened by
# "that"/"whether"/...; without it the verb has another sense: "maintain military assets"),
# AS ("sees X as Y", "what it sees as"), OBJ (an object: "rejects the argument", "does not
# trust any other figure"), TO ("expects Iran to comply", "seeks to block").
THAT, THAT_ONLY, AS, OBJ, TO, CALL = "that", "that_only", "as", "obj", "to", "call"

_CUES: dict[str, tuple[str, str]] = {}


def _add_cues(kind: str, spec: str) -> None:
    # "lemma:form form form" entries, one per line; the lemma itself is always a form.
    for line in spec.strip().splitlines():
        lemma, _, forms = line.partition(":")
        for form in {lemma.strip(), *forms.split()}:
            _CUES[form] = (lemma.strip(), kind)


_add_cues(THAT, """
say: says said saying
assert: asserts asserted asserting
claim: claims claimed claiming
insist: insists insisted insisting
argue: argues argued arguing
contend: contends contended contending
believe: believes believed believing
think: thinks thought thinking
warn: warns warned warning
fear: fears feared fearing
hope: hopes hoped hoping
worry: worries worried worrying
expect: expects expected expecting
suggest: suggests suggested suggesting
allege: alleges alleged alleging
deny: denies denied denying
doubt: doubts doubted doubting
suspect: suspects suspected suspecting
complain: complains complained complaining
tell: tells told telling
declare: declares declared declaring
predict: predicts predicted predicting
report: reports reported reporting
announce: announces announced announcing
""")
_add_cues(THAT_ONLY, """
maintain: maintains maintained maintaining
acknowledge: acknowledges acknowledged acknowledging
add: adds added adding
note: notes noted noting
state: states stated stating
stress: stresses stressed stressing
emphasize: emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising
recall: recalls recalled recalling
concede: concedes conceded conceding
admit: admits admitted admitting
hint: hints hinted hinting
affirm: affirms affirmed affirming
reaffirm: reaffirms reaffirmed reaffirming
reply: replies replied replying
respond: responds responded responding
answer: answers answered answering
counter: counters countered countering
remark: remarks remarked remarking
signal: signals signalled signaled signalling signaling
agree: agrees agreed agreeing
confirm: confirms confirmed confirming
conclude: concludes concluded concluding
explain: explains explained explaining
reiterate: reiterates reiterated reiterating
repeat: repeats repeated repeating
pledge: pledges pledged pledging
promise: promises promised promising
vow: vows vowed vowing
threaten: threatens threatened threatening
recognize: recognizes recognized recognizing recognise recognises recognised recognising
accept: accepts accepted accepting
find: finds found finding
estimate: estimates estimated estimating
indicate: indicates indicated indicating
remind: reminds reminded reminding
caution: cautions cautioned cautioning
reassure: reassures reassured reassuring
proclaim: proclaims proclaimed proclaiming
wonder: wonders wondered wondering
""")
_add_cues(AS, """
see: sees saw seen seeing
view: views viewed viewing
regard: regards regarded regarding
consider: considers considered considering
describe: describes described describing
portray: portrays portrayed portraying
present: presents presented presenting
depict: depicts depicted depicting
characterize: characterizes characterized characterizing characterise characterises characterised characterising
cast: casts casting
read: reads
perceive: perceives perceived perceiving
interpret: interprets interpreted interpreting
frame: frames framed framing
name: names named naming
treat: treats treated treating
classify: classifies classified classifying
""")
_add_cues(OBJ, """
reject: rejects rejected rejecting
dismiss: dismisses dismissed dismissing
dispute: disputes disputed disputing
question: questions questioned questioning
trust: trusts trusted trusting
distrust: distrusts distrusted distrusting
welcome: welcomes welcomed welcoming
condemn: condemns condemned condemning
criticize: criticizes criticized criticizing criticise criticises criticised criticising
praise: praises praised praising
blame: blames blamed blaming
accuse: accuses accused accusing
demand: demands demanded demanding
oppose: opposes opposed opposing
support: supports supported supporting
endorse: endorses endorsed endorsing
favour: favours favoured favouring favor favors favored favoring
want: wants wanted wanting
seek: seeks sought seeking
urge: urges urged urging
value: values valued valuing
defend: defends defended defending
protest: protests protested protesting
object: objects objected objecting
resent: resents resented resenting
greet: greets greeted greeting
back: backs backed backing
rebuke: rebukes rebuked rebuking
scold: scolds scolded scolding
contest: contests contested contesting
resist: resists resisted resisting
echo: echoes echoed echoing
cite: cites cited citing
restate: restates restated restating
prefer: prefers preferred preferring
express: expresses expressed expressing
ask: asks asked asking
press: presses pressed pressing
offer: offers offered offering
intend: intends intended intending
""")
_add_cues(CALL, "call: calls called calling")

# Verb + particle cues: form -> (lemma, particle).
_PARTICLE_CUES = {}
for _lemma, _forms, _particle in (
        ("point out", "point points pointed pointing", "out"),
        ("rule out", "rule rules ruled ruling", "out"),
        ("single out", "single singles singled singling", "out"),
        ("count on", "count counts counted counting", "on"),
        ("speak up", "speak speaks spoke spoken speaking", "up")):
    for _form in _forms.split():
        _PARTICLE_CUES[_form] = (_lemma, _particle)
# Cues whose bare complement (no "that") is a clause or an object: "said autopsies confirmed".
_BARE_OK = frozenset([
    "declare",
    "expect", "fear", "suspect", "doubt", "deny", "hope", "warn", "say", "claim", "argue",
    "insist", "assert", "contend", "believe", "think", "suggest", "allege", "predict", "report",
    "announce", "complain", "worry",
])
_OBJECT_OPENERS = frozenset([
    "the", "its", "their", "his", "her", "this", "that", "these", "those", "it", "them", "him",
])
_NAMING_WORDS = frozenset([
    "null", "void", "illegal", "illegitimate", "unacceptable", "absurd", "baseless", "dead",
    "obsolete", "outdated", "repugnant", "unconstitutional", "provocation", "farce", "terrorists",
])
_ADJ_ENDINGS = ("able", "ible", "ous", "ive", "ful", "less", "ic", "ical")
# Words that are prepositions or open a clause ("after Seoul and Washington announced").
_TELLING = frozenset(["tell", "tells", "told", "telling", "remind", "reminds", "reminded", "reminding", "assure", "assures", "assured", "assuring", "warn", "warns", "warned", "warning", "caution", "cautions", "cautioned", "inform", "informs", "informed", "persuade", "persuaded", "convince", "convinced"])
_SUBORDINATORS = frozenset({"after", "before", "since", "until", "as", "than", "like"})
_CLAUSE_OPENERS = frozenset([
    "he", "she", "it", "they", "we", "i", "there", "this", "these", "those", "no", "nothing",
    "its", "his", "their", "the", "all", "any", "neither", "both", "some", "most", "many", "a",
    "an", "only", "such", "every", "each",
])
_BE = frozenset({"is", "are", "was", "were", "been", "being", "be"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "must"})
# Cues read as a view in the passive, with the holder after "by" ("opposed by Washington").
_PASSIVE_CUES = frozenset([
    "oppose", "welcome", "condemn", "criticize", "reject", "see", "view", "regard", "read",
    "describe", "call", "praise", "question", "dispute", "dismiss", "protest", "greet", "rebuke",
    "contest", "resist", "accuse", "blame", "deny", "doubt", "endorse", "value", "present",
    "portray", "perceive", "consider",
])

# Words of denial or rejection: `negated` is true for them whatever their grammar.
NEGATIVE_CUES = frozenset({"reject", "deny", "dismiss", "dispute", "doubt", "distrust",
                           "oppose", "condemn", "criticize"})
# Nouns that carry a view of their possessor: "Moscow's insistence that", "in Tehran's view".
_NOUN_CUES = {
    "view": "view", "views": "view", "claim": "claim", "claims": "claim", "assertion": "assert",
    "insistence": "insist", "argument": "argue", "belief": "believe", "fear": "fear",
    "fears": "fear", "hope": "hope", "hopes": "hope", "warning": "warn", "warnings": "warn",
    "demand": "demand", "demands": "demand", "accusation": "accuse", "accusations": "accuse",
    "denial": "deny", "announcement": "announce", "position": "view", "charge": "accuse",
    "conviction": "believe", "suspicion": "suspect", "expectation": "expect",
    "allegation": "allege", "allegations": "allege", "complaint": "complain",
    "rejection": "reject", "perception": "see", "reading": "read", "assessment": "assess",
    "contention": "contend", "promise": "promise", "pledge": "pledge", "threat": "threaten",
}
# Verbs whose subject also performs the verb after "to": "refused to accept", "seems to see".
_CONTROL = frozenset([
    "refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "declining",
    "fail", "fails", "failed", "failing", "continue", "continues", "continued", "seem", "seems",
    "seemed", "appear", "appears", "appeared", "tend", "tends", "tended", "begin", "begins",
    "began", "try", "tries", "tried", "want", "wants", "wanted", "used", "come", "comes", "came",
    "plan", "plans", "planned", "intend", "intends", "intended", "prefer", "prefers", "preferred",
    "hesitate", "hesitates", "hesitated",
])
_NEG_CONTROL = frozenset([
    "refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "declining",
    "fail", "fails", "failed", "failing", "hesitate", "hesitates", "hesitated",
])

# Words between a subject and its verb: auxiliaries, negation, adverbs.
_AUX = frozenset([
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must",
])
_NEG = frozenset([
    "not", "never", "no", "n't", "cannot", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
    "werent", "wont", "wouldnt", "hasnt", "havent", "hadnt", "don't", "doesn't", "didn't", "isn't",
    "aren't", "wasn't", "weren't", "won't", "wouldn't", "hasn't", "haven't", "hadn't",
])
_ADVERBS = frozenset([
    "also", "still", "now", "long", "already", "again", "often", "always", "even", "just", "only",
    "further", "once", "then", "today", "recently", "repeatedly", "consistently", "publicly",
    "privately", "reportedly", "openly", "clearly", "firmly", "flatly", "strongly", "loudly",
    "quietly", "increasingly", "rightly", "wrongly", "correctly", "itself", "themselves",
    "himself", "herself", "generally", "widely", "largely", "broadly", "initially", "later",
    "earlier", "officially", "formally", "explicitly", "implicitly", "reportedly", "apparently",
    "evidently", "privately", "routinely", "regularly", "frequently", "long-standing", "merely",
    "simply", "too", "either", "neither", "yet", "nonetheless", "however", "therefore", "thus",
    "meanwhile",
])
_NOT_ADVERBS = frozenset([
    "family", "ally", "rally", "assembly", "supply", "italy", "july", "early", "only", "likely",
    "unlikely", "monthly", "weekly", "daily",
])

# --- holders -----------------------------------------------------------------------------

# Heads of a plural holder's phrase ("Western diplomats", "Iraqi Shi'a militia commanders").
_GROUP_NOUNS = frozenset([
    "officials", "official", "leaders", "leader", "leadership", "diplomats", "diplomat",
    "commanders", "commander", "analysts", "analyst", "experts", "expert", "observers", "observer",
    "critics", "critic", "ministers", "minister", "spokesman", "spokeswoman", "spokesperson",
    "government", "governments", "authorities", "officers", "generals", "lawmakers", "legislators",
    "politicians", "negotiators", "sources", "media", "press", "hardliners", "hardliner",
    "reformists", "moderates", "clerics", "cleric", "elites", "elite", "military", "army",
    "establishment", "administration", "ministry", "officers", "policymakers", "strategists",
    "planners", "commentators", "scholars", "academics", "sceptics", "skeptics", "supporters",
    "opponents", "allies", "rebels", "figures", "voices", "circles", "insiders", "envoys", "envoy",
    "ambassador", "ambassadors", "advisers", "advisors", "adviser", "advisor", "capitals",
    "states", "countries", "partners", "parties", "sides", "members", "diplomacy", "others",
    "negotiator", "chief", "chiefs", "president", "premier", "king", "emir", "prince",
])
# Lower-case words that may stand inside a holder's phrase.
_NP_MODIFIERS = frozenset([
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "many",
    "some", "most", "several", "few", "other", "another", "both", "all", "each", "senior", "top",
    "former", "powerful", "hardline", "moderate", "western", "eastern", "local", "regional",
    "military", "foreign", "defense", "defence", "security", "intelligence", "militia",
    "government", "opposition", "leading", "prominent", "independent", "influential", "key",
    "conservative", "reformist", "liberal", "rebel", "tribal", "religious", "party", "state",
    "ruling", "administration", "congressional", "two", "three", "four", "five", "some", "more",
    "veteran", "retired", "serving", "exiled", "new", "civilian", "political", "economic",
    "nuclear", "naval", "army", "air", "police", "border", "oil", "energy", "finance", "trade",
    "justice", "interior", "deputy", "chief", "vice", "acting", "supreme", "so-called", "shi'a",
    "shia", "shiite", "sunni", "kurdish", "arab", "gulf", "european",
])
_NP_STOPS = frozenset([
    "what", "which", "who", "whom", "whose", "that", "when", "where", "while", "because", "since",
    "as", "if", "than", "to", "in", "on", "at", "of", "for", "with", "by", "from", "against",
    "over", "under", "after", "before", "during", "into", "about", "between", "among", "toward",
    "towards", "through", "without", "within", "despite", "including", "like", "unlike", "and",
    "but", "or", "nor", "so", "yet", "however",
])
_PRONOUNS = {"he": "person", "she": "person", "it": "entity", "they": "plural",
             "both": "pair", "we": "author", "i": "speaker"}
_PAIR_PHRASES = re.compile(r"^(?:both|the two|both of them|each|the two (?:sides|countries|"
                           r"governments|capitals|leaders|states|powers|men)|both (?:sides|"
                           r"countries|governments|capitals|leaders|states|powers|men))$")
_PERSON_TYPES = frozenset({"leader", "person"})
_STATE_TYPES = frozenset({"state", "observer_state", "former_state", "territory", "sub_state",
                          "region", "people"})
# Heads of plural holders that speak for no state even when one is named ("Chinese analysts").
_SPEAKERS_FOR_NONE = frozenset([
    "analysts", "analyst", "experts", "expert", "observers", "observer", "critics", "critic",
    "scholars", "academics", "commentators", "sceptics", "skeptics", "strategists",
])
# Definite descriptions read like pronouns: "the government" stands for a state named before.
_DEFINITE = {"government": "it", "regime": "it", "kingdom": "it", "authorities": "they",
             "leadership": "it", "administration": "it", "group": "it", "movement": "it",
             "militia": "it", "organisation": "it", "organization": "it", "alliance": "it",
             "emirate": "it", "republic": "it", "tribunal": "it", "court": "it"}
_POSSESSIVE_DEFINITE = {"its": "it", "their": "they", "his": "he", "her": "she",
                        "group's": "it", "kingdom's": "it", "government's": "it",
                        "regime's": "it", "movement's": "it", "alliance's": "it"}
_MONTHS = frozenset([
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
])
_NAME_PARTICLES = frozenset({"al", "bin", "ibn", "de", "van", "von", "der", "la", "le", "abu",
                             "el", "da", "di"})
_GROUP_TYPES = frozenset({"group_holder", "people"})
_NON_HOLDER_TYPES = frozenset({"region", "non_actor"})
_TITLE_WORDS = frozenset([
    "president", "prime", "minister", "foreign", "secretary", "king", "queen", "crown", "prince",
    "vice", "defense", "defence", "interior", "oil", "finance", "state", "national", "security",
    "adviser", "advisor", "army", "presidents", "president-elect", "secretary-general",
    "foreign-minister", "emir", "amir", "sheikh", "sultan", "general", "gen.", "lieutenant",
    "colonel", "admiral", "chancellor", "premier", "supreme", "leader", "ayatollah", "chairman",
    "chief", "speaker", "senator", "sen.", "ambassador", "envoy", "director", "deputy",
    "spokesman", "spokeswoman", "spokesperson", "commander", "mr.", "mrs.", "ms.", "dr.",
    "governor", "mayor", "judge",
])
_PREPOSITIONS_BEFORE = frozenset([
    "in", "on", "at", "to", "of", "for", "with", "by", "from", "against", "over", "under", "after",
    "before", "during", "into", "about", "between", "among", "toward", "towards", "through",
    "without", "within", "despite", "including", "like", "unlike", "than", "via", "across",
])

_WORDISH = re.compile(r"\w")
_CLAUSE_BREAK = frozenset({";", ":"})
_CONTRAST_AFTER_COMMA = frozenset({"but", "while", "although", "though", "whereas", "yet",
                                   "even", "because", "since", "unless"})
_COMPLEMENTIZERS = frozenset({"that", "whether", "why", "how", "if", "what", "when"})
_TIME_AFTER_THAT = frozenset({"day", "week", "month", "year", "time", "morning", "evening",
                              "night", "afternoon", "weekend"})


class Mention(NamedTuple):
    """An actor named in a sentence (offsets into the sentence)."""

    actor: str
    actor_type: str
    country: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Holder:
    """Who holds a view expressed in a sentence, and what view (offsets into the sentence).

    ``holder`` and ``holder_country`` join several actors with "|" for a joint holder
    ("Both Iran and Russia"); ``holder_country`` is '' for holders who speak for no state
    or body ("experts"). ``negated``: the cue is negated or a word of denial; ``rejects``:
    the holder holds the content false.
    """

    holder: str
    holder_country: str
    holder_text: str
    cue: str
    negated: bool
    content: str
    content_start: int
    content_end: int
    holder_start: int
    holder_end: int
    cue_start: int
    cue_end: int
    rejects: bool = False
    holders: tuple = field(default=(), repr=False, compare=False)

    @property
    def start(self) -> int:
        """Where the evidence starts: the holder's words or the cue, whichever is first."""
        return min(self.cue_start, self.holder_start) if self.holder_start >= 0 else self.cue_start

    @property
    def end(self) -> int:
        return max(self.content_end, self.cue_end)


class _Ref(NamedTuple):
    """A resolved holder: canonical name, country ('' for none) and its kind."""

    actor: str
    country: str
    kind: str  # 'person', 'entity', 'plural', 'author'


# --- tokens ------------------------------------------------------------------------------


class _Tok(NamedTuple):
    text: str
    norm: str
    start: int
    end: int


# Words as briefkit.text splits them (initialisms such as "U.S." kept whole, "Russia's",
# "al-Assad", "25,000"), without its abbreviation pass, which claims do not need: this runs
# on every sentence that holds a cue word, so it is kept to one regular expression.
_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}(?:[-\u2010\u2011]\w+)*|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
                       r"|\d+(?:\.\d+)+|\w+(?:(?:[-\u2010\u2011'\u2019\u02bc]|\+)\w+)*|\S")
_new_tok = tuple.__new__


def _tokens(text: str) -> list[_Tok]:
    lower = text.lower().replace("\u2019", "'").replace("\u02bc", "'")
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    return [_new_tok(_Tok, (text[a:b], lower[a:b], a, b)) for a, b in spans]


def _is_cap(tok: _Tok) -> bool:
    return tok.text[:1].isupper()


def _is_adverb(norm: str) -> bool:
    return norm in _ADVERBS or (len(norm) > 4 and norm.endswith("ly") and norm not in _NOT_ADVERBS)


# --- the sentence parser -----------------------------------------------------------------


@dataclass
class _Context:
    """What earlier sentences tell about pronouns: their mentions and claims' holders."""

    sentences: list = field(default_factory=list)  # [(mentions, holder refs list), ...]

    def push(self, mentions, refs) -> None:
        self.sentences.append((mentions, refs))
        if len(self.sentences) > 3:
            self.sentences.pop(0)


class _Sentence:
    """One sentence: its tokens, mentions, and the claims found in it."""

    def __init__(self, text: str, mentions: Sequence[Mention], context: _Context | None):
        self.text = text
        self.toks = _tokens(text)
        self.mentions = [m for m in mentions if m.actor_type not in _NON_HOLDER_TYPES]
        self.context = context or _Context()
        self.claims: list[Holder] = []
        self._actor_names = {m.actor for m in self.mentions} | {
            g for g in (_country_groups().get(m.country) for m in self.mentions) if g}
        self.refs: list[list[_Ref]] = []
        # token index -> the mention covering it
        self.tok_mention: dict[int, Mention] = {}
        j = 0
        for i, tok in enumerate(self.toks):
            while j < len(self.mentions) and self.mentions[j].end <= tok.start:
                j += 1
            for m in self.mentions[j:j + 3]:
                if m.start < tok.end and tok.start < m.end:
                    self.tok_mention[i] = m
                    break

    # -- finding cues --

    def find(self) -> list[Holder]:
        toks = self.toks
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            norm = tok.norm
            found = None
            if norm == "according" and i + 1 < n and toks[i + 1].norm == "to":
                found = self._according(i)
            elif norm in _PARTICLE_CUES and i + 1 < n and toks[i + 1].norm == \
                    _PARTICLE_CUES[norm][1] and not _is_cap_mid(toks, i):
                found = self._verb_cue(i, particle=True)
            elif norm in _CUES and not _is_cap_mid(toks, i):
                found = self._verb_cue(i)
            elif norm in _NOUN_CUES:
                found = self._noun_cue(i)
            if found:
                for claim in found[0]:
                    self.claims.append(claim)
                    self.refs.append(found[1])
            i += 1
        opening = self._to_holder()
        if opening:
            self.claims.insert(0, opening[0][0])
            self.refs.insert(0, opening[1])
        return self.claims

    def _verb_cue(self, i: int, particle: bool = False):
        toks = self.toks
        if particle:
            lemma, kind = _PARTICLE_CUES[toks[i].norm][0], OBJ
            cue_j = i + 1
        else:
            lemma, kind = _CUES[toks[i].norm]
            cue_j = i
        if i in self.tok_mention:
            return None  # part of a name: "Gulf states", "the Islamic State"
        passive = self._passive(i, cue_j, lemma, kind)
        if passive:
            return passive
        if toks[i].norm.endswith("ing") and i > 0 and toks[i - 1].norm in {"the", "a", "an", "this",
                                                                             "its", "their"}:
            return None  # a noun: "the warning", "their reading"
        self._object_clause = kind in (OBJ, CALL, AS)
        comp = self._complement(cue_j, lemma, kind)
        self._object_clause = False
        gap = comp is None and self._gap_content(i, cue_j)
        if comp is None and not gap:
            return None
        subject = self._subject(i, lemma)
        if subject is None:
            return None
        refs, h_start, h_end, neg = subject
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        group = self._verb_group(i)
        if group & _BE and toks[i].norm != lemma and not toks[i].norm.endswith("ing"):
            return None  # a passive without its agent: the subject holds no view
        h_words = self.text[h_start:h_end].lower() if h_start >= 0 else ""
        if toks[i].norm == lemma and lemma not in {"read", "cast"} and not group and \
                len(refs) == 1 and refs[0].kind in ("entity", "person") and \
                not self._pronoun_subject(h_start) and " and " not in h_words and \
                not h_words.endswith(("others", "officials", "leaders")):
            return None  # "U.S. support for", "Iran's demand": a noun, not the verb
        if group & _MODALS and self._author_frame(i):
            return None  # "we assess that Qatar will reject ...": the author's forecast
        if lemma == "accept" and not neg and not (comp and self._that_at(cue_j + 1)):
            return None  # "if Russia accepts the departure": an act, not a view
        if h_start >= 0 and self._in_condition(h_start):
            return None
        spans = [gap] if gap else (self._split_thats(*comp) if kind in (THAT, THAT_ONLY)
                                    or lemma == "point out" else [comp])
        claims = []
        for c_start, c_end in spans:
            claims += self._make(refs, h_start, h_end, lemma, neg, i, cue_j, c_start, c_end)[0]
        return claims, refs

    def _verb_group(self, i: int) -> set:
        """The auxiliaries and modals just before the cue ("to" for an infinitive)."""
        out = set()
        k = i - 1
        if k >= 0 and self.toks[k].norm == "to":
            return {"to"}
        while k >= 0 and (self.toks[k].norm in _AUX or self.toks[k].norm in _NEG or
                          _is_adverb(self.toks[k].norm)):
            out.add(self.toks[k].norm)
            k -= 1
        return out

    def _pronoun_subject(self, h_start: int) -> bool:
        return any(t.start == h_start and t.norm in {"they", "we", "i", "you"} for t in self.toks)

    def _author_frame(self, i: int) -> bool:
        """Whether the author frames the clause of the cue ("We assess that ...", "likely")."""
        head = self.text[:self.toks[i].start]
        return bool(_ANALYTIC.search(head)) or bool(find_estimative_terms(head))

    def _that_at(self, k: int) -> bool:
        return k < len(self.toks) and self.toks[k].norm == "that"

    def _in_condition(self, h_start: int) -> bool:
        """Whether the holder opens a conditional clause ("if Russia accepts ...")."""
        before = [t for t in self.toks if t.end <= h_start][-3:]
        return any(t.norm in {"if", "unless"} for t in before[-2:])

    def _gap_content(self, i: int, cue_j: int):
        """Content of an object-gap relative ("a step that Berlin and Paris oppose",
        "which the Pentagon protested"): the phrase before the relative word."""
        toks = self.toks
        nxt = toks[cue_j + 1] if cue_j + 1 < len(toks) else None
        if nxt is not None and _WORDISH.match(nxt.text) and nxt.norm not in {"and", "but", "or"}:
            return None
        k = i - 1
        while k >= 0 and (toks[k].norm in _AUX or toks[k].norm in _NEG or _is_adverb(toks[k].norm)):
            k -= 1
        # skip the holder phrase back to the relative word or the antecedent noun
        while k >= 0 and toks[k].norm not in {"that", "which", "what", "whom"} and \
                toks[k].text not in {",", ";", "—", "–"}:
            k -= 1
        if k <= 0:
            return None
        end_tok = k - 1 if toks[k].norm in {"that", "which", "whom"} else k
        if toks[k].norm == "what":
            return None
        if end_tok >= 0 and toks[end_tok].text == ",":
            end_tok -= 1
        start_tok = end_tok
        while start_tok > 0 and toks[start_tok - 1].text not in {",", ";", ":", "—", "–"}:
            start_tok -= 1
        if end_tok < start_tok or end_tok < 0:
            return None
        return toks[start_tok].start, toks[end_tok].end

    def _split_thats(self, c_start: int, c_end: int):
        """Coordinated that-clauses ("replied that A, that B, and that C") as one span each."""
        toks = self.toks
        spans, start = [], c_start
        for k, tok in enumerate(toks):
            if tok.start <= c_start or tok.end > c_end or tok.norm != "that":
                continue
            prev = toks[k - 1].norm if k else ""
            if prev in {",", "and"} or toks[k - 1].text == ",":
                cut = k - 1
                while cut > 0 and toks[cut].text in {",", "and"} or toks[cut].norm == "and":
                    cut -= 1
                if toks[cut].end > start:
                    spans.append((start, toks[cut].end))
                    start = toks[k + 1].start if k + 1 < len(toks) else c_end
        spans.append((start, c_end))
        return [sp for sp in spans if sp[1] > sp[0]]

    def _passive(self, i: int, cue_j: int, lemma: str, kind: str):
        """"opposed by Washington", "was read in Islamabad as ...": the agent holds the view."""
        toks = self.toks
        word = toks[i].norm
        if lemma not in _PASSIVE_CUES or word.endswith(("s", "ing")) and word not in {"seen"}:
            return None
        if word == lemma and word not in {"read", "cast"}:
            return None
        k = cue_j + 1
        if k + 1 >= len(toks):
            return None
        if toks[k].norm == "by" or toks[k].norm == "in" and kind == AS and (k + 1) in self.tok_mention:
            agent = k + 1
        else:
            return None
        if agent not in self.tok_mention:
            return None
        j = self._np_end(agent)
        np = self._noun_phrase(j)
        if np is None or np[0] < agent:
            return None
        refs = self._resolve_np(agent, j)
        if not refs:
            return None
        # content: the subject before the verb group (from the clause start)
        b = i - 1
        while b >= 0 and (toks[b].norm in _AUX or _is_adverb(toks[b].norm) or toks[b].text == ","):
            b -= 1
        a = b
        while a > 0 and toks[a - 1].text not in {";", ":"} and not (
                toks[a - 1].text == "," and a - 2 >= 0 and toks[a - 2].norm in _CUES):
            a -= 1
        if b < a:
            return None
        if kind == AS:
            span = self._span(j + 1)
            c_start, c_end = span if span else (toks[a].start, toks[b].end)
        else:
            c_start, c_end = toks[a].start, toks[b].end
        return self._make(refs, toks[agent].start, toks[j].end, lemma, False, i, cue_j,
                          c_start, c_end)

    def _make(self, refs, h_start, h_end, lemma, neg, cue_i, cue_j, c_start, c_end):
        toks = self.toks
        text = self.text
        content = text[c_start:c_end]
        negated = neg or lemma in NEGATIVE_CUES
        rejects = neg != (lemma in NEGATIVE_CUES) if lemma != "question" else (
            not neg and not _opens_with(content, ("why", "how", "what")))
        holder = "|".join(_unique(r.actor for r in refs))
        country = "|".join(c for c in _unique(r.country for r in refs) if c)
        h_text = text[h_start:h_end] if h_start >= 0 else ""
        return [Holder(holder, country, h_text, lemma, bool(negated), content, c_start, c_end,
                       h_start, h_end, toks[cue_i].start, toks[cue_j].end, bool(rejects),
                       tuple(refs))], refs

    # -- complements: where the content starts and ends --

    def _complement(self, i: int, lemma: str, kind: str):
        toks = self.toks
        n = len(toks)
        if i + 1 >= n or not _WORDISH.match(toks[i + 1].text) and toks[i + 1].text not in "“\"‘'":
            # nothing after the cue, or punctuation: "as Russia seeks," has no content here
            if kind == TO and i + 1 < n:
                return None
            return None
        nxt = toks[i + 1].norm
        if kind in (THAT, THAT_ONLY):
            k = self._find_complementizer(i + 1)
            if k is not None:
                return self._span(k + 1)
            if self._object_gap(i) and kind == THAT:
                return self._span(i + 1)  # "what he says are U.S. attempts"
            if kind == THAT_ONLY:
                if lemma in {"caution", "warn"} and nxt in {"against", "of"}:
                    return self._span(i + 1)
                if lemma in {"announce", "promise", "pledge", "threaten", "vow",
                             "accept"} and nxt == "to":
                    return self._span(i + 1) if lemma != "accept" else None
                if lemma == "accept" and nxt not in _NP_STOPS:
                    return self._span(i + 1)
                return None
            if nxt in {"in", "on", "at"} and lemma in _BARE_OK:
                return self._span(i + 1)  # "announced in Beijing on October 20 his separation"
            if nxt in {"for", "on", "against", "with", "at", "in", "by", "up", "out",
                       "down", "off", "into", "over", "from", "under", "of"}:
                if lemma in {"warn", "fear", "complain", "hope", "insist", "argue", "worry"} \
                        and nxt in {"of", "about", "for", "on", "against"}:
                    return self._span(i + 2)
                return None
            if nxt == "to" and lemma not in {"expect", "hope", "claim", "say", "tell", "threaten",
                                             "warn", "deny", "fear"}:
                return None
            if lemma == "tell":
                return None  # "told allies" without "that" reports no clause we can see
            if lemma in _BARE_OK or self._looks_like_clause(i + 1):
                return self._span(i + 1)
            return None
        if kind == AS:
            if nxt in {"that", "whether"}:
                return self._span(i + 2)
            end = self._clause_end(i + 1)
            for k in range(i + 1, min(end, i + 16)):
                if toks[k].norm == "as" and k > i + 0:
                    return self._span(i + 1)
                if toks[k].norm in {"that", "which", "who"}:
                    break
            if lemma == "consider" and self._looks_like_clause(i + 1):
                return self._span(i + 1)
            return None
        if kind == OBJ:
            if nxt == "as" and self._object_gap(i):
                return self._span(i + 1)  # "which Riyadh dismisses as an attempt to ..."
            if lemma in {"ask", "press", "offer", "intend"}:
                if lemma == "ask" and nxt in {"for", "that", "whether"} or \
                        lemma in {"offer", "intend"} and nxt == "to":
                    return self._span(i + 1) if nxt != "that" else self._span(i + 2)
                if lemma in {"ask", "press"}:
                    for k in range(i + 1, min(len(toks), i + 6)):
                        if toks[k].norm == "to":
                            return self._span(i + 1)
                        if toks[k].norm in _NP_STOPS and toks[k].norm not in {"the", "a", "an"}:
                            break
                return None
            if lemma == "object":
                return self._span(i + 2) if nxt == "to" else None
            if nxt in {"that", "whether", "why", "how"}:
                return self._span(i + 2) if nxt == "that" else self._span(i + 1)
            if lemma in {"want", "seek"}:
                return None  # wishes and aims are views only as object gaps ("as Russia seeks")
            if lemma == "urge":
                return self._span(i + 1)
            if nxt in _NP_STOPS and nxt not in {"the", "a", "an", "both", "all", "each", "what"}:
                if lemma in {"accuse", "blame", "question"} and nxt in {"of", "for", "on"}:
                    return self._span(i + 1)
                return None
            return self._span(i + 1)
        if kind == CALL:
            if nxt in {"for", "on", "upon"}:
                return self._span(i + 1)
            return self._call_naming(i)
        return None

    def _call_naming(self, i: int):
        # "call the enlargement a U.S. project", "what it called a firm strategy",
        # "calls transition the central issue": an object then a naming phrase.
        toks = self.toks
        end = min(self._clause_end(i + 1), i + 9)
        gap = self._object_gap(i)
        first = toks[i + 1].norm if i + 1 < len(toks) else ""
        if not gap and not (first in _OBJECT_OPENERS or _is_cap(toks[i + 1])):
            return None
        for k in range(i + 1, end):
            nrm = toks[k].norm
            if nrm in {"a", "an", "the", "its", "their", "“", "\"", "‘"} and (k > i + 1 or gap):
                return self._span(i + 1)
            if k > i + 1 and (nrm in _NAMING_WORDS or nrm.endswith(_ADJ_ENDINGS)) and \
                    nrm not in _NP_STOPS:
                return self._span(i + 1)
            if nrm in _NP_STOPS and nrm not in {"the", "a", "an"}:
                break
        return None

    def _object_gap(self, i: int) -> bool:
        """Whether the cue's object stands before it ("what it sees as", "which X calls")."""
        toks = self.toks
        for k in range(i - 1, max(-1, i - 7), -1):
            if toks[k].norm in {"what", "which", "whom", "that"}:
                return True
            if toks[k].text in {",", ";", "—", "–", "("}:
                return False
        return False

    def _looks_like_clause(self, k: int) -> bool:
        """A bare complement clause: a subject-like word next ("said he was open")."""
        toks = self.toks
        if k >= len(toks):
            return False
        nrm = toks[k].norm
        return (nrm in _CLAUSE_OPENERS or _is_cap(toks[k]) or k in self.tok_mention)

    def _find_complementizer(self, k: int) -> int | None:
        """Index of "that"/"whether"/... opening the clause within a few words after the cue."""
        toks = self.toks
        first = toks[k].norm if k < len(toks) else ""
        if k > 0 and toks[k - 1].norm in _TELLING:
            first = "that"
        if first not in {"that", "whether", "why", "how", "if", ","} and first not in \
                _PREPOSITIONS_BEFORE and not _is_adverb(first) and first not in _OBJECT_OPENERS \
                and not _is_cap(toks[k]) and first not in _GROUP_NOUNS and \
                first not in {"on", "the", "last", "this", "again", "publicly", "privately"}:
            return None  # "states value the battalion that ...": no clause follows the cue
        for j in range(k, min(len(toks), k + 9)):
            nrm = toks[j].norm
            if nrm in {"that", "whether", "why", "how", "if"}:
                if nrm == "that" and j + 1 < len(toks) and toks[j + 1].norm in _TIME_AFTER_THAT:
                    continue
                if nrm == "if" and j != k:
                    return None
                return j if nrm == "that" else j - 1
            if toks[j].text in {",", ";", ":", "—", "–", "(", ")"} or nrm in _CUES and j > k \
                    or nrm in {"and", "but", "or", "while"}:
                if toks[j].text == "," and j + 1 < len(toks) and toks[j + 1].norm == "that":
                    continue
                return None
        return None

    def _clause_end(self, k: int) -> int:
        """Token index where the clause starting at k ends (exclusive)."""
        toks = self.toks
        n = len(toks)
        depth = 0
        for j in range(k, n):
            t = toks[j].text
            if t == "(":
                depth += 1
            elif t == ")":
                depth = max(0, depth - 1)
            if depth:
                continue
            if t in _CLAUSE_BREAK:
                return j
            if t == "," and j + 1 < n and toks[j + 1].norm in {"which", "who"}:
                return j
            if t == "," and j + 1 < n and toks[j + 1].norm == "that" and j > k and \
                    self._object_clause:
                return j
            if t in {",", "—", "–"} and j + 1 < n:
                nxt = toks[j + 1].norm
                if nxt in _CONTRAST_AFTER_COMMA:
                    return j
                if nxt in {"and", "but"} and j + 2 < n and (
                        toks[j + 2].norm in {"he", "she", "it", "they", "we"}
                        or toks[j + 2].norm in _CUES or _is_adverb(toks[j + 2].norm)
                        and j + 3 < n and toks[j + 3].norm in _CUES):
                    return j
                if t == "," and nxt in _CUES and nxt.endswith("ing"):
                    return j  # ", saying that ...": a new claim begins
                if nxt in {"and", "but"} and any(
                        toks[q].norm in _CUES and (q - 1 in self.tok_mention or _is_cap(toks[q - 1]))
                        for q in range(j + 3, min(n, j + 7))):
                    return j  # ", and Moscow presents ...": a new subject and its claim
            if t in {"and", "but"} and j + 1 < n and toks[j + 1].norm in _CUES and \
                    _CUES[toks[j + 1].norm][1] != AS:
                return j  # "denies that X and says Y"
        return n

    _object_clause = False

    def _span(self, k: int):
        toks = self.toks
        if k >= len(toks):
            return None
        end = self._clause_end(k)
        if end <= k:
            return None
        # drop closing punctuation and quotes at the end of the clause
        last = end - 1
        while last > k and not _WORDISH.search(toks[last].text) and toks[last].text not in ")”’\"'":
            last -= 1
        while last > k and toks[last].text in "”’\"'" and not self._quote_opened(k, last):
            last -= 1
        start = toks[k].start
        if toks[k].norm == "that" and k + 1 <= last:
            start = toks[k + 1].start
        return start, toks[last].end

    def _quote_opened(self, k: int, last: int) -> bool:
        opener = {"”": "“", "’": "‘", "\"": "\"", "'": "'"}.get(self.toks[last].text)
        return any(t.text == opener for t in self.toks[k:last])

    # -- subjects: who holds the view --

    def _subject(self, i: int, lemma: str):
        """(refs, holder start, holder end, negated) for the cue at token i, or None."""
        toks = self.toks
        j = i - 1
        neg = False
        while j >= 0:
            nrm = toks[j].norm
            if nrm in _NEG or (nrm == "longer" and j > 0 and toks[j - 1].norm == "no"):
                neg = True
                j -= 2 if nrm == "longer" else 1
                continue
            if nrm in _AUX or _is_adverb(nrm) or (nrm == "since" and j > 0 and
                                                  toks[j - 1].norm in _AUX):
                j -= 1
                continue
            if nrm == "to" and j > 0 and toks[j - 1].norm in _CONTROL:
                neg = neg or toks[j - 1].norm in _NEG_CONTROL
                j -= 2
                continue
            if nrm == "to":
                j -= 1  # "caused X to argue": X is the holder
                if j >= 0 and toks[j].text in {"—", "–", ")", ","}:
                    j = self._skip_parenthetical(j)
                break
            break
        if j is None or j < 0:
            return None  # nothing before the cue, or a dash that opens no aside
        t = toks[j]
        if toks[i].norm.endswith("ing") and t.norm in _PREPOSITIONS_BEFORE and j == 0:
            return None  # "In announcing the ceasefire, he wrote ...": the subject comes later
        if toks[i].norm.endswith("ing") and (t.text in {",", "—", "–", "("} or t.norm in {"and", "while", "by", "after", "before"}):
            ref = self._main_subject(i)
            return (ref[0], ref[1], ref[2], neg) if ref else None
        if t.norm in {"and", "but", "or", "nor", "yet"} or (t.text == "," and j > 0 and
                                                           toks[j - 1].norm in {"and", "but"}):
            ref = self._main_subject(i)
            return (ref[0], ref[1], ref[2], neg) if ref else None
        if t.text in {",", "—", "–", ")"}:
            j2 = self._skip_parenthetical(j)
            if (j2 is None or j2 < 0) and t.text == ",":
                ref = self._main_subject(i)  # "Moscow has ratified X, announced Y and ..."
                return (ref[0], ref[1], ref[2], neg) if ref else None
            if j2 is None or j2 < 0:
                return None
            j = j2
            t = toks[j]
        relative = t.norm in {"who", "which", "that"}
        if relative:
            j -= 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            if j < 0:
                return None
        np = self._noun_phrase(j)
        if np is None:
            return None
        a, b = np
        if toks[b].norm.endswith(("'s", "s'")) and toks[b].norm not in _PRONOUNS:
            return None  # "China's claims": a possessor, so the cue word is a noun
        np = (a, b) if relative else self._outside_pp(a, b)
        if np is None:
            return None
        a, b = np
        refs = self._resolve_np(a, b)
        if not refs:
            return None
        return refs, toks[a].start, toks[b].end, neg

    def _outside_pp(self, a: int, b: int):
        """A subject never follows a preposition: for "forces from Misrata announced" or
        "X in Lausanne announced", the subject is the phrase before the preposition."""
        toks = self.toks
        p = a - 1
        if p >= 0 and toks[p].norm in {"that", "this", "the", "its", "their"} and p > 0 and \
                toks[p - 1].norm in _PREPOSITIONS_BEFORE:
            p -= 1
        if p < 0 or toks[p].norm not in _PREPOSITIONS_BEFORE or toks[p].norm in _SUBORDINATORS:
            return a, b
        if toks[p].norm == "of" and p > 0 and toks[p - 1].norm in _GROUP_NOUNS:
            return a, b  # "the foreign ministers of Russia and Iran": the states hold the view
        if p == 0 or toks[p - 1].text in {",", ";", ":"}:
            return None  # "In Lausanne, ...": an adverbial, not a subject
        np = self._noun_phrase(p - 1) if p - 1 >= 0 else None
        return np

    def _skip_parenthetical(self, j: int) -> int | None:
        """Index just before the opener matching the closer at j (", who ...,", "—...—")."""
        toks = self.toks
        closer = toks[j].text
        opener = {")": "(", "—": "—", "–": "–", ",": ","}[closer]
        for k in range(j - 1, -1, -1):
            if toks[k].text == opener or (closer in "—–" and toks[k].text in "—–"):
                return k - 1
            if toks[k].text in {";", ":"}:
                return None
        return None

    def _main_subject(self, i: int):
        """The holder of an earlier claim in the sentence, else the sentence's first holder."""
        if self.claims:
            last = self.claims[-1]
            return list(self.refs[-1]), last.holder_start, last.holder_end
        toks = self.toks
        for k in range(i):
            if k in self.tok_mention or toks[k].norm in _GROUP_NOUNS or toks[k].norm in _PRONOUNS:
                if k > 0 and toks[k - 1].norm in _PREPOSITIONS_BEFORE:
                    continue
                np = self._noun_phrase(self._np_end(k))
                if np:
                    refs = self._resolve_np(*np)
                    if refs and all(r.kind not in ("author", "speaker") for r in refs):
                        return refs, toks[np[0]].start, toks[np[1]].end
                return None
        return None

    def _np_end(self, k: int) -> int:
        """Extend a phrase start rightwards to its last word (the head)."""
        toks = self.toks
        j = k
        while j + 1 < len(toks):
            nxt = toks[j + 1]
            if (j + 1) in self.tok_mention or nxt.norm in _GROUP_NOUNS or (
                    _is_cap(nxt) and nxt.norm not in _NP_STOPS) or nxt.norm in {"'s", "’s"}:
                j += 1
                continue
            if nxt.norm == "and" and j + 2 < len(toks) and ((j + 2) in self.tok_mention or
                                                             _is_cap(toks[j + 2])):
                j += 1
                continue
            break
        return j

    def _noun_phrase(self, j: int):
        """(first, last) token indices of the phrase ending at j, or None."""
        toks = self.toks
        last = j
        t = toks[j]
        if t.norm in _PRONOUNS or _PAIR_PHRASES.match(t.norm):
            a = j
            if t.norm in {"both", "each"} and j > 0 and toks[j - 1].norm in {"the"}:
                a = j - 1
            return a, last
        if t.norm in _NP_STOPS or t.norm in _PREPOSITIONS_BEFORE:
            return None  # "In announcing ...": a capitalised function word is no name
        if not (j in self.tok_mention or t.norm in _GROUP_NOUNS or _is_cap(t)):
            # "the two sides", "both governments"
            return None
        a = j
        seen_and = False
        k = j - 1
        while k >= 0:
            tk = toks[k]
            nrm = tk.norm
            if k in self.tok_mention or (_is_cap(tk) and nrm not in _NP_STOPS and
                                         nrm not in _ADVERBS) or nrm in _GROUP_NOUNS and nrm not in {"state", "states"} or nrm in _NP_MODIFIERS or nrm in {"'s", "’s"}:
                a = k
            elif nrm == "and" and k > 0 and (k - 1 in self.tok_mention or _is_cap(toks[k - 1])):
                seen_and = True
                a = k
            elif tk.text == "," and seen_and and k > 0 and (k - 1 in self.tok_mention or
                                                             _is_cap(toks[k - 1])):
                a = k
            elif nrm in {"in", "from", "at"} and k > 0 and toks[k - 1].norm in _GROUP_NOUNS \
                    and a in self.tok_mention:
                a = k  # "analysts in Riyadh"
            elif tk.text in {"-", "‑"}:
                a = k
            else:
                break
            k -= 1
        while a < last and (toks[a].norm in {"and", ","} or toks[a].text == ","):
            a += 1
        # a capitalised sentence opener that is no name ("But", "In") is not the phrase
        while a < last and toks[a].norm in _NP_STOPS and toks[a].norm not in {"the", "a", "an"}:
            a += 1
        return a, last

    def _resolve_np(self, a: int, b: int) -> list[_Ref]:
        """The actors a phrase names: one per conjunct ("Iran and Russia"), pronouns resolved."""
        toks = self.toks
        phrase = " ".join(t.norm for t in toks[a:b + 1])
        if a == b and toks[a].norm in _PRONOUNS or _PAIR_PHRASES.match(phrase):
            return self._resolve_pronoun(phrase if _PAIR_PHRASES.match(phrase) else toks[a].norm,
                                         toks[a].start)
        conjuncts, cur = [], []
        for k in range(a, b + 1):
            if toks[k].norm == "and" or toks[k].text == ",":
                if cur:
                    conjuncts.append(cur)
                cur = []
            else:
                cur.append(k)
        if cur:
            conjuncts.append(cur)
        refs: list[_Ref] = []
        last_group = bool(conjuncts) and toks[conjuncts[-1][-1]].norm in _GROUP_NOUNS
        for n, conj in enumerate(conjuncts):
            ref = self._resolve_conjunct(conj)
            if ref is None:
                continue
            m = self.tok_mention.get(conj[0])
            if last_group and n < len(conjuncts) - 1 and len(conj) == 1 and ref.kind == "entity" \
                    and m is not None and m.text != m.actor:
                # "Saudi and Emirati officials": the head noun is shared
                group = _country_groups().get(ref.country)
                ref = _Ref(group or ref.actor, ref.country, "plural")
            refs.append(ref)
        if len(refs) > 1 and conjuncts and all(len(c) == 1 and toks[c[0]].norm in _NP_MODIFIERS
                                               for c in conjuncts[:-1]):
            return refs[-1:]
        named = [r for r in refs if r.actor in self._actor_names]
        if named and len(named) < len(refs):
            return named  # "Merkel and others", "Russia, Iran and their allies"
        return refs

    def _resolve_conjunct(self, conj: list[int]) -> _Ref | None:
        toks = self.toks
        head = conj[-1]
        m = self.tok_mention.get(head)
        pp = next((k for k in conj[1:] if toks[k].norm in {"in", "from", "at"}
                   and toks[k - 1].norm in _GROUP_NOUNS), None)
        if pp is not None:  # "officials in Riyadh", "analysts in Moscow"
            inner = [self.tok_mention[k] for k in conj if k in self.tok_mention]
            return self._group_ref(conj[:conj.index(pp)] + conj[conj.index(pp) + 1:], inner)
        if m is not None and m.end >= toks[head].end - 2:
            inner = [self.tok_mention[k] for k in conj if k in self.tok_mention
                     and self.tok_mention[k] is not m]
            if m.actor_type == "group_holder" and not m.country and inner:
                return self._group_ref(conj, inner)  # "State Department officials"
            return _mention_ref(m)
        words = [toks[k] for k in conj if toks[k].norm not in {"the", "a", "an"}]
        if not words:
            return None
        inner = [self.tok_mention[k] for k in conj if k in self.tok_mention]
        head_norm = toks[head].norm
        if head_norm in _DEFINITE and not inner and toks[conj[0]].norm in {"the", "that", "this"}:
            got = self._resolve_pronoun(_DEFINITE[head_norm], toks[head].start)
            return got[0] if len(got) == 1 else None
        if head_norm in _GROUP_NOUNS:
            return self._group_ref(conj, inner)
        if head_norm in _DEFINITE and len(words) <= 2:
            got = self._resolve_pronoun(_DEFINITE[head_norm], toks[head].start)
            return got[0] if len(got) == 1 else None
        if _is_cap(toks[head]) and head_norm not in _MONTHS:
            # a name the gazetteer lacks: "Staffan de Mistura", "Syrian Foreign Minister X"
            country = next((mm.country for mm in reversed(inner)), "")
            tail = " ".join(toks[k].norm for k in conj if k not in self.tok_mention
                            and _is_cap(toks[k]))
            agency = _state_agencies().get((country, tail))
            if agency is None and not country and toks[conj[0]].norm == "the":
                agency, country = self._agency_in_context(tail)
            if agency:  # "Russia's Foreign Ministry" -> "Russian Foreign Ministry"
                return _Ref(agency, country, "entity")
            last_title = max((k for k in conj if toks[k].norm in _TITLE_WORDS
                              or toks[k].norm in _GROUP_NOUNS), default=None)
            name_toks = []
            for k in reversed(conj):  # the run of name words at the end of the phrase
                if (last_title is not None and k <= last_title) or k in self.tok_mention \
                        or toks[k].norm in _MONTHS or not (_is_cap(toks[k]) or
                                                           toks[k].norm in _NAME_PARTICLES):
                    break
                name_toks.insert(0, k)
            if not name_toks or not _is_cap(toks[name_toks[0]]):
                return None
            name = self.text[toks[name_toks[0]].start:toks[name_toks[-1]].end]
            person = last_title is not None or len(name_toks) >= 2
            return _Ref(name, country, "person" if person else "entity")
        return None

    def _agency_in_context(self, tail: str) -> tuple[str | None, str]:
        """"the Foreign Ministry": the agency of the state named last, if the gazetteer has it."""
        groups = [self.mentions] + [m for m, _ in reversed(self.context.sentences)]
        for mentions in groups:
            for m in reversed(mentions):
                if m.actor_type in _STATE_TYPES and (m.country, tail) in _state_agencies():
                    return _state_agencies()[(m.country, tail)], m.country
        return None, ""

    def _group_ref(self, conj: list[int], inner: list[Mention]) -> _Ref:
        """A plural holder the gazetteer lacks as a whole ("Saudi leaders", "analysts in
        Riyadh", "Militia leaders"): the gazetteer's group for its country, else its body."""
        toks = self.toks
        head = next((toks[k].norm for k in reversed(conj) if toks[k].norm in _GROUP_NOUNS), "")
        plural = head.endswith("s") or head in {"leadership", "government", "administration"}
        kind = "plural" if plural else "person"
        generic = _generic_groups().get(head)
        owner = next((mm for mm in reversed(inner) if mm.actor_type not in _PERSON_TYPES), None)
        possessor = next((toks[k].norm for k in conj if toks[k].norm in _POSSESSIVE_DEFINITE), None)
        if owner is None and possessor is not None:
            got = self._resolve_pronoun(_POSSESSIVE_DEFINITE[possessor], toks[conj[0]].start)
            if len(got) == 1:
                return _Ref(got[0].actor, got[0].country, kind)
        if owner is None:
            if generic:
                return _Ref(generic, "", kind)
            return _Ref(_phrase(self.text, toks, conj), "", kind)
        if head in _SPEAKERS_FOR_NONE:
            return _Ref(generic or head, "", kind)
        if head in {"media", "press"}:
            return _Ref(_phrase(self.text, toks, conj), owner.country, "plural")
        if head in {"government", "leadership", "administration", "regime"} and \
                owner.actor_type in _STATE_TYPES:
            return _Ref(owner.actor, owner.country, "entity")  # "Turkey's government"
        if owner.actor_type in _STATE_TYPES or owner.actor_type == "state_agency":
            group = _country_groups().get(owner.country)
            if group and plural:
                return _Ref(group, owner.country, "plural")
            return _Ref(owner.actor if owner.actor_type in _STATE_TYPES else owner.country,
                        owner.country, kind)
        return _Ref(owner.actor, owner.country, kind)

    def _resolve_pronoun(self, word: str, pos: int) -> list[_Ref]:
        kind = "pair" if _PAIR_PHRASES.match(word) else _PRONOUNS.get(word, "entity")
        if kind == "author":
            return [_Ref(AUTHOR, AUTHOR, "author")]
        if kind == "speaker":
            return [_Ref("speaker", "", "speaker")]
        want_many = kind in ("pair", "plural")
        # 1. earlier claims in this sentence
        for refs in reversed(self.refs):
            got = _fit(refs, kind)
            if got:
                return got
        # 2. the sentence's own actors before the pronoun: its subject first, then nearest
        before = [m for m in self.mentions if m.end <= pos]
        subj = self._subject_mentions(before)
        for group in (subj, list(reversed(before))):
            got = _fit_mentions(group, kind, want_many)
            if got:
                return got
        # 3. earlier sentences: their claims' holders, their subjects, their actors
        for mentions, claim_refs in reversed(self.context.sentences):
            for refs in reversed(claim_refs):
                got = _fit(refs, kind)
                if got:
                    return got
            got = _fit_mentions(_leading_mentions(mentions), kind, want_many)
            if got:
                return got
            got = _fit_mentions(list(reversed(mentions)), kind, want_many)
            if got:
                return got
        return []

    def _subject_mentions(self, before: list[Mention]) -> list[Mention]:
        return _leading_mentions(before)

    # -- other constructions --

    def _according(self, i: int):
        toks = self.toks
        j = self._np_end(i + 2) if i + 2 < len(toks) else None
        if j is None:
            return None
        k = j + 1  # "according to U.S. intelligence assessments, ...": the whole source
        while k < len(toks) and k < j + 5 and _WORDISH.match(toks[k].text) and \
                toks[k].norm not in _NP_STOPS and toks[k].norm not in _CUES:
            k += 1
        if k < len(toks) and toks[k].text == "," and k > j + 1:
            refs = self._resolve_np(i + 2, j) if (i + 2 <= j) else []
            if refs and i == 0:
                span = self._span(k + 1)
                if span:
                    return self._make(refs, toks[i + 2].start, toks[k - 1].end, "say", False,
                                      i, i + 1, *span)
        np = self._noun_phrase(j)
        if np is None:
            return None
        refs = self._resolve_np(*np)
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        a, b = np
        if i == 0 or (i <= 1 and not _WORDISH.match(toks[0].text)):
            k = b + 1
            if k < len(toks) and toks[k].text == ",":
                k += 1
            span = self._span(k)
        else:
            end = i - 1 if toks[i - 1].text == "," else i
            k0 = 0
            span = (toks[k0].start, toks[end - 1].end) if end > k0 else None
        if span is None:
            return None
        return self._make(refs, toks[a].start, toks[b].end, "say", False, i, i + 1, *span)

    def _noun_cue(self, i: int):
        # "Moscow's insistence that ...", "its insistence that", "in Tehran's view, ..."
        toks = self.toks
        lemma = _NOUN_CUES[toks[i].norm]
        j = i - 1
        while j >= 0 and (_is_adverb(toks[j].norm) or toks[j].norm in {"long-standing", "repeated",
                                                                      "stated", "new", "latest",
                                                                      "own", "public"}):
            j -= 1
        if j < 0:
            return None
        t = toks[j]
        poss = None
        if t.norm in {"its", "his", "her", "their"}:
            kind = {"its": "it", "his": "he", "her": "she", "their": "they"}[t.norm]
            refs = self._resolve_pronoun(kind, t.start)
            poss = (refs, t.start, t.end)
        elif t.norm.endswith(("'s", "’s")) or t.norm in {"'s", "’s"}:
            k = j - 1 if t.norm in {"'s", "’s"} else j
            if k in self.tok_mention:
                m = self.tok_mention[k]
                poss = ([_mention_ref(m)], m.start, m.end)
        if poss is None or not poss[0]:
            return None
        refs, h_start, h_end = poss
        if any(r.kind in ("author", "speaker") for r in refs):
            return None
        nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
        if j > 0 and toks[j - 1].norm == "in" and lemma == "view":
            k = i + 1
            if k < len(toks) and toks[k].text == ",":
                k += 1
            span = self._span(k)
        elif nxt in {"that", ":"} or (nxt == "is" and i + 2 < len(toks) and toks[i + 2].norm == "that"):
            span = self._span(i + 2 if nxt != "is" else i + 3)
        elif nxt in {"of", "for"} and lemma in {"fear", "demand", "hope", "warn", "accuse"}:
            span = self._span(i + 2)
        else:
            return None
        if span is None:
            return None
        return self._make(refs, h_start, h_end, lemma, False, i, i, *span)

    def _to_holder(self):
        # "To Russia, there are other leaders who ...": the view of the actor after "To".
        toks = self.toks
        if len(toks) < 4 or toks[0].norm != "to" or 1 not in self.tok_mention:
            return None
        j = self._np_end(1)
        if j + 1 >= len(toks) or toks[j + 1].text != ",":
            return None
        refs = self._resolve_np(1, j)
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        span = self._span(j + 2)
        if span is None:
            return None
        return self._make(refs, toks[1].start, toks[j].end, "view", False, 0, 0, *span)


@functools.lru_cache(maxsize=1)
def _gazetteer_groups() -> tuple[dict, dict]:
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    groups = g[g["actor_type"] == "group_holder"]
    by_country = {}
    for actor, country in zip(groups["actor"], groups["country"]):
        if country and actor.endswith(" officials") and country not in by_country:
            by_country[country] = actor
    generic = {actor: actor for actor, country in zip(groups["actor"], groups["country"])
               if not country and " " not in actor}
    for actor in list(generic):
        if actor.endswith("s"):
            generic[actor[:-1]] = actor
    return by_country, generic


@functools.lru_cache(maxsize=1)
def _state_agencies() -> dict:
    """(country, name without the country's adjective) -> a state agency of the gazetteer."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    out = {}
    agencies = g[g["actor_type"] == "state_agency"]
    for actor, country in zip(agencies["actor"], agencies["country"]):
        words = actor.split()
        if len(words) >= 2 and country:
            out.setdefault((country, " ".join(words[1:]).lower()), actor)
    return out


def _country_groups() -> dict:
    """Country -> its group of officials in the gazetteer ("Russia" -> "Russian officials")."""
    return _gazetteer_groups()[0]


def _generic_groups() -> dict:
    """Head noun -> the gazetteer's generic holder ("analysts", "experts", "officials")."""
    return _gazetteer_groups()[1]


def _is_cap_mid(toks, i) -> bool:
    """A capitalised cue word inside a sentence is a name ("Trust", "Call") or a title."""
    return i > 0 and toks[i].text[:1].isupper() and toks[i - 1].text not in {"“", "\"", "‘", "("}


def _opens_with(content: str, words) -> bool:
    head = content.split(" ", 1)[0].lower() if content else ""
    return head in words


def _unique(items):
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _phrase(text: str, toks, conj) -> str:
    keep = [k for k in conj if toks[k].norm not in {"the", "a", "an", "many", "some", "most",
                                                   "several", "few", "other", "all"}]
    if not keep:
        keep = conj
    return text[toks[keep[0]].start:toks[keep[-1]].end]


def _mention_ref(m: Mention) -> _Ref:
    if m.actor_type in _PERSON_TYPES:
        kind = "person"
    elif m.actor_type in _GROUP_TYPES:
        kind = "plural"
    else:
        kind = "entity"
    return _Ref(m.actor, m.country or "", kind)


def _fit(refs: Sequence[_Ref], kind: str) -> list[_Ref]:
    """The refs a pronoun of this kind can stand for, or []."""
    if not refs:
        return []
    if kind == "pair":
        return list(refs) if len(refs) >= 2 else []
    if kind == "plural":
        if len(refs) >= 2 or refs[0].kind == "plural":
            return list(refs)
        return []
    if len(refs) != 1:
        return []
    if kind == "person":
        return list(refs) if refs[0].kind == "person" else []
    return list(refs) if refs[0].kind == "entity" else []


def _fit_mentions(mentions: Sequence[Mention], kind: str, want_many: bool) -> list[_Ref]:
    refs = [_mention_ref(m) for m in mentions]
    if want_many:
        if kind == "pair" or kind == "plural":
            pair = _coordinated(mentions)
            if pair:
                return pair
        if kind == "plural":
            return next(([r] for r in refs if r.kind == "plural"), [])
        return []
    want = "person" if kind == "person" else "entity"
    return next(([r] for r in refs if r.kind == want), [])


def _coordinated(mentions: Sequence[Mention]) -> list[_Ref]:
    """The first "X and Y" pair of actors (adjacent mentions joined by "and" or a comma)."""
    out: list[_Ref] = []
    for m1, m2 in itertools.pairwise(mentions):
        if m1.actor == m2.actor or (m1.actor_type in _PERSON_TYPES) != (m2.actor_type in _PERSON_TYPES):
            continue
        out = [_mention_ref(m1), _mention_ref(m2)]
        return out
    return out


def _leading_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """A sentence's first actors (its likely subject): those before the first gap of words."""
    return list(mentions[:2])


# --- public: holders of views in one sentence --------------------------------------------


def _mentions_of(text: str, gazetteer=None) -> list[Mention]:
    from briefkit.actors import find_actors

    found = find_actors(text) if gazetteer is None else find_actors(text, gazetteer=gazetteer)
    return [Mention(m.actor, m.actor_type, m.country or "", m.text, m.start, m.end) for m in found]


def find_holders(sentence_text: str, *, previous: str | Sequence[str] | None = None,
                 gazetteer=None) -> list[Holder]:
    """Every reported view in one sentence, with its holder resolved.

    Args:
        sentence_text: the sentence; offsets in the result index it.
        previous: the sentence(s) before it, oldest first, for pronouns ("he", "it",
            "Both") that point back.
        gazetteer: a gazetteer DataFrame or CSV path; None for briefkit's own.

    Returns:
        A list of :class:`Holder`, in the order of their cues; [] when the sentence reports
        no one's view (it is the author's).

    >>> [(h.holder, h.cue, h.content) for h in find_holders(
    ...     "Putin asserts that the war was lost, and rejects the argument that it mattered.")]
    [('Vladimir Putin', 'assert', 'the war was lost'), ('Vladimir Putin', 'reject', 'the argument that it mattered')]
    """
    if isinstance(previous, str):
        previous = [previous]
    context = _Context()
    for prev in previous or []:
        sent = _Sentence(prev, _mentions_of(prev, gazetteer), context)
        sent.find()
        context.push(sent.mentions, sent.refs)
    sent = _Sentence(sentence_text, _mentions_of(sentence_text, gazetteer), context)
    return sent.find()


def find_holder(sentence_text: str, *, previous: str | Sequence[str] | None = None,
                at: int | None = None, gazetteer=None) -> Holder | None:
    """The holder of the view a sentence reports, or None when the view is the author's.

    Args:
        sentence_text: the sentence; offsets in the result index it.
        previous: the sentence(s) before it, oldest first, to resolve pronouns.
        at: a character offset in the sentence (say, a target's start): the view whose
            content covers it is returned, else None. Without it, the first view found.
        gazetteer: a gazetteer DataFrame or CSV path; None for briefkit's own.

    >>> h = find_holder("Both have asserted that prices fell.", previous="Both Russia and Iran see risks.")
    >>> h.holder_country, h.cue, h.holder_text
    ('Russia|Iran', 'assert', 'Both')
    """
    holders = find_holders(sentence_text, previous=previous, gazetteer=gazetteer)
    if at is None:
        return holders[0] if holders else None
    covering = [h for h in holders if h.content_start <= at < h.content_end]
    if not covering:
        return None
    return min(covering, key=lambda h: h.content_end - h.content_start)


# --- estimative terms --------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def load_estimative_terms() -> pd.DataFrame:
    """The estimative terms table (``data/estimative_terms.csv``) with typed columns.

    >>> t = load_estimative_terms().set_index("term")
    >>> print(t.loc["likely", "scale"], t.loc["likely", "prob_low"], t.loc["likely", "prob_high"])
    ICD 203 0.55 0.8
    """
    table = resources.read_data_csv("estimative_terms.csv").copy()
    table["prob_low"] = table["prob_low"].astype(float)
    table["prob_high"] = table["prob_high"].astype(float)
    table["unquantified"] = table["unquantified"].str.lower().eq("true")
    return table


# Spellings a term also takes in text, beyond its own words.
_TERM_FORMS = {
    "appears": r"appear(?:s|ed)?",
    "seems": r"seem(?:s|ed|ingly)?",
    "chances are good": r"(?:the\s+)?chances\s+are\s+good",
    "chances are not good": r"(?:the\s+)?chances\s+are\s+not\s+good",
    "chances are slight": r"(?:the\s+)?chances\s+are\s+slight",
    "chances are about even": r"(?:the\s+)?chances\s+are\s+about\s+even",
    "better than even": r"(?:a\s+little\s+)?better\s+than\s+even",
    "less than even": r"(?:a\s+little\s+)?less\s+than\s+even",
    "will surely": r"will\s+surely",
    "will certainly": r"will\s+certainly",
}
# Contexts in which a matched word is no estimative term (ability, permission, the month,
# set phrases, the noun "might", "as soon as possible", "remote areas", ...).
_NOT_ESTIMATIVE = re.compile(
    r"""\b(?:be\s+that\s+as\s+it\s+may|come\s+what\s+may|as\s+far\s+as\s+(?:may|might)\s+be
    |as\s+the\s+case\s+may\s+be|may\s+(?:i|we)\b|might\s+as\s+well
    |(?:military|economic|naval|air|industrial|financial|its|their|his|her|our|the|full|sheer
      |great|all\s+(?:its|their|his|her)|with\s+all)\s+might\b
    |could(?:\s+(?:not|never|barely|hardly|scarcely|no\s+longer))|couldn['’]t
    |(?:so|in\s+order)\s+that\s+(?:\S+\s+){1,5}?(?:may|might|could)
    |if\s+(?:\S+\s+){1,4}?could
    |as\s+\w+\s+as\s+possible|if\s+possible|(?:where|when|wherever|whenever)\s+possible
    |(?:made?|makes|making)\s+(?:\S+\s+){0,2}?possible|(?:every|all|everything|any)\s+possible
    |\w+est\s+possible|slowly\s+but\s+surely)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_APPEAR_NOT = frozenset([
    "on", "in", "at", "before", "nowhere", "as", "with", "alongside", "together", "publicly",
    "onstage", "under", "beside", "for", "during", "from", "among", "there", "here", "only",
    "twice", "once", "again", "regularly", "frequently", "rarely", "daily", "live", "next", "in.",
    "briefly",
])
_REMOTE_NOUNS = frozenset([
    "chance", "chances", "possibility", "possibilities", "prospect", "prospects", "likelihood",
    "odds", "hope", "hopes",
])
_REMOTE_VERBS = frozenset([
    "is", "are", "was", "were", "be", "been", "remains", "remain", "remained", "seems", "seem",
    "seemed", "looks", "look", "appears", "appear", "grown", "grows", "became", "become",
    "becomes",
])
_ANALYTIC = re.compile(
    r"\b(?:we|i)\s+(?:now\s+|still\s+|also\s+|continue\s+to\s+|therefore\s+)?"
    r"(assess|judge|believe|estimate|expect|think|doubt|suspect|anticipate|conclude|"
    r"assessed|judged|believed|estimated|expected|thought|doubted|concluded)\b"
    r"|\b(?:our|the\s+author['’]s)\s+(judgment|judgement|assessment|estimate|view|expectation)\b",
    re.IGNORECASE,
)
_ANALYTIC_LEMMA = {"assessed": "assess", "judged": "judge", "believed": "believe",
                   "estimated": "estimate", "expected": "expect", "thought": "think",
                   "doubted": "doubt", "concluded": "conclude", "judgement": "judge",
                   "judgment": "judge", "assessment": "assess", "estimate": "estimate",
                   "view": "view", "expectation": "expect"}


@functools.lru_cache(maxsize=1)
def _term_regex() -> tuple[re.Pattern, dict]:
    table = load_estimative_terms()
    info = {row.term: row for row in table.itertuples(index=False)}
    terms = sorted(info, key=lambda t: (-len(t.split()), -len(t)))
    parts = [_TERM_FORMS.get(t, r"\s+".join(re.escape(w) for w in t.split())) for t in terms]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(f"({p})" for p in parts) + r")(?![\w-])",
                         re.IGNORECASE)
    return pattern, {i + 1: info[t] for i, t in enumerate(terms)}


class Term(NamedTuple):
    """An estimative term found in a text: its row of the terms table, and where it is."""

    term: str
    text: str
    start: int
    end: int
    scale: str
    prob_low: float
    prob_high: float
    unquantified: bool
    source: str


def find_estimative_terms(text: str) -> list[Term]:
    """The estimative terms in a text, in order, with their ranges; non-estimative senses
    of the modals ("could not stop", "may I", "May 2016", "military might") left out.

    >>> [(t.term, t.prob_low, t.prob_high) for t in find_estimative_terms(
    ...     "In May it could not stop the talks, which will very likely fail.")]
    [('very likely', 0.8, 0.95)]
    """
    return _find_terms(text, _words_of(text))


def _find_terms(text: str, words: set) -> list[Term]:
    if words.isdisjoint(_term_words()):
        return []  # most sentences hold no term: skip the regular expressions
    pattern, rows = _term_regex()
    blocked = None
    found = []
    for m in pattern.finditer(text):
        row = rows[m.lastindex]
        s, e = m.span()
        if blocked is None:
            blocked = [b.span() for b in _NOT_ESTIMATIVE.finditer(text)]
        if any(bs <= s < be for bs, be in blocked):
            continue
        if not _estimative_sense(row.term, text, s, e):
            continue
        found.append(Term(row.term, text[s:e], s, e, row.scale, row.prob_low, row.prob_high,
                          bool(row.unquantified), row.source))
    return _drop_framing(found, text)


_WORD_RE = re.compile(r"[a-z]+")


def _words_of(text: str) -> set:
    """The lower-case words of a text, for quick tests of what it may hold."""
    return set(_WORD_RE.findall(text.lower()))


@functools.lru_cache(maxsize=1)
def _term_words() -> frozenset:
    """Every word that can start an estimative term (with the forms of appear/seem)."""
    firsts = {t.split()[0] for t in load_estimative_terms()["term"]}
    return frozenset(firsts | {"appear", "appeared", "seem", "seemed", "seemingly"})


def _estimative_sense(term: str, text: str, s: int, e: int) -> bool:
    word = text[s:e]
    before = text[max(0, s - 2):s]
    after = text[e:e + 2]
    if before[-1:] in "“\"‘" and after[:1] in "”\"’":
        return False  # a word quoted ("down from “probable”") is mentioned, not used
    if term in {"may", "may well"} and word[:1] == "M":
        return False  # the month, a name (Theresa May), "May I": never the modal mid-text
    nxt = _next_word(text, e)
    prev = _prev_word(text, s)
    if term == "might" and (nxt in {"", "of", "and"} and text[e:e + 1] in {".", ",", ";", " "}
                            and nxt != "and" and text[e:e + 1] != " " or nxt == "of"):
        return False  # the noun: "the might of", "... its might."
    if term == "remote":
        return nxt in _REMOTE_NOUNS or prev in _REMOTE_VERBS or prev in {"very", "increasingly",
                                                                        "more", "now", "still"}
    if term == "appears":
        return nxt not in _APPEAR_NOT and text[e:e + 1] not in {".", ",", ";", ":"}
    if term == "possible":
        return prev in {"is", "was", "are", "be", "remains", "seems", "quite", "entirely",
                        "also", "still", "it's", "possible", "not"} or nxt in {"that"} or \
            text[e:e + 1] in {".", ";"}
    if term in {"probable", "likely"} and prev in {"most"} and term == "probable":
        return True
    return True


def _next_word(text: str, e: int) -> str:
    m = re.match(r"\s*([\w'’-]+)", text[e:e + 30])
    return m.group(1).lower() if m else ""


def _prev_word(text: str, s: int) -> str:
    m = re.search(r"([\w'’-]+)\s*$", text[max(0, s - 30):s])
    return m.group(1).lower() if m else ""


def _drop_framing(found: list[Term], text: str) -> list[Term]:
    """'we believe'/'we estimate' frame another term in their clause: keep the other only."""
    out = []
    for k, t in enumerate(found):
        if t.term in {"we believe", "we estimate"}:
            clause_end = _clause_end_char(text, t.end)
            if any(o.start >= t.end and o.start < clause_end for o in found[k + 1:]):
                continue
        out.append(t)
    return out


def _clause_end_char(text: str, pos: int) -> int:
    m = re.compile(r"[;:]|\.(?:\s|$)").search(text, pos)
    return m.start() if m else len(text)


# --- the corpus-level table --------------------------------------------------------------


def extract_claims(corpus: Corpus, *, gazetteer=None) -> pd.DataFrame:
    """The claims table: reported views, estimative judgments and key points of every brief.

    Args:
        corpus: a :class:`~briefkit.corpus.Corpus`.
        gazetteer: a gazetteer DataFrame or CSV path for the holders; None for briefkit's.

    Returns:
        A new DataFrame with ``CLAIM_COLUMNS`` then ``EXTRA_COLUMNS``, one row per claim, in
        brief and text order; ``start``/``end`` index the brief's text: the holder-to-content
        span of a reported claim, the term of a judgment (or its clause when it has none),
        the sentence of a key point. ``claim_id`` is "<brief_id>:<n>".

    >>> c = extract_claims(Corpus.from_texts(["• Iran may balk\\n\\nTehran rejects the plan."]))
    >>> c[["kind", "holder", "cue", "negated", "estimative_term"]].values.tolist()
    [['key_point', 'author', None, False, 'may'], ['judgment', 'author', None, False, 'may'], ['reported', 'Iran', 'reject', True, None]]
    """
    sentences = corpus.sentences
    mentions = _mentions_by_sentence(corpus, gazetteer)
    rows = _RowBuilder()
    for brief_id, group in sentences.groupby("brief_id", sort=False):
        context = _Context()
        n_claim = 0
        for sid, kind, text, s_start in zip(group["sent_id"].tolist(), group["kind"].tolist(),
                                             group["text"].tolist(), group["start"].tolist()):
            sent_mentions = mentions.get((brief_id, sid), [])
            found = _claims_of_sentence(text, sent_mentions, context, kind == "key_point")
            for claim in found:
                n_claim += 1
                rows.add(brief_id, int(sid), f"{brief_id}:{n_claim}", claim, int(s_start))
    frame = rows.frame()
    return _link_reported(frame)


def _mentions_by_sentence(corpus: Corpus, gazetteer) -> dict:
    from briefkit.actors import find_mentions

    table = find_mentions(corpus) if gazetteer is None else find_mentions(corpus,
                                                                          gazetteer=gazetteer)
    sents = corpus.sentences
    starts = dict(zip(zip(sents["brief_id"].tolist(), sents["sent_id"].tolist()),
                      sents["start"].tolist()))
    out: dict = {}
    for bid, sid, actor, atype, country, text, start, end in zip(
            *(table[c].tolist() for c in ("brief_id", "sent_id", "actor", "actor_type",
                                          "country", "text", "start", "end"))):
        offset = starts[(bid, sid)]
        out.setdefault((bid, sid), []).append(
            Mention(actor, atype, country or "", text, int(start) - offset, int(end) - offset))
    return out


def _claims_of_sentence(text: str, mentions, context: _Context, key_point: bool) -> list[dict]:
    """The claims of one sentence as dicts (offsets into the sentence)."""
    out: list[dict] = []
    holders: list[Holder] = []
    refs: list = []
    words = _words_of(text)
    if not words.isdisjoint(_CUE_WORDS) or text.startswith("To "):
        sent = _Sentence(text, mentions, context)
        holders = sent.find()
        refs = sent.refs
        context.push(sent.mentions, refs)
    else:
        context.push([m for m in mentions if m.actor_type not in _NON_HOLDER_TYPES], [])
    terms = _find_terms(text, words)
    analytic = _ANALYTIC.search(text) if not words.isdisjoint({"we", "i", "our", "author"}) \
        else None
    analytic_cue = _analytic_lemma(analytic) if analytic else None
    if key_point:
        first = next((t for t in terms if not _inside(t, holders)), terms[0] if terms else None)
        out.append(_row("key_point", AUTHOR, AUTHOR, "", analytic_cue, False, text, 0,
                        len(text), term=first, start=0, end=len(text)))
    claim_index: dict[int, int] = {}
    for h in holders:
        claim_index[id(h)] = len(out)
        out.append(_row("reported", h.holder, h.holder_country, h.holder_text, h.cue,
                        h.negated, h.content, h.content_start, h.content_end, start=h.start,
                        end=h.end, rejects=h.rejects))
    for t in terms:
        h = _inside(t, holders)
        if h is not None:
            row = _row("judgment", h.holder, h.holder_country, h.holder_text, h.cue, h.negated,
                       h.content, h.content_start, h.content_end, term=t, start=t.start,
                       end=t.end, voice="holder")
            row["_claim"] = claim_index[id(h)]
        else:
            c_start, c_end = _judgment_clause(text, t, analytic)
            row = _row("judgment", AUTHOR, AUTHOR, "", analytic_cue if analytic and
                       analytic.start() < t.start else None, False, text[c_start:c_end],
                       c_start, c_end, term=t, start=t.start, end=t.end)
        out.append(row)
    if analytic and not key_point and not any(_inside(t, holders) is None for t in terms) \
            and not _inside_span(analytic.start(), holders):
        c_start, c_end = _judgment_clause(text, None, analytic)
        out.append(_row("judgment", AUTHOR, AUTHOR, "", analytic_cue, False,
                        text[c_start:c_end], c_start, c_end, start=analytic.start(),
                        end=analytic.end()))
    out.sort(key=lambda r: (r["kind"] != "key_point", r["start"], r["kind"] != "reported"))
    return out


# Words whose presence lets a sentence hold a reported view (the rest skip the parser).
_CUE_WORDS = frozenset({*(w for f in _CUES for w in f.split()), *_NOUN_CUES, *_PARTICLE_CUES,
                        "according"})


def _analytic_lemma(m: re.Match) -> str:
    word = (m.group(1) or m.group(2)).lower()
    return _ANALYTIC_LEMMA.get(word, word)


def _inside(t: Term, holders: Sequence[Holder]) -> Holder | None:
    for h in holders:
        if h.content_start <= t.start < h.content_end:
            return h
    return None


def _inside_span(pos: int, holders: Sequence[Holder]) -> bool:
    return any(h.content_start <= pos < h.content_end for h in holders)


def _judgment_clause(text: str, term: Term | None, analytic: re.Match | None) -> tuple[int, int]:
    """The clause a judgment bears on: after "we assess (that)", else the term's clause."""
    if analytic is not None and (term is None or analytic.start() < term.start):
        start = analytic.end()
        m = re.compile(r"\s*(?:that\s+)?").match(text, start)
        start = m.end()
    else:
        pos = term.start if term else 0
        cut = max(text.rfind(";", 0, pos), text.rfind(":", 0, pos))
        start = cut + 1 if cut >= 0 else 0
        while start < len(text) and text[start] == " ":
            start += 1
    end = _clause_end_char(text, term.end if term else start)
    while end > start and text[end - 1] in " .":
        end -= 1
    return start, end


def _row(kind, holder, country, holder_text, cue, negated, content, c_start, c_end, *,
         term: Term | None = None, start: int, end: int, voice: str | None = None,
         rejects: bool = False) -> dict:
    if term is not None and voice is None:
        voice = AUTHOR
    return {
        "kind": kind, "holder": holder, "holder_country": country, "holder_text": holder_text,
        "cue": cue, "negated": bool(negated), "content": content,
        "estimative_term": term.text.lower() if term else None,
        "term": term.term if term else None,
        "prob_low": term.prob_low if term else float("nan"),
        "prob_high": term.prob_high if term else float("nan"),
        "scale": term.scale if term else None,
        "unquantified": bool(term.unquantified) if term else None,
        "voice": voice if term else None, "rejects": bool(rejects),
        "content_start": c_start, "content_end": c_end,
        "term_start": term.start if term else None, "term_end": term.end if term else None,
        "start": start, "end": end,
    }


class _RowBuilder:
    """Collects claim rows as columns (one DataFrame is built at the end)."""

    def __init__(self):
        self.cols: dict[str, list] = {c: [] for c in CLAIM_COLUMNS + EXTRA_COLUMNS + ["_claim"]}

    def add(self, brief_id, sent_id, claim_id, row: dict, offset: int) -> None:
        c = self.cols
        c["brief_id"].append(brief_id)
        c["sent_id"].append(sent_id)
        c["claim_id"].append(claim_id)
        for key in ("kind", "holder", "holder_country", "holder_text", "cue", "negated",
                    "content", "estimative_term", "prob_low", "prob_high", "scale",
                    "unquantified", "voice", "rejects"):
            c[key].append(row[key])
        c["in_claim"].append(None)
        c["_claim"].append(row.get("_claim"))
        for key in ("start", "end", "content_start", "content_end"):
            c[key].append(row[key] + offset)
        for key in ("term_start", "term_end"):
            c[key].append(row[key] + offset if row[key] is not None else pd.NA)

    def frame(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.cols)
        for col in ("sent_id", "start", "end", "content_start", "content_end"):
            frame[col] = frame[col].astype("int64")
        for col in ("term_start", "term_end"):
            frame[col] = frame[col].astype("Int64")
        frame["negated"] = frame["negated"].astype(bool)
        frame["rejects"] = frame["rejects"].astype(bool)
        frame["prob_low"] = frame["prob_low"].astype(float)
        frame["prob_high"] = frame["prob_high"].astype(float)
        for col in ("holder", "holder_country", "holder_text", "cue", "content",
                    "estimative_term", "scale", "unquantified", "voice", "in_claim"):
            values = frame[col].astype(object)
            frame[col] = values.where(values.notna(), None)
        return frame


def _link_reported(frame: pd.DataFrame) -> pd.DataFrame:
    """Fill ``in_claim`` for holder-voice judgments: the claim_id of their reported claim."""
    if len(frame):
        # _claim is the position of the reported row among its sentence's rows; rows of one
        # sentence are contiguous, so it maps through the first row of that sentence.
        first = frame.groupby(["brief_id", "sent_id"], sort=False).cumcount()
        base = frame.index.to_numpy() - first.to_numpy()
        has = frame["_claim"].notna().to_numpy()
        link = [frame["claim_id"].iat[int(b + c)] if h else None
                for b, c, h in zip(base, frame["_claim"].fillna(0).to_numpy(), has)]
        frame["in_claim"] = link
    return frame.drop(columns="_claim")[CLAIM_COLUMNS + EXTRA_COLUMNS]


# --- tradecraft summary ------------------------------------------------------------------


def judgment_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Per brief: how the author's judgments are expressed (ICD 203 tradecraft flags).

    Columns: brief_id; judgments (the author's estimative terms); calibrated (ICD 203
    terms); kent; unquantified; share_calibrated; scales (those used, "|"-joined);
    mixed_scales (terms from more than one of ICD 203, Kent and unquantified);
    key_points and key_points_without_term; judgments_without_term (analytic judgments,
    "we assess that ...", with no term of likelihood); unhedged (the sent_ids of both).

    >>> s = judgment_summary(extract_claims(Corpus.from_texts(["It will likely hold but may fail."])))
    >>> s[["judgments", "calibrated", "unquantified", "mixed_scales"]].values.tolist()
    [[2, 1, 1, True]]
    """
    cols = ["brief_id", "judgments", "calibrated", "kent", "unquantified", "share_calibrated",
            "scales", "mixed_scales", "key_points", "key_points_without_term",
            "judgments_without_term", "unhedged"]
    if claims.empty:
        return pd.DataFrame(columns=cols)
    author = claims[(claims["kind"] == "judgment") & (claims["holder"] == AUTHOR)]
    termed = author[author["estimative_term"].notna()]
    bare = author[author["estimative_term"].isna()]
    keys = claims[claims["kind"] == "key_point"]
    rows = []
    for brief_id in pd.unique(claims["brief_id"]):
        t = termed[termed["brief_id"] == brief_id]
        k = keys[keys["brief_id"] == brief_id]
        b = bare[bare["brief_id"] == brief_id]
        scales = [s for s in SCALES if (t["scale"] == s).any()]
        k_bare = k[k["estimative_term"].isna()]
        n = len(t)
        calibrated = int((t["scale"] == "ICD 203").sum())
        rows.append([brief_id, n, calibrated, int((t["scale"] == "Kent").sum()),
                     int((t["scale"] == "unquantified").sum()),
                     calibrated / n if n else float("nan"), "|".join(scales), len(scales) > 1,
                     len(k), len(k_bare), len(b),
                     sorted(set(k_bare["sent_id"].tolist()) | set(b["sent_id"].tolist()))])
    return pd.DataFrame(rows, columns=cols)


# --- evaluation against hand labels ------------------------------------------------------


def read_annotations(name: str, *, folder=None) -> pd.DataFrame | None:
    """A label file of ``data/annotations`` (``claims`` or ``estimative``), or None.

    Reads ``<name>.csv``, else joins the annotators' ``parts/*-<name>.csv``.
    """
    from pathlib import Path

    from briefkit.paths import annotations_dir

    try:
        folder = Path(folder) if folder is not None else annotations_dir()
    except FileNotFoundError:
        return None
    whole = folder / f"{name}.csv"
    files = [whole] if whole.is_file() else sorted((folder / "parts").glob(f"*-{name}.csv"))
    if not files:
        return None
    return pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files],
                     ignore_index=True)


def _label_set(value) -> frozenset:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return frozenset()
    return frozenset(v.strip().lower() for v in str(value).split("|") if v.strip())


def _same_holder(gold: dict, found: dict) -> bool:
    """Holder sets equal (canonical names, "|"-joined for joint holders)."""
    return _label_set(gold["holder"]) == _label_set(found["holder"])


def _pairs(gold_rows: list, found_rows: list, same) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of found rows to gold rows within one sentence."""
    used, pairs = set(), []
    for fi, f in enumerate(found_rows):
        for gi, g in enumerate(gold_rows):
            if gi not in used and same(g, f):
                used.add(gi)
                pairs.append((gi, fi))
                break
    return pairs


def _by_sentence(frame: pd.DataFrame) -> dict:
    return {key: rows.to_dict("records") for key, rows in frame.groupby(["brief_id", "sent_id"])}


def _prf(right: int, found: int, gold: int) -> tuple[float, float, float]:
    p = right / found if found else float("nan")
    r = right / gold if gold else float("nan")
    return p, r, (2 * p * r / (p + r) if p and r else 0.0)


def compare_to_labels(claims: pd.DataFrame, corpus: Corpus, gold: pd.DataFrame, *,
                      task: str) -> tuple[dict, list]:
    """Match found claims to hand labels, sentence by sentence.

    ``task`` is 'reported' (a claim is right when its holder and cue are both right) or
    'estimative' (a term is right when the same term is labelled in the sentence).
    Returns the figures and the mismatches as (kind, (brief_id, sent_id), gold or found row).
    """
    keys = {(b, t.strip()): i for b, t, i in zip(corpus.sentences["brief_id"],
                                                 corpus.sentences["text"],
                                                 corpus.sentences["sent_id"])}
    gold = gold.assign(sent_id=[keys.get((b, t.strip()), -1)
                                for b, t in zip(gold["brief_id"], gold["sentence"])])
    labelled = set(gold["brief_id"])
    if task == "reported":
        found = claims[(claims["kind"] == "reported") & claims["brief_id"].isin(labelled)]
        same = lambda g, f: g["cue"] == f["cue"] and _same_holder(g, f)
        loose = lambda g, f: g["cue"] == f["cue"]
    else:
        found = claims[(claims["kind"] == "judgment") & claims["estimative_term"].notna()
                       & claims["brief_id"].isin(labelled)]
        same = lambda g, f: g["term"].lower() == f["estimative_term"]
        loose = same
    gold_by, found_by = _by_sentence(gold), _by_sentence(found)
    right = by_cue = holder_ok = voice_ok = 0
    misses = []
    for key in sorted(set(gold_by) | set(found_by)):
        g_rows, f_rows = gold_by.get(key, []), found_by.get(key, [])
        pairs = _pairs(g_rows, f_rows, same)
        right += len(pairs)
        cue_pairs = _pairs(g_rows, f_rows, loose)
        by_cue += len(cue_pairs)
        if task == "reported":
            holder_ok += sum(_same_holder(g_rows[gi], f_rows[fi]) for gi, fi in cue_pairs)
        else:
            voice_ok += sum(g_rows[gi].get("voice", AUTHOR) == f_rows[fi]["voice"]
                            for gi, fi in pairs)
        matched_g, matched_f = {gi for gi, _ in pairs}, {fi for _, fi in pairs}
        misses += [("missed", key, g) for gi, g in enumerate(g_rows) if gi not in matched_g]
        misses += [("wrong", key, f) for fi, f in enumerate(f_rows) if fi not in matched_f]
    p, r, f1 = _prf(right, len(found), len(gold))
    figures = {"labelled": len(gold), "found": len(found), "right": right, "precision": p,
               "recall": r, "F1": f1}
    if task == "reported":
        figures["holder accuracy"] = holder_ok / by_cue if by_cue else float("nan")
    else:
        figures["voice accuracy"] = voice_ok / right if right else float("nan")
    return figures, misses


def evaluate_claims(corpus: Corpus, claims: pd.DataFrame | None = None, *,
                    annotations=None) -> pd.DataFrame | None:
    """Precision, recall and F1 against ``data/annotations``: one row for reported claims
    (holder and cue both right; ``holder accuracy`` is over the claims found with the right
    cue) and one for estimative terms. None when no labels are there.

    >>> evaluate_claims(Corpus.from_texts(["Iran waits."]), annotations="/nowhere") is None
    True
    """
    gold_claims = read_annotations("claims", folder=annotations)
    gold_terms = read_annotations("estimative", folder=annotations)
    if gold_claims is None or gold_terms is None:
        return None
    claims = extract_claims(corpus) if claims is None else claims
    reported, _ = compare_to_labels(claims, corpus, gold_claims, task="reported")
    terms, _ = compare_to_labels(claims, corpus, gold_terms, task="estimative")
    table = pd.DataFrame([reported, terms], index=["reported claims (holder and cue)",
                                                   "estimative terms"])
    return table[["labelled", "found", "right", "precision", "recall", "F1", "holder accuracy",
                  "voice accuracy"]]


# --- highlighted rendering ---------------------------------------------------------------

_STYLE = (
    "<style>.bk-brief{font-family:Georgia,serif;line-height:1.5;max-width:46em}"
    ".bk-brief mark{padding:0 .15em;border-radius:.2em}"
    ".bk-icd{background:#cfe8cf}.bk-kent{background:#d6e4f5}.bk-unq{background:#f8d9a8}"
    ".bk-holder{background:#eee;text-decoration:underline dotted}"
    ".bk-range{font-size:.75em;color:#555;margin-left:.15em}"
    ".bk-cue{font-weight:bold}.bk-kp{border-left:3px solid #999;padding-left:.5em}</style>"
)


def _range_label(low: float, high: float) -> str:
    return f"[{round(low * 100)}-{round(high * 100)}%]"


def render_judgments_html(corpus: Corpus, brief_id: str, claims: pd.DataFrame) -> str:
    """One brief as HTML with each estimative term highlighted and its range beside it.

    Calibrated ICD 203 terms, Kent's terms and unquantified ones get their own colours; a
    term in a reported view is underlined and its tooltip names the holder. All of the
    brief's text is escaped (it is untrusted input).

    >>> c = Corpus.from_texts({"b": "Iran will <b>likely</b> balk."})
    >>> html_text = render_judgments_html(c, "b", extract_claims(c))
    >>> "likely</mark><span class=\\"bk-range\\">[55-80%]</span>" in html_text, "<b>" in html_text
    (True, False)
    """
    text = corpus.text_of(brief_id)
    rows = claims[claims["brief_id"] == brief_id]
    marks = []
    for r in rows[rows["kind"] == "judgment"].itertuples(index=False):
        if pd.isna(r.term_start):
            continue
        cls = {"ICD 203": "bk-icd", "Kent": "bk-kent"}.get(r.scale, "bk-unq")
        if r.voice == "holder":
            cls += " bk-holder"
        title = f"{r.scale}: {_range_label(r.prob_low, r.prob_high)}"
        if r.voice == "holder":
            title += f"; in the view of {r.holder}"
        marks.append((int(r.term_start), int(r.term_end), "term", cls, title,
                      _range_label(r.prob_low, r.prob_high)))
    return _STYLE + '<div class="bk-brief">' + _render(text, corpus, brief_id, marks) + "</div>"


def _render(text: str, corpus: Corpus, brief_id: str, marks) -> str:
    paras = corpus.paragraphs[corpus.paragraphs["brief_id"] == brief_id]
    terms = sorted((m for m in marks if m[2] == "term"), key=lambda m: m[0])
    out = []
    for kind, p_start, p_end in zip(paras["kind"], paras["start"], paras["end"]):
        pieces, pos = [], int(p_start)
        for s, e, _, cls, title, label in terms:
            if s < pos or e > p_end:
                continue
            pieces.append(html.escape(text[pos:s]))
            pieces.append(f'<mark class="{cls}" title="{html.escape(title)}">'
                          f"{html.escape(text[s:e])}</mark>"
                          f'<span class="bk-range">{html.escape(label)}</span>')
            pos = e
        pieces.append(html.escape(text[pos:int(p_end)]))
        cls = ' class="bk-kp"' if kind == "key_point" else ""
        out.append(f"<p{cls}>" + "".join(pieces) + "</p>")
    return "".join(out)
