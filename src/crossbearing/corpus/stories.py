"""Stories: articles grouped the way an editor would group them, one story per news event.

Incremental clustering in the manner of news-stream systems (Miranda et al. 2018, "Multilingual
Clustering of Streaming News", and successors). An article is a sparse TF-IDF vector over its body
tokens and lemmas (sublinear TF, L2-normed), one over its title tokens (scored on its own, which
weights the headline up) and its actors (knowledge-base ids, else name keys, of PERSON/ORG
mentions). A story keeps the sums of its members' vectors (centroids), its actors' counts and its
span of dates. An article's score against a story is a weighted mean of body cosine, title cosine
and IDF-weighted Jaccard overlap of actors (a part missing on either side is left out, not counted
as zero) times a Gaussian decay on the days from the article's date to the story's span (none
when either is undated: content alone decides). The article joins the best story scoring at
least the threshold, or starts a new one.

Cost: candidates come from an inverted index over each story's heaviest terms, title words and
actors, never from a scan of all stories; stories beyond the time horizon (where the decay alone
keeps any score under the threshold) are not looked at, and an index key keeps at most
``posting_cap`` stories, so the cost per article stays near constant. Centroids are pruned to
their heaviest terms to bound memory.

Order: :func:`cluster` fits IDF on all the articles, adds them by date (undated last), then by
article id, so the result does not depend on input order, then :meth:`~StoryClusterer.consolidate`
offers each one-article story once more to the grown stories (a single pass favours what came
first). A story's id is ``story-<article id of its first member>``; adding articles keeps it.

IDF drift: :meth:`~StoryClusterer.add` counts each new article into the document frequencies. A
vector keeps the IDF of the moment it was added, so a centroid mixes slightly different weightings
and a term that became common keeps, in old centroids, the weight it had when rare. Over a few
percent of new articles this matters little; when the collection has grown much (say doubled),
run :func:`cluster` on everything for the reference grouping (memberships may change; ids of
stories whose first member is the same stay the same).

Pure: no database access. Articles' features come from :func:`features`.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from sys import intern
from typing import Iterable, Mapping

from crossbearing.model import Article, Mention

#: Mention labels whose identities count as actors.
ACTOR_LABELS = frozenset({"PERSON", "ORG"})
#: Date precisions fine enough to place an article on a day.
_DAY_PRECISIONS = frozenset({"second", "minute", "day"})

_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say told according mr mrs ms one two may might
must shall us new last year years day days week time percent s t""".split())
_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class ArticleFeatures:
    """What clustering needs of one article: raw term counts (no IDF), title, actors and date.

    Independent of the rest of the collection, so it can be computed once per article (in the
    annotation stage or from stored data) and kept. ``body`` maps ``w:token`` and ``l:lemma``
    to counts; ``title_terms`` maps ``w:token`` to counts; ``actors`` holds ``kb:<actor id>`` or
    ``name:<name key>``; ``date`` is an ISO day or None."""

    article_id: str
    date: str | None
    title: str | None
    body: Mapping[str, int]
    title_terms: Mapping[str, int]
    actors: frozenset[str]


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
    """The clustering parameters (see ``benchmarks/eval_stories.py`` for how they were set)."""

    threshold: float = 0.20      # join the best story when its score reaches this
    w_body: float = 0.8          # weight of body cosine in the content score
    w_title: float = 0.1         # weight of title cosine
    w_actors: float = 0.1        # weight of actor overlap
    sigma_days: float = 3.0      # scale of the Gaussian time decay
    slack_days: float = 1.0      # days of distance forgiven (time zones, next-day print)
    doc_terms: int = 1000        # an article vector keeps at most its heaviest terms
    centroid_terms: int = 400    # a centroid is pruned back to this many terms
    index_terms: int = 48        # a story is indexed under its heaviest shared centroid terms
    index_actors: int = 8        # ... and its most frequent actors and title terms
    query_terms: int = 24        # an article looks up its heaviest shared terms
    max_candidates: int = 12     # stories scored exactly per article
    posting_cap: int = 400       # stories kept per index key (most recently updated)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens without stopwords: "G.O.P." is "gop", "Obama's" is "obama"."""
    text = _ACRONYM.sub(lambda m: m.group(0).replace(".", ""), unicodedata.normalize("NFKC", text))
    words = (w[:-2] if w.endswith(("'s", "’s")) else w for w in _WORD.findall(text.lower()))
    return [w.replace("’", "'") for w in words if len(w) > 1 and w not in _STOP]


