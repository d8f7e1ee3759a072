"""Matching names that the knowledge base does not know: transliteration-tolerant keys to find
candidates cheaply, and a scorer to decide.

Arabic, Persian and Pashto names reach English news in many transliterations: Baqir / Baqer,
Saadi / Saedi, Qaim / Kaim, Kaabi / Ka'bi, Hamidawi / Hamedawi. The *skeleton* of a name keeps
what transliterations agree on — the consonants, with q/k, doubled letters, the article and
apostrophes unified — so variants share a skeleton and a dictionary lookup finds candidates. The
skeleton alone over-merges (Saadi and Sadi and Sued share "sd"), so candidates are confirmed by a
scorer: Jaro-Winkler similarity (rapidfuzz) on the name keys, token by token, which rewards a
shared beginning and tolerates vowel changes. See docs/names.md for why this rather than
OpenSanctions' matcher (heavier, and it cannot link true aliases either).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from crossbearing.kb import name_key

#: Letter groups that transliterations write differently for one sound, most specific first.
_SOUNDS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ch", "s"),
           ("ph", "f"), ("ou", "u"), ("ck", "k"), ("q", "k"), ("c", "k"), ("z", "s"), ("j", "g"),
           ("w", "v"), ("e", "i"), ("o", "u"))
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLE = re.compile(r"(.)\1+")
#: Words that carry no identity: honorifics and titles that come and go between mentions.
#: They are title words of descriptors too (``descriptors.title_words``), beside those of
#: ``data/framing_titles.txt``: one list, kept here.
TITLES = frozenset({"hajj", "haji", "sheikh", "shaykh", "sayyid", "sayed", "mr", "mrs", "ms", "dr",
                    "gen", "general", "brig", "brigadier", "col", "colonel", "maj", "major", "lt",
                    "capt", "captain", "president", "minister", "prime", "king", "prince", "emir",
                    "ayatollah", "imam", "mullah", "commander", "spokesman", "spokesperson", "sen",
                    "senator", "rep", "secretary", "gov", "governor", "mayor", "judge", "chief"})
#: Lowest token similarity for two name tokens to be the same name.
TOKEN_THRESHOLD = 0.84


def identity_words(name: str) -> list[str]:
    """The words of a name's key without titles: "Brigadier Yahya Rasool" → ["yahya", "rasool"],
    "King Abdullah" → ["abdullah"], a lone "King" → []; but a title word that ends the name
    after a given name or an honorific is the family name: "Larry King" → ["larry", "king"],
    "Mr. King" → ["king"] (the entity step asks with the honorific the text writes)."""
    return list(_identity_words(name))


#: Honorifics after which a word is a family name, whatever else it may be ("Mr. King").
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr"})


@lru_cache(maxsize=1 << 16)
def _identity_words(name: str) -> tuple[str, ...]:
    # An article's names are compared with one another many times over (short forms, surnames).
    words = name_key(name).split()
    last = len(words) - 1
    return tuple(word for i, word in enumerate(words) if word not in TITLES or (
        0 < i == last and (words[i - 1] in HONORIFICS or words[i - 1] not in TITLES)))


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """The transliteration skeleton of one word: sounds unified, vowels dropped after the first
    letter, doubled letters single. "Baqir", "Baqer", "Bakir" → "bkr"."""
    for group, sound in _SOUNDS:
        word = word.replace(group, sound)
    word = word[:1] + _VOWELS.sub("", word[1:])
    return _DOUBLE.sub(r"\1", word)


def surname(name: str) -> str | None:
    """The last identity word of a multi-word name ("Yahya Rasool" → "rasool"), None for one word."""
    words = identity_words(name)
    return words[-1] if len(words) >= 2 else None


def token_similarity(a: str, b: str) -> float:
    """Similarity of two name words: 1.0 for equal skeletons with close spelling."""
    score = JaroWinkler.similarity(a, b)
    return max(score, 0.9) if skeleton(a) == skeleton(b) and score >= 0.75 else score


@lru_cache(maxsize=1 << 16)
def same_name(a: str, b: str) -> bool:
    """Whether two names can be one person's or one group's: every identity word of the shorter
    name matches a word of the longer in order, and the last words (the family names) match."""
    left, right = identity_words(a), identity_words(b)
    if not left or not right:
        return False
    short, long_ = (left, right) if len(left) <= len(right) else (right, left)
    if token_similarity(short[-1], long_[-1]) < TOKEN_THRESHOLD:
        return False
    position = 0
    for word in short:
        while position < len(long_) and token_similarity(word, long_[position]) < TOKEN_THRESHOLD:
            position += 1
        if position == len(long_):
            return False
        position += 1
    return True
