"""The story page's event sections: the timeline and the events table.

Both read the story's merged events (``event_views``: single events that happened) from
the page's ``StoryData`` and return plain dicts for ``templates/sections/timeline.html`` and
``events.html``. The timeline's drawing (positions in an SVG of fixed width) is computed here,
so the page needs no script to show it; its small script only adds the details on hover.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from crossbearing.dates import day_of
from crossbearing.errors import NotFound
from crossbearing.model_events import (
    REPORT_DAYS,
    STORY_DATES,
    Event,
    inferred_date,
    is_listed,
    values_record,
)
from crossbearing.sources import copy_records, sources_phrase, story_families

#: The timeline's drawing: width, margins, height of one event's lane, label size.
WIDTH, LEFT, RIGHT, TOP, LANE = 900, 12, 12, 34, 24
LABEL_CHARS = 60
TICKS = 5


def event_order(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dated events by date (then end, then label), then undated ones, violent first."""
    dated = sorted((e for e in events if e["date"]),
                   key=lambda e: (e["date"], e["date_end"] or e["date"], e["label"]))
    undated = sorted((e for e in events if not e["date"]),
                     key=lambda e: (e["family"] != "violent", e["label"]))
    return dated + undated


def date_text(start: str | None, end: str | None) -> str:
    """A date or a range as written in the tables: "2024-02-07", "2024-02-01 – 2024-02-29"."""
    if not start:
        return "undated"
    return start if not end or end == start else f"{start} – {end}"


def toll_text(value: dict[str, Any]) -> str:
    """A toll as a source gives it: hedge and number or range ("at least 3", "3–9")."""
    low, high = value["low"], value["high"]
    number = f"{low:g}" if high is None or high == low else f"{low:g}–{high:g}"
    return f"{value['hedge']} {number}" if value.get("hedge") else number


def _who(event: dict[str, Any]) -> str | None:
    """What tells an undated event without a place apart in a list: its first actor, else its
    first target ("by Kata'ib Hezbollah", "on United States"), else the word that names it."""
    for role, word in (("actor", "by"), ("target", "on"), ("victim", "on")):
        named = next((p["name"] for p in event["participants"] if p["role"] == role), None)
        if named:
            return f"{word} {named}"
    return next((f"“{s['trigger']}”" for s in event["sources"] if s.get("trigger")), None)


def timeline_section(data) -> dict[str, Any]:
    """The story's dated events drawn on a time axis (a bar where the date is a range, a dot
    for a single day), each linking to its row of the events table; undated events apart,
    grouped by type."""
    ordered = event_order(data.events)
    dated = [e for e in ordered if e["date"]]
    undated: dict[str, list[dict[str, Any]]] = {}
    for e in ordered:
        if not e["date"]:
            undated.setdefault(e["label"], []).append(
                {"id": e["id"], "place": e["place"] or _who(e), "sources": len(e["sources"])})
    undated = [{"label": label, "events": items} for label, items in undated.items()]
    height = TOP + LANE * len(dated) + 8
    if not dated:
        return {"marks": [], "ticks": [], "undated": undated, "width": WIDTH, "height": height}
    first = min(day_of(e["date"]) for e in dated)
    last = max(day_of(e["date_end"] or e["date"], last=True) for e in dated)
    span = (last - first).days + 1
    pad = max(1.0, span * 0.05)
    # Positions are reckoned in day numbers, not dates: a padded axis around an event dated in
    # year 1 or on 9999-12-31 would step outside the calendar.
    origin, length = first.toordinal() - pad, span + 2 * pad

    def x(day: int) -> float:
        return round(LEFT + (day - origin) / length * (WIDTH - LEFT - RIGHT), 1)

    marks = [_mark(e, index, x) for index, e in enumerate(dated)]
    ticks = sorted({date.fromordinal(min(first.toordinal() + round(span * i / (TICKS - 1)),
                                         last.toordinal())) for i in range(TICKS)}
                   if span > 1 else {first})
    return {"marks": marks, "undated": undated, "width": WIDTH, "height": height,
            "ticks": [{"x": x(t.toordinal()), "label": t.isoformat()} for t in ticks]}


def _mark(event: dict[str, Any], index: int, x) -> dict[str, Any]:
    start = day_of(event["date"])
    end = day_of(event["date_end"] or event["date"], last=True)
    x1, x2 = x(start.toordinal()), x(end.toordinal() + 1)
    y = TOP + LANE * index + LANE / 2
    text = ", ".join(p for p in (event["label"], event["place"]) if p)
    if event["fatalities"] is not None:
        text += f", {event['fatalities']:g} killed"
    if len(text) > LABEL_CHARS:
        text = text[:LABEL_CHARS - 1] + "…"
    right = (x1 + x2) / 2 < WIDTH * 0.6
    return {"id": event["id"], "label": event["label"], "place": event["place"],
            "date": date_text(event["date"], event["date_end"]), "precision": event["precision"],
            "fatalities": event["fatalities"], "sources": len(event["sources"]),
            "disagreements": event["disagreements"],
            "x": x1, "width": round(max(x2 - x1, 6.0), 1), "y": y, "cx": round((x1 + x2) / 2, 1),
            "bar": event["precision"] != "day" or end > start, "text": text,
            "text_x": round(x2 + 6 if right else x1 - 6, 1), "anchor": "start" if right else "end"}


