"""The ``crossbearing`` command: thin commands over the library. Only this module imports click.

Exit status: 0 when all went well, 1 when some inputs were rejected, 2 for usage errors (a bad
option, an unknown id, a database that cannot be opened).
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from crossbearing import __version__
from crossbearing.errors import CrossbearingError, NotFound, StoreError, UsageError
from crossbearing.ingest.run import ingest_paths
from crossbearing.ingest.source import Limits, iter_files
from crossbearing.store import DEFAULT_DB, Store, open_store
from crossbearing.views import (
    article_detail,
    article_summary,
    claim_group_views,
    compare_summary,
    coverage_view,
    entity_rows,
    event_views,
    framing_view,
    ingest_summary,
    number_rows,
    passage_views,
    quote_group_views,
    quote_rows,
    rejection_view,
    story_view,
    terminal_safe,
    timeline_view,
)

EXIT_REJECTED = 1
EXIT_USAGE = 2

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

db_option = click.option(
    "--db", "db", default=DEFAULT_DB, show_default=True, envvar="CROSSBEARING_DB",
    help="SQLite database file (created if missing), or a postgresql://user:password@host/name "
         "URL. Also read from CROSSBEARING_DB.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def _safe(text: Any) -> str:
    """Untrusted text for a rich console: no control characters, no rich markup."""
    return escape(terminal_safe("" if text is None else str(text)))


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _open(db: str) -> Store:
    try:
        return open_store(db)
    except (StoreError, UsageError) as error:
        raise click.UsageError(str(error)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crossbearing")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens to stderr.")
def cli(verbose: bool) -> None:
    """Crossbearing turns news reports from many outlets into a source-attributed account of each
    story. Start with `crossbearing ingest FOLDER`."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--max-document-bytes", type=click.IntRange(min=1), default=Limits().max_document_bytes,
              show_default=True, help="Largest single document, or record inside a container.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: only when stderr is a terminal).")
@json_option
def ingest(paths: tuple[str, ...], db: str, max_document_bytes: int, progress: bool | None,
           as_json: bool) -> None:
    """Read files, folders (recursively) or standard input ("-") into the store.

    Every input becomes articles or a recorded rejection; inputs already read are skipped."""
    limits = Limits(max_document_bytes=max_document_bytes)
    show = err.is_terminal if progress is None else progress
    with _open(db) as store:
        if show:
            files = list(iter_files(list(paths)))
            with _progress() as bar:
                task = bar.add_task("ingest", total=len(files))
                report = ingest_paths(paths, store, limits=limits,
                                      on_input=lambda _path: bar.advance(task))
        else:
            report = ingest_paths(paths, store, limits=limits)
        location = store.location  # a URL's password left out
    summary = ingest_summary(report)
    if as_json:
        _print_json(summary)
    else:
        _print_ingest_summary(summary, location)
    sys.exit(EXIT_REJECTED if report.rejections else 0)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True)


def _print_ingest_summary(summary: dict, db: str) -> None:
    formats = ", ".join(f"{name} {count}" for name, count in summary["formats"].items()) or "none"
    out.print(f"{summary['inputs']} inputs ({summary['unchanged_inputs']} unchanged since the last "
              f"run; formats: {formats})")
    out.print(f"{summary['articles_added']} articles added, {summary['already_stored']} already "
              f"stored, {summary['rejected']} rejected  →  {_safe(db)}")
    for rejection in summary["rejections"]:
        where = f" [{rejection['locator']}]" if rejection["locator"] else ""
        err.print(f"rejected: {_safe(rejection['path'])}{_safe(where)}: {rejection['reason']}: "
                  f"{_safe(rejection['detail'])}")


@cli.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@json_option
def articles(db: str, limit: int | None, offset: int, as_json: bool) -> None:
    """List stored articles, by publication date (undated last)."""
    with _open(db) as store:
        rows = [article_summary(a) for a in store.articles(limit=limit, offset=offset)]
    if as_json:
        _print_json(rows)
        return
    table = Table("id", "published", "outlet", "lang", "title", "chars", show_lines=False)
    for row in rows:
        table.add_row(row["id"], _safe(row["published"] or "—"), _safe(row["outlet"] or "—"),
                      _safe(row["language"] or "?"), _safe(row["title"] or "(untitled)"),
                      str(row["characters"]))
    out.print(table)
    out.print(f"{len(rows)} articles")


