"""Crossbearing: a verified, source-attributed account of each story in a pile of news reports.

The Python API mirrors the command line::

    import crossbearing
    report = crossbearing.ingest_files(["reports/"], db="crossbearing.db")
    with crossbearing.open_store("crossbearing.db") as store:
        for article in store.articles.all():
            print(article.id, article.outlet, article.title)

Names are imported on first use, so ``import crossbearing.model`` stays light (no NLP or HTML
libraries) for worker processes that need only the data model.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

__version__ = "0.1.0"

#: Public name -> module that defines it.
_EXPORTS = {
    "Article": "crossbearing.model", "DateValue": "crossbearing.model",
    "InputRecord": "crossbearing.model", "Rejection": "crossbearing.model",
    "CrossbearingError": "crossbearing.errors", "DecodeError": "crossbearing.errors",
    "FormatError": "crossbearing.errors", "InputError": "crossbearing.errors",
    "NotFound": "crossbearing.errors", "StoreError": "crossbearing.errors",
    "UsageError": "crossbearing.errors",
    "EXTRACTOR": "crossbearing.ingest.run", "IngestReport": "crossbearing.ingest.run",
    "Limits": "crossbearing.ingest.source",
    "DEFAULT_DB": "crossbearing.store", "Store": "crossbearing.store",
    "open_store": "crossbearing.store",
}

__all__ = sorted([*_EXPORTS, "__version__", "ingest_files"])

if TYPE_CHECKING:
    from crossbearing.ingest.run import IngestReport
    from crossbearing.ingest.source import Limits


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'crossbearing' has no attribute {name!r}")


def ingest_files(paths: Iterable[str | Path], db: str | Path = "crossbearing.db", *,
           limits: "Limits | None" = None,
           on_input: Callable[[str], None] | None = None) -> "IngestReport":
    """Ingest every file under ``paths`` ("-" for standard input) into the store at ``db``.

    Returns an :class:`IngestReport`; inputs that could not be read are in its ``rejections``
    and in the store's ``rejections`` table."""
    from crossbearing.ingest.run import ingest_paths
    from crossbearing.store import open_store

    with open_store(db) as store:
        return ingest_paths([str(p) for p in paths], store, limits=limits, on_input=on_input)
