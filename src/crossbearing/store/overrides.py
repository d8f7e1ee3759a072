"""Analyst corrections: merge or split actors, mark a shared passage as not reuse, confirm or
reject an event, correct an article's outlet, publication date or title. Reached as
``store.corrections``.

Corrections are stored apart from computed results (migration 9) and applied to them: entity
corrections by :meth:`CorrectionRepository.apply_entity_overrides`, which the corpus stage calls
after it recomputes identities (and the web app calls at once); reuse and event corrections when
the views are built; article corrections whenever the store reads an article
(:meth:`CorrectionRepository.corrected_articles`), so every stage, view and export sees the
corrected outlet, date and title while the article's row keeps what was read. So re-running the
analysis, or ingesting the same file again, never loses them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from crossbearing.errors import UsageError
from crossbearing.event_corrections import EVENT_KINDS, event_value
from crossbearing.ids import stable_id
from crossbearing.model import Article, DateValue

if TYPE_CHECKING:
    from crossbearing.store.database import Database

#: Kinds of correction and what their ``value`` holds.
OVERRIDE_KINDS = {
    "merge-entities": "the entity id the target entity is merged into",
    "split-entity": "a spelling whose mentions leave the target entity for one of their own",
    "not-reuse": "'not-reuse' (the target passage 'a|b|a_start|b_start' is not reuse)",
    "event": "'confirm' or 'reject'",
    "article-outlet": "the outlet the target article was published by",
    "article-published": "the target article's publication date, ISO 8601 (2024-02-07, or with "
                         "a time)",
    "article-title": "the target article's title",
    **EVENT_KINDS,
}
#: Article corrections: the kind and the field of :class:`~crossbearing.model.Article` it sets.
ARTICLE_FIELDS = {"article-outlet": "outlet", "article-published": "published",
                  "article-title": "title"}
#: ``source`` of a corrected outlet or publication date.
CORRECTION_SOURCE = "correction"
#: SQL for an article's outlet, corrected (``a`` is the articles table).
CORRECTED_OUTLET = ("COALESCE((SELECT o.value FROM overrides o WHERE o.kind = 'article-outlet' "
                    "AND o.target = a.article_id), a.outlet)")
OVERRIDE_COLUMNS = ("override_id", "kind", "target", "value", "note", "created_at")


class CorrectionRepository:
    """The analyst's corrections, stored and applied (``store.corrections``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def add_override(self, kind: str, target: str, value: str, note: str = "") -> str:
        """Store one correction (the same one twice is stored once); returns its id."""
        if kind not in OVERRIDE_KINDS:
            raise UsageError(f"unknown correction {kind!r}: one of {', '.join(OVERRIDE_KINDS)}")
        if kind == "event" and value not in ("confirm", "reject"):
            raise UsageError("an event is confirmed or rejected: value 'confirm' or 'reject'")
        if kind in ARTICLE_FIELDS:
            value = article_value(kind, value)
        if kind in EVENT_KINDS:
            value = event_value(kind, value)
        if kind == "event" or kind in ARTICLE_FIELDS or kind in EVENT_KINDS:  # the later wins
            self.store.execute("DELETE FROM overrides WHERE kind = ? AND target = ?",
                               (kind, target))
        override_id = stable_id("override", kind, target, value)
        self.store.execute("INSERT INTO overrides (override_id, kind, target, value, note, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (override_id) DO NOTHING",
                           (override_id, kind, target, value, note,
                            datetime.now(timezone.utc).isoformat(timespec="microseconds")))
        return override_id

    def overrides(self, kind: str | None = None) -> list[dict[str, Any]]:
        """Stored corrections, oldest first (the order they apply in)."""
        where, params = (" WHERE kind = ?", (kind,)) if kind else ("", ())
        rows = self.store.execute(f"SELECT {', '.join(OVERRIDE_COLUMNS)} FROM overrides{where} "
                                  "ORDER BY created_at, override_id", params).fetchall()
        return [dict(zip(OVERRIDE_COLUMNS, row)) for row in rows]

    def remove_override(self, override_id: str) -> bool:
        """Withdraw a correction (it stops applying from the next corpus run); True if found."""
        return self.store.execute("DELETE FROM overrides WHERE override_id = ?",
                                  (override_id,)).rowcount == 1

    def rejected_passages(self) -> set[str]:
        """Keys 'a|b|a_start|b_start' of passages marked as not reuse."""
        return {o["target"] for o in self.overrides("not-reuse")}

    def event_decisions(self) -> dict[str, str]:
        """Event id -> 'confirm' or 'reject'."""
        return {o["target"]: o["value"] for o in self.overrides("event")}

    def event_corrections(self) -> list[dict[str, Any]]:
        """Corrections of events' fields (``event-type``, ``event-date`` ...), oldest first."""
        return [o for o in self.overrides() if o["kind"] in EVENT_KINDS]

    def article_corrections(self) -> dict[str, dict[str, str]]:
        """Article id -> {field: corrected value} for every corrected article."""
        rows = self.store.execute("SELECT kind, target, value FROM overrides WHERE kind LIKE "
                                  "'article-%' ORDER BY created_at, override_id").fetchall()
        found: dict[str, dict[str, str]] = {}
        for kind, target, value in rows:
            if kind in ARTICLE_FIELDS:
                found.setdefault(target, {})[ARTICLE_FIELDS[kind]] = value
        return found

    def corrected_articles(self, articles: list[Article]) -> list[Article]:
        """``articles`` with the analyst's corrections of outlet, date and title applied."""
        fixes = self.article_corrections()
        if not fixes:
            return articles
        return [corrected(a, fixes[a.id]) if a.id in fixes else a for a in articles]

    def apply_entity_overrides(self) -> int:
        """Apply the merge and split corrections, in the order made, to the computed entities
        and mentions. Corrections whose entities no longer exist are skipped. Returns how many
        applied."""
        applied = 0
        for override in self.overrides():
            if override["kind"] == "merge-entities":
                applied += self._merge_entity(override["target"], override["value"])
            elif override["kind"] == "split-entity":
                applied += self._split_entity(override["target"], override["value"])
        return applied

    def _entity_exists(self, entity_id: str) -> bool:
        return self.store.execute("SELECT 1 FROM entities WHERE entity_id = ?",
                                  (entity_id,)).fetchone() is not None

    def _merge_entity(self, source: str, into: str) -> int:
        if source == into or not (self._entity_exists(source) and self._entity_exists(into)):
            return 0
        self.store.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (into, source))
        self.store.execute("DELETE FROM entities WHERE entity_id = ?", (source,))
        self._recount(into)
        return 1

    def _split_entity(self, source: str, spelling: str) -> int:
        """Mentions of ``source`` written ``spelling`` become an entity of their own."""
        row = self.store.execute("SELECT label FROM entities WHERE entity_id = ?",
                                 (source,)).fetchone()
        if row is None:
            return 0
        new_id = "split-" + stable_id("split", source, spelling)[:16]
        moved = self.store.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ? "
                                   "AND text = ?",
                                   (new_id, source, spelling)).rowcount
        if not moved:
            return 0
        self.store.execute("INSERT INTO entities (entity_id, name, label, actor_id, mentions) "
                           "VALUES (?, ?, ?, NULL, 0) ON CONFLICT (entity_id) DO NOTHING",
                           (new_id, spelling, row[0]))
        self._recount(new_id)
        self._recount(source)
        return 1

    def _recount(self, entity_id: str) -> None:
        self.store.execute("UPDATE entities SET mentions = (SELECT COUNT(*) FROM mentions WHERE "
                           "entity_id = ?) WHERE entity_id = ?", (entity_id, entity_id))


