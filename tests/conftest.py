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


@pytest.fixture(scope="session")
def analysed_seeds(tmp_path_factory):
    """The sample corpus ingested, annotated and through the corpus stages once for the whole run:
    the database's path. Tests open it read-only by convention (copy it to change it)."""
    from crossbearing import ingest_files
    from crossbearing.corpus.run import run_corpus
    from crossbearing.pipeline import annotate

    db = tmp_path_factory.mktemp("analysed") / "seeds.db"
    ingest_files([SAMPLE_CORPUS], db)
    with open_store(db) as store:
        annotate(store)
        run_corpus(store)
    return db


def annotate_text(text, published="2024-02-09"):
    """Every layer of the annotate stage over one invented article."""
    from crossbearing.annotate.stage import annotate_articles

    [result] = annotate_articles([make_article(text, published)])
    return result
