"""Curated knowledge base of the actors that news reports name.

The data lives in TOML files under ``kb/data`` (one ``[[actor]]`` table per actor); this package
loads and validates it and offers lookups by id and by normalised name. See ``docs/kb.md``.
"""

from __future__ import annotations

from crossbearing.kb.actors import (
    KB_VERSION,
    KINDS,
    RELATION_TYPES,
    TYPES,
    Actor,
    Relation,
    actor_by_id,
    actors_by_name_key,
    load_actors,
    name_key,
)

__all__ = [
    "KB_VERSION",
    "KINDS",
    "RELATION_TYPES",
    "TYPES",
    "Actor",
    "Relation",
    "actor_by_id",
    "actors_by_name_key",
    "load_actors",
    "name_key",
]
