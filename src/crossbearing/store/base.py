"""The store: a database whose contents are read and written through one repository a layer,
reached as its attributes (``store.articles``, ``store.annotations``, ``store.corpus``, ...).

Only the store speaks SQL: the repositories run their queries through the database
(:class:`~crossbearing.store.database.Database`), which a dialect subclass connects.
"""

from __future__ import annotations

from typing import Any

from crossbearing.store.annotations import AnnotationRepository
from crossbearing.store.articles import ArticleRepository
from crossbearing.store.compare import ComparisonRepository
from crossbearing.store.corpus import CorpusRepository
from crossbearing.store.database import Database
from crossbearing.store.events import EventRepository
from crossbearing.store.export import ExportRepository
from crossbearing.store.failures import FailureRepository
from crossbearing.store.framing import FramingRepository
from crossbearing.store.overrides import CorrectionRepository
from crossbearing.store.pages import PageRepository
from crossbearing.store.runs import RunStateRepository
from crossbearing.store.search import SearchRepository


class Store(Database):
    """Articles, inputs, rejections, annotations and the analysis' results in a SQL database,
    one repository a layer. Use as a context manager."""

    def __init__(self, connection: Any, location: str) -> None:
        super().__init__(connection, location)
        #: Articles, their inputs, raw records and rejections: what ingest stores.
        self.articles = ArticleRepository(self)
        self.annotations = AnnotationRepository(self)
        self.corpus = CorpusRepository(self)
        self.events = EventRepository(self)
        self.comparison = ComparisonRepository(self)
        self.framing = FramingRepository(self)
        #: The analyst's corrections (overrides).
        self.corrections = CorrectionRepository(self)
        self.search = SearchRepository(self)
        self.pages = PageRepository(self)
        self.failures = FailureRepository(self)
        self.runs = RunStateRepository(self)
        self.exports = ExportRepository(self)
