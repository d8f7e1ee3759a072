"""Reading an input without the store, in this process or ahead of the ingest loop on workers.

Reading and cleaning are most of ingestion's time (a saved page: trafilatura's extraction, the
cleaning of its text and its language, 11-15 ms of one core; storing it a few ms), and they are
a pure function of the input's bytes, the limits and the analyst's facts for it.
:class:`Reading` is that function: the ingest loop runs it on an input it reads itself, and
:func:`prepare_batch` runs it on a worker process for inputs read whole (single documents and
feeds under the document limit), returning each input's records as :class:`Prepared`.
:class:`Prefetch` keeps a bounded window of such inputs ahead of the loop on a process pool
(``executors.ProcessExecutor``, spawned), when what the first inputs cost says the rest are
worth the workers' start, so that the loop, the one writer of the store, finds most inputs read
when it comes to them, and stores them in its own order.

Nothing a worker does can change a result: a prepared input is used only when its bytes are
those the loop reads now (the same sha256 and size); an input a worker declined (a container, a
file over the limit), failed on (any exception) or died on is read by the loop as without a
pool, and rejected there with its reason if it must be. (A worker has no logging set up: the
tracebacks it would log of a reader's or the cleaning's failure are not kept; the rejection
and its reason are, as the loop records them.)
"""

from __future__ import annotations

import logging
import os
import statistics
import time
from collections import deque
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, NamedTuple

from crossbearing.clean.article import build_article
from crossbearing.clean.decode import wide_encoding
from crossbearing.errors import InputError
from crossbearing.executors import ProcessExecutor
from crossbearing.ingest.infer import infer_missing
from crossbearing.ingest.manifest import Facts, apply_facts
from crossbearing.ingest.readers import READ_WHOLE, READERS, SINGLE_DOCUMENT
from crossbearing.ingest.sniff import sniff
from crossbearing.ingest.source import (
    STDIN,
    Limits,
    Source,
    Unreadable,
    source_from_file,
    transcoded,
    unreadable_reason,
)
from crossbearing.model import Article, Rejected

log = logging.getLogger(__name__)

#: What an input of each format holds when it holds nothing: the detail of ``empty-container``.
EMPTY = {
    "feed": "a feed without entries", "csv": "a CSV or TSV file with no row below its header",
    "json": "a JSON document holding no records", "jsonl": "JSON Lines without a record",
    "warc": "a WARC crawl without HTML or text pages", "mbox": "a mailbox without messages",
}
#: What a spawned worker's start costs, in seconds of one core: the interpreter and the
#: imports (0.7-1.1 s: trafilatura, lxml, the cleaning tables), the language model loaded with
#: the first article (0.7 s). Measured on the benchmark pages; a saved page costs 11-15 ms, a
#: plain text file 3-5 ms.
WORKER_START_SECONDS = 1.6
#: Inputs the loop reads itself before it decides on a pool, from what they cost.
PROBE_INPUTS = 32
#: Inputs sent to a worker at once, and at most this many bytes of them: a batch is small, so a
#: worker that dies takes few inputs back to the loop, and large enough that sending costs
#: little beside reading.
BATCH_INPUTS = 4
BATCH_BYTES = 8_000_000
#: Steps of the loop read ahead at most (inputs stored already, left out or containers included).
MAX_AHEAD = 1000
#: Times the pool may lose the inputs in flight (a batch in flight at two worker deaths, a result
#: that could not come back) before the loop reads every input left itself.
MAX_LOSSES = 3


class Step(NamedTuple):
    """One thing the ingest loop meets, in its order: a file, standard input or an unlistable
    folder (``item``); ``skip`` says why it is not read (``own``: the store's own file;
    ``left-out``: a manifest, or a file a manifest leaves out), else ``facts`` are the analyst's
    for it."""

    key: int
    item: str | Unreadable
    skip: str | None = None
    facts: Facts | None = None


@dataclass(frozen=True)
class Job:
    """An input a worker reads: its step's key, its path, the limits and the analyst's facts."""

    key: int
    path: str
    limits: Limits
    facts: Facts


@dataclass(frozen=True)
class Prepared:
    """An input read and cleaned on a worker: what :class:`Reading` gave, with the hash and size
    of the bytes it was read from."""

    sha256: str
    size: int
    format: str | None
    warnings: tuple[str, ...]
    items: tuple[Article | Rejected, ...]

    def records(self) -> Iterator[Article | Rejected]:
        return iter(self.items)

    def fits(self, source: Source) -> bool:
        """Whether this was read from the bytes of ``source``."""
        return self.sha256 == source.sha256 and self.size == source.size


