"""Acts told as not done by the words around them, stances in the present perfect, settings,
disputes and doubts, and words of violence that tell hardship or talk
(annotate/event_unrealised.py, event_states.py, event_causes.py, event_figures.py,
event_politics.py, event_talks.py, corpus/event_values.py). Every text here is written for
these tests."""

import pytest
from conftest import annotate_text, event_types, mentions_of


def modes(text, trigger):
    return {e.mode for e in mentions_of(text, trigger)}


@pytest.mark.parametrize("text, trigger, mode", [
    ("The party avoided criticizing the governor during the campaign.", "criticizing",
     "negated"),
    ("The army refrained from shelling the village on Monday.", "shelling", "negated"),
    ("The senator is steering clear of criticizing the president.", "criticizing", "negated"),
    ("Romney had stopped short of calling on the congressman to resign on Monday.", "calling",
     "negated"),
    ("The governor fell short of condemning the attack on Friday.", "condemning", "negated"),
    ("The two teams are set to host the delegation on Friday.", "host", "future"),
    ("Negotiators return to Geneva this week for talks on missiles.", "talks", "future"),
    ("Two lawmakers are crafting a letter to share with the caucus.", "share", "hypothetical"),
    ("Experts disagree about whether there is any chance of threatening the United States.",
     "threatening", "hypothetical"),
])
def test_an_act_avoided_scheduled_or_intended_is_not_done(text, trigger, mode):
    assert modes(text, trigger) == {mode}


@pytest.mark.parametrize("text, trigger", [
    ("He was the first president to visit Hiroshima.", "visit"),
    ("Her decision to meet with the envoy at the end of June drew criticism.", "meet"),
    ("The envoy flew to Cairo on Monday for talks with the president.", "talks"),
])
def test_an_act_a_rank_a_decision_or_a_past_journey_tells_is_done(text, trigger):
    assert modes(text, trigger) == {"asserted"}


@pytest.mark.parametrize("text", [
    "Party politics\n\nThe vote was close.\n\nOthers in the community have opposed the "
    "resolution.",
    "Trade\n\nThe vote was close.\n\nBoth candidates have opposed the new trade pact.",
    "Pensions\n\nThe vote was close.\n\n\"The president supports measures to strengthen "
    "pensions,\" his spokesman said Friday.",
])
def test_a_stance_in_the_present_perfect_or_in_a_dated_saying_is_held(text):
    assert not {"rejection", "support"} & set(event_types(text).values())


def test_a_stance_in_the_lead_or_dated_is_told():
    assert event_types("The Senate has opposed the pact, officials said.").get("opposed") == "rejection"
    assert event_types("Trade\n\nThe vote was close.\n\nThe senators opposed the pact on "
                 "Tuesday.").get("opposed") == "rejection"


@pytest.mark.parametrize("text", [
    "Builders, whose industry is among the hardest hit by the housing bust, lost jobs.",
    "Towns hit by the recession have lost their shops.",
])
def test_hit_by_hard_times_is_no_attack(text):
    assert "hit" not in event_types(text)


def test_hit_by_a_bomb_or_a_rocket_stays_violence():
    assert "bomb" in event_types("The convoy was hit by a roadside bomb on Monday.")
    assert "hit" in event_types("The convoy was hit by rockets on Monday.")
    assert event_types("Rockets hit the base on Monday.").get("hit") in ("shelling", "attack")


@pytest.mark.parametrize("text, trigger", [
    ("Leaders lined up to undermine Republican attacks on the plan.", "attacks"),
    ("The campaign ran an ad showing remarks viewed as disparaging toward the military, "
     "including an attack on Sen. John Smith.", "attack"),
])
def test_a_partys_attacks_and_those_a_saying_holds_are_words(text, trigger):
    assert event_types(text).get(trigger) == "accusation"


def test_an_attack_on_a_person_told_alone_stays_one():
    assert event_types("The attack on the novelist shocked writers.").get("attack") == "attack"
    assert event_types("Republican Guard attacks killed dozens.").get("attacks") == "attack"


def test_a_topic_discussed_is_no_talks_and_sides_discussing_are():
    assert "discussed" not in event_types(
        "Their cases were discussed only briefly, with the lawyer noting how different they were.")
    assert event_types("The plan was discussed with Iran on Monday.").get("discussed") == "consultation"
    assert event_types("The plan was discussed by the ministers on Monday.").get(
        "discussed") == "consultation"


