"""Who a quote's speaker is: a name, a pronoun or a description resolved to an actor, or left
unresolved with its description kept.

News names a speaker once and then refers back: "he added", "it said", "the group added",
"the cleric noted", "the statement read". Speakers are resolved in text order against what came
before:

- a **name** takes the identity of the mention it lies in (its knowledge-base actor and fullest
  name); a name the model did not mark keeps its own words as canonical name;
- a **pronoun** takes the nearest earlier speaker of a compatible kind (he/she: a person;
  it/its: an organisation or a country; they: an organisation, a people or a plural speaker),
  a speaker of the last few paragraphs first, else the nearest such name outside quotation marks;
- a **definite description** ("the cleric", "the official", "the group", "the Resistance")
  takes the most recent earlier speaker, else name, of its kind (a person for "the cleric", an
  organisation for "the group"); a capitalised one ("the Resistance", "Iraqi Resistance")
  only one whose name has that word. "The statement" goes to whoever last issued a statement,
  else the last organisation that spoke. The description is kept as ``descriptor``;
- a **role** ("the secretary general of Harakat al-Nujaba", "the group's spokesman", "Kataib
  Hezbollah's leader") is the one person the article names whom the knowledge base gives that
  role in that organisation (leader-of, spokesperson-of);
- an **indefinite description** ("a US defense official", "sources") is someone new: it is never
  given a name (``speaker_actor`` and ``speaker_canonical`` stay None), only its ``descriptor``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from spacy.tokens import Doc, Token

from crossbearing.annotate.nlp import text_of
from crossbearing.kb.actors import ActorBase, actor_base
from crossbearing.model import Mention, Quote

if TYPE_CHECKING:
    from crossbearing.annotate.cues import Attribution

PERSON, ORG, GPE, NORP, PLURAL = "PERSON", "ORG", "GPE", "NORP", "PLURAL"
#: What each pronoun can refer to.
PRONOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("he", "him", "his", "she", "her", "hers"), frozenset({PERSON})),
    **dict.fromkeys(("it", "its"), frozenset({ORG, GPE})),
    **dict.fromkeys(("they", "them", "their"), frozenset({ORG, NORP, PLURAL})),
}
#: Head nouns of descriptions of people.
PERSON_NOUNS = frozenset({
    "cleric", "official", "spokesman", "spokeswoman", "spokesperson", "commander", "leader",
    "minister", "president", "secretary", "general", "chief", "head", "officer", "source",
    "diplomat", "lawmaker", "senator", "representative", "ambassador", "envoy", "analyst",
    "expert", "adviser", "advisor", "aide", "man", "woman", "resident", "witness", "director",
    "candidate", "nominee", "governor", "mayor", "judge", "prosecutor", "lawyer", "attorney",
    "activist", "author", "researcher", "economist", "professor", "scholar", "sheikh", "imam",
    "ayatollah", "cardinal", "priest", "militant", "fighter", "soldier", "colonel", "brigadier",
    "major", "captain", "lieutenant", "member", "deputy", "chairman", "chairwoman", "chair",
    "founder", "manager", "executive", "ceo", "emir", "king", "prince", "queen", "premier",
    "doctor", "pundit", "host", "strategist", "operative", "staffer", "campaigner", "organizer",
    "officials", "people", "sources", "person", "father", "mother", "son", "daughter", "wife",
    "husband", "veteran", "voter", "supporter", "critic", "observer", "correspondent", "reporter"})
#: Head nouns of descriptions of organisations (and of groups that act as one).
ORG_NOUNS = frozenset({
    "group", "movement", "resistance", "militia", "faction", "organisation", "organization",
    "party", "coalition", "alliance", "government", "ministry", "agency", "army", "military",
    "command", "company", "firm", "campaign", "administration", "committee", "council", "office",
    "department", "force", "forces", "network", "front", "brigade", "brigades", "battalion",
    "union", "association", "foundation", "institute", "centre", "center", "bank", "court",
    "commission", "authority", "authorities", "regime", "cabinet", "parliament", "congress",
    "senate", "board", "team", "outlet", "newspaper", "channel", "body", "bureau", "service",
    "mission", "embassy", "consulate", "police", "pentagon", "caucus", "axis"})
#: Head nouns of descriptions of countries.
GPE_NOUNS = frozenset({"country", "countries", "state", "states", "nation", "nations", "capital",
                       "kingdom", "republic"})
#: Documents that speak for whoever issued them.
DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "release",
                            "announcement", "message", "letter", "post", "tweet", "video",
                            "report", "filing"})
#: Determiners that make a description point back to someone already named.
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: How many paragraphs back a speaker stays the first choice for a pronoun or description.
SPEAKER_WINDOW = 3
_LABEL_KINDS = {"PERSON": PERSON, "ORG": ORG, "GPE": GPE, "NORP": NORP, "FAC": GPE, "LOC": GPE}


@dataclass(frozen=True)
class Identity:
    """Who spoke, as far as the text tells: the span naming them and what it resolves to."""

    span: tuple[int, int] | None
    text: str | None
    actor: str | None
    canonical: str | None
    descriptor: str | None
    kinds: frozenset[str]
    position: int
    statement: bool = False


class SpeakerResolver:
    """Resolves the speakers of one article's attributions, given in text order, remembering
    who has spoken so far."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], quoted: list[tuple[int, int]],
                 actors: ActorBase | None = None):
        self.doc = doc
        self.actors = actors or actor_base()
        self.text = text_of(doc)
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.outside = [m for m in self.mentions
                        if not any(s <= m.start < e for s, e in quoted)]
        self.history: list[Identity] = []
        self.done: dict[int, Identity | None] = {}
        self.breaks = [m.end() for m in re.finditer(r"\n\s*", self.text)]

    def quote(self, article_id: str, attribution: Attribution) -> Quote:
        """The :class:`Quote` for ``attribution``, its speaker resolved."""
        identity = self._identity_of(attribution)
        if attribution.speaker is not None and identity is not None:
            self.history.append(identity)
        return Quote(article_id=article_id, content=tuple(sorted(attribution.content)),
                     cue=attribution.cue, speaker=identity.span if identity else None,
                     speaker_text=identity.text if identity else None,
                     speaker_actor=identity.actor if identity else None,
                     speaker_canonical=identity.canonical if identity else None,
                     descriptor=identity.descriptor if identity else None,
                     kind=attribution.kind)

    def _identity_of(self, attribution: Attribution) -> Identity | None:
        """The attribution's speaker; a quote with no speaker of its own has the one it
        continues."""
        key = id(attribution)
        if key not in self.done:
            if attribution.speaker is None:
                previous = attribution.continues
                self.done[key] = self._identity_of(previous) if previous is not None else None
            else:
                self.done[key] = self._identify(attribution)
        return self.done[key]

    def _identify(self, attribution: Attribution) -> Identity:
        """Who the attribution's own speaker span stands for: a pronoun, a name, a description
        (pointing back, or new), in that order of tests."""
        head, span = attribution.head, attribution.speaker
        mention = self._mention_for(head)
        if mention is not None and mention.start <= head.idx < mention.end:
            span = (min(span[0], mention.start), max(span[1], mention.end))
        text = self.text[span[0]:span[1]]
        statement = attribution.statement
        if head.lower_ in PRONOUNS:
            found = self._antecedent(PRONOUNS[head.lower_], span[0], None, False)
            return self._as(found, span, text, found.descriptor if found else None, statement,
                            PRONOUNS[head.lower_])
        kinds = _description_kinds(head)
        holder = self._role_holder(head) if mention is None else None
        if holder is not None:
            return Identity(span, text, holder.actor_id, holder.canonical, text,
                            frozenset({PERSON}), span[0], statement)
        if mention is not None and (mention.actor_id or not kinds):
            return Identity(span, text, mention.actor_id, mention.canonical, _apposition(head),
                            _mention_kinds(mention), span[0], statement)
        if kinds and (mention is not None or _anaphoric(head)):
            word = head.text if head.text[:1].isupper() else None
            document = head.lemma_.lower() in DOCUMENT_NOUNS
            found = (self._same_description(head, span[0]) if not document else None) \
                or self._antecedent(kinds, span[0], word, document, names=word is not None
                                    or PERSON not in kinds)
            if found is not None:
                return self._as(found, span, text, text, statement or document, kinds)
        if mention is not None:
            return Identity(span, text, None, mention.canonical, None, _mention_kinds(mention),
                            span[0], statement)
        if head.pos_ == "PROPN":
            return Identity(span, text, None, _name_words(head), None,
                            frozenset({PERSON, ORG}), span[0], statement)
        return Identity(span, text, None, None, text, kinds or frozenset({ORG}), span[0],
                        statement)

    def _as(self, found: Identity | None, span, text, descriptor, statement, kinds) -> Identity:
        """The identity of ``found`` (an antecedent) under this span and description; an
        unresolved one when nothing was found."""
        if found is None:
            return Identity(span, text, None, None, descriptor, kinds, span[0], statement)
        return Identity(span, text, found.actor, found.canonical, descriptor, found.kinds,
                        span[0], statement or found.statement)

    def _mention_for(self, head: Token) -> Mention | None:
        """The name the speaker's head lies in, else a name in apposition to it ("the group's
        leader, Akram al-Kaabi")."""
        found = next((m for m in self.mentions if m.start <= head.idx < m.end), None)
        if found is not None:
            return found
        for child in head.children:
            if child.dep_ == "appos":
                found = next((m for m in self.mentions if m.start <= child.idx < m.end
                              and m.label in ("PERSON", "ORG")), None)
                if found is not None:
                    return found
        return None

    def _role_holder(self, head: Token) -> Mention | None:
        """The person the article names who holds the role a description gives: "the secretary
        general of Harakat al-Nujaba", "the group's spokesman" for Harakat al-Nujaba named
        just before, "Kataib Hezbollah's leader". The knowledge base says who leads or speaks
        for the group; the person must be named in the article too (roles change hands: the
        article's own name is the evidence), and be the only one who fits."""
        relation = ROLE_RELATIONS.get(head.lemma_.lower())
        if relation is None:
            return None
        group = self._group_of_role(head)
        if group is None:
            return None
        holders = role_holders(relation, group, self.actors)
        named = {m.actor_id: m for m in self.mentions if m.actor_id in holders}
        return next(iter(named.values())) if len(named) == 1 else None

    def _group_of_role(self, head: Token) -> str | None:
        """The organisation a role noun is of: "of X", "X's", or "the group's" (the last
        organisation named before)."""
        for child in head.children:
            target = None
            if child.dep_ == "prep" and child.lower_ == "of":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ == "poss":
                target = child
            if target is None:
                continue
            at = target.idx
            named = next((m for m in self.mentions if m.start <= at < m.end and m.actor_id), None)
            if named is not None:
                return named.actor_id
            if target.lower_ in ("group", "movement", "militia", "organisation", "organization"):
                earlier = [m for m in self.mentions if m.end <= at and m.label == "ORG"
                           and m.actor_id]
                return earlier[-1].actor_id if earlier else None
        for child in head.children:  # "the secretary general" with its "of X" on "secretary"
            if child.dep_ == "compound":
                found = self._group_of_role(child)
                if found is not None:
                    return found
        return None

    def _same_description(self, head: Token, position: int) -> Identity | None:
        """The last earlier speaker described with the same noun ("a US defense official" for
        "the US defense official")."""
        word = head.lower_
        return next((h for h in reversed(self.history) if h.position < position and h.descriptor
                     and word in re.findall(r"\w+", h.descriptor.lower())), None)

    def _antecedent(self, kinds: frozenset[str], position: int, word: str | None,
                    document: bool, names: bool = True) -> Identity | None:
        """The earlier speaker or name that a pronoun or a description refers to: a speaker of
        the last paragraphs first, then the nearest name (unless ``names`` is False: a person
        described, "the official", is not any person named before), then any earlier speaker."""
        recent = [h for h in reversed(self.history) if h.position < position]
        if document:
            issued = next((h for h in recent if h.statement), None)
            return issued or next((h for h in recent if ORG in h.kinds), None)
        fits = [h for h in recent if h.kinds & kinds and _has_word(h.canonical or h.text, word)]
        here = self._paragraph(position)
        near = [h for h in fits if here - self._paragraph(h.position) <= SPEAKER_WINDOW]
        if near:
            return near[0]
        for mention in reversed(self.outside if names else []):
            if (mention.end <= position and _mention_kinds(mention) & kinds
                    and _has_word(mention.canonical + " " + mention.text, word)):
                return Identity((mention.start, mention.end), mention.text, mention.actor_id,
                                mention.canonical, None, _mention_kinds(mention), mention.start)
        return fits[0] if fits else None

    def _paragraph(self, position: int) -> int:
        return bisect_right(self.breaks, position)


