"""The ``crossbearing`` command: thin commands over the library. Only this package imports click.

Exit status: 0 when all went well, 1 when some inputs were rejected, 2 for usage errors (a bad
option, an unknown id, a database that cannot be opened).

Each module holds the commands of one concern (``common`` what they share); they are added to the
group here, explicitly, from one list.
"""

from __future__ import annotations

import logging
import sys

import click

from crossbearing import __version__
from crossbearing.cli import annotate, articles, compare, corpus, output
from crossbearing.cli.common import EXIT_USAGE, err, safe
from crossbearing.errors import CrossbearingError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crossbearing")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens to stderr.")
def cli(verbose: bool) -> None:
    """Crossbearing turns news reports from many outlets into a source-attributed account of each
    story. Start with `crossbearing analyze FOLDER`."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


#: Every command, in the order of the work (``crossbearing --help`` lists them alphabetically).
COMMANDS = (
    output.analyze, articles.ingest, articles.articles, articles.show, articles.rejected,
    annotate.annotate, corpus.corpus, compare.compare, corpus.entities, corpus.stories,
    corpus.story, corpus.reuse, annotate.quotes, annotate.numbers, compare.events,
    compare.timeline, compare.claims, compare.quote_groups, compare.framing, compare.coverage,
    output.export_command, output.serve,
)
for command in COMMANDS:
    cli.add_command(command)


def main() -> None:
    try:
        cli.main(standalone_mode=True)
    except CrossbearingError as error:
        err.print(f"error: {safe(error)}")
        sys.exit(EXIT_USAGE)
