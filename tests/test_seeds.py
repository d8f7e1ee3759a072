"""The bundled sample corpus (five real reports of one event) ingests whole and clean."""

import re

import pytest
from conftest import SAMPLE_CORPUS

from crossbearing import ingest_files as ingest
from crossbearing.store import open_store

#: Lines of each seed that are not article text: site and list debris, and header lines that
#: become metadata (title, outlet, dates).
NOT_TEXT = {
    "000": {"Islamic Resistance in Iraq calls on ‘brothers in jihad’ to help expel US troops"},
    "001": {"[News] Iraqi Resistance calls for united front against US occupation",
            "Anti-Imperialist News news at freedomarchives.org", "Fri Feb 9 19:00:40 EST 2024",
            "Iraqi Resistance calls for united front against US occupation", "Al Mayadeen English",
            "February 10, 2024", "[image: 52543b32-8b0a-4ded-a0c6-19cf92f0c019.jpg]"},
    "002": {"Middle EastWorld News", "Iraqi Resistance not done yet with US over deadly airstrikes: Nujaba",
            "Related Articles", "Back to top button"},
    "003": {"Iraq’s Iran-backed militias to resume attacks on US troops in region: Statement",
            "Related Articles", "Back to top button"},
    "004": {"Sat. Mar 2nd, 2024", "Leave a Reply",
            "Your email address will not be published. Required fields are marked *"},
}
DEBRIS = ("next part", "mailing list", "scrubbed", "[image:", "freedomarchives", "Related Articles",
          "Back to top", "Leave a Reply", "Middle EastWorld", "Sat. Mar 2nd")


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    report = ingest([SAMPLE_CORPUS], db)
    with open_store(db) as store:
        by_seed = {a.source_path.rsplit("/", 1)[-1][:3]: a for a in store.articles.all()}
    return db, report, by_seed


def test_all_five_ingest_without_rejection(seeds):
    _, report, by_seed = seeds
    assert report.ok and report.articles_added == 5
    assert sorted(by_seed) == ["000", "001", "002", "003", "004"]
    assert all(a.language == "en" and a.analysable for a in by_seed.values())


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_article_text_is_whole_and_debris_gone(seeds, seed):
    article = seeds[2][seed]
    source = (SAMPLE_CORPUS / article.source_path.rsplit("/", 1)[-1]).read_text("utf-8")
    if seed == "001":  # the list footer and everything after it
        source = source.split("-------------- next part --------------")[0]
    text = squash(article.text)
    for line in source.splitlines():
        if line.strip() and line.strip() not in NOT_TEXT[seed]:
            assert squash(line.lstrip(" -")) in text, line
    for debris in DEBRIS:
        assert debris not in article.text
    assert "\n\n\n" not in article.text and article.text == article.text.strip()


def test_titles(seeds):
    titles = {seed: a.title for seed, a in seeds[2].items()}
    assert titles == {
        "000": "Islamic Resistance in Iraq calls on ‘brothers in jihad’ to help expel US troops",
        "001": "Iraqi Resistance calls for united front against US occupation",
        "002": "Iraqi Resistance not done yet with US over deadly airstrikes: Nujaba",
        "003": "Iraq’s Iran-backed militias to resume attacks on US troops in region: Statement",
        "004": None,
    }


def test_forwarded_article_metadata_in_the_list_message(seeds):
    article = seeds[2]["001"]
    assert (article.outlet, article.outlet_source) == ("Al Mayadeen English",
                                                       "forwarded-article source line")
    assert (article.published.value, article.published.precision,
            article.published.source) == ("2024-02-10", "day", "forwarded-article dateline")
    assert article.format == "pipermail"
    assert article.text.startswith("The Iraqi Resistance calls on the US forces to leave Iraq as it "
                                   "seeks a united front in their face in a bid to uproot them.\n\n")
    assert "\n\nResistance, army united in goal\n\n" in article.text


def test_site_date_widget_is_kept_as_metadata_not_as_publication_date(seeds):
    article = seeds[2]["004"]
    assert article.metadata["page_date_lines"] == ["Sat. Mar 2nd, 2024"]
    # The date is the one the corpus's manifest states, not the widget's.
    assert (article.published.value, article.published.source) == ("2024-02-09",
                                                                   "manifest:sources.csv")


def test_every_report_has_its_outlet_and_date_from_the_manifest(seeds):
    found = {seed: (a.outlet, a.published and a.published.value) for seed, a in seeds[2].items()}
    # 002's text dates it to February 2024 only: the manifest gives the month (see
    # examples/corpus/README.md). 004 names no outlet.
    assert found == {"000": ("Press TV", "2024-02-09"), "001": ("Al Mayadeen English", "2024-02-10"),
                     "002": ("Press TV", "2024-02"), "003": ("Al Arabiya English", "2024-02-09"),
                     "004": (None, "2024-02-09")}
    assert seeds[2]["002"].published.precision == "month"
    # 001 states what its forwarded header says: the header keeps its own note.
    assert seeds[2]["001"].outlet_source == "forwarded-article source line"
    assert seeds[2]["000"].outlet_source == "manifest:sources.csv"
    assert not seeds[1].warnings  # every row matched, nothing contradicted


def test_without_the_manifest_the_widget_date_is_not_taken(tmp_path):
    for path in SAMPLE_CORPUS.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    ingest([tmp_path], tmp_path / "bare.db")
    with open_store(tmp_path / "bare.db") as store:
        by_seed = {a.source_path.rsplit("/", 1)[-1][:3]: a for a in store.articles.all()}
    assert by_seed["004"].published is None
    assert by_seed["004"].metadata["page_date_lines"] == ["Sat. Mar 2nd, 2024"]
    assert {seed for seed, a in by_seed.items() if a.outlet} == {"001"}


def test_reingesting_the_seeds_adds_nothing(seeds):
    db, _, _ = seeds
    again = ingest([SAMPLE_CORPUS], db)
    assert again.ok and again.articles_added == 0 and again.unchanged == 5
    with open_store(db) as store:
        assert store.count("articles") == 5
