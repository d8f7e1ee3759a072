"""Ingestion: every input becomes articles or recorded rejections, one transaction per input.

Nothing an input holds can stop the batch: a reader's exception rejects what is left of that
input, with the reason, and the next input goes on. An input that yields neither an article nor
a rejection (a feed without entries, a CSV with only its header) is rejected as
``empty-container``, so that every input leaves a trace. Many records of one input rejected for
one reason are recorded as one rejection with their count and the first of them (a CSV broken
by one stray quote can reject hundreds of thousands of rows).
"""

from __future__ import annotations

import logging
import os
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from crossbearing.clean.article import build_article
from crossbearing.clean.decode import wide_encoding
from crossbearing.clean.text import strip_controls
from crossbearing.errors import InputError
from crossbearing.ids import stable_id
from crossbearing.ingest.infer import infer_missing
from crossbearing.ingest.manifest import Facts, Statements, apply_facts
from crossbearing.ingest.readers import READ_WHOLE, READERS, SINGLE_DOCUMENT
from crossbearing.ingest.sniff import sniff
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
    transcoded,
    unreadable_reason,
)
from crossbearing.model import InputRecord, Rejected, Rejection
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
#: What an input of each format holds when it holds nothing: the detail of ``empty-container``.
EMPTY = {
    "feed": "a feed without entries", "csv": "a CSV or TSV file with no row below its header",
    "json": "a JSON document holding no records", "jsonl": "JSON Lines without a record",
    "warc": "a WARC crawl without HTML or text pages", "mbox": "a mailbox without messages",
}


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
    skipped."""
    options.progress.total(sum(1 for _ in iter_files(list(options.paths))))
    return ingest_paths(options.paths, store, limits=options.limits,
                        on_input=lambda _path: options.progress.advance(1),
                        statements=options.statements)


def ingest_paths(paths: Iterable[str | os.PathLike], store: Store, *, limits: Limits | None = None,
                 on_input: Callable[[str], None] | None = None,
                 statements: Statements | None = None) -> IngestReport:
    """Ingest every file under ``paths`` ("-" for standard input) into ``store``.

    ``statements`` holds what the analyst states about the inputs (a manifest, batch options);
    without it, the ``sources.csv`` or ``sources.toml`` manifests of the input folders are still
    read. A manifest is never ingested as an article."""
    paths = [os.fspath(path) for path in paths]
    limits = limits or Limits()
    statements = statements or Statements(roots=paths)
    report = IngestReport()
    own_files = store.own_files()
    for item in iter_files(paths):
        if isinstance(item, Unreadable):
            display = _reject_unreadable(store, report, item.path, item.error)
        elif item != STDIN and _real_path(item) in own_files:
            if on_input is not None:  # counted among the inputs: the progress must finish
                on_input(item)
            continue  # the database being written, found inside an ingested folder
        elif item != STDIN and statements.leaves_out(item):
            display = display_path(item)  # a manifest, or a file a manifest leaves out
        else:
            facts = statements.batch if item == STDIN else statements.facts_for(item)
            display = _ingest_item(item, store, limits, report, facts)
        if on_input is not None:
            on_input(display)
    report.warnings[:0] = statements.report()
    for warning in report.warnings:
        log.info("%s", warning)
    return report


def _ingest_item(item: str, store: Store, limits: Limits, report: IngestReport,
                 facts: Facts) -> str:
    """Read one file or standard input, or record why it cannot be read: the name it is
    stored under."""
    stdin = item == STDIN
    with ExitStack() as stack:
        try:
            source = stack.enter_context(read_stdin()) if stdin else source_from_file(item)
        except OSError as error:
            return _reject_unreadable(store, report, STDIN_NAME if stdin else item, error)
        ingest_source(source, store, limits, report, facts)
        return source.display


def _real_path(path: str) -> str | None:
    """The absolute path with links resolved; never raises, even on a symlink loop."""
    try:
        return os.path.realpath(path)
    except (OSError, RuntimeError, ValueError):
        return None


def ingest_source(source: Source, store: Store, limits: Limits, report: IngestReport,
                  facts: Facts | None = None) -> None:
    """Read one input into the store, unless this extractor has read these bytes there already
    (in an earlier run, or in a run going on at the same time). ``facts``, stated by the analyst,
    take the place of what the input says of itself."""
    report.inputs += 1
    input_id = stable_id(source.path, source.sha256, EXTRACTOR)
    if store.articles.find_input(input_id) is None:
        part = store.run_retrying(
            lambda: _ingest_new(source, input_id, store, limits, facts or Facts()))
        if part is not None:
            report.merge(part)
            return
    report.unchanged += 1
    report.rejections.extend(store.articles.input_rejections(input_id))


def _ingest_new(source: Source, input_id: str, store: Store, limits: Limits,
                facts: Facts) -> IngestReport | None:
    """Read an input inside the caller's transaction; None when another run recorded it first."""
    # The input row goes in first: articles and rejections refer to it, and it claims the
    # input: a concurrent run inserting the same row waits for this transaction, then skips.
    if not store.articles.claim_input(InputRecord(input_id, source.display, source.sha256,
                                                  source.size, None, EXTRACTOR, 0, 0, 0)):
        return None
    reader = _InputReader(source, input_id, store, limits, facts)
    reader.read()
    store.articles.add_input(InputRecord(input_id, source.display, source.sha256, source.size,
                                         reader.format, EXTRACTOR, reader.articles,
                                         reader.duplicates, reader.rejections.total))
    return reader.report


