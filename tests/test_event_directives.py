"""Demands told by a verb of saying ("said Ankara must free the journalists"), people let go (a
concession), and the event coders' actor where a report names people of a body, a possessive
pronoun or a harming verb's subject, and whose death "died" tells."""

from __future__ import annotations

import pytest
from conftest import annotate_text

from crossbearing.annotate.event_types import plover_of


def _events(text: str) -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    return [(m.text, m.event_type, m.mode, [(a.role, a.canonical) for a in m.arguments])
            for m in annotate_text(text).events]


@pytest.mark.parametrize("text, speaker, addressee", [
    ("Germany said on Monday that Turkey must free the two journalists.", "Germany", "Turkey"),
    ("The European Commission declared that Hungary has to restore the court's powers.",
     "European Commission", "Hungary"),
    ("Senator Warren said the Federal Reserve needs to explain the decision.",
     "Warren", "Federal Reserve"),
    ("The Arab League reiterated that Damascus should open the crossings to aid convoys.",
     "Arab League", "Syrian government"),  # the capital as its government
])
def test_a_duty_laid_on_another_party_is_a_demand(text, speaker, addressee):
    demand = next(e for e in _events(text) if e[1] == "demand")
    assert demand[2] == "asserted"
    roles = dict((r, c) for r, c in demand[3])
    assert speaker in roles.get("actor", "") and addressee in roles.get("target", "")


@pytest.mark.parametrize("text", [
    "Canada said Moscow must withdraw its troops at once.",
    "Canada said Moscow has to withdraw its troops at once.",
])
def test_what_is_demanded_has_not_happened_and_is_part_of_the_demand(text):
    events = {m.text: m for m in annotate_text(text).events}
    assert events["said"].event_type == "demand"
    assert events["withdraw"].mode != "asserted"
    assert events["withdraw"].antecedent == events["said"].start


@pytest.mark.parametrize("text", [
    "Israel said it must defend its citizens.",  # the speaker's own duty
    "US officials said US forces must stay in the region.",  # the speaker's own side
    "Obama said Congress should have acted sooner.",  # a judgement of the past
    "Democrats said the video should be removed.",  # a duty on no party
    "Some say Congress should not raise taxes.",  # no one's
    "The letter says the mayor should resign.",  # a document
    "A poll found that 70 percent of voters said the governor should resign.",  # a finding
    "The minister said he had to leave early.",  # a duty that was
    "Germany did not say that Turkey must free the journalists.",  # not said
    "Senator Warren has said the Federal Reserve should explain its decisions.",  # held
])
def test_no_demand_where_no_party_asks_another(text):
    assert not [e for e in _events(text) if e[1] == "demand"]


@pytest.mark.parametrize("text, actor", [
    ("Leaders of the Socialist Party agreed to postpone the march.", "Socialist Party"),
    ("Officials of the Interior Ministry denied the report on Sunday.", "Interior Ministry"),
    ("Activists from the Green Party staged a rally outside the parliament.", "Green Party"),
])
def test_people_of_a_body_act_for_it(text, actor):
    event = _events(text)[0]
    assert ("actor", actor) in [(r, c) for r, c in event[3]] or any(
        r == "actor" and actor in c for r, c in event[3])


def test_supporters_of_a_body_are_not_it():
    event = next(e for e in _events("Supporters of the Green Party staged a rally outside the "
                                    "parliament.") if e[1] == "protest")
    assert not any(r == "actor" and "Green Party" in c for r, c in event[3])


def test_a_possessive_pronoun_is_the_light_verbs_subject():
    event = next(e for e in _events("Turkey launched its offensive against the town on Monday.")
                 if e[1] == "armed_clash")
    assert ("actor", "Turkey") in event[3]


def test_the_subject_of_a_harming_verb_did_the_attack_it_was_done_in():
    event = next(e for e in _events("Gunmen wounded three police officers in an attack on a "
                                    "checkpoint on Sunday.") if e[0] == "attack")
    assert ("actor", "Gunmen") in event[3]


@pytest.mark.parametrize("text", [
    "Four people died in an attack on a market on Sunday.",
    "Two soldiers died in the ambush near the border.",
])
def test_who_died_in_an_attack_is_its_victim_not_its_doer(text):
    event = _events(text)[0]
    assert not [a for a in event[3] if a[0] == "actor"]
    assert [a for a in event[3] if a[0] == "victim"]


