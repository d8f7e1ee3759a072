"""A corpus of hostile inputs for ingestion, with a few good ones among them.

Not a benchmark itself: the generator that ``benchmarks/hostile_inputs.py`` and
``tests/test_hostile_inputs.py`` read, so both work on the same inputs. It writes, into one
folder, inputs of every kind that has broken ingestion or could: random bytes; truncated or
corrupt gzip, WARC and zip data; XML bombs and external entities; deep nesting; inputs just over
the size limit; NUL bytes; UTF-16, UTF-32, Latin-1, mixed and invalid encodings; odd file names;
FIFOs, device links, symlink loops, dangling links and unreadable folders; empty files and
empty containers; and a few tiny news-like texts that must be stored.

    .venv/bin/python benchmarks/hostile_corpus.py OUT_DIR            # the full corpus
    .venv/bin/python benchmarks/hostile_corpus.py OUT_DIR --quick    # a few of each category

From Python, ``write_corpus(folder)`` writes it and returns one :class:`Case` per input, saying
what must come of it; ``ingest_in_subprocess`` runs ``crossbearing ingest`` over a folder and
measures the child's peak memory and time; ``problems`` lists what the store then holds that
breaks the rules. The corpus is the same for the same seed.

Every secret an external entity points at is ``.secret.txt`` in the corpus folder (hidden, so
not an input itself): its :data:`SECRET` must never reach a stored article.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from crossbearing.ingest.source import display_path

#: The document limit the corpus is written for: "huge" inputs are just over it. Small, so that
#: the corpus is quick to write and to read.
LIMIT = 200_000
#: What ``.secret.txt`` holds; an article holding it read a local file through an entity.
SECRET = "XXE-SECRET-7f3a9c-never-in-an-article"
SECRET_NAME = ".secret.txt"
#: What may come of an input.
STORED, REJECTED, ANY = "stored", "rejected", "any"
#: The peak memory ingestion of the corpus must stay under, MB.
MAX_PEAK_MB = 1024
#: The rejection reasons ``docs/cli.md`` documents: every rejection gives one of them.
REASONS = frozenset({
    "empty", "binary", "too-large", "undecodable", "corrupt", "truncated", "no-text", "bad-record",
    "empty-container", "missing", "unreadable", "not-a-file", "reader-error"})


@dataclass(frozen=True)
class Case:
    """One input of the corpus: its name in the folder (``os.path`` form, a non-UTF-8 name as
    surrogate escapes), its category, what must come of it (:data:`STORED`: at least one article;
    :data:`REJECTED`: no article and a rejection; :data:`ANY`: either), and whether ingestion
    may not see it at all (a folder that is an input only when it cannot be listed, and what is
    inside it)."""

    name: str
    category: str
    expect: str
    optional: bool = False


# --- news-like texts ------------------------------------------------------------------------

_PLACES = ("Baghdad", "Kyiv", "Khartoum", "Lima", "Manila", "Dakar", "Quito", "Tbilisi")
_ACTORS = ("the interior ministry", "the city council", "a coalition spokesman", "the regional "
           "governor", "the election commission", "the central bank", "aid agencies")
_EVENTS = ("talks would resume", "the bridge would reopen", "curfew would be lifted",
           "ballots would be recounted", "interest rates would stay unchanged",
           "relief convoys had arrived", "the port had reopened")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def news_text(rng: random.Random, paragraphs: int = 3) -> tuple[str, str]:
    """A short made-up report: ``(headline, body)``, body paragraphs separated by blank lines."""
    place = rng.choice(_PLACES)
    title = f"{rng.choice(_EVENTS).capitalize()} in {place}, officials say"
    body = []
    for _ in range(paragraphs):
        body.append(f"Officials in {place} said on {rng.choice(_DAYS)} that {rng.choice(_EVENTS)}, "
                    f"according to {rng.choice(_ACTORS)}. At least {rng.randint(2, 900)} people "
                    f"were affected, {rng.choice(_ACTORS)} said in a statement "
                    f"numbered {rng.randint(1000, 99999)}.")
    return title, "\n\n".join(body)


def html_page(title: str, body: str, head: str = "", doctype: str = "<!DOCTYPE html>") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"{doctype}<html lang='en'><head><meta charset='utf-8'><title>{title}</title>{head}"
            f"</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def rss(items: list[tuple[str, str]], doctype: str = "") -> str:
    entries = "".join(f"<item><title>{t}</title><link>https://news.example/{i}</link>"
                      f"<description>{b}</description></item>" for i, (t, b) in enumerate(items))
    return (f"<?xml version='1.0' encoding='utf-8'?>{doctype}<rss version='2.0'><channel>"
            f"<title>Example News</title><link>https://news.example/</link>{entries}"
            "</channel></rss>")


def email(title: str, body: str, extra: str = "") -> str:
    return (f"From: Desk <desk@news.example>\nTo: list@news.example\nSubject: {title}\n"
            f"Date: Fri, 09 Feb 2024 19:00:40 +0000\nMessage-ID: <{zlib.crc32(title.encode())}@x>"
            f"\nContent-Type: text/plain; charset=utf-8\n{extra}\n{body}\n")


def mbox(messages: list[str]) -> str:
    return "".join(f"From desk@news.example Fri Feb  9 19:00:40 2024\n{m}\n" for m in messages)


def warc_record(kind: str, uri: str, payload: bytes, content_type: str,
                length: int | None = None) -> bytes:
    """One WARC record written by hand, so that broken ones can be written too."""
    length = len(payload) if length is None else length
    return (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{zlib.crc32(payload)}>\r\n"
            f"WARC-Date: 2024-02-09T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n").encode() \
        + payload + b"\r\n\r\n"


def http_response(html: str) -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            + html.encode("utf-8"))


def warc(rng: random.Random, pages: int = 2) -> bytes:
    records = [warc_record("warcinfo", "", b"software: hostile corpus\r\n",
                           "application/warc-fields")]
    for number in range(pages):
        title, body = news_text(rng)
        records.append(warc_record("response", f"https://news.example/{number}",
                                   http_response(html_page(title, body)),
                                   "application/http; msgtype=response"))
    return b"".join(records)


def inflating(start: bytes, byte: bytes, count: int) -> bytes:
    """A gzip member of ``start`` then ``count`` times ``byte``, compressed as it is made."""
    member = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [member.compress(start)]
    block = byte * (1 << 20)
    for _ in range(count >> 20):
        out.append(member.compress(block))
    out.append(member.flush())
    return b"".join(out)


def warc_gz(data: bytes) -> bytes:
    """A crawl gzip-compressed record by record, as crawlers write it."""
    out = bytearray()
    for record in data.split(b"WARC/1.0\r\n")[1:]:
        out += gzip.compress(b"WARC/1.0\r\n" + record, mtime=0)
    return bytes(out)


# --- the corpus -----------------------------------------------------------------------------

class _Corpus:
    """Writes inputs into a folder and keeps their cases."""

    def __init__(self, folder: Path, rng: random.Random, quick: bool, limit: int) -> None:
        self.folder = folder
        self.rng = rng
        self.quick = quick
        self.limit = limit
        self.cases: list[Case] = []

    def n(self, full: int, quick: int = 2) -> int:
        return quick if self.quick else full

    def write(self, category: str, name: str, data: bytes | str, expect: str = ANY,
              optional: bool = False) -> None:
        path = os.path.join(self.folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        self.cases.append(Case(name, category, expect, optional))

    def special(self, category: str, name: str, make: Callable[[str], None],
                expect: str = REJECTED, optional: bool = False) -> None:
        """An input that is not a file written with bytes: a FIFO, a link, a socket."""
        path = os.path.join(self.folder, name)
        try:
            make(path)
        except OSError:
            return  # not possible here (no FIFOs, a socket path too long): no case
        self.cases.append(Case(name, category, expect, optional))


def write_corpus(folder: str | Path, *, quick: bool = False, seed: int = 1,
                 limit: int = LIMIT) -> list[Case]:
    """Write the corpus into ``folder`` (created if needed) and return its cases: a few of each
    category when ``quick``, over 300 inputs otherwise."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SECRET_NAME).write_text(SECRET + "\n")
    corpus = _Corpus(folder, random.Random(seed), quick, limit)
    for category in CATEGORIES:
        category(corpus)
    return corpus.cases


