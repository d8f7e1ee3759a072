"""RSS 0.9x, 1.0 and 2.0 and Atom feeds, read with feedparser: one document per entry.

An entry's text is its full content (RSS ``content:encoded``, Atom ``<content>``) where the feed
carries it, otherwise its summary (RSS ``<description>``, Atom ``<summary>``). A summary is often
only a teaser, so ``metadata["content"]`` says which of the two the text is: ``"full"`` or
``"summary"``.

``raw`` is the entry as feedparser parsed it, serialised as JSON (UTF-8): feedparser keeps no
entry's original XML, and the JSON holds every field it read (title, links, dates as written,
content with its type), so the document can be rebuilt from it.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any, Iterator

import feedparser

from crossbearing.clean.dates import from_struct_time
from crossbearing.errors import FormatError
from crossbearing.ingest.html import fragment_text
from crossbearing.ingest.source import Limits, Source
from crossbearing.model import DateValue, RawDocument, Rejected

#: Content types feedparser gives to entry text that is markup.
HTML_TYPES = ("text/html", "application/xhtml+xml")
_WEB_URL = re.compile(r"^https?://", re.IGNORECASE)
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]|$)")
_ADDRESS_AND_NAME = re.compile(r"^\s*[^\s@()]+@[^\s()]+\s*\((?P<name>[^()]*\S[^()]*)\)\s*$")


def read(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """One document per feed entry, ``entry N`` numbered from 1; an entry without text is
    rejected on its own."""
    parsed = _parse_feed(source.read_bytes())
    channel = parsed.feed
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry_document(entry, channel, f"entry {number}", limits)


def _parse_feed(data: bytes) -> Any:
    """The feed as feedparser parses it; :class:`FormatError` when it is malformed and yields no
    entry. feedparser is lenient, so a damaged feed whose entries it recovered is read."""
    # Bytes are handed over as a file: given bytes or a string, feedparser first tries them as
    # a file name (and a string as a URL to fetch).
    parsed = feedparser.parse(io.BytesIO(data))
    if parsed.bozo and not any(parsed.entries):
        raise FormatError(f"malformed feed: {parsed.get('bozo_exception')}")
    return parsed


def _entry_document(entry: Any, channel: Any, locator: str,
                    limits: Limits) -> RawDocument | Rejected:
    """A document from one feed entry and its channel's title, link and language."""
    text, completeness = _entry_text(entry)
    if not text:
        return Rejected("no-text", "the entry has neither content nor a summary", locator)
    raw = json.dumps(entry, ensure_ascii=False, default=str).encode("utf-8")
    if len(raw) > limits.max_document_bytes:
        return Rejected("too-large", f"entry over {limits.max_document_bytes} bytes", locator)
    outlet = _clean(channel.get("title"))
    return RawDocument(
        text=text, format="feed", locator=locator, title=_title(entry), url=_url(entry),
        outlet=outlet, outlet_source="feed:channel title" if outlet else None,
        published=_published(entry), authors=_authors(entry),
        language=_language(channel.get("language") or _entry_language(entry)),
        external_id=_clean(entry.get("id")), raw=raw,
        metadata=_metadata(entry, channel, text, completeness))


def _entry_text(entry: Any) -> tuple[str, str | None]:
    """``(text, "full" | "summary")``: the first content element, else the summary."""
    contents = entry.get("content") or []
    for detail, completeness in ((contents[0] if contents else None, "full"),
                                 (entry.get("summary_detail"), "summary")):
        text = _detail_text(detail)
        if text:
            return text, completeness
    return "", None


def _detail_text(detail: Any) -> str:
    """Plain text of a feedparser text construct (a dict with ``value`` and ``type``)."""
    if not detail or not isinstance(detail.get("value"), str):
        return ""
    value = detail["value"].replace("\r\n", "\n").replace("\r", "\n")
    if detail.get("type") in HTML_TYPES:
        return fragment_text(value)
    return value.strip()


def _title(entry: Any) -> str | None:
    detail = entry.get("title_detail") or {"value": entry.get("title"), "type": "text/plain"}
    text = _detail_text(detail)
    return " ".join(text.split()) or None


def _url(entry: Any) -> str | None:
    """The entry's link. feedparser falls back to the id for it, which is a URN in many Atom
    feeds: only web addresses are taken."""
    link = entry.get("link")
    return link.strip() if isinstance(link, str) and _WEB_URL.match(link.strip()) else None


def _published(entry: Any) -> DateValue | None:
    """Publication date, else the date of last update; feedparser gives both in UTC."""
    return (from_struct_time(entry.get("published_parsed"), "feed:published")
            or from_struct_time(entry.get("updated_parsed"), "feed:updated"))


def _authors(entry: Any) -> tuple[str, ...]:
    """Author names, in order, without duplicates. An RSS ``<author>`` that is only an e-mail
    address gives no name; one written ``address (Name)`` is read here, as feedparser splits it
    wrongly when the address's top-level domain is longer than four letters."""
    written = entry.get("author")
    match = _ADDRESS_AND_NAME.match(written) if isinstance(written, str) else None
    if match:
        return (match.group("name").strip(),)
    names = (_clean(author.get("name")) for author in entry.get("authors") or [])
    return tuple(dict.fromkeys(name for name in names if name))


def _entry_language(entry: Any) -> str | None:
    """The language feedparser reports for the entry's text (Atom ``xml:lang``), if any."""
    for detail in (entry.get("content") or []) + [entry.get("summary_detail") or {}]:
        if detail.get("language"):
            return detail["language"]
    return None


def _language(tag: str | None) -> str | None:
    """The primary language subtag, lower-cased (``en-US`` → ``en``), as other readers give."""
    match = _LANGUAGE.match(tag.strip()) if isinstance(tag, str) else None
    return match.group(1).lower() if match else None


def _metadata(entry: Any, channel: Any, text: str, completeness: str | None) -> dict[str, Any]:
    """Channel title and link, whether the text is full or a summary, categories, and the
    summary as ``description`` when the text is the full content."""
    metadata: dict[str, Any] = {"content": completeness}
    if _clean(channel.get("title")):
        metadata["feed_title"] = _clean(channel.get("title"))
    if _clean(channel.get("link")):
        metadata["feed_link"] = _clean(channel.get("link"))
    categories = [_clean(tag.get("term")) for tag in entry.get("tags") or []]
    if any(categories):
        metadata["categories"] = [category for category in categories if category]
    if completeness == "full":
        summary = _detail_text(entry.get("summary_detail"))
        if summary and summary != text:
            metadata["description"] = summary
    return metadata


def _clean(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
