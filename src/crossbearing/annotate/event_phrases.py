"""Acts told by a verb whose sense depends on what goes with it, read from the parse: "shot dead
a farmer" (a killing) but "shot a film", "set fire to homes" and "blew up a house" (property
destroyed) but "set a date" and "blew up on social media", "dropped barrel bombs" (an air strike)
but "dropped the charges", "opened fire on soldiers" (an attack) but "opened the border",
"protesters gathered" (a protest) but "officials gathered".

Each rule names what the verb needs beside it for the sense of an event, as the coders'
codebooks define it (docs/events.md): a person shot, property burned or blown up, bombs dropped,
protesters gathering. Anything else is not an event.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crossbearing.annotate.names import TITLES
from crossbearing.annotate.nlp import text_of
from crossbearing.kb.actors import actor_base, name_key

if TYPE_CHECKING:
    from spacy.tokens import Token

#: People as the object of an act against persons: "shot two protesters", "a man was shot",
#: "the execution of two prisoners" (event_triggers reads it too).
PEOPLE = frozenset({
    "man", "woman", "boy", "girl", "child", "person", "people", "civilian", "farmer", "shepherd",
    "fisherman", "worker", "student", "teacher", "doctor", "journalist", "activist", "protester",
    "protestor", "demonstrator", "soldier", "officer", "policeman", "guard", "fighter",
    "militant", "member", "commander", "leader", "official", "resident", "villager", "driver",
    "passenger", "teenager", "youth", "father", "mother", "son", "daughter", "brother",
    "worshipper", "pilgrim", "refugee", "migrant", "immigrant", "prisoner", "detainee", "suspect",
    "gunman", "settler", "trader", "merchant", "elder", "cleric", "imam", "priest", "hostage",
    "captive", "inmate", "convict", "dissident", "spy", "collaborator"})
#: Armed people and military places: violence against them is a battle or remote violence by
#: its means, never violence against civilians (the coders' codebook).
ARMED = frozenset({
    "soldier", "troop", "force", "fighter", "militant", "militiaman", "gunman", "guard",
    "policeman", "officer", "commander", "army", "militia", "police", "patrol", "convoy",
    "checkpoint", "base", "outpost", "post", "position", "barracks", "garrison", "unit",
    "brigade", "battalion", "personnel", "insurgent", "rebel", "jihadist", "sniper"})
#: Words of a political party or camp: before an attack ("Republican attacks", "GOP attacks")
#: a party attacks in words; a party that "battles" bears no arms ("Democrats and Republicans
#: battled over the issue").
PARTIES = frozenset({"republican", "democratic", "democrat", "gop", "partisan", "conservative",
                     "liberal", "progressive", "tory", "labour", "bipartisan"})


def names_a_people(word: str) -> bool:
    """Whether a word, singular or plural, names a party's members or a people the knowledge
    base knows ("Republican", "Democrats", "Iraqis", "Palestinians"): many people, no one
    person's name."""
    singular = word.lower().removesuffix("s")
    return singular in PARTIES or name_key(singular) in actor_base().by_demonym


#: Property whose burning or blowing up is property destruction (ACLED: Looting/property
#: destruction), not a flag burned at a protest.
PROPERTY = frozenset({
    "home", "house", "building", "car", "vehicle", "truck", "bus", "shop", "store", "market",
    "office", "headquarters", "mosque", "church", "synagogue", "temple", "shrine", "school",
    "hospital", "clinic", "field", "crop", "farm", "orchard", "olive", "tree", "grove",
    "vineyard", "greenhouse", "tractor", "tent", "camp",
    "bridge", "road", "pipeline", "tower", "station", "warehouse", "factory", "plant", "barn",
    "property", "residence", "dwelling", "apartment", "village", "town", "structure", "hut",
    "stall", "kiosk", "bank", "restaurant", "hotel", "bakery", "well", "generator", "depot"})
#: What is dropped in an air strike ("dropped barrel bombs", "drones dropped grenades").
DROPPED_ARMS = frozenset({"bomb", "munition", "explosive", "grenade", "missile", "shell",
                          "ordnance", "projectile", "payload"})
#: Who gathers in a protest ("protesters gathered outside the base").
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher", "activist"})
#: Verbs of gathering that make a protest with such a subject.
GATHERING = frozenset({"gather", "assemble", "converge", "congregate", "mass", "march"})


