"""The corpus stages over the store: duplicates, stories, reprinted passages, one identity per
actor. Each reads what the article stages stored and works across articles.

- Duplicates are incremental: only articles without a stored signature are signed, and they
  query an index rebuilt from the stored signatures.
- Stories are recomputed from stored per-article features in canonical order (deterministic);
  each keeps the id of the stored story it overlaps most, and a retired id redirects
  (``story_ids``).
- Passages are aligned for pairs of articles in one story, or near-duplicates, that this version
  has not aligned yet.
- Dates: relative dates of undated reports are read against their story's dates, and an
  article whose publication date was corrected has its time expressions resolved again
  (``story_dates``), before events are merged from them.
- Entities are recomputed over all mentions, then the analyst's merge and split corrections are
  applied again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import Any, Callable, Sequence

import numpy as np

from crossbearing.annotate.times import ANCHOR_PRECISIONS
from crossbearing.corpus.duplicates import (
    DuplicateIndex,
    find_duplicates,
    signature,
    signature_bytes,
    signature_from_bytes,
)
from crossbearing.corpus.event_values import dated_by_reports, with_first_report
from crossbearing.corpus.events import copied_mentions, merge_events
from crossbearing.corpus.statements import saying_times, with_quoted_sources
from crossbearing.corpus.identity import resolve_entities
from crossbearing.corpus.alignment import Side, align_all
from crossbearing.corpus.reuse import boilerplate_passages
from crossbearing.dates import direction
from crossbearing.corpus.stories import StoryParams, cluster, features
from crossbearing.corpus.story_dates import redated, story_span
from crossbearing.corpus.story_ids import assign_ids
from crossbearing.isolation import isolated
from crossbearing.model import EventMention, Failure, Quote, Sentence, TimeMention
from crossbearing.model_events import Event
from crossbearing.model_stories import Passage
from crossbearing.stages import AnalysisRun
from crossbearing.store import Store

#: The version of the corpus steps: passages aligned by another version are aligned again
#: (v4: the words of an aligned passage counted by their longest common subsequence).
VERSION = "crossbearing.corpus.v4"
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
#: The recurring passages of an article of unknown outlet, or of an outlet with too few texts.
NO_BOILERPLATE: frozenset[str] = frozenset()
#: Longest title taken from a report's first sentence, for a story none of whose reports has one.
LEAD_TITLE_CHARS = 100


@dataclass
class CorpusReport:
    signed: int = 0
    duplicate_pairs: int = 0
    stories: int = 0
    aligned_pairs: int = 0
    reprint_passages: int = 0
    entities: int = 0
    events: int = 0
    redated: int = 0
    failed: int = 0

    def summary(self) -> dict[str, Any]:
        """What the corpus steps found and how many of them failed."""
        return {"signed": self.signed, "duplicate_pairs": self.duplicate_pairs,
                "stories": self.stories, "aligned_pairs": self.aligned_pairs,
                "reprint_passages": self.reprint_passages, "entities": self.entities,
                "failed": self.failed}


#: The corpus steps, in the order they run (one progress unit each).
STEP_NAMES = ("duplicates", "stories", "dates", "reuse", "entities", "events")


def run(store: Store, options: AnalysisRun) -> CorpusReport:
    """The corpus stage: duplicates, stories, reprinted passages and identities, analyst
    corrections reapplied (:func:`run_corpus`)."""
    options.progress.total(len(STEP_NAMES))
    return run_corpus(store, threshold=options.duplicate_threshold, workers=options.workers,
                      on_step=lambda _name: options.progress.advance(1))


def run_corpus(store: Store, *, threshold: float = DUPLICATE_THRESHOLD,
               params: StoryParams | None = None, workers: int | None = None,
               on_step: Callable[[str], None] | None = None) -> CorpusReport:
    """Run the corpus steps in order, each in one transaction. A step that fails is recorded
    (stage ``corpus.<step>``, ``failures``) and its transaction undone, and the next step goes
    on with what is stored; within the reuse and events steps a failure is kept to its pair of
    articles or its story. Each step's failures replace those of its earlier run."""
    report = CorpusReport()
    steps = (_duplicates, _stories, _dates, _reuse, _entities, _events)
    for name, step in zip(STEP_NAMES, steps):
        failures: list[Failure] = []

        def run_step(step=step, name=name, failures=failures) -> bool:
            with store.transaction():
                store.take_turns("recompute")  # another run's corpus stages or comparison wait
                step(store, report, threshold=threshold, params=params, failures=failures,
                     workers=workers)
                store.failures.replace_failures(f"corpus.{name}", failures)
            return True

        if not isolated(run_step, failures, stage=f"corpus.{name}", target="",
                        target_kind="step", version=VERSION, driver_error=store.driver_error):
            # The step's transaction was undone: its failures go in one of their own.
            store.run_retrying(lambda name=name, failures=failures:
                               store.failures.replace_failures(f"corpus.{name}", failures))
        report.failed += len(failures)
        if on_step is not None:
            on_step(name)
    return report


