from crossbearing.clean.text import clean_body, is_navigation, looks_hard_wrapped


def test_paragraphs_one_per_line_become_blank_line_separated():
    cleaned = clean_body("First paragraph here.\nSecond paragraph here.\n\n\nThird one.\n")
    assert cleaned.text == "First paragraph here.\n\nSecond paragraph here.\n\nThird one."


def test_site_furniture_lines_are_removed_and_listed():
    body = ("World NewsMiddle East\n"
            "The strike hit a vehicle on Wednesday.\n"
            "Share this:\n"
            "Officials said three people were killed.\n"
            "Related Articles\n"
            "Back to top button\n")
    cleaned = clean_body(body)
    assert cleaned.text == ("The strike hit a vehicle on Wednesday.\n\n"
                            "Officials said three people were killed.")
    assert cleaned.removed == ("World NewsMiddle East", "Share this:", "Related Articles",
                               "Back to top button")


def test_sentences_mentioning_furniture_words_stay():
    body = "Readers can share this story.\nComments were closed after the attack on the office."
    assert clean_body(body).text == body.replace("\n", "\n\n")


def test_comment_form_and_date_widget():
    body = ("Sat. Mar 2nd, 2024\n\nThe group issued a statement on Friday.\n\n"
            "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n")
    cleaned = clean_body(body)
    assert cleaned.text == "The group issued a statement on Friday."
    assert cleaned.date_widgets == ("Sat. Mar 2nd, 2024",)


def test_trailing_related_list_is_dropped_but_not_a_related_paragraph():
    body = ("The talks resumed on Sunday.\n\nThe ministry confirmed it.\n\nRelated\n\n"
            "Talks resume in Baghdad\nMilitia suspends attacks\n")
    assert clean_body(body).text == "The talks resumed on Sunday.\n\nThe ministry confirmed it."
    kept = "Opening.\n\nRelated\n\nThe ministry said the two events were related to each other."
    assert "were related" in clean_body(kept).text


def test_image_placeholders_and_copyright_removed():
    body = "[image: photo-1.jpg]\nText of the article.\n© 2024 Example News. All rights reserved."
    assert clean_body(body).text == "Text of the article."


def test_navigation_detection():
    assert is_navigation("Home | World | Middle East")
    assert is_navigation("Middle EastWorld News")
    assert not is_navigation("Iraq, Syria")
    assert not is_navigation("Iraqi Resistance not done yet with US")


WRAPPED = """The group said in a statement that it would continue its operations until
the last foreign soldier had left the country, and called on its fighters
to prepare for a long campaign.
Resistance and army united

The spokesman said the strike was a clear violation of the country's
sovereignty.
   - A caption line under a photo of the funeral in the capital city on
   Thursday (AP)

"We will respond at the time and place of our choosing," the
spokesman said.
"""


def test_hard_wrapped_lines_rejoin_into_paragraphs_keeping_headings_and_captions():
    lines = WRAPPED.split("\n")
    assert looks_hard_wrapped(lines)
    assert clean_body(WRAPPED, wrapped=True).text == (
        "The group said in a statement that it would continue its operations until the last "
        "foreign soldier had left the country, and called on its fighters to prepare for a long "
        "campaign.\n\nResistance and army united\n\n"
        "The spokesman said the strike was a clear violation of the country's sovereignty.\n\n"
        "A caption line under a photo of the funeral in the capital city on Thursday (AP)\n\n"
        "\"We will respond at the time and place of our choosing,\" the spokesman said.")


def test_long_lines_are_not_taken_as_wrapped():
    lines = ["A paragraph that runs well beyond any mail client's wrapping width, " * 3] * 5
    assert not looks_hard_wrapped(lines)


def test_nuls_controls_and_lone_surrogates_never_reach_the_text():
    from crossbearing.clean.text import strip_controls

    assert strip_controls("A\x00B\x07C\u200bD\ud800E\udcffF\n\tG") == "ABCD\ufffdE\ufffdF\n\tG"
    assert clean_body("One\x00 line.\n\nTwo \ud83d lines.").text == "One line.\n\nTwo \ufffd lines."


def test_newsletter_and_further_reading_lines_are_furniture():
    body = ("The convoy reached the crossing on Tuesday.\n"
            "Sign up to our newsletter\n"
            "Also read:\n"
            "Officials said the aid would be handed out by local committees.\n"
            "Get our newsletter\n")
    cleaned = clean_body(body)
    assert cleaned.text == ("The convoy reached the crossing on Tuesday.\n\n"
                            "Officials said the aid would be handed out by local committees.")
    assert "Sign up to our newsletter" in cleaned.removed and "Also read:" in cleaned.removed
