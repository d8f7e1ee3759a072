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

import numpy as np
from spacy.attrs import IS_TITLE, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from crossbearing.annotate.event_places import ASSAULT_NOUNS, ASSAULT_VERBS, PLACE_NOUNS
from crossbearing.annotate.law_names import law_spans
from crossbearing.annotate.metonymy import with_metonyms
from crossbearing.annotate.name_spans import (
    PLACE_LABELS, a_portfolio, as_description, capitalised, coordinated_half, dateline,
    describing_word, firm_name, given_name_before, lower_case_words, name_bounds, not_a_name,
    only_in_a_title, signature, signature_end, speaker_label, stage_direction, title_case_lines,
    vocative, with_honorific)
from crossbearing.annotate.names import identity_words
from crossbearing.annotate.nlp import text_of
from crossbearing.annotate.org_forms import organisation_for
from crossbearing.annotate.place_spans import listed_places, place_spans
from crossbearing.annotate.short_names import (AMBIGUOUS, a_subject, distinct, first_name_of,
                                               headline_people, meant, same_entity, shortens)
from crossbearing.annotate.span_names import Later, SpanNames
from crossbearing.kb import name_key
from crossbearing.kb.actors import ActorBase, actor_base
from crossbearing.kb.place_context import resolve_in_context
from crossbearing.kb.places import STANDALONE_TOWN, lookup_place, named_itself, place_by_id
from crossbearing.model import Mention

#: Entity types that are names of actors or places; the rest (dates, numbers) are other layers'.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Types the model gives some place names ("Tower 22" as an EVENT): kept only when geocoded.
MAYBE_PLACE_LABELS = frozenset({"EVENT"})
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
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
#: place nouns of event_places and the people and offices of a place.
AREA_NOUNS = PLACE_NOUNS | frozenset({"centre", "center", "east", "west", "north", "south",
                                      "edge", "heart", "streets", "people", "residents", "mayor",
                                      "governor", "municipality", "county"})
#: Verbs whose object is a place ("shelled Saraqib", "entered Mosul"): event_places' verbs of
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
    lower_words: frozenset[str] = frozenset()  # words the article writes in lower case
    senses: dict[str, dict[str, int]] = field(default_factory=dict)  # name -> label -> count
    doc: Doc | None = None


