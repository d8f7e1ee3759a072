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
