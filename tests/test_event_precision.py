"""What is listed as an event, and at whom it is aimed (annotate/event_triggers.py,
annotate/events.py, annotate/event_args.py): senses that name no event, speech and background
series left out, targets found where event coders look for them. Every text here is written for
these tests."""

from dataclasses import replace

import pytest
from conftest import annotate_text, mentions_of

from crossbearing.corpus.events import merge_events


def events(text):
    return [(e.event_type, e.text) for e in annotate_text(text).events]


def targets(text, trigger):
    [event] = mentions_of(text, trigger)
    return [a.text for a in event.role("target")]


@pytest.mark.parametrize("text", [
    "The foreign presence threatens to drag the country into a wider war.",
    "Officials said the dispute was threatening to derail the budget talks.",
])
def test_threatens_to_is_a_risk_not_a_threat(text):
    assert not [t for t, _ in events(text) if t == "threat"]


def test_a_threat_made_is_a_threat():
    assert ("threat", "threatened") in events(
        "The rebel commander threatened on Monday to shell the northern towns.")


@pytest.mark.parametrize("text", [
    "This was clearly demonstrated in the raids of last month.",
    "The ministry demonstrated its resolve by closing the border.",
    "The report demonstrated that the policy had failed.",
])
def test_demonstrated_meaning_shown_is_no_protest(text):
    assert not [t for t, _ in events(text) if t == "protest"]


def test_people_who_demonstrate_protest():
    assert ("protest", "demonstrated") in events(
        "Thousands of teachers demonstrated in Lyon on Tuesday.")


@pytest.mark.parametrize("text", [
    "In a statement, the ministry said the border would reopen.",
    "The army announced the results of its inquiry on Friday.",
])
def test_nouns_and_verbs_of_speech_are_not_events(text):
    assert not [t for t, _ in events(text) if t == "statement"]


@pytest.mark.parametrize("text", [
    "The colonel was responsible for attacks on police stations in the province.",
    "The militia has been subjected to sanctions and multiple strikes by the army.",
    "Rebels have carried out over 200 attacks on convoys since March.",
    "The majority of these assaults were claimed by a little-known group.",
])
def test_background_series_are_not_listed(text):
    assert events(text) == []


@pytest.mark.parametrize("text, series", [
    ("The army raided the camp in response to the attacks on its border posts.", "attacks"),
    ("The party denounced the government over its strikes against the northern villages.",
     "strikes"),
])
def test_a_series_after_a_preposition_is_background_beside_the_event(text, series):
    found = [t for _, t in events(text)]
    assert found and series not in found


@pytest.mark.parametrize("text, trigger", [
    ("The two delegations held talks in Geneva.", "talks"),
    ("Farmers staged rallies outside parliament.", "rallies"),
    ("These strikes came after weeks of warnings.", "strikes"),
    ("Four farmers were killed in the strikes on Tuesday.", "strikes"),
])
def test_plurals_that_name_one_occasion_stay(text, trigger):
    assert trigger in [t for _, t in events(text)]


def test_the_recent_attack_is_one_attack():
    [attack] = [e for e in annotate_text("Officials blamed the recent attack in Kirkuk on the "
                                         "militia.").events if e.text == "attack"]
    assert not attack.aggregate


def test_phrasal_killing_and_blaming_verbs():
    [strike] = annotate_text("A drone strike wiped out a senior militia official.").events
    assert strike.event_type == "air_drone_strike"  # the killing is the strike's own
    assert [a.text for a in strike.role("victim")] == ["senior militia official"]
    assert ("killing", "wiped") in events("The militia wiped out a family of five in the village.")
    assert ("accusation", "linked") in events(
        "Police officials linked the bombing to a local cell.")
    assert not [t for t, _ in events("The road links the port to the capital.")
                if t == "accusation"]  # no one blames anyone


@pytest.mark.parametrize("text, trigger, expected", [
    ("Iran threatened to shell Iraqi towns in retaliation.", "threatened", "Iraqi"),
    ("Peru issued an ultimatum to Ecuador on Monday.", "ultimatum", "Ecuador"),
    ("Poland demanded that Moscow withdraw its troops.", "demanded", "Moscow"),
    ("The United States rejected calls by Kofi Annan for reform.", "rejected", "Kofi Annan"),
    ("The villagers threatened a strike unless Israel rescinded the order.", "threatened",
     "Israel"),
])
def test_target_is_the_first_actor_the_act_is_aimed_at(text, trigger, expected):
    assert any(expected in t for t in targets(text, trigger))


def test_a_place_after_in_is_no_target():
    assert "Baghdad" not in targets("A drone strike in Baghdad killed a commander.", "strike")


def merged(*texts, published="2024-02-09"):
    """Events merged across invented reports of one story, one article per text."""
    mentions = []
    for index, text in enumerate(texts):
        result = annotate_text(text, published)
        mentions += [replace(m, article_id=f"a{index}") for m in result.events]
    ids = {f"a{i}" for i in range(len(texts))}
    return merge_events(mentions, {a: "s" for a in ids}, {a: a.upper() for a in ids})


def test_what_one_speaker_said_is_one_statement_across_reports():
    events = merged(
        'The Tigris Front said in a statement that it "will strike the occupiers again". '
        'The Tigris Front also called on its supporters to join the fight.',
        'The Tigris Front called on its supporters to take up arms and said its fighters '
        '"will attack the bases of the occupiers".')
    said = [e for e in events if e.family == "verbal"]
    assert len(said) == 1, [(e.event_type, e.sources) for e in events]
    [statement] = said
    assert statement.articles == 2
    assert statement.event_type == "threat"  # a threat outranks a demand as the main act
    assert statement.mode == "asserted"


def test_two_speakers_make_two_statements():
    events = merged("The Tigris Front called on its supporters to join the fight. "
                    "The Interior Ministry condemned the attack on the checkpoint.")
    kinds = sorted(e.event_type for e in events if e.family == "verbal")
    assert kinds == ["accusation", "demand"]


def test_one_speaker_on_two_days_makes_two_statements():
    events = merged("On Monday, the Interior Ministry condemned the raid on the market. "
                    "On Thursday, the Interior Ministry condemned the bombing of the bridge.",
                    published="2024-02-09")
    assert len([e for e in events if e.family == "verbal"]) == 2


def test_an_attack_told_inside_a_quote_is_no_act_of_the_statement():
    events = merged('The Interior Ministry said "the strike on the convoy in Mosul on Monday '
                    'killed four guards" and demanded an inquiry.')
    types = sorted(e.event_type for e in events)
    assert "demand" in types and any(t in ("attack", "air_drone_strike") for t in types)


def test_the_attack_with_nothing_of_its_own_refers_to_the_story_event():
    events = merged(
        "A drone strike in Mosul on Wednesday killed two guards at the checkpoint.",
        "Two guards were killed in a drone strike in Mosul on Wednesday.",
        "The attack drew condemnation from the governor.")
    violent = [e for e in events if e.family == "violent"]
    assert len(violent) == 1, [(e.event_type, e.sources) for e in violent]
    assert violent[0].articles == 3


@pytest.mark.parametrize("text, said", [
    ("Baghdad pressed Washington to discuss a timeline for the withdrawal of its troops.",
     "consultation"),
    ("The talks on the withdrawal of foreign forces resumed on Sunday.", "consultation"),
    ("The militia threatened a wave of attacks on the bases of the coalition.", "threat"),
])
def test_what_is_demanded_discussed_or_threatened_has_not_happened(text, said):
    found = annotate_text(text).events
    assert said in [e.event_type for e in found]
    acts = [e for e in found if e.text in ("withdrawal", "attacks")]
    assert all(e.mode == "future" for e in acts), [(e.text, e.mode) for e in acts]


@pytest.mark.parametrize("text, act", [
    ("The army completed the withdrawal of its troops from the town on Monday.", "withdrawal"),
    ("The ministry accused the militia of an attack on the convoy near Mosul on Monday.",
     "attack"),
])
def test_an_act_done_or_one_accused_of_stays_an_event(text, act):
    assert [e.mode for e in annotate_text(text).events if e.text == act] == ["asserted"]


def test_an_undated_reference_with_a_victim_joins_the_event_that_shares_it():
    events = merged(
        "A drone strike in Mosul on Wednesday killed the militia commander Karim Haddad.",
        "Karim Haddad, a militia commander, was killed in a drone strike in Mosul on Wednesday.",
        "Protesters gathered in the city days after the killing of Karim Haddad.")
    violent = [e for e in events if e.family == "violent"]
    assert len(violent) == 1, [(e.event_type, e.sources) for e in violent]
    assert violent[0].articles == 3


def test_an_undated_reference_sharing_nothing_with_either_of_two_strikes_stays_apart():
    events = merged(
        "A drone strike in Mosul on Wednesday killed the militia commander Karim Haddad.",
        "Karim Haddad, a militia commander, was killed in a drone strike in Mosul on Wednesday.",
        "A rocket attack on the Basra airport on Friday wounded two contractors.",
        "Two contractors were wounded in a rocket attack on the Basra airport on Friday.",
        "Officials said another strike killed a farmer near the border.")
    violent = [e for e in events if e.family == "violent"]
    assert sorted(e.articles for e in violent) == [1, 2, 2], [
        (e.event_type, e.sources) for e in violent]


