"""Quotes and reported speech: quotation marks, cues, kinds and speakers, on sentences of our
own and on the five seed reports."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossbearing.annotate.entities import entity_mentions
from crossbearing.annotate.nlp import pipeline
from crossbearing.annotate.quotemarks import quote_runs
from crossbearing.annotate.quotes import quote_annotations


def quotes_of(text):
    doc = pipeline()(text)
    return quote_annotations(doc, "a1", entity_mentions(doc, "a1"))


def texts(text, quote):
    """The quote's content spans, cue and speaker as text."""
    cue = text[quote.cue[0]:quote.cue[1]] if quote.cue else None
    return [text[s:e] for s, e in quote.content], cue, quote.speaker_text


def only(text):
    found = quotes_of(text)
    assert len(found) == 1, [texts(text, q) for q in found]
    return found[0]


# --- quotation marks --------------------------------------------------------------------------

@pytest.mark.parametrize("quoted", ["“We will respond,”", '"We will respond,"',
                                    "‘We will respond,’", "'We will respond,'",
                                    "«We will respond,»"])
def test_direct_quote_with_every_kind_of_mark(quoted):
    text = f"{quoted} Omar Haddad said."
    quote = only(text)
    assert texts(text, quote) == ([quoted], "said", "Omar Haddad")
    assert quote.kind == "direct"


def test_quote_inside_a_quote_stays_one_quote():
    text = "“They told us ‘leave now’ and we left,” said Omar Haddad."
    quote = only(text)
    assert texts(text, quote) == (["“They told us ‘leave now’ and we left,”"], "said",
                                  "Omar Haddad")


def test_cue_before_the_quote_and_quote_interrupted_by_its_cue():
    text = "Omar Haddad said: “We will respond.”"
    assert texts(text, only(text)) == (["“We will respond.”"], "said", "Omar Haddad")
    text = "“We will respond,” Omar Haddad said, “and we will win.”"
    quote = only(text)
    assert texts(text, quote) == (["“We will respond,”", "“and we will win.”"], "said",
                                  "Omar Haddad")
    assert quote.kind == "direct"


def test_quote_running_over_paragraphs_without_closing_marks():
    text = ("The minister spoke at length on Monday.\n\n"
            "“The first part of the plan is ready.\n\n"
            "“The second part will follow in the spring,” Hana Karimi said.")
    quote = only(text)
    assert texts(text, quote) == (["“The first part of the plan is ready.",
                                   "“The second part will follow in the spring,”"], "said",
                                  "Hana Karimi")
    assert quote.kind == "direct"


def test_unclosed_quote_ends_with_its_paragraph_when_the_next_does_not_continue_it():
    text = ("The statement urged its allies to “stand with the resistance until the end\n\n"
            "The group called on fighters to join the ranks.")
    first, second = quotes_of(text)
    assert texts(text, first)[0] == ["its allies to “stand with the resistance until the end"]
    assert first.kind == "mixed"
    assert texts(text, second)[0] == ["fighters to join the ranks"]


def test_apostrophes_are_not_quotation_marks():
    text = ("Kata’ib Hezbollah’s leaders met at the groups’ headquarters; it’s the ’90s again, "
            "isn't it?")
    assert quote_runs(text) == []
    assert quotes_of(text) == []


def test_plural_possessive_inside_a_single_quoted_quote():
    text = "‘The fighters’ families will be protected,’ the commander said."
    quote = only(text)
    assert texts(text, quote)[0] == ["‘The fighters’ families will be protected,’"]


@pytest.mark.parametrize("text", [
    "He said “we will win.", "He said ”we will win“ and left.", "“", "”’‘«»\"'", "' ' ' “ ” ”",
    "“One.\n\n“Two.\n\n“Three", "The “so-called” plan, he said, is “dead.\n\nNext paragraph”.",
])
def test_unbalanced_marks_never_crash(text):
    for quote in quotes_of(text):
        assert all(0 <= s < e <= len(text) for s, e in quote.content)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", "‘", "’", '"', "'", "«", "»", "''", "word", " ",
                                 "\n\n", "it’s", ",", "."]), max_size=40))
def test_mark_pairing_never_crashes_and_spans_stay_in_the_text(pieces):
    text = "".join(pieces)
    for run in quote_runs(text):
        assert all(0 <= s < e <= len(text) for s, e in run.parts)
        assert list(run.parts) == sorted(run.parts)


