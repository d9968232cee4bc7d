"""Who holds a view: the phrase before a reporting cue, resolved to actors of the gazetteer.

A holder is a name of the gazetteer ("Moscow" is Russia), a group ("U.S. officials",
"Saudi and Emirati officials", "analysts in Riyadh"), a name the gazetteer lacks ("Staffan
de Mistura"), a definite description ("the government": the state named before it), or a
pronoun ("he", "it", "they", "Both", "Neither"), resolved to the nearest fitting actor: the
holder of an earlier claim in the sentence, then the sentence's own actors before it, then
those of the three sentences before. "The group" or "the agency" is the nearest actor of that
kind, "the crown prince" the nearest person of the brief whose gazetteer entry holds the
title, bare "officials" those of the state the sentence named before them, and a text
("Erdogan's letter", "the movement's statement") speaks for its author.
:class:`HolderPhrases` is the part of the sentence parser of :mod:`briefkit.reported` that
does this; it reads the parser's tokens and mentions.

What it does not do: it has no syntax tree, so a holder is found by walking back from the
cue over auxiliaries, adverbs, asides and relative words; pronouns are resolved by kind
(person, entity, plural, pair) and nearness, not by meaning.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from briefkit import actors as _actors
from briefkit.cue_lexicon import CUE_WORDS, VERB_CUES, WORDS, is_adverb, is_cap, tokens

AUTHOR = "author"

_AUX = WORDS["auxiliaries"]
_NEG = WORDS["negators"]
_CONTROL = WORDS["control_verbs"]
_NEG_CONTROL = WORDS["negative_control_verbs"]
# Plurals naming some legislators ("several Republican senators"): members of Congress when
# they are the U.S. Congress's (case 14); heads of a holder's phrase like the group nouns.
_LEGISLATOR_NOUNS = frozenset({"lawmakers", "legislators", "senators", "congressmen",
                               "congresswomen"})
_GROUP_NOUNS = WORDS["group_nouns"] | _LEGISLATOR_NOUNS
_NP_MODIFIERS = WORDS["phrase_modifiers"]
_NP_STOPS = WORDS["phrase_stops"]
_SPEAKERS_FOR_NONE = WORDS["speakers_for_none"]
_PLAIN_GROUPS = WORDS["plain_group_nouns"]
# Group nouns whose "of" phrase is what their view is about, not whom they speak for
# ("critics of the administration", "supporters of the deal"): the head holds the view.
_ABOUT_OF = _SPEAKERS_FOR_NONE | {"supporters", "opponents", "proponents", "backers"}
_TITLE_WORDS = WORDS["title_words"]
_NAME_PARTICLES = WORDS["name_particles"]
_MONTHS = WORDS["calendar_words"]
_PREPOSITIONS_BEFORE = WORDS["prepositions"]
_SUBORDINATORS = WORDS["subordinators"]
_ADVERBS = WORDS["adverbs"]
_UNHELD_NOUNS = WORDS["unheld_nouns"]
_BODY_HEADS = WORDS["body_heads"]
_PLAIN_HOLDER_NOUNS = WORDS["plain_holder_nouns"]
_NOT_PEOPLE_NOUNS = WORDS["not_people_nouns"]
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ees")  # "importers", "grantees"
_EVIDENCE_NOUNS = WORDS["evidence_holder_nouns"]
# Endings of abstract nouns, which end an office's name, never a person's ("Reconstruction").
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ity", "ance", "ence", "ship", "ism")
_BODY_LINKS = frozenset({"of", "for", "on"})  # "Office of ...", "Center for ...", "Group on ..."
_BODY_JOINS = _BODY_LINKS | {"the", "and", "&"}
# Plural texts that hold what they say, as plain holders ("Reports indicate that ...",
# "Some estimates suggest that ...")
# Texts a sentence cites, which "the report" names again in a later one.
_CITED_TEXTS = frozenset({"report", "notice", "study", "assessment", "statement", "review",
                          "survey", "analysis"})
# The same texts, plurals and figures besides, by the singular that names them again: "the
# DRF monthly reports" after "FEMA's ... DRF monthly report", "The 2025 study" after "a 2025
# economics study", "The FY2026 budget documents" after "FY2026 Navy budget documents".
_CITED_AGAIN = {**{w: w for w in _CITED_TEXTS}, "reports": "report", "studies": "study",
                "assessments": "assessment", "statements": "statement", "reviews": "review",
                "surveys": "survey", "analyses": "analysis", "estimate": "estimate",
                "estimates": "estimate", "document": "document", "documents": "document"}
# Documents that speak for whoever issued them ("The report attributes ...", "the joint
# statement commits ...", "The strategy identifies ..."): "the document" names again the one
# the text named last, issued by the subject of a verb of issuing ("DHS and the FBI released
# a joint report") or by the possessor in its phrase ("USTR's report", "His signing
# statement").
_DOCUMENT_HEADS = frozenset({"statement", "report", "declaration", "communique", "communiqué",
                             "strategy", "document", "reports", "statements"})
_DOCUMENT_ISSUING = re.compile(
    r"\b(?:released|issued|published|signed|adopted|sent)\s+(?:a|an|the|their|its|his|her)"
    r"\s+(?:[\w'’+-]+\s+){0,4}?(?:statement|report|declaration|communiqu[eé]|document|"
    r"strategy)\b", re.IGNORECASE)
_OPENING_DOCUMENT = re.compile(
    r"(?:The|This|That|Its)\s+(?:[\w'’-]+\s+){0,3}?(?:[Ss]trategy|[Dd]ocument|[Rr]eport|"
    r"[Ss]tatement|[Dd]eclaration|[Cc]ommuniqu[eé])\b")
_ISSUER_JOINS = frozenset({"and", "the", "both", "jointly", "also", "later", "then"})
_DOCUMENT_TAILS = frozenset({"of", "on", "released", "published", "issued", "posted",
                             "adopted", "signed", "in", ","})
# Documents known by their own name, with their issuer (the National Security Strategy is
# the White House's, as the development labels have it).
_NAMED_DOCUMENTS = {"national security strategy": ("White House", "United States")}
# Bills speak for the members of Congress who wrote them (once the text names Congress).
_LEGISLATION = frozenset({"bill", "bills", "legislation"})
_ADJECTIVE_ENDINGS = ("ial", "ous", "ive", "able", "ible", "ical")
# Common nouns before a name that make it the name of a thing ("program Odin").
_THING_NOUNS = frozenset({"program", "programme", "project", "system", "initiative", "vessel",
                          "ship", "satellite", "missile", "platform", "software", "tool",
                          "exercise", "operation", "model", "database"})
# Words that open a clause before the main one ("When X said ..., Y condemned ...").
_OPENING_SUBORDINATORS = frozenset({"when", "after", "because", "although", "though", "once",
                                    "while", "if", "since", "before", "as"})
_BARE_DETERMINERS = frozenset({"this", "these", "that", "those", "some", "one", "several",
                               "many", "most", "other", "such", "each", "every", "any"})
# Writings a medium carries ("Commentaries in Chinese state media ..."): the medium's views.
_MEDIA_WRITINGS = frozenset({"commentary", "commentaries", "editorial", "editorials",
                             "articles", "coverage", "reports", "reporting"})
_TEXT_HOLDERS = frozenset({"reports", "estimates", "studies", "analyses",
                           "assessments"})

# Pronouns and the kind of antecedent each takes.
_PRONOUNS = {"he": "person", "she": "person", "it": "entity", "they": "plural",
             "both": "pair", "we": "author", "i": "speaker"}
_PRONOUN_SEX = {"he": "m", "she": "f"}
# Titles that name one person with no name beside them ("the President", "the minister").
_PERSON_TITLE_HEADS = frozenset({"president", "prince", "king", "emir", "minister", "premier",
                                 "chancellor", "queen", "princess", "secretary"})
TITLED_PERSON = re.compile(r"\b(?:" + "|".join(sorted(_PERSON_TITLE_HEADS)) + r")\b",
                           re.IGNORECASE)
_PAIR_PHRASES = re.compile(r"^(?:both|neither|the two|both of them|each|(?:the two|both) [a-z]+s"
                           r"|(?:neither|either) [a-z]+[^s]|the two men)$")  # "neither side"
_PERSON_TYPES = frozenset({"leader", "person"})
# Heads of a pair phrase that stand for states, never for two people ("the two capitals").
_STATE_PAIR_HEADS = frozenset({"governments", "capitals", "countries", "states", "nations",
                               "powers", "neighbours", "neighbors", "allies",
                               # "neither government", "either capital"
                               "government", "capital", "country", "state", "nation",
                               "power", "sides", "side"})
# Plural heads of a definite phrase that takes up actors named together before ("The
# ministers agreed", "the three governments pledged", "The same governments rejected").
_JOINT_HEADS = frozenset({"parties", "sides", "signatories", "governments", "countries",
                          "states", "nations", "capitals", "powers", "allies", "partners",
                          "ministers", "leaders", "delegations"})
_JOINT_OPENERS = frozenset({"the", "both", "all"})
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_LIST_JOINS = frozenset({"and", "the"})
# Participles that name who set up a body before "by" ("a panel appointed by ...").
_APPOINTING = frozenset({"appointed", "commissioned", "convened", "created", "established",
                         "formed", "named", "chaired", "co-chaired", "led", "organized",
                         "organised", "mandated", "ordered", "tasked", "hired"})
# Plural heads for a body's own members, which speak as the body ("NATO allies").
_BODY_MEMBERS = frozenset({"members", "partners", "allies", "signatories", "parties"})
# Prepositions that do not open an aside between a conjunct's commas ("A, of B, and C").
_NOT_ASIDES = frozenset({"of", "than", "between", "including", "to", "for", "from", "by"})
_STATE_TYPES = frozenset({"state", "observer_state", "former_state", "territory", "sub_state",
                          "region", "people"})
# Actors named by a people's adjective as well as by their name ("Kurdish", "Houthi").
_PEOPLES = frozenset({"people", "armed_group", "political_group"})
_PLACE_TYPES = _STATE_TYPES - {"people"}
_GROUP_TYPES = frozenset({"group_holder", "people"})
_STATE_ORGANS = frozenset({"state_agency", "state_force"})
NON_HOLDER_TYPES = frozenset({"region", "non_actor"})
# Definite descriptions read like pronouns: "the government" stands for a state named before.
_DEFINITE = {"government": "it", "regime": "it", "kingdom": "it", "authorities": "they",
             "leadership": "it", "administration": "it", "group": "it", "movement": "it",
             "militia": "it", "organisation": "it", "organization": "it", "alliance": "it",
             "agency": "it", "army": "it", "military": "it",
             "emirate": "it", "republic": "it", "tribunal": "it", "court": "it", "judge": "it",
             "president": "he", "prince": "he", "king": "he", "emir": "he", "minister": "he",
             "premier": "he", "chancellor": "he", "envoy": "he", "ambassador": "he"}
# A court by its common noun ("the court", "the district court", "the judge"): the court
# named last before it, however far back (a ruling is told over many sentences).
_COURT_WORDS = frozenset({"court", "judge"})
_COURT_NAME = re.compile(r"\b(?:Court|Circuit|court)\b")
_COURT_MODIFIERS = frozenset({"district", "appeals", "appellate", "trial", "lower", "federal"})
# Descriptions that stand for the nearest actor of their kind ("the group denied").
_ARMED = frozenset({"armed_group", "political_group"})
_DEFINITE_KINDS = {"group": _ARMED, "movement": _ARMED, "militia": _ARMED,
                   "agency": frozenset({"body", "state_agency"}),
                   "organisation": frozenset({"body"}), "organization": frozenset({"body"}),
                   "kingdom": frozenset({"state"}), "emirate": frozenset({"state"})}
_POSSESSIVE_DEFINITE = {"its": "it", "their": "they", "his": "he", "her": "she",
                        "group's": "it", "kingdom's": "it", "government's": "it",
                        "regime's": "it", "movement's": "it", "alliance's": "it"}
# Determiners and quantifiers left out of a plain group name ("many analysts" -> "analysts").
_PHRASE_DETERMINERS = frozenset({"the", "a", "an", "many", "some", "most", "several", "few",
                                 "other", "all"})
# "Many in Tehran", "some in Congress": a quantifier before the place or body they are in.
_BARE_QUANTIFIERS = frozenset({"some", "many", "most", "several"})  # "Some worry that"
# Plural forms of the verbs that carry a noun cue ("Some have concerns that ...").
_PLURAL_LIGHT_VERBS = frozenset({"have", "share", "hold", "raise", "make"})
# Quantifiers left out of a plain subject's name before a plural ("some farm groups").
_LEFT_OUT_QUANTIFIERS = frozenset({"some", "many", "most", "all"})
_QUANTIFIED = frozenset({"many", "some", "most", "few", "several", "others", "those"})
_IN_PLACE = frozenset({"in", "at", "within"})
# Endings of plural nouns for people ("residents", "protesters", "neighbors", "critics").
_PEOPLE_NOUN_ENDINGS = ("ers", "ors", "ists", "ants", "ents", "ians", "ics", "ives", "ees",
                        "ites", "ards")
# Quantifiers of "of them" that leave the phrase a part of what "they" stands for.
_PART_OF_THEM = frozenset({"many", "some", "most", "all", "several", "few", "each", "both",
                           "none", "neither", "one", "two"})
# Words that open a clause, so a phrase may start after them ("while rebel spokesmen say").
_CLAUSE_SUBORDINATORS = frozenset({"while", "whereas", "although", "though", "because",
                                   "when", "if", "since", "after", "before", "as"})
_COORDINATORS = frozenset({"and", "but", "or", "nor", "yet"})
# Texts that speak for their author ("Erdogan's letter expressed sorrow").
_VOICE_NOUNS = frozenset({"statement", "letter", "message", "communique", "communiqué",
                          "declaration", "speech", "vision", "plan", "office",
                          # documents, filings and data speak for their issuer too (real
                          # texts' conventions: "FEMA's testimony", "MTA's report")
                          "testimony", "filing", "opposition", "motion", "release", "report",
                          "study", "data", "documents", "budget", "request", "proclamation",
                          "analysis", "assessment", "estimate", "review", "notice",
                          "policy", "brief"})  # "The February 2025 NIH policy"
# The nouns of texts and figures that speak for their holder as a cue's subject.
_SPEAKING_TEXTS = (_VOICE_NOUNS - {"office", "vision", "plan", "policy", "speech", "message"}
                   ) | _DOCUMENT_HEADS | set(_CITED_AGAIN)
_VOICE_MODIFIERS = frozenset({"first", "latest", "last", "new", "joint", "formal", "public",
                              "own", "open", "written", "official", "preliminary", "final",
                              "annual", "monthly", "evaluation", "press", "budget", "recent",
                              "most", "draft", "initial"})
# Words that name the US executive as a document's issuer ("the President's budget").
_US_EXECUTIVE = frozenset({"administration", "administration's", "president's"})
# The texts of Congress's committees that go with its acts ("report language", "the
# explanatory statement"): they speak for Congress (a document resolves to its issuer).
_CONGRESS_TEXTS = frozenset({("language", "report"), ("statement", "explanatory")})
# Verbs that put out a document, whose subject is its issuer ("FEMA issued a notice ..."),
# and texts issued that _VOICE_NOUNS lacks.
_ISSUING = frozenset({"issued", "released", "published", "sent", "submitted", "filed",
                      "posted", "issues", "releases", "publishes"})
_ISSUED_TEXTS = frozenset({"update", "advisory", "memo", "memorandum", "guidance", "order",
                           "proclamation", "notice", "bulletin", "letter", "rule",
                           # filings in a court speak for whoever filed them ("several
                           # states filed lawsuits claiming ...", "filed a motion asking")
                           "lawsuit", "lawsuits", "suit", "suits", "complaint", "complaints",
                           "petition", "petitions", "motion", "motions"})
# Filings, whose filer may be a group in the text's own words ("Several states filed ...").
_FILINGS = frozenset({"lawsuit", "lawsuits", "suit", "suits", "complaint", "complaints",
                      "petition", "petitions", "motion", "motions"})
_FISCAL_YEAR = re.compile(r"fy ?\d{2,4}")  # "FY2027": a date before a document
_ARTICLES = frozenset({"the", "a", "an"})
_OFFICE_LINKS = frozenset({"of", "for", "the"})  # "Secretary of the Army"
_CHAMBERS = frozenset({"House", "Senate"})
# Plurals that name some members of Congress, and the titles of one of them.
_LEGISLATOR_PLURALS = frozenset({"members", "democrats", "republicans"})
_FELLOW_QUANTIFIERS = frozenset({"other", "many", "several", "some", "most", "a", "few"})
_LEGISLATOR_TITLES = frozenset({"Senator", "Senators", "Representative",
                                "Representatives", "Sen.", "Rep.", "Congressman",
                                "Congresswoman"})
# Party plurals of Congress: both parties named together are members of Congress (case 14).
_CONGRESS_PARTIES = frozenset({"Democratic Party", "Republican Party"})
_PARTY_WORDS = {"Democrats": "Democratic Party", "Democratic": "Democratic Party",
                "Republicans": "Republican Party", "Republican": "Republican Party",
                "GOP": "Republican Party"}
# Titles of a chamber's party leaders ("Senate Minority Leader X", "House Majority Whip Y").
_CHAMBER_LEADER_TITLES = frozenset({"Leader", "Whip"})
# Counts before a plural in words ("Twenty-eight senators").
_COUNT_WORDS = re.compile(r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|two|"
                          r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?)"
                          r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?")
_OFFICE_NOUNS = _TITLE_WORDS | {"administrator", "comptroller", "commandant"}
# Titles of two or more people before their names ("Representatives A and B").
_PLURAL_TITLES = frozenset({"presidents", "senators", "representatives", "ministers",
                            "premiers", "chancellors", "governors", "ambassadors", "generals",
                            "congressmen", "congresswomen"})
# title words that qualify an office rather than name one ("its army", "the defense ...")
_TITLE_MODIFIERS = frozenset({"affairs", "army", "crown", "defence", "defense", "deputy",
                              "finance", "foreign", "interior", "national", "oil", "prime",
                              "security", "special", "state", "supreme", "vice"})
_DETERMINERS = _ARTICLES | {"his", "her", "its", "their", "this", "that"}
# Words that open a description a name may stand beside ("His predecessor, General X, ...").
_APPOSED_OPENERS = frozenset({"the", "a", "an", "his", "her", "its", "their"})
# Quantifiers that float between a plural or joint subject and its verb ("A and B both argue").
_FLOATING = frozenset({"all", "both", "each"})
_FLOAT_NOT_AFTER = _PREPOSITIONS_BEFORE | _ARTICLES | _COORDINATORS | _AUX | {"of", "we", "you"}
# Verbs whose object is asked or made to do what follows "to": it holds no view of its own.
_REQUEST_VERBS = frozenset({"urge", "urges", "urged", "urging", "press", "presses", "pressed",
                            "pressing", "ask", "asks", "asked", "asking", "invite", "invites",
                            "invited", "inviting", "encourage", "encourages", "encouraged",
                            # made to do it: "forces Washington to treat Russia as an equal"
                            "force", "forces", "forced", "forcing", "compel", "compels",
                            "compelled", "compelling", "oblige", "obliges", "obliged",
                            "require", "requires", "required", "requiring",
                            # told to do it: "would instruct the President to call for ..."
                            "instruct", "instructs", "instructed", "instructing", "direct",
                            "directs", "directed", "directing"})
# Words before a bare "officials" or "commanders" that leave it the group of the state named.
_BARE_OFFICIAL_WORDS = frozenset({"the", "some", "many", "most", "several", "senior", "top",
                                  "military", "a", "an", "one", "unnamed", "anonymous"})
# Conjuncts that add no holder of their own ("Merkel and others", "Russia and its allies").
_VAGUE_HEADS = frozenset({"others", "allies", "partners", "friends", "supporters", "backers",
                          "proxies"})
# Words before a generic group ("outside experts") that qualify it without naming a group.
_VAGUE_QUALIFIERS = _PHRASE_DETERMINERS | _BARE_OFFICIAL_WORDS | {"outside", "independent"}
_GOVERNMENTS = frozenset({"government", "leadership", "administration", "regime"})
# Verbs of contact whose object is the one called on, not the one who acts: in "X called Y
# to urge ...", "X met Y in Z to press ..." the purpose clause is the caller's, X's.
_CONTACT_VERBS = frozenset({"call", "calls", "called", "calling", "phone", "phones", "phoned",
                            "phoning", "telephone", "telephones", "telephoned", "telephoning",
                            "meet", "meets", "met", "meeting", "visit", "visits", "visited",
                            "visiting", "summon", "summons", "summoned", "summoning", "host",
                            "hosts", "hosted", "hosting", "write", "writes", "wrote",
                            "writing"})
# What a government governs ("the government" is a state's or a territory's, not a party's).
_GOVERNED_TYPES = frozenset({"state", "sub_state", "territory"})
# A place named by its kind in a possessive ("the kingdom's government").
_PLACE_POSSESSIVES = frozenset(f"{w}{s}" for w in ("kingdom", "country", "territory",
                                                      "island", "emirate", "republic")
                               for s in ("'s", "’s"))
# Actors that name a state's government: the state, its organs, its leaders and officials.
_GOVERNMENT_SIDE = frozenset({"state", "state_agency", "state_force", "leader",
                              "group_holder"})
# Words before an -ing cue that make it share the clause's subject ("while insisting").
_BEFORE_SHARED_ING = frozenset({"and", "while", "by", "in", "after", "before"})
_WORDISH = re.compile(r"\w")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:(?:the|a|an)\s+)?$")
# Endings of a people's adjective ("Russian", "Chinese", "Saudi", "Turkish"), which a
# capital used for its government ("Washington officials") lacks.
_ADJECTIVE_FORM = re.compile(r"(?:an|ese|i|ish|ic|ch)$")
_SHARED = object()  # the cue shares the subject of an earlier verb in the sentence
# Words that open a clause of its own: between a subject and a later conjunct's verb
# they show that the subject before them is not the conjunct's.
_RELATIVE_OR_SUBORDINATE = frozenset({"that", "who", "whom", "which", "whose", "where",
                                      "when", "if", "whether"})
# Adverbs of time not in the adverb list that may stand between a control verb and its
# "to" ("used before to", "tried once to"); other adverbs are found by is_adverb.
_TIME_ADVERBS_BEFORE_TO = frozenset({"before", "once", "twice"})
# Units of a span of time ("two days later").
_TIME_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years",
                         "hour", "hours"})
# Irregular past forms that open a verb group with no auxiliary ("went further and ...").
_IRREGULAR_PAST = frozenset({"went", "left", "spoke", "met", "made", "took", "gave", "came",
                             "held", "sent", "told", "began", "flew", "saw", "kept", "led",
                             "brought", "won", "lost", "set", "put", "ran", "stood", "sat",
                             "wrote", "chose", "drew", "broke", "struck", "sought", "spent",
                             "paid", "did", "had", "was", "were"})
_BODY_TYPES = frozenset({"state_agency", "state_force", "body", "organization", "company"})
_SHORT_FORM_STOPS = frozenset({"States", "Nations", "Union", "Kingdom", "Republic", "Party"})
# "Name (ACR)" or "Name's (ACR's)": a run of capitalised words (with "of", "and", "for",
# "the" inside) and a bracketed short form of two or more capitals
_ACRONYM_DEFINED = re.compile(
    r"((?:[A-Z][\w.&-]*\s+(?:(?:of|and|for|on|the)\s+)*)*[A-Z][\w.&-]*(?:'s)?)"
    r"\s*\(((?=[A-Za-z]*[A-Z][A-Za-z]*[A-Z])[A-Za-z]{2,10})(?:'s)?\)")
# A run of two to five capitalised words, a person's full name perhaps after a title.
_FULL_NAME = re.compile(r"(?<![\w'’-])((?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+ ){1,4}"
                        r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ-]+)(?![\w'’])")
_KNOWN_AS = re.compile(r",? (?:also )?known as ([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ-]+)\b")
# Words that open a run of capitals with no part in a name ("Former President X", "When X").
_NAME_OPENERS = frozenset({"former", "the", "a", "an", "then", "when", "after", "but", "and",
                           "while", "in", "on", "as", "if", "since", "late", "new", "acting",
                           "outgoing", "incoming", "current", "u.s."})
_ACRONYM_LEADS = frozenset({"A", "An", "In", "On", "As", "By", "Under", "While",
                            "According", "Since", "After"})
# States whose people's names put the family name first ("Wang Yi" is "Wang" later).
_SURNAME_FIRST = frozenset({"China", "Taiwan", "North Korea", "South Korea"})
_ARABIC_LINKS = frozenset({"bin", "ibn", "bint"})  # "Abdulaziz bin Salman" is "Abdulaziz"
_PARTICLE_TAIL = re.compile(r" (?:bin|ibn|bint) [A-Z][\w-]+(?: Al [A-Z][\w-]+)?(?![\w'’])")


# A definite description of a body ("the institute", "the committee", "the company"): the
# body of that kind named last before it in the text, as a pronoun would stand for it.
_BODY_DESCRIPTIONS = (WORDS["body_heads"] - {"news", "group", "coalition", "union", "league",
                                              "network", "fund", "court", "tribunal",
                                              "organization", "organisation", "agency"}) \
    | {"company"}
_CAP_NAME = re.compile(r"(?<![\w.'’-])(?:[A-Z][\w.'’&-]*(?: (?:of|for|on)(?: the)? (?=[A-Z])"
                       r"| (?:and|&) (?=[A-Z])| (?=[A-Z])))+[A-Z][\w.'’&-]*")


def _name_head(name: str) -> str:
    """The head noun of a body's name: its last word before "of", "for" or "on" ("Institute"
    in "Schwarzenegger Institute for State and Global Policy"), else its last word."""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if k and w in _BODY_LINKS), len(words))
    return words[cut - 1].lower().removesuffix("'s").removesuffix("’s")


def _named_bodies(text: str, mentions) -> list[tuple[int, str, Ref]]:
    """The bodies a sentence names, as (end, head noun, Ref): the gazetteer's bodies,
    agencies, forces and companies, and capitalised names the gazetteer lacks whose head is a
    body's head noun ("Federal Judicial Center", "Schwarzenegger Institute for ...")."""
    out = []
    for m in mentions:
        if m.actor_type not in _BODY_TYPES:
            continue
        head = _name_head(m.text)
        if head in _BODY_DESCRIPTIONS:
            out.append((m.end, head, mention_ref(m)))
        if m.actor_type == "company":
            out.append((m.end, "company", mention_ref(m)))
    for found in _CAP_NAME.finditer(text):
        name = found.group(0).strip()
        start = found.start()
        if name.startswith("The "):
            name, start = name[4:], start + 4
        end = start + len(name)
        if " " not in name or any(m.start < end and start < m.end for m in mentions):
            continue
        head = _name_head(name)
        # a company the gazetteer lacks may go by a short form after: not "the company"
        if head in _BODY_DESCRIPTIONS and head != "company" and \
                name.split()[-1][:1].isupper():
            out.append((end, head, Ref(name, "", "entity")))
    return sorted(out, key=lambda e: e[0])


def _surname(name: str, country: str) -> str | None:
    """The word a text names a person by once named in full ("Austin" for "Lloyd Austin",
    "Wang" for "Wang Yi", "Abdulaziz" for "Abdulaziz bin Salman"), or None."""
    words = name.split()
    while words and words[0].lower() in _TITLE_WORDS:
        words = words[1:]
    if len(words) < 2:
        return None
    if any(w in _ARABIC_LINKS for w in words[1:]) or country in _SURNAME_FIRST:
        key = words[0]
    else:
        key = words[-1]
    return key if key[:1].isupper() and key.isalpha() else None


# An actor named in a sentence: actors.Mention, its offsets into the sentence.
Mention = _actors.Mention


class Ref(NamedTuple):
    """A resolved holder: canonical name, country ('' for none) and its kind."""

    actor: str
    country: str
    kind: str  # 'person', 'entity', 'plural', 'author', 'speaker'


_CONGRESS = Ref("U.S. Congress", "United States", "entity")
# Actors whose name a plain plural may follow ("the Syria Civil Defence volunteers") or
# join ("the National Retail Federation and technology associations").
_NAMED_BODY_TYPES = frozenset({"body", "company", "media", "armed_group", "political_group",
                               "state_agency"})
# A state's factions, named bare in a text on that state ("the hardliners", "Dissidents").
_FACTIONS = frozenset({"hardliners", "dissidents", "reformists"})
_MEMBERS_OF_CONGRESS = Ref("members of Congress", "United States", "plural")
# Holders written with a U.S. party as their noun ("some Republicans", "Democratic leaders",
# "X and other Democrats", "Republicans in Congress") are the party (case 21).
_PARTY_REFS = {name: Ref(name, "United States", "plural")
               for name in ("Democratic Party", "Republican Party")}