def test_the_event_ontology_is_part_of_the_stage_version(monkeypatch):
    """A change to data/events.toml changes what is an event: every article is annotated
    again (the stage's version names the ontology's digest)."""
    from crossbearing.annotate.results import stage_version
    from crossbearing.knowledge import bundle, files

    before = stage_version()
    assert f"+events.{files.version('events')}" in before
    read = files.text
    monkeypatch.setattr(files, "text", lambda name: read(name) + (
        "\n# a new word\n" if name == "events" else ""))
    files.version.cache_clear()
    bundle._version.cache_clear()
    try:
        after = stage_version()
        assert after != before
        assert f"+events.{files.version('events')}" in after
    finally:
        monkeypatch.undo()
        files.version.cache_clear()
        bundle._version.cache_clear()
    assert stage_version() == before


def test_withdrawn_is_a_retreat_only_for_forces():
    assert not [t for t, _ in events("The group said the offer had been withdrawn after the raid.")
                if t == "suspension"]
    assert ("suspension", "withdrew") in events("The army withdrew its troops from the town.")


@pytest.mark.parametrize("text", [
    "Senators called on the congressman to give up his bid for the seat.",
    "The mayor refused to provide details of the contract.",
    "The budget has given church leaders an opportunity to speak.",
])
def test_giving_that_is_no_aid(text):
    assert not [t for t, _ in events(text) if t == "aid"]


def test_giving_aid():
    assert ("aid", "provide") in events(
        "The agency will provide 25,000 tons of food to the refugees.")
    assert ("aid", "gave") in events("The government gave the province a grant of $5 million.")


def test_what_a_call_asks_for_has_not_happened():
    [resignation] = [e for e in annotate_text(
        "Party leaders called for the chairman's resignation on Friday.").events
        if e.event_type == "suspension"]
    assert resignation.mode == "future"
    [withdrawal] = [e for e in annotate_text(
        "The governor called on the senator to withdraw from the race.").events
        if e.text == "withdraw"]
    assert withdrawal.mode == "future"


def test_a_call_is_a_demand_only_for_something():
    assert ("demand", "call") in events("The union renewed its call for a general strike.")
    assert not [t for t, _ in events("The party held a conference call with donors.")
                if t == "demand"]


def test_what_someone_must_do_has_not_happened():
    [apology] = [e for e in annotate_text("The senator said the chairman must apologize to the "
                                          "troops.").events if e.text == "apologize"]
    assert apology.mode == "hypothetical"


@pytest.mark.parametrize("text", [
    "The troops were deployed with the purpose of advising and assisting local forces.",
    "The battalion keeps 300 soldiers in the province with the aim of training police units.",
    "The convoy left at dawn in order to assist the besieged garrison.",
])
def test_what_a_mission_is_for_is_no_event(text):
    assert not [t for _, t in events(text) if t in ("advising", "assisting", "training", "assist")]


def test_an_act_done_for_a_purpose_is_still_an_event():
    assert ("protest", "protested") in events(
        "Farmers protested in Lyon on Monday in order to demand lower fuel taxes.")


def test_a_statement_is_not_dated_by_what_it_tells_of_the_past():
    events = merged('The Tigris Front said the occupiers "were not granted such chances before '
                    'their defeat in 2011". The Tigris Front also called on its supporters to '
                    'join the fight.')
    [statement] = [e for e in events if e.family == "verbal"]
    assert not (statement.date_start or "").startswith("2011")


def test_what_a_statement_noun_holds_still_dates_the_event_it_reports():
    [call] = [e for e in annotate_text("The call made in a statement issued Friday came after "
                                       "the raid.", published="2024-02-09").events
              if e.event_type == "demand"]
    assert call.time is not None and call.time.start == "2024-02-09"



def test_a_rebuke_is_an_accusation():
    assert ("accusation", "rebuke") in events(
        "The group issued a scathing rebuke towards the United States, denouncing the raids.")


def test_a_verb_that_introduces_a_quote_is_its_resolved_speakers_act():
    [urged] = [e for e in annotate_text(
        'The Islamic Resistance in Iraq said the occupiers had been warned. The group urged its '
        'allies to "join the ranks of the resistance".').events if e.text == "urged"]
    assert [a.actor_id for a in urged.role("actor")] == ["islamic-resistance-in-iraq"]


def test_times_inside_what_was_said_do_not_split_a_statement():
    events = merged('The Tigris Front said on Friday that the occupiers "were never granted '
                    'such chances before their defeat in 2011". The Tigris Front also called on '
                    'its supporters to join the fight on Friday.')
    assert len([e for e in events if e.family == "verbal"]) == 1


def test_a_place_already_given_that_modifies_an_event_is_its_place_not_its_actor():
    result = annotate_text("A drone strike on Tower 22 in Jordan killed three soldiers on "
                           "January 28. After the Jordan attack, the US vowed to respond. US "
                           "strikes in Iraq followed.")
    by_word = {e.text: e for e in result.events}
    assert by_word["attack"].place_id == "country:JO" and not by_word["attack"].role("actor")
    assert [a.text for a in by_word["strikes"].role("actor")] == ["US"]


def test_a_statement_of_conditions_only_still_has_a_type():
    """Things said that are all conditions or requests of others (no act of the speaker's own)
    still make one typed event (found on real text: the type lookup raised)."""
    from crossbearing.corpus.event_values import statement_type

    result = annotate_text("The army withdrew its troops from the town. The two sides signed an "
                           "agreement on Monday.")
    said = [replace(m, mode="hypothetical") for m in result.events]
    assert {m.event_type for m in said} == {"suspension", "agreement"}
    assert statement_type(said) in {"suspension", "agreement"}


def test_a_new_event_ontology_re_annotates_stored_articles(tmp_path, monkeypatch):
    """Stored annotations made with one ontology are pending again once the ontology's content
    changes, and the next annotate run makes them anew under the new version."""
    from crossbearing import ingest_files
    from crossbearing.annotate import run as annotate_run
    from crossbearing.annotate.results import STAGE, stage_version
    from crossbearing.knowledge import files
    from crossbearing.knowledge.bundle import Knowledge
    from crossbearing.store import open_store

    (tmp_path / "report.txt").write_text(
        "A drone strike in Mosul on Wednesday killed two guards at the checkpoint.\n",
        encoding="utf-8")
    db = tmp_path / "s.db"
    ingest_files([tmp_path / "report.txt"], db)
    version = stage_version()
    with open_store(db) as store:
        assert annotate_run.annotate(store).annotated == 1
        assert store.annotations.pending_articles(STAGE, version) == []
    changed = Knowledge.bundled().with_text("events", files.text("events") + "\n# a new word\n")
    monkeypatch.setattr(Knowledge, "bundled", classmethod(lambda cls: changed))
    assert stage_version() == stage_version(changed) != version
    with open_store(db) as store:
        assert len(store.annotations.pending_articles(STAGE, stage_version())) == 1
        assert annotate_run.annotate(store).annotated == 1
        assert store.annotations.pending_articles(STAGE, stage_version()) == []



@pytest.mark.parametrize("text", [
    "It was a flawless execution of the campaign plan.",
    "Coal- and gas-fired power plants face new rules.",
    "A trade war would certainly hurt farmers.",
    "He sent tweets targeting the former beauty queen.",
    "The war-torn city was quiet on Sunday.",
    "The senator's attack ads ran all week.",
    "It was a minor part of the campaign's assault on McCain's Medicare record.",
    "The attack on his accounting was part of the strategy.",
    "Critics called the bill an assault on free speech.",
    "In a head-to-head battle of proxies, the vice president wasted no time on Thursday.",
])
def test_violence_in_a_figure_of_speech_is_no_event(text):
    assert not [t for t, _ in events(text) if t in (
        "killing", "armed_clash", "attack", "air_drone_strike", "shelling")], events(text)


@pytest.mark.parametrize("text, event_type", [
    ("The ministry announced the execution of two prisoners on Monday.", "killing"),
    ("The war in Syria killed thousands of civilians.", "killing"),  # a war is no one event
    ("Gunmen attacked a checkpoint near Tikrit on Saturday.", "armed_clash"),
    ("The raid on the compound killed five people.", "armed_clash"),  # an enclosure, assailed
    ("Militants launched an assault on the police station.", "attack"),
    ("The strike on the convoy killed two.", "air_drone_strike"),
])
def test_violence_itself_stays_an_event(text, event_type):
    assert event_type in [t for t, _ in events(text)]


@pytest.mark.parametrize("text", [
    "Israel's army said on Tuesday it had struck a vehicle near Nabatieh on Monday.",
    "The Houthis said on Tuesday they had targeted a cargo ship off Hodeidah on Monday.",
])
def test_the_day_a_strike_was_announced_is_not_its_date(text):
    [event] = annotate_text(text, "2024-06-05").events
    assert (event.time.start, event.time.precision) == ("2024-06-03", "day")


@pytest.mark.parametrize("text, day", [
    ("Vice President Biden traveled to the Capitol Wednesday for a private meeting with House "
     "Democrats who are resisting the deal.", "2010-12-08"),
    ("The minister flew to Paris on Monday for a meeting, and the rebels attacked a base.",
     "2010-12-06"),
])
def test_one_comes_for_a_meeting_when_it_is(text, day):
    [meeting] = [m for m in annotate_text(text, "2010-12-09").events if m.text == "meeting"]
    assert meeting.time is not None and meeting.time.start == day


