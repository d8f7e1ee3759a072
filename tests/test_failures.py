"""No article, story or section stops a run: each failure is recorded with its reason, the rest
goes on, and the command's exit status says so (docs/cli.md)."""

import json
import shutil
import sqlite3
import sys

import pytest
from click.testing import CliRunner

from crossbearing.analysis import analyze
from crossbearing.cli import cannot_go_on, cli, main
from crossbearing.errors import StoreError
from crossbearing.isolation import is_fatal, isolated
from crossbearing.model import Failure
from crossbearing.stages import AnalysisRun
from crossbearing.store import open_store

REPORTS = {
    "a.txt": "Talks resume in Basra\n\nOfficials said on Monday that the talks would resume in "
             "Basra, and 12 delegates arrived for them.",
    "b.txt": "Port reopens\n\nThe port of Umm Qasr reopened on Tuesday after a strike by 300 "
             "dock workers ended, the port authority said.",
    "c.txt": "Market closed\n\nA market in Mosul was closed on Wednesday after 40 traders "
             "protested against new fees, witnesses said. BOOM, said one of them.",
}


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _explode_on_boom(real):
    """An annotator that raises on the article whose text says BOOM, as a defect would."""
    def annotator(doc, *args, **kwargs):
        if "BOOM" in doc.text:
            raise ValueError("annotator defect <b>on purpose</b>")
        return real(doc, *args, **kwargs)
    return annotator


@pytest.fixture
def numbers_defect(monkeypatch):
    import crossbearing.annotate.stage as stage

    monkeypatch.setattr(stage, "numeric_facts", _explode_on_boom(stage.numeric_facts))


def test_an_article_an_annotator_fails_on_is_recorded_and_the_others_go_on(
        inputs, store_location, tmp_path, numbers_defect):
    with open_store(store_location) as store:
        summary = analyze(store, AnalysisRun(paths=[str(inputs)], out=tmp_path / "out"))
        [failure] = store.failures.all()
        failed_id = failure.target
        annotated = {r[0] for r in store.execute("SELECT article_id FROM stage_runs")}
        boom = [a.id for a in store.articles.all() if "BOOM" in a.text]
    assert summary["stages"]["annotate"] == {**summary["stages"]["annotate"], "annotated": 2,
                                             "failed": 1}
    assert summary["failed"] == 1 and summary["failures"][0]["target"] == failed_id
    assert [failed_id] == boom and failed_id not in annotated and len(annotated) == 2
    assert (failure.stage, failure.target_kind, failure.error_type) == \
        ("annotate", "article", "ValueError")
    assert "on purpose" in failure.message and failure.version.startswith("crossbearing.annotate")
    assert summary["stories"] >= 2 and summary["report"]  # the later stages ran on the others


def test_a_failed_article_waits_for_a_new_stage_version_and_success_clears_it(
        inputs, db, tmp_path, numbers_defect):
    from crossbearing.annotate.results import STAGE, stage_version

    VERSION = stage_version()
    with open_store(db) as store:
        analyze(store, AnalysisRun(paths=[str(inputs)], out=tmp_path / "out"))
        [failure] = store.failures.all()
        assert store.annotations.pending_articles(STAGE, VERSION) == []  # the same version would fail again
        assert store.annotations.pending_articles(STAGE, VERSION + "-next") != []  # a new one retries it
        assert failure.target in store.annotations.pending_articles(STAGE, VERSION + "-next")
        store.annotations.save_annotations(failure.target, STAGE, VERSION, sentences=(), mentions=(),
                                           times=(), places=(), actors=(), kb_version="kb")
        assert store.failures.all() == []


