"""The sources manifest and the batch options: what the analyst states about where inputs come
from, applied and marked with its origin."""

import json
import os

import pytest
from click.testing import CliRunner
from helpers import deadline

from crossbearing import ingest_files as ingest
from crossbearing.cli import cli
from crossbearing.errors import UsageError
from crossbearing.ingest.manifest import Statements, apply_facts, facts_from_values, read_manifest
from crossbearing.model import DateValue, RawDocument
from crossbearing.store import open_store

STORY = ("Officials said the talks would resume on Sunday in Baghdad, both governments confirmed. "
         "The delegations met for three hours and agreed to meet again next week.")
OTHER = ("Rescue teams reached the flooded villages in the north of the province on Monday, the "
         "civil defence said, and evacuated more than two hundred families.")


def articles(db):
    with open_store(db) as store:
        return {a.source_path.rsplit("/", 1)[-1]: a for a in store.articles.all()}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_a_csv_manifest_in_the_folder_is_read_and_not_ingested(tmp_path, db):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(OTHER)
    (tmp_path / "sources.csv").write_text(
        "file,outlet,url,published,language,authors\n"
        "a.txt,Kurdistan Chronicle,https://kc.example/a,2024-02-09,en,Jane Doe; John Roe\n"
        "b.txt,Press TV,,2024-02-10T08:30:00+03:30,,\n")
    report = ingest([tmp_path], db)
    assert report.ok and report.articles_added == 2 and not report.warnings
    found = articles(db)
    assert set(found) == {"a.txt", "b.txt"}  # the manifest is no article
    a, b = found["a.txt"], found["b.txt"]
    assert (a.outlet, a.outlet_source) == ("Kurdistan Chronicle", "manifest:sources.csv")
    assert (a.published.value, a.published.precision, a.published.source) == (
        "2024-02-09", "day", "manifest:sources.csv")
    assert a.authors == ("Jane Doe", "John Roe") and a.url == "https://kc.example/a"
    assert a.metadata["provenance_given"]["authors"] == "manifest:sources.csv"
    assert (b.outlet, b.published.value) == ("Press TV", "2024-02-10T08:30:00+03:30")


def test_a_glob_row_and_an_exact_row_combine_the_exact_one_first(tmp_path, db):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "one.txt").write_text(STORY)
    (tmp_path / "wire" / "two.txt").write_text(OTHER)
    (tmp_path / "sources.csv").write_text(
        "file,outlet,published\n"
        "wire/*.txt,Reuters,2024-02-09\n"
        "wire/two.txt,,2024-02-11\n")
    report = ingest([tmp_path], db)
    assert report.ok and not report.warnings
    found = articles(db)
    assert {name: (a.outlet, a.published.value) for name, a in found.items()} == {
        "one.txt": ("Reuters", "2024-02-09"), "two.txt": ("Reuters", "2024-02-11")}


def test_a_row_matching_no_input_is_a_warning_not_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sources.csv").write_text("file,outlet\na.txt,Reuters\nmissing-*.html,AFP\n")
    result = run("ingest", tmp_path, "--db", tmp_path.parent / "w.db", "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["articles_added"] == 1
    [warning] = summary["warnings"]
    assert "line 3" in warning and "'missing-*.html' matches no input" in warning
    plain = run("ingest", tmp_path, "--db", tmp_path.parent / "w2.db")
    assert "warning: " in plain.stderr and "matches no input" in plain.stderr


def test_a_value_that_cannot_be_read_is_left_out_and_reported(tmp_path, db):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sources.csv").write_text("file,outlet,published,url,language\n"
                                          "a.txt,Reuters,last Tuesday,not a url,English\n")
    report = ingest([tmp_path], db)
    a = articles(db)["a.txt"]
    assert a.outlet == "Reuters" and a.published is None and a.url is None
    assert any("'last Tuesday' is not a date" in w for w in report.warnings)
    assert any("'not a url' is not a web address" in w for w in report.warnings)
    assert any("'english' is not an ISO 639 code" in w for w in report.warnings)


