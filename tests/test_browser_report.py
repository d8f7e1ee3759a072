"""The dossier in a real browser, opened from disk: navigation to the exact source span, and a
hostile article that stays inert."""

import os
import re
from pathlib import Path

import pytest
from browser import INJECTED, browser_page, needs_browser
from playwright.sync_api import expect

from crossbearing.store import open_store

pytestmark = [needs_browser, pytest.mark.slow]  # a real browser: CI runs them
DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_story_to_quote_to_highlighted_source_span(analyzed_seeds, tmp_path):
    db, dossier = analyzed_seeds
    with open_store(db) as store:
        texts = {a.id: a.text for a in store.articles.all()}
    with browser_page() as browser:
        page = browser.page
        page.goto(dossier.as_uri())
        page.click("nav.stories a")  # the story list → the story
        story = page.locator("section.story").first
        assert story.locator("h3", has_text="Who said what").is_visible()
        story.locator("h3", has_text="Who said what").click()  # folded at first: open it
        link = story.locator("blockquote.quote a.src").first  # an item → its source
        article_id, start, end = link.get_attribute("href")[3:].rsplit("-", 2)
        link.click()
        mark = page.locator(f"#art-{article_id} mark.hl")
        mark.wait_for(state="visible")
        assert mark.inner_text() == texts[article_id][int(start):int(end)]
        assert mark.evaluate("m => { const r = m.getBoundingClientRect();"
                             " return r.top >= 0 && r.bottom <= innerHeight; }")
        if os.environ.get("CROSSBEARING_UPDATE_DOCS"):  # the picture in docs/report.md
            page.screenshot(path=DOCS / "report-source.png")
        page.go_back()  # another item: the old highlight goes, the new one appears
        story.locator("h3", has_text="Numbers by outlet").click()
        story.locator("table.numbers a.src").first.click()
        # The highlight follows the address change in the page's script: wait for it.
        expect(page.locator("mark.hl")).to_have_count(1)
        page.screenshot(path=tmp_path / "report.png")
        assert (tmp_path / "report.png").stat().st_size > 10_000
        page.emulate_media(media="print")  # printed: no navigation, the texts in full
        assert not page.locator("nav.stories").is_visible()
        assert page.locator(f"#art-{article_id} .text").is_visible()
        assert browser.blocked == [] and browser.dialogs == [] and browser.errors == []


def sentence_text(db, article_id, start, end):
    """The stored sentence of an article that spans exactly ``start``..``end``."""
    with open_store(db) as store:
        text = store.articles.articles_by_id([article_id])[0].text
        [sentence] = [s for s in store.annotations.sentences(article_id) if (s.start, s.end) == (start, end)]
    return text[sentence.start:sentence.end]


def in_view(locator):
    return locator.evaluate("e => { const r = e.getBoundingClientRect();"
                            " return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; }")


def test_timeline_to_event_row_to_its_source_sentence(analyzed_seeds, tmp_path):
    db, dossier = analyzed_seeds
    with browser_page() as browser:
        page = browser.page
        page.goto(dossier.as_uri())
        page.click("nav.stories a")
        story = page.locator("section.story").first
        mark = story.locator("svg.timeline a.ev[data-date='2024-02-07']"
                             "[data-label='Air/drone strike'][data-place='Baghdad']")
        mark.hover()  # the details appear under the drawing
        assert "Baghdad · 2024-02-07 (day) · 3 killed" in story.locator(
            "figcaption.timeline-caption").inner_text()
        mark.click()  # the event → its row of the events table
        event_id = mark.get_attribute("data-event")
        row = page.locator(f"#event-{event_id}")
        page.wait_for_function("id => location.hash === '#event-' + id", arg=event_id)
        assert in_view(row) and "on" in mark.get_attribute("class")
        assert row.locator("td.place").inner_text().startswith("Baghdad")
        assert row.locator("td.fatalities").inner_text().startswith("3")
        assert row.locator("td.sources a.src").count() >= 4
        row.locator("td.sources > div").first.screenshot(path=tmp_path / "sources.png")
        events = story.locator("div.part-events")
        events.screenshot(path=tmp_path / "events.png")
        assert (tmp_path / "events.png").stat().st_size > 10_000
        link = row.locator("td.sources a.src").first  # a source mention → its sentence
        article_id, start, end = link.get_attribute("href")[3:].rsplit("-", 2)
        link.click()
        highlight = page.locator(f"#art-{article_id} mark.hl")
        highlight.wait_for(state="visible")
        assert highlight.inner_text() == sentence_text(db, article_id, int(start), int(end))
        assert in_view(highlight)
        assert browser.blocked == [] and browser.dialogs == [] and browser.errors == []