def phrase_type(token: Token, lemma: str) -> str | None:
    """The event type of a verb that takes its sense from its complements, or None."""
    if lemma == "shoot":
        return _shooting(token)
    if lemma == "set":
        return "property_destruction" if _sets_fire(token) else None
    if lemma == "blow" and _particle(token) == "up" and _objects_in(token, PROPERTY):
        return "property_destruction"
    if lemma in ("torch", "burn") and _objects_in(token, PROPERTY):
        return "property_destruction"
    if lemma == "drop" and _objects_in(token, DROPPED_ARMS):
        return "air_drone_strike"
    if lemma == "open" and _objects_in(token, frozenset({"fire"})):
        return "attack"  # "gunmen opened fire on soldiers": shooting, typed by whom it harmed
    if lemma in GATHERING and any(c.dep_ == "nsubj" and _protesters(c) for c in token.children):
        return "protest"
    if lemma == "evacuate" and _rescues_people(token):
        return "aid"  # "helicopters evacuated the wounded": rescue (PLOVER AID), no retreat
    if lemma in ("release", "free") and _frees_people(token):
        return "concession"  # "freed the hostages": CAMEO 0841, release persons (PLOVER CONCEDE)
    return None


#: People held whom PEOPLE does not name: "released the British sailors", "freed the crew".
HELD = frozenset({"sailor", "crew", "crewman", "tourist", "diplomat", "employee", "national"})
#: Verbs of letting: a release they govern is what a rule or a policy lets happen.
ALLOWING = frozenset({"allow", "let", "permit", "enable"})
#: Where one is released from that no captor holds: "released from hospital".
CARE = frozenset({"hospital", "care", "clinic", "treatment", "contract", "obligation"})


#: People one rescues by evacuating them, beside :data:`PEOPLE`.
RESCUED = frozenset({"wounded", "injured", "sick", "casualty", "survivor", "elderly", "family"})


def _rescues_people(token: Token) -> bool:
    """Whether "evacuate" takes others out of danger ("U.N. helicopters evacuated the wounded
    from Gorazde", "evacuated 300 civilians"), not one's own forces, staff or a place ("evacuated
    its embassy", "Israel will evacuate 21 settlements": a withdrawal)."""
    return any((t.lemma_.lower() in PEOPLE | RESCUED or t.lower_ in RESCUED) and t.lemma_.lower()
               not in ARMED and not any(c.dep_ == "poss" for c in t.children)
               for t in _objects(token))


def _frees_people(token: Token) -> bool:
    """Whether "release" or "free" lets people go ("will release the prime minister", "the
    hostages were freed"), not a statement, a video or tax returns, nor someone "released from
    hospital", nor people a policy "allows to be released"."""
    if any(c.dep_ == "prep" and c.lower_ == "from" and any(
            g.lemma_.lower() in CARE for g in c.children) for c in token.children) or (
            token.dep_ in ("xcomp", "ccomp") and token.head.lemma_.lower() in ALLOWING):
        return False  # "a policy that allows immigrants to be released": what a rule lets be
    return any(_person(t) and t.pos_ != "NUM" and t.ent_type_ != "NORP" or t.ent_type_ == "PERSON"
               or t.lemma_.lower() in HELD for t in _objects(token))


def by_whom_harmed(name: str, refined: str, harmed: list[Token]) -> str:
    """The type of a generic killing or attack (``name``, ``refined`` by its means) from whom it
    harmed: one told by its gunmen ("gunmen shot dead a teacher", an armed clash by its means)
    stays a killing or an attack when everyone harmed is an unarmed person; an attack with no
    means on soldiers, a patrol or a base is a battle (ACLED: violence against civilians only
    against civilians). ``harmed``: the head words of the victims and targets."""
    lemmas = {t.lemma_.lower() for t in harmed}
    if not harmed:
        return refined
    if refined == "armed_clash" and not lemmas & ARMED and all(_person(t) for t in harmed):
        return name
    unarmed = [t for t in harmed if _person(t) and t.lemma_.lower() not in ARMED]
    if refined == "attack" and lemmas & ARMED and not unarmed:
        return "armed_clash"
    return refined


#: Nouns of state forces: who, firing on protesters, uses excessive force (ACLED).
STATE_FORCES = frozenset({"police", "policeman", "policemen", "officer", "trooper", "soldier",
                          "troop", "army", "guard", "force", "gendarme"})
#: Words that make forces no state's: "rebel forces", "militia guards".
NON_STATE = frozenset({"rebel", "opposition", "militia", "insurgent", "tribal", "private"})
#: People protesting (not "activists", who are harmed as people of a cause).
CROWDS_PROTESTING = frozenset({"protester", "protestor", "demonstrator", "marcher"})


