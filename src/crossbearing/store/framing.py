"""Storing and reading framing annotations: the descriptors articles give actors and the loaded
words they use. Reached as ``store.framing``.

Saving an article's framing replaces what an earlier version of the stage stored for it, so a
rerun never duplicates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from crossbearing.model import Descriptor, LoadedTerm
from crossbearing.store.database import chunks, placeholders

if TYPE_CHECKING:
    from crossbearing.store.database import Database

DESCRIPTOR_COLUMNS = ("article_id", "start", '"end"', "text", "kind", "mention_start",
                      "mention_end", "actor_id", "canonical", "voice", "quote_start", "quote_end")
TERM_COLUMNS = ("article_id", "start", '"end"', "text", "term", "category", "tag", "neutral",
                "mention_start", "mention_end", "actor_id", "canonical", "voice", "quote_start",
                "quote_end")
class FramingRepository:
    """Descriptors and loaded terms (``store.framing``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def save_framing(self, article_id: str, descriptors: Iterable[Descriptor],
                     terms: Iterable[LoadedTerm], version: str) -> None:
        """Replace the descriptors and loaded terms of one article."""
        for table in ("framing_descriptors", "loaded_terms"):
            self.store.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.store.insert_many("framing_descriptors", DESCRIPTOR_COLUMNS + ("produced_by",), [
            (d.article_id, d.start, d.end, d.text, d.kind, *d.mention, d.actor_id, d.canonical,
             d.voice, *(d.quote or (None, None)), version) for d in descriptors])
        self.store.insert_many("loaded_terms", TERM_COLUMNS + ("produced_by",), [
            (t.article_id, t.start, t.end, t.text, t.term, t.category, t.tag, t.neutral,
             *(t.mention or (None, None)), t.actor_id, t.canonical, t.voice,
             *(t.quote or (None, None)), version) for t in terms])

    def descriptors(self, article_ids: Iterable[str]) -> list[Descriptor]:
        """The descriptors of these articles, by article and offset."""
        return [Descriptor(r[0], r[1], r[2], r[3], r[4], (r[5], r[6]), r[7], r[8], r[9],
                           _span(r[10], r[11]))
                for r in self._rows("framing_descriptors", DESCRIPTOR_COLUMNS, article_ids)]

    def loaded_terms(self, article_ids: Iterable[str]) -> list[LoadedTerm]:
        """The loaded terms of these articles, by article and offset."""
        return [LoadedTerm(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], _span(r[8], r[9]),
                           r[10], r[11], r[12], _span(r[13], r[14]))
                for r in self._rows("loaded_terms", TERM_COLUMNS, article_ids)]

    def mention_entities(self, article_ids: Iterable[str]) -> dict[tuple[str, int, int], tuple[str, str]]:
        """(article id, start, end) of each mention of these articles that the corpus stage
        resolved to an entity: the entity's id and name."""
        found = {}
        for chunk in chunks(article_ids):
            rows = self.store.execute(
                'SELECT m.article_id, m.start, m."end", e.entity_id, e.name FROM mentions m '
                "JOIN entities e ON e.entity_id = m.entity_id "
                f"WHERE m.article_id IN ({placeholders(chunk)})", tuple(chunk))
            for article_id, start, end, entity_id, name in rows.fetchall():
                found[(article_id, start, end)] = (entity_id, name)
        return found

    def _rows(self, table: str, columns: tuple[str, ...], article_ids: Iterable[str]) -> list[tuple]:
        rows: list[tuple] = []
        for chunk in chunks(article_ids):
            rows.extend(self.store.execute(
                f"SELECT {', '.join(columns)} FROM {table} WHERE article_id IN "
                f"({placeholders(chunk)}) ORDER BY article_id, start", tuple(chunk)))
        return sorted(rows, key=lambda r: (r[0], r[1], r[2]))


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None
