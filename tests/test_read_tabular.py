"""JSON Lines, JSON and CSV/TSV dumps: fields matched by name, one document per record, bad
records rejected one by one."""

from __future__ import annotations

import json

import pytest

from crossbearing.errors import FormatError
from crossbearing.ingest import tabular
from crossbearing.ingest.source import Limits, source_from_bytes
from crossbearing.model import DateValue, RawDocument, Rejected

NEWSAPI_LINE = json.dumps({
    "source": {"id": "harbour-gazette", "name": "The Harbour Gazette"},
    "author": "Jane Doe and John Roe",
    "title": "Ferry service resumes",
    "url": "https://gazette.example/ferry",
    "publishedAt": "2024-02-09T19:00:40Z",
    "content": "The ferry sailed again on Friday.\n\nCrews had waited three days.",
})
HTML_LINE = json.dumps({
    "id": 7, "Headline": "Wall repairs approved", "link": "https://gazette.example/wall",
    "body": "<p>The council approved the repairs.</p><p>Work starts in <b>May</b>.</p>",
    "date": "February 10, 2024", "outlet": "Coast Post", "lang": "en-GB",
    "authors": ["Ann Lee", "Ben Ode"], "section": "Local",
})
JSONL = "\n".join([NEWSAPI_LINE, "", "{not json", HTML_LINE, "[1, 2]",
                   json.dumps({"title": "No body"})]).encode() + b"\n"


def source(data: bytes, name: str):
    return source_from_bytes(data, name)


def test_jsonl_newsapi_record() -> None:
    first = list(tabular.read_jsonl(source(JSONL, "dump.jsonl"), Limits()))[0]
    assert isinstance(first, RawDocument)
    assert first.format == "jsonl"
    assert first.locator == "line 1"
    assert first.text == "The ferry sailed again on Friday.\n\nCrews had waited three days."
    assert first.title == "Ferry service resumes"
    assert first.url == "https://gazette.example/ferry"
    assert first.outlet == "The Harbour Gazette"
    assert first.outlet_source == "field:source"
    assert first.authors == ("Jane Doe", "John Roe")
    assert first.published == DateValue("2024-02-09T19:00:40+00:00", "second", "field:publishedAt")
    assert first.metadata == {}
    assert first.raw == NEWSAPI_LINE.encode()


def test_jsonl_html_body_and_field_names_in_any_case() -> None:
    items = list(tabular.read_jsonl(source(JSONL, "dump.jsonl"), Limits()))
    document = items[2]
    assert isinstance(document, RawDocument)
    assert document.locator == "line 4"
    assert document.text == "The council approved the repairs.\n\nWork starts in May."
    assert document.title == "Wall repairs approved"
    assert document.url == "https://gazette.example/wall"
    assert document.published == DateValue("2024-02-10", "day", "field:date")
    assert document.outlet == "Coast Post"
    assert document.outlet_source == "field:outlet"
    assert document.language == "en"
    assert document.authors == ("Ann Lee", "Ben Ode")
    assert document.external_id == "7"
    assert document.metadata == {"section": "Local"}


def test_jsonl_bad_lines_are_rejected_alone() -> None:
    items = list(tabular.read_jsonl(source(JSONL, "dump.jsonl"), Limits()))
    assert len(items) == 5
    bad_json, document, not_object, no_text = items[1], items[2], items[3], items[4]
    assert bad_json.reason == "bad-record" and bad_json.locator == "line 3"
    assert bad_json.detail.startswith("invalid JSON: ")
    assert isinstance(document, RawDocument)
    assert not_object == Rejected("bad-record", "a JSON list, not an object", "line 5")
    assert no_text == Rejected(
        "no-text", "no text in any of the fields text, content, body, article, full_text", "line 6")


def test_jsonl_line_over_the_limit_is_skipped_and_reading_goes_on() -> None:
    long_line = json.dumps({"text": "x" * 500}).encode()
    data = long_line + b"\n" + json.dumps({"text": "Short report."}).encode() + b"\n"
    items = list(tabular.read_jsonl(source(data, "dump.jsonl"), Limits(max_document_bytes=100)))
    assert items[0] == Rejected("too-large", "line over 100 bytes", "line 1")
    assert items[1].text == "Short report." and items[1].locator == "line 2"


