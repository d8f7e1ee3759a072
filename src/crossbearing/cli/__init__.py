"""The ``crossbearing`` command: thin commands over the library. Only this package imports click.

Exit status (docs/cli.md): 0 when all went well; 1 when some inputs were rejected or some work
failed (each recorded with its reason); 2 for usage errors (a bad option, an unknown id, a
database that does not exist); 3 when the run itself could not go on (the database unavailable,
the disk full).

Each module holds the commands of one concern (``common`` what they share); they are added to the
group here, explicitly, from one list.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import sys

import click

from crossbearing import __version__
from crossbearing.cli import annotate, articles, compare, corpus, corrections, output
from crossbearing.cli.common import EXIT_CANNOT_GO_ON, EXIT_USAGE, err, safe
from crossbearing.errors import CrossbearingError, NotFound, UsageError

log = logging.getLogger("crossbearing")

#: The shell's status for a run stopped by Ctrl-C (128 + SIGINT), apart from 1.
EXIT_INTERRUPTED = 130

#: Libraries that log every page they cannot parse: quiet unless ``-v``.
QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crossbearing")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens to stderr.")
def cli(verbose: bool) -> None:
    """Crossbearing turns news reports from many outlets into a source-attributed account of each
    story. Start with `crossbearing analyze FOLDER`."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not verbose:  # what the extraction libraries say of a bad page is in its rejection
        for name in QUIET_LIBRARIES:
            logging.getLogger(name).setLevel(logging.CRITICAL)


#: Every command, in the order of the work (``crossbearing --help`` lists them alphabetically).
COMMANDS = (
    output.analyze, articles.ingest, articles.articles, articles.show, articles.rejected,
    articles.failed,
    annotate.annotate, corpus.corpus, compare.compare, corpus.entities, corpus.stories,
    corpus.story, corpus.reuse, annotate.quotes, annotate.numbers, compare.events,
    compare.timeline, compare.claims, compare.quote_groups, compare.framing, compare.coverage,
    corrections.correct, output.export_command, output.serve,
)
for command in COMMANDS:
    cli.add_command(command)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:  # --help, --version
        sys.exit(done.exit_code)
    except click.ClickException as error:  # a usage error click found: its message, status 2
        error.show()
        sys.exit(error.exit_code)
    except click.Abort:  # interrupted (Ctrl-C): what was committed stays; rerunning goes on
        err.print("interrupted: what was done so far is saved; run the same command again to "
                  "go on from there")
        sys.exit(EXIT_INTERRUPTED)
    except (UsageError, NotFound) as error:
        err.print(f"error: {safe(error)}")
        sys.exit(EXIT_USAGE)
    except Exception as error:  # the run itself cannot go on: say why in one line, no traceback
        log.info("the run stopped", exc_info=True)
        err.print(f"error: {safe(cannot_go_on(error))}")
        sys.exit(EXIT_CANNOT_GO_ON)


def cannot_go_on(error: Exception) -> str:
    """Why a run stopped, for people: the database busy or unreachable, the disk full, memory
    exhausted, or (anything else) a defect of Crossbearing's own."""
    text = " ".join(str(error).split())
    if isinstance(error, sqlite3.OperationalError) and "locked" in text:
        return ("the database is busy: another program holds its write lock (a Crossbearing "
                "run started before this one waits its turn, other programs do not); try again "
                "when it has finished")
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return f"the disk is full: {text}"
    if isinstance(error, MemoryError):
        return "out of memory"
    if isinstance(error, (CrossbearingError, OSError, sqlite3.Error)):
        return text or type(error).__name__
    return (f"internal error ({type(error).__name__}: {text}); please report it with the "
            "traceback that `crossbearing -v` prints")
