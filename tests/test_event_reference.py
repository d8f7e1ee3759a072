"""What refers to what among event mentions, and which mentions make no event of their own
(annotate/events.py, annotate/event_args.py, corpus/events.py): back-references picked out by
their own actor, date or place, kinds of act named in general, aims, the content of a saying,
nationality adjectives on acts, counted victims, and undated reports of a dated event. Every
text here is written for these tests."""

from dataclasses import replace
from types import SimpleNamespace

import pytest
from conftest import annotate_text

from crossbearing.corpus.events import merge_events


def mentions(text, published="2024-02-09"):
    return annotate_text(text, published).events


def merged(*texts, published="2024-02-09"):
    """Events merged across invented reports of one story, one article per text."""
    found = []
    for index, text in enumerate(texts):
        found += [replace(m, article_id=f"a{index}") for m in mentions(text, published)]
    ids = {f"a{i}" for i in range(len(texts))}
    return merge_events(found, {a: "s" for a in ids}, {a: a.upper() for a in ids})


def by_text(found, word):
    [mention] = [m for m in found if m.text == word]
    return mention


# --- back-references --------------------------------------------------------------------------

def test_a_dated_reference_does_not_take_an_undated_attack_before_it():
    found = mentions("Militants shelled an army post near Hama last month. After the Hama attack "
                     "the army vowed to respond. Asked whether the Tuesday strike was the last "
                     "one, the spokesman declined to comment.")
    strike = by_text(found, "strike")
    assert strike.time is not None and strike.time.resolved
    assert strike.antecedent is None  # "the Tuesday strike" is picked out by its day


def test_a_reference_with_a_place_takes_an_event_in_that_country():
    found = mentions("A drone hit a checkpoint near Deir ez-Zor in Syria on Sunday. Officials "
                     "said the Syria attack was the third this month.")
    attack = by_text(found, "attack")
    assert attack.antecedent == by_text(found, "hit").start


def test_a_reference_with_a_place_skips_an_event_elsewhere():
    found = mentions("Rebels ambushed a patrol in Mosul. Days later, after the attack in "
                     "Aleppo, the ministry closed the road.")
    assert by_text(found, "attack").antecedent is None


def test_a_reference_with_its_actor_skips_an_act_of_another():
    found = mentions("The Israeli army carried out an airstrike on Tyre on Monday. Hezbollah "
                     "fighters then fired rockets at a border post in a raid. Beirut condemned "
                     "the Israeli strike.")
    strike = by_text(found, "strike")
    assert strike.antecedent == by_text(found, "airstrike").start


def test_a_plain_reference_still_takes_the_event_before_it():
    found = mentions("A roadside bomb killed two soldiers near Kirkuk on Monday. Nobody claimed "
                     "the attack.")
    assert by_text(found, "attack").antecedent is not None


def test_a_statement_referred_to_by_its_day_is_the_statement_before_it():
    found = mentions('The Tigris Front called on "all its brothers to join the fight". '
                     "The call, made in a statement issued Friday, came after the raids.")
    call = by_text(found, "call")
    assert call.antecedent == by_text(found, "called").start


# --- no event of its own ----------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("The army's repeated raids are undermining agreements and risking lives.", "agreements"),
    ("Calm on one front and a surge in fighting on another is a deliberate choice.", "fighting"),
    ("Analysts expect a lull in violence before the vote.", "violence"),
])
def test_a_kind_of_act_named_in_general_is_no_event(text, word):
    assert word not in [m.text for m in mentions(text)]


@pytest.mark.parametrize("text, word", [
    ("Farmers staged rallies outside parliament.", "rallies"),
    ("Fighting between the two clans broke out near Kut.", "Fighting"),
    ("Government troops took the village after five days of fighting.", "fighting"),
])
def test_an_act_that_names_an_occasion_stays(text, word):
    assert word in [m.text for m in mentions(text)]


def test_what_a_talk_is_about_is_part_of_the_talk():
    found = mentions("The council is pressing the embassy to discuss a timeline for the "
                     "withdrawal of its troops.")
    withdrawal = by_text(found, "withdrawal")
    assert withdrawal.mode == "future"
    assert withdrawal.antecedent == by_text(found, "discuss").start
    events = merged("Iraq and the United States will discuss a timeline for the withdrawal "
                    "of US troops.")
    found = mentions("Iraq and the United States will discuss a timeline for the withdrawal of "
                     "US troops.")
    withdrawal = by_text(found, "withdrawal")
    [talk] = [e for e in events if ("a0", withdrawal.start) in e.sources]
    assert talk.event_type == "consultation" and ("a0", withdrawal.antecedent) in talk.sources


