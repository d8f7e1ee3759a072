"""Write ``src/crossbearing/data/noun_senses.txt``: what each English noun can name, from
Princeton WordNet 3.0's noun senses, for the event rule "a thing cannot act" (docs/events.md).

Each line is a noun (one word, lower case) that has no sense naming a person, a group or a
place (WordNet's lexicographer files noun.person, noun.group, noun.location), with the letters of
what else its senses can name:

- ``i``: a vehicle, a machine or a weapon (a sense under conveyance.n.03, machine.n.01,
  weapon.n.01, weaponry.n.01 or munition.n.02), which acts for whoever works it ("bulldozers
  demolished homes", "helicopters evacuated the wounded");
- ``c``: a communication (noun.communication: a letter, a report, a resolution), which says what
  its authors say;
- ``t``: an act (noun.act: a lawsuit, a campaign), which is done by people;
- ``m``: a material thing (noun.artifact, noun.object, noun.body, noun.substance, noun.food,
  noun.plant, noun.animal: a bridge, a pipeline, a field), which can be struck;
- ``a``: its most frequent sense (the first in WordNet's index.noun, where the senses were
  counted in a tagged corpus) is an idea, a saying, a quality, a feeling or a state ("policy",
  "ideology", "record"), not an act or an event ("a funeral", "the demonstration");
- ``-``: none of the letters above (a time, a rule, an abstraction that is not the noun's most
  frequent sense).

Nouns that may name a person, a group or a place are left out, like nouns WordNet lacks: the
rule reads both as "may act". The table is small (tens of thousands of lines) and read once per
process. WordNet is read from Debian's ``wordnet-base`` package (``apt-get install
wordnet-base``: ``/usr/share/wordnet``); its licence (WordNet 3.0, Princeton University) allows
copying and distribution with its notice, which heads the file.

Usage: python scripts/build_noun_senses.py [--wordnet /usr/share/wordnet] [--out PATH]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "crossbearing" / "data" / "noun_senses.txt"
#: WordNet's lexicographer file numbers (its ``lexnames``) of the senses the rule reads.
PERSON, GROUP, LOCATION, COMMUNICATION, ACT = 18, 14, 15, 10, 4
#: noun.artifact, noun.object, noun.body, noun.substance, noun.food, noun.plant, noun.animal.
MATERIAL = frozenset({6, 17, 8, 27, 13, 20, 5})
#: noun.attribute, noun.cognition, noun.communication, noun.feeling, noun.motive,
#: noun.relation, noun.state: ideas, sayings, qualities and states (not acts or events, which
#: happen somewhere: "a funeral", "the demonstration").
ABSTRACT = frozenset({7, 9, 10, 12, 16, 24, 26})
#: The synsets whose kinds are worked by people, by their offsets in WordNet 3.0's data.noun:
#: conveyance.n.03 (vehicles, aircraft, vessels), machine.n.01, weapon.n.01, weaponry.n.01 and
#: munition.n.02 (ordnance).
WORKED = ("03100490", "03699975", "04565375", "04566257", "03799610")
NOTICE = """\
# What English nouns can name, from WordNet 3.0 (scripts/build_noun_senses.py writes this file).
# A noun listed has no sense naming a person, a group or a place; its letters say what else it
# can name: i a vehicle, a machine or a weapon, c a communication, t an act,
# m a material thing, a an abstraction as its most frequent sense, - none of these. Nouns not listed may name someone (or are not in WordNet).
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR
# ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION
# WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or publicity
# pertaining to distribution of the software and/or database. Title to copyright in this
# software, database and any associated documentation shall at all times remain with Princeton
# University. (WordNet 3.0 licence: https://wordnet.princeton.edu/license-and-commercial-use)
"""


def read_synsets(data_noun: Path) -> dict[str, tuple[int, list[str], list[str]]]:
    """Offset → (lexicographer file, its one-word lemmas, its hypernyms' offsets)."""
    synsets = {}
    for line in data_noun.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):  # the licence at the head of the file
            continue
        fields = line.split()
        offset, lexfile, count = fields[0], int(fields[1]), int(fields[3], 16)
        words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * k]).lower() for k in range(count)]
        rest = fields[4 + 2 * count:]
        pointers = int(rest[0])
        hypernyms = [rest[1 + 4 * k + 1] for k in range(pointers)
                     if rest[1 + 4 * k] in ("@", "@i")]
        synsets[offset] = (lexfile, [w for w in words if w.isalpha()], hypernyms)
    return synsets


def under(offset: str, ancestor: str, synsets, seen: dict[str, bool]) -> bool:
    """Whether the synset ``offset`` is ``ancestor`` or below it."""
    if offset not in seen:
        seen[offset] = False  # a cycle (none in WordNet) ends here
        seen[offset] = offset == ancestor or any(
            under(h, ancestor, synsets, seen) for h in synsets[offset][2])
    return seen[offset]


def first_senses(index_noun: Path) -> dict[str, str]:
    """Each one-word noun whose senses were counted in a tagged corpus → the offset of its most
    frequent sense (WordNet's index.noun lists a lemma's synsets by frequency; a lemma with no
    tagged sense lists them in no telling order and is left out)."""
    first = {}
    for line in index_noun.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        count = int(fields[2])
        tagged = int(fields[-count - 1])
        if fields[0].isalpha() and tagged:
            first[fields[0].lower()] = fields[-count]
    return first


def table(synsets, first: dict[str, str] | None = None) -> dict[str, str]:
    """Each noun without a person, group or place sense → its letters (see the docstring)."""
    letters: dict[str, set[str]] = defaultdict(set)
    acting: set[str] = set()
    seen: dict[str, dict[str, bool]] = {kind: {} for kind in WORKED}
    for offset, (lexfile, words, _hypernyms) in synsets.items():
        for word in words:
            if lexfile in (PERSON, GROUP, LOCATION):
                acting.add(word)
            letters[word]  # every noun is listed, with its letters if any
            if lexfile == COMMUNICATION:
                letters[word].add("c")
            elif lexfile == ACT:
                letters[word].add("t")
            elif lexfile in MATERIAL:
                letters[word].add("m")
            if any(under(offset, kind, synsets, seen[kind]) for kind in WORKED):
                letters[word].add("i")
    for word, offset in (first or {}).items():
        if word in letters and offset in synsets and synsets[offset][0] in ABSTRACT:
            letters[word].add("a")
    return {w: "".join(sorted(s)) or "-" for w, s in letters.items() if w not in acting}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    synsets = read_synsets(args.wordnet / "data.noun")
    rows = table(synsets, first_senses(args.wordnet / "index.noun"))
    args.out.write_text(NOTICE + "".join(f"{w}\t{rows[w]}\n" for w in sorted(rows)),
                        encoding="utf-8")
    print(f"{len(rows):,} nouns → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
