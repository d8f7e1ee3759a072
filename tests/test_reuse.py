"""Passage-level reuse: reprinted paragraphs with small edits, shared quotations, boilerplate,
direction; and on the bundled seeds, the reprint of seed 000 by seed 002."""

import itertools
import re

import pytest
from conftest import SAMPLE_CORPUS

from crossbearing import ingest_files
from crossbearing.corpus.duplicates import word_tokens
from crossbearing.corpus.reuse import (
    Alignment,
    _aligned_words,
    _Span,
    boilerplate_passages,
    shared_passages,
)
from crossbearing.dates import direction
from crossbearing.model import DateValue, Quote
from crossbearing.store import open_store

# Made-up reports: B reprints two of A's paragraphs (one word changed in the first; punctuation
# changed, a word dropped and a word added in the second) between paragraphs of its own.
P1 = ("Flood barriers on the Elvar river held overnight as water levels peaked just below the "
      "record set in 1998, the regional water board said on Thursday morning.")
P2 = ("Engineers worked through the night to reinforce a section of the embankment near the "
      "village of Marsk, where seepage had been reported on Wednesday afternoon, board director "
      "Hanne Solberg told reporters at a briefing in the town hall.")
P3 = ("About 400 residents who left their homes in low-lying streets of Marsk on Tuesday will not "
      "be allowed back before Saturday, when engineers expect the river to fall below the alert "
      "level.")
P4 = ("The railway line between Marsk and the regional capital remains closed, and the operator "
      "said replacement buses would run every hour until inspections of two bridges had been "
      "completed.")
P5 = ("Solberg said the board would ask the government for funds to raise the embankment by half "
      "a metre, a project first proposed after the 1998 flood and postponed twice for lack of "
      "money.")
R2 = P2.replace("worked through the night", "worked all night")
R4 = P4.replace("closed, and the operator", "closed; the rail operator")
O1 = ("Residents of the Elvar valley spent a second anxious night watching the river on Thursday, "
      "with sandbags piled against doors in the old town of Marsk.")
O2 = ("Local shops have sold out of sandbags, and volunteers from neighbouring towns arrived by "
      "bus to help fill more at the fire station.")
O3 = "Forecasters expect dry weather for the rest of the week."

TEXT_A = "\n\n".join([P1, P2, P3, P4, P5])
TEXT_B = "\n\n".join([O1, R2, O2, R4, O3])


def span(text, paragraph):
    """The span a passage covering the whole paragraph has: first word to last word."""
    start = text.index(paragraph)
    return start, start + len(paragraph.rstrip("."))


def words(text):
    return len(word_tokens(text))


def test_reprinted_paragraphs_with_small_edits():
    passages = shared_passages(TEXT_A, TEXT_B)
    assert [(p.a_start, p.a_end, p.b_start, p.b_end) for p in passages] == [
        (*span(TEXT_A, P2), *span(TEXT_B, R2)), (*span(TEXT_A, P4), *span(TEXT_B, R4))]
    first, second = passages
    assert first.words == words(P2) - 2            # "through the" -> "all"
    assert second.words == words(P4) - 1           # "and" dropped, "rail" added
    assert second.similarity == pytest.approx(2 * second.words / (words(P4) + words(R4)),
                                              abs=1e-4)
    assert all(p.kind == "reprint" for p in passages)
    # the other way round gives the same passages, with the texts swapped
    swapped = shared_passages(TEXT_B, TEXT_A)
    assert [(p.b_start, p.b_end, p.a_start, p.a_end) for p in swapped] == \
        [(p.a_start, p.a_end, p.b_start, p.b_end) for p in passages]


def test_edited_first_word_and_neighbours_merged():
    a = "Early this month " + P3 + " " + P5
    b = "Earlier this month " + P3 + " Officials added that " + P5
    (passage,) = shared_passages(a, b)  # one passage: the three inserted words are an edit
    assert a[passage.a_start:passage.a_end] == a[len("Early "):].rstrip(".")
    assert b[passage.b_start:passage.b_end] == b[len("Earlier "):].rstrip(".")
    assert passage.words == words(a) - 1


def test_too_short_and_unrelated():
    assert shared_passages(TEXT_A, "\n\n".join([O1, O2, O3])) == []
    twelve = "the board would ask the government for funds to raise the embankment"
    assert shared_passages(TEXT_A, twelve.upper()) != []
    assert shared_passages(TEXT_A, twelve.upper(), min_words=14) == []
    assert shared_passages("", TEXT_A) == [] and shared_passages(TEXT_A, "") == []


