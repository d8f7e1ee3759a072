"""Two runs on one database at once, as two OS processes running the command: nothing is
stored twice, nothing is lost, and the counts add up exactly. On both backends."""

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT

from crossbearing import ingest_files
from crossbearing.annotate.results import STAGE, stage_version
from crossbearing.store import open_store
from crossbearing.store.migrations import MIGRATIONS

#: Worker processes and clusters take seconds each: CI runs them, a quick run leaves them out.
pytestmark = pytest.mark.slow

#: Countries, not towns: finding a town loads the gazetteer, seconds in every process.
PLACES = ("Norway", "Chile", "Kenya", "Peru", "Ghana", "Nepal")


def story(i: int) -> str:
    """An invented local news report, different for every ``i``."""
    place = PLACES[i % len(PLACES)]
    return (f"Budget meeting {i} in {place}\n\nThe government of {place} met on Tuesday and "
            f"approved plan number {i} for the old port. Minister Anna Keller said the work "
            f"would start in March and cost about {i + 3} million dollars. Traders told the "
            f"Harbour Courier that {i % 7 + 2} shops had already closed this year.")


def crossbearing(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.Popen([sys.executable, "-c", "from crossbearing.cli import main; main()",
                             *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(*runs: subprocess.Popen) -> list[dict]:
    summaries = []
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        summaries.append(json.loads(out))
    return summaries


def write(folder, name: str, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text)


def test_two_ingest_runs_on_overlapping_inputs(tmp_path, store_location):
    shared, a, b = tmp_path / "shared", tmp_path / "a", tmp_path / "b"
    for i in range(120):
        write(shared, f"s{i:03}.txt", story(i))
    for i in range(40):
        write(a, f"a{i:03}.txt", story(1000 + i))
        write(b, f"b{i:03}.txt", story(2000 + i))
    for i in range(30):  # the same articles under other names: other inputs, same article ids
        write(a, f"copy{i:03}.txt", story(i))
        write(b, f"copy{i:03}.txt", story(i))
    first = crossbearing("ingest", str(a), str(shared), "--db", store_location, "--json")
    second = crossbearing("ingest", str(shared), str(b), "--db", store_location, "--json")
    summaries = finish(first, second)
    assert sum(s["articles_added"] for s in summaries) == 200
    with open_store(store_location) as store:
        assert store.count("articles") == 200
        assert store.count("inputs") == 260
        articles, duplicates = store.execute(
            "SELECT SUM(articles), SUM(duplicates) FROM inputs").fetchone()
        titles = [a.title for a in store.articles.all()]
    assert (articles, duplicates) == (260, 60)
    assert len(set(titles)) == 200


def test_two_annotate_runs_share_the_work(tmp_path, pg_url):
    # PostgreSQL only: on SQLite the runs take turns under the write lock, which the
    # single-process tests cover; two processes loading the language model cost seconds each.
    records = [{"url": f"https://courier.example/{i}", "title": f"Meeting {i}",
                "text": story(i).split("\n\n", 1)[1]} for i in range(16)]
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    ingest_files([tmp_path], pg_url)
    runs = [crossbearing("annotate", "--db", pg_url, "--batch-size", "2", "--json")
            for _ in range(2)]
    summaries = finish(*runs)
    assert sum(s["annotated"] for s in summaries) == 16  # no article annotated twice
    with open_store(pg_url) as store:
        assert store.count("stage_runs") == 16
        assert store.count("mentions") == sum(s["mentions"] for s in summaries) > 16
        assert store.count("time_expressions") == sum(s["time_expressions"] for s in summaries)
        assert store.count("article_terms") == 16
        assert store.annotations.pending_articles(STAGE, stage_version()) == []


def test_two_processes_migrate_a_new_database_at_once(store_location):
    code = "import sys; from crossbearing.store import open_store; open_store(sys.argv[1]).close()"
    env = {"PYTHONPATH": str(ROOT / "src")}
    runs = [subprocess.Popen([sys.executable, "-c", code, store_location], env=env,
                             stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for run in runs:
        assert run.wait(timeout=60) == 0, run.stderr.read()
    with open_store(store_location) as store:
        versions = [r[0] for r in store.execute("SELECT version FROM schema_migrations")]
    assert sorted(versions) == [m.version for m in MIGRATIONS]


def test_two_analyze_runs_at_once_on_one_postgresql_database(tmp_path, postgres_server):
    """The whole analysis twice at once on overlapping folders: every article once, the shared
    results (stories, events, claim groups) recomputed by one run after the other, never mixed."""
    from conftest import SAMPLE_CORPUS

    url = postgres_server.create_database()
    extra = tmp_path / "extra"
    for i in range(6):
        write(extra, f"e{i}.txt", story(3000 + i))
    runs = [crossbearing("analyze", str(SAMPLE_CORPUS), *more, "--db", url, "--out",
                         str(tmp_path / f"out{n}"), "--no-progress", "--json")
            for n, more in enumerate(([str(extra)], []))]
    first, second = finish(*runs)
    assert first["articles"] >= 5 and second["articles"] >= 5
    with open_store(url) as store:
        assert store.count("articles") == 11
        ids = [r[0] for r in store.execute("SELECT article_id FROM articles")]
        assert len(ids) == len(set(ids))
        assert store.count("story_articles") == 11
        runs_per_article = store.execute(
            "SELECT article_id, COUNT(*) FROM stage_runs GROUP BY article_id").fetchall()
        assert len(runs_per_article) == 11 and {n for _, n in runs_per_article} == {1}
        sources = store.execute("SELECT article_id, start FROM event_sources").fetchall()
        undenied = set(store.execute(  # a denied act makes no event (corpus.events)
            "SELECT article_id, start FROM event_mentions WHERE mode <> 'negated'").fetchall())
        quoted = {(q.article_id, q.told_at) for q in store.annotations.quotes()}
        assert len(sources) == len(set(sources))  # each report of an event once
        assert set(sources) <= undenied | quoted and set(sources) & undenied
        [strike] = [e for e in store.events.all() if e.event_type == "air_drone_strike"
                    and e.date_start == "2024-02-07" and e.mode == "asserted"]
        assert strike.articles >= 4
        assert store.count("claim_groups") >= 1


def test_a_second_analyze_on_one_sqlite_file_waits_its_turn(tmp_path):
    """On SQLite the second run says it waits and goes on when the first has finished, instead
    of failing on the write lock halfway through."""
    import fcntl
    import time

    from conftest import SAMPLE_CORPUS

    db = tmp_path / "one.db"
    first = crossbearing("analyze", str(SAMPLE_CORPUS), "--db", str(db), "--out",
                         str(tmp_path / "out1"), "--no-progress", "--json")
    lock = tmp_path / ".one.db.lock"
    deadline = time.monotonic() + 60
    while True:  # wait until the first run holds the database
        assert time.monotonic() < deadline and first.poll() is None
        if lock.exists():
            with open(lock, "ab") as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    fcntl.flock(handle, fcntl.LOCK_UN)
                except BlockingIOError:
                    break
        time.sleep(0.05)
    second = crossbearing("analyze", str(SAMPLE_CORPUS), "--db", str(db), "--out",
                          str(tmp_path / "out2"), "--no-progress", "--json")
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    assert "waiting: another Crossbearing run is writing to" in err and "Traceback" not in err
    [done] = finish(first)
    assert json.loads(out)["articles"] == done["articles"] == 5
    assert json.loads(out)["articles_added"] == 0  # the first run had read them all
