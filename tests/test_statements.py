"""A statement's quotations as its reports (corpus/statements.py): a report that only quotes a
statement is one more source of it. Texts written for these tests; speakers from the bundled
knowledge base."""

from dataclasses import replace

from conftest import annotate_text

from crossbearing.corpus.events import merge_events
from crossbearing.corpus.statements import (
    officials_of,
    saying_times,
    voice_key,
    with_quoted_sources,
)
from crossbearing.model import Quote
from crossbearing.kb.actors import actor_base


def statements(*texts):
    """The events of invented reports of one story, with the quotations that report them."""
    results = [annotate_text(text) for text in texts]
    ids = [f"a{i}" for i in range(len(texts))]
    mentions = [replace(m, article_id=a) for a, r in zip(ids, results) for m in r.events]
    quotes = [replace(q, article_id=a) for a, r in zip(ids, results) for q in r.quotes]
    times = {a: [replace(t, article_id=a) for t in r.times] for a, r in zip(ids, results)}
    sentences = {a: r.sentences for a, r in zip(ids, results)}
    story = {a: "s" for a in ids}
    outlets = {a: a.upper() for a in ids}
    events = merge_events(mentions, story, outlets)

    def said_when(quote):
        [sentence] = [(x.start, x.end) for x in sentences[quote.article_id]
                      if x.start <= quote.told_at < x.end]
        return saying_times(quote, times[quote.article_id], sentence)

    return with_quoted_sources(events, mentions, quotes, story, dict(zip(ids, texts)).get,
                               outlets, said_when=said_when)


CONDEMNED = ("The Iraqi government condemned the American strike on Wednesday, saying repeated "
             "raids violate Iraqi sovereignty and endanger civilians.")


def test_a_spokesman_quoted_elsewhere_is_a_report_of_his_government_statement():
    events = statements(
        CONDEMNED,
        "Yahya Rasool said on Thursday that the repeated raids violate Iraqi sovereignty.")
    [condemnation] = [e for e in events if e.event_type == "accusation"]
    assert {a for a, _ in condemnation.sources} == {"a0", "a1"}
    assert condemnation.articles == 2 and condemnation.detail["outlets"] == ["A0", "A1"]


def test_a_quote_of_the_same_speaker_on_something_else_stays_apart():
    events = statements(
        CONDEMNED,
        "Yahya Rasool said the new airport terminal would open to travellers next spring.")
    [condemnation] = [e for e in events if e.event_type == "accusation"]
    assert {a for a, _ in condemnation.sources} == {"a0"}


def test_a_quote_of_another_speaker_stays_apart():
    events = statements(
        CONDEMNED,
        "Kata'ib Hezbollah said the repeated raids violate Iraqi sovereignty.")
    [condemnation] = [e for e in events if e.event_type == "accusation"]
    assert {a for a, _ in condemnation.sources} == {"a0"}


def test_a_spokesman_speaks_for_his_organisation_and_a_state_organ_for_its_state():
    actors = actor_base()
    assert voice_key("yahya-rasool", actors) == "state:IQ"
    assert voice_key("iraq-government", actors) == voice_key("iraq", actors) == "state:IQ"
    assert voice_key("kataib-hezbollah", actors) == "kataib-hezbollah"
    assert voice_key(None, actors) is None


def test_an_undated_statement_takes_the_day_its_quotation_was_said():
    events = statements(
        "The Iraqi government condemned the American strike, saying repeated raids violate "
        "Iraqi sovereignty and endanger civilians.",
        "On Thursday, Yahya Rasool said the repeated raids violate Iraqi sovereignty.")
    [condemnation] = [e for e in events if e.event_type == "accusation"]
    assert condemnation.date_start == "2024-02-08"  # the Thursday before Friday 9 February
    assert condemnation.values.date[0].note == "the date of a quotation's saying"


def test_a_time_inside_what_was_said_does_not_date_the_saying():
    events = statements(
        "The Iraqi government condemned the American strike, saying repeated raids violate "
        "Iraqi sovereignty and endanger civilians.",
        "Yahya Rasool said the repeated raids since 2011 violate Iraqi sovereignty.")
    [condemnation] = [e for e in events if e.event_type == "accusation"]
    assert condemnation.date_start is None


