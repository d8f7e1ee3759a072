"""Commands of the article stage and what it finds: annotate, quotes, numbers."""

from __future__ import annotations

import sys

import click
from rich.table import Table

from crossbearing.cli.common import (
    db_option,
    err,
    exit_status,
    json_option,
    open_db,
    out,
    print_failures,
    print_json,
    progress_bar,
    safe,
    stage_progress,
    writing_run,
)
from crossbearing.cli.tables import counted
from crossbearing.views.records import (
    failure_view,
    number_rows,
    quote_rows,
)


@click.command()
@db_option
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles annotated and written per transaction.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: only when stderr is a terminal).")
@click.option("--executor", "executor_kind",
              type=click.Choice(["auto", "serial", "process", "dask"]), default="auto",
              show_default=True, help="Where batches are annotated: a process pool sized to the "
              "work (auto: this process for a handful of articles), this process, a process "
              "pool, or Dask.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes for auto, process and a local Dask cluster (default: the "
              "CPUs; 1: this process).")
@click.option("--scheduler", default=None,
              help="Address of a Dask scheduler (tcp://HOST:8786); without it, a local cluster.")
@json_option
def annotate(db: str, batch_size: int, progress: bool | None, executor_kind: str,
             workers: int | None, scheduler: str | None, as_json: bool) -> None:
    """Find actors, places and dates in every English article not annotated yet.

    Incremental: articles annotated by this version (and knowledge base) are skipped."""
    from crossbearing.annotate.run import run as run_annotate
    from crossbearing.stages import AnalysisRun

    if scheduler and executor_kind != "dask":
        raise click.UsageError("--scheduler is for --executor dask")
    show = err.is_terminal if progress is None else progress
    options = AnalysisRun(paths=[], workers=workers, executor=executor_kind, scheduler=scheduler,
                          batch_size=batch_size)
    with open_db(db) as store, writing_run(store):
        if show:
            with progress_bar() as bar:
                options.progress = stage_progress(bar, "annotate")
                report = run_annotate(store, options)
        else:
            report = run_annotate(store, options)
        failures = [failure_view(f) for f in store.failures.all("annotate")]
    summary = {"annotated": report.annotated, "failed": report.failed,
               "mentions": report.mentions, "time_expressions": report.time_expressions,
               "version": report.version}
    if as_json:
        print_json(summary)
    else:
        out.print(f"{report.annotated} articles annotated ({report.mentions} names, "
                  f"{report.time_expressions} time expressions) by {report.version}")
        print_failures(failures)
    sys.exit(exit_status(failed=len(failures)))


@click.command()
@db_option
@click.option("--speaker", default=None, help="Only quotes whose speaker name, actor id or "
              "description contains this (case-insensitive).")
@click.option("--outlet", default=None, help="Only quotes in articles of this outlet.")
@click.option("--by", type=click.Choice(["speaker", "outlet"]), default="speaker", show_default=True,
              help="Group the listing by speaker or by outlet.")
@json_option
def quotes(db: str, speaker: str | None, outlet: str | None, by: str, as_json: bool) -> None:
    """List quotes and reported speech with their speakers, grouped by speaker or by outlet."""
    with open_db(db) as store:
        rows = quote_rows(store, speaker=speaker, outlet=outlet)
    if as_json:
        print_json(rows)
        return
    key = "speaker" if by == "speaker" else "outlet"
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row[key] or "(unknown)", []).append(row)
    for name, items in sorted(groups.items(), key=lambda g: -len(g[1])):
        out.print(f"[bold]{safe(name)}[/bold] ({len(items)})")
        for row in items:
            other = row["outlet"] if by == "speaker" else row["speaker"]
            out.print(f"  [{row['kind']}] {safe(row['content'][:300])}  "
                      f"[dim]— {safe(row['speaker_text'] or '?')}, {safe(other or '?')}, "
                      f"{row['article_id']}[/dim]")
    out.print(counted(len(rows), "quote"))


@click.command()
@db_option
@click.option("--counted", default=None, help="Only facts whose counted phrase contains this.")
@json_option
def numbers(db: str, counted: str | None, as_json: bool) -> None:
    """List counts and amounts: value, hedge, what is counted, scope, speaker, outlet."""
    with open_db(db) as store:
        rows = number_rows(store, counted=counted)
    if as_json:
        print_json(rows)
        return
    table = Table("number", "hedge", "value", "counted", "time scope", "place scope", "speaker",
                  "outlet")
    for row in rows:
        value = f"{row['low']:g}" if row["low"] == row["high"] else f"{row['low']:g}–{row['high']:g}"
        table.add_row(safe(row["text"]), row["hedge"] or "", value, safe(row["counted"] or "—"),
                      safe(row["time_scope"] or ""), safe(row["place_scope"] or ""),
                      safe(row["speaker"] or ""), safe(row["outlet"] or "?"))
    out.print(table)
    out.print(f"{len(rows)} numeric facts")
