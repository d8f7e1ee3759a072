"""Where and when an event happened, and where the places and times a sentence names are
something else: a person's origin or office, what a saying calls something, where someone said
it, the day of the words an act answers (annotate/event_places.py, event_times.py). Every text
here is written for these tests."""

from __future__ import annotations

import pytest
from conftest import mentions_of


def place_of(text, trigger):
    [event] = mentions_of(text, trigger)
    return event.place_id


@pytest.mark.parametrize("text, trigger, place", [
    ("A teacher from Winnipeg was arrested in Lebanon on Tuesday.", "arrested", "country:LB"),
    ("Two aid workers from Nairobi were detained in Somalia.", "detained", "country:SO"),
    ("A teacher from Winnipeg was arrested on Tuesday.", "arrested", None),
    ("Senator from Nevada says he cannot allow Clinton to win.", "allow", None),
])
def test_a_persons_home_is_not_where_the_event_was(text, trigger, place):
    assert place_of(text, trigger) == place


@pytest.mark.parametrize("text, trigger", [
    ("After meeting with President Andrzej Duda of Poland, the chancellor on Monday rejected "
     "the plan.", "meeting"),
    ("The senator dismissed the town as being in the suburbs of Moscow.", "dismissed"),
    ("The party has attacked the governor for declining a chance to meet with the envoy at the "
     "summit next week in an effort to paint his office as dismissive of Mexico and its "
     "concerns.", "meet"),
])
def test_an_office_held_or_a_place_in_what_is_said_is_no_place(text, trigger):
    assert place_of(text, trigger) is None


@pytest.mark.parametrize("text, trigger", [
    ("Fighters from Syria attacked the town of Arsal.", "attacked"),
    ("Police arrested 12 protesters in Cairo on Friday.", "arrested"),
])
def test_where_the_act_was_done_stays(text, trigger):
    assert place_of(text, trigger) is not None


def test_a_place_in_a_clause_of_reason_is_not_where_the_saying_was():
    text = ('"I am endorsing the governor because we need border patrols from El Paso to San '
            'Diego," the sheriff said.')
    assert place_of(text, "endorsing") is None


def test_an_event_inside_a_clause_of_reason_keeps_its_own_place():
    text = "The army shelled Homs on Friday because rebels had attacked a checkpoint."
    assert place_of(text, "shelled") is not None


def test_where_a_saying_was_made_stays_after_what_it_calls_something():
    text = ("The former president criticized the health law as a crazy system during a "
            "campaign stop in Flint, Michigan.")
    assert place_of(text, "criticized") is not None


@pytest.mark.parametrize("text, trigger", [
    ("Following first reports of the explosion, the candidate said at a rally in Denver that a "
     "bomb had gone off in Boston.", "explosion"),
    ("The minister said in Cairo on Monday that he would visit Gaza.", "visit"),
])
def test_where_someone_said_it_is_not_where_the_event_was(text, trigger):
    assert place_of(text, trigger) not in ("geonames:5419384", "geonames:360630")


def test_a_saying_that_is_the_event_keeps_its_place():
    text = "The minister accused the rebels of the attack at a news conference in Cairo."
    assert place_of(text, "accused") == "geonames:360630"


@pytest.mark.parametrize("text, trigger, place", [
    ("The army admitted responsibility for a drone strike in Mosul on Wednesday night.",
     "strike", "geonames:99072"),
    ("The minister has promised to continue military aid to war-torn Mozambique.", "aid",
     "country:MZ"),
])
def test_a_place_in_the_events_own_phrase_under_a_saying_stays(text, trigger, place):
    assert place_of(text, trigger) == place


def times_of(text, trigger):
    return [e.time for e in mentions_of(text, trigger)]


def test_a_time_on_the_words_an_act_answers_dates_those_words():
    text = "The speaker dismissed the strategist's comment on Sunday that the party was divided."
    assert times_of(text, "dismissed") == [None]


