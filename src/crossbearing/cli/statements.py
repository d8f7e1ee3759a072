"""The options that state where the inputs come from (``--manifest``, ``--outlet``,
``--published``), shared by ``ingest`` and ``analyze``, and the warning lines they lead to."""

from __future__ import annotations

from typing import Callable, TypeVar

import click

from crossbearing.cli.common import err, one_line
from crossbearing.errors import UsageError
from crossbearing.ingest.manifest import Statements

F = TypeVar("F", bound=Callable)


def statement_options(command: F) -> F:
    """Add ``--manifest``, ``--outlet`` and ``--published`` to a command reading inputs."""
    options = (
        click.option("--manifest", type=click.Path(exists=True, dir_okay=False), default=None,
                     help="A sources manifest (sources.csv or sources.toml) stating each file's "
                          "outlet, url, date, language and authors; one in an input folder is "
                          "read without this option."),
        click.option("--outlet", default=None,
                     help="The outlet of every input of this run (wins over manifests and the "
                          "inputs' own metadata)."),
        click.option("--published", default=None,
                     help="The publication date of every input of this run, e.g. 2024-02-09."),
    )
    for option in reversed(options):
        command = option(command)
    return command


def statements_from(paths: tuple[str, ...] | list[str], manifest: str | None,
                    outlet: str | None, published: str | None) -> Statements:
    """What the options state; a usage error when a value or the manifest cannot be read."""
    try:
        return Statements(manifest=manifest, outlet=outlet, published=published, roots=paths)
    except UsageError as error:
        raise click.UsageError(str(error)) from None


def print_warnings(warnings: list[str]) -> None:
    """One line per warning on stderr: manifest rows matching no input, contradictions."""
    for warning in warnings:
        err.print(f"warning: {one_line(warning)}", soft_wrap=True)
