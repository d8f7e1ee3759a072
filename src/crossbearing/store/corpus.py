"""Storing and reading the corpus stages' results: signatures and duplicates, shared passages,
stories, per-article terms and collection-wide entities. Reached as
``store.corpus``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from crossbearing.ids import STORY_PREFIX
from crossbearing.model import Article, DateValue
from crossbearing.model_stories import Passage, Story
from crossbearing.store.clock import utc_now
from crossbearing.store.overrides import CORRECTED_OUTLET, CORRECTION_SOURCE, precision_of

if TYPE_CHECKING:
    from crossbearing.store.database import Database

PASSAGE_COLUMNS = ("article_a", "article_b", "a_start", "a_end", "b_start", "b_end", "words",
                   "similarity", "kind", "direction")
#: A story's row as :class:`Story` holds it (its distinct outlets counted over its articles),
#: to be grouped by the story's columns.
_STORY_QUERY = (
    "SELECT s.story_id, s.title, s.first_date, s.last_date, s.articles, "
    f"COUNT(DISTINCT COALESCE({CORRECTED_OUTLET}, a.domain, a.article_id)) FROM stories s "
    "JOIN story_articles sa ON sa.story_id = s.story_id "
    "JOIN articles a ON a.article_id = sa.article_id")


class CorpusRepository:
    """The corpus stages' results: signatures, duplicates, stories, passages, entities
    (``store.corpus``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    # -- duplicates ----------------------------------------------------------------------------
    def unsigned_articles(self) -> list[tuple[str, str, str]]:
        """(id, text, text hash) of articles that have no MinHash signature yet."""
        return [tuple(r) for r in self.store.execute(
            "SELECT a.article_id, a.text, a.text_sha256 FROM articles a LEFT JOIN signatures s "
            "ON s.article_id = a.article_id WHERE s.article_id IS NULL ORDER BY a.article_id")]

    def signatures(self) -> Iterator[tuple[str, str, bytes]]:
        """(id, text hash, signature bytes) of every signed article."""
        rows = self.store.execute("SELECT s.article_id, a.text_sha256, s.signature "
                                  "FROM signatures s JOIN articles a "
                                  "ON a.article_id = s.article_id ORDER BY s.article_id")
        for article_id, sha, blob in rows:
            yield article_id, sha, bytes(blob)

    def save_signature(self, article_id: str, num_perm: int, blob: bytes, version: str) -> None:
        self.store.execute("INSERT INTO signatures (article_id, num_perm, signature, produced_by) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO NOTHING",
                           (article_id, num_perm, blob, version))

    def save_duplicate(self, a: str, b: str, kind: str, similarity: float) -> None:
        self.store.execute("INSERT INTO duplicates (article_a, article_b, kind, similarity) VALUES "
                           "(?, ?, ?, ?) ON CONFLICT (article_a, article_b) DO NOTHING",
                           (a, b, kind, similarity))

    def duplicates(self) -> list[dict[str, Any]]:
        rows = self.store.execute("SELECT article_a, article_b, kind, similarity FROM duplicates "
                                  "ORDER BY kind, similarity DESC, article_a, article_b").fetchall()
        return [dict(zip(("article_a", "article_b", "kind", "similarity"), r)) for r in rows]

    # -- terms and stories ---------------------------------------------------------------------
    def save_terms(self, article_id: str, terms: dict[str, int], version: str) -> None:
        self.store.execute("INSERT INTO article_terms (article_id, terms, produced_by) "
                           "VALUES (?, ?, ?) "
                           "ON CONFLICT (article_id) DO UPDATE SET terms = excluded.terms, "
                           "produced_by = excluded.produced_by",
                           (article_id, json.dumps(terms, ensure_ascii=False), version))

    def article_terms(self) -> dict[str, dict[str, int]]:
        return {r[0]: json.loads(r[1]) for r in self.store.execute(
            "SELECT article_id, terms FROM article_terms")}

    def replace_stories(self, stories: Iterable[Any], version: str,
                        redirects: Mapping[str, str] | None = None,
                        earlier: Mapping[str, str] | None = None) -> None:
        """Store the stories of a fresh clustering in place of the old ones, and ``redirects``
        (retired story id -> story id) beside the earlier ones (``earlier``, as
        :meth:`story_redirects` gives them; read when not given); an earlier redirect to an id
        retired now leads on to the new story, so that no redirect ends at a retired id. The
        comparison's claim and quote groups hang on the old stories, so they go with them (the
        compare stage recomputes them for the new ones)."""
        self.store.comparison.clear_comparison()
        self.store.execute("DELETE FROM story_articles")
        self.store.execute("DELETE FROM stories")
        stories = list(stories)
        self.store.insert_many("stories", ("story_id", "title", "first_date", "last_date",
                                           "articles", "produced_by"),
                               [(s.id, s.title, s.first, s.last, len(s.members), version)
                                for s in stories])
        self.store.insert_many("story_articles", ("article_id", "story_id"),
                               [(member, s.id) for s in stories for member in s.members])
        redirects = dict(redirects or {})
        if not redirects:
            return
        now = utc_now()
        earlier = self.story_redirects() if earlier is None else earlier
        rows = [(old, new) for old, new in earlier.items() if new in redirects]
        if rows:
            self.store.executemany("UPDATE story_redirects SET story_id = ? WHERE old_id = ?",
                                   [(redirects[new], old) for old, new in rows])
        self.store.insert_many("story_redirects", ("old_id", "story_id", "redirected_at"),
                               [(old, new, now) for old, new in sorted(redirects.items())],
                               "ON CONFLICT (old_id) DO UPDATE SET story_id = excluded.story_id, "
                               "redirected_at = excluded.redirected_at")

    def story_memberships(self) -> dict[str, list[str]]:
        """Each stored story's articles (story id -> article ids, sorted)."""
        memberships: dict[str, list[str]] = {}
        for article_id, story_id in self.store.execute(
                "SELECT article_id, story_id FROM story_articles ORDER BY story_id, article_id"):
            memberships.setdefault(story_id, []).append(article_id)
        return memberships

    def story_redirects(self) -> dict[str, str]:
        """Retired story id -> the story id it leads to."""
        return dict(self.store.execute("SELECT old_id, story_id FROM story_redirects").fetchall())

    def resolve_story(self, id_or_prefix: str) -> str:
        """The id of the story meant by a story id (``story-`` may be left out), the unique
        prefix of one, or a retired id or prefix (followed to the story its articles went to).
        Raises NotFound when nothing matches, UsageError when the text is no story id or a
        prefix leads to several stories."""
        wanted = self.store.id_prefix(id_or_prefix, "story", STORY_PREFIX)
        live = self.store.ids_with_prefix("stories", "story_id", wanted)
        if wanted in live:
            return wanted
        # Many retired ids may lead to one story: enough of them to tell one story from several.
        retired = self.store.ids_with_prefix("story_redirects", "old_id", wanted, limit=50)
        if wanted in retired:
            return self._follow(wanted)
        return self.store.one_id(set(live) | {self._follow(old) for old in retired}, id_or_prefix,
                                 "story")

    def names_story(self, id_or_prefix: str, story_id: str) -> bool:
        """Whether ``id_or_prefix`` (as :meth:`resolve_story` takes it) is ``story_id`` or a
        prefix of it, rather than a retired id that leads to it."""
        return story_id.startswith(self.store.id_prefix(id_or_prefix, "story", STORY_PREFIX))

    def _follow(self, story_id: str) -> str:
        """Follow redirects from ``story_id`` to a story id no longer retired (a chain, should
        one exist, is followed at most a few dozen steps)."""
        for _ in range(32):
            row = self.store.execute("SELECT story_id FROM story_redirects WHERE old_id = ?",
                                     (story_id,)).fetchone()
            if row is None:
                break
            story_id = row[0]
        return story_id

    def stories(self) -> list[Story]:
        """Every stored story, largest first (then by first date and id)."""
        rows = self.store.execute(
            f"{_STORY_QUERY} GROUP BY s.story_id, s.title, s.first_date, s.last_date, "
            "s.articles ORDER BY s.articles DESC, s.first_date, s.story_id").fetchall()
        return [Story(*r) for r in rows]

    def story(self, story_id: str) -> Story | None:
        """One story as :meth:`stories` lists it, or None (no such story, or none of its
        articles stored), without reading every story."""
        row = self.store.execute(
            f"{_STORY_QUERY} WHERE s.story_id = ? GROUP BY s.story_id, s.title, s.first_date, "
            "s.last_date, s.articles", (story_id,)).fetchone()
        return Story(*row) if row else None

    def story_members(self, story_id: str) -> list[str]:
        return [r[0] for r in self.store.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id",
            (story_id,))]

    def story_of(self, article_id: str) -> str | None:
        row = self.store.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                 (article_id,)).fetchone()
        return row[0] if row else None

    # -- reuse ---------------------------------------------------------------------------------
    def aligned_pairs(self, version: str) -> set[tuple[str, str]]:
        """The pairs of articles this version of the reuse stage has aligned."""
        return set(self.store.execute("SELECT article_a, article_b FROM aligned_pairs "
                                      "WHERE version = ?",
                                      (version,)).fetchall())

    def save_passages(self, a: str, b: str, passages: Iterable[Passage], version: str) -> None:
        """Replace the passages of the pair (a, b), a < b (every passage one of that pair)."""
        self.store.execute("DELETE FROM passages WHERE article_a = ? AND article_b = ?", (a, b))
        self.store.insert_many("passages", PASSAGE_COLUMNS,
                               [(p.article_a, p.article_b, p.a_start, p.a_end, p.b_start,
                                 p.b_end, p.words, p.similarity, p.kind, p.direction)
                                for p in passages],
                               "ON CONFLICT DO NOTHING")
        self.store.execute("INSERT INTO aligned_pairs (article_a, article_b, version) "
                           "VALUES (?, ?, ?) ON CONFLICT (article_a, article_b) "
                           "DO UPDATE SET version = excluded.version",
                           (a, b, version))

    def passages(self, kind: str | None = None) -> list[Passage]:
        """Every stored passage (of one kind when ``kind`` is given), by pair and position."""
        where, params = (" WHERE kind = ?", (kind,)) if kind else ("", ())
        rows = self.store.execute(f"SELECT {', '.join(PASSAGE_COLUMNS)} FROM passages{where} "
                                  "ORDER BY article_a, article_b, a_start", params).fetchall()
        return [Passage(*r) for r in rows]

    # -- entities ------------------------------------------------------------------------------
    def replace_entities(self, entities: Iterable[Any],
                         assignment: dict[tuple[str, int, int], str]) -> None:
        self.store.execute("UPDATE mentions SET entity_id = NULL")
        self.store.execute("DELETE FROM entities")
        self.store.insert_many("entities", ("entity_id", "name", "label", "actor_id", "mentions"),
                               [(e.id, e.name, e.label, e.actor_id, sum(e.aliases.values()))
                                for e in entities])
        rows = [(entity_id, article_id, start, end)
                for (article_id, start, end), entity_id in assignment.items()]
        if rows:
            self.store.executemany('UPDATE mentions SET entity_id = ? WHERE article_id = ? '
                                   'AND start = ? AND "end" = ?', rows)

    def article_heads(self) -> list[Article]:
        """Every article without its text (``text`` empty) and with its corrections: what
        naming sources and finding source families need, for the whole collection at once."""
        rows = self.store.execute(
            "SELECT article_id, title, outlet, outlet_source, domain, published, "
            "published_precision, published_source, source_path FROM articles "
            "ORDER BY article_id").fetchall()
        return self.store.corrections.corrected_articles([Article(
            id=r[0], text="", title=r[1], outlet=r[2], outlet_source=r[3], url=None,
            domain=r[4], published=DateValue(r[5], r[6], r[7]) if r[5] else None, authors=(),
            language=None, language_score=None, analysable=True, skip_reason=None,
            external_id=None, source_path=r[8], locator="", format="", text_sha256="",
            raw_sha256="") for r in rows])

    def article_dates(self) -> dict[str, DateValue | None]:
        """Article id → its publication date (corrected where an analyst corrected it)."""
        rows = self.store.execute("SELECT article_id, published, published_precision, "
                                  "published_source FROM articles").fetchall()
        dates = {r[0]: DateValue(r[1], r[2], r[3]) if r[1] else None for r in rows}
        for article_id, fixes in self.store.corrections.article_corrections().items():
            if "published" in fixes and article_id in dates:
                value = fixes["published"]
                dates[article_id] = DateValue(value, precision_of(value), CORRECTION_SOURCE)
        return dates
