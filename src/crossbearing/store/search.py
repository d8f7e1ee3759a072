"""Full-text search over article titles and texts and over what quotes say. Mixed into
:class:`~crossbearing.store.Store`.

SQLite: two FTS5 tables kept by triggers (migration 8). PostgreSQL: a generated ``tsvector`` on
articles and a trigger-kept ``quote_search`` table, with GIN indexes. The user's text never
becomes SQL: it is turned into a query of quoted words (``fts_query``/``ts_query``) and passed
as a parameter.
"""

from __future__ import annotations

import re
from typing import Any

#: Words of a search: letters and digits; everything else (FTS operators, quotes, brackets,
#: column filters) separates words and is dropped.
_WORD = re.compile(r"\w+", re.UNICODE)
#: At most this many words of a query are used.
MAX_TERMS = 16
#: Markers around matched words in snippets (control characters never found in clean text).
HIT_START, HIT_END = "\x02", "\x03"


def search_terms(query: str) -> list[str]:
    """The words of a user's query, at most MAX_TERMS."""
    return _WORD.findall(query or "")[:MAX_TERMS]


def fts_query(query: str) -> str | None:
    """An FTS5 query matching every word of ``query`` (the last as a prefix), each word quoted so
    that no character of the user's text acts as an FTS operator. None for a query of no words."""
    terms = search_terms(query)
    if not terms:
        return None
    quoted = ['"' + term.replace('"', '""') + '"' for term in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def ts_query(query: str) -> str | None:
    """The PostgreSQL ``to_tsquery`` equivalent of :func:`fts_query`: words joined by ``&``, the
    last as a prefix; every word is letters and digits only, so it cannot carry an operator."""
    terms = search_terms(query)
    if not terms:
        return None
    return " & ".join(terms[:-1] + [terms[-1] + ":*"])


class SearchStore:
    """Search queries; expects ``execute`` and ``dialect`` from the store."""

    execute: Any
    dialect: str

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles and quotes matching every word of ``query``, best first, at most ``limit`` of
        each kind. Each hit: ``kind`` ('article' or 'quote'), ``article_id``, ``start``/``end``
        (the quote's span; None for an article), ``speaker``, ``snippet`` (matched words between
        HIT_START and HIT_END)."""
        limit = max(1, min(int(limit), 200))
        if self.dialect == "postgresql":
            return self._search_postgresql(query, limit)
        match = fts_query(query)
        if match is None:
            return []
        articles = self.execute(
            "SELECT article_id, snippet(article_search, 2, ?, ?, '…', 16) FROM article_search "
            "WHERE article_search MATCH ? ORDER BY bm25(article_search, 0.0, 5.0, 1.0) LIMIT ?",
            (HIT_START, HIT_END, match, limit)).fetchall()
        quotes = self.execute(
            "SELECT article_id, start, \"end\", speaker, snippet(quote_search, -1, ?, ?, '…', 24) "
            "FROM quote_search WHERE quote_search MATCH ? ORDER BY rank LIMIT ?",
            (HIT_START, HIT_END, match, limit)).fetchall()
        return _hits(articles, quotes)

    def _search_postgresql(self, query: str, limit: int) -> list[dict[str, Any]]:
        """The PostgreSQL branch (tsvector columns and GIN indexes of migration 8)."""
        match = ts_query(query)
        if match is None:
            return []
        marks = f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=16, MinWords=8"
        articles = self.execute(
            "SELECT article_id, ts_headline('simple', text, to_tsquery('simple', ?), ?) "
            "FROM articles WHERE search @@ to_tsquery('simple', ?) "
            "ORDER BY ts_rank(search, to_tsquery('simple', ?)) DESC, article_id LIMIT ?",
            (match, marks, match, match, limit)).fetchall()
        quotes = self.execute(
            "SELECT article_id, start, \"end\", speaker, ts_headline('simple', body, "
            "to_tsquery('simple', ?), ?) FROM quote_search WHERE search @@ to_tsquery('simple', ?) "
            "ORDER BY ts_rank(search, to_tsquery('simple', ?)) DESC, article_id, start LIMIT ?",
            (match, marks, match, match, limit)).fetchall()
        return _hits(articles, quotes)


def _hits(articles: list[tuple], quotes: list[tuple]) -> list[dict[str, Any]]:
    hits = [{"kind": "article", "article_id": a, "start": None, "end": None, "speaker": None,
             "snippet": snippet} for a, snippet in articles]
    hits += [{"kind": "quote", "article_id": a, "start": int(start), "end": int(end),
              "speaker": speaker or None, "snippet": snippet}
             for a, start, end, speaker, snippet in quotes]
    return hits
