"""The whole analysis as one ordered list of stages: ingest, annotate, the corpus stages, the
comparison, the dossier and its exports. ``crossbearing analyze`` runs them in order.

Each stage is a plain function ``(store, run) -> dict`` that does only the work not done yet
(every stage underneath is incremental), reports its progress through ``run.progress`` and
returns a small JSON-ready summary. A later stage is one function appended to ``STAGES``.
:func:`analyze` skips the stages after annotate when nothing they read has changed since a
complete run and the files it wrote are as written (``rerun``).

No input stops a run: ingest rejects a bad input, annotate records an article it fails on, the
corpus steps and the comparison a story, the report a section, and each goes on
(``isolation``); the summary counts what failed and ``crossbearing failed`` lists it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crossbearing import __version__
from crossbearing.isolation import isolated
from crossbearing.model import Failure
from crossbearing.store import Store

#: Where the dossier is written unless told otherwise.
DEFAULT_OUT = "crossbearing-report"
#: The exports written next to the dossier (file name → export format), which it links to.
EXPORT_FILES = {"crossbearing.json": "json", "acled.csv": "acled-csv", "citations.csv": "citations"}
#: Failures listed in the run's summary (``crossbearing failed`` lists them all).
FAILURES_SHOWN = 20
#: Counts of the summary made from the corpus and comparison results alone, which take long to
#: make (every event's view): recorded with those results, and not made again while they stand.
RESULT_COUNTS = ("events", "conflicts")


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
    #: Worker processes the annotate stage may use (None: the CPUs; 1: this process only).
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


def ingest_stage(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Read the given paths into the store; inputs read before are skipped."""
    from crossbearing.ingest.run import ingest_paths
    from crossbearing.ingest.source import iter_files
    from crossbearing.views.records import ingest_summary

    run.progress.total(sum(1 for _ in iter_files(list(run.paths))))
    report = ingest_paths(run.paths, store, on_input=lambda _path: run.progress.advance(1),
                          statements=run.statements)
    return {**ingest_summary(report), "warnings": list(report.warnings)}


