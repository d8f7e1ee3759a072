"""Quotation marks in news text, paired into quoted runs.

News writes quotes with straight and curly marks (" “ ” ' ‘ ’), guillemets (« »), and in some
archives two apostrophes for a double mark (''). The same glyph ’ is also the apostrophe (it’s,
Kata’ib, the groups’ leaders), and a quote that runs over several paragraphs leaves its closing
mark off at the end of every paragraph but the last, opening each new paragraph with a mark
again. This module reads the marks from their context, pairs them paragraph by paragraph with a
stack (so quotes inside quotes nest), and joins the parts of a quote that runs on. Marks it
cannot pair are dropped; nothing here raises on unbalanced text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Every mark, longest first (two apostrophes stand for one double mark).
_MARKS = re.compile(r"''|``|[\"“”„«»‹›'‘’‚]")
#: The family each glyph belongs to: marks pair only within a family.
_FAMILY = {'"': "double", "“": "double", "”": "double", "„": "double", "''": "double",
           "``": "double", "«": "angle", "»": "angle", "‹": "single-angle", "›": "single-angle",
           "'": "single", "‘": "single", "’": "single", "‚": "single"}
#: What a glyph says about its direction when the context does not: +1 opens, -1 closes, 0 either.
_LEANING = {"“": 1, "„": 1, "«": 1, "‹": 1, "‘": 1, "‚": 1, "``": 1,
            "”": -1, "»": -1, "›": -1, "’": -1}
#: Characters after which a mark opens a quote, and before which a mark closes one.
_OPENS_AFTER = set("([{—–-/:;") | {"\u00a0"}
_CLOSES_BEFORE = set(".,;:!?)]}—–-…") | {"\u00a0"}
#: Families whose unclosed mark runs to the end of its paragraph (single marks never do:
#: an unpaired single mark is an apostrophe far more often than a quote).
_RUN_ON = {"double", "angle"}


@dataclass(frozen=True)
class QuoteRun:
    """One quotation: a ``(start, end)`` part per paragraph it covers, marks included.

    ``closed`` is False when the last part ends at its paragraph's end without a closing mark.
    ``inner`` holds the spans of quotes nested inside it."""

    parts: tuple[tuple[int, int], ...]
    closed: bool
    inner: tuple[tuple[int, int], ...] = ()

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass
class _Mark:
    start: int
    end: int
    family: str
    direction: int  # +1 opening, -1 closing, 0 undecided (a straight mark)
    possessive: bool = False  # a single mark after "s" before a word: "the fighters’ families"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: text between line breaks, surrounding spaces trimmed."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            found.append((start, end))
    return found


def quote_runs(text: str) -> list[QuoteRun]:
    """The outermost quotations of ``text`` in order, each joined across the paragraphs it runs
    over: a quote left open at a paragraph's end continues when the next paragraph opens with a
    mark of its family, and otherwise ends with its paragraph."""
    runs: list[QuoteRun] = []
    pending: _Open | None = None
    for para_start, para_end in paragraphs(text):
        items = _pair(text, para_start, para_end)
        if pending is not None:
            first = items[0] if items else None
            if first is not None and first.start == para_start and first.family == pending.family:
                pending.parts.append((first.start, first.end))
                pending.inner.extend(first.inner)
                items = items[1:]
                if first.closed:
                    runs.append(pending.run(closed=True))
                    pending = None
            else:
                runs.append(pending.run(closed=False))
                pending = None
        for item in items:
            if item.closed:
                runs.append(QuoteRun(((item.start, item.end),), True, tuple(item.inner)))
            else:
                pending = _Open(item.family, [(item.start, item.end)], list(item.inner))
    if pending is not None:
        runs.append(pending.run(closed=False))
    return runs


@dataclass
class _Item:
    """A quote within one paragraph; ``closed`` False for one left open at the paragraph end."""

    start: int
    end: int
    family: str
    closed: bool
    inner: list[tuple[int, int]]


@dataclass
class _Open:
    """A quote running on over paragraphs, waiting for the next one."""

    family: str
    parts: list[tuple[int, int]]
    inner: list[tuple[int, int]]

    def run(self, closed: bool) -> QuoteRun:
        return QuoteRun(tuple(self.parts), closed, tuple(self.inner))


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    """The marks of one paragraph with their direction read from the context: a mark after a
    space or an opening bracket opens, one before a space or punctuation closes; a single mark
    between two letters is an apostrophe and is skipped."""
    marks = []
    for match in _MARKS.finditer(text, start, end):
        glyph = match.group()
        family = _FAMILY[glyph]
        before = text[match.start() - 1] if match.start() > start else ""
        after = text[match.end()] if match.end() < end else ""
        if family == "single" and before.isalnum() and after.isalnum():
            continue
        opens = not before or before.isspace() or before in _OPENS_AFTER or before in _FAMILY
        closes = not after or after.isspace() or after in _CLOSES_BEFORE or after in _FAMILY
        if opens != closes:
            direction = 1 if opens else -1
        else:
            direction = _LEANING.get(glyph, 0)
        possessive = (family == "single" and before == "s" and after == " "
                      and text[match.end() + 1:match.end() + 2].isalpha())
        marks.append(_Mark(match.start(), match.end(), family, direction, possessive))
    return marks


def _pair(text: str, start: int, end: int) -> list[_Item]:
    """Pair one paragraph's marks with a stack and return its outermost quotes in order; the
    lowest mark of a run-on family still open at the end makes a quote to the paragraph end."""
    stack: list[_Mark] = []
    pairs: list[tuple[int, int, str]] = []
    marks = _marks(text, start, end)
    for index, mark in enumerate(marks):
        if mark.possessive and any(m.family == mark.family and m.direction < 0
                                   and not m.possessive for m in marks[index + 1:]):
            continue  # "the fighters’ families ...’": the later mark closes the quote
        same = [i for i, m in enumerate(stack) if m.family == mark.family]
        if mark.direction < 0 or (mark.direction == 0 and same):
            if same:
                opening = stack[same[-1]]
                del stack[same[-1]:]
                pairs.append((opening.start, mark.end, mark.family))
        else:
            stack.append(mark)
    tail = next((m for m in stack if m.family in _RUN_ON), None)
    if tail is not None:
        pairs.append((tail.start, end, tail.family))
    return _outermost(pairs, tail.start if tail is not None else None)


def _outermost(pairs: list[tuple[int, int, str]], tail_start: int | None) -> list[_Item]:
    """Quotes not inside another one, each with the spans of those inside it."""
    items: list[_Item] = []
    for start, end, family in sorted(pairs, key=lambda p: (p[0], -p[1])):
        if items and start >= items[-1].start and end <= items[-1].end:
            items[-1].inner.append((start, end))
            continue
        items.append(_Item(start, end, family, start != tail_start, []))
    return items