class _InputReader:
    """One input read into the store: its articles stored as they come, counted here and in
    ``report``; its rejections gathered by reason and stored at the end."""

    def __init__(self, source: Source, input_id: str, store: Store, limits: Limits,
                 facts: Facts) -> None:
        self.source = source
        self.facts = facts
        self.input_id = input_id
        self.store = store
        self.limits = limits
        self.report = IngestReport()
        self.rejections = _Rejections()
        self.format: str | None = None
        self.articles = 0
        self.duplicates = 0

    def read(self) -> None:
        self._read_records()
        source = self.source
        for rejected in self.rejections.final():
            rejection = Rejection(
                stable_id(source.path, source.sha256, rejected.locator, rejected.reason),
                source.display, strip_controls(rejected.locator), rejected.reason,
                strip_controls(rejected.detail), source.sha256, source.size)
            self.store.articles.add_rejection(rejection, self.input_id)
            self.report.rejections.append(rejection)

    def _read_records(self) -> None:
        """Sniff, read and store the input's articles, gathering its rejections. UTF-16 and
        UTF-32 input is read from a UTF-8 copy."""
        source, limits, reject = self.source, self.limits, self.rejections.add
        try:
            encoding = wide_encoding(source.head)
            with transcoded(source, encoding) if encoding else nullcontext(source) as readable:
                fmt = sniff(readable.head, source.path)
                self.format = fmt
                self.report.formats[fmt] = self.report.formats.get(fmt, 0) + 1
                if fmt in READ_WHOLE and readable.size > limits.max_document_bytes:
                    what = ("one document" if fmt in SINGLE_DOCUMENT
                            else f"an input read whole ({fmt})")
                    reject(Rejected("too-large", f"{readable.size:,} bytes is over the limit of "
                                    f"{limits.max_document_bytes:,} bytes for {what}"))
                    return
                self._store_items(readable, fmt)
        except InputError as error:
            reject(Rejected(error.reason, str(error)))
            return
        except OSError as error:  # the file went away or broke while it was read
            reason, detail = unreadable_reason(error)
            reject(Rejected(reason, detail))
            return
        if self.articles == 0 and self.rejections.total == 0:
            reject(Rejected("empty-container", EMPTY.get(fmt, f"a {fmt} input without an article")))

    def _store_items(self, readable: Source, fmt: str) -> None:
        """Run the format's reader over ``readable`` and store each article it yields."""
        reject = self.rejections.add
        items = iter(READERS[fmt](readable, self.limits))
        while True:
            # Only reading and cleaning are guarded: a store error must stop the run, not be
            # mistaken for a bad input.
            try:
                item = next(items, None)
            except InputError as error:
                where = "after the records read" if self.articles or self.rejections.total else ""
                reject(Rejected(error.reason, str(error), where))
                return
            except Exception as error:  # a reader bug must not stop the batch: record it, go on
                log.info("reader %s failed on %s", fmt, readable.display, exc_info=True)
                reject(Rejected("reader-error", f"{type(error).__name__}: {error}"))
                return
            if item is None:
                return
            if isinstance(item, Rejected):
                reject(item)
                continue
            try:
                item, conflicts = apply_facts(item, self.facts)
                self.report.warnings.extend(f"{readable.display}: {note}" for note in conflicts)
                article = build_article(infer_missing(item), readable.display)
            except Exception as error:  # one record that cleaning fails on; the reader goes on
                log.info("cleaning failed on %s [%s]", readable.display, item.locator,
                         exc_info=True)
                reject(Rejected("reader-error", f"{type(error).__name__}: {error}", item.locator))
                continue
            if isinstance(article, Rejected):
                reject(article)
                continue
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
