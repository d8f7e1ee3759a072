"""Which time expressions date an event (:mod:`annotate.events`): not those that date the
saying of it ("Rasool stated Thursday that the airstrike …", "the army said on Tuesday it had
struck a car on Monday") or the words it answers ("dismissed Axelrod's comment on Sunday"),
nor a photo caption's, which dates the picture ("… who was martyred in
a US airstrike, in Baghdad, Iraq, February 8, 2024 (AP)": the funeral pictured, not the
strike), nor a remembrance's ("on Saturday, the anniversary of the march": the march was
long before); and when something quoted was said (the time on the quote's cue).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from crossbearing.annotate.cues import STATEMENT_NOUNS
from crossbearing.annotate.event_modes import CLAIM_NOUNS, SAYING
from crossbearing.annotate.nlp import text_of
from crossbearing.model import Quote, TimeMention


#: A photo caption's end: the agency's or photographer's credit in brackets ("(AP)", "(AP
#: Photo/Hadi Mizban)", "(Reuters)", "(AFP via Getty Images)", "(Photo: …)").
CAPTION_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:AP|AFP|Reuters|Getty Images|EPA|Xinhua|Anadolu|ANI|UPI|Photo|"
    r"photo|Image|image|Courtesy|courtesy|File|file)\b[^()]*)\)\s*\.?\s*$")


#: Where :func:`_captions` keeps a document's captions.
CAPTIONS_KEY = "crossbearing.captions"


def event_times(times: Sequence[TimeMention], doc: Doc, group_tokens: set[int]) -> list:
    """Time expressions that can date the event: not those that date the saying of it
    ("Rasool stated Thursday that the airstrike …": Thursday is when he spoke), nor those of a
    photo caption (a paragraph that ends with a photo credit: its date is the picture's)."""
    kept = []
    remembered = _remembered(doc, group_tokens)
    before = _said_clause_start(doc, group_tokens)
    captions = _captions(doc)
    for time in times:
        if any(start <= time.start < end for start, end in captions):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if remembered is not None and span is not None and not (
                remembered.left_edge.i <= span.root.i <= remembered.right_edge.i):
            continue  # "on Saturday, the anniversary of the march": the march was long before
        if span is None or not (_dates_a_saying(span.root, group_tokens)
                                or _dates_what_is_answered(span.root, group_tokens)
                                or before is not None and before[0] < span.root.i < before[1]):
            kept.append(time)
    return kept


#: Nouns of an act remembered: "the 50th anniversary of the march in Selma" names a march long
#: past, whatever time the sentence gives (that of the remembrance).
REMEMBRANCE = frozenset({"anniversary", "commemoration", "remembrance", "memory", "memorial",
                         "centenary", "centennial", "bicentennial", "jubilee"})


def _remembered(doc: Doc, group_tokens: set[int]) -> Token | None:
    """The trigger, where it is what a remembrance remembers ("his speech on the 50th
    anniversary of the protest march in Selma": the march): only a time inside its own phrase
    ("the 1965 march") dates it."""
    for i in sorted(group_tokens):
        token = doc[i]
        if token.dep_ == "pobj" and token.head.lower_ == "of" and (
                token.head.head.lemma_.lower() in REMEMBRANCE):
            return token
    return None


def _captions(doc: Doc) -> list[tuple[int, int]]:
    """The photo captions of a document: its paragraphs (lines) that end with a photo credit in
    brackets; found once per document."""
    found = doc.user_data.get(CAPTIONS_KEY)
    if found is None:
        found = doc.user_data[CAPTIONS_KEY] = [
            (m.start(), m.end()) for m in re.finditer(r"[^\n]+", text_of(doc))
            if CAPTION_CREDIT.search(m.group())]
    return found


def _said_clause_start(doc: Doc, group_tokens: set[int]) -> tuple[int, int] | None:
    """For an event told in a clause that a verb of saying governs ("the army said on Tuesday it
    had struck a car on Monday"), the token positions between the saying verb and the said
    clause's subject: a time there dates the saying, wherever the parser hangs it."""
    for index in sorted(group_tokens):
        clause = doc[index]
        for _ in range(3):
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SAYING:
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")),
                               None)
                if subject is not None and clause.head.i < subject.left_edge.i:
                    return clause.head.i, subject.left_edge.i
                return None
            if clause.head.i == clause.i:
                break
            clause = clause.head
    return None


def saying_time(offset: int, quotes: Sequence[Quote], times: Sequence[TimeMention],
                 doc: Doc) -> TimeMention | None:
    """When what a quotation says was said: the time expression on its cue ("said on
    Thursday", "in a statement released Friday"). Something said is dated by its saying."""
    quote = next((q for q in quotes if q.cue and any(a <= offset < b for a, b in q.content)),
                 None)
    if quote is None:
        return None
    cue = doc.char_span(quote.cue[0], quote.cue[1], alignment_mode="expand")
    if cue is None:
        return None
    heads = {t.i for t in cue}
    for time in times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        token = span.root
        for _ in range(4):
            if token.head.i == token.i:
                break
            token = token.head
            if token.i in heads:
                return time
    return None


#: Nouns of something said that an act answers: a time on one dates it, not the answer.
ANSWERED = STATEMENT_NOUNS | CLAIM_NOUNS | frozenset({"criticism"})


def _dates_what_is_answered(token: Token, group_tokens: set[int]) -> bool:
    """Whether a time dates the words the event answers, the object of its trigger ("Boehner
    dismissed Axelrod's comment on Sunday that …": Axelrod spoke on Sunday)."""
    for _ in range(3):
        if token.dep_ not in ("npadvmod", "pobj", "prep", "tmod", "nmod"):
            return False
        token = token.head
        if token.i in group_tokens:
            return False
        if token.pos_ == "NOUN":
            return token.lemma_.lower() in ANSWERED and token.dep_ == "dobj" and (
                token.head.i in group_tokens)
    return False


def _dates_a_saying(token: Token, group_tokens: set[int]) -> bool:
    """Whether a time modifies a verb of saying rather than the event: "said on Tuesday it
    had struck". Not when the event is what is said as its object ("announced the suspension
    of operations at the end of January"): the announcement is the change it announces."""
    for _ in range(3):
        if token.dep_ not in ("npadvmod", "pobj", "prep", "tmod", "nmod", "advmod"):
            return False
        token = token.head
        if token.i in group_tokens:
            return False
        if token.pos_ == "VERB":
            return token.lemma_.lower() in SAYING and not any(
                c.dep_ == "dobj" and c.i in group_tokens for c in token.children)
    return False
