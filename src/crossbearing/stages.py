"""What every stage of the analysis shares: the run's options (:class:`AnalysisRun`), the
progress callbacks it reports through (:class:`Progress`) and the shape of a stage.

A stage is a function ``run(store, options) -> Report`` in its package's ``run.py`` (ingest,
annotate, corpus, compare, report, export); its report's ``summary()`` is the small JSON-ready
dict the run's summary lists under the stage's name. This module imports no stage, so that
every stage can import it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from crossbearing.store import Store

#: Where the dossier is written unless told otherwise.
DEFAULT_OUT = "crossbearing-report"
#: Failures listed in the run's summary (``crossbearing failed`` lists them all).
FAILURES_SHOWN = 20


@dataclass
class Progress:
    """Progress callbacks a front end may set: ``total(n)`` once the amount of work is known,
    ``advance(n)`` as it is done. The defaults do nothing."""

    total: Callable[[int], None] = lambda n: None
    advance: Callable[[int], None] = lambda n: None


@dataclass
class AnalysisRun:
    """What one run of the stages is asked to do, and what it has found so far."""

    paths: list[str]
    out: Path = Path(DEFAULT_OUT)
    duplicate_threshold: float = 0.8
    #: Processes the run may use: annotate's workers, ingest's readers ahead, passage alignment,
    #: the exports beside the dossier (None: the CPUs; 1: this process only).
    workers: int | None = None
    progress: Progress = field(default_factory=Progress)
    summaries: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: What the analyst states about the inputs (``ingest.manifest.Statements``); None: only
    #: the manifests found in the input folders.
    statements: Any = None
    #: The stages this run skipped, having nothing new to do (``rerun``).
    skipped: list[str] = field(default_factory=list)
    #: Counts of the summary known without counting again (``RESULT_COUNTS``: recorded by the
    #: complete run whose results a rerun with nothing new kept).
    counts: dict[str, int] = field(default_factory=dict)
    #: The curated knowledge the annotate stage reads (``knowledge.Knowledge``); None: the
    #: bundled one.
    knowledge: Any = None
    #: The ingest stage's limits on an input (``ingest.source.Limits``); None: the defaults.
    limits: Any = None
    #: Where the annotate stage's batches run (``executors.make_executor``: auto, serial,
    #: process, dask), the Dask scheduler's address, and the articles per batch (None: the
    #: stage's own, ``annotate.run.ANNOTATE_BATCH``).
    executor: str = "auto"
    scheduler: str | None = None
    batch_size: int | None = None
    #: Told by the ingest stage, after each input that added an article, the articles added so
    #: far, the inputs read and the inputs left (``analysis.analyze`` uses it to start the
    #: annotate stage's workers early: ``annotate.run.warm_up``).
    on_articles_added: Callable[[int, int, int], None] | None = None


class Report(Protocol):
    """What a stage returns: its own record of what it did, and the summary of it."""

    def summary(self) -> dict[str, Any]:
        """What the stage did, as a small JSON-ready dict."""


#: A stage: ``run(store, options)``, doing only the work not done yet.
Stage = Callable[["Store", AnalysisRun], Report]
