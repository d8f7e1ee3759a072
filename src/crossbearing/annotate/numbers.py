"""Counts and amounts in an article: "at least 16 Iraqis were killed", "over 160 attacks on US
forces since Oct. 17", "approximately 2,500 troops in Iraq", "dozens of protesters", "$5 million".

Numbers get their own layer because general tools get them wrong in ways that matter when outlets
are compared claim by claim: they drop hedges, read "Tower 22" and "Oct 17" as quantities and miss
"dozens". Here a table-built regular expression finds each number as written (hedge, currency,
digits or words, scale, percent sign, range), tables of rules reject what is not a count, and the
dependency parse says what is counted, whether it is a toll, and which time and place bound it.
Finding the numbers in the text, and the vocabulary, are ``numbers_find``'s.

Bounds and hedges. ``low``/``high`` are the number *as written*: equal for an exact number, also
when hedged ("at least 16" is 16..16 with hedge "at least"; "more than 160" is 160..160 with hedge
"more than"), the ends of a range ("10 to 15" is 10..15) or the conventional span of a vague
quantity ("dozens" 24..99, "hundreds" 200..999). The hedge is never folded in: stored values stay
finite (JSON has no infinity) and two outlets' written numbers stay directly comparable.
:func:`interval` folds the hedge in when a comparison needs the values a claim allows.

Not counts: anything inside a time mention, clock times, years, names ("Tower 22", "F-16",
"Resolution 2334", "No. 5"), ordinals ("first", "2nd": never matched), list numbers, scores and
identifiers ("3-1"), ages ("aged 25", "a 30-year-old": an attribute of a person, not a tally that
outlets dispute) and durations ("three days", "a two-week truce": amounts of time, which the time
layer owns), a lone "one" that counts no noun ("one of them", "one that"), and abbreviated scales
without a currency ("5m" is metres or minutes; "€5m" is money). Percentages are kept: their unit
is "%" (see :func:`unit_of`; the model has no unit field) and ``counted`` is what they are of.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from crossbearing.annotate.nlp import text_of
from crossbearing.annotate.numbers_find import (
    CURRENCIES,
    CURRENCY_WORDS,
    Number,
    alternatives,
    find_numbers,
)
from crossbearing.model import NumericFact, Quote, TimeMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: How a hedge widens the written bounds into the values a claim allows: factors on low and high.
INTERVALS = {"about": (0.9, 1.1), "nearly": (0.9, 1.0), "at least": (1.0, math.inf),
             "more than": (1.0, math.inf), "up to": (0.0, 1.0), "at most": (0.0, 1.0),
             "fewer than": (0.0, 1.0)}

#: Verbs (lemmas) of a toll, and the participle ``counted`` gets: "16 Iraqis were killed".
TOLLS = {"kill": "killed", "wound": "wounded", "injure": "injured", "hurt": "hurt",
         "die": "died", "perish": "died", "arrest": "arrested", "detain": "detained",
         "displace": "displaced", "kidnap": "kidnapped", "abduct": "abducted",
         "execute": "executed", "evacuate": "evacuated", "capture": "captured",
         "martyr": "martyred", "slay": "killed"}
#: Toll words that can stand for the counted noun: "at least 16 dead", "3 wounded".
TOLL_WORDS = frozenset({"dead", "killed", "wounded", "injured", "missing", "displaced", "hurt",
                        "arrested", "detained"})
#: Nouns whose "of" phrase counts the dead: "claimed the lives of three", "the deaths of 16".
DEATH_NOUNS = frozenset({"life", "lives", "death", "deaths", "killing"})
#: Verbs whose subject is what a bare number measures: "the death toll rose to 16".
LEVEL_VERBS = frozenset({"rise", "climb", "reach", "stand", "increase", "jump", "grow", "hit",
                         "total", "top", "exceed", "surpass", "be", "number", "mount", "soar"})
#: Prepositions whose phrase belongs to what is counted ("attacks on US forces").
COMPLEMENT_PREPS = frozenset({"on", "against", "of", "among"})
#: Prepositions that give a place, and nouns that are places without being names.
PLACE_PREPS = frozenset({"in", "across", "throughout", "inside", "within", "near", "around",
                         "at", "outside"})
PLACE_NOUNS = frozenset({"region", "country", "area", "province", "city", "capital", "border",
                         "territory", "territories", "strip", "town", "village", "camp", "base",
                         "district", "governorate", "state", "world"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels of names a number can be part of ("Tower 22", "Resolution 2334").
NAME_LABELS = frozenset({"FAC", "ORG", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "PERSON", "GPE",
                         "LOC"})
#: Lower-case words after which a number is a label, not a count ("No. 5", "flight 17").
NAME_WORDS = frozenset({"no.", "nos.", "number", "#", "page", "p.", "chapter", "article", "section",
                        "resolution", "paragraph", "flight", "route", "highway", "unit", "brigade",
                        "battalion", "division", "level", "category", "phase", "round", "version",
                        "room", "gate", "platform", "line", "channel", "episode", "item", "tower",
                        "sector", "zone", "block", "grade"})
AGE_WORDS = frozenset({"aged", "age", "ages"})
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "weekend", "month",
                        "year", "decade", "century", "sec", "min", "hr"})
#: Dependency relations that open a clause: scopes are looked for inside the number's clause.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "csubj", "parataxis"})
#: Relations that keep a place phrase going ("in Iraq, Syria and Jordan", "the region of X").
PHRASE_DEPS = frozenset({"conj", "cc", "compound", "amod", "nmod", "appos"})

_LABEL_BEFORE = re.compile(rf"(?<![\w.])(?:{alternatives(NAME_WORDS)})\s*$", re.IGNORECASE)
_CLOCK = re.compile(r"\s*(?:[ap]\.?m\b\.?|gmt\b|utc\b|o'clock\b|local\s+time\b)", re.IGNORECASE)


# --- what is counted -----------------------------------------------------------------------------
@dataclass
class Found:
    """A number in the parsed text and what the parse says about it."""

    number: Number
    span: Span            # the number's tokens, hedge excluded
    head: Token | None    # the head noun of what is counted
    first: int            # the counted phrase's first token
    last: int             # ... and its last
    of_phrase: bool       # counted through "of" ("dozens of protesters")

    @property
    def doc(self) -> Doc:
        return self.span.doc


def _find_counted(number: Number, span: Span, stop: set[int]) -> Found:
    """What the number counts: the noun phrase right after it (or after "of"), the noun it
    modifies in the parse, a toll word ("16 dead"), or the subject of a level verb."""
    doc, after = span.doc, span.end
    of_phrase = after < len(doc) and doc[after].lower_ == "of"
    if of_phrase:
        after += 1
        while after < len(doc) and doc[after].tag_ in ("DT", "PRP$"):
            after += 1
        if after < len(doc) and doc[after].tag_ == "PRP":  # "16 of them"
            return Found(number, span, doc[after], after, after, True)
    head = _noun_run(doc, after, span.root, stop)
    if head is None and not of_phrase:
        head = _modified_noun(span) or _toll_word(doc, after) or _level_subject(span.root)
        if head is not None and head.i < span.start:  # a level verb's subject
            # A subject of determiners alone ("This is just another one") counts nothing.
            after = next((t.i for t in head.subtree if t.tag_ not in ("DT", "PRP$")), -1)
            if after < 0:
                head = None
    if head is None:
        return Found(number, span, None, -1, -1, of_phrase)
    return Found(number, span, head, min(after, head.i), _complement_end(head), of_phrase)


def _noun_run(doc: Doc, i: int, root: Token, stop: set[int]) -> Token | None:
    """The head noun of the adjectives and nouns from token ``i`` on: the noun the parse hangs
    the number on if it is one of them, else the run's last noun ("Two other Kata'ib Hezbollah
    officials", where the parse hangs "Two" on "other"; "16 Iraqis dead" ends at "Iraqis")."""
    nouns = []
    while i < len(doc) and i not in stop and _in_run(doc[i]):
        if doc[i].pos_ in ("NOUN", "PROPN"):
            nouns.append(doc[i])
        i += 1
    target = root.head if root.dep_ in ("nummod", "quantmod", "compound", "amod") else None
    return target if target in nouns else (nouns[-1] if nouns else None)


