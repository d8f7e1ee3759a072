"""Which names are listed, and as whom (annotate/entities.py, short_names.py, name_spans.py,
law_names.py, corpus/identity.py): bare names two people could bear, first names, names in a
headline, capitalised common words, title fragments, places read from names that are none, and
descriptions. Every text here is written for these tests."""

import pytest
from conftest import annotate_text

from crossbearing.corpus.identity import resolve_entities


def mentions(text):
    return annotate_text(text).mentions


def found(text, name):
    return [m for m in mentions(text) if m.text == name]


# -- bare names that two people of the article could bear -------------------------------------

def test_a_bare_surname_is_the_subject_of_the_story_named_first_and_most():
    text = ("Former President Bill Clinton criticized the new tax rules on Monday during a stop in "
            "Dayton for his wife Hillary Clinton.\n\nThe former president spoke for an hour.\n\n"
            "\u201cIt makes no sense,\u201d Clinton said.\n\nBill Clinton had argued for the "
            "same rules in 1994, and Bill Clinton said so again.")
    [clinton] = found(text, "Clinton")
    assert clinton.canonical == "Bill Clinton" and clinton.link == "short-form"


def test_a_bare_surname_continues_the_last_subject_named_in_full():
    text = ("Libertarian candidate Gary Johnson spoke in Denver on Friday.\n\n"
            "Homeland Security Secretary Jeh Johnson says hackers are targeting state "
            "election offices.\n\nJohnson tells reporters the inquiry is continuing.")
    [johnson] = found(text, "Johnson")
    assert johnson.canonical == "Jeh Johnson"


def test_a_bare_surname_two_people_could_bear_equally_is_no_one_and_no_entity():
    text = ("Anna Berger met her brother Paul Berger at a small cafe in the old town of Vienna "
            "on a rainy day.\n\n"
            "The talks lasted three hours, and Berger said they would meet again.")
    result = list(mentions(text))
    [berger] = [m for m in result if m.text == "Berger"]
    assert berger.link == "ambiguous"
    entities, _ = resolve_entities(result, {"a1": "Outlet"})
    assert "Berger" not in {e.name for e in entities}


def test_a_first_name_alone_is_the_one_person_of_that_first_name():
    text = ("Hillary Clinton spoke in Ohio on Tuesday. Supporters cheered as Hillary promised "
            "new jobs, and LeBron James joined her. \u201cLeBron is the king,\u201d she said.")
    result = {m.text: m.canonical for m in mentions(text)}
    assert result["Hillary"] == "Hillary Clinton" and result["LeBron"] == "LeBron James"


def test_a_first_name_with_the_initial_of_the_surname_is_that_person():
    text = ("Donald Trump attacked Alicia Machado again on Friday. He wrote: \u201cDid Crooked "
            "Hillary help disgusting Alicia M become a citizen?\u201d")
    [short] = found(text, "Alicia M")
    assert short.canonical == "Alicia Machado"


def test_a_name_given_only_in_the_headline_is_what_the_bare_name_shortens():
    text = ("Senator Maria Delgado Takes On The Governor Over Water Rights\n\n"
            "Delgado said on Monday that the plan would fail farmers in the valley.")
    [delgado] = found(text, "Delgado")
    assert delgado.canonical == "Maria Delgado"


def test_a_bare_surname_that_two_people_of_the_collection_bear_is_listed_for_no_one():
    first = list(annotate_text("Bill Clinton and Hillary Clinton toured the plant in Ohio, "
                               "Reuters reported.").mentions)
    second = [m.__class__(**{**m.__dict__, "article_id": "a2"}) for m in annotate_text(
        "The debate went badly, and Clinton said nothing about it on Monday, Reuters "
        "reported.").mentions]
    entities, assignment = resolve_entities(first + second, {"a1": "A", "a2": "B"})
    assert "Clinton" not in {e.name for e in entities}
    assert {"Bill Clinton", "Hillary Clinton"} <= {e.name for e in entities}
    assert not any(key[0] == "a2" and key[1:] == (m.start, m.end)
                   for key in assignment for m in second if m.text == "Clinton")


def test_a_vocative_first_name_of_no_one_named_is_no_entity():
    text = "\u201cThis is serious business, Chris.\u201d The host moved on to the next question."
    chris = found(text, "Chris")
    assert chris and all(m.link == "ambiguous" for m in chris)


# -- capitalised words of transcripts, credits, chants and comments ---------------------------

