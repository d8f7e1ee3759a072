"""Ingestion: every input becomes articles or recorded rejections, one transaction per input.

Nothing an input holds can stop the batch: a reader's exception rejects what is left of that
input, with the reason, and the next input goes on. An input that yields neither an article nor
a rejection (a feed without entries, a CSV with only its header) is rejected as
``empty-container``, so that every input leaves a trace. Many records of one input rejected for
one reason are recorded as one rejection with their count and the first of them (a CSV broken
by one stray quote can reject hundreds of thousands of rows).

Reading and cleaning an input is ``ingest.prepare``'s: this loop runs it, or takes what a worker
process ran ahead for a file read whole (``Prefetch``, when the run may use several cores and
the inputs are worth the workers' start); either way this process alone stores, in the order
the inputs are met, so the store ends the same.
"""

from __future__ import annotations

import logging
import os
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from crossbearing.clean.text import strip_controls
from crossbearing.executors import default_workers
from crossbearing.ids import stable_id
from crossbearing.ingest.manifest import Facts, Statements
from crossbearing.ingest.prepare import PROBE_INPUTS, Prefetch, Prepared, Reading, Step
from crossbearing.ingest.source import (
    STDIN,
    STDIN_NAME,
    Limits,
    Source,
    Unreadable,
    display_path,
    iter_files,
    read_stdin,
    source_from_file,
    unreadable_reason,
)
from crossbearing.model import Article, InputRecord, Rejected, Rejection
from crossbearing.stages import AnalysisRun
from crossbearing.store import Store

log = logging.getLogger(__name__)

#: Version of the ingestion code. Bump it when readers or cleaning change what they produce:
#: inputs read by an older version are then read again on the next run.
EXTRACTOR = "crossbearing.ingest.v3"
#: Rejections of one reason among one input's records stored one by one up to this many; more
#: are stored as one rejection giving their count and the first :data:`EXAMPLES` of them.
EACH_UP_TO = 10
EXAMPLES = 3
#: Longest detail of one example quoted in an aggregated rejection.
EXAMPLE_DETAIL_CHARS = 200


@dataclass
class IngestReport:
    """What one ingestion run did."""

    inputs: int = 0
    unchanged: int = 0
    articles_added: int = 0
    already_stored: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    formats: dict[str, int] = field(default_factory=dict)
    article_ids: list[str] = field(default_factory=list)
    #: What the run could not apply or found contradicted: manifest rows matching no input,
    #: values that could not be read, stated values differing from the input's own.
    warnings: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    @property
    def ok(self) -> bool:
        return not self.rejections

    def merge(self, part: "IngestReport") -> None:
        """Add what one input's transaction did (its ``inputs`` are counted by the caller)."""
        self.unchanged += part.unchanged
        self.articles_added += part.articles_added
        self.already_stored += part.already_stored
        self.rejections.extend(part.rejections)
        for fmt, n in part.formats.items():
            self.formats[fmt] = self.formats.get(fmt, 0) + n
        self.article_ids.extend(part.article_ids)
        self.warnings.extend(part.warnings)

    def summary(self) -> dict[str, Any]:
        """What the run read, added and rejected, with its warnings."""
        from crossbearing.views.records import rejection_view

        return {
            "inputs": self.inputs,
            "unchanged_inputs": self.unchanged,
            "articles_read": len(self.article_ids),
            "articles_added": self.articles_added,
            "already_stored": self.already_stored,
            "rejected": self.rejected,
            "formats": dict(sorted(self.formats.items())),
            "rejections": [rejection_view(r) for r in self.rejections],
            "warnings": list(self.warnings),
        }


def run(store: Store, options: AnalysisRun) -> IngestReport:
    """The ingest stage: read ``options.paths`` into the store; inputs read before are
    skipped. Inputs are read ahead on up to ``options.workers`` processes when they are
    worth it (``ingest.prepare.Prefetch``)."""
    inputs = sum(1 for _ in iter_files(list(options.paths)))
    options.progress.total(inputs)
    return ingest_paths(options.paths, store, limits=options.limits,
                        on_input=lambda _path: options.progress.advance(1),
                        statements=options.statements, workers=options.workers, inputs=inputs,
                        on_added=options.on_articles_added)


