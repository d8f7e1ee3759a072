"""Whether a rerun of the analysis has anything to do after annotate.

The corpus steps and the comparison recompute their results from what ingest, annotate and the
analyst stored; the dossier and the exports are written from those results. All of it is
deterministic, so when nothing they read has changed since a complete run, running them again
only writes the same rows and the same bytes. A complete run records two states in the store
(``run_states``):

- ``results``: the fingerprint of what the corpus steps and the comparison read — the store's
  input digest (articles with their text hashes, inputs, rejections, annotation versions,
  corrections and decisions with their times, article failures: ``store.runs.DIGESTED``), the
  package's version and a digest of its code, templates and data, each stage's version and the
  duplicate threshold — with the counts of the run's summary made from those results (events,
  conflicts: ``analysis.RESULT_COUNTS``);
- ``outputs``: that fingerprint with the output file names, the SHA-256 of each file the last
  complete run wrote (the dossier and the exports, whose bytes do not depend on the folder) and
  the counts it reported for them.

A later run computes the fingerprint after annotate. When it equals the recorded one, the
corpus steps and the comparison are skipped; when, besides, the files in the run's output folder
hash as recorded, the dossier and the exports are skipped too and left as they are (a folder
written by an earlier version, edited, or never written has them written again). Anything
new — an article, a changed input, a correction, a decision, a new stage version, another
version of the package — changes the fingerprint, and every stage after annotate runs again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from crossbearing import __version__
from crossbearing.store import Store

#: The stages whose results are stored, and those that write files, in the order they run.
RESULT_STAGES = ("corpus", "compare")
OUTPUT_STAGES = ("report", "export")
RESULTS = "results"
OUTPUTS = "outputs"
#: Files of the package whose content is part of the fingerprint.
CODE_SUFFIXES = (".py", ".html", ".css", ".js", ".json", ".toml", ".txt", ".tsv", ".csv", ".yaml",
                 ".yml")
#: Output files whose last column is the time they were written (ACLED's ``timestamp``): two
#: runs write them alike but for it, so it is left out of their hash.
STAMPED = frozenset({"acled.csv"})
#: Said in a skipped stage's summary.
SKIP_REASON = "nothing new since the last complete run"


@dataclass
class RerunPlan:
    """What a run may skip, and the fingerprints it records once its stages are done."""

    results: str
    outputs: str
    skip: set[str] = field(default_factory=set)
    #: The output folder and the summaries of the skipped output stages, as the run that
    #: wrote the files gave them (without the folder).
    out: Path = Path(".")
    summaries: dict[str, Any] = field(default_factory=dict)
    #: Counts the run that computed the results recorded with them (skipped results only).
    counts: dict[str, int] = field(default_factory=dict)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-256 of the package's code, templates and data files (a change to any of them, even
    without a new version, makes every later stage run again)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in CODE_SUFFIXES
                       and "__pycache__" not in p.parts and p.is_file()):
        digest.update(str(path.relative_to(root)).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stage_versions(knowledge: Any = None) -> dict[str, str]:
    """The version of each stage (the annotate stage's with ``knowledge``, default the
    bundled one)."""
    from crossbearing.annotate.results import stage_version
    from crossbearing.compare.run import VERSION as COMPARE
    from crossbearing.corpus.run import VERSION as CORPUS

    return {"package": __version__, "annotate": stage_version(knowledge), "corpus": CORPUS,
            "compare": COMPARE}


def fingerprint(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def file_hashes(out: str | Path, names: list[str]) -> dict[str, str | None]:
    """SHA-256 of each file ``out/name`` (None for one that is not a readable file); of a file
    in ``STAMPED``, of its lines without their last field (the time it was written)."""
    hashes: dict[str, str | None] = {}
    for name in names:
        path = Path(out) / name
        try:
            if name in STAMPED:
                lines = path.read_bytes().split(b"\r\n")
                data = b"\r\n".join(line.rsplit(b",", 1)[0] for line in lines)
                hashes[name] = hashlib.sha256(data).hexdigest()
                continue
            with path.open("rb") as handle:
                hashes[name] = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            hashes[name] = None
    return hashes


def plan_rerun(store: Store, out: str | Path, files: list[str],
               duplicate_threshold: float, knowledge: Any = None) -> RerunPlan:
    """The fingerprints of this run (computed now: call it after annotate) and the stages it
    may skip: the corpus steps and the comparison when the recorded ``results`` fingerprint is
    the same; also the dossier and the exports when the output folder's record is the same and
    its files (``files``) hash as recorded."""
    results = fingerprint(store.runs.input_digest(), code_digest(), stage_versions(knowledge),
                          duplicate_threshold)
    outputs = fingerprint(results, files)
    plan = RerunPlan(results, outputs, out=Path(out))
    recorded = store.runs.run_state(RESULTS)
    if recorded is None or recorded["fingerprint"] != results:
        return plan
    plan.skip.update(RESULT_STAGES)
    plan.counts = recorded["detail"].get("counts", {})
    written = store.runs.run_state(OUTPUTS)
    if written is None or written["fingerprint"] != outputs:
        return plan
    hashes = written["detail"].get("files", {})
    if sorted(hashes) == sorted(files) and file_hashes(out, files) == hashes:
        plan.skip.update(OUTPUT_STAGES)
        plan.summaries = written["detail"].get("summaries", {})
    return plan


def skipped_summary(plan: RerunPlan, stage: str) -> dict[str, Any]:
    """A skipped stage's summary, marked as skipped: for the dossier and the exports, that of
    the run that wrote the files (their sizes and counts still hold), with this run's paths."""
    summary = plan.summaries.get(stage) or {}
    if stage == "export":
        return {name: {**entry, "path": str(plan.out / name), "skipped": True}
                for name, entry in summary.items()}
    if stage == "report" and summary:
        summary = {**summary, "path": str(plan.out / summary["file"])}
        del summary["file"]
    return {**summary, "skipped": True, "reason": SKIP_REASON}


def record_results(store: Store, plan: RerunPlan, counts: dict[str, int]) -> None:
    """After the corpus steps and the comparison ran: their results are those of ``plan``'s
    fingerprint (computed before they read anything, so a change made meanwhile makes the
    next run do the work again); ``counts``, counted from them, are kept with it."""
    store.run_retrying(lambda: store.runs.save_run_state(RESULTS, plan.results, {"counts": counts}))


def record_outputs(store: Store, plan: RerunPlan, out: str | Path, files: list[str],
                   summaries: dict[str, Any]) -> bool:
    """After the dossier and the exports were written: record the hashes of the files
    (``files``: the dossier's name, then the exports'), unless one was not written (a failed
    dossier or export is tried again by the next run). True when recorded."""
    report, export = summaries.get("report") or {}, summaries.get("export") or {}
    if report.get("path") is None or sorted(export) != sorted(files[1:]):
        return False  # the dossier or an export failed: what the folder holds is not current
    hashes = file_hashes(out, files)
    if any(h is None for h in hashes.values()):
        return False
    kept = {"report": {"file": Path(report["path"]).name, "bytes": report["bytes"],
                       "failed": report["failed"]},
            "export": {name: {k: v for k, v in entry.items() if k != "path"}
                       for name, entry in export.items()}}
    detail = {"files": hashes, "summaries": kept}  # nothing of the folder's own path
    store.run_retrying(lambda: store.runs.save_run_state(OUTPUTS, plan.outputs, detail))
    return True
