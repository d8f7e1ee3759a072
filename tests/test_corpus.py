"""The corpus stages over a store: duplicates, stories, reuse, entities."""

import json

import pytest
from conftest import SAMPLE_CORPUS

from crossbearing import ingest_files
from crossbearing.corpus.run import run_corpus
from crossbearing.ids import normalise_text
from crossbearing.annotate.run import annotate
from crossbearing.store import open_store

WIRE = ("Rescue teams pulled eleven people from the rubble of a collapsed apartment block in the "
        "port city of Vellmar on Tuesday, the regional governor said, as the search went on through "
        "the night. The five-storey building came down shortly before dawn after a gas explosion "
        "on its ground floor, according to the fire service. Hospitals in the city said they were "
        "treating twenty-three people, four of them in a serious condition. The governor, Anna "
        "Lindqvist, said the cause was under investigation and that residents of neighbouring "
        "buildings had been moved to a school gymnasium. Engineers were checking two adjacent "
        "blocks for damage. The city last saw a collapse of this kind in 2009, when an old "
        "warehouse fell during a storm. Volunteers brought food and blankets to the families "
        "waiting behind the police cordon, and a local football club opened its clubhouse to "
        "them. The regional government promised compensation for those who lost their homes.")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "seeds.db"
    ingest_files([SAMPLE_CORPUS], db)
    with open_store(db) as store:
        annotate(store)
        first = run_corpus(store)
        second = run_corpus(store)
        by_seed = {a.source_path.rsplit("/", 1)[-1][:3]: a for a in store.articles.all()}
        return {"db": db, "first": first, "second": second, "by_seed": by_seed,
                "stories": store.corpus.stories(), "passages": store.corpus.passages(),
                "entities": store.count("entities")}


def test_the_five_seeds_form_one_story(seeds):
    assert seeds["first"].stories == 1
    [story] = seeds["stories"]
    assert story.articles == 5


def test_seed_000_and_002_share_their_reprinted_paragraphs(seeds):
    ids = {seeds["by_seed"][s].id: s for s in seeds["by_seed"]}
    reprints = [p for p in seeds["passages"] if p.kind == "reprint"]
    pairs = {tuple(sorted((ids[p.article_a], ids[p.article_b]))) for p in reprints}
    assert pairs == {("000", "002")}
    assert sum(p.words for p in reprints) >= 200
    texts = {a.id: a.text for a in seeds["by_seed"].values()}
    for p in reprints:
        # The offsets point at the same passage in both articles: it opens and closes on the
        # same words, and nearly all its words are shared.
        words_a = normalise_text(texts[p.article_a][p.a_start:p.a_end]).split()
        words_b = normalise_text(texts[p.article_b][p.b_start:p.b_end]).split()
        assert words_a[:3] == words_b[:3] and words_a[-3:] == words_b[-3:]
        assert p.words >= 0.8 * max(len(words_a), len(words_b))


def test_shared_quotations_are_reported_apart_from_reprints(seeds):
    quoted = [p for p in seeds["passages"] if p.kind == "shared-quotation"]
    assert len(quoted) >= 3  # the CENTCOM wording carried by several outlets


def test_rerunning_the_corpus_stages_adds_nothing(seeds):
    second = seeds["second"]
    assert (second.signed, second.duplicate_pairs, second.aligned_pairs) == (0, 0, 0)
    assert second.stories == 1


def test_exact_and_near_duplicates(tmp_path, store_location):
    near = WIRE.replace("twenty-three people", "twenty-four people").replace(
        "a local football club", "a nearby sports club")
    records = [
        {"url": "https://one.example/vellmar", "title": "Building collapse in Vellmar", "text": WIRE},
        {"url": "https://two.example/vellmar", "title": "Eleven rescued in Vellmar", "text": WIRE},
        {"url": "https://three.example/v", "title": "Vellmar block collapse", "text": near},
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    ingest_files([tmp_path], store_location)
    with open_store(store_location) as store:
        annotate(store)
        report = run_corpus(store)
        kinds = sorted(d["kind"] for d in store.corpus.duplicates())
    assert report.duplicate_pairs == 3
    assert kinds == ["exact", "near", "near"]


def test_quotes_and_numbers_commands_on_the_seeds(seeds):
    from click.testing import CliRunner

    from crossbearing.cli import cli

    def run(*args):
        result = CliRunner().invoke(cli, [*args, "--db", str(seeds["db"]), "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    kaabi = run("quotes", "--speaker", "kaabi")
    assert len(kaabi) >= 2 and {q["speaker_actor"] for q in kaabi} == {"akram-al-kaabi"}
    attacks = {(n["text"], n["hedge"]) for n in run("numbers", "--counted", "attacks")}
    assert {("over 160", "more than"), ("over 165", "more than")} <= attacks
    [story] = run("stories")
    detail = run("story", story["id"])
    assert len(detail["articles"]) == 5
    reuse = run("reuse", "--kind", "reprint")
    assert reuse["passages"] and all(p["text_a"] for p in reuse["passages"])


def test_large_stories_align_each_article_with_its_nearest_copies_only():
    from crossbearing.corpus.duplicates import signature, signature_bytes
    from crossbearing.corpus.run import MAX_PARTNERS, nearest_partners

    words = WIRE.split()
    # 60 copies of one wire story, each with a different sentence appended, and one unrelated text
    texts = {f"copy{i:02d}": WIRE + f" Update {i}: the count of rescued people rose to {i + 11}."
             for i in range(60)}
    texts["other"] = " ".join(reversed(words)) + " entirely different closing words here"
    signatures = {k: signature_bytes(signature(t, num_perm=128)) for k, t in texts.items()}
    pairs = nearest_partners(sorted(texts), signatures)
    assert len(pairs) <= 61 * MAX_PARTNERS < 60 * 59 // 2
    partners = {k: {b if a == k else a for a, b in pairs if k in (a, b)} for k in texts}
    assert all(len(partners[k]) >= MAX_PARTNERS for k in texts if k.startswith("copy"))
    # the unrelated text shares no shingles with the copies: it is nobody's partner
    assert not partners["other"]
    # an article without a signature yet is aligned with everyone in its story
    unsigned = nearest_partners(["copy00", "copy01", "new"], {"copy00": signatures["copy00"],
                                                              "copy01": signatures["copy01"]})
    assert {("copy00", "new"), ("copy01", "new"), ("copy00", "copy01")} == unsigned
