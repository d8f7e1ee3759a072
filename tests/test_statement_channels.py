"""Statement occasions told apart by the channel each saying went through, and by who spoke:
one speaker's statement and television interview are two events, as are two speakers' calls."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import annotate_text

from crossbearing.corpus.event_items import described_group, other_channels
from crossbearing.corpus.events import merge_events
from crossbearing.corpus.occasions import channels
from crossbearing.corpus.run import in_quotation, told_words


@pytest.mark.parametrize("words, expected", [
    ("In a statement released Tuesday, he decried the decision.", {"written"}),
    ("The group said in a joint statement that it would respond.", {"written"}),
    ("Santorum told host Bob Schieffer that he did not question it.", {"press"}),
    ("Corker said on 'Fox News Sunday' that the party would yield.", {"press"}),
    ("She said in an interview with the newspaper that she regretted it.", {"press"}),
    ("In a speech to supporters on Saturday, he dismissed the plan.", {"speech"}),
    ("Speaking at a rally in Novi, Michigan, Trump made a demand.", {"speech"}),
    ("Trump took to Twitter overnight to accuse the campaign.", {"online"}),
    ("The minister tweeted that the talks had failed.", {"online"}),
    ("He apologized in a new ad released on Monday.", {"advertisement"}),
    ("During the debate, the governor attacked his rival.", {"debate"}),
    ("Reid said on the Senate floor on Tuesday that he would file cloture.", {"legislature"}),
    ("The group said in a statement posted on Telegram that it would fight.",
     {"written", "online"}),
])
def test_the_channel_a_report_names(words, expected):
    assert channels(words) == expected


@pytest.mark.parametrize("words", [
    "Akin apologized for his remarks on Monday.",  # what he apologized for, not how
    "The debate over taxes went on for weeks.",  # a topic, not an occasion
    "He grabbed the man's arm as a video camera rolled.",
    "An ad hoc committee condemned the strike.",
    "The statement drew condemnation from both parties.",  # the statement as a subject
    "Kata'ib Hezbollah said they were suspending attacks on Americans.",
])
def test_words_that_name_no_channel(words):
    assert channels(words) == frozenset()


def test_only_sayings_through_different_channels_are_told_apart():
    assert other_channels(frozenset({"written"}), frozenset({"press"}))
    assert not other_channels(frozenset({"written", "online"}), frozenset({"online"}))
    assert not other_channels(frozenset(), frozenset({"press"}))  # untold is no evidence


@pytest.mark.parametrize("text, expected", [
    ("five Missouri Republican senators", True),
    ("some prominent conservatives", True),
    ("Tea party organizers", True),
    ("the senators", False),  # refers back to senators the report named
    ("senators", False),  # a bare plural, "the" left out of an argument's words, may too
    ("his aides", False),
    ("they", False),
    ("the group", False),
])
def test_a_group_described_has_a_voice_of_its_own(text, expected):
    assert described_group(text) is expected


def _merged(*texts):
    results = [annotate_text(text) for text in texts]
    ids = [f"a{i}" for i in range(len(texts))]
    text_of = dict(zip(ids, texts))
    mentions = [replace(m, article_id=a) for a, r in zip(ids, results) for m in r.events]
    quotes = [replace(q, article_id=a) for a, r in zip(ids, results) for q in r.quotes]
    return merge_events(mentions, {a: "s" for a in ids}, {a: a.upper() for a in ids},
                        quoted=in_quotation(quotes), told=told_words(text_of.get, quotes))


def _accusations(events):
    return sorted(sorted({a for a, _ in e.sources}) for e in events
                  if e.event_type == "accusation")


STATEMENT = ("In a statement released Tuesday, Governor Rick Perry decried the administration's "
             "decision to use foreign aid to promote the policy.")
INTERVIEW = ("Governor Rick Perry criticized the administration's foreign aid policy in an "
             "interview with a radio station.")
PLAIN = "Governor Rick Perry criticized the administration's foreign aid policy."


def test_one_speakers_statement_and_interview_are_two_occasions():
    assert _accusations(_merged(STATEMENT, INTERVIEW)) == [["a0"], ["a1"]]


def test_a_report_that_names_no_channel_joins_the_speakers_statement():
    assert _accusations(_merged(STATEMENT, PLAIN)) == [["a0", "a1"]]


def test_without_the_sentences_words_the_sayings_join_as_before():
    results = [annotate_text(STATEMENT), annotate_text(INTERVIEW)]
    mentions = [replace(m, article_id=f"a{i}") for i, r in enumerate(results) for m in r.events]
    events = merge_events(mentions, {"a0": "s", "a1": "s"}, {"a0": "A0", "a1": "A1"})
    assert _accusations(events) == [["a0", "a1"]]


def test_a_named_speakers_call_is_not_a_described_groups():
    events = _merged(
        "Mitt Romney joined other Republicans on Tuesday in calling on Todd Akin to quit the "
        "race. Romney spoke after five Missouri Republican senators urged Akin to step aside.")
    calls = [e for e in events if e.event_type == "demand"]
    assert len(calls) == 2, [(e.event_type, e.detail) for e in calls]


def test_a_gerund_after_in_or_by_takes_the_subject_of_its_verb():
    mentions = annotate_text(
        "Mitt Romney joined other Republicans on Tuesday in calling on Todd Akin to quit the "
        "race. The governor responded by condemning the attack on the embassy.").events
    actors = {m.text: sorted(a.canonical for a in m.role("actor")) for m in mentions}
    assert actors["calling"] == ["Mitt Romney"]
    assert actors["condemning"] == ["governor"] or actors["condemning"] == ["The governor"], actors


def test_a_gerund_after_of_does_not_take_the_subject():
    mentions = annotate_text(
        "The senator accused the minister of attacking the protesters on Monday.").events
    [attack] = [m for m in mentions if m.text == "attacking"]
    assert all("senator" not in a.canonical for a in attack.role("actor"))


def test_a_law_or_a_sum_is_no_target_of_a_saying():
    mentions = annotate_text(
        "Former President Bill Clinton criticized the Affordable Care Act on Monday. "
        "Senator Jane Hollis criticized Governor Tom Reed on Tuesday.").events
    targets = {m.text + str(m.start): [a.canonical for a in m.role("target")] for m in mentions
               if m.event_type == "accusation"}
    assert sorted(map(len, targets.values())) == [0, 1], targets
    assert any("Reed" in t for ts in targets.values() for t in ts), targets


def test_what_another_group_did_in_a_speakers_words_is_no_part_of_the_statement():
    events = _merged(
        "Democratic campaign officials accused the mayor of exploiting the crisis, noting that "
        "several conservative lawmakers opposed a new medical program for emergency workers.")
    said = sorted(e.event_type for e in events if e.family == "verbal")
    assert said == ["accusation", "rejection"], said


def test_a_denial_by_another_named_office_is_no_part_of_the_speakers_claim():
    from crossbearing.corpus.occasions import speaker_key

    mentions = annotate_text(
        "Last week, Rep. Paul Ryan dismissed the bishops' critique, claiming the letters did "
        "not represent all the bishops, a point the USCCB media office denied.").events
    keys = {m.text: speaker_key(m, "verbal") for m in mentions}
    assert "denied" in keys and keys["denied"] != keys.get("dismissed"), keys


@pytest.mark.parametrize("name, crowd", [
    ("Republicans", True),
    ("Democrats", True),
    ("Tea party organizers", True),
    ("Pro-Iran Iraqi lawmakers", True),
    ("Bernie Sanders", False),
    ("Sanders", False),  # a name that ends in "s"
    ("Harris", False),
    ("Davis", False),
    ("Evans", False),
    ("Palestinians", True),
    ("Missourians", True),
    ("Hamas", False),
    ("Iraqis", True),
    ("Kata'ib Hezbollah", False),
    ("Islamic Resistance in Iraq", False),
])
def test_a_crowd_is_many_voices(name, crowd):
    from crossbearing.corpus.occasions import a_crowd

    assert a_crowd(name) is crowd


def test_a_crowds_sayings_in_one_report_are_not_one_statement():
    events = _merged(
        "That caused other Republicans to warn that they would block his nominee. Republicans "
        "have since criticized his position and pressured other Democrats to take a stand.")
    said = [e for e in events if e.family == "verbal" and e.event_type in ("threat",
                                                                           "accusation")]
    assert len(said) == 2, [(e.event_type, e.sources) for e in said]


def test_only_a_statement_told_in_the_lead_is_dated_by_its_report():
    from datetime import date

    from crossbearing.corpus.event_values import dated_by_reports

    text = "Governor Rick Perry criticized the administration's foreign aid policy."
    [event] = [e for e in _merged(text) if e.family == "verbal"]
    published = {"a0": date(2011, 12, 7)}
    sentence_of = lambda key: (0, len(text))  # noqa: E731
    lead = dated_by_reports(event, published, {"a0": "A0"}, sentence_of, lambda key: True)
    # A report tells the day's statement or the day before's; a weekend's or next morning's
    # edition one two days old (a Sunday report of Friday's call).
    assert (lead.date_start, lead.date_end, lead.date_precision) == (
        "2011-12-05", "2011-12-07", "week")
    background = dated_by_reports(event, published, {"a0": "A0"}, sentence_of,
                                  lambda key: False)
    assert background.date_start is None


def _reports(*texts, lead=False, days=None):
    """One-sentence reports ``a0``, ``a1`` … of one story, each sentence in its report's lead or
    not, with publication ``days`` (ISO) where given."""
    from datetime import date

    results = [annotate_text(text, day) for text, day in zip(texts, days or [None] * len(texts))]
    ids = [f"a{i}" for i in range(len(texts))]
    mentions = [replace(m, article_id=a) for a, r in zip(ids, results) for m in r.events]
    dates = {a: date.fromisoformat(d) if d else None for a, d in zip(ids, days or [None] * len(ids))}
    words = {(a, t.start): t.text for a, r in zip(ids, results) for t in r.times}
    return merge_events(mentions, {a: "s" for a in ids}, {a: a.upper() for a in ids},
                        time_texts=words, dates=dates, in_lead=lambda key: lead)


def _sources(events, kind):
    return sorted(sorted({a for a, _ in e.sources}) for e in events if e.event_type == kind)


DISMISSED = "Representative Anthony Weiner dismissed the episode as a prank."
DENIED = "Representative Anthony Weiner denied that he had sent the photograph."


def test_one_speakers_sayings_in_two_reports_need_a_sign_of_one_occasion():
    # Told further down two reports, with no day, channel or addressee in common: a speaker in
    # the news speaks on many occasions.
    assert _sources(_reports(DISMISSED, DENIED), "rejection") == [["a0"], ["a1"]]


def test_one_speakers_sayings_in_two_reports_leads_of_one_day_are_one_occasion():
    assert _sources(_reports(DISMISSED, DENIED, lead=True, days=["2011-06-01", "2011-06-02"]),
                    "rejection") == [["a0", "a1"]]
    assert _sources(_reports(DISMISSED, DENIED, lead=True, days=["2011-06-01", "2011-06-04"]),
                    "rejection") == [["a0"], ["a1"]]


def test_one_speakers_sayings_on_one_named_day_are_one_occasion():
    texts = ("Representative Anthony Weiner on Wednesday dismissed the episode as a prank.",
             "Representative Anthony Weiner denied on Wednesday that he had sent the photograph.")
    assert _sources(_reports(*texts), "rejection") == [["a0", "a1"]]


def test_a_weeks_span_holds_many_occasions():
    texts = ("Earlier this week, Representative Anthony Weiner dismissed the episode as a prank.",
             "Representative Anthony Weiner denied on Wednesday that he had sent the photograph.")
    days = ["2011-06-03", "2011-06-03"]
    assert _sources(_reports(*texts, days=days), "rejection") == [["a0"], ["a1"]]


def test_one_act_announced_in_two_reports_is_one_occasion():
    events = _reports("Kata'ib Hezbollah announced the suspension of its operations against US "
                      "forces.", "Kata'ib Hezbollah said they were suspending attacks on Americans.")
    assert _sources(events, "suspension") == [["a0", "a1"]]


def test_a_question_the_report_puts_is_nobodys_saying():
    events = _merged(
        "The student asked if Representative Bob Etheridge supported the Obama agenda. "
        "Etheridge said he had been threatened before.")
    # Joined to Etheridge's statement, the question would be a part of what he said.
    [support] = [e for e in events if e.event_type == "support"]
    assert support.mode == "hypothetical" and support.mentions == 1


def test_a_saying_has_no_toll_of_its_own():
    # The toll is the air raid's, which ACLED counts; the threat kills no one.
    events = _merged("Iran threatened to shell Iraqi towns today in retaliation for an air raid "
                     "on the southern city of Susangerd where, it said, 100 people were killed.")
    [threat] = [e for e in events if e.event_type == "threat"]
    assert threat.fatalities is None and threat.values.fatalities == ()


def test_two_speakers_accusations_on_one_day_are_two_events():
    # A day and a kind of saying are no evidence alone: on one day many accuse many.
    events = _reports("Leaders of the country's largest civil rights organization accused tea "
                      "party activists on Tuesday of tolerating bigotry. St. Louis Tea Party "
                      "organizer Bill Hennessy wrote on the group's website Tuesday that the Tea "
                      "Party stands for smaller government, and accused the NAACP of abandoning "
                      "black America.", days=["2010-07-14"])
    assert _sources(events, "accusation") == [["a0"], ["a0"]]


def test_a_crowds_act_in_a_speakers_words_is_no_part_of_his_statement():
    events = _merged("President Obama called for reducing the corporate tax rate to 28 percent "
                     "in a compromise rebuffed by Republicans.")
    assert sorted((e.event_type, e.mentions) for e in events) == [
        ("demand", 1), ("rejection", 1)]


def test_talks_with_other_named_parties_are_other_talks():
    days = ["2010-12-09", "2010-12-09"]
    apart = _reports("On Wednesday the president held talks with President Bronislaw Komorowski "
                     "of Poland.", "On Wednesday the vice president held talks with Senator "
                     "Harry Reid.", days=days)
    assert _sources(apart, "consultation") == [["a0"], ["a1"]]
    together = _reports("On Wednesday President Obama and Speaker John Boehner met at the White "
                        "House.", "On Wednesday the president held talks with Speaker John "
                        "Boehner.", days=days)
    assert _sources(together, "consultation") == [["a0", "a1"]]


def test_two_speakers_named_by_one_word_are_two():
    events = _merged(
        "In brief remarks after meeting with President Anna Lind of Sweden, Mr. Obama on "
        "Wednesday disputed the report.",
        "Vice President Biden traveled to the Capitol on Wednesday for a private meeting with "
        "House Democrats.")
    meetings = [e for e in events if e.event_type == "consultation"]
    assert len(meetings) == 2, [(e.sources) for e in meetings]


def test_a_party_member_by_its_label_is_no_speakers_name():
    from crossbearing.corpus.event_items import _one_name

    assert _one_name("Obama") and _one_name("Biden")
    assert not _one_name("Republican") and not _one_name("Iraqi")
