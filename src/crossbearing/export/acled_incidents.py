"""One ACLED row per incident across stories.

Events are merged within a story (docs/events.md); a report of another story that tells the
same incident in passing ("Officer Betty Shelby, who shot and killed Terence Crutcher in Tulsa
last week, was charged" in a report of the week after) keeps it as an event of its own story.
The ACLED export is one flat list, where a coder codes an incident once, with every source: two
events of different stories are one row when they are of the same ACLED sub-type, in the same
country and place (or one only in the country), on dates that overlap, and name the same person
among their victims or targets (a named victim is one incident's; two strikes on one town and
day by the same forces are not told apart by anything less). The row takes the most precise
date, the finest place, the lowest toll (ACLED's rule, the difference noted), every outlet, and
names the other events' ids in its notes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from crossbearing.export.acled_actors import named_persons
from crossbearing.model_events import PLACE_RANK, PRECISION_RANK


def one_per_incident(events: list[dict[str, Any]],
                     actors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """``events`` (codable ones, in order) with the events of other stories that tell the same
    incident folded into the first of them; each folded row lists the others in
    ``also_events``."""
    kept: list[dict[str, Any]] = []
    for event in events:
        same = next((i for i, k in enumerate(kept) if _same_incident(k, event, actors)), None)
        if same is None:
            kept.append(event)
        else:
            kept[same] = _folded(kept[same], event)
    return kept


def _same_incident(a: dict[str, Any], b: dict[str, Any],
                   actors: dict[str, dict[str, Any]]) -> bool:
    if a.get("story_id") == b.get("story_id"):
        return False  # within a story the events step has already decided
    if (a["acled_event_type"], a["acled_sub_event_type"]) != (
            b["acled_event_type"], b["acled_sub_event_type"]):
        return False
    return (_same_place(a["place"], b["place"]) and _overlap(a["date"], b["date"])
            and bool(_named_persons(a, actors) & _named_persons(b, actors)))


def _same_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["country"] != b["country"]:
        return False
    return a["id"] == b["id"] or "country" in (a["kind"], b["kind"])


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    def bounds(when):
        start = date.fromisoformat(when["start"][:10])
        return start, date.fromisoformat(when["end"][:10]) if when.get("end") else start

    (a0, a1), (b0, b1) = bounds(a), bounds(b)
    return a0 <= b1 and b0 <= a1


def _named_persons(event: dict[str, Any], actors: dict[str, dict[str, Any]]) -> set[str]:
    """The persons named among the victims and targets (:func:`acled_actors.named_persons`)."""
    return {name.casefold() for name in named_persons(event, ("victim", "target"), actors)}


def _folded(first: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """``first`` with ``other``'s reports: outlets joined, the most precise date, the finest
    place, every participant, the lowest toll (its difference a disagreement)."""
    merged = dict(first)
    merged["outlets"] = list(dict.fromkeys([*first["outlets"], *other["outlets"]]))
    if _finer(PRECISION_RANK, other["date"]["precision"], first["date"]["precision"]):
        merged["date"] = other["date"]
    if _finer(PLACE_RANK, other["place"]["kind"], first["place"]["kind"]):
        merged["place"] = other["place"]
    merged["participants"] = [*first["participants"], *other["participants"]]
    tolls = [t for t in (first["fatalities"], other["fatalities"]) if t is not None]
    merged["fatalities"] = min(tolls) if tolls else None
    disagreements = list(dict.fromkeys([*first["disagreements"], *other["disagreements"]]))
    if len(set(tolls)) > 1 and "fatalities" not in disagreements:
        disagreements.append("fatalities")
    merged["disagreements"] = disagreements
    merged["also_events"] = [*first.get("also_events", ()), other["event_id"],
                             *other.get("also_events", ())]
    return merged


def _finer(rank: dict[str, int], value: str, than: str) -> bool:
    return rank.get(value, len(rank)) < rank.get(than, len(rank))
