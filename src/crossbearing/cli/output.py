"""Commands that produce for people and other tools: analyze, export, serve."""

from __future__ import annotations

import json
import sys

import click

from crossbearing.cli.common import (
    db_option,
    err,
    json_option,
    known_story,
    open_db,
    out,
    print_json,
    exit_status,
    print_failures,
    print_rejections,
    progress_bar,
    safe,
    stage_progress,
    writing_run,
)
from crossbearing.cli.statements import print_warnings, statement_options, statements_from


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "acled-csv", "jsonl", "graphml", "citations"]),
              required=True, help="json: one document; acled-csv: ACLED's columns; jsonl: a file "
              "per table; graphml: actors and their links; citations: every quote and counted "
              "fact with outlet, date, URL, speaker, exact words and a line to paste (CSV).")
@click.option("--out", "out_path", default=None, help="File to write (a folder for jsonl); "
              "standard output without it.")
@click.option("--story", "story_id", default=None, help="Only this story's records.")
@click.option("--with-text", is_flag=True, help="Include each article's full text (json, jsonl).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary (counts) as JSON on "
              "stderr when writing to --out.")
def export_command(db: str, fmt: str, out_path: str | None, story_id: str | None,
                   with_text: bool, as_json: bool) -> None:
    """Export everything stored (or one story) for other tools: JSON, ACLED-style CSV, JSON
    Lines, GraphML or citations CSV (docs/export.md). Writes to standard output unless --out is given; the
    summary then goes to stderr."""
    from crossbearing.export import FOLDER_FORMATS, export, write_export

    with open_db(db) as store:
        story_id = known_story(store, story_id)
        if out_path and fmt not in FOLDER_FORMATS:  # replaced whole: an error leaves the old
            counts = write_export(store, fmt, out_path, story_id=story_id, with_text=with_text)
        else:  # a stream is written as the tables are read; jsonl's folder file by file
            counts = export(store, fmt, out_path or sys.stdout, story_id=story_id,
                            with_text=with_text)
    if out_path and as_json:
        click.echo(json.dumps({"format": fmt, "out": out_path, "counts": counts}), err=True)
    elif out_path:
        summary = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
        err.print(f"{safe(fmt)} export: {safe(summary or 'nothing')}  →  {safe(out_path)}")


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--out", default="crossbearing-report", show_default=True,
              type=click.Path(file_okay=False), help="Folder the dossier (index.html) is written to.")
@click.option("--duplicate-threshold", type=click.FloatRange(0.1, 1.0), default=0.8,
              show_default=True, help="Shingle similarity from which two articles are near-copies.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar per stage (default: only when stderr is a terminal).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes the run may use at most: reading inputs, annotating, aligning "
              "passages, exports beside the dossier (default: the CPUs, fewer where starting "
              "them costs more than they save; 1: this process only).")
@statement_options
@json_option
def analyze(paths: tuple[str, ...], db: str, out: str, duplicate_threshold: float,
            progress: bool | None, workers: int | None, manifest: str | None,
            outlet: str | None, published: str | None, as_json: bool) -> None:
    """Do the whole job: ingest PATHS, annotate, work across articles, write the dossier.

    Incremental: a rerun redoes only new or changed work. Open OUT/index.html in a browser."""
    from pathlib import Path

    from crossbearing.analysis import analyze as run_analysis
    from crossbearing.stages import AnalysisRun

    show = err.is_terminal if progress is None else progress
    run = AnalysisRun(paths=list(paths), out=Path(out), duplicate_threshold=duplicate_threshold,
                      workers=workers,
                      statements=statements_from(paths, manifest, outlet, published))
    with open_db(db, create=True) as store, writing_run(store):
        if show:
            with progress_bar() as bar:
                summary = run_analysis(store, run, lambda name: stage_progress(bar, name))
        else:
            summary = run_analysis(store, run)
    if as_json:
        print_json(summary)
    else:
        _print_analysis_summary(summary, db)
    sys.exit(exit_status(rejected=summary["rejected_now"], failed=summary["failed"]))


def _print_analysis_summary(summary: dict, db: str) -> None:
    out.print(f"{summary['articles']} articles ({summary['articles_added']} new), "
              f"{summary['rejected']} inputs rejected, {summary['stories']} stories, "
              f"{summary['quotes']} quotes, {summary['numeric_facts']} numbers, "
              f"{summary['entities']} actors and places, {summary['events']} events, "
              f"{summary['conflicts']} conflicts  →  {safe(db)}")
    print_rejections(summary["stages"]["ingest"]["rejections"])
    print_warnings(summary["stages"]["ingest"].get("warnings", []))
    print_failures(summary["failures"], summary["failed"])
    if summary.get("skipped"):
        out.print(f"Nothing new since the last complete run: {', '.join(summary['skipped'])} "
                  "not run again (their results and files are current)")
    out.print(f"Dossier: {safe(summary['report'] or 'not written (see the failures above)')}")
    if summary["exports"]:
        out.print(f"Data: {safe(', '.join(summary['exports']))}")


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; the default answers this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--read-only", is_flag=True, help="Refuse corrections (every write answers 403).")
def serve(db: str, host: str, port: int, read_only: bool) -> None:
    """Serve the dossier as a web app over the database: stories, articles, actors, search,
    corrections, and a JSON API under /api. Stop it with Ctrl-C."""
    from crossbearing.web import serve as run_server

    open_db(db).close()  # a database that cannot be opened is a usage error, before listening
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"warning: listening on {safe(host)}: the app has no login; anyone who can "
                  "reach this port can read the database" + ("" if read_only else
                                                              " and make corrections"))
    out.print(f"Serving {safe(db)} on http://{safe(host)}:{port}/"
              + (" (read-only)" if read_only else ""))
    run_server(db, host=host, port=port, read_only=read_only)
