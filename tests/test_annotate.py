"""Entities, places and dates in articles: the annotation stage end to end."""

import pytest
from conftest import SAMPLE_CORPUS, make_article

from crossbearing import ingest_files
from crossbearing.annotate.stage import annotate_articles
from crossbearing.annotate.run import annotate
from crossbearing.store import open_store


def article(text, published="2024-02-09", article_id="a1"):
    return make_article(text, published, article_id)


def mentions_of(text, **kwargs):
    [result] = annotate_articles([article(text, **kwargs)])
    return result


def by_text(result):
    return {m.text: m for m in result.mentions}


def test_spelling_variants_land_on_one_actor():
    result = mentions_of(
        "Kata’ib Hezbollah denied it. Kataib Hezbollah later agreed. Officials said Kataeb "
        "Hezbollah and Kata'ib Hezbollah are one group, and that Abu Baqer Al-Saedi, also known as "
        "Hajj Wisam Mohammed Saber, led it with Abu Baqir al-Saadi's blessing.")
    groups = {m.text: m.actor_id for m in result.mentions}
    assert len({groups[n] for n in ("Kata’ib Hezbollah", "Kataib Hezbollah", "Kataeb Hezbollah",
                                    "Kata'ib Hezbollah")}) == 1
    people = {groups[n] for n in ("Abu Baqer Al-Saedi", "Hajj Wisam Mohammed Saber",
                                  "Abu Baqir al-Saadi")}
    assert len(people) == 1 and None not in people
    assert all(m.label in ("ORG", "PERSON") for m in result.mentions)


def test_model_labels_corrected_by_the_knowledge_base():
    result = by_text(mentions_of(
        "Kataeb Hezbollah and al-Nujaba vowed revenge. The US Central Command (CENTCOM) said it "
        "acted alone, and Daesh was not involved."))
    assert result["Kataeb Hezbollah"].label == "ORG"
    assert result["al-Nujaba"].label == "ORG"
    assert result["US Central Command"].actor_id == result["CENTCOM"].actor_id
    assert result["Daesh"].label == "ORG"


def test_a_name_written_in_common_words_is_not_the_name():
    result = mentions_of(
        "Trump visited Russia today. Scholars debated an Islamic state in the region, and he "
        "warned of an Islamic jihad. Later he told Russia Today that the Islamic State and "
        "Islamic Jihad had lost.")
    actors = {m.text: m.actor_id for m in result.mentions}
    assert "Russia today" not in actors and actors.get("Russia") != "rt"
    assert "Islamic state" not in actors and "Islamic jihad" not in actors
    assert actors["Russia Today"] == "rt"
    assert actors["Islamic State"] == "islamic-state"
    assert actors["Islamic Jihad"] == "palestinian-islamic-jihad"


def test_a_name_in_a_capitals_headline_or_with_a_capital_more_is_found():
    result = mentions_of(
        "HEZBOLLAH AND ISLAMIC JIHAD FIRE ROCKETS\n\nThe Hamas Movement said Al-Hashd al-Shaabi "
        "fighters moved.")
    actors = {m.text: m.actor_id for m in result.mentions}
    assert actors["ISLAMIC JIHAD"] == "palestinian-islamic-jihad"
    assert actors["Hamas Movement"] == "hamas"
    assert actors["Al-Hashd al-Shaabi"] == "popular-mobilization-forces"


def test_a_name_in_a_lower_case_style_is_still_the_name():
    result = mentions_of(
        "“This was a Republican party tracking operation,” he said. The Republican party said "
        "Iraqi armed forces met the editorial board of the Washington Post on Monday.")
    actors = {(m.text, m.start): m.actor_id for m in result.mentions}
    parties = [start for (text, start), actor in actors.items()
               if actor == "us-republican-party"]
    assert len(parties) == 2  # "a Republican party tracking operation" and "The Republican party"
    assert {"iraqi-armed-forces", "washington-post"} <= set(actors.values())


def test_short_forms_link_to_the_full_name_given_earlier():
    result = mentions_of(
        "Akram al-Kaabi, the group's leader, spoke on Sunday. Brigadier Yahya Rasool, a military "
        "spokesman, replied. Kaabi said the calm was provisional. Rasool disagreed, and al-Kaabi "
        "repeated his warning.")
    forms = by_text(result)
    assert forms["Kaabi"].canonical == forms["al-Kaabi"].canonical == "Akram al-Kaabi"
    assert forms["Kaabi"].label == "PERSON" and forms["Kaabi"].link in ("short-form", "kb")
    assert forms["Rasool"].canonical == "Yahya Rasool"


def test_a_bare_surname_is_never_linked_to_a_different_person():
    result = mentions_of(
        "Hunter Smith met reporters on Monday, and Alice Smith, a senator, met them on Tuesday. "
        "Smith said nothing more.")
    smiths = [m for m in result.mentions if m.text == "Smith"]
    # Both are named once, in the same paragraph: the name is left to no one.
    assert smiths and all(m.canonical == "Smith" and m.link == "ambiguous" for m in smiths)


