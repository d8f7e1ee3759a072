"""The whole analysis over every real text at hand: no stage may raise, and every article is
annotated.

One file per text, built in a temporary folder: each BASIL development article (title and body),
each PolNeAR development text, each PLOVER gold sentence as a one-sentence document, and the
seed reports, with a ``sources.csv`` giving each its outlet and day where the data sets tell
them. The evaluation data is read from ``../shared/eval`` beside the repository (never
copied into it); without it the test is skipped. ``crossbearing analyze`` runs on the folder as
a user would run it, in its own process.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL = SHARED / "eval"
SEEDS = SHARED / "corpus" / "seeds"
CROSSBEARING = Path(sys.executable).parent / "crossbearing"
#: The bundled sample's manifest: the seed reports' outlets and days.
SAMPLE_SOURCES = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "sources.csv"

pytestmark = pytest.mark.slow


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


#: The outlets the data sets name by code.
OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost",
           "huff-post": "HuffPost", "breitbart": "Breitbart", "politico": "Politico",
           "usa-today": "USA Today", "wash-post": "The Washington Post",
           "west-journal": "Western Journal"}


def build_corpus(folder: Path) -> int:
    """One plain-text file per real text in ``folder``, and a ``sources.csv`` beside them with
    what the data sets tell of each article (outlet, publication day, address), as an analyst
    gives plain text; returns how many files."""
    folder.mkdir(parents=True)
    count = 0
    rows = []
    for path in sorted((EVAL / "basil-dev" / "articles").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p) for p in record.get("body-paragraphs", []))
        name = f"basil-{path.stem}.txt"
        _write(folder / name, f"{record.get('title') or ''}\n\n{body}\n")
        rows.append((name, OUTLETS.get(record.get("source"), ""), record.get("url") or "",
                     record.get("date") or ""))
        count += 1
    metadata = EVAL / "polnear-dev" / "metadata.tsv"
    published = {r["filename"]: r for r in csv.DictReader(
        metadata.open(encoding="utf-8"), delimiter="\t")} if metadata.exists() else {}
    for path in sorted((EVAL / "polnear-dev" / "text").glob("*.txt")):
        shutil.copyfile(path, folder / f"polnear-{path.name}")
        record = published.get(path.stem, {})
        rows.append((f"polnear-{path.name}", OUTLETS.get(record.get("publisher"), ""), "",
                     record.get("publication_date") or ""))
        count += 1
    plover = EVAL / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    if plover.exists():
        for index, record in enumerate(json.loads(plover.read_text(encoding="utf-8"))):
            if record.get("text"):
                _write(folder / f"plover-{index:04d}.txt", record["text"] + "\n")
                count += 1
    sample = {r["file"]: r for r in csv.DictReader(SAMPLE_SOURCES.open(encoding="utf-8"))}
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        shutil.copyfile(path, folder / f"seed-{path.name}")
        record = sample.get(path.name, {})
        rows.append((f"seed-{path.name}", record.get("outlet", ""), record.get("url", ""),
                     record.get("published", "")))
        count += 1
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as manifest:
        writer = csv.writer(manifest)
        writer.writerow(["file", "outlet", "url", "published"])
        writer.writerows(rows)
    return count


@pytest.mark.skipif(not EVAL.is_dir(), reason=f"evaluation data absent: {EVAL} (checked out "
                    "beside the repository as ../shared/eval)")
def test_analyze_every_real_text(tmp_path):
    corpus = tmp_path / "corpus"
    files = build_corpus(corpus)
    assert files > 0
    db, out = tmp_path / "x.db", tmp_path / "out"

    ran = subprocess.run([str(CROSSBEARING), "analyze", str(corpus), "--db", str(db),
                          "--out", str(out), "--no-progress"],
                         capture_output=True, text=True, timeout=1800)

    assert ran.returncode == 0, ran.stderr[-5000:]
    assert "Traceback" not in ran.stderr, ran.stderr[-5000:]
    with sqlite3.connect(db) as connection:
        analysable = connection.execute(
            "SELECT COUNT(*) FROM articles WHERE analysable = 1").fetchone()[0]
        annotated = connection.execute(
            "SELECT COUNT(*) FROM stage_runs WHERE stage = 'annotate'").fetchone()[0]
    assert analysable > 0
    assert annotated == analysable
    assert (out / "index.html").exists()
    failed = subprocess.run([str(CROSSBEARING), "failed", "--db", str(db), "--json"],
                            capture_output=True, text=True)
    assert failed.returncode == 0, failed.stderr[-5000:]
    assert json.loads(failed.stdout) == [], failed.stdout[:5000]
