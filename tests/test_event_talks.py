"""Talks and questioning (annotate/event_talks.py; PLOVER CONSULT: parties meeting, visiting or
negotiating with each other; INVESTIGATE: looking into a matter or questioning people). Every
text here is written for these tests."""

import pytest
from conftest import event_types


@pytest.mark.parametrize("text, word", [
    ("The senator discussed her love of jazz during the interview.", "discussed"),
    ("The candidate discussed his plan for schools at a rally on Friday.", "discussed"),
    ("The pollster, discussing the new figures, said the race was tied.", "discussing"),
    ("The pollster went on to discuss the latest figures on Tuesday.", "discuss"),
    ("The governor visited a collapsed bridge on the river on Wednesday.", "visited"),
    ("His visit to the flooded bridge lasted an hour.", "visit"),
    ("The mayor met his wife while studying in Lisbon.", "met"),
    ("The candidate has questioned the need for a third debate.", "questioned"),
    ("The rival campaign questioned the senator's eligibility for the post.", "questioned"),
    ("She questioned what kind of leader sends insults at midnight.", "questioned"),
    ("Even as he hosted his annual summer cookout, the mayor kept his distance.", "hosted"),
    ("The retired diplomats lunched at a dinner hosted by the city's chamber of commerce.",
     "hosted"),
    ("The state would host the only open Senate race in the country next year.", "host"),
])
def test_no_talks_and_no_investigation(text, word):
    assert event_types(text).get(word) not in ("consultation", "investigation")


@pytest.mark.parametrize("text, word, kind", [
    ("The two foreign ministers discussed border security on Monday.", "discussed",
     "consultation"),
    ("The two foreign ministers went on to discuss border security on Monday.", "discuss",
     "consultation"),
    ("The envoy discussed the truce with rebel commanders in the capital.", "discussed",
     "consultation"),
    ("The prime minister visited Ankara on Tuesday.", "visited", "consultation"),
    ("The president hosted the visiting Chancellor Olaf Scholz on Friday.", "hosted",
     "consultation"),
    ("Norway offered to host the next round of talks between the two sides.", "host",
     "consultation"),
    ("The capital hosted a delegation of rebel commanders on Monday.", "hosted",
     "consultation"),
    ("The envoys held their first meeting with the foreign minister on Monday.", "meeting",
     "consultation"),
    ("The senator had a meeting with the ambassador on Friday.", "meeting", "consultation"),
    ("Thousands of nurses held a protest outside the ministry on Friday.", "protest",
     "protest"),
    ("Party leaders met on Monday to discuss the budget.", "met", "consultation"),
    ("The king's visit to Paris ended on Sunday.", "visit", "consultation"),
    ("The president met the visiting foreign minister on Monday.", "met", "consultation"),
    ("Police questioned the driver for six hours.", "questioned", "investigation"),
    ("Investigators questioned three aides of the mayor on Friday.", "questioned",
     "investigation"),
    ("The committee wants to question several of the former staffers.", "question",
     "investigation"),
])
def test_talks_and_questioning_stay(text, word, kind):
    assert event_types(text).get(word) == kind
