"""Loaded language in the outlet's own voice on the BASIL dev split: token-level precision,
recall and F1 of the framing annotator's own-voice loaded words against the phrases BASIL's
annotators marked as lexical bias.

BASIL (Fan et al. 2019) marks, per article, phrases of lexical bias (``bias == "lex"``: the word
choice carries the writer's stance, "slammed" for "criticized") and of informational bias (whole
clauses, not scored here). Each phrase's ``id`` is ``pN``, the N-th sentence of the article with
its paragraphs' sentence lists read in order, and ``start``/``end`` are offsets into that
sentence (checked below against the phrase's text: every lexical phrase must match, else the
benchmark stops). The article text given to the stage is each paragraph's sentences joined by a
space, paragraphs by a blank line, so gold offsets are the sentence's offset plus the phrase's.

Gold: the lexical-bias phrases outside quotes (``quote == "no"``). A text token (a run of word
characters) is gold when it overlaps such a phrase, predicted when it overlaps an own-voice loaded
word (``LoadedTerm.voice == "own"``). Every other predicted token is a false positive, those in
lexical phrases inside quotes included (marking a quoted word as the outlet's own is the error
the voice rule is there to avoid); the figure that ignores those tokens is printed too. With
``--descriptors`` own-voice descriptors count as predictions as well (the table shows both).

The first figure scores the framing-bias categories: every own-voice loaded word but those of
category ``epistemic`` ("claimed", "insisted", "admitted", "clearly"), which say how true the
outlet takes a statement to be rather than judge anyone. Recasens et al. 2013 set these apart as
epistemological bias beside framing bias, and BASIL's lexical bias is the latter (polarised word
choice); a second figure counts them too.

Also printed: predictions and hits per lexicon category, the most frequent false positives, and
how many gold phrases hold a word of the lexicon (whether the stage found it there or not).

Usage: .venv/bin/python benchmarks/eval_framing.py [--eval-dir ../shared/eval]
       [--cache /tmp/basil-framing] [--descriptors] [--false-positives N]
       [--false-negatives] [--years 2010,2011] [--leave-out-added A..B]
The figure is also printed per year (BASIL dev holds 30 articles of each of 2010, 2011 and
2012). ``--years`` limits the per-category counts and the printed errors to some years, so that
rules grown from those years can be scored on the others as held out.
``--false-negatives`` prints the gold phrases no prediction overlaps, with their context (to
read, never to copy into the repository). ``--cache`` keeps the parsed articles (spaCy
``DocBin``) in a folder, so that a second run only redoes the annotators. Skips with a message
when the evaluation data is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_entities import DEFAULT_EVAL  # noqa: E402

_WORD = re.compile(r"\w+")
#: Categories of epistemological bias (Recasens et al. 2013: assertive and factive said-verbs,
#: boosters): they frame the truth of what was said rather than judge anyone, which BASIL's
#: lexical bias (polarised word choice) does not mark; the first figure leaves them out.
EPISTEMIC = frozenset({"epistemic"})


@dataclass(frozen=True)
class Record:
    """One BASIL article: its text as the stage reads it and its lexical-bias phrases as
    ``(start, end, quoted)`` offsets into that text."""

    name: str
    text: str
    outlet: str
    lexical: tuple[tuple[int, int, bool], ...]
    year: str = ""


def load_basil(eval_dir: Path) -> list[Record]:
    records = []
    root = eval_dir / "basil-dev"
    for path in sorted((root / "articles").glob("*/*.json")):
        article = json.loads(path.read_text("utf-8"))
        annotations = root / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        phrases = json.loads(annotations.read_text("utf-8"))["phrase-level-annotations"]
        text, sentence_starts, sentences = _text(article["body-paragraphs"])
        lexical = []
        for phrase in phrases:
            if phrase["bias"] != "lex" or not re.fullmatch(r"p\d+", phrase["id"]):
                continue  # informational bias, or a phrase of the title (not in the text)
            index = int(phrase["id"][1:])
            if sentences[index][phrase["start"]:phrase["end"]] != phrase["txt"]:
                raise SystemExit(f"{path.name}: phrase offsets do not match sentence {index}")
            start = sentence_starts[index] + phrase["start"]
            lexical.append((start, start + len(phrase["txt"]), phrase["quote"] == "yes"))
        records.append(Record(path.stem, text, article.get("source", ""), tuple(lexical),
                              path.parent.name))
    return records


def _text(paragraphs: list[list[str]]) -> tuple[str, list[int], list[str]]:
    """The article text (sentences joined by a space, paragraphs by a blank line), the offset of
    every sentence in it and the sentences, in BASIL's sentence order."""
    parts, starts, sentences = [], [], []
    offset = 0
    for p, paragraph in enumerate(paragraphs):
        if p:
            parts.append("\n\n")
            offset += 2
        for s, sentence in enumerate(paragraph):
            if s:
                parts.append(" ")
                offset += 1
            starts.append(offset)
            sentences.append(sentence)
            parts.append(sentence)
            offset += len(sentence)
    return "".join(parts), starts, sentences