def test_acronyms_defined_in_the_text():
    result = mentions_of(
        "The Coastal Defence League (CDL) held a rally in Lisbon. Later the CDL said the rally "
        "had been peaceful.")
    acronyms = [m for m in result.mentions if m.text == "CDL"]
    assert len(acronyms) == 2
    assert acronyms[1].link == "acronym" and acronyms[1].canonical == "Coastal Defence League"


def test_places_are_geocoded_and_countries_come_first():
    result = by_text(mentions_of(
        "The drone struck east of Baghdad, near al-Qaim and Akashat, days after the attack on "
        "Tower 22 in Jordan."))
    assert result["Baghdad"].place_id.startswith("geonames:")
    assert result["Jordan"].place_id == "country:JO"
    assert result["al-Qaim"].label in ("GPE", "LOC") and result["al-Qaim"].place_id
    assert result["Tower 22"].place_id == "site:tower-22"


def test_time_expressions_resolve_against_the_publication_date():
    result = mentions_of(
        "The strike took place on Wednesday night. Talks will resume this weekend. More than 160 "
        "attacks have hit US forces since mid-October, and 2,500 troops have been in Iraq since "
        "2014.", published="2024-02-09")
    times = {t.text: t.value for t in result.times}
    wednesday = next(v for k, v in times.items() if "Wednesday" in k)
    assert (wednesday.start, wednesday.end, wednesday.precision) == ("2024-02-07", "2024-02-07", "day")
    weekend = next(v for k, v in times.items() if "weekend" in k)
    assert (weekend.start, weekend.end) == ("2024-02-10", "2024-02-11")
    october = next(v for k, v in times.items() if "October" in k)
    assert (october.start, october.end) == ("2023-10-11", "2024-02-09")  # since mid-October
    assert not any("160" in k or "2,500" in k for k in times)


def test_without_publication_date_relative_times_stay_unresolved():
    result = mentions_of("The strike took place on Wednesday night.", published=None)
    [time] = [t for t in result.times if "Wednesday" in t.text]
    assert not time.value.resolved and time.value.reason
    assert time.anchor is None


def test_sentences_cover_the_text_and_annotations_lie_inside_them():
    text = "Officials said three were killed. The group vowed revenge on Friday."
    result = mentions_of(text)
    assert [text[s.start:s.end] for s in result.sentences] == [
        "Officials said three were killed.", "The group vowed revenge on Friday."]
    for m in result.mentions:
        assert text[m.start:m.end] == m.text


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("annotated") / "seeds.db"
    ingest_files([SAMPLE_CORPUS], db)
    with open_store(db) as store:
        first = annotate(store)
        second = annotate(store)
    return db, first, second


def test_seeds_annotate_once_and_rerun_adds_nothing(seeds_db):
    db, first, second = seeds_db
    assert first.annotated == 5 and second.annotated == 0
    with open_store(db) as store:
        count = store.count("mentions")
        assert count == first.mentions > 100


def test_seed_actors_are_one_identity_each(seeds_db):
    db, _, _ = seeds_db
    with open_store(db) as store:
        mentions = store.annotations.mentions()
    ids = {m.text: m.actor_id for m in mentions if m.actor_id}
    kh = {ids[t] for t in ("Kata’ib Hezbollah", "Kataib Hezbollah", "Kataeb Hezbollah") if t in ids}
    assert len(kh) == 1 and len([t for t in ("Kata’ib Hezbollah", "Kataib Hezbollah",
                                             "Kataeb Hezbollah") if t in ids]) == 3
    saadi = {m.actor_id for m in mentions if "Saadi" in m.text or "Saedi" in m.text}
    assert len(saadi) == 1 and None not in saadi
    nujaba = {m.label for m in mentions if "Nujaba" in m.text}
    assert nujaba == {"ORG"}
    assert not any(m.text in ("Hezbollah",) and m.actor_id == "hezbollah" and
                   "Kata" in m.canonical for m in mentions)


def test_a_sentence_ends_with_punctuation_not_inside_a_name():
    from crossbearing.annotate.nlp import pipeline

    text = ("Saadi, commander in charge of Kata’ib Hezbollah’s operations in Syria, was killed on "
            "Wednesday night after a US drone strike hit a moving vehicle east of the Iraqi "
            "capital. Two other Kata’ib Hezbollah officials also lost their lives in the attack.")
    sentences = [s.text.strip() for s in pipeline()(text).sents]
    assert sentences[-1] == ("Two other Kata’ib Hezbollah officials also lost their lives in the "
                             "attack.")
    assert sentences[0].endswith("east of the Iraqi capital.")  # a full stop still ends one


def test_a_firms_name_the_model_took_for_a_persons_is_an_organisation():
    found = by_text(mentions_of(
        "Rick Wilson, who runs Crosscut Strategies, said on Monday that the race was close."))
    assert found["Crosscut Strategies"].label == "ORG" and found["Rick Wilson"].label == "PERSON"


def test_a_party_word_before_a_person_describes_the_person_not_the_party():
    result = mentions_of(
        "The Republican Party met in Cleveland. Republican Donald Trump and the Republican "
        "nominee's running mate spoke there on Monday.")
    parties = [m for m in result.mentions if m.text == "Republican"]
    assert parties and all(m.link == "description" and not m.actor_id for m in parties)
