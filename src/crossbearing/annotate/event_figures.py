"""Words of violence in a figure of speech or with no one harmed: "a trade war", "the war on
drugs", "a battle over what to do about the tax cuts", "tweets targeting her", "hackers targeted
the servers", "hardest hit by the housing bust", "fired three missiles into the sea". The
codebooks code no such thing (Lakoff and Johnson 1980: argument is war). docs/events.md has the
rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crossbearing.annotate.event_causes import hit_by_hard_times, on_computers
from crossbearing.annotate.event_phrases import PEOPLE
from crossbearing.annotate.event_politics import contest_for_office
from crossbearing.annotate.event_senses import an_abstraction, noun_senses, over_a_question

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Modifiers that make a noun of fighting a figure of speech: "a trade war", "a culture war",
#: "a charm offensive", "a political attack", "attack ads" (Lakoff and Johnson 1980: argument
#: is war; the event coders' codebooks code no such thing).
FIGURATIVE_FIGHTS = frozenset({
    "trade", "culture", "price", "tariff", "currency", "turf", "bidding", "class", "talent",
    "charm", "legal", "political", "verbal", "rhetorical", "media", "propaganda", "ideological",
    "partisan", "personal", "campaign", "budget", "tax", "court", "custody", "election",
    "electoral", "public-relations", "pr", "ratings", "ad", "advertising"})
#: What a "war on" is waged against when it is a policy: "the war on terror", "on drugs".
CAMPAIGN_TARGETS = frozenset({"terror", "terrorism", "drug", "poverty", "crime", "coal",
                              "christmas", "woman", "science", "obesity", "cancer", "corruption",
                              "inflation", "want", "illiteracy", "cash", "climate", "change",
                              "warming", "pollution", "hunger", "disease", "racism",
                              "discrimination", "fraud", "waste", "addiction", "extremism"})
#: Nouns of an assault: on an idea, a record or a plan, a figure of speech ("the campaign's
#: assault on McCain's Medicare record"); on a base, a town or a convoy, violence.
ASSAULTS = frozenset({"attack", "assault", "offensive", "onslaught", "raid", "strike"})
#: Words one fires off, besides those of :data:`FIGURATIVE_AGENTS`: "fired off a statement".
WORDS_SENT = frozenset({"statement", "email", "e-mail", "memo", "note", "missive", "response",
                        "retort", "complaint", "reply"})
#: Things that "target" or "attack" only in a figure of speech: words, laws and money.
FIGURATIVE_AGENTS = frozenset({
    "tweet", "ad", "advertisement", "campaign", "post", "message", "speech", "remark",
    "comment", "article", "report", "column", "editorial", "letter", "bill", "law", "policy",
    "tax", "tariff", "rule", "regulation", "proposal", "plan", "measure", "sanction", "program",
    "programme", "reform", "legislation", "order", "lawsuit", "suit", "investigation", "probe",
    "audit", "story", "book", "film", "video", "joke", "question", "criticism", "attack-ad"})
#: Words fired off: sent, not shot.
FIRED_WORDS = FIGURATIVE_AGENTS | WORDS_SENT


def _no_one_assailed(noun: Token) -> bool:
    """Whether what an assault is on is an idea, a text or a record: WordNet's abstraction as
    the noun's most frequent sense and no vehicle, machine or weapon among its senses
    (``event_senses.an_abstraction``), or an abstraction first with a communication among its
    senses ("a record", "a speech": WordNet's material sense of these is the disc, the paper).
    A noun with a sense of a person, a group or a place is no abstraction; "a compound" (an
    enclosure) is assailed."""
    if an_abstraction(noun):
        return True
    letters = noun_senses().get(noun.lemma_.lower(), "")
    return letters.startswith("a") and "c" in letters and "i" not in letters


def figurative_noun(token: Token, lemma: str) -> bool:
    """Nouns of violence in a figure of speech: "a trade war", "a war of words", "attack ads",
    "a flawless execution" (an execution kills only someone: "the execution of two prisoners");
    a battle or a fight over an issue or a question ("a battle over what to do about the tax
    cuts"; "the battle over the town" is one); an assault on an idea, a record or a plan
    (:data:`ASSAULTS`, :func:`_no_one_assailed`); and "in
    protest" after another act ("resigned in protest"), its manner. Idioms of talks and refusal: a "talk" with no one ("the talk of the
    town", "tough talk"; "talks" and "a talk with the envoy" are talks) and "the right of first
    refusal". "Demand" as a mass noun, with no article, owner or number, is a market's ("demand
    for coal"), no demand made; a "call" that something should be is a figure."""
    modifiers = {c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod")}
    if modifiers & FIGURATIVE_FIGHTS or contest_for_office(token):
        return True  # "a trade war", "the battle for control of the RNC"
    if token.dep_ != "dobj" and any(c.dep_ in ("nmod", "amod", "compound") and c.lower_ == "head"
                                    and any(g.lower_ == "to" for g in c.children)
                                    for c in token.lefts):
        return True  # "in a head-to-head battle of proxies": a contest; not "troops and rebels
        # fought a head-to-head battle for the town"
    if lemma in ("battle", "fight") and over_a_question(token, an_abstraction):
        return True  # "a battle over what to do about the tax cuts", "a fight over the budget"
    if lemma == "protest" and token.dep_ == "pobj" and token.head.lower_ == "in" and (
            token.head.head.pos_ == "VERB"):
        return True  # "resigned in protest": the manner of another act
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.lower_ == "words" for g in c.children) for c in token.children):
        return True  # "a war of words"
    if lemma == "war" and any(c.dep_ == "prep" and c.lower_ == "on" and any(
            g.lemma_.lower() in CAMPAIGN_TARGETS for g in c.children) for c in token.children):
        return True  # "the war on terrorism", "the war on drugs": a policy
    if token.head.lemma_.lower() in ("ad", "advertisement") and token.dep_ == "compound":
        return True
    if lemma in ASSAULTS and any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
            g.dep_ == "pobj" and _no_one_assailed(g) for g in c.children)
            for c in token.children):
        return True  # "the assault on McCain's Medicare record", "an attack on his accounting"
    if lemma == "talk" and token.tag_ == "NN":  # "the talk of the town", "tough talk": no talks
        return not any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                       for c in token.children)
    if lemma == "refusal" and token.dep_ == "pobj" and token.head.head.lemma_.lower() == "right":
        return True  # "the right of first refusal": a claim of first offer, no one refused
    if lemma == "call" and token.dep_ == "attr" and any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in token.head.children):
        return True  # "the study should be a five-alarm call to voters": what a thing ought
        # to be ("the resolution is a call for a ceasefire" is one made)
    if lemma == "demand" and token.tag_ == "NN" and not any(
            c.dep_ in ("det", "poss", "nummod") or c.dep_ == "prep" and c.lower_ in ("by", "from")
            for c in token.children):
        return True  # "demand for metallurgical coal has roared back", "abortion on demand":
        # the mass noun of markets; a demand made is counted or someone's ("a demand", "their
        # demands", "the demand for his resignation")
    if lemma == "execution":
        objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
        return not any(o.ent_type_ in ("PERSON", "NORP") or o.lemma_.lower() in PEOPLE
                       or any(n.dep_ == "nummod" for n in o.children) for o in objects)
    return False