def test_facts_matrix_marks_the_attacks_that_differ_and_print_shows_what_is_shown(
        analyzed_seeds):
    with browser_page() as browser:
        page = browser.page
        page.goto(analyzed_seeds[1].as_uri())
        facts = page.locator("section.story").first.locator("table.facts")
        row = facts.locator("tr.fact.differ", has=page.locator("th", has_text="attacks"))
        assert row.count() == 1 and "≠ differ" in row.locator("td.status").inner_text()
        cells = row.locator("td.cell")
        found = {}
        for index in range(cells.count()):
            cell = cells.nth(index)
            for number in ("160", "165"):
                if number in cell.inner_text():
                    assert "differ" in cell.get_attribute("class")
                    found[number] = cell.get_attribute("data-source")
        assert set(found) == {"160", "165"} and found["160"] != found["165"]
        headers = facts.locator("thead th.source").all_inner_texts()
        assert found["160"] in headers and found["165"] in headers
        page.emulate_media(media="print")  # printed: what is shown on screen, nothing scrolls
        clipped = page.evaluate("() => Array.from(document.querySelectorAll('.scroll'))"
                                ".filter(e => e.scrollHeight > e.clientHeight + 1).length")
        assert clipped == 0
        events = page.locator("table.events tr.event")
        assert events.nth(11).is_visible() and not events.last.is_visible()
        assert page.locator("p.pager span").first.inner_text().startswith("Showing 12 of")
        page.emulate_media(media="screen")
        page.locator("p.pager button").first.click()  # every row shown: every row printed
        page.emulate_media(media="print")
        assert events.last.is_visible()
        assert browser.errors == []


def test_hostile_article_is_inert_in_the_dossier(hostile_db):
    with browser_page() as browser:
        page = browser.page
        page.goto(hostile_db[1].as_uri())
        page.wait_for_timeout(300)
        injected = page.evaluate(INJECTED)
        assert injected == {"scripts": 1, "pwned": False, "javascriptLinks": 0, "handlers": 0,
                            "foreign": 0}
        assert page.locator("h3", has_text="<script>window.__pwned = 1</script>Raid").count() == 1
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        for button in page.locator("p.pager button").all():  # every row of a long table
            button.click()
        for link in page.locator("a.src").all():  # every source link works and runs nothing
            link.click()
        assert browser.dialogs == [] and browser.blocked == [] and browser.errors == []


def test_what_we_know_names_the_baghdad_strike_and_links_to_its_evidence(analyzed_seeds):
    db, dossier = analyzed_seeds
    with browser_page(1440, 1000) as browser:
        page = browser.page
        page.goto(dossier.as_uri())
        story = page.locator("section.story").first
        block = story.locator("div.part-summary")
        # The block comes first in the story, before the reports and the timeline.
        assert story.locator("div.part").first.get_attribute("class") == "part part-summary"
        first = block.locator("ul.summary > li").first
        said = first.inner_text()
        assert said.startswith("Air/drone strike in Baghdad on 7 February 2024")
        assert "3 killed" in said and "4 independent sources" in said
        assert first.locator("time").get_attribute("title") == "2024-02-07"
        assert first.locator("a.src").count() >= 4
        assert block.locator("ul.summary > li").count() <= 8
        said = block.locator("ul.summary").inner_text()
        assert "9 February 2024: Islamic Resistance in Iraq" in said  # the statement, dated
        consistent = block.locator("ul.summary > li", has_text="“over 160”").inner_text()
        assert consistent.startswith("Consistent") and "“over 165”" in consistent
        assert "can both be true" in consistent
        if os.environ.get("CROSSBEARING_UPDATE_DOCS"):  # the picture in docs/report.md
            page.screenshot(path=DOCS / "report.png")
        link = first.locator("a.src").last  # a sentence's link → its evidence, highlighted
        article_id, start, end = link.get_attribute("href")[3:].rsplit("-", 2)
        link.click()
        mark = page.locator(f"#art-{article_id} mark.hl")
        mark.wait_for(state="visible")
        with open_store(db) as store:
            text = store.articles.articles_by_id([article_id])[0].text
        assert mark.inner_text() == text[int(start):int(end)] and in_view(mark)
        assert browser.blocked == [] and browser.dialogs == [] and browser.errors == []


#: Sections open when the page opens (what happened, who reports it, where they differ); the
#: others are folded until a reader opens them.
OPEN_AT_FIRST = {"summary", "header", "timeline", "events", "facts", "aligned_quotes"}


