"""Who a report comes from: one label per report, and source families.

**The label** (:func:`source_label`) is the one name every table, page and export gives a
report's source: its outlet; else the domain it was published on; else the file it was read from,
marked ``(outlet unknown)``; else its id, so marked.

**A source family** is a set of reports that do not vouch for a fact independently of each other:

- reports of the *same outlet* (compared by :func:`clean.outlets.name_key`, or by domain when no
  outlet is known): one newsroom that publishes twice is still one source;
- a *reprint*: a report that copies passages of another (stored passages of kind ``reprint``,
  less those an analyst marked as not reuse), or a near or exact *duplicate* of it. Who copied
  whom is read from the two publication dates, as the reprint detector reads it; without them
  the two only "share passages". A quotation two reports both carry is not a copy.

Agreement counts families, not reports: "3 reports, 2 independent sources". Families are
computed when they are needed, from what the corpus stage stored, so a correction of an outlet
or a date changes them at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from typing import Any

from crossbearing.clean.outlets import name_key
from crossbearing.model import Article
from crossbearing.model_stories import Passage

UNKNOWN = "(outlet unknown)"
#: How a family link is said: the reason, then the other report's source.
REASONS = {"same outlet": "same outlet as", "reprint": "reprints passages of",
           "shared passages": "shares reprinted passages with", "duplicate": "a copy of"}
#: Date precisions that place a report among the others of its story.
DAY_PRECISIONS = frozenset({"day", "minute", "second"})


def source_label(article: Article) -> str:
    """How to name a report's source: outlet, else domain, else file name or id marked unknown."""
    return label_of(article.id, article.outlet, article.domain, article.source_path)


def label_of(article_id: str, outlet: str | None, domain: str | None,
             source_path: str | None) -> str:
    """:func:`source_label` from the columns it reads."""
    if outlet:
        return outlet
    if domain:
        return domain
    name = PurePosixPath((source_path or "").replace("\\", "/")).name
    return f"{name or article_id} {UNKNOWN}"


def source_key(article: Article) -> str:
    """What makes two reports one outlet: the outlet's name key, else the domain, else the report
    itself (an unknown outlet is never assumed to be another report's)."""
    if article.outlet and name_key(article.outlet):
        return "outlet:" + name_key(article.outlet)
    if article.domain:
        return "domain:" + article.domain.lower()
    return "article:" + article.id


def sources_phrase(reports: int, independent: int) -> str:
    """"3 reports, 2 independent sources"; "1 report, 1 source"."""
    noun = "report" if reports == 1 else "reports"
    if reports == independent:
        return f"{reports} {noun}, {independent} {'source' if independent == 1 else 'sources'}"
    return (f"{reports} {noun}, {independent} independent "
            f"{'source' if independent == 1 else 'sources'}")


def relabelled(members: list[dict[str, Any]], labels: dict[str, str] | None) -> list[dict]:
    """Stored claim or quote group members with each one's source named as ``labels`` (article
    id -> label) name it now: an outlet may have been corrected since the comparison stored
    them. Unchanged when ``labels`` is None."""
    if labels is None:
        return members
    return [{**m, "outlet": labels.get(m["article_id"], m["outlet"])} for m in members]


