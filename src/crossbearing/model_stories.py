"""Typed results of the corpus stage read back from the store: stories and the passages two
articles share. Plain frozen dataclasses with no I/O, as ``store.corpus`` returns them; their
field names are the export's (docs/export.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    """A stored story as listed: its id, headline (None when untitled), the span of its
    reports' dates (ISO dates, None when all undated), how many articles it has and how many
    distinct outlets they come from (corrected outlets, else domains, else one per article).
    The clustering's own story, with its members in the order they joined, is
    :class:`crossbearing.corpus.stories.Story`; the store writes that one and reads this."""

    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    articles: int
    outlets: int


@dataclass(frozen=True)
class Passage:
    """A passage two articles share, as stored: ``article_a`` < ``article_b``, the span
    ``[a_start, a_end)`` of the first's text aligned with ``[b_start, b_end)`` of the second's,
    the identical words of the alignment, their share of both spans' words (``similarity``,
    1.0 for a verbatim copy), its ``kind`` (``reprint`` or ``shared-quotation``) and which
    article came first (``direction``, as :func:`crossbearing.dates.direction` says)."""

    article_a: str
    article_b: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int
    similarity: float
    kind: str
    direction: str

    @property
    def key(self) -> str:
        """The key a "not reuse" correction names the passage by ("a|b|a_start|b_start")."""
        return f"{self.article_a}|{self.article_b}|{self.a_start}|{self.b_start}"