def _in_run(token: Token) -> bool:
    """Whether a token can stand inside a noun phrase after its number."""
    return (token.pos_ in ("ADJ", "NOUN", "PROPN") or token.tag_ == "HYPH"
            or (token.pos_ == "VERB" and token.dep_ in ("amod", "compound")))


def _modified_noun(span: Span) -> Token | None:
    """The noun the parse hangs the number on, a few words to its right ("Two F-16 jets")."""
    root = span.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
        return head if span.end <= head.i <= span.end + 4 else None
    return None


def _toll_word(doc: Doc, i: int) -> Token | None:
    return doc[i] if i < len(doc) and doc[i].lower_ in TOLL_WORDS else None


def _level_subject(root: Token) -> Token | None:
    """The subject of "the death toll rose to 16", "the toll stands at 20", "the toll is 16"."""
    verb = root.head if root.dep_ in ("dobj", "attr") else None
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "at", "from"):
        verb = root.head
        while verb.dep_ == "prep" and verb.head.pos_ == "ADP":  # "from 10 to 15"
            verb = verb.head
        verb = verb.head
    if verb is None or verb.lemma_ not in LEVEL_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _complement_end(head: Token) -> int:
    """Where the counted phrase ends: after a complement that belongs to it ("attacks on US
    forces", "attacks targeting US troops"), before place and time phrases."""
    doc = head.doc
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if nxt is None or nxt.head != head:
        return head.i
    if nxt.dep_ == "prep" and nxt.lower_ in COMPLEMENT_PREPS:
        obj = _child(nxt, ("pobj",))
    elif nxt.dep_ == "acl" and nxt.tag_ == "VBG":
        obj = _child(nxt, ("dobj",))
    else:
        return head.i
    return _conjuncts_end(obj) if obj is not None else head.i


