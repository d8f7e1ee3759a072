"""Who published a report and when, inferred from its text, URL and page: each rule found where it
should be, and not taken where it should not."""

import pytest

from crossbearing.clean.dates import parse_date, url_date
from crossbearing.clean.outlets import is_plausible_outlet_name
from crossbearing.ingest.html import drop_link_tables, extract_page, site_outlet, strip_site_name
from crossbearing.ingest.infer import (
    byline_names,
    copyright_holder,
    infer_missing,
    lower_bound,
)
from crossbearing.model import DateValue, RawDocument

BODY = ("The ministry said on Tuesday that the convoy had reached the border crossing after a "
        "delay of several hours, and that aid would be distributed in the coming days by local "
        "committees working with the international agencies.")
MORE = ("Residents described long queues at the distribution points, where volunteers handed out "
        "flour, rice and blankets to families who had walked from the surrounding villages.")


def doc(text, **fields):
    return infer_missing(RawDocument(text=text, format="text", **fields))


# --- outlet from the text ---------------------------------------------------------------------


@pytest.mark.parametrize("opening, outlet", [
    ("BAGHDAD (AFP) — ", "Agence France-Presse"),
    ("WASHINGTON (Reuters) - ", "Reuters"),
    ("GAZA CITY, Gaza Strip (AP) — ", "Associated Press"),
    ("BEIRUT, Feb 9 (Reuters) - ", "Reuters"),
])
def test_a_dateline_credit_names_the_agency(opening, outlet):
    found = doc(f"Talks resume\n\n{opening}{BODY}\n\n{MORE}")
    assert (found.outlet, found.outlet_source) == (outlet, "text:dateline credit")


@pytest.mark.parametrize("opening", [
    "The Islamic Resistance in Iraq (IRI) — an umbrella group — said ",  # not capitals, no credit
    "BAGHDAD (IRI) — ",  # a parenthesis that names no outlet the table knows
    "Officials (speaking anonymously) - ",
])
def test_a_parenthesis_that_is_not_a_credit_names_no_outlet(opening):
    assert doc(f"Talks resume\n\n{opening}{BODY}\n\n{MORE}").outlet is None


@pytest.mark.parametrize("line, outlet", [
    ("© 2024 Press TV. All rights reserved.", "Press TV"),
    ("Copyright Al Jazeera", "Al Jazeera"),
    ("Copyright © 2023-2024 Kurdistan Chronicle | Privacy policy", "Kurdistan Chronicle"),
    ("(c) 2024 Reuters", "Reuters"),
])
def test_a_copyright_footer_names_the_outlet(line, outlet):
    found = doc(f"Talks resume\n\n{BODY}\n\n{MORE}\n\n{line}")
    assert (found.outlet, found.outlet_source) == (outlet, "text:copyright line")
    assert copyright_holder(line) == outlet


@pytest.mark.parametrize("line", [
    "© 2024 all rights reserved, reproduction without permission is forbidden and will be "
    "prosecuted",
    "Copyright https://example.org",
    "Copyright 2024",
    "Copyright law was discussed at length by the committee, the minister said.",
])
def test_a_copyright_line_without_a_name_names_no_outlet(line):
    assert copyright_holder(line) is None


def test_a_section_line_at_the_top_is_never_an_outlet():
    found = doc(f"Middle EastWorld News\n\nTalks resume\n\n{BODY}\n\n{MORE}\n\nRelated Articles")
    assert found.outlet is None


def test_a_pasted_header_names_a_known_outlet():
    text = f"Talks resume at the border\nAl Mayadeen English\nFebruary 10, 2024\n\n{BODY}\n\n{MORE}"
    found = doc(text)
    assert (found.outlet, found.outlet_source) == ("Al Mayadeen English", "text:forwarded header")
    assert (found.published.value, found.published.source) == ("2024-02-10", "text:date line")


def test_the_url_of_a_known_outlet_leaves_the_outlet_to_the_domain_table():
    found = doc(f"WASHINGTON (Reuters) - {BODY}", url="https://www.aljazeera.com/news/x")
    assert found.outlet is None  # cleaning names it from the domain


def test_an_archive_url_does_not_stop_inference():
    found = doc(f"BAGHDAD (AFP) — {BODY}", url="https://freedomarchives.org/pipermail/news/x.html")
    assert found.outlet == "Agence France-Presse"