@cli.command()
@click.argument("article_id")
@db_option
@click.option("--raw", is_flag=True, help="Write the raw bytes the article was read from.")
@json_option
def show(article_id: str, db: str, raw: bool, as_json: bool) -> None:
    """Show one article's metadata and clean text (ARTICLE_ID may be a unique prefix)."""
    with _open(db) as store:
        try:
            article = store.article(article_id, with_raw=raw)
        except (NotFound, UsageError) as error:
            raise click.UsageError(str(error)) from None
    if raw:
        sys.stdout.buffer.write(article.raw)
        return
    detail = article_detail(article)
    if as_json:
        _print_json(detail)
        return
    out.print(f"[bold]{_safe(detail['title'] or '(untitled)')}[/bold]")
    for key in ("id", "outlet", "published", "authors", "language", "url", "source_path", "locator",
                "format", "external_id", "skip_reason"):
        value = detail[key]
        if key == "published" and value:
            value = f"{value} ({detail['published_precision']}, from {detail['published_source']})"
        if key == "outlet" and value:
            value = f"{value} (from {detail['outlet_source']})"
        if value not in (None, "", []):
            value = ", ".join(value) if isinstance(value, list) else value
            out.print(f"[dim]{key:>12}[/dim]  {_safe(value)}")
    out.print()
    out.print(_safe(detail["text"]))


@cli.command()
@db_option
@json_option
def rejected(db: str, as_json: bool) -> None:
    """List inputs, and records inside inputs, that did not become articles, with the reason."""
    with _open(db) as store:
        rows = [rejection_view(r) for r in store.rejections()]
    if as_json:
        _print_json(rows)
        return
    table = Table("path", "where", "reason", "detail")
    for row in rows:
        table.add_row(_safe(row["path"]), _safe(row["locator"] or "—"), row["reason"],
                      _safe(row["detail"]))
    out.print(table)
    out.print(f"{len(rows)} rejected")


@cli.command()
@db_option
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles annotated and written per transaction.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: only when stderr is a terminal).")
@click.option("--executor", "executor_kind", type=click.Choice(["serial", "process", "dask"]),
              default="serial", show_default=True,
              help="Where batches are annotated: this process, a process pool, or Dask.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes for process and a local Dask cluster (default: the CPUs).")
@click.option("--scheduler", default=None,
              help="Address of a Dask scheduler (tcp://HOST:8786); without it, a local cluster.")
@json_option
def annotate(db: str, batch_size: int, progress: bool | None, executor_kind: str,
             workers: int | None, scheduler: str | None, as_json: bool) -> None:
    """Find actors, places and dates in every English article not annotated yet.

    Incremental: articles annotated by this version (and knowledge base) are skipped."""
    from crossbearing.executors import make_executor
    from crossbearing.pipeline import (
        annotate as run_annotate,  # loads spaCy: only when asked
    )

    if scheduler and executor_kind != "dask":
        raise click.UsageError("--scheduler is for --executor dask")
    show = err.is_terminal if progress is None else progress
    with _open(db) as store, make_executor(executor_kind, workers, scheduler) as executor:
        if show:
            with _progress() as bar:
                task = bar.add_task("annotate", total=len(store.pending_articles(*_stage())))
                report = run_annotate(store, batch_size=batch_size, executor=executor,
                                      on_batch=lambda n: bar.advance(task, n))
        else:
            report = run_annotate(store, batch_size=batch_size, executor=executor)
    summary = {"annotated": report.annotated, "mentions": report.mentions,
               "time_expressions": report.time_expressions, "version": report.version}
    if as_json:
        _print_json(summary)
    else:
        out.print(f"{report.annotated} articles annotated ({report.mentions} names, "
                  f"{report.time_expressions} time expressions) by {report.version}")


def _stage() -> tuple[str, str]:
    from crossbearing.annotate.stage import STAGE, VERSION

    return STAGE, VERSION


