"""Framing in one article: descriptors of named actors in each construction, loaded words from
the lexicon matched on lemmas, and the article's own words kept apart from the words it quotes.
All sentences are invented."""

import pytest
from conftest import make_article

from crossbearing.annotate.lexicon import CATEGORIES, Lexicon, bundled_lexicon
from crossbearing.annotate.results import CODE_VERSION, stage_version
from crossbearing.annotate.stage import annotate_articles

KH = "kataib-hezbollah"


def annotate(text):
    [result] = annotate_articles([make_article(text)])
    return result


def descriptors_of(result, actor_id, kind=None):
    return [d for d in result.descriptors
            if d.actor_id == actor_id and (kind is None or d.kind == kind)]


def terms(result, term=None):
    return [t for t in result.loaded_terms if term is None or t.term == term]


def test_appositive_after_the_name():
    result = annotate("Kataib Hezbollah, an armed faction with bases near the border, denied "
                      "the report on Tuesday.")
    [d] = descriptors_of(result, KH, "appositive")
    assert d.text == "an armed faction with bases near the border"
    assert (d.voice, d.quote) == ("own", None)
    assert result.mentions[0].start == d.mention[0]


def test_appositive_between_dashes_after_an_acronym():
    result = annotate("Rockets were fired by the Islamic Resistance in Iraq (IRI) – a coalition "
                      "of armed factions – at a base in the desert on Sunday.")
    [d] = descriptors_of(result, "islamic-resistance-in-iraq", "appositive")
    assert d.text == "a coalition of armed factions"


def test_noun_phrase_before_a_name_describes_the_name():
    result = annotate("Mourners gathered for a veteran field commander, Abu Baqir al-Saadi, "
                      "in the capital.")
    [d] = descriptors_of(result, "abu-baqir-al-saadi", "appositive")
    assert d.text == "a veteran field commander"


@pytest.mark.parametrize("text, expected", [
    ("Drones struck the Iran-backed Kataib Hezbollah near the border.", "Iran-backed"),
    ("Officials blamed the pro-Iranian militia Kataib Hezbollah for the raid.",
     "pro-Iranian militia"),
])
def test_premodifiers(text, expected):
    result = annotate(text)
    assert [d.text for d in descriptors_of(result, KH, "premodifier")] == [expected]


def test_predicate_nominal():
    result = annotate("Kataib Hezbollah is an armed faction with close ties to Tehran.")
    [d] = descriptors_of(result, KH, "predicate")
    assert d.text == "an armed faction with close ties to Tehran"


def test_relative_clause():
    result = annotate("Kataib Hezbollah, which controls several border crossings, rejected the "
                      "claim.")
    [d] = descriptors_of(result, KH, "relative")
    assert d.text == "which controls several border crossings"


@pytest.mark.parametrize("text, expected", [
    ("Kataib Hezbollah was designated as a terrorist organization by the State Department.",
     "designated as a terrorist organization by the State Department"),
    ("Listed as a terrorist group by Washington, Kataib Hezbollah has faced sanctions for years.",
     "Listed as a terrorist group by Washington"),
])
def test_labels(text, expected):
    result = annotate(text)
    [d] = descriptors_of(result, KH, "label")
    assert d.text == expected
    [t] = terms(result, "terrorist")
    assert t.actor_id == KH  # the loaded word stands in the label of that actor


def test_no_descriptor_from_a_number_or_another_name():
    result = annotate("Two other Kataib Hezbollah fighters were wounded. The Syria-Kataib "
                      "Hezbollah route was closed.")
    assert all(d.text.lower() not in ("two other", "syria") for d in result.descriptors)


def test_loaded_words_are_matched_on_lemmas():
    result = annotate("He was martyred on Monday. Crowds mourned the martyrs. They praised his "
                      "martyrdom. The group vowed to assassinate the killers and called it an "
                      "assassination.")
    assert [t.term for t in terms(result, "martyr")] == ["martyr"] * 3
    assert [t.text for t in terms(result, "assassination")] == ["assassinate", "assassination"]
    [entry] = terms(result, "assassination")[:1]
    assert (entry.category, entry.tag, entry.neutral) == ("act", "violence-emphasis", "killing")


