"""The citations CSV export: one row per quote and per counted fact of every story (or one),
with outlet, date, URL, headline, speaker, the exact words, the article id and character span,
and a citation line to paste into an article (:mod:`crossbearing.citations`)."""

from __future__ import annotations

import csv
from typing import Any

from crossbearing.citations import COLUMNS
from crossbearing.export.acled_csv import cell
from crossbearing.export.gather import gather_citations
from crossbearing.export.sink import Target, text_sink


def render(records: list[dict[str, Any]], out: Target) -> dict[str, int]:
    """Write the records; counts of quotes and facts written."""
    with text_sink(out, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for record in records:
            writer.writerow([cell(record.get(column)) for column in COLUMNS])
    return {"quotes": sum(r["kind"] == "quote" for r in records),
            "facts": sum(r["kind"] == "fact" for r in records)}


def write(store: Any, out: Target, *, story_id: str | None = None,
          with_text: bool = False) -> dict[str, int]:
    """Export the citations of the store's (one story's) quotes and counted facts."""
    return render(gather_citations(store, story_id), out)
