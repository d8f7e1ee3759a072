"""Names of laws, treaties and programmes that the model reads as organisations or people
("the Affordable Care Act", "Dodd-Frank", "Obamacare", "the Paris Agreement"): no actors.

A name whose last word says it is a law or an agreement (Act, Bill, Treaty, Accord, Agreement,
Amendment, Doctrine, Protocol, Resolution, Code; not "Convention": a party's convention is a
gathering) or that is a programme's one-word name ("Medicare", "Obamacare") is retyped LAW,
which the entity layer does not list; a law named after people ("Dodd-Frank") is read as one
only where the text calls it a law or an act around it ("the Dodd-Frank law", "the 2010
Dodd-Frank financial regulations"), and the initials of a law the article names are that law
("ACA" beside "the Affordable Care Act").

Names of prizes and awards ("the Erikson Prize for Excellence in Mental Coverage") are no actors
either (retyped WORK_OF_ART), nor a party's convention or a summit, which are gatherings
(retyped EVENT: "the Republican National Convention", "the NATO Summit").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

#: Last words that make a name a law, a treaty or an agreement.
LAW_WORDS = frozenset({"act", "bill", "treaty", "accord", "accords", "agreement", "amendment",
                       "doctrine", "protocol", "resolution", "code"})
#: Programmes named by one word ("UnitedHealthcare", a company, is none).
PROGRAMMES = frozenset({"medicare", "medicaid", "obamacare", "trumpcare", "tricare",
                        "romneycare", "hillarycare"})
#: Types the model gives such names by mistake.
RETYPED = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "PRODUCT"})
#: Words after a name that say it is a law ("Dodd-Frank law", "the Dodd-Frank Act").
_LAW_AFTER = frozenset({"law", "laws", "legislation", "act", "rules", "reform", "reforms",
                        "regulation", "regulations"})
#: Head words of the names of prizes, and of gatherings.
PRIZE_WORDS = frozenset({"prize", "award", "awards", "medal"})
GATHERING_WORDS = frozenset({"convention", "summit"})
_WORD = re.compile(r"[^\W\d_]+")
_LINKS = frozenset({"for", "of", "on", "in", "to"})


def law_spans(spans: list[Span]) -> list[Span]:
    """``spans`` with the names of laws, treaties and programmes retyped LAW, of prizes
    WORK_OF_ART and of gatherings EVENT."""
    found = [Span(s.doc, s.start, s.end, label="LAW") if s.label_ in RETYPED and _a_law(s)
             else s for s in spans]
    laws = {_initials(s.text) for s in found if s.label_ == "LAW"} - {""}
    result = []
    for span in found:
        head = _head_word(span.text)
        if span.label_ in RETYPED and span.text in laws:
            span = Span(span.doc, span.start, span.end, label="LAW")  # "ACA"
        elif span.label_ in RETYPED and head in PRIZE_WORDS:
            span = Span(span.doc, span.start, span.end, label="WORK_OF_ART")
        elif span.label_ in ("ORG", "FAC", "GPE", "NORP") and head in GATHERING_WORDS and (
                len(_WORD.findall(span.text)) >= 2):
            span = Span(span.doc, span.start, span.end, label="EVENT")
        result.append(span)
    return result


def _head_word(name: str) -> str:
    """The last word of a name before its first "for", "of" ...: "Prize" of "the Erikson Prize
    for Excellence"."""
    words = []
    for word in _WORD.findall(name):
        if word.lower() in _LINKS:
            break
        words.append(word)
    return words[-1].lower() if words else ""


def _initials(name: str) -> str:
    words = [w for w in _WORD.findall(name) if w.lower() not in _LINKS | {"the", "and"}]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) >= 2 else ""


def _a_law(span: Span) -> bool:
    words = _WORD.findall(span.text)
    if not words:
        return False
    if len(words) >= 2 and words[-1].lower() in LAW_WORDS and words[-1][0].isupper():
        return True
    if len(words) == 1 and words[0].lower() in PROGRAMMES:
        return True  # "Obamacare", "Medicare"
    if "-" not in span.text:
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    root = span.root
    return after is not None and after.lower_ in _LAW_AFTER or (
        root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ in _LAW_AFTER)
