"""Exact and near-duplicate articles: the same wire story stored many times.

An article's text is reduced to word shingles (``k`` consecutive normalised words) and summarised by
a MinHash signature, whose agreement with another signature estimates the Jaccard similarity of
the two shingle sets. Signatures are computed once per article (fixed seed and hashing scheme, so
they are stable across runs, processes and machines) and stored as bytes by the caller; a
:class:`DuplicateIndex` rebuilt from the stored signatures answers "which stored articles does this
new one copy?" without recomputing the corpus. The module is pure: no database access.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, NamedTuple

import numpy as np

from crossbearing.ids import normalise_text

if TYPE_CHECKING:  # datasketch (and SciPy under it) loads when signatures are indexed
    from datasketch import MinHash

#: Words per shingle: long enough that shared phrases of one story do not make two different
#: stories look alike, short enough that one changed word spoils only ``k`` shingles.
SHINGLE_WORDS = 5
#: MinHash permutations: the Jaccard estimate has a standard error of about 0.035 near 0.8.
NUM_PERM = 128
#: Fixed MinHash seed and hashing scheme: changing either invalidates every stored signature.
SEED = 1
SCHEME = "affine32"
#: Stored signatures are little-endian unsigned 64-bit integers, ``num_perm`` of them.
_DTYPE = np.dtype("<u8")

# A word: letters/digits, with inner hyphens, apostrophes, dots and commas ("al-Saadi",
# "Kata'ib", "U.S", "2,500") kept inside it.
_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*")
_INNER_DROP = str.maketrans("", "", ".,")


class Token(NamedTuple):
    """A normalised word and the character span ``text[start:end]`` it was read from."""

    norm: str
    start: int
    end: int


def word_tokens(text: str) -> list[Token]:
    """The words of ``text``, normalised (NFKC, case-folded, one quote style, inner dots and
    commas dropped so "U.S." and "US", "2,500" and "2500" compare equal), with their offsets."""
    norm = _normal_word
    return [Token(norm(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=1 << 17)
def _normal_word(word: str) -> str:
    """One word as :func:`word_tokens` compares it (a language's words repeat: read once)."""
    return normalise_text(word).translate(_INNER_DROP)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The set of ``k``-word shingles of ``text`` (one shingle of all words when it is shorter)."""
    words = [t.norm for t in word_tokens(text)]
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


_TEMPLATES: dict[int, MinHash] = {}


def _template(num_perm: int) -> MinHash:
    """An empty MinHash whose permutations are reused, so they are drawn once per size."""
    if num_perm not in _TEMPLATES:
        from datasketch import MinHash

        _TEMPLATES[num_perm] = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    return _TEMPLATES[num_perm]


def _minhash(sig: np.ndarray) -> MinHash:
    """A datasketch MinHash holding the given signature (for the LSH index)."""
    from datasketch import MinHash

    template = _template(len(sig))
    return MinHash(seed=SEED, scheme=SCHEME, hashvalues=sig, permutations=template.permutations)


def signature(text: str, num_perm: int = NUM_PERM, k: int = SHINGLE_WORDS) -> np.ndarray:
    """The MinHash signature of ``text``'s shingles: ``num_perm`` unsigned 64-bit integers.

    The same text gives the same signature in every process (fixed seed, SHA-1 based hashing)."""
    m = _template(num_perm).copy()
    m.update_batch(s.encode("utf-8") for s in sorted(shingles(text, k)))
    return np.asarray(m.hashvalues, dtype=_DTYPE)


def signature_bytes(sig: np.ndarray) -> bytes:
    """A signature as bytes for storage (little-endian u64, 8 bytes per permutation)."""
    return np.asarray(sig, dtype=_DTYPE).tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    """The signature stored by :func:`signature_bytes`."""
    if len(data) % _DTYPE.itemsize:
        raise ValueError(f"signature of {len(data)} bytes is not a whole number of 64-bit values")
    return np.frombuffer(data, dtype=_DTYPE).copy()


def _as_signature(sig: np.ndarray | bytes) -> np.ndarray:
    return signature_from_bytes(sig) if isinstance(sig, (bytes, bytearray, memoryview)) \
        else np.asarray(sig, dtype=_DTYPE)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity of two shingle sets as estimated from their signatures."""
    if len(a) != len(b):
        raise ValueError("signatures of different lengths cannot be compared")
    return float(np.count_nonzero(a == b)) / len(a)


def _is_empty(sig: np.ndarray) -> bool:
    """Whether the signature is that of a text with no words (all values at their maximum):
    such texts are all alike, so they are matched only by exact hash."""
    return bool(np.all(sig == _template(len(sig)).hashvalues))


def lsh_bands(threshold: float, num_perm: int, recall: float = 0.99) -> tuple[int, int]:
    """LSH ``(bands, rows)``: the most rows per band (fewest chance candidates) for which a pair
    of Jaccard ``threshold`` collides in some band with probability at least ``recall``.

    datasketch's own choice balances misses against false candidates and misses one pair in
    seven at the threshold; here misses are what matters (for 128 permutations at 0.8: 21 bands
    of 6 rows, a pair at 0.8 is found 998 times in 1000, at 0.75 984)."""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1.0 - (1.0 - threshold ** rows) ** bands >= recall:
            return bands, rows
    return num_perm, 1


@dataclass(frozen=True)
class DuplicatePair:
    """Two articles found to be copies: ``kind`` is ``exact`` (same normalised text) or ``near``
    (estimated Jaccard of their shingles at least the threshold); ``a < b``."""

    a: str
    b: str
    kind: str
    similarity: float


class DuplicateIndex:
    """An incremental index of article signatures (MinHash LSH) and exact text hashes.

    ``threshold`` is the estimated Jaccard from which two articles are near duplicates. The LSH
    bands are chosen (:func:`lsh_bands`) so that a pair at the threshold is a candidate with
    probability 0.99 or more; every candidate is then checked against its stored signature, so
    the extra candidates cost a comparison, never a false report."""

    def __init__(self, threshold: float = 0.8, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(num_perm=num_perm, params=lsh_bands(threshold, num_perm))
        self._signatures: dict[str, np.ndarray] = {}
        self._by_sha: dict[str, list[str]] = {}
        self._sha: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._sha)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._sha

    def add(self, article_id: str, text_sha256: str, sig: np.ndarray | bytes) -> None:
        """Index one article. Adding an id again is a no-op (ids are content-derived)."""
        if article_id in self._sha:
            return
        sig = self._check(sig)
        self._sha[article_id] = text_sha256
        self._by_sha.setdefault(text_sha256, []).append(article_id)
        if not _is_empty(sig):
            self._signatures[article_id] = sig
            self._lsh.insert(article_id, _minhash(sig), check_duplication=False)

    def query(self, text_sha256: str, sig: np.ndarray | bytes) -> list[tuple[str, str, float]]:
        """Indexed articles that copy the one described: ``(article_id, kind, similarity)``, exact
        copies first (similarity 1.0), then near copies by decreasing estimated similarity."""
        sig = self._check(sig)
        exact = list(self._by_sha.get(text_sha256, ()))
        found = [(aid, "exact", 1.0) for aid in sorted(exact)]
        if _is_empty(sig):
            return found
        near = []
        for aid in set(self._lsh.query(_minhash(sig))) - set(exact):
            similarity = estimated_jaccard(sig, self._signatures[aid])
            if similarity >= self.threshold:
                near.append((aid, "near", similarity))
        near.sort(key=lambda hit: (-hit[2], hit[0]))
        return found + near

    @classmethod
    def from_signatures(cls, items: Iterable[tuple[str, str, np.ndarray | bytes]], *,
                        threshold: float = 0.8, num_perm: int = NUM_PERM) -> "DuplicateIndex":
        """An index of stored ``(article_id, text_sha256, signature)`` rows (signature as array or
        as :func:`signature_bytes`), without recomputing any text."""
        index = cls(threshold=threshold, num_perm=num_perm)
        for article_id, sha, sig in items:
            index.add(article_id, sha, sig)
        return index

    def _check(self, sig: np.ndarray | bytes) -> np.ndarray:
        sig = _as_signature(sig)
        if len(sig) != self.num_perm:
            raise ValueError(f"signature has {len(sig)} values, the index expects {self.num_perm}")
        return sig


def find_duplicates(new: Iterable[tuple[str, str, np.ndarray | bytes]],
                    index: DuplicateIndex) -> list[DuplicatePair]:
    """Duplicate pairs between new ``(article_id, text_sha256, signature)`` rows and the index,
    adding each new row to the index once queried, so copies among the new rows are found too.

    A row already in the index is not paired with itself. Each pair is reported once."""
    pairs: dict[tuple[str, str], DuplicatePair] = {}
    for article_id, sha, sig in new:
        for other, kind, similarity in index.query(sha, sig):
            if other == article_id:
                continue
            a, b = sorted((article_id, other))
            pairs.setdefault((a, b), DuplicatePair(a, b, kind, round(similarity, 4)))
        index.add(article_id, sha, sig)
    return sorted(pairs.values(), key=lambda p: (p.a, p.b))
