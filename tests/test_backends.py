"""The same corpus through the same stages gives the same rows on SQLite and PostgreSQL."""

import pytest
from conftest import SAMPLE_CORPUS

from crossbearing import ingest_files
from crossbearing.corpus.run import run_corpus
from crossbearing.annotate.run import annotate
from crossbearing.store import open_store

#: Columns that record when a row was written, not what it says.
TIMESTAMPS = {"ingested_at", "rejected_at", "ran_at", "applied_at"}
#: The full-text index differs by design: SQLite's FTS5 tables, PostgreSQL's tsvector columns.
SEARCH_COLUMNS = {"search"}
SEARCH_TABLES = {"quote_search", "article_search"}


def rows(store, table: str) -> list[tuple]:
    """Every row of ``table`` without its timestamps, in a backend-independent order."""
    cursor = store.execute(f"SELECT * FROM {table}")
    names = [column[0] for column in cursor.description]
    keep = [i for i, name in enumerate(names) if name not in TIMESTAMPS | SEARCH_COLUMNS]
    found = [tuple(bytes(row[i]) if isinstance(row[i], memoryview) else row[i] for i in keep)
             for row in cursor.fetchall()]
    return sorted(found, key=repr)


def run_all_stages(location: str, tables: list[str]) -> dict[str, list[tuple]]:
    ingest_files([SAMPLE_CORPUS], location)
    with open_store(location) as store:
        annotate(store)
        run_corpus(store)
        return {table: rows(store, table) for table in tables}


@pytest.mark.slow
def test_every_table_is_the_same_on_both_backends(tmp_path, postgres_server):
    url = postgres_server.create_database()
    with open_store(url) as store:
        tables = sorted(r[0] for r in store.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_type = 'BASE TABLE'"))
    assert {"articles", "mentions", "passages", "stories"} <= set(tables)
    tables = [t for t in tables if t not in SEARCH_TABLES]
    postgres_rows = run_all_stages(url, tables)
    sqlite_rows = run_all_stages(str(tmp_path / "seeds.db"), tables)
    for table in ("articles", "mentions", "quotes", "passages", "stories", "entities"):
        assert sqlite_rows[table], table
    for table in tables:
        assert postgres_rows[table] == sqlite_rows[table], table


@pytest.mark.slow
def test_search_finds_the_same_articles_and_quotes_on_both_backends(tmp_path, postgres_server):
    from crossbearing.spellings import search_expansion

    url = postgres_server.create_database()
    hits, spellings = {}, {}
    for location in (url, str(tmp_path / "seeds.db")):
        run_all_stages(location, [])
        with open_store(location) as store:
            found = store.search.find("responsible for directly planning")
            hits[location] = sorted((h["kind"], h["article_id"], h["start"]) for h in found)
            assert store.search.find("") == []
            assert store.search.find("\"; DROP TABLE articles; --") == []
            spelled = store.search.find("Kataeb Hezbollah", 50, search_expansion(store, "Kataeb Hezbollah"))
            spellings[location] = sorted((h["kind"], h["article_id"], h["start"]) for h in spelled)
    postgres, sqlite = hits.values()
    assert postgres == sqlite
    assert spellings[url] == spellings[str(tmp_path / "seeds.db")]
    assert len({article for _, article, _ in spellings[url]}) >= 4  # Kata'ib, Kataib, Kataeb
    assert {kind for kind, *_ in sqlite} == {"article", "quote"}
    assert len({article for _, article, _ in sqlite}) >= 4