class Families:
    """The source families of a set of reports (see the module docstring)."""

    def __init__(self, articles: Iterable[Article], links: Iterable[tuple[str, str, str]]) -> None:
        """``links`` are ``(original, copy, kind)``: ``kind`` ``reprint`` or ``duplicate``
        (``original`` and ``copy`` in either order where the direction is unknown)."""
        self.articles = {a.id: a for a in articles}
        self._parent = {i: i for i in self.articles}
        #: Article id → why it is in its family: ``{"reason", "of"}`` (the other article).
        self.reasons: dict[str, list[dict[str, str]]] = {i: [] for i in self.articles}
        by_key: dict[str, str] = {}
        for article_id in sorted(self.articles, key=self._order):
            key = source_key(self.articles[article_id])
            if key in by_key:
                self._join(by_key[key], article_id, "same outlet")
            else:
                by_key[key] = article_id
        for original, copy, kind in sorted(links):
            if original in self.articles and copy in self.articles:
                self._join(original, copy, kind)

    def _order(self, article_id: str) -> tuple:
        """Reports dated to the day first, by date; then those dated only to the month or
        year, or undated (their place among the others is not known); then by id."""
        published = self.articles[article_id].published
        to_the_day = published is not None and published.precision in DAY_PRECISIONS
        return (not to_the_day, published.value if published else "", article_id)

    def _root(self, article_id: str) -> str:
        while self._parent[article_id] != article_id:
            self._parent[article_id] = self._parent[self._parent[article_id]]
            article_id = self._parent[article_id]
        return article_id

    def _join(self, first: str, second: str, reason: str) -> None:
        self.reasons[second].append({"reason": reason, "of": first})
        a, b = self._root(first), self._root(second)
        if a != b:
            keep, other = sorted((a, b), key=self._order)
            self._parent[other] = keep

    def family_of(self, article_id: str) -> str:
        """The family's id: its earliest report's id (an article not known here: itself)."""
        return self._root(article_id) if article_id in self._parent else article_id

    def count(self, article_ids: Iterable[str]) -> int:
        """How many independent sources these reports are."""
        return len({self.family_of(i) for i in article_ids})

    def groups(self) -> list[list[str]]:
        """The families, each its reports in date order; families by their first report."""
        found: dict[str, list[str]] = {}
        for article_id in sorted(self.articles, key=self._order):
            found.setdefault(self._root(article_id), []).append(article_id)
        return sorted(found.values(), key=lambda g: self._order(g[0]))

    def view(self) -> list[dict[str, Any]]:
        """Each family: its reports, each with its source label and why it belongs."""
        return [{"id": group[0], "labels": sorted({source_label(self.articles[i]) for i in group}),
                 "reports": [{"article_id": i, "source": source_label(self.articles[i]),
                              "why": [{"reason": r["reason"], "of": r["of"],
                                       "says": REASONS.get(r["reason"], r["reason"]),
                                       "source": source_label(self.articles[r["of"]])}
                                      for r in self.reasons[i]]} for i in group]}
                for group in self.groups()]


def copy_links(passages: Iterable[Passage], duplicates: Iterable[dict[str, Any]],
               articles: dict[str, Article],
               rejected: frozenset[str] | set[str] = frozenset()) -> list[tuple[str, str, str]]:
    """``(original, copy, kind)`` for each pair of these articles that a reprinted passage (not
    marked as not reuse in ``rejected``) or a duplicate links, the earlier report first."""
    from crossbearing.dates import direction

    pairs: dict[tuple[str, str], str] = {}
    for p in passages:
        if p.kind == "reprint" and p.key not in rejected:
            pairs.setdefault((p.article_a, p.article_b), "reprint")
    for d in duplicates:
        pairs.setdefault((d["article_a"], d["article_b"]), "duplicate")
    links = []
    for (a, b), kind in sorted(pairs.items()):
        if a in articles and b in articles:
            way = direction(_day(articles[a]), _day(articles[b]))
            if way == "unknown" and kind == "reprint":
                kind = "shared passages"  # copied, but who copied whom is not known
            links.append((b, a, kind) if way == "b→a" else (a, b, kind))
    return links


def _day(article: Article):
    """The publication date if it is known to the day (a month says nothing of who was first)."""
    published = article.published
    return published if published is not None and published.precision in DAY_PRECISIONS else None


def copy_records(store) -> dict[str, Any]:
    """What families are built from, read once for many stories: reprinted passages and
    duplicates by their first article, and the passages an analyst marked as not reuse."""
    passages: dict[str, list[Passage]] = {}
    for p in store.corpus.passages("reprint"):
        passages.setdefault(p.article_a, []).append(p)
    duplicates: dict[str, list[dict[str, Any]]] = {}
    for d in store.corpus.duplicates():
        duplicates.setdefault(d["article_a"], []).append(d)
    return {"passages": passages, "duplicates": duplicates,
            "rejected": store.corrections.rejected_passages()}


def story_families(store, articles: Sequence[Article],
                   records: dict[str, Any] | None = None) -> Families:
    """The source families of a story's reports (``records`` from :func:`copy_records`, read
    from the store when not given)."""
    records = records if records is not None else copy_records(store)
    by_id = {a.id: a for a in articles}
    passages = [p for i in by_id for p in records["passages"].get(i, ())]
    duplicates = [d for i in by_id for d in records["duplicates"].get(i, ())]
    return Families(articles, copy_links(passages, duplicates, by_id, records["rejected"]))
