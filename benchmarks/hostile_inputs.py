"""Ingestion of hostile inputs: what comes of each, peak memory and time, in a child process.

Writes the corpus of ``benchmarks/hostile_corpus.py`` (over 300 inputs: random bytes, broken
archives and crawls, XML bombs and external entities, deep nesting, inputs just over the size
limit, NUL bytes, odd encodings, odd file names, FIFOs, device links, symlink loops, unreadable
folders, empty files and containers, and a few good reports) into a temporary folder, which is
not timed; then runs ``crossbearing ingest`` over it in a child process with the corpus's
document limit, and prints the inputs, how many were stored and rejected, the rejections by
reason and by category, the child's peak memory (``ru_maxrss``, from ``wait4``) and the wall
time. It ends with the problems ``hostile_corpus.problems`` finds, which must be none: an input
with neither article nor rejection, a good input not stored, a bad one stored, a rejection reason
that is not documented, the local file an external entity points at read into an article or a
rejection.

    .venv/bin/python benchmarks/hostile_inputs.py
    .venv/bin/python benchmarks/hostile_inputs.py --quick      # a few inputs of each category
    .venv/bin/python benchmarks/hostile_inputs.py --workdir DIR  # keep the corpus and database

Run as root, the folder made unreadable (``chmod 000``) is read all the same: its file is then
stored instead of the folder being rejected.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_corpus import (  # noqa: E402
    LIMIT,
    MAX_PEAK_MB,
    category_counts,
    ingest_in_subprocess,
    problems,
    restore_permissions,
    write_corpus,
)

import crossbearing  # noqa: E402
from crossbearing.ingest.source import display_path  # noqa: E402
from crossbearing.store import open_store  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few inputs of each category")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=LIMIT,
                        help="document limit, bytes (the corpus's huge inputs are just over it)")
    parser.add_argument("--timeout", type=float, default=600, help="kill ingestion after this")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and database here")
    return parser.parse_args(argv)


def run(args: argparse.Namespace, workdir: Path) -> int:
    folder = workdir / "corpus"
    db = workdir / "hostile.db"
    for stale in workdir.glob("hostile.db*"):
        stale.unlink()
    cases = write_corpus(folder, quick=args.quick, seed=args.seed, limit=args.limit)
    print("Crossbearing ingestion of hostile inputs")
    print(f"  date              {dt.date.today().isoformat()}")
    print(f"  python            {platform.python_version()}, crossbearing "
          f"{crossbearing.__version__}, {'root' if os.geteuid() == 0 else 'not root'}")
    print(f"  corpus            {len(cases)} inputs, seed {args.seed}, document limit "
          f"{args.limit:,} bytes, in {folder}")
    print("  categories        " + ", ".join(f"{name} {count}" for name, count
                                              in category_counts(cases).items()))
    result = ingest_in_subprocess([str(folder)], str(db), limit=args.limit, timeout=args.timeout)
    if result.timed_out or not result.summary:
        why = f"killed after {args.timeout:.0f} s" if result.timed_out else "no summary"
        print(f"  FAILED            {why} (exit status {result.status})\n{result.stderr}")
        return 1
    expected = {display_path(os.path.join(str(folder), case.name)): case for case in cases}
    with open_store(db) as store:
        inputs = store.execute("SELECT input_id, path, articles FROM inputs").fetchall()
        rejections = store.execute("SELECT input_id, reason FROM rejections").fetchall()
        articles = store.count("articles")
        found = problems(store, folder, cases, result.summary["inputs"])
    rejected_inputs = {input_id for input_id, _reason in rejections}
    stored = sum(1 for _id, _path, count in inputs if count)
    rejected = sum(1 for input_id, _path, count in inputs if not count
                   and input_id in rejected_inputs)
    by_category: dict[str, Counter] = defaultdict(Counter)
    for _id, path, count in inputs:
        case = expected.get(path)
        category = case.category if case else "unexpected"
        by_category[category]["stored" if count else "rejected"] += 1
    print()
    print("Result")
    print(f"  inputs            {len(inputs)} ({result.summary['inputs']} reported)")
    print(f"  stored            {stored} inputs, {articles} articles")
    print(f"  rejected          {rejected} inputs, {len(rejections)} rejections stored")
    reasons = Counter(reason for _id, reason in rejections)
    print("  by reason         " + ", ".join(f"{reason} {count}" for reason, count
                                              in reasons.most_common()))
    print("  by category       " + "; ".join(
        f"{name} {counts['stored']}/{counts['rejected']}" for name, counts in by_category.items())
        + "  (stored/rejected)")
    print(f"  peak memory       {result.peak_mb:.0f} MB (ru_maxrss of the child; limit "
          f"{MAX_PEAK_MB} MB)")
    print(f"  wall time         {result.seconds:.1f} s, exit status {result.status}")
    print(f"  problems          {len(found) or 'none'}")
    for problem in found:
        print(f"    {problem}")
    return 1 if found or result.peak_mb >= MAX_PEAK_MB else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        return run(args, args.workdir)
    with tempfile.TemporaryDirectory(prefix="crossbearing-hostile-") as workdir:
        try:
            return run(args, Path(workdir))
        finally:
            restore_permissions(workdir)


if __name__ == "__main__":
    sys.exit(main())
