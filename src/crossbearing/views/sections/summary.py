"""The story page's "What we know": a few sentences at the top of a story, written from its
structured results by fixed rules (no language model), each linked to what it rests on.

A sentence is a list of **parts** that ``templates/sections/summary.html`` joins: ``text``
(words), ``date`` (an ISO date, shown for people by the ``human_date`` filter), a span link
(``link``: the words shown, with ``article_id``, ``start`` and ``end``) or an ``anchor`` to a
row of the page (``event-ID``, ``fact-ID``, ``qg-ID``). Every word comes from the story's
events, claim groups, quote groups and sources (``StoryData``); see docs/report.md for what is
said and how each sentence is chosen.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from crossbearing.compare.coverage import may_be_same
from crossbearing.dates import day_of
from crossbearing.model_events import REPORT_DAYS, inferred_date
from crossbearing.views.sections.events import toll_text

#: At most this many sentences of each kind, in this order (8 in all).
MAIN_EVENTS, STATEMENTS, DISAGREEMENTS, OMISSIONS = 3, 2, 2, 1
#: A quote is cut to this many characters (at a word) in a sentence.
QUOTE_CHARS = 140
#: How many days before a story's first report an event may lie and still be what it tells.
BACKGROUND_DAYS = 30
#: Date precisions that pin an event down for the lead (a year alone does not).
CLOSE_PRECISIONS = frozenset({"day", "week", "month"})
#: Event families told as "what happened" (statements are told in the chronology).
HAPPENED = ("violent", "material")


def summary_section(data) -> dict[str, Any]:
    """The story told in a few sentences: its main events, a dated chronology of its key
    statements, where the sources really disagree (and where they only seem to), and which
    sources omit its main events."""
    main = _main_events(data.events, data.story)
    people = {e.actor_id for e in data.entities.values()
              if e.label == "PERSON" and e.actor_id}
    sentences = ([_event_sentence(e, people) for e in main]
                 + _statement_sentences(data)
                 + _disagreement_sentences(data, {e["id"] for e in main})[:DISAGREEMENTS]
                 + _omission_sentences(main, data.events, sorted(set(data.labels.values()))))
    return {"sentences": sentences, "count": len(sentences)}


# -- parts ------------------------------------------------------------------------------------
def _text(words: str) -> dict[str, Any]:
    return {"text": words}


def _link(label: str, article_id: str, start: int, end: int) -> dict[str, Any]:
    return {"link": label, "article_id": article_id, "start": start, "end": end}


def _listed(items: list[list[dict[str, Any]]], last: str = "and") -> list[dict[str, Any]]:
    """Groups of parts joined as in prose: "a", "a and b", "a, b and c"."""
    parts: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        if index:
            parts.append(_text(f" {last} " if index == len(items) - 1 else ", "))
        parts += item
    return parts


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


# -- the main events ----------------------------------------------------------------------------
def _main_events(events: list[dict[str, Any]], story) -> list[dict[str, Any]]:
    """The events that happened and are pinned down by a date (to the month at least) or a
    toll, in the time of the story's reports, those that most independent sources (then
    reports) give first. A year alone ("in 2012") pins nothing down a reader can check. In a
    story whose reports carry no date, nothing tells the news from the background ("the attack
    of 11 September 2001" in a report of 2010): only what two or more independent sources
    report leads."""
    found = [e for e in events if e["family"] in HAPPENED
             and (_dated_closely(e) or bool(e["values"].get("fatalities")))  # a toll a source
             and _in_the_news(e, story)  # gives, not the one of a killing of one person
             and (story.first_date or e["independent"] > 1)]
    found.sort(key=lambda e: (-e["independent"], -e["reports"], e["date"] or "", e["id"]))
    return found[:MAIN_EVENTS]


def _dated_closely(event: dict[str, Any]) -> bool:
    return bool(event["date"]) and event.get("precision") in CLOSE_PRECISIONS


def _in_the_news(event: dict[str, Any], story) -> bool:
    """Whether an event may be what the story tells: one dated more than ``BACKGROUND_DAYS``
    before its first report, or after its last, is background ("the attacks of 11 September
    2001" in a report of 2010) or a date misread. Undated stories and events always may."""
    if not event["date"] or not story.first_date:
        return True
    start = day_of(event["date"])
    end = day_of(event["date_end"] or event["date"], last=True)
    first = day_of(story.first_date) - timedelta(days=BACKGROUND_DAYS)
    return end >= first and start <= day_of(story.last_date or story.first_date, last=True)


def _event_sentence(event: dict[str, Any], people: set[str]) -> dict[str, Any]:
    """What, where, when, who, the toll and who reports it; a value the sources disagree on is
    given with each source's figure."""
    values, disagree = event["values"], set(event["disagreements"])
    parts = [{"anchor": f"event-{event['id']}", "text": event["label"]}]
    if "place" in disagree:
        parts += [_text(", placed differently: ")] + _each_value(values["place"],
                                                                  lambda v: v["name"])
    elif event["place"]:
        parts.append(_text(f" in {event['place']}"))
    if "date" in disagree:
        parts += [_text(", dated differently: ")] + _each_value(values["date"], _date_words)
    elif event["date"]:
        parts += [_text(" on "), {"date": event["date"], "end": event["date_end"]}]
    actor = _named(event, ("actor",))
    if actor:
        parts.append(_text(f", by {actor[0]}"))
    parts += _toll(values.get("fatalities") or [], "fatalities" in disagree, "killed")
    victims = _named(event, ("victim", "target"), among=people)
    if victims and event["fatalities"]:
        parts.append(_text(f" ({', '.join(victims[:2])} among them)"))
    parts += [_text("; reported by ")] + _listed(_mentions_by_outlet(event["sources"]))
    parts.append(_text(f" ({event['sources_phrase']})."))
    return {"kind": "event", "confident": event["independent"] > 1 and not disagree,
            "parts": parts}


def _date_words(value: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"date": value["start"], "end": value["end"]}]


def _toll(values: list[dict[str, Any]], disagree: bool, verb: str) -> list[dict[str, Any]]:
    if not values:
        return []
    if disagree:
        return [_text(f"; sources differ on how many were {verb}: ")] + _each_value(
            values, lambda v: [_text(toll_text(v))])
    return [_text(f", {toll_text(values[0])} {verb} (according to ")] + _listed(
        _spans_by_outlet(values)) + [_text(")")]


def _each_value(values: list[dict[str, Any]], words) -> list[dict[str, Any]]:
    """Every distinct value with the sources that give it: "3 (A), 5 (B and C)"."""
    groups: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
    for v in values:
        shown = words(v)
        shown = [_text(shown)] if isinstance(shown, str) else shown
        groups.setdefault(repr(shown), (shown, []))[1].append(v)
    return _listed([shown + [_text(" (")] + _listed(_spans_by_outlet(given)) + [_text(")")]
                    for shown, given in groups.values()], last="against")


def _spans_by_outlet(values: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """One link per source: its first value's words (an event value's ``span``)."""
    first: dict[str, dict[str, Any]] = {}
    for v in values:
        first.setdefault(v["outlet"] or v["article_id"], v)
    return [[_link(outlet, v["article_id"], *v["span"])] for outlet, v in first.items()]


def _mentions_by_outlet(sources: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """One link per source to the whole sentence of its first mention of the event."""
    first: dict[str, dict[str, Any]] = {}
    for s in sources:
        first.setdefault(s["outlet"] or s["article_id"], s)
    links = []
    for outlet, s in sorted(first.items()):
        whole = s.get("sentence_start") is not None
        links.append([_link(outlet, s["article_id"], s["sentence_start"] if whole else s["start"],
                            s["sentence_end"] if whole else s["end"])])
    return links


def _named(event: dict[str, Any], roles: tuple[str, ...], *,
           among: set[str] | None = None) -> list[str]:
    """The participants in ``roles`` known to the knowledge base (``among``: only those actor
    ids, such as the people), named by the most sources first."""
    found = [p for p in event["participants"] if p["role"] in roles and p["actor_id"]
             and (among is None or p["actor_id"] in among)]
    found.sort(key=lambda p: -len(p["outlets"]))
    names: list[str] = []
    for p in found:
        if p["name"] not in names:
            names.append(p["name"])
    return names


# -- the chronology of statements ------------------------------------------------------------
def _statement_sentences(data) -> list[dict[str, Any]]:
    """The key statements in date order: verbal events a report's words date and quotes several
    sources carry, those most sources give chosen first. A statement dated only by its first
    report's publication (``REPORT_DAYS``) is no part of a chronology."""
    found = []
    for e in data.events:
        if e["family"] == "verbal" and _dated_by_text(e) and (
                e["reported_by"] or _named(e, ("actor",))):
            found.append((e["independent"], e["date"], _verbal_sentence(e)))
    for g in data.quote_groups:
        if g["sources"] > 1:
            dates = [p.value for m in g["members"]
                     if (p := data.articles[m["article_id"]].published)]
            found.append((g["sources"], min(dates) if dates else "", _quote_sentence(g, dates)))
    chosen = sorted(found, key=lambda f: -f[0])[:STATEMENTS]
    return [sentence for _, _, sentence in sorted(chosen, key=lambda f: f[1] or "~")]


def _dated_by_text(event: dict[str, Any]) -> bool:
    """Whether a report's words date the event, not only its first report's publication."""
    dates = event["values"].get("date") or []
    return bool(event["date"]) and bool(dates) and inferred_date(dates) != REPORT_DAYS


def _verbal_sentence(event: dict[str, Any]) -> dict[str, Any]:
    who = (event["reported_by"] or _named(event, ("actor",)))[0]
    targets = [t for t in _named(event, ("target",)) if t != who][:2]
    parts = [{"date": event["date"], "end": event["date_end"]}, _text(f": {who} — "),
             {"anchor": f"event-{event['id']}", "text": _lower(event["label"])}]
    if targets:
        parts.append(_text(f" concerning {' and '.join(targets)}"))
    parts += [_text("; reported by ")] + _listed(_mentions_by_outlet(event["sources"]))
    parts.append(_text(f" ({event['sources_phrase']})."))
    return {"kind": "statement", "confident": event["independent"] > 1, "parts": parts}


def _quote_sentence(group: dict[str, Any], dates: list[str]) -> dict[str, Any]:
    speakers = [m["speaker_canonical"] or m["descriptor"] or m["speaker_text"]
                for m in group["members"]]
    named = [s for s in speakers if s]
    who = max(named, key=named.count) if named else "An unnamed speaker"
    shortest = min(group["members"], key=lambda m: len(m["text"]))
    words = _quote_words(shortest["text"])
    parts = ([_text("In reports from "), {"date": min(dates)}, _text(", ")] if dates else []) + [
        _text(f"{who} said “{words}” — "),
        {"anchor": f"qg-{group['id']}", "text": _QUOTE_LABELS.get(group["label"], group["label"])},
        _text(" in ")]
    first: dict[str, dict[str, Any]] = {}
    for m in group["members"]:
        first.setdefault(m["outlet"] or m["article_id"], m)
    parts += _listed([[_link(o, m["article_id"], m["start"], m["end"])]
                      for o, m in sorted(first.items())])
    parts.append(_text(f" ({group['sources_phrase']})."))
    return {"kind": "statement", "confident": group["speakers"] == "same", "parts": parts}


def _quote_words(text: str) -> str:
    """A quote's words without their outer quotation marks, cut at a word when long."""
    words = text.strip("“”\"' ,.;")
    if len(words) > QUOTE_CHARS:
        words = words[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
    return words


_QUOTE_LABELS = {"same": "in the same words", "partial": "in part the same words",
                 "paraphrase": "in other words"}


# -- disagreements --------------------------------------------------------------------------------
#: How each kind of difference between counts is told, real differences first.
_DIFFER = {"conflict": (0, "Sources differ on {what}: "),
           "time_scope": (1, "Sources count {what} over different periods: "),
           "hedge": (2, "Consistent, though worded differently — {what}: ")}


def _disagreement_sentences(data, told: set[str]) -> list[dict[str, Any]]:
    """Counts that differ (a conflict or different periods before hedged figures that can both
    be true), events not already told whose sources disagree, and quotes given to different
    speakers; those most sources give first within each."""
    found = []
    for g in data.claim_groups:
        if g["status"] == "differ":
            rank, opening = _DIFFER.get(g["kind"], (0, "Sources differ on {what}: "))
            found.append((rank, -g["sources"], _claim_sentence(g, opening)))
    for e in data.events:
        if e["id"] not in told and any(_between_sources(e, f) for f in e["disagreements"]):
            found.append((0, -e["independent"], _event_sentence(e, set())))
    for g in data.quote_groups:
        if g["speakers"] == "differs" and g["sources"] > 1:
            found.append((1, -g["sources"], _speakers_sentence(g)))
    return [sentence for _, _, sentence in sorted(found, key=lambda f: f[:2])]


def _between_sources(event: dict[str, Any], field: str) -> bool:
    """Whether a disagreement on ``field`` is between sources, not within one source's words."""
    return len({v["outlet"] or v["article_id"] for v in event["values"].get(field) or []}) > 1


def _claim_sentence(group: dict[str, Any], opening: str) -> dict[str, Any]:
    counted = [m["counted"] for m in group["members"] if m["counted"]]
    what = max(set(counted), key=lambda c: (counted.count(c), -len(c))) if counted else (
        group["thing"])
    by_text: dict[str, list[dict[str, Any]]] = {}
    for m in group["members"]:
        by_text.setdefault(m["text"], []).append({**m, "span": (m["start"], m["end"])})
    values = _listed([[_text(f"“{text}”"), _text(_scope(given[0]) + " (")]
                      + _listed(_spans_by_outlet(given)) + [_text(")")]
                      for text, given in by_text.items()],
                     last="and" if group["kind"] == "hedge" else "against")
    closing = ((" can both be true" if group["kind"] == "hedge" else "")
               + f" ({group['sources_phrase']}; ")
    parts = [_text(opening.format(what=what))] + values + [
        _text(closing), {"anchor": f"fact-{group['id']}", "text": "facts compared"}, _text(").")]
    return {"kind": "disagreement", "confident": True, "parts": parts}


def _scope(member: dict[str, Any]) -> str:
    scope = ", ".join(s for s in (member.get("time_scope"), member.get("place_scope")) if s)
    return f" {scope}" if scope else ""


def _speakers_sentence(group: dict[str, Any]) -> dict[str, Any]:
    shortest = min(group["members"], key=lambda m: len(m["text"]))
    words = _quote_words(shortest["text"])
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for m in group["members"]:
        who = m["speaker_canonical"] or m["descriptor"] or m["speaker_text"] or "no one named"
        by_speaker.setdefault(who, []).append({**m, "span": (m["start"], m["end"])})
    parts = [_text(f"Reports give “{words}” to different speakers: ")] + _listed(
        [[_text(f"{who} (")] + _listed(_spans_by_outlet(given)) + [_text(")")]
         for who, given in by_speaker.items()], last="and") + [
        _text(" ("), {"anchor": f"qg-{group['id']}", "text": "quotes across reports"}, _text(").")]
    return {"kind": "disagreement", "confident": True, "parts": parts}


# -- coverage -------------------------------------------------------------------------------
def _omission_sentences(main: list[dict[str, Any]], events: list[dict[str, Any]],
                        sources: list[str]) -> list[dict[str, Any]]:
    """Which sources leave out the main events that more than one independent source reports:
    one sentence, an event per clause. A source with another event that may be this one told in
    other words (``compare.coverage.may_be_same``) is not said to leave it out."""
    clauses = []
    for event in main:
        reporting = {s["outlet"] or s["article_id"] for s in event["sources"]}
        reporting |= {s["outlet"] or s["article_id"] for other in events
                      if other["id"] != event["id"] and may_be_same(event, other)
                      for s in other["sources"]}
        missing = [s for s in sources if s not in reporting]
        if missing and event["independent"] > 1:
            what = _lower(event["label"]) + (f" in {event['place']}" if event["place"] else "")
            clauses.append([{"anchor": f"event-{event['id']}", "text": f"the {what}"},
                            _text(" is not reported by " + _names(missing))])
    if not clauses:
        return []
    parts: list[dict[str, Any]] = []
    for clause in clauses:
        parts += ([_text("; ")] if parts else []) + clause
    parts[0] = {**parts[0], "text": parts[0]["text"][:1].upper() + parts[0]["text"][1:]}
    return [{"kind": "omission", "confident": True, "parts": parts + [_text(".")]}][:OMISSIONS]


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
