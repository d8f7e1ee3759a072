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
    """Annotate every analysable article this version of the stage has not annotated yet."""
    pending = store.pending_articles(STAGE, VERSION)
    report = AnnotateReport(pending=len(pending))
    for start in range(0, len(pending), batch_size):
        articles = store.articles_by_id(pending[start:start + batch_size])
        results = annotate_articles(articles)
        with store.transaction():
            for result in results:
                save(store, result)
        report.annotated += len(results)
        report.mentions += sum(len(r.mentions) for r in results)
        report.time_expressions += sum(len(r.times) for r in results)
        report.quotes += sum(len(r.quotes) for r in results)
        report.numeric_facts += sum(len(r.numbers) for r in results)
        report.events += sum(len(r.events) for r in results)
        if on_batch is not None:
            on_batch(len(results))
    return report


def save(store: Store, result: ArticleAnnotations) -> None:
    store.save_annotations(result.article_id, STAGE, VERSION, sentences=result.sentences,
                           mentions=result.mentions, times=result.times, places=result.places,
                           actors=result.actors, kb_version=KB_VERSION, quotes=result.quotes,
                           numbers=result.numbers)
    store.save_terms(result.article_id, result.lemmas, VERSION)
    store.save_event_mentions(result.article_id, result.events, VERSION)
    store.save_framing(result.article_id, result.descriptors, result.loaded_terms, VERSION)