def features(article: Article, lemmas: Iterable[str] = (),
             mentions: Iterable[Mention] = ()) -> ArticleFeatures:
    """The clustering features of ``article``, given the lemmas of its text (spaCy's
    ``token.lemma_`` for every token, in order; empty to use tokens alone) and its mentions.

    Pure and per article. Use lemmas for all articles of a collection or for none, so that
    vectors stay comparable. Term strings are interned: many features held at once share them."""
    body = Counter(intern("w:" + t) for t in tokens(article.text))
    body.update(intern("l:" + t) for t in tokens(" ".join(lemmas)))
    title = Counter(intern("w:" + t) for t in tokens(article.title or ""))
    actors = frozenset(_actor_key(m) for m in mentions if m.label in ACTOR_LABELS)
    return ArticleFeatures(article.id, _day(article), article.title, dict(body), dict(title),
                           actors - {""})


def _actor_key(mention: Mention) -> str:
    """``kb:<id>`` for a knowledge-base actor, else ``name:<key>`` ("" when there is neither)."""
    if mention.actor_id:
        return "kb:" + mention.actor_id
    return "name:" + mention.name_key if mention.name_key else ""


def _day(article: Article) -> str | None:
    published = article.published
    if published is None or published.precision not in _DAY_PRECISIONS:
        return None
    try:
        return dt.date.fromisoformat(published.value[:10]).isoformat()
    except ValueError:
        return None


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
    clusterer.consolidate()
    return clusterer.stories()


@dataclass
class _Vector:
    """An article's weighted, L2-normed vectors over term ids, and its actors' term ids."""

    body: dict[int, float]
    title: dict[int, float]
    actors: tuple[int, ...]
    day: int | None


@dataclass
class _Story:
    """A story while it grows: summed member vectors and their squared norms, actor counts."""

    id: str
    members: list[str] = field(default_factory=list)
    body: dict[int, float] = field(default_factory=dict)
    body_norm2: float = 0.0
    title: dict[int, float] = field(default_factory=dict)
    title_norm2: float = 0.0
    actors: Counter = field(default_factory=Counter)
    actor_mass: float = 0.0      # sum over actors of idf * count
    with_actors: int = 0         # members that name any actor
    first: int | None = None
    last: int | None = None
    headlines: list[tuple[str, dict[int, float]]] = field(default_factory=list)
    keys: frozenset[int] = frozenset()
    dated_keys: bool = False     # whether ``keys`` are in the index of dated stories
    indexed_on: int = 0          # the latest date added when the story was last indexed
    merged: bool = False         # a singleton moved into another story by consolidate()


