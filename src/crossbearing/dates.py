"""ISO dates at their precision (a day "2024-02-07", a month "2024-02" or a year "2024"): the
days one covers, and how people write it. Plain functions of the text of a date, shared by the
story page's timeline, the event corrections, the dossier's templates and the citations."""

from __future__ import annotations

from calendar import monthrange
from datetime import date


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
