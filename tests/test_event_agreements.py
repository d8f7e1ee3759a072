"""What an agreement is (annotate/event_agreements.py; PLOVER AGREE: agreeing to, accepting or
offering a request, a proposal or an act, signing a formal agreement), and the modes of an act
refused, asked for or risked by a noun (annotate/event_modes.py). Every text here is written for
these tests."""

import pytest
from conftest import annotate_text


def agreements(text):
    return {e.text: e.mode for e in annotate_text(text).events if e.event_type == "agreement"}


@pytest.mark.parametrize("text", [
    "The new owners have already done a good deal of cleanup work at the site.",
    "Volunteers spent a great deal of time on the count.",
    "Thousands of students signed up to take part in the march on Friday.",
    "The governor signed the legislation creating the new park in 2015.",
    "The president signed the bill into law last spring.",
    "Every Democrat in the chamber has signed onto a letter urging a vote.",
    "Fewer voters accepted the reality that prices would keep rising.",
    "She said immigrants are accepted within the fabric of the city.",
    "The senator offered his doubts about the merits of the case.",
    "The economist offered a cautious prediction that growth would return.",
    "The former governor offered some blunt advice to the nominee on Friday.",
    "Two senators offered support for the nomination of the new ambassador.",
    "To varying degrees, all agreed that the plan would raise taxes on the rich.",
])
def test_no_agreement_between_parties(text):
    assert not {t: m for t, m in agreements(text).items() if m == "asserted"}


@pytest.mark.parametrize("text, trigger", [
    ("The two governments signed an agreement on Tuesday to expand trade.", "signed"),
    ("The rebels accepted the government's offer of talks on Monday.", "accepted"),
    ("The ministry has accepted the formula for ending the fishing dispute.", "accepted"),
    ("The government offered to negotiate with the rebel leaders.", "offered"),
    ("The neighbouring state offered its troops to the new president.", "offered"),
    ("The two sides agreed to a ceasefire after three days of fighting.", "agreed"),
    ("The president had signed the treaty in the capital.", "signed"),
])
def test_agreements_stay(text, trigger):
    assert agreements(text).get(trigger) == "asserted"


def test_an_act_a_refusal_governs_is_negated():
    text = "Strikers protested the ministry's refusal to accept the union's offer."
    assert agreements(text).get("accept") == "negated"


def test_an_act_a_call_asks_for_is_not_done():
    text = "The mayor issued a call for the province to accept more families on Monday."
    assert agreements(text).get("accept") == "future"


@pytest.mark.parametrize("text", [
    "The minister warned of the risk of accepting the offer without guarantees.",
    "Critics questioned the wisdom of accepting the offer so soon.",
])
def test_an_act_a_risk_is_of_is_not_done(text):
    assert agreements(text).get("accepting") == "hypothetical"


def test_as_opposed_to_is_a_contrast():
    text = "The plan favours new roads as opposed to repairing the old ones."
    assert not [e for e in annotate_text(text).events if e.event_type == "rejection"]


@pytest.mark.parametrize("text, word", [
    ("He is a longtime critic of the cross-border trucking deal.", "deal"),
    ("The White House began selling the deal to skeptical lawmakers.", "deal"),
    ("Ultimately, the deal would release the former executives from liability.", "deal"),
    ("There was more agreement that Europe should coordinate its armies.", "agreement"),
])
def test_an_agreement_named_as_a_thing_is_no_event(text, word):
    assert word not in [e.text for e in annotate_text(text).events]


@pytest.mark.parametrize("text, word", [
    ("The two sides reached a deal on the border late on Monday.", "deal"),
    ("A deal was struck after twenty hours of talks.", "deal"),
    ("The rebels violated the ceasefire agreement signed in March 2001.", "agreement"),
    ("Her legacy is an agreement that the nations reached in Paris.", "agreement"),
    ("The aide got an immunity agreement from the department.", "agreement"),
    ("Monday's agreement ended the dispute over fishing rights.", "agreement"),
])
def test_an_agreement_made_stays(text, word):
    assert "agreement" in [e.event_type for e in annotate_text(text).events if e.text == word]


@pytest.mark.parametrize("text, word", [
    ("Rights groups investigated allegations that police beat protesters in the square.",
     "beat"),
    ("The video contradicted the earlier claim that the driver had refused to stop.",
     "refused"),
])
def test_what_a_claim_holds_is_alleged(text, word):
    [found] = [e for e in annotate_text(text).events if e.text == word]
    assert found.mode == "hypothetical"


@pytest.mark.parametrize("text", [
    "The letter, released on Tuesday and signed by 90 professors, criticized the plan.",
    "A petition drafted by students and signed by 500 teachers was sent to the board.",
])
def test_a_letter_signed_after_another_participle_is_no_agreement(text):
    assert "signed" not in [e.text for e in annotate_text(text).events]
