"""The pairs of a story's mentions the merging weighs (corpus.event_items.candidate_pairs): every
pair that could merge is among them, in the order of all pairs, and pairs that cannot are not."""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import combinations

import pytest

from crossbearing.corpus.event_items import candidate_pairs, compatible, item_of, same_kind
from crossbearing.corpus.events import MIN_EVIDENCE, _evidence, _Union
from crossbearing.model import EventArgument, EventMention, Place, TimeValue, Toll

PLACES = {
    "city:baghdad": Place("city:baghdad", "Baghdad", "city", "IQ", None, None, "city", "test"),
    "city:erbil": Place("city:erbil", "Erbil", "city", "IQ", None, None, "city", "test"),
    "country:IQ": Place("country:IQ", "Iraq", "country", "IQ", None, None, "country", "test"),
    "country:SY": Place("country:SY", "Syria", "country", "SY", None, None, "country", "test"),
}
TYPES = ["attack", "killing", "air_drone_strike", "shelling", "armed_clash"]
NAMES = ["Abu Baqir al-Saadi", "a senior commander", "three people", "Kataib Hezbollah",
         "US forces", "the militia", "Ali Hassan"]
DAYS = ["2024-02-07", "2024-02-08", "2024-02-09", "2024-01-28"]


def _mention(rng: random.Random, index: int) -> EventMention:
    arguments = tuple(
        EventArgument(rng.choice(["actor", "victim", "target"]), 0, 1, name, None, name)
        for name in rng.sample(NAMES, rng.randint(0, 2)))
    time = None
    if rng.random() < 0.5:
        day = rng.choice(DAYS)
        end = rng.choice([day, "2024-02-29"]) if day.startswith("2024-02") else day
        time = TimeValue(day, end, "day" if end == day else "month", True)
    elif rng.random() < 0.2:
        time = TimeValue(None, None, None, True)  # resolved without a first day
    elif rng.random() < 0.2:
        time = TimeValue(None, None, None, False, reason="no publication date")
    toll = None
    if rng.random() < 0.3:
        low = float(rng.choice([1, 2, 3]))
        toll = Toll(low, low, None, 0, 1, str(low))
    article = f"a{rng.randint(0, 5)}"
    start = rng.choice([index * 10, 10])  # now and then two mentions at one place
    return EventMention(article, start, start + 5, "strike", 0, 50, rng.choice(TYPES), "asserted",
                        rng.random() < 0.1, arguments, (), rng.choice([None, *PLACES]), None,
                        time, None, toll, None, None, rng.choice([None, None, "actor:centcom"]))


def _items(seed: int, n: int):
    rng = random.Random(seed)
    items = [item_of(_mention(rng, i), "violent", PLACES.get, str.lower) for i in range(n)]
    for index, item in enumerate(items):
        item.group, item.members = index, [item]
    return items


@pytest.mark.parametrize("seed", range(12))
def test_every_pair_that_can_merge_is_weighed_in_the_order_of_all_pairs(seed):
    items = _items(seed, 60)
    weighed = candidate_pairs(items)
    can_merge = [(a, b) for a, b in combinations(items, 2)
                 if same_kind(a, b) and compatible(a, b)
                 and _evidence(_Union([a]), _Union([b])) >= MIN_EVIDENCE]
    assert can_merge, "the draw must hold pairs that can merge"
    position = {id(item): k for k, item in enumerate(items)}
    keys = [(position[id(a)], position[id(b)]) for a, b in weighed]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert {(id(a), id(b)) for a, b in can_merge} <= {(id(a), id(b)) for a, b in weighed}


def test_pairs_of_other_types_countries_or_days_with_nothing_shared_are_not_weighed():
    rng = random.Random(1)
    strike = replace(_mention(rng, 1), event_type="air_drone_strike", arguments=(),
                            place_id="country:IQ", fatalities=None, reported_by_actor=None,
                            time=TimeValue("2024-02-07", "2024-02-07", "day", True))
    other_day = replace(strike, start=40, time=TimeValue("2024-01-28", "2024-01-28", "day",
                                                                True))
    other_country = replace(strike, start=60, place_id="country:SY")
    shelling = replace(strike, start=80, event_type="shelling")
    generic = replace(strike, start=100, event_type="attack")
    items = [item_of(m, "violent", PLACES.get, str.lower)
             for m in (strike, other_day, other_country, shelling, generic)]
    weighed = {(a.mention.start, b.mention.start) for a, b in candidate_pairs(items)}
    # a generic attack of the same day and country can be the strike or the shelling
    assert weighed == {(strike.start, generic.start), (shelling.start, generic.start)}


def test_a_group_members_description_is_also_the_one_person_it_names():
    # "a senior Kata'ib Hezbollah commander" carries his group as its actor (ACLED's actor is
    # the group) and is a commander: another report's "the commander" shares him.
    rng = random.Random(2)
    base = replace(_mention(rng, 1), arguments=(), place_id=None)
    described = replace(base, arguments=(EventArgument(
        "victim", 0, 1, "senior Kata'ib Hezbollah commander", "kataib-hezbollah",
        "Kata'ib Hezbollah"),))
    plain = replace(base, start=99, arguments=(EventArgument(
        "victim", 0, 1, "commander", None, "commander"),))
    forces = replace(base, start=120, arguments=(EventArgument(
        "target", 0, 1, "US forces", "us-armed-forces", "United States Armed Forces"),))
    one, other, third = (item_of(m, "violent", PLACES.get, str.lower)
                         for m in (described, plain, forces))
    assert one.sufferers == {"kataib-hezbollah", "commander"}
    assert one.sufferers & other.sufferers == {"commander"}
    assert third.sufferers == {"us-armed-forces"}  # a plural group is the group alone
