"""Finding event triggers in a parsed text and deciding what kind of event each one is.

A trigger is a verb or noun the ontology lists ("struck", "strike", "threatened"), or one of a few
phrases read from the parse ("lost their lives", "called on X to"). Triggers of violence that
the parse links ("a drone strike that killed three people", "assassinated after a drone strike
hit a vehicle") are one event: they are grouped, the most specific type wins, and the means
("drone", "rocket") around them refine a generic attack into ACLED's sub-event types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from crossbearing.annotate.event_agreements import no_agreement, no_agreement_made
from crossbearing.annotate.event_causes import on_computers
from crossbearing.annotate.event_support import no_support
from crossbearing.annotate.event_talks import no_talks, visits_no_one
from crossbearing.annotate.event_deaths import death_of_no_violence
from crossbearing.annotate.event_directives import demands_of_another
from crossbearing.annotate.event_figures import CAMPAIGN_TARGETS, figurative_noun, figurative_verb
from crossbearing.annotate.event_phrases import in_a_title, pauses_a_moment, phrase_type
from crossbearing.annotate.event_politics import (
    ATTACK_NOUNS,
    WORDED_ATTACKS,
    appeals_for,
    attack_on_a_person,
    attacks_in_words,
    blocks_no_way,
    campaign_rally,
    no_political_event,
)
from crossbearing.annotate.event_senses import (
    AGENT_ENTITIES,
    AGENT_NOUNS,
    CRITICISING,
    DEFENDED,
    FORCES,
    MET_THINGS,
    PENALTIES,
    RELATIVE_TAGS,
    STRIKING,
    WITHHELD,
    a_thing,
    abstract_doer,
    asks,
    asks_a_question,
    asks_for_comment,
    attacks_an_idea,
    calls_on_or_for,
    carried_out,
    commits_a_wrong,
    fights_for_a_cause,
    for_conduct,
    met_with_a_reaction,
    need_not_demand,
    objects_are_places,
    reinforces_no_force,
    relative_subject,
    seizes_upon,
    strikes_no_one,
    thing_as_doer,
    workers_strike,
)
from crossbearing.annotate.event_types import Ontology
from crossbearing.annotate.event_vows import (
    VOWING,
    cautions,
    threat_as_danger,
    threat_to_something,
    vowed_type,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Reflexive pronouns: one who defends oneself rejects what one is accused of.
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves",
                        "yourself"})
#: Violent types from most to least specific: a group of linked triggers takes the first.
SPECIFICITY = ("suicide_bomb", "remote_explosive", "air_drone_strike", "shelling", "armed_clash",
               "abduction", "attack", "killing")
#: Types the means found around a trigger may refine.
GENERIC = frozenset({"attack", "killing", "air_drone_strike"})
#: Means that outrank others when several are found ("a suicide car bomb").
MEANS_ORDER = ("suicide_bomb", "remote_explosive", "shelling", "air_drone_strike", "armed_clash")
#: Modifiers that make "strike" a protest, not an attack.
LABOUR_STRIKE = frozenset({"hunger", "general", "labor", "labour", "worker", "workers", "sit",
                           "open-ended", "indefinite", "nationwide", "warning", "teacher",
                           "doctor", "nurse", "miner", "transport", "rail"})
#: Parse hops within which two violent triggers of one sentence are one event.
LINK_HOPS = 3
#: Dependencies under which a trigger word only modifies another word ("the targeted commander").
MODIFIER_DEPS = frozenset({"amod", "compound"})
#: Verb tags of the present tense and the participle: "threatens to" and "threatening to" say
#: that something risks happening ("the war threatens to spill over"); a threat made is told
#: in the past ("threatened to strike") or with a threat noun.
RISK_TAGS = frozenset({"VBZ", "VBP", "VBG"})
#: Phrasal verbs of killing: verb and particle ("wiped out a commander", "gunned down").
KILLING_PHRASES = frozenset({("wipe", "out"), ("gun", "down"), ("mow", "down")})
#: Phrasal verbs of withdrawing forces (PLOVER RETREAT): "pulled out of", "pulled back".
RETREAT_PHRASES = frozenset({("pull", "out"), ("pull", "back")})
#: Verbs that pin an act on someone when they take "to": "linked the attack to the group",
#: "tied the bombing to Hamas" (PLOVER ACCUSE: attributing responsibility).
BLAMING_VERBS = frozenset({"link", "tie", "attribute"})
#: Verbs of giving that name aid only when aid is given (see _gives_aid).
TRANSFER_VERBS = frozenset({"give", "provide", "supply"})
AID_OBJECTS = frozenset({"aid", "assistance", "help", "money", "fund", "funding", "cash",
                         "weapon", "arm", "ammunition", "munition", "food", "supply", "medicine",
                         "fuel", "shelter", "training", "equipment", "loan", "grant", "relief",
                         "vehicle", "tank", "missile", "drone", "intelligence", "dollar", "euro",
                         "vaccine", "water", "tent", "blanket", "credit", "subsidy", "donation"})
#: Verbs of violence whose doer must be someone or something that can do violence.
VIOLENT_VERBS = frozenset({"kill", "wipe", "strike", "hit", "attack", "assault", "target",
                           "destroy", "murder", "slaughter", "massacre", "bomb", "shell"})
#: Whom or what one rallies when rallying is mobilising, not protesting.
RALLIED = frozenset({"supporter", "citizen", "voter", "base", "troop", "support", "people",
                     "party", "member", "ally", "nation", "country", "public", "colleague",
                     "follower", "backer", "donor", "activist", "team", "opinion"})
#: Views and feelings one shares with others: no cooperation.
HELD_VIEWS = frozenset({"skepticism", "scepticism", "view", "concern", "belief", "opinion",
                        "sentiment", "frustration", "worry", "fear", "hope", "vision", "goal",
                        "feeling", "doubt", "assessment", "conviction", "outrage", "anger",
                        "enthusiasm", "optimism", "pessimism", "values", "value", "interest"})
#: What is shared by posting it, no cooperation: "shared a photo of her visit".
POSTED = frozenset({"photo", "photograph", "picture", "image", "video", "clip", "post", "link",
                    "story", "tweet", "message", "meme", "screenshot", "thought", "memory"})
#: What "share" takes that makes it no cooperation: a view held, a thing posted.
NOT_SHARED_WORK = HELD_VIEWS | POSTED
#: Complements that make "demonstrate" mean "show": an object, a clause, the passive.
SHOWN_DEPS = frozenset({"dobj", "ccomp", "nsubjpass", "auxpass", "attr", "oprd"})


@dataclass
class Trigger:
    token: Token
    type: str
    family: str
    means: set[str]


def find_triggers(doc, onto: Ontology) -> list[Trigger]:
    """Every trigger in ``doc``, in text order."""
    found = []
    for token in doc:
        name = _type_of(token, onto)
        if name is None:
            continue
        family = onto.type(name).family
        if family != "violent" and token.pos_ == "VERB" and thing_as_doer(token, name):
            continue  # "a visa program that allows foreign investors …": a thing cannot act
        means = _means(token, onto) if family == "violent" else set()
        found.append(Trigger(token, name, family, means))
    return [t for t in found if not death_of_no_violence(t, found)]


def _type_of(token: Token, onto: Ontology) -> str | None:
    if token.dep_ in MODIFIER_DEPS or not token.is_alpha or _in_hyphenated_word(token) or (
            in_a_title(token)):
        return None  # "coal-fired", "on NBC's “Meet the Press”"
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        if _figurative(token, lemma) or figurative_verb(token, lemma):
            return None
        phrase = _verb_phrase(token, lemma)
        name = phrase if phrase is not None else onto.verbs.get(lemma)
        objects = [c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if name == "suspension" and set(_object_words(token)) & WITHHELD:
            return "sanction"  # "halted economic aid to Serbia": PLOVER SANCTION, no retreat
        if name == "arrest" and set(objects) & PENALTIES or name == "restriction" and (
                set(_object_words(token)) | _imposed_on(token)) & PENALTIES:
            return "sanction"  # "imposed sweeping new sanctions", "imposed some of the
            # harshest sanctions", "a penalty imposed by …"
        if lemma == "grant" and set(objects) & {"asylum", "refuge", "sanctuary"}:
            return "aid"  # CAMEO 075 "grant asylum" is PROVIDE AID: shelter, no concession
        if name == "threat" and lemma in VOWING:
            return vowed_type(token, onto)  # "vowed to stave off climate change": a promise
        if lemma == "defend" and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES
                                     for c in token.children):
            return "rejection"  # "defended himself against the charges": a denial (REJECT)
        return name
    if token.pos_ == "NOUN":
        if lemma == "call" and not _calls_for_something(token) or (
                lemma == "appeal" and not appeals_for(token)):
            return None  # a demand is a call for or to something, not a "conference call",
            # an appeal for something, not "his appeal to evangelical voters"
        if figurative_noun(token, lemma) or no_agreement_made(token) or (
                asks_for_comment(token) or lemma == "visit" and visits_no_one(token)):
            return None  # "a trade war", "a good deal of", "his visit to the bridge", "a
            # request for comment" (a reporter's)
        if lemma == "rally" and campaign_rally(token):
            return None  # "Clinton has held rallies", "Trump said at a rally": campaigning
        if lemma in ATTACK_NOUNS and on_computers(token):
            return None  # "a cyber attack on the party's servers": no violence
        if lemma in ATTACK_NOUNS and attack_on_a_person(token):
            return "accusation"  # "Trump has responded with attacks on Machado": words
        if lemma == "threat" and (threat_as_danger(token) or threat_to_something(token)):
            return None  # "is considered a threat", "Putin's threat to Europe": a danger
        for child in token.lefts:
            if child.dep_ in ("compound", "amod"):
                modifier = child.lemma_.lower()
                if lemma == "strike" and modifier in LABOUR_STRIKE:
                    return "protest"
                name = onto.compounds.get((modifier, lemma))
                if name is not None:
                    return name
        if lemma == "strike" and workers_strike(token):
            return "protest"  # "workers stopped work on the first day of an open-ended strike"
        return onto.nouns.get(lemma)
    return None


def _imposed_on(token: Token) -> set[str]:
    """The noun a participle describes, as what it acts on: "a $100 million penalty imposed by
    the bureau"."""
    return {token.head.lemma_.lower()} if token.dep_ == "acl" and token.tag_ == "VBN" else set()


