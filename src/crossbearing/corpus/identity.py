"""One identity per actor across the collection.

Mentions linked to the knowledge base keep its actor id: two distinct knowledge-base actors are
never merged. The other names are grouped across articles by name matching with type
compatibility and shared context:
- the same normalised name and a compatible type is the same entity ("Iraqi Resistance" in two
  articles), except a bare one-word person name, which is only ever linked to the one full name
  of the collection it shortens;
- different spellings of a multi-word name (Baqir / Baqer, Rasool / Rasul: candidates by
  transliteration skeleton, confirmed by the name scorer) are the same entity when their articles
  share context: a knowledge-base actor named in both;
- a full name that matches a knowledge-base actor's name joins that actor.
A word that only describes an actor ("Iraqi lawmakers": link ``description``) is no entity, nor
is a bare name that two people of its article bear (link ``ambiguous``). A bare one-word person
name that its own article gives no full name for, and that shortens the full names of two
people of the collection ("Clinton" where Bill and Hillary Clinton are named elsewhere), is left
out too: it must join the right person or none. Two geocoded places are one only where their
place is ("Mexico" is not "New Mexico").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from crossbearing.annotate.names import (
    TOKEN_THRESHOLD,
    identity_words,
    same_name,
    skeleton,
    token_similarity,
)
from crossbearing.ids import stable_id
from crossbearing.kb import actor_by_id
from crossbearing.model import NO_ENTITY_LINKS, Mention

#: Types that may name the same entity (the model calls a group ORG in one article and NORP or
#: GPE in another; places are GPE, LOC or FAC).
_TYPE_FAMILY = {"PERSON": "person", "ORG": "group", "NORP": "group", "GPE": "place", "LOC": "place",
                "FAC": "place"}


@dataclass
class Identity:
    """An actor or place as one identity across the collection, while mentions are resolved
    (the store keeps it as :class:`crossbearing.model_events.Entity`)."""

    id: str
    name: str
    label: str
    actor_id: str | None
    aliases: dict[str, int] = field(default_factory=dict)       # spelling -> mentions
    outlets: dict[str | None, int] = field(default_factory=dict)  # outlet -> mentions


def resolve_entities(mentions: Iterable[Mention], outlet_of: dict[str, str | None]
                     ) -> tuple[list[Identity], dict[tuple[str, int, int], str]]:
    """Entities of the collection, and the entity id of every mention (by article, start, end)."""
    mentions = [m for m in mentions if m.link not in NO_ENTITY_LINKS]
    context = _article_actors(mentions)
    names = _names(mentions)
    parent = {key: key for key in names}
    unclaimed = _merge_spellings(names, context, parent)
    _attach_to_kb(names, parent)
    mentions = [m for m in mentions if _node(m) not in unclaimed]
    return _build(mentions, names, parent, outlet_of)


@dataclass
class _Name:
    """One distinct (canonical name, type family) of unlinked mentions, or one knowledge-base actor."""

    key: tuple[str, str]
    canonical: str
    family: str
    actor_id: str | None
    articles: set[str] = field(default_factory=set)


def _node(mention: Mention) -> tuple[str, str]:
    if mention.actor_id:
        return ("kb", mention.actor_id)
    family = _TYPE_FAMILY.get(mention.label, "other")
    if family == "place" and mention.place_id:
        return ("place", mention.place_id)  # "Gaza" and "the Gaza Strip" are one place
    if family == "person" and len(identity_words(mention.canonical)) < 2:
        # A bare surname is its own entity in its article until a full name claims it.
        return (f"person:{mention.article_id}", mention.name_key)
    return (family, mention.name_key)


_HALVES = re.compile(r"(\w)- (\w)")


def _names(mentions: list[Mention]) -> dict[tuple[str, str], _Name]:
    names: dict[tuple[str, str], _Name] = {}
    for m in mentions:
        key = _node(m)
        name = names.setdefault(key, _Name(key, m.canonical, _TYPE_FAMILY.get(m.label, "other"),
                                           m.actor_id))
        name.articles.add(m.article_id)
        spelling = _HALVES.sub(r"\1-\2", m.canonical)  # "African- Americans", split at a line end
        if not m.actor_id and (len(spelling), not spelling.isupper()) > (
                len(name.canonical), not name.canonical.isupper()):
            name.canonical = spelling  # the fullest spelling, "Flint" before "FLINT"
    return names


def _article_actors(mentions: list[Mention]) -> dict[str, set[str]]:
    actors: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.actor_id:
            actors[m.article_id].add(m.actor_id)
    return actors


def _find(parent: dict, key):
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _union(parent: dict, a, b) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a == root_b:
        return
    # A knowledge-base actor stays the root, and two of them are never joined.
    if root_a[0] == "kb" and root_b[0] == "kb":
        return
    if root_b[0] == "kb":
        root_a, root_b = root_b, root_a
    parent[root_b] = root_a


def _merge_spellings(names: dict, context: dict[str, set[str]], parent: dict) -> set:
    """Join multi-word names of one type family spelled differently but sharing context, and
    bare surnames with the one full person name of the collection they shorten; the keys of
    bare person names that two full names claim (to be left out)."""
    buckets: dict[tuple[str, str], list[_Name]] = defaultdict(list)
    unclaimed = set()
    given = _given_names(names.values())
    for name in names.values():
        words = identity_words(name.canonical)
        if name.actor_id is None and words and name.key[0] != "place":
            buckets[(name.family, skeleton(words[-1]))].append(name)
    for bucket in buckets.values():
        full = [n for n in bucket if len(identity_words(n.canonical)) >= 2]
        for i, a in enumerate(full):
            for b in full[i + 1:]:
                if same_name(a.canonical, b.canonical) and _share_context(a, b, context):
                    _union(parent, a.key, b.key)
        for short in (n for n in bucket if len(identity_words(n.canonical)) < 2):
            claims = {_find(parent, f.key) for f in full
                      if same_name(short.canonical, f.canonical) and _share_context(short, f, context)
                      and not _given_not_family(short, f, given)}
            if len(claims) == 1:
                _union(parent, claims.pop(), short.key)
            elif len(claims) > 1 and short.key[0].startswith("person:"):
                unclaimed.add(short.key)
    return unclaimed


def _given_names(names: Iterable[_Name]) -> set[str]:
    """The first words of the collection's full person names: its given names ("larry" of
    Larry King)."""
    return {identity_words(n.canonical)[0] for n in names if n.family == "person"
            and n.actor_id is None and len(identity_words(n.canonical)) >= 2}


def _given_not_family(short: _Name, full: _Name, given: set[str]) -> bool:
    """Whether a bare name is a given name of the collection that only resembles the full
    name's family name ("Larry" and Matt Lauer): a spelling variant is a family name's, not a
    given name's ("Rasul" for Yahya Rasool stays)."""
    word = identity_words(short.canonical)[0]
    return word in given and word != identity_words(full.canonical)[-1]


