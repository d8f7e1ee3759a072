"""Event mentions in one article (annotate/events.py) and events merged across a story's
articles (corpus/events.py)."""

from dataclasses import replace

import pytest

from conftest import annotate_text

from crossbearing.annotate.event_types import ontology
from crossbearing.corpus.events import merge_events
from crossbearing.store import open_store


def only(result, event_type=None):
    found = [e for e in result.events if event_type is None or e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.text) for e in result.events]
    return found[0]


def test_drone_strike_with_actor_place_date_toll_and_victim():
    result = annotate_text("A US drone strike in Baghdad on Wednesday killed three people, "
                           "including the commander Abu Baqir al-Saadi.")
    strike = only(result, "air_drone_strike")
    assert strike.mode == "asserted" and not strike.aggregate
    assert [a.actor_id for a in strike.role("actor")] == ["united-states"]
    assert strike.place_id == "geonames:98182"
    assert strike.time.start == "2024-02-07" and strike.time.precision == "day"
    assert (strike.fatalities.low, strike.fatalities.high) == (3, 3)
    assert "air/drone" in strike.means


def test_means_refine_a_generic_attack_into_acled_sub_event_types():
    rocket = only(annotate_text("Militants launched a rocket attack on the base on Monday."))
    assert rocket.event_type == "shelling"
    ied = only(annotate_text("A roadside bomb attack hit a convoy near Mosul."), None)
    assert ied.event_type == "remote_explosive"
    types = ontology().types
    assert types["shelling"].acled_sub_event_type == "Shelling/artillery/missile attack"
    assert types["air_drone_strike"].acled_event_type == "Explosions/Remote violence"


def test_threats_and_suspensions_are_not_events_that_happened():
    result = annotate_text("The group said it was suspending attacks on American troops. "
                           "The militia vowed that it would strike US bases again.")
    modes = {e.text: e.mode for e in result.events if e.event_type in ("attack", "armed_clash", "air_drone_strike")}
    assert modes["attacks"] == "suspended"
    assert modes["strike"] == "future"
    assert {e.event_type for e in result.events} >= {"suspension", "threat"}
    negated = annotate_text("No civilians were killed, officials said.")
    assert [e.mode for e in negated.events] == ["negated"]


def test_counts_of_many_events_are_not_events():
    result = annotate_text("There have been more than 160 attacks on US forces since October 17.")
    assert [e.text for e in result.events] == []  # a count over a span: background


def test_a_series_with_a_toll_is_an_aggregate_event():
    result = annotate_text("At least 16 Iraqis were killed in US airstrikes on Friday.")
    strikes = only(result, "air_drone_strike")
    assert strikes.aggregate
    assert strikes.fatalities.low == 16


def test_verbal_events_carry_plover_types_and_their_actors():
    result = annotate_text("Iraq condemned the United States on Thursday and demanded the "
                           "withdrawal of its troops. Washington rejected the request.")
    by_type = {e.event_type: e for e in result.events}
    assert ontology().types["accusation"].plover == "ACCUSE"
    assert [a.actor_id for a in by_type["accusation"].role("actor")] == ["iraq"]
    assert [a.actor_id for a in by_type["accusation"].role("target")] == ["united-states"]
    assert "rejection" in by_type and "demand" in by_type


def test_an_event_in_a_quote_is_reported_by_the_speaker():
    result = annotate_text('"We struck the headquarters of the group," the army spokesman said.')
    strike = only(result, "attack")
    assert strike.reported_by is not None and "spokesman" in strike.reported_by


def test_an_other_toll_adds_the_named_victim_of_the_event_it_refers_back_to():
    result = annotate_text("Saadi was assassinated on Wednesday after a drone strike hit his car. "
                           "Two other officials also lost their lives in the attack.")
    strike, attack = result.events
    assert attack.antecedent == strike.start
    assert (attack.fatalities.low, attack.fatalities.added) == (3, 1)


def test_acled_style_notes_are_read_too():
    note = ("On 7 February 2024, a US drone strike targeted a vehicle in Baghdad, killing 3 "
            "Kata'ib Hezbollah members, including a senior commander.")
    strike = only(annotate_text(note, published=None), "air_drone_strike")
    assert strike.time.start == "2024-02-07"
    assert strike.fatalities.low == 3
    assert strike.place_id == "geonames:98182"


