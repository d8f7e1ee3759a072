"""The store interface, implemented once over any DB-API connection.

Only the store speaks SQL. Queries use ``?`` placeholders; a dialect subclass translates them
(PostgreSQL's ``%s``) and supplies the connection and the type names.
"""

from __future__ import annotations

import json
import zlib
from contextlib import contextmanager
from typing import Any, Callable, Collection, Iterator, TypeVar

from crossbearing.errors import NotFound, StoreError, UsageError
from crossbearing.model import Article, DateValue, InputRecord, Rejection
from crossbearing.store.annotations import AnnotationStore
from crossbearing.store.clock import utc_now
from crossbearing.store.compare import CompareStore
from crossbearing.store.corpus import CorpusStore
from crossbearing.store.events import EventStore
from crossbearing.store.framing import FramingStore
from crossbearing.store.export import ExportStore
from crossbearing.store.failures import FailureStore
from crossbearing.store.migrations import MIGRATIONS
from crossbearing.store.overrides import OverrideStore
from crossbearing.store.pages import PageStore, paged
from crossbearing.store.runs import RunStateStore
from crossbearing.store.search import SearchStore

#: Article columns in the order ``_article_row`` writes and ``_article_from_row`` reads them.
ARTICLE_COLUMNS = (
    "article_id", "external_id", "title", "outlet", "outlet_source", "url", "domain", "published",
    "published_precision", "published_source", "authors", "language", "language_score",
    "analysable", "skip_reason", "text", "text_sha256", "input_id", "source_path", "locator",
    "format", "raw_sha256", "metadata", "ingested_at",
)
REJECTION_COLUMNS = ("rejection_id", "path", "locator", "reason", "detail", "sha256", "size_bytes")
#: zlib level for raw records: level 1 compresses HTML to 30% in 0.24 ms a page; level 6 to 26%
#: in 0.42 ms, a cost ingestion cannot spare for copies that are only read to re-extract.
RAW_COMPRESSION = 1
#: Times a transaction is tried when the database aborts it for a conflict with another run.
ATTEMPTS = 3
T = TypeVar("T")
INPUT_COLUMNS = ("input_id", "path", "sha256", "size_bytes", "format", "extractor", "articles",
                 "duplicates", "rejections")


#: The digits of an id after its fixed start (article ids are hexadecimal digits only).
HEX_DIGITS = frozenset("0123456789abcdef")

#: The tables :meth:`Store.count` counts.
COUNTABLE = frozenset({
    "articles", "inputs", "rejections", "raw_records", "mentions", "sentences",
    "time_expressions", "places", "actors", "stage_runs", "quotes", "numeric_facts", "signatures",
    "duplicates", "passages", "stories", "story_articles", "entities", "article_terms",
    "event_mentions", "events", "event_sources", "claim_groups", "claim_members", "quote_groups",
    "quote_members", "framing_descriptors", "loaded_terms", "overrides", "failures"})


S = TypeVar("S", bound="Store")


def migrated(store: S, failure: type[Exception]) -> S:
    """``store`` with its schema brought up to date; closed, and a StoreError, when the
    database refuses (``failure`` is the driver's error class)."""
    try:
        store.migrate()
    except failure as error:
        store.close()
        raise StoreError(f"cannot set up the schema in {store.location}: {error}") from None
    return store


