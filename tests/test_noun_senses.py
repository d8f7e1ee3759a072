"""The nouns' senses the event rule "a thing cannot act" reads: data/noun_senses.txt, written
from WordNet by scripts/build_noun_senses.py."""

import importlib.util
from pathlib import Path

from crossbearing.annotate.event_senses import noun_senses

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_noun_senses.py"


def _builder():
    spec = importlib.util.spec_from_file_location("build_noun_senses", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_table_says_what_a_noun_can_name():
    table = noun_senses()
    assert table["tenure"] == "-" and "t" in table["deferment"]
    assert "a" in table["ideology"] and "a" in table["policy"] and "m" in table["bridge"]
    assert "a" not in table["funeral"]  # an event happens somewhere: it can be attacked
    assert "i" in table["helicopter"] and "i" in table["bulldozer"]
    assert "c" in table["loophole"]
    for someone in ("government", "committee", "police", "official", "city", "letter"):
        assert someone not in table  # a person, a group or a place: may act


#: A few synsets in WordNet's data.noun format: offset, lexicographer file, type, word count
#: (hex), words with lexical ids, pointer count, pointers (symbol, offset, type, source/target).
DATA = """\
  1 This is a licence line that the reader skips.
03100490 06 n 01 conveyance 0 000 | a thing that carries
04524313 06 n 01 vehicle 0 001 @ 03100490 n 0000 | a conveyance
09999001 06 n 01 tractor 0 001 @ 04524313 n 0000 | a vehicle
09999002 28 n 01 tenure 0 000 | a time
09999003 10 n 02 memo 0 notice 0 000 | a communication
09999004 18 n 01 notice 1 000 | a person (invented)
09999005 04 n 01 lawsuit 0 000 | an act
"""


def test_the_builder_reads_lexicographer_files_and_hypernyms(tmp_path):
    builder = _builder()
    (tmp_path / "data.noun").write_text(DATA, encoding="latin-1")
    rows = builder.table(builder.read_synsets(tmp_path / "data.noun"))
    assert rows["tractor"] == "im" and rows["vehicle"] == "im"  # below conveyance.n.03
    assert rows["tenure"] == "-" and rows["memo"] == "c" and rows["lawsuit"] == "t"
    assert "notice" not in rows  # one sense names a person: it may act


INDEX = """\
  1 This is a licence line that the reader skips.
memo n 1 1 @ 1 1 09999003
tractor n 1 1 @ 1 0 09999001
"""


def test_the_most_frequent_sense_is_read_only_where_senses_were_counted(tmp_path):
    builder = _builder()
    (tmp_path / "data.noun").write_text(DATA, encoding="latin-1")
    (tmp_path / "index.noun").write_text(INDEX, encoding="latin-1")
    first = builder.first_senses(tmp_path / "index.noun")
    assert first == {"memo": "09999003"}  # the tractor's sense was never counted
    rows = builder.table(builder.read_synsets(tmp_path / "data.noun"), first)
    assert rows["memo"] == "ac" and rows["tractor"] == "im"
