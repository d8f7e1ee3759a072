"""Quote and reported-speech extraction on the PolNeAR dev split: content spans and speakers.

PolNeAR (Newell, Margolin and Ruths 2018) annotates attributions in US political news of 2016:
brat standoff files with ``Source`` (speaker), ``Cue`` and ``Content`` spans tied into one
attribution by ``E`` lines. Several annotators' files may exist for one text: the first in
sorted file-name order is used, the others are ignored. Gold attributions without a content
span are skipped. Each text runs through the project's pipeline (``annotate.nlp.pipeline``),
``entity_mentions`` and ``quote_annotations``.

Figures, for direct quotes (gold content starting or ending with a quotation mark; predictions
picked by the same test) and for all attributions:
- exact-span precision/recall/F1 of content: a prediction counts when its content spans equal a
  gold attribution's, both trimmed of spaces, punctuation and quotation marks at the edges of
  each span (one-to-one);
- token-overlap precision/recall/F1 of content: predictions and gold attributions are matched
  one to one, greedily by the number of shared word tokens; precision = shared tokens of the
  matched pairs / all predicted tokens, recall = the same / all gold tokens;
- speaker accuracy: of the matched gold attributions that have a Source span, the share whose
  predicted speaker span overlaps it.

Usage: .venv/bin/python benchmarks/eval_quotes.py [--eval-dir ../shared/eval] [--errors N]
Skips with a message when the evaluation data is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
QUOTE_MARKS = "\"“”‘’'«»"
_WORD = re.compile(r"\w+")
_EDGE = " \t\n.,;:!?—–-" + QUOTE_MARKS

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Gold:
    content: Spans
    source: Spans


@dataclass(frozen=True)
class Predicted:
    content: Spans
    speaker: tuple[int, int] | None


def annotation_files(eval_dir: Path) -> dict[str, Path]:
    """Text name -> the first annotator's file for it, in sorted order."""
    chosen: dict[str, Path] = {}
    for path in sorted((eval_dir / "polnear-dev" / "attributions").glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, path)
    return chosen


def read_gold(path: Path) -> list[Gold]:
    """The attributions of one brat file that have content."""
    spans: dict[str, tuple[str, Spans]] = {}
    relations: list[dict[str, list[str]]] = []
    for line in path.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            parts = tuple(tuple(int(x) for x in p.split()) for p in offsets.split(";"))
            spans[fields[0]] = (label, parts)
        elif line.startswith("E") and len(fields) >= 2:
            roles: dict[str, list[str]] = {}
            for item in fields[1].split():
                role, _, target = item.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(target)
            relations.append(roles)
    golds = []
    for roles in relations:
        content = tuple(sorted(p for t in roles.get("Content", []) if t in spans
                               for p in spans[t][1]))
        source = tuple(p for t in roles.get("Source", []) if t in spans for p in spans[t][1])
        if content:
            golds.append(Gold(content, source))
    return golds


def predict(texts: list[str]) -> list[list[Predicted]]:
    from crossbearing.annotate.entities import entity_mentions
    from crossbearing.annotate.nlp import pipeline
    from crossbearing.annotate.quotes import quote_annotations

    results = []
    for index, doc in enumerate(pipeline().pipe(texts, batch_size=16)):
        article_id = f"polnear{index:03d}"
        quotes = quote_annotations(doc, article_id, entity_mentions(doc, article_id))
        results.append([Predicted(q.content, q.speaker) for q in quotes])
    return results


def tokens(text: str, spans: Spans) -> frozenset[int]:
    return frozenset(m.start() for s, e in spans for m in _WORD.finditer(text, s, e))


def is_direct(text: str, spans: Spans) -> bool:
    body = " ".join(text[s:e] for s, e in spans).strip().rstrip(".,;: ")
    return bool(body) and (body[0] in QUOTE_MARKS or body[-1] in QUOTE_MARKS)


def exact_key(text: str, spans: Spans) -> tuple[str, ...]:
    return tuple(text[s:e].strip(_EDGE) for s, e in sorted(spans) if text[s:e].strip(_EDGE))


def match(text: str, predicted: list, gold: list) -> list[tuple[int, int, int]]:
    """Greedy one-to-one matching by shared tokens: ``(predicted index, gold index, shared)``."""
    pred_tokens = [tokens(text, p.content) for p in predicted]
    gold_tokens = [tokens(text, g.content) for g in gold]
    pairs = sorted(((len(pt & gt), i, j) for i, pt in enumerate(pred_tokens)
                    for j, gt in enumerate(gold_tokens) if pt & gt), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for shared, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j, shared))
    return matched


