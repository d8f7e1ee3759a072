"""The export stage: the exports written next to the dossier, each file replaced whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crossbearing import __version__
from crossbearing.export import write_export
from crossbearing.isolation import isolated
from crossbearing.stages import AnalysisRun
from crossbearing.store import Store

#: The exports written next to the dossier (file name → export format), which it links to.
EXPORT_FILES = {"crossbearing.json": "json", "acled.csv": "acled-csv", "citations.csv": "citations"}


@dataclass
class ExportReport:
    """The files one run of the stage wrote: file name → its format, path and counts."""

    written: dict[str, dict[str, Any]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """The files written, by name."""
        return self.written


def run(store: Store, options: AnalysisRun) -> ExportReport:
    """The export stage: write the exports next to the dossier (``EXPORT_FILES``): the whole
    store as JSON and its codable events as ACLED-style CSV. Each file is replaced whole; one
    whose export fails (a defect of the exporter's own) is recorded as failed and the other is
    still written; a file-system error stops the run, as for the dossier."""
    options.progress.total(len(EXPORT_FILES))
    written, failures = {}, []
    for name, fmt in EXPORT_FILES.items():
        path = Path(options.out) / name
        counts = isolated(lambda: write_export(store, fmt, path), failures, stage="export",
                          target=name, target_kind="file", version=__version__,
                          driver_error=store.driver_error)
        if counts is not None:
            written[name] = {"format": fmt, "path": str(path), "counts": counts}
        options.progress.advance(1)
    store.run_retrying(lambda: store.failures.replace_failures("export", failures))
    return ExportReport(written)
