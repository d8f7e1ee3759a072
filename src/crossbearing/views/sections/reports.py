"""The story page's sections on what its reports say, each in its own words: the quotes grouped by
speaker, the counts and amounts by outlet, and the passages two reports share, side by side.

Each reads the story's articles from the page's ``StoryData`` and returns a plain dict for
``templates/sections/quotes.html``, ``numbers.html`` and ``reuse.html``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from crossbearing.citations import quote_record, sentence_of, speaker_of
from crossbearing.views.records import number_view, passage_texts, quote_text


def quotes_section(data) -> dict[str, Any]:
    """The story's quotes grouped by speaker, most quoted first."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for article_id in data.ids:
        article, outlet = data.articles[article_id], data.outlet(article_id)
        sentences = [(s.start, s.end) for s in data.store.annotations.sentences(article_id)]
        for q in data.store.annotations.quotes(article_id):
            cited = quote_record(article, q, sentence_of(q.start, q.end, sentences), outlet, None)
            groups.setdefault(speaker_of(q) or "(unattributed)", []).append({
                "article_id": article_id, "start": q.start, "end": q.end, "kind": q.kind,
                "outlet": outlet, "speaker_actor": q.speaker_actor, "speaker_text": q.speaker_text,
                "content": quote_text(article, q), "citation": cited["citation"]})
    speakers = [{"speaker": name, "quotes": items} for name, items in
                sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))]
    return {"speakers": speakers, "count": sum(len(s["quotes"]) for s in speakers)}


def numbers_section(data) -> dict[str, Any]:
    """The story's counts and amounts, grouped by outlet."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for article_id in data.ids:
        facts = groups.setdefault(data.outlet(article_id), [])
        facts += [number_view(n) for n in data.store.annotations.numeric_facts(article_id)]
    outlets = [{"outlet": name, "facts": facts} for name, facts in sorted(groups.items())]
    return {"outlets": outlets, "count": sum(len(o["facts"]) for o in outlets)}


def reuse_section(data) -> dict[str, Any]:
    """Passages the story's articles share, the two texts side by side."""
    texts = {i: a.text for i, a in data.articles.items()}
    passages = [{**asdict(p), "key": p.key, "outlet_a": data.outlet(p.article_a),
                 "outlet_b": data.outlet(p.article_b), **passage_texts(p, texts)}
                for p in data.passages if p.article_b in texts]
    return {"passages": passages, "count": len(passages)}
