"""What one event mention says for merging, and which two mentions can be one event.

An :class:`Item` is a mention as the merging weighs it: its family, its participants (actors by
knowledge-base identity), its sufferers (victims and targets: a name, or a description's head
noun), the people it names as killed, its country and its city or site. Two mentions are
**compatible** (:func:`compatible`) when they are of the same family and mode, the same kind (one
event or a series), types equal or one a generic attack or killing, dates that overlap where both
are resolved, no two different weekdays named, places that can be the same, no two killings
of people of different surnames, no two sayings or talks with different addressees or targets
and,
but for violence, no two different named actors (corpus.events merges compatible mentions that
share evidence).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from crossbearing.annotate.event_phrases import names_a_people
from crossbearing.annotate.event_senses import ACTING_PEOPLE
from crossbearing.annotate.timex_find import WEEKDAYS
from crossbearing.model import EventMention, Place, TimeValue

#: Talks: whoever meets and is met is a party.
TALKS = frozenset({"consultation"})
#: Types that name violence without saying how: they merge with any violent type.
GENERIC = frozenset({"attack", "killing"})
#: Number words that make a description a count ("three people"), not one person.
NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "several", "many", "dozens", "hundreds", "some", "few"})
#: Types of mentions whose victims died.
KILLINGS = frozenset({"killing", "air_drone_strike", "shelling", "remote_explosive",
                      "suicide_bomb", "armed_clash", "attack", "excessive_force"})
#: Lower-case words inside a person's name ("bin", "van der", "de", "al").
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "da", "di", "van", "von",
                            "der", "la", "le", "du", "dos", "bint"})


@dataclass
class Item:
    """One event mention as the merging weighs it (see the module docstring)."""

    mention: EventMention
    family: str
    participants: set[str]
    sufferers: set[str]
    country: str | None
    precise_place: str | None
    group: int = 0
    members: list[Item] = field(default_factory=list)
    #: What a saying holds ("the withdrawal" in "talks on the withdrawal"): part of the
    #: saying's event, compared with no other mention.
    content: bool = False
    #: The time that dates the saying, where the mention is something said (corpus.occasions).
    said_at: TimeValue | None = None
    #: People named as killed ("the killing of Terence Crutcher", "Crutcher's death"): one
    #: person dies once, so two killings of one named person are one event.
    named_dead: set[str] = field(default_factory=set)
    #: The surnames of the people a killing names as killed (:func:`_killed_apart`).
    killed_names: set[str] = field(default_factory=set)
    #: The day of the week the mention's own time names ("on Tuesday", unresolved in an undated
    #: report) or its date falls on (0 Monday to 6 Sunday), or None.
    weekday: int | None = None
    #: Actors known to the knowledge base or named in full, by their names' last words
    #: ("Organizer Dana Whitfield" is Dana Whitfield), and for a saying the groups described
    #: as its speakers (:func:`described_group`): two sayings or acts by different named
    #: actors are different events.
    named_actors: set[str] = field(default_factory=set)
    #: The channels the report of a saying or an act other than violence names ("in a
    #: statement", "on Twitter": corpus.occasions.channels): two told through different ones
    #: are two occasions.
    channels: frozenset[str] = frozenset()
    #: Whom a saying is addressed to or about, named (a name or a known actor, not "the deal");
    #: for talks, every party named, the one who meets as well as the one met ("met with
    #: Boehner", "the President and Speaker Boehner met"). Two sets, disjoint, tell two
    #: occasions.
    addressees: set[str] = field(default_factory=set)
    #: Whether the mention stands in its report's headline and lead (the report's news), and
    #: then the report's publication day, if known (corpus.occasions._one_occasion_shown).
    in_lead: bool = False
    lead_day: date | None = None


def item_of(mention: EventMention, family: str, place_of: Callable[[str], Place | None],
            actor_key: Callable[[str], str]) -> Item:
    """``mention`` as the merging weighs it; ``actor_key`` makes one key of an actor and the
    state it acts for (kb.actors.ActorBase.actor_key)."""
    participants = {actor_key(a.actor_id) if a.actor_id else a.canonical.lower()
                    for a in mention.arguments if a.role == "actor"} - {""}
    sufferers = {a.actor_id or person_key(a.canonical) for a in mention.arguments
                 if a.role != "actor"} - {""}
    sufferers |= {_member(a.text) for a in mention.arguments if a.role != "actor"
                  and a.actor_id} - {""}
    place = place_of(mention.place_id) if mention.place_id else None
    country = place.country if place else None
    precise = mention.place_id if place is not None and place.kind in ("city", "site") else None
    dead = {a.actor_id or person_key(a.canonical) for a in mention.arguments
            if a.role == "victim" and mention.event_type in KILLINGS and a_name(a.canonical)}
    named = {last_name(a.canonical) if a.actor_id or a_name(a.canonical) or (
        _one_name(a.canonical)) else (
        person_key(a.canonical) if family == "verbal" and described_group(a.text) else "")
        for a in mention.arguments if a.role == "actor"} - {""}
    killed = {last_name(v.canonical) for v in mention.role("victim") if not v.actor_id and (
        a_name(v.canonical) or _a_surname(v.canonical))}  # no group or state
    addressees = {a.actor_id or person_key(a.canonical) for a in mention.arguments
                  if (a.role != "actor" or mention.event_type in TALKS)
                  and (a.actor_id or a_name(a.canonical))} - {""}
    return Item(mention, family, participants, sufferers, country, precise, named_dead=dead,
                named_actors=named, killed_names=killed, addressees=addressees)


#: Words after a surname: "Jr.", "III".
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def last_name(name: str) -> str:
    """The last word of a name, suffixes left out: a person's surname, an organisation's last
    word. Two actors are told apart by it only where it differs ("Dana Loesch", "Bill
    Hennessy"); two it cannot tell apart ("Syrian Democratic Forces", "Israel Defense Forces")
    stay mergeable, as before."""
    words = [w for w in name.lower().split() if w not in NAME_SUFFIXES]
    return words[-1] if words else ""


#: Roles of one person in a group: a description headed by one names a member of the group
#: ("a senior Kata'ib Hezbollah commander"), not the group itself ("the Iraqi government").
MEMBER_ROLES = frozenset({
    "commander", "leader", "chief", "head", "deputy", "official", "officer", "general",
    "colonel", "spokesman", "spokeswoman", "spokesperson", "minister", "envoy", "ambassador",
    "diplomat", "adviser", "advisor", "aide", "member", "fighter", "militant", "soldier",
    "operative", "founder", "cleric", "lawmaker", "senator", "governor", "mayor", "president"})


def _member(description: str) -> str:
    """The one person a description of a group's member names, by its head noun, a role of a
    person in a group ("a senior Kata'ib Hezbollah commander" is a commander; his group is the
    actor the argument carries, as ACLED codes a killed commander's group): another report's
    "the commander" is the same person. "" for anything else: a name, a count, a plural, the
    group itself ("Kataib Hezbollah", "US forces", "the Iraqi government"), which the group's
    identity already covers."""
    key = person_key(description)
    return key if key in MEMBER_ROLES and key != description.lower().strip() else ""


#: Words that make a description refer back to someone the report named ("the senators", "his
#: aides", "these groups"), or stand for someone (pronouns): no speaker of their own.
REFERRING = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their",
                       "our", "my", "your", "he", "she", "it", "they", "we", "i", "you", "who",
                       "which", "both", "each", "all", "one", "others", "other"})


def described_group(text: str) -> bool:
    """Whether an actor is a group described, not named, and not a reference back: a plural or
    a count with words of its own ("five Missouri Republican senators", "some prominent
    conservatives", "Tea party organizers"); a bare plural ("leaders", "the occupiers": an
    argument's words leave "the" out) may refer back to anyone. Two sayings by two such
    groups, or by such a group and a named actor, are two speakers' ("Romney joined ... after
    five Republican senators urged Akin"); an act is
    not told apart so ("police", "security forces" and "Kurdish authorities" arrested one man)."""
    words = text.lower().split()
    return len(words) >= 2 and words[0] not in REFERRING and (
        words[-1].endswith("s") or words[0] in NUMBER_WORDS or words[0][:1].isdigit())


def a_name(text: str) -> bool:
    """Whether a victim is named ("Terence Crutcher", "Abu Baqir al-Saadi"), not described
    ("a senior commander", "three people"): two or more words, each capitalised but for the
    particles of Arabic and European names."""
    words = text.split()
    return len(words) >= 2 and all(
        w[:1].isupper() or w.lower() in NAME_PARTICLES or w.lower().startswith(("al-", "el-"))
        for w in words)


def person_key(description: str) -> str:
    """How a victim or target no name covers is compared: a singular description by its head
    noun ("a senior commander", "the commander" are one person in one story's reports of
    one event), anything counted or plural as written ("three people", "officials")."""
    words = description.lower().split()
    if not words:
        return ""
    if len(words) > 1 and words[-1][-1:] != "s" and not any(w[:1].isdigit() or w in NUMBER_WORDS
                                                             for w in words):
        return words[-1]
    return " ".join(words)


_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b\.?",
                      re.IGNORECASE)


def weekday_of(mention: EventMention, words: str | None) -> int | None:
    """The day of the week of a mention's own time: its date's where resolved to one day, else
    the weekday its time expression ``words`` names ("on Tuesday", "Friday night" in a report
    with no publication date). Two mentions that name different weekdays tell different days,
    resolved or not ("their forces had completed their withdrawal on Tuesday", "helicopters
    evacuated the wounded on Friday")."""
    if one_day(mention.time):
        return date.fromisoformat(mention.time.start).weekday()
    days = {WEEKDAYS[w.lower()] for w in _WEEKDAY.findall(words or "")}
    return days.pop() if len(days) == 1 else None


def one_day(time: TimeValue | None) -> bool:
    """A time resolved to one day ("on Wednesday"), not a span ("earlier this week")."""
    return time is not None and time.known and time.precision == "day" and (
        time.end in (None, time.start))


def weekdays_differ(a: Item, b: Item) -> bool:
    """Whether two mentions' own times name different days of the week."""
    return a.weekday is not None and b.weekday is not None and a.weekday != b.weekday


def compatible(a: Item, b: Item) -> bool:
    """Whether two mentions can be one event (see the module docstring)."""
    if a.content or b.content:  # what a saying holds goes with its saying only
        return True
    ma, mb = a.mention, b.mention
    if a.family != b.family or ma.mode != mb.mode or not same_kind(a, b):
        return False
    if ma.article_id == mb.article_id and ma.start == mb.start:
        return True
    if ma.event_type != mb.event_type:
        if a.family != "violent" or not (ma.event_type in GENERIC or mb.event_type in GENERIC):
            return False
    if dates_conflict(ma, mb) or weekdays_differ(a, b):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.precise_place and b.precise_place and a.precise_place != b.precise_place:
        return False
    if ma.event_type == mb.event_type == "killing" and _killed_apart(a, b):
        return False  # the killing of Terence Crutcher is not the killing of Keith Scott
    if other_channels(a.channels, b.channels):
        return False  # a statement and a television interview are two occasions
    if a.family == "verbal" and a.addressees and b.addressees and not (
            a.addressees & b.addressees):
        return False  # "accused Obama of …", "an attack on Paul Ryan": two sayings; two talks
    # A saying or an act of one named actor is not another's ("Obama said he supports it",
    # "Gov. Mary Fallin endorsed Romney"); violence is told by its doers' many descriptions.
    return a.family == "violent" or not (
        a.named_actors and b.named_actors and not a.named_actors & b.named_actors)


def other_channels(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sayings are told through different channels: each names one, and none is
    shared ("in a statement" and "on Twitter" may be one post quoted as a statement)."""
    return bool(a and b and not a & b)


def _killed_apart(a: Item, b: Item) -> bool:
    """Whether two killings each name whom they killed and no surname is in both ("shot and
    killed Terence Crutcher", "Keith Lamont Scott was shot and killed"): two people, two
    killings. A person named two ways keeps a surname ("Abu Baqir al-Saadi", "Hajj Wisam
    Mohammed Saber al-Saadi")."""
    return bool(a.killed_names and b.killed_names and not a.killed_names & b.killed_names)


def _one_name(text: str) -> bool:
    """An actor named by one word that is no people's or party's ("Obama", "Biden"; not
    "Republican", "Iraqi"): a speaker told apart from another so named."""
    return _a_surname(text) and text.lower() not in NO_ONES_NAME and (
        not names_a_people(text))


#: One word that is no one's name: a camp's member (beside a party's or a people's,
#: ``event_phrases.names_a_people``) or people by office ("Police" opening a sentence).
NO_ONES_NAME = frozenset({"independent", "libertarian", "socialist", "communist",
                          "loyalist"}) | ACTING_PEOPLE


def _a_surname(text: str) -> bool:
    """A person named by a surname alone ("Scott"): one capitalised word, not a plural
    ("Israelis")."""
    return " " not in text and text[:1].isupper() and text[1:].islower() and not text.endswith("s")


def same_kind(a: Item, b: Item) -> bool:
    """Both one event, or both a series; or a plural that names one occasion ("clashes between
    two tribes near Nasiriyah on Monday") and a single report of it: the same day, and no two
    different cities or sites. A count ("over 160 attacks") is never dated to a day."""
    ma, mb = a.mention, b.mention
    if ma.aggregate == mb.aggregate:
        return True
    if a.precise_place and b.precise_place and a.precise_place != b.precise_place:
        return False
    return same_day(ma, mb)


def same_day(a: EventMention, b: EventMention) -> bool:
    ta, tb = a.time, b.time
    return bool(ta and tb and ta.resolved and tb.resolved and ta.precision == "day"
                and tb.precision == "day" and ta.start == tb.start)


def dates_conflict(a: EventMention, b: EventMention) -> bool:
    return a.time is not None and a.time.apart(b.time)


def candidate_pairs(bucket: list[Item]) -> list[tuple[Item, Item]]:
    """The pairs of a bucket's mentions (one family and mode) worth weighing for a merge, in
    the order of ``combinations(bucket, 2)``: those :func:`compatible` does not rule out by type
    and country (types equal or, for violence, one generic; countries equal or one unknown) that
    can reach the evidence a merge needs (corpus.events.MIN_EVIDENCE, 3): both dated to
    overlapping times (2, and 1 for one specific type), or sharing a victim or target, an actor,
    a city or site, a toll, a reporter or a named dead (what "the same specific type" adds
    alone is 1); and two mentions at one place of one article (always compatible). Every other
    pair is one :func:`compatible` or the evidence rejects: leaving it out keeps the merging near
    linear in a story's mentions (it weighed every pair of them)."""
    violent = bool(bucket) and bucket[0].family == "violent"
    shared: dict[tuple[str, object], list[int]] = defaultdict(list)
    dated: list[tuple[str, str, int]] = []  # (start, end, position) of the dated
    open_dated: list[int] = []  # resolved without a first day: apart from no time
    for pos, item in enumerate(bucket):
        m = item.mention
        shared["at", (m.article_id, m.start)].append(pos)
        for key in _evidence_keys(item):
            shared[key].append(pos)
        if m.time is not None and m.time.resolved:
            if m.time.known:
                dated.append((m.time.start, m.time.end or m.time.start, pos))
            else:
                open_dated.append(pos)
    found: set[tuple[int, int]] = set()
    for positions in shared.values():
        found.update(combinations(positions, 2))
    dated.sort()
    for k, (_, end, i) in enumerate(dated):  # sweep: the later starts up to this one's end
        for start, _, j in dated[k + 1:]:
            if start > end:
                break
            found.add((min(i, j), max(i, j)))
    all_dated = sorted([pos for *_, pos in dated] + open_dated)
    found.update((min(i, j), max(i, j)) for i in open_dated for j in all_dated if i != j)

    def fit(i: int, j: int) -> bool:
        a, b = bucket[i], bucket[j]
        ta, tb = a.mention.event_type, b.mention.event_type
        if (a.mention.article_id, a.mention.start) == (b.mention.article_id, b.mention.start):
            return True
        return (ta == tb or (violent and (ta in GENERIC or tb in GENERIC))) and (
            a.country is None or b.country is None or a.country == b.country)

    return [(bucket[i], bucket[j]) for i, j in sorted(found) if fit(i, j)]


def _evidence_keys(item: Item) -> set[tuple[str, object]]:
    """The values of a mention two mentions add evidence by sharing (corpus.events._evidence):
    its victims and targets, actors, city or site, toll, reporter and named dead."""
    m = item.mention
    keys: set[tuple[str, object]] = {("sufferer", v) for v in item.sufferers}
    keys |= {("actor", v) for v in item.participants}
    keys |= {("dead", v) for v in item.named_dead}
    if item.precise_place is not None:
        keys.add(("place", item.precise_place))
    if m.fatalities:
        keys.add(("toll", m.fatalities.low))
    if m.reported_by_actor is not None:
        keys.add(("reporter", m.reported_by_actor))
    return keys


def join(a: Item, b: Item) -> None:
    """Put two mentions' groups together (the lower group id kept)."""
    keep, gone = (a, b) if a.group < b.group else (b, a)
    merged = keep.members + gone.members
    for item in merged:  # a group's members are the items of its id (they share one list)
        item.group = keep.group
        item.members = merged
