"""The web app through FastAPI's test client: JSON twins, validation, search, corrections that
survive re-analysis, read-only mode, and a hostile article."""

import sqlite3

import pytest
from conftest import HOSTILE_TITLE

from crossbearing.corpus.run import run_corpus
from crossbearing.store import open_store
from crossbearing.store.search import fts_query, ts_query

testclient = pytest.importorskip("fastapi.testclient")
from crossbearing.web import create_app


def copy_db(source, target):
    """A private copy of a database, for tests that change it."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


@pytest.fixture
def seeds(analyzed_seeds, tmp_path):
    return copy_db(analyzed_seeds[0], tmp_path / "seeds.db")


@pytest.fixture
def client(seeds):
    return testclient.TestClient(create_app(str(seeds)))


def story_id(client):
    return client.get("/api/stories").json()["stories"][0]["id"]


def test_every_page_has_a_json_twin_equal_to_the_api(client):
    sid = story_id(client)
    article_id = client.get("/api/stories/" + sid).json()["article_ids"][0]
    entity_id = client.get("/api/entities?limit=1").json()[0]["entity_id"]
    for page, api in [("/", "/api/stories"), (f"/stories/{sid}", f"/api/stories/{sid}"),
                      (f"/articles/{article_id}", f"/api/articles/{article_id}"),
                      (f"/entities/{entity_id}", f"/api/entities/{entity_id}"),
                      ("/search?q=Baghdad", "/api/search?q=Baghdad")]:
        html = client.get(page)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
        assert "default-src 'none'" in html.headers["content-security-policy"]
        twin = client.get(page + ("&" if "?" in page else "?") + "format=json")
        assert twin.json() == client.get(api).json()
    assert client.get("/api/openapi.json").json()["paths"]["/api/search"]
    assert "/api/corrections" in client.get("/api/docs").text


def test_ids_and_parameters_are_validated_and_nothing_is_read_from_disk(client):
    assert client.get("/articles/not-an-id").status_code == 422
    assert client.get("/articles/ffffffffffffffff").status_code == 404
    assert client.get("/stories/story-..%2F..%2Fetc%2Fpasswd").status_code in (404, 422)
    assert client.get("/entities/..%2F..%2Fetc%2Fpasswd").status_code in (404, 422)
    assert client.get("/static/../../etc/passwd").status_code == 404
    assert client.get("/search?limit=0&q=x").status_code == 422
    assert client.get("/api/search?q=" + "x" * 201).status_code == 422


@pytest.mark.parametrize("query", ['"', "*", "NEAR(a b)", "title:x", "a OR",
                                   "'; DROP TABLE articles; --", "(((", "^x", "-x", "\u0000x"])
def test_search_takes_any_text_as_words(client, query, seeds):
    assert client.get("/api/search", params={"q": query}).status_code == 200
    with open_store(seeds) as store:
        assert store.count("articles") == 5


def test_fts_and_ts_queries_quote_every_word():
    assert fts_query('Kata"ib NEAR(x) title:y') == '"Kata" "ib" "NEAR" "x" "title" "y"*'
    assert fts_query("  ** ") is None and ts_query("!!") is None
    assert ts_query("drone strike") == "drone & strike:*"


def test_search_finds_articles_and_quotes_with_their_spans(client, seeds):
    hits = client.get("/api/search", params={"q": "Baghdad"}).json()["hits"]
    kinds = {h["kind"] for h in hits}
    assert kinds == {"article", "quote"}
    with open_store(seeds) as store:
        texts = {a.id: a.text for a in store.articles.all()}
    quote = next(h for h in hits if h["kind"] == "quote"
                 and "baghdad" not in (h["speaker"] or "").lower())
    matched = "".join(text for text, hit in quote["snippet"] if hit)
    assert matched.lower() == "baghdad"
    assert "baghdad" in texts[quote["article_id"]][quote["start"]:quote["end"]].lower()


def reuse_section(client):
    sections = client.get(f"/api/stories/{story_id(client)}").json()["sections"]
    return next(s for s in sections if s["key"] == "reuse")


def test_corrections_persist_after_the_corpus_stage_runs_again(client, seeds):
    entities = {e["entity_id"]: e for e in client.get("/api/entities?limit=1000").json()}
    source, into = "kataib-hezbollah", "islamic-resistance-in-iraq"
    assert source in entities and into in entities
    merged = client.post("/api/corrections", json={"kind": "merge-entities", "target": source,
                                                   "value": into, "note": "test"})
    assert merged.status_code == 201
    assert client.get(f"/api/entities/{source}").status_code == 404
    total = entities[source]["mentions"] + entities[into]["mentions"]
    assert client.get(f"/api/entities/{into}").json()["mentions"] == total
    passage = reuse_section(client)["passages"][0]
    assert client.post("/api/corrections", json={"kind": "not-reuse", "target": passage["key"],
                                                 "value": "not-reuse"}).status_code == 201
    with open_store(seeds) as store:  # re-analysis: the corpus stages recompute everything
        run_corpus(store)
    assert client.get(f"/api/entities/{source}").status_code == 404
    assert client.get(f"/api/entities/{into}").json()["mentions"] == total
    keys = [p["key"] for p in
            reuse_section(client)["passages"]]
    assert passage["key"] not in keys and keys


def test_split_and_event_corrections(client):
    entity = client.get("/api/entities/kataib-hezbollah").json()
    spelling = entity["spellings"][-1]
    response = client.post("/corrections", data={"kind": "split-entity",
                                                 "target": "kataib-hezbollah", "value": spelling},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/entities/kataib-hezbollah"
    assert spelling not in client.get("/api/entities/kataib-hezbollah").json()["spellings"]
    bad = {"kind": "split-entity", "target": "kataib-hezbollah", "value": "Nobody At All"}
    assert client.post("/api/corrections", json=bad).status_code == 422
    for decision in ("confirm", "reject"):
        event = {"kind": "event", "target": "event-1", "value": decision}
        assert client.post("/api/corrections", json=event).status_code == 201
    events = [c for c in client.get("/api/corrections").json() if c["kind"] == "event"]
    assert [(e["target"], e["value"]) for e in events] == [("event-1", "reject")]
    assert client.post("/api/corrections", json={**event, "value": "maybe"}).status_code == 422
    override_id = events[0]["override_id"]
    assert client.delete(f"/api/corrections/{override_id}").json() == {"removed": True}
    # a rejected event leaves the story's events
    story = story_id(client)
    def event_ids():
        page = client.get(f"/stories/{story}", params={"format": "json"}).json()
        section = next(s for s in page["sections"] if s["key"] == "events")
        return {e["id"] for e in section["events"]}
    strike = sorted(event_ids())[0]
    client.post("/api/corrections", json={"kind": "event", "target": strike, "value": "reject"})
    assert strike not in event_ids()
    assert client.delete(f"/api/corrections/{override_id}").status_code == 404


def test_read_only_and_cross_origin_writes_are_refused(seeds):
    read_only = testclient.TestClient(create_app(str(seeds), read_only=True))
    event = {"kind": "event", "target": "event-1", "value": "confirm"}
    assert read_only.post("/api/corrections", json=event).status_code == 403
    assert read_only.post("/corrections", data=event).status_code == 403
    assert "Merge into it" not in read_only.get("/entities/kataib-hezbollah").text
    writable = testclient.TestClient(create_app(str(seeds)))
    foreign = writable.post("/api/corrections", json=event,
                            headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403 and read_only.get("/api/corrections").json() == []


def test_hostile_article_is_escaped_in_the_web_app(hostile_db):
    client = testclient.TestClient(create_app(str(hostile_db[0]), read_only=True))
    pages = ["/", "/entities", "/search?q=raid", "/search?q=%3Cscript%3E"]
    pages += [f"/stories/{s['id']}" for s in client.get("/api/stories").json()["stories"]]
    with open_store(hostile_db[0]) as store:
        pages += [f"/articles/{a.id}" for a in store.articles.all()]
    for url in pages:
        html = client.get(url).text
        assert html.count("<script") == 1, url  # the page's own script only
        for payload in ("<img", "<b onmouseover", "<iframe", "<svg onload", "<style>body",
                        'href="javascript:', "<b>Outlet"):
            assert payload not in html, (url, payload)
    assert HOSTILE_TITLE not in client.get(pages[-1]).text


def test_a_loopback_server_answers_only_loopback_host_names(seeds):
    app = create_app(str(seeds), allowed_hosts=["127.0.0.1", "localhost"])
    assert testclient.TestClient(app, base_url="http://127.0.0.1:8000").get("/").status_code == 200
    rebound = testclient.TestClient(app, base_url="http://attacker.example")
    assert rebound.get("/api/stories").status_code == 400


@pytest.mark.slow  # a process of its own
def test_serve_command_listens_on_loopback_and_honours_read_only(seeds):
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    server = subprocess.Popen([sys.executable, "-c", "from crossbearing.cli import main; main()",
                               "serve", "--db", str(seeds), "--port", str(port), "--read-only"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(base + "/api/stories")
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, server.stderr.read()
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["stories"]
        event = {"kind": "event", "target": "event-1", "value": "confirm"}
        assert httpx.post(base + "/api/corrections", json=event).status_code == 403
        assert httpx.get(base + "/", headers={"Host": "attacker.example"}).status_code == 400
    finally:
        server.terminate()
        server.wait(10)


def test_story_page_shows_every_section_of_the_dossier(client):
    from crossbearing.views import STORY_SECTIONS

    sid = story_id(client)
    view = client.get(f"/stories/{sid}?format=json").json()
    assert [s["key"] for s in view["sections"]] == [key for key, _ in STORY_SECTIONS]
    html = client.get(f"/stories/{sid}").text
    for key, _ in STORY_SECTIONS:
        assert f'class="part part-{key}"' in html
    events = next(s for s in view["sections"] if s["key"] == "events")["events"]
    mention = events[0]["sources"][0]["mentions"][0]
    article_id = mention["article_id"]
    href = f'/articles/{article_id}#a-{article_id}-{mention["start"]}-{mention["end"]}'
    assert f'href="{href}"' in html  # a source on its article's page
    assert f'id="event-{events[0]["id"]}"' in html and f'href="#event-{events[0]["id"]}"' in html


@pytest.mark.slow
def test_the_web_app_over_a_shared_postgresql_database(postgres_server):
    from conftest import SAMPLE_CORPUS

    from crossbearing.analysis import analyze
    from crossbearing.stages import AnalysisRun

    url = postgres_server.create_database()
    with open_store(url) as store:
        analyze(store, AnalysisRun(paths=[str(SAMPLE_CORPUS)], out=postgres_server.root / "out"))
    client = testclient.TestClient(create_app(url))
    story = story_id(client)
    page = client.get(f"/stories/{story}", params={"format": "json"}).json()
    keys = [s["key"] for s in page["sections"]]
    assert {"events", "facts", "framing", "coverage"} <= set(keys)
    events = next(s for s in page["sections"] if s["key"] == "events")["events"]
    strike = next(e for e in events if e["type"] == "air_drone_strike"
                  and e["place"]["value"] == "Baghdad")
    assert strike["fatalities"]["value"] == "3"
    hits = client.get("/api/search", params={"q": "responsible for directly planning"}).json()
    assert {h["kind"] for h in hits["hits"]} == {"article", "quote"}


def test_an_article_correction_is_checked_stored_and_shown_with_the_outlet_profile(client):
    article = next(a for a in client.get("/api/stories/" + story_id(client)).json()["sections"][0]
                   ["articles"] if a["outlet"])
    post = lambda value, kind="article-outlet", target=article["id"]: client.post(  # noqa: E731
        "/api/corrections", json={"kind": kind, "target": target, "value": value})
    assert post("Valley Courier", target="ffffffffffffffff").status_code == 422
    assert post("next week", kind="article-published").status_code == 422
    assert post("Associated Press").status_code == 201
    shown = client.get(f"/api/articles/{article['id']}").json()
    assert (shown["outlet"], shown["outlet_source"]) == ("Associated Press", "correction")
    assert shown["profile"]["name"] == "Associated Press" and shown["profile"]["country"] == "US"
    assert [c["kind"] for c in shown["corrections"]] == ["article-outlet"]
    html = client.get(f"/articles/{article['id']}").text
    assert "Associated Press" in html and 'rel="noopener noreferrer nofollow"' in html
    form = client.post("/corrections", data={"kind": "article-title", "target": article["id"],
                                             "value": "A new <b>title</b>"},
                       follow_redirects=False)
    assert form.status_code == 303 and form.headers["location"] == f"/articles/{article['id']}"
    assert "A new &lt;b&gt;title&lt;/b&gt;" in client.get(f"/articles/{article['id']}").text


def test_browsers_get_error_pages_and_the_api_json(client):
    html = {"accept": "text/html,application/xhtml+xml"}
    page = client.get("/stories/nope", headers=html)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "names no story" in page.text and "pattern" not in page.text
    missing = client.get("/articles/ffffffffffffffff", headers=html)
    assert missing.status_code == 404 and "no such article" in missing.text
    bad = client.get("/search?limit=0&q=x", headers=html)
    assert bad.status_code == 400 and "limit" in bad.text and "<h1>Bad request</h1>" in bad.text
    api = client.get("/api/stories/nope", headers=html)
    assert api.status_code == 422 and api.headers["content-type"] == "application/json"
    assert client.get("/stories/nope?format=json", headers=html).json()["detail"]


def test_an_event_is_corrected_from_the_form_and_the_story_shows_it(client):
    story = story_id(client)
    sections = client.get(f"/api/stories/{story}").json()["sections"]
    events = next(s for s in sections if s["key"] == "events")["events"]
    strike = next(e for e in events if e["fatalities"]["value"] == "3"
                  and e["place"]["value"] == "Tower 22")
    response = client.post("/corrections", data={"kind": "event-place", "target": strike["id"],
                                                 "value": "Jordan", "note": "outpost disputed"},
                           follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/stories/{story}#event-{strike['id']}"
    sections = client.get(f"/api/stories/{story}").json()["sections"]
    events = next(s for s in sections if s["key"] == "events")["events"]
    assert next(e for e in events if e["id"] == strike["id"])["place"]["value"] == "Jordan"
    for bad in ({"kind": "event-place", "target": strike["id"], "value": "Atlantis North"},
                {"kind": "event-date", "target": strike["id"], "value": "2024-02-31"},
                {"kind": "event-type", "target": "ev-0000000000000000", "value": "protest"}):
        assert client.post("/api/corrections", json=bad).status_code == 422, bad
    assert "Correct an event" in client.get("/corrections").text
