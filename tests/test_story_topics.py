"""The topic layer: stories of one subject grouped, stories themselves left as they are."""

import random
from dataclasses import replace

import pytest
from test_stories import FLOOD, MAP, PLUMES, STRIKE, VISIT, by_prefix, make_article, with_nlp

from crossbearing.corpus.stories import cluster
from crossbearing.corpus.story_topics import TOPIC_PREFIX, story_item, topic_map, topics


@pytest.fixture(scope="module")
def news():
    return with_nlp([make_article(*row) for row in STRIKE + VISIT + FLOOD + PLUMES + MAP])


def topic_prefixes(stories, found):
    """Each topic as the sorted event names (id prefixes) of its articles."""
    members = {s.id: s.members for s in stories}
    return sorted(sorted({m.split("-")[0] for story in t.stories for m in members[story]})
                  for t in found)


def test_two_events_of_one_subject_are_two_stories_of_one_topic(news):
    for variant in (news, [replace(i, date=None) for i in news]):
        stories = cluster(variant)
        assert by_prefix(stories) == [["flood"], ["map"], ["plumes"], ["strike"], ["visit"]]
        found = topics(variant, stories)
        assert ["map", "plumes"] in topic_prefixes(stories, found)
        assert ["flood"] in topic_prefixes(stories, found)


def test_every_story_is_in_exactly_one_topic_whatever_the_order(news):
    stories = cluster(news)
    expected = None
    for seed in range(3):
        shuffled = list(stories)
        random.Random(seed).shuffle(shuffled)
        found = topics(reversed(news), shuffled)
        mapping = topic_map(found)
        assert sorted(mapping) == sorted(s.id for s in stories)
        assert all(t.id.startswith(TOPIC_PREFIX) for t in found)
        mine = sorted((t.id, sorted(t.stories)) for t in found)
        assert expected in (None, mine)
        expected = mine


def test_a_story_as_one_item_sums_its_members(news):
    stories = cluster(news)
    [floods] = [s for s in stories if s.members[0].startswith("flood")]
    members = [i for i in news if i.article_id in floods.members]
    item = story_item(floods, members)
    assert item.article_id == floods.id and item.date == floods.first
    term = next(iter(members[0].terms))
    assert item.terms[term] == sum(m.terms.get(term, 0) for m in members)
    assert set(item.lead) == {t for m in members for t in m.lead}
