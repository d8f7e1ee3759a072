"""The compact GeoNames town index: built once, reopened, rebuilt when its sources change, and
built somewhere writable when the cache directory is not."""

import json

import pytest

from crossbearing.kb import town_index
from crossbearing.kb.place_keys import town_keys as _town_keys

TOWNS = {
    "1": {"geonameid": 1, "name": "Al Qā’im", "latitude": 34.39, "longitude": 40.99,
          "countrycode": "IQ", "population": 74000, "admin1code": "01",
          "alternatenames": ["Qaim", "XQC", "Ал-Каим"]},
    "2": {"geonameid": 2, "name": "Springfield", "latitude": 39.8, "longitude": -89.64,
          "countrycode": "US", "population": 114000, "admin1code": "IL", "alternatenames": []},
}


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(TOWNS), encoding="utf-8")
    return path


@pytest.fixture
def code(tmp_path):
    path = tmp_path / "keys.py"
    path.write_text("# the code that makes the keys\n")
    return path


def keys_of(connection, row):
    return {key for (key,) in connection.execute("SELECT key FROM names WHERE row = ?", (row,))}


def test_the_index_holds_every_town_with_its_keys(tmp_path, monkeypatch, source, code):
    monkeypatch.setenv("CROSSBEARING_CACHE", str(tmp_path / "cache"))
    connection = town_index.open_index(source, code, _town_keys)
    rows = connection.execute("SELECT row, id, name, country, admin1 FROM towns ORDER BY row")
    assert rows.fetchall() == [(0, 1, "Al Qā’im", "IQ", "01"), (1, 2, "Springfield", "US", "IL")]
    assert keys_of(connection, 0) == {"qaim"}  # own and alternate give one key; codes dropped
    assert connection.execute("SELECT own FROM names WHERE row = 1").fetchall() == [(1,)]


def test_the_index_is_built_once_and_again_when_its_sources_change(tmp_path, monkeypatch,
                                                                    source, code):
    monkeypatch.setenv("CROSSBEARING_CACHE", str(tmp_path / "cache"))
    town_index.open_index(source, code, _town_keys).close()
    (built,) = (tmp_path / "cache").glob("towns-*.sqlite")
    calls = []
    town_index.open_index(source, code, lambda record: calls.append(record) or ("x", set()))
    assert calls == []  # opened, not built again
    TOWNS["3"] = dict(TOWNS["2"], geonameid=3, name="Shelbyville")
    try:
        source.write_text(json.dumps(TOWNS), encoding="utf-8")
        connection = town_index.open_index(source, code, _town_keys)
    finally:
        del TOWNS["3"]
    assert connection.execute("SELECT count(*) FROM towns").fetchone() == (3,)
    assert len(list((tmp_path / "cache").glob("towns-*.sqlite"))) == 2
    code.write_text("# the keys are made differently now\n")
    assert town_index.fingerprint(source, code) not in built.name


def test_a_cache_directory_that_cannot_be_written_is_not_needed(tmp_path, monkeypatch, source,
                                                                code):
    blocker = tmp_path / "a-file"  # a directory cannot be made under a file, even by root
    blocker.write_text("")
    monkeypatch.setenv("CROSSBEARING_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(town_index.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    connection = town_index.open_index(source, code, _town_keys)
    assert connection.execute("SELECT count(*) FROM towns").fetchone() == (2,)
    assert list((tmp_path / "tmp").glob("*/towns-*.sqlite"))


def test_with_nowhere_to_write_the_index_is_built_in_memory(tmp_path, monkeypatch, source, code):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("CROSSBEARING_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(town_index.tempfile, "gettempdir", lambda: str(blocker))
    connection = town_index.open_index(source, code, _town_keys)
    assert connection.execute("SELECT name FROM towns WHERE id = 2").fetchone() == ("Springfield",)
