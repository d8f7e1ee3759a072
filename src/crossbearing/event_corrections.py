"""An analyst's corrections of an event: its type, date, place, fatalities, actor and target.

Corrections are kept apart from what the corpus stage computes (the ``overrides`` table) and
applied whenever events are read (``store.events.all``), so they survive every re-analysis that
keeps the event's id (the id comes from the event's first mention, docs/events.md). Each value is
checked when it is made (:func:`event_value`) and applied in the order made; a later correction
of one field replaces the earlier. A corrected event keeps every source's own values as
evidence and lists the fields an analyst set in ``detail["corrected"]``.

- ``event-type``: a type of ``data/events.toml`` (the label, family, ACLED and PLOVER codes
  follow it);
- ``event-date``: a day, a month or a year (``2024-02-07``, ``2024-02``, ``2024``);
- ``event-place``: a place the gazetteer knows, by name ("Tower 22", "Baghdad") or id;
- ``event-fatalities``: a whole number, 0 or more;
- ``event-actor``, ``event-target``: a knowledge-base actor, by id or any of its names; it
  replaces the actors (or the targets and victims) found.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Iterable, Mapping

from crossbearing.dates import day_of
from crossbearing.errors import UsageError
from crossbearing.model_events import Event

#: Correction kind → what its value holds (``crossbearing correct event`` options).
EVENT_KINDS = {
    "event-type": "an event type of data/events.toml (air_drone_strike, armed_clash, protest ...)",
    "event-date": "the event's date: a day, a month or a year (2024-02-07, 2024-02, 2024)",
    "event-place": "a place the gazetteer knows, by name or id (Baghdad, site:tower-22)",
    "event-fatalities": "the number killed, a whole number",
    "event-actor": "a knowledge-base actor, by id or name, as the event's actor",
    "event-target": "a knowledge-base actor, by id or name, as the event's target",
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def event_value(kind: str, value: str) -> str:
    """The value of an event correction as stored (an id for a place or an actor), or a
    :class:`UsageError` saying what is wrong with it."""
    value = value.strip()
    if kind == "event-type":
        from crossbearing.annotate.event_types import ontology

        if value not in ontology().types:
            raise UsageError(f"unknown event type {value!r}: one of {', '.join(sorted(ontology().types))}")
        return value
    if kind == "event-date":
        _span(value)
        return value
    if kind == "event-place":
        from crossbearing.kb.places import lookup_place, place_by_id

        place = place_by_id(value) if ":" in value else lookup_place(value)
        if place is None:
            raise UsageError(f"no place {value!r} in the gazetteer")
        return place.id
    if kind == "event-fatalities":
        if not value.isdigit():
            raise UsageError(f"fatalities are a whole number, not {value!r}")
        return str(int(value))
    return _actor(value).id


def corrected_events(events: list[Event],
                     corrections: Iterable[Mapping[str, str]]) -> list[Event]:
    """``events`` (as ``store.events.all`` reads them) with the corrections of their ids applied,
    in the order given (oldest first)."""
    by_event: dict[str, list[Mapping[str, str]]] = {}
    for correction in corrections:
        by_event.setdefault(correction["target"], []).append(correction)
    return [_apply(e, by_event[e.event_id]) if e.event_id in by_event else e
            for e in events]


def _apply(event: Event, corrections: list[Mapping[str, str]]) -> Event:
    fixed, detail = {}, dict(event.detail)
    fields = set(detail.get("corrected", ()))
    for correction in corrections:
        kind, value = correction["kind"], correction["value"]
        field = kind.removeprefix("event-")
        fields.add(field)
        if kind == "event-type":
            _set_type(fixed, detail, value)
        elif kind == "event-date":
            fixed["date_start"], fixed["date_end"], fixed["date_precision"] = _span(value)
        elif kind == "event-place":
            fixed["place_id"] = value
        elif kind == "event-fatalities":
            fixed["fatalities"] = float(value)
        else:
            detail["participants"] = _with_participant(detail["participants"], field, value)
    detail["corrected"] = sorted(fields)
    return dataclasses.replace(event, **fixed, detail=detail)


def _set_type(fixed: dict[str, Any], detail: dict[str, Any], value: str) -> None:
    """The fields of an event and its detail that follow from its corrected type."""
    from crossbearing.annotate.event_types import ontology

    kind = ontology().type(value)
    fixed["event_type"], fixed["family"] = value, kind.family
    detail.update(label=kind.label, acled_event_type=kind.acled_event_type,
                  acled_sub_event_type=kind.acled_sub_event_type, plover=kind.plover)


def _with_participant(participants: list[dict[str, Any]], role: str,
                      actor_id: str) -> list[dict[str, Any]]:
    """The participants with the analyst's actor in place of those found in the role (an
    actor; a target replaces the targets and victims)."""
    roles = ("actor",) if role == "actor" else ("target", "victim")
    actor = _actor(actor_id)
    kept = [p for p in participants if p["role"] not in roles]
    found = [p for p in participants if p["role"] in roles and p["actor_id"] == actor.id]
    return kept + [{"actor_id": actor.id, "name": actor.name, "role": role,
                    "texts": sorted({t for p in found for t in p.get("texts", ())}),
                    "outlets": sorted({o for p in found for o in p.get("outlets", ())}),
                    "articles": sorted({a for p in found for a in p.get("articles", ())})}]


def _actor(value: str):
    from crossbearing.kb import actor_by_id, actors_by_name_key, name_key

    try:
        return actor_by_id(value)
    except KeyError:
        found = actors_by_name_key().get(name_key(value))
        if found is None:
            raise UsageError(f"no actor {value!r} in the knowledge base (docs/kb.md)") from None
        return actor_by_id(found)


def _span(value: str) -> tuple[str, str, str]:
    """(first day, last day, precision) of a day, a month or a year (``dates.day_of``)."""
    match = _DATE.match(value)
    if match is None:
        raise UsageError(f"a date is a day, a month or a year (2024-02-07, 2024-02, 2024), "
                         f"not {value!r}")
    _, month, day = match.groups()
    try:
        first, last = day_of(value), day_of(value, last=True)
    except ValueError as error:
        raise UsageError(f"no such date {value!r}: {error}") from None
    precision = "day" if day else "month" if month else "year"
    return first.isoformat(), last.isoformat(), precision
