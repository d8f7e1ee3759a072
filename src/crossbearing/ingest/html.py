"""HTML pages: main text and metadata with trafilatura, publication date from the page's own
metadata and otherwise htmldate.

The text keeps the article's tables (a table of figures is part of the report) but not tables
of links (menus, grids of related stories). The outlet is the page's site name, else its JSON-LD
publisher, else the part of its ``<title>`` naming the site; a name the outlet table does not
know must read as a name (never a URL, a tagline or a section). The title loses a site name
written before or after a separator ("Title – TechCrunch"). Dates: a value with a time zone is
preferred over one of the same day without; placeholder days are never dates; a date more than
a day from the day in the URL's path gives way to the URL's, with the disagreement noted.

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

from crossbearing.clean.dates import days_apart, parse_date, url_date
from crossbearing.clean.decode import decode_bytes
from crossbearing.clean.outlets import (
    domain_of,
    is_plausible_outlet_name,
    name_key,
    outlet_by_name,
    outlet_name,
)
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
_INNER_TABLE = re.compile(r"<table\b[^>]*>(?:(?!<table\b).){0,200000}?</table\s*>",
                          re.IGNORECASE | re.DOTALL)
_LINK = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*$")
#: Share of a table's text inside links from which it is navigation, not content.
LINK_TABLE_SHARE = 0.6

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
    outlet_source: str | None = None
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
    # Tables are kept: a table of figures is part of the report, and without tables trafilatura
    # also loses text that follows one. Tables of links (menus, "related" grids) go first.
    doc = trafilatura.bare_extraction(drop_link_tables(markup), url=page.url, with_metadata=False,
                                      include_comments=False, include_tables=True, fast=True)
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
        outlet=page.outlet, outlet_source=page.outlet_source,
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
    page.outlet, page.outlet_source = _guarded(
        page.problems, "outlet", lambda: site_outlet(meta, _title_tag(markup), page.url),
        (None, None))
    page.title = _guarded(page.problems, "title",
                          lambda: _title(markup, meta, _site_names(page, meta)), None)
    page.published = _guarded(page.problems, "publication date",
                              lambda: _published(markup, meta, page), None)
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
    """One paragraph per line of trafilatura's text; the rule under a table's header row
    ("|---|---|") goes, the rows stay."""
    lines = (line.strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line and not _TABLE_RULE.match(line))


def drop_link_tables(markup: str) -> str:
    """``markup`` without the innermost tables whose text is mostly the text of links: menus,
    footers and grids of related stories laid out as tables, never a table of facts."""
    if "<table" not in markup and "<TABLE" not in markup:
        return markup
    return _INNER_TABLE.sub(lambda m: "" if _mostly_links(m.group(0)) else m.group(0), markup)


def _mostly_links(table: str) -> bool:
    text = len(_WHITE.sub("", html_entities.unescape(_TAG.sub("", table))))
    linked = sum(len(_WHITE.sub("", html_entities.unescape(_TAG.sub("", link))))
                 for link in _LINK.findall(table))
    return text > 0 and linked >= LINK_TABLE_SHARE * text


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
            publisher = item.get("publisher")
            publisher = publisher.get("name") if isinstance(publisher, dict) else publisher
            if isinstance(publisher, str) and publisher.strip():
                meta.setdefault("ld:publisher", publisher.strip())
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


def _published(markup: str, meta: dict[str, str], page: _PageMetadata) -> DateValue | None:
    """The page's publication date: its metadata, in :data:`DATE_META` order, a value with a time
    zone preferred over one without for the same day; else htmldate, given the URL. Placeholder
    days (1970-01-01) are never dates. When the URL's path holds a day more than a day away from
    the metadata's, the URL's day is kept (a page's metadata is often the date of an update or a
    template's default, a URL is fixed when the report is first published) and the
    disagreement noted in ``page.problems``."""
    candidates = [value for key in DATE_META if key in meta
                  if (value := parse_date(meta[key], f"html:meta[{key}]")) is not None]
    chosen = _with_zone(candidates)
    if chosen is None:
        found = find_date(markup, url=page.url, extensive_search=False, original_date=True)
        chosen = parse_date(found, "htmldate") if found else None
    in_url = url_date(page.url)
    if chosen is not None and in_url is not None and (days_apart(chosen, in_url) or 0) > 1:
        page.problems.append(f"publication date: the page says {chosen.value} ({chosen.source}), "
                             f"its URL's path {in_url.value}; the URL's day kept")
        return in_url
    return chosen


def _with_zone(candidates: list[DateValue]) -> DateValue | None:
    """The first candidate, or a later one of the same day that says its time zone when the first
    does not: a moment with its offset is an instant, one without is a wall-clock reading."""
    if not candidates:
        return None
    first = candidates[0]
    if _has_zone(first):
        return first
    zoned = (c for c in candidates[1:] if _has_zone(c) and c.value[:10] == first.value[:10])
    return next(zoned, first)


def _has_zone(value: DateValue) -> bool:
    return "T" in value.value and bool(re.search(r"(?:[+-]\d{2}:\d{2}|Z)$", value.value))


def _title(markup: str, meta: dict[str, str], site_names: set[str]) -> str | None:
    """The headline: the page's Open Graph or Twitter title, else its first ``<h1>``, else its
    ``<title>``; a site name before or after a separator ("Title – TechCrunch") cut off."""
    for key in ("og:title", "twitter:title"):
        if meta.get(key):
            return strip_site_name(_clean_title(html_entities.unescape(meta[key])), site_names)
    for pattern in (_H1, _TITLE_TAG):
        match = pattern.search(markup)
        if match:
            text = _clean_title(html_entities.unescape(_TAG.sub(" ", match.group(1))))
            if text:
                return strip_site_name(text, site_names)
    return None


def strip_site_name(title: str | None, site_names: set[str]) -> str | None:
    """``title`` without a part naming the site at its end or start ("Title | Reuters",
    "TechCrunch – Title"): a part whose :func:`name_key` is one of ``site_names`` (names already
    reduced, and the domain's labels run together). Other parts stay: "Gaza - live" keeps its
    dash, as no site is called "live"."""
    if not title:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    separators = _TITLE_SEPARATOR.findall(title)
    if len(parts) < 2:
        return title
    if _is_site(parts[-1], site_names):
        parts, separators = parts[:-1], separators[:-1]
    elif _is_site(parts[0], site_names):
        parts, separators = parts[1:], separators[1:]
    else:
        return title
    rebuilt = parts[0] + "".join(sep + part for sep, part in zip(separators, parts[1:]))
    return rebuilt.strip() or title


def _is_site(part: str, site_names: set[str]) -> bool:
    key = name_key(part)
    return bool(key) and (key in site_names or key.replace(" ", "") in site_names)


def _site_names(page: _PageMetadata, meta: dict[str, str]) -> set[str]:
    """The names a page's site goes by, reduced by :func:`name_key`: its outlet, site name and
    publisher, the outlet table's names for its domain, and its domain's labels run together
    ("techcrunch" for techcrunch.com, "aljazeera" for aljazeera.com)."""
    names = {page.outlet, meta.get("og:site_name"), meta.get("ld:publisher")}
    known = outlet_by_name(page.outlet) if page.outlet else None
    host = domain_of(page.url)
    known_by_url = outlet_by_name(host) if host else None
    for row in (known, known_by_url):
        if row is not None:
            names.update((row.name, *row.aliases))
    keys = {name_key(html_entities.unescape(name)) for name in names if name}
    if host:
        labels = host.split(".")
        keys.update(label for label in labels[:-1] if len(label) > 2)
        keys.add(host)
    return {key for key in keys if key}


def _title_tag(markup: str) -> str | None:
    match = _TITLE_TAG.search(markup[:200_000])
    return _clean_title(html_entities.unescape(_TAG.sub(" ", match.group(1)))) if match else None


#: Page metadata that names the site, in order of trust, with the note stored for each.
SITE_META = (("og:site_name", "html:meta[og:site_name]"), ("ld:publisher", "html:json-ld publisher"),
             ("application-name", "html:meta[application-name]"))


def site_outlet(meta: dict[str, str], title_tag: str | None,
                url: str | None) -> tuple[str | None, str | None]:
    """The outlet a page names, and where: its site name, its JSON-LD publisher, else the part of
    its ``<title>`` after (or before) a separator when that part names the site: an outlet the
    table knows, or the page's domain ("TechCrunch" on techcrunch.com). Never a URL, a tagline or
    a section name: a name the table does not know must read as a name."""
    for key, source in SITE_META:
        name = outlet_name(html_entities.unescape(meta.get(key) or ""))
        if name:
            return name, source
    parts = _TITLE_SEPARATOR.split(title_tag or "")
    host = domain_of(url)
    labels = set(host.split(".")[:-1]) if host else set()
    for part in (parts[-1], parts[0]) if len(parts) > 1 else ():
        known = outlet_by_name(part)
        if known is not None:
            return known.name, "html:title suffix"
        if name_key(part).replace(" ", "") in labels and is_plausible_outlet_name(part):
            return " ".join(part.split()), "html:title suffix"
    return None, None


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
