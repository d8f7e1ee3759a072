"""Framing across the sample story: per outlet, how the Islamic Resistance in Iraq and Kata'ib
Hezbollah are described in the outlet's own words, apart from words it only quotes."""

import json

import pytest
from click.testing import CliRunner

from crossbearing.cli import cli
from crossbearing.compare.framing import story_framing
from crossbearing.errors import NotFound
from crossbearing.store import open_store

IRI = "islamic-resistance-in-iraq"
KH = "kataib-hezbollah"


@pytest.fixture(scope="module")
def seeds(analysed_seeds):
    db = analysed_seeds  # read only
    with open_store(db) as store:
        [story] = store.corpus.stories()
        seed_of = {a.id: a.source_path.rsplit("/", 1)[-1][:3] for a in store.articles.all()}
        framing = story_framing(store, story.id)
    return {"db": db, "story": story.id, "framing": framing, "seed_of": seed_of}


def actor(framing, key):
    [found] = [a for a in framing["actors"] if a["key"] == key]
    return found


def by_seed(seeds, entry, voice, what="descriptors"):
    """{seed number: [texts]} of an actor's items in one voice, read through their spans."""
    found = {}
    for outlet in entry["outlets"]:
        for item in outlet[voice][what]:
            for span in item["spans"]:
                found.setdefault(seeds["seed_of"][span["article_id"]], []).append(item["text"])
    return found


def test_each_outlet_describes_the_iri_in_its_own_words(seeds):
    own = by_seed(seeds, actor(seeds["framing"], IRI), "own")
    assert any("umbrella group" in text for text in own["000"])
    assert any("alliance of Iran-backed factions" in text for text in own["004"])


def test_a_descriptor_inside_reported_speech_is_quoted_not_own(seeds):
    entry = actor(seeds["framing"], IRI)
    own, quoted = by_seed(seeds, entry, "own"), by_seed(seeds, entry, "quoted")
    assert any("umbrella group" in text for text in quoted["002"])
    assert not any("umbrella group" in text for text in own.get("002", []))
    spans = [s for o in entry["outlets"] for i in o["quoted"]["descriptors"] for s in i["spans"]]
    assert spans and all(s["quote"] and s["quote_kind"] for s in spans)


def test_kataib_hezbollah_is_labelled_as_washingtons_designation(seeds):
    """"Designated as a terrorist organization by Washington" is Washington's label, which the
    outlet reports: not its own words, and so neither is "terrorist" inside it."""
    entry = actor(seeds["framing"], KH)
    own, other = by_seed(seeds, entry, "own"), by_seed(seeds, entry, "quoted")
    assert any(text.lower().startswith("designated as a terrorist organization")
               for text in other["004"])
    assert not any("terrorist" in text for text in own.get("004", []))
    assert "terrorist" in by_seed(seeds, entry, "quoted", "terms")["004"]
    assert "terrorist" not in by_seed(seeds, entry, "own", "terms").get("004", [])
    spans = [s for o in entry["outlets"] for i in o["quoted"]["descriptors"] for s in i["spans"]
             if i["kind"] == "label"]
    assert spans and all(s["voice"] == "reported" and "quote" not in s for s in spans)


def test_quoted_praise_of_the_commander_is_apart_from_own_words(seeds):
    entry = actor(seeds["framing"], "abu-baqir-al-saadi")
    own, quoted = by_seed(seeds, entry, "own"), by_seed(seeds, entry, "quoted")
    assert any("leader" in text for text in quoted["000"])
    assert not any("leader" in text for text in own["000"])
    assert any("commander" in text for text in own["000"])


def test_every_span_points_at_its_text(seeds):
    with open_store(seeds["db"]) as store:
        texts = {a.id: a.text for a in store.articles.all()}
    items = [i for a in seeds["framing"]["actors"] for o in a["outlets"]
             for v in ("own", "quoted") for w in ("descriptors", "terms") for i in o[v][w]]
    assert items
    for item in items:
        for span in item["spans"]:
            written = " ".join(texts[span["article_id"]][span["start"]:span["end"]].split())
            assert written in item["forms"]


def test_unknown_outlets_are_labelled_by_file(seeds):
    # The corpus's manifest names the outlets of four reports (two of them Press TV); the fifth,
    # whose outlet nothing shows, is labelled by its file.
    labels = seeds["framing"]["outlets"]
    assert sorted(labels) == ["004_1bc98a23510e57dc.txt (outlet unknown)", "Al Arabiya English",
                              "Al Mayadeen English", "Press TV"]


def test_unknown_story(seeds):
    with open_store(seeds["db"]) as store, pytest.raises(NotFound):
        story_framing(store, "story-nothing")


