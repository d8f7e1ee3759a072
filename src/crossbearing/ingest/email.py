"""E-mail inputs: one message (``eml``), a mailbox (``mbox``) and a Mailman/pipermail archive page
(``pipermail``, as HTML or as its text rendering).

News reaches mailing lists as articles pasted or forwarded into a message. These readers keep the
article and drop what the mail system put around it: list tags in the subject, attachment notices,
list footers, archive navigation, signatures and forwarded-message header blocks. The short block
of lines that people paste above an article (its title, outlet, byline and date) is read into the
document's metadata by :func:`split_forwarded_header`, which other readers may call too.

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
from urllib.parse import parse_qs, urlsplit

from crossbearing.clean.dates import is_date_line, parse_date
from crossbearing.clean.decode import decode_bytes
from crossbearing.errors import FormatError, InputError
from crossbearing.ingest.html import decode_html, fragment_text
from crossbearing.ingest.source import Limits, Source
from crossbearing.model import DateValue, RawDocument, Rejected

__all__ = ["ForwardedHeader", "clean_subject", "html_body_text", "is_from_line", "read_eml",
           "read_mbox", "read_message", "read_pipermail", "split_forwarded_header", "split_mbox",
           "strip_forwarded_blocks", "strip_list_debris", "strip_signature", "unflow"]

FORWARDED_DATELINE = "forwarded-article dateline"
FORWARDED_OUTLET = "forwarded-article source line"
#: Longest line that can belong to a pasted article header (a long headline).
MAX_HEADER_LINE = 150
#: Most non-blank lines after a "-- " line for them to be taken as a signature.
MAX_SIGNATURE_LINES = 12
#: Bytes read at a time when splitting a mailbox, so one huge line never fills memory.
READ_CHUNK = 1 << 20

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
_MORE_INFO_INLINE = re.compile(r"More information about the\s+(.{1,80}?)\s+mailing\s+list",
                               re.IGNORECASE)
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
_SUBJECT_PREFIX = re.compile(r"^\s*(?:\[[^\]\n]{1,40}\]|(?:Fwd?|FW|TR|WG)\s*:)\s*", re.IGNORECASE)
_LIST_TAG = re.compile(r"\[([^\]\n]{1,40})\]")
#: A From header written "user@domain (Name)" or, in pipermail archives, "user at domain (Name)".
_COMMENTED_ADDRESS = re.compile(
    r"^(?P<address>[\w.+'-]+(?:@| at )[\w-]+(?:\.[\w-]+)+)\s*(?:\((?P<name>[^()]*)\))?$")

# --- the header block pasted above a forwarded article ----------------------------------------
_BYLINE = re.compile(r"^By:?\s+(\S.{1,100})$")
_NAME_SPLIT = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")
#: Lower-case words that may stand inside a name ("Ursula von der Leyen", "Abu Baqir al-Saadi").
_NAME_PARTICLES = frozenset({"al", "el", "ad", "de", "da", "del", "der", "den", "di", "du", "van",
                             "von", "bin", "ibn", "bint", "le", "la", "y"})
_PARTICLE_PREFIX = re.compile(r"^[a-z]{1,3}-\w")
_DATE_PREFIX = re.compile(r"^(?:published|posted|updated|date)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_URL_LINE = re.compile(r"^<?(https?://\S+?)>?$")

# --- pipermail pages ----------------------------------------------------------------------------
_BEGIN_ARTICLE = re.compile(rb"<!--beginarticle-->", re.IGNORECASE)
_ARTICLE = re.compile(r"<!--beginarticle-->(.*?)(?:<!--endarticle-->|\Z)",
                      re.IGNORECASE | re.DOTALL)
_PRE = re.compile(r"<pre[^>]*>(.*?)(?:</pre>|\Z)", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_BOLD = re.compile(r"<b>(.*?)</b>", re.IGNORECASE | re.DOTALL)
_ITALIC = re.compile(r"<i>(.*?)</i>", re.IGNORECASE | re.DOTALL)
_MAILTO = re.compile(r"""<a\s[^>]*href\s*=\s*["']mailto:([^"']*)["'][^>]*>(.*?)</a>""",
                     re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_HTML_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
_HTML_INVISIBLE = re.compile(r"<!--.*?-->|<(head|style|script|title)\b.*?</\1\s*>",
                             re.IGNORECASE | re.DOTALL)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"</?(?:div|tr|table|ul|ol|li|h[1-6]|blockquote|pre|hr|center|section"
                         r"|article|header|footer|address|dl|dt|dd)\b[^>]*>", re.IGNORECASE)
_POSTER_LINE = re.compile(r"^\s*(?P<name>.*?)\s*(?P<address>[\w.+'-]+ at [\w-]+(?:\.[\w-]+)+)\s*$",
                          re.IGNORECASE)

# --- mailboxes ----------------------------------------------------------------------------------
_FROM_LINE = re.compile(rb"^From \S+.*\d{4}\s*$")
_TIME = re.compile(rb"\d{1,2}:\d{2}")
_QUOTED_FROM = re.compile(rb"^>(>*From )")


@dataclass(frozen=True)
class ForwardedHeader:
    """What the block of short lines above a pasted article says about it; all optional."""

    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: DateValue | None = None
    url: str | None = None


@dataclass(frozen=True)
class _Envelope:
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
        yield _too_large(source.size, limits, "")
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
                yield _too_large(size, limits, locator)
            else:
                yield read_message(data, fmt="mbox", locator=locator)


def read_pipermail(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    """Read one Mailman/pipermail archive page, as HTML or as its text rendering."""
    if source.size > limits.max_document_bytes:
        yield _too_large(source.size, limits, "")
        return
    data = source.read_bytes()
    try:
        if _BEGIN_ARTICLE.search(data):
            yield _pipermail_html(data)
        else:
            yield _pipermail_text(data)
    except InputError as error:
        yield Rejected(error.reason, str(error), "")


def read_message(data: bytes, *, fmt: str = "eml", locator: str = "") -> RawDocument | Rejected:
    """The document of one message's bytes, or a :class:`Rejected`; never raises for bad input."""
    try:
        return _read_message(data, fmt, locator)
    except InputError as error:
        return Rejected(error.reason, str(error), locator)
    except Exception as error:  # the email package raises many types on malformed structure
        return Rejected("corrupt", f"unreadable message: {type(error).__name__}: {error}", locator)


