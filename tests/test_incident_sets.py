"""Three reports of one incident, written for these tests (different wording, tolls that differ,
a relative date, a spokesman quoted, a background incident mentioned, a place spelled two ways),
merged across the story: one event with every report, the toll disagreement marked, the
background incident apart; 17 incidents and 3 statements."""

from dataclasses import replace

import pytest
from conftest import annotate_text

from crossbearing.corpus.events import merge_events

SETS = {
    "shelling": ("shelling", 3, {"fatalities"}, "2024-05-13", [
        ("2024-05-14", "Mortar shells hit a market in the town of Tal Afar on Monday, killing "
                       "four civilians, local officials said. The attack came a week after a "
                       "roadside bomb killed two soldiers near Mosul."),
        ("2024-05-14", "At least six people were killed when mortar rounds struck a crowded "
                       "market in Tal Afar on Monday, a police spokesman said."),
        ("2024-05-15", "Islamic State militants shelled a market in Tal Afar on Monday, killing "
                       "five people, the governor of Nineveh said on Tuesday."),
    ]),
    "roadside bomb": ("remote_explosive", 3, {"fatalities"}, "2023-11-01", [
        ("2023-11-02", "A roadside bomb struck a police convoy near Kirkuk on Wednesday, killing "
                       "three officers, a security source said."),
        ("2023-11-02", "Three policemen died when an improvised explosive device hit their "
                       "patrol outside Kirkuk on Wednesday."),
        ("2023-11-03", "An IED attack on a police convoy near Kirkuk killed two officers on "
                       "Wednesday, the interior ministry said, revising an earlier toll."),
    ]),
    "arrest": ("arrest", 3, set(), "2024-06-19", [
        ("2024-06-20", "Police arrested a prominent journalist in Erbil on Wednesday, his lawyer "
                       "said."),
        ("2024-06-20", "Security forces detained the journalist Karim Aziz in Erbil on "
                       "Wednesday evening."),
        ("2024-06-21", "Kurdish authorities arrested Karim Aziz in Erbil on Wednesday, the press "
                       "union said on Thursday, calling for his release."),
    ]),
    "tribal clash": ("armed_clash", 3, {"fatalities"}, "2024-07-01", [
        ("2024-07-02", "Fighting broke out between two tribes near Nasiriyah on Monday, leaving "
                       "seven people dead, police said."),
        ("2024-07-02", "A tribal clash near Nasiriyah on Monday killed nine people, a health "
                       "official said."),
        ("2024-07-03", "Seven people were killed in clashes between rival tribes near Nasiriyah "
                       "on Monday, the interior ministry said."),
    ]),
    "rocket attack on a base": ("shelling", 3, {"injuries"}, "2024-08-05", [
        ("2024-08-06", "Two rockets hit Ain al-Asad air base in western Iraq on Monday, "
                       "wounding five US service members, a US official said."),
        ("2024-08-06", "A rocket attack targeted the Ain al-Asad base in Anbar province on "
                       "Monday night, injuring several American troops, the Pentagon said."),
        ("2024-08-07", "Five US personnel were wounded when rockets struck Ain al-Asad air base "
                       "on Monday, officials said on Tuesday. The Islamic Resistance in Iraq has "
                       "claimed dozens of such attacks since October."),
    ]),
    "suicide bombing": ("suicide_bomb", 3, {"fatalities"}, "2024-09-08", [
        ("2024-09-10", "A suicide bomber blew himself up at a checkpoint in Samarra on Sunday, "
                       "killing eight soldiers, the army said."),
        ("2024-09-10", "Ten soldiers were killed on Sunday when a suicide bomber attacked an army "
                       "checkpoint in Samarra, security sources said."),
        ("2024-09-11", "Islamic State claimed Sunday's suicide bombing at a checkpoint in Samarra "
                       "that killed eight soldiers."),
    ]),
    "kidnapping": ("abduction", 3, set(), "2024-10-14", [
        ("2024-10-15", "Gunmen kidnapped an aid worker in Kirkuk on Monday, police said."),
        ("2024-10-15", "An aid worker was abducted by unknown gunmen in Kirkuk on Monday, his "
                       "employer said."),
        ("2024-10-16", "The abduction of an aid worker in Kirkuk on Monday has alarmed "
                       "humanitarian groups, a United Nations spokesman said on Tuesday."),
    ]),
    "air strike": ("air_drone_strike", 3, {"fatalities"}, "2024-02-25", [
        ("2024-02-27", "Turkish warplanes struck a village near Duhok on Sunday, killing three "
                       "people, local officials said."),
        ("2024-02-27", "A Turkish air strike on a village in Duhok province on Sunday killed four "
                       "civilians, the mayor said."),
        ("2024-02-28", "Three people died in a Turkish airstrike near Duhok on Sunday, Kurdish "
                       "officials said."),
    ]),
    "clash with the army": ("armed_clash", 3, {"injuries"}, "2024-03-18", [
        ("2024-03-19", "Clashes between the army and militants in the Hamrin mountains on Monday "
                       "left four soldiers dead and six wounded, the defence ministry said."),
        ("2024-03-19", "Four soldiers were killed and seven wounded in fighting with militants "
                       "in the Hamrin mountains on Monday, a military source said."),
        ("2024-03-20", "Iraqi troops battled militants in the Hamrin mountains on Monday; four "
                       "soldiers died, officials said."),
    ]),
    "withdrawal": ("suspension", 3, set(), "2024-08-12", [
        ("2024-08-13", "Turkey withdrew its troops from a base near Bashiqa on Monday, the "
                       "Turkish defence ministry said."),
        ("2024-08-13", "Turkish forces pulled out of the Bashiqa camp on Monday, local officials "
                       "said."),
        ("2024-08-14", "The withdrawal of Turkish troops from Bashiqa on Monday was welcomed by "
                       "Baghdad on Tuesday."),
    ]),
    "targeted killing": ("air_drone_strike", 3, set(), "2024-01-04", [
        ("2024-01-05", "A drone strike on a car in eastern Baghdad on Thursday killed militia "
                       "commander Mushtaq al-Saidi and one of his aides, security sources said."),
        ("2024-01-05", "Mushtaq al-Saidi, a senior militia commander, was killed in a drone strike "
                       "in Baghdad on Thursday, a militia spokesman said."),
        ("2024-01-06", "The US military said on Friday it had carried out the strike in Baghdad on "
                       "Thursday that killed Mushtaq al-Saidi and another militant."),
    ]),
    "car bomb": ("remote_explosive", 3, {"fatalities"}, "2024-04-20", [
        ("2024-04-21", "A car bomb exploded near a market in Deir ez-Zor on Saturday, killing "
                       "seven people, a war monitor said. Last month a similar blast hit the "
                       "town of Mayadin."),
        ("2024-04-21", "Nine people were killed when a car bomb went off outside a market in "
                       "Dayr az Zawr on Saturday, local sources said."),
        ("2024-04-22", "The car bomb that struck a Deir ez-Zor market on Saturday killed seven "
                       "civilians, the Syrian Observatory for Human Rights said on Sunday."),
    ]),
    "strike in south Lebanon": ("air_drone_strike", 3, {"fatalities"}, "2024-06-03", [
        ("2024-06-04", "An Israeli drone strike on a car near Nabatieh on Monday killed two "
                       "people, Lebanon's health ministry said."),
        ("2024-06-04", "Two men were killed on Monday when an Israeli drone hit their vehicle "
                       "outside Nabatiyeh, a security source said."),
        ("2024-06-05", "Israel's army said on Tuesday it had struck a vehicle near Nabatieh on "
                       "Monday, killing three Hezbollah operatives."),
    ]),
    "raid in a camp": ("armed_clash", 3, {"fatalities"}, "2024-07-09", [
        ("2024-07-10", "Israeli forces raided the Jenin camp on Tuesday, killing three "
                       "Palestinians, the Palestinian health ministry said."),
        ("2024-07-10", "Four Palestinians were killed during an Israeli army raid on Jenin "
                       "camp on Tuesday, medics said."),
        ("2024-07-11", "The Israeli military said on Wednesday that its raid in the Jenin camp "
                       "on Tuesday killed three militants."),
    ]),
    "shooting at a checkpoint": ("armed_clash", 3, {"fatalities"}, "2024-09-21", [
        ("2024-09-22", "Gunmen attacked an army checkpoint near Tikrit on Saturday, killing "
                       "two soldiers, a military source said."),
        ("2024-09-22", "Three soldiers were killed when militants opened fire on a checkpoint "
                       "outside Tikrit on Saturday, security officials said."),
        ("2024-09-23", "Militants killed two soldiers in an attack on a checkpoint near Tikrit "
                       "on Saturday, the army said on Sunday."),
    ]),
    "drone attack on an airport": ("air_drone_strike", 3, set(), "2024-10-22", [
        ("2024-10-23", "An explosive-laden drone attacked Erbil airport late on Tuesday, the "
                       "Kurdistan region's counter-terrorism service said. No one was hurt."),
        ("2024-10-23", "A drone struck near Erbil international airport on Tuesday night, "
                       "causing no casualties, Kurdish officials said."),
        ("2024-10-24", "The Islamic Resistance in Iraq claimed Tuesday's drone attack on Erbil "
                       "airport, which caused no casualties."),
    ]),
    "protest": ("protest", 3, set(), "2024-03-09", [
        ("2024-03-09", "Thousands of teachers demonstrated in Basra on Saturday to demand unpaid "
                       "salaries."),
        ("2024-03-09", "Teachers rallied outside the Basra governorate building on Saturday, "
                       "demanding their wages."),
        ("2024-03-10", "Some 2,000 teachers protested in Basra on Saturday over months of unpaid "
                       "salaries, organisers said."),
    ]),
}


