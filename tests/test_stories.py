"""Story clustering: reports of one event are one story, different events on the same days with
the same actors or on the same topic are different stories, a story cannot chain, a round-up joins
at most its lead item's story, whatever the input order."""

import random
from dataclasses import replace

import pytest
from conftest import SAMPLE_CORPUS

from crossbearing import ingest_files
from crossbearing.annotate.entities import entity_mentions
from crossbearing.annotate.nlp import pipeline
from crossbearing.annotate.stage import lemma_counts
from crossbearing.corpus.stories import (
    ArticleFeatures,
    StoryClusterer,
    StoryParams,
    canonical_order,
    cluster,
    features,
    tokens,
)
from crossbearing.corpus.story_features import phrases
from crossbearing.model import Article, DateValue, NumericFact
from crossbearing.store import open_store

# Two events of the same day naming the same people and countries: a strike and a state visit.
STRIKE = [
    ("strike-lemonde", "2024-03-14",
     "French air traffic controllers strike, grounding flights to Germany",
     "Air traffic controllers across France walked off the job on Thursday, forcing airlines to "
     "cancel hundreds of flights, many of them to Germany. The controllers' union said the "
     "strike over staffing and pensions would last 24 hours. Passengers slept at Paris Charles "
     "de Gaulle as departure boards filled with cancellations. Emmanuel Macron called the "
     "walkout irresponsible, while Olaf Scholz said German travellers faced a difficult day. "
     "Airlines said the controllers' strike cost them millions and urged the union to return to "
     "talks on staffing at the control centres."),
    ("strike-dw", "2024-03-14", "Flights cancelled as controllers in France stop work",
     "A walkout by French air traffic controllers disrupted air travel between France and "
     "Germany on Thursday. Airlines scrapped hundreds of departures and warned of delays at "
     "airports in Frankfurt and Munich. The controllers' union blames chronic understaffing at "
     "control centres and a dispute over pensions. Olaf Scholz's spokesman said Berlin was "
     "following the disruption; Emmanuel Macron's office called on controllers to end the "
     "stoppage. Stranded passengers queued for hours for rebooking while the union said the "
     "strike would end on Friday morning."),
    ("strike-wire", "2024-03-15", "Controllers' strike strands passengers",
     "Thousands of passengers were stranded after air traffic controllers in France went on "
     "strike, the union confirmed, cancelling flights to Germany and across Europe. The union "
     "wants more staff at control centres and pension guarantees. Airlines said cancellations "
     "would continue until the controllers return. Emmanuel Macron condemned the strike and "
     "Olaf Scholz said he hoped flights would resume soon."),
]
VISIT = [
    ("visit-lemonde", "2024-03-14", "Scholz in Paris: Macron and the chancellor sign defence pact",
     "Olaf Scholz arrived in Paris on Thursday for a state visit, and with Emmanuel Macron he "
     "signed a pact on joint defence procurement between France and Germany. At a press "
     "conference at the Elysee Palace the two leaders pledged to build a common tank and to "
     "coordinate arms deliveries to Ukraine. Macron called the treaty a new chapter for Europe's "
     "defence industry; Scholz said the agreement showed the partnership was strong."),
    ("visit-dw", "2024-03-14", "Chancellor and president agree joint arms procurement",
     "Germany and France agreed to buy weapons together and develop a shared tank, Olaf Scholz "
     "and Emmanuel Macron announced during the chancellor's state visit to the French capital. "
     "The defence pact, signed at the Elysee, also covers ammunition for Ukraine. Scholz praised "
     "the treaty as proof of a strong partnership; Macron said European defence industry would "
     "benefit from common procurement."),
    ("visit-wire", "2024-03-15", "Franco-German defence treaty signed",
     "Emmanuel Macron and Olaf Scholz signed a treaty on common arms procurement during the "
     "German chancellor's state visit to Paris. The two leaders said the pact would lead to a "
     "joint tank programme and coordinated deliveries of ammunition to Ukraine, strengthening "
     "Europe's defence industry."),
]
FLOOD = [
    ("flood-nation", "2024-03-14", "Floods kill dozens in Kenya as rivers burst their banks",
     "Flash floods swept through villages in central Kenya after days of torrential rain, "
     "killing at least 40 people, the Kenya Red Cross said. Rescue teams used boats to reach "
     "families trapped on rooftops as the Tana river burst its banks. William Ruto ordered the "
     "army to help with evacuations and promised relief for farmers who lost crops and cattle."),
    ("flood-bbc", "2024-03-15", "Kenya floods: rescuers search for survivors",
     "Rescuers in Kenya searched flooded villages for survivors after the Tana river overflowed "
     "following torrential rain. The Kenya Red Cross put the death toll at 40 and said thousands "
     "had fled their homes. President William Ruto deployed soldiers and boats to evacuate "
     "trapped families, and farmers counted losses of crops and livestock."),
]
LATER = [
    ("strike-late", "2024-03-16", "Airlines count the cost of French controllers' walkout",
     "Airlines are still rebooking passengers after the strike by French air traffic "
     "controllers cancelled flights to Germany. The controllers' union said talks on staffing and "
     "pensions at control centres would resume next week. Emmanuel Macron and Olaf Scholz both "
     "urged a quick settlement."),
    ("flood-late", "2024-03-16", "Kenya flood death toll rises",
     "The death toll from floods in central Kenya rose to 52, the Kenya Red Cross said, as the "
     "Tana river receded and rescuers reached cut-off villages. William Ruto visited evacuation "
     "camps and promised aid to farmers."),
]


