"""Reported views: who, in a sentence, is said to assert, believe or reject what.

:func:`find_holders` reads one sentence with the gazetteer's mentions and returns a
:class:`Holder` per view it reports: "Putin asserts that ...", "what he says are ...",
"which Russia sees as ...", "Many experts do not dismiss this argument, maintaining that
...", "Moscow's insistence that ...", "Ankara's anger at ...", "Turkish anger", "according
to U.S. officials, ...", "opposed by Washington", "a charge Islamabad denies", "To Russia,
...", "Turkish leaders are alarmed by ...", "Moscow makes the same argument", "drew
criticism from Yemeni officials", "Biden telephoned Abadi to reaffirm ...". A cue is a word
of ``data/reporting_cues.csv`` (:mod:`briefkit.cue_lexicon`); its holder is resolved by
:mod:`briefkit.holders`; its content is the clause or object the cue governs, cut at the
clause's end. Views only predicted ("Riyadh will read it as abandonment") and views inside
what another holder asks ("ask whether the Kremlin wants ...") are not reported as held.

``negated`` follows the annotation scheme of ``data/annotations``: true when the cue is
negated ("does not dismiss", "do not trust", "has never accepted") or is itself a word
of denial, rejection or refusal ("rejects", "denies", "disputes", "refused to accept").
``rejects`` is the stricter reading: true when the holder is reported as holding the
content false or refusing it, so "does not dismiss" is negated but does not reject.

What it does not do: it works from word patterns, not a parse. Views with no cue word ("a
display aimed as much at Washington") or only implied, "call X Y" where nothing marks Y as
the name given ("calls the trainers evidence that ..."), holders named only by a role no
sentence before names ("the front-runner to succeed her") and some views nested in another
view are missed or given to the outer holder; a cue word that is also a common noun or verb
of action ("press", "back", "accept" a delivery) is sometimes read as a view; the content of
a noun cue may run past its noun phrase ("Obama's remarks about the dam angered Cairo");
coordinated that-clauses are split into separate views, other compound contents are not.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from briefkit.cue_lexicon import (
    AS,
    BARE_CLAUSE_CUES,
    CUE_WORDS,
    DENIAL_CUES,
    FEELING_CUES,
    NOUN_CUES,
    OBJ,
    PARTICLE_CUES,
    PASSIVE_CUES,
    THAT,
    THAT_ONLY,
    VERB_CUES,
    WORDS,
    Tok,
    is_adverb,
    is_cap,
    tokens,
    words_of,
)
from briefkit.estimative import find_analytic, find_estimative_terms
from briefkit.holders import (
    NON_HOLDER_TYPES,
    Context,
    HolderPhrases,
    Mention,
    Ref,
    country_groups,
    head_mentions,
    mention_ref,
)

_AUX = WORDS["auxiliaries"]
# What one vacates by leaving it, an act, not a court's ruling ("vacated his seat").
_LEFT_PLACES = frozenset({"seat", "office", "post", "position", "building", "premises",
                          "home", "house", "apartment", "residence", "chair"})
_NEG = WORDS["negators"]
_TELLING = WORDS["telling_verbs"]
_CONTROL = WORDS["control_verbs"]
_OBJECT_OPENERS = WORDS["object_openers"]
_OBJECT_CUES = WORDS["object_cues"]
_MANNER_WORDS = WORDS["manner_words"]
_ATTITUDE_NOUNS = WORDS["attitude_nouns"]
_NAMING_WORDS = WORDS["naming_words"]
_CLAUSE_OPENERS = WORDS["clause_openers"]
_PREPOSITIONS_BEFORE = WORDS["prepositions"]
_CONTRAST_AFTER_COMMA = WORDS["contrast_words"]
_TIME_AFTER_THAT = WORDS["time_nouns"]
_GROUP_NOUNS = WORDS["group_nouns"]
_NP_STOPS = WORDS["phrase_stops"]
_ADJ_ENDINGS = ("able", "ible", "ous", "ive", "ful", "less", "ic", "ical")
# After "call X", these open the name X is given ("calls the deal a historic error", "calls
# the numbers too small"), unless a time follows ("called Putin the next day").
_NAMING_OPENERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "“", "\"", "‘",
                             "too", "very", "so", "more", "less", "most", "nothing"})
_CALL_PARTICLES = frozenset({"off", "up", "out", "back", "down", "in"})
_CALL_PLACES = frozenset({"home", "away", "here", "there", "today", "yesterday", "tonight"})
_BE = frozenset({"is", "are", "was", "were", "been", "being", "be"})
# Verbs before a participle of feeling that leave its subject the holder ("remains worried").
_LINKING = frozenset({"remain", "remains", "remained", "seem", "seems", "seemed", "appear",
                      "appears", "appeared", "feel", "feels", "felt", "grew", "grow", "grows",
                      "become", "becomes", "became", "look", "looks", "looked"})
_FEELING_PREPOSITIONS = frozenset({"by", "at", "about", "over", "with", "to", "for"})
# Verbs that put the one named after them in a state of feeling ("leaves Gulf capitals uneasy").
_LEAVING = frozenset({"leave", "leaves", "left", "leaving", "make", "makes", "made", "making",
                      "keep", "keeps", "kept", "keeping"})
_PREDICTING = frozenset({"will", "can", "can't", "cannot"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "must"})
_WORDISH = re.compile(r"\w")
_CLAUSE_BREAK = frozenset({";", ":"})
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})
# The author's exchanges with a source ("CRS discussions with the Army"): the source's view.
_EXCHANGE_NOUNS = frozenset({"discussion", "discussions", "conversation", "conversations",
                             "correspondence", "communication", "communications", "interview",
                             "interviews", "meeting", "meetings", "briefing", "briefings",
                             "email", "emails", "exchange", "exchanges", "consultation",
                             "consultations"})
# A bare clause after a that-cue: prepositions that rule it out, the cues that take one
# after "of"/"on" ("warned of", "insisted on") and after "to" ("expects Iran to comply").
_PARTICLES_AFTER_CUE = frozenset({"for", "on", "against", "with", "at", "in", "by", "up", "out",
                                  "down", "off", "into", "over", "from", "under", "of"})
_CUES_WITH_OF = frozenset({"warn", "fear", "complain", "hope", "insist", "argue", "worry"})
_CUES_WITH_TO = frozenset({"expect", "hope", "claim", "say", "tell", "threaten", "warn", "deny",
                           "fear"})
# First words after a cue that may lead to its "that" a few words on ("said on Monday that").
_BEFORE_COMPLEMENTIZER = frozenset({"that", "whether", "why", "how", "if", ",", "on", "the",
                                    "last", "this", "again", "publicly", "privately"})
# Cues of wish, aim and offer whose "to" opens what is wanted ("seeks to block").
_CUES_WITH_TO_VERB = frozenset({"want", "seek", "offer", "intend", "prefer", "propose", "aim",
                                "refuse", "decline", "wish", "plan", "work"})
# Cues whose object is a view only after "to" ("offered to mediate", not "offers an overview").
_TO_ONLY = frozenset({"intend", "aim", "refuse", "decline", "wish", "plan", "work"})
# Commitments, decisions and votes, views when "to" and an act follow ("agreed to extend",
# "decided not to renew", "voted 60-38 to block"): the scheme's cases 1 and 5.
_INTENT_TO = frozenset({"promise", "pledge", "threaten", "vow", "agree", "decide", "resolve",
                        "commit", "choose", "vote"})
# Noun cues that are views only with "to" and an act after them ("Ankara's decision to open
# the base", "U.S. efforts to reassure allies", "an agreement by both to resume talks").
# Nouns of an aim whose content follows a copula ("Its priority is the survival of ...").
_AIM_NOUNS = frozenset({"aim", "goal", "priority", "objective"})
_TO_NOUNS = frozenset({"decide", "agree", "commit", "effort", "plan", "intend"})
# Refusals ("refused to accept"): the refusal is the view, not the verb refused (case 2).
_REFUSING = frozenset({"refuse", "refuses", "refused", "refusing", "decline", "declines",
                       "declined", "declining"})
# Nouns of refusal before "to" and a cue: the cue is what is refused, no view of its own.
_REFUSAL_NOUNS = frozenset({"refusal", "refusals", "unwillingness", "reluctance"})
# Acts whose refusal states no content ("declined to comment"): no claim (case 2).
_NO_ACT = frozenset({"comment", "elaborate", "specify", "respond", "answer", "say"})
# Cues that report no view of an object standing before them ("the relief Congress has
# considered", "a debate he never resolved", "the works USACE builds"): only "to" + an act.
_NO_GAP = frozenset({"take", "hold", "consider", "resolve", "commit", "choose", "work",
                     "designate", "list"})
_ANNOUNCING = frozenset({"announce", "announces", "announced", "announcing"})
# Adjectives that open a noun phrase after "to", never a verb ("agreed to new tariffs").
_NP_ADJECTIVES = frozenset({"new", "additional", "tougher", "stronger", "greater", "fresh",
                            "broader", "wider", "tighter", "harsher", "deeper", "closer"})
# Verbs that put someone on a list ("added six firms to its list"): a listing (case 5).
_ADDING = frozenset({"add", "adds", "added", "adding", "include", "includes", "included",
                     "place", "places", "placed", "placing"})
_INNER_CLAUSE = frozenset({"that", "whether", "which", "who", "if", "because", "when",
                           "while", "where", "what", "how", "why"})
_TIME_OPENERS = frozenset({"last", "this", "next", "earlier", "later", "again", "then"})
_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})
_OBJECT_DETERMINERS = frozenset({"the", "a", "an", "both", "all", "each", "what"})
# Words between a possessor and its noun cue ("Moscow's long-standing insistence").
_NOUN_CUE_MODIFIERS = frozenset({"long-standing", "repeated", "stated", "new", "latest", "own",
                                 "public", "first", "formal", "recent", "earlier", "renewed"})
# Endings of words that do not qualify a noun cue between a genitive and it: adverbs,
# nouns ("condolence", "policy", "security") and classifying adjectives ("military",
# "economic", "political"), whose noun is of a domain, not the holder's stance.
_NOT_QUALIFYING = ("ly", "ence", "ance", "tion", "sion", "ment", "ity", "ness", "ism", "ship",
                   "cy", "al", "ic", "ary")
_CALENDAR = WORDS["calendar_words"]
# Heads of a text of law, whose provisions are no one's view ("the Act", "these bills")
_LAW_HEADS = frozenset({"act", "acts", "bill", "bills", "treaty", "code", "mou", "memorandum",
                        "statute", "law", "laws", "legislation", "title", "section", "article",
                        "amendment", "provision", "provisions", "regulation", "regulations"})
# After a cue whose object is gapped, words that open an adjunct, not the object
_GAP_ADJUNCTS = frozenset({"from", "for", "because", "since", "after", "before", "during",
                           "until", "when", "while", "over", "in", "at"})
# Determiners that open the noun phrase a relative clause with no relative word follows
_GAP_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "its", "their",
                              "his", "her", "our", "any", "every", "each"})
_LAW_NAME_LINKS = frozenset({"of", "for", "from", "and", "the", "on", "to", "in", "by"})
_LAW_WORD = re.compile(r"[\w.'’-]+|[()]")


def _is_law_head(words: list[str], n: int) -> bool:
    """Whether words[n] heads a text of law: one of _LAW_HEADS ("Executive Order" too)."""
    word = words[n].lower()
    return word in _LAW_HEADS or (word in {"order", "orders"} and n > 0
                                  and words[n - 1].lower() == "executive")
# Verbs that only carry a noun cue ("makes the same argument", "share concern"), and the
# words that may stand between them.
_LIGHT_VERBS = frozenset({"make", "makes", "made", "making", "share", "shares", "shared",
                          "sharing", "hold", "holds", "held", "holding", "have", "has", "had",
                          "having", "issue", "issues", "issued", "issuing", "offer", "offers",
                          "offered", "offering", "develop", "develops", "developed",
                          "developing"})
# "raised concerns about", "raised objections to": raising a worry is holding it (not
# "raised hopes", which others may hold).
_RAISING = frozenset({"raise", "raises", "raised", "raising"})
_RAISED = frozenset({"concern", "object", "doubt"})
_LIGHT_VERB_FILLERS = frozenset({"the", "a", "an", "same", "similar", "serious", "deep",
                                 "grave", "growing", "common", "strong", "joint", "great",
                                 "little", "full", "no", "immediate", "firm", "any"})
# Texts that speak for whoever issued them, after "according to" ("a 2017 NOAA notice").
_SOURCE_NOUNS = frozenset({"report", "reports", "notice", "data", "study", "studies",
                           "assessment", "estimate", "estimates", "analysis", "survey",
                           "statement", "review", "figures", "testimony", "filing"})
# ... and those that speak for an issuer named before them ("FY2026 Navy budget documents")
_ISSUED_NOUNS = _SOURCE_NOUNS | {"document", "documents", "request", "briefing", "budget"}
_FISCAL_YEAR = re.compile(r"fy ?\d{2,4}")  # "FY2027": a date, not a name
_ARTICLE_WORDS = frozenset({"a", "an", "the"})
_PLACE_OR_PERSON = frozenset({"leader", "person", "region", "non_actor", "state",
                              "sub_state", "territory"})
_NAME_LINKS = frozenset({"a", "an", "the", "of", "for", "by", "on", "and", "in", "to", "&"})
_TITLES = WORDS["title_words"] | frozenset({"director", "deputy", "analyst", "official",
                                           "spokesperson"})
# Objects of "assert" that make it an act of power ("asserted control over the Strait").
_POWER_NOUNS = frozenset({"control", "authority", "dominance", "power", "influence",
                          "jurisdiction", "primacy", "leadership", "presence"})
# Objects of "accept" that make it receiving, not a view ("accepted delivery of", "accept
# wagers from"); so does an ordinal after a possessive ("accepted its first battery").
_RECEIVED_NOUNS = frozenset({"delivery", "deliveries", "shipment", "shipments", "wagers",
                             "bets", "deposits", "payments", "donations", "applications",
                             "bids", "orders", "customers", "cash", "cards", "transfers"})
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "final"})
# Objects of "consider" that make it deliberation, not a view ("considered two bills").
_DELIBERATED_NOUNS = frozenset({"bill", "bills", "legislation", "measure", "measures",
                                "amendment", "amendments", "resolution", "resolutions"})
# Verbs of backing that, as the purpose of an act, are its aim and no one's view.
_BACKING = frozenset({"support", "back"})
# Words after "back" that make it an adverb or a verb's particle, not a verb of backing.
_BACK_PARTICLE_NEXT = frozenset({"together", "into", "to", "down", "off", "from", "toward",
                                 "towards", "home", "away", "up", "out"})
# Heads of a subject of "support" or "back" that pays for or bears out, holding no view.
_FUNDING_OR_EVIDENCE = frozenset({"fund", "funds", "program", "programs", "programme",
                                  "programmes", "grant", "grants", "polling", "poll", "polls",
                                  "survey", "surveys", "data", "evidence", "account"})
_DUTY_MODALS = frozenset({"must", "shall", "should"})
# Appeals and recommendations made to someone ("encouraged NASA to use", "recommended
# funding for"; the scheme's case 4), in their base forms too.
_APPEALS = frozenset({"encourage", "recommend"})
# Texts whose contents are their issuer's proposals ("The FY2027 request included ...";
# real texts' conventions: proposals count, cue include).
_PROPOSALS = frozenset({"request", "requests", "proposal", "proposals", "plan", "plans",
                        "budget"})
# Routes of _complement that frame a view strongly enough for a subject in the text's own
# words, with "that" or "to" right after the cue: a clause, or "to" after a cue that takes one.
_STRONG_ROUTES = frozenset({"complementizer", "to-infinitive", "to-verb", "clause"})
_ADJECTIVE_ENDS = ("ic", "ian", "ean", "ese", "ish")  # "Baltic", "Nordic", "Caspian"
# That-only cues that also take a bare clause opened by a pronoun ("stated it disputes ...").
_BARE_STATING = frozenset({"state", "indicate", "note"})
# That-only cues whose noun-phrase object is a view when a document or figures are their
# subject ("the report indicates a reduced number of ...", "the request emphasizes science").
_DOCUMENT_OBJECT_CUES = frozenset({"indicate", "emphasize", "find"})
_COPULAS = frozenset({"is", "was", "has", "had", "remains", "remained", "seems", "seemed"})
_MONEY_WORDS = frozenset({"funding", "funds", "appropriations", "money"})
# Budget requests and proposals whose issuer proposes what they "would" do ("the request
# would eliminate ...").
_PROPOSAL_HEADS = frozenset({"request", "requests", "proposal", "proposals"})
# A budget request's sum after the noun ("the request is $1.8 billion", "request of $2 million").
_REQUEST_NOUNS = frozenset({"request", "requests"})
# Cues of proposing whose document may follow "as ... in" ("as proposed in the budget").
_PROPOSING = frozenset({"propose", "request", "recommend"})
_SUM_LINKS = frozenset({"is", "was", "of", "totals", "totaled", "totalled"})
_AMOUNT_WORDS = frozenset({"million", "billion", "trillion", "thousand"})
_COMPARING = frozenset({"below", "above", "less", "more", "higher", "lower", "under", "over",
                        "fewer", "greater", "short"})
# Words that open a clause whose views are only supposed or asked ("if Congress decides").
_SUPPOSING_WORDS = frozenset({"if", "unless", "whether"})
# Words after the object of "consider" that say when or where it is weighed, not what it
# is ("considered the bill during the session").
_WEIGHED_ADJUNCTS = frozenset({"during", "at", "on", "before", "after", "until", "this",
                               "next", "when", "while"})
_WEIGHED_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "any"})
# Endings of adjectives said of an object ("unconstitutional", "illegal", "dangerous"); not
# of nouns such as "proposal" or "deal".
_PREDICATE_ENDINGS = ("onal", "gal", "tial", "cial", "ous", "ble", "ive", "ic", "ful", "less",
                      "ary", "ed")
# Words that open the thing withheld after "deny someone" ("denied X access", "an obvious
# cause").
_WITHHELD_OPENERS = frozenset({"a", "an", "the", "any", "access", "entry", "visas", "permission",
                               "landing", "overflight", "passage"})
# Words that open a clause of their own with no object gap ("where Vietnam has claims").
_OTHER_RELATIVES = frozenset({"where", "who", "whose", "when", "while", "whereas", "because"})
# Auxiliaries that open a question by inversion ("Will the administration request ...?").
_QUESTION_OPENERS = frozenset({"Will", "Would", "Can", "Could", "Does", "Do", "Did", "Is",
                               "Are", "Was", "Has", "Have", "Must", "May", "Might", "Shall"})
# Words that open the indirect question a holder asks ("asked why ...", "asked where ...").
_ASKED_QUESTION = frozenset({"that", "whether", "if", "why", "how", "where", "who", "what",
                             "when"})
# Accounts whose content a text may leave out ("offered few details"): no view reported.
_ACCOUNT_NOUNS = frozenset({"details", "detail", "explanation", "explanations", "evidence",
                            "proof", "specifics", "justification", "account"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})
# Participles that give the one named after them a feeling ("..., angering China").
_CAUSING_FEELING = {"angering": "anger", "alarming": "alarm", "infuriating": "fury",
                    "frustrating": "frustration", "upsetting": "upset"}
# Finite verbs whose object feels what their subject did or is ("The move surprised
# Washington", "the deal reassures its neighbours"): the object holds the reaction.
_STIRRING = {f: lemma for lemma, forms in (
    ("surprise", "surprised surprises"), ("reassure", "reassured reassures"),
    ("irritate", "irritated irritates"), ("unsettle", "unsettled unsettles"),
    ("alarm", "alarmed alarms"), ("anger", "angered angers"), ("dismay", "dismayed dismays"),
    ("disappoint", "disappointed disappoints"), ("frustrate", "frustrated frustrates"),
    ("worry", "worries"), ("trouble", "troubled troubles"), ("please", "pleased pleases"),
) for f in forms.split()}
STIRRED_CUES = frozenset(_STIRRING.values())
# "NIH budget data show that ...": a body's figures say what its issuer holds.
_SHOWING = frozenset({"show", "shows", "showed"})
# "include" reports a view only as a proposal's content (no cue of the table, so that
# "... but includes ..." ends no other view's content)
_INCLUDING = frozenset({"include", "includes", "included"})
_DATA_NOUNS = frozenset({"data", "figures", "statistics", "records"})
_SHOWING_NOUNS = _DATA_NOUNS | {"report"}  # "FEMA's monthly report shows $5 billion ..."
_APPEARING = frozenset({"appear", "appears", "appeared", "seem", "seems", "seemed"})
# Verbs that carry an attitude noun as the view ("expressed interest in", "announced
# their opposition to").
_CARRYING_VERBS = frozenset({"express", "announce", "voice"})
# Prepositions after a noun cue that open what the view is of ("anger at", "view of").
_NOUN_CUE_PREPOSITIONS = frozenset({"at", "over", "toward", "towards", "with", "against",
                                    "about", "of", "on", "to", "for"})
# Words that open a time phrase with a time noun ("last week", "this year").
_TIME_DEICTICS = frozenset({"this", "last", "next", "earlier", "that"})
_PLACE_TYPES = frozenset({"state", "sub_state", "territory", "region"})
_POSSESSIVE_PRONOUNS = {"its": "it", "his": "he", "her": "she", "their": "they"}
# Verbs of seeming that carry the view of "To X, ..." ("To Riyadh, Washington appears ...").
_SEEMING = {f: lemma for lemma in ("appear", "seem", "look")
            for f in (lemma, lemma + "s", lemma + "ed")}
# Verbs by which a thing meets a view from someone ("drew criticism from Yemeni officials").
_DRAWING = frozenset({"draw", "draws", "drew", "drawn", "drawing", "attract", "attracts",
                      "attracted", "provoke", "provokes", "provoked", "prompt", "prompts",
                      "prompted", "face", "faces", "faced", "receive", "received", "met"})
# What "threaten X" endangers rather than announces ("threatens regional security").
_ENDANGERED = frozenset({"security", "stability", "peace", "lives", "civilians", "future",
                         "countries", "region", "neighbours", "neighbors", "interests",
                         "sovereignty", "existence", "survival", "safety", "world"})
# Offices one is named to ("named X as its new leader"), and the words before them.
_OFFICES = WORDS["title_words"] | frozenset({"leader", "head", "chair", "chairwoman",
                                             "successor", "deputy", "deputies", "commander",
                                             "spokesman", "spokeswoman", "candidate",
                                             "nominee", "emissary", "representative"})
_OFFICE_MODIFIERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "new", "next",
                               "interim", "acting", "permanent", "special", "first", "sole",
                               "joint"})


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
    # Internal: the rule family that found the view ("verb that: complementizer",
    # "passive", ...), for benchmarks/claims_eval.py's breakdown; not part of the table.
    _rule: str = field(default="", repr=False, compare=False)

    @property
    def start(self) -> int:
        """Where the evidence starts: the holder's words or the cue, whichever is first."""
        return min(self.cue_start, self.holder_start) if self.holder_start >= 0 else self.cue_start

    @property
    def end(self) -> int:
        return max(self.content_end, self.cue_end)


