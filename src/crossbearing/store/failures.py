"""What the stages could not do: failed articles, stories, steps and sections, with the reason.
Reached as ``store.failures``.

An article that failed the annotate stage is not pending again for the same version of the stage
(a rerun would fail the same way); a new version retries it, and saving its annotations clears its
failure. The corpus, comparison and report stages recompute everything each run, so each clears its
own failures when it starts (:meth:`FailureRepository.clear_failures`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from crossbearing.model import Failure
from crossbearing.store.clock import utc_now

if TYPE_CHECKING:
    from crossbearing.store.database import Database

FAILURE_COLUMNS = ("stage", "target", "target_kind", "version", "error_type", "message",
                   "failed_at")


class FailureRepository:
    """Recorded failures of the stages (``store.failures``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def add_failures(self, failures: Iterable[Failure]) -> None:
        """Record failures; a target that failed before in the same stage is replaced."""
        now = utc_now()
        self.store.insert_many(
            "failures", FAILURE_COLUMNS,
            [(f.stage, f.target, f.target_kind, f.version, f.error_type, f.message, now)
             for f in failures],
            "ON CONFLICT (stage, target) DO UPDATE SET target_kind = excluded.target_kind, "
            "version = excluded.version, error_type = excluded.error_type, "
            "message = excluded.message, failed_at = excluded.failed_at")

    def clear_failures(self, stage: str, target: str | None = None) -> None:
        """Forget the failures of a stage (every stage whose name starts with ``stage.`` too),
        or of one target in it."""
        if target is not None:
            self.store.execute("DELETE FROM failures WHERE stage = ? AND target = ?",
                               (stage, target))
        else:
            self.store.execute("DELETE FROM failures WHERE stage = ? OR stage LIKE ?",
                               (stage, stage + ".%"))

    def replace_failures(self, stage: str, failures: Iterable[Failure]) -> None:
        """A stage recomputed whole: its failures of this run in place of those of the last."""
        self.clear_failures(stage)
        self.add_failures(failures)

    def all(self, stage: str | None = None, *, limit: int | None = None) -> list[Failure]:
        """Recorded failures, by stage and target (of one stage and its steps if given; the
        first ``limit`` if given)."""
        where, params = ("", ())
        if stage is not None:
            where, params = " WHERE stage = ? OR stage LIKE ?", (stage, stage + ".%")
        if limit is not None:
            where, params = where + " ORDER BY stage, target LIMIT ?", (*params, limit)
        else:
            where += " ORDER BY stage, target"
        rows = self.store.execute(f"SELECT {', '.join(FAILURE_COLUMNS)} FROM failures{where}",
                                  params).fetchall()
        return [Failure(*row) for row in rows]
