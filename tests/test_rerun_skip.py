"""A rerun of the analysis with nothing new skips the corpus steps, the comparison, the dossier
and the exports, and leaves the files as they are; anything new makes them run again."""

import shutil

import pytest
from conftest import SAMPLE_CORPUS

from crossbearing.analysis import analyze
from crossbearing.rerun import OUTPUT_STAGES, RESULT_STAGES
from crossbearing.stages import AnalysisRun
from crossbearing.store import open_store

EVERY = [*RESULT_STAGES, *OUTPUT_STAGES]
FILES = ("index.html", "crossbearing.json", "acled.csv", "citations.csv")


@pytest.fixture
def seeds(analysed_seeds, tmp_path):
    db = tmp_path / "seeds.db"
    shutil.copy(analysed_seeds, db)
    return db


def run(db, out, *paths):
    with open_store(db) as store:
        return analyze(store, AnalysisRun(paths=[str(SAMPLE_CORPUS), *map(str, paths)], out=out))


def snapshot(out):
    return {name: ((out / name).read_bytes(), (out / name).stat().st_mtime_ns) for name in FILES}


def test_a_rerun_with_nothing_new_skips_and_leaves_every_file_as_it_is(seeds, tmp_path):
    out = tmp_path / "out"
    first = run(seeds, out)
    assert first["skipped"] == list(RESULT_STAGES)  # the fixture's run computed the results
    before = snapshot(out)
    again = run(seeds, out)
    assert again["skipped"] == EVERY and snapshot(out) == before
    assert all(again["stages"][stage]["skipped"] for stage in ("corpus", "compare", "report"))
    assert again["report"] == first["report"] and again["exports"] == first["exports"]
    assert again["stages"]["report"]["bytes"] == first["stages"]["report"]["bytes"]
    assert again["stages"]["export"]["crossbearing.json"]["counts"] == \
        first["stages"]["export"]["crossbearing.json"]["counts"]
    for key in ("articles", "stories", "quotes", "events", "conflicts", "failed"):
        assert again[key] == first[key], key


def test_what_a_skip_keeps_is_what_running_every_stage_writes(seeds, tmp_path):
    run(seeds, tmp_path / "out")
    assert run(seeds, tmp_path / "out")["skipped"] == EVERY
    with open_store(seeds) as store:
        store.runs.forget_run_states()
    full = run(seeds, tmp_path / "full")
    assert full["skipped"] == []
    for name in FILES:
        assert comparable(tmp_path / "full", name) == comparable(tmp_path / "out", name), name


def comparable(out, name):
    """The file's bytes; the ACLED CSV's without its last column, the time it was written."""
    return comparable_bytes(name, (out / name).read_bytes())


def comparable_bytes(name, data):
    if name != "acled.csv":
        return data
    return [line.rsplit(b",", 1)[0] for line in data.split(b"\r\n")]


def test_a_changed_or_missing_output_file_is_written_again(seeds, tmp_path):
    out = tmp_path / "out"
    run(seeds, out)
    written = (out / "acled.csv").read_bytes()
    (out / "acled.csv").write_bytes(written + b"edited\n")
    assert run(seeds, out)["skipped"] == list(RESULT_STAGES)
    assert comparable(out, "acled.csv") == comparable_bytes("acled.csv", written)
    (out / "index.html").unlink()
    assert run(seeds, out)["skipped"] == list(RESULT_STAGES)
    assert (out / "index.html").exists()
    assert run(seeds, out)["skipped"] == EVERY
    other = tmp_path / "elsewhere"
    assert run(seeds, other)["skipped"] == list(RESULT_STAGES)  # a folder never written
    assert run(seeds, other)["skipped"] == EVERY


def test_a_correction_or_a_decision_makes_every_stage_run_again(seeds, tmp_path):
    out = tmp_path / "out"
    run(seeds, out)
    with open_store(seeds) as store:
        article = store.articles.all()[0]
        override = store.corrections.add_override("article-title", article.id, "A corrected title")
    again = run(seeds, out)
    assert again["skipped"] == [] and "A corrected title" in (out / "index.html").read_text()
    assert run(seeds, out)["skipped"] == EVERY
    with open_store(seeds) as store:
        store.corrections.remove_override(override)
    assert run(seeds, out)["skipped"] == []
    assert "A corrected title" not in (out / "index.html").read_text()


def test_a_new_stage_version_makes_every_stage_run_again(seeds, tmp_path, monkeypatch):
    import crossbearing.compare.run as compare

    out = tmp_path / "out"
    run(seeds, out)
    monkeypatch.setattr(compare, "VERSION", compare.VERSION + "-next")
    assert run(seeds, out)["skipped"] == []
    assert run(seeds, out)["skipped"] == EVERY


def test_a_new_article_makes_every_stage_run_again(seeds, tmp_path):
    out = tmp_path / "out"
    run(seeds, out)
    before = (out / "crossbearing.json").read_bytes()
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new.txt").write_text(
        "Flooding closes the river road\n\nHeavy rain flooded the river road near Mosul on "
        "Tuesday, officials said. \"The water rose two metres overnight,\" said Ali Hassan, a "
        "civil defence officer. Three villages were cut off.\n", encoding="utf-8")
    again = run(seeds, out, extra)
    assert again["articles_added"] == 1 and again["skipped"] == []
    assert (out / "crossbearing.json").read_bytes() != before
    assert run(seeds, out, extra)["skipped"] == EVERY


def test_a_correction_made_with_the_command_makes_the_rerun_do_the_work(seeds, tmp_path):
    import json

    from click.testing import CliRunner

    from crossbearing.cli import cli

    out = tmp_path / "out"
    args = ["analyze", str(SAMPLE_CORPUS), "--db", str(seeds), "--out", str(out), "--json",
            "--no-progress"]
    runner = CliRunner()
    assert json.loads(runner.invoke(cli, args).stdout)["skipped"] == list(RESULT_STAGES)
    assert json.loads(runner.invoke(cli, args).stdout)["skipped"] == EVERY
    with open_store(seeds) as store:
        article = store.articles.all()[0].id
    corrected = runner.invoke(cli, ["correct", "article", article, "--title", "Corrected title",
                                    "--db", str(seeds)])
    assert corrected.exit_code == 0, corrected.output
    again = json.loads(runner.invoke(cli, args).stdout)
    assert again["skipped"] == [] and "Corrected title" in (out / "index.html").read_text()