_LIST_LINKS = frozenset({",", "and", "—", "–"})
# Degree words before a participle or adjective of feeling ("more irritated", "very wary"),
# and the feelings whose object follows "in" ("confident in Washington").
_DEGREE_WORDS = frozenset({"more", "less", "very", "so", "too", "most", "still"})
_TRUSTING = frozenset({"confident"})
# Words before "that" that make it no relative after a noun ("so that", "now that").
_THAT_NOT_AFTER_NOUN = frozenset({"so", "now", "given", "such", "except", "provided", "than",
                                  "assuming", "seeing"})
_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine",
                           "ten", "eleven", "twelve", "twenty", "thirty", "several", "many"})
# A restrictive relative clause before a main verb ("officials who attended the talks
# welcomed ..."): its opening words, the asides it may hold, the words that end the search.
_RELATIVE_WORDS = frozenset({"who", "that", "which"})
# Words before a free relative "what X wanted" that is an object ("got what it wanted").
_FREE_RELATIVE_BEFORE = frozenset({"of", "got", "get", "gets", "gained", "won", "received",
                                   "obtained", "achieved", "exactly", "precisely", "is",
                                   "was", "from", "to", "with", "against", "for"})
# Verbs that put out or hold a thing proposed or planned ("published a proposed rule").
_ISSUING = frozenset({"published", "publishes", "released", "releases", "issued", "issues",
                      "unveiled", "unveils", "submitted", "submits", "has", "have", "had",
                      "presented", "presents", "introduced", "introduces"})
# Nouns of a point of view after "through a" ("read the visit through a different history").
_FRAME_NOUNS = frozenset({"history", "histories", "lens", "prism", "perspective", "filter",
                          "frame", "memory", "experience"})
# Words that no short aside between commas holds ("said, and Kenya agreed, that ...").
_ASIDE_STOPS = frozenset({"and", "but", "or", "nor", "who", "whom", "whose", "which", "what",
                          "that", "when", "where", "while", "because", "if", "whether", "to"})
_ASIDE_OPENERS = frozenset({"including", "notably", "such", "like", "among"})
_CLAUSE_LINKS = frozenset({"and", "but", "or", "while", "whereas", "because", "although",
                           "if", "when", "whose", "whom", "as", "than"})
# Every word at which _cue_at may find a view.
_TRIGGERS = CUE_WORDS | frozenset(_CAUSING_FEELING) | _SHOWING | _INCLUDING | frozenset(_STIRRING)


_MONTHS = frozenset(w for w in _CALENDAR if not w.endswith("day"))
_WEEKDAYS = _CALENDAR - _MONTHS
_DATE_PREPOSITIONS = frozenset({"on", "in", "during", "since", "until"})
_MONTH_PARTS = frozenset({"early", "late", "mid", "mid-"})
_PERIODS = frozenset({"year", "month", "week"})
_PERIOD_DEICTICS = frozenset({"this", "last", "next"})
# Every word a date phrase of _date_end can start with.
_DATE_STARTS = _DATE_PREPOSITIONS | _PERIOD_DEICTICS | {"earlier", "later", "at"}


def _is_year(norm: str) -> bool:
    return len(norm) == 4 and norm.isdigit() and norm[:2] in {"19", "20"}


def _date_end(toks: list[Tok], i: int) -> int:
    """The end (exclusive) of a date phrase that starts at token i ("on March 12", "in late
    August", "in June 2017", "on Monday", "since 2017", "on the same day",
    "earlier this year", "last week", "at first"), or i when none starts there."""
    n = len(toks)

    def norm(k: int) -> str:
        return toks[k].norm if k < n else ""

    first = norm(i)
    if first in _DATE_PREPOSITIONS:
        k = i + 1
        if norm(k) in _MONTH_PARTS:
            k += 1
        if norm(k) in _MONTHS:
            k += 1
            if norm(k).isdigit() and len(norm(k)) <= 2:
                k += 1
            if norm(k) == "," and _is_year(norm(k + 1)):
                k += 2
            elif _is_year(norm(k)):
                k += 1
            return k
        if k == i + 1 and (norm(k) in _WEEKDAYS or _is_year(norm(k))):
            return k + 1
        if first == "on" and norm(k) == "the" and norm(k + 1) in {"same", "next"} \
                and norm(k + 2) == "day":
            return k + 3
        return i
    if first in {"earlier", "later"} and norm(i + 1) in {"this", "that", "last"} \
            and norm(i + 2) in _PERIODS:
        return i + 3
    if first in _PERIOD_DEICTICS and norm(i + 1) in _PERIODS:
        return i + 2
    if first == "at" and norm(i + 1) == "first":
        return i + 2
    return i


def _without_dates(toks: list[Tok]) -> list[Tok]:
    """The tokens without the date phrases inside a clause, which stand anywhere between a
    holder, its verb and what follows ("Wang Yi proposed in March a dual suspension", "the
    Treasury on the same day designated", "asked Congress in June to preserve", "which the
    President on June 27 said"), so that the rules read the clause without them. A pair of
    commas around the phrase goes with it ("Kerry, on Monday, said"); so does the comma
    after a phrase that opens the sentence."""
    drop: set[int] = set()
    i = 0
    while i < len(toks):
        if toks[i].norm not in _DATE_STARTS:
            i += 1
            continue
        end = _date_end(toks, i)
        if end == i:
            i += 1
            continue
        if end < len(toks) and toks[end].norm in {"and", "or"} or (
                i and toks[i - 1].norm.endswith("ed") and toks[i - 1].norm not in _TRIGGERS):
            i = end  # "on December 18 and ...", "figures released in May suggest": kept
            continue
        drop.update(range(i, end))
        comma_after = end < len(toks) and toks[end].norm == ","
        if comma_after and (i == 0 or toks[i - 1].norm == ","):
            drop.add(end)
            if i:
                drop.add(i - 1)
        elif comma_after and any(toks[k].norm == "," for k in range(i, end)):
            drop.add(end)  # "announced on December 19, 2018, that ...": the year's comma
        i = end
    if not drop:
        return toks
    return [t for k, t in enumerate(toks) if k not in drop]


def _left_out(toks: list[Tok], kept: list[Tok]) -> list[tuple[int, int]]:
    """(start, end) of each run of words of ``toks`` that ``kept`` lacks, in order."""
    if len(kept) == len(toks):
        return []
    kept_starts = {t.start for t in kept}
    runs: list[tuple[int, int]] = []
    for k, t in enumerate(toks):
        if t.start in kept_starts or not _WORDISH.match(t.text):
            continue
        if runs and toks[k - 1].start not in kept_starts:
            runs[-1] = (runs[-1][0], t.end)
        else:
            runs.append((t.start, t.end))
    return runs


def might_report(text: str, words: set) -> bool:
    """Whether a sentence holds a word that can report a view (the rest skip the parser)."""
    return not words.isdisjoint(_TRIGGERS) or text.startswith("To ")