def _duplicates(store: Store, report: CorpusReport, *, threshold: float, **_) -> None:
    index = DuplicateIndex.from_signatures(store.corpus.signatures(), threshold=threshold,
                                           num_perm=NUM_PERM)
    new = []
    for article_id, text, sha in store.corpus.unsigned_articles():
        sig = signature(text, num_perm=NUM_PERM)
        store.corpus.save_signature(article_id, NUM_PERM, signature_bytes(sig), VERSION)
        new.append((article_id, sha, sig))
    for pair in find_duplicates(new, index):
        store.corpus.save_duplicate(pair.a, pair.b, pair.kind, pair.similarity)
        report.duplicate_pairs += 1
    report.signed = len(new)


def _stories(store: Store, report: CorpusReport, *, params: StoryParams | None, **_) -> None:
    """Stories recomputed from every article's stored features (lemmas, actor mentions,
    numeric facts, time mentions for the occasion keys); each keeps the id of the stored story
    it overlaps most, and ids no story keeps redirect to where their articles went
    (``story_ids``)."""
    terms = store.corpus.article_terms()
    mentions, numbers, times = defaultdict(list), defaultdict(list), defaultdict(list)
    for m in store.annotations.mentions():
        mentions[m.article_id].append(m)
    for n in store.annotations.numeric_facts():
        numbers[n.article_id].append(n)
    for t in store.annotations.time_mentions():
        times[t.article_id].append(t)
    articles = store.articles.all()
    items = [features(article, terms.get(article.id, {}), mentions.get(article.id, ()),
                      numbers.get(article.id, ()), times.get(article.id, ()))
             for article in articles]
    texts = {a.id: a.text for a in articles}

    def titled(story):  # by its first report's first sentence
        first = story.members[0]
        return replace(story, title=lead_title(texts[first], store.annotations.sentences(first)))

    stories = [s if s.title else titled(s) for s in cluster(items, params)]
    earlier = store.corpus.story_redirects()
    stories, redirects = assign_ids(stories, store.corpus.story_memberships(), earlier)
    store.corpus.replace_stories(stories, VERSION, redirects, earlier)
    report.stories = len(stories)


