"""Relative dates of undated reports read against their story's dates (invented reports)."""

import json
from dataclasses import replace
from datetime import date

from conftest import make_article

from crossbearing.annotate.timex import NO_ANCHOR
from crossbearing.corpus.story_dates import (
    STORY_DATES,
    by_story_dates,
    redated,
    story_span,
    tense_at,
)
from crossbearing.model import DateValue, Sentence, TimeMention, TimeValue
from crossbearing.store import open_store


def days(first, last):
    return story_span([make_article("x", first, "a"), make_article("x", last, "b"),
                       make_article("x", None, "c")])


def test_the_span_runs_from_the_first_to_the_last_dated_report():
    assert days("2024-03-09", "2024-03-08") == [date(2024, 3, 8), date(2024, 3, 9)]
    assert story_span([make_article("x", None)]) == []
    assert days("2024-01-01", "2024-03-01") == []  # too long to say which week


def test_a_weekday_resolves_when_every_day_of_the_span_gives_the_same_day():
    span = days("2024-03-08", "2024-03-09")  # a Friday and a Saturday
    friday = by_story_dates("on Friday", "past", span)
    assert (friday.start, friday.end, friday.resolved, friday.reason) == \
        ("2024-03-08", "2024-03-08", True, STORY_DATES)
    assert by_story_dates("Wednesday night", "past", span).start == "2024-03-06"


def test_two_fitting_days_keep_the_ambiguity():
    span = days("2024-03-04", "2024-03-12")  # two Fridays before the last report
    value = by_story_dates("Friday", "past", span)
    assert not value.resolved and value.start is None
    assert value.reason == f"{STORY_DATES}: 2024-03-01 or 2024-03-08"


def test_only_weekdays_are_read_against_the_story():
    span = days("2024-03-08", "2024-03-09")
    assert by_story_dates("yesterday", "past", span) is None
    assert by_story_dates("this week", "past", span) is None
    assert by_story_dates("Friday", "past", []) is None


def test_a_weekday_in_a_future_sentence_is_read_forward():
    text = "The union will meet on Monday. Talks failed on Monday."
    sentences = [Sentence("a", 0, 0, 30), Sentence("a", 1, 31, len(text))]
    assert tense_at(text, sentences, 23) == "future"
    assert tense_at(text, sentences, 47) == "past"
    span = days("2024-03-08", "2024-03-09")
    assert by_story_dates("Monday", "future", span).start == "2024-03-11"


def mention(article_id, text, start, value, anchor=None):
    return TimeMention(article_id, start, start + len(text), text, value, anchor)


UNRESOLVED = TimeValue(None, None, None, False, NO_ANCHOR)


def test_redated_reads_an_undated_report_against_the_span_and_a_dated_one_against_its_date():
    text = "Police said on Friday that the march of Wednesday night was peaceful."
    undated = make_article(text, None, "u")
    mentions = [mention("u", "Friday", 13, UNRESOLVED), mention("u", "Wednesday night", 41,
                                                               UNRESOLVED)]
    sentences = [Sentence("u", 0, 0, len(text))]
    span = days("2024-03-08", "2024-03-09")
    changed = redated(undated, mentions, sentences, span)
    assert [(m.value.start, m.value.reason, m.anchor) for m in changed] == \
        [("2024-03-08", STORY_DATES, None), ("2024-03-06", STORY_DATES, None)]
    assert redated(undated, changed, sentences, span) == []  # a rerun changes nothing
    # Out of the story, the inferred value is withdrawn.
    assert [m.value for m in redated(undated, changed, sentences, [])] == [UNRESOLVED] * 2
    # A corrected publication date is an anchor: the value follows it, whatever the story.
    dated = replace(undated, published=DateValue("2024-03-16", "day", "correction"))
    [friday, wednesday] = redated(dated, mentions, sentences, span)
    assert (friday.value.start, friday.anchor) == ("2024-03-15", "2024-03-16")
    assert wednesday.value.start == "2024-03-13" and wednesday.value.reason is None


def test_an_undated_report_in_a_dated_story_gets_its_weekdays_and_events_dated(tmp_path):
    from crossbearing.analysis import analyze
    from crossbearing.stages import AnalysisRun

    lead = ("Dock workers in Port Arlen walked off the job on Friday, halting cargo at the "
            "harbour, the Port Arlen dockworkers union said. The union said 400 dock workers "
            "joined the strike over unpaid wages at the Port Arlen harbour.")
    records = [
        {"title": "Port Arlen dock workers strike", "text": lead, "date": "2024-03-08",
         "source": "Harbour Times", "url": "https://harbour.example/strike"},
        {"title": "Strike halts Port Arlen harbour", "text": lead.replace("on Friday", "on "
         "Friday morning"), "date": "2024-03-09", "source": "Valley Courier",
         "url": "https://valley.example/strike"},
        {"title": "Port Arlen dockers stop work", "text": lead + " Police said a protest by "
         "dock workers at the Port Arlen harbour on Wednesday night was peaceful.",
         "source": "Coastal Wire", "url": "https://coastal.example/strike"},
    ]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "reports.jsonl").write_text("\n".join(json.dumps(r) for r in records),
                                          encoding="utf-8")
    with open_store(tmp_path / "t.db") as store:
        analyze(store, AnalysisRun(paths=[str(folder)], out=tmp_path / "out"))
        undated = next(a for a in store.articles.all() if a.outlet == "Coastal Wire")
        assert undated.published is None
        assert len(set(store.events.story_map().values())) == 1
        times = {t.text: t.value for t in store.annotations.time_mentions(undated.id)}
        assert (times["Friday"].start, times["Friday"].reason) == ("2024-03-08", STORY_DATES)
        assert times["Wednesday night"].start == "2024-03-06"
        dated = [m for m in store.events.event_mentions([undated.id]) if m.time is not None]
        assert dated and all(m.time.resolved for m in dated)


def test_a_report_known_to_the_month_is_read_against_the_days_of_that_month():
    span = days("2024-02-28", "2024-03-01")  # a Wednesday to a Friday
    assert by_story_dates("Friday", "past", span).reason == \
        f"{STORY_DATES}: 2024-02-23 or 2024-03-01"
    assert by_story_dates("Friday", "past", span, "2024-02").start == "2024-02-23"
    assert by_story_dates("Friday", "past", span, "2024-04") is None
    month = replace(make_article("Rallies on Friday.", None, "m"),
                    published=DateValue("2024-03", "month", "manifest"))
    [friday] = redated(month, [mention("m", "Friday", 11, UNRESOLVED)],
                       [Sentence("m", 0, 0, 18)], span)
    assert (friday.value.start, friday.value.reason) == ("2024-03-01", STORY_DATES)
