"""Reads the dossier and the web pages need beyond the stages' own: mentions with their
collection-wide entity, entities and their mentions. Reached as ``store.pages``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crossbearing.model_events import Entity
from crossbearing.store.database import chunks, placeholders

if TYPE_CHECKING:
    from crossbearing.store.database import Database

ENTITY_COLUMNS = ("entity_id", "name", "label", "actor_id", "mentions")
ENTITY_MENTION_COLUMNS = ("article_id", "start", "end", "text", "label", "actor_id", "entity_id")


def paged(query: str, limit: int | None, offset: int) -> tuple[str, tuple]:
    """``query`` and its parameters, limited to one page of ``limit`` rows from ``offset`` (all
    rows when ``limit`` is None)."""
    if limit is None:
        return query, ()
    return query + " LIMIT ? OFFSET ?", (limit, offset)


class PageRepository:
    """Entities and their mentions, as the pages read them (``store.pages``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def entity_mentions_in(self, article_ids: list[str]) -> list[dict[str, Any]]:
        """Mentions in these articles that belong to an entity, in text order."""
        found: list[dict[str, Any]] = []
        for chunk in chunks(article_ids):
            rows = self.store.execute(
                'SELECT article_id, start, "end", text, label, actor_id, entity_id FROM mentions '
                f"WHERE entity_id IS NOT NULL AND article_id IN ({placeholders(chunk)}) "
                "ORDER BY article_id, start", tuple(chunk)).fetchall()
            found += [dict(zip(ENTITY_MENTION_COLUMNS, row)) for row in rows]
        return found

    def entity_list(self, *, limit: int | None = None, offset: int = 0) -> list[Entity]:
        """Entities, most mentioned first."""
        query, params = paged(f"SELECT {', '.join(ENTITY_COLUMNS)} FROM entities "
                              "ORDER BY mentions DESC, name, entity_id", limit, offset)
        return [Entity(*row) for row in self.store.execute(query, params).fetchall()]

    def entity(self, entity_id: str) -> Entity | None:
        row = self.store.execute(f"SELECT {', '.join(ENTITY_COLUMNS)} FROM entities "
                                 "WHERE entity_id = ?",
                                 (entity_id,)).fetchone()
        return Entity(*row) if row else None

    def entity_mentions(self, entity_id: str, limit: int = 500) -> list[dict[str, Any]]:
        """Mentions of one entity with their article's outlet, in article and text order."""
        rows = self.store.execute(
            'SELECT m.article_id, m.start, m."end", m.text, m.label, m.actor_id, m.entity_id, '
            "a.outlet FROM mentions m JOIN articles a ON a.article_id = m.article_id "
            "WHERE m.entity_id = ? ORDER BY a.published, m.article_id, m.start LIMIT ?",
            (entity_id, limit)).fetchall()
        return [dict(zip(ENTITY_MENTION_COLUMNS + ("outlet",), row)) for row in rows]

    def quotes_by_actor(self, actor_id: str) -> list[tuple[str, int, int]]:
        """(article id, start, end) of the quotes whose speaker is this knowledge-base actor."""
        return [tuple(r) for r in self.store.execute(
            'SELECT article_id, start, "end" FROM quotes WHERE speaker_actor = ? '
            "ORDER BY article_id, start", (actor_id,)).fetchall()]
