"""What is not the article in a mail body, and the header block pasted above a forwarded article.

List mail and archive pages put things around the article that a reader drops before it keeps the
text: attachment notices, archive navigation, "More information about the X mailing list" and
Mailman footers (:func:`strip_list_debris`), a signature (:func:`strip_signature`) and
"Forwarded message" header blocks (:func:`strip_forwarded_blocks`).

The short block of lines that people paste above an article (its title, outlet, byline and date)
is read by :func:`split_forwarded_header` into a :class:`ForwardedHeader`; the mail readers of
:mod:`crossbearing.ingest.email` and :mod:`crossbearing.ingest.pipermail` use it, and other
readers may call it too. These functions work on text only and know nothing of messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crossbearing.clean.dates import is_date_line, parse_date
from crossbearing.model import DateValue

__all__ = ["FORWARDED_DATELINE", "FORWARDED_OUTLET", "MAX_HEADER_LINE", "MAX_SIGNATURE_LINES",
           "ForwardedHeader", "split_forwarded_header", "strip_forwarded_blocks",
           "strip_list_debris", "strip_signature"]

FORWARDED_DATELINE = "forwarded-article dateline"
FORWARDED_OUTLET = "forwarded-article source line"
#: Longest line that can belong to a pasted article header (a long headline).
MAX_HEADER_LINE = 150
#: Most non-blank lines after a "-- " line for them to be taken as a signature.
MAX_SIGNATURE_LINES = 12

# --- what surrounds the article in list mail and archives -------------------------------------
_NEXT_PART = re.compile(r"^-{5,}\s*next part\s*-{5,}\s*$", re.IGNORECASE)
_ATTACHMENT_NOTICE = re.compile(
    r"^(?:An HTML attachment was scrubbed\.*|A non-text attachment was scrubbed\.*"
    r"|An embedded (?:and charset-unspecified )?(?:text|message|HTML)\b.*was scrubbed\.*"
    r"|Skipped content of type .*|(?:Name|Type|Size|Desc|URL|Url|Encoding)\s*:.*)$",
    re.IGNORECASE)
_MORE_INFO = re.compile(
    r"^[ \t]*More information about the\s+([^\n]{1,80}?)\s+mailing\s+list\.?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)
_NAVIGATION = re.compile(
    r"^\s*(?:[*\-\u2022]\s*)?(?:(?:Previous|Next) message(?: \(by [a-z]+\))?\s*:"
    r"|Messages sorted by\s*:|\[ date \] \[ thread \])", re.IGNORECASE)
_UNDERSCORES = re.compile(r"^\s*_{20,}\s*$")
_FOOTER_HINT = re.compile(r"mailing list|listinfo|unsubscribe", re.IGNORECASE)
_FORWARD_MARK = re.compile(
    r"^\s*(?:-{2,}\s*(?:Forwarded message|Original message)\s*-{2,}|Begin forwarded message:)\s*$",
    re.IGNORECASE)
_FORWARD_FIELD = re.compile(r"^\s*(From|Date|Sent|Subject|To|Cc|Reply-To)\s*:\s*(.*)$",
                            re.IGNORECASE)

# --- the header block pasted above a forwarded article ----------------------------------------
_BYLINE = re.compile(r"^By:?\s+(\S.{1,100})$")
_NAME_SPLIT = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")
#: Lower-case words that may stand inside a name ("Ursula von der Leyen", "Abu Baqir al-Saadi").
_NAME_PARTICLES = frozenset({"al", "el", "ad", "de", "da", "del", "der", "den", "di", "du", "van",
                             "von", "bin", "ibn", "bint", "le", "la", "y"})
_PARTICLE_PREFIX = re.compile(r"^[a-z]{1,3}-\w")
_DATE_PREFIX = re.compile(r"^(?:published|posted|updated|date)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_URL_LINE = re.compile(r"^<?(https?://\S+?)>?$")


@dataclass(frozen=True)
class ForwardedHeader:
    """What the block of short lines above a pasted article says about it; all optional."""

    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: DateValue | None = None
    url: str | None = None


# === list debris, signatures and forwarded-message blocks =======================================

def strip_list_debris(lines: list[str]) -> tuple[list[str], str | None]:
    """Remove attachment notices, archive navigation, "More information about the X mailing list"
    and Mailman footers; return the remaining lines and the list name X when it was given."""
    text = "\n".join(lines)
    names = _MORE_INFO.findall(text)
    lines = _MORE_INFO.sub("", text).split("\n")
    lines = [line for line in _drop_attachment_notices(lines) if not _NAVIGATION.match(line)]
    return _drop_list_footers(lines), (" ".join(names[-1].split()) if names else None)


def _drop_attachment_notices(lines: list[str]) -> list[str]:
    """Drop each "next part" separator and the scrubbed-attachment notice lines after it; lines
    that are not notices (an inlined text attachment) are kept."""
    out: list[str] = []
    skipping = False
    for line in lines:
        if _NEXT_PART.match(line):
            skipping = True
        elif skipping and (not line.strip() or _ATTACHMENT_NOTICE.match(line.strip())):
            continue
        else:
            if skipping and out and out[-1].strip():
                out.append("")
            skipping = False
            out.append(line)
    return out


def _drop_list_footers(lines: list[str]) -> list[str]:
    """Drop Mailman footers: a line of underscores followed by a few lines that name the list,
    its address or its listinfo page, up to the next blank line."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        if _UNDERSCORES.match(lines[index]):
            end = index + 1
            while end < len(lines) and lines[end].strip() and end - index <= 6:
                end += 1
            if any(_FOOTER_HINT.search(line) for line in lines[index + 1:end]):
                index = end
                continue
        out.append(lines[index])
        index += 1
    return out


