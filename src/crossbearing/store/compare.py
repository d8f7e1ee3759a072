"""Storing and reading the comparison's results: claim groups and quote groups per story, with
their members. Reached as ``store.comparison``.

Each story's groups are replaced as a whole, so rerunning the comparison never duplicates and
groups that no longer hold disappear.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crossbearing.store.database import Database

CLAIM_GROUP_COLUMNS = ("group_id", "story_id", "thing", "toll", "unit", "status", "kind",
                       "sources", "members", "low", "high")
CLAIM_MEMBER_COLUMNS = ("article_id", "start", '"end"', "outlet", "text", "low", "high", "hedge",
                        "counted", "time_scope", "place_scope", "speaker")
QUOTE_GROUP_COLUMNS = ("group_id", "story_id", "label", "speakers", "sources", "members")
QUOTE_MEMBER_COLUMNS = ("quote_id", "article_id", "start", '"end"', "content", "outlet", "text",
                        "kind", "relation", "speaker_text", "speaker_actor", "speaker_canonical",
                        "descriptor")


def _keys(columns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c.strip('"') for c in columns)


class ComparisonRepository:
    """The comparison's claim groups and quote groups (``store.comparison``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def clear_comparison(self) -> None:
        """Remove every story's groups (before a full recomputation)."""
        for table in ("claim_members", "claim_groups", "quote_members", "quote_groups"):
            self.store.execute(f"DELETE FROM {table}")

    def save_claim_groups(self, groups: Iterable[Any], version: str) -> None:
        """Store claim groups (:class:`compare.claims.ClaimGroup`) with their members."""
        groups = list(groups)
        self.store.insert_many("claim_groups", CLAIM_GROUP_COLUMNS + ("produced_by",), [
            (g.id, g.story_id, g.thing, g.toll, g.unit, g.status, g.kind, g.sources,
             len(g.members), g.low, g.high, version) for g in groups])
        self.store.insert_many("claim_members", ("group_id",) + CLAIM_MEMBER_COLUMNS, [
            (g.id, m.article_id, m.start, m.end, m.outlet, m.text, m.low, m.high, m.hedge,
             m.counted, m.time_scope, m.place_scope, m.speaker)
            for g in groups for m in g.members])

    def save_quote_groups(self, groups: Iterable[Any], version: str) -> None:
        """Store quote groups (:class:`compare.quotes.QuoteGroup`) with their members."""
        groups = list(groups)
        self.store.insert_many("quote_groups", QUOTE_GROUP_COLUMNS + ("produced_by",), [
            (g.id, g.story_id, g.label, g.speakers, g.sources, len(g.members), version)
            for g in groups])
        self.store.insert_many("quote_members", ("group_id",) + QUOTE_MEMBER_COLUMNS,
                               [_quote_member_row(g.id, m) for g in groups for m in g.members])

    def claim_groups(self, story_id: str | None = None,
                     status: str | None = None) -> list[dict[str, Any]]:
        """Claim groups (of one story, of one status) with their members, largest first."""
        return self._groups("claim", CLAIM_GROUP_COLUMNS, CLAIM_MEMBER_COLUMNS,
                            "story_id, sources DESC, members DESC, thing, group_id",
                            ("story_id", story_id), ("status", status))

    def quote_groups(self, story_id: str | None = None) -> list[dict[str, Any]]:
        """Quote groups (of one story) with their members, largest first."""
        groups = self._groups("quote", QUOTE_GROUP_COLUMNS, QUOTE_MEMBER_COLUMNS,
                              "story_id, sources DESC, members DESC, group_id",
                              ("story_id", story_id))
        for g in groups:
            for m in g["members"]:
                m["content"] = [list(span) for span in json.loads(m["content"])]
        return groups

    def _groups(self, kind: str, columns: tuple[str, ...], member_columns: tuple[str, ...],
                order: str, *filters: tuple[str, str | None]) -> list[dict[str, Any]]:
        """The ``kind`` groups matching ``filters`` in ``order``, each with its members (by
        article and offset), read in two queries."""
        where, params = _filters(*filters)
        rows = self.store.execute(f"SELECT {', '.join(columns)} FROM {kind}_groups{where} "
                                  f"ORDER BY {order}", params).fetchall()
        groups = [dict(zip(columns, r)) for r in rows]
        if not groups:
            return groups
        members: dict[str, list[dict[str, Any]]] = defaultdict(list)
        keys = _keys(member_columns)
        for group_id, *values in self.store.execute(
                f"SELECT group_id, {', '.join(member_columns)} FROM {kind}_members WHERE group_id "
                f"IN (SELECT group_id FROM {kind}_groups{where}) ORDER BY group_id, article_id, "
                "start", params).fetchall():
            members[group_id].append(dict(zip(keys, values)))
        for g in groups:
            g["members"] = members.get(g["group_id"], [])
        return groups


def _quote_member_row(group_id: str, member: Any) -> tuple:
    r = member.record
    return (group_id, r.quote_id, r.article_id, min(s for s, _ in r.spans),
            max(e for _, e in r.spans), json.dumps([list(s) for s in r.spans]), r.outlet, r.text,
            r.kind, member.relation, r.speaker_text, r.speaker_actor, r.speaker_canonical,
            r.descriptor)


def _filters(*pairs: tuple[str, str | None]) -> tuple[str, tuple]:
    kept = [(column, value) for column, value in pairs if value is not None]
    if not kept:
        return "", ()
    return " WHERE " + " AND ".join(f"{c} = ?" for c, _ in kept), tuple(v for _, v in kept)