@cli.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many.")
@json_option
def entities(db: str, limit: int | None, as_json: bool) -> None:
    """List the actors and places named in the articles, with their mentions per outlet and the
    spellings each outlet used."""
    with _open(db) as store:
        rows = entity_rows(store.entity_table())[:limit]
    if as_json:
        _print_json(rows)
        return
    table = Table("entity", "type", "kb id", "mentions", "outlet", "n", "spellings")
    for row in rows:
        for index, outlet in enumerate(row["outlets"]):
            forms = ", ".join(f"{form} ({n})" for form, n in outlet["forms"].items())
            table.add_row(_safe(row["name"]) if index == 0 else "", row["label"] if index == 0 else "",
                          _safe(row["actor_id"] or "—") if index == 0 else "",
                          str(row["mentions"]) if index == 0 else "",
                          _safe(outlet["outlet"] or "(unknown outlet)"), str(outlet["mentions"]),
                          _safe(forms))
    out.print(table)
    out.print(f"{len(rows)} entities")


@cli.command()
@db_option
@click.option("--duplicate-threshold", type=click.FloatRange(0.1, 1.0), default=0.8,
              show_default=True, help="Shingle similarity from which two articles are near-copies.")
@json_option
def corpus(db: str, duplicate_threshold: float, as_json: bool) -> None:
    """Work across articles: duplicates, stories, reprinted passages, one identity per actor.

    Run after `annotate`; incremental where the work allows (see docs/cli.md)."""
    from crossbearing.corpus.run import run_corpus

    with _open(db) as store:
        report = run_corpus(store, threshold=duplicate_threshold)
    summary = {"signed": report.signed, "duplicate_pairs": report.duplicate_pairs,
               "stories": report.stories, "aligned_pairs": report.aligned_pairs,
               "reprint_passages": report.reprint_passages, "entities": report.entities}
    if as_json:
        _print_json(summary)
    else:
        out.print(f"{report.duplicate_pairs} new duplicate pairs, {report.stories} stories, "
                  f"{report.reprint_passages} reprinted passages in {report.aligned_pairs} newly "
                  f"aligned pairs, {report.entities} entities")


@cli.command()
@db_option
@json_option
def stories(db: str, as_json: bool) -> None:
    """List the stories, largest first: id, headline, dates, reports and outlets."""
    with _open(db) as store:
        rows = store.stories()
    if as_json:
        _print_json(rows)
        return
    table = Table("story", "title", "first", "last", "reports", "outlets")
    for row in rows:
        table.add_row(row["id"], _safe(row["title"] or "(untitled)"), row["first_date"] or "—",
                      row["last_date"] or "—", str(row["articles"]), str(row["outlets"]))
    out.print(table)
    out.print(f"{len(rows)} stories")


@cli.command()
@click.argument("story_id")
@db_option
@json_option
def story(story_id: str, db: str, as_json: bool) -> None:
    """Show one story: its reports, their reprinted passages and duplicates."""
    with _open(db) as store:
        view = story_view(store, story_id)
    if view is None:
        raise click.UsageError(f"no story with id {story_id!r}")
    if as_json:
        _print_json(view)
        return
    out.print(f"[bold]{_safe(view['title'] or '(untitled)')}[/bold]  ({view['id']})")
    out.print(f"{len(view['articles'])} reports, {view['first_date'] or '?'} to {view['last_date'] or '?'}")
    for article in view["articles"]:
        out.print(f"  {article['id']}  {_safe(article['published'] or '—'):>10}  "
                  f"{_safe(article['outlet'] or '(unknown outlet)')}: {_safe(article['title'] or '(untitled)')}")
    for passage in view["passages"]:
        out.print(f"  {passage['kind']}: {passage['article_a']} ↔ {passage['article_b']}, "
                  f"{passage['words']} words ({passage['direction']})")


@cli.command()
@db_option
@click.option("--kind", type=click.Choice(["reprint", "shared-quotation"]), default=None,
              help="Only passages of this kind.")
