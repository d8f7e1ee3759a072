from datetime import date, datetime

import pytest

from crossbearing.annotate.timex import find_time_expressions, resolve_time
from crossbearing.model import TIME_PRECISIONS, TimeValue

#: A Friday.
ANCHOR = date(2024, 2, 9)


def interval(value: TimeValue) -> tuple[str | None, str | None, str | None]:
    return value.start, value.end, value.precision


# --- resolving, past tense (the default) ---------------------------------------------------------
@pytest.mark.parametrize("expression, start, end, precision", [
    ("on Wednesday", "2024-02-07", "2024-02-07", "day"),
    ("Wednesday night", "2024-02-07", "2024-02-07", "day"),
    ("Thursday", "2024-02-08", "2024-02-08", "day"),
    ("on Friday", "2024-02-09", "2024-02-09", "day"),            # the anchor's own weekday
    ("Saturday", "2024-02-03", "2024-02-03", "day"),
    ("late Wednesday", "2024-02-07", "2024-02-07", "day"),
    ("last Friday", "2024-02-02", "2024-02-02", "day"),
    ("last Wednesday", "2024-02-07", "2024-02-07", "day"),    # the latest before the anchor
    ("next Friday", "2024-02-16", "2024-02-16", "day"),
    ("Wednesday, Feb. 7", "2024-02-07", "2024-02-07", "day"),
    ("last month", "2024-01-01", "2024-01-31", "month"),
    ("early this month", "2024-02-01", "2024-02-10", "month"),
    ("earlier this month", "2024-02-01", "2024-02-09", "month"),
    ("early last week", "2024-01-29", "2024-01-31", "week"),
    ("late last week", "2024-02-01", "2024-02-04", "week"),
    ("earlier this week", "2024-02-05", "2024-02-09", "week"),
    ("this weekend", "2024-02-10", "2024-02-11", "week"),
    ("last weekend", "2024-02-03", "2024-02-04", "week"),
    ("over the weekend", "2024-02-03", "2024-02-04", "week"),
    ("October 7 last year", "2023-10-07", "2023-10-07", "day"),
    ("Oct. 17", "2023-10-17", "2023-10-17", "day"),
    ("the 7th of October", "2023-10-07", "2023-10-07", "day"),
    ("mid-October", "2023-10-11", "2023-10-20", "month"),
    ("in October", "2023-10-01", "2023-10-31", "month"),
    ("in February", "2024-02-01", "2024-02-29", "month"),
    ("last October", "2023-10-01", "2023-10-31", "month"),
    ("October 2022", "2022-10-01", "2022-10-31", "month"),
    ("the end of January", "2024-01-21", "2024-01-31", "month"),
    ("the beginning of January", "2024-01-01", "2024-01-10", "month"),
    ("the end of the month", "2024-02-21", "2024-02-29", "month"),
    ("last year", "2023-01-01", "2023-12-31", "year"),
    ("late 2023", "2023-09-01", "2023-12-31", "year"),
    ("early this year", "2024-01-01", "2024-04-30", "year"),
    ("this year's", "2024-01-01", "2024-12-31", "year"),
    ("two days ago", "2024-02-07", "2024-02-07", "day"),
    ("three weeks ago", "2024-01-15", "2024-01-21", "week"),
    ("a month ago", "2024-01-01", "2024-01-31", "month"),
    ("on February 7", "2024-02-07", "2024-02-07", "day"),
    ("February 8, 2024", "2024-02-08", "2024-02-08", "day"),
    ("7 October 2023", "2023-10-07", "2023-10-07", "day"),
    ("in 2011", "2011-01-01", "2011-12-31", "year"),
    ("the past week", "2024-02-02", "2024-02-09", "week"),
    ("the past two weeks", "2024-01-26", "2024-02-09", "week"),
    ("the past month", "2024-01-09", "2024-02-09", "month"),
    ("the past 24 hours", "2024-02-08", "2024-02-09", "day"),
    ("late last month", "2024-01-21", "2024-01-31", "month"),
    ("next week", "2024-02-12", "2024-02-18", "week"),
    ("next month", "2024-03-01", "2024-03-31", "month"),
    ("tomorrow", "2024-02-10", "2024-02-10", "day"),
    ("yesterday", "2024-02-08", "2024-02-08", "day"),
    ("today", "2024-02-09", "2024-02-09", "day"),
    ("overnight", "2024-02-08", "2024-02-09", "day"),
    ("last night", "2024-02-08", "2024-02-08", "day"),
    ("this week", "2024-02-05", "2024-02-11", "week"),
    ("this month", "2024-02-01", "2024-02-29", "month"),
    ("the 1990s", "1990-01-01", "1999-12-31", "decade"),
    ("the '90s", "1990-01-01", "1999-12-31", "decade"),
    ("the early 2000s", "2000-01-01", "2003-12-31", "decade"),
    ("the first quarter of 2024", "2024-01-01", "2024-03-31", "quarter"),
    ("Q3 2023", "2023-07-01", "2023-09-30", "quarter"),
    ("last quarter", "2023-10-01", "2023-12-31", "quarter"),
    ("2024-02-07", "2024-02-07", "2024-02-07", "day"),
    ("13/02/2024", "2024-02-13", "2024-02-13", "day"),
    ("02/13/2024", "2024-02-13", "2024-02-13", "day"),
    ("07/07/2024", "2024-07-07", "2024-07-07", "day"),
    # the last unit of the calendar ends on 9999-12-31: its end is not found by stepping past it
    ("9999", "9999-01-01", "9999-12-31", "year"),
    ("late 9999", "9999-09-01", "9999-12-31", "year"),
    ("December 9999", "9999-12-01", "9999-12-31", "month"),
    ("the end of December 9999", "9999-12-21", "9999-12-31", "month"),
    ("Q4 9999", "9999-10-01", "9999-12-31", "quarter"),
    ("the 9990s", "9990-01-01", "9999-12-31", "decade"),
    ("late the 9990s", "9997-01-01", "9999-12-31", "decade"),
])
def test_resolves_against_the_publication_date(expression, start, end, precision):
    value = resolve_time(expression, ANCHOR)
    assert interval(value) == (start, end, precision)
    assert value.resolved and value.reason is None
    assert not value.open_start and not value.open_end


