"""Where article stages run: in this process, in a pool of worker processes, or on a Dask cluster.

Every executor offers one operation, :meth:`map_batches`: apply a pure function to batches and
yield ``(batch, result)`` pairs in the order they complete. The caller (``annotate.run.annotate``)
reads the batches from the store lazily and is the one writer: workers never open the store. An
executor keeps only a bounded number of batches in flight (twice the workers by default), so
memory does not grow with the corpus.

Workers are long-lived processes, so whatever a stage caches per process (the spaCy pipeline,
``annotate.nlp.pipeline``) is loaded once per worker and reused for every later batch. A process
pool given modules to preload starts its workers from a forkserver: a fresh interpreter that
imports those modules once (``annotate.preload`` builds the pipeline there), each worker a fork of
it, so no worker imports spaCy or builds the pipeline again.

A worker that dies mid-batch loses nothing: the process pool starts a fresh pool and submits
again every batch that had not returned; Dask's scheduler reschedules the dead worker's tasks on
another worker and its nanny restarts the process. A batch is given up (``ExecutorError``) only
when it has been in flight at the death of ``max_attempts`` workers, so a batch that kills every
worker it reaches cannot loop for ever. Saving an article's annotations replaces its older ones,
so a batch that is computed twice is still stored once.

This is the only module that imports Dask (``dask[distributed]``), and only when a Dask executor
is made.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, Protocol, Self, TypeVar

from crossbearing.errors import ExecutorError, UsageError

log = logging.getLogger(__name__)

B = TypeVar("B")
R = TypeVar("R")

#: The names ``make_executor`` and the CLI accept.
KINDS = ("auto", "serial", "process", "dask")
#: ``auto`` starts one worker process per this many pending articles, up to the CPUs, and none
#: (it runs in this process) below two workers' worth. A worker's start-up, importing spaCy and
#: loading the model, costs about 3 s of one core and 200 MB (measured; once for all workers
#: where they are forked from a forkserver that did it), a news article about 0.3 s of one
#: core. With 12 articles a worker does at least as much work as its start-up costs, so a pool
#: wins on free cores and loses little on a machine too busy to run the workers side by side;
#: below 24 articles this process does it.
ARTICLES_PER_WORKER = 12
#: How many times a batch may be in flight when a worker dies before the run gives up.
MAX_ATTEMPTS = 3


class Executor(Protocol):
    """Runs a pure function over batches; see the module docstring."""

    workers: int

    def map_batches(self, fn: Callable[[B], R], batches: Iterable[B]) -> Iterator[tuple[B, R]]:
        ...

    def close(self) -> None:
        ...

    def __enter__(self) -> Self:
        ...

    def __exit__(self, *exc: object) -> None:
        ...


def default_workers() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class _Closing:
    """Context-manager support shared by the executors."""

    def close(self) -> None:
        """Release the executor's workers (nothing to release by default)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SerialExecutor(_Closing):
    """Every batch in this process, one after the other: the reference, and what ``auto``
    chooses for a handful of articles."""

    workers = 1

    def map_batches(self, fn: Callable[[B], R], batches: Iterable[B]) -> Iterator[tuple[B, R]]:
        for batch in batches:
            yield batch, fn(batch)