def test_forms_of_several_words_with_a_gap():
    result = annotate("The raid violated Iraq's sovereignty, officials said of the occupying "
                      "foreign forces.")
    texts = {t.term: t.text for t in result.loaded_terms}
    assert texts["violation of sovereignty"] == "violated Iraq's sovereignty"
    assert texts["occupation"] == "occupying foreign forces"


def test_words_inside_names_and_hyphenated_compounds_are_not_loaded():
    result = annotate("The Islamic Resistance in Iraq joined anti-terror drills. The resistance "
                      "fighters waited.")
    assert [t.text for t in result.loaded_terms] == ["resistance fighters"]


def test_own_and_quoted_voice():
    text = ('Kataib Hezbollah said: "The occupiers assassinated our heroic commander." '
            "The US military said it killed the commander in a strike it called "
            "self-defense. The strike was an act of aggression against the region.")
    result = annotate(text)
    [direct] = [q for q in result.quotes if q.kind == "direct"]
    [reported] = [q for q in result.quotes if q.kind == "indirect"]
    voice = {t.term: (t.voice, t.quote) for t in result.loaded_terms}
    for term in ("occupation", "assassination", "heroic"):
        assert voice[term] == ("quoted", (direct.start, direct.end))
    assert voice["self-defence"] == ("quoted", (reported.start, reported.end))
    assert voice["aggression"] == ("own", None)


def test_a_descriptor_inside_a_quote_is_quoted():
    text = ('"Kataib Hezbollah, an honourable movement of the people, will respond," the '
            "spokesman told reporters. Kataib Hezbollah, an armed faction, has not commented.")
    result = annotate(text)
    by_voice = {d.voice: d for d in descriptors_of(result, KH, "appositive")}
    assert by_voice["quoted"].text == "an honourable movement of the people"
    assert by_voice["quoted"].quote is not None
    assert by_voice["own"].text == "an armed faction"
    assert by_voice["own"].quote is None


def test_spans_point_at_the_text():
    text = "The Iran-backed Kataib Hezbollah was called a terrorist militia by the regime."
    result = annotate(text)
    assert result.descriptors and result.loaded_terms
    for item in (*result.descriptors, *result.loaded_terms):
        assert text[item.start:item.end] == item.text
    for d in result.descriptors:
        assert text[d.mention[0]:d.mention[1]] == "Kataib Hezbollah"


def test_a_lexicon_can_be_extended():
    lexicon = Lexicon.from_toml('[[entry]]\nterm = "butcher"\nforms = ["butcher", "slaughter"]\n'
                                'category = "actor"\ntag = "delegitimising"\nneutral = "commander"\n')
    from crossbearing.annotate.nlp import pipeline

    doc = pipeline()("They slaughtered the villagers, the butchers of the valley.")
    assert [(m.entry.term, doc[m.first].text) for m in lexicon.find(doc)] == [
        ("butcher", "slaughtered"), ("butcher", "butchers")]


@pytest.mark.parametrize("text, problem", [
    ('[[entry]]\nterm = "x"\nforms = ["x"]\ncategory = "act"\ntag = "nice"', "tag"),
    ('[[entry]]\nterm = "x"\nforms = ["x"]\ncategory = "event"\ntag = "minimising"', "category"),
    ('[[entry]]\nterm = "x"\nforms = ["... x"]\ncategory = "act"\ntag = "minimising"', "form"),
    ('[[entry]]\nterm = "x"\ncategory = "act"\ntag = "minimising"', "forms"),
    ('[[group]]\ncategory = "label"\ntag = "partisan"\nwords = ["x", "x"]', "both"),
    ('[[group]]\ncategory = "label"\ntag = "partisan"\npos = ["X"]\nwords = ["x"]', "pos"),
    ('[[group]]\ncategory = "label"\ntag = "partisan"\nsense = "odd"\nwords = ["x"]', "sense"),
    ('[[group]]\ncategory = "label"\ntag = "partisan"', "words"),
])
def test_bad_lexicon_entries_and_groups_are_refused(text, problem):
    with pytest.raises(ValueError, match=problem):
        Lexicon.from_toml(text)


