"""The annotate stage over the store: only the articles not annotated yet, in batches, one
transaction per batch, so an interrupted run resumes where it stopped and a rerun adds nothing.

The article stage's batches may be computed elsewhere (``executors``: a process pool, a Dask
cluster); this process reads them from the store, hands them out and is the one writer."""

from __future__ import annotations

import logging
from functools import partial
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence

from crossbearing.annotate.results import STAGE, ArticleAnnotations, result_id, stage_version
from crossbearing.errors import ExecutorError
from crossbearing.executors import (
    Executor,
    SerialExecutor,
    make_executor,
    makes_a_pool,
    start_forkserver,
)
from crossbearing.kb import KB_VERSION
from crossbearing.knowledge.bundle import Knowledge
from crossbearing.model import Article, Failure
from crossbearing.stages import AnalysisRun
from crossbearing.store import Store

log = logging.getLogger(__name__)

#: Articles read, annotated and written per batch.
ANNOTATE_BATCH = 64
#: What a process pool's workers start with: the stage and its pipeline, and this module (whose
#: ``annotate_batch`` they are handed), loaded once in the forkserver they are forked from.
PRELOAD = ("crossbearing.annotate.preload", "crossbearing.annotate.run")


@dataclass
class AnnotateReport:
    pending: int = 0
    annotated: int = 0
    failed: int = 0
    mentions: int = 0
    time_expressions: int = 0
    quotes: int = 0
    numeric_facts: int = 0
    events: int = 0
    version: str = field(default_factory=stage_version)

    def summary(self) -> dict[str, Any]:
        """What the run annotated and found, by which version of the stage."""
        return {"annotated": self.annotated, "failed": self.failed, "quotes": self.quotes,
                "numeric_facts": self.numeric_facts, "version": self.version}


def run(store: Store, options: AnalysisRun) -> AnnotateReport:
    """The annotate stage: annotate the articles this version of the article stage has not
    annotated yet, where ``options.executor`` says (by default a process pool sized to the
    work, ``executors.pool_size``; ``options.workers`` at most)."""
    version = stage_version(options.knowledge)
    pending = store.annotations.pending_articles(STAGE, version)
    options.progress.total(len(pending))
    if not pending:  # do not load the language model for nothing
        return AnnotateReport(version=version)
    with make_executor(options.executor, options.workers, options.scheduler,
                       pending=len(pending), preload=PRELOAD) as executor:
        return annotate(store, batch_size=options.batch_size or ANNOTATE_BATCH,
                        on_batch=options.progress.advance, executor=executor,
                        knowledge=options.knowledge)


def warm_up(options: AnalysisRun) -> Callable[[int, int, int], None]:
    """What the ingest stage tells of the articles it adds (``AnalysisRun.on_articles_added``:
    the articles added so far, the inputs read so far and the inputs left): as soon as the
    articles this run may add (those added, and the inputs left at the rate read so far) are
    enough for the process pool :func:`run` will make (``executors.makes_a_pool``), the
    forkserver its workers are forked from is started, so that the language model loads there
    while ingest reads the other inputs instead of after it (about 2 s of one core). A rerun adds nothing and starts nothing; a few new files among
    many known ones start it only when they come first (it then loads the model in another
    process for nothing). A forkserver that cannot start leaves the pool to start it."""
    started = False

    def on_added(added: int, read: int, left: int) -> None:
        nonlocal started
        expected = added + left * added // max(1, read)
        if not started and makes_a_pool(options.executor, options.workers, expected):
            started = True
            try:
                start_forkserver(PRELOAD)
            except Exception:  # only a head start: the pool meets the error, if it lasts
                log.warning("could not start the annotate stage's workers ahead", exc_info=True)

    return on_added


