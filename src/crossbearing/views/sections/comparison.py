"""The story page's comparison sections: the facts matrix, the aligned quotes, framing and
coverage.

Each reads what the comparison stored for the story (claim groups, quote groups) or computes it
from the store (framing, coverage) and lays it out against the story's sources: its outlets, or
the file names of articles whose outlet is unknown, as ``store.events.source_labels`` names them;
sources are counted as independent sources (source families, :mod:`crossbearing.sources`).
Plain dicts for ``templates/sections/KEY.html``; every item keeps its article span.
"""

from __future__ import annotations

from typing import Any

from crossbearing.compare.coverage import coverage, story_coverage
from crossbearing.compare.framing import filter_actors, story_framing
from crossbearing.model_comparison import ClaimGroup, QuoteGroup
from crossbearing.sources import relabelled, sources_phrase


# -- claim and quote groups as the CLI, the exports and the pages read them ----------------
def claim_group_views(store, story_id: str | None = None,
                      status: str | None = None) -> list[dict[str, Any]]:
    """Claim groups with their members: the story, what is counted (thing, toll, unit), the
    status and kind, how many sources, the range of written values, and per member the article,
    outlet, offsets, number as written, bounds, hedge, counted phrase, scopes and speaker."""
    labels = store.events.source_labels()
    return [claim_group_view(g, labels) for g in store.comparison.claim_groups(story_id, status)]


def claim_group_view(g: ClaimGroup, labels: dict[str, str] | None = None) -> dict[str, Any]:
    """One stored claim group as :func:`claim_group_views` shows it; members named by their
    sources' current ``labels`` (an outlet corrected since the comparison) where given."""
    reports = len({m.article_id for m in g.members})
    return {"id": g.group_id, "story_id": g.story_id, "thing": g.thing,
            "toll": g.toll, "unit": g.unit, "status": g.status, "kind": g.kind,
            "sources": g.sources, "reports": reports,
            "sources_phrase": sources_phrase(reports, g.sources),
            "low": g.low, "high": g.high,
            "members": relabelled([m.as_dict() for m in g.members], labels)}


def quote_group_views(store, story_id: str | None = None) -> list[dict[str, Any]]:
    """Quote groups with their members: the label (same, partial, paraphrase), the speaker
    comparison (same, differs, unattributed in some), and per member the article, outlet, quote
    id, content spans, text, relation and the speaker as that article gives it."""
    labels = store.events.source_labels()
    return [quote_group_view(g, labels) for g in store.comparison.quote_groups(story_id)]


def quote_group_view(g: QuoteGroup, labels: dict[str, str] | None = None) -> dict[str, Any]:
    """One stored quote group as :func:`quote_group_views` shows it (``labels``: as for
    :func:`claim_group_view`)."""
    reports = len({m.article_id for m in g.members})
    return {"id": g.group_id, "story_id": g.story_id, "label": g.label,
            "speakers": g.speakers, "sources": g.sources, "reports": reports,
            "sources_phrase": sources_phrase(reports, g.sources),
            "members": relabelled([m.as_dict() for m in g.members], labels)}


#: Claim group statuses in the order the facts matrix shows them: differences first.
STATUS_ORDER = {"differ": 0, "agree": 1, "single-source": 2}


def facts_section(data) -> dict[str, Any]:
    """The facts matrix: one row per claim group (what is counted), one column per source; a
    cell holds that source's numbers as written, with hedge and span, marked agree, differ (with
    its kind) or absent. Rows that differ come first."""
    columns = sorted(set(data.labels.values()))
    groups = sorted(data.claim_groups, key=lambda g: STATUS_ORDER.get(g["status"], 3))
    rows = []
    for g in groups:
        by_source: dict[str, list[dict[str, Any]]] = {c: [] for c in columns}
        for m in g["members"]:
            by_source[data.labels.get(m["article_id"], m["article_id"])].append({
                key: m[key] for key in ("article_id", "start", "end", "text", "hedge", "counted",
                                        "time_scope", "place_scope", "speaker")})
        rows.append({"id": g["id"], "thing": g["thing"], "toll": g["toll"], "unit": g["unit"],
                     "status": g["status"], "kind": g["kind"], "sources": g["sources"],
                     "sources_phrase": g["sources_phrase"],
                     "counted": _most_common(m["counted"] for m in g["members"]),
                     "cells": [{"source": c, "values": by_source[c],
                                "status": g["status"] if by_source[c] else "absent"}
                               for c in columns]})
    return {"sources": columns, "rows": rows,
            "differ": sum(1 for r in rows if r["status"] == "differ")}


def _most_common(values) -> str | None:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], -len(v)), default=None)


def aligned_quotes_section(data) -> dict[str, Any]:
    """Quotes that several reports carry: the label (same words, partial, paraphrase), whether
    they name the same speaker, and each report's wording and speaker side by side."""
    groups = [{"id": g["id"], "label": g["label"], "speakers": g["speakers"],
               "sources": g["sources"], "sources_phrase": g["sources_phrase"],
               "members": [{"source": data.labels.get(m["article_id"], m["article_id"]),
                            "article_id": m["article_id"], "start": m["start"], "end": m["end"],
                            "text": m["text"], "relation": m["relation"], "kind": m["kind"],
                            "speaker": m["speaker_canonical"] or m["descriptor"]
                            or m["speaker_text"], "speaker_text": m["speaker_text"]}
                           for m in g["members"]]}
              for g in data.quote_groups]
    groups.sort(key=lambda g: -g["sources"])
    return {"groups": groups, "count": len(groups)}


