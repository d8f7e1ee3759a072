"""Quotes aligned across the articles of a story (compare/quotes.py)."""

from crossbearing.compare.quotes import (
    QuoteRecord,
    group_quotes,
    quote_id,
    relation,
    speaker_comparison,
)
from crossbearing.compare.words import content_stems, words

MINISTER = {"speaker_text": "the minister", "speaker_actor": "velland-interior-minister",
                "speaker_canonical": "Ana Rosk"}


def quote(article, text, outlet=None, start=0, **speaker):
    return QuoteRecord(quote_id(article, start, start + len(text)), article, outlet,
                       ((start, start + len(text)),), text, "direct", **speaker)


def test_words_ignore_quote_marks_case_punctuation_and_acronym_dots():
    assert words("“The U.S. will NOT leave,” he said.") == words('"the US will not leave", He said')
    assert content_stems("participating in attacks") == content_stems("participated in an attack")


def test_same_words_after_normalising_are_same():
    a = quote("a1", "“We will rebuild every bridge before winter.”", "Daily A", **MINISTER)
    b = quote("b1", '"We will rebuild every bridge before winter,"', "Daily B", **MINISTER)
    [group] = group_quotes("story-x", [a, b])
    assert (group.label, group.speakers, group.sources) == ("same", "same", 2)
    assert [m.relation for m in group.members] == ["same", "same"]
    assert {m.outlet for m in group.members} == {"Daily A", "Daily B"}


def test_contained_words_and_long_shared_runs_are_partial():
    full = quote("a1", "the army will withdraw from the northern valley by the end of the month "
                 "and hand the checkpoints to local police", **MINISTER)
    part = quote("b1", "withdraw from the northern valley by the end of the month")
    inside = quote("c1", "she said that the army will withdraw from the northern valley by the "
                   "end of spring", speaker_text="she")
    assert relation(full, part) == "partial"
    assert relation(full, inside) == "partial"
    [group] = group_quotes("story-x", [full, part, inside])
    assert group.label == "partial" and len(group.members) == 3
    assert group.speakers == "unattributed in some"


def test_speaker_comparison():
    named = quote("a1", "x", **MINISTER)
    described = quote("b1", "x", descriptor="a ministry official")
    nobody = quote("c1", "x")
    assert speaker_comparison([named, quote("d1", "y", **MINISTER)]) == "same"
    assert speaker_comparison([named, described]) == "differs"
    assert speaker_comparison([named, nobody]) == "unattributed in some"


def test_paraphrases_of_one_speaker_group_and_other_speakers_do_not():
    a = quote("a1", "Our engineers will rebuild the destroyed bridges across the province before "
              "the winter rains arrive", **MINISTER)
    b = quote("b1", "the destroyed bridges of the province would be rebuilt by its engineers "
              "ahead of the winter rains", **MINISTER)
    other = quote("c1", "the destroyed bridges of the province would be rebuilt by its engineers "
                  "ahead of the winter rains", speaker_text="the mayor", speaker_actor="mayor-x",
                  speaker_canonical="Ivo Tesk")
    described = quote("d1", "the destroyed bridges of the province would be rebuilt by its "
                      "engineers ahead of the winter rains", descriptor="an official")
    assert relation(a, b) == "paraphrase"
    assert relation(a, other) is None and relation(a, described) is None
    [group] = group_quotes("story-x", [a, b])
    assert (group.label, group.speakers) == ("paraphrase", "same")


def test_a_few_shared_words_are_not_a_paraphrase():
    a = quote("a1", "The bridges will be rebuilt", **MINISTER)
    b = quote("b1", "Taxes on fuel will rise in the spring to pay for the new schools and the "
              "bridges that were rebuilt", **MINISTER)
    assert relation(a, b) is None
    assert group_quotes("story-x", [a, b]) == []


def test_quotes_of_one_article_are_not_aligned_with_each_other():
    a = quote("a1", "We will rebuild every bridge before winter", **MINISTER)
    b = quote("a1", "We will rebuild every bridge before winter", start=500, **MINISTER)
    assert group_quotes("story-x", [a, b]) == []


def test_a_paraphrase_joins_the_group_it_matches_best():
    first = "the army has lost control of the eastern roads and must hand them to the police"
    second = "the treasury cannot pay the salaries of teachers in the southern districts this year"
    exact = [quote("a1", first, **MINISTER), quote("b1", first, **MINISTER),
             quote("a1", second, start=400, **MINISTER), quote("b1", second, start=400, **MINISTER)]
    loose = quote("c1", "control of the eastern roads has been lost by the army, which must give "
                  "them over to the police", **MINISTER)
    groups = group_quotes("story-x", exact + [loose])
    assert sorted((g.label, len(g.members)) for g in groups) == [("paraphrase", 3), ("same", 2)]
    paraphrased = next(g for g in groups if g.label == "paraphrase")
    assert {m.relation for m in paraphrased.members} == {"same", "paraphrase"}
    assert group_quotes("story-x", exact + [loose]) == group_quotes("story-x", [loose] + exact[::-1])


def _reference_relation(a, b):
    """The relation as the module docstring defines it, with difflib finding the longest run."""
    from difflib import SequenceMatcher

    from crossbearing.compare import quotes as q

    wa, wb = tuple(words(a.text)), tuple(words(b.text))
    if wa == wb:
        return "same"
    short, long_ = sorted((wa, wb), key=len)
    if len(short) >= q.MIN_CONTAINED_WORDS and f" {' '.join(short)} " in f" {' '.join(long_)} ":
        return "partial"
    run = SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match(
        0, len(wa), 0, len(wb)).size
    if run >= q.MIN_RUN_WORDS:
        return "partial"
    return q._paraphrase(q._prepare(a), q._prepare(b)) and "paraphrase" or None


def test_relation_matches_the_longest_run_definition():
    """Shared runs are found by shared n-grams: the same relations as difflib's longest match,
    around the MIN_RUN_WORDS boundary and with repeated words."""
    import random

    rng = random.Random(7)
    vocabulary = "the army will not leave valley north bridge police said".split()
    for _ in range(600):
        some = vocabulary[:rng.randint(2, 10)]
        a = " ".join(rng.choice(some) for _ in range(rng.randint(1, 16)))
        cut = rng.randint(0, len(a))
        b = a[cut:] + " " + " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 6)))
        speaker = MINISTER if rng.random() < 0.5 else {}
        qa, qb = quote("a1", a, **MINISTER), quote("b1", b, **speaker)
        assert relation(qa, qb) == _reference_relation(qa, qb), (a, b)


def test_groups_of_a_large_story_do_not_depend_on_order():
    """Many quotes of one speaker (the case blocking and the link index speed up): the same
    groups whatever the order of the records."""
    import random

    rng = random.Random(3)
    lines = ["we will rebuild every bridge in the northern valley before winter comes",
             "the army will withdraw from the valley and hand the checkpoints to police",
             "rebuilding the bridges of the north valley will take until the winter"]
    records = []
    for n in range(60):
        text = rng.choice(lines)
        cut = rng.randint(0, 3)
        words_ = text.split()[cut:]
        records.append(quote(f"a{n % 12}", " ".join(words_), f"Outlet {n % 5}", start=n * 200,
                             **(MINISTER if n % 3 else {})))
    groups = group_quotes("story-x", records)
    shuffled = records[:]
    rng.shuffle(shuffled)
    assert group_quotes("story-x", shuffled) == groups
    assert sum(len(g.members) for g in groups) >= 40
