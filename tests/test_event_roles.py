"""Who acts and who is acted on where the clause of the trigger does not say it: control by a
predicate adjective or a clause of purpose, verbs that adjust a measure, the receiver of what
is given, the parties "between" names, the one harmed in an attack, whom a complaint accuses
(not where it is filed); and a few senses: executing a thing, backing a view, a protest called
violent (docs/events.md, "Arguments from descriptions"). Every text here is written for these
tests."""

from __future__ import annotations

import pytest
from conftest import annotate_text, mentions_of


def roles(text, trigger):
    [event] = mentions_of(text, trigger)
    return {(a.role, a.canonical or a.text) for a in event.arguments}


def actors(text, trigger):
    return {name for role, name in roles(text, trigger) if role == "actor"}


def targets(text, trigger):
    return {name for role, name in roles(text, trigger) if role in ("target", "victim")}


def types_of(text, trigger=None):
    """The types of the events of ``text`` (of those whose trigger is ``trigger``)."""
    return [e.event_type for e in annotate_text(text).events
            if trigger is None or e.text == trigger]


@pytest.mark.parametrize("text, trigger, actor", [
    ("The rebels are ready to release the hostages.", "release", "rebels"),
    ("The junta is determined to arrest the opposition leaders.", "arrest", "junta"),
    ("Hamas says it is willing to free the captives.", "free", "Hamas"),
    ("President Emmanuel Macron said he is prepared to impose sanctions on Moscow.", "impose",
     "Emmanuel Macron"),
])
def test_an_adjective_of_will_gives_its_infinitive_the_subject(text, trigger, actor):
    assert actor in actors(text, trigger)


@pytest.mark.parametrize("text, trigger", [
    ("The border town is hard to attack from the river.", "attack"),
    ("It is important to release the hostages.", "release"),
])
def test_an_adjective_that_judges_the_act_gives_it_no_doer(text, trigger):
    assert actors(text, trigger) == set()


@pytest.mark.parametrize("text, trigger, actor", [
    ("The foreign minister phoned his Turkish counterpart on Friday to discuss the ceasefire.",
     "discuss", "foreign minister"),
    ("Shopkeepers in Hebron closed their stores on Tuesday to protest against the curfew.",
     "protest", "Shopkeepers"),
])
def test_a_clause_of_purpose_after_an_object_is_the_subjects_act(text, trigger, actor):
    assert any(actor in name for name in actors(text, trigger))


def test_a_verb_that_makes_its_object_act_gives_the_object_the_infinitive():
    text = "The governor ordered the police to arrest the marchers."
    assert "governor" not in " ".join(actors(text, "arrest"))


def test_they_in_what_a_group_says_it_attempted_is_the_group():
    text = "Fighters of the Al-Shabaab movement said they attempted to assassinate the mayor."
    assert any("Shabaab" in name or "Fighters" in name
               for name in actors(text, "assassinate"))


def test_a_statement_issued_demanding_is_its_issuers_demand():
    text = "The Kurdish party issued a statement demanding that Ankara free its jailed leader."
    assert any("Kurdish party" in name for name in actors(text, "demanding"))


@pytest.mark.parametrize("text, trigger, actor", [
    ("The army extended the night-time curfew in the capital.", "curfew", "army"),
    ("The navy tightened its blockade of the port on Monday.", "blockade", "navy"),
    ("Britain speeded up the withdrawal of its troops from the province.", "withdrawal",
     "United Kingdom"),
])
def test_who_adjusts_a_measure_holds_it(text, trigger, actor):
    assert any(actor in name for name in actors(text, trigger))


def test_ending_an_act_does_not_make_it_ones_own():
    text = "Riot police ended the protest outside the parliament on Sunday."
    assert not any("police" in name for name in actors(text, "protest"))


def test_people_gathering_for_a_rally_hold_it():
    text = "Thousands of Kenyans were gathering on Thursday for a rally in Nairobi."
    assert any("Kenyans" in name for name in actors(text, "rally"))


