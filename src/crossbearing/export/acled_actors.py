"""Actors as ACLED codes them (``../reference`` codebook rules, docs/export.md):

- In violence, a state acts through its forces: "a US strike" is coded to the state's armed
  forces (the knowledge base's one military actor of that country not part of another).
- Actors are organisations and state forces, never persons: a person in the knowledge base
  stands for the group the knowledge base says he belongs to, leads or speaks for (a killed
  commander's actor is his group); a person with no such group is not an actor. The persons are
  named in the notes instead.
- Inter codes where the knowledge base tells them: state forces (a military, a government, an
  agency, a state) are 1 in their own country and 8 (external forces) acting in another.
  Other kinds (armed groups, parties, coalitions) are left uncoded: whether a group is a rebel
  group (2) or a political (3) or identity (4) militia is a judgement the knowledge base does
  not record.
- Interaction: the two inter codes, the lower first ("18"); one actor alone: its code and 0.
- Actors ACLED names by the kind of people they are (codebook): the crowd of a protest is
  "Protesters (Country)" (6) and of a riot "Rioters (Country)" (5), with the organisation that
  leads it as an associated actor; the victims of violence against civilians are "Civilians
  (Country)" (7), their group associated; an unknown perpetrator is "Unidentified Armed Group
  (Country)", which ACLED codes as a political militia (3).
- Strategic developments are coded of conflict actors only (ACLED's scope): a climate accord
  between "the nations of the world" is not ACLED's agreement (:func:`conflict_parties`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from crossbearing.kb.actors import STATE_KINDS, actor_base  # STATE_KINDS: inter code 1, or 8 abroad
from crossbearing.police import written_as_police

#: Relations by which a person stands for a group, in order of preference.
PERSON_GROUP = ("member-of", "leader-of", "spokesperson-of", "part-of")
#: Which actor of a role stands first when several are cited equally often: the forces that act
#: (ACLED names the military, not the state it belongs to).
KIND_RANK = {"military": 0, "armed-group": 1, "agency": 2, "coalition": 3, "government": 4,
             "political-party": 6, "state": 7}


@dataclass(frozen=True)
class Coded:
    """An actor as coded: its name and its inter code (None where it cannot be told)."""

    name: str
    inter: int | None


#: ACLED's actors named by the kind of people they are, with their inter codes.
PEOPLE = {"protesters": ("Protesters", 6), "rioters": ("Rioters", 5),
          "civilians": ("Civilians", 7), "unidentified": ("Unidentified Armed Group", 3)}
#: Kinds of the knowledge base's organisations that take part in conflict and its politics
#: (ACLED's Strategic developments are theirs); an agreement or a change of a group's activity
#: needs forces or an armed group among its parties (ceasefires, truces, prisoner exchanges).
POLITICAL_KINDS = frozenset({"state", "government", "military", "agency", "armed-group",
                             "coalition", "political-party", "ethnic-religious-group"})
ARMED_KINDS = frozenset({"military", "armed-group"})


def police_forces(event: dict[str, Any], roles: tuple[str, ...], country: str,
                  actors: dict[str, dict[str, Any]]) -> Coded | None:
    """ACLED's police actor ("Police Forces of the United States", state forces: 1) where a
    participant in these roles is written as the police (``police.written_as_police``: a
    person by name with a police title, "a police officer", "state troopers") and stands for
    no organisation the knowledge base knows."""
    for p in event["participants"]:
        if p["role"] not in roles or _organisation(p["actor_id"], actors) is not None:
            continue
        if any(written_as_police(text) for text in p.get("texts", ())):
            return Coded(f"Police Forces of {_with_the(country)}", 1)
    return None


#: Country names written with "the" ("Police Forces of the Philippines").
_THE_ENDINGS = ("Republic", "Islands", "Kingdom", "States", "Emirates", "Netherlands",
                "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros", "Federation")


def _with_the(country: str) -> str:
    plural_or_union = country.endswith(_THE_ENDINGS) or country.startswith(("United ", "Republic "))
    return f"the {country}" if plural_or_union else country


def people(kind: str, country: str) -> Coded:
    """ACLED's actor for a kind of people in a country: "Protesters (United States)"."""
    name, inter = PEOPLE[kind]
    return Coded(f"{name} ({country})", inter)


def conflict_parties(event: dict[str, Any], actors: dict[str, dict[str, Any]],
                     armed: bool) -> bool:
    """Whether an organisation of conflict and its politics takes part in the event (in any
    role; a person through his group); with ``armed``, forces or an armed group."""
    wanted = ARMED_KINDS if armed else POLITICAL_KINDS
    for p in event["participants"]:
        actor_id = _organisation(p["actor_id"], actors)
        if actor_id is not None and actors[actor_id]["kind"] in wanted:
            return True
    return False


