"""The full names an article's name spans give, read once per article.

Resolving a name looks at the names the model finds after it (a short form's full name, an
organisation named later): each span's name is bounded (``name_spans.name_bounds``) and split
into identity words once here, where it was done again for every span before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from crossbearing.annotate.name_spans import name_bounds
from crossbearing.annotate.names import identity_words
from crossbearing.kb import name_key
from crossbearing.model import Mention


@dataclass(frozen=True)
class SpanNames:
    """The article's name spans in text order and, for each, the full name it gives as a person
    and as an organisation (None where it gives none) and the surname of a person's name as
    written."""

    spans: list[Span]
    people: list[Mention | None]
    organisations: list[Mention | None]
    surnames: list[str | None]  # the name key of the last identity word

    @classmethod
    def of(cls, spans: list[Span]) -> SpanNames:
        people: list[Mention | None] = []
        organisations: list[Mention | None] = []
        surnames: list[str | None] = []
        for span in spans:
            person = organisation = surname = None
            if span.label_ == "PERSON":
                start, end, name = name_bounds(span)
                if len(identity_words(name)) >= 2:
                    person = Mention("", start, end, name, "PERSON", span.ent_id_ or None, name,
                                     name_key(name), "model")
                words = identity_words(span.text)
                if len(words) >= 2:
                    surname = name_key(words[-1])
            elif span.label_ == "ORG":
                name = name_bounds(span)[2]
                if len(identity_words(name)) >= 2:
                    organisation = Mention("", 0, 0, name, "ORG", None, name, name_key(name),
                                           "model")
            people.append(person)
            organisations.append(organisation)
            surnames.append(surname)
        return cls(spans, people, organisations, surnames)

    def after(self, index: int) -> Later:
        return Later(self, index + 1)


@dataclass(frozen=True)
class Later:
    """The names of the article from one span on (:meth:`SpanNames.after`)."""

    names: SpanNames
    start: int

    @property
    def spans(self) -> list[Span]:
        return self.names.spans[self.start:]

    def people(self) -> list[Mention]:
        """The people the model names in full, with their offsets."""
        return [m for m in self.names.people[self.start:] if m is not None]

    def organisations(self) -> list[Mention]:
        """The organisations the model names in full (its possessive "’s" left out)."""
        return [m for m in self.names.organisations[self.start:] if m is not None]

    def surnames(self) -> list[str]:
        """The name keys of the surnames of the people the model names, as written (two
        identity words or more)."""
        return [k for k in self.names.surnames[self.start:] if k is not None]