def test_a_time_on_the_act_itself_dates_it():
    assert times_of("The speaker on Monday dismissed the strategist's comment.",
                    "dismissed")[0] is not None


@pytest.mark.parametrize("text, trigger, place", [
    ("In Nairobi last week, the minister told a meeting of regional leaders that the drought "
     "was worsening.", "meeting", "geonames:184745"),
    ("The raid was sparked by a rocket attack on May 2, which claimed the lives of three "
     "soldiers in Jordan.", "attack", "country:JO"),
])
def test_a_saying_told_to_the_event_or_no_saying_leaves_the_place(text, trigger, place):
    assert place_of(text, trigger) == place


def test_the_speakers_place_still_places_what_they_tell():
    text = "Officials in Basra said on Monday that the raid killed 12 people."
    assert place_of(text, "raid") is not None


def test_an_office_of_a_place_held_by_the_victim_leaves_the_place():
    assert place_of("The mayor of Mosul was killed in a bombing on Monday.", "bombing") is not None


def test_an_act_remembered_is_not_dated_by_the_remembrance():
    """"On Saturday, the 50th anniversary of the march in Selma": the march was long before."""
    text = ("The president spoke on Saturday, on the 50th anniversary of the protest march in "
            "Selma.")
    assert times_of(text, "march") == [None]
    assert times_of("On Saturday, protesters held a march in Selma.", "march")[0] is not None


def test_a_relative_clause_on_the_actor_that_tells_the_event_keeps_its_place():
    text = ("On Thursday, Officer Dana Miller, who shot and killed a driver in Fresno last week, "
            "was charged with manslaughter.")
    assert place_of(text, "killed") == "geonames:5350937"  # Fresno, California


@pytest.mark.parametrize("text, trigger, place", [
    # where others are sent or go is not where the event was
    ("Students protested on Tuesday against the decision of sending troops to Iraq.",
     "protested", None),
    ("Militants attacked a convoy heading to Kabul on Tuesday.", "attacked", None),
    # the event's own "to" stays
    ("The army deployed troops to Iraq on Tuesday.", "deployed", "country:IQ"),
])
def test_a_destination_of_others_is_not_where_the_event_was(text, trigger, place):
    assert place_of(text, trigger) == place


def test_a_place_in_what_is_said_around_the_event_is_not_where_it_was():
    text = ('"We have had problems with cyber intrusions from Russia in the past," the president '
            'said after meeting with the Russian leader on Monday.')
    assert place_of(text, "meeting") is None
    # an event inside what is said keeps its place
    assert place_of("The army said the strike in Baghdad killed three people.",
                    "strike") == "geonames:98182"


def test_where_one_is_sent_to_do_the_event_is_its_place():
    text = ("The United Nations sent 21 observers to Bosnia on Wednesday to investigate the "
            "feasibility of a peacekeeping force.")
    assert place_of(text, "investigate") == "country:BA"


def test_an_event_inside_the_purpose_of_a_journey_is_not_at_its_end():
    text = ("The president was heading to Detroit on Monday to continue campaigning, a day after "
            "a face-to-face meeting with the speaker.")
    assert place_of(text, "meeting") is None


@pytest.mark.parametrize("text, trigger, place", [
    # the actor's own journey ends where the event is
    ("Thousands of farmers who traveled to Paris from across France protested on Monday.",
     "protested",
     "geonames:2988507"),
    # reported, not quoted, words tell where the event told beside them was
    ("Hospital officials said after the airstrike that 12 people had died in Khan Younis.",
     "airstrike", "geonames:281124"),
    # a saying made at the scene was made where the event was
    ("Police said at the scene in Tulsa that the officer fired once.", "fired",
     "geonames:4553433"),
])
def test_places_of_the_event_that_the_saying_and_motion_rules_keep(text, trigger, place):
    assert place_of(text, trigger) == place