def test_who_receives_aid_is_its_target():
    text = "The World Food Programme will provide 10,000 tons of food aid to refugees in Chad."
    assert any("refugees" in name for name in targets(text, "provide"))


@pytest.mark.parametrize("text, trigger, parties", [
    ("The Norwegian envoy launched a mediation effort on Monday between the government and "
     "the rebels.", "effort", {"government", "rebels"}),
    ("The king said he would host a meeting between the two rival factions.", "host",
     {"two rival factions"}),
])
def test_the_parties_between_are_the_targets(text, trigger, parties):
    found = targets(text, trigger)
    assert all(any(p in name for name in found) for p in parties)


def test_the_one_harmed_in_an_attack_is_its_target():
    text = "Separatist gunmen wounded three police officers in a bomb attack on Thursday."
    found = roles(text, "attack")
    assert any(role == "actor" and "gunmen" in name for role, name in found)
    assert any(role in ("target", "victim") and "police officers" in name
               for role, name in found)
    assert not any("Thursday" in name for _, name in found)


def test_he_after_one_person_named_is_that_person():
    text = "Mr. Ryan opened the debate on taxes and then he accused the administration of waste."
    assert any("Ryan" in name for name in actors(text, "accused"))


@pytest.mark.parametrize("text", [
    "The team executed the plan without a hitch.",
    "He entered the debate with a game plan and flawlessly executed it.",
])
def test_executing_a_thing_is_no_killing(text):
    assert "killing" not in types_of(text)


def test_executing_people_is_a_killing():
    text = "The regime executed two dissidents on Monday."
    assert types_of(text) == ["killing"]


@pytest.mark.parametrize("text", [
    "The farmers presented records and photographs to support their claim.",
    "The church backs the traditional definition of a family.",
])
def test_evidence_for_a_claim_or_backing_a_view_is_no_support(text):
    assert "support" not in types_of(text)


@pytest.mark.parametrize("text", [
    "Egypt supports the claim of the Palestinians to the land.",
    "Russia backs Serbia's claim to the province.",
])
def test_backing_another_partys_claim_is_support(text):
    assert types_of(text) == ["support"]


def test_a_complaint_over_a_partys_acts_targets_that_party():
    text = "Lebanon complained to the Security Council on Tuesday over two Israeli air raids."
    assert any("Israel" in name for name in targets(text, "complained"))


def test_a_complaint_over_a_thing_of_no_one_has_no_target():
    assert targets("The union complained about the delay.", "complained") == set()


def test_where_a_complaint_is_filed_is_not_whom_it_accuses():
    text = ("The party is filing a complaint Monday with the state bar board, claiming that the "
            "senator's aide Jane Miller had a conflict of interest.")
    found = targets(text, "complaint")
    assert any("Miller" in name for name in found)
    assert not any("board" in name for name in found)


def test_a_protest_the_report_calls_violent_is_a_riot():
    text = "Police were deployed after violent protests by farmers' groups in the province."
    assert types_of(text, "protests") == ["riot"]


@pytest.mark.parametrize("text", [
    "Voters in the south helped the senator beat back a challenge from the mayor of Tulsa.",
    "The team beat the odds and won the title.",
])
def test_beating_in_a_contest_is_no_violence(text):
    assert types_of(text, "beat") == []


def test_police_beating_people_stays():
    assert [e.text for e in annotate_text("Police beat the protesters with batons.").events] == [
        "beat"]


def test_an_attack_told_with_what_was_said_is_words():
    text = "On Sunday the newspaper attacked the governor, saying he had insulted the farmers."
    assert types_of(text, "attacked") == ["accusation"]


def test_armed_men_attacking_with_a_saying_stays_force():
    text = "Militants attacked the base, saying it was a legitimate target."
    found = types_of(text, "attacked")
    assert found and "accusation" not in found


@pytest.mark.parametrize("text", [
    "A mob attacked a man in the market, claiming he had insulted the prophet.",
    "Settlers attacked a farmer near the village, saying he had trespassed.",
])
def test_a_crowd_attacking_someone_with_a_saying_stays_force(text):
    found = types_of(text, "attacked")
    assert found and "accusation" not in found