@json_option
def reuse(db: str, kind: str | None, as_json: bool) -> None:
    """List passages articles share (reprints and shared quotations) and duplicate articles."""
    with _open(db) as store:
        rows = passage_views(store, store.passages(kind))
        duplicates = store.duplicates()
    if as_json:
        _print_json({"passages": rows, "duplicates": duplicates})
        return
    table = Table("kind", "from", "to", "words", "direction", "text")
    for row in rows:
        table.add_row(row["kind"], row["article_a"], row["article_b"], str(row["words"]),
                      row["direction"], _safe(row["text_a"][:120]))
    out.print(table)
    for pair in duplicates:
        out.print(f"{pair['kind']} duplicate: {pair['article_a']} = {pair['article_b']} "
                  f"(similarity {pair['similarity']:.2f})")
    out.print(f"{len(rows)} shared passages, {len(duplicates)} duplicate pairs")


@cli.command()
@db_option
@click.option("--speaker", default=None, help="Only quotes whose speaker name, actor id or "
              "description contains this (case-insensitive).")
@click.option("--outlet", default=None, help="Only quotes in articles of this outlet.")
@click.option("--by", type=click.Choice(["speaker", "outlet"]), default="speaker", show_default=True,
              help="Group the listing by speaker or by outlet.")
@json_option
def quotes(db: str, speaker: str | None, outlet: str | None, by: str, as_json: bool) -> None:
    """List quotes and reported speech with their speakers, grouped by speaker or by outlet."""
    with _open(db) as store:
        rows = quote_rows(store, speaker=speaker, outlet=outlet)
    if as_json:
        _print_json(rows)
        return
    key = "speaker" if by == "speaker" else "outlet"
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row[key] or "(unknown)", []).append(row)
    for name, items in sorted(groups.items(), key=lambda g: -len(g[1])):
        out.print(f"[bold]{_safe(name)}[/bold] ({len(items)})")
        for row in items:
            other = row["outlet"] if by == "speaker" else row["speaker"]
            out.print(f"  [{row['kind']}] {_safe(row['content'][:300])}  "
                      f"[dim]— {_safe(row['speaker_text'] or '?')}, {_safe(other or '?')}, "
                      f"{row['article_id']}[/dim]")
    out.print(f"{len(rows)} quotes")


@cli.command()
@db_option
@click.option("--counted", default=None, help="Only facts whose counted phrase contains this.")
@json_option
def numbers(db: str, counted: str | None, as_json: bool) -> None:
    """List counts and amounts: value, hedge, what is counted, scope, speaker, outlet."""
    with _open(db) as store:
        rows = number_rows(store, counted=counted)
    if as_json:
        _print_json(rows)
        return
    table = Table("number", "hedge", "value", "counted", "time scope", "place scope", "speaker",
                  "outlet")
    for row in rows:
        value = f"{row['low']:g}" if row["low"] == row["high"] else f"{row['low']:g}–{row['high']:g}"
        table.add_row(_safe(row["text"]), row["hedge"] or "", value, _safe(row["counted"] or "—"),
                      _safe(row["time_scope"] or ""), _safe(row["place_scope"] or ""),
                      _safe(row["speaker"] or ""), _safe(row["outlet"] or "?"))
    out.print(table)
    out.print(f"{len(rows)} numeric facts")


@cli.command()
@db_option
@json_option
def compare(db: str, as_json: bool) -> None:
    """Compare each story's reports: numeric claims grouped by what they count (agree, differ,
    single-source) and quotes aligned across outlets. Run after `corpus`; rerunning replaces."""
    from crossbearing.compare.run import run_compare

    with _open(db) as store:
        summary = compare_summary(run_compare(store))
    if as_json:
        _print_json(summary)
        return
    claims = ", ".join(f"{n} {status}" for status, n in summary["claims"].items()) or "none"
    differ = ", ".join(f"{n} {kind}" for kind, n in summary["differ"].items())
    quoted = ", ".join(f"{n} {label}" for label, n in summary["quotes"].items()) or "none"
    out.print(f"{summary['stories']} stories: {summary['claim_groups']} claim groups ({claims}"
              f"{'; differ: ' + differ if differ else ''}), {summary['quote_groups']} quote "
              f"groups ({quoted})")


def _known_story(store: Store, story_id: str | None) -> None:
    if story_id is not None and story_id not in {s["id"] for s in store.stories()}:
        raise click.UsageError(f"no story with id {story_id!r}")


@cli.command()
@click.argument("story_id", required=False)
@db_option
@click.option("--status", type=click.Choice(["agree", "differ", "single-source"]), default=None,
              help="Only groups with this status.")
