"""Aligning pairs of articles for the passages they share, in batches that run in this process
or on worker processes (``executors``).

The corpus stage picks the pairs (``corpus.run._reuse``) and stores what is found; a batch
carries everything its pairs need (the two texts, their quotes, their outlets' boilerplate), so a
worker never opens the store, and it returns each pair's passages, or the failure that kept a
pair from being aligned (which the stage records; the pair is aligned again by the next run).
Batches follow the order of the pairs (story by story), so that a worker aligns an article with
the others of its story while its words and n-grams are at hand (``reuse.NGRAM_CACHE``).

A pool pays for itself from about :data:`POOL_FROM_PAIRS` pairs: a pair takes about 2 ms of a
core (1,000 generated reports: 5,807 pairs, 12 s), a worker's start about 0.5 s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterator, Sequence

from crossbearing.corpus.duplicates import word_tokens
from crossbearing.corpus.reuse import Alignment, release, shared_passages
from crossbearing.executors import ProcessExecutor, SerialExecutor, default_workers
from crossbearing.isolation import isolated
from crossbearing.model import Failure, Quote

#: Pairs from which alignment runs on worker processes (when the run may use more than one).
POOL_FROM_PAIRS = 1000
#: Pairs a batch holds.
BATCH_PAIRS = 256
#: Articles whose word tokens a worker keeps while aligning a batch.
TOKEN_CACHE = 512


@dataclass(frozen=True)
class Side:
    """What aligning needs of one article: its text, its quotes and its outlet's recurring
    passages (``reuse.boilerplate_passages``)."""

    text: str
    quotes: tuple[Quote, ...] = ()
    boilerplate: frozenset[str] = frozenset()


@dataclass
class Batch:
    """Pairs of article ids to align, with each article's :class:`Side`; ``stage`` and
    ``version`` name a failure's origin."""

    pairs: list[tuple[str, str]]
    sides: dict[str, Side]
    stage: str
    version: str


@dataclass
class Aligned:
    """A batch's results: each pair's passages (pairs that failed are absent) and the
    failures."""

    passages: dict[tuple[str, str], list[Alignment]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)


#: An article's words, kept for its next pairs (a text is a pair's side in up to
#: ``corpus.run.MAX_PARTNERS`` pairs, which may fall in the next batch): shared by every call
#: in the process, emptied only by :func:`forget` at the end of the step.
_tokens = lru_cache(maxsize=TOKEN_CACHE)(word_tokens)


def align(batch: Batch) -> Aligned:
    """Every pair of the batch aligned (a pure function: a worker runs it). The words and
    n-grams of the texts are kept for the next batch, which holds the rest of their story:
    :func:`forget` drops them."""
    result = Aligned()
    for a, b in batch.pairs:
        first, second = batch.sides[a], batch.sides[b]
        passages = isolated(
            lambda: shared_passages(first.text, second.text, quotes_a=first.quotes,
                                    quotes_b=second.quotes,
                                    boilerplate=[first.boilerplate, second.boilerplate],
                                    tokens_a=_tokens(first.text), tokens_b=_tokens(second.text)),
            result.failures, stage=batch.stage, target=f"{a}|{b}", target_kind="pair",
            version=batch.version)
        if passages is not None:
            result.passages[(a, b)] = passages
    return result


def forget() -> None:
    """Drop the words and n-grams kept between alignments (tens of megabytes on a large
    collection); a pool's workers drop theirs when the pool closes."""
    _tokens.cache_clear()
    release()


def batches(pairs: Sequence[tuple[str, str]], side: Callable[[str], Side], stage: str,
            version: str, size: int = BATCH_PAIRS) -> Iterator[Batch]:
    """``pairs`` in batches of ``size``, in their order, each with the :class:`Side` of every
    article it holds (``side(article_id)``)."""
    for start in range(0, len(pairs), size):
        chunk = list(pairs[start:start + size])
        ids = {article_id for pair in chunk for article_id in pair}
        yield Batch(chunk, {article_id: side(article_id) for article_id in ids}, stage, version)


def align_all(pairs: Sequence[tuple[str, str]], side: Callable[[str], Side], *, stage: str, version: str,
              workers: int | None = None) -> Iterator[Aligned]:
    """The results of aligning ``pairs``, batch by batch (in the order they complete): on
    worker processes when there are :data:`POOL_FROM_PAIRS` pairs or more and ``workers``
    (default: the CPUs) is more than one, else in this process."""
    workers = workers or default_workers()
    pool = workers > 1 and len(pairs) >= POOL_FROM_PAIRS
    try:
        with (ProcessExecutor(min(workers, -(-len(pairs) // BATCH_PAIRS))) if pool
              else SerialExecutor()) as executor:
            for _batch, aligned in executor.map_batches(
                    align, batches(pairs, side, stage, version, BATCH_PAIRS)):
                yield aligned
    finally:
        forget()
