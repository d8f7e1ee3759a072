"""The story page's actor network: who is named with whom, and how the knowledge base relates
them (``network_section``, from the page's ``StoryData``; ``actor_network``, from plain mentions).

Nodes are the story's actors (collection-wide entities that are people, organisations, groups or
knowledge-base actors); an edge joins two actors named in the same sentence (weighted by how many
sentences) or related in the knowledge base ("backed-by", "member-of" ...). Positions are laid
out on a circle, deterministically, so the same story always draws the same picture.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from crossbearing.kb import actor_by_id
from crossbearing.model_events import Entity

#: Labels of unlinked entities that are actors (places are left out unless the knowledge base
#: knows them as actors, e.g. states).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
#: Largest number of actors drawn: the most mentioned.
MAX_NODES = 24
#: Size of the drawing (SVG user units): the circle's radius, and room left for labels.
RADIUS, LABEL_ROOM, EDGE_ROOM = 250, 220, 40


def network_section(data) -> dict[str, Any]:
    """Who is named with whom in the story, and how the knowledge base relates them."""
    starts = {i: [s.start for s in data.store.annotations.sentences(i)] for i in data.ids}
    return actor_network(data.store.pages.entity_mentions_in(data.ids), starts, data.entities)


def actor_network(mentions: Iterable[dict[str, Any]], sentence_starts: dict[str, list[int]],
                  entities: dict[str, Entity], *, max_nodes: int = MAX_NODES
                  ) -> dict[str, Any]:
    """Nodes and edges of the network of the given mentions (dicts with ``article_id``,
    ``start``, ``entity_id``). ``sentence_starts`` gives each article's sentence start offsets;
    ``entities`` each entity id's ``name``, ``label`` and ``actor_id``."""
    mentions = [m for m in mentions if _is_actor(entities.get(m["entity_id"]))]
    counts = Counter(m["entity_id"] for m in mentions)
    chosen = sorted(counts, key=lambda e: (-counts[e], entities[e].name, e))[:max_nodes]
    keep = set(chosen)
    together: Counter = Counter()
    for ids in _by_sentence(mentions, sentence_starts).values():
        together.update(combinations(sorted(ids & keep), 2))
    nodes = _layout([{"id": e, "name": entities[e].name, "label": entities[e].label,
                      "actor_id": entities[e].actor_id, "mentions": counts[e]} for e in chosen])
    position = {n["id"]: (n["x"], n["y"]) for n in nodes}
    edges = [{"a": a, "b": b, "kind": "co-mention", "weight": n} for (a, b), n in
             sorted(together.items())]
    edges += _kb_edges(nodes)
    for edge in edges:
        (edge["x1"], edge["y1"]), (edge["x2"], edge["y2"]) = position[edge["a"]], position[edge["b"]]
    return {"nodes": nodes, "edges": edges, "width": 2 * (RADIUS + LABEL_ROOM),
            "height": 2 * (RADIUS + EDGE_ROOM)}


def _is_actor(entity: Entity | None) -> bool:
    return entity is not None and (entity.actor_id is not None or entity.label in ACTOR_LABELS)


def _by_sentence(mentions: list[dict[str, Any]], starts: dict[str, list[int]]
                 ) -> dict[tuple[str, int], set[str]]:
    """Entity ids named in each (article, sentence index)."""
    groups: dict[tuple[str, int], set[str]] = {}
    for m in mentions:
        index = bisect_right(starts.get(m["article_id"], []), m["start"]) - 1
        groups.setdefault((m["article_id"], index), set()).add(m["entity_id"])
    return groups


def _kb_edges(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Knowledge-base relations between actors of the network."""
    by_actor = {n["actor_id"]: n["id"] for n in nodes if n["actor_id"]}
    edges = []
    for actor_id, node_id in sorted(by_actor.items()):
        try:
            relations = actor_by_id(actor_id).relations
        except (KeyError, LookupError):
            continue
        for relation in relations:
            if relation.target in by_actor and by_actor[relation.target] != node_id:
                edges.append({"a": node_id, "b": by_actor[relation.target], "kind": relation.type,
                              "weight": 1})
    return edges


def _layout(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Nodes on a circle, the most mentioned at the top, going clockwise."""
    centre_x, centre_y, radius = RADIUS + LABEL_ROOM, RADIUS + EDGE_ROOM, RADIUS
    count = max(len(nodes), 1)
    for index, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        node["x"] = round(centre_x + radius * math.cos(angle), 1)
        node["y"] = round(centre_y + radius * math.sin(angle), 1)
        node["r"] = round(4 + 2 * math.sqrt(node["mentions"]), 1)
        cos, sin = math.cos(angle), math.sin(angle)
        node["anchor"] = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
        gap = node["r"] + 4
        node["label_x"] = round(node["x"] + (gap if cos > 0.2 else -gap if cos < -0.2 else 0), 1)
        node["label_y"] = round(node["y"] + (4 if abs(cos) > 0.2 else gap + 8 if sin > 0 else -gap), 1)
    return nodes
