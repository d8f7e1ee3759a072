"""Places in context: admin-1 regions, names resolved with the article's countries and regions,
neighbouring names ("Tal Tamr, Al Hasakeh"), parts of towns, tagger spans completed, curated
sites found untagged; and the event's place in ACLED-style reports."""

import pytest
from conftest import annotate_text, make_article

from crossbearing.annotate.stage import annotate_articles
from crossbearing.kb import admin
from crossbearing.kb.place_context import resolve_in_context
from crossbearing.kb.places import admin1_code, load_curated_places, lookup_place, place_by_id
from crossbearing.kb.places import place_key
from crossbearing.kb.towns import town_by_id
from crossbearing.model import Mention

# --- admin-1 regions ------------------------------------------------------------------------------


def test_every_region_has_its_capital_inside_it():
    for region in admin.regions():
        town = town_by_id(region.capital)
        assert town is not None and town.admin1_code == region.code, region


@pytest.mark.parametrize("name, code", [
    ("Anbar", "IQ.01"), ("Al Anbar", "IQ.01"), ("Nineveh", "IQ.15"), ("Ninewa", "IQ.15"),
    ("Salahuddin", "IQ.18"), ("Salah al-Din", "IQ.18"), ("Khuzestan", "IR.15"),
    ("Sistan and Baluchestan", "IR.04"), ("West Azerbaijan", "IR.01"),
    ("Raqqa province", "SY.04"), ("al-Hasakah governorate", "SY.01"), ("Hasakeh province", "SY.01"),
    ("Deir ez-Zor province", "SY.07"), ("Dayr az Zawr governorate", "SY.07"),
    ("Deir Ezzor", "SY.07"), ("the Aleppo countryside", "SY.09"), ("Kirkuk province", "IQ.13"),
    ("Istanbul Province", "TR.34"), ("Amman governorate", "JO.16"),
])
def test_names_of_regions_resolve_to_the_region(name, code):
    place = lookup_place(name)
    assert place is not None and place.id == f"admin1:{code}" and place.kind == "region"
    assert place_by_id(place.id) == place
    assert admin1_code(place) == code and admin.geo_precision(place) == 3


@pytest.mark.parametrize("name, town_id", [
    ("Kirkuk", "geonames:94787"), ("Hasakeh", "geonames:173811"), ("Sanaa", "geonames:71137"),
])
def test_a_bare_name_that_is_also_a_town_is_the_town(name, town_id):
    assert lookup_place(name).id == town_id


def test_places_know_their_region_and_precision():
    assert admin1_code(lookup_place("al-Qaim")) == "IQ.01"
    assert admin1_code(lookup_place("Tower 22")) == "JO.15"          # the nearest town's
    assert admin1_code(lookup_place("al-Tanf")) == "SY.11"           # given in the data
    assert admin1_code(lookup_place("Iraq")) is None
    assert admin.admin1_name("SY.01") == "Al Hasakah"
    assert [admin.geo_precision(lookup_place(n)) for n in ("Tower 22", "Baghdad", "Iraq")] == [
        1, 1, 3]


def test_curated_places_name_known_regions_of_their_country():
    codes = {region.code for region in admin.regions()}
    for place in load_curated_places():
        code = admin1_code(place)
        if place.country in {c[:2] for c in codes} and place.latitude is not None:
            assert code in codes and code.startswith(place.country), place


# --- lookups in context ---------------------------------------------------------------------------


@pytest.mark.parametrize("variants, key", [
    (["Tell Tamr", "Tal Tamr", "Tall Tamr"], "tall tamr"),
    (["Kfar Kila", "Kafr Kila"], "kafr kila"),
    (["Hawija", "Hawijah", "Al-Hawija"], "hawija"),
    (["Sanaa", "Sana'a", "Sana"], "sana"),
    (["Saada", "Sa'dah", "Sadah"], "sada"),
    (["Rada'a", "Radā‘"], "rada"),
])
def test_transliteration_variants_share_a_key(variants, key):
    assert {place_key(v) for v in variants} == {key}


