"""The values of one merged event, as every source gave them, and the value chosen for each by a
stated rule, with the disagreements kept in view.

- **Type**: the most specific type any mention gives (a "drone strike" over an "attack").
- **Date**: the value most sources give among those resolved; ties go to the most precise. Two
  resolved dates that do not overlap are a disagreement. A verbal event (a statement, threat,
  demand, accusation ...) that no report dates is dated as PLOVER dates a statement, by its
  report: the first report's publication day or the days before it (``REPORT_LAG``), marked
  inferred
  (:func:`dated_by_reports`).
- **Place**: the most precise place given; two cities or sites, or two countries, disagree.
- **Fatalities and injuries**: ACLED's rule, the lowest figure a source gives (the low end of a
  hedged or ranged figure); different figures are a disagreement.
- **Participants**: every actor, target and victim, with the articles that name them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Callable

from crossbearing.annotate.event_triggers import SPECIFICITY
from crossbearing.annotate.event_phrases import PEOPLE
from crossbearing.annotate.event_types import ontology, plover_of
from crossbearing.corpus.event_items import NUMBER_WORDS, a_name, last_name
from crossbearing.corpus.occasions import is_name
from crossbearing.kb.actors import actor_base
from crossbearing.kb.places import place_by_id
from crossbearing.model import EventMention, Place
from crossbearing.model_events import (
    PLACE_RANK,
    PRECISION_RANK,
    REPORT_DAYS,
    REPORT_LAG,
    DateGiven,
    Event,
    EventSource,
    EventValues,
    PlaceGiven,
    TollGiven,
)

#: Nouns of people that are many ("unarmed black people", "the men").
GROUPS_OF_PEOPLE = frozenset({"people", "men", "women", "children", "folk", "police", "youth",
                              "staff", "personnel", "crew", "family"})
#: Words of dying that may tell a death no one caused ("the death of Justice Scalia").
DEATH_WORDS = frozenset({"death", "deaths", "died", "dies", "die", "dying", "passing"})
#: PLOVER categories from the most to the least consequential, to pick a statement's main act.
STATEMENT_ORDER = ("RETREAT", "MOBILIZE", "THREATEN", "SANCTION", "REJECT", "ACCUSE", "REQUEST",
                   "CONCEDE", "AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "INVESTIGATE")
RULES = {
    "date": "the value most sources give among resolved dates; ties: the most precise; a "
            f"statement no report dates: {REPORT_DAYS.removeprefix('inferred from the reports: ')} "
            "(inferred)",
    "place": "the most precise place given",
    "fatalities": "ACLED: the lowest figure a source gives; none given, one for a killing of one "
                  "person (\"wiped out a militia official\", \"the death of Terence Crutcher\")",
    "injuries": "ACLED: the lowest figure a source gives",
}


def event_record(event_id: str, story_id: str | None, group: list[EventMention],
                 outlet_of: dict[str, str],
                 place_of: Callable[[str], Place | None] = place_by_id) -> Event:
    """The event told by ``group`` (event mentions of one story), with every source's values
    and the value chosen for each."""
    onto = ontology()
    name = _type(group)
    kind = onto.type(name)
    values = EventValues(
        date=_dates(_dating(group, name), outlet_of),
        place=_places(group, outlet_of, place_of),
        # a saying has no toll: its sentence's is another event's ("threatened revenge for an
        # air raid where 100 people were killed"; ACLED counts fatalities of violence only)
        fatalities=() if kind.family == "verbal" else _tolls(group, outlet_of, "fatalities"),
        injuries=() if kind.family == "verbal" else _tolls(group, outlet_of, "injuries"),
    )
    resolved = {
        "date": resolve_date(values.date),
        "place": min(values.place, key=lambda v: (PLACE_RANK.get(v.kind, 9), v.name),
                     default=None),
        "fatalities": _lowest(values.fatalities),
        "injuries": _lowest(values.injuries),
    }
    disagreements = [f for f in ("date", "place", "fatalities", "injuries")
                     if _disagree(f, getattr(values, f))]
    date = resolved["date"]
    place = resolved["place"]
    articles = sorted({m.article_id for m in group})
    # the mode most mentions of the main act give it, the first told on a tie ("He accused
    # Obama of …", twice, outweighs "the president will be blamed"), of those that are acts of
    # the statement where some are ("the president's rationales to veto JASTA" is what she
    # argues about, not her rejection); a statement whose main act no mention names (a threat
    # of a vowed attack) was said
    named = [m for m in group if m.event_type == name]
    modes = Counter(m.mode for m in [m for m in named if _act(m) == name] or named)
    mode = max(modes, key=modes.__getitem__, default="asserted")  # a Counter keeps first-seen order
    main = next((m for m in group if m.event_type == name and m.mode == mode), None)
    detail = {
        "label": kind.label, "plover": plover_of(name, mode),
        "acled_event_type": kind.acled_event_type,
        "acled_sub_event_type": kind.acled_sub_event_type,
        "participants": _participants(group, outlet_of),
        "means": sorted({w for m in group for w in m.means}),
        "reported_by": sorted({m.reported_by for m in group if m.reported_by}),
        "outlets": sorted({outlet_of.get(a, a) for a in articles}),
        "rules": RULES, "disagreements": disagreements,
    }
    if resolved["fatalities"] is None and kind.family == "violent" and mode == "asserted" and (
            name not in ("attack", "abduction")) and not (main and main.aggregate) and any(
            m.text.lower() not in DEATH_WORDS for m in group):  # a death may be no killing
        resolved["fatalities"] = one_killed(detail["participants"])
    return Event(
        event_id=event_id, story_id=story_id, event_type=name, family=kind.family,
        mode=mode, aggregate=bool(main.aggregate) if main else False,
        date_start=date["start"] if date else None, date_end=date["end"] if date else None,
        date_precision=date["precision"] if date else None,
        place_id=place.place_id if place else None,
        fatalities=resolved["fatalities"], injuries=resolved["injuries"],
        detail=detail, mentions=len(group), articles=len(articles),
        sources=tuple((m.article_id, m.start) for m in group), values=values,
    )


def with_first_report(event: Event, published: dict[str, date | None]) -> Event:
    """``event`` with the publication day of its first report known to the day
    (``detail["first_report"]``, ISO), which tells a recalled event from the news
    (``model_events.recalled``)."""
    days = [day for article_id, _ in event.sources
            if (day := published.get(article_id)) is not None]
    if not days:
        return event
    return replace(event, detail={**event.detail, "first_report": str(min(days))})


def dated_by_reports(event: Event, published: dict[str, date | None],
                     outlet_of: dict[str, str],
                     sentence_of: Callable[[tuple[str, int]], tuple[int, int] | None],
                     in_lead: Callable[[tuple[str, int]], bool] = lambda key: True) -> Event:
    """``event`` dated by its reports where it is a verbal event (a statement, a threat, a
    demand, an accusation ...) that no report dates: PLOVER codes a statement on the date of
    the story that reports it, and news reports a statement on the day it was made or the day
    after, a weekend's or a next morning's edition two days after (a Sunday report of Friday's
    call, a Friday report of Wednesday's visit). The value is the :data:`REPORT_LAG` days
    before the first report's publication day and that day (``published``:
    article id → publication day, None where it is not known to the day), with precision
    "week" (ACLED's time precision 2, a period of days) and the note :data:`REPORT_DAYS`, so
    that it shows as inferred, shown on the sentence of the first report. An act that no report
    dates (a strike, a protest) stays undated: a report may tell it days or years later.
    ``sentence_of`` gives the sentence of a source (article id, offset), or None. Only reports
    that tell the statement in their lead (``in_lead``) date it so: news puts the day's
    statement first and tells older ones further down as background ("Mr. Sestak endorsed
    Hillary Rodham Clinton in the 2008 primaries", "the Saudi government, which has strongly
    denied any involvement")."""
    if event.family != "verbal" or event.date_start or event.values.date:
        return event
    dated = sorted((day, key) for key in event.sources
                   if (day := published.get(key[0])) is not None and in_lead(key))
    if not dated:
        return event
    sentences = [(day, key, sentence) for day, key in dated
                 if (sentence := sentence_of(key)) is not None and sentence[0] < sentence[1]]
    if not sentences:
        return event
    day, (article_id, _), sentence = sentences[0]
    given = DateGiven(str(day - timedelta(days=REPORT_LAG)), str(day), "week", REPORT_DAYS,
                      EventSource(article_id, outlet_of.get(article_id, article_id), sentence,
                                  sentence))
    return replace(event, values=replace(event.values, date=(given,)),
                   date_start=given.start, date_end=given.end, date_precision=given.precision)


def one_killed(participants: list[dict[str, Any]]) -> float | None:
    """The toll of an event no source counts whose one victim is one person ("an operation that
    wiped out another militia official", "shot and killed Terence Crutcher"): 1, as an event
    coder records the killing of one named or described person; None where it has no victim,
    several, or one that is no person (a state, a group), counted or plural ("three people")."""
    victims = [p for p in participants if p["role"] == "victim"]
    if len(victims) != 1:
        return None
    victim = victims[0]
    words = victim["name"].split()
    if not words or any(w[:1].isdigit() or w.lower() in NUMBER_WORDS for w in words):
        return None
    if victim["actor_id"]:
        actor = actor_base().by_id.get(victim["actor_id"])
        return 1.0 if actor is not None and actor.type == "PERSON" else None
    last = words[-1].lower()
    one = last in PEOPLE and last not in GROUPS_OF_PEOPLE and not last.endswith("s")
    return 1.0 if a_name(victim["name"]) or one else None


def _type(group: list[EventMention]) -> str:
    """The most specific violent type; for a statement (several things one speaker said, see
    corpus.occasions) its main act."""
    names = [m.event_type for m in group]
    if len(set(names)) > 1 and any(ontology().type(n).family != "violent" for n in names):
        return statement_type(group)
    violent = [n for n in names if n in SPECIFICITY]
    if violent:
        return min(violent, key=SPECIFICITY.index)
    return Counter(names).most_common(1)[0][0]


def _dating(group: list[EventMention], name: str) -> list[EventMention]:
    """The mentions that date the event. A statement (several things one speaker said) is
    dated by its saying ("called on … in a statement issued Friday"), not by the times inside
    what was said ("before their defeat in 2011"): the mentions outside the quotations, or
    those of its main act, where they give a date."""
    if len({m.event_type for m in group}) == 1 or all(
            ontology().type(m.event_type).family == "violent" for m in group):
        return group
    for subset in ([m for m in group if m.reported_by is None],
                   [m for m in group if _act(m) == name]):
        if any(m.time is not None and m.time.resolved for m in subset):
            return subset
    return []  # nothing dates the saying: undated rather than dated by what was said


def statement_type(group: list[EventMention]) -> str:
    """The main act of a statement, as coders pick it: the most consequential PLOVER category
    said (an announced suspension over a threat, a threat over an accusation, an accusation
    over a demand), then the most frequent. A vowed or paused attack counts as a threat or a
    suspension; an attack told as having happened is a reference to that attack, not an act of
    the statement."""
    onto = ontology()
    acts = [act for act in map(_act, group) if act is not None]
    if not acts:  # nothing but references and conditions: the most specific violent type
        names = [m.event_type for m in group]
        violent = [n for n in names if n in SPECIFICITY]
        if violent:
            return min(violent, key=SPECIFICITY.index)
        return Counter(names).most_common(1)[0][0]
    counts = Counter(acts)
    return min(counts, key=lambda n: (_statement_rank(onto.type(n).plover), -counts[n],
                                      acts.index(n)))


def _act(mention: EventMention) -> str | None:
    """What a mention adds to a statement: its own type, a vowed or paused attack as a threat
    or a suspension; nothing for an attack told as having happened, nor for what the speaker
    asks of others or sets as a condition ("calling on Washington to pull out its forces",
    "unless Washington withdraws its troops")."""
    family = ontology().type(mention.event_type).family
    if family == "material":
        return mention.event_type if mention.mode in ("asserted", "negated") else None
    if family == "verbal":
        return None if mention.mode == "hypothetical" else mention.event_type
    if mention.mode in ("asserted", "hypothetical", "negated"):
        return None  # told, asked about, supposed or denied: no threat made
    return "suspension" if mention.mode == "suspended" else "threat"


def _statement_rank(plover: str) -> int:
    return STATEMENT_ORDER.index(plover) if plover in STATEMENT_ORDER else len(STATEMENT_ORDER)


def _source(m: EventMention, outlet_of: dict[str, str], span) -> EventSource:
    return EventSource(m.article_id, outlet_of.get(m.article_id, m.article_id),
                       tuple(span) if span else (m.start, m.end),
                       (m.sentence_start, m.sentence_end))


def _dates(group, outlet_of) -> tuple[DateGiven, ...]:
    found = []
    for m in group:
        t = m.time
        if t is not None and t.resolved and t.start:
            found.append(DateGiven(t.start, t.end or t.start, t.precision, t.reason,
                                   _source(m, outlet_of, m.time_span)))
    return tuple(found)


def resolve_date(values: tuple[DateGiven, ...]) -> dict | None:
    """The date most reports give (ties: the most precise), as start, end and precision."""
    if not values:
        return None
    counts = Counter((v.start, v.end) for v in values)
    best = max(values, key=lambda v: (counts[(v.start, v.end)],
                                      -PRECISION_RANK.get(v.precision or "", 9)))
    return {"start": best.start, "end": best.end, "precision": best.precision}


def _places(group, outlet_of, place_of) -> tuple[PlaceGiven, ...]:
    found = []
    for m in group:
        place = place_of(m.place_id) if m.place_id else None
        if place is not None:
            found.append(PlaceGiven(place.id, place.name, place.kind, place.country,
                                    place.latitude, place.longitude,
                                    _source(m, outlet_of, m.place_span)))
    return tuple(found)


def _tolls(group, outlet_of, field: str) -> tuple[TollGiven, ...]:
    found = []
    for m in group:
        toll = getattr(m, field)
        if toll is not None:
            found.append(TollGiven(toll.low, toll.high, toll.hedge, toll.added,
                                   _source(m, outlet_of, (toll.start, toll.end))))
    return tuple(found)


def _lowest(values: tuple[TollGiven, ...]) -> float | None:
    return min((v.low for v in values), default=None)


def _disagree(field: str, values: tuple) -> bool:
    if len(values) < 2:
        return False
    if field == "date":
        return any(a.end < b.start or b.end < a.start for a in values for b in values)
    if field == "place":
        countries = {v.country for v in values if v.country}
        precise = {v.place_id for v in values if v.kind in ("city", "site")}
        return len(countries) > 1 or len(precise) > 1
    return len({(v.low, v.high) for v in values}) > 1


def _the_speaker(argument, mention: EventMention) -> bool:
    """Whether an actor is the one who says what the mention tells ("Perry said he would back
    …"): by knowledge-base id, or by the speaker's name."""
    if argument.actor_id and argument.actor_id == mention.reported_by_actor:
        return True
    speaker = mention.reported_by or ""
    name = argument.canonical or argument.text
    # a speaker by name, not by description ("U.S. officials" is no "Iraqi officials")
    return (is_name(speaker) and is_name(name) and last_name(speaker) == last_name(name)
            and last_name(name)[:1].isalpha() and name.split()[-1][:1].isupper())


def _participants(group, outlet_of) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    starts = {(m.article_id, m.start) for m in group}
    told = any(m.mode == "asserted" and m.role("actor") for m in group)
    for m in group:
        # who would act in what a saying holds ("unless Baghdad accepted its conditions") is no
        # actor of the saying's event, nor, beside an act told with its actor, anyone but the
        # speaker acting in what is asked, supposed, vowed or denied ("Iran threatened an
        # offensive unless Baghdad accepted", "China demanded that the US cancel the sale";
        # "Perry said he would back a policy" keeps Perry)
        content = m.mode != "asserted" and (told or (
            m.antecedent is not None and (m.article_id, m.antecedent) in starts))
        for a in m.arguments:
            if a.role == "actor" and content and not _the_speaker(a, m):
                continue
            key = (a.role, a.actor_id or a.canonical.lower())
            seen.setdefault(key, {"role": a.role, "name": a.canonical or a.text,
                                  "actor_id": a.actor_id, "texts": []})
            if a.text not in seen[key]["texts"]:
                seen[key]["texts"].append(a.text)
            articles[key].add(m.article_id)
    result = []
    for key, entry in seen.items():
        entry["articles"] = sorted(articles[key])
        entry["outlets"] = sorted({outlet_of.get(a, a) for a in articles[key]})
        result.append(entry)
    return sorted(result, key=lambda e: (e["role"], -len(e["articles"]), e["name"]))
