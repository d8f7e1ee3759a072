"""Where an event happened: the place mentions of an article that are given as where
something happened ("in Mosul", "near the base", a site), and the one nearest an event's
trigger. docs/events.md has the rules."""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Token

from crossbearing.annotate.cues import CUE_VERBS
from crossbearing.annotate.event_args import COMING
from crossbearing.annotate.event_senses import ACTING_PEOPLE
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


def locations(places: list[Mention], doc, taken, trigger: Token | None = None) -> list[Located]:
    """Place mentions used as places (after "in", "near", "east of" ..., a site, or a town
    attacked: "shelled Saraqib"), not as actors ("US strikes", "Washington said"); for an
    event's ``trigger``, not in a clause of reason below it (:func:`_in_a_reason`), where a
    saying that is not the event was made (:func:`_where_said`), in what is said around the
    event (:func:`_in_what_is_said`), nor where someone else is sent or goes
    (:func:`_destination`)."""
    kept = []
    for mention in places:
        if any(a <= mention.start < b and (a, b) != (mention.start, mention.end)
               for a, b in taken):
            continue  # "the commander of operations in Syria": not where the event was
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _used_as_place(mention, span.root) and not (
                trigger is not None and (_in_a_reason(span.root, trigger)
                                         or _where_said(span.root, trigger)
                                         or _in_what_is_said(span.root, trigger)
                                         or _destination(span.root, trigger))):
            kept.append(Located(mention, span.root.i))
    return kept


def _where_said(root: Token, trigger: Token) -> bool:
    """Whether a place is where a saying that is not the event was made: its phrase, outside
    the event's own, is an adjunct of a verb of saying ("Trump said at an event in Colorado
    Springs that a bomb had gone off in New York": the bomb was not in Colorado Springs); not a
    place of the speakers ("officials in Basra said the raid killed 12 people")."""
    below = root
    if any(t.lemma_.lower() == "scene" for t in _below(root, trigger)):
        return False  # "police said at the scene in Tulsa that the officer fired": there
    for token in _below(root, trigger):  # not in the event's own phrase: "admitted a drone
        if token.pos_ in ("VERB", "AUX"):  # strike in Baghdad"
            return below.dep_ == "prep" and token.lemma_.lower() in CUE_VERBS and any(
                c.dep_ in ("ccomp", "parataxis") for c in token.children) and not (
                _told_to(trigger, token))  # not the speaker's own: "officials in Basra said"
        below = token
    return False


def _in_what_is_said(root: Token, trigger: Token) -> bool:
    """Whether a place stands in what a speaker says while the event is outside it, told
    around the saying ('"We've had cyber intrusions from Russia," Obama said after meeting
    with Putin': the meeting was not in Russia)."""
    return _in_clause_without(root, trigger, lambda token: token.dep_ in (
        "ccomp", "parataxis") and token.head.lemma_.lower() in CUE_VERBS and any(
        t.is_quote for t in token.doc[max(0, token.left_edge.i - 1):token.right_edge.i + 3]))
    # quoted words only: "officials said after the airstrike that 12 people had died in Khan
    # Younis" reports where


def _in_clause_without(root: Token, trigger: Token, is_clause) -> bool:
    """Whether the first clause ``is_clause`` finds among the words a place's phrase hangs on,
    below the trigger, leaves the trigger out."""
    for token in _below(root, trigger):
        if is_clause(token):
            return not token.left_edge.i <= trigger.i <= token.right_edge.i
    return False


def _below(root: Token, trigger: Token):
    """The words a place's phrase hangs on, up to the trigger, which ends the walk: a place
    in the event's own phrase is the event's."""
    return takewhile(lambda token: token.i != trigger.i, root.ancestors)


def _told_to(trigger: Token, verb: Token) -> bool:
    """Whether the event is whom or where a saying was told: its object, or the object of its
    preposition ("told a meeting of Pacific leaders in Honolulu", "said at a rally in Ohio")."""
    head = trigger.head
    return head.i == verb.i and trigger.dep_ in ("dobj", "dative", "nsubj") or (
        trigger.dep_ == "pobj" and head.dep_ == "prep" and head.head.i == verb.i)


#: Verbs and nouns of going and sending (beside ``event_args.COMING``): their "to" is where
#: someone or something goes.
MOTION = COMING | frozenset({"send", "deploy", "dispatch", "move", "deport", "transfer", "ship",
                             "extradite", "evacuate", "bring", "take", "flee", "deployment",
                             "trip", "flight", "voyage", "shipment"})


