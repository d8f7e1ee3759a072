"""Talks and questioning: PLOVER's CONSULT is parties meeting, visiting or negotiating with
each other, and INVESTIGATE is looking into a matter or questioning people. The verbs say other
things too: one person "discussed his affection for a novelist" (talking about a topic, no one
to talk with), "visited another bridge" (a place seen, no host), "hosted his Labor Day cookout"
or "will host the only Senate race" (an occasion held, no guest), "met his wife" in South
America (an acquaintance made), "questioned the need for moderators" or "Cruz's eligibility" (a
doubt voiced, no one questioned). docs/events.md has the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crossbearing.annotate.event_senses import ACTING_PEOPLE, AGENT_NOUNS, RELATIVE_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Entity types of a host or a counterpart: a state, a city, an organisation, a person, a
#: building of government ("visited the White House").
HOSTS = frozenset({"GPE", "ORG", "PERSON", "NORP", "FAC"})
#: Words of meeting whose purpose "to discuss" tells: the talks are the meeting's.
MEETING_WORDS = frozenset({"meet", "meeting", "gather", "gathering", "convene", "session",
                           "summit", "talk", "call", "sit", "huddle", "caucus", "confer"})
#: Verbs of going on or starting that pass their subject to the infinitive they take, adding
#: no party of their own: "went on to discuss", "began to discuss".
PASSED_ON = frozenset({"go", "move", "begin", "start", "continue", "proceed", "turn", "keep"})
#: Seats of a state or a body, named by a noun: "a planned visit to the capital".
SEATS = frozenset({"capital", "country", "nation", "state", "embassy", "headquarters",
                   "parliament", "congress", "ministry", "palace", "kingdom", "republic",
                   "capitol", "court", "region", "province"})
#: Occasions of talks: hosting one is a meeting of parties ("offered to host a summit").
TALKS = MEETING_WORDS | frozenset({"talks", "negotiation", "conference", "visit", "visitor",
                                   "delegation", "dialogue", "round", "guest", "counterpart"})
#: People one meets in a life, not in talks: "met his wife", "where he met his future husband".
KIN = frozenset({"wife", "husband", "girlfriend", "boyfriend", "fiancée", "fiancee", "fiance",
                 "partner", "spouse", "bride", "groom"})

#: Words of a part of a group: "several of the aides" are aides questioned.
PARTS = frozenset({"several", "some", "many", "most", "all", "each", "any", "none", "few",
                   "one", "both", "either", "neither", "dozen", "dozens", "number", "majority"})
#: People questioned in an inquiry, besides the people and officials the event rules know.
WITNESSES = frozenset({"aide", "staffer", "staff", "witness", "employee", "agent", "director",
                       "adviser", "advisor", "individual", "executive", "contractor", "engineer",
                       "associate", "candidate", "nominee", "applicant", "passenger", "crew"})


def discusses_a_topic(token: Token) -> bool:
    """Whether "discuss" has one speaker and no one to talk with ("Ryan discussed his
    affection for Ayn Rand"): a topic talked about, no talks. Talks have two sides: "discussed
    the deal with Iran", "the two leaders discussed trade", "Obama and Putin discussed Syria",
    "ministers discussed the plan". In the passive the subject is the topic: "their situations
    were discussed only briefly" has no sides, "the plan was discussed by the ministers" has."""
    children = list(token.children)
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" for g in c.children)
           for c in children):
        return False  # "with Iran", not "with Boutrous noting how different they were"
    if any(c.dep_ == "nsubjpass" for c in children):  # the subject is the topic: "their
        # situations were discussed only briefly"; the sides are the agent, if told
        sides = [g for c in children if c.dep_ == "agent" for g in c.children
                 if g.dep_ == "pobj"]
        return not any(map(_two_sides, sides))
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ in ("xcomp", "advcl", "relcl", "acl", "conj"):
        head = token.head
        passed_on = token.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in PASSED_ON
        # "Caddell went on to discuss the polls": the subject of "went" speaks
        if not passed_on and (token.tag_ != "VBG" or head.lemma_.lower() in MEETING_WORDS):
            return False  # "pressed Washington to discuss", "a meeting to discuss": talks
        # "The pollster, discussing the figures, said …": the clause's subject speaks
        subjects = [head] if head.pos_ in ("NOUN", "PROPN") else [
            c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return False
    return not any(map(_two_sides, subjects))


def _two_sides(subject: Token) -> bool:
    """Whether a subject is more than one side: joined, plural, "we", "they", counted."""
    return bool(subject.conjuncts) or subject.tag_ in ("NNS", "NNPS") or subject.lower_ in (
        "we", "they", "them", "us") or any(n.dep_ == "nummod" for n in subject.children)


def visits_no_one(token: Token) -> bool:
    """Whether a visit is of a thing seen ("visited another bridge", "visited the site of the
    flood"), not of a state, a city, a body or a person that hosts it."""
    if token.pos_ == "VERB":
        places = [c for c in token.children if c.dep_ == "dobj"]
    else:
        places = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "of")
                  for g in c.children if g.dep_ == "pobj"]
        places += [c for c in token.children if c.dep_ == "advmod"]  # "his visit there"
    return bool(places) and not any(p.ent_type_ in HOSTS or p.lemma_.lower() in AGENT_NOUNS
                                    or p.lemma_.lower() in SEATS for p in places)