def test_jsonl_in_windows_1252() -> None:
    data = json.dumps({"text": "Caf\u00e9 reopens."}, ensure_ascii=False).encode("cp1252")
    (document,) = tabular.read_jsonl(source(data, "dump.jsonl"), Limits())
    assert document.text == "Caf\u00e9 reopens."


def test_json_array() -> None:
    data = json.dumps([
        {"title": "One", "text": "First report.", "published_at": "2024-03-01T08:30:00+01:00"},
        "not an article",
        {"title": "Two", "full_text": "Second report.", "pubDate": "1709280000"},
    ]).encode()
    first, bad, second = tabular.read_json(source(data, "dump.json"), Limits())
    assert first.format == "json" and first.locator == "item 1"
    assert first.text == "First report."
    assert first.published == DateValue("2024-03-01T08:30:00+01:00", "second",
                                        "field:published_at")
    assert json.loads(first.raw) == {"title": "One", "text": "First report.",
                                     "published_at": "2024-03-01T08:30:00+01:00"}
    assert bad == Rejected("bad-record", "a JSON str, not an object", "item 2")
    assert second.locator == "item 3"
    assert second.published == DateValue("2024-03-01T08:00:00+00:00", "second", "field:pubDate")


def test_json_object_holding_articles() -> None:
    data = json.dumps({"status": "ok", "totalResults": 1, "articles": [
        {"source": {"id": None, "name": "Coast Post"}, "description": "Teaser.",
         "content": "Full report.", "publishedAt": "2024-02-09"}]}).encode()
    (document,) = tabular.read_json(source(data, "dump.json"), Limits())
    assert document.text == "Full report."
    assert document.outlet == "Coast Post"
    assert document.metadata == {"description": "Teaser."}
    assert document.published == DateValue("2024-02-09", "day", "field:publishedAt")


def test_json_single_article_object() -> None:
    data = b'\xef\xbb\xbf{"headline": "Alone", "article": "The only report."}'
    (document,) = tabular.read_json(source(data, "one.json"), Limits())
    assert document.locator == "item 1"
    assert document.title == "Alone"
    assert document.text == "The only report."


def test_invalid_json_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="invalid JSON"):
        list(tabular.read_json(source(b'[{"text": "unfinished', "bad.json"), Limits()))


def test_json_lines_with_a_broken_first_line_are_read_as_json_lines() -> None:
    data = b'{"text": broken\n{"text": "Second."}\n{"text": "Third."}\n'
    items = list(tabular.read_json(source(data, "dump.json"), Limits()))
    assert [item.locator for item in items] == ["line 1", "line 2", "line 3"]
    assert items[0].reason == "bad-record"
    assert items[1].text == "Second." and items[1].format == "jsonl"


CSV = (
    'id,title,text,date,source,author\r\n'
    '1,Storm closes port,"The port closed at noon.\r\n\r\nShips waited, anchored, offshore.",'
    '2024-02-09,Coast Post,Ann Lee; Ben Ode\r\n'
    '2,No text here,,2024-02-10,Coast Post,\r\n'
    '3,Short row\r\n'
    '\r\n'
    '4,"Quoted, title",Fourth report.,,,\r\n'
).encode("utf-8-sig")


def test_csv_with_quoted_multi_line_field() -> None:
    first, no_text, short, fourth = tabular.read_csv(source(CSV, "dump.csv"), Limits())
    assert isinstance(first, RawDocument)
    assert first.format == "csv" and first.locator == "row 1"
    assert first.text == "The port closed at noon.\n\nShips waited, anchored, offshore."
    assert first.title == "Storm closes port"
    assert first.published == DateValue("2024-02-09", "day", "field:date")
    assert first.outlet == "Coast Post" and first.outlet_source == "field:source"
    assert first.authors == ("Ann Lee", "Ben Ode")
    assert first.external_id == "1"
    assert first.metadata == {}
    assert json.loads(first.raw)["id"] == "1"
    assert no_text.reason == "no-text" and no_text.locator == "row 2"
    assert short == Rejected("bad-record", "2 fields where the header has 6", "row 3")
    assert fourth.locator == "row 4" and fourth.title == "Quoted, title"


