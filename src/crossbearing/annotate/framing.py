"""Framing in one article: the descriptors it gives the actors it names and the loaded words it
uses (said-verbs, framing verbs, evaluative and intensifying words, loaded nouns and labels,
distancing words and scare quotes, epistemic words), each marked with whose voice it is in.

Reads the parsed ``Doc`` of the annotation stage's one spaCy pass, the article's mentions and its
quotes; returns plain records with offsets. Three voices:

- ``quoted``: the item starts inside the content of a quote the quote annotator found, direct or
  reported speech ("Smith said the plan was draconian": the judgement is Smith's, not the
  outlet's); the record keeps the quote's key;
- ``reported``: someone else's designation ("designated as a terrorist organization by
  Washington": a label descriptor and the words in it), someone's judgement reported without
  quotation marks ("seen by many Democrats as giveaways"), or words in quotation marks that the
  quote annotator did not take as speech (a scare-quoted or cited term): the outlet writes them
  but does not take them as its own;
- ``own``: everything else, the outlet's own wording. A said-verb that introduces a quote
  ("Smith slammed the plan") stands outside the quote's content and is the outlet's own.

Quotation marks around a short phrase that nobody is quoted as saying are themselves a choice of
the outlet, a scare quote: recorded as a loaded item of its own (category ``distancing``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence, TYPE_CHECKING

from crossbearing.annotate.cues import CUE_VERBS, STATEMENT_NOUNS
from crossbearing.annotate.descriptors import (
    LABEL_VERBS,
    NAME_LABELS,
    Found,
    capitalised_in_sentence,
    find_descriptors,
    token_owners,
)
from crossbearing.annotate.lexicon import Lexicon, LexiconEntry, Match, bundled_lexicon
from crossbearing.annotate.nlp import text_of
from crossbearing.annotate.quotemarks import quote_runs
from crossbearing.model import Descriptor, LoadedTerm, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

OWN = "own"
QUOTED = "quoted"
REPORTED = "reported"
#: Dependencies that tie a loaded word to a name: its object ("assassinated Saadi"), passive
#: subject ("Saadi was martyred"), possessor or modifier ("US aggression").
LINKING_DEPS = frozenset({"dobj", "nsubjpass", "poss", "compound", "nmod", "appos"})
#: Prepositions that tie a loaded noun to a name: "the assassination of Saadi".
LINKING_PREPS = frozenset({"of", "against", "on", "by"})
#: The entry of a scare quote: quotation marks the outlet puts around a term nobody is quoted
#: as saying.
SCARE_QUOTES = LexiconEntry(
    "scare quotes", "distancing", "distancing", None,
    "Quotation marks around a term that nobody is quoted as saying: the outlet keeps the term at "
    "arm's length.", "Predelli 2003, 'Scare quotes and their relation to other semantic issues'")
#: Particles that complete a verb ("beat up", "shot down"), kept with it.
PHRASAL_PARTICLES = frozenset({"on", "off", "up", "down", "out", "back", "away"})
#: Prepositions that give a verb of attack its target ("railed against", "scoffed at"), kept
#: with it; not "on" or "in", which also give times and places ("slammed on Monday").
ATTACK_PREPOSITIONS = frozenset({"against", "at"})
#: Verbs whose "as" complement or object predicate is their subject's (or agent's) judgement:
#: "seen by critics as a giveaway", "slammed the plan as reckless", "called it a disaster".
JUDGING_VERBS = LABEL_VERBS | frozenset({
    "see", "view", "regard", "perceive", "deem", "judge", "paint", "cast", "depict", "frame",
    "denounce", "decry", "condemn", "dismiss", "criticize", "criticise", "slam", "blast",
    "attack", "assail", "deride", "ridicule", "mock", "praise", "hail", "tout", "laud",
    "herald", "celebrate", "present", "pitch", "sell", "bill", "style", "nickname"})
#: Adverbs of degree kept with the loaded word they grade ("very shrill", "so brazen").
DEGREE_ADVERBS = frozenset({"very", "so", "too", "most", "more", "less", "least", "rather",
                            "quite", "pretty", "fairly", "somewhat"})
#: "-ly" adverbs of time, frequency, focus or likelihood, which grade nothing.
NON_GRADING_LY = frozenset({
    "recently", "lately", "early", "previously", "formerly", "currently", "initially",
    "finally", "eventually", "subsequently", "originally", "immediately", "quickly", "shortly",
    "daily", "weekly", "monthly", "yearly", "annually", "only", "merely", "simply", "mostly",
    "largely", "partly", "mainly", "nearly", "likely", "probably", "possibly", "really",
    "usually", "generally", "typically", "frequently", "occasionally", "repeatedly", "publicly",
    "privately", "reportedly", "allegedly", "apparently", "certainly", "actually",
    "unfortunately", "fortunately", "especially", "particularly", "directly", "personally"})
#: Most words a scare quote holds: longer quoted runs are quotations.
SCARE_QUOTE_WORDS = 4
#: Words that put quotation marks on someone's account: a sentence holding one of these (a verb
#: of saying, naming or judging speech, a noun for a statement or a cited term) quotes its
#: quoted runs rather than doubts them ('He called the comments "unacceptable"').
_ATTRIBUTING = frozenset(CUE_VERBS) | STATEMENT_NOUNS | frozenset({
    "name", "nickname", "title", "entitle", "know", "refer", "coin", "blame", "condemn",
    "denounce", "praise", "question", "dispute", "reject", "dismiss", "welcome", "defend", "mock",
    "ridicule", "decry", "slam", "attack", "chant", "shout", "sing", "sign", "banner",
    "suggestion", "word", "phrase", "concept", "notion", "slogan", "motto", "hashtag",
    "headline", "line", "subject", "caption", "quote", "quotation", "voice", "tone"})
#: Categories of words for a speaker's or a doer's act: tied first to the subject of their verb.
_DOER_CATEGORIES = frozenset({"said-verb", "framing-verb", "evaluative", "intensifier",
                              "distancing", "epistemic"})
_WORD = re.compile(r"\w+")


class Voices:
    """Whose voice a span of text is in: a quote's (the quote whose content holds its start),
    someone else's label or cited term (a ``reported`` span holding it), or the outlet's own."""

    def __init__(self, quotes: Sequence[Quote], reported: Sequence[tuple[int, int]]):
        self._spans = sorted((start, end, (q.start, q.end))
                             for q in quotes for start, end in q.content)
        self._starts = [s for s, _, _ in self._spans]
        self._reported = reported

    def of(self, start: int, end: int) -> tuple[str, tuple[int, int] | None]:
        """(``quoted``, the quote's key), (``reported``, None) or (``own``, None)."""
        index = bisect_right(self._starts, start)
        for s, e, key in reversed(self._spans[:index]):
            if s <= start < e:
                return QUOTED, key
        if any(s <= start and end <= e for s, e in self._reported):
            return REPORTED, None
        return OWN, None


def framing_annotations(doc: Doc, article_id: str, mentions: Sequence[Mention],
                        quotes: Sequence[Quote], lexicon: Lexicon | None = None,
                        titles: frozenset[str] | None = None
                        ) -> tuple[list[Descriptor], list[LoadedTerm]]:
    """The descriptors and loaded words of one parsed article, in text order, by ``lexicon``
    and the title words ``titles`` (default the bundled ones)."""
    text = text_of(doc)
    owner, spans = token_owners(doc, mentions)
    found = find_descriptors(doc, owner, spans, titles)
    marked = _unattributed_runs(text, quotes)
    labels = [(doc[f.first].idx, _end_char(doc[f.last])) for f in found if f.kind == "label"]
    voices = Voices(quotes, labels + [(s, e) for s, e, _ in marked] + _judged_as(doc))
    descriptors = [_descriptor(doc, text, article_id, f, voices) for f in found]
    terms = []
    matches = (lexicon or bundled_lexicon()).find(doc)
    taken = {i for m in matches for i in range(m.first, m.last + 1)}
    for match in matches:
        if _in_name(match, owner) or _name_word(doc, match) or _compound_tail(doc, match):
            continue
        target = _target(doc, match, owner, found)
        if match.entry.sense == "actor" and target is None:
            continue
        terms.append(_term(doc, text, article_id, match, target, voices, taken))
    terms += _scare_quotes(doc, text, article_id, marked, owner, found)
    terms.sort(key=lambda t: (t.start, t.end))
    return descriptors, terms


def _judged_as(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of someone's judgement reported without quotation marks: the "as"
    complement or the object predicate of a verb of seeing, judging, naming or portraying
    ("seen by many Democrats as giveaways", "slammed the plan as a giveaway", "called the plan
    a disaster", "branded the activists a mob"). The words are the judge's, not the outlet's;
    the verb stays the outlet's."""
    spans = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in JUDGING_VERBS:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        heads = objects[1:]  # "branded the activists a mob": the second object is the label
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                heads += [g for g in child.children if g.dep_ in ("pobj", "acomp", "amod")]
            elif child.dep_ == "oprd":
                heads.append(child)
        spans += [(h.left_edge.idx, _end_char(h.right_edge)) for h in heads]
    return spans


def _descriptor(doc: Doc, text: str, article_id: str, f: Found, voices: Voices) -> Descriptor:
    start, end = doc[f.first].idx, _end_char(doc[f.last])
    voice = voices.of(start, end)
    m = f.mention
    return Descriptor(article_id, start, end, text[start:end], f.kind, (m.start, m.end),
                      m.actor_id, m.canonical, *voice)


def _term(doc: Doc, text: str, article_id: str, match: Match, target: Mention | None,
          voices: Voices, taken: set[int]) -> LoadedTerm:
    first, last = _phrase(doc, match, taken)
    start, end = doc[first].idx, _end_char(doc[last])
    entry = match.entry
    return LoadedTerm(article_id, start, end, text[start:end], entry.term, entry.category,
                      entry.tag, entry.neutral, (target.start, target.end) if target else None,
                      target.actor_id if target else None, target.canonical if target else None,
                      *voices.of(start, end))


def _phrase(doc: Doc, match: Match, taken: set[int]) -> tuple[int, int]:
    """The tokens of the loaded word with the adverbs that grade it, written just before it
    ("deeply cynical", "openly mocked", "very shrill"), and the particle or the
    preposition of attack that completes a one-word verb ("railing against"): the phrase that
    carries the judgement. Words of another match (``taken``) stay with that match."""
    first, last = match.first, match.last
    head = doc[first]
    while first > 0 and first - 1 not in taken and doc[first - 1].dep_ == "advmod" \
            and doc[first - 1].head.i in (head.i, first) and _grading(doc[first - 1]):
        first -= 1
    if match.first == match.last and head.pos_ == "VERB" and last + 1 < len(doc) \
            and last + 1 not in taken:
        following = doc[last + 1]
        if following.head.i == head.i and (
                following.dep_ == "prt" and following.lower_ in PHRASAL_PARTICLES
                or following.dep_ == "prep" and following.lower_ in ATTACK_PREPOSITIONS):
            last += 1
    return first, last


def _grading(token: Token) -> bool:
    """An adverb of degree ("very", "so") or of manner ("deeply", "openly"), not one of
    time, frequency or focus ("also", "recently", "immediately", "only")."""
    word = token.lower_
    if token.pos_ != "ADV" or not token.is_alpha:
        return False
    return word in DEGREE_ADVERBS or word.endswith("ly") and word not in NON_GRADING_LY


def _end_char(token: Token) -> int:
    return token.idx + len(token.text)


def _in_name(match: Match, owner: dict[int, Mention]) -> bool:
    """The word is part of a name ("Islamic Resistance"), not the writer's choice; NORP mentions
    ("pro-Iranian", "Zionist") are words and do not count."""
    first = owner.get(match.first)
    return (first is not None and first.label in NAME_LABELS
            and all(owner.get(i) is first for i in range(match.first, match.last + 1)))


def _name_word(doc: Doc, match: Match) -> bool:
    """A capitalised word inside a sentence that the parser reads as (part of) a proper name
    ("the Islamic Resistance quipped", "the Freedom Caucus") where no mention covers it: a name,
    not the writer's wording."""
    tokens = doc[match.first:match.last + 1]
    return all(capitalised_in_sentence(t) and (t.pos_ == "PROPN" or t.ent_type_) for t in tokens)


def _compound_tail(doc: Doc, match: Match) -> bool:
    """The word ends a hyphenated compound ("anti-terror", "counter-terrorism"), which can mean
    the opposite of the word alone."""
    i = match.first
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ \
        and not doc[i - 1].whitespace_


def _unattributed_runs(text: str, quotes: Sequence[Quote]) -> list[tuple[int, int, bool]]:
    """Quotation-mark runs (one paragraph, closed) that no quote's content overlaps:
    ``(start, end, short)``, marks included; ``short`` when it holds at most
    ``SCARE_QUOTE_WORDS`` words."""
    taken = [span for q in quotes for span in q.content]
    runs = []
    for run in quote_runs(text):
        if len(run.parts) != 1 or not run.closed:
            continue
        start, end = run.parts[0]
        if any(s < end and start < e for s, e in taken):
            continue
        words = len(_WORD.findall(text, start, end))
        runs.append((start, end, 0 < words <= SCARE_QUOTE_WORDS))
    return runs


def _scare_quotes(doc: Doc, text: str, article_id: str, marked: list[tuple[int, int, bool]],
                  owner: dict[int, Mention], found: list[Found]) -> list[LoadedTerm]:
    """Short quoted terms in a sentence that attributes nothing to anyone (no verb of saying or
    naming, no statement, no cited term), and not a title or a name (every content word
    capitalised: "Meet the Press")."""
    terms = []
    for start, end, short in marked:
        span = doc.char_span(start, end, alignment_mode="expand")
        if not short or span is None:
            continue
        words = [t for t in span if t.is_alpha]
        content = [t for t in words if not t.is_stop] or words
        # title case, the first word included (see descriptors.capitalised_in_sentence)
        if not words or all(t.text[:1].isupper() for t in content) or _attributed(span):
            continue
        inner = Match(SCARE_QUOTES, words[0].i, words[-1].i)
        target = _target(doc, inner, owner, found)
        terms.append(LoadedTerm(article_id, start, end, text[start:end], SCARE_QUOTES.term,
                                SCARE_QUOTES.category, SCARE_QUOTES.tag, None,
                                (target.start, target.end) if target else None,
                                target.actor_id if target else None,
                                target.canonical if target else None, OWN, None))
    return terms


def _attributed(span) -> bool:
    """The quoted run's sentence holds a word that attributes it: a verb of saying or naming, a
    statement, a cited term."""
    sentence = span.sent
    return any(t.lemma_.lower() in _ATTRIBUTING for t in sentence
               if not span.start <= t.i < span.end)


def _target(doc: Doc, match: Match, owner: dict[int, Mention], found: list[Found]) -> Mention | None:
    """The actor a loaded word is about: the one whose descriptor holds it; else, for a word of
    a speaker's or doer's act, the subject of its verb ("Smith slammed", "Smith was brash",
    "Smith brazenly ignored"); else a name the parse links it to directly ("assassinated Saadi",
    "US aggression"); else, for a word qualifying a noun, whose the noun is ("Israel's
    atrocious onslaught")."""
    for f in found:
        if f.first <= match.first and match.last <= f.last:
            return f.mention
    tokens = doc[match.first:match.last + 1]
    inside = range(match.first, match.last + 1)
    if match.entry.category in _DOER_CATEGORIES:
        for subject in _subjects(tokens.root):
            if subject.i in owner and subject.i not in inside:
                return owner[subject.i]
    for token in tokens:
        for neighbour in _linked(token):
            if neighbour.i in owner and neighbour.i not in inside:
                return owner[neighbour.i]
    root = tokens.root
    if root.dep_ in ("amod", "compound") and root.head.pos_ == "NOUN":
        # a word that qualifies a noun is about whose the noun is: "Israel's atrocious
        # onslaught", "a historic operation by Hamas", "the Hamas resistance group"
        for neighbour in _owners_of(root.head):
            if neighbour.i in owner and neighbour.i not in inside:
                return owner[neighbour.i]
    return None


def _owners_of(noun: Token) -> list[Token]:
    """Whose a noun is: its possessor, a name compounded with it, or the agent after "by"."""
    found = [c for c in noun.children if c.dep_ in ("poss", "compound")]
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def _subjects(head: Token) -> list[Token]:
    """Who does what the word says: the subject of a verb, or of the verb an adjective or an
    adverb qualifies; a passive verb's agent ("was slammed by Smith" is about Smith's act)."""
    if head.pos_ in ("VERB", "AUX"):
        verb = head
    elif head.dep_ in ("acomp", "advmod", "oprd") and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    else:
        return []
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    for child in verb.children:
        if child.dep_ == "agent":
            found.extend(g for g in child.children if g.dep_ == "pobj")
    if not found and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ == "VERB":
        found = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return found


def _linked(token: Token) -> list[Token]:
    linked = [token.head] if token.dep_ in ("amod", "compound", "nmod") else []
    for child in token.children:
        if child.dep_ in LINKING_DEPS:
            linked.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in LINKING_PREPS:
            linked.extend(g for g in child.children if g.dep_ == "pobj")
    return linked