_US = "United States"
_ARMIES = frozenset({"military", "army"})  # a state's armed forces, named by its adjective
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen",
                           "spokeswomen", "spokespeople", "spokespersons"})


@dataclass
class Context:
    """What the last three sentences tell about pronouns (their mentions and claims'
    holders), and the people named so far, whom a title ("the crown prince") may name."""

    sentences: list = field(default_factory=list)  # [(mentions, holder refs list), ...]
    people: list = field(default_factory=list)  # every person named so far, for titles
    heads: list = field(default_factory=list)  # per sentence, its mentions that head a phrase

    names: dict = field(default_factory=dict)  # short forms the text defined -> Ref
    offices: dict = field(default_factory=dict)  # "secretary of transportation" -> its holder
    unread: list = field(default_factory=list)  # (text, mentions) not yet read for offices
    states: Counter = field(default_factory=Counter)  # how often the text names each state
    authors: frozenset = frozenset()  # the text's own publisher ("CRS"): its voice, no holder
    full_names: dict = field(default_factory=dict)  # "Uribe" -> "Álvaro Uribe", named before
    named: list = field(default_factory=list)  # per sentence, the people learned in it
    learned: list = field(default_factory=list)  # (name, start, end) of the sentence read
    documents: list = field(default_factory=list)  # per sentence read: opens with a document
    year: int | None = None  # the brief's year: an office held in a dated span fits only then
    lists: list = field(default_factory=list)  # per sentence learned, its lists of actors
    surnames: dict = field(default_factory=dict)  # "Austin" -> Lloyd Austin; None: two
    bodies: dict = field(default_factory=dict)  # "institute" -> the body last so named before
    bodies_here: list = field(default_factory=list)  # (end, head, Ref) of the sentence read

    def learn(self, text: str, mentions) -> None:
        """Learn the short forms a sentence defines for later ones: an acronym in brackets
        after a name ("International Seabed Authority (ISA)", "The Metal Company's (TMC's)"),
        and the last word of a body's name with a modifier ("the U.S. Army", then "the
        Army"); "Members" once the text names the U.S. Congress; the holder of an office
        a title names before a name ("Secretary of Transportation Jane Roe"), so that "the
        Secretary" later is that person whatever sentence is read first."""
        for _, head, ref in self.bodies_here:
            self.bodies[head] = ref  # the sentence before's bodies, named before this one
        self.bodies_here = _named_bodies(text, mentions)
        for m in mentions:
            if m.country and m.actor_type not in NON_HOLDER_TYPES:
                self.states[m.country] += 1  # the state itself, its bodies and its people
            if m.actor_type in _PERSON_TYPES:
                self._learn_surname(_surname(m.actor, m.country),
                                    Ref(m.actor, m.country, "person"))
            else:  # "Jordan" the state and "Jim Jordan": "Jordan" alone is neither
                for word in m.text.split():
                    if word[:1].isupper():
                        self.surnames[word] = None
            words = m.text.split()
            if m.actor_type in _BODY_TYPES and len(words) >= 2 and words[-1].isalpha() and \
                    words[-1][:1].isupper() and words[-1] not in _SHORT_FORM_STOPS:
                self.names.setdefault(words[-1], mention_ref(m))
            if m.actor == "U.S. Congress":
                self.names.setdefault("Members", Ref("members of Congress", m.country,
                                                     "plural"))
            if _COURT_NAME.search(m.actor) and m.actor_type not in NON_HOLDER_TYPES:
                self.names["#court"] = mention_ref(m)  # "the court", "the judge" later
        self.unread.append((text, mentions))  # read for offices only when one is asked for
        self.lists = self.lists[-3:] + [_actor_lists(text, mentions)]
        issuers = _document_issuers(text, mentions)
        if issuers:
            self.names["#document"] = issuers
        self.documents = self.documents[-1:] + [bool(_OPENING_DOCUMENT.match(text))]
        self._learn_full_names(text, mentions)
        if "request" in text:
            issuer = _request_issuer(text, mentions)
            if issuer is not None:
                self.names["#request"] = issuer
        for found in _ACRONYM_DEFINED.finditer(text):
            name, short = found.group(1), found.group(2)
            while name.split(" ", 1)[0] in _ACRONYM_LEADS and " " in name:
                name = name.split(" ", 1)[1]
            m = next((m for m in mentions if m.end == found.end(1) - (
                2 if found.group(1).endswith("'s") else 0) and m.start <= found.start(1) + 4),
                None)
            if m is not None and m.actor_type not in _PERSON_TYPES:
                self.names[short] = mention_ref(m)
            elif m is None and " " in name:
                self.names[short] = Ref(name.removesuffix("'s"), "", "entity")

    def _learn_full_names(self, text: str, mentions) -> None:
        """Names of people the gazetteer lacks, given in full ("Former President Álvaro
        Uribe", "Rodrigo Londoño, known as Timochenko"), so that the surname or the alias
        alone later ("Uribe said", "Timochenko declared") is that person."""
        self.learned = []
        for found in _FULL_NAME.finditer(text):
            inside = [m for m in mentions if m.start < found.end() and found.start() < m.end]
            run, country = found.group(1), ""
            if inside:  # "South Korean President Yoon Suk Yeol": a state, a title, a name
                last = max(inside, key=lambda m: m.end)
                again = _FULL_NAME.match(text, last.end + 1)
                if last.actor_type not in _STATE_TYPES or again is None:
                    continue
                run = again.group(1).split()
                titles = [k for k, w in enumerate(run) if w.lower() in _TITLE_WORDS]
                if not titles:
                    continue
                run, country = " ".join(run[titles[-1]:]), last.country
                found = again
            tail = _PARTICLE_TAIL.match(text, found.end())
            if tail and not any(m.start < tail.end() and found.end() < m.end
                                for m in mentions):
                run += tail.group(0)  # "Prince Abdulaziz bin Salman"
            words = run.split()
            while words and (words[0].lower() in _TITLE_WORDS or words[0].lower() in
                             _NAME_OPENERS):
                words = words[1:]
            if tail:  # "Energy Minister Prince Abdulaziz bin Salman": the name after the title
                titles = [k for k, w in enumerate(words) if w.lower() in _TITLE_WORDS]
                words = words[titles[-1] + 1:] if titles else words
            if not 2 <= len(words) <= 3 or words[-1].lower() in _BODY_HEADS or \
                    any(w.lower() in _MONTHS or w.lower() in _TITLE_WORDS for w in words):
                continue
            full = " ".join(words)
            self.full_names.setdefault(words[-1], full)
            if country or tail:
                self._learn_surname(_surname(full, country), Ref(full, country, "person"))
            self.learned.append((full, found.start(), found.end()))
            alias = _KNOWN_AS.match(text, found.end())
            if alias:
                self.full_names.setdefault(alias.group(1), full)

    def _learn_surname(self, key: str | None, ref: Ref) -> None:
        """Let ``key`` alone name the person ``ref`` later, unless it already names another
        person or a place in the text."""
        if key is not None:
            self.surnames[key] = ref if self.surnames.get(key, ref) == ref else None

    def body(self, head: str, pos: int) -> Ref | None:
        """The body named last before ``pos`` whose name has ``head`` as its head noun
        ("the institute" after "the Schwarzenegger Institute for State and Global Policy"),
        in the sentence read or anywhere before it in the text; else None."""
        here = [ref for end, h, ref in self.bodies_here if h == head and end <= pos]
        return here[-1] if here else self.bodies.get(head)

    def office(self, title: str) -> Ref | None:
        """The person the text named with a title ("secretary of transportation"), from any
        sentence learned so far, whatever order they were read in, else None."""
        if title not in self.offices and self.unread:
            for text, mentions in self.unread:
                if any(word in text for word in _CAPITAL_TITLES):
                    for office, ref in _titled_names(text, mentions):
                        self.offices.setdefault(office, ref)
            self.unread.clear()
        return self.offices.get(title)

    def learn_texts(self, holders) -> None:
        """Remember which holder a text the sentence cited speaks for ("According to a DOD
        inspector general report, ..."), so that "the report" later is that holder's."""
        for h in holders:
            if "|" in h.holder:
                continue
            for word in h.holder_text.lower().split():
                if word in _CITED_TEXTS:
                    self.names["#" + word] = Ref(h.holder, h.holder_country, "entity")
                if word in _CITED_AGAIN:
                    self.names["#cited:" + _CITED_AGAIN[word]] = Ref(
                        h.holder, h.holder_country, "entity" if h.holder_country else "plural")
            if h.cue == "request" and "request" not in h.holder_text.lower():
                # "the Administration requested $1.3 billion": "the request" later is its
                self.names["#request"] = Ref(h.holder, h.holder_country, "entity")

    def push(self, mentions, refs, heads=None) -> None:
        """Add a sentence: its mentions, its claims' holder refs, and the mentions that head
        a phrase of their own (``head_mentions``; all of them when not given)."""
        self.sentences.append((mentions, refs))
        self.heads.append(mentions if heads is None else heads)
        self.named.append([name for name, _, _ in self.learned])
        self.learned = []
        self.people.extend(m for m in mentions if m.actor_type in _PERSON_TYPES)
        if len(self.sentences) > 3:
            self.sentences.pop(0)
            self.heads.pop(0)
            self.named.pop(0)