def test_merging_keeps_events_with_conflicting_places_or_dates_apart():
    a = annotate_text("A drone strike killed the commander Abu Baqir al-Saadi in Baghdad on "
                      "Wednesday.")
    b = annotate_text("A drone strike killed the commander Abu Baqir al-Saadi in Baghdad on "
                      "Wednesday, killing two people.", published="2024-02-09")
    c = annotate_text("A drone strike in Amman on Sunday killed the commander Abu Baqir al-Saadi.")
    mentions = [e for r in (a, b, c) for e in r.events if e.event_type == "air_drone_strike"]
    mentions = [replace(m, article_id=aid) for m, aid in zip(mentions, ("a", "b", "c"))]
    events = merge_events(mentions, {"a": "s", "b": "s", "c": "s"},
                          {"a": "One", "b": "Two", "c": "Three"})
    sizes = sorted(e.articles for e in events)
    assert sizes == [1, 2]
    merged = next(e for e in events if e.articles == 2)
    assert merged.date_start == "2024-02-07"
    assert merged.detail["outlets"] == ["One", "Two"]


def test_seed_baghdad_strike_is_one_event_backed_by_four_articles(analysed_seeds):
    with open_store(analysed_seeds) as store:
        events = store.events.all()
    strikes = [e for e in events if e.event_type == "air_drone_strike"
               and e.date_start == "2024-02-07" and e.mode == "asserted"]
    assert len(strikes) == 1
    [strike] = strikes
    assert strike.place_id == "geonames:98182"  # Baghdad
    assert strike.fatalities == 3
    assert strike.articles >= 4
    assert "fatalities" not in strike.detail["disagreements"]
    actors = {p["actor_id"] for p in strike.detail["participants"] if p["role"] == "actor"}
    assert actors & {"united-states", "us-armed-forces"}


def test_seed_tower_22_attack_is_dated_28_january_2024(analysed_seeds):
    with open_store(analysed_seeds) as store:
        events = store.events.all()
    tower = [e for e in events if e.date_start == "2024-01-28" and e.family == "violent"]
    assert len(tower) == 1
    [event] = tower
    assert event.fatalities == 3
    [date] = [v for v in event.values.date if v.start == "2024-01-28"]
    # The report giving the date (004, "January 28") is dated by the corpus's manifest, so the
    # year comes from its own publication date, not from its story's.
    assert date.note is None and date.source.outlet.startswith("004_")
    place = event.place_id
    assert place in ("country:JO", "site:tower-22")


def _merged(*texts, published=None):
    results = [annotate_text(t, published) for t in texts]
    mentions = [replace(m, article_id=f"a{i}") for i, r in enumerate(results) for m in r.events]
    ids = {f"a{i}" for i in range(len(texts))}
    return merge_events(mentions, {a: "s" for a in ids}, {a: a.upper() for a in ids})


@pytest.mark.parametrize("second, events", [
    # One person dies once: two undated reports of Terence Crutcher's killing are one event.
    ("Hundreds of people marched downtown to protest the death of Terence Crutcher, chanting "
     "his name.", 1),
    # Another person named as killed is another killing.
    ("Officers shot and killed Keith Lamont Scott in a parking lot in Charlotte, the police "
     "chief said.", 2),
])
def test_killings_are_one_event_per_named_person(second, events):
    killings = [e for e in _merged(
        "A police officer shot and killed Terence Crutcher, an unarmed man, after his car stalled "
        "on a road in Tulsa, his family said.", second) if e.event_type == "killing"]
    assert len(killings) == events and sum(k.articles for k in killings) == 2


def test_a_killing_of_one_person_no_source_counts_has_a_toll_of_one():
    [killing] = [e for e in _merged(
        "These calls escalated following last month's US operation that wiped out another "
        "Iran-backed Iraqi militia official.", published="2024-02-09")
        if e.event_type in ("killing", "armed_clash")]
    assert killing.fatalities == 1 and not killing.values.fatalities


@pytest.mark.parametrize("text", [
    "Police officers killed unarmed protesters in the square on Monday, she said.",
    "The death of Justice Antonin Scalia left the court split four to four.",
])
def test_no_toll_of_one_for_many_victims_or_a_death_no_one_caused(text):
    violent = [e for e in _merged(text) if e.family == "violent"]
    assert violent and all(e.fatalities is None for e in violent)


def test_a_counted_toll_is_kept_over_a_named_victim():
    [strike] = [e for e in _merged(
        "A US drone strike in Baghdad on Wednesday killed three people, including the commander "
        "Abu Baqir al-Saadi.", "Abu Baqir al-Saadi was assassinated in Baghdad on Wednesday night "
        "by a US drone strike.", published="2024-02-09") if e.event_type == "air_drone_strike"]
    assert strike.fatalities == 3


