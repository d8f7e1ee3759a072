"""Inputs: files found under the given paths, or standard input, with their size and hash.

Only regular files are read. A FIFO, a device (``/dev/zero`` through a link) or a socket never
ends or never starts, so opening one would hang the run or fill memory: each is refused before a
byte is read (:class:`NotAFile`). A folder that cannot be listed, and a link to a folder (not
followed, as a link can lead back to where it started), are yielded too, so that the caller
records them as rejected rather than losing them silently.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import io
import os
import re
import stat
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import BinaryIO, Iterable, Iterator

#: Bytes of an input read for sniffing its format.
HEAD_BYTES = 64 * 1024
#: Bytes read at a time when hashing or copying an input.
CHUNK_BYTES = 1 << 20

STDIN = "-"
#: The name standard input is stored and shown under.
STDIN_NAME = "<stdin>"

_XML_DECLARED_ENCODING = re.compile(r"""\A(\s*<\?xml[^>]{0,200}?encoding\s*=\s*["'])[^"']*""")


@dataclass(frozen=True)
class Source:
    """One input: a file on disk, or the bytes of standard input.

    ``path`` is the name the input is known by: the path as given (a file name that is not valid
    UTF-8 holds surrogate escapes, as Python gives it), or ``<stdin>``. Ids derive from it, so
    they are those of the real bytes of the name; :attr:`display` is what is stored and shown.
    ``file`` is where the bytes are when that is not ``path``: standard input copied to a
    temporary file, or a UTF-16 input transcoded to UTF-8.

    Readers stream from ``open()`` where the format allows it (WARC, mbox, JSONL, CSV), so a
    multi-gigabyte crawl is never held in memory; single-document formats call ``read_bytes()``.
    """

    path: str
    size: int
    sha256: str
    head: bytes
    data: bytes | None = None  # bytes held in memory (tests, callers with bytes at hand)
    file: str | None = None

    def open(self) -> BinaryIO:
        if self.data is not None:
            return io.BytesIO(self.data)
        return open_regular(self.file or self.path)

    def read_bytes(self) -> bytes:
        """The whole input; at most the ``size`` bytes hashed, should the file grow since."""
        if self.data is not None:
            return self.data
        with self.open() as handle:
            return handle.read(self.size)

    @property
    def name(self) -> str:
        return os.path.basename(self.path) or self.path

    @property
    def display(self) -> str:
        return display_path(self.path)


class NotAFile(OSError):
    """A path that exists but is not a regular file (a FIFO, a device, a socket, a folder)."""


@dataclass(frozen=True)
class Unreadable:
    """A folder met while walking that could not be listed, and why."""

    path: str
    error: OSError


def display_path(path: str) -> str:
    """A path as it can be stored (UTF-8 text) and printed: bytes of the name that are not
    UTF-8 become backslash escapes (``\\xe9``); a valid name is unchanged."""
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def unreadable_reason(error: OSError) -> tuple[str, str]:
    """``(reason, detail)`` of the rejection of an input that could not be opened or listed."""
    if isinstance(error, NotAFile):
        return "not-a-file", error.strerror or str(error)
    if isinstance(error, FileNotFoundError):
        return "missing", error.strerror or str(error)
    if error.errno == errno.ELOOP:
        return "unreadable", f"symlink loop: {error.strerror or error}"
    return "unreadable", error.strerror or str(error)


def _kind(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a folder reached through a link, which is not followed")):
        if test(mode):
            return what
    return "not a regular file"


def open_regular(path: str) -> BinaryIO:
    """Open a regular file for reading; :class:`NotAFile` for anything else, without blocking.

    The path is checked before it is opened, and the opened descriptor again (the path may have
    changed in between): opening is non-blocking, so even a FIFO swapped in does not hang."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotAFile(errno.EINVAL, f"{_kind(mode)}, not a regular file", display_path(path))
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotAFile(errno.EINVAL, f"{_kind(mode)}, not a regular file", display_path(path))
        if nonblocking:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def source_from_bytes(data: bytes, path: str) -> Source:
    """Bytes at hand as an input known by ``path``."""
    return Source(path=path, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                  head=data[:HEAD_BYTES], data=data)


def source_from_file(path: str | os.PathLike) -> Source:
    """The size, hash and head of a regular file, read once in chunks."""
    path = os.fspath(path)
    with open_regular(path) as handle:
        size, digest, head = _measured(_chunks(handle))
    return Source(path=path, size=size, sha256=digest, head=head)


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    return iter(lambda: handle.read(CHUNK_BYTES), b"")


def _measured(chunks: Iterable[bytes], out: BinaryIO | None = None, *,
              hashed: bool = True) -> tuple[int, str | None, bytes]:
    """``(size, sha256, head)`` of the bytes of ``chunks``, each chunk written to ``out`` as
    well when given; the hash is None when not ``hashed``."""
    digest = hashlib.sha256() if hashed else None
    size = 0
    head = bytearray()
    for chunk in chunks:
        if len(head) < HEAD_BYTES:
            head += chunk[:HEAD_BYTES - len(head)]
        if digest is not None:
            digest.update(chunk)
        size += len(chunk)
        if out is not None:
            out.write(chunk)
    return size, digest.hexdigest() if digest is not None else None, bytes(head)


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[str | Unreadable]:
    """Files under the given paths, directories walked recursively in sorted order.

    Yields ``"-"`` for standard input and a path that does not exist as it is, so that the caller
    records it as rejected rather than losing it; likewise a link to a folder inside a walked
    folder (not followed) and an :class:`Unreadable` for a folder that cannot be listed. Hidden
    files and folders inside a walked directory are skipped (``.git``, ``.DS_Store``); a hidden
    file named directly is read."""
    for given in paths:
        given = os.fspath(given)
        if given == STDIN:
            yield STDIN
        elif os.path.isdir(given):
            yield from _walk(given)
        else:
            yield given


def _walk(top: str) -> Iterator[str | Unreadable]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=errors.append):
        yield from _unlisted(errors)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # os.walk does not go down a link to a folder: it is yielded as an input of its own.
        linked = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        for name in sorted(files + linked):
            if not name.startswith("."):
                yield os.path.join(root, name)
    yield from _unlisted(errors)


def _unlisted(errors: list[OSError]) -> Iterator[Unreadable]:
    while errors:
        error = errors.pop(0)
        yield Unreadable(error.filename if isinstance(error.filename, str) else "", error)


@contextmanager
def read_stdin(stream: BinaryIO | None = None) -> Iterator[Source]:
    """Standard input as a source, copied to a temporary file as it is read: its size is then
    bounded by the disk rather than memory, and readers can open it as often as they need. The
    file is deleted when the block ends."""
    stream = stream if stream is not None else sys.stdin.buffer
    with _spooled(_chunks(stream)) as (file, size, digest, head):
        yield Source(path=STDIN_NAME, size=size, sha256=digest, head=head, file=file)


@contextmanager
def transcoded(source: Source, encoding: str) -> Iterator[Source]:
    """``source`` decoded from ``encoding`` (UTF-16 or UTF-32) into a temporary UTF-8 copy,
    streamed, deleted when the block ends. The copy keeps the input's name and hash (the ids
    are the input's); an XML declaration naming the old encoding is made to name UTF-8."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")

    def chunks() -> Iterator[bytes]:
        first = True
        with source.open() as handle:
            while True:
                data = handle.read(CHUNK_BYTES)
                text = decoder.decode(data, final=not data)
                if first and text:
                    text = _XML_DECLARED_ENCODING.sub(r"\g<1>utf-8", text, count=1)
                    first = False
                yield text.encode("utf-8", "replace")
                if not data:
                    return

    with _spooled(chunks(), hashed=False) as (file, size, _digest, head):
        yield replace(source, size=size, head=head, data=None, file=file)


@contextmanager
def _spooled(chunks: Iterable[bytes], *,
             hashed: bool = True) -> Iterator[tuple[str, int, str | None, bytes]]:
    """Write ``chunks`` to a new temporary file: ``(file, size, sha256, head)``, the hash None
    when not ``hashed``, the file deleted when the block ends."""
    fd, file = tempfile.mkstemp(prefix="crossbearing-")
    try:
        with os.fdopen(fd, "wb") as out:
            size, digest, head = _measured(chunks, out, hashed=hashed)
        yield file, size, digest, head
    finally:
        try:
            os.unlink(file)
        except FileNotFoundError:
            pass


@dataclass(frozen=True)
class Limits:
    """Size limits that keep one hostile or broken input from exhausting memory.

    ``max_document_bytes`` bounds every input read into memory whole (a page, a message, a text
    file, a JSON document, a feed) and each record inside a streamed container (a WARC response,
    an mbox message, a JSON line, a CSV row); streamed containers may be of any size.
    """

    max_document_bytes: int = 10_000_000
