"""Trigger senses of political reporting: what candidates, parties and legislatures do with words
and procedure, told in the words of force and protest.

- A person attacking, hitting or targeting a named person, with nothing in the sentence that
  harms a body ("Trump has been targeting Machado", "Trump had personally attacked his wife",
  "Clinton and the campaign hit Trump hard at the Convention"), or attacks by someone on a named
  person ("responded with attacks on Machado"), are words: PLOVER ACCUSE, not ASSAULT. So is an
  attack made with a saying ("hit back with a television commercial").
- A rally where a named person speaks or acts ("Trump said during a rally in Kenansville",
  "Speaking at a rally in Novi, Trump says") is that person's campaign event, the setting of what
  they say, not a protest (a protest rally is staged by protesters against something).
- A protest blocks a way ("blocked roads in the capital", "blocked the Europe Bridge"); a bill,
  a discussion or a nomination blocked by senators or a government is procedure, no protest.

docs/events.md has the rules."""

from __future__ import annotations

from spacy.tokens import Token

from crossbearing.annotate.event_phrases import ARMED

#: Verbs of attacking that a person aims at a person in words as often as with force.
WORDED_ATTACKS = frozenset({"attack", "hit", "target", "slam", "blast", "hammer", "bash",
                            "assail", "savage", "lambaste"})
#: Nouns of attacking that are words when aimed by someone at a named person.
ATTACK_NOUNS = frozenset({"attack", "assault"})
#: Words of bodily harm, weapons and crime: with one in the sentence, an attack on a person is
#: told as force.
HARM_WORDS = frozenset({
    "kill", "murder", "wound", "injure", "injury", "hurt", "shoot", "shot", "stab", "beat",
    "punch", "kick", "hospital", "dead", "death", "die", "weapon", "gun", "knife", "bomb",
    "blood", "police", "arrest", "victim", "assailant", "attacker", "suspect", "rape",
    "bodyguard", "guard", "injured", "wounded"})
#: Relatives, who stand for a person attacked ("attacked my wife and my father").
KIN = frozenset({"wife", "husband", "father", "mother", "son", "daughter", "brother", "sister",
                 "family", "child", "children", "parent", "spouse"})
#: Means of an attack that are sayings: "hit back with a television commercial".
SAYINGS = frozenset({"ad", "advert", "advertisement", "commercial", "statement", "tweet",
                     "speech", "letter", "remark", "comment", "video", "op-ed", "column",
                     "post", "message", "broadside", "interview", "release", "email", "mailer"})
#: Pronouns that stand for a person or a body as the subject of a saying.
PERSONAL = frozenset({"he", "she", "i", "we", "they", "you", "it"})
#: People by their part in a campaign: the subject of what they say at a rally.
CANDIDATES = frozenset({"candidate", "nominee", "republican", "democrat", "president",
                        "senator", "governor", "congressman", "congresswoman", "mayor",
                        "challenger", "incumbent", "rival", "opponent", "contender"})
#: What a protest blocks: ways, crossings and their traffic.
WAYS = frozenset({"road", "street", "highway", "motorway", "freeway", "bridge", "entrance",
                  "exit", "access", "traffic", "transport", "route", "railway", "rail", "track",
                  "port", "harbour", "harbor", "border", "crossing", "junction", "intersection",
                  "gate", "square", "runway", "airport", "tunnel", "lane", "path", "checkpoint",
                  "avenue", "boulevard", "thoroughfare", "artery", "pass", "way", "station"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def attacks_in_words(token: Token) -> bool:
    """Whether a verb of :data:`WORDED_ATTACKS` is words: aimed by a person, a body or a
    pronoun at a named person or a relative with no :data:`HARM_WORDS` in the sentence, or made
    with a saying (see the module notes). Armed subjects ("gunmen attacked …") attack; an
    organisation attacked may be a building ("attacked the World Trade Center"), so only people
    count."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if any(s.lemma_.lower() in ARMED for s in subjects):
        return False
    if any(p.dep_ == "prep" and p.lower_ == "with" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in SAYINGS for o in p.children)
           for p in token.children):
        return True  # "hit back with a television commercial"
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]
    return bool(subjects) and bool(objects) and all(map(_speaker, subjects)) and all(
        map(_a_person, objects)) and not _harm_told(token)


def attack_on_a_person(token: Token) -> bool:
    """Whether a noun of :data:`ATTACK_NOUNS` is aimed "on" or "against" a named person with no
    :data:`HARM_WORDS` in the sentence ("responded with attacks on Machado", "an attack on
    Arizona Sen. John McCain"): words."""
    targets = [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
               for o in p.children if o.dep_ == "pobj"]
    return bool(targets) and all(t.ent_type_ == "PERSON" for t in targets) and \
        not _harm_told(token)


def rally_as_setting(token: Token) -> bool:
    """Whether a "rally" is where a named person speaks or acts: the object of "at" or "during"
    on a verb (or the verb its clause hangs on: "Speaking at a rally …, Trump says") whose
    subject is a named person, a personal pronoun or a candidate by office or party."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("at", "during"):
        return False
    verb = prep.head
    while verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("advcl", "xcomp", "conj") and not any(
            c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.ent_type_ == "PERSON" or s.lower_ in PERSONAL - {"it", "they"}
        or s.lemma_.lower() in CANDIDATES for s in subjects)


def blocks_no_way(token: Token) -> bool:
    """Whether "block" obstructs a measure, not a way (see the module notes): what is blocked
    (its object, its passive subject, or the subject of the clause a "blocked by …" hangs on:
    "the bill failed, blocked by senators") is neither a way (:data:`WAYS`) nor a place."""
    blocked = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if not blocked and token.dep_ == "acl":
        blocked = [token.head]
    clause = token
    while not blocked and clause.dep_ in ("advcl", "conj") and clause.head is not clause:
        clause = clause.head  # "the bill failed, blocked by …": the subject of "failed"
        blocked = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    blocked += [c for b in blocked for c in b.conjuncts]
    return bool(blocked) and not any(_a_way(b) for b in blocked)


def _a_way(noun: Token) -> bool:
    return noun.ent_type_ in PLACE_LABELS or noun.lemma_.lower() in WAYS or any(
        c.dep_ == "compound" and c.lemma_.lower() in WAYS for c in noun.children)


def _speaker(subject: Token) -> bool:
    """A subject that can attack in words: a named person or body, a personal pronoun, a
    campaign or a party ("the Clinton campaign", "Republicans")."""
    return subject.ent_type_ in ("PERSON", "ORG", "NORP") or subject.lower_ in PERSONAL or \
        subject.lemma_.lower() in CANDIDATES | {"campaign", "committee", "party"}


def _a_person(obj: Token) -> bool:
    return obj.ent_type_ == "PERSON" or obj.lemma_.lower() in KIN or obj.lower_ in ("him", "her")


def _harm_told(token: Token) -> bool:
    return any(t.lemma_.lower() in HARM_WORDS or t.lower_ in HARM_WORDS for t in token.sent)
