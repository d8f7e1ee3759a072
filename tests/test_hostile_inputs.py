"""Hostile inputs: whatever a folder holds, every input ends stored or rejected with a reason,
the good inputs beside the bad are stored, ingestion never raises, never hangs, and stays within
bounded memory.

The corpus comes from ``benchmarks/hostile_corpus.py`` (shared with the benchmark of the same
name). The quick corpus, a few inputs of each category, is read in this process under a
watchdog; the full corpus (over 300 inputs) is read by ``crossbearing ingest`` in a child
process whose peak memory is measured.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from helpers import deadline, unlistable

from crossbearing.ingest.run import ingest_paths
from crossbearing.ingest.source import Limits
from crossbearing.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from hostile_corpus import (  # noqa: E402
    LIMIT,
    MAX_PEAK_MB,
    ingest_in_subprocess,
    problems,
    restore_permissions,
    write_corpus,
)

#: Longest time one input of the quick corpus may take, and the whole quick run (seconds).
PER_INPUT_SECONDS = 10
QUICK_RUN_SECONDS = 120
#: Longest time the full corpus may take in its child process.
FULL_RUN_SECONDS = 600


@pytest.fixture
def watchdog():
    """Fail the test with a traceback instead of hanging past the quick run's time."""
    with deadline(QUICK_RUN_SECONDS):
        yield


@pytest.fixture
def corpus_folder(tmp_path):
    folder = tmp_path / "corpus"
    yield folder
    restore_permissions(folder)


def test_quick_corpus_every_input_is_stored_or_rejected(corpus_folder, db, watchdog,
                                                         monkeypatch):
    cases = write_corpus(corpus_folder, quick=True)
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
        assert problems(store, corpus_folder, cases, report.inputs) == []
        unlisted = [r for r in store.articles.rejections() if r.path == unreadable]
        assert [(r.reason, r.detail) for r in unlisted] == [("unreadable", "Permission denied")]
    slowest = max(durations)
    assert slowest[0] < PER_INPUT_SECONDS, f"{slowest[1]!r} took {slowest[0]:.1f} s"
    assert report.articles_added > 0 and report.rejected > 0


@pytest.mark.slow
def test_rereading_the_quick_corpus_changes_nothing(corpus_folder, db, watchdog, monkeypatch):
    cases = write_corpus(corpus_folder, quick=True)
    unlistable(monkeypatch, os.path.join(str(corpus_folder), "types", "unreadable"))
    limits = Limits(max_document_bytes=LIMIT)
    with open_store(db) as store:
        first = ingest_paths([str(corpus_folder)], store, limits=limits)
        counts = [store.count(table) for table in ("inputs", "articles", "rejections")]
        second = ingest_paths([str(corpus_folder)], store, limits=limits)
        assert [store.count(table) for table in ("inputs", "articles", "rejections")] == counts
        assert problems(store, corpus_folder, cases, first.inputs) == []
    assert second.articles_added == 0 and second.inputs == first.inputs


@pytest.mark.slow
def test_quick_corpus_in_a_child_process_within_memory(corpus_folder, tmp_path):
    cases = write_corpus(corpus_folder, quick=True)
    db = str(tmp_path / "hostile.db")
    run = ingest_in_subprocess([str(corpus_folder)], db, timeout=QUICK_RUN_SECONDS)
    assert not run.timed_out and run.status in (0, 1), run.stderr
    assert run.peak_mb < MAX_PEAK_MB
    with open_store(db) as store:
        assert problems(store, corpus_folder, cases, run.summary["inputs"]) == []


@pytest.mark.slow
def test_quick_corpus_on_postgresql(corpus_folder, pg_url, watchdog, monkeypatch):
    cases = write_corpus(corpus_folder, quick=True)
    unlistable(monkeypatch, os.path.join(str(corpus_folder), "types", "unreadable"))
    with open_store(pg_url) as store:
        report = ingest_paths([str(corpus_folder)], store, limits=Limits(max_document_bytes=LIMIT))
        assert problems(store, corpus_folder, cases, report.inputs) == []
    assert report.articles_added > 0


@pytest.mark.slow
def test_full_corpus_in_a_child_process_within_time_and_memory(corpus_folder, tmp_path):
    cases = write_corpus(corpus_folder)
    db = str(tmp_path / "hostile.db")
    run = ingest_in_subprocess([str(corpus_folder)], db, timeout=FULL_RUN_SECONDS)
    assert not run.timed_out, f"killed after {FULL_RUN_SECONDS} s: an input hangs"
    assert run.status in (0, 1), run.stderr  # 1: some inputs were rejected, as they must be
    assert run.summary["inputs"] >= 300
    assert run.peak_mb < MAX_PEAK_MB
    with open_store(db) as store:
        assert problems(store, corpus_folder, cases, run.summary["inputs"]) == []
        assert store.count("inputs") == run.summary["inputs"]
