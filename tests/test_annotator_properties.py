"""No annotator raises on real text, however it is cut, joined or mangled, and every annotation
lies inside the text it annotates.

Texts are real sentences cut at random offsets, joined with random separators and perturbed:
quotation marks swapped, numbers, number words, dates and percent signs inserted, punctuation
doubled, case changed, whitespace dropped, marks left unbalanced, one token repeated hundreds of
times, emoji and control characters, empty strings. The sentences come from the bundled sample
corpus (``examples/corpus``) and, where the evaluation data is checked out beside the repository
(``../shared/eval``: BASIL, PolNeAR, PLOVER), from those too; their tests skip without it. No
text of either is copied here.

The quick profile tries a few dozen texts per test, derandomised, so a run is repeatable and
fast; the ``slow`` tests try many more, at random.
"""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from conftest import SAMPLE_CORPUS, make_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossbearing.annotate.entities import entity_mentions
from crossbearing.annotate.events import event_mentions
from crossbearing.annotate.framing import framing_annotations
from crossbearing.annotate.names import same_name, surname
from crossbearing.annotate.nlp import pipeline
from crossbearing.annotate.numbers import numeric_facts
from crossbearing.annotate.numbers_find import find_numbers
from crossbearing.annotate.quotemarks import paragraphs, quote_runs
from crossbearing.annotate.quotes import quote_annotations
from crossbearing.annotate.stage import annotate_articles
from crossbearing.annotate.times import time_mentions
from crossbearing.annotate.timex import (
    AMBIGUOUS,
    INVALID,
    NO_ANCHOR,
    NOT_TIME,
    OUT_OF_RANGE,
    find_time_expressions,
    resolve_time,
)

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
#: Why a time expression can stay unresolved.
UNRESOLVED_REASONS = {NO_ANCHOR, NOT_TIME, AMBIGUOUS, INVALID, OUT_OF_RANGE}

