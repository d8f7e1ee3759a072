"""Trigger senses of political reporting (annotate/event_politics.py): attacks in words between
people, a rally as the setting of a candidate's speech, and obstruction that blocks no way.
Every text here is written for these tests."""

import pytest
from conftest import annotate_text


def types(text):
    return [(e.event_type, e.text) for e in annotate_text(text).events]


@pytest.mark.parametrize("text, trigger", [
    ("Maria Lopez attacked Peter Novak over his remarks on the pension plan.", "attacked"),
    ("The Democrats hit back on Tuesday with a radio advertisement about the pension plan.",
     "hit"),
    ("Novak stepped up his attacks on Maria Lopez this week.", "attacks"),
    ("Novak will find it hard to repeat his attacks on the moderators.", "attacks"),
    ("Her attacks on the media continued on Tuesday.", "attacks"),
    ("Maria Lopez attacked Peter Novak in early-morning tweets.", "attacked"),
    ("Maria Lopez attacked Peter Novak in a series of tweets on Friday.", "attacked"),
])
def test_an_attack_in_words_between_people_is_an_accusation(text, trigger):
    assert ("accusation", trigger) in types(text)
    assert not [t for t, w in types(text) if w == trigger and t != "accusation"]


@pytest.mark.parametrize("text, trigger", [
    ("He attacked Peter Novak with a knife outside the station, police said.", "attacked"),
    ("John Smith attacked Peter Novak outside a bar on Friday.", "attacked"),
    ("John Smith attacked Peter Novak in a bar on Friday.", "attacked"),
    ("He attacked his wife at their home on Sunday night.", "attacked"),
    ("Smith attacked his wife with a hammer, prosecutors said.", "attacked"),
    ("Hamas attacked Yitzhak Levy near the settlement.", "attacked"),
    ("The man hit the officer with a metal post.", "hit"),
    ("Gunmen attacked Mayor Peter Novak on Friday.", "attacked"),
    ("Militants attacked the Grand Hotel in the capital.", "attacked"),
    ("The attack on Peter Novak at a book fair shocked writers.", "attack"),
    ("The acid attack on Jane Doe shocked the city.", "attack"),
])
def test_an_attack_told_with_harm_by_a_group_or_on_no_named_person_stays_force(text, trigger):
    assert [t for t, w in types(text) if w == trigger and t != "accusation"]


@pytest.mark.parametrize("text, protest", [
    ("Speaking at a rally in Dunmore, Maria Lopez said the plant would stay open.", False),
    ("Peter Novak told supporters during a rally in Hollis that he would win.", False),
    ("Police arrested twelve people at a rally against the new tax on Sunday.", True),
    ("Thousands of farmers marched to a rally outside parliament.", True),
    ("Ana Ruiz spoke at a rally against the election results in the capital.", True),
    ("Union leader Peter Novak addressed striking workers at a rally outside the factory.", True),
])
def test_a_rally_where_a_person_speaks_is_their_campaign_event(text, protest):
    assert bool([t for t, w in types(text) if t == "protest" and w == "rally"]) is protest


@pytest.mark.parametrize("text, protest", [
    ("Truckers blocked the main highway to the capital for six hours.", True),
    ("Students blocked roads in Dunmore to demand lower fees.", True),
    ("Demonstrators blocked the doors of the ministry.", True),
    ("Climate activists blocked a coal train near Hamburg.", True),
    ("Opposition senators blocked the budget bill for a third week.", False),
    ("The reform failed, blocked by senators from both parties.", False),
    ("The government long blocked any discussion of a joint army.", False),
    ("The government blocked access to the site after the vote.", False),
])
def test_protesters_block_ways_and_a_bill_blocked_is_procedure(text, protest):
    assert bool([t for t, w in types(text) if t == "protest" and w == "blocked"]) is protest


@pytest.mark.parametrize("text, fighting", [
    ("The battle for control of the party's national committee turned bitter this week.", False),
    ("The senator lost a bruising fight for the nomination to the governor.", False),
    ("The battle for control of the Senate is tightening, the poll shows.", False),
    ("The battle for control of Mosul entered its third week on Sunday.", True),
])
def test_a_battle_for_an_office_or_a_body_is_a_contest_and_for_a_place_fighting(text,
                                                                               fighting):
    found = [e for e in annotate_text(text).events if e.event_type == "armed_clash"]
    assert bool(found) is fighting


def test_sworn_in_takes_an_office_and_swearing_to_act_stays_a_vow():
    assert not [e for e in annotate_text("The new council is sworn in next month.").events
                if e.text == "sworn"]
    assert [e for e in annotate_text("The militia swore to avenge the commander.").events
            if e.text == "swore"]


@pytest.mark.parametrize("text, word", [
    ('"I would like to beat him fair and square," the candidate said of the governor.', "beat"),
    ("The challenger is going to beat the incumbent, the pollster said.", "beat"),
    ("Lopez beat Novak in the county primary on Tuesday.", "beat"),
    ("The rebels are going to beat the government, the commander said.", "beat"),
    ("She beat her rival by six points.", "beat"),
])
def test_beating_a_rival_is_no_violence(text, word):
    assert not [e for e in annotate_text(text).events if e.text == word]


@pytest.mark.parametrize("text, word", [
    ("Police beat the protesters with batons on Friday.", "beat"),
    ("The guards beat him up outside the prison.", "beat"),
    ("He was beaten by three men on Tuesday.", "beaten"),
    ("Soldiers beat two villagers to death.", "beat"),
])
def test_a_beating_told_as_done_stays(text, word):
    assert [e for e in annotate_text(text).events if e.text == word]


def test_attacks_on_journalists_that_harm_stay_violence():
    found = {e.text: e.event_type for e in annotate_text(
        "Her attacks on journalists left two reporters wounded.").events}
    assert found.get("attacks") != "accusation"


@pytest.mark.parametrize("text, trigger", [
    ("In an earlier appeal to key evangelical voters, Governor Ray Dunn released an ad.",
     "appeal"),
    ("The rally showed the strength of the senator's anti-establishment appeal.", "appeal"),
    ("The mining company appealed the ruling on Monday.", "appealed"),
])
def test_an_appeal_that_asks_for_nothing_is_no_demand(text, trigger):
    assert not [t for t, w in types(text) if w == trigger]


@pytest.mark.parametrize("text, trigger", [
    ("President Koffi appealed to the rebels to lay down their arms.", "appealed"),
    ("The council issued an appeal for calm after the clashes.", "appeal"),
    ("The mayor appealed for help from the United Nations.", "appealed"),
])
def test_an_appeal_for_something_is_a_demand(text, trigger):
    assert ("demand", trigger) in types(text)


@pytest.mark.parametrize("text, fighting", [
    ("For several minutes, Democrats and Republicans battled back and forth over the issue of "
     "language.", False),
    ("Republicans and Democrats fought over the budget for months.", False),
    ("Hamas and Fatah fought in Gaza on Monday.", True),
    ("Rebels and government troops battled for control of the town on Monday.", True),
])
def test_parties_that_battle_over_an_issue_bear_no_arms(text, fighting):
    assert ("armed_clash" in [t for t, _ in types(text)]) is fighting
