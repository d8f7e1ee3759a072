"""Typed event mentions in one article: what happened, who did it to whom, where, when, with what
toll and by what means, and who reports it.

Triggers and their grouping are :mod:`annotate.event_triggers`' work, actors and mode
:mod:`annotate.event_args`'. This module adds what other layers found in the same sentence: the
place mentions, time expressions and numeric facts of the trigger's phrase (the nearest in the
sentence when the phrase has none), and the quote the trigger stands in (its speaker reports the
event). Works on full articles and on one-line event notes alike. docs/events.md has the rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from spacy.tokens import Doc, Token

from crossbearing.annotate.event_args import arguments
from crossbearing.annotate.event_directives import DUTY_VERBS, PLAIN_SAYINGS, lays_a_duty
from crossbearing.annotate.event_spans import Spans
from crossbearing.annotate.event_speakers import (
    first_person,
    named_as_speakers,
    reporter,
    with_cue_speaker,
)
from crossbearing.annotate.event_places import locations, nearest_place
from crossbearing.annotate.event_senses import to_infinitive
from crossbearing.annotate.event_triggers import (
    Trigger,
    find_triggers,
    group_triggers,
    group_type,
    refined_type,
)
from crossbearing.annotate.event_filters import is_aggregate, makes_no_event
from crossbearing.annotate.event_modes import mode
from crossbearing.annotate.event_phrases import by_whom_harmed, force_on_protesters
from crossbearing.annotate.event_refs import with_antecedents
from crossbearing.annotate.event_times import event_times, saying_time
from crossbearing.annotate.event_types import Ontology, ontology
from crossbearing.kb.actors import ActorBase, actor_base
from crossbearing.model import (
    EventArgument,
    EventMention,
    Mention,
    NumericFact,
    Quote,
    TimeMention,
    Toll,
)

#: Words of trying: a killing they govern was attempted, an attack (PLOVER codes the act tried);
#: whether the attempt came about is ``event_modes``'s (``event_unrealised.TRIED_FOR``, "was
#: thwarted").
ATTEMPTS = frozenset({"attempt", "try", "bid", "plot"})
FATAL = re.compile(r"\b(killed|dead|died|deaths?|lives|martyred|fatalities|slain|bodies)\b", re.IGNORECASE)
INJURED = re.compile(r"\b(injured|wounded|hurt|injuries|casualties)\b", re.IGNORECASE)
#: How the means found (named by the violent type they point at) are shown.
MEANS_NAMES = {"air_drone_strike": "air/drone", "shelling": "rocket/missile/artillery",
               "remote_explosive": "explosive", "suicide_bomb": "suicide bomb",
               "armed_clash": "small arms"}
#: Verbal event types whose content has not happened by being said: what is demanded,
#: discussed or threatened.
UNREALISED = frozenset({"demand", "consultation", "threat"})
#: Verbs of coming: their time dates what one comes for ("arrived on Monday for talks").
ARRIVALS = frozenset({"travel", "come", "go", "arrive", "fly", "head", "return", "journey",
                      "drive", "gather", "assemble", "convene"})
#: Verbs whose time modifiers date the event their object names: "carried out a strike Friday",
#: "issued a scathing rebuke on Friday", "held talks on Sunday".
TIME_VERBS = frozenset({"carry", "conduct", "launch", "stage", "mount", "execute", "perform",
                        "admit", "claim", "unleash", "hit", "kill", "target", "occur",
                        "issue", "make", "deliver", "hold", "release", "publish", "give",
                        "express", "voice", "lodge", "file", "announce", "declare"})


def event_mentions(doc: Doc, article_id: str, mentions: Sequence[Mention],
                   times: Sequence[TimeMention], quotes: Sequence[Quote],
                   numbers: Sequence[NumericFact], onto: Ontology | None = None,
                   actors: ActorBase | None = None, *,
                   published: date | None = None) -> list[EventMention]:
    """Every event mention in ``doc``, an article's parsed text, in text order, by the event
    ontology ``onto`` (default the bundled one); ``actors`` (default the bundled ones) name
    the state of a nationality adjective on an act ("Israeli strikes"); ``published``, the
    article's day where it is known, tells a past event it recalls from its news."""
    onto = onto or ontology()
    triggers = find_triggers(doc, onto)
    if not triggers:
        return []
    spans = Spans(doc, list(mentions), (actors or actor_base()).state_of)
    offsets = Offsets(doc)
    named = [m for m in mentions if m.place_id]
    places = ArticlePlaces(named, frozenset(p.place_id for p in locations(named, doc, [])))
    # "the statement", "announced": speech itself is the quote layer's, and what it holds ("a
    # statement issued Friday") stays in reach of the event it reports
    groups = [g for g in group_triggers(triggers) if _codable(onto.type(group_type(g[0])))]
    kinds = {t.token.i: (t.family, t.type) for g in groups for t in g}
    groups = [g for g in groups if not _part_of_another(g[0], kinds)]
    found = []
    for group in groups:
        others = [t.token for g in groups if g is not group for t in g]
        mention = _mention(group, others, article_id, spans, offsets, places, times, quotes,
                           numbers)
        saying = _topic_of_saying(group[0].token, kinds)
        if saying is not None and mention.mode != "negated":
            # asked for, discussed or threatened: part of what the saying holds
            mention = replace(mention, antecedent=saying.idx, mode=(
                "future" if mention.mode == "asserted" else mention.mode))
        if not makes_no_event(mention, group[0].token, doc, group[0].family, published):
            found.append(mention)
    found.sort(key=lambda e: e.start)
    starts = {m.start for m in found}
    found = [m if m.antecedent is None or m.antecedent in starts else replace(m, antecedent=None)
             for m in found]
    found = named_as_speakers(found, quotes)
    return with_antecedents(_said_by_governor(found, doc, onto), doc, onto,
                             (actors or actor_base()).actor_key)


