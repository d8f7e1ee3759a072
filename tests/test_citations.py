"""Citations: every quote and counted fact with outlet, date, URL, speaker and exact words, as a
CSV export and as a line to paste into an article."""

from __future__ import annotations

import csv
import io

from conftest import make_article

from crossbearing.citations import COLUMNS, citation_line, fact_record, quote_record, sentence_of
from crossbearing.export import EXPORTERS
from crossbearing.model import Article, DateValue, NumericFact, Quote
from crossbearing.store import open_store

TEXT = ('The strike killed at least 16 people, officials said. "We will answer," said Karim '
        'Haddad, the governor. He said the port would stay closed.')


def article(**changes) -> Article:
    from dataclasses import replace

    base = replace(make_article(TEXT, article_id="art1"), title="Strike on the port",
                   url="https://example.org/strike", published=DateValue("2024-02-07", "day", "t"))
    return replace(base, **changes)


def quote(kind: str, start: int, end: int, speaker: str | None = "Karim Haddad") -> Quote:
    return Quote("art1", ((start, end),), None, None, speaker, None, speaker, None, kind)


SENTENCES = [(0, 53), (54, 103), (104, len(TEXT))]


def test_a_direct_quote_is_cited_in_its_speakers_words_without_its_own_marks():
    start = TEXT.index('"We')
    end = TEXT.index('answer,"') + len('answer,"')
    record = quote_record(article(), quote("direct", start, end), (54, 103), "Port News", "s1")
    assert record["words"] == '"We will answer,"'
    assert record["citation"] == ("“We will answer” — Karim Haddad, quoted by Port News, "
                                  "“Strike on the port”, 7 February 2024. "
                                  "https://example.org/strike")
    assert set(record) == set(COLUMNS)


def test_reported_speech_is_cited_as_the_outlets_sentence():
    start = TEXT.index("the port would")
    record = quote_record(article(), quote("indirect", start, len(TEXT) - 1), SENTENCES[2],
                          "Port News", "s1")
    assert record["citation"] == ("Karim Haddad, as reported by Port News, “Strike on the port”, "
                                  "7 February 2024: “He said the port would stay closed.” "
                                  "https://example.org/strike")


def test_a_fact_is_cited_with_its_sentence_and_unknown_parts_left_out():
    start = TEXT.index("at least 16")
    fact = NumericFact("art1", start, start + 11, "at least 16", 16, 16, "at least", "people",
                       None, None, None, None)
    record = fact_record(article(url=None, title=None, published=None), fact, SENTENCES[0],
                         "file.txt (outlet unknown)", None)
    assert record["words"] == "at least 16" and record["published"] is None
    assert record["citation"] == ("file.txt (outlet unknown), undated: “The strike killed at "
                                  "least 16 people, officials said.”")


def test_a_quote_without_a_speaker_names_the_outlet_alone():
    line = citation_line({"kind": "quote", "quote_kind": "direct", "words": "“Enough”",
                          "speaker": None, "outlet": "Port News", "title": None,
                          "published": "2024-02", "url": None, "sentence": "“Enough”"})
    assert line == "“Enough” — Quoted by Port News, February 2024."


def test_a_quote_over_several_sentences_takes_them_all():
    assert sentence_of(60, 120, SENTENCES) == (54, len(TEXT))
    assert sentence_of(5, 10, SENTENCES) == (0, 53)
    assert sentence_of(500, 510, SENTENCES) == (500, 510)


def test_the_sample_citations_name_outlet_date_speaker_and_exact_words(analysed_seeds):
    stream = io.StringIO()
    with open_store(analysed_seeds) as store:
        counts = EXPORTERS["citations"](store, stream)
        texts = {a.id: a.text for a in store.articles.all()}
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert list(rows[0]) == list(COLUMNS)
    assert counts == {"quotes": sum(r["kind"] == "quote" for r in rows),
                      "facts": sum(r["kind"] == "fact" for r in rows)}
    assert counts["quotes"] > 20 and counts["facts"] > 5
    for row in rows:  # every record is the exact words of its article, in its sentence
        text = texts[row["article_id"]]
        span = text[int(row["start"]):int(row["end"])]
        assert " ".join(row["words"].split(" … ")[0].split()) in " ".join(span.split())
        assert row["outlet"] and row["story_id"] and row["citation"].count("“") >= 1
    rasool = [r for r in rows if r["speaker"] == "Yahya Rasool" and r["quote_kind"] == "direct"]
    assert rasool and all("quoted by" in r["citation"] and r["published"].startswith("2024-02")
                          for r in rasool)
    tolls = [r for r in rows if r["kind"] == "fact" and "killed three people" in r["sentence"]]
    assert tolls and tolls[0]["outlet"] == "Press TV"