def test_scare_quotes_are_not_speech():
    assert quotes_of("The so-called “opportunity” was withdrawn after the strike.") == []


# --- reported speech --------------------------------------------------------------------------

@pytest.mark.parametrize("verb", [
    "said", "stated", "noted", "added", "vowed", "stressed", "warned", "claimed", "denied",
    "confirmed", "announced", "emphasized", "emphasised", "affirmed", "insisted", "explained",
    "pointed out", "underlined", "quipped", "reiterated"])
def test_cue_verbs_with_a_that_clause(verb):
    text = f"The spokesman {verb} that the border would stay closed."
    quote = only(text)
    assert texts(text, quote) == (["that the border would stay closed"], verb, "The spokesman")
    assert quote.kind == "indirect"


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The envoy told reporters that talks had stalled.", ["that talks had stalled"], "told",
     "The envoy"),
    ("The ministry said the border would reopen.", ["the border would reopen"], "said",
     "The ministry"),
    ("Three people were killed, the ministry said.", ["Three people were killed"], "said",
     "the ministry"),
    ("The talks, the envoy added, will resume next week.", ["The talks", "will resume next week"],
     "added", "the envoy"),
    ("According to the police, three people were wounded.", ["three people were wounded"],
     "According to", "the police"),
    ("Three people were wounded, according to the police.", ["Three people were wounded"],
     "according to", "the police"),
    ("In a statement, the ministry condemned the attack.", ["condemned the attack"],
     "In a statement", "the ministry"),
    ("The group called on its supporters to stay home.", ["its supporters to stay home"],
     "called on", "The group"),
    ("The council urged residents to leave the area.", ["residents to leave the area"], "urged",
     "The council"),
    ("The ministry accused the rebels of shelling the town.", ["the rebels of shelling the town"],
     "accused", "The ministry"),
    ("The army denied the reports.", ["the reports"], "denied", "The army"),
    ("The militia vowed to retaliate.", ["to retaliate"], "vowed", "The militia"),
    ("The statement read that the operation was over.", ["that the operation was over"], "read",
     "The statement"),
    ("The government condemned the strike, saying that it violated the country's sovereignty.",
     ["that it violated the country's sovereignty"], "saying", "The government"),
])
def test_reported_speech_from_the_parse(text, content, cue, speaker):
    quote = only(text)
    assert texts(text, quote) == (content, cue, speaker)
    assert quote.kind == "indirect"


def test_partial_quote_inside_reported_speech_is_mixed():
    text = ("Yahya Rasool said the coalition “has become a factor for instability and threatens "
            "to entangle Iraq in the cycle of conflict”.")
    quote = only(text)
    assert texts(text, quote) == (
        ["the coalition “has become a factor for instability and threatens to entangle Iraq in "
         "the cycle of conflict”"], "said", "Yahya Rasool")
    assert quote.kind == "mixed"
    assert quote.speaker_actor == "yahya-rasool"


def test_the_statement_of_a_named_speaker_speaks_for_them():
    text = "Yahya Rasool’s statement emphasized that the strikes were illegal."
    quote = only(text)
    assert texts(text, quote) == (["that the strikes were illegal"], "emphasized", "Yahya Rasool")
    assert quote.speaker_actor == "yahya-rasool"


def test_a_statement_issued_by_closing_a_sentence():
    text = ("The occupiers were driven to the brink, a statement issued by the Islamic Resistance "
            "in Iraq")
    quote = only(text)
    assert texts(text, quote) == (["The occupiers were driven to the brink"],
                                  "a statement issued by", "the Islamic Resistance in Iraq")
    assert quote.speaker_actor == "islamic-resistance-in-iraq"


def test_block_quote_after_a_colon():
    text = "The governor added:\n\nIt is typical of them. They know nothing about the state."
    quote = only(text)
    assert texts(text, quote) == (["It is typical of them. They know nothing about the state."],
                                  "added", "The governor")
    assert quote.kind == "direct"


# --- speakers ---------------------------------------------------------------------------------

def test_pronoun_takes_the_nearest_person():
    text = ("Akram al-Kaabi spoke in Baghdad on Sunday.\n\n"
            "“We will not be satisfied with a small revenge,” he added.")
    quote = only(text)
    assert (quote.speaker_text, quote.speaker_actor, quote.speaker_canonical) == (
        "he", "akram-al-kaabi", "Akram al-Kaabi")
    assert quote.descriptor is None


