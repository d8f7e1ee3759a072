"""Place names resolved with their article's context.

A name alone is often ambiguous ("Hays" is a town in Kansas and one in Yemen; "Nawa" a town in
Syria, and an alternate name of Naha in Japan), and event reports say where they mean by what
they write around it:

- the countries the article names (not those that only qualify an actor: "Iran-backed"), and
  the admin-1 regions it names ("in Deir ez-Zor province", "al-Hasakah governorate"): a town
  there is preferred; the US states it names as places ("in New Jersey"; and with one named,
  the state of a city named as its state, "in New York"; not "Kentucky Senator") make a town
  there of that very name preferred to towns
  outside the context that are no large city ("Chelsea" is Chelsea, New York; "Washington" the
  capital still; "Mecca", an alternate name, not Medina, Ohio);
- the region written beside a town ("Tal Tamr, Al Hasakeh", "Ras al-Ain (Hasakeh)"): that region
  is an admin-1 region, not a town of that name, and the town is looked for in it first;
- "X district of Y" ("the Kadhimiya neighbourhood of Baghdad"): X is looked for in Y's region;
  a name found only far from Y stands for Y itself;
- a name the tagger cut short is completed where the longer text is a curated place or an admin-1
  region ("Nevatim" + "air base", "Deir" + "ez-Zor province", "West" + "Azerbaijan");
- a curated base or site the tagger missed ("rockets hit the K-1 base") is found by its name.

``resolve_in_context`` takes an article's text and its name mentions and gives them back with
places set or corrected; see ``docs/places.md``.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace
from typing import Collection, Sequence

from crossbearing.kb import admin, places
from crossbearing.kb.actors import name_key
from crossbearing.kb.place_keys import place_key
from crossbearing.kb.us_states import us_state
from crossbearing.model import Mention, Place

#: Labels of names that may be places (the tagger calls some towns people or organisations).
_MAYBE = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"})
#: Between a town and the region written after it: "Tal Tamr, Al Hasakeh", "Hajin (Deir ez-Zor)".
_BESIDE = re.compile(r"\s*(?:,|\()\s*(?:in\s+)?")
#: Between two names of a list ("New York, New Jersey and Connecticut").
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")
#: After a US state's name, the word that says it is the state ("New York state").
_STATE_WORD = re.compile(r"[ \t]+state\b")
#: Between a part of a town and the town: "the Mashtal district of Baghdad".
_PART_OF = re.compile(r"\s+(?:district|neighbou?rhood|quarter|area|suburb)\s+of\s+(?:the\s+)?",
                      re.IGNORECASE)
#: A country written as a qualifier of an actor, not as where anything is: "Iran-backed".
_QUALIFIER = re.compile(r"-(?:backed|led|made|linked|aligned|affiliated|funded|based|allied|"
                        r"sponsored|supported|trained|born)\b")
_WORD_AFTER = re.compile(r"[ \t]*-?[ \t]*[\w'’]+(?:-[\w'’]+)*")
_WORD_BEFORE = re.compile(r"\b(?:West|East|North|South|Western|Eastern|Northern|Southern|Upper|"
                          r"Lower|Central)\s+$")
_PLACE_WORD = re.compile(r"[ \t]+(?:refugee\s+)?(?:city|camp|town|village)\b")
_TOWN_BEFORE = re.compile(r"\b(?:in|near|at|of|outside)\s+"
                          r"([A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,2})"
                          r"\s*(?:,|\(|\s+in)\s*(?:the\s+)?$")
_REGION_OF = re.compile(r"\b(?:province|governorate|countryside|region)\s+of\s+(?:the\s+)?$",
                        re.IGNORECASE)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|outside|around)\s+$")
_NAME_ENDS = re.compile(r"\s*(?:[,.;:()]|$)")
#: Words that make a curated name a site worth finding untagged ("K-1 base", "Tower 22").
_SITE_WORDS = frozenset({"base", "airbase", "airport", "garrison", "camp", "outpost", "crossing"})
_CAPITALISED = re.compile(r"\b[A-Z0-9][\w'’]*(?:-[\w'’]+)*")
#: A part of a town found farther than this from the town stands for the town instead.
PART_OF_KM = 30.0


@dataclass
class _Context:
    """What the article says about where it is."""

    countries: list[str]
    regions: set[str]
    near: set[str]  # US states named: their towns preferred among the country's smaller ones


def resolve_in_context(text: str, mentions: Sequence[Mention], article_id: str,
                       countries: Sequence[str] = (),
                       standalone: Collection[int] = ()) -> list[Mention]:
    """``mentions`` (an article's names, in text order) with their places resolved in the
    article's context, plus the curated sites the tagger missed. ``standalone``: the starts of
    names the entity step found standing as no place ("Obama said"): only a large town here
    too (``places.STANDALONE_TOWN``), unless a region beside them says otherwise."""
    found = _without_covered([_grown(text, m) if _candidate(m) else m for m in mentions])
    found = _untagged_regions(text, found, article_id)
    context = _context(text, found, countries)
    found = _untagged_towns(text, found, _beside_regions(text, found), article_id)
    beside = _beside_regions(text, found)
    result = []
    for index, mention in enumerate(found):
        if index in beside:
            result.append(_as_place(mention, admin.admin1_place(beside[index])))
        elif _candidate(mention):
            hint = _region_after(text, found, index, beside)
            result.append(_resolved(text, mention, context, hint,
                                    mention.start in standalone))
        else:
            result.append(mention)
    result = _parts_of_towns(text, _us_states(text, result), context)
    result.extend(_untagged_sites(text, result, article_id))
    return sorted(result, key=lambda m: (m.start, m.end))


def _without_covered(mentions: list[Mention]) -> list[Mention]:
    """Mentions less those inside a longer one before them (a name grown over the next)."""
    kept: list[Mention] = []
    for mention in mentions:
        if kept and kept[-1].start <= mention.start and mention.end <= kept[-1].end and (
                kept[-1].start, kept[-1].end) != (mention.start, mention.end):
            continue
        kept.append(mention)
    return kept


def _candidate(mention: Mention) -> bool:
    """A name that may be a place: geocoded already, or named by the model (not a KB actor)."""
    return bool(mention.place_id) or (mention.label in _MAYBE and mention.actor_id is None
                                      and mention.link == "model")


def _placed(text: str, mention: Mention) -> bool:
    """A name that stands as a place: geocoded, tagged as one, or a candidate written after "in",
    "near" ... ("in al-Khokha"); "Bruce Wayne, Batman" is no town and its province."""
    return bool(mention.place_id) or mention.label in ("GPE", "LOC", "FAC") or _candidate(
        mention) and bool(_LOCATIVE_BEFORE.search(text, max(0, mention.start - 16), mention.start))


def _grown(text: str, mention: Mention) -> Mention:
    """The mention with the words the tagger left out, where the longer text is a curated place
    or an admin-1 region: "Nevatim" + "air base", "Deir" + "ez-Zor province"."""
    start, end = mention.start, mention.end
    ends = _words_after(text, end)
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    starts = [before.start(), start] if before else [start]
    for new_start in starts:
        for new_end in reversed(ends):
            if (new_start, new_end) == (start, end):
                continue
            place = _named_place(text[new_start:new_end])
            if place is not None:
                return replace(mention, start=new_start, end=new_end,
                               text=text[new_start:new_end], canonical=text[new_start:new_end],
                               name_key=name_key(text[new_start:new_end]), place_id=place.id,
                               label=_label(place))
    return mention


def _named_place(name: str) -> Place | None:
    """The curated place or admin-1 region a text names exactly, or None."""
    key = place_key(name)
    curated = places.curated_by_key(key)
    if curated is not None:
        return curated
    found = admin.admin1_by_key(key)
    return admin.admin1_place(found[0]) if found else None


def _context(text: str, mentions: list[Mention], countries: Sequence[str]) -> _Context:
    """Countries and admin-1 regions the article names as places."""
    named, regions, near, stated = [], set(), set(), False
    for mention in mentions:
        place = places.place_by_id(mention.place_id) if mention.place_id else None
        if place is None or _QUALIFIER.match(text, mention.end):
            continue
        state = us_state(mention.text) if place.country == "US" and _LOCATIVE_BEFORE.search(
            text, max(0, mention.start - 16), mention.start) else None  # "in New Jersey", not
        # "Kentucky Senator Rand Paul" (a report on Hebron keeps Hebron)
        if place.kind == "country" and place.country not in named:
            named.append(place.country)
        elif place.id.startswith("admin1:"):
            regions.add(place.id.partition(":")[2])
        elif state and place.kind == "region":
            near.add(f"US.{state}")  # "New Jersey": its towns
            stated = True
        elif state and places.admin1_code(place) == f"US.{state}":
            near.add(f"US.{state}")  # New York City: its state's, where a state is named
        elif place.kind == "city":  # a town named as its region is ("Daraa", "Taiz")
            found = admin.admin1_by_key(place_key(mention.text))
            if found is not None and found[0] == places.admin1_code(place):
                regions.add(found[0])
    qualified = {m.place_id for m in mentions if m.place_id and _QUALIFIER.match(text, m.end)}
    for code in countries:
        if code not in named and f"country:{code}" not in qualified:
            named.append(code)
    for code in sorted(regions):
        if code[:2] not in named:
            named.append(code[:2])
    return _Context(named, regions, near if stated else set())


def _beside_regions(text: str, mentions: list[Mention]) -> dict[int, str]:
    """Mentions that name an admin-1 region by where they stand: right after a place ("Tal
    Tamr, Al Hasakeh", "Hajin (Deir ez-Zor)") or after "the province of", "the countryside of":
    their index and the region's code."""
    regions = {}
    for index, mention in enumerate(mentions):
        if not _candidate(mention):
            continue
        previous = mentions[index - 1] if index else None
        beside = (previous is not None and _placed(text, previous)
                  and previous.end <= mention.start
                  and _BESIDE.fullmatch(text, previous.end, mention.start))
        if beside or _REGION_OF.search(text, max(0, mention.start - 30), mention.start):
            found = admin.admin1_by_key(place_key(mention.text))
            if found is not None:
                regions[index] = found[0]
    return regions


def _untagged_regions(text: str, mentions: list[Mention], article_id: str) -> list[Mention]:
    """Admin-1 regions written right after a place that the tagger left untagged ("Ras al-Ain
    (Hasakeh)", "al-Khokha, Hodeidah governorate"), as mentions."""
    found = []
    starts = {m.start for m in mentions}
    for mention in mentions:
        beside = _BESIDE.match(text, mention.end) if _placed(text, mention) else None
        if beside is None or beside.end() == mention.end or beside.end() in starts:
            continue
        ends = _words_after(text, beside.end())
        for end in reversed(ends[1:]):
            name = text[beside.end():end]
            region = admin.admin1_by_name(name)
            if region is not None and name[:1].isupper():
                found.append(Mention(article_id, beside.end(), end, name, "GPE", None, name,
                                     name_key(name), "kb", region.id))
                break
    return sorted([*mentions, *found], key=lambda m: (m.start, m.end))


def _untagged_towns(text: str, mentions: list[Mention], beside: dict[int, str],
                    article_id: str) -> list[Mention]:
    """Towns written right before their region that the tagger left untagged ("in Rada'a,
    al-Bayda governorate", "Qamishli in al-Hasakah governorate"): a capitalised name found as a
    town of that very region."""
    found = []
    for index, mention in enumerate(mentions):
        code = beside.get(index) or _explicit_region(mention)
        if code is None:
            continue
        before = _TOWN_BEFORE.search(text, max(0, mention.start - 60), mention.start)
        previous = mentions[index - 1].end if index else 0
        if before is None or before.start() < previous:
            continue
        name = before.group(1)
        place = places.lookup_place(name, context_countries=[code[:2]], context_regions={code})
        if place is not None and place.kind == "city" and places.admin1_code(place) == code:
            found.append(Mention(article_id, before.start(1), before.end(1), name, "GPE", None,
                                 name, name_key(name), "kb", place.id))
    return sorted([*mentions, *found], key=lambda m: (m.start, m.end))


def _explicit_region(mention: Mention) -> str | None:
    """The admin-1 code of a mention written as a region ("Kirkuk province"), or None."""
    found = admin.admin1_by_key(place_key(mention.text))
    return found[0] if found and found[1] else None


def _words_after(text: str, start: int, count: int = 3) -> list[int]:
    """``start`` and the ends of up to ``count`` words that follow it on the same line."""
    ends = [start]
    for _ in range(count):
        word = _WORD_AFTER.match(text, ends[-1])
        if word is None or "\n" in word.group():
            break
        ends.append(word.end())
    return ends


def _us_states(text: str, mentions: list[Mention]) -> list[Mention]:
    """A US state's name resolved to a city of the name ("New York") is the state where the
    text says so: followed by "state" ("New York state attorney general"), or listed with
    another state ("tax filings in New York, New Jersey and Connecticut")."""
    codes = [us_state(m.text) if m.label in ("GPE", "LOC") else None for m in mentions]
    result = list(mentions)
    for index, mention in enumerate(mentions):
        code = codes[index]
        if code is None or not (mention.place_id or "").startswith("geonames:"):
            continue
        state = places.us_state_place(code)
        if mention.place_id == state.id:
            continue
        listed = any(0 <= other < len(mentions) and codes[other] and _listed_together(
            text, mentions[min(index, other)], mentions[max(index, other)])
            for other in (index - 1, index + 1))
        if listed or _STATE_WORD.match(text, mention.end):
            result[index] = replace(mention, place_id=state.id)
    return result


def _listed_together(text: str, first: Mention, second: Mention) -> bool:
    return first.end <= second.start and bool(_LISTED.fullmatch(text, first.end, second.start))


def _region_after(text: str, mentions: list[Mention], index: int,
                  beside: dict[int, str]) -> str | None:
    """The admin-1 code of the region written right after mention ``index``, if any: an
    admin-1 region of the scope countries, or a US state ("Williamsburg, Virginia",
    "Flint, Mich.": "US.VA", "US.MI")."""
    if index + 1 in beside:
        return beside[index + 1]
    if index + 1 >= len(mentions):
        return None
    mention, after = mentions[index], mentions[index + 1]
    if after.start < mention.end or not _BESIDE.fullmatch(text, mention.end, after.start):
        return None
    state = us_state(after.text)
    return f"US.{state}" if state else None


def _resolved(text: str, mention: Mention, context: _Context, hint: str | None,
              standalone: bool = False) -> Mention:
    """A candidate looked up again with the article's context (and its neighbour's region)."""
    if mention.place_id and not mention.place_id.startswith(("geonames:", "country:")):
        return mention  # curated or admin-1 already: context changes nothing
    if mention.actor_id and (mention.place_id or "").startswith("country:"):
        return mention  # a state of the knowledge base is its country ("Georgia" the country)
    regions = {hint} if hint else context.regions
    countries = context.countries + ([hint[:2]] if hint else [])
    alone = standalone and not hint
    place = places.lookup_place(mention.canonical, context_countries=countries,
                                context_regions=regions, near_regions=context.near,
                                min_population=places.STANDALONE_TOWN if alone else 0)
    if place is None or alone and not places.named_itself(
            place, mention.canonical, countries):
        return mention
    if mention.place_id or mention.label in ("GPE", "LOC", "FAC"):
        return _with_place_word(text, replace(mention, place_id=place.id), place)
    if not _may_become_place(text, mention, place, hint is not None):
        return mention
    return _with_place_word(text, _as_place(mention, place), place)


def _with_place_word(text: str, mention: Mention, place: Place) -> Mention:
    """A town's mention with the word that says what it is: "Marib city", "Nuseirat camp"."""
    word = _PLACE_WORD.match(text, mention.end) if place.kind == "city" else None
    if word is None:
        return mention
    return replace(mention, end=word.end(), text=text[mention.start:word.end()])


def _may_become_place(text: str, mention: Mention, place: Place, beside: bool) -> bool:
    """Whether a name the model called a person, organisation or group, and that only the
    article's context makes a place, is that place: not a country, two words at most, and written
    where a place is: before its region ("Tal Tamr, Al Hasakeh"), before "camp", "city" ..., or
    after "in", "near" ... (a group's name also ending there: "in Saravan, Sistan", not "in the
    Arab country")."""
    if place.kind == "country" or len(mention.text.split()) > 2:
        return False
    if beside or _PLACE_WORD.match(text, mention.end):  # "struck Makhmur camp"
        return True
    after_in = bool(_LOCATIVE_BEFORE.search(text, max(0, mention.start - 16), mention.start))
    return after_in and (mention.label != "NORP" or bool(_NAME_ENDS.match(text, mention.end)))


def _label(place: Place) -> str:
    return "GPE" if place.kind in ("city", "country") or place.id.startswith("admin1:") else (
        "FAC" if place.kind == "site" else "LOC")


def _as_place(mention: Mention, place: Place | None) -> Mention:
    if place is None:
        return mention
    return replace(mention, label=_label(place), place_id=place.id)


def _parts_of_towns(text: str, mentions: list[Mention], context: _Context) -> list[Mention]:
    """ "X district of Y": X looked for in Y's region; X found only far from Y stands for Y."""
    result = list(mentions)
    for index in range(len(result) - 1):
        part, whole = result[index], result[index + 1]
        if not (part.place_id or _candidate(part)) or not whole.place_id:
            continue
        if part.end > whole.start or not _PART_OF.fullmatch(text, part.end, whole.start):
            continue
        town = places.place_by_id(whole.place_id)
        code = places.admin1_code(town)
        if town is None or code is None:
            continue
        place = places.lookup_place(part.text, context_countries=[code[:2]],
                                    context_regions={code})
        if place is None or town.precision in ("city", "site") and _km(place, town) > PART_OF_KM:
            place = town
        result[index] = replace(part, label=_label(place) if place is town else part.label,
                                place_id=place.id)
    return result


def _km(a: Place, b: Place) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    dlat = math.radians(b.latitude - a.latitude)
    dlon = math.radians(b.longitude - a.longitude) * math.cos(math.radians(a.latitude))
    return 6371 * math.hypot(dlat, dlon)


@functools.cache
def _site_first_words() -> frozenset[str]:
    """First words of the curated sites' names (and "al", which a key drops)."""
    return frozenset(key.split()[0] for key, place in places.curated_names().items()
                     if place.kind == "site") | {"al", "el"}


def _untagged_sites(text: str, mentions: list[Mention], article_id: str) -> list[Mention]:
    """Curated sites named in the text that no mention covers: names with a number or a site
    word ("K-1 base", "Tower 22", "Harir air base"), longest first."""
    covered = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    first_words = _site_first_words()
    for word in _CAPITALISED.finditer(text):
        start = word.start()
        first = place_key(word.group()).split()
        if not first or first[0] not in first_words or any(a <= start < b for a, b in covered):
            continue
        for end in reversed(_words_after(text, word.end())):
            key = place_key(text[start:end])
            place = places.curated_by_key(key)
            if place is not None and place.kind == "site" and (
                    any(ch.isdigit() for ch in key) or key.split()[-1] in _SITE_WORDS):
                name = text[start:end]
                found.append(Mention(article_id, start, end, name, "FAC", None, name,
                                     name_key(name), "kb", place.id))
                covered.append((start, end))
                break
    return found