def test_framing_command(seeds):
    runner = CliRunner()
    result = runner.invoke(cli, ["framing", seeds["story"], "--db", str(seeds["db"]), "--json",
                                 "--actor", "Kataeb Hezbollah"], catch_exceptions=False)
    assert result.exit_code == 0
    view = json.loads(result.stdout)
    assert [a["key"] for a in view["actors"]] == [KH]
    text = runner.invoke(cli, ["framing", seeds["story"], "--db", str(seeds["db"])])
    assert text.exit_code == 0 and "Islamic Resistance in Iraq" in text.stdout
    missing = runner.invoke(cli, ["framing", "story-nothing", "--db", str(seeds["db"])])
    assert missing.exit_code == 2


def test_the_killing_words_are_the_outlets_own(seeds):
    """"assassinated" and "martyred" are the outlets' own words about al-Saadi; "great leader"
    is only quoted."""
    entry = actor(seeds["framing"], "abu-baqir-al-saadi")
    own_terms = by_seed(seeds, entry, "own", "terms")
    assert "assassinated" in own_terms["000"]
    assert any(seed not in ("000", "002", "003", "004") and "martyred" in texts
               for seed, texts in own_terms.items())
    quoted = by_seed(seeds, entry, "quoted")
    assert any("great leader" in text for text in quoted["000"])
    own = [t for texts in by_seed(seeds, entry, "own").values() for t in texts]
    assert not any("great leader" in t for t in own)


#: Phrases of the sample reports that name a title, an office or a role before or beside a name
#: and say nothing else: none is a descriptor.
TITLES_ONLY = ["President", "Iraqi Prime Minister", "senior Kata’ib Hezbollah commander",
               "military spokesperson for Iraqi Prime Minister Shia’ al-Sudani",
               "Iraqi Armed Forces spokesperson Brigadier",
               "the head of Kata’ib Hezbollah in Syria"]


def test_no_honorific_or_bare_title_is_a_descriptor(seeds):
    """"President", "Iraqi Prime Minister", "senior Kata'ib Hezbollah commander" identify an
    actor; the descriptors that say something are still there."""
    with open_store(seeds["db"]) as store:
        texts = " ".join(" ".join(a.text.split()) for a in store.articles.all())
    descriptors = {form.lower() for entry in seeds["framing"]["actors"]
                   for outlet in entry["outlets"] for voice in ("own", "quoted")
                   for item in outlet[voice]["descriptors"] for form in item["forms"]}
    for phrase in TITLES_ONLY:
        assert phrase in texts
        assert phrase.lower() not in descriptors
    assert "an umbrella group of anti-terror groups" in descriptors


def test_the_neutral_wording_of_another_outlet_is_shown(seeds):
    """One outlet writes that al-Saadi was "martyred"; another that he was "killed"."""
    entry = actor(seeds["framing"], "abu-baqir-al-saadi")
    [martyr] = [t for t in entry["terms"] if t["term"] == "martyr"]
    assert martyr["neutral"] == "killed" and martyr["own"]
    users = {o["outlet"] for o in martyr["own"]}
    neutral = martyr["neutral_used"]
    assert neutral and not users & {n["outlet"] for n in neutral}
    with open_store(seeds["db"]) as store:
        texts = {a.id: a.text for a in store.articles.all()}
    for n in neutral:
        for span in n["spans"]:
            assert texts[span["article_id"]][span["start"]:span["end"]] in n["forms"]


def test_the_neutral_wording_is_aligned_by_the_same_event(seeds):
    """"martyred" (one outlet) and "killed" (another) stand in sentences reporting the same
    strike: the neutral wording is marked as found about the same event."""
    entry = actor(seeds["framing"], "abu-baqir-al-saadi")
    [martyr] = [t for t in entry["terms"] if t["term"] == "martyr"]
    assert any(s.get("aligned") == "event" for n in martyr["neutral_used"] for s in n["spans"])
    assert all(s.get("aligned") in ("event", "actor")
               for a in seeds["framing"]["actors"] for t in a["terms"]
               for n in t["neutral_used"] for s in n["spans"])


def test_the_framing_command_shows_each_actors_words_and_who_owns_them(seeds):
    """Per actor one line a loaded word, with its neutral counterpart; Washington's label is
    printed as reported, not as the outlet's own or as a quote."""
    text = CliRunner().invoke(cli, ["framing", seeds["story"], "--db", str(seeds["db"]),
                                    "--actor", "Kataeb Hezbollah"]).stdout
    assert "neutral “armed group”" in text
    [label] = [line for line in text.splitlines() if "Designated as a terrorist" in line]
    assert label.split()[0] == "reported"
