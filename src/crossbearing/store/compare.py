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

from crossbearing.model import NumericFact
from crossbearing.model_comparison import ClaimGroup, ClaimMember, QuoteGroup, QuoteMember

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

    def save_claim_groups(self, groups: Iterable[ClaimGroup], version: str) -> None:
        """Store claim groups with their members."""
        groups = list(groups)
        self.store.insert_many("claim_groups", CLAIM_GROUP_COLUMNS + ("produced_by",), [
            (g.group_id, g.story_id, g.thing, g.toll, g.unit, g.status, g.kind, g.sources,
             len(g.members), g.low, g.high, version) for g in groups])
        self.store.insert_many("claim_members", ("group_id",) + CLAIM_MEMBER_COLUMNS, [
            (g.group_id, f.article_id, f.start, f.end, m.outlet, f.text, f.low, f.high, f.hedge,
             f.counted, f.time_scope, f.place_scope, f.speaker)
            for g in groups for m in g.members for f in (m.fact,)])

    def save_quote_groups(self, groups: Iterable[QuoteGroup], version: str) -> None:
        """Store quote groups with their members."""
        groups = list(groups)
        self.store.insert_many("quote_groups", QUOTE_GROUP_COLUMNS + ("produced_by",), [
            (g.group_id, g.story_id, g.label, g.speakers, g.sources, len(g.members), version)
            for g in groups])
        self.store.insert_many("quote_members", ("group_id",) + QUOTE_MEMBER_COLUMNS,
                               [_quote_member_row(g.group_id, m)
                                for g in groups for m in g.members])

    def claim_groups(self, story_id: str | None = None,
                     status: str | None = None) -> list[ClaimGroup]:
        """Claim groups (of one story, of one status) with their members, largest first."""
        rows = self._groups("claim", CLAIM_GROUP_COLUMNS, CLAIM_MEMBER_COLUMNS,
                            "story_id, sources DESC, members DESC, thing, group_id",
                            ("story_id", story_id), ("status", status))
        return [ClaimGroup(**{**g, "members": tuple(_claim_member(m) for m in g["members"])})
                for g in rows]

    def quote_groups(self, story_id: str | None = None) -> list[QuoteGroup]:
        """Quote groups (of one story) with their members, largest first."""
        rows = self._groups("quote", QUOTE_GROUP_COLUMNS, QUOTE_MEMBER_COLUMNS,
                            "story_id, sources DESC, members DESC, group_id",
                            ("story_id", story_id))
        return [QuoteGroup(**{**g, "members": tuple(_quote_member(m) for m in g["members"])})
                for g in rows]

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


def _claim_member(row: dict[str, Any]) -> ClaimMember:
    """A stored claim member, its fact built from the row (the counted span is not stored)."""
    fact = NumericFact(row["article_id"], row["start"], row["end"], row["text"], row["low"],
                       row["high"], row["hedge"], row["counted"], None, row["time_scope"],
                       row["place_scope"], row["speaker"])
    return ClaimMember(fact, row["outlet"])


def _quote_member(row: dict[str, Any]) -> QuoteMember:
    """A stored quote member (its content spans read from their JSON)."""
    content = tuple((s, e) for s, e in json.loads(row["content"]))
    return QuoteMember(**{**row, "content": content})


def _quote_member_row(group_id: str, m: QuoteMember) -> tuple:
    return (group_id, m.quote_id, m.article_id, m.start, m.end,
            json.dumps([list(s) for s in m.content]), m.outlet, m.text, m.kind, m.relation,
            m.speaker_text, m.speaker_actor, m.speaker_canonical, m.descriptor)


def _filters(*pairs: tuple[str, str | None]) -> tuple[str, tuple]:
    kept = [(column, value) for column, value in pairs if value is not None]
    if not kept:
        return "", ()
    return " WHERE " + " AND ".join(f"{c} = ?" for c, _ in kept), tuple(v for _, v in kept)
