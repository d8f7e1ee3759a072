"""WARC crawls: pages and text records become documents, everything else is skipped, and a
crawl that breaks off keeps what came before the damage."""

from __future__ import annotations

import io
import zlib

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crossbearing.errors import FormatError
from crossbearing.ingest import warc
from crossbearing.ingest.source import Limits, source_from_bytes
from crossbearing.model import DateValue, RawDocument, Rejected

PARAGRAPHS = [
    "The council voted on Tuesday to rebuild the harbour wall before the winter storms.",
    "Fishermen had asked for the repairs for three years, saying the old wall was unsafe.",
    "Work is due to start in May and to last until the end of October, the council said.",
]
PAGE = ("<!doctype html><html lang='en'><head><title>Harbour wall to be rebuilt</title>"
        "<meta property='og:site_name' content='The Harbour Gazette'>"
        "<meta property='article:published_time' content='2024-02-09T10:00:00Z'></head>"
        "<body><nav><a href='/'>Home</a></nav><article><h1>Harbour wall to be rebuilt</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
        + "</article></body></html>").encode("utf-8")
NOTE = "Ferry timetable changes.\n\nThe first ferry leaves at seven \u2014 an hour later.".encode()
DATE = "2024-02-10T08:00:00Z"


def _record(writer: WARCWriter, uri: str, kind: str, payload: bytes, number: int,
            http: StatusAndHeaders | None = None, content_type: str = "") -> None:
    headers = {"WARC-Date": DATE, "WARC-Record-ID": f"<urn:uuid:0000000{number}>"}
    record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=http,
                                       warc_content_type=content_type, warc_headers_dict=headers)
    writer.write_record(record)


def _response(status: str, content_type: str) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")


def crawl(gzip: bool) -> bytes:
    """A request, an HTML response, an image, a 404 page and a text resource, in that order."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    request = StatusAndHeaders("GET /wall HTTP/1.1", [("Host", "gazette.example")],
                               is_http_request=True)
    _record(writer, "https://gazette.example/wall", "request", b"", 1, request)
    _record(writer, "https://gazette.example/wall", "response", PAGE, 2,
            _response("200 OK", "text/html; charset=utf-8"))
    _record(writer, "https://gazette.example/logo.png", "response", b"\x89PNG\r\n\x1a\n....", 3,
            _response("200 OK", "image/png"))
    _record(writer, "https://gazette.example/gone", "response",
            b"<html><body><p>This page could not be found on our server.</p></body></html>", 4,
            _response("404 Not Found", "text/html"))
    _record(writer, "https://gazette.example/ferry.txt", "resource", NOTE, 5,
            content_type="text/plain; charset=utf-8")
    return buffer.getvalue()


def read(data: bytes, limits: Limits = Limits()) -> list:
    return list(warc.read(source_from_bytes(data, "crawl.warc"), limits))


@pytest.mark.parametrize("gzip", [False, True])
def test_pages_and_text_records_become_documents(gzip: bool) -> None:
    page, note = read(crawl(gzip))
    assert isinstance(page, RawDocument) and isinstance(note, RawDocument)
    assert page.format == "warc"
    assert page.locator == "record 2: https://gazette.example/wall"
    assert page.text == "\n\n".join(PARAGRAPHS)
    assert page.title == "Harbour wall to be rebuilt"
    assert page.url == "https://gazette.example/wall"
    assert page.outlet == "The Harbour Gazette"
    assert page.published == DateValue("2024-02-09T10:00:00+00:00", "second",
                                       "html:meta[article:published_time]")
    assert page.raw == PAGE
    assert page.metadata["fetched_at"] == DATE
    assert page.metadata["warc_record_id"] == "<urn:uuid:00000002>"
    assert note.locator == "record 5: https://gazette.example/ferry.txt"
    assert note.text == NOTE.decode()
    assert note.url == "https://gazette.example/ferry.txt"
    assert note.raw == NOTE
    assert note.metadata == {"fetched_at": DATE, "warc_record_id": "<urn:uuid:00000005>"}


def test_payload_over_the_limit_is_rejected() -> None:
    items = read(crawl(gzip=True), Limits(max_document_bytes=200))
    assert items[0] == Rejected("too-large", "payload over 200 bytes",
                                "record 2: https://gazette.example/wall")
    assert isinstance(items[1], RawDocument)


def test_gzip_crawl_cut_in_the_middle_keeps_what_came_before() -> None:
    data = crawl(gzip=True)
    items = read(data[:len(data) - 40])
    assert [type(item) for item in items] == [RawDocument, Rejected]
    assert items[0].locator == "record 2: https://gazette.example/wall"
    damage = items[1]
    assert damage.reason == "truncated"
    assert damage.locator == "record 5"
    assert damage.detail.startswith("the crawl breaks off after 4 complete records: record 5 ends ")


def test_plain_crawl_cut_inside_record_headers_is_noticed() -> None:
    data = crawl(gzip=False)
    cut = data.index(b"WARC/1.0", data.index(b"urn:uuid:00000004")) + 30
    items = read(data[:cut])
    assert isinstance(items[-1], Rejected) and items[-1].reason == "truncated"
    assert items[-1].detail.startswith("the crawl breaks off after 4 complete records")


def test_crawl_broken_before_any_document_is_a_format_error() -> None:
    data = crawl(gzip=True)
    with pytest.raises(FormatError, match="breaks off after 1 complete records"):
        read(data[:data.index(b"\x1f\x8b", 10) + 200])


def test_conversion_record_text_is_read_and_revisit_skipped() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    _record(writer, "https://gazette.example/wall", "revisit", b"", 1,
            _response("200 OK", "text/html"))
    _record(writer, "https://gazette.example/wall", "conversion", NOTE, 2,
            content_type="text/plain")
    (document,) = read(buffer.getvalue())
    assert document.locator == "record 2: https://gazette.example/wall"
    assert document.text == NOTE.decode()


def test_header_line_inflating_past_the_cap_is_refused_without_reading_it_whole() -> None:
    member = zlib.compressobj(9, zlib.DEFLATED, 31)
    data = member.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: ")
    for _ in range(3 * warc.MAX_HEADER_BYTES >> 16):
        data += member.compress(b"j" * (1 << 16))
    data += member.flush()
    items = read(crawl(gzip=True) + data)  # the crawl before it is read; then it breaks off
    assert [type(item).__name__ for item in items] == ["RawDocument", "RawDocument", "Rejected"]
    assert items[-1].reason == "truncated" and items[-1].detail.endswith(
        "headers over 1,048,576 bytes")
    with pytest.raises(FormatError, match="headers over 1,048,576 bytes"):
        read(data)


def test_many_records_with_empty_payloads_are_not_one_long_header_block() -> None:
    record = (b"WARC/1.0\r\nWARC-Type: metadata\r\nWARC-Record-ID: <urn:uuid:x>\r\n"
              b"WARC-Date: 2024-02-10T08:00:00Z\r\nContent-Length: 0\r\n" + b"X-Pad: " + b"p" * 200
              + b"\r\n\r\n\r\n\r\n")
    count = 2 * warc.MAX_HEADER_BYTES // len(record)
    items = read(crawl(gzip=False) + record * count)
    assert [type(item).__name__ for item in items] == ["RawDocument", "RawDocument"]