def test_a_transcripts_speaker_label_is_named_as_a_person_is():
    text = ("The senator was asked about the debate.\n\u201cWALLACE: Will she be there?\n"
            "\u201cPENCE: I don\u2019t know.\n")
    [wallace] = [m for m in mentions(text) if m.text == "WALLACE"]
    assert wallace.label == "PERSON" and wallace.canonical == "Wallace"


@pytest.mark.parametrize("text, word", [
    ("The bank paid a fine. Bank executives were not charged, the senator said.", "Bank"),
    ("He is an immature WHITE college boy, and white voters know it.", "WHITE"),
    ("As a young woman....I\u2019d rather live anywhere else.", "I\u2019d"),
    ("The show airs weekdays from 6:00 a.m. to 9:00 a.m. Eastern.", "Eastern"),
    ("Together we fight against the Misogamy and blatant bigotry of this campaign.", "Misogamy"),
    ("How much do these figures matter? Scholars have long debated it.", "Scholars"),
])
def test_a_capitalised_common_word_is_no_name(text, word):
    assert not [m for m in mentions(text) if m.text == word and m.link != "description"]


def test_a_name_signing_a_quotation_is_a_person():
    # The model reads both signatures as organisations, and the second as its first word only.
    text = ("Readers wrote to us after the debate. \u201cHe is clueless about the struggles of "
            "working people.\u201d \u2015 Marta Lastra. Getty/Instagram. \u201cI am afraid that "
            "he will win the election.\u201d \u2015 Nell Carden Grey \u201cNo sympathy at "
            "all.\u201d \u2015 Carla Mendes.")
    people = {m.text: m.label for m in mentions(text)}
    assert people.get("Marta Lastra") == "PERSON" and people.get("Nell Carden Grey") == "PERSON"
    assert "Nell" not in people


# -- fragments of titles and spans --------------------------------------------------------------

def test_a_pageant_title_is_no_part_of_the_name_and_no_person():
    text = ("Donald Trump attacked former Miss Universe Alicia Machado on Friday. He called "
            "her names after shaming a former Miss Universe in 1996.")
    names = {m.text for m in mentions(text)}
    assert "Alicia Machado" in names
    assert not {n for n in names if "Universe" in n}


@pytest.mark.parametrize("text, name, kept", [
    ("He would not have done that to a John McCain or to anyone else.", "John McCain", None),
    ("David Plouffe, the architect of Barack Obama\u2019s campaign, said Obama\u2019s 2008 "
     "campaign was different.", "Obama", "Obama\u2019s 2008"),
])
def test_an_article_before_a_name_and_what_follows_a_possessive_are_no_part_of_it(text, name, kept):
    names = {m.text for m in mentions(text)}
    assert name in names and (kept is None or kept not in names)


# -- places read from names that are none --------------------------------------------------------

def test_a_name_after_from_that_is_the_subject_of_a_clause_is_no_town():
    text = ("She had come to believe many things, from Obama being a founder of the group to "
            "the election being rigged.")
    obama = found(text, "Obama")
    assert obama and all(m.place_id is None for m in obama)


def test_one_name_keeps_one_sense_in_an_article():
    from spacy.tokens import Span

    from crossbearing.annotate.entities import entity_mentions
    from crossbearing.annotate.nlp import pipeline

    doc = pipeline()("Clinton spoke for an hour on Monday. Clinton said the plan would work, and "
                     "Clinton took questions. The change in approach from Clinton pleased aides "
                     "in the Clinton camp.")
    at = [t.i for t in doc if t.text == "Clinton"]
    # The model reads the name as a person three times and, where a place could stand, as a town.
    doc.ents = [Span(doc, i, i + 1, label="PERSON" if n < 3 else "GPE") for n, i in enumerate(at)]
    found = [m for m in entity_mentions(doc, "a1") if m.text.startswith("Clinton")]
    assert len(found) == 5 and all(m.place_id is None and m.label == "PERSON" for m in found)


def test_a_name_standing_alone_is_no_large_town_known_by_it_only_as_another_name():
    text = "She won the prize for excellence in coverage given by the Media, into the night."
    media = found(text, "Media")
    assert media and all(m.place_id is None for m in media)


def test_a_state_of_the_knowledge_base_is_its_country_whatever_the_context():
    text = ("Polls in Ohio and Florida tightened. Putin has used his invasions of Georgia and "
            "Ukraine as a threat to NATO members.")
    [georgia] = found(text, "Georgia")
    assert georgia.place_id == "country:GE"


