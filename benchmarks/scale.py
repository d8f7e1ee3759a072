"""How fast each stage goes, on one process, a process pool and a Dask local cluster, and how its
cost grows with the corpus.

For each size N (``--sizes``, each in a fresh process so that peak memory is its own), on a
multi-outlet corpus from ``story_corpus.py`` (not timed):

- ingest: ``ingest_files`` into a new SQLite store (one process; ingestion is not distributed);
- annotate: the article stage with each executor (``--executors``: serial, process, dask with
  ``--workers`` workers), each on its own copy of the ingested store; worker start-up and model
  loading are included, as a run of ``crossbearing annotate`` pays them;
- corpus: ``run_corpus`` (duplicates, stories, reuse, entities) on the annotated store;
- end to end: ingest + annotate + corpus, per executor;

printing articles/s and the peak memory of the process with all its workers (sampled every 0.2 s
with psutil: the sum of resident memory over the process tree). After the last size, a table of
time per article at each size against the smallest shows how the cost grows.

The article stage runs at about 13 articles/s per core, so 100,000 articles would take over an
hour on two cores: measure it at sizes that take minutes. The corpus stages without spaCy go to
100,000 in ``stories_scale.py``; ``--corpus-sizes`` runs it from here.

Usage: .venv/bin/python benchmarks/scale.py --sizes 200 400 [--executors serial process dask]
       [--workers 2] [--per-story 20] [--seed 1] [--corpus-sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil  # noqa: E402
from corpus import write_corpus  # noqa: E402

from crossbearing import ingest_files  # noqa: E402
from crossbearing.corpus.run import run_corpus  # noqa: E402
from crossbearing.executors import make_executor  # noqa: E402
from crossbearing.annotate.run import PRELOAD, annotate  # noqa: E402
from crossbearing.store import open_store  # noqa: E402


class PeakMemory:
    """The peak of this process's resident memory plus its descendants', sampled in a thread."""

    def __init__(self, every: float = 0.2):
        self.every, self.peak, self._stop = every, 0, threading.Event()

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me] + me.children(recursive=True):
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    @contextmanager
    def watching(self):
        thread = threading.Thread(target=self._sample, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()


#: CPU seconds of each timed call, in order.
TIMES: list[float] = []


def timed(fn):
    """``fn()``'s result, seconds taken and peak memory (MB) of the process tree meanwhile."""
    with PeakMemory().watching() as memory:
        start, cpu = time.perf_counter(), cpu_seconds()
        result = fn()
        seconds = time.perf_counter() - start
    cpu = cpu_seconds() - cpu
    print(f"        (CPU {cpu:.1f} s of this process and its workers)", flush=True)
    TIMES.append(cpu)
    return result, seconds, memory.peak / 1e6


def cpu_seconds() -> float:
    """CPU time of this process, of its finished children (workers, once joined) and of its
    running descendants with theirs: the annotate stage's workers are children of a forkserver
    that lives as long as this process (``executors.ProcessExecutor``), so their time reaches
    this process's own accounts only when it ends."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))
    total = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    for process in psutil.Process().children(recursive=True):
        try:
            times = process.cpu_times()
        except psutil.Error:  # ended meanwhile: its time is its parent's now
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def annotate_with(db: Path, kind: str, workers: int) -> int:
    with open_store(db) as store, make_executor(kind, workers if kind != "serial" else None,
                                                 preload=PRELOAD) as ex:
        return annotate(store, executor=ex).annotated


def corpus_stages(db: Path) -> int:
    """The corpus stages, printing the wall and CPU seconds of each step."""
    marks = [(time.perf_counter(), cpu_seconds())]

    def step(name: str) -> None:
        marks.append((time.perf_counter(), cpu_seconds()))
        (wall0, cpu0), (wall1, cpu1) = marks[-2:]
        print(f"          {name:10} {wall1 - wall0:6.1f} s, CPU {cpu1 - cpu0:6.1f} s", flush=True)

    with open_store(db) as store:
        run_corpus(store, on_step=step)
        return store.count("articles")


def run_size(n: int, args: argparse.Namespace) -> dict:
    """Every stage at one size; prints a line per stage and returns the figures."""
    work = Path(tempfile.mkdtemp(prefix="cb-scale-"))
    try:
        write_corpus(work / "pages", n, args.seed, args.per_story)
        report, seconds, peak = timed(lambda: ingest_files([work / "pages"], work / "ingested.db"))
        stored = report.articles_added
        figures = {"n": n, "ingest": (seconds, peak, TIMES[-1])}
        print(f"{n:>7} ingest   {n / seconds:8.1f} pages/s  {seconds:7.1f} s  peak {peak:6.0f} MB"
              f"  ({stored} articles)", flush=True)
        for kind in args.executors:
            db = work / f"{kind}.db"
            shutil.copy(work / "ingested.db", db)
            done, seconds, peak = timed(lambda db=db, kind=kind: annotate_with(db, kind,
                                                                               args.workers))
            figures[f"annotate {kind}"] = (seconds, peak, TIMES[-1])
            print(f"{n:>7} annotate {kind:8} {done / seconds:6.1f} articles/s  {seconds:7.1f} s  "
                  f"peak {peak:6.0f} MB  ({done} articles)", flush=True)
        db = work / f"{args.executors[0]}.db"
        articles, seconds, peak = timed(lambda: corpus_stages(db))
        figures["corpus"] = (seconds, peak, TIMES[-1])
        print(f"{n:>7} corpus   {articles / seconds:8.1f} articles/s  {seconds:7.1f} s  "
              f"peak {peak:6.0f} MB", flush=True)
        for kind in args.executors:
            total = figures["ingest"][0] + figures[f"annotate {kind}"][0] + figures["corpus"][0]
            print(f"{n:>7} end to end with {kind:8} {n / total:6.1f} pages/s  {total:7.1f} s",
                  flush=True)
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def growth(results: list[dict]) -> None:
    """Time per article at each size against the smallest: 1.0 everywhere is linear growth."""
    base = results[0]
    for column, what in ((0, "wall"), (2, "CPU")):
        print(f"\ngrowth of {what} time per article against {base['n']} articles (1.00 = linear)")
        for stage in [k for k in base if k != "n"]:
            ratios = [(r[stage][column] / r["n"]) / (base[stage][column] / base["n"])
                      for r in results]
            cells = "  ".join(f"{r['n']}: {q:.2f}" for r, q in zip(results, ratios))
            print(f"  {stage:18} {cells}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 400])
    parser.add_argument("--executors", nargs="+", default=["serial", "process", "dask"],
                        choices=["serial", "process", "dask"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--per-story", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus-sizes", type=int, nargs="*", default=[],
                        help="also run stories_scale.py at these sizes")
    parser.add_argument("--here", action="store_true", help="run one size in this process")
    args = parser.parse_args()
    if args.here:
        print("RESULT " + json.dumps(run_size(args.sizes[0], args)), flush=True)
        return 0
    results = []
    for n in args.sizes:
        command = [sys.executable, __file__, "--here", "--sizes", str(n), "--workers",
                   str(args.workers), "--per-story", str(args.per_story), "--seed", str(args.seed),
                   "--executors", *args.executors]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        for line in output.splitlines():
            if line.startswith("RESULT "):
                results.append(json.loads(line[7:]))
            else:
                print(line, flush=True)
    if len(results) > 1:
        growth(results)
    if args.corpus_sizes:
        subprocess.run([sys.executable, str(Path(__file__).with_name("stories_scale.py")),
                        "--sizes", *map(str, args.corpus_sizes)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
