"""Stories: the reports of one specific event or development, as an editor would group them.

What joins two reports is the same event (the same actors doing the same thing at the same time
and place, the same quotes and numbers), not the same topic. An article is one sparse vector over
its terms (:mod:`~crossbearing.corpus.story_features`: lemmas, phrases, actors, numbers). A term
weighs its saturated count (BM25's, ``tf_saturation`` 1.2: a name in every paragraph weighs at
most 2.2 times a name said once, so that no single name or place decides) times its IDF, times
``lead_boost`` (2) when it is in the headline or lead; the vector is L2-normed. IDF is BM25's with
``idf_prior`` (100) articles assumed beyond the collection, none with the term:
``ln(1 + (N + prior - df + 0.5) / (df + 0.5))``. In a large collection that is plain BM25 IDF (a
term nearly every article has weighs nearly nothing; a phrase few share weighs most); in a small
one (the five reports of one event) the terms every report shares still count. Phrases, actors and
numbers are rarer than single words, so IDF weighs them above topic words with no factor of their
own (``w_words`` 1). The *occasion keys* of the headline and lead
(:mod:`~crossbearing.corpus.story_occasions`: "Monday's debate" as ``od:debate@<day>``, "the
first debate" as ``om:first debate``) are a part of the vector of their own: each key weighs its
weight times its IDF, and the part is scaled to a length of at most the square root of
``w_occasion`` (0.25), reached by one dated key that only two articles share (or by several
keys); so the occasions add at most ``w_occasion`` to the cosine of the words: reports of one
dated occasion join in whatever words they are written, while a bare "the debate" (weight 0.5)
adds at most a quarter of that and needs the words to reach the threshold. Two articles' *pair
score* is that sum times a Gaussian decay (``sigma_days`` 3) on the days between them beyond
``slack_days`` (1); 1 when either is undated.

Joining: an article's score against a story is its mean pair score over the story's members
(average linkage, from the sum of the members' vectors) times the decay from its day to the
story's span; it joins the best story scoring at least ``threshold`` (0.14) whose core (its first
``core`` (8) members) is close to it one by one: the cosine reaches the threshold for more than
half of them. So a story cannot chain: C, close to B but unlike A, does not join {A, B}. A round-up
of unrelated items is diluted against each item's story, except its lead item's, which the lead
weight favours; it joins that one or none.

Order: :func:`cluster` fits IDF on all articles, adds them by date (undated last), then by
article id, so the result does not depend on input order. A single pass favours what came first,
so two passes follow (:mod:`~crossbearing.corpus.story_refine`): :meth:`~StoryClusterer.refine`
moves a core member that fits another story better than its own (a report that joined the first
report of another event on topic words alone, before its own event's reports came), then
:meth:`~StoryClusterer.consolidate` merges stories whose mean pair score across them reaches the
threshold and whose cores are close one by one, best pair first (two halves of one story that
started apart). Adding articles changes only the stories near them in content and time. Stored
stories keep their ids across recomputations by overlap (:mod:`~crossbearing.corpus.story_ids`).

The parameters were set on principle and checked on the development data
(``benchmarks/eval_stories.py``; figures in docs/evaluation.md): the saturation is BM25's usual
k1, the prior about a news day's articles, the lead weight a round 2; the threshold lies in the
flat middle of the range (0.12-0.16) where BASIL (30 events months apart) scores pairwise F1 of at
least 0.94 with and without dates; ``w_occasion`` (0.25) in the middle of the range (0.22-0.30)
where PolNeAR (one month of political news, nearly all one topic) scores its best, BASIL being
the same from 0 to 0.35.

Cost: candidates come from an inverted index over each story's heaviest terms, never from a scan
of all stories; stories beyond the time horizon (where the decay alone keeps any score under the
threshold) are not looked at; an index key keeps at most ``posting_cap`` stories; an article
vector keeps only terms some other article has (a term of one article adds to its norm, never to
a score), story sums and core vectors their heaviest terms. An article's vector is spread over
an array indexed by term id while it is scored, so that each score is one gather over the
story's terms (``StoryClusterer._spread``). IDF drift: :meth:`~StoryClusterer.add` counts each
new article into the document frequencies; vectors keep the IDF of the moment they were added,
and a term that was one article's alone when an article was added is not in its vector.
:func:`cluster` over everything (what the corpus stage does each run) has neither drift.

Pure: no database access.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from array import array
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Callable, Iterable, Iterator, Mapping

import numpy as np

from crossbearing.corpus.story_features import ArticleFeatures, features, tokens
from crossbearing.corpus.story_refine import consolidate, refine
from crossbearing.corpus.story_vectors import (
    Packed as _Packed,
    dot as sparse_dot,
    dot_dense,
    heaviest,
    pack,
    saturated,
    unit,
    unpack,
)
from crossbearing.ids import STORY_PREFIX

__all__ = ["ArticleFeatures", "Story", "StoryClusterer", "StoryParams", "canonical_order",
           "cluster", "features", "tokens"]


@dataclass(frozen=True)
class Story:
    """A story: its id, its members in the order they joined, its most central headline (None
    when no member has a title) and the span of its members' dates (None when all undated)."""

    id: str
    members: tuple[str, ...]
    title: str | None
    first: str | None
    last: str | None


