"""The ACLED-style CSV export: one row per event ACLED would code, in ACLED's columns and order,
with the columns Crossbearing can fill filled and the rest left empty (docs/export.md says which
and how).

ACLED codes events that happened (asserted), one at a time (not a count or series), of a type it
codes, with a date no coarser than a month and a place in a known country; the other events stay
in the JSON and JSON Lines exports.
"""

from __future__ import annotations

import csv
import time
from datetime import date
from typing import Any

import pycountry

from crossbearing.export.gather import gather_events
from crossbearing.export.sink import Target, text_sink

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
#: ACLED's disorder type of each of its event types.
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
#: ACLED's time precision: 1 the day is known, 2 the week (or an approximate date), 3 the month.
TIME_PRECISION = {"second": 1, "minute": 1, "hour": 1, "day": 1, "week": 2, "month": 3}
#: ACLED's geo precision: 1 the town (or a site in it), 2 a region, 3 a province or the country.
GEO_PRECISION = {"site": 1, "city": 1, "region": 2, "country": 3}
#: Which actor of a role stands in actor1/actor2 when several are cited equally often: the
#: forces that act (ACLED names the military, not the state it belongs to).
KIND_RANK = {"military": 0, "armed-group": 1, "agency": 2, "coalition": 3, "government": 4,
             "person": 5, "political-party": 6, "state": 7}
#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def codable(event: dict[str, Any]) -> bool:
    """Whether ACLED would code this event: asserted, single, of an ACLED type, dated to a
    month or finer, placed in a country."""
    place, when = event["place"], event["date"]
    return (event["mode"] == "asserted" and not event["aggregate"]
            and event["acled_event_type"] in DISORDER and when is not None
            and when["precision"] in TIME_PRECISION and place is not None
            and bool(place["country"]))


def cell(value: Any) -> str:
    """A value as a CSV cell: empty for None, numbers as written (a negative longitude stays a
    number), and text that a spreadsheet would run as a formula (=, +, -, @, tab or carriage
    return first) prefixed with an apostrophe."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def _actors(event: dict[str, Any], roles: tuple[str, ...], kinds: dict[str, str]) -> list[str]:
    """Names of the knowledge-base actors in these roles, most cited first (then the acting
    kinds first): descriptions ("a vehicle", "three people") are not actors."""
    found: dict[str, tuple] = {}
    for p in event["participants"]:
        if p["role"] in roles and p["actor_id"]:
            rank = (-len(p["articles"]), KIND_RANK.get(kinds.get(p["actor_id"], ""), 9), p["name"])
            found[p["actor_id"]] = min(found.get(p["actor_id"], rank), rank)
    ordered = sorted(found.items(), key=lambda item: item[1])
    return [rank[2] for _, rank in ordered]


def _country(code: str) -> tuple[str, str]:
    """ACLED's numeric ISO code and the common name of a country (alpha-2 code)."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return "", code
    return str(int(country.numeric)), getattr(country, "common_name", None) or country.name


def _day(iso: str) -> str:
    d = date.fromisoformat(iso[:10])
    return f"{d.day} {d:%B %Y}"


def notes(event: dict[str, Any], actor1: str, targets: list[str], country: str) -> str:
    """One sentence that says what happened, from the event's resolved values."""
    place = event["place"]
    where = place["name"] if place["kind"] == "country" else f"{place['name']} ({country})"
    label = event["label"].lower()
    text = f"On {_day(event['date']['start'])}, {'an' if label[:1] in 'aeiou' else 'a'} {label}"
    text += f" by {actor1}" if actor1 else " by unidentified actors"
    text += f" in {where}"
    if targets:
        text += f" against {', '.join(targets)}"
    fatalities = event["fatalities"]
    text += f"; fatalities: {int(fatalities) if fatalities is not None else 'none reported'}"
    if event["disagreements"]:
        text += f"; sources differ on {', '.join(event['disagreements'])}"
    return text + "."


def row(event: dict[str, Any], kinds: dict[str, str], stamp: int) -> dict[str, Any]:
    """The ACLED row of one codable event."""
    actors = _actors(event, ("actor",), kinds)
    targets = _actors(event, ("target", "victim"), kinds)
    place, when = event["place"], event["date"]
    iso, country = _country(place["country"])
    fatalities = event["fatalities"]
    return {
        "event_id_cnty": event["event_id"], "event_date": when["start"][:10],
        "year": when["start"][:4], "time_precision": TIME_PRECISION[when["precision"]],
        "disorder_type": DISORDER[event["acled_event_type"]],
        "event_type": event["acled_event_type"], "sub_event_type": event["acled_sub_event_type"],
        "actor1": actors[0] if actors else "", "assoc_actor_1": "; ".join(actors[1:]),
        "actor2": targets[0] if targets else "", "assoc_actor_2": "; ".join(targets[1:]),
        "iso": iso, "country": country, "location": place["name"],
        "latitude": place["latitude"], "longitude": place["longitude"],
        "geo_precision": GEO_PRECISION.get(place["kind"], 3),
        "source": "; ".join(event["outlets"]),
        "notes": notes(event, actors[0] if actors else "", targets, country),
        "fatalities": int(fatalities) if fatalities is not None else 0, "timestamp": stamp,
    }


def render(tables: dict[str, list], out: Target, *, timestamp: int | None = None) -> dict[str, int]:
    """Write the ACLED rows of the gathered events; counts of events written and left out."""
    kinds = {a["actor_id"]: a["kind"] for a in tables["actors"]}
    stamp = int(time.time()) if timestamp is None else timestamp
    events = [e for e in tables["events"] if codable(e)]
    with text_sink(out, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for event in events:
            values = row(event, kinds, stamp)
            writer.writerow([cell(values.get(column)) for column in COLUMNS])
    return {"events": len(events), "left_out": len(tables["events"]) - len(events)}


def write(store: Any, out: Target, *, story_id: str | None = None,
          with_text: bool = False) -> dict[str, int]:
    """Export the store's (one story's) codable events as ACLED-style CSV."""
    return render(gather_events(store, story_id), out)