def _object_words(token: Token) -> list[str]:
    """The lemmas of a verb's objects, of the words naming them ("the aid programme") and of
    what a part of them is "of" ("suspended part of a military aid programme")."""
    words = []
    for obj in (c for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
        heads = [obj] + [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"]
        for head in heads:
            words.append(head.lemma_.lower())
            words += [c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod")]
    return words


def _calls_for_something(token: Token) -> bool:
    """A noun "call" that asks: "a call for his resignation", "the call on fighters to …",
    "the call made in a statement", not a "conference call"."""
    return any(c.dep_ == "acl" or c.dep_ == "prep" and c.lower_ in ("for", "on", "to", "upon")
               for c in token.children)


def _figurative(token: Token, lemma: str) -> bool:
    """Senses of trigger verbs that name no event (also "offered a critique", "insisted that",
    "share the skepticism", "rally their supporters"): "threatens to entangle Iraq" (a risk, not a
    threat made), "this was clearly demonstrated" / "demonstrated its resolve" (shown, not a
    protest: a protest is intransitive, "thousands demonstrated in Kirkuk"), "provide details"
    (giving that is no aid), "the chance had been withdrawn" (taken back, no retreat)."""
    if lemma == "threaten":  # "threatens to entangle", "threaten civil peace": a risk
        return token.tag_ in RISK_TAGS and any(
            c.dep_ == "xcomp" or c.dep_ == "dobj" and c.ent_type_ not in AGENT_ENTITIES
            for c in token.children) or _a_thing_threatens(token)
    if lemma in ("seize", "capture") and objects_are_places(token):
        return True  # "Russia seized Crimea": territory taken, no arrest (ACLED: a transfer)
    if lemma == "seize" and seizes_upon(token):
        return True  # "Democrats seized upon Mr. Trump's appearance": a remark taken up
    if no_agreement(token, lemma) or no_talks(token, lemma) or no_support(token, lemma):
        return True  # "all agreed that", "offered condolences", "visited a bridge", "hosted
        # a cookout", "recognize the danger", "backed out" (event_agreements, _talks, _support)
    if lemma in ("fight", "combat", "battle") and fights_for_a_cause(token, CAMPAIGN_TARGETS):
        return True  # "fighting to protect their business", "tools to fight terrorism"
    if lemma in ("defend", "justify") and any(
            c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ not in AGENT_ENTITIES
            and c.pos_ != "PROPN" and c.lemma_.lower() in DEFENDED
            for c in token.children):
        return True  # "Newsweek has defended the photo": an argument; "borders defended": force
    if lemma == "defend" and any(c.dep_ == "nsubj" and c.lemma_.lower() in FORCES
                                 for c in token.children):
        return True  # "the army defended the town against the rebels": fighting, no support
    if lemma == "demand" and asks_a_question(token):
        return True  # "'Why isn't this proof?' Vitter demanded.": a question, no demand
    if lemma in STRIKING and strikes_no_one(token) or lemma == "execute" and carried_out(token):
        return True  # "struck a deal", "donations hit $1.1 billion", "executed the plan"
    if lemma == "block":  # "a bill blocked by senators": procedure; a protest blocks roads
        return blocks_no_way(token)
    if lemma == "warn":  # "the fund warned that the exit will raise questions": a caution
        return cautions(token)
    if lemma == "meet":  # "make ends meet", "the plan meets the standard": no meeting
        return any(c.dep_ in ("nsubj", "dobj") and c.lemma_.lower() in MET_THINGS
                   for c in token.children) or met_with_a_reaction(token)
    if lemma == "demonstrate":
        return any(c.dep_ in SHOWN_DEPS for c in token.children)
    if lemma in TRANSFER_VERBS:
        return not _gives_aid(token)
    if lemma == "insist":  # "insisted that no laws were broken": an assertion, no demand
        return any(c.dep_ == "ccomp" for c in token.children)
    if lemma == "share":  # "share the skepticism": a view held; "shared a photo": posted
        return any(c.dep_ == "dobj" and c.lemma_.lower() in NOT_SHARED_WORK
                   for c in token.children)
    if lemma == "rally":  # "rally their fellow citizens", "rallied support": mobilising
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in RALLIED or c.ent_type_ in (
            "PERSON", "NORP", "ORG")) for c in token.children)
    if lemma == "commit":  # "a veteran commits suicide": a wrong done, no pledge
        return commits_a_wrong(token)
    if lemma == "call":  # "has been called a charlatan": naming, no demand
        return any(c.dep_ == "oprd" for c in token.children)
    if no_political_event(token, lemma):
        return True  # "the new Congress is sworn in", "I'd like to beat him": no vow, no harm
    if lemma in ("pause", "halt") and pauses_a_moment(token):
        return True  # "he paused to make a point": a moment, nothing suspended
    if lemma in ("strengthen", "reinforce", "bolster", "mobilize", "mobilise"):
        return reinforces_no_force(token)  # "strengthen Social Security", "mobilize voters"
    if lemma in ("allow", "permit") and _lets_a_thing(token):
        return True  # "by allowing political correctness to overcome common sense": a cause
    if lemma == "appeal" and not appeals_for(token):
        return True  # "appealed the ruling", "appealed to voters": no demand
    if lemma in ("demand", "require") and need_not_demand(token):
        return True  # "a problem that demands a bipartisan response": a need
    if lemma in VIOLENT_VERBS and abstract_doer(token):
        return True  # "struck by radical Islamic terrorism": no one struck anyone
    if lemma == "withdraw":
        things = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        return bool(things) and not any(t.lemma_.lower() in FORCES for t in things) and not any(
            c.dep_ == "prep" and c.lower_ == "from" for c in token.children)
    return False


def _lets_a_thing(token: Token) -> bool:
    """Whether "allow" or "permit" lets only things do or become something ("allowing
    political correctness to overcome common sense", "the decision allowed the economy to
    recover"): a cause, no concession (PLOVER CONCEDE lets someone do something: "allowed aid
    convoys to enter", "permitted the protesters to march")."""
    let = [c for c in token.children if c.dep_ == "dobj"] + [
        g for c in token.children if c.dep_ in ("ccomp", "xcomp")
        for g in c.children if g.dep_ == "nsubj"]
    return bool(let) and all(a_thing(t) for t in let)


def _a_thing_threatens(token: Token) -> bool:
    """Whether a thing, in any tense, "threatens to" do something ("the partisan brawl
    threatened to become the focus of the race"): a risk, no threat made."""
    subjects = [c for c in token.children if c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS]
    if relative_subject(token):
        subjects = [token.head]  # "the militants that threatened to attack": the militants
    if not subjects and token.dep_ == "conj":  # "the brawl continued and threatened to …"
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and any(c.dep_ == "xcomp" for c in token.children) and all(
        a_thing(s) for s in subjects)


def _in_hyphenated_word(token: Token) -> bool:
    """Whether the word is part of a hyphenated word ("coal-fired", "war-torn", "battle-hardened"):
    an adjective or a name, not an act."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    after = (token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
             and not token.whitespace_)
    return before or after


def _gives_aid(token: Token) -> bool:
    """Whether a verb of giving gives aid (PLOVER AID: material, economic, military or
    humanitarian help): not a phrasal use ("give up", "give in"), and something of the kind
    given — aid, money, arms, food, a grant — or an amount ("25,000 tons of food")."""
    if any(c.dep_ == "prt" for c in token.children):
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    for thing in objects + [c for o in objects for c in o.conjuncts]:
        if thing.lemma_.lower() in AID_OBJECTS or thing.ent_type_ in ("MONEY", "QUANTITY"):
            return True
        if any(c.dep_ == "nummod" for c in thing.children):
            return True
    return False


def _verb_phrase(token: Token, lemma: str) -> str | None:
    """Verb phrases the word lists cannot hold: "lost their lives", "claimed the lives of",
    "called on X to" / "called for", and the verbs of ``event_phrases`` ("shot dead")."""
    if lemma in ("lose", "claim"):
        if any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in token.children):
            return "killing"
    if lemma == "call":
        if any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
            return "accusation"  # "called out the Speaker for a do-nothing Congress"
        if calls_on_or_for(token):
            return "demand"  # "called on fighters to join", "called for Akin to withdraw"
    if lemma in CRITICISING and (for_conduct(token) or attacks_an_idea(token)):
        return "accusation"  # "attacked the president for declining", "slammed his plan"
    if lemma in WORDED_ATTACKS and attacks_in_words(token):
        return "accusation"  # "Trump has been targeting Machado", "hit back with an ad"
    if lemma in ("push", "press") and asks(token) or demands_of_another(token):
        return "demand"  # "pushing Washington to discuss a timeline", "said Sudan must return"
    particles = {c.lower_ for c in token.children  # "out of" may be parsed as a preposition
                 if c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ in ("out", "back")}
    if any((lemma, p) in KILLING_PHRASES for p in particles) and any(
            c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        return "killing"  # "a strike that wiped out a militia official"
    if any((lemma, p) in RETREAT_PHRASES for p in particles):
        return "suspension"  # "Turkish forces pulled out of the camp"
    if lemma == "back" and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in (
            "down", "off", "away") for c in token.children):
        return "concession"  # "backed down": gave in, no support
    if lemma in BLAMING_VERBS and any(c.dep_ == "prep" and c.lower_ == "to"
                                      for c in token.children) and any(
            c.dep_ == "nsubj" and _agentive(c) for c in token.children):
        return "accusation"  # "officials linked the attack to Kataib Hezbollah"
    return phrase_type(token, lemma)


def _agentive(subject: Token) -> bool:
    """A subject that can blame: a named person, group or state, or people by office ("US
    officials", "police"), not a thing ("the road links the port to the capital")."""
    words = [subject] + [c for c in subject.children if c.dep_ in ("compound", "amod")]
    return any(w.ent_type_ in AGENT_ENTITIES for w in words) or \
        subject.lemma_.lower() in AGENT_NOUNS


def _means(token: Token, onto: Ontology) -> set[str]:
    """Means words in the trigger's own phrase: its modifiers, its "with"/"by"/"via" objects,
    a verb's object ("fired rockets") and a noun subject ("a drone hit"). What is dropped is
    dropped from the air ("aircraft dropped barrel bombs": an air strike, not a planted bomb)."""
    if token.lemma_.lower() == "drop":
        return {"air_drone_strike"}
    words: list[Token] = []
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod", "dobj", "nsubj", "nsubjpass"):
            words.extend(child.subtree if child.dep_ in ("compound", "amod") else [child])
            words.extend(c for c in child.children if c.dep_ in ("compound", "amod"))
        elif child.dep_ == "prep" and child.lower_ in ("with", "by", "via", "using"):
            words.extend(c for c in child.children if c.dep_ == "pobj")
    words.append(token)
    return {onto.means[w.lemma_.lower()] for w in words if w.lemma_.lower() in onto.means}


def group_triggers(triggers: list[Trigger]) -> list[list[Trigger]]:
    """Violent triggers the parse links within a sentence become one group, its main trigger
    first; every other trigger is a group of its own."""
    groups: list[list[Trigger]] = []
    for trigger in triggers:
        if trigger.family == "violent":
            for group in groups:
                main = group[0]
                if main.family == "violent" and _linked(main.token, trigger.token):
                    group.append(trigger)
                    break
            else:
                groups.append([trigger])
        else:
            groups.append([trigger])
    groups = _attach_lone_killings(groups)
    for group in groups:
        group.sort(key=lambda t: _rank(t))
    return groups


def _attach_lone_killings(groups: list[list[Trigger]]) -> list[list[Trigger]]:
    """A killing the parse left unattached ("a drone strike on January 28, which claimed the lives
    of three soldiers", the clause hung on the date) joins the one event of its sentence."""
    kept = []
    for group in groups:
        if all(t.type == "killing" for t in group):
            sentence = group[0].token.sent.start
            hosts = [g for g in groups if g is not group and g[0].family == "violent"
                     and g[0].token.sent.start == sentence
                     and not any(t.type == "killing" for t in g)]
            if len(hosts) == 1 and hosts[0][0].token.tag_ != "NNS":
                hosts[0].extend(group)
                continue
        kept.append(group)
    return kept


def _rank(trigger: Trigger) -> int:
    return SPECIFICITY.index(group_type(trigger)) if trigger.family == "violent" else 0


def group_type(trigger: Trigger) -> str:
    """The trigger's type, refined by the means found around it where the type is generic."""
    return refined_type(trigger.type, trigger.means)


def refined_type(name: str, means: set[str]) -> str:
    """A generic violent type made specific by the means found ("a drone attack" is an air/drone
    strike); other types as they are."""
    if name in GENERIC:
        for refined in MEANS_ORDER:
            if refined in means:
                return refined
    return name


def _linked(a: Token, b: Token) -> bool:
    if a.sent.start != b.sent.start:
        return False
    if (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i):
        return False  # "the Jordan attack and the over 160 attacks": two events listed
    if a.pos_ == b.pos_ == "NOUN" and (a.tag_ == "NNS") != (b.tag_ == "NNS"):
        return False  # one event and a count of many
    up_a = _ancestors(a)
    up_b = _ancestors(b)
    if b.i in up_a or a.i in up_b:
        return True
    shared = set(up_a) & set(up_b)
    return any(up_a.index(t) + up_b.index(t) + 2 <= LINK_HOPS for t in shared)


def _ancestors(token: Token) -> list[int]:
    """Indices of the token's heads, nearest first, at most LINK_HOPS of them."""
    chain = []
    while token.head.i != token.i and len(chain) < LINK_HOPS:
        token = token.head
        chain.append(token.i)
    return chain