def _part_of_another(trigger: Trigger, kinds: dict[int, tuple[str, str]]) -> bool:
    """A trigger word that is a participant or a purpose of another event, not an event: what
    an attack hits ("a bomb hit their patrol", "an attack on a convoy"), what a sanction or a
    suspension withholds ("halted economic aid") and what protesters demand ("teachers
    demonstrated to demand their wages", "began a hunger strike to demand the return of
    property")."""
    token, head = trigger.token, trigger.token.head
    if trigger.family != "violent" and token.pos_ == "NOUN":
        if token.dep_ in ("dobj", "nsubjpass") and kinds.get(head.i, ("",))[0] == "violent":
            return True
        if token.dep_ in ("dobj", "nsubjpass") and kinds.get(head.i, ("", ""))[1] in (
                "sanction", "suspension") and trigger.type != "suspension":
            return True  # "halted economic aid": the aid withheld is what the act is about
        if (token.dep_ == "pobj" and head.lower_ in ("on", "against", "at")
                and kinds.get(head.head.i, ("",))[0] == "violent"):
            return True
    if trigger.type == "demand" and token.dep_ == "dobj" and head.dep_ in ("advcl", "xcomp"):
        token, head = head, head.head  # "blocked roads to press their demands"
    if trigger.type != "demand" or token.dep_ not in ("advcl", "xcomp", "acl"):
        return False
    return kinds.get(head.i, ("", ""))[1] == "protest" or any(  # "began a hunger strike to
        c.dep_ == "dobj" and kinds.get(c.i, ("", ""))[1] == "protest" for c in head.children)


