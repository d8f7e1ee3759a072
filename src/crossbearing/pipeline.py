"""Running stages over the store: only the work not done yet, in batches, one transaction per
batch, so an interrupted run resumes where it stopped and a rerun adds nothing.

The article stage's batches may be computed elsewhere (``executors``: a process pool, a Dask
cluster); this process reads them from the store, hands them out and is the one writer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from crossbearing.annotate.stage import (
    STAGE,
    VERSION,
    ArticleAnnotations,
    annotate_articles,
)
from crossbearing.executors import Executor, SerialExecutor
from crossbearing.kb import KB_VERSION
from crossbearing.model import Article
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
    version: str = VERSION


def annotate(store: Store, *, batch_size: int = ANNOTATE_BATCH,
             on_batch: Callable[[int], None] | None = None,
             executor: Executor | None = None) -> AnnotateReport:
    """Annotate every analysable article this version of the stage has not annotated yet.

    ``executor`` computes the batches (default: serially, in this process); results are saved
    here as they complete, one transaction per batch."""
    pending = store.pending_articles(STAGE, VERSION)
    report = AnnotateReport(pending=len(pending))
    batches = _batches(store, pending, batch_size)
    for _articles, results in (executor or SerialExecutor()).map_batches(annotate_articles,
                                                                          batches):
        with store.transaction():
            for result in results:
                save(store, result)
        report.annotated += len(results)
        report.mentions += sum(len(r.mentions) for r in results)
        report.time_expressions += sum(len(r.times) for r in results)
        report.quotes += sum(len(r.quotes) for r in results)
        report.numeric_facts += sum(len(r.numbers) for r in results)
        if on_batch is not None:
            on_batch(len(results))
    return report


def _batches(store: Store, ids: Sequence[str], size: int) -> Iterator[list[Article]]:
    """The articles of ``ids``, read from the store a batch at a time, when asked for."""
    for start in range(0, len(ids), size):
        yield store.articles_by_id(ids[start:start + size])


def save(store: Store, result: ArticleAnnotations) -> None:
    store.save_annotations(result.article_id, STAGE, VERSION, sentences=result.sentences,
                           mentions=result.mentions, times=result.times, places=result.places,
                           actors=result.actors, kb_version=KB_VERSION, quotes=result.quotes,
                           numbers=result.numbers)
    store.save_terms(result.article_id, result.lemmas, VERSION)
