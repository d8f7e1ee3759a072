"""The narrow reads the dossier, the exports and the framing use to go faster return what the
general reads they stand for return: one story as the list of stories gives it, where the event
mentions stand, the kinds of the quotes, and a quote group's member as ``dataclasses.asdict``
writes it."""

from __future__ import annotations

import dataclasses

from crossbearing.model_comparison import QuoteMember
from crossbearing.store import open_store


def test_one_story_is_read_as_the_list_reads_it(analysed_seeds):
    with open_store(analysed_seeds) as store:
        stories = store.corpus.stories()
        assert stories
        for story in stories:
            assert store.corpus.story(story.id) == story
        assert store.corpus.story("story-not-there") is None


def test_mention_sentences_are_where_the_mentions_stand(analysed_seeds):
    with open_store(analysed_seeds) as store:
        ids = [i for s in store.corpus.stories() for i in store.corpus.story_members(s.id)]
        mentions = store.events.event_mentions(ids)
        assert mentions
        assert store.events.mention_sentences(ids) == [
            (m.article_id, m.start, m.sentence_start, m.sentence_end) for m in mentions]


def test_quote_kinds_are_those_of_the_quotes(analysed_seeds):
    with open_store(analysed_seeds) as store:
        quotes = store.annotations.quotes()
        assert quotes
        ids = sorted({q.article_id for q in quotes})
        assert store.annotations.quote_kinds(ids) == {(q.article_id, q.start, q.end): q.kind
                                                      for q in quotes}


def test_a_quote_member_is_written_as_asdict_writes_it():
    member = QuoteMember("quote-1", "a1", 10, 40, ((10, 20), (25, 40)), "Outlet", "a … b",
                         "direct", "same", "he", "actor-1", "Him", None)
    expected = {**dataclasses.asdict(member), "content": [[10, 20], [25, 40]]}
    assert list(member.as_dict().items()) == list(expected.items())
