"""Acts told in a mood that asserts nothing (annotate/event_modes.py): a modal or an intention
reaching an act through infinitives, purposes, shared auxiliaries and gerund subjects, an "it is"
of need or frequency, a noun of ability or permission, a condition's joined clause, and a noun
of an act "planned" or "proposed". Every text here is written for these tests."""

import pytest
from conftest import annotate_text


def mode_of(text, trigger):
    [mention] = [e for e in annotate_text(text).events if e.text == trigger]
    return mention.mode


@pytest.mark.parametrize("text, trigger, expected", [
    # a bare verb joined to a verb with a modal shares the modal
    ("“The mayor should do the decent thing and condemn these remarks,” the councilwoman said.",
     "condemn", "hypothetical"),
    # an infinitive of purpose under a modal
    ("The governor said he would travel to Boston on Friday to meet the union leaders.",
     "meet", "future"),
    # a gerund subject of a modal
    ("Lifting the curfew would ease tensions in the city, the report found.",
     "Lifting", "future"),
    # an infinitive under a verb of need, through a purpose
    ("We need to do everything we can to support the families of the victims.",
     "support", "future"),
    ("The minister planned to fly to Paris on Monday to meet the French president.",
     "meet", "future"),
])
def test_a_modal_or_an_intention_reaches_through_infinitives_and_joined_verbs(
        text, trigger, expected):
    assert mode_of(text, trigger) == expected


@pytest.mark.parametrize("text, trigger", [
    # a past tense joined to a modal's verb is told as done
    ("The mayor said he would review the case and condemned the remarks on Monday.",
     "condemned"),
    # a purpose with no modal or intention above it
    ("The senator flew to Paris on Monday to meet the French president.", "meet"),
])
def test_acts_told_as_done_beside_a_modal_stay_asserted(text, trigger):
    assert mode_of(text, trigger) == "asserted"


@pytest.mark.parametrize("text, trigger", [
    ("It is vital to support the rescue workers.", "support"),
    ("It is hardly unusual for governors to endorse candidates in their party's primary.",
     "endorse"),
])
def test_an_extraposed_infinitive_of_need_or_frequency_is_no_act(text, trigger):
    assert mode_of(text, trigger) == "hypothetical"


def test_a_past_it_was_unusual_tells_an_act():
    assert mode_of("It was unusual for the governor to endorse a candidate in the primary.",
                   "endorse") == "asserted"


@pytest.mark.parametrize("text, trigger", [
    ("The court upheld the right of the workers to protest outside the factory.", "protest"),
    ("The envoys were given a chance to negotiate an end to the blockade.", "negotiate"),
    ("The minister has been given the authority to impose sanctions on the firms.", "impose"),
])
def test_what_a_noun_of_ability_or_permission_allows_is_not_done(text, trigger):
    assert mode_of(text, trigger) == "hypothetical"


@pytest.mark.parametrize("text, trigger", [
    ("If the president signs it and the boycott is lifted, prices will fall.", "lifted"),
    ("If the president does follow through and the veto is overridden, the bill becomes law.",
     "veto"),
])
def test_a_clause_joined_to_a_condition_is_supposed(text, trigger):
    assert mode_of(text, trigger) == "hypothetical"


def test_a_joined_clause_told_in_the_past_stays():
    assert mode_of("The president signed it and the boycott was lifted on Monday.",
                   "lifted") == "asserted"


def test_a_planned_visit_is_still_to_come():
    assert mode_of("The minister cancelled a planned visit to the capital.", "visit") == "future"