@json_option
def claims(story_id: str | None, db: str, status: str | None, as_json: bool) -> None:
    """List numeric claims grouped across a story's reports (all stories without STORY_ID):
    what is counted, agree/differ/single-source, and each report's number, scope and speaker."""
    with _open(db) as store:
        _known_story(store, story_id)
        rows = claim_group_views(store, story_id, status)
    if as_json:
        _print_json(rows)
        return
    for g in rows:
        what = " ".join(_safe(x) for x in (g["thing"], g["toll"], g["unit"]) if x)
        label = f"{g['status']} ({g['kind']})" if g["kind"] else g["status"]
        out.print(f"[bold]{what}[/bold]: {label}, {g['sources']} sources  [dim]{g['id']}[/dim]")
        for m in g["members"]:
            scope = ", ".join(x for x in (m["time_scope"], m["place_scope"]) if x)
            line = (f"{m['text']} {m['counted'] or ''}{'  [' + scope + ']' if scope else ''}"
                    f"{'  — ' + m['speaker'] if m['speaker'] else ''}")
            out.print(f"  {_safe(line)}  [dim]{_safe(m['outlet'] or '(unknown outlet)')}, "
                      f"{m['article_id']}[/dim]")
    out.print(f"{len(rows)} claim groups")


@cli.command("quote-groups")
@click.argument("story_id", required=False)
@db_option
@json_option
def quote_groups(story_id: str | None, db: str, as_json: bool) -> None:
    """List quotes aligned across a story's reports (all stories without STORY_ID): the same
    words, part of them, or a paraphrase, and whether the outlets give the same speaker."""
    with _open(db) as store:
        _known_story(store, story_id)
        rows = quote_group_views(store, story_id)
    if as_json:
        _print_json(rows)
        return
    for g in rows:
        out.print(f"[bold]{g['label']}[/bold], speakers {g['speakers']}, {g['sources']} sources  "
                  f"[dim]{g['id']}[/dim]")
        for m in g["members"]:
            who = m["speaker_canonical"] or m["descriptor"] or m["speaker_text"] or "(no speaker)"
            out.print(f"  {_safe('[' + m['relation'] + ']')} {_safe(m['text'][:200])}  [dim]— {_safe(who)}, "
                      f"{_safe(m['outlet'] or '(unknown outlet)')}, {m['article_id']}[/dim]")
    out.print(f"{len(rows)} quote groups")


@cli.command()
@click.argument("story_id")
@click.option("--actor", default=None, help="Only actors whose name, id or alias matches this.")
@db_option
@json_option
def framing(story_id: str, actor: str | None, db: str, as_json: bool) -> None:
    """How each outlet of a story describes its actors: own words apart from quoted ones."""
    with _open(db) as store:
        try:
            view = framing_view(store, story_id, actor=actor)
        except NotFound as error:
            raise click.UsageError(str(error)) from None
    if as_json:
        _print_json(view)
        return
    out.print(f"[bold]{_safe(view['title'] or '(untitled)')}[/bold]  ({view['story_id']}), "
              f"{len(view['outlets'])} outlets")
    for entry in view["actors"]:
        out.print(f"[bold]{_safe(entry['name'])}[/bold]  [dim]{_safe(entry['key'])}[/dim]")
        _print_framing_outlets(entry["outlets"])
    if view["terms"]:
        out.print("[bold]Loaded words tied to no actor[/bold]")
        _print_framing_outlets(view["terms"])
    out.print(f"{len(view['actors'])} actors")


def _print_framing_outlets(outlets: list[dict]) -> None:
    for outlet in outlets:
        out.print(f"  {_safe(outlet['outlet'])}")
        for voice in ("own", "quoted"):
            for name in ("descriptors", "terms"):
                for item in outlet[voice][name]:
                    label = item.get("kind") or item["tag"]
                    kinds = sorted({s["quote_kind"] for s in item["spans"] if s.get("quote_kind")})
                    if kinds:
                        label += f", in {'/'.join(kinds)} speech"
                    where = ", ".join(f"{s['article_id'][:12]}:{s['start']}" for s in item["spans"][:3])
                    out.print(f"    {voice:<6} {name[:-1]:<10} {_safe(item['text'])}  "
                              f"[dim]×{item['count']} {label}; {where}[/dim]")


