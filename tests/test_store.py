import sqlite3

import psycopg
import pytest

from crossbearing.errors import NotFound, StoreError, UsageError
from crossbearing.model import Article, DateValue, InputRecord, Rejection
from crossbearing.store import open_store
from crossbearing.store.migrations import MIGRATIONS


def make_article(article_id="0123456789abcdef", text="Body text.", **changes):
    fields = dict(
        id=article_id, text=text, title="Title", outlet="Example News", outlet_source="domain table",
        url="https://example.com/a", domain="example.com",
        published=DateValue("2024-02-09", "day", "html:meta[date]"), authors=("A. Writer",),
        language="en", language_score=0.99, analysable=True, skip_reason=None, external_id="x-1",
        source_path="in/a.html", locator="", format="html", text_sha256="t" * 64,
        raw_sha256="r" * 64 + article_id, raw=b"<html>raw</html>", metadata={"k": [1, 2]})
    fields.update(changes)
    return Article(**fields)


def add_input(store, input_id="input-1"):
    store.articles.add_input(InputRecord(input_id, "in/a.html", "s" * 64, 10, "html", "v1", 1, 0, 0))


def test_new_database_is_migrated_with_wal_and_foreign_keys(tmp_path):
    db = tmp_path / "c.db"
    with open_store(db) as store:
        assert store.schema_version() == MIGRATIONS[-1].version
        assert store.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with open_store(db) as store:  # opening again applies nothing twice
        assert store.schema_version() == MIGRATIONS[-1].version


def test_reopening_applies_no_migration_twice(store_location):
    for _ in range(2):
        with open_store(store_location) as store:
            assert store.schema_version() == MIGRATIONS[-1].version
            versions = store.execute("SELECT version FROM schema_migrations").fetchall()
            assert sorted(v[0] for v in versions) == [m.version for m in MIGRATIONS]


def test_article_round_trip_and_idempotent_insert(store):
    article = make_article()
    with store.transaction():
        add_input(store)
        assert store.articles.add_article(article, "input-1") is True
        assert store.articles.add_article(article, "input-1") is False
    assert store.count("articles") == 1
    assert store.articles.article("0123", with_raw=True) == article
    assert store.articles.article("0123456789abcdef").raw == b""


def test_transaction_rolls_back_everything(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            add_input(store)
            store.articles.add_article(make_article(), "input-1")
            raise RuntimeError("crash in the middle of an input")
    assert store.count("articles") == 0
    assert store.count("inputs") == 0


def test_foreign_keys_are_enforced(store):
    with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)):
        with store.transaction():
            store.articles.add_article(make_article(), "no-such-input")


def test_lookup_errors(store):
    with store.transaction():
        add_input(store)
        store.articles.add_article(make_article("aaaa000000000001"), "input-1")
        store.articles.add_article(make_article("aaaa000000000002", text="Other."), "input-1")
    with pytest.raises(NotFound):
        store.articles.article("bbbb")
    with pytest.raises(UsageError, match="more than one"):
        store.articles.article("aaaa")
    with pytest.raises(UsageError, match="not an article id"):
        store.articles.article("'; DROP TABLE articles; --")
    assert store.articles.article("aaaa000000000002").text == "Other."


def test_articles_order_by_date_undated_last(store):
    with store.transaction():
        add_input(store)
        store.articles.add_article(make_article("0000000000000003", published=None), "input-1")
        store.articles.add_article(make_article("0000000000000002",
                                                published=DateValue("2024-02-10", "day", "x")), "input-1")
        store.articles.add_article(make_article("0000000000000001",
                                                published=DateValue("2024-02-11", "day", "x")), "input-1")
    assert [a.id for a in store.articles.all()] == ["0000000000000002", "0000000000000001",
                                                    "0000000000000003"]
    assert [a.id for a in store.articles.all(limit=1, offset=1)] == ["0000000000000001"]


def test_rejections_are_stored_once(store):
    rejection = Rejection("rej-1", "in/bad.bin", "", "binary", "binary input: PNG image", "s", 3)
    with store.transaction():
        add_input(store)
        assert store.articles.add_rejection(rejection, "input-1")
        assert not store.articles.add_rejection(rejection, "input-1")
    assert store.articles.rejections() == [rejection]


def test_newer_schema_is_refused(store_location):
    with open_store(store_location) as store:
        store.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'now')")
    with pytest.raises(StoreError, match="newer than this Crossbearing"):
        open_store(store_location)


def test_not_a_database(tmp_path):
    bad = tmp_path / "c.db"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot"):
        open_store(bad)


def test_unsupported_url(tmp_path):
    with pytest.raises(UsageError, match="unsupported database URL"):
        open_store("mysql://localhost/db")
