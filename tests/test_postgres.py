"""What only the PostgreSQL store has to get right: its SQL dialect, its URLs and errors,
migrating from two processes at once, and readers that never wait for a writer."""

import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT
from test_store import add_input, make_article

from crossbearing.cli import cli
from crossbearing.errors import StoreError
from crossbearing.store import open_store
from crossbearing.store.postgres import PostgresStore, redact

#: A port nothing listens on: connecting is refused at once.
CLOSED = "postgresql://postgres@127.0.0.1:1/crossbearing"


def test_placeholders_and_literal_percent_signs(pg_url):
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore) and store.dialect == "postgresql"
        assert store.sql("SELECT '5%' || ? WHERE ? LIKE 'a%'") == \
            "SELECT '5%%' || %s WHERE %s LIKE 'a%%'"
        assert store.execute("SELECT '5%' || ? WHERE ? LIKE 'a%'", ("!", "abc")).fetchone() == \
            ("5%!",)


def test_floats_are_double_precision_and_blobs_bytea(pg_url):
    with open_store(pg_url) as store:
        types = dict(store.execute(
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'public'").fetchall())
        with store.transaction():
            add_input(store)
            store.articles.add_article(make_article(language_score=0.123456789012345), "input-1")
        article = store.articles.article("0123", with_raw=True)
    assert types["articles.language_score"] == "double precision"
    assert types["raw_records.content"] == types["signatures.signature"] == "bytea"
    assert article.language_score == 0.123456789012345 and article.raw == b"<html>raw</html>"


def test_readers_see_the_last_commit_while_a_run_writes(store_location):
    with open_store(store_location) as writer, open_store(store_location) as reader:
        if reader.dialect == "postgresql":  # a reader that waited would fail, not hang
            reader.execute("SET statement_timeout = 5000")
        with writer.transaction():
            add_input(writer)
            writer.articles.add_article(make_article(), "input-1")
            assert writer.count("articles") == 1
            assert reader.count("articles") == 0 and reader.articles.all() == []
        assert reader.count("articles") == 1


def test_unreachable_server_and_bad_urls_are_store_errors():
    with pytest.raises(StoreError, match="cannot connect to postgresql://postgres@127.0.0.1:1/"):
        open_store(CLOSED)
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://127.0.0.1:notaport/crossbearing")
    with pytest.raises(StoreError) as caught:
        open_store("postgres://analyst:s3cret@127.0.0.1:1/crossbearing")
    assert "s3cret" not in str(caught.value) and "analyst:***@" in str(caught.value)


def test_passwords_are_left_out_of_locations():
    assert redact("postgresql://analyst:s3cret@db.example:5432/news") == \
        "postgresql://analyst:***@db.example:5432/news"
    assert redact("postgresql://analyst@db.example/news") == "postgresql://analyst@db.example/news"


def test_cli_reports_an_unreachable_server_with_exit_status_three():
    result = subprocess.run(
        [sys.executable, "-c", "from crossbearing.cli import main; main()", "articles", "--db",
         CLOSED], env={"PYTHONPATH": str(ROOT / "src")}, capture_output=True, text=True,
        timeout=60)
    assert result.returncode == 3  # the database unavailable: the run cannot go on
    assert "cannot connect to postgresql://" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_takes_the_database_url_from_the_environment(tmp_path, pg_url):
    (tmp_path / "a.txt").write_text("Talks resume in Baghdad\n\nOfficials said the talks would "
                                    "resume on Sunday in Baghdad, both governments confirmed.")
    runner = CliRunner(env={"CROSSBEARING_DB": pg_url})
    result = runner.invoke(cli, ["ingest", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1 articles added" in result.output and pg_url in result.output
    listing = runner.invoke(cli, ["articles", "--json"], catch_exceptions=False)
    assert '"title": "Talks resume in Baghdad"' in listing.output
