"""Pairs of articles aligned in batches, in this process or on worker processes: the same
passages either way, and a pair that fails is reported, not lost among the others."""

import pytest

import crossbearing.corpus.alignment as alignment
from crossbearing.corpus.alignment import Side, align_all
from crossbearing.executors import SerialExecutor

SHARED = ("The regional council approved the new flood barrier on Monday after three years of "
          "delays, and the work on the river bank is to begin in the spring, officials said. ")
TEXTS = {
    "a": "Residents welcomed the decision. " + SHARED + "Some farmers remain opposed.",
    "b": "In other news, the market reopened. " + SHARED + "The mayor did not comment.",
    "c": SHARED + "Critics said the barrier would cost too much.",
    "d": "A bakery opened on the main square, its owner said on Tuesday morning.",
}
PAIRS = [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")]


def side(article_id):
    return Side(TEXTS[article_id])


def found(workers):
    results = {}
    for aligned in align_all(PAIRS, side, stage="corpus.reuse", version="v", workers=workers):
        assert aligned.failures == []
        results.update(aligned.passages)
    return results


def test_worker_processes_find_the_passages_this_process_finds(monkeypatch):
    alone = found(workers=1)
    assert set(alone) == set(PAIRS)
    assert all(len(alone[pair]) == 1 for pair in [("a", "b"), ("a", "c"), ("b", "c")])
    assert all(alone[pair] == [] for pair in PAIRS if "d" in pair)
    monkeypatch.setattr(alignment, "POOL_FROM_PAIRS", 1)
    monkeypatch.setattr(alignment, "BATCH_PAIRS", 2)  # three batches on two workers
    assert found(workers=2) == alone


def test_batches_keep_the_order_of_the_pairs_and_carry_only_their_articles():
    batches = list(alignment.batches(PAIRS, side, "corpus.reuse", "v", size=4))
    assert [b.pairs for b in batches] == [PAIRS[:4], PAIRS[4:]]
    assert set(batches[1].sides) == {"b", "c", "d"}


def test_a_pair_that_fails_is_a_failure_of_its_own(monkeypatch):
    real = alignment.shared_passages

    def broken_on_d(text_a, text_b, **options):
        if "bakery" in text_a + text_b:
            raise ValueError("alignment defect")
        return real(text_a, text_b, **options)

    monkeypatch.setattr(alignment, "shared_passages", broken_on_d)
    [aligned] = align_all(PAIRS, side, stage="corpus.reuse", version="v", workers=1)
    assert sorted(f.target for f in aligned.failures) == ["a|d", "b|d", "c|d"]
    assert set(aligned.passages) == {("a", "b"), ("a", "c"), ("b", "c")}


@pytest.mark.parametrize("pairs, workers, pool", [(999, 8, False), (1000, 1, False),
                                                   (1000, 2, True)])
def test_the_pool_is_for_many_pairs_and_more_than_one_core(pairs, workers, pool, monkeypatch):
    made = []

    class Recorded(SerialExecutor):  # the pool's place taken, to see whether it was made
        def __init__(self, size):
            made.append(size)

    monkeypatch.setattr(alignment, "ProcessExecutor", Recorded)
    for _ in align_all([("a", "b")] * pairs, side, stage="corpus.reuse", version="v",
                       workers=workers):
        pass
    assert made == ([2] if pool else [])
