"""What every command shares: the consoles, the common options, safe printing of untrusted text,
opening the store with a usage error on failure."""

from __future__ import annotations

import json
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

from crossbearing.errors import NotFound, StoreError, UsageError
from crossbearing.store import DEFAULT_DB, Store, open_store
from crossbearing.views import (
    terminal_safe,
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


def safe(text: Any) -> str:
    """Untrusted text for a rich console: no control characters, no rich markup."""
    return escape(terminal_safe("" if text is None else str(text)))


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def open_db(db: str) -> Store:
    try:
        return open_store(db)
    except (StoreError, UsageError) as error:
        raise click.UsageError(str(error)) from None


def progress_bar() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True)


def known_story(store: Store, story_id: str | None) -> None:
    if story_id is not None and story_id not in {s["id"] for s in store.stories()}:
        raise click.UsageError(f"no story with id {story_id!r}")


def view_of_story(db: str, build, story_id: str, **options):
    """``build(store, story_id, **options)`` over the database, an unknown story a usage error."""
    with open_db(db) as store:
        try:
            return build(store, story_id, **options)
        except NotFound as error:
            raise click.UsageError(str(error)) from None
