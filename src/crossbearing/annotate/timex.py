"""Time expressions resolved to inclusive intervals of ISO dates, anchored on the publication date.

``resolve_time`` reads one expression in three layers: an opening ("since", "until"), a part
("early", "mid-", "late", "the end of", "earlier this"), and a core ("last month", "Oct. 17",
"Wednesday night", "the 1990s"), each core resolved by one entry of a table. The rules, with
examples and the choices made, are in docs/dates.md. ``find_time_expressions`` (from
``timex_find``) finds the expressions in a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from calendar import monthrange
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from typing import Callable

from dateutil.relativedelta import relativedelta

from crossbearing.annotate.timex_find import (
    MONTHS,
    NUMBER_WORDS,
    VAGUE_COUNTS,
    WEEKDAYS,
    find_time_expressions,
)
from crossbearing.model import TimeValue

__all__ = ["find_time_expressions", "resolve_time", "NO_ANCHOR", "NOT_TIME", "TENSES"]

NO_ANCHOR = "relative expression and no publication date"
NOT_TIME = "not a time expression"
AMBIGUOUS = "ambiguous numeric date: day and month order unknown"
INVALID = "not a valid calendar date"
OUT_OF_RANGE = "publication date too near the ends of the calendar to count from"
#: The publication years relative expressions are counted from: far enough inside the calendar
#: (years 1 to 9999) for the longest reach back or ahead ("the past 999 years").
ANCHOR_YEARS = range(MINYEAR + 1000, MAXYEAR - 1000)
#: Tenses ``resolve_time`` accepts; only "future" changes a result (None means "past").
TENSES = (None, "past", "present", "future")
#: What a vague plural ("recent weeks", "the past few days") is taken to cover from the anchor.
VAGUE_SPANS = {"day": (relativedelta(days=7), "7 days"),
               "week": (relativedelta(weeks=4), "4 weeks"),
               "month": (relativedelta(months=6), "6 months"),
               "year": (relativedelta(years=5), "5 years")}
#: Parts of a unit: the sub-unit counted in, and the first and last one (None: to the end).
PARTS = {"week": ("days", {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}),
         "month": ("days", {"early": (0, 9), "mid": (10, 19), "late": (20, None)}),
         "quarter": ("months", {"early": (0, 0), "mid": (1, 1), "late": (2, 2)}),
         "year": ("months", {"early": (0, 3), "mid": (4, 7), "late": (8, 11)}),
         "decade": ("years", {"early": (0, 3), "mid": (4, 6), "late": (7, 9)})}
_PART_WORDS = {"early": "early", "beginning": "early", "start": "early", "mid": "mid",
               "middle": "mid", "late": "late", "end": "late", "earlier": "earlier",
               "later": "later"}
_OFFSETS = {"last": -1, "this": 0, "the": 0, "next": 1}
_DEICTIC = {"today": (0, 0), "tonight": (0, 0), "this morning": (0, 0),
            "this afternoon": (0, 0), "this evening": (0, 0), "yesterday": (-1, -1),
            "last night": (-1, -1), "overnight": (-1, 0), "tomorrow": (1, 1),
            "the day before yesterday": (-2, -2), "the day after tomorrow": (2, 2)}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}


class _Unresolved(Exception):
    """Raised inside the resolver with the reason an expression has no value."""


@dataclass(frozen=True)
class _Context:
    anchor: date | None
    future: bool

    def need_anchor(self) -> date:
        """The anchor, for a relative expression; without one the expression is unresolved."""
        if self.anchor is None:
            raise _Unresolved(NO_ANCHOR)
        if self.anchor.year not in ANCHOR_YEARS:
            raise _Unresolved(OUT_OF_RANGE)
        return self.anchor


@dataclass(frozen=True)
class _Period:
    """An inclusive interval, the unit it is counted in, and whether it is one whole calendar
    unit (a month, an ISO week...), which a part ("early", "late") can divide."""

    start: date
    end: date
    unit: str
    whole: bool = True
    note: str | None = None


# --- public -------------------------------------------------------------------------------------
def resolve_time(expression: str, anchor: date | None, *, tense: str | None = None) -> TimeValue:
    """Resolve one time expression against ``anchor`` (the publication date, or None).

    ``tense`` is the tense of the sentence it comes from: "future" reads weekdays, weekends,
    months and month days forward from the anchor; anything else (the default) reads them back.
    """
    if tense not in TENSES:
        raise ValueError(f"unknown tense {tense!r}; expected one of {TENSES}")
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    context = _Context(anchor, tense == "future")
    try:
        opening, part, core = _split(_normalise(expression))
        if opening == "since":  # counts from a time before the anchor, whatever the tense
            context = replace(context, future=False)
        period = _apply_part(_resolve_core(core, context), part, context)
        return _value(period, opening, context)
    except _Unresolved as unresolved:
        return TimeValue(None, None, None, False, reason=str(unresolved))


# --- reading the expression ---------------------------------------------------------------------
def _normalise(expression: str) -> str:
    """Lower case, no ordinal suffixes, periods or commas, single spaces, no leading "on"/"in"."""
    text = expression.lower().replace("\u2019", "'").replace("\u2013", "-")
    text = re.sub(r"'s$", "", text.strip())
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\bmid-\s*", "mid ", text)
    text = re.sub(r"[.,;:!?]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(?:(?:on|in|over|during|throughout|at) )+", "", text)
    return re.sub(r"^(?:till|up to) ", "until ", text)


_OPENING = re.compile(r"(since|until) (.+)")
_PART = re.compile(r"(?:the )?(early|late|mid|earlier|later|"
                   r"(?:the )?(?:end|beginning|start|middle) of) (.+)")


def _split(text: str) -> tuple[str | None, str | None, str]:
    """("since"/"until" or None, "early"/"mid"/"late"/"earlier"/"later" or None, the core)."""
    opening = None
    if match := _OPENING.fullmatch(text):
        opening, text = match.groups()
    part = None
    if match := _PART.fullmatch(text):
        word, text = match.groups()
        part = _PART_WORDS[word.split()[-2] if word.endswith(" of") else word]
        text = re.sub(r"^the (?=(?:week|month|year|quarter)$)", "this ", text)
    return opening, part, text


def _resolve_core(core: str, context: _Context) -> _Period:
    """The period the core names, from the first entry of the table that matches it."""
    for pattern, handler in _CORES:
        if match := pattern.fullmatch(core):
            return handler(match, context)
    raise _Unresolved(NOT_TIME)


# --- calendar helpers ---------------------------------------------------------------------------
def _make_date(year: int, month: int, day: int) -> date:
    """The date, or unresolved "not a valid calendar date" (February 30, month 13)."""
    try:
        return date(year, month, day)
    except ValueError:
        raise _Unresolved(INVALID) from None


def _shift(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` units (a quarter is three months, a decade ten years). ``day``
    is an anchor inside ``ANCHOR_YEARS``, which no count reaches out of the calendar from."""
    if unit == "quarter":
        unit, count = "month", 3 * count
    elif unit == "decade":
        unit, count = "year", 10 * count
    return day + relativedelta(**{unit + "s": count})