def to_article(record: Record, index: int):
    from crossbearing.model import Article

    return Article(
        id=f"basil{index:04d}", text=record.text, title=None, outlet=record.outlet,
        outlet_source="field:source", url=None, domain=None, published=None, authors=(),
        language="en", language_score=1.0, analysable=True, skip_reason=None,
        external_id=record.name, source_path="basil", locator="", format="json",
        text_sha256="", raw_sha256="")


def headwords_added(revisions: str) -> set[str]:
    """The headwords of the lexicon at git revision ``B`` that it did not have at ``A``
    (``revisions`` is ``A..B``): those written after reading some of the data, to be left out
    for a blind figure."""
    import subprocess

    from crossbearing.annotate.lexicon import BUNDLED_FILES, Lexicon

    def terms(revision: str) -> set[str]:
        texts = [subprocess.run(["git", "show", f"{revision}:src/crossbearing/data/{name}.toml"],
                                capture_output=True, text=True, check=True).stdout
                 for name in BUNDLED_FILES]
        return {e.term for e in Lexicon.from_toml(*texts).entries}

    before, after = revisions.split("..")
    return terms(after) - terms(before)


def leave_out(headwords: set[str]) -> None:
    """Make the annotation stage match the bundled lexicon without ``headwords``."""
    from crossbearing.annotate import lexicon, stage

    def without(knowledge):
        full = lexicon.lexicon_of(knowledge)
        kept = lexicon.Lexicon.__new__(lexicon.Lexicon)
        kept.__dict__.update(full.__dict__)
        kept._by_first = {first: [(e, f) for e, f in candidates if e.term not in headwords]
                          for first, candidates in full._by_first.items()}
        kept._adjectives = {a: e for a, e in full._adjectives.items() if e.term not in headwords}
        return kept

    stage.lexicon_of = without


def annotate(records: list[Record], cache: Path | None):
    """(descriptors, loaded terms) per record, from the annotation stage; with a cache folder
    the parse is read from (or written to) a ``DocBin`` there."""
    from crossbearing.annotate.stage import annotate_articles, annotate_doc

    articles = [to_article(r, i) for i, r in enumerate(records)]
    if cache is None:
        annotated = annotate_articles(articles)
    else:
        annotated = [annotate_doc(doc, article)
                     for doc, article in zip(_parsed(articles, cache), articles)]
    return [(r.descriptors, r.loaded_terms) for r in annotated]


def _parsed(articles, cache: Path):
    from spacy.tokens import DocBin

    from crossbearing.annotate.nlp import pipeline, sentence_index
    from crossbearing.kb import KB_VERSION

    nlp = pipeline()
    key = hashlib.sha256("\0".join([KB_VERSION, nlp.meta.get("version", ""),
                                    *(a.text for a in articles)]).encode()).hexdigest()[:16]
    path = cache / f"basil-{key}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        return [sentence_index(doc) for doc in docs]
    docs = list(nlp.pipe(a.text for a in articles))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "LEMMA",
                  "MORPH", "POS", "SENT_START", "SPACY"], docs=docs).to_disk(path)
    return docs


def tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text)]


def _covered(token: tuple[int, int], spans) -> bool:
    return any(start < token[1] and token[0] < end for start, end in spans)


def evaluate(records: list[Record], results, with_descriptors: bool,
             left_out: frozenset[str] = frozenset()) -> dict:
    """Token figures of own-voice loaded words (and descriptors) against the gold phrases;
    words whose category is in ``left_out`` are not counted as predictions."""
    true_pos = false_pos = false_neg = quoted_pos = 0
    per_category: dict[str, Counter] = {}
    false_positives: Counter = Counter()
    for record, (descriptors, terms) in zip(records, results):
        own = [(t.start, t.end, t.category, t.text) for t in terms
               if t.voice == "own" and t.category not in left_out]
        if with_descriptors:
            own += [(d.start, d.end, f"descriptor:{d.kind}", d.text) for d in descriptors
                    if d.voice == "own"]
        gold = [(s, e) for s, e, quoted in record.lexical if not quoted]
        quoted_gold = [(s, e) for s, e, quoted in record.lexical if quoted]
        predicted = [(s, e) for s, e, _, _ in own]
        for token in tokens(record.text):
            is_gold, is_predicted = _covered(token, gold), _covered(token, predicted)
            true_pos += is_gold and is_predicted
            false_neg += is_gold and not is_predicted
            if is_predicted and not is_gold:
                false_pos += 1
                quoted_pos += _covered(token, quoted_gold)
        for start, end, category, text in own:
            counts = per_category.setdefault(category, Counter())
            counts["found"] += 1
            if _covered((start, end), gold):
                counts["hit"] += 1
            else:
                false_positives[" ".join(text.lower().split())] += 1
    return {"strict": _prf(true_pos, false_pos, false_neg),
            "ignoring_quoted": _prf(true_pos, false_pos - quoted_pos, false_neg),
            "per_category": per_category, "false_positives": false_positives,
            "gold_tokens": true_pos + false_neg, "predicted_tokens": true_pos + false_pos}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def lexicon_coverage(records: list[Record]) -> tuple[int, int]:
    """(gold phrases outside quotes holding a word whose lemma or lower-cased form starts a form
    of the bundled lexicon, all such phrases): how far the word list reaches, apart from sense
    and voice rules."""
    from crossbearing.annotate.lexicon import bundled_lexicon
    from crossbearing.annotate.nlp import pipeline

    lexicon = bundled_lexicon()
    phrases = [r.text[s:e] for r in records for s, e, quoted in r.lexical if not quoted]
    held = sum(1 for doc in pipeline().pipe(phrases) if lexicon.find(doc, senses=False))
    return held, len(phrases)


