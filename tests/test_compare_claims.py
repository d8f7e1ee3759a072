"""Numeric claims grouped across a story's articles and labelled (compare/claims.py, scopes.py)."""

from crossbearing.compare.claims import ClaimRecord, counted_of, group_claims, label
from crossbearing.compare.scopes import TimeScope, place_names, times_compatible
from crossbearing.model import NumericFact, TimeValue


def fact(article, text, low, counted, *, hedge=None, high=None, toll=None, time=None,
         place=None, speaker=None, start=0):
    """A numeric fact as the numbers layer stores it (``toll`` appended to the counted phrase)."""
    span = (start + 10, start + 10 + len(counted))
    return NumericFact(article, start, start + len(text), text, low, low if high is None else high,
                       hedge, f"{counted} {toll}" if toll else counted, span, time, place, speaker)


def record(f, outlet=None, value=None):
    return ClaimRecord(f, outlet, TimeScope(f.time_scope, value) if f.time_scope else None)


def groups_of(*records):
    return group_claims("story-x", records)


def test_counted_thing_is_the_head_lemma_through_synonyms_with_the_toll():
    soldiers = counted_of(fact("a", "four", 4, "Dutch soldiers", toll="killed"))
    personnel = counted_of(fact("b", "4", 4, "Dutch military personnel", toll="died"))
    assert (soldiers.thing, soldiers.toll) == (personnel.thing, personnel.toll) == ("troops", "killed")
    dead = counted_of(fact("c", "9", 9, "dead"))
    deaths = counted_of(fact("d", "9", 9, "deaths"))
    assert (dead.thing, dead.toll) == (deaths.thing, deaths.toll) == ("people", "killed")
    injured = counted_of(fact("e", "12", 12, "people", toll="injured"))
    assert (injured.thing, injured.toll) == ("people", "wounded")
    raids = counted_of(fact("f", "30", 30, "attacks targeting border posts"))
    assert (raids.thing, raids.target) == ("attacks", "post")
    assert counted_of(fact("g", "3", 3, "service members")).thing == "troops"
    assert counted_of(fact("h", "7", 7, "Zembians")).thing == "zembian"


def test_same_value_from_two_outlets_agrees_and_hedges_may_differ():
    [group] = groups_of(record(fact("a", "1,200", 1200, "troops", place="in Velland"), "Daily A"),
                        record(fact("b", "about 1,200", 1200, "soldiers", hedge="about",
                                    place="in Velland"), "Daily B"))
    assert (group.status, group.kind, group.sources, group.thing) == ("agree", None, 2, "troops")
    assert [m.outlet for m in group.members] == ["Daily A", "Daily B"]
    assert group.members[1].fact.hedge == "about" and group.members[1].fact.place_scope == "in Velland"


def test_one_outlet_alone_is_single_source_even_when_it_repeats_itself():
    [group] = groups_of(record(fact("a", "five", 5, "people", toll="killed"), "Daily A"),
                        record(fact("a", "5", 5, "people", toll="killed", start=300), "Daily A"),
                        record(fact("b", "5", 5, "people", toll="killed"), "Daily A"))
    assert (group.status, group.sources, len(group.members)) == ("single-source", 1, 3)


def test_articles_of_unknown_outlet_count_as_separate_sources():
    [group] = groups_of(record(fact("a", "5", 5, "people", toll="killed")),
                        record(fact("b", "6", 6, "people", toll="killed")))
    assert (group.status, group.kind, group.sources) == ("differ", "conflict", 2)


def test_hedged_values_with_compatible_intervals_differ_by_hedge():
    [group] = groups_of(
        record(fact("a", "more than 40", 40, "rocket attacks on the airport", hedge="more than",
                    time="since May 3")),
        record(fact("b", "over 44", 44, "attacks against the airport", hedge="more than",
                    time="since early May")))
    assert (group.status, group.kind, group.low, group.high) == ("differ", "hedge", 40, 44)


def test_incompatible_values_conflict():
    [group] = groups_of(record(fact("a", "at most 10", 10, "arrests", hedge="at most")),
                        record(fact("b", "at least 25", 25, "arrests", hedge="at least")))
    assert (group.status, group.kind) == ("differ", "conflict")


def test_different_time_scopes_differ_by_time_scope():
    [group] = groups_of(record(fact("a", "300", 300, "strikes", time="since January")),
                        record(fact("b", "120", 120, "strikes", time="since March")))
    assert (group.status, group.kind) == ("differ", "time_scope")


def test_resolved_time_scopes_are_compared_by_their_dates():
    since_2019 = TimeValue("2019-01-01", None, "year", True, open_end=True)
    since_march = TimeValue("2019-03-01", None, "month", True, open_end=True)
    last_year = TimeValue("2019-01-01", "2019-12-31", "year", True)
    assert times_compatible(TimeScope("since 2019", since_2019), TimeScope("since March", since_march))
    assert not times_compatible(TimeScope("since 2019", since_2019), TimeScope("last year", last_year))
    assert times_compatible(TimeScope("last year", last_year), None)


def test_time_scope_words_match_month_parts_and_early_earlier():
    assert times_compatible(TimeScope("since Oct. 17"), TimeScope("since mid-October"))
    assert not times_compatible(TimeScope("since Oct. 2"), TimeScope("since mid-October"))
    assert times_compatible(TimeScope("Early this week"), TimeScope("earlier this week"))
    assert not times_compatible(TimeScope("this week"), TimeScope("last week"))
    assert not times_compatible(TimeScope("since June"), TimeScope("in June"))


def test_disjoint_places_and_qualifiers_make_different_groups():
    groups = groups_of(record(fact("a", "2,000", 2000, "troops", place="in Velland"), "A"),
                       record(fact("b", "800", 800, "troops", place="in Norland"), "B"),
                       record(fact("c", "2,000", 2000, "troops", place="in Velland and Norland"), "C"))
    by_size = sorted(groups, key=lambda g: -len(g.members))
    assert [len(g.members) for g in by_size] == [2, 1]
    assert by_size[0].status == "agree"
    qualified = groups_of(record(fact("a", "40", 40, "Norlish soldiers"), "A"),
                          record(fact("b", "90", 90, "Vellish soldiers"), "B"))
    assert len(qualified) == 2 and {g.status for g in qualified} == {"single-source"}
    assert place_names("in the region") == frozenset()


def test_strikes_join_attacks_only_when_they_name_the_same_target():
    groups = groups_of(record(fact("a", "12", 12, "attacks on the naval base"), "A"),
                       record(fact("b", "12", 12, "strikes on the naval base"), "B"),
                       record(fact("c", "50", 50, "strikes"), "C"))
    things = sorted((g.thing, len(g.members), g.status) for g in groups)
    assert things == [("attacks", 2, "agree"), ("strikes", 1, "single-source")]


def test_money_does_not_group_with_counts_and_facts_without_counted_are_left_out():
    groups = groups_of(record(fact("a", "$5 million", 5e6, "aid"), "A"),
                       record(fact("b", "5", 5, "aid"), "B"),
                       record(NumericFact("c", 0, 2, "17", 17, 17, None, None, None, None, None,
                                          None), "C"))
    assert sorted(g.unit or "" for g in groups) == ["", "USD"]


def test_grouping_is_independent_of_input_order_and_ids_are_stable():
    records = [record(fact("a", "1,200", 1200, "troops"), "A"),
               record(fact("b", "1,500", 1500, "troops"), "B"),
               record(fact("c", "3", 3, "people", toll="wounded"), "C")]
    assert groups_of(*records) == groups_of(*reversed(records))
    assert label(records[:1]) == ("single-source", None)
