"""The JSON Lines export: one file per table in a folder (``articles.jsonl``, ``events.jsonl``
...), or every table on one stream, each line with a ``"table"`` key saying which."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from crossbearing.export.gather import gather
from crossbearing.export.sink import Target


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def render(tables: Mapping[str, list], out: Target) -> dict[str, int]:
    """Write the tables, one at a time: to ``out`` as a folder of ``TABLE.jsonl`` files (every
    table gets a file, empty where it has no records), or as tagged lines to ``out`` when it is
    a stream. Returns the count of records per table."""
    counts: dict[str, int] = {}
    if hasattr(out, "write"):
        for name, rows in tables.items():
            for row in rows:
                out.write(_line({"table": name, **row}))  # type: ignore[union-attr]
            counts[name] = len(rows)
    else:
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in tables.items():
            with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as stream:
                stream.writelines(_line(row) for row in rows)
            counts[name] = len(rows)
    return counts


def write(store: Any, out: Target, *, story_id: str | None = None,
          with_text: bool = False) -> dict[str, int]:
    """Export the store (one story of it) as JSON Lines."""
    return render(gather(store, story_id, with_text=with_text), out)
