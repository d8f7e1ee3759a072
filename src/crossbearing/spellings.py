"""The other spellings a search for a name looks for too.

Names from Arabic, Persian or Pashto reach English news spelled many ways: a search for
"Kata'ib" should find "Kataib" and "Kataeb", and a search for an actor's name its aliases
("Nujaba" finds "Harakat Hezbollah al-Nujaba" and "al-Nujaba movement"). Two sources:

- **word variants**: each word of the query (four letters or more) is matched against the words
  of the names the articles hold (the stored mentions), by the same rule that links spellings of
  a name (``annotate.names``): the same transliteration skeleton and a close spelling. A word
  that is no name (``tax``, ``strike``) has no variants and is searched as written;
- **aliases**: when the whole query is a name of the knowledge base (any of its names, or a
  spelling of one), the actor's other names and the spellings the articles used for it.

:func:`variants` returns them as a :class:`Expansion`, which the store turns into a full-text
query (``store.search``); the user's words are never SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from crossbearing.annotate.names import skeleton, token_similarity

#: Query words shorter than this are searched as written ("US", "Iraq" has no variants to find).
MIN_LETTERS = 4
#: Spelling similarity from which two name words are one word (as in ``annotate.names``).
MIN_SIMILARITY = 0.84
#: Variants kept per word and aliases kept per query, most similar first.
MAX_VARIANTS, MAX_ALIASES = 8, 12
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class Expansion:
    """Per query word (in order) its other spellings; and other names of the whole query."""

    words: dict[str, list[str]] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)


def variants(query: str, name_words: Iterable[str], names: dict[str, list[str]]) -> Expansion:
    """The spellings to search besides ``query``: ``name_words`` are the words of the stored
    names; ``names`` maps a knowledge-base actor's id to its names (name first, aliases, then
    the spellings the articles used for it)."""
    vocabulary: dict[str, set[str]] = {}
    for word in name_words:
        if len(word) >= MIN_LETTERS:
            vocabulary.setdefault(skeleton(_plain(word)), set()).add(word)
    words = {}
    for word in _WORD.findall(query or ""):
        if len(word) < MIN_LETTERS:
            continue
        plain = _plain(word)
        close = sorted((v for v in vocabulary.get(skeleton(plain), ()) if v.lower() != word.lower()
                        and token_similarity(plain, _plain(v)) >= MIN_SIMILARITY),
                       key=lambda v: (-token_similarity(plain, _plain(v)), v))
        if close:
            words[word] = close[:MAX_VARIANTS]
    return Expansion(words, _aliases(query, names))


def search_expansion(store, query: str) -> Expansion:
    """:func:`variants` of ``query`` over what ``store`` holds and the knowledge base."""
    from crossbearing.kb import load_actors

    names = {a.id: [a.name, *a.aliases] for a in load_actors()}
    for actor_id, text in store.search.actor_spellings():
        names.setdefault(actor_id, []).append(text)
    return variants(query, store.search.name_words(), names)


def _aliases(query: str, names: dict[str, list[str]]) -> list[str]:
    """The other names of the one actor whose name the whole query is (or spells)."""
    from crossbearing.annotate.names import same_name
    from crossbearing.kb import name_key

    key = name_key(query or "")
    if not key:
        return []
    found = [actor for actor, spelled in names.items()
             if any(name_key(n) == key for n in spelled)]
    if not found:
        found = [actor for actor, spelled in names.items()
                 if len(query.split()) >= 2 and any(same_name(query, n) for n in spelled)]
    if len(found) != 1:
        return []
    seen, others = {query.lower()}, []  # "Kata'ib" is searched apart from "Kataib"
    for name in names[found[0]]:
        if name.lower() not in seen:
            seen.add(name.lower())
            others.append(name)
    return others[:MAX_ALIASES]


def _plain(word: str) -> str:
    """A word without apostrophes and in lower case: "Kata'ib" → "kataib"."""
    return re.sub(r"['’‘`]", "", word).lower()