# One topic, one agency, one day, two events: plumes seen on one moon, a map of another.
PLUMES = [
    ("plumes-herald", "2024-05-02", "Probe sees water plumes erupting from moon Calyra",
     "The Meridian probe has photographed plumes of water vapour rising 180 kilometres above the "
     "icy moon Calyra, the Solar Exploration Agency said on Thursday. Mission scientists said "
     "the plumes vent from cracks near Calyra's south pole and point to an ocean under the ice. "
     "Lead scientist Ilse Varga called the plumes the clearest sign yet of liquid water on the "
     "moon. Meridian will fly through the plumes in August to sample the vapour."),
    ("plumes-wire", "2024-05-02", "Meridian finds geysers on Calyra",
     "Geysers of water vapour are erupting from the south pole of Calyra, images from the "
     "Meridian probe show. The plumes reach 180 kilometres above the surface, according to the "
     "Solar Exploration Agency, and suggest a salty ocean beneath the ice. Ilse Varga, who leads "
     "the Meridian science team, said the probe would sample the plumes during an August flyby."),
]
MAP = [
    ("map-herald", "2024-05-02", "First global map of Orvane shows methane lakes and dunes",
     "Scientists have published the first global map of Orvane, the hazy moon, stitched from "
     "radar sweeps by the Tessaly orbiter. The Solar Exploration Agency map shows methane lakes "
     "in the north, long dune fields along the equator and mountains of water ice. Planetary "
     "geologist Tomas Reyna said the map would guide the choice of a landing site for the "
     "Skylark lander."),
    ("map-wire", "2024-05-03", "Tessaly orbiter completes map of Orvane",
     "The Tessaly orbiter has mapped the whole surface of Orvane for the first time, the Solar "
     "Exploration Agency said. Radar data reveal methane lakes near the north pole, equatorial "
     "dunes and icy highlands. Tomas Reyna, a geologist on the team, said the Skylark lander's "
     "landing site would be chosen from the new map of Orvane's dunes and lakes."),
]
# A morning round-up: its lead item is the strike; its other items are other stories' news.
DIGEST = ("digest-briefing", "2024-03-15", "Morning briefing: controllers' strike grounds flights",
          "Air traffic controllers in France stayed off the job for a second day, and airlines "
          "cancelled hundreds more flights to Germany as the controllers' union pressed its "
          "demands on staffing and pensions at the control centres.\n\n"
          "Also today: the Kenya Red Cross said floods along the Tana river have killed 40 "
          "people.\n\n"
          "In Paris, Olaf Scholz and Emmanuel Macron signed a defence procurement pact.\n\n"
          "Markets: shares in carmakers rose after a strong quarter for exports.\n\n"
          "Sport: the national rugby side named a new captain before the spring tour.")


