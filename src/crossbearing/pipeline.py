"""Running stages over the store: only the work not done yet, in batches, one transaction per
batch, so an interrupted run resumes where it stopped and a rerun adds nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from crossbearing.annotate.stage import (
    STAGE,
    VERSION,
    ArticleAnnotations,
    annotate_articles,
)
from crossbearing.kb import KB_VERSION
from crossbearing.store import Store

#: Articles read, annotated and written per batch.
ANNOTATE_BATCH = 64


@dataclass
class AnnotateReport:
    pending: int = 0
    annotated: int = 0
    mentions: int = 0
    time_expressions: int = 0
    quotes: int = 0
    numeric_facts: int = 0
    events: int = 0
    version: str = VERSION


def annotate(store: Store, *, batch_size: int = ANNOTATE_BATCH,
             on_batch: Callable[[int], None] | None = None) -> AnnotateReport:
    """Annotate every analysable article this version of the stage has not annotated yet.

    Each batch is claimed, annotated and saved in one transaction, so that runs going on at the
    same time share the pending articles instead of annotating them twice."""
    report = AnnotateReport(pending=len(store.pending_articles(STAGE, VERSION)))
    after = ""
    while True:
        results = store.run_retrying(lambda: _annotate_batch(store, batch_size, after))
        if not results:
            return report
        after = max(r.article_id for r in results)
        report.annotated += len(results)
        report.mentions += sum(len(r.mentions) for r in results)
        report.time_expressions += sum(len(r.times) for r in results)
        report.quotes += sum(len(r.quotes) for r in results)
        report.numeric_facts += sum(len(r.numbers) for r in results)
        report.events += sum(len(r.events) for r in results)
        if on_batch is not None:
            on_batch(len(results))


def _annotate_batch(store: Store, batch_size: int, after: str) -> list[ArticleAnnotations]:
    """Claim, annotate and save one batch (ids above ``after``) in the caller's transaction."""
    articles = store.articles_by_id(store.claim_pending(STAGE, VERSION, batch_size, after))
    if not articles:
        return []
    results = annotate_articles(articles)
    # Actors and places shared between batches are written first and in id order: two runs
    # saving at once then wait for each other instead of deadlocking.
    store.save_references(
        sorted({a.id: a for r in results for a in r.actors}.values(), key=lambda a: a.id),
        sorted({p.id: p for r in results for p in r.places}.values(), key=lambda p: p.id),
        KB_VERSION)
    for result in results:
        save(store, result)
    return results


def save(store: Store, result: ArticleAnnotations) -> None:
    store.save_annotations(result.article_id, STAGE, VERSION, sentences=result.sentences,
                           mentions=result.mentions, times=result.times, places=result.places,
                           actors=result.actors, kb_version=KB_VERSION, quotes=result.quotes,
                           numbers=result.numbers)
    store.save_terms(result.article_id, result.lemmas, VERSION)
    store.save_event_mentions(result.article_id, result.events, VERSION)
    store.save_framing(result.article_id, result.descriptors, result.loaded_terms, VERSION)
