"""Quotes and reported speech in one article, with who said them.

Three layers, each doing what it is good at:

1. **Quotation marks** (:mod:`annotate.quotemarks`) give the exact extent of direct quotes,
   including quotes that run over several paragraphs with their closing marks left off.
2. **The dependency parse** gives attributions (:mod:`annotate.cues`): a cue verb ("said",
   "told X that", "called on X to", "pointed out"), "according to X", "in a statement" and
   "a statement issued by X"; the cue's subject is the speaker, its complement the content.
3. **Reconciliation** of the two: a content inside quotation marks is a direct quote and takes
   the marks' extent (all its paragraphs); a content that only partly is quoted is ``mixed``; a
   quote the parse did not attach takes a cue right next to it ("..." he said / he said: "..."),
   else, when it fills its paragraph or opens a sentence, the speaker of the previous quote.
   A short quoted phrase with no cue (a scare quote, a term) is not speech and is skipped.

Who the speaker is (names, pronouns, "the cleric", "the statement") is :mod:`annotate.speakers`'
work. Tested in tests/test_quotes.py; measured on PolNeAR by benchmarks/eval_quotes.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import Sequence

from spacy.tokens import Doc

from crossbearing.annotate.cues import Attribution, cue_attribution
from crossbearing.annotate.nlp import text_of
from crossbearing.annotate.quotemarks import QuoteRun, paragraphs, quote_runs
from crossbearing.annotate.speakers import SpeakerResolver
from crossbearing.kb.actors import ActorBase
from crossbearing.model import Mention, Quote

_WORD = re.compile(r"\w")
#: Fewest words for a quotation with no cue that opens a sentence to count as speech.
MIN_SENTENCE_QUOTE_WORDS = 4

_COLON_END = re.compile(r"[ \t]*:[ \t]*")
#: A transcript's speaker label: capitalised words and a colon opening a paragraph.
_SPEAKER_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]+(?=\S)")
#: Capitalised labels that are not speakers.
NOT_SPEAKER_LABELS = frozenset({
    "UPDATE", "UPDATED", "CLARIFICATION", "CORRECTION", "EDITOR'S NOTE", "EDITOR’S NOTE", "NOTE",
    "WATCH", "READ", "READ MORE", "RELATED", "PHOTOS", "PHOTO", "VIDEO", "BREAKING",
    "EXCLUSIVE", "WARNING", "SOURCE", "SOURCES", "UPDATES", "ALSO", "SEE", "LISTEN", "CREDIT"})


def quote_annotations(doc: Doc, article_id: str, mentions: Sequence[Mention],
                      actors: ActorBase | None = None) -> list[Quote]:
    """Every quote and piece of reported speech in ``doc`` (an article's parsed text), with its
    cue, speaker span and the speaker's identity resolved through ``mentions`` and ``actors``
    (default the bundled knowledge base)."""
    text = text_of(doc)
    runs = quote_runs(text)
    inside = _run_index(runs)
    cues = []
    for token in doc:  # no sentence runs over a line (annotate.nlp.line_starts)
        if not inside(token.idx):
            found = cue_attribution(doc, token)
            if found is not None and not inside(found.head.idx):
                cues.append(found)
    attributions = _reconcile(text, cues + _transcript(doc), runs)
    attributions = sorted(attributions, key=lambda a: (a.start, -len(a.content)))
    resolver = SpeakerResolver(doc, mentions, [p for r in runs for p in r.parts], actors)
    return [resolver.quote(article_id, a) for a in attributions]


# --- reconciling the parse with the quotation marks -------------------------------------------

def _run_index(runs: list[QuoteRun]):
    """A test of whether a character offset lies inside a quotation."""
    parts = sorted(p for r in runs for p in r.parts)
    starts = [s for s, _ in parts]
    reach = list(accumulate((e - 1 for _, e in parts), max))  # furthest end so far
    # Inside some (s, e - 1): the parts starting before the offset reach beyond it.
    return lambda offset: (at := bisect_left(starts, offset)) > 0 and reach[at - 1] > offset


def _reconcile(text: str, cues: list[Attribution], runs: list[QuoteRun]) -> list[Attribution]:
    """Attributions with their kind and final content: quotations are taken by the cue whose
    content they are, then by a cue right next to them, then by the nearest speaker; cues left
    with no content are dropped."""
    taken: set[int] = set()
    paras = paragraphs(text)
    for cue in cues:
        if cue.content:
            taken |= _take_runs(text, cue, runs)
        else:
            taken |= _block_quote(text, cue, runs, paras)
    found = [c for c in cues if c.content]
    loose = []
    for index, run in enumerate(runs):
        if index in taken:
            continue
        owner = _adjacent_cue(text, run, cues)
        if owner is None:
            loose.append(run)
            continue
        if not owner.content:
            owner.kind = "direct"
            found.append(owner)
        owner.content = sorted(set(owner.content) | set(run.parts))
        owner.runs.append(run)
    for run in loose:
        if not any(_WORD.search(text, s, e) for s, e in run.parts):
            continue
        para = next(p for p in paras if p[0] <= run.start < p[1])
        joins = any(para[0] <= a.start < para[1] and a.kind == "direct" for a in found)
        if _fills_paragraphs(text, run, paras) or _is_sentence(text, run, 1 if joins else None):
            _continue(run, found, paras)
    return found


def _block_quote(text: str, cue: Attribution, runs: list[QuoteRun],
                 paras: list[tuple[int, int]]) -> set[int]:
    """A cue closing its paragraph with a colon ("He said:") introduces the next paragraph,
    quoted or not (a block quote): it is a direct quote. Returns the quotation taken, if any."""
    end = max(cue.cue[1], cue.speaker[1])
    index = next((i for i, p in enumerate(paras) if p[0] <= end <= p[1]), None)
    if index is None or index + 1 >= len(paras) or not _COLON_END.fullmatch(
            text, end, paras[index][1]):
        return set()
    following = paras[index + 1]
    cue.kind = "direct"
    for i, run in enumerate(runs):
        if run.start == following[0]:
            cue.content, cue.runs = list(run.parts), [run]
            return {i}
    cue.content = [following]
    return set()


def _transcript(doc: Doc) -> list[Attribution]:
    """Transcript paragraphs, "WALLACE: Let's start with ...": the capitalised name before the
    colon said the rest of the paragraph, verbatim."""
    found = []
    text = text_of(doc)
    for start, end in paragraphs(text):
        match = _SPEAKER_LABEL.match(text, start, end)
        if match is None or match.group(1).upper() in NOT_SPEAKER_LABELS:
            continue
        label = doc.char_span(start, match.end(1), alignment_mode="expand")
        if label is None or not _WORD.search(text, match.end(), end):
            continue
        colon = match.end(1)
        found.append(Attribution([(match.end(), end)], (colon, colon + 1), (start, match.end(1)),
                                 label[-1], kind="direct"))
    return found


def _take_runs(text: str, attribution: Attribution, runs: list[QuoteRun]) -> set[int]:
    """Give ``attribution`` the quotations its content overlaps: all quoted → direct, with the
    quotations' own extent; partly quoted → mixed, the content widened to whole quotations.
    Returns the indices of the quotations taken."""
    taken = {i for i, run in enumerate(runs)
             if any(_word_overlap(text, p, c) for p in run.parts for c in attribution.content)}
    if not taken:
        return taken
    if attribution.inserted:
        taken = {i for i in taken if _adjacent(text, runs[i], attribution)} or taken
    parts = sorted(p for i in taken for p in runs[i].parts)
    outside = [c for c in attribution.content if _words_outside(text, c, parts)]
    if attribution.inserted and len(outside) < len(attribution.content):
        outside = []
    attribution.runs = [runs[i] for i in sorted(taken)]
    if not outside:
        attribution.kind, attribution.content = "direct", parts
    else:
        attribution.kind = "mixed"
        attribution.content = _merged(attribution.content + parts)
    return taken


def _word_overlap(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return start < end and _WORD.search(text, start, end) is not None


def _words_outside(text: str, span: tuple[int, int], parts: list[tuple[int, int]]) -> bool:
    """Whether ``span`` has a word character outside every quotation part."""
    position = span[0]
    for start, end in parts:
        if end <= position or start >= span[1]:
            continue
        if start > position and _WORD.search(text, position, start):
            return True
        position = max(position, end)
    return position < span[1] and _WORD.search(text, position, span[1]) is not None


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


_AFTER_GAP = re.compile(r"[ \t,—–-]*")
_BEFORE_GAP = re.compile(r"[ \t,:—–-]*|[ \t][^.!?\"“”«»\n]{0,60}?[,:][ \t]*")
#: What may stand between a partial quote and another that continues it: "... but “...”".
_JOINED = re.compile(r"[ \t,;]*(?:and|but|or|and then)?[ \t,]*")


def _adjacent_cue(text: str, run: QuoteRun, cues: list[Attribution]) -> Attribution | None:
    """The cue right after the quotation ("...," he said) or right before it (he said: "..."),
    in the same paragraph; one that already reports other, unquoted content does not count."""
    for cue in cues:
        if cue.content and cue.kind == "mixed" and _JOINED.fullmatch(
                text, max(e for _, e in cue.content), run.start):
            return cue
        if (not cue.content or cue.kind == "direct") and _adjacent(text, run, cue):
            return cue
    return None


def _adjacent(text: str, run: QuoteRun, cue: Attribution) -> bool:
    """Whether the cue and its speaker stand right after the quotation or right before it, in
    its paragraph: nothing but punctuation between, or before it a short phrase ending with a
    comma or colon ("said of the museum, ...", "told reporters: ...")."""
    start = min(cue.cue[0], cue.speaker[0])
    end = max(cue.cue[1], cue.speaker[1])
    if start >= run.end:
        return _AFTER_GAP.fullmatch(text, run.end, start) is not None
    return end <= run.start and _BEFORE_GAP.fullmatch(text, end, run.start) is not None


def _fills_paragraphs(text: str, run: QuoteRun, paras: list[tuple[int, int]]) -> bool:
    """Whether the quotation is its paragraphs' whole text (but for closing punctuation)."""
    first = next((p for p in paras if p[0] <= run.start < p[1]), None)
    last = next((p for p in paras if p[0] < run.end <= p[1]), None)
    return (first is not None and last is not None and first[0] == run.start
            and not _WORD.search(text, run.end, last[1]))


def _is_sentence(text: str, run: QuoteRun, min_words: int | None = None) -> bool:
    """Whether the quotation is a sentence of its own (or more), of a few words at least
    (:data:`MIN_SENTENCE_QUOTE_WORDS`, or ``min_words``): it opens its sentence, and ends it
    (with its own full stop, or nothing follows it)."""
    before = text[:run.start].rstrip(" \t")
    opens = not before or before[-1] in ".!?\n”\"’"
    words = sum(len(re.findall(r"\w+", text[s:e])) for s, e in run.parts)
    last_start, last_end = run.parts[-1]
    inside = text[last_start:last_end].rstrip("”\"’'»")
    line_end = text.find("\n", last_end)
    after = text[last_end:line_end if line_end >= 0 else len(text)].lstrip(" \t")
    ends = inside[-1:] in (".", "!", "?") or not after or after[0] in ".!?"
    return opens and ends and words >= (min_words or MIN_SENTENCE_QUOTE_WORDS)


def _continue(run: QuoteRun, found: list[Attribution], paras: list[tuple[int, int]]) -> None:
    """A quotation with no cue of its own is spoken by the speaker of the nearest direct quote
    in its paragraph, and joins it ("“...,” he said. “...”"); else it is a quote of its own,
    spoken by the speaker of the last attribution in the paragraph before."""
    index = next(i for i, p in enumerate(paras) if p[0] <= run.start < p[1])
    para = paras[index]
    same = [a for a in found if para[0] <= a.start < para[1] and a.kind == "direct"]
    if same:
        owner = min(same, key=lambda a: abs(a.start - run.start))
        owner.content = sorted(set(owner.content) | set(run.parts))
        owner.runs.append(run)
        return
    before = [a for a in found if index and paras[index - 1][0] <= a.start < paras[index - 1][1]]
    previous = max(before, key=lambda a: a.start) if before else None
    found.append(Attribution(list(run.parts), None, None, kind="direct", continues=previous,
                             runs=[run]))
