"""The comparison's results: claim groups and quote groups of a story, with their members.

The compare stage (:mod:`crossbearing.compare.claims`, :mod:`crossbearing.compare.quotes`) builds
them, the comparison repository (``store.comparison``) writes them and reads them back, and the
views and the exports read them. Field names are those of the export (docs/export.md);
:meth:`ClaimGroup.as_dict` and :meth:`QuoteGroup.as_dict` give the export's records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crossbearing.model import NumericFact


@dataclass(frozen=True)
class ClaimMember:
    """A numeric fact in a claim group: the fact, and the outlet of its article as the
    comparison named it. Read back from the store, the fact has no ``counted_span``. The
    properties give the fact's fields that most readers use."""

    fact: NumericFact
    outlet: str | None

    @property
    def article_id(self) -> str:
        return self.fact.article_id

    @property
    def start(self) -> int:
        return self.fact.start

    @property
    def end(self) -> int:
        return self.fact.end

    @property
    def text(self) -> str:
        return self.fact.text

    @property
    def low(self) -> float:
        return self.fact.low

    @property
    def high(self) -> float:
        return self.fact.high

    @property
    def counted(self) -> str | None:
        return self.fact.counted

    def as_dict(self) -> dict[str, Any]:
        """The member as the export writes it."""
        f = self.fact
        return {"article_id": f.article_id, "start": f.start, "end": f.end,
                "outlet": self.outlet, "text": f.text, "low": f.low, "high": f.high,
                "hedge": f.hedge, "counted": f.counted, "time_scope": f.time_scope,
                "place_scope": f.place_scope, "speaker": f.speaker}


@dataclass(frozen=True)
class ClaimGroup:
    """Numeric facts of one story about the same counted thing, and how they compare."""

    group_id: str
    story_id: str
    thing: str
    toll: str | None
    unit: str | None
    status: str                 # agree, differ or single-source
    kind: str | None            # for differ: time_scope, hedge or conflict
    sources: int                # independent sources (source families)
    members: tuple[ClaimMember, ...]
    low: float                  # the smallest and largest written values of the members
    high: float

    def as_dict(self) -> dict[str, Any]:
        """The group as the export writes it, members included."""
        return {"group_id": self.group_id, "story_id": self.story_id, "thing": self.thing,
                "toll": self.toll, "unit": self.unit, "status": self.status,
                "kind": self.kind, "sources": self.sources,
                "members": [m.as_dict() for m in self.members],
                "low": self.low, "high": self.high}


@dataclass(frozen=True)
class QuoteMember:
    """A quote in a quote group: where it stands (``start``/``end`` the extent of its
    ``content`` spans), its text (parts joined by " … "), outlet and kind, the strongest
    relation it has to another member (same, partial or paraphrase), and the speaker as its
    article gives it."""

    quote_id: str
    article_id: str
    start: int
    end: int
    content: tuple[tuple[int, int], ...]
    outlet: str | None
    text: str
    kind: str
    relation: str
    speaker_text: str | None
    speaker_actor: str | None
    speaker_canonical: str | None
    descriptor: str | None

    def as_dict(self) -> dict[str, Any]:
        """The member as the export writes it (``content`` as lists of two offsets)."""
        return {"quote_id": self.quote_id, "article_id": self.article_id, "start": self.start,
                "end": self.end, "content": [list(span) for span in self.content],
                "outlet": self.outlet, "text": self.text, "kind": self.kind,
                "relation": self.relation, "speaker_text": self.speaker_text,
                "speaker_actor": self.speaker_actor, "speaker_canonical": self.speaker_canonical,
                "descriptor": self.descriptor}


@dataclass(frozen=True)
class QuoteGroup:
    """Quotes of several articles of one story that carry the same statement."""

    group_id: str
    story_id: str
    label: str                  # same, partial or paraphrase
    speakers: str               # same, differs or unattributed in some
    sources: int                # independent sources (source families)
    members: tuple[QuoteMember, ...]

    def as_dict(self) -> dict[str, Any]:
        """The group as the export writes it, members included."""
        return {"group_id": self.group_id, "story_id": self.story_id, "label": self.label,
                "speakers": self.speakers, "sources": self.sources,
                "members": [m.as_dict() for m in self.members]}
