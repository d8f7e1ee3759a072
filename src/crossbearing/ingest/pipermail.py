"""Mailman/pipermail archive pages (``pipermail``), as HTML or as their text rendering.

A pipermail page holds one archived message: its subject, poster and date at the top, the body
(in ``<pre>`` on HTML pages) and the archive's navigation and list footer below. The page's own
fields become the message's :class:`~crossbearing.ingest.email.Envelope`; the body goes through
:func:`~crossbearing.ingest.email.assemble` like the body of any message, which drops the list
debris and reads a pasted article header.
"""

from __future__ import annotations

import html as html_entities
import re
from typing import Iterator
from urllib.parse import parse_qs, urlsplit

from crossbearing.clean.dates import is_date_line, parse_date
from crossbearing.clean.decode import decode_bytes
from crossbearing.errors import InputError
from crossbearing.ingest.email import (
    Envelope,
    assemble,
    bare_id,
    list_tag,
    poster,
    too_large,
)
from crossbearing.ingest.html import decode_html, fragment_text
from crossbearing.ingest.mailbody import MAX_HEADER_LINE
from crossbearing.ingest.source import Limits, Source
from crossbearing.model import RawDocument, Rejected

__all__ = ["read_pipermail"]

_BEGIN_ARTICLE = re.compile(rb"<!--beginarticle-->", re.IGNORECASE)
_ARTICLE = re.compile(r"<!--beginarticle-->(.*?)(?:<!--endarticle-->|\Z)",
                      re.IGNORECASE | re.DOTALL)
_PRE = re.compile(r"<pre[^>]*>(.*?)(?:</pre>|\Z)", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_BOLD = re.compile(r"<b>(.*?)</b>", re.IGNORECASE | re.DOTALL)
_ITALIC = re.compile(r"<i>(.*?)</i>", re.IGNORECASE | re.DOTALL)
_MAILTO = re.compile(r"""<a\s[^>]*href\s*=\s*["']mailto:([^"']*)["'][^>]*>(.*?)</a>""",
                     re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_POSTER_LINE = re.compile(r"^\s*(?P<name>.*?)\s*(?P<address>[\w.+'-]+ at [\w-]+(?:\.[\w-]+)+)\s*$",
                          re.IGNORECASE)
_MORE_INFO_INLINE = re.compile(r"More information about the\s+(.{1,80}?)\s+mailing\s+list",
                               re.IGNORECASE)


def read_pipermail(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """Read one Mailman/pipermail archive page, as HTML or as its text rendering."""
    if source.size > limits.max_document_bytes:
        yield too_large(source.size, limits, "")
        return
    data = source.read_bytes()
    try:
        if _BEGIN_ARTICLE.search(data):
            yield _pipermail_html(data)
        else:
            yield _pipermail_text(data)
    except InputError as error:
        yield Rejected(error.reason, str(error), "")


def _pipermail_html(data: bytes) -> RawDocument | Rejected:
    """A pipermail HTML page: <H1> subject, <B> poster, <I> date, the article between
    <!--beginarticle--> and <!--endarticle-->, the list name in the footer."""
    markup = decode_html(data)
    article = _ARTICLE.search(markup)
    head = markup[:article.start()] if article else markup
    footer = markup[article.end():] if article else ""
    h1 = _H1.search(head)
    subject = _inline_text(h1.group(1) if h1 else _first(_TITLE, head) or "")
    after_h1 = head[h1.end():] if h1 else head
    mailto = _MAILTO.search(after_h1)
    posted_by = poster(_inline_text(_first(_BOLD, after_h1) or ""),
                       _inline_text(mailto.group(2)) if mailto else "")
    posted = parse_date(_inline_text(_first(_ITALIC, after_h1) or ""), "pipermail:date")
    body_html = article.group(1) if article else ""
    pre = _PRE.search(body_html)
    body = html_entities.unescape(_TAG.sub("", pre.group(1))) if pre else fragment_text(body_html)
    footer_list = _MORE_INFO_INLINE.search(_inline_text(footer))
    envelope = Envelope(
        subject=subject or None, posted=posted, posted_by=posted_by,
        list_name=footer_list.group(1) if footer_list else list_tag(subject),
        external_id=_reply_target(mailto.group(1)) if mailto else None)
    return assemble(body, envelope, wrapped=pre is not None, fmt="pipermail", locator="", raw=data)


def _pipermail_text(data: bytes) -> RawDocument | Rejected:
    """The text rendering of a pipermail page: "[List] Subject", the poster's "Name address at
    domain" line, the posting date, then the body and the archive's footer. A page whose top
    does not read so is taken whole as the body."""
    lines = decode_bytes(data)[0].split("\n")
    envelope, body_at = _text_page_top(lines)
    return assemble("\n".join(lines[body_at:]), envelope, wrapped=True, fmt="pipermail",
                    locator="", raw=data)


def _text_page_top(lines: list[str]) -> tuple[Envelope, int]:
    """The envelope read from the top of a text-rendered archive page (subject lines, poster
    line, date line) and the index of the body's first line."""
    index = _next_filled(lines, 0)
    subject_lines: list[str] = []
    while (index < len(lines) and len(subject_lines) < 3 and lines[index].strip()
           and not _poster_line(lines[index])):
        subject_lines.append(lines[index].strip())
        index += 1
    poster_at = _next_filled(lines, index)
    poster_match = _poster_line(lines[poster_at]) if poster_at < len(lines) else None
    if not subject_lines or poster_match is None:
        return Envelope(), 0
    subject = " ".join(subject_lines)
    body_at = poster_at + 1
    date_at = _next_filled(lines, body_at)
    posted = None
    if date_at < len(lines) and is_date_line(lines[date_at]):
        posted = parse_date(lines[date_at].strip(), "pipermail:date")
        body_at = date_at + 1 if posted else body_at
    envelope = Envelope(subject=subject, posted=posted,
                        posted_by=poster(poster_match.group("name"), poster_match.group("address")),
                        list_name=list_tag(subject))
    return envelope, body_at


def _poster_line(line: str) -> re.Match | None:
    """The poster line of a text-rendered archive page, "Name user at domain.org"."""
    return _POSTER_LINE.match(line) if len(line) <= MAX_HEADER_LINE * 2 else None


def _next_filled(lines: list[str], index: int) -> int:
    """Index of the first non-blank line from ``index`` on (``len(lines)`` when none)."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _first(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None


def _inline_text(markup: str) -> str:
    """Text of a small piece of HTML on one line: tags dropped, entities decoded."""
    return " ".join(html_entities.unescape(_TAG.sub(" ", markup)).split())


def _reply_target(mailto: str) -> str | None:
    """The Message-ID of an archived message, which pipermail puts in its reply link as
    ``In-Reply-To``."""
    query = parse_qs(urlsplit("mailto:" + html_entities.unescape(mailto)).query)
    values = query.get("In-Reply-To") or query.get("in-reply-to")
    return bare_id(values[0]) if values else None
