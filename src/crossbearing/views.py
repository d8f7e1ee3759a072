"""View dicts: the one shape of each record that the CLI's ``--json``, its tables and later the
report and the web app all show. Plain JSON-ready values, no markup."""

from __future__ import annotations

import re
from typing import Any

from crossbearing.compare.framing import filter_actors, story_framing
from crossbearing.ingest.run import IngestReport
from crossbearing.model import Article, Rejection

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str | None) -> str:
    """Article text made harmless for a terminal: control characters (escape sequences that
    could rewrite the screen or the window title) and bidirectional overrides removed."""
    return _UNSAFE.sub("", text or "")


def article_summary(article: Article) -> dict[str, Any]:
    published = article.published
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": published.value if published else None,
        "published_precision": published.precision if published else None,
        "language": article.language,
        "analysable": article.analysable,
        "url": article.url,
        "external_id": article.external_id,
        "source_path": article.source_path,
        "locator": article.locator,
        "format": article.format,
        "characters": len(article.text),
    }


def article_detail(article: Article) -> dict[str, Any]:
    published = article.published
    return {
        **article_summary(article),
        "outlet_source": article.outlet_source,
        "domain": article.domain,
        "published_source": published.source if published else None,
        "authors": list(article.authors),
        "language_score": article.language_score,
        "skip_reason": article.skip_reason,
        "text_sha256": article.text_sha256,
        "raw_sha256": article.raw_sha256,
        "metadata": dict(article.metadata),
        "text": article.text,
    }


def rejection_view(rejection: Rejection) -> dict[str, Any]:
    return {
        "path": rejection.path,
        "locator": rejection.locator,
        "reason": rejection.reason,
        "detail": rejection.detail,
        "sha256": rejection.sha256,
        "size_bytes": rejection.size_bytes,
    }


def ingest_summary(report: IngestReport) -> dict[str, Any]:
    return {
        "inputs": report.inputs,
        "unchanged_inputs": report.unchanged,
        "articles_read": len(report.article_ids),
        "articles_added": report.articles_added,
        "already_stored": report.already_stored,
        "rejected": report.rejected,
        "formats": dict(sorted(report.formats.items())),
        "rejections": [rejection_view(r) for r in report.rejections],
    }


def entity_rows(table: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities with their outlets as a list (outlet None: articles of unknown outlet)."""
    return [{"name": entry["name"], "label": entry["label"], "actor_id": entry["actor_id"],
             "mentions": entry["mentions"],
             "outlets": [{"outlet": outlet, "mentions": data["mentions"],
                          "forms": dict(sorted(data["forms"].items(), key=lambda f: -f[1]))}
                         for outlet, data in sorted(entry["outlets"].items(),
                                                    key=lambda o: -o[1]["mentions"])]}
            for entry in table]


def passage_views(store, passages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Shared passages with the text each covers in its two articles (each article read once)."""
    ids = sorted({p["article_a"] for p in passages} | {p["article_b"] for p in passages})
    texts = {a.id: a.text for a in store.articles_by_id(ids)}
    return [{**p, "text_a": texts[p["article_a"]][p["a_start"]:p["a_end"]],
             "text_b": texts[p["article_b"]][p["b_start"]:p["b_end"]]} for p in passages]


def story_view(store, story_id: str) -> dict[str, Any] | None:
    """A story with its articles, the passages they share and their duplicates."""
    story = next((s for s in store.stories() if s["id"] == story_id), None)
    if story is None:
        return None
    members = store.story_members(story_id)
    articles = [article_summary(a) for a in store.articles_by_id(members)]
    articles.sort(key=lambda a: (a["published"] is None, a["published"] or "", a["id"]))
    member_set = set(members)
    passages = [p for p in store.passages() if p["article_a"] in member_set]
    duplicates = [d for d in store.duplicates() if d["article_a"] in member_set]
    return {**story, "articles": articles, "passages": passages, "duplicates": duplicates}


def quote_rows(store, *, speaker: str | None = None, outlet: str | None = None) -> list[dict[str, Any]]:
    """Quotes with their text, speaker (resolved name, else description, else as written) and
    article, filtered by speaker or outlet substring."""
    articles = {a.id: a for a in store.articles()}
    rows = []
    for q in store.quotes():
        article = articles[q.article_id]
        who = q.speaker_canonical or q.descriptor or q.speaker_text
        row = {"article_id": q.article_id, "outlet": article.outlet, "kind": q.kind,
               "content": " … ".join(article.text[s:e] for s, e in q.content),
               "content_spans": [list(span) for span in q.content],
               "cue": article.text[slice(*q.cue)] if q.cue else None,
               "speaker": who, "speaker_text": q.speaker_text, "speaker_actor": q.speaker_actor,
               "speaker_canonical": q.speaker_canonical, "descriptor": q.descriptor}
        if speaker and not any(speaker.lower() in (v or "").lower()
                               for v in (who, q.speaker_actor, q.speaker_text)):
            continue
        if outlet and outlet.lower() not in (article.outlet or "").lower():
            continue
        rows.append(row)
    return rows


def number_rows(store, *, counted: str | None = None) -> list[dict[str, Any]]:
    """Numeric facts with their article's outlet, filtered by a counted-phrase substring."""
    outlets = {a.id: a.outlet for a in store.articles()}
    rows = []
    for n in store.numeric_facts():
        if counted and counted.lower() not in (n.counted or "").lower():
            continue
        rows.append({"article_id": n.article_id, "outlet": outlets.get(n.article_id),
                     "start": n.start, "end": n.end, "text": n.text, "low": n.low, "high": n.high,
                     "hedge": n.hedge, "counted": n.counted, "time_scope": n.time_scope,
                     "place_scope": n.place_scope, "speaker": n.speaker})
    return rows


def compare_summary(report) -> dict[str, Any]:
    """What a comparison run found: groups per status, differ kind and quote label."""
    return {"stories": report.stories, "claim_groups": report.claim_groups,
            "claims": dict(sorted(report.claims.items())),
            "differ": dict(sorted(report.differ.items())), "quote_groups": report.quote_groups,
            "quotes": dict(sorted(report.quotes.items()))}


def claim_group_views(store, story_id: str | None = None,
                      status: str | None = None) -> list[dict[str, Any]]:
    """Claim groups with their members: the story, what is counted (thing, toll, unit), the
    status and kind, how many sources, the range of written values, and per member the article,
    outlet, offsets, number as written, bounds, hedge, counted phrase, scopes and speaker."""
    return [{"id": g["group_id"], "story_id": g["story_id"], "thing": g["thing"],
             "toll": g["toll"], "unit": g["unit"], "status": g["status"], "kind": g["kind"],
             "sources": g["sources"], "low": g["low"], "high": g["high"],
             "members": g["members"]} for g in store.claim_groups(story_id, status)]


def quote_group_views(store, story_id: str | None = None) -> list[dict[str, Any]]:
    """Quote groups with their members: the label (same, partial, paraphrase), the speaker
    comparison (same, differs, unattributed in some), and per member the article, outlet, quote
    id, content spans, text, relation and the speaker as that article gives it."""
    return [{"id": g["group_id"], "story_id": g["story_id"], "label": g["label"],
             "speakers": g["speakers"], "sources": g["sources"], "members": g["members"]}
            for g in store.quote_groups(story_id)]
def framing_view(store, story_id: str, *, actor: str | None = None) -> dict[str, Any]:
    """How each outlet of a story frames its actors (``compare.framing``), optionally for the
    actors matching ``actor`` only; ``NotFound`` for an unknown story."""
    framing = story_framing(store, story_id)
    return filter_actors(framing, actor) if actor else framing
