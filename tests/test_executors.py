"""Executors: the article stage in a process pool and on a Dask local cluster gives, article for
article, what the serial run gives; a worker that dies mid-batch loses and duplicates nothing."""

import os
import time
from pathlib import Path

import pytest
from conftest import SAMPLE_CORPUS

from crossbearing import ingest_files
from crossbearing.annotate.nlp import _pipeline
from crossbearing.errors import ExecutorError, UsageError
from crossbearing.executors import (
    DaskExecutor,
    ProcessExecutor,
    SerialExecutor,
    make_executor,
)
from crossbearing.annotate.run import PRELOAD, annotate
from crossbearing.store import open_store

#: Worker processes and clusters take seconds each: CI runs them, a quick run leaves them out.
pytestmark = pytest.mark.slow

PEOPLE = [("Anna Lindqvist", "governor"), ("Tomas Berko", "police chief"),
          ("Mira Okafor", "health minister"), ("Jonas Vell", "mayor")]
PLACES = ["Vellmar", "Ostrava", "Kessel", "Brandt"]
EVENTS = ["a gas explosion destroyed a warehouse", "floods cut the main road",
          "a bridge collapsed under a lorry", "a fire swept through the old market"]


def invented_texts(n):
    """``n`` short reports of invented events: people, places, dates, counts and quotes."""
    for i in range(n):
        name, role = PEOPLE[i % 4]
        place, event = PLACES[(i // 2) % 4], EVENTS[(i + 1) % 4]
        yield (f"In {place} on Tuesday, {event}, and {i + 3} people were taken to hospital, "
               f"officials said. The {role}, {name}, told reporters on 12 March 2024 that "
               f"{2 * i + 5} families had been moved to a school. \"We will rebuild {place} "
               f"within {i + 2} months,\" {name.split()[1]} said. Police in {place} said about "
               f"{10 * i + 40} officers were deployed and the cause was under investigation.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A folder of invented articles, ingested with the sample corpus by each test's store."""
    folder = tmp_path_factory.mktemp("invented")
    for i, text in enumerate(invented_texts(14)):
        (folder / f"report-{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def ingested(tmp_path_factory, corpus, name):
    db = tmp_path_factory.mktemp(name) / "test.db"
    ingest_files([corpus, SAMPLE_CORPUS], db)
    return db


def dump(db):
    """Every table's rows, sorted, without the columns that record when something was done and
    without the full-text index's own tables (their row numbers follow the order of writes)."""
    with open_store(db) as store:
        tables = [r[0] for r in store.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if not r[0].startswith(("article_search", "quote_search"))]
        result = {}
        for table in tables:
            cursor = store.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            keep = [i for i, n in enumerate(names) if not n.endswith("_at")]
            result[table] = sorted((tuple(row[i] for i in keep) for row in cursor.fetchall()),
                                   key=repr)
        return result


def per_article(db, table):
    with open_store(db) as store:
        return dict(store.execute(f"SELECT article_id, COUNT(*) FROM {table} GROUP BY article_id"))


@pytest.fixture(scope="module")
def serial(tmp_path_factory, corpus):
    db = ingested(tmp_path_factory, corpus, "serial")
    with open_store(db) as store:
        report = annotate(store, batch_size=3)
    assert report.annotated == report.pending >= 18
    return dump(db)


@pytest.fixture(scope="module")
def dask_cluster():
    with DaskExecutor(workers=2) as executor:
        yield executor


@pytest.fixture(scope="module")
def pool():
    """A pool as the annotate stage starts one: its workers forked from a forkserver that
    loaded the stage."""
    with ProcessExecutor(2, preload=PRELOAD) as executor:
        yield executor


def loads(_item):
    """This worker's process id and how many times it has built the spaCy pipeline."""
    return os.getpid(), _pipeline.cache_info().misses


class DieOnce:
    """The batch function, except that the worker process exits abruptly the first time it is
    given the batch holding ``victim`` (a marker file records that it did)."""

    def __init__(self, fn, marker: Path, victim: str):
        self.fn, self.marker, self.victim = fn, marker, victim

    def __call__(self, batch):
        if any(a.id == self.victim for a in batch) and not self.marker.exists():
            self.marker.write_text(str(os.getpid()))
            os._exit(1)
        return self.fn(batch)


class Dying:
    """An executor that runs its batches through :class:`DieOnce`."""

    def __init__(self, inner, marker, victim):
        self.inner, self.marker, self.victim = inner, marker, victim
        self.workers = inner.workers

    def map_batches(self, fn, batches):
        return self.inner.map_batches(DieOnce(fn, self.marker, self.victim), batches)


def run_identical(tmp_path_factory, corpus, serial, executor, name):
    db = ingested(tmp_path_factory, corpus, name)
    with open_store(db) as store:
        report = annotate(store, batch_size=3, executor=executor)
    assert report.annotated == report.pending
    assert dump(db) == serial


def run_with_a_death(tmp_path_factory, corpus, serial, executor, name):
    db = ingested(tmp_path_factory, corpus, name)
    marker = tmp_path_factory.mktemp(name + "-marker") / "died"
    with open_store(db) as store:
        ids = sorted(a.id for a in store.articles.all() if a.analysable)
        victim = ids[len(ids) // 2]
        report = annotate(store, batch_size=3, executor=Dying(executor, marker, victim))
    assert marker.exists(), "the worker did not die"
    assert report.annotated == len(ids)
    runs = per_article(db, "stage_runs")
    assert runs == {i: 1 for i in ids}
    # Row counts per article, and every row, as in the serial run: none missing, none twice.
    assert per_article(db, "sentences") == _counts(serial["sentences"])
    assert dump(db) == serial


def _counts(rows):
    counts = {}
    for row in rows:
        counts[row[0]] = counts.get(row[0], 0) + 1
    return counts


def test_dask_local_cluster_gives_the_serial_results(tmp_path_factory, corpus, serial,
                                                     dask_cluster):
    run_identical(tmp_path_factory, corpus, serial, dask_cluster, "dask")
    # Each worker built the pipeline once and kept it for every later batch.
    seen = [r for _, r in dask_cluster.map_batches(loads, range(6))]
    assert {misses for _, misses in seen} == {1}
    # A second client, given the scheduler's address, uses the same warm workers.
    with DaskExecutor(scheduler=dask_cluster.cluster.scheduler_address) as remote:
        assert remote.workers == 2
        assert {r for _, r in remote.map_batches(loads, range(4))} <= set(seen)


def pipelines_built(_item):
    """How many pipelines this worker holds."""
    return _pipeline.cache_info().currsize


def test_a_preloaded_pool_starts_its_workers_with_the_pipeline_built():
    with ProcessExecutor(1, preload=PRELOAD) as preloaded:
        assert [r for _, r in preloaded.map_batches(pipelines_built, [0])] == [1]
    with ProcessExecutor(1) as spawned:
        assert [r for _, r in spawned.map_batches(pipelines_built, [0])] == [0]


def test_process_pool_gives_the_serial_results(tmp_path_factory, corpus, serial, pool):
    run_identical(tmp_path_factory, corpus, serial, pool, "pool")
    seen = [r for _, r in pool.map_batches(loads, range(6))]
    assert {misses for _, misses in seen} == {1}
    assert len({pid for pid, _ in seen}) <= 2


def test_a_dask_worker_dying_mid_batch_loses_and_duplicates_nothing(tmp_path_factory, corpus,
                                                                    serial, dask_cluster):
    run_with_a_death(tmp_path_factory, corpus, serial, dask_cluster, "dask-death")


def test_a_pool_worker_dying_mid_batch_loses_and_duplicates_nothing(tmp_path_factory, corpus,
                                                                    serial, pool):
    restarts = pool.restarts
    run_with_a_death(tmp_path_factory, corpus, serial, pool, "pool-death")
    assert pool.restarts == restarts + 1


def always_die(_batch):
    os._exit(1)


def test_a_batch_that_kills_every_worker_is_given_up():
    with ProcessExecutor(1, max_attempts=2) as executor, pytest.raises(ExecutorError):
        list(executor.map_batches(always_die, [1]))
    assert executor.restarts == 2


def test_serial_executor_and_names():
    assert list(SerialExecutor().map_batches(len, ["ab", "c"])) == [("ab", 2), ("c", 1)]
    with pytest.raises(UsageError):
        make_executor("threads")
    with pytest.raises(UsageError):
        make_executor("process", scheduler="tcp://127.0.0.1:8786")


def test_saving_an_article_again_replaces_its_annotations(tmp_path_factory, corpus, serial):
    """What makes a batch computed twice harmless: saving the same results again changes nothing."""
    from crossbearing.annotate.stage import annotate_articles
    from crossbearing.annotate.run import save

    db = ingested(tmp_path_factory, corpus, "twice")
    with open_store(db) as store:
        annotate(store, batch_size=5)
        articles = store.articles.articles_by_id(sorted(a.id for a in store.articles.all() if a.analysable)[:4])
        for _ in range(2):
            with store.transaction():
                for result in annotate_articles(articles):
                    save(store, result)
    assert dump(db) == serial


def test_a_task_that_kills_every_dask_worker_is_given_up(dask_cluster):
    """After ``allowed-failures`` worker deaths Dask gives the task up; the run stops."""
    with pytest.raises(ExecutorError):
        list(dask_cluster.map_batches(always_die, [1]))


def test_the_annotate_command_runs_on_a_process_pool(tmp_path):
    import json

    from click.testing import CliRunner

    from crossbearing.cli import cli

    for i, text in enumerate(invented_texts(3)):
        (tmp_path / f"r{i}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path.parent / f"{tmp_path.name}.db")
    ingest_files([tmp_path], db)
    run = CliRunner().invoke(cli, ["annotate", "--db", db, "--executor", "process", "--workers",
                                   "1", "--json"], catch_exceptions=False)
    assert run.exit_code == 0 and json.loads(run.stdout)["annotated"] == 3
    assert set(per_article(db, "stage_runs").values()) == {1}
    wrong = CliRunner().invoke(cli, ["annotate", "--db", db, "--scheduler", "tcp://127.0.0.1:1"])
    assert wrong.exit_code == 2


def square_or_die(item):
    """``i * i``, except that the worker exits the first time it is given ``i == 3``."""
    i, marker = item
    if i == 3 and not os.path.exists(marker):
        Path(marker).write_text("died")
        os._exit(1)
    time.sleep(0.05)
    return i * i


def test_a_pool_that_breaks_while_the_caller_saves_loses_nothing(tmp_path):
    """The pool may break while the caller is busy between two results (saving a batch): the
    next submission is refused, and that batch too is submitted again to the fresh pool."""
    marker = str(tmp_path / "died")
    seen = []
    with ProcessExecutor(2, window=2) as executor:
        for (i, _), result in executor.map_batches(square_or_die, [(i, marker) for i in range(8)]):
            time.sleep(0.3)
            seen.append((i, result))
    assert sorted(seen) == [(i, i * i) for i in range(8)]
    assert executor.restarts == 1


def test_analyze_on_every_core_stores_what_one_process_stores(tmp_path):
    from crossbearing.analysis import analyze
    from crossbearing.stages import AnalysisRun
    from crossbearing.executors import pool_size

    folder = tmp_path / "inputs"
    folder.mkdir()
    for i, text in enumerate(invented_texts(30)):
        (folder / f"report-{i:02d}.txt").write_text(text, encoding="utf-8")
    assert pool_size(30, 2) == 2  # enough work for the pool to be used
    dumps = []
    for workers in (1, 2):
        db = tmp_path / f"workers-{workers}.db"
        with open_store(db) as store:
            run = AnalysisRun(paths=[str(folder)], out=tmp_path / f"out-{workers}",
                              workers=workers)
            summary = analyze(store, run)
        assert summary["stages"]["annotate"]["annotated"] == 30 and summary["failed"] == 0
        dumps.append(dump(db))
    assert dumps[0] == dumps[1]