# --- dates from the text and the URL ------------------------------------------------------------


@pytest.mark.parametrize("line, value, source", [
    ("Published: 9 February 2024", "2024-02-09", "text:published line"),
    ("Posted on Feb 9, 2024 10:12 GMT", "2024-02-09T10:12+00:00", "text:published line"),
    ("Published 09 Feb 2024 | Updated 11 Feb 2024", "2024-02-09", "text:published line"),
    ("Updated: February 11, 2024", "2024-02-11", "text:updated line"),
])
def test_a_published_line_gives_the_date(line, value, source):
    found = doc(f"Talks resume\n{line}\n\n{BODY}\n\n{MORE}")
    assert (found.published.value, found.published.source) == (value, source)


def test_a_published_line_wins_over_an_updated_line():
    found = doc(f"Talks resume\nUpdated: 11 February 2024\nPublished: 9 February 2024\n\n{BODY}")
    assert found.published.value == "2024-02-09"


def test_a_published_line_in_the_footer_counts():
    found = doc(f"Talks resume\n\n{BODY}\n\n{MORE}\n\nFirst published on 9 February 2024")
    assert found.published.value == "2024-02-09"


def test_a_wire_dateline_with_a_year_gives_the_date():
    found = doc(f"Talks resume\n\nWASHINGTON, Feb. 9, 2024 (AP) — {BODY}")
    assert (found.published.value, found.published.source) == ("2024-02-09", "text:dateline")
    assert found.outlet == "Associated Press"


def test_a_wire_dateline_without_a_year_gives_no_date():
    assert doc(f"Talks resume\n\nBEIRUT, Feb 9 (Reuters) - {BODY}").published is None


@pytest.mark.parametrize("url, value, precision", [
    ("https://example.org/world/2024/02/09/talks-resume/", "2024-02-09", "day"),
    ("https://example.org/news/2024-02-09-talks-resume", "2024-02-09", "day"),
    ("https://example.org/20240209/talks-resume/", "2024-02-09", "day"),
    ("https://example.org/2024/02/talks-resume", "2024-02", "month"),
])
def test_the_urls_date_path(url, value, precision):
    assert url_date(url) == DateValue(value, precision, "url:path")
    found = doc(f"Talks resume\n\n{BODY}", url=url)
    assert (found.published.value, found.published.source) == (value, "url:path")


@pytest.mark.parametrize("url", [
    "https://example.org/world/talks-resume-2024", "https://example.org/2024/13/45/x",
    "https://example.org/story?id=2024/02/09", "https://example.org/p/123456789/", None,
])
def test_a_url_without_a_date_path_gives_none(url):
    assert url_date(url) is None


def test_a_date_widget_above_the_title_is_not_the_publication_date():
    text = f"Sat. Mar 2nd, 2024\n\n{BODY}\n\n{MORE}"
    found = doc(text)
    assert found.published is None
    assert "published_lower_bound" not in found.metadata  # the widget is no reported date


def test_a_date_widget_above_a_known_title_is_not_taken_and_a_line_below_it_is():
    title = "Talks resume at the border"
    above = doc(f"Sat. Mar 2nd, 2024\n{title}\n\n{BODY}", title=title)
    assert above.published is None
    below = doc(f"Friday, February 9, 2024\n\n{BODY}", title=title)  # the title was cut off
    assert (below.published.value, below.published.source) == ("2024-02-09", "text:date line")


def test_a_date_line_below_the_title_is_the_publication_date():
    found = doc(f"Talks resume at the border\nFriday, February 9, 2024\n\n{BODY}")
    assert (found.published.value, found.published.source) == ("2024-02-09", "text:date line")


def test_a_photo_caption_date_is_not_the_publication_date_but_bounds_it():
    caption = ("Fighters attend the funeral of a commander in Baghdad, Iraq, February 8, 2024 "
               "(AP)")
    found = doc(f"Talks resume at the border\n\n{BODY}\n\n{caption}\n\n{MORE}")
    assert found.published is None
    assert found.metadata["published_lower_bound"] == {"value": "2024-02-08",
                                                       "source": "text:latest past date"}


