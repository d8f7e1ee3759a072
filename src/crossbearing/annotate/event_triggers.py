"""Finding event triggers in a parsed text and deciding what kind of event each one is.

A trigger is a verb or noun the ontology lists ("struck", "strike", "threatened"), or one of a few
phrases read from the parse ("lost their lives", "called on X to"). Triggers of violence that
the parse links ("a drone strike that killed three people", "assassinated after a drone strike
hit a vehicle") are one event: they are grouped, the most specific type wins, and the means
("drone", "rocket") around them refine a generic attack into ACLED's sub-event types.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from crossbearing.annotate.event_types import Ontology

#: Violent types from most to least specific: a group of linked triggers takes the first.
SPECIFICITY = ("suicide_bomb", "remote_explosive", "air_drone_strike", "shelling", "armed_clash",
               "abduction", "attack", "killing")
#: Types the means found around a trigger may refine.
GENERIC = frozenset({"attack", "killing", "air_drone_strike"})
#: Means that outrank others when several are found ("a suicide car bomb").
MEANS_ORDER = ("suicide_bomb", "remote_explosive", "shelling", "air_drone_strike", "armed_clash")
#: Modifiers that make "strike" a protest, not an attack.
LABOUR_STRIKE = frozenset({"hunger", "general", "labor", "labour", "worker", "workers", "sit"})
#: Parse hops within which two violent triggers of one sentence are one event.
LINK_HOPS = 3
#: Dependencies under which a trigger word only modifies another word ("the targeted commander").
MODIFIER_DEPS = frozenset({"amod", "compound"})


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
        means = _means(token, onto) if family == "violent" else set()
        found.append(Trigger(token, name, family, means))
    return found


def _type_of(token: Token, onto: Ontology) -> str | None:
    if token.dep_ in MODIFIER_DEPS or not token.is_alpha:
        return None
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        phrase = _verb_phrase(token, lemma)
        return phrase if phrase is not None else onto.verbs.get(lemma)
    if token.pos_ == "NOUN":
        for child in token.lefts:
            if child.dep_ in ("compound", "amod"):
                modifier = child.lemma_.lower()
                if lemma == "strike" and modifier in LABOUR_STRIKE:
                    return "protest"
                name = onto.compounds.get((modifier, lemma))
                if name is not None:
                    return name
        return onto.nouns.get(lemma)
    return None


def _verb_phrase(token: Token, lemma: str) -> str | None:
    """Verb phrases the word lists cannot hold: "lost their lives", "claimed the lives of",
    "called on X to" / "called for"."""
    if lemma in ("lose", "claim"):
        if any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in token.children):
            return "killing"
    if lemma == "call":
        if any(c.dep_ == "prep" and c.lower_ in ("on", "for", "upon") for c in token.children):
            return "demand"
    return None


def _means(token: Token, onto: Ontology) -> set[str]:
    """Means words in the trigger's own phrase: its modifiers, its "with"/"by"/"via" objects,
    a verb's object ("fired rockets") and a noun subject ("a drone hit")."""
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