#: Loaded words shown per actor before the rest fold away: the table of an actor fits a screen.
FRAMING_TERMS_SHOWN = 8
#: Descriptors shown per outlet and voice before the rest fold away.
FRAMING_DESCRIPTORS_SHOWN = 3


def framing_section(data) -> dict[str, Any]:
    """Per actor: the loaded words used about it, each with the outlets that use it in their own
    voice, those that only quote or report it, and the neutral counterpart with the outlets that
    wrote it; then each outlet's descriptors of the actor, own apart from quoted. Loaded words
    tied to no actor in a last row. ``cells`` keeps the actor × outlet grid of every item."""
    framing = framing_view(data.store, data.story.id)
    columns = framing["outlets"]
    rows = [_framing_row(a["name"], a["key"] if a["key"] in data.entities else None,
                         a["outlets"], columns, a["terms"]) for a in framing["actors"]]
    if framing["terms"]:
        rows.append(_framing_row("(tied to no actor)", None, framing["terms"], columns,
                                 framing["unattached_terms"]))
    return {"outlets": columns, "rows": rows, "count": len(framing["actors"]),
            "terms_shown": FRAMING_TERMS_SHOWN, "descriptors_shown": FRAMING_DESCRIPTORS_SHOWN}


def _framing_row(name: str, entity_id: str | None, outlets: list[dict[str, Any]],
                 columns: list[str], terms: list[dict[str, Any]]) -> dict[str, Any]:
    by_outlet = {o["outlet"]: o for o in outlets}
    cells = []
    for column in columns:
        found = by_outlet.get(column)
        own = _voice(found["own"]) if found else []
        quoted, reported = _attributed(found["quoted"]) if found else ([], [])
        cells.append({"outlet": column, "own": own, "quoted": quoted, "reported": reported,
                      "count": sum(i["count"] for i in own + quoted + reported)})
    return {"name": name, "entity_id": entity_id, "cells": cells,
            "total": sum(c["count"] for c in cells), "terms": terms}


def _voice(side: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """A voice's descriptors then loaded words, as items with text, count, note and spans."""
    items = [{"text": d["text"], "count": d["count"], "what": "descriptor", "note": d["kind"],
              "spans": d["spans"]} for d in side["descriptors"]]
    items += [{"text": t["text"], "count": t["count"], "what": "loaded",
               "note": f"{t['tag']}; neutral: {t['neutral']}" if t.get("neutral") else t["tag"],
               "spans": t["spans"]} for t in side["terms"]]
    return items


def _attributed(side: dict[str, list[dict[str, Any]]]) -> tuple[list[dict], list[dict]]:
    """The items of the side the outlet does not own, split by span: in a quote (``quoted``), or
    someone's label or a term in quotation marks (``reported``)."""
    quoted, reported = [], []
    for item in _voice(side):
        for target, spans in ((quoted, [s for s in item["spans"] if "quote" in s]),
                              (reported, [s for s in item["spans"] if "quote" not in s])):
            if spans:
                target.append({**item, "count": len(spans), "spans": spans})
    return quoted, reported


def coverage_section(data) -> dict[str, Any]:
    """Events, claim groups and quote groups × sources: reported (with the spans that report
    it) or omitted; each row links to its row in the events table, facts matrix or quotes."""
    matrix = coverage(data.labels, data.stored_events, data.stored_claim_groups,
                      data.stored_quote_groups,
                      {a: data.families.family_of(a) for a in data.ids})
    sentences = {(s["article_id"], s["start"]): (s["sentence_start"], s["sentence_end"])
                 for e in data.events for s in e["sources"] if s.get("sentence_start") is not None}
    anchors = {"event": "event-", "claim": "fact-", "quote": "qg-"}
    rows = []
    for row in matrix["rows"]:
        cells = []
        for source in matrix["sources"]:
            cell = row["cells"][source]
            spans = [_span(s, sentences) for s in cell["spans"]]
            cells.append({"source": source, "status": cell["status"], "spans": spans})
        rows.append({"kind": row["kind"], "id": row["id"], "label": row["label"],
                     "anchor": anchors[row["kind"]] + row["id"], "reported": row["reported"],
                     "sources_phrase": row["sources_phrase"], "cells": cells})
    return {"sources": matrix["sources"], "rows": rows, "omissions": matrix["omissions"]}


def _span(span: dict[str, Any], sentences: dict) -> dict[str, Any]:
    """A coverage span with an end: an event mention's sentence where the matrix gives none."""
    if span.get("end") is not None:
        return span
    start, end = sentences.get((span["article_id"], span["start"]),
                               (span["start"], span["start"]))
    return {"article_id": span["article_id"], "start": start, "end": end}


def framing_view(store, story_id: str, *, actor: str | None = None) -> dict[str, Any]:
    """How each outlet of a story frames its actors (``compare.framing``), optionally for the
    actors matching ``actor`` only; ``NotFound`` for an unknown story."""
    framing = story_framing(store, story_id)
    return filter_actors(framing, actor) if actor else framing


def coverage_view(store, story_id: str) -> dict[str, Any]:
    """Which source reports or omits each event, claim group and quote group of a story."""
    return story_coverage(store, story_id)
