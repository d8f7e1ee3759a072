"""A stage run in another process, beside the stage this process runs.

The dossier and the exports read the same stored results and write files of their own, and
neither reads what the other writes: on a machine with a free core, ``analysis.analyze`` starts
the export stage in a child process and writes the dossier meanwhile, which takes the shorter of
the two off the run's wall time (about 14 ms an article each on 1,000 generated reports).

The child is a fresh interpreter (``spawn``: no open connection or thread of this process is
inherited) that opens the same database by its address (``Store.address``) and runs the stage
with no progress callbacks; this process reports the stage's progress when it collects the
result. Whatever keeps the child from running the stage (the database cannot be opened there,
the process dies) makes :meth:`Beside.result` return None, and the caller runs the stage itself:
nothing is lost. An error raised by the stage itself (a full disk, say) is raised again here, as
if the stage had run in this process.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crossbearing.errors import StoreError, UsageError
from crossbearing.executors import default_workers
from crossbearing.stages import AnalysisRun, Progress
from crossbearing.store import Store

log = logging.getLogger(__name__)

#: Stored articles from which a stage is worth a process of its own: starting one costs about
#: 0.8 s of a core (a fresh interpreter importing the export modules), what the exports of about
#: 60 articles take.
BESIDE_FROM_ARTICLES = 100
#: Stored articles up to which the exports run beside the dossier: a second process holds its
#: own copy of what it reads (about 0.07 MB an article: 196 MB for 1,000 generated reports, over
#: 700 MB for 10,000), and beside the dossier's process the run's peak passed the 2 GB a laptop
#: may give it on 10,000 reports (2,499 MB measured). Above this the two run one after the other.
BESIDE_UP_TO_ARTICLES = 5000


@dataclass(frozen=True)
class _CouldNotOpen:
    """What the child returns when it cannot open the database: the caller runs the stage."""

    reason: str


def _run_stage(address: str, target: str, out: str, threshold: float) -> Any:
    """In the child: open the database at ``address`` and run the stage ``module:function``
    with the run's output folder; its summary, or :class:`_CouldNotOpen`."""
    from crossbearing.store import open_store

    module, name = target.split(":")
    stage = getattr(importlib.import_module(module), name)
    try:
        store = open_store(address)
    except (StoreError, UsageError) as error:  # gone, locked, refused: this process runs it
        return _CouldNotOpen(str(error))
    with store:
        run = AnalysisRun(paths=[], out=Path(out), duplicate_threshold=threshold, workers=1)
        return stage(store, run).summary()


class Beside:
    """One stage running in a child process; :meth:`result` waits for it."""

    def __init__(self, target: str, pool: ProcessPoolExecutor, future: Future) -> None:
        self.target = target
        self._pool = pool
        self._future = future

    def result(self, progress: Progress | None = None) -> dict[str, Any] | None:
        """The stage's summary once the child is done (``progress`` told it is done in one
        step), or None when the child could not run it (logged)."""
        try:
            summary = self._future.result()
        except BrokenProcessPool as error:
            log.warning("%s did not run beside: %s", self.target, error)
            return None
        finally:
            self._pool.shutdown(wait=True)
        if isinstance(summary, _CouldNotOpen):
            log.warning("%s did not run beside: %s", self.target, summary.reason)
            return None
        if progress is not None:
            progress.total(1)
            progress.advance(1)
        return summary


def worth_it(store: Store, run: AnalysisRun) -> bool:
    """Whether a stage may run beside another: this run may use more than one core, the
    database can be opened by another process, and there are enough articles, but not so many
    that two processes holding them would pass a laptop's memory."""
    cores = run.workers if run.workers is not None else default_workers()
    return cores > 1 and store.address() is not None \
        and BESIDE_FROM_ARTICLES <= store.count("articles") <= BESIDE_UP_TO_ARTICLES


def start(store: Store, target: str, run: AnalysisRun) -> Beside | None:
    """Start the stage ``target`` (``"package.module:function"``, a stage's ``run``) in a child
    process over ``store``'s database, writing into ``run.out``; None when it cannot start."""
    address = store.address()
    if address is None:
        return None
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        future = pool.submit(_run_stage, address, target, str(run.out), run.duplicate_threshold)
    except (BrokenProcessPool, OSError) as error:
        log.warning("%s did not start beside: %s", target, error)
        pool.shutdown(wait=False, cancel_futures=True)
        return None
    return Beside(target, pool, future)
