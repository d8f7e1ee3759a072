"""A capital named as the one who acts or speaks is its country's government as the actor, and
still a place (annotate/metonymy.py). Every text here is written for these tests."""

import pytest
from conftest import annotate_text


def named(text, name):
    return [(m.actor_id, m.place_id is not None) for m in annotate_text(text).mentions
            if m.text == name]


@pytest.mark.parametrize("text, name, government", [
    ("Washington warned the militias on Monday that it would respond.", "Washington",
     "us-government"),
    ("Baghdad immediately condemned the strike on the convoy.", "Baghdad", "iraq-government"),
    ("The group was designated as a terrorist organization by Washington in 2009.",
     "Washington", "us-government"),
    ("Protests grew over Washington's support for the offensive.", "Washington",
     "us-government"),
    ("Washington and Baghdad will restart talks this weekend.", "Baghdad", "iraq-government"),
    ("Tehran denied any role in the attack.", "Tehran", "iran-government"),
    ("The strikes pushed the Iraqi cabinet to press Washington to discuss a timeline.",
     "Washington", "us-government"),
    ("Baghdad announced the resumption of talks with Washington on Sunday.", "Washington",
     "us-government"),
])
def test_a_capital_that_acts_is_its_government_and_stays_a_place(text, name, government):
    assert named(text, name) == [(government, True)]


@pytest.mark.parametrize("text, name", [
    ("A drone strike in Baghdad killed three people.", "Baghdad"),
    ("The minister flew to Washington on Tuesday.", "Washington"),
    ("Baghdad was hit by rockets overnight.", "Baghdad"),
    ("Mosul condemned nothing; its mayor resigned on Sunday.", "Mosul"),  # not a capital
    ("WASHINGTON ― The senator's long feud with the governor ended on Friday.", "WASHINGTON"),
    ("He filed a complaint with Washington D.C.'s attorney oversight board.", "Washington D.C."),
])
def test_a_capital_where_something_happens_is_a_place_only(text, name):
    assert named(text, name) in ([(None, True)], [])


def test_a_part_of_a_group_named_earlier_is_that_group():
    mentions = annotate_text(
        "The Islamic Resistance in Iraq said on Friday it would resume attacks. The Resistance "
        "said its fighters were ready. The Islamic Resistance also called on allies to join.")
    assert {m.text: m.actor_id for m in mentions.mentions if m.label == "ORG"} == {
        "Islamic Resistance in Iraq": "islamic-resistance-in-iraq",
        "Resistance": "islamic-resistance-in-iraq",
        "Islamic Resistance": "islamic-resistance-in-iraq"}


def test_a_part_that_fits_two_groups_or_another_name_is_left_alone():
    two = annotate_text("The Islamic Resistance in Iraq and the Islamic Resistance in Lebanon "
                        "issued statements. The Resistance said its fighters were ready.")
    assert [m.actor_id for m in two.mentions if m.text == "Resistance"] == [None]
    other = annotate_text("Kataib Hezbollah said on Friday it would resume attacks. The Iraqi "
                          "Resistance said its fighters were ready.")
    assert [m.actor_id for m in other.mentions if m.text == "Iraqi Resistance"] == [None]


def test_half_of_a_hyphenated_word_is_no_entity():
    mentions = annotate_text("Anti-US protests spread as Pro-Iran lawmakers met in Baghdad.")
    assert not [m for m in mentions.mentions if m.text.endswith("-")]


def test_a_word_close_in_spelling_is_no_short_form_of_a_name():
    mentions = annotate_text("Hillary Clinton met the Central and East European Coalition on "
                             "Friday. The Coalition backed her.", "2016-09-20").mentions
    assert not [m for m in mentions if m.text == "Coalition" and m.canonical == "Hillary Clinton"]
    house = annotate_text("The White House said on Monday the plan would go ahead. The Speaker "
                          "of the House disagreed.", "2016-09-20").mentions
    assert [m.actor_id for m in house if m.text == "House"] == [None]


def test_a_headline_phrase_is_no_name_unless_the_story_says_it_again():
    text = ("Obama Power Plant Rules Face Key Test In U.S. Court.\n"
            "A federal appeals court heard arguments on Tuesday over President Barack Obama's "
            "rules on power plants.")
    names = [m.text for m in annotate_text(text, "2016-09-27").mentions]
    assert not [n for n in names if "Face Key Test" in n or n == "Obama Power Plant Rules"]
    assert "Barack Obama" in names


def test_a_countrys_government_is_that_government():
    [mention] = [m for m in annotate_text("Iraq's government has been vocal in its calls for the "
                                          "departure of foreign troops.").mentions
                 if m.actor_id]
    assert (mention.text, mention.actor_id) == ("Iraq's government", "iraq-government")
    plain = annotate_text("Iraq's oil exports rose in March.").mentions
    assert [m.actor_id for m in plain if m.text == "Iraq"] == ["iraq"]
