"""How each outlet of a story frames its actors: for every actor and outlet, the descriptors and
loaded words the outlet uses in its own voice, and apart from them those it only quotes or
reports as someone else's; and per actor, across outlets, which outlet used which loaded word and
the neutral wording the other outlets used for the same actor.

Actors are the corpus stage's entities where it resolved the mention (so "Kataeb Hezbollah" and
"Kata'ib Hezbollah" are one actor), else the knowledge-base actor, else the canonical name the
article gives. Outlets are the articles' outlets; an article of unknown outlet is labelled by its
source file name (or its id), so it still shows. Loaded words tied to no actor are listed on
their own, per outlet and across outlets. Every item keeps its spans (article id and offsets) so
it can be checked.

The neutral wording is looked for in the text: a form of the lexicon's neutral counterpart
("criticized" for "slammed", "killed" for "martyred") outside the quotes of another outlet's
report, first in a sentence that reports the same event (the story's events) as one where the
loaded word was used, else in a sentence that names the same actor. It is evidence to read,
strongest where aligned by event.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from crossbearing.annotate.framing import Voices
from crossbearing.annotate.lexicon import bundled_lexicon
from crossbearing.errors import NotFound
from crossbearing.kb import actors_by_name_key, name_key
from crossbearing.model import Article, Descriptor, LoadedTerm
from crossbearing.sources import source_label

OWN, QUOTED = "own", "quoted"
#: Neutral wordings shown per outlet and loaded word: enough to read, short enough for a screen.
NEUTRAL_EXAMPLES = 2
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+")
#: Verbs whose past and participle are not "-ed" among the lexicon's neutral counterparts.
_IRREGULAR = {
    "say": ("said",), "take": ("took", "taken"), "leave": ("left",), "meet": ("met",),
    "keep": ("kept",), "spend": ("spent",), "seek": ("sought",), "win": ("won",),
    "fall": ("fell", "fallen"), "rise": ("rose", "risen"), "grow": ("grew", "grown"),
    "withdraw": ("withdrew", "withdrawn"), "send": ("sent",), "speak": ("spoke", "spoken"),
    "set": ("set",), "cut": ("cut",)}


def story_framing(store, story_id: str) -> dict[str, Any]:
    """The framing of one story by actor and outlet, JSON-ready. ``NotFound`` for an unknown id."""
    story = store.corpus.story(story_id)
    if story is None:
        raise NotFound(f"no story with id {story_id!r}")
    members = store.corpus.story_members(story_id)
    articles = {a.id: a for a in store.articles.articles_by_id(members)}
    outlets = {article_id: source_label(a) for article_id, a in articles.items()}
    entities = store.framing.mention_entities(members)
    quote_kinds = store.annotations.quote_kinds(members)
    actors: dict[str, dict[str, Any]] = {}
    unattached: dict[str, dict[str, Any]] = {"outlets": {}, "terms": {}}
    for d in store.framing.descriptors(members):
        actor = _actor(actors, d.article_id, d.mention, d.actor_id, d.canonical, entities)
        side = _side(actor["outlets"], outlets[d.article_id], d.voice)
        _add(side["descriptors"], _descriptor_key(d.text), d, quote_kinds, kind=d.kind)
    for t in store.framing.loaded_terms(members):
        if t.mention is not None:
            group = _actor(actors, t.article_id, t.mention, t.actor_id, t.canonical or "", entities)
        else:
            group = unattached
        _across(group["terms"], t, outlets[t.article_id], quote_kinds)
        side = _side(group["outlets"], outlets[t.article_id], t.voice)
        _add(side["terms"], t.term, t, quote_kinds, term=t.term, category=t.category, tag=t.tag,
             neutral=t.neutral)
    _neutral_wording(store, story_id, actors, unattached, articles, outlets, entities)
    return {"story_id": story_id, "title": story.title, "outlets": sorted(set(outlets.values())),
            "actors": _actor_list(actors), "terms": _outlet_list(unattached["outlets"]),
            "unattached_terms": _term_list(unattached["terms"])}


def filter_actors(framing: dict[str, Any], needle: str) -> dict[str, Any]:
    """The framing restricted to actors whose name, id or knowledge-base alias matches ``needle``
    (case- and transliteration-insensitive); loaded words tied to no actor are left out."""
    key = name_key(needle)
    aliased = actors_by_name_key().get(key)
    kept = [a for a in framing["actors"]
            if key and key in name_key(a["name"]) or needle.lower() in a["key"].lower()
            or (aliased is not None and a["actor_id"] == aliased)]
    return {**framing, "actors": kept, "terms": [], "unattached_terms": []}


def _actor_key(article_id: str, mention: tuple[int, int], actor_id: str | None, canonical: str,
               entities: dict) -> tuple[str, str]:
    entity = entities.get((article_id, *mention))
    if entity is not None:
        return entity
    return (actor_id, canonical) if actor_id else (f"name:{canonical}", canonical)


def _actor(actors: dict, article_id: str, mention: tuple[int, int], actor_id: str | None,
           canonical: str, entities: dict) -> dict[str, Any]:
    key, name = _actor_key(article_id, mention, actor_id, canonical, entities)
    return actors.setdefault(key, {"key": key, "name": name, "actor_id": actor_id, "outlets": {},
                                   "terms": {}})


def _side(groups: dict, outlet: str, voice: str) -> dict[str, dict]:
    """The outlet's own words, or the words it gives as someone else's: quoted (direct or
    reported speech) and reported (someone's designation, a term in quotation marks)."""
    per_outlet = groups.setdefault(outlet, {
        OWN: {"descriptors": {}, "terms": {}}, QUOTED: {"descriptors": {}, "terms": {}}})
    return per_outlet[OWN if voice == OWN else QUOTED]


def _descriptor_key(text: str) -> str:
    """Descriptors compared without case, leading article, typographic apostrophes or line
    breaks: "an umbrella group" and "umbrella group" are one."""
    plain = " ".join(text.replace("’", "'").replace("‘", "'").split()).lower()
    return _LEADING_ARTICLE.sub("", plain)


def _add(items: dict, key: str, record: Descriptor | LoadedTerm, quote_kinds: dict,
         **fields: Any) -> None:
    item = items.setdefault(key, {**fields, "text": " ".join(record.text.split()), "count": 0,
                                  "forms": {}, "spans": []})
    _count(item, record, quote_kinds)


def _count(item: dict[str, Any], record: Descriptor | LoadedTerm, quote_kinds: dict) -> None:
    """One more use of an item: its count, its form as written (with how often) and its span."""
    item["count"] += 1
    form = " ".join(record.text.split())
    item["forms"][form] = item["forms"].get(form, 0) + 1
    item["spans"].append(_span(record, quote_kinds))


def _span(record: Descriptor | LoadedTerm, quote_kinds: dict) -> dict[str, Any]:
    span: dict[str, Any] = {"article_id": record.article_id, "start": record.start,
                            "end": record.end}
    if record.quote is not None:
        span["quote"] = list(record.quote)
        span["quote_kind"] = quote_kinds.get((record.article_id, *record.quote))
    if record.voice != OWN:
        span["voice"] = record.voice
    return span


def _across(terms: dict, term: LoadedTerm, outlet: str, quote_kinds: dict) -> None:
    """A loaded word of an actor (or of no actor) across outlets: who used it in their own
    voice, who only quoted or reported it."""
    item = terms.setdefault(term.term, {
        "term": term.term, "category": term.category, "tag": term.tag, "neutral": term.neutral,
        OWN: {}, QUOTED: {}, "neutral_used": {}})
    side = item[OWN if term.voice == OWN else QUOTED].setdefault(
        outlet, {"outlet": outlet, "count": 0, "forms": {}, "spans": []})
    _count(side, term, quote_kinds)


def _neutral_wording(store, story_id: str, actors: dict, unattached: dict,
                     articles: dict[str, Article], outlets: dict[str, str],
                     entities: dict) -> None:
    """For each loaded word that some outlet used in its own voice and that has a neutral
    counterpart, the outlets that did not use the word in their own voice anywhere in the story
    and wrote the neutral one: first in a sentence that reports the same event as a sentence
    where the word was used (``aligned: "event"``, from the story's events), else, for an
    actor's word, in a sentence naming the actor (``aligned: "actor"``). Reads only the reports
    of stories where such a word exists."""
    groups = [(key, terms) for key, a in actors.items()
              if (terms := [t for t in a["terms"].values()
                            if t[OWN] and _neutral_pattern(t) is not None])]
    loose = [t for t in unattached["terms"].values() if t[OWN] and _neutral_pattern(t)]
    if loose:
        groups.append((None, loose))
    if not groups:
        return
    users: dict[str, set[str]] = {}  # the outlets that use a word in their own voice, anywhere
    for group in [*actors.values(), unattached]:
        for term in group["terms"].values():
            users.setdefault(term["term"], set()).update(term[OWN])
    events = _event_sentences(store, story_id, articles)
    sentences = {article_id: _actor_sentences(store, article_id, entities)
                 for article_id in articles}
    voices_of = {article_id: Voices(store.annotations.quotes(article_id), ())
                 for article_id in articles}
    for key, terms in groups:
        for term in terms:
            used = {(s["article_id"], s["start"]) for o in term[OWN].values() for s in o["spans"]}
            wanted = {event for article_id, offset in used
                      for s, e, ids in events.get(article_id, ()) if s <= offset < e
                      for event in ids}
            for article_id, article in articles.items():
                outlet = outlets[article_id]
                if outlet in users[term["term"]]:
                    continue
                places = [(s, e, "event") for s, e, ids in events.get(article_id, ())
                          if ids & wanted]
                if key is not None:
                    places += [(s, e, "actor") for s, e, keys in sentences[article_id]
                               if key in keys]
                for start, end, aligned in places:
                    _look(term, _neutral_pattern(term), article, outlet, start, end,
                          voices_of[article_id], aligned)


def _event_sentences(store, story_id: str, articles: dict[str, Article]
                     ) -> dict[str, list[tuple[int, int, set[str]]]]:
    """Per article, each sentence that mentions one of the story's events, with the events'
    ids: where two outlets report the same act."""
    source_of = {(article_id, start): event.event_id
                 for event in store.events.all(story_id)
                 for article_id, start in event.sources}
    found: dict[str, dict[tuple[int, int], set[str]]] = {}
    for article_id, start, sentence_start, sentence_end in store.events.mention_sentences(
            list(articles)):
        event_id = source_of.get((article_id, start))
        if event_id is not None:
            found.setdefault(article_id, {}).setdefault(
                (sentence_start, sentence_end), set()).add(event_id)
    return {article_id: [(s, e, ids) for (s, e), ids in sorted(spans.items())]
            for article_id, spans in found.items()}


def _actor_sentences(store, article_id: str, entities: dict) -> list[tuple[int, int, set[str]]]:
    """Each sentence of an article with the actor keys of the names in it."""
    sentences = [(s.start, s.end, set()) for s in store.annotations.sentences(article_id)]
    starts = [s for s, _, _ in sentences]
    for m in store.annotations.mentions(article_id):
        key, _ = _actor_key(article_id, (m.start, m.end), m.actor_id, m.canonical, entities)
        index = _containing(starts, m.start)
        if index is not None and m.start < sentences[index][1]:
            sentences[index][2].add(key)
    return [s for s in sentences if s[2]]


def _containing(starts: list[int], offset: int) -> int | None:
    index = bisect_right(starts, offset) - 1
    return index if index >= 0 else None


def _look(term: dict, pattern: re.Pattern, article: Article, outlet: str, start: int, end: int,
          voices: Voices, aligned: str) -> None:
    found = term["neutral_used"].setdefault(outlet, {"outlet": outlet, "forms": [], "spans": []})
    for match in pattern.finditer(article.text, start, end):
        if len(found["spans"]) >= NEUTRAL_EXAMPLES:
            break
        if voices.of(match.start(), match.end())[0] != OWN or any(
                s["article_id"] == article.id and s["start"] == match.start()
                for s in found["spans"]):
            continue
        form = " ".join(match.group(0).split())
        if form not in found["forms"]:
            found["forms"].append(form)
        found["spans"].append({"article_id": article.id, "start": match.start(),
                               "end": match.end(), "aligned": aligned})
    if not found["spans"]:
        del term["neutral_used"][outlet]


def _neutral_pattern(term: dict[str, Any]) -> re.Pattern | None:
    return _pattern(term["neutral"], (term["term"], term["neutral"]) in _adjective_neutrals())


@lru_cache(maxsize=1)
def _adjective_neutrals() -> frozenset[tuple[str, str]]:
    """(headword, neutral counterpart) of the lexicon's adjectives, whose neutral counterparts
    compare ("closer", "closest")."""
    return frozenset((e.term, e.neutral) for e in bundled_lexicon().entries
                     if e.neutral and "ADJ" in e.pos)


@lru_cache(maxsize=512)
def _pattern(neutral: str | None, adjective: bool = False) -> re.Pattern | None:
    """A pattern for the inflected forms of a neutral wording ("criticize": criticized,
    criticises, ...; with ``adjective``, "close": closer, closest; "killing": killed, kills);
    None where there is nothing to look for ("(the term alone)")."""
    if not neutral or not neutral[:1].isalpha():
        return None
    first, *rest = neutral.lower().split()
    forms = _inflections(first, adjective) | set(_IRREGULAR.get(first, ()))
    if not adjective and not rest and first.endswith("ing") and len(first) > 5:
        # a gerund given as the neutral counterpart of a noun names the act its verb does:
        # where one outlet wrote "assassination", another may write "was killed"
        verb = first[:-3]
        if verb[-1] == verb[-2] and verb[-1] not in "lsz":  # "cutting": cut
            verb = verb[:-1]
        forms |= _inflections(verb) | set(_IRREGULAR.get(verb, ()))
    forms = sorted(forms, key=len, reverse=True)
    tail = "".join(r"\s+" + re.escape(word) for word in rest)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")" + tail + r"\b",
                      re.IGNORECASE)


