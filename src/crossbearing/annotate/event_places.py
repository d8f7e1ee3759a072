"""Where an event happened: the place mentions of an article that are given as where
something happened ("in Mosul", "near the base", a site), and the one nearest an event's
trigger. docs/events.md has the rules."""

from __future__ import annotations

from spacy.tokens import Token

from crossbearing.kb.places import place_by_id
from crossbearing.model import Mention


#: Prepositions that make a place mention the place of an event.
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "of",
                      "around", "into", "on", "over", "from", "within", "to"})
#: Nouns a place name may modify and still be where something happened: "in Lawdar, Abyan
#: governorate", "a raid in Nuseirat camp".
PLACE_NOUNS = frozenset({"city", "town", "village", "camp", "governorate", "province",
                         "district", "area", "neighbourhood", "neighborhood", "countryside",
                         "base", "airbase", "region", "outskirts", "suburb", "suburbs"})
#: Verbs whose object, where it is a town, is where the event happened: "shelled Saraqib",
#: "raided Jenin" (not "pushing Baghdad to end", where the town stands for its government).
ASSAULT_VERBS = frozenset({"shell", "bomb", "raid", "strike", "hit", "attack", "target", "storm",
                           "besiege", "invade", "capture", "seize", "overrun", "recapture",
                           "bombard", "pound", "shoot", "fire", "enter", "blockade"})


#: Nouns of assault whose "on" or "against" object, where it is a town, is where it happened:
#: "a raid on Jenin", "the offensive against Mosul".
ASSAULT_NOUNS = frozenset({"raid", "attack", "assault", "strike", "airstrike", "offensive",
                           "bombardment", "incursion", "siege", "shelling", "bombing"})


class Located:
    """A place mention and the token its phrase hangs on."""

    def __init__(self, mention: Mention, token: int) -> None:
        self.mention, self.token = mention, token
        self.start, self.end, self.place_id = mention.start, mention.end, mention.place_id


def locations(places: list[Mention], doc, taken) -> list[Located]:
    """Place mentions used as places (after "in", "near", "east of" ..., a site, or a town
    attacked: "shelled Saraqib"), not as actors ("US strikes", "Washington said")."""
    kept = []
    for mention in places:
        if any(a <= mention.start < b and (a, b) != (mention.start, mention.end)
               for a, b in taken):
            continue  # "the commander of operations in Syria": not where the event was
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _used_as_place(mention, span.root):
            kept.append(Located(mention, span.root.i))
    return kept


def _used_as_place(mention: Mention, root: Token) -> bool:
    """Whether a place mention, whose phrase hangs on ``root``, says where something happened."""
    head = root.head
    if mention.label in ("FAC", "LOC") or mention.place_id.startswith("site:"):
        return True
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE:
        return True
    if root.dep_ in ("appos", "conj") and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE:
        return True
    if root.dep_ in ("compound", "nmod") and head.lower_ in PLACE_NOUNS:
        root, head = head, head.head  # "in Lawdar, Abyan governorate", "struck Makhmur camp"
        if root.dep_ == "pobj" and head.lower_ in LOCATIVE:
            return True
    town = mention.place_id.startswith(("geonames:", "city:", "admin1:"))
    if root.dep_ == "pobj" and head.lower_ in ("on", "against") and town:
        return head.head.lemma_.lower() in ASSAULT_NOUNS  # "a raid on Jenin"
    return root.dep_ == "dobj" and head.lemma_.lower() in ASSAULT_VERBS and town


def nearest_place(items: list[Located], inner: set[int], outer: set[int], anchor: int, tokens):
    """The place nearest the trigger among those in the group's own phrases, else among those in
    its wider reach; a town or site before a coarser place ("raided Jenin in the West Bank"), and
    one of the wider reach before a country of the group's phrases ("a shell fired from Syria
    landed in Nusaybin")."""
    found = None
    for pool in (inner, outer):
        near = [t for t in items if tokens.index(t) in pool]
        fine = [t for t in near if _fine(t.place_id)]
        if fine or near and found is None:
            found = min(fine or near, key=lambda t: abs(t.start - anchor))
        if fine or found is not None and not found.place_id.startswith("country:"):
            return found
    return found


def _fine(place_id: str) -> bool:
    place = place_by_id(place_id)
    return place is not None and place.precision in ("city", "site")