class StoryClusterer:
    """Incremental story clustering: :meth:`add` one article at a time, :meth:`stories` at any
    point. Keeps document frequencies, so IDF follows the articles seen (see the module notes)."""

    def __init__(self, params: StoryParams | None = None) -> None:
        self.params = params or StoryParams()
        self._vocab: dict[str, int] = {}
        self._df: list[int] = []
        self._docs = 0
        self._counted: set[str] = set()
        self._stories: list[_Story] = []
        self._story_of: dict[str, int] = {}
        # Inverted indexes, key -> stories (an insertion-ordered dict used as a set): one for
        # stories with dates, one for stories without (these are never out of time).
        self._dated: dict[int, dict[int, None]] = {}
        self._undated: dict[int, dict[int, None]] = {}
        self._latest: int | None = None   # the latest date added
        # Beyond this many days from a story's span the decay is below the threshold, so no
        # content can bring the score up to it: such stories need not be looked at.
        self._horizon = self.params.slack_days + self.params.sigma_days * math.sqrt(
            2 * math.log(1 / self.params.threshold)) if 0 < self.params.threshold < 1 else math.inf

    def count(self, items: Iterable[ArticleFeatures]) -> None:
        """Count articles into the document frequencies before adding them (each article once),
        so that early articles are weighted with the IDF of the whole batch."""
        for item in (i for i in items if i.article_id not in self._counted):
            self._counted.add(item.article_id)
            self._docs += 1
            for term in set(item.body) | set(item.title_terms) | item.actors:
                self._df[self._id(term)] += 1

    def _id(self, term: str) -> int:
        if (tid := self._vocab.get(term)) is None:
            tid = self._vocab[term] = len(self._df)
            self._df.append(0)
        return tid

    def _idf(self, tid: int) -> float:
        return math.log((1 + self._docs) / (1 + self._df[tid])) + 1.0

    def add(self, item: ArticleFeatures) -> str:
        """Assign an article to a story (an existing one or a new one) and return the story id.
        Adding an article already assigned returns its story and changes nothing."""
        if (known := self._story_of.get(item.article_id)) is not None:
            return self._stories[known].id
        self.count([item])
        vector = self._vectorise(item)
        best, score = self._best(vector)
        if vector.day is not None:
            self._latest = vector.day if self._latest is None else max(self._latest, vector.day)
        if best is None or score < self.params.threshold:
            best = len(self._stories)
            self._stories.append(_Story(id=f"story-{item.article_id}"))
        self._join(best, item, vector)
        return self._stories[best].id

    def _vectorise(self, item: ArticleFeatures) -> _Vector:
        """The article's vectors weighted with the current IDF, and its day as an ordinal."""
        body = self._weigh(item.body, self.params.doc_terms)
        title = self._weigh(item.title_terms, self.params.doc_terms)
        actors = tuple(sorted(self._id(a) for a in item.actors))
        day = dt.date.fromisoformat(item.date).toordinal() if item.date else None
        return _Vector(body, title, actors, day)

    def _weigh(self, counts: Mapping[str, int], keep: int) -> dict[int, float]:
        """Sublinear TF times IDF, the ``keep`` heaviest terms, L2-normed."""
        weights = {tid: (1.0 + math.log(n)) * self._idf(tid)
                   for tid, n in ((self._id(term), n) for term, n in counts.items())}
        if len(weights) > keep:
            weights = dict(heapq.nlargest(keep, weights.items(), key=itemgetter(1)))
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {tid: w / norm for tid, w in weights.items()}

    def _best(self, vector: _Vector, candidates: list[int] | None = None
              ) -> tuple[int | None, float]:
        """The best-scoring candidate story and its score (None, -1 when there is none)."""
        best, best_score = None, -1.0
        for index in self._candidates(vector) if candidates is None else candidates:
            story = self._stories[index]
            decay = self._decay(vector.day, story)
            if decay < self.params.threshold or decay <= best_score:
                continue  # the content score is at most 1: this story cannot win
            score = self._content(vector, story) * decay
            if score > best_score:
                best, best_score = index, score
        return best, best_score

    def _candidates(self, vector: _Vector) -> list[int]:
        """Stories sharing the article's heaviest terms or its actors, best overlap first.

        A key of the dated index lists stories in the order they were last indexed, and each
        was indexed when the latest date added was ``indexed_on``, which no date of the story
        exceeds; so walking back through a key, the first story indexed before the article's
        time horizon ends the walk: no story before it can be within the horizon."""
        p = self.params
        query = heapq.nlargest(p.query_terms, self._shared(vector.body), key=itemgetter(1))
        query += [(tid, w) for tid, w in vector.title.items()]
        query += [(tid, 0.5) for tid in vector.actors]
        day = vector.day
        floor, ceiling = (-math.inf, math.inf) if day is None else (day - self._horizon,
                                                                   day + self._horizon)
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

    def _content(self, vector: _Vector, story: _Story) -> float:
        """Weighted mean of body cosine, title cosine and actor overlap, over the parts that
        both sides have (a missing title or missing actors is no evidence either way)."""
        p = self.params
        parts = [(p.w_body, _cosine(vector.body, story.body, story.body_norm2))]
        if vector.title and story.title:
            parts.append((p.w_title, _cosine(vector.title, story.title, story.title_norm2)))
        if vector.actors and story.with_actors:
            parts.append((p.w_actors, self._actor_overlap(vector.actors, story)))
        return sum(w * s for w, s in parts) / sum(w for w, _ in parts)

    def _actor_overlap(self, actors: tuple[int, ...], story: _Story) -> float:
        """IDF-weighted Jaccard of the article's actors (weight 1 each) and the story's actor
        profile (the share of its members naming each actor)."""
        n = story.with_actors
        shared = sum(self._idf(a) * story.actors[a] / n for a in actors if a in story.actors)
        alone = sum(self._idf(a) for a in actors) - shared
        union = story.actor_mass / n + alone
        return shared / union if union > 0 else 0.0

    def _decay(self, day: int | None, story: _Story) -> float:
        """Gaussian in the days from ``day`` to the story's span, less the slack; 1 when either
        is undated, so that content alone decides."""
        if day is None or story.first is None:
            return 1.0
        distance = max(story.first - day, day - story.last, 0) - self.params.slack_days
        return math.exp(-max(distance, 0) ** 2 / (2 * self.params.sigma_days ** 2))

    def _join(self, index: int, item: ArticleFeatures, vector: _Vector) -> None:
        """Make the article a member of story ``index``; prune and reindex the story."""
        story = self._stories[index]
        self._story_of[item.article_id] = index
        _fill(story, vector, item, self._idf)
        if len(story.body) > 2 * self.params.centroid_terms:
            story.body, story.body_norm2 = _prune(story.body, self.params.centroid_terms)
        self._reindex(index, story)

    def _shared(self, vector: dict[int, float]) -> Iterable[tuple[int, float]]:
        """Terms some other article has too: only these can lead from an article to a story."""
        df = self._df
        return ((tid, w) for tid, w in vector.items() if df[tid] > 1)

    def _reindex(self, index: int, story: _Story) -> None:
        """Index the story under its heaviest centroid terms and commonest actors; an index key
        keeps the stories updated most recently (``posting_cap``) so a lookup stays bounded."""
        p = self.params
        keys = {tid for tid, _ in heapq.nlargest(p.index_terms, self._shared(story.body),
                                                  key=itemgetter(1))}
        keys.update(tid for tid, _ in story.actors.most_common(p.index_actors))
        keys.update(tid for tid, _ in heapq.nlargest(p.index_actors, story.title.items(),
                                                     key=itemgetter(1)))
        dated = story.last is not None
        if dated != story.dated_keys:
            self._unindex(index, story)
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

    def consolidate(self) -> int:
        """Offer each one-article story again to the stories as they are now, and move its
        article to the best one scoring at least the threshold. Returns the number moved.

        A single pass is biased to what came first: an article that started a story before its
        companions were added could not join them. Only one-article stories are reconsidered,
        so a story with two or more members (and its id) is never removed."""
        moved = 0
        for index, story in enumerate(self._stories):
            if story.merged or len(story.members) != 1:
                continue
            vector = _Vector(story.body, story.title, tuple(story.actors), story.first)
            candidates = [i for i in self._candidates(vector) if i != index]
            best, score = self._best(vector, candidates)
            if best is not None and score >= self.params.threshold:
                self._unindex(index, story)
                story.merged = True
                title = story.headlines[0][0] if story.headlines else None
                item = ArticleFeatures(story.members[0], None, title, {}, {}, frozenset())
                self._join(best, item, vector)
                moved += 1
        return moved

    def similarity(self, a: ArticleFeatures, b: ArticleFeatures) -> float:
        """The score ``a`` would get against a story made of ``b`` alone, with the current
        document frequencies (counts neither): for explaining and calibrating decisions."""
        story, vector = _Story(id=""), self._vectorise(a)
        _fill(story, self._vectorise(b), b, self._idf)
        return self._content(vector, story) * self._decay(vector.day, story)

    def _unindex(self, index: int, story: _Story) -> None:
        home = self._dated if story.dated_keys else self._undated
        for tid in story.keys:
            home[tid].pop(index, None)
        story.keys = frozenset()

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an added article belongs to."""
        index = self._story_of.get(article_id)
        return None if index is None else self._stories[index].id

    def stories(self) -> list[Story]:
        """All stories so far, in the order they were started."""
        return [Story(s.id, tuple(s.members), _headline(s), _iso(s.first), _iso(s.last))
                for s in self._stories if not s.merged]


def _fill(story: _Story, vector: _Vector, item: ArticleFeatures, idf) -> None:
    """Add one member to a story: its vectors to the centroids, its actors, date and title."""
    story.members.append(item.article_id)
    story.body_norm2 = _accumulate(story.body, story.body_norm2, vector.body)
    story.title_norm2 = _accumulate(story.title, story.title_norm2, vector.title)
    if vector.actors:
        story.with_actors += 1
        story.actors.update(vector.actors)
        story.actor_mass += sum(idf(a) for a in vector.actors)
    if vector.day is not None:
        story.first = vector.day if story.first is None else min(story.first, vector.day)
        story.last = vector.day if story.last is None else max(story.last, vector.day)
    if item.title:
        story.headlines.append((item.title, vector.title))


def _cosine(vector: Mapping[int, float], centroid: Mapping[int, float], norm2: float) -> float:
    """Cosine of a unit vector and a centroid of squared norm ``norm2``, over shared terms."""
    if norm2 <= 0:
        return 0.0
    dot = sum(vector[t] * centroid[t] for t in vector.keys() & centroid.keys())
    return dot / math.sqrt(norm2)


def _accumulate(centroid: dict[int, float], norm2: float, vector: Mapping[int, float]) -> float:
    """Add ``vector`` into ``centroid`` in place; return the new squared norm (|c+v|^2 =
    |c|^2 + 2 c.v + |v|^2, so the centroid is never summed over in full)."""
    dot = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
    for t, w in vector.items():
        centroid[t] = centroid.get(t, 0.0) + w
    return norm2 + 2 * dot + sum(w * w for w in vector.values())


def _prune(centroid: dict[int, float], keep: int) -> tuple[dict[int, float], float]:
    """The heaviest ``keep`` terms of a centroid and their squared norm: the long tail of terms
    that one member used once weighs little in any cosine and costs memory."""
    kept = dict(heapq.nlargest(keep, centroid.items(), key=itemgetter(1)))
    return kept, sum(w * w for w in kept.values())


def _headline(story: _Story) -> str | None:
    """The member title closest to the story's body centroid: the headline whose words are
    most what the story's reports have in common. Ties go to the earliest member."""
    best, best_score = None, -1.0
    for title, vector in story.headlines:
        score = _cosine(vector, story.body, story.body_norm2)
        if score > best_score + 1e-12:
            best, best_score = title, score
    return best


def _iso(day: int | None) -> str | None:
    return None if day is None else dt.date.fromordinal(day).isoformat()

