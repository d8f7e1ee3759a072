"""Time expressions in one article, resolved against its publication date.

Candidates are the model's DATE entities and what the rule-based finder sees (it catches
"mid-October" and "early last week", which the model often cuts); the longest wins where they
overlap. A sentence in the future tense ("talks will resume this weekend") resolves a weekday or
a weekend forward instead of back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from typing import TYPE_CHECKING

from crossbearing.annotate.nlp import text_of
from crossbearing.annotate.timex import find_time_expressions, resolve_time
from crossbearing.model import Article, TimeMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Publication-date precisions fine enough to anchor relative expressions on.
ANCHOR_PRECISIONS = frozenset({"second", "minute", "day"})
#: What puts a sentence's dates ahead of the publication date ("talks will resume", "won't be
#: released until …", "the vote scheduled for", "is expected to start", "next month"), read in
#: the sentence that holds the expression. Words that also tell the past are taken only in the
#: phrases that make them look ahead: "less than expected", "due to the storm", "planned the
#: attack", "the next day" do not.
_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|wo\s?n['’]t)\b|['’]ll\b|\b(?:tomorrow|upcoming|forthcoming)\b"
    r"|\b(?:scheduled|planned|slated)\s+(?:for|to)\b"
    r"|\b(?:is|are|be|been|was|were)\s+(?:expected|due|set|poised|going)\s+to\s+"
    r"(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b)[a-z]"
    r"|\b(?:plans?|planning|intends?|intending|vows?|promises?)\s+to\b|\bplans\s+for\b"
    r"|(?<!the )\bnext\s+(?:week|month|year|season|spring|summer|fall|autumn|winter|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)\b", re.IGNORECASE)


def reads_ahead(sentence: str) -> bool:
    """Whether a sentence looks ahead (:data:`_FUTURE`), so that its dates fall after the
    publication day ("the meeting in October" in a sentence that says it "won't be released
    until" then)."""
    return _FUTURE.search(sentence) is not None


def anchor_of(article: Article) -> date | None:
    """The day relative expressions in ``article`` count from: its publication day."""
    published = article.published
    if published is None or published.precision not in ANCHOR_PRECISIONS:
        return None
    return date.fromisoformat(published.value[:10])


def time_mentions(doc: Doc, article: Article) -> list[TimeMention]:
    """Every time expression in ``doc`` (the parsed ``article.text``) with its resolved value."""
    anchor = anchor_of(article)
    spans = _candidates(doc)
    if not spans:
        return []
    sentences = list(doc.sents)
    starts = [s.start_char for s in sentences]
    future: dict[int, bool] = {}  # by sentence, read only where an expression is
    found = []
    for start, end in spans:
        text = text_of(doc)[start:end]
        at = max(bisect_right(starts, start) - 1, 0)
        if at not in future:
            future[at] = reads_ahead(sentences[at].text)
        value = resolve_time(text, anchor, tense="future" if future[at] else "past")
        if value.reason == "not a time expression":
            continue
        found.append(TimeMention(article.id, start, end, text, value,
                                 anchor.isoformat() if anchor else None))
    return found


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    spans += find_time_expressions(text_of(doc))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end)
            continue
        kept.append((start, end))
    return kept
