"""Topics: stories grouped by what they are about, a layer above stories.

A story is the reports of one event; a topic is the stories of one subject as it develops over
days or weeks (a debate's run-up, the debate and its polls; a company's layoffs and the inquiry
into it). Stories stay as they are: the topic layer only groups them, so it cannot blur the
event-level stories that the rest of the pipeline reads.

Each story becomes one pseudo-article: its members' term counts summed, their lead terms and
headline terms together, the day it began (none when undated). These are clustered with the same
machinery as articles (:func:`~crossbearing.corpus.stories.cluster`: BM25 weights over the
collection of stories, average linkage, the core check against chaining, consolidation), with
:data:`TOPIC_PARAMS`: a lower ``threshold`` (0.08: at the article level, about the 99th
percentile of the scores of different-story pairs on the development sets, so topic-mates that
share vocabulary join while what shares only the campaign's or the beat's common words does not)
and a longer time scale (``sigma_days`` 10: a subject runs for weeks, an event for days).
A story's summed counts are saturated like an article's (BM25's k1), so a story of nine reports
does not outweigh one of a single report.

Measured (``benchmarks/eval_stories.py``, pairwise figures of "same topic" against the gold
stories, so recall is the point): with dates, BASIL's 30 events make 28 topics (recall 1.000,
precision 0.833) and PolNeAR's 79 stories 67 topics, with 20% of its gold-story pairs in one topic
(9% in one story); at 0.06 to 0.12 the topics change gradually (PolNeAR recall 0.22 to 0.09).

The result is independent of the order of the stories, and deterministic; a topic's id is
``topic-`` and the id of its earliest story (the story ids carry the prefix ``story-``, dropped).

Pure: no database access.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from crossbearing.corpus.stories import ArticleFeatures, Story, StoryParams, cluster
from crossbearing.ids import STORY_PREFIX

__all__ = ["TOPIC_PARAMS", "TOPIC_PREFIX", "Topic", "story_item", "topic_map", "topics"]

#: Every topic id starts with this.
TOPIC_PREFIX = "topic-"
#: Clustering parameters for stories into topics (see the module notes).
TOPIC_PARAMS = StoryParams(threshold=0.08, sigma_days=10.0)


@dataclass(frozen=True)
class Topic:
    """A topic: its id, its stories (ids, in the order they joined) and its most central
    headline (None when no story has one)."""

    id: str
    stories: tuple[str, ...]
    title: str | None


def story_item(story: Story, members: Sequence[ArticleFeatures]) -> ArticleFeatures:
    """A story as one pseudo-article: its members' counts summed (occasion keys at their highest
    weight), their lead and headline terms together, its headline and its first day."""
    terms: Counter = Counter()
    title_terms: dict[str, int] = {}
    lead: set[str] = set()
    occasions: dict[str, float] = {}
    for member in members:
        terms.update(member.terms)
        title_terms.update(member.title_terms)
        lead.update(member.lead)
        for key, weight in member.occasions:
            occasions[key] = max(occasions.get(key, 0.0), weight)
    return ArticleFeatures(story.id, story.first, story.title, dict(terms), title_terms,
                           tuple(sorted(lead)), tuple(sorted(occasions.items())))


def topics(items: Iterable[ArticleFeatures], stories: Iterable[Story],
           params: StoryParams = TOPIC_PARAMS) -> list[Topic]:
    """The topics of ``stories`` (as :func:`~crossbearing.corpus.stories.cluster` gives them for
    ``items``), each story in exactly one topic; in the order the topics were started."""
    by_id = {item.article_id: item for item in items}
    stories = list(stories)
    pseudo = [story_item(s, [by_id[m] for m in s.members if m in by_id]) for s in stories]
    grouped = cluster(pseudo, params)
    result = []
    for group in grouped:
        first = group.members[0]
        result.append(Topic(TOPIC_PREFIX + first.removeprefix(STORY_PREFIX),
                            tuple(group.members), group.title))
    return result


def topic_map(found: Iterable[Topic]) -> dict[str, str]:
    """Story id -> topic id."""
    return {story: topic.id for topic in found for story in topic.stories}
