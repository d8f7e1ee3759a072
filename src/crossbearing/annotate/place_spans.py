"""Place names the model mistypes or runs together, put right before names are resolved.

The model reads many small towns of the Middle East as products, works or nationalities
("the outskirts of Manbij" as a PRODUCT, "Manbij, Aleppo" with Aleppo as a NORP) and runs a town
and its province into one organisation ("Cizre, Sirnak" as one ORG). Two readings, each only
where the gazetteer knows the name as a place:
- a name of another type that stands where a place stands (``stands_as_place``: after "in",
  "near", "the outskirts of", as what is shelled) is a place; so is one written right after a
  place and a comma ("Manbij, Aleppo": the region the town lies in), the only reading taken
  of a nationality ("in Sunni areas" is no town named Sunni);
- one name made of two names joined by a comma, both places ("Cizre, Sirnak"), is two places.

The model also leaves small towns untyped in a list of places ("in al-Qaim, Akashat, and other
locations"): a capitalised proper noun coordinated with a place name, in a list that stands where
places stand or that a plural noun of place closes, is a place too (``listed_places``), whether
or not the gazetteer knows it — like the members of a list, the members of a locative list are
of one kind. One the gazetteer does not know stays a place without coordinates, listed for an
analyst to add (`crossbearing entities --unknown`).
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Span

from crossbearing.annotate.name_spans import PLACE_LABELS
from crossbearing.kb.places import lookup_place

#: Types the model gives town names by mistake.
MISTYPED_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "NORP", "LAW", "LANGUAGE"})
#: Nouns whose plural closes a list of places ("and other locations", "and nearby villages").
PLACE_LIST_NOUNS = frozenset({"location", "area", "town", "village", "city", "place",
                              "province", "region", "district", "neighbourhood", "neighborhood",
                              "governorate", "camp", "site", "settlement", "base"})
#: Tokens that may stand inside a place's name ("Tal Afar", "al-Qaim", "Ras al-Ain").
_NAME_TAGS = frozenset({"NNP", "NNPS", "HYPH"})
#: The Arabic article, written in lower case inside a place's name ("al-Qaim", "Ras al-Ain").
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})
#: Types of the names that run a town and its region together.
RUN_TOGETHER_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "NORP"})


def place_spans(spans: list[Span], stands_as_place: Callable[[Span], bool]) -> list[Span]:
    """``spans`` (the model's entities, in order) with mistyped places retyped as GPE and names
    run together split, where the gazetteer knows the names as places."""
    found: list[Span] = []
    for span in spans:
        parts = _run_together(span)
        if parts is not None:
            found.extend(parts)
            continue
        if span.label_ in MISTYPED_LABELS and _town(span.text) and (
                _after_place(span, found) or span.label_ != "NORP" and stands_as_place(span)):
            span = Span(span.doc, span.start, span.end, label="GPE")
        found.append(span)
    return found


def _run_together(span: Span) -> list[Span] | None:
    """The two places of "Cizre, Sirnak" read as one name, or None."""
    if span.label_ not in RUN_TOGETHER_LABELS:
        return None
    commas = [t.i for t in span if t.text == ","]
    if len(commas) != 1 or commas[0] in (span.start, span.end - 1):
        return None
    first = Span(span.doc, span.start, commas[0], label="GPE")
    second = Span(span.doc, commas[0] + 1, span.end, label="GPE")
    if not (_town(first.text) and lookup_place(second.text) is not None):
        return None
    return [first, second]


def _after_place(span: Span, before: list[Span]) -> bool:
    """Whether ``span`` follows a place name and a comma ("Manbij, Aleppo")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "," or not before:
        return False
    previous = before[-1]
    return previous.end == span.start - 1 and previous.label_ in ("GPE", "LOC", "FAC") and (
        lookup_place(previous.text) is not None)


def _town(text: str) -> bool:
    """Whether the gazetteer knows ``text`` as a town, a site or a region (not a country: a
    NORP that names a country is its nationality)."""
    place = lookup_place(text)
    return place is not None and place.kind != "country"


def listed_places(spans: list[Span], stands_as_place: Callable[[Span], bool],
                  lower_words: frozenset[str]) -> list[Span]:
    """``spans`` (in order) with the places of a list of places put right: an untyped proper
    noun listed with a place name ("in al-Qaim, Akashat, and other locations") is added as a
    GPE where the list stands as a place or a plural noun of place closes it; a name the model
    alone typed as a person or group in a list closed so ("in Qasr Shirin, Sumar and other
    border towns") is retyped GPE. A word the article also writes in lower case is no name."""
    if not spans:
        return spans
    doc = spans[0].doc
    by_root = {span.root.i: index for index, span in enumerate(spans)}
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    taken.update(i for span in spans for i in range(span.start, span.end))
    found = list(spans)
    added: dict[int, Span] = {}
    for span in spans:
        members = [span.root, *span.root.conjuncts]
        closed = any(m.tag_ == "NNS" and m.lemma_.lower() in PLACE_LIST_NOUNS for m in members)
        if not closed and not (stands_as_place(span) and (
                span.label_ in PLACE_LABELS or _town(span.text))):
            continue
        for member in members:
            index = by_root.get(member.i)
            if index is not None and closed and _typed_by_model(found[index]):
                other = found[index]
                found[index] = Span(doc, other.start, other.end, label="GPE")
                continue
            name = _untyped_name(member, taken, lower_words)
            if name is not None and name.start not in added:
                added[name.start] = name
    return sorted([*found, *added.values()], key=lambda s: s.start)


def _typed_by_model(span: Span) -> bool:
    """Whether only the model, not the knowledge base, typed ``span`` a person or a group."""
    return span.label_ in ("PERSON", "ORG") and not span.ent_id_ and len(span) <= 4


def _untyped_name(token, taken: set[int], lower_words: frozenset[str]) -> Span | None:
    """The proper noun ``token`` ends with its name's other words ("Tal Afar"), as a GPE span,
    where no entity covers it and every word is capitalised; else None."""
    if token.i in taken or token.tag_ not in ("NNP", "NNPS"):
        return None
    start = token.i
    while start > 0 and start - 1 not in taken and token.doc[start - 1].tag_ in _NAME_TAGS and (
            token.doc[start - 1].head.i in range(start, token.i + 1)):
        start -= 1
    words = [t for t in token.doc[start:token.i + 1] if t.tag_ != "HYPH"]
    if token.doc[start].tag_ == "HYPH" or not token.text[:1].isupper() or not all(
            w.text[:1].isupper() or w.lower_ in _ARTICLES for w in words):
        return None
    if len(words) == 1 and token.lower_ in lower_words:
        return None  # "Later", "Sources": a common word the article writes in lower case too
    return Span(token.doc, start, token.i + 1, label="GPE")