def make_article(article_id, date, title, text):
    return Article(
        id=article_id, text=text, title=title, outlet=None, outlet_source=None, url=None,
        domain=None, published=DateValue(date, "day", "test") if date else None, authors=(),
        language="en", language_score=1.0, analysable=True, skip_reason=None, external_id=None,
        source_path="test", locator="", format="text", text_sha256="", raw_sha256="")


def with_nlp(articles):
    """Features as the corpus stage gives them: the lemma counts and mentions the annotation
    stage stores, from one parse."""
    docs = pipeline().pipe(a.text for a in articles)
    return [features(a, lemma_counts(doc), entity_mentions(doc, a.id))
            for a, doc in zip(articles, docs)]


@pytest.fixture(scope="module")
def items():
    return with_nlp([make_article(*row) for row in STRIKE + VISIT + FLOOD])


@pytest.fixture(scope="module")
def later():
    return with_nlp([make_article(*row) for row in LATER])


def groups(stories):
    return sorted(sorted(s.members) for s in stories)


def by_prefix(stories):
    """Each story as the set of the event names (id prefixes) of its members."""
    return sorted(sorted({m.split("-")[0] for m in s.members}) for s in stories)


def test_features_are_lemmas_phrases_actors_numbers_lead_and_day(items):
    first = items[0]
    assert first.date == "2024-03-14" and first.title.startswith("French air traffic")
    assert first.terms["l:controller"] >= 3
    assert first.terms["p:air traffic"] >= 1 and first.terms["p:traffic controllers"] >= 1
    assert any(t.startswith("n:") and "macron" in t for t in first.terms)
    assert "p:air traffic" in first.lead and "l:controller" in first.lead
    assert "p:olaf scholz" not in first.lead  # named after the lead only
    assert first.title_terms["l:germany"] == 1 and "p:air traffic" in first.title_terms
    assert tokens("The G.O.P. and Obama's aides") == ["gop", "obama", "aides"]
    assert phrases("Lester Holt moderated. Trump spoke of the debate") == {
        "lester holt": 1, "holt moderated": 1, "trump spoke": 1}  # none across the full stop
    toll = NumericFact("x", 0, 2, "40", 40.0, 40.0, None, "people", None, None, None, None)
    article = make_article("x", None, None, "Forty people died.")
    assert features(article, numbers=[toll]).terms["#:40"] == 1
    assert "w:people" in features(article).terms  # without lemmas: word tokens


def test_same_days_same_actors_different_events_are_different_stories(items):
    stories = cluster(items)
    assert by_prefix(stories) == [["flood"], ["strike"], ["visit"]]
    assert groups(stories) == sorted(sorted(r[0] for r in rows) for rows in (STRIKE, VISIT, FLOOD))


def test_one_event_reported_in_different_words_is_one_story(items):
    strike = [i for i in items if i.article_id.startswith("strike")]
    [story] = cluster(strike)
    assert sorted(story.members) == sorted(r[0] for r in STRIKE)
    assert (story.first, story.last) == ("2024-03-14", "2024-03-15")
    assert story.id == "story-strike-dw"  # the first member: earliest date, then article id
    assert story.title in {r[2] for r in STRIKE}


def test_input_order_does_not_change_the_stories(items):
    reference = cluster(items)
    for seed in range(5):
        shuffled = list(items)
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled) == reference


def test_adding_articles_later_keeps_story_ids(items, later):
    clusterer = StoryClusterer()
    ordered = canonical_order(items)
    clusterer.count(ordered)
    before = {item.article_id: clusterer.add(item) for item in ordered}
    stories_before = {s.id for s in clusterer.stories()}
    after = {item.article_id: clusterer.add(item) for item in later}
    assert {s.id for s in clusterer.stories()} == stories_before
    assert all(clusterer.story_of(a) == story for a, story in before.items())
    assert after == {"strike-late": before["strike-dw"], "flood-late": before["flood-nation"]}
    assert clusterer.add(ordered[0]) == before[ordered[0].article_id]  # re-adding changes nothing


