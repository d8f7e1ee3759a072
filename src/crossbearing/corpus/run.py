"""The corpus stages over the store: duplicates, stories, reprinted passages, one identity per
actor. Each reads what the article stages stored and works across articles.

- Duplicates are incremental: only articles without a stored signature are signed, and they
  query an index rebuilt from the stored signatures.
- Stories are recomputed from stored per-article features in canonical order: deterministic, and
  a story keeps its id (its first article's) as articles are added.
- Passages are aligned for pairs of articles in one story, or near-duplicates, that this version
  has not aligned yet.
- Entities are recomputed over all mentions, then the analyst's merge and split corrections are
  applied again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import Callable

import numpy as np

from crossbearing.corpus.duplicates import (
    DuplicateIndex,
    find_duplicates,
    signature,
    signature_bytes,
    signature_from_bytes,
    word_tokens,
)
from crossbearing.corpus.events import merge_events
from crossbearing.corpus.identity import resolve_entities
from crossbearing.corpus.reuse import boilerplate_passages, direction, shared_passages
from crossbearing.corpus.stories import StoryParams, cluster, features
from crossbearing.store import Store

VERSION = "crossbearing.corpus.v1"
NUM_PERM = 128
#: Estimated Jaccard similarity of word shingles from which two articles are near-duplicates.
DUPLICATE_THRESHOLD = 0.8
#: Stories up to this size have every pair of articles aligned. In larger ones, each article is
#: aligned with at most MAX_PARTNERS others: those whose estimated shingle overlap is highest and
#: at least MIN_OVERLAP (a reprint of a few paragraphs is about 0.15). A story of k reports then
#: costs at most k × MAX_PARTNERS alignments instead of k²/2 — a wire copy reprinted by 500
#: outlets is aligned with its nearest copies, not with all 499 — at the price of a shared
#: quotation between two articles that are each closer to eight others.
ALIGN_ALL_BELOW = 12
MIN_OVERLAP = 0.02
MAX_PARTNERS = 8
#: Articles whose word tokens are kept while aligning (pairs come in order of their first
#: article, so an article's tokens are reused across all its pairs).
TOKEN_CACHE = 4096


@dataclass
class CorpusReport:
    signed: int = 0
    duplicate_pairs: int = 0
    stories: int = 0
    aligned_pairs: int = 0
    reprint_passages: int = 0
    entities: int = 0
    events: int = 0


def run_corpus(store: Store, *, threshold: float = DUPLICATE_THRESHOLD,
               params: StoryParams | None = None,
               on_step: Callable[[str], None] | None = None) -> CorpusReport:
    report = CorpusReport()
    for name, step in (("duplicates", _duplicates), ("stories", _stories), ("reuse", _reuse),
                       ("entities", _entities), ("events", _events)):
        with store.transaction():
            store.take_turns("recompute")  # another run's corpus stages or comparison wait
            step(store, report, threshold=threshold, params=params)
        if on_step is not None:
            on_step(name)
    return report


def _duplicates(store: Store, report: CorpusReport, *, threshold: float, **_) -> None:
    index = DuplicateIndex.from_signatures(store.signatures(), threshold=threshold,
                                           num_perm=NUM_PERM)
    new = []
    for article_id, text, sha in store.unsigned_articles():
        sig = signature(text, num_perm=NUM_PERM)
        store.save_signature(article_id, NUM_PERM, signature_bytes(sig), VERSION)
        new.append((article_id, sha, sig))
    for pair in find_duplicates(new, index):
        store.save_duplicate(pair.a, pair.b, pair.kind, pair.similarity)
        report.duplicate_pairs += 1
    report.signed = len(new)


def _stories(store: Store, report: CorpusReport, *, params: StoryParams | None, **_) -> None:
    terms = store.article_terms()
    mentions = defaultdict(list)
    for m in store.mentions():
        mentions[m.article_id].append(m)
    items = []
    for article in store.articles():
        lemmas = [lemma for lemma, n in terms.get(article.id, {}).items() for _ in range(n)]
        items.append(features(article, lemmas, mentions.get(article.id, ())))
    stories = cluster(items, params)
    store.replace_stories(stories, VERSION)
    report.stories = len(stories)


def _reuse(store: Store, report: CorpusReport, **_) -> None:
    signatures = {article_id: sig for article_id, _, sig in store.signatures()}
    story_of = store.story_map()
    # Near-duplicates in one story are paired by the rule of their story below (a wire copy run by
    # 100 outlets would otherwise be 4,950 pairs); those the stories split are aligned too.
    pairs = {tuple(sorted((d["article_a"], d["article_b"]))) for d in store.duplicates()
             if story_of.get(d["article_a"]) != story_of.get(d["article_b"])}
    for story in store.stories():
        members = sorted(store.story_members(story["id"]))
        if len(members) <= ALIGN_ALL_BELOW:
            pairs |= set(combinations(members, 2))
        else:
            pairs |= nearest_partners(members, signatures)
    todo = sorted(pairs - store.aligned_pairs(VERSION))
    if not todo:
        return
    articles = {a.id: a for a in store.articles()}
    boilerplate = _boilerplate(articles.values())
    quotes = defaultdict(list)  # read once, not once per pair an article is in
    for quote in store.quotes():
        quotes[quote.article_id].append(quote)
    tokens = lru_cache(maxsize=TOKEN_CACHE)(lambda article_id: word_tokens(articles[article_id].text))
    for a, b in todo:
        first, second = articles[a], articles[b]
        passages = shared_passages(first.text, second.text, quotes_a=quotes[a], quotes_b=quotes[b],
                                   boilerplate=boilerplate.get(first.outlet, set())
                                   | boilerplate.get(second.outlet, set()),
                                   tokens_a=tokens(a), tokens_b=tokens(b))
        store.save_passages(a, b, passages, direction(first.published, second.published), VERSION)
        report.aligned_pairs += 1
        report.reprint_passages += sum(1 for p in passages if p.kind == "reprint")


def nearest_partners(members: list[str], signatures: dict[str, bytes],
                     limit: int = MAX_PARTNERS) -> set[tuple[str, str]]:
    """Pairs (sorted ids) of each article with its ``limit`` nearest others by estimated shingle
    overlap, among those of at least MIN_OVERLAP. Articles without a signature pair with all."""
    signed = [m for m in members if m in signatures]
    pairs = {tuple(sorted((a, b))) for a in members if a not in signatures for b in members
             if b != a}
    if len(signed) < 2:
        return pairs
    matrix = np.stack([signature_from_bytes(signatures[m]) for m in signed])
    for i, article in enumerate(signed):
        overlap = (matrix == matrix[i]).mean(axis=1)
        overlap[i] = -1.0
        nearest = np.argsort(-overlap, kind="stable")[:limit]
        pairs |= {tuple(sorted((article, signed[j]))) for j in nearest
                  if overlap[j] >= MIN_OVERLAP}
    return pairs


def _boilerplate(articles) -> dict[str | None, set[str]]:
    """Each outlet's own recurring passages (articles of unknown outlet have none)."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if article.outlet:
            by_outlet[article.outlet].append(article.text)
    return {outlet: boilerplate_passages(texts) for outlet, texts in by_outlet.items()
            if len(texts) >= 3}


def _entities(store: Store, report: CorpusReport, **_) -> None:
    outlets = {a.id: a.outlet for a in store.articles()}
    entities, assignment = resolve_entities(store.mentions(), outlets)
    store.replace_entities(entities, assignment)
    store.apply_entity_overrides()  # analyst corrections survive the recomputation
    report.entities = store.count("entities")



def _events(store: Store, report: CorpusReport, **_) -> None:
    """Events merged across each story's articles, recomputed from the stored mentions."""
    report.events = store.replace_events(stored_events(store), VERSION)


def stored_events(store: Store) -> list[dict]:
    """The events of every story, merged from the stored event mentions (not saved)."""
    dates = {a: (date.fromisoformat(d.value[:10]) if d else None)
             for a, d in store.article_dates().items()}
    return merge_events(store.event_mentions(), store.story_map(), store.source_labels(),
                        time_texts=store.time_texts(), dates=dates,
                        place_of=lru_cache(maxsize=None)(store.place))
