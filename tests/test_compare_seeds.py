"""The comparison over a store: the sample corpus, storage, reruns and the commands."""

import json
import shutil

import pytest

from crossbearing.compare.run import run_compare
from crossbearing.store import open_store


@pytest.fixture(scope="module")
def seeds(analysed_seeds, tmp_path_factory):
    db = tmp_path_factory.mktemp("compare") / "seeds.db"
    shutil.copy(analysed_seeds, db)
    with open_store(db) as store:
        first = run_compare(store)
        counts = [store.count(t) for t in ("claim_groups", "claim_members", "quote_groups",
                                           "quote_members")]
        second = run_compare(store)
        by_seed = {a.id: a.source_path.rsplit("/", 1)[-1][:3] for a in store.articles.all()}
        return {"db": db, "first": first, "second": second, "counts": counts,
                "again": [store.count(t) for t in ("claim_groups", "claim_members",
                                                   "quote_groups", "quote_members")],
                "claims": store.comparison.claim_groups(), "quotes": store.comparison.quote_groups(),
                "by_seed": by_seed}


def test_attack_counts_since_mid_october_are_one_group_that_differs(seeds):
    [group] = [g for g in seeds["claims"] if g.thing == "attacks"]
    assert {m.text for m in group.members} == {"over 160", "over 165"}
    assert {seeds["by_seed"][m.article_id] for m in group.members} == {"003", "004"}
    assert (group.status, group.kind) == ("differ", "hedge")


def test_the_2500_troops_in_iraq_agree_across_three_reports(seeds):
    [group] = [g for g in seeds["claims"] if g.thing == "troops" and g.toll is None]
    assert {m.low for m in group.members} == {2500}
    assert {seeds["by_seed"][m.article_id] for m in group.members} == {"000", "002", "004"}
    # 000 and 002 are two reports of one outlet (Press TV) sharing reprinted passages: one
    # source family, so three reports are two independent sources.
    assert (group.status, group.sources) == ("agree", 2)


def test_the_centcom_wording_is_aligned_across_the_four_reports_that_carry_it(seeds):
    [group] = [g for g in seeds["quotes"]
               if any("directly planning and participating" in m.text for m in g.members)]
    assert {seeds["by_seed"][m.article_id] for m in group.members} == {"000", "001", "002",
                                                                            "003"}
    assert group.label == "partial"
    assert "us-central-command" in {m.speaker_actor for m in group.members}
    assert group.speakers == "differs"  # one report gives the words to "US officials"


def test_rerunning_replaces_the_groups(seeds):
    assert seeds["counts"] == seeds["again"]
    assert seeds["first"] == seeds["second"]
    assert seeds["first"].claim_groups == seeds["counts"][0] and seeds["counts"][2] >= 1


def test_compare_claims_and_quote_groups_commands(seeds):
    from click.testing import CliRunner

    from crossbearing.cli import cli

    def run(*args, code=0):
        result = CliRunner().invoke(cli, [*args, "--db", str(seeds["db"]), "--json"])
        assert result.exit_code == code, result.output
        return json.loads(result.stdout) if code == 0 else result.output

    summary = run("compare")
    assert summary["claims"]["differ"] >= 1 and summary["quote_groups"] == len(seeds["quotes"])
    [story] = run("stories")
    differ = run("claims", story["id"], "--status", "differ")
    assert differ and all(g["status"] == "differ" and g["members"] for g in differ)
    groups = run("quote-groups", story["id"])
    assert groups and all(len({m["article_id"] for m in g["members"]}) > 1 for g in groups)
    assert "no story" in run("claims", "story-nope", code=2)
    text = CliRunner().invoke(cli, ["claims", "--db", str(seeds["db"])])
    assert text.exit_code == 0 and "over 165" in text.output and "claim groups" in text.output