def _topic_of_saying(token: Token, kinds: dict[int, tuple[str, str]]) -> Token | None:
    """The demand, talk or threat a word is what is about ("talks on the withdrawal", "discuss
    a timeline for the withdrawal of its troops", "calls for the departure of foreign troops"),
    or None: what is asked for, discussed or threatened has not happened by being said (the
    codebooks code the saying): such an act's mode is ``future``, as for "called for his
    resignation", and it is part of the saying's event. An accusation or a condemnation is
    about an act that did happen, which stays asserted. Walks up through prepositions and
    nouns, at most three steps."""
    if (token.dep_ in ("xcomp", "ccomp") or token.dep_ == "advcl" and to_infinitive(token)) and (
            kinds.get(token.head.i, ("", ""))[1] == "demand") and not (
            token.head.lemma_.lower() in PLAIN_SAYINGS and not lays_a_duty(token)):
        return token.head  # "pushing Washington to discuss a timeline", "demanded that Moscow
        # withdraw", "said Sudan must return the helicopter": what is asked
    if token.dep_ == "xcomp" and token.head.dep_ == "ccomp" and (
            token.head.lemma_.lower() in DUTY_VERBS) \
            and kinds.get(token.head.head.i, ("", ""))[1] == "demand":
        return token.head.head  # "said Trump has to apologize"
    verb = token.head
    if (token.dep_ == "dobj" and verb.dep_ == "xcomp"
            and kinds.get(verb.head.i, ("", ""))[1] == "demand"):
        return verb.head  # "urged residents to join the protest"
    node = token
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.pos_ != "ADP":
            return None
        node = node.head.head
        if kinds.get(node.i, ("", ""))[1] in UNREALISED:
            return node
        if node.pos_ != "NOUN":
            return None
        if node.dep_ in ("dobj", "nsubjpass") and kinds.get(node.head.i, ("", ""))[1] in UNREALISED:
            return node.head
    return None


def _said_by_governor(found: list[EventMention], doc: Doc,
                      onto: Ontology) -> list[EventMention]:
    """What a threat, a demand or a vow holds ("threatened to strike US bases if Washington
    does not withdraw its troops") is said by whoever threatens: an act that did not happen,
    governed by a verbal event of its sentence, is reported by that event's actor."""
    verbal = {m.start: m for m in found if onto.type(m.event_type).family == "verbal"}
    result = []
    for mention in found:
        if mention.mode != "asserted" and mention.reported_by is None and verbal:
            speaker = _governing_speaker(doc, mention, verbal)
            if speaker is not None:
                mention = replace(mention, reported_by=speaker.canonical,
                                  reported_by_actor=speaker.actor_id)
        result.append(mention)
    return result


def _governing_speaker(doc: Doc, mention: EventMention,
                       verbal: dict[int, EventMention]) -> EventArgument | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(4):
        if token is None or token.head.i == token.i:
            return None
        token = token.head
        governor = verbal.get(token.idx)
        if governor is not None:
            return next(iter(governor.role("actor")), None)
    return None


class ArticlePlaces(NamedTuple):
    """An article's place mentions, and the places it gives as where something happened (after
    "in", "near" …, or a site), found once per article."""

    mentions: list[Mention]
    located: frozenset[str]


def _codable(event_type) -> bool:
    """A type some codebook codes: nouns and verbs of speech ("statement", "announced") have
    neither an ACLED nor a PLOVER category; what was said is coded, not the saying."""
    return bool(event_type.plover or event_type.acled_event_type)


def _heads(args: list[EventArgument], doc: Doc, roles: tuple[str, ...]) -> list[Token]:
    """The head words of an event's arguments in ``roles``."""
    spans = [doc.char_span(a.start, a.end, alignment_mode="expand")
             for a in args if a.role in roles]
    return [span.root for span in spans if span is not None]


