"""The curated actor knowledge base: the packaged data, the lookups and the loader's checks."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from importlib import resources

import pytest

from crossbearing.kb import (
    KB_VERSION,
    KINDS,
    RELATION_TYPES,
    TYPES,
    Actor,
    actor_by_id,
    actors_by_name_key,
    load_actors,
    name_key,
)
from crossbearing.kb.actors import KIND_TYPES

DATA_FILES = ("armed_groups.toml", "companies.toml", "media.toml", "organisations.toml", "people.toml",
              "states.toml")

#: Spellings met in reports, each with the actor it must resolve to.
SPELLINGS = {
    # platforms, pollsters and fact-checkers the model reads as people
    "Twitter": "twitter",
    "Politifact": "politifact",
    "Pew Research": "pew-research-center",
    "The Huffington Post": "huffpost",
    # one person, four written forms and a birth name
    "Abu Baqir al-Saadi": "abu-baqir-al-saadi",
    "Abu Baqir Al-Saadi": "abu-baqir-al-saadi",
    "Abu Baqer al-Saadi": "abu-baqir-al-saadi",
    "Abu Baqer Al-Saedi": "abu-baqir-al-saadi",
    "Abu Baqer al-Saedi": "abu-baqir-al-saadi",
    "Hajj Wisam Mohammed Saber": "abu-baqir-al-saadi",
    # the group, with every apostrophe and transliteration
    "Kata’ib Hezbollah": "kataib-hezbollah",
    "Kata'ib Hezbollah": "kataib-hezbollah",
    "Kataib Hezbollah": "kataib-hezbollah",
    "Kataeb Hezbollah": "kataib-hezbollah",
    "Katai’ib Hezbollah": "kataib-hezbollah",
    "Kata'ib Hizballah": "kataib-hezbollah",
    "Harakat Hezbollah al-Nujaba": "harakat-hezbollah-al-nujaba",
    "al-Nujaba": "harakat-hezbollah-al-nujaba",
    "Nujaba": "harakat-hezbollah-al-nujaba",
    "Islamic Resistance in Iraq": "islamic-resistance-in-iraq",
    "IRI": "islamic-resistance-in-iraq",
    "US Central Command": "us-central-command",
    "U.S. Central Command": "us-central-command",
    "CENTCOM": "us-central-command",
    "Popular Mobilization Forces": "popular-mobilization-forces",
    "Popular Mobilisation Forces": "popular-mobilization-forces",
    "PMF": "popular-mobilization-forces",
    "Hashd al-Sha’bi": "popular-mobilization-forces",
    "Yahya Rasool": "yahya-rasool",
    "Akram al-Kaabi": "akram-al-kaabi",
    "Ahmad al-Hamidawi": "ahmad-al-hamidawi",
    "Mohammed Shia’ al-Sudani": "mohammed-shia-al-sudani",
    "Mohammed Shia al-Sudani": "mohammed-shia-al-sudani",
    "Shia’ al-Sudani": "mohammed-shia-al-sudani",
    "Daesh": "islamic-state",
    "Islamic State": "islamic-state",
    "the Islamic State group": "islamic-state",
    "ISIS": "islamic-state",
    "Pentagon": "us-department-of-defense",
    "the Pentagon": "us-department-of-defense",
    "Joe Biden": "joe-biden",
    "US military": "us-armed-forces",
    "Iraqi Armed Forces": "iraqi-armed-forces",
    "Iraqi government": "iraq-government",
    "Hamas": "hamas",
    "Hezbollah": "hezbollah",
    "Axis of Resistance": "axis-of-resistance",
    "the Houthis": "ansar-allah",
    "Ansarallah": "ansar-allah",
    "Global Coalition to Defeat ISIS": "global-coalition-against-daesh",
    "Al Mayadeen English": "al-mayadeen",
    "Al Arabiya English": "al-arabiya",
    "Press TV": "press-tv",
    "AP": "associated-press",
    "Türkiye": "turkey",
    "Recep Tayyip Erdogan": "recep-tayyip-erdogan",
}

#: Words and phrases too generic to name one actor; none may be a name or alias.
GENERIC = (
    "the group", "group", "militia", "militias", "government", "army", "military", "resistance",
    "the Resistance", "Islamic Resistance", "Iraqi Resistance", "coalition", "the coalition",
    "international coalition", "US-led coalition", "movement", "ministry", "forces", "police",
    "Foreign Ministry", "Ministry of Defence", "Defence Ministry", "Interior Ministry",
    "Security Council", "National Security Council", "Red Cross", "Red Crescent", "is", "who",
    "let", "jam", "spa", "amnesty", "national", "monitor", "the National", "Al-Monitor", "Fars",
    "Petra", "MENA", "Azov", "Sepah", "Houthi", "Saadi", "al-Saadi", "Sudani", "Kaabi",
)


# --- helpers -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def actors() -> tuple[Actor, ...]:
    """The packaged actors, loaded once for the module."""
    return load_actors()


def by_id(actors: tuple[Actor, ...]) -> dict[str, Actor]:
    """Actors keyed by id."""
    return {actor.id: actor for actor in actors}


def owners_by_key(actors: tuple[Actor, ...]) -> dict[str, set[str]]:
    """Every name key mapped to the ids of the actors that carry it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        for name in actor.names:
            owners[name_key(name)].add(actor.id)
    return owners