def test_what_one_comes_for_takes_no_other_events_time():
    events = annotate_text("Rebels attacked a base on Monday, and the minister went to Paris for "
                           "a meeting.", "2010-12-09").events
    [meeting] = [m for m in events if m.text == "meeting"]
    assert meeting.time is None


@pytest.mark.parametrize("text, act, blamed", [
    ("American officials have linked the recent attack in Jordan to Kataeb Hezbollah.",
     "attack", "Kataeb Hezbollah"),
    ("The government blamed the bombing on the Islamic State.", "bombing", "Islamic State"),
])
def test_the_one_an_act_is_pinned_on_is_its_alleged_actor_not_its_target(text, act, blamed):
    [event] = [e for e in annotate_text(text).events if e.text == act]
    assert [a.text for a in event.role("actor")] == [blamed]
    assert blamed not in [a.text for a in event.arguments if a.role != "actor"]


def test_a_group_described_by_a_nationality_is_that_group_not_the_nationality():
    [demand] = annotate_text("Pro-Iran Iraqi lawmakers are calling for an immediate end to "
                             "foreign troop presence.").events
    assert [(a.text, a.canonical) for a in demand.role("actor")] == [
        ("Pro-Iran Iraqi lawmakers", "Pro-Iran Iraqi lawmakers")]
    [strike] = annotate_text("At least 16 Iraqis were killed in US airstrikes.").events
    assert [a.canonical for a in strike.role("actor")] == ["United States"]  # a named actor


def test_bare_plurals_joined_after_a_preposition_are_background_as_the_first_one_is():
    assert events("The fighters led the occupiers to the brink, subjecting them to paramount "
                  "bombings and attacks.") == []
    assert ("attack", "attacks") in events("Gunmen carried out attacks and bombings in Mosul on "
                                           "Monday, killing four.")


def test_an_undated_strike_of_the_same_kind_and_country_refers_to_the_dated_one():
    events = merged(
        "A drone strike on a US outpost in Jordan on Sunday killed three soldiers.",
        "Three US soldiers were killed in a drone strike on an outpost in Jordan on Sunday.",
        "Airstrikes in Syria came a week after the deadly drone attack on the American base in "
        "Jordan.",
        published="2024-01-29")
    strikes = [e for e in events if e.family == "violent"]
    jordan = [e for e in strikes if e.place_id == "country:JO"]
    assert [e.articles for e in jordan] == [3], [(e.event_type, e.sources)
                                                     for e in strikes]
    assert len(strikes) == 2  # the airstrikes in Syria stay apart


def test_an_act_the_text_denies_makes_no_event():
    texts = ("A drone struck a car in the town of Qaim on Monday, killing two fighters.",
             "No civilians were killed, the army said.")
    assert "negated" in {m.mode for m in annotate_text(texts[1]).events}
    assert {e.mode for e in merged(*texts)} == {"asserted"}


def test_a_site_naming_the_event_is_its_place_and_its_number_no_count():
    [attack] = [e for e in annotate_text(
        "After the Tower 22 attack, the group paused its operations.").events
        if e.text == "attack"]
    assert attack.place_id == "site:tower-22" and not attack.aggregate
    assert not attack.role("actor")


def test_a_yes_no_question_asserts_no_event():
    [shot] = [e for e in annotate_text('"Did you shoot him?" she asked the officer.').events
              if e.text == "shoot"]
    assert shot.mode == "hypothetical"


@pytest.mark.parametrize("text", [
    "The square, where demonstrators have sometimes gathered, is near the stadium.",
    "Artillery routinely shells the villages along the river.",
    "Mr. Perry was widely criticized within his own party for the remark.",  # many, many times
    "The governor has steadfastly refused to release the documents.",
    "The veterans are tired after five years of fighting ISIS.",  # a span of years
])
def test_what_happens_from_time_to_time_is_no_event(text):
    assert events(text) == []


@pytest.mark.parametrize("text", [
    "In a speech on Thursday the chairman offered a strong critique of the strategy.",
    "Several senators offered swift, negative reactions to the remarks on Friday.",
    "The spokesman insisted that no rules had been broken.",
    "The governor showed no sign of backing down on Monday.",
    "The president shifted the focus of the war on terrorism to the east.",
])
def test_sayings_and_policies_in_words_of_acts_are_no_events(text):
    assert [m for _, m in events(text) if m in ("offered", "insisted", "war")] == []
    assert all(e.mode != "asserted" for e in annotate_text(text).events
               if e.text == "backing")


def test_an_offer_of_something_given_and_a_demand_insisted_on_stay():
    assert ("agreement", "offered") in events("The ministry offered the envoy a post in Cairo.")
    assert ("demand", "insisted") in events("Protesters insisted on a meeting with the mayor.")


@pytest.mark.parametrize("text, trigger, expected", [
    ("The ministry had refused for months to discuss the matter.", "discuss", "negated"),
    ("How are you? Do you fully support the new agenda?", "support", "hypothetical"),
])
def test_acts_refused_or_asked_about_are_not_asserted(text, trigger, expected):
    assert {e.mode for e in annotate_text(text).events if e.text == trigger} == {expected}


@pytest.mark.parametrize("text, trigger", [
    ("The rebels demanded a ceasefire before allowing relief convoys into the valley.",
     "allowing"),
    ("The militia said the army must withdraw from the district before its fighters "
     "surrender.", "surrender"),
    ("The ministry demanded proof of identity before it would accept the refugees.", "accept"),
    ("How many soldiers must die before we strike back?", "strike"),
])
def test_an_act_a_condition_sets_before_it_is_not_done(text, trigger):
    assert {e.mode for e in annotate_text(text).events if e.text == trigger} == {"hypothetical"}


@pytest.mark.parametrize("text, trigger", [
    ("The envoy had breakfast with the minister before visiting the parliament.", "visiting"),
    ("The delegation toured the camp before meeting the governor.", "meeting"),
    ("The rebels seized the bridge before they shelled the town.", "shelled"),
])
def test_an_act_before_another_in_the_past_is_told_as_done(text, trigger):
    assert {e.mode for e in annotate_text(text).events if e.text == trigger} == {"asserted"}


@pytest.mark.parametrize("text", [
    "Many voters share the skepticism that the war is winnable.",
    "The party is doing its best to rally its supporters before the vote.",
    "The senators have consistently supported the effort.",
])
def test_views_mobilising_and_stances_are_no_events(text):
    assert [e for e in annotate_text(text).events if e.mode == "asserted"] == []


def test_people_who_rally_somewhere_protest():
    assert ("protest", "rallied") in events("Thousands rallied outside parliament on Sunday.")


def test_a_saying_referred_back_to_is_the_earlier_one_of_its_kind():
    result = annotate_text("Democrats sharply criticized the plan on Monday. The statement was "
                           "issued later. Republican officials dismissed that criticism.")
    [criticized] = [e for e in result.events if e.text == "criticized"]
    [criticism] = [e for e in result.events if e.text == "criticism"]
    assert criticism.antecedent == criticized.start


def test_a_reprinted_passage_says_its_events_once():
    from crossbearing.corpus.events import copied_mentions
    from crossbearing.model_stories import Passage

    text = "A car bomb exploded near a crowded market in Iraq."
    mentions = []
    for article, prefix in (("a0", ""), ("a1", "BRIEF: ")):
        result = annotate_text(prefix + text)
        mentions += [replace(m, article_id=article) for m in result.events]
    apart = merge_events(mentions, {"a0": "s", "a1": "s"}, {"a0": "A0", "a1": "A1"})
    passage = Passage("a0", "a1", 0, len(text), 7, 7 + len(text), 18, 1.0, "reprint", "a->b")
    copies = copied_mentions(mentions, [passage])
    assert copies and all(k[0] == "a1" and v[0] == "a0" for k, v in copies)
    joined = merge_events(mentions, {"a0": "s", "a1": "s"}, {"a0": "A0", "a1": "A1"},
                          copies=copies)
    assert len(joined) < len(apart)
    assert all({a for a, _ in e.sources} == {"a0", "a1"} for e in joined)


@pytest.mark.parametrize("text, trigger, expected", [
    ("The campaign would like to organize another rally next month.", "rally", "future"),
    ("The opposition agreed to postpone the demonstration until November.", "demonstration",
     "suspended"),
])
def test_acts_wished_for_or_put_off_have_not_happened(text, trigger, expected):
    assert {e.mode for e in annotate_text(text).events if e.text == trigger} == {expected}


def test_in_protest_after_another_act_is_its_manner():
    assert "protest" not in {t for t, _ in events("The director resigned in protest on Monday.")}
    assert ("protest", "protest") in events("Thousands joined the protest in the capital.")


def test_a_wh_question_takes_the_act_as_done():
    [strike] = [e for e in annotate_text("Why did the army strike the town on Monday?").events
                if e.text == "strike"]
    assert strike.mode == "asserted"


@pytest.mark.parametrize("text, trigger", [
    ("The army carried out one attack on the town.", "attack"),
    ("The 2020 strike killed a general.", "strike"),
])
def test_one_or_a_year_counts_no_events(text, trigger):
    assert [e.aggregate for e in annotate_text(text).events if e.text == trigger] == [False]


@pytest.mark.parametrize("text", [
    "Still, the fund warned that the exit will raise many questions in the coming years.",
    "Economists warned that prices would keep rising through the winter.",
    "She had to make ends meet after the plant closed.",
    "The new design meets the standard set by the ministry.",
])
def test_a_caution_or_a_standard_met_is_no_event(text):
    assert not [t for t, _ in events(text) if t in ("threat", "consultation")]


