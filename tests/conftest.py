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


@pytest.fixture
def store(db):
    with open_store(db) as opened:
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
