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
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Span

from crossbearing.kb.places import lookup_place

#: Types the model gives town names by mistake.
MISTYPED_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "NORP", "LAW", "LANGUAGE"})
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
