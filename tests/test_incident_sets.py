"""Three reports of one incident, written for these tests (different wording, tolls that differ,
a relative date, a spokesman quoted, a background incident mentioned), merged across the story:
one event with every report, the toll disagreement marked, the background incident apart."""

from dataclasses import replace

import pytest
from conftest import annotate_text

from crossbearing.corpus.events import merge_events

SETS = {
    "shelling": ("shelling", 3, {"fatalities"}, "2024-05-13", [
        ("2024-05-14", "Mortar shells hit a market in the town of Tal Afar on Monday, killing "
                       "four civilians, local officials said. The attack came a week after a "
                       "roadside bomb killed two soldiers near Mosul."),
        ("2024-05-14", "At least six people were killed when mortar rounds struck a crowded "
                       "market in Tal Afar on Monday, a police spokesman said."),
        ("2024-05-15", "Islamic State militants shelled a market in Tal Afar on Monday, killing "
                       "five people, the governor of Nineveh said on Tuesday."),
    ]),
    "roadside bomb": ("remote_explosive", 3, {"fatalities"}, "2023-11-01", [
        ("2023-11-02", "A roadside bomb struck a police convoy near Kirkuk on Wednesday, killing "
                       "three officers, a security source said."),
        ("2023-11-02", "Three policemen died when an improvised explosive device hit their "
                       "patrol outside Kirkuk on Wednesday."),
        ("2023-11-03", "An IED attack on a police convoy near Kirkuk killed two officers on "
                       "Wednesday, the interior ministry said, revising an earlier toll."),
    ]),
    "arrest": ("arrest", 3, set(), "2024-06-19", [
        ("2024-06-20", "Police arrested a prominent journalist in Erbil on Wednesday, his lawyer "
                       "said."),
        ("2024-06-20", "Security forces detained the journalist Karim Aziz in Erbil on "
                       "Wednesday evening."),
        ("2024-06-21", "Kurdish authorities arrested Karim Aziz in Erbil on Wednesday, the press "
                       "union said on Thursday, calling for his release."),
    ]),
    "tribal clash": ("armed_clash", 3, {"fatalities"}, "2024-07-01", [
        ("2024-07-02", "Fighting broke out between two tribes near Nasiriyah on Monday, leaving "
                       "seven people dead, police said."),
        ("2024-07-02", "A tribal clash near Nasiriyah on Monday killed nine people, a health "
                       "official said."),
        ("2024-07-03", "Seven people were killed in clashes between rival tribes near Nasiriyah "
                       "on Monday, the interior ministry said."),
    ]),
    "protest": ("protest", 3, set(), "2024-03-09", [
        ("2024-03-09", "Thousands of teachers demonstrated in Basra on Saturday to demand unpaid "
                       "salaries."),
        ("2024-03-09", "Teachers rallied outside the Basra governorate building on Saturday, "
                       "demanding their wages."),
        ("2024-03-10", "Some 2,000 teachers protested in Basra on Saturday over months of unpaid "
                       "salaries, organisers said."),
    ]),
}


def merged(reports):
    mentions = []
    for index, (published, text) in enumerate(reports):
        result = annotate_text(text, published)
        mentions += [replace(m, article_id=f"r{index}") for m in result.events]
    ids = [f"r{i}" for i in range(len(reports))]
    return merge_events(mentions, {a: "story" for a in ids}, {a: a.upper() for a in ids})


@pytest.mark.parametrize("name", sorted(SETS))
def test_three_reports_of_one_incident_are_one_event(name):
    event_type, reports, disputed, day, texts = SETS[name]
    events = merged(texts)
    main = [e for e in events if e["event_type"] == event_type and e["articles"] == reports]
    assert len(main) == 1, [(e["event_type"], e["sources"]) for e in events]
    [event] = main
    assert event["date_start"] == day
    assert set(event["detail"]["disagreements"]) == disputed
    others = [e for e in events if e is not event and e["family"] == "violent"]
    assert all(e["articles"] == 1 for e in others)  # a background incident stays apart


def test_what_protesters_demand_and_what_a_bomb_hits_are_no_events_of_their_own():
    protest = merged(SETS["protest"][4])
    assert [e["event_type"] for e in protest] == ["protest"]
    bomb = merged(SETS["roadside bomb"][4])
    assert [e["event_type"] for e in bomb] == ["remote_explosive"]  # "their patrol" is hit
