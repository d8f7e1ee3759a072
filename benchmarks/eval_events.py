"""Event typing and actor roles on the PLOVER gold standard records (../shared/eval/plover-gsr).

Each gold record is one sentence coded with a PLOVER event type and its source and target actors
(an older PLOVER version: DISAPPROVE is ACCUSE today, and DEMAND is REQUEST). Every
sentence goes through the annotation stage as an undated article; the **main event** is the event
mention with a PLOVER category whose trigger stands highest in the parse (nearest the root; in
text order on ties), coded with PLOVER's rule for intentions (``plover_of``: a vowed attack is
THREATEN, a promised visit AGREE, a refused agreement REJECT). Printed:
- type accuracy of the main event, and recall of the gold type among all the sentence's events;
- precision, recall and F1 per PLOVER type, and their macro average;
- source and target accuracy where the main type is right: the predicted actor (target), as
  written or as resolved (a pronoun's or a short name's canonical name), overlaps the gold actor
  text (a shared content word, case-insensitive);
- the most frequent confusions.

Usage: .venv/bin/python benchmarks/eval_events.py [--eval-dir ../shared/eval]
Skips with a message when the evaluation data is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_entities import DEFAULT_EVAL

from crossbearing.annotate.event_types import ontology, plover_of
from crossbearing.annotate.nlp import BATCH_SIZE, pipeline
from crossbearing.annotate.stage import annotate_articles
from crossbearing.model import Article

#: Gold names of the older PLOVER version → the names data/events.toml uses (the current
#: PLOVER codebook's: ACCUSE, REQUEST).
RENAMED = {"DISAPPROVE": "ACCUSE", "DEMAND": "REQUEST"}
STOP = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to", "'s", "its", "their"})


def load_gold(eval_dir: Path) -> list[dict]:
    records = json.loads((eval_dir / "plover-gsr" / "PLOVER_GSR_CAMEO.txt").read_text("utf-8"))
    return [r for r in records if r.get("text") and r["event"] != "DOCUMENT"]


def to_article(record: dict, index: int) -> Article:
    return Article(
        id=f"plover{index:04d}", text=record["text"], title=None, outlet=None, outlet_source=None,
        url=None, domain=None, published=None, authors=(), language="en", language_score=1.0,
        analysable=True, skip_reason=None, external_id=record["id"], source_path="plover",
        locator="", format="json", text_sha256="", raw_sha256="")


def actors(field) -> list[str]:
    if not field or isinstance(field, str):
        return []
    return [a.get("actorText", "") for a in field if a.get("actorText")]


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP}


def overlaps(predicted: list[str], gold: list[str]) -> bool:
    gold_words = set().union(*(words(g) for g in gold)) if gold else set()
    return any(words(p) & gold_words for p in predicted)


def main_event(events, doc):
    """The event with a PLOVER category nearest the parse root."""
    onto = ontology()
    depth = {}
    for token in doc:
        d, t = 0, token
        while t.head.i != t.i:
            d, t = d + 1, t.head
        depth[token.idx] = d
    coded = [e for e in events if onto.type(e.event_type).plover]
    return min(coded, key=lambda e: (depth.get(e.start, 99), e.start), default=None)


def evaluate(records: list[dict]) -> dict:
    articles = [to_article(r, i) for i, r in enumerate(records)]
    results = annotate_articles(articles)
    docs = list(pipeline().pipe((a.text for a in articles), batch_size=BATCH_SIZE))
    correct = any_correct = source_ok = source_n = target_ok = target_n = 0
    tp, fp, fn = Counter(), Counter(), Counter()
    confusions = Counter()
    for record, result, doc in zip(records, results, docs):
        gold = RENAMED.get(record["event"], record["event"])
        found = main_event(result.events, doc)
        predicted = plover_of(found.event_type, found.mode) if found else "NONE"
        types = {plover_of(e.event_type, e.mode) for e in result.events}
        any_correct += gold in types
        if predicted == gold:
            correct += 1
            tp[gold] += 1
            gold_source, gold_target = actors(record.get("source")), actors(record.get("target"))
            if gold_source:
                source_n += 1
                source_ok += overlaps([n for a in found.role("actor")
                                       for n in (a.text, a.canonical)], gold_source)
            if gold_target:
                target_n += 1
                target_ok += overlaps([n for a in found.arguments if a.role != "actor"
                                       for n in (a.text, a.canonical)], gold_target)
        else:
            fn[gold] += 1
            if predicted != "NONE":
                fp[predicted] += 1
            confusions[(gold, predicted)] += 1
    per_type = {}
    for name in sorted(set(tp) | set(fn)):
        p = tp[name] / (tp[name] + fp[name]) if tp[name] + fp[name] else 0.0
        r = tp[name] / (tp[name] + fn[name]) if tp[name] + fn[name] else 0.0
        per_type[name] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, tp[name] + fn[name])
    n = len(records)
    return {
        "sentences": n, "accuracy": correct / n, "recall_any": any_correct / n,
        "macro_f1": sum(v[2] for v in per_type.values()) / len(per_type),
        "per_type": per_type, "confusions": confusions.most_common(10),
        "source": (source_ok / source_n if source_n else 0.0, source_n),
        "target": (target_ok / target_n if target_n else 0.0, target_n),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    args = parser.parse_args()
    if not (args.eval_dir / "plover-gsr").is_dir():
        print(f"skipped: no PLOVER gold records under {args.eval_dir}")
        return 0
    figures = evaluate(load_gold(args.eval_dir))
    print(f"PLOVER gold records: {figures['sentences']} sentences")
    print(f"  main event type accuracy: {figures['accuracy']:.3f}")
    print(f"  gold type among the sentence's events (recall): {figures['recall_any']:.3f}")
    print(f"  macro F1 over types: {figures['macro_f1']:.3f}")
    print(f"  source actor where the type is right: {figures['source'][0]:.3f} "
          f"(n={figures['source'][1]})")
    print(f"  target actor where the type is right: {figures['target'][0]:.3f} "
          f"(n={figures['target'][1]})")
    print("  per type: precision recall F1 (gold count)")
    for name, (p, r, f, count) in figures["per_type"].items():
        print(f"    {name:12} {p:.2f} {r:.2f} {f:.2f} ({count})")
    print("  most frequent confusions (gold → predicted):")
    for (gold, predicted), count in figures["confusions"]:
        print(f"    {gold} → {predicted}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
