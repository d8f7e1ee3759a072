"""Entity-ruler patterns for every name and alias in the actor knowledge base.

News spells one name many ways: "Kata’ib", "Kata'ib", "Kataib"; "al-Saadi", "Al Saadi",
"el-Saadi"; "Shia’" with a curly or a straight apostrophe. The tokenizer keeps an apostrophe
inside a word ("Kata’ib" is one token) but splits hyphens ("al", "-", "Saadi"), so each alias is
expanded into its spelling variants and each variant tokenized as the tokenizer would tokenize
the text. Patterns carry the actor id, which spaCy keeps as the entity's ``ent_id_``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable

from crossbearing.kb import Actor, load_actors

#: Apostrophe-like marks, all tried in place of each other (and dropped).
APOSTROPHES = ("’", "'", "‘", "ʼ", "`")
_APOSTROPHE = re.compile("[" + "".join(APOSTROPHES) + "ʿʾ]")
_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l)([- ])(?=\w)")
#: An alias written in capitals (or capitals and dots) is matched only as written.
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&.]{1,7}|[A-Z]\.(?:[A-Z]\.)+)$")

Pattern = dict
Tokenize = Callable[[str], Iterable]


def actor_patterns(make_doc: Tokenize, actors: Iterable[Actor] | None = None
                   ) -> tuple[list[Pattern], list[Pattern]]:
    """(name patterns matched case-insensitively, acronym patterns matched as written)."""
    names: dict[tuple, Pattern] = {}
    acronyms: dict[tuple, Pattern] = {}
    for actor in actors if actors is not None else load_actors():
        for alias in actor.names:
            target = acronyms if _ACRONYM.match(alias) else names
            for variant in spelling_variants(alias) if target is names else (alias,):
                tokens = tuple(t.text for t in make_doc(variant))
                key = tuple(t.lower() for t in tokens) if target is names else tokens
                # The first actor to claim a spelling keeps it; the knowledge base forbids
                # collisions, so this only guards against variants of different aliases meeting.
                target.setdefault(key, {"label": actor.type, "pattern": variant, "id": actor.id})
    return list(names.values()), list(acronyms.values())


def spelling_variants(name: str) -> set[str]:
    """The ways news may write ``name``: apostrophes of every kind or none, the Arabic article
    as "al-", "Al ", "el-" or "al" joined by a space, and without diacritics."""
    forms = {name, _without_diacritics(name)}
    forms |= {variant for form in forms for variant in _apostrophe_forms(form)}
    forms |= {variant for form in forms for variant in _article_forms(form)}
    return {form for form in forms if form.strip()}


def _without_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _apostrophe_forms(name: str) -> set[str]:
    if not _APOSTROPHE.search(name):
        return {name}
    return {_APOSTROPHE.sub(mark, name) for mark in APOSTROPHES} | {_APOSTROPHE.sub("", name)}


def _article_forms(name: str) -> set[str]:
    if not _ARTICLE.search(name):
        return {name}
    return {_ARTICLE.sub(lambda m, a=article, s=sep: a + s, name)
            for article in ("al", "Al", "el") for sep in ("-", " ")}
