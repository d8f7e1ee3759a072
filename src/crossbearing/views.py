"""View dicts: the one shape of each record that the CLI's ``--json``, its tables and later the
report and the web app all show. Plain JSON-ready values, no markup."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from crossbearing.citations import speaker_of
from crossbearing.isolation import isolated
from crossbearing.model import Article, Failure, Rejection
from crossbearing.sources import copy_records, source_label, sources_phrase, story_families
from crossbearing.views_compare import (  # noqa: F401 (the group views live there)
    aligned_quotes_section,
    claim_group_view,
    claim_group_views,
    coverage_section,
    facts_section,
    framing_section,
    framing_view,
    quote_group_view,
    quote_group_views,
)
from crossbearing.views_events import (  # noqa: F401 (event_views and timeline_view live there)
    event_views,
    event_views_of,
    events_section,
    timeline_section,
    timeline_view,
)
from crossbearing.views_sources import header_section, outlet_profile_view
from crossbearing.views_summary import summary_section

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
        "source": source_label(article),
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


def by_date(articles) -> list[dict[str, Any]]:
    """Article summaries by publication date (undated last), then id."""
    return sorted(articles, key=lambda a: (a["published"] is None, a["published"] or "", a["id"]))


def quote_text(article: Article, quote) -> str:
    """A quote's words as its article gives them, its pieces joined by an ellipsis."""
    return " … ".join(article.text[s:e] for s, e in quote.content)


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


def failure_view(failure: Failure) -> dict[str, Any]:
    return {"stage": failure.stage, "target": failure.target, "target_kind": failure.target_kind,
            "error_type": failure.error_type, "message": failure.message,
            "version": failure.version, "failed_at": failure.failed_at}


