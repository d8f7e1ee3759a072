"""WARC crawls, plain or gzip-compressed record by record, streamed with warcio.

Only records that hold a page as fetched or stored are articles: ``response`` records with HTTP
status 200, ``resource`` records, and ``conversion`` records (text derived from a page, as in
WET files). Their payload becomes a document when it is HTML (through
:func:`crossbearing.ingest.html.extract_page`) or plain text. Requests, metadata, revisits,
``warcinfo``, other statuses and non-text payloads (images, scripts, PDFs) are skipped silently.

warcio does not report a crawl that breaks off: a record cut short reads as a shorter payload,
and a cut inside a record's headers reads as the end of the crawl. So each record is checked
against its declared ``Content-Length``, and the crawl's bytes against what was read.

Nor does warcio bound what it reads as headers: a header line is read whole, however long, so a
1 MB gzip member that inflates to a 1 GB line took 3 GB of memory. Header blocks are therefore
capped at :data:`MAX_HEADER_BYTES` (see :class:`_HeaderCap`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator

from crossbearing.clean.decode import decode_bytes
from crossbearing.errors import DecodeError, FormatError
from crossbearing.ingest.html import extract_page
from crossbearing.ingest.source import Limits, Source
from crossbearing.model import RawDocument, Rejected

#: Record types whose payload can be an article.
ARTICLE_RECORDS = frozenset({"response", "resource", "conversion"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
_DRAIN_BYTES = 1 << 16
#: Most bytes of headers (a record's WARC headers, then its HTTP headers) read in a row. Real
#: header blocks are a few kilobytes, their cookies included.
MAX_HEADER_BYTES = 1 << 20

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Payload:
    """An article candidate read from one record: its payload and what the record says of it."""

    locator: str
    uri: str | None
    kind: str  # "html" or "text"
    charset: str | None
    data: bytes
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Damage:
    """Where and how the crawl breaks off."""

    complete: int
    error: str


class _Damaged(Exception):
    """A record cut short or missing headers every WARC record has."""


def read(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """One document per HTML or text page in the crawl, read without holding it in memory.

    A crawl that breaks off keeps what was read before the damage and ends with a
    ``Rejected("truncated")``; one that breaks off before any document raises
    :class:`FormatError`."""
    yielded = False
    with source.open() as stream:
        for item in _payloads(stream, source.size, limits):
            if isinstance(item, _Damage):
                detail = (f"the crawl breaks off after {item.complete} complete records: "
                          f"{item.error}")
                if not yielded:
                    raise FormatError(f"unreadable WARC crawl: {detail}")
                yield Rejected("truncated", detail, f"record {item.complete + 1}")
                return
            document = _document(item) if isinstance(item, _Payload) else item
            yielded = True
            yield document


def _payloads(stream: BinaryIO, size: int,
              limits: Limits) -> Iterator[_Payload | Rejected | _Damage]:
    """The article candidates of a crawl in order, then a :class:`_Damage` if it breaks off."""
    records = _QuietArchiveIterator(stream)
    cap = _HeaderCap(records.reader)
    complete = 0
    try:
        for record in records:
            item = _read_record(record, complete + 1, limits)
            cap.next_record()
            complete += 1
            if item is not None:
                yield item
        # The iterator's offset is the end of the last record it parsed in full.
        if records.offset < size:
            raise _Damaged(f"{size - records.offset} bytes after the last complete record "
                           "are not a WARC record")
    except Exception as error:  # warcio raises many unrelated types on damaged input
        yield _Damage(complete, " ".join(str(error).split()) or type(error).__name__)


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator, whose note on a record not followed by its blank lines goes to this
    module's log (``crossbearing -v`` shows it) instead of being written to standard error."""

    INC_RECORD = ""  # what warcio writes to standard error: nothing

    def _consume_blanklines(self):
        notes = self.err_count
        result = super()._consume_blanklines()
        if self.err_count > notes:
            log.info("a WARC record is not followed by a blank line (offset %s): its "
                     "Content-Length may be wrong", self.offset)
        return result


