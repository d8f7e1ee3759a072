"""One label per report's source, source families, and agreement counted by independent source
(invented reports)."""

from dataclasses import replace

from conftest import make_article

from crossbearing.compare.claims import ClaimRecord, group_claims
from crossbearing.compare.coverage import coverage
from crossbearing.model import DateValue, NumericFact
from crossbearing.model_comparison import ClaimGroup, ClaimMember
from crossbearing.model_stories import Passage
from crossbearing.sources import Families, copy_links, source_label, sources_phrase


def report(article_id, outlet=None, *, domain=None, path="in/x.txt", published="2024-03-04"):
    return replace(make_article("Text.", published, article_id), outlet=outlet, domain=domain,
                   source_path=path)


def passage_of(article_a, article_b, a_start, b_start, kind):
    """A stored passage of ten characters in each article."""
    return Passage(article_a, article_b, a_start, a_start + 10, b_start, b_start + 10, 2, 1.0,
                   kind, "unknown")


def test_the_label_is_the_outlet_else_the_domain_else_the_file_marked_unknown():
    assert source_label(report("a1", "The Daily Ledger", domain="ledger.example")) == \
        "The Daily Ledger"
    assert source_label(report("a2", domain="ledger.example")) == "ledger.example"
    assert source_label(report("a3", path="C:\\saved\\017_ab12.txt")) == \
        "017_ab12.txt (outlet unknown)"
    assert source_label(report("a4", path="")) == "a4 (outlet unknown)"


def test_two_reports_of_one_outlet_are_one_family_however_the_name_is_written():
    found = Families([report("a1", "Harbour Times", published="2024-03-04"),
                      report("a2", "harbour-times", published="2024-03-05"),
                      report("a3", "Valley Courier")], [])
    assert found.count(["a1", "a2", "a3"]) == 2
    assert found.family_of("a2") == "a1"  # the earliest report names the family
    assert found.reasons["a2"] == [{"reason": "same outlet", "of": "a1"}]
    assert found.count(["a1", "a2"]) == 1


def test_reports_of_unknown_outlet_are_never_taken_for_one_another():
    found = Families([report("a1", path="in/1.txt"), report("a2", path="in/2.txt")], [])
    assert found.count(["a1", "a2"]) == 2


def test_a_reprint_joins_the_family_of_what_it_copies_and_says_who_copied_whom():
    articles = {a.id: a for a in (report("a1", "Wire Agency", published="2024-03-01"),
                                  report("a2", "Town Paper", published="2024-03-02"),
                                  report("a3", "Other Paper", published="2024-03-02"))}
    passages = [passage_of("a1", "a2", 0, 40, "reprint"),
                passage_of("a1", "a3", 0, 0, "shared-quotation")]
    links = copy_links(passages, [], articles)
    assert links == [("a1", "a2", "reprint")]  # a quotation both carry is no copy
    found = Families(articles.values(), links)
    assert found.count(articles) == 2
    assert found.reasons["a2"] == [{"reason": "reprint", "of": "a1"}]
    view = found.view()
    assert [r["article_id"] for r in view[0]["reports"]] == ["a1", "a2"]
    assert view[0]["labels"] == ["Town Paper", "Wire Agency"]


def test_a_passage_marked_not_reuse_or_of_unknown_direction_is_said_so():
    articles = {a.id: a for a in (report("a1", "One", published=None),
                                  report("a2", "Two", published="2024-03-02"))}
    passage = passage_of("a1", "a2", 5, 9, "reprint")
    assert copy_links([passage], [], articles) == [("a1", "a2", "shared passages")]
    assert copy_links([passage], [], articles, {"a1|a2|5|9"}) == []
    duplicate = {"article_a": "a1", "article_b": "a2", "kind": "near", "similarity": 0.9}
    assert copy_links([], [duplicate], articles) == [("a1", "a2", "duplicate")]


def fact(article_id, low, start=0):
    return NumericFact(article_id, start, start + 5, str(low), low, low, None, "protesters",
                       None, None, None, None)


def test_three_reports_two_of_one_family_agree_as_two_independent_sources():
    found = Families([report("a1", "Harbour Times"), report("a2", "Harbour Times"),
                      report("a3", "Valley Courier")], [])
    records = [ClaimRecord(fact(i, 300), "label", None, found.family_of(i))
               for i in ("a1", "a2", "a3")]
    [group] = group_claims("story-x", records)
    assert (group.status, group.sources) == ("agree", 2)