def test_a_town_of_the_region_in_context_comes_first():
    assert lookup_place("Hays").country == "US"
    assert lookup_place("Hays", context_regions={"YE.08"}).id == "geonames:74906"
    assert lookup_place("Nawa", context_regions={"SY.06"}).country == "SY"


def test_a_small_town_matched_by_an_alternate_name_counts_in_context():
    assert lookup_place("Tell Tamer") is None
    assert lookup_place("Tell Tamer", context_countries=["SY"]).id == "geonames:163434"
    assert lookup_place("Ras al-Ain").country == "IL"  # Rosh HaAyin, by an alternate name
    assert lookup_place("Ras al-Ain", context_regions={"SY.01"}).id == "geonames:165509"
    assert lookup_place("Tal Afar", context_regions={"IQ.15"}).id == "geonames:90393"


def test_a_word_that_says_what_a_town_is_is_not_part_of_its_name():
    assert lookup_place("Saada city").id == "geonames:71334"
    assert lookup_place("Jenin refugee camp").id == "geonames:283506"
    assert lookup_place("Hays district", context_regions={"YE.08"}).id == "geonames:74906"
    assert lookup_place("Mexico City").country == "MX"


def test_a_major_city_is_not_displaced_by_a_village_of_a_context_country():
    assert lookup_place("Baghdad", context_countries=["IR"]).id == "geonames:98182"


def test_curated_towns_and_sites():
    assert lookup_place("Khiam").id == "city:khiam"
    assert lookup_place("El Khiam").id == "city:khiam"
    assert lookup_place("K-1 base").id == "site:k1-air-base"
    assert admin1_code(lookup_place("Aita al-Shaab")) == "LB.07"


# --- an article's mentions resolved together ------------------------------------------------------


def mentions(text, *names):
    """Model mentions of ``names`` (text, label) at their first occurrence, geocoded alone."""
    found = []
    for name, label in names:
        start = text.index(name)
        place = lookup_place(name)
        found.append(Mention("a1", start, start + len(name), name, label, None, name,
                             place_key(name), "model", place.id if place else None))
    return found


def resolved(text, *names):
    return {m.text: m for m in resolve_in_context(text, mentions(text, *names), "a1")}


def test_a_region_written_beside_a_town_is_the_region_and_places_the_town():
    text = "On 3 May, gunmen shot dead a farmer in Tal Tamr, Al Hasakeh."
    result = resolved(text, ("Tal Tamr", "GPE"), ("Al Hasakeh", "PERSON"))
    assert result["Al Hasakeh"].place_id == "admin1:SY.01" and result["Al Hasakeh"].label == "GPE"
    assert result["Tal Tamr"].place_id == "geonames:163434"


def test_a_region_in_brackets_that_the_tagger_missed_is_found():
    text = "Shells fell on Hays (Al Hudaydah) on Friday."
    result = resolved(text, ("Hays", "GPE"))
    assert result["Al Hudaydah"].place_id == "admin1:YE.08"
    assert result["Hays"].place_id == "geonames:74906"


def test_a_town_before_its_region_that_the_tagger_missed_is_found():
    text = "Clashes broke out on the outskirts of Qamishli in al-Hasakah governorate."
    result = resolved(text, ("al-Hasakah", "PERSON"))
    assert result["al-Hasakah governorate"].place_id == "admin1:SY.01"
    assert result["Qamishli"].place_id == "geonames:173377"


def test_a_part_of_a_town_stands_for_the_town():
    text = ("A drone struck a car in the Mashtal district of Baghdad, killing a commander of an "
            "Iran-backed group.")
    result = resolved(text, ("Mashtal", "FAC"), ("Baghdad", "GPE"), ("Iran", "GPE"))
    assert result["Baghdad"].place_id == "geonames:98182"
    assert result["Mashtal"].place_id == "geonames:98182"


def test_a_country_that_only_qualifies_an_actor_is_no_context():
    text = "Iran-backed fighters attacked Nawa."
    result = resolved(text, ("Iran", "GPE"), ("Nawa", "GPE"))
    assert place_by_id(result["Nawa"].place_id).country != "IR"