def merged(reports):
    mentions = []
    for index, (published, text) in enumerate(reports):
        result = annotate_text(text, published)
        mentions += [replace(m, article_id=f"r{index}") for m in result.events]
    ids = [f"r{i}" for i in range(len(reports))]
    return merge_events(mentions, {a: "story" for a in ids}, {a: a.upper() for a in ids})


@pytest.mark.parametrize("name", sorted(SETS))
def test_three_reports_of_one_incident_are_one_event(name):
    event_type, reports, disputed, day, texts = SETS[name]
    events = merged(texts)
    main = [e for e in events if e.event_type == event_type and e.articles == reports]
    assert len(main) == 1, [(e.event_type, e.sources) for e in events]
    [event] = main
    assert event.date_start == day
    assert set(event.detail["disagreements"]) == disputed
    others = [e for e in events if e is not event and e.family == "violent"]
    assert all(e.articles == 1 for e in others)  # a background incident stays apart


def test_what_protesters_demand_and_what_a_bomb_hits_are_no_events_of_their_own():
    protest = merged(SETS["protest"][4])
    assert [e.event_type for e in protest] == ["protest"]
    bomb = merged(SETS["roadside bomb"][4])
    assert [e.event_type for e in bomb] == ["remote_explosive"]  # "their patrol" is hit


