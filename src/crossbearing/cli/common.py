"""What every command shares: the consoles, the common options, safe printing of untrusted text,
opening the store with a usage error on failure."""

from __future__ import annotations

import json
import re
from pathlib import Path
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

from crossbearing.errors import NotFound, UsageError
from crossbearing.stages import FAILURES_SHOWN, Progress as StageProgress
from crossbearing.store import DEFAULT_DB, Store, open_store

#: Exit statuses (docs/cli.md): all done; some inputs rejected or articles failed, each recorded
#: with its reason; a usage error; the run itself could not go on (database, disk, memory).
EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_CANNOT_GO_ON = 3

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

db_option = click.option(
    "--db", "db", default=DEFAULT_DB, show_default=True, envvar="CROSSBEARING_DB",
    help="SQLite database file (created if missing), or a postgresql://user:password@host/name "
         "URL. Also read from CROSSBEARING_DB.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str | None) -> str:
    """Article text made harmless for a terminal: control characters (escape sequences that
    could rewrite the screen or the window title) and bidirectional overrides removed."""
    return _UNSAFE.sub("", text or "")


def safe(text: Any) -> str:
    """Untrusted text for a rich console: no control characters, no rich markup."""
    return escape(terminal_safe("" if text is None else str(text)))


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def open_db(db: str, *, create: bool = False) -> Store:
    """The store at ``db``. Only the commands that read inputs in (``create``) make a new SQLite
    database; the others refuse a path where there is none, so a typo never creates one."""
    if not create and "://" not in db and not Path(db).exists():
        raise click.UsageError(f"no database at {db}: give the path of one made by "
                               "`crossbearing analyze` or `crossbearing ingest` (--db)")
    try:
        return open_store(db)
    except UsageError as error:
        raise click.UsageError(str(error)) from None


def writing_run(store: Store):
    """Hold the database for this command's writes (see ``Store.one_run_at_a_time``), saying so
    when another run has it."""
    return store.one_run_at_a_time(lambda: err.print(
        f"waiting: another Crossbearing run is writing to {safe(store.location)}; this one goes "
        "on when it has finished"))


def exit_status(*, rejected: int = 0, failed: int = 0) -> int:
    """0 when all went well, 1 when some inputs were rejected or some work failed."""
    return EXIT_REJECTED if rejected or failed else EXIT_OK


def one_line(text: Any) -> str:
    """:func:`safe`, with line breaks and tabs shown as escapes: a file name or a message with a
    newline in it stays on its one line."""
    text = "" if text is None else str(text)
    return safe(text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))


def print_rejections(rejections: list[dict]) -> None:
    """One line per rejected input (or record) on stderr, never wrapped or split."""
    for rejection in rejections:
        where = f" [{rejection['locator']}]" if rejection["locator"] else ""
        err.print(f"rejected: {one_line(rejection['path'])}{one_line(where)}: "
                  f"{one_line(rejection['reason'])}: {one_line(rejection['detail'])}",
                  soft_wrap=True)


def print_failures(failures: list[dict], total: int | None = None) -> None:
    """One line per failure on stderr, the first ``FAILURES_SHOWN`` of ``total`` (default: all
    given), and where the rest are."""
    total = len(failures) if total is None else total
    failures = failures[:FAILURES_SHOWN]
    for failure in failures:
        target = f" {failure['target_kind']} {failure['target']}" if failure["target"] else ""
        err.print(f"failed: {failure['stage']}{one_line(target)}: "
                  f"{one_line(failure['error_type'])}: {one_line(failure['message'])}",
                  soft_wrap=True)
    if total:
        shown = f" (the first {len(failures)} above)" if total > len(failures) else ""
        err.print(f"{total} failed{shown}: `crossbearing failed` lists them; "
                  "`crossbearing -v` logs their tracebacks", soft_wrap=True)


def progress_bar() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True)


def stage_progress(bar: Progress, name: str) -> StageProgress:
    """A stage's progress callbacks drawing one task of ``bar``, named ``name``."""
    task = bar.add_task(name, total=None)
    return StageProgress(total=lambda n: bar.update(task, total=n),
                         advance=lambda n: bar.advance(task, n))


def known_story(store: Store, story_id: str | None) -> str | None:
    """The full id of the story meant by ``story_id`` (an id, a unique prefix, or the id of a
    story since merged into another); an unknown one is a usage error."""
    if story_id is None:
        return None
    try:
        return store.corpus.resolve_story(story_id)
    except (NotFound, UsageError) as error:
        raise click.UsageError(str(error)) from None


def view_of_story(db: str, build, story_id: str, **options):
    """``build(store, story, **options)`` over the database for the story ``story_id`` means
    (see :func:`known_story`), an unknown story a usage error."""
    with open_db(db) as store:
        story = known_story(store, story_id)
        try:
            return build(store, story, **options)
        except NotFound as error:
            raise click.UsageError(str(error)) from None
