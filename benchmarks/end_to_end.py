"""The whole job against bare spaCy: ``crossbearing analyze``, stage by stage, on real texts and
on a generated corpus, each against bare ``nlp.pipe`` over the same texts measured in the same run.

Corpora (each skipped with a message when it cannot be had):

- ``real``: every article of the evaluation data under ``--eval-dir`` (default
  ``../shared/eval``): BASIL dev (title and paragraphs) and PolNeAR dev (``text/*.txt``), written
  as plain-text files;
- ``generated``: ``--generated N`` pages of multi-outlet stories (``story_corpus.py``; 0 to skip).

For each corpus, in this order: an untimed ingest into a scratch database, only to learn the texts
the article stage parses; bare spaCy (the same model components as the stage, no knowledge base,
``nlp.pipe(n_process=W)``, model loading included); the whole job on a fresh database, as
``crossbearing analyze`` runs it (``analysis.analyze``: every stage of ``analysis.STAGES``, then
the run's summary), timed stage by stage, with ``--workers W``; bare spaCy again; the job again
with nothing new (a rerun: the stages after annotate are skipped, ``rerun``). W is every CPU
unless ``--workers`` says otherwise.

With more than one worker the export stage runs in another process beside the report
(``crossbearing.beside``): the report's seconds are then the two side by side, and the export's
the wait for it after the dossier is written.

Printed per corpus: seconds and share of each stage, words/s, the CPU seconds of this process and
its workers, the peak resident memory of the process tree (sampled), the rerun's seconds (and
each stage's), and the ratios to bare spaCy (the mean of its two runs): the whole job (target
≥ 0.7) and the annotate stage (target ≥ 0.9).

Usage: .venv/bin/python benchmarks/end_to_end.py [--eval-dir DIR] [--generated 1000]
       [--workers W] [--seed 1] [--only real|generated] [--repeat R] [--no-bare]

``--repeat R`` runs the job R times on fresh databases, each between two bare runs, and prints
each run's ratios and their median (the machine's load moves one pair by ±0.1).

``--no-bare`` leaves out bare spaCy and the ratios: for the scale run (``--only generated
--generated 10000 --no-bare``: seconds per article, to compare with 1,000, and peak memory).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402
from scale import PeakMemory, cpu_seconds  # noqa: E402

from crossbearing import ingest_files  # noqa: E402
import crossbearing.analysis as analysis  # noqa: E402
from crossbearing.stages import AnalysisRun, Progress  # noqa: E402
from crossbearing.annotate.nlp import BATCH_SIZE, bare_pipeline  # noqa: E402
from crossbearing.executors import default_workers  # noqa: E402
from crossbearing.store import open_store  # noqa: E402

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def real_texts(eval_dir: Path) -> dict[str, str]:
    """File name → text of every BASIL dev and PolNeAR dev article found under ``eval_dir``."""
    texts = {}
    for path in sorted((eval_dir / "basil-dev" / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(sentences) for sentences in article["body-paragraphs"])
        texts[f"basil-{path.stem}.txt"] = f"{article.get('title') or ''}\n\n{body}\n"
    for path in sorted((eval_dir / "polnear-dev" / "text").glob("*.txt")):
        texts[f"polnear-{path.name}"] = path.read_text(encoding="utf-8")
    return texts


def bare(texts: list[str], processes: int) -> tuple[float, float]:
    """Seconds and CPU seconds for bare spaCy over ``texts`` on ``processes`` processes, model
    loading included."""
    start, cpu = time.perf_counter(), cpu_seconds()
    nlp = bare_pipeline()
    for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes):
        pass
    return time.perf_counter() - start, cpu_seconds() - cpu


def analysable_texts(inputs: Path, scratch: Path) -> list[str]:
    """The texts the article stage will parse: the inputs ingested into a scratch database."""
    ingest_files([inputs], scratch)
    with open_store(scratch) as store:
        return [article.text for article in store.articles.all() if article.analysable]


def job(inputs: Path, db: Path, out: Path, workers: int) -> tuple[dict[str, float], float]:
    """Seconds of each stage of the whole job as ``analyze`` runs it (a skipped stage's are
    those of deciding to skip it; the last stage's include recording the run's fingerprints),
    and of the summary it prints; the CPU seconds of the annotate stage (this process and its
    workers). Prints the stages skipped, if any."""
    marks: list[tuple[str, float, float]] = []  # (stage, start, CPU seconds at its start)

    def on_stage(name: str) -> Progress:
        marks.append((name, time.perf_counter(), cpu_seconds()))
        return Progress()

    summary_of = analysis.analysis_summary

    def timed_summary(store, run):
        marks.append(("summary", time.perf_counter(), cpu_seconds()))
        return summary_of(store, run)

    analysis.analysis_summary = timed_summary
    try:
        with open_store(db) as store:
            run = AnalysisRun(paths=[str(inputs)], out=out, workers=workers)
            summary = analysis.analyze(store, run, on_stage)
            marks.append(("end", time.perf_counter(), cpu_seconds()))
    finally:
        analysis.analysis_summary = summary_of
    if summary["skipped"]:
        print(f"  skipped, nothing new: {', '.join(summary['skipped'])}", flush=True)
    seconds = {name: marks[k + 1][1] - start for k, (name, start, _) in enumerate(marks[:-1])}
    annotate_cpu = next(marks[k + 1][2] - cpu for k, (name, _, cpu) in enumerate(marks[:-1])
                        if name == "annotate")
    return seconds, annotate_cpu


def measure(name: str, inputs: Path, work: Path, workers: int, with_bare: bool = True,
            repeat: int = 1) -> None:
    """Every figure for one corpus, printed as it comes; without ``with_bare``, no bare spaCy
    runs and no ratios (a scale run: seconds per article and peak memory). With ``repeat`` > 1
    the job runs that many times on fresh databases, each between two bare runs (bare, job,
    bare, job, …, bare), and the ratios of each job to the mean of the bare runs beside it are
    printed with their median: on a shared machine one pair says little."""
    texts = analysable_texts(inputs, work / f"{name}-scratch.db")
    words = sum(len(text.split()) for text in texts)
    print(f"\n== {name}: {len(texts)} articles, {words:,} words, {workers} workers", flush=True)
    bare_runs = [bare(texts, workers)] if with_bare else []
    if bare_runs:
        print(f"bare nlp.pipe: {bare_runs[0][0]:.1f} s", flush=True)
    jobs = []
    for turn in range(max(1, repeat)):
        db, out = work / f"{name}-{turn}.db", work / f"{name}-{turn}-out"
        cpu = cpu_seconds()
        with PeakMemory().watching() as memory:
            stages, annotate_cpu = job(inputs, db, out, workers)
        jobs.append((stages, annotate_cpu, cpu_seconds() - cpu, memory.peak))
        if with_bare:
            bare_runs.append(bare(texts, workers))
            print(f"bare nlp.pipe again: {bare_runs[-1][0]:.1f} s", flush=True)
    start = time.perf_counter()
    rerun_stages, _ = job(inputs, db, out, workers)
    rerun = time.perf_counter() - start
    for turn, (stages, annotate_cpu, cpu, peak) in enumerate(jobs):
        if len(jobs) > 1:
            print(f"  -- run {turn + 1} of {len(jobs)}")
        total = sum(stages.values())
        for stage, seconds in stages.items():
            print(f"  {stage:9} {seconds:8.1f} s  {100 * seconds / total:5.1f}%  "
                  f"{1000 * seconds / max(1, len(texts)):7.1f} ms/article")
        print(f"  {'total':9} {total:8.1f} s  {words / total:7.0f} words/s  CPU {cpu:.1f} s  "
              f"peak memory {peak / 1e6:,.0f} MB  "
              f"{1000 * total / max(1, len(texts)):.1f} ms/article")
    if not with_bare:
        print(f"rerun with nothing new: {rerun:.1f} s", flush=True)
        return
    wall, by_cpu, annotate, annotate_by_cpu = [], [], [], []
    for turn, (stages, annotate_cpu, cpu, _peak) in enumerate(jobs):
        baseline, baseline_cpu = ((bare_runs[turn][k] + bare_runs[turn + 1][k]) / 2
                                  for k in (0, 1))
        print(f"bare nlp.pipe {baseline:.1f} s ({words / baseline:.0f} words/s; runs "
              f"{bare_runs[turn][0]:.1f} and {bare_runs[turn + 1][0]:.1f} s), "
              f"CPU {baseline_cpu:.1f} s")
        wall.append(baseline / sum(stages.values()))
        by_cpu.append(baseline_cpu / cpu)
        annotate.append(baseline / stages["annotate"])
        annotate_by_cpu.append(baseline_cpu / annotate_cpu)
    ratio, annotate_ratio = statistics.median(wall), statistics.median(annotate)
    each = (lambda values: f" (runs {', '.join(f'{v:.2f}' for v in values)})"
            if len(values) > 1 else "")
    median = "median " if len(jobs) > 1 else ""
    print(f"whole job / bare spaCy: {median}{ratio:.2f} by wall time{each(wall)}, "
          f"{statistics.median(by_cpu):.2f} by CPU time{each(by_cpu)} "
          f"(target ≥ 0.70: {'met' if ratio >= 0.7 else 'not met'})")
    print(f"annotate stage / bare spaCy: {median}{annotate_ratio:.2f} by wall time"
          f"{each(annotate)}, {statistics.median(annotate_by_cpu):.2f} by CPU time"
          f"{each(annotate_by_cpu)} (target ≥ 0.90: "
          f"{'met' if annotate_ratio >= 0.9 else 'not met'})")
    print(f"rerun with nothing new: {rerun:.1f} s (target < 3 s: "
          f"{'met' if rerun < 3 else 'not met'}): "
          + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in rerun_stages.items()),
          flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--generated", type=int, default=1000,
                        help="Pages of the generated corpus (0: none).")
    parser.add_argument("--workers", type=int, default=None, help="Default: every CPU.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["real", "generated"], default=None)
    parser.add_argument("--repeat", type=int, default=1,
                        help="Run the job this many times, each between two bare runs, and "
                             "print the median ratio (default 1).")
    parser.add_argument("--no-bare", action="store_true",
                        help="No bare spaCy runs and no ratios: seconds per article and peak "
                             "memory only (for 10,000 articles, where bare spaCy doubles the run).")
    args = parser.parse_args()
    workers = args.workers or default_workers()
    work = Path(tempfile.mkdtemp(prefix="cb-end-to-end-"))
    try:
        if args.only in (None, "real"):
            texts = real_texts(args.eval_dir)
            if not texts:
                print(f"real texts: none under {args.eval_dir} (basil-dev, polnear-dev); skipped")
            else:
                (work / "real").mkdir()
                for file_name, text in texts.items():
                    (work / "real" / file_name).write_text(text, encoding="utf-8")
                measure("real", work / "real", work, workers, not args.no_bare, args.repeat)
        if args.only in (None, "generated") and args.generated > 0:
            write_corpus(work / "generated", args.generated, args.seed, 20)
            measure("generated", work / "generated", work, workers, not args.no_bare,
                    args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