@pytest.mark.parametrize("expression, start, end, precision, reason", [
    ("in recent weeks", "2024-01-12", "2024-02-09", "week",
     "vague: 'recent weeks' taken as the 4 weeks before publication"),
    ("recent days", "2024-02-02", "2024-02-09", "day",
     "vague: 'recent days' taken as the 7 days before publication"),
    ("the past few days", "2024-02-02", "2024-02-09", "day",
     "vague: 'the past few days' taken as the 7 days before publication"),
    ("a few days ago", "2024-02-02", "2024-02-07", "day",
     "vague: 'a few days ago' taken as 2 days to 7 days before publication"),
    ("recent months", "2023-08-09", "2024-02-09", "month",
     "vague: 'recent months' taken as the 6 months before publication"),
])
def test_vague_expressions_resolve_and_say_so(expression, start, end, precision, reason):
    value = resolve_time(expression, ANCHOR)
    assert interval(value) == (start, end, precision)
    assert value.resolved and value.reason == reason


# --- since and until -----------------------------------------------------------------------------
def test_since_runs_from_the_start_to_the_publication_date():
    assert resolve_time("since 2014", ANCHOR) == TimeValue("2014-01-01", "2024-02-09", "year", True)
    assert resolve_time("since mid-October", ANCHOR) == TimeValue("2023-10-11", "2024-02-09",
                                                                  "month", True)
    assert resolve_time("Since October 7", ANCHOR) == TimeValue("2023-10-07", "2024-02-09",
                                                                "day", True)


def test_since_without_a_publication_date_is_open_ended():
    assert resolve_time("since 2014", None) == TimeValue("2014-01-01", None, "year", True,
                                                         open_end=True)


def test_until_is_open_at_the_start_in_the_past_and_starts_at_the_anchor_in_the_future():
    assert resolve_time("until 2019", ANCHOR) == TimeValue(None, "2019-12-31", "year", True,
                                                           open_start=True)
    assert resolve_time("until Sunday", ANCHOR, tense="future") == TimeValue(
        "2024-02-09", "2024-02-11", "day", True)


