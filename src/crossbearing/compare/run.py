"""The comparison over the store: claim groups and quote groups for every story.

Runs after the corpus stage (it needs stories). Everything is recomputed from the stored
annotations each run and replaces what an earlier run stored, in one transaction: the groups of
a story depend on all its articles, and a story's membership can change when articles arrive.
This is the only module of the package that touches the store; the grouping itself is pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from crossbearing.compare.claims import ClaimRecord, group_claims
from crossbearing.compare.quotes import QuoteRecord, group_quotes, quote_id
from crossbearing.compare.scopes import TimeScope
from crossbearing.isolation import isolated
from crossbearing.model import Article, Failure, NumericFact, Quote, TimeMention
from crossbearing.sources import Families, copy_records, source_label, story_families
from crossbearing.stages import AnalysisRun
from crossbearing.store import Store

STAGE = "compare"
VERSION = "crossbearing.compare.v2"  # v2: sources counted by source family


@dataclass
class CompareReport:
    stories: int = 0
    claim_groups: int = 0
    quote_groups: int = 0
    failed: int = 0
    claims: dict[str, int] = field(default_factory=dict)   # groups per status
    differ: dict[str, int] = field(default_factory=dict)   # differ groups per kind
    quotes: dict[str, int] = field(default_factory=dict)   # quote groups per label

    def summary(self) -> dict[str, Any]:
        """What a comparison run found: groups per status, differ kind and quote label."""
        return {"stories": self.stories, "claim_groups": self.claim_groups,
                "claims": dict(sorted(self.claims.items())),
                "differ": dict(sorted(self.differ.items())), "quote_groups": self.quote_groups,
                "quotes": dict(sorted(self.quotes.items())), "failed": self.failed}


def run(store: Store, options: AnalysisRun) -> CompareReport:
    """The compare stage: claim groups and quote groups of every story, recomputed
    (docs/comparison.md)."""
    options.progress.total(1)
    report = run_compare(store)
    options.progress.advance(1)
    return report


def run_compare(store: Store) -> CompareReport:
    """Recompute the claim and quote groups of every story; rerunning replaces them. A story
    whose groups cannot be computed is recorded as failed (stage ``compare``) and left without
    groups; the other stories go on."""
    report = CompareReport()
    failures: list[Failure] = []
    with store.transaction():
        store.take_turns("recompute")  # another run's corpus stages or comparison wait
        store.comparison.clear_comparison()
        copies = copy_records(store)
        for story in store.corpus.stories():
            articles = store.articles.articles_by_id(store.corpus.story_members(story.id))
            groups = isolated(lambda: _story_groups(store, story.id, articles, copies),
                              failures, stage=STAGE, target=story.id, target_kind="story",
                              version=VERSION, driver_error=store.driver_error)
            if groups is None:
                continue
            claims, quotes = groups
            store.comparison.save_claim_groups(claims, VERSION)
            store.comparison.save_quote_groups(quotes, VERSION)
            _count(report, claims, quotes)
        store.failures.replace_failures(STAGE, failures)
    report.failed = len(failures)
    return report


def _story_groups(store: Store, story_id: str, articles: Sequence[Article], copies: dict):
    families = story_families(store, articles, copies)
    return (group_claims(story_id, claim_records(store, articles, families)),
            group_quotes(story_id, quote_records(store, articles, families)))


def _count(report: CompareReport, claims, quotes) -> None:
    report.stories += 1
    report.claim_groups += len(claims)
    report.quote_groups += len(quotes)
    for g in claims:
        report.claims[g.status] = report.claims.get(g.status, 0) + 1
        if g.kind:
            report.differ[g.kind] = report.differ.get(g.kind, 0) + 1
    for g in quotes:
        report.quotes[g.label] = report.quotes.get(g.label, 0) + 1


def claim_records(store: Store, articles: Sequence[Article],
                  families: Families | None = None) -> list[ClaimRecord]:
    """The numeric facts of these articles with their source's label, source family and
    resolved time scope."""
    families = families or Families(articles, [])
    records = []
    for article in articles:
        facts = store.annotations.numeric_facts(article.id)
        times = (store.annotations.time_mentions(article.id)
                 if any(f.time_scope for f in facts) else [])
        records.extend(ClaimRecord(f, source_label(article), time_scope_of(f, times),
                                   families.family_of(article.id)) for f in facts)
    return records


def time_scope_of(fact: NumericFact, times: Sequence[TimeMention]) -> TimeScope | None:
    """The fact's time scope with the value of the time mention it was read from (the one of
    that text nearest the number)."""
    if not fact.time_scope:
        return None
    same = [t for t in times if t.text == fact.time_scope]
    nearest = min(same, key=lambda t: abs(t.start - fact.start), default=None)
    return TimeScope(fact.time_scope, nearest.value if nearest else None)


def quote_records(store: Store, articles: Sequence[Article],
                  families: Families | None = None) -> list[QuoteRecord]:
    """The quotes of these articles with their text, source label and source family."""
    families = families or Families(articles, [])
    return [quote_record(q, article, families.family_of(article.id))
            for article in articles for q in store.annotations.quotes(article.id)]


def quote_record(quote: Quote, article: Article, family: str | None = None) -> QuoteRecord:
    text = " … ".join(article.text[s:e] for s, e in quote.content)
    return QuoteRecord(quote_id(quote.article_id, quote.start, quote.end), quote.article_id,
                       source_label(article), quote.content, text, quote.kind,
                       quote.speaker_text, quote.speaker_actor, quote.speaker_canonical,
                       quote.descriptor, family)
