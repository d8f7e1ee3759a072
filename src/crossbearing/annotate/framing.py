"""Framing in one article: the descriptors it gives the actors it names and the loaded words it
uses for acts and actors, each marked as the article's own words or as words it quotes.

Reads the parsed ``Doc`` of the annotation stage's one spaCy pass, the article's mentions and its
quotes; returns plain records with offsets. A descriptor or loaded word whose start lies inside the
content of a quote is ``quoted`` (with that quote's key), else ``own``: so an outlet that only
reports a group calling the US "occupiers" is not counted as calling them so itself.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from spacy.tokens import Doc, Token

from crossbearing.annotate.descriptors import NAME_LABELS, Found, find_descriptors, token_owners
from crossbearing.annotate.lexicon import Lexicon, Match, bundled_lexicon
from crossbearing.annotate.nlp import text_of
from crossbearing.model import Descriptor, LoadedTerm, Mention, Quote

OWN = "own"
QUOTED = "quoted"
#: Dependencies that tie a loaded word to a name: its object ("assassinated Saadi"), passive
#: subject ("Saadi was martyred"), possessor or modifier ("US aggression").
LINKING_DEPS = frozenset({"dobj", "nsubjpass", "poss", "compound", "nmod", "appos"})
#: Prepositions that tie a loaded noun to a name: "the assassination of Saadi".
LINKING_PREPS = frozenset({"of", "against", "on", "by"})


class VoiceIndex:
    """Finds the quote, if any, whose content holds an offset."""

    def __init__(self, quotes: Sequence[Quote]):
        spans = sorted((start, end, (q.start, q.end)) for q in quotes for start, end in q.content)
        self._starts = [s for s, _, _ in spans]
        self._spans = spans

    def of(self, offset: int) -> tuple[str, tuple[int, int] | None]:
        """(``own``, None) or (``quoted``, the quote's key) for a text offset."""
        index = bisect_right(self._starts, offset)
        for start, end, key in reversed(self._spans[:index]):
            if start <= offset < end:
                return QUOTED, key
        return OWN, None


def framing_annotations(doc: Doc, article_id: str, mentions: Sequence[Mention],
                        quotes: Sequence[Quote], lexicon: Lexicon | None = None
                        ) -> tuple[list[Descriptor], list[LoadedTerm]]:
    """The descriptors and loaded words of one parsed article, in text order."""
    text = text_of(doc)
    voice = VoiceIndex(quotes)
    owner, spans = token_owners(doc, mentions)
    found = find_descriptors(doc, owner, spans)
    descriptors = [_descriptor(doc, text, article_id, f, voice) for f in found]
    matches = (lexicon or bundled_lexicon()).find(doc)
    terms = [_term(doc, text, article_id, m, owner, found, voice) for m in matches
             if not _in_name(m, owner) and not _compound_tail(doc, m)]
    return descriptors, terms


def _descriptor(doc: Doc, text: str, article_id: str, f: Found, voice: VoiceIndex) -> Descriptor:
    start, end = doc[f.first].idx, _end_char(doc[f.last])
    m = f.mention
    return Descriptor(article_id, start, end, text[start:end], f.kind, (m.start, m.end),
                      m.actor_id, m.canonical, *voice.of(start))


def _term(doc: Doc, text: str, article_id: str, match: Match, owner: dict[int, Mention],
          found: list[Found], voice: VoiceIndex) -> LoadedTerm:
    start, end = doc[match.first].idx, _end_char(doc[match.last])
    target = _target(doc, match, owner, found)
    entry = match.entry
    return LoadedTerm(article_id, start, end, text[start:end], entry.term, entry.category,
                      entry.tag, entry.neutral, (target.start, target.end) if target else None,
                      target.actor_id if target else None, target.canonical if target else None,
                      *voice.of(start))


def _end_char(token: Token) -> int:
    return token.idx + len(token.text)


def _in_name(match: Match, owner: dict[int, Mention]) -> bool:
    """The word is part of a name ("Islamic Resistance"), not the writer's choice; NORP mentions
    ("pro-Iranian", "Zionist") are words and do not count."""
    first = owner.get(match.first)
    return (first is not None and first.label in NAME_LABELS
            and all(owner.get(i) is first for i in range(match.first, match.last + 1)))


def _compound_tail(doc: Doc, match: Match) -> bool:
    """The word ends a hyphenated compound ("anti-terror", "counter-terrorism"), which can mean
    the opposite of the word alone."""
    i = match.first
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ \
        and not doc[i - 1].whitespace_


def _target(doc: Doc, match: Match, owner: dict[int, Mention], found: list[Found]) -> Mention | None:
    """The actor a loaded word is about: the one whose descriptor holds it, else a name the
    parse links it to directly."""
    for f in found:
        if f.first <= match.first and match.last <= f.last:
            return f.mention
    tokens = doc[match.first:match.last + 1]
    for token in tokens:
        for neighbour in _linked(token):
            if neighbour.i in owner and not match.first <= neighbour.i <= match.last:
                return owner[neighbour.i]
    return None


def _linked(token: Token) -> list[Token]:
    linked = [token.head] if token.dep_ in ("amod", "compound", "nmod") else []
    for child in token.children:
        if child.dep_ in LINKING_DEPS:
            linked.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in LINKING_PREPS:
            linked.extend(g for g in child.children if g.dep_ == "pobj")
    return linked
