"""The story sections built on the comparison: timeline, events, facts, aligned quotes, framing
and coverage, on the sample corpus and on the hostile article."""

import copy
import re

from conftest import HOSTILE_TITLE

from crossbearing.dates import day_of
from crossbearing.report import render_dossier
from crossbearing.store import open_store
from crossbearing.views import STORY_SECTIONS, dossier_view, story_page
from crossbearing.views.sections.events import date_text, toll_text

NEW_SECTIONS = ["timeline", "events", "facts", "aligned_quotes", "framing", "coverage"]


def seed_sections(db):
    with open_store(db) as store:
        story = store.corpus.stories()[0]
        page = story_page(store, story.id)
        texts = {a.id: a.text for a in store.articles.all()}
        sentences = {(s.start, s.end) for a in texts for s in store.annotations.sentences(a)}
    return {s["key"]: s for s in page["sections"]}, texts, sentences


def baghdad_strike(events):
    return next(e for e in events if e["label"] == "Air/drone strike"
                and e["place"]["value"] == "Baghdad" and e["date"]["value"] == "2024-02-07")


def test_the_header_and_what_we_know_come_first_then_the_new_sections():
    keys = [key for key, _ in STORY_SECTIONS]
    assert keys[:8] == ["header", "summary"] + NEW_SECTIONS
    assert {"quotes", "numbers", "reuse", "network"} <= set(keys)


def test_events_section_has_the_baghdad_strike_with_its_sources_and_toll(analyzed_seeds):
    sections, texts, sentences = seed_sections(analyzed_seeds[0])
    event = baghdad_strike(sections["events"]["events"])
    assert event["fatalities"]["value"] == "3"
    assert event["acled_sub_event_type"] == "Air/drone strike"
    assert len(event["sources"]) >= 4  # outlets (or files) that report it
    for outlet in event["sources"]:  # every mention links to its whole sentence
        for mention in outlet["mentions"]:
            assert (mention["start"], mention["end"]) in sentences
            sentence = texts[mention["article_id"]][mention["start"]:mention["end"]]
            assert mention["trigger"] in sentence
    tolls = [s for v in event["fatalities"]["values"] for o in v["outlets"] for s in o["spans"]]
    assert tolls and all(texts[s["article_id"]][s["start"]:s["end"]] for s in tolls)
    assert any(p["name"] == "Abu Baqir al-Saadi" for p in event["targets"])


def test_timeline_draws_dated_events_in_order_and_lists_the_undated(analyzed_seeds):
    sections, _, _ = seed_sections(analyzed_seeds[0])
    timeline, events = sections["timeline"], sections["events"]["events"]
    dated = [e for e in events if e["date"]["value"]]
    assert sorted(m["id"] for m in timeline["marks"]) == sorted(e["id"] for e in dated)
    assert [m["date"] for m in timeline["marks"]] == sorted(m["date"] for m in timeline["marks"])
    undated = [e["id"] for group in timeline["undated"] for e in group["events"]]
    assert sorted(undated) == sorted(e["id"] for e in events if not e["date"]["value"])
    xs = [m["x"] for m in timeline["marks"]]
    assert xs == sorted(xs) and all(0 <= x <= timeline["width"] for x in xs)
    assert timeline["ticks"] and all(0 <= t["x"] <= timeline["width"] for t in timeline["ticks"])


def test_timeline_dates_and_tolls_read_as_written():
    assert day_of("2024-02").isoformat() == "2024-02-01"
    assert day_of("2024-02", last=True).isoformat() == "2024-02-29"
    assert day_of("2023", last=True).isoformat() == "2023-12-31"
    assert date_text("2024-02-01", "2024-02-29") == "2024-02-01 – 2024-02-29"
    assert date_text("2024-02-07", "2024-02-07") == "2024-02-07"
    assert toll_text({"low": 3.0, "high": 9.0, "hedge": None}) == "3–9"
    assert toll_text({"low": 16.0, "high": 16.0, "hedge": "at least"}) == "at least 16"


