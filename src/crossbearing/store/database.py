"""The database under the store: its connection, the dialect's hooks, transactions and retries,
the schema's migrations, and the few queries every repository shares (counts, ids by prefix),
implemented once over any DB-API connection.

Only the store speaks SQL. Queries use ``?`` placeholders; a dialect subclass translates them
(PostgreSQL's ``%s``) and supplies the connection and the type names.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Collection, Iterable, Iterator, TypeVar

from crossbearing.errors import NotFound, StoreError, UsageError
from crossbearing.store.clock import utc_now
from crossbearing.store.migrations import MIGRATIONS

#: Times a transaction is tried when the database aborts it for a conflict with another run.
ATTEMPTS = 3
#: How many ids one query's "IN (…)" takes: well under every backend's limit on parameters.
CHUNK = 500
T = TypeVar("T")


#: The digits of an id after its fixed start (article ids are hexadecimal digits only).
HEX_DIGITS = frozenset("0123456789abcdef")

#: The tables :meth:`Database.count` counts.
COUNTABLE = frozenset({
    "articles", "inputs", "rejections", "raw_records", "mentions", "sentences",
    "time_expressions", "places", "actors", "stage_runs", "quotes", "numeric_facts", "signatures",
    "duplicates", "passages", "stories", "story_articles", "entities", "article_terms",
    "event_mentions", "events", "event_sources", "claim_groups", "claim_members", "quote_groups",
    "quote_members", "framing_descriptors", "loaded_terms", "overrides", "failures"})


S = TypeVar("S", bound="Database")


def migrated(store: S, failure: type[Exception]) -> S:
    """``store`` with its schema brought up to date; closed, and a StoreError, when the
    database refuses (``failure`` is the driver's error class)."""
    try:
        store.migrate()
    except failure as error:
        store.close()
        raise StoreError(f"cannot set up the schema in {store.location}: {error}") from None
    return store


class Database:
    """A SQL database: its connection, its dialect, transactions and retries, and the schema.
    Use as a context manager."""

    #: The dialect's name for a binary column.
    blob_type = "BLOB"
    #: The driver's base exception class: its errors are the database's, not an input's.
    driver_error: type[Exception] | tuple = ()
    #: Which SQL dialect the connection speaks: "sqlite" or "postgresql".
    dialect = "sqlite"
    #: Appended to the query that claims pending articles: a row lock where the dialect has one.
    claim_lock = ""

    def __init__(self, connection: Any, location: str) -> None:
        self.connection = connection
        self.location = location
        self._depth = 0

    def address(self) -> str | None:
        """Where another process opens this same database (``open_store`` takes it), or None
        where it cannot (a database that lives in this process's memory only)."""
        return None

    # -- dialect hooks -------------------------------------------------------------------------
    def sql(self, query: str) -> str:
        """The query in this dialect's placeholder style."""
        return query

    def begin(self) -> None:
        """Open a transaction (drivers that open one implicitly need nothing here)."""

    def take_turns(self, name: str) -> None:
        """Inside a transaction: wait until no other run is inside one that called this with the
        same ``name``, so that runs recomputing shared results (the corpus stages and the
        comparison share the name "recompute") replace them one after the other. SQLite needs nothing: its writing
        transactions already take turns (``BEGIN IMMEDIATE``)."""

    def ddl(self, statement: str) -> str:
        """A migration statement in this dialect's type names."""
        return statement.replace("{blob}", self.blob_type)

    def retryable(self, error: BaseException) -> bool:
        """Whether the database aborted a transaction only for a conflict with another run
        (a deadlock): then it is worth trying again."""
        return False

    @contextmanager
    def one_run_at_a_time(self, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
        """Hold the database for one writing run, where the backend needs runs to take turns
        (SQLite); PostgreSQL's runs share the work without it."""
        yield

    def own_files(self) -> frozenset[str]:
        """Absolute paths of the files this store keeps its data in (never ingested)."""
        return frozenset()

    def execute(self, query: str, params: tuple = ()) -> Any:
        cursor = self.connection.cursor()
        cursor.execute(self.sql(query), params)
        return cursor

    def insert_many(self, table: str, columns: tuple[str, ...], rows: list[tuple],
                    on_conflict: str = "") -> None:
        """Insert ``rows`` into ``table`` in one call: the driver sends them together (psycopg
        pipelines them, one round trip instead of one a row; sqlite3 prepares the query once).
        ``on_conflict`` is appended to the statement (an ``ON CONFLICT ...`` clause)."""
        if not rows:
            return
        query = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                 f"({', '.join('?' * len(columns))}) {on_conflict}")
        self.executemany(query.rstrip(), rows)

    def executemany(self, query: str, rows: list[tuple]) -> None:
        self.connection.cursor().executemany(self.sql(query), rows)

    # -- lifecycle -----------------------------------------------------------------------------
    def __enter__(self: S) -> S:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all; nested uses join the outer one."""
        if self._depth == 0:
            self.begin()
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.connection.rollback()
            raise
        self._depth -= 1
        if self._depth == 0:
            self.connection.commit()

    def run_retrying(self, work: Callable[[], T]) -> T:
        """Run ``work`` in one transaction; run it again, up to ATTEMPTS times, when the database
        aborts it for a conflict with a concurrent run. ``work`` must not keep state outside the
        store between tries."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with self.transaction():
                    return work()
            except Exception as error:
                if attempt == ATTEMPTS or self._depth or not self.retryable(error):
                    raise
        raise AssertionError("unreachable")

    def schema_version(self) -> int:
        try:
            row = self.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        except Exception:  # the table does not exist yet: a new database
            self.connection.rollback()
            return 0
        return row[0] or 0

    def migrate(self) -> int:
        """Apply the migrations this database lacks; return the schema version."""
        latest = MIGRATIONS[-1].version
        if self._checked_version() == latest:
            return latest
        with self.transaction():
            self.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                         " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            # Read again holding the write lock: another process may have migrated meanwhile.
            current = self._checked_version()
            for migration in MIGRATIONS:
                if migration.version <= current:
                    continue
                for statement in migration.statements_for(self.dialect):
                    self.execute(self.ddl(statement))
                self.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                             "VALUES (?, ?, ?)", (migration.version, migration.name, utc_now()))
        return latest

    def _checked_version(self) -> int:
        current, latest = self.schema_version(), MIGRATIONS[-1].version
        if current > latest:
            raise StoreError(f"{self.location} has schema version {current}, newer than this "
                             f"Crossbearing ({latest}): upgrade Crossbearing to open it")
        return current

    # -- queries the repositories share ----------------------------------------------------------
    def count(self, table: str) -> int:
        """Rows in one of the schema's tables (checked against the list: the name goes into SQL)."""
        if table not in COUNTABLE:
            raise UsageError(f"no table {table!r}")
        return self.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # -- ids given by a prefix (articles, stories, events) ---------------------------------------
    @staticmethod
    def id_prefix(text: str, kind: str, lead: str = "") -> str:
        """An id, or the start of one, as typed (any case; ``lead``, the fixed start of every id
        of this ``kind``, may be left out): the prefix it stands for. A UsageError when the rest
        is not hexadecimal digits."""
        prefix = text.strip().lower()
        digits = prefix[len(lead):] if prefix.startswith(lead) else prefix
        if not digits or not HEX_DIGITS.issuperset(digits):
            form = f"{lead!r} and " if lead else ""
            raise UsageError(f"no {kind} with id {text!r}: not {_a(kind)} id ({form}hexadecimal "
                             "digits)")
        return lead + digits

    def ids_with_prefix(self, table: str, column: str, prefix: str, limit: int = 2) -> list[str]:
        """Up to ``limit`` ids of ``column`` in ``table`` that start with ``prefix`` (from
        :meth:`id_prefix`), in order, so an id equal to it first: one range over the column's
        index (every character after the prefix is a hexadecimal digit, below "g")."""
        return [r[0] for r in self.execute(
            f"SELECT {column} FROM {table} WHERE {column} >= ? AND {column} < ? "
            f"ORDER BY {column} LIMIT ?", (prefix, prefix + "g", limit)).fetchall()]

    @staticmethod
    def one_id(ids: Collection[str], text: str, kind: str) -> str:
        """The one id a prefix ``text`` leads to (``ids``): NotFound when there is none, a
        UsageError when there are several."""
        if not ids:
            raise NotFound(f"no {kind} with id {text!r}")
        if len(ids) > 1:
            raise UsageError(f"more than one {kind} id starts with {text!r}: give more of it")
        return next(iter(ids))


def chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    """``ids`` in pieces of :data:`CHUNK`, one query's "IN (…)" each."""
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def placeholders(values: Collection[Any]) -> str:
    """The "?, ?, …" of a query's "IN (…)" over ``values``."""
    return ", ".join("?" * len(values))


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "an article", "a story"."""
    return ("an " if noun[0] in "aeiou" else "a ") + noun