STATEMENT = ("the embankment will be raised before next winter, whatever the cost to the regional "
             "budget")
QUOTING_A = f'The ministry said in a statement on Friday that "{STATEMENT}," and gave no date.'
QUOTING_B = ("Asked about the plans, a ministry spokesman repeated the line: "
             f"“{STATEMENT.capitalize()}.”")


def quote(text, speaker_actor=None, speaker_canonical=None):
    start = text.index(STATEMENT[4:]) - 4
    return Quote("x", ((start, start + len(STATEMENT)),), None, None, None, speaker_actor,
                 speaker_canonical, None, "direct")


def test_shared_quotation_needs_quotes_in_both_not_of_two_known_actors():
    bare = shared_passages(QUOTING_A, QUOTING_B)
    assert [p.kind for p in bare] == ["reprint"]  # nothing says it is quoted
    assert QUOTING_A[bare[0].a_start:bare[0].a_end] == STATEMENT
    same = shared_passages(QUOTING_A, QUOTING_B, quotes_a=[quote(QUOTING_A, "org:ministry")],
                           quotes_b=[quote(QUOTING_B, "org:ministry")])
    assert [p.kind for p in same] == ["shared-quotation"]
    spans_only = shared_passages(QUOTING_A, QUOTING_B, quotes_a=[quote(QUOTING_A).content[0]],
                                 quotes_b=[quote(QUOTING_B).content[0]])
    assert [p.kind for p in spans_only] == ["shared-quotation"]
    names = shared_passages(QUOTING_A, QUOTING_B,
                            quotes_a=[quote(QUOTING_A, speaker_canonical="Hanne Solberg")],
                            quotes_b=[quote(QUOTING_B, speaker_canonical="Solberg")])
    assert [p.kind for p in names] == ["shared-quotation"]
    other = shared_passages(QUOTING_A, QUOTING_B, quotes_a=[quote(QUOTING_A, "org:ministry")],
                            quotes_b=[quote(QUOTING_B, "person:solberg")])
    assert [p.kind for p in other] == ["reprint"]  # two known actors: not one statement
    misread = shared_passages(QUOTING_A, QUOTING_B,
                              quotes_a=[quote(QUOTING_A, speaker_canonical="Hanne Solberg")],
                              quotes_b=[quote(QUOTING_B, speaker_canonical="Kari Nordmann")])
    assert [p.kind for p in misread] == ["shared-quotation"]  # one report misattributes it
    one_side = shared_passages(QUOTING_A, QUOTING_B, quotes_a=[quote(QUOTING_A)])
    assert [p.kind for p in one_side] == ["reprint"]


def test_passage_beyond_the_quotation_is_a_reprint():
    a = f'The ministry said on Friday in a written statement that "{STATEMENT}."'
    b = f'The ministry said on Friday in a written statement that "{STATEMENT}," officials added.'
    spans = lambda t: [(t.index(STATEMENT), t.index(STATEMENT) + len(STATEMENT))]  # noqa: E731
    (passage,) = shared_passages(a, b, quotes_a=spans(a), quotes_b=spans(b))
    assert passage.kind == "reprint" and passage.a_start == 0


FOOTER = ("This report was produced by the Marsk Courier newsroom and may be republished free of "
          "charge with credit to the Courier")


def test_outlet_boilerplate_is_not_reuse():
    outlet = [f"{P1}\n\n{FOOTER}.", f"{O1}\n\n{FOOTER}.", f"{O3}\n\n{FOOTER}."]
    found = boilerplate_passages(outlet)
    assert found == {" ".join(t.norm for t in word_tokens(FOOTER))}
    other_outlet = f"{P2}\n\n{FOOTER}."
    assert len(shared_passages(outlet[1], other_outlet)) == 1
    assert shared_passages(outlet[1], other_outlet, boilerplate=[frozenset(found)]) == []
    # reuse next to boilerplate is still found
    (reuse,) = shared_passages(TEXT_A + "\n\n" + FOOTER, other_outlet,
                               boilerplate=[frozenset(found)])
    assert (reuse.a_start, reuse.a_end) == span(TEXT_A, P2)


def test_boilerplate_needs_recurrence():
    assert boilerplate_passages([P1 + FOOTER, O1 + FOOTER]) == set()  # two texts: cannot tell
    five = [P1, O1 + " " + FOOTER, O2 + " " + FOOTER, O3, P5]
    assert boilerplate_passages(five) != set()  # two of five is 40 percent
    assert boilerplate_passages(five, min_share=0.5) == set()
    many = [f"{i} {P1 if i % 2 else O2}" for i in range(20)] + [O1 + " " + FOOTER] * 2
    assert boilerplate_passages(many) == {" ".join(t.norm for t in word_tokens(P1)),
                                          " ".join(t.norm for t in word_tokens(O2))}


