"""Support and its look-alikes (annotate/event_support.py; PLOVER SUPPORT: praising, endorsing,
backing a party, recognising a state, a government or a claim), with "backing down" (a
concession) and "striking" as an adjective (annotate/event_senses.strikes_no_one). Every text
here is written for these tests."""

import pytest
from conftest import event_types


@pytest.mark.parametrize("text, word", [
    ("The governor recognized the danger that the floods posed to the valley.", "recognized"),
    ("Her aides, recognizing that the vote was lost, left the chamber early.", "recognizing"),
    ("The mayor recognizes the harvest festival with a speech every autumn.", "recognizes"),
    ("Under pressure from the unions, the ministry backed out of the deal.", "backed"),
    ("What is striking about the senator's record is how often he changed his mind.",
     "striking"),
    ("It is striking that the report names no one.", "striking"),
])
def test_no_support_and_no_attack(text, word):
    assert event_types(text).get(word) not in ("support", "attack")


@pytest.mark.parametrize("text, word, kind", [
    ("Five countries refused to recognize the breakaway republic on Monday.", "recognize",
     "support"),
    ("Parliament passed a law recognizing the opposition's victories in the local elections.",
     "recognizing", "support"),
    ("The council formally recognized the new government in Tripoli.", "recognized",
     "support"),
    ("The union backed the mayor's plan on Tuesday.", "backed", "support"),
    ("The party backed off its demand for a recount.", "backed", "concession"),
    ("We have to back away from that position, the senator said.", "back", "concession"),
    ("The rebels struck the village at dawn.", "struck", "attack"),
])
def test_support_and_its_neighbours_stay(text, word, kind):
    assert event_types(text).get(word) == kind