def ingest_paths(paths: Iterable[str | os.PathLike], store: Store, *, limits: Limits | None = None,
                 on_input: Callable[[str], None] | None = None,
                 statements: Statements | None = None, workers: int | None = 1,
                 inputs: int | None = None,
                 on_added: Callable[[int, int, int], None] | None = None) -> IngestReport:
    """Ingest every file under ``paths`` ("-" for standard input) into ``store``.

    ``statements`` holds what the analyst states about the inputs (a manifest, batch options);
    without it, the ``sources.csv`` or ``sources.toml`` manifests of the input folders are still
    read. A manifest is never ingested as an article. ``workers`` bounds the processes that may
    read inputs ahead of this one (None: the CPUs; 1, the default: this process only); the
    results are the same either way. Below two allowed, or for a handful of inputs, no pool
    is considered. ``inputs``, the files under ``paths`` where the caller counted them
    already, spares a second walk of the folders. ``on_added``, if given, is told after each input
    that added an article the articles added so far, the inputs read so far and the inputs
    left to read (0 when ``inputs`` is not given)."""
    paths = [os.fspath(path) for path in paths]
    limits = limits or Limits()
    statements = statements or Statements(roots=paths)
    report = IngestReport()
    steps = _steps(paths, statements, store.own_files())
    allowed = default_workers() if workers is None else workers
    if allowed < 2:
        expected = 0
    else:
        expected = inputs if inputs is not None else sum(1 for _ in iter_files(paths))
    with (Prefetch(steps, limits, allowed, expected, lambda path: _is_new(store, path))
          if expected > PROBE_INPUTS else nullcontext((step, None) for step in steps)
          ) as prepared_steps:
        for read, (step, prepared) in enumerate(prepared_steps, 1):
            added = report.articles_added
            display = _ingest_step(step, prepared, store, limits, report)
            if on_added is not None and report.articles_added > added:
                on_added(report.articles_added, read, max(0, (inputs or 0) - read))
            if on_input is not None:
                on_input(display)
    report.warnings[:0] = statements.report()
    for warning in report.warnings:
        log.info("%s", warning)
    return report


def _steps(paths: list[str], statements: Statements, own_files: frozenset[str]) -> Iterator[Step]:
    """What the loop meets under ``paths``, in order, each with what the analyst states of it or
    why it is not read. The manifests are asked once a file, as the loop comes to it or reads
    ahead."""
    for key, item in enumerate(iter_files(paths)):
        if isinstance(item, Unreadable):
            yield Step(key, item)
        elif item != STDIN and _real_path(item) in own_files:
            yield Step(key, item, "own")  # the database being written, inside an ingested folder
        elif item != STDIN and statements.leaves_out(item):
            yield Step(key, item, "left-out")  # a manifest, or a file a manifest leaves out
        else:
            yield Step(key, item, facts=statements.batch if item == STDIN
                       else statements.facts_for(item))


def _ingest_step(step: Step, prepared: Prepared | None, store: Store, limits: Limits,
                 report: IngestReport) -> str:
    """Ingest what one step meets, or record why it cannot be read: the name it is shown
    under (the database's own file keeps its path, as it is not counted as an input)."""
    item = step.item
    if isinstance(item, Unreadable):
        return _reject_unreadable(store, report, item.path, item.error)
    if step.skip == "own":
        return item
    if step.skip == "left-out":
        return display_path(item)
    return _ingest_item(item, store, limits, report, step.facts or Facts(), prepared)


def _is_new(store: Store, path: str) -> bool:
    """Whether the file at ``path`` holds bytes this extractor has not stored yet (read ahead
    only then)."""
    try:
        source = source_from_file(path)
    except OSError:
        return False
    return store.articles.find_input(stable_id(source.path, source.sha256, EXTRACTOR)) is None


def _ingest_item(item: str, store: Store, limits: Limits, report: IngestReport,
                 facts: Facts, prepared: Prepared | None = None) -> str:
    """Read one file or standard input, or record why it cannot be read: the name it is
    stored under. ``prepared`` is the file as a worker read it, used if its bytes are the ones
    read now."""
    stdin = item == STDIN
    with ExitStack() as stack:
        try:
            source = stack.enter_context(read_stdin()) if stdin else source_from_file(item)
        except OSError as error:
            return _reject_unreadable(store, report, STDIN_NAME if stdin else item, error)
        ingest_source(source, store, limits, report, facts, prepared)
        return source.display


def _real_path(path: str) -> str | None:
    """The absolute path with links resolved; never raises, even on a symlink loop."""
    try:
        return os.path.realpath(path)
    except (OSError, RuntimeError, ValueError):
        return None


def ingest_source(source: Source, store: Store, limits: Limits, report: IngestReport,
                  facts: Facts | None = None, prepared: Prepared | None = None) -> None:
    """Read one input into the store, unless this extractor has read these bytes there already
    (in an earlier run, or in a run going on at the same time). ``facts``, stated by the analyst,
    take the place of what the input says of itself; ``prepared``, what a worker read from the
    same file with them, is stored in place of reading the input again if it was read from
    these very bytes (the file may have changed since)."""
    report.inputs += 1
    if prepared is not None and not prepared.fits(source):
        prepared = None
    input_id = stable_id(source.path, source.sha256, EXTRACTOR)
    if store.articles.find_input(input_id) is None:
        part = store.run_retrying(
            lambda: _ingest_new(source, input_id, store, limits, facts or Facts(), prepared))
        if part is not None:
            report.merge(part)
            return
    report.unchanged += 1
    report.rejections.extend(store.articles.input_rejections(input_id))