@cli.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "acled-csv", "jsonl", "graphml"]),
              required=True, help="json: one document; acled-csv: ACLED's columns; jsonl: a file "
              "per table; graphml: actors and their links.")
@click.option("--out", "out_path", default=None, help="File to write (a folder for jsonl); "
              "standard output without it.")
@click.option("--story", "story_id", default=None, help="Only this story's records.")
@click.option("--with-text", is_flag=True, help="Include each article's full text (json, jsonl).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary (counts) as JSON on "
              "stderr when writing to --out.")
def export_command(db: str, fmt: str, out_path: str | None, story_id: str | None,
                   with_text: bool, as_json: bool) -> None:
    """Export everything stored (or one story) for other tools: JSON, ACLED-style CSV, JSON
    Lines or GraphML (docs/export.md). Writes to standard output unless --out is given; the
    summary then goes to stderr."""
    from crossbearing.export import export

    with _open(db) as store:
        _known_story(store, story_id)
        counts = export(store, fmt, out_path or sys.stdout, story_id=story_id,
                        with_text=with_text)
    if out_path and as_json:
        click.echo(json.dumps({"format": fmt, "out": out_path, "counts": counts}), err=True)
    elif out_path:
        summary = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
        err.print(f"{_safe(fmt)} export: {_safe(summary or 'nothing')}  →  {_safe(out_path)}")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--out", default="crossbearing-report", show_default=True,
              type=click.Path(file_okay=False), help="Folder the dossier (index.html) is written to.")
@click.option("--duplicate-threshold", type=click.FloatRange(0.1, 1.0), default=0.8,
              show_default=True, help="Shingle similarity from which two articles are near-copies.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar per stage (default: only when stderr is a terminal).")
@json_option
def analyze(paths: tuple[str, ...], db: str, out: str, duplicate_threshold: float,
            progress: bool | None, as_json: bool) -> None:
    """Do the whole job: ingest PATHS, annotate, work across articles, write the dossier.

    Incremental: a rerun redoes only new or changed work. Open OUT/index.html in a browser."""
    from pathlib import Path

    from crossbearing.analysis import AnalysisRun
    from crossbearing.analysis import Progress as StageProgress
    from crossbearing.analysis import analyze as run_analysis

    show = err.is_terminal if progress is None else progress
    run = AnalysisRun(paths=list(paths), out=Path(out), duplicate_threshold=duplicate_threshold)
    with _open(db) as store:
        if show:
            with _progress() as bar:
                def on_stage(name: str) -> StageProgress:
                    task = bar.add_task(name, total=None)
                    return StageProgress(total=lambda n: bar.update(task, total=n),
                                         advance=lambda n: bar.advance(task, n))
                summary = run_analysis(store, run, on_stage)
        else:
            summary = run_analysis(store, run)
    if as_json:
        _print_json(summary)
    else:
        _print_analysis_summary(summary, db)
    sys.exit(EXIT_REJECTED if summary["rejected_now"] else 0)


def _print_analysis_summary(summary: dict, db: str) -> None:
    out.print(f"{summary['articles']} articles ({summary['articles_added']} new), "
              f"{summary['rejected']} inputs rejected, {summary['stories']} stories, "
              f"{summary['quotes']} quotes, {summary['numeric_facts']} numbers, "
              f"{summary['entities']} actors and places, {summary['events']} events, "
              f"{summary['conflicts']} conflicts  →  {_safe(db)}")
    for rejection in summary["stages"]["ingest"]["rejections"]:
        where = f" [{rejection['locator']}]" if rejection["locator"] else ""
        err.print(f"rejected: {_safe(rejection['path'])}{_safe(where)}: {rejection['reason']}: "
                  f"{_safe(rejection['detail'])}")
    out.print(f"Dossier: {_safe(summary['report'])}")
    if summary["exports"]:
        out.print(f"Data: {_safe(', '.join(summary['exports']))}")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; the default answers this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--read-only", is_flag=True, help="Refuse corrections (every write answers 403).")