def test_the_lower_bound_skips_dates_still_to_come():
    text = (f"The strike on January 28, 2024 killed three soldiers. {BODY}\n\n"
            "The talks will resume on March 3, 2024, officials said. The deadline is 1 April 2024.")
    assert lower_bound(text).value == "2024-01-28"
    assert lower_bound("No dates here, only Tuesday and last week.") is None


def test_a_date_already_known_is_left_alone():
    known = DateValue("2024-02-09", "day", "html:meta[article:published_time]")
    found = doc(f"Talks resume\nPublished: 1 January 2020\n\n{BODY}", published=known)
    assert found.published == known


# --- bylines ------------------------------------------------------------------------------------


@pytest.mark.parametrize("line, names", [
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
    ("By: Ahmed al-Rubaie, Sara Haddad & Tom Lee", ("Ahmed al-Rubaie", "Sara Haddad", "Tom Lee")),
    ("By the end of the week the talks had stalled", ()),
    ("By Reuters", ()),
])
def test_byline_names(line, names):
    assert byline_names(line) == names


def test_a_byline_under_the_title_gives_the_authors():
    found = doc(f"Talks resume\nBy Jane Doe and John Roe\n\n{BODY}")
    assert found.authors == ("Jane Doe", "John Roe")


# --- pages ----------------------------------------------------------------------------------------


def page(head="", body_extra="", title="Talks resume at the border"):
    return (f"<html><head><title>{title}</title>{head}</head><body><article><h1>Talks resume at "
            f"the border</h1><p>{BODY}</p>{body_extra}<p>{MORE}</p></article></body></html>")


def test_the_json_ld_publisher_names_the_outlet():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
          '{"@type": "Organization", "name": "Kurdistan Chronicle"}}</script>')
    found = extract_page(page(ld), url=None)
    assert (found.outlet, found.outlet_source) == ("Kurdistan Chronicle", "html:json-ld publisher")


@pytest.mark.parametrize("site_name, outlet", [
    ("Reuters", "Reuters"), ("www.presstv.ir", "Press TV"), ("Kurdistan Chronicle", "Kurdistan Chronicle"),
    ("https://kurdistanchronicle.example", None), ("Breaking news, analysis and opinion", None),
    ("World | Middle East", None),
])
def test_a_site_name_is_an_outlet_only_when_it_reads_as_one(site_name, outlet):
    found = extract_page(page(f'<meta property="og:site_name" content="{site_name}">'), url=None)
    assert found.outlet == outlet


@pytest.mark.parametrize("title, url, outlet", [
    ("Talks resume – TechCrunch", "https://techcrunch.com/2024/02/09/talks", "TechCrunch"),
    ("Talks resume | Reuters", None, "Reuters"),
    ("Talks resume | World News", "https://example.org/a", None),
])
def test_a_title_suffix_names_the_outlet_only_when_it_is_the_site(title, url, outlet):
    assert site_outlet({}, title, url)[0] == outlet


@pytest.mark.parametrize("title, names, stripped", [
    ("Talks resume – TechCrunch", {"techcrunch"}, "Talks resume"),
    ("Reuters | Talks resume", {"reuters"}, "Talks resume"),
    ("Gaza - live: talks resume", {"reuters"}, "Gaza - live: talks resume"),
    ("Talks resume - World News", {"techcrunch"}, "Talks resume - World News"),
])
def test_a_title_loses_a_suffix_only_when_it_is_the_site(title, names, stripped):
    assert strip_site_name(title, names) == stripped


def test_a_page_title_is_cut_where_its_suffix_is_the_domain():
    found = extract_page(page(title="Talks resume at the border – TechCrunch"),
                         url="https://techcrunch.com/2024/02/09/talks")
    assert found.title == "Talks resume at the border"
    assert (found.outlet, found.outlet_source) == ("TechCrunch", "html:title suffix")
    head = '<meta property="og:title" content="Talks resume at the border - Some Other Words">'
    kept = extract_page(page(head), url="https://techcrunch.com/a")
    assert kept.title == "Talks resume at the border - Some Other Words"


