"""Hostile inputs: whatever a folder holds, every input ends stored or rejected with a reason,
the good inputs beside the bad are stored, ingestion never raises, never hangs, and stays within
bounded memory.

The corpus comes from ``benchmarks/hostile_corpus.py`` (shared with the benchmark of the same
name). The quick corpus, a few inputs of each category, is read in this process under a
watchdog; the full corpus (over 300 inputs) is read by ``crossbearing ingest`` in a child
process whose peak memory is measured.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from crossbearing.ingest.run import ingest_paths
from crossbearing.ingest.source import Limits, display_path
from crossbearing.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from hostile_corpus import (  # noqa: E402
    ANY,
    LIMIT,
    REJECTED,
    SECRET,
    STORED,
    Case,
    ingest_in_subprocess,
    restore_permissions,
    write_corpus,
)

#: Longest time one input of the quick corpus may take, and the whole quick run (seconds).
PER_INPUT_SECONDS = 10
QUICK_RUN_SECONDS = 120
#: Longest time the full corpus may take in its child process, and the most memory it may use.
FULL_RUN_SECONDS = 600
MAX_PEAK_MB = 1024


class Hang(BaseException):
    """Raised by the watchdog; not an Exception (nor an OSError, as TimeoutError is), so that
    no handler for bad input can swallow it."""


@pytest.fixture
def watchdog():
    """Fail the test with a traceback instead of hanging: SIGALRM after the quick run's time,
    and every second after, should something catch it anyway."""

    def expired(signum, frame):
        raise Hang(f"ingestion ran past {QUICK_RUN_SECONDS} s: an input hangs")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, QUICK_RUN_SECONDS, 1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def corpus_folder(tmp_path):
    folder = tmp_path / "corpus"
    yield folder
    restore_permissions(folder)


def unlistable(monkeypatch, folder: str) -> None:
    """Make ``folder`` fail to list, as a folder without read permission does for anyone but
    root (tests may run as root, for whom ``chmod 000`` changes nothing)."""
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", folder)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def problems_with(store, folder: Path, cases: list[Case], inputs_counted: int) -> list[str]:
    """Everything the store holds that breaks the rules: an input with neither article nor
    rejection, an input missing or unexpected, an expectation unmet, a secret leaked."""
    problems = []
    expected = {display_path(os.path.join(str(folder), case.name)): case for case in cases}
    rows = store.execute("SELECT input_id, path, articles, rejections FROM inputs").fetchall()
    reasons = defaultdict(list)
    for input_id, reason, detail in store.execute(
            "SELECT input_id, reason, detail FROM rejections").fetchall():
        reasons[input_id].append(reason)
        if SECRET in detail:
            problems.append(f"secret in a rejection: {detail[:200]}")
    if len(rows) != inputs_counted:
        problems.append(f"{len(rows)} input rows for {inputs_counted} inputs")
    if len({path for _id, path, _articles, _rejections in rows}) != len(rows):
        problems.append("an input recorded twice")
    seen = set()
    for input_id, path, articles, rejections in rows:
        seen.add(path)
        case = expected.get(path)
        if case is None:
            problems.append(f"unexpected input {path!r}")
            continue
        rejected = bool(reasons[input_id]) and all(reasons[input_id])
        if articles == 0 and not rejected:
            problems.append(f"{case.name!r} ({case.category}): neither stored nor rejected")
        if case.expect == STORED and articles == 0:
            problems.append(f"{case.name!r} ({case.category}): not stored: {reasons[input_id]}")
        if case.expect == REJECTED and (articles or not rejected):
            problems.append(f"{case.name!r} ({case.category}): {articles} articles, not rejected")
        if reasons[input_id] and rejections < len(reasons[input_id]):
            problems.append(f"{case.name!r}: counts {rejections} rejections, "
                            f"stores {len(reasons[input_id])}")
    for path, case in expected.items():
        if path not in seen and not case.optional:
            problems.append(f"{case.name!r} ({case.category}): never read")
    for article in store.articles():
        fields = [article.text, article.title or "", *article.authors, str(article.metadata)]
        if any(SECRET in field for field in fields):
            problems.append(f"secret read into article {article.id} from {article.source_path}")
    return problems


def test_quick_corpus_every_input_is_stored_or_rejected(corpus_folder, db, watchdog,
                                                         monkeypatch):
    cases = write_corpus(corpus_folder, quick=True)
    assert {case.expect for case in cases} == {STORED, REJECTED, ANY}
    assert len({case.category for case in cases}) >= 13
    unreadable = os.path.join(str(corpus_folder), "types", "unreadable")
    unlistable(monkeypatch, unreadable)
    durations = []
    started = [time.monotonic()]

    def on_input(path: str) -> None:
        now = time.monotonic()
        durations.append((now - started[0], path))
        started[0] = now

    with open_store(db) as store:
        report = ingest_paths([str(corpus_folder)], store,
                              limits=Limits(max_document_bytes=LIMIT), on_input=on_input)
        assert problems_with(store, corpus_folder, cases, report.inputs) == []
        unlisted = [r for r in store.rejections() if r.path == unreadable]
        assert [(r.reason, r.detail) for r in unlisted] == [("unreadable", "Permission denied")]
    slowest = max(durations)
    assert slowest[0] < PER_INPUT_SECONDS, f"{slowest[1]!r} took {slowest[0]:.1f} s"
    assert report.articles_added > 0 and report.rejected > 0


def test_rereading_the_quick_corpus_changes_nothing(corpus_folder, db, watchdog, monkeypatch):
    cases = write_corpus(corpus_folder, quick=True)
    unlistable(monkeypatch, os.path.join(str(corpus_folder), "types", "unreadable"))
    limits = Limits(max_document_bytes=LIMIT)
    with open_store(db) as store:
        first = ingest_paths([str(corpus_folder)], store, limits=limits)
        counts = [store.count(table) for table in ("inputs", "articles", "rejections")]
        second = ingest_paths([str(corpus_folder)], store, limits=limits)
        assert [store.count(table) for table in ("inputs", "articles", "rejections")] == counts
        assert problems_with(store, corpus_folder, cases, first.inputs) == []
    assert second.articles_added == 0 and second.inputs == first.inputs


def test_quick_corpus_in_a_child_process_within_memory(corpus_folder, tmp_path):
    cases = write_corpus(corpus_folder, quick=True)
    db = str(tmp_path / "hostile.db")
    run = ingest_in_subprocess([str(corpus_folder)], db, timeout=QUICK_RUN_SECONDS)
    assert not run.timed_out and run.status in (0, 1), run.stderr
    assert run.peak_mb < MAX_PEAK_MB
    with open_store(db) as store:
        assert problems_with(store, corpus_folder, cases, run.summary["inputs"]) == []


@pytest.mark.slow
def test_quick_corpus_on_postgresql(corpus_folder, pg_url, watchdog, monkeypatch):
    cases = write_corpus(corpus_folder, quick=True)
    unlistable(monkeypatch, os.path.join(str(corpus_folder), "types", "unreadable"))
    with open_store(pg_url) as store:
        report = ingest_paths([str(corpus_folder)], store, limits=Limits(max_document_bytes=LIMIT))
        assert problems_with(store, corpus_folder, cases, report.inputs) == []
    assert report.articles_added > 0


@pytest.mark.slow
def test_full_corpus_in_a_child_process_within_time_and_memory(corpus_folder, tmp_path):
    cases = write_corpus(corpus_folder)
    assert len(cases) >= 300
    db = str(tmp_path / "hostile.db")
    run = ingest_in_subprocess([str(corpus_folder)], db, timeout=FULL_RUN_SECONDS)
    assert not run.timed_out, f"killed after {FULL_RUN_SECONDS} s: an input hangs"
    assert run.status in (0, 1), run.stderr  # 1: some inputs were rejected, as they must be
    assert run.peak_mb < MAX_PEAK_MB
    with open_store(db) as store:
        assert problems_with(store, corpus_folder, cases, run.summary["inputs"]) == []
        assert store.count("inputs") == run.summary["inputs"]
