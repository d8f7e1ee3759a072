"""Typed results of the corpus stage about actors and happenings: the collection-wide entity and
the merged event as the store keeps them, read by the views and the exports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Entity:
    """An actor or place as one identity across the collection, as stored: its id (the
    knowledge-base id, or ``ent-`` + a hash), name, label (PERSON, ORG, GPE, NORP, LOC, FAC),
    knowledge-base actor id and number of mentions."""

    entity_id: str
    name: str
    label: str
    actor_id: str | None
    mentions: int


@dataclass(frozen=True)
class Event:
    """One real event merged across a story's reports, as the corpus stage builds it and the
    store keeps it: its id and story, type and family, mode (asserted, future, hypothetical,
    suspended), whether it is a count or series (``aggregate``), the resolved date, place and
    tolls, ``detail`` (label, ACLED and PLOVER codes, participants, means, outlets, every value
    each source gives with the rules that chose one, the disagreements and the fields an
    analyst corrected: docs/data-model.md), how many mentions and articles tell it, and its
    ``sources``: the (article id, start) of each event mention."""

    event_id: str
    story_id: str | None
    event_type: str
    family: str
    mode: str
    aggregate: bool
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    place_id: str | None
    fatalities: float | None
    injuries: float | None
    detail: dict[str, Any]
    mentions: int
    articles: int
    sources: tuple[tuple[str, int], ...]