def _mention(group: list[Trigger], others: list[Token], article_id: str, spans: Spans,
             offsets: Offsets, places: ArticlePlaces,
             times: Sequence[TimeMention], quotes: Sequence[Quote],
             numbers: Sequence[NumericFact]) -> EventMention:
    main = group[0]
    token = main.token
    sentence = token.sent
    name = group_type(main)
    means: set[str] = set()
    args: list[EventArgument] = []
    for trigger in group:
        means |= trigger.means
        args.extend(arguments(trigger.token, trigger.type == "killing", spans, trigger.family))
    group_tokens = {t.token.i for t in group}
    args = _distinct([a for a in args if not _is_trigger_or_time(spans.doc, a, group_tokens)])
    if name in ("attack", "killing"):  # still generic: the means of the whole group refine it
        name = refined_type(name, means)
    if main.type in ("attack", "killing") and means <= {"armed_clash"}:  # gunfire, or none
        name = by_whom_harmed(main.type, name, _heads(args, spans.doc, ("victim", "target")))
        if name in ("attack", "killing") and force_on_protesters(
                token, _heads(args, spans.doc, ("actor",))):
            name = "excessive_force"  # "police opened fire to disperse demonstrators"
    if name == "killing" and token.head.lemma_.lower() in ATTEMPTS and token.dep_ in (
            "xcomp", "acl", "advcl"):
        name = "attack"  # "an attempt to assassinate the deputy governor": no one was killed
    if main.family == "verbal":
        args = with_cue_speaker(args, token, quotes)
    if not any(a.role == "actor" for a in args):
        args = first_person(token, quotes) + args
    args, modifier_place = _place_modifier(args, token, spans, places)
    inner = _reach(group, others)
    outer = _clause(group, others)
    taken = [(a.start, a.end) for a in args if a.role == "target"] + [
        r for a in args if a.role != "target" for r in _phrase(spans.doc, a, token)]
    place = nearest_place(locations(places.mentions, spans.doc, taken, token), inner, outer,
                          token.idx, offsets)
    place = place or modifier_place
    time = _nearest(event_times(times, spans.doc, group_tokens), inner, outer, token.idx,
                    offsets)
    fatalities = injuries = None
    if main.family == "violent":
        victims = [(a.start, a.end) for a in args if a.role == "victim"]
        fatalities = _toll(numbers, FATAL, inner, outer, token.idx, offsets, victims)
        injuries = _toll(numbers, INJURED, inner, outer, token.idx, offsets, victims)
    speaker, speaker_actor = reporter(token.idx, quotes)
    event_mode = mode(token, main.family)
    if time is None and (main.family == "verbal" or event_mode != "asserted"):
        time = saying_time(token.idx, quotes, times, spans.doc)  # said "in a statement Friday"
    return EventMention(
        article_id=article_id, start=token.idx, end=token.idx + len(token), text=token.text,
        sentence_start=sentence.start_char, sentence_end=sentence.end_char, event_type=name,
        mode=event_mode, aggregate=is_aggregate(token), arguments=tuple(args),
        means=tuple(sorted(_means_words(means))), place_id=place.place_id if place else None,
        place_span=(place.start, place.end) if place else None,
        time=time.value if time else None, time_span=(time.start, time.end) if time else None,
        fatalities=fatalities, injuries=injuries, reported_by=speaker,
        reported_by_actor=speaker_actor)


def _means_words(means: set[str]) -> set[str]:
    """Means as the type they point at, named for people: "air/drone", "explosive" ..."""
    return {MEANS_NAMES.get(m, m) for m in means}


def _distinct(args: list[EventArgument]) -> list[EventArgument]:
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for a in args:
        if (a.role, a.start, a.end) not in seen:
            seen.add((a.role, a.start, a.end))
            kept.append(a)
    return kept


def _is_trigger_or_time(doc: Doc, argument: EventArgument, group_tokens: set[int]) -> bool:
    span = doc.char_span(argument.start, argument.end, alignment_mode="expand")
    if span is None:
        return False
    return span.root.i in group_tokens or span.root.ent_type_ in ("DATE", "TIME")


def _phrase(doc: Doc, argument: EventArgument, trigger: Token) -> list[tuple[int, int]]:
    """Where an argument's phrase holds no place of the event: an actor's whole phrase, a
    victim's descriptions ("Saadi, commander of operations in Syria,"), not a victim's own "in"
    ("three soldiers in Jordan"); never the clause of the trigger itself, which an actor's
    phrase holds where a relative clause tells the event ("Officer Shelby, who shot and killed
    Terence Crutcher in Tulsa": Tulsa is where)."""
    span = doc.char_span(argument.start, argument.end, alignment_mode="expand")
    if span is None:
        return [(argument.start, argument.end)]
    root = span.root
    if argument.role == "actor" and not _holds(root, trigger):
        return [_extent(root)]
    ranges = [(argument.start, argument.end)]
    if argument.role == "actor":
        return ranges + [_extent(c) for c in root.children if not _holds(c, trigger)]
    return ranges + [_extent(c) for c in root.children
                     if c.dep_ in ("appos", "acl", "relcl", "amod", "compound", "poss")]


def _holds(token: Token, inner: Token) -> bool:
    """Whether ``inner`` is in ``token``'s phrase (its parse subtree)."""
    return token.left_edge.i <= inner.i <= token.right_edge.i