@pytest.mark.parametrize("text, plover", [
    ("Iran released the British sailors on Friday.", "CONCEDE"),
    ("The hostages were freed by the army on Sunday.", "CONCEDE"),
    ("The rebels said they will release the two aid workers on Monday.", "AGREE"),
])
def test_letting_people_go_is_a_concession(text, plover):
    event = next(m for m in annotate_text(text).events if m.event_type == "concession")
    assert plover_of(event.event_type, event.mode) == plover


@pytest.mark.parametrize("text", [
    "Trump refused to release his tax returns.",
    "The campaign released a video on Monday.",
    "The senator was released from hospital on Monday.",
    "The policy allows some immigrants to be released into the community.",
])
def test_releasing_things_or_leaving_care_is_no_concession(text):
    assert not [m for m in annotate_text(text).events if m.event_type == "concession"]


@pytest.mark.parametrize("text, expected", [
    ("Red Cross helicopters evacuated the wounded from the town on Friday.", "aid"),
    ("The army evacuated 300 civilians from the flooded valley.", "aid"),
    ("The United States evacuated its embassy in the capital.", "suspension"),
    ("The army evacuated its soldiers from the base.", "suspension"),
])
def test_evacuating_others_is_a_rescue_and_ones_own_a_withdrawal(text, expected):
    assert [m.event_type for m in annotate_text(text).events][0] == expected


@pytest.mark.parametrize("text, actor", [
    ("Senator Maria Lopez showed her support for the strikers on Friday.", "Maria Lopez"),
    ("Governor Tom Baker defended his criticism of the ruling.", "Tom Baker"),
])
def test_a_possessive_on_ones_own_act_is_the_subjects(text, actor):
    event = next(m for m in annotate_text(text).events if m.event_type in ("support",
                                                                          "accusation"))
    assert any(a.role == "actor" and a.canonical == actor for a in event.arguments)


def test_a_possessive_on_an_act_answered_is_someone_elses():
    events = annotate_text("Mayor Ann Cole refused his request for a meeting.").events
    request = next(m for m in events if m.text == "request")
    assert not any(a.role == "actor" for a in request.arguments)


@pytest.mark.parametrize("text, actor", [
    ('"So I came out here to support the strikers," said Maria Lopez, a teacher.',
     "Maria Lopez"),
    ('"I condemn this attack," the mayor, John Smith, said on Sunday.', "John Smith"),
])
def test_i_in_a_speakers_own_quotation_is_the_speaker(text, actor):
    event = annotate_text(text).events[0]
    assert [a.canonical for a in event.arguments if a.role == "actor"] == [actor]


@pytest.mark.parametrize("text", [
    '"I have been threatened many times," said Maria Lopez, a teacher.',  # done to her
    "I support the plan.",  # no quotation, no speaker
])
def test_i_undergoing_an_act_or_unquoted_is_no_actor(text):
    assert not [a for m in annotate_text(text).events for a in m.arguments
                if a.role == "actor" and a.canonical == "Maria Lopez"]
    assert not [a for m in annotate_text(text).events for a in m.arguments
                if a.role == "actor" and a.text == "I"]


def test_i_in_a_state_told_by_be_is_no_actor():
    text = '"I\'ve been spat at, pushed and threatened before," said Maria Lopez, a teacher.'
    assert not [a for m in annotate_text(text).events for a in m.arguments
                if a.role == "actor" and a.canonical == "Maria Lopez"]


def test_a_gerund_after_a_noun_of_the_clause_takes_the_clause_subject():
    text = ("In brief remarks after meeting with President Anna Lind of Sweden, Mr. Obama on "
            "Wednesday disputed the report.")
    meeting = next(m for m in annotate_text(text).events if m.text == "meeting")
    assert ("actor", "Obama") in [(a.role, a.text) for a in meeting.arguments]


def test_who_comes_for_a_meeting_holds_it_and_who_comes_under_attack_suffers_it():
    text = "Vice President Biden traveled to the Capitol on Wednesday for a private meeting."
    meeting = next(m for m in annotate_text(text).events if m.text == "meeting")
    assert [a.text for a in meeting.arguments if a.role == "actor"] == ["Biden"]
    attack = annotate_text("The convoy came under attack near the border.").events[0]
    assert not [a for a in attack.arguments if a.role == "actor"]