def entity_rows(table: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities with their sources as a list, each named by its source label."""
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
    return [{**p, **passage_texts(p, texts)} for p in passages]


def passage_texts(passage: dict[str, Any], texts: dict[str, str]) -> dict[str, str]:
    """The text a shared passage covers in each of its two articles (``texts``: id → text)."""
    return {"text_a": texts[passage["article_a"]][passage["a_start"]:passage["a_end"]],
            "text_b": texts[passage["article_b"]][passage["b_start"]:passage["b_end"]]}


def story_view(store, story_id: str) -> dict[str, Any] | None:
    """A story with its articles, the passages they share and their duplicates."""
    story = next((s for s in store.stories() if s["id"] == story_id), None)
    if story is None:
        return None
    members = store.story_members(story_id)
    found = store.articles_by_id(members)
    articles = by_date(article_summary(a) for a in found)
    member_set = set(members)
    passages = [p for p in store.passages() if p["article_a"] in member_set]
    duplicates = [d for d in store.duplicates() if d["article_a"] in member_set]
    families = story_families(store, found)
    independent = families.count(members)
    return {**story, "articles": articles, "passages": passages, "duplicates": duplicates,
            "independent": independent, "sources_phrase": sources_phrase(len(found), independent),
            "families": [f for f in families.view() if len(f["reports"]) > 1]}


def story_rows(store) -> list[dict[str, Any]]:
    """The stories, largest first, each with how many independent sources its reports are
    (``independent``, source families) and the phrase that says so."""
    heads = {a.id: a for a in store.article_heads()}
    copies = copy_records(store)
    members = store.story_memberships()
    rows = []
    for story in store.stories():
        articles = [heads[i] for i in members.get(story["id"], []) if i in heads]
        independent = story_families(store, articles, copies).count(a.id for a in articles)
        rows.append({**story, "independent": independent,
                     "sources_phrase": sources_phrase(story["articles"], independent)})
    return rows


def quote_rows(store, *, speaker: str | None = None, outlet: str | None = None) -> list[dict[str, Any]]:
    """Quotes with their text, speaker (resolved name, else description, else as written) and
    article, filtered by speaker or outlet substring."""
    articles = {a.id: a for a in store.articles()}
    rows = []
    for q in store.quotes():
        article = articles[q.article_id]
        who = speaker_of(q)
        row = {"article_id": q.article_id, "outlet": source_label(article), "kind": q.kind,
               "content": quote_text(article, q),
               "content_spans": [list(span) for span in q.content],
               "cue": article.text[slice(*q.cue)] if q.cue else None,
               "speaker": who, "speaker_text": q.speaker_text, "speaker_actor": q.speaker_actor,
               "speaker_canonical": q.speaker_canonical, "descriptor": q.descriptor}
        if speaker and not any(speaker.lower() in (v or "").lower()
                               for v in (who, q.speaker_actor, q.speaker_text)):
            continue
        if outlet and outlet.lower() not in row["outlet"].lower():
            continue
        rows.append(row)
    return rows


def number_rows(store, *, counted: str | None = None) -> list[dict[str, Any]]:
    """Numeric facts with their article's source, filtered by a counted-phrase substring."""
    outlets = store.source_labels()
    rows = []
    for n in store.numeric_facts():
        if counted and counted.lower() not in (n.counted or "").lower():
            continue
        rows.append({"article_id": n.article_id, "outlet": outlets.get(n.article_id),
                     **number_view(n)})
    return rows


def number_view(n) -> dict[str, Any]:
    """A numeric fact: its article and span, the number as written, bounds, hedge, what it
    counts, its scopes and who gives it."""
    return {"article_id": n.article_id, "start": n.start, "end": n.end, "text": n.text,
            "low": n.low, "high": n.high, "hedge": n.hedge, "counted": n.counted,
            "time_scope": n.time_scope, "place_scope": n.place_scope, "speaker": n.speaker}


# -- the dossier and the web pages ------------------------------------------------------------
# A story page is a header plus a list of sections; each section is one view function here and
# one template partial, ``templates/sections/KEY.html``, which receives its dict as ``section``.
# Every item that comes from an article carries ``article_id``, ``start`` and ``end``: the span
# of the article's text it was read from, which every page links to.


class StoryData:
    """Everything a story's sections read, loaded once: its articles, passages (corrections
    applied), events, claim and quote groups, and the collection's source labels and entities
    (read once for all the stories of a dossier)."""

    def __init__(self, store, story: dict[str, Any], passages: list[dict[str, Any]],
                 entities: dict[str, dict[str, Any]], source_labels: dict[str, str],
                 copies: dict[str, Any] | None = None) -> None:
        self.store = store
        self.story = story
        self.ids = store.story_members(story["id"])
        self.articles = {a.id: a for a in store.articles_by_id(self.ids)}
        self.passages = [p for p in passages if p["article_a"] in self.articles]
        self.entities = entities
        self.source_labels = source_labels
        #: Article id → its source's name (:func:`crossbearing.sources.source_label`).
        self.labels = {article_id: source_labels.get(article_id, article_id)
                       for article_id in self.ids}
        self.copies = copies

    def outlet(self, article_id: str) -> str:
        """The source label of one of the story's articles."""
        return self.labels[article_id]

    @cached_property
    def families(self):
        """The story's source families (:class:`crossbearing.sources.Families`)."""
        return story_families(self.store, list(self.articles.values()), self.copies)

    @cached_property
    def stored_events(self) -> list[dict[str, Any]]:
        """The story's events as stored (every mode), for the coverage matrix."""
        return self.store.events(self.story["id"])

    @cached_property
    def events(self) -> list[dict[str, Any]]:
        """The story's single events that happened (``event_views``)."""
        return event_views_of(self.store, self.stored_events, self.source_labels,
                              families={a: self.families.family_of(a) for a in self.ids})

    @cached_property
    def stored_claim_groups(self) -> list[dict[str, Any]]:
        return self.store.claim_groups(self.story["id"])

    @cached_property
    def claim_groups(self) -> list[dict[str, Any]]:
        return [claim_group_view(g, self.labels) for g in self.stored_claim_groups]

    @cached_property
    def stored_quote_groups(self) -> list[dict[str, Any]]:
        return self.store.quote_groups(self.story["id"])

    @cached_property
    def quote_groups(self) -> list[dict[str, Any]]:
        return [quote_group_view(g, self.labels) for g in self.stored_quote_groups]


def passage_key(passage: dict[str, Any]) -> str:
    """The key a "not reuse" correction names a passage by."""
    return f"{passage['article_a']}|{passage['article_b']}|{passage['a_start']}|{passage['b_start']}"


def quotes_section(data: StoryData) -> dict[str, Any]:
    """The story's quotes grouped by speaker, most quoted first."""
    from crossbearing.citations import quote_record, sentence_of

    groups: dict[str, list[dict[str, Any]]] = {}
    for article_id in data.ids:
        article, outlet = data.articles[article_id], data.outlet(article_id)
        sentences = [(s.start, s.end) for s in data.store.sentences(article_id)]
        for q in data.store.quotes(article_id):
            cited = quote_record(article, q, sentence_of(q.start, q.end, sentences), outlet, None)
            groups.setdefault(speaker_of(q) or "(unattributed)", []).append({
                "article_id": article_id, "start": q.start, "end": q.end, "kind": q.kind,
                "outlet": outlet, "speaker_actor": q.speaker_actor, "speaker_text": q.speaker_text,
                "content": quote_text(article, q), "citation": cited["citation"]})
    speakers = [{"speaker": name, "quotes": items} for name, items in
                sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))]
    return {"speakers": speakers, "count": sum(len(s["quotes"]) for s in speakers)}


