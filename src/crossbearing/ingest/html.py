"""HTML pages: main text and metadata with trafilatura, publication date from the page's own
metadata and otherwise htmldate.

Other readers reuse :func:`extract_page` (WARC responses) and :func:`fragment_text` (feed entries
and dump fields that hold HTML).
"""

from __future__ import annotations

import html as html_entities
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, TypeVar

import trafilatura
from htmldate import find_date
from lxml import html as lxml_html

from crossbearing.clean.dates import parse_date
from crossbearing.clean.decode import decode_bytes
from crossbearing.errors import InputError
from crossbearing.ingest.source import Limits, Source
from crossbearing.model import DateValue, RawDocument, Rejected

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_META = re.compile(r"""<meta\s+[^>]*?(?:property|name|itemprop)\s*=\s*["']([^"']+)["'][^>]*?>""",
                   re.IGNORECASE)
_CONTENT = re.compile(r"""content\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
_JSON_LD = re.compile(r"""<script[^>]+application/ld\+json[^>]*>(.*?)</script>""",
                      re.IGNORECASE | re.DOTALL)
_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z!/][^>]*>")
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
_BYLINE = re.compile(r"""<(?:span|div|p|a)[^>]+(?:class|rel)=["'][^"']*\b(?:byline|author)\b[^"']*["'][^>]*>"""
                     r"(.{1,200}?)</(?:span|div|p|a)>", re.IGNORECASE | re.DOTALL)
_WHITE = re.compile(r"\s+")

#: Page metadata that names the publication date, in order of trust.
DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate",
             "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
             "parsely-pub-date", "article.published")
AUTHOR_META = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author")
T = TypeVar("T")


