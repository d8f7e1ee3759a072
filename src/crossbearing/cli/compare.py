"""Commands that compare a story's reports: compare, claims, quote-groups, framing, events,
timeline, coverage."""

from __future__ import annotations

import sys

import click
from rich.table import Table

from crossbearing.cli.common import (
    db_option,
    exit_status,
    json_option,
    known_story,
    open_db,
    out,
    print_failures,
    print_json,
    safe,
    view_of_story,
    writing_run,
)
from crossbearing.cli.tables import counted
from crossbearing.views.records import failure_view
from crossbearing.views.sections.comparison import (
    claim_group_views,
    coverage_view,
    framing_view,
    quote_group_views,
)
from crossbearing.views.sections.events import event_views, timeline_view

#: How a coverage cell is shown.
MARKS = {"reported": "✓", "unclear": "?", "omitted": "—"}


@click.command()
@db_option
@json_option
def compare(db: str, as_json: bool) -> None:
    """Compare each story's reports: numeric claims grouped by what they count (agree, differ,
    single-source) and quotes aligned across outlets. Run after `corpus`; rerunning replaces."""
    from crossbearing.compare.run import run as run_compare
    from crossbearing.stages import AnalysisRun

    with open_db(db) as store, writing_run(store):
        summary = run_compare(store, AnalysisRun(paths=[])).summary()
        failures = [failure_view(f) for f in store.failures.all("compare")]
    if as_json:
        print_json(summary)
        sys.exit(exit_status(failed=len(failures)))
    claims = ", ".join(f"{n} {status}" for status, n in summary["claims"].items()) or "none"
    differ = ", ".join(f"{n} {kind}" for kind, n in summary["differ"].items())
    quoted = ", ".join(f"{n} {label}" for label, n in summary["quotes"].items()) or "none"
    out.print(f"{summary['stories']} stories: {summary['claim_groups']} claim groups ({claims}"
              f"{'; differ: ' + differ if differ else ''}), {summary['quote_groups']} quote "
              f"groups ({quoted})")
    print_failures(failures)
    sys.exit(exit_status(failed=len(failures)))


@click.command()
@click.argument("story_id", required=False)
@db_option
@click.option("--status", type=click.Choice(["agree", "differ", "single-source"]), default=None,
              help="Only groups with this status.")
@json_option
def claims(story_id: str | None, db: str, status: str | None, as_json: bool) -> None:
    """List numeric claims grouped across a story's reports (all stories without STORY_ID):
    what is counted, agree/differ/single-source, and each report's number, scope and speaker."""
    with open_db(db) as store:
        story_id = known_story(store, story_id)
        rows = claim_group_views(store, story_id, status)
    if as_json:
        print_json(rows)
        return
    for g in rows:
        what = " ".join(safe(x) for x in (g["thing"], g["toll"], g["unit"]) if x)
        label = f"{g['status']} ({g['kind']})" if g["kind"] else g["status"]
        out.print(f"[bold]{what}[/bold]: {label}, {g['sources_phrase']}  [dim]{g['id']}[/dim]")
        for m in g["members"]:
            scope = ", ".join(x for x in (m["time_scope"], m["place_scope"]) if x)
            line = (f"{m['text']} {m['counted'] or ''}{'  [' + scope + ']' if scope else ''}"
                    f"{'  — ' + m['speaker'] if m['speaker'] else ''}")
            out.print(f"  {safe(line)}  [dim]{safe(m['outlet'] or '(unknown outlet)')}, "
                      f"{m['article_id']}[/dim]")
    out.print(f"{len(rows)} claim groups")


