"""Exports: the JSON document against its schema, ACLED's CSV columns, JSON Lines tables, GraphML,
hostile text from articles, and the export command writing to stdout or a file."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from crossbearing.cli import cli
from crossbearing.export import EXPORTERS, TABLES, gather
from crossbearing.export import acled_csv, graphml, jsonl
from crossbearing.store import open_store

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "docs" / "export-schema.json")
                    .read_text(encoding="utf-8"))
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
HOSTILE_TITLE = '=HYPERLINK("http://evil.example","<script>alert(1)</script>")'
HOSTILE_OUTLET = '=HYPERLINK("http://evil.example")<script>alert(2)</script>'
#: An invented report whose title and outlet are built to attack spreadsheets and markup.
HOSTILE_RECORD = {
    "id": "h1", "title": HOSTILE_TITLE, "outlet": HOSTILE_OUTLET, "published": "2024-03-04",
    "language": "en",
    "text": "A drone strike hit a convoy in Mosul on Sunday, killing two fighters of the Islamic "
            "State, the Iraqi army said.\n\nThe Iraqi army said the strike on March 3 targeted "
            "Islamic State commanders near the city.",
}


@pytest.fixture(scope="module")
def seeds_db(analysed_seeds, tmp_path_factory):
    """A copy of the analysed sample corpus, compared (claim and quote groups)."""
    from crossbearing.compare.run import run_compare

    db = tmp_path_factory.mktemp("export") / "seeds.db"
    shutil.copy(analysed_seeds, db)
    with open_store(db) as store:
        run_compare(store)
    return db


@pytest.fixture(scope="module")
def seeds_tables(seeds_db):
    with open_store(seeds_db) as store:
        return dict(gather(store))  # every table read while the store is open


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    """An invented hostile report, ingested, annotated and through the corpus stages."""
    from crossbearing import ingest_files
    from crossbearing.corpus.run import run_corpus
    from crossbearing.annotate.run import annotate

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "dump.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    # An outlet field that reads as no name is not stored unless the analyst states it: the
    # folder's manifest does, so the hostile name reaches the exports.
    with (folder / "sources.csv").open("w", newline="", encoding="utf-8") as manifest:
        csv.writer(manifest).writerows([["file", "outlet"], ["dump.jsonl", HOSTILE_OUTLET]])
    db = tmp_path_factory.mktemp("hostile-db") / "hostile.db"
    ingest_files([folder], db)
    with open_store(db) as store:
        annotate(store)
        run_corpus(store)
    return db


def _baghdad_strike(events: list[dict]) -> dict:
    found = [e for e in events if e["event_type"] == "air_drone_strike" and e["date"]
             and e["date"]["start"] == "2024-02-07" and e["place"]
             and e["place"]["name"] == "Baghdad"]
    assert len(found) == 1
    return found[0]


def _export_text(fmt: str, store, **options) -> str:
    stream = io.StringIO()
    EXPORTERS[fmt](store, stream, **options)
    return stream.getvalue()


def _acled_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    return header, [dict(zip(header, row)) for row in reader]


# -- JSON ------------------------------------------------------------------------------------------
def test_json_export_of_the_seeds_validates_and_holds_the_baghdad_strike(seeds_db) -> None:
    with open_store(seeds_db) as store:
        document = json.loads(_export_text("json", store))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert document["schema_version"] == "1.1" and document["story"] is None
    assert "text" not in document["articles"][0]
    assert len(document["articles"]) == 5 and document["claim_groups"] and document["quote_groups"]
    strike = _baghdad_strike(document["events"])
    assert strike["acled_sub_event_type"] == "Air/drone strike" and strike["fatalities"] == 3
    article_ids = {a["id"] for a in document["articles"]}
    sourced = {s["article_id"] for s in strike["sources"]}
    assert len(sourced) == strike["articles"] >= 4 and sourced <= article_ids
    assert {v["article_id"] for v in strike["values"]["fatalities"]} <= sourced
    assert all(m["event_id"] == strike["event_id"] for m in document["event_mentions"]
               if (m["article_id"], m["start"]) in {(s["article_id"], s["start"])
                                                    for s in strike["sources"]})


def test_json_entities_carry_aliases_and_spans(seeds_tables) -> None:
    saadi = next(e for e in seeds_tables["entities"] if e["actor_id"] == "abu-baqir-al-saadi")
    assert saadi["mentions"] == len(saadi["spans"]) >= 3
    assert sorted({s["text"] for s in saadi["spans"]}) == saadi["aliases"]
    assert len(saadi["aliases"]) >= 2


def test_json_with_text_and_story_filter(seeds_db) -> None:
    with open_store(seeds_db) as store:
        story_id = store.corpus.stories()[0].id
        document = json.loads(_export_text("json", store, story_id=story_id, with_text=True))
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert document["story"] == story_id and document["rejections"] == []
    assert all(a["text"] and a["story_id"] == story_id for a in document["articles"])
    assert all(e["story_id"] == story_id for e in document["events"])


def test_framing_and_coverage_sections_per_story(seeds_db) -> None:
    with open_store(seeds_db) as store:
        tables = dict(gather(store))
    [framing] = tables["framing"]
    names = {a["name"] for a in framing["framing"]["actors"]}
    assert "Islamic Resistance in Iraq" in names
    [coverage] = tables["coverage"]
    rows = coverage["coverage"]["rows"]
    strike = next(r for r in rows if r["kind"] == "event" and "Baghdad" in r["label"]
                  and "2024-02-07" in r["label"])
    assert strike["reported"] >= 4
    assert {c["status"] for c in strike["cells"].values()} <= {"reported", "omitted"}
    assert {r["kind"] for r in rows} == {"event", "claim", "quote"}


def test_per_story_sections_are_what_the_story_functions_give(seeds_db) -> None:
    """Coverage is built from the events and groups gather read once: the same as
    ``story_coverage`` reading the store story by story."""
    from crossbearing.compare.coverage import story_coverage
    from crossbearing.compare.framing import story_framing
    from crossbearing.export.gather import plain

    with open_store(seeds_db) as store:
        stories = store.corpus.stories()
        for story_id in (None, stories[0].id):
            tables = gather(store, story_id)
            assert tables["coverage"] == [
                {"story_id": s.id, "coverage": plain(story_coverage(store, s.id))}
                for s in stories]
            assert tables["framing"] == [
                {"story_id": s.id, "framing": plain(story_framing(store, s.id))}
                for s in stories]


def test_event_writers_read_the_same_tables_as_gather(seeds_db) -> None:
    from crossbearing.export.gather import gather_events

    with open_store(seeds_db) as store:
        story_id = store.corpus.stories()[0].id
        for scope in (None, story_id):
            full, some = gather(store, scope), gather_events(store, scope)
            assert some == {name: full[name] for name in ("entities", "actors", "events")}
            assert some["events"]
        everything = store.events.all()
        assert store.events.all(story_id) == [e for e in everything if e.story_id == story_id]
        assert store.events.all("story-none") == []


@pytest.mark.slow
def test_graphml_does_not_depend_on_the_hash_seed(seeds_db, tmp_path) -> None:
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"graph-{seed}.graphml"
        subprocess.run([sys.executable, "-m", "crossbearing", "export", "--db", str(seeds_db),
                        "--format", "graphml", "--out", str(out)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_unknown_story_is_refused(seeds_db) -> None:
    from crossbearing.errors import NotFound

    with open_store(seeds_db) as store, pytest.raises(NotFound):
        gather(store, "story-0000")


# -- ACLED CSV -------------------------------------------------------------------------------------
def test_acled_csv_has_acleds_header_and_the_baghdad_strike(seeds_db, seeds_tables) -> None:
    with open_store(seeds_db) as store:
        header, rows = _acled_rows(_export_text("acled-csv", store))
    assert header == list(acled_csv.COLUMNS) and len(header) == 31
    strike = _baghdad_strike(seeds_tables["events"])
    row = next(r for r in rows if r["event_id_cnty"] == strike["event_id"])
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Air/drone strike"
    assert row["disorder_type"] == "Political violence"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-02-07", "2024", "1")
    assert (row["country"], row["iso"], row["location"], row["geo_precision"]) == (
        "Iraq", "368", "Baghdad", "1")
    assert abs(float(row["latitude"]) - 33.34) < 0.1 and row["fatalities"] == "3"
    assert row["source"].split("; ") == strike["outlets"] and len(strike["outlets"]) >= 4
    assert "Baghdad" in row["notes"] and row["notes"].count(".") >= 1
    # Actors are organisations: the killed commander's group, the commander in the notes.
    assert (row["actor1"], row["inter1"]) == ("United States Armed Forces", "8")
    assert row["actor2"] == "Kata'ib Hezbollah" and "Abu Baqir al-Saadi" in row["notes"]
    assert (row["region"], row["admin1"]) == ("Middle East", "Baghdad")


def test_a_group_suspending_its_attacks_is_a_change_to_its_activity(seeds_db) -> None:
    """The codebook: a group announcing that it suspends attacks is Strategic developments /
    Change to group/activity (Kata'ib Hezbollah's suspension in the sample corpus)."""
    with open_store(seeds_db) as store:
        _, rows = _acled_rows(_export_text("acled-csv", store))
    [row] = [r for r in rows if r["event_type"] == "Strategic developments"
             and r["actor1"] == "Kata'ib Hezbollah"]
    assert row["sub_event_type"] == "Change to group/activity"


def test_acled_csv_keeps_only_events_acled_would_code(seeds_tables) -> None:
    actors = {a["actor_id"]: a for a in seeds_tables["actors"]}
    codable = [e for e in seeds_tables["events"] if acled_csv.codable(e, actors)]
    assert codable and len(codable) < len(seeds_tables["events"])
    for event in codable:
        assert event["mode"] == "asserted" and not event["aggregate"]
        assert event["acled_event_type"] and event["place"]["country"]
    strike = _baghdad_strike(seeds_tables["events"])
    assert acled_csv.codable(strike, actors)
    for change in ({"mode": "future"}, {"aggregate": True}, {"acled_event_type": None},
                   {"date": None}, {"place": None},
                   {"date": {"start": "2024-01-01", "end": "2024-12-31", "precision": "year"}}):
        assert not acled_csv.codable({**strike, **change}, actors), change


def _acled_event(event_type: str, sub: str, family: str, country: str = "US",
                 participants=()) -> dict:
    return {"event_id": "ev-1", "event_type": "x", "label": "Attack", "family": family,
            "mode": "asserted", "aggregate": False, "acled_event_type": event_type,
            "acled_sub_event_type": sub, "participants": list(participants),
            "date": {"start": "2016-09-16", "end": "2016-09-16", "precision": "day"},
            "place": {"id": "country:" + country, "name": "X", "kind": "country",
                      "country": country, "latitude": 1.0, "longitude": 2.0},
            "fatalities": 1, "disagreements": [], "outlets": ["A"]}


ACTORS = {
    "union": {"actor_id": "union", "name": "Teachers Union", "kind": "company", "country": "US",
              "relations": []},
    "party": {"actor_id": "party", "name": "Green Party", "kind": "political-party",
              "country": "FR", "relations": []},
    "militia": {"actor_id": "militia", "name": "Northern Militia", "kind": "armed-group",
                "country": "SY", "relations": []},
}


def test_acled_names_crowds_and_civilians_by_the_kind_of_people_they_are() -> None:
    """The codebook: a protest's actor1 is "Protesters (Country)" (inter 6), its organiser
    associated; a riot's "Rioters (Country)" (5); violence against civilians has "Civilians
    (Country)" (7) as actor2 and is civilian targeting; an unknown perpetrator is an
    "Unidentified Armed Group (Country)", a political militia (3)."""
    organised = [{"role": "actor", "actor_id": "union", "articles": ["a"]}]
    protest = acled_csv.row(_acled_event("Protests", "Peaceful protest", "material",
                                         participants=organised), ACTORS, 0)
    assert (protest["actor1"], protest["inter1"], protest["assoc_actor_1"]) == (
        "Protesters (United States)", 6, "Teachers Union")
    assert protest["interaction"] == 60 and protest["civilian_targeting"] is None
    riot = acled_csv.row(_acled_event("Riots", "Violent demonstration", "material", "FR"),
                         ACTORS, 0)
    assert (riot["actor1"], riot["inter1"], riot["region"]) == ("Rioters (France)", 5, "Europe")
    killing = acled_csv.row(_acled_event("Violence against civilians", "Attack", "violent"),
                            ACTORS, 0)
    assert (killing["actor1"], killing["inter1"]) == ("Unidentified Armed Group (United States)", 3)
    assert (killing["actor2"], killing["inter2"], killing["interaction"]) == (
        "Civilians (United States)", 7, 37)
    assert killing["civilian_targeting"] == "Civilian targeting"
    assert killing["region"] == "North America"
    force = acled_csv.row(_acled_event("Protests", "Excessive force against protesters",
                                       "violent"), ACTORS, 0)
    assert force["actor2"] == "Protesters (United States)" and force["inter2"] == 6


def test_acled_codes_the_police_named_by_a_title_or_a_noun_as_police_forces() -> None:
    """A person is no ACLED actor, but "Officer Dana Miller" who shot a driver acted as the
    police: the row's actor1 is the country's police forces (state forces, 1)."""
    shooter = [{"role": "actor", "actor_id": None, "articles": ["a"],
                "texts": ["Officer Dana Miller", "Dana Miller"]},
               {"role": "victim", "actor_id": None, "articles": ["a"], "texts": ["a driver"]}]
    row = acled_csv.row(_acled_event("Violence against civilians", "Attack", "violent",
                                     participants=shooter), ACTORS, 0)
    assert (row["actor1"], row["inter1"], row["interaction"]) == (
        "Police Forces of the United States", 1, 17)
    gunman = [{"role": "actor", "actor_id": None, "articles": ["a"],
               "texts": ["the police chief's son", "a military officer"]}]
    row = acled_csv.row(_acled_event("Violence against civilians", "Attack", "violent", "IQ",
                                     participants=gunman), ACTORS, 0)
    assert row["actor1"] == "Unidentified Armed Group (Iraq)"
    troopers = [{"role": "actor", "actor_id": None, "articles": ["a"], "texts": ["state troopers"]}]
    row = acled_csv.row(_acled_event("Protests", "Excessive force against protesters", "violent",
                                     participants=troopers), ACTORS, 0)
    assert (row["actor1"], row["actor2"]) == ("Police Forces of the United States",
                                              "Protesters (United States)")


def _killing(story, when, precision, place_kind="city", victim="Dana Reyes", outlets=("A",),
             fatalities=1):
    event = _acled_event("Violence against civilians", "Attack", "violent", participants=[
        {"role": "victim", "actor_id": None, "name": victim, "articles": ["a"], "texts": [victim]}])
    event.update(event_id=f"ev-{story}", story_id=f"story-{story}", outlets=list(outlets),
                 date={"start": when[0], "end": when[1], "precision": precision},
                 fatalities=fatalities)
    event["place"] = {"id": "geonames:1" if place_kind == "city" else "country:US",
                      "name": "Fresno" if place_kind == "city" else "United States",
                      "kind": place_kind, "country": "US", "latitude": 1.0, "longitude": 2.0}
    return event


def test_one_incident_told_in_two_stories_is_one_acled_row():
    """A killing told in passing by a report of another story ("who shot and killed Dana Reyes
    in Fresno last week") is the incident the first story reports: one row, every outlet, the
    day rather than the week, the lowest toll, the other event's id in the notes."""
    from crossbearing.export.acled_incidents import one_per_incident

    week = _killing("b", ("2016-09-12", "2016-09-18"), "week", outlets=("B",))
    day = _killing("a", ("2016-09-16", "2016-09-16"), "day", outlets=("A",), fatalities=2)
    [row] = one_per_incident([week, day], ACTORS)
    assert row["event_id"] == "ev-b" and row["also_events"] == ["ev-a"]
    assert row["date"]["precision"] == "day" and row["outlets"] == ["B", "A"]
    assert row["fatalities"] == 1 and "fatalities" in row["disagreements"]
    written = acled_csv.row(row, ACTORS, 0)
    assert written["event_date"] == "2016-09-16" and "also ev-a" in written["notes"]
    # no person named alike, another week, another place, or the same story: two incidents
    for other in (_killing("a", ("2016-09-16", "2016-09-16"), "day", victim="Sam Ortiz"),
                  _killing("a", ("2016-10-16", "2016-10-16"), "day"),
                  {**day, "place": {**day["place"], "id": "geonames:2", "name": "Tulare"}},
                  {**day, "story_id": "story-b"}):
        assert len(one_per_incident([week, other], ACTORS)) == 2
    # a place known only by its country is the town's incident
    country = _killing("c", ("2016-09-16", "2016-09-16"), "day", place_kind="country")
    assert one_per_incident([country, day], ACTORS)[0]["place"]["name"] == "Fresno"


def test_acled_codes_strategic_developments_of_conflict_actors_only() -> None:
    """ACLED's agreements are between conflict actors (a ceasefire, a prisoner exchange), not
    a climate accord of "the nations of the world"; other strategic developments need a party
    of conflict or its politics (a government, a party, forces), not a company alone."""
    def event(sub, *actor_ids):
        return _acled_event("Strategic developments", sub, "material", participants=[
            {"role": "actor", "actor_id": i, "articles": ["a"]} for i in actor_ids])

    assert not acled_csv.codable(event("Agreement"), ACTORS)
    assert not acled_csv.codable(event("Agreement", "party"), ACTORS)
    assert acled_csv.codable(event("Agreement", "party", "militia"), ACTORS)
    assert not acled_csv.codable(event("Other", "union"), ACTORS)
    assert acled_csv.codable(event("Other", "party"), ACTORS)
    assert acled_csv.codable(event("Change to group/activity", "militia"), ACTORS)


def test_acled_regions_cover_every_country() -> None:
    import pycountry

    from crossbearing.export.acled_regions import region

    assert all(region(c.alpha_2) for c in pycountry.countries)
    assert (region("IQ"), region("IR"), region("EG"), region("SD"), region("MX")) == (
        "Middle East", "Middle East", "Northern Africa", "Northern Africa", "Central America")
    assert (region("AM"), region("CY"), region("RU"), region(None)) == (
        "Caucasus and Central Asia", "Europe", "Europe", None)


def test_csv_cells_neutralise_formulas_but_keep_numbers() -> None:
    assert acled_csv.cell("=1+1") == "'=1+1"
    assert acled_csv.cell("+44 20") == "'+44 20" and acled_csv.cell("@SUM(A1)") == "'@SUM(A1)"
    assert acled_csv.cell("-2") == "'-2" and acled_csv.cell(-73.9) == "-73.9"
    assert acled_csv.cell(None) == "" and acled_csv.cell("Baghdad") == "Baghdad"


# -- JSON Lines ------------------------------------------------------------------------------------
def test_jsonl_folder_has_a_file_per_table_matching_the_counts(seeds_db, tmp_path) -> None:
    with open_store(seeds_db) as store:
        counts = EXPORTERS["jsonl"](store, tmp_path / "out")
        stored = {t: store.count(t) for t in ("articles", "stories", "claim_groups",
                                              "quote_groups", "quotes", "numeric_facts")}
    assert set(counts) == set(TABLES)
    for table in TABLES:
        lines = (tmp_path / "out" / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        assert len(records) == counts[table]
        assert all(isinstance(r, dict) for r in records)
    for table, number in stored.items():
        assert counts[table] == number, table


def test_jsonl_to_a_stream_tags_each_line_with_its_table(seeds_tables) -> None:
    stream = io.StringIO()
    counts = jsonl.render(seeds_tables, stream)
    seen: dict[str, int] = {}
    for line in stream.getvalue().splitlines():
        record = json.loads(line)
        seen[record["table"]] = seen.get(record["table"], 0) + 1
    assert seen == {t: n for t, n in counts.items() if n}


# -- GraphML ---------------------------------------------------------------------------------------
def _graph(text: str) -> tuple[dict[str, dict], list[dict]]:
    root = ET.fromstring(text)
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML}key")}

    def data(element):
        return {keys[d.get("key")]: d.text for d in element.findall(f"{GRAPHML}data")}

    body = root.find(f"{GRAPHML}graph")
    nodes = {n.get("id"): data(n) for n in body.findall(f"{GRAPHML}node")}
    edges = [{"source": e.get("source"), "target": e.get("target"), **data(e)}
             for e in body.findall(f"{GRAPHML}edge")]
    return nodes, edges


def test_graphml_of_the_seeds_parses_with_actors_relations_and_interactions(seeds_db) -> None:
    with open_store(seeds_db) as store:
        nodes, edges = _graph(_export_text("graphml", store))
    assert nodes["kataib-hezbollah"]["name"] == "Kata'ib Hezbollah"
    assert nodes["kataib-hezbollah"]["kb"] == "true" and int(nodes["kataib-hezbollah"]["mentions"]) > 0
    assert all(e["source"] in nodes and e["target"] in nodes for e in edges)
    relations = [e for e in edges if e["edge_kind"] == "relation"]
    assert relations and all(e["relation"] for e in relations)
    strike = [e for e in edges if e["edge_kind"] == "interaction"
              and e["source"] == "us-armed-forces" and e["target"] == "abu-baqir-al-saadi"
              and e["event_type"] == "air_drone_strike"]
    assert len(strike) == 1 and int(strike[0]["count"]) == len(strike[0]["event_ids"].split())


def test_graphml_escapes_markup_and_drops_characters_xml_cannot_hold(seeds_tables) -> None:
    tables = {**seeds_tables, "entities": [dict(e) for e in seeds_tables["entities"]]}
    victim = next(e for e in tables["entities"] if not e["actor_id"] and e["label"] != "GPE")
    victim["name"] = '<script>alert("x")</script> & \x01\x1b"Co"'
    stream = io.StringIO()
    graphml.render(tables, stream)
    nodes, _ = _graph(stream.getvalue())
    assert nodes[victim["entity_id"]]["name"] == '<script>alert("x")</script> & "Co"'
    assert "<script>" not in stream.getvalue()


# -- hostile reports, end to end -------------------------------------------------------------------
def test_hostile_title_and_outlet_are_neutralised_in_every_format(hostile_db) -> None:
    with open_store(hostile_db) as store:
        document = json.loads(_export_text("json", store))
        _, rows = _acled_rows(_export_text("acled-csv", store))
        graph_text = _export_text("graphml", store)
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)
    article = document["articles"][0]
    assert article["title"].startswith("=HYPERLINK(") and article["outlet"] == HOSTILE_OUTLET
    assert len(rows) == 1 and rows[0]["source"] == "'" + HOSTILE_OUTLET
    assert all(not value.startswith(("=", "+", "-", "@")) for value in rows[0].values())
    assert rows[0]["location"] == "Mosul" and rows[0]["fatalities"] == "2"
    nodes, _ = _graph(graph_text)
    assert nodes and "<script>" not in graph_text


