"""The JSON export: one document with every table (docs/export.md, docs/export-schema.json)."""

from __future__ import annotations

from typing import Any

from crossbearing import __version__
from crossbearing.export import json_text
from crossbearing.export.gather import SCHEMA_VERSION, gather
from crossbearing.export.sink import Target, text_sink


def document(tables: dict[str, list], *, story_id: str | None = None,
             with_text: bool = False) -> dict[str, Any]:
    """The export document: a header, then the gathered tables."""
    return {"schema_version": SCHEMA_VERSION, "generator": f"crossbearing {__version__}",
            "story": story_id, "with_text": with_text, **tables}


def render(tables: dict[str, list], out: Target, *, story_id: str | None = None,
           with_text: bool = False) -> dict[str, int]:
    """Write the document of gathered tables to ``out``; the count of records per table."""
    with text_sink(out) as stream:
        json_text.dump(document(tables, story_id=story_id, with_text=with_text), stream)
        stream.write("\n")
    return {name: len(rows) for name, rows in tables.items()}


def write(store: Any, out: Target, *, story_id: str | None = None,
          with_text: bool = False) -> dict[str, int]:
    """Export the store (one story of it) as one JSON document."""
    return render(gather(store, story_id, with_text=with_text), out, story_id=story_id,
                  with_text=with_text)
