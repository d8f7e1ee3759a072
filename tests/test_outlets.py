"""The bundled outlet table and the lookups over it."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from importlib import resources

import pytest

from crossbearing.clean.outlets import (
    KINDS,
    canonical_outlet,
    domain_of,
    is_public_suffix,
    name_key,
    outlet_by_name,
    outlet_for_url,
    outlet_profile,
    outlets,
)
from crossbearing.kb.actors import ISO_COUNTRIES as COUNTRIES  # noqa: E402

#: ISO 639-1 language codes.
LANGUAGES = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia
id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo
lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl
ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk
tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())


def _raw_rows() -> list[dict[str, str]]:
    text = (resources.files("crossbearing") / "data" / "outlets.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


# --- the table ------------------------------------------------------------------------------


def test_code_lists_are_complete():
    assert len(COUNTRIES) == 250 and {"IQ", "US", "PS", "XK"} <= COUNTRIES  # 249 ISO codes and XK
    assert len(LANGUAGES) == 183


def test_table_has_the_documented_columns_and_enough_rows():
    rows = _raw_rows()
    assert list(rows[0]) == ["domain", "outlet", "country", "language", "kind", "aliases",
                             "owner", "state_affiliated", "profile_source"]
    assert len(rows) >= 250
    assert len(outlets()) == len(rows)


def test_no_domain_appears_twice():
    seen: set[str] = set()
    for row in outlets():
        assert row.domain not in seen, row.domain
        seen.add(row.domain)


def test_every_row_has_valid_fields():
    bad = [row for row in outlets()
           if not row.name or row.name != row.name.strip()
           or row.country not in COUNTRIES or row.language not in LANGUAGES
           or row.kind not in KINDS
           or any(not alias or alias != alias.strip() for alias in row.aliases)]
    assert not bad


def test_every_domain_is_a_bare_host_that_resolves_to_its_row():
    bad = [row.domain for row in outlets()
           if domain_of(row.domain) != row.domain or is_public_suffix(row.domain)
           or outlet_for_url(f"https://{row.domain}/") != row]
    assert not bad


def test_every_name_and_alias_resolves_to_its_outlet():
    bad = [(written, row.domain) for row in outlets() for written in (row.name, *row.aliases)
           if getattr(outlet_by_name(written), "name", None) != row.name]
    assert not bad


def test_no_name_or_alias_is_shared_by_two_outlets():
    owners: dict[str, set[str]] = defaultdict(set)
    for row in outlets():
        for written in (row.name, *row.aliases):
            owners[name_key(written)].add(row.name)
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert not shared


def test_required_outlets_are_present():
    for domain in ("reuters.com", "apnews.com", "afp.com", "xinhuanet.com", "ansa.it", "dpa.com",
                   "efe.com", "aa.com.tr", "kyodonews.net", "nytimes.com", "foxnews.com",
                   "huffpost.com", "huffingtonpost.com", "washingtonpost.com", "bbc.com",
                   "bbc.co.uk", "theguardian.com", "cnn.com", "presstv.ir", "almayadeen.net",
                   "english.almayadeen.net", "alarabiya.net", "english.alarabiya.net",
                   "aljazeera.com", "aljazeera.net", "al-monitor.com", "middleeasteye.net",
                   "thenationalnews.com", "rudaw.net", "kurdistan24.net", "shafaq.com", "ina.iq",
                   "tasnimnews.com", "farsnews.ir", "irna.ir", "mehrnews.com", "tehrantimes.com",
                   "timesofisrael.com", "jpost.com", "haaretz.com", "ynetnews.com", "arabnews.com",
                   "aawsat.com", "ahram.org.eg", "dailysabah.com", "hurriyetdailynews.com",
                   "sana.sy", "almanar.com.lb", "saba.ye", "almasirah.net", "tass.ru", "ria.ru",
                   "rt.com", "kyivindependent.com", "pravda.com.ua", "meduza.io",
                   "premiumtimesng.com", "nation.africa", "allafrica.com", "dawn.com",
                   "thehindu.com", "scmp.com", "nhk.or.jp", "freedomarchives.org",
                   "news.google.com"):
        assert outlet_for_url(domain) is not None, domain
    assert outlet_for_url("freedomarchives.org").kind == "archive"
    assert outlet_for_url("news.google.com").kind == "aggregator"


def test_an_outlet_with_several_domains_shares_one_name():
    assert outlet_for_url("huffingtonpost.com").name == outlet_for_url("huffpost.com").name
    assert outlet_for_url("bbc.co.uk").name == outlet_for_url("bbc.com").name
    assert outlet_for_url("aljazeera.net").name == outlet_for_url("aljazeera.com").name


# --- domain_of ------------------------------------------------------------------------------


@pytest.mark.parametrize("url, expected", [
    ("https://www.nytimes.com/2024/02/09/world/x.html", "nytimes.com"),
    ("nytimes.com/2024/02/09/world/x.html", "nytimes.com"),
    ("www.nytimes.com", "nytimes.com"),
    ("HTTP://WWW.NYTimes.COM:8080/x?y=1#z", "nytimes.com"),
    ("nytimes.com:443", "nytimes.com"),
    ("https://m.bbc.co.uk/news", "bbc.co.uk"),
    ("https://amp.theguardian.com/world", "theguardian.com"),
    ("https://www2.example.org/", "example.org"),
    ("https://user:pw@english.alarabiya.net/x", "english.alarabiya.net"),
    ("https://reuters.com./x", "reuters.com"),
    ("//www.bbc.com/news", "bbc.com"),
    ("  https://www.dawn.com/news  ", "dawn.com"),
])
def test_domain_of_reads_the_host(url: str, expected: str):
    assert domain_of(url) == expected


@pytest.mark.parametrize("url", [None, "", "   ", "not a url", "mailto:desk@example.com",
                                 "urn:isbn:0451450523"])
def test_domain_of_without_a_host_is_none(url: str | None):
    assert domain_of(url) is None


def test_domain_of_keeps_a_prefix_that_is_the_whole_name():
    assert domain_of("www.com") == "www.com"


# --- outlet_for_url -------------------------------------------------------------------------


@pytest.mark.parametrize("url, name", [
    ("https://www.reuters.com/world/middle-east/", "Reuters"),
    ("reuters.com/world", "Reuters"),
    ("https://www.reuters.com:443/world", "Reuters"),
    ("https://english.almayadeen.net/news/politics/x", "Al Mayadeen English"),
    ("https://www.almayadeen.net/news/x", "Al Mayadeen"),
    ("https://english.alarabiya.net/News/middle-east/2024/02/08/x", "Al Arabiya English"),
    ("https://edition.cnn.com/2024/02/08/x", "CNN"),
    ("https://news.bbc.co.uk/2/hi/x.stm", "BBC"),
    ("https://www3.nhk.or.jp/nhkworld/en/news/", "NHK"),
    ("https://web.archive.org/web/2024/https://x", "Internet Archive"),
    ("http://freedomarchives.org/pipermail/news_freedomarchives.org/x.htm", "Freedom Archives"),
    ("https://news.google.com/rss/articles/x", "Google News"),
])
def test_outlet_for_url(url: str, name: str):
    found = outlet_for_url(url)
    assert found is not None and found.name == name


def test_subdomain_walk_prefers_the_most_specific_row():
    assert outlet_for_url("english.alarabiya.net").domain == "english.alarabiya.net"
    assert outlet_for_url("www.alarabiya.net").domain == "alarabiya.net"
    assert outlet_for_url("video.alarabiya.net").domain == "alarabiya.net"
    assert outlet_for_url("en.irna.ir").language == "en"
    assert outlet_for_url("irna.ir").language == "fa"


@pytest.mark.parametrize("url", [None, "", "https://example.com/x", "https://co.uk/",
                                 "https://com/", "https://unknown.co.uk/x",
                                 "https://somewhere.com.au/", "https://go.com/"])
def test_outlet_for_url_without_a_row_is_none(url: str | None):
    assert outlet_for_url(url) is None


@pytest.mark.parametrize("domain, expected", [
    ("com", True), ("uk", True), ("co.uk", True), ("com.au", True), ("gov.sa", True),
    ("or.jp", True), ("bbc.co.uk", False), ("reuters.com", False), ("ina.iq", False),
    ("news.cn", False), ("ap.org", False),
])
def test_is_public_suffix(domain: str, expected: bool):
    assert is_public_suffix(domain) is expected


# --- outlet_by_name -------------------------------------------------------------------------


@pytest.mark.parametrize("written", [
    "Al Mayadeen English", "Al-Mayadeen English", "al mayadeen english", "AL-MAYADEEN ENGLISH",
    "Almayadeen English", "  Al Mayadeen   English ", "The Al Mayadeen English",
])
def test_outlet_by_name_ignores_spelling_variants(written: str):
    found = outlet_by_name(written)
    assert found is not None and found.domain == "english.almayadeen.net"


@pytest.mark.parametrize("written, domain", [
    ("Al Mayadeen", "almayadeen.net"),
    ("al-mayadeen", "almayadeen.net"),
    ("Times of Israel", "timesofisrael.com"),
    ("The Times of Israel", "timesofisrael.com"),
    ("times-of-israel", "timesofisrael.com"),
    ("the jerusalem post", "jpost.com"),
    ("Asharq Al Awsat", "aawsat.com"),
    ("Asharq Alawsat", "aawsat.com"),
    ("Huffington Post", "huffpost.com"),
    ("The Huffington Post", "huffpost.com"),
    ("HuffPost", "huffpost.com"),
    ("Hurriyet Daily News", "hurriyetdailynews.com"),
    ("Hürriyet Daily News", "hurriyetdailynews.com"),
    ("Agence France Presse", "afp.com"),
    ("Agence France-Presse", "afp.com"),
    ("People's Daily", "people.com.cn"),
    ("Peoples Daily", "people.com.cn"),
    ("Kurdistan 24", "kurdistan24.net"),
    ("Al Jazeera", "aljazeera.com"),
    ("Al-Jazeera", "aljazeera.com"),
    ("Al Jazeera English", "aljazeera.com"),
    ("الجزيرة", "aljazeera.net"),
    ("Press TV", "presstv.ir"),
    ("PressTV", "presstv.ir"),
    ("Press TV Weekly", None),
])
def test_outlet_by_name(written: str, domain: str | None):
    found = outlet_by_name(written)
    assert (found.domain if found else None) == domain


def test_outlet_by_name_takes_the_first_row_of_a_name():
    assert outlet_by_name("BBC").domain == "bbc.com"
    assert outlet_by_name("Al Jazeera").domain == "aljazeera.com"
    assert outlet_by_name("TASS").domain == "tass.ru"


def test_outlet_by_name_reads_a_domain_written_as_a_name():
    assert outlet_by_name("scmp.com").name == "South China Morning Post"
    assert outlet_by_name("www.dawn.com").name == "Dawn"


@pytest.mark.parametrize("written", [None, "", "   ", "The Crossbearing Gazette", "The",
                                     "example.com"])
def test_outlet_by_name_without_a_row_is_none(written: str | None):
    assert outlet_by_name(written) is None


def test_name_key():
    assert name_key("The Times of Israel") == "times of israel"
    assert name_key("Al-Mayadeen") == name_key("Al Mayadeen") == name_key("almayadeen")
    assert name_key("Süddeutsche") == "suddeutsche"
    assert name_key("People’s Daily") == "peoples daily"
    assert name_key("Mail & Guardian") == "mail guardian"
    assert name_key("Theatre Weekly") == "theatre weekly"


# --- canonical_outlet -----------------------------------------------------------------------


def test_canonical_outlet_prefers_the_domain_table():
    assert canonical_outlet("Some Wire Copy", "https://www.reuters.com/x") == \
        ("Reuters", "domain table")
    assert canonical_outlet(None, "https://english.almayadeen.net/x") == \
        ("Al Mayadeen English", "domain table")


def test_canonical_outlet_falls_back_to_the_outlet_table():
    assert canonical_outlet("al-mayadeen english", "https://example.com/x") == \
        ("Al Mayadeen English", "outlet table")
    assert canonical_outlet("The Huffington Post", None) == ("HuffPost", "outlet table")


def test_canonical_outlet_falls_back_to_the_name_as_given():
    assert canonical_outlet("  The Crossbearing Gazette ", None) == \
        ("The Crossbearing Gazette", "as given")
    assert canonical_outlet("Local Paper", "https://example.com/x") == ("Local Paper", "as given")


def test_canonical_outlet_without_anything_is_none():
    assert canonical_outlet(None, None) == (None, None)
    assert canonical_outlet("   ", "https://example.com/x") == (None, None)


def test_canonical_outlet_lets_a_given_name_beat_an_archive_or_aggregator_url():
    archive = "http://freedomarchives.org/pipermail/news_freedomarchives.org/x.htm"
    assert canonical_outlet("Al Mayadeen English", archive) == \
        ("Al Mayadeen English", "outlet table")
    assert canonical_outlet("A Small Weekly", "https://news.google.com/x") == \
        ("A Small Weekly", "as given")
    assert canonical_outlet(None, archive) == ("Freedom Archives", "domain table")
    assert canonical_outlet("  ", archive) == ("Freedom Archives", "domain table")


# --- profiles -------------------------------------------------------------------------------


def test_profile_fields_are_valid_and_sourced():
    bad = [row.domain for row in outlets()
           if row.state_affiliated not in {"", "yes", "no"}
           or ((row.owner or row.state_affiliated) and not row.profile_source)
           or (row.profile_source and not row.profile_source.startswith("https://"))]
    assert not bad


def test_rows_of_one_outlet_share_one_profile():
    profiles = defaultdict(set)
    for row in outlets():
        profiles[row.name].add((row.owner, row.state_affiliated, row.profile_source))
    assert not [name for name, seen in profiles.items() if len(seen) > 1]


@pytest.mark.parametrize("written", ["Press TV", "PressTV", "presstv.ir", "presstv.com",
                                     "https://www.presstv.ir/Detail/2024/02/09/1/x"])
def test_outlet_profile_finds_a_row_by_name_domain_or_url(written: str):
    found = outlet_profile(written)
    assert found is not None and found.name == "Press TV"
    assert found.state_affiliated == "yes" and "IRIB" in found.owner
    assert found.profile_source.startswith("https://en.wikipedia.org/")


def test_outlet_profile_of_the_seed_outlets():
    assert outlet_profile("english.almayadeen.net").name == "Al Mayadeen English"
    assert outlet_profile("english.alarabiya.net").owner == "MBC Group"
    assert outlet_profile("AFP").name == "Agence France-Presse"
    assert outlet_profile("afp.com").name == "Agence France-Presse"
    assert outlet_profile("Reuters").state_affiliated == "no"


@pytest.mark.parametrize("written", [None, "", "  ", "No Such Gazette", "example.org"])
def test_outlet_profile_without_a_row_is_none(written):
    assert outlet_profile(written) is None
