"""Publication dates as written in metadata and datelines, with their precision.

This reads absolute dates only ("2024-02-09T10:00:00Z", "Fri, 09 Feb 2024 19:00:40 -0500",
"February 10, 2024", "Sat. Mar 2nd, 2024"); relative expressions inside article text ("on
Wednesday", "early this month") belong to the annotation stage, which anchors them on these.
"""

from __future__ import annotations

import re
import time
import warnings
from datetime import date, datetime

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
    if parsed.year == 1 or parsed.date() < EARLIEST:
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
    """A date from a parsed ``time.struct_time`` in UTC, as feedparser gives."""
    if value is None:
        return None
    moment = datetime(*value[:6])
    if moment.date() < EARLIEST:
        return None
    has_time = any(value[3:6])
    return from_datetime(moment.replace(tzinfo=None), has_time=has_time, has_seconds=has_time,
                         source=source)


def is_date_line(line: str) -> bool:
    """Whether a line is a date and nothing else, like a site's date widget or a dateline."""
    return bool(DATE_LINE.match(line))