def test_one_outlet_twice_is_a_single_source_not_agreement():
    found = Families([report("a1", "Harbour Times"), report("a2", "Harbour Times")], [])
    records = [ClaimRecord(fact(i, 300), "Harbour Times", None, found.family_of(i))
               for i in ("a1", "a2")]
    [group] = group_claims("story-x", records)
    assert (group.status, group.sources) == ("single-source", 1)
    # Without families each report of an unknown outlet counts one: two sources agree.
    plain = [ClaimRecord(fact(i, 300)) for i in ("a1", "a2")]
    assert group_claims("story-x", plain)[0].status == "agree"


def test_coverage_counts_reports_and_independent_sources():
    members = tuple(ClaimMember(fact(a, 300), None) for a in ("a1", "a2", "a3"))
    group = ClaimGroup("claims-1", "story-x", "protesters", None, None, "agree", None, 2,
                       members, 300, 300)
    sources = {"a1": "Harbour Times", "a2": "Harbour Times", "a3": "Valley Courier"}
    matrix = coverage(sources, [], [group], [], {"a1": "a1", "a2": "a1", "a3": "a3"})
    [row] = matrix["rows"]
    assert (row["reports"], row["independent"], row["reported"]) == (3, 2, 2)
    assert row["sources_phrase"] == "3 reports, 2 independent sources"


def test_sources_phrase():
    assert sources_phrase(1, 1) == "1 report, 1 source"
    assert sources_phrase(2, 2) == "2 reports, 2 sources"
    assert sources_phrase(2, 1) == "2 reports, 1 independent source"


def test_a_corrected_date_decides_who_copied_whom():
    early = report("a1", "One", published="2024-03-05")
    late = replace(report("a2", "Two"), published=DateValue("2024-03-01", "day", "correction"))
    passage = passage_of("a1", "a2", 0, 0, "reprint")
    assert copy_links([passage], [], {"a1": early, "a2": late}) == [("a2", "a1", "reprint")]


def test_a_second_report_of_one_outlet_is_one_source_through_the_views(analysed_seeds, tmp_path):
    import shutil

    from crossbearing.compare.run import run_compare
    from crossbearing.store import open_store
    from crossbearing.views import story_page
    from crossbearing.views.records import story_rows
    from crossbearing.views.sections.comparison import claim_group_views
    from crossbearing.views.sections.events import event_views

    db = tmp_path / "seeds.db"
    shutil.copy(analysed_seeds, db)
    with open_store(db) as store:
        by_file = {a.source_path.rsplit("/", 1)[-1][:3]: a for a in store.articles.all()}
        first, unknown = by_file["000"], by_file["004"]
        story_id = store.corpus.story_of(first.id)
        assert store.corpus.story_of(unknown.id) == story_id and unknown.outlet is None
        before = {r["id"]: r for r in story_rows(store)}[story_id]
        store.corrections.add_override("article-outlet", unknown.id, first.outlet)  # the same outlet
        run_compare(store)
        row = {r["id"]: r for r in story_rows(store)}[story_id]
        assert row["independent"] == before["independent"] - 1
        header = story_page(store, story_id)["sections"][0]
        [family] = [f for f in header["families"]
                    if {r["article_id"] for r in f["reports"]} >= {first.id, unknown.id}]
        assert {"reason": "same outlet", "of": first.id, "source": first.outlet,
                "says": "same outlet as"} in [w for r in family["reports"] for w in r["why"]]
        one_outlet = {a.id for a in store.articles.all() if a.outlet == first.outlet}
        shared = [g for g in claim_group_views(store, story_id)
                  if {first.id, unknown.id} <= {m["article_id"] for m in g["members"]}
                  <= one_outlet]
        both = [e for e in event_views(store, story_id)
                if {first.id, unknown.id} <= {x["article_id"] for x in e["sources"]}]
        assert both and all(e["independent"] < e["reports"] for e in both)
        assert shared  # what the outlet's reports all give is one source's word, not agreement
        assert all(g["status"] == "single-source" and g["sources"] == 1 for g in shared)