def test_a_plural_pointing_back_refers_to_the_acts_told_before():
    events = annotate_text("US airstrikes killed 16 people in Iraq on Friday. These strikes "
                           "come in the wake of a series of military actions.").events
    first, these = events
    assert these.text == "strikes" and these.antecedent == first.start


def test_a_conjunct_of_whom_an_act_is_aimed_at_is_aimed_at_and_the_triggers_is_not():
    text = ("Pakistan threatened to break off relations with Chad and Costa Rica over their "
            "ties with Israel.")
    threat = next(m for m in annotate_text(text).events if m.event_type == "threat")
    assert "Israel" not in [a.canonical for a in threat.arguments if a.role == "target"]
    attack = annotate_text("The Jordan attack and the warnings that followed were discussed "
                           "in Congress.").events[0]
    assert not [a for a in attack.arguments if a.role == "target"]


def test_state_forces_firing_on_protesters_use_excessive_force():
    text = ("Riot police opened fire to disperse the demonstrators on Monday night, killing one "
            "person.")
    event = annotate_text(text).events[0]
    assert event.event_type == "excessive_force"
    gunmen = annotate_text("Gunmen opened fire on the demonstrators, killing three.").events[0]
    assert gunmen.event_type != "excessive_force"  # no state force


def test_an_official_protest_lodged_is_an_accusation_by_who_lodged_it():
    event = annotate_text("Greece lodged an official protest with Turkey on Monday.").events[0]
    assert event.event_type == "accusation"
    assert [a.canonical for a in event.arguments if a.role == "actor"] == ["Greece"]
    street = annotate_text("Thousands joined the protest in the capital.").events[0]
    assert street.event_type == "protest"


def test_who_files_a_lawsuit_brings_it():
    event = annotate_text("The union filed a lawsuit against the city on Friday.").events[0]
    assert [a.text for a in event.arguments if a.role == "actor"] == ["union"]


def test_talks_ended_are_suspended_and_plover_codes_them_as_a_sanction():
    event = annotate_text("The envoys ended mediation efforts between the two militias on "
                          "Monday.").events[0]
    assert (event.event_type, event.mode) == ("consultation", "suspended")
    assert plover_of(event.event_type, event.mode) == "SANCTION"
    held = annotate_text("The two sides held talks on Monday.").events[0]
    assert held.mode == "asserted" and plover_of(held.event_type, held.mode) == "CONSULT"


@pytest.mark.parametrize("text", [
    '"I nearly died when they shelled our house," Maria Lopez said on Monday.',
    '"I urged them to protest," Maria Lopez said on Monday.',
])
def test_i_who_suffered_or_urged_others_is_no_actor_of_their_act(text):
    events = annotate_text(text).events
    assert not [m for m in events if m.event_type in ("killing", "shelling", "protest")
                and any(a.role == "actor" and a.canonical == "Maria Lopez" for a in m.arguments)]


def test_a_visit_that_ended_went_its_course():
    event = annotate_text("Obama ended his three-day visit to China on Friday.").events[0]
    assert event.mode == "asserted"


def test_analysts_and_other_clauses_of_a_saying_are_no_demand():
    assert not annotate_text("Analysts say the Fed should cut rates.").events
    events = annotate_text("The minister said the rebels attacked the convoy and that the "
                           "government must respond.").events
    attacked = next(m for m in events if m.text == "attacked")
    assert attacked.mode == "asserted"


@pytest.mark.parametrize("text, kind", [
    ("Iran warned that Tehran would face severe consequences.", "threat"),
    ("The resolution is a call for a ceasefire.", "demand"),
    ("Rebel forces opened fire on protesters, killing two.", "attack"),
])
def test_threats_calls_and_non_state_forces_stay_what_they_are(text, kind):
    assert annotate_text(text).events[0].event_type == kind


def test_a_named_people_acting_up_to_now_stays_an_event():
    lead = "Senate votes on the bill\n\nThe Senate voted on Tuesday.\n\n"
    assert annotate_text(lead + "Democrats have demanded a vote on the bill.").events


def test_a_duty_laid_on_ones_own_state_by_its_officials_is_no_demand():
    assert not [m for m in annotate_text("Israeli officials said Israel must defend its "
                                         "borders.").events if m.event_type == "demand"]
    assert [m for m in annotate_text("German officials said Turkey must free the "
                                     "journalists.").events if m.event_type == "demand"]