def test_a_contradicted_page_is_given_the_stated_value_and_the_contradiction_noted(tmp_path, db):
    page = ("<html><head><meta property='og:site_name' content='Al Jazeera'>"
            "<meta property='article:published_time' content='2024-02-09T10:00:00Z'>"
            f"<title>Talks resume</title></head><body><article><h1>Talks resume</h1><p>{STORY}</p>"
            f"<p>{OTHER}</p></article></body></html>")
    (tmp_path / "page.html").write_text(page)
    (tmp_path / "sources.csv").write_text("file,outlet,published\npage.html,Reuters,2024-02-12\n")
    report = ingest([tmp_path], db)
    a = articles(db)["page.html"]
    assert (a.outlet, a.outlet_source) == ("Reuters", "manifest:sources.csv")
    assert (a.published.value, a.published.source) == ("2024-02-12", "manifest:sources.csv")
    conflicts = {c["field"]: c for c in a.metadata["provenance_conflicts"]}
    assert conflicts["outlet"] == {"field": "outlet", "input": "Al Jazeera", "given": "Reuters",
                                   "given_by": "manifest:sources.csv"}
    assert conflicts["published"]["input"] == "2024-02-09T10:00:00+00:00"
    assert sum("the input says" in w for w in report.warnings) == 2


def test_a_stated_outlet_wins_over_the_domain_table(tmp_path, db):
    doc = RawDocument(text=STORY, format="text", url="https://www.presstv.ir/Detail/2024/02/09/1")
    facts, _ = facts_from_values({"outlet": "Al Mayadeen English"}, "manifest:sources.csv")
    stated, notes = apply_facts(doc, facts)
    assert stated.outlet == "Al Mayadeen English" and notes  # the domain says Press TV
    from crossbearing.clean.article import build_article
    article = build_article(stated, "x.txt")
    assert (article.outlet, article.outlet_source) == ("Al Mayadeen English",
                                                       "manifest:sources.csv")
    assert article.domain == "presstv.ir"


def test_a_stated_value_the_input_agrees_with_keeps_the_inputs_own_note():
    doc = RawDocument(text=STORY, format="eml", outlet="Al Mayadeen English",
                      outlet_source="forwarded-article source line",
                      published=DateValue("2024-02-10T01:00:00+02:00", "second", "email:Date"))
    facts, _ = facts_from_values({"outlet": "Al-Mayadeen English", "published": "2024-02-10"},
                                 "manifest:sources.csv")
    stated, notes = apply_facts(doc, facts)
    assert not notes and "provenance_conflicts" not in stated.metadata
    assert stated.outlet_source == "forwarded-article source line"
    assert stated.published.source == "email:Date"  # the finer reading stays
    assert stated.metadata["provenance_given"] == {"outlet": "manifest:sources.csv",
                                                   "published": "manifest:sources.csv"}


def test_a_toml_manifest_says_the_same(tmp_path, db):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nfile = "a.txt"\noutlet = "Reuters"\npublished = 2024-02-09\n'
        'authors = ["Jane Doe", "John Roe"]\n')
    report = ingest([tmp_path], db)
    assert report.ok and report.articles_added == 1 and not report.warnings
    a = articles(db)["a.txt"]
    assert (a.outlet, a.outlet_source, a.published.value) == ("Reuters", "manifest:sources.toml",
                                                             "2024-02-09")
    assert a.authors == ("Jane Doe", "John Roe")


def test_a_broken_toml_manifest_is_reported_and_not_ingested(tmp_path, db):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sources.toml").write_text("[[source]\nfile = ")
    report = ingest([tmp_path], db)
    assert set(articles(db)) == {"a.txt"} and report.ok
    assert any("not valid TOML" in w for w in report.warnings)


def test_a_row_can_leave_notes_out_of_the_run(tmp_path, db):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "README.md").write_text("Notes on these reports.\n\n" + OTHER)
    (tmp_path / "LICENCE.txt").write_text(OTHER)
    (tmp_path / "sources.csv").write_text("file,outlet,ingest\na.txt,Reuters,\nREADME.md,,no\n"
                                          "LICEN?E.txt,,false\n")
    report = ingest([tmp_path], db)
    assert set(articles(db)) == {"a.txt"} and report.ok and not report.warnings
    (tmp_path / "sources.csv").write_text("file,outlet\na.txt,Reuters\n")
    ingest([tmp_path], db)
    assert set(articles(db)) == {"a.txt", "README.md", "LICENCE.txt"}


def test_a_data_csv_called_sources_is_still_an_input(tmp_path, db):
    (tmp_path / "sources.csv").write_text(f"title,text\nTalks,\"{STORY}\"\n")
    report = ingest([tmp_path], db)
    assert report.articles_added == 1 and not report.warnings