# -- the command -----------------------------------------------------------------------------------
def test_export_command_writes_stdout_or_a_file_alike(seeds_db, tmp_path) -> None:
    runner = CliRunner()
    printed = runner.invoke(cli, ["export", "--db", str(seeds_db), "--format", "json"])
    assert printed.exit_code == 0, printed.output
    target = tmp_path / "seeds.json"
    written = runner.invoke(cli, ["export", "--db", str(seeds_db), "--format", "json",
                                  "--out", str(target)])
    assert written.exit_code == 0 and str(target) not in printed.stdout
    assert json.loads(printed.stdout) == json.loads(target.read_text(encoding="utf-8"))
    folder = tmp_path / "tables"
    runner.invoke(cli, ["export", "--db", str(seeds_db), "--format", "jsonl", "--out", str(folder)])
    assert (folder / "events.jsonl").stat().st_size > 0
    listed = runner.invoke(cli, ["export", "--db", str(seeds_db), "--format", "acled-csv"])
    assert listed.stdout.startswith("event_id_cnty,event_date,")


def test_export_command_refuses_an_unknown_story_or_format(seeds_db) -> None:
    runner = CliRunner()
    story = runner.invoke(cli, ["export", "--db", str(seeds_db), "--format", "json",
                                "--story", "story-0000"])
    fmt = runner.invoke(cli, ["export", "--db", str(seeds_db), "--format", "xml"])
    assert story.exit_code == 2 and fmt.exit_code == 2