def numbers_section(data: StoryData) -> dict[str, Any]:
    """The story's counts and amounts, grouped by outlet."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for article_id in data.ids:
        facts = groups.setdefault(data.outlet(article_id), [])
        facts += [number_view(n) for n in data.store.numeric_facts(article_id)]
    outlets = [{"outlet": name, "facts": facts} for name, facts in sorted(groups.items())]
    return {"outlets": outlets, "count": sum(len(o["facts"]) for o in outlets)}


def reuse_section(data: StoryData) -> dict[str, Any]:
    """Passages the story's articles share, the two texts side by side."""
    texts = {i: a.text for i, a in data.articles.items()}
    passages = [{**p, "key": passage_key(p), "outlet_a": data.outlet(p["article_a"]),
                 "outlet_b": data.outlet(p["article_b"]), **passage_texts(p, texts)}
                for p in data.passages if p["article_b"] in texts]
    return {"passages": passages, "count": len(passages)}


def network_section(data: StoryData) -> dict[str, Any]:
    """Who is named with whom in the story, and how the knowledge base relates them."""
    from crossbearing.network import actor_network

    starts = {i: [s.start for s in data.store.sentences(i)] for i in data.ids}
    return actor_network(data.store.entity_mentions_in(data.ids), starts, data.entities)


#: The sections of a story page, in order: (key, view function). A new section is one entry
#: here and one partial ``templates/sections/KEY.html``.
STORY_SECTIONS = [
    ("header", header_section),
    ("summary", summary_section),  # "What we know", shown first (partials/story.html)
    ("timeline", timeline_section),
    ("events", events_section),
    ("facts", facts_section),
    ("aligned_quotes", aligned_quotes_section),
    ("framing", framing_section),
    ("coverage", coverage_section),
    ("quotes", quotes_section),
    ("numbers", numbers_section),
    ("reuse", reuse_section),
    ("network", network_section),
]


def story_page(store, story_id: str, *, _cache: dict | None = None,
               failures: list[Failure] | None = None) -> dict[str, Any] | None:
    """A story with every section's view, or None when there is no such story. A section that
    cannot be built is appended to ``failures`` when given (see :func:`story_section`)."""
    cache = _cache if _cache is not None else {}
    if "stories" not in cache:
        cache["stories"] = {s["id"]: s for s in store.stories()}
        rejected = store.rejected_passages()
        cache["passages"] = [p for p in store.passages() if passage_key(p) not in rejected]
        cache["entities"] = {e["entity_id"]: e for e in store.entity_list()}
        cache["labels"] = store.source_labels()
        cache["copies"] = copy_records(store)
    story = cache["stories"].get(story_id)
    if story is None:
        return None
    data = StoryData(store, story, cache["passages"], cache["entities"], cache["labels"],
                     cache["copies"])
    return {**story, "article_ids": data.ids,
            "sections": [story_section(key, view, data, failures)
                         for key, view in STORY_SECTIONS]}


def story_section(key: str, view, data: StoryData,
                  failures: list[Failure] | None = None) -> dict[str, Any]:
    """One section's view; a section that cannot be built says so (``failed``: the error's
    type and message), is appended to ``failures`` when given, and the page goes on."""
    from crossbearing import __version__

    failed: list[Failure] = []
    section = isolated(lambda: view(data), failed, stage="report",
                       target=f"{data.story['id']}/{key}", target_kind="section",
                       version=__version__, driver_error=data.store.driver_error)
    if section is None:
        if failures is not None:
            failures.extend(failed)
        return {"key": key, "failed": {"error_type": failed[0].error_type,
                                       "message": failed[0].message}}
    return {"key": key, **section}


def article_text_view(article: Article) -> dict[str, Any]:
    """An article as the dossier shows it: its summary and its clean text."""
    return {**article_summary(article), "authors": list(article.authors), "text": article.text}