def test_new_reports_leave_the_other_stories_as_they_were(items, later):
    before = {s.id: s.members for s in cluster(items)}
    after = {s.id: s.members for s in cluster(items + later[1:])}  # a new flood report
    changed = {sid for sid in before if after.get(sid) != before[sid]}
    assert changed == {"story-flood-nation"}
    assert set(after["story-flood-nation"]) == set(before["story-flood-nation"]) | {"flood-late"}


def test_a_late_report_of_an_old_event_finds_its_story(items, later):
    """Added out of date order, after weeks of other news: the time index must still find it."""
    clusterer = StoryClusterer()
    clusterer.count(items + later)
    weeks_later = [replace(i, date="2024-04-30") for i in items if i.article_id.startswith("flood")]
    for item in canonical_order([i for i in items if i.article_id.startswith("strike")]) + \
            weeks_later:
        clusterer.add(item)
    assert clusterer.add(later[0]) == "story-strike-dw"
    assert clusterer.add(later[1]) == "story-flood-late"  # 16 March: too far from 30 April
    assert len(clusterer.stories()) == 3


def test_undated_articles_cluster_by_content(items):
    undated = [replace(item, date=None) for item in items]
    stories = cluster(undated)
    assert by_prefix(stories) == [["flood"], ["strike"], ["visit"]]
    assert all(s.first is None and s.last is None for s in stories)


def test_time_decay_separates_same_content_weeks_apart(items):
    strike = [i for i in items if i.article_id.startswith("strike")]
    moved = [replace(strike[2], date="2024-04-20")] + strike[:2]
    assert len(cluster(moved)) == 2
    assert len(cluster([replace(i, date=None) for i in moved])) == 1


def test_missing_evidence_is_not_counted_against(items):
    """No title, no lead and no actors: the article is scored on its body alone."""
    bare = [replace(i, title=None, title_terms={}, lead=(),
                    terms={t: n for t, n in i.terms.items() if not t.startswith("n:")})
            if i.article_id.endswith("wire") else i for i in items]
    assert by_prefix(cluster(bare)) == [["flood"], ["strike"], ["visit"]]


@pytest.fixture(scope="module")
def space():
    return with_nlp([make_article(*row) for row in PLUMES + MAP])


def test_two_events_of_one_topic_and_one_agency_stay_apart(space):
    for variant in (space, [replace(i, date=None) for i in space]):
        assert by_prefix(cluster(variant)) == [["map"], ["plumes"]]


def test_a_story_cannot_chain():
    """B shares half its terms with A and half with C; A and C share nothing: B may join A (or
    C), but A and C are never in one story, whatever the order."""
    def item(article_id, terms):
        return ArticleFeatures(article_id, "2024-01-01", None, {t: 2 for t in terms}, {})

    a = [f"a{i}" for i in range(6)]
    b = [f"b{i}" for i in range(6)]
    c = [f"c{i}" for i in range(6)]
    chain = [item("1-a", ["l:" + t for t in a + b]), item("2-b", ["l:" + t for t in b + c]),
             item("3-c", ["l:" + t for t in c]), item("4-x", ["l:" + t for t in a[:3] + b[:3]]),
             item("5-y", ["l:" + t for t in c[:3]])]
    params = StoryParams()
    clusterer = StoryClusterer(params)
    clusterer.count(chain)
    assert clusterer.similarity(chain[0], chain[1]) >= params.threshold
    assert clusterer.similarity(chain[1], chain[2]) >= params.threshold
    assert clusterer.similarity(chain[0], chain[2]) == 0.0
    for seed in range(4):
        shuffled = list(chain)
        random.Random(seed).shuffle(shuffled)
        for story in cluster(shuffled, params):
            assert not {"1-a", "3-c"} <= set(story.members)


