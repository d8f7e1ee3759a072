"""Quotes aligned across the articles of a story: who carries the same statement, in the same
words or not, and whether they give it to the same speaker.

Two quotes of different articles are linked by the strongest relation that holds:

- ``same``: the same words once quote marks, case, punctuation and acronym dots are normalised
  (:func:`compare.words.words`);
- ``partial``: one quote's words are contained in the other's (at least
  :data:`MIN_CONTAINED_WORDS` of them), or the two share a run of at least :data:`MIN_RUN_WORDS`
  words in a row: the same quoted words inside different reported speech ("it had killed the
  'commander responsible for ...'" and "that the targeted commander was 'responsible for ...'");
- ``paraphrase``: the same statement in other words (another translation): the two are given to
  the same *resolved* speaker (the same knowledge-base actor, else the same resolved name; a mere
  description such as "US officials" is not enough), share at least :data:`MIN_SHARED_STEMS`
  content-word stems, and the shared stems make up at least :data:`PARAPHRASE_OVERLAP` of the
  smaller quote's content stems (containment rather than Jaccard, because one outlet often quotes
  a part of what another quotes in full); rapidfuzz's token-set similarity over the stems must
  also reach :data:`PARAPHRASE_TOKEN_SET` so that a long quote does not swallow a short one on a
  few common words.

Groups are built in three steps: quotes connected by same and partial links form the groups;
a quote left over joins the group it paraphrases best (the share of shared stems decides), so one
statement quoted word for word by some outlets and paraphrased by another is one group, while two
statements that a third outlet paraphrases together stay apart; the quotes still left group by
their paraphrase links. A group's label is ``same`` when all its members have the same words,
``partial`` when same and partial links alone connect it, else ``paraphrase``; each member keeps
the strongest relation it has to another member. Its speaker comparison is ``same`` (one speaker, by actor or resolved name, else
by the words naming it), ``differs``, or ``unattributed in some`` when some member has no speaker.

Only pairs of quotes that share a run of :data:`MIN_CONTAINED_WORDS` words (quotes shorter than
that: the same words), or a resolved speaker and :data:`MIN_SHARED_STEMS` stems, are compared:
no other pair can be linked. Two share a run of :data:`MIN_RUN_WORDS` words exactly when the
sets of their runs of that length meet, so no alignment is computed. The links are indexed by
quote, so assembling the groups stays near linear in the links of a story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from crossbearing.compare.words import content_stems, words
from crossbearing.ids import normalise_text, stable_id
from crossbearing.model_comparison import QuoteGroup, QuoteMember

#: Fewest words of a quote contained in another for the two to be a partial match.
MIN_CONTAINED_WORDS = 6
#: Fewest words in a row two quotes must share for a partial match.
MIN_RUN_WORDS = 8
#: Fewest content-word stems two quotes of one speaker share to be paraphrases ...
MIN_SHARED_STEMS = 4
#: ... the share of the smaller quote's content stems they make up ...
PARAPHRASE_OVERLAP = 0.5
#: ... and rapidfuzz's token-set similarity (0-100) of the two stem sets.
PARAPHRASE_TOKEN_SET = 60
#: Relations from strongest to weakest.
RELATIONS = ("same", "partial", "paraphrase")
_RANKS = {relation: rank for rank, relation in enumerate(RELATIONS)}


@dataclass(frozen=True)
class QuoteRecord:
    """A quote with what aligning it needs: its text (parts joined by " … "), article and outlet,
    and the speaker as the article gives it."""

    quote_id: str
    article_id: str
    outlet: str | None
    spans: tuple[tuple[int, int], ...]
    text: str
    kind: str
    speaker_text: str | None = None
    speaker_actor: str | None = None
    speaker_canonical: str | None = None
    descriptor: str | None = None
    #: The report's source family (:mod:`crossbearing.sources`); None: its outlet decides.
    family: str | None = None

    @property
    def source(self) -> str:
        """Who vouches for it: its source family, else its outlet, else the article."""
        return self.family or self.outlet or f"article:{self.article_id}"

    @property
    def resolved_speaker(self) -> str | None:
        """The speaker's identity when the text resolves it: actor id, else resolved name."""
        if self.speaker_actor:
            return f"actor:{self.speaker_actor}"
        return f"name:{normalise_text(self.speaker_canonical)}" if self.speaker_canonical else None

    @property
    def speaker_key(self) -> str | None:
        """The speaker as far as it is known: resolved, else the words naming it."""
        named = self.descriptor or self.speaker_text
        return self.resolved_speaker or (f"words:{normalise_text(named)}" if named else None)


