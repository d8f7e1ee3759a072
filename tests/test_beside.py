"""The exports run in another process beside the dossier when the run may use more than one
core: the files are those a run in one process writes, and a child that cannot open the
database leaves the stage to this process, losing nothing."""

import json

import pytest
from conftest import SAMPLE_CORPUS
from test_rerun_skip import FILES, comparable, seeds  # noqa: F401 (seeds: a fixture)

import crossbearing.beside as beside
from crossbearing.analysis import analyze
from crossbearing.stages import AnalysisRun
from crossbearing.store import open_store
from crossbearing.store.sqlite import SQLiteStore


def full_run(db, out, workers):
    """Every stage from the corpus steps on, as the sample corpus's first run ran them."""
    with open_store(db) as store:
        store.runs.forget_run_states()
        return analyze(store, AnalysisRun(paths=[str(SAMPLE_CORPUS)], out=out, workers=workers))


def test_exports_written_beside_the_dossier_are_those_one_process_writes(seeds, tmp_path,
                                                                        monkeypatch):
    monkeypatch.setattr(beside, "BESIDE_FROM_ARTICLES", 1)
    started, collected = [], []
    start, result = beside.start, beside.Beside.result
    monkeypatch.setattr(beside, "start", lambda *a: started.append(a[1]) or start(*a))
    monkeypatch.setattr(beside.Beside, "result",
                        lambda self, *a: collected.append(result(self, *a)) or collected[-1])
    alone = full_run(seeds, tmp_path / "alone", workers=1)
    assert started == []  # one core: nothing beside
    both = full_run(seeds, tmp_path / "both", workers=2)
    assert started == ["crossbearing.export.run:run"]
    assert collected and collected[0] is not None  # the child ran it: not this process again
    assert both["stages"]["export"] == json.loads(
        json.dumps(alone["stages"]["export"]).replace(str(tmp_path / "alone"),
                                                      str(tmp_path / "both")))
    assert both["exports"] and both["failed"] == alone["failed"]
    for name in FILES:  # byte for byte, but the time the ACLED file was written
        assert comparable(tmp_path / "both", name) == comparable(tmp_path / "alone", name), name


def test_a_child_that_cannot_open_the_database_leaves_the_stage_here(seeds, tmp_path,
                                                                    monkeypatch, caplog):
    monkeypatch.setattr(beside, "BESIDE_FROM_ARTICLES", 1)
    nowhere = str(tmp_path / "gone" / "x.db")  # its folder does not exist: open_store refuses
    monkeypatch.setattr(SQLiteStore, "address", lambda self: nowhere)
    with caplog.at_level("WARNING", logger="crossbearing.beside"):
        summary = full_run(seeds, tmp_path / "out", workers=2)
    assert "did not run beside" in caplog.text  # the child was started and declined
    assert set(summary["stages"]["export"]) == {"crossbearing.json", "acled.csv", "citations.csv"}
    assert all((tmp_path / "out" / name).stat().st_size > 0 for name in FILES)


def test_nothing_runs_beside_on_one_core_a_handful_or_very_many_articles_or_in_memory(
        seeds, monkeypatch):
    two = AnalysisRun(paths=[], workers=2)
    with open_store(seeds) as store:
        assert store.address() == str(seeds.resolve())
        assert not beside.worth_it(store, AnalysisRun(paths=[], workers=1))
        assert not beside.worth_it(store, two)  # 5 articles
        monkeypatch.setattr(beside, "BESIDE_FROM_ARTICLES", 1)
        assert beside.worth_it(store, two)
        monkeypatch.setattr(beside, "BESIDE_UP_TO_ARTICLES", 4)
        assert not beside.worth_it(store, two)  # two copies would not fit in memory
        store.location = ":memory:"
        assert store.address() is None
        assert beside.start(store, "crossbearing.export.run:run", AnalysisRun(paths=[])) is None


@pytest.mark.slow
def test_the_child_opens_the_same_database_on_each_backend(store_location, tmp_path,
                                                          monkeypatch):
    monkeypatch.setattr(beside, "BESIDE_FROM_ARTICLES", 1)
    collected = []
    result = beside.Beside.result
    monkeypatch.setattr(beside.Beside, "result",
                        lambda self, *a: collected.append(result(self, *a)) or collected[-1])
    with open_store(store_location) as store:
        summary = analyze(store, AnalysisRun(paths=[str(SAMPLE_CORPUS)], out=tmp_path / "out",
                                             workers=2))
    [export] = collected  # the child's summary, not None: it opened the database and ran
    assert export == summary["stages"]["export"]
    assert export["crossbearing.json"]["counts"]["articles"] == summary["articles"] == 5
    assert summary["failed"] == 0
