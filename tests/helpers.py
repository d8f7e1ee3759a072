"""Helpers shared by the tests: a deadline that fails a hanging run, a folder that cannot be
listed, and a few invented reports analysed whole."""

from __future__ import annotations

import contextlib
import errno
import os
import signal


class Hang(BaseException):
    """Raised by :func:`deadline`; not an Exception (nor an OSError, as TimeoutError is), so that
    no handler for bad input can swallow it."""


@contextlib.contextmanager
def deadline(seconds: int = 20):
    """Fail with a traceback instead of hanging when the block runs longer than ``seconds``: a
    SIGALRM then, and every second after, should something catch it anyway."""

    def expired(signum, frame):
        raise Hang(f"ingestion hangs: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def unlistable(monkeypatch, folder: str) -> None:
    """Make ``folder`` fail to list, as a folder without read permission does for anyone but
    root (tests may run as root, for whom ``chmod 000`` changes nothing)."""
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", folder)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def analysed_records(folder, records):
    """Records (dicts with text, title, outlet, published, url) written as one JSON Lines input
    in ``folder`` and analysed whole: the database's path and the dossier's."""
    import json
    from pathlib import Path

    from crossbearing.analysis import analyze
    from crossbearing.stages import AnalysisRun
    from crossbearing.store import open_store

    folder = Path(folder)
    (folder / "inputs").mkdir()
    (folder / "inputs" / "reports.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with open_store(folder / "reports.db") as opened:
        summary = analyze(opened, AnalysisRun(paths=[str(folder / "inputs")],
                                              out=folder / "report"))
    return folder / "reports.db", Path(summary["report"])