def _conjuncts_end(token: Token) -> int:
    ends = [_conjuncts_end(c) for c in token.rights if c.dep_ == "conj"]
    return max([token.i, *ends])


def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _toll(token: Token | None) -> str | None:
    """The toll ``token`` (a counted noun or the number) is the victim of: "16 Iraqis were
    killed", "killing three people", "lost their lives", "the lives of three", "people killed"."""
    if token is None:
        return None
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    gov, dep = token.head, token.dep_
    if dep in ("nsubjpass", "dobj") and gov.lemma_ in TOLLS:
        return TOLLS[gov.lemma_]
    if dep == "nsubj" and gov.lemma_ in ("die", "perish"):
        return "died"
    lost = _child(gov, ("dobj",)) if dep == "nsubj" and gov.lemma_ == "lose" else None
    if lost is not None and lost.lower_ in ("life", "lives"):
        return "killed"
    if dep == "pobj" and gov.lower_ == "of" and gov.head.lower_ in DEATH_NOUNS:
        return "killed"
    acl = next((c for c in token.rights if c.dep_ == "acl" and c.lemma_ in TOLLS), None)
    return TOLLS[acl.lemma_] if acl is not None and acl.tag_ == "VBN" else None


# --- what is not a count -------------------------------------------------------------------------
def _in_time(number: Number, times: Sequence[TimeMention]) -> bool:
    """Dates and times are the time layer's: "Oct. 17", "January 28", "since 2014"."""
    return any(t.start < number.end and number.core < t.end for t in times)