def strip_signature(lines: list[str]) -> list[str]:
    """Cut the signature: everything after the last "-- " line, when what follows is short
    enough to be a signature and not the rest of an article."""
    marks = [index for index, line in enumerate(lines) if line.rstrip() == "--"]
    if not marks:
        return lines
    tail = [line for line in lines[marks[-1] + 1:] if line.strip()]
    return lines[:marks[-1]] if len(tail) <= MAX_SIGNATURE_LINES else lines


def strip_forwarded_blocks(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Remove "---------- Forwarded message ---------" blocks (the mark and the From:, Date:,
    Subject:, To: lines under it); return the lines left and the first block's fields, keyed
    ``from``, ``date``, ``subject``."""
    out: list[str] = []
    found: dict[str, str] = {}
    index = 0
    while index < len(lines):
        if _FORWARD_MARK.match(lines[index]):
            index, fields = _read_forward_fields(lines, index + 1)
            for key, value in fields.items():
                found.setdefault(key, value)
            continue
        out.append(lines[index])
        index += 1
    return out, found


def _read_forward_fields(lines: list[str], index: int) -> tuple[int, dict[str, str]]:
    """Read the header lines of a forwarded-message block from ``index``; return where the block
    ends and its fields. A folded field value (an indented line) is joined to its field."""
    fields: dict[str, str] = {}
    last = None
    while index < len(lines) and not lines[index].strip() and not fields:
        index += 1
    while index < len(lines) and lines[index].strip():
        match = _FORWARD_FIELD.match(lines[index])
        if match:
            last = "date" if match.group(1).lower() == "sent" else match.group(1).lower()
            fields[last] = match.group(2).strip()
        elif last is not None and lines[index][:1] in (" ", "\t"):
            fields[last] = f"{fields[last]} {lines[index].strip()}"
        else:
            break
        index += 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index, {key: fields[key] for key in ("from", "date", "subject") if key in fields}


# === the pasted article header ==================================================================

def split_forwarded_header(text: str, *, subject: str | None = None
                           ) -> tuple[ForwardedHeader, str]:
    """Read and remove the header block of a pasted article at the start of ``text``.

    The block is 2 to 4 short lines followed by a blank line: the article's title, the outlet's
    name, a "By Name" byline, a date line (and perhaps the article's URL). It is taken as a header
    only when it holds a date line or a byline, so that a short opening paragraph is never
    mistaken for one. ``subject``, when given, tells a lone title line from a lone outlet line.
    Returns the header (empty when there is none) and the text without the block."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return ForwardedHeader(), text
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), None)
    if end is None or not "".join(lines[end:]).strip():
        return ForwardedHeader(), text
    block = [line.strip() for line in lines[start:end]]
    if not 2 <= len(block) <= 4 or any(len(line) > MAX_HEADER_LINE for line in block):
        return ForwardedHeader(), text
    header = _read_header_block(block, subject)
    if header is None:
        return ForwardedHeader(), text
    return header, "\n".join(lines[end:]).lstrip("\n")


