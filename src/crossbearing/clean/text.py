"""Cleaning an article body into the canonical text that every later span points into.

Paragraphs are separated by exactly one blank line; hard-wrapped lines are rejoined; lines that are
site furniture (navigation, share and "Related Articles" lines, comment forms, date widgets, image
placeholders) are removed. A line is removed only when the whole line is furniture: a sentence
that merely mentions "share" or "comments" is article content and stays.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from crossbearing.clean.dates import is_date_line
from crossbearing.knowledge import files

_TERMINAL = ".!?\"'”’:;)…"
_IMAGE = re.compile(r"^\s*[\[(](?:image|img|photo|picture|video)\s*:?[^\])]*[\])]\s*$", re.IGNORECASE)
_CAMEL_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_COPYRIGHT = re.compile(r"^\s*(?:copyright\s*)?(?:©|\(c\)|copyright)\s*\d{4}.*$|.*all rights reserved\.?\s*$",
                        re.IGNORECASE)
_COUNTED = re.compile(r"^\s*\d+\s+(?:comments?|shares?|views?|replies)\s*$", re.IGNORECASE)
#: Control characters (terminal escapes, bells, NULs) and zero-width marks: never article text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
#: Lone surrogates (from a JSON ``\\ud800`` escape, or bytes no encoding could read): not
#: characters, and no database or file can hold them as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LIST_MARK = re.compile(r"^\s*(?:[-*•·]\s+|\d{1,2}[.)]\s+)")
_BULLET = re.compile(r"^\s*[-*•·]\s+")
#: Headers after which the rest of a page, when it is all short lines, is a list of other articles.
_TAIL_HEADERS = ("related articles", "related posts", "related stories", "related news", "related",
                 "read more", "read also", "see also", "you may also like", "more from",
                 "recommended", "most read", "most popular", "trending", "more stories")
#: Longest line, in words, that a trailing list of other articles' headlines may hold.
_TAIL_LINE_WORDS = 18


@dataclass(frozen=True)
class CleanedText:
    """The clean body, and what cleaning took out of it that is worth keeping as metadata."""

    text: str
    removed: tuple[str, ...]
    date_widgets: tuple[str, ...]


@lru_cache(maxsize=1)
def _furniture() -> frozenset[str]:
    data = files.text("furniture")
    return frozenset(_key(line) for line in data.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _sections() -> frozenset[str]:
    data = files.text("sections")
    return frozenset(line.strip().lower() for line in data.splitlines()
                     if line.strip() and not line.startswith("#"))


def strip_controls(text: str) -> str:
    """``text`` without control characters (NULs among them, which PostgreSQL cannot store in
    text) and zero-width marks, lone surrogates replaced by U+FFFD. Every text an article keeps,
    its body and each of its fields, goes through this, so both backends store the same."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def _key(line: str) -> str:
    return re.sub(r"[\s:|>»›*]+$", "", _SPACES.sub(" ", line).strip().lower())


def clean_body(text: str, *, wrapped: bool | None = None) -> CleanedText:
    """Canonical text of an article body.

    ``wrapped`` says whether lines are hard-wrapped (e-mail); ``None`` lets the text decide.
    """
    text = unicodedata.normalize("NFC", strip_controls(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).rstrip() for line in text.split("\n")]
    kinds = {i: kind for i, kind in enumerate(map(_furniture_kind, lines)) if kind}
    furniture = set(kinds) | _tail_list(lines, set(kinds))
    kept = [line for i, line in enumerate(lines) if i not in furniture]
    widgets = tuple(lines[i].strip() for i in sorted(kinds) if kinds[i] == "date")
    removed = tuple(lines[i].strip() for i in sorted(furniture) if kinds.get(i) != "date")
    if wrapped is None:
        wrapped = looks_hard_wrapped(kept)
    paragraphs = _rejoin(kept) if wrapped else _one_per_line(kept)
    return CleanedText("\n\n".join(paragraphs), removed, widgets)


