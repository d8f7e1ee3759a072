"""Citations: a quote or a counted fact with who published it, when, where, who said it and the
exact words, as a record (the ``citations`` CSV export) and as one line to paste into an article.

A *quote* record's ``words`` are the words of the quote as its article gives them (pieces of a
quote broken by its attribution joined by an ellipsis). Reported speech is the outlet's wording
of what the speaker said (and a partial quote inside it is read in that wording), so its
citation line quotes the outlet's whole sentence, as the outlet's. A *fact* record is a count or amount (a toll, a number of attacks); its ``words`` are
the count as written ("at least 16"). Every record has the whole ``sentence`` it stands in. Every record keeps the article id and the character span, so
it can be checked against the text (``crossbearing show ID``).

Pure: the caller reads the store (``export.gather.gather_citations``).
"""

from __future__ import annotations

from typing import Any

from crossbearing.dates import human_date
from crossbearing.model import Article, NumericFact, Quote

#: The columns of the ``citations`` CSV export, in order.
COLUMNS = ("kind", "story_id", "outlet", "published", "url", "title", "speaker", "quote_kind",
           "words", "sentence", "article_id", "start", "end", "citation")


def speaker_of(quote: Quote) -> str | None:
    """How a quote's speaker is shown: the resolved name, else the description, else as written."""
    return quote.speaker_canonical or quote.descriptor or quote.speaker_text


def quote_record(article: Article, quote: Quote, sentence: tuple[int, int], source: str,
                 story_id: str | None) -> dict[str, Any]:
    """A quote's citation record; ``sentence`` is the span of the sentence(s) it stands in,
    ``source`` how the article's source is named."""
    speaker = speaker_of(quote)
    words = " … ".join(article.text[s:e].strip() for s, e in quote.content)
    record = _base("quote", article, sentence, source, story_id, quote.start, quote.end)
    record.update(speaker=speaker, quote_kind=quote.kind, words=words)
    record["citation"] = citation_line(record)
    return record


def fact_record(article: Article, fact: NumericFact, sentence: tuple[int, int], source: str,
                story_id: str | None) -> dict[str, Any]:
    """A counted fact's citation record: the count as written and the sentence it stands in."""
    record = _base("fact", article, sentence, source, story_id, fact.start, fact.end)
    record.update(speaker=fact.speaker, quote_kind=None, words=fact.text)
    record["citation"] = citation_line(record)
    return record


def _base(kind: str, article: Article, sentence: tuple[int, int], source: str,
          story_id: str | None, start: int, end: int) -> dict[str, Any]:
    published = article.published
    return {"kind": kind, "story_id": story_id, "outlet": source,
            "published": published.value[:10] if published else None, "url": article.url,
            "title": article.title, "sentence": _one_line(article.text[slice(*sentence)]),
            "article_id": article.id, "start": start, "end": end}


def citation_line(record: dict[str, Any]) -> str:
    """One line to paste into an article:

    - direct quote: ``“words” — Speaker, quoted by Outlet, “Title”, 7 February 2024. URL``
    - reported speech, or a partial quote inside it: ``Speaker, as reported by Outlet, “Title”, 7 February 2024: “the
      outlet's sentence” URL``
    - fact: ``Outlet, “Title”, 7 February 2024: “sentence” URL``

    Unknown parts are left out (no speaker: the outlet alone; no date: "undated")."""
    where = record["outlet"]
    if record["title"]:
        where += f", “{_one_line(record['title'])}”"
    where += f", {human_date(record['published']) if record['published'] else 'undated'}"
    url = f" {record['url']}" if record["url"] else ""
    words, speaker = _one_line(record["words"]), record["speaker"]
    if record["kind"] == "quote" and record["quote_kind"] != "direct":
        who = f"{speaker}, as reported by " if speaker else "As reported by "
        return f"{who}{where}: “{record['sentence']}”{url}"
    if record["kind"] == "quote":
        who = f"{speaker}, quoted by " if speaker else "Quoted by "
        return f"“{words.strip(QUOTE_MARKS).rstrip(',;:')}” — {who}{where}.{url}"
    return f"{where}: “{record['sentence']}”{url}"


#: Quotation marks a direct quote's words may carry at their ends (the line puts its own).
QUOTE_MARKS = '“”"„«» '


def sentence_of(start: int, end: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """From the start of the sentence holding ``start`` to the end of the one holding ``end``
    (a quote may run over several); the span itself where no sentence holds it."""
    first = next((s for s, e in sentences if s <= start < e), start)
    last = next((e for s, e in sentences if s < end <= e), end)
    return first, max(last, end)


def _one_line(text: str) -> str:
    return " ".join(text.split())
