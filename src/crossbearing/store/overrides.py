"""Analyst corrections: merge or split actors, mark a shared passage as not reuse, confirm or
reject an event. Mixed into :class:`~crossbearing.store.Store`.

Corrections are stored apart from computed results (migration 9) and applied to them: entity
corrections by :meth:`OverrideStore.apply_entity_overrides`, which the corpus stage calls after
it recomputes identities (and the web app calls at once); reuse and event corrections when the
views are built. So re-running the analysis never loses them.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from crossbearing.errors import UsageError
from crossbearing.ids import stable_id

#: Kinds of correction and what their ``value`` holds.
OVERRIDE_KINDS = {
    "merge-entities": "the entity id the target entity is merged into",
    "split-entity": "a spelling whose mentions leave the target entity for one of their own",
    "not-reuse": "'not-reuse' (the target passage 'a|b|a_start|b_start' is not reuse)",
    "event": "'confirm' or 'reject'",
}
OVERRIDE_COLUMNS = ("override_id", "kind", "target", "value", "note", "created_at")


class OverrideStore:
    """Stored corrections; expects ``execute`` from the store."""

    execute: Any

    def add_override(self, kind: str, target: str, value: str, note: str = "") -> str:
        """Store one correction (the same one twice is stored once); returns its id."""
        if kind not in OVERRIDE_KINDS:
            raise UsageError(f"unknown correction {kind!r}: one of {', '.join(OVERRIDE_KINDS)}")
        if kind == "event" and value not in ("confirm", "reject"):
            raise UsageError("an event is confirmed or rejected: value 'confirm' or 'reject'")
        if kind == "event":  # a later decision on an event replaces the earlier one
            self.execute("DELETE FROM overrides WHERE kind = 'event' AND target = ?", (target,))
        override_id = stable_id("override", kind, target, value)
        self.execute("INSERT INTO overrides (override_id, kind, target, value, note, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (override_id) DO NOTHING",
                     (override_id, kind, target, value, note,
                      datetime.now(timezone.utc).isoformat(timespec="microseconds")))
        return override_id

    def overrides(self, kind: str | None = None) -> list[dict[str, Any]]:
        """Stored corrections, oldest first (the order they apply in)."""
        where, params = (" WHERE kind = ?", (kind,)) if kind else ("", ())
        rows = self.execute(f"SELECT {', '.join(OVERRIDE_COLUMNS)} FROM overrides{where} "
                            "ORDER BY created_at, override_id", params).fetchall()
        return [dict(zip(OVERRIDE_COLUMNS, row)) for row in rows]

    def remove_override(self, override_id: str) -> bool:
        """Withdraw a correction (it stops applying from the next corpus run); True if found."""
        return self.execute("DELETE FROM overrides WHERE override_id = ?",
                            (override_id,)).rowcount == 1

    def rejected_passages(self) -> set[str]:
        """Keys 'a|b|a_start|b_start' of passages marked as not reuse."""
        return {o["target"] for o in self.overrides("not-reuse")}

    def event_decisions(self) -> dict[str, str]:
        """Event id -> 'confirm' or 'reject'."""
        return {o["target"]: o["value"] for o in self.overrides("event")}

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
        return self.execute("SELECT 1 FROM entities WHERE entity_id = ?",
                            (entity_id,)).fetchone() is not None

    def _merge_entity(self, source: str, into: str) -> int:
        if source == into or not (self._entity_exists(source) and self._entity_exists(into)):
            return 0
        self.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (into, source))
        self.execute("DELETE FROM entities WHERE entity_id = ?", (source,))
        self._recount(into)
        return 1

    def _split_entity(self, source: str, spelling: str) -> int:
        """Mentions of ``source`` written ``spelling`` become an entity of their own."""
        row = self.execute("SELECT label FROM entities WHERE entity_id = ?", (source,)).fetchone()
        if row is None:
            return 0
        new_id = "split-" + stable_id("split", source, spelling)[:16]
        moved = self.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND text = ?",
                             (new_id, source, spelling)).rowcount
        if not moved:
            return 0
        self.execute("INSERT INTO entities (entity_id, name, label, actor_id, mentions) VALUES "
                     "(?, ?, ?, NULL, 0) ON CONFLICT (entity_id) DO NOTHING",
                     (new_id, spelling, row[0]))
        self._recount(new_id)
        self._recount(source)
        return 1

    def _recount(self, entity_id: str) -> None:
        self.execute("UPDATE entities SET mentions = (SELECT COUNT(*) FROM mentions WHERE "
                     "entity_id = ?) WHERE entity_id = ?", (entity_id, entity_id))
