"""The passes of the story clusterer (corpus/stories.py) after articles are added one by one:
moving members to the story they fit best, then merging stories.

**Moving** (:func:`refine`). Adding articles one at a time commits early: the second article of
a day joins the first if their pair score reaches the threshold, though the pair may share only
topic words (two reports from one space agency about two moons: "moon", "scientists", "water",
the agency's name); the reports that come later of each event then find a story that is half
another event, fail the check against its core, and start stories of their own. One event ends
split, and the early pair stays merged. Single-pass clustering is known for this order effect;
the usual cure is a reallocation pass as in k-means: each core member (whose vector the story
keeps) is scored against its own story without it (average linkage over the other members) and
against the candidate stories near it in content and time (average linkage, the time decay, and
the check against the candidate's core, as when it was added); it moves when a candidate scores
at least the threshold and more than its own story. A member whose mean score to the rest of its
story is at least twice the threshold (``SETTLED``) is not looked at: it shares with its story
far more than topic words. A member that moves takes its vector (as the core keeps it: its
heaviest ``core_terms`` terms) from one story's sum to the other's; its lighter terms stay in the
sum it left, where they weigh little. The story it left keeps a core one member shorter (the
vectors of members beyond the core are not kept). Passes repeat over the stories that changed
until nothing moves (at most ``MAX_PASSES``). Only stories near each other in content and time
change; a story keeps its id (that of the article that started it) even when that article moves.

Cost: one dot product for each core member of a story of several; a look-up in the index and
the scoring of its candidates (as when an article is added) only for the members not settled;
then only the stories that changed. On ``stories_scale.py``'s streams of 20,000 articles: under
1% of the time of adding them (3% for the stream of small stories).

**Merging** (:func:`consolidate`). Stories whose mean pair score across them reaches the
threshold and whose cores are close one by one are merged, best pair first, until none is left:
a single pass favours what came first, and two halves of one story that started apart join here.
"""

from __future__ import annotations

import heapq
from typing import Any

from crossbearing.corpus.story_vectors import pack, unpack

#: A ``StoryClusterer`` and one of its stories (corpus/stories.py, which imports this module).
Clusterer = Any
Story = Any
__all__ = ["MAX_PASSES", "SETTLED", "consolidate", "refine"]

#: Passes of :func:`refine` at most (each over the stories the previous one changed).
MAX_PASSES = 4
#: A member whose mean score to the rest of its story is at least this many times the threshold
#: stays without a look at other stories: on the development sets no pair of reports of
#: different events scores that much (the highest: 0.18 and 0.16 against a threshold of 0.14).
SETTLED = 2.0


def refine(clusterer: Clusterer) -> int:
    """Move core members to the story they fit best (see the module notes); returns the moves."""
    todo = {i for i, s in enumerate(clusterer._stories) if len(s.members) > 1 and not s.merged}
    moves = 0
    for _ in range(MAX_PASSES):
        changed: set[int] = set()
        for index in sorted(todo):
            moves += _refine_story(clusterer, index, changed)
        todo = {i for i in changed if len(clusterer._stories[i].members) > 1}
        if not changed:
            break
    return moves


def _refine_story(clusterer: Clusterer, index: int, changed: set[int]) -> int:
    """Move the core members of story ``index`` that fit another story better (adding the
    stories changed to ``changed``); returns the moves."""
    story, moves, k = clusterer._stories[index], 0, 0
    while k < len(story.core) and len(story.members) > 1:
        target = _better_home(clusterer, index, k)
        if target is None:
            k += 1
            continue
        _move(clusterer, index, k, target)
        changed |= {index, target}
        moves += 1
    return moves


def _better_home(clusterer: Clusterer, index: int, k: int) -> int | None:
    """The story that core member ``k`` of story ``index`` fits better than its own, or None."""
    story, t = clusterer._stories[index], clusterer.params.threshold
    packed = story.core[k]
    vector, day = unpack(packed), story.core_days[k] or None
    own_share = sum(w * w for w in vector.values())  # its own part of the story's sum
    best = None
    with clusterer._spread(vector) as dot:
        own = (dot(story.total) - own_share) / (len(story.members) - 1)
        if own >= SETTLED * t:
            return None
        best_score = max(own, t - 1e-12)
        for other in clusterer._candidates(vector, day, day):
            partner = clusterer._stories[other]
            if other == index or partner.merged:
                continue
            score = dot(partner.total) / len(partner.members) * clusterer._decay(
                day, day, partner.first, partner.last)
            if score > best_score and clusterer._close_to_most(dot, partner.core):
                best, best_score = other, score
    return best