def test_acled_actors_are_organisations_with_inter_codes_where_known() -> None:
    from crossbearing.export.acled_actors import Coded, coded_actors, interaction, named_persons

    actors = {
        "army": {"actor_id": "army", "name": "Army of Freedonia", "kind": "military",
                 "country": "FR", "relations": []},
        "militia": {"actor_id": "militia", "name": "Northern Militia", "kind": "armed-group",
                    "country": "SY", "relations": []},
        "chief": {"actor_id": "chief", "name": "Karim Haddad", "kind": "person", "country": "SY",
                  "relations": [{"type": "leader-of", "target": "militia", "note": ""}]},
        "loner": {"actor_id": "loner", "name": "Sami Nour", "kind": "person", "country": "SY",
                  "relations": []},
    }
    event = {"place": {"country": "SY"}, "participants": [
        {"role": "actor", "actor_id": "army", "articles": ["a"]},
        {"role": "victim", "actor_id": "chief", "articles": ["a", "b"]},
        {"role": "victim", "actor_id": "loner", "articles": ["a"]},
        {"role": "target", "actor_id": None, "articles": ["a"]}]}
    assert coded_actors(event, ("actor",), actors) == [Coded("Army of Freedonia", 8)]
    assert coded_actors(event, ("target", "victim"), actors) == [Coded("Northern Militia", None)]
    assert named_persons(event, ("target", "victim"), actors) == ["Karim Haddad", "Sami Nour"]
    at_home = {**event, "place": {"country": "FR"}}
    assert coded_actors(at_home, ("actor",), actors) == [Coded("Army of Freedonia", 1)]
    assert interaction(Coded("a", 8), Coded("b", 1)) == 18
    assert interaction(Coded("a", 8), None) == 80
    assert interaction(Coded("a", 8), Coded("b", None)) is None


