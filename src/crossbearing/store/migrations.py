"""The schema, as an append-only list of migrations.

Never edit a migration that has been released: add a new one. The SQL is written to run on both
SQLite and PostgreSQL; ``{blob}`` stands for the binary column type of the dialect.
The migrations are listed in `schema_articles` (1-4) and `schema_analysis` (5 onwards); each table
and column carries a comment there, and docs/data-model.md explains them.
"""

from __future__ import annotations

from crossbearing.store.migration import PG_PUNCTUATION, Migration
from crossbearing.store.schema_analysis import ANALYSIS_MIGRATIONS
from crossbearing.store.schema_articles import ARTICLE_MIGRATIONS

__all__ = ["MIGRATIONS", "PG_PUNCTUATION", "Migration"]

#: Every migration in order: the articles' layers (1-4), then the analysis' (5 onwards). A new
#: one is appended to ``schema_analysis.ANALYSIS_MIGRATIONS``.
MIGRATIONS: tuple[Migration, ...] = ARTICLE_MIGRATIONS + ANALYSIS_MIGRATIONS