def _print_missed(records: list[Record], results) -> None:
    """Each gold phrase outside quotes that no own-voice loaded word overlaps, in its context,
    with the loaded words of other voices found there."""
    print("  gold phrases missed (phrase in [[ ]]; other voices found there):")
    for record, (_, terms) in zip(records, results):
        for start, end, quoted in record.lexical:
            over = [t for t in terms if t.start < end and start < t.end]
            if quoted or any(t.voice == "own" and t.category not in EPISTEMIC for t in over):
                continue
            context = (record.text[max(0, start - 60):start] + "[[" + record.text[start:end]
                       + "]]" + record.text[end:end + 40])
            found = ", ".join(f"{t.text} ({t.voice} {t.category})" for t in over)
            print(f"    {' '.join(context.split())}" + (f"   <- {found}" if found else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--cache", type=Path, default=None,
                        help="folder keeping the parsed articles between runs")
    parser.add_argument("--descriptors", action="store_true",
                        help="count own-voice descriptors as predictions too")
    parser.add_argument("--false-positives", type=int, default=25,
                        help="how many of the most frequent false positives to print")
    parser.add_argument("--false-negatives", action="store_true",
                        help="print the gold phrases that no own-voice prediction overlaps")
    parser.add_argument("--years", default="",
                        help="comma-separated years (2010,2011): the per-category counts and "
                             "the false positives and negatives are printed for those only, so "
                             "the other years stay unread and held out")
    parser.add_argument("--leave-out-added", metavar="A..B", default=None,
                        help="leave out the headwords that the lexicon at git revision B has "
                             "and the one at A has not (a blind figure: 1c9b7a2..6769d7d are "
                             "those written after reading every dev year)")
    args = parser.parse_args()
    if not (args.eval_dir / "basil-dev").is_dir():
        print(f"skipped: no BASIL dev split under {args.eval_dir}")
        return 0
    if args.leave_out_added:
        left = headwords_added(args.leave_out_added)
        leave_out(left)
        print(f"left out: {len(left)} headwords added in {args.leave_out_added}")
    records = load_basil(args.eval_dir)
    results = annotate(records, args.cache)
    figures = evaluate(records, results, args.descriptors, EPISTEMIC)
    every = evaluate(records, results, args.descriptors)
    phrases = sum(1 for r in records for _, _, quoted in r.lexical if not quoted)
    what = "own-voice loaded words" + (" and descriptors" if args.descriptors else "")
    print(f"BASIL dev: {len(records)} articles, {phrases} lexical-bias phrases outside quotes "
          f"({figures['gold_tokens']} tokens); {what} but {', '.join(sorted(EPISTEMIC))}: "
          f"{figures['predicted_tokens']} tokens ({every['predicted_tokens']} with them)")
    rows = (("token", figures["strict"]), ("ignoring quoted lexical", figures["ignoring_quoted"]),
            ("with epistemic words", every["strict"]))
    for label, (p, r, f) in rows:
        print(f"  {label:<24} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    for year in sorted({r.year for r in records}):
        part = [(r, x) for r, x in zip(records, results) if r.year == year]
        figure = evaluate([r for r, _ in part], [x for _, x in part], args.descriptors,
                          EPISTEMIC)
        p, r, f = figure["strict"]
        phrases = sum(1 for rec, _ in part for _, _, quoted in rec.lexical if not quoted)
        print(f"  {year} ({phrases:>3} phrases)       precision {p:.3f}  recall {r:.3f}  "
              f"F1 {f:.3f}")
    if args.years:
        years = set(args.years.split(","))
        kept = [(r, x) for r, x in zip(records, results) if r.year in years]
        records, results = [r for r, _ in kept], [x for _, x in kept]
        every = evaluate(records, results, args.descriptors)
        print(f"  read below: {', '.join(sorted(years))} only ({len(records)} articles)")
    print("  per category: found, of which inside a gold phrase")
    for category, counts in sorted(every["per_category"].items(),
                                   key=lambda item: -item[1]["found"]):
        print(f"    {category:<22} {counts['found']:>5} {counts['hit']:>5}")
    print("  most frequent false positives:")
    for text, count in every["false_positives"].most_common(args.false_positives):
        print(f"    {count:>4}  {text}")
    if args.false_negatives:
        _print_missed(records, results)
    held, total = lexicon_coverage(records)
    print(f"  gold phrases holding a lexicon word: {held} of {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
