"""Typed results of the corpus stage about actors and happenings: the collection-wide entity and
the merged event as the store keeps them, read by the views and the exports."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Entity:
    """An actor or place as one identity across the collection, as stored: its id (the
    knowledge-base id, or ``ent-`` + a hash), name, label (PERSON, ORG, GPE, NORP, LOC, FAC),
    knowledge-base actor id and number of mentions."""

    entity_id: str
    name: str
    label: str
    actor_id: str | None
    mentions: int


@dataclass(frozen=True)
class EventSource:
    """Where one report gives a value of an event: the article, its source label (``outlet``),
    the words of the value (``span``, start and end offsets) and the sentence they stand in."""

    article_id: str
    outlet: str
    span: tuple[int, int]
    sentence: tuple[int, int]


#: How many days before its first report a statement no report dates may have been made.
REPORT_LAG = 2
_LAG_WORDS = {1: "day", 2: "two days", 3: "three days"}
#: The note of a verbal event's date inferred from its reports, not read from their words
#: (corpus.event_values.dated_by_reports).
REPORT_DAYS = (f"inferred from the reports: the first report's day or the {_LAG_WORDS[REPORT_LAG]} "
               "before")
#: The reason of an expression resolved against its story's dates (corpus.story_dates).
STORY_DATES = "story dates"


def inferred_date(dates: list[dict[str, Any]]) -> str | None:
    """The note every value of an event's date shares when none is read from a report's own
    date (``REPORT_DAYS`` or ``STORY_DATES``), else None. ``dates``: the event's ``values``
    record of dates (:func:`values_record`)."""
    notes = {v.get("note") for v in dates}
    return notes.pop() if len(notes) == 1 and notes <= {REPORT_DAYS, STORY_DATES} else None


@dataclass(frozen=True)
class DateGiven:
    """A date one report gives an event: first and last day, precision and how it was resolved
    (``note``)."""

    start: str
    end: str
    precision: str | None
    note: str | None
    source: EventSource


@dataclass(frozen=True)
class PlaceGiven:
    """A place one report gives an event, from the gazetteer."""

    place_id: str
    name: str
    kind: str
    country: str | None
    latitude: float | None
    longitude: float | None
    source: EventSource


@dataclass(frozen=True)
class TollGiven:
    """A number killed or injured one report gives an event: the low and high figure, its hedge
    ("at least") and the number added to it (a toll told as "three more")."""

    low: float
    high: float | None
    hedge: str | None
    added: int
    source: EventSource


@dataclass(frozen=True)
class EventValues:
    """Every value of date, place, fatalities and injuries the reports of an event give, in
    mention order: the evidence the resolved values are chosen from."""

    date: tuple[DateGiven, ...] = ()
    place: tuple[PlaceGiven, ...] = ()
    fatalities: tuple[TollGiven, ...] = ()
    injuries: tuple[TollGiven, ...] = ()


@dataclass(frozen=True)
class Event:
    """One real event merged across a story's reports, as the corpus stage builds it and the
    store keeps it: its id and story, type and family, mode (asserted, future, hypothetical,
    suspended), whether it is a count or series (``aggregate``), the resolved date, place and
    tolls, ``detail`` (label, ACLED and PLOVER codes, participants, means, outlets, the rules
    that chose the resolved values, the disagreements and the fields an analyst corrected:
    docs/data-model.md), how many mentions and articles tell it, its ``sources``: the
    (article id, start) of each event mention, and ``values``: every value each report gives."""

    event_id: str
    story_id: str | None
    event_type: str
    family: str
    mode: str
    aggregate: bool
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    place_id: str | None
    fatalities: float | None
    injuries: float | None
    detail: dict[str, Any]
    mentions: int
    articles: int
    sources: tuple[tuple[str, int], ...]
    values: EventValues = EventValues()


def values_record(values: EventValues) -> dict[str, list[dict[str, Any]]]:
    """The values as the store keeps them and the views and the export show them: per field, a
    list of flat dicts (the value's fields and its source's, spans as lists), fields and keys in
    alphabetical order."""
    return {name: [_given_record(v) for v in getattr(values, name)]
            for name in sorted(f.name for f in fields(EventValues))}


def values_from_record(record: dict[str, list[dict[str, Any]]]) -> EventValues:
    """The values from their record (:func:`values_record`)."""
    kinds = {"date": DateGiven, "place": PlaceGiven, "fatalities": TollGiven,
             "injuries": TollGiven}
    return EventValues(**{name: tuple(_given(kinds[name], v) for v in record.get(name, ()))
                          for name in kinds})


#: How fine a place and a date are, finest first: the value a merged event or a folded ACLED
#: row keeps is the finest its reports give.
PLACE_RANK = {"site": 0, "city": 1, "region": 2, "country": 3}
PRECISION_RANK = {"second": 0, "minute": 1, "hour": 2, "day": 3, "week": 4, "month": 5,
                  "season": 6, "quarter": 6, "year": 7, "decade": 8}
#: The precisions of a date an event is listed with (ACLED's time precisions 1 to 3: the day,
#: a period of days, the month; "less precise: not coded"). An event its reports place only in
#: a season, a quarter, a year or a decade ("In 1993, radical Islamists bombed the World Trade
#: Center", "drew criticism for its cover in 2009") is history the report recalls, not the news
#: it tells. The date is the resolved one, an analyst's correction included: a date corrected to
#: a year unlists the event unless the analyst also confirms it.
LISTED_PRECISIONS = frozenset({"second", "minute", "hour", "day", "week", "month"})
#: Days before its first report from which a dated event is history the reports recall ("an
#: associate dean who was killed on the airplane that crashed into the Pentagon on Sept. 11,
#: 2001" in a report of 2012), however precise its date: news tells what is new.
RECALLED_AFTER_DAYS = 365


def is_listed(event: Event, decision: str | None) -> bool:
    """Whether an event is listed as one that happened: asserted (not a threat, a denial, a
    suspension or a hypothesis), not rejected by an analyst, and undated or dated at least to
    the month (:data:`LISTED_PRECISIONS`), not a year before its first report
    (:func:`recalled`) and not after it (:func:`foretold`) unless an analyst confirmed it."""
    if event.mode != "asserted" or decision == "reject":
        return False
    if decision == "confirm":
        return True
    return (event.date_precision is None or event.date_precision in LISTED_PRECISIONS) and (
        not recalled(event)) and not foretold(event)


def recalled(event: Event) -> bool:
    """Whether an event ended more than :data:`RECALLED_AFTER_DAYS` before its first report's
    publication day (``detail["first_report"]``, where known)."""
    first, end = event.detail.get("first_report"), event.date_end or event.date_start
    if not first or not end:
        return False
    return (date.fromisoformat(first[:10]) - date.fromisoformat(end[:10])).days > (
        RECALLED_AFTER_DAYS)


def foretold(event: Event) -> bool:
    """Whether an event is dated, by its reports' words, after its first report's publication
    day: what a report tells of a day after its own is expected, not done ("a conference call
    with committee members on Monday evening", "a hearing next week", "its meeting in
    October"). A statement's date inferred from the report that leads with it
    (:data:`REPORT_DAYS`) is no report's words: an earlier report telling it as background
    does not make it expected."""
    first, start = event.detail.get("first_report"), event.date_start
    inferred = any(given.note == REPORT_DAYS for given in event.values.date)
    return bool(first and start) and not inferred and (
        date.fromisoformat(start[:10]) > date.fromisoformat(first[:10]))


_SOURCE_KEYS = ("article_id", "outlet", "span", "sentence")


def _given_record(given: DateGiven | PlaceGiven | TollGiven) -> dict[str, Any]:
    found = {f.name: getattr(given, f.name) for f in fields(given) if f.name != "source"}
    source = given.source
    found.update(article_id=source.article_id, outlet=source.outlet, span=list(source.span),
                 sentence=list(source.sentence))
    return dict(sorted(found.items()))


def _given(kind: type, record: dict[str, Any]) -> DateGiven | PlaceGiven | TollGiven:
    source = EventSource(record["article_id"], record["outlet"], tuple(record["span"]),
                         tuple(record["sentence"]))
    return kind(**{k: v for k, v in record.items() if k not in _SOURCE_KEYS}, source=source)
