"""Full-text search over article titles and texts and over what quotes say. Reached as
``store.search``.

SQLite: two FTS5 tables kept by triggers (migration 8). PostgreSQL: a generated ``tsvector`` on
articles and a trigger-kept ``quote_search`` table, with GIN indexes. The user's text never
becomes SQL: it is turned into a query of quoted words (``fts_query``/``ts_query``) and passed
as a parameter.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crossbearing.store.database import Database

#: Words of a search: letters and digits; everything else (FTS operators, quotes, brackets,
#: column filters) separates words and is dropped.
_WORD = re.compile(r"\w+", re.UNICODE)
#: A word as people write it in a name, an apostrophe inside ("Kata'ib"): one slot of a query.
_SLOT = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
#: At most this many words of a query are used.
MAX_TERMS = 16
#: Markers around matched words in snippets (control characters never found in clean text).
HIT_START, HIT_END = "\x02", "\x03"


def search_terms(query: str) -> list[str]:
    """The words of a user's query, at most MAX_TERMS."""
    return _WORD.findall(query or "")[:MAX_TERMS]


def fts_query(query: str, expansion: Any = None) -> str | None:
    """An FTS5 query matching every word of ``query`` (the last as a prefix), each word quoted so
    that no character of the user's text acts as an FTS operator; with an ``expansion``
    (:class:`crossbearing.spellings.Expansion`) a word also matches its other spellings, and the
    whole query the other names of the actor it names. None for a query of no words."""
    slots = _slots(query, expansion)
    if not slots:
        return None

    def phrase(words: list[str], prefix: bool = False) -> str:
        return '"' + " ".join(w.replace('"', '""') for w in words) + '"' + ("*" if prefix else "")

    groups = []
    for index, (word, others) in enumerate(slots):
        options = [phrase(word, index == len(slots) - 1)] + [phrase(o) for o in others]
        groups.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    # All of them: side by side (FTS5's implicit AND) while each is one phrase; FTS5 wants AND
    # written out next to a bracket.
    match = (" AND " if any(g.startswith("(") for g in groups) else " ").join(groups)
    aliases = [phrase(words) for words in _aliases(expansion)]
    return "(" + match + ") OR " + " OR ".join(aliases) if aliases else match


def ts_query(query: str, expansion: Any = None) -> str | None:
    """The PostgreSQL ``to_tsquery`` equivalent of :func:`fts_query`: words of a phrase joined by
    ``<->``, slots by ``&``, alternatives by ``|``, the last word as a prefix; every word is
    letters and digits only, so it cannot carry an operator."""
    slots = _slots(query, expansion)
    if not slots:
        return None

    def phrase(words: list[str], prefix: bool = False) -> str:
        joined = " <-> ".join(words[:-1] + [words[-1] + (":*" if prefix else "")])
        return joined if len(words) == 1 else "(" + joined + ")"

    groups = []
    for index, (word, others) in enumerate(slots):
        options = [phrase(word, index == len(slots) - 1)] + [phrase(o) for o in others]
        groups.append(options[0] if len(options) == 1 else "(" + " | ".join(options) + ")")
    match = " & ".join(groups)
    aliases = [phrase(words) for words in _aliases(expansion)]
    return "(" + match + ") | " + " | ".join(aliases) if aliases else match


def _slots(query: str, expansion: Any) -> list[tuple[list[str], list[list[str]]]]:
    """Each slot of the query as its words (a name with an apostrophe is two: "kata", "ib"),
    with the words of each other spelling of it."""
    spelled = getattr(expansion, "words", {}) or {}
    slots = []
    for slot in _SLOT.findall(query or "")[:MAX_TERMS]:
        others = [_WORD.findall(v) for v in spelled.get(slot, ())]
        slots.append((_WORD.findall(slot), [o for o in others if o]))
    return slots


def _aliases(expansion: Any) -> list[list[str]]:
    names = getattr(expansion, "aliases", ()) or ()
    return [words for words in (_WORD.findall(n) for n in names) if words]


class SearchRepository:
    """Full-text search over articles and quotes (``store.search``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def find(self, query: str, limit: int = 20, expansion: Any = None) -> list[dict[str, Any]]:
        """Articles and quotes matching every word of ``query`` (or, with an ``expansion``, one
        of its spellings; see :func:`fts_query`), best first, at most ``limit`` of each kind.
        Each hit: ``kind`` ('article' or 'quote'), ``article_id``, ``start``/``end`` (the
        quote's span; None for an article), ``speaker``, ``snippet`` (matched words between
        HIT_START and HIT_END)."""
        limit = max(1, min(int(limit), 200))
        if self.store.dialect == "postgresql":
            return self._search_postgresql(ts_query(query, expansion), limit)
        match = fts_query(query, expansion)
        if match is None:
            return []
        articles = self.store.execute(
            "SELECT article_id, snippet(article_search, 2, ?, ?, '…', 16) FROM article_search "
            "WHERE article_search MATCH ? ORDER BY bm25(article_search, 0.0, 5.0, 1.0) LIMIT ?",
            (HIT_START, HIT_END, match, limit)).fetchall()
        quotes = self.store.execute(
            "SELECT article_id, start, \"end\", speaker, snippet(quote_search, -1, ?, ?, '…', 24) "
            "FROM quote_search WHERE quote_search MATCH ? ORDER BY rank LIMIT ?",
            (HIT_START, HIT_END, match, limit)).fetchall()
        return _hits(articles, quotes)

    def _search_postgresql(self, match: str | None, limit: int) -> list[dict[str, Any]]:
        """The PostgreSQL branch (tsvector columns and GIN indexes of migration 8)."""
        if match is None:
            return []
        marks = f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=16, MinWords=8"
        articles = self.store.execute(
            "SELECT article_id, ts_headline('simple', text, to_tsquery('simple', ?), ?) "
            "FROM articles WHERE search @@ to_tsquery('simple', ?) "
            "ORDER BY ts_rank(search, to_tsquery('simple', ?)) DESC, article_id LIMIT ?",
            (match, marks, match, match, limit)).fetchall()
        quotes = self.store.execute(
            "SELECT article_id, start, \"end\", speaker, ts_headline('simple', body, "
            "to_tsquery('simple', ?), ?) FROM quote_search WHERE search @@ to_tsquery('simple', ?) "
            "ORDER BY ts_rank(search, to_tsquery('simple', ?)) DESC, article_id, start LIMIT ?",
            (match, marks, match, match, limit)).fetchall()
        return _hits(articles, quotes)


    def name_words(self) -> set[str]:
        """The words of every name the articles hold (what spellings are searched among)."""
        rows = self.store.execute("SELECT DISTINCT text FROM mentions").fetchall()
        return {w for (text,) in rows for w in _SLOT.findall(text)}

    def actor_spellings(self) -> list[tuple[str, str]]:
        """(knowledge-base actor id, a spelling the articles used for it), each pair once; a
        capital standing for its government ("Baghdad condemned") is no name of it."""
        return self.store.execute("SELECT DISTINCT actor_id, text FROM mentions "
                                  "WHERE actor_id IS NOT NULL AND link <> 'metonymy' "
                                  "ORDER BY actor_id, text").fetchall()


def _hits(articles: list[tuple], quotes: list[tuple]) -> list[dict[str, Any]]:
    hits = [{"kind": "article", "article_id": a, "start": None, "end": None, "speaker": None,
             "snippet": snippet} for a, snippet in articles]
    hits += [{"kind": "quote", "article_id": a, "start": int(start), "end": int(end),
              "speaker": speaker or None, "snippet": snippet}
             for a, start, end, speaker, snippet in quotes]
    return hits
