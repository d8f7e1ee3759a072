"""Trigger senses of political reporting (annotate/event_politics.py): attacks in words between
people, a rally as the setting of a candidate's speech, and obstruction that blocks no way.
Every text here is written for these tests."""

import pytest
from conftest import annotate_text


def types(text):
    return [(e.event_type, e.text) for e in annotate_text(text).events]


@pytest.mark.parametrize("text, trigger", [
    ("The senator said that Maria Lopez had personally attacked his wife and his father.",
     "attacked"),
    ("The Liberal Party hit back on Tuesday with a radio advertisement about the pension plan.",
     "hit"),
    ("The campaign released a video, including an attack on Senator Peter Novak.", "attack"),
])
def test_an_attack_in_words_between_people_is_an_accusation(text, trigger):
    assert ("accusation", trigger) in types(text)
    assert not [t for t, w in types(text) if w == trigger and t != "accusation"]


@pytest.mark.parametrize("text, trigger", [
    ("He attacked Peter Novak with a knife outside the station, police said.", "attacked"),
    ("Gunmen attacked Mayor Peter Novak on Friday.", "attacked"),
    ("Militants attacked the Grand Hotel in the capital.", "attacked"),
    ("The attack on Peter Novak left two of his guards wounded.", "attack"),
])
def test_an_attack_told_with_harm_or_by_armed_men_stays_force(text, trigger):
    assert [t for t, w in types(text) if w == trigger and t != "accusation"]


@pytest.mark.parametrize("text, protest", [
    ("Speaking at a rally in Dunmore, Maria Lopez said the plant would stay open.", False),
    ("Peter Novak told supporters during a rally in Hollis that he would win.", False),
    ("Police arrested twelve people at a rally against the new tax on Sunday.", True),
    ("Thousands of farmers marched to a rally outside parliament.", True),
])
def test_a_rally_where_a_person_speaks_is_their_campaign_event(text, protest):
    assert bool([t for t, w in types(text) if t == "protest" and w == "rally"]) is protest


@pytest.mark.parametrize("text, protest", [
    ("Truckers blocked the main highway to the capital for six hours.", True),
    ("Students blocked roads in Dunmore to demand lower fees.", True),
    ("Opposition senators blocked the budget bill for a third week.", False),
    ("The reform failed, blocked by senators from both parties.", False),
    ("The government long blocked any discussion of a joint army.", False),
])
def test_a_protest_blocks_a_way_and_a_bill_blocked_is_procedure(text, protest):
    assert bool([t for t, w in types(text) if t == "protest" and w == "blocked"]) is protest