def _too_large(size: int, limits: Limits, locator: str) -> Rejected:
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
    return _assemble("\n\n".join(texts), envelope, wrapped=wrapped, fmt=fmt, locator=locator,
                     raw=data)


def _envelope(message: EmailMessage, forwarded: dict[str, str]) -> _Envelope:
    """The message's own subject, date, poster, list and id."""
    subject = _header(message, "Subject")
    list_name, list_id = _list_identity(_header(message, "List-Id"))
    language = _header(message, "Content-Language")
    message_id = _header(message, "Message-ID")
    return _Envelope(
        subject=subject, posted=parse_date(_header(message, "Date"), "email:Date"),
        posted_by=_sender(message), list_name=list_name or _list_tag(subject),
        list_id=list_id, external_id=_bare_id(message_id),
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
        return _poster(match.group("name") or "", match.group("address"))
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


def _list_tag(subject: str | None) -> str | None:
    """The list tag of a subject, ``News`` in ``[News] Title``."""
    match = _LIST_TAG.match(subject.strip()) if subject else None
    return match.group(1).strip() if match else None


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
    Mail clients often write no paragraphs at all, only ``<div>`` lines and ``<br>`` breaks
    (``<div><br></div>`` for an empty line); there each line break is kept, so that words of
    adjacent lines are not glued together and a pasted article header keeps its lines."""
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

def _assemble(body: str, envelope: _Envelope, *, wrapped: bool, fmt: str, locator: str,
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


def _metadata(envelope: _Envelope, forwarded: dict[str, str], footer_list: str | None) -> dict:
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


# === pipermail ==================================================================================

def _pipermail_html(data: bytes) -> RawDocument | Rejected:
    """A pipermail HTML page: <H1> subject, <B> poster, <I> date, the article between
    <!--beginarticle--> and <!--endarticle-->, the list name in the footer."""
    markup = decode_html(data)
    article = _ARTICLE.search(markup)
    head = markup[:article.start()] if article else markup
    footer = markup[article.end():] if article else ""
    h1 = _H1.search(head)
    subject = _inline_text(h1.group(1) if h1 else _first(_TITLE, head) or "")
    after_h1 = head[h1.end():] if h1 else head
    mailto = _MAILTO.search(after_h1)
    poster = _poster(_inline_text(_first(_BOLD, after_h1) or ""),
                     _inline_text(mailto.group(2)) if mailto else "")
    posted = parse_date(_inline_text(_first(_ITALIC, after_h1) or ""), "pipermail:date")
    body_html = article.group(1) if article else ""
    pre = _PRE.search(body_html)
    body = html_entities.unescape(_TAG.sub("", pre.group(1))) if pre else fragment_text(body_html)
    footer_list = _MORE_INFO_INLINE.search(_inline_text(footer))
    envelope = _Envelope(
        subject=subject or None, posted=posted, posted_by=poster,
        list_name=footer_list.group(1) if footer_list else _list_tag(subject),
        external_id=_reply_target(mailto.group(1)) if mailto else None)
    return _assemble(body, envelope, wrapped=pre is not None, fmt="pipermail", locator="", raw=data)


def _pipermail_text(data: bytes) -> RawDocument | Rejected:
    """The text rendering of a pipermail page: "[List] Subject", the poster's "Name address at
    domain" line, the posting date, then the body and the archive's footer. A page whose top
    does not read so is taken whole as the body."""
    lines = decode_bytes(data)[0].split("\n")
    envelope, body_at = _text_page_top(lines)
    return _assemble("\n".join(lines[body_at:]), envelope, wrapped=True, fmt="pipermail",
                     locator="", raw=data)


def _text_page_top(lines: list[str]) -> tuple[_Envelope, int]:
    """The envelope read from the top of a text-rendered archive page (subject lines, poster
    line, date line) and the index of the body's first line."""
    index = _next_filled(lines, 0)
    subject_lines: list[str] = []
    while (index < len(lines) and len(subject_lines) < 3 and lines[index].strip()
           and not _poster_line(lines[index])):
        subject_lines.append(lines[index].strip())
        index += 1
    poster_at = _next_filled(lines, index)
    poster = _poster_line(lines[poster_at]) if poster_at < len(lines) else None
    if not subject_lines or poster is None:
        return _Envelope(), 0
    subject = " ".join(subject_lines)
    body_at = poster_at + 1
    date_at = _next_filled(lines, body_at)
    posted = None
    if date_at < len(lines) and is_date_line(lines[date_at]):
        posted = parse_date(lines[date_at].strip(), "pipermail:date")
        body_at = date_at + 1 if posted else body_at
    envelope = _Envelope(subject=subject, posted=posted,
                         posted_by=_poster(poster.group("name"), poster.group("address")),
                         list_name=_list_tag(subject))
    return envelope, body_at


def _poster_line(line: str) -> re.Match | None:
    """The poster line of a text-rendered archive page, "Name user at domain.org"."""
    return _POSTER_LINE.match(line) if len(line) <= MAX_HEADER_LINE * 2 else None


def _next_filled(lines: list[str], index: int) -> int:
    """Index of the first non-blank line from ``index`` on (``len(lines)`` when none)."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _first(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None


def _inline_text(markup: str) -> str:
    """Text of a small piece of HTML on one line: tags dropped, entities decoded."""
    return " ".join(html_entities.unescape(_TAG.sub(" ", markup)).split())


def _poster(name: str, address: str) -> str | None:
    """``Name <user@domain>`` from an archive's poster name and its "user at domain" address."""
    address = re.sub(r"\s+at\s+", "@", address.strip())
    name = name.strip()
    if name and address and name != address:
        return f"{name} <{address}>"
    return name or address or None


def _reply_target(mailto: str) -> str | None:
    """The Message-ID of an archived message, which pipermail puts in its reply link as
    ``In-Reply-To``."""
    query = parse_qs(urlsplit("mailto:" + html_entities.unescape(mailto)).query)
    values = query.get("In-Reply-To") or query.get("in-reply-to")
    return _bare_id(values[0]) if values else None


def _bare_id(message_id: str | None) -> str | None:
    """A Message-ID without its angle brackets: ``<abc@host>`` → ``abc@host``."""
    value = message_id.strip().strip("<>").strip() if message_id else ""
    return value or None


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