@pytest.mark.parametrize("text, kind", [
    ("The United States warned that it would respond to any attack.", "threat"),
    ("Hamas warned that its fighters will strike Israeli towns.", "threat"),
    ("The army warned the villagers to leave.", "threat"),
    ("The two leaders will meet in Geneva on Monday.", "consultation"),
])
def test_a_threat_made_or_a_meeting_stays(text, kind):
    assert kind in [t for t, _ in events(text)]


@pytest.mark.parametrize("text", [
    "The council, which is pushing the embassy to discuss a timeline for the pullout, met today.",
    "The strikes caused the government to push the embassy to discuss a timeline.",
    "Lawmakers pushed for a ceasefire in Gaza.",
])
def test_pushing_someone_to_act_is_a_request(text):
    assert "demand" in [t for t, _ in events(text)]


@pytest.mark.parametrize("text", [
    "Repeated US strikes are pushing the government to end the presence of foreign forces.",
    "He pushed the car into the garage.",
    "Israeli forces pushed into the town on Monday.",
])
def test_a_push_that_asks_nobody_is_no_request(text):
    assert "demand" not in [t for t, _ in events(text)]


def test_what_is_asked_of_someone_is_part_of_the_request():
    result = annotate_text("The council urged residents to join the protest on Friday.")
    [urged] = [e for e in result.events if e.text == "urged"]
    [protest] = [e for e in result.events if e.text == "protest"]
    assert protest.mode == "future" and protest.antecedent == urged.start


def test_the_subject_of_a_relative_clause_is_the_noun_it_modifies():
    [pushing] = [e for e in annotate_text(
        "The mayor, who is pushing the council to hold a vote, spoke on Monday.").events
        if e.text == "pushing"]
    assert [a.text for a in pushing.role("actor")] == ["mayor"]


@pytest.mark.parametrize("text", [
    "Donations to the campaign hit nearly $1.1 billion.",
    "Unemployment hit a record high in March.",
    "The senator struck a conciliatory tone at the dinner.",
    "The client fired every question back at the reporter.",
    "By the time the candidates hit the stage, most voters had made up their minds.",
    "The governor hit the campaign trail in Ohio on Monday.",
])
def test_striking_a_thing_no_one_is_harmed_by_is_no_attack(text):
    assert not [t for t, _ in events(text) if t not in ("agreement",)]


@pytest.mark.parametrize("text", [
    "Gunmen fired shots at the convoy near Kirkuk.",
    "The missile hit its target in Homs.",
    "The army struck militant positions in the north.",
])
def test_striking_people_or_places_stays_an_attack(text):
    assert events(text)


@pytest.mark.parametrize("text, trigger", [
    ("The candidate plans to visit Charlotte on Sunday.", "visit"),
    ("The two leaders hope to meet in Geneva next week.", "meet"),
])
def test_a_meeting_intended_is_not_yet_a_meeting(text, trigger):
    [event] = [e for e in annotate_text(text).events if e.text == trigger]
    assert event.mode == "future"


@pytest.mark.parametrize("text", [
    "Republicans attacked the president for declining to release the memo.",
    "The candidate attacked her opponent as a fraud.",
])
def test_attacking_someone_for_their_conduct_is_an_accusation(text):
    assert [t for t, _ in events(text)] == ["accusation"]


@pytest.mark.parametrize("text", [
    "Militants attacked the convoy for two hours near Kirkuk.",
    "Rebels attacked the base for the third time this month.",
])
def test_an_attack_timed_by_for_stays_an_attack(text):
    assert "accusation" not in [t for t, _ in events(text)]


@pytest.mark.parametrize("text", [
    "Washington halted economic aid to Serbia on Monday.",
    "The European Union suspended arms sales to the government.",
])
def test_stopping_aid_or_trade_is_a_sanction(text):
    assert [t for t, _ in events(text)] == ["sanction"]


def test_suspending_attacks_stays_a_suspension():
    assert "suspension" in [t for t, _ in events("The militia suspended attacks on US forces.")]


def test_a_quoted_question_tagged_demanded_is_no_demand():
    assert not events('"Why isn\'t this proof?" the senator demanded.')


@pytest.mark.parametrize("text", [
    '"Release them now," the crowd demanded.',
    "Protesters demanded the release of the prisoners.",
])
def test_a_demand_quoted_or_stated_stays(text):
    assert "demand" in [t for t, _ in events(text)]


@pytest.mark.parametrize("text", [
    "Some 500,000 workers affiliated with the union stopped work on the first day of an "
    "open-ended strike on Monday.",
    "Teachers went on strike over unpaid wages.",
])
def test_a_strike_of_workers_is_a_protest(text):
    assert "protest" in [t for t, _ in events(text)]


@pytest.mark.parametrize("text", [
    "An Israeli strike hit a car carrying workers in Gaza.",
    "A strike hit a bus carrying workers near Aden.",
])
def test_a_strike_that_hits_is_an_attack_whoever_it_hits(text):
    assert "protest" not in [t for t, _ in events(text)]


@pytest.mark.parametrize("text, word", [
    ("Workers walked out over an employment bill signed by the labour minister.", "signed"),
    ("The film highlights the police killings of two teenagers.", "killings"),
    ("She softened his image by recounting a time when he gave money to a family in need.",
     "gave"),
    ("The old farmer recalled how the army had shelled the village.", "shelled"),
])
def test_an_act_told_as_background_or_depicted_is_no_event(text, word):
    assert word not in [e.text for e in annotate_text(text).events]


def test_a_saying_told_in_a_relative_clause_stays():
    assert "accused" in [e.text for e in annotate_text(
        "The strike targeted Karim Haddad, whom the army accused of planning attacks.").events]


def test_a_summit_hosted_by_someone_is_the_occasion():
    assert "hosted" in [e.text for e in annotate_text(
        "The envoys met the president at a summit hosted by Norway.").events]


def test_a_lunch_hosted_by_someone_is_where_the_meeting_was():
    found = [e.text for e in annotate_text(
        "The envoys met the president at a lunch hosted by the ambassador.").events]
    assert "met" in found and "hosted" not in found  # a lunch hosts no one: no talks of its own


@pytest.mark.parametrize("text, expected", [
    ("Russia seized Crimea from Ukraine in 2014.", None),
    ("Police seized weapons and arrested three men.", "arrest"),
    ("The magazine has defended the photo.", None),
    ("The senator defended the president.", "support"),
    ("The president called out the Speaker for a do-nothing Congress.", "accusation"),
])
def test_the_object_sets_the_sense(text, expected):
    found = [t for t, _ in events(text)]
    assert (expected in found) if expected else not found


def test_two_bombers_make_one_bombing():
    [bombing] = [e for e in annotate_text(
        "Two suicide bombers killed 23 people in Tel Aviv on Monday.").events]
    assert not bombing.aggregate


def test_a_saying_a_modal_governs_is_not_yet_done():
    [sue] = [e for e in annotate_text("The bill would allow families to sue the state.").events
             if e.text == "sue"]
    assert sue.mode == "future"


@pytest.mark.parametrize("text, kind", [
    ("Gunmen opened fire on soldiers at a checkpoint near Kirkuk.", "armed_clash"),
    ("Militiamen opened fire on protesters in Basra on Friday.", "attack"),
    # state forces firing on protesters: ACLED's Protests / Excessive force against protesters
    ("Police opened fire on protesters in Basra on Friday.", "excessive_force"),
])
def test_opening_fire_on_people_is_an_attack(text, kind):
    [event] = annotate_text(text).events
    assert event.event_type == kind and "fire" not in [a.text for a in event.arguments]


def test_opening_a_crossing_is_no_attack():
    assert not events("Egypt opened the Rafah crossing on Monday.")


def test_a_phrase_before_the_subject_is_no_target():
    [accused] = [e for e in annotate_text("At home, the senator accused the administration of "
                                          "presiding over a shoddy recovery.").events
                 if e.text == "accused"]
    assert "home" not in [a.text for a in accused.role("target")]


def test_imposing_sanctions_is_a_sanction_not_an_arrest():
    assert [t for t, _ in events("The Security Council imposed sweeping new sanctions on the "
                                 "regime.")] == ["sanction"]
    assert "restriction" in [t for t, _ in events("The army imposed a curfew on the town.")]
    assert "sanction" in [t for t, _ in events("The U.N., which in March imposed some of the "
                                               "harshest sanctions ever, met again.")]
    assert [t for t, _ in events("Earlier this month, the bank was fined, including a record "
                                 "$100 million penalty imposed by the Consumer Financial "
                                 "Protection Bureau.")] == ["sanction"]


@pytest.mark.parametrize("text, kind", [
    ("The army imposed a curfew on the town on Monday.", "restriction"),
    ("The navy began a blockade of the port on Monday.", "restriction"),
    ("The government banned the newspaper on Friday.", "restriction"),
    ("Police arrested 100 protesters on Saturday.", "arrest"),
    ("Security forces detained the journalist in Erbil on Wednesday.", "arrest"),
])
def test_coercion_that_arrests_no_one_is_a_restriction(text, kind):
    types = [t for t, _ in events(text)]
    assert kind in types and not ({"arrest", "restriction"} - {kind}) & set(types), types


