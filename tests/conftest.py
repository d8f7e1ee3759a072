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
        return list(store.articles())


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