def test_since_and_until_never_end_before_they_start():
    """"Since" counts back from the publication date even in the future tense, and is open where
    its time comes after it; "until" a time before the publication date is open at the start in
    the future tense too."""
    assert resolve_time("since mid-October", ANCHOR, tense="future") == TimeValue(
        "2023-10-11", "2024-02-09", "month", True)
    assert resolve_time("since next week", ANCHOR) == TimeValue("2024-02-12", None, "week", True,
                                                                open_end=True)
    assert resolve_time("until last week", ANCHOR, tense="future") == TimeValue(
        None, "2024-02-04", "week", True, open_start=True)


# --- future tense ---------------------------------------------------------------------------------
@pytest.mark.parametrize("expression, start, end, precision", [
    ("on Wednesday", "2024-02-14", "2024-02-14", "day"),
    ("Friday", "2024-02-09", "2024-02-09", "day"),
    ("this weekend", "2024-02-10", "2024-02-11", "week"),
    ("the weekend", "2024-02-10", "2024-02-11", "week"),
    ("next week", "2024-02-12", "2024-02-18", "week"),
    ("mid-October", "2024-10-11", "2024-10-20", "month"),
    ("in February", "2024-02-01", "2024-02-29", "month"),
    ("Feb. 7", "2025-02-07", "2025-02-07", "day"),
    ("later this month", "2024-02-09", "2024-02-29", "month"),
    ("the next three days", "2024-02-09", "2024-02-12", "day"),
    ("the coming weeks", "2024-02-09", "2024-03-08", "week"),
])
def test_future_tense_reads_forward(expression, start, end, precision):
    assert interval(resolve_time(expression, ANCHOR, tense="future")) == (start, end, precision)


def test_talks_will_restart_this_weekend_even_on_a_saturday():
    saturday = date(2024, 2, 10)
    assert interval(resolve_time("this weekend", saturday, tense="future")) == (
        "2024-02-10", "2024-02-11", "week")
    assert interval(resolve_time("this weekend", date(2024, 2, 5))) == (
        "2024-02-10", "2024-02-11", "week")


def test_the_weekend_in_the_past_is_the_latest_begun_by_the_anchor():
    assert interval(resolve_time("the weekend", date(2024, 2, 11))) == (
        "2024-02-10", "2024-02-11", "week")
    assert interval(resolve_time("the weekend", date(2024, 2, 12))) == (
        "2024-02-10", "2024-02-11", "week")


def test_unknown_tense_is_refused():
    with pytest.raises(ValueError):
        resolve_time("Wednesday", ANCHOR, tense="conditional")


# --- edges of the calendar ------------------------------------------------------------------------
def test_relative_dates_cross_the_new_year():
    new_year = date(2024, 1, 3)  # a Wednesday
    assert interval(resolve_time("Dec. 28", new_year)) == ("2023-12-28", "2023-12-28", "day")
    assert interval(resolve_time("early last week", new_year)) == (
        "2023-12-25", "2023-12-27", "week")
    assert interval(resolve_time("last month", new_year)) == ("2023-12-01", "2023-12-31", "month")
    assert interval(resolve_time("in December", new_year)) == (
        "2023-12-01", "2023-12-31", "month")


def test_february_29_is_found_in_the_latest_leap_year():
    assert interval(resolve_time("Feb. 29", date(2025, 3, 1))) == ("2024-02-29", "2024-02-29",
                                                                    "day")


def test_a_datetime_anchor_counts_as_its_day():
    assert interval(resolve_time("yesterday", datetime(2024, 2, 9, 23, 30))) == (
        "2024-02-08", "2024-02-08", "day")


def test_every_precision_is_a_model_precision():
    for expression in ("Wednesday", "this weekend", "last month", "Q1 2024", "2011", "the 1990s"):
        assert resolve_time(expression, ANCHOR).precision in TIME_PRECISIONS


# --- unresolved -----------------------------------------------------------------------------------
@pytest.mark.parametrize("expression", [
    "on Wednesday", "last month", "early this month", "mid-October", "Oct. 17", "this weekend",
    "two days ago", "in recent weeks", "since last year", "tomorrow", "October 7 last year",
])
def test_relative_expressions_need_a_publication_date(expression):
    assert resolve_time(expression, None) == TimeValue(
        None, None, None, False, reason="relative expression and no publication date")


