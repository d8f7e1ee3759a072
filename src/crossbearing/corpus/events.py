"""Events across articles: the mentions of one real event in a story merged into one event.

Two mentions are of one event when they are **compatible** (the same family and mode; types
equal, or one a generic attack/killing; dates that overlap where both are resolved; places that
can be the same) and share **evidence** (participants, a resolved date, a city or site, a toll,
the specific type). Mentions join greedily, strongest evidence first, and a mention joins a group
only when it is compatible with every member, so one "the strike" cannot chain two strikes
together. A mention that refers back to an earlier one in its article ("the attack") joins that
one's event. A mention the text denies ("did not strike", "no civilians were killed") makes
no event, nor does a group of mentions none of which anchors one (``says_enough``): they stay
mentions of their articles. Values per source and the resolved values are
:mod:`corpus.event_values`' work.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any
from dataclasses import replace
from datetime import date
from itertools import combinations

from crossbearing.annotate.event_types import ontology
from crossbearing.annotate.timex import resolve_time
from crossbearing.corpus.event_items import (
    GENERIC,
    Item,
    candidate_pairs,
    compatible,
    item_of,
    join,
    one_day,
    same_kind,
    weekday_of,
)
from crossbearing.corpus.event_values import event_record
from crossbearing.corpus.occasions import a_saying, channels, join_occasions, saying_time
from crossbearing.ids import stable_id
from crossbearing.kb.actors import actor_base
from crossbearing.kb.places import place_by_id
from crossbearing.isolation import isolated
from crossbearing.model import EventMention, Failure, Place
from crossbearing.model_events import Event

#: A calendar date or a month: a month name and a day ("January 28", "28 Jan."), a month named in
#: full ("the end of January").
CALENDAR_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|"
    r"\b(january|february|march|april|june|july|august|september|october|november|december)\b",
    re.IGNORECASE)
#: Evidence needed to merge two compatible mentions (see _evidence): a shared victim or target
#: and one more sign, or a resolved date and a city, but never a shared actor alone; a person
#: named as killed in both is enough (one person dies once).
MIN_EVIDENCE = 3
#: How far (in characters) a copied mention may stand from where the passage's alignment puts
#: it: a reprint's small edits shift the words a little.
COPY_SLACK = 40


def merge_events(mentions: Iterable[EventMention], story_of: dict[str, str | None],
                 outlet_of: dict[str, str], *, time_texts: dict[tuple[str, int], str] | None = None,
                 dates: dict[str, date | None] | None = None,
                 place_of: Callable[[str], Place | None] = place_by_id,
                 failures: list[Failure] | None = None, version: str = "",
                 copies: Iterable[tuple[tuple[str, int], tuple[str, int]]] = (),
                 quoted: Callable[[str, int], bool] | None = None,
                 told: Callable[[EventMention], str] | None = None,
                 in_lead: Callable[[tuple[str, int]], bool] | None = None) -> list[Event]:
    """Events (ready for the store) from the event mentions of a collection.

    With ``failures``, a story whose events cannot be merged is recorded there (stage
    ``corpus.events``, the corpus stage's ``version``) and left without events, and the other
    stories go on; without it, the error propagates.

    ``copies`` pairs a mention (article id, start) inside a passage two articles share with the
    same words' mention in the other article (:func:`copied_mentions`): the two are one
    report's words twice, and join where they are compatible.

    ``place_of`` gives the place of a place id (the store's places table serves as well as the
    gazetteer, without loading it).

    ``quoted`` (article id, offset) says whether an offset lies inside a quotation's content:
    a reported statement's time outside it dates the saying (corpus.occasions.saying_time).

    ``told`` gives the words of a mention's sentence, what it quotes left out: the channels
    they name tell two sayings of one speaker apart (corpus.occasions.channels).

    ``in_lead`` ((article id, offset)) says whether an offset stands in its article's headline
    and lead: two reports' leads, published within a day (``dates``), that tell one speaker's
    saying tell one occasion.

    With ``time_texts`` (the time expressions' words by article and offset) and ``dates``
    (publication days), a calendar date without a year in an undated article ("January 28") takes
    its year from the latest publication day of the article's story (see story_dated); with
    ``time_texts``, two mentions whose own times name different weekdays ("on Tuesday", "on
    Friday", resolved or not) are never one event nor one statement."""
    story_copies: dict[str | None, list] = defaultdict(list)  # pairs join in one story
    for key, original in copies:
        story_copies[story_of.get(key[0])].append((key, original))
    by_story: dict[str | None, list[EventMention]] = defaultdict(list)
    for mention in mentions:
        if mention.mode != "negated":  # "no civilians were killed": nothing happened
            by_story[story_of.get(mention.article_id)].append(mention)
    events = []
    for story_id in sorted(by_story, key=lambda s: s or ""):
        def merge(story_id=story_id) -> list[Event]:
            group = by_story[story_id]
            if time_texts is not None and dates is not None:
                group = story_dated(group, time_texts, dates)
            return [event_record(_event_id(g), story_id, g, outlet_of, place_of)
                    for g in _groups(group, place_of, story_copies[story_id], quoted,
                                     time_texts or {}, told, in_lead, dates)
                    if any(map(says_enough, g))]

        if failures is None:
            events += merge()
        else:
            events += isolated(merge, failures, stage="corpus.events", target=story_id or "",
                               target_kind="story", version=version) or []
    return events


def says_enough(mention: EventMention) -> bool:
    """Whether a mention anchors an event (the codebooks' rule: an event is coded from a
    sentence that gives its agent, its victim or target, its place, its time or its toll): an
    actor, a victim, a target that names someone (a name or a known actor, not "the economy"
    or "an affirmative message"), a place, a time of its own, a toll, or a speaker it is
    reported by. A group of mentions none of which says this much ("an inability to forge
    consensus", "demand for coal", "the attack" left alone) makes no event: its mentions stay
    mentions of their articles."""
    if mention.place_id or mention.fatalities or mention.injuries or mention.reported_by_actor:
        return True
    if mention.time is not None and mention.time.resolved:
        return True
    return any(a.role in ("actor", "victim") or a.actor_id or any(c.isupper() for c in a.text)
               for a in mention.arguments)


def story_dated(mentions: list[EventMention], time_texts: dict[tuple[str, int], str],
                dates: dict[str, date | None]) -> list[EventMention]:
    """Resolve "January 28" or "the end of January" in an undated article against the latest
    publication day of its story. Only calendar dates and months: a weekday ("Wednesday")
    depends on the article's own day, which another article's cannot stand in for. The value
    says where its year came from."""
    known = [dates[m.article_id] for m in mentions if dates.get(m.article_id)]
    if not known:
        return mentions
    anchor = max(known)
    result = []
    for m in mentions:
        if (m.time is not None and not m.time.resolved and m.time_span is not None
                and dates.get(m.article_id) is None):
            words = time_texts.get((m.article_id, m.time_span[0]), "")
            if CALENDAR_DATE.search(words):
                value = resolve_time(words, anchor)
                if value.resolved:
                    note = f"year from the story's latest publication day, {anchor.isoformat()}"
                    m = replace(m, time=replace(value, reason=note))
        result.append(m)
    return result


def _event_id(group: list[EventMention]) -> str:
    first = min(group, key=lambda m: (m.article_id, m.start))
    return "ev-" + stable_id(first.article_id, first.start)


def _groups(mentions: list[EventMention], place_of: Callable[[str], Place | None],
            copies: Iterable[tuple[tuple[str, int], tuple[str, int]]],
            quoted: Callable[[str, int], bool] | None = None,
            time_texts: dict[tuple[str, int], str] | None = None,
            told: Callable[[EventMention], str] | None = None,
            in_lead: Callable[[tuple[str, int]], bool] | None = None,
            dates: dict[str, date | None] | None = None) -> list[list[EventMention]]:
    time_texts = time_texts or {}
    dates = dates or {}
    onto = ontology()
    actor_key = actor_base().actor_key
    items = [item_of(m, onto.type(m.event_type).family, place_of, actor_key) for m in mentions]
    for index, item in enumerate(items):
        item.group = index
        item.members = [item]
        item.said_at = saying_time(item.mention, quoted)
        span = item.mention.time_span
        item.weekday = weekday_of(item.mention, time_texts.get(
            (item.mention.article_id, span[0])) if span else None)
        if told is not None and item.family != "violent":
            item.channels = channels(told(item.mention))
        if in_lead is not None and item.family != "violent":
            m = item.mention
            item.in_lead = in_lead((m.article_id, m.start))
            item.lead_day = dates.get(m.article_id) if item.in_lead else None
    by_key = {(i.mention.article_id, i.mention.start): i for i in items}
    for item in items:  # what a saying holds is part of the saying's event
        other = by_key.get((item.mention.article_id, item.mention.antecedent))
        if (other is not None and item.mention.mode != "asserted" and other.family == "verbal"
                and item.family != "verbal"):
            item.content = True
            join(item, other)
    for item in items:  # "the attack" joins the event it refers back to
        if item.mention.antecedent is not None and not item.content:
            other = by_key.get((item.mention.article_id, item.mention.antecedent))
            if other is not None and all(compatible(x, y) for x in item.members
                                         for y in other.members):
                join(item, other)  # complete link: no chain joins two events
    for key, original in copies:  # a shared passage's words are one report's, told twice
        a, b = by_key.get(key), by_key.get(original)
        if a is not None and b is not None and a.group != b.group and all(
                compatible(x, y) for x in a.members for y in b.members):
            join(a, b)
    join_occasions(items)
    pairs = []
    alone = {id(item): _Union([item]) for item in items}  # what each mention says, once
    buckets: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for item in items:  # only mentions of one family and mode can be compatible
        if not item.content:
            buckets[item.family, item.mention.mode].append(item)
    for a, b in (pair for bucket in buckets.values() for pair in candidate_pairs(bucket)):
        if not same_kind(a, b):
            continue  # two reports of one campaign merge; a count never joins one event
        if not compatible(a, b):
            continue
        score = _evidence(alone[id(a)], alone[id(b)])
        if score >= MIN_EVIDENCE and _one_party(alone[id(a)], alone[id(b)]):
            pairs.append((-score, a.mention.article_id, a.mention.start, b.mention.start, a, b))
    pairs.sort(key=lambda p: p[:4])
    # Two groups found incompatible stay so: a group only grows (keeping the lower id), and a
    # member incompatible with another stays in the grown group (complete link).
    apart: set[tuple[int, int]] = set()
    for *_, a, b in pairs:
        key = (min(a.group, b.group), max(a.group, b.group))
        if key[0] == key[1] or key in apart:
            continue
        if all(compatible(x, y) for x in a.members for y in b.members):
            join(a, b)
        else:
            apart.add(key)
    _join_groups(items)
    _attach_unanchored(items)
    groups: dict[int, list[EventMention]] = defaultdict(list)
    for item in items:
        groups[item.group].append(item.mention)
    return [sorted(g, key=lambda m: (m.article_id, m.start)) for _, g in sorted(groups.items())]


def _join_groups(items: list[Item]) -> None:
    """Groups that share, taken together, the evidence no two of their mentions share alone
    join, strongest first, when every member of one is compatible with every member of the
    other: one outlet's "the American assassination ... on Wednesday night" names the actor
    and another's "a drone strike in Baghdad Wednesday night" the date and the city, and the
    report that says both ("US airstrike", "Wednesday") ties them. A lone mention was already
    weighed against every other one (the pairs above), so a group of several is one side."""
    groups: dict[int, Item] = {}
    for item in items:  # each group by a mention of its own, not one of what it holds
        if item.group not in groups or groups[item.group].content:
            groups[item.group] = item
    pairs = []
    unions = {group: _Union(item.members) for group, item in groups.items()}
    for a, b in combinations(sorted(groups.values(), key=lambda i: i.group), 2):
        if (len(a.members) == 1 and len(b.members) == 1) or a.family != b.family or (
                a.mention.mode != b.mention.mode):
            continue
        score = _evidence(unions[a.group], unions[b.group])
        if score >= MIN_EVIDENCE and _one_party(unions[a.group], unions[b.group]):
            pairs.append((-score, a.group, b.group, a, b))
    pairs.sort(key=lambda p: p[:3])
    for *_, a, b in pairs:
        if a.group != b.group and all(compatible(x, y) for x in a.members for y in b.members):
            join(a, b)


def _evidence(a: _Union, b: _Union) -> int:
    """Evidence that two mentions, or two groups of mentions (each taken as what all its
    mentions say), tell one event: 2 per shared victim or target, 1 per shared actor, 2 for
    both dated (sayings: both to one day, as a week's span holds many occasions), 2 for the
    same city or site, 1 each for the same toll, the same specific type
    and the same reporter; and enough by itself for a person named as killed in both. The
    values that add evidence when shared are also ``event_items._evidence_keys``, which picks
    the pairs worth weighing: a kind added here is added there."""
    dated = (a.one_day and b.one_day) if a.verbal else (a.dated and b.dated)
    return (2 * len(a.sufferers & b.sufferers) + len(a.participants & b.participants)
            + 2 * dated + 2 * bool(a.places & b.places)
            + bool(a.tolls & b.tolls) + bool(a.kinds & b.kinds)
            + bool(a.reporters & b.reporters) + MIN_EVIDENCE * bool(a.named_dead & b.named_dead))


def _one_party(a: _Union, b: _Union) -> bool:
    """Whether two sayings, each by a speaker named, share one or an addressee or target: on
    one day many accuse many ("NAACP leaders accused tea party activists on Tuesday", "a Tea
    Party organizer wrote Tuesday and accused the NAACP"), so a day and a kind of saying are
    no evidence alone. Acts are left to the evidence, talks held among them: "the strike in
    Baghdad on Wednesday" and "Thursday night's meeting" need no doer named."""
    if not a.verbal or not a.participants or not b.participants:
        return True  # "continued his refusal Tuesday": an unnamed doer may be either
    return bool(a.participants & b.participants or a.sufferers & b.sufferers)


class _Union:
    """What the mentions of one group say, together."""

    def __init__(self, group: list[Item]) -> None:
        mentions = [i.mention for i in group]
        self.sufferers = set().union(*(i.sufferers for i in group))
        self.participants = set().union(*(i.participants for i in group))
        self.dated = _dated(group)
        self.verbal = any(a_saying(i.mention.event_type, i.family) for i in group if not i.content)
        self.one_day = any(one_day(i.mention.time) for i in group if not i.content)
        self.places = {i.precise_place for i in group} - {None}
        self.tolls = {m.fatalities.low for m in mentions if m.fatalities}
        self.kinds = {m.event_type for m in mentions if m.event_type not in GENERIC}
        self.reporters = {m.reported_by_actor for m in mentions} - {None}
        self.named_dead = set().union(*(i.named_dead for i in group))
        self.typed_countries = {(i.mention.event_type, i.country) for i in group}


def _attach_unanchored(items: list[Item]) -> None:
    """A violent mention left alone without a date of its own refers to an event of the story
    rather than making a new one (codebook: "the strike", "the assassination", "the drone strike
    that killed the commander" are references to the event, not events): it joins the event it
    is compatible with (type, dates, places) that shares the most with it (a victim or target,
    a city or site, an actor, a toll), when one shares more than any other. A mention that says
    nothing of its own (no victim, target, city, toll) cannot be told apart from the story's
    events and joins the one it is compatible with, the most reported on ties. A mention dated
    on its own is an event of its own unless the merging above found its reports.

    The same holds for several undated reports merged together ("carried out a drone strike
    that killed a senior commander" and "conducted a unilateral strike in Iraq"): with no date
    among them, they join the dated event of the story they fit and share the most with. A
    series ("these strikes") joins only a series it shares something with. A mention with a
    time of its own that could not be resolved ("last month's operation" in an undated report)
    is no mere reference: it stays apart."""
    # one item per event of several mentions: joining a lone mention to one of them makes no
    # new host and merges no two hosts
    hosts = list({i.group: i for i in items
                  if len(i.members) > 1 and i.family == "violent" and not i.content}.values())
    for item in items:
        m = item.mention
        lone = len(item.members) == 1
        if (item.family != "violent" or m.mode != "asserted" or _dated(item.members)
                or any(x.mention.time_span is not None for x in item.members)
                or any(x.content or x.family != "violent" for x in item.members)
                or (not lone and item is not item.members[0])):
            continue
        fitting = list({h.group: h for h in hosts
                        if h.group != item.group and (lone or _dated(h.members))
                        and all(compatible(x, y) for x in item.members
                                for y in h.members)}.values())
        if not fitting:
            continue
        if lone and not m.aggregate and not _anchored(item):
            join(item, max(fitting, key=lambda h: (len(h.members), -h.group)))
            continue
        unions = {h.group: _Union(h.members) for h in fitting}  # each host's, as it stands now
        scored = sorted((((sum(_shared(x, unions[h.group]) for x in item.members),
                           _dated(h.members)), h.group, h) for h in fitting),
                        key=lambda s: (s[0], -s[1]), reverse=True)
        best, second = scored[0][0], scored[1][0] if len(scored) > 1 else (0, False)
        if best[0] > 0 and best > second:  # on equal shares, the dated event, if one alone
            join(item, scored[0][2])


def _shared(item: Item, host: _Union) -> int:
    """What a lone mention shares with an event (``host``: what its mentions say together):
    victims and targets count twice, a city or site twice; actors, an equal toll, and the same
    specific type in the same country ("the deadly drone attack on the American base in
    Jordan") once each."""
    toll = item.mention.fatalities
    kind = item.mention.event_type
    same_kind = kind not in GENERIC and item.country is not None and (
        (kind, item.country) in host.typed_countries)
    return (2 * len(item.sufferers & host.sufferers) + len(item.participants & host.participants)
            + 2 * (item.precise_place in host.places) + (toll is not None and toll.low in host.tolls)
            + same_kind)


def _dated(members: list[Item]) -> bool:
    """Whether an event has a resolved date of its own (it is no mere reference)."""
    return any(m.mention.time is not None and m.mention.time.resolved and not m.content
               for m in members)


def _anchored(item: Item) -> bool:
    """Whether a mention says something of its own: a victim or target, a city or site, a toll,
    a resolved date. A country alone does not tell two strikes of one story apart."""
    m = item.mention
    return bool(item.sufferers or item.precise_place or m.fatalities or m.injuries
                or (m.time is not None and m.time.resolved))


def copied_mentions(mentions: Iterable[EventMention], passages: Iterable[Any]
                    ) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """Pairs of mentions (article id, start) that are the same words of a passage two articles
    share (``model_stories.Passage``: a reprint or a shared quotation): a mention of the second
    article's copy and the mention of the same trigger word and type at the same place of the
    first article's (within ``COPY_SLACK`` characters of where the alignment puts it), whichever
    article copied the other."""
    by_article: dict[str, list[EventMention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article_id].append(mention)
    for found in by_article.values():
        found.sort(key=lambda m: m.start)
    pairs = []
    for p in passages:
        copy, original = by_article.get(p.article_b, []), by_article.get(p.article_a, [])
        starts = [o.start for o in original]
        for m in copy[bisect_left([c.start for c in copy], p.b_start):]:
            if m.start >= p.b_end:
                break
            where = p.a_start + (m.start - p.b_start)
            near = original[bisect_left(starts, where - COPY_SLACK):
                            bisect_right(starts, where + COPY_SLACK)]
            match = min((o for o in near if o.text == m.text and o.event_type == m.event_type),
                        key=lambda o: abs(o.start - where), default=None)
            if match is not None:
                pairs.append(((m.article_id, m.start), (match.article_id, match.start)))
    return pairs
