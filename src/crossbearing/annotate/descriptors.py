"""Descriptors of named actors, read from the dependency parse.

How an article describes an actor it names, in five constructions:

- appositive: "Kataib Hezbollah, an Iran-backed militia," and, the other way round, "a Kataib
  Hezbollah commander, Abu Baqir al-Saadi," (the noun phrase describes the name that follows it);
  a surface rule also catches "X (IRI) – an umbrella group of ... –", which the parser often
  attaches elsewhere;
- premodifier: "the Iran-backed Kataib Hezbollah", "the pro-Iranian militia Kataib Hezbollah",
  "senior commander Abu Baqir al-Saadi";
- predicate: "X is an umbrella group of ...", "X became ...", "X remains ...";
- relative: "X, who was martyred in a US airstrike," and reduced ones ("X, killed on Wednesday,");
- label: "X was designated as a terrorist organization", "X, listed as ...", "the US designated
  X a terrorist organization".

Each is returned as a token range with the mention it describes; :mod:`framing` turns them into
:class:`~crossbearing.model.Descriptor` records. A descriptor must say something about the actor:
one made only of honorifics, titles, offices, roles, names, nationalities and party names ("Mr.",
"Gov.", "House Speaker", "former President", "a Democrat from Ohio") identifies the actor and is
dropped (``data/framing_titles.txt`` lists the title words, and the titles a name carries are
those of :data:`crossbearing.annotate.names.TITLES`); "the embattled governor" and "an eccentric
longtime strategist" are kept. Labels and relative clauses always say something.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Sequence, TYPE_CHECKING

from crossbearing.annotate.names import TITLES as NAME_TITLES
from crossbearing.annotate.nlp import text_of
from crossbearing.knowledge.bundle import Knowledge
from crossbearing.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Longest descriptor kept, in tokens: beyond it the parse has usually swallowed a clause.
MAX_TOKENS = 30
#: Dependencies of a word before a name that describe it ("Iran-backed", "militia").
PREMODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
#: Verbs whose complement is a classification: "designated as", "listed as", "branded".
LABEL_VERBS = frozenset({"designate", "list", "label", "brand", "classify", "blacklist", "dub",
                         "term", "deem", "consider", "describe", "call", "declare", "recognise",
                         "recognize", "characterise", "characterize", "portray"})
#: Verbs of a predicate nominal: "X is a group".
COPULAS = frozenset({"be", "become", "remain"})
#: Mention types that are names (NORP, "Iraqi", "pro-Iranian", is a describing word).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"})
#: A paragraph break, which no descriptor crosses (the parser may run a sentence over one).
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
#: Punctuation that opens an appositive the parser may have missed.
APPOSITIVE_OPENERS = frozenset({",", "–", "—", "-", "--"})
#: Kinds of descriptor that say something by their construction: someone's label, a clause.
ALWAYS_KEPT = frozenset({"label", "relative"})
#: Entity types whose words name or place an actor rather than describe it.
IDENTIFYING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "DATE",
                                  "CARDINAL", "ORDINAL", "TIME"})


@dataclass(frozen=True)
class Found:
    """A descriptor as tokens ``first`` to ``last`` (inclusive) of the mention it describes."""

    first: int
    last: int
    kind: str
    mention: Mention


def token_owners(doc: Doc, mentions: Sequence[Mention]
                 ) -> tuple[dict[int, Mention], list[tuple[Mention, Span]]]:
    """Which mention each token belongs to, and each mention with its token span."""
    owner: dict[int, Mention] = {}
    spans: list[tuple[Mention, Span]] = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        spans.append((mention, span))
        for i in range(span.start, span.end):
            owner[i] = mention
    return owner, spans


def find_descriptors(doc: Doc, owner: dict[int, Mention], spans: list[tuple[Mention, Span]],
                     titles: frozenset[str] | None = None) -> list[Found]:
    """Every descriptor of every mention, one per range and mention; of two of one kind starting
    at the same word for the same mention (the parse's appositive and the surface rule's), the
    shorter. ``titles``: the title words (default the bundled ones, :func:`title_words`)."""
    found: list[Found] = []
    for mention, span in spans:
        found.extend(_of_mention(doc, span, mention, owner))
    found.extend(_labels(doc, owner))
    shortest: dict[tuple[int, int, str], Found] = {}
    for item in found:
        key = (item.first, item.mention.start, item.kind)
        kept = shortest.get(key)
        if kept is None or item.last < kept.last:
            shortest[key] = item
    unique = list({(f.first, f.last, f.mention.start): f for f in shortest.values()}.values())
    kept = [f for f in unique
            if f.kind in ALWAYS_KEPT or says_something(doc, f.first, f.last, owner, titles)]
    return sorted(kept, key=lambda f: (f.first, f.last))


def says_something(doc: Doc, first: int, last: int, owner: dict[int, Mention],
                   titles: frozenset[str] | None = None) -> bool:
    """Tokens ``first`` to ``last`` hold a word that describes rather than identifies: not a
    function word, number, name, nationality, party, or a title word (``titles``, default the
    bundled ones: :func:`title_words`)."""
    titles = title_words() if titles is None else titles
    for token in doc[first:last + 1]:
        if not token.is_alpha or token.is_stop or token.i in owner:
            continue
        if token.ent_type_ in IDENTIFYING_ENTITIES or token.lower_ in titles:
            continue
        if capitalised_in_sentence(token) or (token.pos_ == "PROPN" and not token.is_sent_start):
            continue  # part of a name or a title
        return True
    return False


def capitalised_in_sentence(token: Token) -> bool:
    """A word written with a capital inside a sentence, where the capital is not the sentence's.

    The framing layer asks three times whether capitals make words a name, with rules that
    differ on purpose:

    - a descriptor word (:func:`says_something`): any such word, or a proper noun, identifies
      ("the Senate Republican leader"): a descriptor is dropped when nothing else is left, so
      the rule errs towards calling a word part of a name;
    - a loaded word (``framing._name_word``): such a word only where the parser also reads it
      as a name (a proper noun or an entity), since a loaded word is kept or lost on this alone
      and a word capitalised for emphasis or in a title-case line is still the writer's;
    - a scare-quoted term (``framing._scare_quotes``): every content word capitalised, the
      first included (a title or a name in quotation marks, "Meet the Press"), since the
      quotation marks start a new phrase whatever its place in the sentence.
    """
    return token.text[:1].isupper() and not token.is_sent_start


#: The file of title words (its name in ``knowledge.files``), beside the titles a name carries
#: (``names.TITLES``).
TITLES_FILE = "framing_titles"


def title_words(knowledge: Knowledge | None = None) -> frozenset[str]:
    """Honorifics, titles, offices, roles and their modifiers (``data/framing_titles.txt`` of
    ``knowledge``, default the bundled one), and the titles a name carries, which name matching
    leaves out (``names.TITLES``: "Hajj", "Sayyid", "prime")."""
    return _title_words((knowledge or Knowledge.bundled()).text(TITLES_FILE))


@lru_cache(maxsize=4)
def _title_words(text: str) -> frozenset[str]:
    listed = {line.split("#", 1)[0].strip().lower() for line in text.splitlines()}
    return frozenset(listed - {""}) | NAME_TITLES


def _of_mention(doc: Doc, span: Span, mention: Mention, owner: dict[int, Mention]) -> Iterator[Found]:
    root = span.root
    for kind, first, last in (*_appositives(doc, span, root, owner), *_premodifiers(span, root),
                              *_predicates(root), *_relatives(span, root)):
        trimmed = _trim(doc, first, last, owner, mention, kind == "premodifier")
        if trimmed is not None and _describes(doc, trimmed, owner):
            yield Found(trimmed[0], trimmed[1], kind, mention)


def _appositives(doc: Doc, span: Span, root: Token,
                 owner: dict[int, Mention]) -> Iterator[tuple[str, int, int]]:
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and _common_noun(child, owner):
            yield "appositive", child.left_edge.i, child.right_edge.i
    head = root.head
    if root.dep_ == "appos" and head.i < span.start and _common_noun(head, owner):
        between = doc[head.i + 1:span.start]
        kind = "appositive" if any(t.is_punct for t in between) else "premodifier"
        yield kind, head.left_edge.i, head.i
    surface = _surface_appositive(doc, span)
    if surface is not None:
        yield "appositive", *surface


def _surface_appositive(doc: Doc, span: Span) -> tuple[int, int] | None:
    """"X (IRI) – an umbrella group of ... –": a punctuation mark, then "a"/"an", after the name
    (and after an acronym in brackets), up to the matching mark or the sentence's end."""
    i = span.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3
    if i + 1 >= len(doc) or doc[i].text not in APPOSITIVE_OPENERS or not doc[i - 1].whitespace_ \
            and doc[i].text != ",":
        return None
    article = doc[i + 1]
    if article.lower_ not in ("a", "an") or article.sent.start != span.sent.start:
        return None
    end = article.sent.end
    closer = next((j for j in range(i + 2, end) if doc[j].text == doc[i].text
                   or doc[j].text in (".", ";", ")")), end)
    return article.i, closer - 1