def test_facts_matrix_has_the_attacks_row_that_differs(analyzed_seeds):
    sections, texts, _ = seed_sections(analyzed_seeds[0])
    facts = sections["facts"]
    row = next(r for r in facts["rows"] if r["thing"] == "attacks" and r["status"] == "differ")
    assert facts["rows"][0]["status"] == "differ" and row["kind"] == "hedge"
    cells = {c["source"]: c for c in row["cells"]}
    assert list(cells) == facts["sources"]
    with_160 = [s for s, c in cells.items() if any("160" in v["text"] for v in c["values"])]
    with_165 = [s for s, c in cells.items() if any("165" in v["text"] for v in c["values"])]
    assert len(with_160) == 1 and len(with_165) == 1 and with_160 != with_165
    assert {cells[s]["status"] for s in with_160 + with_165} == {"differ"}
    assert {c["status"] for s, c in cells.items() if s not in with_160 + with_165} == {"absent"}
    for value in cells[with_160[0]]["values"]:
        assert texts[value["article_id"]][value["start"]:value["end"]] == value["text"]


def test_aligned_quotes_give_each_reports_wording_and_speaker(analyzed_seeds):
    sections, texts, _ = seed_sections(analyzed_seeds[0])
    groups = sections["aligned_quotes"]["groups"]
    assert groups and all(len(g["members"]) >= 2 for g in groups)
    differs = next(g for g in groups if g["speakers"] == "differs")
    assert len({m["speaker"] for m in differs["members"]}) > 1
    for member in differs["members"]:
        quoted = texts[member["article_id"]][member["start"]:member["end"]]
        assert member["text"].split(" … ")[0] in quoted


def test_framing_section_keeps_quoted_words_apart_from_the_outlets_own(analyzed_seeds):
    sections, texts, _ = seed_sections(analyzed_seeds[0])
    framing = sections["framing"]
    cells = [c for r in framing["rows"] for c in r["cells"]]
    assert [c["outlet"] for c in framing["rows"][0]["cells"]] == framing["outlets"]
    own = [i for c in cells for i in c["own"]]
    quoted = [i for c in cells for i in c["quoted"]]
    assert own and quoted
    assert all("quote" not in s for i in own for s in i["spans"])
    assert all("quote" in s for i in quoted for s in i["spans"])
    saadi = next(r for r in framing["rows"] if r["name"] == "Abu Baqir al-Saadi")
    assert saadi["total"] == sum(c["count"] for c in saadi["cells"]) > 0
    for item in own + quoted:
        span = item["spans"][0]
        assert " ".join(texts[span["article_id"]][span["start"]:span["end"]].split())


def test_coverage_rows_link_to_their_rows_and_spans_have_ends(analyzed_seeds):
    db, dossier = analyzed_seeds
    sections, _, _ = seed_sections(db)
    html = dossier.read_text(encoding="utf-8")
    coverage = sections["coverage"]
    assert {r["kind"] for r in coverage["rows"]} == {"event", "claim", "quote"}
    for row in coverage["rows"]:
        assert f'id="{row["anchor"]}"' in html
        reported = [c for c in row["cells"] if c["status"] == "reported"]
        assert len(reported) == row["reported"]
        assert all(s["end"] > s["start"] for c in reported for s in c["spans"])


def test_every_link_of_the_dossier_points_at_a_span_or_an_element(analyzed_seeds):
    db, dossier = analyzed_seeds
    html = dossier.read_text(encoding="utf-8")
    with open_store(db) as store:
        lengths = {a.id: len(a.text) for a in store.articles.all()}
    spans = re.findall(r'href="#a-([0-9a-f]+)-(\d+)-(\d+)"', html)
    assert len(spans) > 200
    assert all(int(s) < int(e) <= lengths[a] for a, s, e in spans)
    ids = set(re.findall(r' id="([^"]+)"', html))
    fragments = set(re.findall(r'href="#((?:event|fact|qg)-[^"]+)"', html))
    assert fragments and fragments <= ids


