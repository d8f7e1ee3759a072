"""The occasion a report is about: the dated event its headline and lead name.

Reports of one event often share few words: a preview of a debate, a report of it, a fact-check
and a poll a week later are written in different words for different readers, while two columns
on one topic share many. What they share is the occasion they are about, named in the headline or
the lead (the inverted pyramid puts the news there): "Monday night's first debate", "the debate",
"the hearing on Tuesday", "Saturday's rally". A reader resolves such a reference by its noun, its
modifiers and its date; so does this module, with the stored annotations of the article (its
time expressions and names), into *occasion keys*, each with a weight by
how surely it identifies one occasion:

- ``od:<noun>@<day>`` (:data:`DATED_WEIGHT` 1) for each day the occasion's date can be: a time
  expression attached to the noun ("Monday's debate", "the debate on Monday", "the Sept. 26
  debate"). A weekday names the nearest such day before or after the publication day, and which
  one is meant depends on the tense (previews and reactions speak of one debate in both, and the
  tense of a sentence is guessed from a few words), so both readings are kept: a preview of a
  Friday and a reaction of the Thursday after share the Monday between. An incident
  (:data:`INCIDENTS`) is dated the same way, or placed: ``od:shooting@<place>`` for each place
  the same sentence names.
- ``om:<modifier> <noun>`` for each distinguishing modifier of the noun: "the first presidential
  debate" gives ``om:first debate`` and ``om:presidential debate`` (so it meets "the first
  debate" and "the presidential debate"), "the vice presidential debate" ``om:vice-presidential
  debate``, which meets neither. An ordinal narrows a name down to one occasion of a series
  (:data:`ORDINAL_WEIGHT` 0.7); a word of office or level ("presidential", "Senate") names the
  series, a dozen debates a campaign: 0.7 in a dated report (the clusterer's time decay picks the
  one near its day), 0.35 in an undated one (:data:`KIND_WEIGHT`).
- ``ob:<noun>`` (:data:`BARE_WEIGHT` 0.5), only when the report is dated: a definite reference
  with no date ("at the debate") is resolved by the reader to the occasion of that name nearest
  to the publication day, which the time decay expresses. With no publication date nothing
  anchors it (the debate of which year?), so an undated report has no bare key, and an incident
  has none at all (there are many shootings a week).

The occasion nouns (:data:`OCCASIONS`) are a closed list of nouns that name a dated occasion with
a place: scheduled political and civic occasions (a debate, a hearing, a summit, a rally, a
trial) and incidents (a shooting, an explosion, a crash). Topic nouns that name no single
occasion (tax, health, immigration, a poll, a tweet, a report: there are many of each a day) are
not in it, nor are "election" and "vote" (in campaign coverage they name the campaign and the
ballot as often as one occasion), "march" (the month) and "address" (a street or email
address). A listed word is no occasion in three uses: after a word that makes it a verb ("to
debate", "will rally", "they protest"); inside a name the annotation stage found ("American
Action Forum", "Geneva Convention": an organisation, a treaty; a name labelled as an event
stays); followed by "over" or "about", its abstract sense ("the public debate over his
fitness").

An article is about the occasions it names again: an occasion named once in the lead of a longer
piece is its hook (a poll "heading into the first debate", a column on a fact-checker that opens
with its plans for the debate), and gives no key; one named at least :data:`SUBJECT_MENTIONS`
(2) times, or in a text of at most :data:`SHORT_TEXT_WORDS` words (a brief), does.

How much the keys weigh against the words is the clusterer's ``w_occasion``
(:class:`~crossbearing.corpus.stories.StoryParams`); the weights above are set on principle
(a date identifies, an ordinal nearly, a name of a series or a bare noun only near a day), and
the figures are in docs/evaluation.md.

Pure: reads an article and its annotations; no database access.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from crossbearing.annotate.timex import resolve_time
from crossbearing.annotate.timex_find import WEEKDAYS
from crossbearing.model import Article, Mention, TimeMention

__all__ = ["BARE_WEIGHT", "DATED_WEIGHT", "INCIDENTS", "KIND_WEIGHT", "LEAD_WORDS", "MODIFIERS",
           "OCCASIONS", "ORDINALS", "ORDINAL_WEIGHT", "SHORT_TEXT_WORDS", "SUBJECT_MENTIONS",
           "occasion_keys"]

#: The lead: the sentences of the text (after a first line that repeats the headline) that begin
#: within its first this many words (a dateline or a one-line paragraph does not use it up).
LEAD_WORDS = 50
#: An article is about an occasion it names at least this many times; one named once in the lead
#: of a longer piece is its hook ("heading into the first debate", then a poll's figures).
SUBJECT_MENTIONS = 2
#: A text of at most this many words may name its occasion once (a brief, a lead alone).
SHORT_TEXT_WORDS = 2 * LEAD_WORDS
#: Nouns naming a dated occasion (singular; a plural names several and is not a key).
OCCASIONS = frozenset("""
debate forum hearing summit referendum caucus convention rally speech
trial verdict sentencing inauguration ceremony funeral dedication parade protest walkout
shooting bombing explosion blast crash derailment earthquake hurricane storm flood wildfire
massacre stabbing shootout raid coup impeachment filibuster shutdown""".split()) | {
    "town hall", "press conference", "news conference", "state of the union"}
#: Occasion nouns of incidents, which happen many times a week across the news: a key only with
#: a date or a place.
INCIDENTS = frozenset("""
shooting bombing explosion blast crash derailment earthquake hurricane storm flood wildfire
massacre stabbing shootout raid""".split())
#: Modifiers that tell occasions of one noun apart: ordinals, and the office, level or chamber.
ORDINALS = frozenset("first second third fourth fifth final last opening closing".split())
MODIFIERS = ORDINALS | frozenset("""
presidential vice-presidential vice primary gubernatorial mayoral senate house congressional
parliamentary general special republican democratic gop national state federal televised
""".split())
#: The prefixes of the three kinds of keys.
DATED, NAMED, BARE = "od:", "om:", "ob:"
#: The weights of the keys (see the module notes); KIND_WEIGHT by whether the report is dated.
DATED_WEIGHT, ORDINAL_WEIGHT, BARE_WEIGHT = 1.0, 0.7, 0.5
KIND_WEIGHT = {True: 0.7, False: 0.35}
#: Mention labels of names that may end in an occasion noun and still name the occasion.
NAMED_OCCASION_LABELS = frozenset({"EVENT"})
#: Mention labels that name a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Words after a listed word that give it its abstract sense ("the debate over taxes").
_ABSTRACT_AFTER = frozenset({"over", "about"})
#: Words before a listed word that make it a verb ("to debate", "will vote", "they rally").
_VERB_BEFORE = frozenset("""
to will would could should can may might must shall did do does don't didn't won't not never
they we i you he she who which that""".split())
#: Characters between a time expression and the noun it dates: "Monday night's first debate"
#: (the possessive and modifiers before) or "the debate Monday night", "the debate on Monday"
#: (a short gap after).
_BEFORE_GAP, _AFTER_GAP = 32, 5
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
#: A sentence: up to a full stop, question or exclamation mark before a space, or a line end.
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.MULTILINE)
#: The first words of the occasions, and words in lower case (a quick test before a span's
#: words are listed with their offsets).
_FIRST_WORDS = frozenset(o.split()[0] for o in OCCASIONS)
_LOWER_WORD = re.compile(r"[a-z][a-z'’\-]*")
#: The occasions of several words, by their first word, longest first.
_MULTI: dict[str, list[list[str]]] = {}
for _name in sorted((o for o in OCCASIONS if " " in o), key=len, reverse=True):
    _MULTI.setdefault(_name.split()[0], []).append(_name.split())
_WEEKDAY = re.compile(r"\b(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def occasion_keys(article: Article, times: Iterable[TimeMention] = (),
                  anchor: date | None = None,
                  mentions: Iterable[Mention] = ()) -> dict[str, float]:
    """The occasion keys of the headline and lead of ``article`` with their weights (see the
    module notes). ``times`` and ``mentions`` are the article's stored annotations (times are
    resolved again against ``anchor``, the publication day, or read as absolute dates only when
    it is None; mentions give the places of incidents); the lead is cut at sentence ends."""
    keys: dict[str, float] = {}
    spans = [(article.title or "", 0, False)] + [(article.text, s, True)
                                                 for s in _lead(article)]
    times = sorted(times, key=lambda t: t.start)
    mentions = list(mentions)
    places = [(m.start, m.place_id or m.name_key) for m in mentions
              if m.label in PLACE_LABELS and (m.place_id or m.name_key)]
    names = [(m.start, m.end) for m in mentions if m.label not in NAMED_OCCASION_LABELS]
    for text, (start, end), in_text in ((t, _bounds(t, s, in_text), in_text)
                                        for t, s, in_text in spans):
        for noun, modifiers, (n_start, n_end) in _occasions(text, start, end):
            if in_text and any(a <= n_start < b for a, b in names):
                continue  # part of a name: "American Action Forum"
            found = [(f"{NAMED}{modifier} {noun}", ORDINAL_WEIGHT if modifier in ORDINALS
                      else KIND_WEIGHT[anchor is not None]) for modifier in modifiers]
            if anchor is not None and noun not in INCIDENTS:
                found.append((BARE + noun, BARE_WEIGHT))
            if in_text:
                found += [(f"{DATED}{noun}@{day}", DATED_WEIGHT)
                          for day in sorted(_days(text, times, n_start, n_end, anchor))]
                if noun in INCIDENTS:
                    found += [(f"{DATED}{noun}@{place}", DATED_WEIGHT) for place in
                              sorted({place for at, place in places if start <= at < end})]
            for key, weight in found:
                keys[key] = max(keys.get(key, 0.0), weight)
    return _about(article, keys)


def _about(article: Article, keys: dict[str, float]) -> dict[str, float]:
    """The keys of the occasions the article is about: those it names at least
    :data:`SUBJECT_MENTIONS` times (the headline counted unless the text begins with it), or all
    of them in a text of at most :data:`SHORT_TEXT_WORDS` words (a brief names its occasion
    once)."""
    if not keys or len(_WORD.findall(article.text)) <= SHORT_TEXT_WORDS:
        return keys
    title = article.title or ""
    counted = article.text if _repeats_title(article.text[:len(title) + 40], title) else \
        f"{title}\n{article.text}"
    named = {noun: _uses(noun, counted) for noun in {_noun(k) for k in keys}}
    return {k: w for k, w in keys.items() if named[_noun(k)] >= SUBJECT_MENTIONS}


def _uses(noun: str, text: str) -> int:
    """How many times ``text`` names the occasion ``noun`` (singular or plural), not counting
    its uses as a verb ("will debate") or in its abstract sense ("the debate over fares")."""
    count = 0
    for match in _named(noun).finditer(text):
        before = _WORD.findall(text, max(0, match.start() - 30), match.start())
        after = _WORD.search(text, match.end())
        if before and before[-1].lower() in _VERB_BEFORE:
            continue
        if after and after.group(0).lower() in _ABSTRACT_AFTER:
            continue
        count += 1
    return count


def _noun(key: str) -> str:
    """The occasion noun of a key: ``od:debate@2016-09-26``, ``ob:debate``, ``om:first debate``."""
    body = key[len(DATED):]
    if key.startswith(DATED):
        return body.rsplit("@", 1)[0]
    return body.split(" ", 1)[1] if key.startswith(NAMED) else body


def _named(noun: str) -> re.Pattern:
    """The noun, singular or plural ("rallies", "town halls", "speeches"), in any case, as
    whole words."""
    *first, last = noun.split()
    plural = rf"{re.escape(last[:-1])}(?:y|ies)" if last.endswith("y") else \
        rf"{re.escape(last)}(?:s|es)?"
    words = r"\s+".join([*map(re.escape, first), plural])
    return re.compile(rf"\b{words}\b", re.IGNORECASE)


def _bounds(text: str, span, in_text: bool) -> tuple[int, int]:
    return span if in_text else (0, len(text))


def _lead(article: Article) -> list[tuple[int, int]]:
    """The spans of the lead's sentences: those of the text that begin within its first
    :data:`LEAD_WORDS` words, after a first sentence that is the headline itself (texts often
    begin with it)."""
    text = article.text
    spans = ((m.start(), m.end()) for m in _SENTENCE.finditer(text))
    lead, words = [], 0
    for n, (start, end) in enumerate(spans):
        if words >= LEAD_WORDS:
            break
        if n == 0 and _repeats_title(text[start:end], article.title or ""):
            continue
        lead.append((start, end))
        words += len(_WORD.findall(text, start, end))
    return lead


def _repeats_title(piece: str, title: str) -> bool:
    """Whether ``piece`` of a text (its first sentence) is the headline printed again: their
    words agree as far as the headline's first 40 characters."""
    return bool(title) and _norm(piece).startswith(_norm(title)[:40])


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _occasions(text: str, start: int, end: int):
    """(noun, modifiers, span) for each occasion noun in ``text[start:end]`` used as a noun."""
    if _FIRST_WORDS.isdisjoint(_LOWER_WORD.findall(text[start:end].lower())):
        return
    words = [(m.group(0).lower().replace("’", "'"), m.start(), m.end())
             for m in _WORD.finditer(text, start, end)]
    i = 0
    while i < len(words):
        noun, width = None, 1
        for parts in _MULTI.get(words[i][0], ()):
            if [w for w, _, _ in words[i:i + len(parts)]] == parts:
                noun, width = " ".join(parts), len(parts)
                break
        if noun is None and words[i][0] in OCCASIONS:
            noun = words[i][0]
        after = words[i + width][0] if i + width < len(words) else ""
        if (noun is not None and not (i and words[i - 1][0] in _VERB_BEFORE)
                and after not in _ABSTRACT_AFTER):
            modifiers = []
            j = i - 1
            while (j >= 0 and (word := words[j][0].removesuffix("'s")) in MODIFIERS
                   and len(modifiers) < 3):
                modifiers.insert(0, word)
                j -= 1
            if "vice" in modifiers:  # "vice presidential": one modifier, not "presidential" too
                modifiers = [m for m in modifiers if m != "presidential"]
            yield (noun, sorted({_modifier(m) for m in modifiers}),
                   (words[i][1], words[i + width - 1][2]))
        i += width


def _modifier(word: str) -> str:
    return {"vice": "vice-presidential", "gop": "republican"}.get(word, word)


def _days(text: str, times: Sequence[TimeMention], start: int, end: int,
          anchor: date | None) -> set[str]:
    """The days a time expression attached to the noun at ``start:end`` can be: both readings
    of a weekday (before and after ``anchor``), the one day of an absolute date."""
    days: set[str] = set()
    for t in times:
        before = t.end <= start and start - t.end <= _BEFORE_GAP and _attached(text[t.end:start])
        after = t.start >= end and t.start - end <= _AFTER_GAP
        if not (before or after):
            continue
        readings = ("past", "future") if _WEEKDAY.search(t.text) else ("past",)
        for tense in readings:
            value = resolve_time(t.text, anchor, tense=tense)
            if value.resolved and value.precision == "day" and value.start == value.end:
                days.add(value.start)
    return days


def _attached(between: str) -> bool:
    """Whether the words between a time expression and a noun after it tie them: a possessive
    and modifiers ("'s first presidential "), nothing else."""
    rest = between.strip().lower().replace("’", "'")
    rest = rest.removeprefix("'s").strip()
    return all(w in MODIFIERS for w in _WORD.findall(rest)) and not re.search(r"[,;.]", rest)
