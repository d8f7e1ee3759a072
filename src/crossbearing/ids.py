"""Deterministic ids and content hashes.

Ids are hex digests of normalised content, so the same input always yields the same id and a
rerun (or a retried task on another worker) cannot store anything twice.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                         "‟": '"', "«": '"', "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-"})
_SPACE = re.compile(r"\s+")

#: Every story id starts with this (the clustering, the story ids and the store take it
#: from here).
STORY_PREFIX = "story-"
#: Hex digits kept in an article id: 64 bits, collision-free in practice at millions of articles.
ARTICLE_ID_LENGTH = 16


def sha256_hex(data: bytes | str) -> str:
    """Hex SHA-256 of bytes, or of a string as UTF-8.

    A file name that is not valid UTF-8 reaches Python as a string holding surrogate escapes
    (``b"\\xe9.txt"`` is ``"\\udce9.txt"``): those turn back into the name's own bytes, so its
    ids are those of the real name; any other lone surrogate (from a JSON ``\\ud800`` escape) is
    hashed as its code point."""
    if isinstance(data, str):
        try:
            data = data.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def normalise_text(text: str) -> str:
    """Text reduced to what identifies it: NFKC, case-folded, one quote style, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip()


def normalise_url(url: str | None) -> str | None:
    """A URL without scheme, ``www.``, fragment, trailing slash or case in the host."""
    if not url:
        return None
    url = url.strip()
    url = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", url)
    url = url.split("#", 1)[0]
    host, _, rest = url.partition("/")
    host = host.lower().removeprefix("www.")
    rest = rest.rstrip("/")
    return f"{host}/{rest}" if rest else host


def article_id(text: str, url: str | None = None) -> str:
    """The id of an article: its normalised text, and its normalised URL where known."""
    key = normalise_text(text)
    nurl = normalise_url(url)
    if nurl:
        key = f"{nurl}\n{key}"
    return sha256_hex(key)[:ARTICLE_ID_LENGTH]


def stable_id(*parts: object, length: int = ARTICLE_ID_LENGTH) -> str:
    """A short deterministic id for any record made of the given parts."""
    return sha256_hex("\x1f".join("" if p is None else str(p) for p in parts))[:length]
