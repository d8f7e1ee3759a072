"""The offline place gazetteer: countries, curated places, GeoNames towns and US states."""

import math
import subprocess
import sys
from functools import cache

import pytest

from crossbearing.kb import places
from crossbearing.kb.us_states import state_codes
from crossbearing.kb.places import (
    KINDS,
    PRECISIONS,
    country_place,
    load_curated_places,
    lookup_place,
    place_by_id,
    place_key,
)


def near(place, latitude, longitude, tolerance=0.3):
    """Whether a place lies within ``tolerance`` degrees of a point."""
    return (place is not None and place.latitude is not None
            and abs(place.latitude - latitude) <= tolerance
            and abs(place.longitude - longitude) <= tolerance)


@cache
def town_extents(margin):
    """Per country, the box around its GeoNames towns (the gazetteer's own), widened by ``margin``
    degrees: a check that catches swapped, mis-signed or mistyped coordinates."""
    boxes = {}
    for code, latitude, longitude in places._towns().points():
        box = boxes.setdefault(code, [latitude, latitude, longitude, longitude, 0])
        box[0], box[1] = min(box[0], latitude), max(box[1], latitude)
        box[2], box[3] = min(box[2], longitude), max(box[3], longitude)
        box[4] += 1
    return {code: (s - margin, n + margin, w - margin, e + margin)
            for code, (s, n, w, e, count) in boxes.items() if count >= 3}


# --- names as news writes them -----------------------------------------------------------------

@pytest.mark.parametrize("name, place_id, kind", [
    ("Jordan", "country:JO", "country"),
    ("Syria", "country:SY", "country"),
    ("the US", "country:US", "country"),
    ("U.S.", "country:US", "country"),
    ("US", "country:US", "country"),
    ("United States", "country:US", "country"),
    ("America", "country:US", "country"),
    ("Britain", "country:GB", "country"),
    ("UK", "country:GB", "country"),
    ("Iran", "country:IR", "country"),
    ("Russia", "country:RU", "country"),
    ("South Korea", "country:KR", "country"),
    ("North Korea", "country:KP", "country"),
    ("Palestine", "country:PS", "country"),
    ("the Palestinian territories", "country:PS", "country"),
    ("the Netherlands", "country:NL", "country"),
    ("Türkiye", "country:TR", "country"),
    ("Turkey", "country:TR", "country"),
    ("El Salvador", "country:SV", "country"),
    ("Gaza", "region:gaza-strip", "region"),
    ("the Gaza Strip", "region:gaza-strip", "region"),
    ("West Bank", "region:west-bank", "region"),
    ("the West Bank", "region:west-bank", "region"),
    ("Red Sea", "region:red-sea", "region"),
    ("Middle East", "region:middle-east", "region"),
    ("West Asia", "region:west-asia", "region"),
    ("Tower 22", "site:tower-22", "site"),
    ("Ain al-Asad", "site:ain-al-asad-air-base", "site"),
    ("al-Tanf", "site:al-tanf-garrison", "site"),
    ("At Tanf", "site:al-tanf-garrison", "site"),
    ("Kerch bridge", "site:crimean-bridge", "site"),
    ("Bab el-Mandeb", "region:bab-al-mandab", "region"),
    ("Hodeidah", "city:hodeidah", "city"),
])
def test_countries_and_curated_places_resolve(name, place_id, kind):
    place = lookup_place(name)
    assert place is not None, name
    assert (place.id, place.kind, place.precision) == (place_id, kind, kind)


@pytest.mark.parametrize("name, country, latitude, longitude", [
    ("Baghdad", "IQ", 33.3, 44.4),
    ("Tehran", "IR", 35.7, 51.4),
    ("Beirut", "LB", 33.9, 35.5),
    ("Sanaa", "YE", 15.35, 44.2),
    ("Sana'a", "YE", 15.35, 44.2),
    ("Washington", "US", 38.9, -77.0),
    ("Deir ez-Zor", "SY", 35.3, 40.1),
    ("Abu Kamal", "SY", 34.45, 40.9),
    ("Al-Bukamal", "SY", 34.45, 40.9),
    ("Bakhmut", "UA", 48.6, 38.0),
    ("Avdiivka", "UA", 48.1, 37.75),
    ("Erbil", "IQ", 36.2, 44.0),
    ("Kyiv", "UA", 50.45, 30.5),
    ("Kiev", "UA", 50.45, 30.5),
    ("KYIV", "UA", 50.45, 30.5),
    ("The Hague", "NL", 52.1, 4.3),
])
def test_towns_resolve_from_geonames(name, country, latitude, longitude):
    place = lookup_place(name)
    assert place is not None and place.source == "geonames", name
    assert (place.kind, place.precision, place.country) == ("city", "city", country)
    assert place.id.startswith("geonames:")
    assert near(place, latitude, longitude), place