def serve(db: str, host: str, port: int, read_only: bool) -> None:
    """Serve the dossier as a web app over the database: stories, articles, actors, search,
    corrections, and a JSON API under /api. Stop it with Ctrl-C."""
    from crossbearing.web import serve as run_server

    _open(db).close()  # a database that cannot be opened is a usage error, before listening
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"warning: listening on {_safe(host)}: the app has no login; anyone who can "
                  "reach this port can read the database" + ("" if read_only else
                                                              " and make corrections"))
    out.print(f"Serving {_safe(db)} on http://{_safe(host)}:{port}/"
              + (" (read-only)" if read_only else ""))
    run_server(db, host=host, port=port, read_only=read_only)


@cli.command()
@click.argument("story_id", required=False)
@click.option("--all", "every", is_flag=True, help="Also counts of many events and events that "
              "did not happen (threatened, suspended, denied).")
@db_option
@json_option
def events(story_id: str | None, every: bool, db: str, as_json: bool) -> None:
    """Events merged across a story's reports (every story's without STORY_ID), each value as
    every source gave it; disagreements marked."""
    with _open(db) as store:
        _known_story(store, story_id)
        rows = event_views(store, story_id, every=every)
    if as_json:
        _print_json(rows)
        return
    for e in rows:
        date = f"{e['date']} ({e['precision']})" if e["date"] else "undated"
        toll = f", {e['fatalities']:g} killed" if e["fatalities"] is not None else ""
        mark = f"  [red]differ: {', '.join(e['disagreements'])}[/red]" if e["disagreements"] else ""
        out.print(f"[bold]{_safe(e['label'])}[/bold] {date}, {_safe(e['place'] or 'place unknown')}"
                  f"{toll}{mark}  [dim]{e['id']} {_safe(e['plover'] or '')} {e['mode']}[/dim]")
        actors = [p["name"] for p in e["participants"] if p["role"] == "actor"]
        others = [p["name"] for p in e["participants"] if p["role"] != "actor"]
        if actors or others:
            out.print(f"  {_safe(', '.join(actors) or '?')} → {_safe(', '.join(others) or '?')}")
        outlets = sorted({s["outlet"] for s in e["sources"]})
        out.print(f"  [dim]{len(e['sources'])} mentions in {len(outlets)} sources: "
                  f"{_safe('; '.join(outlets))}[/dim]")
    out.print(f"{len(rows)} events")


@cli.command()
@click.argument("story_id")
@db_option
@json_option
def timeline(story_id: str, db: str, as_json: bool) -> None:
    """A story's events in date order, with the precision of each date."""
    with _open(db) as store:
        try:
            view = timeline_view(store, story_id)
        except NotFound as error:
            raise click.UsageError(str(error)) from None
    if as_json:
        _print_json(view)
        return
    for e in view["dated"]:
        when = e["date"] if e["date"] == e["date_end"] else f"{e['date']}..{e['date_end']}"
        out.print(f"{when}  [dim]{e['precision']}[/dim]  {_safe(e['label'])}, "
                  f"{_safe(e['place'] or 'place unknown')}  [dim]{len(e['sources'])} mentions[/dim]")
    out.print(f"{len(view['dated'])} dated events, {len(view['undated'])} undated")


@cli.command()
@click.argument("story_id")
@db_option
@json_option
def coverage(story_id: str, db: str, as_json: bool) -> None:
    """Which source of a story reports or omits each event, claim group and quote group."""
    with _open(db) as store:
        try:
            view = coverage_view(store, story_id)
        except NotFound as error:
            raise click.UsageError(str(error)) from None
    if as_json:
        _print_json(view)
        return
    table = Table("item", *[_safe(s) for s in view["sources"]])
    for row in view["rows"]:
        table.add_row(f"{row['kind']}: {_safe(row['label'])}",
                      *["✓" if row["cells"][s]["status"] == "reported" else "—"
                        for s in view["sources"]])
    out.print(table)
    out.print("omitted per source: " + _safe(", ".join(f"{s} {n}" for s, n in
                                                      view["omissions"].items())))


def main() -> None:
    try:
        cli.main(standalone_mode=True)
    except CrossbearingError as error:
        err.print(f"error: {_safe(error)}")
        sys.exit(EXIT_USAGE)
