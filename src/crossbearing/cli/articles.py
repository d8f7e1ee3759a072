"""Commands that read inputs in and show what was stored: ingest, articles, show, rejected."""

from __future__ import annotations

import sys

import click
from rich.table import Table

from crossbearing.cli.common import (
    db_option,
    err,
    json_option,
    open_db,
    out,
    print_json,
    exit_status,
    print_rejections,
    progress_bar,
    safe,
    stage_progress,
    writing_run,
)
from crossbearing.cli.statements import print_warnings, statement_options, statements_from
from crossbearing.cli.tables import counted, listing, short_ids
from crossbearing.errors import NotFound, UsageError
from crossbearing.ingest.source import Limits
from crossbearing.stages import AnalysisRun
from crossbearing.views.records import (
    article_detail,
    article_summary,
    failure_view,
    rejection_view,
)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--max-document-bytes", type=click.IntRange(min=1), default=Limits().max_document_bytes,
              show_default=True, help="Largest single document, or record inside a container.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: only when stderr is a terminal).")
@statement_options
@json_option
def ingest(paths: tuple[str, ...], db: str, max_document_bytes: int, progress: bool | None,
           manifest: str | None, outlet: str | None, published: str | None,
           as_json: bool) -> None:
    """Read files, folders (recursively) or standard input ("-") into the store.

    Every input becomes articles or a recorded rejection; inputs already read are skipped."""
    from crossbearing.ingest.run import run as run_ingest  # the HTML extractors: this command's

    options = AnalysisRun(paths=list(paths),
                          limits=Limits(max_document_bytes=max_document_bytes),
                          statements=statements_from(paths, manifest, outlet, published))
    show = err.is_terminal if progress is None else progress
    with open_db(db, create=True) as store, writing_run(store):
        if show:
            with progress_bar() as bar:
                options.progress = stage_progress(bar, "ingest")
                report = run_ingest(store, options)
        else:
            report = run_ingest(store, options)
        location = store.location  # a URL's password left out
    summary = report.summary()
    if as_json:
        print_json(summary)
    else:
        _print_ingest_summary(summary, location)
    sys.exit(exit_status(rejected=len(report.rejections)))


def _print_ingest_summary(summary: dict, db: str) -> None:
    formats = ", ".join(f"{name} {count}" for name, count in summary["formats"].items()) or "none"
    out.print(f"{summary['inputs']} inputs ({summary['unchanged_inputs']} unchanged since the last "
              f"run; formats: {formats})")
    out.print(f"{summary['articles_added']} articles added, {summary['already_stored']} already "
              f"stored, {summary['rejected']} rejected  →  {safe(db)}")
    print_rejections(summary["rejections"])
    print_warnings(summary["warnings"])


@click.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@json_option
def articles(db: str, limit: int | None, offset: int, as_json: bool) -> None:
    """List stored articles, by publication date (undated last)."""
    with open_db(db) as store:
        rows = [article_summary(a) for a in store.articles.all(limit=limit, offset=offset)]
    if as_json:
        print_json(rows)
        return
    shown = short_ids(row["id"] for row in rows)
    out.print(listing(("id", "published", "source", "lang", "title", "chars"), [
        (shown[row["id"]], safe(row["published"] or "—"), safe(row["source"]),
         safe(row["language"] or "?"), safe(row["title"] or "(untitled)"),
         str(row["characters"])) for row in rows], width=out.width))
    out.print(counted(len(rows), "article"))


@click.command()
@click.argument("article_id")
@db_option
@click.option("--raw", is_flag=True, help="Write the raw bytes the article was read from.")
@json_option
def show(article_id: str, db: str, raw: bool, as_json: bool) -> None:
    """Show one article's metadata and clean text (ARTICLE_ID may be a unique prefix)."""
    with open_db(db) as store:
        try:
            article = store.articles.article(article_id, with_raw=raw)
        except (NotFound, UsageError) as error:
            raise click.UsageError(str(error)) from None
    if raw:
        sys.stdout.buffer.write(article.raw)
        return
    detail = article_detail(article)
    if as_json:
        print_json(detail)
        return
    out.print(f"[bold]{safe(detail['title'] or '(untitled)')}[/bold]")
    for key in ("id", "outlet", "published", "authors", "language", "url", "source_path", "locator",
                "format", "external_id", "skip_reason"):
        value = detail[key]
        if key == "published" and value:
            value = f"{value} ({detail['published_precision']}, from {detail['published_source']})"
        if key == "outlet" and value:
            value = f"{value} (from {detail['outlet_source']})"
        if value not in (None, "", []):
            value = ", ".join(value) if isinstance(value, list) else value
            out.print(f"[dim]{key:>12}[/dim]  {safe(value)}")
    out.print()
    out.print(safe(detail["text"]))


@click.command()
@db_option
@json_option
def rejected(db: str, as_json: bool) -> None:
    """List inputs, and records inside inputs, that did not become articles, with the reason."""
    with open_db(db) as store:
        rows = [rejection_view(r) for r in store.articles.rejections()]
    if as_json:
        print_json(rows)
        return
    table = Table("path", "where", "reason", "detail")
    for row in rows:
        table.add_row(safe(row["path"]), safe(row["locator"] or "—"), row["reason"],
                      safe(row["detail"]))
    out.print(table)
    out.print(f"{len(rows)} rejected")


@click.command()
@db_option
@click.option("--stage", default=None, help="Only this stage's failures: annotate, corpus, "
              "compare, report or export (a corpus step: corpus.reuse).")
@json_option
def failed(db: str, stage: str | None, as_json: bool) -> None:
    """List what the analysis could not do, and why: articles an annotator failed on, stories a
    corpus step or the comparison failed on, dossier sections that could not be built.

    A failed article is tried again once the annotate stage's version changes; the other stages
    try again on every run."""
    with open_db(db) as store:
        rows = [failure_view(f) for f in store.failures.all(stage)]
    if as_json:
        print_json(rows)
        return
    if not rows:
        out.print("Nothing failed.")
        return
    table = Table("stage", "what", "error", "message", "version")
    for row in rows:
        what = f"{row['target_kind']} {row['target']}" if row["target"] else row["target_kind"]
        table.add_row(row["stage"], safe(what), safe(row["error_type"]), safe(row["message"]),
                      safe(row["version"]))
    out.print(table)
    out.print(f"{len(rows)} failed")
