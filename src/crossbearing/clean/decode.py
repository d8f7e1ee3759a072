"""Bytes to text: byte-order marks, declared charsets, detection among common encodings, and
repair of mojibake (UTF-8 read as Windows-1252 and saved again)."""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

from crossbearing.errors import DecodeError

#: Encodings considered by detection. Restricting detection to encodings that news is actually
#: published in keeps short Western texts from being read as Mac Icelandic or IBM code pages.
COMMON_ENCODINGS = (
    "utf_8", "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r",
    "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1255", "cp1256", "gb18030", "big5",
    "shift_jis", "euc_jp", "euc_kr",
)
_WESTERN_LOOKALIKES = {"cp1250", "iso8859_2", "latin_1", "iso8859_15"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
#: Share of control or replacement characters above which a decoded text is taken as garbage.
MAX_CONTROL_SHARE = 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise :class:`DecodeError` if no encoding
    gives readable text. Line endings become ``\\n``; mojibake is repaired."""
    text, encoding = _decode(data, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if encoding.startswith("utf"):
        text = repair_mojibake(text)
    bad = len(_CONTROL.findall(text))
    if text and bad / len(text) > MAX_CONTROL_SHARE:
        raise DecodeError(f"text decoded as {encoding} holds {bad} control or replacement characters")
    return text, encoding


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was read as Windows-1252 and saved again ("itâ€™s" → "it’s").

    ftfy's check costs milliseconds on a large page, so it runs only where such text can be: a
    letter that starts a two- or three-byte UTF-8 sequence, read as Windows-1252, followed by one
    of the characters its continuation bytes become."""
    return ftfy.fix_encoding(text) if _MOJIBAKE_HINT.search(text) else text


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            name = codecs.lookup(declared).name
            # A page that declares Latin-1 is almost always Windows-1252 (as browsers assume).
            name = "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    matches = from_bytes(data, cp_isolation=list(COMMON_ENCODINGS))
    best = matches.best()
    if best is None:
        raise DecodeError("no common text encoding decodes these bytes")
    encoding = best.encoding
    if encoding != "cp1252" and "cp1252" in best.could_be_from_charset:
        # The same text comes out of Windows-1252, by far the most common single-byte encoding
        # of Western news: name it so.
        return str(best), "cp1252"
    if encoding in _WESTERN_LOOKALIKES:
        # Prefer Windows-1252 whenever it reads the bytes about as cleanly as the lookalike
        # that detection chose.
        cp1252 = next((m for m in matches if m.encoding == "cp1252"), None)
        if cp1252 is not None and cp1252.chaos <= best.chaos + 0.02:
            return str(cp1252), "cp1252"
    return str(best), encoding
