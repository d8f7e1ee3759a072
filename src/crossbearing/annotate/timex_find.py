"""Finding time expressions in article text, and the vocabulary they are written in.

The finder is a table of regular expressions, one per form ("Oct. 17", "early last week",
"the past two weeks", "since 2014", ...). Every pattern names the expression it found ``t``; words
around it that only give context ("in", "on", "during") stay outside the span. Where candidates
overlap, the longest wins. Month and weekday names must be capitalised, so "may" the verb and
"march" the verb are not months; a bare month ("October") or year ("2014") counts only after a
word that makes it a date ("in", "since", "early", "last", ...), so "Tower 22", "2,500 troops",
"F-16" and "19:00" are never dates. What each expression means is ``timex.resolve_time``'s job.
"""

from __future__ import annotations

import re
from bisect import bisect
from typing import Callable

MONTHS = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
          "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
          "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
          "nov": 11, "december": 12, "dec": 12}
WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
            "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
            "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "a couple of": 2, "couple of": 2}
#: Counts that are not numbers: the resolver treats them as vague.
VAGUE_COUNTS = ("a few", "few", "several")

# --- building blocks (case-sensitive unless wrapped in (?i:...)) ---------------------------------
_MONTH_FULL = (r"(?:January|February|March|April|May|June|July|August|September|October|"
               r"November|December)\b")
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_END_OF_NUMBER = r"\b(?!:|[,.]\d)"  # not "17:00", "2,500" or "7.5"
_DAY = rf"\b(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?{_END_OF_NUMBER}"
_YEAR = rf"\b(?:1[89]\d\d|20\d\d){_END_OF_NUMBER}"
_REL_YEAR = r"(?i:\b(?:last|this|next)\s+year)\b"
_PART = (r"(?i:\b(?:early|late|earlier|later|the\s+(?:end|beginning|start|middle)\s+of)\s+"
         r"|\bmid-\s*|\bmid\s+)")
_OPEN = r"(?i:\b(?:since|until|till)\s+)"
_CONTEXT = r"(?i:\b(?:in|during|before|after|through|throughout|from|by)\s+)"
_COUNT = r"(?:\d{1,3}|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
_VAGUE = r"(?:a\s+few|few|several|a\s+couple\s+of|couple\s+of)"


def _plain(core: str) -> str:
    """A form that needs no context: optional "since"/"until", then the expression."""
    return rf"(?P<t>{_OPEN}?(?:{core}))"


def _in_context(core: str) -> list[str]:
    """A form that is a date only in context: after "since"/"until", a part ("early", "mid-",
    "the end of") or a preposition ("in", "during"), which stays outside the span."""
    return [rf"(?P<t>{_OPEN}{_PART}?(?:{core}))",
            rf"(?P<t>{_OPEN}?{_PART}(?:{core}))",
            rf"{_CONTEXT}(?P<t>(?:{core}))"]


_DATE = (rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})"
         rf"(?:,?\s+{_YEAR}|\s+{_REL_YEAR})?")
_MONTH_YEAR = rf"{_PART}?(?:{_MONTH},?\s+(?:of\s+)?{_YEAR}|{_MONTH_FULL}\s+{_REL_YEAR})"
_WEEKDAY_FORM = (rf"(?i:\b(?:last|next|this|early|late)\s+)?{_WEEKDAY}"
                 r"(?:\s+(?i:night|evening|morning|afternoon)\b)?")
_DEICTIC = (r"(?i:\b(?:today|tonight|tomorrow|yesterday|overnight|last\s+night"
            r"|this\s+(?:morning|afternoon|evening)"
            r"|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b)")
_CALENDAR = (rf"{_PART}?(?i:\b(?:this|last|next)\s+(?:week|month|year|weekend|quarter)\b)"
             rf"|{_PART}(?i:the\s+(?:week|month|year)\b)|(?i:\bthe\s+weekend\b)")
_UNITS = r"(?:hours|days|weeks?|months?|years?)"
_WINDOW = (rf"(?i:\b(?:the\s+)?(?:past|coming)\s+(?:(?:{_COUNT}|{_VAGUE})\s+)?{_UNITS}\b"
           rf"|\b(?:the\s+)?(?:last|next)\s+(?:{_COUNT}|{_VAGUE})\s+{_UNITS}\b)")