def _share_context(a: _Name, b: _Name, context: dict[str, set[str]]) -> bool:
    if a.articles & b.articles:
        return True
    actors_a = set().union(*(context.get(x, set()) for x in a.articles))
    actors_b = set().union(*(context.get(x, set()) for x in b.articles))
    return bool(actors_a & actors_b)


def _attach_to_kb(names: dict, parent: dict) -> None:
    """Unlinked full names that are a knowledge-base actor's name under another spelling
    (``same_name`` with one of its names of two words or more)."""
    # type family → family name → (the actor's node, its name with that family name)
    aliases: dict[str, dict[str, list[tuple[tuple, str]]]] = {}
    for kb in (n for n in names.values() if n.actor_id):
        for alias in actor_by_id(kb.actor_id).names:
            words = identity_words(alias)
            if len(words) >= 2:
                aliases.setdefault(kb.family, {}).setdefault(words[-1], []).append((kb.key, alias))
    for name in names.values():
        words = identity_words(name.canonical)
        if name.actor_id or len(words) < 2:
            continue
        # same_name's first test, of the family names, once per family name
        matches = {key for last, named in aliases.get(name.family, {}).items()
                   if token_similarity(words[-1], last) >= TOKEN_THRESHOLD
                   for key, alias in named if same_name(name.canonical, alias)}
        if len(matches) == 1:
            _union(parent, matches.pop(), name.key)


def _build(mentions: list[Mention], names: dict, parent: dict, outlet_of: dict[str, str | None]
           ) -> tuple[list[Identity], dict[tuple[str, int, int], str]]:
    entities: dict[tuple[str, str], Identity] = {}
    assignment: dict[tuple[str, int, int], str] = {}
    for m in sorted(mentions, key=lambda m: (m.article_id, m.start)):
        root = _find(parent, _node(m))
        entity = entities.get(root)
        if entity is None:
            entity = entities[root] = _new_entity(root, names[root], m)
        entity.aliases[m.text] = entity.aliases.get(m.text, 0) + 1
        outlet = outlet_of.get(m.article_id)
        entity.outlets[outlet] = entity.outlets.get(outlet, 0) + 1
        assignment[(m.article_id, m.start, m.end)] = entity.id
    return sorted(entities.values(), key=lambda e: (-sum(e.aliases.values()), e.name)), assignment


def _new_entity(root: tuple[str, str], name: _Name, first: Mention) -> Identity:
    if name.actor_id:
        actor = actor_by_id(name.actor_id)
        return Identity(actor.id, actor.name, actor.type, actor.id)
    entity_id = "ent-" + stable_id(*root)
    return Identity(entity_id, name.canonical, first.label, None)