@pytest.mark.parametrize("expression, start, end, precision", [
    ("February 8, 2024", "2024-02-08", "2024-02-08", "day"),
    ("in 2011", "2011-01-01", "2011-12-31", "year"),
    ("the 1990s", "1990-01-01", "1999-12-31", "decade"),
    ("October 2023", "2023-10-01", "2023-10-31", "month"),
    ("2024-02-07", "2024-02-07", "2024-02-07", "day"),
])
def test_absolute_expressions_resolve_without_a_publication_date(expression, start, end,
                                                                 precision):
    assert interval(resolve_time(expression, None)) == (start, end, precision)


@pytest.mark.parametrize("expression", [
    "Tower 22", "22 people", "two years", "the year", "the next day", "19:00", "F-16", "annual",
])
def test_other_text_is_not_a_time_expression(expression):
    value = resolve_time(expression, ANCHOR)
    assert not value.resolved and value.reason == "not a time expression"


def test_ambiguous_and_impossible_numeric_dates_stay_unresolved():
    assert resolve_time("07/02/2024", ANCHOR).reason == (
        "ambiguous numeric date: day and month order unknown")
    assert resolve_time("February 30, 2024", ANCHOR).reason == "not a valid calendar date"


@pytest.mark.parametrize("expression", ["Feb 30", "February 30", "September 31", "Nov. 31"])
def test_a_day_no_year_has_stays_unresolved(expression):
    """A month day without a year is looked for in the years around the publication date; a
    day that none of them has is not a date, in the past or the future tense."""
    for tense in ("past", "future"):
        assert resolve_time(expression, ANCHOR, tense=tense).reason == "not a valid calendar date"


@pytest.mark.parametrize("expression", [
    "0000", "October 0000", "the first quarter of 0000", "Q1 0000", "the 0000s", "late 0000",
])
def test_year_zero_is_not_a_calendar_date(expression):
    assert resolve_time(expression, ANCHOR).reason == "not a valid calendar date"


@pytest.mark.parametrize("anchor", [date(9999, 12, 31), date(1, 1, 1), date(9995, 6, 1)])
def test_a_publication_date_at_the_ends_of_the_calendar_anchors_nothing(anchor):
    """Relative expressions reach up to 999 years from the publication date; one too near the
    ends of the calendar leaves them unresolved, and absolute dates still resolve."""
    for expression in ("last month", "next year", "October", "the past 999 years", "Wednesday",
                       "tomorrow", "this weekend", "since last year", "Dec. 31"):
        value = resolve_time(expression, anchor)
        assert not value.resolved and value.reason == (
            "publication date too near the ends of the calendar to count from")
    assert interval(resolve_time("2011", anchor)) == ("2011-01-01", "2011-12-31", "year")


# --- finding ---------------------------------------------------------------------------------------
def spans(text: str, *phrases: str) -> list[tuple[int, int]]:
    """The spans of ``phrases``, each looked for after the previous one."""
    found, position = [], 0
    for phrase in phrases:
        start = text.index(phrase, position)
        found.append((start, start + len(phrase)))
        position = start + len(phrase)
    return found


def test_finds_weekdays_and_month_parts_in_a_report():
    text = ("Militia fighters struck a patrol base near the border on Wednesday night, officials "
            "said on Thursday. It was the latest of more than 160 attacks on the coalition since "
            "mid-October, and the first to kill soldiers at Tower 22, where about 350 personnel "
            "are stationed.")
    assert find_time_expressions(text) == spans(text, "Wednesday night", "Thursday",
                                                "since mid-October")


def test_finds_modified_weeks_and_months_but_not_counts_or_clock_times():
    text = ("Early last week, the ministry said 2,500 troops would move north. Two F-16 jets flew "
            "over the capital at 19:00, and a curfew that began earlier this month will be lifted "
            "this weekend.")
    assert find_time_expressions(text) == spans(text, "Early last week", "earlier this month",
                                                "this weekend")


def test_finds_years_decades_and_full_dates():
    text = ("The group has been active since 2014 and traces its roots to the 1990s. Its leader, "
            "arrested on October 7 last year, was freed on Feb. 8, 2024, two days ago, and said "
            "in 2011 that the end of January was a deadline.")
    assert find_time_expressions(text) == spans(
        text, "since 2014", "the 1990s", "October 7 last year", "Feb. 8, 2024", "two days ago",
        "2011", "the end of January")


