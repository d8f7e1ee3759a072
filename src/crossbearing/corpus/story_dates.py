"""Relative dates of undated reports, read against their story's dates; and time expressions
re-read when an article's publication date was corrected.

A report without a publication date (or with one known only to the month or year) leaves "on
Friday" unresolved (docs/dates.md). When the
report belongs to a story whose other reports are dated, it was most likely published within the
story's span: the days from the earliest to the latest dated report's publication. A weekday
expression ("Friday", "Wednesday night", "last Wednesday") is resolved against each day of that
span as if it were the publication day, which reaches a few days back from the span's start:

- one value for every day: the expression is resolved to it, with reason ``story dates``;
- two values (a span over a week apart: two Fridays fit): it stays unresolved, and its reason
  keeps both, ``story dates: 2024-02-02 or 2024-02-09``;
- more, or a span longer than :data:`MAX_SPAN_DAYS`: it stays unresolved.

A report whose date is known only to the month or year is read against the days of the span in
that month or year.

Only weekday expressions are read this way: a weekday names the same day whichever day of a
short span the report came out, while "yesterday" or "this week" would move with a guess of the
publication day. An article whose (corrected) publication date is not the anchor its expressions
were resolved against has them all resolved again against its date. Everything here is
recomputed every corpus run, so a story that changes, or a correction withdrawn, is followed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from crossbearing.annotate.timex import NO_ANCHOR, resolve_time
from crossbearing.annotate.timex_find import WEEKDAYS
from crossbearing.annotate.times import anchor_of, reads_ahead
from crossbearing.model import Article, Sentence, TimeMention, TimeValue
from crossbearing.model_events import STORY_DATES

#: Longest span of publication days (in days) a story's dates are read over.
MAX_SPAN_DAYS = 14
_WEEKDAY = re.compile(r"\b(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def story_span(articles: Sequence[Article]) -> list[date]:
    """The days from the earliest to the latest publication day of the dated reports (empty
    when none is dated to the day, or the span is longer than :data:`MAX_SPAN_DAYS`)."""
    days = [d for d in (anchor_of(a) for a in articles) if d is not None]
    if not days or (max(days) - min(days)).days > MAX_SPAN_DAYS:
        return []
    return [min(days) + timedelta(days=n) for n in range((max(days) - min(days)).days + 1)]


def by_story_dates(text: str, tense: str, span: Sequence[date],
                   within: str | None = None) -> TimeValue | None:
    """A weekday expression read against each day of ``span`` (see the module docstring): the
    value, the ambiguity, or None when it is not a weekday expression or nothing fits. With
    ``within`` (a report's date known only to the month or year, "2024-02"), only the days of
    the span in that month or year can be its publication day."""
    span = [day for day in span if day.isoformat().startswith(within or "")]
    if not span or not _WEEKDAY.search(text):
        return None
    values = {resolve_time(text, day, tense=tense) for day in span}
    if not all(v.resolved and v.precision == "day" for v in values):
        return None
    found = sorted({(v.start, v.end) for v in values})
    if len(found) == 1:
        value = next(iter(values))
        return TimeValue(value.start, value.end, "day", True, STORY_DATES,
                         value.open_start, value.open_end)
    if len(found) == 2:
        either = " or ".join(start if start == end else f"{start}/{end}" for start, end in found)
        return TimeValue(None, None, None, False, f"{STORY_DATES}: {either}")
    return None


def tense_at(text: str, sentences: Sequence[Sentence], start: int) -> str:
    """"future" when the sentence holding ``start`` has a future word, as the article stage
    reads it, else "past"."""
    for s in sentences:
        if s.start <= start < s.end:
            return "future" if reads_ahead(text[s.start:s.end]) else "past"
    return "past"


def redated(article: Article, mentions: Sequence[TimeMention], sentences: Sequence[Sentence],
            span: Sequence[date]) -> list[TimeMention]:
    """The time mentions of ``article`` whose value changes: against its publication date where
    they were resolved against another (or none), else against its story's ``span``."""
    anchor = anchor_of(article)
    changed = []
    for m in mentions:
        tense = tense_at(article.text, sentences, m.start)
        if anchor is not None:
            if m.anchor == anchor.isoformat():
                continue
            value = resolve_time(m.text, anchor, tense=tense)
            new = TimeMention(m.article_id, m.start, m.end, m.text, value, anchor.isoformat())
        elif m.anchor is not None or _from_story(m.value) or m.value.reason == NO_ANCHOR:
            within = article.published.value if article.published else None
            value = (by_story_dates(m.text, tense, span, within)
                     or resolve_time(m.text, None, tense=tense))
            new = TimeMention(m.article_id, m.start, m.end, m.text, value, None)
        else:
            continue
        if new != m:
            changed.append(new)
    return changed


def _from_story(value: TimeValue) -> bool:
    return (value.reason or "").startswith(STORY_DATES)
