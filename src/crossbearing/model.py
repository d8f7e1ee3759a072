"""The core data model: plain frozen dataclasses with no I/O.

Every later annotation points into ``Article.text`` by character offsets, so ``Article.text`` is
the one canonical text of an article: paragraphs separated by one blank line, no site debris.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

#: Precisions a date can have, from finest to coarsest.
DATE_PRECISIONS = ("second", "minute", "day", "month", "year")


@dataclass(frozen=True)
class DateValue:
    """A date or date-time as read from a document, with how precise it is and where it came from.

    ``value`` is ISO 8601: ``2024-02-09`` for a day, ``2024-02-09T19:00:40-05:00`` for a moment.
    ``source`` says where it was read, e.g. ``html:meta[article:published_time]``, ``email:Date``,
    ``feed:published``, ``forwarded-article dateline``, ``field:published``.
    """

    value: str
    precision: str
    source: str

    def __post_init__(self) -> None:
        if self.precision not in DATE_PRECISIONS:
            raise ValueError(f"unknown date precision {self.precision!r}")


@dataclass(frozen=True)
class RawDocument:
    """What a reader extracts from one input, or from one record of a container input.

    ``text`` is the body as the reader found it, paragraphs separated by blank lines; it may still
    hold site debris, which cleaning removes. ``wrapped`` marks hard-wrapped text (e-mail) whose
    lines cleaning rejoins into paragraphs. ``raw`` is the record's own bytes (the page, the
    message, the JSON line), kept so the article can be re-extracted.
    """

    text: str
    format: str
    locator: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None
    published: DateValue | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    external_id: str | None = None
    wrapped: bool = False
    raw: bytes = b""
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejected:
    """A reader's or cleaner's refusal of one input or record, with a reason code and detail."""

    reason: str
    detail: str
    locator: str = ""


@dataclass(frozen=True)
class Article:
    """One stored news article: clean text plus metadata and provenance."""

    id: str
    text: str
    title: str | None
    outlet: str | None
    outlet_source: str | None
    url: str | None
    domain: str | None
    published: DateValue | None
    authors: tuple[str, ...]
    language: str | None
    language_score: float | None
    analysable: bool
    skip_reason: str | None
    external_id: str | None
    source_path: str
    locator: str
    format: str
    text_sha256: str
    raw_sha256: str
    raw: bytes = field(default=b"", repr=False)
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejection:
    """A stored record of an input (or a record inside one) that did not become an article."""

    id: str
    path: str
    locator: str
    reason: str
    detail: str
    sha256: str | None
    size_bytes: int | None


@dataclass(frozen=True)
class InputRecord:
    """A stored record of one input file (or stdin) and what came of it."""

    id: str
    path: str
    sha256: str
    size_bytes: int
    format: str | None
    extractor: str
    articles: int
    duplicates: int
    rejections: int
