"""Story clustering quality on the BASIL dev split: are the three outlets' reports of each event
one story, and reports of different events different stories?

BASIL's 90 dev articles report 30 events, three outlets each; ``triplet-uuid`` is the gold story.
The articles go through the annotation stage (``annotate_articles``: mentions) and the spaCy
pipeline (lemmas), then :func:`crossbearing.corpus.stories.cluster`. Printed, with the articles'
dates and with the dates removed (content alone):
- pairwise precision, recall and F1 over all pairs of articles (a pair is positive when both are
  in one story);
- B-cubed precision, recall and F1 (per article: the share of its story that is in its gold story,
  and of its gold story that is in its story; averaged);
- number of stories found, and a table over thresholds, to show how sensitive the result is.

These are development data: parameters are set on principle and checked here, not fitted to
single items (see the notes at the end of the output).

Usage: .venv/bin/python benchmarks/eval_stories.py [--eval-dir ../shared/eval]
Skips with a message when the evaluation data is absent.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_entities import DEFAULT_EVAL, load_basil, to_article  # noqa: E402

from crossbearing.annotate.nlp import BATCH_SIZE, pipeline  # noqa: E402
from crossbearing.annotate.stage import annotate_articles  # noqa: E402
from crossbearing.corpus.stories import StoryClusterer, StoryParams, cluster, features  # noqa: E402

THRESHOLDS = (0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25, 0.30)


def basil_features(records: list[dict]) -> tuple[list, dict[str, str]]:
    """Clustering features of every record and the gold story of every article id."""
    articles = [to_article(r, i) for i, r in enumerate(records)]
    annotations = annotate_articles(articles)
    docs = pipeline().pipe((a.text for a in articles), batch_size=BATCH_SIZE)
    items = [features(a, [t.lemma_ for t in doc], ann.mentions)
             for a, doc, ann in zip(articles, docs, annotations)]
    gold = {a.id: r["triplet-uuid"] for a, r in zip(articles, records)}
    return items, gold


def pairwise(found: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over all unordered pairs of articles."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        same_found, same_gold = found[a] == found[b], gold[a] == gold[b]
        tp += same_found and same_gold
        fp += same_found and not same_gold
        fn += same_gold and not same_found
    return _prf(tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def bcubed(found: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998), averaged over articles."""
    ids = sorted(gold)
    precision = recall = 0.0
    for a in ids:
        mine = {b for b in ids if found[b] == found[a]}
        truth = {b for b in ids if gold[b] == gold[a]}
        precision += len(mine & truth) / len(mine)
        recall += len(mine & truth) / len(truth)
    return _prf(precision / len(ids), recall / len(ids))


def _prf(precision: float, recall: float) -> tuple[float, float, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run(items: list, gold: dict[str, str], params: StoryParams) -> dict:
    stories = cluster(items, params)
    found = {member: story.id for story in stories for member in story.members}
    return {"stories": len(stories), "pairwise": pairwise(found, gold),
            "bcubed": bcubed(found, gold), "found": found, "story_list": stories}


def undated(items: list) -> list:
    return [replace(item, date=None) for item in items]


def report(name: str, result: dict, gold_stories: int) -> None:
    p, r, f = result["pairwise"]
    bp, br, bf = result["bcubed"]
    print(f"{name}: {result['stories']} stories (gold {gold_stories})")
    print(f"  pairwise  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"  B-cubed   P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}")


def errors(result: dict, gold: dict[str, str], titles: dict[str, str]) -> None:
    """Print the stories that mix gold stories or split one."""
    for story in result["story_list"]:
        golds = {gold[m] for m in story.members}
        complete = all(found_all(result, gold, g) for g in golds)
        if len(golds) > 1 or not complete:
            print(f"  {story.id}: " + " | ".join(f"{gold[m][:4]}:{titles[m][:40]}"
                                                 for m in story.members))


def found_all(result: dict, gold: dict[str, str], g: str) -> bool:
    return len({result["found"][a] for a in gold if gold[a] == g}) == 1


def calibration(items: list, gold: dict[str, str], params: StoryParams) -> None:
    """Content scores of article pairs (dates removed), same gold story against different ones:
    the threshold should lie between the bulk of the first and the tail of the second. The
    rule used: midway between the 10th percentile of same-story pairs and the 99.9th percentile
    of different-story pairs."""
    plain = undated(items)
    clusterer = StoryClusterer(params)
    clusterer.count(plain)
    same, other = [], []
    for a, b in combinations(plain, 2):
        score = clusterer.similarity(a, b)
        (same if gold[a.article_id] == gold[b.article_id] else other).append(score)
    same.sort()
    other.sort()
    low, high = _quantile(same, 0.10), _quantile(other, 0.999)
    print(f"pair content scores: same story ({len(same)} pairs) min {same[0]:.3f}, "
          f"p10 {low:.3f}, median {_quantile(same, 0.5):.3f}; different stories "
          f"({len(other)} pairs) median {_quantile(other, 0.5):.3f}, p99 "
          f"{_quantile(other, 0.99):.3f}, p99.9 {high:.3f}, max {other[-1]:.3f}")
    print(f"  midpoint of same-story p10 and different-story p99.9: {(low + high) / 2:.3f} "
          f"(threshold in use {params.threshold:.2f})")


def _quantile(values: list[float], q: float) -> float:
    return values[int(q * (len(values) - 1))]


def table(items: list, gold: dict[str, str], params: StoryParams) -> None:
    print("threshold | dated: stories  pair-F1  B3-F1 | undated: stories  pair-F1  B3-F1")
    for threshold in THRESHOLDS:
        row = []
        for variant in (items, undated(items)):
            result = run(variant, gold, replace(params, threshold=threshold))
            row.append(f"{result['stories']:7d}  {result['pairwise'][2]:.3f}  "
                       f"{result['bcubed'][2]:.3f}")
        print(f"  {threshold:.2f}    | {row[0]}   | {row[1]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--errors", action="store_true", help="print wrongly grouped stories")
    args = parser.parse_args()
    if not (args.eval_dir / "basil-dev").is_dir():
        print(f"skipped: no BASIL dev split under {args.eval_dir}")
        return 0
    records = load_basil(args.eval_dir)
    items, gold = basil_features(records)
    params = StoryParams()
    n_gold = len(set(gold.values()))
    print(f"BASIL dev: {len(items)} articles, {n_gold} gold stories; {params}")
    titles = {item.article_id: item.title or "" for item in items}
    for name, variant in (("with dates", items), ("dates removed", undated(items))):
        result = run(variant, gold, params)
        report(name, result, n_gold)
        if args.errors:
            errors(result, gold, titles)
    calibration(items, gold, params)
    table(items, gold, params)
    return 0


if __name__ == "__main__":
    sys.exit(main())