def test_the_demands_protesters_press_are_part_of_their_protest():
    assert [t for t, _ in events("Young Algerians blocked roads leading to the city centre on "
                                 "Sunday to press their demands for greater freedom.")] == [
        "protest"]


# --- senses read from real news: wrongs committed, naming, abstract doers, modal adjectives ---


@pytest.mark.parametrize("text", [
    "Every 72 minutes, a veteran commits suicide, the report said on Monday.",
    "Investigators said the soldiers committed war crimes in the village last year.",
])
def test_committing_a_wrong_is_no_pledge(text):
    assert not [t for t, _ in events(text) if t == "agreement"]


def test_committing_to_a_course_is_a_pledge():
    assert ("agreement", "committed") in events(
        "The rebels committed to a ceasefire on Monday, the UN envoy said.")


def test_calling_someone_a_name_is_no_demand():
    assert not [t for t, _ in events(
        "The surgeon has been called a charlatan by fellow physicians for promoting cures.")
        if t == "demand"]


@pytest.mark.parametrize("text, kept", [
    ("The president supports measures to strengthen Social Security, his spokesman said.", False),
    ("The army reinforced its positions near the border on Tuesday.", True),
])
def test_strengthening_is_a_deployment_only_of_forces(text, kept):
    assert bool([t for t, _ in events(text) if t == "deployment"]) is kept


@pytest.mark.parametrize("text", [
    "The wounded were innocent bystanders struck by radical Islamic terrorism.",
    "The book explored the environmental changes that wiped out ancient societies.",
])
def test_an_abstract_doer_harms_no_one(text):
    assert not [t for t, _ in events(text) if t in ("attack", "killing")]


def test_a_weapon_or_a_group_as_doer_is_violence():
    assert [t for t, _ in events("A car bomb struck a market in Baghdad on Friday, killing ten "
                                 "people.") if t == "remote_explosive"]


@pytest.mark.parametrize("text", [
    "The moderators will make it difficult for the candidate to attack them in the debates.",
    "Officials said the militia was ready to strike the base again.",
])
def test_an_infinitive_an_adjective_of_possibility_governs_is_not_done(text):
    modes = {e.mode for e in annotate_text(text).events if e.event_type in ("attack", "air_drone_strike", "armed_clash", "killing")}
    assert modes and "asserted" not in modes


def test_a_persons_death_names_the_one_who_died():
    [death] = [e for e in annotate_text(
        "Keith Scott was shot last week. The questions sparked by Keith Scott's death will take "
        "longer to answer, officials said on Monday.").events if e.text == "death"]
    assert [a.text for a in death.role("victim")] == ["Keith Scott"] and not death.role("actor")


@pytest.mark.parametrize("text, protest", [
    ("In the weeks since Labor Day, Mrs. Clinton has held rallies before largely black crowds in "
     "Cleveland and at a college in Greensboro.", False),
    ("Thousands of people held a rally against the government in Baghdad on Friday.", True),
])
def test_a_candidates_rally_is_no_protest(text, protest):
    assert bool([t for t, _ in events(text) if t == "protest"]) is protest


def test_a_photo_captions_date_dates_the_picture_not_the_strike():
    text = ("The group mourned its commander on Thursday.\n\nFighters attend the funeral of a "
            "commander, Abu Baqir Al-Saadi, who was martyred in a US airstrike, in Baghdad, Iraq, "
            "February 8, 2024 (AP)\n\nThe strike on Wednesday night killed three people.")
    dated = {e.text: e.time and e.time.start for e in annotate_text(text, "2024-02-09").events}
    assert dated["airstrike"] is None and dated["strike"] == "2024-02-07"


@pytest.mark.parametrize("text", [
    "Officials said the militia is considered a threat to US troops in the region.",
    "The campaign is trying to mobilize black Florida voters ahead of the election.",
    "It is a problem that demands a bipartisan response, the senator said on Monday.",
])
def test_a_danger_a_get_out_the_vote_and_a_need_are_no_events(text):
    assert not [t for t, _ in events(text) if t in ("threat", "deployment", "demand")]


@pytest.mark.parametrize("text", [
    "The army mobilized reservists on Monday as tensions rose on the border.",
    "Protesters demanded the release of detained activists in Kampala on Sunday.",
])
def test_forces_mobilized_and_peoples_demands_stay_events(text):
    assert [t for t, _ in events(text) if t in ("deployment", "demand")]


@pytest.mark.parametrize("text, trigger", [
    ("Ryan said the bill would pass easily if the president's veto were overridden by Congress.",
     "veto"),
    ("It is too early to discuss strategies for the talks, the minister said.", "discuss"),
    ("Putin offered to negotiate with the president of Armenia on Monday.", "negotiate"),
])
def test_a_condition_an_early_moment_and_an_offer_tell_no_act_done(text, trigger):
    [event] = [e for e in annotate_text(text).events if e.text == trigger]
    assert event.mode != "asserted"


@pytest.mark.parametrize("text", [
    "The Wall Street Journal reported Friday that the AARP, which opposed President George W. "
    "Bush's push to privatize Social Security, has decided to accept cuts.",
    "Anti-US sentiments have been growing in the region over Washington's unconditional support "
    "for Israel's onslaught.",
    "Local officials in cities that support the regulations said they would comply.",
])
def test_a_stance_held_is_no_event(text):
    assert not [t for t, _ in events(text) if t in ("support", "rejection")]


@pytest.mark.parametrize("text, kind", [
    ("The prime minister expressed support for the ceasefire on Monday.", "support"),
    ("The party, which opposed the bill on Tuesday, said it would appeal.", "rejection"),
    ("Ham explained why he backs Trump over Democratic nominee Hillary Clinton.", "support"),
])
def test_a_stance_expressed_or_dated_is_an_event(text, kind):
    assert [t for t, _ in events(text) if t == kind]


@pytest.mark.parametrize("text, kind", [
    ("Democrats and uneasy Republicans seized upon Mr. Trump's RT appearance on Friday.", "arrest"),
    ("The petition, signed by nearly 90 faculty members, criticized the budget.", "agreement"),
    ("The companies are fighting to protect their diminishing business, analysts said.",
     "armed_clash"),
    ("The government lacks the tools to fight terrorism, the report said.", "armed_clash"),
    ("Putin's threat to Eastern and Northern Europe worries NATO leaders.", "threat"),
])
def test_remarks_taken_up_letters_signed_struggles_and_dangers_are_no_such_events(text, kind):
    assert not [t for t, _ in events(text) if t == kind]


@pytest.mark.parametrize("text, kind", [
    ("Police seized weapons and arrested two men in Mosul on Monday.", "arrest"),
    ("The two sides signed a ceasefire agreement in Doha on Saturday.", "agreement"),
    ("Rebels fought government troops near Aleppo on Sunday.", "armed_clash"),
    ("Iran's threat to close the Strait of Hormuz alarmed shipping companies on Monday.",
     "threat"),
])
def test_seizing_signing_fighting_and_threatening_stay_events(text, kind):
    assert [t for t, _ in events(text) if t == kind]


def test_a_place_before_a_person_describes_the_person_not_the_actor():
    [rejection] = [e for e in annotate_text(
        "A New York judge has rejected a media request to make public the contents of a court "
        "file, the court said.").events if e.event_type == "rejection"]
    [actor] = rejection.role("actor")
    assert actor.canonical == "New York judge" and actor.actor_id is None


@pytest.mark.parametrize("text", [
    "A farm subsidy programme that allows growers to sell surplus grain abroad ends in June.",
    "The exemptions allowed the firm to import parts without paying duties.",
    "Her long tenure on the board has aided the rise of a new faction of directors.",
    "Several independent estimates agree that the levy would fall mostly on the poor.",
    "New zoning rules that promise to double the housing stock were unveiled.",
])
def test_a_thing_cannot_act(text):
    assert not [t for t, _ in events(text) if t in ("concession", "aid", "agreement")]


@pytest.mark.parametrize("text, kind", [
    ("The interior ministry allowed aid convoys to enter the town on Monday.", "concession"),
    ("The committee agreed on Tuesday to delay the vote until March.", "agreement"),
    ("Army bulldozers demolished three houses in the village on Sunday.", "property_destruction"),
    ("The lawsuit alleges that the company paid women less than men.", "accusation"),
    ("The letter demanded that the minister resign within a week.", "demand"),
    ("A majority of them accepted the offer of a ceasefire on Friday.", "agreement"),
    ("Latest: Obama urges Congress to pass the spending bill.", "demand"),
])
def test_people_groups_machines_and_texts_can_act(text, kind):
    assert kind in [t for t, _ in events(text)]


def _event(mode="asserted", precision=None):
    from crossbearing.model_events import Event
    return Event("ev-1", "story-1", "remote_explosive", "violent", mode, False,
                 "1993-01-01" if precision else None, "1993-12-31" if precision else None,
                 precision, None, None, None, {}, 1, 1, (("a", 0),))


@pytest.mark.parametrize("mode, precision, decision, listed", [
    ("asserted", None, None, True),           # undated: the report's news
    ("asserted", "day", None, True),
    ("asserted", "month", None, True),        # ACLED's time precision 3
    ("asserted", "year", None, False),        # "In 1993, radical Islamists bombed …": history
    ("asserted", "decade", None, False),
    ("asserted", "year", "confirm", True),    # an analyst promotes it
    ("asserted", "day", "reject", False),
    ("threatened", "day", None, False),
    ("threatened", "day", "confirm", False),  # a confirmation does not make a threat happen
])
def test_an_event_is_listed_when_it_happened_dated_at_least_to_the_month(mode, precision,
                                                                        decision, listed):
    from crossbearing.views.sections.events import is_listed
    assert is_listed(_event(mode, precision), decision) is listed


