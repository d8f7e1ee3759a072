"""Who published a report and when, read from its own text and URL where its metadata is silent.

Run on every document a reader yields, after the analyst's statements (``manifest``) and before
cleaning, on the text as the reader found it (footers and date lines still in place). It fills
only what is missing, and marks each value with how it was found:

Outlet (``outlet_source``):

* ``text:dateline credit``: the agency credited in a dateline, "BAGHDAD (AFP) —",
  "WASHINGTON, Feb. 9, 2024 (Reuters) -"; only an outlet the outlet table knows, so a
  parenthesis that is not a credit ("(IRI)") is never taken;
* ``text:forwarded header``: the outlet line of a block pasted above the article (title, outlet,
  byline, date), when the outlet table knows the name;
* ``text:copyright line``: "© 2024 Press TV", "Copyright Al Jazeera. All rights reserved", in
  the first or last lines; a name the table does not know is kept only when it reads as a name.

Date (``DateValue.source``), in this order of trust:

* ``text:published line``: "Published: 9 February 2024", "Posted on Feb 9, 2024 10:12 GMT"; an
  "Updated …" line (``text:updated line``) only when no line gives the publication;
* ``text:dateline``: a wire dateline with a full date, "WASHINGTON, Feb. 9, 2024 (AP) —";
* ``url:path``: a date in the URL's path, ``/2024/02/09/`` (day) or ``/2024/02/`` (month);
* ``text:date line``: a line holding only a date among the lines above the first paragraph, and
  below the title. A date line above the title (above everything else, where the reader found
  no title) is the site's current-date widget of a saved page ("Sat. Mar 2nd, 2024"), written
  when the page was saved, and is never taken. A date inside a sentence (a photo caption,
  "in Baghdad, Iraq, February 8, 2024 (AP)") is never a publication line.

When no date is found, the latest full date the text reports as past (not after "will",
"scheduled", "until" ...) is kept as a lower bound in the metadata (``published_lower_bound``):
the report cannot be older, but it is not its date. A byline line ("By Jane Doe and John Roe")
gives the authors when the reader found none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from crossbearing.clean.dates import is_date_line, parse_date, url_date
from crossbearing.clean.outlets import (
    RELAYING_KINDS,
    outlet_by_name,
    outlet_for_url,
    outlet_name,
)
from crossbearing.ids import normalise_text
from crossbearing.ingest.mailbody import split_forwarded_header
from crossbearing.model import DateValue, RawDocument

#: Lines at the top of a text searched for a header (title, byline, date) before the body.
HEAD_LINES = 8
#: Lines at the end of a text searched for a copyright or "Published" footer.
FOOT_LINES = 10
#: Words from which a line is a body paragraph, ending the header lines.
BODY_WORDS = 20
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_WIRE_DATE = rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-Z][A-Z.'’ -]{{1,40}}[A-Z.](?:,\s+[A-Z][\w.'’ -]{{1,30}}?)?)"
    rf"(?:,\s*(?P<date>{_WIRE_DATE}))?\s*)?"
    r"\((?P<credit>[A-Za-z][\w .&'’-]{0,40}?)\)\s*(?:[-–—:]|$)", re.IGNORECASE)
_PUBLISHED_LINE = re.compile(
    r"^(?:first\s+)?(?P<kind>published|posted|updated|last\s+updated)(?:\s+(?:on|at))?\s*[:\-–—]?"
    r"\s*(?P<date>.{6,60}?)\s*(?:[|•]\s*(?:last\s+)?updated.*)?$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\))", re.IGNORECASE)
_COPYRIGHT_NOISE = re.compile(
    r"copyright|©|\(c\)|\b(?:19|20)\d{2}\b(?:\s*[-–]\s*(?:19|20)\d{2})?|^\s*by\b|all rights reserved.*",
    re.IGNORECASE)
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2})\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|shall|scheduled|planned|plans?|due|expected|until|till|next|"
                     r"upcoming|deadline|set for|postponed)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s")
_BYLINE = re.compile(r"^By:?\s+(\S.{1,100})$")
_NAME_SPLIT = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|al-\w+|el-\w+|bin|ibn|van|von|de|der|da|del)$")

LOWER_BOUND = "text:latest past date"


def infer_missing(doc: RawDocument) -> RawDocument:
    """``doc`` with the outlet, date and authors its text and URL give, where it had none."""
    lines = [line.strip() for line in doc.text.splitlines() if line.strip()]
    head = _head_lines(lines)
    changes: dict[str, Any] = {}
    if not doc.outlet and not _url_names_outlet(doc.url):
        found = infer_outlet(lines, doc.text)
        if found is not None:
            changes["outlet"], changes["outlet_source"] = found
    if doc.published is None:
        published = infer_published(lines, head, doc.url, title=doc.title)
        if published is not None:
            changes["published"] = published
        else:
            bound = lower_bound(doc.text, skip=_widget_lines(head, doc.title))
            if bound is not None:
                changes["metadata"] = {**doc.metadata, "published_lower_bound": {
                    "value": bound.value, "source": bound.source}}
    if not doc.authors:
        authors = next((names for line in head if (names := byline_names(line))), ())
        if authors:
            changes["authors"] = authors
    return replace(doc, **changes) if changes else doc


def infer_outlet(lines: list[str], text: str) -> tuple[str, str] | None:
    """The outlet a text names as its own, and how it was found; None when it names none."""
    for line in lines[:HEAD_LINES]:
        credit = _dateline_match(line)
        if credit is not None:
            known = outlet_by_name(credit.group("credit"))
            if known is not None:
                return known.name, "text:dateline credit"
    header, _ = split_forwarded_header(text)
    if header.outlet:
        known = outlet_by_name(header.outlet)
        if known is not None:
            return known.name, "text:forwarded header"
    for line in lines[:3] + lines[-FOOT_LINES:]:
        name = copyright_holder(line)
        if name is not None:
            return name, "text:copyright line"
    return None


def copyright_holder(line: str) -> str | None:
    """The outlet a copyright line names ("© 2024 Press TV. All rights reserved." -> Press TV):
    the table's name for it, or the name as written when it reads as an outlet's name."""
    if len(line) > 120 or not _COPYRIGHT.match(line):
        return None
    rest = _COPYRIGHT_NOISE.sub(" ", line)
    name = re.split(r"\s[-–—|•]\s|[|•,;]|\.\s|\.$", rest.strip(" .,-"))[0].strip(" .,-")
    return outlet_name(name)


def infer_published(lines: list[str], head: list[str], url: str | None, *,
                    title: str | None) -> DateValue | None:
    """The publication date the text or URL gives, by the order of trust in the module's doc."""
    return (_published_line(head + lines[-FOOT_LINES:]) or _dateline_date(lines[:HEAD_LINES])
            or url_date(url) or _date_line(head, title))