@pytest.mark.parametrize("name", ["al-Qaim", "Al Qaim", "Qaim", "Al Qā’im", "Al-Qa'im", "al Qa’im"])
def test_transliterations_of_al_qaim_meet(name):
    place = lookup_place(name)
    assert place is not None and place.id == "geonames:92138"
    assert place.country == "IQ" and near(place, 34.39, 40.99, 0.05)


def test_baghdad_is_the_geonames_city_at_its_coordinates():
    place = lookup_place("Baghdad")
    assert place.id == "geonames:98182"
    assert near(place, 33.3, 44.4, 0.1)


def test_tower_22_is_a_site_in_jordan_near_al_tanf():
    tower, tanf = lookup_place("Tower 22"), lookup_place("al-Tanf")
    assert (tower.country, tower.kind, tower.source) == ("JO", "site", "curated")
    assert tanf.country == "SY"
    assert math.dist((tower.latitude, tower.longitude), (tanf.latitude, tanf.longitude)) < 0.5


def test_jordan_is_the_country_not_a_town():
    for context in ((), ("US",), ("IQ",)):
        assert lookup_place("Jordan", context_countries=context).id == "country:JO"
    assert lookup_place("Lebanon", context_countries=["US"]).id == "country:LB"


def test_countries_have_centre_points_and_display_names():
    iraq = lookup_place("Iraq")
    assert iraq == country_place("IQ")
    assert (iraq.name, iraq.kind, iraq.precision, iraq.source) == ("Iraq", "country", "country",
                                                                  "pycountry")
    assert near(iraq, 33.2, 43.7)
    assert lookup_place("South Korea").name == "South Korea"
    assert country_place("ZZ") is None


# --- US states ------------------------------------------------------------------------------

def test_georgia_is_the_country_unless_the_context_is_the_us():
    assert lookup_place("Georgia").id == "country:GE"
    state = lookup_place("Georgia", context_countries=["US"])
    assert (state.kind, state.precision, state.country, state.source) == (
        "region", "region", "US", "geonames")
    assert state.name == "Georgia" and near(state, 33.75, -84.39)  # placed at Atlanta, its capital


def test_a_state_name_is_the_state_unless_a_town_of_a_context_country_has_it():
    florida = lookup_place("Florida")  # not Floridablanca, Colombia
    assert florida.kind == "region" and florida.country == "US"
    assert lookup_place("Virginia", context_countries=["ZA"]).kind == "city"  # Virginia, Free State
    texas = lookup_place("Texas", context_countries=["US"])
    assert texas.kind == "region" and near(texas, 30.27, -97.74)  # Austin
    assert lookup_place("California", context_countries=["us"]).kind == "region"
    assert lookup_place("California", context_countries=["United States"]).kind == "region"


def test_large_us_cities_beat_states_of_the_same_name():
    assert lookup_place("Washington", context_countries=["US"]).kind == "city"
    assert lookup_place("New York", context_countries=["US"]).kind == "city"
    assert lookup_place("Washington State", context_countries=["US"]).kind == "region"


def test_every_us_state_has_its_capital_coordinates():
    for key, code in state_codes().items():
        state = places.us_state_place(code)
        assert state.latitude is not None and state.country == "US", key


# --- context, descriptions, unknown names ------------------------------------------------------

def test_context_countries_pick_among_towns_of_one_name():
    assert lookup_place("Rafah").country == "PS"
    assert lookup_place("Rafah", context_countries=["EG"]).country == "EG"
    assert lookup_place("Damascus").country == "SY"


@pytest.mark.parametrize("text", [
    "the capital", "the Iraqi capital", "capital", "the north", "the city", "the border",
    "the enclave", "", "   ", "—",
])
def test_descriptions_are_not_places(text):
    assert lookup_place(text) is None


@pytest.mark.parametrize("text", ["Xyzzyville", "Qwertabad al-Jadida", "Akashatx", "NATO", "EU"])
def test_unknown_names_and_acronyms_are_not_places(text):
    assert lookup_place(text) is None


# --- keys -----------------------------------------------------------------------------------

@pytest.mark.parametrize("variants, key", [
    (["Al Qā’im", "al-Qaim", "Al-Qa'im", "Qaim", "AL QAIM"], "qaim"),
    (["Deir ez-Zor", "Deir al-Zor", "Deir el Zor", "Dayr az Zor"], "dayr zor"),
    (["Tal Tamr", "Tell Tamr", "Tall Tamr"], "tall tamr"),
    (["Al Hasakeh", "Hasakah", "al-Ḩasakah", "Hasaka"], "hasaka"),
    (["Nabatieh", "Nabatiyeh", "An Nabatiyah", "Nabatiya"], "nabatiya"),
    (["Ash Shaddādah", "al-Shaddadah", "Shaddadah", "Shaddada"], "shaddada"),
    (["U.S.", "US"], "us"),
    (["İncirlik", "Incirlik"], "incirlik"),
])
def test_place_key_folds_spelling_variants(variants, key):
    assert {place_key(variant) for variant in variants} == {key}