def test_manifest_option_cli_outlet_and_published(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(STORY)
    (inputs / "b.txt").write_text(OTHER)
    elsewhere = tmp_path / "lists" / "mine.csv"
    elsewhere.parent.mkdir()
    elsewhere.write_text("file,outlet,published\n*a.txt,Reuters,2024-02-01\n")
    db = tmp_path / "x.db"
    result = run("ingest", inputs, "--db", db, "--manifest", elsewhere,
                 "--published", "2024-02-09")
    assert result.exit_code == 0, result.output
    found = articles(db)
    a, b = found["a.txt"], found["b.txt"]
    # The glob is relative to the manifest's folder; a file outside it is matched by its name.
    assert (a.outlet, a.outlet_source) == ("Reuters", "manifest:mine.csv")
    # The batch option wins over the manifest, for every input.
    assert (a.published.value, a.published.source) == ("2024-02-09", "option:--published")
    assert (b.outlet, b.published.source) == (None, "option:--published")
    db2 = tmp_path / "y.db"
    assert run("ingest", inputs, "--db", db2, "--outlet", "AFP").exit_code == 0
    assert {(a.outlet, a.outlet_source) for a in articles(db2).values()} == {
        ("Agence France-Presse", "option:--outlet")}


def test_bad_options_are_usage_errors(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    assert run("ingest", tmp_path, "--db", tmp_path / "x.db",
               "--published", "someday").exit_code == 2
    (tmp_path / "not-a-manifest.csv").write_text("title,text\nx,y\n")
    assert run("ingest", tmp_path, "--db", tmp_path / "x.db",
               "--manifest", tmp_path / "not-a-manifest.csv").exit_code == 2
    with pytest.raises(UsageError):
        read_manifest(str(tmp_path / "not-a-manifest.csv"))


def test_a_manifest_in_a_parent_folder_reaches_nested_files_and_the_nearest_wins(tmp_path, db):
    (tmp_path / "week1").mkdir()
    (tmp_path / "week1" / "a.txt").write_text(STORY)
    (tmp_path / "sources.csv").write_text("file,outlet,published\nweek1/a.txt,Reuters,2024-02-01\n")
    (tmp_path / "week1" / "sources.csv").write_text("file,published\na.txt,2024-02-09\n")
    report = ingest([tmp_path], db)
    a = articles(db)["a.txt"]
    assert (a.outlet, a.published.value) == ("Reuters", "2024-02-09")
    assert report.ok and not report.warnings


def test_statements_for_a_file_named_directly(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sources.csv").write_text("file,outlet\na.txt,Reuters\n")
    statements = Statements(roots=[str(tmp_path / "a.txt")])
    assert statements.facts_for(str(tmp_path / "a.txt")).outlet == "Reuters"
    assert statements.is_manifest(str(tmp_path / "sources.csv"))
    assert not statements.is_manifest(str(tmp_path / "a.txt"))


def test_the_analysis_run_applies_the_manifest(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sources.csv").write_text("file,outlet,published\na.txt,Reuters,2024-02-09\n"
                                          "gone.txt,AFP,\n")
    from crossbearing.ingest.run import run
    from crossbearing.stages import AnalysisRun
    with open_store(tmp_path.parent / "an.db") as store:
        summary = run(store, AnalysisRun(paths=[str(tmp_path)])).summary()
    assert summary["articles_added"] == 1
    assert len(summary["warnings"]) == 1 and "gone.txt" in summary["warnings"][0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_named_like_a_manifest_never_blocks_the_run(tmp_path, db):
    (tmp_path / "a.txt").write_text(STORY)
    os.mkfifo(tmp_path / "sources.csv")
    with deadline(20):
        report = ingest([tmp_path], db)
    assert set(articles(db)) == {"a.txt"}
    assert [r.reason for r in report.rejections] == ["not-a-file"]


def test_analyze_takes_the_same_options(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    result = run("analyze", tmp_path, "--db", tmp_path / "x.db", "--out", tmp_path / "out",
                 "--published", "not a date")
    assert result.exit_code == 2 and "--published" in result.output
    missing = run("analyze", tmp_path, "--db", tmp_path / "x.db", "--manifest",
                  tmp_path / "no-such.csv")
    assert missing.exit_code == 2
    assert not (tmp_path / "x.db").exists()  # refused before anything was written
