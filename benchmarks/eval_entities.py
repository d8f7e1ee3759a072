"""Entity quality on the BASIL dev split: do the articles' main entities come out of the
annotation stage, and are the entities it names most the main ones?

BASIL gives each article one to three `main-entities` ("Barack Obama", "NAACP", "Obama
administration"). For each article this prints and sums:
- recall of the main entities among all the entities the stage found (a gold entity counts as
  found when some mention's canonical name or knowledge-base name is the same name: same key, or
  the names match as person names do, "Obama" ~ "Barack Obama");
- precision, recall and F1 of the stage's top entities (PERSON/ORG/NORP/GPE ranked by mention
  count, as many as the article has gold entities) against the gold main entities.

Usage: .venv/bin/python benchmarks/eval_entities.py [--eval-dir ../shared/eval]
Skips with a message when the evaluation data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from crossbearing.annotate.names import same_name
from crossbearing.annotate.stage import annotate_articles
from crossbearing.kb import actor_by_id, name_key
from crossbearing.model import Article, DateValue

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def load_basil(eval_dir: Path) -> list[dict]:
    files = sorted((eval_dir / "basil-dev" / "articles").glob("*/*.json"))
    return [json.loads(f.read_text("utf-8")) for f in files]


def to_article(record: dict, index: int) -> Article:
    paragraphs = [" ".join(sentences) for sentences in record["body-paragraphs"]]
    return Article(
        id=f"basil{index:04d}", text="\n\n".join(paragraphs), title=record.get("title"),
        outlet=record.get("source"), outlet_source="field:source", url=record.get("url"),
        domain=None, published=DateValue(record["date"], "day", "field:date") if record.get("date") else None,
        authors=(), language="en", language_score=1.0, analysable=True, skip_reason=None,
        external_id=record.get("uuid"), source_path="basil", locator="", format="json",
        text_sha256="", raw_sha256="")


def names_of(mention) -> set[str]:
    names = {mention.canonical, mention.text}
    if mention.actor_id:
        actor = actor_by_id(mention.actor_id)
        names |= set(actor.names)
    return names


def matches(gold: str, names: set[str]) -> bool:
    """Same name: same key, the same key written without spaces ("Wal-Mart" ~ "Walmart"), or
    names that match as person names do ("Obama" ~ "Barack Obama")."""
    key = name_key(gold)
    compact = key.replace(" ", "")
    return any(name_key(n) == key or name_key(n).replace(" ", "") == compact or same_name(gold, n)
               for n in names)


def evaluate(records: list[dict]) -> dict:
    articles = [to_article(r, i) for i, r in enumerate(records)]
    results = annotate_articles(articles)
    found = gold_total = top_hits = top_total = 0
    missed: list[str] = []
    for record, result in zip(records, results):
        gold = record["main-entities"]
        entities: dict[str, set[str]] = {}
        counts: Counter = Counter()
        for m in result.mentions:
            if m.label in ("PERSON", "ORG", "NORP", "GPE"):
                key = m.actor_id or name_key(m.canonical)
                entities.setdefault(key, set()).update(names_of(m))
                counts[key] += 1
        all_names = set().union(*entities.values()) if entities else set()
        missed.extend(g for g in gold if not matches(g, all_names))
        found += sum(1 for g in gold if matches(g, all_names))
        gold_total += len(gold)
        top = [key for key, _ in counts.most_common(len(gold))]
        top_hits += sum(1 for key in top if any(matches(g, entities[key]) for g in gold))
        top_total += len(top)
    precision = top_hits / top_total if top_total else 0.0
    recall_top = top_hits / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall_top / (precision + recall_top) if precision + recall_top else 0.0
    return {"articles": len(records), "gold_entities": gold_total,
            "recall_any_mention": found / gold_total, "top_k_precision": precision,
            "top_k_recall": recall_top, "top_k_f1": f1, "missed": sorted(set(missed))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    args = parser.parse_args()
    if not (args.eval_dir / "basil-dev").is_dir():
        print(f"skipped: no BASIL dev split under {args.eval_dir}")
        return 0
    figures = evaluate(load_basil(args.eval_dir))
    print(f"BASIL dev: {figures['articles']} articles, {figures['gold_entities']} main entities")
    print(f"  main entities found among all mentions (recall): {figures['recall_any_mention']:.3f}")
    print(f"  top-k entities vs main entities: precision {figures['top_k_precision']:.3f}, "
          f"recall {figures['top_k_recall']:.3f}, F1 {figures['top_k_f1']:.3f}")
    print(f"  main entities never found: {', '.join(figures['missed'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