def test_an_article_the_parser_fails_on_is_pinned_on_it(monkeypatch, seed_articles):
    import crossbearing.annotate.stage as stage

    real = stage.pipeline()

    class BrokenParser:
        """The real pipeline, except that it raises on one text, inside a batch or alone."""

        max_length = real.max_length

        def pipe(self, texts, **options):
            for text in texts:
                yield self(text)

        def __call__(self, text):
            if "PARSER-BREAKER" in text:
                raise RuntimeError("parser defect")
            return real(text)

    monkeypatch.setattr(stage, "pipeline", lambda knowledge=None: BrokenParser())
    articles = list(seed_articles[:2])
    broken = stage.Article(**{**vars(articles[0]), "id": "broken", "text": "PARSER-BREAKER here"})
    results = stage.annotate_batch([articles[0], broken, articles[1]])
    assert [type(r).__name__ for r in results] == ["ArticleAnnotations", "Failure",
                                                   "ArticleAnnotations"]
    assert results[1].target == "broken" and results[1].message == "parser defect"
    assert [r.article_id for r in results[::2]] == [articles[0].id, articles[1].id]


def test_the_cli_exits_1_names_the_failure_and_prints_no_traceback(
        inputs, tmp_path, numbers_defect):
    db = tmp_path / "x.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["analyze", str(inputs), "--db", str(db), "--out",
                                 str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 1, result.output
    assert "failed: annotate article" in result.output and "ValueError" in result.output
    assert "Traceback" not in result.output and "<b>on purpose</b>" in result.output
    listed = runner.invoke(cli, ["failed", "--db", str(db), "--json"])
    [row] = json.loads(listed.output)
    assert listed.exit_code == 0 and row["stage"] == "annotate" and row["error_type"] == "ValueError"
    table = runner.invoke(cli, ["failed", "--db", str(db)])
    assert "1 failed" in table.output and "annotate" in table.output


