"""Finding numbers in text as written, and the vocabulary they are written in: "at least 16",
"over 160", "approximately 2,500", "between 10 and 15", "two or three thousand", "dozens",
"$5 million", "€5m", "40%".

A table-built regular expression reads the hedge, a currency sign, digits or number words with a
scale, a percent sign, and a second amount for a range. It never matches ordinals ("2nd",
"first"), clock times ("19:00"), the digits after a decimal point ("2.5"), decades ("'90s")
or a number glued to a name by a hyphen ("F-16", "COVID-19"); a hyphenated pair that is not an
increasing range ("3-1", "2023-24") is a score or an identifier and is dropped whole. Whether a
number is a count, and what it counts, is ``numbers``' job: this module sees only text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

#: Hedges as written -> as normalised.
HEDGES = {
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than",
    "in excess of": "more than", "just over": "more than", "above": "more than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "approximately": "about", "some": "about",
    "roughly": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "up to": "up to", "as many as": "up to",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
    "below": "fewer than",
    "at most": "at most", "no more than": "at most", "not more than": "at most",
}
SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
SMALL.update({w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)})
#: Scale words; the abbreviated ones ("€5m", "$2bn") count only after a currency sign.
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ABBREVIATED_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
#: Vague quantities and the span each conventionally covers (exact ones have low == high).
VAGUE = {"half a dozen": (6, 6), "a dozen": (12, 12), "dozens": (24, 99), "scores": (40, 199),
         "hundreds": (200, 999), "thousands": (2_000, 9_999), "tens of thousands": (20_000, 99_999),
         "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 999_999_999),
         "a handful": (2, 5), "a few": (2, 5), "several": (3, 9)}
CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR"}  # not "pounds": weight or money


def alternatives(words) -> str:
    """A regex alternation of phrases, longest first, any whitespace between words."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_WORD = alternatives(SMALL)
_SCALE = alternatives(SCALES)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = (rf"(?:(?:{_DIGITS})(?:\s+(?:{_SCALE})\b|(?:{alternatives(ABBREVIATED_SCALES)}))?"
           rf"|an?\s+(?:{_SCALE})\b"
           rf"|(?:{_WORD})(?:-(?:{_WORD}))?(?:\s+(?:{_SCALE})\b)*(?:\s+and\s+(?:{_WORD}))?)")
_VAGUE = alternatives(VAGUE).replace("scores", r"scores(?=\s+of\b)")
_START = r"(?<![\w.,/:'’$€£])(?<!\w-)"        # not "F-16", "19:00", "2.5", "'90s"
_END = r"(?![\w%]|[.,:/]\d|-[^\W\d])"          # not "2nd", "19:00", "30-year-old"


def _core(tag: str) -> str:
    """One amount: currency sign, digits or words with a scale, percent sign."""
    return (rf"(?P<cur{tag}>US\$|[$€£])?(?P<num{tag}>{_NUMBER})(?P<plus{tag}>\+(?!\d)|-plus\b)?"
            rf"(?:\s*(?P<pct{tag}>%|percent\b|per\s+cent\b))?{_END}")


PATTERN = re.compile(
    rf"{_START}(?:(?P<hedge>{alternatives(HEDGES)})\s+)?(?:(?P<between>between)\s+)?"
    rf"(?:(?P<vague>{_VAGUE})\b|{_core('')}"
    rf"(?:\s*(?P<join>-|–|to|and|or)\s*{_core('2')})?)", re.IGNORECASE)
_OR_MORE = re.compile(r"\s+or\s+more\b", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number as written: ``start`` includes its hedge, ``core`` is where the number begins."""

    start: int
    core: int
    end: int
    low: float
    high: float
    hedge: str | None
    scaled: bool = False
    symbol: bool = False  # a currency sign or a percent sign


def find_numbers(text: str) -> Iterator[Number]:
    """Every number in ``text``, in order, before any check of whether it is a count."""
    pos = 0
    while (match := PATTERN.search(text, pos)):
        number = _read(match, text)
        pos = number.end if number else match.end()
        if number:
            yield number


def _read(m: re.Match, text: str) -> Number | None:
    hedge = HEDGES[_squash(m["hedge"])] if m["hedge"] else None
    core = m.start("vague") if m["vague"] else m.start("cur") if m["cur"] else m.start("num")
    if m["vague"]:
        low, high = VAGUE[_squash(m["vague"])]
        return Number(m.start(), core, m.end(), float(low), float(high), hedge)
    first, second = _amount(m, ""), _amount(m, "2") if m["join"] else None
    if first is None:
        return None
    if second is not None and (bounds := _range(m, text, first, second)):
        symbol = bool(m["cur"] or m["pct"] or m["cur2"] or m["pct2"])
        return Number(m.start(), core, m.end(), *bounds, hedge, first[1] > 1, symbol)
    end = max(m.end(group) for group in ("num", "plus", "pct") if m[group])
    if m["join"] and re.match(r"\s*[-–]\s*\d", text[end:end + 8]):
        return None  # a score or an identifier: "3-1", "2023-24"
    hedge = None if m["between"] else hedge or ("more than" if m["plus"] else None)
    if (more := _OR_MORE.match(text, end)) and not m["between"]:
        hedge, end = hedge or "at least", more.end()  # "16 or more"
    return Number(core if m["between"] else m.start(), core, end, first[0], first[0], hedge,
                  first[1] > 1, bool(m["cur"] or m["pct"]))


def _amount(m: re.Match, tag: str) -> tuple[float, float] | None:
    """``(value, scale)`` of one amount; None for "5m" with no currency (metres, minutes)."""
    words = re.findall(r"[\d.,]+|[a-z]+", m["num" + tag].lower())
    if words[-1] in ABBREVIATED_SCALES and not m["cur" + tag]:
        return None
    total = current = 0.0
    scale = 1.0
    for word in words:
        if word[0].isdigit():
            current += float(word.replace(",", ""))
        elif word in SMALL:
            current += SMALL[word]
        elif (scale := SCALES.get(word) or ABBREVIATED_SCALES.get(word, 0.0)) == 100:
            current = (current or 1) * scale
        elif scale:
            total, current = total + (current or 1) * scale, 0.0
    return total + current, max(scale, 1.0)


def _range(m: re.Match, text: str, first, second) -> tuple[float, float] | None:
    """The bounds of "10 to 15", "between 10 and 15", "two or three", "10-15", or None."""
    join, between = m["join"].lower(), bool(m["between"])
    if (join == "and") != between or _FROM.search(text[max(0, m.start() - 8):m.start()]):
        return None  # "from 10 to 15" is usually a change ("rose from 10 to 15")
    low, high = first[0], second[0]
    if first[1] == 1 and second[1] > 1 and low * second[1] <= high:
        low *= second[1]  # "10 to 15 million"
    return (low, high) if low < high else None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())
