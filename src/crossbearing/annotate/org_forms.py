"""Short forms of an organisation's name that the article does not define: "Hofstra" after
"Hofstra University", "Wells" after "Wells Fargo", "CFPB" for the "Consumer Financial Protection
Bureau" named in the same article without "(CFPB)".

A reporter shortens an organisation named in full to its first word or to its initials. The
short form is linked only to the one organisation of the article it fits; a first word that is a
place, a nationality or a word of institution ("the House" after "the White House") is never
taken for one, and two organisations that fit leave it unlinked.
"""

from __future__ import annotations

import re
from typing import Iterable

from crossbearing.annotate.names import identity_words
from crossbearing.kb.places import STANDALONE_TOWN, lookup_place
from crossbearing.model import Mention

#: Small words an acronym skips ("Bureau of Labor Statistics" is BLS).
_SKIPPED = frozenset({"of", "the", "and", "for", "on", "in", "to", "&"})
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def organisation_for(text: str, label: str, organisations: Iterable[Mention],
                     institution_words: frozenset[str]) -> Mention | None:
    """The one organisation of ``organisations`` (full names of the article) that ``text``
    shortens to its initials or to its first word, or None."""
    if label not in ("ORG", "PERSON", "GPE", "FAC", "NORP"):
        return None
    if _ACRONYM.match(text):
        fits = [o for o in organisations if _initials(o.canonical) == text]
    else:
        words = _WORD.findall(text)
        if len(words) != 1 or words[0].lower() in institution_words or _is_place(words[0]):
            return None
        fits = [o for o in organisations if _first_word(o.canonical) == words[0]]
    distinct = {(o.actor_id or o.name_key): o for o in fits}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def _initials(name: str) -> str:
    words = [w for w in _WORD.findall(name) if w.lower() not in _SKIPPED]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) >= 2 else ""


def _first_word(name: str) -> str:
    words = _WORD.findall(name)
    return words[0] if len(words) >= 2 and len(identity_words(name)) >= 2 else ""


def _is_place(word: str) -> bool:
    """A word that names a country, a region or a town big enough to be meant ("Baghdad"), not
    a village that shares a firm's name ("Wells", "Morgan")."""
    return lookup_place(word, min_population=STANDALONE_TOWN) is not None
