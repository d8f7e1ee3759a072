"""How each outlet of a story frames its actors: for every actor and outlet, the descriptors and
loaded words the outlet uses in its own voice, and apart from them those it only quotes.

Actors are the corpus stage's entities where it resolved the mention (so "Kataeb Hezbollah" and
"Kata'ib Hezbollah" are one actor), else the knowledge-base actor, else the canonical name the
article gives. Outlets are the articles' outlets; an article of unknown outlet is labelled by its
source file name (or its id), so it still shows. Loaded words tied to no actor are listed per
outlet on their own. Every item keeps its spans (article id and offsets) so it can be checked.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from crossbearing.errors import NotFound
from crossbearing.kb import actors_by_name_key, name_key
from crossbearing.model import Article, Descriptor, LoadedTerm

OWN, QUOTED = "own", "quoted"
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+")


def story_framing(store, story_id: str) -> dict[str, Any]:
    """The framing of one story by actor and outlet, JSON-ready. ``NotFound`` for an unknown id."""
    story = next((s for s in store.stories() if s["id"] == story_id), None)
    if story is None:
        raise NotFound(f"no story with id {story_id!r}")
    members = store.story_members(story_id)
    articles = {a.id: a for a in store.articles_by_id(members)}
    outlets = {article_id: outlet_label(a) for article_id, a in articles.items()}
    entities = store.mention_entities(members)
    quote_kinds = {(q.article_id, q.start, q.end): q.kind
                   for article_id in members for q in store.quotes(article_id)}
    actors: dict[str, dict[str, Any]] = {}
    unattached: dict[str, dict[str, Any]] = {}
    for d in store.descriptors(members):
        actor = _actor(actors, d.article_id, d.mention, d.actor_id, d.canonical, entities)
        side = _side(actor["outlets"], outlets[d.article_id], d.voice)
        _add(side["descriptors"], _descriptor_key(d.text), d, quote_kinds, kind=d.kind)
    for t in store.loaded_terms(members):
        if t.mention is not None:
            actor = _actor(actors, t.article_id, t.mention, t.actor_id, t.canonical or "", entities)
            groups = actor["outlets"]
        else:
            groups = unattached
        side = _side(groups, outlets[t.article_id], t.voice)
        _add(side["terms"], t.term, t, quote_kinds, term=t.term, category=t.category, tag=t.tag,
             neutral=t.neutral)
    return {"story_id": story_id, "title": story["title"], "outlets": sorted(set(outlets.values())),
            "actors": _actor_list(actors), "terms": _outlet_list(unattached)}


def outlet_label(article: Article) -> str:
    """The outlet's name, else the article's source file name, else its id."""
    return article.outlet or PurePath(article.source_path or "").name or article.id


def filter_actors(framing: dict[str, Any], needle: str) -> dict[str, Any]:
    """The framing restricted to actors whose name, id or knowledge-base alias matches ``needle``
    (case- and transliteration-insensitive); loaded words tied to no actor are left out."""
    key = name_key(needle)
    aliased = actors_by_name_key().get(key)
    kept = [a for a in framing["actors"]
            if key and key in name_key(a["name"]) or needle.lower() in a["key"].lower()
            or (aliased is not None and a["actor_id"] == aliased)]
    return {**framing, "actors": kept, "terms": []}


def _actor(actors: dict, article_id: str, mention: tuple[int, int], actor_id: str | None,
           canonical: str, entities: dict) -> dict[str, Any]:
    entity = entities.get((article_id, *mention))
    if entity is not None:
        key, name = entity
    else:
        key, name = (actor_id, canonical) if actor_id else (f"name:{canonical}", canonical)
    return actors.setdefault(key, {"key": key, "name": name, "actor_id": actor_id, "outlets": {}})


def _side(groups: dict, outlet: str, voice: str) -> dict[str, dict]:
    per_outlet = groups.setdefault(outlet, {
        OWN: {"descriptors": {}, "terms": {}}, QUOTED: {"descriptors": {}, "terms": {}}})
    return per_outlet[QUOTED if voice == QUOTED else OWN]


def _descriptor_key(text: str) -> str:
    """Descriptors compared without case, leading article, typographic apostrophes or line
    breaks: "an umbrella group" and "umbrella group" are one."""
    plain = " ".join(text.replace("’", "'").replace("‘", "'").split()).lower()
    return _LEADING_ARTICLE.sub("", plain)


def _add(items: dict, key: str, record: Descriptor | LoadedTerm, quote_kinds: dict,
         **fields: Any) -> None:
    item = items.setdefault(key, {**fields, "text": " ".join(record.text.split()), "count": 0,
                                  "forms": {}, "spans": []})
    item["count"] += 1
    form = " ".join(record.text.split())
    item["forms"][form] = item["forms"].get(form, 0) + 1
    span: dict[str, Any] = {"article_id": record.article_id, "start": record.start,
                            "end": record.end}
    if record.quote is not None:
        span["quote"] = list(record.quote)
        span["quote_kind"] = quote_kinds.get((record.article_id, *record.quote))
    item["spans"].append(span)


def _items(items: dict) -> list[dict[str, Any]]:
    return sorted(items.values(), key=lambda i: (-i["count"], i["text"].lower()))


def _outlet_list(groups: dict) -> list[dict[str, Any]]:
    return [{"outlet": outlet,
             OWN: {name: _items(side[OWN][name]) for name in ("descriptors", "terms")},
             QUOTED: {name: _items(side[QUOTED][name]) for name in ("descriptors", "terms")}}
            for outlet, side in sorted(groups.items())]


def _actor_list(actors: dict) -> list[dict[str, Any]]:
    listed = [{**{k: v for k, v in a.items() if k != "outlets"}, "outlets": _outlet_list(a["outlets"])}
              for a in actors.values()]
    return sorted(listed, key=lambda a: (-_total(a), a["name"].lower()))


def _total(actor: dict[str, Any]) -> int:
    return sum(item["count"] for outlet in actor["outlets"] for voice in (OWN, QUOTED)
               for name in ("descriptors", "terms") for item in outlet[voice][name])