def events_section(data) -> dict[str, Any]:
    """The ACLED-like events table: date and precision, type, actors, targets and victims,
    place, fatalities; for date, place and tolls every source's value with its outlet and span
    (disagreements flagged), and every mention linked to its sentence. The confident events come
    first (``confident``: reported by two or more independent sources, or confirmed by an
    analyst), then those one source reports, each part in date order."""
    rows = [_event_row(e) for e in event_order(data.events)]
    rows = [r for r in rows if r["confident"]] + [r for r in rows if not r["confident"]]
    return {"events": rows, "count": len(rows),
            "confident": sum(1 for r in rows if r["confident"]),
            "disagreeing": sum(1 for r in rows if r["disagreements"])}


#: Why an event's date is inferred rather than read, by the note its values share.
INFERRED_WHY = {
    REPORT_DAYS: "no report dates the saying: the first report's publication day or the day "
                 "before",
    STORY_DATES: "read against the dates of the story's other reports: this report's own date "
                 "is known only to the month"}


def _event_row(event: dict[str, Any]) -> dict[str, Any]:
    values = event["values"]
    disagree = set(event["disagreements"])
    roles = {"actor": [], "target": []}
    for p in event["participants"]:
        roles["actor" if p["role"] == "actor" else "target"].append(
            {"name": p["name"], "role": p["role"], "texts": p["texts"], "outlets": p["outlets"],
             "actor_id": p["actor_id"]})
    fields = {
        "date": (date_text(event["date"], event["date_end"]) if event["date"] else None,
                 lambda v: date_text(v["start"], v["end"])),
        "place": (event["place"], lambda v: v["name"]),
        "fatalities": (_number(event["fatalities"]), toll_text),
        "injuries": (_number(event["injuries"]), toll_text),
    }
    cells = {name: {"value": value, "disagree": name in disagree,
                    "values": _by_value(values.get(name) or [], show)}
             for name, (value, show) in fields.items()}
    return {"id": event["id"], "label": event["label"], "type": event["type"],
            "family": event["family"], "acled_event_type": event["acled_event_type"],
            "acled_sub_event_type": event["acled_sub_event_type"], "plover": event["plover"],
            "precision": event["precision"], "means": event["means"],
            "date_inferred": INFERRED_WHY.get(inferred_date(values.get("date") or [])),
            "reported_by": event["reported_by"], "disagreements": event["disagreements"],
            "actors": roles["actor"], "targets": roles["target"], **cells,
            "sources": _sources_by_outlet(event["sources"]),
            "sources_phrase": event["sources_phrase"],
            "confident": is_confident(event["independent"], event["decision"])}


