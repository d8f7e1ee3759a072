"""Commands of the corpus stages: corpus, entities, stories, story, reuse."""

from __future__ import annotations

import sys

import click
from rich.table import Table

from crossbearing.cli.common import (
    db_option,
    err,
    exit_status,
    json_option,
    known_story,
    open_db,
    out,
    print_failures,
    print_json,
    safe,
    writing_run,
)
from crossbearing.cli.tables import counted, listing, short_ids
from crossbearing.views.records import (
    entity_rows,
    failure_view,
    passage_views,
    story_rows,
    story_view,
)


#: Entity types an analyst may add to the knowledge base (peoples and places are not actors).
UNKNOWN_LABELS = frozenset({"PERSON", "ORG", "FAC"})
#: Types of places an analyst may add to the gazetteer (``kb/data/places/towns.toml``).
UNKNOWN_PLACE_LABELS = frozenset({"GPE", "LOC"})


@click.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many.")
@click.option("--unknown", is_flag=True, help="Only the people, groups and sites the knowledge "
              "base does not know and the places the gazetteer does not know: candidates for an "
              "analyst to add (docs/kb.md, docs/places.md).")
@json_option
def entities(db: str, limit: int | None, unknown: bool, as_json: bool) -> None:
    """List the actors and places named in the articles, with their mentions per outlet and the
    spellings each outlet used."""
    with open_db(db) as store:
        rows = entity_rows(store.annotations.entity_table())
    if unknown:
        from crossbearing.kb.places import lookup_place

        rows = [r for r in rows if not r["actor_id"] and (
            r["label"] in UNKNOWN_LABELS and not (r["label"] == "FAC" and lookup_place(r["name"]))
            or r["label"] in UNKNOWN_PLACE_LABELS and lookup_place(r["name"]) is None)]
    rows = rows[:limit]
    if as_json:
        print_json(rows)
        return
    table = Table("entity", "type", "kb id", "mentions", "outlet", "n", "spellings")
    for row in rows:
        for index, outlet in enumerate(row["outlets"]):
            forms = ", ".join(f"{form} ({n})" for form, n in outlet["forms"].items())
            table.add_row(safe(row["name"]) if index == 0 else "", row["label"] if index == 0 else "",
                          safe(row["actor_id"] or "—") if index == 0 else "",
                          str(row["mentions"]) if index == 0 else "",
                          safe(outlet["outlet"] or "(unknown outlet)"), str(outlet["mentions"]),
                          safe(forms))
    out.print(table)
    out.print(f"{len(rows)} entities")


@click.command()
@db_option
@click.option("--duplicate-threshold", type=click.FloatRange(0.1, 1.0), default=0.8,
              show_default=True, help="Shingle similarity from which two articles are near-copies.")
@json_option
def corpus(db: str, duplicate_threshold: float, as_json: bool) -> None:
    """Work across articles: duplicates, stories, reprinted passages, one identity per actor.

    Run after `annotate`; incremental where the work allows (see docs/cli.md)."""
    from crossbearing.corpus.run import run as run_corpus
    from crossbearing.stages import AnalysisRun

    with open_db(db) as store, writing_run(store):
        report = run_corpus(store, AnalysisRun(paths=[], duplicate_threshold=duplicate_threshold))
        failures = [failure_view(f) for f in store.failures.all("corpus")]
    summary = {"signed": report.signed, "duplicate_pairs": report.duplicate_pairs,
               "stories": report.stories, "aligned_pairs": report.aligned_pairs,
               "reprint_passages": report.reprint_passages, "entities": report.entities,
               "redated": report.redated, "failed": len(failures)}
    if as_json:
        print_json(summary)
    else:
        out.print(f"{report.duplicate_pairs} new duplicate pairs, {report.stories} stories, "
                  f"{report.reprint_passages} reprinted passages in {report.aligned_pairs} newly "
                  f"aligned pairs, {report.entities} entities")
        print_failures(failures)
    sys.exit(exit_status(failed=len(failures)))