@dataclass(frozen=True)
class _Prepared:
    record: QuoteRecord
    words: tuple[str, ...]
    joined: str                # the words, space-separated, with a space before and after
    stems: frozenset[str]
    runs: frozenset[tuple[str, ...]]   # its runs of MIN_RUN_WORDS words
    speaker: str | None        # record.resolved_speaker
    stem_text: str             # the stems sorted, space-separated


def quote_id(article_id: str, start: int, end: int) -> str:
    """The id of a stored quote (quotes are keyed by article and extent)."""
    return "quote-" + stable_id(article_id, start, end)


def relation(a: QuoteRecord, b: QuoteRecord) -> str | None:
    """The strongest relation between two quotes, or None (see the module docstring)."""
    return _relation(_prepare(a), _prepare(b))


def group_quotes(story_id: str, records: Iterable[QuoteRecord]) -> list[QuoteGroup]:
    """The quote groups of one story; quotes linked to no quote of another article are left out.
    Deterministic: the result does not depend on the records' order."""
    texts: dict[str, tuple] = {}  # wire copies repeat a quote's text across many reports
    prepared = sorted((_prepare(r, texts) for r in records),
                      key=lambda p: (p.record.article_id, p.record.spans))
    prepared = [p for p in prepared if p.words]
    links = _links(prepared)
    components = _assemble(len(prepared), links, prepared)
    # a group of quotes in one set of words needs no links: each member is the same as another
    mixed = [len({prepared[i].words for i in component}) > 1 for component in components]
    inside = iter(_links_inside([c for c, m in zip(components, mixed) if m], links))
    groups = [_group(story_id, [prepared[i] for i in component], component,
                     next(inside) if words_differ else None)
              for component, words_differ in zip(components, mixed)]
    return sorted(groups, key=lambda g: (-len(g.members), g.group_id))


def _links_inside(components: list[list[int]],
                  links: dict[tuple[int, int], str]) -> list[dict[tuple[int, int], str]]:
    """The links between members of each component (a quote may be in two components: one it
    joined by paraphrase, one of its own paraphrase links)."""
    where: dict[int, list[int]] = defaultdict(list)
    for n, component in enumerate(components):
        for i in component:
            where[i].append(n)
    inside: list[dict[tuple[int, int], str]] = [{} for _ in components]
    for (i, j), rel in links.items():
        for n in where.get(i, ()):
            if n in where.get(j, ()):
                inside[n][(i, j)] = rel
    return inside


def _assemble(size: int, links: dict[tuple[int, int], str],
              prepared: list[_Prepared]) -> list[list[int]]:
    """Groups as lists of indices: quotes connected by same and partial links first; a quote
    left over joins the group it paraphrases best (one statement quoted word for word by some
    outlets and paraphrased by another); quotes still left group by their paraphrase links."""
    solid = _components(size, links, ("same", "partial"))
    home = {i: n for n, component in enumerate(solid) for i in component}
    # a quote left over -> (pair, other end) of each of its links
    near: dict[int, list[tuple[tuple[int, int], int]]] = defaultdict(list)
    for pair in links:
        if pair[0] not in home:
            near[pair[0]].append((pair, pair[1]))
        if pair[1] not in home:
            near[pair[1]].append((pair, pair[0]))
    loose: dict[tuple[int, int], str] = {}
    for i in range(size):
        if i in home:
            continue
        scores = [(_overlap(prepared[i], prepared[j]), -home[j]) for _, j in near[i] if j in home]
        if scores:
            solid[-max(scores)[1]].append(i)
        else:
            loose.update({pair: links[pair] for pair, j in near[i] if j not in home})
    joined = solid + _components(size, loose)
    return [sorted(component) for component in joined]


