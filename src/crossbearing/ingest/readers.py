"""The registry of readers: format name (as :func:`crossbearing.ingest.sniff.sniff` returns it)
to a function ``read(source, limits) -> Iterator[RawDocument | Rejected]``.

A reader yields one :class:`~crossbearing.model.RawDocument` per article it finds and one
:class:`~crossbearing.model.Rejected` per record it cannot read, and never raises for bad input
after it has started yielding; an exception raised before the first item rejects the whole input.
"""

from __future__ import annotations

from typing import Callable, Iterator

from crossbearing.ingest import email, feeds, html, pipermail, tabular, text, warc
from crossbearing.ingest.source import Limits, Source
from crossbearing.model import RawDocument, Rejected

Reader = Callable[[Source, Limits], Iterator[RawDocument | Rejected]]

#: Formats read as one document: the whole input must fit ``Limits.max_document_bytes``.
SINGLE_DOCUMENT = frozenset({"text", "html", "eml", "pipermail", "json"})
#: Formats whose reader holds the whole input in memory: single documents, and feeds (parsed
#: whole, as feed parsers do; one of 150 MB took 1 GB). Each must fit the document limit.
READ_WHOLE = SINGLE_DOCUMENT | {"feed"}

READERS: dict[str, Reader] = {
    "text": text.read,
    "html": html.read,
    "eml": email.read_eml,
    "mbox": email.read_mbox,
    "pipermail": pipermail.read_pipermail,
    "feed": feeds.read,
    "warc": warc.read,
    "jsonl": tabular.read_jsonl,
    "json": tabular.read_json,
    "csv": tabular.read_csv,
}