def _good(c: _Corpus) -> None:
    rng = c.rng
    for number in range(c.n(4, 1)):
        title, body = news_text(rng)
        c.write("good", f"good/report-{number}.txt", f"{title}\n\n{body}\n", STORED)
        title, body = news_text(rng)
        c.write("good", f"good/page-{number}.html", html_page(title, body), STORED)
    records = [dict(zip(("title", "text"), news_text(rng))) for _ in range(3)]
    c.write("good", "good/dump.jsonl", "\n".join(json.dumps(r) for r in records) + "\n", STORED)
    c.write("good", "good/api.json", json.dumps({"status": "ok", "articles": records}), STORED)
    rows = "".join(f'"{r["title"]}","{r["text"]}"\n' for r in records)
    c.write("good", "good/dump.csv", "title,text\n" + rows, STORED)
    c.write("good", "good/feed.rss", rss([news_text(rng) for _ in range(2)]), STORED)
    c.write("good", "good/message.eml", email(*news_text(rng)), STORED)
    c.write("good", "good/list.mbox", mbox([email(*news_text(rng)) for _ in range(2)]), STORED)
    c.write("good", "good/crawl.warc", warc(rng), STORED)
    c.write("good", "good/crawl.warc.gz", warc_gz(warc(rng)), STORED)


