"""The story page: a header plus a list of sections, each built from what ``StoryData`` loads
once per story.

A section is one view function in ``sections/`` (taking the story's ``StoryData``, returning a
dict) and one template partial, ``templates/sections/KEY.html``, which receives that dict as
``section``; ``STORY_SECTIONS`` lists them in order. Every item that comes from an article
carries ``article_id``, ``start`` and ``end``: the span of the article's text it was read from,
which every page links to.
"""

from __future__ import annotations

from dataclasses import asdict
from functools import cached_property
from typing import Any

from crossbearing import __version__
from crossbearing.isolation import isolated
from crossbearing.model import Failure
from crossbearing.model_comparison import ClaimGroup, QuoteGroup
from crossbearing.model_events import Entity, Event
from crossbearing.model_stories import Passage, Story
from crossbearing.sources import copy_records, story_families
from crossbearing.views.sections.comparison import (
    aligned_quotes_section,
    claim_group_view,
    coverage_section,
    facts_section,
    framing_section,
    quote_group_view,
)
from crossbearing.views.sections.events import event_views_of, events_section, timeline_section
from crossbearing.views.sections.network import network_section
from crossbearing.views.sections.reports import numbers_section, quotes_section, reuse_section
from crossbearing.views.sections.sources import header_section
from crossbearing.views.sections.summary import summary_section


class StoryData:
    """Everything a story's sections read, loaded once: its articles, passages (corrections
    applied), events, claim and quote groups, and the collection's source labels and entities
    (read once for all the stories of a dossier)."""

    def __init__(self, store, story: Story, passages: list[Passage],
                 entities: dict[str, Entity], source_labels: dict[str, str],
                 copies: dict[str, Any] | None = None) -> None:
        self.store = store
        self.story = story
        self.ids = store.corpus.story_members(story.id)
        self.articles = {a.id: a for a in store.articles.articles_by_id(self.ids)}
        self.passages = [p for p in passages if p.article_a in self.articles]
        self.entities = entities
        self.source_labels = source_labels
        #: Article id → its source's name (:func:`crossbearing.sources.source_label`).
        self.labels = {article_id: source_labels.get(article_id, article_id)
                       for article_id in self.ids}
        self.copies = copies

    def outlet(self, article_id: str) -> str:
        """The source label of one of the story's articles."""
        return self.labels[article_id]

    @cached_property
    def families(self):
        """The story's source families (:class:`crossbearing.sources.Families`)."""
        return story_families(self.store, list(self.articles.values()), self.copies)

    @cached_property
    def stored_events(self) -> list[Event]:
        """The story's events as stored (every mode), for the coverage matrix."""
        return self.store.events.all(self.story.id)

    @cached_property
    def events(self) -> list[dict[str, Any]]:
        """The story's single events that happened (``event_views``)."""
        return event_views_of(self.store, self.stored_events, self.source_labels,
                              families={a: self.families.family_of(a) for a in self.ids})

    @cached_property
    def stored_claim_groups(self) -> list[ClaimGroup]:
        return self.store.comparison.claim_groups(self.story.id)

    @cached_property
    def claim_groups(self) -> list[dict[str, Any]]:
        return [claim_group_view(g, self.labels) for g in self.stored_claim_groups]

    @cached_property
    def stored_quote_groups(self) -> list[QuoteGroup]:
        return self.store.comparison.quote_groups(self.story.id)

    @cached_property
    def quote_groups(self) -> list[dict[str, Any]]:
        return [quote_group_view(g, self.labels) for g in self.stored_quote_groups]


#: The sections of a story page, in order: (key, view function). A new section is one entry
#: here and one partial ``templates/sections/KEY.html``.
STORY_SECTIONS = [
    ("header", header_section),
    ("summary", summary_section),  # "What we know", shown first (partials/story.html)
    ("timeline", timeline_section),
    ("events", events_section),
    ("facts", facts_section),
    ("aligned_quotes", aligned_quotes_section),
    ("framing", framing_section),
    ("coverage", coverage_section),
    ("quotes", quotes_section),
    ("numbers", numbers_section),
    ("reuse", reuse_section),
    ("network", network_section),
]


def story_page(store, story_id: str, *, _cache: dict | None = None,
               failures: list[Failure] | None = None) -> dict[str, Any] | None:
    """A story with every section's view, or None when there is no such story. A section that
    cannot be built is appended to ``failures`` when given (see :func:`story_section`)."""
    cache = _cache if _cache is not None else {}
    if "stories" not in cache:
        cache["stories"] = {s.id: s for s in store.corpus.stories()}
        rejected = store.corrections.rejected_passages()
        cache["passages"] = [p for p in store.corpus.passages() if p.key not in rejected]
        cache["entities"] = {e.entity_id: e for e in store.pages.entity_list()}
        cache["labels"] = store.events.source_labels()
        cache["copies"] = copy_records(store)
    story = cache["stories"].get(story_id)
    if story is None:
        return None
    data = StoryData(store, story, cache["passages"], cache["entities"], cache["labels"],
                     cache["copies"])
    return {**asdict(story), "article_ids": data.ids,
            "sections": [story_section(key, view, data, failures)
                         for key, view in STORY_SECTIONS]}


def story_section(key: str, view, data: StoryData,
                  failures: list[Failure] | None = None) -> dict[str, Any]:
    """One section's view; a section that cannot be built says so (``failed``: the error's
    type and message), is appended to ``failures`` when given, and the page goes on."""
    failed: list[Failure] = []
    section = isolated(lambda: view(data), failed, stage="report",
                       target=f"{data.story.id}/{key}", target_kind="section",
                       version=__version__, driver_error=data.store.driver_error)
    if section is None:
        if failures is not None:
            failures.extend(failed)
        return {"key": key, "failed": {"error_type": failed[0].error_type,
                                       "message": failed[0].message}}
    return {"key": key, **section}
