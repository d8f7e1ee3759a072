"""E-mail inputs: one message (``eml``) and a mailbox (``mbox``); Mailman/pipermail archive pages
are read by :mod:`crossbearing.ingest.pipermail` with the envelope and assembly shared here.

News reaches mailing lists as articles pasted or forwarded into a message. These readers keep the
article and drop what the mail system put around it: list tags in the subject, attachment notices,
list footers, archive navigation, signatures and forwarded-message header blocks (the last four
with the functions of :mod:`crossbearing.ingest.mailbody`). The short block of lines that people
paste above an article (its title, outlet, byline and date) is read into the document's metadata
by :func:`~crossbearing.ingest.mailbody.split_forwarded_header`.

Plain-text bodies stay hard-wrapped as they were (``wrapped=True``), paragraphs separated by blank
lines; cleaning rejoins the lines. The ``From`` of a message is its poster, not the article's
author: it goes to metadata ``posted_by``, and the message date to metadata ``posted``.
"""

from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass, field
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.parser import BytesParser
from typing import BinaryIO, Iterator

from crossbearing.clean.dates import parse_date
from crossbearing.clean.decode import decode_bytes
from crossbearing.errors import FormatError, InputError
from crossbearing.ingest.html import fragment_text
from crossbearing.ingest.mailbody import (
    FORWARDED_OUTLET,
    split_forwarded_header,
    strip_forwarded_blocks,
    strip_list_debris,
    strip_signature,
)
from crossbearing.ingest.source import Limits, Source
from crossbearing.model import DateValue, RawDocument, Rejected

__all__ = ["Envelope", "assemble", "bare_id", "clean_subject", "html_body_text", "is_from_line",
           "list_tag", "poster", "read_eml", "read_mbox", "read_message", "split_mbox",
           "too_large", "unflow"]

#: Bytes read at a time when splitting a mailbox, so one huge line never fills memory.
READ_CHUNK = 1 << 20

# --- subjects and senders -----------------------------------------------------------------------
_SUBJECT_PREFIX = re.compile(r"^\s*(?:\[[^\]\n]{1,40}\]|(?:Fwd?|FW|TR|WG)\s*:)\s*", re.IGNORECASE)
_LIST_TAG = re.compile(r"\[([^\]\n]{1,40})\]")
#: A From header written "user@domain (Name)" or, in pipermail archives, "user at domain (Name)".
_COMMENTED_ADDRESS = re.compile(
    r"^(?P<address>[\w.+'-]+(?:@| at )[\w-]+(?:\.[\w-]+)+)\s*(?:\((?P<name>[^()]*)\))?$")

# --- HTML bodies --------------------------------------------------------------------------------
_TAG = re.compile(r"<[^>]*>")
_HTML_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
_HTML_INVISIBLE = re.compile(r"<!--.*?-->|<(head|style|script|title)\b.*?</\1\s*>",
                             re.IGNORECASE | re.DOTALL)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"</?(?:div|tr|table|ul|ol|li|h[1-6]|blockquote|pre|hr|center|section"
                         r"|article|header|footer|address|dl|dt|dd)\b[^>]*>", re.IGNORECASE)

# --- mailboxes ----------------------------------------------------------------------------------
_FROM_LINE = re.compile(rb"^From \S+.*\d{4}\s*$")
_TIME = re.compile(rb"\d{1,2}:\d{2}")
_QUOTED_FROM = re.compile(rb"^>(>*From )")


@dataclass(frozen=True)
class Envelope:
    """What the message (or archive page) says about itself, as opposed to about the article."""

    subject: str | None = None
    posted: DateValue | None = None
    posted_by: str | None = None
    list_name: str | None = None
    list_id: str | None = None
    external_id: str | None = None
    language: str | None = None
    forwarded: dict[str, str] = field(default_factory=dict)


# === readers ====================================================================================

