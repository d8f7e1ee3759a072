"""One identity per actor across the collection."""

from crossbearing.corpus.identity import resolve_entities
from crossbearing.model import Mention


def m(article, start, text, label="PERSON", actor=None, canonical=None, key=None, place=None):
    from crossbearing.kb import name_key
    canonical = canonical or text
    return Mention(article, start, start + len(text), text, label, actor, canonical,
                   key or name_key(canonical), "kb" if actor else "model", place)


OUTLETS = {"a1": "Outlet A", "a2": "Outlet B", "a3": "Outlet C"}


def entity_of(assignment, mention):
    return assignment[(mention.article_id, mention.start, mention.end)]


def test_knowledge_base_actors_keep_their_ids_and_are_never_merged():
    kh = m("a1", 0, "Kataeb Hezbollah", "ORG", actor="kataib-hezbollah", canonical="Kata'ib Hezbollah")
    hz = m("a2", 0, "Hezbollah", "ORG", actor="hezbollah", canonical="Hezbollah")
    entities, assignment = resolve_entities([kh, hz], OUTLETS)
    assert entity_of(assignment, kh) == "kataib-hezbollah"
    assert entity_of(assignment, hz) == "hezbollah"


def test_same_unknown_name_in_two_articles_is_one_entity_with_aliases_per_outlet():
    a = m("a1", 0, "Coastal Defence League", "ORG")
    b = m("a2", 5, "Coastal Defence League", "NORP")
    entities, assignment = resolve_entities([a, b], OUTLETS)
    assert entity_of(assignment, a) == entity_of(assignment, b)
    [entity] = entities
    assert entity.outlets == {"Outlet A": 1, "Outlet B": 1}


def test_transliterations_join_when_their_articles_share_context():
    a = m("a1", 0, "Hassan Mahdawi")
    b = m("a2", 0, "Hasan al-Mehdawi")
    c = m("a3", 0, "Hasan Mahdavi")
    shared = [m("a1", 50, "Iraq", "GPE", actor="iraq"), m("a2", 50, "Iraq", "GPE", actor="iraq")]
    entities, assignment = resolve_entities([a, b, c, *shared], OUTLETS)
    assert entity_of(assignment, a) == entity_of(assignment, b)
    assert entity_of(assignment, c) != entity_of(assignment, a)  # no shared context


def test_a_bare_surname_is_not_linked_when_two_people_fit():
    full_1 = m("a1", 0, "Hunter Smith")
    full_2 = m("a2", 0, "Alice Smith")
    bare = m("a3", 0, "Smith")
    entities, assignment = resolve_entities([full_1, full_2, bare], OUTLETS)
    assert len({entity_of(assignment, x) for x in (full_1, full_2, bare)}) == 3


def test_a_full_name_spelled_differently_joins_its_knowledge_base_actor():
    kb = m("a1", 0, "Yahya Rasool", actor="yahya-rasool", canonical="Yahya Rasool")
    other = m("a2", 0, "Yahya Rasul")
    entities, assignment = resolve_entities([kb, other], OUTLETS)
    assert entity_of(assignment, other) == "yahya-rasool"
    entity = next(e for e in entities if e.id == "yahya-rasool")
    assert entity.aliases == {"Yahya Rasool": 1, "Yahya Rasul": 1}


def test_a_full_name_of_another_family_name_stays_apart_from_the_knowledge_base_actor():
    kb = m("a1", 0, "Yahya Rasool", actor="yahya-rasool", canonical="Yahya Rasool")
    others = [m("a2", 0, "Yahya Karim"), m("a3", 0, "Rasool Yahya")]
    entities, assignment = resolve_entities([kb, *others], OUTLETS)
    assert [entity_of(assignment, x) == "yahya-rasool" for x in others] == [False, False]


def test_places_group_by_place():
    a = m("a1", 0, "Gaza", "GPE", place="region:gaza-strip")
    b = m("a2", 0, "Gaza Strip", "GPE", place="region:gaza-strip")
    entities, assignment = resolve_entities([a, b], OUTLETS)
    assert entity_of(assignment, a) == entity_of(assignment, b)


def test_a_given_name_of_the_collection_does_not_join_a_family_name_it_resembles():
    """"Larry" is a given name here (Larry Keane is named), so a bare "Larry" in an article
    that shares context with Matt Lauer's is not a spelling of "Lauer"; a family name's
    spelling variant still joins ("Rasul" for Yahya Rasool)."""
    shared = [m(a, 90, "Iraq", "GPE", actor="iraq") for a in ("a1", "a2", "a3")]
    lauer = m("a1", 0, "Matt Lauer")
    keane = m("a2", 0, "Larry Keane")
    larry = m("a3", 0, "Larry")
    entities, assignment = resolve_entities([lauer, keane, larry, *shared], OUTLETS)
    assert entity_of(assignment, larry) != entity_of(assignment, lauer)
    rasool = m("a1", 40, "Yahya Rasool")
    rasul = m("a2", 40, "Rasul")
    entities, assignment = resolve_entities([rasool, rasul, *shared], OUTLETS)
    assert entity_of(assignment, rasul) == entity_of(assignment, rasool)


def test_an_honorific_alone_joins_no_one():
    """A bare "Mr." the tagger took for a name is no name, not a spelling of "Murray"."""
    shared = [m(a, 90, "Iraq", "GPE", actor="iraq") for a in ("a1", "a2")]
    murray = m("a1", 0, "Patty Murray")
    mister = m("a2", 0, "Mr.")
    entities, assignment = resolve_entities([murray, mister, *shared], OUTLETS)
    assert entity_of(assignment, mister) != entity_of(assignment, murray)