def _overlap(a: _Prepared, b: _Prepared) -> float:
    """The share of the smaller quote's content stems that the other has too."""
    return len(a.stems & b.stems) / max(1, min(len(a.stems), len(b.stems)))


def _prepare(record: QuoteRecord, texts: dict[str, tuple] | None = None) -> _Prepared:
    """What aligning a quote needs; ``texts`` keeps what was computed from each text (the same
    words of a wire copy are split and stemmed once)."""
    known = texts.get(record.text) if texts is not None else None
    if known is None:
        found = tuple(words(record.text))
        stems = content_stems(record.text)
        n = MIN_RUN_WORDS
        runs = frozenset(found[k:k + n] for k in range(len(found) - n + 1))
        known = (found, f" {' '.join(found)} ", stems, runs, " ".join(sorted(stems)))
        if texts is not None:
            texts[record.text] = known
    found, joined, stems, runs, stem_text = known
    return _Prepared(record, found, joined, stems, runs, record.resolved_speaker, stem_text)


def _links(prepared: list[_Prepared]) -> dict[tuple[int, int], str]:
    """The relation of every related pair (i < j) of quotes of different articles.

    Whether two quotes may be related, and how, depends only on their words and resolved
    speaker: quotes alike in both (a wire copy's quote in each report that runs it) are one
    *kind*, and each pair of kinds is tested and compared once for all their quotes."""
    kinds: dict[tuple, list[int]] = {}
    for i, p in enumerate(prepared):
        kinds.setdefault((p.words, p.speaker), []).append(i)
    members = list(kinds.values())
    article = [p.record.article_id for p in prepared]
    links: dict[tuple[int, int], str] = {}
    for a, b in sorted(_candidate_kinds([prepared[m[0]] for m in members])
                       | {(k, k) for k in range(len(members))}):
        # the relation of a pair whose first quote (by index) is of kind a (True), or of b
        relations: dict[bool, str | None] = {}
        for i in members[a]:
            for j in members[b]:
                if i == j or (a == b and i > j) or article[i] == article[j]:
                    continue
                forward = i < j
                if forward not in relations:  # computed once for all the pairs of the kinds
                    relations[forward] = (_relation(prepared[i], prepared[j]) if forward
                                          else _relation(prepared[j], prepared[i]))
                found = relations[forward]
                if found is not None:
                    links[(i, j) if forward else (j, i)] = found
    return links


def _candidate_kinds(kinds: list[_Prepared]) -> set[tuple[int, int]]:
    """Pairs (a < b) of kinds of quotes (one quote of each given) that may be related: they
    share a run of MIN_CONTAINED_WORDS words or are as short as that (every same or partial pair
    does), or have the same resolved speaker and MIN_SHARED_STEMS stems in common (what a
    paraphrase needs)."""
    by_key: dict[object, list[int]] = defaultdict(list)
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(kinds):
        n = MIN_CONTAINED_WORDS
        keys: set = {p.words[k:k + n] for k in range(len(p.words) - n + 1)} or {p.joined}
        if p.speaker:
            by_speaker[p.speaker].append(i)
        for key in keys:
            by_key[key].append(i)
    pairs = set()
    for found in by_key.values():
        pairs.update(combinations(found, 2))
    for found in by_speaker.values():
        pairs.update((i, j) for i, j in combinations(found, 2)
                     if len(kinds[i].stems & kinds[j].stems) >= MIN_SHARED_STEMS)
    return pairs


