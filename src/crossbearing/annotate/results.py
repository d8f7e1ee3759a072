"""What the annotate stage stores for an article (:class:`ArticleAnnotations`) and the version
it is stored under (:func:`stage_version`): what the process that saves the results needs, apart
from the annotators (``annotate/stage.py``), so that it imports no language model library.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from crossbearing.annotate.names import TITLES as NAME_TITLES
from crossbearing.kb import Actor
from crossbearing.kb.places import place_by_id, place_rules_version
from crossbearing.knowledge import files
from crossbearing.knowledge.bundle import Knowledge
from crossbearing.model import (
    Descriptor,
    EventMention,
    Failure,
    LoadedTerm,
    Mention,
    NumericFact,
    Place,
    Quote,
    Sentence,
    TimeMention,
)

STAGE = "annotate"
#: The version of the stage's code: bump it when what the annotators find changes.
CODE_VERSION = "crossbearing.annotate.v108"


@functools.cache
def code_version() -> str:
    """:data:`CODE_VERSION` and a digest of the rules written in code that decide what the data
    gives: the place-name rules and the town index's format (``kb.places.place_rules_version``)
    and the titles a name carries (``names.TITLES``, title words too)."""
    return f"{CODE_VERSION}+rules.{files.digest(place_rules_version(), *sorted(NAME_TITLES))}"


def stage_version(knowledge: Knowledge | None = None) -> str:
    """The stage's version: its code's and that of the knowledge it reads (default the bundled
    one). New code or rules, new actors, new gazetteer data, a new framing lexicon, new title
    words (which decide which descriptors exist) or a new event ontology re-annotates every
    article."""
    return f"{code_version()}+{(knowledge or Knowledge.bundled()).version}"


@dataclass(frozen=True)
class ArticleAnnotations:
    """Everything the stage found in one article; ``actors`` are the knowledge-base actors its
    mentions name, in id order."""

    article_id: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    times: tuple[TimeMention, ...]
    quotes: tuple[Quote, ...]
    numbers: tuple[NumericFact, ...]
    lemmas: dict[str, int]
    events: tuple[EventMention, ...] = ()
    descriptors: tuple[Descriptor, ...] = ()
    loaded_terms: tuple[LoadedTerm, ...] = ()
    actors: tuple[Actor, ...] = ()

    @property
    def places(self) -> list[Place]:
        ids = sorted({m.place_id for m in self.mentions if m.place_id})
        return [p for p in (place_by_id(i) for i in ids) if p is not None]


def result_id(result: ArticleAnnotations | Failure) -> str:
    """The id of the article a result is for."""
    return result.target if isinstance(result, Failure) else result.article_id