def _merged(text):
    from crossbearing.corpus.events import merge_events

    mentions = annotate_text(text).events
    return merge_events(mentions, {m.article_id: "s" for m in mentions}, {})


def test_an_attack_a_speaker_only_supposes_makes_no_threat_of_the_statement():
    [event] = _merged("David Smith on Wednesday accused the mayor of lying. \"There are plenty of "
                      "valid reasons to attack the mayor, but that was an outrageous tweet,\" "
                      "Smith said.")
    assert (event.event_type, event.mode) == ("accusation", "asserted")


def test_an_act_a_statement_argues_about_does_not_set_its_mode():
    [event] = _merged("\"The mayor's reasons to veto the bill do not hold,\" Jane Doe said on "
                      "Wednesday. Doe rejected the plan.")
    assert (event.event_type, event.mode) == ("rejection", "asserted")


def test_who_acts_in_a_condition_is_no_actor_of_the_threat():
    [event] = _merged("Iran today threatened to launch a new military offensive against Kurdish "
                      "rebels in northern Iraq unless Baghdad accepted its conditions for a "
                      "ceasefire.")
    actors = {p["name"] for p in event.detail["participants"] if p["role"] == "actor"}
    assert event.event_type == "threat" and actors == {"Iran"}


@pytest.mark.parametrize("text, trigger", [
    ("Washington is locked in a battle over what to do about the tax cuts.", "battle"),
    ("A fight over the budget split the party.", "fight"),
    ("The comment came at a time when Republicans are pushing for a clean funding resolution.",
     "pushing"),
    ("In an era when militias attacked convoys daily, the road was empty.", "attacked"),
    ("Voters in both parties, who have questioned the country's reliance on its allies, "
     "stayed home.", "questioned"),
])
def test_a_dispute_a_times_setting_and_a_doubt_are_no_events(text, trigger):
    assert trigger not in event_types(text)


@pytest.mark.parametrize("text, trigger", [
    ("The battle over the town lasted three days.", "battle"),
    ("On the day when rebels attacked the town, the mayor fled.", "attacked"),
    ("The aides whom police questioned were released on Monday.", "questioned"),
])
def test_a_battle_for_a_place_a_definite_day_and_people_questioned_stay(text, trigger):
    assert trigger in event_types(text)


def test_arms_fired_are_the_means_and_one_of_a_group_is_the_group():
    [fired] = [e for e in annotate_text("Tanks fired four shell bombs at targets in the town, "
                                        "witnesses said.").events if e.text == "fired"]
    assert [a.text for a in fired.role("target")] == ["targets"]
    [calling] = [e for e in annotate_text(
        "One of the oldest civil rights groups passed a resolution on Tuesday calling for "
        "Tea Party groups to weed racist elements out of their ranks.").events
        if e.text == "calling"]
    assert [a.text for a in calling.role("actor")] == ["oldest civil rights groups"]


def _merged_undated(texts, weekday_words=True):
    """Undated reports ``a0``, ``a1`` … of one story, merged with their time expressions' words
    (as the corpus stage gives them) or without."""
    from dataclasses import replace

    from crossbearing.corpus.events import merge_events

    mentions, words = [], {}
    for index, text in enumerate(texts):
        result = annotate_text(text, None)
        article = f"a{index}"
        mentions += [replace(m, article_id=article) for m in result.events]
        words.update({(article, t.start): t.text for t in result.times})
    ids = {m.article_id for m in mentions}
    return merge_events(mentions, {a: "s" for a in ids}, {a: a.upper() for a in ids},
                        time_texts=words if weekday_words else None,
                        in_lead=lambda key: True)  # one-sentence reports


def test_acts_on_different_weekdays_are_different_events():
    texts = ["Senator John Smith on Tuesday refused to step down from the race.",
             "Senator John Smith refused on Friday to step down from the race."]
    assert len([e for e in _merged_undated(texts) if e.event_type == "rejection"]) == 2
    assert len([e for e in _merged_undated(texts, weekday_words=False)
                if e.event_type == "rejection"]) == 1


def test_acts_on_one_weekday_stay_one_event():
    texts = ["Senator John Smith on Tuesday refused to step down from the race.",
             "Senator John Smith refused on Tuesday to step down from the race."]
    assert len([e for e in _merged_undated(texts) if e.event_type == "rejection"]) == 1


