"""The pages beside the story pages: the whole dossier (every story page, and the text of every
article in one), an article's page, an entity's page and the search page. Plain JSON-ready
values for the templates and the web app's JSON twins."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from crossbearing import __version__
from crossbearing.citations import speaker_of
from crossbearing.model import Article, Failure
from crossbearing.sources import source_label
from crossbearing.spellings import search_expansion
from crossbearing.store.search import HIT_END, HIT_START
from crossbearing.views.records import article_summary, by_date, quote_text
from crossbearing.views.sections.sources import outlet_profile_view
from crossbearing.views.story import story_page


def article_text_view(article: Article) -> dict[str, Any]:
    """An article as the dossier shows it: its summary and its clean text."""
    return {**article_summary(article), "authors": list(article.authors), "text": article.text}


class DossierStream:
    """The whole dossier read one story at a time: :meth:`stories` builds each story's view as
    it is asked for, so a page written piece by piece never holds every story's view at once
    (the dossier of 10,000 reports is about a gigabyte of HTML). ``heads`` are the stories as
    listed (id, title, articles) for the navigation; :meth:`articles`, called after the stories
    were read, gives the text of every article they hold."""

    def __init__(self, store, failures: list[Failure] | None = None) -> None:
        self.store, self.failures = store, failures
        self.heads = list(store.corpus.stories())
        self.version = __version__
        self.counts = {"articles": store.count("articles"), "stories": len(self.heads),
                       "rejected": store.count("rejections"), "quotes": store.count("quotes")}
        self._ids: set[str] = set()
        self._cache: dict = {}

    def stories(self) -> Iterator[dict[str, Any]]:
        """Each story with its sections, in the order of ``heads``; sections that cannot be
        built are appended to ``failures`` when given."""
        for head in self.heads:
            page = story_page(self.store, head.id, _cache=self._cache, failures=self.failures)
            self._ids.update(page["article_ids"])
            yield page

    def articles(self) -> list[dict[str, Any]]:
        """The text of every article of the stories read so far, by date."""
        return by_date(article_text_view(a)
                       for a in self.store.articles.articles_by_id(sorted(self._ids)))


def dossier_view(store, failures: list[Failure] | None = None) -> dict[str, Any]:
    """The whole dossier: every story with its sections, and the text of every article in one.
    Sections that cannot be built are appended to ``failures`` when given."""
    dossier = DossierStream(store, failures)
    stories = list(dossier.stories())
    return {"version": dossier.version, "stories": stories, "articles": dossier.articles(),
            "counts": dossier.counts}


def article_page(store, article_id: str) -> dict[str, Any] | None:
    """One article with its text, its story, and the quotes and numbers read from it."""
    found = store.articles.articles_by_id([article_id])
    if not found:
        return None
    article = found[0]
    quotes = [{"article_id": article.id, "start": q.start, "end": q.end, "kind": q.kind,
               "speaker": speaker_of(q), "content": quote_text(article, q)}
              for q in store.annotations.quotes(article.id)]
    numbers = [{"article_id": article.id, "start": n.start, "end": n.end, "text": n.text,
                "counted": n.counted, "speaker": n.speaker}
               for n in store.annotations.numeric_facts(article.id)]
    corrections = [o for o in store.corrections.overrides() if o["target"] == article.id
                   and o["kind"].startswith("article-")]
    return {**article_text_view(article), "story_id": store.corpus.story_of(article.id),
            "outlet_source": article.outlet_source, "profile": outlet_profile_view(article),
            "corrections": corrections, "quotes": quotes, "numbers": numbers}


def entity_page(store, entity_id: str) -> dict[str, Any] | None:
    """One actor or place across the collection: spellings per outlet, every mention (with its
    span), what it said, and the corrections made to it."""
    entity = store.pages.entity(entity_id)
    if entity is None:
        return None
    labels = store.events.source_labels()
    mentions = [{**m, "outlet": labels.get(m["article_id"], m["outlet"])}
                for m in store.pages.entity_mentions(entity_id)]
    outlets: dict[str, dict[str, Any]] = {}
    for m in mentions:
        entry = outlets.setdefault(m["outlet"], {"mentions": 0, "forms": {}})
        entry["mentions"] += 1
        entry["forms"][m["text"]] = entry["forms"].get(m["text"], 0) + 1
    quoted = store.pages.quotes_by_actor(entity.actor_id) if entity.actor_id else []
    said = []
    for article in store.articles.articles_by_id(sorted({a for a, _, _ in quoted})):
        said += [{"article_id": article.id, "start": s, "end": e, "outlet": source_label(article),
                  "content": article.text[s:e]} for a, s, e in quoted if a == article.id]
    corrections = [o for o in store.corrections.overrides()
                   if entity_id in (o["target"], o["value"])]
    return {**dataclasses.asdict(entity),
            "outlets": [{"outlet": name, **data} for name, data in sorted(outlets.items())],
            "spellings": sorted({m["text"] for m in mentions}), "mentions_shown": mentions,
            "quotes": said, "corrections": corrections}


def search_page(store, query: str, limit: int = 20) -> dict[str, Any]:
    """Search hits with their article's title and outlet, the snippet as (text, matched) parts."""
    expansion = search_expansion(store, query)
    hits = store.search.find(query, limit, expansion)
    articles = {a.id: a
                for a in store.articles.articles_by_id(sorted({h["article_id"] for h in hits}))}
    rows = []
    for hit in hits:
        article = articles.get(hit["article_id"])
        parts = []
        for index, piece in enumerate(hit["snippet"].split(HIT_START)):
            matched, _, rest = piece.partition(HIT_END) if index else ("", "", piece)
            parts += [p for p in ([matched, True], [rest, False]) if p[0]]
        rows.append({**hit, "snippet": parts, "title": article.title if article else None,
                     "outlet": source_label(article) if article else None})
    also = sorted({v for found in expansion.words.values() for v in found}) + expansion.aliases
    return {"query": query, "also": also, "hits": rows}