#: Role nouns and the knowledge-base relation of a person who holds the role.
ROLE_RELATIONS = {
    **dict.fromkeys(("leader", "secretary", "general", "head", "chief", "founder", "chairman",
                     "commander", "emir"), "leader-of"),
    **dict.fromkeys(("spokesman", "spokeswoman", "spokesperson"), "spokesperson-of"),
}


@lru_cache(maxsize=None)
def role_holders(relation: str, group: str, actors: ActorBase | None = None) -> frozenset[str]:
    """The persons of ``actors`` (default the bundled knowledge base) with ``relation`` to the
    organisation ``group``."""
    return frozenset(a.id for a in (actors or actor_base()).actors if a.kind == "person" and any(
        r.type == relation and r.target == group for r in a.relations))


def _description_kinds(head: Token) -> frozenset[str]:
    """What a description's head noun can stand for: people, organisations, countries, or a
    document ("the statement", which stands for whoever issued it)."""
    word = head.lemma_.lower()
    kinds: set[str] = set()
    if word in PERSON_NOUNS or head.lower_ in PERSON_NOUNS:
        kinds.add(PERSON)
    if word in ORG_NOUNS or head.lower_ in ORG_NOUNS:
        kinds.add(ORG)
    if word in GPE_NOUNS or head.lower_ in GPE_NOUNS:
        kinds.add(GPE)
    if word in DOCUMENT_NOUNS:
        kinds |= {ORG, PERSON, GPE}
    if kinds and head.tag_ in ("NNS", "NNPS"):
        kinds.add(PLURAL)
    return frozenset(kinds)


