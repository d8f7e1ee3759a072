"""Run states: what a complete analysis read, so that a rerun with nothing new can skip the
stages that would only compute the same results again (``crossbearing.rerun``). Reached as
``store.runs``.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from crossbearing.store.clock import utc_now

if TYPE_CHECKING:
    from crossbearing.store.database import Database

#: What the corpus steps, the comparison, the dossier and the exports read that the stages
#: before them (ingest, annotate) or the analyst write: (name, query), each in a fixed order.
#: Failures of the stages that recompute theirs every run are their own output, not an input.
DIGESTED = (
    ("inputs", "SELECT input_id, sha256, format, articles, duplicates, rejections FROM inputs "
               "ORDER BY input_id"),
    ("articles", "SELECT article_id, text_sha256, raw_sha256, input_id, title, outlet, "
                 "published, published_precision, analysable FROM articles ORDER BY article_id"),
    ("rejections", "SELECT rejection_id, input_id, reason FROM rejections "
                   "ORDER BY rejection_id"),
    ("stage_runs", "SELECT article_id, stage, version FROM stage_runs "
                   "ORDER BY article_id, stage, version"),
    ("overrides", "SELECT override_id, kind, target, value, note, created_at FROM overrides "
                  "ORDER BY created_at, override_id"),
    ("failures", "SELECT stage, target, target_kind, version, error_type, message FROM failures "
                 "WHERE stage NOT IN ('compare', 'report', 'export') AND stage NOT LIKE "
                 "'corpus.%' ORDER BY stage, target"),
)


class RunStateRepository:
    """Digests and stored run states (``store.runs``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def input_digest(self) -> str:
        """SHA-256 of everything the stages after annotate read from what ingest, annotate and
        the analyst stored (``DIGESTED``): it changes with a new or changed article, input or
        rejection, a new annotation version, and a correction or decision added or removed."""
        digest = hashlib.sha256()
        for name, query in DIGESTED:
            digest.update(f"\0{name}\0".encode())
            for row in self.store.execute(query).fetchall():
                digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
                digest.update(b"\n")
        return digest.hexdigest()

    def run_state(self, name: str) -> dict[str, Any] | None:
        """The state recorded under ``name``: ``{"fingerprint", "detail"}``, or None."""
        row = self.store.execute("SELECT fingerprint, detail FROM run_states WHERE name = ?",
                                 (name,)).fetchone()
        return {"fingerprint": row[0], "detail": json.loads(row[1])} if row else None

    def save_run_state(self, name: str, fingerprint: str, detail: dict[str, Any]) -> None:
        """Record (or replace) the state under ``name``."""
        self.store.execute("INSERT INTO run_states (name, fingerprint, detail, recorded_at) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                           "fingerprint = excluded.fingerprint, detail = excluded.detail, "
                           "recorded_at = excluded.recorded_at",
                           (name, fingerprint, json.dumps(detail, default=str),
                            utc_now()))

    def forget_run_states(self) -> None:
        """Forget every recorded state: the next analysis runs every stage."""
        self.store.execute("DELETE FROM run_states")
