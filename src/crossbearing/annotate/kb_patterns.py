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
from typing import Callable, Iterable, NamedTuple

from crossbearing.kb import Actor, load_actors

#: Apostrophe-like marks, all tried in place of each other (and dropped).
APOSTROPHES = ("’", "'", "‘", "ʼ", "`")
_APOSTROPHE = re.compile("[" + "".join(APOSTROPHES) + "ʿʾ]")
_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l)([- ])(?=\w)")
#: An alias written in capitals (or capitals and dots) is matched only as written.
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&.]{1,7}|[A-Z]\.(?:[A-Z]\.)+)$")

#: Words a name may capitalise that the text need not ("the Washington Post").
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "for", "in", "on", "at", "to", "de",
                            "al", "el", "la", "le"})

#: Relations of a word modifying a noun.
NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})

Pattern = dict
Tokenize = Callable[[str], Iterable]


class ActorPatterns(NamedTuple):
    #: Name patterns, matched case-insensitively.
    names: list[Pattern]
    #: Acronym patterns, matched as written.
    acronyms: list[Pattern]
    #: Per lower-cased name (a tuple of tokens), which of its tokens every spelling capitalises.
    capitals: dict[tuple, tuple[bool, ...]]


def actor_patterns(make_doc: Tokenize, actors: Iterable[Actor] | None = None) -> ActorPatterns:
    """The rulers' patterns for every alias of ``actors`` (default the bundled knowledge base)."""
    names: dict[tuple, Pattern] = {}
    acronyms: dict[tuple, Pattern] = {}
    capitals: dict[tuple, tuple[bool, ...]] = {}
    for actor in actors if actors is not None else load_actors():
        for alias in actor.names:
            target = acronyms if _ACRONYM.match(alias) else names
            for variant in spelling_variants(alias) if target is names else (alias,):
                tokens = tuple(t.text for t in make_doc(variant))
                key = tuple(t.lower() for t in tokens) if target is names else tokens
                # The first actor to claim a spelling keeps it; the knowledge base forbids
                # collisions, so this only guards against variants of different aliases meeting.
                target.setdefault(key, {"label": actor.type, "pattern": variant, "id": actor.id})
                if target is names:
                    upper = tuple(t[:1].isupper() and t.lower() not in FUNCTION_WORDS
                                  for t in tokens)
                    known = capitals.get(key, upper)
                    capitals[key] = tuple(a and b for a, b in zip(known, upper))
    return ActorPatterns(list(names.values()), list(acronyms.values()), capitals)


class NameCase:
    """A pipeline component after the case-insensitive name ruler (which runs after the parser).

    A name matched where the text writes in lower case a word that every spelling of the name
    capitalises is the name only if the words are one noun phrase without an indefinite article:
    "the Republican party", "Iraqi armed forces", "black Americans" and "a Republican party
    official" are names written in a lower-case style; "visited Russia today" (two phrases: the
    place and the verb's time) is no "Russia Today", and "an Islamic state" (a name takes no
    indefinite article) no "Islamic State". A name written with its capitals is kept whatever the
    parse: the parser often splits names. Lower-case matching stays for what it is for: a headline
    in capitals, a word the name writes in lower case and the text capitalises ("Hamas
    Movement"), an article's spelling ("Al-Hashd al-Shaabi")."""

    def __init__(self) -> None:
        #: Set by the pipeline from :func:`actor_patterns`' ``capitals``.
        self.capitals: dict[tuple, tuple[bool, ...]] = {}

    def __call__(self, doc):
        kept, dropped = [], []
        for ent in doc.ents:
            (dropped if self._common_words(ent) else kept).append(ent)
        if dropped:
            for ent in dropped:
                for token in ent:
                    token.ent_id = 0  # the ruler's actor id, which spans read from their tokens
            doc.ents = kept
        return doc

    def _common_words(self, ent) -> bool:
        capitals = self.capitals.get(tuple(token.lower_ for token in ent))
        if capitals is None or not any(needed and not token.text[:1].isupper()
                                       for needed, token in zip(capitals, ent)):
            return False
        # The words hang from outside the span more than once, and not all as modifiers of one
        # noun phrase ("a Republican party tracking operation" is parsed that way).
        outside = [token for token in ent if not ent.start <= token.head.i < ent.end
                   or token.head.i == token.i]
        apart = len(outside) > 1 and any(token.dep_ not in NOUN_MODIFIERS for token in outside)
        root = ent.root
        indefinite = root.dep_ not in NOUN_MODIFIERS and any(
            child.dep_ == "det" and child.lower_ in ("a", "an") for child in root.children)
        return apart or indefinite


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