def _extent(token: Token) -> tuple[int, int]:
    """The character span of a token's phrase."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def _reach(group: list[Trigger], others: list[Token]) -> set[int]:
    """Token indices of the group's own phrases: each trigger's parse subtree, less the subtrees
    of other events' triggers nested in it ("strikes ordered following the attack on a base in
    Jordan": Jordan is the attack's place, not the strikes')."""
    own: set[int] = set()
    for trigger in group:
        own.update(t.i for t in trigger.token.subtree)
    for other in others:
        if other.i in own and not any(other.i == t.token.i for t in group):
            own.difference_update(t.i for t in other.subtree)
    return own


def _clause(group: list[Trigger], others: list[Token]) -> set[int]:
    """For a noun trigger that is the object of a light verb ("carried out a strike on Friday"),
    or what one comes for ("traveled to the Capitol Wednesday for a private meeting": one comes
    when the meeting is), the verb's own modifiers; for every group, the tokens of the sentence when no other event
    of the sentence could claim them."""
    sentence = group[0].token.sent
    if not any(o.sent.start == sentence.start for o in others):
        return set(range(sentence.start, sentence.end))
    extra: set[int] = set()
    for trigger in group:
        token = trigger.token
        verb = token.head
        timed = token.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in TIME_VERBS
        if token.dep_ == "pobj" and verb.lower_ == "for" and verb.head.lemma_.lower() in ARRIVALS:
            verb, timed = verb.head, True  # "traveled to the Capitol Wednesday for a meeting"
        if timed:
            for child in verb.children:
                if child.dep_ in ("npadvmod", "prep", "advmod") and child.i not in extra:
                    extra.update(t.i for t in child.subtree)
    return extra


def _nearest(items, inner: set[int], outer: set[int], anchor: int, tokens: Offsets):
    """The item nearest the trigger among those in the group's own phrases, else among those in
    its wider reach."""
    for pool in (inner, outer):
        near = [t for t in items if tokens.index(t) in pool]
        if near:
            return min(near, key=lambda t: abs(t.start - anchor))
    return None


class Offsets:
    """Token index of a character offset."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [t.idx for t in doc]

    def index(self, item) -> int:
        token = getattr(item, "token", None)
        if isinstance(token, int):
            return token
        return max(0, bisect_right(self.starts, item.start) - 1)


def _toll(numbers, pattern: re.Pattern, inner: set[int], outer: set[int], anchor: int,
          offsets: Offsets, victims: list[tuple[int, int]]) -> Toll | None:
    """The toll nearest the trigger in its phrases, or the number counting its victims (which
    the parser may have cut into a sentence of its own)."""
    tolls = [x for x in numbers if x.counted and pattern.search(x.counted)]
    n = _nearest(tolls, inner, outer, anchor, offsets)
    if n is None:
        n = next((x for x in tolls if x.counted_span and any(
            a < x.counted_span[1] and x.counted_span[0] < b for a, b in victims)), None)
    if n is None and pattern is FATAL:  # "killing 3 members": the number counts the victims
        n = next((x for x in numbers if any(a <= x.start < b for a, b in victims)), None)
    return Toll(n.low, n.high, n.hedge, n.start, n.end, n.text) if n is not None else None


def _place_modifier(args: list[EventArgument], token: Token, spans: Spans,
                    places: ArticlePlaces) -> tuple[list[EventArgument], Mention | None]:
    """A place name modifying the event noun ("the Jordan attack") is where it happened, not
    who did it, when the article gives that place as an event's place elsewhere ("a drone
    strike on Tower 22 in Jordan"), or when it is a site (a base or an outpost acts on no one:
    "the Tower 22 attack"); "US strikes" keeps the United States as actor."""
    if token.pos_ != "NOUN":
        return args, None
    for child in token.children:
        mention = spans.at(child) if child.dep_ in ("compound", "nmod") else None
        if mention is not None and mention.place_id and (
                mention.place_id in places.located or mention.place_id.startswith("site:")):
            kept = [a for a in args if not (a.role == "actor" and a.start == mention.start)]
            return kept, mention
    return args, None
