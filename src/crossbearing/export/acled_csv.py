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
from datetime import date, timedelta
from typing import Any

import pycountry

from crossbearing.export.acled_actors import (
    Coded,
    coded_actors,
    conflict_parties,
    interaction,
    named_persons,
    people,
    police_forces,
)
from crossbearing.export.acled_incidents import one_per_incident
from crossbearing.export.acled_regions import region
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
#: Strategic developments ACLED codes only between forces or armed groups.
ARMED_DEVELOPMENTS = frozenset({"Agreement", "Change to group/activity"})
#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def codable(event: dict[str, Any], actors_by_id: dict[str, dict[str, Any]]) -> bool:
    """Whether ACLED would code this event: asserted, single, of an ACLED type, dated to a
    month or finer, placed in a country; a strategic development of conflict actors."""
    place, when = event["place"], event["date"]
    if not (event["mode"] == "asserted" and not event["aggregate"]
            and event["acled_event_type"] in DISORDER and when is not None
            and when["precision"] in TIME_PRECISION and place is not None
            and bool(place["country"])):
        return False
    if event["acled_event_type"] != "Strategic developments":
        return True
    armed = event["acled_sub_event_type"] in ARMED_DEVELOPMENTS
    return conflict_parties(event, actors_by_id, armed)


def cell(value: Any) -> str:
    """A value as a CSV cell: empty for None, numbers as written (a negative longitude stays a
    number), and text that a spreadsheet would run as a formula (=, +, -, @, tab or carriage
    return first) prefixed with an apostrophe."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def _country(code: str) -> tuple[str, str]:
    """ACLED's numeric ISO code and the common name of a country (alpha-2 code)."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return "", code
    return str(int(country.numeric)), getattr(country, "common_name", None) or country.name


def _admin1(place: dict[str, Any]) -> str | None:
    """The name of the province (admin-1 region) the place lies in, where the gazetteer knows."""
    from crossbearing.kb.admin import admin1_name
    from crossbearing.kb.places import admin1_code, place_by_id

    return admin1_name(admin1_code(place_by_id(place["id"])))


def _geo_precision(place: dict[str, Any]) -> int:
    """ACLED's geo precision by the gazetteer (a district 2, a province 3), else by kind."""
    from crossbearing.kb.admin import geo_precision
    from crossbearing.kb.places import place_by_id

    return geo_precision(place_by_id(place["id"])) or GEO_PRECISION.get(place["kind"], 3)


def _day(iso: str) -> str:
    d = date.fromisoformat(iso[:10])
    return f"{d.day} {d:%B %Y}"


def _when(when: dict[str, Any]) -> str:
    """When it happened, as precisely as the date is known: "On 7 February 2024", "Between 21
    and 31 January 2024" (the end of January), "In September 2009" (the whole month); the
    coded day of a week or a month is its middle, which the note does not claim."""
    start = date.fromisoformat(when["start"][:10])
    end = date.fromisoformat(when["end"][:10]) if when.get("end") else start
    if end == start or TIME_PRECISION.get(when["precision"], 1) == 1:
        return f"On {_day(when['start'])}"
    if start.day == 1 and (end + timedelta(days=1)).day == 1 and start.month == end.month:
        return f"In {start:%B %Y}"  # the whole month
    if (start.year, start.month) == (end.year, end.month):
        return f"Between {start.day} and {end.day} {end:%B %Y}"
    return f"Between {_day(when['start'])} and {_day(when['end'])}"


def notes(event: dict[str, Any], actor1: str, targets: list[str], country: str,
          persons: list[str] = ()) -> str:
    """One sentence that says what happened, from the event's resolved values; the persons
    harmed or targeted are named here, not as actors."""
    place = event["place"]
    where = place["name"] if place["kind"] == "country" else f"{place['name']} ({country})"
    label = event["label"].lower()
    text = f"{_when(event['date'])}, {'an' if label[:1] in 'aeiou' else 'a'} {label}"
    text += f" by {actor1}" if actor1 else " by unidentified actors"
    text += f" in {where}"
    if targets:
        text += f" against {', '.join(targets)}"
    if persons:
        text += f" ({', '.join(persons)} among those targeted)"
    fatalities = event["fatalities"]
    text += f"; fatalities: {int(fatalities) if fatalities is not None else 'none reported'}"
    if event["disagreements"]:
        text += f"; sources differ on {', '.join(event['disagreements'])}"
    if event.get("also_events"):  # the same incident told in other stories
        text += f"; also {', '.join(event['also_events'])}"
    return text + "."


