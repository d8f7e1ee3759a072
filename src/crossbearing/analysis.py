"""The whole analysis as one ordered list of stages: ingest, annotate, the corpus stages, the
comparison, the dossier and its exports. ``crossbearing analyze`` runs them in order.

Each stage is one function, ``run(store, options) -> Report`` in its package's ``run.py``
(``stages``), that does only the work not done yet (every stage underneath is incremental),
reports its progress through ``options.progress`` and returns its report, whose ``summary()``
is the small JSON-ready dict the run's summary lists under the stage's name. A later stage is
one ``(name, run)`` appended to ``STAGES``.
:func:`analyze` skips the stages after annotate when nothing they read has changed since a
complete run and the files it wrote are as written (``rerun``).

No input stops a run: ingest rejects a bad input, annotate records an article it fails on, the
corpus steps and the comparison a story, the report a section, and each goes on
(``isolation``); the summary counts what failed and ``crossbearing failed`` lists it.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from crossbearing import beside
from crossbearing.annotate import run as annotate_run
from crossbearing.compare import run as compare_run
from crossbearing.corpus import run as corpus_run
from crossbearing.executors import makes_a_pool
from crossbearing.export import run as export_run
from crossbearing.ingest import run as ingest_run
from crossbearing.report import run as report_run
from crossbearing.stages import FAILURES_SHOWN, AnalysisRun, Progress, Stage
from crossbearing.store import Store

log = logging.getLogger(__name__)

#: Counts of the summary made from the corpus and comparison results alone, which take long to
#: make (every event's view): recorded with those results, and not made again while they stand.
RESULT_COUNTS = ("events", "conflicts")

#: A stage (value) that may run in another process while the stage before it (key) runs here:
#: the exports read the stored results as the dossier does, and neither reads the other's
#: files (``beside``).
BESIDE = {"report": "export"}

#: Libraries the stages after annotate import when first used (the duplicates' MinHash index:
#: with SciPy, about 1 s of one core), imported in a thread while annotate's workers parse and
#: this process mostly waits (:func:`_import_beside`), when ingest added enough articles for a
#: pool; the stage that uses one waits for that import to end, as for any import.
LATER_IMPORTS = ("datasketch",)

#: The stages in the order they run: (name, the stage's ``run`` function).
STAGES: list[tuple[str, Stage]] = [
    ("ingest", ingest_run.run),
    ("annotate", annotate_run.run),
    ("corpus", corpus_run.run),
    ("compare", compare_run.run),
    ("report", report_run.run),
    ("export", export_run.run),
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
    started: dict[str, beside.Beside] = {}
    if run.on_articles_added is None:  # the model loads for annotate while ingest goes on
        run.on_articles_added = annotate_run.warm_up(run)
    try:
        for name, stage in STAGES:
            if on_stage is not None:
                run.progress = on_stage(name)
            if name == RESULT_STAGES[0]:  # what ingest and annotate stored is all there is to read
                plan = plan_rerun(store, run.out, output_files(), run.duplicate_threshold,
                                  run.knowledge)
            if plan is not None and name in plan.skip:
                run.progress.total(0)
                run.summaries[name] = skipped_summary(plan, name)
                run.skipped.append(name)
                continue
            if name == "annotate":
                _import_beside(run)
            summary = started.pop(name).result(run.progress) if name in started else None
            if summary is None:
                _start_beside(store, run, name, plan, started)
                summary = stage(store, run).summary()
            run.summaries[name] = summary
    finally:
        for waiting in started.values():  # the run stopped early: the child is not left behind
            try:
                waiting.result()
            except Exception:  # the error that stopped the run is the one to report
                log.warning("%s stopped with the run", waiting.target, exc_info=True)
    if plan is not None and set(RESULT_STAGES) <= plan.skip:
        run.counts = dict(plan.counts)  # the stored results are those the counts were made of
    summary = analysis_summary(store, run)
    if plan is not None:
        _record_states(store, run, plan, summary)
    return summary


def _import_beside(run: AnalysisRun) -> threading.Thread | None:
    """Import :data:`LATER_IMPORTS` in a thread when this run's ingest added articles enough
    for annotate's process pool (``executors.makes_a_pool``); an import that fails is left to the
    stage that needs it, which meets the error itself."""
    if not makes_a_pool(run.executor, run.workers,
                        run.summaries.get("ingest", {}).get("articles_added", 0)):
        return None

    def load() -> None:
        for module in LATER_IMPORTS:
            try:
                importlib.import_module(module)
            except Exception:  # reported where it is used
                log.debug("importing %s ahead failed", module, exc_info=True)

    thread = threading.Thread(target=load, name="later-imports", daemon=True)
    thread.start()
    return thread


def _start_beside(store: Store, run: AnalysisRun, name: str, plan: Any,
                  started: dict[str, beside.Beside]) -> None:
    """Before the stage ``name`` runs here: start in another process the stage that may run
    beside it (``BESIDE``), unless the rerun plan skips it or the run is not worth it."""
    later = BESIDE.get(name)
    if later is None or (plan is not None and later in plan.skip) \
            or not beside.worth_it(store, run):
        return
    stage = dict(STAGES)[later]
    waiting = beside.start(store, f"{stage.__module__}:{stage.__qualname__}", run)
    if waiting is not None:
        started[later] = waiting


def output_files() -> list[str]:
    """The files a run writes to its output folder: the dossier, then the exports."""
    from crossbearing.report.dossier import DOSSIER_FILE

    return [DOSSIER_FILE, *export_run.EXPORT_FILES]


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
                   "conflicts": len(store.comparison.claim_groups(None, "differ"))
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
        "failures": [failure_view(f) for f in store.failures.all(limit=FAILURES_SHOWN)],
        "report": report.get("path"),
        "exports": [entry["path"] for entry in run.summaries.get("export", {}).values()],
        "stages": run.summaries,
        "skipped": list(run.skipped),
    }
