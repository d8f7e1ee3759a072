"""ISO dates at their precision (a day "2024-02-07", a month "2024-02" or a year "2024"): the
days one covers, how people write it, and which of two reports came first (who can have copied
whom). Plain functions of the text of a date, shared by the story page's timeline, the event
corrections, the dossier's templates, the citations and the passages reprinted."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from crossbearing.model import DateValue


def day_of(value: str, *, last: bool = False) -> date:
    """The first (``last``: the last) day of an ISO date, month ("2024-02") or year."""
    parts = [int(p) for p in value[:10].split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], monthrange(parts[0], parts[1])[1] if last else 1)
    return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def human_date(value: str | None) -> str:
    """An ISO date as people write it: "2024-02-07" → "7 February 2024", "2024-02" →
    "February 2024", "2024" as is; a time is dropped, a range ("A – B") is read side by side,
    and anything else is returned unchanged."""
    if not value:
        return ""
    if " – " in value:
        return " – ".join(human_date(part) for part in value.split(" – "))
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return value
    if len(parts[0]) != 4 or len(numbers) > 3 or not all(1 <= n <= 12 for n in numbers[1:2]):
        return value
    if len(numbers) == 3 and 1 <= numbers[2] <= 31:
        return f"{numbers[2]} {MONTHS[numbers[1] - 1]} {numbers[0]}"
    if len(numbers) == 2:
        return f"{MONTHS[numbers[1] - 1]} {numbers[0]}"
    return value if len(numbers) != 1 else parts[0]


def _day(value: DateValue | str | None) -> str | None:
    """The date part of an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or None."""
    if value is None:
        return None
    text = value.value if isinstance(value, DateValue) else str(value)
    return text[:10] or None


def direction(published_a: DateValue | str | None, published_b: DateValue | str | None) -> str:
    """Who can have copied whom, by publication date at day precision: ``a→b`` when ``a`` is
    earlier (``b`` copied ``a``), ``b→a`` when ``b`` is, ``unknown`` when either date is missing,
    they fall on the same day, or one is too coarse to tell (2024-02 against 2024-02-09)."""
    day_a, day_b = _day(published_a), _day(published_b)
    if not day_a or not day_b:
        return "unknown"
    common = min(len(day_a), len(day_b))
    if day_a[:common] == day_b[:common]:
        return "unknown"
    return "a→b" if day_a < day_b else "b→a"