def test_the_bundled_lexicon_and_the_stage_version():
    lexicon = bundled_lexicon()
    assert {e.category for e in lexicon.entries} == CATEGORIES
    assert len({(e.term, e.category, e.pos) for e in lexicon.entries}) == len(lexicon.entries)
    grouped = [e for e in lexicon.entries if e.category not in ("act", "actor")]
    assert all(e.source for e in grouped)  # every category cites the list it follows
    from crossbearing.knowledge import files

    digest = files.digest(files.version("framing_lexicon"), files.version("loaded_language"))
    assert f"+lexicon.{digest}+" in stage_version()


def test_framing_is_saved_and_replaced(store):
    from crossbearing.model import InputRecord
    from crossbearing.annotate.run import save

    text = "Kataib Hezbollah, an armed faction, denounced the assassination."
    result = annotate(text)
    store.articles.add_input(InputRecord("input-1", "in/a.txt", "s" * 64, 10, "text", "v1", 1, 0, 0))
    store.articles.add_article(make_article(text), "input-1")
    save(store, result)
    save(store, result)  # a rerun replaces, never duplicates
    assert store.framing.descriptors(["a1"]) == list(result.descriptors)
    assert store.framing.loaded_terms(["a1"]) == list(result.loaded_terms)


# -- loaded language of every part of speech ---------------------------------------------------

def term_of(result, text):
    [found] = [t for t in result.loaded_terms if t.text == text]
    return found


@pytest.mark.parametrize("text, word, category, tag, neutral", [
    ("Senator Dana Whitfield slammed the budget plan on Tuesday.", "slammed", "said-verb",
     "disparaging", "criticize"),
    ("The mayor boasted about the new stadium.", "boasted", "said-verb", "disparaging", "say"),
    ("Governor Lena Marsh doubled down on the tax plan.", "doubled down", "framing-verb",
     "disparaging", "persist"),
    ("The council passed a draconian curfew.", "draconian", "evaluative", "disparaging",
     "strict"),
    ("The union made a last-ditch offer.", "last-ditch", "evaluative", "dramatising", "final"),
    ("The agency brazenly ignored the court.", "brazenly", "evaluative", "disparaging", "openly"),
    ("The plan carries a whopping price tag.", "whopping", "intensifier", "intensifying",
     "large"),
    ("The far right rallied in the square.", "far right", "label", "partisan", "conservative"),
    ("The so-called compromise collapsed.", "so-called", "distancing", "distancing",
     "(the term alone)"),
])
def test_loaded_words_of_every_part_of_speech(text, word, category, tag, neutral):
    found = term_of(annotate(text), word)
    assert (found.category, found.tag, found.neutral, found.voice) == (category, tag, neutral,
                                                                      "own")


def test_a_said_verb_is_tied_to_its_speaker():
    result = annotate("Dana Whitfield lashed out at the regulators on Monday.")
    found = term_of(result, "lashed out")
    assert (found.canonical, found.voice) == ("Dana Whitfield", "own")


@pytest.mark.parametrize("text, counted", [
    ("Dana Whitfield conceded that the plan had flaws.", True),
    ('"We got it wrong," Dana Whitfield conceded.', True),
    ("Dana Whitfield conceded the election on Wednesday.", False),
    ("Dana Whitfield claimed that the count was rigged.", True),
    ("The rebels claimed responsibility for the ambush.", False),
    ("Dana Whitfield was admitted to the hospital.", False),
])
def test_verbs_of_saying_count_only_when_they_report_speech(text, counted):
    result = annotate(text)
    said = [t for t in result.loaded_terms if t.category in ("said-verb", "epistemic")]
    assert bool(said) is counted


