"""Places of ACLED-style event reports: does the annotation stage give each event its town and
the town's first-level administrative region (admin-1)?

``eval_places.csv`` holds short event reports written for this benchmark, one per place, across
Iraq, Syria, Yemen, Lebanon, Israel/Palestine, Turkey and Iran (towns, villages, districts of
cities and military sites), each with the town meant, its point (from GeoNames, or the curated
place's point for a site) and its admin-1 as a GeoNames code ("SY.01" is Al Hasakah). The
``dev`` reports were written first and the rules tuned on them; the ``held-out`` ones were
written afterwards and are not tuned on.

For each report the stage's first event is taken (the first asserted one where there are
several), and this prints, per set and over all reports, the share of reports where
- the event's place is the right town: a town or site within ``RADIUS_KM`` of the expected point;
- the event's place lies in the right admin-1;
- any located place mention of the report is the right town (and, separately, right admin-1).

A report whose expected town is a district of a city ("the Mashtal district of Baghdad") expects
the city. It also counts the reports where the stage finds no event, and those whose event has no
place: misses of the event layer rather than of the gazetteer.

Usage: .venv/bin/python benchmarks/eval_places.py [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

from crossbearing.annotate.stage import annotate_articles
from crossbearing.kb.places import admin1_code, place_by_id
from crossbearing.model import Article, DateValue

DATA = Path(__file__).with_name("eval_places.csv")
#: How far from the expected point a town or site may lie and still be the right one.
RADIUS_KM = 12.0


def load() -> list[dict]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def to_article(row: dict, index: int) -> Article:
    return Article(
        id=f"place{index:03d}", text=row["report"], title=None, outlet="benchmark",
        outlet_source="benchmark", url=None, domain=None,
        published=DateValue("2024-06-01", "day", "benchmark"), authors=(), language="en",
        language_score=1.0, analysable=True, skip_reason=None, external_id=None,
        source_path="benchmark", locator="", format="text", text_sha256="", raw_sha256="")


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (map(math.radians, a), map(math.radians, b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))




def right_town(place, row: dict) -> bool:
    if place is None or place.precision not in ("city", "site") or place.latitude is None:
        return False
    expected = (float(row["latitude"]), float(row["longitude"]))
    return place.country == row["country"] and distance_km(
        (place.latitude, place.longitude), expected) <= RADIUS_KM


def right_admin1(place, row: dict) -> bool:
    return place is not None and admin1_code(place) == row["admin1"]


def first_event(result):
    """The report's event: its first asserted event mention (else its first), or None."""
    events = list(result.events)
    asserted = [e for e in events if e.mode == "asserted"] or events
    return asserted[0] if asserted else None


def event_place(result):
    event = first_event(result)
    return place_by_id(event.place_id) if event is not None and event.place_id else None


def describe(place) -> str:
    if place is None:
        return "-"
    return f"{place.name} [{place.id}, {place.precision}, admin-1 {admin1_code(place)}]"


LABELS = {"event_town": "event place: right town", "event_admin1": "event place: right admin-1",
          "event_both": "event place: right town and admin-1",
          "any_town": "any place mention: right town",
          "any_admin1": "any place mention: right admin-1",
          "no_event": "(no event found in the report)",
          "no_place": "(an event found, without a place)"}


def evaluate(rows: list[dict], verbose: bool) -> dict[str, dict[str, int]]:
    """Hits per report set ("dev", "held-out") and over all reports."""
    results = annotate_articles([to_article(row, i) for i, row in enumerate(rows)])
    sets: dict[str, dict[str, int]] = {}
    for row, result in zip(rows, results):
        counts = sets.setdefault(row["set"], dict.fromkeys(LABELS, 0))
        counts["reports"] = counts.get("reports", 0) + 1
        place = event_place(result)
        located = [place_by_id(m.place_id) for m in result.mentions if m.place_id]
        hits = {"event_town": right_town(place, row), "event_admin1": right_admin1(place, row),
                "any_town": any(right_town(p, row) for p in located),
                "any_admin1": any(right_admin1(p, row) for p in located)}
        hits["event_both"] = hits["event_town"] and hits["event_admin1"]
        hits["no_event"] = first_event(result) is None
        hits["no_place"] = not hits["no_event"] and place is None
        for key, hit in hits.items():
            counts[key] += hit
        if verbose and not hits["event_both"]:
            print(f"MISS {row['town']} ({row['admin1']}): event place {describe(place)}; "
                  f"mentions {[describe(p) for p in located]}\n     {row['report']}")
    sets["all"] = {key: sum(c.get(key, 0) for c in list(sets.values())) for key in
                   [*LABELS, "reports"]}
    return sets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every report missed")
    args = parser.parse_args()
    sets = evaluate(load(), args.verbose)
    for name, counts in sets.items():
        total = counts["reports"]
        print(f"{name}: {total} reports")
        for key, label in LABELS.items():
            print(f"  {label:38s} {counts[key]:3d}/{total} = {counts[key] / total:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
