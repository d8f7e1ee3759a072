"""Names of laws, treaties and programmes that the model reads as organisations or people
("the Affordable Care Act", "Dodd-Frank", "Obamacare", "the Paris Agreement"): no actors.

A name whose last word says it is a law or an agreement (Act, Bill, Treaty, Accord, Agreement,
Amendment, Doctrine, Protocol, Resolution, Code; not "Convention": a party's convention is a
gathering) or that is a programme's one-word name ("Medicare", "Obamacare") is retyped LAW,
which the entity layer does not list; a law named after people ("Dodd-Frank") is read as one
only where the text calls it a law or an act around it.
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
_LAW_AFTER = frozenset({"law", "laws", "legislation", "act", "rules", "reform", "reforms"})
_WORD = re.compile(r"[^\W\d_]+")


def law_spans(spans: list[Span]) -> list[Span]:
    """``spans`` with the names of laws, treaties and programmes retyped LAW."""
    return [Span(s.doc, s.start, s.end, label="LAW") if s.label_ in RETYPED and _a_law(s)
            else s for s in spans]


def _a_law(span: Span) -> bool:
    words = _WORD.findall(span.text)
    if not words:
        return False
    if len(words) >= 2 and words[-1].lower() in LAW_WORDS and words[-1][0].isupper():
        return True
    if len(words) == 1 and words[0].lower() in PROGRAMMES:
        return True  # "Obamacare", "Medicare"
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lower_ in _LAW_AFTER and "-" in span.text
