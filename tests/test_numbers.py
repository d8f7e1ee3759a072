"""Counts and amounts: values, hedges, what is counted, time and place scopes, speakers, what is
not a count, and the claims the five sample reports make."""

import math

import pytest
from conftest import annotate_text, make_article

from crossbearing.annotate.nlp import pipeline
from crossbearing.annotate.numbers import interval, numeric_facts, unit_of
from crossbearing.annotate.numbers_find import find_numbers
from crossbearing.annotate.times import time_mentions
from crossbearing.model import NumericFact, Quote


def article(text, published="2024-02-09", article_id="a1"):
    return make_article(text, published, article_id)


def facts_in(text, quotes=()):
    doc = pipeline()(text)
    return numeric_facts(doc, "a1", time_mentions(doc, article(text)), list(quotes))


def by_text(text, quotes=()):
    return {f.text: f for f in facts_in(text, quotes)}


def one(text, quotes=()):
    [fact] = facts_in(text, quotes)
    return fact


# --- values --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, phrase, low, high", [
    ("The alliance keeps 2,500 soldiers there.", "2,500", 2500, 2500),
    ("The agency counted 1.5 million refugees.", "1.5 million", 1.5e6, 1.5e6),
    ("Donors pledged $5 million for the camps.", "$5 million", 5e6, 5e6),
    ("The bloc pledged €5m for the camps.", "€5m", 5e6, 5e6),
    ("London pledged £2bn for the camps.", "£2bn", 2e9, 2e9),
    ("Three people were hurt.", "Three", 3, 3),
    ("Twenty-five officers resigned.", "Twenty-five", 25, 25),
    ("Two hundred families fled.", "Two hundred", 200, 200),
    ("One hundred and fifty families fled.", "One hundred and fifty", 150, 150),
    ("A dozen villages were shelled.", "A dozen", 12, 12),
    ("Half a dozen villages were shelled.", "Half a dozen", 6, 6),
    ("Dozens of protesters were arrested.", "Dozens", 24, 99),
    ("Hundreds of families fled.", "Hundreds", 200, 999),
    ("Scores of homes were destroyed.", "Scores", 40, 199),
    ("Tens of thousands of people marched.", "Tens of thousands", 20_000, 99_999),
    ("A handful of lawmakers objected.", "A handful", 2, 5),
    ("The toll was put at 12,345,678 votes.", "12,345,678", 12_345_678, 12_345_678),
])
def test_exact_and_vague_values(text, phrase, low, high):
    fact = by_text(text)[phrase]
    assert (fact.low, fact.high) == (low, high)
    assert text[fact.start:fact.end] == fact.text == phrase


@pytest.mark.parametrize("text, phrase, low, high, counted", [
    ("Between 10 and 15 people were wounded.", "Between 10 and 15", 10, 15, "people wounded"),
    ("Officials said 10 to 15 people fled.", "10 to 15", 10, 15, "people"),
    ("Officials said 10-15 people fled.", "10-15", 10, 15, "people"),
    ("Some two or three thousand fighters moved.", "Some two or three thousand", 2000, 3000,
     "fighters"),
    ("The war displaced 10 to 15 million people.", "10 to 15 million", 10e6, 15e6,
     "people displaced"),
])
def test_ranges(text, phrase, low, high, counted):
    fact = by_text(text)[phrase]
    assert (fact.low, fact.high, fact.counted) == (low, high, counted)


def test_a_change_is_not_a_range_but_both_ends_are_the_toll():
    facts = facts_in("The death toll rose from 10 to 15 on Tuesday.")
    assert [(f.low, f.high, f.counted) for f in facts] == [(10, 10, "death toll"),
                                                          (15, 15, "death toll")]


# --- hedges --------------------------------------------------------------------------------------
@pytest.mark.parametrize("written, normalised", [
    ("at least", "at least"), ("more than", "more than"), ("over", "more than"),
    ("upwards of", "more than"), ("nearly", "nearly"), ("almost", "nearly"), ("about", "about"),
    ("around", "about"), ("approximately", "about"), ("some", "about"), ("roughly", "about"),
    ("up to", "up to"), ("fewer than", "fewer than"), ("less than", "fewer than"),
    ("no more than", "at most"),
])
def test_hedges_are_normalised_and_leave_the_bounds_as_written(written, normalised):
    fact = one(f"Officials said {written} 40 soldiers were wounded.")
    assert fact.hedge == normalised
    assert fact.text == f"{written} 40"
    assert fact.low == fact.high == 40


def test_hedges_on_vague_quantities_and_plus_signs():
    facts = by_text("More than a dozen villages and 160-plus homes were hit.")
    assert facts["More than a dozen"].hedge == "more than"
    assert facts["More than a dozen"].low == 12
    assert facts["160-plus"].hedge == "more than" and facts["160-plus"].low == 160
    fact = one("Officials said 16 or more people died.")
    assert (fact.text, fact.hedge, fact.low, fact.high) == ("16 or more", "at least", 16, 16)


