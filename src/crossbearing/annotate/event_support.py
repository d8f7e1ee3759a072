"""What support is: PLOVER's SUPPORT is praising, endorsing or backing a party, or recognising
a state, a government or a claim; two of its verbs say other things too. "Recognize" is also
realising ("recognize the danger", "recognizing that imitation is flattery") and marking a day
("as he recognizes a major Islamic holiday"); what is recognised in PLOVER's sense is a party
(a state, a government, a group, a person) or a status or outcome a party claims (independence,
an election's results, a marriage). "Back out" is withdrawing from what one had agreed to do
("under pressure, Washington backed out"): no support, and no concession either (backing down,
off or away is giving in, which the trigger rules type as such). "Welcome" is also receiving
guests ("welcomed several hundred guests"). Supporting or backing an argument ("statistics to
support their claim") is evidence, no support of a party. docs/events.md has the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crossbearing.annotate.event_senses import ACTING_PEOPLE, AGENT_ENTITIES

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Statuses and outcomes a party claims, which recognising grants ("refused to recognize the
#: annexation", "a law recognizing the opposition's victories", "a marriage recognized under
#: state law"), besides the parties themselves.
RECOGNISED = frozenset({
    "independence", "sovereignty", "statehood", "state", "government", "regime", "authority",
    "administration", "republic", "country", "nation", "territory", "border", "annexation",
    "victory", "win", "result", "election", "outcome", "vote", "claim", "right", "title",
    "marriage", "union", "status", "legitimacy", "jurisdiction", "delegation",
    "representative", "leadership", "council", "movement", "opposition", "party", "group"})


def no_support(token: Token, lemma: str) -> bool:
    """Whether a verb of support names none here (the rules above)."""
    if lemma in ("recognize", "recognise"):
        return recognizes_no_party(token)
    if lemma == "welcome":
        return welcomes_guests(token)
    if lemma in ("support", "back", "bolster", "corroborate") and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ARGUED and not any(
                o.dep_ == "poss" and o.pos_ != "PRON" or o.dep_ == "amod" and (
                    o.ent_type_ == "NORP") or o.dep_ == "prep" and o.lower_ == "of"
                and any(_a_party(g) for g in o.children) for o in c.children)
            for c in token.children):
        return True  # "statistics to support their claim": evidence for an argument; another
        # party's claim ("the claim of the Palestinians", "the Palestinian claim") backs it
    return lemma == "back" and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out"
                                   for c in token.children)


#: What evidence or a belief supports: an argument or a view, no party ("presented statistics
#: to support their claim", "the data back the theory", "backing the biblical definition of a
#: family").
ARGUED = frozenset({"claim", "argument", "case", "contention", "assertion", "theory", "view",
                    "hypothesis", "finding", "conclusion", "allegation", "notion", "idea",
                    "thesis", "account", "story", "charge", "accusation", "suspicion",
                    "definition", "principle", "belief", "value", "doctrine"})


#: People one welcomes as a host ("welcomed several hundred guests"): hospitality, no support.
GUESTS = frozenset({"guest", "visitor", "crowd", "audience", "attendee", "participant", "fan",
                    "tourist", "newcomer", "spectator", "diner", "customer"})


def welcomes_guests(token: Token) -> bool:
    """Whether "welcome" receives guests ("as he welcomed several hundred guests"), not a
    decision or a party's act ("welcomed the ceasefire", "welcomed Reagan's statement")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in GUESTS
               for c in token.children)


def recognizes_no_party(token: Token) -> bool:
    """Whether "recognize" is realising or marking something: a clause ("recognizing that
    …"), or an object that is neither a party (a state, a group, a person, people by office
    or kind) nor a status a party claims (:data:`RECOGNISED`): "recognize the danger",
    "recognizes a major Islamic holiday"; or giving the floor ("recognized from their
    seats"). With no object the sense is open and stays."""
    children = list(token.children)
    if any(c.dep_ == "ccomp" for c in children) or any(
            c.dep_ == "prep" and c.lower_ == "from" for c in children):
        return True  # a chair giving the floor: "members were recognized from their seats"
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects and token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
        objects = [token.head]  # "the government recognized by Washington"
    return bool(objects) and not any(_a_party_or_status(o) for o in objects)


def _a_party(noun: Token) -> bool:
    """Whether a noun names a party: a name of a person, a group or a state, or people."""
    return noun.ent_type_ in AGENT_ENTITIES or noun.pos_ == "PROPN" or (
        noun.lemma_.lower() in ACTING_PEOPLE)


def _a_party_or_status(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return (noun.ent_type_ in AGENT_ENTITIES or noun.tag_ == "PRP" or lemma in ACTING_PEOPLE
            or lemma in RECOGNISED)
