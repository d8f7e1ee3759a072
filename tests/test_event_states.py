"""Acts told as states (annotate/event_states.py): a stance in the passive present, words faced,
and the acts beside them that stay. Every text here is written for these tests; a headline and
a lead come first, because the simple present of a headline or a lead tells news."""

import pytest
from conftest import annotate_text

HEAD = "Council weighs the budget\n\nThe city council met on Monday to weigh the budget.\n\n"


def words(text):
    return [e.text for e in annotate_text(HEAD + text).events]


@pytest.mark.parametrize("text, word", [
    ("The talks are supported by an unusual coalition of local leaders.", "supported"),
    ("The mayor's plan has been fiercely opposed by most of the council.", "opposed"),
    ("The treasurer has faced criticism about her stance on the levy.", "criticism"),
    ("The mayor faces growing calls to resign.", "calls"),
    ("The governor has long called for a fairer tax code.", "called"),
])
def test_a_state_is_no_event(text, word):
    assert word not in words(text)


@pytest.mark.parametrize("text, word", [
    ("The plan was opposed by most of the council.", "opposed"),
    ("The treasurer has been criticized by two members for her remarks.", "criticized"),
    ("The treasurer faced criticism from two members on Tuesday.", "criticism"),
    ("The bill is backed by the governor on Monday.", "backed"),
    ("The convoy faced an ambush near the border.", "ambush"),
    ("Five council members have urged the treasurer to resign.", "urged"),
    ("Soldiers have arrested dozens of protesters.", "arrested"),
])
def test_an_act_told_as_done_stays(text, word):
    assert word in words(text)


@pytest.mark.parametrize("text, word, kept", [
    ("Texas is one of the states suing the agency over the rule.", "suing", False),
    ("Church groups supporting the bill gathered outside the courthouse.", "supporting", False),
    ("Protesters demanding his release on Monday marched to the court.", "demanding", True),
    ("The militia issued a statement calling on fighters to join the fight.", "calling", True),
    ("The group released a video threatening the United States.", "threatening", True),
    ("Militants attacking the base were killed on Monday.", "attacking", True),
])
def test_a_saying_in_a_participle_that_describes_its_noun_is_no_occasion(text, word, kept):
    assert (word in {m.text for m in annotate_text(text).events}) is kept


@pytest.mark.parametrize("text, word", [
    ("They sent a letter on Thursday to Senate leaders opposing the program.", "opposing"),
    ("The official reiterated previous comments by US officials urging the government to act.",
     "urging"),
    ("Lawyers for the company filed legal papers opposing the request.", "opposing"),
])
def test_a_participle_after_a_saying_carried_in_writing_tells_what_it_says(text, word):
    assert word in {m.text for m in annotate_text(text).events}


@pytest.mark.parametrize("text, word", [
    ('"I am not in the habit of supporting people who attack my wife and attack my father," '
     "the senator said in July.", "supporting"),
    ('"I am not in the habit of supporting people who attack my wife and attack my father," '
     "the senator said in July.", "attack"),
])
def test_a_habit_and_a_present_in_the_body_are_no_occasion(text, word):
    assert word not in words(text)


def test_violence_in_the_past_in_the_body_stays():
    assert "attacked" in words("Gunmen attacked the convoy near the border on Monday.")


@pytest.mark.parametrize("text, trigger", [
    # a participle that describes what is endorsed; a circumstance told with "with"
    ("The budget plan, broadly endorsed by the governor, would cut taxes.", "endorsed"),
    ("The rebels advanced on the city, with Moscow backing the government.", "backing"),
])
def test_a_stance_told_as_a_description_or_a_circumstance_is_held(text, trigger):
    assert trigger not in words(text)


@pytest.mark.parametrize("text, trigger", [
    ("The sheriff endorsed the governor on Tuesday.", "endorsed"),
    # the act charged, no circumstance
    ("Serbia lodged an official protest with Albania today, charging its neighbor with "
     "supporting dissidents.", "supporting"),
])
def test_an_endorsement_told_as_an_act_or_an_act_charged_stays(text, trigger):
    assert trigger in words(text)



@pytest.mark.parametrize("text, trigger", [
    # opposing with a count tells a vote
    ("The bill passed 60-40 on Tuesday, with all Republicans opposing it.", "opposing"),
    # an endorsement made at an occasion
    ("The resolution, endorsed by the Arab League at an emergency summit in Cairo, calls for a "
     "ceasefire.", "endorsed"),
])
def test_a_vote_with_opponents_and_an_endorsement_at_an_occasion_stay(text, trigger):
    assert trigger in words(text)