def test_names_the_tagger_cut_short_are_completed():
    text = ("Missiles struck Nevatim air base. Protests spread across West Azerbaijan and Deir "
            "ez-Zor province.")
    result = resolved(text, ("Nevatim", "ORG"), ("Azerbaijan", "GPE"), ("Deir", "GPE"))
    assert result["Nevatim air base"].place_id == "site:nevatim-air-base"
    assert result["West Azerbaijan"].place_id == "admin1:IR.01"
    assert result["Deir ez-Zor province"].place_id == "admin1:SY.07"


def test_a_curated_site_the_tagger_missed_is_found():
    text = "On 27 December, rockets hit the K-1 base, killing a contractor."
    result = resolved(text)
    assert result["K-1 base"].place_id == "site:k1-air-base" and result["K-1 base"].label == "FAC"


def test_a_group_name_after_in_may_be_a_town():
    text = "Gunmen killed nine workers in Saravan, Sistan and Baluchestan."
    result = resolved(text, ("Saravan", "NORP"), ("Sistan and Baluchestan", "GPE"))
    assert result["Saravan"].place_id == "geonames:1159713"
    assert result["Sistan and Baluchestan"].place_id == "admin1:IR.04"


# --- the event's place, end to end ----------------------------------------------------------------


def event_place(text):
    [result] = annotate_articles([make_article(text, "2024-06-01", "a1")])
    place = next((e.place_id for e in result.events if e.mode == "asserted"), None)
    return place_by_id(place) if place else None


@pytest.mark.parametrize("text, place_id", [
    ("On 5 March, an Israeli airstrike hit a house in Khiam, Nabatieh, killing two Hezbollah "
     "fighters.", "city:khiam"),
    ("On 23 May, Houthi shelling hit a house in Hays, Al Hudaydah, killing a child.",
     "geonames:74906"),
    ("On 3 January, a drone strike hit a vehicle in the Mashtal district of Baghdad, killing a "
     "commander of the Iran-backed Harakat al-Nujaba.", "geonames:98182"),
    ("On 3 July, Israeli forces raided Jenin in the West Bank and killed five Palestinians in "
     "clashes.", "geonames:283506"),
    ("On 30 March, regime forces shelled Saraqib in Idlib province. One civilian was killed.",
     "geonames:164816"),
    ("On 27 December, rockets hit the K-1 base in Kirkuk province, killing an American "
     "contractor.", "site:k1-air-base"),
    ("On 9 October, a mortar shell fired from Syria landed in Nusaybin, Mardin, killing a child.",
     "geonames:303750"),
])
def test_acled_style_reports_give_the_event_its_town(text, place_id):
    place = event_place(text)
    assert place is not None and place.id == place_id


def test_the_gazetteer_has_a_version():
    from crossbearing.kb.places import place_rules_version

    assert len(place_rules_version()) == 12 and place_rules_version() == place_rules_version()


def test_a_town_that_stands_for_its_government_is_no_place():
    place = event_place("Repeated US strikes in the country were pushing Baghdad to end the "
                        "coalition's mission.")
    assert place is None or place.id != "geonames:98182"


@pytest.mark.parametrize("text, name", [
    ("Obama said on Monday that the plan would help working families.", "Obama"),
    ("Clinton's lead narrowed after the debate, the poll found.", "Clinton"),
    ("King told reporters the bill would pass.", "King"),
])
def test_a_surname_the_model_read_as_a_place_is_no_small_town(text, name):
    found = [m for m in annotate_text(text, "2016-09-20").mentions if m.text == name]
    assert all(m.place_id is None for m in found), [(m.label, m.place_id) for m in found]


@pytest.mark.parametrize("text, name", [
    ("Regime forces shelled Saraqib on Monday, killing one civilian.", "Saraqib"),
    ("Two militants were killed in a rural area of Yuksekova, Hakkari.", "Yuksekova"),
    ("Residents of Tulsa gathered downtown.", "Tulsa"),
])
def test_a_town_where_it_stands_as_a_place_is_found(text, name):
    found = [m for m in annotate_text(text, "2024-05-01").mentions if m.text == name]
    assert found and all(m.place_id for m in found), [(m.label, m.place_id) for m in found]


