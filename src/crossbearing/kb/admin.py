"""First-level administrative regions (admin-1: provinces, governorates, Israel's districts) and
what a resolved place says about them.

``kb/data/places/admin1.csv`` names the admin-1 regions of Iraq, Syria, Yemen, Lebanon, Israel,
Palestine, Jordan, Turkey and Iran by their GeoNames code ("SY.01" is Al Hasakah), with the
spellings news uses ("Hasakeh", "Hasakah", "Al-Hasakeh") and the GeoNames id of the capital,
where the region is placed: ACLED places an event known only to its province at the provincial
capital. Every GeoNames town carries its admin-1 code, so a town's region is known; a curated
place gives its own or takes the region of the nearest GeoNames town of its country
(``places.admin1_code``).

``geo_precision`` gives a place's ACLED geo-precision: 1 for a town or site, 2 for a curated
region smaller than a province (or a part of one), 3 for a province or a country.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass

from crossbearing.kb.place_keys import place_key, without_the
from crossbearing.kb.towns import town_by_id
from crossbearing.knowledge import files
from crossbearing.model import Place

_DATA_FILE = "admin1.csv"
_CODE = re.compile(r"[A-Z]{2}\.[0-9A-Z]{2}")
#: Words after a region's name that make it the region, not its capital town: "Raqqa
#: province", "al-Hasakah governorate", "the Aleppo countryside".
REGION_WORDS = ("province", "governorate", "countryside", "region", "wilayah", "muhafazah")
_REGION_SUFFIX = re.compile(r"\s+(?:%s)$" % "|".join(REGION_WORDS))


@dataclass(frozen=True)
class Admin1:
    """One admin-1 region: GeoNames code, name, other spellings, capital's GeoNames id."""

    code: str
    name: str
    aliases: tuple[str, ...]
    capital: int
    source: str

    @property
    def country(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class _Table:
    regions: dict[str, Admin1]   # code -> region
    names: dict[str, str]        # key of every name and alias -> code


def _parse(text: str, source: str) -> _Table:
    """The admin-1 table, checked: codes unique and well formed, no key of two regions."""
    regions: dict[str, Admin1] = {}
    names: dict[str, str] = {}
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        code, name = row.get("code") or "", (row.get("name") or "").strip()
        capital = row.get("capital") or ""
        if not _CODE.fullmatch(code) or not name or not capital.isdigit() or code in regions:
            raise ValueError(f"{source}: line {number}: bad or repeated code, name or capital")
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
        region = Admin1(code, name, aliases, int(capital), (row.get("source") or "").strip())
        regions[code] = region
        for label in (name, *aliases):
            key = without_the(place_key(label))
            if names.setdefault(key, code) != code:
                raise ValueError(f"{source}: line {number}: {label!r} also names {names[key]}")
    return _Table(regions, names)


@functools.cache
def _table() -> _Table:
    return _parse(files.text("admin1"), _DATA_FILE)


def regions() -> tuple[Admin1, ...]:
    """Every admin-1 region of the table."""
    return tuple(_table().regions.values())


def admin1_by_key(key: str) -> tuple[str, bool] | None:
    """The admin-1 code a place key names, and whether the key says it is the region ("raqqa
    province" does; "raqqa" may be the town). None when the key names no admin-1 region."""
    key = without_the(key)
    bare = _REGION_SUFFIX.sub("", key)
    for name in (key, bare):  # "Istanbul Province" is a name; "Raqqa province" Raqqa's region
        code = _table().names.get(name)
        if code is not None:
            return code, bare != key
    return None


def admin1_by_name(name: str) -> Place | None:
    """The admin-1 region a name stands for ("Al Hasakeh", "Deir ez-Zor province"), or None."""
    found = admin1_by_key(place_key(name))
    return admin1_place(found[0]) if found else None


@functools.lru_cache(maxsize=512)
def admin1_place(code: str) -> Place | None:
    """The region with this code ("SY.01") as a ``Place`` at its capital, or None."""
    region = _table().regions.get(code)
    if region is None:
        return None
    town = town_by_id(region.capital)
    point = (town.latitude, town.longitude) if town else (None, None)
    return Place(f"admin1:{code}", region.name, "region", region.country, *point, "region",
                 "curated")


def admin1_name(code: str | None) -> str | None:
    """The name of the region with this code, or None."""
    region = _table().regions.get(code or "")
    return region.name if region else None


def geo_precision(place: Place | None) -> int | None:
    """ACLED's geo-precision of a place: 1 a town or site, 2 a curated region smaller than a
    province (a district, a strip), 3 a province or a country; None without a place."""
    if place is None:
        return None
    if place.precision in ("city", "site"):
        return 1
    if place.kind == "country" or place.id.startswith("admin1:") or place.latitude is None:
        return 3
    if place.source == "geonames":  # a US state
        return 3
    return 2
