"""Numeric claims compared across a story's articles: the same counted thing grouped, and each
group labelled ``agree``, ``differ`` or ``single-source``.

**What is counted.** A fact's counted phrase ("attacks on US forces", "other Kata'ib Hezbollah
officials", "Iraqis killed") is read into:

- the *thing*: the singular of the phrase's head noun (the last word before a complement such as
  "on", "against", "of", "among" or a participle like "targeting"), mapped through
  :data:`SYNONYMS` so that troops, soldiers, personnel, service members and forces are one thing;
- the *toll*: the participle the numbers layer adds ("killed", "wounded"), or the head itself
  when it is a toll word ("16 dead", "16 deaths"), normalised through :data:`TOLLS` (killed, dead,
  deaths and died are ``killed``; wounded, injured and hurt are ``wounded``). A head that is only a
  toll word counts people;
- the *unit* (:func:`numbers.unit_of`): a percentage or money never groups with a count;
- the *target*: the thing of the complement ("US forces" in "attacks on US forces");
- the *qualifiers*: capitalised words before the head ("US", "Iraqi"), read through
  :data:`DEMONYMS`.

Facts with the same unit, thing and toll are one candidate bucket. Strikes join the attacks of the
story only where the text supports it: a strike phrase with a target joins when an attack phrase
of the story names the same target ("strikes on US bases", "attacks on US bases"). Inside a
bucket, a fact joins the first group all of whose members it is compatible with: qualifiers,
targets and place scopes do not contradict (either side silent, or they share something), so
"2,500 troops in Iraq" and "900 troops in Syria" are two groups.

**Labels.** ``single-source`` when all members come from one independent source (one source
family of :mod:`crossbearing.sources`: an outlet with its reprints and copies, or an article
whose outlet is unknown); ``agree`` when every member writes the same value (hedges may differ:
"2,500" and "approximately 2,500"); else ``differ``, of kind ``time_scope`` when the members' time
scopes cannot be the same period (:mod:`compare.scopes`), ``hedge`` when the values differ but
the intervals the hedges allow (:func:`numbers.interval`) share a value ("over 160" and "over
165"), and ``conflict`` when no value satisfies them all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from crossbearing.annotate.numbers import interval, unit_of
from crossbearing.compare.scopes import (
    TimeScope,
    place_names,
    places_compatible,
    times_compatible,
)
from crossbearing.compare.words import singular
from crossbearing.ids import stable_id
from crossbearing.model import NumericFact
from crossbearing.model_comparison import ClaimGroup, ClaimMember

#: Singular head nouns that count the same thing, and the name of the thing.
SYNONYMS = {"troop": "troops", "soldier": "troops", "personnel": "troops", "force": "troops",
            "serviceman": "troops", "servicemen": "troops", "servicewoman": "troops",
            "service member": "troops", "service personnel": "troops",
            "attack": "attacks", "assault": "attacks",
            "strike": "strikes", "airstrike": "strikes", "air strike": "strikes",
            "person": "people", "individual": "people", "civilian": "civilians"}
#: Toll words and participles, normalised: what a toll says happened to those counted.
TOLLS = {"killed": "killed", "dead": "killed", "death": "killed", "deaths": "killed",
         "died": "killed", "slain": "killed", "martyred": "killed", "lives": "killed",
         "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "injuries": "wounded",
         "missing": "missing", "displaced": "displaced", "arrested": "detained",
         "detained": "detained", "captured": "detained", "kidnapped": "abducted",
         "abducted": "abducted", "executed": "executed", "evacuated": "evacuated"}
#: Ways of writing one country as a qualifier ("US troops", "American troops").
DEMONYMS = {"american": "us", "u.s.": "us", "u.s": "us", "usa": "us", "britain": "uk",
            "british": "uk", "iraq": "iraqi", "iran": "iranian", "israel": "israeli",
            "syria": "syrian"}
#: Words that end the head noun's phrase and open its complement.
COMPLEMENT_WORDS = frozenset({"on", "against", "of", "among", "in", "at", "from", "by", "for",
                              "to"})
#: Things a strike may join when the text names the same target.
STRIKES_JOIN = {"strikes": "attacks"}
_TOKEN = re.compile(r"[\w’'.-]+")


@dataclass(frozen=True)
class Counted:
    """What a fact counts, read from its counted phrase (see the module docstring)."""

    unit: str | None
    thing: str
    toll: str | None
    target: str | None
    qualifiers: frozenset[str]


@dataclass(frozen=True)
class ClaimRecord:
    """A numeric fact with what comparing it needs: its article's outlet and its time scope (the
    time layer's value for it where known)."""

    fact: NumericFact
    outlet: str | None = None
    scope: TimeScope | None = None
    #: The report's source family (:mod:`crossbearing.sources`); None: its outlet decides.
    family: str | None = None

    @property
    def source(self) -> str:
        """Who vouches for it: its source family, else the outlet, else the article (unknown
        outlets count one each)."""
        return self.family or self.outlet or f"article:{self.fact.article_id}"