def test_a_name_refused_as_a_small_town_is_not_taken_again_in_context():
    from crossbearing.model import Mention

    obama = Mention("a", 0, 5, "Obama", "GPE", None, "Obama", "obama", "model", None)
    text = "Obama said the deal was good."
    assert resolve_in_context(text, [obama], "a", ["US"], {0})[0].place_id is None
    assert annotate_text(text, "2016-09-20").mentions[0].place_id is None


# --- lists of places ------------------------------------------------------------------------------


def _names(text):
    return {m.text: m for m in annotate_text(text, "2024-02-10").mentions}


def test_a_name_listed_with_towns_is_a_place_even_where_the_gazetteer_lacks_it():
    found = _names("The statement said the US understands only the language of weapons, evident "
                   "in its recent attacks targeting the Popular Mobilization Forces (PMF) in "
                   "al-Qaim, Akashat, and other locations.")
    assert found["al-Qaim"].place_id == "geonames:92138"
    assert found["Akashat"].label == "GPE" and found["Akashat"].place_id is None


def test_a_list_closed_by_a_plural_noun_of_place_holds_places():
    found = _names("Police said that the attackers fled toward Qasr Shirin, Sumar and other border "
                   "towns after the raid on the checkpoint.")
    assert found["Qasr Shirin"].label == "GPE" and found["Sumar"].label == "GPE"


def test_a_person_listed_after_a_preposition_is_no_town():
    found = _names("Officials would not offer details of the discussion between Mr. Obama and "
                   "Mr. Boehner, the first one-on-one talks between Mr. Obama and Mr. Boehner.")
    assert all(m.place_id is None for m in annotate_text(
        "Officials gave no details of the talks between Mr. Obama and Mr. Boehner on Monday, "
        "the first since the summer.", "2012-12-01").mentions if m.text in ("Obama", "Boehner"))
    assert found["Obama"].label == "PERSON"


@pytest.mark.parametrize("text, name, label", [
    ("The minister, who was in Baghdad, Ali Hussein and his aides said, met the envoy on "
     "Tuesday.", "Ali Hussein", "PERSON"),
    ("The delegation visited Paris, Berlin and Rome last week, said Smith, who led it.", "Smith",
     "PERSON"),
    ("The company has offices in London, Leeds and other cities, and Harlow Systems runs them.",
     "Harlow Systems", "ORG"),
])
def test_names_beside_a_list_of_places_keep_their_type(text, name, label):
    found = _names(text)
    assert found[name].label == label and found[name].place_id is None


@pytest.mark.parametrize("name, place_id", [
    ("Africa", "region:africa"),  # not Mahdia, Tunisia, whose old name it is
    ("Asia", "region:asia"),  # not Asia, a town of the Philippines
    ("the Mediterranean", "region:mediterranean-sea"),
    ("Sub-Saharan Africa", "region:sub-saharan-africa"),
])
def test_world_regions_are_regions_not_towns_of_their_name(name, place_id):
    assert lookup_place(name).id == place_id


def test_a_continent_listed_after_a_region_is_the_continent():
    found = _names("The first is a fight for territory in the Middle East and Africa, the general "
                   "told the committee on Tuesday.")
    assert found["Africa"].place_id == "region:africa"


# --- US states and their towns --------------------------------------------------------------------