def test_place_key_keeps_articles_that_are_not_arabic():
    assert place_key("The Hague") == "the hague"
    assert place_key("Al") == "al"


# --- the curated data -----------------------------------------------------------------------

def test_curated_places_are_many_and_well_formed():
    curated = load_curated_places()
    assert len(curated) >= 40
    assert len({place.id for place in curated}) == len(curated)
    for place in curated:
        assert place.kind in KINDS and place.precision == place.kind in PRECISIONS
        assert place.source == "curated" and place.id == f"{place.kind}:{place.id.split(':')[1]}"
        if place.kind != "region":
            assert place.country and place.latitude is not None, place.id


def test_curated_coordinates_lie_in_their_country():
    boxes = town_extents(1)
    for place in load_curated_places():
        if place.country in boxes and place.latitude is not None:
            south, north, west, east = boxes[place.country]
            assert south <= place.latitude <= north and west <= place.longitude <= east, place.id


def test_country_centre_points_lie_in_their_country():
    boxes = town_extents(2)  # some countries have all their towns on the coast
    for code in places._data().centroids:
        if code in boxes:
            south, north, west, east = boxes[code]
            country = country_place(code)
            assert south <= country.latitude <= north and west <= country.longitude <= east, code


def write(tmp_path, text):
    """A data file holding ``text``."""
    path = tmp_path / "places.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = '[[place]]\nid = "x-base"\nname = "X Base"\nkind = "site"\ncountry = "IQ"\n' \
       'latitude = 33.0\nlongitude = 44.0\nnote = "A base."\n'


@pytest.mark.parametrize("text, message", [
    (GOOD.replace("latitude = 33.0\n", ""), "latitude"),
    (GOOD.replace('country = "IQ"', 'country = "XX"'), "alpha-2"),
    (GOOD.replace('kind = "site"', 'kind = "base"'), "kind"),
    (GOOD.replace('note = "A base."', 'nickname = "x"'), "missing keys"),
    (GOOD + GOOD.replace('"x-base"', '"y-base"'), "also a name of"),
    (GOOD + GOOD, "duplicate ids"),
    (GOOD.replace('name = "X Base"', 'name = "Jordan"'), "country's name"),
    (GOOD.replace('name = "X Base"', 'name = "the capital"'), "descriptive"),
    (GOOD + "[actors]\n", "unknown tables"),
    ("[country_centroids]\nIQ = [133.0, 44.0]\n", "country_centroids"),
])
def test_bad_curated_data_is_refused(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        load_curated_places(write(tmp_path, text))


def test_a_region_may_lack_country_and_coordinates(tmp_path):
    text = '[[place]]\nid = "levant"\nname = "Levant"\nkind = "region"\nnote = "A region."\n'
    (levant,) = load_curated_places(write(tmp_path, text))
    assert (levant.country, levant.latitude, levant.id) == (None, None, "region:levant")


# --- loading ----------------------------------------------------------------------------------

def test_geonames_tables_load_only_when_a_lookup_reaches_them():
    code = ("from crossbearing.kb import places as p\n"
            "assert p.lookup_place('Jordan') and p.lookup_place('Tower 22')\n"
            "assert p.lookup_place('the capital') is None\n"
            "assert p._towns.cache_info().currsize == 0\n"
            "assert p.lookup_place('Baghdad') and p.lookup_place('Mosul')\n"
            "assert p._towns.cache_info().misses == 1\n")
    subprocess.run([sys.executable, "-c", code], check=True)


# --- ids ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, context", [
    ("Iraq", ()), ("Tower 22", ()), ("Gaza", ()), ("Baghdad", ()), ("al-Qaim", ()),
    ("Georgia", ("US",)), ("Middle East", ()),
])
def test_place_by_id_gives_back_what_lookup_gave(name, context):
    place = lookup_place(name, context_countries=context)
    assert place_by_id(place.id) == place


@pytest.mark.parametrize("place_id", [
    "country:ZZ", "country:iq", "site:no-such-base", "geonames:1", "geonames:x", "tower-22", "",
])
def test_place_by_id_refuses_unknown_ids(place_id):
    assert place_by_id(place_id) is None


@pytest.mark.parametrize("name, country", [("Paris", "FR"), ("Moscow", "RU"), ("Cairo", "EG")])
def test_a_world_city_is_not_a_small_namesake_of_a_country_in_context(name, country):
    assert places.lookup_place(name, context_countries=["US"]).country == country


def test_a_region_named_still_picks_the_namesake():
    place = places.lookup_place("Paris", context_countries=["US"], context_regions=["US.TX"])
    assert place.country == "US"
    assert places.lookup_place("Birmingham", context_countries=["US"]).country == "US"
