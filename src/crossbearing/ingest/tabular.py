"""Dumps of articles as records: JSON Lines, JSON and CSV/TSV, one document per record.

News dumps (scrapers' output, NewsAPI responses, research corpora) name their fields in many
ways, so fields are matched by name, case-insensitively, against the lists below; the first
name whose value is usable wins. Every field that did not become a document attribute is kept
in ``metadata`` as it was, so nothing in a record is lost.

``raw`` is the record's own bytes: the line for JSON Lines, and the record re-serialised as
JSON (UTF-8) for JSON and CSV, whose records have no bytes of their own.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timezone
from typing import Any, BinaryIO, Callable, Iterator, Mapping

from crossbearing.clean.dates import from_datetime, parse_date
from crossbearing.clean.decode import decode_bytes
from crossbearing.errors import DecodeError, FormatError
from crossbearing.ingest.html import author_names, fragment_text
from crossbearing.ingest.source import Limits, Source
from crossbearing.model import DateValue, RawDocument, Rejected

ID_FIELDS = ("id",)
URL_FIELDS = ("url", "link")
TITLE_FIELDS = ("title", "headline")
TEXT_FIELDS = ("text", "content", "body", "article", "full_text")
DATE_FIELDS = ("published", "date", "published_at", "publishedat", "publish_date", "pubdate",
               "datetime")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site", "source_name")
LANGUAGE_FIELDS = ("language", "lang")
AUTHOR_FIELDS = ("authors", "author")
#: Keys under which a JSON object holds its list of articles (NewsAPI uses ``articles``).
CONTAINER_KEYS = ("articles", "items", "data", "results", "entries")
#: Delimiters a CSV dump may use.
DELIMITERS = (",", ";", "\t")

_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]|$)")
_AUTHOR_SEPARATORS = re.compile(r";|\s+and\s+|,")
_EPOCH = re.compile(r"^\d{10}(\d{3})?$")
_SURROGATE = re.compile("[\udc80-\udcff]")


# --- JSON Lines -------------------------------------------------------------------------------

def read_jsonl(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """Read JSON Lines line by line, never holding more than one line in memory.

    Blank lines are skipped; a line that is not a JSON object with text, or is over the size
    limit, is rejected on its own and reading goes on."""
    with source.open() as handle:
        for number, line in _lines(handle, limits.max_document_bytes):
            locator = f"line {number}"
            if line is None:
                yield Rejected("too-large", f"line over {limits.max_document_bytes} bytes", locator)
            elif line.strip():
                yield from _json_line(line, locator, limits)


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(number, line)`` for each line without its line ending, 1-based; ``None`` for a line
    longer than ``limit``, whose rest is skipped in chunks rather than read into memory."""
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line.rstrip(b"\r\n")


