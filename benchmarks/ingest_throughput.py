"""Ingestion throughput and memory on a corpus of synthetic news pages, in one process on one core.

Generates N pages (``benchmarks/corpus.py``) into a temporary folder, which is not timed, then
ingests them with ``crossbearing.ingest_files`` into a new SQLite database in four batches, which
are timed. After each batch it prints the articles stored so far, the batch's articles per second
and the resident memory, so that one can see whether speed and memory hold as the store grows;
then the overall rate against the target of 150 articles/s, the peak memory and the rejections.

    .venv/bin/python benchmarks/ingest_throughput.py             # 10,000 pages
    .venv/bin/python benchmarks/ingest_throughput.py --n 2000    # a quicker check
    .venv/bin/python benchmarks/ingest_throughput.py --profile   # cProfile over batch 2

The process is pinned to one CPU and numeric libraries are limited to one thread, so the figure is
the throughput of one core. "Articles" are pages that became articles, whether newly stored or
found already stored (a page saved twice); one-time loading (language model, outlet table) falls
in batch 1, while importing the package happens before timing.
"""

from __future__ import annotations

import os

# One thread for numeric libraries, set before anything imports them.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import cProfile  # noqa: E402
import datetime as dt  # noqa: E402
import io  # noqa: E402
import platform  # noqa: E402
import pstats  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

import crossbearing  # noqa: E402

#: The throughput target, articles per second on one core.
TARGET = 150.0
#: Memory is "flat" when the last batch's RSS is within this share of the first batch's.
FLAT_TOLERANCE = 0.15
BATCHES = 4
#: Below this share of CPU time in wall time, the core was not the benchmark's alone.
BUSY_SHARE = 0.9
#: Above this share of busy time on the other CPUs, other work competed with the benchmark.
OTHERS_BUSY = 0.10


@dataclass
class BatchResult:
    """What one timed batch did and cost."""

    index: int
    inputs: int
    added: int
    already_stored: int
    rejections: list
    seconds: float
    cpu_seconds: float
    rss_mb: float
    peak_mb: float
    others_busy: float | None

    @property
    def articles(self) -> int:
        """Pages that became articles, newly stored or already there."""
        return self.added + self.already_stored

    @property
    def rate(self) -> float:
        """Articles per second of wall time."""
        return self.articles / self.seconds if self.seconds else 0.0


def rss_mb() -> float:
    """Current resident memory of this process, MB (VmRSS in /proc/self/status)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def thread_count() -> int:
    """Threads of this process now (Threads in /proc/self/status; 1 where there is none)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 1


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_times() -> dict[str, tuple[int, int]]:
    """Per-CPU ``(busy, total)`` clock ticks since boot, from /proc/stat (empty elsewhere)."""
    times: dict[str, tuple[int, int]] = {}
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            for line in stat:
                name, *fields = line.split()
                if name.startswith("cpu") and name != "cpu":
                    ticks = [int(f) for f in fields[:8]]
                    idle = ticks[3] + ticks[4]  # idle and waiting for I/O
                    times[name] = (sum(ticks) - idle, sum(ticks))
    except OSError:
        pass
    return times


def others_busy(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]],
                own_cpu: str) -> float | None:
    """Share of time the CPUs other than ``own_cpu`` were busy between two samples: load that
    competes with the benchmark for caches, memory and the host's cores."""
    busy = total = 0
    for name, (busy_after, total_after) in after.items():
        if name != own_cpu and name in before:
            busy += busy_after - before[name][0]
            total += total_after - before[name][1]
    return busy / total if total else None


def pin_to_one_core() -> str:
    """Restrict this process (and any thread it starts) to a single CPU; its /proc/stat name
    ("cpu0"), or "" where the platform cannot pin."""
    if not hasattr(os, "sched_setaffinity"):
        return ""
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"cpu{cpu}"