def test_interval_folds_the_hedge_in():
    def fact(low, high, hedge):
        return NumericFact("a", 0, 1, "x", low, high, hedge, None, None, None, None, None)
    assert interval(fact(16, 16, "at least")) == (16, math.inf)
    assert interval(fact(10, 10, "up to")) == (0, 10)
    assert interval(fact(2500, 2500, "about")) == pytest.approx((2250, 2750))
    assert interval(fact(24, 99, None)) == (24, 99)
    # "over 160" and "over 165" are compatible claims
    low_a, high_a = interval(fact(160, 160, "more than"))
    low_b, high_b = interval(fact(165, 165, "more than"))
    assert max(low_a, low_b) <= min(high_a, high_b)


def test_units():
    facts = by_text("Turnout rose to 7.5 percent as 60% of voters backed a $5 million plan "
                    "and 3 million dollars more.")
    assert unit_of(facts["7.5 percent"]) == unit_of(facts["60%"]) == "%"
    assert facts["60%"].counted == "voters"
    assert facts["7.5 percent"].counted == "Turnout"
    assert unit_of(facts["$5 million"]) == unit_of(facts["3 million"]) == "USD"


# --- what is counted -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, counted, span_text", [
    ("Monitors logged the nearly 90 raids on French convoys.", "raids on French convoys",
     "raids on French convoys"),
    ("The border has seen over 40 rocket attacks targeting Turkish posts.",
     "rocket attacks targeting Turkish posts", "rocket attacks targeting Turkish posts"),
    ("A blast claimed the lives of four Dutch army engineers.", "Dutch army engineers killed",
     "Dutch army engineers"),
    ("Last week, at least 12 Malians were killed in shelling.", "Malians killed", "Malians"),
    ("The shell struck a bus, killing five passengers.", "passengers killed", "passengers"),
    ("Two senior Wagner commanders lost their lives in the crash.",
     "senior Wagner commanders killed", "senior Wagner commanders"),
    ("Police said 16 of the victims were arrested.", "victims arrested", "victims"),
    ("Police said 200 people died.", "people died", "people"),
    ("The death toll stands at 20.", "death toll", "death toll"),
    ("The raid left at least 16 dead.", "dead", "dead"),
])
def test_what_is_counted(text, counted, span_text):
    fact = one(text)
    assert fact.counted == counted
    assert text[slice(*fact.counted_span)] == span_text


def test_a_bare_toll_keeps_its_predicate():
    fact = one("The drone hit the car, killing three.")
    assert fact.counted == "killed" and fact.counted_span is None


# --- scopes --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, time_scope, place_scope", [
    ("Paris reported more than 70 raids on its convoys in Mali, Niger and Chad since Aug. 3.",
     "since Aug. 3", "in Mali, Niger and Chad"),
    ("Ankara has recorded over 40 strikes targeting its posts in Syria and Iraq since "
     "mid-March.", "since mid-March", "in Syria and Iraq"),
    ("Since 2019, Berlin has kept roughly 1,100 soldiers in Lithuania.", "Since 2019",
     "in Lithuania"),
    ("Late last month, at least 12 Malians were killed in heavy shelling.", "Late last month",
     None),
    ("Militias have launched dozens of attacks across the region.", None, "across the region"),
])
def test_time_and_place_scopes(text, time_scope, place_scope):
    fact = one(text)
    assert (fact.time_scope, fact.place_scope) == (time_scope, place_scope)


def test_a_place_inside_another_noun_phrase_is_not_the_scope():
    fact = one("At least 12 Malians were killed in raids that followed the ambush on the "
               "camp in Niger.")
    assert fact.place_scope is None and fact.counted == "Malians killed"


# --- speakers ------------------------------------------------------------------------------------
def test_a_number_inside_a_quote_gets_the_speaker():
    text = '"We lost 12 fighters," the commander said. The army said 30 soldiers were hurt.'
    content = (1, text.index(',"'))
    quote = Quote("a1", (content,), None, None, "the commander", None, None, "the commander",
                  "direct")
    facts = by_text(text, [quote])
    assert facts["12"].speaker == "the commander"
    assert facts["30"].speaker is None
    named = Quote("a1", (content,), None, None, "he", "actor:x", "Akram al-Kaabi", None, "direct")
    assert by_text(text, [named])["12"].speaker == "Akram al-Kaabi"


# --- what is not a count -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The drone hit Tower 22 on Sunday.",
    "After the Gate 7 incident, officials met.",
    "The F-16 jets flew low.",
    "The council passed Resolution 2334 unanimously.",
    "Officials referred to No. 5 on the list.",
    "The raid came on Oct. 17 and another on January 28.",
    "The war began in 2011 and the 2014 offensive followed.",
    "He was the first commander and the 2nd to die.",
    "A man aged 25 and a 30-year-old woman were detained.",
    "The talks lasted three days.",
    "The strike hit at 19:00, and a second at 9 p.m.",
    "The match ended 3-1.",
    "One of them said no one else was there.",
    "The wall was 5m high.",
    "Fri Feb 9 19:00:40 EST 2024",
])
def test_not_counts(text):
    assert facts_in(text) == []


