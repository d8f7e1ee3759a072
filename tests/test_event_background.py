"""Past events a report recalls in passing (annotate/event_filters.py, ``told_as_history``): acts dated a year or
more back, or by a date written with its year, make no event of their own. Every text here is
written for these tests."""

import pytest
from conftest import annotate_text

#: Two lines before the sentence tested: a headline and a lead, as in a news report.
OPENING = "Harbour talks resume\n\nNegotiators met in Varna on Monday.\n\n"


def triggers(text, published=None):
    return [e.text for e in annotate_text(OPENING + text, published).events]


@pytest.mark.parametrize("text, trigger", [
    ("The police arrested the union leaders last year, the mayor said.", "arrested"),
    ("The minister refused to answer the same questions last year.", "refused"),
    ("Forty-two years ago, a naval battle off the cape changed the war.", "battle"),
    ("The old regime expelled the traders two decades ago.", "expelled"),
])
def test_an_act_dated_years_back_is_background(text, trigger):
    assert trigger not in triggers(text)


def test_with_a_publication_date_the_act_stays_a_mention_for_the_listing_rule():
    """Resolved against the publication day, "last year" is a year: the event is kept, and not
    listed by its precision."""
    [event] = [e for e in annotate_text(
        OPENING + "The police arrested the union leaders last year, the mayor said.",
        "2024-02-09").events if e.text == "arrested"]
    assert event.time.precision == "year"


@pytest.mark.parametrize("text", [
    "The police arrested the union leaders this year, the mayor said.",
    "The police arrested the union leaders last week, the mayor said.",
    "The police arrested the union leaders on Tuesday, the mayor said.",
])
def test_an_act_of_the_reports_own_time_stays(text):
    assert "arrested" in triggers(text)


def test_a_time_in_a_clause_of_its_own_dates_that_clause_only():
    assert "granted" in triggers(
        "Ruritania has granted asylum to nine officers who crossed the border two years ago.")


@pytest.mark.parametrize("text, trigger", [
    ("On July 6, 2011, the two governments signed a trade agreement. The 2016 round is "
     "the fifth.", "signed"),
    ("The coalition attacked the ridge in March 2009, a veteran recalled in a 2014 memoir.",
     "attacked"),
])
def test_a_date_written_with_its_year_before_a_year_the_report_names_is_background(text,
                                                                                    trigger):
    assert trigger not in triggers(text)


def test_an_undated_report_that_writes_the_year_of_its_own_dates_keeps_its_events():
    """Event notes and outlets that give every date its year ("On 27 December 2019, rockets
    hit the base"): no later year named, the report's own time may be that year's."""
    assert "hit" in triggers("On 27 December 2019, rockets hit the K-1 base, killing a guard.")


def test_the_same_date_without_its_year_is_the_reports_own():
    assert "signed" in triggers("On July 6, the two governments signed a trade agreement.")


def test_a_dateline_gives_the_year_of_the_news():
    text = "VARNA, July 6, 2011 - The two governments signed a trade agreement on July 6, 2011."
    assert "signed" in [e.text for e in annotate_text(text, None).events]


@pytest.mark.parametrize("published, kept", [
    ("2024-02-09", True),   # the same year: an outlet that writes the year of every date
    ("2024-07-01", True),   # months later: still the context of the news
    ("2025-03-01", False),  # over half a year later: recalled
])
def test_with_the_reports_day_a_date_with_its_year_is_read_by_how_far_back_it_lies(published,
                                                                                   kept):
    text = "On January 28, 2024, the two governments signed a trade agreement."
    assert ("signed" in triggers(text, published)) is kept


@pytest.mark.parametrize("first_report, listed", [
    ("2012-03-01", False),  # an event of 2001 told in a report of 2012: history
    ("2001-09-12", True),   # the next day: the news
    ("2001-09-11", True),   # the same day
    ("2001-09-10", False),  # the day before: what the report tells of it is expected
    (None, True),           # no report dated to the day: nothing to tell it by
])
def test_an_event_dated_over_a_year_before_or_after_its_first_report_is_not_listed(
        first_report, listed):
    from datetime import date

    from crossbearing.corpus.event_values import with_first_report
    from crossbearing.model_events import Event, is_listed

    killing = Event(event_id="ev-1", story_id="s", event_type="killing", family="violent",
                    mode="asserted", aggregate=False, date_start="2001-09-11",
                    date_end="2001-09-11", date_precision="day", place_id=None,
                    fatalities=None, injuries=None, detail={}, mentions=1, articles=1,
                    sources=(("a1", 0),))
    published = {"a1": date.fromisoformat(first_report) if first_report else None}
    told = with_first_report(killing, published)
    assert is_listed(told, None) is listed
    assert is_listed(told, "confirm")  # an analyst lists it all the same


def test_a_statement_dated_by_the_report_that_leads_with_it_is_not_expected():
    """An earlier report telling the statement as background must not make its inferred date
    (the leading report's day and the days before) a day after the first report."""
    from datetime import date

    from crossbearing.corpus.event_values import dated_by_reports, with_first_report
    from crossbearing.model_events import Event, is_listed

    saying = Event(event_id="ev-2", story_id="s", event_type="accusation", family="verbal",
                   mode="asserted", aggregate=False, date_start=None, date_end=None,
                   date_precision=None, place_id=None, fatalities=None, injuries=None, detail={},
                   mentions=2, articles=2, sources=(("old", 400), ("lead", 10)))
    published = {"old": date(2024, 2, 1), "lead": date(2024, 2, 9)}
    dated = dated_by_reports(saying, published, {}, lambda key: (0, 50),
                             in_lead=lambda key: key[0] == "lead")
    told = with_first_report(dated, published)
    assert told.date_start == "2024-02-07" and told.detail["first_report"] == "2024-02-01"
    assert is_listed(told, None)