def annotate_stage(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Annotate the articles this version of the article stage has not annotated yet, on a
    process pool sized to the work (``executors.pool_size``; ``run.workers`` at most)."""
    from crossbearing.annotate.stage import STAGE, VERSION
    from crossbearing.executors import make_executor
    from crossbearing.pipeline import annotate

    pending = store.pending_articles(STAGE, VERSION)
    run.progress.total(len(pending))
    if not pending:  # do not load the language model for nothing
        return {"annotated": 0, "failed": 0, "quotes": 0, "numeric_facts": 0, "version": VERSION}
    with make_executor("auto", run.workers, pending=len(pending)) as executor:
        report = annotate(store, on_batch=run.progress.advance, executor=executor)
    return {"annotated": report.annotated, "failed": report.failed, "quotes": report.quotes,
            "numeric_facts": report.numeric_facts, "version": report.version}


def corpus_stage(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Duplicates, stories, reprinted passages and identities; analyst corrections reapplied."""
    from crossbearing.corpus.run import run_corpus

    run.progress.total(4)
    report = run_corpus(store, threshold=run.duplicate_threshold,
                        on_step=lambda _name: run.progress.advance(1))
    return {"signed": report.signed, "duplicate_pairs": report.duplicate_pairs,
            "stories": report.stories, "aligned_pairs": report.aligned_pairs,
            "reprint_passages": report.reprint_passages, "entities": report.entities,
            "failed": report.failed}


def compare_stage(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Claim groups and quote groups of every story, recomputed (docs/comparison.md)."""
    from crossbearing.compare.run import run_compare
    from crossbearing.views.records import compare_summary

    run.progress.total(1)
    summary = compare_summary(run_compare(store))
    run.progress.advance(1)
    return summary


def report_stage(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Write the dossier: one self-contained HTML file, linking to the exports beside it. A
    section that cannot be built is recorded as failed and says so in the page; a dossier that
    cannot be built at all (a defect of the report's own) is recorded as failed, and the exports
    are still written. An error of the file system (no permission, a full disk) is no fault of
    the stage's: it stops the run (``isolation.is_fatal``)."""
    from crossbearing.report import write_dossier

    run.progress.total(1)
    failures: list[Failure] = []
    path = isolated(lambda: write_dossier(store, run.out, exports=list(EXPORT_FILES),
                                          failures=failures),
                    failures, stage="report", target="", target_kind="step", version=__version__,
                    driver_error=store.driver_error)
    store.run_retrying(lambda: store.replace_failures("report", failures))
    run.progress.advance(1)
    if path is None:
        return {"path": None, "bytes": 0, "failed": len(failures)}
    return {"path": str(path), "bytes": path.stat().st_size, "failed": len(failures)}


def export_stage(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Write the exports next to the dossier (``EXPORT_FILES``): the whole store as JSON and
    its codable events as ACLED-style CSV. Each file is replaced whole; one whose export fails
    (a defect of the exporter's own) is recorded as failed and the other is still written; a
    file-system error stops the run, as for the dossier."""
    from crossbearing.export import write_export

    run.progress.total(len(EXPORT_FILES))
    written, failures = {}, []
    for name, fmt in EXPORT_FILES.items():
        path = Path(run.out) / name
        counts = isolated(lambda: write_export(store, fmt, path), failures, stage="export",
                          target=name, target_kind="file", version=__version__,
                          driver_error=store.driver_error)
        if counts is not None:
            written[name] = {"format": fmt, "path": str(path), "counts": counts}
        run.progress.advance(1)
    store.run_retrying(lambda: store.replace_failures("export", failures))
    return written


#: The stages in the order they run: (name, function).
STAGES: list[tuple[str, Callable[[Store, AnalysisRun], dict[str, Any]]]] = [
    ("ingest", ingest_stage),
    ("annotate", annotate_stage),
    ("corpus", corpus_stage),
    ("compare", compare_stage),
    ("report", report_stage),
    ("export", export_stage),
]


def analyze(store: Store, run: AnalysisRun,
            on_stage: Callable[[str], Progress] | None = None) -> dict[str, Any]:
    """Run every stage in order; ``on_stage(name)`` may return the progress callbacks for it.
    Returns the run's summary (see :func:`analysis_summary`).

    After annotate, the stages after it are skipped when nothing they read has changed since a
    complete run and the files it wrote to ``run.out`` are still as written (``rerun``): a
    skipped stage's summary says ``"skipped": true``, and the run's summary lists them."""
    from crossbearing.rerun import RESULT_STAGES, plan_rerun, skipped_summary

    plan = None
    for name, stage in STAGES:
        if on_stage is not None:
            run.progress = on_stage(name)
        if name == RESULT_STAGES[0]:  # what ingest and annotate stored is all there is to read
            plan = plan_rerun(store, run.out, output_files(), run.duplicate_threshold)
        if plan is not None and name in plan.skip:
            run.progress.total(0)
            run.summaries[name] = skipped_summary(plan, name)
            run.skipped.append(name)
            continue
        run.summaries[name] = stage(store, run)
    if plan is not None and set(RESULT_STAGES) <= plan.skip:
        run.counts = dict(plan.counts)  # the stored results are those the counts were made of
    summary = analysis_summary(store, run)
    if plan is not None:
        _record_states(store, run, plan, summary)
    return summary


def output_files() -> list[str]:
    """The files a run writes to its output folder: the dossier, then the exports."""
    from crossbearing.report.dossier import DOSSIER_FILE

    return [DOSSIER_FILE, *EXPORT_FILES]


def _record_states(store: Store, run: AnalysisRun, plan: Any, summary: dict[str, Any]) -> None:
    """Record the fingerprints of what this run computed (``rerun``), for the next run, with
    the counts of the summary that take long to make (``RESULT_COUNTS``)."""
    from crossbearing.rerun import OUTPUT_STAGES, RESULT_STAGES, record_outputs, record_results

    if not set(RESULT_STAGES) & plan.skip:
        record_results(store, plan, {key: summary[key] for key in RESULT_COUNTS})
    if not set(OUTPUT_STAGES) & plan.skip:
        record_outputs(store, plan, run.out, output_files(), run.summaries)


def analysis_summary(store: Store, run: AnalysisRun) -> dict[str, Any]:
    """Totals of the store after the run, with what this run did per stage. ``events``: single
    events that happened (as ``crossbearing events`` lists them); ``conflicts``: claim groups
    whose sources differ plus events whose sources disagree on a date, place or toll."""
    from crossbearing.views.records import failure_view
    from crossbearing.views.sections.events import event_views

    ingest = run.summaries.get("ingest", {})
    report = run.summaries.get("report", {})
    if set(RESULT_COUNTS) <= set(run.counts):
        counted = {key: run.counts[key] for key in RESULT_COUNTS}
    else:
        events = event_views(store)
        counted = {"events": len(events),
                   "conflicts": len(store.claim_groups(None, "differ"))
                   + sum(1 for e in events if e["disagreements"])}
    return {
        "articles": store.count("articles"),
        "articles_added": ingest.get("articles_added", 0),
        "rejected": store.count("rejections"),
        "rejected_now": ingest.get("rejected", 0),
        "stories": store.count("stories"),
        "quotes": store.count("quotes"),
        "numeric_facts": store.count("numeric_facts"),
        "entities": store.count("entities"),
        **counted,
        "failed": store.count("failures"),
        "failures": [failure_view(f) for f in store.failures(limit=FAILURES_SHOWN)],
        "report": report.get("path"),
        "exports": [entry["path"] for entry in run.summaries.get("export", {}).values()],
        "stages": run.summaries,
        "skipped": list(run.skipped),
    }
