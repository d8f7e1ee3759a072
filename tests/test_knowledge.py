"""The curated data files (``knowledge.files``) and the knowledge the annotate stage reads
(``knowledge.bundle.Knowledge``): found as resources, versioned by content, replaceable."""

from __future__ import annotations

import pickle
import re

import pytest
from conftest import make_article

from crossbearing.annotate.event_types import ontology
from crossbearing.annotate.lexicon import bundled_lexicon, lexicon_of
from crossbearing.annotate.results import code_version, stage_version
from crossbearing.annotate.stage import annotate_articles
from crossbearing.kb.actors import actor_base
from crossbearing.knowledge import files
from crossbearing.knowledge.bundle import PARTS, Knowledge

#: Pelting is no event in the bundled ontology; in :func:`_torching` it is shelling.
TORCHED = "Militants pelted a convoy in Mosul on Wednesday."


def _torching() -> Knowledge:
    text = files.text("events")
    assert 'verbs = ["shell"]' in text
    return Knowledge.bundled().with_text(
        "events", text.replace('verbs = ["shell"]', 'verbs = ["shell", "pelt"]'))


def test_every_data_file_is_found_and_versioned_by_its_content():
    for name in files.FILES:
        assert files.text(name).strip(), name
        assert re.fullmatch(r"[0-9a-f]{12}", files.version(name)), name
        assert files.version(name) == files.digest(files.text(name))
    actors = files.folder("actors")
    assert [name for name, _ in actors] == sorted(name for name, _ in actors)
    assert all(name.endswith(".toml") for name, _ in actors) and len(actors) >= 5
    assert re.fullmatch(r"[0-9a-f]{12}", files.version("actors"))
    assert {name for _, names in PARTS for name in names} <= set(files.FILES) | set(files.FOLDERS)


def test_the_stage_version_is_the_code_and_the_knowledge():
    knowledge = Knowledge.bundled()
    assert stage_version() == stage_version(knowledge) == f"{code_version()}+{knowledge.version}"
    assert [part.split(".")[0] for part in knowledge.version.split("+")] == [
        "kb", "places", "lexicon", "titles", "events", "nouns"]
    assert knowledge.version.startswith(f"kb.{files.version('actors')}+")
    assert knowledge.version.endswith(f"+events.{files.version('events')}"
                                      f"+nouns.{files.version('noun_senses')}")


#: One more actor, unknown to the bundled knowledge base.
IRONWOOD = """[[actor]]
id = "ironwood-brigade"
name = "Ironwood Brigade"
type = "ORG"
kind = "armed-group"
country = "IQ"
"""


def test_one_more_actor_changes_the_version_and_the_actors_found():
    bundled = Knowledge.bundled()
    more = bundled.with_folder("actors", (*bundled.folder("actors"), ("more.toml", IRONWOOD)))
    assert stage_version(more) != stage_version()
    assert more.version.split("+")[1:] == bundled.version.split("+")[1:]  # only kb. changed
    text = "The Ironwood Brigade shelled Mosul on Monday, a spokesman said."
    [before] = annotate_articles([make_article(text)])
    [after] = annotate_articles([make_article(text)], more)
    assert "ironwood-brigade" not in {m.actor_id for m in before.mentions}
    assert [(m.text, m.link) for m in after.mentions if m.actor_id == "ironwood-brigade"] == [
        ("Ironwood Brigade", "kb")]
    assert [a.id for a in after.actors] == ["ironwood-brigade"]
    assert actor_base(more).actor("ironwood-brigade").kind == "armed-group"
    with pytest.raises(KeyError):
        actor_base().actor("ironwood-brigade")


def test_another_ontology_changes_the_version_and_the_events_found():
    other = _torching()
    assert other.version != Knowledge.bundled().version
    assert stage_version(other) != stage_version()
    assert ontology(other).verbs["pelt"] == "shelling" and "pelt" not in ontology().verbs
    assert lexicon_of(other) is bundled_lexicon()  # the other files read as bundled
    [bundled] = annotate_articles([make_article(TORCHED)])
    [torched] = annotate_articles([make_article(TORCHED)], other)
    assert [e.event_type for e in bundled.events] == []
    assert [e.event_type for e in torched.events] == ["shelling"]


def test_the_same_content_gives_the_same_version():
    same = Knowledge.bundled().with_text("events", files.text("events"))
    assert same.version == Knowledge.bundled().version
    assert _torching().version == _torching().version


def test_another_lexicon_changes_the_version_and_the_lexicon():
    other = Knowledge.bundled().with_text("loaded_language", "")
    assert stage_version(other) != stage_version()
    assert len(lexicon_of(other).entries) < len(bundled_lexicon().entries)


def test_other_title_words_change_the_version_and_the_descriptors_found():
    text = "Karl Rove, an eccentric longtime strategist, spoke on Friday."
    words = "\n".join(("eccentric", "longtime", "strategist"))
    other = Knowledge.bundled().with_text("framing_titles",
                                          files.text("framing_titles") + "\n" + words)
    assert stage_version(other) != stage_version()
    [bundled] = annotate_articles([make_article(text)])
    [titled] = annotate_articles([make_article(text)], other)
    assert [d.text for d in bundled.descriptors] == ["an eccentric longtime strategist"]
    assert titled.descriptors == ()  # title words identify: nothing is said of him


def test_only_what_the_annotators_take_from_it_can_be_replaced():
    with pytest.raises(ValueError, match="cannot be replaced"):
        Knowledge.bundled().with_text("places", "")


def test_knowledge_goes_to_worker_processes():
    assert pickle.loads(pickle.dumps(Knowledge.bundled())) == Knowledge.bundled()
    assert len(pickle.dumps(Knowledge.bundled())) < 200  # the worker reads its own files
    other = pickle.loads(pickle.dumps(_torching()))
    assert other == _torching() and other.version == _torching().version


def test_a_run_given_another_knowledge_annotates_with_it(tmp_path):
    """The annotate stage of ``analyze`` takes its Knowledge from the run's options: the
    articles are stored under that knowledge's version and annotated with its ontology."""
    from crossbearing.analysis import analyze
    from crossbearing.annotate.results import STAGE
    from crossbearing.stages import AnalysisRun
    from crossbearing.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(TORCHED + "\n", encoding="utf-8")
    other = _torching()
    with open_store(tmp_path / "s.db") as store:
        analyze(store, AnalysisRun(paths=[str(folder)], out=tmp_path / "out", workers=1,
                                   knowledge=other))
        assert store.annotations.pending_articles(STAGE, stage_version(other)) == []
        assert len(store.annotations.pending_articles(STAGE, stage_version())) == 1
        assert "shelling" in {m.event_type for m in store.events.event_mentions()}
