"""Event mentions that refer back to an event named before in their article ("the attack",
"the Wednesday strike", "that criticism"), and the named victims an "other" toll adds ("two
other officials also lost their lives in the attack"). docs/events.md has the rules."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from crossbearing.annotate.event_types import Ontology
from crossbearing.annotate.nlp import text_of
from crossbearing.kb.places import place_by_id
from crossbearing.model import EventMention, Toll

OTHER = re.compile(r"\b(other|more|another)\b", re.IGNORECASE)
#: Determiners that make a trigger refer back to an event named before: "the attack".
BACK_REFERENCE = frozenset({"the", "this", "that"})
#: Determiners that make a plural refer back to the events named before: "these strikes".
SET_REFERENCE = frozenset({"these", "those"})


def with_antecedents(found: list[EventMention], doc: Doc, onto: Ontology,
                      actor_key: Callable[[str], str]) -> list[EventMention]:
    """Link "the attack" to the event it refers back to, and add the named victims of that event
    to an "other" toll ("two other officials also lost their lives in the attack")."""
    result: list[EventMention] = []
    for mention in found:
        family = onto.type(mention.event_type).family
        antecedent = None
        if mention.antecedent is not None:  # what a saying is about: set with its mode
            result.append(mention)
            continue
        if _refers_back(doc, mention):
            antecedent = next((e for e in reversed(result) if e.mode == "asserted"
                               and (not e.aggregate or mention.aggregate)
                               and onto.type(e.event_type).family == family
                               and (family == "violent" or e.event_type == mention.event_type)
                               and _agrees(mention, e, actor_key, family, doc)),
                              None)  # "that criticism" is the criticism, not any saying
        toll = mention.fatalities
        if toll is not None and OTHER.search(_toll_words(doc, toll)):
            named = _named_victims(antecedent)
            if named:
                toll = Toll(toll.low + named, toll.high + named, toll.hedge, toll.start,
                            toll.end, toll.text, added=named)
        result.append(replace(mention, antecedent=antecedent.start if antecedent else None,
                              fatalities=toll))
    return result


def _agrees(mention: EventMention, earlier: EventMention, actor_key: Callable[[str], str],
            family: str, doc: Doc) -> bool:
    """Whether an earlier event can be what a back-reference names. A description that carries
    its own actor, date or place ("the US strike", "the Wednesday strike", "the Jordan attack",
    "the drone strike on Tower 22") picks its event out by that modifier: it refers back only
    to an event of the same actor (a state and its forces are one), given the same day, or a
    place inside the same country ("the Tower 22 attack" ... "the Jordan attack"), and
    otherwise is left to the story's merging, which compares actors, dates and places. A
    saying is picked out by its speaker, not by its time and place, which a report often gives
    once ("called on its allies ... The call, made in a statement issued Friday"): for
    verbal events only the actor counts."""
    own_actors = {actor_key(a.actor_id) for a in mention.role("actor") if a.actor_id}
    if own_actors and not own_actors & {actor_key(a.actor_id) for a in earlier.role("actor")
                                        if a.actor_id}:
        return False
    if family == "verbal":
        return True
    own, other = mention.time, earlier.time
    if own is not None and own.resolved:
        if not (other is not None and other.known and own.known) or own.apart(other):
            return False
    elif mention.time_span is not None:  # an undated report: "the Wednesday strike"
        words = text_of(doc)
        if earlier.time_span is None or (
                words[slice(*mention.time_span)].lower() != words[slice(*earlier.time_span)].lower()):
            return False
    if mention.place_id:
        if not earlier.place_id:
            return False
        if earlier.place_id != mention.place_id:
            here, there = place_by_id(mention.place_id), place_by_id(earlier.place_id)
            if here is None or there is None or here.country != there.country or (
                    here.kind != "country" and there.kind != "country"):
                return False
    return True


def _refers_back(doc: Doc, mention: EventMention) -> bool:
    """"The attack", "that criticism"; and a plural "these strikes", "those protests", which
    points back to the acts told before it (a set a report tells as one: "US airstrikes killed
    16 Iraqis ... These strikes come in the wake of …"), one or many."""
    span = doc.char_span(mention.start, mention.end)
    if span is None or span.root.pos_ != "NOUN":
        return False
    words = SET_REFERENCE if mention.aggregate else BACK_REFERENCE
    return any(c.dep_ == "det" and c.lower_ in words for c in span.root.children)


def _toll_words(doc: Doc, toll: Toll) -> str:
    """The toll's number and the words just after it ("Two other officials ...")."""
    text = text_of(doc)
    return text[toll.start:min(len(text), toll.end + 40)]


def _named_victims(antecedent: EventMention | None) -> int:
    """Named victims of the event an "other" figure refers back to: the people the figure's
    "other" sets apart ("Saadi was assassinated ... Two other officials also lost their lives in
    the attack" is three dead)."""
    if antecedent is None:
        return 0
    return len({a.canonical for a in antecedent.role("victim") if a.text[:1].isupper()})
