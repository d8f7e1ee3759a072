"""The web app in a real browser against a live server on 127.0.0.1: search, a correction that
survives re-analysis, and a hostile article that stays inert."""

import socket
import threading
import time
from contextlib import contextmanager

import pytest
from browser import INJECTED, browser_page, needs_browser
from playwright.sync_api import expect
from test_web import copy_db

from crossbearing.corpus.run import run_corpus
from crossbearing.store import open_store

pytestmark = [needs_browser, pytest.mark.slow]  # a real browser: CI runs them
uvicorn = pytest.importorskip("uvicorn")


@contextmanager
def live_server(db, *, read_only=False):
    """The app served by uvicorn on a free loopback port, in a thread; yields its base URL."""
    from crossbearing.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(str(db), read_only=read_only, allowed_hosts=["127.0.0.1"])
    server = uvicorn.Server(uvicorn.Config(app,
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def test_search_then_correct_and_the_correction_survives_reanalysis(analyzed_seeds, tmp_path):
    db = copy_db(analyzed_seeds[0], tmp_path / "seeds.db")
    with open_store(db) as store:
        texts = {a.id: a.text for a in store.articles.all()}
    with live_server(db) as base, browser_page() as browser:
        page = browser.page
        page.goto(base + "/")
        page.fill("input[name=q]", "Baghdad")
        page.press("input[name=q]", "Enter")
        page.wait_for_url("**/search?q=Baghdad")
        assert page.locator("li.hit").count() > 2
        assert page.locator("li.hit b").first.inner_text().lower() == "baghdad"
        page.locator("li.hit:has(.kind:text-is('quote')) a").first.click()  # hit → its span
        mark = page.locator("mark.hl")
        mark.wait_for(state="visible")
        article_id = page.url.split("/articles/")[1].split("#")[0]
        assert mark.inner_text() in texts[article_id]
        page.goto(base + "/entities/kataib-hezbollah")
        page.fill("input[name=value]", "islamic-resistance-in-iraq")
        page.fill("form.correct input[name=note]", "one front")
        page.click("text=Merge into it")
        page.wait_for_url("**/entities/islamic-resistance-in-iraq")
        assert "merge-entities" in page.content()
        with open_store(db) as store:
            run_corpus(store)  # re-analysis while the server runs
        assert page.goto(base + "/entities/kataib-hezbollah").status == 404
        page.goto(base + "/entities/islamic-resistance-in-iraq")
        assert page.locator("td", has_text="Kataib Hezbollah").count() >= 1
        assert browser.blocked == [] and browser.dialogs == [] and browser.errors == []


def test_an_analyst_corrects_an_outlet_and_every_table_names_it_after_reanalysis(
        analyzed_seeds, tmp_path):
    from crossbearing.compare.run import run_compare

    db = copy_db(analyzed_seeds[0], tmp_path / "seeds.db")
    with open_store(db) as store:
        target = next(a for a in store.articles.all()
                      if a.source_path.endswith("003_4776d901254a8ef3.txt"))
        before = store.events.source_labels()[target.id]
        story_id = store.corpus.story_of(target.id)
    with live_server(db) as base, browser_page() as browser:
        page = browser.page
        page.goto(f"{base}/articles/{target.id}")
        page.click("text=Correct this report's outlet, date or title")
        page.fill("form.correct:has(input[value=article-outlet]) input[name=value]",
                  "Harbour Times")
        page.fill("form.correct:has(input[value=article-outlet]) input[name=note]", "masthead")
        page.click("text=Correct the outlet")
        page.wait_for_url(f"**/articles/{target.id}")
        expect(page.locator("article p.meta").first).to_contain_text("Harbour Times")
        assert "article-outlet" in page.content()
        with open_store(db) as store:  # re-analysis while the server runs
            run_corpus(store)
            run_compare(store)
        page.goto(f"{base}/stories/{story_id}")
        expect(page.locator("table.reports")).to_contain_text("Harbour Times")
        for folded in ("coverage", "framing"):  # folded at first: open them
            page.locator(f"div.part-{folded} > details > summary").first.click()
        for table in ("table.facts", "table.coverage"):
            heads = page.locator(f"{table} th.source").all_inner_texts()
            assert "Harbour Times" in heads and before not in heads, table
        assert page.locator("table.framing", has_text="Harbour Times").count() >= 1
        assert before not in page.locator("table.reports").inner_text()
        assert browser.blocked == [] and browser.dialogs == [] and browser.errors == []


def test_hostile_article_is_inert_in_the_web_app(hostile_db):
    with open_store(hostile_db[0]) as store:
        ids = [a.id for a in store.articles.all()]
        stories = [s.id for s in store.corpus.stories()]
    with live_server(hostile_db[0], read_only=True) as base, browser_page() as browser:
        page = browser.page
        urls = ["/", "/search?q=raid"] + [f"/stories/{s}" for s in stories]
        urls += [f"/articles/{i}" for i in ids]
        for url in urls:
            page.goto(base + url)
            if url.startswith("/articles/"):  # its own spans: the page stays, the mark moves
                for link in page.locator("a.src").all():
                    link.click()
                    expect(page.locator("mark.hl")).to_have_count(1)
            injected = page.evaluate(INJECTED)
            assert injected == {"scripts": 1, "pwned": False, "javascriptLinks": 0,
                                "handlers": 0, "foreign": 0}, url
        assert browser.dialogs == [] and browser.blocked == [] and browser.errors == []
