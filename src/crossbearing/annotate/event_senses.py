"""Senses of trigger words that their complements decide: striking an amount or a thing
reached ("hit $1.1 billion", "struck a deal") is no attack, attacking someone for their conduct
is an accusation, pushing someone to act is a request, a warning told of no one who could act is
a caution, "demanded" after a quoted question asks, seizing a place is no arrest, defending a
thing is no support, a strike of workers is a protest, and a thing cannot act ("the program
allows foreign investors …"). docs/events.md has the rules."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from crossbearing.annotate.event_phrases import ARMED, PARTIES, PEOPLE
from crossbearing.knowledge import files

if TYPE_CHECKING:
    from spacy.tokens import Token

#: What is withheld to punish when aid, trade or money is stopped or cut (PLOVER SANCTION:
#: "halted economic aid", "suspended arms sales", "froze assets"), not a retreat of forces.
WITHHELD = frozenset({"aid", "assistance", "funding", "fund", "loan", "credit", "sale", "trade",
                      "export", "import", "shipment", "delivery", "asset", "investment",
                      "payment", "grant", "subsidy", "flight", "supply", "visa"})
#: Penalties imposed on a state or a firm: imposing them is a sanction, not an arrest.
PENALTIES = frozenset({"sanction", "embargo", "tariff", "restriction", "penalty", "fine",
                       "boycott", "blockade"})
#: Things argued for, not actors supported: "defended the photo / the decision / his budget".
DEFENDED_THINGS = frozenset({"photo", "picture", "image", "decision", "budget", "policy",
                             "remark", "comment", "statement", "record", "choice", "vote",
                             "position", "plan", "proposal", "move", "article", "story",
                             "report", "ad", "tweet", "claim", "approach", "stance", "ruling"})
#: What people without arms battle "over": a dispute ("battled over the issue of language").
DISPUTED = frozenset({"issue", "question", "matter", "policy", "plan", "bill", "law", "budget",
                      "language", "wording", "rule", "funding", "spending", "tax", "money",
                      "name", "definition", "direction", "future", "nomination", "seat"})
#: Places one defends with force, not with words: "the borders were being defended".
DEFENDED_PLACES = frozenset({"border", "territory", "homeland", "frontier", "perimeter",
                             "airspace", "coast", "coastline"})
#: Things and places defended by argument or by force: either way, no support of a party.
DEFENDED = DEFENDED_THINGS | DEFENDED_PLACES
#: Verbs of attacking that are words when told with the conduct they answer (see for_conduct).
CRITICISING = frozenset({"attack", "hit", "slam", "blast", "hammer", "bash", "assail"})
#: Nouns of time after "for": "attacked the base for two hours", "for the third time".
TIME_WORDS = frozenset({"hour", "day", "week", "month", "year", "minute", "time", "night",
                        "while", "decade"})
#: Verbs of striking whose sense is set by what they strike (see strikes_no_one).
STRIKING = frozenset({"strike", "hit", "fire", "target", "attack", "shoot", "bombard", "blast"})
#: Things struck, hit or fired that are no one harmed: amounts, levels, deals, tones, words.
STRUCK_THINGS = frozenset({
    "deal", "bargain", "agreement", "compromise", "accord", "pact", "balance", "tone", "note",
    "chord", "pose", "record", "high", "low", "peak", "mark", "milestone", "level", "jackpot",
    "snag", "nerve", "stride", "question", "figure", "total", "threshold", "shelf", "airwaves"})
#: What a reporter asks an office for: "a request for comment", "for an interview".
REPORTERS_ASK = frozenset({"comment", "interview", "response", "reaction", "statement"})
#: Subjects of "striking" as an adjective: "what is striking", "it is striking that".
REMARKED = frozenset({"what", "it", "this", "that", "which"})
#: What one "hits" by appearing there or doing it ("hit the stage", "hit the campaign trail",
#: "hit the headlines", "hit the reset button"); attacking or striking a stage stays violence.
HIT_ARENAS = frozenset({"stage", "trail", "headline", "reset", "button"})
#: Named-entity labels of amounts: "donations hit $1.1 billion", "hit 50 percent".
AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
#: What "meets" without a meeting: "make ends meet", "meet the standard", "meet demand".
MET_THINGS = frozenset({"end", "standard", "demand", "need", "requirement", "criterion",
                        "deadline", "target", "goal", "expectation", "threshold", "obligation"})
#: Words of work and workers that make a "strike" in their sentence a stoppage of work.
STRIKERS = frozenset({"worker", "union", "employee", "staff", "walkout", "stoppage", "wage",
                      "salary", "pay", "picket", "teacher", "nurse", "miner", "docker",
                      "trucker", "labour", "labor"})
#: Means of attack that make a "strike" an attack whatever its sentence says of work.
STRIKE_MEANS = frozenset({"air", "drone", "missile", "rocket", "military", "artillery",
                          "precision", "retaliatory", "us", "israeli", "russian"})
#: Verbs whose subject "strike" harms: an attack.
HARMING = frozenset({"hit", "kill", "destroy", "target", "wound", "injure", "damage", "level"})
#: Entity types and nouns of people who can pin an act on someone (and the entity types of an
#: event's actor).
AGENT_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Tags of the relative pronouns "which", "that" and "who".
RELATIVE_TAGS = frozenset({"WDT", "WP"})
AGENT_NOUNS = frozenset({"official", "officer", "police", "investigator", "prosecutor",
                         "authority", "government", "ministry", "spokesman", "spokeswoman",
                         "spokesperson", "military", "army", "intelligence", "analyst", "expert",
                         "source", "minister", "president", "leader", "group", "they", "he",
                         "she", "we", "lawmaker", "legislator", "senator", "congressman",
                         "parliament", "council", "committee", "party", "union", "court",
                         "judge", "mayor", "governor", "diplomat", "envoy"})
#: People by kind or by office: who can act, ask or warn.
ACTING_PEOPLE = AGENT_NOUNS | PEOPLE
#: What withdraws in a retreat: forces and envoys ("withdrew its troops", "the ambassador
#: was withdrawn"); anything else withdrawn is taken back ("withdrew the offer").
FORCES = frozenset({"troop", "force", "soldier", "unit", "army", "personnel", "fighter",
                    "militia", "brigade", "battalion", "division", "convoy", "ambassador",
                    "envoy", "diplomat", "mission", "staff", "embassy", "contingent",
                    "peacekeeper", "observer", "monitor", "police", "tank", "ship", "warship"})


def to_infinitive(verb: Token) -> bool:
    """Whether a verb is an infinitive with "to" ("to strike", "vowed to retaliate")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)

