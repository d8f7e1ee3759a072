"""Reads the exports need and no other part of the store offers: every mention with the entity
it was assigned to, and the snapshots of knowledge-base actors and places.
Reached as ``store.exports``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crossbearing.store.annotations import PLACE_COLUMNS

if TYPE_CHECKING:
    from crossbearing.store.database import Database

ENTITY_MENTION_KEYS = ("article_id", "start", "end", "text", "label", "entity_id", "actor_id",
                       "place_id", "link")
ACTOR_KEYS = ("actor_id", "name", "type", "kind", "country", "wikidata", "kb_version")


class ExportRepository:
    """Whole-table reads for exports (``store.exports``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def all_entity_mentions(self) -> list[dict[str, Any]]:
        """Every name mention with the entity it belongs to (None before the corpus stage)."""
        rows = self.store.execute('SELECT article_id, start, "end", text, label, entity_id, '
                                  "actor_id, place_id, link FROM mentions "
                                  "ORDER BY article_id, start").fetchall()
        return [dict(zip(ENTITY_MENTION_KEYS, r)) for r in rows]

    def actor_records(self) -> list[dict[str, Any]]:
        """The knowledge-base actors that mentions refer to, as annotation stored them."""
        rows = self.store.execute(f"SELECT {', '.join(ACTOR_KEYS)} FROM actors "
                                  "ORDER BY actor_id").fetchall()
        return [dict(zip(ACTOR_KEYS, r)) for r in rows]

    def place_records(self) -> list[dict[str, Any]]:
        """The places that mentions refer to, as annotation stored them."""
        rows = self.store.execute(f"SELECT {', '.join(PLACE_COLUMNS)} FROM places "
                                  "ORDER BY place_id").fetchall()
        return [dict(zip(PLACE_COLUMNS, r)) for r in rows]