def test_the_sentence_that_once_stopped_every_run_analyses_with_exit_0(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "families.txt").write_text(
        "Families\n\"This is just another one, but a lot of families disagree politically,\" "
        "she said.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["analyze", str(folder), "--db", str(db), "--out",
                                      str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert store.failures.all() == [] and store.count("stage_runs") == 1


def _corpus_db(inputs, tmp_path):
    db = tmp_path / "corpus.db"
    with open_store(db) as store:
        analyze(store, AnalysisRun(paths=[str(inputs)], out=tmp_path / "first"))
    return db


def test_a_pair_that_cannot_be_aligned_is_recorded_and_the_others_are_saved(
        analysed_seeds, tmp_path, monkeypatch):
    import crossbearing.corpus.alignment as alignment
    import crossbearing.corpus.run as corpus

    db = tmp_path / "seeds.db"
    shutil.copy(analysed_seeds, db)
    real = alignment.shared_passages
    calls = []

    def flaky(text_a, text_b, **options):
        calls.append(1)
        if len(calls) == 1:
            raise IndexError("alignment defect")
        return real(text_a, text_b, **options)

    monkeypatch.setattr(alignment, "shared_passages", flaky)
    monkeypatch.setattr(corpus, "VERSION", "crossbearing.corpus.test")  # align every pair again
    with open_store(db) as store:
        report = corpus.run_corpus(store)
        [failure] = store.failures.all()
        aligned = store.corpus.aligned_pairs("crossbearing.corpus.test")
    assert (failure.stage, failure.target_kind, failure.error_type) == \
        ("corpus.reuse", "pair", "IndexError")
    assert tuple(failure.target.split("|")) not in aligned  # aligned again by the next run
    assert len(calls) > 2 and report.aligned_pairs == len(calls) - 1 == len(aligned)
    assert report.failed == 1


def test_a_corpus_step_that_fails_is_undone_and_the_next_steps_go_on(inputs, tmp_path,
                                                                      monkeypatch):
    import crossbearing.corpus.run as corpus

    db = _corpus_db(inputs, tmp_path)
    with open_store(db) as store:
        stories_before = store.count("stories")

    def broken_cluster(items, params):
        raise KeyError("clustering defect")

    monkeypatch.setattr(corpus, "cluster", broken_cluster)
    steps = []
    with open_store(db) as store:
        report = corpus.run_corpus(store, on_step=steps.append)
        failures = store.failures.all("corpus")
        assert store.count("stories") == stories_before  # the failed step's writes undone
        assert store.count("events") == report.events  # the later steps ran
    assert steps == ["duplicates", "stories", "dates", "reuse", "entities", "events"]
    assert [(f.stage, f.target, f.target_kind) for f in failures] == \
        [("corpus.stories", "", "step")]
    monkeypatch.undo()
    with open_store(db) as store:  # the next run recomputes the step and clears its failure
        corpus.run_corpus(store)
        assert store.failures.all() == []


def test_a_story_whose_events_cannot_be_merged_is_recorded(analysed_seeds, inputs, tmp_path,
                                                           monkeypatch):
    import crossbearing.corpus.events as merging
    import crossbearing.corpus.run as corpus

    db = tmp_path / "both.db"
    shutil.copy(analysed_seeds, db)
    with open_store(db) as store:  # the seed story and the three invented reports' stories
        analyze(store, AnalysisRun(paths=[str(inputs)], out=tmp_path / "first"))
    real = merging._groups

    def broken_for_one(mentions, *args, **kwargs):
        if any(m.article_id == target for m in mentions):
            raise ZeroDivisionError("merge defect")
        return real(mentions, *args, **kwargs)

    with open_store(db) as store:
        story_of = store.events.story_map()
        target = next(m.article_id for m in store.events.event_mentions())
        others = {e.event_id for e in store.events.all()
                  if e.story_id != story_of[target]}
        monkeypatch.setattr(merging, "_groups", broken_for_one)
        corpus.run_corpus(store)
        [failure] = store.failures.all()
        kept = {e.event_id for e in store.events.all()}
    assert (failure.stage, failure.target, failure.target_kind) == \
        ("corpus.events", story_of[target], "story")
    assert others and others <= kept


def test_a_story_the_comparison_fails_on_is_recorded_and_the_others_compared(
        analysed_seeds, tmp_path, monkeypatch):
    import crossbearing.compare.run as compare

    db = tmp_path / "seeds.db"
    shutil.copy(analysed_seeds, db)
    real = compare.group_claims
    with open_store(db) as store:
        stories = [s.id for s in store.corpus.stories()]
        victim = stories[0]

        def broken(story_id, records):
            if story_id == victim:
                raise TypeError("comparison defect")
            return real(story_id, records)

        monkeypatch.setattr(compare, "group_claims", broken)
        report = compare.run_compare(store)
        [failure] = store.failures.all()
        assert store.comparison.claim_groups(victim) == [] and store.comparison.quote_groups(victim) == []
    assert (failure.stage, failure.target, failure.error_type) == ("compare", victim, "TypeError")
    assert report.failed == 1 and report.stories == len(stories) - 1


def test_a_section_that_cannot_be_built_says_so_and_the_dossier_is_written(
        analysed_seeds, tmp_path, monkeypatch):
    import crossbearing.views.story as views

    db = tmp_path / "seeds.db"
    shutil.copy(analysed_seeds, db)

    def broken(data):
        raise ValueError("<script>alert(1)</script> section defect")

    sections = [(key, broken if key == "numbers" else view) for key, view in views.STORY_SECTIONS]
    monkeypatch.setattr(views, "STORY_SECTIONS", sections)
    with open_store(db) as store:
        summary = analyze(store, AnalysisRun(paths=[], out=tmp_path / "out"))
        failures = store.failures.all("report")
        stories = store.count("stories")
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert summary["failed"] == stories == len(failures)
    assert {f.target.split("/")[1] for f in failures} == {"numbers"}
    assert "The numbers section could not be built" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)" in html
    assert "part-quotes" in html and (tmp_path / "out" / "crossbearing.json").exists()


def test_a_dossier_that_cannot_be_written_is_recorded_and_the_exports_still_are(
        analysed_seeds, tmp_path, monkeypatch):
    import crossbearing.report.run as report

    db = tmp_path / "seeds.db"
    shutil.copy(analysed_seeds, db)

    def broken(*args, **kwargs):
        raise RuntimeError("template defect")

    monkeypatch.setattr(report, "write_dossier", broken)
    with open_store(db) as store:
        summary = analyze(store, AnalysisRun(paths=[], out=tmp_path / "out"))
        [failure] = store.failures.all()
    assert summary["report"] is None and (failure.stage, failure.target_kind) == ("report", "step")
    assert (tmp_path / "out" / "crossbearing.json").exists()
    assert (tmp_path / "out" / "acled.csv").exists()