def test_two_byline_authors_and_a_json_ld_author_list():
    by = '<span class="byline">By Jane Doe and John Roe</span>'
    found = extract_page(page(body_extra=by), url=None)
    assert found.authors == ("Jane Doe", "John Roe")
    ld = ('<script type="application/ld+json">{"author": [{"@type": "Person", "name": "Jane Doe"},'
          ' {"@type": "Person", "name": "Roe, John"}]}</script>')
    assert extract_page(page(ld), url=None).authors == ("Jane Doe", "Roe, John")


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00+00:00",
                                   "1970-01-01", "1900-01-01"])
def test_a_placeholder_date_is_ignored(value):
    assert parse_date(value, "x") is None
    head = f'<meta property="article:published_time" content="{value}">'
    found = extract_page(page(head), url=None)
    assert found.published is None or not found.published.value.startswith(value[:4])


def test_a_date_with_its_time_zone_wins_over_one_without():
    head = ('<meta name="pubdate" content="2024-02-09T10:00:00">'
            '<meta name="date" content="2024-02-09T10:00:00+03:00">')
    found = extract_page(page(head), url=None)
    assert found.published.value == "2024-02-09T10:00:00+03:00"
    assert found.published.source == "html:meta[date]"


def test_a_time_is_stored_as_an_instant_with_its_zone():
    head = '<meta property="article:published_time" content="2024-02-09T07:00:00Z">'
    assert extract_page(page(head), url=None).published.value == "2024-02-09T07:00:00+00:00"
    assert parse_date("Fri, 09 Feb 2024 19:00:40 -0500", "x").value == "2024-02-09T19:00:40-05:00"


def test_metadata_far_from_the_urls_day_gives_way_to_it():
    head = '<meta property="article:published_time" content="2024-03-02T09:00:00Z">'
    found = extract_page(page(head), url="https://example.org/2024/02/09/talks")
    assert (found.published.value, found.published.source) == ("2024-02-09", "url:path")
    assert any("the URL's day kept" in p for p in found.metadata["metadata_problems"])


def test_metadata_a_day_from_the_urls_day_is_kept():
    head = '<meta property="article:published_time" content="2024-02-10T01:00:00+03:00">'
    found = extract_page(page(head), url="https://example.org/2024/02/09/talks")
    assert found.published.value == "2024-02-10T01:00:00+03:00"


def test_a_table_of_figures_is_kept_and_a_table_of_links_is_not():
    figures = ("<table><tr><th>Province</th><th>Killed</th></tr><tr><td>Anbar</td><td>12</td></tr>"
               "</table>")
    links = ('<table><tr><td><a href="/a">Elections in the north</a></td><td><a href="/b">Budget '
             'talks stall</a></td></tr></table>')
    found = extract_page(page(body_extra=figures + links), url=None)
    assert "| Anbar | 12 |" in found.text and "---" not in found.text
    assert "Elections in the north" not in found.text
    assert MORE in found.text  # the text after a table is not lost
    assert drop_link_tables(links) == "" and drop_link_tables(figures) == figures


@pytest.mark.parametrize("name, plausible", [
    ("TechCrunch", True), ("Kurdistan Chronicle", True), ("Voice of America", True),
    ("www.example.org", False), ("example.org", False), ("https://example.org", False),
    ("Breaking news and analysis from the region", False), ("World | Middle East", False),
    ("Your trusted source, since 1990", False), ("", False),
])
def test_plausible_outlet_names(name, plausible):
    assert is_plausible_outlet_name(name) is plausible


@pytest.mark.parametrize("written", ["https://example.org/news", "www.example.org",
                                     "Breaking news, analysis and opinion", "World | Middle East"])
def test_an_outlet_read_from_a_field_that_is_no_name_is_not_stored(written):
    from crossbearing.clean.article import build_article
    article = build_article(RawDocument(text=f"{BODY}\n\n{MORE}", format="jsonl", outlet=written,
                                        outlet_source="field:source"), "dump.jsonl")
    assert (article.outlet, article.outlet_source) == (None, None)
    assert article.metadata["outlet_not_a_name"] == written


def test_an_outlet_field_that_is_a_known_domain_or_a_name_is_kept():
    from crossbearing.clean.article import build_article
    for written, name in (("presstv.ir", "Press TV"), ("Kurdistan Chronicle", "Kurdistan Chronicle")):
        article = build_article(RawDocument(text=BODY, format="jsonl", outlet=written,
                                            outlet_source="field:source"), "dump.jsonl")
        assert (article.outlet, article.outlet_source) == (name, "field:source")