@pytest.mark.parametrize("text, counted", [
    ("The raid eliminated the commander.", True),
    ("The new law eliminated the deficit.", False),
])
def test_a_killing_word_needs_a_person_as_its_object(text, counted):
    assert bool(terms(annotate(text), "eliminate")) is counted


@pytest.mark.parametrize("text", [
    "Prosecutors filed criminal charges against the treasurer.",
    "The city opened a criminal investigation after the fire.",
    "Three people died in the terrorist attack on the station.",
    "A blast destroyed the bridge on Sunday.",
    "Violent crime fell in the city last year.",
    "The convoy met stiff resistance near the border.",
    "The country tightened its sanctions regime.",
])
def test_plain_uses_of_listed_words_are_not_loaded(text):
    assert annotate(text).loaded_terms == ()


def test_a_crime_word_counts_when_tied_to_an_actor():
    result = annotate("The crimes of the United States will not be forgotten.")
    [found] = terms(result, "criminal")
    assert found.actor_id == "united-states"


def test_reported_speech_is_the_speakers_voice():
    result = annotate("Dana Whitfield said the new curfew was draconian.")
    found = term_of(result, "draconian")
    [quote] = result.quotes
    assert (found.voice, found.quote) == ("quoted", (quote.start, quote.end))
    assert quote.kind == "indirect"


def test_someone_elses_designation_is_reported_not_own():
    result = annotate("Kataib Hezbollah was designated as a terrorist organization by "
                      "Washington in 2009.")
    [label] = descriptors_of(result, KH, "label")
    assert (label.voice, label.quote) == ("reported", None)
    found = term_of(result, "terrorist")
    assert (found.voice, found.actor_id) == ("reported", KH)


def test_scare_quotes_are_the_outlets_own_distancing():
    result = annotate('The "reform" would cut benefits for thousands of retirees.')
    found = term_of(result, '"reform"')
    assert (found.term, found.category, found.voice) == ("scare quotes", "distancing", "own")


@pytest.mark.parametrize("text", [
    'Dana Whitfield called the plan a "disaster" on Monday.',  # a quoted word, attributed
    'The senator spoke on "Meet the Press" on Sunday.',  # a title
])
def test_quotation_marks_that_quote_or_name_are_not_scare_quotes(text):
    result = annotate(text)
    assert not [t for t in result.loaded_terms if t.term == "scare quotes"]
    assert all(t.voice != "own" for t in result.loaded_terms)


@pytest.mark.parametrize("text", [
    "Gov. Rick Perry met House Speaker John Boehner.",
    "Mr. Boehner and President Barack Obama spoke on Friday.",
    "John Boehner, the Speaker of the House, spoke on Friday.",
    "Dana Whitfield, a Republican from Ohio, spoke on Friday.",
    "Former Senate Majority Leader Bill Frist spoke on Friday.",
    "The prime minister, Karim Haddad, spoke to reporters on Monday.",
    "The Iraqi prime minister, Karim Haddad, spoke to reporters on Monday.",
])
def test_honorifics_and_bare_titles_are_not_descriptors(text):
    assert annotate(text).descriptors == ()


def test_the_titles_a_name_carries_are_title_words():
    """One list of the titles a name carries ("Hajj", "Sayyid", "prime"): name matching leaves
    them out, and a descriptor made of them says nothing."""
    from crossbearing.annotate.descriptors import title_words
    from crossbearing.annotate.names import TITLES

    assert TITLES <= title_words()
    assert {"prime", "mullah", "hajj", "haji", "sayyid", "sayed", "shaykh"} <= title_words()


