"""Articles, the inputs they were read from, their raw records and the rejected records: what
ingest stores. Reached as ``store.articles`` (:class:`~crossbearing.store.Store`)."""

from __future__ import annotations

import json
import zlib
from typing import TYPE_CHECKING

from crossbearing.model import Article, DateValue, InputRecord, Rejection
from crossbearing.store.clock import utc_now
from crossbearing.store.database import chunks, placeholders
from crossbearing.store.pages import paged

if TYPE_CHECKING:
    from crossbearing.store.database import Database

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
INPUT_COLUMNS = ("input_id", "path", "sha256", "size_bytes", "format", "extractor", "articles",
                 "duplicates", "rejections")


class ArticleRepository:
    """Articles, inputs, raw records and rejections (``store.articles``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    # -- writes --------------------------------------------------------------------------------
    def add_input(self, record: InputRecord) -> None:
        """Record an input, or update its counts when it is recorded already."""
        values = tuple(getattr(record, name if name != "input_id" else "id") for name in INPUT_COLUMNS)
        self.store.execute(
            f"INSERT INTO inputs ({', '.join(INPUT_COLUMNS)}, ingested_at) VALUES "
            f"({', '.join('?' * (len(INPUT_COLUMNS) + 1))}) ON CONFLICT (input_id) DO UPDATE SET "
            "articles = excluded.articles, duplicates = excluded.duplicates, "
            "rejections = excluded.rejections, format = excluded.format",
            values + (utc_now(),))

    def claim_input(self, record: InputRecord) -> bool:
        """Record an input about to be read; False when it is recorded already (another run has
        read it, or is reading it: that run's transaction decides, this one waits for it)."""
        values = tuple(getattr(record, name if name != "input_id" else "id") for name in INPUT_COLUMNS)
        cursor = self.store.execute(
            f"INSERT INTO inputs ({', '.join(INPUT_COLUMNS)}, ingested_at) VALUES "
            f"({', '.join('?' * (len(INPUT_COLUMNS) + 1))}) ON CONFLICT (input_id) DO NOTHING",
            values + (utc_now(),))
        return cursor.rowcount == 1

    def add_article(self, article: Article, input_id: str) -> bool:
        """Store an article and its raw bytes; False when an article with its id is stored already."""
        raw = zlib.compress(article.raw, RAW_COMPRESSION)
        self.store.execute("INSERT INTO raw_records (raw_sha256, size_bytes, compression, content) "
                           "VALUES (?, ?, 'zlib', ?) ON CONFLICT (raw_sha256) DO NOTHING",
                           (article.raw_sha256, len(article.raw), raw))
        cursor = self.store.execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES "
            f"({', '.join('?' * len(ARTICLE_COLUMNS))}) ON CONFLICT (article_id) DO NOTHING",
            _article_row(article, input_id))
        return cursor.rowcount == 1

    def add_rejection(self, rejection: Rejection, input_id: str) -> bool:
        cursor = self.store.execute(
            f"INSERT INTO rejections ({', '.join(REJECTION_COLUMNS)}, input_id, rejected_at) "
            f"VALUES ({', '.join('?' * (len(REJECTION_COLUMNS) + 2))}) "
            "ON CONFLICT (rejection_id) DO NOTHING",
            tuple(getattr(rejection, c if c != "rejection_id" else "id") for c in REJECTION_COLUMNS)
            + (input_id, utc_now()))
        return cursor.rowcount == 1

    # -- reads ---------------------------------------------------------------------------------
    def find_input(self, input_id: str) -> InputRecord | None:
        row = self.store.execute(f"SELECT {', '.join(INPUT_COLUMNS)} FROM inputs "
                                 "WHERE input_id = ?", (input_id,)).fetchone()
        return InputRecord(*row) if row else None

    def input_rejections(self, input_id: str) -> list[Rejection]:
        rows = self.store.execute(f"SELECT {', '.join(REJECTION_COLUMNS)} FROM rejections WHERE "
                                  "input_id = ? ORDER BY rejected_at, path, locator", (input_id,))
        return [Rejection(*row) for row in rows.fetchall()]
    def article(self, id_or_prefix: str, *, with_raw: bool = False) -> Article:
        """The article with this id, or the one article whose id starts with it."""
        prefix = self.store.id_prefix(id_or_prefix, "article")
        article_id = self.store.one_id(self.store.ids_with_prefix("articles", "article_id", prefix),
                                       id_or_prefix, "article")
        row = self.store.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE "
                                 "article_id = ?", (article_id,)).fetchone()
        raw = self.raw_bytes(row[ARTICLE_COLUMNS.index("raw_sha256")]) if with_raw else b""
        return self.store.corrections.corrected_articles([_article_from_row(row, raw)])[0]
    def raw_bytes(self, raw_sha256: str) -> bytes:
        row = self.store.execute("SELECT content FROM raw_records WHERE raw_sha256 = ?",
                                 (raw_sha256,)).fetchone()
        return zlib.decompress(bytes(row[0])) if row else b""

    def articles_by_id(self, ids: list[str]) -> list[Article]:
        """The articles with these ids, in the order given (ids not stored are left out), with
        the analyst's corrections of outlet, date and title applied (as by every article read)."""
        found: dict[str, Article] = {}
        for chunk in chunks(ids):
            rows = self.store.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE "
                                      f"article_id IN ({placeholders(chunk)})", tuple(chunk))
            for row in rows.fetchall():
                found[row[0]] = _article_from_row(row, b"")
        return self.store.corrections.corrected_articles([found[i] for i in ids if i in found])

    def all(self, *, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Articles by publication date (undated last), then id."""
        query, params = paged(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY "
                              "CASE WHEN published IS NULL THEN 1 ELSE 0 END, published, "
                              "article_id", limit, offset)
        rows = self.store.execute(query, params).fetchall()
        return self.store.corrections.corrected_articles([_article_from_row(row, b"")
                                                          for row in rows])

    def rejections(self) -> list[Rejection]:
        rows = self.store.execute(f"SELECT {', '.join(REJECTION_COLUMNS)} FROM rejections "
                                  "ORDER BY path, locator").fetchall()
        return [Rejection(*row) for row in rows]


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
