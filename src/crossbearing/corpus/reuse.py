"""Passages one article shares with another: reprinted paragraphs and shared quotations.

Outlets reprint whole paragraphs of another outlet, lightly edited (a word changed, a name
lengthened, punctuation). :func:`shared_passages` finds them by seeding with shared word n-grams,
extending each seed over small edits to a maximal aligned passage, and merging neighbours; each
passage has character offsets in both texts. A passage that lies inside quotations of the same
speaker in both articles is a ``shared-quotation`` (two outlets quoting one statement is not
copying); the rest are ``reprint``. :func:`boilerplate_passages` finds an outlet's recurring text
(footers, stock background paragraphs) so it is not reported as reuse (who can have copied
whom, by the publication days, is ``dates.direction``). The module is pure: the caller picks candidate pairs and stores results.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

from rapidfuzz.distance import LCSseq

from crossbearing.corpus.duplicates import Token, word_tokens
from crossbearing.ids import normalise_text
from crossbearing.model import Quote

#: Words in a seed: eight identical consecutive words are rare between independent reports.
SEED_WORDS = 8
#: Words an extension may skip in either text to reach the next aligned words (an edit).
MAX_GAP = 5
#: Words between two passages (in both texts) below which they are merged into one.
MERGE_GAP = 8
#: Words compared at a time while extending a passage.
WINDOW = 24
#: An n-gram found more often than this in one text is not used as a seed (repeated phrasing).
MAX_REPEATS = 5
#: Words a passage may run past a sentence end (or start before a sentence start) and be trimmed
#: back to it: identical small words such as "The" after a shared sentence are chance.
TRIM_WORDS = 3
#: Words of a passage that may lie outside the quotations and still count as a shared quotation
#: (an article or a verb the two outlets keep next to the quotation mark).
QUOTE_SLACK = 2

#: Texts whose n-grams are kept between alignments.
NGRAM_CACHE = 256

REPRINT = "reprint"
SHARED_QUOTATION = "shared-quotation"


@dataclass(frozen=True)
class Alignment:
    """A passage shared by two texts: ``text_a[a_start:a_end]`` aligns with
    ``text_b[b_start:b_end]``. ``words`` counts the identical words of the alignment,
    ``similarity`` is their share of both spans' words (1.0 for a verbatim copy), ``kind`` is
    ``reprint`` or ``shared-quotation``."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int
    similarity: float
    kind: str


class _Span(NamedTuple):
    """Half-open token ranges ``[a0, a1)`` and ``[b0, b1)`` that align."""

    a0: int
    a1: int
    b0: int
    b1: int


class _QuoteSpans(NamedTuple):
    spans: tuple[tuple[int, int], ...]
    speaker: str | None


# --- seeds ---------------------------------------------------------------------------------------
@lru_cache(maxsize=NGRAM_CACHE)
def _text_ngrams(words: tuple[str, ...], n: int) -> dict[tuple[str, ...], list[int]]:
    """:func:`_ngrams` of one text's words, kept for the next pair the text is in (an article
    is aligned with each of the reports of its story near it). Not to be changed."""
    return _ngrams(words, n)


def _ngrams(words: Sequence[str], n: int) -> dict[tuple[str, ...], list[int]]:
    """Positions of each ``n``-gram of ``words``."""
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, gram in enumerate(zip(*(words[k:] for k in range(n)))):
        grams[gram].append(i)
    return grams


def _seed_blocks(wa: Sequence[str], wb: Sequence[str], n: int,
                 skip: Sequence[frozenset[tuple[str, ...]]]) -> list[tuple[int, int, int]]:
    """Maximal runs ``(i, j, size)`` of identical words at least ``n`` long, built from shared
    n-grams that are neither boilerplate (in a set of ``skip``) nor repeated too often in one
    text."""
    grams_a, grams_b = _text_ngrams(tuple(wa), n), _text_ngrams(tuple(wb), n)
    shared = (grams_a.keys() & grams_b.keys()).difference(*skip)
    seeds = sorted((i, j) for gram in shared if len(grams_a[gram]) <= MAX_REPEATS
                   and len(grams_b[gram]) <= MAX_REPEATS
                   for i in grams_a[gram] for j in grams_b[gram])
    runs: dict[tuple[int, int], int] = {}  # (start i, start j) -> seeds in the run
    ends: dict[tuple[int, int], tuple[int, int]] = {}  # (next i, next j) -> run start
    for i, j in seeds:
        start = ends.pop((i, j), (i, j))
        runs[start] = runs.get(start, 0) + 1
        ends[(i + 1, j + 1)] = start
    return sorted((i, j, count + n - 1) for (i, j), count in runs.items())


