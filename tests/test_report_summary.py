"""The story page's "What we know": sentences written from the structured results, each linked
to what it rests on; on the sample corpus and on an invented story whose sources disagree."""

import pytest
from helpers import analysed_records

from crossbearing.dates import human_date
from crossbearing.report import render_dossier
from crossbearing.store import open_store
from crossbearing.views import dossier_view, story_page

#: Two invented reports of one strike from two outlets that give different tolls.
TOLL_REPORTS = [
    {"title": "Drone strike kills five at Mosul market", "outlet": "Harbour Times",
     "published": "2024-03-08", "url": "https://harbour.example/a",
     "text": "A drone strike on the central market of Mosul on March 7, 2024 killed five people, "
             "the provincial governor Karim Haddad said on Friday. Witnesses said the blast tore "
             "through the Bab al-Tob market shortly after noon. Haddad said the drone came from "
             "the west."},
    {"title": "Nine dead as drone hits Mosul market", "outlet": "River Post",
     "published": "2024-03-08", "url": "https://river.example/b",
     "text": "A drone strike on the central market of Mosul on March 7, 2024 killed nine people, "
             "hospital officials said on Friday. Stalls of the Bab al-Tob market were burning "
             "into the evening, according to residents. Rescue teams kept searching the rubble."},
]


def summary_of(db, story_id=None):
    with open_store(db) as store:
        story_id = story_id or store.corpus.stories()[0].id
        page = story_page(store, story_id)
        texts = {a.id: a.text for a in store.articles.all()}
    return next(s for s in page["sections"] if s["key"] == "summary"), texts


def words(sentence):
    """A sentence as a reader sees it: every part's words, dates as ISO values."""
    return "".join(p.get("link") or p.get("date") or p.get("text", "") for p in sentence["parts"])


def links(sentence):
    return [p for p in sentence["parts"] if "link" in p]


@pytest.fixture(scope="module")
def toll_story(tmp_path_factory):
    return analysed_records(tmp_path_factory.mktemp("toll"), TOLL_REPORTS)[0]


def test_a_toll_the_sources_disagree_on_is_stated_with_each_figure_and_its_outlet(toll_story):
    summary, texts = summary_of(toll_story)
    [sentence] = [s for s in summary["sentences"] if "differ on how many were killed" in words(s)]
    assert sentence["kind"] == "event" and not sentence["confident"]
    said = words(sentence)
    assert "Mosul" in said and "2024-03-07" in said
    # Each figure is followed by the outlet that gives it, linked to the words it was read from.
    given = {}
    for index, part in enumerate(sentence["parts"]):
        if "link" in part and index >= 2 and sentence["parts"][index - 1].get("text") == " (":
            given[part["link"]] = (sentence["parts"][index - 2]["text"],
                                   texts[part["article_id"]][part["start"]:part["end"]])
    assert given == {"Harbour Times": ("5", "five"), "River Post": ("9", "nine")}
    reporters = {p["link"] for p in links(sentence)}
    assert reporters == {"Harbour Times", "River Post"}


def test_the_toll_disagreement_is_rendered_with_both_outlets_linked(toll_story):
    with open_store(toll_story) as store:
        html = render_dossier(dossier_view(store))
    block = html[html.index('class="part part-summary"'):html.index('class="part part-header"')]
    assert "What we know" in block and "differ on how many were killed" in block
    assert block.count('class="src"') >= 4
    assert ">Harbour Times</a>" in block and ">River Post</a>" in block
    assert '<time datetime="2024-03-07" title="2024-03-07">7 March 2024</time>' in block


def test_sample_summary_leads_with_the_baghdad_strike_its_toll_and_its_sources(analysed_seeds):
    summary, texts = summary_of(analysed_seeds)
    sentences = summary["sentences"]
    assert 3 <= len(sentences) <= 8
    first = sentences[0]
    assert first["kind"] == "event" and first["confident"]
    said = words(first)
    assert said.startswith("Air/drone strike in Baghdad on 2024-02-07")
    assert "3 killed" in said and "4 independent sources" in said
    assert len({p["link"] for p in links(first)}) >= 4
    for sentence in sentences:  # every sentence rests on something it links to
        assert any("link" in p or "anchor" in p for p in sentence["parts"])
        for part in links(sentence):
            assert 0 <= part["start"] < part["end"] <= len(texts[part["article_id"]])