@pytest.mark.parametrize("a, b, expected", [
    (DateValue("2024-02-09", "day", "x"), DateValue("2024-02-11T08:00:00+00:00", "second", "y"),
     "a→b"),
    ("2024-02-11", "2024-02-09", "b→a"),
    ("2024-02-09T01:00:00", "2024-02-09T23:00:00", "unknown"),  # same day
    (None, "2024-02-09", "unknown"),
    ("2024-02-09", None, "unknown"),
    ("2024-02", "2024-02-09", "unknown"),  # month precision cannot order them
    ("2024-01", "2024-02-09", "a→b"),
])
def test_direction(a, b, expected):
    assert direction(a, b) == expected


# --- the bundled seeds ----------------------------------------------------------------------------
def quote_spans(text):
    """Content spans between quotation marks, paragraph by paragraph; a quotation left open runs
    to the end of its paragraph (the convention for a quotation continued in the next one)."""
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        start = None
        for mark in re.finditer(r'[“”"]', para.group()):
            pos = para.start() + mark.start()
            opening = mark.group() == "“" or (mark.group() == '"' and start is None)
            if opening and start is None:
                start = pos + 1
            elif not opening and start is not None:
                spans.append((start, pos))
                start = None
        if start is not None:
            spans.append((start, para.end()))
    return spans


@pytest.fixture(scope="module")
def seed_passages(tmp_path_factory):
    db = tmp_path_factory.mktemp("reuse") / "seeds.db"
    ingest_files([SAMPLE_CORPUS], db)
    with open_store(db) as store:
        texts = {a.source_path.rsplit("/", 1)[-1][:3]: a.text for a in store.articles.all()}
    pairs = {}
    for x, y in itertools.combinations(sorted(texts), 2):
        pairs[x, y] = shared_passages(texts[x], texts[y], quotes_a=quote_spans(texts[x]),
                                      quotes_b=quote_spans(texts[y]))
    return texts, pairs


def test_seed_002_reprints_the_second_half_of_000(seed_passages):
    texts, pairs = seed_passages
    passages = pairs["000", "002"]
    assert [p.kind for p in passages] == ["reprint"] * 4
    assert sum(p.words for p in passages) >= 220
    assert all(p.similarity > 0.8 for p in passages)
    # the passages are in order and do not overlap, in either text
    for p, q in zip(passages, passages[1:]):
        assert p.a_end < q.a_start and p.b_end < q.b_start
    # 9 of 000's 17 paragraphs are reprinted: the one on the commander and the last eight but one
    # (a photo caption and a paragraph 002 rewrites in its own words are not)
    covered = [i for i, (s, e) in enumerate(paragraphs(texts["000"]))
               if sum(overlap((s, e), (p.a_start, p.a_end)) for p in passages) > 0.8 * (e - s)]
    assert covered == [6, 8, 10, 11, 12, 13, 14, 15, 16]


def test_other_seed_pairs_share_only_quotations(seed_passages):
    _, pairs = seed_passages
    quoting = {pair for pair, passages in pairs.items() if passages and pair != ("000", "002")}
    # five of the ten pairs quote CENTCOM's words about the commander, all of it the quotation
    assert quoting == {("000", "001"), ("000", "003"), ("001", "002"), ("001", "003"),
                       ("002", "003")}
    for pair in quoting:
        (passage,) = pairs[pair]
        assert passage.kind == "shared-quotation" and 14 <= passage.words <= 15, pair


def paragraphs(text):
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def overlap(x, y):
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def test_passage_is_a_plain_record():
    p = Alignment(0, 5, 10, 15, 12, 1.0, "reprint")
    assert p == Alignment(0, 5, 10, 15, 12, 1.0, "reprint")


def test_the_words_of_an_edited_passage_are_those_of_the_best_alignment():
    # A longest block ("a1 a2 a3") that crosses two shorter ones ("b1 b2", "c1 c2") is not
    # the best alignment: the two shorter ones together are.
    wa = "b1 b2 x c1 c2 a1 a2 a3".split()
    wb = "a1 a2 a3 b1 b2 y c1 c2".split()
    assert _aligned_words(wa, wb, _Span(0, len(wa), 0, len(wb))) == 4