def test_it_and_they_take_an_organisation():
    text = ("The Islamic Resistance in Iraq said it would resume attacks.\n\n"
            "“The occupation must end,” it said.\n\n"
            "They said the pause was over.")
    first, second, third = quotes_of(text)
    assert [q.speaker_text for q in (first, second, third)] == [
        "The Islamic Resistance in Iraq", "it", "They"]
    assert {q.speaker_actor for q in (first, second, third)} == {"islamic-resistance-in-iraq"}


def test_possessive_pronoun_of_a_statement_resolves_to_its_issuer():
    text = "Kataib Hezbollah met on Friday.\n\nIts statement said that the attacks would stop."
    quote = only(text)
    assert texts(text, quote) == (["that the attacks would stop"], "said", "Its")
    assert quote.speaker_actor == "kataib-hezbollah"


def test_descriptions_point_back_to_the_speaker_of_their_kind():
    text = ("Akram al-Kaabi stated on Sunday that the calm was provisional.\n\n"
            "The cleric noted that the resistance had made sacrifices.\n\n"
            "Kataib Hezbollah said it had suspended its attacks. The group added that the "
            "suspension was temporary.")
    quotes = quotes_of(text)
    by_cue = {texts(text, q)[1]: q for q in quotes}
    cleric, group = by_cue["noted"], by_cue["added"]
    assert (cleric.speaker_actor, cleric.descriptor) == ("akram-al-kaabi", "The cleric")
    assert (group.speaker_actor, group.descriptor) == ("kataib-hezbollah", "The group")


def test_the_statement_is_whoever_issued_the_last_statement():
    text = ("The Islamic Resistance in Iraq said in a statement on Friday that it would resume "
            "its attacks.\n\n"
            "Baghdad condemned the strike.\n\n"
            "The statement said that the rules of engagement had been broken.")
    quote = next(q for q in quotes_of(text) if q.speaker_text == "The statement")
    assert quote.speaker_actor == "islamic-resistance-in-iraq"
    assert quote.descriptor == "The statement"


def test_capitalised_part_of_a_name_refers_to_the_name_containing_it():
    # "the Resistance" is a part of the group's name given earlier: the entity layer links it
    # to the group, so the quote's speaker is that actor, by name, with no description.
    text = ("The Islamic Resistance in Iraq issued a warning on Friday.\n\n"
            "The occupation forces must leave, the Resistance said.")
    quote = only(text)
    assert (quote.speaker_text, quote.speaker_actor, quote.descriptor) == (
        "the Resistance", "islamic-resistance-in-iraq", None)


def test_a_description_is_never_forced_onto_a_name():
    text = ("A US defense official said the strike had been planned for weeks. President Joe "
            "Biden approved it last week.\n\n"
            "“We chose the timing carefully,” the official said.")
    first, second = quotes_of(text)
    assert (first.speaker_actor, first.speaker_canonical, first.descriptor) == (
        None, None, "A US defense official")
    assert (second.speaker_actor, second.speaker_canonical, second.descriptor) == (
        None, None, "the official")


def test_paragraph_of_pure_quotation_continues_the_previous_speaker():
    text = ("Yahya Rasool said the coalition had become a factor of instability.\n\n"
            "“This path pushes the government more than ever to end the mission.”")
    first, second = quotes_of(text)
    assert texts(text, second) == (
        ["“This path pushes the government more than ever to end the mission.”"], None,
        "Yahya Rasool")
    assert second.kind == "direct" and second.speaker == first.speaker
    assert second.speaker_actor == "yahya-rasool"


def test_a_possessive_marker_parsed_as_a_name_is_no_speaker():
    """In capitals the parse takes the "'S" of "LET'S" for a name before "SAY"; a possessive
    marker speaks for no one, and the text is read without error."""
    assert quotes_of("SHOW ME. LET'S SAY THERE'S NO PLAN.") == []


def test_quote_following_in_the_same_paragraph_joins_its_speakers_quote():
    text = "“We tried everything,” Hana Karimi said. “Nothing worked.”"
    quote = only(text)
    assert texts(text, quote) == (["“We tried everything,”", "“Nothing worked.”"], "said",
                                  "Hana Karimi")


