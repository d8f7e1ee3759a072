"""Where an export goes: an open text stream, or a file path opened (and closed) here."""

from __future__ import annotations

import contextlib
from os import PathLike
from pathlib import Path
from typing import IO, Iterator, TextIO, Union

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
