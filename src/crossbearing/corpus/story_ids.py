"""Story ids that last: a story keeps its id when articles join it or leave it.

Stories are recomputed from all articles at every corpus run, so a fresh clustering knows
nothing of the ids it gave before. :func:`assign_ids` matches the new stories with the stored
ones by shared articles: every (stored, new) pair that shares articles is a candidate, taken
greedily from the largest overlap down (ties: stored id, then the new story's first article),
each stored id and each new story used once. A new story matched takes the stored id; a new
story left over is ``story-<its first article id>`` (the first member in the clustering's
canonical order: earliest date, then article id), or, when that id was used before, the next
member's. A stored id left over (its story merged into another, or lost its articles to others)
becomes a redirect to the new story holding most of its articles, so that links to it keep
working; links follow redirects (``store.corpus.resolve_story``). An id is never given to a
second story: ids in use, stored ids and redirect sources are all avoided.

Pure: no database access.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Mapping

from crossbearing.ids import STORY_PREFIX

if TYPE_CHECKING:
    from crossbearing.corpus.stories import Story



def assign_ids(stories: Iterable[Story], stored: Mapping[str, Iterable[str]],
               retired: Iterable[str] = ()) -> tuple[list[Story], dict[str, str]]:
    """The new stories with lasting ids, and the redirects (stored id -> new id) of the stored
    ids no new story keeps. ``stored`` maps each stored story id to its articles; ``retired``
    holds ids that redirect already (never given out again)."""
    stories = list(stories)
    story_of = {article: index for index, story in enumerate(stories) for article in story.members}
    overlaps: Counter = Counter()
    stored_members: dict[str, list[str]] = {}
    for old_id, members in stored.items():
        stored_members[old_id] = list(members)
        for article in stored_members[old_id]:
            if (index := story_of.get(article)) is not None:
                overlaps[old_id, index] += 1
    ids: dict[int, str] = {}
    kept: set[str] = set()
    ranked = sorted(overlaps.items(),
                    key=lambda item: (-item[1], item[0][0], stories[item[0][1]].members[0]))
    for (old_id, index), _ in ranked:
        if old_id not in kept and index not in ids:
            ids[index] = old_id
            kept.add(old_id)
    unavailable = set(stored) | set(retired)
    for index, story in enumerate(stories):
        if index not in ids:
            ids[index] = _fresh_id(story, unavailable)
            unavailable.add(ids[index])
    redirects = {}
    for old_id in sorted(set(stored) - kept):
        destinations = Counter(ids[story_of[a]] for a in stored_members[old_id] if a in story_of)
        if destinations:
            redirects[old_id] = min(destinations.items(), key=lambda d: (-d[1], d[0]))[0]
    return [replace(story, id=ids[index]) for index, story in enumerate(stories)], redirects


def _fresh_id(story: Story, unavailable: set[str]) -> str:
    """``story-<first member>``, or of the next member when that id is taken; as a last resort
    a hash of all members (never in practice: each article is in one story)."""
    for member in story.members:
        if (candidate := STORY_PREFIX + member) not in unavailable:
            return candidate
    digest = hashlib.sha256("\n".join(story.members).encode()).hexdigest()[:16]
    return STORY_PREFIX + digest