def _json_line(line: bytes, locator: str, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """The document of one line; or, for a line that holds a list of articles under a key of
    :data:`CONTAINER_KEYS` (one API response a line), one document per article in it.

    Control characters inside strings are allowed (``strict=False``): a stray NUL in one
    record's text is cleaned with the text rather than losing the record."""
    try:
        record = json.loads(_decode(line), strict=False)
    except DecodeError as error:
        yield Rejected("undecodable", str(error), locator)
        return
    except (ValueError, RecursionError) as error:
        yield Rejected("bad-record", f"invalid JSON: {error}", locator)
        return
    if not isinstance(record, dict):
        yield Rejected("bad-record", f"a JSON {type(record).__name__}, not an object", locator)
        return
    items = _container_items(record)
    if items is None:
        yield record_document(record, fmt="jsonl", locator=locator, raw=line, limits=limits)
        return
    for number, item in enumerate(items, 1):
        yield _item_document(item, "jsonl", f"{locator} item {number}", limits)


# --- JSON -------------------------------------------------------------------------------------

def read_json(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """Read a JSON document: an array of articles, an object holding one under a key of
    :data:`CONTAINER_KEYS`, or a single article object.

    Input that is not one JSON document but looks like JSON Lines (whose first line is broken,
    so sniffing could not tell) is read as JSON Lines."""
    data = source.read_bytes()
    try:
        text = _decode(data)
    except DecodeError as error:
        raise FormatError(f"JSON input: {error}") from None
    try:
        parsed = json.loads(text, strict=False)
    except (ValueError, RecursionError) as error:
        if _looks_like_json_lines(text):
            yield from read_jsonl(source, limits)
            return
        raise FormatError(f"invalid JSON: {error}") from None
    for number, item in enumerate(_json_items(parsed), 1):
        yield _item_document(item, "json", f"item {number}", limits)


def _item_document(item: Any, fmt: str, locator: str, limits: Limits) -> RawDocument | Rejected:
    """The document of one parsed record, its raw bytes the record written out as JSON."""
    if not isinstance(item, dict):
        return Rejected("bad-record", f"a JSON {type(item).__name__}, not an object", locator)
    try:
        raw = json.dumps(item, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except (ValueError, RecursionError) as error:
        return Rejected("bad-record", f"the record cannot be written out as JSON: {error}",
                        locator)
    return record_document(item, fmt=fmt, locator=locator, raw=raw, limits=limits)


def _json_items(parsed: Any) -> list:
    """The records of a parsed JSON document: a record with a text field is an article itself,
    even when it also holds a list under a container key."""
    if isinstance(parsed, list):
        return parsed
    if not isinstance(parsed, dict):
        raise FormatError(f"JSON input holds a {type(parsed).__name__}, not articles")
    items = _container_items(parsed)
    return [parsed] if items is None else items


def _container_items(record: dict) -> list | None:
    """The list of articles an object holds under a key of :data:`CONTAINER_KEYS`, when it has
    no text field of its own (then it is an article, whatever else it holds); else None."""
    fields = _Fields(record)
    if fields.has_any(TEXT_FIELDS):
        return None
    for name in CONTAINER_KEYS:
        value = fields.get(name)
        if isinstance(value, list):
            return value
    return None


def _looks_like_json_lines(text: str) -> bool:
    """Whether at least half of the first lines are each a JSON object."""
    lines = [line for line in text.splitlines() if line.strip()][:20]
    if len(lines) < 2:
        return False
    objects = 0
    for line in lines:
        try:
            objects += isinstance(json.loads(line), dict)
        except (ValueError, RecursionError):
            pass
    return objects >= len(lines) // 2


# --- CSV and TSV ------------------------------------------------------------------------------

def read_csv(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """Read CSV or TSV with a header row, streaming; fields may be quoted and span lines.

    The delimiter (comma, semicolon or tab) is the one most frequent in the header line: the
    header holds short column names, so counting there is not misled by punctuation in article
    text. The csv module's field size limit, which is process-wide, is raised to the document
    limit (never lowered, which would break other users of the module); a row over the limit
    is rejected all the same."""
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_document_bytes))
    encoding = _stream_encoding(source.head)
    delimiter = _delimiter(source.head.decode(encoding, errors="ignore"))
    # Bytes the encoding cannot decode become lone surrogates, repaired row by row, so that
    # one row in another encoding does not stop the stream.
    with io.TextIOWrapper(source.open(), encoding=encoding, errors="surrogateescape",
                          newline="") as text:
        rows = csv.reader(text, delimiter=delimiter)
        header = _header(rows)
        yield from _csv_documents(rows, header, encoding, limits)


def _stream_encoding(head: bytes) -> str:
    """The encoding of a streamed input, judged from its first bytes: UTF-8 (a byte-order mark
    allowed) when most of its non-ASCII characters read as UTF-8, so that a few rows in another
    encoding do not decide for the whole input; else what :func:`decode_bytes` detects."""
    cut = head.rfind(b"\n")
    sample = head[:cut] if cut > 0 else head  # whole lines: no character cut in two
    text = sample.decode("utf-8", errors="surrogateescape")
    undecodable = len(_SURROGATE.findall(text))
    decoded = sum(1 for char in text if char > "\x7f") - undecodable
    if undecodable == 0 or decoded > undecodable:
        return "utf-8-sig"
    try:
        return decode_bytes(sample)[1]
    except DecodeError as error:
        raise FormatError(f"CSV input: {error}") from None


def _delimiter(sample: str) -> str:
    first_line = sample.lstrip("\ufeff").split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _header(rows: Iterator[list[str]]) -> list[str]:
    try:
        header = next((row for row in rows if any(cell.strip() for cell in row)), None)
    except csv.Error as error:
        raise FormatError(f"unreadable CSV header: {error}") from None
    if header is None:
        raise FormatError("CSV input has no header row")
    return [name.strip() or f"column {index}" for index, name in enumerate(header, 1)]


def _csv_documents(rows: Iterator[list[str]], header: list[str], encoding: str,
                   limits: Limits) -> Iterator[RawDocument | Rejected]:
    """One document per data row (numbered from 1, blank rows skipped); a malformed row is
    rejected on its own."""
    number = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            number += 1
            reason = "too-large" if "field limit" in str(error) else "bad-record"
            yield Rejected(reason, f"row {number}: {error}", f"row {number}")
            continue
        if any(cell.strip() for cell in row):
            number += 1
            yield _row_document(row, header, encoding, f"row {number}", limits)


def _row_document(row: list[str], header: list[str], encoding: str, locator: str,
                  limits: Limits) -> RawDocument | Rejected:
    if len(row) != len(header):
        return Rejected("bad-record", f"{len(row)} fields where the header has {len(header)}",
                        locator)
    try:
        row = [_redecode(cell, encoding) for cell in row]
    except DecodeError as error:
        return Rejected("undecodable", str(error), locator)
    record = dict(zip(header, row))
    raw = json.dumps(record, ensure_ascii=False).encode("utf-8")
    return record_document(record, fmt="csv", locator=locator, raw=raw, limits=limits)


def _redecode(cell: str, encoding: str) -> str:
    """A cell holding bytes that the input's encoding could not decode, decoded by detection."""
    if not _SURROGATE.search(cell):
        return cell
    encoding = "utf-8" if encoding == "utf-8-sig" else encoding  # no byte-order mark added
    return decode_bytes(cell.encode(encoding, errors="surrogateescape"))[0]


# --- Records to documents ---------------------------------------------------------------------

def record_document(record: Mapping[str, Any], *, fmt: str, locator: str, raw: bytes,
                    limits: Limits) -> RawDocument | Rejected:
    """A document from one record, its fields matched by name; Rejected when the record is over
    the size limit or has no text field."""
    if len(raw) > limits.max_document_bytes:
        return Rejected("too-large", f"record over {limits.max_document_bytes} bytes", locator)
    fields = _Fields(record)
    text = fields.first(TEXT_FIELDS, _text)[1]
    if not text:
        return Rejected("no-text", f"no text in any of the fields {', '.join(TEXT_FIELDS)}",
                        locator)
    outlet_key, outlet = fields.first(OUTLET_FIELDS, _outlet)
    return RawDocument(
        text=text, format=fmt, locator=locator,
        title=fields.first(TITLE_FIELDS, _title)[1],
        url=fields.first(URL_FIELDS, _string)[1],
        outlet=outlet, outlet_source=f"field:{outlet_key}" if outlet_key else None,
        published=fields.first(DATE_FIELDS, _date)[1],
        authors=fields.first(AUTHOR_FIELDS, _authors)[1] or (),
        language=fields.first(LANGUAGE_FIELDS, _language)[1],
        external_id=fields.first(ID_FIELDS, _string)[1],
        raw=raw, metadata=fields.unused())


class _Fields:
    """A record's fields looked up by lower-cased name, remembering which were used, so that
    the rest can go into ``metadata``."""

    def __init__(self, record: Mapping[str, Any]) -> None:
        self.record = record
        self.keys: dict[str, Any] = {}
        for key in record:
            self.keys.setdefault(str(key).strip().lower(), key)
        self.used: set = set()

    def get(self, name: str) -> Any:
        key = self.keys.get(name)
        return None if key is None else self.record[key]

    def has_any(self, names: tuple[str, ...]) -> bool:
        return any(name in self.keys for name in names)

    def first(self, names: tuple[str, ...],
              convert: Callable[[Any, str], Any]) -> tuple[str | None, Any]:
        """``(key, value)`` of the first named field whose value ``convert`` makes something
        of; ``(None, None)`` when none does. ``convert`` gets the value and the record's key."""
        for name in names:
            key = self.keys.get(name)
            if key is None:
                continue
            value = convert(self.record[key], str(key))
            if value:
                self.used.add(key)
                return str(key), value
        return None, None

    def unused(self) -> dict[str, Any]:
        return {key: value for key, value in self.record.items() if key not in self.used}


def _string(value: Any, key: str) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value).strip() or None


def _text(value: Any, key: str) -> str | None:
    if not isinstance(value, str):
        return None
    return fragment_text(value.replace("\r\n", "\n").replace("\r", "\n")) or None


def _title(value: Any, key: str) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(fragment_text(value).split()) or None


def _date(value: Any, key: str) -> DateValue | None:
    """A date from a date string, or from Unix time in seconds or milliseconds."""
    source = f"field:{key}"
    if isinstance(value, str) and _EPOCH.match(value.strip()):
        value = int(value.strip())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
        return from_datetime(moment, has_time=True, has_seconds=True, source=source)
    return parse_date(value, source) if isinstance(value, str) else None


def _outlet(value: Any, key: str) -> str | None:
    """An outlet name, from a string or from an object with a name (NewsAPI's ``source``)."""
    if isinstance(value, dict):
        value = next((v for k, v in value.items() if str(k).lower() == "name"), None)
    return (value.strip() or None) if isinstance(value, str) else None


def _language(value: Any, key: str) -> str | None:
    """The primary language subtag, lower-cased (``en-US`` → ``en``), as other readers give."""
    match = _LANGUAGE.match(value.strip()) if isinstance(value, str) else None
    return match.group(1).lower() if match else None


def _authors(value: Any, key: str) -> tuple[str, ...] | None:
    """Author names from a list (of names or of objects with a name) or from one string that
    lists them separated by ``;``, ``and`` or commas."""
    if isinstance(value, str):
        value = _AUTHOR_SEPARATORS.split(value)
    return (author_names(value) or None) if isinstance(value, list) else None


def _decode(data: bytes) -> str:
    """UTF-8 (a byte-order mark allowed), else the encoding :func:`decode_bytes` detects."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode_bytes(data)[0]