def test_every_section_folds_and_a_link_into_a_folded_section_opens_it(analyzed_seeds):
    with browser_page() as browser:
        page = browser.page
        page.goto(analyzed_seeds[1].as_uri())
        story = page.locator("section.story").first
        parts = story.locator("div.part")
        assert parts.count() >= 12
        for index in range(parts.count()):
            key = parts.nth(index).get_attribute("class").split("part-")[1]
            details = parts.nth(index).locator(":scope > details")
            content = details.locator(":scope > :not(summary)").first
            opened = key in OPEN_AT_FIRST
            assert (details.get_attribute("open") is not None) == opened, key
            assert content.is_visible() == opened, key
            details.locator(":scope > summary").click()  # the other way round
            assert (details.get_attribute("open") is None) == opened, key
            assert content.is_visible() != opened, key
            details.locator(":scope > summary").click()  # and back as it was
        assert story.locator("summary h3").count() == parts.count()
        # The events are folded; a link from "What we know" to an event's row opens them again.
        story.locator("div.part-events > details > summary").click()
        story.locator("ul.summary a.row[href^='#event-']").first.click()
        row = page.locator("tr.event:target")
        row.wait_for(state="visible")
        assert in_view(row)
        # The report texts are folded too; a link to a source opens them at its words.
        texts = page.locator("details.texts")
        assert texts.get_attribute("open") is None
        story.locator("ul.summary a.src").first.click()
        page.locator("mark.hl").wait_for(state="visible")
        assert texts.get_attribute("open") is not None
        page.emulate_media(media="print")  # printed: what is open, nothing clipped
        assert story.locator("div.part-events table.events").is_visible()
        assert not story.locator("div.part-coverage table.coverage").is_visible()
        clipped = page.evaluate("() => Array.from(document.querySelectorAll('.scroll, table'))"
                                ".filter(e => e.scrollHeight > e.clientHeight + 1).length")
        assert clipped == 0
        page.set_viewport_size({"width": 794, "height": 1123})  # an A4 page: no table overflows
        wider = page.evaluate("() => Array.from(document.querySelectorAll('table')).filter("
                              "t => t.getBoundingClientRect().right > innerWidth + 1).length")
        assert wider == 0
        assert browser.errors == []


def test_the_sample_dossier_prints_to_at_most_twelve_pages(analyzed_seeds):
    with browser_page() as browser:
        page = browser.page
        page.goto(analyzed_seeds[1].as_uri())
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 3 <= pages <= 12
        assert browser.errors == []


def test_long_event_tables_show_a_page_at_a_time_and_filter(analyzed_seeds):
    with browser_page() as browser:
        page = browser.page
        page.goto(analyzed_seeds[1].as_uri())
        events = page.locator("section.story").first.locator("div.part-events")
        rows = events.locator("tr.event")
        total = rows.count()
        assert total > 15
        assert events.locator("tr.event:visible").count() == 12
        pager = events.locator("p.pager")
        assert pager.locator("span").inner_text() == f"Showing 12 of {total} events (all in the exports)."
        pager.locator("button").click()
        assert events.locator("tr.event:visible").count() == total
        pager.locator("button").click()
        pager.locator("input").fill("baghdad")
        shown = events.locator("tr.event:visible")
        assert 0 < shown.count() < total
        assert all("baghdad" in t.lower() for t in shown.all_inner_texts())
        pager.locator("input").fill("")
        hidden = rows.nth(total - 1).get_attribute("id")  # a link to a hidden row shows it
        page.evaluate("id => { window.location.hash = id; }", hidden)
        page.locator(f"tr#{hidden}").wait_for(state="visible")
        permalink = rows.first.locator("a.permalink")
        assert permalink.get_attribute("href") == "#" + rows.first.get_attribute("id")
        assert browser.errors == []


@pytest.fixture(scope="module")
def toll_dossier(tmp_path_factory):
    """The dossier of two invented reports of one strike that give different tolls."""
    from helpers import analysed_records
    from test_report_summary import TOLL_REPORTS

    return analysed_records(tmp_path_factory.mktemp("toll-browser"), TOLL_REPORTS)[1]


def test_what_we_know_states_both_tolls_with_their_outlets_and_evidence(toll_dossier):
    with browser_page() as browser:
        page = browser.page
        page.goto(toll_dossier.as_uri())
        block = page.locator("section.story").first.locator("div.part-summary")
        sentence = block.locator("ul.summary > li", has_text="differ on how many were killed")
        said = sentence.inner_text()
        assert "Mosul" in said and "7 March 2024" in said
        assert "5 (Harbour Times)" in said and "9 (River Post)" in said
        link = sentence.locator("a.src", has_text="River Post").first
        link.click()  # the figure's outlet → the words it was read from, highlighted
        mark = page.locator("mark.hl")
        mark.wait_for(state="visible")
        assert mark.inner_text() == "nine" and in_view(mark)
        page.emulate_media(media="print")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))
        assert 1 <= pages <= 12
        assert browser.blocked == [] and browser.dialogs == [] and browser.errors == []