@pytest.mark.parametrize("text, kind", [
    ("All three panelists agreed that the senator won the debate.", "agreement"),
    ("The judge agreed with the plaintiff that there was no reason to seal the file.",
     "agreement"),
    ("Sixty percent of the voters polled agreed.", "agreement"),
])
def test_concurring_in_a_view_is_no_agreement(text, kind):
    assert kind not in [t for t, _ in events(text)]


@pytest.mark.parametrize("text", [
    "The two sides agreed to a ceasefire on Monday.",
    "The ministers agreed on a new trade pact in Geneva on Friday.",
    "The rebels agreed to release the hostages.",
])
def test_agreeing_to_or_on_something_is_an_agreement(text):
    assert "agreement" in [t for t, _ in events(text)]


@pytest.mark.parametrize("text", [
    "Student loans\n\nMany families struggle with fees.\n\nThe state government offers loans to "
    "parents who do not own a home.",
    "The governor on immigration\n\nThe governor spoke in Austin on Monday.\n\nHe also opposes a "
    "border wall, although he calls for more patrols.",
])
def test_the_simple_present_of_the_body_is_a_habit_or_a_stance(text):
    found = [t for t, _ in events(text)]
    assert not {"agreement", "rejection", "demand"} & set(found)


@pytest.mark.parametrize("text, kind", [
    ("Nurses' union endorses the mayor\n\nThe nurses' union endorsed the mayor on Monday.",
     "support"),
    ("The Palestinians reject proposed Israeli changes to the land deal, a negotiator said.",
     "rejection"),
    ("Apology\n\nThe congressman spoke on Monday.\n\n\"I apologize to all involved,\" the "
     "congressman said in a statement.", "concession"),
])
def test_the_present_of_a_headline_a_lead_or_the_speakers_own_words_is_an_event(text, kind):
    assert kind in [t for t, _ in events(text)]


@pytest.mark.parametrize("text, kind, mode", [
    ("The minister resigned on the eve of a visit by the Chinese premier.", "consultation",
     "future"),
    ("Ahead of the summit on Friday, the two leaders spoke by phone.", "consultation", "future"),
    ("The senator passed the bill without having to make any concessions.", "concession",
     "negated"),
    ("The army shelled the village without warning on Monday.", "threat", "negated"),
    # staging an act is no act: an exercise or a pretence
    ("Russia even simulated an attack on the Danish island of Bornholm last year.", "attack",
     "hypothetical"),
    # the object of a light verb is as done as the verb: "needs to make appeals", "plans to make"
    ("Clinton, who needs to make additional appeals for calm, spoke on Monday.", "demand",
     "future"),
    ("The ministry made an appeal to the rebels on Monday to lay down their arms.", "demand",
     "asserted"),
    # a modal scopes over its verb's objects and complements …
    ("That could include indicting the hackers and imposing sanctions against Russian banks.",
     "sanction", "hypothetical"),
    # … not over an adjunct: the unrest the curfew answers happened
    ("The president said on Monday that he will extend the curfew in Abidjan in response to "
     "recent unrest within the city.", "riot", "asserted"),
    # an act failed, refused or thwarted did not happen (ACLED: disrupted, no attack)
    ("Palestinians and Israelis failed to reach agreement on the fate of the offices on "
     "Sunday.", "agreement", "negated"),
    ("An attempt to assassinate the deputy governor was thwarted in Khanty-Mansiysk on "
     "Monday, police said.", "attack", "negated"),
    ("Police foiled a plot to bomb the central station on Friday.", "remote_explosive",
     "negated"),
    ("Gunmen attempted to assassinate the governor on Monday.", "attack", "asserted"),
    # a subject "neither … nor" denies the act of both
    ("Neither the mayor nor his aides have been charged with any crime.", "accusation",
     "negated"),
    ("Neither side attacked the convoy on Monday.", "armed_clash", "negated"),
    # the occasion of an act still to come is to come
    ("The committee will elect a chairman during its meeting in January.", "consultation",
     "future"),
    ("The committee elected a chairman during its meeting on Monday.", "consultation",
     "asserted"),
])
def test_what_governs_an_act_says_whether_it_was_done(text, kind, mode):
    modes = {e.mode for e in annotate_text(text).events if e.event_type == kind}
    assert modes == {mode}


@pytest.mark.parametrize("text, met", [
    ("The proposal was met with applause when the mayor spoke.", False),
    ("The offensive is being met with outrage from the party's base.", False),
    ("The two foreign ministers met in Geneva on Friday.", True),
])
def test_being_met_with_a_reaction_is_no_meeting(text, met):
    assert ("consultation" in [t for t, _ in events(text)]) is met


def test_two_named_speakers_accusing_one_target_are_two_events():
    events = merged(
        "Tea Party leaders answered the resolution on Tuesday. Organizer Dana Whitfield accused "
        "the NAACP of playing politics. Fellow organizer Mark Hollis accused the NAACP of "
        "abandoning its mission.")
    accusers = sorted(sorted(p["name"].split()[-1] for p in e.detail["participants"]
                             if p["role"] == "actor")
                      for e in events if e.event_type == "accusation")
    assert accusers == [["Hollis"], ["Whitfield"]], accusers


def test_one_speakers_accusation_told_by_two_reports_is_one_event():
    events = merged("Organizer Dana Whitfield accused the NAACP of playing politics on Tuesday.",
                    "On Tuesday Dana Whitfield accused the NAACP of playing politics.")
    assert len([e for e in events if e.event_type == "accusation"]) == 1


@pytest.mark.parametrize("text, clash", [
    ("She battled through a bout of pneumonia before the debate.", False),
    ("Firefighters fought the blaze for hours on Sunday.", False),
    ("Rebels fought government troops near the airport on Monday.", True),
    ("Troops fought the tanks at the bridge.", True),
])
def test_fighting_a_thing_that_cannot_fight_back_is_no_clash(text, clash):
    assert ("armed_clash" in [t for t, _ in events(text)]) is clash


@pytest.mark.parametrize("text, trigger, actor", [
    ("Sarah Whitman weighed in to defend the movement on Monday.", "defend", "Sarah Whitman"),
    ("The senator moved to reject the nomination on Tuesday.", "reject", "senator"),
    ("David Ames called on Howard Dole to apologize for the remark.", "apologize", None),
    ("The party urged its allies to attack the base.", "attack", None),
])
def test_an_infinitive_takes_the_subject_of_a_verb_with_no_object(text, trigger, actor):
    [event] = [e for e in annotate_text(text).events if e.text == trigger]
    actors = [a.text for a in event.role("actor")]
    assert actors == ([actor] if actor else []), actors


@pytest.mark.parametrize("text, trigger", [
    ("The spokeswoman said the candidate is going to defend himself in court.", "defend"),
    ("Ethnic militias have sworn to fight until they control the villages.", "fight"),
    ("The chairman needs to apologize to the troops.", "apologize"),
])
def test_going_sworn_or_needing_to_act_is_still_to_come(text, trigger):
    [event] = [e for e in annotate_text(text).events if e.text == trigger]
    assert event.mode == "future"


@pytest.mark.parametrize("text, killing", [
    ("My grandfather died two years ago of a heart attack.", False),
    ("The March 3 death of a retired judge left the court split.", False),
    ("His brother and sister were killed in a car crash.", False),
    ("Voters who have died must be removed from the rolls.", False),
    ("Three protesters died of gunshot wounds in Basra on Friday.", True),
    ("Israel reimposed the blockade after the shooting deaths of two settlers.", True),
    ("Hundreds marched downtown to protest the death of Marcus Hale.", True),
    ("He died at the hands of his captors.", True),
    # violence near a death decides it, and two death words vouch for no violence
    ("Three members of the family were killed in a fire set by settlers.", True),
    ("Five soldiers were killed in a crash after militants shot down their helicopter.", True),
    ("My grandfather died of cancer last year, and his death devastated the family.", False),
])
def test_a_death_is_a_killing_only_where_violence_is_told(text, killing):
    assert ("killing" in [t for t, _ in events(text)]) is killing


@pytest.mark.parametrize("text, kind", [
    ("In a speech on Monday, the senator attacked the ideology of the far right.", "accusation"),
    ("The governor slammed the policy on Monday.", "accusation"),
    ("Gunmen attacked the bridge near Mosul on Monday.", "armed_clash"),
    # a plural that is a word of its own is read as itself, not as its singular's adjective
    ("The campaign says the governor is attacking the fundamentals voters believe in.",
     "accusation"),
    ("Gunmen attacked the remains of the convoy near Mosul on Monday.", "armed_clash"),
])
def test_attacking_an_abstraction_is_words(text, kind):
    assert kind in [t for t, _ in events(text)]


@pytest.mark.parametrize("text", [
    "Gunmen attacked a funeral in Kabul on Tuesday, killing five people.",
    "Militants attacked the compound before dawn.",
    "Police attacked the demonstration with tear gas on Friday.",
])
def test_attacking_an_occasion_or_a_place_is_violence(text):
    assert "accusation" not in [t for t, _ in events(text)]


