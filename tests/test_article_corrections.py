"""Corrections of an article's outlet, date and title: stored apart, applied wherever articles are
read, kept through re-ingestion and re-analysis (invented reports and the sample corpus)."""

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_CORPUS

from crossbearing.cli import cli
from crossbearing.errors import UsageError
from crossbearing.model import Article, DateValue, InputRecord
from crossbearing.store import open_store

#: Re-ingestion and re-analysis on SQLite and PostgreSQL, about 5 s in all: with the slow ones.
pytestmark = pytest.mark.slow

ARTICLE_ID = "0123456789abcdef"


def add_report(store, outlet="Harbour Times", published="2024-03-08", title="Dock strike"):
    store.articles.add_input(InputRecord("input-1", "in/a.txt", "s" * 64, 10, "text", "v1", 1, 0, 0))
    store.articles.add_article(Article(
        id=ARTICLE_ID, text="Dock workers walked out on Friday.", title=title, outlet=outlet,
        outlet_source="as given", url=None, domain=None,
        published=DateValue(published, "day", "test") if published else None, authors=(),
        language="en", language_score=1.0, analysable=True, skip_reason=None, external_id=None,
        source_path="in/a.txt", locator="", format="text", text_sha256="t", raw_sha256="r"),
        "input-1")


def test_a_corrected_outlet_is_read_everywhere_and_the_row_keeps_what_was_read(store):
    add_report(store)
    store.corrections.add_override("article-outlet", ARTICLE_ID, "  Valley   Courier ", "masthead")
    article = store.articles.article(ARTICLE_ID[:6])
    assert (article.outlet, article.outlet_source) == ("Valley Courier", "correction")
    assert [a.outlet for a in store.articles.all()] == ["Valley Courier"]
    assert [a.outlet for a in store.articles.articles_by_id([ARTICLE_ID])] == ["Valley Courier"]
    assert store.events.source_labels() == {ARTICLE_ID: "Valley Courier"}
    store.corrections.add_override("article-published", ARTICLE_ID, "2024-03-07")
    assert store.corpus.article_dates()[ARTICLE_ID].source == "correction"
    row = store.execute("SELECT outlet, published FROM articles").fetchone()
    assert tuple(row) == ("Harbour Times", "2024-03-08")


def test_a_later_correction_replaces_the_earlier_and_a_withdrawn_one_stops_applying(db):
    with open_store(db) as store:
        add_report(store)
        store.corrections.add_override("article-outlet", ARTICLE_ID, "Valley Courier")
        second = store.corrections.add_override("article-outlet", ARTICLE_ID, "Coastal Wire")
        assert len(store.corrections.overrides("article-outlet")) == 1
        assert store.articles.article(ARTICLE_ID).outlet == "Coastal Wire"
        assert store.corrections.remove_override(second)
        assert store.articles.article(ARTICLE_ID).outlet == "Harbour Times"


def test_a_corrected_date_and_title(db):
    with open_store(db) as store:
        add_report(store, published=None)
        store.corrections.add_override("article-published", ARTICLE_ID, "2024-03-07")
        store.corrections.add_override("article-title", ARTICLE_ID, "Dockers strike at the port")
        article = store.articles.article(ARTICLE_ID)
        assert article.published == DateValue("2024-03-07", "day", "correction")
        assert article.title == "Dockers strike at the port"
        assert store.corpus.article_dates()[ARTICLE_ID].value == "2024-03-07"
        store.corrections.add_override("article-published", ARTICLE_ID, "2024-03-07T18:05")
        assert store.articles.article(ARTICLE_ID).published.precision == "minute"


@pytest.mark.parametrize("kind, value", [("article-published", "last Friday"),
                                         ("article-published", "2024-13-01"),
                                         ("article-outlet", "   "), ("article-title", "")])
def test_a_correction_that_is_no_value_is_refused(db, kind, value):
    with open_store(db) as store:
        add_report(store)
        with pytest.raises(UsageError):
            store.corrections.add_override(kind, ARTICLE_ID, value)
        assert store.corrections.overrides() == []


def test_a_known_outlet_is_written_as_the_outlet_table_writes_it(db):
    with open_store(db) as store:
        add_report(store)
        store.corrections.add_override("article-outlet", ARTICLE_ID, "associated press")
        assert store.articles.article(ARTICLE_ID).outlet == "Associated Press"


def test_the_correct_command_sets_lists_and_withdraws(db):
    with open_store(db) as store:
        add_report(store)
    runner = CliRunner()
    made = runner.invoke(cli, ["correct", "article", ARTICLE_ID[:8], "--outlet", "Valley Courier",
                               "--published", "2024-03-07", "--note", "byline", "--db", str(db),
                               "--json"])
    assert made.exit_code == 0, made.output
    assert {r["kind"] for r in json.loads(made.output)} == {"article-outlet", "article-published"}
    listed = runner.invoke(cli, ["articles", "--db", str(db)])
    assert "Valley Courier" in listed.output and "Harbour Times" not in listed.output
    rows = json.loads(runner.invoke(cli, ["correct", "list", "--target", ARTICLE_ID, "--db",
                                          str(db), "--json"]).output)
    assert len(rows) == 2
    gone = runner.invoke(cli, ["correct", "remove", rows[0]["override_id"], "--db", str(db)])
    assert gone.exit_code == 0
    assert runner.invoke(cli, ["correct", "article", ARTICLE_ID, "--db", str(db)]).exit_code == 2
    bad = runner.invoke(cli, ["correct", "article", ARTICLE_ID, "--published", "soon", "--db",
                              str(db)])
    assert bad.exit_code != 0


def test_a_corrected_outlet_survives_reingestion_and_reanalysis_in_every_table(
        analysed_seeds, tmp_path):
    from crossbearing.analysis import analyze
    from crossbearing.stages import AnalysisRun
    from crossbearing.export.gather import gather
    from crossbearing.views import story_page
    from crossbearing.views.records import story_view
    from crossbearing.views.sections.comparison import claim_group_views

    db = tmp_path / "seeds.db"
    shutil.copy(analysed_seeds, db)
    with open_store(db) as store:
        target = next(a for a in store.articles.all()
                      if a.source_path.endswith("003_4776d901254a8ef3.txt"))
        before = store.events.source_labels()[target.id]
        store.corrections.add_override("article-outlet", target.id, "Harbour Times")
        summary = analyze(store, AnalysisRun(paths=[str(SAMPLE_CORPUS)], out=tmp_path / "out"))
        assert store.articles.article(target.id).outlet == "Harbour Times"
        story_id = store.corpus.story_of(target.id)
        page = story_page(store, story_id)
        sections = {s["key"]: s for s in page["sections"]}
        header = sections["header"]
        assert "Harbour Times" in {a["source"] for a in header["articles"]}
        assert before not in {a["source"] for a in header["articles"]}
        for key in ("facts", "coverage"):
            assert "Harbour Times" in sections[key]["sources"]
            assert before not in sections[key]["sources"]
        assert "Harbour Times" in sections["framing"]["outlets"]
        assert "Harbour Times" in {o["outlet"] for o in sections["numbers"]["outlets"]}
        members = [m for g in claim_group_views(store, story_id) for m in g["members"]
                   if m["article_id"] == target.id]
        assert members and {m["outlet"] for m in members} == {"Harbour Times"}
        assert {a["source"] for a in story_view(store, story_id)["articles"]} >= {"Harbour Times"}
        exported = gather(store, story_id)
        assert [a["source"] for a in exported["articles"] if a["id"] == target.id] == \
            ["Harbour Times"]
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Harbour Times" in html and summary
