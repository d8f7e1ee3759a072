"""The PostgreSQL store: one shared database for several analysts and runs at once.

The connection runs in autocommit mode and ``Store.transaction()`` issues ``BEGIN`` itself, as
on SQLite: statements outside a transaction commit at once and hold no snapshot or lock, and
those inside commit together. Transactions use PostgreSQL's default READ COMMITTED isolation;
the writers are written so that two runs at once neither duplicate nor lose anything
(``ON CONFLICT`` inserts, per-input claims, row-locked annotation batches), and readers never
wait for writers (MVCC).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import errors

from crossbearing.errors import StoreError
from crossbearing.store.base import Store
from crossbearing.store.database import migrated

#: Key of the advisory lock held while migrating, so that two processes opening a new database
#: at once apply each migration once ("crossbea" in ASCII).
MIGRATION_LOCK = 0x63726F7373626561
#: Seconds to wait for the server before giving up on opening the store.
CONNECT_TIMEOUT_S = 10
_REAL = re.compile(r"\bREAL\b")


class PostgresStore(Store):
    blob_type = "BYTEA"
    dialect = "postgresql"
    driver_error = psycopg.Error
    #: Locks the claimed articles' rows; other runs skip them instead of waiting.
    claim_lock = " FOR NO KEY UPDATE OF a SKIP LOCKED"

    def __init__(self, connection: psycopg.Connection, location: str, url: str) -> None:
        super().__init__(connection, location)
        self._url = url  # with its password: ``location`` is the redacted one, for messages

    def address(self) -> str | None:
        return self._url

    def sql(self, query: str) -> str:
        """``?`` placeholders become ``%s``; a literal ``%`` is doubled so the driver keeps it.
        (No query of the store has a ``?`` inside a string literal.)"""
        return query.replace("%", "%%").replace("?", "%s")

    def ddl(self, statement: str) -> str:
        """SQL's REAL is a 4-byte float in PostgreSQL: use 8 bytes, as SQLite does."""
        return _REAL.sub("DOUBLE PRECISION", super().ddl(statement))

    def begin(self) -> None:
        self.connection.execute("BEGIN")

    def execute(self, query: str, params: tuple = ()):
        with self._connection_kept():
            return super().execute(query, params)

    def executemany(self, query: str, rows: list[tuple]) -> None:
        with self._connection_kept():
            super().executemany(query, rows)

    @contextmanager
    def _connection_kept(self) -> Iterator[None]:
        """A lost connection becomes a StoreError that names the database."""
        try:
            yield
        except psycopg.OperationalError as error:
            if self.connection.broken:
                raise StoreError(f"lost the connection to {self.location}: {error}") from None
            raise

    def retryable(self, error: BaseException) -> bool:
        return isinstance(error, (errors.DeadlockDetected, errors.SerializationFailure))

    def schema_version(self) -> int:
        # Ask first: in PostgreSQL a failed query would abort the migration's transaction.
        if self.execute("SELECT to_regclass('schema_migrations')").fetchone()[0] is None:
            return 0
        return super().schema_version()

    def take_turns(self, name: str) -> None:
        """A transaction-scoped advisory lock keyed by ``name``, released at commit."""
        self.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (f"crossbearing.{name}",))

    def migrate(self) -> int:
        """Migrate under an advisory lock: a second process waits, then finds nothing to do."""
        with self.transaction():
            self.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            return super().migrate()


def redact(url: str) -> str:
    """The URL without its password, for messages and summaries."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


def open_postgres(url: str) -> PostgresStore:
    """Connect to the PostgreSQL database at ``url`` and migrate it."""
    shown = redact(url)
    try:
        connection = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                                     application_name="crossbearing")
    except (psycopg.Error, ValueError) as error:
        message = " ".join(line.strip() for line in str(error).replace(url, shown).splitlines())
        raise StoreError(f"cannot connect to {shown}: {message.strip()}") from None
    return migrated(PostgresStore(connection, shown, url), psycopg.Error)