def _describes(doc: Doc, tokens: tuple[int, int], owner: dict[int, Mention]) -> bool:
    """A descriptor has a content word of its own: not "two other", not only another name
    ("Israel" in "the Israel-Hamas war")."""
    return any(not (t.is_stop or t.is_punct or t.is_space or t.like_num)
               and (t.i not in owner or owner[t.i].label not in NAME_LABELS)
               for t in doc[tokens[0]:tokens[1] + 1])


def _common_noun(token: Token, owner: dict[int, Mention]) -> bool:
    """A describing noun, not another name: "an Iran-backed militia", not "(IRI)"."""
    return token.pos_ == "NOUN" and token.i not in owner


def _premodifiers(span: Span, root: Token) -> Iterator[tuple[str, int, int]]:
    before = [c for c in root.children if c.i < span.start and c.dep_ in PREMODIFIER_DEPS]
    if before:
        yield "premodifier", min(c.left_edge.i for c in before), span.start - 1


def _predicates(root: Token) -> Iterator[tuple[str, int, int]]:
    head = root.head
    if root.dep_ != "nsubj" or head.lemma_ not in COPULAS or head.i < root.i:
        return
    for child in head.children:
        if child.dep_ == "attr" and child.i > root.i:
            yield "predicate", child.left_edge.i, child.right_edge.i