def test_errors_no_input_causes_stop_the_run():
    failures = []
    for error in (StoreError("gone"), OSError(28, "No space left on device"), MemoryError(),
                  sqlite3.OperationalError("disk I/O error")):
        assert is_fatal(error, sqlite3.Error)
        with pytest.raises(type(error)):
            isolated(lambda: (_ for _ in ()).throw(error), failures, stage="s", target="t",
                     target_kind="article", version="v", driver_error=sqlite3.Error)
    assert failures == []
    for error in (ValueError("x"), StopIteration(), RecursionError(), KeyError("k")):
        assert not is_fatal(error, sqlite3.Error)
    assert isolated(lambda: 1 / 0, failures, stage="s", target="t", target_kind="article",
                    version="v") is None
    assert failures == [Failure("s", "t", "article", "v", "ZeroDivisionError",
                                "division by zero")]


def test_a_failure_message_is_one_short_line():
    failure = Failure.of("annotate", "a1", "article", "v", ValueError("line one\n" + "x" * 900))
    assert "\n" not in failure.message and len(failure.message) == Failure.MAX_MESSAGE
    assert Failure.of("s", "t", "k", "v", StopIteration()).message == "StopIteration()"


def test_the_reasons_a_run_cannot_go_on_are_said_in_people_words():
    assert "busy" in cannot_go_on(sqlite3.OperationalError("database is locked"))
    assert "disk is full" in cannot_go_on(OSError(28, "No space left on device"))
    assert cannot_go_on(StoreError("cannot connect")) == "cannot connect"
    assert "internal error (KeyError" in cannot_go_on(KeyError("x"))


def test_a_database_busy_with_another_program_exits_3_without_a_traceback(
        tmp_path, monkeypatch, capsys):
    import crossbearing.store.sqlite as sqlite_store

    db = tmp_path / "x.db"
    open_store(db).close()
    (tmp_path / "a.txt").write_text("Talks resume\n\nOfficials said the talks resume on Monday.")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(sys, "argv", ["crossbearing", "ingest", str(tmp_path / "a.txt"),
                                      "--db", str(db)])
    try:
        with pytest.raises(SystemExit) as stopped:
            main()
    finally:
        holder.rollback()
        holder.close()
    printed = capsys.readouterr()
    assert stopped.value.code == 3
    assert "database is busy" in printed.err and "Traceback" not in printed.err + printed.out


def test_reading_commands_on_a_missing_database_create_nothing(tmp_path):
    runner = CliRunner()
    typo = tmp_path / "typo.db"
    for command in (["articles"], ["rejected"], ["failed"], ["stories"], ["corpus"],
                    ["compare"], ["annotate"], ["export", "--format", "json"],
                    ["serve", "--read-only"]):
        result = runner.invoke(cli, [*command, "--db", str(typo)])
        assert result.exit_code == 2, (command, result.output)
        assert "no database at" in result.output
        assert not typo.exists() and list(tmp_path.iterdir()) == []


def test_an_article_longer_than_the_parser_accepts_fails_alone(monkeypatch, seed_articles):
    import crossbearing.annotate.stage as stage

    nlp = stage.pipeline()
    monkeypatch.setattr(nlp, "max_length", 2000)
    long = stage.Article(**{**vars(seed_articles[0]), "id": "long", "text": "Words here. " * 200})
    short = stage.Article(**{**vars(seed_articles[0]), "id": "short",
                             "text": "Officials met in Basra on Monday."})
    results = stage.annotate_batch([long, short])
    assert [type(r).__name__ for r in results] == ["Failure", "ArticleAnnotations"]
    assert results[0].error_type == "TooLong" and "2,400 characters long" in results[0].message


def test_events_at_the_ends_of_the_calendar_are_drawn_on_the_timeline(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Village attacked\n\nGunmen attacked the village of Tal Afar in 9999, killing three "
        "people, police said. Others attacked it in 0001, killing two people, police said.\n",
        encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        summary = analyze(store, AnalysisRun(paths=[str(folder)], out=tmp_path / "out"))
        assert store.failures.all() == [] and summary["failed"] == 0
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "9999" in html and "0001" in html
