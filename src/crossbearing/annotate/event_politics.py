"""Trigger senses of political reporting: what candidates, parties and legislatures do with words
and procedure, told in the words of force and protest.

- A named person, a campaign, a party or a candidate attacking, hitting or targeting a named
  person ("the National Republican Senatorial Committee targeted Sen. Charles Schumer"), "he" or
  "she" doing so over a saying or an idea ("hammered Mitt Romney over his comment"), an attack
  made with a saying ("hit back with a television commercial"), and a person's attacks on a
  named person ("his attacks on Obama", "a disdainful attack on Paul Ryan") are words: PLOVER
  ACCUSE, not ASSAULT. Never with a word of bodily harm, weapons, war or crime in the sentence,
  nor when it is done with anything but a saying, nor by a named organisation (an armed group
  is one) or against anyone but a named person ("attacked his wife" may be a crime).
- A rally where a named person or a candidate speaks ("Trump said during a rally in
  Kenansville", "Speaking at a rally in Novi, Trump says") is a campaign event, the setting of
  what they say, not a protest, unless the sentence tells of a protest ("a rally against the
  war", "striking workers").
- "Beat" a state, a party or a team, a rival, or in a race, a vote or by a margin, and "beat"
  anyone as a hope or a forecast ("I'd like to beat him straight up", "Gadhafi is going to beat
  the United States"), is defeating, no beating; "beat up" and a beating told as done stay.
- "Block" by protesters, farmers or a crowd is a protest; by a government, a court, a
  legislature or a state's forces it is procedure or force of state ("senators blocked the
  bill", "Hungary blocked Sweden from joining"); otherwise it is a protest only of a way, a
  building or a place ("blocked roads in the capital", "blocked the Europe Bridge"; ACLED codes
  a blockade as a protest).

docs/events.md has the rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crossbearing.annotate.event_phrases import PARTIES, PROTESTERS
from crossbearing.annotate.event_senses import CRITICISING, an_abstraction

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs of attacking that a person aims at a person in words as often as with force.
WORDED_ATTACKS = CRITICISING | {"target"}
#: Nouns of attacking that are words when a person's and aimed at a named person.
ATTACK_NOUNS = frozenset({"attack", "assault"})
#: People by their part in public talk, whom a person attacks in words ("his attacks on
#: moderators", "her attacks on the media"): with no harm told, words.
CRITICISED = frozenset({"moderator", "journalist", "reporter", "media", "medium", "press",
                        "critic", "opponent", "rival", "pundit", "judge", "network",
                        "newspaper", "commentator", "columnist", "establishment", "elite"})
#: Modifiers that make an attack one of words ("a personal attack", "a scathing attack").
WORDED = frozenset({"verbal", "rhetorical", "personal", "political", "partisan", "scathing",
                    "blistering", "withering", "stinging", "disdainful", "sharp", "harsh"})
#: Words of bodily harm, weapons, war and crime: with one in the sentence, an attack on a
#: person is told as force.
HARM_WORDS = frozenset({
    "kill", "murder", "wound", "injure", "injury", "hurt", "shoot", "shot", "stab", "beat",
    "punch", "kick", "hospital", "dead", "death", "die", "weapon", "gun", "knife", "bomb",
    "blood", "police", "arrest", "victim", "assailant", "attacker", "suspect", "rape",
    "bodyguard", "guard", "injured", "wounded", "hammer", "face", "airstrike", "strike", "drone",
    "missile", "rocket", "acid", "intruder", "assassinate", "assassination", "jail", "prison",
    "convict", "sexual", "physical", "violent", "violence", "terror", "terrorist", "armed",
    "militant", "soldier", "troop", "force", "army", "military", "raid", "ambush"})
#: Means of an attack that are sayings: "hit back with a television commercial".
SAYINGS = frozenset({"ad", "advert", "advertisement", "commercial", "statement", "tweet",
                     "speech", "remark", "comment", "op-ed", "message", "broadside",
                     "interview", "mailer"})
#: Subjects of a saying that stand for the speaker of the sentence before: they say what they
#: attack with, or over what ("he hammered Romney over his comment").
PRONOUNS = frozenset({"he", "she"})
#: People by their part in a campaign, and the bodies that campaign.
CANDIDATES = frozenset({"candidate", "nominee", "republican", "democrat", "president",
                        "senator", "governor", "congressman", "congresswoman", "mayor",
                        "challenger", "incumbent", "rival", "opponent", "contender"})
CAMPAIGNERS = CANDIDATES | frozenset({"campaign", "committee", "party"})
#: Verbs of saying: what a candidate does at a rally of their own.
SAYING_VERBS = frozenset({"say", "tell", "speak", "add", "claim", "argue", "question", "ask",
                          "promise", "vow", "pledge", "insist", "declare", "announce", "urge",
                          "encourage", "joke", "mock", "boast", "predict", "warn", "call",
                          "describe", "accuse", "attack", "blast", "note", "suggest", "praise",
                          "criticize", "criticise", "repeat", "recall"})
#: Words of a protest in the sentence: a rally of protesters or strikers is a protest whoever
#: speaks at it.
PROTEST_WORDS = PROTESTERS | frozenset({"protest", "demonstration", "striking", "strike",
                                        "striker", "march", "against"})
#: Who blocks in a protest, and who blocks by procedure or by force of state.
BLOCKERS = PROTESTERS | frozenset({"farmer", "worker", "trucker", "driver", "student", "crowd",
                                   "people", "supporter", "resident", "villager", "striker",
                                   "union", "thousand", "hundred", "dozen", "youth",
                                   "fisherman", "miner", "taxi"})
AUTHORITIES = frozenset({"government", "court", "judge", "senate", "senator", "congress",
                         "parliament", "lawmaker", "legislator", "party", "administration",
                         "republican", "democrat", "minister", "ministry", "regulator",
                         "committee", "council", "state", "president", "official", "navy",
                         "warship", "army", "military", "force", "police", "troop"})
#: What a protest blocks: ways, crossings, their traffic, and the buildings it besieges.
WAYS = frozenset({"road", "street", "highway", "motorway", "freeway", "bridge", "entrance",
                  "exit", "traffic", "transport", "route", "railway", "rail", "track", "port",
                  "harbour", "harbor", "border", "crossing", "junction", "intersection", "gate",
                  "square", "runway", "airport", "tunnel", "lane", "path", "checkpoint",
                  "avenue", "boulevard", "thoroughfare", "artery", "pass", "way", "station",
                  "building", "centre", "center", "door", "train", "depot", "office",
                  "headquarters", "refinery", "terminal", "site", "mine", "plant", "factory"})
WAY_LABELS = frozenset({"LOC", "FAC"})


def appeals_for(token: Token) -> bool:
    """Whether "appeal" asks for something: "for" what ("appealed for calm"), an act asked of
    someone ("appealed to the rebels to lay down their arms", "an appeal to the government to
    release the prisoners") or a clause ("appealed that the court reconsider"). Without one it
    is a draw ("an appeal to evangelical voters", "Trump's anti-establishment appeal") or a
    legal appeal ("appealed the ruling", "filed an appeal"): no demand (PLOVER REQUEST is a
    request of some act)."""
    def asked(word: Token) -> bool:
        return any(c.dep_ == "prep" and c.lower_ == "for" or c.dep_ == "ccomp"
                   or c.dep_ in ("xcomp", "advcl", "acl") and c.pos_ in ("VERB", "AUX")
                   and c.i > token.i for c in word.children)

    # "made an appeal to the rebels on Monday to lay down their arms": the light verb's
    return asked(token) or token.dep_ == "dobj" and asked(token.head)


def attacks_in_words(token: Token) -> bool:
    """Whether a verb of :data:`WORDED_ATTACKS` is words: a campaign, a party or a candidate
    attacking a named person; a named person, "he" or "she" doing so over or for a saying or an
    idea ("hammered Mitt Romney over his comment"; "John Smith attacked Peter Novak outside a
    bar" may be a crime); any of them doing it with a saying or in one ("hit back with a
    television commercial", "attacked Machado in early-morning tweets"); in each case with no :data:`HARM_WORDS` in the sentence
    and nothing else it is done "with" ("with a hammer"). Named organisations are left out (an
    armed group is one), and so are objects that are no named person ("his wife", "her")."""
    if _harm_told(token):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects or not all(_speaker(s) or s.lower_ in PRONOUNS for s in subjects):
        return False
    means = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
             for o in p.children if o.dep_ == "pobj"]
    if means:
        return all(o.lemma_.lower() in SAYINGS for o in means)
    if any(_a_saying(o) for p in token.children if p.dep_ == "prep" and p.lower_ in (
            "in", "during") for o in p.children if o.dep_ == "pobj"):
        return True  # "attacked Machado in early-morning tweets", "in a speech on Monday"
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]
    if not objects or not all(o.ent_type_ == "PERSON" for o in objects):
        return False
    return all(_campaigner(s) for s in subjects) or _over_words(token)


#: Nouns of a run of sayings ("a series of tweets", "a barrage of ads").
RUNS = frozenset({"series", "string", "barrage", "flurry", "volley", "stream", "spate"})


def _a_saying(noun: Token) -> bool:
    """Whether a noun names sayings, or a run of them ("tweets", "a series of tweets")."""
    if noun.lemma_.lower() in SAYINGS:
        return True
    return noun.lemma_.lower() in RUNS and any(
        o.lemma_.lower() in SAYINGS for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj")


def attack_on_a_person(token: Token) -> bool:
    """Whether a noun of :data:`ATTACK_NOUNS` is words, with no :data:`HARM_WORDS` in the
    sentence: a party's ("undermine Republican attacks"), or
    aimed "on" or "against" a named person or people a campaign criticises (:data:`CRITICISED`:
    "his attacks on moderators") and a person's ("his attacks on Obama", "Trump's attack on
    McCain") or of words by its modifier ("a disdainful attack on Paul Ryan", "a personal
    attack"); and, whatever the sentence tells, one of what a saying holds
    (:func:`_part_of_a_saying`). "The attack on Salman Rushdie" stays one."""
    if _part_of_a_saying(token):
        return True
    if _harm_told(token):
        return False
    if _of_a_party(token):
        return True
    targets = [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
               for o in p.children if o.dep_ == "pobj"]
    if not targets or not all(t.ent_type_ == "PERSON" or t.lemma_.lower() in CRITICISED
                              for t in targets):
        return False
    return any(c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.lower_ in ("his", "her"))
               or c.dep_ == "amod" and c.lemma_.lower() in WORDED for c in token.children)


def _of_a_party(token: Token) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lower_ in PARTIES for c in token.lefts)


def _part_of_a_saying(token: Token) -> bool:
    """Whether an attack is one of the things a saying holds: it hangs, through "including" or
    "with", on a noun of :data:`SAYINGS` ("remarks viewed as disparaging toward the military,
    including an attack on McCain", "an ad with attacks on Clinton"), whatever else the
    sentence tells."""
    prep = token.head
    if token.dep_ == "conj":
        prep = token.head.head  # "including praise for Putin and an attack on McCain"
    return (prep.dep_ == "prep" and prep.lower_ in ("including", "with")
            and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in SAYINGS)


def campaign_rally(token: Token) -> bool:
    """Whether a "rally" is a candidate's campaign event, not a protest: one a person holds
    ("Mrs. Clinton has held rallies before largely black crowds"), a person's or a campaign's
    ("a Trump rally", "Clinton's rally", "a campaign rally"). A rally against, over or in
    protest of something, or one people stage for a cause, stays a protest (ACLED). Also one
    where a named person speaks (:func:`_setting_of_a_speech`)."""
    if any(c.dep_ == "prep" and c.lower_ in ("against", "over", "to") for c in token.children):
        return False
    owners = [c for c in token.children if c.dep_ in ("poss", "compound")]
    if any(o.ent_type_ == "PERSON" or o.lemma_.lower() in ("campaign", "election", "reelection")
           for o in owners):
        return True
    verb = token.head if token.dep_ == "dobj" else None
    if verb is not None and verb.lemma_.lower() in ("hold", "host", "headline", "stage") and any(
            c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.children):
        return True
    return _setting_of_a_speech(token)


def _setting_of_a_speech(token: Token) -> bool:
    """Whether a "rally" is where a named person or a candidate speaks: the object of "at" or
    "during" on a verb of saying (or on the verb its clause hangs on: "Speaking at a rally …,
    Trump says"), in a sentence with no word of protest ("a rally against the war", "striking
    workers at a rally") — those stay protests whoever speaks."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("at", "during"):
        return False
    if any(t.lemma_.lower() in PROTEST_WORDS or t.lower_ in PROTEST_WORDS for t in token.sent):
        return False
    verb, said = prep.head, False
    while verb.pos_ in ("VERB", "AUX"):
        said = said or verb.lemma_.lower() in SAYING_VERBS
        if any(c.dep_ == "nsubj" for c in verb.children) or verb.dep_ not in (
                "advcl", "xcomp", "conj"):
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    said = said or verb.lemma_.lower() in SAYING_VERBS
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return said and bool(subjects) and all(
        s.ent_type_ == "PERSON" or s.lower_ in PRONOUNS or s.lemma_.lower() in CANDIDATES
        for s in subjects)


def blocks_no_way(token: Token) -> bool:
    """Whether "block" is procedure or state force, not a protest (see the module notes): done
    by a state, a court, a legislature or its members or forces (:data:`AUTHORITIES`, or a
    named state or organisation), or, when neither they nor protesters (:data:`BLOCKERS`) do
    it, to something that is no way, building or place (:data:`WAYS`: "blocked any
    discussion", "the bill failed, blocked by senators")."""
    doers = [c for c in token.children if c.dep_ == "nsubj"] + [
        o for a in token.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if any(d.lemma_.lower() in BLOCKERS or d.ent_type_ == "NORP" and d.tag_ == "NNPS"
           for d in doers):
        return False
    if any(d.lemma_.lower() in AUTHORITIES or d.ent_type_ in ("GPE", "ORG") for d in doers):
        return True
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
    return noun.ent_type_ in WAY_LABELS or noun.lemma_.lower() in WAYS or any(
        c.dep_ == "compound" and c.lemma_.lower() in WAYS for c in noun.children)


def _speaker(subject: Token) -> bool:
    """A named person, or a campaign, a party or a candidate (:func:`_campaigner`)."""
    return subject.ent_type_ == "PERSON" or _campaigner(subject)


def _campaigner(subject: Token) -> bool:
    """A campaign, a party or a candidate ("the Clinton campaign", "the National Republican
    Senatorial Committee", "Republicans")."""
    lemma = subject.lemma_.lower()
    return lemma in CAMPAIGNERS or lemma.removesuffix("s") in CAMPAIGNERS


def _over_words(token: Token) -> bool:
    """Whether an attack is told "over", "for", "about" or "on" a saying or an idea ("hit Trump
    hard on his business record")."""
    return any(p.dep_ == "prep" and p.lower_ in ("over", "for", "about", "on") and any(
        o.dep_ == "pobj" and (o.lemma_.lower() in SAYINGS or an_abstraction(o))
        for o in p.children) for p in token.children)


def _harm_told(token: Token) -> bool:
    """Whether a word of :data:`HARM_WORDS` other than the trigger is in its sentence."""
    return any(t.lemma_.lower() in HARM_WORDS or t.lower_ in HARM_WORDS
               for t in token.sent if t.i != token.i)


#: What a political contest is for: "the battle for the nomination", "a fight for the
#: chairmanship".
OFFICES = frozenset({"nomination", "leadership", "chairmanship", "presidency",
                     "majority", "seat", "vote", "votes", "speakership", "candidacy"})
#: Bodies whose control is contested in votes, not in arms ("the battle for control of the
#: Senate"); control of a place is fought for ("the battle for control of Mosul").
BODIES = frozenset({"party", "committee", "chamber", "house", "senate", "congress", "board",
                    "council", "parliament", "assembly", "legislature", "caucus", "union",
                    "company", "network"})


def contest_for_office(token: Token) -> bool:
    """A battle, fight or war "for" an office or the control of a body ("the battle for control
    of the Republican National Committee", "a bruising fight for the nomination"): a political
    contest, no fighting. The control of a place stays fighting ("the battle for control of
    Mosul")."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"):
        for aim in (g for g in prep.children if g.dep_ == "pobj"):
            if aim.lemma_.lower() in OFFICES:
                return True
            if aim.lemma_.lower() != "control":
                continue
            held = [g for p in aim.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
            if held and all(g.ent_type_ == "ORG" or g.lemma_.lower() in BODIES for g in held):
                return True
    return False


def sworn_in(token: Token) -> bool:
    """"Sworn in" takes an office ("the new Congress is sworn in next month", "swore in the
    ministers"): no vow. The parser may read the particle of a passive as a preposition ("is
    sworn in next month"); "swore in a statement to avenge him" is a vow."""
    if any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children):
        return True
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return passive and following is not None and following.lower_ == "in"


#: Contests and margins a rival is beaten in or by: "beat Clinton in Michigan's primary".
CONTESTS = frozenset({"election", "primary", "race", "poll", "vote", "contest", "caucus",
                      "runoff", "ballot", "match", "game", "final", "point", "seat", "percent",
                      "margin", "district", "state", "debate", "nomination"})
#: Modals before a verb that make it a hope or a forecast ("can beat", "I'd like to beat").
HOPED = frozenset({"would", "'d", "will", "'ll", "can", "could", "might", "may", "should",
                   "must", "gonna"})
#: Verbs of hoping and expecting that an infinitive "to beat" hangs on ("is going to beat").
HOPING = frozenset({"like", "love", "want", "hope", "expect", "go", "plan", "intend", "able"})


def no_political_event(token: Token, lemma: str) -> bool:
    """Whether a verb of force or of vowing is politics here: an office taken or a rival
    defeated (the rules of :func:`sworn_in` and :func:`beats_a_rival`)."""
    if lemma == "swear":
        return sworn_in(token)
    return lemma == "beat" and beats_a_rival(token)


def beats_a_rival(token: Token) -> bool:
    """"Beat" as defeating: a state, a party, a team or a rival beaten ("beat the United
    States", "beat the incumbent"), beaten in a race or by a margin ("beat Clinton in the
    primary", "beat him by six points"), or anyone beaten in a hope or a forecast ("I'd like to
    beat him", "is going to beat the United States"). "Beat up", a beating told as done
    ("police beat the protesters") and a beating to death stay."""
    children = list(token.children)
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in children):
        return False
    objects = [c for c in children if c.dep_ in ("dobj", "dative", "nsubjpass")]
    if any(o.ent_type_ in ("GPE", "ORG", "NORP") or o.lemma_.lower() in CANDIDATES
           or o.lemma_.lower() in BODIES for o in objects):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("in", "by") and any(
            g.lemma_.lower() in CONTESTS for g in c.subtree) for c in children):
        return True
    hoped = token.dep_ == "xcomp" and token.head.lemma_.lower() in HOPING or any(
        c.dep_ == "aux" and c.lower_ in HOPED for c in children)
    return bool(objects) and hoped