def dossier_view(store, failures: list[Failure] | None = None) -> dict[str, Any]:
    """The whole dossier: every story with its sections, and the text of every article in one.
    Sections that cannot be built are appended to ``failures`` when given."""
    from crossbearing import __version__

    cache: dict = {}
    stories = [story_page(store, s["id"], _cache=cache, failures=failures)
               for s in store.stories()]
    ids = sorted({article_id for s in stories for article_id in s["article_ids"]})
    articles = by_date(article_text_view(a) for a in store.articles_by_id(ids))
    return {"version": __version__, "stories": stories, "articles": articles,
            "counts": {"articles": store.count("articles"), "stories": len(stories),
                       "rejected": store.count("rejections"), "quotes": store.count("quotes")}}


def article_page(store, article_id: str) -> dict[str, Any] | None:
    """One article with its text, its story, and the quotes and numbers read from it."""
    found = store.articles_by_id([article_id])
    if not found:
        return None
    article = found[0]
    quotes = [{"article_id": article.id, "start": q.start, "end": q.end, "kind": q.kind,
               "speaker": speaker_of(q), "content": quote_text(article, q)}
              for q in store.quotes(article.id)]
    numbers = [{"article_id": article.id, "start": n.start, "end": n.end, "text": n.text,
                "counted": n.counted, "speaker": n.speaker} for n in store.numeric_facts(article.id)]
    corrections = [o for o in store.overrides() if o["target"] == article.id
                   and o["kind"].startswith("article-")]
    return {**article_text_view(article), "story_id": store.story_of(article.id),
            "outlet_source": article.outlet_source, "profile": outlet_profile_view(article),
            "corrections": corrections, "quotes": quotes, "numbers": numbers}


def entity_page(store, entity_id: str) -> dict[str, Any] | None:
    """One actor or place across the collection: spellings per outlet, every mention (with its
    span), what it said, and the corrections made to it."""
    entity = store.entity(entity_id)
    if entity is None:
        return None
    labels = store.source_labels()
    mentions = [{**m, "outlet": labels.get(m["article_id"], m["outlet"])}
                for m in store.entity_mentions(entity_id)]
    outlets: dict[str, dict[str, Any]] = {}
    for m in mentions:
        entry = outlets.setdefault(m["outlet"], {"mentions": 0, "forms": {}})
        entry["mentions"] += 1
        entry["forms"][m["text"]] = entry["forms"].get(m["text"], 0) + 1
    quoted = store.quotes_by_actor(entity["actor_id"]) if entity["actor_id"] else []
    said = []
    for article in store.articles_by_id(sorted({a for a, _, _ in quoted})):
        said += [{"article_id": article.id, "start": s, "end": e, "outlet": source_label(article),
                  "content": article.text[s:e]} for a, s, e in quoted if a == article.id]
    corrections = [o for o in store.overrides() if entity_id in (o["target"], o["value"])]
    return {**entity, "outlets": [{"outlet": name, **data} for name, data in sorted(outlets.items())],
            "spellings": sorted({m["text"] for m in mentions}), "mentions_shown": mentions,
            "quotes": said, "corrections": corrections}


def search_page(store, query: str, limit: int = 20) -> dict[str, Any]:
    """Search hits with their article's title and outlet, the snippet as (text, matched) parts."""
    from crossbearing.spellings import search_expansion
    from crossbearing.store.search import HIT_END, HIT_START

    expansion = search_expansion(store, query)
    hits = store.search(query, limit, expansion)
    articles = {a.id: a for a in store.articles_by_id(sorted({h["article_id"] for h in hits}))}
    rows = []
    for hit in hits:
        article = articles.get(hit["article_id"])
        parts = []
        for index, piece in enumerate(hit["snippet"].split(HIT_START)):
            matched, _, rest = piece.partition(HIT_END) if index else ("", "", piece)
            parts += [p for p in ([matched, True], [rest, False]) if p[0]]
        rows.append({**hit, "snippet": parts, "title": article.title if article else None,
                     "outlet": source_label(article) if article else None})
    also = sorted({v for found in expansion.words.values() for v in found}) + expansion.aliases
    return {"query": query, "also": also, "hits": rows}


# -- coverage (events and the timeline: views_events) ----------------------------------------
def coverage_view(store, story_id: str) -> dict[str, Any]:
    """Which source reports or omits each event, claim group and quote group of a story."""
    from crossbearing.compare.coverage import story_coverage

    return story_coverage(store, story_id)