# --- the seed reports -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(seed_articles):
    """Seed number -> (text, quotes) for the five reports."""
    articles = seed_articles
    found = {}
    for article in articles:
        doc = pipeline()(article.text)
        quotes = quote_annotations(doc, article.id, entity_mentions(doc, article.id))
        found[article.source_path.rsplit("/", 1)[-1][:3]] = (article.text, quotes)
    return found


def quote_with(seeds, seed, words):
    """The one quote of ``seed`` whose content contains ``words``."""
    text, quotes = seeds[seed]
    matching = [q for q in quotes if any(words in text[s:e] for s, e in q.content)]
    assert len(matching) == 1, (seed, words, [texts(text, q) for q in matching])
    return matching[0]


@pytest.mark.parametrize("seed, words, actor, speaker, cue, kind", [
    # Akram al-Kaabi, Harakat Hezbollah al-Nujaba's leader, in seed 002
    ("002", "a pause in attacks by the Islamic Resistance", "akram-al-kaabi", "Akram al-Kaabi",
     "stated", "indirect"),
    ("002", "The current calm is a provisional tactic", "akram-al-kaabi", "he", "added", "direct"),
    ("002", "Iraqi resistance groups will continue their operations", "akram-al-kaabi", "Kaabi",
     "underscored", "indirect"),
    ("002", "They will never renege", "akram-al-kaabi", "he", "pointed out", "indirect"),
    ("002", "the IRI has made enormous sacrifices", "akram-al-kaabi", "The cleric", "noted",
     "indirect"),
    ("002", "Coordination is excellent", "akram-al-kaabi", "Kaabi", "said", "direct"),
    # Yahya Rasool, spokesman of the Iraqi armed forces
    ("000", "has become a factor for instability", "yahya-rasool",
     "Yahya Rasool, military spokesperson for Iraqi Prime Minister Shia’ al-Sudani", "said",
     "mixed"),
    ("000", "This path pushes the Iraqi government", "yahya-rasool",
     "Yahya Rasool, military spokesperson for Iraqi Prime Minister Shia’ al-Sudani", None,
     "direct"),
    ("002", "This path pushes the Iraqi government", "yahya-rasool", "he", "noted", "direct"),
    ("001", "threaten civil peace", "yahya-rasool",
     "Iraqi Armed Forces spokesperson Brigadier Yahya Rasool", "stated", "mixed"),
    ("001", "irresponsible, repeated actions", "yahya-rasool", "Rasool", "emphasized",
     "indirect"),
    ("001", "this trajectory compels the Iraqi government", "yahya-rasool", "The statement",
     "emphasized", "indirect"),
    ("001", "Our armed forces have no choice", "yahya-rasool", "Rasool", "stressed", "direct"),
    # the Islamic Resistance in Iraq's statement
    ("000", "our brothers in jihad to join the ranks of the resistance”",
     "islamic-resistance-in-iraq",
     "The Islamic Resistance in Iraq, an umbrella group of anti-terror groups", "called on",
     "direct"),
    ("000", "This was clearly demonstrated", "islamic-resistance-in-iraq", "it", "said", "direct"),
    ("000", "We call on our brothers in jihad", "islamic-resistance-in-iraq", "the group", "added",
     "direct"),
    ("001", "Recent events have unveiled a stark reality", "islamic-resistance-in-iraq",
     "the statement", "read", "indirect"),
    ("001", "the US understands only the language of weapons", "islamic-resistance-in-iraq",
     "the statement", "According to", "indirect"),
    ("001", "further intensified the gravity of their crimes", "islamic-resistance-in-iraq",
     "the Resistance", "said", "indirect"),
    ("003", "they would resume attacks on US troops", "islamic-resistance-in-iraq",
     "The Islamic Resistance in Iraq", "suggested", "indirect"),
    ("003", "the US violated so-called rules of engagement", "islamic-resistance-in-iraq",
     "The statement", "said", "indirect"),
    ("003", "only understand the language of weapons", "islamic-resistance-in-iraq",
     "the Islamic Resistance", "quipped", "direct"),
    ("003", "“painful strikes”", "islamic-resistance-in-iraq", "They", "said", "mixed"),
    # US Central Command on the commander it killed
    ("000", "responsible for directly planning", "us-central-command",
     "The US Central Command (CENTCOM)", "said", "mixed"),
    ("001", "responsible for directly planning", "us-central-command",
     "The US Central Command (CENTCOM)", "claimed", "mixed"),
    ("002", "responsible for directly planning", "us-central-command",
     "The US Central Command (CENTCOM)", "said", "mixed"),
    # al-Nujaba and Kataib Hezbollah
    ("001", "Await the response", "harakat-hezbollah-al-nujaba", "al-Nujaba", "vowed", "direct"),
    ("001", "its response to the", "harakat-hezbollah-al-nujaba", "The Iraqi al-Nujaba movement",
     "underlined", "mixed"),
    ("004", "attributed the loss of their commanders", "kataib-hezbollah", "Kataeb Hezbollah",
     "In a statement", "indirect"),
    ("004", "its unwavering commitment", "kataib-hezbollah", "The group", "affirmed", "indirect"),
])
def test_seed_quotes_of_named_speakers(seeds, seed, words, actor, speaker, cue, kind):
    quote = quote_with(seeds, seed, words)
    text = seeds[seed][0]
    assert quote.speaker_actor == actor
    assert (quote.speaker_text, texts(text, quote)[1], quote.kind) == (speaker, cue, kind)


