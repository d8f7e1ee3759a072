"""The framing lexicon: loaded words for acts and actors ("assassinated", "martyr", "regime",
"occupation", "Zionist entity"), read from ``data/framing_lexicon.toml`` and matched on the lemmas
of a parsed text, so one form covers its inflections.

The file documents its own format; docs/framing.md explains the categories and tags. Matching is a
single pass over the tokens with a dictionary lookup per token, so it costs next to nothing beside
the parse.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

#: Categories an entry may have: a word for what was done, or for who did it.
CATEGORIES = frozenset({"act", "actor"})
#: Tags an entry may have (docs/framing.md says what each means).
TAGS = frozenset({"delegitimising", "legitimising", "violence-emphasis", "minimising"})
#: In a form, stands for up to ``GAP`` other words.
GAP_MARK = "..."
GAP = 3


@dataclass(frozen=True)
class LexiconEntry:
    """One loaded word: its headword, category, tag and neutral counterpart."""

    term: str
    category: str
    tag: str
    neutral: str | None
    note: str | None


@dataclass(frozen=True)
class Match:
    """A lexicon form found in a text: tokens ``first`` to ``last`` (inclusive)."""

    entry: LexiconEntry
    first: int
    last: int


class Lexicon:
    """Entries indexed by the first lemma of each of their forms."""

    def __init__(self, entries: list[tuple[LexiconEntry, list[tuple[str, ...]]]], version: str):
        self.version = version
        self.entries = [entry for entry, _ in entries]
        self._by_first: dict[str, list[tuple[LexiconEntry, tuple[str, ...]]]] = {}
        for entry, forms in entries:
            for form in forms:
                self._by_first.setdefault(form[0], []).append((entry, form))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -len(c[1]))  # longest form first

    @classmethod
    def from_toml(cls, text: str) -> "Lexicon":
        """Parse and check a lexicon file; ``ValueError`` names the first bad entry."""
        data = tomllib.loads(text)
        entries = [_entry(raw, index) for index, raw in enumerate(data.get("entry", []))]
        version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
        return cls(entries, version)

    def find(self, doc: Doc) -> list[Match]:
        """Every non-overlapping match in ``doc``, in text order; the longest form wins."""
        matches: list[Match] = []
        covered_to = -1
        for token in doc:
            if token.i <= covered_to:
                continue
            candidates = self._by_first.get(token.lemma_.lower()) or self._by_first.get(token.lower_)
            if not candidates:
                continue
            for entry, form in candidates:
                last = _match_rest(doc, token.i, form)
                if last is not None:
                    matches.append(Match(entry, token.i, last))
                    covered_to = last
                    break
        return matches


def _entry(raw: dict, index: int) -> tuple[LexiconEntry, list[tuple[str, ...]]]:
    where = f"framing lexicon entry {index + 1} ({raw.get('term', '?')!r})"
    if not raw.get("term") or not raw.get("forms"):
        raise ValueError(f"{where}: needs a term and forms")
    if raw.get("category") not in CATEGORIES:
        raise ValueError(f"{where}: category must be one of {sorted(CATEGORIES)}")
    if raw.get("tag") not in TAGS:
        raise ValueError(f"{where}: tag must be one of {sorted(TAGS)}")
    forms = [tuple(form.lower().split()) for form in raw["forms"]]
    if any(not form or form[0] == GAP_MARK or form[-1] == GAP_MARK for form in forms):
        raise ValueError(f"{where}: a form cannot be empty or start or end with {GAP_MARK!r}")
    entry = LexiconEntry(raw["term"], raw["category"], raw["tag"], raw.get("neutral"),
                         raw.get("note"))
    return entry, forms


def _same(token, word: str) -> bool:
    return token.lemma_.lower() == word or token.lower_ == word


def _match_rest(doc: Doc, first: int, form: tuple[str, ...]) -> int | None:
    """The index of the last token of ``form`` matched from token ``first``, or None. Matches
    stay inside the sentence of their first token."""
    end = doc[first].sent.end
    position = first
    gap = 0
    for word in form[1:]:
        if word == GAP_MARK:
            gap = GAP
            continue
        for candidate in range(position + 1, min(position + 2 + gap, end)):
            if _same(doc[candidate], word):
                position = candidate
                break
        else:
            return None
        gap = 0
    return position


@lru_cache(maxsize=1)
def bundled_lexicon() -> Lexicon:
    """The lexicon shipped with the package, read once per process."""
    text = resources.files("crossbearing").joinpath("data/framing_lexicon.toml").read_text("utf-8")
    return Lexicon.from_toml(text)