class Reading:
    """One input read and cleaned: its articles and rejections (:meth:`records`) in the order
    found, then its ``format`` (None when it could not be told) and ``warnings`` (the analyst's
    statements it contradicts). Given ``only``, an input of another format is not read and
    ``declined`` is set."""

    def __init__(self, source: Source, limits: Limits, facts: Facts,
                 only: frozenset[str] | None = None) -> None:
        self.source = source
        self.limits = limits
        self.facts = facts
        self.only = only
        self.format: str | None = None
        self.warnings: list[str] = []
        self.declined = False
        self.found = 0

    def records(self) -> Iterator[Article | Rejected]:
        for record in self._records():
            self.found += 1
            yield record

    def _records(self) -> Iterator[Article | Rejected]:
        """Sniff and read the input; an input holding nothing is rejected as ``empty-container``.
        UTF-16 and UTF-32 input is read from a UTF-8 copy."""
        source, limits = self.source, self.limits
        try:
            encoding = wide_encoding(source.head)
            with transcoded(source, encoding) if encoding else nullcontext(source) as readable:
                fmt = sniff(readable.head, source.path)
                if self.only is not None and fmt not in self.only:
                    self.declined = True
                    return
                self.format = fmt
                if fmt in READ_WHOLE and readable.size > limits.max_document_bytes:
                    what = ("one document" if fmt in SINGLE_DOCUMENT
                            else f"an input read whole ({fmt})")
                    yield Rejected("too-large", f"{readable.size:,} bytes is over the limit of "
                                   f"{limits.max_document_bytes:,} bytes for {what}")
                    return
                yield from self._items(readable, fmt)
        except InputError as error:
            yield Rejected(error.reason, str(error))
            return
        except OSError as error:  # the file went away or broke while it was read
            reason, detail = unreadable_reason(error)
            yield Rejected(reason, detail)
            return
        if self.found == 0:
            yield Rejected("empty-container", EMPTY.get(fmt, f"a {fmt} input without an article"))

    def _items(self, readable: Source, fmt: str) -> Iterator[Article | Rejected]:
        """The format's reader over ``readable``, each document it yields cleaned. Only reading
        and cleaning are guarded: a reader's bug rejects the rest of the input, a cleaning bug
        one record."""
        items = iter(READERS[fmt](readable, self.limits))
        while True:
            try:
                item = next(items, None)
            except InputError as error:
                where = "after the records read" if self.found else ""
                yield Rejected(error.reason, str(error), where)
                return
            except Exception as error:  # a reader bug must not stop the batch: record it, go on
                log.info("reader %s failed on %s", fmt, readable.display, exc_info=True)
                yield Rejected("reader-error", f"{type(error).__name__}: {error}")
                return
            if item is None:
                return
            if isinstance(item, Rejected):
                yield item
                continue
            try:
                item, conflicts = apply_facts(item, self.facts)
                self.warnings.extend(f"{readable.display}: {note}" for note in conflicts)
                article = build_article(infer_missing(item), readable.display)
            except Exception as error:  # one record that cleaning fails on; the reader goes on
                log.info("cleaning failed on %s [%s]", readable.display, item.locator,
                         exc_info=True)
                yield Rejected("reader-error", f"{type(error).__name__}: {error}", item.locator)
                continue
            yield article


def prepare(job: Job) -> Prepared | None:
    """The input of ``job`` read whole, as the ingest loop would read it; None for an input
    that is not read whole (a container, a file over the document limit) or that raised
    anything, which the loop then reads itself."""
    try:
        if os.stat(job.path).st_size > job.limits.max_document_bytes:
            return None
        source = source_from_file(job.path)
        reading = Reading(source, job.limits, job.facts, only=READ_WHOLE)
        items = tuple(reading.records())
    except Exception:
        return None
    if reading.declined:
        return None
    return Prepared(source.sha256, source.size, reading.format, tuple(reading.warnings), items)


def prepare_batch(jobs: list[Job]) -> list[tuple[int, Prepared | None]]:
    """What a worker does: each job's input prepared, keyed by its step."""
    return [(job.key, prepare(job)) for job in jobs]


def workers_worth(allowed: int, remaining: int, seconds_each: float) -> int:
    """The workers worth starting for ``remaining`` inputs of ``seconds_each``: each given at
    least the work its start costs (:data:`WORKER_START_SECONDS`), at most ``allowed``; 0,
    none, below two. With ``w`` workers the reading takes ``start + work / w`` instead of
    ``work``: one worker gains nothing, two gain once the work is twice a start."""
    worth = min(allowed, int(remaining * seconds_each / WORKER_START_SECONDS))
    return worth if worth >= 2 else 0


