"""Story ids that last: a story keeps its id as articles join or leave it, a merged story's old
id redirects (store, CLI and web), and a unique prefix of a story id works wherever an id does."""

import pytest
from click.testing import CliRunner
from test_stories import STRIKE, VISIT

from crossbearing import ingest_files
from crossbearing.cli import cli
from crossbearing.corpus.run import run_corpus
from crossbearing.corpus.stories import Story
from crossbearing.corpus.story_ids import assign_ids
from crossbearing.errors import NotFound, UsageError
from crossbearing.store import open_store

testclient = pytest.importorskip("fastapi.testclient")
from crossbearing.web import create_app  # noqa: E402


def story(*members):
    """A story as a fresh clustering gives it: ``story-<first member>``."""
    return Story("story-" + members[0], tuple(members), None, None, None)


def ids(stories):
    return {s.id: s.members for s in stories}


def test_a_story_keeps_its_id_when_articles_join_it():
    stored = {"story-bb": ["bb", "cc"]}
    stories, redirects = assign_ids([story("aa", "bb", "cc"), story("dd")], stored)
    assert ids(stories) == {"story-bb": ("aa", "bb", "cc"), "story-dd": ("dd",)}
    assert redirects == {}


def test_a_story_keeps_its_id_when_an_article_leaves_it():
    stored = {"story-aa": ["aa", "bb", "cc"]}
    stories, redirects = assign_ids([story("bb", "cc"), story("dd", "aa")], stored)
    assert ids(stories) == {"story-aa": ("bb", "cc"), "story-dd": ("dd", "aa")}
    assert redirects == {}


def test_a_merge_keeps_the_larger_overlap_and_redirects_the_other():
    stored = {"story-aa": ["aa", "bb"], "story-cc": ["cc", "dd", "ee"]}
    stories, redirects = assign_ids([story("aa", "bb", "cc", "dd", "ee")], stored)
    assert ids(stories) == {"story-cc": ("aa", "bb", "cc", "dd", "ee")}
    assert redirects == {"story-aa": "story-cc"}


def test_ties_are_broken_the_same_way_whatever_the_order():
    for stored in ({"story-aa": ["aa"], "story-bb": ["bb"]},
                   {"story-bb": ["bb"], "story-aa": ["aa"]}):
        stories, redirects = assign_ids([story("bb", "aa")], stored)
        assert ids(stories) == {"story-aa": ("bb", "aa")}
        assert redirects == {"story-bb": "story-aa"}


def test_an_id_is_never_given_to_a_second_story():
    """The part of a split that keeps the old id is the larger one; the other part cannot take
    an id that was ever used, nor one that redirects."""
    stored = {"story-aa": ["aa", "bb", "cc"]}
    stories, _ = assign_ids([story("aa"), story("bb", "cc"), story("xx", "yy")], stored,
                            retired=["story-xx"])
    by_members = {s.members: s.id for s in stories}
    assert by_members[("bb", "cc")] == "story-aa"
    assert by_members[("xx", "yy")] == "story-yy"
    lone = by_members[("aa",)]
    assert lone not in {"story-aa", "story-xx"} and len(lone) == len("story-") + 16