def _is_name(f: Found) -> bool:
    """"Tower 22", "Resolution 2334", "No. 5": a label after a name or a label word."""
    root, start = f.span.root, f.span.start
    entity = next((e for e in f.doc.ents if e.start <= root.i < e.end), None)
    if entity is not None and entity.label_ in NAME_LABELS and not all(t.like_num for t in entity):
        return True
    if start == 0 or f.number.start < f.number.core:
        return False
    if _LABEL_BEFORE.search(text_of(f.doc)[max(0, f.number.core - 20):f.number.core]):
        return True
    prev = f.doc[start - 1]
    return (prev.pos_ == "PROPN" and (prev.is_title or prev.is_upper)
            and prev.ent_type_ not in ("DATE", "TIME"))


def _is_list_item(f: Found) -> bool:
    text, n = text_of(f.doc), f.number
    line = text[text.rfind("\n", 0, n.start) + 1:n.start].strip()
    return line in ("", "(", "[", "-", "•") and text[n.end:n.end + 1] in (".", ")", "]")


def _is_age(f: Found) -> bool:
    start = f.doc.char_span(f.number.start, f.number.end, alignment_mode="expand").start
    return start > 0 and f.doc[start - 1].lower_ in AGE_WORDS


def _is_clock(f: Found) -> bool:
    return f.span.root.ent_type_ == "TIME" or bool(_CLOCK.match(text_of(f.doc), f.number.end))


def _is_year(f: Found) -> bool:
    """A bare 1000..2100 with no comma, unless it counts a plural noun ("2000 troops")."""
    n = f.number
    if n.symbol or n.scaled or not n.low.is_integer() or not 1000 <= n.low <= 2100:
        return False
    plural = f.head is not None and f.head.tag_ in ("NNS", "NNPS")
    return text_of(f.doc)[n.core:n.core + 4].isdigit() and not plural


def _is_duration(f: Found) -> bool:
    return f.head is not None and f.head.lemma_.lower() in TIME_UNITS and not f.of_phrase


def _is_lone_one(f: Found) -> bool:
    """"one of them", "one that", "no one": "one" is a count only before its noun."""
    n = f.number
    return text_of(f.doc)[n.core:n.end].lower() == "one" and (f.head is None or f.of_phrase)


#: Every other reason a number is not a count, tried in order.
REJECTS: tuple[Callable[[Found], bool], ...] = (
    _is_name, _is_list_item, _is_age, _is_clock, _is_year, _is_duration, _is_lone_one)


# --- scopes and speakers -------------------------------------------------------------------------
def _anchors(f: Found) -> set[Token]:
    """Tokens a scope may hang on: the number, the counted phrase, and the path from it up to
    the head of its clause (not into other clauses, nor into other nouns' modifiers)."""
    token = f.head if f.head is not None else f.span.root
    anchors = set(f.span)
    if f.head is not None:
        anchors.update(f.doc[f.first:f.last + 1])
    while not _opens_clause(token):
        anchors.add(token)
        token = token.head
    anchors.add(token)
    return anchors


def _opens_clause(token: Token) -> bool:
    return (token.dep_ in CLAUSE_DEPS or token.head is token
            or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")))


def _time_scope(f: Found, anchors: set[Token], times: Sequence[TimeMention]) -> str | None:
    """The nearest time mention of the sentence that hangs on an anchor ("since Oct. 17")."""
    sentence = f.span.root.sent
    found = []
    for t in times:
        if sentence.start_char <= t.start < sentence.end_char:
            root = f.doc.char_span(t.start, t.end, alignment_mode="expand").root
            if root in anchors or root.head in anchors:
                found.append((abs(t.start - f.number.start), t.text))
    return min(found)[1] if found else None


def _place_scope(f: Found, anchors: set[Token]) -> str | None:
    """The nearest place phrase that hangs on an anchor: a place preposition whose object is a
    named place or a place noun ("in Iraq, Syria and Jordan", "across the region")."""
    found = []
    for anchor in anchors:
        for prep in anchor.children:
            obj = _child(prep, ("pobj",)) if prep.dep_ == "prep" else None
            if prep.lower_ in PLACE_PREPS and obj is not None and _is_place(obj):
                end = f.doc[_phrase_end(obj)]
                found.append((abs(prep.idx - f.number.start), prep.idx, end.idx + len(end)))
    if not found:
        return None
    _, start, end = min(found)
    return text_of(f.doc)[start:end]


def _is_place(token: Token) -> bool:
    return token.ent_type_ in PLACE_LABELS or token.lemma_.lower() in PLACE_NOUNS


def _phrase_end(token: Token) -> int:
    """The last token of a place's phrase: its conjuncts and "of" phrases, no other PPs."""
    ends = [_phrase_end(c) for c in token.rights
            if c.dep_ in PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ == "of")]
    return max([token.i, *ends])