# --- arguments --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, state", [
    ("Israeli strikes hit two villages in south Lebanon on Monday.", "strikes", "israel"),
    ("Turkish shelling killed a shepherd near Zakho on Friday.", "shelling", "turkey"),
    ("Several groups condemned the American assassination of the commander.",
     "assassination", "united-states"),
])
def test_a_nationality_adjective_on_an_act_names_the_state(text, word, state):
    [actor] = by_text(mentions(text), word).role("actor")
    assert actor.actor_id == state


def test_a_nationality_adjective_on_people_stays_a_description():
    found = mentions("Iraqi lawmakers protested outside the parliament on Sunday.")
    actors = [a for m in found for a in m.role("actor")]
    assert actors and all(a.actor_id != "iraq" for a in actors)


def test_the_victims_of_a_number_are_what_it_counts():
    [raid] = mentions("The raid killed a number of resistance fighters in Anbar on Monday.")
    victims = [a.text for a in raid.role("victim")]
    assert victims and all("fighters" in v for v in victims)


def test_a_name_after_a_group_is_the_leader_the_act_named():
    found = mentions("Factions condemned the assassination of a leader of the Tigris Front, "
                     "Karim Haddad, on Wednesday.")
    victims = [a.canonical for a in by_text(found, "assassination").role("victim")]
    assert any("Karim Haddad" in v for v in victims)


# --- across reports ---------------------------------------------------------------------------

def test_undated_reports_of_a_strike_join_the_dated_one_they_fit():
    events = merged(
        "A US drone strike hit a car in Baghdad on Wednesday night, killing a senior commander "
        "of the Tigris Front.",
        "The US military carried out a drone strike that killed a senior commander of the "
        "Tigris Front. Its forces conducted a unilateral strike in Iraq, officials said.")
    strikes = [e for e in events if e.family == "violent"]
    assert len(strikes) == 1 and {a for a, _ in strikes[0].sources} == {"a0", "a1"}


def test_a_state_and_its_forces_are_one_actor_when_reports_are_compared():
    events = merged(
        "US forces struck a depot in Qaim on Tuesday.",
        "A US strike on Tuesday destroyed a depot in Qaim.")
    assert len([e for e in events if e.family == "violent"]) == 1


def test_strikes_on_two_days_stay_two_events():
    events = merged(
        "A US drone strike hit a car in Baghdad on Wednesday, killing a commander.",
        "A US drone strike hit a truck in Baghdad on Monday, killing a commander.")
    assert len([e for e in events if e.family == "violent"]) == 2


def test_in_an_undated_report_a_reference_by_its_day_keeps_to_that_day():
    found = annotate_text("Militants shelled an army post near Hama. After the Hama attack the "
                          "army vowed to respond. Asked whether the Tuesday strike was the last "
                          "one, the spokesman declined to comment.", None).events
    assert by_text(found, "strike").antecedent is None


@pytest.mark.parametrize("text, word", [
    ("Designated as a terrorist organization by Washington, the Tigris Front has fought since "
     "2014.", "Designated"),
    ("Sanctioned by the European Union, the company kept trading.", "Sanctioned"),
])
def test_a_standing_told_in_an_opening_participle_is_no_event(text, word):
    assert word not in [m.text for m in mentions(text)]


def test_an_opening_participle_with_a_date_of_its_own_stays():
    assert "Arrested" in [m.text for m in mentions(
        "Arrested in March, the activist was released on bail on Sunday.")]


def test_a_saying_whose_subject_is_a_quotation_speaker_is_that_speakers_act():
    found = mentions("The secretary general of Harakat Hezbollah al-Nujaba has roundly denounced "
                     "the United States over its strikes, emphasizing that the group will "
                     "respond at a time of its choosing. Akram al-Kaabi stated on Sunday that "
                     "a pause in attacks was only tactical.")
    [actor] = by_text(found, "denounced").role("actor")
    assert actor.actor_id == "akram-al-kaabi"


@pytest.mark.parametrize("text", [
    "Critics say the mayor has shown an inability to forge consensus on the budget.",
    "Demand for steel has roared back.",
    "The speech was designed to offer an affirmative message to voters.",
])
def test_a_mention_that_anchors_nothing_makes_no_event(text):
    assert merged(text) == []


def test_a_mention_with_an_actor_makes_an_event():
    [event] = merged("The governor denounced the ruling.")
    assert event.event_type == "accusation"


def test_a_participle_clause_shares_its_verbs_subject():
    found = mentions("The Tigris Front issued a scathing rebuke on Friday, denouncing the "
                     "recent raids.")
    [actor] = by_text(found, "denouncing").role("actor")
    assert actor.text == "Tigris Front" or "Tigris Front" in actor.text
    assert by_text(found, "rebuke").time is not None  # "issued a rebuke on Friday"


def test_an_announcement_dates_what_it_announces():
    found = mentions("The army vowed reprisals, prompting the militia to announce the suspension "
                     "of its operations at the end of January.", "2024-02-10")
    suspension = by_text(found, "suspension")
    assert suspension.time is not None and suspension.time.start.startswith("2024-01")


