"""The GraphML export: actors as nodes; knowledge-base relations and interactions from events as
directed edges, for network tools (Gephi, networkx, igraph, Cytoscape).

Nodes are the entities that name actors (people, organisations, states, communities), keyed by
their knowledge-base id where they have one, plus the knowledge-base actors that relations and
events reach. An interaction edge joins an event's actor to its target or victim, one edge per
pair and event type, with how many asserted events and which. Written with ElementTree, which
escapes markup; characters XML cannot hold are removed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

from crossbearing.export.gather import gather_events
from crossbearing.export.sink import Target, text_sink
from crossbearing.kb.actors import actor_by_id

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
#: Entity labels that name actors (LOC and FAC name places and buildings, not actors).
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
#: (element, attribute name, GraphML type) of every data key.
NODE_KEYS = (("name", "string"), ("type", "string"), ("kind", "string"), ("country", "string"),
             ("wikidata", "string"), ("kb", "boolean"), ("mentions", "int"), ("articles", "int"))
EDGE_KEYS = (("edge_kind", "string"), ("relation", "string"), ("note", "string"),
             ("event_type", "string"), ("roles", "string"), ("count", "int"),
             ("event_ids", "string"))
#: Characters XML 1.0 cannot contain, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: Any) -> str:
    """A value as XML text: booleans in GraphML's spelling, invalid characters removed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def nodes(tables: dict[str, list]) -> dict[str, dict[str, Any]]:
    """Node id → attributes, for every actor entity of the gathered tables."""
    kinds = {a["actor_id"]: a for a in tables["actors"]}
    found: dict[str, dict[str, Any]] = {}
    for e in tables["entities"]:
        if e["label"] not in ACTOR_LABELS:
            continue
        actor = kinds.get(e["actor_id"] or "", {})
        found[e["actor_id"] or e["entity_id"]] = {
            "name": actor.get("name") or e["name"], "type": e["label"], "kind": actor.get("kind"),
            "country": actor.get("country"), "wikidata": actor.get("wikidata"),
            "kb": bool(e["actor_id"]), "mentions": e["mentions"], "articles": e["articles"]}
    return found


def _kb_node(found: dict[str, dict[str, Any]], actor_id: str) -> bool:
    """Add a knowledge-base actor not mentioned in the exported articles; False if unknown."""
    if actor_id in found:
        return True
    try:
        actor = actor_by_id(actor_id)
    except KeyError:
        return False
    found[actor_id] = {"name": actor.name, "type": actor.type, "kind": actor.kind,
                       "country": actor.country or None, "wikidata": actor.wikidata or None,
                       "kb": True, "mentions": 0, "articles": 0}
    return True


def relation_edges(tables: dict[str, list], found: dict[str, dict]) -> list[dict[str, Any]]:
    """Knowledge-base relations of the mentioned actors ("X member-of Y"), with their notes."""
    edges = []
    for actor in tables["actors"]:
        if actor["actor_id"] not in found:
            continue
        for r in actor["relations"]:
            if _kb_node(found, r["target"]):
                edges.append({"source": actor["actor_id"], "target": r["target"],
                              "edge_kind": "relation", "relation": r["type"], "note": r["note"]})
    return edges


def _participant_node(p: dict[str, Any], found: dict[str, dict], by_name: dict[str, str]) -> str | None:
    if p["actor_id"]:
        return p["actor_id"] if _kb_node(found, p["actor_id"]) else None
    return by_name.get(p["name"].casefold())


def interaction_edges(tables: dict[str, list], found: dict[str, dict]) -> list[dict[str, Any]]:
    """Actor → target/victim of every asserted event, one edge per pair and event type."""
    by_name = {a["name"].casefold(): node for node, a in found.items() if not a["kb"]}
    pairs: dict[tuple[str, str, str], dict[str, Any]] = {}
    for event in tables["events"]:
        if event["mode"] != "asserted":
            continue
        parts = defaultdict(set)
        for p in event["participants"]:
            node = _participant_node(p, found, by_name)
            if node:
                parts["actor" if p["role"] == "actor" else "other"].add((node, p["role"]))
        for source, _ in sorted(parts["actor"]):
            for target, role in sorted(parts["other"]):
                if source == target:
                    continue
                edge = pairs.setdefault((source, target, event["event_type"]), {
                    "source": source, "target": target, "edge_kind": "interaction",
                    "event_type": event["event_type"], "roles": set(), "event_ids": set()})
                edge["roles"].add(role)
                edge["event_ids"].add(event["event_id"])
    return [{**e, "roles": " ".join(sorted(e["roles"])), "count": len(e["event_ids"]),
             "event_ids": " ".join(sorted(e["event_ids"]))} for e in pairs.values()]


def graph(tables: dict[str, list]) -> ET.ElementTree:
    """The GraphML document of the gathered tables."""
    found = nodes(tables)
    edges = relation_edges(tables, found) + interaction_edges(tables, found)
    root = ET.Element("graphml", xmlns=NAMESPACE)
    for scope, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, "key", {"id": name, "for": scope, "attr.name": name,
                                        "attr.type": kind})
    body = ET.SubElement(root, "graph", id="crossbearing", edgedefault="directed")
    for node_id in sorted(found):
        _element(body, "node", {"id": xml_text(node_id)}, found[node_id], NODE_KEYS)
    for number, edge in enumerate(edges):
        ids = {"id": f"e{number}", "source": xml_text(edge["source"]),
               "target": xml_text(edge["target"])}
        _element(body, "edge", ids, edge, EDGE_KEYS)
    return ET.ElementTree(root)


def _element(parent: ET.Element, tag: str, ids: dict[str, str], values: dict[str, Any],
             keys: tuple[tuple[str, str], ...]) -> None:
    element = ET.SubElement(parent, tag, ids)
    for name, _ in keys:
        if values.get(name) not in (None, ""):
            ET.SubElement(element, "data", key=name).text = xml_text(values[name])


def render(tables: dict[str, list], out: Target) -> dict[str, int]:
    """Write the GraphML of the gathered tables; the counts of nodes and edges."""
    tree = graph(tables)
    ET.indent(tree)
    with text_sink(out) as stream:
        tree.write(stream, encoding="unicode", xml_declaration=True)
        stream.write("\n")
    body = tree.getroot().find("graph")
    return {"nodes": len(body.findall("node")), "edges": len(body.findall("edge"))}


def write(store: Any, out: Target, *, story_id: str | None = None,
          with_text: bool = False) -> dict[str, int]:
    """Export the store's (one story's) actors and their links as GraphML."""
    return render(gather_events(store, story_id), out)