def coded_day(when: dict[str, Any]) -> str:
    """The day ACLED codes for a date: the day itself; for a week or a period of days (time
    precision 2) or a month (3), its middle ("the end of January", 21–31 January: 26 January)."""
    start = date.fromisoformat(when["start"][:10])
    if TIME_PRECISION.get(when["precision"], 1) == 1 or not when.get("end"):
        return start.isoformat()
    end = date.fromisoformat(when["end"][:10])
    return date.fromordinal((start.toordinal() + end.toordinal()) // 2).isoformat()


def row(event: dict[str, Any], actors_by_id: dict[str, dict[str, Any]],
        stamp: int) -> dict[str, Any]:
    """The ACLED row of one codable event (actors coded by :mod:`export.acled_actors`)."""
    place, when = event["place"], event["date"]
    iso, country = _country(place["country"])
    coded, coded_targets = _sides(event, actors_by_id, country)
    actors, targets = [c.name for c in coded], [c.name for c in coded_targets]
    first, second = (coded or [None])[0], (coded_targets or [None])[0]
    persons = named_persons(event, ("target", "victim"), actors_by_id)
    day = coded_day(when)
    fatalities = event["fatalities"]
    civilians = event["acled_event_type"] == "Violence against civilians"
    return {
        "event_id_cnty": event["event_id"], "event_date": day,
        "year": day[:4], "time_precision": TIME_PRECISION[when["precision"]],
        "disorder_type": DISORDER[event["acled_event_type"]],
        "event_type": event["acled_event_type"], "sub_event_type": event["acled_sub_event_type"],
        "actor1": actors[0] if actors else "", "assoc_actor_1": "; ".join(actors[1:]),
        "inter1": first.inter if first else None,
        "actor2": targets[0] if targets else "", "assoc_actor_2": "; ".join(targets[1:]),
        "inter2": second.inter if second else None, "interaction": interaction(first, second),
        "civilian_targeting": "Civilian targeting" if civilians else None,
        "iso": iso, "region": region(place["country"]),
        "country": country, "admin1": _admin1(place), "location": place["name"],
        "latitude": place["latitude"], "longitude": place["longitude"],
        "geo_precision": _geo_precision(place),
        "source": "; ".join(event["outlets"]),
        "notes": notes(event, actors[0] if actors else "", targets, country, persons),
        "fatalities": int(fatalities) if fatalities is not None else 0, "timestamp": stamp,
    }


def _sides(event: dict[str, Any], actors_by_id: dict[str, dict[str, Any]],
           country: str) -> tuple[list[Coded], list[Coded]]:
    """The coded actors of each side, with ACLED's actors named by the kind of people they are:
    the crowd first on a protest's or a riot's side (the organisation that leads it
    associated), the protesters facing excessive force, the civilians attacked; the police
    named by a title or a noun; an unknown perpetrator of violence is an unidentified armed
    group."""
    coded = coded_actors(event, ("actor",), actors_by_id)
    targets = coded_actors(event, ("target", "victim"), actors_by_id)
    police = police_forces(event, ("actor",), country, actors_by_id)
    if police is not None and police not in coded:
        coded.append(police)
    kind, sub = event["acled_event_type"], event["acled_sub_event_type"]
    if sub == "Excessive force against protesters":
        targets = [people("protesters", country), *targets]
    elif kind in ("Protests", "Riots"):
        coded = [people("protesters" if kind == "Protests" else "rioters", country), *coded]
    elif kind == "Violence against civilians":
        targets = [people("civilians", country), *targets]
    if not coded and event["family"] == "violent":  # the codebook's name for an unknown one
        coded = [people("unidentified", country)]
    return coded, targets


def render(tables: dict[str, list], out: Target, *, timestamp: int | None = None) -> dict[str, int]:
    """Write the ACLED rows of the gathered events; counts of events written and left out."""
    actors_by_id = {a["actor_id"]: a for a in tables["actors"]}
    stamp = int(time.time()) if timestamp is None else timestamp
    codable_events = [e for e in tables["events"] if codable(e, actors_by_id)]
    events = one_per_incident(codable_events, actors_by_id)
    with text_sink(out, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for event in events:
            values = row(event, actors_by_id, stamp)
            writer.writerow([cell(values.get(column)) for column in COLUMNS])
    return {"events": len(events), "left_out": len(tables["events"]) - len(codable_events),
            "folded": len(codable_events) - len(events)}


def write(store: Any, out: Target, *, story_id: str | None = None,
          with_text: bool = False) -> dict[str, int]:
    """Export the store's (one story's) codable events as ACLED-style CSV."""
    return render(gather_events(store, story_id), out)