def _unit_of(unit: str, day: date) -> _Period:
    """The whole calendar unit holding ``day``: the day, its ISO week (Monday to Sunday), its
    month, quarter, year or decade."""
    if unit == "day":
        return _Period(day, day, unit)
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return _Period(monday, monday + timedelta(days=6), unit)
    if unit == "decade":  # there is no decade of year 0
        first_year = day.year // 10 * 10
        return _Period(_make_date(first_year, 1, 1), date(first_year + 9, 12, 31), unit)
    quarter = 3 * ((day.month - 1) // 3) + 1
    first, last = {"month": (day.month, day.month), "quarter": (quarter, quarter + 2),
                   "year": (1, 12)}[unit]
    return _Period(date(day.year, first, 1),
                   date(day.year, last, monthrange(day.year, last)[1]), unit)


def _nearest(context: _Context, build: Callable[[int], _Period | None], which: str) -> _Period:
    """The period ``build(year)`` that is the latest not after the anchor (past) or the earliest
    not ending before it (future); ``which`` "last"/"next" asks for one wholly before/after it."""
    anchor = context.need_anchor()
    periods = [p for p in (build(y) for y in range(anchor.year - 8, anchor.year + 9)) if p]
    if which == "last":
        found = max((p for p in periods if p.end < anchor), key=_start, default=None)
    elif which == "next":
        found = min((p for p in periods if p.start > anchor), key=_start, default=None)
    elif context.future:
        found = min((p for p in periods if p.end >= anchor), key=_start, default=None)
    else:
        found = max((p for p in periods if p.start <= anchor), key=_start, default=None)
    if found is None:  # no year has it: "Feb 30", "September 31"
        raise _Unresolved(INVALID)
    return found


def _start(period: _Period) -> date:
    return period.start


def _count(word: str | None) -> int | None:
    """The number a count word or numeral stands for; None for "few", "several" or no count."""
    if word is None or word in VAGUE_COUNTS:
        return None
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _vague_note(phrase: str, taken_as: str) -> str:
    """The ``reason`` of a resolved vague expression: what it was taken to mean."""
    return f"vague: '{phrase}' taken as {taken_as}"


# --- absolute cores -----------------------------------------------------------------------------
def _iso(match: re.Match, context: _Context) -> _Period:
    """"2024-02-07"."""
    year, month, day = (int(g) for g in match.groups())
    return _unit_of("day", _make_date(year, month, day))


def _numeric(match: re.Match, context: _Context) -> _Period:
    """"13/02/2024" or "02/13/2024": whichever number is over 12 is the day; "07/02/2024" is
    ambiguous and stays unresolved."""
    first, second, year = (int(g) for g in match.groups())
    if first != second and (first > 12) == (second > 12):
        raise _Unresolved(AMBIGUOUS if max(first, second) <= 12 else INVALID)
    day, month = (first, second) if first > 12 else (second, first)
    return _unit_of("day", _make_date(year, month, day))


def _year(match: re.Match, context: _Context) -> _Period:
    """"2014"."""
    return _unit_of("year", _make_date(int(match[1]), 1, 1))


def _decade(match: re.Match, context: _Context) -> _Period:
    """"the 1990s"; "the '90s" is the 1990s, "the '00s" and "the '10s" the 2000s and 2010s."""
    if match["d3"]:
        year = int(match["d3"]) * 10
    else:
        year = (2000 if match["d1"] in "01" else 1900) + int(match["d1"]) * 10
    return _unit_of("decade", _make_date(year, 1, 1))


# --- cores with a month ---------------------------------------------------------------------------
def _year_of(match: re.Match, context: _Context) -> int | None:
    """The year a match states: a numeral, or "last/this/next year" from the anchor."""
    if match["year"]:
        return int(match["year"])
    if match["rel"]:
        return context.need_anchor().year + _OFFSETS[match["rel"]]
    return None


def _month_day(match: re.Match, context: _Context) -> _Period:
    """"Oct. 17", "7 October", "February 8, 2024", "October 7 last year"."""
    month, day = MONTHS[match["month"]], int(match["day"])
    year = _year_of(match, context)
    if year is not None:
        return _unit_of("day", _make_date(year, month, day))
    if not 1 <= day <= 31:
        raise _Unresolved(INVALID)
    return _nearest(context, lambda y: _day_or_none(y, month, day), "")


def _day_or_none(year: int, month: int, day: int) -> _Period | None:
    """The day as a period, or None where the year lacks it (February 29)."""
    try:
        return _unit_of("day", date(year, month, day))
    except ValueError:  # February 29 outside leap years, September 31
        return None


def _month(match: re.Match, context: _Context) -> _Period:
    """"October", "October 2023", "October last year", "last October", "this October"."""
    month = MONTHS[match["month"]]
    year = _year_of(match, context)
    if year is None and match["which"] == "this":
        year = context.need_anchor().year
    if year is not None:
        return _unit_of("month", _make_date(year, month, 1))
    return _nearest(context, lambda y: _unit_of("month", date(y, month, 1)), match["which"] or "")


def _quarter(match: re.Match, context: _Context) -> _Period:
    """"the first quarter of 2024", "Q1 2024"; "the last quarter" alone is the previous one."""
    word, year = match["ordinal"], _year_of(match, context)
    if word == "last" and year is None:
        return _unit_of("quarter", _shift(context.need_anchor(), "quarter", -1))
    number = int(word[-1]) if word.startswith("q") else _ORDINALS.get(word, 4)
    year = context.need_anchor().year if year is None else year
    return _unit_of("quarter", _make_date(year, 3 * number - 2, 1))


# --- cores relative to the anchor -------------------------------------------------------------
def _deictic(match: re.Match, context: _Context) -> _Period:
    """"today", "yesterday", "last night", "tomorrow"; "overnight" is the night before the
    anchor, so it spans the day before and the anchor day."""
    anchor = context.need_anchor()
    first, last = _DEICTIC[match[0]]
    return _Period(anchor + timedelta(days=first), anchor + timedelta(days=last), "day")


def _weekday(match: re.Match, context: _Context) -> _Period:
    """"Wednesday", "Wednesday night", "last Wednesday", "next Wednesday".

    Bare: the most recent such day on or before the anchor (past) or the first on or after it
    (future), so the anchor's own weekday is the anchor day. "last"/"next": strictly before or
    after the anchor."""
    anchor, target = context.need_anchor(), WEEKDAYS[match["weekday"]]
    back, ahead = (anchor.weekday() - target) % 7, (target - anchor.weekday()) % 7
    which = match["which"]
    if which == "last" or (which != "next" and not context.future):
        offset = -(back or 7) if which == "last" else -back
    else:
        offset = (ahead or 7) if which == "next" else ahead
    return _unit_of("day", anchor + timedelta(days=offset))


def _calendar(match: re.Match, context: _Context) -> _Period:
    """"this week", "last month", "next year", "this quarter"; "the end of the month" reads
    "the month" as "this month" (bare "the month" is not a date: "the year since the attack")."""
    unit, offset = match["unit"], _OFFSETS[match["which"]]
    return _unit_of(unit, _shift(context.need_anchor(), unit, offset))


def _weekend(match: re.Match, context: _Context) -> _Period:
    """Saturday and Sunday. "this weekend": of the anchor's ISO week, so the coming one from
    Monday to Friday; "last"/"next": of the week before/after; "the weekend": the latest one
    begun by the anchor (past), or "this weekend" (future)."""
    anchor, which = context.need_anchor(), match["which"]
    offset = _OFFSETS[which]
    if which == "the" and not context.future and anchor.weekday() < 5:
        offset = -1
    saturday = anchor - timedelta(days=anchor.weekday() - 5) + timedelta(weeks=offset)
    return _Period(saturday, saturday + timedelta(days=1), "week", whole=False)


def _window(match: re.Match, context: _Context) -> _Period:
    """"the past week", "the past two weeks", "the past 24 hours", "the next three days": from
    the anchor back (or forward) by the count; without a count, one unit, or a vague span for a
    plural ("the past few days", "the coming weeks")."""
    anchor, unit, count = context.need_anchor(), match["unit"], _count(match["count"])
    if unit == "hour":
        unit, count = "day", max(1, -(-(count or 24) // 24))
    vague = count is None and bool(match["count"] or match["plural"])
    if match["dir"] == "next" and not (match["count"] or match["plural"]):
        raise _Unresolved(NOT_TIME)  # "the next day", "the next week": counted from the story
    span_words = VAGUE_SPANS[unit][1]
    taken_as = f"the {span_words} {'after' if match['dir'] in ('next', 'coming') else 'before'}"
    note = _vague_note(match[0], f"{taken_as} publication") if vague else None
    span = VAGUE_SPANS[unit][0] if vague else relativedelta(**{unit + "s": count or 1})
    if match["dir"] in ("next", "coming"):
        return _Period(anchor, anchor + span, unit, whole=False, note=note)
    return _Period(anchor - span, anchor, unit, whole=False, note=note)


def _ago(match: re.Match, context: _Context) -> _Period:
    """"two days ago": the day; "three weeks ago": the ISO week, "a month ago": the month, of the
    anchor moved back. "a few days ago": from a vague span back to two units back."""
    anchor, unit, count = context.need_anchor(), match["unit"], _count(match["count"])
    if count is not None:
        return _unit_of(unit, _shift(anchor, unit, -count))
    start = _unit_of(unit, anchor - VAGUE_SPANS[unit][0]).start
    end = _unit_of(unit, _shift(anchor, unit, -2)).end
    taken_as = f"2 {unit}s to {VAGUE_SPANS[unit][1]} before publication"
    return _Period(start, end, unit, whole=False, note=_vague_note(match[0], taken_as))


def _recent(match: re.Match, context: _Context) -> _Period:
    """"recent weeks": a vague span back from the anchor (see ``VAGUE_SPANS``)."""
    anchor, unit = context.need_anchor(), match["unit"]
    span, words = VAGUE_SPANS[unit]
    return _Period(anchor - span, anchor, unit, whole=False,
                   note=_vague_note(match[0], f"the {words} before publication"))


_M = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_W = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_Y = r"(?: (?:of )?(?P<year>\d{4})| (?P<rel>last|this|next) year)?"
_N = "(?P<count>" + "|".join([r"\d{1,3}", *sorted(NUMBER_WORDS, key=len, reverse=True),
                              *VAGUE_COUNTS]) + ")"
_CORES: list[tuple[re.Pattern[str], Callable[[re.Match, _Context], _Period]]] = [
    (re.compile(p), h) for p, h in [
        (rf"(?:{_W} )?(\d{{4}})-(\d{{1,2}})-(\d{{1,2}})", _iso),
        (r"(\d{1,2})/(\d{1,2})/(\d{4})", _numeric),
        (r"(\d{4})", _year),
        (r"(?:the )?(?:(?P<d3>\d{3})0s|'(?P<d1>\d)0s)", _decade),
        (rf"(?:{_W} )?{_M} (?P<day>\d{{1,2}}){_Y}", _month_day),
        (rf"(?:{_W} )?(?:the )?(?P<day>\d{{1,2}}) (?:of )?{_M}{_Y}", _month_day),
        (rf"(?:(?P<which>last|next|this) )?{_M}{_Y}", _month),
        (r"(?:the )?(?P<ordinal>first|second|third|fourth|final|last) quarter"
         r"(?: of (?:(?P<year>\d{4})|(?P<rel>last|this|next) year))?", _quarter),
        (r"(?P<ordinal>q[1-4]) (?P<year>\d{4})(?P<rel>)", _quarter),
        ("|".join(map(re.escape, _DEICTIC)), _deictic),
        (rf"(?:(?P<which>last|next|this) )?(?P<weekday>{_W})"
         r"(?: night| evening| morning| afternoon)?", _weekday),
        (r"(?P<which>this|last|next) (?P<unit>week|month|year|quarter)", _calendar),
        (r"(?P<which>this|last|next|the) weekend", _weekend),
        (rf"(?:the )?(?P<dir>past|last|next|coming) (?:{_N} )?(?P<unit>hour|day|week|month|year)"
         r"(?P<plural>s?)", _window),
        (rf"{_N} (?P<unit>day|week|month|year)s? ago", _ago),
        (r"recent (?P<unit>day|week|month|year)s", _recent),
    ]]


# --- parts and openings -------------------------------------------------------------------------
def _apply_part(period: _Period, part: str | None, context: _Context) -> _Period:
    """Narrow ``period`` to its early, middle or late part (see ``PARTS``), or to before
    ("earlier this month") or after ("later this week") the anchor. A part of a single day
    ("late Wednesday"), of a weekend or of a window is left whole."""
    if part is None or period.unit == "day":
        return period
    if part in ("earlier", "later"):
        anchor = context.need_anchor()
        if not period.start <= anchor <= period.end:
            return period
        if part == "earlier":
            return replace(period, end=anchor, whole=False)
        return replace(period, start=anchor, whole=False)
    if not period.whole:  # "late this weekend": the weekend itself is still a true bound
        return period
    sub, bounds = PARTS[period.unit]
    first, last = bounds[part]
    start = period.start + relativedelta(**{sub: first})
    # the end of the part's last sub-unit, found without stepping past it (past 9999-12-31)
    end = period.end if last is None else _unit_of(
        sub[:-1], period.start + relativedelta(**{sub: last})).end
    return replace(period, start=start, end=end, whole=False)


def _value(period: _Period, opening: str | None, context: _Context) -> TimeValue:
    """The ``TimeValue`` of a period, opened by "since" (to the anchor; open where there is no
    anchor or the period starts after it, "since next week") or "until" (from the anchor in the
    future tense, where the period does not end before it; from an open start otherwise)."""
    start, end = period.start.isoformat(), period.end.isoformat()
    anchor = context.anchor.isoformat() if context.anchor else None
    if opening == "since":
        if context.anchor is None or period.start > context.anchor:
            return TimeValue(start, None, period.unit, True, period.note, open_end=True)
        return TimeValue(start, anchor, period.unit, True, period.note)
    if opening == "until":
        if context.future and context.anchor is not None and period.end >= context.anchor:
            return TimeValue(anchor, end, period.unit, True, period.note)
        return TimeValue(None, end, period.unit, True, period.note, open_start=True)
    return TimeValue(start, end, period.unit, True, period.note)
