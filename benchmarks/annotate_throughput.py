"""Speed and memory of the annotation stage against bare spaCy on the same texts.

Generates N synthetic news pages (benchmarks/corpus.py), ingests them into a temporary database
(not timed), then, on one core:
  1. bare ``nlp.pipe`` of the same model components, no knowledge base, over the article texts;
  2. each part of the stage on the same texts: the pipeline with the knowledge-base rulers, then
     entities and places, time expressions, quotes, numbers, each timed over the parsed docs;
  3. the whole stage as ``crossbearing annotate`` runs it (reading articles from the store,
     annotating, writing everything back, in batches), with resident memory after each quarter.
It prints words per second and the ratios the targets are stated in: the entity stage (pipeline
with rulers, entities, places, times) at least 0.75 of bare ``nlp.pipe``; quotes and numbers
adding no more than 15% to the entity stage; framing adding no more than 5% to the rest of the
stage; events (per article, then merged across each story's articles) and the comparison
(claim and quote groups) adding no more than 25% to the rest of the per-article stage; and
whether memory stays flat over the run.

Usage: .venv/bin/python benchmarks/annotate_throughput.py [--n 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_pages  # noqa: E402

from crossbearing import ingest_files  # noqa: E402
from crossbearing.annotate.nlp import BATCH_SIZE, bare_pipeline, pipeline  # noqa: E402
from crossbearing.annotate.run import annotate  # noqa: E402
from crossbearing.store import open_store  # noqa: E402

TARGET_RATIO = 0.75


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def build_store(n: int, seed: int, workdir: Path) -> Path:
    pages = workdir / "pages"
    pages.mkdir()
    for name, html in generate_pages(n, seed):
        (pages / name).write_text(html, encoding="utf-8")
    db = workdir / "bench.db"
    ingest_files([pages], db)
    return db


def time_bare(texts: list[str]) -> float:
    nlp = bare_pipeline()
    list(nlp.pipe(texts[:20]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - start


def time_parts(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each part of the stage over the same texts."""
    from crossbearing.annotate.entities import entity_mentions
    from crossbearing.annotate.events import event_mentions
    from crossbearing.annotate.framing import framing_annotations
    from crossbearing.annotate.numbers import numeric_facts
    from crossbearing.annotate.quotes import quote_annotations
    from crossbearing.annotate.times import time_mentions
    from crossbearing.model import Article

    nlp = pipeline()
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    parts = {"pipeline with rulers": time.perf_counter() - start}
    articles = [Article(id=f"b{i}", text=t, title=None, outlet=None, outlet_source=None, url=None,
                        domain=None, published=None, authors=(), language="en", language_score=1.0,
                        analysable=True, skip_reason=None, external_id=None, source_path="",
                        locator="", format="text", text_sha256="", raw_sha256="")
                for i, t in enumerate(texts)]
    timers = {"entities and places": 0.0, "time expressions": 0.0, "quotes": 0.0, "numbers": 0.0,
              "framing": 0.0, "events": 0.0}
    for doc, article in zip(docs, articles):
        t0 = time.perf_counter()
        mentions = entity_mentions(doc, article.id)
        t1 = time.perf_counter()
        times = time_mentions(doc, article)
        t2 = time.perf_counter()
        quotes = quote_annotations(doc, article.id, mentions)
        t3 = time.perf_counter()
        numbers = numeric_facts(doc, article.id, times, quotes)
        t4 = time.perf_counter()
        framing_annotations(doc, article.id, mentions, quotes)
        t5 = time.perf_counter()
        event_mentions(doc, article.id, mentions, times, quotes, numbers)
        t6 = time.perf_counter()
        for name, spent in zip(timers, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)):
            timers[name] += spent
    parts.update(timers)
    return parts