class Prefetch:
    """The ingest loop's steps in their order, each with its input as a worker read it ahead
    (:class:`Prepared`), or None where the loop reads the input itself.

    The loop reads the first :data:`PROBE_INPUTS` itself; from the median of what each cost it
    (seconds of its core) and the ``expected`` steps left, :func:`workers_worth` says how many
    of the ``allowed`` workers to start, if any. Steps are then read ahead of the loop (at most
    :data:`MAX_AHEAD`); of those, the files not stored yet (``is_new``) and within the document
    limit go to the pool in batches, at most the workers times two batches at a time. The loop
    waits only for an input it has come to. A worker that dies takes the inputs in flight back
    to the loop (after trying them once more on a fresh pool); after :data:`MAX_LOSSES` such
    losses the loop reads everything left itself."""

    def __init__(self, steps: Iterable[Step], limits: Limits, allowed: int, expected: int,
                 is_new: Callable[[str], bool]) -> None:
        self._steps = iter(steps)
        self._limits = limits
        self._allowed = allowed
        self._expected = expected
        self._is_new = is_new
        self._executor: ProcessExecutor | None = None
        self._target = 0
        self._ahead: deque[Step] = deque()
        self._ready: dict[int, tuple[Job, int]] = {}  # not sent yet, with its size, in order
        self._sent: set[int] = set()
        self._results: dict[int, Prepared | None] = {}
        self._mapper: Iterator[tuple[list[Job], list[tuple[int, Prepared | None]]]] | None = None
        self._failure: BaseException | None = None
        self.losses = 0

    def __iter__(self) -> Iterator[tuple[Step, Prepared | None]]:
        costs: list[float] = []
        while True:
            if not self._ahead and self._executor is not None:
                self._scan()
            step = self._ahead.popleft() if self._ahead else next(self._steps, None)
            if step is None:
                return
            started = time.process_time()
            yield step, self._result(step.key)
            if len(costs) < PROBE_INPUTS:
                costs.append(time.process_time() - started)
                if len(costs) == PROBE_INPUTS:
                    self._start(self._expected - step.key - 1, statistics.median(costs))

    def close(self) -> None:
        if self._mapper is not None:
            self._mapper.close()
        if self._executor is not None:
            self._executor.close()

    def __enter__(self) -> "Prefetch":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self, remaining: int, seconds_each: float) -> None:
        """A pool for the inputs left, if they are worth one."""
        workers = workers_worth(self._allowed, remaining, seconds_each)
        log.info("ingest: %d inputs left at %.1f ms each: %d workers", remaining,
                 seconds_each * 1000, workers)
        if workers:
            self._executor = ProcessExecutor(workers, max_attempts=2)
            self._target = self._executor.window * BATCH_INPUTS

    def _scan(self) -> None:
        """Read steps ahead until enough inputs are ready or in flight, or :data:`MAX_AHEAD`
        steps wait for the loop."""
        while (self.losses < MAX_LOSSES and len(self._ready) + len(self._sent) < self._target
               and len(self._ahead) < MAX_AHEAD):
            step = next(self._steps, None)
            if step is None:
                return
            self._ahead.append(step)
            size = self._size(step)
            if size is not None and self._is_new(step.item):
                self._ready[step.key] = (Job(step.key, step.item, self._limits, step.facts), size)

    def _size(self, step: Step) -> int | None:
        """The size of the step's file when a worker may read it: a file to read, within the
        document limit."""
        if step.facts is None or step.item == STDIN or isinstance(step.item, Unreadable):
            return None
        try:
            size = os.stat(step.item).st_size
        except OSError:
            return None
        return size if size <= self._limits.max_document_bytes else None

    def _batches(self) -> Iterator[list[Job]]:
        """The ready inputs in batches of :data:`BATCH_INPUTS` and :data:`BATCH_BYTES` at most,
        reading steps ahead as the pool asks for more. An error of the store while reading ahead
        is kept for the loop to raise: it is no worker's failure."""
        while True:
            if not self._ready:
                try:
                    self._scan()
                except Exception as error:
                    self._failure = error
                    return
            if not self._ready:
                return
            batch: list[Job] = []
            total = 0
            for key, (job, size) in list(self._ready.items())[:BATCH_INPUTS]:
                if batch and total + size > BATCH_BYTES:
                    break
                del self._ready[key]
                batch.append(job)
                total += size
            self._sent.update(job.key for job in batch)
            yield batch

    def _result(self, key: int) -> Prepared | None:
        """The prepared input of step ``key``, waiting for it if it is in flight."""
        while key not in self._results and (key in self._sent or key in self._ready):
            self._pull()
        return self._results.pop(key, None)

    def _pull(self) -> None:
        """Take one finished batch from the pool."""
        if self._mapper is None:
            assert self._executor is not None  # nothing is sent without a pool
            self._mapper = self._executor.map_batches(prepare_batch, self._batches())
        try:
            _batch, results = next(self._mapper)
        except StopIteration:
            self._mapper = None
            results = []
        except Exception as error:  # workers died on a batch, or a result could not come back
            self._lost(error)
            results = []
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure
        for key, prepared in results:
            self._sent.discard(key)
            self._results[key] = prepared

    def _lost(self, error: Exception) -> None:
        """The inputs in flight left to the loop; after :data:`MAX_LOSSES`, every input."""
        self.losses += 1
        log.warning("reading ahead lost %d inputs, read here instead: %s", len(self._sent), error)
        self._sent.clear()
        self._mapper = None
        if self.losses >= MAX_LOSSES:
            self._ready.clear()