class Sentence(HolderPhrases):
    """One sentence: its tokens, mentions, and the reported views found in it."""

    def __init__(self, text: str, mentions: Sequence[Mention], context: Context | None, *,
                 toks: list[Tok] | None = None):
        self.text = text
        # toks: tokens(text), if made; date phrases are left out (_without_dates)
        all_toks = tokens(text) if toks is None else toks
        self.toks = _without_dates(all_toks)
        self._date_spans = _left_out(all_toks, self.toks)  # (start, end) of each left out
        self.mentions = [m for m in mentions if m.actor_type not in NON_HOLDER_TYPES]
        self.context = context or Context()
        self.claims: list[Holder] = []
        self.refs: list[list[Ref]] = []
        self.relative_claims: set[int] = set()  # ids of claims whose cue is in a relative
        self._gap_claims: set[int] = set()  # ids of claims whose object is the noun before
        self._relative_ends: list[tuple[int, int]] = []  # (relative word, main verb) offsets
        self._route = ""  # the branch of _complement that found the last content
        self._withheld: set[int] = set()  # ids of views found for acts, dropped in find
        self.context_refs: list[list[Ref]] = self.refs  # what later sentences take up
        self._actor_names = {m.actor for m in self.mentions} | {
            g for g in (country_groups().get(m.country) for m in self.mentions) if g}
        self.tok_mention = self._mention_of_tokens()

    def _mention_of_tokens(self) -> dict[int, Mention]:
        """Token index -> the mention covering it (the first, where a token holds two)."""
        out: dict[int, Mention] = {}
        if not self.mentions:
            return out
        starts = [t.start for t in self.toks]
        ends = [t.end for t in self.toks]
        for m in self.mentions:
            i = bisect.bisect_right(ends, m.start)
            while i < len(starts) and starts[i] < m.end:
                out.setdefault(i, m)
                i += 1
        return out

    def find(self) -> list[Holder]:
        """The views the sentence reports, in the order of their cues ("To X, ..." first)."""
        for i in [i for i, tok in enumerate(self.toks) if tok.norm in _TRIGGERS]:
            found = self._cue_at(i)
            if found:
                views, refs = found
                self.claims.extend(views)
                self.refs.extend([refs] * len(views))
        opening = self._to_holder()
        if opening:
            self.claims.insert(0, opening[0][0])
            self.refs.insert(0, opening[1])
        self._end_relatives()
        self._drop_questioned()
        self._drop_carried()
        self._drop_law_texts()
        self._add_as_did()
        self.context_refs = self.refs
        if self._withheld:  # acts read as cues: no claims, their holders antecedents still
            keep = [k for k, c in enumerate(self.claims) if id(c) not in self._withheld]
            self.claims = [self.claims[k] for k in keep]
            self.refs = [self.refs[k] for k in keep]
        return self.claims

    def _end_relatives(self) -> None:
        """"Officials who had opposed the deal welcomed its end": the content of a cue
        inside a restrictive relative clause ends where the main verb begins."""
        for r_end, verb_start in self._relative_ends:
            self.claims = [
                replace(c, content=self.text[c.content_start:verb_start].rstrip(" ,"),
                        content_end=c.content_start + len(
                            self.text[c.content_start:verb_start].rstrip(" ,")))
                if r_end <= c.cue_start and c.content_start < verb_start < c.content_end
                else c for c in self.claims]

    def _drop_law_texts(self) -> None:
        """A text of law as the holder ("The bill states that ...", "the Washington Treaty,
        which states that ...", "Bills in the 119th Congress propose ...", a holder found
        inside a law's name "... Preventing Foreign Citizens from Voting Act"): its
        provisions are no one's view (the scheme, data/annotations/README.md: provisions of
        bills, laws, orders, memoranda and treaty articles are not claims)."""
        keep = [k for k, c in enumerate(self.claims) if not self._law_text(c)]
        if len(keep) < len(self.claims):
            self.claims = [self.claims[k] for k in keep]
            self.refs = [self.refs[k] for k in keep]

    def _law_text(self, claim) -> bool:
        if claim.holder_start < 0 or claim.holder_end <= claim.holder_start:
            return False
        text = self.text
        words = _LAW_WORD.findall(text[claim.holder_start:claim.holder_end])
        while words and (words[-1][:1].isdigit() or words[-1] in {"(", ")"}):
            words.pop()  # "Title 10", "Section 9081"
        if words and "of" not in words and _is_law_head(words, len(words) - 1):
            return True  # "The bill", "the Washington Treaty", "the 2009 MOU"
        before = _LAW_WORD.findall(text[max(0, claim.holder_start - 40):claim.holder_start])
        while before and (before[-1].lower() == "the" or before[-1][:1].isdigit()):
            before.pop()  # "in the 119th"
        if len(before) >= 2 and before[-1] in {"in", "of", "from"} and \
                _is_law_head(before, len(before) - 2):
            return True  # "Bills in the 119th Congress": the bills, not the Congress
        after = _LAW_WORD.findall(text[claim.holder_end:claim.holder_end + 60])[:6]
        for n, word in enumerate(after):  # "... by Preventing Foreign Citizens from Voting Act"
            if _is_law_head(after, n) and word[:1].isupper():
                return True
            if not (word[:1].isupper() or word in _LAW_NAME_LINKS):
                break
        return False

    def _drop_carried(self) -> None:
        """"announced their opposition to X": the verb that carries the noun's view and the
        noun with its possessor are one view; the noun's row (its content is X) stays."""
        drop = {k for k, c in enumerate(self.claims) for d in self.claims
                if d is not c and d.cue == c.cue and d.holder == c.holder
                and d._rule.startswith("noun") and c._rule.startswith("verb")
                and c.content_start <= d.cue_start < c.content_end}
        if drop:
            keep = [k for k in range(len(self.claims)) if k not in drop]
            self.claims = [self.claims[k] for k in keep]
            self.refs = [self.refs[k] for k in keep]

    def _add_as_did(self) -> None:
        """"Ghani welcomed the announcement, as did Chief Executive Abdullah": the one named
        after "as did" holds the view of the claim before it too."""
        toks = self.toks
        for k in range(1, len(toks) - 2):
            if toks[k].norm != "as" or toks[k + 1].norm not in {"did", "does", "do", "had",
                                                                "has", "have"}:
                continue
            if k + 2 not in self.tok_mention:
                continue
            before = [c for c in self.claims if c.cue_end <= toks[k].start]
            if not before:
                continue
            claim = before[-1]
            b = self._np_end(k + 2)
            refs = self._resolve_np(k + 2, b)
            if refs and all(r.kind not in ("author", "speaker") for r in refs):
                cue = next(j for j, t in enumerate(toks) if t.start == claim.cue_start)
                view = self._view(refs, toks[k + 2].start, toks[b].end, claim.cue,
                                  claim.negated and claim.cue not in DENIAL_CUES, cue, cue,
                                  claim.content_start, claim.content_end, rule="as did")
                at = self.claims.index(claim) + 1
                self.claims.insert(at, view)
                self.refs.insert(at, refs)

    def _drop_questioned(self) -> None:
        """A view inside what another holder asks or doubts ("ask whether the Kremlin wants
        ...") is put in question, not reported as held."""
        asked = [(c.content_start, c.content_end) for c in self.claims
                 if _opens_with(c.content, ("whether", "if"))]
        keep = [k for k, c in enumerate(self.claims)
                if id(c) in self._gap_claims or
                not any(a <= c.cue_start and c.cue_end <= b for a, b in asked)]
        # a view in a relative clause on a noun ("whether China enforces the controls it has
        # announced") is taken as given, not put in question
        if len(keep) < len(self.claims):
            self.claims = [self.claims[k] for k in keep]
            self.refs = [self.refs[k] for k in keep]

    def _cue_at(self, i: int):
        """(views, holder refs) reported by a cue at token i, or None."""
        toks, norm = self.toks, self.toks[i].norm
        nxt = toks[i + 1].norm if i + 1 < len(toks) else None
        if norm == "according" and nxt == "to":
            return self._according(i)
        if norm in FEELING_CUES:
            felt = self._feeling(i) or self._left_feeling(i)
            if felt or norm not in VERB_CUES:  # "encouraged NASA to ...": an appeal (case 4)
                return felt or (self._stirred(i) if norm in _STIRRING else None)
        if norm in _CAUSING_FEELING:
            return self._caused_feeling(i, _CAUSING_FEELING[norm])
        if norm in _INCLUDING:  # only a proposal's ("the request included"): _verb_cue
            return self._verb_cue(i, i, "include", OBJ)
        if norm in _SHOWING and i > 0:
            d = self._shown_by(i)
            if d is not None:
                return self._data_show(i, d)
        if norm in PARTICLE_CUES and nxt == PARTICLE_CUES[norm][1] and not _is_cap_mid(toks, i):
            return self._verb_cue(i, i + 1, PARTICLE_CUES[norm][0], OBJ)
        found = None
        if norm in VERB_CUES and not _is_cap_mid(toks, i):
            found = self._verb_cue(i, i, *VERB_CUES[norm])
        if found is None and norm in _STIRRING:  # "reassures Warsaw" (but "... that ...")
            found = self._stirred(i)
        if found is None and norm == "vote":  # "the Senate's 60-38 vote to block ..."
            found = self._vote_noun(i)
        if found is None and norm in NOUN_CUES:  # "Moscow's view that": the noun
            found = self._noun_cue(i)
        if found is None and norm in {"proposed", "planned"}:
            found = self._proposed_thing(i, VERB_CUES[norm][0])
        if found is None and norm in {"list", "lists"}:
            found = self._added_to_list(i)
        if found is None and norm == "request":
            found = self._at_request(i)
        if found is None and norm in _REQUEST_NOUNS:
            found = self._requested_sum(i)
        if found is None and norm in _PROPOSAL_HEADS:
            found = self._proposal_would(i)
        return found

    def _proposal_would(self, i: int):
        """"The request would eliminate the mission area", "the Administration's proposal
        would cut ...", "The FY2027 USGS budget request also would discontinue ...": what a
        budget request or a proposal would do is what its issuer proposes (real-text
        conventions: proposals are views, a document resolves to its issuer); the cue is the
        verb after "would", the content its object. Held only by an issuer the phrase or
        the text names (:meth:`_voice_of`): "Other proposals would ..." has none; "would
        have applied" (a proposal not made) and "would be $2 billion" are no view."""
        toks = self.toks
        k, neg = i + 1, False
        while k < len(toks) and (toks[k].norm in _NEG or is_adverb(toks[k].norm)):
            k += 1  # "also would", "would not", "would further"
        if self._norm_at(k) != "would":
            return None
        k += 1
        while k < len(toks) and (toks[k].norm in _NEG or is_adverb(toks[k].norm)):
            neg = neg or toks[k].norm in _NEG
            k += 1
        if k >= len(toks) or not toks[k].text.isalpha() or not toks[k].text.islower() or \
                toks[k].norm in _AUX or toks[k].norm in _BE or toks[k].norm in _MODALS:
            return None  # "would have applied", "would be $2 billion"
        span = self._span(k + 1, objects=True)
        voice = self._voice_of(i)
        if span is None or voice is None or not voice[0] or any(
                r.kind in ("author", "speaker") for r in voice[0]):
            return None
        refs, h_start, h_end = voice
        return [self._view(refs, h_start, h_end, toks[k].norm, neg, k, k, *span,
                           rule="noun: proposal would")], refs

    def _proposed_thing(self, i: int, lemma: str):
        """"USTR published a proposed list of ...", "the Mint has a proposed coin", "FDA
        issued a proposed rule": a thing proposed or planned, put out or held by the subject
        of the verb before it, is that subject's proposal or plan (a view: the scheme's
        proposals and plans); the content is the thing."""
        toks = self.toks
        if i < 2 or toks[i - 1].norm not in {"a", "an", "its", "their", "his", "her"} or \
                toks[i - 2].norm not in _ISSUING:
            return None
        subject = self._subject(i - 2)
        span = self._span(i + 1, objects=True)
        if subject is None or span is None or self._verb_group(i - 2) & _BE:
            return None
        refs, h_start, h_end, neg = subject
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        return [self._view(refs, h_start, h_end, lemma, neg, i, i, *span,
                           rule="verb obj: proposed thing")], refs

    def _at_request(self, i: int):
        """"At Turkey's request the allies met ...", "Iran closed its airspace at Baghdad's
        request", "the troops left at the request of the Iraqi government": what was done at
        someone's request is what they asked for; the content is the clause before "at", or
        after the request when "at" opens the sentence."""
        toks = self.toks
        if i < 2 or toks[i - 2].norm != "at":
            return None
        poss = self._possessor(i - 1) or self._definite_genitive(i - 1)
        if poss is None and toks[i - 1].norm == "the" and self._norm_at(i + 1) == "of":
            found = self._of_holder_phrase(i + 2)  # "at the request of Italian shipowners"
            if found is not None and i >= 3:
                refs, a, b = found
                span = self._clause_before(i - 2)
                if span is None or self._norm_at(b + 1) not in {"", ",", ".", ";", "rather",
                                                                "and", "but"}:
                    return None
                return [self._view(refs, toks[a].start, toks[b].end, "request", False, i, i,
                                   *span, rule="noun: at a request")], refs
        if poss is None or not poss[0] or any(r.kind in ("author", "speaker") for r in poss[0]):
            return None
        a = i - 2
        while a > 0 and toks[a - 1].text not in {";", ":", ","}:
            a -= 1
        if a < i - 2:
            span = toks[a].start, toks[i - 3].end  # "closed its airspace at X's request"
        else:
            span = self._span(i + 2 if self._norm_at(i + 1) == "," else i + 1)
        if span is None or any(t.norm in _MODALS or t.norm == "can" for t in toks
                               if span[0] <= t.start < span[1]):
            return None  # "recalls may be initiated ... at FDA's request": no request made
        refs, h_start, h_end = poss
        return [self._view(refs, h_start, h_end, "request", False, i, i, *span,
                           rule="noun: at a request")], refs

    def _requested_sum(self, i: int):
        """"The FY2027 request for the agency is $1.8 billion", "the Administration request of
        $1.30 billion", "the discretionary request for 2027, $38.4 billion, ...": a budget
        request (a proposal, scheme: a view of who makes it) whose sum is stated; held by the
        owner its phrase names, or by whose request the text named before. The content is
        the sum."""
        toks = self.toks
        k = i + 1
        if self._norm_at(k) == "for":  # "for the Supreme Court", "for this account"
            k += 1
            while k < len(toks) and k <= i + 8 and _WORDISH.match(toks[k].text) and \
                    toks[k].norm not in _AUX and toks[k].norm != "of":
                k += 1
        if self._norm_at(k) in _SUM_LINKS or self._norm_at(k) == ",":
            k += 1
        if k >= len(toks) or toks[k].text != "$" or k + 1 >= len(toks) or \
                not toks[k + 1].norm[:1].isdigit():
            return None
        voice = self._voice_of(i)
        if voice is None or not voice[0] or any(r.kind in ("author", "speaker")
                                                for r in voice[0]):
            return None
        end = k + 2 if self._norm_at(k + 2) in _AMOUNT_WORDS else k + 1
        if self._norm_at(end + 1) in _COMPARING:
            return None  # "the request is $323 million below the enacted level": a difference
        refs, h_start, h_end = voice
        return [self._view(refs, h_start, h_end, "request", False, i, i, toks[k].start,
                           toks[end].end, rule="noun: possessor")], refs

    def _added_to_list(self, i: int):
        """"The Treasury added six firms to its sanctions list", "included copper on its
        list": an official listing (scheme case 5), held by the subject of the verb."""
        toks = self.toks
        k = i - 1
        while k >= 0 and k >= i - 6 and toks[k].norm not in _POSSESSIVE_PRONOUNS and \
                toks[k].norm != "the" and toks[k].norm not in {"to", "on"} and \
                _WORDISH.match(toks[k].text):
            k -= 1  # back over the list's modifiers ("its 2025 critical minerals list")
        if k < 3 or (toks[k].norm not in _POSSESSIVE_PRONOUNS and toks[k].norm != "the") or \
                toks[k - 1].norm not in {"to", "on"}:
            return None
        to = k - 1
        v = next((j for j in range(to - 2, max(-1, to - 12), -1) if toks[j].norm in _ADDING),
                 None)
        if v is None or toks[to].norm == "on" and not toks[v].norm.startswith("includ") or \
                any(not _WORDISH.match(t.text) or t.norm in _CLAUSE_OPENERS - _ARTICLE_WORDS
                    for t in toks[v + 1:to] if t.text not in {"-", "–"}):
            return None
        subject = self._subject(v)
        if subject is None or not self._holds_view(v, "list", OBJ, subject):
            return None
        refs, h_start, h_end, neg = subject
        return [self._view(refs, h_start, h_end, "list", neg, v, v, toks[v + 1].start,
                           toks[to - 1].end, rule="verb obj: object")], refs

    # -- verbs --

    def _caused_feeling(self, i: int, lemma: str):
        """"Typhon has remained in the country, angering China": the one named after the
        participle feels it about what the clause before says."""
        toks = self.toks
        if i < 2 or toks[i - 1].text != "," or i + 1 >= len(toks):
            return None
        k = i + 1 if toks[i + 1].norm != "the" else i + 2
        if k >= len(toks) or k not in self.tok_mention:
            return None
        np = self._noun_phrase(self._np_end(k))
        refs = self._resolve_np(*np) if np else None
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        first = max((q + 1 for q in range(i - 1) if toks[q].text in {",", ";", ":"}), default=0)
        if first >= i - 1:
            return None
        return [self._view(refs, toks[np[0]].start, toks[np[1]].end, lemma, False, i, i,
                           toks[first].start, toks[i - 2].end, rule="caused feeling")], refs

    def _stirred(self, i: int):
        """"The decision surprised Washington", "the accord has irritated Ankara": the actor
        the finite verb acts on feels the reaction; the content is what the clause before the
        verb names. Not after a form of "be" ("was surprised by": a feeling of the subject)."""
        toks = self.toks
        if i < 2 or i + 1 >= len(toks) or toks[i - 1].norm in _BE:
            return None
        k = i + 1 if toks[i + 1].norm != "the" else i + 2
        if k >= len(toks) or k not in self.tok_mention:
            return None
        j = self._np_end(k)
        np = self._noun_phrase(j)
        refs = self._resolve_np(k, j) if np and np[0] >= k else None
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        while True:  # "surprised Rome, Paris and Madrid", "surprised Rome—and, it seems, Paris"
            n = j + 1
            while n < len(toks) and n <= j + 5 and (toks[n].norm in _LIST_LINKS or
                                                    is_adverb(toks[n].norm)):
                n += 1
            if n == j + 1 or n not in self.tok_mention:
                break
            j = self._np_end(n)
            refs = refs + [r for r in self._resolve_np(n, j) if r not in refs]
        b = i - 1  # "The law has, however, irritated ...": the subject "The law"
        while b >= 0 and (toks[b].norm in _AUX or is_adverb(toks[b].norm) or toks[b].text == ","
                          or toks[b].norm in _NEG):
            b -= 1
        a = b
        while a > 0 and toks[a - 1].text not in {",", ";", ":", "—"}:
            a -= 1  # "For Washington, the pact reassures ...": "the pact"
        if b < 0 or b - a > 25:
            return None
        span = toks[a].start, toks[b].end
        neg = toks[i - 1].norm in _NEG or (i > 2 and toks[i - 2].norm in _NEG)
        return [self._view(refs, toks[k].start, toks[j].end, _STIRRING[toks[i].norm], neg,
                           i, i, *span, rule="stirred feeling")], refs

    def _shown_by(self, i: int) -> int | None:
        """The token of the figures or the report that "show" at token i has for subject:
        right before it ("NIH data show"), before "appear to" ("IRS data appear to show"),
        or before an aside between commas ("The IRS data, released in August, show");
        None otherwise."""
        toks = self.toks
        d = i - 1
        if d >= 2 and toks[d].norm == "to" and toks[d - 1].norm in _APPEARING:
            d -= 2
        elif toks[d].text == ",":
            d = next((k - 1 for k in range(d - 1, max(0, d - 12), -1)
                      if toks[k].text == ","), None)
            if d is None or d < 0:
                return None
        return d if toks[d].norm in _SHOWING_NOUNS else None

    def _data_show(self, i: int, d: int):
        """"NIH budget data show that ...", "Its customs data show ...", "FEMA's monthly
        report shows ...": the figures speak for the body named in them (real-text
        conventions: a document resolves to its issuer); the content is the clause after
        "show"."""
        toks = self.toks
        a = d
        while a > 0 and (_WORDISH.match(toks[a - 1].text) or toks[a - 1].text in "()") and \
                toks[a - 1].norm not in _NP_STOPS - _ARTICLE_WORDS and \
                toks[a - 1].norm not in _AUX:
            a -= 1
        refs = None
        for k in range(a, d):
            m = self.tok_mention.get(k)
            if m is not None and m.actor_type not in _PLACE_OR_PERSON - {"state"}:
                refs = [mention_ref(m)]
            elif toks[k].norm in _POSSESSIVE_PRONOUNS:
                refs = self._resolve_pronoun(_POSSESSIVE_PRONOUNS[toks[k].norm], toks[k].start)
            elif is_cap(toks[k]) and k not in self.tok_mention:
                short = self._short_form([k])
                refs = [short] if short is not None else refs
            if refs:
                break
        span = self._span(i + 1) if refs and len(refs) == 1 else None
        if span is None or refs[0].kind in ("author", "speaker"):
            return None
        return [self._view(refs, toks[a].start, toks[d].end, "show", False, i, i, *span,
                           rule="data show")], refs

    def _asserts_power(self, i: int) -> bool:
        """Whether "assert" at token i takes power as its object ("asserted control over",
        "asserts its authority"): exercising power, not holding a view."""
        toks, k = self.toks, i + 1
        while k < len(toks) and k <= i + 2 and (toks[k].norm in _POSSESSIVE_PRONOUNS or
                                                toks[k].norm in {"the", "full", "greater"}):
            k += 1
        return k < len(toks) and toks[k].norm in _POWER_NOUNS

    def _receives(self, i: int) -> bool:
        """Whether "accept" at token i takes goods or money received as its object ("accepted
        delivery of", "accept wagers from", "accepted its first battery"): an act."""
        toks, k = self.toks, i + 1
        while k < len(toks) and k <= i + 2 and (toks[k].norm in _POSSESSIVE_PRONOUNS or
                                                toks[k].norm in {"the", "a", "an"}):
            k += 1
        if k >= len(toks):
            return False
        return toks[k].norm in _RECEIVED_NOUNS or (
            toks[k].norm in _ORDINALS and k > i + 1 and toks[k - 1].norm in _POSSESSIVE_PRONOUNS)

    def _asks_for_money(self, i: int) -> bool:
        """Whether "request" at token i takes a sum or funding as its object ("is requesting
        $1.6 billion", "requested $20 million in funding", "requests funding for ...")."""
        toks, k = self.toks, i + 1
        while k < len(toks) and k <= i + 3 and (toks[k].norm in _LIGHT_VERB_FILLERS | {
                "about", "nearly", "almost", "over", "some", "total", "of"}
                or _FISCAL_YEAR.fullmatch(toks[k].norm)):  # "requested FY2027 funding"
            k += 1
        return k < len(toks) and (toks[k].text == "$" or toks[k].norm in _MONEY_WORDS)

    def _unmade_appeal(self, i: int) -> bool:
        """Whether an appeal verb at token i is only aimed at or weighed, not made: an
        infinitive ("to encourage states to ..."), a gerund after a preposition
        ("interested in encouraging ..."), or a bare form after "or"/"and" that continues
        an infinitive ("to create programs ... or encourage them to ...")."""
        before, word = self._norm_at(i - 1) if i > 0 else "", self.toks[i].norm
        if before == "to" or word.endswith("ing") and before in _PREPOSITIONS_BEFORE:
            return True
        return word in _APPEALS and before in {"or", "and"}

    def _obliged(self, i: int) -> bool:
        """Whether the verb at token i is a duty, after "must", "shall" or "should" in its
        verb group ("FHWA must report to Congress", "the board also must determine that ...",
        "said the President should seek authorization": what someone says he should do)."""
        toks, k = self.toks, i - 1
        while k >= 0 and (toks[k].norm in _AUX or is_adverb(toks[k].norm) or
                          toks[k].norm in {"not", "never"}):
            if toks[k].norm in _DUTY_MODALS:
                return True
            k -= 1
        return False

    def _attributive_participle(self, i: int) -> bool:
        """Whether the cue at token i is a past participle that opens a clause's subject as
        the adjective of a plural noun, whose verb follows ("pledged funds fall short",
        "proposed sales will go through"): after a comma, "and"/"but" or the sentence's start."""
        toks = self.toks
        if not toks[i].norm.endswith("ed") or i + 2 >= len(toks) or \
                (i > 0 and toks[i - 1].text not in {",", ";"} and
                 toks[i - 1].norm not in {"and", "but"}):
            return False
        noun, verb = toks[i + 1], toks[i + 2]
        return noun.text.isalpha() and noun.text.islower() and noun.norm.endswith("s") and \
            len(noun.norm) > 3 and noun.norm not in _NP_STOPS and \
            noun.norm not in _POSSESSIVE_PRONOUNS and noun.norm not in {"this", "thus"} and \
            verb.text.isalpha() and verb.text.islower() and (
                verb.norm in _AUX or verb.norm not in _NP_STOPS | _PREPOSITIONS_BEFORE and
                not verb.norm.endswith(("ly", "ing")))

    def _comma_participle(self, i: int) -> bool:
        """Whether the cue at token i is a participle set off by commas right after the noun
        it qualifies, with an adjunct and no clause of its own ("The strategy and the review,
        expected early in 2018, will show", "the site at Deveselu, declared operational in
        May, as evidence"); not after an apposition ("Lavrov, the minister, declared ...")."""
        toks = self.toks
        if i < 2 or toks[i - 1].text != "," or not toks[i].norm.endswith("ed") or \
                any(t.text in _CLAUSE_BREAKS for t in toks[:i - 1]):
            return False
        k = i + 1
        while k < len(toks) and k <= i + 6 and toks[k].text not in _CLAUSE_BREAKS:
            k += 1
        if k >= len(toks) or toks[k].text != "," or k == i + 1:
            return False
        stretch = toks[i + 1:k]
        first = stretch[0]
        return not is_cap(first) and first.norm not in _OBJECT_OPENERS | _CLAUSE_OPENERS and \
            not any(t.norm in _AUX or t.norm in {"that", "whether", "to"} for t in stretch)

    def _withholds(self, i: int) -> bool:
        """Whether "deny" at token i takes two objects, someone and a thing ("denied Russian
        officials access", "deny Washington an obvious cause for war")."""
        toks, k = self.toks, i + 1
        if k < len(toks) and toks[k].norm in {"him", "her", "them", "us"}:
            k += 1
        elif k in self.tok_mention:
            m = self.tok_mention[k]
            while k in self.tok_mention and self.tok_mention[k] is m:
                k += 1
        else:
            return False
        return self._norm_at(k) in _WITHHELD_OPENERS

    def _deliberates(self, i: int) -> bool:
        """Whether "consider" at token i takes a bill or a measure as its plain object
        ("considers a next farm bill", "considered NASA authorization bills")."""
        toks, k = self.toks, i + 1
        if k < len(toks) and toks[k].norm in {"whether", "how"}:
            return True  # "is considering whether to alter ...": weighing, not a view
        while k < len(toks) and k <= i + 5 and _WORDISH.match(toks[k].text) and \
                toks[k].norm not in _NP_STOPS - _ARTICLE_WORDS:
            if toks[k].norm in _DELIBERATED_NOUNS:
                return True
            k += 1
        return False

    def _supposed(self, i: int) -> bool:
        """Whether the cue at token i stands in a clause that only supposes or asks (after
        "if", "unless" or "whether", or a clause opened by "Should X ..."): no view held."""
        toks, k = self.toks, i - 1
        while k >= 0 and toks[k].text not in _CLAUSE_BREAKS:
            if toks[k].norm in _SUPPOSING_WORDS:
                return True
            k -= 1
        if k < 0 and toks[0].text in {"Should", "Were", "Had"}:
            return True
        return k < 0 and toks[0].text in _QUESTION_OPENERS and self.text.rstrip().endswith("?")
        # "Will the administration request funds ...?": the author asks, no one holds it

    def _given_relative(self, i: int, cue_j: int, lemma: str, kind: str) -> bool:
        """Whether the cue at token i closes a relative clause on a noun inside an indirect
        question ("whether China enforces the controls it has announced"): what the
        relative tells is given, not asked. Only after "whether" (not "if" or a question
        opened by "Should"), and not with an indefinite subject ("acts that a foreign
        government supported": supposed)."""
        toks, k = self.toks, i - 1
        while k >= 0 and toks[k].text not in _CLAUSE_BREAKS and toks[k].norm not in \
                _SUPPOSING_WORDS:
            k -= 1
        if k < 0 or toks[k].norm != "whether" or toks[0].text in {"Should", "Were", "Had"}:
            return False
        j, _ = self._before_verb(i)
        if j is None or any(t.norm in {"a", "an", "any"} for t in toks[max(0, j - 3):j + 1]):
            return False
        return lemma not in _NO_GAP and self._complement(cue_j, lemma, kind) is None and \
            bool(self._gap_content(i, cue_j))

    def _carried_noun(self, i: int, lemma: str) -> str | None:
        """For "express", "announce" or "voice" with an attitude noun as object: the noun's
        lemma ("expressed interest in" -> interest, "announced their opposition" -> oppose,
        "voiced deep distrust of" -> distrust), else None."""
        if lemma not in _CARRYING_VERBS:
            return None
        toks, k = self.toks, i + 1
        while k < len(toks) and k <= i + 3 and (toks[k].norm in _LIGHT_VERB_FILLERS or
                                                toks[k].norm in _POSSESSIVE_PRONOUNS):
            k += 1
        if k >= len(toks):
            return None
        noun = toks[k].norm
        if noun not in NOUN_CUES and noun not in _ATTITUDE_NOUNS and \
                VERB_CUES.get(noun, ("",))[0] == noun and lemma != "announce":
            return noun  # "expressed support for": the verb's lemma, support
        if noun not in NOUN_CUES and noun not in _ATTITUDE_NOUNS or \
                NOUN_CUES.get(noun) in _TO_NOUNS:
            return None  # "announced efforts to ...": both views, the noun's by its verb
        return NOUN_CUES.get(noun, noun)

    def _bare_attitude(self, k: int) -> bool:
        """Whether the words from token k on are only a noun of feeling ("disappointment",
        "grave concern", "its regret and concern"), with no phrase or clause after it that
        says what is felt: the clause or the sentence ends, or another verb follows."""
        toks = self.toks
        while k < len(toks) and (toks[k].norm in _LIGHT_VERB_FILLERS or
                                 toks[k].norm in _POSSESSIVE_PRONOUNS or
                                 toks[k].norm.endswith(_ADJ_ENDINGS) and
                                 toks[k + 1:k + 2] and toks[k + 1].text.isalpha()):
            k += 1
        if k >= len(toks) or not (toks[k].text.isalpha() and toks[k].text.islower()):
            return False
        if self._norm_at(k + 1) in {"and", "or"} and (
                self._norm_at(k + 2) in NOUN_CUES or self._norm_at(k + 2) in _ATTITUDE_NOUNS):
            k += 2  # "regret and concern"
        after = toks[k + 1] if k + 1 < len(toks) else None
        return after is None or after.text in _CLAUSE_BREAKS or after.text == "." or \
            after.norm in {"but", "while", "whereas"} or after.norm in {"and", "or"} and (
                self._norm_at(k + 2) in VERB_CUES or self._norm_at(k + 2).endswith("ed"))

    def _verb_cue(self, i: int, cue_j: int, lemma: str, kind: str):
        """The views a verb at token i reports (cue_j: its particle, else i)."""
        if i in self.tok_mention:
            return None  # part of a name: "Gulf states", "the Islamic State"
        if i > 1 and self.toks[i - 1].norm == "to" and (
                self.toks[i - 2].norm in _REFUSING or self.toks[i - 2].norm in _REFUSAL_NOUNS):
            return None  # "refused to accept the plan": the refusal's view (case 2); "the
            # refusal to accept a weak deal", "an unwillingness to accept": the noun's, if any
        if i + 1 < len(self.toks) and self._congress_text(i + 1):
            return None  # "the FY2023 report language encouraged ...": a noun, no verb
        passive = self._passive(i, cue_j, lemma, kind) or self._proposed_in(i, lemma)
        if passive:
            return passive
        if self._by_agent_after(i, cue_j) is not None:
            return None  # "declared in January by defectors": a passive whose agent we lack
        if self._is_noun_form(i) or self._plural_noun(i, cue_j, lemma):
            return None
        if lemma == "assert" and self._asserts_power(cue_j):
            return None  # "Iran has asserted control over the Strait": an act, not a view
        if lemma == "accept" and self._receives(cue_j):
            return None  # "accepted its first battery", "accept wagers": receiving, an act
        withheld = lemma == "deny" and self._withholds(cue_j) or \
            lemma == "offer" and (self._offered_account(cue_j + 1) or
                                  self._norm_at(cue_j + 1) in {"nothing", "no", "none"}) or \
            lemma in _CARRYING_VERBS - {"announce"} and self._bare_attitude(cue_j + 1)
        # "denied Russian officials access to", "denying Washington a cause for war":
        # withholding a thing from someone, an act, not a denial of a claim; "offered few
        # details", "offered shifting explanations": what was said is left out, no view
        # "offered nothing new", "offered no alternative": no proposal made, no view
        # (all dropped in find; their holders still antecedents); "expressed grave concern
        # and warned ...", "voiced regret.": an attitude with nothing stated (the scheme: a
        # claim has content), dropped the same way
        if self._attributive_participle(i):
            return None  # "..., and pledged funds fall well short", "According to officials,
            # proposed sales will now go through ...": an adjective of the noun after it
        if self._comma_participle(i):
            return None  # "The OPCW's findings, expected within weeks, could ...": a passive
            # participle set off after its noun, with no one named who expects
        if lemma == "consider" and self._deliberates(cue_j):
            return None  # "the House has considered two bills": deliberation, not a view
        if lemma in {"decide", "vote"} and "whether" in (
                self._norm_at(cue_j + 1), self._norm_at(cue_j + 2)):
            return None  # "deciding whether to fund", "voted on whether to": no side taken
        if lemma == "request" and not self._asks_for_money(cue_j) and \
                self._norm_at(cue_j + 1) != "that":  # "requested that X allow ...": an appeal
            return None  # "requested railway wagons": an act; "is requesting $9 million": a
            # budget request, a proposal (real-text conventions: proposals count)
        if self._supposed(i) and not self._given_relative(i, cue_j, lemma, kind):
            return None  # "Should Congress decide that ...", "whether it thinks ..." (but
            # "whether China enforces the controls it has announced": a relative on a noun
            # tells what was announced, as given, not supposed)
        if lemma in {"intend", "aim"} and i > 0 and self._norm_at(i - 1) == "," and \
                self._norm_at(i).endswith("ed"):
            return None  # "awarded a contract ..., intended to improve": the thing's purpose
            # with no intender (scheme, case 6), not a clause of the subject before
        if lemma in _APPEALS and self._unmade_appeal(i):
            return None  # "wish to encourage states to ...": an aim, no appeal made
        if self._obliged(i):
            return None  # "the agency must report to Congress": a duty, not a view held
        if lemma in _BACKING and self._norm_at(i - 1) == "to" and \
                self._purpose_infinitive(i, i - 2, None):
            return None  # "appropriated $500 billion to the ESF to support loans": an aim
        if lemma == "back" and self._norm_at(cue_j + 1) in _BACK_PARTICLE_NEXT:
            return None  # "to bring the two sides back together": a particle, no backing
        carried = self._carried_noun(cue_j, lemma)
        lemma = carried or lemma
        comp = self._complement(cue_j, lemma if not carried else "express", kind)
        if comp is None and self._manner_adverb(cue_j + 1) and self._norm_at(i - 1) != "to":
            comp = self._complement(cue_j + 1, lemma if not carried else "express", kind)
            # "voted overwhelmingly for independence": the adverb is no complement
        if comp is None and kind in (THAT, THAT_ONLY) and self._lead_in(cue_j):
            comp = (self.toks[cue_j].end, self.toks[cue_j].end)  # "In June, the Army reported,"
            self._route = "lead-in"  # the quoted words follow: claims._carry_quoted
        gap = comp is None and lemma not in _NO_GAP and \
            self._gap_content(i, cue_j)  # "the relief Congress has considered": weighed
        if gap and lemma == "call" and self._name_given(cue_j):
            return None  # "The agreement, which the Administration calls 'Phase One', is"
        if comp is None and not gap:
            return None
        subject = self._subject(i)
        if not gap:
            subject = self._after_relative(i, subject) or subject
        if subject is None and not gap and (self._route in _STRONG_ROUTES and self._norm_at(
                cue_j + 1) in {"that", "to"} or carried and "that" in (
                self._norm_at(cue_j + 2), self._norm_at(cue_j + 3))):
            subject = self._plain_subject(i)  # "Some farm groups argue that ...": own words
            # ("... have expressed concern that ...")
        elif subject is None and not gap and lemma in BARE_CLAUSE_CUES and \
                self._route in _STRONG_ROUTES | {"bare clause"} and \
                not self._norm_at(cue_j + 1).endswith("ing"):  # "reported making": an act
            subject = self._plain_subject(i, opening=True)  # "Critics of X claim the ..."
        if subject is None or not self._holds_view(i, lemma, kind, subject):
            return None
        refs, h_start, h_end, neg = subject
        if lemma in _BACKING and h_start >= 0 and not any(r.country for r in refs) and \
                self.text[h_start:h_end].split()[-1].lower() in _FUNDING_OR_EVIDENCE:
            return None  # "Priority Trade Fund supports activities", "Polling supports part
            # of that view": a fund pays for, evidence bears out; no one holds a view
        if self._route == "account" and not all(r.country for r in refs):
            return None  # "partners ... and describe a period of transition", "Many of the
            # proposals described above": no actor named who gives an account
        if lemma == "vote" and self._norm_at(cue_j + 1) == "against":
            neg = True  # "voted against": a vote rejecting (case 5)
        if lemma == "include" and not _PROPOSALS & set(
                self.text[h_start:h_end].lower().split()):
            return None  # "the plan included ...": a proposal's content; "NATO includes" no
        if gap and h_start >= 0 and [t.norm for t in self.toks
                                     if t.end <= h_start][-1:] == ["than"]:
            return None  # "a war longer than it expected": a comparison, no view held
        if gap:
            spans = [gap]
        elif comp[0] == comp[1]:
            spans = [comp]  # a lead-in: nothing to split
        elif (kind in (THAT, THAT_ONLY) or lemma == "point out") and not (
                lemma in _INTENT_TO and self.text[comp[0]:comp[0] + 3] in {"to ", "not"}):
            spans = self._split_thats(*comp)  # not an act ("agreed to X, that ...")
        else:
            spans = [comp]
        rule = "verb gap relative" if gap else f"verb {kind}: {self._route}"
        views = [self._view(refs, h_start, h_end, lemma, neg, i, cue_j, *span, rule=rule)
                 for span in spans]
        if kind == AS and not gap and self._norm_at(cue_j + 1) == "as":
            views += self._gapped_as(i, lemma, neg, views[-1])  # the object stands before
        views += self._joined_in(i, lemma, neg, views[-1])
        if gap or (self._object_gap(i) and not self._own_object_after(cue_j, kind)):
            self.relative_claims.update(map(id, views))
        if gap:
            self._gap_claims.update(map(id, views))
        if withheld:
            self._withheld.update(map(id, views[:len(spans)]))
        return views, refs

    def _lead_in(self, j: int) -> bool:
        """Whether the cue at token j ends the sentence before a comma or colon ("In June
        2023, the Army reported," "The Marines noted:"): the words it reports follow in the
        next paragraph."""
        return j + 2 == len(self.toks) and self.toks[j + 1].norm in {",", ":"} and \
            self.toks[j + 1].end == len(self.text.rstrip())

    def _after_relative(self, i: int, subject):
        """"Officials who attended the talks welcomed the outcome", "Democrats who back it,
        including Senator X, objected that ...": a finite cue right after a restrictive
        relative clause is the main verb; its subject is the relative's antecedent, not the
        relative's object (nor nothing). (refs, start, end, negated), or None."""
        toks = self.toks
        if toks[i].norm.endswith("ing") or self._norm_at(i - 1) == "to":
            return None
        j, neg = self._before_verb(i)
        if j is None:
            return None
        verb_start = toks[j + 1].start
        if j > 2 and toks[j].text == ",":
            aside = self._skip_parenthetical(j)  # "..., including Senator X, objected"
            if aside is None or self._norm_at(aside + 2) not in _ASIDE_OPENERS:
                return None
            j = aside
        if j is None or j < 2 or not _WORDISH.match(toks[j].text) or \
                toks[j].norm in _OBJECT_DETERMINERS or toks[j].norm in _POSSESSIVE_PRONOUNS:
            return None  # "that burden-sharing is a demand": a noun, not a main verb
        found_end = subject[2] if subject is not None and subject[1] >= 0 else None
        r = None
        for k in range(j, max(0, j - 16), -1):
            word = toks[k]
            if word.text == "," and k > 0:
                aside = self._skip_parenthetical(k)
                if aside is None or self._norm_at(aside + 2) not in _ASIDE_OPENERS:
                    return None  # ", including Senator X,": an aside inside the relative
                continue
            if word.norm in _RELATIVE_WORDS:
                r = k
                break
            if not _WORDISH.match(word.text) or word.norm in _CLAUSE_LINKS:
                return None
        if r is None or r < 1 or not _WORDISH.match(toks[r - 1].text):
            return None  # ", which ...,": a relative in commas leaves the subject before it
        v = r + 1
        while v < j and (toks[v].norm in _AUX or toks[v].norm in _NEG or
                         is_adverb(toks[v].norm)):
            v += 1
        if v >= j or not self._verb_like(v) or v == r + 1 and toks[v].norm.endswith("ing"):
            return None  # no verb of the relative's own before the cue
        if found_end is not None and found_end <= toks[r].start:
            self._relative_ends.append((toks[r].end, verb_start))
            return None  # the subject found is the antecedent already: keep it
        if found_end is not None and (found_end != toks[j].end or subject[1] < toks[v].end):
            return None  # a subject that does not end before the verb: not the relative's
        found = self._subject_phrase(r - 1, True)
        if not found or any(ref.kind in ("author", "speaker") for ref in found[0]):
            return None
        self._relative_ends.append((toks[r].end, verb_start))
        return (*found, neg)

    def _manner_adverb(self, k: int) -> bool:
        """Whether token k is an -ly adverb of manner or degree after a cue ("voted
        overwhelmingly for", "rejected outright"), which the cue's complement follows."""
        word = self._norm_at(k)
        return word.endswith("ly") and is_adverb(word) and k + 1 < len(self.toks) and \
            _WORDISH.match(self.toks[k + 1].text) is not None

    def _verb_like(self, v: int) -> bool:
        """Whether token v, just after a relative word, reads as its verb ("who attended",
        "that signed", "who support"), not a name or a noun phrase ("that Kenya signed")."""
        word = self.toks[v]
        if is_cap(word) or v in self.tok_mention or not _WORDISH.match(word.text):
            return False
        return word.norm not in _OBJECT_DETERMINERS and word.norm not in \
            _POSSESSIVE_PRONOUNS and word.norm not in _PREPOSITIONS_BEFORE and \
            word.norm not in {"he", "she", "it", "they", "we", "i", "you", "this", "these",
                              "those", "some", "many", "most", "no"}

    def _joined_in(self, i: int, lemma: str, neg: bool, view: Holder) -> list[Holder]:
        """"Moscow has joined Beijing in portraying ...": the one joined holds the view too."""
        toks = self.toks
        if i < 3 or toks[i - 1].norm != "in" or not toks[i].norm.endswith("ing"):
            return []
        np = self._noun_phrase(i - 2)
        if np is None or np[0] < 1 or toks[np[0] - 1].norm not in {"join", "joins", "joined",
                                                                   "joining"}:
            return []
        refs = self._resolve_np(*np)
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return []
        return [self._view(refs, toks[np[0]].start, toks[np[1]].end, lemma, neg, i, i,
                           view.content_start, view.content_end, rule="joined in")]

    def _gapped_as(self, i: int, lemma: str, neg: bool, view: Holder) -> list[Holder]:
        """"a stance Erbil regards as abandonment and Baghdad as respect ...": a second
        holder whose verb is left out, with its own "as"."""
        toks = self.toks
        for k in range(i + 1, len(toks) - 2):
            if toks[k].start < view.content_start or toks[k].end > view.content_end:
                continue
            if toks[k].norm != "and" or k + 1 not in self.tok_mention:
                continue
            b = self._np_end(k + 1)
            if b + 1 < len(toks) and toks[b + 1].norm == "as":
                refs = self._resolve_np(k + 1, b)
                span = self._span(b + 1, objects=True)
                if refs and span:
                    return [self._view(refs, toks[k + 1].start, toks[b].end, lemma, neg, i, i,
                                       *span, rule="gapped as")]
        return []

    def _own_object_after(self, k: int, kind: str) -> bool:
        """Whether an object of the cue's own opens right after it ("that the United States
        condemned the attack"): then a "that" before the cue opens its clause, not a
        relative clause whose object is the gap."""
        if kind not in (OBJ, THAT, THAT_ONLY) or k + 1 >= len(self.toks):
            return False
        nxt = self.toks[k + 1]
        return nxt.norm in _OBJECT_DETERMINERS or nxt.norm in _POSSESSIVE_PRONOUNS or \
            (k + 1) in self.tok_mention

    def _is_noun_form(self, i: int) -> bool:
        """"the warning", "their reading": an -ing form after a determiner is a noun; "the
        proposed elimination", "its stated aim": an -ed form there is an adjective."""
        return self.toks[i].norm.endswith(("ing", "ed")) and i > 0 and \
            self.toks[i - 1].norm in {"the", "a", "an", "this", "its", "their"}

    def _plural_noun(self, i: int, cue_j: int, lemma: str) -> bool:
        """"Those values are ...", "Russian claims have ...": an -s form with an auxiliary
        or modal straight after it is a plural noun, the subject of that verb, unless its
        object stands before it ("what he says are ...", "a plan that Oslo rejects is")."""
        word = self.toks[i].norm
        if i == cue_j and word != lemma and word.endswith("s") and lemma not in \
                BARE_CLAUSE_CUES and i + 1 < len(self.toks) and is_cap(self.toks[i + 1]) \
                and self._norm_at(self._name_end(i + 1) + 1) in _AUX:
            return True  # "Oversight questions Congress could consider": a noun, a relative
        return i == cue_j and word != lemma and word.endswith("s") and \
            self._norm_at(i + 1) in _AUX and not self._object_gap(i) and \
            not self._zero_relative_subject(i)

    def _zero_relative_subject(self, i: int) -> bool:
        """Whether the cue closes a relative clause with no relative word whose gap is the
        subject of its complement ("for reasons the White House says were unrelated", "terms
        Israel thinks are too weak"): a name or pronoun just before the cue, a lower-case
        noun before it."""
        toks = self.toks
        if i < 2:
            return False
        m = self.tok_mention.get(i - 1)
        if m is not None:
            if self.adjective_form(m) or toks[i - 1].end != m.end:
                return False  # "Russian claims are ...": a noun the adjective qualifies
            a = i - 1
            while a > 0 and self.tok_mention.get(a - 1) is m:
                a -= 1
        elif toks[i - 1].norm in {"it", "they", "he", "she", "we"}:
            a = i - 1
        else:
            return False
        if a > 0 and toks[a - 1].norm == "the":
            a -= 1
        if a == 0:
            return False
        noun = toks[a - 1]
        return noun.text.isalpha() and noun.text.islower() and noun.norm not in _NP_STOPS \
            and noun.norm not in _AUX and noun.norm not in _PREPOSITIONS_BEFORE and \
            noun.norm not in _GAP_DETERMINERS and not noun.norm.endswith(("ed", "ing", "ly"))

    def _name_end(self, k: int) -> int:
        """The last token of the name at token k (its mention, else its capitalised run)."""
        m = self.tok_mention.get(k)
        while k + 1 < len(self.toks) and (self.tok_mention.get(k + 1) is m if m is not None
                                          else is_cap(self.toks[k + 1])):
            k += 1
        return k

    def _holds_view(self, i: int, lemma: str, kind: str, subject) -> bool:
        """Whether the subject before a verb cue holds the view (not an act, a noun, a
        passive, the author's forecast or a condition)."""
        refs, h_start, h_end, _ = subject
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return False
        if self._noun_after_name(i, h_start, h_end) or self._noun_of_phrase(i, h_start, h_end):
            return False  # "a White House warning", "Sunni fears of ...": a noun
        group = self._verb_group(i)
        word = self.toks[i].norm
        if group & _BE and word != lemma and not word.endswith("ing"):
            return False  # a passive without its agent: the subject holds no view
        if word == lemma and not group and not self._verb_evidence(i, kind) and \
                self._reads_as_noun(lemma, refs, h_start, h_end):
            return False  # "U.S. support for", "Iran's demand": a noun, not the verb
        if lemma == "say" and self._norm_at(i + 1) in {"nothing", "little"}:
            return False  # "says nothing about missiles": no view is reported
        if group & _MODALS and self._author_frame(i):
            return False  # "we assess that Qatar will reject ...": the author's forecast
        if group & _PREDICTING and not subject[3]:
            return False  # "a distance that Riyadh will read as abandonment": only predicted
            # ("an ally it will not acknowledge" is a refusal, a view held now)
        if "would" in group and not subject[3] and not self._own_intention(i, refs):
            return False  # "Putin argued that North Koreans would accept ...": his forecast
        return not (h_start >= 0 and self._in_condition(h_start))

    def _noun_after_name(self, i: int, h_start: int, h_end: int) -> bool:
        """Whether the cue at token i, straight after its subject's words, is a noun that
        the name or adjective qualifies: an -ing form with no auxiliary ("a formal White
        House warning", "U.S. backing for"), or any form after an actor's adjective ("Sunni
        fears of", "Turkish claims"); "with officials saying that" keeps its verb."""
        toks = self.toks
        if h_start < 0 or i == 0 or toks[i - 1].end != h_end:
            return False
        first = self.token_at(h_start)
        if first is None or first > 0 and toks[first - 1].norm == "with":
            return False
        if toks[i].norm.endswith("ing"):  # "officials warning of a crisis" keeps its verb
            return toks[i - 1].norm not in _GROUP_NOUNS and (
                is_cap(toks[i - 1]) or i - 1 in self.tok_mention)
        m = self.tok_mention.get(i - 1)
        if m is None:  # "the Baltic states that ...": an adjective the gazetteer lacks
            return first == i - 2 and toks[first].norm == "the" and is_cap(toks[i - 1]) and \
                toks[i - 1].norm.endswith(_ADJECTIVE_ENDS) and toks[i].norm.endswith("s")
        return m.start == h_start and m.end == h_end and self.adjective_form(m)

    def _noun_of_phrase(self, i: int, h_start: int, h_end: int) -> bool:
        """Whether the cue straight after its subject's words is the head noun of their
        phrase: after an article and an actor's adjective ("a Kurdish state is unlikely"), or
        after a number and a name ("the ten ASEAN states"), as no subject stands so."""
        toks = self.toks
        if h_start < 0 or i == 0 or toks[i - 1].end != h_end:
            return False
        m = self.tok_mention.get(i - 1)
        first = self.token_at(m.start) if m is not None and m.end == h_end else None
        if not first:
            return False
        before = toks[first - 1].norm
        if before in {"a", "an"}:
            return self.adjective_form(m)
        counted = before in _NUMBER_WORDS or before[:1].isdigit() and first >= 2 and \
            toks[first - 2].norm == "the"  # "the 27 EU states", not "On July 23 Ankara"
        return counted and not toks[i - 1].norm.endswith("s")

    def _own_intention(self, i: int, refs) -> bool:
        """Whether a cue under "would" is what its holder says of itself ("Abadi has said he
        would welcome ..."): it lies inside a claim of the same holder. Otherwise "would"
        gives a view only as the author's or another holder's forecast."""
        start = self.toks[i].start
        actors = {r.actor for r in refs}
        return any(c.content_start <= start < c.content_end and
                   set(c.holder.split("|")) == actors for c in self.claims)

    def _reads_as_noun(self, lemma: str, refs, h_start: int, h_end: int) -> bool:
        """A bare cue after one actor's name reads as a noun ("U.S. support"), unless the
        name is plural ("officials", "Republicans", "X and Y") or a plural pronoun."""
        h_words = self.text[h_start:h_end].lower() if h_start >= 0 else ""
        return (lemma not in {"read", "cast"} and len(refs) == 1
                and refs[0].kind in ("entity", "person") and not self._pronoun_subject(h_start)
                and " and " not in h_words and not h_words.endswith(("s", "men", "people")))

    def _verb_evidence(self, i: int, kind: str) -> bool:
        """Whether what follows the cue marks it a verb: "that" after a verb of saying, or
        "as" after a verb of regarding ("the Taliban describe the decision as ...")."""
        if kind in (THAT, THAT_ONLY):
            return self._norm_at(i + 1) == "that"
        return kind == AS and any(t.norm == "as" for t in self.toks[i + 1:i + 31])

    def _verb_group(self, i: int) -> set:
        """The auxiliaries and modals just before the cue ("to" for an infinitive)."""
        out = set()
        k = i - 1
        if k >= 0 and self.toks[k].norm == "to":
            return {"to"}
        while k >= 0:
            nrm = self.toks[k].norm
            if nrm == "," and self._aside_after_aux(k) is not None:
                k = self._aside_after_aux(k)  # "does, however, value"
                continue
            if nrm == "far" and k > 0 and self.toks[k - 1].norm in {"so", "thus"}:
                k -= 2  # "has so far declined"
                continue
            if not (nrm in _AUX or nrm in _NEG or is_adverb(nrm) or nrm == "longer"):
                break
            out.add(nrm)
            k -= 1
        return out

    def _pronoun_subject(self, h_start: int) -> bool:
        return any(t.start == h_start and t.norm in {"they", "we", "i", "you"} for t in self.toks)

    def _author_frame(self, i: int) -> bool:
        """Whether the author frames the clause of the cue ("We assess that ...", "likely")."""
        head = self.text[:self.toks[i].start]
        return find_analytic(head, words_of(head)) is not None or bool(find_estimative_terms(head))

    def _in_condition(self, h_start: int) -> bool:
        """Whether the holder opens a conditional clause ("if Russia accepts ...", "once the
        agency confirms ...": a view only expected, not held)."""
        before = [t for t in self.toks if t.end <= h_start][-2:]
        return any(t.norm in {"if", "unless", "once"} for t in before)

    def _gap_content(self, i: int, cue_j: int):
        """Content of an object-gap relative ("a step that Berlin and Paris oppose",
        "which the Pentagon protested"): the phrase before the relative word."""
        toks = self.toks
        nxt = toks[cue_j + 1] if cue_j + 1 < len(toks) else None
        if nxt is not None and nxt.text in {"$", "€", "£", "["}:
            return None  # "expects to see $3 billion", "believes [they] offer": an object
        zero = self._zero_relative(i)
        adjunct = zero or self._object_gap(i, {"which", "whom", "what"})  # "it expects from"
        if nxt is not None and _WORDISH.match(nxt.text) and nxt.norm not in {"and", "but", "or"} \
                and not (nxt.norm in {"to", "on"} and self._object_gap(i, {"which", "whom"})) \
                and not (nxt.norm in _AUX and self._object_gap(i, {"which", "whom", "that"})) \
                and not (nxt.norm in _GAP_ADJUNCTS and (adjunct or self._noun_that_gap(i))):
            return None  # "which officials attribute to Kurdish militants" has its gap
        if nxt is not None and _WORDISH.match(nxt.text) and toks[i].norm.endswith("ing"):
            return None  # "by proposing and providing": a participle has no gap
        if zero and not self.text[:zero[0]].rstrip().endswith(","):
            return zero  # after a comma the noun sums up the clause before: read on
        k = i - 1
        while k >= 0 and (toks[k].norm in _AUX or toks[k].norm in _NEG or is_adverb(toks[k].norm)):
            k -= 1
        first = k
        # skip the holder phrase back to the relative word or the antecedent noun
        while k >= 0 and toks[k].norm not in {"that", "which", "what", "whom"} and \
                toks[k].text not in {",", ";", "—", "–"}:
            k -= 1
        if k > 0 and k != first and toks[k].norm == "what" and \
                toks[k - 1].norm in _FREE_RELATIVE_BEFORE:
            return toks[k].start, toks[k].end  # "got most of what it wanted", "proof of what
            # it has long claimed": the free relative is the object
        if k <= 0 or k == first or toks[k].norm == "what":
            return None  # no holder between ("how to support, reject, or modify the plan")
        if toks[k].text in _CLAUSE_BREAKS and any(
                t.norm in _OTHER_RELATIVES for t in toks[k + 1:i]):
            return None  # "..., where Vietnam also has claims", "..., who told him he saw
            # no point in replying": another clause's word, no gap of the cue
        if toks[k].norm == "that" and not zero and self._complementizer_that(k):
            return None  # "that" after a verb opens its clause: "does not deny that its
            # advisers are present", "said that Russia reserved the right to respond"
        end_tok = k - 1 if toks[k].norm in {"that", "which", "whom"} else k
        if toks[end_tok].text == ",":
            end_tok -= 1
        start_tok = end_tok
        while start_tok > 0 and toks[start_tok - 1].text not in {",", ";", ":", "—", "–"}:
            start_tok -= 1
        if end_tok < 0:
            return None
        return toks[start_tok].start, toks[end_tok].end

    def _noun_that_gap(self, i: int) -> bool:
        """Whether the cue closes a relative clause opened by "that" after a noun ("a remark
        that Paris disputed at the time"), not a "that" after a verb ("said that ...")."""
        toks = self.toks
        for k in range(i - 1, max(0, i - 13), -1):
            if toks[k].text in {",", ";", "—", "–", "("}:
                return False
            if toks[k].norm == "that":
                noun = toks[k - 1]
                named = k >= 2 and toks[k - 2].norm in _GAP_DETERMINERS  # "a remark that"
                return noun.text.isalpha() and noun.text.islower() and \
                    (named or noun.norm not in CUE_WORDS) and noun.norm not in _AUX and \
                    noun.norm not in _NP_STOPS and noun.norm not in _THAT_NOT_AFTER_NOUN and \
                    not noun.norm.endswith(("ed", "ly", "ing"))
        return False

    def _zero_relative(self, i: int):
        """A relative clause with no relative word ("the benefits Iran expects from ...", "a
        charge the Alliance rejects", "the apology it had demanded"): the span of the noun
        phrase it follows (a determiner, then at most two more words ending in a lower-case
        noun), whose object the cue's gap is; else None."""
        toks = self.toks
        k = i - 1
        while k >= 0 and (toks[k].norm in _AUX or toks[k].norm in _NEG or is_adverb(toks[k].norm)):
            k -= 1
        np = self._noun_phrase(k) if k >= 0 else None
        if np is None or np[0] < 2:
            return None
        e = np[0] - 1
        head = toks[e]
        if not head.text.isalpha() or not head.text.islower() or head.norm in _NP_STOPS or \
                head.norm in _AUX or head.norm in VERB_CUES and not (
                    e >= 1 and toks[e - 1].norm in _GAP_DETERMINERS) or \
                head.norm in _GAP_DETERMINERS or \
                head.norm in _PREPOSITIONS_BEFORE or head.norm.endswith(("ed", "ing", "ly")):
            return None
        a = e
        while a > 0 and e - a < 2 and toks[a - 1].norm not in _GAP_DETERMINERS and (
                toks[a - 1].text.isalpha() and toks[a - 1].text.islower()
                or toks[a - 1].text[:1].isdigit() or toks[a - 1].text in {"$", "€", "£"}):
            a -= 1
        if a == 0 or toks[a - 1].norm not in _GAP_DETERMINERS:
            return None
        return toks[a - 1].start, head.end

    def _split_thats(self, c_start: int, c_end: int):
        """Coordinated that-clauses ("replied that A, that B, and that C") as one span each."""
        toks = self.toks
        spans, start = [], c_start
        between = False  # a "that" since the last split: a relative ("a claim that ...")
        for k, tok in enumerate(toks):
            if tok.start <= c_start or tok.end > c_end or tok.norm != "that":
                continue
            if between:
                continue  # "a claim that is wrong and that X rejects": relatives, one clause
            if toks[k - 1].norm != "and" and toks[k - 1].text != ",":
                between = True
                continue
            if toks[k - 1].norm == "and" or toks[k - 1].text == ",":
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
        agent = self._passive_agent(i, cue_j, lemma, kind)
        if agent is None:
            return None
        j = self._np_end(agent)
        np = self._noun_phrase(j)
        if np is None or np[0] < agent:
            return None
        refs = self._resolve_np(agent, j)
        if not refs:
            return None
        span = self._passive_subject(i)
        if kind == AS and agent not in self.tok_mention and self._norm_at(j + 1) != "as" \
                and lemma != "designate":  # "groups designated by the UN": a listing
            return None  # "the plan, presented by the crown prince, would ...": an act
        if kind == AS and (lemma != "designate" or self._norm_at(j + 1) == "as"):
            span = self._span(j + 1) or span  # else what was designated stands before
        elif kind in (THAT, THAT_ONLY):  # "was warned by X that ..." / "... to leave"
            nxt = self._norm_at(j + 1)
            span = self._span(j + 2 if nxt == "that" else j + 1) if nxt in {"that", "to"} \
                else None
        if span is None:
            return None
        return [self._view(refs, self.toks[agent].start, self.toks[j].end, lemma, False, i,
                           cue_j, *span, rule="passive by/in")], refs

    def _proposed_in(self, i: int, lemma: str):
        """"..., as proposed in the President's FY2027 budget request": a proposal whose
        document is named after "in" is its issuer's (real-text conventions: proposals count,
        a document resolves to its issuer); the content is the phrase before "as"."""
        toks = self.toks
        if lemma not in _PROPOSING or i < 2 or toks[i - 1].norm != "as" or \
                self._norm_at(i + 1) != "in" or not toks[i].norm.endswith("ed"):
            return None
        e = i + 2
        while e + 1 < len(toks) and _WORDISH.match(toks[e + 1].text):
            e += 1
        voice = self._voice_of(e) if e < len(toks) else None
        if voice is None or not voice[0] or any(r.kind in ("author", "speaker")
                                                for r in voice[0]):
            return None
        b = i - 3 if toks[i - 2].text == "," else i - 2
        a = b
        while a > 0 and toks[a - 1].text not in _CLAUSE_BREAKS:
            a -= 1
        if b < 0 or a > b:
            return None
        refs, h_start, h_end = voice
        return [self._view(refs, h_start, h_end, lemma, False, i, i, toks[a].start,
                           toks[b].end, rule="passive by/in")], refs

    def _by_agent_after(self, i: int, cue_j: int) -> int | None:
        """Index of "by" after a past participle cue and a short phrase of time ("declared
        in January by defectors", "announced last week by the ministry"), or None."""
        toks = self.toks
        word = toks[i].norm
        if not word.endswith(("ed", "en")) or word in _AUX:
            return None
        k = cue_j + 1
        if k >= len(toks) or toks[k].norm not in {"in", "on", "at", "last", "earlier"}:
            return None
        for j in range(k + 1, min(len(toks), k + 5)):
            if toks[j].norm == "by":
                return j
            if not _WORDISH.match(toks[j].text) or toks[j].norm in _NP_STOPS:
                return None
        return None

    def _passive_agent(self, i: int, cue_j: int, lemma: str, kind: str) -> int | None:
        """The first token of a passive cue's agent ("by Washington", "read in Islamabad as")."""
        toks = self.toks
        word = toks[i].norm
        if lemma not in PASSIVE_CUES or word.endswith(("s", "ing")) and word != "seen":
            return None
        if word == lemma and word not in {"read", "cast"}:
            return None
        k = cue_j + 1
        if k + 1 >= len(toks):
            return None
        if toks[k].norm != "by" and not (toks[k].norm == "in" and kind == AS):
            k = self._by_agent_after(i, cue_j) or k  # "rejected on Monday by Kenya"
        if k + 1 >= len(toks):
            return None
        by = toks[k].norm == "by" or toks[k].norm == "in" and kind == AS
        if not by:
            return None
        if (k + 1) in self.tok_mention:
            return k + 1
        if toks[k].norm == "by" and toks[k + 1].norm == "the" and k + 2 < len(toks) and (
                k + 2 in self.tok_mention or is_cap(toks[k + 2])):
            return k + 1  # "rejected by the Kremlin", "requested by the Administration"
        # "contested by senior commanders", "warned by radio operators": a group noun's
        # phrase is an agent too; a place after "in" is not
        head = self._np_end(k + 1)
        return k + 1 if toks[k].norm == "by" and toks[head].norm in _GROUP_NOUNS else None

    def _passive_subject(self, i: int) -> tuple[int, int] | None:
        """The subject before a passive cue's verb group, from its clause's start."""
        toks = self.toks
        b = i - 1
        while b >= 0 and (toks[b].norm in _AUX or is_adverb(toks[b].norm) or toks[b].text == ","
                          or toks[b].norm in _NEG):
            b -= 1
        if b < 0:
            return None  # "Opposed by Washington, the plan ...": the subject comes after
        a = b
        while a > 0 and toks[a - 1].text not in {";", ":"} and not (
                toks[a - 1].text == "," and a - 2 >= 0 and toks[a - 2].norm in VERB_CUES):
            a -= 1
        return toks[a].start, toks[b].end

    def _view(self, refs, h_start, h_end, lemma, neg, cue_i, cue_j, c_start, c_end, *,
              rule: str = "") -> Holder:
        """A Holder from its parts; ``neg``: the cue is negated in the text; ``rule``: the
        family of the rule that found it (internal, for the evaluation's breakdown)."""
        for start, end in self._date_spans:  # "would resume in June": the date's words
            if c_start < c_end <= start and not self.text[c_end:start].strip():
                c_end = end
        content = self.text[c_start:c_end]
        denial = lemma in DENIAL_CUES
        if lemma in {"question", "doubt"}:  # not denials (the scheme), but hold it unlikely
            rejects = not neg and not _opens_with(content, ("why", "how", "what"))
        else:
            rejects = neg != denial
        holder = "|".join(dict.fromkeys(r.actor for r in refs))
        country = "|".join(c for c in dict.fromkeys(r.country for r in refs) if c)
        h_text = self.text[h_start:h_end] if h_start >= 0 else ""
        return Holder(holder, country, h_text, lemma, bool(neg or denial), content, c_start,
                      c_end, h_start, h_end, self.toks[cue_i].start, self.toks[cue_j].end,
                      bool(rejects), tuple(refs), rule)

    # -- complements: where the content starts and ends --

    def _complement(self, i: int, lemma: str, kind: str):
        """(start, end) of what the cue at token i governs, or None (``_route`` names the
        branch that found it, for the evaluation's breakdown)."""
        toks = self.toks
        self._route = "object"
        if i + 1 >= len(toks) or not _WORDISH.match(toks[i + 1].text) and \
                toks[i + 1].text not in "“\"‘'$" and not (
                    kind in (THAT, THAT_ONLY, OBJ) and self._that_after_aside(i + 1)):
            return None  # nothing after the cue, or punctuation: "as Russia seeks,"
        if lemma == "tell" and toks[i + 1].norm not in _NP_STOPS and \
                self._find_complementizer(i + 1) is None and self._to_act_after(i + 1):
            self._route = "to-verb"  # "told its staff to suspend dealings", "told the United
            return self._span(i + 1, objects=True)  # States to reduce": a directive (case 4)
        if kind in (THAT, THAT_ONLY):
            return self._that_clause(i, lemma, kind)
        if kind == AS:
            return self._as_complement(i, lemma)
        if kind == OBJ:
            return self._object(i, lemma)
        if lemma == "hold" and toks[i + 1].norm == "that" and i + 2 < len(toks) and (
                self._looks_like_clause(i + 2) or any(
                    t.norm in _AUX for t in toks[i + 3:i + 8])) and \
                toks[i + 2].norm not in _TIME_AFTER_THAT:
            self._route = "complementizer"  # "the court held that the statute ...": a
            return self._span(i + 2)  # holding, a court's view (case of court decisions)
        if lemma == "hold":  # "the group they hold responsible for the attack"
            end = min(self._clause_end(i + 1, objects=True), i + 8)
            held = any(t.norm in {"responsible", "accountable", "liable"}
                       for t in toks[i + 1:end])
            return self._span(i + 1, objects=True) if held else None
        if toks[i + 1].norm in {"for", "on", "upon"}:  # CALL
            return self._span(i + 1, objects=True)
        return self._call_naming(i)

    def _that_clause(self, i: int, lemma: str, kind: str):
        """A clause after a verb of saying or believing, opened by "that"/"whether" or bare."""
        nxt = self.toks[i + 1].norm
        if lemma == "vote":  # "voted for/against" a stance; "voted on whether to": an act
            self._route = "bare complement"
            return self._that_only_bare(i, lemma, nxt)
        if lemma in _INTENT_TO and self._norm_at(i + 1) in {"to", "not", "never"}:
            self._route = "bare complement"  # "agreed to accept limits, that ...": the act
            return self._that_only_bare(i, lemma, nxt)
        k = self._find_complementizer(i + 1)
        self._route = "complementizer"
        if k is not None:
            return self._span(k + 1)
        self._route = "what-gap"
        if kind == THAT and self._object_gap(i):
            return self._span(i + 1)  # "what he says are U.S. attempts"
        if kind == THAT_ONLY:
            self._route = "bare complement"
            return self._that_only_bare(i, lemma, nxt)
        self._route = "bare clause"
        if nxt in {"in", "on", "at"} and lemma in BARE_CLAUSE_CUES and not (
                lemma == "report" and nxt == "on" and self._norm_at(i + 2) in _OBJECT_OPENERS):
            return self._span(i + 1)  # "announced in Beijing on October 20 his separation"
            # ("report on the region's processes": a topic reported on, no view)
        if nxt in _PARTICLES_AFTER_CUE:
            self._route = "of/on/for"
            if lemma in _CUES_WITH_OF and nxt in {"of", "for", "on", "against"}:
                return self._span(i + 2)  # "warned of a crisis", "insisted on talks"
            return None
        if nxt == "to" and lemma not in _CUES_WITH_TO:
            return None
        if nxt == "to":
            self._route = "to-infinitive"
        if lemma == "tell":
            return None  # "told allies" without "that" reports no clause we can see
        if lemma == "report" and not (self._looks_like_clause(i + 1) or
                                      self._norm_at(i + 1).endswith("ing")):
            return None  # "regularly reported three balances": figures published, no view
        if lemma in BARE_CLAUSE_CUES or self._looks_like_clause(i + 1):
            return self._span(i + 1)
        return None

    def _that_only_bare(self, i: int, lemma: str, nxt: str):
        """The few bare complements of a that-only cue: "cautioned against", "vowed to"."""
        if lemma == "caution" and nxt in {"against", "of"}:
            return self._span(i + 1)
        if lemma == "apologize" and nxt in {"to", "for"}:
            return self._span(i + 1)  # "apologized to the charity", "apologised for the raid"
        if (lemma, nxt) in {("speak", "of"), ("speak", "about"), ("vote", "for"),
                            ("vote", "against"), ("point", "to")}:
            return self._span(i + 2)  # "speaks of joint operations", "they point to ..."
        if lemma in _INTENT_TO:
            k = self._act_after(i + 1, lemma)  # "vowed in a June 7 speech to liberate ..."
            if k is not None:
                return self._span(k)
        if lemma == "agree" and nxt == "on":
            return self._span(i + 2)  # "agreed on closer enforcement", "do not agree on who"
        if lemma == "vote" and nxt == "in" and self._norm_at(i + 2) in {"favor", "favour"} \
                and self._norm_at(i + 3) == "of":
            return self._span(i + 4)  # "voted in favor of the project"
        if nxt == "to":
            return None
        if lemma in _BARE_STATING and self._pronoun_clause(i + 1):
            return self._span(i + 1)  # "stated it disputes ...", "indicating it was ending"
        if lemma == "accept" and nxt not in _NP_STOPS:
            return self._span(i + 1)
        if lemma == "threaten" and self._endangered(i + 1):
            return None  # "threatens regional security", "threatens its neighbours": a danger
        if lemma in _OBJECT_CUES and (nxt in _OBJECT_DETERMINERS or nxt not in _NP_STOPS
                                      and nxt not in _PREPOSITIONS_BEFORE):
            return self._span(i + 1, objects=True)  # "confirmed the purchase"
        if lemma in _DOCUMENT_OBJECT_CUES and (nxt in _OBJECT_DETERMINERS or nxt not in
                                               _NP_STOPS and nxt not in _PREPOSITIONS_BEFORE) \
                and self._document_speaks(i):
            return self._span(i + 1, objects=True)  # "MTA's report indicates a reduced ..."
        return None

    def _pronoun_clause(self, k: int) -> bool:
        """Whether a clause opens at token k with a pronoun as its subject and its verb next
        ("it was ending", "they do not", "its models are used"), a quotation mark allowed
        before the verb ("stated it \"disputes being the cause ...\"")."""
        toks, word = self.toks, self._norm_at(k)
        if word in {"it", "they", "he", "she", "we"}:
            verb = self._norm_at(k + 2 if self._norm_at(k + 1) in _OPENING_QUOTES else k + 1)
            return verb in _AUX or verb in _NEG or verb.endswith(("ed", "es"))
        return word in {"its", "their", "his", "her"} and any(
            t.norm in _AUX for t in toks[k + 2:k + 4]) and _WORDISH.match(self._norm_at(k + 1))

    def _endangered(self, k: int) -> bool:
        """Whether the object from token k is what a threat endangers (an actor, a
        possession, security, lives ...), not the act threatened ("threatened reprisals")."""
        toks = self.toks
        if k >= len(toks) or k in self.tok_mention or toks[k].norm in _POSSESSIVE_PRONOUNS \
                or toks[k].norm == "our":
            return True
        return any(t.norm in _ENDANGERED for t in toks[k:k + 4])

    def _to_after_phrase(self, k: int) -> int | None:
        """Index of "to" + verb after a short phrase of time or place from token k ("in a
        June 7 speech to ..."), or None: a comma, a clause word or a second "to" ends it."""
        toks = self.toks
        if k + 1 < len(toks) and toks[k].norm in _PREPOSITIONS_BEFORE and \
                toks[k + 1].norm.endswith("ing") and toks[k + 1].text.islower():
            return None  # "decision without addressing X to trade": a gerund's own "to"
        for j in range(k + 1, min(len(toks) - 1, k + 8)):
            if toks[j].norm == "to":
                return j if self._verb_after_to(j + 1) else None
            if not _WORDISH.match(toks[j].text) or toks[j].norm in {"that", "and", "but", "or"}:
                return None
        return None

    def _verb_after_to(self, k: int) -> bool:
        """Whether token k, after "to", can open an act: a lower-case word, no determiner,
        number or preposition ("to field", not "to the base", "to 3 percent")."""
        if k >= len(self.toks):
            return False
        nxt = self.toks[k]
        if nxt.norm.endswith("s") and not nxt.norm.endswith(("ss", "us", "is")) or \
                nxt.norm in _NP_ADJECTIVES or _adjective_shaped(nxt.norm):
            return False  # "agreed to talks", "agreed to tougher sanctions": no act
        return nxt.norm not in _NP_STOPS and not is_cap(nxt) and not nxt.norm[:1].isdigit() \
            and nxt.norm not in _OBJECT_DETERMINERS and nxt.norm not in _POSSESSIVE_PRONOUNS \
            and _WORDISH.match(nxt.text) is not None

    def _act_after(self, k: int, lemma: str = "") -> int | None:
        """Where the act after a cue of commitment, decision or refusal starts, its "to" at
        or after token k ("to extend", "not to renew", "unanimously to", "60-38 to", "on
        July 23 to", "itself to defend"), or None."""
        toks, n = self.toks, len(self.toks)
        if k < n and (is_adverb(toks[k].norm) or toks[k].norm in _REFLEXIVES or
                      lemma == "vote" and any(ch.isdigit() for ch in toks[k].norm)):
            k += 1
        start = k
        if self._norm_at(k) in {"not", "never"}:
            k += 1
        if self._norm_at(k) == "to":
            return start if self._verb_after_to(k + 1) else None
        if k == start and (self._norm_at(k) in _PREPOSITIONS_BEFORE or
                           self._norm_at(k) in _TIME_OPENERS or self._norm_at(k) in _CALENDAR):
            to = self._to_after_phrase(k)  # "on July 23 to", "last year not to"
            if to is not None and self._norm_at(to - 1) in {"not", "never"}:
                return to - 1
            return to
        return None

    def _act_span(self, k: int):
        """The span of a noun cue's act from token k ("decision to open the base"), cut
        before the verb of the clause the noun phrase is subject of ("Ankara's decision to
        open the base has warmed ties", "... shortens the route"): an auxiliary, or a
        lower-case -s/-ed word followed by an article, a possessive or a name."""
        span = self._span(k)
        if span is None:
            return None
        toks = self.toks
        to = k if toks[k].norm == "to" else k + 1
        j = to + 2
        while j < len(toks) - 1 and toks[j].end <= span[1]:
            t, nxt = toks[j], toks[j + 1]
            if t.norm in _INNER_CLAUSE:
                break  # "to persuade allies that it is ...": the clause's own verbs follow
            if t.norm in _AUX or not is_cap(t) and t.norm.endswith(("s", "ed")) and (
                    nxt.norm in _ARTICLE_WORDS or nxt.norm in _POSSESSIVE_PRONOUNS or
                    is_cap(nxt)):
                return span[0], toks[j - 1].end
            j += 1
        return span

    def _as_complement(self, i: int, lemma: str):
        """"sees X as Y", "regards whether ...", "considers Russia a threat"."""
        toks = self.toks
        if lemma == "refer":  # "refers to X as Y", "what it refers to as Y" (case 10)
            if self._norm_at(i + 1) != "to" or i + 2 >= len(toks):
                return None
            i += 1
        if lemma == "take" and toks[i + 1].norm not in _OBJECT_OPENERS:
            return None  # "took the phrase as a retreat", not "took office as president"
        if lemma in {"name", "designate"} and self._appointment(i):
            return None  # "named Ruiz as its new chief": an act, no view
        if lemma == "designate" and any(t.norm in _MONEY_WORDS or t.text == "$"
                                        for t in toks[i + 1:i + 5]):
            return None  # "designates this funding as ...": a name given to funds, an act
        if lemma in {"designate", "list"} and (is_adverb(toks[i + 1].norm) or toks[i + 1].norm
                                               in {"here", "there", "below", "above"}):
            return None  # "the figures listed here", "funding designated specifically for"
        if toks[i + 1].norm in {"that", "whether"}:
            return self._span(i + 2, objects=True)
        end = self._clause_end(i + 1, objects=True)
        if lemma in {"treat", "consider"} and any(
                t.norm == "separately" for t in toks[i + 2:min(end, i + 8)]):
            return None  # "treats Hong Kong separately from mainland China", "consider DM
            # separately from other maintenance": handled or weighed apart, an act
        if self._as_after_aside(i, end):
            return self._span(i + 1, objects=True)  # "regard Plan Colombia, under which
            # Congress has provided $10 billion, as one of the most successful ..."
        for k in range(i + 1, min(end, i + 31)):
            if toks[k].norm == "as":
                return self._span(i + 1, objects=True)
            if toks[k].norm in {"that", "which", "who"} and not self._subject_relative(k):
                break
        if lemma == "designate" and toks[i + 1].norm not in _NP_STOPS:
            return self._span(i + 1, objects=True)  # "designated it a terrorist group",
            # "designated 25 firms" (case 5)
        if lemma == "consider" and i + 3 < len(toks) and toks[i + 3].norm == "of" and \
                toks[i + 1].norm in {"the", "a", "an", "its", "their"}:
            return None  # "has considered the implications of ...": weighing, not a view
        if lemma == "describe" and toks[i].norm != "describing" and \
                toks[i + 1].norm not in _NP_STOPS - _OBJECT_DETERMINERS and \
                not self._object_gap(i):
            self._route = "account"  # "Erdogan described a premeditated murder", "Cuban
            return self._span(i + 1, objects=True)  # officials describe the rules": an
            # account given, a view; held only by a named actor (see _verb_cue)
        if lemma == "consider" and self._weighed_object(i + 1):
            return None  # "as it considers the request.", "would not consider it during the
            # session": a thing weighed, with nothing said of it, is deliberation, no view
        if lemma == "consider" and self._looks_like_clause(i + 1):
            return self._span(i + 1, objects=True)
        if lemma != "take" and self._manner_after(i + 1, end):
            return self._span(i + 1, objects=True)  # "Tehran sees things differently"
        if lemma == "see" and toks[i].norm in {"sees", "see"} and self._seen_stake(i + 1):
            return self._span(i + 1, objects=True)  # "Damascus sees opportunity"
        return None

    def _weighed_object(self, k: int) -> bool:
        """Whether the object of "consider" from token k is a plain noun phrase with nothing
        said of it: the clause ends after it, or a comma, a time or place follows."""
        toks = self.toks
        if k >= len(toks):
            return False
        if toks[k].norm in {"it", "them", "this"}:
            e = k
        elif toks[k].norm in _WEIGHED_DETERMINERS:
            e = k + 1  # "the request", "the Countering Iran's Destabilizing Activities Act"
            while e + 1 < len(toks) and _WORDISH.match(toks[e + 1].text) and \
                    toks[e + 1].norm not in _NP_STOPS | _WEIGHED_ADJUNCTS:
                e += 1
            if e >= len(toks) or toks[e].norm.endswith(_PREDICATE_ENDINGS):
                return False  # "considers the law unconstitutional": said of the object
        else:
            return False
        if e + 1 < len(toks) and toks[e + 1].text == ",":
            return self._norm_at(e + 2) not in _WEIGHED_DETERMINERS and not is_cap(
                toks[e + 2]) if e + 2 < len(toks) else True  # not "its arm, the PYD, to be"
        return e + 1 >= len(toks) or toks[e + 1].text in _CLAUSE_BREAKS | {"."} or \
            self._norm_at(e + 1) in _WEIGHED_ADJUNCTS

    def _as_after_aside(self, i: int, end: int) -> bool:
        """Whether the object of a cue at token i ends at a comma that opens a relative aside
        (", under which ...,", ", which ...,"), and "as" follows the aside's closing comma."""
        toks = self.toks
        comma = next((c for c in range(i + 2, min(end + 1, len(toks), i + 11)) if toks[c].text in
                      _CLAUSE_BREAKS or toks[c].norm in {"that", "which", "who"}), None)
        if comma is None or toks[comma].text != ",":
            return False
        k = comma + 1
        if self._norm_at(k) in _PREPOSITIONS_BEFORE:
            k += 1
        if self._norm_at(k) not in {"which", "whom", "who", "whose"}:
            return False
        close = next((c for c in range(k + 1, min(len(toks), k + 30))
                      if toks[c].text in _CLAUSE_BREAKS), None)
        return close is not None and toks[close].text == "," and self._norm_at(close + 1) == "as"

    def _seen_stake(self, k: int) -> bool:
        """Whether what "sees" / "see" (present) takes at token k is a stake or a judgment
        seen, not a thing watched: "no reason to ...", "a weaker consensus", "opportunity
        rather than loss", "in the decision proof of ..."; not a thing and a bare verb
        ("sees its exports fall") nor an object of sight ("the ships")."""
        toks = self.toks
        if k >= len(toks) or k >= 2 and toks[k - 2].norm in {
                "to", "will", "would", "could", "may", "might", "can", "should", "must"}:
            return False
        t = toks[k]
        if t.norm in {"no", "little", "few", "a", "an", "in"}:
            return True
        return t.text.isalpha() and t.text.islower() and t.norm not in _NP_STOPS and \
            not t.norm.endswith(("ly", "ing", "s")) and self._norm_at(k + 1) in {
                "rather", "in", "for", "of", "and", "but", ".", ","} and \
            t.norm not in _OBJECT_DETERMINERS

    def _appointment(self, i: int) -> bool:
        """Whether "as" after the cue at token i opens an office ("as its new leader",
        "as deputy"): naming someone to a post is an act, not a view of them."""
        toks = self.toks
        end = min(self._clause_end(i + 1, objects=True), i + 12)
        k = next((k for k in range(i + 2, end) if toks[k].norm == "as"), None)
        if k is None:
            return False
        for j in range(k + 1, min(end, k + 5)):
            nrm = toks[j].norm
            if nrm in _OFFICES:
                return True
            if nrm not in _OFFICE_MODIFIERS:
                return False
        return False

    def _subject_relative(self, k: int) -> bool:
        """Whether "that"/"which" at token k opens a relative clause with no subject of its
        own ("the provision that transfers ..."), so the object goes on after it."""
        nxt = self._norm_at(k + 1)
        return k + 1 < len(self.toks) and not is_cap(self.toks[k + 1]) and \
            nxt not in _CLAUSE_OPENERS and nxt not in _NP_STOPS and _WORDISH.match(nxt) is not None

    def _manner_after(self, k: int, end: int) -> bool:
        """A word of manner in the object's clause ("sees things differently", "read the
        events with alarm"): a view of the object without "as"."""
        toks = self.toks
        for j in range(k + 1, min(end, k + 12)):
            if toks[j].norm in _MANNER_WORDS and (self._norm_at(j + 1) != "of" or
                                                  toks[j].norm not in {"light", "terms"}):
                return True  # "in a new light", "through the lens of", not "in light of"
            if toks[j].norm == "with" and j + 1 < end and toks[j + 1].norm in _ATTITUDE_NOUNS:
                return True
            if toks[j].norm == "through" and j + 1 < end and (
                    toks[j + 1].norm in _POSSESSIVE_PRONOUNS or toks[j + 1].norm in {"a", "an"}
                    and _FRAME_NOUNS & {t.norm for t in toks[j + 2:min(end, j + 5)]}):
                return True  # "read the episode through their own concerns", "through a
                # different history"
        return False

    def _object(self, i: int, lemma: str):
        """The object of a cue of attitude ("rejects the argument", "accused Iran of")."""
        nxt = self.toks[i + 1].norm
        if nxt == "as" and self._object_gap(i):
            return self._span(i + 1, objects=True)  # "which Riyadh dismisses as an attempt"
        if nxt in _AUX and self._object_gap(i, {"which", "whom", "that"}):
            return None  # "a plan that Oslo rejects is ...": the object is the gap before
        if lemma in {"ask", "press"}:
            return self._request(i, lemma, nxt)
        if lemma == "order" and nxt in {"reported", "printed"}:
            return None  # "the committee ordered reported a bill": a step of procedure
        if lemma == "vacate" and (self._norm_at(i - 1) == "to" or _LEFT_PLACES & {
                t.norm for t in self.toks[i + 1:i + 4]}):
            return None  # "the court vacated the rule": a ruling; "his intention to vacate
            # his seat", "vacated the building": leaving a place, an act
        if lemma == "charge":  # only "charges X with Y", an accusation; not "charged fees"
            end = min(self._clause_end(i + 1, objects=True), i + 10)
            with_at = next((k for k in range(i + 2, end) if self.toks[k].norm == "with"), None)
            return self._span(i + 1, objects=True) if with_at is not None and \
                self.toks[i + 1].norm not in _NP_STOPS - _OBJECT_DETERMINERS else None
        if lemma == "encourage":  # an appeal only with its act: "encouraged NASA to use"
            return self._span(i + 1, objects=True) if self._to_act_after(i + 1) else None
        if lemma == "object":
            return self._span(i + 2, objects=True) if nxt in {"to", "that"} else None
        if nxt in {"that", "whether", "why", "how"}:
            self._route = "clause"
            return self._span(i + 2 if nxt == "that" else i + 1, objects=True)
        aside = self._that_after_aside(i + 1) if nxt == "," else None
        if aside is not None:  # "point out, fairly, that ...": an aside before the clause
            self._route = "clause"
            return self._span(aside + 1, objects=True)
        if lemma in {"refuse", "decline"}:  # a refusal to act (case 2), its act stated
            k = self._act_after(i + 1)
            if k is None or self._norm_at(k + 1 if self._norm_at(k) == "to" else k + 2) \
                    in _NO_ACT:
                return None  # "declined to comment", "refused a base", "exports declined"
            self._route = "to-verb"
            return self._span(k, objects=True)
        if lemma == "work":  # "is working to field", "working with X to", "working toward"
            if self._norm_at(i - 1) == "to":
                return None  # "a contract allowing the Army to work with ...": not its aim
            k = i + 1 if nxt in {"toward", "towards"} else self._act_after(i + 1)
            if k is None:
                return None
            self._route = "to-verb"
            return self._span(k, objects=True)
        if nxt == "to" and lemma in _CUES_WITH_TO_VERB:
            if self.toks[i].norm in _CONTROL and i + 2 < len(self.toks) and \
                    self.toks[i + 2].norm in VERB_CUES and \
                    self._complement(i + 2, *VERB_CUES[self.toks[i + 2].norm]) is not None:
                return None  # "prefer to describe it as ...": the view is the next cue's
            self._route = "to-verb"
            return self._span(i + 1, objects=True)  # "wants to force a choice"
        if lemma == "count" and nxt in {"about", "around", "nearly", "roughly", "over", "more",
                                        "some", "at"}:
            return self._span(i + 1, objects=True)  # "counts about seventeen million ..."
        if lemma == "plan" and nxt == "for" and \
                self._norm_at(i + 2) not in _NP_STOPS - _ARTICLE_WORDS and \
                self._norm_at(i - 1) not in _OBJECT_OPENERS | {"no", "a", "an", "any"}:
            return self._span(i + 2, objects=True)  # "the Marines plan for three variants"
        if lemma in _TO_ONLY or lemma == "offer" and nxt in {"a", "an"}:
            return None  # "offers a committed partner": what a thing provides, not a view
        if nxt in _PREPOSITIONS_BEFORE and not _is_object_pp(lemma, nxt):
            self._route = "clause"
            k = self._find_complementizer(i + 1)  # "proposed at his press conference that"
            return self._span(k + 1, objects=True) if k is not None else None
        if lemma != "urge" and nxt in _NP_STOPS and nxt not in _OBJECT_DETERMINERS:
            if _is_object_pp(lemma, nxt):
                return self._span(i + 1, objects=True)
            return None
        return self._span(i + 1, objects=True)

    def _offered_account(self, k: int) -> bool:
        """Whether the object from token k is an account whose content the text leaves out
        ("few details", "shifting explanations", "no evidence"), up to two plain words
        before it."""
        toks = self.toks
        for m in range(k, min(k + 3, len(toks))):
            if toks[m].norm in _ACCOUNT_NOUNS:
                return True
            if not toks[m].text.isalpha() or not toks[m].text.islower():
                return False
        return False

    def _request(self, i: int, lemma: str, nxt: str):
        """"asked for", "asked whether", "pressed Iran to": what is asked for."""
        toks = self.toks
        if nxt == "for" or lemma == "ask" and nxt in _ASKED_QUESTION:
            return self._span(i + 2 if nxt == "that" else i + 1, objects=True)
        for k in range(i + 1, min(len(toks), i + 6)):
            if toks[k].norm == "to":
                return self._span(i + 1, objects=True)
            if toks[k].norm in _NP_STOPS and toks[k].norm not in {"the", "a", "an"}:
                break
        return None

    def _to_act_after(self, k: int) -> bool:
        """Whether "to" and a verb follow within the clause from token k on, past an object
        and its modifiers ("recipients of its grants to include ..."), before any comma or
        relative word ("those in Kyiv who favor ..." is no act asked)."""
        toks = self.toks
        for j in range(k, min(len(toks) - 1, k + 15)):
            if toks[j].norm == "to":
                return self._verb_after_to(j + 1)
            if toks[j].text in _CLAUSE_BREAKS or toks[j].norm in _INNER_CLAUSE:
                return False
        return False

    def _call_naming(self, i: int):
        """"call the enlargement a U.S. project", "what it called a firm strategy", "calls
        transition the central issue", "call the numbers too small": an object, then a
        naming phrase (a determiner, a degree word or an adjective after the object)."""
        toks = self.toks
        if self._name_given(i):
            return None  # "which the Administration calls 'Phase One'", "states called
            # Veishnoria and Lubenia", "which firms call APT29": a name given, an act (case
            # 5), not a characterisation; "called Erdogan the next day": a call made
        if self._object_gap(i, clauses=True):
            return self._span(i + 1, objects=True)
        if toks[i + 1].norm in _NP_STOPS or toks[i + 1].norm in _CALL_PARTICLES:
            return None  # "called off", "called in the envoy"
        inner = -1  # the determiner of an "of" phrase inside the object
        for k in range(i + 2, min(self._clause_end(i + 1, objects=True), i + 9)):
            nrm = toks[k].norm
            if k == inner:
                continue
            if nrm == "to" and self._verb_after_to(k + 1):
                return None  # "had called him to thank the CIA", "called the referendum to
                # pressure Brussels": a call made or a vote called for a purpose, no naming
            if nrm in _NAMING_OPENERS and not {self._norm_at(k + 1),
                                               self._norm_at(k + 2)} & _TIME_AFTER_THAT:
                return self._span(i + 1, objects=True)
            if (nrm in _NAMING_WORDS or nrm.endswith(_ADJ_ENDINGS)) and nrm not in _NP_STOPS:
                return self._span(i + 1, objects=True)
            if k >= i + 3 and self._predicate_after_object(k):
                return self._span(i + 1, objects=True)
            if nrm == "of" and toks[k - 1].text.isalpha() and toks[k - 1].text.islower() \
                    and self._norm_at(k + 1) in {"the", "its", "their", "his", "her"}:
                inner = k + 1  # an object with "of" goes on: "the Saudi handling of the
                continue  # affair a botched cover-up"
            if nrm in _NP_STOPS and nrm not in {"the", "a", "an"}:
                break
        return None

    def _name_given(self, i: int) -> bool:
        """Whether "call" at token i gives a name: what follows it is only a proper name or a
        code ("the 'Northern Compact'", "APT29 and APT28", words capitalised or of letters
        and digits, joined by "and", "or", "of", "the" or commas) up to the end of the
        clause; or, as a participle after a noun that names no actor, a list of names before
        the verb ("countries called Ostland and Westria attacked")."""
        toks, j, names = self.toks, i + 1, 0
        while j < len(toks):
            word = toks[j].text.strip("'’‘\"“”")
            if not word or toks[j].norm in {"and", "or", "of", "the"}:
                j += 1
            elif word[:1].isupper() or any(ch.isdigit() for ch in word) and \
                    any(ch.isalpha() for ch in word):  # "APT29"; not a year, "2014"
                names += 1
                j += 1
            elif word == "," and j + 1 < len(toks) and toks[j + 1].text[:1].isupper():
                j += 1  # "Veishnoria, Lubenia and ..."
            else:
                break
        if not names:
            return False
        if j >= len(toks) or toks[j].text in _CLAUSE_BREAKS or toks[j].text == ".":
            return True
        before = toks[i - 1] if i > 0 else None
        return names >= 2 and toks[i].norm == "called" and toks[i + 1].text[:1].isupper() \
            and before is not None and i - 1 not in self.tok_mention and \
            before.text.isalpha() and before.text.islower() and toks[j].text.islower() and \
            before.norm not in _AUX | _BE | _RELATIVE_WORDS and not is_adverb(before.norm) \
            and before.norm not in {"he", "she", "it", "they", "we", "i", "you", "and", "or"}

    def _predicate_after_object(self, k: int) -> bool:
        """Whether token k, after the object of "call", names what the object is called: a
        participle that ends the clause ("called the measures unfounded and said", "the act
        seriously flawed;"), or a bare noun that a clause or "of" follows ("calls the
        trainers evidence that ...", "called the vote proof of ...")."""
        toks = self.toks
        t, prev = toks[k], toks[k - 1]
        if not t.text.isalpha() or not t.text.islower() or prev.norm in _OBJECT_DETERMINERS:
            return False
        after = self._norm_at(k + 1)
        ends = k + 1 >= len(toks) or toks[k + 1].text in _CLAUSE_BREAKS or \
            toks[k + 1].text == "." or after in {"and", "but", "while", "because"}
        if t.norm.endswith("ed") and len(t.norm) > 4 and ends:
            return True
        if ends and self._short_object_before(k) and not is_adverb(t.norm) and \
                t.norm not in _NP_STOPS and t.norm not in _CALL_PARTICLES | _CALL_PLACES and \
                t.norm not in _TIME_AFTER_THAT:  # "called Erdogan the next day": a time
            return True  # "called the measures overdue and ...", "the document imperialist"
        if after == "that" and self._norm_at(k + 2) in _TIME_AFTER_THAT:
            return False  # "called the envoy home that evening": a time, no clause
        return after in {"that", "of"} and not t.norm.endswith(("ed", "ing", "ly"))

    def _short_object_before(self, k: int) -> bool:
        """Whether the words before token k are an object of "call" of two or three words
        opened by a determiner ("the measures", "the new document")."""
        toks = self.toks
        return any(k - d >= 0 and toks[k - d].norm in _OBJECT_DETERMINERS and all(
            toks[q].text.isalpha() and toks[q].text.islower() for q in range(k - d + 1, k))
            for d in (2, 3))

    def _object_gap(self, i: int, relatives=frozenset({"what", "which", "whom", "that"}), *,
                    clauses: bool = False) -> bool:
        """Whether the cue's object stands before it ("what it sees as", "which X calls");
        with ``clauses``, not after a "that" that opens a verb's clause ("said that X
        called ...")."""
        toks = self.toks
        for k in range(i - 1, max(-1, i - 7), -1):
            if clauses and toks[k].norm == "that" and self._complementizer_that(k):
                return False  # "suggested that Cameron had called the referendum": a clause
            if toks[k].norm in relatives:
                return True
            if toks[k].text in {",", ";", "—", "–", "("}:
                return False
        return False

    def _complementizer_that(self, k: int) -> bool:
        """Whether "that" at token k opens the clause of a verb of saying or showing just
        before it ("said that", "showed that"), not a relative after a noun ("a remark that")."""
        toks = self.toks
        return k >= 1 and (toks[k - 1].norm in VERB_CUES or toks[k - 1].norm in _SHOWING) and \
            (k < 2 or toks[k - 2].norm not in _GAP_DETERMINERS)

    def _looks_like_clause(self, k: int) -> bool:
        """A bare complement clause: a subject-like word next ("said he was open")."""
        if k >= len(self.toks):
            return False
        return (self.toks[k].norm in _CLAUSE_OPENERS or is_cap(self.toks[k])
                or k in self.tok_mention)

    def _find_complementizer(self, k: int) -> int | None:
        """Index of "that"/"whether"/... opening the clause within a few words after the cue."""
        toks = self.toks
        first = "that" if k > 0 and toks[k - 1].norm in _TELLING else toks[k].norm
        if not (first in _BEFORE_COMPLEMENTIZER or first in _PREPOSITIONS_BEFORE
                or is_adverb(first) or first in _OBJECT_OPENERS or is_cap(toks[k])
                or first in _GROUP_NOUNS):
            return None  # "states value the battalion that ...": no clause follows the cue
        if first == ",":  # "argue, however, that ...", "suggested, for example, that ..."
            return self._that_after_aside(k)
        telling = k > 0 and toks[k - 1].norm in _TELLING
        skip_to = k
        for j in range(k, min(len(toks), k + (12 if telling else 9))):
            nrm = toks[j].norm
            if j < skip_to:
                continue
            if telling and toks[j].text == "," and j > k:
                end = self._apposed_name_end(j)
                if end is not None:  # "told his Chinese counterpart, Wang Yi, that"
                    skip_to = end + 1
                    continue
            if nrm == "and" and j > k and (telling or any(
                    t.norm in _PREPOSITIONS_BEFORE for t in toks[k:j])) and \
                    self._norm_at(j + 1) not in _CLAUSE_OPENERS | {"that"} and \
                    self._norm_at(j + 1) not in VERB_CUES and \
                    self._norm_at(j + 1) not in _AUX and \
                    not self._norm_at(j + 1).endswith("ed"):
                continue  # "told soldiers and National Guard troops that": one object;
                # "remarked after the Brussels and G7 meetings that": one prepositional phrase
            if nrm in {"that", "whether", "why", "how", "if"}:
                if nrm == "that" and j + 1 < len(toks) and toks[j + 1].norm in _TIME_AFTER_THAT:
                    continue
                if nrm == "if" and j != k:
                    return None
                return j if nrm == "that" else j - 1
            if nrm in VERB_CUES and nrm.endswith("ing") and j > k and \
                    toks[j - 1].norm in {"by", "in"}:
                return None  # "answered by saying that ...": the clause is the -ing cue's
            verb = nrm in VERB_CUES and j > k and self._new_subject_before(j)
            if toks[j].text in {",", ";", ":", "—", "–", "(", ")"} or verb \
                    or nrm in {"and", "but", "or", "while"}:
                if toks[j].text == "," and j + 1 < len(toks) and toks[j + 1].norm == "that":
                    continue
                return None
        return None

    def _apposed_name_end(self, j: int) -> int | None:
        """For a comma at token j that opens a name set in apposition to the noun before it
        (", Wang Yi,"): the closing comma's token, else None."""
        toks = self.toks
        for k in range(j + 1, min(len(toks), j + 6)):
            if toks[k].text == ",":
                return k if k > j + 1 else None
            if not is_cap(toks[k]) and k not in self.tok_mention:
                return None
        return None

    def _that_after_aside(self, k: int) -> int | None:
        """Index of "that" after a short aside between commas that opens at token k (",
        however, that", ", for example, that", ", in other words, that"), or None."""
        toks = self.toks
        if k >= len(toks) or toks[k].text != ",":
            return None
        for j in range(k + 2, min(len(toks) - 1, k + 6)):
            if not toks[j - 1].text.isalpha() or toks[j - 1].norm in _ASIDE_STOPS or \
                    toks[j - 1].norm in VERB_CUES:
                return None  # "said, and Uganda agreed, that": no aside
            if toks[j].text == "," and toks[j + 1].norm == "that":
                return j + 1
        return None

    def _norm_at(self, k: int) -> str:
        return self.toks[k].norm if k < len(self.toks) else ""

    def _new_subject_before(self, j: int) -> bool:
        """Whether a subject stands just before token j: a name, a pronoun, a group noun."""
        prev = self.toks[j - 1]
        return (j - 1 in self.tok_mention or prev.norm in {"he", "she", "it", "they", "we"}
                or prev.norm in _GROUP_NOUNS or is_cap(prev))

    def _clause_end(self, k: int, *, objects: bool = False) -> int:
        """Token index where the clause starting at k ends (exclusive). ``objects``: the
        clause is a cue's object, which ", that" ends too."""
        toks, n, depth = self.toks, len(self.toks), 0
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
            nxt = toks[j + 1].norm if j + 1 < n else None
            if t == "," and (nxt in {"which", "who"} or nxt == "that" and j > k and objects):
                return j
            if t == "while" and nxt is not None and nxt.endswith("ing") and \
                    (nxt in VERB_CUES or nxt in PARTICLE_CUES):
                return j  # "backed his negotiators while making clear that ..."
            if t == "," and nxt == "as" and self._norm_at(j + 2) in {"did", "does", "do", "had",
                                                                    "has", "have"}:
                return j  # "welcomed the announcement, as did Abdullah"
            if t in {",", "—", "–"} and nxt is not None and self._new_clause_after(j):
                return j
            if t in {"and", "but"} and nxt in VERB_CUES and VERB_CUES[nxt][1] != AS and \
                    (VERB_CUES[nxt][0] not in _TO_ONLY or self._norm_at(j + 2) == "to"):
                return j  # "denies that X and says Y", not "limited and aimed at militants"
            if t in {"and", "but"} and nxt in _CONTROL and self._norm_at(j + 2) == "to" and \
                    self._norm_at(j + 3) in VERB_CUES:
                return j  # "backed the deal but declined to condemn ...": the next view's
        return n

    def _new_clause_after(self, j: int) -> bool:
        """Whether the comma or dash at token j opens a new clause: a contrast, a new
        subject and verb, or a new claim (", saying that ...", ", and Moscow presents ...")."""
        toks, n = self.toks, len(self.toks)
        nxt = toks[j + 1].norm
        if nxt in _CONTRAST_AFTER_COMMA:
            return True
        if nxt in {"and", "but"} and j + 2 < n and (
                toks[j + 2].norm in {"he", "she", "it", "they", "we"}
                or toks[j + 2].norm in VERB_CUES or is_adverb(toks[j + 2].norm)
                and j + 3 < n and toks[j + 3].norm in VERB_CUES):
            return True
        if toks[j].text == "," and nxt in VERB_CUES and nxt.endswith("ing"):
            return True
        if toks[j].text == "," and self._main_clause_after(j):
            return True
        return nxt in {"and", "but"} and any(
            toks[q].norm in VERB_CUES and (q - 1 in self.tok_mention or is_cap(toks[q - 1]))
            for q in range(j + 3, min(n, j + 7)))

    def _span(self, k: int, *, objects: bool = False):
        """(start, end) of the clause from token k, without an opening "that" and without
        closing punctuation or unopened quotes; None if empty."""
        toks = self.toks
        if k >= len(toks):
            return None
        end = self._clause_end(k, objects=objects)
        if end <= k:
            return None
        last = end - 1
        while last > k and not _WORDISH.search(toks[last].text) and toks[last].text not in ")”’\"'":
            last -= 1
        while last > k and toks[last].text in "”’\"'" and not self._quote_opened(k, last):
            last -= 1
        first = k + 1 if toks[k].norm == "that" and k + 1 <= last else k
        while first < last and toks[first].text == ",":
            first += 1  # "assessed that, between 2008 and 2017, ...": no opening comma
        return toks[first].start, toks[last].end

    def _quote_opened(self, k: int, last: int) -> bool:
        opener = {"”": "“", "’": "‘", "\"": "\"", "'": "'"}.get(self.toks[last].text)
        return any(t.text == opener for t in self.toks[k:last])

    # -- other constructions --

    def _according(self, i: int):
        """"According to U.S. officials, X" (the clause after) or "X, according to Y"."""
        toks = self.toks
        if i + 2 >= len(toks):
            return None
        if i == 0 and self._names_only(i + 2):
            return self._according_line(i)
        j = self._np_end(i + 2)
        np, refs = self._issued_source(i + 2)
        whole = None if refs else self._according_source(i, j)
        if whole:
            return whole
        if not refs:
            np = self._noun_phrase(j)
            refs = self._resolve_np(*np) if np else None
        if not refs:
            np, refs = self._source_phrase(i + 2)
        exchange = self._exchange_with_author(i + 2)
        if exchange is not None:
            np, refs = exchange
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        a, b = np
        after = b + 3 if self._acronym_at(b + 1) else b  # "the Department of Defense (DOD),"
        # "In addition, according to EPA, the waiver ...": the clause after, when only an
        # opening phrase of a few words stands before
        opener = 0 < i <= 4 and toks[i - 1].text == "," and after + 2 < len(toks) and \
            toks[after + 1].text == "," and \
            not any(t.norm in VERB_CUES or t.norm in _AUX for t in toks[:i])
        if i == 0 or (i <= 1 and not _WORDISH.match(toks[0].text)) or opener:
            k = after + 2 if after + 1 < len(toks) and toks[after + 1].text == "," else after + 1
            span = self._span(k)
        else:
            end = i - 1 if toks[i - 1].text == "," else i
            span = (toks[0].start, toks[end - 1].end) if end > 0 else None
        if span is None:
            return None
        return [self._view(refs, toks[a].start, toks[b].end, "according to", False, i, i + 1,
                           *span, rule="according to")], refs

    def _exchange_with_author(self, a: int):
        """((first, last), refs) of the other party when the source after "according to"
        is the author's own exchange with it ("CRS discussions with the Army", "February
        2026 discussions between CRS and the Army", "CRS correspondence with NASA
        officials"): what the text learned so is that party's view; else None."""
        toks = self.toks
        c = next((k for k in range(a, min(len(toks), a + 16)) if toks[k].text == ","), None)
        if c is None or not any(toks[k].norm in _EXCHANGE_NOUNS for k in range(a, c)):
            return None  # no exchange: the context (the sentences before) is left unread
        authors = {w.lower() for w in self.context.authors}
        if not authors or not any(toks[k].norm in authors for k in range(a, c)):
            return None
        link = max((k for k in range(a, c) if toks[k].norm == "with" or (
            toks[k].norm == "and" and toks[k - 1].norm in authors
            and toks[k - 2].norm == "between")), default=None)
        if link is None or link + 1 >= c or any(toks[k].norm in authors
                                                for k in range(link + 1, c)):
            return None
        np = self._noun_phrase(c - 1)
        if np is None or np[0] <= link:
            np = (link + 1, c - 1)
        while np[0] < np[1] and toks[np[0]].norm in _ARTICLE_WORDS:
            np = (np[0] + 1, np[1])
        refs = self._resolve_np(*np)
        return (np, refs) if refs else None

    def _names_only(self, k: int) -> bool:
        """Whether the sentence from token k on is a name or a title and nothing more
        ("Defense News", "the DOD FY 2026 Program Acquisition Costs by Weapons Systems",
        "then-Commandant of the Marine Corps, General David Berger,"), with no full stop."""
        if self.text.rstrip()[-1:] in {".", "!", "?", ";", ":"}:
            return False
        return all(not _WORDISH.match(t.text) or t.text[:1].isupper() or t.text[:1].isdigit()
                   or t.norm in _NAME_LINKS or any(p[:1].isupper() for p in t.text.split("-"))
                   for t in self.toks[k:])

    def _according_line(self, i: int):
        """"According to Defense News" or "According to then-Commandant ..., General X
        Y," alone, with no full stop: a line that introduces the quoted paragraph after it.
        Its view has no words here (empty content; the claims table gives it that
        paragraph's sentences): the source, or the person named last after a comma."""
        toks = self.toks
        last = len(toks) - 1
        while last > i and not _WORDISH.match(toks[last].text):
            last -= 1
        comma = max((k for k in range(i + 2, last) if toks[k].text == ","), default=None)
        refs, a, b = None, i + 2, last
        if comma is not None and all(is_cap(toks[k]) for k in range(comma + 1, last + 1)):
            run = [k for k in range(comma + 1, last + 1) if toks[k].norm not in _TITLES]
            if len(run) >= 2 and run == list(range(run[0], last + 1)):
                a, refs = run[0], [Ref(self.text[toks[run[0]].start:toks[last].end], "",
                                       "person")]  # "..., General David Berger,"
        if refs is None:
            np, refs = self._issued_source(i + 2)
            if not refs:
                np = self._noun_phrase(self._np_end(i + 2))
                refs = self._resolve_np(*np) if np else None
            if not refs:  # "the 2024 Department of Defense (DOD) FY 2025 Program ...": its body
                m = next((self.tok_mention[k] for k in range(i + 2, last + 1)
                          if k in self.tok_mention), None)
                if m is None or m.actor_type in _PLACE_OR_PERSON:
                    return None
                refs, np = [mention_ref(m)], (i + 2, last)
            a, b = np
        if any(r.kind in ("author", "speaker") for r in refs):
            return None
        end = len(self.text.rstrip())
        return [self._view(refs, toks[a].start, toks[b].end, "according to", False, i, i + 1,
                           end, end, rule="according to: line")], refs

    def _source_phrase(self, a: int):
        """((start, end), refs) of a source after "according to" that is a text or a titled
        person: "a 2017 NOAA notice" and "estimated data from the U.S. Geological Survey"
        speak for the body named in them, "one report" for itself, and "former CIA Deputy
        Director for Science and Technology Dawn Meyerriecks" is the person; else (None,
        None)."""
        toks = self.toks
        b = a
        while b + 1 < len(toks) and _WORDISH.match(toks[b + 1].text) and \
                toks[b + 1].norm not in _CLAUSE_OPENERS - _ARTICLE_WORDS:
            b += 1
        if b - a > 12 or b + 1 >= len(toks) or toks[b + 1].text not in {",", "("}:
            return None, None
        inner = [self.tok_mention[k] for k in range(a, b + 1) if k in self.tok_mention]
        source = next((k for k in range(a, b + 1) if toks[k].norm in _SOURCE_NOUNS), None)
        if source is not None and inner and inner[-1].actor_type not in {"leader", "person"}:
            return (a, b), [mention_ref(inner[-1])]
        if source is not None and not inner and source - a <= 3:
            first = a + 1 if toks[a].norm in _ARTICLE_WORDS else a  # "one report shortly after"
            return (first, b), [Ref(self.text[toks[first].start:toks[source].end], "",
                                    "entity")]
        titled = any(toks[k].norm in _TITLES for k in range(a, b + 1))
        run = b
        while run >= a and is_cap(toks[run]) and toks[run].norm not in _TITLES and \
                run not in self.tok_mention:
            run -= 1
        if titled and b - run >= 2:
            # the whole name right after its title ("Judge Ana Maria Cruz"); else its last
            # two words ("Director for Science and Technology Dawn Meyerriecks")
            whole = run >= a and toks[run].norm in _TITLES and b - run <= 3
            first = run + 1 if whole else max(run + 1, b - 1)
            return (first, b), [Ref(self.text[toks[first].start:toks[b].end], "", "person")]
        return None, None

    def _issued_source(self, a: int):
        """((start, end), refs) of a text after "according to" that names its issuer before
        the text's noun ("DOD's FY2027 budget request", "FY2026 Navy budget documents",
        "an Army budget briefing"): the issuer (real-text conventions: a document resolves
        to the body that issued it); else (None, None)."""
        toks = self.toks
        b = a
        while b + 1 < len(toks) and b - a < 8 and _WORDISH.match(toks[b + 1].text) and \
                toks[b + 1].norm not in _ISSUED_NOUNS and toks[b + 1].norm not in _NP_STOPS:
            b += 1
        if b + 1 >= len(toks) or toks[b + 1].norm not in _ISSUED_NOUNS:
            return None, None
        end = b + 1
        while end + 1 < len(toks) and toks[end + 1].norm in _ISSUED_NOUNS:
            end += 1  # "budget documents"
        for k in range(a, b + 1):
            m = self.tok_mention.get(k)
            if m is not None and m.actor_type not in {"leader", "person"} and \
                    m.actor_type not in NON_HOLDER_TYPES:
                return (a, end), [mention_ref(m)]
            if is_cap(toks[k]) and not _FISCAL_YEAR.fullmatch(toks[k].norm):
                agency, country = self._agency_in_context(toks[k].norm, named=True)
                if agency:
                    return (a, end), [Ref(agency, country, "entity")]
        if toks[end].norm in _SOURCE_NOUNS and self._norm_at(end + 1) not in {
                "from", "by", "of", "in"} and all(
                toks[k].text.islower() or toks[k].norm.isdigit() for k in range(a, end + 1)):
            # "media reports", "a 2025 economics study": no issuer named ("data from the
            # USGS" names one after), so the text's own words without the article (settled:
            # unnamed reports keep the text's words)
            first = a + 1 if toks[a].norm in _ARTICLE_WORDS else a
            last = end  # the phrase runs on to its comma ("one survey soon after the storm,")
            while last + 1 < len(toks) and _WORDISH.match(toks[last + 1].text) and \
                    toks[last + 1].norm not in _CLAUSE_OPENERS - _ARTICLE_WORDS:
                last += 1
            return (first, last), [Ref(self.text[toks[first].start:toks[end].end], "",
                                       "entity")]
        return None, None

    def _acronym_at(self, k: int) -> bool:
        """Whether "(ABC)" opens at token k: an acronym that closes the source's name."""
        toks = self.toks
        return k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")" and \
            toks[k + 1].text.isupper()

    def _according_source(self, i: int, j: int):
        """"According to U.S. intelligence assessments, ...": the whole source phrase."""
        toks = self.toks
        k = j + 1
        while k < len(toks) and k < j + 5 and _WORDISH.match(toks[k].text) and \
                toks[k].norm not in _NP_STOPS and toks[k].norm not in VERB_CUES:
            k += 1
        if i != 0 or k >= len(toks) or toks[k].text != "," or k <= j + 1:
            return None
        refs = self._resolve_np(i + 2, j)
        span = self._span(k + 1) if refs else None
        if span is None:
            return None
        return [self._view(refs, toks[i + 2].start, toks[k - 1].end, "according to", False,
                           i, i + 1, *span, rule="according to: source")], refs

    def _feeling(self, i: int):
        """"Turkish leaders are alarmed by the buildup", "Kyiv remains concerned that ...":
        the subject of a participle of feeling holds the view."""
        toks = self.toks
        nxt = self._norm_at(i + 1)
        if nxt == "that":
            span = self._span(i + 2)
        elif nxt in _FEELING_PREPOSITIONS or nxt == "in" and toks[i].norm in _TRUSTING:
            span = self._span(i + 2, objects=True)
        else:
            return None
        k, graded = i - 1, False
        while k >= 0 and (is_adverb(toks[k].norm) or toks[k].norm in _NEG or
                          toks[k].norm in _DEGREE_WORDS):  # "are more confident in"
            graded = graded or toks[k].norm in _DEGREE_WORDS
            k -= 1
        if k < 0 or not (toks[k].norm in _BE or toks[k].norm in _LINKING):
            return None  # "the alarmed officials", "a pleased Kremlin": no clause of its own
        subject = self._subject(i if toks[k].norm in _BE and not graded else k)
        if span is None or subject is None or not subject[0] or \
                any(r.kind in ("author", "speaker") for r in subject[0]):
            return None
        refs, h_start, h_end, neg = subject
        lemma = FEELING_CUES[toks[i].norm]
        return [self._view(refs, h_start, h_end, lemma, neg, i, i, *span, rule="feeling")], refs

    def _left_feeling(self, i: int):
        """"a deal that leaves Gulf capitals uneasy", "... leave them uneasy about its
        durability": the one the verb leaves in the feeling holds it; the content is what
        follows ("about ...", "that ..."), else what leaves it so (the subject)."""
        toks = self.toks
        j = i - 1
        if j < 1:
            return None
        if toks[j].norm == "them":
            v = j - 1
            refs = self._resolve_pronoun("they", toks[j].start) if toks[v].norm in _LEAVING \
                else None
        else:
            v = next((q for q in range(j - 1, max(-1, j - 7), -1) if toks[q].norm in _LEAVING),
                     None)
            if v is None or v + 1 not in self.tok_mention and self._norm_at(v + 1) != "the" \
                    or self._np_end(v + 1 if self._norm_at(v + 1) != "the" else v + 2) != j:
                return None
            refs = self._resolve_np(v + 1, j)
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        nxt = self._norm_at(i + 1)
        span = self._span(i + 2) if nxt == "that" else \
            self._span(i + 2, objects=True) if nxt in _FEELING_PREPOSITIONS else None
        if span is None:
            a = v - 1
            while a > 0 and toks[a - 1].text not in {",", ";", ":", "—"}:
                a -= 1
            b = v - 2 if toks[v - 1].norm in {"that", "which"} else v - 1  # "a deal that"
            if a > b:
                return None
            span = self._summed_up(a, b)
        lemma = FEELING_CUES[toks[i].norm]
        return [self._view(refs, toks[v + 1].start, toks[j].end, lemma, False, i, i, *span,
                           rule="feeling")], refs

    def _summed_up(self, a: int, b: int) -> tuple[int, int]:
        """The character span of a subject, tokens a..b; for a phrase in apposition that
        sums up the clause before it ("Oslo courts Rome while it bargains with Paris, a
        balance that ..."), that clause, which it stands for."""
        toks = self.toks
        if a < 2 or toks[a - 1].text != "," or toks[a].norm not in {"a", "an"}:
            return toks[a].start, toks[b].end
        c = a - 1
        while c > 0 and toks[c - 1].text not in {";", ":", "—"}:
            c -= 1
        return toks[c].start, toks[a - 2].end

    def _noun_cue(self, i: int):
        """"Moscow's insistence that ...", "its insistence that", "in Tehran's view, ..."."""
        toks = self.toks
        lemma = NOUN_CUES[toks[i].norm]
        if lemma == "designate" and self._norm_at(i + 1) != "of":
            return None  # "its designation as a terrorist group": the one designated
        if lemma == "call" and self._norm_at(i + 1) not in {"for", "to"}:
            return None  # "King Salman's call with Trump", "a call from Putin": a phone call;
            # an appeal is "Washington's call for a coalition", "a call to arms" (case 4)
        j = i - 1
        while j >= 0 and (is_adverb(toks[j].norm) or toks[j].norm in _NOUN_CUE_MODIFIERS
                          or toks[j].norm in _CALENDAR or toks[j].norm.isdigit()
                          or toks[j].text in {"\"", "“"}):
            j -= 1  # "Putin's September proposal", "Erdogan's June 27 letter", "its \"intention"
        poss = self._possessor(j) if j >= 0 else None
        if poss is None and j >= 1:
            g = self._genitive_before_modifiers(j)
            if g is not None:  # "Washington's modest effort", "their long-held view"
                j, poss = g, self._possessor(g)
        if poss is None and j >= 1:
            poss = self._definite_genitive(j)  # "the Administration's effort to ..."
        named = None
        if poss is None and lemma in _TO_NOUNS | _AIM_NOUNS | {"propose"}:
            poss = named = self._name_before_aim(j)  # "a U.S. effort to", "... proposals to"
        if poss is None:
            return (self._light_verb_view(i, lemma) or self._noun_agent_view(i, lemma)
                    or self._noun_in_place(i, lemma))
        if named and lemma not in _TO_NOUNS:  # a name before the noun: only with an act
            k = self._act_after(i + 1)
            if k is None or self._norm_at(i + 1) != "to":
                return None
            refs, h_start, h_end = poss
            view = self._view(refs, h_start, h_end, lemma, False, i, i, *self._act_span(k),
                              rule="noun: name before")
            self.relative_claims.add(id(view))
            return [view], refs
        if not poss[0] or any(r.kind in ("author", "speaker") for r in poss[0]):
            return None
        if lemma in _TO_NOUNS:  # "Ankara's decision to open", "U.S. efforts to reassure"
            k = self._act_after(self._after_participle_aside(i + 1))
            if k is None:
                return None
            refs, h_start, h_end = poss
            view = self._view(refs, h_start, h_end, lemma, False, i, i, *self._act_span(k),
                              rule="noun: possessor")
            self.relative_claims.add(id(view))  # not the subject a later verb shares
            return [view], refs
        span, rule = self._noun_content(i, j, lemma), "noun: possessor"
        if span is None:
            span, rule = self._despite_content(j), "noun: despite/amid/over"
        if span is None and self._norm_at(i + 1) in _COPULAS and (
                lemma != "position" or ":" in (t.norm for t in toks[i + 1:])):
            # "Moscow's opposition has been loud", "Ankara's anger is real": the attitude
            # is reported, with nothing more said of what it is about; a position is none
            # until it is stated ("Jordan's position is harder"; "China's position is close
            # to Pakistan's: talks first")
            span, rule = (toks[i].end, toks[i].end), "noun: possessor, no object"
        if span is None:
            return None
        refs, h_start, h_end = poss
        return [self._view(refs, h_start, h_end, lemma, False, i, i, *span, rule=rule)], refs

    def _after_participle_aside(self, k: int) -> int:
        """Past a participle phrase set off by commas after a noun, the token after its
        closing comma ("Tokyo's decision, announced on August 22, to begin ...": the noun's
        complement follows the aside); else k."""
        toks, n = self.toks, len(self.toks)
        if k + 2 >= n or toks[k].text != "," or not toks[k + 1].text.islower() or \
                not toks[k + 1].norm.endswith("ed"):
            return k
        c = k + 2
        while c < n and c < k + 12 and toks[c].text not in {",", ";", ":", "—"}:
            c += 1
        return c + 1 if c < n and toks[c].text == "," else k

    def _definite_genitive(self, j: int):
        """(refs, start, end) for a definite noun phrase in the genitive at token j that no
        name of the gazetteer covers ("the Administration's effort", "the kingdom's request",
        "the strategy's call"): the phrase without "'s" resolved as a subject would be (the
        text's state, a document's issuer), if it resolves to a body of a known country, not
        a person; else None."""
        toks = self.toks
        t = toks[j]
        if j in self.tok_mention or not t.norm.endswith(("'s", "’s")) or \
                not t.text[:-2].replace("-", "").isalpha():
            return None
        a = j
        while a > 0 and j - a < 3 and toks[a - 1].norm not in {"the"} and \
                is_cap(toks[a - 1]) and a - 1 not in self.tok_mention:
            a -= 1
        if a == 0 or toks[a - 1].norm != "the":
            return None
        stripped = t._replace(text=t.text[:-2], norm=t.norm[:-2], end=t.end - 2)
        self.toks[j] = stripped
        try:
            refs = self._resolve_np(a - 1, j)
        finally:
            self.toks[j] = t
        if not refs or any(not r.country or r.kind in ("author", "speaker", "person")
                           for r in refs):
            return None  # an office ("the President's") may stand for either leader named
        return refs, toks[a - 1].start, t.end

    def _genitive_before_modifiers(self, j: int) -> int | None:
        """The token of a named genitive ("Washington's") that opens the noun phrase whose
        pre-modifiers end at token j ("Washington's modest effort", "Beijing's familiar
        call", "Tokyo's long-held view"): a genitive fills the determiner's slot, so the
        lower-case words between it and the head noun can only modify the noun. At most two
        such words, each a qualifying adjective: not a function word, a cue, an adverb, a
        noun ("condolence call", "policy concerns": a noun modifier makes another kind of
        thing) or a classifying adjective ("military position", "economic goals": of a
        domain, not of the holder's stance). A possessive pronoun ("his opening remarks")
        is left out: who it points to is then too often the next subject. None when no
        named genitive opens the phrase."""
        toks = self.toks
        k = j
        while k >= 0 and k > j - 2:
            t = toks[k]
            if not (t.text.replace("-", "").isalpha() and t.text.islower()) or \
                    t.norm in CUE_WORDS or t.norm in _NP_STOPS or t.norm in _AUX or \
                    t.norm in _PREPOSITIONS_BEFORE or t.norm in _GAP_DETERMINERS or \
                    t.norm in _POSSESSIVE_PRONOUNS or t.norm.endswith(_NOT_QUALIFYING) or \
                    t.norm.endswith("s") and not t.norm.endswith(("ous", "ss")):
                break  # "s": a plural noun ("security concerns"), not "serious"
            k -= 1
        if k == j or k < 0:
            return None
        norm = toks[k].norm
        if norm == "'s" or norm.endswith(("'s", "s'")) and norm not in _POSSESSIVE_PRONOUNS:
            return k
        return None

    def _name_before_aim(self, j: int):
        """(refs, start, end) for a name just before a noun of aim, effort or
        proposal, after an article or opening its phrase ("a U.S. effort to enlist India",
        "FY2026 Administration proposals to eliminate"), as if it were a possessor; None
        for an adjective of a people or place ("the British effort") or no name."""
        toks = self.toks
        m = self.tok_mention.get(j) if j >= 0 else None
        if m is None or toks[j].end != m.end or self.adjective_form(m) or \
                m.actor_type not in {"state", "state_agency", "organization", "legislature",
                                     "government", "body"}:
            return None
        a = j
        while a > 0 and self.tok_mention.get(a - 1) is m:
            a -= 1
        if a > 0 and toks[a - 1].norm not in {"a", "an", "the"} and \
                not _FISCAL_YEAR.fullmatch(toks[a - 1].norm):
            return None
        refs = self._resolve_np(a, j)
        return (refs, toks[a].start, toks[j].end) if refs else None

    def _noun_in_place(self, i: int, lemma: str):
        """"the view in Beijing that ...", "suspicion in Washington that ...", "anger in
        Tokyo over ...": an attitude noun with no possessor, placed in a state's capital or
        country, is that state's view (a place that is no state, "in the region", holds
        none); the content follows "that", "over" or "about"."""
        toks = self.toks
        k = i + 1
        if self._norm_at(k) not in {"in", "among"}:
            return None
        m = self.tok_mention.get(k + 1)
        if m is None or m.actor_type != "state" or toks[k + 1].start != m.start:
            return None
        e = k + 1
        while e + 1 < len(toks) and self.tok_mention.get(e + 1) is m:
            e += 1
        if self._norm_at(e + 1) not in {"that", "over", "about"}:
            return None
        span = self._span(e + 2 if self._norm_at(e + 1) != "that" else e + 1)
        refs = self._resolve_np(k + 1, e)
        if span is None or not refs:
            return None
        return [self._view(refs, toks[k + 1].start, toks[e].end, lemma, False, i, i, *span,
                           rule="noun: in a place")], refs

    def _vote_noun(self, i: int):
        """"the Senate's 60-38 vote in May to block the sale", "a Security Council vote of 12
        to 3 against the plan": a vote by a named body, the body's view (scheme case 5). The
        body is a possessor or a name before the noun, not a people's adjective ("the
        British vote to leave"); what is voted is an act after "to" or what follows
        "for"/"against" (negated)."""
        toks = self.toks
        j = i - 1
        while j >= 0 and (any(ch.isdigit() for ch in toks[j].norm) or toks[j].norm in "-–"):
            j -= 1  # the tally: "53-47"
        if j < 0:
            return None
        b = j - 1 if toks[j].norm == "'s" else j
        m = self.tok_mention.get(b)
        if b < 0 or m is not None and m.end == toks[b].end and (
                self.adjective_form(m) or m.actor_type == "state"):
            return None  # "the British vote", "the Irish vote": a people's, not a body's
        if toks[b].norm in _POSSESSIVE_PRONOUNS:  # "its 9-6 vote to": who "its" is
            poss = self._possessor(b)
            a, refs = b, poss[0] if poss else None
        elif m is None:  # "the Senate's", "a Senate vote": a body the text's state has
            issuer = self._issuer_at(b)
            a, refs = b, [issuer] if issuer else None
        else:
            np = self._noun_phrase(b)
            if np is None:
                return None
            a = np[0] + 1 if toks[np[0]].norm in {"the", "a", "an"} else np[0]
            refs = self._resolve_np(a, b)
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        k = i + 1
        if self._norm_at(k) == "of" and any(ch.isdigit() for ch in self._norm_at(k + 1)):
            k += 2  # "of 128"
            if self._norm_at(k) == "to" and any(ch.isdigit() for ch in self._norm_at(k + 1)):
                k += 2  # "to 9"
        act = self._act_after(k, "vote")
        neg = self._norm_at(k) == "against"
        if act is not None:
            span = self._act_span(act)
        elif self._norm_at(k) in {"for", "against"}:
            span = self._act_span(k)
        else:
            return None
        if span is None:
            return None
        view = self._view(refs, toks[a].start, toks[b].end, "vote", neg, i, i, *span,
                          rule="noun: possessor")
        self.relative_claims.add(id(view))  # not the subject a later verb shares
        return [view], refs

    def _despite_content(self, j: int):
        """"X went ahead with the exercise despite Indian objections": what the clause
        before did is what the noun cue at token j's possessor objects to."""
        if j < 2 or self.toks[j - 1].norm not in {"despite", "amid", "over"}:
            return None
        return self._clause_before(j - 1)

    def _light_verb_view(self, i: int, lemma: str):
        """"Moscow makes the same argument", "Beijing and Tehran share concern about ...",
        "leaders held serious concerns", "issued a warning that ...", "developed a plan to ...",
        "have offered proposals to ...": a verb that only carries
        the noun cue after it; its subject holds the view."""
        toks = self.toks
        k = i - 1
        while k >= 0 and k >= i - 3 and toks[k].norm in _LIGHT_VERB_FILLERS:
            k -= 1
        if k < 0 or toks[k].norm not in _LIGHT_VERBS and not (
                lemma in _TO_NOUNS and toks[k].norm in _ANNOUNCING) and not (
                lemma in _RAISED and toks[k].norm in _RAISING):
            return None
        subject = self._subject(k)
        if subject is None and self._norm_at(i + 1) in _NOUN_CUE_PREPOSITIONS | {"that"}:
            subject = self._plain_subject(k)  # "Some farm groups have raised concerns about"
        if subject is None or not subject[0] or \
                any(r.kind in ("author", "speaker") for r in subject[0]):
            return None
        refs, h_start, h_end, neg = subject
        neg = neg or any(t.norm == "no" for t in toks[k + 1:i])  # "has no confidence in"
        nxt = self._norm_at(i + 1)
        if lemma in _TO_NOUNS:  # "made no commitment to secure ...": only with an act
            act = self._act_after(i + 1)
            span = self._act_span(act) if act is not None else None
        else:
            span = (self._noun_content(i, k, lemma) if nxt in _NOUN_CUE_PREPOSITIONS | {"that"}
                    else None) or self._span(k + 1, objects=True)
        if span is None:
            return None
        return [self._view(refs, h_start, h_end, lemma, neg, i, i, *span,
                           rule="noun: light verb")], refs

    def _noun_agent_view(self, i: int, lemma: str):
        """"drew criticism from Yemeni officials", "a proposal by UN envoy X to ...": a noun
        cue whose holder follows "by" or "from"."""
        toks = self.toks
        if self._norm_at(i + 1) == "of":
            return self._noun_of_holder(i, lemma)
        if self._norm_at(i + 1) not in {"by", "from"} or i + 2 >= len(toks):
            return None
        a = i + 3 if toks[i + 2].norm == "the" else i + 2
        if a not in self.tok_mention and toks[a].norm not in _GROUP_NOUNS:
            return None
        b = self._np_end(a)
        refs = self._resolve_np(a, b)
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        by = toks[i + 1].norm
        if self._norm_at(b + 1) == "and" and self._norm_at(b + 2) == by and b + 3 < len(toks):
            a2 = b + 4 if toks[b + 3].norm == "the" else b + 3  # "from the UN and from ..."
            b2 = self._np_end(a2)
            more = self._resolve_np(a2, b2) if a2 < len(toks) else None
            if more and all(r.kind not in ("author", "speaker") for r in more):
                refs, b = list(refs) + list(more), b2  # a joint holder (README)
        nxt = self._norm_at(b + 1)
        if lemma in _TO_NOUNS:  # "efforts by the group to start talks": only with an act
            act = self._act_after(b + 1) if nxt == "to" else None
            span = self._act_span(act) if act is not None else None
        elif nxt in {"to", "of", "for", "that", "on", "over"}:
            span = self._span(b + 2 if nxt == "that" else b + 1, objects=True)
        else:  # "The raid drew criticism from ...": what drew it, without the verb
            k = i - 1 if i > 1 and toks[i - 1].norm in _DRAWING else i
            span = self._passive_subject(k)
        if span is None:
            return None
        view = self._view(refs, toks[a].start, toks[b].end, lemma, False, i, i, *span,
                          rule="noun: by/from")
        self.relative_claims.add(id(view))  # not the subject a later verb shares
        return [view], refs

    def _of_holder_phrase(self, k: int):
        """(refs, a, b) for an actor named from token k (after "of"): a name of the
        gazetteer, with or without "the", not the author; else None."""
        toks = self.toks
        a = k + 1 if self._norm_at(k) == "the" else k
        if a >= len(toks) or a not in self.tok_mention:
            return None
        b = self._np_end(a)
        refs = self._resolve_np(a, b)
        if not refs or any(r.kind in ("author", "speaker") for r in refs):
            return None
        return refs, a, b

    def _clause_before(self, p: int):
        """The clause before the preposition at token p, back to a semicolon or colon
        ("the Arab League followed within days" before "over the objection of ...")."""
        toks = self.toks
        b = p - 1
        while b > 0 and toks[b].text in {",", "—", "–"}:
            b -= 1
        a = b
        while a > 0 and toks[a - 1].text not in {";", ":"}:
            a -= 1
        return (toks[a].start, toks[b].end) if b >= 0 and a <= b else None

    def _noun_of_holder(self, i: int, lemma: str):
        """A noun cue whose holder follows "of" in a definite noun phrase: "the efforts of
        the Iraqi Government to achieve ..." (an aim or decision, only with its act after
        the holder), "in the view of NATO planners, ..." (what follows the holder),
        "over the objection of Lebanon and Iraq", "against the advice of ..." (what the
        clause before did is what the holder objected to or advised against). Other
        "the N of X" ("the threat of Iran", "the goals of the United Nations") name no
        view with content, and a bare "N of X" is often what the noun is about ("fears of
        war")."""
        toks = self.toks
        if i < 1 or toks[i - 1].norm != "the" or lemma == "designate":
            return None
        found = self._of_holder_phrase(i + 2)
        if found is None:
            return None
        refs, a, b = found
        gov = self._norm_at(i - 2)
        if lemma in _TO_NOUNS:
            act = self._act_after(b + 1) if self._norm_at(b + 1) == "to" else None
            span = self._act_span(act) if act is not None else None
        elif gov == "in" and self._norm_at(b + 1) == ",":
            span = self._span(b + 2)  # "in the view of NATO planners, removes ..."
        elif gov in {"over", "against", "despite"} and i >= 3:
            span = self._clause_before(i - 2)
        else:
            return None
        if span is None:
            return None
        view = self._view(refs, toks[a].start, toks[b].end, lemma, False, i, i, *span,
                          rule="noun: of X")
        self.relative_claims.add(id(view))  # not the subject a later verb shares
        return [view], refs

    def _adjunct_end(self, k: int) -> int | None:
        """The last token of a time or place phrase from token k that may stand between a
        noun cue and what it is about ("last week", "on Monday", "in March 2024", "in
        Beijing"), or None."""
        toks, n = self.toks, len(self.toks)
        if k + 1 >= n:
            return None
        first, second = toks[k].norm, toks[k + 1].norm
        if first in _TIME_DEICTICS and second in _TIME_AFTER_THAT:
            return k + 1
        if first not in {"on", "in"}:
            return None
        m = self.tok_mention.get(k + 1)
        if first == "in" and m is not None and m.actor_type in _PLACE_TYPES:
            e = k + 1
            while e + 1 < n and self.tok_mention.get(e + 1) is m:
                e += 1
            return e
        e = k
        while e + 1 < n and (toks[e + 1].norm in _CALENDAR or toks[e + 1].norm.isdigit()):
            e += 1
        return e if e > k else None

    def _possessor(self, j: int):
        """(refs, start, end) of a possessor at token j: "its", "Moscow's", an adjective
        of an actor ("Turkish anger", "U.S. assurances") or a compound naming who leads
        ("a U.S.-led effort"), or None."""
        t = self.toks[j]
        if t.norm in _POSSESSIVE_PRONOUNS:
            return self._resolve_pronoun(_POSSESSIVE_PRONOUNS[t.norm], t.start), t.start, t.end
        m = self.tok_mention.get(j - 1 if t.norm == "'s" else j)
        if m is not None and t.norm.endswith("-led") and m.start == t.start and \
                m.end == t.end - len("-led") and m.actor_type not in _PLACE_TYPES - {"state"}:
            return [mention_ref(m)], m.start, m.end  # "a U.S.-led effort": who leads it
        if m is None or m.end < t.end - 2:
            return None
        if t.norm.endswith("'s") or (m.end == t.end and self.adjective_form(m)):
            return [mention_ref(m)], m.start, m.end
        return None

    def _noun_content(self, i: int, j: int, lemma: str):
        """What a noun cue at token i holds: "in X's view, ...", "insistence that ..."."""
        toks, n = self.toks, len(self.toks)
        adjunct = self._adjunct_end(i + 1)
        if adjunct is not None and self._norm_at(adjunct + 1) in _NOUN_CUE_PREPOSITIONS | {"that"}:
            i = adjunct  # "remarks last week about ...", "announcement in Beijing of ..."
        nxt = toks[i + 1].norm if i + 1 < n else ""
        k = j - 1 if j > 0 and toks[j - 1].norm != "the" else j - 2
        if k >= 0 and toks[k].norm == "in" and (lemma == "view" or nxt == ","):
            # "in Tehran's view ...", "In the Kremlin's view, ...", "In Moscow's telling, ..."
            return self._span(i + 2 if nxt == "," else i + 1)
        if nxt in {"that", ":"}:
            return self._span(i + 2)
        if nxt == "is" and i + 2 < n and toks[i + 2].norm == "that":
            return self._span(i + 3)
        if nxt in {"is", "was", "remains"} and lemma in _AIM_NOUNS:
            return self._span(i + 2, objects=True)  # "Oslo's priority is to close the border"
        if nxt in _PREPOSITIONS_BEFORE:
            k = self._find_complementizer(i + 1)  # "announcement on March 14 that"
            if k is not None:
                return self._span(k + 1)
            return self._span(i + 2) if nxt in _NOUN_CUE_PREPOSITIONS else None
        return None

    def _to_holder(self):
        """"To Russia, there are other leaders who ...": the view of the actor after "To"."""
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
        # README: the cue is the verb's lemma where there is one ("To Riyadh, the United
        # States appears to be ...": appear), the view otherwise
        verb = next((t.norm for t in toks[j + 2:] if t.start < span[1] and t.norm in _SEEMING),
                    None)
        return [self._view(refs, toks[1].start, toks[j].end, _SEEMING.get(verb, "view"), False,
                           0, 0, *span, rule="to X,")], refs


