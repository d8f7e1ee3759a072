"""A statement's quotations as its evidence: the reports that quote a statement without naming
an act of it ("On Thursday, Iraq said repeated US strikes in the country are pushing the
government to …", "Rasool stated Thursday that …") are reports of that statement all the same.

A quotation joins a verbal event of its story as one more source when its speaker speaks for
the event's actor (the same actor or state, or a spokesman, leader or commander of it by the
knowledge base's relations) and what it says shares at least ``MIN_SHARED`` content words with
the event's own sentences, more than with any other statement of that speaker. One speaker, one
statement, quoted by every outlet that reports it: the codebooks' statement occasion.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace

from crossbearing.kb.actors import ActorBase, actor_base
from crossbearing.corpus.event_values import resolve_date
from crossbearing.corpus.occasions import ACTS_NOT_SAID
from crossbearing.model import EventMention, Quote, TimeMention
from crossbearing.model_events import DateGiven, Event, EventSource

#: Content words a quotation must share with a statement's sentences to be one of its reports.
MIN_SHARED = 2
#: Words of office: officials so described speak for their state ("US officials").
OFFICES = frozenset({"official", "officials", "spokesman", "spokeswoman", "spokesperson",
                     "diplomat", "diplomats", "envoy", "minister", "ministry", "officer",
                     "officers", "authorities", "government"})
#: Relations by which a person speaks for an organisation.
SPEAKS_FOR = ("spokesperson-of", "leader-of", "commander-of")
WORD = re.compile(r"[a-z][a-z'-]{3,}")
#: Words too common in reports of statements to tell two statements apart.
COMMON = frozenset({
    "said", "says", "that", "this", "with", "from", "have", "been", "were", "will", "would",
    "their", "they", "them", "there", "which", "what", "when", "also", "after", "before",
    "statement", "stated", "added", "told", "against", "about", "into", "over", "more",
    "than", "such", "these", "those", "only", "other", "some", "very", "could", "should"})


def voice_key(actor_id: str | None, actors: ActorBase) -> str | None:
    """Whom a speaker speaks for, as events compare actors: a spokesman, leader or commander
    for the organisation, then a state's organ for the state (``ActorBase.actor_key``)."""
    if not actor_id:
        return None
    actor = actors.by_id.get(actor_id)
    if actor is not None:
        actor_id = next((r.target for r in actor.relations if r.type in SPEAKS_FOR
                         and r.target in actors.by_id), actor_id)
    return actors.actor_key(actor_id)


def officials_of(description: str | None, actors: ActorBase) -> str | None:
    """The state that officials no one names speak for ("US officials", "a US defense official",
    "Iraqi officials", "an American diplomat"): a word of office with the state's name or its
    nationality adjective. None for anyone else ("an official", "analysts")."""
    if not description:
        return None
    words = description.replace("’s", "").replace("'s", "").split()
    if not any(w.lower().rstrip(",.") in OFFICES for w in words):
        return None
    for word in words:
        word = word.strip(",.")
        state = actors.state_of(word) or actors.by_id.get(actors.id_of(word) or "")
        if state is not None and state.kind == "state":
            return actors.actor_key(state.id)
    return None


