"""Ingestion: every input becomes articles or recorded rejections, one transaction per input.

Nothing an input holds can stop the batch: a reader's exception rejects what is left of that
input, with the reason, and the next input goes on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from crossbearing.clean.article import build_article
from crossbearing.errors import InputError
from crossbearing.ids import stable_id
from crossbearing.ingest.readers import READERS, SINGLE_DOCUMENT
from crossbearing.ingest.sniff import sniff
from crossbearing.ingest.source import (
    STDIN,
    Limits,
    Source,
    iter_files,
    read_stdin,
    source_from_file,
)
from crossbearing.model import InputRecord, Rejected, Rejection
from crossbearing.store import Store

log = logging.getLogger(__name__)

#: Version of the ingestion code. Bump it when readers or cleaning change what they produce:
#: inputs read by an older version are then read again on the next run.
EXTRACTOR = "crossbearing.ingest.v1"


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


def ingest_paths(paths: Iterable[str], store: Store, *, limits: Limits | None = None,
                 on_input: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest every file under ``paths`` ("-" for standard input) into ``store``."""
    limits = limits or Limits()
    report = IngestReport()
    own_files = store.own_files()
    for item in iter_files(list(paths)):
        if item != STDIN and str(Path(item).resolve()) in own_files:
            continue  # the database being written, found inside an ingested folder
        display = "<stdin>" if item == STDIN else str(item)
        try:
            source = read_stdin() if item == STDIN else source_from_file(Path(item))
        except OSError as error:
            _reject_unreadable(store, report, display, error)
        else:
            ingest_source(source, store, limits, report)
        if on_input is not None:
            on_input(display)
    return report


def ingest_source(source: Source, store: Store, limits: Limits, report: IngestReport) -> None:
    """Read one input into the store, unless this extractor has read these bytes there already
    (in an earlier run, or in a run going on at the same time)."""
    report.inputs += 1
    input_id = stable_id(source.path, source.sha256, EXTRACTOR)
    if store.find_input(input_id) is None:
        part = store.run_retrying(lambda: _ingest_new(source, input_id, store, limits))
        if part is not None:
            report.merge(part)
            return
    report.unchanged += 1
    report.rejections.extend(store.input_rejections(input_id))


def _ingest_new(source: Source, input_id: str, store: Store, limits: Limits) -> IngestReport | None:
    """Read an input inside the caller's transaction; None when another run recorded it first."""
    # The input row goes in first: articles and rejections refer to it, and it claims the
    # input: a concurrent run inserting the same row waits for this transaction, then skips.
    if not store.claim_input(InputRecord(input_id, source.path, source.sha256, source.size, None,
                                         EXTRACTOR, 0, 0, 0)):
        return None
    part = IngestReport()
    counts = _read_into(source, input_id, store, limits, part)
    store.add_input(InputRecord(input_id, source.path, source.sha256, source.size,
                                counts["format"], EXTRACTOR, counts["articles"],
                                counts["duplicates"], counts["rejections"]))
    return part


def _read_into(source: Source, input_id: str, store: Store, limits: Limits,
               report: IngestReport) -> dict:
    counts = {"format": None, "articles": 0, "duplicates": 0, "rejections": 0}

    def reject(rejected: Rejected) -> None:
        rejection = Rejection(stable_id(source.path, source.sha256, rejected.locator, rejected.reason),
                              source.path, rejected.locator, rejected.reason, rejected.detail,
                              source.sha256, source.size)
        store.add_rejection(rejection, input_id)
        report.rejections.append(rejection)
        counts["rejections"] += 1

    try:
        fmt = sniff(source.head, source.path)
    except InputError as error:
        reject(Rejected(error.reason, str(error)))
        return counts
    counts["format"] = fmt
    report.formats[fmt] = report.formats.get(fmt, 0) + 1
    if fmt in SINGLE_DOCUMENT and source.size > limits.max_document_bytes:
        reject(Rejected("too-large", f"{source.size:,} bytes is over the limit of "
                        f"{limits.max_document_bytes:,} bytes for one document"))
        return counts
    items = iter(READERS[fmt](source, limits))
    while True:
        # Only reading and cleaning are guarded: a store error must stop the run, not be
        # mistaken for a bad input.
        try:
            item = next(items, None)
            if item is None:
                break
            article = item if isinstance(item, Rejected) else build_article(item, source.path)
        except InputError as error:
            where = "after the records read" if counts["articles"] or counts["rejections"] else ""
            reject(Rejected(error.reason, str(error), where))
            break
        except Exception as error:  # a reader bug must not stop the batch: record it, go on
            log.exception("reader %s failed on %s", fmt, source.path)
            reject(Rejected("reader-error", f"{type(error).__name__}: {error}"))
            break
        if isinstance(article, Rejected):
            reject(article)
            continue
        counts["articles"] += 1
        report.article_ids.append(article.id)
        if store.add_article(article, input_id):
            report.articles_added += 1
        else:
            counts["duplicates"] += 1
            report.already_stored += 1
    return counts


def _reject_unreadable(store: Store, report: IngestReport, path: str, error: OSError) -> None:
    """An input that cannot even be opened (missing, a broken link, no permission)."""
    report.inputs += 1
    input_id = stable_id(path, None, EXTRACTOR)
    reason = "missing" if isinstance(error, FileNotFoundError) else "unreadable"
    rejection = Rejection(stable_id(path, None, "", reason), path, "", reason,
                          error.strerror or str(error), None, None)
    with store.transaction():
        store.add_input(InputRecord(input_id, path, "", 0, None, EXTRACTOR, 0, 0, 1))
        store.add_rejection(rejection, input_id)
    report.rejections.append(rejection)