def lead_title(text: str, sentences: Sequence[Sentence] = (),
               limit: int = LEAD_TITLE_CHARS) -> str | None:
    """A title for a story none of whose reports has one (plain text without a headline): the
    first sentence of its first report, cut at a word boundary with "…" past ``limit``. The
    sentence is the first of ``sentences`` (the annotation stage's, in text order); an article
    without them (one not analysable) is cut at the first ".", "!" or "?" after a space past
    its 20th character."""
    sentence = " ".join(text[sentences[0].start:sentences[0].end].split()) if sentences else ""
    if not sentence:
        words = " ".join(text.split())
        end = next((i + 1 for i, c in enumerate(words) if c in ".!?" and i + 1 < len(words)
                    and words[i + 1] == " " and i > 20), len(words))
        sentence = words[:end]
    if len(sentence) <= limit:
        return sentence or None
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _reuse(store: Store, report: CorpusReport, *, failures: list[Failure],
           workers: int | None = None, **_) -> None:
    signatures = {article_id: sig for article_id, _, sig in store.corpus.signatures()}
    story_of = store.events.story_map()
    # Near-duplicates in one story are paired by the rule of their story below (a wire copy run by
    # 100 outlets would otherwise be 4,950 pairs); those the stories split are aligned too.
    pairs = {tuple(sorted((d["article_a"], d["article_b"]))) for d in store.corpus.duplicates()
             if story_of.get(d["article_a"]) != story_of.get(d["article_b"])}
    for story in store.corpus.stories():
        members = sorted(store.corpus.story_members(story.id))
        if len(members) <= ALIGN_ALL_BELOW:
            pairs |= set(combinations(members, 2))
        else:
            pairs |= nearest_partners(members, signatures)
    # story by story: a batch of pairs holds an article with the others of its story near it,
    # and its words and n-grams are kept while it is aligned with them (``alignment``)
    todo = sorted(pairs - store.corpus.aligned_pairs(VERSION),
                  key=lambda pair: (story_of.get(pair[0]) or "", pair))
    if not todo:
        return
    articles = {a.id: a for a in store.articles.all()}
    boilerplate = _boilerplate(articles.values())
    quotes = defaultdict(list)  # read once, not once per pair an article is in
    for quote in store.annotations.quotes():
        quotes[quote.article_id].append(quote)

    def side(article_id: str) -> Side:
        article = articles[article_id]
        return Side(article.text, tuple(quotes[article_id]),
                    boilerplate.get(article.outlet, NO_BOILERPLATE))

    found: dict[tuple[str, str], list] = {}
    for aligned in align_all(todo, side, stage="corpus.reuse", version=VERSION, workers=workers):
        found.update(aligned.passages)
        failures.extend(aligned.failures)  # not saved: the pair is aligned again by the next run
    for a, b in todo:  # saved in the pairs' order, however the batches completed
        if (a, b) not in found:
            continue
        passages = found[(a, b)]
        way = direction(articles[a].published, articles[b].published)
        store.corpus.save_passages(a, b, [Passage(a, b, **asdict(p), direction=way)
                                          for p in passages], VERSION)
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


def _boilerplate(articles) -> dict[str | None, frozenset[str]]:
    """Each outlet's own recurring passages (articles of unknown outlet have none), one set
    per outlet for every pair it is in (reuse reads its n-grams once)."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if article.outlet:
            by_outlet[article.outlet].append(article.text)
    return {outlet: frozenset(boilerplate_passages(texts)) for outlet, texts in by_outlet.items()
            if len(texts) >= 3}


def _entities(store: Store, report: CorpusReport, **_) -> None:
    outlets = {a.id: a.outlet for a in store.corpus.article_heads()}  # no texts needed
    entities, assignment = resolve_entities(store.annotations.mentions(), outlets)
    store.corpus.replace_entities(entities, assignment)
    store.corrections.apply_entity_overrides()  # analyst corrections survive the recomputation
    report.entities = store.count("entities")



def _dates(store: Store, report: CorpusReport, *, failures: list[Failure], **_) -> None:
    """Time expressions of undated reports read against their story's dates, and those of
    reports whose publication date was corrected read again; a story that fails is recorded."""
    for story in store.corpus.stories():
        articles = store.articles.articles_by_id(store.corpus.story_members(story.id))
        changed = isolated(lambda: _redate_story(store, articles), failures,
                           stage="corpus.dates", target=story.id, target_kind="story",
                           version=VERSION, driver_error=store.driver_error)
        report.redated += changed or 0


def _redate_story(store: Store, articles: Sequence) -> int:
    span = story_span(articles)
    changed = []
    for article in articles:
        mentions = store.annotations.time_mentions(article.id)
        if mentions:
            changed += redated(article, mentions, store.annotations.sentences(article.id), span)
    return store.annotations.update_time_values(changed)


def _events(store: Store, report: CorpusReport, *, failures: list[Failure], **_) -> None:
    """Events merged across each story's articles, recomputed from the stored mentions."""
    report.events = store.events.replace_events(stored_events(store, failures), VERSION)