def test_hedged_counts_are_told_as_consistent_not_as_a_contradiction(analysed_seeds):
    summary, _ = summary_of(analysed_seeds)
    [hedge] = [s for s in summary["sentences"] if "“over 160”" in words(s)]
    assert "can both be true" in words(hedge) and "Consistent" in words(hedge)
    assert "Sources differ" not in words(hedge)
    assert any(p.get("anchor", "").startswith("fact-claims-") for p in hedge["parts"])


def test_statements_are_in_date_order(analysed_seeds):
    summary, _ = summary_of(analysed_seeds)
    dates = [next(p["date"] for p in s["parts"] if "date" in p)
             for s in summary["sentences"] if s["kind"] == "statement"]
    assert dates and dates == sorted(dates)


def test_dates_read_for_people():
    assert human_date("2024-02-07") == "7 February 2024"
    assert human_date("2024-02") == "February 2024"
    assert human_date("2024-02-07T18:05") == "7 February 2024"
    assert human_date("2024-02-01 – 2024-02-29") == "1 February 2024 – 29 February 2024"
    assert human_date("2024-13-01") == "2024-13-01" and human_date(None) == ""


#: Two invented reports of 2024 that recall, as background, an attack of 2001.
BACKGROUND_REPORTS = [
    {"title": "Memorial opens in the capital", "outlet": "Harbour Times",
     "published": "2024-09-11", "url": "https://harbour.example/m",
     "text": "A memorial opened in the capital on Wednesday. In 2001 the attacks on the towers "
             "killed nearly 3,000 people, the mayor recalled in a speech."},
    {"title": "Capital opens memorial", "outlet": "River Post",
     "published": "2024-09-11", "url": "https://river.example/m",
     "text": "The capital opened a memorial on Wednesday. In 2001 the attacks on the towers "
             "killed nearly 3,000 people, the mayor said at the ceremony."},
]


def test_an_event_long_before_the_reports_is_no_lead_of_what_we_know(tmp_path):
    db = analysed_records(tmp_path, BACKGROUND_REPORTS)[0]
    summary, _ = summary_of(db)
    with open_store(db) as store:
        dated = [e for e in store.events.all() if (e.date_start or "").startswith("2001")]
    assert dated  # the background attack is an event of the story ...
    assert not [s for s in summary["sentences"]  # ... but not what the story tells
                if s["kind"] == "event" and "2001" in words(s)]


def test_a_quote_sentence_names_the_same_speaker_whatever_the_hash_seed():
    from crossbearing.views.sections.summary import _quote_sentence

    members = [{"speaker_canonical": name, "descriptor": None, "speaker_text": None,
                "text": "we will respond", "outlet": outlet, "article_id": outlet,
                "start": 0, "end": 5}
               for name, outlet in (("Yahya Rasool", "A"), ("Iraqi government", "B"))]
    group = {"id": "g1", "label": "same", "members": members, "sources_phrase": "2 sources",
             "speakers": "differ"}
    sentence = _quote_sentence(group, [])
    # two speakers named once each: the first in the group's order, not a set's order
    assert sentence["parts"][0]["text"].startswith("Yahya Rasool said")


def test_an_event_known_only_to_the_year_does_not_lead():
    from crossbearing.views.sections.summary import _dated_closely

    assert _dated_closely({"date": "2024-02-07", "precision": "day"})
    assert _dated_closely({"date": "2024-01-01", "precision": "month"})
    assert not _dated_closely({"date": "2012-01-01", "precision": "year"})
    assert not _dated_closely({"date": None, "precision": None})


def test_in_an_undated_story_only_what_several_sources_report_leads():
    from types import SimpleNamespace

    from crossbearing.views.sections.summary import _main_events

    def event(name, independent):
        return {"id": name, "family": "violent", "date": "2001-09-11", "date_end": None,
                "precision": "day", "fatalities": None, "independent": independent,
                "reports": independent}

    events = [event("background", 1), event("news", 2)]
    undated = SimpleNamespace(first_date=None, last_date=None)
    assert [e["id"] for e in _main_events(events, undated)] == ["news"]
    dated = SimpleNamespace(first_date="2001-09-12", last_date="2001-09-12")
    assert [e["id"] for e in _main_events(events, dated)] == ["news", "background"]