def test_a_quotation_where_another_event_is_reported_is_not_added_twice():
    said = ("Iraqi officials said repeated raids violate Iraqi sovereignty, and Kata'ib "
            "Hezbollah attacked a base in Anbar on Friday.")
    texts = {"a0": CONDEMNED, "a1": said}
    mentions = [replace(m, article_id=a) for a, text in texts.items()
                for m in annotate_text(text).events]
    story, outlets = {"a0": "s", "a1": "s"}, {"a0": "A0", "a1": "A1"}
    events = merge_events(mentions, story, outlets)
    [attack] = [e for e in events if e.family == "violent" and e.sources[0][0] == "a1"]
    words = said.index("repeated raids")
    # a quotation whose report begins where the attack's word stands: one source, one event
    quote = Quote("a1", ((words, words + 40),), None, None, "Iraqi officials", None, None,
                  "Iraqi officials", "indirect")
    moved = replace(quote, content=((attack.sources[0][1], words + 40),))
    for q in (quote, moved):
        quoted = with_quoted_sources(events, mentions, [q], story, texts.get, outlets)
        keys = [k for e in quoted for k in e.sources]
        assert len(keys) == len(set(keys))
    [condemnation] = [e for e in with_quoted_sources(events, mentions, [quote], story,
                                                     texts.get, outlets)
                      if e.event_type == "accusation"]
    assert ("a1", words) in condemnation.sources  # the officials' words report the statement


def test_officials_no_one_names_speak_for_their_state():
    actors = actor_base()
    assert officials_of("US officials", actors) == "state:US"
    assert officials_of("a US defense official", actors) == "state:US"
    assert officials_of("Iraqi officials", actors) == "state:IQ"
    assert officials_of("an official", actors) is None
    assert officials_of("Pro-Iran Iraqi lawmakers", actors) is None


def _occasions(*texts):
    """Events merged with the quotations' spans known (a time told outside what was quoted dates
    the saying)."""
    from crossbearing.corpus.run import in_quotation

    results = [annotate_text(text) for text in texts]
    ids = [f"a{i}" for i in range(len(texts))]
    mentions = [replace(m, article_id=a) for a, r in zip(ids, results) for m in r.events]
    quotes = [replace(q, article_id=a) for a, r in zip(ids, results) for q in r.quotes]
    return merge_events(mentions, {a: "s" for a in ids}, {a: a.upper() for a in ids},
                        quoted=in_quotation(quotes))


def test_a_statement_dated_apart_outside_its_quotation_is_another_occasion():
    events = _occasions(
        "Kata'ib Hezbollah issued a sharp rebuke to the United States on Friday, denouncing the "
        "recent airstrikes in the region. After the attack on the base, the United States vowed "
        "reprisals, prompting Kata'ib Hezbollah to announce the suspension of operations against "
        "US forces at the end of January.",
        "After US warnings that it would respond, Kata'ib Hezbollah said they were suspending "
        "attacks on Americans to give the Iraqi government a chance to negotiate.")
    [suspension] = [e for e in events if e.event_type == "suspension"]
    [rebuke] = [e for e in events if e.event_type == "accusation" and e.date_start == "2024-02-09"]
    # The undated saying joins the statement of its own act, dated at the end of January.
    assert {a for a, _ in suspension.sources} == {"a0", "a1"}
    assert suspension.date_start == "2024-01-21" and {a for a, _ in rebuke.sources} == {"a0"}


def test_a_time_inside_a_quotation_does_not_part_its_statement():
    events = _occasions(
        'The Islamic Resistance in Iraq said in a statement on Friday that "the occupiers fled '
        'before their defeat in 2011" and vowed to resume attacks on US forces.')
    said = [e for e in events if e.family == "verbal" or e.mode != "asserted"]
    assert len(said) == 1, [(e.event_type, e.date_start) for e in said]


def test_an_investigation_a_speaker_tells_of_is_no_part_of_the_speakers_statement():
    events = _occasions(
        "Republicans accused the agency of hiding documents. Republicans said the "
        "department had mishandled the investigation into the senator's accounts, and they "
        "met with the department's liaison on Tuesday.")
    types = sorted(e.event_type for e in events if e.sources)
    accusation = [e for e in events if e.event_type == "accusation"]
    # Merged into the statement, the investigation would take the accusation's type.
    assert accusation and "investigation" in types, types


def test_talks_a_speaker_announces_stay_part_of_the_statement():
    from crossbearing.corpus.occasions import speaker_key

    [talks] = [m for m in annotate_text(
        "The Iraqi government said it would resume talks with Washington on Sunday.").events
        if m.event_type == "consultation"]
    assert speaker_key(talks, "verbal") is not None
    [held] = [m for m in annotate_text(
        "Iraqi and American officials met in Baghdad on Sunday.").events
        if m.event_type == "consultation"]
    assert speaker_key(held, "verbal") is None