class _HeaderCap:
    """Makes warcio's reader refuse a record's header block over :data:`MAX_HEADER_BYTES`.

    warcio reads headers, and only headers, with ``readline`` (payloads with ``read``): what
    ``readline`` returns between two records is that record's WARC and HTTP headers. Its lines
    are read at most to what is left of the cap, so a longer one is never held whole."""

    def __init__(self, reader: Any) -> None:
        self.readline = reader.readline
        self.used = 0
        reader.readline = self.bounded_readline

    def bounded_readline(self, length: int | None = None) -> bytes:
        left = MAX_HEADER_BYTES - self.used
        line = self.readline(left + 1 if length is None else min(length, left + 1))
        self.used += len(line)
        if self.used > MAX_HEADER_BYTES:
            raise _Damaged(f"headers over {MAX_HEADER_BYTES:,} bytes")
        return line

    def next_record(self) -> None:
        self.used = 0


def _read_record(record: Any, number: int, limits: Limits) -> _Payload | Rejected | None:
    """Read one record to its end; its payload when it may be an article, a Rejected when that
    payload is too large or cannot be decoded, None for a record that is not an article."""
    headers = record.rec_headers
    if headers.get_header("WARC-Type") is None or headers.get_header("Content-Length") is None:
        raise _Damaged(f"record {number} lacks WARC-Type or Content-Length")
    uri = headers.get_header("WARC-Target-URI")
    locator = f"record {number}: {uri}" if uri else f"record {number}"
    kind, charset = _article_kind(record)
    result: bytes | Rejected | None = None
    if kind is not None:
        result = _read_payload(record, locator, limits)
    _drain(record, number)
    if isinstance(result, bytes):
        metadata = {"fetched_at": headers.get_header("WARC-Date"),
                    "warc_record_id": headers.get_header("WARC-Record-ID")}
        return _Payload(locator, uri, kind, charset, result, metadata)
    return result


def _article_kind(record: Any) -> tuple[str | None, str | None]:
    """``("html" | "text", charset)`` for a record that may hold an article, else
    ``(None, None)``."""
    if record.rec_type not in ARTICLE_RECORDS:
        return None, None
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None, None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    media_type, charset = _media_type(content_type or "")
    if media_type in HTML_TYPES:
        return "html", charset
    if media_type in TEXT_TYPES:
        return "text", charset
    return None, None


def _media_type(content_type: str) -> tuple[str, str | None]:
    """``("text/html", "utf-8")`` from ``text/html; charset="utf-8"``."""
    media_type, *params = content_type.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            charset = value.strip(" \"'")
    return media_type.strip().lower(), charset


def _read_payload(record: Any, locator: str, limits: Limits) -> bytes | Rejected:
    """The payload, HTTP transfer and content encodings undone, read up to the size limit."""
    limit = limits.max_document_bytes
    try:
        data = record.content_stream().read(limit + 1)
    except Exception as error:  # warcio raises a bare Exception for unknown content encodings
        return Rejected("corrupt", f"payload cannot be decoded: {error}", locator)
    if len(data) > limit:
        return Rejected("too-large", f"payload over {limit} bytes", locator)
    return data


def _drain(record: Any, number: int) -> None:
    """Read the rest of a record; :class:`_Damaged` when it ends before its declared length."""
    raw = record.raw_stream
    while raw.read(_DRAIN_BYTES):
        pass
    missing = getattr(raw, "limit", 0)
    if missing > 0:
        raise _Damaged(f"record {number} ends {missing} bytes short of its Content-Length")


def _document(payload: _Payload) -> RawDocument | Rejected:
    if payload.kind == "html":
        markup: bytes | str = payload.data
        if payload.charset:
            try:
                markup = decode_bytes(payload.data, payload.charset)[0]
            except DecodeError as error:
                return Rejected(error.reason, str(error), payload.locator)
        return extract_page(markup, url=payload.uri, locator=payload.locator, fmt="warc",
                            raw=payload.data, metadata=payload.metadata)
    return _text_document(payload)


def _text_document(payload: _Payload) -> RawDocument | Rejected:
    try:
        text = decode_bytes(payload.data, payload.charset)[0].strip()
    except DecodeError as error:
        return Rejected(error.reason, str(error), payload.locator)
    if not text:
        return Rejected("no-text", "the text record is empty", payload.locator)
    return RawDocument(text=text, format="warc", locator=payload.locator, url=payload.uri,
                       raw=payload.data, metadata=dict(payload.metadata))