def _inflections(word: str, adjective: bool = False) -> set[str]:
    """Regular English inflections of a word, both -ize and -ise spellings; the comparative and
    superlative only for an adjective (of a verb, "-er" makes the doer: "killer", "attacker")."""
    stems = {word}
    if word.endswith("ize"):
        stems.add(word[:-3] + "ise")
    elif word.endswith("ise"):
        stems.add(word[:-3] + "ize")
    forms = set()
    for stem in stems:
        if stem.endswith("e"):
            forms |= {stem, stem + "s", stem + "d", stem[:-1] + "ing"}
            if adjective:
                forms |= {stem + "r", stem + "st"}
        else:
            forms |= {stem, stem + "s", stem + "es", stem + "ed", stem + "ing"}
            if adjective:
                forms |= {stem + "er", stem + "est"}
        if stem.endswith("y") and len(stem) > 2 and stem[-2] not in "aeiou":
            forms |= {stem[:-1] + "ies", stem[:-1] + "ied"}
            if adjective:
                forms |= {stem[:-1] + "ier", stem[:-1] + "iest"}
        if (3 <= len(stem) <= 4 and stem[-1] not in "aeiouwy" and stem[-2] in "aeiou"
                and stem[-3] not in "aeiou"):  # short consonant-vowel-consonant: cut, cutting
            forms |= {stem + stem[-1] + "ed", stem + stem[-1] + "ing"}
    return forms


