"""Reading inputs ahead on worker processes (``ingest.prepare``): the store ends the same as when
this process reads every input, a worker that dies loses nothing, and one worker allowed means
no pool at all. The inputs are invented here, a few of each kind the loop meets."""

from __future__ import annotations

import json
import os
import random
import sqlite3

import pytest

import crossbearing.ingest.prepare as prepare_module
from crossbearing.ingest.manifest import Facts
from crossbearing.ingest.prepare import Job, Prefetch, prepare, workers_worth
from crossbearing.ingest.prepare import prepare_batch as real_prepare_batch
from crossbearing.ingest.run import IngestReport, ingest_paths, ingest_source
from crossbearing.ingest.run import run as run_ingest
from crossbearing.ingest.source import Limits, source_from_file
from crossbearing.stages import AnalysisRun
from crossbearing.store import open_store

LIMIT = Limits(max_document_bytes=40_000)
#: The file a dying worker dies on (:func:`dying_batch`).
DIES = "dies"

PLACES = ["Tarvel", "Osmund Bay", "Kerrow", "Lindqvist Ridge", "Pallas Heights", "Marrowgate"]
BODIES = ["the port authority", "the regional council", "the water board", "a teachers' union",
          "the transport ministry", "a group of farmers"]
ACTS = ["announced a review of", "voted to suspend", "warned about delays to",
        "published figures on", "agreed to fund", "called for an inquiry into"]
THINGS = ["the northern ferry route", "a new reservoir", "winter bus timetables",
          "hospital parking charges", "the harbour dredging plan", "grain storage prices"]


def story(n: int) -> tuple[str, str]:
    """A made-up report: a title and three paragraphs, different for every ``n``."""
    rng = random.Random(n)
    place, body, act, thing = (rng.choice(x) for x in (PLACES, BODIES, ACTS, THINGS))
    title = f"{place}: {body} {act} {thing} ({n})"
    paragraphs = [
        f"{place.upper()} - {body.capitalize()} on Tuesday {act} {thing}, officials said, "
        f"after {rng.randint(3, 90)} residents wrote to complain in the past month.",
        f"\"We have heard the concerns and we will act on them,\" a spokeswoman for {body} "
        f"said, adding that a decision was expected within {rng.randint(2, 11)} weeks.",
        f"Critics in {rng.choice(PLACES)} said the move came too late. Report number {n} "
        f"counted {rng.randint(100, 9000)} people affected by {rng.choice(THINGS)}.",
    ]
    return title, "\n\n".join(paragraphs)


def page(n: int) -> str:
    title, body = story(n)
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title>"
            f"<meta property=\"og:site_name\" content=\"The Kerrow Ledger\">"
            f"<meta property=\"article:published_time\" content=\"2023-05-{n % 28 + 1:02d}\">"
            f"<link rel=\"canonical\" href=\"https://ledger.example/news/{n}\"></head>"
            f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paragraphs}"
            f"</article><footer>All rights reserved</footer></body></html>")


