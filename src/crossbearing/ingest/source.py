"""Inputs: files found under the given paths, or standard input, with their size and hash."""

from __future__ import annotations

import hashlib
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

#: Bytes of an input read for sniffing its format.
HEAD_BYTES = 64 * 1024

STDIN = "-"


@dataclass(frozen=True)
class Source:
    """One input: a file on disk, or the bytes of standard input.

    Readers stream from ``open()`` where the format allows it (WARC, mbox, JSONL, CSV), so a
    multi-gigabyte crawl is never held in memory; single-document formats call ``read_bytes()``.
    """

    path: str
    size: int
    sha256: str
    head: bytes
    data: bytes | None = None  # set for standard input, which cannot be read twice

    def open(self) -> BinaryIO:
        if self.data is not None:
            return io.BytesIO(self.data)
        return open(self.path, "rb")

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        with open(self.path, "rb") as handle:
            return handle.read()

    @property
    def name(self) -> str:
        return os.path.basename(self.path) or self.path


def source_from_bytes(data: bytes, path: str = "<stdin>") -> Source:
    return Source(path=path, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                  head=data[:HEAD_BYTES], data=data)


def source_from_file(path: Path) -> Source:
    digest = hashlib.sha256()
    size = 0
    head = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            if not head:
                head = chunk[:HEAD_BYTES]
            digest.update(chunk)
            size += len(chunk)
    return Source(path=str(path), size=size, sha256=digest.hexdigest(), head=head)


def iter_files(paths: list[str] | tuple[str, ...]) -> Iterator[Path | str]:
    """Files under the given paths, directories walked recursively in sorted order.

    Yields ``"-"`` for standard input and a path that does not exist as it is, so that the caller
    records it as rejected rather than losing it. Hidden files and folders inside a walked
    directory are skipped (``.git``, ``.DS_Store``); a hidden file named directly is read.
    """
    for given in paths:
        if given == STDIN:
            yield STDIN
            continue
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def read_stdin() -> Source:
    return source_from_bytes(sys.stdin.buffer.read())


@dataclass(frozen=True)
class Limits:
    """Size limits that keep one hostile or broken input from exhausting memory.

    ``max_document_bytes`` bounds a single-document input (a page, a message, a text file) and
    each record inside a container (a WARC response, an mbox message, a JSON line, a CSV row);
    containers themselves are streamed and may be of any size.
    """

    max_document_bytes: int = 10_000_000
