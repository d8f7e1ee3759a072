import html as htmllib
import json
import re

from click.testing import CliRunner
from conftest import HOSTILE_TEXT

from crossbearing.cli import cli
from crossbearing.model_events import Entity
from crossbearing.report import script_json
from crossbearing.store import open_store
from crossbearing.views import STORY_SECTIONS, dossier_view, story_page
from crossbearing.views.sections.network import actor_network


def data_json(html):
    match = re.search(r'<script type="application/json" id="dossier-data">(.*?)</script>', html,
                      re.DOTALL)
    return json.loads(match.group(1))


def test_script_json_cannot_end_the_script_element():
    data = {"x": "</script><script>alert(1)</script><!-- ]]> \u2028\u2029 & done"}
    text = str(script_json(data))
    for bad in ("</script", "<!--", "<script", "\u2028", "\u2029", "]]>", "&"):
        assert bad not in text
    assert json.loads(text) == data


def test_analyze_command_writes_the_dossier_and_a_json_summary(tmp_path, db):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    args = ["analyze", str(tmp_path / "in"), "--db", str(db), "--out", str(out), "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output  # one input was rejected
    summary = json.loads(result.stdout)
    assert summary["articles"] == 1 and summary["rejected"] == 1 and summary["stories"] == 1
    assert summary["quotes"] >= 1 and summary["report"] == str(out / "index.html")
    assert (out / "index.html").stat().st_size > 1000
    assert (out / "index.html").stat().st_mode & 0o044  # readable by others, to share
    assert sorted(p.name for p in out.iterdir()) == ["acled.csv", "citations.csv",
                                                    "crossbearing.json", "index.html"]
    assert summary["exports"] == [str(out / "crossbearing.json"), str(out / "acled.csv"),
                                  str(out / "citations.csv")]
    assert json.loads((out / "crossbearing.json").read_text(encoding="utf-8"))["articles"]
    assert (out / "acled.csv").read_text(encoding="utf-8").startswith("event_id_cnty")
    html = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="crossbearing.json">' in html and '<a href="acled.csv">' in html
    assert summary["stages"]["compare"]["stories"] == 1
    again = json.loads(CliRunner().invoke(cli, args).stdout)  # incremental: nothing new
    assert again["articles_added"] == 0 and again["stages"]["annotate"]["annotated"] == 0
    # nothing new since the complete run: the later stages are skipped, the files left as written
    assert again["skipped"] == ["corpus", "compare", "report", "export"]
    assert again["stages"]["corpus"]["skipped"] and again["report"] == summary["report"]
    assert again["exports"] == summary["exports"]
    text = CliRunner().invoke(cli, args[:-1] + ["--progress"]).output
    assert "1 articles (0 new), 1 inputs rejected, 1 stories" in text and "index.html" in text
    assert re.search(r"\d+ events, \d+ conflicts", text) and "acled.csv" in text


def test_dossier_of_the_seeds_has_every_section_and_spans_that_point_at_the_items(analyzed_seeds):
    db, path = analyzed_seeds
    html = path.read_text(encoding="utf-8")
    with open_store(db) as store:
        view = dossier_view(store)
        texts = {a.id: a.text for a in store.articles.all()}
    story = view["stories"][0]
    assert [s["key"] for s in story["sections"]] == [key for key, _ in STORY_SECTIONS]
    sections = {s["key"]: s for s in story["sections"]}
    assert sections["header"]["reports"] == 5 and sections["quotes"]["count"] > 10
    assert sections["reuse"]["passages"] and sections["numbers"]["outlets"]
    quote = sections["quotes"]["speakers"][0]["quotes"][0]
    assert quote["content"].split(" … ")[0] in texts[quote["article_id"]][quote["start"]:quote["end"]]
    assert f'href="#a-{quote["article_id"]}-{quote["start"]}-{quote["end"]}"' in html
    for passage in sections["reuse"]["passages"]:
        assert passage["text_a"] == texts[passage["article_a"]][passage["a_start"]:passage["a_end"]]
    assert all(f'id="art-{article_id}"' in html for article_id in texts)
    assert data_json(html)["stories"][0]["id"] == story["id"]
    names = {n["name"] for n in sections["network"]["nodes"]}
    assert any("Hezbollah" in name for name in names)


def test_dossier_policy_forbids_every_external_load(analyzed_seeds):
    html = analyzed_seeds[1].read_text(encoding="utf-8")
    policy = htmllib.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", policy)
    assert not re.search(r'src="(https?:)?//', html)
    assert not re.search(r'<link[^>]+href="(https?:)?//', html)
    # The only outside addresses are links an analyst follows (an outlet profile's source),
    # which send no referrer.
    links = re.findall(r'<a href="(https?:)?//[^"]*"([^>]*)>', html)
    assert links and all('rel="noopener noreferrer nofollow"' in rest for _, rest in links)


def test_hostile_article_is_escaped_everywhere_in_the_dossier(hostile_db):
    html = hostile_db[1].read_text(encoding="utf-8")
    assert html.count("<script") == 2  # the page's own script and its JSON data
    for payload in ("<img", "<b onmouseover", "<iframe", "<svg onload", "<style>body",
                    '<a href="javascript:', "<b>Outlet"):
        assert payload not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;Raid" in html
    assert 'href="javascript:' not in html and "javascript:alert(7)" in html  # shown, not linked


def test_story_page_is_none_for_an_unknown_story(analyzed_seeds):
    with open_store(analyzed_seeds[0]) as store:
        assert story_page(store, "story-0000") is None


def test_network_joins_actors_named_in_one_sentence_and_kb_relations():
    entities = {"a": Entity("a", "Kataib Hezbollah", "ORG", "kataib-hezbollah", 1),
                "b": Entity("b", "IRI", "ORG", "islamic-resistance-in-iraq", 1),
                "c": Entity("c", "Karim Haddad", "PERSON", None, 2),
                "d": Entity("d", "Basra", "GPE", None, 1)}
    mentions = [{"article_id": "x", "start": 0, "entity_id": "c"},
                {"article_id": "x", "start": 20, "entity_id": "d"},
                {"article_id": "x", "start": 30, "entity_id": "a"},
                {"article_id": "x", "start": 40, "entity_id": "c"},
                {"article_id": "x", "start": 120, "entity_id": "b"}]
    network = actor_network(mentions, {"x": [0, 100]}, entities)
    assert [n["id"] for n in network["nodes"]] == ["c", "b", "a"]  # a place is not an actor; ties by name
    edges = {(e["a"], e["b"], e["kind"]): e["weight"] for e in network["edges"]}
    assert edges == {("a", "c", "co-mention"): 1, ("a", "b", "member-of"): 1}
    assert all(0 <= n["x"] <= network["width"] and 0 <= n["y"] <= network["height"]
               for n in network["nodes"])


def test_serve_refuses_bad_options_before_listening(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["serve", "--db", str(tmp_path / "no" / "x.db")]).exit_code == 2
    assert runner.invoke(cli, ["serve", "--port", "0"]).exit_code == 2
    assert runner.invoke(cli, ["analyze", "--db", str(tmp_path / "x.db")]).exit_code == 2


def test_every_stage_is_the_run_function_of_its_package():
    import importlib

    from crossbearing import analysis

    assert [name for name, _ in analysis.STAGES] == [
        "ingest", "annotate", "corpus", "compare", "report", "export"]
    for name, stage in analysis.STAGES:
        assert stage is importlib.import_module(f"crossbearing.{name}.run").run


def test_a_stage_appended_to_the_list_runs_after_the_others(monkeypatch, tmp_path, db):
    from types import SimpleNamespace

    from crossbearing import analysis
    from crossbearing.stages import AnalysisRun, Progress

    seen = []

    def count_stage(store, run):
        seen.append(list(run.summaries))
        run.progress.total(1)
        run.progress.advance(1)
        counts = {"articles": store.count("articles")}
        return SimpleNamespace(summary=lambda: counts)

    monkeypatch.setattr(analysis, "STAGES", analysis.STAGES + [("count", count_stage)])
    (tmp_path / "a.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    progress = []
    with open_store(db) as store:
        summary = analysis.analyze(
            store, AnalysisRun(paths=[str(tmp_path / "a.txt")], out=tmp_path / "out"),
            on_stage=lambda name: Progress(total=lambda n: progress.append((name, n)),
                                           advance=lambda n: None))
    assert seen == [["ingest", "annotate", "corpus", "compare", "report", "export"]]
    assert summary["stages"]["count"] == {"articles": 1}
    assert [name for name, _ in progress] == ["ingest", "annotate", "corpus", "compare", "report",
                                              "export", "count"]


def test_the_dossier_written_story_by_story_holds_every_story_and_the_whole_data(analyzed_seeds):
    # analyze writes the dossier piece by piece (one story's view at a time, the data spooled
    # to a file): the page must hold every story in order and embed the data of the whole view,
    # as one JSON dump of it gives.
    db, path = analyzed_seeds
    html = path.read_text(encoding="utf-8")
    with open_store(db) as store:
        view = dossier_view(store)
    expected = {"version": view["version"], "counts": view["counts"], "stories": view["stories"],
                "articles": [{k: v for k, v in a.items() if k != "text"}
                             for a in view["articles"]]}
    assert data_json(html) == json.loads(json.dumps(expected, default=str))
    ids = re.findall(r'<section class="story" id="story-([^"]+)"', html)
    assert ids == [s["id"] for s in view["stories"]] and ids
    assert html.count('<article class="article"') == len(view["articles"])
