"""Storing and reading per-article annotations: sentences, mentions, places, actors, time
expressions, and which stage version produced them. Reached as ``store.annotations``.

Saving an article's annotations replaces whatever an earlier version of the stage stored for it,
in one transaction, so a rerun never duplicates and a new version never mixes with an old one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable

from crossbearing.model import (
    NO_ENTITY_LINKS,
    Mention,
    NumericFact,
    Place,
    Quote,
    Sentence,
    TimeMention,
    TimeValue,
)
from crossbearing.store.clock import utc_now
from crossbearing.store.database import chunks, placeholders

if TYPE_CHECKING:
    from crossbearing.kb import Actor
    from crossbearing.store.database import Database

MENTION_COLUMNS = ("article_id", "start", '"end"', "text", "label", "actor_id", "canonical",
                   "name_key", "link", "place_id")
TIME_COLUMNS = ("article_id", "start", '"end"', "text", "date_start", "date_end", "precision",
                "resolved", "reason", "open_start", "open_end", "anchor")
#: Tables an article stage writes, cleared before its new results are saved.
ANNOTATION_TABLES = ("sentences", "mentions", "time_expressions", "quotes", "numeric_facts")
QUOTE_COLUMNS = ("article_id", "start", '"end"', "content", "cue_start", "cue_end", "speaker_start",
                 "speaker_end", "speaker_text", "speaker_actor", "speaker_canonical", "descriptor",
                 "kind")
#: Analysable articles without a run of this version of the stage, nor a failure of this version
#: (parameters: stage, version, stage, version).
PENDING = ("SELECT a.article_id FROM articles a LEFT JOIN stage_runs r ON r.article_id = "
           "a.article_id AND r.stage = ? WHERE a.analysable = 1 AND (r.version IS NULL OR "
           "r.version <> ?) AND NOT EXISTS (SELECT 1 FROM failures f WHERE f.stage = ? AND "
           "f.target = a.article_id AND f.version = ?)")
PLACE_COLUMNS = ("place_id", "name", "kind", "country", "latitude", "longitude", "precision",
                 "source")
NUMBER_COLUMNS = ("article_id", "start", '"end"', "text", "low", "high", "hedge", "counted",
                  "counted_start", "counted_end", "time_scope", "place_scope", "speaker")


class AnnotationRepository:
    """Per-article annotations and the stage runs that produced them
    (``store.annotations``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def pending_articles(self, stage: str, version: str) -> list[str]:
        """Ids of analysable articles that this version of ``stage`` has not annotated yet."""
        rows = self.store.execute(PENDING + " ORDER BY a.article_id",
                                  (stage, version, stage, version)).fetchall()
        return [row[0] for row in rows]

    def claim_pending(self, stage: str, version: str, limit: int, after: str = "") -> list[str]:
        """Up to ``limit`` pending article ids above ``after`` (the last batch's: each batch
        starts where the last ended) that no concurrent run has claimed. Call it inside
        the transaction that saves their results: on PostgreSQL the claim is a lock on their
        article rows until then, which other runs skip (on SQLite, the transaction's write lock
        makes runs take turns)."""
        while True:
            ids = [r[0] for r in self.store.execute(
                PENDING + " AND a.article_id > ? ORDER BY a.article_id LIMIT ?"
                + self.store.claim_lock,
                (stage, version, stage, version, after, limit)).fetchall()]
            if not ids or not self.store.claim_lock:
                return ids
            # The locking query read stage_runs as of its start: a run that saved some of these
            # just before they were locked is seen only by a new statement.
            done = {r[0] for r in self.store.execute(
                f"SELECT article_id FROM stage_runs WHERE stage = ? AND version = ? AND "
                f"article_id IN ({', '.join('?' * len(ids))})", (stage, version, *ids))}
            if len(done) < len(ids):
                return [i for i in ids if i not in done]

    def save_references(self, actors: Iterable["Actor"], places: Iterable[Place],
                        kb_version: str) -> None:
        """Store (or refresh) the knowledge-base actors and places that mentions refer to.
        Saving a batch's in id order first keeps concurrent runs from deadlocking on them."""
        self.store.insert_many(
            "actors", ("actor_id", "name", "type", "kind", "country", "wikidata", "kb_version"),
            [(a.id, a.name, a.type, a.kind, a.country or None, a.wikidata or None, kb_version)
             for a in actors],
            "ON CONFLICT (actor_id) DO UPDATE SET name = excluded.name, type = excluded.type, "
            "kind = excluded.kind, country = excluded.country, wikidata = excluded.wikidata, "
            "kb_version = excluded.kb_version")
        self.store.insert_many(
            "places", PLACE_COLUMNS,
            [(p.id, p.name, p.kind, p.country, p.latitude, p.longitude, p.precision, p.source)
             for p in places], "ON CONFLICT (place_id) DO NOTHING")

    def save_annotations(self, article_id: str, stage: str, version: str, *,
                         sentences: Iterable[Sentence], mentions: Iterable[Mention],
                         times: Iterable[TimeMention], places: Iterable[Place],
                         actors: Iterable["Actor"], kb_version: str,
                         quotes: Iterable[Quote] = (), numbers: Iterable[NumericFact] = ()) -> None:
        """Replace the annotations of one article by a stage's new results."""
        for table in ANNOTATION_TABLES:
            self.store.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.save_references(actors, places, kb_version)
        self.store.insert_many("sentences", ("article_id", "sentence", "start", '"end"'),
                               [(s.article_id, s.index, s.start, s.end) for s in sentences])
        self.store.insert_many("mentions", MENTION_COLUMNS + ("produced_by",),
                               [(m.article_id, m.start, m.end, m.text, m.label, m.actor_id,
                                 m.canonical, m.name_key, m.link, m.place_id, version)
                                for m in mentions])
        self.store.insert_many("time_expressions", TIME_COLUMNS + ("produced_by",),
                               [(t.article_id, t.start, t.end, t.text, t.value.start, t.value.end,
                                 t.value.precision, int(t.value.resolved), t.value.reason,
                                 int(t.value.open_start), int(t.value.open_end), t.anchor, version)
                                for t in times])
        self.store.insert_many("quotes", QUOTE_COLUMNS + ("produced_by",),
                               [_quote_row(q) + (version,) for q in quotes])
        self.store.insert_many("numeric_facts", NUMBER_COLUMNS + ("produced_by",),
                               [_number_row(n) + (version,) for n in numbers])
        self.store.failures.clear_failures(stage, article_id)
        self.store.execute("INSERT INTO stage_runs (article_id, stage, version, ran_at) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (article_id, stage) DO UPDATE SET "
                           "version = excluded.version, ran_at = excluded.ran_at",
                           (article_id, stage, version,
                            utc_now()))

    def quotes(self, article_id: str | None = None) -> list[Quote]:
        """Quotes of one article, or of all, in text order."""
        where, params = (" WHERE article_id = ?", (article_id,)) if article_id else ("", ())
        rows = self.store.execute(f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes{where} "
                                  "ORDER BY article_id, start", params).fetchall()
        return [_quote_from_row(row) for row in rows]

    def quote_kinds(self, article_ids: Iterable[str]) -> dict[tuple[str, int, int], str]:
        """(article id, start, end) → kind of each quote of these articles (start and end as
        stored: the extent of its content spans), without reading the rest of them."""
        kinds = {}
        for chunk in chunks(article_ids):
            for article_id, start, end, kind in self.store.execute(
                    'SELECT article_id, start, "end", kind FROM quotes WHERE article_id IN '
                    f"({placeholders(chunk)})", tuple(chunk)).fetchall():
                kinds[(article_id, start, end)] = kind
        return kinds

    def numeric_facts(self, article_id: str | None = None) -> list[NumericFact]:
        """Numeric facts of one article, or of all, in text order."""
        where, params = (" WHERE article_id = ?", (article_id,)) if article_id else ("", ())
        rows = self.store.execute(f"SELECT {', '.join(NUMBER_COLUMNS)} FROM numeric_facts{where} "
                                  "ORDER BY article_id, start", params).fetchall()
        return [_number_from_row(row) for row in rows]

    def sentences(self, article_id: str) -> list[Sentence]:
        rows = self.store.execute('SELECT article_id, sentence, start, "end" FROM sentences WHERE '
                                  "article_id = ? ORDER BY sentence", (article_id,)).fetchall()
        return [Sentence(*row) for row in rows]

    def mentions(self, article_id: str | None = None) -> list[Mention]:
        """Mentions of one article, or of all, in text order."""
        query = f"SELECT {', '.join(MENTION_COLUMNS)} FROM mentions"
        params: tuple = ()
        if article_id is not None:
            query += " WHERE article_id = ?"
            params = (article_id,)
        rows = self.store.execute(query + " ORDER BY article_id, start", params).fetchall()
        return [Mention(*row) for row in rows]

    def time_mentions(self, article_id: str | None = None) -> list[TimeMention]:
        """Time mentions of one article, or of all, in text order."""
        where, params = (" WHERE article_id = ?", (article_id,)) if article_id else ("", ())
        rows = self.store.execute(f"SELECT {', '.join(TIME_COLUMNS)} FROM time_expressions{where}"
                                  " ORDER BY article_id, start", params).fetchall()
        return [TimeMention(r[0], r[1], r[2], r[3],
                            TimeValue(r[4], r[5], r[6], bool(r[7]), r[8], bool(r[9]), bool(r[10])),
                            r[11]) for r in rows]

    def update_time_values(self, mentions: Iterable[TimeMention]) -> int:
        """Store new values (and anchors) of already stored time expressions, and the dates of
        the event mentions dated by them (the caller holds the transaction). Returns how many."""
        rows = [(m.value.start, m.value.end, m.value.precision, int(m.value.resolved),
                 m.value.reason, int(m.value.open_start), int(m.value.open_end), m.anchor,
                 m.article_id, m.start, m.end) for m in mentions]
        if rows:
            self.store.executemany(
                "UPDATE time_expressions SET date_start = ?, date_end = ?, precision = ?, "
                "resolved = ?, reason = ?, open_start = ?, open_end = ?, anchor = ? WHERE "
                'article_id = ? AND start = ? AND "end" = ?', rows)
            self.store.executemany(
                "UPDATE event_mentions SET date_start = ?, date_end = ?, date_precision = ?, "
                'date_resolved = ? WHERE article_id = ? AND time_start = ? AND time_end = ?',
                [r[:4] + r[8:] for r in rows])
        return len(rows)

    def place(self, place_id: str) -> Place | None:
        row = self.store.execute(f"SELECT {', '.join(PLACE_COLUMNS)} FROM places "
                                 "WHERE place_id = ?",
                                 (place_id,)).fetchone()
        return Place(*row) if row else None

    def entity_table(self) -> list[dict[str, Any]]:
        """Mentions grouped by the entity they name and by source (:meth:`source_labels`): one
        row per entity with its mentions, and per source the count and the spellings used. The
        entity is the collection's (``entities``: spellings joined across articles, analysts'
        merges and splits applied) where the corpus stage has run, else the knowledge-base actor
        or the canonical name and type; mentions that name no entity (``NO_ENTITY_LINKS``, or
        that the corpus stage left out of every entity: a bare surname two people of the
        collection bear) are left out."""
        resolved = self.store.execute("SELECT 1 FROM entities LIMIT 1").fetchone() is not None
        rows = self.store.execute(
            "SELECT COALESCE(e.entity_id, ''), COALESCE(e.actor_id, m.actor_id, ''), "
            "COALESCE(e.name, ac.name, m.canonical), COALESCE(e.label, m.label), "
            "m.article_id, m.text, COUNT(*) FROM mentions m "
            "LEFT JOIN entities e ON e.entity_id = m.entity_id "
            "LEFT JOIN actors ac ON ac.actor_id = m.actor_id "
            f"WHERE m.link NOT IN ({', '.join('?' for _ in NO_ENTITY_LINKS)}) "
            + ("AND m.entity_id IS NOT NULL " if resolved else "") +
            "GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 3, 5, 7 DESC", NO_ENTITY_LINKS).fetchall()
        labels = self.store.events.source_labels()
        grouped: dict[tuple, dict[str, Any]] = {}
        for entity_id, actor_id, name, label, article_id, text, count in rows:
            outlet = labels.get(article_id, article_id)
            key = (entity_id,) if entity_id else (
                actor_id or None, name if not actor_id else "", label if not actor_id else "")
            entry = grouped.setdefault(key, {"entity_id": entity_id or None,
                                             "actor_id": actor_id or None, "name": name,
                                             "label": label, "mentions": 0, "outlets": {}})
            per_outlet = entry["outlets"].setdefault(outlet, {"mentions": 0, "forms": {}})
            per_outlet["mentions"] += count
            per_outlet["forms"][text] = per_outlet["forms"].get(text, 0) + count
            entry["mentions"] += count
        return sorted(grouped.values(), key=lambda e: (-e["mentions"], e["name"]))


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def _quote_row(q: Quote) -> tuple:
    cue, speaker = q.cue or (None, None), q.speaker or (None, None)
    return (q.article_id, q.start, q.end, json.dumps([list(span) for span in q.content]),
            cue[0], cue[1], speaker[0], speaker[1], q.speaker_text, q.speaker_actor,
            q.speaker_canonical, q.descriptor, q.kind)


def _quote_from_row(r: tuple) -> Quote:
    return Quote(r[0], tuple(tuple(span) for span in json.loads(r[3])), _span(r[4], r[5]),
                 _span(r[6], r[7]), r[8], r[9], r[10], r[11], r[12])


def _number_row(n: NumericFact) -> tuple:
    counted = n.counted_span or (None, None)
    return (n.article_id, n.start, n.end, n.text, n.low, n.high, n.hedge, n.counted, counted[0],
            counted[1], n.time_scope, n.place_scope, n.speaker)


def _number_from_row(r: tuple) -> NumericFact:
    return NumericFact(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], _span(r[8], r[9]), r[10],
                       r[11], r[12])
