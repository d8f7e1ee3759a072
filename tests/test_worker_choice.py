"""How many worker processes ``auto`` starts, and how a pool's batches are cut: a handful of
articles stays in this process, more get a worker per ``ARTICLES_PER_WORKER`` up to the limit."""

import subprocess
import sys

import pytest

from crossbearing import analysis
from crossbearing.executors import (
    ARTICLES_PER_WORKER,
    ProcessExecutor,
    SerialExecutor,
    make_executor,
    makes_a_pool,
    pool_size,
)
from crossbearing.annotate.run import PRELOAD, pool_batch_size, warm_up
from crossbearing.stages import AnalysisRun


@pytest.mark.parametrize("pending, workers, size", [
    (0, 8, 1), (5, 8, 1), (2 * ARTICLES_PER_WORKER - 1, 8, 1), (2 * ARTICLES_PER_WORKER, 8, 2),
    (100 * ARTICLES_PER_WORKER, 8, 8), (100 * ARTICLES_PER_WORKER, 1, 1),
    (3 * ARTICLES_PER_WORKER, 2, 2),
])
def test_the_pool_grows_with_the_work_up_to_the_workers_allowed(pending, workers, size):
    assert pool_size(pending, workers) == size


def test_without_a_limit_the_pool_is_bounded_by_the_cpus(monkeypatch):
    monkeypatch.setattr("crossbearing.executors.default_workers", lambda: 3)
    assert pool_size(10_000) == 3


def test_auto_runs_a_handful_of_articles_here_and_many_on_a_pool():
    assert isinstance(make_executor("auto", 4, pending=5), SerialExecutor)
    assert isinstance(make_executor("auto", 1, pending=10_000), SerialExecutor)
    pool = make_executor("auto", 4, pending=10_000)
    assert isinstance(pool, ProcessExecutor) and pool.workers == 4
    pool.close()  # nothing was started: a pool starts its processes on the first batch
    assert make_executor("auto", 2).workers == 2  # the amount of work not known: all allowed


@pytest.mark.parametrize("pending, workers, size", [
    (1000, 2, 64), (100, 2, 13), (24, 2, 3), (1, 4, 1), (0, 2, 1),
])
def test_a_pool_gets_about_four_batches_per_worker_never_over_the_batch_size(pending, workers,
                                                                            size):
    assert pool_batch_size(pending, workers, 64) == size


@pytest.mark.parametrize("executor, workers, told, starts", [
    ("auto", 2, [(1, 1, 2 * ARTICLES_PER_WORKER)], 1),  # enough inputs left for a pool: at once
    ("auto", 2, [(1, 1, 3), (2, 2, 2), (3, 3, 1)], 0),  # a handful: annotated in this process
    ("auto", 2, [(1, 200, 800)], 0),  # one new file among many known: about 4 more to come
    ("auto", 2, [(1, 1, 800)], 1),  # ... unless it comes first
    ("auto", 2, [(12, 2, 2)], 1),  # inputs of many articles each (feeds, JSONL)
    ("auto", 1, [(1, 1, 10_000)], 0),  # one worker: no pool
    ("auto", 8, [(k, k, 10_000 - k) for k in range(1, 50)], 1),  # started once only
    ("process", 2, [(1, 1, 0)], 1),  # a pool asked for, whatever the work
    ("serial", 8, [(1, 1, 10_000)], 0),
    ("dask", 8, [(1, 1, 10_000)], 0),  # Dask's workers load their own
])
def test_the_pools_workers_are_readied_while_ingest_goes_on_only_for_a_pool(
        monkeypatch, executor, workers, told, starts):
    started = []
    monkeypatch.setattr("crossbearing.annotate.run.start_forkserver",
                        lambda preload: started.append(preload) or True)
    on_added = warm_up(AnalysisRun(paths=[], executor=executor, workers=workers))
    for added, read, left in told:
        on_added(added, read, left)
    assert started == [PRELOAD] * starts


def test_a_forkserver_that_cannot_start_costs_ingest_nothing(monkeypatch):
    tried = []

    def refuse(preload):
        tried.append(preload)
        raise OSError("too many open files")

    monkeypatch.setattr("crossbearing.annotate.run.start_forkserver", refuse)
    on_added = warm_up(AnalysisRun(paths=[], workers=2))
    on_added(1, 1, 1000)  # logged, not raised
    on_added(2, 2, 999)
    assert tried == [PRELOAD]  # and not tried again


@pytest.mark.skipif(sys.platform != "linux", reason="pools fork from a forkserver on Linux only")
def test_the_forkserver_starts_with_its_modules_and_once():
    # In a fresh interpreter: this test session's own forkserver is left as it is.
    script = ("from multiprocessing import forkserver\n"
              "from crossbearing.executors import start_forkserver\n"
              "assert start_forkserver(('json',)) and start_forkserver(('json',))\n"
              "assert forkserver._forkserver._forkserver_pid is not None\n"
              "assert not start_forkserver(())\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("executor, workers, added, imported", [
    ("auto", 2, 2 * ARTICLES_PER_WORKER, ["datasketch"]),
    ("auto", 2, 2 * ARTICLES_PER_WORKER - 1, []),  # annotated in this process: nothing to hide
    ("auto", 1, 10_000, []),
    ("serial", 4, 10_000, []),
])
def test_later_stages_libraries_load_while_annotate_workers_parse(monkeypatch, executor, workers,
                                                                  added, imported):
    loaded = []
    monkeypatch.setattr(analysis.importlib, "import_module", loaded.append)
    run = AnalysisRun(paths=[], executor=executor, workers=workers,
                      summaries={"ingest": {"articles_added": added}})
    thread = analysis._import_beside(run)
    if thread is not None:
        thread.join(timeout=30)
    assert loaded == imported


def test_a_later_import_that_fails_is_left_to_the_stage_that_needs_it(monkeypatch):
    loaded = []

    def load(module):
        if module == "missing":
            raise ImportError(module)
        loaded.append(module)

    monkeypatch.setattr(analysis.importlib, "import_module", load)
    monkeypatch.setattr(analysis, "LATER_IMPORTS", ("missing", "datasketch"))
    run = AnalysisRun(paths=[], workers=2, summaries={"ingest": {"articles_added": 1000}})
    analysis._import_beside(run).join(timeout=30)
    assert loaded == ["datasketch"]  # past the failure, raised in no one's face


@pytest.mark.parametrize("kind", ["auto", "process", "serial"])
@pytest.mark.parametrize("workers, pending", [(1, 10_000), (2, 5), (2, 2 * ARTICLES_PER_WORKER),
                                              (4, None), (None, 10_000)])
def test_whether_a_pool_is_coming_is_what_make_executor_makes(kind, workers, pending):
    executor = make_executor(kind, workers, pending=pending)
    executor.close()  # nothing was started: a pool starts its processes on the first batch
    assert makes_a_pool(kind, workers, pending) == isinstance(executor, ProcessExecutor)