def with_quoted_sources(events: list[Event], mentions: Iterable[EventMention],
                        quotes: Iterable[Quote], story_of: dict[str, str | None],
                        text_of: Callable[[str], str], outlet_of: dict[str, str],
                        actors: ActorBase | None = None,
                        said_when: Callable[[Quote], list[TimeMention]] | None = None
                        ) -> list[Event]:
    """``events`` with each quotation that reports one of their statements added to its
    sources (where the report of the saying begins: its verb of saying or the quotation,
    whichever comes first), and the counts of mentions, articles and outlets updated.
    ``text_of`` gives an article's text; ``said_when`` the resolved times that date a
    quotation's saying ("stated Thursday that …"), which date a statement none of whose
    mentions gives a date."""
    actors = actors or actor_base()
    by_key = {(m.article_id, m.start): m for m in mentions}
    statements: dict[str | None, list[tuple[Event, set[str], set[str]]]] = defaultdict(list)
    for event in events:
        if event.family != "verbal" or event.event_type in ACTS_NOT_SAID:
            continue  # an investigation or cooperation is done, not said
        said = [by_key[s] for s in event.sources if s in by_key]
        speakers = {voice_key(a.actor_id, actors) for m in said for a in m.role("actor")}
        speakers |= {voice_key(m.reported_by_actor, actors) for m in said}
        speakers.discard(None)
        if speakers:
            words = set().union(*(_words(text_of(m.article_id)[m.sentence_start:m.sentence_end])
                                  for m in said))
            statements[event.story_id].append((event, speakers, words))
    added: dict[str, list[tuple[str, int]]] = defaultdict(list)
    taken = {key for event in events for key in event.sources}  # one event per report
    dated: dict[str, list[DateGiven]] = defaultdict(list)
    for quote in quotes:
        story = story_of.get(quote.article_id)
        speaker = voice_key(quote.speaker_actor, actors) or officials_of(
            quote.descriptor or quote.speaker_text, actors)
        candidates = [s for s in statements.get(story, []) if speaker in s[1]]
        if not candidates:
            continue
        said = _words(" ".join(text_of(quote.article_id)[a:b] for a, b in quote.content))
        scored = sorted(((len(said & words), event.event_id, event)
                         for event, _, words in candidates), key=lambda s: (-s[0], s[1]))
        best = scored[0]
        if best[0] < MIN_SHARED or (len(scored) > 1 and scored[1][0] == best[0]):
            continue
        event = best[2]
        key = (quote.article_id, quote.told_at)
        if not _told(event, quote, by_key) and key not in taken:
            taken.add(key)
            added[event.event_id].append(key)
            for time in (said_when(quote) if said_when else []):
                dated[event.event_id].append(DateGiven(
                    time.value.start, time.value.end or time.value.start, time.value.precision,
                    "the date of a quotation's saying", EventSource(
                        quote.article_id, outlet_of.get(quote.article_id, quote.article_id),
                        (time.start, time.end), (key[1], quote.end))))
    return [_dated(_with_sources(e, added[e.event_id], outlet_of), dated.get(e.event_id, []))
            if added.get(e.event_id) else e for e in events]


def saying_times(quote: Quote, times: list[TimeMention], sentence: tuple[int, int]
                 ) -> list[TimeMention]:
    """The resolved times that date a quotation's saying: in the sentence of its verb of
    saying, outside what was said ("On Thursday, Iraq said …", "Rasool stated Thursday that
    …"; not "… before their defeat in 2011")."""
    start, end = sentence
    return [t for t in times if start <= t.start and t.end <= end and t.value.resolved
            and t.value.start and not any(a <= t.start < b for a, b in quote.content)]


def _dated(event: Event, given: list[DateGiven]) -> Event:
    """A statement none of whose mentions dates it, dated by its quotations' sayings."""
    if not given or event.values.date:
        return event
    date = resolve_date(tuple(given))
    return replace(event, values=replace(event.values, date=tuple(given)),
                   date_start=date["start"], date_end=date["end"],
                   date_precision=date["precision"])


def _words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in COMMON}


def _told(event: Event, quote: Quote, by_key: dict[tuple[str, int], EventMention]) -> bool:
    """Whether one of the event's own mentions stands in the quotation's sentence already."""
    for key in event.sources:
        mention = by_key.get(key)
        if (mention is not None and mention.article_id == quote.article_id
                and mention.sentence_start <= quote.start < mention.sentence_end):
            return True
    return False


def _with_sources(event: Event, keys: list[tuple[str, int]], outlet_of: dict[str, str]) -> Event:
    sources = tuple(sorted(set(event.sources) | set(keys)))
    articles = {a for a, _ in sources}
    detail = {**event.detail, "outlets": sorted({outlet_of.get(a, a) for a in articles})}
    return replace(event, sources=sources, mentions=len(sources), articles=len(articles),
                   detail=detail)