def write_kb(directory, files: dict[str, str]):
    """Write TOML data files into ``directory`` and return it."""
    for file_name, text in files.items():
        (directory / file_name).write_text(text, encoding="utf-8")
    return directory


def entry(actor_id: str, name: str, type_: str = "ORG", extra: str = "") -> str:
    """The text of one ``[[actor]]`` table for an armed group."""
    return (
        f'[[actor]]\nid = "{actor_id}"\nname = "{name}"\ntype = "{type_}"\nkind = "armed-group"\n'
        f'country = "IQ"\n{extra}\n'
    )


# --- the packaged data -------------------------------------------------------------------------


def test_the_data_files_are_packaged():
    data = resources.files("crossbearing.kb") / "data"
    names = sorted(item.name for item in data.iterdir() if item.name.endswith(".toml"))
    assert names == sorted(DATA_FILES)


def test_packaged_data_loads_with_at_least_300_actors(actors):
    assert len(actors) >= 300
    assert all(isinstance(actor, Actor) for actor in actors)
    assert len(by_id(actors)) == len(actors)


def test_every_data_file_holds_actors(actors):
    data = resources.files("crossbearing.kb") / "data"
    counts = {
        name: len(tomllib.loads((data / name).read_text(encoding="utf-8"))["actor"])
        for name in DATA_FILES
    }
    assert all(count > 0 for count in counts.values())
    assert sum(counts.values()) == len(actors)


def test_types_and_kinds_are_the_allowed_ones(actors):
    assert {actor.type for actor in actors} <= set(TYPES)
    assert {actor.kind for actor in actors} == set(KINDS)
    assert all(KIND_TYPES[actor.kind] == actor.type for actor in actors)


def test_relation_targets_exist_and_are_sourced(actors):
    ids = by_id(actors)
    for actor in actors:
        for relation in actor.relations:
            assert relation.target in ids, (actor.id, relation.target)
            assert relation.type in RELATION_TYPES
            assert relation.note, (actor.id, relation.target)


def test_roles_in_a_group_come_from_people(actors):
    personal = {"leader-of", "spokesperson-of", "commander-of"}
    for actor in actors:
        for relation in actor.relations:
            if relation.type in personal:
                assert actor.kind == "person", (actor.id, relation.type)


def test_part_of_has_no_cycles(actors):
    parents = defaultdict(set)
    for actor in actors:
        for relation in actor.relations:
            if relation.type in ("part-of", "successor-of"):
                parents[actor.id].add(relation.target)

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        """Whether ``goal`` is reachable from ``start`` through parent links."""
        for parent in parents.get(start, set()) - seen:
            if parent == goal or reaches(parent, goal, seen | {parent}):
                return True
        return False

    assert not [actor_id for actor_id in parents if reaches(actor_id, actor_id, set())]


def test_no_name_belongs_to_two_actors(actors):
    shared = {key: ids for key, ids in owners_by_key(actors).items() if len(ids) > 1}
    assert shared == {}


def test_generic_words_are_never_names(actors):
    keys = owners_by_key(actors)
    assert [word for word in GENERIC if name_key(word) in keys] == []


def test_wikidata_ids_are_unique(actors):
    ids = [actor.wikidata for actor in actors if actor.wikidata]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", qid) for qid in ids)
    assert len(ids) == len(set(ids))


def test_states_and_international_bodies_have_fitting_countries(actors):
    for actor in actors:
        if actor.kind == "state":
            assert actor.country and actor.type == "GPE", actor.id
        if actor.kind == "international-organisation":
            assert actor.country == "", actor.id


def test_people_have_roles_and_nobody_else_does(actors):
    for actor in actors:
        assert bool(actor.roles) == (actor.kind == "person"), actor.id


# --- lookups -----------------------------------------------------------------------------------


@pytest.mark.parametrize("spelling, actor_id", sorted(SPELLINGS.items()))
def test_spelling_resolves_to_its_actor(spelling, actor_id):
    assert actors_by_name_key().get(name_key(spelling)) == actor_id


def test_abu_baqir_al_saadi_is_one_person():
    index = actors_by_name_key()
    spellings = ["Abu Baqer Al-Saedi", "Abu Baqir al-Saadi", "Hajj Wisam Mohammed Saber"]
    found = {index[name_key(spelling)] for spelling in spellings}
    assert found == {"abu-baqir-al-saadi"}
    assert actor_by_id("abu-baqir-al-saadi").kind == "person"


def test_kataib_hezbollah_is_not_hezbollah():
    index = actors_by_name_key()
    assert index[name_key("Kata’ib Hezbollah")] != index[name_key("Hezbollah")]


def test_centcom_is_the_us_central_command():
    centcom = actor_by_id(actors_by_name_key()[name_key("CENTCOM")])
    assert centcom.name == "US Central Command"
    assert centcom.country == "US" and centcom.kind == "military"