class HolderPhrases:
    """The holder half of the sentence parser: subjects, phrases and pronouns.

    Expects ``toks``, ``text``, ``mentions``, ``tok_mention`` (token index -> mention),
    ``context``, ``claims`` and ``refs`` (the holders found so far in the sentence).
    """


    def _subject(self, i: int):
        """(refs, holder start, holder end, negated) for the cue at token i, or None."""
        j, neg = self._before_verb(i)
        if j is None or j < 0:
            return None  # nothing before the cue, or a dash that opens no aside
        head = self._subject_head(i, j)
        if head is None:
            return None
        found = None
        if head is _SHARED and i >= 2 and self.toks[i - 1].norm == "by" and \
                self.toks[i - 2].norm.endswith("ed"):
            found = self._subject(i - 2)  # "X answered by saying that ...": X, the answer's
            found = found[:3] if found else None
        if found is None and head is not _SHARED and not head[1]:
            found = self._bare_quantifier(i, head[0])  # "Some worry that ...": some
        if found is None and head is not _SHARED:
            found = self._document_subject(i, head[0])  # "FEMA's testimony in ... stated"
        if found is None and head is not _SHARED and self.toks[i].norm.endswith("ing"):
            found = self._document_issuer(head[0])  # "X issued a notice stating that"
        conjunct = None
        if found is None and head is _SHARED and (self.toks[j].norm in {"and", "then"} or (
                self.toks[j].text == "," and self.toks[i].norm.endswith("ing"))):
            conjunct = self._conjunct_subject(i, j)  # "X has spoken with Y and has said
            # that", "..., but X waived the sanctions, stating that ...": the subject of the
            # cue's own clause, before the holder of a claim in an earlier clause
        if found is None:
            found = self._main_subject(i) if head is _SHARED else self._subject_phrase(*head)
            if conjunct is not None and (found is None or found[1] < conjunct[1]):
                found = conjunct  # the earlier claim's holder stands in an earlier clause
        if found and head is not _SHARED:
            found = self._caller(i, found) or found
        if self._purpose_infinitive(i, j, found):
            found = self._clause_subject(i)
        elif found and self._requested(i, found[1]):
            return None  # "urged the Council to hold Tehran accountable": asked, not held
        if found and head is not _SHARED and any(
                t.start == found[1] and t.norm in {"neither", "no", "none"} for t in self.toks):
            neg = True  # "neither Ankara nor Riyadh demands", "no EU government wants"
        return (*found, neg) if found else None

    def _document_subject(self, i: int, j: int):
        """(refs, start, end) when the cue's clause opens with a document that its words up
        to the cue only qualify ("FEMA's testimony in a hearing before the committee on May
        7, 2025, stated", "Report language accompanying the act indicated", "the agency's
        evaluation report for the program, covering 2025, indicates"): the document speaks
        for its issuer (real-text conventions), not the last name inside its qualifiers.
        None otherwise."""
        toks = self.toks
        first = max((k + 1 for k in range(i) if toks[k].text in {";", ":"}), default=0)
        k = next((k for k in range(first, j) if toks[k].norm in _VOICE_NOUNS
                  or self._congress_text(k)), None)
        if k is None or not (toks[k + 1].norm in _PREPOSITIONS_BEFORE or toks[k + 1].text in
                             {",", "("} or toks[k + 1].norm.endswith(("ing", "ed"))):
            return None
        for t in toks[k + 1:j + 1]:
            if t.norm in _AUX and t.text != "May" or t.norm in VERB_CUES or \
                    t.norm in {"that", "which", "who", "whom"}:
                return None  # a clause of its own between the document and the cue
        voice = self._voice_of(k) or self._document_by(k)
        if voice is None or not voice[0]:
            return None
        a = self.token_at(voice[1])
        if a is not None and a == first + 1 and toks[first].norm in _ARTICLES:
            a = first  # "The Navy's first evaluation report ...": the possessor's article
        if a is None or a > first and not (
                toks[a - 1].text == "," and (toks[first].norm in _PREPOSITIONS_BEFORE
                                             or is_adverb(toks[first].norm))):
            return None  # not the clause's subject ("In March 2026, ..." may open it)
        return voice

    def _document_speaks(self, i: int) -> bool:
        """Whether the subject of the cue at token i is a document or a data set whose
        holder the text names ("MTA's first evaluation report for the program, ...,
        indicates", "The USGS budget request \"emphasizes"): what such a text indicates or
        emphasizes, a noun phrase as much as a clause, is its holder's view (real-text
        conventions: a document resolves to its issuer)."""
        toks = self.toks
        j, _ = self._before_verb(i)
        while j is not None and j > 0 and toks[j].text in {'"', "“", "'"}:
            j -= 1
        if j is None or j < 0:
            return False
        if toks[j].norm not in _SPEAKING_TEXTS and self._document_subject(i, j) is None:
            return False
        found = self._subject(i)
        return bool(found and found[0])

    def _document_by(self, k: int):
        """(refs, start, end) of a document at token k whose issuer follows it after "of" or
        "by" ("The July 25 declaration of David Richardson", "a report by the Commission"):
        the issuer named (a document resolves to its issuer), the phrase from its article;
        None when no actor other than a place follows."""
        toks = self.toks
        if k + 2 >= len(toks) or toks[k + 1].norm not in {"of", "by"}:
            return None
        n = k + 3 if toks[k + 2].norm == "the" and k + 3 < len(toks) else k + 2
        m = self.tok_mention.get(n)
        if m is None or m.actor_type in _PLACE_TYPES or m.actor_type in NON_HOLDER_TYPES:
            return None
        a = k
        while a > 0 and (toks[a - 1].norm in _VOICE_MODIFIERS or toks[a - 1].norm in _MONTHS
                         or toks[a - 1].norm.isdigit() or _FISCAL_YEAR.fullmatch(toks[a - 1].norm)):
            a -= 1
        if a == 0 or toks[a - 1].norm not in _ARTICLES:
            return None
        return [mention_ref(m)], toks[a - 1].start, m.end

    def _document_issuer(self, j: int):
        """(refs, start, end) of who issued the document that a participle cue qualifies
        ("FEMA issued a press release indicating ...", "the President issued a proclamation
        stating that ..."): the subject of the verb of issuing, the document's issuer
        (real-text conventions); None otherwise."""
        toks = self.toks
        k, last = j, max(-1, j - 10)
        while k > last:
            if toks[k].text == ")" and toks[k].norm != "(":
                opened = next((o for o in range(k - 1, max(-1, k - 4), -1)
                               if toks[o].text == "("), None)
                if opened is not None and opened < k - 1 and all(
                        _WORDISH.match(t.text) for t in toks[opened + 1:k]):
                    k, last = opened - 1, max(-1, last - (k - opened + 1))
                    continue  # "filed lawsuits in the Court of International Trade (CIT)
                    # claiming ...": an acronym in brackets, skipped
            if not _WORDISH.match(toks[k].text) or toks[k].norm in {"that", "which", "who"}:
                return None
            if toks[k].norm not in _VOICE_NOUNS and toks[k].norm not in _ISSUED_TEXTS:
                if k in self.tok_mention:
                    last = max(-1, last - 1)  # a court's long name: one phrase, not words
                k -= 1
                continue
            a = k - 1
            while a >= 0 and (toks[a].norm in _VOICE_MODIFIERS or toks[a].norm in
                              _ISSUED_TEXTS or toks[a].norm in _ARTICLES):
                a -= 1
            if a < 0 or toks[a].norm not in _ISSUING:
                return None
            found = self._subject(a)
            if (not found or not found[0]) and toks[k].norm in _FILINGS:
                found = self._plain_subject(a)  # "Several states and importers have filed
                # lawsuits ...": a group in the text's own words files, and claims
            return found[:3] if found and found[0] else None
        return None

    def _congress_text(self, k: int) -> bool:
        """Whether token k ends "report language" or "explanatory statement": the words of
        a committee report or of the statement accompanying an appropriations act, which
        speak for Congress."""
        return k > 0 and (self.toks[k].norm, self.toks[k - 1].norm) in _CONGRESS_TEXTS

    def _bare_quantifier(self, i: int, j: int):
        """"Some worry that ...", "Many attribute ...", "some have argued": a quantifier
        standing alone as the subject of a plural verb (the cue in its base form, or after
        an auxiliary) holds the view, named by its own word; "Some estimates suggest" has
        a noun after it."""
        toks = self.toks
        if toks[j].norm not in _BARE_QUANTIFIERS or (
                j > 0 and _WORDISH.match(toks[j - 1].text)
                and toks[j - 1].norm not in _COORDINATORS):
            return None
        between = [t.norm for t in toks[j + 1:i]]
        if not (all(w in _AUX or is_adverb(w) for w in between) and (
                between or VERB_CUES.get(toks[i].norm, ("",))[0] == toks[i].norm
                or toks[i].norm in _PLURAL_LIGHT_VERBS)):
            return None
        group = self._group_in_sentence() if j > 0 and toks[j - 1].norm in _COORDINATORS \
            else None
        if group is not None:  # "Iranian officials see ..., and some portray it as ...": some
            return [group], toks[j].start, toks[j].end  # of them, the group just named
        return [Ref(toks[j].norm, "", "plural")], toks[j].start, toks[j].end

    def _group_in_sentence(self) -> Ref | None:
        """The plural group that holds the sentence's last view so far ("Critics ...
        question ..., and some see"), if one does, else None."""
        for refs in reversed(self.refs):
            if len(refs) == 1 and refs[0].kind == "plural" and \
                    refs[0].actor not in _BARE_QUANTIFIERS:
                return refs[0]
            return None
        return None

    def _plain_subject(self, i: int, *, opening: bool = False):
        """(refs, start, end, negated) of a subject the gazetteer and the group nouns do not
        resolve, for a cue in a strong frame (with "that", a clause, or "to"): a plural or
        collective common-noun phrase that opens its clause, named in the text's own words
        without articles or "some" ("However, some states and localities reported that ..."
        -> "states and localities", "Recipients of the funding reported that ..." ->
        "recipients of the funding"; scheme: unnamed holders keep the text's words), with
        the country of a state's adjective in it ("U.S. farm groups"); with ``opening`` (a
        bare clause after the cue), only a phrase that opens the sentence. None otherwise."""
        toks = self.toks
        j, neg = self._before_verb(i)
        if j is None or j < 0 or toks[i - 1].norm == "to" and toks[i - 2].norm not in _CONTROL:
            return None  # "asked grantees to report that": the object of a request
        verb = toks[i].norm
        if verb.endswith("ing") and not (toks[i - 1].norm in _AUX or is_adverb(toks[i - 1].norm)):
            return None  # "powers seeking to ...": a participle that qualifies the noun
        appointed = self._appointed_by(j)
        if appointed is not None:
            j, appointer = appointed  # "A panel appointed by the Pentagon": the panel
        tail = self._of_tail(j)
        end = j if tail is None else tail - 1
        a = end
        while a > 0 and self._plain_word(a - 1, end):
            a -= 1
        while a < end and toks[a].norm in {"and", ","}:
            a += 1
        if not self._plain_head(a, end, i) or not (
                self._opens_sentence(a) if opening else self._opens_clause(a)):
            return None  # "as terrorists claim the lives of ...": no clause, no view
        first = a
        while first < end and (self._date_word(first) or toks[first].norm in _ARTICLES | (
                _LEFT_OUT_QUANTIFIERS if toks[end].norm.endswith("s") or toks[end].norm == "people"
                else set())):
            first += 1  # "some farm groups" -> "farm groups"; "several" and "other" stay;
            # "FY2024 grantee data" -> "grantee data"
        country = next((m.country for k in range(first, end + 1)
                        if (m := self.tok_mention.get(k)) is not None and m.country), "")
        if appointed is not None and not country:
            country = appointer  # its country, as the body that set it up has it
        name = self.text[toks[first].start:toks[j].end]
        m = self.tok_mention.get(first)
        if self._opens_sentence(first) and not toks[first].text.isupper() and (
                m is None or m.actor_type == "group_holder"):
            name = name[:1].lower() + name[1:]
        return [Ref(name, country, "plural")], toks[a].start, toks[j].end, neg

    def _appointed_by(self, j: int) -> tuple[int, str] | None:
        """For a subject whose words up to token j end in a participle and its agent
        ("A panel appointed by the Pentagon", "a commission set up by Congress in 2019"):
        (the token before the participle, the agent's country); else None."""
        toks = self.toks
        by = next((k for k in range(j, max(0, j - 10), -1) if toks[k].norm == "by"), None)
        if by is None or by < 2 or by == j or any(
                not _WORDISH.match(t.text) or t.norm in _AUX or t.norm in VERB_CUES
                for t in toks[by + 1:j + 1]):
            return None
        p = by - 1
        if toks[p].norm == "up" and toks[p - 1].norm == "set":
            p -= 1  # "set up by"
        elif toks[p].norm not in _APPOINTING:
            return None
        head = toks[p - 1]
        if p < 2 or not head.text.isalpha() or not head.text.islower():
            return None  # the head a plain subject then checks (_plain_head)
        agent = next((m for k in range(by + 1, j + 1)
                      if (m := self.tok_mention.get(k)) is not None and m.country), None)
        return p - 1, agent.country if agent is not None else ""

    def _of_tail(self, j: int) -> int | None:
        """The "of" of a tail that ends at token j ("recipients of the funding", "critics of
        export promotion programs"), after a plural noun for people, else None."""
        toks = self.toks
        for k in range(j, max(0, j - 6), -1):
            nrm = toks[k].norm
            if nrm == "of":
                before = toks[k - 1]
                return k if k < j and before.text.isalpha() and (
                    before.norm.endswith(_PEOPLE_NOUN_ENDINGS + ("iffs", "ates"))
                    or before.norm in _GROUP_NOUNS) else None  # not "prices of grain"
            if not _WORDISH.match(toks[k].text) or (nrm in _NP_STOPS and nrm != "and") or \
                    nrm in _AUX or nrm in _NEG or nrm in _PRONOUNS or is_adverb(nrm):
                return None
        return None

    def _plain_word(self, k: int, head: int) -> bool:
        """Whether token k may stand before the head (token ``head``) of a plain subject:
        an article or quantifier, a lower-case modifier, a state's adjective, a conjunct's
        head before "and" ("states and localities"), or the sentence's capitalised first
        word."""
        tok, nrm = self.toks[k], self.toks[k].norm
        m = self.tok_mention.get(k)
        if m is not None and not m.text.islower():  # "U.S. farm groups": a state's adjective
            return m.actor_type in _STATE_TYPES and self.adjective_form(m)
        if nrm in _PHRASE_DETERMINERS or nrm in _BARE_DETERMINERS - {"that", "this", "one"}:
            return True
        if self._date_word(k):
            return True  # "FY2024 grantee data": a date says which (left out of the name)
        if nrm == "and":
            return k > 0 and self.toks[k - 1].norm.endswith("s") and k < head
        if not tok.text.replace("-", "").isalpha() or nrm in _NP_STOPS or nrm in _AUX or \
                nrm in _NEG or nrm in _PRONOUNS or nrm in _POSSESSIVE_DEFINITE or \
                nrm in {"our", "my", "your"} or is_adverb(nrm):
            return False  # "their allies": a pronoun's, resolved or not, never plain words
        if not tok.text.islower() and not (k == 0 or self._opens_sentence(k)):
            return False  # a name the gazetteer lacks: not a plain phrase
        if nrm.endswith("s") and not nrm.endswith(("ss", "us", "is")):
            return self.toks[k + 1].norm == "and"  # "states and localities"; not "helps"
        return nrm not in VERB_CUES or VERB_CUES[nrm][0] == nrm  # not "said", "argued"

    def _date_word(self, k: int) -> bool:
        """Whether token k is a fiscal year or a year ("FY2024", "2023") before a noun."""
        nrm = self.toks[k].norm
        return bool(_FISCAL_YEAR.fullmatch(nrm)) or nrm.isdigit() and len(nrm) == 4

    def _plain_head(self, a: int, end: int, i: int) -> bool:
        """Whether tokens a..end are a plain subject whose head (``end``) is a plural or
        collective noun for people or a text, agreeing with the cue's verb at token i."""
        toks = self.toks
        if a > end or not any(toks[k].norm not in _PHRASE_DETERMINERS | _BARE_DETERMINERS
                              for k in range(a, end + 1)):
            return False
        head = toks[end].norm
        if not toks[end].text.replace("-", "").isalpha() or head in _PRONOUNS:
            return False
        words = [k for k in range(a, end + 1) if toks[k].norm not in _PHRASE_DETERMINERS]
        plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
        if head in _UNHELD_NOUNS:
            if len(words) < 2 or head not in _EVIDENCE_NOUNS:
                return False  # "Plans call for ...", "Data show ...": no holder named
        elif head not in _PLAIN_HOLDER_NOUNS and head not in _GROUP_NOUNS and (
                not plural or not head.endswith(_PEOPLE_ENDINGS) or head in _NOT_PEOPLE_NOUNS):
            return False  # "these gaps suggest", "the strikes reported": no one's view
        if not plural and toks[a].norm in {"the", "this", "that"}:
            return False  # "The coalition says": one named before, not a plain group
        verb = toks[i].norm
        bare = i == end + 1 or all(t.norm in _NEG or is_adverb(t.norm)
                                   for t in toks[end + 1:i])
        if bare and plural and verb.endswith("s") and VERB_CUES.get(verb, ("",))[0] != verb:
            return False  # "the rise in prices suggests": "prices" is not the subject
        return True

    def _opens_clause(self, a: int) -> bool:
        """Whether a phrase starting at token a opens its clause: the sentence's start, or
        after a comma, a colon, a dash, a conjunction or a subordinator."""
        if a == 0 or self._opens_sentence(a):
            return True
        prev = self.toks[a - 1]
        if prev.norm in {"and", "or", "nor"}:  # "Russia, Iran and their allies": one phrase
            return a >= 2 and self.toks[a - 2].text in {",", ";"}
        return prev.text in {",", ";", ":", "—", "–", "("} or prev.norm in _COORDINATORS or \
            prev.norm in _CLAUSE_SUBORDINATORS or prev.norm == "that"

    def _purpose_infinitive(self, i: int, j: int, found) -> bool:
        """Whether "to" + cue tells what the clause's subject did something for ("Biden
        telephoned Abadi the next day to reaffirm ...", "used his visit to Ankara to
        announce"): the phrase before "to" is no actor, or the object of a preposition.
        After a verb ("led U.S. officials to ask") that phrase is the holder."""
        toks = self.toks
        if i == 0 or toks[i - 1].norm != "to" or j != i - 2 or toks[j].text in {"—", "–", ")"}:
            return False
        if not (j in self.tok_mention or is_cap(toks[j]) or any(
                toks[k].norm in _DETERMINERS for k in range(max(0, j - 2), j + 1))):
            return False  # "are unlikely to", "is expected to", "have to": no object before
        if not found:
            return True
        start = next((k for k, t in enumerate(toks) if t.start == found[1]), None)
        return start is not None and start > 0 and toks[start - 1].norm in _PREPOSITIONS_BEFORE

    def _caller(self, i: int, found):
        """(refs, start, end) of who called, met or visited the phrase ``found`` when "to" +
        the cue at token i tells what for ("Putin telephoned Maduro to offer his support",
        "Le Yucheng summoned the ambassador on November 28 to demand ..."): the purpose is
        the caller's, the subject of the verb of contact; None otherwise."""
        toks = self.toks
        if i < 3 or toks[i - 1].norm != "to":
            return None
        start = next((k for k, t in enumerate(toks) if t.start == found[1]), None)
        end = next((k for k, t in enumerate(toks) if t.end == found[2]), None)
        if start is None or end is None or start < 1 or toks[start - 1].norm not in _CONTACT_VERBS:
            return None
        between = toks[end + 1:i - 1]  # "on July 17", "in Sochi", "the next day"
        if len(between) > 6 or any(not _WORDISH.match(t.text) or t.norm in VERB_CUES
                                   or t.norm in _AUX for t in between):
            return None
        caller = self._subject(start - 1)
        return caller[:3] if caller and caller[0] else None

    def _requested(self, i: int, h_start: int) -> bool:
        """Whether the holder before "to" + cue is the object of a request ("urged the
        Council to ...", "pressed Amman to ...")."""
        toks = self.toks
        if i < 2 or toks[i - 1].norm != "to":
            return False
        start = next((k for k, t in enumerate(toks) if t.start == h_start), None)
        return start is not None and start > 0 and toks[start - 1].norm in _REQUEST_VERBS

    def _conjunct_subject(self, i: int, j: int):
        """(refs, start, end) of the subject of the first of coordinated verb phrases, the
        cue's after "and" at token j ("Secretary of State Antony Blinken has spoken with
        Bazoum and has said that ...", "Hosts on state television went further and
        portrayed ..."): the subject phrase that opens the cue's clause (after the last ";"
        or ":", and after an opening phrase set off by a comma), ending just before the verb
        group of an earlier verb of that clause. None when no such phrase is found, or a
        clause break ("that", a relative word, a subordinator) stands between."""
        toks = self.toks
        first = max((k + 1 for k in range(j) if toks[k].text in {";", ":"} or (
            k > 0 and toks[k].norm in {"and", "but", "while", "whereas"}
            and toks[k - 1].text == ",")), default=0)  # "..., but X waived Y, stating"
        comma = next((k for k in range(first, min(j, first + 8)) if toks[k].text == ","), None)
        if comma is not None and (toks[first].norm in _PREPOSITIONS_BEFORE
                                  or is_adverb(toks[first].norm)):
            first = comma + 1  # "On June 27, ...": an opening phrase, not the subject
        for k in range(first, j):
            nrm = toks[k].norm
            if nrm in _RELATIVE_OR_SUBORDINATE or nrm in _CLAUSE_SUBORDINATORS:
                return None
        v = self._first_conjunct_verb(first, j)
        if v is None:
            return None
        found = self._subject(v)
        found = found[:3] if found else None
        if found and found[1] == toks[first].start and \
                all(r.kind not in ("author", "speaker") for r in found[0]):
            return found
        return None

    def _first_conjunct_verb(self, first: int, j: int) -> int | None:
        """The token of the first verb of a clause opening at ``first`` before token j: a
        lower-case auxiliary, -ed form, cue or irregular past after a phrase that may be a
        subject, or None."""
        toks = self.toks
        for v in range(first + 1, j):
            if not toks[v].text.isalpha() or not toks[v].text.islower() or \
                    v in self.tok_mention:
                continue
            b, _ = self._before_verb(v)
            if b is None or b < first or toks[b].text in {",", "—", "–", ")"} or \
                    toks[b].norm in _COORDINATORS:
                continue
            m = self.tok_mention.get(b)
            if m is not None and self.adjective_form(m):
                continue  # "Russian state television": a noun the adjective qualifies
            w = toks[b + 1].norm  # the verb group's first word
            if w in _AUX or w.endswith("ed") or w in VERB_CUES or w in _IRREGULAR_PAST:
                return v
        return None

    def _clause_subject(self, i: int):
        """(refs, start, end) of the first holder phrase of the cue's clause (after the last
        ";" or ":" before it) that follows no preposition, or None."""
        toks = self.toks
        first = max((k + 1 for k in range(i) if toks[k].text in {";", ":"}), default=0)
        for k in range(first, i):
            if k in self.tok_mention or toks[k].norm in _GROUP_NOUNS:
                if k > first and toks[k - 1].norm in _PREPOSITIONS_BEFORE:
                    continue
                np = self._noun_phrase(self._np_end(k))
                refs = self._resolve_np(*np) if np else None
                if refs and all(r.kind not in ("author", "speaker") for r in refs):
                    return refs, toks[np[0]].start, toks[np[1]].end
                return None
        return None

    def _before_verb(self, i: int) -> tuple[int | None, bool]:
        """The token before the cue's verb group ("has not", "refused to"), and its negation."""
        toks = self.toks
        j, neg = i - 1, False
        while j >= 0:
            nrm = toks[j].norm
            if nrm == "neither" and j == i - 1 and toks[i].norm.endswith("s") and (
                    j == 0 or not _WORDISH.match(toks[j - 1].text)
                    or toks[j - 1].norm in _COORDINATORS):
                return j, True  # "Neither wants a nuclear North Korea": the subject
            if j == i - 1 and toks[j].text in {'"', "“"} and j > 0 and \
                    _WORDISH.match(toks[j - 1].text) and toks[i].norm.endswith("s"):
                j -= 1  # 'The request "emphasizes science ...': a quotation opened on the verb
            elif nrm in {"later", "earlier"} and j > 1 and toks[j - 1].norm in _TIME_UNITS:
                j -= 3 if toks[j - 2].text.isalnum() else 2  # "and two days later declared"
            elif nrm in _NEG or (nrm == "longer" and j > 0 and toks[j - 1].norm == "no"):
                neg = True
                j -= 2 if nrm == "longer" else 1
            elif (nrm in _AUX and not (toks[j].text == "May" and j > 0)) or is_adverb(nrm) \
                    or (nrm == "since" and j > 0 and toks[j - 1].norm in _AUX):
                j -= 1
            elif nrm == "far" and j > 0 and toks[j - 1].norm in {"so", "thus"}:
                j -= 2  # "has so far declined", "have thus far refused": an adverbial
            elif nrm == "," and self._aside_after_aux(j) is not None:
                j = self._aside_after_aux(j)  # "It does, however, value ...": the aside
            elif nrm in _FLOATING and j > 0 and _WORDISH.match(toks[j - 1].text) and \
                    toks[j - 1].norm not in _FLOAT_NOT_AFTER and \
                    not toks[j - 1].norm.endswith("'s"):
                j -= 1  # "Berlin, Paris and Rome all maintain", "A and B both argue"
            elif nrm == "to" and j > 0 and toks[j - 1].norm in _CONTROL:
                neg = neg or toks[j - 1].norm in _NEG_CONTROL
                j -= 2
            elif nrm == "to" and j > 1 and (toks[j - 1].norm in _TIME_ADVERBS_BEFORE_TO or
                                            is_adverb(toks[j - 1].norm)) and \
                    toks[j - 2].norm in _CONTROL:
                neg = neg or toks[j - 2].norm in _NEG_CONTROL
                j -= 3  # "a formula officials have used before to signal", "tried again to"
            elif nrm == "to":
                j -= 1  # "caused X to argue": X is the holder
                if j >= 0 and toks[j].text in {"—", "–", ")", ","}:
                    j = self._skip_parenthetical(j)
                break
            else:
                break
        return j, neg

    def _aside_after_aux(self, j: int) -> int | None:
        """For the comma at token j that closes a short aside of lower-case words right after
        an auxiliary ("does, however, value", "has, in effect, accepted"): the auxiliary's
        token, else None."""
        toks = self.toks
        for k in range(j - 1, max(0, j - 5), -1):
            if toks[k].text == ",":
                aux = k - 1
                return aux if k < j - 1 and aux >= 0 and toks[aux].norm in _AUX and \
                    toks[aux].text.islower() else None
            if not toks[k].text.isalpha() or not toks[k].text.islower() or \
                    toks[k].norm in _COORDINATORS or toks[k].norm in _RELATIVE_OR_SUBORDINATE:
                return None
        return None

    def _subject_head(self, i: int, j: int):
        """Where the subject's phrase ends, as (token, after a relative word), or _SHARED
        when the cue shares the subject of an earlier verb ("..., maintaining that"), or None."""
        toks = self.toks
        t = toks[j]
        ing = toks[i].norm.endswith("ing")
        if ing and t.norm in _PREPOSITIONS_BEFORE and j == 0:
            return None  # "In announcing the ceasefire, he wrote ...": the subject comes later
        if ing and t.norm in _BEFORE_SHARED_ING and j >= 2 and toks[j - 1].text == "," and \
                self._subject_phrase(j - 2, False):
            return j - 2, False  # "Jim Mattis, while calling Iran ...": the phrase before
        if ing and t.norm == "as":
            return self._quoted_as(j)
        if ing and (t.text in {",", "—", "–", "("} or t.norm in _BEFORE_SHARED_ING):
            return _SHARED
        if t.norm in _COORDINATORS or (t.text == "," and j > 0 and toks[j - 1].norm in
                                       {"and", "but"}):
            return _SHARED
        if t.text == "," and self._apposed_name(j):
            return j - 1, False  # "His predecessor, General John Campbell, told ...": the name
        if t.text in {",", "—", "–", ")"}:
            j2 = self._skip_parenthetical(j)
            if j2 is not None and j2 >= 0 and toks[j2].text == ")":
                j2 = self._skip_parenthetical(j2)  # "Units (YPG), aided by ..., declared"
            if j2 is not None and j2 >= 0 and t.text == "," and self._in_apposition(j2):
                j2 = self._skip_parenthetical(j2 + 1)  # "X, a body that includes Y, ..."
                if j2 is not None and j2 >= 0 and toks[j2].text == ")":
                    j2 = self._skip_parenthetical(j2)  # "The Forces (PMF), a ..., which"
            if j2 is None or j2 < 0:
                return _SHARED if t.text == "," else None  # "Moscow ratified X, announced Y"
            if t.text == "," and self._opening_phrase_comma(j2 + 1) and \
                    self._first_conjunct_verb(j2 + 2, j) is not None:
                return _SHARED  # "After the shootdown, the ministry expressed X, called Y":
                # the first comma closes an opening phrase, not an aside around a clause
            if t.text == "," and (toks[j2].norm in _COORDINATORS or toks[j2].norm == "then"
                                  and j2 > 0 and toks[j2 - 1].norm in _COORDINATORS):
                return _SHARED  # "called it credible and then, four days later, described"
            j, t = j2, toks[j2]
        r = self._relative_before_pp(j)
        if r is not None:  # "Biden, who as a candidate promised to ...": the PP skipped
            j, t = r, toks[r]
        relative = t.norm in {"who", "which", "that"}
        if relative:
            j -= 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            if j < 0:
                return None
        return j, relative

    def _opening_phrase_comma(self, c: int) -> bool:
        """Whether the comma at token c is the sentence's first and closes an opening phrase
        of a preposition or subordinator ("After the shootdown,", "On July 30,") with no verb
        group of its own, so that a clause's subject follows it."""
        toks = self.toks
        if c < 2 or any(t.text in {",", ";", ":"} for t in toks[:c]):
            return False
        if toks[0].norm not in _PREPOSITIONS_BEFORE:
            return False
        return not any(t.norm in _AUX or t.norm in _RELATIVE_OR_SUBORDINATE
                       for t in toks[1:c])

    def _relative_before_pp(self, j: int) -> int | None:
        """The token of "who" or "which" when a short prepositional phrase stands between it
        and the cue's verb group, ending at token j ("who as a candidate promised", "which
        in 2019 announced"), else None."""
        toks = self.toks
        for k in range(j - 1, max(-1, j - 6), -1):
            if toks[k].norm in {"who", "which"}:
                p = k + 1
                return k if p < j and (toks[p].norm in _PREPOSITIONS_BEFORE or
                                       toks[p].norm == "as") else None
            if not _WORDISH.match(toks[k].text) or toks[k].norm in _AUX or \
                    toks[k].norm in VERB_CUES or toks[k].norm in _COORDINATORS:
                return None
        return None

    def _in_apposition(self, j: int) -> bool:
        """Whether the phrase ending at token j, just before an aside that the cue's subject
        skips, is itself inside an aside after a comma: a description opened by "a" or "an"
        or examples after "such as", "including" or "includes" ("The Forces, a coalition
        that includes groups such as Badr, which ..., demand": the Forces, not Badr)."""
        toks = self.toks
        for k in range(j, 0, -1):
            if toks[k].text in {";", ":"}:
                return False
            if toks[k].text == ",":
                return toks[k + 1].norm in {"a", "an"} or any(
                    toks[m].norm in {"including", "includes", "include"} or (
                        toks[m].norm == "as" and toks[m - 1].norm == "such")
                    for m in range(k + 1, j))
        return False

    def _apposed_name(self, j: int) -> bool:
        """Whether the comma at j closes a name set in apposition to a description that opens
        the subject ("His predecessor, General John Campbell, told", "The heads of both
        legislatures, A and B, reject"): the name, not the description, then holds the view."""
        toks = self.toks
        k = self._skip_parenthetical(j)
        if k is None or k < 1 or not 1 <= j - k - 2 <= 7:
            return False
        aside = toks[k + 2:j]
        if not is_cap(aside[0]) or not all(
                is_cap(t) or _is_name_particle(t) or t.norm == "and" for t in aside):
            return False
        a = k
        while a > 0 and (_WORDISH.match(toks[a - 1].text) or toks[a - 1].text in {"(", ")"}
                         and self._bracketed_short_form_at(a - 1)):
            a -= 1  # "the commander of X Command (NORAD), General Y,": past the short form
        clause = toks[a].norm in {"and", "but"} and a > 0 and toks[a - 1].text == ","
        if clause:  # "..., and the commander of X, General Y, spoke": a clause of its own
            a += 1
        possessive = toks[a].norm.endswith(("'s", "’s")) or (
            a + 1 <= k and toks[a + 1].norm in {"'s", "’s"})  # "Netanyahu's main challenger"
        if toks[a].norm not in _APPOSED_OPENERS and not possessive or \
                a > 0 and toks[a - 1].text not in {";", ":"} and not clause:
            return False  # the description opens the sentence or a clause of its own
        return any(t.norm in _OFFICE_NOUNS or t.norm in _GROUP_NOUNS or t.norm in _TITLE_WORDS
                   or not is_cap(t) for t in toks[a + 1:k + 1])

    def _bracketed_short_form_at(self, k: int) -> bool:
        """Whether the bracket at token k is one of a pair enclosing one capitalised short
        form ("(NORAD)")."""
        toks = self.toks
        if toks[k].text == ")":
            return k >= 2 and toks[k - 2].text == "(" and toks[k - 1].text.isupper()
        return k + 2 < len(toks) and toks[k + 2].text == ")" and toks[k + 1].text.isupper()

    def _quoted_as(self, j: int):
        """"X was quoted in the press as saying ...": the end of the passive's subject, X."""
        toks = self.toks
        for k in range(j - 1, max(-1, j - 10), -1):
            if toks[k].text in {",", ";", ":", "—", "–"}:
                return None
            if toks[k].norm in {"quoted", "cited", "reported"} and k > 1 and \
                    toks[k - 1].norm in {"was", "were", "is", "are", "been"}:
                b = k - 1
                while b >= 0 and (toks[b].norm in _AUX or is_adverb(toks[b].norm)):
                    b -= 1
                return (b, False) if b >= 0 else None
        return None

    def _subject_phrase(self, j: int, relative: bool):
        """(refs, start, end) of the subject phrase ending at token j, or None."""
        toks = self.toks
        both = self._of_both_parties(j)
        if both is not None:
            return both
        np = self._noun_phrase(j)
        if np is not None and all(t.norm in _BARE_DETERMINERS for t in toks[np[0]:np[1] + 1]):
            return None  # "This report describes", "Some estimates suggest": a noun, no verb
        if np is None:
            return self._voice_of(j) or self._resolution_issuer(j) or \
                self._document_phrase(j) or self._cited_phrase(j)
        if toks[np[1]].norm.endswith(("'s", "s'")) and toks[np[1]].norm not in _PRONOUNS:
            return None  # "China's claims": a possessor, so the cue word is a noun
        titled = self._titled_name(*np)
        if titled is not None:
            return [titled], toks[np[0]].start, toks[np[1]].end
        outside = (self._members_of(*np) or np) if relative else self._outside_pp(*np)
        if outside is None:  # "Erdogan's letter to Putin ... expressed": the letter's author
            return self._voice_of(np[0] - 2) if np[0] >= 2 else None
        np = self._before_such_as(*outside)
        if np[0] == np[1] >= 2 and toks[np[0]].norm in _GOVERNMENTS and \
                toks[np[0] - 1].norm in _PLACE_POSSESSIVES and toks[np[0] - 2].norm == "the":
            # "the territory's government", "the kingdom's government": the place's own
            ref = self._nearest_of_kind(_GOVERNED_TYPES, toks[np[0] - 2].start)
            if ref is not None:
                return [Ref(ref.actor, ref.country, "entity")], toks[np[0] - 2].start, \
                    toks[np[1]].end
        around = self._list_around_relative(*np) if not relative else None
        if around is not None:
            return around
        refs = self._resolve_np(*np)
        if refs and np[0] >= 2 and toks[np[0] - 1].norm == "of" and \
                toks[np[0] - 2].norm in _GOVERNMENTS and all(r.country in _states() for r in refs):
            # "the new government of President X": X's state, not X
            a = np[0] - 2
            while a > 0 and toks[a - 1].norm not in _ARTICLES and toks[a - 1].text.islower() \
                    and a - 1 not in self.tok_mention:
                a -= 1
            a = a - 1 if a > 0 and toks[a - 1].norm in _ARTICLES else a
            states = list(dict.fromkeys(r.country for r in refs))
            return [Ref(c, c, "entity") for c in states], toks[a].start, toks[np[1]].end
        if not refs and not relative:  # "the agency's annual report states": its issuer
            return self._voice_of(j) or self._document_phrase(j)
        if len(refs) == 1 and refs[0].kind == "person" and not refs[0].country:
            refs = [self._with_description_country(refs[0], *np)]
        if refs and not relative:
            first = self._described_conjunct(np[0])
            if first is not None:  # "A, the sponsor of the bill, and B argue": A and B
                more = self._resolve_np(*first)
                if more and all(r.kind == "person" for r in more + refs):
                    return more + refs, toks[first[0]].start, toks[np[1]].end
            first = self._aside_conjunct(np[0])
            if first is not None:  # "Mexico, under López Obrador, and Uruguay": both
                more = self._resolve_np(*first)
                if more and len({r.kind == "person" for r in more + refs}) == 1 and \
                        not set(more) & set(refs):
                    return more + refs, toks[first[0]].start, toks[np[1]].end
        return (refs, toks[np[0]].start, toks[np[1]].end) if refs else None

    def _list_around_relative(self, a: int, b: int):
        """A list whose first member has a relative clause between commas ("The UAE, which
        returned its ambassador to Tehran last year, Qatar, Oman and Iraq praised"): the
        phrase a..b found before the cue starts inside that clause; the holders are the
        member before ", which" and the members after the clause, not an actor inside it.
        (refs, start, end), else None."""
        toks = self.toks
        comma = next((k for k in range(a, b) if toks[k].text == ","), None)
        if comma is None or comma == a:
            return None
        rel = next((k for k in range(a, 1, -1) if toks[k].norm in {"which", "who"}
                    and toks[k - 1].text == ","), None)
        if rel is None or any(toks[k].text in {",", ";", ":"} for k in range(rel, a)):
            return None
        first = self._noun_phrase(rel - 2)
        if first is None:
            return None
        before, after = self._resolve_np(*first), self._resolve_np(comma + 1, b)
        if not before or not after or set(before) & set(after):
            return None
        return before + after, toks[first[0]].start, toks[b].end

    def _with_description_country(self, ref: Ref, a: int, b: int) -> Ref:
        """A person the gazetteer lacks, named in apposition to a description ("A Houthi
        military spokesman, Yahya Saree, claimed", "China's Foreign Ministry spokeswoman,
        Hua Chunying, urged", "Zhao Lijian, the ministry's spokesman, said"), speaks for the
        state or body the description names: ``ref`` with that country; else ``ref``."""
        toks = self.toks
        if b + 2 >= len(toks) or toks[b + 1].text != ",":
            return ref
        if a >= 2 and toks[a - 1].text == "," and self._apposed_name(b + 1):
            described = self._noun_phrase(a - 2)
        elif toks[b + 2].norm in _APPOSED_OPENERS:  # "Zhao Lijian, the ministry's spokesman,"
            close = next((k for k in range(b + 3, min(b + 10, len(toks)))
                          if not _WORDISH.match(toks[k].text)), None)
            described = self._noun_phrase(close - 1) if close is not None and \
                toks[close].text == "," else None
            if described is not None and described[0] > b + 3:
                return ref  # not the whole aside
        else:
            return ref
        if described is None:
            return ref
        owners = {r.country for r in self._resolve_np(*described) if r.country}
        return ref._replace(country=owners.pop()) if len(owners) == 1 else ref

    def _of_both_parties(self, j: int):
        """"Members of both parties", "Sponsors in both parties", "senators from both
        parties" ending at j, in a text that names the U.S. Congress: members of Congress
        (case 14), not the two parties, nor a pair named earlier; else None."""
        toks = self.toks
        if j < 3 or toks[j].norm != "parties" or toks[j - 1].norm != "both" or \
                toks[j - 2].norm not in {"of", "in", "from", "across"}:
            return None
        head = toks[j - 3]
        if not head.norm.endswith("s") or \
                head.norm not in _GROUP_NOUNS | {"members", "sponsors", "cosponsors"}:
            return None
        members = self.context.names.get("Members")
        if members is None:
            return None
        a = j - 3
        while a > 0 and toks[a - 1].norm in _PHRASE_DETERMINERS:
            a -= 1
        return [members], toks[a].start, toks[j].end

    def _described_conjunct(self, a: int) -> tuple[int, int] | None:
        """The phrase of a named conjunct before ", and" at token a whose name a description
        set between commas follows ("Representative A, the sponsor of the bill, and
        Representatives B and C"), or None."""
        toks = self.toks
        if a < 4 or toks[a - 1].norm != "and" or toks[a - 2].text != ",":
            return None
        c = next((k for k in range(a - 3, max(0, a - 16), -1) if toks[k].text in
                  {",", ";", ":"}), None)
        if c is None or toks[c].text != "," or c < 1 or \
                toks[c + 1].norm not in _APPOSED_OPENERS or not toks[c + 1].text.islower():
            return None
        if not (c - 1 in self.tok_mention or is_cap(toks[c - 1])):
            return None
        return self._noun_phrase(c - 1)

    def _aside_conjunct(self, a: int) -> tuple[int, int] | None:
        """The phrase of a named conjunct before ", and" at token a that an aside opened by
        a preposition and set between commas follows ("Mexico, under López Obrador, and
        Uruguay", "Germany, in a joint statement, and France"), or None."""
        toks = self.toks
        if a < 4 or toks[a - 1].norm != "and" or toks[a - 2].text != ",":
            return None
        c = next((k for k in range(a - 3, max(0, a - 12), -1) if toks[k].text in
                  {",", ";", ":", "(", ")"} or toks[k].norm in VERB_CUES), None)
        if c is None or toks[c].text != "," or c < 1 or c + 1 >= a - 2 or \
                toks[c + 1].norm not in _PREPOSITIONS_BEFORE - _NOT_ASIDES or \
                not toks[c + 1].text.islower():
            return None
        if not (c - 1 in self.tok_mention or is_cap(toks[c - 1])):
            return None
        np = self._noun_phrase(c - 1)
        return np if np is not None and (np[0] == 0 or not _WORDISH.match(
            toks[np[0] - 1].text) or toks[np[0] - 1].norm in _ARTICLES) else None

    def _resolution_issuer(self, j: int):
        """"Resolution 2231 calls upon Iran ...", "Security Council Resolution 2254 endorsed
        ...": a numbered resolution speaks for the body that adopted it, the one named in
        it or else the UN Security Council (real-text conventions: a document resolves to
        its issuer)."""
        toks = self.toks
        if not toks[j].norm.isdigit() or j < 1 or toks[j - 1].norm != "resolution":
            return None
        a = j - 1
        while a > 0 and (is_cap(toks[a - 1]) or a - 1 in self.tok_mention):
            a -= 1
        body = next((self.tok_mention[k] for k in range(a, j - 1) if k in self.tok_mention
                     and self.tok_mention[k].actor_type == "body"), None)
        ref = mention_ref(body) if body else Ref("UN Security Council", "UN Security Council",
                                                  "entity")
        return [ref], toks[a].start, toks[j].end

    def _voice_of(self, j: int):
        """"Erdogan's letter to Putin ... expressed", "the movement's first statement after
        the succession rejected": a text that speaks for its author, named as possessor."""
        toks = self.toks
        for k in range(j, max(-1, j - 7), -1):
            if not _WORDISH.match(toks[k].text):
                return None
            if self._congress_text(k):
                a = k - 1
                while a > 0 and (toks[a - 1].norm in _VOICE_MODIFIERS | _ARTICLES | {
                        "accompanying", "committee", "conference"}
                        or _FISCAL_YEAR.fullmatch(toks[a - 1].norm) or
                        toks[a - 1].norm == "and" and a > 1 and
                        _FISCAL_YEAR.fullmatch(toks[a - 2].norm)):
                    a -= 1  # "the FY2022 and FY2023 report language"
                return [_CONGRESS], toks[a].start, toks[k].end
            if toks[k].norm not in _VOICE_NOUNS:
                continue
            p = k - 1
            while p >= 0 and (toks[p].norm in _VOICE_MODIFIERS or toks[p].norm in _MONTHS
                              or toks[p].norm.isdigit() or _FISCAL_YEAR.fullmatch(toks[p].norm)):
                p -= 1
            if p < 0:
                return None
            if toks[k].norm == "request":
                while p >= 0 and (toks[p].norm in _REQUEST_MODIFIERS or toks[p].norm in
                                  _VOICE_MODIFIERS or _FISCAL_YEAR.fullmatch(toks[p].norm)):
                    p -= 1  # "the FY2027 discretionary budget request"
                if p >= 0 and toks[p].norm in {"the", "this", "that"}:
                    issuer = self.context.names.get("#request")  # its owner named before
                    return ([issuer], toks[p].start, toks[k].end) if issuer else None
                issuer = self.context.names.get("#request")
                if p >= 0 and issuer is not None and issuer.actor == "United States" and \
                        not toks[p].norm.endswith("'s"):
                    body = self._issuer_at(p)  # "the FY2027 USGS budget request", after "the
                    # President's budget request for the USGS": the agency's part of the
                    # President's request, the United States' (a possessive keeps its own)
                    if body is not None and body.country == "United States":
                        return [issuer], toks[p].start, toks[k].end
            if p < 0:
                return None
            word = toks[p].norm
            if toks[k].norm == "budget" and word in {"the", "this"} and p == k - 1 and \
                    (p == 0 or not _WORDISH.match(toks[p - 1].text)):
                issuer = self.context.names.get("#request")  # "The budget requests $227
                # million", after "the President's FY2027 budget request": that request's
                return ([issuer], toks[p].start, toks[k].end) if issuer else None
            if toks[k].norm == "budget" and word not in _US_EXECUTIVE:
                return None  # "NIH's budget supports ...": its money, not a proposal
            if word.endswith("'s") and (p in self.tok_mention or p - 1 in self.tok_mention):
                m = self.tok_mention.get(p, self.tok_mention.get(p - 1))
                return [mention_ref(m)], m.start, toks[k].end
            if is_cap(toks[p]) and word in _US_EXECUTIVE:
                return [Ref("United States", "United States", "entity")], toks[p].start, \
                    toks[k].end  # "The President's FY2027 budget", "the Administration request"
            issuer = self._issuer_at(p)
            if issuer is not None:  # "the preliminary IRS data", "the Navy's budget request"
                return [issuer], toks[p].start, toks[k].end
            if word in _POSSESSIVE_DEFINITE:
                kinds = _DEFINITE_KINDS.get(word.removesuffix("'s"))
                ref = self._nearest_of_kind(kinds, toks[p].start) if kinds else None
                refs = [ref] if ref else \
                    self._resolve_pronoun(_POSSESSIVE_DEFINITE[word], toks[p].start)
                return (refs, toks[p].start, toks[k].end) if refs else None
            return None
        return None

    def _issuer_at(self, p: int) -> Ref | None:
        """The body named by token p right before a document's nouns, after "the" or at the
        phrase's start: a gazetteer body, a short form the text defined, or a capitalised
        body of the text's state ("the Navy's"); no place and no person."""
        toks = self.toks
        a = p - 1
        while a >= 0 and (toks[a].norm in _VOICE_MODIFIERS or _FISCAL_YEAR.fullmatch(toks[a].norm)
                          or toks[a].norm in _MONTHS or toks[a].norm.isdigit()):
            a -= 1  # "the FY2027 USGS budget request", "The February 2025 NIH policy": a date
        if a >= 0 and toks[a].norm not in _ARTICLES and _WORDISH.match(toks[a].text):
            return None  # "a hearing before the panel's report": not the phrase's start
        m = self.tok_mention.get(p)
        if m is not None:
            ok = m.actor_type not in NON_HOLDER_TYPES | _PLACE_TYPES | _PERSON_TYPES
            return mention_ref(m) if ok else None
        stem = toks[p].norm.removesuffix("'s").removesuffix("’s")
        if stem in _BODY_DESCRIPTIONS and a >= 0 and a == p - 1 and \
                toks[a].norm in {"the", "this", "that"}:
            body = self.context.body(stem, toks[a].start)
            if body is not None:  # "The center's FY2027 request": the center named before
                return body
        if not is_cap(toks[p]):
            return None
        short = self._short_form([p])
        if short is not None:
            return short
        agency, country = self._agency_in_context(toks[p].norm.removesuffix("'s"), named=True)
        return Ref(agency, country, "entity") if agency else None

    def _before_such_as(self, a: int, b: int) -> tuple[int, int]:
        """"Militia leaders such as Hadi al-Amiri argue": the group, not its example."""
        toks = self.toks
        if a >= 3 and toks[a - 2].norm == "such" and toks[a - 1].norm == "as":
            np = self._noun_phrase(a - 3)
            if np is not None:
                return np
        return a, b

    def _office_before(self, p: int, b: int):
        """A title's capitalised words before the "of" at p ("Chief of Staff" before "of the
        Army General Randy George"), when the phrase after it has a title and a name before
        its end or an "and": (the title's first word, b), else None."""
        toks = self.toks
        if toks[p].norm != "of":
            return None
        k, title = p - 1, None
        while k >= 0 and (is_cap(toks[k]) or toks[k].norm == "of") and \
                k not in self.tok_mention:
            if toks[k].norm in _TITLE_WORDS and is_cap(toks[k]):
                title = k  # the first title of the run ("Chief", not "Then")
            k -= 1
        if title is None or not any(_after_title(toks, p, e + 1) for e in range(p + 1, b + 1)
                                    if e == b or toks[e + 1].norm == "and"):
            return None
        return title, b

    def _outside_pp(self, a: int, b: int):
        """A subject never follows a preposition: for "forces from Misrata announced" or
        "X in Lausanne announced", the subject is the phrase before the preposition."""
        toks = self.toks
        p = a - 1
        if p >= 0 and toks[p].norm in {"that", "this", "the", "its", "their"} and p > 0 and \
                toks[p - 1].norm in _PREPOSITIONS_BEFORE:
            p -= 1
        if p >= 0 and toks[p].norm == "with" and b + 2 < len(toks) and \
                toks[b + 1].norm.endswith("ing") and toks[b + 2].norm == "that":
            return a, b  # "..., with U.S. officials saying that ...": they say it
        if p > 0 and toks[p].norm == "of" and toks[p - 1].norm == "ministry":
            m = p - 1  # "Its Ministry of Commerce": one name, whose state "Its" gives
            return (m - 1 if m > 0 and toks[m - 1].norm in _ARTICLES | set(
                _POSSESSIVE_DEFINITE) else m), b
        if p < 0 or toks[p].norm not in _PREPOSITIONS_BEFORE or toks[p].norm in _SUBORDINATORS:
            return a, b
        members = self._members_of(a, b)
        if members is not None:
            return members  # "Some Members of Congress": some of its members
        if toks[p].norm == "of" and p > 0 and toks[p - 1].norm in _ABOUT_OF:
            np = self._noun_phrase(p - 1)  # "critics of the administration": what they
            return np  # criticise is no holder; the critics are
        if toks[p].norm == "of" and p > 0 and toks[p - 1].norm in _GROUP_NOUNS:
            return a, b  # "the foreign ministers of Russia and Iran": the states hold the view
        if toks[p].norm in {"to", "for", "of"} and p > 0 and toks[p - 1].norm in _TITLE_WORDS:
            return a, b  # "Ambassador to the UN Nikki Haley": a title, not a place
        office = self._office_before(p, b)
        if office is not None:
            return office  # "Chief of Staff of the Army General Randy George": one title
        if p > 0 and self._body_goes_on(p - 1):
            np = self._noun_phrase(p - 1)  # "The Office of Management and Budget": one name
            return (np[0], b) if np else (a, b)
        if p == 0 or toks[p - 1].text in {",", ";", ":"}:
            return None  # "In Lausanne, ...": an adverbial, not a subject
        if toks[p].norm in _IN_PLACE and toks[p - 1].norm in _QUANTIFIED and \
                (p == 1 or not _WORDISH.match(toks[p - 2].text)
                 or toks[p - 2].norm in _COORDINATORS | _CLAUSE_SUBORDINATORS
                 | {"that", "which", "whom"}):
            return p - 1, b  # "many in Congress", "some in Riyadh": people of that actor
        if toks[p].norm in _IN_PLACE and self._members_in(p, b):
            np = self._noun_phrase(p - 1)  # "Many Republicans in Congress": its members
            return (np[0], b) if np else (a, b)
        q = p - 1
        if q >= 1 and toks[q].norm.endswith("ed") and toks[q].norm not in _AUX:
            q -= 1  # "Pentagon figures released in May suggest": past the participle
        np = self._noun_phrase(q) if q >= 0 else None
        # "Members of Congress from both parties": the members, not the parties
        return (self._members_of(*np) or np) if np is not None else None

    def _members_of(self, a: int, b: int) -> tuple[int, int] | None:
        """The phrase "(some) Members of" + a body's name ending at b, when the body's name
        starts at a; else None."""
        toks = self.toks
        p = a - 1
        if p > 0 and toks[p].norm == "of" and toks[p - 1].norm == "members" and (
                self._body_at(a, b) is not None or self._long_body_name(a, b) is not None):
            np = self._noun_phrase(p - 1)
            return (np[0], b) if np else (p - 1, b)
        return None

    def _long_body_name(self, a: int, b: int) -> Ref | None:
        """A body's name the gazetteer lacks that goes on past its head noun with "of",
        "for" or "on" and may name an actor there ("the House Select Committee on the
        Chinese Communist Party"): the body, not the actor inside its name; else None."""
        toks = self.toks
        conj = list(range(a, b + 1))
        heads = [k for k in conj if self._body_goes_on(k) and k not in self.tok_mention]
        if not heads:
            return None
        inside = [self.tok_mention[k] for k in conj if k in self.tok_mention]
        if any(m.start < toks[heads[0]].start for m in inside):
            return None  # "the Russian Ministry of Defense": named through its state
        first = next((k for k in conj if toks[k].norm not in _ARTICLES), a)
        return self._body_name(conj, _US if toks[first].text in _CHAMBERS else "")

    def _members_in(self, p: int, b: int) -> bool:
        """Whether "in" at p joins people to the U.S. Congress named up to b ("Many
        Republicans in Congress", "critics in Congress"): some of its members."""
        toks = self.toks
        m = self.tok_mention.get(b)
        if m is None or m.actor != _CONGRESS.actor or p < 1:
            return False
        k = p - 1
        before = self.tok_mention.get(k)
        return (before is not None and before.actor_type == "political_group") or (
            before is None and toks[k].text.islower() and toks[k].norm.endswith("s")
            and toks[k].norm in _GROUP_NOUNS | _QUANTIFIED)

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
        toks = self.toks
        first = 0
        for claim, refs in zip(reversed(self.claims), reversed(self.refs)):
            if claim.cue == "according to" and claim.holder_end <= toks[i].start:
                # "According to press reports, an officer visited X and sought Y": the
                # source is an adverbial, not the subject the cue shares; that follows it
                first = next((k + 1 for k in range(i) if toks[k].start >= claim.holder_end
                              and toks[k].text == ","), i)
                return self._subject_after(first, i)
            if id(claim) not in self.relative_claims or self._same_relative(claim, i):
                return list(refs), claim.holder_start, claim.holder_end
        for k in range(first, i):
            if k not in self.tok_mention and self._opening_name(k):
                # "Raw Farm recalled the cheese and stated ...": a name the gazetteer lacks
                np = self._noun_phrase(self._np_end(k))
                refs = self._resolve_np(*np) if np else None
                if refs and all(r.kind not in ("author", "speaker") for r in refs):
                    return refs, toks[np[0]].start, toks[np[1]].end
                return None
            if k in self.tok_mention or toks[k].norm in _GROUP_NOUNS or toks[k].norm in _PRONOUNS:
                if k > 0 and toks[k - 1].norm in _PREPOSITIONS_BEFORE:
                    continue
                if toks[k].norm.endswith("'s") and k > 0 and toks[k - 1].norm.endswith("ing"):
                    return None  # "Managing Riyadh's anxieties while defending ...": no holder
                np = self._noun_phrase(self._np_end(k))
                if np and np[0] > 0 and toks[np[0] - 1].norm in _PREPOSITIONS_BEFORE and not (
                        np[0] > 1 and toks[np[0] - 1].norm == "in"
                        and toks[np[0] - 2].norm in _MEDIA_WRITINGS):
                    continue  # "In a briefing for foreign military attachés, Russian officers
                    # displayed ... and said": not the object of a preposition (but
                    # "Commentaries in Chinese state media were sharper, warning": the media)
                if np:
                    refs = self._resolve_np(*np)
                    if refs and all(r.kind not in ("author", "speaker") for r in refs):
                        return refs, toks[np[0]].start, toks[np[1]].end
                return None
        return None

    def _subject_after(self, first: int, i: int):
        """(refs, start, end) of the clause subject that opens at token ``first`` (after an
        adverbial "According to X,") for the cue at i that shares it, or None: its words run
        to the first auxiliary, past participle, preposition or conjunction; a plain noun for
        people heads it in the text's own words ("a senior junta officer")."""
        toks = self.toks
        e = first
        while e < i and _WORDISH.match(toks[e].text) and toks[e].norm not in _AUX and \
                toks[e].norm not in _PREPOSITIONS_BEFORE and toks[e].norm not in _COORDINATORS \
                and not (toks[e].text.islower() and toks[e].norm.endswith("ed")):
            e += 1
        if e == first:
            return None
        np = self._noun_phrase(e - 1)
        refs = self._resolve_np(*np) if np and np[0] >= first else None
        if refs and all(r.kind not in ("author", "speaker") for r in refs):
            return refs, toks[np[0]].start, toks[np[1]].end
        head = toks[e - 1].norm
        if toks[e - 1].text.islower() and head.endswith(("er", "or", "ist", "ian")) and \
                head not in _NOT_PEOPLE_NOUNS:
            words = [t.text for t in toks[first:e] if t.norm not in _ARTICLES]
            return [Ref(" ".join(words), "", "person")], toks[first].start, toks[e - 1].end
        return None

    def _opening_name(self, k: int) -> bool:
        """Whether token k opens a capitalised name that opens the sentence or follows the
        comma after an opening phrase ("After initially refusing, Raw Farm ..."), two
        capitalised words at least, no function word or adverb."""
        toks = self.toks
        if k + 1 >= len(toks) or not (k == 0 or toks[k - 1].text == ",") or \
                toks[k].norm.endswith("ing"):
            return False  # "Managing Riyadh's anxieties while ...": a gerund, no name
        return all(is_cap(toks[n]) and toks[n].norm not in _NP_STOPS and
                   not is_adverb(toks[n].norm) and toks[n].norm not in _PREPOSITIONS_BEFORE
                   and not toks[n].norm.endswith(("'s", "’s")) for n in (k, k + 1))

    def _same_relative(self, claim, i: int) -> bool:
        """Whether the cue at token i is coordinated inside the relative clause of an earlier
        claim ("an interview in which Obama described ... and suggested that ..."): no
        comma or clause break between that claim's cue and this one, its holder after a
        relative word."""
        toks = self.toks
        between = [t for t in toks if claim.cue_end <= t.start and t.end <= toks[i].start]
        if any(t.text in {",", ";", ":", "—", "–"} for t in between):
            return False
        k = next((n for n, t in enumerate(toks) if t.start == claim.holder_start), None)
        return k is not None and k > 0 and toks[k - 1].norm in {"which", "whom", "who"}

    def _np_end(self, k: int) -> int:
        """Extend a phrase start rightwards to its last word (the head)."""
        toks = self.toks
        j = k
        while j + 1 < len(toks):
            nxt = toks[j + 1]
            if (j + 1) in self.tok_mention or nxt.norm in _GROUP_NOUNS or (
                    is_cap(nxt) and nxt.norm not in _NP_STOPS) or nxt.norm in {"'s", "’s"}:
                j += 1
                continue
            if nxt.norm == "and" and j + 2 < len(toks) and ((j + 2) in self.tok_mention or
                                                             is_cap(toks[j + 2])):
                j += 1
                continue
            named = j in self.tok_mention or is_cap(toks[j])
            if named and nxt.norm == "and" and j + 3 < len(toks) and \
                    toks[j + 2].norm == "the" and toks[j + 3].norm not in _NP_STOPS and \
                    ((j + 3) in self.tok_mention or is_cap(toks[j + 3])):
                j += 2  # "the State Department and the Pentagon": a second name after "the"
                continue
            if self._body_goes_on(j):
                j += 1  # "the National Conference of State Legislatures"
                continue
            if self._noun_modifier(j + 1, after_name=True):
                j += 2  # "Chinese radio operators"
                continue
            title = self._title_before_name(j + 1)
            if title is not None:
                j = title  # "Moscow mayor Sergei Sobyanin": a title, then the person's name
                continue
            head = self._group_after_modifiers(j + 1)
            if head is None:
                break
            j = head
        return j

    def _title_before_name(self, k: int) -> int | None:
        """The last word of a lower-case title that starts at k and comes before a name
        ("mayor", "foreign policy chief" in "EU foreign policy chief Federica Mogherini"),
        else None."""
        toks = self.toks
        for end in range(k, min(k + 4, len(toks) - 1)):
            t = toks[end]
            if not t.text.isalpha() or not t.text.islower():
                return None
            if t.norm in _TITLE_WORDS and is_cap(toks[end + 1]) and \
                    toks[end + 1].norm not in _NP_STOPS:
                return end
        return None

    def _body_at(self, a: int, b: int) -> tuple[str, str] | None:
        """(name, country) of the one body (not a state or place) that tokens a..b name
        ("Congress", "the Knesset"), or of a body's short form the text defined; else
        None."""
        toks = self.toks
        while a < b and toks[a].norm in _ARTICLES:
            a += 1
        m = self.tok_mention.get(b)
        if m is None:
            short = self._short_form(list(range(a, b + 1)))
            return (self.text[toks[a].start:toks[b].end], short.country) if short and \
                short.kind == "entity" and short.actor != short.country else None
        if m.actor_type in _PLACE_TYPES or m.actor_type in _PERSON_TYPES or \
                any(self.tok_mention.get(k) is not m for k in range(a, b + 1)):
            return None
        return m.text, m.country

    def _body_goes_on(self, j: int) -> bool:
        """Whether a body's name goes on after token j ("Conference" before "of State
        Legislatures", "Group" before "on Indirect Costs"): a capitalised head noun of a
        body, then "of", "for" or "on" and a capitalised word (after any "the")."""
        toks, n = self.toks, len(self.toks)
        if j + 2 >= n or toks[j + 1].norm not in _BODY_LINKS or \
                toks[j].norm not in _BODY_HEADS or not is_cap(toks[j]):
            return False
        k = j + 3 if toks[j + 2].norm == "the" else j + 2
        return k < n and (is_cap(toks[k]) or k in self.tok_mention)

    def _group_after_modifiers(self, k: int) -> int | None:
        """The group noun that lower-case modifiers from token k lead to ("state media")."""
        toks = self.toks
        while k < len(toks) and toks[k].norm in _NP_MODIFIERS and toks[k].norm not in _ARTICLES:
            k += 1
        return k if k < len(toks) and toks[k].norm in _GROUP_NOUNS and k > 0 and \
            toks[k - 1].norm in _NP_MODIFIERS else None


    def _noun_phrase(self, j: int):
        """(first, last) token indices of the phrase ending at j, or None."""
        toks = self.toks
        t = toks[j]
        if t.norm in _PRONOUNS or _PAIR_PHRASES.match(t.norm):
            the = t.norm in {"both", "each"} and j > 0 and toks[j - 1].norm == "the"
            return (j - 1 if the else j), j
        if t.norm == "them" and j >= 2 and toks[j - 1].norm == "of" and \
                toks[j - 2].norm in _PART_OF_THEM:
            return j - 2, j  # "many of them distrust ...": part of what "they" stands for
        if t.norm in _NP_STOPS or t.norm in _PREPOSITIONS_BEFORE:
            return None  # "In announcing ...": a capitalised function word is no name
        definite = (t.norm in _DEFINITE or t.norm in _BODY_DESCRIPTIONS) and j > 0 and (
            toks[j - 1].norm in {"the", "that", "this"} or t.norm in _COURT_WORDS and j > 1
            and toks[j - 1].norm in _COURT_MODIFIERS and toks[j - 2].norm == "the")
        if not (j in self.tok_mention or t.norm in _GROUP_NOUNS or is_cap(t) or definite
                or t.norm in _TEXT_HOLDERS or t.norm in _LEGISLATION or t.norm in _CITED_TEXTS
                or _is_name_particle(t) and "-" in t.norm or self._plain_after_named(j)):
            return None
        if t.text.islower() and self._plain_after_named(j) and not (
                t.norm in _GROUP_NOUNS or t.norm in _TEXT_HOLDERS or t.norm in _LEGISLATION
                or t.norm in _CITED_TEXTS or definite):
            k = j - 1
            while toks[k].text.islower() and toks[k].norm != "and":
                k -= 1  # past "technology" to the name before, or to its "and"
            named = self._noun_phrase(k - 1 if toks[k].norm == "and" else k)
            if named is None:
                return None
            a = (self._members_of(*named) or named)[0]  # "several Members of Congress and"
            while a >= 2 and toks[a - 1].text == "," and a - 2 in self.tok_mention:
                more = self._noun_phrase(a - 2)  # "The X, the Y and Z associations"
                if more is None or more[0] >= a - 1:
                    break
                a = more[0]
            return a, j
        a = self._phrase_start(j)
        while a < j and (toks[a].norm in {"and", ","} or toks[a].text == ","):
            a += 1
        # a capitalised sentence opener that is no name ("But", "In") is not the phrase
        while a < j and toks[a].norm in _NP_STOPS and toks[a].norm not in {"the", "a", "an"}:
            a += 1
        return a, j

    def _phrase_start(self, j: int) -> int:
        """The first token of the phrase whose head is token j: its names and modifiers,
        other names joined by "and" or commas, "in"/"from"/"at" after a group noun."""
        toks, a, seen_and = self.toks, j, False
        for k in range(j - 1, -1, -1):
            nrm = toks[k].norm
            named_before = k > 0 and (k - 1 in self.tok_mention or (
                is_cap(toks[k - 1]) and toks[k - 1].norm not in _MONTHS))  # not "In June, X"
            if nrm in {"and", "nor"} and not named_before and k > 0 and toks[k - 1].text == ",":
                named_before = self._serial_comma(k - 1)  # "TMC, AMR, and SeaX"
            if nrm in {"and", "nor"} and not named_before and k > 3 and \
                    toks[k - 1].text == ")" and toks[k - 3].text == "(" and \
                    toks[k - 2].text.isupper() and (k - 4 in self.tok_mention
                                                    or is_cap(toks[k - 4])):
                named_before = True  # "the Department of Homeland Security (DHS) and"
            if nrm in {"and", "nor"} and not named_before and k > 1 and a == k + 1 and \
                    any(p in self.tok_mention or is_cap(toks[p]) for p in (a, a + 1)):
                named_before = self._described_actor_before(k)  # "The Syrian government and"
            if self._phrase_word(k) or toks[k].text in {"-", "‑"}:
                a = k
            elif nrm in {"and", "nor"} and named_before:
                seen_and, a = True, k
            elif nrm == "and" and k > 1 and toks[k - 1].norm in _GROUP_NOUNS and (
                    toks[k - 2].text in _PARTY_WORDS or is_cap(toks[k - 2]) and
                    toks[k - 1].text.islower() and toks[k + 1].text.islower()):
                a = k  # "Democratic leaders and some Republicans", "Kurdish leaders and
                # many Sunni politicians": a group of named people, no list of names before
            elif nrm in {"neither", "both"} and seen_and:
                a = k  # "neither Ankara nor Riyadh", "both Iran and Russia"
            elif nrm in {"neither", "either"} and k == j - 1 and toks[j].text.islower():
                a = k  # "neither government", "either side": a pair phrase
            elif toks[k].text in {"(", ")"} and self._bracketed_short_form(k):
                a = k  # "U.S. Indo-Pacific Command (USINDOPACOM) officials"
            elif toks[k].text == "," and seen_and and named_before and \
                    not self._main_clause_after(k):
                a = k
            elif nrm in {"in", "from", "at"} and k > 0 and toks[k - 1].norm in _GROUP_NOUNS \
                    and a in self.tok_mention:
                a = k  # "analysts in Riyadh"
            elif nrm in {"to", "for", "of"} and k > 0 and toks[k - 1].norm in _TITLE_WORDS:
                a = k  # "Ambassador to the UN Nikki Haley", "Minister for Gulf Affairs"
            elif nrm in _BODY_JOINS and k > 0 and (self._body_goes_on(k - 1) or (
                    nrm == "the" and k > 1 and self._body_goes_on(k - 2))):
                a = k  # "National Conference of State Legislatures", "Court of the ..."
            elif k == j - 1 and self._noun_modifier(k):
                a = k  # "coalition officials", "tribal leaders": a noun before the group
            elif k == j - 2 and a == j - 1 and self._plain_modifier(a) and \
                    self._plain_modifier(k) and (k == 0 or toks[k - 1].norm in _ARTICLES):
                a = k  # "the small island states": both words
            else:
                break
        return a

    def _described_actor_before(self, c: int) -> bool:
        """Whether the words before "and" at token c are an actor named by a group noun
        after an actor's adjective ("The Syrian government and Russia", "Iranian officials
        and Hezbollah"): a holder of its own, joined to the name after "and"."""
        toks = self.toks
        head = c - 1
        if toks[head].norm not in _GROUP_NOUNS or not toks[head].text.islower() or \
                head in self.tok_mention:
            return False
        k = head - 1
        while k >= 0 and k not in self.tok_mention and toks[k].norm in _NP_MODIFIERS and \
                toks[k].norm not in _ARTICLES and k > head - 3:
            k -= 1  # "Iranian military officials"
        m = self.tok_mention.get(k)
        return m is not None and m.actor_type in _STATE_TYPES and self.adjective_form(m)

    def _serial_comma(self, c: int) -> bool:
        """Whether the comma at token c, before "and", ends the second or a later name of a
        list of names that commas join ("TMC, AMR, and SeaX"): a name before it, and a comma
        after a name before that name; a clause joined by ", and" has no such list."""
        toks = self.toks

        def named(k: int) -> bool:
            return k in self.tok_mention or is_cap(toks[k])

        k = c - 1
        if k < 0 or not named(k):
            return False
        while k >= 0 and (named(k) or _is_name_particle(toks[k])):
            k -= 1
        return k >= 1 and toks[k].text == "," and named(k - 1)

    def _main_clause_after(self, j: int) -> bool:
        """Whether the comma at token j closes a clause opened by "when", "after", ...
        and the main clause's named subject and cue follow ("when the United States said
        it had no plans, China and Russia condemned ...")."""
        toks, n = self.toks, len(self.toks)
        if not any(toks[p].norm in _OPENING_SUBORDINATORS and (p == 0 or toks[p - 1].text == ",")
                   for p in range(j)):
            return False
        q = j + 1
        while q < n and q <= j + 5 and (q in self.tok_mention or is_cap(toks[q])
                                        or toks[q].norm == "and"):
            q += 1
        return q > j + 1 and q < n and (j + 1 in self.tok_mention) and toks[q].norm in VERB_CUES

    def _bracketed_short_form(self, k: int) -> bool:
        """Whether the bracket at token k encloses one actor's short form between two
        parts of a phrase ("Command (USINDOPACOM) officials")."""
        toks, n = self.toks, len(self.toks)
        if toks[k].text == ")":
            return k >= 3 and toks[k - 2].text == "(" and k - 1 in self.tok_mention and \
                k - 3 in self.tok_mention
        return k + 2 < n and toks[k + 2].text == ")" and k + 1 in self.tok_mention and \
            k > 0 and k - 1 in self.tok_mention

    def _noun_modifier(self, k: int, *, after_name: bool = False) -> bool:
        """Whether token k is a lower-case noun naming the kind of the group noun after it
        ("coalition officials"): a plain word, no verb, adverb or function word, after the
        sentence's start, punctuation, an article or a word that opens a clause."""
        toks, nrm = self.toks, self.toks[k].norm
        if k + 1 >= len(toks) or toks[k + 1].norm not in _GROUP_NOUNS or \
                not toks[k].text.replace("-", "").isalpha() or not toks[k].text.islower() or \
                toks[k].text.startswith("-") or toks[k].text.endswith("-"):
            return False  # "pro-government commentators": a hyphenated modifier too
        if nrm in _NP_STOPS or nrm in _AUX or nrm in _NEG or nrm in _PREPOSITIONS_BEFORE or \
                is_adverb(nrm) or nrm in CUE_WORDS or nrm.endswith(("ed", "ing", "ly")):
            return False
        prev = toks[k - 1] if k > 0 else None
        if prev is not None and self._plain_modifier(k - 1) and (
                k == 1 or toks[k - 2].norm in _ARTICLES):
            return True  # "The small island states": two plain words after the article
        if after_name:  # "Chinese radio operators": after an actor's adjective, never a
            m = self.tok_mention.get(k - 1)  # name a verb may follow ("Putin met officials")
            return m is not None and self.adjective_form(m)
        # not after "and": "Putin arrived, and met officials who ..." has a verb there
        return prev is None or not _WORDISH.match(prev.text) or prev.norm in _ARTICLES or \
            prev.norm in _CLAUSE_SUBORDINATORS or "-" in toks[k].text  # no verb so written

    def _plain_modifier(self, k: int) -> bool:
        """Whether token k is a plain lower-case word that may qualify a noun ("small"), no
        function word, verb form, adverb or cue."""
        tok, nrm = self.toks[k], self.toks[k].norm
        return tok.text.isalpha() and tok.text.islower() and nrm not in _NP_STOPS and \
            nrm not in _AUX and nrm not in _NEG and nrm not in _PREPOSITIONS_BEFORE and \
            nrm not in _ARTICLES and not is_adverb(nrm) and nrm not in CUE_WORDS and \
            nrm not in _PHRASE_DETERMINERS and nrm not in _BARE_DETERMINERS and \
            nrm not in _COORDINATORS and not nrm.endswith(("ed", "ing", "ly"))

    def _phrase_word(self, k: int) -> bool:
        """Whether token k may stand inside a holder's phrase."""
        tok, nrm = self.toks[k], self.toks[k].norm
        return (k in self.tok_mention or (is_cap(tok) and nrm not in _NP_STOPS
                                          and nrm not in _ADVERBS and nrm not in _MONTHS)
                or (_is_name_particle(tok) and "-" in nrm)
                or (nrm in _GROUP_NOUNS and nrm not in {"state", "states"})
                or nrm in _NP_MODIFIERS or nrm in {"'s", "’s"}
                or self._count_before_group(k))

    def _count_before_group(self, k: int) -> bool:
        """A number of one to three digits just before a plural group noun the gazetteer
        has no generic row for ("40 countries have announced ..."): part of its plain name."""
        toks = self.toks
        return toks[k].norm.isdigit() and len(toks[k].norm) <= 3 and k + 1 < len(toks) and \
            toks[k + 1].norm in _GROUP_NOUNS and toks[k + 1].norm.endswith("s") and \
            toks[k + 1].norm not in _generic_groups()  # "30 analysts" are the analysts


    def _resolve_np(self, a: int, b: int) -> list[Ref]:
        """The actors a phrase names: one per conjunct ("Iran and Russia"), pronouns resolved."""
        toks = self.toks
        phrase = " ".join(t.norm for t in toks[a:b + 1])
        if _PAIR_PHRASES.match(phrase):
            pair = self._resolve_pronoun(phrase, toks[a].start)
            if toks[b].norm in _JOINT_HEADS - {"leaders"} and len(pair) >= 2:
                # "Both parties", "both sides": two leaders named stand for their states
                states = list(dict.fromkeys(Ref(r.country, r.country, "entity")
                                            if r.kind == "person" and r.country else r
                                            for r in pair))
                pair = states if len(states) >= 2 else pair
            return pair or self._joint_group(a, b)
        if phrase == "the leaders":  # of a meeting of two: "the leaders agreed to ..."
            group = self._leaders_named(toks[a].start)
            if group:
                self.context.names["#leaders"] = group
                return group
            pair = self._resolve_pronoun("the two leaders", toks[a].start)
            if not (len(pair) == 2 and all(r.kind == "person" for r in pair)) and \
                    "#leaders" in self.context.names:
                return list(self.context.names["#leaders"])  # the leaders named before
            if not (len(pair) == 2 and all(r.kind == "person" for r in pair)):
                # no two people named in the sentences before: the two the text names most
                counts = Counter(m.actor for m in self.context.people)
                top = [actor for actor, _ in counts.most_common(2)]
                pair = [mention_ref(next(m for m in self.context.people if m.actor == actor))
                        for actor in top]
            if len(pair) == 2 and all(r.kind == "person" for r in pair):
                return pair
        if a == b and toks[a].norm in _PRONOUNS:
            return self._resolve_pronoun(toks[a].norm, toks[a].start)
        if b == a + 2 and toks[b].norm == "them" and toks[a].norm in _PART_OF_THEM:
            return self._resolve_pronoun("they", toks[a].start)
        titled = self._titled_name(a, b)
        if titled is not None:
            return [titled]
        document = self._document_refs(a, b)
        if document:
            return document
        w = a - 1  # "whose prime minister": "prime" is no word of the phrase
        while w > a - 3 and w > 0 and toks[w].norm in _TITLE_MODIFIERS and toks[w].text.islower():
            w -= 1
        if w >= 2 and toks[w].norm == "whose":
            owned = self._whose(w + 1, b)
            if owned:
                return owned
        conjuncts = self._conjuncts(a, b)
        parties = [self._party_of(c) for c in conjuncts]
        if len(conjuncts) > 1 and set(parties) == _CONGRESS_PARTIES:
            # "Democratic leaders and some Republicans": each party (case 21)
            return [_PARTY_REFS[p] for p in dict.fromkeys(parties)]
        last_group = bool(conjuncts) and toks[conjuncts[-1][-1]].norm in _GROUP_NOUNS
        refs: list[Ref] = []
        vague: list[bool] = []
        for n, conj in enumerate(conjuncts):
            fellows = n > 0 and self._fellow_legislators(conj, conjuncts[:n])
            ref = self._fellows_ref(conj) if fellows else self._resolve_conjunct(conj)
            if ref is None and n > 0 and self._plain_plural(conj[-1]) and not any(
                    k in self.tok_mention for k in conj) and any(
                    k in self.tok_mention for c in conjuncts[:n] for k in c):
                # "The X Federation, the Y Council and technology associations": the plain
                # group keeps its own words beside the named ones
                words = [k for k in conj if toks[k].norm not in _PHRASE_DETERMINERS]
                if words:
                    ref = Ref(self.text[toks[words[0]].start:toks[conj[-1]].end], "", "plural")
            if ref is not None and last_group and n < len(conjuncts) - 1:
                ref = self._sharing_head(conj, ref, conjuncts[-1][-1])
            if ref is not None:
                refs.append(ref)
                named = any(toks[k].norm in _POSSESSIVE_DEFINITE for k in conj) and \
                    ref.actor.split()[0].lower() not in _POSSESSIVE_DEFINITE  # "U.S. partners"
                vague.append(toks[conj[-1]].norm in _VAGUE_HEADS and not named and not fellows)
        if len(refs) > 1 and all(len(c) == 1 and toks[c[0]].norm in _NP_MODIFIERS
                                 for c in conjuncts[:-1]):
            return refs[-1:]
        if len(refs) == 1 and refs[0].kind == "plural" and not refs[0].country:
            joint = self._joint_group(a, b)  # "The ministers": not the word, the actors
            if joint:
                return joint
        named = [r for r, v in zip(refs, vague) if r.actor in self._actor_names or not v]
        if named and len(named) < len(refs):
            return named  # "Merkel and others", "Russia, Iran and their allies"
        return refs

    def _leaders_named(self, pos: int) -> list[Ref]:
        """What "the leaders" stands for when the nearest sentence that names two or more
        persons (this one before ``pos``, then the three before) names three or more: all
        of them, as many as were named ("Biden hosted Kishida and Yoon ... . The leaders
        agreed": the three), not two of them. [] otherwise (a pair is read as before)."""
        here = [m for m in self.with_titled(self.mentions) if m.end <= pos]
        named_here = [name for name, _, end in self.context.learned if end <= pos]
        named = self.context.named[-len(self.context.heads):] if self.context.heads else []
        named = [[]] * (len(self.context.heads) - len(named)) + named
        known = {ref.actor: ref for ref in self.context.surnames.values() if ref is not None}
        for heads, names in [(here, named_here),
                             *zip(reversed(self.context.heads), reversed(named))]:
            people = [mention_ref(m) for m in heads if m.actor_type in _PERSON_TYPES]
            # people the gazetteer lacks, named in full with a title ("President Yoon Suk Yeol")
            people += [known[name] for name in names if name in known]
            people = list(dict.fromkeys(people))
            if len(people) >= 2:
                return people if len(people) >= 3 else []
        return []

    def _document_refs(self, a: int, b: int) -> list[Ref]:
        """Who issued the document a phrase names, as its holders: a document known by its
        name ("The National Security Strategy"), the possessor in the phrase ("USTR's report
        of March 22", "His signing statement", "the G7 leaders' declaration"), or, for a
        plain definite one ("The report", "the joint statement", "The document"), the issuer
        of the document the text named last (:meth:`Context.learn`). [] otherwise."""
        toks = self.toks
        k = next((k for k in range(a, b + 1) if toks[k].norm in _DOCUMENT_HEADS), None)
        if k is None or k < b and toks[k + 1].norm not in _DOCUMENT_TAILS:
            return []
        phrase = self.text[toks[a].start:toks[k].end].lower()
        named = next((v for n, v in _NAMED_DOCUMENTS.items() if n in phrase), None)
        if named is not None:
            refs = [Ref(named[0], named[1], "entity")]
        else:
            p = next((p for p in range(k - 1, a - 1, -1) if toks[p].norm.endswith(
                ("'s", "s'", "’s")) or toks[p].norm in _POSSESSIVE_DEFINITE), None)
            if p is not None:
                if any(not toks[q].text.islower() for q in range(p + 1, k)):
                    return []  # "the Pentagon's Nuclear Posture Review"
                refs = self._document_owner(a, p)
            elif k > a and all(toks[q].norm in _ARTICLES | _VOICE_MODIFIERS | {
                    "this", "that", "closing"} or toks[q].norm.isdigit() for q in range(a, k)):
                refs = list(self.context.names.get("#document", ()))
            else:
                return []
        if refs:
            self.context.names["#document"] = tuple(refs)
        return refs

    def _document_phrase(self, j: int):
        """(refs, start, end) when the words up to token j are a phrase that names a
        document ("The strategy", "The Department of State's annual human rights reports",
        "USTR's report of March 22, 2018,"): its issuer (:meth:`_document_refs`); else None."""
        toks = self.toks
        k = next((k for k in range(j, max(-1, j - 8), -1) if toks[k].norm in _DOCUMENT_HEADS),
                 None)
        if k is None or k < j and toks[k + 1].norm not in _DOCUMENT_TAILS:
            return None
        a = k
        while a > 0:
            t = toks[a - 1]
            m = self.tok_mention.get(a - 1)
            if m is not None and t.norm.endswith(("'s", "s'", "’s")):
                a -= 1
                while a > 0 and self.tok_mention.get(a - 1) is m:
                    a -= 1  # the possessor's whole name
                if a > 0 and toks[a - 1].norm in _ARTICLES:
                    a -= 1
                break
            if not _WORDISH.match(t.text) or not (
                    t.text.islower() or t.norm.isdigit() or a - 1 == 0
                    or is_cap(t) and is_cap(toks[k])) or t.norm in _AUX:  # its own name
                break
            a -= 1
            if t.norm in _ARTICLES or t.norm in _POSSESSIVE_DEFINITE:
                break
        if a == k or toks[a].norm not in _ARTICLES | set(_POSSESSIVE_DEFINITE) and \
                not toks[a].norm.endswith(("'s", "s'", "’s")) and \
                self.tok_mention.get(a) is None:
            return None  # "Reports indicate": no document named
        refs = self._document_refs(a, k)
        return (refs, toks[a].start, toks[k].end) if refs else None

    def _document_owner(self, a: int, p: int) -> list[Ref]:
        """The issuer a possessor at token p names for a document (the one actor named from
        token a to p, or what a possessive pronoun stands for); [] when unsure."""
        toks = self.toks
        if toks[p].norm in _POSSESSIVE_DEFINITE and (
                p == a or p == a + 1 and toks[a].norm in _ARTICLES):
            word = _POSSESSIVE_DEFINITE.get(toks[p].norm)
            return self._resolve_pronoun(word, toks[p].start) if word in _PRONOUNS else []
        owners = {m.actor: m for q in range(a, p + 1) if (m := self.tok_mention.get(q)) is
                  not None and m.actor_type not in NON_HOLDER_TYPES}
        if len(owners) == 1:
            return [mention_ref(next(iter(owners.values())))]
        short = self._short_form([p]) if not owners else None
        return [short] if short is not None else []

    def _plain_plural(self, k: int) -> bool:
        """Whether token k is a plural common noun for people or groups in lower case
        ("associations", "volunteers", "unions"), no group noun of the gazetteer's kind."""
        tok = self.toks[k]
        nrm = tok.norm
        return tok.text.islower() and nrm.endswith("s") and nrm not in _GROUP_NOUNS and \
            nrm not in _NOT_PEOPLE_NOUNS and (nrm in _PLAIN_HOLDER_NOUNS or nrm.endswith(
                _PEOPLE_ENDINGS))

    def _plain_after_named(self, j: int) -> bool:
        """Whether token j heads a plain plural group right after a named body ("the Syria
        Civil Defence volunteers") or after "and" that follows a name ("the National Retail
        Federation and technology associations"), past at most two lower-case words."""
        if not self._plain_plural(j):
            return False
        toks = self.toks
        k = j - 1
        while k >= 0 and k >= j - 2 and toks[k].text.islower() and toks[k].norm != "and" \
                and _WORDISH.match(toks[k].text) and toks[k].norm not in _AUX:
            k -= 1
        if k >= 0 and toks[k].norm == "and":
            k -= 1
        m = self.tok_mention.get(k) if k >= 0 else None
        return m is not None and m.actor_type in _NAMED_BODY_TYPES

    def _fellows_ref(self, conj: list[int]) -> Ref:
        """A legislator's fellows: their party when named by it ("Senator A and other
        Democrats", case 21), else members of Congress ("Senator C and others", case 14)."""
        party = _PARTY_WORDS.get(self.toks[conj[-1]].text)
        return _PARTY_REFS[party] if party else _MEMBERS_OF_CONGRESS

    def _fellow_legislators(self, conj: list[int], before: list[list[int]]) -> bool:
        """Whether a conjunct of party members or "others", after one named with a
        legislator's title ("Senator A and several other Democrats", "Speaker B and many
        Republicans", "Senator C and others"), are that legislator's fellow members of
        Congress (case 14), not the party as a whole."""
        toks = self.toks
        words = [toks[k].norm for k in conj]
        if words[-1] not in {"democrats", "republicans", "others"} or \
                not set(words[:-1]) <= _FELLOW_QUANTIFIERS:
            return False
        return any(toks[c[0]].text in _LEGISLATOR_TITLES | {"Speaker"} or (
            toks[c[0]].text in _CHAMBERS and any(toks[k].text in _CHAMBER_LEADER_TITLES
                                                 for k in c)) for c in before)

    def _whose(self, a: int, b: int) -> list[Ref]:
        """"X, whose government / officials / prime minister ...": the state of the
        relative's antecedent X, its officials, or its office (the person the text named
        for it, else the office as written); X is the phrase before ", whose", or before
        ", which/who ... and whose". [] when the phrase after "whose" is none of these."""
        toks = self.toks
        k = a - 2
        if toks[k].norm in {"and", "but"}:  # "Slovakia, which takes ... and whose ..."
            k = next((m - 2 for m in range(k - 1, 1, -1) if toks[m].norm in {"which", "who"}
                      and toks[m - 1].text == ","), -1)
            single = True
        else:
            k, single = (k - 1 if toks[k].text == "," else k), False
        np = self._noun_phrase(k) if 0 <= k < a - 1 else None
        if np is None:
            return []
        refs = self._resolve_np(*np)
        if single:
            refs = refs[-1:]  # "which takes": the last of a list
        countries = list(dict.fromkeys(r.country for r in refs if r.country))
        head = toks[b].norm
        if not countries or toks[b].norm in _SPEAKERS_FOR_NONE:
            return []
        if head in _GOVERNMENTS or head == "governments":
            return [Ref(c, c, "entity") for c in countries]  # "Modi, whose government"
        if head.endswith("s") and head in _official_heads():
            return [Ref(country_groups().get(c) or c, c, "plural") for c in countries]
        title = " ".join(t.norm for t in toks[a:b + 1])
        if head in _TITLE_WORDS and len(countries) == 1 and \
                all(t.text.islower() for t in toks[a:b + 1]):
            for year in self._years():
                for m in reversed(self.context.people):
                    if m.country == countries[0] and _has_title(m.actor, title, year):
                        return [mention_ref(m)]
            return [Ref(title, countries[0], "person")]  # "whose prime minister" (case 13)
        return []

    def _titled_name(self, a: int, b: int) -> Ref | None:
        """A person the gazetteer lacks, named after a title that follows an affiliation
        with "and" in it ("Center for Security and Emerging Technology analyst Dahlia
        Peterson"): the person, not the words of the affiliation, or None."""
        toks = self.toks
        title = max((k for k in range(a, b) if toks[k].norm in _TITLE_WORDS
                     or toks[k].norm in _GROUP_NOUNS), default=None)
        if title is None or b - title < 2 or b - title > 3 or not any(
                toks[k].norm == "and" for k in range(a, title)):
            return None
        if any(toks[k].norm == "and" and k - 1 in self.tok_mention and
               self.tok_mention[k - 1].actor_type in _PERSON_TYPES for k in range(a, title)):
            return None  # "Polish President A and Lithuanian President B": two people
        if any(toks[k].norm == "and" and _after_title(toks, a, k) for k in range(a, title)):
            return None  # "Chairman A B and Chairman C D": a titled name before "and" too
        name = range(title + 1, b + 1)
        if any(k in self.tok_mention or not is_cap(toks[k]) for k in name) or not all(
                is_cap(toks[k]) or toks[k].norm in {"for", "of", "and", "the", "on"}
                for k in range(a, title)):
            return None
        return Ref(self.text[toks[title + 1].start:toks[b].end], "", "person")

    def _in_clause(self, mentions: list[Mention], pos: int) -> list[Mention]:
        """The mentions after the last clause break (, ; : dash "and") before ``pos``."""
        breaks = [t.end for t in self.toks if t.end <= pos and
                  (t.text in {",", ";", ":", "—", "–"} or t.norm in {"and", "but"})]
        start = breaks[-1] if breaks else 0
        return [m for m in mentions if m.start >= start]

    def _conjuncts(self, a: int, b: int) -> list[list[int]]:
        """The token indices of each conjunct of a phrase ("Iran, Russia and Turkey")."""
        out, cur, place, body = [], [], False, False
        for k in range(a, b + 1):
            # "skeptics in Rome, Athens and Budapest": the places after a group's "in" are
            # one place list, not holders of their own
            place = place or (self.toks[k].norm in {"in", "from", "at"} and k > a and
                              self.toks[k - 1].norm in _GROUP_NOUNS)
            body = body or self._body_goes_on(k)  # "Office of Management and Budget": one
            end = k - 4 if k >= 4 and self.toks[k - 1].text == ")" and \
                self.toks[k - 3].text == "(" else k - 1  # "... Defense (DOD) and NASA"
            two = k not in self.tok_mention and self.tok_mention.get(end) is not None and \
                self.tok_mention.get(k + 1) is not None and \
                self.tok_mention.get(end) is not self.tok_mention.get(k + 1)
            if body and self.toks[k].norm == "and" and k < b and is_cap(self.toks[k + 1]) \
                    and not two:  # "the Department of Defense and NASA": two bodies
                cur.append(k)
                continue
            if not place and (self.toks[k].norm in {"and", "nor"} or self.toks[k].text == ","):
                if cur:
                    out.append(self._without_short_form(cur))
                cur = []
            else:
                cur.append(k)
        return out + [self._without_short_form(cur)] if cur else out

    def _without_short_form(self, conj: list[int]) -> list[int]:
        """A conjunct without the acronym in brackets that closes it ("the Department of
        Homeland Security (DHS)"): the name it stands for."""
        toks = self.toks
        if len(conj) >= 4 and toks[conj[-1]].text == ")" and toks[conj[-3]].text == "(" and \
                toks[conj[-2]].text.isupper():
            return conj[:-3]
        return conj

    def _sharing_head(self, conj: list[int], ref: Ref, head: int) -> Ref:
        """"Saudi and Emirati officials": an adjective before "and" shares the group noun
        (at token ``head``); one the gazetteer lacks names the group with it ("Baltic and
        Polish leaders" -> "Baltic leaders")."""
        m = self.tok_mention.get(conj[0])
        tok = self.toks[conj[0]]
        if len(conj) == 1 and m is None and ref.kind == "entity" and ref.actor == tok.text \
                and _ADJECTIVE_FORM.search(tok.text):
            return Ref(f"{tok.text} {self.toks[head].text}", "", "plural")
        if len(conj) == 1 and ref.kind == "entity" and m is not None and \
                (m.text in _demonyms().get(m.country, ()) or _demonym_officials(m)):
            return Ref(country_groups().get(ref.country) or _demonym_officials(m) or ref.actor,
                       ref.country, "plural")
        return ref


    def _cited_again(self, conj: list[int]) -> Ref | None:
        """The holder of a text the sentences before cited, when the conjunct names it again
        as a definite phrase whose words before the head only say which ("The 2025 study"
        after "According to a 2025 economics study", "The DRF monthly reports" after
        "FEMA's ... monthly report shows"): a document speaks for its issuer, or keeps the
        words it was cited by (real-text conventions). None when no such text was cited, or
        a name or a possessor in the phrase says whose it is."""
        toks = self.toks
        key = _CITED_AGAIN.get(toks[conj[-1]].norm)
        if key is None:
            return None
        a = conj[0] + 1 if toks[conj[0]].norm in {"the", "these", "this"} else conj[0]
        while a > 0 and _WORDISH.match(toks[a - 1].text) and toks[a - 1].norm not in \
                _ARTICLES | {"this", "these", "that", "those"} and a - 1 not in self.tok_mention \
                and not toks[a - 1].norm.endswith(("'s", "s'", "’s")) and (
                    toks[a - 1].text.islower() or toks[a - 1].text.isupper()
                    or toks[a - 1].norm.isdigit() or _FISCAL_YEAR.fullmatch(toks[a - 1].norm)
                    or toks[a - 1].norm in _MONTHS) and toks[a - 1].norm not in _AUX:
            a -= 1  # "monthly", "2025", "FY2026", "DRF": words that say which text
        if a == 0 or toks[a - 1].norm not in {"the", "these", "this"} or (
                a > 1 and _WORDISH.match(toks[a - 2].text)
                and toks[a - 2].norm not in _COORDINATORS):
            return None  # not a phrase of its own ("in the report")
        return self.context.names.get("#cited:" + key)

    def _cited_phrase(self, j: int):
        """(refs, start, end) of a text cited before and named again by the words up to token
        j (:meth:`_cited_again`: "The FY2026 budget documents" after "According to FY2026
        Navy budget documents"); None otherwise."""
        ref = self._cited_again([j])
        if ref is None:
            return None
        a = j
        while a > 0 and self.toks[a - 1].norm not in {"the", "these", "this"}:
            a -= 1
        return [ref], self.toks[max(0, a - 1)].start, self.toks[j].end

    def _resolve_conjunct(self, conj: list[int]) -> Ref | None:
        """The actor one conjunct names: a mention, a group, a description, or a name."""
        toks = self.toks
        head = conj[-1]
        spoken = self._spokesperson_of(conj)
        if spoken is not None:
            return spoken
        ministry = self._ministry_ref(conj)
        if ministry is not None:
            return ministry
        faction = self._faction_ref(conj)
        if faction is not None:
            return faction
        if len(conj) >= 2 and self._plain_plural(head) and head not in self.tok_mention:
            body = self.tok_mention.get(conj[-2])
            if body is not None and body.actor_type in _NAMED_BODY_TYPES:
                return mention_ref(body)  # "the Syria Civil Defence volunteers": the body's
        party = self._party_of(conj)
        if party and toks[head].norm not in _LEGISLATOR_NOUNS | {"members"}:
            # "Democrats who support it, including Senator X", "Democratic leaders" (case 21)
            return _PARTY_REFS[party]
        if toks[head].norm in _LEGISLATOR_PLURALS and self._including_legislator(head) and \
                self.context.names.get("Members") is not None:
            # "Other members, including Representative X,", "Democrats who support it,
            # including Senator X,": some members of Congress, one of them named (case 14)
            return self.context.names["Members"]
        legislators = self._legislators(conj)
        if legislators is not None:
            return legislators
        if len(conj) == 1 and toks[head].norm in {"he", "she"}:
            got = self._resolve_pronoun(toks[head].norm, toks[head].start)
            return got[0] if len(got) == 1 else None  # "He and other critics argue"
        m = self.tok_mention.get(head)
        if len(conj) == 3 and toks[conj[1]].norm in _IN_PLACE and m is not None and \
                m.actor == _CONGRESS.actor and (conj[0] not in self.tok_mention
                                                or not self.tok_mention[conj[0]].country):
            return Ref(f"members of {m.text}", m.country, "plural")  # "critics in Congress"
        if len(conj) >= 3 and toks[conj[-2]].norm in _IN_PLACE and \
                self._members_in(conj[-2], head):
            party = _PARTY_WORDS.get(toks[conj[-3]].text)
            if party:
                return _PARTY_REFS[party]  # "Many Republicans in Congress": the party (case 21)
            return Ref(f"members of {m.text}", m.country, "plural")  # "critics in Congress"
        if len(conj) >= 3 and toks[conj[0]].norm in _QUANTIFIED and \
                toks[conj[1]].norm in _IN_PLACE and m is not None:
            if m.actor_type in _PLACE_TYPES:  # "some in Riyadh": its officials
                return Ref(country_groups().get(m.country) or m.actor, m.country, "plural")
            # "many in Congress": some of a body's members, not the body as a whole
            return Ref(f"members of {m.text}", m.country, "plural")
        of = next((k for k in conj[1:-1] if toks[k].norm == "of"
                   and toks[k - 1].norm == "members"), None)
        body = self._body_at(of + 1, head) if of is not None else None
        if body is not None:  # "Members of Congress": some of a body's members
            return Ref(f"members of {body[0]}", body[1], "plural")
        named = self._long_body_name(of + 1, head) if of is not None else None
        if named is not None:  # "Members of the House Select Committee on ...": its members,
            first = named.actor.split()[0]  # a chamber's committee's of Congress (case 14)
            return _MEMBERS_OF_CONGRESS if first in _CHAMBERS else \
                Ref(f"members of {named.actor}", named.country, "plural")
        named = self._long_body_name(conj[0], head) if m is not None else None
        if named is not None:
            return named  # "the House Select Committee on the CCP": the committee
        pp = next((k for k in conj[1:] if toks[k].norm in {"in", "from", "at"}
                   and toks[k - 1].norm in _GROUP_NOUNS), None)
        if pp is not None:  # "officials in Riyadh", "analysts in Moscow"
            inner = [self.tok_mention[k] for k in conj if k in self.tok_mention]
            # "China's ambassador in Seoul", "Saudi officials in Washington": the one named
            # before the preposition is whom they speak for, not the place they are in
            before = [m for m in inner if m.end <= toks[pp].start and m.country]
            return self._group_ref([k for k in conj if k != pp], before or inner)
        if m is not None and m.end >= toks[head].end - 2:
            foreign = self._foreign_namesake(m, conj)
            if foreign is not None:
                return foreign
            inner = [self.tok_mention[k] for k in conj if k in self.tok_mention
                     and self.tok_mention[k] is not m]
            if m.actor_type == "group_holder" and not m.country and inner:
                return self._group_ref(conj, inner)  # "State Department officials"
            if m.actor_type == "group_holder" and not m.country and \
                    self._executive_officials(conj) is not None:
                return self._executive_officials(conj)
            if m.actor_type == "group_holder" and not m.country and \
                    m.start >= toks[conj[0]].start:
                local = self._officials_in_sentence(conj, toks[head].norm)
                if local is not None:
                    return local
            if m.actor_type == "group_holder" and not m.country and \
                    toks[head].norm in _SPEAKERS_FOR_NONE and m.start >= toks[head].start and \
                    any(is_cap(toks[k]) and toks[k].norm not in _VAGUE_QUALIFIERS
                        and toks[k].norm not in _POSSESSIVE_DEFINITE
                        for k in conj if toks[k].end <= m.start):
                return Ref(_phrase(self.text, toks, conj), "", "plural")  # "Gulf analysts"
            if m.actor_type == "group_holder" and not m.country and not inner and \
                    m.start >= toks[head].start and any(
                        toks[k].norm not in _VAGUE_QUALIFIERS
                        and toks[k].norm not in _POSSESSIVE_DEFINITE
                        for k in conj if toks[k].end <= m.start):
                return Ref(self._plain_name(conj), "", mention_ref(m).kind)  # "defense officials"
            if m.actor_type == "group_holder" and not m.country and any(
                    toks[k].norm in _POSSESSIVE_DEFINITE for k in conj if toks[k].end <= m.start):
                return self._group_ref(conj, inner)  # "its officials": the state's officials
            return mention_ref(m)
        words = [k for k in conj if toks[k].norm not in {"the", "a", "an"}]
        if not words:
            return None
        congress = self._members_of_congress(conj, words)
        if congress is not None:
            return congress
        if m is None and len(words) == 1 and toks[words[0]].text == "Administration":
            # "the Administration" with no name: the US executive (real texts' conventions:
            # the Administration is the United States), not an agency whose name ends so
            return Ref("United States", "United States", "entity")
        short = self._short_form(words) if m is None else None
        if short is not None:
            return short
        if m is None and [toks[k].norm for k in words] in (["others"], ["still", "others"]):
            group = self._group_before(toks[conj[0]].start)
            if group is not None:
                return group
        inner = [self.tok_mention[k] for k in conj if k in self.tok_mention]
        head_norm = toks[head].norm
        issuer = self._text_issuer(conj, inner)
        if issuer is not None:
            return issuer  # "a Senate Finance Committee report", "the Pentagon's review"
        if head_norm in _CITED_TEXTS and len(conj) == 2 and toks[conj[0]].norm == "the":
            return self.context.names.get("#" + head_norm)  # "The report notes that ..."
        again = self._cited_again(conj) if not inner else None
        if again is not None:
            return again
        if head_norm in _LEGISLATION and not inner and all(
                toks[k].norm in _BARE_DETERMINERS | _ARTICLES for k in conj[:-1]):
            return self.context.names.get("Members")  # "These bills reiterate that ..."
        if head_norm in _TEXT_HOLDERS:  # "Some estimates suggest ...": plain holders
            before = toks[conj[0] - 1] if conj[0] > 0 else None
            if inner or not all(toks[k].norm in _VAGUE_QUALIFIERS for k in conj[:-1]) or (
                    before is not None and _WORDISH.match(before.text)):
                return None  # "U.S. oversight reports", "previously noted reports": unsure
            if head_norm != "reports":
                return Ref(head_norm, "", "plural")
            return Ref(" ".join(toks[k].norm for k in conj if toks[k].norm not in _ARTICLES),
                       "", "plural")  # "Some reports", "other reports": the text's own
            # words without the article (scheme: reports with no named source)
        if not inner and len(words) == 1 and head_norm in _BODY_DESCRIPTIONS and \
                toks[conj[0]].norm in {"the", "that", "this"}:
            body = self.context.body(head_norm, toks[conj[0]].start)
            if body is not None:  # "The institute reported": the institute named before
                return body
        named = is_cap(toks[head]) and head > 0  # "The World Health Organization": a name
        if named and not inner and len(words) == 1 and toks[conj[0]].norm == "the" and \
                _DEFINITE.get(head_norm) in {"he", "she"}:
            titled = self._titled_person(head, home=True)  # "the President": of the text's state
            if titled is not None:
                return titled
        if head_norm in _DEFINITE and not inner and not named and \
                toks[conj[0]].norm in {"the", "that", "this"}:
            return self._definite_ref(head)
        if named and any(self._body_goes_on(k) for k in conj[:-1]):
            return self._name_ref(conj, inner)  # "the Organization of American States"
        if head_norm in _GROUP_NOUNS:
            return self._group_ref(conj, inner)
        if head_norm in _DEFINITE and len(words) <= 2 and not named:
            return self._definite_ref(head)
        if (is_cap(toks[head]) or _is_name_particle(toks[head])) and head_norm not in _MONTHS:
            return self._name_ref(conj, inner)
        return None

    def _foreign_namesake(self, m: Mention, conj: list[int]) -> Ref | None:
        """A body the gazetteer gives to one state ("Senate", "Democratic Party": the U.S.
        ones) after another state's adjective or possessive ("the Nigerian Senate", "South
        Korea's Democratic Party"): that state's namesake body, in the words as written,
        with that state's country; else None."""
        toks = self.toks
        if m.actor_type not in _BODY_TYPES | {"political_group"} or not m.country:
            return None
        first = next((k for k in conj if toks[k].start == m.start), None)
        if first is None or first == conj[0]:
            return None
        k = first - 1
        if toks[k].norm in {"'s", "’s"} and k > conj[0]:
            k -= 1
        owner = self.tok_mention.get(k)
        if owner is None or owner is m or owner.actor_type not in _STATE_TYPES or \
                owner.country == m.country or not owner.country or \
                not (self.adjective_form(owner) or toks[k + 1].norm in {"'s", "’s"}
                     or self.text[owner.end:owner.end + 2] in {"'s", "’s"}):
            return None
        return Ref(self.text[owner.start:m.end], owner.country, "entity")

    def _faction_ref(self, conj: list[int]) -> Ref | None:
        """A state's faction named bare ("the hardliners", "Dissidents"): that of the state of
        the nearest person or state named before it in the sentence as no modifier
        ("Rouhani has bought time ..., the hardliners": Iranian hardliners), else of the one
        state whose holders the sentence before gave ("Raúl Castro denied ... . Dissidents
        valued": Cuban dissidents); None when there is none, or for any other phrase."""
        toks = self.toks
        words = [k for k in conj if toks[k].norm not in _ARTICLES]
        if len(words) != 1 or toks[words[0]].norm not in _FACTIONS:
            return None
        head = toks[words[0]].norm
        start = toks[conj[0]].start
        before = [m for m in self.mentions if m.end <= start and m.country and
                  m.actor_type in _STATE_TYPES | _PERSON_TYPES and not self._modifier_or_pp(m)]
        country = before[-1].country if before else ""
        if not country and self.context.sentences:
            held = {r.country for refs in self.context.sentences[-1][1] for r in refs
                    if r.country and r.kind not in ("author", "speaker")}
            country = held.pop() if len(held) == 1 else ""
        demonym = min((d for d in _demonyms().get(country, ()) if " " not in d), default=None,
                      key=len)
        return Ref(f"{demonym} {head}", country, "plural") if demonym else None

    def _ministry_ref(self, conj: list[int]) -> Ref | None:
        """A ministry named with no state ("A foreign ministry spokesman", "Its Ministry of
        Commerce", "The ministry"): a ministry of that name (of the gazetteer) of the state
        its possessive stands for, else of the state named last before (the sentence
        before first); plain "the ministry" is the ministry that held a view last, in this
        sentence or the three before. None for any other phrase, or one that names an actor
        itself ("China's foreign ministry", "Foreign Ministry spokeswoman Maria Zakharova")."""
        toks = self.toks
        words = [toks[k].norm for k in conj]
        if "ministry" not in words:
            return None
        owner = self.tok_mention.get(conj[0])
        if owner is not None and owner.actor_type in _STATE_TYPES and owner.country and \
                toks[conj[0]].norm.endswith(("'s", "’s")) and conj[0] + 1 in conj:
            conj, words = conj[1:], words[1:]  # "Iran's Foreign Ministry spokesman"
        else:
            owner = None
        if any(k in self.tok_mention for k in conj):
            return None
        at = words.index("ministry")
        kind = [w for w in words[:at] if w not in _ARTICLES and w not in _POSSESSIVE_DEFINITE]
        if words[at + 1:at + 2] == ["of"]:
            kind = kind or [w for w in words[at + 2:] if w not in _ARTICLES | {"affairs"}]
        if not kind:
            spoken = words[at + 1:at + 2] and words[at + 1] in _SPOKESPEOPLE
            if words[:at] not in (["the"], ["that"]) and not (
                    spoken and words[:at] in (["a"], ["an"])):
                return None  # "a ministry spokesperson": the ministry named last, as "the
                # ministry" is
            for refs in [*reversed(self.refs),
                         *(r for _, claim_refs in reversed(self.context.sentences)
                           for r in reversed(claim_refs))]:
                if len(refs) == 1 and refs[0].actor.endswith("Ministry"):
                    return Ref(refs[0].actor, refs[0].country, "entity")
                spoken = self.context.names.get("#spokesperson:" + refs[0].actor) \
                    if len(refs) == 1 else None
                if spoken is not None:  # after "Foreign Ministry spokesperson X said": its
                    return spoken
            return None
        tail = " ".join(kind) + " ministry"
        # "Foreign Ministry spokespeople": they, as the old way of naming them had it
        plural = words[-1] != "ministry" and (words[-1].endswith("s") or words[-1] in {
            "spokespeople", "spokesmen", "spokeswomen"})
        agencies = _state_agencies()
        if owner is not None:
            country = owner.country
            agency = agencies.get((country, tail))
        elif words[0] in _POSSESSIVE_DEFINITE:
            owners = self._resolve_pronoun(_POSSESSIVE_DEFINITE[words[0]], toks[conj[0]].start)
            country = owners[0].country if len(owners) == 1 else ""
            agency = agencies.get((country, tail))
        else:
            agency, country = self._agency_in_context(tail, before=toks[conj[0]].start)
        name = conj[at + 2:]
        if words[at + 1:at + 2] and words[at + 1] in _SPOKESPEOPLE and name and \
                all(is_cap(toks[k]) or _is_name_particle(toks[k]) for k in name):
            # "Foreign Ministry spokesperson Wang Wenbin": the person named, who speaks for
            # the ministry's state; "the ministry" later is still the ministry
            person = Ref(self.text[toks[name[0]].start:toks[name[-1]].end], country, "person")
            if agency:
                self.context.names["#spokesperson:" + person.actor] = Ref(agency, country,
                                                                          "entity")
            return person
        return Ref(agency, country, "plural" if plural else "entity") if agency else None

    def _spokesperson_of(self, conj: list[int]) -> Ref | None:
        """A spokesperson with no name speaks for the body named with it: "a spokeswoman of
        China's Foreign Ministry" is the ministry; a state's spokesperson ("Beijing's
        spokeswoman") its foreign ministry when the gazetteer lists one, else the state.
        None for any other phrase."""
        toks = self.toks
        at = next((n for n, k in enumerate(conj) if toks[k].norm in _SPOKESPEOPLE), None)
        if at is None:
            return None
        if at + 2 < len(conj) and toks[conj[at + 1]].norm in {"of", "for"}:
            body = self._resolve_conjunct(conj[at + 2:])
        elif at == len(conj) - 1 and at >= 1 and toks[conj[at - 1]].norm.endswith(("'s", "’s")):
            m = self.tok_mention.get(conj[at - 1])
            body = mention_ref(m) if m is not None and m.actor_type in _PLACE_TYPES else None
        elif at == len(conj) - 1 and at >= 1 and conj[at - 1] not in self.tok_mention and \
                toks[conj[at - 1]].text.isalpha() and all(
                    toks[k].norm in _ARTICLES for k in conj[:at - 1]):
            # "separatist spokesmen", "rebel spokesmen": the group they speak for
            group = toks[conj[at - 1]].norm + "s"
            return Ref(group, "", "plural") if group in _GROUP_NOUNS else None
        else:
            return None
        if body is None or body.kind == "person":
            return None
        if body.actor == body.country:
            return _foreign_ministries().get(body.country, body)
        return body

    def _text_issuer(self, conj: list[int], inner: list[Mention]) -> Ref | None:
        """The one body or person a report, study or estimate is named by ("a Senate
        Finance Committee report", "FEMA's monthly reports", "the Pentagon's review"): what
        it finds is its issuer's view. None for a text with no issuer in its name, or one
        named only by a state or a place ("U.S. oversight reports", "a Chinese study")."""
        if self.toks[conj[-1]].norm not in _CITED_TEXTS | _TEXT_HOLDERS:
            return None
        issuers = {mm.actor: mm for mm in inner if mm.actor_type not in
                   _STATE_TYPES | NON_HOLDER_TYPES | {"group_holder"}}
        if len(issuers) == 1:
            return mention_ref(next(iter(issuers.values())))
        # "The Army Science Board study": a body's name the gazetteer lacks
        return self._body_name(conj[:-1], "") if len(conj) > 2 and not inner else None

    def _members_of_congress(self, conj: list[int], words: list[int]) -> Ref | None:
        """Members or others in Congress are "members of Congress" (real texts'
        conventions): plain "lawmakers" once the text names the U.S. Congress ("Some
        lawmakers have called ..."), and House or Senate Members of a congressional body
        ("Some House Members of the Congressional Food Safety Caucus urged ...")."""
        if self._names_members(conj, words):
            # the context (the sentences before, parsed) is read only for such a phrase
            return self.context.names.get("Members")
        return None

    def _names_members(self, conj: list[int], words: list[int]) -> bool:
        """Whether the phrase is one that :meth:`_members_of_congress` reads as members of
        Congress once the text names the U.S. Congress."""
        toks = self.toks
        plain = [toks[k] for k in words if toks[k].norm not in _PHRASE_DETERMINERS]
        if len(plain) == 1 and plain[0].norm in {"lawmakers", "legislators"}:
            return True
        if len(plain) >= 2 and plain[0].norm == "congressional" and \
                plain[-1].norm.endswith("s") and plain[-1].norm in _GROUP_NOUNS:
            return True  # "congressional leaders", "congressional critics"
        if len(plain) == 2 and plain[0].text in _CHAMBERS and plain[1].norm == "members":
            return True  # "some House Members"
        a = conj[0]
        return a >= 3 and toks[a - 1].norm == "of" and toks[a - 2].norm == "members" and \
            toks[a - 3].text in _CHAMBERS  # "House Members of the ... Caucus"

    def _party_of(self, conj: list[int]) -> str | None:
        """The U.S. party whose members a conjunct names ("some Republicans", "Democratic
        leaders", "Senate Democrats"), else None."""
        toks = self.toks
        party = None
        for k in conj:
            word = toks[k].text
            if word in _PARTY_WORDS:
                party = _PARTY_WORDS[word]
            elif not (toks[k].norm in _PHRASE_DETERMINERS or word in _CHAMBERS or (
                    k == conj[-1] and toks[k].norm in _GROUP_NOUNS)):
                return None
        return party

    def _legislators(self, conj: list[int]) -> Ref | None:
        """Unnamed legislators of the U.S. Congress ("some U.S. lawmakers", "several
        Republican senators", "Twenty-eight senators"): members of Congress (case 14), when
        a word before the plural names the United States or one of its parties, or, for
        senators and congressmen, once the text names the U.S. Congress; else None (a
        state's legislators, "Iranian lawmakers", are its officials)."""
        toks = self.toks
        head = conj[-1]
        if toks[head].norm not in _LEGISLATOR_NOUNS:
            return None
        us = False
        for k in conj[:-1]:
            m = self.tok_mention.get(k)
            if (m is not None and m.country == _US) or toks[k].text in _PARTY_WORDS or \
                    toks[k].text in _CHAMBERS:
                us = True
            elif m is not None or not (toks[k].norm in _PHRASE_DETERMINERS or
                                       toks[k].norm.isdigit() or
                                       _COUNT_WORDS.fullmatch(toks[k].norm)):
                return None
        m = self.tok_mention.get(head)
        if m is not None and m.country != _US:
            return None
        if us or (m is not None and m.start < toks[head].start):
            return _MEMBERS_OF_CONGRESS
        if toks[head].norm in {"lawmakers", "legislators"}:
            return None  # plain "lawmakers": _members_of_congress, once Congress is named
        return self.context.names.get("Members")

    def _including_legislator(self, b: int) -> bool:
        """Whether the phrase ending at token b goes on, before its first comma and at most
        a short relative clause later, with ", including" or ", such as" and a legislator's
        title."""
        toks, n = self.toks, len(self.toks)
        k = b + 1
        while k < n and k <= b + 8 and toks[k].text != ",":
            k += 1
        if k + 3 < n and toks[k].text == "," and toks[k + 1].norm == "such" and \
                toks[k + 2].norm == "as":  # "A few members, such as Senator X,"
            return toks[k + 3].text in _LEGISLATOR_TITLES
        return (k + 2 < n and toks[k].text == "," and toks[k + 1].norm == "including"
                and toks[k + 2].text in _LEGISLATOR_TITLES)

    def _definite_ref(self, head: int) -> Ref | None:
        """"the government", "the regime": the one actor it stands for, like a pronoun;
        "the group", "the agency": the nearest actor of that kind named before."""
        tok = self.toks[head]
        if tok.norm == "administration":
            return self._administration(tok.start)
        if tok.norm in _COURT_WORDS:  # "the court held", "the district court enjoined"
            return self._nearest_court(tok.start)
        if tok.norm in _ARMIES:  # "the army announced": the army of the state named last
            state = self._administration(tok.start, prefer_us=False)
            return _army_of(state.country) if state is not None else None
        if _DEFINITE.get(tok.norm) in {"he", "she"}:
            titled = self._titled_person(head)
            if titled is not None:
                return titled
        kinds = _DEFINITE_KINDS.get(tok.norm)
        if kinds:
            ref = self._nearest_of_kind(kinds, tok.start)
            if ref is not None or tok.norm not in _DEFINITE:
                return ref
        got = self._resolve_pronoun(_DEFINITE[tok.norm], tok.start, sexed=False)
        if len(got) == 1 and tok.norm in _GOVERNMENTS and got[0].country not in _states():
            # "a charge the government rejects" after a party's leader: a state's
            # government, not the party's (nor an armed group's)
            return self._nearest_of_kind(_GOVERNED_TYPES, tok.start)
        if len(got) == 1 and tok.norm in _GOVERNMENTS and got[0].country and \
                got[0].actor != got[0].country and got[0].kind == "entity":
            return Ref(got[0].country, got[0].country, "entity")  # a state's, not an organ's
        return got[0] if len(got) == 1 else None

    def titled_people(self) -> list[Mention]:
        """The persons the sentence names by a title alone ("The President signed the bill",
        "the King", "the minister"), as mentions of the person the text named before with
        that title (``_titled_person``): a later "he" or "she" takes them up as it would
        their names. A title with a name, a state or an "of" beside it is left alone."""
        toks = self.toks
        found = self.__dict__.get("_titled")
        if found is not None:
            return found
        found = self.__dict__["_titled"] = []
        if not TITLED_PERSON.search(self.text):
            return found
        for k, tok in enumerate(toks):
            if tok.norm not in _PERSON_TITLE_HEADS or k in self.tok_mention or \
                    (k + 1 < len(toks) and (is_cap(toks[k + 1]) or toks[k + 1].norm == "of")):
                continue
            a = k
            while a > 0 and toks[a - 1].norm not in {"the", "that", "this"} and \
                    toks[a - 1].norm in _NP_MODIFIERS | _TITLE_WORDS and \
                    a - 1 not in self.tok_mention:
                a -= 1
            if a == 0 or toks[a - 1].norm != "the":
                continue
            ref = self._titled_person(k, home=is_cap(tok))
            if ref is not None:
                found.append(Mention(ref.actor, "leader", ref.country,
                                     self.text[toks[a - 1].start:tok.end],
                                     toks[a - 1].start, tok.end))
        return found

    def with_titled(self, mentions: Sequence[Mention]) -> list[Mention]:
        """The mentions and the persons the sentence names by a title, in text order."""
        titled = self.titled_people()
        return sorted([*mentions, *titled], key=lambda m: m.start) if titled else \
            list(mentions)

    def _administration(self, pos: int, *, prefer_us: bool = True) -> Ref | None:
        """"the administration": a state whose government was named before ``pos``, by the
        state itself, an organ, a leader or its officials, in this sentence (its views'
        holders, then its actors that are no place after a preposition) and the three
        before (their holders, then their actors). The United States when it is among them,
        as the word is the usual name of the U.S. executive ("Tillerson declared in Seoul
        ... The administration wants": not South Korea; "Saudi leaders regard ... Other
        parts of the administration": not Saudi Arabia); else the nearest. Never an organ
        of its own ("the White House"): the administration speaks for the state."""
        def states(refs) -> list[str]:
            return [r.country for r in refs if r.country and r.kind not in ("author", "speaker")]

        def heads(mentions) -> list[Ref]:
            return [mention_ref(m) for m in mentions if m.actor_type in _GOVERNMENT_SIDE]

        before = [m for m in self.mentions if m.end <= pos and not self._modifier_or_pp(m)]
        found = states(r for refs in reversed(self.refs) for r in refs) + states(heads(before))
        for (_, claim_refs), mentions in zip(reversed(self.context.sentences),
                                             reversed(self.context.heads)):
            found += states(r for refs in reversed(claim_refs) for r in refs)
            found += states(heads(mentions))
        if prefer_us and _US not in found and any(
                m.country == _US and m.actor_type in _GOVERNMENT_SIDE
                for m in [*(m for m in self.mentions if m.end <= pos),
                          *(m for mentions, _ in self.context.sentences for m in mentions)]):
            found.append(_US)  # "unite Europe with Washington. ... The administration says"
        if not found:
            return None
        country = _US if prefer_us and _US in found else found[0]
        return Ref(country, country, "entity")

    def _nearest_of_kind(self, kinds, pos: int) -> Ref | None:
        """The nearest actor of these types named before ``pos``: in this sentence, then in
        the three before."""
        before = [m for m in self.mentions if m.end <= pos]
        for mentions in [before] + [m for m, _ in reversed(self.context.sentences)]:
            m = next((m for m in reversed(mentions) if m.actor_type in kinds), None)
            if m is not None:
                return mention_ref(m)
        return None

    def _nearest_court(self, pos: int) -> Ref | None:
        """"the court", "the judge": the court named last before ``pos`` (in this sentence,
        else anywhere before in the text), as a pronoun would stand for it; None if none."""
        m = next((m for m in reversed(self.mentions) if m.end <= pos and
                  _COURT_NAME.search(m.actor) and m.actor_type not in NON_HOLDER_TYPES), None)
        return mention_ref(m) if m is not None else self.context.names.get("#court")

    def _half_named(self, word: str, pos: int) -> Ref | None:
        """"the North": the state named before whose name opens with that word."""
        before = [m for m in self.mentions if m.end <= pos]
        for mentions in [before] + [m for m, _ in reversed(self.context.sentences)]:
            for m in reversed(mentions):
                if m.actor_type in _STATE_TYPES and m.actor.startswith(word + " "):
                    return mention_ref(m)
        return None

    def _titled_person(self, head: int, *, home: bool = False) -> Ref | None:
        """"the crown prince", "the president": the nearest person named before (in this
        sentence or the three before; failing that, the one named most often before) whose
        gazetteer entry holds that title; with ``home``, only one of the state the text
        names most ("the President" of a text on U.S. policy is the U.S. President, not
        France's, named in passing; the sitting one, not a predecessor cited once)."""
        toks = self.toks
        k = head
        while k > 0 and toks[k - 1].norm not in {"the", "that", "this"} and \
                toks[k - 1].norm in _NP_MODIFIERS | _TITLE_WORDS:
            k -= 1
        title = " ".join(t.norm for t in toks[k:head + 1])
        country = next(iter(c for c, _ in self.context.states.most_common(1)), None)
        before = [m for m in self.mentions if m.end <= toks[head].start]

        for year in self._years():  # one holding the office in the brief's year first

            def fits(m: Mention, year=year) -> bool:
                return m.actor_type in _PERSON_TYPES and _has_title(m.actor, title, year) \
                    and (not home or m.country == country)

            for mentions in [before] + [m for m, _ in reversed(self.context.sentences)]:
                for m in reversed(mentions):
                    if fits(m):
                        return mention_ref(m)
            named = [m for m in self.context.people if fits(m)]
            counts = Counter(m.actor for m in named)
            last = {m.actor: k for k, m in enumerate(named)}
            best = max(named, key=lambda m: (counts[m.actor], last[m.actor]), default=None)
            if best is not None:
                return mention_ref(best)
        return None

    def _years(self) -> tuple:
        """The years a title search tries: the brief's (an office whose dated span in the
        gazetteer's notes excludes it does not fit), then any (notes not brought up to
        date)."""
        return (self.context.year, None) if self.context.year else (None,)

    def _name_ref(self, conj: list[int], inner: list[Mention]) -> Ref | None:
        """A name the gazetteer lacks ("Staffan de Mistura", "Syrian Foreign Minister X"),
        or a state agency named through its state ("Russia's Foreign Ministry")."""
        toks = self.toks
        country = next((mm.country for mm in reversed(inner)), "")
        tail = " ".join(toks[k].norm for k in conj if k not in self.tok_mention
                        and is_cap(toks[k]) and toks[k].norm not in _ARTICLES)
        agency = _state_agencies().get((country, tail))
        if agency is None and not country and (toks[conj[0]].norm == "the" or len(conj) == 1):
            agency, country = self._agency_in_context(tail, named=True)
        if agency:
            return Ref(agency, country, "entity")
        body = self._body_name(conj, next((mm.country for mm in reversed(inner)
                                           if mm.actor_type not in _STATE_TYPES), ""))
        if body is not None:  # a body's own country, not the one its name mentions
            return body
        last_title = max((k for k in conj if toks[k].norm in _TITLE_WORDS
                          or toks[k].norm in _GROUP_NOUNS or toks[k].norm in _PLURAL_TITLES),
                         default=None)
        if len(conj) == 2 and toks[conj[0]].norm == "the" and toks[conj[1]].norm in \
                {"north", "south"}:
            return self._half_named(toks[conj[1]].text, toks[conj[0]].start)
        office = self._office(conj, last_title) or self._body_office(conj)
        if office is not None:
            return office
        name_toks = self._name_words(conj, last_title)
        while len(name_toks) > 1 and toks[name_toks[0]].norm in _ARTICLES:
            name_toks = name_toks[1:]  # "The World Health Organization" at a sentence's start
        if not name_toks or not is_cap(toks[name_toks[0]]):
            return None
        if name_toks[0] > 0 and toks[name_toks[0] - 1].norm in _THING_NOUNS:
            return None  # "the agency's program Odin seeks to ...": a thing's name, no holder
        if len(name_toks) == 1 and self._opens_sentence(name_toks[0]):
            if toks[name_toks[0]].norm.endswith(_ADJECTIVE_ENDINGS):
                return None  # "Potential questions for ...": an adjective, no name
            if toks[name_toks[0]].norm in _TEXT_HOLDERS:
                return Ref(toks[name_toks[0]].norm, "", "plural")  # "Reports indicate ..."
            if toks[name_toks[0]].norm in _UNHELD_NOUNS:
                return None  # "Plans call for ...": a view with no holder in the text
            common = self._plain_common_noun(name_toks[0])
            if common is not None:
                return common
        if len(name_toks) == 1 and last_title is not None and name_toks[0] > last_title + 2 \
                and toks[name_toks[0]].norm.endswith(_ABSTRACT_ENDINGS):
            # "Special Inspector General for Afghanistan Reconstruction": an office that ends
            # in a common noun, no name after it; the office as written (case 13)
            first = next(k for k in conj if toks[k].norm not in _ARTICLES)
            return Ref(self.text[toks[first].start:toks[name_toks[0]].end], "", "person")
        name = self.text[toks[name_toks[0]].start:toks[name_toks[-1]].end]
        full = self.context.full_names.get(name) if len(name_toks) == 1 else None
        if full is not None:
            return Ref(full, country, "person")  # "Uribe" after "Álvaro Uribe"
        known = self.context.surnames.get(name) if len(name_toks) == 1 else None
        if known is not None and last_title is None:
            return known  # "Austin" after "Lloyd Austin", "Wang" after "Wang Yi"
        person = last_title is not None or len(name_toks) >= 2
        return Ref(name, country, "person" if person else "entity")

    def _office(self, conj: list[int], last_title: int | None) -> Ref | None:
        """An office named by its title alone ("the Secretary", "the Secretary of
        Transportation", "the Chief of Staff of the Army"): the person the text named before
        with that title ("Secretary of Transportation Jane Roe"), else the office's own
        words. A title followed by a name teaches the office its holder; None then."""
        toks = self.toks
        if last_title is None:
            return None
        first = next(k for k in conj if toks[k].norm in _TITLE_WORDS or k == last_title)
        if not is_cap(toks[first]) or (first > conj[0] and toks[first - 1].norm != "the"):
            return None
        words = [k for k in conj if k >= first]
        if any(k in self.tok_mention for k in words) or not all(
                is_cap(toks[k]) or toks[k].norm in _OFFICE_LINKS for k in words):
            return None
        last_link = max((k for k in words if toks[k].norm in _OFFICE_LINKS), default=None)
        if last_link is None:
            tail = [k for k in words if k > last_title]  # "Secretary Jane Roe"
        else:
            run = [k for k in words if k > last_link]  # "... of Transportation Jane Roe"
            tail = run[-2:] if len(run) >= 3 else []
        title = " ".join(toks[k].norm for k in words if k not in tail)
        if tail:
            ref = Ref(self.text[toks[tail[0]].start:toks[tail[-1]].end], "", "person")
            self.context.offices.setdefault(title, ref)
            self.context.offices.setdefault(toks[first].norm, ref)
            return None
        known = self.context.office(title)
        if known is not None or last_link is None:
            return known
        end = words[-1]
        while end + 2 < len(toks) and toks[end + 1].norm == "of" and (
                toks[end + 2].norm == "the" or is_cap(toks[end + 2])):
            end += 2 if toks[end + 2].norm != "the" else 3  # "... of Staff of the Army"
            if end >= len(toks) or not is_cap(toks[end]):
                return None
        return Ref(self.text[toks[first].start:toks[end].end], "", "person")

    def _body_office(self, conj: list[int]) -> Ref | None:
        """An office named by its body and its title, with no person's name ("the NASA
        Administrator", "the NIH Director"): the office's own words, not the title alone."""
        toks = self.toks
        head = conj[-1]
        if len(conj) < 2 or head in self.tok_mention or not is_cap(toks[head]) or \
                toks[head].norm not in _OFFICE_NOUNS:
            return None
        m = self.tok_mention.get(head - 1)
        if m is None or m.actor_type in _PERSON_TYPES | _PLACE_TYPES | NON_HOLDER_TYPES or \
                not all(toks[k].norm in _ARTICLES or k in self.tok_mention for k in conj[:-1]):
            return None
        return Ref(self.text[m.start:toks[head].end], m.country, "person")

    def _body_name(self, conj: list[int], country: str) -> Ref | None:
        """A body's name the gazetteer lacks, whole: its capitalised words (and any actor
        named in it) ending in a body's head noun ("National Science Foundation") or going on
        after one with "of", "for" or "on" ("NASA Office of Inspector General"); no title."""
        toks = self.toks
        run = list(itertools.dropwhile(lambda k: toks[k].norm in _ARTICLES or not (
            is_cap(toks[k]) or k in self.tok_mention), conj))
        if not run or toks[run[-1]].norm in _BODY_JOINS or not any(
                toks[k].norm in _BODY_HEADS and is_cap(toks[k])
                and (k == run[-1] or self._body_goes_on(k)) for k in run):
            return None
        if not all(is_cap(toks[k]) or k in self.tok_mention or toks[k].norm in _BODY_JOINS
                   for k in run):
            return None
        return Ref(self.text[toks[run[0]].start:toks[run[-1]].end], country, "entity")

    def _group_before(self, pos: int) -> Ref | None:
        """"Others" set against a group just named ("Some analysts argue ..., while others
        argue ...", "Some Members advocate .... Others argue ..."): more of that group, the
        plural holder of the sentence's last claim before ``pos`` (not one inside an aside
        after "Others": "Others, including X who have long called for ..."), else the plain
        plural that opens the sentence after "Some" ("Some stakeholders commenting on the
        rule raised concerns ..., whereas others ..."), else the sentence before's group."""
        toks = self.toks
        here = [r for c, r in zip(self.claims, self.refs) if c.holder_start < pos]
        if not here and len(toks) > 2 and toks[0].norm in _BARE_QUANTIFIERS and \
                toks[1].start < pos and toks[1].text.islower() and self._plain_plural(1):
            return Ref(toks[1].norm, "", "plural")
        recent = [here] + ([self.context.sentences[-1][1]] if self.context.sentences else [])
        for refs_list in recent:
            for refs in reversed(refs_list):
                if len(refs) == 1 and refs[0].kind == "plural":
                    # "Some argue ...; others contend ...": no group named to be more of
                    return None if refs[0].actor in _BARE_QUANTIFIERS else refs[0]
            if refs_list:
                return None
        return None

    def _short_form(self, name_toks: list[int]) -> Ref | None:
        """The actor a short form defined earlier in the text stands for ("ISA", "the
        Army", "Some Members"; :meth:`Context.learn`), or None."""
        toks = self.toks
        while len(name_toks) > 1 and toks[name_toks[0]].norm in _PHRASE_DETERMINERS:
            name_toks = name_toks[1:]
        if not all(is_cap(toks[k]) for k in name_toks) or not self.context.names:
            return None
        name = self.text[toks[name_toks[0]].start:toks[name_toks[-1]].end]
        return self.context.names.get(name.removesuffix("'s"))

    def _opens_sentence(self, k: int) -> bool:
        """Whether token k is the sentence's first word (after any opening quote)."""
        return all(not _WORDISH.match(t.text) for t in self.toks[:k])

    def _plain_common_noun(self, k: int):
        """A plural noun for people capitalised only because it opens the sentence, as a
        plain group of its own word ("Residents fear ..." -> "residents"), or None ("Reyes",
        "Athens")."""
        word = self.toks[k].norm
        if not word.isalpha() or not word.endswith(_PEOPLE_NOUN_ENDINGS):
            return None  # "Athens", "Reyes": likely a name
        verb = self.toks[k + 1].norm if k + 1 < len(self.toks) else ""
        if verb.endswith("s") and not verb.endswith("ss") and (
                verb not in _AUX or verb in {"has", "is", "was", "does"}):
            return None  # "Reyes says", "Reyes has said": a singular verb, so a name
        return Ref(word, "", "plural")

    def _name_words(self, conj: list[int], last_title: int | None) -> list[int]:
        """The run of name words at the end of a phrase, after any title. After a title
        with a preposition ("Secretary of Transportation Sean Duffy") the run begins with
        the office, so its last two words are the name when it has three or more; a shorter
        run is the office or body itself ("the Secretary-General of the ISA")."""
        toks, out = self.toks, []
        for k in reversed(conj):
            if (last_title is not None and k <= last_title) or k in self.tok_mention \
                    or toks[k].norm in _MONTHS or not (is_cap(toks[k]) or
                                                       _is_name_particle(toks[k])):
                break
            out.insert(0, k)
        office = last_title is not None and last_title + 1 < len(toks) and \
            toks[last_title + 1].norm in {"to", "for", "of"}
        if office and out and out[0] - 1 in self.tok_mention and out[0] - 1 > last_title + 1:
            return out  # "High Commissioner for Human Rights Zeid Ra'ad al-Hussein": the
            # office ends in a name the gazetteer knows, and all the words after it are his
        return out[-2:] if office and len(out) >= 3 else out

    def _agency_in_context(self, tail: str, *, named: bool = False, before: int | None = None
                           ) -> tuple[str | None, str]:
        """"the Foreign Ministry": the agency or force of the state named last, if the
        gazetteer has it; with ``before`` (the phrase's start), a state named before it in
        its own sentence first ("In Beijing, the foreign ministry"). A capitalised bare
        name (``named``: "the Army", "Treasury") is first the body of the state the text
        names most (the first named of equals) among those with a body so called, as a text
        names its own state's bodies without an adjective, and last the one body of any
        state so called."""
        agencies = _state_agencies()
        if before is not None:
            for m in reversed(self.mentions):
                if m.end <= before and m.actor_type in _STATE_TYPES and \
                        (m.country, tail) in agencies:
                    return agencies[(m.country, tail)], m.country
        if tail.endswith("ministry") and self.context.sentences:
            # "Tehran answered within hours. The Foreign Ministry called ...": a ministry of
            # the state the sentence before named last, not of the state named most
            for m in reversed(self.context.sentences[-1][0]):
                if m.actor_type in _STATE_TYPES and (m.country, tail) in agencies:
                    return agencies[(m.country, tail)], m.country
        home = next((c for c, _ in self.context.states.most_common()
                     if (c, tail) in agencies), None) if named else None
        if home is not None:
            return agencies[(home, tail)], home
        groups = [self.mentions] + [m for m, _ in reversed(self.context.sentences)]
        for mentions in groups:
            for m in reversed(mentions):
                if m.actor_type in _STATE_TYPES and (m.country, tail) in agencies:
                    return agencies[(m.country, tail)], m.country
        return _agency_tails().get(tail, (None, "")) if named else (None, "")


    def _group_ref(self, conj: list[int], inner: list[Mention]) -> Ref:
        """A plural holder the gazetteer lacks as a whole ("Saudi leaders", "analysts in
        Riyadh", "Militia leaders"): the gazetteer's group for its country, else its body."""
        toks = self.toks
        head = next((toks[k].norm for k in reversed(conj) if toks[k].norm in _GROUP_NOUNS), "")
        plural = head.endswith(("s", "people", "men")) or head in {
            "leadership", "government", "administration"}  # "spokesmen" are plural
        kind = "plural" if plural else "person"
        owner = next((mm for mm in reversed(inner) if mm.actor_type not in _PERSON_TYPES), None)
        if head in _SPEAKERS_FOR_NONE and head.endswith("s") and self._persons_own(conj):
            return Ref(head, "", "plural")  # "Rouhani's critics", "his critics": critics
        aliased = self._possessive_alias(conj, owner)
        if aliased is not None:
            return aliased  # "Pakistan's military" is the gazetteer's "Pakistani military"
        possessor = next((toks[k].norm for k in conj if toks[k].norm in _POSSESSIVE_DEFINITE), None)
        if owner is None and possessor is not None:
            got = self._resolve_pronoun(_POSSESSIVE_DEFINITE[possessor], toks[conj[0]].start)
            if len(got) == 1 and kind == "person" and got[0].actor == got[0].country:
                return self._office_holder(conj, got[0].country)  # "its envoy"
            if len(got) == 1 and plural and head in _VAGUE_HEADS and \
                    got[0].actor == got[0].country:
                return self._partners_of(conj, got[0].country)  # "its partners"
            if len(got) == 1 and got[0].kind == "person" and got[0].country and \
                    head not in _SPEAKERS_FOR_NONE | _VAGUE_HEADS:
                if plural:  # "his own ministers": the officials of the state he leads
                    return Ref(country_groups().get(got[0].country) or got[0].country,
                               got[0].country, "plural")
                # "her spokesman": the person's office, named by the person (case 13)
                words = [k for k in conj if toks[k].norm not in _POSSESSIVE_DEFINITE
                         and toks[k].norm != "own"]
                if words:
                    office = self.text[toks[words[0]].start:toks[words[-1]].end]
                    return Ref(f"{got[0].actor}'s {office}", got[0].country, "person")
            if len(got) == 1:
                group = country_groups().get(got[0].country) if got[0].actor == \
                    got[0].country and plural and head not in _SPEAKERS_FOR_NONE else None
                return Ref(group or got[0].actor, got[0].country, kind)  # "its leaders"
        leader = next((mm for mm in inner if mm.actor_type in _PERSON_TYPES and mm.country), None)
        if owner is None and leader is not None and plural and head in _official_heads():
            return Ref(country_groups().get(leader.country) or leader.country, leader.country,
                       "plural")  # "Putin's officials" are Russian officials
        if owner is None and leader is not None and head in _GOVERNMENTS:
            # "President Hadi's government", "the Trump Administration": the state (real
            # texts' conventions: the Administration is the United States)
            return Ref(leader.country, leader.country, "entity")
        if owner is None:
            return self._unowned_group(conj, head, kind)
        if head in _SPEAKERS_FOR_NONE:
            return self._speakers_for_none(conj, owner, head, kind)
        if head in _PLAIN_GROUPS and owner.actor_type in _STATE_TYPES:
            return Ref(self._own_words(conj, owner), owner.country, kind)  # "Dutch investigators"
        if head in {"media", "press"}:
            return Ref(_phrase(self.text, toks, conj), owner.country, "plural")
        if kind == "person" and owner.actor_type in _PLACE_TYPES and owner.country and \
                toks[conj[0]].norm.endswith("'s") and len(conj) > 1:
            return self._office_holder(conj, owner.country)  # "China's ambassador in Seoul"
        return _owned_group(owner, head, kind, plural, _phrase(self.text, toks, conj))

    def _persons_own(self, conj: list[int]) -> bool:
        """Whether a phrase opens with a person's possessive ("his", "her", "Rouhani's"):
        people who speak for no one ("his critics") then keep their plain name, as they
        speak for no state either."""
        first = self.toks[conj[0]]
        if first.norm in {"his", "her"}:
            return True
        m = self.tok_mention.get(conj[0])
        return m is not None and m.actor_type in _PERSON_TYPES and len(conj) > 1 and \
            self.toks[conj[1]].norm in {"'s", "’s"} or m is not None and \
            m.actor_type in _PERSON_TYPES and first.norm.endswith(("'s", "’s"))

    def _partners_of(self, conj: list[int], country: str) -> Ref:
        """A state's allies or partners ("its partners" of the United States): other
        states, named by the state's adjective and the phrase's words ("U.S. partners")."""
        toks = self.toks
        words = [k for k in conj[1:] if toks[k].norm not in _ARTICLES]
        adjective = (country_groups().get(country) or "").removesuffix(" officials")
        if not adjective or not words:
            return Ref(_phrase(self.text, toks, conj), "", "plural")
        return Ref(f"{adjective} {self.text[toks[words[0]].start:toks[words[-1]].end]}", "",
                   "plural")

    def _office_holder(self, conj: list[int], country: str) -> Ref:
        """One office of a state ("China's ambassador in Seoul", "its envoy"): the person
        of that state named so far whose gazetteer entry holds the office, else the office
        as written without its article ("China's ambassador in Seoul"; a possessive pronoun
        resolved: "its envoy" of Turkey is "Turkey's envoy"), as the scheme names an office
        with no person named for it (data/annotations/README.md, settled case 13). What is
        not an office ("its military") keeps the state's adjective ("Turkish military")."""
        toks = self.toks
        words = [k for k in conj[1:] if toks[k].norm not in _ARTICLES]
        pp = next((n for n, k in enumerate(words) if toks[k].norm in {"in", "at", "to"}),
                  len(words))
        title = " ".join(toks[k].norm for k in words[:pp])
        before = [m for m in self.mentions if m.end <= toks[conj[0]].start]
        for year in self._years():
            for mentions in [before] + [m for m, _ in reversed(self.context.sentences)] + \
                    [self.context.people]:
                for m in reversed(mentions):
                    if m.actor_type in _PERSON_TYPES and m.country == country and \
                            _has_title(m.actor, title, year):
                        return mention_ref(m)
        adjective = (country_groups().get(country) or "").removesuffix(" officials")
        rest = self.text[toks[words[0]].start:toks[words[-1]].end] if words else ""
        name = f"{adjective} {rest}" if adjective and rest else _phrase(self.text, toks, conj)
        head = toks[words[pp - 1]].norm if pp else ""
        person = head in _TITLE_WORDS or _DEFINITE.get(head) in {"he", "she"}
        whole = [k for k in range(conj[0] + 1, conj[-1] + 1) if toks[k].norm not in _ARTICLES]
        at = next((n for n, k in enumerate(whole) if toks[k].norm in {"in", "at", "to"}),
                  len(whole))  # "ambassador in Seoul": its office before the place
        if at and toks[whole[at - 1]].norm in _TITLE_WORDS - _TITLE_MODIFIERS and rest:
            first = toks[conj[0]]
            name = (f"{country}'s {rest}" if first.norm in _POSSESSIVE_DEFINITE
                    else self.text[first.start:toks[words[-1]].end])
        return Ref(name, country, "person" if person else "entity")  # "its military": it


    def _speakers_for_none(self, conj: list[int], owner: Mention, head: str, kind: str) -> Ref:
        """A group that speaks for no state: named by its own words where a state's or
        region's adjective qualifies it ("Chinese commentators"), members of a body with
        that body's country ("critics in Congress"), else the gazetteer's generic group
        ("analysts in Seoul" are "analysts")."""
        if owner.actor_type in {"state_agency", "body"} and owner.country:
            return Ref(self._own_words(conj, owner), owner.country, kind)
        if owner.text in _demonyms().get(owner.country, ()):
            return Ref(self._own_words(conj, owner), "", kind)
        generic = _generic_groups().get(head)  # "analysts in Seoul" are the gazetteer's
        return Ref(generic or self._plain_name(conj), "", kind)  # else as written

    def _own_words(self, conj: list[int], owner: Mention) -> str:
        """A group's own words, its owner's possessive made an adjective ("Egypt's own
        investigators" -> "Egyptian investigators")."""
        toks = self.toks
        keep = [k for k in conj if toks[k].norm not in _PHRASE_DETERMINERS
                and toks[k].norm != "own"] or conj
        first = toks[keep[0]]
        if first.norm.endswith("'s") and first.start <= owner.start < first.end:
            adjective = (country_groups().get(owner.country) or "").removesuffix(" officials")
            if adjective and len(keep) > 1:
                return f"{adjective} {self.text[toks[keep[1]].start:toks[keep[-1]].end]}"
        return self.text[first.start:toks[keep[-1]].end]

    def _possessive_alias(self, conj: list[int], owner: Mention | None) -> Ref | None:
        """"Pakistan's military": the actor the gazetteer names "Pakistani military", the
        state's adjective and the words after its possessive."""
        toks = self.toks
        if owner is None or owner.actor_type not in _STATE_TYPES or len(conj) < 2:
            return None
        first = toks[conj[0]]
        if not first.norm.endswith("'s") or not first.start <= owner.start < first.end:
            return None
        rest = " ".join(toks[k].norm for k in conj[1:])
        for adjective in sorted(_demonyms().get(owner.country, ())):
            m = _aliases().get(f"{adjective.lower()} {rest}")
            if m is not None:
                return Ref(m[0], m[1], "entity")
        return None

    def _unowned_group(self, conj: list[int], head: str, kind: str) -> Ref:
        """A group named with no actor: an agency of the state in context ("Foreign
        Ministry spokespeople"), the gazetteer's generic group ("analysts"), or its words."""
        toks = self.toks
        executive = self._executive_officials(conj)
        if executive is not None:
            return executive
        if head == "allies" and all(toks[k].norm in _ARTICLES for k in conj[:-1]) and \
                self.context.states.get("NATO"):
            return Ref("NATO", "NATO", "plural")  # "Allies expressed solidarity": NATO's
        tail = " ".join(toks[k].norm for k in conj if is_cap(toks[k])
                        and toks[k].norm not in _ARTICLES)
        named = is_cap(toks[conj[-1]]) and not self._opens_sentence(conj[-1])  # "the Army"
        agency, country = self._agency_in_context(tail, named=named) if tail else \
            (None, "")
        if agency:  # its spokespeople are "they", the ministry itself "it"
            return Ref(agency, country, "plural" if kind == "plural" else "entity")
        if head in _SPEAKERS_FOR_NONE or head in _PLAIN_GROUPS:
            return Ref(self._plain_name(conj), "", kind)  # "Gulf analysts", "economists"
        local = self._officials_in_sentence(conj, head)
        if local is not None:
            return local
        generic = _generic_groups().get(head)
        if generic and all(toks[k].norm in _VAGUE_QUALIFIERS for k in conj[:-1]):
            return Ref(generic, "", kind)  # "officials", "some senior officials"
        return Ref(self._plain_name(conj), "", kind)  # "coalition officials", as written

    def _executive_officials(self, conj: list[int]) -> Ref | None:
        """"Administration officials", "senior administration officials": officials of the
        United States, as "the Administration" is (real texts' conventions); else None."""
        toks = self.toks
        if toks[conj[-1]].norm in _official_heads() and any(
                toks[k].norm == "administration" for k in conj[:-1]):
            return Ref(country_groups().get("United States", "U.S. officials"),
                       "United States", "plural")
        return None

    def _plain_name(self, conj: list[int]) -> str:
        """A group's own words as its plain name, a common word that opens the sentence in
        lower case ("Militia leaders argue" -> "militia leaders")."""
        name = _phrase(self.text, self.toks, conj)
        first = next((k for k in conj if self.toks[k].norm not in _PHRASE_DETERMINERS),
                     conj[0])
        tok = self.toks[first]
        if self._opens_sentence(first) and tok.norm not in _TITLE_WORDS and (
                tok.norm in _GROUP_NOUNS or tok.norm in _NP_MODIFIERS):
            return name[:1].lower() + name[1:]
        return name

    def _officials_in_sentence(self, conj: list[int], head: str) -> Ref | None:
        """Bare "officials" or "military commanders" are those of the state the sentence
        named last before them ("In Iraq, military commanders declared ...")."""
        toks = self.toks
        if (head not in _official_heads() and head + "s" not in _official_heads()) or any(
                toks[k].norm not in _BARE_OFFICIAL_WORDS for k in conj[:-1]):
            return None  # "an unnamed official" is one of them
        first = conj[0]
        while first > 0 and toks[first - 1].norm in _BARE_OFFICIAL_WORDS:
            first -= 1
        before = toks[first - 1] if first > 0 else None
        if before is not None and _WORDISH.match(before.text) and before.norm not in \
                _PREPOSITIONS_BEFORE | _COORDINATORS | _NP_STOPS | _ARTICLES:
            return None  # "coalition officials": a word the phrase did not take in
        start = toks[conj[0]].start
        held = [r.country for c, refs in zip(self.claims, self.refs) if c.cue_start < start
                for r in refs if r.country and r.kind not in ("author", "speaker")]
        if len(set(held)) == 1:  # "DOD describes ... as deterring Russia, and officials
            group = country_groups().get(held[0])  # say": the holder's, not Russia's
            return Ref(group or held[0], held[0], "plural")
        for m in reversed([m for m in self.mentions if m.end <= start]):
            if m.country and (m.actor_type in _STATE_TYPES or m.actor_type in _PERSON_TYPES
                              or m.actor_type in {"state_force", "state_agency"}):
                group = country_groups().get(m.country)
                return Ref(group or m.country, m.country, "plural")
        if not held and self.context.sentences and not any(
                m.end <= start for m in self.mentions):
            # bare "officials": the nearest sentence before whose views have holders ("State
            # Department officials announced ... . That determination triggers ... .
            # Officials noted"); other heads ("military commanders"): the sentence before
            back = self.context.sentences if toks[conj[-1]].norm == "officials" else \
                self.context.sentences[-1:]
            before = next((found for found in (
                {r.country for refs in claim_refs for r in refs
                 if r.country and r.kind not in ("author", "speaker")}
                for _, claim_refs in reversed(back)) if found), set())
            if len(before) == 1:  # "Maduro insists ... . Officials have also asked": his
                country = before.pop()
                return Ref(country_groups().get(country) or country, country, "plural")
        return None

    def _resolve_pronoun(self, word: str, pos: int, *, sexed: bool = True) -> list[Ref]:
        """What a pronoun (or "Both", "the two sides") at ``pos`` stands for, or []: the
        nearest fitting holder or actor in this sentence, then in the ones before; "he" and
        "she" only a person of their sex or of none known (``sexed`` False: either, for a
        title that stands for a person, "the chancellor")."""
        kind = "pair" if _PAIR_PHRASES.match(word) else _PRONOUNS.get(word, "entity")
        sex = _PRONOUN_SEX.get(word, "") if sexed else ""
        if kind == "author":
            return [Ref(AUTHOR, AUTHOR, "author")]
        if kind == "speaker":
            return [Ref("speaker", "", "speaker")]
        if word == "it" and self._document_before(pos):
            return list(self.context.names["#document"])
        before = [m for m in self.with_titled(self.mentions) if m.end <= pos]
        if self._opened_by_possessive(word, pos):
            before = []  # "Its stance toward the U.S. is mixed: it welcomes ...": as "Its"
        # a claim inside a relative clause that ended before the pronoun is not what it
        # takes up ("the truce that Moscow and Ankara announced, and they affirmed ...")
        refs = [r for c, r in zip(self.claims, self.refs)
                if id(c) not in self.relative_claims or c.content_end > pos or
                self._relative_goes_on(c.cue_end, pos)]
        states = word.split()[-1] in _STATE_PAIR_HEADS  # "the two capitals": no persons
        if states and kind == "pair":
            return self._state_pair(before, refs, pos)

        def fits(found: list[Ref]) -> list[Ref]:
            return [] if states and any(r.kind == "person" for r in found) else found

        got = fits(_fit(refs[-1], kind, sex)) if refs else []
        if not got and word == "they" and refs:
            got = self._plural_holder_before(pos)  # "The Taliban portray ... what they call"
        if not got and kind in ("person", "entity", "plural") and word in _PRONOUNS:
            got = self._unlisted_before(kind, pos, before)
        # a pronoun takes up a subject or object of its own, not an adjective ("an expanding
        # Russian presence") or the object of a preposition ("its ties with Russia")
        heads = [m for m in before if not self._modifier_or_pp(m) and not self._in_pp_list(m)]
        if states:
            heads = [m for m in heads if m.actor_type not in _PERSON_TYPES]
        got = got or fits(_fit_mentions(self._in_clause(heads, pos)[::-1], kind, sex))
        if not got and not refs and kind in ("plural", "pair"):
            got = self._opening_list(heads)  # "Russia, Turkey and Iran agreed ..., and they"
        got = got or fits(_fit_in(heads, refs, kind, sex))
        # "At a summit in Abuja, its leaders ...": a place of the opening phrase is no
        # antecedent before the sentences before have been read
        opening = self._in_opening_phrase(before, pos)
        got = got or ([] if opening else fits(_fit_in(before, refs, kind, sex)))
        named = self.context.named[-len(self.context.sentences):] \
            if self.context.sentences else []
        named = [[]] * (len(self.context.sentences) - len(named)) + named
        for (mentions, claim_refs), heads, people in zip(reversed(self.context.sentences),
                                                         reversed(self.context.heads),
                                                         reversed(named)):
            if got:
                break
            if states:
                mentions = [m for m in mentions if m.actor_type not in _PERSON_TYPES]
                heads = [m for m in heads if m.actor_type not in _PERSON_TYPES]
            got = fits(_fit_in(heads, claim_refs, kind, sex)) or (
                # "Neither wants ...": two actors named as subjects or objects, not a pair
                # of modifiers or objects of prepositions ("talks on North Korea's ...")
                [] if kind == "pair" else fits(_fit_in(mentions, claim_refs, kind, sex)))
            if not got and kind == "person" and people and not any(
                    m.actor_type in _PERSON_TYPES for m in mentions):
                got = [Ref(people[0], "", "person")]  # "Álvaro Uribe, ..., led it. He ..."
        if not got and opening:
            got = fits(_fit_in(before, refs, kind, sex))
        return got


    def _plural_holder_before(self, pos: int) -> list[Ref]:
        """The one actor holding the last view of this sentence before ``pos``, when its
        phrase is written as a plural ("Many South Koreans resented what they saw as ...")
        or takes a plural verb ("The Taliban portray ... what they call ..."), so "they"
        takes it up though it is one actor; else []."""
        claims = [(c, r) for c, r in zip(self.claims, self.refs)
                  if c.cue_end <= pos and c.holder_start >= 0]
        if not claims:
            return []
        claim, refs = claims[-1]
        if len(refs) != 1 or refs[0].kind in ("person", "author", "speaker"):
            return []
        last = self.text[claim.holder_start:claim.holder_end].split()[-1:] or [""]
        word = last[0].lower()
        plural = word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
        verb = self.text[claim.cue_start:claim.cue_end].lower()
        agrees = not self.text[claim.holder_end:claim.cue_start].strip() and \
            VERB_CUES.get(verb, ("",))[0] == verb and not verb.endswith("s")
        return list(refs) if plural or agrees else []

    def _document_before(self, pos: int) -> bool:
        """Whether "It" at ``pos`` opens a sentence that follows one whose subject is a
        document ("The strategy identifies ... . It argues that ..."): the pronoun takes up
        that document, which speaks for its issuer."""
        if pos != 0:
            return False  # the context (the sentences before, parsed) is left unread
        documents = self.context.documents
        return len(documents) >= 2 and documents[-2] and "#document" in self.context.names

    def _unlisted_before(self, kind: str, pos: int, before: list[Mention]) -> list[Ref]:
        """An antecedent in this sentence that is no actor of the gazetteer, nearer than any
        that is: for "he" or "she", a person named in full ("Speaker Paul Ryan called ...
        what he described"); for "it", a definite description of a government ("the
        administration approved what it called"). [] when there is none."""
        if kind == "person":
            if any(m.actor_type in _PERSON_TYPES for m in before):
                return []
            names = [name for name, _, end in self.context.learned if end <= pos]
            return [Ref(names[-1], "", "person")] if names else []
        if kind in ("plural", "entity"):  # "Russian commentators contrast ... what they see"
            got = self._plural_opening(pos, before, kind)
            if got or kind == "plural":
                return got
        last = max((m.end for m in before if m.actor_type not in _PERSON_TYPES), default=-1)
        for k in range(len(self.toks) - 1, 0, -1):
            t = self.toks[k]
            if t.end > pos or t.start < last:
                continue
            if t.norm in _GOVERNMENTS and self.toks[k - 1].norm == "the" and \
                    not t.text[:1].isupper():
                ref = self._definite_ref(k)
                return [ref] if ref is not None else []
        return []

    def _plural_opening(self, pos: int, before: list[Mention], kind: str = "plural"
                        ) -> list[Ref]:
        """The phrase that opens the sentence, a group or body the gazetteer lacks as a
        whole ("Russian commentators", "The Burmese military"), when no actor that "they"
        (or "it") may stand for comes between it and ``pos``; else []."""
        toks = self.toks
        if not toks or toks[0].norm in _PRONOUNS or toks[0].norm in _POSSESSIVE_DEFINITE:
            return []  # "Its stance ...: it welcomes": the possessive's own antecedent
        np = self._noun_phrase(self._np_end(0))
        if np is None or np[0] != 0 or toks[np[1]].end > pos:
            return []
        refs = self._resolve_np(*np)
        if kind == "plural" and len(refs) >= 2 and toks[np[1]].norm in _JOINT_HEADS and \
                toks[0].norm in _JOINT_OPENERS:
            # "The two governments replaced ..., and Ross said they had agreed": the actors
            # the opening group stands for, when no plural comes between
            between = [m for m in before if m.start > toks[np[1]].end]
            return [] if _fit_mentions(between, kind) else refs
        if len(refs) != 1 or refs[0].kind != kind or (kind == "plural" and refs[0].country) \
                or refs[0].actor == refs[0].country or any(
                m.start < toks[np[1]].end for m in before
                if m.actor_type in _GROUP_TYPES | _PERSON_TYPES):
            return []
        between = [m for m in before if m.start > toks[np[1]].end]
        return [] if _fit_mentions(between, kind) else refs

    def _state_pair(self, before: list[Mention], refs: list, pos: int) -> list[Ref]:
        """What "the two governments", "the two capitals" or "the two allies" stand for: two
        states, the nearest pair of different states named as a subject or object (or by
        a capital, a state organ, a claim's holder) in this sentence or the three before;
        failing that, the two states the text names most ("the two governments agreed"
        in a text on a state visit). Never two organs of one state, a person or a group."""

        def pair(found) -> list[Ref]:
            countries = list(dict.fromkeys(c for c in found if c))
            return [Ref(c, c, "entity") for c in countries[:2]] if len(countries) >= 2 \
                else []

        def states(mentions) -> list[str]:
            return [m.country for m in mentions if m.country and (
                m.actor_type in _PLACE_TYPES or m.actor_type in _STATE_ORGANS)]

        def from_refs(claim_refs) -> list[Ref]:
            for found in reversed(claim_refs):
                if len(found) >= 2 and all(r.kind == "entity" and r.country for r in found):
                    got = pair(r.country for r in found)
                    if got:
                        return got
            return []

        def held(claim_refs) -> list[str]:  # the one state a sentence's holders speak for
            found = {r.country for rs in claim_refs for r in rs
                     if r.country and r.kind not in ("author", "speaker")}
            return list(found) if len(found) == 1 else []

        heads = [m for m in before if not self._modifier_or_pp(m)]
        got = from_refs(refs) or self._between_pair(before) or \
            self._conjoined_pair(heads) or pair(states(heads)[::-1])
        holders: list[str] = []  # "The Russian ministry said ... . China's ministry said
        nearest = ""  # ... . Both capitals see ...": the states of two sentences' holders
        for (_, claim_refs), heads in zip(reversed(self.context.sentences),
                                          reversed(self.context.heads)):
            if got:
                return got
            holders += held(claim_refs)
            got = from_refs(claim_refs) or (pair(holders) if len(holders) == 2 else []) or \
                pair(states(heads))
            nearest = nearest or next(iter(states(heads)), "")
        if got:
            return got
        named = [c for c, _ in self.context.states.most_common(2)]
        if nearest and nearest not in named and named:
            # "Beijing was generous. The two governments announced ...": the one state of
            # the sentences before and the state the text names most, not the two most named
            return pair([nearest, named[0]])
        return pair(named)

    def _between_pair(self, before: list[Mention]) -> list[Ref]:
        """The states of the two actors of "between A and B" among these mentions (leaders
        speak for their states: "the rift between Obama and Netanyahu ... both
        governments"), or []."""
        for m1, m2 in itertools.pairwise(before):
            k = self.token_at(m1.start)
            if k is None or k == 0 or self.toks[k - 1].norm != "between" or \
                    self.text[m1.end:m2.start].strip() != "and":
                continue
            if m1.country and m2.country and m1.country != m2.country and all(
                    m.actor_type in _PLACE_TYPES | _STATE_ORGANS | _PERSON_TYPES
                    for m in (m1, m2)):
                return [Ref(m1.country, m1.country, "entity"),
                        Ref(m2.country, m2.country, "entity")]
        return []

    def _conjoined_pair(self, heads: list[Mention]) -> list[Ref]:
        """The states of the last two leaders (or state organs) named together as a subject
        or object, "A and B" with nothing else between, of two states ("Biden and Macron
        spoke by telephone, after which the two governments said ..."), or []."""
        for m1, m2 in reversed(list(itertools.pairwise(heads))):
            if self.text[m1.end:m2.start].strip() != "and":
                continue
            if m1.country and m2.country and m1.country != m2.country and all(
                    m.actor_type in _PERSON_TYPES | _STATE_ORGANS for m in (m1, m2)):
                return [Ref(m1.country, m1.country, "entity"),
                        Ref(m2.country, m2.country, "entity")]
        return []

    def _joint_group(self, a: int, b: int) -> list[Ref]:
        """What a definite plural phrase of actors named together stands for ("The
        ministers", "the three governments", "The same governments", "Both parties"): the
        nearest holders of one claim or list of actors, two or more (as many as a count
        says), in this sentence before the phrase or the three before; persons are taken
        as their states, except by "leaders". Failing that, for a pair or no count, the
        two states the text names most. [] when the phrase is not of that form."""
        toks = self.toks
        words = [t.norm for t in toks[a:b + 1]]
        if len(words) < 2 or words[0] not in _JOINT_OPENERS or \
                words[-1] not in _JOINT_HEADS or len(words) > 3:
            return []
        count = 2 if words[0] == "both" else None
        if len(words) == 3:
            if words[1] != "same" and _count_of(words[1]) is None:
                return []
            count = _count_of(words[1]) or count
        persons = words[-1] == "leaders"

        def group(refs) -> list[Ref]:
            out: list[Ref] = []
            for r in refs:
                if not persons and r.kind == "person" and r.country:
                    r = Ref(r.country, r.country, "entity")
                if r.kind in ("author", "speaker") or r in out:
                    continue
                out.append(r)
            if persons and not all(r.kind == "person" for r in out):
                return []
            return out if len(out) >= 2 and count in (None, len(out)) else []

        pos = toks[a].start
        lists = self.context.lists
        here = [run for run in (lists[-1] if lists else []) if run[-1].end <= pos]
        sentences = [(self.refs, here)]
        for (_, claim_refs), runs in zip(reversed(self.context.sentences),
                                         reversed(lists[:-1])):
            sentences.append((claim_refs, runs))
        for claim_refs, runs in sentences:
            for refs in reversed(claim_refs):
                got = group(refs)
                if got:
                    return got
            for run in reversed(runs):
                got = group(mention_ref(m) for m in run)
                if got:
                    return got
        if persons:
            return []
        # "the three governments" with no three named near: the three states the text names
        # most, as a pair falls back on the two
        want = count or 2
        named = [c for c, _ in self.context.states.most_common(want)]
        return [Ref(c, c, "entity") for c in named] if len(named) == want else []

    def token_at(self, pos: int) -> int | None:
        """Index of the token that covers character ``pos``, or None."""
        starts = self.__dict__.get("_starts")
        if starts is None:
            starts = self.__dict__["_starts"] = [t.start for t in self.toks]
        k = bisect.bisect_right(starts, pos) - 1
        return k if k >= 0 and pos < self.toks[k].end else None

    def adjective_form(self, m: Mention) -> bool:
        """Whether a mention is written as an adjective of its actor: a people's adjective
        ("Turkish", "Saudi") or a dotted initialism ("U.S."), not a name used as a noun
        ("Baghdad", "Washington", "NATO")."""
        return _adjective_text(self.text, m)

    def _modifier_or_pp(self, m: Mention) -> bool:
        """Whether a mention is only an actor's adjective before a noun ("Russian presence")
        or stands after a preposition ("with Russia", "in the United States")."""
        toks = self.toks
        k = self.token_at(m.start)
        if k is None:
            return False
        if self.adjective_form(m) and k + 1 < len(toks) and toks[k + 1].start >= m.end and \
                toks[k + 1].text.islower():
            return True
        p = k - 1
        while p >= 0 and toks[p].norm in _ARTICLES:
            p -= 1
        return p >= 0 and toks[p].norm in _PREPOSITIONS_BEFORE

    def _relative_goes_on(self, end: int, pos: int) -> bool:
        """Whether the relative clause whose cue ends at ``end`` goes on to ``pos``, no
        comma, semicolon, dash or coordinator between ("a remark that some Members
        criticized because they see ...": "they" is in that clause, and takes its holder)."""
        between = [t for t in self.toks if end <= t.start and t.end <= pos]
        return not any(t.text in {",", ";", ":", "—", "–", "(", ")"} or
                       t.norm in _COORDINATORS for t in between)

    def _in_opening_phrase(self, before: list[Mention], pos: int) -> bool:
        """Whether the sentence opens with a prepositional phrase closed by a comma, the
        pronoun at ``pos`` opens the main clause after it as its subject or the subject's
        possessive ("At an emergency summit in Abuja on July 30, its leaders ..."), and every
        actor named before ``pos`` stands inside that phrase: none is the main clause's own,
        and the subject takes up the sentences before ("For Beijing, the pact confirms a
        narrative it has promoted": not so, "it" is no subject of the main clause)."""
        toks = self.toks
        if not before or not toks or toks[0].norm not in _PREPOSITIONS_BEFORE:
            return False
        comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        return comma is not None and comma + 1 < len(toks) and \
            toks[comma + 1].start == pos and all(m.end <= toks[comma].start for m in before)

    def _in_pp_list(self, m: Mention) -> bool:
        """Whether a mention is a later member of a list of actors whose first member is
        the object of a preposition ("companies in the Central African Republic, the United
        Arab Emirates and Russia"): all of the list stands after the preposition."""
        lists = self.context.lists[-1] if self.context.lists else []
        for run in lists:
            if any(r.start == m.start and r.end == m.end for r in run[1:]):
                return self._modifier_or_pp(run[0])
        return False

    def _opening_list(self, mentions: Sequence[Mention]) -> list[Ref]:
        """The actors of a list that opens the mentions ("Russia, Turkey and Iran"): two or
        more different actors, all persons or none, joined only by commas and "and"."""
        run = mentions[:1]
        for m in mentions[1:]:
            between = self.text[run[-1].end:m.start]
            if not between.strip() or between.replace(",", " ").split() not in ([], ["and"]):
                break
            run.append(m)
        refs = [mention_ref(m) for m in run]
        if len(refs) < 2 or len({r.actor for r in refs}) < len(refs) or \
                len({r.kind == "person" for r in refs}) > 1:
            return []
        return refs

    def _opened_by_possessive(self, word: str, pos: int) -> bool:
        """Whether the sentence opens with the possessive of this pronoun ("Its", "Their")
        before it: both then point back past the sentence's own actors."""
        first = self.toks[0] if self.toks else None
        return first is not None and first.start < pos and \
            _POSSESSIVE_DEFINITE.get(first.norm) == word and word in {"it", "they"}


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
def _aliases() -> dict:
    """Lower-case alias -> (actor, country) for the gazetteer's agencies, forces and bodies."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    rows = g[g["actor_type"].isin(["state_agency", "state_force", "body"])]
    out: dict = {}
    for actor, country, aliases in zip(rows["actor"], rows["country"], rows["aliases"]):
        for alias in str(aliases).split("|"):
            out.setdefault(alias.strip().lower(), (actor, country or ""))
    return out


@functools.lru_cache(maxsize=1)
def _official_heads() -> frozenset:
    """The head nouns of the gazetteer's groups of a state's officials ("officials",
    "diplomats", "commanders", ...)."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    groups = g[(g["actor_type"] == "group_holder") & (g["country"] != "")]
    return frozenset(alias.split()[-1].lower() for aliases in groups["aliases"]
                     for alias in str(aliases).split("|") if alias.strip())