def test_a_dateline_and_ap_state_abbreviations_are_places():
    text = ("FLINT, Mich., Oct. 4 (UPI) \u2014 The former president spoke in Flint, Mich., on "
            "Tuesday, and Sen. Ann Smith (R-Ga.) agreed.")
    places = {m.text: m.place_id for m in mentions(text)}
    assert places.get("Mich.") and places["Mich."] == places.get("Mich.")
    assert places.get("FLINT") == places.get("Flint") is not None


def test_a_title_and_a_given_name_before_a_country_name_make_a_person():
    text = "\u201cWe will achieve justice,\u201d Tulsa police Chief Chuck Jordan said on Monday."
    names = {m.text: (m.label, m.place_id) for m in mentions(text)}
    assert names.get("Chuck Jordan") == ("PERSON", None) and "Jordan" not in names


def test_different_places_of_one_word_are_not_merged():
    result = mentions("Trump is obsessed with Mexico, said the former New Mexico governor.")
    entities, _ = resolve_entities(result, {"a1": "Outlet"})
    places = {e.name for e in entities if e.label == "GPE"}
    assert {"Mexico", "New Mexico"} <= places


# -- descriptions, laws, prizes and gatherings ---------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Eric Lang, a Democrat whose office oversees charities, declined to comment.", "Democrat"),
    ("I am so ashamed to be an American tonight, she wrote.", "American"),
    ("The Ukrainian community in Chicago gathered on Sunday.", "Ukrainian"),
])
def test_a_nationality_or_party_word_naming_one_member_is_a_description(text, word):
    words = found(text, word)
    assert words and all(m.link == "description" for m in words)


def test_the_first_half_of_two_names_sharing_a_word_is_no_name():
    text = "She has no illusions about the threat to Eastern and Northern Europe countries."
    assert not found(text, "Eastern")


def test_laws_prizes_and_gatherings_are_no_actors():
    text = ("The Affordable Care Act was attacked again; the administration will change ACA, "
            "and the 2010 Dodd-Frank financial regulations stay. The reporter won the Erikson "
            "Prize for Excellence in Reporting and covered the Republican National Convention "
            "for Senator Ann Smith.")
    names = {m.text for m in mentions(text)}
    assert not names & {"ACA", "Dodd-Frank", "Republican National Convention",
                        "Erikson Prize for Excellence in Reporting"}
    assert "Ann Smith" in names


def test_a_nationality_word_before_part_of_a_groups_name_is_the_group_placed_there():
    text = ("The Iraqi Resistance calls on the US forces to leave. The Islamic Resistance in "
            "Iraq said on Sunday that it would go on.")
    [short] = found(text, "Iraqi Resistance")
    assert short.actor_id == "islamic-resistance-in-iraq"


def test_a_first_name_the_model_took_for_a_place_is_the_persons():
    """The tagger reads "Melania" in a quoted address as a place; it names no place, and
    Melania Trump is the article's one person of that first name."""
    text = ('The column on Melania Trump drew letters on Monday.\n\nThe commentary, "Melania, '
            'tell your immigrant story," is very thoughtful.')
    [short] = [m for m in annotate_text(text).mentions if m.text == "Melania"]
    assert (short.label, short.canonical, short.link) == ("PERSON", "Melania Trump", "short-form")


def test_an_offices_portfolio_is_no_organisation():
    """The tagger reads "State" in "Secretary of State" as an organisation: it is the office's
    portfolio, part of a title; "the State Department" stays the department."""
    names = {m.text for m in mentions(
        "Former Secretary of State Hillary Clinton used a private server, the committee said.")}
    assert "State" not in names and "Hillary Clinton" in names
    assert any(m.canonical == "US Department of State" for m in mentions(
        "The State Department said on Monday that talks would resume."))


def test_a_family_name_that_is_also_a_title_word_shortens_the_full_name():
    """"King" is a title before a name ("King Abdullah") but Larry King's family name: "Mr.
    King" is Larry King."""
    text = "Larry King interviewed the candidate on Monday. Mr. King asked about the debate."
    [king] = found(text, "King")
    assert (king.canonical, king.link) == ("Larry King", "short-form")


def test_a_lone_title_joins_no_namesake_and_a_body_keeps_its_name():
    text = ("Saudi Arabia's King Salman received Republican Rep. Steve King on Monday. The King "
            "praised the alliance.")
    assert not [m for m in mentions(text) if m.text == "King" and m.canonical == "Steve King"]
    names = {m.text for m in mentions("Roger Goodell, the commissioner of the National Football "
                                      "League, suspended the player on Monday.")}
    assert "National Football League" in names