STATEMENTS = {
    "threat": ("threat", "THREATEN", [
        ("2024-04-12", "The Islamic Resistance in Iraq threatened on Thursday to strike US bases "
                       "if Washington does not withdraw its troops, in a statement."),
        ("2024-04-12", "In a statement on Thursday, the Islamic Resistance in Iraq warned that it "
                       "would attack American bases unless US forces leave Iraq."),
        ("2024-04-13", "The Islamic Resistance in Iraq vowed on Thursday to target US bases, "
                       "calling on Washington to pull out its forces."),
    ]),
    "demand": ("demand", "REQUEST", [
        ("2024-11-03", "The Kurdistan Regional Government demanded on Sunday that Baghdad pay "
                       "the salaries of its civil servants, in a statement."),
        ("2024-11-03", "In a statement on Sunday, the Kurdistan Regional Government called on "
                       "Baghdad to send the salaries of public employees."),
        ("2024-11-04", "The Kurdistan Regional Government on Sunday urged the federal "
                       "government in Baghdad to pay civil servants' salaries."),
    ]),
    "condemnation": ("accusation", "ACCUSE", [
        ("2024-05-02", "Iraq's foreign ministry condemned on Wednesday the Turkish strike on a "
                       "refugee camp in Makhmour."),
        ("2024-05-02", "Baghdad denounced Wednesday's Turkish air strike on the Makhmour camp as "
                       "a violation of its sovereignty."),
        ("2024-05-03", "The Iraqi government on Wednesday condemned a Turkish drone strike that "
                       "hit Makhmour camp, the foreign ministry said."),
    ]),
}


@pytest.mark.parametrize("name", sorted(STATEMENTS))
def test_one_statement_reported_three_times_is_one_event(name):
    """What a speaker vows, demands or sets as a condition is part of its statement; the
    statement is one event with every report of it."""
    event_type, plover, texts = STATEMENTS[name]
    verbal = [e for e in merged(texts) if e.family == "verbal"]
    assert [(e.event_type, e.detail["plover"], e.articles) for e in verbal] == [
        (event_type, plover, 3)]
    threats = [e for e in merged(texts) if e.mode in ("future", "hypothetical")]
    assert threats == []  # the vowed attack and its condition belong to the statement
