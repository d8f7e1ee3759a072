"""Where an export goes: an open text stream, or a file path opened (and closed) here."""

from __future__ import annotations

import contextlib
import os
from os import PathLike
from pathlib import Path
from typing import IO, Callable, Iterator, TextIO, TypeVar, Union

T = TypeVar("T")

#: What ``write`` accepts: a text stream (stdout) or a file path.
Target = Union[TextIO, IO[str], str, PathLike]


@contextlib.contextmanager
def text_sink(out: Target, *, newline: str | None = None) -> Iterator[IO[str]]:
    """A writable text stream for ``out``: the stream itself, or the file at the path in UTF-8
    (its folder created). ``newline=""`` for the csv module, which writes its own line ends."""
    if hasattr(out, "write"):
        yield out  # type: ignore[misc]
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline=newline) as stream:
        yield stream


def replace_whole(path: str | PathLike, write: Callable[[Path], T]) -> T:
    """``write(temporary)`` a file beside ``path`` (its folder created), then put it in place of
    ``path`` in one step: a reader never sees a half-written file, and a failure leaves the old
    file as it was. Returns what ``write`` returns."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # created with the usual mode
    try:
        result = write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return result