def _number(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"


def _by_value(values: list[dict[str, Any]], show) -> list[dict[str, Any]]:
    """Source values grouped by what they say, then by outlet, each with its spans."""
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for v in values:
        start, end = v["span"]
        outlets = groups.setdefault(show(v), {})
        outlets.setdefault(v["outlet"], []).append(
            {"article_id": v["article_id"], "start": start, "end": end,
             "note": v.get("note")})
    return [{"value": value, "outlets": [{"outlet": o, "spans": spans}
                                         for o, spans in sorted(outlets.items())]}
            for value, outlets in groups.items()]


def _sources_by_outlet(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each mention of the event under its outlet, linked to its whole sentence."""
    outlets: dict[str, list[dict[str, Any]]] = {}
    for s in sources:
        whole = s.get("sentence_start") is not None
        outlets.setdefault(s["outlet"] or s["article_id"], []).append(
            {"article_id": s["article_id"],
             "start": s["sentence_start"] if whole else s["start"],
             "end": s["sentence_end"] if whole else s["end"],
             "trigger": s.get("trigger") or "mention", "reported_by": s.get("reported_by")})
    return [{"outlet": o, "mentions": m} for o, m in sorted(outlets.items())]


# -- events and the timeline as the CLI, the exports and the pages read them ------------------
def event_views(store, story_id: str | None = None, *, every: bool = False) -> list[dict[str, Any]]:
    """A story's events (all stories' without ``story_id``) with their values per source, the
    resolved values and the disagreements, and each source mention's article, trigger span and
    sentence span. Only single events that happened unless ``every``: no counts of many events
    ("over 160 attacks"), no threatened, suspended or denied ones, none dated only to a year or
    more (:func:`is_listed`), none an analyst rejected. ``decision`` is the analyst's correction ('confirm' or 'reject'), else None."""
    return event_views_of(store, store.events.all(story_id), store.events.source_labels(),
                          every=every)


def event_views_of(store, events: list[Event], labels: dict[str, str], *,
                   every: bool = False,
                   families: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """:func:`event_views` of stored events already read, with the store's source labels and
    the source family of each article (read from the store when not given)."""
    mentions = {(m.article_id, m.start): m for m in store.events.event_mentions(
        sorted({a for e in events for a, _ in e.sources}))}
    quotes = _quoted_sources(store, [k for e in events for k in e.sources if k not in mentions])
    if families is None:
        families = families_of(store, {e.story_id for e in events})
    decisions = store.corrections.event_decisions()
    views = []
    for event in events:
        decision = decisions.get(event.event_id)
        if not every and not is_listed(event, decision):
            continue  # a series is listed: only a campaign pinned down by a date or toll is kept
        detail = event.detail
        place = store.annotations.place(event.place_id) if event.place_id else None
        views.append({
            "id": event.event_id, "story_id": event.story_id,
            "type": event.event_type, "label": detail["label"], "family": event.family,
            "acled_event_type": detail["acled_event_type"],
            "acled_sub_event_type": detail["acled_sub_event_type"], "plover": detail["plover"],
            "mode": event.mode, "aggregate": event.aggregate,
            "date": event.date_start, "date_end": event.date_end,
            "precision": event.date_precision,
            "place": place.name if place else None, "place_id": event.place_id,
            "fatalities": event.fatalities, "injuries": event.injuries,
            "participants": detail["participants"], "means": detail["means"],
            "reported_by": detail["reported_by"], "outlets": detail["outlets"],
            "disagreements": detail["disagreements"], "values": values_record(event.values),
            "rules": detail["rules"], "decision": decision,
            "sources": [_event_source(mentions.get(key), key, labels, quotes)
                        for key in event.sources],
            **_counts({a for a, _ in event.sources}, families),
        })
    return views


def is_confident(independent: int, decision: str | None) -> bool:
    """Whether a listed event is among the confident ones: reported by two or more independent
    sources, or confirmed by an analyst."""
    return independent > 1 or decision == "confirm"


def independent_sources(article_ids: set[str], families: dict[str, str]) -> int:
    """How many independent sources (source families) the articles are."""
    return len({families.get(a, a) for a in article_ids})


def _counts(article_ids: set[str], families: dict[str, str]) -> dict[str, Any]:
    """How many reports carry an event and how many independent sources they are."""
    independent = independent_sources(article_ids, families)
    return {"reports": len(article_ids), "independent": independent,
            "sources_phrase": sources_phrase(len(article_ids), independent)}


def families_of(store, story_ids: set[str]) -> dict[str, str]:
    """Article id → its source family, for the articles of these stories."""
    copies = copy_records(store) if story_ids else {}
    found: dict[str, str] = {}
    for story_id in sorted(s for s in story_ids if s):
        articles = store.articles.articles_by_id(store.corpus.story_members(story_id))
        families = story_families(store, articles, copies)
        found.update({a.id: families.family_of(a.id) for a in articles})
    return found


def _quoted_sources(store, keys: list[tuple[str, int]]) -> dict[tuple[str, int], Any]:
    """The quotations that are sources of statements (corpus/statements.py), by the key the
    event keeps: where the report of the saying begins."""
    found = {}
    for article_id in sorted({a for a, _ in keys}):
        for quote in store.annotations.quotes(article_id):
            found[(article_id, quote.told_at)] = quote
    return found


def _event_source(mention, key: tuple[str, int], labels: dict[str, str],
                  quotes: dict[tuple[str, int], Any] | None = None) -> dict[str, Any]:
    article_id, start = key
    quote = (quotes or {}).get(key) if mention is None else None
    if quote is not None:  # a quotation of the statement, linked as a whole
        end = max(quote.end, quote.cue[1] if quote.cue else 0)
        return {"article_id": article_id, "outlet": labels.get(article_id, article_id),
                "start": start, "end": end, "trigger": "quoted", "sentence_start": start,
                "sentence_end": end, "reported_by": quote.speaker_canonical or quote.speaker_text}
    if mention is None:
        return {"article_id": article_id, "start": start, "end": start,
                "outlet": labels.get(article_id)}
    return {"article_id": article_id, "outlet": labels.get(article_id, article_id),
            "start": mention.start, "end": mention.end, "trigger": mention.text,
            "sentence_start": mention.sentence_start, "sentence_end": mention.sentence_end,
            "reported_by": mention.reported_by}


def timeline_view(store, story_id: str) -> dict[str, Any]:
    """A story's events in date order, each with its date precision; undated events apart."""
    if not store.corpus.story_members(story_id):
        raise NotFound(f"no story {story_id!r}")
    events = event_views(store, story_id)
    dated = [e for e in event_order(events) if e["date"]]
    return {"story_id": story_id, "dated": dated,
            "undated": [e for e in events if not e["date"]]}
