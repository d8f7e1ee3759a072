"""The whole article stage against bare spaCy, and two worker processes against one.

On the same texts (N pages from ``story_corpus.py``, ingested first, not timed) and the same
cores, timed from a cold start of the workers in each case:

1. bare ``nlp.pipe`` of the same model components without the knowledge base, one process;
2. the article stage end to end as ``crossbearing annotate`` runs it (knowledge-base rulers,
   every annotator, saving to the store), serially in one process;
3. bare ``nlp.pipe(n_process=W)``, W processes;
4. the article stage with the process pool of W workers.

Printed: articles/s and words/s of each; the ratio 2/1 and 4/3 (target ≥ 0.7: the pipeline
keeps at least 70% of bare spaCy's speed) and 4/2 (target ≥ 1.7× on two cores).

Usage: .venv/bin/python benchmarks/pipeline_vs_spacy.py [--n 300] [--workers 2] [--seed 1]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from crossbearing import ingest_files  # noqa: E402
from crossbearing.annotate.nlp import BATCH_SIZE, bare_pipeline  # noqa: E402
from crossbearing.executors import ProcessExecutor, SerialExecutor  # noqa: E402
from crossbearing.annotate.run import annotate  # noqa: E402
from crossbearing.store import open_store  # noqa: E402


def bare(texts: list[str], processes: int) -> float:
    """Seconds for bare spaCy over ``texts``, model loading included."""
    start = time.perf_counter()
    nlp = bare_pipeline()
    for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes):
        pass
    return time.perf_counter() - start


def stage(ingested: Path, copy: Path, executor) -> float:
    """Seconds for the whole article stage on a fresh copy of the ingested store."""
    shutil.copy(ingested, copy)
    start = time.perf_counter()
    with open_store(copy) as store, executor:
        annotate(store, executor=executor)
    return time.perf_counter() - start


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers, once joined)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def report(seconds: list[float], cpus: list[float], w: int) -> None:
    """The ratios against their targets, by wall time (what a user waits) and by CPU time
    (what other load on the machine affects less)."""
    b1, s1, bw, sw = seconds
    cb1, cs1, cbw, csw = cpus
    print(f"pipeline / bare, 1 process:  {b1 / s1:.2f} by wall time, {cb1 / cs1:.2f} by CPU time "
          f"(target ≥ 0.70: {'met' if b1 / s1 >= 0.7 else 'not met'})")
    print(f"pipeline / bare, {w} processes: {bw / sw:.2f} by wall time, {cbw / csw:.2f} by CPU "
          f"time (target ≥ 0.70: {'met' if bw / sw >= 0.7 else 'not met'})")
    print(f"process pool of {w} / serial: {s1 / sw:.2f}× by wall time (target ≥ 1.70×: "
          f"{'met' if s1 / sw >= 1.7 else 'not met'}); CPU per article {csw / cs1:.2f}× serial's")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cb-vs-spacy-"))
    try:
        write_corpus(work / "pages", args.n, args.seed, 20)
        ingest_files([work / "pages"], work / "ingested.db")
        with open_store(work / "ingested.db") as store:
            texts = [a.text for a in store.articles.all() if a.analysable]
        words = sum(len(t.split()) for t in texts)
        print(f"{len(texts)} articles, {words:,} words (seed {args.seed})", flush=True)
        w = args.workers
        runs = {
            "bare nlp.pipe, 1 process": lambda: bare(texts, 1),
            "pipeline, serial": lambda: stage(work / "ingested.db", work / "s.db",
                                              SerialExecutor()),
            f"bare nlp.pipe, {w} processes": lambda: bare(texts, w),
            f"pipeline, process pool of {w}": lambda: stage(work / "ingested.db", work / "p.db",
                                                            ProcessExecutor(w)),
        }
        seconds, cpus = {}, {}
        for name, run in runs.items():
            cpu = cpu_seconds()
            seconds[name] = run()
            cpu = cpus[name] = cpu_seconds() - cpu
            print(f"{name:32} {seconds[name]:7.1f} s  {len(texts) / seconds[name]:6.1f} articles/s"
                  f"  {words / seconds[name]:7.0f} words/s  CPU {cpu:6.1f} s "
                  f"({cpu / seconds[name]:.2f} cores busy)", flush=True)
        report(list(seconds.values()), list(cpus.values()), w)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