@functools.lru_cache(maxsize=1)
def _foreign_ministries() -> dict:
    """State -> its foreign ministry's Ref, for the states the gazetteer lists one of."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    rows = g[(g["actor_type"] == "state_agency") & g["actor"].str.endswith("Foreign Ministry")]
    return {c: Ref(a, c, "entity") for a, c in zip(rows["actor"], rows["country"]) if c}


def _has_title(actor: str, title: str, year: int | None = None) -> bool:
    """Whether the gazetteer's aliases or notes give ``actor`` the title as whole words, not
    inside another word or a lesser office ("president": not "Special Presidential Envoy",
    not "Vice President"). With ``year``, not when the notes date every holding of that
    office and none covers the year ("Crown Prince (2012-2015)" in 2018)."""
    if not title:
        return False
    pattern = rf"(?<![\w-])(?<!vice )(?<!deputy )(?<!former ){re.escape(title)}(?![\w-])"
    if re.search(pattern, _person_titles().get(actor, "")) is None:
        return False
    if year is None:
        return True
    spans = [sp for part in re.split(pattern, _person_notes().get(actor, ""))[1:]
             if (sp := _SPAN.search(part))]  # the dated span after each holding of it
    return not spans or any(int(a) <= year <= int(b or 9999) for sp in spans
                            for a, b in re.findall(r"(\d{4})-(\d{4})?", sp[0]))


# The first dated span after an office in a note, before its next clause: "(2012-2015)",
# "(2017-2021, 2025-)".
_SPAN = re.compile(r"^[^;()]*?\(\d{4}-[\d, -]*\)")


@functools.lru_cache(maxsize=1)
def _states() -> frozenset:
    """The countries of the gazetteer's states and territories: what a government governs."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    return frozenset(c for c in g.loc[g["actor_type"].isin(_GOVERNED_TYPES), "country"] if c)