def test_finds_deictic_and_vague_expressions():
    text = ("Talks will restart next week, or tomorrow at the earliest. Overnight shelling and "
            "last night's strikes killed 22 people; aid deliveries fell in recent weeks and late "
            "last month, and again over the past week, yesterday and this week.")
    assert find_time_expressions(text) == spans(
        text, "next week", "tomorrow", "Overnight", "last night", "recent weeks",
        "late last month", "the past week", "yesterday", "this week")


def test_finds_numeric_dates_only_when_unambiguous():
    text = ("The order is dated 2024-02-07. A copy stamped 13/02/2024 differs from one stamped "
            "07/02/2024, valid until 07/02/2025.")
    assert find_time_expressions(text) == spans(text, "2024-02-07", "13/02/2024")


def test_finds_month_day_forms_and_quarters():
    text = ("Fighting resumed on 7 October 2023 and again on Oct. 17; revenue fell in the first "
            "quarter of 2024 and in May, and the vote is set for Wednesday, February 14.")
    assert find_time_expressions(text) == spans(
        text, "7 October 2023", "Oct. 17", "the first quarter of 2024", "May",
        "Wednesday, February 14")


@pytest.mark.parametrize("text", [
    "Tower 22 was hit by a drone.",
    "There were 160 attacks in total.",
    "About 2,500 troops are deployed.",
    "Two F-16 jets were scrambled.",
    "The session opened at 19:00.",
    "1. Release the hostages.\n2. Open the crossings.\n3) Withdraw 22 units.",
    "Officials may march on the ministry.",
    "A force of 2,000 fighters and 1,500 vehicles.",
])
def test_numbers_that_are_not_dates_are_not_found(text):
    assert find_time_expressions(text) == []


def test_overlapping_candidates_keep_the_longest():
    text = "The strike on Wednesday, February 7, 2024 was confirmed."
    assert find_time_expressions(text) == spans(text, "Wednesday, February 7, 2024")


def test_everything_found_resolves():
    text = ("Early last week and earlier this month, since mid-October and on October 7 last "
            "year, the past week, in recent weeks, the 1990s, two days ago, Q1 2024, overnight.")
    for start, end in find_time_expressions(text):
        assert resolve_time(text[start:end], ANCHOR).resolved, text[start:end]


# --- the finder's clues --------------------------------------------------------------------------
CLUE_SAMPLES = [
    "On Wednesday, Feb. 7, 2024 and on 12 March 2023 the talks resumed; since October 2019 too.",
    "in late January, during October, in last December; since early 2014, in 2020, by 1999.",
    "Last Friday night, next Monday and early this month, last week, the weekend, this year.",
    "today, tonight, yesterday, overnight, last night, this morning, the day after tomorrow.",
    "the past two weeks, the coming months, the last few days, three years ago, recent weeks.",
    "the 1990s, the late '80s, the first quarter of 2023, Q3 2022, 2024-02-09 and 13/02/2024.",
]


def test_a_form_matches_only_where_its_clue_is():
    """Each form of the finder is skipped in a text without its clue: the clue must be part of
    every match (a form changed without its clue would silently stop matching)."""
    from crossbearing.annotate.timex_find import PATTERNS

    for pattern, _check, clue in PATTERNS:
        matches = [m.group(0) for text in CLUE_SAMPLES for m in pattern.finditer(text)]
        assert matches, pattern.pattern
        assert all(clue.search(match) for match in matches), pattern.pattern


@pytest.mark.parametrize("sentence, ahead", [
    ("Talks will resume in March.", True),
    ("The final wording won't be released until the board meets in October.", True),
    ("The vote is scheduled for Tuesday.", True),
    ("The talks are expected to start in May.", True),
    ("Iran plans to hold talks in June.", True),
    ("The calls came along with plans for a kiss-in at the restaurants on Friday.", True),
    ("A new Congress is sworn in next month.", True),
    # words that also tell the past, outside the phrases that look ahead
    ("In August, the groups granted an extension, saying his capital was less than expected.",
     False),
    ("Flights were delayed due to the storm in May.", False),
    ("He planned the attack in May.", False),
    ("The next day, police arrested him.", False),
])
def test_a_sentence_that_looks_ahead_puts_its_dates_after_publication(sentence, ahead):
    from crossbearing.annotate.times import reads_ahead

    assert reads_ahead(sentence) is ahead