@dataclass
class _PageMetadata:
    """What a page says about itself, beside its text; ``problems`` names what was ignored."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: DateValue | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """Read one saved web page."""
    data = source.read_bytes()
    yield extract_page(data, url=None, raw=data)


def extract_page(data: bytes | str, *, url: str | None, locator: str = "", fmt: str = "html",
                 raw: bytes = b"", metadata: dict | None = None) -> RawDocument | Rejected:
    """Main text and metadata of one HTML page; a :class:`Rejected` when it has no article text."""
    try:
        markup = data if isinstance(data, str) else decode_html(data)
    except InputError as error:
        return Rejected(error.reason, str(error), locator)
    page = _page_metadata(markup, url)
    # Metadata is read here, not by trafilatura: its metadata pass costs four times its text
    # extraction (measured on benchmarks/corpus.py pages: 8.2 ms against 1.7 ms a page).
    doc = trafilatura.bare_extraction(markup, url=page.url, with_metadata=False,
                                      include_comments=False, include_tables=False, fast=True)
    text = _paragraphs(doc.text if doc is not None else "")
    if page.title and text.startswith(page.title):
        text = text[len(page.title):].lstrip("\n")
    if not text.strip():
        return Rejected("no-text", "no article text found in the page", locator)
    extra = dict(metadata or {})
    for key, value in page.extra.items():
        extra.setdefault(key, value)
    if page.problems:
        extra["metadata_problems"] = page.problems
    return RawDocument(
        text=text, format=fmt, locator=locator, title=page.title, url=page.url,
        outlet=page.outlet, outlet_source="html:meta[og:site_name]" if page.outlet else None,
        published=page.published, authors=page.authors, raw=raw or _as_bytes(data),
        language=page.language, metadata=extra)


def _page_metadata(markup: str, url: str | None) -> _PageMetadata:
    """The page's metadata, each piece read on its own: metadata in a shape no one expected
    (a JSON-LD block of lists or numbers, invalid JSON, a date that breaks a parser) loses that
    piece, noted in ``problems``, and never the page."""
    page = _PageMetadata(url=url)
    head = markup[:200_000]
    meta, ld_authors = _guarded(page.problems, "page metadata",
                                lambda: _page_meta(head, page.problems), ({}, ()))
    page.url = url or meta.get("og:url") or _guarded(page.problems, "canonical link",
                                                     lambda: _canonical_url(head), None)
    page.title = _guarded(page.problems, "title", lambda: _title(markup, meta), None)
    page.outlet = meta.get("og:site_name") or None
    page.published = _guarded(page.problems, "publication date",
                              lambda: _published(markup, meta), None)
    page.authors = _guarded(page.problems, "authors",
                            lambda: _authors(markup, meta, ld_authors), ())
    page.language = _guarded(page.problems, "language",
                             lambda: _declared_language(head, meta), None)
    for key in ("description", "og:description", "keywords", "article:section"):
        if meta.get(key):
            page.extra.setdefault(key.split(":")[-1], meta[key])
    return page


def _guarded(problems: list[str], what: str, read: Callable[[], T], default: T) -> T:
    """``read()``, or ``default`` with the failure noted in ``problems``."""
    try:
        return read()
    except Exception as error:  # metadata must never cost the page its text
        problems.append(f"{what} ignored: {type(error).__name__}: {error}")
        return default


def decode_html(data: bytes) -> str:
    match = _CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii", "ignore") if match else None
    return decode_bytes(data, declared)[0]


#: Elements that start a new paragraph in a fragment's plain text.
_BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
                     "section", "article", "header", "footer", "tr", "dd", "dt", "figcaption",
                     "table", "ul", "ol", "dl", "figure", "aside", "address"})


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content, a dump's HTML body, a mail body).

    Block elements become paragraphs separated by blank lines and ``<br>`` a line break, so markup
    without ``<p>`` tags (as mail programs write it) keeps its lines. Not a whole page, so no
    boilerplate detection: all text is kept, scripts, styles and forms aside."""
    if not _TAG.search(markup):
        return markup.strip()
    try:
        tree = lxml_html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises several unrelated types on broken markup
        return _TAG.sub(" ", markup).strip()
    for bad in tree.xpath(".//script|.//style|.//noscript|.//iframe|.//form|.//template"):
        bad.drop_tree()
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        # Newlines in the markup are spaces; only <br> and blocks break lines.
        element.text = _WHITE.sub(" ", element.text) if element.text else element.text
        element.tail = _WHITE.sub(" ", element.tail) if element.tail else element.tail
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    paragraphs = re.split(r"\n[ \t\r\f\v]*\n\s*", tree.text_content())
    lines = ("\n".join(_squash(line) for line in p.split("\n") if line.strip()) for p in paragraphs)
    return "\n\n".join(p for p in lines if p)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _paragraphs(text: str) -> str:
    lines = (line.strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def _clean_title(title: str | None) -> str | None:
    return re.sub(r"\s+", " ", title).strip() if title else None


def _as_bytes(data: bytes | str) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _page_meta(head: str, problems: list[str]) -> tuple[dict[str, str], tuple[str, ...]]:
    """``<meta>`` values by lower-cased name, with the dates of JSON-LD blocks; and the author
    names the JSON-LD blocks give. A block that cannot be read is noted in ``problems``."""
    meta: dict[str, str] = {}
    ld_authors: tuple[str, ...] = ()
    for match in _META.finditer(head):
        content = _CONTENT.search(match.group(0))
        if content:
            meta.setdefault(match.group(1).strip().lower(), content.group(2).strip())
    for number, block in enumerate(_JSON_LD.findall(head), 1):
        try:
            items = _json_ld_items(block)
        except (ValueError, RecursionError) as error:
            problems.append(f"JSON-LD block {number} ignored: {type(error).__name__}: {error}")
            continue
        for item in items:
            for key in ("datePublished", "dateCreated"):
                if isinstance(item.get(key), str):
                    meta.setdefault(key.lower(), item[key])
            if not ld_authors:
                ld_authors = _ld_names(item.get("author"))
    return meta, ld_authors


def author_names(entries: list) -> tuple[str, ...]:
    """The names of a list of authors, each entry a name or an object with a ``name`` (a
    JSON-LD Person or Organization, a dump's author record), each kept whole: a list of names
    is split already. Entries without a name are left out."""
    names = (entry.get("name") if isinstance(entry, dict) else entry for entry in entries)
    return tuple(name.strip() for name in names if isinstance(name, str) and name.strip())


def _ld_names(author: Any) -> tuple[str, ...]:
    """Author names of a JSON-LD ``author``: a list of names or of Person or Organization
    objects (New York Post pages list plain names), each kept whole; or one name or object,
    whose name may list several, split as a byline is."""
    if isinstance(author, list):
        return author_names(author)
    name = author.get("name") if isinstance(author, dict) else author
    return tuple(_split_names(name)) if isinstance(name, str) and name.strip() else ()


def _json_ld_items(block: str) -> list[dict]:
    """The objects of a JSON-LD block and of its ``@graph``; ValueError when it is not JSON."""
    data = json.loads(block)
    items = data if isinstance(data, list) else [data]
    graph: list[Any] = []
    for item in items:
        nodes = item.get("@graph") if isinstance(item, dict) else None
        graph.extend(nodes if isinstance(nodes, list) else [nodes])
    return [item for item in items + graph if isinstance(item, dict)]


def _canonical_url(head: str) -> str | None:
    match = re.search(r"""<link[^>]+rel=["']canonical["'][^>]*>""", head, re.IGNORECASE)
    if match:
        href = re.search(r"""href=["']([^"']+)["']""", match.group(0))
        if href and href.group(1).startswith("http"):
            return href.group(1)
    return None


def _published(markup: str, meta: dict[str, str]) -> DateValue | None:
    for key in DATE_META:
        if key in meta:
            value = parse_date(meta[key], f"html:meta[{key}]")
            if value is not None:
                return value
    found = find_date(markup, extensive_search=False, original_date=True)
    return parse_date(found, "htmldate") if found else None


def _title(markup: str, meta: dict[str, str]) -> str | None:
    """The headline: the page's Open Graph or Twitter title, else its first ``<h1>``, else the
    longest part of ``<title>`` once the site name after a separator is cut off."""
    for key in ("og:title", "twitter:title"):
        if meta.get(key):
            return _clean_title(html_entities.unescape(meta[key]))
    for pattern in (_H1, _TITLE_TAG):
        match = pattern.search(markup)
        if match:
            text = _clean_title(html_entities.unescape(_TAG.sub(" ", match.group(1))))
            if text and pattern is _TITLE_TAG:
                text = max(_TITLE_SEPARATOR.split(text), key=len).strip()
            if text:
                return text
    return None


def _authors(markup: str, meta: dict[str, str], ld_authors: tuple[str, ...]) -> tuple[str, ...]:
    """Author names from JSON-LD, author metadata, or a byline element."""
    names: Iterable[str] = ld_authors
    if not names:
        raw = next((meta[key] for key in AUTHOR_META
                    if key in meta and not meta[key].startswith("http")), None)
        if not raw:
            match = _BYLINE.search(markup)
            raw = html_entities.unescape(_TAG.sub(" ", match.group(1))) if match else None
            raw = re.sub(r"^\s*by\s+", "", raw or "", flags=re.IGNORECASE)
        names = _split_names(raw) if raw else ()
    cleaned = (_clean_title(name) for name in names)
    return tuple(name for name in cleaned if name and len(name) <= 80)


def _split_names(raw: str) -> list[str]:
    """The names one string lists, separated by ``;``, ``and`` or commas."""
    return re.split(r";|\band\b|,", raw)


def _declared_language(head: str, meta: dict[str, str]) -> str | None:
    match = _LANG.search(head)
    value = match.group(1) if match else meta.get("og:locale", "")[:2] or None
    return value.lower() if value else None