# --- extension -----------------------------------------------------------------------------------
def _step(xs: Sequence[str], ys: Sequence[str], max_gap: int) -> tuple[int, int] | None:
    """How far the next aligned words take an alignment from the start of ``xs``/``ys``.

    Accepted: three or more identical words after skipping at most ``max_gap`` words in either
    sequence, or two after at most two (a word or two changed, inserted or dropped)."""
    same = _common_prefix(xs, ys)
    if same >= 2 and same == min(len(xs), len(ys)):
        # One runs on as the other (a verbatim stretch): no block can be longer than the one at
        # the start, so it is the first of the matching blocks. No matcher needed.
        return same, same
    matcher = SequenceMatcher(None, xs, ys, autojunk=False)
    for a0, b0, size in matcher.get_matching_blocks()[:-1]:
        gap = max(a0, b0)
        if gap > max_gap:
            return None
        if size >= 3 or (size >= 2 and gap <= 2):
            return a0 + size, b0 + size
    return None


def _common_prefix(xs: Sequence[str], ys: Sequence[str]) -> int:
    """How many words ``xs`` and ``ys`` share from their start."""
    if xs == ys:
        return len(xs)
    return next((k for k, (x, y) in enumerate(zip(xs, ys)) if x != y), min(len(xs), len(ys)))


def _reach(xs: Sequence[str], ys: Sequence[str], i: int, j: int, max_gap: int) -> tuple[int, int]:
    """The end positions reached by extending an alignment forward from ``xs[i]``/``ys[j]``."""
    while i < len(xs) and j < len(ys):
        step = _step(xs[i:i + WINDOW], ys[j:j + WINDOW], max_gap)
        if step is None:
            break
        i, j = i + step[0], j + step[1]
    return i, j


def _extend(wa: Sequence[str], wb: Sequence[str], ra: Sequence[str], rb: Sequence[str],
            block: tuple[int, int, int], max_gap: int) -> _Span:
    """A seed block extended over small edits in both directions (``ra``/``rb`` are the word
    lists reversed, so extending backwards is extending their reversals forwards)."""
    i, j, size = block
    a1, b1 = _reach(wa, wb, i + size, j + size, max_gap)
    ra1, rb1 = _reach(ra, rb, len(wa) - i, len(wb) - j, max_gap)
    return _Span(len(wa) - ra1, a1, len(wb) - rb1, b1)


def _inside(span: _Span, i: int, j: int) -> bool:
    return span.a0 <= i < span.a1 and span.b0 <= j < span.b1


def _merge(spans: list[_Span], merge_gap: int) -> list[_Span]:
    """Spans joined where one follows the other closely in both texts on nearly the same
    alignment (overlapping spans of one alignment, or neighbours split by an edit)."""
    merged: list[_Span] = []
    for span in sorted(set(spans)):
        prev = merged[-1] if merged else None
        if prev is not None and span.b0 >= prev.b0 \
                and span.a0 - prev.a1 <= merge_gap and span.b0 - prev.b1 <= merge_gap \
                and abs((span.a0 - span.b0) - (prev.a1 - prev.b1)) <= merge_gap:
            merged[-1] = _Span(prev.a0, max(prev.a1, span.a1), prev.b0, max(prev.b1, span.b1))
        else:
            merged.append(span)
    return merged


def _aligned_words(wa: Sequence[str], wb: Sequence[str], span: _Span) -> int:
    """Identical words in the best alignment of the two spans: the length of their longest
    common subsequence of words (rapidfuzz's bit-parallel LCS)."""
    xs, ys = wa[span.a0:span.a1], wb[span.b0:span.b1]
    if xs == ys:  # a verbatim copy
        return len(xs)
    return LCSseq.similarity(xs, ys)


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


def _boundary(text: str, left: Token, right: Token) -> bool:
    """Whether a sentence or paragraph ends between two adjacent words ("U.S. forces" does not:
    a sentence starts with a capital or a digit)."""
    gap = text[left.end:right.start]
    if "\n" in gap:
        return True
    return bool(_SENTENCE_END.search(gap)) and not text[right.start].islower()