def test_a_topic_discussed_and_a_thing_requested_are_no_targets():
    [discuss] = [e for e in annotate_text("Senate Democrats, meeting behind closed doors to "
                                          "discuss the tax deal, asked for changes.").events
                 if e.text == "discuss"]
    assert not discuss.role("target")
    [requested] = [e for e in annotate_text("The governor requested more National Guard troops "
                                            "from President Barack Obama.").events
                   if e.text == "requested"]
    assert [a.text for a in requested.role("target")] == ["Barack Obama"]


def test_who_acts_in_what_is_demanded_is_no_actor_but_the_speaker_stays():
    [demand] = _merged("China on Tuesday demanded that the United States cancel plans to sell "
                       "weapons to Taiwan.")
    assert {p["name"] for p in demand.detail["participants"] if p["role"] == "actor"} == {"China"}


def test_welcoming_guests_is_no_support():
    assert "welcomed" not in event_types("As he welcomed several hundred guests, the congressman "
                                   "launched his bid.")
    assert event_types("The government today welcomed the ceasefire agreement.").get(
        "welcomed") == "support"


def test_beside_a_party_a_matter_is_no_target():
    [pressed] = [e for e in annotate_text("The host pressed Trump on his failure to release his "
                                          "taxes.").events if e.text == "pressed"]
    assert [a.text for a in pressed.role("target")] == ["Trump"]
    [accused] = [e for e in annotate_text("The senator accused Obama and the administration of "
                                          "weakness.").events if e.text == "accused"]
    assert [a.text for a in accused.role("target")] == ["Obama", "administration"]


@pytest.mark.parametrize("text, trigger", [
    ("The partisan brawl over the district threatened to become the focus of the race.",
     "threatened"),
    ("This led to drastic losses and allowed the militants to take the city.", "allowed"),
    ("The army fired three missiles into the sea on Monday.", "fired"),
    ("Within hours the group fired off to the council a statement demanding a vote.", "fired"),
    ("The senator fired off a letter to the agency on Monday.", "fired"),
    ("A Curious Plan to Fight Climate Change", "Fight"),
])
def test_a_risk_a_situation_and_a_launch_into_the_sea_are_no_events(text, trigger):
    assert trigger not in event_types(text)


def test_a_threat_by_people_and_arms_fired_at_someone_stay():
    assert event_types("The rebels threatened to attack the town on Monday.").get(
        "threatened") == "threat"
    assert "fired" in event_types("Gunmen fired rockets at the base on Monday.")
    assert "fired" in event_types("The militia fired a salvo of rockets at the base on Monday.")


def test_acts_over_the_years_are_a_series():
    assert "donated" not in event_types("The foundation has donated millions to groups over the "
                                  "years, the report said.")
    assert "gave" in event_types("The donor gave five million dollars to the campaign on Monday.")


@pytest.mark.parametrize("text, trigger", [
    ("The gunmen waited until dark before attacking the convoy, killing six.", "attacking"),
    ("The minister called the president on Monday before visiting Cairo.", "visiting"),
])
def test_before_after_a_verb_that_requires_nothing_is_a_sequence(text, trigger):
    assert modes(text, trigger) == {"asserted"}


def test_militants_who_threaten_and_one_of_the_guards_killed():
    assert event_types("The militants that threatened to attack the town were arrested.").get(
        "threatened") == "threat"
    [killed] = [e for e in annotate_text("Gunmen killed one of the guards on Monday.").events
                if e.text == "killed"]
    assert killed.event_type == "killing" and [a.text for a in killed.role("victim")] == ["one"]


def test_a_speaker_keeps_his_own_vow_and_a_description_is_no_speaker():
    from crossbearing.corpus.event_values import _the_speaker
    from crossbearing.model import EventArgument

    class Said:
        reported_by_actor = None
        reported_by = "Gov. Rick Perry"

    he = EventArgument("actor", 0, 2, "he", None, "Rick Perry")
    assert _the_speaker(he, Said)
    Said.reported_by = "U.S. officials"
    others = EventArgument("actor", 0, 15, "Iraqi officials", None, "Iraqi officials")
    assert not _the_speaker(others, Said)


def test_where_a_complaint_went_and_the_city_an_accord_is_named_for_are_no_parties():
    [complaint] = [e for e in annotate_text(
        "The party's complaint to the state bar's disciplinary board says the lawyer violated "
        "conduct rules.").events if e.text == "complaint"]
    assert not complaint.role("target")
    [signed] = [e for e in annotate_text("The two sides signed the Minsk agreement in "
                                         "February.").events if e.text == "signed"]
    assert not signed.role("target")
    [deal] = [e for e in annotate_text("Iran and the United States reached the Iran nuclear "
                                       "deal.").events if e.text == "deal"]
    assert [a.text for a in deal.role("actor")] == ["Iran"]