#: Who speaks in print or on air: their attack told with a saying is words.
MEDIA = frozenset({"newspaper", "paper", "editorial", "column", "columnist", "magazine",
                   "network", "channel", "outlet", "board", "ad", "advertisement", "commentator",
                   "pundit", "host", "blog", "blogger", "website", "tabloid"})
#: Participles of saying that tell an attack was made in words ("attacked Trump, saying …").
SAYING_WHILE = frozenset({"say", "argue", "write", "claim", "accuse", "charge", "declare",
                          "complain", "call", "insist", "note", "describe", "brand"})


def for_conduct(token: Token) -> bool:
    """Whether a verb of attacking is told with the conduct it answers or the label it gives
    ("attacked the president for declining to …", "slammed Kaine for his work defending …",
    "attacked her opponent as a fraud"), or, by a person named or a medium, on a person or a
    group, with what was said ("the newspaper attacked Trump, saying he has offended …"):
    words, not force (PLOVER ACCUSE). Not "for two hours" or "for the third
    time", which time the act."""
    if any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in SAYING_WHILE
           for c in token.children) and any(
            c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in MEDIA)
            for c in token.children) and any(
            c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "ORG", "NORP") or c.tag_ == "PRP"
                                  or c.lemma_.lower() in ACTING_PEOPLE) for c in token.children):
        return True  # "the newspaper attacked the governor, saying he had insulted …"; not "a
        # mob attacked a man, claiming he had …", nor "militants attacked the base, saying …"
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "as"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pcomp" and obj.tag_ == "VBG":
                return True  # "for declining to …"
            if obj.dep_ == "pobj" and obj.ent_type_ not in ("DATE", "TIME", "CARDINAL",
                                                            "ORDINAL", "QUANTITY") and not any(
                    c.dep_ in ("nummod", "amod") and (c.tag_ == "CD" or c.ent_type_ == "ORDINAL")
                    for c in obj.children) and obj.lemma_.lower() not in TIME_WORDS:
                return True  # "for his remarks", "as a fraud"
    return False