def merge_two_stories(tmp_path_factory, db) -> dict:
    """Store two stories, then merge them: their articles, the old ids and the new."""
    folder = tmp_path_factory.mktemp("reports")
    for name, _, title, text in STRIKE[:2] + VISIT[:1]:
        (folder / f"{name}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    ingest_files([folder], db)
    with open_store(db) as store:
        a, b, c = sorted(article.id for article in store.articles.all())
        with store.transaction():
            store.corpus.replace_stories([story(a, b), story(c)], "test")
        stories, redirects = assign_ids([story(a, b, c)], store.corpus.story_memberships(),
                                        store.corpus.story_redirects())
        with store.transaction():
            store.corpus.replace_stories(stories, "test", redirects)
    return {"db": db, "old": "story-" + c, "new": "story-" + a, "articles": (a, b, c)}


@pytest.fixture
def merged(tmp_path_factory):
    return merge_two_stories(tmp_path_factory, tmp_path_factory.mktemp("db") / "merged.db")


def test_redirects_are_stored_alike_on_postgresql(tmp_path_factory, postgres_server):
    found = merge_two_stories(tmp_path_factory, postgres_server.create_database())
    with open_store(found["db"]) as store:
        assert store.corpus.resolve_story(found["old"][:10]) == found["new"]
        with store.transaction():
            store.corpus.replace_stories([Story("story-" + found["articles"][1], found["articles"],
                                                None, None, None)], "test",
                                         {found["new"]: "story-" + found["articles"][1]})
        assert set(store.corpus.story_redirects().values()) == {"story-" + found["articles"][1]}


def test_the_store_follows_redirects_and_prefixes(merged):
    with open_store(merged["db"]) as store:
        assert store.corpus.story_redirects() == {merged["old"]: merged["new"]}
        assert store.corpus.resolve_story(merged["old"]) == merged["new"]
        assert store.corpus.resolve_story(merged["new"]) == merged["new"]
        assert store.corpus.resolve_story(merged["new"][:12]) == merged["new"]
        assert store.corpus.resolve_story(merged["new"][6:14].upper()) == merged["new"]  # no "story-"
        assert store.corpus.resolve_story(merged["old"][:14]) == merged["new"]
        with pytest.raises(NotFound):
            store.corpus.resolve_story("story-ffffffffffffffff")
        with pytest.raises(UsageError):
            store.corpus.resolve_story("story-not-hex")
        with pytest.raises(UsageError):
            store.corpus.resolve_story("story-")


def test_an_ambiguous_prefix_is_refused(merged):
    """Two stories whose ids share a start: that start (with or without "story-") fits both
    and is refused as such, while one more digit picks one of them."""
    a, b, c = merged["articles"]
    first, second = "story-ab12" + "0" * 12, "story-ab34" + "0" * 12
    with open_store(merged["db"]) as store:
        with store.transaction():
            store.corpus.replace_stories([Story(first, (a,), None, None, None),
                                          Story(second, (b, c), None, None, None)], "test")
        for prefix in ("story-ab", "AB", "story-a"):
            with pytest.raises(UsageError, match="more than one story id starts with"):
                store.corpus.resolve_story(prefix)
        assert store.corpus.resolve_story("story-ab1") == first
        assert store.corpus.resolve_story("ab3") == second


def test_a_redirect_to_a_story_that_merges_again_leads_to_the_last(merged):
    """The merged story merges again and its id retires too: the first redirect now leads to
    the latest story, not to a retired id."""
    a, b, c = merged["articles"]
    latest = Story("story-" + b, (a, b, c), None, None, None)
    with open_store(merged["db"]) as store:
        with store.transaction():
            store.corpus.replace_stories([latest], "test", {merged["new"]: latest.id})
        assert store.corpus.story_redirects() == {merged["old"]: latest.id, merged["new"]: latest.id}
        assert store.corpus.resolve_story(merged["old"]) == latest.id


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_the_story_command_follows_a_redirect_and_takes_a_prefix(merged):
    result = run("story", merged["old"], "--db", merged["db"], "--json")
    assert result.exit_code == 0, result.output
    assert f'"id": "{merged["new"]}"' in result.stdout
    assert f"is now part of {merged['new']}" in result.stderr
    result = run("story", merged["new"][:10], "--db", merged["db"])
    assert result.exit_code == 0 and merged["new"] in result.stdout
    assert "is now part of" not in result.stderr
    assert run("story", "story-ffffffffffff", "--db", merged["db"]).exit_code == 2
    assert run("story", "nonsense!", "--db", merged["db"]).exit_code == 2


def test_the_web_app_redirects_old_ids_and_prefixes(merged):
    client = testclient.TestClient(create_app(str(merged["db"])))
    for path in ("/stories/", "/api/stories/"):
        response = client.get(path + merged["old"], params={"format": "json"},
                              follow_redirects=False)
        assert response.status_code == 307
        assert response.headers["location"] == f"{path}{merged['new']}?format=json"
        assert client.get(path + merged["old"]).status_code == 200
        prefix = client.get(path + merged["new"][:10], follow_redirects=False)
        assert prefix.headers["location"] == path + merged["new"]
        assert client.get(path + merged["new"]).status_code == 200
        assert client.get(path + "story-ffffffffffff").status_code == 404
    assert client.get("/api/stories/" + merged["old"]).json()["id"] == merged["new"]


def test_a_corpus_run_keeps_story_ids_as_reports_arrive(tmp_path_factory):
    """Through the corpus stage: a new report of an event joins its story, whose id stays."""
    folder = tmp_path_factory.mktemp("stream")
    db = tmp_path_factory.mktemp("db") / "stream.db"

    def ingest(rows):
        for name, _, title, text in rows:
            (folder / f"{name}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        ingest_files([folder], db)

    ingest([STRIKE[0], STRIKE[1], VISIT[0], VISIT[1]])
    with open_store(db) as store:
        run_corpus(store)
        before = store.corpus.story_memberships()
    assert sorted(map(len, before.values())) == [2, 2]
    ingest([STRIKE[2], VISIT[2]])
    with open_store(db) as store:
        run_corpus(store)
        after = store.corpus.story_memberships()
        assert store.corpus.story_redirects() == {}
    assert set(after) == set(before)
    assert all(set(before[s]) < set(after[s]) for s in before)