def test_semicolon_csv() -> None:
    data = ("titel;text;Datum\n"
            "Hafen gesperrt;Die Br\u00fccke ist gesperrt, sagt die Stadt.;9.2.2024\n")
    (document,) = tabular.read_csv(source(data.encode("utf-8"), "dump.csv"), Limits())
    assert document.text == "Die Br\u00fccke ist gesperrt, sagt die Stadt."
    assert document.metadata == {"titel": "Hafen gesperrt", "Datum": "9.2.2024"}


def test_tsv() -> None:
    data = (b"headline\tcontent\tpublished\n"
            b"Ferry back\tThe ferry, at last, is back.\t2024-02-09 10:15\n")
    (document,) = tabular.read_csv(source(data, "dump.tsv"), Limits())
    assert document.title == "Ferry back"
    assert document.text == "The ferry, at last, is back."
    assert document.published == DateValue("2024-02-09T10:15", "minute", "field:published")


def test_csv_in_windows_1252() -> None:
    data = "title,text\nCaf\u00e9,Le caf\u00e9 rouvre ses portes \u00e0 midi.\n".encode("cp1252")
    (document,) = tabular.read_csv(source(data, "dump.csv"), Limits())
    assert document.title == "Caf\u00e9"
    assert document.text == "Le caf\u00e9 rouvre ses portes \u00e0 midi."


def test_csv_field_over_the_limit_is_rejected() -> None:
    data = b'title,text\nBig,"' + b"x" * 300 + b'"\nSmall,Short report.\n'
    big, small = tabular.read_csv(source(data, "dump.csv"), Limits(max_document_bytes=100))
    assert big == Rejected("too-large", "record over 100 bytes", "row 1")
    assert small.text == "Short report." and small.locator == "row 2"


def test_csv_row_in_another_encoding_is_decoded_on_its_own() -> None:
    data = ("title,text\nOne,L'\u00e9t\u00e9 du caf\u00e9.\n".encode()
            + "Two,Le caf\u00e9 ferme \u00e0 midi.\n".encode("cp1252") + b"Three,Fin.\n")
    one, two, three = tabular.read_csv(source(data, "dump.csv"), Limits())
    assert one.text == "L'\u00e9t\u00e9 du caf\u00e9."
    assert two.text == "Le caf\u00e9 ferme \u00e0 midi."
    assert json.loads(two.raw)["text"] == "Le caf\u00e9 ferme \u00e0 midi."
    assert three.text == "Fin."


def test_jsonl_line_holding_an_api_response_yields_its_articles() -> None:
    response = json.dumps({"status": "ok", "articles": [
        {"title": "First", "content": "The first report."}, "not an object",
        {"title": "Second", "content": "The second report."}]})
    items = list(tabular.read_jsonl(source(f"{response}\n{response}\n".encode(), "api.jsonl"),
                                    Limits()))
    assert [(item.locator, type(item).__name__) for item in items[:3]] == [
        ("line 1 item 1", "RawDocument"), ("line 1 item 2", "Rejected"),
        ("line 1 item 3", "RawDocument")]
    assert [item.title for item in items if isinstance(item, RawDocument)] == ["First", "Second"] * 2


def test_one_line_json_document_is_read_whole() -> None:
    data = json.dumps({"status": "ok", "articles": [{"content": "Only report."}]}).encode()
    [document] = tabular.read_json(source(data, "api.json"), Limits())
    assert (document.text, document.locator) == ("Only report.", "item 1")


def test_control_characters_inside_json_strings_do_not_lose_the_record() -> None:
    line = b'{"title": "Port\x00 closed", "text": "The port\x00 closed."}\n'
    [document] = tabular.read_jsonl(source(line, "nul.jsonl"), Limits())
    assert document.text == "The port\x00 closed."  # cleaned with every field when built


def test_record_that_cannot_be_written_out_is_rejected_alone() -> None:
    deep = {"text": "Deep.", "extra": [[[]]]}
    items = [deep, {"text": "Fine."}]
    data = json.dumps(items).encode()

    def dumps(value, **options):
        if "extra" in value:
            raise RecursionError("maximum recursion depth exceeded")
        return json.JSONEncoder(**options).encode(value)

    import unittest.mock

    with unittest.mock.patch.object(tabular.json, "dumps", dumps):
        first, second = tabular.read_json(source(data, "deep.json"), Limits())
    assert first == Rejected("bad-record", "the record cannot be written out as JSON: maximum "
                             "recursion depth exceeded", "item 1")
    assert second.text == "Fine."
