"""Event mentions (per article) and events merged across a story's articles."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from crossbearing.event_corrections import corrected_events
from crossbearing.model import EventArgument, EventMention, TimeValue, Toll
from crossbearing.model_events import Event, values_from_record, values_record
from crossbearing.store.database import chunks, placeholders

if TYPE_CHECKING:
    from crossbearing.store.database import Database

#: How the time expression that dates an event mention was resolved ("story dates": read against
#: the story's other reports), read from the time expression itself.
DATE_REASON = ("(SELECT t.reason FROM time_expressions t WHERE t.article_id = "
               "event_mentions.article_id AND t.start = event_mentions.time_start AND "
               't."end" = event_mentions.time_end)')
MENTION_COLUMNS = (
    "article_id", "start", '"end"', "text", "sentence_start", "sentence_end", "event_type", "mode",
    "aggregate", "arguments", "means", "place_id", "place_start", "place_end", "date_start",
    "date_end", "date_precision", "date_resolved", "time_start", "time_end", "fatalities_low",
    "fatalities_high", "fatalities_hedge", "fatalities_start", "fatalities_end",
    "fatalities_added", "injuries_low", "injuries_high", "injuries_hedge", "injuries_start",
    "injuries_end", "reported_by", "reported_by_actor", "antecedent",
)
EVENT_COLUMNS = ("event_id", "story_id", "event_type", "family", "mode", "aggregate", "date_start",
                 "date_end", "date_precision", "place_id", "fatalities", "injuries", "detail",
                 "mentions", "articles")


class EventRepository:
    """Event mentions and events merged across a story's reports (``store.events``)."""

    def __init__(self, store: Database) -> None:
        self.store = store

    def save_event_mentions(self, article_id: str, mentions: Iterable[EventMention],
                            version: str) -> None:
        """Replace one article's event mentions (the caller holds the transaction)."""
        self.store.execute("DELETE FROM event_mentions WHERE article_id = ?", (article_id,))
        self.store.insert_many("event_mentions", MENTION_COLUMNS + ("produced_by",),
                               [_mention_row(m) + (version,) for m in mentions])

    def event_mentions(self, article_ids: Iterable[str] | None = None) -> list[EventMention]:
        """Event mentions of the given articles (all when None), in article and text order."""
        query = f"SELECT {', '.join(MENTION_COLUMNS)}, {DATE_REASON} FROM event_mentions"
        if article_ids is None:
            rows = self.store.execute(query + " ORDER BY article_id, start").fetchall()
        else:
            rows = []
            for chunk in chunks(article_ids):
                rows.extend(self.store.execute(
                    f"{query} WHERE article_id IN ({placeholders(chunk)})",
                    tuple(chunk)).fetchall())
            rows.sort(key=lambda r: (r[0], r[1]))
        return [_mention_from_row(row) for row in rows]

    def mention_sentences(self, article_ids: Iterable[str]) -> list[tuple[str, int, int, int]]:
        """(article id, start, sentence start, sentence end) of each event mention of these
        articles, in article and text order: where the mentions stand, without reading the
        rest of them."""
        rows: list[tuple[str, int, int, int]] = []
        for chunk in chunks(article_ids):
            rows.extend(self.store.execute(
                "SELECT article_id, start, sentence_start, sentence_end FROM event_mentions "
                f"WHERE article_id IN ({placeholders(chunk)})", tuple(chunk)).fetchall())
        return sorted(rows, key=lambda r: (r[0], r[1]))

    def story_map(self) -> dict[str, str]:
        """Article id → story id for every article in a story."""
        return dict(self.store.execute(
            "SELECT article_id, story_id FROM story_articles").fetchall())

    def time_texts(self) -> dict[tuple[str, int], str]:
        """(article id, start) → the words of every time expression."""
        rows = self.store.execute("SELECT article_id, start, text FROM time_expressions").fetchall()
        return {(a, s): t for a, s, t in rows}

    def source_labels(self) -> dict[str, str]:
        """Article id → how to name its source (:func:`crossbearing.sources.source_label`, with
        corrected outlets)."""
        from crossbearing.sources import label_of

        fixes = self.store.corrections.article_corrections()
        return {article_id: label_of(article_id, fixes.get(article_id, {}).get("outlet", outlet),
                                     domain, path)
                for article_id, outlet, domain, path in self.store.execute(
                    "SELECT article_id, outlet, domain, source_path FROM articles").fetchall()}

    def replace_events(self, events: Iterable[Event], version: str) -> int:
        """Replace every stored event by ``events``. Events are recomputed from the mentions
        each run."""
        self.store.execute("DELETE FROM event_sources")
        self.store.execute("DELETE FROM events")
        events = list(events)
        self.store.insert_many("events", EVENT_COLUMNS + ("produced_by",), [
            (e.event_id, e.story_id, e.event_type, e.family, e.mode, int(e.aggregate),
             e.date_start, e.date_end, e.date_precision, e.place_id, e.fatalities, e.injuries,
             json.dumps({**e.detail, "values": values_record(e.values)}, sort_keys=True),
             e.mentions, e.articles, version)
            for e in events])
        self.store.insert_many("event_sources", ("event_id", "article_id", "start"),
                               [(e.event_id, article_id, start)
                                for e in events for article_id, start in e.sources])
        return len(events)

    def all(self, story_id: str | None = None) -> list[Event]:
        """Stored events (of one story), by date then type, each with its ``sources``; an
        analyst's corrections of their fields applied (:mod:`crossbearing.event_corrections`)."""
        where, params = (" WHERE story_id = ?", (story_id,)) if story_id else ("", ())
        rows = self.store.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events{where} "
                                  "ORDER BY date_start IS NULL, date_start, event_type, event_id",
                                  params).fetchall()
        if not rows:
            return []
        sources: dict[str, list[tuple[str, int]]] = {}
        among = (" WHERE event_id IN (SELECT event_id FROM events WHERE story_id = ?)"
                 if where else "")
        for event_id, article_id, start in self.store.execute(
                f"SELECT event_id, article_id, start FROM event_sources{among} "
                "ORDER BY article_id, start", params).fetchall():
            sources.setdefault(event_id, []).append((article_id, start))
        events = [_event_from_row(row, sources.get(row[0], [])) for row in rows]
        return corrected_events(events, self.store.corrections.event_corrections())


