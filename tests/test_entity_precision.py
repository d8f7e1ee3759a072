"""What is listed as an entity (annotate/entities.py, corpus/identity.py): words that describe an
actor, words of institution and people's surnames taken for towns, fragments, chants and stage
directions are not. Every text here is written for these tests."""

from conftest import annotate_text

from crossbearing.corpus.identity import resolve_entities

TEXT = ("Republican senator Ann Smith met Iraqi lawmakers on Monday. The Democratic nominee said "
        "pro-Iranian groups had attacked the convoy. Democrats said the Kurds were angry, and "
        "Americans agreed.")


def links():
    return {m.text: m.link for m in annotate_text(TEXT).mentions if m.label == "NORP"}


def test_a_nationality_or_party_word_before_a_noun_is_a_description():
    found = links()
    assert {found[w] for w in ("Republican", "Iraqi", "Democratic", "pro-Iranian")} == {
        "description"}


def test_the_same_words_as_nouns_are_actors():
    found = links()
    assert found["Democrats"] != "description" and found["Americans"] != "description"


def test_descriptions_are_no_entities_of_the_collection():
    mentions = annotate_text(TEXT).mentions
    entities, assignment = resolve_entities(mentions, {"a1": "Outlet"})
    names = {e.name for e in entities}
    assert not names & {"Republican", "Iraqi", "Democratic", "pro-Iranian"}
    assert "Democrats" in names
    described = [m for m in mentions if m.link == "description"]
    assert described and not any((m.article_id, m.start, m.end) in assignment for m in described)


def test_a_word_of_institution_is_no_town():
    mentions = annotate_text("Democrats in Congress blocked the bill on Tuesday.").mentions
    [congress] = [m for m in mentions if m.text == "Congress"]
    assert congress.place_id is None and congress.label == "ORG"


def test_the_surname_of_a_person_named_in_full_is_no_town():
    mentions = annotate_text("Bill Clinton and Hillary Clinton spoke in Ohio. The shift in "
                             "tone from Clinton surprised aides.").mentions
    [clinton] = [m for m in mentions if m.text == "Clinton"]
    assert clinton.place_id is None and clinton.label == "PERSON"


def test_fragments_chants_and_stage_directions_are_no_entities():
    text = ("The crowd was chanting U-S-A! U-S-A! as the senator spoke. (CROSSTALK) Photo: "
            "Getty/Instagram. Reuters reported the exchange.")
    names = {m.text for m in annotate_text(text).mentions}
    assert not names & {"U-S-A", "CROSSTALK", "Getty/", "Getty/Instagram"}
    assert "Reuters" in names


def test_laws_treaties_and_programmes_are_no_actors():
    text = ("The senator called Obamacare a failure. The Affordable Care Act and Medicare were "
            "debated, the Dodd-Frank law was attacked and the Paris Agreement was defended by "
            "Senator Bill Nelson.")
    names = {m.text for m in annotate_text(text).mentions}
    assert not names & {"Obamacare", "Affordable Care Act", "Medicare", "Dodd-Frank",
                        "Paris Agreement"}
    assert "Bill Nelson" in names


def test_a_transcripts_speaker_labels_are_its_people():
    text = ("Chris Wallace moderated the debate with Donald Trump.\nWALLACE: Mr. Trump, your "
            "answer?\nTRUMP: Wrong. (CROSSTALK.)\n")
    found = {m.text: m for m in annotate_text(text).mentions}
    assert found["WALLACE"].canonical == "Chris Wallace"
    assert found["TRUMP"].label == "PERSON" and found["TRUMP"].canonical == "Donald Trump"
    assert "CROSSTALK" not in found


def test_a_company_named_like_a_programme_stays_an_actor():
    names = {m.text for m in annotate_text(
        "UnitedHealthcare raised its prices while Medicaid was cut.").mentions}
    assert "UnitedHealthcare" in names and "Medicaid" not in names