def _ingest_new(source: Source, input_id: str, store: Store, limits: Limits,
                facts: Facts, prepared: Prepared | None) -> IngestReport | None:
    """Read an input inside the caller's transaction; None when another run recorded it first."""
    # The input row goes in first: articles and rejections refer to it, and it claims the
    # input: a concurrent run inserting the same row waits for this transaction, then skips.
    if not store.articles.claim_input(InputRecord(input_id, source.display, source.sha256,
                                                  source.size, None, EXTRACTOR, 0, 0, 0)):
        return None
    reader = _InputReader(source, input_id, store)
    reader.read(prepared or Reading(source, limits, facts))
    store.articles.add_input(InputRecord(input_id, source.display, source.sha256, source.size,
                                         reader.format, EXTRACTOR, reader.articles,
                                         reader.duplicates, reader.rejections.total))
    return reader.report


class _InputReader:
    """One input's records stored: its articles as they come, counted here and in ``report``;
    its rejections gathered by reason and stored at the end."""

    def __init__(self, source: Source, input_id: str, store: Store) -> None:
        self.source = source
        self.input_id = input_id
        self.store = store
        self.report = IngestReport()
        self.rejections = _Rejections()
        self.format: str | None = None
        self.articles = 0
        self.duplicates = 0

    def read(self, reading: Reading | Prepared) -> None:
        """Store what ``reading`` finds (read now, or by a worker), then its rejections."""
        for record in reading.records():
            if isinstance(record, Rejected):
                self.rejections.add(record)
            else:
                self._store(record)
        self.format = reading.format
        if reading.format is not None:
            self.report.formats[reading.format] = 1
        self.report.warnings.extend(reading.warnings)
        source = self.source
        for rejected in self.rejections.final():
            rejection = Rejection(
                stable_id(source.path, source.sha256, rejected.locator, rejected.reason),
                source.display, strip_controls(rejected.locator), rejected.reason,
                strip_controls(rejected.detail), source.sha256, source.size)
            self.store.articles.add_rejection(rejection, self.input_id)
            self.report.rejections.append(rejection)

    def _store(self, article: Article) -> None:
        self.articles += 1
        self.report.article_ids.append(article.id)
        if self.store.articles.add_article(article, self.input_id):
            self.report.articles_added += 1
        else:
            self.duplicates += 1
            self.report.already_stored += 1


class _Rejections:
    """One input's rejections grouped by reason, in the order the reasons first came: up to
    :data:`EACH_UP_TO` of a reason are kept whole, beyond that only their count, so that a
    million bad rows cost neither a million rows in the store nor the memory to hold them."""

    def __init__(self) -> None:
        self.groups: dict[str, list[Rejected]] = {}
        self.counts: dict[str, int] = {}

    def add(self, rejected: Rejected) -> None:
        group = self.groups.setdefault(rejected.reason, [])
        self.counts[rejected.reason] = self.counts.get(rejected.reason, 0) + 1
        if len(group) < EACH_UP_TO:
            group.append(rejected)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def final(self) -> Iterable[Rejected]:
        """The rejections to store: each one of a reason that came at most :data:`EACH_UP_TO`
        times, one summary for each reason that came more often."""
        for reason, group in self.groups.items():
            count = self.counts[reason]
            if count <= EACH_UP_TO:
                yield from group
                continue
            examples = "; ".join(f"{r.locator or 'the input'}: {_shorten(r.detail)}"
                                 for r in group[:EXAMPLES])
            yield Rejected(reason, f"{count:,} records rejected; the first {EXAMPLES}: {examples}",
                           f"{group[0].locator} and {count - 1:,} more")


def _shorten(text: str) -> str:
    return text if len(text) <= EXAMPLE_DETAIL_CHARS else text[:EXAMPLE_DETAIL_CHARS - 1] + "…"


def _reject_unreadable(store: Store, report: IngestReport, path: str, error: OSError) -> str:
    """Record an input that cannot even be opened (missing, a broken link, no permission, a
    symlink loop, a FIFO or device) or a folder that cannot be listed; the path stored. ``path``
    is the real one: the id derives from it, the stored path is its displayable form."""
    report.inputs += 1
    input_id = stable_id(path, None, EXTRACTOR)
    reason, detail = unreadable_reason(error)
    display = display_path(path)
    rejection = Rejection(stable_id(path, None, "", reason), display, "", reason, detail,
                          None, None)
    with store.transaction():
        store.articles.add_input(InputRecord(input_id, display, "", 0, None, EXTRACTOR, 0, 0, 1))
        store.articles.add_rejection(rejection, input_id)
    report.rejections.append(rejection)
    return display