def coded_actors(event: dict[str, Any], roles: tuple[str, ...],
                 actors: dict[str, dict[str, Any]]) -> list[Coded]:
    """The organisations in these roles of an event, most cited first (then the acting kinds
    first); persons replaced by their group; descriptions ("a vehicle") are not actors."""
    found: dict[str, tuple] = {}
    for p in event["participants"]:
        actor_id = _organisation(p["actor_id"], actors) if p["role"] in roles else None
        if actor_id is None:
            continue
        if event.get("family") == "violent" and actors[actor_id]["kind"] == "state":
            actor_id = _forces(actor_id, actors) or actor_id  # "US strike": its forces
        record = actors[actor_id]
        rank = (-len(p["articles"]), KIND_RANK.get(record["kind"], 9), record["name"])
        found[actor_id] = min(found.get(actor_id, rank), rank)
    ordered = sorted(found.items(), key=lambda item: item[1])
    country = (event.get("place") or {}).get("country")
    return [Coded(actors[i]["name"], inter_code(actors[i], country)) for i, _ in ordered]


def named_persons(event: dict[str, Any], roles: tuple[str, ...],
                  actors: dict[str, dict[str, Any]]) -> list[str]:
    """The persons named in these roles (for the notes), most cited first: the knowledge
    base's, and names of two capitalised words or more that stand for no actor ("Terence
    Crutcher")."""
    cited: dict[str, int] = {}
    for p in event["participants"]:
        record = actors.get(p["actor_id"] or "")
        name = record["name"] if record else p.get("name") or ""
        if p["role"] in roles and (record and record["kind"] == "person" or not record and (
                full_name(name))):
            cited[name] = max(cited.get(name, 0), len(p["articles"]))
    return sorted(cited, key=lambda name: (-cited[name], name))


#: Last words of a capitalised name that make it a body or a place, not a person ("White
#: House", "Supreme Court", "Tulsa Police Department").
_BODY_WORDS = frozenset({"house", "court", "department", "council", "party", "office",
                         "committee", "senate", "congress", "university", "police", "army",
                         "government", "ministry", "agency", "league", "union", "campaign",
                         "administration", "forces", "company", "group", "center", "centre"})


def full_name(name: str) -> bool:
    """Whether a name the text gave, standing for no actor, reads as a person's in full: two
    capitalised words or more ("Terence Crutcher"), not a description ("a driver") nor a body
    ("White House", "Supreme Court")."""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and (
        words[-1].lower() not in _BODY_WORDS)


def inter_code(record: dict[str, Any], country: str | None) -> int | None:
    """1 for state forces in their own country, 8 outside it; None for any other kind."""
    if record["kind"] not in STATE_KINDS:
        return None
    return 8 if country and record.get("country") and record["country"] != country else 1


def interaction(first: Coded | None, second: Coded | None) -> int | None:
    """ACLED's interaction code of two actors (one alone: its code times ten)."""
    if first is None or first.inter is None:
        return None
    if second is None:
        return first.inter * 10
    if second.inter is None:
        return None
    low, high = sorted((first.inter, second.inter))
    return low * 10 + high


def _organisation(actor_id: str | None, actors: dict[str, dict[str, Any]]) -> str | None:
    """The actor itself, or for a person the group it stands for; None when neither is known."""
    record = _record(actor_id, actors) if actor_id else None
    if record is None:
        return None
    if record["kind"] != "person":
        return actor_id
    for relation in PERSON_GROUP:
        for r in record.get("relations", ()):
            group = _record(r["target"], actors) if r["type"] == relation else None
            if group is not None and group["kind"] != "person":
                return r["target"]
    return None


def _forces(state_id: str, actors: dict[str, dict[str, Any]]) -> str | None:
    """The armed forces of a state, which ACLED names as the actor of its violence ("Military
    Forces of the United States" for "a US strike"): the knowledge base's military actor of the
    state's country that is part of no other military actor and holds the most branches (the
    army, the navy ... are part of it); None when no one stands out."""
    country = actors[state_id].get("country")
    forces = _top_forces().get(country or "")
    if forces is None or _record(forces, actors) is None:
        return None
    return forces


@functools.lru_cache(maxsize=1)
def _top_forces() -> dict[str, str]:
    base = actor_base()
    military = {a.id for a in base.actors if a.kind == "military"}
    parts: dict[str, int] = {}
    for actor in base.actors:
        for r in actor.relations:
            if actor.id in military and r.type == "part-of" and r.target in military:
                parts[r.target] = parts.get(r.target, 0) + 1
    tops: dict[str, list[tuple[int, str]]] = {}
    for actor in base.actors:
        if actor.id in military and not any(
                r.type == "part-of" and r.target in military for r in actor.relations):
            tops.setdefault(actor.country, []).append((parts.get(actor.id, 0), actor.id))
    chosen = {}
    for country, ranked in tops.items():  # the one that holds the most branches
        ranked.sort(reverse=True)
        if len(ranked) == 1 or ranked[0][0] > ranked[1][0]:
            chosen[country] = ranked[0][1]
    return chosen


def _record(actor_id: str, actors: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """A stored actor, else the knowledge base's (a person's group need not be mentioned); it is
    added to ``actors`` so that its name and kind are read like the others'."""
    if actor_id not in actors:
        from crossbearing.kb.actors import actor_by_id

        try:
            actor = actor_by_id(actor_id)
        except KeyError:
            return None
        actors[actor_id] = {"actor_id": actor_id, "name": actor.name, "kind": actor.kind,
                            "country": actor.country, "relations": []}
    return actors[actor_id]