def article_value(kind: str, value: str) -> str:
    """A corrected outlet, date or title as stored: trimmed, a known outlet by its table name,
    a date checked as ISO 8601. A UsageError when empty or not a date."""
    from crossbearing.clean.outlets import outlet_by_name

    value = " ".join((value or "").split())
    if not value:
        raise UsageError(f"{kind}: the corrected value is empty")
    if kind == "article-outlet":
        known = outlet_by_name(value)
        return known.name if known else value
    if kind == "article-published":
        precision_of(value)
    return value


def precision_of(value: str) -> str:
    """The precision of an ISO 8601 date or date-time; a UsageError when it is neither."""
    try:
        if len(value) == 10:
            date.fromisoformat(value)
            return "day"
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"not an ISO 8601 date: {value!r} (write 2024-02-07 or "
                         "2024-02-07T14:30)") from None
    return "second" if moment.second or value.count(":") >= 2 else "minute"


def corrected(article: Article, fixes: dict[str, str]) -> Article:
    """One article with its corrections (``fixes``: field -> value) applied."""
    changes: dict[str, Any] = {}
    if "outlet" in fixes:
        changes.update(outlet=fixes["outlet"], outlet_source=CORRECTION_SOURCE)
    if "published" in fixes:
        value = fixes["published"]
        changes["published"] = DateValue(value, precision_of(value), CORRECTION_SOURCE)
    if "title" in fixes:
        changes["title"] = fixes["title"]
    return replace(article, **changes)
