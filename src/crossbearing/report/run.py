"""The report stage: the dossier written into the run's output folder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crossbearing import __version__
from crossbearing.export.run import EXPORT_FILES
from crossbearing.isolation import isolated
from crossbearing.model import Failure
from crossbearing.report.dossier import write_dossier
from crossbearing.stages import AnalysisRun
from crossbearing.store import Store


@dataclass
class DossierReport:
    """The dossier one run of the stage wrote (``path`` None: it could not be built), its
    size in bytes and how many of its sections, or the dossier itself, failed."""

    path: str | None = None
    size: int = 0
    failed: int = 0

    def summary(self) -> dict[str, Any]:
        """The dossier's path and size, and the failures."""
        return {"path": self.path, "bytes": self.size, "failed": self.failed}


def run(store: Store, options: AnalysisRun) -> DossierReport:
    """The report stage: write the dossier, one self-contained HTML file, linking to the exports
    beside it. A section that cannot be built is recorded as failed and says so in the page; a
    dossier that cannot be built at all (a defect of the report's own) is recorded as failed,
    and the exports are still written. An error of the file system (no permission, a full disk)
    is no fault of the stage's: it stops the run (``isolation.is_fatal``)."""
    options.progress.total(1)
    failures: list[Failure] = []
    path = isolated(lambda: write_dossier(store, options.out, exports=list(EXPORT_FILES),
                                          failures=failures),
                    failures, stage="report", target="", target_kind="step", version=__version__,
                    driver_error=store.driver_error)
    store.run_retrying(lambda: store.failures.replace_failures("report", failures))
    options.progress.advance(1)
    if path is None:
        return DossierReport(None, 0, len(failures))
    return DossierReport(str(path), path.stat().st_size, len(failures))