def test_hostile_text_in_events_quote_groups_and_descriptors_stays_text(hostile_db):
    with open_store(hostile_db[0]) as store:
        view = dossier_view(store)
    view = copy.deepcopy(view)
    sections = {s["key"]: s for s in view["stories"][0]["sections"]}
    event = sections["events"]["events"][0]
    event["actors"].append({"name": HOSTILE_TITLE, "role": "actor", "texts": [HOSTILE_TITLE],
                            "outlets": [HOSTILE_TITLE], "actor_id": None})
    event["place"]["values"][0]["value"] = HOSTILE_TITLE
    span = event["sources"][0]["mentions"][0]
    sections["aligned_quotes"]["groups"].append({
        "id": "quotes-x", "label": "same", "speakers": "differs", "sources": 2,
        "members": [{**span, "source": HOSTILE_TITLE, "text": HOSTILE_TITLE,
                     "relation": "same", "kind": "direct", "speaker": HOSTILE_TITLE,
                     "speaker_text": HOSTILE_TITLE}] * 2})
    # The hostile article names its governor by title only, which is no framing: add a row.
    sections["framing"]["rows"].append({
        "name": HOSTILE_TITLE, "entity_id": None, "total": 2, "terms": [],
        "cells": [{"outlet": HOSTILE_TITLE, "own": [], "quoted": [], "reported": [], "count": 2}]})
    sections["framing"]["rows"][-1]["cells"][0]["quoted"].append(
        {"text": HOSTILE_TITLE, "count": 2, "what": "descriptor", "note": HOSTILE_TITLE,
         "spans": [span]})
    html = render_dossier(view, ["crossbearing.json"])
    assert html.count("<script") == 2 and "<img" not in html  # words kept, markup never
    escaped = ("&lt;script&gt;window.__pwned = 1&lt;/script&gt;Raid "
               "&lt;img src=x onerror=alert(1)&gt;")
    assert html.count(escaped) >= 8


def test_events_reported_by_several_sources_come_first_each_part_in_date_order(analyzed_seeds):
    sections, _, _ = seed_sections(analyzed_seeds[0])
    section = sections["events"]
    flags = [e["confident"] for e in section["events"]]
    assert 0 < section["confident"] < section["count"]
    assert flags == [True] * section["confident"] + [False] * (section["count"] - section["confident"])
    for part in (section["events"][:section["confident"]], section["events"][section["confident"]:]):
        dates = [e["date"]["value"] for e in part if e["date"]["value"]]
        assert dates == sorted(dates, key=lambda d: d[:10])
        assert all(e["date"]["value"] for e in part[:len(dates)])  # undated after the dated
    baghdad = next(e for e in section["events"] if e["place"]["value"] == "Baghdad"
                   and e["label"] == "Air/drone strike")
    assert baghdad["confident"]


def test_a_report_known_only_to_the_month_is_listed_after_that_months_dated_ones(analyzed_seeds):
    sections, _, _ = seed_sections(analyzed_seeds[0])
    dates = [a["published"] for a in sections["header"]["articles"]]
    assert "2024-02" in dates and dates.index("2024-02") > dates.index("2024-02-10")


def test_undated_events_are_told_apart_by_place_actor_target_or_word(analyzed_seeds):
    sections, _, _ = seed_sections(analyzed_seeds[0])
    names = [e["place"] for group in sections["timeline"]["undated"] for e in group["events"]]
    assert names and all(names)  # never a bare number
    assert any(n.startswith(("by ", "on ")) for n in names)


def test_an_event_dated_only_through_the_storys_dates_says_so(analyzed_seeds):
    sections, _, _ = seed_sections(analyzed_seeds[0])
    from crossbearing.model_events import REPORT_DAYS

    inferred = [e for e in sections["events"]["events"] if e["date_inferred"]]
    notes = {span.get("note") for e in inferred for v in e["date"]["values"]
             for o in v["outlets"] for span in o["spans"]}
    assert inferred and notes <= {"story dates", REPORT_DAYS}
    # A statement no report dates is dated by its first report, and says so.
    by_reports = [e for e in inferred if e["family"] == "verbal"
                  and "first report" in e["date_inferred"]]
    assert by_reports and all(e["precision"] == "week" for e in by_reports)
    assert not [e for e in sections["events"]["events"] if e["date_inferred"]
                and e["label"] == "Air/drone strike" and e["place"]["value"] == "Baghdad"]