@click.command("quote-groups")
@click.argument("story_id", required=False)
@db_option
@json_option
def quote_groups(story_id: str | None, db: str, as_json: bool) -> None:
    """List quotes aligned across a story's reports (all stories without STORY_ID): the same
    words, part of them, or a paraphrase, and whether the outlets give the same speaker."""
    with open_db(db) as store:
        story_id = known_story(store, story_id)
        rows = quote_group_views(store, story_id)
    if as_json:
        print_json(rows)
        return
    for g in rows:
        out.print(f"[bold]{g['label']}[/bold], speakers {g['speakers']}, {g['sources_phrase']}  "
                  f"[dim]{g['id']}[/dim]")
        for m in g["members"]:
            who = m["speaker_canonical"] or m["descriptor"] or m["speaker_text"] or "(no speaker)"
            out.print(f"  {safe('[' + m['relation'] + ']')} {safe(m['text'][:200])}  [dim]— {safe(who)}, "
                      f"{safe(m['outlet'] or '(unknown outlet)')}, {m['article_id']}[/dim]")
    out.print(f"{len(rows)} quote groups")


@click.command()
@click.argument("story_id")
@click.option("--actor", default=None, help="Only actors whose name, id or alias matches this.")
@db_option
@json_option
def framing(story_id: str, actor: str | None, db: str, as_json: bool) -> None:
    """How each outlet of a story describes its actors: per actor, the loaded words, who used
    them in their own voice, who only quoted or reported them and the neutral wording other
    outlets wrote; then each outlet's descriptors, own apart from quoted and reported."""
    view = view_of_story(db, framing_view, story_id, actor=actor)
    if as_json:
        print_json(view)
        return
    out.print(f"[bold]{safe(view['title'] or '(untitled)')}[/bold]  ({view['story_id']}), "
              f"{len(view['outlets'])} outlets")
    for entry in view["actors"]:
        out.print(f"[bold]{safe(entry['name'])}[/bold]  [dim]{safe(entry['key'])}[/dim]")
        _print_framing_terms(entry["terms"])
        _print_framing_descriptors(entry["outlets"])
    if view["unattached_terms"]:
        out.print("[bold]Loaded words tied to no actor[/bold]")
        _print_framing_terms(view["unattached_terms"])
    out.print(f"{len(view['actors'])} actors")


#: Loaded words printed per actor, and descriptors per outlet and voice, before "+N more": an
#: actor fits a screen (``--json`` has them all).
FRAMING_TERMS_SHOWN = 8
FRAMING_DESCRIPTORS_SHOWN = 3


def _print_framing_terms(terms: list[dict]) -> None:
    """One line a loaded word: the outlets using it in their own voice (with the forms
    written), those only quoting or reporting it, and the neutral counterpart with the outlets
    that wrote it (about the same event, else in a sentence naming the actor)."""
    for term in terms[:FRAMING_TERMS_SHOWN]:
        own = "; ".join(f"{o['outlet']} ({', '.join(o['forms'])} ×{o['count']})"
                        for o in term["own"])
        line = f"  [bold]{safe(term['term'])}[/bold] [dim]{term['category']}, {term['tag']}[/dim]"
        if own:
            line += f"  own: {safe(own)}"
        others = []
        for o in term["quoted"]:
            voices = {s.get("voice") or "quoted" for s in o["spans"]}
            others.append(f"{o['outlet']} ({'/'.join(sorted(voices))})")
        if others:
            line += f"  [dim]not own: {safe('; '.join(others))}[/dim]"
        if term["neutral"]:
            used = [f"{n['outlet']} ({', '.join(n['forms'])}"
                    + (", same event" if any(s.get("aligned") == "event" for s in n["spans"])
                       else "") + ")" for n in term["neutral_used"]]
            line += f"  neutral “{safe(term['neutral'])}”"
            if used:
                line += f": {safe('; '.join(used))}"
        out.print(line)
    if len(terms) > FRAMING_TERMS_SHOWN:
        out.print(f"  [dim]+{len(terms) - FRAMING_TERMS_SHOWN} more loaded words (--json)[/dim]")


