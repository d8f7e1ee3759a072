"""Exact and near-duplicate detection: shingles, stable MinHash signatures, the incremental
index."""

import os
import subprocess
import sys

import numpy as np
import pytest

from crossbearing.corpus.duplicates import (
    DuplicateIndex,
    DuplicatePair,
    estimated_jaccard,
    find_duplicates,
    shingles,
    signature,
    signature_bytes,
    signature_from_bytes,
    word_tokens,
)
from crossbearing.ids import normalise_text, sha256_hex

# A made-up wire story, the same story as reprinted by a second outlet (new headline, one sentence
# rewritten), and a different story of the same day about the same actors.
WIRE = """Dockworkers end three-day strike at Port Halvard after wage deal

PORT HALVARD, March 4 (Northwire) - Dockworkers at Port Halvard returned to work on Tuesday after their union and the port authority agreed a two-year wage deal, ending a three-day strike that had left more than forty container ships waiting at anchor off the coast.

The agreement raises basic pay by 6.5 percent this year and by a further 4 percent next year, and it adds a night-shift allowance that the union had demanded since the port began round-the-clock operations in 2019, according to a copy of the deal seen by Northwire.

"Our members held the line and the port listened," said Marta Vellin, general secretary of the Harbour Workers' Union, outside the union hall on Quay Street. "Nobody wanted the ships to wait, but nobody could go on working nights for day rates either."

Port authority chairman Oskar Lindqvist said the deal was affordable and would be paid for by higher handling fees that take effect in July. He told reporters the port expected to clear the backlog of waiting vessels by the end of next week if the weather held.

The strike, the first at Port Halvard in eleven years, began on Saturday after talks broke down over the night-shift allowance. Trucks queued for several kilometres on the coastal highway and two shipping lines diverted vessels to the smaller port of Edsby, about ninety kilometres to the south.

Port Halvard handles roughly a fifth of the country's container traffic and is the main gateway for car exports from the assembly plants in the river valley. Exporters had warned on Monday that a strike lasting into a second week would force factories to halt production lines for lack of storage space.

The transport ministry, which had sent a mediator to the talks on Sunday evening, welcomed the agreement in a short statement and said it would review the rules on minimum service levels at strategic ports during a future strike.

Union members approved the deal by a show of hands at a meeting on Tuesday morning, Vellin said. A formal ballot of all 2,300 members is due to be held within a month, as the union's rules require for any agreement that runs longer than a year.

Shares in Halvard Logistics, the largest terminal operator at the port, rose 3 percent in early trading after the deal was announced, while shares in rival operator Baltic Quay Holdings were little changed on the day.

Crane operators were the first to return, and the first ship to be worked after the strike, the feeder vessel Aurora Bay, began unloading refrigerated containers of fruit shortly after six in the morning. Port officials said perishable cargo would be handled first, followed by vessels carrying parts for the car plants.

Several shipping lines had added congestion surcharges of up to 250 euros per container for cargo bound for Port Halvard during the strike. Two of them said on Tuesday that the surcharges would be lifted once their ships had berthed, while a third said it would review the charge at the end of the month.

The dispute had divided the port town, where many families depend on jobs at the terminals, the shipyards or the trucking firms that serve them. Shopkeepers on Quay Street said trade had fallen sharply over the weekend as strikers stayed at home and drivers stuck in the queues could not leave their cabs.

The union said it would now press for talks on pension rights for seasonal workers, an issue that was left out of the wage deal. Lindqvist said the authority was willing to discuss pensions later in the year but would not reopen the pay agreement before it expires.
"""

NEAR = (WIRE
        .replace("Dockworkers end three-day strike at Port Halvard after wage deal",
                 "Port Halvard reopens as union accepts pay offer")
        .replace("The transport ministry, which had sent a mediator to the talks on Sunday "
                 "evening, welcomed the agreement in a short statement and said it would review "
                 "the rules on minimum service levels at strategic ports during a future strike.",
                 "A spokeswoman for the transport minister said the government was relieved that "
                 "the two sides had settled without new legislation being needed."))

OTHER = """Port Halvard authority fines shipping line over fuel spill

PORT HALVARD, March 4 (Northwire) - The Port Halvard authority fined the shipping line Nordvik Cargo 1.2 million crowns on Tuesday for a fuel spill that closed two berths in January, the largest penalty it has imposed since it was set up.

Investigators found that a hose coupling on the Nordvik Star had been left unsecured during refuelling and that the crew waited almost an hour before reporting the leak to the harbour master, the authority said in its ruling.

Port authority chairman Oskar Lindqvist said the fine should remind every operator that the harbour was not a place to cut corners. "The water here is our livelihood, and we will not let anyone treat it as a drain," he said.

Nordvik Cargo said it would appeal. A spokesman said the company had already replaced the equipment on all its vessels and had paid for the clean-up, which took divers and two skimmer boats eleven days to complete.

Marta Vellin of the Harbour Workers' Union, whose members worked on the clean-up, said the union had warned the authority about worn refuelling equipment last autumn and called for independent inspections of every tanker that calls at the port.

Environmental groups welcomed the fine but said it was small compared with the damage to the mussel beds along the northern breakwater, where fishermen have been barred from harvesting since the spill.

Port Halvard handles roughly a fifth of the country's container traffic and is the main gateway for car exports from the assembly plants in the river valley.
"""