def _destination(root: Token, trigger: Token) -> bool:
    """Whether a place is where someone or something else is sent or goes: the "to" of a verb
    or noun of motion that is not the event itself ("protest the decision of sending troops to
    Iraq": the protest was not in Iraq; "an attack on a convoy heading to Kabul"). The event's
    own "to" stays ("troops were deployed to Iraq", "his trip to Paris"), and so does the "to"
    of a motion whose purpose the event is ("sent personnel to Bosnia to investigate", "return
    to Capitol Hill to meet with House Democrats")."""
    if root.dep_ != "pobj" or root.head.lower_ != "to":
        return False
    mover = root.head.head
    return mover.i != trigger.i and mover.lemma_.lower() in MOTION and not _purpose(
        trigger, mover) and not _actors_journey(mover, trigger)  # "sent personnel to Bosnia
    # to investigate", "farmers who traveled to Paris protested": there


def _actors_journey(mover: Token, trigger: Token) -> bool:
    """Whether a motion describes the event's own subject ("thousands of farmers who traveled
    to Paris protested"): a clause on a word of the subject's phrase."""
    if mover.dep_ not in ("relcl", "acl"):
        return False
    node = mover.head
    while node.head.i != node.i and node.head.i != trigger.i:
        node = node.head
    return node.head.i == trigger.i and node.dep_ in ("nsubj", "nsubjpass")


def _purpose(trigger: Token, mover: Token) -> bool:
    """Whether the event is what the motion is for: its infinitive of purpose ("sent
    personnel to Bosnia to investigate") or its "for" ("flew to Cairo for talks")."""
    if trigger.head.i == mover.i:
        return trigger.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and (
        trigger.head.head.i == mover.i)


#: Subordinators of a clause that tells why, not where ("endorsing Perry because we need
#: border security from Brownsville to San Diego").
REASONS = frozenset({"because", "since"})


def _in_a_reason(root: Token, trigger: Token) -> bool:
    """Whether a place stands in a clause of reason that hangs below the trigger."""
    return _in_clause_without(root, trigger, lambda token: token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in REASONS for c in token.children))


#: People named by where they come from or what they hold office of ("a missionary from
#: Calgary", "a former congressman from Illinois"), beside ``ACTING_PEOPLE``.
PEOPLE_FROM = ACTING_PEOPLE | frozenset({
    "missionary", "native", "national", "citizen", "delegation", "delegate", "representative",
    "congresswoman", "candidate", "businessman", "businesswoman", "tourist", "visitor",
    "lawyer", "athlete", "player", "volunteer", "monk", "nun", "bishop"})


def _used_as_place(mention: Mention, root: Token) -> bool:
    """Whether a place mention, whose phrase hangs on ``root``, says where something happened.
    Not a person's origin or office ("a missionary from Calgary was arrested in Lebanon",
    "after meeting President Komorowski of Poland"), nor a place in what a saying calls
    something ("dismissed Estonia as being in the suburbs of St. Petersburg")."""
    head = root.head
    if _origin(root) or _described_as(root):
        return False
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


def _origin(root: Token) -> bool:
    """Whether a place is where a person comes from or holds office: the object of "from" on a
    person ("a missionary from Calgary", "Senator from Texas says …"), of "of" on a person's
    name ("President Bronislaw Komorowski of Poland"; not on an office alone, where the office
    may be the place's own: "the mayor of Mosul was killed in a bombing")."""
    while root.dep_ == "conj":
        root = root.head  # "Jim McDermott and Jay Inslee of Washington state": the first
    preposition = root.head
    if root.dep_ != "pobj" or preposition.dep_ != "prep":
        return False
    person = preposition.head
    if preposition.lower_ == "from":
        return person.ent_type_ == "PERSON" or person.pos_ in ("NOUN", "PROPN") and (
            person.lemma_.lower() in PEOPLE_FROM)
    return preposition.lower_ == "of" and person.ent_type_ == "PERSON"


def _described_as(root: Token) -> bool:
    """Whether a place stands in a clause or an adjective of the "as" phrase of a verb, what
    the verb says someone or something is ("dismissed Estonia as being in the suburbs of St.
    Petersburg", "paint the White House as dismissive of Israel");
    not "such as" in a list of places, nor a phrase the parse hangs on the noun after "as"
    ("criticized the law as a crazy system during a stop in Flint": where he said it)."""
    below = None
    for token in root.ancestors:
        if token.lower_ == "as" and token.dep_ == "prep" and token.head.pos_ == "VERB":
            return below is not None and (below.dep_ == "pcomp" or below.pos_ == "ADJ")
        below = token
    return False


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