_COMMON = dict(deadline=None, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: The quick profile: the same few dozen texts on every run.
QUICK = settings(max_examples=30, derandomize=True, **_COMMON)
#: The heavier profile of the ``slow`` tests: many more texts, new ones on each run.
HEAVY = settings(max_examples=1000, **_COMMON)


# --- real sentences --------------------------------------------------------------------------------
def _sentences(texts) -> list[str]:
    found = []
    for text in texts:
        for piece in re.split(r"(?<=[.!?\"”])\s+|\n+", text):
            piece = piece.strip()
            if 3 <= len(piece) <= 600:
                found.append(piece)
    return sorted(set(found))


@cache
def sample_sentences() -> list[str]:
    return _sentences(p.read_text(encoding="utf-8") for p in sorted(SAMPLE_CORPUS.glob("*.txt")))


def _basil_texts():
    for path in sorted((EVAL / "basil-dev" / "articles").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        yield "\n".join(" ".join(paragraph) for paragraph in record.get("body-paragraphs", []))


def _polnear_texts():
    for path in sorted((EVAL / "polnear-dev" / "text").glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def _plover_texts():
    path = EVAL / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record.get("text"):
            yield record["text"]


EVAL_SOURCES = {"basil": _basil_texts, "polnear": _polnear_texts, "plover": _plover_texts}
EVAL_PATHS = {"basil": "basil-dev/articles", "polnear": "polnear-dev/text",
              "plover": "plover-gsr/PLOVER_GSR_CAMEO.txt"}


@cache
def eval_sentences(name: str) -> list[str]:
    if not (EVAL / EVAL_PATHS[name]).exists():
        return []
    return _sentences(EVAL_SOURCES[name]())


def need_eval(name: str) -> list[str]:
    found = eval_sentences(name)
    if not found:
        pytest.skip(f"evaluation data absent: {EVAL / EVAL_PATHS[name]} (checked out beside the "
                    "repository as ../shared/eval)")
    return found


# --- perturbations ---------------------------------------------------------------------------------
QUOTE_MARKS = ["“", "”", '"', "'", "«", "»", "‘", "’", "„", "‹", "›", "''", "``"]
SEPARATORS = ["", " ", "\n", "\n\n", "  ", "\t", ". ", ", ", " -- ", "\r\n", "\u2029", "\u00a0",
              " — ", ";", "\n \n"]
NUMBERS = ["0", "1", "16", "2,500", "1.5 million", "one", "two", "Three", "dozens", "hundreds",
           "a dozen", "Half a dozen", "$5 million", "€5m", "£2bn", "50%", "12 per cent", "%",
           "10 to 15", "between 10 and 15", "at least 16", "more than", "about 3,000", "up to",
           "Oct. 17", "January 28, 2024", "2024-01-28", "13/02/2024", "last week", "since 2014",
           "mid-October", "the 1990s", "the '90s", "Q4 9999", "9999", "0000", "the 0000s",
           "Feb 30", "early 9999", "the past 999 years", "999 years ago", "1999", "3-1", "No. 5",
           "aged 25", "9 p.m.", "19:00", "1/2", "½", "٣", "10,00,000", "1e9", "-5", "+7", "1,2,3",
           "99999999999999999999999999", "0.000001", "twenty-five", "one hundred and fifty",
           "Monday", "tomorrow", "2nd", "first", "a handful", "Tens of thousands"]
ODD = ["😀", "🇺🇸", "\U0001F9D1\u200d\U0001F33E", "\u200b", "\u200d", "\x00", "\x07", "\x1b",
       "\ufeff", "\u202e", "\x0c", "\x0b", "\u2028", "\ufffd", "…", "‐", "–", "\u0301", "ﬁ", "Ⅻ",
       "\r", "\u0085"]
REPEATED = ["said", "the", '"', "“", ",", ".", "killed", "1", "of", "-", "!", "he said", "US",
            "'s", "\n", "dozens", "2024"]


def _at(text: str, index: int, piece: str) -> str:
    index %= len(text) + 1
    return text[:index] + piece + text[index:]


@st.composite
def operations(draw, text: str) -> str:
    """One perturbation of ``text``, drawn."""
    kind = draw(st.sampled_from([
        "quotes", "number", "punct", "case", "whitespace", "unbalanced", "run", "odd", "cut",
        "empty", "blank"]))
    where = draw(st.integers(0, 10_000))
    if kind == "quotes":
        marks = [i for i, c in enumerate(text) if c in "“”\"'«»‘’„‹›"]
        mark = draw(st.sampled_from(QUOTE_MARKS))
        if not marks:
            return _at(text, where, mark)
        i = marks[where % len(marks)]
        return text[:i] + mark + text[i + 1:]
    if kind == "number":
        return _at(text, where, draw(st.sampled_from(["", " "])) + draw(st.sampled_from(NUMBERS))
                   + draw(st.sampled_from(["", " "])))
    if kind == "punct":
        signs = [i for i, c in enumerate(text) if not c.isalnum() and not c.isspace()]
        if not signs:
            return text + draw(st.sampled_from([".", "!!!", "??", ",,", "--"]))
        i = signs[where % len(signs)]
        return text[:i] + text[i] * draw(st.integers(2, 30)) + text[i + 1:]
    if kind == "case":
        return draw(st.sampled_from([str.upper, str.lower, str.title, str.swapcase]))(text)
    if kind == "whitespace":
        return "".join(text.split()) if where % 3 == 0 else re.sub(r"\s", "", text, count=where % 7)
    if kind == "unbalanced":
        return _at(text, where, draw(st.sampled_from(QUOTE_MARKS)) * draw(st.integers(1, 3)))
    if kind == "run":
        token = draw(st.sampled_from(REPEATED))
        glue = draw(st.sampled_from(["", " ", ", "]))
        return _at(text, where, glue.join([token] * draw(st.integers(20, 300))))
    if kind == "odd":
        return _at(text, where, "".join(draw(st.lists(st.sampled_from(ODD), min_size=1,
                                                      max_size=4))))
    if kind == "cut":
        a, b = sorted((where % (len(text) + 1), draw(st.integers(0, len(text)))))
        return text[a:b]
    if kind == "empty":
        return draw(st.sampled_from(["", " ", "\n", ".", '"', "“”", "1", "—", "\n\n\n"]))
    return _at(text, where, draw(st.sampled_from(["\n" * 5, " " * 40, "\t\t", "\n \n \n"])))


@st.composite
def mangled(draw, pool: list[str]) -> str:
    """A text of one to five real sentences, some cut at random offsets, joined with random
    separators, then put through a few perturbations."""
    parts = []
    for sentence in draw(st.lists(st.sampled_from(pool), min_size=1, max_size=5)):
        if draw(st.booleans()):
            a, b = sorted(draw(st.tuples(st.integers(0, len(sentence)),
                                         st.integers(0, len(sentence)))))
            sentence = sentence[a:b] if draw(st.booleans()) else sentence[:a] + sentence[b:]
        parts.append(sentence)
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + part
    for _ in range(draw(st.integers(0, 4))):
        text = draw(operations(text))
    return text


def texts_from(pool_of):
    """Mangled real sentences, or now and then a bare hostile string."""
    real = st.deferred(lambda: mangled(pool_of()))
    return st.one_of(
        real, real, real,
        st.lists(st.sampled_from(list("ab1 .,\n\"“”'’«»%$-") + ODD[:6]), max_size=60)
        .map("".join))


# --- what must hold ------------------------------------------------------------------------------
def _spans(item, path: str):
    """(path, start, end, text or None) of every offset pair an annotation holds."""
    if dataclasses.is_dataclass(item):
        names = {f.name for f in dataclasses.fields(item)}
        if {"start", "end"} <= names and isinstance(item.start, int):
            yield path, item.start, item.end, getattr(item, "text", None)
        for f in dataclasses.fields(item):
            if f.name not in ("start", "end"):
                yield from _spans(getattr(item, f.name), f"{path}.{f.name}")
    elif isinstance(item, tuple) and len(item) == 2 and all(
            type(x) is int for x in item):
        yield path, item[0], item[1], None
    elif isinstance(item, (tuple, list)):
        for x in item:
            yield from _spans(x, path)


def assert_within(items, text: str, layer: str) -> None:
    """Every offset pair of every annotation lies in ``text``, in order; an annotation's own
    ``text`` is the text at its offsets."""
    for item in items:
        for path, start, end, written in _spans(item, layer):
            assert 0 <= start <= end <= len(text), (path, start, end, len(text), text)
            if written is not None:
                assert text[start:end] == written, (path, written, text[start:end])


LAYERS = ("sentences", "mentions", "times", "quotes", "numbers", "events", "descriptors",
          "loaded_terms")


def check_stage(texts: list[str], published: str | None = "2024-02-09") -> None:
    """The whole stage over a batch of articles: nothing raises, every offset is in its text."""
    articles = [make_article(text, published, f"a{i}") for i, text in enumerate(texts)]
    results = annotate_articles(articles)
    assert [r.article_id for r in results] == [a.id for a in articles]
    for result, text in zip(results, texts):
        for layer in LAYERS:
            assert_within(getattr(result, layer), text, layer)
        starts = [s.start for s in result.sentences]
        assert starts == sorted(starts)
        for event in result.events:
            assert (0 <= event.sentence_start <= event.start <= event.end <= event.sentence_end
                    <= len(text)), (event, text)


def check_each_annotator(text: str, published: str | None = "2024-02-09") -> None:
    """Each annotator on its own, given nothing from the others, then given what they found."""
    doc = pipeline()(text)
    article = make_article(text, published)
    mentions = entity_mentions(doc, "a1")
    times = time_mentions(doc, article)
    assert_within(mentions, text, "mentions")
    assert_within(times, text, "times")
    assert_within(quote_annotations(doc, "a1", []), text, "quotes")
    assert_within(numeric_facts(doc, "a1", [], []), text, "numbers")
    assert_within(event_mentions(doc, "a1", [], [], [], []), text, "events")
    for layer in framing_annotations(doc, "a1", [], []):
        assert_within(layer, text, "framing")
    quotes = quote_annotations(doc, "a1", mentions)
    numbers = numeric_facts(doc, "a1", times, quotes)
    assert_within(event_mentions(doc, "a1", mentions, times, quotes, numbers), text, "events")
    for layer in framing_annotations(doc, "a1", mentions, quotes):
        assert_within(layer, text, "framing")


def check_text_only(text: str) -> None:
    """The functions that read plain text, without the parse."""
    for number in find_numbers(text):
        assert 0 <= number.start <= number.core <= number.end <= len(text)
    for start, end in find_time_expressions(text):
        assert 0 <= start < end <= len(text)
        for anchor in (None, date(2024, 2, 9), date(9999, 12, 31), date(1, 1, 1)):
            for tense in ("past", "future"):
                value = resolve_time(text[start:end], anchor, tense=tense)
                if value.resolved:
                    assert value.start is None or value.end is None or value.start <= value.end
                else:
                    assert value.reason in UNRESOLVED_REASONS, value
    for start, end in paragraphs(text):
        assert 0 <= start < end <= len(text)
    for run in quote_runs(text):
        assert all(0 <= s < e <= len(text) for s, e in run.parts)
    for a, b in zip(text.split(), reversed(text.split())):
        same_name(a, b)
        surname(f"{a} {b}")


# --- the quick profile ---------------------------------------------------------------------------
#: Texts that once made an annotator raise, and the emptiest texts there are.
HARD_TEXTS = [
    'A title\n"This is just another one, but a lot of families disagree politically," she said.',
    "SHOW ME. LET'S SAY THERE'S NO PLAN.",
    "It was built in 9999, rebuilt in the 9990s and sold in Q4 9999.",
    "Sales fell in October 0000 and in the first quarter of 0000.",
    "The deadline was Feb 30, officials said.",
    "", " ", "\n\n", "“", "”“", "\x00", "😀", "%%%", "said said said",
]


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_hard_texts(text):
    check_stage([text])
    check_each_annotator(text)
    check_text_only(text)


def test_a_publication_date_at_the_end_of_the_calendar():
    text = "On Wednesday, last month and in October, two days ago, 16 people were killed."
    check_stage([text], published="9999-12-31")
    check_stage([text], published=None)


@QUICK
@given(st.lists(texts_from(sample_sentences), min_size=1, max_size=4))
def test_the_stage_never_raises_on_mangled_sample_sentences(texts):
    check_stage(texts)


@QUICK
@given(texts_from(sample_sentences))
def test_each_annotator_alone_never_raises(text):
    check_each_annotator(text)


@settings(max_examples=200, derandomize=True, **_COMMON)
@given(texts_from(sample_sentences))
def test_text_readers_never_raise(text):
    check_text_only(text)


@pytest.mark.slow
@pytest.mark.parametrize("source", sorted(EVAL_SOURCES))
def test_the_stage_never_raises_on_mangled_eval_sentences(source):
    pool = need_eval(source)

    @QUICK
    @given(st.lists(mangled(pool), min_size=1, max_size=3))
    def run(texts):
        check_stage(texts)

    run()


# --- the heavy profile ---------------------------------------------------------------------------
def _all_pool() -> list[str]:
    return sample_sentences() + [s for name in sorted(EVAL_SOURCES) for s in eval_sentences(name)]


@pytest.mark.slow
@HEAVY
@given(st.lists(texts_from(_all_pool), min_size=1, max_size=4))
def test_the_stage_never_raises_heavy(texts):
    check_stage(texts)


@pytest.mark.slow
@HEAVY
@given(texts_from(_all_pool))
def test_each_annotator_alone_never_raises_heavy(text):
    check_each_annotator(text)


@pytest.mark.slow
@settings(max_examples=3000, **_COMMON)
@given(texts_from(_all_pool))
def test_text_readers_never_raise_heavy(text):
    check_text_only(text)
