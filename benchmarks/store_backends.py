"""Store write throughput on SQLite and on PostgreSQL, for the same synthetic pages.

Generates N pages (``benchmarks/corpus.py``, not timed), then for each backend: ingests them
into a new database (timed: articles/s), annotates the first K articles once (not timed) and
times writing those annotations R times over (each write replaces the article's annotations, as
a rerun of a new stage version does: articles/s of annotation writes).

SQLite is a file in a temporary folder (WAL, synchronous=NORMAL, as ``open_store`` sets it).
PostgreSQL is the database at ``--url``, or else a throwaway server started from the Debian
binaries with its durable defaults (fsync and synchronous_commit on), on this machine.

    .venv/bin/python benchmarks/store_backends.py                 # 1,000 pages
    .venv/bin/python benchmarks/store_backends.py --n 300 --url postgresql://me@db/bench
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from corpus import generate_pages  # noqa: E402

from crossbearing import ingest_files  # noqa: E402
from crossbearing.annotate.stage import annotate_articles  # noqa: E402
from crossbearing.annotate.run import save  # noqa: E402
from crossbearing.store import open_store  # noqa: E402


def ingest_rate(folder: Path, location: str) -> float:
    start = time.perf_counter()
    report = ingest_files([folder], location)
    seconds = time.perf_counter() - start
    return (report.articles_added + report.already_stored) / seconds


def annotate_write_rate(location: str, k: int, repeats: int) -> float:
    with open_store(location) as store:
        articles = [a for a in store.articles.all() if a.analysable][:k]
        results = annotate_articles(articles)
        start = time.perf_counter()
        for _ in range(repeats):
            with store.transaction():
                for result in results:
                    save(store, result)
        return len(results) * repeats / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="pages to generate and ingest")
    parser.add_argument("--k", type=int, default=64, help="articles whose annotations are written")
    parser.add_argument("--repeats", type=int, default=5, help="times they are written")
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a throwaway server)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for name, html in generate_pages(args.n, seed=1):
            (folder / name).write_text(html, encoding="utf-8")
        server = None
        url = args.url
        if url is None:
            from postgres_server import PostgresServer, find_bin_dir

            server = PostgresServer(find_bin_dir(), settings="").start()
            url = server.create_database()
        try:
            for name, location in (("sqlite", str(Path(tmp) / "bench.db")), ("postgresql", url)):
                ingest = ingest_rate(folder, location)
                writes = annotate_write_rate(location, args.k, args.repeats)
                print(f"{name:<11} ingest {ingest:7.1f} articles/s   annotation writes "
                      f"{writes:7.1f} articles/s", flush=True)
        finally:
            if server is not None:
                server.stop()


if __name__ == "__main__":
    main()
