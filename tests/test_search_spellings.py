"""A search for a name finds its other spellings and the other names of its actor
(crossbearing/spellings.py, store/search.py)."""

from crossbearing.spellings import Expansion, search_expansion, variants
from crossbearing.store import open_store
from crossbearing.store.search import fts_query, ts_query

NAMES = {"kataib-hezbollah": ["Kata'ib Hezbollah", "Kataib Hezbollah", "Hezbollah Brigades"],
         "harakat-nujaba": ["Harakat Hezbollah al-Nujaba", "al-Nujaba movement"]}
WORDS = ["Kataib", "Kataeb", "Katai’ib", "Hezbollah", "Hizbollah", "Tax", "Nujaba", "Saadi"]


def test_a_name_word_finds_its_transliterations_and_a_common_word_none():
    found = variants("Kata'ib", WORDS, NAMES)
    assert set(found.words["Kata'ib"]) == {"Kataib", "Kataeb", "Katai’ib"}
    assert variants("taxes strike", WORDS, NAMES).words == {}
    assert variants("Saadi", WORDS, NAMES).words == {}  # no other spelling stored


def test_a_whole_name_brings_the_actors_other_names():
    found = variants("Kataib Hezbollah", WORDS, NAMES)
    assert found.aliases == ["Kata'ib Hezbollah", "Hezbollah Brigades"]  # the query itself not
    assert variants("Hezbollah", WORDS, NAMES).aliases == []  # no one actor's whole name


def test_the_query_quotes_every_word_and_joins_spellings_and_aliases():
    expansion = Expansion({"Kataeb": ["Kataib", "Kata'ib"]}, ["Hezbollah Brigades"])
    assert fts_query("Kataeb Hezbollah", expansion) == (
        '(("Kataeb" OR "Kataib" OR "Kata ib") AND "Hezbollah"*) OR "Hezbollah Brigades"')
    assert ts_query("Kataeb Hezbollah", expansion) == (
        "((Kataeb | Kataib | (Kata <-> ib)) & Hezbollah:*) | (Hezbollah <-> Brigades)")
    # Spellings and aliases are words too: whatever they hold is quoted, never an operator.
    hostile = Expansion({"DROP": ['a" OR b']}, ['") OR ("'])
    assert fts_query('"; DROP', hostile) == '(("DROP"* OR "a OR b")) OR "OR"'
    assert ts_query('"; DROP', hostile) == "((DROP:* | (a <-> OR <-> b))) | OR"


def test_searching_one_spelling_finds_the_others_in_the_sample(analysed_seeds):
    with open_store(analysed_seeds) as store:
        plain = store.search.find("Kataeb Hezbollah", 50)
        spelled = store.search.find("Kataeb Hezbollah", 50,
                                    search_expansion(store, "Kataeb Hezbollah"))
        texts = {a.id: a.text for a in store.articles.all()}
    assert len({h["article_id"] for h in spelled}) > len({h["article_id"] for h in plain})
    found = {h["article_id"] for h in spelled}
    assert any("Kata’ib Hezbollah" in texts[a] for a in found)
    assert any("Kataeb Hezbollah" in texts[a] for a in found)


def test_the_search_page_says_which_other_spellings_it_searched(analysed_seeds):
    from crossbearing.views import search_page

    with open_store(analysed_seeds) as store:
        page = search_page(store, "Kataeb Hezbollah")
    assert "Kataib" in page["also"] and "Kata'ib Hezbollah" in page["also"]
    assert len({h["article_id"] for h in page["hits"]}) >= 4
