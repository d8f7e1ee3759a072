"""Coverage says a source leaves an event out only when it plainly does: a source with another
event that may be this one, told in other words, is "unclear" (compare/coverage.py)."""

from crossbearing.compare.coverage import coverage, may_be_same
from crossbearing.model_events import Event


def event(event_id, event_type, article, *, date=None, place=None, family="violent"):
    return Event(event_id=event_id, story_id="s", event_type=event_type, family=family,
                 mode="asserted", aggregate=False, date_start=date, date_end=date,
                 date_precision="day" if date else None, place_id=place, fatalities=None,
                 injuries=None, detail={"label": event_type},
                 mentions=1, articles=1, sources=((article, 0),))


STRIKE = event("ev-1", "air_drone_strike", "a1", date="2024-01-28", place="country:JO")


def test_an_event_of_the_same_kind_in_the_same_country_may_be_the_same():
    site = event("ev-2", "air_drone_strike", "a2", place="site:tower-22")
    assert may_be_same(STRIKE, site)
    assert may_be_same(STRIKE, event("ev-3", "attack", "a2", place="country:JO"))


def test_events_apart_in_date_place_or_kind_are_not_the_same():
    assert not may_be_same(STRIKE, event("ev-2", "air_drone_strike", "a2", place="country:IQ"))
    assert not may_be_same(STRIKE, event("ev-2", "air_drone_strike", "a2", date="2024-02-07"))
    assert not may_be_same(STRIKE, event("ev-2", "protest", "a2", place="country:JO",
                                         family="material"))
    assert not may_be_same(STRIKE, event("ev-2", "attack", "a2"))  # nothing in common


def test_a_source_with_an_event_that_may_be_it_is_not_said_to_omit_it():
    site = event("ev-2", "air_drone_strike", "a2", place="site:tower-22")
    other = event("ev-3", "attack", "a3")
    sources = {"a1": "Harbour Times", "a2": "River Post", "a3": "Valley Courier"}
    matrix = coverage(sources, [STRIKE, site, other], [], [])
    row = next(r for r in matrix["rows"] if r["id"] == "ev-1")
    assert {s: c["status"] for s, c in row["cells"].items()} == {
        "Harbour Times": "reported", "River Post": "unclear", "Valley Courier": "omitted"}
    assert matrix["omissions"]["River Post"] == 1  # its own event's row: the others omit it


def test_history_a_report_recalls_has_no_row():
    from dataclasses import replace

    recalled = replace(event("ev-9", "attack", "a2", date="2001-01-01"), date_precision="year")
    matrix = coverage({"a1": "Harbour Times", "a2": "River Post"}, [STRIKE, recalled], [], [])
    assert [r["id"] for r in matrix["rows"]] == ["ev-1"]
    assert matrix["omissions"] == {"Harbour Times": 0, "River Post": 1}
