import gzip

import pytest

from crossbearing.errors import FormatError
from crossbearing.ingest.sniff import sniff


@pytest.mark.parametrize("head, expected", [
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
    (gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n"), "warc"),
    (b"From someone@example.org Fri Feb  9 19:00:40 2024\nFrom: a@b.c\nSubject: x\n\nbody", "mbox"),
    (b"Return-Path: <a@b.c>\nFrom: A <a@b.c>\nSubject: Strike\nDate: Fri, 9 Feb 2024\n\nbody", "eml"),
    (b"<html><body><!--beginarticle-->\n<PRE>text</PRE><!--endarticle--></body></html>", "pipermail"),
    (b"[News] Subject line\n\nList News news at example.org\nFri Feb 9 19:00:40 EST 2024\n\nBody",
     "pipermail"),
    (b"<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>", "feed"),
    (b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"),
    (b"<!DOCTYPE html><html><head><title>t</title></head></html>", "html"),
    (b'{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n', "jsonl"),
    (b'[{"id": 1, "text": "a"}]', "json"),
    (b'{\n  "articles": []\n}', "json"),
    (b"id,title,text\n1,A,Body\n", "csv"),
    (b"id\ttitle\tcontent\n1\tA\tBody\n", "csv"),
    (b"Iraq's government said on Thursday that talks would resume.", "text"),
])
def test_formats_are_recognised_by_content(head, expected):
    assert sniff(head, "no-extension") == expected


def test_file_name_does_not_override_content():
    assert sniff(b"<!DOCTYPE html><html><body><p>x</p></body></html>", "story.txt") == "html"


@pytest.mark.parametrize("head, message", [
    (b"", "empty input"),
    (b"  \n\t\n", "input holds only white space"),
    (b"%PDF-1.7\n%\xe2\xe3", "binary input: PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary input: PNG image"),
    (b"abc\x00def" * 10, "binary input: holds NUL bytes"),
    (gzip.compress(b"just some text"), "gzip-compressed input that is not a WARC crawl"),
])
def test_empty_and_binary_inputs_are_refused(head, message):
    with pytest.raises(FormatError, match=message):
        sniff(head)


def test_json_nested_past_the_stack_on_its_first_line_is_json_not_an_error():
    assert sniff(b'{"a":' * 1200 + b"1" + b"}" * 1200 + b"\n") == "json"
    assert sniff(b"[" * 1200 + b"]" * 1200) == "json"


def test_one_line_json_document_is_json_and_json_lines_stay_json_lines():
    response = b'{"status":"ok","totalResults":2,"articles":[{"title":"A","content":"x"}]}'
    assert sniff(response) == "json"
    assert sniff(response + b"\n\n") == "json"
    assert sniff(b'{"text": "a"}\n{"text": "b"}\n') == "jsonl"
    assert sniff(response + b"\n" + response + b"\n") == "jsonl"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                      "utf-32-be"])
@pytest.mark.parametrize("text, expected", [
    ("<!DOCTYPE html><html><body><p>Officials said the talks would resume.</p></body></html>",
     "html"),
    ('{"text": "a"}\n{"text": "b"}\n', "jsonl"),
    ("id,title,text\n1,A,Officials said the talks would resume.\n", "csv"),
    ("Officials said on Sunday that the talks would resume in the capital.", "text"),
])
def test_utf16_and_utf32_are_sniffed_as_the_text_they_hold(encoding, text, expected):
    assert sniff(text.encode(encoding)) == expected


@pytest.mark.parametrize("head, expected", [
    (b'{"text": "a"}\n{"text": "b\x00"}\n' + b'{"text": "more text here"}\n' * 200, "jsonl"),
    (b"id,title,text\n1,A,Body\x00\n" + b"2,B,Another body of text\n" * 200, "csv"),
    (b"From a@b.c Fri Feb  9 19:00:40 2024\nFrom: a@b.c\nSubject: x\n\nbody\x00\n" + b"text\n" * 400,
     "mbox"),
    (b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 300\r\n\r\n" + bytes(300), "warc"),
])
def test_a_few_nul_bytes_leave_a_container_to_be_judged_record_by_record(head, expected):
    assert sniff(head) == expected


def test_random_bytes_holding_nuls_are_binary():
    import random

    data = random.Random(1).randbytes(8192)
    with pytest.raises(FormatError, match="binary input: holds NUL bytes"):
        sniff(b"x" + data.replace(b"\x00", b"") + b"\x00")


def test_feed_root_after_a_long_doctype_is_still_a_feed():
    doctype = b'<!DOCTYPE rss [<!ENTITY a "' + b"x" * 20_000 + b'">]>'
    assert sniff(b"<?xml version='1.0'?>" + doctype + b"<rss version='2.0'><channel>") == "feed"
    assert sniff(doctype + b"<rss version='2.0'><channel>") == "feed"
    assert sniff(b"<!DOCTYPE html><html><body><p>" + b"x" * 5000 + b"<rss ") == "html"