def test_every_name_of_every_actor_is_indexed(actors):
    index = actors_by_name_key()
    for actor in actors:
        for name in actor.names:
            assert index[name_key(name)] == actor.id


def test_index_is_a_copy():
    index = actors_by_name_key()
    index.clear()
    assert actors_by_name_key()


def test_actor_by_id_unknown_raises_key_error():
    with pytest.raises(KeyError, match="no-such-actor"):
        actor_by_id("no-such-actor")


@pytest.mark.parametrize(
    "text, key",
    [
        ("Kata’ib Hezbollah", "kataib hezbollah"),
        ("KATA'IB  HEZBOLLAH", "kataib hezbollah"),
        ("Abu Baqir Al-Saadi", "abu baqir saadi"),
        ("Abu Baqir al Saadi", "abu baqir saadi"),
        ("U.S. Central Command", "us central command"),
        ("Hay'at Tahrir ash-Sham", "hayat tahrir sham"),
        ("Erdoğan", "erdogan"),
        ("The Pentagon", "pentagon"),
    ],
)
def test_name_key(text, key):
    assert name_key(text) == key


def test_kb_version_is_year_month_serial():
    assert re.fullmatch(r"20\d\d\.(?:[1-9]|1[0-2])\.[1-9]\d*", KB_VERSION)


# --- the loader's checks -----------------------------------------------------------------------


def test_a_good_directory_loads(tmp_path):
    write_kb(tmp_path, {"a.toml": entry("group-a", "Group A") + entry("group-b", "Group B")})
    assert [actor.id for actor in load_actors(tmp_path)] == ["group-a", "group-b"]


def test_broken_entry_names_file_and_entry(tmp_path):
    broken = entry("fine-group", "Fine Group") + entry("broken-one", "Broken One", type_="PERSON")
    write_kb(tmp_path, {"broken.toml": broken})
    with pytest.raises(ValueError) as raised:
        load_actors(tmp_path)
    message = str(raised.value)
    assert "broken.toml" in message and "actor #2" in message and "broken-one" in message


@pytest.mark.parametrize(
    "extra, complaint",
    [
        ('wikidata = "12345"', "wikidata"),
        ('aliases = "not a list"', "aliases"),
        ('roles = ["Commander"]', "roles"),
        ('colour = "red"', "unknown keys"),
        ('relations = [{ type = "friend-of", target = "group-a", note = "x" }]', "relation type"),
        ('relations = [{ type = "member-of", target = "group-a", note = "" }]', "source note"),
    ],
)
def test_malformed_fields_are_refused(tmp_path, extra, complaint):
    two = entry("group-a", "Group A") + entry("group-b", "Group B", extra=extra)
    write_kb(tmp_path, {"a.toml": two})
    with pytest.raises(ValueError, match=complaint) as raised:
        load_actors(tmp_path)
    assert "a.toml: actor #2" in str(raised.value)


def test_bad_country_and_id_are_refused(tmp_path):
    bad_id = entry("Group_B", "Group B")
    write_kb(tmp_path, {"a.toml": bad_id})
    with pytest.raises(ValueError, match="kebab-case"):
        load_actors(tmp_path)
    write_kb(tmp_path, {"a.toml": entry("group-b", "Group B").replace('"IQ"', '"XX"')})
    with pytest.raises(ValueError, match="ISO 3166"):
        load_actors(tmp_path)


def test_unknown_relation_target_is_refused(tmp_path):
    extra = 'relations = [{ type = "member-of", target = "nowhere", note = "test" }]'
    write_kb(tmp_path, {"a.toml": entry("group-a", "Group A", extra=extra)})
    with pytest.raises(ValueError, match="a.toml: actor #1 \\(id 'group-a'\\).*'nowhere'"):
        load_actors(tmp_path)


def test_shared_alias_across_files_is_refused(tmp_path):
    write_kb(
        tmp_path,
        {
            "a.toml": entry("group-a", "Group A", extra='aliases = ["The Brigades"]'),
            "b.toml": entry("group-b", "Group B", extra='aliases = ["the brigades"]'),
        },
    )
    with pytest.raises(ValueError, match="b.toml: actor #1 \\(id 'group-b'\\).*group-a"):
        load_actors(tmp_path)


def test_duplicate_id_is_refused(tmp_path):
    write_kb(tmp_path, {"a.toml": entry("group-a", "Group A") + entry("group-a", "Group A Again")})
    with pytest.raises(ValueError, match="already used"):
        load_actors(tmp_path)


def test_invalid_toml_names_the_file(tmp_path):
    write_kb(tmp_path, {"bad.toml": "[[actor]\nid = "})
    with pytest.raises(ValueError, match="bad.toml: not valid TOML"):
        load_actors(tmp_path)


def test_other_top_level_tables_are_refused(tmp_path):
    write_kb(tmp_path, {"a.toml": '[meta]\nversion = "1"\n'})
    with pytest.raises(ValueError, match="only \\[\\[actor\\]\\] tables"):
        load_actors(tmp_path)