def _trim(span: _Span, ta: Sequence[Token], tb: Sequence[Token], text_a: str,
          text_b: str) -> _Span:
    """The span without the few words it runs into past a sentence end in both texts
    (or has before a sentence start in both texts)."""
    a0, a1, b0, b1 = span
    for t in range(1, TRIM_WORDS + 1):
        if a1 - t <= a0 + t or b1 - t <= b0 + t:
            break
        if _boundary(text_a, ta[a1 - t - 1], ta[a1 - t]) \
                and _boundary(text_b, tb[b1 - t - 1], tb[b1 - t]):
            a1, b1 = a1 - t, b1 - t
            break
    for t in range(1, TRIM_WORDS + 1):
        if a0 + t >= a1 or b0 + t >= b1:
            break
        if _boundary(text_a, ta[a0 + t - 1], ta[a0 + t]) \
                and _boundary(text_b, tb[b0 + t - 1], tb[b0 + t]):
            a0, b0 = a0 + t, b0 + t
            break
    return _Span(a0, a1, b0, b1)


# --- quotations ----------------------------------------------------------------------------------
def _speaker_key(quote: Quote) -> str | None:
    """What identifies a quote's speaker across articles: the knowledge-base actor, else the
    normalised fullest name; None when the article does not name the speaker."""
    if quote.speaker_actor:
        return "actor:" + quote.speaker_actor
    if quote.speaker_canonical:
        return "name:" + normalise_text(quote.speaker_canonical)
    return None


def _same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two quotations of the same words can be one speaker's: unless both are known
    knowledge-base actors and differ. Words in quotation marks in both reports are the quoted
    person's, not the outlets'; a speaker named differently is more often a misattribution in
    one report (a quotation credited to the person named before it) than two people saying
    the same words, so names that differ do not make a shared quotation a reprint."""
    if a is None or b is None or a == b:
        return True
    return not (a.startswith("actor:") and b.startswith("actor:"))


def _quote_spans(quotes: Iterable[Quote | tuple[int, int]]) -> list[_QuoteSpans]:
    """Quotes as content spans and speaker keys; a bare ``(start, end)`` is a quote of an
    unknown speaker."""
    out = []
    for quote in quotes:
        if isinstance(quote, Quote):
            out.append(_QuoteSpans(tuple(quote.content), _speaker_key(quote)))
        else:
            start, end = quote
            out.append(_QuoteSpans(((start, end),), None))
    return out


def _quoted(tokens: Sequence[Token], lo: int, hi: int,
            quotes: list[_QuoteSpans]) -> tuple[int, list[str | None]]:
    """Words of ``tokens[lo:hi]`` outside every quotation, and the speakers of the quotations
    holding the others."""
    words = tokens[lo:hi]
    starts = [token.start for token in words]
    holders: list[int | None] = [None] * len(words)  # the first quotation holding each word
    for index, quote in enumerate(quotes):
        for s, e in quote.spans:
            k = bisect_left(starts, s)
            while k < len(words) and words[k].end <= e:
                if holders[k] is None:
                    holders[k] = index
                k += 1
    speakers = {holder: quotes[holder].speaker for holder in holders if holder is not None}
    return holders.count(None), list(speakers.values())


def _kind(span: _Span, ta: Sequence[Token], tb: Sequence[Token],
          qa: list[_QuoteSpans], qb: list[_QuoteSpans]) -> str:
    """``shared-quotation`` when the passage lies in quotations (of one speaker) in both texts."""
    if not qa or not qb:
        return REPRINT
    out_a, speakers_a = _quoted(ta, span.a0, span.a1, qa)
    out_b, speakers_b = _quoted(tb, span.b0, span.b1, qb)
    if out_a > QUOTE_SLACK or out_b > QUOTE_SLACK or not speakers_a or not speakers_b:
        return REPRINT
    if any(_same_speaker(x, y) for x in speakers_a for y in speakers_b):
        return SHARED_QUOTATION
    return REPRINT


# --- passages ------------------------------------------------------------------------------------
@lru_cache(maxsize=NGRAM_CACHE)
def _grams_of(passages: frozenset[str], n: int) -> frozenset[tuple[str, ...]]:
    """The word n-grams of boilerplate passages, to be skipped as seeds. Kept: the caller gives
    the same outlets' passages for every pair of their articles."""
    grams: set[tuple[str, ...]] = set()
    for passage in passages:
        grams.update(_passage_grams(passage, n))
    return frozenset(grams)


@lru_cache(maxsize=4096)
def _passage_grams(passage: str, n: int) -> frozenset[tuple[str, ...]]:
    """The word n-grams of one boilerplate passage."""
    return frozenset(_ngrams([t.norm for t in word_tokens(passage)], n))


