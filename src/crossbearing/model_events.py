"""Typed results of the corpus stage about actors and happenings: the collection-wide entity as
the store keeps it, read by the views and the exports under the export's field names."""

from __future__ import annotations

from dataclasses import dataclass


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
