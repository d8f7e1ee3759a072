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
#: Characters no text is made of: controls, the replacement character, and the Private Use Area
#: (random bytes read as UTF-16 are one tenth private-use characters; a page's icon glyphs are a
#: handful).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
#: Share of such characters above which a decoded text is taken as garbage.
MAX_CONTROL_SHARE = 0.05


#: Byte-order marks of the encodings whose text is full of NUL bytes, UTF-32 first (its
#: little-endian mark begins with UTF-16's).
_WIDE_BOMS = tuple((bom, encoding) for bom, encoding in _BOMS if bom != codecs.BOM_UTF8)
#: Without a mark: ``(encoding, code unit, positions in the unit that are NUL for Latin text)``.
_WIDE_PATTERNS = (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)),
                  ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,)))
#: Bytes looked at to recognise a wide encoding without a byte-order mark.
WIDE_SAMPLE = 4096
#: Share of NUL bytes the high positions of a code unit must hold, and the others may hold.
_HIGH_NULS, _LOW_NULS = 0.7, 0.02


def wide_encoding(head: bytes) -> str | None:
    """``utf-16``/``utf-32`` (with a byte-order mark) or ``utf-16-le`` ... ``utf-32-be``
    (without) when ``head`` is text in one of them, else None.

    Without a mark, the encoding shows in where the NUL bytes fall: mostly Latin text in UTF-16LE
    has a NUL in every second byte and never in the others. A match must then decode into text
    with few control characters, which zero-filled binary data does not."""
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            return encoding
    sample = head[:WIDE_SAMPLE]
    sample = sample[:len(sample) - len(sample) % 4]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    for encoding, unit, high in _WIDE_PATTERNS:
        shares = [sample[position::unit].count(0) / (len(sample) // unit)
                  for position in range(unit)]
        if all(shares[p] >= _HIGH_NULS if p in high else shares[p] <= _LOW_NULS
               for p in range(unit)):
            text = sample.decode(encoding, errors="replace")
            if len(_CONTROL.findall(text)) <= MAX_CONTROL_SHARE * len(text):
                return encoding
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise :class:`DecodeError` if no encoding
    gives readable text. Line endings become ``\\n``; mojibake is repaired."""
    text, encoding = _decode(data, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if encoding.startswith("utf"):
        text = repair_mojibake(text)
    bad = len(_CONTROL.findall(text))
    if text and bad / len(text) > MAX_CONTROL_SHARE:
        raise DecodeError(f"text decoded as {encoding} holds {bad} control, replacement or "
                          "private-use characters")
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