class Store(AnnotationStore, CorpusStore, EventStore, CompareStore, FramingStore,
            ExportStore, SearchStore, OverrideStore, PageStore, FailureStore, RunStateStore):
    """Articles, inputs, rejections and annotations in a SQL database. Use as a context manager."""

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
    def __enter__(self) -> "Store":
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

    # -- writes --------------------------------------------------------------------------------
    def add_input(self, record: InputRecord) -> None:
        """Record an input, or update its counts when it is recorded already."""
        values = tuple(getattr(record, name if name != "input_id" else "id") for name in INPUT_COLUMNS)
        self.execute(
            f"INSERT INTO inputs ({', '.join(INPUT_COLUMNS)}, ingested_at) VALUES "
            f"({', '.join('?' * (len(INPUT_COLUMNS) + 1))}) ON CONFLICT (input_id) DO UPDATE SET "
            "articles = excluded.articles, duplicates = excluded.duplicates, "
            "rejections = excluded.rejections, format = excluded.format",
            values + (utc_now(),))

    def claim_input(self, record: InputRecord) -> bool:
        """Record an input about to be read; False when it is recorded already (another run has
        read it, or is reading it: that run's transaction decides, this one waits for it)."""
        values = tuple(getattr(record, name if name != "input_id" else "id") for name in INPUT_COLUMNS)
        cursor = self.execute(
            f"INSERT INTO inputs ({', '.join(INPUT_COLUMNS)}, ingested_at) VALUES "
            f"({', '.join('?' * (len(INPUT_COLUMNS) + 1))}) ON CONFLICT (input_id) DO NOTHING",
            values + (utc_now(),))
        return cursor.rowcount == 1

    def add_article(self, article: Article, input_id: str) -> bool:
        """Store an article and its raw bytes; False when an article with its id is stored already."""
        raw = zlib.compress(article.raw, RAW_COMPRESSION)
        self.execute("INSERT INTO raw_records (raw_sha256, size_bytes, compression, content) "
                     "VALUES (?, ?, 'zlib', ?) ON CONFLICT (raw_sha256) DO NOTHING",
                     (article.raw_sha256, len(article.raw), raw))
        cursor = self.execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES "
            f"({', '.join('?' * len(ARTICLE_COLUMNS))}) ON CONFLICT (article_id) DO NOTHING",
            _article_row(article, input_id))
        return cursor.rowcount == 1

    def add_rejection(self, rejection: Rejection, input_id: str) -> bool:
        cursor = self.execute(
            f"INSERT INTO rejections ({', '.join(REJECTION_COLUMNS)}, input_id, rejected_at) "
            f"VALUES ({', '.join('?' * (len(REJECTION_COLUMNS) + 2))}) "
            "ON CONFLICT (rejection_id) DO NOTHING",
            tuple(getattr(rejection, c if c != "rejection_id" else "id") for c in REJECTION_COLUMNS)
            + (input_id, utc_now()))
        return cursor.rowcount == 1

    # -- reads ---------------------------------------------------------------------------------
    def find_input(self, input_id: str) -> InputRecord | None:
        row = self.execute(f"SELECT {', '.join(INPUT_COLUMNS)} FROM inputs WHERE input_id = ?",
                           (input_id,)).fetchone()
        return InputRecord(*row) if row else None

    def input_rejections(self, input_id: str) -> list[Rejection]:
        rows = self.execute(f"SELECT {', '.join(REJECTION_COLUMNS)} FROM rejections WHERE "
                            "input_id = ? ORDER BY rejected_at, path, locator", (input_id,))
        return [Rejection(*row) for row in rows.fetchall()]

    def count(self, table: str) -> int:
        """Rows in one of the schema's tables (checked against the list: the name goes into SQL)."""
        if table not in COUNTABLE:
            raise UsageError(f"no table {table!r}")
        return self.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def article(self, id_or_prefix: str, *, with_raw: bool = False) -> Article:
        """The article with this id, or the one article whose id starts with it."""
        prefix = self.id_prefix(id_or_prefix, "article")
        article_id = self.one_id(self.ids_with_prefix("articles", "article_id", prefix),
                                 id_or_prefix, "article")
        row = self.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE "
                           "article_id = ?", (article_id,)).fetchone()
        raw = self.raw_bytes(row[ARTICLE_COLUMNS.index("raw_sha256")]) if with_raw else b""
        return self.corrected_articles([_article_from_row(row, raw)])[0]

    # -- ids given by a prefix (articles here, stories in CorpusStore) -------------------------
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

    def raw_bytes(self, raw_sha256: str) -> bytes:
        row = self.execute("SELECT content FROM raw_records WHERE raw_sha256 = ?",
                           (raw_sha256,)).fetchone()
        return zlib.decompress(bytes(row[0])) if row else b""

    def articles_by_id(self, ids: list[str]) -> list[Article]:
        """The articles with these ids, in the order given (ids not stored are left out), with
        the analyst's corrections of outlet, date and title applied (as by every article read)."""
        found: dict[str, Article] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = self.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE "
                                f"article_id IN ({', '.join('?' * len(chunk))})", tuple(chunk))
            for row in rows.fetchall():
                found[row[0]] = _article_from_row(row, b"")
        return self.corrected_articles([found[i] for i in ids if i in found])

    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Articles by publication date (undated last), then id."""
        query, params = paged(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY "
                              "CASE WHEN published IS NULL THEN 1 ELSE 0 END, published, "
                              "article_id", limit, offset)
        return self.corrected_articles([_article_from_row(row, b"")
                                        for row in self.execute(query, params).fetchall()])

    def rejections(self) -> list[Rejection]:
        rows = self.execute(f"SELECT {', '.join(REJECTION_COLUMNS)} FROM rejections "
                            "ORDER BY path, locator").fetchall()
        return [Rejection(*row) for row in rows]


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "an article", "a story"."""
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _article_row(article: Article, input_id: str) -> tuple:
    published = article.published
    return (
        article.id, article.external_id, article.title, article.outlet, article.outlet_source,
        article.url, article.domain, published.value if published else None,
        published.precision if published else None, published.source if published else None,
        json.dumps(list(article.authors), ensure_ascii=False), article.language,
        article.language_score, int(article.analysable), article.skip_reason, article.text,
        article.text_sha256, input_id, article.source_path, article.locator, article.format,
        article.raw_sha256, json.dumps(dict(article.metadata), ensure_ascii=False, default=str),
        utc_now(),
    )


def _article_from_row(row: tuple, raw: bytes) -> Article:
    r = dict(zip(ARTICLE_COLUMNS, row))
    published = (DateValue(r["published"], r["published_precision"], r["published_source"])
                 if r["published"] else None)
    return Article(
        id=r["article_id"], text=r["text"], title=r["title"], outlet=r["outlet"],
        outlet_source=r["outlet_source"], url=r["url"], domain=r["domain"], published=published,
        authors=tuple(json.loads(r["authors"])), language=r["language"],
        language_score=r["language_score"], analysable=bool(r["analysable"]),
        skip_reason=r["skip_reason"], external_id=r["external_id"], source_path=r["source_path"],
        locator=r["locator"], format=r["format"], text_sha256=r["text_sha256"],
        raw_sha256=r["raw_sha256"], raw=raw, metadata=json.loads(r["metadata"]))
