"""Publication dates as written in metadata and datelines, with their precision.

This reads absolute dates only ("2024-02-09T10:00:00Z", "Fri, 09 Feb 2024 19:00:40 -0500",
"February 10, 2024", "Sat. Mar 2nd, 2024"); relative expressions inside article text ("on
Wednesday", "early this month") belong to the annotation stage, which anchors them on these.
"""

from __future__ import annotations

import re
import time
import warnings
from datetime import date, datetime, timezone

from dateutil import parser as dateutil_parser

from crossbearing.model import DateValue

_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
           "july|august|september|october|november|december")
_WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
#: A line that is a date and nothing else: "February 10, 2024", "Sat. Mar 2nd, 2024", "10 Feb 2024".
DATE_LINE = re.compile(
    rf"^\s*(?:{_WEEKDAYS}\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?:{_MONTHS})\s+\d{{1,2}}\s+\d{{1,2}}:\d{{2}}:\d{{2}}\s+(?:[A-Z]{{2,5}}\s+)?\d{{4}})"
    rf"(?:\s*(?:[,|]|at)?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,5}})?)?\s*$",
    re.IGNORECASE,
)
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_HAS_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
_ISO_YEAR = re.compile(r"^\d{4}$")
#: Dates before this are taken as parsing accidents, not publication dates.
EARLIEST = date(1800, 1, 1)
#: Days that pages and feeds write where they have no date: the Unix epoch, and the first day
#: of the years that date pickers and databases start from. Never a publication date.
PLACEHOLDER_DAYS = frozenset({date(1970, 1, 1), date(1900, 1, 1), date(1, 1, 1)})
_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[^\d]|$)")
_URL_COMPACT_DAY = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
_TZINFOS = {"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
            "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
            "GMT": 0, "UTC": 0, "BST": 3600, "CET": 3600, "CEST": 7200, "AST": 3 * 3600}


def parse_date(text: str | None, source: str) -> DateValue | None:
    """Read an absolute date or date-time; None when ``text`` holds no date."""
    if not text:
        return None
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip())
    if _ISO_YEAR.match(text):
        return DateValue(text, "year", source)
    if _ISO_MONTH.match(text):
        return DateValue(text, "month", source)
    try:
        with warnings.catch_warnings():  # unknown time zone names in junk dates
            warnings.simplefilter("ignore")
            parsed = dateutil_parser.parse(text, tzinfos=_TZINFOS, default=datetime(1, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year == 1 or parsed.date() < EARLIEST or parsed.date() in PLACEHOLDER_DAYS:
        return None
    return from_datetime(parsed, has_time=bool(_HAS_TIME.search(text) or "T" in text[8:12]),
                         has_seconds=bool(_HAS_SECONDS.search(text)), source=source)


def from_datetime(value: datetime, *, has_time: bool, has_seconds: bool, source: str) -> DateValue:
    if not has_time:
        return DateValue(value.date().isoformat(), "day", source)
    if has_seconds:
        return DateValue(value.isoformat(timespec="seconds"), "second", source)
    return DateValue(value.isoformat(timespec="minutes"), "minute", source)


def from_struct_time(value: time.struct_time | None, source: str) -> DateValue | None:
    """A date from a parsed ``time.struct_time`` in UTC, as feedparser gives: a time is an
    instant, stored with its zone (``+00:00``)."""
    if value is None:
        return None
    moment = datetime(*value[:6], tzinfo=timezone.utc)
    if moment.date() < EARLIEST or moment.date() in PLACEHOLDER_DAYS:
        return None
    has_time = any(value[3:6])
    return from_datetime(moment, has_time=has_time, has_seconds=has_time, source=source)


def is_date_line(line: str) -> bool:
    """Whether a line is a date and nothing else, like a site's date widget or a dateline."""
    return bool(DATE_LINE.match(line))


def url_date(url: str | None) -> DateValue | None:
    """The date in a URL's path: ``/2024/02/09/``, ``/2024-02-09-title``, ``/20240209/`` (day),
    ``/2024/02/`` (month); None without one, or with an impossible date."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE).split("?")[0]
    for pattern in (_URL_DAY, _URL_COMPACT_DAY):
        match = pattern.search(path)
        if match:
            try:
                day = date(*(int(part) for part in match.groups()))
            except ValueError:
                continue
            return DateValue(day.isoformat(), "day", "url:path")
    match = _URL_MONTH.search(path)
    return DateValue(f"{match.group(1)}-{match.group(2)}", "month", "url:path") if match else None


def days_apart(a: DateValue, b: DateValue) -> int | None:
    """Whole days between the calendar days of two dates of day precision or finer; None when
    either is coarser than a day."""
    if a.precision in ("month", "year") or b.precision in ("month", "year"):
        return None
    return abs((date.fromisoformat(a.value[:10]) - date.fromisoformat(b.value[:10])).days)