def test_seed_statement_running_over_two_paragraphs_is_one_quote(seeds):
    quote = quote_with(seeds, "000", "The opportunity of the past days")
    text = seeds["000"][0]
    parts = texts(text, quote)[0]
    assert len(parts) == 2
    assert parts[0].startswith("“The opportunity") and parts[0].endswith("language of arms.")
    assert parts[1].startswith("“This was clearly") and parts[1].endswith("rules of engagement,”")


def test_seed_us_officials_are_described_not_named(seeds):
    text, quotes = seeds["003"]
    officials = quote_with(seeds, "003", "responsible for directly planning")
    assert (officials.speaker_actor, officials.descriptor) == (None, "US officials")
    for words, descriptor in [("carefully select targets", "the US defense official"),
                              ("authorized the strike", "a US defense official"),
                              ("The President was clear", "the US defense official")]:
        quote = quote_with(seeds, "003", words)
        assert (quote.speaker_actor, quote.speaker_canonical, quote.descriptor) == (
            None, None, descriptor)


def test_seed_spans_are_sound(seeds):
    for text, quotes in seeds.values():
        assert quotes
        for quote in quotes:
            assert quote.kind in ("direct", "indirect", "mixed")
            assert all(0 <= s < e <= len(text) for s, e in quote.content)
            if quote.speaker:
                assert not any(s < quote.speaker[1] and quote.speaker[0] < e
                               for s, e in quote.content)


def test_a_role_of_a_group_is_the_person_named_who_holds_it():
    text = ("Akram al-Kaabi addressed supporters in Baghdad on Friday.\n\n"
            "\"We will choose the time and place,\" the secretary general of Harakat Hezbollah "
            "al-Nujaba said.")
    quote = only(text)
    assert (quote.speaker_actor, quote.speaker_canonical) == ("akram-al-kaabi", "Akram al-Kaabi")
    assert quote.descriptor == "the secretary general of Harakat Hezbollah al-Nujaba"
    text = ("Harakat Hezbollah al-Nujaba issued a statement on Friday. Akram al-Kaabi was not "
            "present.\n\n\"We will respond,\" the group's leader said.")
    assert only(text).speaker_actor == "akram-al-kaabi"


def test_a_role_is_not_given_to_a_person_the_article_does_not_name_or_of_another_group():
    unnamed = only("\"We will respond,\" the secretary general of Harakat Hezbollah al-Nujaba "
                   "said.")
    assert unnamed.speaker_actor is None and unnamed.descriptor.startswith("the secretary")
    other = only("Kataib Hezbollah issued a statement. Akram al-Kaabi spoke later.\n\n"
                 "\"We will respond,\" the group's leader said.")
    assert other.speaker_actor is None


def test_a_headline_without_a_full_stop_is_no_part_of_the_next_lines_sentence():
    text = ("Obama Slams Trump Over Tax Returns\n"
            "WASHINGTON — President Obama said on Monday that Donald Trump should release "
            "his returns.\n\nThe campaign denied the reports.")
    doc = pipeline()(text)
    assert all("\n" not in s.text.strip() for s in doc.sents)
    assert doc[0].sent.text.strip() == "Obama Slams Trump Over Tax Returns"
    found = {texts(text, q)[1:] for q in quote_annotations(doc, "a1", entity_mentions(doc, "a1"))}
    assert ("said", "President Obama") in found and ("denied", "The campaign") in found