def _event_from_row(r: tuple, sources: list[tuple[str, int]]) -> Event:
    """An event from its row (EVENT_COLUMNS) and its sources; the values each report gives
    are kept in the row's ``detail``."""
    detail = json.loads(r[12])
    values = values_from_record(detail.pop("values", {}))
    return Event(*r[:5], bool(r[5]), *r[6:12], detail, r[13], r[14], tuple(sources), values)


def _mention_row(m: EventMention) -> tuple:
    time = m.time
    f, i = m.fatalities, m.injuries
    return (
        m.article_id, m.start, m.end, m.text, m.sentence_start, m.sentence_end, m.event_type,
        m.mode, int(m.aggregate),
        json.dumps([a.__dict__ for a in m.arguments], ensure_ascii=False),
        json.dumps(list(m.means)), m.place_id,
        m.place_span[0] if m.place_span else None, m.place_span[1] if m.place_span else None,
        time.start if time else None, time.end if time else None,
        time.precision if time else None, int(time.resolved) if time else None,
        m.time_span[0] if m.time_span else None, m.time_span[1] if m.time_span else None,
        f.low if f else None, f.high if f else None, f.hedge if f else None,
        f.start if f else None, f.end if f else None, f.added if f else None,
        i.low if i else None, i.high if i else None, i.hedge if i else None,
        i.start if i else None, i.end if i else None,
        m.reported_by, m.reported_by_actor, m.antecedent,
    )


def _mention_from_row(r: tuple) -> EventMention:
    (article_id, start, end, text, s_start, s_end, event_type, mode, aggregate, arguments, means,
     place_id, place_start, place_end, d_start, d_end, d_precision, d_resolved, t_start, t_end,
     f_low, f_high, f_hedge, f_start, f_end, f_added, i_low, i_high, i_hedge, i_start, i_end,
     reported_by, reported_actor, antecedent, d_reason) = r
    time = None
    if t_start is not None:
        time = TimeValue(d_start, d_end, d_precision, bool(d_resolved), d_reason)
    return EventMention(
        article_id=article_id, start=start, end=end, text=text, sentence_start=s_start,
        sentence_end=s_end, event_type=event_type, mode=mode, aggregate=bool(aggregate),
        arguments=tuple(EventArgument(**a) for a in json.loads(arguments)),
        means=tuple(json.loads(means)), place_id=place_id,
        place_span=(place_start, place_end) if place_start is not None else None,
        time=time, time_span=(t_start, t_end) if t_start is not None else None,
        fatalities=Toll(f_low, f_high, f_hedge, f_start, f_end, "", f_added or 0)
        if f_low is not None else None,
        injuries=Toll(i_low, i_high, i_hedge, i_start, i_end, "") if i_low is not None else None,
        reported_by=reported_by, reported_by_actor=reported_actor, antecedent=antecedent)
