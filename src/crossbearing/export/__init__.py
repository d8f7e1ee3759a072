"""Exports of everything Crossbearing stores, for analysts' own tools (docs/export.md).

``EXPORTERS`` maps a format name to its ``write(store, out, *, story_id=None, with_text=False)``,
which writes to a text stream or a path and returns counts of what it wrote. Every format is a
function of the tables ``gather.gather`` reads from the store, each as the writer reaches it
(ACLED CSV and GraphML of the three that ``gather.gather_events`` reads: actors, entities,
events). ``FOLDER_FORMATS`` write a folder, the others one file.
"""

from __future__ import annotations

import os
from typing import Any, Callable

from crossbearing.export import acled_csv, citations_csv, graphml, json_doc, jsonl
from crossbearing.export.gather import SCHEMA_VERSION, TABLES, gather
from crossbearing.export.sink import replace_whole

#: Format name → writer. ``jsonl`` takes a folder as its path; the others a file.
EXPORTERS: dict[str, Callable[..., dict[str, int]]] = {
    "json": json_doc.write,
    "acled-csv": acled_csv.write,
    "jsonl": jsonl.write,
    "graphml": graphml.write,
    "citations": citations_csv.write,
}
#: Formats whose path is a folder (a file per table), not one file.
FOLDER_FORMATS = frozenset({"jsonl"})

__all__ = ["EXPORTERS", "FOLDER_FORMATS", "SCHEMA_VERSION", "TABLES", "gather", "export",
           "write_export"]


def export(store: Any, fmt: str, out: Any, **options: Any) -> dict[str, int]:
    """Write the store in format ``fmt`` to ``out`` (a text stream or a path)."""
    try:
        writer = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(EXPORTERS)}") from None
    return writer(store, out, **options)


def write_export(store: Any, fmt: str, path: str | os.PathLike[str],
                 **options: Any) -> dict[str, int]:
    """Write the export to the file ``path``, replacing it whole: it is written beside it under a
    temporary name first, so a failure never leaves a half-written file behind."""
    return replace_whole(path, lambda temporary: export(store, fmt, temporary, **options))