def cpu_model() -> str:
    """The processor's name, from /proc/cpuinfo where there is one."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def warm_up() -> None:
    """Import the ingestion code before timing, as a command would on start."""
    import crossbearing.ingest.run  # noqa: F401
    import crossbearing.store  # noqa: F401


def split_batches(files: list[Path], count: int) -> list[list[Path]]:
    """``files`` in ``count`` consecutive batches of (nearly) equal size."""
    size, extra = divmod(len(files), count)
    batches, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        batches.append(files[start:end])
        start = end
    return [b for b in batches if b]


def run_batch(index: int, files: list[Path], db: Path, profiler: cProfile.Profile | None,
              own_cpu: str) -> BatchResult:
    """Ingest one batch into ``db``, timed (and profiled when a profiler is given)."""
    ticks = cpu_times()
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    report = crossbearing.ingest_files(files, db=db)
    if profiler is not None:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return BatchResult(index, report.inputs, report.articles_added, report.already_stored,
                       list(report.rejections), wall, cpu, rss_mb(), peak_rss_mb(),
                       others_busy(ticks, cpu_times(), own_cpu))


def print_batch(result: BatchResult, stored_so_far: int, profiled: bool) -> None:
    """One line per batch: cumulative articles, this batch's rate, resident memory now and at
    its highest so far."""
    note = "  (profiled: slower)" if profiled else ""
    if result.others_busy is not None:
        note = f"  other CPUs busy {result.others_busy:4.0%}" + note
    print(f"  batch {result.index}: {stored_so_far:>7,} articles stored  "
          f"{result.rate:7.1f} articles/s  ({result.articles:,} in {result.seconds:6.1f} s, "
          f"cpu {result.cpu_seconds:6.1f} s)  RSS {result.rss_mb:6.1f} MB  "
          f"(peak so far {result.peak_mb:6.1f} MB){note}", flush=True)


def memory_verdict(results: list[BatchResult]) -> str:
    """Whether resident memory stayed flat from the first batch to the last."""
    first, last = results[0].rss_mb, results[-1].rss_mb
    growth = (last - first) / first
    verdict = "flat" if abs(growth) <= FLAT_TOLERANCE else "not flat"
    return (f"{verdict}: last batch {last:.1f} MB vs first {first:.1f} MB "
            f"({growth:+.1%}; flat means within ±{FLAT_TOLERANCE:.0%})")


def print_summary(results: list[BatchResult], db: Path, profiled: int | None) -> None:
    """The overall figures: rate against the target, memory, rejections, other load."""
    articles = sum(r.articles for r in results)
    seconds = sum(r.seconds for r in results)
    cpu = sum(r.cpu_seconds for r in results)
    rate = articles / seconds if seconds else 0.0
    ratio = rate / TARGET
    # ru_maxrss is updated lazily by the kernel: a later VmRSS reading can be a little higher.
    peak = max(peak_rss_mb(), *(r.rss_mb for r in results))
    print()
    print("Overall")
    print(f"  inputs            {sum(r.inputs for r in results):,}")
    print(f"  articles          {articles:,} ({sum(r.added for r in results):,} stored, "
          f"{sum(r.already_stored for r in results):,} already stored)")
    print(f"  time              {seconds:.1f} s wall, {cpu:.1f} s CPU ({cpu / seconds:.0%} of one core)")
    print(f"  throughput        {rate:.1f} articles/s (one process, one core)")
    print(f"  per CPU second    {articles / cpu:.1f} articles (less sensitive to other load than "
          "wall time)")
    print(f"  target            target ≥ {TARGET:.0f} articles/s on one core: {ratio:.2f}×, "
          f"{'met' if ratio >= 1 else 'not met'}")
    print(f"  peak RSS          {peak:.1f} MB")
    print(f"  memory            {memory_verdict(results)}")
    print(f"  rejections        {rejection_summary(results)}")
    print(f"  database          {db.stat().st_size / 1e6:.1f} MB")
    print_load(results, cpu / seconds)
    if profiled is not None:
        print(f"  note              batch {profiled} ran under cProfile; its time is inflated, "
              "and so is the overall figure")


def rejection_summary(results: list[BatchResult]) -> str:
    """The number of rejections, with their reasons."""
    reasons = Counter(x.reason for r in results for x in r.rejections)
    total = sum(reasons.values())
    return f"{total}" + (f" ({', '.join(f'{k}: {v}' for k, v in reasons.most_common())})"
                         if reasons else "")


def print_load(results: list[BatchResult], cpu_share: float) -> None:
    """This process's threads and children, how busy the rest of the machine was, and a warning
    when other work may have slowed the run."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"  process           one, {thread_count()} thread(s); child processes used "
          f"{children.ru_utime + children.ru_stime:.1f} s CPU")
    busy = [r.others_busy for r in results if r.others_busy is not None]
    if busy:
        print(f"  other CPUs        busy {sum(busy) / len(busy):.0%} of the time on average "
              f"(at most {max(busy):.0%} in a batch)")
    if cpu_share < BUSY_SHARE or (busy and max(busy) > OTHERS_BUSY):
        print("  warning           other work was running on this machine during the benchmark "
              "and slows it; run it again when the machine is idle")


