"""Where an event happened, and where the places a sentence names are something else: a
person's origin or office, what a saying calls something (annotate/event_places.py). Every
text here is written for these tests."""

from __future__ import annotations

import pytest
from conftest import annotate_text


def place_of(text, trigger):
    [event] = [e for e in annotate_text(text).events if e.text == trigger]
    return event.place_id


@pytest.mark.parametrize("text, trigger, place", [
    ("A teacher from Winnipeg was arrested in Lebanon on Tuesday.", "arrested", "country:LB"),
    ("Two aid workers from Nairobi were detained in Somalia.", "detained", "country:SO"),
    ("A teacher from Winnipeg was arrested on Tuesday.", "arrested", None),
])
def test_a_persons_home_is_not_where_the_event_was(text, trigger, place):
    assert place_of(text, trigger) == place


@pytest.mark.parametrize("text, trigger", [
    ("After meeting with President Andrzej Duda of Poland, the chancellor on Monday rejected "
     "the plan.", "meeting"),
    ("The senator dismissed the town as being in the suburbs of Moscow.", "dismissed"),
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