def force_on_protesters(token: Token, actors: list[Token]) -> bool:
    """Whether an attack or a killing is state forces firing on or killing protesters ("police
    opened fire to disperse demonstrators, killing one person"): ACLED's Protests sub-type
    "Excessive force against protesters", never violence against civilians. The protesters
    stand in the act's own clause."""
    return any(a.lemma_.lower() in STATE_FORCES and not any(
        c.lemma_.lower() in NON_STATE for c in a.children) for a in actors) and any(
        t.lemma_.lower() in CROWDS_PROTESTING for t in token.subtree if t.i != token.i)


def _shooting(token: Token) -> str | None:
    """"shot dead", "shot and killed" a person: a killing; "shot two protesters", "a man was
    shot": an attack; "shot down a drone", "shot a film", "shot to fame": none."""
    if _particle(token) is not None:
        return None
    victims = _objects(token)
    dead = any(c.lemma_.lower() == "dead" for c in token.children) or any(
        c.lemma_.lower() == "dead" for v in victims for c in v.children) or any(
        c.dep_ == "conj" and c.lemma_.lower() == "kill" for c in token.children)
    if not any(_person(v) for v in victims):
        return None
    return "killing" if dead else "attack"


def _sets_fire(token: Token) -> bool:
    """"set fire to homes", "set homes on fire", "set the shop ablaze / alight"."""
    children = list(token.children)
    fire = any(c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in children)
    ablaze = any(c.lower_ in ("ablaze", "alight") for c in children)
    on_fire = any(c.dep_ == "prep" and c.lower_ == "on" and any(
        g.lemma_.lower() == "fire" for g in c.children) for c in children)
    if not (fire or ablaze or on_fire):
        return False
    things = [g for c in children if c.dep_ == "prep" and c.lower_ in ("to", "on")
              for g in c.children if g.dep_ == "pobj"] + _objects(token)
    things += [c for t in things for c in t.conjuncts]
    things += [c for t in children if t.lower_ in ("ablaze", "alight")  # "set a car ablaze"
               for c in t.children if c.dep_ in ("compound", "nsubj")]
    return any(t.lemma_.lower() in PROPERTY for t in things)


def _protesters(subject: Token) -> bool:
    """Protesters, or a number of them ("thousands of demonstrators")."""
    if subject.lemma_.lower() in PROTESTERS:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.lemma_.lower() in PROTESTERS for g in c.children) for c in subject.children)


def _particle(token: Token) -> str | None:
    return next((c.lower_ for c in token.children if c.dep_ == "prt"), None)


def _objects(token: Token) -> list[Token]:
    """The verb's object, or its subject in the passive, with their conjuncts."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return found + [c for t in found for c in t.conjuncts]


def _objects_in(token: Token, words: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in words for t in _objects(token))


def _person(token: Token) -> bool:
    """A person or people: a name, a noun of people, or a number of them ("shot two")."""
    return (token.ent_type_ in ("PERSON", "NORP") or token.lemma_.lower() in PEOPLE
            or token.pos_ == "NUM" or token.lower_ in ("him", "her", "them"))


#: Pronouns of a person.
PERSONAL = frozenset({"he", "she", "i", "we", "you"})


def pauses_a_moment(token: Token) -> bool:
    """A person who pauses or halts with nothing paused ("he paused to make a point", "the
    president paused and looked at the crowd"): a moment in what they do. A suspension halts
    something: an activity as its object or its subject ("paused its attacks", "the talks
    halted")."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        return False
    return any(c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in PERSONAL
                                      or c.lemma_.lower() in PEOPLE | TITLES)
               for c in token.children)


#: A short title in quotation marks: "on NBC's “Meet the Press”", "the film “Fight Club”".
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{1,60})[”\"]")
#: Words a title leaves in lower case.
_TITLE_SMALL = frozenset({"the", "of", "a", "an", "and", "in", "on", "for", "to", "with", "at",
                          "by", "or", "from"})


def in_a_title(token: Token) -> bool:
    """Whether a capitalised word stands inside a title in quotation marks (a show, a film, a
    book: "on NBC's “Meet the Press”"): of at most six words, every one capitalised but the
    small ones. A name, no act."""
    if not token.is_title or token.is_sent_start:
        return False
    text = text_of(token.doc)
    start = max(0, token.idx - 60)
    for match in _QUOTED.finditer(text, start, min(len(text), token.idx + 60)):
        if match.start(1) <= token.idx < match.end(1):
            words = match.group(1).split()
            return len(words) <= 6 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL
                                           for w in words)
    return False