def no_talks(token: Token, lemma: str) -> bool:
    """Whether a verb of talks or questioning names none here (the rules above)."""
    if lemma == "discuss":
        return discusses_a_topic(token)
    if lemma == "visit":
        return visits_no_one(token)
    if lemma == "question":
        return questions_no_one(token)
    if lemma == "host":
        return hosts_no_one(token)
    return lemma == "meet" and meets_kin(token) or lemma in TALKING and with_oneself(token)


#: Verbs of talks that "with themselves" makes a figure.
TALKING = frozenset({"negotiate", "meet", "talk", "consult", "mediate", "discuss"})


def with_oneself(token: Token) -> bool:
    """Whether talks are held "with themselves" ("Republicans negotiate with themselves"): a
    figure of a side's own disagreement, no counterpart, no talks."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        g.lower_ in ("themselves", "himself", "herself", "itself", "ourselves")
        for g in c.children) for c in token.children)


def meets_kin(token: Token) -> bool:
    """Whether "meet" is meeting one's wife or husband: an acquaintance, no talks."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in KIN for c in token.children)


def questions_no_one(token: Token) -> bool:
    """Whether "question" doubts a thing ("questioned the very need for moderators",
    "questioned Cruz's eligibility", "questioned what kind of person …") rather than
    questioning people ("police questioned the suspect", "trying to question several aides")."""
    questioned = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN") and all(
            q.tag_ in RELATIVE_TAGS for q in questioned):
        questioned = [token.head]  # "the aides (whom) he questioned", not "Republicans, who
        # have questioned Europe's reliance": there the noun is who questions
    if any(c.dep_ == "ccomp" for c in token.children):
        return True
    questioned += [g for q in list(questioned) if q.lemma_.lower() in PARTS or q.tag_ == "CD"
                   for c in q.children  # "several of the aides", not "the health of Trump"
                   if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return bool(questioned) and not any(
        q.ent_type_ in ("PERSON", "NORP") or q.tag_ == "PRP" or q.lemma_.lower() in ACTING_PEOPLE
        or q.lemma_.lower() in WITNESSES for q in questioned)


def hosts_no_one(token: Token) -> bool:
    """Whether "host" holds an occasion with no party as guest ("hosted his Labor Day
    cookout", "a lunch hosted by the ambassador", "would host the only Senate race in the
    country"), rather than receiving a party ("Yeltsin hosted Hashimoto", "hosted a delegation
    of the opposition") or talks ("offered to host a summit"). With no object it stays."""
    hosted = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if not hosted and token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
        hosted = [token.head]
    return bool(hosted) and not any(
        h.ent_type_ in HOSTS or h.tag_ == "PRP" or h.lemma_.lower() in ACTING_PEOPLE
        or h.lemma_.lower() in TALKS for h in hosted)