_AGO = rf"(?i:\b(?:{_COUNT}|{_VAGUE})\s+(?:days?|weeks?|months?|years?)\s+ago\b)"
_RECENT = r"(?i:\brecent\s+(?:days|weeks|months|years)\b)"
_DECADE = rf"{_PART}?(?i:\bthe\s+)?{_PART}?(?:\b(?:1[89]|20)\d0s|'\d0s)\b"
_QUARTER = (rf"(?i:\bthe\s+(?:first|second|third|fourth|final|last)\s+quarter\b)"
            rf"(?:\s+of\s+(?:{_YEAR}|{_REL_YEAR}))?|\bQ[1-4]\s+{_YEAR}")
_ISO = r"\b(?:1[89]\d\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b(?!-\d)"
_SLASH = rf"\b\d{{1,2}}/\d{{1,2}}/{_YEAR}(?!/)"


def unambiguous_numeric(text: str) -> bool:
    """Whether a "dd/mm/yyyy" or "mm/dd/yyyy" date can be read only one way: one of the first
    two numbers is over 12 (and the other is not), or they are equal."""
    first, second = (int(n) for n in re.search(r"(\d+)/(\d+)/\d+$", text).groups())
    if first == second:
        return 1 <= first <= 12
    return (first > 12) != (second > 12) and max(first, second) <= 31 and min(first, second) >= 1


# Clues: what a text must contain for a form to match in it at all (a month's first three
# letters, a year, a unit word...), searched first because it is quick: most forms are absent
# from most texts, and scanning for one costs far more than finding that its clue is missing.
# Each clue is a necessary part of its form, written with the same case rules, so skipping a
# form whose clue is absent never changes what is found.
_MONTH_CLUE = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_YEAR_CLUE = r"1[89]\d\d|20\d\d"
_UNIT_CLUE = r"(?i:hour|day|week|month|year)"

Pattern = tuple[re.Pattern[str], Callable[[str], bool] | None, re.Pattern[str]]
PATTERNS: list[Pattern] = [(re.compile(p), check, re.compile(clue)) for p, check, clue in [
    (_plain(_DATE), None, _MONTH_CLUE),
    (_plain(_MONTH_YEAR), None, _MONTH_CLUE),
    *[(p, None, _MONTH_CLUE)
      for p in _in_context(rf"(?i:\b(?:last|next|this)\s+)?{_MONTH_FULL}")],
    (_plain(rf"(?i:\b(?:last|next|this)\s+){_MONTH_FULL}"), None, _MONTH_CLUE),
    *[(p, None, _YEAR_CLUE) for p in _in_context(_YEAR)],
    (_plain(_WEEKDAY_FORM), None, "day"),
    (_plain(_DEICTIC), None, r"(?i:day|night|tomorrow|morning|afternoon|evening)"),
    (_plain(_CALENDAR), None, r"(?i:week|month|year|quarter)"),
    (_plain(_WINDOW), None, _UNIT_CLUE),
    (_plain(_AGO), None, r"(?i:ago)"),
    (_plain(_RECENT), None, r"(?i:recent)"),
    (_plain(_DECADE), None, "0s"),
    (_plain(_QUARTER), None, r"Q|(?i:quarter)"),
    (_plain(_ISO), None, r"\d-[01]\d-[0-3]\d"),
    (_plain(_SLASH), unambiguous_numeric, "/"),
]]


def find_time_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the time expressions in ``text``, in text order.

    Spans do not overlap: where candidates do, the longest wins (the earlier one on a tie)."""
    candidates = sorted(_candidates(text), key=lambda span: (span[0] - span[1], span[0]))
    chosen: list[tuple[int, int]] = []  # in text order, so neighbours are found by bisection
    for span in candidates:
        at = bisect(chosen, span)
        if (at == 0 or chosen[at - 1][1] <= span[0]) and (at == len(chosen)
                                                           or span[1] <= chosen[at][0]):
            chosen.insert(at, span)
    return chosen


def _candidates(text: str) -> set[tuple[int, int]]:
    """Every span any pattern matches, overlapping ones included."""
    spans = set()
    for pattern, check, clue in PATTERNS:
        if clue.search(text) is None:
            continue
        for match in pattern.finditer(text):
            start, end = match.span("t")
            if check is None or check(text[start:end]):
                spans.add((start, end))
    return spans
