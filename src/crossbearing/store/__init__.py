"""Where articles and annotations live. ``open_store`` picks the backend from the location."""

from __future__ import annotations

from pathlib import Path

from crossbearing.errors import UsageError
from crossbearing.store.base import Store
from crossbearing.store.sqlite import open_sqlite

__all__ = ["Store", "open_store", "DEFAULT_DB"]

DEFAULT_DB = "crossbearing.db"
#: URL schemes of PostgreSQL databases (libpq's two spellings).
POSTGRES_SCHEMES = ("postgresql", "postgres")


def open_store(location: str | Path = DEFAULT_DB) -> Store:
    """Open the store at ``location``: a SQLite file path (created if missing), or a
    ``postgresql://user:password@host:port/database`` URL of an existing database."""
    text = str(location)
    if "://" in text:
        scheme = text.split("://", 1)[0]
        if scheme.lower() in POSTGRES_SCHEMES:
            from crossbearing.store.postgres import open_postgres  # the driver only when used

            return open_postgres(text)
        raise UsageError(f"unsupported database URL scheme {scheme!r}: give a SQLite file path "
                         "or a postgresql:// URL")
    return open_sqlite(text)