@dataclass(frozen=True)
class StoryParams:
    """The clustering parameters (see the module notes and ``benchmarks/eval_stories.py``)."""

    threshold: float = 0.14      # mean pair score to a story, and cosine to most of its core
    w_occasion: float = 0.25     # the most shared occasion keys add to a pair score
    tf_saturation: float = 1.2   # BM25's k1: a term's weight grows with its count up to k1 + 1
    w_words: float = 1.0         # weight of single words against phrases, actors and numbers
    lead_boost: float = 2.0      # factor for the words and phrases of the headline and lead
    idf_prior: float = 100.0     # articles assumed beyond the collection, none with the term
    sigma_days: float = 3.0      # scale of the Gaussian time decay
    slack_days: float = 1.0      # days of distance forgiven (time zones, next-day print)
    core: int = 8                # members an article is compared with one by one
    doc_terms: int = 1000        # an article vector keeps at most its heaviest terms
    core_terms: int = 300        # a core member's vector is kept with its heaviest terms
    centroid_terms: int = 500    # a story's sum of vectors is pruned back to this many terms
    index_terms: int = 48        # a story is indexed under its heaviest shared terms
    query_terms: int = 32        # an article looks up its heaviest shared terms
    max_candidates: int = 12     # stories scored exactly per article
    posting_cap: int = 400       # stories kept per index key (most recently updated)


def canonical_order(items: Iterable[ArticleFeatures]) -> list[ArticleFeatures]:
    """By date, undated last, then by article id: the order :func:`cluster` adds articles in."""
    return sorted(items, key=lambda f: (f.date is None, f.date or "", f.article_id))


def cluster(items: Iterable[ArticleFeatures], params: StoryParams | None = None) -> list[Story]:
    """Stories of a set of articles, independent of the order they are given in."""
    items = canonical_order(items)
    clusterer = StoryClusterer(params)
    clusterer.count(items)
    for item in items:
        clusterer.add(item)
    clusterer.refine()
    clusterer.consolidate()
    return clusterer.stories()


#: The dot product of one vector with packed vectors (see :meth:`StoryClusterer._spread`).
_Dot = Callable[[_Packed], float]


@dataclass
class _Story:
    """A story while it grows: the sum of its members' vectors (pruned), the vectors of its
    first ``core`` members (pruned), their titles, and its span of days."""

    id: str
    members: list[str] = field(default_factory=list)
    total: _Packed = field(default_factory=lambda: (array("l"), array("d")))
    days: array = field(default_factory=lambda: array("l"))  # per member, 0 when undated
    core: list[_Packed] = field(default_factory=list)
    core_ids: list[str] = field(default_factory=list)   # the core members, as ``core``
    core_days: list[int] = field(default_factory=list)  # their days, 0 when undated
    first: int | None = None
    last: int | None = None
    headlines: dict[str, tuple[str, array]] = field(default_factory=dict)  # core member: title,
    # its term ids
    keys: frozenset[int] = frozenset()
    dated_keys: bool = False     # whether ``keys`` are in the index of dated stories
    indexed_on: int = 0          # the latest date added when the story was last indexed
    merged: bool = False         # merged into another story by consolidate()
    version: int = 0             # changes whenever members join


