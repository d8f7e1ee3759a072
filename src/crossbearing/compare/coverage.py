"""Coverage: which outlet of a story reports which event, claim and quoted statement, and which
leaves it out.

Rows are the story's events (asserted single events, and those mentioned by more than one
article), its claim groups and its quote groups; columns are its sources (outlets, or file names
where the outlet is unknown). A cell is ``reported`` with the spans that report it,
``unclear`` when the source has another event that may be this one told in other words
(:func:`may_be_same`: merging kept them apart, so leaving it out is not plain), or
``omitted``. A source with several articles reports an item when any of them does. Each row
also counts the reports that carry the item and the independent sources they are (source
families, :mod:`crossbearing.sources`): a reprint of a report adds a report, not a source.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crossbearing.corpus.event_items import GENERIC
from crossbearing.errors import NotFound
from crossbearing.model_comparison import ClaimGroup, ClaimMember, QuoteGroup, QuoteMember
from crossbearing.model_events import Event, is_listed
from crossbearing.sources import sources_phrase, story_families


def coverage(sources: dict[str, str], events: Iterable[Event],
             claim_groups: Iterable[ClaimGroup], quote_groups: Iterable[QuoteGroup],
             families: dict[str, str] | None = None) -> dict[str, Any]:
    """The coverage matrix from a story's records. ``sources`` maps each article id of the
    story to its source label, ``families`` to its source family (each report its own when not
    given); events are stored events, with ``sources`` as (article_id, start) pairs; the groups
    are the stored claim and quote groups. An event has a row when it is a single event that
    happened, dated no less precisely than the listed ones (``model_events.is_listed``, an
    analyst's decision aside): history a report recalls in passing ("in 2001") is no news
    another outlet left out, and the events table has no row for it to link to."""
    families = families or {}
    columns = sorted(set(sources.values()))
    rows = []
    events = list(events)
    for event in events:
        if not _worth_a_row(event):
            continue
        spans = [{"article_id": a, "start": s} for a, s in event.sources]
        row = _row("event", event.event_id, _event_label(event), spans, sources, columns,
                   families)
        for label in possible_reporters(event, events, lambda a: sources.get(a)):
            if label in row["cells"] and row["cells"][label]["status"] == "omitted":
                row["cells"][label]["status"] = "unclear"  # it may be their other event
        rows.append(row)
    for group in claim_groups:
        label = f"{group.thing} ({group.status}{', ' + group.kind if group.kind else ''})"
        rows.append(_row("claim", group.group_id, label, _spans(group.members), sources,
                         columns, families))
    for group in quote_groups:
        words = (group.members[0].text or "")[:80]
        rows.append(_row("quote", group.group_id, f"“{words}”", _spans(group.members), sources,
                         columns, families))
    return {"sources": columns, "rows": rows,
            "omissions": {c: sum(1 for r in rows if r["cells"][c]["status"] == "omitted")
                          for c in columns}}


def _spans(members: Iterable[ClaimMember | QuoteMember]) -> list[dict[str, Any]]:
    """Where each member of a claim or quote group stands."""
    return [{"article_id": m.article_id, "start": m.start, "end": m.end} for m in members]


def may_be_same(a: Event | dict, b: Event | dict) -> bool:
    """Whether two events of a story could be one real event that merging kept apart (an outlet
    told it in other words, or left out what would join them): the same family and mode, types
    equal or one generic, dates that overlap where both are known, places in one country (and
    the same town or site) where both are known; and something in common: the same specific
    type, or a place both give (an undated "attack" somewhere is too little). An outlet with
    such an event has not clearly left the other out. Takes stored events and event views
    (dicts) alike."""
    ka, kb = _compared(a), _compared(b)

    if any(ka[k] != kb[k] for k in ("family", "mode", "aggregate")):
        return False  # a count of many events is no report of one ("over 160 attacks")
    if ka["type"] != kb["type"] and not (ka["family"] == "violent" and (
            ka["type"] in GENERIC or kb["type"] in GENERIC)):
        return False
    if ka["start"] and kb["start"] and (ka["end"] < kb["start"] or kb["end"] < ka["start"]):
        return False
    if not _places_agree(ka["place"], kb["place"]):
        return False
    # something in common besides no conflict: the specific type, or a place both give
    same_kind = ka["type"] == kb["type"] and ka["type"] not in GENERIC
    return same_kind or bool(ka["place"] and kb["place"])


def possible_reporters(event: Event | dict, events: Iterable[Event | dict],
                       label_of) -> set[str]:
    """The sources (``label_of(article_id)``) of the other events that may be ``event``."""
    found: set[str] = set()
    for other in events:
        if _event_id(other) != _event_id(event) and may_be_same(event, other):
            found.update(label_of(a) for a in _articles(other))
    return found


def _compared(event: Event | dict) -> dict[str, Any]:
    """What :func:`may_be_same` compares, of a stored event or an event view."""
    if isinstance(event, Event):
        return {"family": event.family, "mode": event.mode, "aggregate": event.aggregate,
                "type": event.event_type, "start": event.date_start,
                "end": event.date_end or event.date_start, "place": event.place_id}
    start = event.get("date_start", event.get("date"))
    return {"family": event["family"], "mode": event.get("mode", "asserted"),
            "aggregate": bool(event.get("aggregate")),
            "type": event.get("event_type", event.get("type")), "start": start,
            "end": event.get("date_end") or start, "place": event.get("place_id")}


def _places_agree(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b:
        return True
    from crossbearing.kb.places import place_by_id

    pa, pb = place_by_id(a), place_by_id(b)
    if pa is None or pb is None:
        return True
    if pa.country and pb.country and pa.country != pb.country:
        return False
    return not (pa.kind in ("city", "site") and pb.kind in ("city", "site"))


def _event_id(event: Event | dict) -> str:
    if isinstance(event, Event):
        return event.event_id
    return event.get("event_id", event.get("id"))


def _articles(event: Event | dict) -> list[str]:
    if isinstance(event, Event):
        return [a for a, _ in event.sources]
    return [s["article_id"] if isinstance(s, dict) else s[0] for s in event["sources"]]


def _worth_a_row(event: Event) -> bool:
    single = is_listed(event, None) and not event.aggregate
    return single and (event.family != "verbal" or event.articles > 1)


def _event_label(event: Event) -> str:
    detail = event.detail
    parts = [detail["label"]]
    place = event.values.place
    if place:
        parts.append("in " + min(place, key=lambda p: p.kind != "city").name)
    if event.date_start:
        parts.append(event.date_start)
    if event.fatalities is not None:
        parts.append(f"{event.fatalities:g} killed")
    return ", ".join(parts)


def _row(kind: str, item_id: str, label: str, spans: list[dict], sources: dict[str, str],
         columns: list[str], families: dict[str, str]) -> dict[str, Any]:
    by_source: dict[str, list[dict]] = {c: [] for c in columns}
    for span in spans:
        source = sources.get(span["article_id"])
        if source is not None:
            by_source[source].append({"article_id": span["article_id"], "start": span["start"],
                                      "end": span.get("end")})
    cells = {c: {"status": "reported" if found else "omitted", "spans": found}
             for c, found in by_source.items()}
    reports = {s["article_id"] for s in spans if s["article_id"] in sources}
    independent = len({families.get(a, a) for a in reports})
    return {"kind": kind, "id": item_id, "label": label, "cells": cells,
            "reported": sum(1 for c in cells.values() if c["status"] == "reported"),
            "reports": len(reports), "independent": independent,
            "sources_phrase": sources_phrase(len(reports), independent)}


def story_coverage(store, story_id: str) -> dict[str, Any]:
    """The coverage matrix of one stored story; NotFound for an unknown story."""
    members = store.corpus.story_members(story_id)
    if not members:
        raise NotFound(f"no story {story_id!r}")
    labels = store.events.source_labels()
    sources = {a: labels.get(a, a) for a in members}
    found = story_families(store, store.articles.articles_by_id(members))
    return {"story_id": story_id,
            **coverage(sources, store.events.all(story_id), store.comparison.claim_groups(story_id),
                       store.comparison.quote_groups(story_id),
                       {a: found.family_of(a) for a in members})}
