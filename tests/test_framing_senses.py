"""Sense rules of the framing lexicon for adjectives and nouns, the verb a tagger misreads as a
noun, and whom a qualifying word is about. All sentences are invented."""

import pytest
from conftest import make_article

from crossbearing.annotate.stage import annotate_articles


def found(text):
    [result] = annotate_articles([make_article(text)])
    return {t.text: t for t in result.loaded_terms}


def words(text):
    return {t.term for t in found(text).values()}


@pytest.mark.parametrize("text, counted", [
    ("The powerful lobby for retired teachers opposed the bill.", True),
    ("Everyone knew that Dana Whitfield was powerful.", True),
    ("A powerful storm hit the coast on Monday.", False),
    ("The factory installed powerful engines last year.", False),
])
def test_a_word_of_power_counts_only_of_a_person_or_a_group(text, counted):
    assert ("powerful" in words(text)) is counted


@pytest.mark.parametrize("text, counted", [
    ("The governor gave a rambling speech to the delegates.", True),
    ("Her meandering remarks puzzled the committee.", True),
    ("They drove down a winding road to the lake.", False),
])
def test_a_word_of_manner_of_speaking_counts_only_of_a_statement(text, counted):
    assert bool(words(text) & {"rambling", "winding", "meandering"}) is counted


@pytest.mark.parametrize("text, counted", [
    ("The Republicans' threat to filibuster every bill was tested on Friday.", True),
    ("Threats from the senator alarmed the council.", True),
    ("Officials raised the terror threat level at the airport.", False),
    ("The virus remains a threat to public health.", False),
])
def test_a_threat_counts_only_as_someones_stated_act(text, counted):
    assert ("threat" in words(text)) is counted


def test_a_said_verb_the_tagger_reads_as_a_noun_still_counts():
    """A word with a subject is a verb, whatever its tag: '..., the congressman demands.'"""
    text = '"Who are you?" the seven-term congressman demands.'
    assert "demand" in words(text)


@pytest.mark.parametrize("text, word, neutral", [
    ("Voters abandoned the senator after the vote.", "abandon", "leave"),
    ("The White House dangled a cabinet post in front of him.", "dangle", "offer"),
    ("The governor flirted with a run for the White House.", "flirt with", "consider"),
    ("The self-appointed guardian of the budget spoke first.", "self-titled",
     "(the title alone)"),
])
def test_verbs_of_desertion_and_lure_and_self_given_titles(text, word, neutral):
    [term] = [t for t in found(text).values() if t.term == word]
    assert (term.neutral, term.voice) == (neutral, "own")


def test_abandoning_a_thing_is_no_desertion():
    assert "abandon" not in words("Engineers abandoned the old design in May.")


def test_a_qualifying_word_is_about_whose_the_noun_is():
    """'Israel's atrocious onslaught': the adjective is about Israel, as the noun is."""
    terms = found("Critics pointed to Israel's atrocious onslaught against the town.")
    assert terms["atrocious"].canonical == terms["onslaught"].canonical == "Israel"


@pytest.mark.parametrize("neutral, written, found", [
    ("killing", "he was killed on Monday", True),
    ("killing", "the killings went on", True),
    ("killing", "the killer fled", False),
    ("spending", "the state spent more", True),
])
def test_a_gerund_neutral_is_also_written_as_its_verb(neutral, written, found):
    """Where one outlet writes "assassination", another may write "was killed": the gerund
    given as the neutral counterpart of a noun is looked for in its verb's forms too."""
    from crossbearing.compare.framing import _pattern

    assert bool(_pattern(neutral).search(written)) is found


def test_no_verb_forms_for_an_adjective_in_ing():
    from crossbearing.compare.framing import _pattern

    assert not _pattern("damaging", True).search("the storm damaged roofs")