def test_the_title_words_are_part_of_the_stage_version(monkeypatch):
    """A change to the title words changes which descriptors exist: every article is annotated
    again."""
    from crossbearing.knowledge import bundle, files

    version = stage_version()
    assert f"+titles.{files.version('framing_titles')}+" in version
    assert version.startswith(CODE_VERSION + "+")
    read = files.text
    monkeypatch.setattr(files, "text", lambda name: read(name) + (
        "\nalderwoman\n" if name == "framing_titles" else ""))
    files.version.cache_clear()
    bundle._version.cache_clear()
    try:
        assert stage_version() != version
        assert f"+titles.{files.version('framing_titles')}+" in stage_version()
    finally:
        monkeypatch.undo()
        files.version.cache_clear()
        bundle._version.cache_clear()


@pytest.mark.parametrize("text, expected, actor", [
    ("Karl Rove, an eccentric longtime strategist, spoke on Friday.",
     "an eccentric longtime strategist", "Karl Rove"),
    ("The embattled governor, Rod Blagojevich, spoke on Friday.", "The embattled governor",
     "Rod Blagojevich"),
    ("The embattled prime minister, Karim Haddad, spoke on Friday.",
     "The embattled prime minister", "Karim Haddad"),
])
def test_descriptors_that_say_something_are_kept_with_their_actor(text, expected, actor):
    [d] = annotate(text).descriptors
    assert (d.text, d.canonical, d.voice) == (expected, actor, "own")


def test_a_lexicon_group_reads_forms_neutral_part_of_speech_and_sense():
    lexicon = Lexicon.from_toml(
        '[[group]]\ncategory = "said-verb"\ntag = "disparaging"\npos = ["VERB"]\n'
        'source = "a list"\nwords = ["blast | rip into = criticize", "lash out"]\n'
        '[[neutral_use]]\nforms = ["blast off"]\n')
    from crossbearing.annotate.nlp import pipeline

    doc = pipeline()("The blast shook the port. Critics blasted the plan and ripped into "
                     "the mayor. The rocket blasted off.")
    found = [(m.entry.term, m.entry.neutral, doc[m.first:m.last + 1].text)
             for m in lexicon.find(doc)]
    # "rip into" is another form of the headword "blast"
    assert found == [("blast", "criticize", "blasted"), ("blast", "criticize", "ripped into")]
    assert len(lexicon.find(doc, senses=False)) == 4


def test_a_capitalised_word_of_a_name_no_mention_covers_is_not_loaded_language():
    from conftest import annotate_text

    # The second naming of the front is no mention (the entity layer links the full name once),
    # but the parser reads it as a proper name.
    result = annotate_text("The National Resistance Front said on Friday it would act. “The enemy "
                           "only understands force,” the Resistance quipped. The resistance of "
                           "local farmers to the plan grew.")
    loaded = [t.text for t in result.loaded_terms]
    assert "Resistance" not in loaded and "quipped" in loaded


@pytest.mark.parametrize("neutral, adjective, written, found", [
    ("kill", False, "the killer", False),
    ("attack", False, "the attackers", False),
    ("kill", False, "they killed", True),
    ("criticize", False, "she criticises", True),
    ("close", True, "closer ties", True),
    ("close", True, "the closest ally", True),
    ("early", True, "an earlier plan", True),
])
def test_the_neutral_wording_of_a_verb_is_not_its_doer(neutral, adjective, written, found):
    """The comparative and superlative are forms of an adjective only: "-er" on a verb names the
    one who does it ("killer"), which is no neutral wording of the act."""
    from crossbearing.compare.framing import _pattern

    assert bool(_pattern(neutral, adjective).search(written)) is found


def test_the_lexicon_says_which_neutral_wordings_compare():
    """"cozy" is an adjective, so "closer" is a form of its neutral "close"; "eliminate" is not,
    so "killer" is no form of its neutral "kill"."""
    from crossbearing.compare.framing import _neutral_pattern

    entries = {e.term: e for e in bundled_lexicon().entries}
    assert "ADJ" in entries["cozy"].pos and "ADJ" not in entries["eliminate"].pos
    assert _neutral_pattern({"term": "cozy", "neutral": "close"}).search("closer ties")
    killed = _neutral_pattern({"term": "eliminate", "neutral": "kill"})
    assert killed.search("he was killed") and not killed.search("the killer")