def entity_mentions(doc: Doc, article_id: str,
                    actors: ActorBase | None = None) -> list[Mention]:
    """Every actor and place name in ``doc`` as a resolved :class:`Mention`, in text order,
    linked to ``actors`` (default the bundled knowledge base: ``doc`` is parsed with its
    rulers)."""
    actors = actors or actor_base()
    text = text_of(doc)
    titles = title_case_lines(text)
    lower_words = lower_case_words(text)
    named = [span for span in place_spans(law_spans(list(doc.ents)), _stands_as_place)
             if span.label_ in NAME_LABELS | MAYBE_PLACE_LABELS and capitalised(span)]
    named = listed_places(named, _stands_as_place, lower_words)
    spans = [span for span in named if not only_in_a_title(span, text, titles, actors)]
    seen = _Seen(full_names=headline_people(named, spans, article_id), acronyms={},
                 countries=_countries(spans), lower_words=lower_words,
                 senses=_senses(spans), doc=doc)
    names = SpanNames.of(spans)
    mentions: list[Mention] = []
    for index, span in enumerate(spans):
        mention = _resolve(span, article_id, seen, names.after(index), actors)
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
    mentions = [as_description(doc, m) for m in with_metonyms(doc, mentions, actors)]
    mentions.extend(_undetected_acronyms(doc, article_id, mentions, seen))
    mentions.extend(_undetected_short_forms(doc, article_id, mentions, seen))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _resolve(span: Span, article_id: str, seen: _Seen, later: Later,
             actors: ActorBase) -> Mention | None:
    start, end, text = name_bounds(span)
    if not text or text.endswith(("-", "‐", "–", "/")) or text.startswith("/"):
        return None  # half of a word the tokenizer split ("Anti-", "Pro-", "Getty/")
    if _SPELLED.match(text) or stage_direction(span):
        return None  # a chant spelled out ("U-S-A"), a transcript's "(CROSSTALK)"
    if a_portfolio(span, start):
        return None  # "Secretary of State": an office, not the State Department
    if not span.ent_id_ and coordinated_half(span):
        return None  # "Eastern" of "Eastern and Northern Europe"
    speaker = speaker_label(span)
    signs = signature(span, start)
    label = "PERSON" if speaker or signs else _one_sense(text, span.label_, seen)
    if label == "PERSON" and firm_name(span):
        label = "ORG"  # "Crosscut Strategies"
    if signs:  # the whole signature, where the model took its first word only ("Nell")
        end = signature_end(span, end)
        text = text_of(span.doc)[start:end]
    if label in PLACE_LABELS and not span.ent_id_ and actors.state_of(text) is not None and (
            lookup_place(text) is None):
        label = "NORP"  # a nationality word the model took for a place ("Ukrainian")
    canonical = text.title() if speaker and text.isupper() else text  # "WALLACE:" is Wallace
    given = given_name_before(span)
    if given is not None:  # "police Chief Chuck Jordan": a person, not the country
        start, text = given.idx, text_of(span.doc)[given.idx:end]
        return Mention(article_id, start, end, text, "PERSON", None, text, name_key(text), "model")
    base = Mention(article_id, start, end, text, label, None, canonical, name_key(text), "model")
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
        longer = None if describing_word(span, label) else (
            _full_name_for(with_honorific(span, start, text), label, seen, later, start,
                           text_of(span.doc))
            or _group_for(text, label, seen, later, actors)
            or organisation_for(text, label, _organisations(seen, later), INSTITUTION_WORDS))
        if longer is AMBIGUOUS:
            return replace(base, link="ambiguous")  # two people of the article bear the name
        if longer is not None:
            base = replace(base, label=longer.label, actor_id=longer.actor_id,
                           canonical=longer.canonical, name_key=longer.name_key, link="short-form",
                           place_id=longer.place_id)
        elif label == "PERSON" and " " not in text and vocative(span):
            return replace(base, link="ambiguous")  # "But this is America, Chris.": unnamed
        elif not speaker and label != "NORP" and text.lower() not in INSTITUTION_WORDS and (
                not_a_name(span, text, seen.lower_words) and not _stands_as_place(span)):
            return None  # "Bank executives", "the World", "WHITE", "I’d", "9 a.m. Eastern"
        elif _names_no_place(text, seen, later):
            seen.standalone.add(start)  # the context step must not take it for a town either
            return replace(base, label="PERSON" if _a_surname(text, seen, later) else "ORG")
    if span.label_ in PLACE_LABELS and base.label not in PLACE_LABELS and base.link == "model":
        seen.standalone.add(start)  # one sense: a person's or a group's name here, no town
        return base
    return _with_place(base, seen, _stands_as_place(span), actors)


def _senses(spans: list[Span]) -> dict[str, dict[str, int]]:
    """How often the model gives each name each type in the article."""
    found: dict[str, dict[str, int]] = {}
    for span in spans:
        counts = found.setdefault(span.text, {})
        counts[span.label_] = counts.get(span.label_, 0) + 1
    return found


def _one_sense(text: str, label: str, seen: _Seen) -> str:
    """One name, one sense in an article: a name the model calls a place here but a person or
    an organisation elsewhere in the same article is that, where it calls it so more often, or
    where the gazetteer knows no place of the name ("the Clinton camp", "from Clinton" in an
    article on Clinton's campaign; "the Green Party" once as a GPE)."""
    if label not in PLACE_LABELS:
        return label
    counts = seen.senses.get(text, {})
    other = max(("PERSON", "ORG"), key=lambda k: counts.get(k, 0))
    if not counts.get(other):
        return label
    places = sum(counts.get(k, 0) for k in PLACE_LABELS)
    return other if counts[other] > places or lookup_place(text) is None else label