@pytest.mark.parametrize("text, kind", [
    ("The Trump campaign agreed to a second debate.", "agreement"),
    ("Israel and Hamas agreed that the truce would be extended by 48 hours.", "agreement"),
    ("Government troops battled through the tunnels under the city.", "armed_clash"),
])
def test_a_reported_saying_a_campaign_parties_and_troops_keep_their_events(text, kind):
    assert kind in [t for t, _ in events(text)]


def test_an_act_in_the_run_up_to_another_is_still_to_come():
    modes = {e.mode for e in annotate_text(
        "The leaders spoke in the run-up to the summit.").events if e.text == "summit"}
    assert modes == {"future"}


@pytest.mark.parametrize("text, trigger, expected", [
    ("The ministry imposed a curfew in the town on Monday.", "imposed", []),
    ("The government rejected the proposal on Friday.", "rejected", []),
    ("The governor criticized the Obama administration's announcement on Tuesday.",
     "criticized", ["Obama administration"]),
])
def test_a_thing_is_no_target_of_a_saying_or_an_act_but_its_owner_is(text, trigger, expected):
    assert targets(text, trigger) == expected


def test_violence_may_strike_a_thing():
    assert targets("Gunmen set fire to a vehicle in Basra on Monday.", "set") == ["vehicle"]


@pytest.mark.parametrize("text, kind", [
    ("The United States suspended part of a military aid programme for Bosnia on Friday.",
     "sanction"),
    ("The rebels suspended their attacks on Monday.", "suspension"),
])
def test_withholding_part_of_an_aid_programme_is_a_sanction(text, kind):
    assert kind in [t for t, _ in events(text)]



@pytest.mark.parametrize("text, kind", [
    # a vow threatens only when what is vowed harms someone (PLOVER THREATEN) …
    ("The militia vowed to retaliate for the strike on Monday.", "threat"),
    ("Ethnic Albanians have sworn to fight until they gain control of the villages.", "threat"),
    ("The militia vowed to continue the strikes on the base.", "threat"),
    ("Republicans vowed to deprive Democrats of the votes they need.", "threat"),
    ("The group vowed revenge on Monday.", "threat"),
    # … a vow to do something else is a promise (AGREE), a vow not to a refusal (REJECT)
    ("The two countries vowed to stave off the worst effects of climate change.", "agreement"),
    ("Kostunica vowed to democratize Serbia on Saturday.", "agreement"),
    ("Sharon has vowed not to return the Golan Heights to Syria.", "rejection"),
])
def test_a_vow_is_a_threat_a_promise_or_a_refusal_by_what_is_vowed(text, kind):
    vows = [e.event_type for e in annotate_text(text).events if e.text in ("vowed", "sworn")]
    assert vows == [kind]


def test_a_stage_attacked_stays_an_attack():
    assert [t for t, _ in events("Gunmen attacked the stage where the minister was speaking.")
            if t != "accusation"]


@pytest.mark.parametrize("text, word", [
    ("The senator's office did not respond to a request for comment.", "request"),
    ("The ministry ignored repeated requests to comment on the report.", "requests"),
    ("The mayor is warning voters that a tax rise would bring the old deficits back.",
     "warning"),
])
def test_a_reporters_request_and_a_caution_are_no_event(text, word):
    assert word not in [e.text for e in annotate_text(text).events]


@pytest.mark.parametrize("text, word, kind", [
    ("Iraq rejected a US request for information on the weapons.", "request", "demand"),
    ("The army warned residents that the area will be shelled.", "warned", "threat"),
])
def test_a_request_between_parties_and_a_threat_stay(text, word, kind):
    assert kind in [e.event_type for e in annotate_text(text).events if e.text == word]


def test_what_an_aspect_verb_governs_is_in_its_mood():
    found = {e.text: e.mode for e in annotate_text(
        "The campaign expects the governor to continue calling out his rivals. The mayor "
        "continued criticizing the council on Tuesday. The governor continues to demand a "
        "recount of the ballots.").events}
    assert found["calling"] == "future" and found["criticizing"] == "asserted"
    assert found["demand"] == "asserted"


@pytest.mark.parametrize("text, word", [
    ("Two men were arrested in Beirut for collaborating with the enemy.", "collaborating"),
    ("The blogger was jailed for protesting against the governor.", "protesting"),
    ("She was convicted of murdering her business partner.", "murdering"),
    ("The court sentenced the smuggler to death.", "death"),
])
def test_a_charge_or_a_penalty_is_no_event(text, word):
    assert word not in [e.text for e in annotate_text(text).events]


@pytest.mark.parametrize("text, word", [
    ("The army arrested ten men for the attack on the base.", "attack"),
    ("Police detained five activists for blocking the highway on Monday.", "blocking"),
])
def test_a_charge_named_by_a_noun_or_dated_stays(text, word):
    assert word in [e.text for e in annotate_text(text).events]


def test_what_a_speaker_cites_and_blames_in_the_same_words_stays():
    found = [e.text for e in annotate_text(
        "The senator cited problems in the region that he blamed on the governor's policies. "
        "The advertisement mentions policies she supported as governor.").events]
    assert "blamed" in found and "supported" not in found


@pytest.mark.parametrize("text, word", [
    ("In Yemen, a coalition led by Saudi Arabia and backed by the West bombed a school.",
     "backed"),
    ("The minister spoke for an hour, warning of the risks of a nuclear-armed neighbour.",
     "warning"),
    ("She called the epidemic of police officers killing unarmed black men intolerable.",
     "killing"),
    ("The governor said on NBC's “Meet the Press” that the plan would pass.", "Meet"),
    ("He was a central broker of the Paris climate agreement.", "agreement"),
])
def test_a_standing_a_caution_a_kind_or_a_title_is_no_event(text, word):
    assert word not in [e.text for e in annotate_text(text).events]


@pytest.mark.parametrize("text, word", [
    ("The bill was backed by the governor on Monday.", "backed"),
    ("Iran warned of a crushing response to any attack.", "warned"),
    ("Witnesses saw soldiers shooting demonstrators in the square on Monday.", "shooting"),
    ("The two leaders will meet in Geneva on Monday.", "meet"),
])
def test_the_act_beside_them_stays(text, word):
    assert word in [e.text for e in annotate_text(text).events]


@pytest.mark.parametrize("text, word, present", [
    ("The candidate has recently stepped up his attacks on the governor.", "attacks", False),
    ("The rebels escalated their raids on the border villages.", "raids", False),
    ("Government forces intensified airstrikes on the city on Monday, killing 12 people.",
     "airstrikes", True),
    ("Supporters have also questioned the health of the senator.", "questioned", False),
    ("Investigators questioned two of the guards on Friday.", "questioned", True),
])
def test_a_run_of_acts_stepped_up_and_a_doubt_are_no_event(text, word, present):
    assert (word in [e.text for e in annotate_text(text).events]) is present


def test_what_a_protest_begun_demands_is_its_aim():
    found = {e.text: e.event_type for e in annotate_text(
        "The landowners began a hunger strike outside parliament to demand the return of "
        "their farms.").events}
    assert found.get("strike") == "protest" and "demand" not in found


@pytest.mark.parametrize("text, word, present", [
    ("We have defeated every threat we have faced, the general said.", "threat", False),
    ("The country's borders were being defended by volunteers.", "defended", False),
    ("The two parties battled with the board over the issue of language.", "battled", False),
    ("Government troops battled rebels over the town on Monday.", "battled", True),
    ("Hamas issued a threat to resume attacks on Monday.", "threat", True),
])
def test_a_danger_met_a_border_held_and_a_dispute_are_no_event(text, word, present):
    assert (word in [e.text for e in annotate_text(text).events]) is present


def test_a_clause_years_before_its_sentence_is_history():
    found = [e.text for e in annotate_text(
        "The army took control of the region, years after the two states agreed to share "
        "its water. Hours after rebels attacked the base, the army sealed the town.").events]
    assert "agreed" not in found and "attacked" in found


def test_people_counted_over_a_running_period_are_a_tally():
    [killed] = [e for e in annotate_text(
        "He was one of at least 700 people shot and killed by police so far this year.").events
        if e.text == "killed"]
    assert killed.aggregate


@pytest.mark.parametrize("text, conceded", [
    ("The party endangered the town by allowing political correctness to overcome common "
     "sense.", False),
    ("The new rules permit the deficit to grow for two more years.", False),
    ("Israel allowed aid convoys to enter Gaza on Monday.", True),
    ("The army allowed the protesters to march on Friday.", True),
])
def test_letting_only_things_happen_is_no_concession(text, conceded):
    assert ("concession" in [t for t, _ in events(text)]) is conceded


@pytest.mark.parametrize("text, word, kind", [
    ("The scandal was the talk of the town on Monday.", "talk", None),
    ("He had a long talk with the envoy on Monday.", "talk", "consultation"),
    ("The senator deserves the right of first refusal.", "refusal", None),
    ("The minister shared a photo of the flooded road on Wednesday.", "shared", None),
    ("The two agencies shared intelligence on the plot.", "shared", "cooperation"),
    ("The failure to fully comprehend the threat before the attacks is excusable.", "threat",
     None),
    ("Iran's threat to close the strait alarmed traders on Monday.", "threat", "threat"),
])
def test_idioms_of_talks_refusal_sharing_and_danger(text, word, kind):
    assert dict((w, t) for t, w in events(text)).get(word) == kind