@functools.lru_cache(maxsize=1)
def _person_notes() -> dict:
    """Person -> the lower-case text of their gazetteer notes (offices with dated spans)."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    people = g[g["actor_type"].isin(_PERSON_TYPES)]
    return {actor: str(notes).lower() for actor, notes in
            zip(people["actor"], people["notes"].fillna(""))}


@functools.lru_cache(maxsize=1)
def _person_titles() -> dict:
    """Person -> the lower-case text of their aliases and notes, where titles are found."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    people = g[g["actor_type"].isin(_PERSON_TYPES)]
    return {actor: f"{aliases} {notes}".lower() for actor, aliases, notes in
            zip(people["actor"], people["aliases"].fillna(""), people["notes"].fillna(""))}


@functools.lru_cache(maxsize=1)
def _state_agencies() -> dict:
    """(country, name without the country's name or adjective) -> a state agency or force
    of the gazetteer ("U.S. Army" and "United States Army": "army")."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    states = g[g["actor_type"] == "state"]
    names = {c: [a.strip() + " " for a in str(aliases).split("|") if a.strip()]
             for c, aliases in zip(states["country"], states["aliases"])}
    out = {}
    agencies = g[g["actor_type"].isin(["state_agency", "state_force"])]
    for actor, country, aliases in zip(agencies["actor"], agencies["country"],
                                       agencies["aliases"]):
        words = actor.split()
        if len(words) >= 2 and country:
            out.setdefault((country, " ".join(words[1:]).lower()), actor)
        for alias in str(aliases).split("|"):
            lead = next((n for n in names.get(country, ()) if alias.startswith(n)), None)
            if lead is not None and alias[len(lead):len(lead) + 1].isupper():
                out.setdefault((country, alias[len(lead):].strip().lower()), actor)
    for actor, country, aliases in zip(agencies["actor"], agencies["country"],
                                       agencies["aliases"]):
        if country and "House of Representatives" in str(aliases).split("|"):
            out[(country, "house")] = actor  # "the House": the chamber, not "White House"
    return out


@functools.lru_cache(maxsize=1)
def _agency_tails() -> dict:
    """Name without the state's name -> the state agency or force, for the names only one
    state's body bears ("Marine Corps", "Treasury"; not "Army")."""
    by_tail: dict = {}
    for (country, tail), actor in _state_agencies().items():
        by_tail.setdefault(tail, set()).add((actor, country))
    return {tail: next(iter(found)) for tail, found in by_tail.items() if len(found) == 1}


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict:
    """Country -> the adjectives its group of officials is named with ("Saudi", "Emirati")."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    groups = g[g["actor_type"] == "group_holder"]
    out: dict = {}
    for aliases, country in zip(groups["aliases"], groups["country"]):
        for alias in str(aliases).split("|"):
            words = alias.split()
            if country and len(words) >= 2 and words[-1].lower() in _GROUP_NOUNS:
                out.setdefault(country, set()).add(" ".join(words[:-1]))
    return out


def _adjective_text(text: str, m: Mention) -> bool:
    """Whether mention m of the sentence ``text`` is written as an adjective of its actor
    (see HolderPhrases.adjective_form)."""
    if " " in m.text:
        return False  # "U.S. officials", "Recep Tayyip Erdogan": a name
    if _ADJECTIVE_FORM.search(m.text) and m.text != m.actor and (
            m.text in _demonyms().get(m.country, ()) or m.actor_type in _PEOPLES):
        return True  # a state's capital ("Tehran") or a person ("Rouhani") is none
    return "." in m.text and not _ARTICLE_BEFORE.search(text, 0, m.start)


def _document_issuers(text: str, mentions) -> tuple[Ref, ...]:
    """The issuers of the last document a sentence names: the names right before a verb of
    issuing, joined by "and" or commas ("At the same time, DHS and the FBI released a joint
    report": both; "Trump and Kim signed a short joint statement"), or a document known by
    its name; () for none ("the twelve governments that signed the Lima declaration": no
    name of them before the verb)."""
    found = next(reversed(list(_DOCUMENT_ISSUING.finditer(text))), None)
    lower = text.lower()
    named = [(lower.rfind(n), v) for n, v in _NAMED_DOCUMENTS.items() if n in lower]
    if named and (found is None or max(named)[0] > found.start()):
        return (Ref(max(named)[1][0], max(named)[1][1], "entity"),)
    if found is None:
        return ()
    ends = {m.end: m for m in mentions if m.actor_type not in NON_HOLDER_TYPES}
    taken: list[Mention] = []
    at = found.start()
    while at > 0:
        at = len(text[:at].rstrip(" ,()"))
        m = ends.get(at) or ends.get(at - 2 if text[:at].endswith("'s") else -1)
        if m is not None:
            taken.append(m)
            at = m.start
            continue
        word = re.search(r"\S+$", text[:at])
        if word is None or word.group().islower() and word.group() not in _ISSUER_JOINS:
            break
        at = word.start()
    refs: dict = {}
    for m in reversed(taken):
        if not _adjective_text(text, m):
            refs.setdefault(m.actor, mention_ref(m))
    return tuple(refs.values())


def head_mentions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions of a sentence that head a phrase of their own, as a pronoun in a later
    sentence takes them up: not an actor's adjective before a noun ("their Qatari
    counterparts"), not the object of a preposition ("in Doha", "with the United States")."""
    out = []
    for m in mentions:
        if _adjective_text(text, m) and _LOWER_NEXT.match(text, m.end):
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        if before and before.group(1).lower() in _PREPOSITIONS_BEFORE:
            continue
        out.append(m)
    return out


def country_groups() -> dict:
    """Country -> its group of officials in the gazetteer ("Russia" -> "Russian officials")."""
    return _gazetteer_groups()[0]


def _generic_groups() -> dict:
    """Head noun -> the gazetteer's generic holder ("analysts", "experts", "officials")."""
    return _gazetteer_groups()[1]



def _after_title(toks, a: int, k: int) -> bool:
    """Whether one to three capitalised words that are no title end just before token k,
    after a title word at or after token a ("Chairman Eliot Engel" before "and")."""
    n = 0
    while k - n - 1 >= a and is_cap(toks[k - n - 1]) and \
            toks[k - n - 1].norm not in _TITLE_WORDS:
        n += 1
    return 1 <= n <= 3 and k - n - 1 >= a and toks[k - n - 1].norm in _TITLE_WORDS


def _is_name_particle(tok) -> bool:
    """"de", "al", or a particle joined to a name ("al-Mojeb", "bin-Laden")."""
    head, _, rest = tok.norm.partition("-")
    return head in _NAME_PARTICLES and (not rest or tok.text[len(head) + 1:][:1].isupper())


def _owned_group(owner: Mention, head: str, kind: str, plural: bool, name: str) -> Ref:
    """A group named with the state or body it belongs to ("Saudi leaders", "Turkey's
    government"): the gazetteer's officials of that state, the state, or the body; a group
    of a people keeps its own words ("Kurdish leaders")."""
    if owner.actor_type == "people":
        return Ref(name, owner.country, kind)
    if head in _GOVERNMENTS and owner.actor_type in _STATE_TYPES:
        return Ref(owner.actor, owner.country, "entity")
    if owner.actor_type == "state_agency":
        return Ref(owner.actor, owner.country, kind)  # "State Department officials"
    if owner.actor_type in _STATE_TYPES and head in _ARMIES and owner.country:
        return _army_of(owner.country, owner.text) or Ref(
            f"{owner.text} {head}", owner.country, "entity")  # "the Burmese military"
    if owner.actor_type in _STATE_TYPES:
        group = country_groups().get(owner.country) or _demonym_officials(owner)
        if group and (plural or head == "official"):  # "a Philippine government official"
            return Ref(group, owner.country, "plural")
        return Ref(owner.actor if owner.actor_type in _STATE_TYPES else owner.country,
                   owner.country, kind)
    if owner.actor_type == "body" and plural and head not in _official_heads() and \
            head not in _BODY_MEMBERS and (head in _PLURAL_TITLES
                                           or head.endswith(_PEOPLE_ENDINGS)) and \
            not any(mark in name for mark in ("'s", "’s")):
        # "EU foreign ministers", "NATO planners": a group of its people, as written (the
        # body's own ministers, "the Arab League's foreign ministers", speak as the body)
        return Ref(name, owner.country, "plural")
    return Ref(owner.actor, owner.country, kind)


def _army_of(country: str, adjective: str = "") -> Ref | None:
    """The gazetteer's army or military of a state ("Syrian Army" is the Syrian Arab Army),
    named by one of its adjectives, else None."""
    adjectives = {adjective} if adjective else set()
    adjectives |= _demonyms().get(country, set())
    for adj in sorted(adjectives):
        for head in ("army", "military", "armed forces"):
            found = _aliases().get(f"{adj.lower()} {head}")
            if found is not None and found[1] == country:
                return Ref(found[0], found[1], "entity")
    return None


def _demonym_officials(owner: Mention) -> str | None:
    """"Estonian officials" for a state the gazetteer has no group of officials for, named
    by its adjective (data/annotations README: holders absent from the gazetteer get a
    plain name; its officials speak for the state)."""
    return f"{owner.text} officials" if owner.text in _state_adjectives().get(
        owner.country, ()) else None


@functools.lru_cache(maxsize=1)
def _state_adjectives() -> dict:
    """Country -> the one-word aliases of a state that are neither its name nor its capital
    nor a plural ("Estonian", "Greek", "Cypriot")."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    states = g[g["actor_type"] == "state"]
    out: dict = {}
    for actor, country, aliases, notes in zip(states["actor"], states["country"],
                                              states["aliases"], states["notes"].fillna("")):
        capitals = {c.strip() for c in str(notes).partition("capital as metonym:")[2]
                    .split(";")[0].split(",")}
        out[country] = {a for a in str(aliases).split("|") if a and " " not in a
                        and a != actor and a not in capitals and not a.endswith("s")
                        and a[:1].isupper() and not a.isupper()}
    return out


_CAPITAL_TITLES = tuple(sorted({w[:1].upper() + w[1:] for w in _TITLE_WORDS}))
# Words between a budget request and its owner ("the FY2027 discretionary budget request").
_REQUEST_MODIFIERS = frozenset({"budget", "discretionary", "funding", "appropriations",
                                "annual", "previous", "total", "initial", "revised", "fiscal",
                                "year"})


def _request_issuer(text: str, mentions) -> Ref | None:
    """Whose budget request a sentence names ("President Trump's FY2027 budget request",
    "the Administration's request", "the Trump Administration budget request"): a state's
    leader or its Administration is the state (real texts' conventions: the Administration is
    the United States), another actor itself; None when no owner is named."""
    toks, found = tokens(text), None
    for k, t in enumerate(toks):
        if t.norm not in {"request", "requests"}:
            continue
        p = k - 1
        while p >= 0 and (toks[p].norm in _REQUEST_MODIFIERS or toks[p].norm.isdigit()
                          or _FISCAL_YEAR.fullmatch(toks[p].norm)):
            p -= 1
        if p < 0:
            continue
        word = toks[p].norm
        if word.removesuffix("'s") in {"administration", "president"} and is_cap(toks[p]):
            found = Ref("United States", "United States", "entity")
            continue
        if not word.endswith("'s"):
            continue
        m = next((m for m in mentions if m.start <= toks[p].start < m.end), None)
        if m is None:
            continue
        if m.actor_type in _PERSON_TYPES and m.country:
            found = Ref(m.country, m.country, "entity")  # the President's: the state's
        elif m.actor_type not in NON_HOLDER_TYPES:
            found = mention_ref(m)
    return found


def _titled_names(text: str, mentions) -> list[tuple[str, Ref]]:
    """(office, person) for each title before a name the gazetteer lacks ("Secretary of
    Transportation Jane Roe": "secretary of transportation" and "secretary"), read as
    ``HolderPhrases._office`` reads a holder's phrase: the title opens a run of capitalised
    words (after "the" or a lower-case word), no word of it is a mention, and after "of" or
    "for" the run's last two words are the name when it has three or more."""
    toks, out = tokens(text), []
    spans = [(m.start, m.end) for m in mentions]
    named = {k for k, t in enumerate(toks) if any(a < t.end and t.start < b for a, b in spans)}
    n, k = len(toks), 0
    while k < n:
        t = toks[k]
        if t.norm not in _TITLE_WORDS or not is_cap(t) or k in named or (
                k > 0 and toks[k - 1].norm != "the" and (is_cap(toks[k - 1])
                                                          or k - 1 in named)):
            k += 1
            continue
        words = [k]
        while words[-1] + 1 < n:
            j = words[-1] + 1
            if is_cap(toks[j]) or j in named:
                words.append(j)
            elif toks[j].norm in _OFFICE_LINKS and j + 1 < n and (
                    is_cap(toks[j + 1]) or toks[j + 1].norm == "the"):
                words.append(j)
            else:
                break
        k = words[-1] + 1
        if any(j in named for j in words):
            continue
        last_title = max(j for j in words if toks[j].norm in _TITLE_WORDS
                         or toks[j].norm in _GROUP_NOUNS)
        links = [j for j in words if toks[j].norm in _OFFICE_LINKS]
        if not links:
            tail = [j for j in words if j > last_title]
        else:
            run = [j for j in words if j > links[-1]]
            tail = run[-2:] if len(run) >= 3 else []
        if not tail or any(toks[j].norm in _OFFICE_LINKS for j in tail):
            continue
        ref = Ref(text[toks[tail[0]].start:toks[tail[-1]].end], "", "person")
        out.append((" ".join(toks[j].norm for j in words if j not in tail), ref))
        out.append((toks[words[0]].norm, ref))
    return out


def _phrase(text: str, toks, conj) -> str:
    """A group's own words as its name, determiners left out ("many analysts" -> "analysts")."""
    keep = [k for k in conj if toks[k].norm not in _PHRASE_DETERMINERS] or conj
    return text[toks[keep[0]].start:toks[keep[-1]].end]


def mention_ref(m: Mention) -> Ref:
    if m.actor_type in _PERSON_TYPES:
        kind = "person"
    elif m.actor_type in _GROUP_TYPES:
        kind = "plural"
    else:
        kind = "entity"
    return Ref(m.actor, m.country or "", kind)


def _fit_in(mentions: Sequence[Mention], claim_refs: Sequence, kind: str,
            sex: str = "") -> list[Ref]:
    """What a pronoun of this kind can stand for in one sentence: the holder of its latest
    claim that fits, else its first two actors (its likely subject), else its last actor.
    "He" or "she" takes the sentence's first person when that person holds a view there
    (its subject), not a person whose view is reported inside that view ("Obama maintained
    that the prime minister had offered nothing. He had said ...": Obama)."""
    if kind == "person":
        first = next((m for m in mentions if m.actor_type in _PERSON_TYPES), None)
        if first is not None and any(len(refs) == 1 and refs[0].actor == first.actor
                                     for refs in claim_refs):
            got = _fit_mentions([first], kind, sex)
            if got:
                return got
    for refs in reversed(claim_refs):
        got = _fit(refs, kind, sex)
        if got:
            return got
    for group in (mentions[:2], list(reversed(mentions))):
        got = _fit_mentions(group, kind, sex)
        if got:
            return got
    return []


def _fit(refs: Sequence[Ref], kind: str, sex: str = "") -> list[Ref]:
    """The refs a pronoun of this kind (and, for "he" or "she", of this sex) can stand for,
    or []."""
    if not refs:
        return []
    if kind == "pair":
        return list(refs) if len(refs) >= 2 else []
    if kind == "plural":
        return list(refs) if len(refs) >= 2 or refs[0].kind == "plural" else []
    if len(refs) != 1:
        return []
    want = "person" if kind == "person" else "entity"
    return list(refs) if refs[0].kind == want and _sex_fits(refs[0], sex) else []


def _fit_mentions(mentions: Sequence[Mention], kind: str, sex: str = "") -> list[Ref]:
    """The first mention (or pair of mentions) a pronoun of this kind can stand for: for
    "they", a group that comes first ("Russian officials call ... the United States ...,
    and they argue") before a pair."""
    if kind == "plural" and mentions and mention_ref(mentions[0]).kind == "plural":
        return [mention_ref(mentions[0])]
    named = next((m for m in mentions if _plural_name(m)), None) if kind == "plural" else None
    if named is not None:  # "... and the Popular Mobilization Forces sit ...; their leaders"
        return [mention_ref(named)]
    if kind in ("pair", "plural"):
        pair = _first_pair(mentions)
        if pair or kind == "pair":
            return pair
    want = {"person": "person", "plural": "plural"}.get(kind, "entity")
    return next(([mention_ref(m)] for m in mentions if (
        mention_ref(m).kind == want or want == "plural" and _plural_name(m))
        and _sex_fits(mention_ref(m), sex)), [])


def _plural_name(m: Mention) -> bool:
    """Whether a force or an armed or political group is named by a plural ("the Popular
    Mobilization Forces", "the Houthis"), so "they" and "their" may stand for it."""
    last = m.text.split()[-1] if m.text else ""
    return m.actor_type in _ARMED | {"state_force"} and last[:1].isupper() and \
        last.endswith("s") and not last.endswith("ss")


def _sex_fits(ref: Ref, sex: str) -> bool:
    """Whether "he" (``sex`` 'm') or "she" ('f') can stand for this person: not when the
    gazetteer gives the other sex ("Chancellor Angela Merkel ... she" passes over Hollande)."""
    return not sex or _sexes().get(ref.actor, sex) == sex


@functools.lru_cache(maxsize=1)
def _sexes() -> dict:
    """Person -> 'f' or 'm', as the gazetteer gives it."""
    from briefkit.actors import load_gazetteer

    g = load_gazetteer()
    return {actor: sex for actor, sex in zip(g["actor"], g["sex"]) if sex}


def _first_pair(mentions: Sequence[Mention]) -> list[Ref]:
    """The first two neighbouring mentions of different actors, both persons or neither."""
    for m1, m2 in itertools.pairwise(mentions):
        if abs(m2.start - m1.end) <= 1 or abs(m1.start - m2.end) <= 1:
            continue  # one compound ("U.S.-South Korean exercises"), not two actors
        if m1.country and m1.country == m2.country and \
                (mention_ref(m1).kind == "plural") != (mention_ref(m2).kind == "plural"):
            continue  # "Iran's view ...: Iranian officials ...": a state and its own people
        if m1.actor != m2.actor and (m1.actor_type in _PERSON_TYPES) == \
                (m2.actor_type in _PERSON_TYPES):
            return [mention_ref(m1), mention_ref(m2)]
    return []


def _actor_lists(text: str, mentions: Sequence[Mention]) -> list[list[Mention]]:
    """The lists of two or more different actors a sentence names, joined by commas and
    "and" only, titles allowed before a name ("Russia, Turkey and Iran", "President Joe
    Biden, Prime Minister Scott Morrison and Prime Minister Boris Johnson"), in order."""
    runs: list[list[Mention]] = []
    run: list[Mention] = []
    for m in sorted((m for m in mentions if m.actor_type not in NON_HOLDER_TYPES),
                    key=lambda m: m.start):
        between = text[run[-1].end:m.start].replace(",", " ").split() if run else None
        if run and m.start > run[-1].end and all(
                w.lower() in _LIST_JOINS or w.lower() in _TITLE_WORDS for w in between):
            run.append(m)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [m]
    if len(run) >= 2:
        runs.append(run)
    return [r for r in runs if len({m.actor for m in r}) == len(r)]


def _count_of(word: str) -> int | None:
    """The number a count word or figure before a plural names ("three", "12"), else None."""
    if word.isdigit():
        return int(word)
    return _COUNTS.get(word)
