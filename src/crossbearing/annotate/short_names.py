"""Which person a bare name means where the article names more than one who could bear it.

A reporter who names two people of one family ("Bill Clinton ... his wife Hillary Clinton") or
two namesakes ("Gary Johnson", "Jeh Johnson") still writes the bare surname, and means by it
the person the passage is about. Three readings, taken only where they point at one person:
- **the paragraph**: of the people who fit, only one is named in full earlier in the same
  paragraph: that one (where two are, no one);
- **the last subject**: the last of them named in full before the bare name is the subject of
  its clause (the centre of the passage, which a bare name continues: "Homeland Security
  Secretary Jeh Johnson says hackers ... Johnson tells MSNBC"), not a name in passing ("for
  his wife Hillary Clinton");
- **the article's subject**: news style keeps the bare surname for the person the story is
  about and names the other by first name or in full; that person is named in full first, and
  more often than any other who fits ("Bill Clinton calls Obamacare 'crazy' ... Clinton said").
Otherwise the name is left to no one: an entity not listed is better than a wrong one.

A first name alone ("Hillary", "LeBron", "the Donald") is the one person of the article named
in full with that first name, where it is no one's surname there; so is a first name with the
initial of the surname ("Alicia M" in a post that cuts names short: Alicia Machado).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Sequence

from spacy.tokens import Doc, Span

from crossbearing.annotate.names import identity_words, same_name, skeleton
from crossbearing.kb import name_key
from crossbearing.model import Mention

Same = Callable[[Mention, Mention], bool]


def meant(candidates: Sequence[Mention], named: Sequence[Mention], at: int, text: str,
          same: Same, subject: Callable[[Mention], bool] = lambda m: False) -> Mention | None:
    """The one of ``candidates`` (distinct people who fit a bare name at offset ``at``) the
    article means, from ``named`` (the article's full-name mentions, with offsets; ``subject``
    says whether one is the subject of its clause), or None."""
    paragraph = text.rfind("\n", 0, at) + 1 if text else 0
    near = [c for c in candidates
            if any(same(c, m) and paragraph <= m.start < at for m in named)]
    if len(near) == 1:
        return near[0]
    if near:
        return None  # both named in the passage: no guess
    before = [m for m in named if m.start < at and any(same(c, m) for c in candidates)]
    if before:
        last = max(before, key=lambda m: m.start)
        if subject(last):
            return next(c for c in candidates if same(c, last))
    counts = [sum(1 for m in named if same(c, m)) for c in candidates]
    firsts = [min((m.start for m in named if same(c, m)), default=at) for c in candidates]
    best = max(range(len(candidates)), key=lambda i: counts[i])
    if sorted(counts)[-2] < counts[best] and firsts[best] == min(firsts):
        return candidates[best]
    return None


def first_name_of(text: str, named: Sequence[Mention], same: Same) -> Mention | None:
    """The one person of ``named`` whose first name ``text`` (one word, or a first name and an
    initial) is, where it is the surname of none of them; else None."""
    words = identity_words(text)
    initial = words[1] if len(words) == 2 and len(words[1]) == 1 else ""
    if len(words) != 1 and not initial:
        return None
    key = name_key(words[0])
    people = [m for m in named if m.label == "PERSON" and len(identity_words(m.canonical)) >= 2
              and len(identity_words(m.canonical)[-1]) > 1]  # not "Alicia M" itself
    if any(identity_words(m.canonical)[-1] == key for m in people):
        return None
    fits: list[Mention] = []
    for person in people:
        full = identity_words(person.canonical)
        if full[0] == key and full[-1].startswith(initial) and not any(
                same(person, f) for f in fits):
            fits.append(person)
    return fits[0] if len(fits) == 1 else None


#: What a short name resolves to when two people of the article bear it and neither is meant
#: by the way the article names them: no one (the mention's link is ``ambiguous``).
AMBIGUOUS = Mention("", 0, 0, "", "PERSON", None, "", "", "ambiguous")


def a_subject(doc: Doc | None, mention: Mention) -> bool:
    """Whether a name is the subject of its clause."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand") if doc else None
    return span is not None and len(span) > 0 and span.root.dep_ in ("nsubj", "nsubjpass")


def shortens(text: str, full: Mention) -> bool:
    """Whether ``text`` is a shorter form of the full name: fewer words, the same name by the
    transliteration scorer, and a single word with the skeleton of one of the full name's
    words ("Saedi" for "al-Saadi"; not "Coalition" for "Clinton", close in spelling only)."""
    return _shortens(text, full.canonical)


@lru_cache(maxsize=1 << 16)
def _shortens(text: str, full: str) -> bool:
    # Asked for each pair of a bare name and a full name of the article, often again.
    words, full_words = identity_words(text), identity_words(full)
    if not words or len(words) >= len(full_words) or not same_name(text, full):
        return False
    return len(words) > 1 or skeleton(words[0]) in {skeleton(w) for w in full_words}


def distinct(candidates: list[Mention]) -> list[Mention]:
    """Candidates that are different entities (one per actor, or per name when unknown)."""
    kept: list[Mention] = []
    for candidate in candidates:
        if not any(same_entity(candidate, other) for other in kept):
            kept.append(candidate)
    return kept


def same_entity(a: Mention, b: Mention) -> bool:
    if a.actor_id or b.actor_id:
        return a.actor_id == b.actor_id
    return same_name(a.canonical, b.canonical)


def headline_people(named: list[Span], kept: list[Span], article_id: str) -> list[Mention]:
    """People named in full only in a title-case line (a headline): not listed (the model's
    names are unreliable there), but the article's short forms may shorten them: "Clinton"
    in the body of "Hillary Clinton Goes After Donald Trump" is Hillary Clinton."""
    kept_ids = {(s.start, s.end) for s in kept}
    return [Mention(article_id, s.start_char, s.end_char, s.text, "PERSON", None, s.text,
                    name_key(s.text), "model") for s in named
            if (s.start, s.end) not in kept_ids and s.label_ == "PERSON" and not s.ent_id_
            and len(identity_words(s.text)) >= 2]
