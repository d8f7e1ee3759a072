"""Rules of the framing annotator beyond the word list: epistemic words kept apart, adverbs made
from listed adjectives, the phrase a loaded word heads, someone's judgement reported without
quotation marks, and words of violence counted only in their figurative sense. All sentences
are invented."""

import pytest
from conftest import make_article

from crossbearing.annotate.lexicon import _adjective_bases, _adverb_of
from crossbearing.annotate.stage import annotate_articles


def annotate(text):
    [result] = annotate_articles([make_article(text)])
    return result


def found(text):
    return {t.text: t for t in annotate(text).loaded_terms}


def test_a_said_verb_in_the_outlets_voice_has_its_neutral_counterpart():
    term = found("Senator Dana Whitfield slammed the budget plan.")["slammed"]
    assert (term.category, term.neutral, term.voice) == ("said-verb", "criticize", "own")


def test_legal_vocabulary_is_not_loaded():
    assert found("Prosecutors filed criminal charges against the mayor.") == {}


def test_so_called_is_distancing_in_the_outlets_voice():
    term = found("The so-called experts disagreed with the ruling.")["so-called"]
    assert (term.category, term.voice) == ("distancing", "own")


@pytest.mark.parametrize("text, word", [
    ("Dana Whitfield said the plan was draconian.", "draconian"),
    ("The tax cuts are seen by many Democrats as giveaways to the rich.", "giveaways"),
    ("Dana Whitfield slammed the plan as a giveaway to the rich.", "giveaway"),
    ("The plan is widely viewed by critics as reckless.", "reckless"),
    ("The mayor branded the activists a mob.", "mob"),
    ("The senator dismissed the idea as a stunt.", "stunt"),
])
def test_words_reported_as_someone_elses_are_not_own_voice(text, word):
    assert found(text)[word].voice != "own"


def test_the_same_word_in_the_outlets_own_judgement_is_own():
    assert found("The reckless plan was passed on Monday.")["reckless"].voice == "own"


def test_the_verb_that_reports_a_judgement_stays_the_outlets():
    terms = found("Dana Whitfield slammed the plan as a giveaway to the rich.")
    assert (terms["slammed"].voice, terms["giveaway"].voice) == ("own", "reported")


@pytest.mark.parametrize("text, word, tag", [
    ("Dana Whitfield claimed that the count was rigged.", "claimed", "casts-doubt"),
    ("Dana Whitfield conceded that the plan had flaws.", "conceded", "presupposes"),
    ("The result was clearly a setback for the council.", "clearly", "boosting"),
])
def test_epistemic_words_are_a_category_of_their_own(text, word, tag):
    term = found(text)[word]
    assert (term.category, term.tag) == ("epistemic", tag)


@pytest.mark.parametrize("text, word, neutral", [
    ("Dana Whitfield testily dismissed the question.", "testily", None),
    ("The council brushed the petition aside dismissively.", "dismissively", None),
    ("The board answered the complaint sarcastically.", "sarcastically", None),
])
def test_an_adverb_made_from_a_listed_adjective_judges_as_it_does(text, word, neutral):
    term = found(text)[word]
    assert (term.category, term.term, term.neutral) == ("evaluative", word, neutral)


def test_the_adverb_of_an_adjective_with_a_neutral_counterpart_gets_its_adverb():
    term = found("The mayor brashly ignored the court.")["brashly"]
    assert (term.term, term.neutral, term.voice) == ("brashly", "outspokenly", "own")


@pytest.mark.parametrize("adverb, base", [
    ("testily", "testy"), ("dramatically", "dramatic"), ("predictably", "predictable"),
    ("dismissively", "dismissive"), ("fully", "full")])
def test_adjective_bases_of_an_adverb(adverb, base):
    assert base in _adjective_bases(adverb)


@pytest.mark.parametrize("adjective, adverb", [
    ("strict", "strictly"), ("angry", "angrily"), ("terrible", "terribly"),
    ("ironic", "ironically"), ("last resort", None)])
def test_the_adverb_of_a_neutral_adjective(adjective, adverb):
    assert _adverb_of(adjective) == adverb


@pytest.mark.parametrize("text, phrase", [
    ("The unusually testy senator left the hearing.", "unusually testy"),
    ("Dana Whitfield railed against the bill on Monday.", "railed against"),
    ("Dana Whitfield slammed the plan on Monday.", "slammed"),
    ("Dana Whitfield also slammed the plan.", "slammed"),
])
def test_a_loaded_word_keeps_the_words_that_grade_or_complete_it(text, phrase):
    assert phrase in found(text)


def test_a_grading_word_that_is_loaded_itself_stays_its_own_match():
    assert {"brazenly", "cynical"} <= set(found("The mayor was brazenly cynical about the vote."))


@pytest.mark.parametrize("text, word", [
    ("Dana Whitfield complained that the rules were unfair.", "complained"),
    ("The speaker has refused to budge on the tax plan.", "refused to budge"),
    ("He pushed conspiracy theories about the vote.", "conspiracy theories"),
    ("The council was dismissive of the proposal.", "dismissive"),
    ("The governor raided the pension fund to balance the budget.", "raided"),
    ("The lobby began an assault on the bill.", "assault"),
])
def test_curated_classes_are_found_in_the_outlets_voice(text, word):
    assert found(text)[word].voice == "own"


@pytest.mark.parametrize("text", [
    "Troops raided the compound before dawn.",
    "The assault on the city began at dawn.",
    "Police raided the house of the suspect.",
])
def test_words_of_violence_in_their_literal_sense_are_not_loaded(text):
    assert found(text) == {}


@pytest.mark.parametrize("text, counted", [
    ("The senator threatened to block the bill.", True),
    ("The storm threatened to flood the valley.", False),
    ('"The rules are unfair," the senator complained.', True),
])
def test_a_said_verb_of_grievance_needs_someone_who_says_it(text, counted):
    assert any(t.term == w for t in annotate(text).loaded_terms
               for w in ("threaten", "complain")) is counted


@pytest.mark.parametrize("text", [
    "Reporters crowded into the spin room.",
    "The jury awarded punitive damages.",
    "The sign said STOP in bold letters.",
    "The advert appealed to the voters' guts.",
])
def test_plain_uses_of_listed_words_are_not_loaded(text):
    assert found(text) == {}