def _read_header_block(block: list[str], subject: str | None) -> ForwardedHeader | None:
    """Give each line of a candidate header block its role; None when it is not a header."""
    dates: list[DateValue] = []
    authors: tuple[str, ...] = ()
    url = None
    others: list[str] = []
    for line in block:
        date = _dateline(line)
        names = _byline(line) if not authors else ()
        link = _URL_LINE.match(line) if url is None else None
        if date is not None:
            dates.append(date)
        elif names:
            authors = names
        elif link:
            url = link.group(1)
        else:
            others.append(line)
    if len(dates) > 1 or not (dates or authors) or len(others) > 3:
        return None
    title, outlet = _title_and_outlet(others, subject)
    return ForwardedHeader(title=title, outlet=outlet, authors=authors,
                           published=dates[0] if dates else None, url=url)


def _dateline(line: str) -> DateValue | None:
    """The date of a line that is a date and nothing else ("Published: 10 February 2024")."""
    line = _DATE_PREFIX.sub("", line.strip())
    return parse_date(line, FORWARDED_DATELINE) if is_date_line(line) else None


def _byline(line: str) -> tuple[str, ...]:
    """The names of a "By Jane Doe and John Roe" line; () when the line is not a byline (a
    sentence that starts with "By the end of ..." has names that are not capitalised)."""
    match = _BYLINE.match(line.strip())
    if not match:
        return ()
    names = tuple(name.strip() for name in _NAME_SPLIT.split(match.group(1)) if name.strip())
    return names if names and all(_is_name(name) for name in names) else ()


def _is_name(name: str) -> bool:
    """Whether a byline part reads as a person's name: one to five words, each capitalised (or
    in a script without case) but for particles such as "al-" or "van"."""
    words = name.split()
    return 1 <= len(words) <= 5 and _is_name_word(words[0], first=True) and all(
        _is_name_word(word) for word in words[1:])


def _is_name_word(word: str, *, first: bool = False) -> bool:
    if not word[0].isalpha():
        return False
    if not word[0].islower():
        return True
    return not first and (word in _NAME_PARTICLES or bool(_PARTICLE_PREFIX.match(word)))


def _title_and_outlet(others: list[str], subject: str | None) -> tuple[str | None, str | None]:
    """Which of the remaining header lines is the title and which the outlet: title first, outlet
    last; a lone line is the title when it matches the subject or is long, else the outlet."""
    if not others:
        return None, None
    if len(others) == 1:
        line = others[0]
        if _same_title(line, subject) or len(line.split()) > 4:
            return line, None
        return None, line
    if len(others) == 2 and _same_title(others[1], subject) and not _same_title(others[0], subject):
        return others[1], others[0]
    return " ".join(others[:-1]), others[-1]


def _same_title(line: str, subject: str | None) -> bool:
    """Whether a line and a subject are the same headline (case, spacing and end dots aside)."""
    if not subject:
        return False
    a, b = (" ".join(s.lower().split()).strip(" .") for s in (line, subject))
    return a == b or (min(len(a), len(b)) >= 12 and (a.startswith(b) or b.startswith(a)))