def print_profile(profiler: cProfile.Profile, batch: int, top: int = 25) -> None:
    """The profiled batch's top functions by cumulative time, then by own time."""
    for order, count in (("cumulative", top), ("tottime", 15)):
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer)
        stats.strip_dirs().sort_stats(order).print_stats(count)
        print()
        print(f"Profile of batch {batch}: top {count} functions by {order} time")
        lines = buffer.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
        print("\n".join(lines[max(0, start - 4):]).rstrip())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line's options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="pages to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--profile", action="store_true",
                        help="run cProfile over one batch and print the top functions")
    parser.add_argument("--profile-batch", type=int, default=2,
                        help="which batch --profile covers (default 2, the first after warm-up)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="folder for the corpus and database, kept afterwards (default: a "
                             "temporary folder, removed)")
    args = parser.parse_args(argv)
    if args.n < BATCHES:
        parser.error(f"--n must be at least {BATCHES}")
    if not 1 <= args.profile_batch <= BATCHES:
        parser.error(f"--profile-batch must be between 1 and {BATCHES}")
    return args


def run(args: argparse.Namespace, workdir: Path) -> int:
    """Generate the corpus in ``workdir``, ingest it in batches, print the figures."""
    own_cpu = pin_to_one_core()
    pinned = f"pinned to {own_cpu}" if own_cpu else "not pinned (no sched_setaffinity here)"
    corpus_dir, db = workdir / "corpus", workdir / "bench.db"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"),
                  *sorted(corpus_dir.glob("*.html"))):
        stale.unlink(missing_ok=True)  # a new database, and only this run's pages
    started = time.perf_counter()
    files_written, size = write_corpus(corpus_dir, args.n, args.seed)
    generated = time.perf_counter() - started
    files = sorted(corpus_dir.iterdir())
    warm_up()

    print("Crossbearing ingestion throughput")
    print(f"  date              {dt.date.today().isoformat()}")
    print(f"  machine           {cpu_model()}, {os.cpu_count()} CPUs; this process {pinned}")
    print(f"  python            {platform.python_version()}, crossbearing {crossbearing.__version__}")
    print(f"  corpus            {files_written:,} HTML pages, {size / 1e6:.1f} MB, seed {args.seed} "
          f"(generated in {generated:.1f} s, not timed)")
    print(f"  batches           {BATCHES} of about {len(files) // BATCHES:,} pages, into a new database")
    print(f"  RSS before        {rss_mb():.1f} MB (after imports)")
    print()

    profiled = args.profile_batch if args.profile else None
    profiler = cProfile.Profile() if args.profile else None
    results: list[BatchResult] = []
    stored = 0
    for index, batch in enumerate(split_batches(files, BATCHES), start=1):
        result = run_batch(index, batch, db, profiler if index == profiled else None, own_cpu)
        stored += result.added
        results.append(result)
        print_batch(result, stored, index == profiled)
    print_summary(results, db, profiled)
    if profiler is not None:
        print_profile(profiler, profiled)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark in ``--workdir`` or a temporary folder removed afterwards."""
    args = parse_args(argv)
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        return run(args, args.workdir)
    with tempfile.TemporaryDirectory(prefix="crossbearing-bench-") as tmp:
        return run(args, Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
