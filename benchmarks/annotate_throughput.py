"""Speed and memory of the annotation stage against bare spaCy on the same texts.

Generates N synthetic news pages (benchmarks/corpus.py), ingests them into a temporary database
(not timed), then times, on one core and in this order:
  1. bare ``nlp.pipe`` of the same model components, no knowledge base, over the article texts;
  2. the whole annotation stage as ``crossbearing annotate`` runs it: reading articles from the
     store, the pipeline with the knowledge-base rulers, mentions, places, time expressions, and
     writing everything back, in batches, with resident memory after each quarter.
It prints words per second for both and their ratio (target: the stage at least 0.75 of bare
``nlp.pipe``), and whether memory stays flat (last quarter within 15% of the first).

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
from crossbearing.pipeline import annotate  # noqa: E402
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="pages to generate (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with tempfile.TemporaryDirectory() as tmp:
        db = build_store(args.n, args.seed, Path(tmp))
        with open_store(db) as store:
            texts = [a.text for a in store.articles() if a.analysable]
        words = sum(len(t.split()) for t in texts)
        bare = time_bare(texts)
        stage, marks = time_stage(db, len(texts))
    bare_rate, stage_rate = words / bare, words / stage
    ratio = stage_rate / bare_rate
    print("Crossbearing annotation stage against bare spaCy nlp.pipe (one core)")
    print(f"  corpus       {len(texts):,} articles, {words:,} words (seed {args.seed})")
    print(f"  bare         {bare:8.1f} s   {bare_rate:8,.0f} words/s   {len(texts) / bare:6.1f} articles/s")
    print(f"  stage        {stage:8.1f} s   {stage_rate:8,.0f} words/s   {len(texts) / stage:6.1f} articles/s")
    verdict = "met" if ratio >= TARGET_RATIO else "not met"
    print(f"  ratio        {ratio:.2f} of bare nlp.pipe (target ≥ {TARGET_RATIO}: {verdict})")
    for done, rss in marks:
        print(f"  RSS after {done:>7,} articles: {rss:7.1f} MB")
    if len(marks) >= 2:
        growth = (marks[-1][1] - marks[0][1]) / marks[0][1]
        print(f"  memory       {'flat' if abs(growth) <= 0.15 else 'grows'}: {growth:+.1%} "
              "from the first quarter to the last")
    print(f"  peak RSS     {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
