"""The per-article annotation stage: one spaCy pass per article, then every annotator that reads
the parsed text. A pure function of a batch of articles, so the same code runs serially, in a
process pool or on a Dask worker; the caller stores the results (``annotate/results.py``: what
is stored, and the stage's version).
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Sequence

from crossbearing.annotate.descriptors import title_words
from crossbearing.annotate.entities import entity_mentions
from crossbearing.annotate.event_types import ontology
from crossbearing.annotate.events import event_mentions
from crossbearing.annotate.framing import framing_annotations
from crossbearing.annotate.lexicon import lexicon_of
from crossbearing.annotate.nlp import BATCH_SIZE, keep_text, pipeline
from crossbearing.annotate.numbers import numeric_facts
from crossbearing.annotate.quotes import quote_annotations
from crossbearing.annotate.results import STAGE, ArticleAnnotations, result_id, stage_version
from crossbearing.annotate.times import anchor_of, time_mentions
from crossbearing.kb.actors import actor_base
from crossbearing.knowledge.bundle import Knowledge
from crossbearing.model import Article, Failure, Sentence

log = logging.getLogger(__name__)


def annotate_articles(articles: Sequence[Article], knowledge: Knowledge | None = None
                      ) -> list[ArticleAnnotations]:
    """Annotate a batch of articles (English ones: the caller filters on ``analysable``) with
    ``knowledge`` (default the bundled one); an annotator's exception propagates (tests and
    benchmarks want to see it). The pipeline uses :func:`annotate_batch`, which isolates each
    article's failure."""
    nlp = pipeline(knowledge)
    docs = nlp.pipe((article.text for article in articles), batch_size=BATCH_SIZE)
    return [annotate_doc(doc, article, knowledge) for doc, article in zip(docs, articles)]


def annotate_batch(articles: Sequence[Article], knowledge: Knowledge | None = None
                   ) -> list[ArticleAnnotations | Failure]:
    """Annotate a batch with ``knowledge`` (default the bundled one) where one article never
    costs the others: an article that makes an annotator (or the parser) raise becomes a
    :class:`~crossbearing.model.Failure` in its place, and the batch goes on. When the parser
    fails inside a batch, the articles after the last one parsed are parsed again one at a time,
    so the failure is pinned on the article that caused it."""
    knowledge = knowledge or Knowledge.bundled()
    nlp = pipeline(knowledge)
    # The parser refuses texts over its length limit (memory grows with length): such an article
    # fails with that reason at once, instead of breaking its batch.
    too_long = {a.id: _failure(a, TooLong(f"the article is {len(a.text):,} characters long, over "
                                          f"the parser's limit of {nlp.max_length:,}"), knowledge)
                for a in articles if len(a.text) > nlp.max_length}
    parsable = [a for a in articles if a.id not in too_long]
    results: list[ArticleAnnotations | Failure] = []
    try:
        docs = nlp.pipe((article.text for article in parsable), batch_size=BATCH_SIZE)
        for doc, article in zip(docs, parsable):
            results.append(_annotate_guarded(doc, article, knowledge))
    except Exception:  # the parser raised on some article of the batch: find which
        log.info("parsing a batch failed; parsing its remaining articles one at a time",
                 exc_info=True)
        for article in parsable[len(results):]:
            try:
                doc = nlp(article.text)
            except Exception as error:
                results.append(_failure(article, error, knowledge))
                continue
            results.append(_annotate_guarded(doc, article, knowledge))
    by_id = {result_id(r): r for r in results} | too_long
    return [by_id[a.id] for a in articles]


class TooLong(ValueError):
    """An article longer than the parser accepts."""


def _annotate_guarded(doc, article: Article,
                      knowledge: Knowledge) -> ArticleAnnotations | Failure:
    try:
        return annotate_doc(doc, article, knowledge)
    except Exception as error:
        return _failure(article, error, knowledge)


def _failure(article: Article, error: Exception, knowledge: Knowledge) -> Failure:
    log.info("annotating article %s failed", article.id, exc_info=error)
    return Failure.of(STAGE, article.id, "article", stage_version(knowledge), error)


def annotate_doc(doc, article: Article, knowledge: Knowledge | None = None) -> ArticleAnnotations:
    """Every annotator on one article already parsed (``doc``, from ``nlp.pipeline(knowledge)``),
    with ``knowledge`` (default the bundled one); an annotator's exception propagates."""
    knowledge = knowledge or Knowledge.bundled()
    actors = actor_base(knowledge)
    keep_text(doc, article.text)
    sentences = tuple(Sentence(article.id, i, s.start_char, s.end_char)
                      for i, s in enumerate(doc.sents))
    mentions = entity_mentions(doc, article.id, actors)
    times = time_mentions(doc, article)
    quotes = quote_annotations(doc, article.id, mentions, actors)
    numbers = numeric_facts(doc, article.id, times, quotes)
    events = event_mentions(doc, article.id, mentions, times, quotes, numbers,
                            ontology(knowledge), actors, published=anchor_of(article))
    descriptors, terms = framing_annotations(doc, article.id, mentions, quotes,
                                             lexicon_of(knowledge), title_words(knowledge))
    named = _unique(mentions)
    return ArticleAnnotations(article.id, sentences, named, _unique(times),
                              _unique(quotes), _unique(numbers), lemma_counts(doc),
                              events=_unique(events), descriptors=tuple(descriptors),
                              loaded_terms=_unique(terms), actors=tuple(actors.actor(i) for i in
                              sorted({m.actor_id for m in named if m.actor_id})))


def _unique(items) -> tuple:
    """One annotation per span: the store keys each layer by article and offsets, and two
    readings of one span (a quote found by two rules) keep the first."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for item in items:
        if (item.start, item.end) not in seen:
            seen.add((item.start, item.end))
            kept.append(item)
    return tuple(kept)


def lemma_counts(doc) -> dict[str, int]:
    """The lemmas of the parsed text with their counts, kept for story clustering."""
    return dict(Counter(token.lemma_ for token in doc if token.is_alpha))