def _quote_spans(quotes: list[Quote]) -> dict[str, list[tuple[int, int]]]:
    """Article id → the spans of what its ``quotes`` quote."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for quote in quotes:
        spans[quote.article_id].extend(quote.content)
    return spans


def in_quotation(quotes: list[Quote]) -> Callable[[str, int], bool]:
    """Whether an offset of an article lies inside the content of one of its ``quotes``."""
    spans = _quote_spans(quotes)
    return lambda article_id, offset: any(a <= offset < b for a, b in spans.get(article_id, ()))


#: How many sentences of an article are its headline and lead, where news tells the day's
#: statement (a statement told further down is background as often as news).
LEAD_SENTENCES = 5


def told_words(text_of: Callable[[str], str], quotes: list[Quote]
               ) -> Callable[[EventMention], str]:
    """The words of an event mention's sentence, what its article's ``quotes`` quote left out
    (each quoted character a space): how the article tells it, not what was said. A sentence
    is read once, however many mentions it holds."""
    spans = _quote_spans(quotes)

    @lru_cache(maxsize=1024)
    def sentence_words(article_id: str, start: int, end: int) -> str:
        chars = list(text_of(article_id)[start:end])
        for a, b in spans.get(article_id, ()):
            for i in range(max(a, start), min(b, end)):
                chars[i - start] = " "
        return "".join(chars)

    return lambda m: sentence_words(m.article_id, m.sentence_start, m.sentence_end)


def stored_events(store: Store, failures: list[Failure] | None = None) -> list[Event]:
    """The events of every story, merged from the stored event mentions (not saved). With
    ``failures``, a story whose events cannot be merged is recorded there and left without
    events; without it, the error propagates."""
    dates = {a: (date.fromisoformat(d.value[:10]) if d and d.precision in ANCHOR_PRECISIONS
                 else None)  # a date known to the month or year dates no weekday
             for a, d in store.corpus.article_dates().items()}
    mentions = store.events.event_mentions()
    quotes = store.annotations.quotes()
    rejected = store.corrections.rejected_passages()
    story_of, outlet_of = store.events.story_map(), store.events.source_labels()
    text_of = lru_cache(maxsize=64)(lambda a: store.articles.article(a).text)
    sentences_of = lru_cache(maxsize=64)(store.annotations.sentences)

    def in_lead(key: tuple[str, int]) -> bool:
        """Whether an offset stands in the first :data:`LEAD_SENTENCES` sentences of its
        article: its headline and lead."""
        lead = sentences_of(key[0])[:LEAD_SENTENCES]
        return bool(lead) and key[1] < lead[-1].end

    events = merge_events(mentions, story_of, outlet_of, time_texts=store.events.time_texts(),
                          dates=dates, place_of=lru_cache(maxsize=None)(store.annotations.place),
                          failures=failures, version=VERSION,
                          copies=copied_mentions(mentions, [  # not those marked not reuse
                              p for p in store.corpus.passages() if p.key not in rejected]),
                          quoted=in_quotation(quotes), told=told_words(text_of, quotes),
                          in_lead=in_lead)
    mention_sentences = {(m.article_id, m.start): (m.sentence_start, m.sentence_end)
                         for m in mentions}

    def sentence_at(article_id: str, offset: int) -> tuple[int, int] | None:
        """The stored sentence of an article that holds ``offset``, or None."""
        return next(((s.start, s.end) for s in sentences_of(article_id)
                     if s.start <= offset < s.end), None)

    def quoted() -> list[Event]:  # a statement's quotations as its reports
        times_of = lru_cache(maxsize=64)(store.annotations.time_mentions)

        def said_when(quote: Quote) -> list[TimeMention]:
            at = quote.told_at
            sentence = sentence_at(quote.article_id, at) or (at, at)
            return saying_times(quote, times_of(quote.article_id), sentence)

        return with_quoted_sources(events, mentions, quotes, story_of,
                                   text_of, outlet_of, said_when=said_when)

    if failures is not None:
        events = isolated(quoted, failures, stage="corpus.statements", target="",
                          target_kind="story", version=VERSION) or events
    else:
        events = quoted()

    def sentence_of(key: tuple[str, int]) -> tuple[int, int] | None:  # a quotation's too
        return mention_sentences.get(key) or sentence_at(*key)

    return [with_first_report(dated_by_reports(e, dates, outlet_of, sentence_of, in_lead), dates)
            for e in events]