def attacks_an_idea(token: Token) -> bool:
    """Whether a verb of attacking has only abstractions as its objects ("attacked the hateful
    ideology of radical Islam", "slammed his plan", "hammered the proposal"): words, not force
    (PLOVER ACCUSE). An object is an abstraction when its most frequent sense in WordNet is an
    idea, a saying, a quality or a state (:func:`noun_senses`' letter ``a``) and no sense is a
    material thing; a name, a person, a group, a place, an occasion ("attacked a funeral") or a
    material thing ("attacked the bridge", "the compound") is struck."""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in ARMED for c in token.children):
        return False  # "gunmen attacked …", "troops attacked …": force, whatever the object
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and not o.ent_type_ and an_abstraction(o)
                                 for o in objects)


def an_abstraction(noun: Token) -> bool:
    """Whether a noun's most frequent sense in WordNet is an idea, a saying, a quality or a
    state (:func:`noun_senses`' letter ``a``) and no sense of it is a machine or a material
    thing ("record", "plan", "comment"; not "bridge", "post")."""
    letters = noun_senses().get(noun.lemma_.lower(), "")
    if letters in ("", "-"):  # a plural that is a word of its own: "the fundamentals"
        letters = noun_senses().get(noun.lower_, letters)
    return "a" in letters and not {"i", "m"} & set(letters)


def strikes_no_one(token: Token) -> bool:
    """Whether a verb of striking has a thing no one can be harmed by being struck as its
    object: an amount ("hit $1.1 billion", "hit a record"), or what is reached or made by it
    ("struck a deal", "struck a conciliatory tone", "fired questions"), also as the noun a
    relative clause hangs on ("the deal he struck with Republicans"); or, for "hit", where one
    appears by hitting it (:data:`HIT_ARENAS`: "hit the stage"). "Striking" with no object,
    said of "what", "it" or "this" or "about" something, is remarkable ("what is striking
    about his record is the contrast"), no act."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.tag_ == "VBG" and not objects and any(
            c.dep_ == "prep" and c.lower_ == "about" or c.dep_ == "nsubj" and c.lower_ in
            REMARKED for c in token.children):
        return True
    if not objects and token.dep_ == "relcl":
        objects = [token.head]
    hit = token.lemma_.lower() == "hit"
    return any(o.tag_ == "CD" or o.ent_type_ in AMOUNTS or o.lemma_.lower() in STRUCK_THINGS
               or hit and o.lemma_.lower() in HIT_ARENAS for o in objects)


def carried_out(token: Token) -> bool:
    """Whether "execute" carries out a thing, no one killed: its object is a thing or a pronoun
    of things ("executed the plan", "flawlessly executed it"; not "executed two dissidents")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (
        c.lower_ in ("it", "this") or c.pos_ == "NOUN" and a_thing(c)
        and c.lemma_.lower() not in ACTING_PEOPLE) for c in token.children)


def objects_are_places(token: Token) -> bool:
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects)


