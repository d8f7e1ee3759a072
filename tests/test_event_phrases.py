"""Verbs whose sense as an event depends on what goes with them (annotate/event_phrases.py), and
place names the model mistypes or runs together (annotate/place_spans.py). Every text here is
written for these tests."""

import pytest
from conftest import annotate_text

from crossbearing.kb.places import admin1_code, place_by_id


def events(text):
    return [(e.event_type, e.text) for e in annotate_text(text).events]


def types(text):
    return {t for t, _ in events(text)}


@pytest.mark.parametrize("text, expected", [
    ("Masked gunmen shot dead a school teacher in the village on Sunday.", "killing"),
    ("Two shepherds were shot dead near the border crossing.", "killing"),
    ("A sniper shot a boy outside the bakery.", "attack"),
    ("Police shot him in the leg during the march.", "attack"),
])
def test_shooting_a_person_is_violence(text, expected):
    assert expected in types(text)


@pytest.mark.parametrize("text", [
    "The director shot the film in Amman last spring.",
    "The young singer shot to fame after the contest.",
    "Lawmakers shot down the proposal in a late vote.",
])
def test_shooting_with_no_one_shot_is_no_event(text):
    assert not types(text) & {"killing", "attack"}


@pytest.mark.parametrize("text", [
    "Villagers said settlers set fire to two barns and a car overnight.",
    "Rioters set the municipal office ablaze after the verdict.",
    "Militiamen blew up the bridge over the river before withdrawing.",
    "The bulldozers demolished four homes in the hamlet on Monday.",
])
def test_property_burned_or_blown_up_is_property_destruction(text):
    assert "property_destruction" in types(text)


@pytest.mark.parametrize("text", [
    "The committee set a date for the next round of talks.",
    "The row blew up on social media within hours.",
    "Students burned the flag of the occupying power at the rally.",
])
def test_setting_burning_and_blowing_up_something_else_is_no_destruction(text):
    assert "property_destruction" not in types(text)


def test_the_fire_set_is_no_target_what_it_was_set_to_is():
    [event] = [e for e in annotate_text(
        "Settlers set fire to olive groves and a tractor near the village.").events
        if e.event_type == "property_destruction"]
    assert [a.text for a in event.role("target")] == ["olive groves", "tractor"]


def test_bombs_dropped_are_an_air_strike_and_not_its_target():
    [event] = [e for e in annotate_text(
        "Government helicopters dropped barrel bombs on the market of the town.").events
        if e.text == "dropped"]
    assert event.event_type == "air_drone_strike"
    assert [a.text for a in event.role("target")] == ["market"]


def test_dropping_something_else_is_no_strike():
    assert "air_drone_strike" not in types("Prosecutors dropped the charges against the mayor.")


@pytest.mark.parametrize("text", [
    "Hundreds of protesters gathered outside the governor's office on Friday.",
    "Thousands of demonstrators marched to the parliament building.",
])
def test_protesters_gathering_is_a_protest(text):
    assert "protest" in types(text)


def test_others_gathering_is_no_protest():
    assert "protest" not in types("Foreign ministers gathered in Geneva for the conference.")


@pytest.mark.parametrize("text, expected", [
    ("Masked gunmen shot dead a school teacher in the village on Sunday.", "killing"),
    ("Gunmen attacked a bus carrying pilgrims on the highway.", "attack"),
    ("Gunmen attacked an army checkpoint near the town.", "armed_clash"),
    ("Militants attacked a police patrol on the road to the airport.", "armed_clash"),
])
def test_violence_by_gunfire_is_typed_by_whom_it_harmed(text, expected):
    assert expected in types(text)


def test_a_victim_shot_dead_is_named_without_dead():
    [event] = [e for e in annotate_text(
        "Soldiers shot dead three farmers near the fence.").events if e.text == "shot"]
    assert [a.text for a in event.role("victim")] == ["three farmers"]


# --- places the model mistypes or runs together --------------------------------------------


def places(text):
    result = annotate_text(text)
    return {m.text: place_by_id(m.place_id) for m in result.mentions if m.place_id}


def test_a_town_and_its_province_run_together_are_two_places():
    found = places("On 2 March, students gathered in Cizre, Sirnak, after the mayor's arrest.")
    assert {"Cizre", "Sirnak"} <= set(found)
    assert admin1_code(found["Cizre"]) == "TR.80"


def test_a_region_after_a_town_and_a_comma_is_a_place_whatever_its_model_type():
    found = places("Artillery shelled farms on the outskirts of Manbij, Aleppo, on Tuesday.")
    assert {"Manbij", "Aleppo"} <= set(found)
    assert admin1_code(found["Manbij"]) == "SY.09"


def test_a_town_attacked_is_where_the_raid_was():
    [event] = [e for e in annotate_text(
        "On 4 June, soldiers carried out a raid on Tubas in the West Bank.").events
        if e.text == "raid"]
    assert place_by_id(event.place_id).name.startswith(("Tubas", "Ţūbās"))


def test_a_nationality_after_in_is_not_retyped_as_a_town():
    # "Arab" is also a town (Arab, Alabama): only the nationality guard keeps it no place
    found = places("Clashes broke out in Arab neighbourhoods of the capital.")
    assert "Arab" not in found


def test_any_person_shot_dead_is_killed_and_a_welcoming_crowd_no_protest():
    assert "killing" in types("Militants shot dead a hostage near the border.")
    assert "protest" not in types("Crowds gathered to welcome the pope on Sunday.")
