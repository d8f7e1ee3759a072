"""Analyst corrections from the command line: an article's outlet, publication date or title
(``crossbearing correct article``), an event's fields (``crossbearing correct event``), and
listing or withdrawing corrections of any kind."""

from __future__ import annotations

import click

from crossbearing.cli.common import db_option, json_option, open_db, out, print_json, safe


@click.group()
def correct() -> None:
    """Correct what the analysis read, kept apart from it and applied again after every
    re-analysis: an article's outlet, publication date or title; an event's type, date, place,
    fatalities, actor or target; list or withdraw corrections."""


@correct.command("article")
@click.argument("article_id")
@click.option("--outlet", help="The outlet that published it (a known outlet's name is "
                               "written as the outlet table writes it).")
@click.option("--published", help="Its publication date, ISO 8601: 2024-02-07 or "
                                  "2024-02-07T14:30.")
@click.option("--title", help="Its title.")
@click.option("--note", default="", help="Why, in your words.")
@db_option
@json_option
def correct_article(article_id: str, outlet: str | None, published: str | None,
                    title: str | None, note: str, db: str, as_json: bool) -> None:
    """Correct the outlet, publication date or title of article ARTICLE_ID (an id or its unique
    start). Every table names the corrected outlet at once; counts of sources, the comparison
    and the events follow at the next `crossbearing analyze` (or `corpus` and `compare`)."""
    fixes = {"article-outlet": outlet, "article-published": published, "article-title": title}
    fixes = {kind: value for kind, value in fixes.items() if value is not None}
    if not fixes:
        raise click.UsageError("give at least one of --outlet, --published, --title")
    with open_db(db) as store:
        article = store.articles.article(article_id)
        with store.transaction():
            made = [store.corrections.add_override(kind, article.id, value, note)
                    for kind, value in fixes.items()]
        after = store.articles.article(article.id)
        rows = [o for o in store.corrections.overrides() if o["override_id"] in made]
    if as_json:
        print_json(rows)
        return
    published_value = after.published.value if after.published else "undated"
    out.print(f"{after.id}: {safe(after.outlet or '(outlet unknown)')} · {safe(published_value)}"
              f" · {safe(after.title or '(untitled)')}")
    for row in rows:
        out.print(f"  {row['kind']} → {safe(row['value'])}  [dim]{row['override_id']}[/dim]")


@correct.command("event")
@click.argument("event_id")
@click.option("--type", "event_type", help="Its type: one of data/events.toml's (air_drone_strike, "
              "armed_clash, protest ...).")
@click.option("--date", help="Its date: a day, a month or a year (2024-02-07, 2024-02, 2024).")
@click.option("--place", help="Its place, a name or id the gazetteer knows (Baghdad, Tower 22).")
@click.option("--fatalities", help="The number killed.")
@click.option("--actor", help="Its actor, a knowledge-base actor's id or name.")
@click.option("--target", help="Its target, a knowledge-base actor's id or name.")
@click.option("--confirm", "decision", flag_value="confirm", help="It is an event (listed first).")
@click.option("--reject", "decision", flag_value="reject", help="It is no event (not listed).")
@click.option("--note", default="", help="Why, in your words.")
@db_option
@json_option
def correct_event(event_id: str, event_type: str | None, date: str | None, place: str | None,
                  fatalities: str | None, actor: str | None, target: str | None,
                  decision: str | None, note: str, db: str, as_json: bool) -> None:
    """Correct event EVENT_ID (an id or its unique start): its type, date, place, fatalities,
    actor or target, or confirm or reject it. Kept apart from what the analysis computes and
    applied again after every re-analysis; every listing and export shows it at once."""
    fixes = {"event-type": event_type, "event-date": date, "event-place": place,
             "event-fatalities": fatalities, "event-actor": actor, "event-target": target,
             "event": decision}
    fixes = {kind: value for kind, value in fixes.items() if value is not None}
    if not fixes:
        raise click.UsageError("give at least one of --type, --date, --place, --fatalities, "
                               "--actor, --target, --confirm, --reject")
    with open_db(db) as store:
        prefix = store.id_prefix(event_id, "event", "ev-")
        found = store.one_id(store.ids_with_prefix("events", "event_id", prefix), event_id,
                             "event")
        with store.transaction():
            made = [store.corrections.add_override(kind, found, value, note)
                    for kind, value in fixes.items()]
        rows = [o for o in store.corrections.overrides() if o["override_id"] in made]
    if as_json:
        print_json(rows)
        return
    out.print(f"{found}:")
    for row in rows:
        out.print(f"  {row['kind']} → {safe(row['value'])}  [dim]{row['override_id']}[/dim]")


@correct.command("list")
@click.option("--kind", help="Only corrections of this kind (article-outlet, event, ...).")
@click.option("--target", help="Only corrections of this article, entity, passage or event.")
@db_option
@json_option
def list_corrections(kind: str | None, target: str | None, db: str, as_json: bool) -> None:
    """List the corrections made, oldest first (the order they apply in)."""
    with open_db(db) as store:
        rows = [o for o in store.corrections.overrides(kind)
                if target is None or o["target"] == target]
    if as_json:
        print_json(rows)
        return
    for row in rows:
        note = f"  ({safe(row['note'])})" if row["note"] else ""
        out.print(f"{row['override_id']}  {row['kind']}  {safe(row['target'])} → "
                  f"{safe(row['value'])}{note}  [dim]{row['created_at']}[/dim]")
    out.print(f"{len(rows)} corrections")


@correct.command("remove")
@click.argument("override_id")
@db_option
def remove_correction(override_id: str, db: str) -> None:
    """Withdraw correction OVERRIDE_ID (as `crossbearing correct list` shows it)."""
    with open_db(db) as store:
        with store.transaction():
            removed = store.corrections.remove_override(override_id.strip())
    if not removed:
        raise click.UsageError(f"no correction with id {override_id!r}")
    out.print(f"withdrawn: {safe(override_id)}")