def _names_no_place(text: str, seen: _Seen, later: Later) -> bool:
    """Whether a single word is no town whatever the model says: a word of institution
    ("Congress", "Parliament": not Congress, Arizona) or the surname of a person the article
    names in full ("from Clinton" with Bill and Hillary Clinton named: not Clinton, Maryland)."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) != 1:
        return False
    return words[0].lower() in INSTITUTION_WORDS or _a_surname(text, seen, later)


def _a_surname(text: str, seen: _Seen, later: Later) -> bool:
    key = name_key(text)
    names = [m.canonical for m in seen.full_names if m.label == "PERSON"]
    return any(len(identity_words(n)) >= 2 and name_key(identity_words(n)[-1]) == key
               for n in names) or key in later.surnames()


def _full_name_for(text: str, label: str, seen: _Seen, later: Later, at: int = 0,
                   article: str = "") -> Mention | None:
    """The one person's full name that ``text`` shortens: met earlier, or else later in the
    article; or, for a first name alone ("Hillary", "LeBron"), the one person of the article
    of that first name. Where two people fit ("Clinton" with Bill and Hillary Clinton named),
    the one the article means by the bare name (``short_names.meant``), else ``AMBIGUOUS``: a
    bare surname is never guessed. Only people's names are shortened so: an organisation's
    short forms are its aliases and acronyms, and "Iraqi" must not shorten "Islamic Resistance
    in Iraq". A first name the model took for a place or an organisation and that names no
    place ("Melania", "Bernie") is the person's too."""
    if label not in ("PERSON", "ORG", "GPE") or (len(identity_words(text)) >= 2 and label != "PERSON"):
        return None
    people = [m for m in seen.full_names if m.label == "PERSON"]
    if label != "PERSON":  # a word the model did not read as a name must be the surname itself
        people = [m for m in people if name_key(text) in {
            name_key(w) for w in identity_words(m.canonical)}]
    ahead = later.people()
    earlier = distinct([m for m in people if shortens(text, m)])
    if len(earlier) == 1:
        return earlier[0]
    if earlier:
        return meant(earlier, people + ahead, at, article, same_entity,
                     lambda m: a_subject(seen.doc, m)) or AMBIGUOUS
    found = distinct([m for m in ahead if shortens(text, m)])
    if len(found) == 1 and found[0].label == "PERSON":
        return found[0]
    if found:
        return None
    if label == "PERSON" or lookup_place(text) is None:  # "Melania" the model took for a place
        return first_name_of(text, people + ahead, same_entity)
    return None


def _organisations(seen: _Seen, later: Later) -> list[Mention]:
    """Organisations the article names in full: met so far, or by the model later on (its
    possessive "’s" left out: "Wells Fargo’s" is Wells Fargo)."""
    return ([m for m in seen.full_names if m.label == "ORG"] + seen.groups
            + later.organisations())


def _group_for(text: str, label: str, seen: _Seen, later: Later,
               actors: ActorBase | None = None) -> Mention | None:
    """The one knowledge-base organisation named in the article (earlier, else later) that
    ``text`` names in part ("the Resistance", "the Islamic Resistance" after "the Islamic
    Resistance in Iraq"): its words stand in that name in the same order, ending on a word of
    it that is not the name of a place. A nationality adjective in front stands for the
    country the name places the group in ("the Iraqi Resistance" for the Islamic Resistance
    in Iraq, as "the Iraqi branch" for "the branch in Iraq"). None when no organisation or
    two fit."""
    words = [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w != "the"]
    state = actors.state_of(words[0]) if actors is not None and len(words) >= 2 else None
    if state is not None:
        words = words[1:]
    if label != "ORG" or not words or lookup_place(words[-1],
                                                   min_population=STANDALONE_TOWN) is not None:
        return None  # a place that may be meant ("Iraq"), not a village called "Post"
    if len(words) == 1 and words[0] in INSTITUTION_WORDS:
        return None  # "the House" after "the White House" is another institution
    def fits(group: Mention) -> bool:
        names = [n.lower() for n in (group.canonical, group.text)]
        if state is not None:  # the group's name must place it in that very country
            names = [n for n in names if re.search(r"\bin (?:the )?" + re.escape(
                name_key(state.name)) + r"\b", name_key(n))]
        return any(_in_order(words, n) for n in names)

    groups = distinct([m for m in seen.groups if fits(m)])
    if not groups and actors is not None:
        ahead = [Mention("", 0, 0, s.text, "ORG", s.ent_id_, actors.by_id[s.ent_id_].name,
                         name_key(s.text), "kb")
                 for s in later.spans if s.ent_id_ in actors.by_id and s.label_ == "ORG"]
        groups = distinct([m for m in ahead if fits(m)])
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


