"""News outlets, known by domain and by name, from the bundled table ``data/outlets.csv``.

The table holds one row per domain: ``domain,outlet,country,language,kind,aliases,owner,
state_affiliated,profile_source``. An outlet
with several domains (``bbc.com`` and ``bbc.co.uk``) has several rows with the same name. It is
read once, on first use, and kept for the life of the process.

Lookups:

* by URL: the URL's host, then each parent domain in turn (``english.alarabiya.net``, then
  ``alarabiya.net``), never a bare public suffix such as ``com`` or ``co.uk``;
* by name: the outlet's name or one of its aliases, compared as :func:`name_key` reduces them, so
  case, accents, punctuation, hyphens, a leading "The" and the spelling of an "Al-" prefix do not
  matter. Where a name fits several rows, the first row in the table wins.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator
from urllib.parse import urlsplit

from crossbearing.knowledge import files

#: The kinds of outlet the table may name.
KINDS = frozenset({"newspaper", "broadcaster", "agency", "online", "magazine", "state-media",
                   "blog", "aggregator", "archive"})
#: Kinds whose pages carry other outlets' reports: their domain does not say who wrote a report.
RELAYING_KINDS = frozenset({"aggregator", "archive"})

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
#: A scheme with no host after it ("mailto:", "urn:"); a colon before digits is a port instead.
_OPAQUE_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:(?!//|\d)")
_HOST_PREFIX = re.compile(r"^(?:www\d*|m|amp)\.")
_HOST_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
#: Second-level labels of country-code registries (``co.uk``, ``com.au``, ``gov.sa``).
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "go", "gob", "gov", "ltd", "mil", "ne",
                           "net", "nic", "or", "org", "plc", "sch"})
_JOINED = re.compile(r"['’‘`´.]")
_SEPARATORS = re.compile(r"[\W_]+")
_ARTICLE = re.compile(r"^the ")
_AL_PREFIX = re.compile(r"\bal (?=\w)")
#: Longest outlet name, in characters and in words, that a name not in the table may have.
MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 6
#: Punctuation that marks a tagline, a sentence or a list rather than a name.
_NOT_A_NAME = re.compile(r"[!?|:;,/\\<>{}\[\]=\"]|\.\s|\.$|https?:|www\.|@")
#: Small words a name may hold in lower case ("Voice of America", "Al Jazeera and ...").
_NAME_PARTICLES = frozenset({"of", "the", "and", "for", "de", "del", "la", "le", "al", "el",
                             "da", "di", "du", "des", "der", "die", "van", "von", "y", "on", "in",
                             "news", "times", "post", "daily"})


@dataclass(frozen=True)
class Outlet:
    """One row of the outlet table: an outlet as published on one domain."""

    name: str
    domain: str
    country: str
    language: str
    kind: str
    aliases: tuple[str, ...] = ()
    #: Who owns or funds the outlet, as its public profile says; empty when not recorded.
    owner: str = ""
    #: "yes" or "no" where the outlet's public profile settles it, empty when unknown or disputed.
    state_affiliated: str = ""
    #: The public page documenting ``owner`` and ``state_affiliated`` (a Wikipedia article).
    profile_source: str = ""


@dataclass(frozen=True)
class _Index:
    """The table in file order, with its lookups by domain and by name key."""

    rows: tuple[Outlet, ...]
    by_domain: dict[str, Outlet]
    by_name: dict[str, Outlet]


def outlets() -> tuple[Outlet, ...]:
    """Every row of the outlet table, in file order."""
    return _index().rows


def domain_of(url: str | None) -> str | None:
    """The host of ``url``: lower-case, without port, trailing dot or ``www.``/``m.``/``amp.``.

    A URL without a scheme (``nytimes.com/2024/...``) is read as a host and path. Returns None
    when there is no host to read (``mailto:`` and other host-less schemes included).
    """
    if not url or not url.strip():
        return None
    url = url.strip()
    if _OPAQUE_SCHEME.match(url):
        return None
    if not _SCHEME.match(url):
        url = "//" + url.lstrip("/")
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or any(ch.isspace() for ch in host):
        return None
    host = host.rstrip(".")
    while (shorter := _HOST_PREFIX.sub("", host, count=1)) != host and "." in shorter:
        host = shorter
    return host or None


def is_public_suffix(domain: str) -> bool:
    """Whether ``domain`` is a suffix under which anyone registers names (``com``, ``co.uk``).

    Covers top-level domains and the common second-level registries of country-code domains; it
    is what stops a subdomain walk short of matching a whole registry.
    """
    labels = domain.strip(".").split(".")
    if len(labels) == 1:
        return True
    return len(labels) == 2 and len(labels[1]) == 2 and labels[0] in _SECOND_LEVEL


def parent_domains(host: str) -> Iterator[str]:
    """``host`` and then each parent domain, shortest last, stopping before a public suffix."""
    labels = host.split(".")
    for start in range(len(labels)):
        candidate = ".".join(labels[start:])
        if is_public_suffix(candidate):
            return
        yield candidate


def outlet_for_url(url: str | None) -> Outlet | None:
    """The table row for the URL's host or its nearest listed parent domain, if any."""
    host = domain_of(url)
    if host is None:
        return None
    by_domain = _index().by_domain
    for candidate in parent_domains(host):
        if candidate in by_domain:
            return by_domain[candidate]
    return None


