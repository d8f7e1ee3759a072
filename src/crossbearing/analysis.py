"""The whole analysis as one ordered list of stages: ingest, annotate, the corpus stages, the
search index and the dossier. ``crossbearing analyze`` runs them in order.

Each stage is a plain function ``(store, run) -> dict`` that does only the work not done yet
(every stage underneath is incremental), reports its progress through ``run.progress`` and
returns a small JSON-ready summary. A later stage is one function appended to ``STAGES``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from crossbearing.store import Store

#: Where the dossier is written unless told otherwise.
DEFAULT_OUT = "crossbearing-report"


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
    progress: Progress = field(default_factory=Progress)
    summaries: dict[str, dict[str, Any]] = field(default_factory=dict)


def ingest_stage(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Read the given paths into the store; inputs read before are skipped."""
    from crossbearing.ingest.run import ingest_paths
    from crossbearing.ingest.source import iter_files
    from crossbearing.views import ingest_summary

    run.progress.total(sum(1 for _ in iter_files(list(run.paths))))
    report = ingest_paths(run.paths, store, on_input=lambda _path: run.progress.advance(1))
    return ingest_summary(report)


def annotate_stage(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Annotate the articles this version of the article stage has not annotated yet."""
    from crossbearing.annotate.stage import STAGE, VERSION
    from crossbearing.pipeline import annotate

    pending = store.pending_articles(STAGE, VERSION)
    run.progress.total(len(pending))
    if not pending:  # do not load the language model for nothing
        return {"annotated": 0, "quotes": 0, "numeric_facts": 0, "version": VERSION}
    report = annotate(store, on_batch=run.progress.advance)
    return {"annotated": report.annotated, "quotes": report.quotes,
            "numeric_facts": report.numeric_facts, "version": report.version}


def corpus_stage(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Duplicates, stories, reprinted passages and identities; analyst corrections reapplied."""
    from crossbearing.corpus.run import run_corpus

    run.progress.total(4)
    report = run_corpus(store, threshold=run.duplicate_threshold,
                        on_step=lambda _name: run.progress.advance(1))
    return {"signed": report.signed, "duplicate_pairs": report.duplicate_pairs,
            "stories": report.stories, "aligned_pairs": report.aligned_pairs,
            "reprint_passages": report.reprint_passages, "entities": report.entities}


def report_stage(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Write the dossier: one self-contained HTML file."""
    from crossbearing.report import write_dossier

    run.progress.total(1)
    path = write_dossier(store, run.out)
    run.progress.advance(1)
    return {"path": str(path), "bytes": path.stat().st_size}


#: The stages in the order they run: (name, function).
STAGES: list[tuple[str, Callable[[Store, AnalysisRun], dict[str, Any]]]] = [
    ("ingest", ingest_stage),
    ("annotate", annotate_stage),
    ("corpus", corpus_stage),
    ("report", report_stage),
]


def analyze(store: Store, run: AnalysisRun,
            on_stage: Callable[[str], Progress] | None = None) -> dict[str, Any]:
    """Run every stage in order; ``on_stage(name)`` may return the progress callbacks for it.
    Returns the run's summary (see :func:`analysis_summary`)."""
    for name, stage in STAGES:
        if on_stage is not None:
            run.progress = on_stage(name)
        run.summaries[name] = stage(store, run)
    return analysis_summary(store, run)


def analysis_summary(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Totals of the store after the run, with what this run did per stage."""
    ingest = run.summaries.get("ingest", {})
    report = run.summaries.get("report", {})
    return {
        "articles": store.count("articles"),
        "articles_added": ingest.get("articles_added", 0),
        "rejected": store.count("rejections"),
        "rejected_now": ingest.get("rejected", 0),
        "stories": store.count("stories"),
        "quotes": store.count("quotes"),
        "numeric_facts": store.count("numeric_facts"),
        "entities": store.count("entities"),
        "report": report.get("path"),
        "stages": run.summaries,
    }
