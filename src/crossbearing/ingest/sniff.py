"""Choosing a reader by looking at the bytes, with the file name as a tie-breaker only."""

from __future__ import annotations

import gzip
import json
import re
import zlib

from crossbearing.errors import BinaryInput, EmptyInput, FormatError

#: Magic numbers of binary formats that are never news text, and what to call them.
BINARY_MAGIC = (
    (b"%PDF", "PDF document"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"), (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x7fELF", "ELF executable"), (b"MZ", "Windows executable"), (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"), (b"7z\xbc\xaf", "7-Zip archive"), (b"Rar!", "RAR archive"),
    (b"SQLite format 3", "SQLite database"), (b"\xd0\xcf\x11\xe0", "OLE document"),
    (b"RIFF", "RIFF media file"), (b"ID3", "MP3 audio"), (b"\x00\x00\x00", "binary data"),
)
GZIP_MAGIC = b"\x1f\x8b"

_MAIL_HEADER = re.compile(
    rb"^(Return-Path|Received|From|To|Subject|Date|Message-ID|MIME-Version|Delivered-To|"
    rb"X-[A-Za-z-]+|Content-Type|Reply-To|Sender|List-Id):[ \t]", re.IGNORECASE)
_MBOX_FROM = re.compile(rb"^From \S+.*\d{4}\s*$")
_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_ATOM_NS = b"http://www.w3.org/2005/Atom"
#: The start of a JSON object (``{"``) or of an array of objects (``[{``, or an empty ``[]``).
_JSON_START = re.compile(rb'\{\s*"|\[\s*(\{|\])')
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
_PIPERMAIL_HTML = re.compile(rb"<!--beginarticle-->", re.IGNORECASE)
#: The text rendering of a pipermail archive page: "[List] Subject", then "Name addr at domain",
#: then the posting date; or its footer "More information about the X mailing list".
_PIPERMAIL_TEXT = re.compile(
    rb"(\A\s*\[[^\]\n]{1,40}\][^\n]*\n\s*\n?[^\n]* at [a-z0-9.-]+\.[a-z]{2,}\s*\n"
    rb"|\nMore information about the [^\n]{1,80} mailing list\s*\Z)", re.IGNORECASE)


def sniff(head: bytes, name: str = "") -> str:
    """The format of an input from its first bytes: ``warc``, ``mbox``, ``eml``, ``pipermail``,
    ``feed``, ``html``, ``jsonl``, ``json``, ``csv`` or ``text``.

    Raises :class:`FormatError` for empty and binary input. Gzip-compressed input is looked into
    (a ``.warc.gz`` crawl is ``warc``)."""
    if not head.strip():
        raise EmptyInput("empty input" if not head else "input holds only white space")
    if head.startswith(GZIP_MAGIC):
        inner = _gunzip_head(head)
        if inner.startswith(b"WARC/"):
            return "warc"
        raise FormatError("gzip-compressed input that is not a WARC crawl")
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            raise BinaryInput(f"binary input: {what}")
    if b"\x00" in head[:8192]:
        raise BinaryInput("binary input: holds NUL bytes")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"WARC/"):
        return "warc"
    if _MBOX_FROM.match(text.split(b"\n", 1)[0]):
        return "mbox"
    if _is_mail(text):
        return "eml"
    if _PIPERMAIL_HTML.search(head):
        return "pipermail"
    start = text[:1024]
    if start.startswith(b"<?xml") or _FEED.search(start):
        if _FEED.search(text[:4096]) or _ATOM_NS in text[:4096]:
            return "feed"
    if _PIPERMAIL_TEXT.search(head):
        return "pipermail"
    if _JSON_START.match(text):  # before HTML: dumps often hold HTML bodies
        return _json_kind(text)
    if _HTML.search(text[:4096]):
        return "html"
    if _is_csv(text, name):
        return "csv"
    return "text"


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error as error:
        raise FormatError(f"corrupt gzip data: {error}") from None


def _is_mail(text: bytes) -> bool:
    lines = text.split(b"\n", 12)[:12]
    headers = sum(1 for line in lines if _MAIL_HEADER.match(line))
    return headers >= 2 and bool(_MAIL_HEADER.match(lines[0]))


def _json_kind(text: bytes) -> str:
    first = text.split(b"\n", 1)[0].strip()
    if text.startswith(b"{"):
        try:
            json.loads(first)
            return "jsonl"
        except ValueError:
            return "json"  # one pretty-printed object, or JSON Lines whose first line is broken
    return "json"


def _is_csv(text: bytes, name: str) -> bool:
    header = text.split(b"\n", 1)[0].lower()
    fields = {f.strip(b' "\'\r') for f in re.split(rb"[,;\t]", header)}
    has_body = bool(fields & {b"text", b"content", b"body"})
    return has_body and (len(fields) >= 2) or name.lower().endswith((".csv", ".tsv")) and has_body


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def gunzip_all(data: bytes) -> bytes:
    """Decompress a whole gzip input; a truncated one raises :class:`FormatError`."""
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as error:
        raise FormatError(f"corrupt or truncated gzip data: {error}") from None