def name_key(name: str) -> str:
    """A name reduced to what identifies it, for comparing outlet names.

    Accents and case go, apostrophes and dots join their neighbours ("People's" → "peoples"),
    every other run of punctuation, hyphens included, becomes one space, a leading "the" goes, and
    an "al" word joins the next one, so "Al-Mayadeen", "Al Mayadeen" and "Almayadeen" agree.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _JOINED.sub("", text)
    text = _SEPARATORS.sub(" ", text).strip()
    text = _ARTICLE.sub("", text)
    return _AL_PREFIX.sub("al", text)


def outlet_by_name(name: str | None) -> Outlet | None:
    """The table row whose name or alias matches ``name``; the first such row in the table.

    A name written as a domain ("Antiwar.com", "scmp.com") that matches no name is also looked up
    as a URL.
    """
    if not name or not name.strip():
        return None
    key = name_key(name)
    found = _index().by_name.get(key) if key else None
    if found is None and _HOST_LIKE.match(name.strip()):
        found = outlet_for_url(name.strip())
    return found


def canonical_outlet(name: str | None, url: str | None) -> tuple[str | None, str | None]:
    """The outlet name to store for a report, and a note saying where it came from.

    In order: the table row for the URL ("domain table"), the table row for the name ("outlet
    table"), the name as given with its whitespace tidied ("as given"), else ``(None, None)``.
    A URL on an aggregator or archive (news.google.com, freedomarchives.org) does not say who wrote
    the report, so there a given name comes first and the URL's row is used only without one.
    """
    by_url = outlet_for_url(url)
    if by_url is not None and not (by_url.kind in RELAYING_KINDS and _given(name)):
        return by_url.name, "domain table"
    by_name = outlet_by_name(name)
    if by_name is not None:
        return by_name.name, "outlet table"
    if _given(name):
        return " ".join(name.split()), "as given"
    return None, None


def outlet_name(text: str | None) -> str | None:
    """The name an outlet read from a page, a footer or a credit goes by: the table's name for
    it, else the text itself when it reads as an outlet's name, else None."""
    text = " ".join((text or "").split())
    if not text:
        return None
    known = outlet_by_name(text)
    if known is not None:
        return known.name
    return text if is_plausible_outlet_name(text) else None


def is_plausible_outlet_name(name: str | None) -> bool:
    """Whether text read from a page or a footer can stand as the name of an outlet the table
    does not know: a short name in capitals ("TechCrunch", "Kurdistan Chronicle"), never a URL,
    a host name, a tagline ("Breaking news, analysis and opinion"), a sentence or a section path
    ("World | Middle East"). Names the table knows need no such test."""
    if not name or not name.strip():
        return False
    name = " ".join(name.split())
    words = name.split()
    if len(name) > MAX_NAME_CHARS or len(words) > MAX_NAME_WORDS or _NOT_A_NAME.search(name):
        return False
    if _HOST_LIKE.match(name) and "." in name:
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit() or not words[0][0].isalpha()):
        return False
    lower = [w for w in words[1:] if w[0].islower() and w.lower() not in _NAME_PARTICLES]
    return not lower


def outlet_profile(name_or_domain: str | None) -> Outlet | None:
    """The table row for an outlet name, alias, domain or URL, with its owner and affiliation.

    A name is tried first, then the text as a URL or host, so "Press TV", "presstv.ir" and
    "https://www.presstv.ir/Detail/..." all find Press TV's row.
    """
    if not _given(name_or_domain):
        return None
    return outlet_by_name(name_or_domain) or outlet_for_url(name_or_domain.strip())


def _given(name: str | None) -> bool:
    """Whether ``name`` holds anything but whitespace."""
    return bool(name and name.strip())


@lru_cache(maxsize=1)
def _index() -> _Index:
    """Read the bundled table once and index it."""
    rows = tuple(_read_table())
    by_domain: dict[str, Outlet] = {}
    by_name: dict[str, Outlet] = {}
    for row in rows:
        by_domain.setdefault(row.domain, row)
        for written in (row.name, *row.aliases):
            key = name_key(written)
            if key:
                by_name.setdefault(key, row)
    return _Index(rows, by_domain, by_name)


def _read_table() -> Iterator[Outlet]:
    """The rows of ``data/outlets.csv`` as :class:`Outlet` values, in file order."""
    text = files.text("outlets")
    for record in csv.DictReader(io.StringIO(text)):
        yield _outlet_from_record(record)


def _outlet_from_record(record: dict[str, str]) -> Outlet:
    """One CSV record as an :class:`Outlet`, with its fields trimmed and its aliases split."""
    aliases = tuple(a.strip() for a in (record.get("aliases") or "").split("|") if a.strip())
    return Outlet(
        name=record["outlet"].strip(),
        domain=record["domain"].strip().lower(),
        country=record["country"].strip().upper(),
        language=record["language"].strip().lower(),
        kind=record["kind"].strip().lower(),
        aliases=aliases,
        owner=(record.get("owner") or "").strip(),
        state_affiliated=(record.get("state_affiliated") or "").strip().lower(),
        profile_source=(record.get("profile_source") or "").strip(),
    )