def test_an_attempted_killing_is_an_attack_with_no_toll():
    [attack] = [e for e in _merged(
        "Gunmen attempted to assassinate the deputy governor, Oleg Chemezov, in "
        "Khanty-Mansiysk on Monday, police said.") if e.family == "violent"]
    assert attack.event_type == "attack" and attack.fatalities is None
    # one thwarted never happened (ACLED codes a disrupted attack): no attack at all
    assert not [e for e in _merged(
        "An attempt to assassinate the deputy governor, Oleg Chemezov, was thwarted in "
        "Khanty-Mansiysk, police said.") if e.family == "violent"]


@pytest.mark.parametrize("text, actor", [
    ("The US Central Command said it had killed the commander in Baghdad on Wednesday.",
     "US Central Command"),
    ("Switzerland said on Tuesday it had expelled two Russian diplomats for spying.",
     "Switzerland"),
    # "it" takes the nearest subject of its sentence, and only a name of a group or a state
    ("The minister said the country would leave and that it would expel two diplomats.", None),
    ("The White House started the talks. It expelled two diplomats on Tuesday.", None),
])
def test_it_as_subject_is_the_group_or_state_named_just_before(text, actor):
    mention = next(e for e in annotate_text(text).events
                   if e.text in ("killed", "expelled", "expel"))
    actors = [a.canonical for a in mention.arguments if a.role == "actor"]
    assert actors == ([actor] if actor else [])


@pytest.mark.parametrize("text, condemner", [
    ("Hezbollah condemned the Israeli strike, saying it killed three civilians in Tyre.",
     "Hezbollah"),
    ("Iran condemned the attack on Tuesday, saying it killed 12 civilians.", "Iran"),
])
def test_it_in_a_clause_of_no_saying_subject_is_no_actor(text, condemner):
    # "it" is the strike: the condemner never becomes the strike's actor
    violent = [e for e in annotate_text(text).events if e.event_type != "condemnation"
               and ontology().type(e.event_type).family == "violent"]
    assert violent
    for mention in violent:
        assert condemner not in [a.canonical for a in mention.arguments if a.role == "actor"]


@pytest.mark.parametrize("text, word", [
    ("The rebels struck the village at dawn.", "struck"),
    ("Militants attacked the post at dawn on Saturday.", "attacked"),
    ("Militants fired at the convoy on Monday.", "fired"),
])
def test_a_time_after_at_or_on_is_no_target(text, word):
    [event] = [e for e in annotate_text(text).events if e.text == word]
    assert not {a.text.lower() for a in event.role("target")} & {"dawn", "midnight", "monday"}


def test_a_participle_joined_to_a_passive_shares_its_subject():
    [killed] = [e for e in annotate_text(
        "Keith Scott, who was black, was shot and killed by a police officer.").events
        if e.text == "killed"]
    assert [a.text for a in killed.role("victim")] == ["Keith Scott"]
    assert [a.text for a in killed.role("actor")] == ["police officer"]


def test_killings_of_people_of_different_surnames_are_two_events():
    found = [e for e in _merged(
        "An officer shot and killed Terence Crutcher in Tulsa on Friday.",
        "Keith Lamont Scott was shot and killed by a police officer after a run-in.")
        if e.event_type == "killing"]
    victims = [{p["name"] for p in e.detail["participants"] if p["role"] == "victim"}
               for e in found]
    assert len(found) == 2
    assert not any({"Terence Crutcher", "Keith Lamont Scott"} <= v for v in victims)


@pytest.mark.parametrize("text, word", [
    ("WASHINGTON -- The president and the speaker met for an hour on Thursday.", "met"),
    ("BAGHDAD (Reuters) - Gunmen killed three policemen on Monday.", "killed"),
    ("KANSAS CITY, Mo. — Police arrested two men on Monday.", "arrested"),
])
def test_a_dateline_is_no_actor(text, word):
    [event] = [e for e in annotate_text(text).events if e.text == word]
    assert not [a for a in event.arguments if a.text.isupper()]


def test_what_the_parse_hangs_on_a_dateline_is_the_actor():
    [event] = [e for e in annotate_text(
        "KANSAS CITY, Mo. — Leaders of the civil rights group accused the activists on "
        "Tuesday of tolerating bigotry.").events if e.text == "accused"]
    assert [a.text for a in event.role("actor")] == ["Leaders"]


def test_who_would_act_in_what_a_demand_holds_is_no_actor_of_the_demand():
    [demand] = [e for e in _merged(
        "Conservative leaders on Monday called on party chairman Michael Steele to resign.")
        if e.event_type == "demand"]
    actors = {p["name"] for p in demand.detail["participants"] if p["role"] == "actor"}
    assert "Michael Steele" not in actors