def test_exported_events_say_which_are_listed_and_confident_as_the_dossier_does(seeds_db) -> None:
    from crossbearing.views.sections.events import event_views

    with open_store(seeds_db) as store:
        exported = {e["event_id"]: e for e in gather(store)["events"]}
        listed = {e["id"]: e for e in event_views(store)}
    assert {i for i, e in exported.items() if e["listed"]} == set(listed)
    assert [i for i, e in exported.items() if not e["listed"]]  # the other mentions are kept
    for event_id, view in listed.items():
        assert exported[event_id]["independent_sources"] == view["independent"]
        assert exported[event_id]["confident"] == (view["independent"] > 1)


def test_acled_codes_the_middle_of_a_period():
    from crossbearing.export.acled_csv import coded_day

    assert coded_day({"start": "2024-02-07", "end": "2024-02-07", "precision": "day"}) == "2024-02-07"
    # "the end of January": ACLED's time precision 2 or 3 codes the middle of the period
    assert coded_day({"start": "2024-01-21", "end": "2024-01-31", "precision": "month"}) == "2024-01-26"
    assert coded_day({"start": "2024-02-10", "end": "2024-02-11", "precision": "week"}) == "2024-02-10"


def test_gather_reads_a_table_only_when_it_is_asked_for(seeds_db) -> None:
    # The writers write one table at a time: a table is read when asked for, not before, so
    # the whole export is never held at once.
    with open_store(seeds_db) as store:
        calls = []
        real = store.annotations.quotes
        store.annotations.quotes = lambda *a, **k: calls.append(1) or real(*a, **k)
        tables = gather(store)
        assert list(tables) == list(TABLES) and calls == []
        assert tables["quotes"] and calls == [1]