@pytest.mark.parametrize("text, word", [
    ("The prime minister has agreed to US mediation in the talks, an official said.",
     "mediation"),
    ("The rebels agreed to talks on Monday.", "talks"),
])
def test_what_one_agrees_to_is_still_to_come(text, word):
    assert {m.text: m.mode for m in annotate_text(text).events}[word] == "future"


def test_a_demand_acceded_to_was_made():
    modes = {m.text: m.mode for m in annotate_text(
        "The senator suggested that his party should accede to the president's demand to raise "
        "the top tax rates.").events}
    assert "demand" in modes and modes["demand"] != "future", modes


def test_the_actors_own_forces_are_no_target():
    [moved] = [m for m in annotate_text(
        "Israel has strengthened its forces in Lebanon, military sources said on Monday.").events
        if m.text == "strengthened"]
    assert [a.text for a in moved.role("target")] == []
    [arrest] = [m for m in annotate_text(
        "Police arrested two soldiers in Basra on Monday.").events if m.text == "arrested"]
    assert [a.text for a in arrest.role("target")] == ["two soldiers"]


@pytest.mark.parametrize("text, word, actor", [
    ("Tens of thousands of university students staged mass demonstrations on Saturday.",
     "demonstrations", "university students"),
    ("Algerian landowners began a hunger strike outside parliament on Monday.", "strike",
     "Algerian landowners"),
    ("Israel and the Palestinians reached a consensus on water resources on Monday.",
     "consensus", "Israel"),
    ("The rebel leader Ahmad Karim arrived in Amman on a surprise visit on Wednesday.", "visit",
     "Ahmad Karim"),
    ("Radical French farmers said on Friday they would blockade Paris from Monday night.",
     "blockade", "Radical French farmers"),
    ("Palestinian leaders said they would boycott all official contact with the United States.",
     "boycott", "Palestinian leaders"),
])
def test_who_acts_through_a_count_a_phase_verb_or_a_pronoun_of_saying(text, word, actor):
    [mention] = [m for m in annotate_text(text).events if m.text == word]
    assert actor in [a.text for a in mention.role("actor")] + [
        a.canonical for a in mention.role("actor")], mention.arguments


def test_a_pronoun_in_the_speakers_own_words_is_not_the_speaker():
    mentions = annotate_text('Trump told reporters on Monday that "they hit Matt because he '
                             'should have been tougher."').events
    [hit] = [m for m in mentions if m.text == "hit"]
    assert all("Trump" not in a.canonical for a in hit.role("actor"))
    mentions = annotate_text("She was just beginning to realize, at a rally in June, how many "
                             "people had come.").events
    [rally] = [m for m in mentions if m.text == "rally"]
    assert not rally.role("actor")


@pytest.mark.parametrize("text, actor", [
    ("Former DNC chairman calls for Clinton contingency plan.", "Former DNC chairman"),
    ("The former CIA director criticized the decision on Monday.", "former CIA director"),
    ("The Fox News host urged viewers to call their senators.", "Fox News host"),
])
def test_one_who_left_a_post_or_gives_his_own_views_speaks_for_no_body(text, actor):
    [mention] = annotate_text(text).events
    [doer] = mention.role("actor")
    assert (doer.canonical, doer.actor_id) == (actor, None)


def test_a_spokesman_speaks_for_his_body():
    [mention] = annotate_text("A Pentagon spokesman denied the report on Tuesday.").events
    assert [a.actor_id for a in mention.role("actor")] != [None]


@pytest.mark.parametrize("text", [
    "Trump drew considerable criticism from the Republican establishment.",
    "The decision drew widespread condemnation.",
])
def test_a_wave_of_sayings_is_a_series(text):
    [saying] = [e for e in annotate_text(text).events if e.event_type == "accusation"]
    assert saying.aggregate


def test_one_condemnation_drawn_is_one():
    [saying] = [e for e in annotate_text("The killing drew condemnation from the United Nations "
                                         "on Friday.").events if e.event_type == "accusation"]
    assert not saying.aggregate


@pytest.mark.parametrize("text", [
    'Cathy said the company was "guilty as charged" for backing the definition.',
    'The surge came after Chick-fil-A president Dan Cathy said the Atlanta-based company was '
    '"guilty as charged" for backing "the biblical definition of a family."',
])
def test_guilty_as_charged_charges_no_one(text):
    assert "accusation" not in [t for t, _ in events(text)]


def test_a_charge_brought_is_an_accusation():
    assert ("accusation", "charged") in events("Prosecutors charged him with fraud on Monday.")


def test_who_names_what_is_denounced_is_no_target():
    text = ("Other leaders used strong language to denounce what Australian Prime Minister "
            "Malcolm Turnbull called North Korea's reckless actions.")
    assert targets(text, "denounce") == ["North Korea"]
    assert targets("Iraq condemned what the United States did in Baghdad.", "condemned") == [
        "United States"]


def test_a_toll_over_a_running_period_is_a_tally_not_a_campaign():
    text = ("Serbia lifted a night curfew in Montenegro where 28 people have been killed in "
            "ethnic riots this year.")
    assert "killing" not in [t for t, _ in events(text)]
    [strikes] = annotate_text("At least 16 Iraqis were killed in US airstrikes earlier this "
                              "month.").events
    assert strikes.aggregate and strikes.fatalities.low == 16  # a campaign, kept


def test_asylum_granted_is_aid_and_an_amnesty_a_concession():
    # CAMEO 075 "grant asylum" is under PROVIDE AID (PLOVER AID).
    assert ("aid", "granted") in events("Uganda has granted political asylum to 18 Rwandan "
                                        "rebels, a United Nations official said on Friday.")
    assert ("concession", "granted") in events("The government granted the rebels an amnesty.")


def test_what_spans_units_of_time_is_a_series_and_a_day_of_it_one():
    [shelling] = annotate_text("After weeks of shelling, the town fell.").events
    assert shelling.aggregate
    [fighting] = annotate_text("A day of fighting left ten dead.").events
    assert not fighting.aggregate


@pytest.mark.parametrize("text", [
    "Demand for steel has roared back in recent months.",
    "There is strong demand for natural gas in Asia this winter.",
])
def test_a_markets_demand_is_no_demand_made(text):
    assert not [m for m in annotate_text(text).events if m.event_type == "demand"]


@pytest.mark.parametrize("text", [
    "The strikers repeated a demand for higher wages.",
    "The union renewed its demands for higher wages on Monday.",
])
def test_a_demand_made_is_counted_or_someones(text):
    assert [m for m in annotate_text(text).events if m.event_type == "demand"]


@pytest.mark.parametrize("text", [
    "Several senators warned that the party risked a backlash among young voters.",
    "Aides warned that the governor would face a difficult primary.",
])
def test_a_warning_of_what_befalls_someone_is_no_threat(text):
    assert not [m for m in annotate_text(text).events if m.event_type == "threat"]


_LEAD = "Senate votes on the bill\n\nThe Senate voted on Tuesday.\n\n"


@pytest.mark.parametrize("text", [
    "Birthers have demanded more proof of his birth.",
    "His remarks were milder than some other Republicans, who have openly accused the "
    "president of disrespecting religion.",
    "Many critics have called for his resignation.",
    "A segment of the public has demanded more proof of his birth.",
])
def test_an_indefinite_many_acting_up_to_now_is_no_occasion(text):
    assert not [m for m in annotate_text(_LEAD + text).events if m.mode == "asserted"]


@pytest.mark.parametrize("text", [
    "The Republicans have accused the president of lying.",  # a body pointed at
    "Senate Democrats have accused the president of lying.",  # a body named
    "Protesters have blocked the main road since Monday.",  # dated
    "American officials have linked the attack to the militia.",  # people by office
    "Other unions, including the AFL-CIO, have endorsed the senator.",  # members named
])
def test_a_body_or_a_dated_perfect_stays_an_event(text):
    assert annotate_text(_LEAD + text).events


def test_hitting_someone_on_his_words_is_an_accusation():
    events = annotate_text("Hillary Clinton hit Donald Trump hard on his comments.").events
    assert [m.event_type for m in events] == ["accusation"]


def test_a_call_something_should_be_is_a_figure():
    text = "The report should be a wake-up call to voters to fix the tax system."
    assert not [m for m in annotate_text(text).events if m.event_type == "demand"]
    issued = annotate_text("The mayor issued a call to residents to stay home.").events
    assert [m.event_type for m in issued] == ["demand"]


@pytest.mark.parametrize("text", [
    "The senator said his colleagues made a bigger deal of it than they should have.",
    "The whip said Republicans keep trying to negotiate with themselves.",
])
def test_idioms_of_fuss_and_of_a_sides_own_talks_are_no_events(text):
    assert not annotate_text(text).events


def test_talks_with_another_side_stay():
    events = annotate_text("Republicans will negotiate with Democrats on Monday.").events
    assert [m.event_type for m in events] == ["consultation"]


def test_a_saying_told_of_several_statements_is_a_series():
    from crossbearing.annotate.event_filters import is_aggregate
    from crossbearing.annotate.nlp import pipeline

    doc = pipeline()("Despite Republican leaders' public statements deploring the lack of "
                     "progress, talks went on. A statement deploring the lack of progress "
                     "came on Friday.")
    deploring = [t for t in doc if t.lower_ == "deploring"]
    assert [is_aggregate(t) for t in deploring] == [True, False]