def _random(c: _Corpus) -> None:
    rng = c.rng
    prefixes = (b"", b"WARC/1.0\r\n", b'{"', b"[{", b"<html>", b"<?xml version='1.0'?><rss>",
                b"From x@y Fri Feb  9 19:00:40 2024\n", b"id,title,text\n", b"\x1f\x8b\x08\x00",
                b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"Subject: x\nFrom: y\n\n")
    for number in range(c.n(120, 6)):
        size = rng.choice((1, 2, 3, 7, 64, 511, 4096, 8191, 8193, 65537, 150_000))
        prefix = prefixes[number % len(prefixes)]
        c.write("random", f"random/{number:03d}.bin", prefix + rng.randbytes(size))
    for number in range(c.n(12, 2)):  # random printable garbage: text-like, no news
        length = rng.randint(1, 5000)
        data = "".join(rng.choice("abc{}[]<>\"'\\,;:\n\t =&#%") for _ in range(length))
        c.write("random", f"random/printable-{number:02d}.txt", data)


def _compressed(c: _Corpus) -> None:
    rng = c.rng
    crawl = warc_gz(warc(rng, pages=3))
    for number in range(c.n(30, 3)):
        cut = rng.randint(1, len(crawl) - 1)
        c.write("compressed", f"compressed/cut-{number:02d}.warc.gz", crawl[:cut])
    broken = bytearray(crawl)
    for number in range(c.n(8, 1)):
        damaged = bytearray(broken)
        for _ in range(3):
            damaged[rng.randrange(10, len(damaged))] ^= 0xFF
        c.write("compressed", f"compressed/flipped-{number}.warc.gz", bytes(damaged))
    text = news_text(rng)[1].encode()
    c.write("compressed", "compressed/text.gz", gzip.compress(text), REJECTED)
    c.write("compressed", "compressed/bad-crc.gz", gzip.compress(text)[:-8] + b"\0" * 8, REJECTED)
    c.write("compressed", "compressed/gzip-header-only.gz", b"\x1f\x8b\x08\x00", REJECTED)
    c.write("compressed", "compressed/bomb.warc.gz",
            gzip.compress(b"WARC/1.0\r\n" + b"\0" * 20_000_000))
    c.write("compressed", "compressed/bomb-header.warc.gz",
            gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX: " + b"a" * 30_000_000))
    if not c.quick:  # 0.4 MB that inflate to a 400 MB header line: 1.2 GB if read whole
        c.write("compressed", "compressed/bomb-line.warc.gz",
                inflating(b"WARC/1.0\r\nWARC-Type: response\r\nX: ", b"a", 400 << 20))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("report.txt", text)
        zipped.writestr("zeros.bin", b"\0" * 5_000_000)
    data = archive.getvalue()
    c.write("compressed", "compressed/archive.zip", data, REJECTED)
    c.write("compressed", "compressed/cut.zip", data[:len(data) // 2], REJECTED)
    c.write("compressed", "compressed/raw-deflate.bin", zlib.compress(text))
    c.write("compressed", "compressed/xz-like.xz", b"\xfd7zXZ\x00" + rng.randbytes(300), REJECTED)


def _warc(c: _Corpus) -> None:
    rng = c.rng
    plain = warc(rng, pages=3)
    for number in range(c.n(20, 2)):
        cut = rng.randint(1, len(plain) - 1)
        c.write("warc", f"warc/cut-{number:02d}.warc", plain[:cut])
    page = http_response(html_page(*news_text(rng)))
    c.write("warc", "warc/length-too-long.warc",
            warc_record("response", "https://x.example/", page,
                        "application/http; msgtype=response", length=10**12))
    c.write("warc", "warc/length-negative.warc",
            warc_record("response", "https://x.example/", page,
                        "application/http; msgtype=response", length=-5))
    c.write("warc", "warc/length-not-a-number.warc",
            warc_record("response", "https://x.example/", page, "application/http",
                        length=None).replace(b"Content-Length: ", b"Content-Length: 12x"))
    c.write("warc", "warc/long-header-line.warc",
            b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: " + b"j" * (3 * c.limit) + b"\r\n\r\n")
    c.write("warc", "warc/requests-only.warc",
            warc_record("request", "https://x.example/", b"GET / HTTP/1.1\r\n\r\n",
                        "application/http; msgtype=request"), REJECTED)
    c.write("warc", "warc/warcinfo-only.warc",
            warc_record("warcinfo", "", b"software: x\r\n", "application/warc-fields"), REJECTED)
    said = "Officials said the talks would resume. "
    big = http_response(html_page("Big", said * (c.limit // 30)))
    c.write("warc", "warc/payload-over-limit.warc",
            warc_record("response", "https://x.example/big", big,
                        "application/http; msgtype=response") + warc(rng, pages=1), STORED)
    c.write("warc", "warc/http-garbage.warc",
            warc_record("response", "https://x.example/", rng.randbytes(2000),
                        "application/http; msgtype=response"), REJECTED)
    c.write("warc", "warc/unknown-content-encoding.warc",
            warc_record("response", "https://x.example/",
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: zz\r\n"
                        b"\r\n" + rng.randbytes(500), "application/http; msgtype=response"),
            REJECTED)


def _xml_bombs(c: _Corpus) -> None:
    rng = c.rng
    secret = os.path.join(os.path.abspath(c.folder), SECRET_NAME)
    levels = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    laughs = f'<!DOCTYPE lolz [<!ENTITY lol0 "lol">{levels}]>'
    title, body = news_text(rng)
    xxe = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    parameter = (f'<!DOCTYPE r [<!ENTITY % p SYSTEM "file://{secret}">'
                 f'<!ENTITY % q "<!ENTITY leak \'%p;\'>">%q;]>')
    quadratic = f'<!DOCTYPE r [<!ENTITY a "{"x" * 20_000}">]>'
    bombs = {
        "laughs-rss.xml": rss([(title + " &lol9;", body + " &lol9;")], laughs),
        "xxe-rss.xml": rss([(title + " &xxe;", body + " &xxe;")], xxe),
        "xxe-parameter-rss.xml": rss([(title + " &leak;", body + " &leak;")], parameter),
        "quadratic-rss.xml": rss([(title, body + " &a;" * 2000)], quadratic),
        "external-dtd-rss.xml": rss([(title, body)],
                                    '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">'),
        "laughs-page.html": html_page(title, body + " &lol9;", doctype=laughs),
        "xxe-page.html": html_page(title, body + " &xxe;", doctype=xxe),
        "xxe-page.xhtml": "<?xml version='1.0'?>" + html_page(title, body + " &xxe;", doctype=xxe),
        "xxe-atom.xml": (f"<?xml version='1.0'?>{xxe}<feed xmlns='http://www.w3.org/2005/Atom'>"
                         f"<title>&xxe;</title><entry><title>{title} &xxe;</title>"
                         f"<id>urn:x:1</id><content type='text'>{body} &xxe;</content></entry>"
                         "</feed>"),
        "laughs-atom.xml": (f"<?xml version='1.0'?>{laughs}<feed xmlns='http://www.w3.org/2005/"
                            f"Atom'><entry><title>&lol9;</title><id>urn:x:2</id>"
                            f"<content type='text'>{body} &lol9;</content></entry></feed>"),
        "xinclude-rss.xml": rss([(title, body + f' <xi:include xmlns:xi="http://www.w3.org/2001/'
                                  f'XInclude" href="file://{secret}" parse="text"/>')]),
    }
    names = sorted(bombs) if not c.quick else ["laughs-atom.xml", "xxe-rss.xml", "xxe-page.html"]
    for name in names:
        c.write("xml-bomb", f"xml/{name}", bombs[name])


def _deep(c: _Corpus) -> None:
    rng = c.rng
    title, body = news_text(rng)
    deep = {
        "array-1200.json": "[" * 1200 + "]" * 1200,
        "object-1200.json": '{"a":' * 1200 + "1" + "}" * 1200 + "\n",
        "object-100k.json": '{"a":' * 100_000 + "1" + "}" * 100_000,
        "lines-deep.jsonl": "\n".join([json.dumps({"text": body}), '{"a":' * 5000 + "1"
                                       + "}" * 5000, json.dumps({"text": body + " Again."})]),
        "metadata-deep.json": ('{"text": ' + json.dumps(body) + ', "extra": ' + "[" * 900
                               + "]" * 900 + "}"),
        "divs-10k.html": f"<html><body>{'<div>' * 10_000}<p>{body}</p>{'</div>' * 10_000}"
                         "</body></html>",
        "divs-100k.html": f"<html><body>{'<div>' * 40_000}<p>{body}</p></body></html>",
        "nested-rss.xml": rss([(title, body)]).replace(
            "</channel>", "<x>" * 30_000 + "</x>" * 30_000 + "</channel>"),
        "json-ld-deep.html": html_page(title, body, head='<script type="application/ld+json">'
                                       + '{"author":' * 3000 + '"x"' + "}" * 3000 + "</script>"),
    }
    names = sorted(deep) if not c.quick else ["object-1200.json", "divs-10k.html",
                                              "lines-deep.jsonl"]
    for name in names:
        c.write("deep", f"deep/{name}", deep[name])


def _huge(c: _Corpus) -> None:
    rng = c.rng
    over = c.limit + 1
    title, body = news_text(rng)
    filler = (body + "\n\n") * (over // len(body) + 1)
    single = {
        "text.txt": f"{title}\n\n{filler}",
        "page.html": html_page(title, filler),
        "dump.json": json.dumps([{"title": title, "text": filler}]),
        "feed.rss": rss([(title, filler)]),
        "message.eml": email(title, filler),
    }
    names = sorted(single) if not c.quick else ["feed.rss", "text.txt"]
    for name in names:
        c.write("huge", f"huge/{name}", single[name], REJECTED)
    good = [dict(zip(("title", "text"), news_text(rng))) for _ in range(2)]
    c.write("huge", "huge/line-over.jsonl", "\n".join(
        [json.dumps(good[0]), json.dumps({"text": filler}), json.dumps(good[1])]), STORED)
    c.write("huge", "huge/row-over.csv", 'title,text\n"a","' + filler.replace('"', "") + '"\n'
            + "".join(f'"{g["title"]}","{g["text"]}"\n' for g in good), STORED)
    c.write("huge", "huge/message-over.mbox",
            mbox([email(title, filler), email(*news_text(rng))]), STORED)
    if not c.quick:
        c.write("huge", "huge/exactly-limit.txt", ("a" * (c.limit - 1)) + "\n")


def _nuls(c: _Corpus) -> None:
    rng = c.rng
    title, body = news_text(rng)
    c.write("nul", "nul/text.txt", f"{title}\n\n{body[:50]}\0{body[50:]}", STORED)
    c.write("nul", "nul/title.html", html_page(title.replace(" ", "\0", 1), news_text(rng)[1]),
            STORED)
    c.write("nul", "nul/fields.json", json.dumps([{
        "title": "A\u0000 title", "text": news_text(rng)[1] + "\u0000", "author": "Ann\u0000 Lee",
        "outlet": "Example\u0000 News", "url": "https://news.example/\u0000a",
        "id": "x\u0000y", "extra": {"k\u0000": "v\u0000"}}]), STORED)
    lines = [json.dumps(dict(zip(("title", "text"), news_text(rng)))) for _ in range(4)]
    lines.insert(1, '{"text": "one bad\0 record with a stray NUL"}')
    lines.insert(3, "\0\0\0\0")
    c.write("nul", "nul/dump.jsonl", "\n".join(lines) + "\n", STORED)
    rows = ["title,text"] + [f'"{t}","{b}"' for t, b in (news_text(rng) for _ in range(4))]
    rows.insert(2, '"nul row","a text\0 with a NUL"')
    c.write("nul", "nul/dump.csv", "\n".join(rows) + "\n", STORED)
    messages = [email(*news_text(rng)) for _ in range(3)]
    messages.insert(1, email("Bad\0 subject", "A body\0 with NULs\0 in it, said officials."))
    c.write("nul", "nul/list.mbox", mbox(messages), STORED)
    c.write("nul", "nul/all-nul.txt", b"\0" * 5000, REJECTED)
    c.write("nul", "nul/half-nul.txt", (b"ab\0" * 3000), REJECTED)


def _encodings(c: _Corpus) -> None:
    rng = c.rng
    forms = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")
    for form in forms if not c.quick else ("utf-16-le", "utf-32"):
        title, body = news_text(rng)
        c.write("encoding", f"encoding/{form}.txt", f"{title}\n\n{body}\n".encode(form), STORED)
    title, body = news_text(rng)
    c.write("encoding", "encoding/utf-16-page.html", html_page(title, body).encode("utf-16"),
            STORED)
    c.write("encoding", "encoding/utf-16-feed.xml",
            rss([news_text(rng)]).replace("utf-8", "utf-16").encode("utf-16"), STORED)
    c.write("encoding", "encoding/utf-16-dump.jsonl",
            json.dumps(dict(zip(("title", "text"), news_text(rng)))).encode("utf-16"), STORED)
    title, body = news_text(rng)
    c.write("encoding", "encoding/latin-1.txt", f"{title} é à ü\n\n{body}".encode("latin-1"),
            STORED)
    c.write("encoding", "encoding/cp1252.txt",
            f"{title} \u201cquoted\u201d\n\n{body}".encode("cp1252"), STORED)
    mixed = f"{title}\n\n{body}\n\n".encode() + "Caf\u00e9 r\u00e9sum\u00e9.".encode("latin-1")
    c.write("encoding", "encoding/mixed.txt", mixed, ANY)
    c.write("encoding", "encoding/invalid-utf8.txt",
            f"{title}\n\n{body}".encode() + b" \xc3\x28 \xa0\xa1 \xf0\x28\x8c\x28", ANY)
    c.write("encoding", "encoding/overlong.txt", b"\xc0\xaf\xe0\x80\xaf" * 200, ANY)
    c.write("encoding", "encoding/surrogates.json",
            '[{"title": "Lone \\ud800 surrogate", "text": ' + json.dumps(body)[:-1]
            + ' \\udfff end."}]', STORED)
    c.write("encoding", "encoding/bom-only.txt", b"\xef\xbb\xbf", REJECTED)
    c.write("encoding", "encoding/utf-16-bom-only.txt", b"\xff\xfe", REJECTED)
    c.write("encoding", "encoding/utf-16-odd-length.txt", "Officials said the talks would "
            "resume on Sunday.".encode("utf-16-le") + b"\x41", ANY)


def _names(c: _Corpus) -> None:
    rng = c.rng
    names = [os.fsdecode(b"names/\xe9\xff.txt"), "names/with space.txt", "names/new\nline.txt",
             "names/-leading-dash.txt", "names/" + "l" * 240 + ".txt", "names/caf\u00e9-nfc.txt",
             "names/cafe\u0301-nfd.txt", "names/esc\x1b[31m.txt", "names/back\\slash.txt",
             "names/quote'\".txt", "names/--.txt", "names/\u202eevil.txt"]
    for name in names if not c.quick else names[:3]:
        title, body = news_text(rng)
        c.write("name", name, f"{title}\n\n{body}\n", STORED)


def _file_types(c: _Corpus) -> None:
    folder = c.folder
    os.makedirs(os.path.join(folder, "types"), exist_ok=True)
    c.special("file-type", "types/fifo", os.mkfifo)
    c.special("file-type", "types/loop-self", lambda p: os.symlink(os.path.basename(p), p))
    c.special("file-type", "types/loop-a", lambda p: os.symlink("loop-b", p))
    c.special("file-type", "types/loop-b", lambda p: os.symlink("loop-a", p))
    c.special("file-type", "types/dangling", lambda p: os.symlink("no-such-file", p))
    c.special("file-type", "types/dev-zero", lambda p: os.symlink("/dev/zero", p))
    c.special("file-type", "types/dev-null", lambda p: os.symlink("/dev/null", p))
    c.special("file-type", "types/dev-urandom", lambda p: os.symlink("/dev/urandom", p))
    c.special("file-type", "types/folder-link", lambda p: os.symlink(os.path.abspath(folder), p))
    c.special("file-type", "types/socket", _bind_socket)
    inside = os.path.join("types", "unreadable", "inside.txt")
    title, body = news_text(c.rng)
    c.write("file-type", inside, f"{title}\n\n{body}\n", STORED, optional=True)
    os.chmod(os.path.join(folder, "types", "unreadable"), 0)
    c.cases.append(Case(os.path.join("types", "unreadable"), "file-type", REJECTED, True))


def _bind_socket(path: str) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(path)
    finally:
        server.close()


def _empty(c: _Corpus) -> None:
    for name, data in (("empty.txt", b""), ("spaces.txt", b"   \n\t\n"), ("newline.html", b"\n"),
                       ("crlf.csv", b"\r\n\r\n"), ("letterless.txt", b"1234 5678 -- ... !!!")):
        c.write("empty", f"empty/{name}", data, REJECTED)
    containers = {
        "no-entries.rss": rss([]),
        "no-entries.atom": "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
                           "<title>x</title></feed>",
        "header-only.csv": "id,title,text\n",
        "empty-array.json": "[]",
        "empty-api.json": '{"status": "ok", "articles": []}',
        "empty-api-lines.jsonl": '{"articles": []}\n{"articles": []}\n',
        "no-pages.warc": warc_record("warcinfo", "", b"software: x\r\n", "application/warc-fields")
        + warc_record("request", "https://x.example/", b"GET / HTTP/1.1\r\n\r\n",
                      "application/http; msgtype=request"),
        "no-messages.mbox": "From desk@news.example Fri Feb  9 19:00:40 2024\n",
    }
    for name in sorted(containers) if not c.quick else ["header-only.csv", "no-entries.rss",
                                                         "empty-array.json"]:
        c.write("empty-container", f"empty/{name}", containers[name], REJECTED)


def _many_bad_records(c: _Corpus) -> None:
    rng = c.rng
    rows = ["id,title,text"] + [f'{i},"row {i}","{news_text(rng)[1]}"' for i in range(3)]
    rows.insert(2, '99,"broken,"stray quote and then many lines')
    rows += [f"{i},short" for i in range(c.n(5000, 300))]
    c.write("bad-records", "bad/stray-quote.csv", "\n".join(rows) + "\n", STORED)
    lines = [json.dumps(dict(zip(("title", "text"), news_text(rng))))]
    lines += ["{broken" for _ in range(c.n(5000, 300))]
    c.write("bad-records", "bad/many-broken.jsonl", "\n".join(lines) + "\n", STORED)


CATEGORIES: tuple[Callable[[_Corpus], None], ...] = (
    _good, _random, _compressed, _warc, _xml_bombs, _deep, _huge, _nuls, _encodings, _names,
    _file_types, _empty, _many_bad_records)


def restore_permissions(folder: str | Path) -> None:
    """Make every folder of the corpus readable again, so that it can be deleted."""
    for root, dirs, _files in os.walk(folder):
        for name in dirs:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, stat.S_IRWXU)


# --- running ingestion ------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    """What one ``crossbearing ingest`` subprocess did: its JSON summary, exit status, peak
    resident memory (MB) and wall time (s); ``timed_out`` when it was killed for time."""

    summary: dict
    status: int
    peak_mb: float
    seconds: float
    timed_out: bool
    stderr: str


def ingest_in_subprocess(paths: list[str], db: str, *, limit: int = LIMIT,
                         timeout: float = 600) -> Run:
    """Run ``crossbearing ingest PATHS --db DB --json`` in a child process; its peak memory is
    read from ``wait4``, so it is that child's alone whatever else this process started."""
    command = [sys.executable, "-c", "from crossbearing.cli import main; main()", "ingest",
               *paths, "--db", db, "--max-document-bytes", str(limit), "--no-progress", "--json"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            child.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _pid, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        text = out.read().decode("utf-8", "replace")
        try:
            summary = json.loads(text)
        except ValueError:
            summary = {}
        return Run(summary, child.returncode, usage.ru_maxrss / 1024, seconds, killed.is_set(),
                   err.read().decode("utf-8", "replace")[-5000:])


# --- checking what ingestion stored --------------------------------------------------------

def problems(store, folder: str | Path, cases: list[Case], inputs: int | None = None) -> list[str]:
    """Everything ``store`` holds, once ``folder`` (the corpus of ``cases``) is ingested, that
    breaks the rules: an input recorded twice, unexpected or never read; an input with neither
    article nor rejection; a good input not stored, a bad one stored; fewer rejections counted
    than stored; a reason that is none of :data:`REASONS`; :data:`SECRET` in an article (its
    text, title, authors or metadata) or in a rejection. ``inputs``, when given, is the number
    of inputs the run reported: there must be as many input rows."""
    found = []
    expected = {display_path(os.path.join(str(folder), case.name)): case for case in cases}
    rows = store.execute("SELECT input_id, path, articles, rejections FROM inputs").fetchall()
    reasons = defaultdict(list)
    for input_id, reason, detail in store.execute(
            "SELECT input_id, reason, detail FROM rejections").fetchall():
        reasons[input_id].append(reason)
        if reason not in REASONS:
            found.append(f"rejection reason {reason!r} is none of the documented ones: "
                         f"{detail[:200]}")
        if SECRET in detail:
            found.append(f"secret in a rejection: {detail[:200]}")
    if inputs is not None and len(rows) != inputs:
        found.append(f"{len(rows)} input rows for {inputs} inputs")
    if len({path for _id, path, _articles, _rejections in rows}) != len(rows):
        found.append("an input recorded twice")
    seen = set()
    for input_id, path, articles, rejections in rows:
        seen.add(path)
        case = expected.get(path)
        if case is None:
            found.append(f"unexpected input {path!r}")
            continue
        rejected = bool(reasons[input_id])
        if articles == 0 and not rejected:
            found.append(f"{case.name!r} ({case.category}): neither stored nor rejected")
        if case.expect == STORED and articles == 0:
            found.append(f"{case.name!r} ({case.category}): not stored: {reasons[input_id]}")
        if case.expect == REJECTED and (articles or not rejected):
            found.append(f"{case.name!r} ({case.category}): {articles} articles, not rejected")
        if rejected and rejections < len(reasons[input_id]):
            found.append(f"{case.name!r}: counts {rejections} rejections, "
                         f"stores {len(reasons[input_id])}")
    for path, case in expected.items():
        if path not in seen and not case.optional:
            found.append(f"{case.name!r} ({case.category}): never read")
    for article in store.articles.all():
        fields = [article.text, article.title or "", *article.authors, str(article.metadata)]
        if any(SECRET in field for field in fields):
            found.append(f"secret read into article {article.id} from {article.source_path}")
    return found


def category_counts(cases: list[Case]) -> dict[str, int]:
    """Inputs of each category, in the order the categories are written."""
    counts: dict[str, int] = {}
    for case in cases:
        counts[case.category] = counts.get(case.category, 0) + 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--quick", action="store_true", help="a few inputs of each category")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    cases = write_corpus(args.out, quick=args.quick, seed=args.seed)
    for category, count in category_counts(cases).items():
        print(f"{category:>16}  {count}")
    print(f"{'inputs':>16}  {len(cases)} in {args.out}")


if __name__ == "__main__":
    main()
