"""How often the outlet and the publication date of a report are found, and found right, from
what the report gives: its text, and its URL where it has one. No manifest, no options.

    .venv/bin/python benchmarks/provenance.py [--eval-dir ../shared/eval] [--sample examples/corpus]

Three sets, each scored on its own:

* the sample corpus (``examples/corpus``): the five seed reports, read as ``crossbearing ingest``
  reads them (a copy without their ``sources.csv``), scored against that manifest;
* BASIL dev (``basil-dev/articles``): title and paragraphs as text, with the article's URL;
  gold ``source`` (nyt, fox, hpo) and ``date``;
* PolNeAR dev (``polnear-dev/text`` and ``metadata.tsv``): the text only, no URL; gold
  ``publisher`` and ``publication_date``; ``wire`` says which reports are an agency's (AP, AFP,
  UPI, Reuters), whose credit is then scored too.

For each set: how many reports get an outlet and a date, how many of those are right (outlet
names compared with the outlet table's name key; dates on the same day, and within one day), and
which rule gave them. The evaluation data lives outside the repository; a set that is absent is
skipped with a message.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from crossbearing.clean.outlets import canonical_outlet, name_key
from crossbearing.ingest.infer import infer_missing
from crossbearing.model import RawDocument

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
#: The gold outlet codes of the two data sets, as the outlet table names them.
OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost",
           "huff-post": "HuffPost", "wash-post": "The Washington Post", "usa-today": "USA Today",
           "politico": "Politico", "breitbart": "Breitbart News", "west-journal": "The Western Journal"}
WIRES = {"ap": "Associated Press", "afp": "Agence France-Presse", "upi": "United Press International",
         "reuters": "Reuters"}


def infer(text: str, url: str | None) -> tuple:
    """(outlet, how, date, how, lower bound) as ingestion would store them for a plain text with
    ``url``."""
    doc = infer_missing(RawDocument(text=text, format="text", url=url))
    outlet, how = canonical_outlet(doc.outlet, doc.url)
    if doc.outlet and doc.outlet_source and how != "domain table":
        how = doc.outlet_source
    published = doc.published
    bound = doc.metadata.get("published_lower_bound", {}).get("value")
    return (outlet, how, published.value if published else None,
            published.source if published else None, bound)


class Score:
    """Counts for one set."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.n = 0
        self.outlet_found = self.outlet_right = 0
        self.date_found = self.date_right = self.date_near = 0
        self.outlet_rules: Counter[str] = Counter()
        self.date_rules: Counter[str] = Counter()
        self.credit_n = self.credit_right = 0
        self.bounds = self.bounds_valid = 0

    def add(self, found: tuple, gold_outlet: str | None, gold_date: str | None) -> None:
        outlet, outlet_how, published, date_how, bound = found
        self.n += 1
        if bound and not published:
            self.bounds += 1
            self.bounds_valid += bool(gold_date) and bound <= gold_date
        if outlet:
            self.outlet_found += 1
            self.outlet_rules[outlet_how] += 1
            self.outlet_right += bool(gold_outlet) and name_key(outlet) == name_key(gold_outlet)
        if published:
            self.date_found += 1
            self.date_rules[date_how] += 1
            if gold_date and len(published) >= 10:
                apart = abs((date.fromisoformat(published[:10]) - date.fromisoformat(gold_date)).days)
                self.date_right += apart == 0
                self.date_near += apart <= 1

    def print(self) -> None:
        print(f"{self.name}: {self.n} reports")
        print(f"  outlet found {self.outlet_found}/{self.n}, right {self.outlet_right}/{self.n} "
              f"(precision {_ratio(self.outlet_right, self.outlet_found)}); rules: "
              f"{dict(self.outlet_rules.most_common()) or '-'}")
        print(f"  date found {self.date_found}/{self.n}, same day {self.date_right}/{self.n}, "
              f"within a day {self.date_near}/{self.n} (precision "
              f"{_ratio(self.date_right, self.date_found)}); rules: "
              f"{dict(self.date_rules.most_common()) or '-'}")
        if self.bounds:
            print(f"  no date but a lower bound: {self.bounds}, at or before the gold date: "
                  f"{self.bounds_valid}")
        if self.credit_n:
            print(f"  agency reports: the credited agency found for {self.credit_right}/"
                  f"{self.credit_n}")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def sample_corpus(folder: Path) -> Score | None:
    """The seed reports read by ``ingest`` from a copy without their manifest."""
    manifest = folder / "sources.csv"
    if not manifest.is_file():
        print(f"skipped: no {manifest}")
        return None
    from crossbearing import ingest_files
    from crossbearing.store import open_store

    gold = {row["file"]: row for row in csv.DictReader(manifest.open(encoding="utf-8"))
            if (row.get("ingest") or "").lower() != "no"}
    score = Score("sample corpus (no manifest)")
    with tempfile.TemporaryDirectory() as tmp:
        for name in gold:
            shutil.copy(folder / name, Path(tmp) / name)
        ingest_files([tmp], Path(tmp) / "p.db")
        with open_store(Path(tmp) / "p.db") as store:
            for article in store.articles.all():
                row = gold[Path(article.source_path).name]
                published = article.published
                bound = article.metadata.get("published_lower_bound", {}).get("value")
                score.add((article.outlet, article.outlet_source,
                           published.value if published else None,
                           published.source if published else None, bound),
                          row["outlet"] or None, row["published"] or None)
    return score


def basil(eval_dir: Path) -> list[Score]:
    """Each article read twice: with its URL, and from its text alone."""
    files = sorted((eval_dir / "basil-dev" / "articles").glob("*/*.json"))
    if not files:
        print(f"skipped: no BASIL dev split under {eval_dir}")
        return []
    with_url, text_only = Score("BASIL dev (text and URL)"), Score("BASIL dev (text only)")
    for file in files:
        record = json.loads(file.read_text("utf-8"))
        paragraphs = [" ".join(sentences) for sentences in record["body-paragraphs"]]
        text = "\n\n".join([record.get("title") or ""] + paragraphs)
        gold = OUTLETS.get(record["source"].lower()), record.get("date")
        with_url.add(infer(text, record.get("url")), *gold)
        text_only.add(infer(text, None), *gold)
    return [with_url, text_only]


def polnear(eval_dir: Path) -> Score | None:
    folder = eval_dir / "polnear-dev"
    if not (folder / "metadata.tsv").is_file():
        print(f"skipped: no PolNeAR dev split under {eval_dir}")
        return None
    rows = {row["filename"]: row for row in
            csv.DictReader((folder / "metadata.tsv").open(encoding="utf-8"), delimiter="\t")}
    score = Score("PolNeAR dev (text only)")
    for file in sorted((folder / "text").glob("*.txt")):
        row = rows.get(file.stem)
        if row is None:
            continue
        found = infer(file.read_text("utf-8"), None)
        score.add(found, OUTLETS.get(row["publisher"]), row["publication_date"])
        wire = WIRES.get((row.get("wire") or "").strip().lower())
        if wire:
            score.credit_n += 1
            score.credit_right += bool(found[0]) and name_key(found[0]) == name_key(wire)
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--sample", type=Path, default=ROOT / "examples" / "corpus")
    args = parser.parse_args()
    for score in [sample_corpus(args.sample), *basil(args.eval_dir), polnear(args.eval_dir)]:
        if score is not None:
            score.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