def _print_framing_descriptors(outlets: list[dict]) -> None:
    for outlet in outlets:
        lines = []
        for voice in ("own", "quoted"):
            items = outlet[voice]["descriptors"]
            for item in items[:FRAMING_DESCRIPTORS_SHOWN]:
                kinds = sorted({s["quote_kind"] for s in item["spans"] if s.get("quote_kind")})
                shown = "reported" if voice == "quoted" and not kinds else voice
                label = item["kind"] + (f", in {'/'.join(kinds)} speech" if kinds else "")
                where = ", ".join(f"{s['article_id'][:12]}:{s['start']}"
                                  for s in item["spans"][:3])
                lines.append(f"    {shown:<8} {safe(item['text'])}  "
                             f"[dim]×{item['count']} {label}; {where}[/dim]")
            if len(items) > FRAMING_DESCRIPTORS_SHOWN:
                lines.append(f"    [dim]+{len(items) - FRAMING_DESCRIPTORS_SHOWN} more {voice} "
                             "descriptors[/dim]")
        if lines:
            out.print(f"  {safe(outlet['outlet'])}")
            for line in lines:
                out.print(line)


@click.command()
@click.argument("story_id", required=False)
@click.option("--all", "every", is_flag=True, help="Also events that did not happen "
              "(threatened, suspended, denied), those dated only to a year or more, and "
              "rejected ones.")
@db_option
@json_option
def events(story_id: str | None, every: bool, db: str, as_json: bool) -> None:
    """Events merged across a story's reports (every story's without STORY_ID), each value as
    every source gave it; disagreements marked."""
    with open_db(db) as store:
        story_id = known_story(store, story_id)
        rows = event_views(store, story_id, every=every)
    if as_json:
        print_json(rows)
        return
    for e in rows:
        date = f"{e['date']} ({e['precision']})" if e["date"] else "undated"
        toll = f", {e['fatalities']:g} killed" if e["fatalities"] is not None else ""
        mark = f"  [red]differ: {', '.join(e['disagreements'])}[/red]" if e["disagreements"] else ""
        out.print(f"[bold]{safe(e['label'])}[/bold] {date}, {safe(e['place'] or 'place unknown')}"
                  f"{toll}{mark}  [dim]{e['id']} {safe(e['plover'] or '')} {e['mode']}[/dim]")
        actors = [p["name"] for p in e["participants"] if p["role"] == "actor"]
        others = [p["name"] for p in e["participants"] if p["role"] != "actor"]
        if actors or others:
            out.print(f"  {safe(', '.join(actors) or '?')} → {safe(', '.join(others) or '?')}")
        outlets = sorted({s["outlet"] for s in e["sources"]})
        out.print(f"  [dim]{counted(len(e['sources']), 'mention')} in {e['sources_phrase']}: "
                  f"{safe('; '.join(outlets))}[/dim]")
    out.print(counted(len(rows), "event"))


@click.command()
@click.argument("story_id")
@db_option
@json_option
def timeline(story_id: str, db: str, as_json: bool) -> None:
    """A story's events in date order, with the precision of each date."""
    view = view_of_story(db, timeline_view, story_id)
    if as_json:
        print_json(view)
        return
    for e in view["dated"]:
        when = e["date"] if e["date"] == e["date_end"] else f"{e['date']}..{e['date_end']}"
        out.print(f"{when}  [dim]{e['precision']}[/dim]  {safe(e['label'])}, "
                  f"{safe(e['place'] or 'place unknown')}  [dim]{counted(len(e['sources']), 'mention')}[/dim]")
    out.print(f"{len(view['dated'])} dated events, {len(view['undated'])} undated")


@click.command()
@click.argument("story_id")
@db_option
@json_option
def coverage(story_id: str, db: str, as_json: bool) -> None:
    """Which source of a story reports or omits each event, claim group and quote group."""
    view = view_of_story(db, coverage_view, story_id)
    if as_json:
        print_json(view)
        return
    table = Table("item", *[safe(s) for s in view["sources"]])
    for row in view["rows"]:
        table.add_row(f"{row['kind']}: {safe(row['label'])}",
                      *[MARKS[row["cells"][s]["status"]] for s in view["sources"]])
    out.print(table)
    out.print("✓ reported, ? not clearly omitted (an event of that source may be this one), "
              "— omitted")
    out.print("omitted per source: " + safe(", ".join(f"{s} {n}" for s, n in
                                                      view["omissions"].items())))
