"""The JSON export: one document with every table (docs/export.md, docs/export-schema.json)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from crossbearing import __version__
from crossbearing.export import json_text
from crossbearing.export.gather import SCHEMA_VERSION, gather
from crossbearing.export.sink import Target, text_sink


def document(tables: Mapping[str, list], *, story_id: str | None = None,
             with_text: bool = False) -> _Document:
    """The export document: a header, then the gathered tables (read as they are written)."""
    header = {"schema_version": SCHEMA_VERSION, "generator": f"crossbearing {__version__}",
              "story": story_id, "with_text": with_text}
    return _Document(header, tables)


class _Document(Mapping[str, Any]):
    """The header's fields, then the tables', without reading a table before it is asked for;
    ``counts`` holds the records of each table read."""

    def __init__(self, header: dict[str, Any], tables: Mapping[str, list]) -> None:
        self.header, self.tables = header, tables
        self.counts: dict[str, int] = {}

    def __getitem__(self, key: str) -> Any:
        if key in self.header:
            return self.header[key]
        rows = self.tables[key]
        self.counts[key] = len(rows)
        return rows

    def __iter__(self) -> Iterator[str]:
        yield from self.header
        yield from self.tables

    def __len__(self) -> int:
        return len(self.header) + len(self.tables)


def render(tables: Mapping[str, list], out: Target, *, story_id: str | None = None,
           with_text: bool = False) -> dict[str, int]:
    """Write the document of gathered tables to ``out``, one table at a time; the count of
    records per table."""
    doc = document(tables, story_id=story_id, with_text=with_text)
    with text_sink(out) as stream:
        json_text.dump(doc, stream)
        stream.write("\n")
    return doc.counts


def write(store: Any, out: Target, *, story_id: str | None = None,
          with_text: bool = False) -> dict[str, int]:
    """Export the store (one story of it) as one JSON document."""
    return render(gather(store, story_id, with_text=with_text), out, story_id=story_id,
                  with_text=with_text)
