"""The passes after adding: a member that joined a story early on thin evidence moves to the
story it fits best; with a busy day's other news around, two events of one topic stay apart."""

from dataclasses import replace

from test_stories import FLOOD, MAP, PLUMES, STRIKE, VISIT, by_prefix, make_article, with_nlp

from crossbearing.corpus.stories import ArticleFeatures, StoryClusterer, StoryParams, cluster


def item(article_id, terms, date="2024-05-02"):
    return ArticleFeatures(article_id, date, None, {t: 2 for t in terms}, {})


# Two events of one topic: each pair of reports shares its event's terms; the first report of
# each shares the topic's terms with the first of the other, and is added before its own mate.
TOPIC = [f"l:topic{i}" for i in range(2)]
EVENT_X = [f"l:x{i}" for i in range(8)]
EVENT_Y = [f"l:y{i}" for i in range(8)]
EARLY = [item("1-x", TOPIC + EVENT_X[:6]), item("2-y", TOPIC + EVENT_Y[:6]),
         item("3-x", EVENT_X), item("4-y", EVENT_Y)]
FILLER = [item(f"9-other{i}", [f"l:other{i}-{j}" for j in range(6)] + ["l:" + f"other{i + 1}-0"])
          for i in range(20)]


def test_an_early_join_on_topic_words_is_undone():
    items = EARLY + FILLER
    params = StoryParams()
    clusterer = StoryClusterer(params)
    clusterer.count(items)
    topic_pair = clusterer.similarity(EARLY[0], EARLY[1])
    assert params.threshold <= topic_pair < 2 * params.threshold
    assert clusterer.similarity(EARLY[0], EARLY[2]) > 2 * topic_pair
    for it in items:
        clusterer.add(it)
    assert clusterer.story_of("1-x") == clusterer.story_of("2-y")  # committed early
    assert clusterer.refine() >= 1
    clusterer.consolidate()
    assert by_prefix([s for s in clusterer.stories() if s.members[0][0] in "1234"]) == [
        ["1", "3"], ["2", "4"]]
    stories = {frozenset(s.members) for s in cluster(items)}
    assert {frozenset({"1-x", "3-x"}), frozenset({"2-y", "4-y"})} <= stories


def test_refine_moves_nothing_when_every_member_is_home():
    items = [item("a1", EVENT_X), item("a2", EVENT_X[:6]), item("b1", EVENT_Y),
             item("b2", EVENT_Y[2:])]
    clusterer = StoryClusterer()
    clusterer.count(items)
    for it in items:
        clusterer.add(it)
    assert clusterer.refine() == 0
    assert sorted(sorted(s.members) for s in clusterer.stories()) == [["a1", "a2"], ["b1", "b2"]]


def test_two_events_of_one_topic_stay_apart_among_the_days_other_news():
    """The space agency's two moons again, now with a strike, a state visit and floods around:
    their IDF is no longer that of four reports alone, and the first two reports of the day share
    enough topic words to reach the threshold."""
    news = with_nlp([make_article(*row) for row in STRIKE + VISIT + FLOOD + PLUMES + MAP])
    for variant in (news, [replace(i, date=None) for i in news]):
        assert by_prefix(cluster(variant)) == [["flood"], ["map"], ["plumes"], ["strike"],
                                               ["visit"]]
