"""From what a reader extracted to a stored :class:`~crossbearing.model.Article`: clean text,
title, outlet, language and the deterministic id.

Every text field is cleaned the way the body is (:func:`~crossbearing.clean.text.strip_controls`):
a NUL in a title, an author or a metadata value would be stored by SQLite but abort the
transaction on PostgreSQL, and a lone surrogate cannot be written as UTF-8 at all.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from crossbearing.clean.language import ANALYSED_LANGUAGE, identify
from crossbearing.clean.outlets import canonical_outlet, domain_of, is_plausible_outlet_name
from crossbearing.clean.text import clean_body, strip_controls
from crossbearing.ids import article_id, normalise_text, sha256_hex
from crossbearing.model import Article, DateValue, RawDocument, Rejected

#: Longest first line, in words, taken as a headline when the input gives no title.
MAX_HEADLINE_WORDS = 25
#: Deepest nesting of lists and objects kept in an article's metadata. A dump's record may nest
#: its unused fields almost as deep as the JSON parser allows, deeper than the store's JSON
#: writer can then go; what lies deeper is in the raw record.
MAX_METADATA_DEPTH = 32
_LETTER = re.compile(r"[^\W\d_]")
#: Prefixes of the sources of values the analyst stated rather than the input gave.
STATED = ("manifest:", "option:")


def build_article(doc: RawDocument, source_path: str) -> Article | Rejected:
    """Clean ``doc`` into an article, or reject it when no article text is left."""
    doc = _clean_fields(doc)
    cleaned = clean_body(doc.text, wrapped=True if doc.wrapped else None)
    text = cleaned.text
    title = _one_line(doc.title)
    if title is None:
        title, text = _take_headline(text)
    else:
        text = _drop_repeated_title(text, title)
    if not text.strip():
        return Rejected("no-text", "no article text left after removing site furniture", doc.locator)
    if not _LETTER.search(text):
        return Rejected("no-text", "the text holds no letters: numbers, symbols or markup only",
                        doc.locator)
    outlet, outlet_source = _outlet(doc)
    language, score = identify(text, doc.language)
    analysable = language == ANALYSED_LANGUAGE
    metadata = dict(doc.metadata)
    if cleaned.date_widgets:
        metadata["page_date_lines"] = list(cleaned.date_widgets)
    if cleaned.removed:
        metadata["removed_lines"] = list(cleaned.removed)
    if doc.language:
        metadata["declared_language"] = doc.language
    if doc.outlet and outlet is None:
        metadata["outlet_not_a_name"] = doc.outlet
    return Article(
        id=article_id(text, doc.url), text=text, title=title, outlet=outlet,
        outlet_source=outlet_source, url=doc.url, domain=domain_of(doc.url),
        published=doc.published, authors=doc.authors, language=language, language_score=score,
        analysable=analysable,
        skip_reason=None if analysable else f"language {language or 'unknown'}: only English is analysed",
        external_id=doc.external_id, source_path=source_path, locator=doc.locator,
        format=doc.format, text_sha256=sha256_hex(normalise_text(text)),
        raw_sha256=sha256_hex(doc.raw), raw=doc.raw, metadata=metadata)


def _outlet(doc: RawDocument) -> tuple[str | None, str | None]:
    """The outlet to store and where it came from. A name the analyst stated (a manifest, an
    option) wins over the URL's domain; the outlet table only spells it. Otherwise the domain
    table comes first, and a name read from the input keeps the note of where it was read; a
    name the table does not know that is a URL, a tagline or a section is not stored."""
    if doc.outlet and doc.outlet_source and doc.outlet_source.startswith(STATED):
        return canonical_outlet(doc.outlet, None)[0], doc.outlet_source
    outlet, outlet_source = canonical_outlet(doc.outlet, doc.url)
    # A name the analyst confirmed is kept as written; any other must read as a name.
    confirmed = "outlet" in doc.metadata.get("provenance_given", {})
    if outlet_source == "as given" and not confirmed and not is_plausible_outlet_name(outlet):
        return None, None  # a URL, a tagline or a section read as a name: no outlet
    if doc.outlet and doc.outlet_source and outlet_source != "domain table":
        outlet_source = doc.outlet_source  # the name was read there; the table only spelled it
    return outlet, outlet_source


def _one_line(title: str | None) -> str | None:
    if not title:
        return None
    return re.sub(r"\s+", " ", title).strip() or None


def _take_headline(text: str) -> tuple[str | None, str]:
    """The first paragraph as the title when it reads as a headline: short, one line, no
    sentence-final full stop, and followed by more text."""
    first, sep, rest = text.partition("\n\n")
    words = first.split()
    if (not sep or not rest.strip() or len(words) > MAX_HEADLINE_WORDS or len(words) < 2
            or first.rstrip().endswith(".")):
        return None, text
    return first.strip(), rest


def _drop_repeated_title(text: str, title: str) -> str:
    """Remove the title when the body repeats it as its first paragraph."""
    first, sep, rest = text.partition("\n\n")
    if sep and normalise_text(first) == normalise_text(title):
        return rest
    return text


def _clean_fields(doc: RawDocument) -> RawDocument:
    """``doc`` with every field but its body and raw bytes cleaned of control characters and
    lone surrogates; the body is cleaned with the rest of its cleaning."""
    published = doc.published
    if published is not None:
        published = DateValue(strip_controls(published.value), published.precision,
                              strip_controls(published.source))
    authors = (strip_controls(name).strip() for name in doc.authors)
    return replace(
        doc, locator=strip_controls(doc.locator), title=_field(doc.title), url=_field(doc.url),
        outlet=_field(doc.outlet), outlet_source=_field(doc.outlet_source), published=published,
        authors=tuple(name for name in authors if name), language=_field(doc.language),
        external_id=_field(doc.external_id), metadata=_clean_value(dict(doc.metadata), 0))


def _field(value: str | None) -> str | None:
    return (strip_controls(value).strip() or None) if value else value


def _clean_value(value: Any, depth: int) -> Any:
    """A metadata value with its strings cleaned, its keys made strings, and what is nested
    deeper than :data:`MAX_METADATA_DEPTH` replaced by a note."""
    if isinstance(value, str):
        return strip_controls(value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (dict, list, tuple)) and depth >= MAX_METADATA_DEPTH:
        return f"(nested deeper than {MAX_METADATA_DEPTH} levels: left in the raw record)"
    if isinstance(value, dict):
        return {strip_controls(str(key)): _clean_value(item, depth + 1)
                for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean_value(item, depth + 1) for item in value]
    return strip_controls(str(value))