def _furniture_kind(line: str) -> str | None:
    """``"date"`` for a date widget, ``"furniture"`` for other site debris, ``None`` for text."""
    stripped = line.strip()
    if not stripped:
        return None
    if is_date_line(stripped):
        return "date"
    key = _key(stripped)
    if key in _furniture() or _IMAGE.match(stripped) or _COPYRIGHT.match(stripped):
        return "furniture"
    if _COUNTED.match(stripped) or is_navigation(stripped):
        return "furniture"
    return None


def is_navigation(line: str) -> bool:
    """A line made only of section names, like "Home | World | Middle East" or a menu glued
    together by text extraction ("Middle EastWorld News")."""
    words = [w for w in re.split(r"[\s|/>»›·•,]+", _CAMEL_GLUE.sub(" ", line.strip())) if w]
    if not words or len(words) > 10 or any(not w.isalpha() for w in words):
        return False
    sections = _sections()
    i, matched = 0, 0
    while i < len(words):
        pair = f"{words[i]} {words[i + 1]}".lower() if i + 1 < len(words) else ""
        if pair in sections:
            i, matched = i + 2, matched + 1
        elif words[i].lower() in sections:
            i, matched = i + 1, matched + 1
        else:
            return False
    glued = bool(_CAMEL_GLUE.search(line)) or bool(re.search(r"[|>»›•]", line))
    return matched >= 2 and (glued or matched >= 3) or (matched == 1 and len(words) == 1 and
                                                        words[0].lower() in {"news", "home", "menu"})


def _tail_list(lines: list[str], furniture: set[int]) -> set[int]:
    """Indices of a trailing headline list under a "Related Articles"-style header: every line
    after the header when all of them are short and none ends a sentence."""
    for index in range(len(lines) - 1, len(lines) // 2 - 1, -1):
        if _key(lines[index]) in _TAIL_HEADERS:
            tail = [i for i in range(index + 1, len(lines)) if lines[i].strip() and i not in furniture]
            if all(len(lines[i].split()) <= _TAIL_LINE_WORDS and not lines[i].rstrip().endswith(".")
                   for i in tail):
                return set(tail)
    return set()


def _one_per_line(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


def looks_hard_wrapped(lines: list[str]) -> bool:
    """Whether most lines of the text were broken at a fixed width (as e-mail is)."""
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 4:
        return False
    width = _wrap_width(lengths)
    near = sum(1 for n in lengths if width - 20 <= n <= width)
    return width <= 100 and near / len(lengths) >= 0.5


def _wrap_width(lengths: list[int]) -> int:
    plain = sorted(n for n in lengths if n <= 100) or sorted(lengths)
    return plain[int(0.9 * (len(plain) - 1))]


def _rejoin(lines: list[str]) -> list[str]:
    """Rejoin hard-wrapped lines into paragraphs; a break is kept where the writer made it: a
    blank line, a list or caption line, or a sentence end where the next word would have fit."""
    width = _wrap_width([len(line) for line in lines if line.strip()] or [72])
    paragraphs: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            _flush(current, paragraphs)
            continue
        if current and _is_break(current[-1], stripped, lines[index + 1:], width):
            _flush(current, paragraphs)
        current.append(_BULLET.sub("", stripped) if not current else stripped)
    _flush(current, paragraphs)
    return paragraphs


def _is_break(previous: str, line: str, rest: list[str], width: int) -> bool:
    if _LIST_MARK.match(line):
        return True
    if not previous.endswith(tuple(_TERMINAL)):
        return False
    first_word = line.split(" ", 1)[0]
    if len(previous) + 1 + len(first_word) <= width:
        return True
    next_line = rest[0].strip() if rest else ""
    is_heading = not line.endswith(tuple(_TERMINAL)) and len(line) < 0.6 * width and not next_line
    return is_heading


def _flush(current: list[str], paragraphs: list[str]) -> None:
    if current:
        paragraphs.append(" ".join(current))
        current.clear()