def test_an_export_that_fails_leaves_the_file_it_would_replace(seeds_db, tmp_path,
                                                                monkeypatch) -> None:
    # tables are read as they are written: a failure half-way must not leave half a file
    from crossbearing.export.gather import Tables

    path = tmp_path / "out.json"
    path.write_text("the export before", encoding="utf-8")

    def broken(self):
        raise RuntimeError("the quotes cannot be read")

    monkeypatch.setattr(Tables, "_table_quotes", broken)
    result = CliRunner().invoke(cli, ["export", "--db", str(seeds_db), "--format", "json",
                                      "--out", str(path)])
    assert result.exit_code != 0
    assert path.read_text(encoding="utf-8") == "the export before"


def test_acled_notes_say_when_as_precisely_as_the_date_is_known():
    from crossbearing.export.acled_csv import _when

    assert _when({"start": "2024-02-07", "end": "2024-02-07", "precision": "day"}) == (
        "On 7 February 2024")
    assert _when({"start": "2024-01-21", "end": "2024-01-31", "precision": "month"}) == (
        "Between 21 and 31 January 2024")
    assert _when({"start": "2009-09-01", "end": "2009-09-30", "precision": "month"}) == (
        "In September 2009")
    assert _when({"start": "2024-01-29", "end": "2024-02-04", "precision": "week"}) == (
        "Between 29 January 2024 and 4 February 2024")


def test_a_body_named_alike_in_two_stories_folds_no_incidents():
    """Two protests at the White House in two stories are not one incident by that name: a
    body is no person named."""
    from crossbearing.export.acled_incidents import one_per_incident

    def protest(story):
        event = _acled_event("Protests", "Peaceful protest", "material", participants=[
            {"role": "target", "actor_id": None, "name": "White House", "articles": ["a"],
             "texts": ["White House"]}])
        return {**event, "event_id": f"ev-{story}", "story_id": f"story-{story}"}

    assert len(one_per_incident([protest("a"), protest("b")], ACTORS)) == 2


def test_other_offices_and_the_military_police_are_not_the_police():
    from crossbearing.police import written_as_police

    assert written_as_police("Officer Dana Miller") and written_as_police("state troopers")
    for text in ("Petty Officer John Smith", "Chief Executive Officer John Smith",
                 "Private Detective Sam Spade", "the military police"):
        assert not written_as_police(text), text
