"""Which town a name stands for among the GeoNames towns that bear it (``kb.places``): one in
a region the report names, then in a country it names, then the most populous, with the
weights below for alternate names, world cities and the US states a report names elsewhere.
docs/places.md has the rules and the cases they were measured on."""

from __future__ import annotations

import functools

from crossbearing.kb.towns import towns as _towns
from crossbearing.model import Place

#: The population a town needs unless its own name matches exactly (or it lies in context).
MIN_POPULATION = 1000
#: A city this large that bears the name is the one meant whatever US state a report names
#: elsewhere (Miami, Cleveland); a town of a named state comes before smaller ones (Chelsea).
KNOWN_CITY = 100_000
#: A city this large, matched by its own name, is not displaced by a smaller town of a context
#: country matched only by an alternate name.
MAJOR_CITY = 1_000_000
#: Nor by a town of a context country this many times smaller that bears the same name ("Paris"
#: in a report on the United States is Paris, France, 86 times as large as Paris, Texas; "Dublin"
#: is Dublin, Ohio in one, 18 times smaller than Dublin, Ireland), unless a region names it.
WORLD_CITY_RATIO = 50
#: A town matched only by an alternate name (an old name, an exonym, a transliteration) outranks
#: a town that bears the name as its own only when this many times as large: "Williamsburg" is
#: Williamsburg, Virginia, not Rockville, Maryland (once so called, 4.5 times as large), while
#: "Basra" is still Basrah, Iraq, not a village of that spelling.
ALTERNATE_DISCOUNT = 10


@functools.lru_cache(maxsize=8192)
def find_town(key: str, context: frozenset[str], floor: int = 0,
               regions: frozenset[str] = frozenset(),
               near: frozenset[str] = frozenset()) -> tuple[Place, int] | None:
    """The best town for a key, and its population: in a context region (admin-1 code) first,
    then in a context country, then the most populous. A town matched by an alternate name needs
    ``MIN_POPULATION`` people unless it lies in a context region or country; any town ``floor``
    people. A town in context matched only by an alternate name gives way to a city of
    ``MAJOR_CITY`` people that bears the name ("Baghdad" is not Baghdādeh in Iran), and any
    town not in a context region to one of them ``WORLD_CITY_RATIO`` times as large ("Paris"
    with the United States in context is still Paris, France). ``near`` regions (US states
    the report names elsewhere) prefer a town there of the name's own (not an alternate name)
    to the other towns outside the context that are no city of ``KNOWN_CITY`` people
    ("Chelsea" in a report that names New York and New Jersey is Chelsea, New York;
    "Washington", "Miami" or "Cleveland" in one that names another state is still the city
    of ``KNOWN_CITY`` people or more)."""
    found = [(town, own) for town, own in _towns().named(key) if town.population >= floor and (
        own or town.population >= MIN_POPULATION or town.admin1_code in regions
        or town.country in context)]
    if not found:
        return None
    best, own = max(found, key=lambda item: (item[0].admin1_code in regions,
                                             item[0].country in context,
                                             bool(near) and item[1] and (
                                                 item[0].population >= KNOWN_CITY),
                                             item[1] and item[0].admin1_code in near,
                                             item[0].population * (1 if item[1] else
                                                                   1 / ALTERNATE_DISCOUNT),
                                             item[1], -item[0].id))
    major = [town for town, is_own in found if is_own and town.population >= MAJOR_CITY]
    if not own and best.admin1_code not in regions and major:
        best = max(major, key=lambda town: town.population)
    world = [town for town in major if town.population >= WORLD_CITY_RATIO * best.population]
    if best.admin1_code not in regions and world:
        best = max(world, key=lambda town: town.population)  # "the Paris accord" in a report
        # on the United States is Paris, France, not Paris, Texas ("Paris, Texas" names TX)
    return best.place(), best.population
