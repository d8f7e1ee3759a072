"""The pages beside the story pages: the whole dossier (every story page, and the text of every
article in one), an article's page, an entity's page and the search page. Plain JSON-ready
values for the templates and the web app's JSON twins."""

from __future__ import annotations

import dataclasses
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


def dossier_view(store, failures: list[Failure] | None = None) -> dict[str, Any]:
    """The whole dossier: every story with its sections, and the text of every article in one.
    Sections that cannot be built are appended to ``failures`` when given."""
    cache: dict = {}
    stories = [story_page(store, s.id, _cache=cache, failures=failures)
               for s in store.corpus.stories()]
    ids = sorted({article_id for s in stories for article_id in s["article_ids"]})
    articles = by_date(article_text_view(a) for a in store.articles.articles_by_id(ids))
    return {"version": __version__, "stories": stories, "articles": articles,
            "counts": {"articles": store.count("articles"), "stories": len(stories),
                       "rejected": store.count("rejections"), "quotes": store.count("quotes")}}


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