def _speaker(start: int, quotes: Sequence[Quote]) -> str | None:
    """Who says the number: the fullest name the article gives, else the description."""
    for quote in quotes:
        if any(s <= start < e for s, e in quote.content):
            return quote.speaker_canonical or quote.descriptor or quote.speaker_text
    return None


# --- the layer -----------------------------------------------------------------------------------
def numeric_facts(doc: Doc, article_id: str, times: Sequence[TimeMention],
                  quotes: Sequence[Quote]) -> list[NumericFact]:
    """Every count and amount in ``doc`` (the parsed text of article ``article_id``), given the
    article's time mentions (numbers inside them are dates, and they give time scopes) and
    quotes (a number inside one gets the quote's speaker)."""
    stop = {i for t in times for i in range(*_token_range(doc, t.start, t.end))}
    facts = []
    for number in find_numbers(text_of(doc)):
        if _in_time(number, times):
            continue
        span = doc.char_span(number.core, number.end, alignment_mode="expand")
        found = _find_counted(number, span, stop)
        if not any(reject(found) for reject in REJECTS):
            facts.append(_fact(found, article_id, times, quotes))
    return facts


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.start, span.end


def _fact(f: Found, article_id: str, times: Sequence[TimeMention],
          quotes: Sequence[Quote]) -> NumericFact:
    """The fact: ``counted_span`` is the noun phrase as written; ``counted`` adds a toll's
    participle ("Iraqis killed" for "16 Iraqis were killed"), so it may not be a substring."""
    n, doc = f.number, f.doc
    counted = counted_span = None
    toll = _toll(f.head) or _toll(f.span.root)
    if f.head is not None:
        counted_span = (doc[f.first].idx, doc[f.last].idx + len(doc[f.last]))
        counted = text_of(doc)[slice(*counted_span)]
        if toll and f.head.lower_ not in TOLL_WORDS:
            counted = f"{counted} {toll}"
    elif toll:
        counted = toll  # "killing three": the predicate is all the text says is counted
    anchors = _anchors(f)
    return NumericFact(article_id, n.start, n.end, text_of(doc)[n.start:n.end], n.low, n.high,
                       n.hedge, counted, counted_span, _time_scope(f, anchors, times),
                       _place_scope(f, anchors), _speaker(n.start, quotes))


def interval(fact: NumericFact) -> tuple[float, float]:
    """The values a claim allows once its hedge is folded in: "at least 16" is 16..inf, "up to
    10" 0..10, "about 2,500" 2,250..2,750, "nearly 100" 90..100; an exact number is itself.
    Two outlets' claims agree when their intervals overlap."""
    low, high = INTERVALS.get(fact.hedge, (1.0, 1.0))
    return fact.low * low, math.inf if high == math.inf else fact.high * high


def unit_of(fact: NumericFact) -> str | None:
    """"%" for a percentage, an ISO currency code for money, None for a plain count."""
    if re.search(r"%|\bper\s*cent\b", fact.text, re.IGNORECASE):
        return "%"
    sign = re.search(r"US\$|[$€£]", fact.text)
    if sign:
        return CURRENCIES[sign.group()]
    word = (fact.counted or "").split(" ")[0].lower()
    return CURRENCY_WORDS.get(word)
