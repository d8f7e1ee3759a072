"""Names in one article and who or what they are.

From the spaCy entities (the knowledge-base rulers' and the model's) to :class:`Mention` records:
knowledge-base actors keep their id; a short form ("Saadi", "al-Saadi", "Kaabi", "Rasool") is
linked to the one full name of the article it shortens; an acronym the article defines ("the
Islamic Resistance in Iraq (IRI)") stands for what it defines; places are geocoded; labels the
model gets wrong are corrected where the knowledge base or the gazetteer knows better. A short
form that could shorten two different names is left unlinked rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from crossbearing.annotate.event_args import ASSAULT_NOUNS, ASSAULT_VERBS, PLACE_NOUNS
from crossbearing.annotate.law_names import law_spans
from crossbearing.annotate.metonymy import with_metonyms
from crossbearing.annotate.names import identity_words, same_name, skeleton
from crossbearing.annotate.nlp import text_of
from crossbearing.annotate.org_forms import organisation_for
from crossbearing.annotate.place_spans import place_spans
from crossbearing.kb import name_key
from crossbearing.kb.actors import ActorBase, actor_base
from crossbearing.kb.place_context import resolve_in_context
from crossbearing.kb.places import STANDALONE_TOWN, lookup_place
from crossbearing.model import Mention

#: Entity types that are names of actors or places; the rest (dates, numbers) are other layers'.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Types the model gives some place names ("Tower 22" as an EVENT): kept only when geocoded.
MAYBE_PLACE_LABELS = frozenset({"EVENT"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
#: Letters spelled out with hyphens: a chant or a spelling ("U-S-A"), no name.
_SPELLED = re.compile(r"^(?:[A-Z]-){2,}[A-Z]$")


#: Words that name an institution of their own when they stand alone ("the House", "the
#: Senate", "the Coalition"): never a part of another organisation's name.
INSTITUTION_WORDS = frozenset({
    "house", "senate", "congress", "court", "council", "assembly", "parliament", "ministry",
    "department", "army", "party", "government", "administration", "committee", "commission",
    "union", "coalition", "front", "alliance", "cabinet", "office", "agency", "bureau", "board",
    "authority", "command", "forces", "force", "police", "guard", "navy", "state", "states"})
#: Words after which a name stands as a place.
LOCATIVE_WORDS = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across",
                            "around", "toward", "towards", "inside", "via", "through", "off",
                            "east", "west", "north", "south", "between", "within", "beyond"})
#: Nouns of area after which "of" names a place ("the outskirts of", "the town of"): the
#: place nouns of event_args and the people and offices of a place.
AREA_NOUNS = PLACE_NOUNS | frozenset({"centre", "center", "east", "west", "north", "south",
                                      "edge", "heart", "streets", "people", "residents", "mayor",
                                      "governor", "municipality", "county"})
#: Verbs whose object is a place ("shelled Saraqib", "entered Mosul"): event_args' verbs of
#: assault and verbs of holding and moving.
PLACE_VERBS = ASSAULT_VERBS | frozenset({"liberate", "occupy", "take", "encircle", "surround",
                                         "evacuate", "visit", "leave", "flee", "reach",
                                         "control", "govern"})


@dataclass
class _Seen:
    """Full names met so far in the article, for linking short forms and acronyms."""

    full_names: list[Mention]
    acronyms: dict[str, Mention]
    countries: list[str]
    groups: list[Mention] = field(default_factory=list)  # organisations of the knowledge base
    standalone: set[int] = field(default_factory=set)  # starts of names refused as small towns


def entity_mentions(doc: Doc, article_id: str,
                    actors: ActorBase | None = None) -> list[Mention]:
    """Every actor and place name in ``doc`` as a resolved :class:`Mention`, in text order,
    linked to ``actors`` (default the bundled knowledge base: ``doc`` is parsed with its
    rulers)."""
    actors = actors or actor_base()
    text = text_of(doc)
    titles = _title_case_lines(text)
    spans = [span for span in place_spans(law_spans(list(doc.ents)), _stands_as_place)
             if span.label_ in NAME_LABELS | MAYBE_PLACE_LABELS
             and _capitalised(span) and not _only_in_a_title(span, text, titles, actors)]
    seen = _Seen(full_names=[], acronyms={}, countries=_countries(spans))
    ahead = _Ahead(spans)
    mentions: list[Mention] = []
    for index, span in enumerate(spans):
        mention = _resolve(span, article_id, seen, ahead.after(index), actors)
        if mention is None:
            continue
        mentions.append(mention)
        if len(identity_words(mention.canonical)) >= 2 and mention.link in ("kb", "model"):
            seen.full_names.append(mention)
        if mention.label == "ORG" and mention.actor_id:
            seen.groups.append(mention)
        _define_acronym(doc, span, mention, seen)
    mentions = [m for m in mentions if m.label not in MAYBE_PLACE_LABELS]
    mentions = resolve_in_context(text, mentions, article_id, seen.countries, seen.standalone)
    mentions = [_as_description(doc, m) for m in with_metonyms(doc, mentions, actors)]
    mentions.extend(_undetected_acronyms(doc, article_id, mentions, seen))
    mentions.extend(_undetected_short_forms(doc, article_id, mentions, seen))
    return sorted(mentions, key=lambda m: (m.start, m.end))


class _Ahead:
    """The names the model gives, read once per article, so that each name can look at those
    after it without going through the spans again: people's names, and the full names (two
    identity words or more) of people and of organisations as mentions."""

    def __init__(self, spans: list[Span]) -> None:
        self.people: list[tuple[int, str]] = []
        self.full_people: list[tuple[int, Mention]] = []
        self.full_organisations: list[tuple[int, Mention]] = []
        for index, span in enumerate(spans):
            if span.label_ not in ("PERSON", "ORG"):
                continue
            text = span.text
            full = len(identity_words(text)) >= 2
            if span.label_ == "PERSON":
                self.people.append((index, text))
                if full:
                    self.full_people.append((index, Mention(
                        "", 0, 0, text, "PERSON", span.ent_id_ or None, text, name_key(text),
                        "model")))
            elif full:
                self.full_organisations.append((index, Mention(
                    "", 0, 0, text, "ORG", None, text, name_key(text), "model")))

    def after(self, index: int) -> _Later:
        """What comes after the span at ``index``."""
        return _Later(self, index)


@dataclass(frozen=True)
class _Later:
    """The names after one span, in text order (:class:`_Ahead`)."""

    ahead: _Ahead
    index: int

    def people(self) -> list[str]:
        return [text for i, text in self.ahead.people if i > self.index]

    def full_people(self) -> list[Mention]:
        return [m for i, m in self.ahead.full_people if i > self.index]

    def full_organisations(self) -> list[Mention]:
        return [m for i, m in self.ahead.full_organisations if i > self.index]


def _as_description(doc: Doc, mention: Mention) -> Mention:
    """A nationality, party or stance word that modifies a noun ("Iraqi lawmakers", "the
    Democratic nominee", "pro-Iranian groups", "Republican Donald Trump") describes an actor and
    is no actor of its own: its link is ``description`` (the mention is kept for the layers that
    read descriptions; the collection lists no entity for it). A knowledge-base actor and a
    noun ("the Kurds", "Democrats said") stay actors."""
    if mention.label != "NORP" or mention.actor_id:
        return mention
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    root = span.root
    if root.dep_ in ("amod", "compound", "nmod") and root.head.i >= span.end or root.tag_ == "JJ":
        return replace(mention, link="description")
    return mention


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """The lines written in title case (a headline, a section head: four words or more, three
    in four of those of four letters or more capitalised), where the model's names are
    unreliable ("Obama Power Plant Rules Face Key Test In U.S. Court")."""
    found, start = [], 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 4]
        if len(line.split()) >= 4 and words and (
                sum(w[0].isupper() for w in words) >= 0.75 * len(words)):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def _only_in_a_title(span: Span, text: str, titles: list[tuple[int, int]],
                     actors: ActorBase) -> bool:
    """Whether a name lies in a title-case line and is neither a knowledge-base name nor said
    again in the text outside that line (a name in a headline is in its story too)."""
    line = next(((a, b) for a, b in titles if a <= span.start_char and span.end_char <= b), None)
    if line is None or span.ent_id_ or actors.id_of(span.text):
        return False
    name = span.text
    return name not in text[:line[0]] and name not in text[line[1]:]


def _capitalised(span: Span) -> bool:
    """Names are written with capitals: a match of a knowledge-base name in lower case ("roast
    turkey", "the guardian of") is the common word."""
    return any(ch.isupper() for ch in span.text)


def _resolve(span: Span, article_id: str, seen: _Seen, later: _Later,
             actors: ActorBase) -> Mention | None:
    start, end, text = _trimmed(span)
    if not text or text.endswith(("-", "‐", "–", "/")) or text.startswith("/"):
        return None  # half of a word the tokenizer split ("Anti-", "Pro-", "Getty/")
    if _SPELLED.match(text) or _stage_direction(span):
        return None  # a chant spelled out ("U-S-A"), a transcript's "(CROSSTALK)"
    label = "PERSON" if _speaker_label(span) else span.label_
    base = Mention(article_id, start, end, text, label, None, text, name_key(text), "model")
    actor_id = span.ent_id_ or actors.id_of(text)
    if actor_id:
        actor = actors.actor(actor_id)
        base = replace(base, label=actor.type, actor_id=actor.id, canonical=actor.name, link="kb")
    elif text in seen.acronyms:
        defined = seen.acronyms[text]
        base = replace(base, label=defined.label, actor_id=defined.actor_id,
                       canonical=defined.canonical, name_key=defined.name_key, link="acronym",
                       place_id=defined.place_id)
    else:
        longer = (_full_name_for(text, label, seen, later)
                  or _group_for(text, label, seen)
                  or organisation_for(text, label, _organisations(seen, later),
                                      INSTITUTION_WORDS))
        if longer is not None:
            base = replace(base, label=longer.label, actor_id=longer.actor_id,
                           canonical=longer.canonical, name_key=longer.name_key, link="short-form",
                           place_id=longer.place_id)
        elif _names_no_place(text, seen, later):
            seen.standalone.add(start)  # the context step must not take it for a town either
            return replace(base, label="PERSON" if _a_surname(text, seen, later) else "ORG")
    return _with_place(base, seen, _stands_as_place(span))


def _names_no_place(text: str, seen: _Seen, later: _Later) -> bool:
    """Whether a single word is no town whatever the model says: a word of institution
    ("Congress", "Parliament": not Congress, Arizona) or the surname of a person the article
    names in full ("from Clinton" with Bill and Hillary Clinton named: not Clinton, Maryland)."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) != 1:
        return False
    return words[0].lower() in INSTITUTION_WORDS or _a_surname(text, seen, later)


def _a_surname(text: str, seen: _Seen, later: _Later) -> bool:
    key = name_key(text)
    names = [m.canonical for m in seen.full_names if m.label == "PERSON"] + later.people()
    return any(len(identity_words(n)) >= 2 and name_key(identity_words(n)[-1]) == key
               for n in names)


def _stage_direction(span: Span) -> bool:
    """A word in capitals alone in brackets, as transcripts mark what is heard ("(CROSSTALK)",
    "(APPLAUSE)"); short ones are agencies and acronyms ("(AP)", "(UPI)")."""
    doc = span.doc
    end = span.end + (span.end < len(doc) and doc[span.end].text == ".")  # "(CROSSTALK.)"
    return (len(span) == 1 and span.text.isupper() and len(span.text) >= 6
            and span.start > 0 and doc[span.start - 1].text == "("
            and end < len(doc) and doc[end].text == ")")


def _speaker_label(span: Span) -> bool:
    """A name in capitals opening a line of a transcript, before a colon ("WALLACE: Mr.
    Trump, …"): the person speaking, whatever type the model gave it."""
    doc = span.doc
    opens = span.start == 0 or "\n" in doc[span.start - 1].whitespace_ + doc[span.start - 1].text
    return (opens and span.text.isupper() and len(span.text) > 2 and span.end < len(doc)
            and doc[span.end].text == ":")


def _trimmed(span: Span) -> tuple[int, int, str]:
    """Character offsets and text of an entity without a leading "the" or a trailing "’s"."""
    start, text = span.start_char, span.text.split("\n", 1)[0].rstrip()
    lead = _LEADING.match(text)
    if lead:
        start, text = start + lead.end(), text[lead.end():]
    trail = _TRAILING.search(text)
    if trail and len(text) > trail.end() - trail.start():
        text = text[:trail.start()]
    return start, start + len(text), text


def _full_name_for(text: str, label: str, seen: _Seen, later: _Later) -> Mention | None:
    """The one person's full name that ``text`` shortens: met earlier, or else later in the
    article. None when no name or two different names fit (a bare surname is never guessed).
    Only people's names are shortened so: an organisation's short forms are its aliases and
    acronyms, and "Iraqi" must not shorten "Islamic Resistance in Iraq"."""
    if label not in ("PERSON", "ORG", "GPE") or (len(identity_words(text)) >= 2 and label != "PERSON"):
        return None
    people = [m for m in seen.full_names if m.label == "PERSON"]
    if label != "PERSON":  # a word the model did not read as a name must be the surname itself
        people = [m for m in people if name_key(text) in {
            name_key(w) for w in identity_words(m.canonical)}]
    earlier = _distinct([m for m in people if _shortens(text, m)])
    if len(earlier) == 1:
        return earlier[0]
    if earlier:
        return None
    found = _distinct([m for m in later.full_people() if _shortens(text, m)])
    return found[0] if len(found) == 1 and found[0].label == "PERSON" else None


def _organisations(seen: _Seen, later: _Later) -> list[Mention]:
    """Organisations the article names in full: met so far, or by the model later on."""
    return ([m for m in seen.full_names if m.label == "ORG"] + seen.groups
            + later.full_organisations())


def _group_for(text: str, label: str, seen: _Seen) -> Mention | None:
    """The one knowledge-base organisation named earlier in the article that ``text`` names in
    part ("the Resistance", "the Islamic Resistance" after "the Islamic Resistance in Iraq"):
    its words stand in that name in the same order, ending on a word of it that is not the
    name of a place. None when no organisation or two fit; "Iraqi Resistance" is no part of
    "Islamic Resistance in Iraq"."""
    words = [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w != "the"]
    if label != "ORG" or not words or lookup_place(words[-1]) is not None:
        return None
    if len(words) == 1 and words[0] in INSTITUTION_WORDS:
        return None  # "the House" after "the White House" is another institution
    groups = _distinct([m for m in seen.groups if any(_in_order(words, name.lower())
                                                       for name in (m.canonical, m.text))])
    return groups[0] if len(groups) == 1 else None


def _in_order(words: list[str], name: str) -> bool:
    """Whether ``words`` are words of ``name``, in its order, and fewer than all of them."""
    remaining = re.findall(r"[^\W\d_]+", name)
    if len(words) >= len(remaining):
        return False
    position = 0
    for word in words:
        try:
            position = remaining.index(word, position) + 1
        except ValueError:
            return False
    return True


def _shortens(text: str, full: Mention) -> bool:
    """Whether ``text`` is a shorter form of the full name: fewer words, the same name by the
    transliteration scorer, and a single word with the skeleton of one of the full name's
    words ("Saedi" for "al-Saadi"; not "Coalition" for "Clinton", close in spelling only)."""
    words, full_words = identity_words(text), identity_words(full.canonical)
    if not words or len(words) >= len(full_words) or not same_name(text, full.canonical):
        return False
    return len(words) > 1 or skeleton(words[0]) in {skeleton(w) for w in full_words}


def _distinct(candidates: list[Mention]) -> list[Mention]:
    """Candidates that are different entities (one per actor, or per name when unknown)."""
    kept: list[Mention] = []
    for candidate in candidates:
        if not any(_same_entity(candidate, other) for other in kept):
            kept.append(candidate)
    return kept


def _same_entity(a: Mention, b: Mention) -> bool:
    if a.actor_id or b.actor_id:
        return a.actor_id == b.actor_id
    return same_name(a.canonical, b.canonical)


def _stands_as_place(span: Span) -> bool:
    """Whether a name stands where a place stands: after a locative preposition ("in Clinton",
    "near Mayadin"), after "of" with a noun of area ("the outskirts of Saraqib", "a rural area
    of Yuksekova"), before one ("Makhmur camp"), after "on" an assault ("a raid on Jenin"), or
    as what an act of war takes or hits ("shelled Saraqib")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in LOCATIVE_WORDS:
        return True
    area = doc[span.start - 2] if span.start > 1 else None
    if before is not None and before.lower_ == "of" and area is not None and (
            area.lower_ in AREA_NOUNS or area.lemma_.lower() in AREA_NOUNS):
        return True
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in AREA_NOUNS:
        return True  # "Makhmur camp", "Hajjah governorate"
    if before is not None and before.lower_ in ("on", "against") and (
            before.head.lemma_.lower() in ASSAULT_NOUNS):
        return True  # "a raid on Jenin"
    return root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in PLACE_VERBS


def _with_place(mention: Mention, seen: _Seen, located: bool = True) -> Mention:
    """Geocode place names; a name the model called a person or organisation that the gazetteer
    knows as a place, and nothing else explains, becomes a place ("al-Qaim" is a town). A name
    the model alone read as a place, not after a locative preposition, is a town only if a
    large one (``STANDALONE_TOWN`` people): the model tags many surnames and common words as
    places ("Obama said", "Clinton's lead", "Congress", "Federal"), and a small town of that
    name (Obama, Japan) is then no better than a guess."""
    if mention.place_id or mention.label not in PLACE_LABELS | MAYBE_PLACE_LABELS | {"PERSON", "ORG"}:
        return mention
    if mention.label in MAYBE_PLACE_LABELS:
        place = lookup_place(mention.text, context_countries=seen.countries)
        return replace(mention, label="FAC", place_id=place.id) if place and place.kind == "site" else mention
    if mention.label in ("PERSON", "ORG") and mention.link != "model":
        return mention
    floor = 0 if located or mention.link != "model" else STANDALONE_TOWN
    place = lookup_place(mention.canonical, context_countries=seen.countries,
                         min_population=floor)
    if place is None:
        if floor:
            seen.standalone.add(mention.start)  # the context step must not take it again
        return mention
    if mention.label in ("PERSON", "ORG"):
        if place.kind == "country" or len(identity_words(mention.text)) > 2:
            return mention
        return replace(mention, label="GPE" if place.kind in ("city", "country") else "LOC",
                       place_id=place.id)
    return replace(mention, place_id=place.id)


def _countries(spans: list[Span]) -> list[str]:
    """Countries the article names, to prefer their towns when a name is ambiguous."""
    found: list[str] = []
    for span in spans:
        if span.label_ == "GPE":
            place = _country(span.text)
            if place and place not in found:
                found.append(place)
    return found


@lru_cache(maxsize=4096)
def _country(text: str) -> str | None:
    place = lookup_place(_LEADING.sub("", text))
    return place.country if place is not None and place.kind == "country" else None


def _define_acronym(doc: Doc, span: Span, mention: Mention, seen: _Seen) -> None:
    """Record "Full Name (ACR)": the acronym right after a name, in parentheses."""
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return
    acronym = doc[span.end + 1].text
    if _ACRONYM.match(acronym) and acronym not in seen.acronyms:
        seen.acronyms[acronym] = mention


def _undetected_acronyms(doc: Doc, article_id: str, mentions: list[Mention],
                         seen: _Seen) -> list[Mention]:
    """Defined acronyms the model did not mark as entities, wherever they occur."""
    if not seen.acronyms:
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in doc:
        defined = seen.acronyms.get(token.text)
        if defined is not None and token.idx not in covered:
            found.append(Mention(article_id, token.idx, token.idx + len(token.text), token.text,
                                 defined.label, defined.actor_id, defined.canonical,
                                 defined.name_key, "acronym", defined.place_id))
    return found


def _undetected_short_forms(doc: Doc, article_id: str, mentions: list[Mention],
                            seen: _Seen) -> list[Mention]:
    """Surnames of people named earlier that the model did not mark ("Rasool disagreed"): a
    proper noun, not inside another mention, that shortens exactly one person's full name given
    before it. An "al-" written before it belongs to the name."""
    people = [m for m in seen.full_names if m.label == "PERSON"]
    if not people:
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in doc:
        if token.idx in covered or token.pos_ != "PROPN" or not token.is_title:
            continue
        earlier = _distinct([p for p in people if p.end <= token.idx and _shortens(token.text, p)])
        if len(earlier) != 1:
            continue
        start = _with_article(doc, token)
        person = earlier[0]
        found.append(Mention(article_id, start, token.idx + len(token.text),
                             text_of(doc)[start:token.idx + len(token.text)], "PERSON", person.actor_id,
                             person.canonical, person.name_key, "short-form", None))
    return found


def _with_article(doc: Doc, token) -> int:
    """Start of ``token`` including an "al-"/"el-" written before it."""
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("al", "el"):
        return doc[token.i - 2].idx
    return token.idx
