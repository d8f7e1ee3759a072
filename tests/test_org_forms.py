"""Short forms of organisations the article does not define (annotate/org_forms.py). Every text
here is written for these tests."""

from conftest import annotate_text


def canonical(text):
    return {m.text: (m.canonical, m.link) for m in annotate_text(text).mentions}


def test_initials_of_an_organisation_named_in_full_are_that_organisation():
    found = canonical("The National Transportation Safety Board opened an inquiry on Monday. "
                      "The NTSB said its team would reach the crash site by night.")
    assert found["NTSB"] == ("National Transportation Safety Board", "short-form")


def test_the_first_word_of_an_organisation_named_in_full_is_that_organisation():
    found = canonical("Shares of Goldman Sachs fell on Tuesday. Goldman declined to comment "
                      "on the report.")
    assert found["Goldman"] == ("Goldman Sachs", "short-form")


def test_a_first_word_that_is_a_place_is_the_place():
    found = canonical("The Baghdad Operations Command said the road was open. Traffic in "
                      "Baghdad was calm on Friday.")
    assert found["Baghdad"][1] != "short-form"


def test_two_organisations_that_fit_leave_the_short_form_unlinked():
    found = canonical("Morgan Stanley and Morgan Guaranty Trust both bid. Morgan declined "
                      "to comment.")
    assert found.get("Morgan", ("", ""))[1] != "short-form"


def test_a_first_word_that_is_only_a_village_still_shortens_the_firm():
    found = canonical("Shares of Wells Fargo fell on Monday. Wells declined to comment.")
    assert found["Wells"] == ("Wells Fargo", "short-form")