def test_a_determiner_subject_of_a_level_verb_counts_nothing():
    """"This is just another one": the number's subject is a lone determiner, no noun phrase; it
    is no count, and the article around it is annotated like any other."""
    text = ('A title\n"This is just another one, but a lot of families disagree politically," '
            "she said.")
    assert facts_in(text) == []
    result = annotate_text(text)
    assert result.numbers == ()
    assert [q.speaker_text for q in result.quotes] == ["she"]


def test_list_numbers_are_not_counts():
    facts = facts_in("Demands:\n1. Withdrawal of 2,500 soldiers\n2. An end to raids")
    assert [f.text for f in facts] == ["2,500"]


def test_numbers_inside_time_mentions_are_not_counts_but_the_rest_are():
    facts = facts_in("Since May 9 last year, 3 commanders have been killed.")
    assert [(f.text, f.counted) for f in facts] == [("3", "commanders killed")]


def test_find_numbers_reads_text_alone():
    found = [(n.low, n.high, n.hedge) for n in find_numbers(
        "at least 16, F-16, 19:00, 2nd, between 10 and 15, over 160, 3-1, $2bn, 5m")]
    assert found == [(16, 16, "at least"), (10, 15, None), (160, 160, "more than"),
                     (2e9, 2e9, None)]


# --- the sample reports --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_facts(seed_articles):
    """Facts of each sample report, keyed by its three-digit seed number."""
    articles = seed_articles
    facts = {}
    for a, doc in zip(articles, pipeline().pipe(a.text for a in articles)):
        facts[a.source_path.rsplit("/", 1)[-1][:3]] = (
            a, numeric_facts(doc, a.id, time_mentions(doc, a), []))
    return facts


def _find(facts, low):
    return [f for f in facts if f.low == low]


def test_seed_003_over_160_attacks_since_oct_17(seed_facts):
    [fact] = _find(seed_facts["003"][1], 160)
    assert fact.text == "over 160" and fact.hedge == "more than" and fact.high == 160
    assert fact.counted == "attacks on US forces"
    assert fact.time_scope == "since Oct. 17"
    assert fact.place_scope == "in Iraq, Syria and Jordan"


def test_seed_004_over_165_attacks_since_mid_october(seed_facts):
    [fact] = _find(seed_facts["004"][1], 165)
    assert fact.text == "over 165" and fact.hedge == "more than"
    assert fact.counted.startswith("attacks") and "US troops" in fact.counted
    assert fact.time_scope == "since mid-October"
    assert fact.place_scope == "in Iraq and Syria"


def test_both_outlets_claims_about_attacks_line_up(seed_facts):
    [a] = _find(seed_facts["003"][1], 160)
    [b] = _find(seed_facts["004"][1], 165)
    assert a.hedge == b.hedge and a.counted.split()[0] == b.counted.split()[0] == "attacks"
    assert max(interval(a)[0], interval(b)[0]) <= min(interval(a)[1], interval(b)[1])


@pytest.mark.parametrize("seed, hedge, time_scope", [
    ("000", None, None), ("002", None, None), ("004", "about", "Since 2014")])
def test_2500_troops_in_three_seeds(seed_facts, seed, hedge, time_scope):
    [fact] = _find(seed_facts[seed][1], 2500)
    assert (fact.counted, fact.place_scope, fact.hedge) == ("troops", "in Iraq", hedge)
    assert fact.time_scope == time_scope


@pytest.mark.parametrize("seed, time_scope", [("000", "Early this month"),
                                              ("002", "Earlier this month")])
def test_at_least_16_iraqis_killed(seed_facts, seed, time_scope):
    [fact] = _find(seed_facts[seed][1], 16)
    assert (fact.text, fact.hedge, fact.counted) == ("at least 16", "at least", "Iraqis killed")
    assert fact.time_scope == time_scope


def test_three_people_killed_and_three_us_personnel(seed_facts):
    threes = _find(seed_facts["000"][1], 3)
    assert threes and all(f.counted == "people killed" for f in threes)
    [personnel] = _find(seed_facts["004"][1], 3)
    assert personnel.counted == "US military personnel killed"
    assert personnel.place_scope == "in Jordan"


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_no_count_from_names_dates_and_years(seed_facts, seed):
    article, facts = seed_facts[seed]
    spans = [article.text[f.start:f.end] for f in facts]
    for phrase in ("Tower 22", "Oct. 17", "2014", "January 28", "February 7", "October 7",
                   "2011", "February 8, 2024"):
        at = article.text.find(phrase)
        while at >= 0:
            assert not any(f.start < at + len(phrase) and at < f.end for f in facts), spans
            at = article.text.find(phrase, at + 1)
    assert all(f.low not in (22, 17, 28, 2014, 2011) for f in facts)
