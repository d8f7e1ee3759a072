"""The SQLite store: one file, WAL mode, foreign keys on."""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

try:
    import fcntl
except ImportError:  # not a POSIX system
    fcntl = None

from crossbearing.errors import StoreError, UsageError
from crossbearing.store.base import Store
from crossbearing.store.database import migrated

#: Milliseconds a writer waits for another process's write lock before failing.
BUSY_TIMEOUT_MS = 30_000


class SQLiteStore(Store):
    blob_type = "BLOB"
    driver_error = sqlite3.Error

    def begin(self) -> None:
        self.connection.execute("BEGIN IMMEDIATE")

    def address(self) -> str | None:
        return None if self.location == ":memory:" else self._resolved()

    def own_files(self) -> frozenset[str]:
        main = self._resolved()
        return frozenset({main + suffix for suffix in ("", "-wal", "-shm", "-journal")}
                         | {str(self.lock_path.resolve())})

    def _resolved(self) -> str:
        return str(Path(self.location).resolve())

    @property
    def lock_path(self) -> Path:
        """The file writing runs lock to take turns (hidden, beside the database; kept)."""
        path = Path(self.location)
        return path.with_name(f".{path.name}.lock")

    @contextmanager
    def one_run_at_a_time(self, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
        """Hold the database for one writing run: a second run calls ``on_wait`` and waits for
        the first to finish, instead of failing on SQLite's write lock halfway through (a stage
        may hold it longer than the busy timeout). The lock is the operating system's, on a
        file beside the database, so it is released however the run ends."""
        if fcntl is None:  # no flock on this system: SQLite's own locking only
            yield
            return
        with open(self.lock_path, "ab") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                on_wait()
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def open_sqlite(path: str | Path) -> SQLiteStore:
    """Open (creating if needed) and migrate the SQLite database at ``path``."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise UsageError(f"cannot create {path}: folder {path.parent} does not exist")
    try:
        # Autocommit at the driver level: Store.transaction() issues BEGIN and COMMIT itself, so
        # that schema changes are transactional too.
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _use_wal(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open {path} as a SQLite database: {error}") from None
    return migrated(SQLiteStore(connection, str(path)), sqlite3.DatabaseError)


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch to WAL mode. Two processes creating a database at once can find it locked while
    the other switches, without SQLite's busy wait: try again until the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