@pytest.mark.parametrize("text, name, place_id", [
    # A town before its state is looked for in that state (not Rockville, Maryland, once so called,
    # nor Williamsburg in Brooklyn).
    ("Pence said he was in North Carolina earlier this week and in Williamsburg, Virginia, in the "
     "pouring rain with supporters.", "Williamsburg", "geonames:4793846"),
    # "Oklahoma" is the state; the city is "Oklahoma City".
    ("Clinton spoke about the death of Terence Crutcher in Tulsa, Oklahoma, arguing that police "
     "must change.", "Oklahoma", "geonames:4544379"),
    # A state's name listed with states, or followed by "state", is the state, not its city.
    ("The foundation failed to file tax returns in New York, New Jersey and Connecticut for three "
     "years, the report said.", "New York", "geonames:5128638"),
    ("The New York state attorney general, Eric Schneiderman, opened an inquiry into the "
     "foundation.", "New York", "geonames:5128638"),
    ("The debate will take place in New York on Monday, the commission said in a statement.",
     "New York", "geonames:5128581"),
])
def test_us_states_and_their_towns(text, name, place_id):
    assert _names(text)[name].place_id == place_id


@pytest.mark.parametrize("text, country, near", [
    # A state named in the report makes a town of the name in that country the one meant, and a
    # city named as its state ("New York") makes a town of that state the one meant: Chelsea in
    # New York, not the district of London nor the town near Boston.
    ("Twenty-nine people were injured tonight in a densely packed Chelsea neighborhood by an "
     "explosion. De Blasio said there was no link to explosions in New Jersey. A bomb went off in "
     "New York, the candidate said.", "US", (40.7, -74.0)),
    # With no US state or city named, the best-known town of the name stays.
    ("Twenty-nine people were injured tonight in a densely packed Chelsea neighborhood by an "
     "explosion, the Metropolitan Police said.", "GB", (51.5, -0.2)),
])
def test_a_us_state_or_its_city_named_in_the_report_places_its_towns(text, country, near):
    place = place_by_id(_names(text)["Chelsea"].place_id)
    assert place.country == country
    assert abs(place.latitude - near[0]) < 1 and abs(place.longitude - near[1]) < 1


def test_a_city_named_as_its_state_does_not_make_the_country_context():
    """"Talks in New York" in a report on Georgia does not make Georgia the US state: the city
    gives its state's towns the preference, not its country's names."""
    text = "Georgia's foreign minister met his Armenian counterpart for talks in New York."
    assert _names(text)["Georgia"].place_id == "country:GE"


def test_a_state_named_elsewhere_does_not_displace_a_large_city():
    text = ("Tea party activists marched in Washington in September. Organisers came from New "
            "Jersey and Ohio.")
    assert _names(text)["Washington"].place_id == "geonames:4140963"  # the capital


def test_a_city_named_as_its_state_alone_does_not_move_a_town_abroad():
    text = ("Twenty-nine people were injured in a densely packed Chelsea neighborhood by an "
            "explosion, the Metropolitan Police said. The prime minister was in New York.")
    assert place_by_id(_names(text)["Chelsea"].place_id).country == "GB"


def test_a_state_named_elsewhere_does_not_move_a_world_city_known_by_an_alternate_name():
    text = ("The senator from Ohio asked whether Muslims would allow a church to be built in "
            "Mecca.")
    assert _names(text)["Mecca"].place_id == "geonames:104515"  # Makkah, Saudi Arabia


@pytest.mark.parametrize("text, name, place_id", [
    ("The governor of Arizona spoke in Phoenix. Later he flew to Miami for a fundraiser.",
     "Miami", "geonames:4164138"),  # Miami, Florida, not Miami, Arizona
    ("Voters in Oklahoma were polled. The convention was held in Cleveland in July.",
     "Cleveland", "geonames:5150529"),  # Cleveland, Ohio, not Cleveland, Oklahoma
])
def test_a_known_city_stays_whatever_state_the_report_names_elsewhere(text, name, place_id):
    assert _names(text)[name].place_id == place_id


@pytest.mark.parametrize("text, name, country", [
    ("Israeli soldiers shot dead a Palestinian man in Hebron on Friday. Kentucky Senator Rand "
     "Paul criticized the aid package.", "Hebron", "PS"),
    ("Pilgrims gathered in Nazareth on Sunday. Pennsylvania Governor Tom Wolf sent greetings.",
     "Nazareth", "IL"),
])
def test_a_state_that_only_qualifies_a_person_places_no_town(text, name, country):
    assert place_by_id(_names(text)[name].place_id).country == country
