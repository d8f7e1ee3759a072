"""The schema, as an append-only list of migrations.

Never edit a migration that has been released: add a new one. The SQL is written to run on both
SQLite and PostgreSQL; ``{blob}`` stands for the binary column type of the dialect.
Each table and column carries a comment here, and docs/data-model.md explains them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "inputs, articles, raw records and rejections", (
        # One row per input file (or standard input) per extractor version: what was read.
        """CREATE TABLE inputs (
            input_id     TEXT PRIMARY KEY,   -- stable id of (path, sha256, extractor)
            path         TEXT NOT NULL,      -- the path as given; '<stdin>' for standard input
            sha256       TEXT NOT NULL,      -- hash of the input's bytes
            size_bytes   BIGINT NOT NULL,
            format       TEXT,               -- sniffed format; NULL when rejected before sniffing
            extractor    TEXT NOT NULL,      -- version of the ingestion code that read it
            articles     INTEGER NOT NULL DEFAULT 0,  -- articles read from it, new or not
            duplicates   INTEGER NOT NULL DEFAULT 0,  -- of those, already stored before
            rejections   INTEGER NOT NULL DEFAULT 0,  -- records of it that were rejected
            ingested_at  TEXT NOT NULL       -- ISO 8601 UTC
        )""",
        # The raw bytes behind each article (the page, the message, the JSON line), compressed.
        """CREATE TABLE raw_records (
            raw_sha256   TEXT PRIMARY KEY,   -- hash of the uncompressed bytes
            size_bytes   BIGINT NOT NULL,    -- uncompressed size
            compression  TEXT NOT NULL,      -- 'zlib'
            content      {blob} NOT NULL
        )""",
        # One row per distinct article. article_id is derived from its clean text and URL.
        """CREATE TABLE articles (
            article_id           TEXT PRIMARY KEY,
            external_id          TEXT,       -- the id a JSONL/CSV dump or a feed gave it
            title                TEXT,
            outlet               TEXT,       -- outlet name, canonical where the outlet table knows it
            outlet_source        TEXT,       -- where the outlet name was read
            url                  TEXT,
            domain               TEXT,       -- host of the URL without www.
            published            TEXT,       -- ISO 8601 date or date-time
            published_precision  TEXT,       -- second, minute, day, month or year
            published_source     TEXT,       -- where the date was read
            authors              TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
            language             TEXT,       -- ISO 639-1 code, identified from the text
            language_score       REAL,       -- identifier's probability for that language
            analysable           INTEGER NOT NULL,  -- 1 when the English pipeline analyses it
            skip_reason          TEXT,       -- why not, when analysable = 0
            text                 TEXT NOT NULL,  -- canonical clean text; every span points into it
            text_sha256          TEXT NOT NULL,  -- hash of the normalised text (exact duplicates)
            input_id             TEXT NOT NULL REFERENCES inputs(input_id),
            source_path          TEXT NOT NULL,  -- the input it was first read from
            locator              TEXT NOT NULL,  -- where inside that input ('' for the whole file)
            format               TEXT NOT NULL,  -- reader that read it: html, eml, mbox, ...
            raw_sha256           TEXT NOT NULL REFERENCES raw_records(raw_sha256),
            metadata             TEXT NOT NULL DEFAULT '{}',  -- JSON object of everything else
            ingested_at          TEXT NOT NULL
        )""",
        "CREATE INDEX articles_outlet ON articles (outlet)",
        "CREATE INDEX articles_published ON articles (published)",
        "CREATE INDEX articles_text_sha256 ON articles (text_sha256)",
        "CREATE INDEX articles_external_id ON articles (external_id)",
        # One row per input, or record inside an input, that did not become an article.
        """CREATE TABLE rejections (
            rejection_id  TEXT PRIMARY KEY,  -- stable id of (path, sha256, locator, reason)
            input_id      TEXT NOT NULL REFERENCES inputs(input_id),
            path          TEXT NOT NULL,
            locator       TEXT NOT NULL,     -- record inside the input ('' for the whole input)
            reason        TEXT NOT NULL,     -- short code: empty, binary, too-large, no-text, ...
            detail        TEXT NOT NULL,     -- human-readable explanation
            sha256        TEXT,
            size_bytes    BIGINT,
            rejected_at   TEXT NOT NULL
        )""",
        "CREATE INDEX rejections_reason ON rejections (reason)",
    )),
)