@click.command()
@db_option
@json_option
def stories(db: str, as_json: bool) -> None:
    """List the stories, largest first: id, headline, dates, reports and independent sources
    (`--json` has the outlets too)."""
    with open_db(db) as store:
        rows = story_rows(store)
    if as_json:
        print_json(rows)
        return
    shown = short_ids(row["id"] for row in rows)
    out.print(listing(("story", "title", "dates", "reports", "sources"), [
        (shown[row["id"]], safe(row["title"] or "(untitled)"),
         _dates(row["first_date"], row["last_date"]), str(row["articles"]),
         str(row["independent"])) for row in rows], ids=("story",), width=out.width))
    out.print("sources: independent ones (an outlet's reports, reprints, copies count once)")
    out.print(counted(len(rows), "story", "stories"))


def _dates(first: str | None, last: str | None) -> str:
    """A story's span of days, short: "2024-02-09", "2024-02-09…10", "2024-01-30…02-02"."""
    if not first:
        return "—"
    if not last or last == first:
        return first
    same = 8 if first[:8] == last[:8] else 5 if first[:5] == last[:5] else 0
    return f"{first}…{last[same:]}"


@click.command()
@click.argument("story_id")
@db_option
@json_option
def story(story_id: str, db: str, as_json: bool) -> None:
    """Show one story: its reports, their reprinted passages and duplicates.

    STORY_ID is a story id, a unique prefix of one (with or without `story-`), or an id the
    story had before it merged with another: that leads to the story it is now part of."""
    with open_db(db) as store:
        found = known_story(store, story_id)
        view = story_view(store, found)
        moved = not store.corpus.names_story(story_id, found)
    if view is None:
        raise click.UsageError(f"no story with id {story_id!r}")
    if moved:
        err.print(f"{safe(story_id)} is now part of {found}")
    if as_json:
        print_json(view)
        return
    out.print(f"[bold]{safe(view['title'] or '(untitled)')}[/bold]  ({view['id']})")
    out.print(f"{view['sources_phrase']}, {view['first_date'] or '?'} to "
              f"{view['last_date'] or '?'}")
    for article in view["articles"]:
        out.print(f"  {article['id']}  {safe(article['published'] or '—'):>10}  "
                  f"{safe(article['source'])}: {safe(article['title'] or '(untitled)')}")
    for family in view["families"]:
        out.print(f"  one source: {safe(', '.join(family['labels']))} ("
                  + "; ".join(f"{r['article_id']} {w['says']} {w['of']}"
                              for r in family["reports"] for w in r["why"]) + ")")
    for passage in view["passages"]:
        out.print(f"  {passage['kind']}: {passage['article_a']} ↔ {passage['article_b']}, "
                  f"{passage['words']} words ({passage['direction']})")


@click.command()
@db_option
@click.option("--kind", type=click.Choice(["reprint", "shared-quotation"]), default=None,
              help="Only passages of this kind.")
@json_option
def reuse(db: str, kind: str | None, as_json: bool) -> None:
    """List passages articles share (reprints and shared quotations) and duplicate articles."""
    with open_db(db) as store:
        rows = passage_views(store, store.corpus.passages(kind))
        duplicates = store.corpus.duplicates()
    if as_json:
        print_json({"passages": rows, "duplicates": duplicates})
        return
    table = Table("kind", "from", "to", "words", "direction", "text")
    for row in rows:
        table.add_row(row["kind"], row["article_a"], row["article_b"], str(row["words"]),
                      row["direction"], safe(row["text_a"][:120]))
    out.print(table)
    for pair in duplicates:
        out.print(f"{pair['kind']} duplicate: {pair['article_a']} = {pair['article_b']} "
                  f"(similarity {pair['similarity']:.2f})")
    out.print(f"{len(rows)} shared passages, {len(duplicates)} duplicate pairs")