def _stands_as_place(span: Span) -> bool:
    """Whether a name stands where a place stands: after a locative preposition ("in Clinton",
    "near Mayadin"), after "of" with a noun of area ("the outskirts of Saraqib", "a rural area
    of Yuksekova"), before one ("Makhmur camp"), after "on" an assault ("a raid on Jenin"), or
    as what an act of war takes or hits ("shelled Saraqib"). A name typed as a place and listed
    after another stands where the list's first stands ("in al-Qaim, Akashat", "shelled Idlib
    and Binnish")."""
    doc = span.doc
    first = span.root
    while span.label_ in PLACE_LABELS and first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # a list of names typed as places; never "between Obama and Xi"
    start = first.left_edge.i if first.i != span.root.i else span.start
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in LOCATIVE_WORDS and first.dep_ not in (
            "nsubj", "nsubjpass", "poss"):
        return True  # not "from Obama being a founder", "in Earth’s climate": what follows
    area = doc[start - 2] if start > 1 else None
    if before is not None and before.lower_ == "of" and area is not None and (
            area.lower_ in AREA_NOUNS or area.lemma_.lower() in AREA_NOUNS):
        return True
    if dateline(span):
        return True  # "FLINT, Mich., Oct. 4 (UPI) —"
    if span.root.dep_ == "compound" and span.root.head.lemma_.lower() in AREA_NOUNS:
        return True  # "Makhmur camp", "Hajjah governorate"
    if before is not None and before.lower_ in ("on", "against") and (
            before.head.lemma_.lower() in ASSAULT_NOUNS):
        return True  # "a raid on Jenin"
    return first.dep_ in ("dobj", "nsubjpass") and first.head.lemma_.lower() in PLACE_VERBS


def _with_place(mention: Mention, seen: _Seen, located: bool = True,
                actors: ActorBase | None = None) -> Mention:
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
    state = _state_of(mention, actors)
    if state is not None:  # "Georgia" the country is the country, whatever the US context
        return replace(mention, place_id=state.id)
    floor = 0 if located or mention.link != "model" else STANDALONE_TOWN
    place = lookup_place(mention.canonical, context_countries=seen.countries,
                         min_population=floor)
    if place is not None and floor and not named_itself(place, mention.canonical, seen.countries):
        place = None  # "Media" standing alone is not Médéa, Algeria
    if place is None:
        if floor:
            seen.standalone.add(mention.start)  # the context step must not take it again
        return mention
    if mention.label in ("PERSON", "ORG"):
        words = len(identity_words(mention.text))
        if place.kind == "country" or words > 3 or words == 3 and not (
                located and named_itself(place, mention.text, seen.countries)):
            return mention  # "in Port St. Lucie, Florida" is the town
        return replace(mention, label="GPE" if place.kind in ("city", "country") else "LOC",
                       place_id=place.id)
    return replace(mention, place_id=place.id)


def _state_of(mention: Mention, actors: ActorBase | None):
    """The country place of a knowledge-base state ("Georgia" the state of the Caucasus), or
    None."""
    if not mention.actor_id or actors is None:
        return None
    actor = actors.by_id.get(mention.actor_id)
    if actor is None or actor.kind != "state" or not actor.country:
        return None
    return place_by_id(f"country:{actor.country}")


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
    # The proper nouns written in title case, picked from the document's arrays: making a token
    # object of every word of the article costs more than the rest of the search.
    tags = doc.to_array([POS, IS_TITLE]).reshape(-1, 2)
    for i in np.flatnonzero((tags[:, 0] == PROPN) & (tags[:, 1] == 1)):
        token = doc[int(i)]
        if token.idx in covered:
            continue
        earlier = distinct([p for p in people if p.end <= token.idx and shortens(token.text, p)])
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