def annotate(store: Store, *, batch_size: int = ANNOTATE_BATCH,
             on_batch: Callable[[int], None] | None = None,
             executor: Executor | None = None,
             knowledge: Knowledge | None = None) -> AnnotateReport:
    """Annotate every analysable article this version of the stage has not annotated yet, with
    ``knowledge`` (default the bundled knowledge: ``knowledge.Knowledge``).

    In this process (no executor, or a serial one) each batch is claimed, annotated and saved in
    one transaction, so that runs going on at the same time share the pending articles instead
    of annotating them twice. With an executor (a process pool, a Dask cluster) the pending
    articles are read once and handed out, and the results are saved here as they complete, one
    transaction per batch; saving replaces an article's annotations, so a batch computed twice
    (a retried task, a concurrent run) stores nothing twice.

    An article an annotator raises on is recorded as failed (``failures``) and the run goes on;
    it is not pending again until the stage's version changes. A batch that kills every worker
    it is given to is split: its articles are tried one at a time, and each one that still
    kills its workers is recorded as failed."""
    version = stage_version(knowledge)
    pending = store.annotations.pending_articles(STAGE, version)
    report = AnnotateReport(pending=len(pending), version=version)
    work = partial(annotate_batch, knowledge=knowledge)
    if executor is None or isinstance(executor, SerialExecutor):
        after = ""
        while True:
            results = store.run_retrying(
                lambda: _annotate_batch(store, batch_size, after, work, version))
            if not results:
                return report
            after = max(result_id(r) for r in results)
            _count(report, results, on_batch)
    suspects: list[str] = []  # articles of a batch that killed its workers, tried one by one
    ids = pending
    batch_size = pool_batch_size(len(pending), executor.workers, batch_size)
    while ids:
        try:
            for _articles, results in executor.map_batches(
                    work, _batches(store, ids, 1 if suspects else batch_size)):
                store.run_retrying(lambda: _save_batch(store, results, version))
                _count(report, results, on_batch)
        except ExecutorError as error:
            lost = [a.id for a in (error.batch or [])]
            if not lost:  # nothing to pin the failure on: the run cannot go on
                raise
            if len(lost) > 1:
                log.warning("a batch of %d articles kept killing its workers; trying them one "
                            "at a time", len(lost))
                suspects = ids = lost
                continue
            failures = [Failure.of(STAGE, i, "article", version, error) for i in lost]
            store.run_retrying(lambda: store.failures.add_failures(failures))
            _count(report, failures, on_batch)
        else:
            if not suspects:
                return report
        # What the failed pass left (and, after the suspects, the rest) is pending still.
        suspects = []
        ids = store.annotations.pending_articles(STAGE, version)
    return report


def annotate_batch(articles: Sequence[Article], knowledge: Knowledge | None = None
                   ) -> list[ArticleAnnotations | Failure]:
    """``stage.annotate_batch``, the annotators imported where the batch is annotated (a
    worker, or this process when it annotates): the process that only hands out batches and
    saves results never imports the language model's library (about 1 s at start-up)."""
    from crossbearing.annotate.stage import annotate_batch as annotate_here

    return annotate_here(articles, knowledge)


def pool_batch_size(pending: int, workers: int, batch_size: int = ANNOTATE_BATCH) -> int:
    """Batches for a pool: at most ``batch_size``, and small enough that each worker gets about
    four, so that the last batches end together instead of one worker finishing alone."""
    return max(1, min(batch_size, -(-pending // (4 * max(1, workers)))))


def _count(report: AnnotateReport, results: list[ArticleAnnotations | Failure],
           on_batch: Callable[[int], None] | None) -> None:
    done = [r for r in results if not isinstance(r, Failure)]
    report.failed += len(results) - len(done)
    report.annotated += len(done)
    report.mentions += sum(len(r.mentions) for r in done)
    report.time_expressions += sum(len(r.times) for r in done)
    report.quotes += sum(len(r.quotes) for r in done)
    report.numeric_facts += sum(len(r.numbers) for r in done)
    report.events += sum(len(r.events) for r in done)
    if on_batch is not None:
        on_batch(len(results))


def _annotate_batch(store: Store, batch_size: int, after: str,
                    work: Callable[[list[Article]], list[ArticleAnnotations | Failure]],
                    version: str) -> list[ArticleAnnotations | Failure]:
    """Claim, annotate (``work``) and save one batch (ids above ``after``) in the caller's
    transaction."""
    articles = store.articles.articles_by_id(
        store.annotations.claim_pending(STAGE, version, batch_size, after))
    if not articles:
        return []
    results = work(articles)
    _save_batch(store, results, version)
    return results


def _save_batch(store: Store, results: list[ArticleAnnotations | Failure],
                version: str | None = None) -> None:
    """Save a batch's results in the caller's transaction. Actors and places shared between
    batches are written first and in id order: two runs saving at once then wait for each other
    instead of deadlocking. Failures are recorded with their reason."""
    done = [r for r in results if not isinstance(r, Failure)]
    store.annotations.save_references(
        sorted({a.id: a for r in done for a in r.actors}.values(), key=lambda a: a.id),
        sorted({p.id: p for r in done for p in r.places}.values(), key=lambda p: p.id),
        KB_VERSION)
    for result in done:
        save(store, result, version)
    store.failures.add_failures(r for r in results if isinstance(r, Failure))


def _batches(store: Store, ids: Sequence[str], size: int) -> Iterator[list[Article]]:
    """The articles of ``ids``, read from the store a batch at a time, when asked for."""
    for start in range(0, len(ids), size):
        yield store.articles.articles_by_id(ids[start:start + size])


def save(store: Store, result: ArticleAnnotations, version: str | None = None) -> None:
    """Store one article's annotations under ``version`` (default the bundled knowledge's)."""
    version = version or stage_version()
    store.annotations.save_annotations(result.article_id, STAGE, version,
                                       sentences=result.sentences, mentions=result.mentions,
                                       times=result.times, places=result.places,
                                       actors=result.actors, kb_version=KB_VERSION,
                                       quotes=result.quotes, numbers=result.numbers)
    store.corpus.save_terms(result.article_id, result.lemmas, version)
    store.events.save_event_mentions(result.article_id, result.events, version)
    store.framing.save_framing(result.article_id, result.descriptors, result.loaded_terms, version)