def _spans(wa: list[str], wb: list[str], n: int,
           skip: Sequence[frozenset[tuple[str, ...]]]) -> list[_Span]:
    """Maximal aligned token spans of the two word lists, merged."""
    ra, rb = wa[::-1], wb[::-1]
    spans: list[_Span] = []
    for block in sorted(_seed_blocks(wa, wb, n, skip), key=lambda blk: -blk[2]):
        if any(_inside(s, block[0], block[1]) for s in spans):
            continue
        spans.append(_extend(wa, wb, ra, rb, block, MAX_GAP))
    return _merge(spans, MERGE_GAP)


def shared_passages(text_a: str, text_b: str, *,
                    quotes_a: Iterable[Quote | tuple[int, int]] = (),
                    quotes_b: Iterable[Quote | tuple[int, int]] = (),
                    min_words: int = 12, n: int = SEED_WORDS,
                    boilerplate: Sequence[frozenset[str]] = (),
                    tokens_a: list[Token] | None = None,
                    tokens_b: list[Token] | None = None) -> list[Alignment]:
    """Passages ``text_a`` and ``text_b`` share, in the order they appear in ``text_a``.

    ``quotes_a``/``quotes_b`` are the texts' quotes (:class:`Quote` objects, or bare content
    spans of unknown speaker): a passage inside quotations in both is a ``shared-quotation``.
    ``min_words`` is the least number of identical words a passage must have. ``boilerplate``
    holds each outlet's recurring passages as one set (see :func:`boilerplate_passages`), never
    used as seeds so they are not reported as reuse; a caller that keeps the sets between calls
    has their n-grams read once per set.
    ``tokens_a``/``tokens_b`` are the texts'
    :func:`word_tokens` where the caller has them already (an article aligned with several
    others is tokenised once; it is two thirds of the time of an alignment)."""
    ta = tokens_a if tokens_a is not None else word_tokens(text_a)
    tb = tokens_b if tokens_b is not None else word_tokens(text_b)
    wa, wb = [t.norm for t in ta], [t.norm for t in tb]
    qa, qb = _quote_spans(quotes_a), _quote_spans(quotes_b)
    found = []
    skip = [_grams_of(passages, n) for passages in boilerplate]
    for span in _spans(wa, wb, n, skip):
        span = _trim(span, ta, tb, text_a, text_b)
        words = _aligned_words(wa, wb, span)
        if words < min_words:
            continue
        similarity = 2 * words / ((span.a1 - span.a0) + (span.b1 - span.b0))
        found.append(Alignment(ta[span.a0].start, ta[span.a1 - 1].end,
                             tb[span.b0].start, tb[span.b1 - 1].end,
                             words, round(similarity, 4), _kind(span, ta, tb, qa, qb)))
    return sorted(found, key=lambda p: (p.a_start, p.b_start))


def release() -> None:
    """Drop the texts' and passages' n-grams kept between alignments (a run calls it when its
    alignments are done: they are tens of megabytes on a large collection)."""
    for cached in (_text_ngrams, _grams_of, _passage_grams):
        cached.cache_clear()


# --- boilerplate ---------------------------------------------------------------------------------
def _recurring_threshold(count: int, min_articles: int, min_share: float) -> int | None:
    """Articles an n-gram must recur in to be boilerplate: ``min_articles``, or fewer (but at
    least two) when that is ``min_share`` of a small outlet; None below ``min_articles`` texts,
    where a story the outlet ran twice cannot be told from boilerplate."""
    if count < min_articles:
        return None
    return max(2, min(min_articles, math.ceil(min_share * count)))


def boilerplate_passages(texts: Sequence[str], *, n: int = SEED_WORDS, min_articles: int = 3,
                         min_share: float = 0.3) -> set[str]:
    """An outlet's recurring passages: maximal runs of word n-grams found in at least
    ``min_articles`` of its ``texts`` (or ``min_share`` of them, but at least two, for an outlet
    with few texts), as normalised words joined by single spaces. Pass them (for both outlets) to
    :func:`shared_passages` as one of ``boilerplate``."""
    threshold = _recurring_threshold(len(texts), min_articles, min_share)
    if threshold is None:
        return set()
    words = [[t.norm for t in word_tokens(text)] for text in texts]
    counts = Counter(g for ws in words for g in set(_ngrams(ws, n)))
    recurring = {g for g, c in counts.items() if c >= threshold}
    passages: set[str] = set()
    for ws in words:
        run_start = None
        for i in range(len(ws) - n + 2):
            hit = i < len(ws) - n + 1 and tuple(ws[i:i + n]) in recurring
            if hit and run_start is None:
                run_start = i
            elif not hit and run_start is not None:
                passages.add(" ".join(ws[run_start:i - 1 + n]))
                run_start = None
    return passages