class ProcessExecutor(_Closing):
    """A pool of ``workers`` processes started by ``spawn``, or, with modules to ``preload`` on
    Linux, forked from a forkserver that imported them (macOS, where forking after such
    libraries load is unsafe, and Windows spawn every worker): no state of the
    parent (an open database, threads) is inherited by a worker, since the forkserver is a fresh
    interpreter that holds only what the preloaded modules made.

    The forkserver is started with the first pool that uses it (or ahead of it, by
    :func:`start_forkserver`) and serves every later pool of the process (a restarted pool
    too) until the process ends; the modules it preloads are those of that first pool (or of
    :func:`start_forkserver`), found on the path the environment gives a fresh interpreter
    (PYTHONPATH, the installed package), not on paths this program added to ``sys.path``."""

    def __init__(self, workers: int | None = None, *, start_method: str = "spawn",
                 preload: tuple[str, ...] = (), window: int | None = None,
                 max_attempts: int = MAX_ATTEMPTS) -> None:
        self.workers = workers or default_workers()
        self.window = window or 2 * self.workers
        self.max_attempts = max_attempts
        if preload and start_method == "spawn" and sys.platform == "linux":
            start_method = "forkserver"  # forking a loaded spaCy is safe on Linux only
        self._context = multiprocessing.get_context(start_method)
        if preload and start_method == "forkserver":
            self._context.set_forkserver_preload(list(preload))
        self._pool: ProcessPoolExecutor | None = None
        self.restarts = 0

    def _fresh_pool(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = ProcessPoolExecutor(self.workers, mp_context=self._context)
        return self._pool

    def map_batches(self, fn: Callable[[B], R], batches: Iterable[B]) -> Iterator[tuple[B, R]]:
        source = iter(batches)
        pool = self._pool or self._fresh_pool()
        running: dict[Future, tuple[B, int]] = {}
        for batch in islice(source, self.window):
            _submit(pool, fn, batch, 1, running)
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            if any(_broken(future) for future in done):
                yield from self._finished(running)
                pool = self._restart(fn, running)
                continue
            for future in done:
                batch, _attempt = running.pop(future)
                yield batch, future.result()
                for more in islice(source, 1):
                    _submit(pool, fn, more, 1, running)

    def _finished(self, running: dict[Future, tuple[Any, int]]) -> Iterator[tuple[Any, Any]]:
        """The batches that did return before the pool broke: kept, not computed again."""
        for future in [f for f in running if f.done() and not _broken(f)]:
            batch, _attempt = running.pop(future)
            yield batch, future.result()

    def _restart(self, fn: Callable, running: dict[Future, tuple[Any, int]]) -> ProcessPoolExecutor:
        """A fresh pool, with every batch that was in flight submitted to it again."""
        unfinished = list(running.values())
        running.clear()
        self.restarts += 1
        log.warning("a worker process died; %d unfinished batches submitted again", len(unfinished))
        pool = self._fresh_pool()
        for batch, attempt in unfinished:
            if attempt >= self.max_attempts:
                raise ExecutorError(f"a batch was in flight at {attempt} worker deaths; giving up",
                                    batch=batch)
            _submit(pool, fn, batch, attempt + 1, running)
        return pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _submit(pool: ProcessPoolExecutor, fn: Callable, batch: Any, attempt: int,
            running: dict[Future, tuple[Any, int]]) -> None:
    """Submit ``batch``; a pool that broke since the last look refuses it, and the batch is then
    recorded as broken (not counted as an attempt) so that the restart submits it again."""
    try:
        running[pool.submit(fn, batch)] = (batch, attempt)
    except BrokenProcessPool as error:
        refused: Future = Future()
        refused.set_exception(error)
        running[refused] = (batch, attempt - 1)


def _broken(future: Future) -> bool:
    return future.done() and isinstance(future.exception(), BrokenProcessPool)


class DaskExecutor(_Closing):
    """Batches as tasks on a Dask cluster: the scheduler at ``scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``), or else a local cluster of ``workers`` single-threaded processes."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None, *,
                 window: int | None = None) -> None:
        from distributed import Client, LocalCluster

        # Dask sets its loggers to INFO on import; follow the application's level instead.
        logging.getLogger("distributed").setLevel(logging.getLogger().getEffectiveLevel())
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=workers or default_workers(),
                                        threads_per_worker=1, processes=True,
                                        dashboard_address=":0", silence_logs=logging.WARNING)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info()["workers"]))
        self.window = window or 2 * self.workers

    def map_batches(self, fn: Callable[[B], R], batches: Iterable[B]) -> Iterator[tuple[B, R]]:
        from distributed import as_completed

        source = iter(batches)
        running: dict[Any, B] = {}
        completed = as_completed()

        def submit(batch: B) -> None:
            future = self.client.submit(fn, batch, pure=False)
            running[future] = batch
            completed.add(future)

        for batch in islice(source, self.window):
            submit(batch)
        try:
            for future in completed:
                batch = running.pop(future)
                yield batch, _dask_result(future, batch)
                for more in islice(source, 1):
                    submit(more)
        finally:
            if running:
                self.client.cancel(list(running))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _dask_result(future: Any, batch: Any) -> Any:
    """The task's result; a task that killed too many workers becomes an ``ExecutorError``."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as error:
        raise ExecutorError(f"a batch was in flight at the death of too many workers: {error}",
                            batch=batch) from error


def pool_size(pending: int, workers: int | None = None) -> int:
    """The worker processes worth starting for ``pending`` articles: one per
    :data:`ARTICLES_PER_WORKER`, at most ``workers`` (default: the CPUs), at least one."""
    return max(1, min(workers or default_workers(), pending // ARTICLES_PER_WORKER))


def start_forkserver(preload: tuple[str, ...]) -> bool:
    """Start now, unless it runs already, the forkserver a :class:`ProcessExecutor` given
    ``preload`` forks its workers from, so that those modules load there while this process goes
    on with other work; the pool made later uses it as it is. Linux only (elsewhere pools spawn
    their workers): whether it was started or runs."""
    if sys.platform != "linux" or not preload:
        return False
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(list(preload))
    forkserver.ensure_running()
    return True


def makes_a_pool(kind: str, workers: int | None = None, pending: int | None = None) -> bool:
    """Whether :func:`make_executor` makes a process pool of this machine for ``kind``,
    ``workers`` and ``pending`` articles: ``process`` always, ``auto`` from two workers' worth."""
    return kind == "process" or (kind == "auto" and _auto_size(workers, pending) > 1)


def _auto_size(workers: int | None, pending: int | None) -> int:
    """The workers ``auto`` starts: all of ``workers`` when the work is not known."""
    return (workers or default_workers()) if pending is None else pool_size(pending, workers)


def make_executor(kind: str = "serial", workers: int | None = None,
                  scheduler: str | None = None, *, pending: int | None = None,
                  preload: tuple[str, ...] = ()) -> Executor:
    """The executor named ``kind`` (one of :data:`KINDS`). ``scheduler`` is for Dask only;
    ``preload``, modules a process pool's workers start with (:class:`ProcessExecutor`), for a
    pool only.

    ``auto`` is a process pool sized to the work (:func:`pool_size` of ``pending`` articles,
    all of ``workers`` when the amount of work is not known), or this process when that is one
    worker."""
    if scheduler and kind != "dask":
        raise UsageError("a scheduler address is for the dask executor only")
    if kind == "auto":
        size = _auto_size(workers, pending)
        return SerialExecutor() if size <= 1 else ProcessExecutor(size, preload=preload)
    if kind == "serial":
        return SerialExecutor()
    if kind == "process":
        return ProcessExecutor(workers, preload=preload)
    if kind == "dask":
        return DaskExecutor(scheduler, workers)
    raise UsageError(f"unknown executor {kind!r}: one of {', '.join(KINDS)}")