def _published_line(lines: list[str]) -> DateValue | None:
    updated = None
    for line in lines:
        match = _PUBLISHED_LINE.match(line) if len(line) <= 100 else None
        if match is None:
            continue
        kind = "updated line" if "updated" in match.group("kind").lower() else "published line"
        value = parse_date(match.group("date"), f"text:{kind}")
        if value is not None and kind == "published line":
            return value
        updated = updated or value
    return updated


def _dateline_date(lines: list[str]) -> DateValue | None:
    for line in lines:
        match = _dateline_match(line)
        if match is not None and match.group("date") and re.search(r"\d{4}", match.group("date")):
            return parse_date(match.group("date"), "text:dateline")
    return None


def _dateline_match(line: str) -> re.Match | None:
    match = _DATELINE.match(line)
    if match is None or not (match.group("place") or line.startswith("(")):
        return None
    place = match.group("place") or ""
    # The place of a dateline is written in capitals: "BAGHDAD", "GAZA CITY, Gaza Strip".
    return match if place.split(",")[0].upper() == place.split(",")[0] else None


def _date_line(head: list[str], title: str | None) -> DateValue | None:
    """A line holding only a date among the header lines, below a title."""
    widgets = _widget_lines(head, title)
    for line in head:
        if is_date_line(line) and line not in widgets:
            return parse_date(line, "text:date line")
    return None


def _widget_lines(head: list[str], title: str | None) -> set[str]:
    """Date lines above the title: a page's current-date widget, written when the page was
    saved. Without a title known, the text's first line is where the title stands, so a date
    line there is above it; with one, any date line the title's own line follows."""
    if title is None:
        return {head[0]} if head and is_date_line(head[0]) else set()
    key = normalise_text(title)
    title_at = next((i for i, line in enumerate(head) if normalise_text(line) == key), -1)
    return {line for line in head[:max(title_at, 0)] if is_date_line(line)}


def lower_bound(text: str, skip: set[str] = frozenset()) -> DateValue | None:
    """The latest full date the text reports as past: the report is no older than that."""
    latest: DateValue | None = None
    for line in text.splitlines():
        if line.strip() in skip:
            continue
        for match in _FULL_DATE.finditer(line):
            if _future_context(line, match.start()):
                continue
            value = parse_date(match.group(0), LOWER_BOUND)
            if value is not None and value.precision == "day" and (
                    latest is None or value.value > latest.value):
                latest = value
    return latest


def _future_context(line: str, start: int) -> bool:
    """Whether the sentence before a date speaks of what is yet to come."""
    before = line[:start]
    ends = list(_SENTENCE_END.finditer(before))
    sentence = before[ends[-1].end():] if ends else before
    return bool(_FUTURE.search(sentence))


def byline_names(line: str) -> tuple[str, ...]:
    """The names of a "By Jane Doe and John Roe" line; () when it is not a byline ("By the
    end of the week" has words that are not names)."""
    match = _BYLINE.match(line)
    if not match:
        return ()
    names = [name.strip() for name in _NAME_SPLIT.split(match.group(1)) if name.strip()]
    good = names and all(1 < len(n.split()) <= 5 and all(_NAME_WORD.match(w) for w in n.split())
                         for n in names)
    return tuple(names) if good else ()


def _head_lines(lines: list[str]) -> list[str]:
    """The lines above the first body paragraph, at most :data:`HEAD_LINES`."""
    head: list[str] = []
    for line in lines[:HEAD_LINES]:
        if len(line.split()) >= BODY_WORDS:
            break
        head.append(line)
    return head


def _url_names_outlet(url: str | None) -> bool:
    """Whether the outlet table names the outlet from the URL (not an aggregator or archive)."""
    found = outlet_for_url(url)
    return found is not None and found.kind not in RELAYING_KINDS