def _adjective_shaped(word: str) -> bool:
    """A word after "to" shaped as an adjective, which no verb is ("committed to enhanced
    cooperation", "to international law", "to economic reform"): a past participle (not
    "-eed": "proceed", "exceed") or "-ional"/"-ical"/"-ic"."""
    return word.endswith("ed") and not word.endswith("eed") or \
        word.endswith(("ional", "ical", "ic")) and word not in {"panic", "mimic", "traffic"}


def _is_cap_mid(toks, i) -> bool:
    """A capitalised cue word inside a sentence is a name ("Trust", "Call") or a title."""
    return i > 0 and toks[i].text[:1].isupper() and toks[i - 1].text not in {"“", "\"", "‘", "("}


def _is_object_pp(lemma: str, prep: str) -> bool:
    """"accused Iran of", "blamed X for": a preposition that opens the cue's own object."""
    return (lemma in {"accuse", "blame", "question"} and prep in {"of", "for", "on"}) or \
        (lemma == "advocate" and prep == "for")  # "advocate for expanding ..."


def _opens_with(content: str, words) -> bool:
    head = content.split(" ", 1)[0].lower() if content else ""
    return head in words


# --- public: holders of views in one sentence --------------------------------------------


def _mentions_of(text: str, gazetteer=None) -> list[Mention]:
    from briefkit import actors

    if gazetteer is not None:
        return _as_holder_mentions(actors.find_actors(text, gazetteer=gazetteer))
    # find_holders reads the sentences before its sentence too, so that a text comes back
    # for the next sentences: the last few texts' mentions are kept, for briefkit's own
    # gazetteer (its matcher the same object: a new one empties them)
    matcher = actors._matcher_for(None)
    if matcher is not _KEPT_MATCHER[0]:
        _KEPT_MENTIONS.clear()
        _KEPT_MATCHER[0] = matcher
    found = _KEPT_MENTIONS.get(text)
    if found is None:
        found = tuple(_as_holder_mentions(actors.find_actors(text)))
        if len(_KEPT_MENTIONS) >= _MENTIONS_KEPT:
            del _KEPT_MENTIONS[next(iter(_KEPT_MENTIONS))]
        _KEPT_MENTIONS[text] = found
    return list(found)


