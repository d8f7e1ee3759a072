"""Records and rows: the one shape of each stored thing that the CLI's ``--json`` and its
tables, the web API and the exports list (an article, a rejection, a failure, a story, a quote,
a number, a shared passage). Plain JSON-ready
values, no markup and no escaping: whoever shows them escapes them for where they go."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from crossbearing.citations import speaker_of
from crossbearing.model import Article, Failure, Rejection
from crossbearing.model_stories import Passage
from crossbearing.sources import copy_records, source_label, sources_phrase, story_families


def article_summary(article: Article) -> dict[str, Any]:
    published = article.published
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "source": source_label(article),
        "published": published.value if published else None,
        "published_precision": published.precision if published else None,
        "language": article.language,
        "analysable": article.analysable,
        "url": article.url,
        "external_id": article.external_id,
        "source_path": article.source_path,
        "locator": article.locator,
        "format": article.format,
        "characters": len(article.text),
    }


def by_date(articles) -> list[dict[str, Any]]:
    """Article summaries by publication date (undated last), then id."""
    return sorted(articles, key=lambda a: (a["published"] is None, a["published"] or "", a["id"]))


def quote_text(article: Article, quote) -> str:
    """A quote's words as its article gives them, its pieces joined by an ellipsis."""
    return " … ".join(article.text[s:e] for s, e in quote.content)


def article_detail(article: Article) -> dict[str, Any]:
    published = article.published
    return {
        **article_summary(article),
        "outlet_source": article.outlet_source,
        "domain": article.domain,
        "published_source": published.source if published else None,
        "authors": list(article.authors),
        "language_score": article.language_score,
        "skip_reason": article.skip_reason,
        "text_sha256": article.text_sha256,
        "raw_sha256": article.raw_sha256,
        "metadata": dict(article.metadata),
        "text": article.text,
    }


def rejection_view(rejection: Rejection) -> dict[str, Any]:
    return {
        "path": rejection.path,
        "locator": rejection.locator,
        "reason": rejection.reason,
        "detail": rejection.detail,
        "sha256": rejection.sha256,
        "size_bytes": rejection.size_bytes,
    }


def failure_view(failure: Failure) -> dict[str, Any]:
    return {"stage": failure.stage, "target": failure.target, "target_kind": failure.target_kind,
            "error_type": failure.error_type, "message": failure.message,
            "version": failure.version, "failed_at": failure.failed_at}




def entity_rows(table: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities with their sources as a list, each named by its source label."""
    return [{"name": entry["name"], "label": entry["label"], "entity_id": entry["entity_id"],
             "actor_id": entry["actor_id"],
             "mentions": entry["mentions"],
             "outlets": [{"outlet": outlet, "mentions": data["mentions"],
                          "forms": dict(sorted(data["forms"].items(), key=lambda f: -f[1]))}
                         for outlet, data in sorted(entry["outlets"].items(),
                                                    key=lambda o: -o[1]["mentions"])]}
            for entry in table]


def passage_views(store, passages: list[Passage]) -> list[dict[str, Any]]:
    """Shared passages with the text each covers in its two articles (each article read once)."""
    ids = sorted({p.article_a for p in passages} | {p.article_b for p in passages})
    texts = {a.id: a.text for a in store.articles.articles_by_id(ids)}
    return [{**asdict(p), **passage_texts(p, texts)} for p in passages]


def passage_texts(passage: Passage, texts: dict[str, str]) -> dict[str, str]:
    """The text a shared passage covers in each of its two articles (``texts``: id → text)."""
    return {"text_a": texts[passage.article_a][passage.a_start:passage.a_end],
            "text_b": texts[passage.article_b][passage.b_start:passage.b_end]}


def story_view(store, story_id: str) -> dict[str, Any] | None:
    """A story with its articles, the passages they share and their duplicates."""
    story = store.corpus.story(story_id)
    if story is None:
        return None
    members = store.corpus.story_members(story_id)
    found = store.articles.articles_by_id(members)
    articles = by_date(article_summary(a) for a in found)
    member_set = set(members)
    passages = [asdict(p) for p in store.corpus.passages() if p.article_a in member_set]
    duplicates = [d for d in store.corpus.duplicates() if d["article_a"] in member_set]
    families = story_families(store, found)
    independent = families.count(members)
    return {**asdict(story), "articles": articles, "passages": passages, "duplicates": duplicates,
            "independent": independent, "sources_phrase": sources_phrase(len(found), independent),
            "families": [f for f in families.view() if len(f["reports"]) > 1]}


def story_rows(store) -> list[dict[str, Any]]:
    """The stories, largest first, each with how many independent sources its reports are
    (``independent``, source families) and the phrase that says so."""
    heads = {a.id: a for a in store.corpus.article_heads()}
    copies = copy_records(store)
    members = store.corpus.story_memberships()
    rows = []
    for story in store.corpus.stories():
        articles = [heads[i] for i in members.get(story.id, []) if i in heads]
        independent = story_families(store, articles, copies).count(a.id for a in articles)
        rows.append({**asdict(story), "independent": independent,
                     "sources_phrase": sources_phrase(story.articles, independent)})
    return rows


def quote_rows(store, *, speaker: str | None = None, outlet: str | None = None) -> list[dict[str, Any]]:
    """Quotes with their text, speaker (resolved name, else description, else as written) and
    article, filtered by speaker or outlet substring."""
    articles = {a.id: a for a in store.articles.all()}
    rows = []
    for q in store.annotations.quotes():
        article = articles[q.article_id]
        who = speaker_of(q)
        row = {"article_id": q.article_id, "outlet": source_label(article), "kind": q.kind,
               "content": quote_text(article, q),
               "content_spans": [list(span) for span in q.content],
               "cue": article.text[slice(*q.cue)] if q.cue else None,
               "speaker": who, "speaker_text": q.speaker_text, "speaker_actor": q.speaker_actor,
               "speaker_canonical": q.speaker_canonical, "descriptor": q.descriptor}
        if speaker and not any(speaker.lower() in (v or "").lower()
                               for v in (who, q.speaker_actor, q.speaker_text)):
            continue
        if outlet and outlet.lower() not in row["outlet"].lower():
            continue
        rows.append(row)
    return rows


def number_rows(store, *, counted: str | None = None) -> list[dict[str, Any]]:
    """Numeric facts with their article's source, filtered by a counted-phrase substring."""
    outlets = store.events.source_labels()
    rows = []
    for n in store.annotations.numeric_facts():
        if counted and counted.lower() not in (n.counted or "").lower():
            continue
        rows.append({"article_id": n.article_id, "outlet": outlets.get(n.article_id),
                     **number_view(n)})
    return rows


def number_view(n) -> dict[str, Any]:
    """A numeric fact: its article and span, the number as written, bounds, hedge, what it
    counts, its scopes and who gives it."""
    return {"article_id": n.article_id, "start": n.start, "end": n.end, "text": n.text,
            "low": n.low, "high": n.high, "hedge": n.hedge, "counted": n.counted,
            "time_scope": n.time_scope, "place_scope": n.place_scope, "speaker": n.speaker}

