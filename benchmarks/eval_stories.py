"""Story clustering quality on two development sets: are the reports of one event one story, and
reports of different events (on the same topic, on the same days) different stories?

- BASIL dev: 90 articles reporting 30 events of 2010-2012, three outlets each; ``triplet-uuid`` is
  the gold story. Events months apart: the easy case for dates, a test of content without them.
- PolNeAR dev: 84 political news articles of September-October 2016 from 7 publishers, labelled
  into 69 stories in ``polnear-dev-stories.json`` (a story is the reports of one specific event or
  development; the same topic with a different event is a different story). Nearly everything
  shares one topic (the presidential race): the hard case, as on a busy news day.

Each article goes through the annotation stage (``annotate_articles``: lemma counts, mentions,
numeric facts and time mentions: what the corpus stage reads from the store), then
:func:`crossbearing.corpus.stories.cluster`, with the articles' dates and with every date removed
(content alone; the features are then built from the article without its date, so that relative
time expressions date no occasion, as in an undated article). Printed per set:
- pairwise precision, recall and F1 over all pairs of articles (a pair is positive when both are
  in one story);
- B-cubed precision, recall and F1 (per article: the share of its story that is in its gold story,
  and of its gold story that is in its story; averaged);
- the same with every article dated the set's latest day: the set as one busy news day, where
  dates separate nothing (a stress test of precision);
- the number of stories found; the pair scores of same-story and different-story pairs; and
  tables over thresholds and over the weight of the occasion keys (``w_occasion``), to show how
  sensitive the result is;
- the topic layer (:mod:`crossbearing.corpus.story_topics`) over the stories found, per topic
  threshold: topics, and pairwise figures of 'same topic' against the gold stories.

A third, mixed set: both sets with the 322 example sentences of the PLOVER gold records
(``plover-gsr``) as one-sentence articles, all undated and clustered together. The sentences
are of many events on a few topics (the Balkans, the West Bank, West Africa, the Koreas): each
is its own story (a sentence coded twice is one), as a feed of briefs or a file of event notes
would be. Printed: pairwise figures over the whole mix, and within each part (the PLOVER part's
precision is how often one-sentence reports of different events on one topic are joined).

These are development data: parameters are set on principle and checked here, not fitted to
single items (see docs/evaluation.md).

Usage: .venv/bin/python benchmarks/eval_stories.py [--eval-dir ../shared/eval] [--errors]
       [--cache DIR]   (keeps the annotated articles there: later runs take seconds)
Skips a set, with a message, when its data is absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import sys
from dataclasses import replace
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_entities import DEFAULT_EVAL, load_basil, to_article  # noqa: E402

from crossbearing.corpus.stories import StoryClusterer, StoryParams, cluster, features  # noqa: E402
from crossbearing.corpus.story_topics import TOPIC_PARAMS, topic_map, topics  # noqa: E402
from crossbearing.model import Article, DateValue  # noqa: E402

THRESHOLDS = (0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.25)
OCCASION_WEIGHTS = (0.0, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35)
TOPIC_THRESHOLDS = (0.06, 0.08, 0.10, 0.12)


def basil(eval_dir: Path) -> tuple[list[Article], dict[str, str]] | None:
    """BASIL dev articles and the gold story of every article id."""
    if not (eval_dir / "basil-dev").is_dir():
        return None
    records = load_basil(eval_dir)
    articles = [to_article(r, i) for i, r in enumerate(records)]
    return articles, {a.id: r["triplet-uuid"] for a, r in zip(articles, records)}


def polnear(eval_dir: Path) -> tuple[list[Article], dict[str, str]] | None:
    """PolNeAR dev articles (title, publisher and date from ``metadata.tsv``) and the gold story
    of every article id."""
    folder, labels = eval_dir / "polnear-dev", eval_dir / "polnear-dev-stories.json"
    if not (folder / "text").is_dir() or not labels.is_file():
        return None
    with open(folder / "metadata.tsv", newline="", encoding="utf-8") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")
                if row["compartment"] == "dev"}
    story_of = {name: label for label, names in json.loads(labels.read_text("utf-8"))["stories"]
                .items() for name in names}
    articles, gold = [], {}
    for index, path in enumerate(sorted((folder / "text").glob("*.txt"))):
        row = meta[path.stem]
        article = Article(
            id=f"polnear{index:03d}", text=path.read_text("utf-8"), title=row["title"],
            outlet=row["publisher"], outlet_source="metadata", url=None, domain=None,
            published=DateValue(row["publication_date"], "day", "metadata"), authors=(),
            language="en", language_score=1.0, analysable=True, skip_reason=None,
            external_id=path.stem, source_path="polnear", locator="", format="text",
            text_sha256="", raw_sha256="")
        articles.append(article)
        gold[article.id] = story_of[path.stem]
    return articles, gold


def plover(eval_dir: Path) -> tuple[list[Article], dict[str, str]] | None:
    """The PLOVER gold records' sentences as one-sentence undated articles, and the gold story of
    each: its own text (a sentence coded for two events is one report)."""
    if not (eval_dir / "plover-gsr").is_dir():
        return None
    from eval_events import load_gold, to_article as plover_article

    articles = [plover_article(r, i) for i, r in enumerate(load_gold(eval_dir))]
    first: dict[str, str] = {}
    return articles, {a.id: first.setdefault(" ".join(a.text.split()), a.id) for a in articles}


def mixed(eval_dir: Path, cache: Path | None, params: StoryParams) -> None:
    """BASIL, PolNeAR and the PLOVER sentences clustered together without dates (module
    notes): pairwise figures over the mix and within each part."""
    parts = {}
    for name in ("basil", "polnear", "plover"):
        if (found := load_annotated(name, eval_dir, cache)) is None:
            print(f"\nMixed set: skipped, no {name} data under {eval_dir}")
            return
        parts[name] = found
    items, gold, part = [], {}, {}
    for name, (articles, annotations, stories) in parts.items():
        for article, annotation in zip(articles, annotations):
            items.append(story_features(replace(article, published=None), annotation))
            gold[article.id], part[article.id] = f"{name}:{stories[article.id]}", name
    print(f"\nMixed set (dates removed): {len(items)} articles")
    result = run(items, gold, params)
    report("all together", result, len(set(gold.values())))
    for name in parts:
        own = {a: g for a, g in gold.items() if part[a] == name}
        p, r, f = pairwise({a: result["found"][a] for a in own}, own)
        print(f"  {name} pairs within the mix: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def load(name: str, eval_dir: Path, cache: Path | None
         ) -> tuple[list, list, list | None, dict, dict] | None:
    """Features with dates, with every date removed and all on one day (:func:`one_day`), gold
    stories and titles of one set (the
    annotated articles from ``cache`` when it has them: the features are built from them on
    every run, so a change to the features needs no new annotation)."""
    annotated = load_annotated(name, eval_dir, cache)
    if annotated is None:
        return None
    articles, annotations, gold = annotated
    items = [story_features(a, ann) for a, ann in zip(articles, annotations)]
    plain = [story_features(replace(a, published=None), ann)
             for a, ann in zip(articles, annotations)]
    return (items, plain, one_day(articles, annotations), gold,
            {a.id: a.external_id if name == "polnear" else a.title or "" for a in articles})


def one_day(articles: list[Article], annotations: list) -> list | None:
    """The features of a set with every article dated its latest publication day: the set as
    one busy news day, where dates separate nothing and every "Monday's" names a day of the
    same week. None when no article is dated."""
    days = [a.published.value for a in articles if a.published]
    if not days:
        return None
    day = DateValue(max(days), "day", "test")
    return [story_features(replace(a, published=day), ann)
            for a, ann in zip(articles, annotations)]


def load_annotated(name: str, eval_dir: Path, cache: Path | None) -> tuple | None:
    """The articles of one set, their annotations and the gold story of every article id."""
    cached = cache / f"stories-annotated-{name}.pickle" if cache else None
    if cached and cached.is_file():
        return pickle.loads(cached.read_bytes())
    found = {"basil": basil, "polnear": polnear, "plover": plover}[name](eval_dir)
    if found is None:
        return None
    from crossbearing.annotate.stage import annotate_articles

    articles, gold = found
    result = (articles, annotate_articles(articles), gold)
    if cached:
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps(result))
    return result


def story_features(article: Article, ann) -> object:
    """Clustering features as the corpus stage builds them from the annotation stage's output
    (lemma counts, mentions, numeric facts, time mentions; the stage reads no sentences). With
    the publication date removed, relative time expressions resolve to nothing, as they would
    have in an undated article: only absolute dates date an occasion."""
    return features(article, ann.lemmas, ann.mentions, ann.numbers, ann.times)


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
            print(f"  {story.id}: " + " | ".join(f"{gold[m][:12]}: {titles[m][:40]}"
                                                 for m in story.members))


def found_all(result: dict, gold: dict[str, str], g: str) -> bool:
    return len({result["found"][a] for a in gold if gold[a] == g}) == 1


def calibration(plain: list, gold: dict[str, str], params: StoryParams) -> None:
    """Pair scores (dates removed), same gold story against different ones: the threshold lies
    between the bulk of the first and the tail of the second."""
    clusterer = StoryClusterer(params)
    clusterer.count(plain)
    same, other = [], []
    for a, b in combinations(plain, 2):
        score = clusterer.similarity(a, b)
        (same if gold[a.article_id] == gold[b.article_id] else other).append(score)
    same.sort()
    other.sort()
    print(f"pair scores, dates removed: same story ({len(same)} pairs) min {same[0]:.3f}, "
          f"p10 {_quantile(same, 0.10):.3f}, median {_quantile(same, 0.5):.3f}; different "
          f"stories ({len(other)} pairs) median {_quantile(other, 0.5):.3f}, p99 "
          f"{_quantile(other, 0.99):.3f}, p99.9 {_quantile(other, 0.999):.3f}, max "
          f"{other[-1]:.3f} (threshold {params.threshold:.2f})")


def _quantile(values: list[float], q: float) -> float:
    return values[int(q * (len(values) - 1))]


def table(items: list, plain: list, gold: dict[str, str], params: StoryParams) -> None:
    print("threshold | dated: stories  pair P / R / F1   B3-F1 | undated: stories  pair P / R / "
          "F1   B3-F1")
    for threshold in THRESHOLDS:
        row = []
        for variant in (items, plain):
            result = run(variant, gold, replace(params, threshold=threshold))
            p, r, f = result["pairwise"]
            row.append(f"{result['stories']:4d}  {p:.3f} / {r:.3f} / {f:.3f}  "
                       f"{result['bcubed'][2]:.3f}")
        print(f"  {threshold:.2f}    | {row[0]} | {row[1]}")


def occasion_table(items: list, plain: list, gold: dict[str, str], params: StoryParams) -> None:
    """Pairwise figures per weight of the occasion keys (``w_occasion``; 0: words alone)."""
    print("w_occasion | dated: stories  pair P / R / F1 | undated: stories  pair P / R / F1")
    for weight in OCCASION_WEIGHTS:
        row = []
        for variant in (items, plain):
            result = run(variant, gold, replace(params, w_occasion=weight))
            p, r, f = result["pairwise"]
            row.append(f"{result['stories']:4d}  {p:.3f} / {r:.3f} / {f:.3f}")
        mark = "*" if weight == params.w_occasion else " "
        print(f"  {weight:.2f}{mark}    | {row[0]} | {row[1]}")


def topic_table(items: list, plain: list, gold: dict[str, str], params: StoryParams) -> None:
    """The topic layer over the stories found: topics, and pairwise precision, recall and F1 of
    'same topic' against the gold stories (a topic is broader than a story: recall is the point,
    precision is how much broader), per topic threshold."""
    print("topic layer | dated: topics  pair P / R / F1 | undated: topics  pair P / R / F1")
    for threshold in TOPIC_THRESHOLDS:
        row = []
        for variant in (items, plain):
            stories = cluster(variant, params)
            found = topics(variant, stories, replace(TOPIC_PARAMS, threshold=threshold))
            of_story = topic_map(found)
            p, r, f = pairwise({m: of_story[s.id] for s in stories for m in s.members}, gold)
            row.append(f"{len(found):4d}  {p:.3f} / {r:.3f} / {f:.3f}")
        mark = "*" if threshold == TOPIC_PARAMS.threshold else " "
        print(f"  {threshold:.2f}{mark}     | {row[0]} | {row[1]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--errors", action="store_true", help="print wrongly grouped stories")
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep the annotated features in this folder between runs")
    args = parser.parse_args()
    params = StoryParams()
    print(params)
    for name, label in (("basil", "BASIL dev"), ("polnear", "PolNeAR dev")):
        loaded = load(name, args.eval_dir, args.cache)
        if loaded is None:
            print(f"\n{label}: skipped, no data under {args.eval_dir}")
            continue
        items, plain, day_items, gold, titles = loaded
        n_gold = len(set(gold.values()))
        print(f"\n{label}: {len(items)} articles, {n_gold} gold stories")
        variants = (("with dates", items), ("dates removed", plain),
                    ("all on one day", day_items))
        for variant_name, variant in ((n, v) for n, v in variants if v is not None):
            result = run(variant, gold, params)
            report(variant_name, result, n_gold)
            if args.errors:
                errors(result, gold, titles)
        calibration(plain, gold, params)
        table(items, plain, gold, params)
        occasion_table(items, plain, gold, params)
        topic_table(items, plain, gold, params)
    mixed(args.eval_dir, args.cache, params)
    return 0


if __name__ == "__main__":
    sys.exit(main())
