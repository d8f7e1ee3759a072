"""Choosing a reader by looking at the bytes, with the file name as a tie-breaker only."""

from __future__ import annotations

import json
import re
import zlib

from crossbearing.clean.decode import wide_encoding
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
_FEED_DOCTYPE = re.compile(rb"<!DOCTYPE\s+(rss|feed|rdf:RDF)[\s>\[]", re.IGNORECASE)
_ATOM_NS = b"http://www.w3.org/2005/Atom"
#: The start of a JSON object (``{"``) or of an array of objects (``[{``, or an empty ``[]``),
#: or of arrays (``[[``: no articles, but the JSON reader says so better than the text reader).
_JSON_START = re.compile(rb'\{\s*"|\[\s*[{\]\[]')
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
_PIPERMAIL_HTML = re.compile(rb"<!--beginarticle-->", re.IGNORECASE)
#: The text rendering of a pipermail archive page: "[List] Subject", then "Name addr at domain",
#: then the posting date; or its footer "More information about the X mailing list".
_PIPERMAIL_TEXT = re.compile(
    rb"(\A\s*\[[^\]\n]{1,40}\][^\n]*\n\s*\n?[^\n]* at [a-z0-9.-]+\.[a-z]{2,}\s*\n"
    rb"|\nMore information about the [^\n]{1,80} mailing list\s*\Z)", re.IGNORECASE)
#: Bytes looked at to tell binary data from text holding a few stray NUL bytes.
BINARY_SAMPLE = 8192
#: Share of control bytes (NUL and the other C0 controls but white space and escape) above which
#: input holding NUL bytes is binary data. Random bytes hold about 10%; a text, a JSON Lines or
#: CSV dump or a mailbox with a stray NUL in one record far less: that record is judged alone.
MAX_CONTROL_SHARE = 0.05
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32), 127])


def sniff(head: bytes, name: str = "") -> str:
    """The format of an input from its first bytes: ``warc``, ``mbox``, ``eml``, ``pipermail``,
    ``feed``, ``html``, ``jsonl``, ``json``, ``csv`` or ``text``.

    Raises :class:`FormatError` for empty and binary input. Gzip-compressed input is looked into
    (a ``.warc.gz`` crawl is ``warc``); UTF-16 and UTF-32 text is decoded and looked at as text
    (the caller transcodes the input before reading it, see ``ingest.run``)."""
    if not head.strip():
        raise EmptyInput("empty input" if not head else "input holds only white space")
    encoding = wide_encoding(head)
    if encoding is not None:
        head = head.decode(encoding, errors="replace").encode("utf-8")
        if not head.strip():
            raise EmptyInput("input holds only white space")
    if head.startswith(GZIP_MAGIC):
        inner = _gunzip_head(head)
        if inner.startswith(b"WARC/"):
            return "warc"
        raise FormatError("gzip-compressed input that is not a WARC crawl")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"WARC/"):  # before the binary checks: crawls hold images and PDFs
        return "warc"
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            raise BinaryInput(f"binary input: {what}")
    if _is_binary(head[:BINARY_SAMPLE]):
        raise BinaryInput("binary input: holds NUL bytes")
    if _MBOX_FROM.match(text.split(b"\n", 1)[0]):
        return "mbox"
    if _is_mail(text):
        return "eml"
    if _PIPERMAIL_HTML.search(head):
        return "pipermail"
    start = text[:1024]
    if start.startswith(b"<?xml") or _FEED_DOCTYPE.match(start) or _FEED.search(start):
        # The root element comes after the declarations, which may be long: look at the head.
        if _FEED.search(text) or _ATOM_NS in text:
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


def _is_binary(sample: bytes) -> bool:
    """Whether bytes holding NULs are binary data rather than text with a few stray NULs."""
    if b"\x00" not in sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > MAX_CONTROL_SHARE * len(sample)


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
    """``jsonl`` when the first line is a whole JSON object and more lines follow; ``json`` for
    one document however it is laid out: pretty-printed, an array, or an object on one line
    (a minified API response holding its articles). A single line is read as one document,
    which gives the same records as reading it as JSON Lines."""
    if not text.startswith(b"{"):
        return "json"
    first, _, rest = text.partition(b"\n")
    try:
        json.loads(first)
    except (ValueError, RecursionError):  # pretty-printed, broken, or nested past the stack
        return "json"
    return "jsonl" if rest.strip() else "json"


def _is_csv(text: bytes, name: str) -> bool:
    header = text.split(b"\n", 1)[0].lower()
    fields = {f.strip(b' "\'\r') for f in re.split(rb"[,;\t]", header)}
    has_body = bool(fields & {b"text", b"content", b"body"})
    return has_body and (len(fields) >= 2) or name.lower().endswith((".csv", ".tsv")) and has_body