def write_inputs(folder) -> None:
    """A folder of every kind of input: pages, texts, a message, a feed, a JSON Lines dump (a
    container, never sent to a worker), binary junk, an empty file, a page over the limit, a
    UTF-16 text, a copy of a page, a page without text, a feed without entries, and a manifest
    stating outlets (one of them contradicted by its page)."""
    folder.mkdir(exist_ok=True)
    for n in range(14):
        name = f"page-{n:02d}{'-' + DIES if n == 5 else ''}.html"
        (folder / name).write_text(page(n), encoding="utf-8")
    for n in range(14, 20):
        title, body = story(n)
        (folder / f"note-{n}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    title, body = story(20)
    (folder / "message.eml").write_text(
        f"From: Desk <desk@ledger.example>\nTo: list@example.org\nSubject: {title}\n"
        f"Date: Tue, 02 May 2023 10:00:00 +0000\nMessage-ID: <m20@ledger.example>\n\n{body}\n")
    items = "".join(f"<item><title>{story(n)[0]}</title><link>https://feed.example/{n}</link>"
                    f"<description>{story(n)[1]}</description></item>" for n in (21, 22))
    (folder / "feed.xml").write_text(f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                     f"<title>Feed</title>{items}</channel></rss>")
    (folder / "quiet.xml").write_text("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                      "<title>Nothing yet</title></channel></rss>")
    (folder / "dump.jsonl").write_text("".join(
        json.dumps({"title": story(n)[0], "text": story(n)[1]}) + "\n" for n in (23, 24)))
    (folder / "junk.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.html").write_bytes(b"")
    (folder / "huge.html").write_text(page(25).replace("</article>", "<p>x</p>" * 6000 +
                                                       "</article>"))
    (folder / "wide.txt").write_text("\n\n".join(story(26)), encoding="utf-16")
    (folder / "page-copy.html").write_text(page(3), encoding="utf-8")
    (folder / "blank.html").write_text("<html><body><nav>Home</nav></body></html>")
    (folder / "sources.csv").write_text("file,outlet\nnote-1*.txt,Osmund Gazette\n"
                                        "page-07.html,Marrowgate Times\n")


def stored(db) -> dict[str, list]:
    """Every row ingestion writes, in the order written, without the times of writing."""
    connection = sqlite3.connect(db)
    tables = {}
    for table in ("articles", "inputs", "rejections", "raw_records"):
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")
                   if row[1] not in ("ingested_at", "rejected_at")]
        tables[table] = connection.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()
    connection.close()
    return tables


def ingest(folder, db, workers: int | None) -> IngestReport:
    with open_store(db) as store:
        return ingest_paths([str(folder)], store, limits=LIMIT, workers=workers)


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "inputs"
    write_inputs(folder)
    return folder


def cheap_workers(monkeypatch) -> None:
    """Workers that cost nothing to start, decided on after two inputs: a pool for a small
    folder."""
    monkeypatch.setattr(prepare_module, "WORKER_START_SECONDS", 1e-9)
    monkeypatch.setattr(prepare_module, "PROBE_INPUTS", 2)
    monkeypatch.setattr("crossbearing.ingest.run.PROBE_INPUTS", 2)


@pytest.fixture
def small_pools(monkeypatch):
    """A pool for a small folder; the inputs the workers prepared are counted."""
    cheap_workers(monkeypatch)
    counted = {"prepared": 0}
    result = Prefetch._result

    def counting(self, key):
        prepared = result(self, key)
        counted["prepared"] += prepared is not None
        return prepared

    monkeypatch.setattr(Prefetch, "_result", counting)
    return counted


def dying_batch(jobs: list[Job]):
    """A worker's batch that kills the worker when it holds the file named to die."""
    if any(DIES in os.path.basename(job.path) for job in jobs):
        os._exit(3)
    return real_prepare_batch(jobs)


@pytest.mark.slow
def test_pooled_and_serial_runs_store_the_same(inputs, tmp_path, small_pools):
    serial = ingest(inputs, tmp_path / "serial.db", workers=1)
    pooled = ingest(inputs, tmp_path / "pooled.db", workers=2)
    assert small_pools["prepared"] >= 10  # most single documents were read by the worker
    assert pooled.summary() == serial.summary()
    assert stored(tmp_path / "pooled.db") == stored(tmp_path / "serial.db")
    reasons = {r.reason for r in serial.rejections}
    assert reasons == {"too-large", "empty", "empty-container", "binary", "no-text"}
    assert serial.already_stored == 1
    assert serial.warnings and serial.formats["jsonl"] == 1 and serial.formats["feed"] == 2


@pytest.mark.slow
def test_a_worker_that_dies_loses_nothing(inputs, tmp_path, small_pools, monkeypatch, caplog):
    serial = ingest(inputs, tmp_path / "serial.db", workers=1)
    monkeypatch.setattr(prepare_module, "prepare_batch", dying_batch)
    pooled = ingest(inputs, tmp_path / "pooled.db", workers=2)
    assert "reading ahead lost" in caplog.text  # the worker died, twice, on its batch
    assert pooled.summary() == serial.summary()
    assert stored(tmp_path / "pooled.db") == stored(tmp_path / "serial.db")
    assert any(DIES in path for path, *_ in _article_paths(tmp_path / "pooled.db"))
    assert small_pools["prepared"] > 0  # the pool went on after the death


def _article_paths(db) -> list[tuple[str]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT source_path FROM articles").fetchall()
    finally:
        connection.close()


def no_pool(monkeypatch) -> None:
    def refused(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(prepare_module, "ProcessExecutor", refused)


def test_one_worker_allowed_starts_no_pool(inputs, db, monkeypatch):
    cheap_workers(monkeypatch)
    no_pool(monkeypatch)
    with open_store(db) as store:
        report = run_ingest(store, AnalysisRun(paths=[str(inputs)], workers=1, limits=LIMIT))
    assert report.articles_added > 20


def test_inputs_too_cheap_for_a_worker_start_no_pool(tmp_path, db, monkeypatch):
    no_pool(monkeypatch)
    # Decided after two inputs, with 38 left: only what each costs keeps the pool away.
    monkeypatch.setattr(prepare_module, "PROBE_INPUTS", 2)
    monkeypatch.setattr("crossbearing.ingest.run.PROBE_INPUTS", 2)
    for n in range(40):  # read in a few ms each: less than the start of two workers
        title, body = story(n)
        (tmp_path / f"note-{n:02d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    report = ingest(tmp_path, db, workers=2)
    assert report.articles_added == 40


@pytest.mark.parametrize("allowed, remaining, seconds_each, workers", [
    (1, 10_000, 0.012, 0),  # one process allowed
    (2, 1000, 0.012, 2),  # 12 s of pages: both cores
    (8, 1000, 0.012, 7),  # each worker given at least its start's worth
    (8, 470, 0.005, 0),  # 2.3 s of text files: not twice a worker's start
    (16, 100, 0.012, 0),
])
def test_workers_are_started_for_work_worth_their_start(allowed, remaining, seconds_each,
                                                        workers):
    assert workers_worth(allowed, remaining, seconds_each) == workers


def test_a_worker_prepares_single_documents_only(inputs):
    facts = Facts()
    prepared = prepare(Job(0, str(inputs / "page-01.html"), LIMIT, facts))
    assert prepared is not None and prepared.format == "html" and len(prepared.items) == 1
    assert prepared.fits(source_from_file(inputs / "page-01.html"))
    assert prepare(Job(1, str(inputs / "dump.jsonl"), LIMIT, facts)) is None  # a container
    assert prepare(Job(2, str(inputs / "huge.html"), LIMIT, facts)) is None  # over the limit
    assert prepare(Job(3, str(inputs / "gone.html"), LIMIT, facts)) is None  # missing


def test_an_input_prepared_from_other_bytes_is_read_again(inputs, db):
    path = inputs / "page-02.html"
    prepared = prepare(Job(0, str(path), LIMIT, Facts()))
    path.write_text(page(99), encoding="utf-8")  # changed after the worker read it
    report = IngestReport()
    with open_store(db) as store:
        ingest_source(source_from_file(path), store, LIMIT, report, Facts(), prepared)
        (article,) = store.articles.all()
    assert "(99)" in article.title and prepared.items[0].id != article.id