def asks_a_question(token: Token) -> bool:
    """A verb of demanding that only tags a quoted question ("'Why isn't this proof?' Vitter
    demanded."): it has nothing demanded of its own, and the quotation before it ends in a
    question mark."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in token.children):
        return False
    before = token.doc.text[max(0, token.idx - 300):token.idx].rstrip()
    close = max(before.rfind(mark) for mark in ('"', "”", "’"))
    if close < 0 or len(before[close + 1:].split()) > 6:  # the tag follows the quotation
        return False
    return before[:close].rstrip().endswith("?")


def asks(token: Token) -> bool:
    """Whether "push" or "press" asks someone to act: someone pushed to do something ("pushing
    Washington to discuss a timeline") or pushing for something ("pushed for a ceasefire"),
    said by someone who can ask (not "strikes are pushing the government to end …", a cause);
    not "pushed the car", "forces pushed into the town"."""
    children = list(token.children)
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in RELATIVE_TAGS and token.dep_ == "relcl":
        subject = token.head  # "the government, which is pushing Washington to …"
    if subject is None and token.dep_ == "xcomp":  # "caused the government to push …"
        subject = next((c for c in token.head.children if c.dep_ == "dobj"), None)
    if subject is None or not can_act(subject):
        return False  # "US strikes are pushing the government to end …": a cause, no request
    asked = any(c.dep_ == "dobj" for c in children) and any(
        c.dep_ in ("xcomp", "advcl") and to_infinitive(c)
        for c in children)
    pushed_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in children)
    return asked or pushed_for


def can_act(subject: Token) -> bool:
    """Whether a subject is someone who can ask or warn: a name, a pronoun, people by office or
    kind ("the government", "lawmakers", "police"); not a thing or an act."""
    return (subject.ent_type_ in AGENT_ENTITIES or subject.pos_ in ("PRON", "PROPN")
            or subject.lemma_.lower() in ACTING_PEOPLE)


def workers_strike(token: Token) -> bool:
    """A strike of workers (ACLED codes it as a protest): its sentence names workers, a union or
    a stoppage of work, and no means of attack ("drone", "air") modifies it."""
    if any(c.dep_ in ("compound", "amod") and (c.lemma_.lower() in STRIKE_MEANS or c.ent_type_
                                                in ("NORP", "GPE")) for c in token.children):
        return False  # "a drone strike", "an Israeli strike"
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in HARMING:
        return False  # "a strike hit a car carrying workers"
    words = {t.lemma_.lower() for t in token.sent}
    return bool(words & STRIKERS)


#: What one commits that is a wrong done, not a pledge made ("commits suicide", "committed war
#: crimes"): PLOVER AGREE is "commit to" a course or a resource.
COMMITTED_WRONGS = frozenset({
    "suicide", "crime", "fraud", "murder", "atrocity", "act", "offence", "offense", "genocide",
    "error", "mistake", "sin", "perjury", "felony", "violation", "abuse", "massacre", "treason",
    "attack", "assault", "robbery", "theft", "adultery", "blunder", "gaffe", "foul", "misconduct",
    "infraction", "terrorism", "burglary", "rape", "misdemeanor", "misdemeanour", "homicide"})
#: What is strengthened or reinforced in a deployment (PLOVER MOBILIZE): forces and the places
#: they hold; "strengthen Social Security" mobilises nothing.
REINFORCED = FORCES | frozenset({"position", "defense", "defence", "presence", "border",
                                 "garrison", "base", "outpost", "checkpoint", "front",
                                 "military", "navy", "fleet", "deployment", "reservist",
                                 "reserve", "conscript", "recruit"})
#: Doers that harm only in a figure of speech: "struck by radical Islamic terrorism",
#: "environmental changes that wiped out ancient societies" (an act of violence has a person,
#: a group, a force or a weapon as its doer; abstract nouns in -ism and -ness are none).
ABSTRACT_DOERS = frozenset({
    "change", "recession", "crisis", "disease", "poverty", "hunger", "inflation", "hatred",
    "ideology", "economy", "market", "scandal", "controversy", "uncertainty", "globalization",
    "globalisation", "automation", "competition", "debt", "drought", "famine", "neglect",
    "corruption", "greed", "fear", "anger", "rhetoric", "politics", "complacency", "apathy",
    "ignorance", "bureaucracy", "regulation", "mismanagement", "incompetence", "obamacare"})


def relative_subject(verb: Token) -> bool:
    """Whether a verb heads a relative clause whose subject is the relative pronoun ("the AARP,
    which opposed …", "a problem that demands …"): its doer is the noun the clause describes."""
    return verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in RELATIVE_TAGS
                                        for c in verb.children)


def commits_a_wrong(token: Token) -> bool:
    """Whether "commit" is told of a wrong done ("a veteran commits suicide", "crimes committed
    by the regime"), not of a pledge ("committed to a ceasefire")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in COMMITTED_WRONGS
               for c in token.children) or (
        token.dep_ in ("acl", "relcl", "amod") and token.head.lemma_.lower() in COMMITTED_WRONGS)


def reinforces_no_force(token: Token) -> bool:
    """Whether "strengthen" or "reinforce" has an object that is no force ("strengthen Social
    Security", "reinforced the message"): no deployment."""
    things = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(things) and not any(t.lemma_.lower() in REINFORCED for t in things)


def abstract_doer(token: Token) -> bool:
    """Whether the doer of a verb of violence is an abstraction ("struck by radical Islamic
    terrorism", "the changes that wiped out ancient societies"): its subject, its passive
    agent, or the noun a relative clause or participle of it describes."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    if relative_subject(token):
        doers.append(token.head)  # "changes that wiped out …": the relative's noun
    return any(d.pos_ == "NOUN" and not d.ent_type_ and (
        d.lemma_.lower() in ABSTRACT_DOERS or d.lower_.endswith(("ism", "ness")))
        for d in doers)


#: Event types whose act a text can do for its authors: "the lawsuit alleges", "the letter
#: demanded", "the resolution rejects" (a communication or a proceeding as the doer).
SAYING_TYPES = frozenset({"statement", "threat", "accusation", "demand", "rejection"})


@functools.cache
def noun_senses() -> dict[str, str]:
    """Each noun that names no person, group or place → the letters of what else it can name
    (``i`` a vehicle, machine or weapon, ``c`` a communication, ``t`` an act, ``m`` a material
    thing, ``a`` an abstraction as its most frequent sense, ``-`` none of these):
    ``data/noun_senses.txt``, from WordNet 3.0 (``scripts/build_noun_senses.py``)."""
    table = {}
    for line in files.text("noun_senses").splitlines():
        if line and not line.startswith("#"):
            noun, letters = line.split("\t")
            table[noun] = letters
    return table


def thing_as_doer(verb: Token, event_type: str) -> bool:
    """Whether the doer of a verb of a deliberate act (not of violence: "the blast killed five"
    is an event) is a thing, which cannot act: "a visa program that allows foreign investors to
    obtain citizenship", "the deferments allowed him to complete his studies", "his tenure has
    aided the creation of a bloc", "independent analyses agree". The doer is the verb's
    subject, its passive agent, or the noun a relative clause describes; it is a thing when
    WordNet gives the noun no sense naming a person, a group or a place (:func:`noun_senses`),
    nor a vehicle, machine or weapon (worked by someone: "helicopters evacuated the wounded"),
    nor, for a saying (:data:`SAYING_TYPES`), a communication or an act (a text speaks for its
    authors). A noun WordNet lacks, a name, a personal pronoun and a word of people may act;
    a demonstrative "this" or "that" is a situation ("This led to losses and allowed …")."""
    doers = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    if relative_subject(verb):
        doers.append(verb.head)  # "a program that allows …": the relative's noun
    if not doers and verb.dep_ == "conj":  # "This led to losses and allowed ISIL to …"
        doers = [c for c in verb.head.children if c.dep_ == "nsubj" and c.tag_ not in
                 RELATIVE_TAGS]
    return bool(doers) and all(_a_thing(d, event_type in SAYING_TYPES) for d in doers)


#: Bodies of people WordNet files as acts: "the Trump campaign agreed to a second debate".
ACTING_BODIES = frozenset({"campaign", "presidency"})
#: Nouns that may act whatever WordNet says of them.
MAY_ACT = ACTING_PEOPLE | ACTING_BODIES


#: Named entities of kinds no one is: a law, a sum, a share, a measure, a date or a time
#: (a count, "the two", may stand for people).
THING_NAMES = frozenset({"LAW", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME"})


def a_thing(noun: Token) -> bool:
    """Whether a noun names a thing no one is (:func:`thing_as_doer`'s test): a name of a law,
    a sum, a date (:data:`THING_NAMES`), or no name, no word of people, and no sense of a
    person, a group, a place or a worked machine in WordNet."""
    return _a_thing(noun, saying=False)


def _a_thing(noun: Token, saying: bool) -> bool:
    if noun.lower_ in ("this", "that") and noun.tag_ == "DT" and noun.dep_ in (
            "nsubj", "nsubjpass"):
        return True  # "this led to drastic losses and allowed ISIL to …": a situation
    if noun.ent_type_ in THING_NAMES:
        return True  # "criticized the Affordable Care Act", "announced $15 million"
    if noun.pos_ != "NOUN" or noun.ent_type_ or noun.lemma_.lower() in MAY_ACT:
        return False
    if noun.is_title and not noun.is_sent_start:
        return False  # a capitalised word inside a sentence: a name ("Trump urges supporters")
    if any(c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ == "of" and any(
            not _a_thing(g, saying) for g in c.children if g.dep_ == "pobj")
            for c in noun.children):
        return False  # "a majority of them", "his counterpart, Sen. Bob Menendez"
    letters = noun_senses().get(noun.lemma_.lower())
    if letters is None or "i" in letters:
        return False
    return not (saying and ("c" in letters or "t" in letters))


def met_with_a_reaction(token: Token) -> bool:
    """Whether "met" is the passive of a reaction ("was met with applause", "is being met with
    outrage", "the plan was met with skepticism"): what something drew, no meeting."""
    children = list(token.children)
    return any(c.dep_ == "auxpass" for c in children) and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in children)


#: What a demand by no one is made by: "a problem that demands a bipartisan response", "the
#: situation demands action" (a need, not a PLOVER REQUEST).
DEMANDING_THINGS = frozenset({
    "problem", "situation", "issue", "crisis", "moment", "case", "challenge", "circumstance",
    "occasion", "law", "rule", "constitution", "job", "task", "role", "position", "emergency",
    "reality", "complexity", "scale", "nature", "gravity", "seriousness", "urgency", "times"})


def need_not_demand(token: Token) -> bool:
    """Whether "demand" or "require" has a thing as its doer ("a problem that demands a
    response"): a need, no one's demand."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    if relative_subject(token):
        doers.append(token.head)
    return any(d.lemma_.lower() in DEMANDING_THINGS for d in doers)


def seizes_upon(token: Token) -> bool:
    """Whether "seize" is "seize on/upon" (take up a remark, an opening): no one is seized."""
    return any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon") for c in token.children)


def fights_for_a_cause(token: Token, causes: frozenset[str]) -> bool:
    """Whether "fight" is a struggle, not fighting: for an aim, by people who bear no arms
    ("the companies are fighting to protect their business"; "rebels fighting to topple his
    government" fight), against a policy's target ("tools to fight terrorism"), or, by people
    who bear no arms, against a thing that cannot fight back (:func:`thing_as_doer`'s nouns:
    "battled through a bout of pneumonia", "fought the blaze for hours"; "fought the tanks" and
    "troops battled through the tunnels" are fighting). A party bears no arms (:data:`PARTIES`)."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ in ("acl", "relcl"):
        doers.append(token.head)
    doers += [c for d in doers for c in d.children if c.dep_ == "conj"]
    armed = any(d.lemma_.lower() in ARMED or d.ent_type_ in ("ORG", "NORP")
                and d.lemma_.lower().removesuffix("s") not in PARTIES for d in doers)
    aim = any(c.dep_ in ("xcomp", "advcl") and to_infinitive(c) for c in token.children)
    if (aim and not armed) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in causes for c in token.children):
        return True
    if armed:
        return False  # "government troops battled through the tunnels"
    if over_a_question(token, a_thing):
        return True  # "battled with the board over the issue of language": a dispute
    opponents = [c for c in token.children if c.dep_ == "dobj"] + [
        g for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "through")
        for g in c.children if g.dep_ == "pobj"]
    # "battled through a bout of pneumonia", "fought the blaze": no one fights back
    return bool(opponents) and all(a_thing(o) for o in opponents)


#: Words that open a clause of a question disputed ("over what to do", "over whether to …").
QUESTION_WORDS = frozenset({"what", "whether", "how"})


def over_a_question(token: Token, matter) -> bool:
    """Whether a fight is "over" a question ("a battle over what to do about the tax cuts",
    "over whether to …"; not "over who controls the checkpoint") or an issue (:data:`DISPUTED`,
    or a noun ``matter`` accepts)."""
    return any(c.dep_ == "prep" and c.lower_ == "over" and any(
        g.dep_ == "pcomp" and any(w.lower_ in QUESTION_WORDS for w in g.subtree)
        or g.dep_ == "pobj" and (g.lemma_.lower() in DISPUTED or matter(g))
        for g in c.children) for c in token.children)


#: Nouns of time: "called her on Friday" is when the call was made, not whom it asks.
TIME_NOUNS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "day", "night", "morning", "afternoon", "evening", "weekend",
                        "week", "month", "year", "hour", "minute", "occasion", "dawn", "dusk",
                        "daybreak", "nightfall", "sunrise", "sunset", "noon", "midnight"})