def counted_of(fact: NumericFact) -> Counted | None:
    """What ``fact`` counts, or None when the numbers layer found no counted phrase."""
    if not fact.counted:
        return None
    phrase, toll = fact.counted, None
    if fact.counted_span is not None:
        length = fact.counted_span[1] - fact.counted_span[0]
        if len(phrase) > length and phrase[length:].strip().lower() in TOLLS:
            phrase, toll = phrase[:length], TOLLS[phrase[length:].strip().lower()]
    tokens = _TOKEN.findall(phrase)
    if not tokens:
        return None
    cut = _complement_index(tokens)
    head, rest = tokens[:cut] or tokens[:1], tokens[cut + 1:]
    thing = _thing(head)
    if head[-1].lower() in TOLLS:  # "16 dead", "the deaths": the dead are people
        toll, thing = toll or TOLLS[head[-1].lower()], "people"
    target = _thing(rest) if rest else None
    return Counted(unit_of(fact), thing, toll, target, _qualifiers(head[:-1]))


def _complement_index(tokens: list[str]) -> int:
    """Where the head noun's phrase ends: the first complement word or participle after it."""
    for i, token in enumerate(tokens[1:], start=1):
        if token.lower() in COMPLEMENT_WORDS or token.lower().endswith("ing"):
            return i
    return len(tokens)


def _thing(tokens: list[str]) -> str:
    """The thing a noun phrase names: its head's singular, through the synonym table."""
    last = singular(tokens[-1].strip("’'.-"))
    pair = f"{tokens[-2].lower()} {last}" if len(tokens) > 1 else ""
    return SYNONYMS.get(pair) or SYNONYMS.get(last, last)


def _qualifiers(tokens: list[str]) -> frozenset[str]:
    found = (t.lower().strip("’'") for t in tokens if t[:1].isupper())
    return frozenset(DEMONYMS.get(t, t) for t in found if t not in ("the", "other"))


def group_claims(story_id: str, records: Iterable[ClaimRecord]) -> list[ClaimGroup]:
    """The claim groups of one story, from its facts: every fact with a counted thing is in
    exactly one group. Deterministic: the result does not depend on the records' order."""
    items = sorted(((r, c) for r in records if (c := counted_of(r.fact)) is not None),
                   key=lambda rc: (rc[0].fact.article_id, rc[0].fact.start, rc[0].fact.end))
    items = _join_strikes(items)
    buckets: dict[tuple, list[list[tuple[ClaimRecord, Counted]]]] = {}
    for record, counted in items:
        groups = buckets.setdefault((counted.unit, counted.thing, counted.toll), [])
        home = next((g for g in groups if all(_compatible(record, counted, *m) for m in g)), None)
        if home is None:
            groups.append([(record, counted)])
        else:
            home.append((record, counted))
    return sorted((_group(story_id, key, [r for r, _ in members])
                   for key, groups in buckets.items() for members in groups),
                  key=lambda g: (g.thing, g.toll or "", g.group_id))


def _join_strikes(items: list[tuple[ClaimRecord, Counted]]) -> list[tuple[ClaimRecord, Counted]]:
    """Strikes that name the target some attacks of the story name count as those attacks."""
    targets = {(c.unit, c.thing, c.toll, c.target) for _, c in items if c.target}
    joined = []
    for record, c in items:
        other = STRIKES_JOIN.get(c.thing)
        if other and c.target and (c.unit, other, c.toll, c.target) in targets:
            c = Counted(c.unit, other, c.toll, c.target, c.qualifiers)
        joined.append((record, c))
    return joined


def _compatible(record: ClaimRecord, counted: Counted, other: ClaimRecord, o: Counted) -> bool:
    """Whether two facts of one bucket can count the same thing."""
    return (_agree_or_silent(counted.qualifiers, o.qualifiers)
            and (counted.target is None or o.target is None or counted.target == o.target)
            and places_compatible(place_names(record.fact.place_scope),
                                  place_names(other.fact.place_scope)))


def _agree_or_silent(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def _group(story_id: str, key: tuple, records: list[ClaimRecord]) -> ClaimGroup:
    unit, thing, toll = key
    status, kind = label(records)
    facts = [r.fact for r in records]
    members = tuple(ClaimMember(r.fact, r.outlet) for r in records)
    group_id = "claims-" + stable_id(story_id, unit, thing, toll,
                                     *sorted(f"{f.article_id}:{f.start}:{f.end}" for f in facts))
    return ClaimGroup(group_id, story_id, thing, toll, unit, status, kind,
                      sources=len({r.source for r in records}), members=members,
                      low=min(f.low for f in facts), high=max(f.high for f in facts))


def label(records: Sequence[ClaimRecord]) -> tuple[str, str | None]:
    """``(status, kind)`` of a group of facts about one thing (see the module docstring)."""
    if len({r.source for r in records}) < 2:
        return "single-source", None
    if len({(r.fact.low, r.fact.high) for r in records}) == 1:
        return "agree", None
    if not all(times_compatible(a.scope, b.scope) for a, b in combinations(records, 2)):
        return "differ", "time_scope"
    bounds = [interval(r.fact) for r in records]
    low, high = max(b[0] for b in bounds), min(b[1] for b in bounds)
    return "differ", "hedge" if low <= high or math.isclose(low, high) else "conflict"