def test_the_parties_between_are_added_only_for_a_meeting():
    text = "Soldiers shot a farmer between the villages of Beit Ummar and Halhul."
    assert any("farmer" in name for name in targets(text, "shot"))


def test_a_person_executed_in_a_relative_clause_is_killed():
    text = "The activist that was executed on Monday had been convicted of spying."
    assert "killing" in types_of(text)


def test_a_nationality_s_claim_backed_is_support():
    assert types_of("Egypt supports the Palestinian claim to the city.") == ["support"]


@pytest.mark.parametrize("text, trigger, actor", [
    # A relative pronoun's verb and the verb joined to it share the antecedent as subject.
    ("On Thursday, Officer Dana Miller, who shot and killed a 40-year-old driver in Fresno last "
     "week, was charged with manslaughter.", "killed", "Dana Miller"),
    # One judged, charged or praised for an act did it (object control of "for", "of", "with").
    ("The senator criticized police officer Dana Miller for shooting and killing the driver.",
     "killing", "Dana Miller"),
    ("The deputy was charged with killing the driver.", "killing", "deputy"),
])
def test_who_is_judged_for_an_act_or_named_before_who_did_it(text, trigger, actor):
    assert actor in actors(text, trigger)



def test_the_one_judged_is_the_object_or_the_passive_subject_of_the_judging_verb():
    from crossbearing.annotate.event_subjects import judged_for
    from crossbearing.annotate.nlp import pipeline

    def judged(text, gerund):
        doc = pipeline()(text)
        found = judged_for(next(t for t in doc if t.text == gerund))
        return found.text if found is not None else None

    assert judged("Police arrested the man for stealing a car.", "stealing") == "man"
    assert judged("The man was arrested for stealing a car.", "stealing") == "man"
    # not a verb of judgement: "thanked" is, "asked" is not
    assert judged("She asked the officer for helping her.", "helping") is None
    # a gerund with its own subject ("his car crashing") is not the object's act
    assert judged("The mayor blamed the storm for his car crashing.", "crashing") is None


@pytest.mark.parametrize("text, shown", [
    ("Officer Dana Miller shot a driver in Fresno on Friday.", "Officer Dana Miller"),
    ("Fresno police officer Dana Miller shot a driver on Friday.", "police officer Dana Miller"),
    ("Senator Dana Miller criticized the plan on Friday.", "Dana Miller"),
])
def test_a_persons_police_title_is_kept_in_the_arguments_text(text, shown):
    [event] = annotate_text(text).events
    [actor] = [a for a in event.arguments if a.role == "actor"]
    assert (actor.text, actor.canonical) == (shown, "Dana Miller")


def test_a_relative_pronoun_gives_a_description_no_actor():
    text = ("The candidate is a serial liar, rampant xenophobe, racist and birther who has "
            "repeatedly pledged to ban all Muslims.")
    assert not {name for name in actors(text, "ban")} & {"liar", "birther", "serial liar"}


def test_who_is_opposed_to_something_opposes_it():
    """"Be opposed to" is a stance of the subject, not a passive: Israel opposes."""
    assert actors("Israel is opposed to French mediation in the conflict.", "opposed") == {
        "Israel"}
    assert actors("The plan was opposed by Israel.", "opposed") == {"Israel"}


def test_no_antecedent_inside_an_of_phrase_and_no_thing_judged():
    text = ("The widow of Terence Crutcher, who flew to Washington and met lawmakers on Tuesday, "
            "called for reform.")
    assert "Terence Crutcher" not in actors(text, "met")
    assert "tear gas" not in actors("Police fired tear gas at protesters for blocking the "
                                    "highway.", "blocking")


def test_a_medium_that_carries_a_statement_does_not_make_it():
    text = "The state news agency carried a statement condemning the Israeli strike."
    assert not any("agency" in name for name in actors(text, "condemning"))