class StoryClusterer:
    """Incremental story clustering: :meth:`add` one article at a time, :meth:`stories` at any
    point. Keeps document frequencies, so IDF follows the articles seen (see the module notes)."""

    def __init__(self, params: StoryParams | None = None) -> None:
        self.params = params or StoryParams()
        self._vocab: dict[str, int] = {}
        self._df = array("l")             # term id -> document frequency
        self._words = bytearray()         # term id -> 1 for a single word (weighted w_words)
        self._docs = 0
        self._counted: set[str] = set()
        self._stories: list[_Story] = []
        self._story_of: dict[str, int] = {}
        # Inverted indexes, key -> stories (an insertion-ordered dict used as a set): one for
        # stories with dates, one for stories without (these are never out of time).
        self._dated: dict[int, dict[int, None]] = {}
        self._undated: dict[int, dict[int, None]] = {}
        self._latest: int | None = None   # the latest date added
        self._dense = np.zeros(0)         # term id -> weight of the vector being scored, else 0
        # Beyond this many days from a story's span the decay is below the threshold, so no
        # content can bring the score up to it: such stories need not be looked at.
        t = self.params.threshold
        self._horizon = self.params.slack_days + self.params.sigma_days * math.sqrt(
            2 * math.log(1 / t)) if 0 < t < 1 else math.inf

    # -- document frequencies and vectors --------------------------------------------------------
    def count(self, items: Iterable[ArticleFeatures]) -> None:
        """Count articles into the document frequencies before adding them (each article once),
        so that early articles are weighted with the IDF of the whole batch."""
        for item in (i for i in items if i.article_id not in self._counted):
            self._counted.add(item.article_id)
            self._docs += 1
            for term in set(item.terms) | set(item.title_terms) | {k for k, _ in
                                                                   item.occasions}:
                self._df[self._id(term)] += 1

    def _id(self, term: str) -> int:
        if (tid := self._vocab.get(term)) is None:
            tid = self._vocab[term] = len(self._df)
            self._df.append(0)
            self._words.append(term[0] in "lw")
        return tid

    def _idf(self, tid: int) -> float:
        return self._idf_of(self._df[tid])

    def _idf_of(self, df: int) -> float:
        return math.log(1.0 + (self._docs + self.params.idf_prior - df + 0.5) / (df + 0.5))

    def _vectorise(self, item: ArticleFeatures) -> dict[int, float]:
        """Saturated TF times IDF times the term's kind and lead weight, L2-normed over all
        terms; kept are the ``doc_terms`` heaviest of those some other article has too (a term
        of this article alone adds nothing to any score, only to the norm)."""
        p, words, df = self.params, self._words, self._df
        weights, norm2, lead = {}, 0.0, set(item.lead)
        for term, n in item.terms.items():
            tid = self._id(term)
            w = saturated(n, p.tf_saturation) * self._idf(tid) * (p.w_words if words[tid]
                                                                    else 1.0)
            if term in lead:
                w *= p.lead_boost
            norm2 += w * w
            if df[tid] > 1:
                weights[tid] = w
        norm = math.sqrt(norm2) or 1.0
        vector = {t: w / norm for t, w in heaviest(weights, p.doc_terms).items()}
        # The occasion keys: each weighs its own weight times its IDF, and the whole is
        # scaled so that its length is at most the square root of w_occasion (reached with one
        # dated key two articles share, or several keys): two articles' score is the cosine of
        # their words plus at most w_occasion for their occasions.
        occasions, norm2 = {}, 0.0
        for term, weight in item.occasions:
            tid = self._id(term)
            w = weight * self._idf(tid)
            norm2 += w * w
            if df[tid] > 1:
                occasions[tid] = w
        if occasions:
            scale = math.sqrt(p.w_occasion) / max(math.sqrt(norm2), self._idf_of(2))
            vector.update((tid, w * scale) for tid, w in occasions.items())
        return vector

    def _day(self, item: ArticleFeatures) -> int | None:
        return dt.date.fromisoformat(item.date).toordinal() if item.date else None

    # -- adding ----------------------------------------------------------------------------------
    def add(self, item: ArticleFeatures) -> str:
        """Assign an article to a story (an existing one or a new one) and return the story id.
        Adding an article already assigned returns its story and changes nothing."""
        if (known := self._story_of.get(item.article_id)) is not None:
            return self._stories[known].id
        self.count([item])
        vector, day = self._vectorise(item), self._day(item)
        if day is not None:
            self._latest = day if self._latest is None else max(self._latest, day)
        best = self._best(vector, day)
        if best is None:
            best = len(self._stories)
            self._stories.append(_Story(id=STORY_PREFIX + item.article_id))
        self._join(best, item, vector, day)
        return self._stories[best].id

    def _best(self, vector: dict[int, float], day: int | None) -> int | None:
        """The best-scoring candidate story that the article is also close to most of the core
        of, or None."""
        t = self.params.threshold
        candidates = self._candidates(vector, day, day)
        if not candidates:
            return None
        scored = []
        with self._spread(vector) as dot:
            for index in candidates:
                story = self._stories[index]
                decay = self._decay(day, day, story.first, story.last)
                if decay < t:
                    continue
                score = dot(story.total) / len(story.members) * decay
                if score >= t:
                    scored.append((-score, index))
            for _, index in sorted(scored):
                if self._close_to_most(dot, self._stories[index].core):
                    return index
        return None

    def _close_to_most(self, dot: _Dot, core: list[_Packed]) -> bool:
        """Whether the cosine (``dot``, of a vector spread by :meth:`_spread`) reaches the
        threshold for most (more than half) of ``core``. Time is left to the story's span: a
        story that runs for weeks keeps its first members."""
        t = self.params.threshold
        close = sum(1 for member in core if dot(member) >= t)
        return 2 * close > len(core)

    @contextmanager
    def _spread(self, vector: Mapping[int, float]) -> Iterator[_Dot]:
        """Within the block, the dot product of ``vector`` with any packed vector: ``vector`` is
        spread over an array indexed by term id (0 elsewhere, and again after the block), so a
        product is one gather over the packed vector's terms instead of a dictionary lookup per
        term. The products are added in the packed vector's order as a walk over it would add
        them, so every score is the same to the last bit."""
        if len(self._dense) < len(self._df):
            self._dense = np.zeros(max(len(self._df), 2 * len(self._dense)))
        dense = self._dense
        ids = np.fromiter(vector.keys(), np.int64, len(vector))
        dense[ids] = np.fromiter(vector.values(), np.float64, len(vector))
        try:
            yield lambda packed: dot_dense(dense, packed)
        finally:
            dense[ids] = 0.0

    def _candidates(self, vector: dict[int, float], first: int | None,
                    last: int | None) -> list[int]:
        """Stories sharing the heaviest terms of ``vector``, best overlap first, within the
        time horizon of the span ``first``..``last`` (anything when undated).

        A key of the dated index lists stories in the order they were last indexed, and each
        was indexed when the latest date added was ``indexed_on``, which no date of the story
        exceeds; so walking back through a key, the first story indexed before the time
        horizon ends the walk: no story before it can be within the horizon."""
        p = self.params
        query = heapq.nlargest(p.query_terms, self._shared(vector), key=itemgetter(1))
        floor, ceiling = ((-math.inf, math.inf) if first is None else
                          (first - self._horizon, last + self._horizon))
        stories, hits = self._stories, {}
        for tid, weight in query:
            for index in self._undated.get(tid, ()):
                hits[index] = hits.get(index, 0.0) + weight
            for index in reversed(self._dated.get(tid, {})):
                story = stories[index]
                if story.indexed_on < floor:
                    break
                if story.last >= floor and story.first <= ceiling:  # else out of time
                    hits[index] = hits.get(index, 0.0) + weight
        ranked = heapq.nsmallest(p.max_candidates, hits.items(), key=lambda h: (-h[1], h[0]))
        return sorted(index for index, _ in ranked)

    def _decay(self, first: int | None, last: int | None, other_first: int | None,
               other_last: int | None) -> float:
        """Gaussian in the days between two spans, less the slack; 1 when either is undated,
        so that content alone decides."""
        if first is None or other_first is None:
            return 1.0
        distance = max(other_first - last, first - other_last, 0) - self.params.slack_days
        return math.exp(-max(distance, 0) ** 2 / (2 * self.params.sigma_days ** 2))

    def _join(self, index: int, item: ArticleFeatures, vector: dict[int, float],
              day: int | None) -> None:
        """Make the article a member of story ``index``; prune and reindex the story."""
        story = self._stories[index]
        self._story_of[item.article_id] = index
        story.members.append(item.article_id)
        story.days.append(day or 0)
        self._add_to_total(story, vector)
        if len(story.core) < self.params.core:
            story.core.append(pack(heaviest(vector, self.params.core_terms)))
            story.core_ids.append(item.article_id)
            story.core_days.append(day or 0)
            if item.title:
                story.headlines[item.article_id] = (item.title, array(
                    "l", map(self._id, item.title_terms)))
        self._widen(story, day, day)
        self._settle(index, story)

    def _headline(self, story: _Story) -> str | None:
        """The core member's title closest to the story's sum of vectors (its terms weighted by
        IDF): the headline whose words are most what the story's reports have in common. Ties go
        to the earliest member."""
        best, best_score = None, -1.0
        for title, terms in story.headlines.values():
            with self._spread(unit({t: self._idf(t) for t in terms})) as dot:
                score = dot(story.total)
            if score > best_score + 1e-12:
                best, best_score = title, score
        return best

    @staticmethod
    def _widen(story: _Story, first: int | None, last: int | None) -> None:
        if first is not None:
            story.first = first if story.first is None else min(story.first, first)
            story.last = last if story.last is None else max(story.last, last)

    def _add_to_total(self, story: _Story, vector: Mapping[int, float]) -> None:
        """Add a vector to the story's sum, pruned back to its ``centroid_terms`` heaviest terms
        once it has twice as many."""
        total = unpack(story.total)
        for t, w in vector.items():
            total[t] = total.get(t, 0.0) + w
        if len(total) > 2 * self.params.centroid_terms:
            total = heaviest(total, self.params.centroid_terms)
        story.total = pack(total, "d")

    def _settle(self, index: int, story: _Story) -> None:
        story.version += 1
        self._reindex(index, story)

    def _shared(self, vector: Mapping[int, float]) -> Iterable[tuple[int, float]]:
        """Terms some other article has too: only these can lead from an article to a story."""
        df = self._df
        return ((tid, w) for tid, w in vector.items() if df[tid] > 1)

    def _reindex(self, index: int, story: _Story) -> None:
        """Index the story under its heaviest shared terms; an index key keeps the stories
        updated most recently (``posting_cap``) so a lookup stays bounded."""
        p = self.params
        df = self._df
        shared = ((tid, w) for tid, w in zip(*story.total) if df[tid] > 1)
        keys = {tid for tid, _ in heapq.nlargest(p.index_terms, shared, key=itemgetter(1))}
        dated = story.last is not None
        if dated != story.dated_keys:
            self._unindex(story, index)
        home = self._dated if dated else self._undated
        for tid in story.keys - keys:
            home[tid].pop(index, None)
        for tid in keys:
            posting = home.setdefault(tid, {})
            posting.pop(index, None)
            posting[index] = None
            if len(posting) > p.posting_cap:
                del posting[next(iter(posting))]
        story.keys, story.dated_keys = frozenset(keys), dated
        story.indexed_on = self._latest if dated else 0

    def _unindex(self, story: _Story, index: int) -> None:
        home = self._dated if story.dated_keys else self._undated
        for tid in story.keys:
            home[tid].pop(index, None)
        story.keys = frozenset()

    # -- after adding ----------------------------------------------------------------------------
    def refine(self) -> int:
        """Move core members to the story they fit best (:func:`~crossbearing.corpus.
        story_refine.refine`); returns the moves."""
        return refine(self)

    def consolidate(self) -> int:
        """Merge stories close on average and one by one, best pair first (:func:`~crossbearing.
        corpus.story_refine.consolidate`); returns the merges."""
        return consolidate(self)

    # -- reading ---------------------------------------------------------------------------------
    def similarity(self, a: ArticleFeatures, b: ArticleFeatures) -> float:
        """The pair score of two articles with the current document frequencies (counts
        neither): for explaining and calibrating decisions."""
        va, vb = self._vectorise(a), self._vectorise(b)
        day_a, day_b = self._day(a), self._day(b)
        return sparse_dot(va, vb) * self._decay(day_a, day_a, day_b, day_b)

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an added article belongs to."""
        index = self._story_of.get(article_id)
        return None if index is None else self._stories[index].id

    def stories(self) -> list[Story]:
        """All stories so far, in the order they were started."""
        return [Story(s.id, tuple(s.members), self._headline(s), _iso(s.first), _iso(s.last))
                for s in self._stories if not s.merged]


def _iso(day: int | None) -> str | None:
    return None if day is None else dt.date.fromordinal(day).isoformat()
