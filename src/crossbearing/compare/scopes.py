"""Whether two claims speak of the same time and place, for :mod:`compare.claims`.

Time scopes ("since Oct. 17", "since mid-October", "Since 2014", "earlier this month") are
compared by their resolved dates where the time layer resolved both, else by what their words say:

- the relation: ``since`` (an open end: "since", "from"), ``until`` ("until", "before", "by") or
  ``at`` (a time the count is of: "in January", "earlier this month");
- with dates: the anchor's range (for "since 2014" the whole of 2014), and two scopes are
  compatible when their relations agree and their ranges overlap;
- with words: month, day or part of month (early 1–10, mid 11–20, late 21–31) and year, compatible
  when the relations and months agree, the years do where both are given and the days overlap
  ("since Oct. 17" and "since mid-October" are one scope); without a month, the words must be
  equal once "earlier"/"later" are read as "early"/"late".

A claim without a time scope is compatible with every scope: the text does not say it differs.

Place scopes ("in Iraq, Syria and Jordan") are compatible when they share a named place (a
capitalised word) or when either names none ("in the region" says too little to tell apart).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from crossbearing.model import TimeValue

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
#: Day ranges of the parts of a month.
PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
SINCE_WORDS = frozenset({"since", "from"})
UNTIL_WORDS = frozenset({"until", "till", "before", "by"})
#: Capitalised words in a place scope that do not name a place.
NOT_PLACES = frozenset({"the", "in", "across", "throughout", "inside", "within", "near", "around",
                        "at", "outside", "and", "of"})
_TOKEN = re.compile(r"[a-z]+|\d+")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")


@dataclass(frozen=True)
class TimeScope:
    """A claim's time scope: the words, and the time layer's value when it resolved them."""

    text: str
    value: TimeValue | None = None


def times_compatible(a: TimeScope | None, b: TimeScope | None) -> bool:
    """Whether two claims' time scopes can be the same period (see the module docstring)."""
    if a is None or b is None:
        return True
    if _resolved(a) and _resolved(b):
        return _relation_of_value(a.value) == _relation_of_value(b.value) and _overlap(
            _date_range(a.value), _date_range(b.value))
    return _words_compatible(_read(a.text), _read(b.text))


def _resolved(scope: TimeScope) -> bool:
    return scope.value is not None and scope.value.resolved and scope.value.start is not None


def _relation_of_value(value: TimeValue) -> str:
    return "since" if value.open_end else "until" if value.open_start else "at"


def _date_range(value: TimeValue) -> tuple[str, str]:
    """The anchor's dates: an open end is replaced by the end of the start's own period."""
    start = value.start or ""
    end = value.end if value.end and not value.open_end else _period_end(start, value.precision)
    return start, end


def _period_end(start: str, precision: str | None) -> str:
    year, month = int(start[:4]), int(start[5:7] or 1)
    if precision in ("year", "decade"):
        return f"{year}-12-31"
    if precision in ("month", "quarter"):
        return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    return start


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


@dataclass(frozen=True)
class _Words:
    relation: str
    month: int | None
    days: tuple[int, int]
    year: int | None
    rest: tuple[str, ...]


def _read(text: str) -> _Words:
    """What a time scope's words say: relation, month, days, year, and the other words."""
    tokens = _TOKEN.findall(text.lower().replace("earlier", "early").replace("later", "late"))
    relation = "at"
    if tokens and tokens[0] in SINCE_WORDS | UNTIL_WORDS:
        relation = "since" if tokens[0] in SINCE_WORDS else "until"
        tokens = tokens[1:]
    month = next((MONTHS[t] for t in tokens if t in MONTHS), None)
    year = next((int(t) for t in tokens if t.isdigit() and len(t) == 4), None)
    day = next((int(t) for t in tokens if t.isdigit() and 1 <= int(t) <= 31), None)
    part = next((PARTS[t] for t in tokens if t in PARTS), None)
    days = (day, day) if day is not None else part or (1, 31)
    rest = tuple(t for t in tokens if t not in MONTHS and t not in PARTS and not t.isdigit()
                 and t != "the")
    return _Words(relation, month, days, year, rest)


def _words_compatible(a: _Words, b: _Words) -> bool:
    if a.relation != b.relation:
        return False
    if a.month is not None and b.month is not None:
        return (a.month == b.month and (a.year is None or b.year is None or a.year == b.year)
                and a.days[0] <= b.days[1] and b.days[0] <= a.days[1])
    if a.month is not None or b.month is not None:
        return False
    if a.year is not None or b.year is not None:
        return a.year == b.year
    return a.rest == b.rest


@lru_cache(maxsize=4096)
def place_names(scope: str | None) -> frozenset[str]:
    """The capitalised words of a place scope, lower-cased: "in Iraq, Syria and Jordan" gives
    iraq, syria, jordan; "in the region" none. Kept for each scope: a story's claims are
    compared in pairs, and a scope recurs in many of them."""
    if not scope:
        return frozenset()
    found = _CAPITALISED.findall(scope)
    return frozenset(w.lower().rstrip(".") for w in found) - NOT_PLACES


def places_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two place scopes can be the same when either names no place or they share one."""
    return not a or not b or bool(a & b)