def _items(items: dict) -> list[dict[str, Any]]:
    return sorted(items.values(), key=lambda i: (-i["count"], i["text"].lower()))


def _outlet_list(groups: dict) -> list[dict[str, Any]]:
    return [{"outlet": outlet,
             OWN: {name: _items(side[OWN][name]) for name in ("descriptors", "terms")},
             QUOTED: {name: _items(side[QUOTED][name]) for name in ("descriptors", "terms")}}
            for outlet, side in sorted(groups.items())]


def _term_list(terms: dict) -> list[dict[str, Any]]:
    """Loaded words across outlets, most used in outlets' own voice first; each outlet's forms
    as written, in the order first met."""
    listed = [{**t, OWN: _by_outlet(t[OWN]), QUOTED: _by_outlet(t[QUOTED]),
               "neutral_used": sorted(t["neutral_used"].values(), key=lambda o: o["outlet"])}
              for t in terms.values()]
    return sorted(listed, key=lambda t: (-sum(o["count"] for o in t[OWN]),
                                         -sum(o["count"] for o in t[QUOTED]), t["term"]))


def _by_outlet(sides: dict) -> list[dict[str, Any]]:
    return [{**side, "forms": list(side["forms"])}
            for side in sorted(sides.values(), key=lambda o: o["outlet"])]


def _actor_list(actors: dict) -> list[dict[str, Any]]:
    listed = [{**{k: v for k, v in a.items() if k not in ("outlets", "terms")},
               "outlets": _outlet_list(a["outlets"]), "terms": _term_list(a["terms"])}
              for a in actors.values()]
    return sorted(listed, key=lambda a: (-_total(a), a["name"].lower()))


def _total(actor: dict[str, Any]) -> int:
    return sum(item["count"] for outlet in actor["outlets"] for voice in (OWN, QUOTED)
               for name in ("descriptors", "terms") for item in outlet[voice][name])