def _move(clusterer: Clusterer, index: int, k: int, target: int) -> None:
    """Move core member ``k`` of story ``index`` to story ``target``."""
    story, home = clusterer._stories[index], clusterer._stories[target]
    member, packed, day = story.core_ids.pop(k), story.core.pop(k), story.core_days.pop(k)
    position = story.members.index(member)
    del story.members[position]
    del story.days[position]
    total = unpack(story.total)
    for tid, w in zip(*packed):
        total[tid] = total.get(tid, 0.0) - w
    story.total = pack({t: w for t, w in total.items() if w > 1e-9}, "d")
    headline = story.headlines.pop(member, None)
    story.first, story.last = _span(story.days)
    clusterer._story_of[member] = target
    home.members.append(member)
    home.days.append(day)
    clusterer._add_to_total(home, unpack(packed))
    if len(home.core) < clusterer.params.core:
        home.core.append(packed)
        home.core_ids.append(member)
        home.core_days.append(day)
        if headline is not None:
            home.headlines[member] = headline
    clusterer._widen(home, day or None, day or None)
    clusterer._settle(index, story)
    clusterer._settle(target, home)


def _span(days) -> tuple[int | None, int | None]:
    dated = [d for d in days if d]
    return (min(dated), max(dated)) if dated else (None, None)


# -- merging -------------------------------------------------------------------------------------
def consolidate(clusterer: Clusterer) -> int:
    """Merge stories whose mean pair score across them reaches the threshold and whose core
    members are close to most of the other's core, best pair first, until none is left.
    The story started first absorbs the other (and keeps its id). Returns the merges."""
    stories = clusterer._stories
    heap: list[tuple[float, int, int, int, int]] = []
    for index, story in enumerate(stories):
        if not story.merged:
            _offer(clusterer, index, heap)
    merges = 0
    while heap:
        _, a, b, version_a, version_b = heapq.heappop(heap)
        first, second = stories[a], stories[b]
        if first.merged or second.merged:
            continue
        if (first.version, second.version) != (version_a, version_b):
            _offer(clusterer, a, heap)  # changed since scored: score it afresh
            continue
        if not _cores_close(clusterer, first, second):
            continue
        _absorb(clusterer, a, b)
        merges += 1
        _offer(clusterer, a, heap)
    return merges


def _offer(clusterer: Clusterer, index: int, heap: list) -> None:
    """Push the pairs of story ``index`` with its candidates that reach the threshold."""
    stories, t = clusterer._stories, clusterer.params.threshold
    story = stories[index]
    n = len(story.members)
    total = unpack(story.total)
    with clusterer._spread(total) as dot:
        for other in clusterer._candidates(total, story.first, story.last):
            partner = stories[other]
            if other == index or partner.merged:
                continue
            decay = clusterer._decay(story.first, story.last, partner.first, partner.last)
            if decay < t:
                continue
            score = dot(partner.total) / (n * len(partner.members)) * decay
            if score >= t:
                a, b = min(index, other), max(index, other)
                heapq.heappush(heap, (-score, a, b, stories[a].version, stories[b].version))


def _cores_close(clusterer: Clusterer, first: Story, second: Story) -> bool:
    """Whether each side's core members are, for at least half of them, close to most of the
    other side's core."""
    def most(side, other) -> bool:
        close = 0
        for packed in side:
            with clusterer._spread(unpack(packed)) as dot:
                close += clusterer._close_to_most(dot, other)
        return 2 * close > len(side)

    return most(first.core, second.core) and most(second.core, first.core)


def _absorb(clusterer: Clusterer, a: int, b: int) -> None:
    """Move story ``b``'s members into story ``a``."""
    story, gone = clusterer._stories[a], clusterer._stories[b]
    clusterer._unindex(gone, b)
    gone.merged = True
    for member in gone.members:
        clusterer._story_of[member] = a
    story.members.extend(gone.members)
    story.days.extend(gone.days)
    clusterer._add_to_total(story, unpack(gone.total))
    room = clusterer.params.core - len(story.core)
    story.core.extend(gone.core[:room])
    story.core_days.extend(gone.core_days[:room])
    for member in gone.core_ids[:room]:
        story.core_ids.append(member)
        if member in gone.headlines:
            story.headlines[member] = gone.headlines[member]
    clusterer._widen(story, gone.first, gone.last)
    clusterer._settle(a, story)