def calls_on_or_for(token: Token) -> bool:
    """A verb "call" that asks: "called on fighters to join", "called upon the government",
    "called for his resignation", and a for-to clause, "called for Akin to withdraw" (whose
    act is what is asked). "Called her on Friday" (a time) and "called him for hours" do not
    ask: a time is when a call was made."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "for", "upon"):
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if not any(a_time(g) for g in objects):  # "the plan he called for": asked too
                return True
        if child.dep_ in ("advcl", "ccomp", "xcomp") and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in child.children):
            return any(c.dep_ == "nsubj" and can_act(c) for c in token.children) or (
                token.dep_ == "relcl" and can_act(token.head))  # not "protocol called for …"
    return False


def asks_for_comment(token: Token) -> bool:
    """A request "for comment" (an interview, a response): a reporter's to an office ("did not
    respond to a request for comment"), no demand between the parties of the news."""
    return token.lemma_.lower() in ("request", "call", "inquiry") and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in REPORTERS_ASK
                                                      for g in c.children)
        or c.dep_ == "acl" and c.lemma_.lower() == "comment" for c in token.children)


def a_time(word: Token) -> bool:
    """Whether a noun names a time ("on Monday", "at dawn"), not a party or a place."""
    return word.ent_type_ in ("DATE", "TIME") or word.lemma_.lower() in TIME_NOUNS