def row(article_id, text):
    """What the maintainer stores per article: id, normalised-text hash, signature bytes."""
    return article_id, sha256_hex(normalise_text(text)), signature_bytes(signature(text))


def true_jaccard(x, y):
    sx, sy = shingles(x), shingles(y)
    return len(sx & sy) / len(sx | sy)


def test_tokens_are_normalised_with_offsets():
    text = "U.S. forces: 2,500 troops, Kata’ib al-Saadi"
    tokens = word_tokens(text)
    assert [t.norm for t in tokens] == ["us", "forces", "2500", "troops", "kata'ib", "al-saadi"]
    assert [text[t.start:t.end] for t in tokens] == ["U.S", "forces", "2,500", "troops",
                                                      "Kata’ib", "al-Saadi"]


def test_shingles():
    assert shingles("One two three four five six", k=5) == {"one two three four five",
                                                            "two three four five six"}
    assert shingles("Too short", k=5) == {"too short"}
    assert shingles("", k=5) == set()
    # case, quote style and spacing do not matter
    assert shingles("He said “no deal” today, again and again") == \
        shingles('he  said "NO deal" today, again and again')


def test_signature_is_stable_and_serialisable():
    sig = signature(WIRE)
    assert sig.dtype == np.uint64 and sig.shape == (128,)
    assert np.array_equal(sig, signature(WIRE))
    data = signature_bytes(sig)
    assert len(data) == 128 * 8
    assert np.array_equal(signature_from_bytes(data), sig)
    with pytest.raises(ValueError):
        signature_from_bytes(data[:-3])


@pytest.mark.slow  # a process of its own
def test_signature_is_the_same_in_another_process():
    code = ("import sys; from crossbearing.corpus.duplicates import signature, signature_bytes; "
            "sys.stdout.write(signature_bytes(signature(sys.stdin.read())).hex())")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}  # another str-hash seed than this process
    out = subprocess.run([sys.executable, "-c", code], input=WIRE, capture_output=True,
                         text=True, check=True, env=env).stdout
    assert out == signature_bytes(signature(WIRE)).hex()


def test_fixtures_have_the_intended_similarity():
    assert true_jaccard(WIRE, NEAR) > 0.85
    assert true_jaccard(WIRE, OTHER) < 0.1
    assert estimated_jaccard(signature(WIRE), signature(NEAR)) >= 0.8
    assert estimated_jaccard(signature(WIRE), signature(OTHER)) < 0.2


def test_exact_near_and_different():
    index = DuplicateIndex(threshold=0.8)
    index.add(*row("wire", WIRE))
    reflowed = "  " + WIRE.upper().replace("\n\n", "\n") + " "  # same normalised text
    assert index.query(*row("x", reflowed)[1:]) == [("wire", "exact", 1.0)]
    hits = index.query(*row("near", NEAR)[1:])
    assert [(aid, kind) for aid, kind, _ in hits] == [("wire", "near")]
    assert 0.8 <= hits[0][2] < 1.0
    assert index.query(*row("other", OTHER)[1:]) == []


def test_find_duplicates_among_new_articles_too():
    index = DuplicateIndex()
    index.add(*row("a-wire", WIRE))
    new = [row("c-other", OTHER), row("b-near", NEAR), row("d-copy", WIRE),
           row("e-other-copy", OTHER + "\n")]
    pairs = find_duplicates(new, index)
    kinds = {(p.a, p.b): p.kind for p in pairs}
    assert kinds == {("a-wire", "b-near"): "near", ("a-wire", "d-copy"): "exact",
                     ("b-near", "d-copy"): "near", ("c-other", "e-other-copy"): "exact"}
    assert all(isinstance(p, DuplicatePair) and p.a < p.b for p in pairs)
    assert len(index) == 5
    # running the same rows again finds the same pairs and does not pair an article with itself
    assert find_duplicates(new, index) == pairs


def test_rebuilt_index_answers_the_same():
    rows = [row("wire", WIRE), row("other", OTHER), row("copy", WIRE)]
    live = DuplicateIndex()
    for r in rows:
        live.add(*r)
    stored = [(aid, sha, bytes(sig)) for aid, sha, sig in rows]  # as read back from a store
    rebuilt = DuplicateIndex.from_signatures(stored)
    for probe in (row("q1", NEAR), row("q2", OTHER), row("q3", WIRE), row("q4", "Nothing alike.")):
        assert rebuilt.query(*probe[1:]) == live.query(*probe[1:])
    assert [k for _, k, _ in rebuilt.query(*row("q", WIRE)[1:])] == ["exact", "exact"]


def test_empty_texts_match_only_exactly():
    index = DuplicateIndex()
    index.add(*row("empty", ""))
    assert index.query(*row("x", "")[1:]) == [("empty", "exact", 1.0)]
    assert index.query(*row("y", "...")[1:]) == []  # no words, but another hash


def test_signature_length_is_checked():
    index = DuplicateIndex(num_perm=64)
    with pytest.raises(ValueError):
        index.add("a", "sha", signature(WIRE, num_perm=128))
    index.add("a", "sha", signature(WIRE, num_perm=64))
    assert index.query("other", signature(NEAR, num_perm=64))[0][:2] == ("a", "near")