def time_stage(db: Path, total: int) -> tuple[float, list[tuple[int, float]]]:
    pipeline()  # built before timing, as a long run builds it once
    quarter = max(total // 4, 1)
    marks: list[tuple[int, float]] = []
    done = 0

    def on_batch(count: int) -> None:
        nonlocal done
        done += count
        if done // quarter > len(marks):
            marks.append((done, rss_mb()))

    with open_store(db) as store:
        start = time.perf_counter()
        annotate(store, on_batch=on_batch)
        elapsed = time.perf_counter() - start
    return elapsed, marks


def time_comparison(db: Path) -> float:
    """Seconds of the cross-article work events and comparison add: merging the stored event
    mentions into events, and the claim and quote groups (after the other corpus stages)."""
    from crossbearing.compare.run import run_compare
    from crossbearing.corpus.run import run_corpus, stored_events
    from crossbearing.store import open_store

    with open_store(db) as store:
        run_corpus(store)
        start = time.perf_counter()
        stored_events(store)
        run_compare(store)
        return time.perf_counter() - start


def report_memory(marks: list[tuple[int, float]]) -> None:
    for done, rss in marks:
        print(f"  RSS after {done:>7,} articles: {rss:7.1f} MB")
    if len(marks) >= 2:
        growth = (marks[-1][1] - marks[0][1]) / marks[0][1]
        print(f"  memory       {'grows' if growth > 0.15 else 'flat'}: {growth:+.1%} "
              "from the first quarter to the last")
    print(f"  peak RSS     {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB")


def report_stage_only(texts: list[str], words: int, stage: float,
                      marks: list[tuple[int, float]], seed: int) -> None:
    print("Crossbearing annotation stage, whole stage with store (one core)")
    print(f"  corpus       {len(texts):,} articles, {words:,} words (seed {seed})")
    print(f"  stage        {stage:8.1f} s   {words / stage:8,.0f} words/s   "
          f"{len(texts) / stage:6.1f} articles/s")
    report_memory(marks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="pages to generate (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stage-only", action="store_true",
                        help="time only the whole stage and its memory (no bare baseline, no parts)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with tempfile.TemporaryDirectory() as tmp:
        db = build_store(args.n, args.seed, Path(tmp))
        with open_store(db) as store:
            texts = [a.text for a in store.articles.all() if a.analysable]
        words = sum(len(t.split()) for t in texts)
        if args.stage_only:
            stage, marks = time_stage(db, len(texts))
            report_stage_only(texts, words, stage, marks, args.seed)
            return 0
        bare = time_bare(texts)
        parts = time_parts(texts)
        stage, marks = time_stage(db, len(texts))
        comparison = time_comparison(db)
    entity_stage = sum(parts[k] for k in ("pipeline with rulers", "entities and places",
                                          "time expressions"))
    extra = parts["quotes"] + parts["numbers"]
    ratio = (words / entity_stage) / (words / bare)
    print("Crossbearing annotation stage against bare spaCy nlp.pipe (one core)")
    print(f"  corpus       {len(texts):,} articles, {words:,} words (seed {args.seed})")
    print(f"  bare nlp.pipe            {bare:8.1f} s   {words / bare:8,.0f} words/s")
    for name, spent in parts.items():
        print(f"  {name:<24} {spent:8.1f} s")
    print(f"  entity stage             {entity_stage:8.1f} s   {words / entity_stage:8,.0f} words/s"
          f"   ratio {ratio:.2f} of bare (target ≥ {TARGET_RATIO}: "
          f"{'met' if ratio >= TARGET_RATIO else 'not met'})")
    print(f"  quotes and numbers       {extra:8.1f} s   +{extra / entity_stage:.1%} of the entity "
          f"stage (target ≤ 15%: {'met' if extra / entity_stage <= 0.15 else 'not met'})")
    added = parts["framing"] / (stage - parts["framing"])
    print(f"  framing                  {parts['framing']:8.1f} s   +{added:.1%} on the rest of the "
          f"whole stage (target ≤ 5%: {'met' if added <= 0.05 else 'not met'})")
    added = (parts["events"] + comparison) / (stage - parts["events"])
    print(f"  events and comparison    {parts['events'] + comparison:8.1f} s   +{added:.1%} on the "
          f"rest of the per-article stage (events {parts['events']:.1f} s per article, "
          f"{comparison:.1f} s across articles; target ≤ 25%: "
          f"{'met' if added <= 0.25 else 'not met'})")
    print(f"  whole stage with store   {stage:8.1f} s   {words / stage:8,.0f} words/s   "
          f"{len(texts) / stage:6.1f} articles/s   ratio {bare / stage:.2f} of bare")
    report_memory(marks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