class Tally:
    """Counts summed over texts for one subset (direct quotes, or all)."""

    def __init__(self) -> None:
        self.pred = self.gold = self.exact = 0
        self.pred_tokens = self.gold_tokens = self.shared = 0
        self.with_source = self.speaker_hits = 0

    def add(self, text: str, predicted: list[Predicted], gold: list[Gold]) -> list:
        self.pred += len(predicted)
        self.gold += len(gold)
        keys = [exact_key(text, g.content) for g in gold]
        for p in predicted:
            key = exact_key(text, p.content)
            if key in keys:
                keys.remove(key)
                self.exact += 1
        self.pred_tokens += sum(len(tokens(text, p.content)) for p in predicted)
        self.gold_tokens += sum(len(tokens(text, g.content)) for g in gold)
        matched = match(text, predicted, gold)
        for i, j, shared in matched:
            self.shared += shared
            if gold[j].source:
                self.with_source += 1
                speaker = predicted[i].speaker
                self.speaker_hits += bool(speaker and any(
                    speaker[0] < e and s < speaker[1] for s, e in gold[j].source))
        return matched

    def figures(self) -> dict[str, float]:
        def prf(hits_p, total_p, hits_r, total_r):
            p = hits_p / total_p if total_p else 0.0
            r = hits_r / total_r if total_r else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        exact = prf(self.exact, self.pred, self.exact, self.gold)
        overlap = prf(self.shared, self.pred_tokens, self.shared, self.gold_tokens)
        speaker = self.speaker_hits / self.with_source if self.with_source else 0.0
        return {"exact": exact, "overlap": overlap, "speaker": speaker,
                "speaker_counts": (self.speaker_hits, self.with_source)}


def evaluate(eval_dir: Path, errors: int = 0) -> tuple[dict, dict, dict]:
    files = annotation_files(eval_dir)
    names = sorted(files)
    texts = [(eval_dir / "polnear-dev" / "text" / f"{n}.txt").read_text("utf-8") for n in names]
    predictions = predict(texts)
    direct, every = Tally(), Tally()
    for name, text, predicted in zip(names, texts, predictions):
        gold = read_gold(files[name])
        every.add(text, predicted, gold)
        direct.add(text, [p for p in predicted if is_direct(text, p.content)],
                   [g for g in gold if is_direct(text, g.content)])
        if errors:
            _show_errors(name, text, predicted, gold, errors)
    counts = {"texts": len(names), "gold": every.gold, "gold_direct": direct.gold,
              "pred": every.pred, "pred_direct": direct.pred}
    return counts, direct.figures(), every.figures()


def _show_errors(name: str, text: str, predicted: list[Predicted], gold: list[Gold],
                 limit: int) -> None:
    """Print up to ``limit`` unmatched gold and predicted contents of one text (for study)."""
    matched = match(text, predicted, gold)
    missed = [g for j, g in enumerate(gold) if j not in {m[1] for m in matched}]
    extra = [p for i, p in enumerate(predicted) if i not in {m[0] for m in matched}]
    show = lambda spans: " | ".join(text[s:e] for s, e in spans).replace("\n", " ")  # noqa: E731
    for g in missed[:limit]:
        print(f"{name} MISSED: {show(g.content)[:160]!r}  <- {show(g.source)!r}")
    for p in extra[:limit]:
        print(f"{name} EXTRA:  {show(p.content)[:160]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--errors", type=int, default=0,
                        help="print up to N missed and N extra attributions per text")
    args = parser.parse_args()
    if not (args.eval_dir / "polnear-dev" / "attributions").is_dir():
        print(f"skipped: no PolNeAR dev split under {args.eval_dir}")
        return 0
    counts, direct, every = evaluate(args.eval_dir, args.errors)
    print(f"PolNeAR dev: {counts['texts']} texts (first annotator file of each), "
          f"{counts['gold']} gold attributions ({counts['gold_direct']} direct quotes), "
          f"{counts['pred']} predicted ({counts['pred_direct']} direct)")
    print(f"{'':28}{'precision':>10}{'recall':>8}{'F1':>8}")
    for label, figures in (("direct quotes", direct), ("all attributions", every)):
        for measure in ("exact", "overlap"):
            p, r, f = figures[measure]
            name = f"{label}, {'exact span' if measure == 'exact' else 'token overlap'}"
            print(f"{name:28}{p:10.3f}{r:8.3f}{f:8.3f}")
    for label, figures in (("direct quotes", direct), ("all attributions", every)):
        hits, total = figures["speaker_counts"]
        print(f"speaker accuracy, {label}: {figures['speaker']:.3f} "
              f"({hits} of {total} matched gold attributions with a source)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
