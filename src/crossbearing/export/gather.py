"""Everything an export writes, read from the store once into plain JSON-ready dicts.

This is the only module of the export package that touches the store: each format is a function
of the gathered tables, so every format shows the same records with the same field names
(docs/export.md). ``gather(store, story_id=...)`` keeps only what belongs to one story;
``gather_events`` reads only the three tables the ACLED and GraphML writers use. Every table is
read in a few queries whatever the number of stories: the per-story sections reuse the events and
groups already read.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping
from typing import Any

from crossbearing.compare.coverage import coverage
from crossbearing.compare.framing import story_framing
from crossbearing.errors import NotFound
from crossbearing.kb.actors import actor_by_id
from crossbearing.kb.places import place_by_id
from crossbearing.model import Article, EventMention, NumericFact, Quote
from crossbearing.model_comparison import ClaimGroup, QuoteGroup
from crossbearing.model_events import Entity, Event, is_listed, values_record
from crossbearing.sources import copy_records, relabelled, source_label, story_families
from crossbearing.views.records import rejection_view
from crossbearing.views.sections.events import (
    families_of,
    independent_sources,
    is_confident,
)

#: Version of the export layout; a change that removes or renames a field bumps the major part.
SCHEMA_VERSION = "1.1"
#: Tables every export has, in the order they are written.
TABLES = ("articles", "rejections", "stories", "duplicates", "passages", "entities", "actors",
          "places", "event_mentions", "events", "quotes", "numeric_facts", "claim_groups",
          "quote_groups", "framing", "coverage")


def gather(store: Any, story_id: str | None = None, *, with_text: bool = False) -> Tables:
    """Every table of the export (of one story when ``story_id`` is given), as lists of dicts:
    a mapping whose tables are read when asked for (:class:`Tables`)."""
    return Tables(store, story_id, with_text)


class Tables(Mapping[str, list]):
    """The export's tables by name (``TABLES``, in order), each read from the store when it is
    asked for and not kept, so a writer that writes one table at a time holds one table at a
    time (the tables of 10,000 reports are a few gigabytes as Python objects). What several
    tables share — the stories, articles, events and groups — is read once. Asking for a table
    twice reads it twice; ``dict(tables)`` reads them all (a plain dict, for ``json.dumps``)."""

    def __init__(self, store: Any, story_id: str | None, with_text: bool) -> None:
        self.store, self.story_id, self.with_text = store, story_id, with_text
        self.stories = _stories(store, story_id)
        members = {s["id"]: s["article_ids"] for s in self.stories}
        self.story_of = {a: sid for sid, ids in members.items() for a in ids}
        if story_id is None:
            self.articles = store.articles.all()
        else:
            self.articles = store.articles.articles_by_id(members[story_id])
        self.keep = {a.id for a in self.articles}
        self.labels = store.events.source_labels()
        self.families = _families(store, self.stories, self.articles)

    @functools.cached_property
    def events(self) -> list[Event]:
        return self.store.events.all(self.story_id)

    @functools.cached_property
    def claims(self) -> list[ClaimGroup]:
        return self.store.comparison.claim_groups(self.story_id)

    @functools.cached_property
    def quote_groups(self) -> list[QuoteGroup]:
        return self.store.comparison.quote_groups(self.story_id)

    def __getitem__(self, name: str) -> list:
        if name not in TABLES:
            raise KeyError(name)
        return getattr(self, "_table_" + name)()

    def __iter__(self) -> Iterator[str]:
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)

    def __contains__(self, name: object) -> bool:
        return name in TABLES  # without reading the table

    def _table_articles(self) -> list:
        return [_article(a, self.story_of.get(a.id), self.with_text) for a in self.articles]

    def _table_rejections(self) -> list:
        return ([rejection_view(r) for r in self.store.articles.rejections()]
                if self.story_id is None else [])

    def _table_stories(self) -> list:
        return self.stories

    def _table_duplicates(self) -> list:
        return [d for d in self.store.corpus.duplicates() if _both(d, self.keep)]

    def _table_passages(self) -> list:
        return _passages(self.store, self.keep)

    def _table_entities(self) -> list:
        return _entities(self.store.pages.entity_list(), self.store.exports.all_entity_mentions(),
                         self.keep)

    def _table_actors(self) -> list:
        return [_actor(a) for a in self.store.exports.actor_records()]

    def _table_places(self) -> list:
        return self.store.exports.place_records()

    def _table_event_mentions(self) -> list:
        event_of = {(a, start): e.event_id for e in self.events for a, start in e.sources}
        return [_event_mention(m, event_of.get((m.article_id, m.start)))
                for m in self.store.events.event_mentions(sorted(self.keep))]

    def _table_events(self) -> list:
        return _events(self.store, self.events, self.families)

    def _table_quotes(self) -> list:
        return [_quote(q) for q in self.store.annotations.quotes() if q.article_id in self.keep]

    def _table_numeric_facts(self) -> list:
        return [_number(n) for n in self.store.annotations.numeric_facts()
                if n.article_id in self.keep]

    def _table_claim_groups(self) -> list:
        return [_group_record(g, self.labels) for g in self.claims]

    def _table_quote_groups(self) -> list:
        return [_group_record(g, self.labels) for g in self.quote_groups]

    def _table_framing(self) -> list:
        return [{"story_id": s["id"], "framing": plain(story_framing(self.store, s["id"]))}
                for s in self.stories]

    def _table_coverage(self) -> list:
        return _coverage(self.stories, self.labels, (self.events, self.claims, self.quote_groups),
                         self.families)


def _group_record(group: ClaimGroup | QuoteGroup, labels: dict[str, str]) -> dict[str, Any]:
    """A claim or quote group as the export writes it, members named by their sources'
    current labels."""
    record = group.as_dict()
    return {**record, "members": relabelled(record["members"], labels)}


def gather_events(store: Any, story_id: str | None = None) -> dict[str, list]:
    """The tables the event writers (ACLED CSV, GraphML) read — ``actors``, ``entities`` and
    ``events`` — the same as :func:`gather` gives them, without reading the rest."""
    if story_id is None:
        keep = set(store.events.source_labels())
    else:
        keep = set(_stories(store, story_id)[0]["article_ids"])
        keep = {a.id for a in store.articles.articles_by_id(sorted(keep))}
    return {"entities": _entities(store.pages.entity_list(), store.exports.all_entity_mentions(),
                                  keep),
            "actors": [_actor(a) for a in store.exports.actor_records()],
            "events": _events(store, store.events.all(story_id))}


def _coverage(stories: list[dict[str, Any]], labels: dict[str, str],
              items: tuple[list, ...], families: dict[str, str]) -> list[dict[str, Any]]:
    """Each story's coverage matrix (:func:`compare.coverage.story_coverage`), from the events,
    groups and families already read rather than from the store story by story."""
    per_story: dict[str, tuple[list, ...]] = {s["id"]: ([], [], []) for s in stories}
    events, *groups = items
    for event in events:
        if event.story_id in per_story:
            per_story[event.story_id][0].append(event)
    for n, rows in enumerate(groups, 1):
        for row in rows:
            if row.story_id in per_story:
                per_story[row.story_id][n].append(row)
    result = []
    for s in stories:
        ids = s["article_ids"]
        if not ids:
            raise NotFound(f"no story {s['id']!r}")
        matrix = coverage({a: labels.get(a, a) for a in ids}, *per_story[s["id"]],
                          {a: families.get(a, a) for a in ids})
        result.append({"story_id": s["id"], "coverage": plain({"story_id": s["id"], **matrix})})
    return result


def _families(store: Any, stories: list[dict[str, Any]],
              articles: list[Article]) -> dict[str, str]:
    """Article id → its source family, for the stories' articles already read (each story's
    families worked out once, for the events and the coverage alike)."""
    by_id = {a.id: a for a in articles}
    copies = copy_records(store) if stories else {}
    found: dict[str, str] = {}
    for s in stories:
        families = story_families(store, [by_id[i] for i in s["article_ids"] if i in by_id],
                                  copies)
        found.update({a: families.family_of(a) for a in s["article_ids"]})
    return found


#: Types :func:`plain` returns as they are (exact types; a subclass takes the general way).
_PLAIN_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A value made of dicts, lists, strings, numbers, booleans and None (dataclasses and tuples
    converted), so that any section can be written as JSON."""
    kind = type(value)  # the common cases first, each as the general way below treats it
    if kind in _PLAIN_SCALARS:
        return value
    if kind is dict:
        return {k if type(k) is str else str(k): plain(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    return value


def _stories(store: Any, story_id: str | None) -> list[dict[str, Any]]:
    """The stories (one, or all), each with the ids of its articles in id order."""
    members: dict[str, list[str]] = {}
    for article_id, story in sorted(store.events.story_map().items()):
        members.setdefault(story, []).append(article_id)
    stories = [{**dataclasses.asdict(s), "article_ids": members.get(s.id, [])}
               for s in store.corpus.stories() if story_id is None or s.id == story_id]
    if story_id is not None and not stories:
        raise NotFound(f"no story with id {story_id!r}")
    return stories


def _both(pair: dict[str, Any], keep: set[str]) -> bool:
    return pair["article_a"] in keep and pair["article_b"] in keep


def _passages(store: Any, keep: set[str]) -> list[dict[str, Any]]:
    """The stored passages between two kept articles, as the export's records."""
    return [dataclasses.asdict(p) for p in store.corpus.passages()
            if p.article_a in keep and p.article_b in keep]


def _article(a: Article, story_id: str | None, with_text: bool) -> dict[str, Any]:
    published = a.published
    record = {
        "id": a.id, "external_id": a.external_id, "title": a.title, "outlet": a.outlet,
        "source": source_label(a), "outlet_source": a.outlet_source,
        "url": a.url, "domain": a.domain, "published": published.value if published else None,
        "published_precision": published.precision if published else None,
        "published_source": published.source if published else None,
        "authors": list(a.authors), "source_path": a.source_path, "locator": a.locator,
        "format": a.format, "language": a.language, "analysable": a.analysable,
        "characters": len(a.text), "text_sha256": a.text_sha256, "story_id": story_id,
    }
    if with_text:
        record["text"] = a.text
    return record


def _entities(entities: list[Entity], mentions: list[dict], keep: set[str]) -> list[dict]:
    """Entities with the mentions in the kept articles: spans, aliases (distinct texts) and
    counts; entities with no mention there are left out."""
    spans: dict[str, list[dict]] = {}
    places: dict[str, set[str]] = {}
    for m in mentions:
        if m["entity_id"] and m["place_id"]:
            places.setdefault(m["entity_id"], set()).add(m["place_id"])
        if m["entity_id"] and m["article_id"] in keep:
            spans.setdefault(m["entity_id"], []).append(
                {"article_id": m["article_id"], "start": m["start"], "end": m["end"],
                 "text": m["text"], "link": m["link"]})
    result = []
    for e in entities:
        found = spans.get(e.entity_id, [])
        if found:
            place_ids = places.get(e.entity_id)
            result.append({**dataclasses.asdict(e), "mentions": len(found),
                           "articles": len({s["article_id"] for s in found}),
                           "aliases": sorted({s["text"] for s in found}),
                           "place_id": min(place_ids) if place_ids else None, "spans": found})
    return result


def _actor(record: dict[str, Any]) -> dict[str, Any]:
    """A stored actor with its knowledge-base relations (none when the packaged knowledge base
    no longer knows the id)."""
    try:
        relations = [{"type": r.type, "target": r.target, "note": r.note}
                     for r in actor_by_id(record["actor_id"]).relations]
    except KeyError:
        relations = []
    return {**record, "relations": relations}


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return list(span) if span else None


def _event_mention(m: EventMention, event_id: str | None) -> dict[str, Any]:
    t = m.time
    return {
        "article_id": m.article_id, "start": m.start, "end": m.end, "text": m.text,
        "sentence": [m.sentence_start, m.sentence_end], "event_type": m.event_type,
        "mode": m.mode, "aggregate": m.aggregate,
        "arguments": [dataclasses.asdict(a) for a in m.arguments], "means": list(m.means),
        "place_id": m.place_id, "place_span": _span(m.place_span),
        "date": ({"start": t.start, "end": t.end, "precision": t.precision,
                  "resolved": t.resolved} if t else None),
        "time_span": _span(m.time_span),
        "fatalities": _toll(m.fatalities), "injuries": _toll(m.injuries),
        "reported_by": m.reported_by, "reported_by_actor": m.reported_by_actor,
        "antecedent": m.antecedent, "event_id": event_id,
    }


def _toll(toll: Any) -> dict[str, Any] | None:
    if toll is None:
        return None
    return {"low": toll.low, "high": toll.high, "hedge": toll.hedge,
            "span": [toll.start, toll.end] if toll.start is not None else None,
            "added": toll.added}


def _events(store: Any, events: list[Event],
            families: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The events as exported, each saying whether it is listed (it happened and no analyst
    rejected it) and among the confident ones (two or more independent sources, or confirmed),
    as the dossier and the command line list them. ``families``: each article's source family
    (read here when not given)."""
    if families is None:
        families = families_of(store, {e.story_id for e in events})
    decisions = store.corrections.event_decisions()
    return [_event(e, families, decisions.get(e.event_id)) for e in events]


def _event(e: Event, families: dict[str, str], decision: str | None) -> dict[str, Any]:
    d = e.detail
    listed = is_listed(e, decision)
    independent = independent_sources({a for a, _ in e.sources}, families)
    place = place_by_id(e.place_id) if e.place_id else None
    return {
        "event_id": e.event_id, "story_id": e.story_id, "event_type": e.event_type,
        "label": d["label"], "family": e.family, "mode": e.mode,
        "aggregate": e.aggregate, "acled_event_type": d["acled_event_type"] or None,
        "acled_sub_event_type": d["acled_sub_event_type"] or None, "plover": d["plover"] or None,
        "date": ({"start": e.date_start, "end": e.date_end,
                  "precision": e.date_precision} if e.date_start else None),
        "place": dataclasses.asdict(place) if place else None,
        "fatalities": e.fatalities, "injuries": e.injuries,
        "mentions": e.mentions, "articles": e.articles, "outlets": d["outlets"],
        "participants": d["participants"], "means": d["means"],
        "reported_by": d["reported_by"], "values": values_record(e.values), "rules": d["rules"],
        "disagreements": d["disagreements"],
        "sources": [{"article_id": a, "start": s} for a, s in e.sources],
        "independent_sources": independent, "decision": decision, "listed": listed,
        "confident": listed and is_confident(independent, decision),
        "corrected": d.get("corrected", []),
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "article_id": q.article_id, "start": min(s for s, _ in q.content),
        "end": max(e for _, e in q.content), "spans": [list(s) for s in q.content],
        "cue": _span(q.cue), "speaker_span": _span(q.speaker), "speaker_text": q.speaker_text,
        "speaker_actor": q.speaker_actor, "speaker_canonical": q.speaker_canonical,
        "descriptor": q.descriptor, "kind": q.kind,
    }


def _number(n: NumericFact) -> dict[str, Any]:
    return {
        "article_id": n.article_id, "start": n.start, "end": n.end, "text": n.text,
        "low": n.low, "high": n.high, "hedge": n.hedge, "counted": n.counted,
        "counted_span": _span(n.counted_span), "time_scope": n.time_scope,
        "place_scope": n.place_scope, "speaker": n.speaker,
    }


def gather_citations(store: Any, story_id: str | None = None) -> list[dict[str, Any]]:
    """Citation records (:mod:`crossbearing.citations`) of every quote and every counted fact
    of the articles in stories (of one story), by story, article and position."""
    from crossbearing.citations import fact_record, quote_record, sentence_of

    stories = _stories(store, story_id)
    labels = store.events.source_labels()
    records = []
    for story in stories:
        for article in store.articles.articles_by_id(story["article_ids"]):
            source = labels.get(article.id, article.id)
            sentences = [(s.start, s.end) for s in store.annotations.sentences(article.id)]
            found = [quote_record(article, q, sentence_of(q.start, q.end, sentences), source,
                                  story["id"]) for q in store.annotations.quotes(article.id)]
            found += [fact_record(article, n, sentence_of(n.start, n.end, sentences), source,
                                  story["id"])
                      for n in store.annotations.numeric_facts(article.id) if n.counted]
            records += sorted(found, key=lambda r: (r["start"], r["kind"]))
    return records

