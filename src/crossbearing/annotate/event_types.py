"""The event ontology (data/events.toml): types mapped to ACLED and PLOVER, and the words that
signal them. Parsed from the text a ``Knowledge`` holds (default the bundled one), once per
content; docs/events.md explains the choices."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from crossbearing.knowledge.bundle import Knowledge

#: Families of event types: what ACLED codes as political violence, other material acts, words.
FAMILIES = ("violent", "material", "verbal")


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    family: str
    acled_event_type: str
    acled_sub_event_type: str
    plover: str


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]
    verbs: dict[str, str]          # lemma → type name
    nouns: dict[str, str]          # lemma → type name
    compounds: dict[tuple[str, str], str]  # (modifier lemma, head lemma) → type name
    means: dict[str, str]          # means word → violent type name

    def type(self, name: str) -> EventType:
        return self.types[name]


def ontology(knowledge: Knowledge | None = None) -> Ontology:
    """The event ontology of ``knowledge`` (default the bundled one, ``data/events.toml``)."""
    return parse_ontology((knowledge or Knowledge.bundled()).text("events"))


@lru_cache(maxsize=4)
def parse_ontology(text: str) -> Ontology:
    """An ontology from the text of an events.toml, checked; ``ValueError`` names a problem."""
    data = tomllib.loads(text)
    types: dict[str, EventType] = {}
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    compounds: dict[tuple[str, str], str] = {}
    for name, entry in data["types"].items():
        if entry["family"] not in FAMILIES:
            raise ValueError(f"events.toml: type {name} has unknown family {entry['family']!r}")
        types[name] = EventType(name, entry["label"], entry["family"], entry["acled_event_type"],
                                entry["acled_sub_event_type"], entry["plover"])
        for verb in entry.get("verbs", ()):
            _register(verbs, verb, name)
        for noun in entry.get("nouns", ()):
            words = noun.split()
            if len(words) == 2:
                _register(compounds, (words[0], words[1]), name)
            else:
                _register(nouns, noun, name)
    means = dict(data["means"])
    unknown = set(means.values()) - set(types)
    if unknown:
        raise ValueError(f"events.toml: means point at unknown types {sorted(unknown)}")
    return Ontology(types, verbs, nouns, compounds, means)


def _register(table: dict, key, name: str) -> None:
    if key in table:
        raise ValueError(f"events.toml: {key!r} signals both {table[key]} and {name}")
    table[key] = name



#: PLOVER categories of hostile and of cooperative acts: PLOVER codes an intended or threatened
#: hostile act as THREATEN, a promised cooperative act as AGREE, and a refused one as REJECT.
HOSTILE = frozenset({"ASSAULT", "FIGHT", "COERCE", "SANCTION", "MOBILIZE", "ACCUSE"})
COOPERATIVE = frozenset({"AID", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "RETREAT", "AGREE"})
#: Cooperation that, halted, is a sanction (PLOVER's SANCTION: stopping aid, breaking off
#: talks, cancelling a visit, ending cooperation or support).
ENDED_AS_SANCTION = frozenset({"AID", "CONSULT", "SUPPORT", "COOPERATE", "AGREE"})


def plover_of(name: str, mode: str) -> str:
    """The PLOVER category of an event mention of type ``name`` in ``mode``: "vowed to strike" is
    THREATEN, "will visit" AGREE, "did not agree" REJECT, "ended mediation efforts" SANCTION;
    asserted events keep their type's."""
    plover = ontology().type(name).plover
    if mode in ("future", "hypothetical"):
        if plover in HOSTILE:
            return "THREATEN"
        if plover in COOPERATIVE:
            return "AGREE"
    if mode == "negated" and plover in COOPERATIVE:
        return "REJECT"
    if mode == "suspended" and plover in ENDED_AS_SANCTION:
        return "SANCTION"  # "ended mediation efforts", "cancelled a planned visit"
    return plover