#: Where arms fired at no one land: "fired three missiles into the sea" (a test, no attack).
NO_ONES_WATERS = frozenset({"sea", "ocean", "water", "waters", "gulf", "bay"})


def fired_at_no_one(token: Token) -> bool:
    """Whether arms are fired or launched "into the sea" ("Pyongyang fired three missiles into
    the sea"): a test or a show of force, no one's violence (ACLED codes no such event); or
    words are fired off ("fired off to the NAACP the statement demanding …", "fired off a
    letter"): sent, no shot."""
    if token.lemma_.lower() not in ("fire", "launch"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "into" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in NO_ONES_WATERS for g in c.children)
        or c.dep_ == "dobj" and c.lemma_.lower() in FIRED_WORDS
        for c in token.children)


def figurative_verb(token: Token, lemma: str) -> bool:
    """A verb of an act in a figure of speech or a set phrase: done by words, laws or money
    (:func:`figurative_agent`), arms fired at no one (:func:`fired_at_no_one`), a contest
    won (:func:`beats_no_one`), or "guilty as charged" (owning up to what one is said to do: no
    one charged anyone)."""
    if lemma == "charge" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children) and (
            token.head.lower_ == "guilty" or any(c.dep_ == "acomp" and c.lower_ == "guilty"
                                                 for c in token.head.children)):
        return True  # the parse hangs "as charged" on "guilty" or on its verb
    return figurative_agent(token, lemma) or fired_at_no_one(token) or beats_no_one(token, lemma)


#: What one beats, or beats back, in a contest, not a body ("beat back a challenge from
#: Sanders", "beat the odds", "beat the deadline").
CONTESTED = frozenset({"challenge", "bid", "attempt", "effort", "motion", "amendment", "proposal",
                       "odds", "deadline", "record", "expectation", "estimate", "forecast",
                       "competition", "clock", "rap", "drum", "retreat", "heat", "traffic"})


def beats_no_one(token: Token, lemma: str) -> bool:
    """Whether "beat" wins a contest or keeps something off ("helped her beat back a challenge
    from Sanders", "beat the odds", "beat a hasty retreat"): no one is beaten."""
    return lemma == "beat" and any(c.dep_ in ("dobj", "nsubjpass") and (
        c.lemma_.lower() in CONTESTED or c.lower_ in CONTESTED) for c in token.children)


def figurative_agent(token: Token, lemma: str) -> bool:
    """A verb of attacking whose doer is words, a law or money ("tweets targeting her",
    "sanctions targeting the bank", "the bill attacks the program"), or that attacks computers
    (``event_causes.on_computers``), or "hit" by hard times (``hit_by_hard_times``): no
    violence."""
    if lemma not in ("target", "attack", "hit", "strike", "assault"):
        return False
    if on_computers(token) or hit_by_hard_times(token):
        return True  # "hackers targeted voter data systems", "hardest hit by the bust"
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ == "acl":
        doers.append(token.head)
    return any(d.lemma_.lower() in FIGURATIVE_AGENTS for d in doers)