def _relation(a: _Prepared, b: _Prepared) -> str | None:
    if a.words == b.words:
        return "same"
    short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if len(short.words) >= MIN_CONTAINED_WORDS and short.joined in long_.joined:
        return "partial"
    # The longest run of words in common is at least MIN_RUN_WORDS long exactly when the two
    # share a run of that length.
    if not a.runs.isdisjoint(b.runs):
        return "partial"
    return "paraphrase" if _paraphrase(a, b) else None


def _paraphrase(a: _Prepared, b: _Prepared) -> bool:
    speaker = a.speaker
    if speaker is None or speaker != b.speaker:
        return False
    if len(a.stems & b.stems) < MIN_SHARED_STEMS or _overlap(a, b) < PARAPHRASE_OVERLAP:
        return False
    return fuzz.token_set_ratio(a.stem_text, b.stem_text) >= PARAPHRASE_TOKEN_SET


def _components(size: int, links: dict[tuple[int, int], str],
                allowed: tuple[str, ...] = RELATIONS) -> list[list[int]]:
    """Connected components (of two or more) of the links of the allowed relations."""
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), rel in links.items():  # the components do not depend on the order
        if rel in allowed:
            parent[root(i)] = root(j)
    found: dict[int, list[int]] = defaultdict(list)
    for i in range(size):
        found[root(i)].append(i)
    return sorted((c for c in found.values() if len(c) > 1), key=lambda c: c[0])


def _connected(component: list[int], links: dict[tuple[int, int], str],
               allowed: tuple[str, ...]) -> bool:
    """Whether the links of the allowed relations (between quotes of ``component``) connect
    all its quotes: the component is one of :func:`_components` of those links."""
    parent = {i: i for i in component}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), rel in links.items():
        if rel in allowed:
            parent[root(i)] = root(j)
    return len({root(i) for i in component}) == 1


def _strongest(links: dict[tuple[int, int], str]) -> dict[int, int]:
    """Each linked quote's strongest relation (its rank in ``RELATIONS``)."""
    best: dict[int, int] = {}
    for (i, j), rel in links.items():
        rank = _RANKS[rel]
        if rank < best.get(i, len(RELATIONS)):
            best[i] = rank
        if rank < best.get(j, len(RELATIONS)):
            best[j] = rank
    return best


def _group(story_id: str, members: list[_Prepared], component: list[int],
           inside: dict[tuple[int, int], str] | None) -> QuoteGroup:
    """The group of the quotes ``component`` (indices; ``members`` the quotes), ``inside`` the
    links between them; None where all have the same words (every member is then the same as
    another: the link that put it in the group)."""
    if inside is None:
        label, best = "same", dict.fromkeys(component, _RANKS["same"])
    else:
        label = "partial" if _connected(component, inside, ("same", "partial")) else "paraphrase"
        best = _strongest(inside)
    records = [m.record for m in members]
    group_id = "quotes-" + stable_id(story_id, *sorted(r.quote_id for r in records))
    sources = len({r.source for r in records})
    return QuoteGroup(group_id, story_id, label, speaker_comparison(records), sources,
                      tuple(quote_member(m.record, RELATIONS[best[i]])
                            for m, i in zip(members, component)))


def quote_member(r: QuoteRecord, relation: str) -> QuoteMember:
    """The group member of a quote that has ``relation`` to another member."""
    return QuoteMember(r.quote_id, r.article_id, min(s for s, _ in r.spans),
                       max(e for _, e in r.spans), r.spans, r.outlet, r.text, r.kind, relation,
                       r.speaker_text, r.speaker_actor, r.speaker_canonical, r.descriptor)


def speaker_comparison(records: Iterable[QuoteRecord]) -> str:
    """``same``, ``differs`` or ``unattributed in some`` for the speakers of a group."""
    keys = [r.speaker_key for r in records]
    if any(k is None for k in keys):
        return "unattributed in some"
    return "same" if len(set(keys)) == 1 else "differs"