def test_an_unresolved_time_of_its_own_keeps_a_report_apart():
    events = merged("A drone strike killed a commander of the Tigris Front in Mosul on 7 "
                    "February 2024.",
                    "Last month's raid that killed a commander of the Tigris Front angered "
                    "the group.", published=None)
    assert len([e for e in events if e.family == "violent"]) == 2


def test_a_headline_actor_is_the_speaker_the_article_resolves_in_the_same_words():
    from crossbearing.annotate.event_speakers import named_as_speakers
    from crossbearing.model import Quote

    [calls] = mentions("The Tigris Resistance calls on foreign forces to leave.")
    assert [a.actor_id for a in calls.role("actor")] == [None]
    resolved = Quote("a1", ((200, 240),), (180, 190), (150, 175), "the Tigris Resistance",
                     "tigris-front", "Tigris Front", None, "indirect")
    [named] = named_as_speakers([calls], [resolved])
    [actor] = named.role("actor")
    assert (actor.actor_id, actor.canonical) == ("tigris-front", "Tigris Front")
    other = replace(resolved, speaker_text="the Euphrates Brigade")
    assert named_as_speakers([calls], [other]) == [calls]


@pytest.mark.parametrize("text, word", [
    ("Support for NATO has been a bipartisan cause since 1949.", "Support"),
    ("The candidate enjoyed tremendous support from African-American voters.", "support"),
])
def test_a_kind_of_act_defined_or_held_is_no_event(text, word):
    assert word not in [m.text for m in mentions(text)]


def test_an_occasion_described_by_be_stays():
    assert "protest" in [m.text for m in mentions("The protest in Basra was peaceful, police "
                                                  "said on Sunday.")]


def test_he_as_a_subject_is_the_person_named_as_the_subject_before():
    found = mentions("Karim Haddad opened the meeting with a long speech. Then he accused the "
                     "governor of lying.")
    [actor] = by_text(found, "accused").role("actor")
    assert actor.canonical == "Karim Haddad"


def test_he_at_a_paragraphs_start_is_the_subject_that_ended_the_paragraph_before():
    found = mentions("Karim Haddad opened the meeting with a long speech.\n\nHe accused the "
                     "governor of lying.")
    [actor] = by_text(found, "accused").role("actor")
    assert actor.canonical == "Karim Haddad"


@pytest.mark.parametrize("text", [
    "The senator spoke on Monday.\n\nHe accused the mayor of lying.",  # no person named
    "The report was published on Monday. He accused the mayor of lying.",  # no person before
    "Mrs. Leila Haddad spoke on Monday.\n\nHe accused the mayor of lying.",  # "Mrs." is no he
    "Mrs. Leila Haddad opened the meeting, and then he accused the mayor of lying.",
    "Karim Haddad spoke on Monday.\n\nAides to Omar Said would not say whether he accused the "
    "mayor of lying.",  # another person named before it in its sentence
    "Karim Haddad spoke on Monday.\n\n\"I think he accused the mayor of lying,\" an aide "
    "said.",  # inside a quotation
])
def test_he_without_a_safe_named_subject_before_stays_unresolved(text):
    assert not by_text(mentions(text), "accused").role("actor")


def test_an_act_told_as_how_something_began_is_history():
    found = mentions("The United States has kept 2,500 troops in Iraq, initially deployed to "
                     "combat the Islamic State group at the request of the Iraqi government.")
    assert not [m for m in found if m.text in ("deployed", "request")]


def test_a_dated_first_act_stays():
    assert "deployed" in [m.text for m in mentions(
        "The army initially deployed 300 troops to Mosul on Monday.")]


def test_initially_in_the_storys_own_sequence_stays():
    assert "fired" in [m.text for m in mentions(
        "Police initially fired tear gas at the protesters in Basra, then live rounds.")]


def test_the_quote_layers_reading_of_a_pronoun_comes_first():
    from crossbearing.annotate.event_speakers import with_cue_speaker
    from crossbearing.model import EventArgument, Quote

    [accused] = mentions("Karim Haddad spoke first. Then he accused the governor of lying.")
    token = SimpleNamespace(idx=accused.start)
    guessed = [EventArgument("actor", accused.start - 3, accused.start - 1, "he",
                             "karim-haddad", "Karim Haddad")]
    quote = Quote("a1", ((accused.end + 1, accused.end + 30),), (accused.start, accused.end),
                  (accused.start - 3, accused.start - 1), "he", "yahya-rasool", "Yahya Rasool",
                  None, "indirect")
    [actor] = with_cue_speaker(guessed, token, [quote])
    assert actor.actor_id == "yahya-rasool"
    named = [replace(guessed[0], text="Karim Haddad")]  # a name of its own is kept
    assert with_cue_speaker(named, token, [quote]) == named