def test_a_round_up_joins_at_most_the_story_of_its_lead_item(items):
    [digest] = with_nlp([make_article(*DIGEST)])
    stories = cluster(items + [digest])
    [home] = [s for s in stories if digest.article_id in s.members]
    assert by_prefix([home]) in ([["digest", "strike"]], [["digest"]])
    without = [replace(s, members=tuple(m for m in s.members if m != digest.article_id))
               for s in stories]
    assert by_prefix([s for s in without if s.members]) == [["flood"], ["strike"], ["visit"]]


def test_a_score_is_the_sum_a_walk_over_the_story_terms_gives():
    """An article is scored with its vector spread over an array by term id: every score must
    be, to the last bit, what adding the products term by term in the story's order gives, so
    that the stories do not depend on how scores are computed."""
    from array import array

    rng = random.Random(7)
    clusterer = StoryClusterer()
    terms = [clusterer._id(f"l:term{i}") for i in range(3000)]
    for _ in range(200):
        vector = {t: rng.random() for t in rng.sample(terms, rng.randint(0, 400))}
        story_terms = rng.sample(terms, rng.randint(0, 1000))
        with clusterer._spread(vector) as dot:
            for kind in ("d", "f"):  # a story's sum, a core member's vector
                packed = (array("l", story_terms),
                          array(kind, (rng.random() * 3 for _ in story_terms)))
                walk = sum(w * vector.get(t, 0.0) for t, w in zip(*packed))
                assert dot(packed) == walk
    with clusterer._spread({terms[0]: 1.0}):
        pass
    assert not clusterer._dense.any()  # nothing is left spread after the block


@pytest.fixture(scope="module")
def seed_items(tmp_path_factory):
    db = tmp_path_factory.mktemp("stories") / "seeds.db"
    ingest_files([SAMPLE_CORPUS], db)
    with open_store(db) as store:
        articles = store.articles.all()
    return with_nlp(articles)


def test_the_five_seed_reports_are_one_story(seed_items):
    assert len(seed_items) == 5
    # Four are dated to the day by the corpus's manifest (9 and 10 February 2024).
    assert sorted(i.date for i in seed_items if i.date) == ["2024-02-09"] * 3 + ["2024-02-10"]
    [story] = cluster(seed_items)
    assert sorted(story.members) == sorted(i.article_id for i in seed_items)
    assert (story.first, story.last) == ("2024-02-09", "2024-02-10")


def test_the_seeds_stay_one_story_among_other_stories(seed_items, items, later):
    stories = cluster(seed_items + items + later)
    seeds = {i.article_id for i in seed_items}
    [story] = [s for s in stories if seeds & set(s.members)]
    assert set(story.members) == seeds
    assert len(stories) == 4


def test_a_story_without_any_headline_is_titled_by_its_first_sentence():
    """The first sentence the annotation stage stored; for an article without stored sentences
    (not analysable), the text up to its first full stop."""
    from crossbearing.corpus.run import lead_title
    from crossbearing.model import Sentence

    talks = "Talks resumed in Basra on Monday. Officials said more would come."
    stored = [Sentence("a", 0, 0, 33), Sentence("a", 1, 34, len(talks))]
    for sentences in (stored, ()):
        assert lead_title(talks, sentences) == "Talks resumed in Basra on Monday."
    long = "The council of the northern province met again on Tuesday " * 4 + "and voted."
    for sentences in ([Sentence("b", 0, 0, len(long))], ()):
        title = lead_title(long, sentences)
        assert title.endswith("…") and len(title) <= 101 and not title[:-1].endswith(" ")
    assert lead_title("   ") is None
    # The stored boundary decides, where a full stop is no sentence's end ("St.").
    fire = "Firefighters were called to St. Mary's school in Leeds. Pupils were sent home."
    end = fire.index(" Pupils")
    assert lead_title(fire, [Sentence("c", 0, 0, end), Sentence("c", 1, end + 1, len(fire))]) == \
        "Firefighters were called to St. Mary's school in Leeds."