def read_eml(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """Read one RFC 822 message."""
    if source.size > limits.max_document_bytes:
        yield too_large(source.size, limits, "")
        return
    yield read_message(source.read_bytes(), fmt="eml")


def read_mbox(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """Read every message of a mailbox, streamed; ``locator`` is ``message N`` (1-based).

    A message over ``limits.max_document_bytes`` or that cannot be read is rejected alone."""
    with source.open() as handle:
        messages = split_mbox(handle, limits.max_document_bytes)
        for number, (data, size) in enumerate(messages, start=1):
            locator = f"message {number}"
            if data is None:
                yield too_large(size, limits, locator)
            else:
                yield read_message(data, fmt="mbox", locator=locator)


def read_message(data: bytes, *, fmt: str = "eml", locator: str = "") -> RawDocument | Rejected:
    """The document of one message's bytes, or a :class:`Rejected`; never raises for bad input."""
    try:
        return _read_message(data, fmt, locator)
    except InputError as error:
        return Rejected(error.reason, str(error), locator)
    except Exception as error:  # the email package raises many types on malformed structure
        return Rejected("corrupt", f"unreadable message: {type(error).__name__}: {error}", locator)


def too_large(size: int, limits: Limits, locator: str) -> Rejected:
    """The rejection of an input or a message of ``size`` bytes, over the document limit."""
    return Rejected("too-large", f"{size} bytes, over the limit of {limits.max_document_bytes}",
                    locator)


# === one message ================================================================================

def _read_message(data: bytes, fmt: str, locator: str) -> RawDocument | Rejected:
    """Parse a message and build its document from its main text part and attached messages."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not message.keys():
        raise FormatError("no mail headers: not an e-mail message")
    texts, wrapped, forwarded = _message_texts(message)
    if not any(text.strip() for text in texts):
        return Rejected("no-text", "the message has no text/plain or text/html body", locator)
    envelope = _envelope(message, forwarded)
    return assemble("\n\n".join(texts), envelope, wrapped=wrapped, fmt=fmt, locator=locator,
                    raw=data)


def _envelope(message: EmailMessage, forwarded: dict[str, str]) -> Envelope:
    """The message's own subject, date, poster, list and id."""
    subject = _header(message, "Subject")
    list_name, list_id = _list_identity(_header(message, "List-Id"))
    language = _header(message, "Content-Language")
    message_id = _header(message, "Message-ID")
    return Envelope(
        subject=subject, posted=parse_date(_header(message, "Date"), "email:Date"),
        posted_by=_sender(message), list_name=list_name or list_tag(subject),
        list_id=list_id, external_id=bare_id(message_id),
        language=language[:2].lower() if language and language[:2].isalpha() else None,
        forwarded=forwarded)


def _header(message: EmailMessage, name: str) -> str | None:
    """A decoded header value on one line, or None when absent or unreadable."""
    try:
        value = message.get(name)
    except Exception:  # a malformed header can raise while the policy parses it
        return None
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _sender(message: EmailMessage) -> str | None:
    """The poster as ``Name <user@domain>``, read from the raw From header so that the forms of
    archives survive: ``user at domain (Name)`` (pipermail) and ``user@domain (Name)``."""
    raw = next((value for name, value in message.raw_items() if name.lower() == "from"), None)
    if raw is None:
        return None
    try:
        text = " ".join(str(make_header(decode_header(raw))).split())
    except Exception:  # a broken encoded word: keep the header as written
        text = " ".join(str(raw).split())
    match = _COMMENTED_ADDRESS.match(text)
    if match:
        return poster(match.group("name") or "", match.group("address"))
    return text or None


def _list_identity(list_id: str | None) -> tuple[str | None, str | None]:
    """(name, id) from a List-Id header such as ``News mailing list <news.example.org>``."""
    if not list_id:
        return None, None
    match = re.match(r'^\s*"?(.*?)"?\s*<([^>]+)>\s*$', list_id)
    if not match:
        return list_id, list_id
    name = re.sub(r"\s+mailing list$", "", match.group(1), flags=re.IGNORECASE).strip()
    return name or match.group(2), match.group(2)


def list_tag(subject: str | None) -> str | None:
    """The list tag of a subject, ``News`` in ``[News] Title``."""
    match = _LIST_TAG.match(subject.strip()) if subject else None
    return match.group(1).strip() if match else None


def poster(name: str, address: str) -> str | None:
    """``Name <user@domain>`` from an archive's poster name and its "user at domain" address."""
    address = re.sub(r"\s+at\s+", "@", address.strip())
    name = name.strip()
    if name and address and name != address:
        return f"{name} <{address}>"
    return name or address or None


def bare_id(message_id: str | None) -> str | None:
    """A Message-ID without its angle brackets: ``<abc@host>`` → ``abc@host``."""
    value = message_id.strip().strip("<>").strip() if message_id else ""
    return value or None


def clean_subject(subject: str | None) -> str | None:
    """A subject without list tags and forwarding prefixes: ``[News] Fwd: Title`` → ``Title``."""
    if not subject:
        return None
    previous = None
    while previous != subject:
        previous, subject = subject, _SUBJECT_PREFIX.sub("", subject, count=1)
    return " ".join(subject.split()) or None


def _message_texts(message: EmailMessage) -> tuple[list[str], bool, dict[str, str]]:
    """Texts of the message body and of every attached message, whether any is plain text, and
    the headers of attached messages (their From/Date/Subject serve as fallbacks)."""
    texts: list[str] = []
    wrapped = False
    forwarded: dict[str, str] = {}
    part = _main_text_part(message)
    if part is not None:
        text, plain = _part_text(part)
        texts.append(text)
        wrapped = wrapped or plain
    for inner in _attached_messages(message):
        for key, name in (("from", "From"), ("date", "Date"), ("subject", "Subject")):
            value = _header(inner, name)
            if value:
                forwarded.setdefault(key, value)
        inner_texts, inner_plain, inner_forwarded = _message_texts(inner)
        texts.extend(inner_texts)
        wrapped = wrapped or inner_plain
        for key, value in inner_forwarded.items():
            forwarded.setdefault(key, value)
    return [text for text in texts if text.strip()], wrapped, forwarded


def _main_text_part(message: EmailMessage) -> EmailMessage | None:
    """The body part: text/plain preferred, text/html when the plain one is missing or blank, and
    an attached text part when the message has no inline body and no attached message."""
    for kind in ("plain", "html"):
        try:
            part = message.get_body(preferencelist=(kind,))
        except Exception:  # broken multipart structure
            part = None
        if part is not None and (part.get_payload(decode=True) or b"").strip():
            return part
    if next(_attached_messages(message), None) is not None:
        return None
    return next((p for p in message.walk()
                 if p.get_content_type() in ("text/plain", "text/html")
                 and (p.get_payload(decode=True) or b"").strip()), None)


def _attached_messages(part: EmailMessage) -> Iterator[EmailMessage]:
    """Messages attached as message/rfc822 in this part's tree, not those nested inside them."""
    if part.get_content_type() == "message/rfc822":
        yield from part.iter_parts()
    elif part.is_multipart():
        for sub in part.iter_parts():
            yield from _attached_messages(sub)


def _part_text(part: EmailMessage) -> tuple[str, bool]:
    """(text, is plain) of a text part: transfer encoding undone, decoded with its charset,
    format=flowed lines joined, HTML turned into paragraphs."""
    payload = part.get_payload(decode=True) or b""
    text = decode_bytes(payload, part.get_content_charset())[0]
    if part.get_content_subtype() == "html":
        return html_body_text(text), False
    if str(part.get_param("format", "")).lower() == "flowed":
        text = unflow(text, delsp=str(part.get_param("delsp", "")).lower() == "yes")
    return text, True


def html_body_text(markup: str) -> str:
    """Plain text of an HTML e-mail body, paragraphs separated by blank lines.

    Markup built of paragraphs goes through :func:`~crossbearing.ingest.html.fragment_text`.
    Mail clients often write no paragraphs at all, only one ``<div>`` per line and ``<br>``
    breaks (``<div><br></div>`` for an empty line). ``fragment_text`` would make each such
    ``<div>`` a paragraph of its own; here each one is a line, and only the empty ones separate
    paragraphs, so that a pasted article header keeps its lines together."""
    if _HTML_PARAGRAPH.search(markup):
        return fragment_text(markup)
    markup = " ".join(_HTML_INVISIBLE.sub(" ", markup).split())
    markup = _HTML_BLOCK.sub("\x00", _HTML_BREAK.sub("\n", markup))
    text = html_entities.unescape(_TAG.sub("", markup)).replace("\xa0", " ")
    out: list[str] = []
    for piece in re.split(r"([ \x00]*\x00[ \x00]*)", text):
        if "\x00" not in piece:
            out.append(piece)
        elif out and not "".join(out).endswith("\n"):
            out.append("\n")
    lines = [" ".join(line.split()) for line in "".join(out).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def unflow(text: str, *, delsp: bool = False) -> str:
    """Join the soft line breaks of a format=flowed body (RFC 3676): a line ending in a space
    goes on in the next line of the same quote depth. Hard breaks are kept, and so is an empty
    line after a flowed one, as it separates paragraphs."""
    lines: list[str] = []
    pending: tuple[int, str] | None = None
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        content = content[1:] if content.startswith(" ") else content  # space-stuffing
        flowed = content.endswith(" ") and content != "-- "
        content = content[:-1] if flowed and delsp else content
        if pending is not None and pending[0] == depth and content not in ("", "-- "):
            content = pending[1] + content
        elif pending is not None:
            lines.append(_quoted(*pending))
        pending = (depth, content) if flowed else None
        if not flowed:
            lines.append(_quoted(depth, content))
    if pending is not None:
        lines.append(_quoted(*pending))
    return "\n".join(lines)


def _quoted(depth: int, content: str) -> str:
    return f"{'>' * depth} {content}" if depth else content


# === from a body and an envelope to a document ==================================================

def assemble(body: str, envelope: Envelope, *, wrapped: bool, fmt: str, locator: str,
             raw: bytes) -> RawDocument | Rejected:
    """Strip what is not the article, read the pasted article header, and build the document."""
    lines, footer_list = strip_list_debris(body.split("\n"))
    lines = strip_signature(lines)
    lines, forwarded = strip_forwarded_blocks(lines)
    forwarded = {**envelope.forwarded, **forwarded}
    subject = clean_subject(envelope.subject)
    header, text = split_forwarded_header(_tidy(lines), subject=subject)
    text = _tidy(text.split("\n"))
    if not text:
        return Rejected("no-text", "nothing is left of the message once list debris is removed",
                        locator)
    published = (header.published or envelope.posted
                 or parse_date(forwarded.get("date"), "forwarded-message Date"))
    return RawDocument(
        text=text, format=fmt, locator=locator,
        title=header.title or subject or clean_subject(forwarded.get("subject")),
        url=header.url, outlet=header.outlet,
        outlet_source=FORWARDED_OUTLET if header.outlet else None, published=published,
        authors=header.authors, language=envelope.language, external_id=envelope.external_id,
        wrapped=wrapped, raw=raw, metadata=_metadata(envelope, forwarded, footer_list))


def _metadata(envelope: Envelope, forwarded: dict[str, str], footer_list: str | None) -> dict:
    """Metadata about the posting: who posted it when, to which list, under which subject."""
    values = {
        "posted": envelope.posted.value if envelope.posted else None,
        "posted_by": envelope.posted_by,
        "list": footer_list or envelope.list_name,
        "list_id": envelope.list_id,
        "subject": envelope.subject,
        "forwarded_from": forwarded.get("from"),
    }
    return {key: value for key, value in values.items() if value}


def _tidy(lines: list[str]) -> str:
    """Lines without trailing spaces, runs of blank lines made one, no blank lines at the ends.
    Leading indentation (captions, bullets) stays."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")


# === mailboxes ==================================================================================

def split_mbox(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes | None, int]]:
    """Split a mailbox into messages as it is read: yield ``(message bytes, size)`` for each,
    bytes None when the message is over ``max_bytes`` (it is not kept in memory).

    A message starts at a "From sender date" line (see :func:`is_from_line`). That line is not
    part of the message; ">From " quoting (mboxrd) is undone. Text before the first "From " line
    is a message too when it is not blank, so nothing in the file is lost."""
    chunks: list[bytes] = []
    size = 0
    started = False
    at_line_start = True
    for line in iter(lambda: handle.readline(READ_CHUNK), b""):
        if at_line_start and is_from_line(line, first=not started):
            if started or b"".join(chunks).strip():
                yield (b"".join(chunks) if size <= max_bytes else None), size
            chunks, size, started = [], 0, True
        else:
            size += len(line)
            if size <= max_bytes:
                chunks.append(_QUOTED_FROM.sub(rb"\1", line) if at_line_start else line)
        at_line_start = line.endswith(b"\n")
    if started or b"".join(chunks).strip():
        yield (b"".join(chunks) if size <= max_bytes else None), size


def is_from_line(line: bytes, *, first: bool = False) -> bool:
    """Whether a line is the "From sender date" line that opens a message in a mailbox: it ends
    in a year and, unless it is the file's first line, holds a time of day, so that a body line
    such as "From the harbour, in 2024" does not split a message."""
    return (line.startswith(b"From ") and bool(_FROM_LINE.match(line))
            and (first or bool(_TIME.search(line))))
