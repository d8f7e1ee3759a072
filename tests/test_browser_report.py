"""The dossier in a real browser, opened from disk: navigation to the exact source span, and a
hostile article that stays inert."""

import os
from pathlib import Path

from browser import INJECTED, browser_page, needs_browser

from crossbearing.store import open_store

pytestmark = needs_browser
DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_story_to_quote_to_highlighted_source_span(analyzed_seeds, tmp_path):
    db, dossier = analyzed_seeds
    with open_store(db) as store:
        texts = {a.id: a.text for a in store.articles()}
    with browser_page() as browser:
        page = browser.page
        page.goto(dossier.as_uri())
        page.click("nav.stories a")  # the story list → the story
        story = page.locator("section.story").first
        assert story.locator("h3", has_text="Who said what").is_visible()
        link = story.locator("blockquote.quote a.src").first  # an item → its source
        article_id, start, end = link.get_attribute("href")[3:].rsplit("-", 2)
        link.click()
        mark = page.locator(f"#art-{article_id} mark.hl")
        mark.wait_for(state="visible")
        assert mark.inner_text() == texts[article_id][int(start):int(end)]
        assert mark.evaluate("m => { const r = m.getBoundingClientRect();"
                             " return r.top >= 0 && r.bottom <= innerHeight; }")
        if os.environ.get("CROSSBEARING_UPDATE_DOCS"):  # the picture in docs/report.md
            page.screenshot(path=DOCS / "report.png")
        page.go_back()  # another item: the old highlight goes, the new one appears
        story.locator("table.numbers a.src").first.click()
        assert page.locator("mark.hl").count() == 1
        page.screenshot(path=tmp_path / "report.png")
        assert (tmp_path / "report.png").stat().st_size > 10_000
        page.emulate_media(media="print")  # printed: no navigation, the texts in full
        assert not page.locator("nav.stories").is_visible()
        assert page.locator(f"#art-{article_id} .text").is_visible()
        assert browser.blocked == [] and browser.dialogs == [] and browser.errors == []


def test_hostile_article_is_inert_in_the_dossier(hostile_db):
    with browser_page() as browser:
        page = browser.page
        page.goto(hostile_db[1].as_uri())
        page.wait_for_timeout(300)
        injected = page.evaluate(INJECTED)
        assert injected == {"scripts": 1, "pwned": False, "javascriptLinks": 0, "handlers": 0,
                            "foreign": 0}
        assert page.locator("h3", has_text="<script>window.__pwned = 1</script>Raid").count() == 1
        for link in page.locator("a.src").all():  # every source link works and runs nothing
            link.click()
        assert browser.dialogs == [] and browser.blocked == [] and browser.errors == []