def _as_holder_mentions(found) -> list[Mention]:
    return [Mention(m.actor, m.actor_type, m.country or "", m.text, m.start, m.end) for m in found]


_MENTIONS_KEPT = 64
_KEPT_MENTIONS: dict[str, tuple[Mention, ...]] = {}  # text -> its mentions, oldest first
_KEPT_MATCHER: list = [None]  # the matcher they were found with


def _may_hold_view(toks: list[Tok]) -> bool:
    """Whether :meth:`Sentence.find` can find a view in a sentence of these tokens: only at
    a token of ``_TRIGGERS`` or in an opening "To X, ..." (exact, so that the rest skip the
    parsing of the sentence and of those before it)."""
    return bool(toks) and (toks[0].norm == "to" or any(t.norm in _TRIGGERS for t in toks))


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

    >>> found = find_holders(
    ...     "Putin asserts that the war was lost, and rejects the argument that it mattered.")
    >>> [(h.holder, h.cue) for h in found], found[0].content
    ([('Vladimir Putin', 'assert'), ('Vladimir Putin', 'reject')], 'the war was lost')
    """
    toks = tokens(sentence_text)
    if not _may_hold_view(toks):
        return []  # no cue word and no opening "To": Sentence.find finds nothing
    if isinstance(previous, str):
        previous = [previous]
    mentions = _mentions_of(sentence_text, gazetteer)
    context = _LazyContext(tuple(previous or ()), sentence_text, mentions, gazetteer)
    sent = Sentence(sentence_text, mentions, context, toks=toks)
    return sent.find()


def _context_of(previous, sentence_text: str, mentions, gazetteer) -> Context:
    """What :func:`find_holders` knows when it parses its sentence: the sentences before it
    read in order (each parsed with what those before it told), then the sentence's own
    short forms and names (:meth:`Context.learn`)."""
    context = Context()
    for prev in previous:
        prev_mentions = _mentions_of(prev, gazetteer)
        context.learn(prev, prev_mentions)
        sent = Sentence(prev, prev_mentions, context)
        context.learn_texts(sent.find())
        seen = sent.with_titled(sent.mentions)
        context.push(seen, sent.context_refs, head_mentions(prev, seen))
    context.learn(sentence_text, mentions)
    return context


class _LazyContext:
    """A :class:`Context` worked out (:func:`_context_of`) only when the parser first reads
    it: many sentences' cues resolve to a holder named in the sentence itself, and then the
    sentences before it are never parsed. Reading or changing any attribute works out the
    context, so the parse sees exactly what an eager one would."""

    __slots__ = ("_args", "_context")

    def __init__(self, previous, sentence_text: str, mentions, gazetteer) -> None:
        object.__setattr__(self, "_args", (previous, sentence_text, mentions, gazetteer))
        object.__setattr__(self, "_context", None)

    def __bool__(self) -> bool:  # ``context or Context()`` keeps this one, unread
        return True

    def _real(self) -> Context:
        context = object.__getattribute__(self, "_context")
        if context is None:
            context = _context_of(*object.__getattribute__(self, "_args"))
            object.__setattr__(self, "_context", context)
            object.__setattr__(self, "_args", None)
        return context

    def __getattr__(self, name: str):
        return getattr(self._real(), name)

    def __setattr__(self, name: str, value) -> None:
        setattr(self._real(), name, value)


def find_holder(sentence_text: str, *, previous: str | Sequence[str] | None = None,
                at: int | None = None, gazetteer=None) -> Holder | None:
    """The holder of the view a sentence reports, or None when the view is the author's.

    Args:
        sentence_text: the sentence; offsets in the result index it.
        previous: the sentence(s) before it, oldest first, to resolve pronouns.
        at: a character offset in the sentence (say, a target's start): the view whose
            content covers it is returned, else None. Without it, the first view found.
        gazetteer: a gazetteer DataFrame or CSV path; None for briefkit's own.

    >>> h = find_holder("Both have asserted that prices fell.",
    ...                 previous="Both Russia and Iran see risks.")
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