def test_what_a_demand_noun_asks_and_an_infinitives_object_are_not_done():
    assert modes("The rebel group insisted on its demands that the government grant the "
                 "minority a share of power.", "grant") == {"future"}
    assert modes("Party rules give the chair authority to call a special meeting to vote on "
                 "a nominee.", "meeting") == {"hypothetical"}
    assert modes("Peacekeepers were accused of failure to prevent a massacre in the south.",
                 "massacre") == {"asserted"}


def test_a_saying_of_another_named_person_is_not_the_speakers_statement():
    from crossbearing.corpus.occasions import speaker_key

    [promised] = [e for e in annotate_text("Jane Merrill says Alicia Machado promised to keep "
                                           "supporting the senator.").events
                  if e.text == "promised"]
    assert promised.reported_by and speaker_key(promised, "verbal") is None


def test_defending_oneself_is_a_denial_and_defending_someone_support():
    assert event_types("The senator defended himself against the charges on Tuesday.").get(
        "defended") == "rejection"
    assert event_types("The senator defended the president on Monday.").get("defended") == "support"


def test_forces_defending_a_place_give_no_support():
    assert "defended" not in event_types("The army defended the town against the rebels.")
    assert "defended" not in event_types("Troops defended the base on Monday.")


@pytest.mark.parametrize("text, trigger, mode", [
    ("The donor announced plans this week to give $2 million to the relief fund.", "give",
     "future"),
    ("The minister unveiled a proposal to deploy 500 more troops.", "deploy", "hypothetical"),
    ("The meeting at the embassy is planned for Friday.", "meeting", "future"),
    ("Talks between the two sides are scheduled for next week.", "Talks", "future"),
    ("The meeting at the embassy was held on Friday.", "meeting", "asserted"),
])
def test_an_act_planned_or_scheduled_is_still_to_come(text, trigger, mode):
    assert modes(text, trigger) == {mode}


def test_who_announces_a_plan_carries_it_out():
    [event] = [e for e in annotate_text("The minister announced a plan to deploy troops.").events
               if e.text == "deploy"]
    assert [a.text for a in event.role("actor")] == ["minister"]


def test_who_rejects_an_offer_does_not_carry_it_out():
    events = annotate_text("The rebels rejected an offer to negotiate.").events
    assert not [a for e in events if e.text == "negotiate" for a in e.role("actor")]


def test_a_member_recognized_from_the_floor_is_no_support():
    assert "support" not in event_types("Two members were recognized from their seats.")


@pytest.mark.parametrize("text, trigger", [
    ("Taxes\n\nThe vote was close.\n\nThe senator has also called for deducting capital "
     "investments.", "called"),
    ("Border\n\nThe vote was close.\n\nThe group has repeatedly attacked army posts.",
     "attacked"),
    ("Border\n\nThe vote was close.\n\nThe mayor has long opposed the new bridge.", "opposed"),
])
def test_an_act_in_the_present_perfect_told_as_one_of_a_list_or_a_habit_is_no_occasion(
        text, trigger):
    assert trigger not in event_types(text)


def test_an_act_in_the_present_perfect_told_alone_stays():
    text = "Border\n\nThe vote was close.\n\nThe group has attacked an army post near the border."
    assert event_types(text).get("attacked") is not None


@pytest.mark.parametrize("text, trigger", [
    ("The labour agency (ILA) repeated its demand today that Israel ease restrictions on "
     "workers.", "ease"),
    ("The rebels insisted that the government release the prisoners.", "release"),
])
def test_what_a_subjunctive_asks_is_not_done(text, trigger):
    assert modes(text, trigger) == {"future"}


def test_a_past_told_after_that_is_done():
    assert modes("Police said that the gunman killed two people.", "killed") == {"asserted"}


@pytest.mark.parametrize("text, trigger", [
    ("Border\n\nThe vote was close.\n\nIsraeli troops have also killed two men in Hebron.",
     "killed"),
    ("Border\n\nThe vote was close.\n\nPolice have also arrested three suspects.", "arrested"),
])
def test_an_act_in_the_present_perfect_with_also_stays(text, trigger):
    assert trigger in event_types(text)


def test_what_pressure_is_kept_up_for_is_asked_not_done():
    text = ("Republican senators kept up pressure on the chairman on Sunday to publicly apologize "
            "for his claim.")
    assert modes(text, "apologize") == {"future"}