def _anaphoric(head: Token) -> bool:
    """Whether a description points back to someone named before: definite ("the cleric") or a
    bare capitalised one ("Resistance"), and not a role spelled out ("the head of X", "a US
    official", "officials")."""
    if any(c.dep_ in ("prep", "appos", "relcl", "acl", "poss") for c in head.children):
        return False
    if head.is_lower and any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"
                             for c in head.lefts):
        return False  # "the Baghdad government" names its own referent
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    if dets:
        return dets[0] in _DEFINITE
    return head.pos_ == "PROPN" and head.tag_ == "NNP"


def _apposition(head: Token) -> str | None:
    """The description set beside a name: "Yahya Rasool, military spokesperson for ..."."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            last = child.right_edge
            while last.is_punct and last.i > child.left_edge.i:
                last = last.nbor(-1)
            return text_of(head.doc)[child.left_edge.idx:last.idx + len(last)]
    return None


def _mention_kinds(mention: Mention) -> frozenset[str]:
    kind = _LABEL_KINDS.get(mention.label, ORG)
    return frozenset({kind, PLURAL}) if kind == NORP else frozenset({kind})


def _has_word(name: str | None, word: str | None) -> bool:
    return word is None or (name is not None and word.lower() in name.lower().split())


def _name_words(head: Token) -> str:
    words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
    return " ".join(t.text for t in words)
