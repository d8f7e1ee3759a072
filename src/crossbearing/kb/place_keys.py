"""Keys under which place names are matched, and the keys of a GeoNames town record.

``place_key`` folds the spellings that transliteration and typing produce ("Al Qā’im",
"al-Qaim", "Qaim"); the town index (``town_index``) is built with ``town_keys``, and its
fingerprint includes this file, so new key rules build a new index. See ``docs/places.md``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Words that describe a place without naming it: a name made only of these gives None.
DESCRIPTIONS = frozenset("""
the capital city town village country region area province governorate state district border
frontier base camp airport port coast north south east west northern southern eastern western
central centre center downtown territory territories enclave strip island sea gulf bay river
valley mountain mountains desert highway crossing outskirts suburbs countryside
""".split())

_QUOTE_MARKS = "'\"`´‘’‚‛′″“”„‟«»ʹʻʼʽʾʿˈ"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP = str.maketrans("", "", _QUOTE_MARKS + _INVISIBLE + ".")
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae",
                          "œ": "oe", "&": " and "})
_NOT_WORD = re.compile(r"[^\w\n]+|_")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
#: Alternate names not indexed: codes ("XQC", "ORBI"), names with digits, and names in other
#: scripts than Latin (Greek to Ethiopic and beyond; general punctuation such as ’ is kept).
_NOT_INDEXED = re.compile("^(?:[A-Z]{2,4}|.*[0-9\u0370-\u1dbf\u1f00-\u1fff\u2c00-\u2c5f"
                          "\u2d00-\U0010ffff].*)$", re.MULTILINE)
_ARTICLES = frozenset({"al", "el"})
#: Assimilated Arabic articles: "ash" in "Ash Shaddadah", "at" in "At Tanf", "ez" in "Deir ez-Zor".
_SUN_ARTICLE = re.compile(r"[ae](?:dh|d|n|r|sh|s|th|t|z)")


def normalise(text: str) -> str:
    """Diacritics, case, apostrophes and dots gone; other punctuation a space; newlines kept."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _NOT_WORD.sub(" ", text.casefold().translate(_DROP).translate(_LETTERS))


def exact_key(name: str) -> str:
    """A name's words joined, articles kept: how countries are matched ("El Salvador")."""
    return " ".join(normalise(name).split())


#: Words of Arabic (and Hebrew, Persian) place names that transliteration writes several ways,
#: folded to one form: "Tal"/"Tell"/"Tel", "Deir"/"Dayr", "Ain"/"Ayn"/"Ein", "Kfar"/"Kafr" ...
_WORD_FOLDS = {variant: folded for folded, variants in {
    "tall": "tal tell tel", "dayr": "deir dair deyr", "ayn": "ain ein ayin",
    "kafr": "kfar kafar kufr", "bayt": "beit bait beyt", "abu": "abou", "umm": "um",
    "jabal": "jebel jabel jbel", "khirbat": "khirbet khirbit kherbet", "qasr": "kasr",
    "shaykh": "sheikh shaikh sheik", "bani": "beni",
}.items() for variant in variants.split()}
#: Endings written several ways: "Nabatieh"/"Nabatiyeh"/"Nabatiya", "Hasakeh"/"Hasakah"/"Hasaka",
#: "Hawijah"/"Hawija" (the final h of a tāʾ marbūṭa, often left out).
_ENDINGS = re.compile(r"(?:iyyah|iyyeh|iyya|iyeh|iyah|ieh)$")
_DOUBLED_VOWEL = re.compile(r"([aiu])\1")


def fold_word(word: str) -> str:
    """One word of a key with its transliteration variants folded (see ``_WORD_FOLDS``); a long
    vowel written double is written once ("Sanaa"/"Sana'a"/"Sana", "Saada"/"Sa'dah")."""
    word = _DOUBLED_VOWEL.sub(r"\1", _WORD_FOLDS.get(word, word))
    if len(word) < 5:
        return word
    word = _ENDINGS.sub("iya", word)
    return word[:-2] + "a" if word.endswith(("ah", "eh")) else word


def drop_articles(words: list[str]) -> str:
    """Words joined, less the Arabic articles: "al"/"el", and an assimilated article ("ash",
    "at", "ez" ...) before a word starting with its consonant ("Ash Shaddadah", "Deir ez-Zor")."""
    if len(words) < 2:
        return " ".join(fold_word(word) for word in words)
    kept = []
    for word, following in zip(words, words[1:]):
        if word in _ARTICLES or (_SUN_ARTICLE.fullmatch(word) and following.startswith(word[1:])):
            continue
        kept.append(fold_word(word))
    kept.append(fold_word(words[-1]))
    return " ".join(kept)


@lru_cache(maxsize=1 << 16)
def place_key(name: str) -> str:
    """The key under which place names are matched (curated places and GeoNames towns).

    Unicode-normalised, diacritics removed, case-folded; apostrophes, ʿayn/hamza marks and dots
    removed; hyphens and other punctuation become spaces; the Arabic articles "al"/"el" and the
    assimilated ones ("ash", "at", "ad", "ez" ... before the same consonant) are dropped as words;
    transliteration variants of common words and endings are folded ("Tal"/"Tell" give "tall",
    "Deir" "dayr", "Hasakeh"/"Hasakah" "hasaka", "Nabatieh"/"Nabatiyeh" "nabatiya"). So
    "Al Qā’im", "al-Qaim", "Al-Qa'im" and "Qaim" all give "qaim"; "the" is kept.
    """
    return drop_articles(normalise(name).split())


def without_the(key: str) -> str:
    """A key without a leading "the" ("the gaza strip" -> "gaza strip")."""
    return key[4:] if key.startswith("the ") else key


def is_description(key: str) -> bool:
    """Whether a key is only descriptive words ("capital", "the north"), no name."""
    return all(word in DESCRIPTIONS for word in key.split())


def alias_keys(alternates: list[str], own: str) -> set[str]:
    """Keys of the Latin-script alternate names, less codes ("XQC"), numbered names and the
    town's own key. There are about a million alternates, so a town's are normalised together."""
    text = _NOT_INDEXED.sub("", "\n".join(alternates))
    keys = set()
    for line in normalise(text).split("\n"):
        line = line.strip()
        keys.add(drop_articles(line.split()))
    keys.discard(own)
    keys.discard("")
    return keys


def town_keys(record: dict) -> tuple[str, set[str]]:
    """A GeoNames record's own name key and the keys of its alternate names."""
    own = place_key(record["name"])
    return own, alias_keys(record.get("alternatenames") or [], own)
