import os
from pathlib import Path

import pytest

from crossbearing.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def seed_articles(tmp_path_factory):
    """The sample corpus ingested once for the whole run: its articles, in store order."""
    from crossbearing import ingest_files

    db = tmp_path_factory.mktemp("sample") / "sample.db"
    ingest_files([SAMPLE_CORPUS], db)
    with open_store(db) as store:
        return list(store.articles.all())


@pytest.fixture
def db(tmp_path_factory):
    """A database outside ``tmp_path``, so that tests can ingest ``tmp_path`` as a folder."""
    return tmp_path_factory.mktemp("db") / "test.db"


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server for the session (see tests/postgres_server.py)."""
    from postgres_server import PostgresServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CROSSBEARING_TEST_POSTGRES") == "skip":
            pytest.skip("no PostgreSQL server binaries (CROSSBEARING_TEST_POSTGRES=skip)")
        pytest.fail("no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb): run "
                    "`bash scripts/setup.sh` to install them, or set "
                    "CROSSBEARING_TEST_POSTGRES=skip to skip the PostgreSQL tests", pytrace=False)
    server = PostgresServer(bin_dir).start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres_server):
    """The URL of a new, empty PostgreSQL database."""
    return postgres_server.create_database()


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def store_location(request, db):
    """A new database on each backend: a SQLite file path, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(db)
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_location):
    with open_store(store_location) as opened:
        yield opened


def make_article(text, published="2024-02-09", article_id="a1"):
    """An English article with only a text and a publication day, for annotator tests."""
    from crossbearing.model import Article, DateValue

    return Article(
        id=article_id, text=text, title=None, outlet=None, outlet_source=None, url=None,
        domain=None, published=DateValue(published, "day", "test") if published else None,
        authors=(), language="en", language_score=1.0, analysable=True, skip_reason=None,
        external_id=None, source_path="test", locator="", format="text", text_sha256="",
        raw_sha256="")


@pytest.fixture(scope="session")
def analysed_seeds(analyzed_seeds):
    """The database of the sample corpus after the whole analysis (ingest, annotate, corpus
    stages, report): its path. Tests open it read-only by convention (copy it to change it)."""
    return analyzed_seeds[0]


def annotate_text(text, published="2024-02-09"):
    """Every layer of the annotate stage over one invented article."""
    from crossbearing.annotate.stage import annotate_articles

    [result] = annotate_articles([make_article(text, published)])
    return result


def mentions_of(text, trigger):
    """The event mentions of one invented article whose trigger is the word ``trigger``."""
    return [e for e in annotate_text(text).events if e.text == trigger]


def event_types(text):
    """The event mentions of one invented article, trigger word → event type."""
    return {e.text: e.event_type for e in annotate_text(text).events}


@pytest.fixture(scope="session")
def analyzed_seeds(tmp_path_factory):
    """The sample corpus through the whole analysis once: (database path, dossier path)."""
    from crossbearing.analysis import analyze
    from crossbearing.stages import AnalysisRun

    folder = tmp_path_factory.mktemp("analyzed")
    with open_store(folder / "seeds.db") as opened:
        summary = analyze(opened, AnalysisRun(paths=[str(SAMPLE_CORPUS)], out=folder / "report"))
    return folder / "seeds.db", Path(summary["report"])


#: An invented article that tries every way of getting markup or script into a page.
HOSTILE_TITLE = "<script>window.__pwned = 1</script>Raid <img src=x onerror=alert(1)> report"
HOSTILE_TEXT = (
    HOSTILE_TITLE + "\n\n"
    "Officials in Basra said on Monday that the raid <b onmouseover=alert(2)>killed</b> 12 people. "
    "\"<script>alert(3)</script> we will answer </script><!-- \u2028 <a href=\"javascript:alert(4)\">"
    "here</a>,\" said Karim Haddad, the governor of Basra.\n\n"
    "Read more at javascript:alert(5) or <iframe src=\"https://example.org/\"></iframe> "
    "<svg onload=alert(6)></svg> and <style>body{display:none}</style> the port of Basra.\n"
)


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory):
    """A store holding the hostile article and a JSONL record with a javascript: URL, analysed:
    (database path, dossier path)."""
    import json

    from crossbearing.analysis import analyze
    from crossbearing.stages import AnalysisRun

    folder = tmp_path_factory.mktemp("hostile")
    inputs = folder / "inputs"
    inputs.mkdir()
    (inputs / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    record = {"title": HOSTILE_TITLE, "url": "javascript:alert(7)", "outlet": "<b>Outlet</b>",
              "text": HOSTILE_TEXT.split("\n\n", 1)[1]}
    (inputs / "hostile.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with open_store(folder / "hostile.db") as opened:
        summary = analyze(opened, AnalysisRun(paths=[str(inputs)], out=folder / "report"))
    return folder / "hostile.db", Path(summary["report"])
