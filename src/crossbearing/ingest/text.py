"""Plain text: any common encoding, mojibake repaired. Title and debris are left to cleaning."""

from __future__ import annotations

from typing import Iterator

from crossbearing.clean.decode import decode_bytes
from crossbearing.ingest.source import Limits, Source
from crossbearing.model import RawDocument, Rejected


def read(source: Source, limits: Limits) -> Iterator[RawDocument | Rejected]:
    data = source.read_bytes()
    text, encoding = decode_bytes(data)
    yield RawDocument(text=text, format="text", raw=data, metadata={"encoding": encoding})
