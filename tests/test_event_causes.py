"""Harm no political violence caused, told in the words of violence (annotate/event_causes.py),
and a call that asks (annotate/event_phrases.calls_on_or_for). Every text here is written for
these tests."""

import pytest
from conftest import annotate_text


def events(text):
    return {(e.text, e.event_type): e.mode for e in annotate_text(text).events}


@pytest.mark.parametrize("text", [
    "Cholera has killed more than 8,000 people in the province since the spring.",
    "The storm killed six fishermen off the northern coast on Tuesday.",
    "Four hikers were killed by an avalanche near the pass.",
    "The epidemic, which killed hundreds of villagers, is now in retreat.",
    "The aid workers were blamed for bringing cholera to the island, killing 900.",
    "The hurricane struck the coast on Monday, killing twelve people.",
])
def test_a_death_of_disease_or_a_natural_force_is_no_killing(text):
    assert not [k for k in events(text) if k[1] == "killing"]


@pytest.mark.parametrize("text", [
    "Gunmen killed six fishermen off the northern coast on Tuesday.",
    "An airstrike killed four hikers near the pass.",
    "Gunmen stormed the village at dawn, killing twelve people.",
])
def test_a_killing_by_people_stays(text):
    assert [k for k in events(text) if k[1] == "killing"] or \
        [k for k in events(text) if k[1] == "air_drone_strike"]


@pytest.mark.parametrize("text", [
    "Foreign hackers targeted voter registration databases in two states last month.",
    "Hackers attacked the party's email servers over the weekend.",
    "The agency said a cyber attack on the ministry had stolen staff records.",
    "The group attacked the company's computer networks on Monday.",
])
def test_an_attack_on_computers_is_no_violence(text):
    assert not [k for k in events(text) if k[1] in ("attack", "armed_clash")]


@pytest.mark.parametrize("text", [
    "Militants attacked the air defence system of the base on Monday.",
    "Soldiers attacked the militant network's hideout near the river.",
])
def test_an_attack_on_a_system_or_a_network_of_people_stays_violence(text):
    assert [k for k in events(text) if k[1] == "attack" or k[1] == "armed_clash"]


def test_a_call_on_a_day_asks_nothing():
    found = events("The senator called the widow on Friday to apologise for the remark.")
    assert not [k for k in found if k[1] == "demand"]


def test_a_call_for_someone_to_act_is_a_demand_and_the_act_is_asked_for():
    found = events("The governor called for the mayor to resign after the vote.")
    assert ("called", "demand") in found
    assert found.get(("resign", "suspension"), "future") == "future"  # asked, not done


def test_a_call_on_people_or_for_a_thing_stays_a_demand():
    assert ("called", "demand") in events("The union called on its members to strike.")
    assert ("called", "demand") in events("The council called for an inquiry into the fire.")


@pytest.mark.parametrize("text, kept", [
    ("On the pier, the president paused to make a point about the ocean.", False),
    ("She paused and looked at the crowd before she answered.", False),
    ("The militia paused its attacks on the base for a week.", True),
    ("The talks halted on Monday after the delegation left.", True),
])
def test_a_person_who_pauses_suspends_nothing(text, kept):
    assert bool([k for k in events(text) if k[1] == "suspension"]) is kept


@pytest.mark.parametrize("text, demand", [
    ("The senator has called for cutting the fuel tax by a third.", True),
    ("It is the kind of plan the governor is calling for.", True),
    ("The mayor, who called for the chief to step down, spoke on Monday.", True),
    ("Church doctrine calls for the state to help the poor in hard times.", False),
    ("Security protocol called for the minister to be taken to a hospital.", False),
])
def test_who_calls_for_an_act_asks_for_it_and_a_rule_does_not(text, demand):
    assert bool([k for k in events(text) if k[1] == "demand"]) is demand