def _relatives(span: Span, root: Token) -> Iterator[tuple[str, int, int]]:
    for child in root.children:
        if child.i < span.end or child.lemma_ in LABEL_VERBS:
            continue
        if child.dep_ == "relcl" or (child.dep_ == "acl" and child.tag_ == "VBN"):
            yield "relative", child.left_edge.i, child.right_edge.i


def _labels(doc: Doc, owner: dict[int, Mention]) -> Iterator[Found]:
    """"designated as a terrorist organization": a labelling verb, the actor it labels (its
    passive subject, its object, or the name it qualifies) and the label."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_ not in LABEL_VERBS:
            continue
        target = _labelled(verb, owner)
        label = _label_phrase(verb, owner)
        if target is None or label is None:
            continue
        trimmed = _trim(doc, verb.i, label.right_edge.i, {}, target)
        if trimmed is not None:
            yield Found(trimmed[0], trimmed[1], "label", target)


def _labelled(verb: Token, owner: dict[int, Mention]) -> Mention | None:
    """Who the verb labels: the name it qualifies ("X, listed as"), its passive subject or
    object, or, fronted ("Designated as ..., X has"), the subject of the clause it opens."""
    if verb.dep_ in ("acl", "relcl") and verb.head.i in owner:
        return owner[verb.head.i]
    candidates = list(verb.children)
    if verb.dep_ == "advcl" and verb.i < verb.head.i:
        candidates += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for child in candidates:
        if child.dep_ in ("nsubjpass", "dobj", "nsubj") and child.i in owner and child.i != verb.i:
            if child.dep_ != "nsubj" or child.head is not verb:
                return owner[child.i]
    return None


def _label_phrase(verb: Token, owner: dict[int, Mention]) -> Token | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and objects[0].i not in owner:
                return objects[0]
        if child.dep_ in ("oprd", "dobj", "attr") and child.pos_ == "NOUN" and child.i not in owner:
            return child
    return None


def _trim(doc: Doc, first: int, last: int, owner: dict[int, Mention], mention: Mention,
          strip_determiner: bool = False) -> tuple[int, int] | None:
    """The range without edge punctuation (and a leading determiner, which belongs to the whole
    noun phrase of a premodifier), inside one sentence; None when empty, too long, or only the
    mention's own tokens (``owner`` given)."""
    sentence = doc[first].sent
    last = min(last, sentence.end - 1)
    while first <= last and (doc[first].is_punct or doc[first].is_space
                             or (strip_determiner and doc[first].dep_ == "det")):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if first > last:
        return None
    first, last = _within_paragraph(doc, first, last, strip_determiner)
    if last - first + 1 > MAX_TOKENS:
        return None
    if owner and all(owner.get(i) is mention for i in range(first, last + 1)):
        return None
    return first, last


def _within_paragraph(doc: Doc, first: int, last: int, before_name: bool) -> tuple[int, int]:
    """The part of the range on the name's side of a paragraph break: after the last break for
    a premodifier (which ends at the name), before the first for the rest."""
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    breaks = list(PARAGRAPH_BREAK.finditer(text_of(doc), start, end))
    if not breaks:
        return first, last
    if before_name:
        cut = breaks[-1].end()
        while first < last and (doc[first].idx < cut or doc[first].is_space):
            first += 1
    else:
        cut = breaks[0].start()
        while last > first and (doc[last].idx >= cut or doc[last].is_space):
            last -= 1
    return first, last
