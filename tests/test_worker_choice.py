"""How many worker processes ``auto`` starts, and how a pool's batches are cut: a handful of
articles stays in this process, more get a worker per ``ARTICLES_PER_WORKER`` up to the limit."""

import pytest

from crossbearing.executors import (
    ARTICLES_PER_WORKER,
    ProcessExecutor,
    SerialExecutor,
    make_executor,
    pool_size,
)
from crossbearing.annotate.run import pool_batch_size


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
