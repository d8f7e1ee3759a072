"""Statement occasions: what one speaker said on one occasion is one event, however many of its
sentences are quoted and however many outlets report it.

A statement ("We call on our brothers to join the resistance … the enemy will face painful
strikes") holds several speech acts: a demand, a threat, an accusation. Event coders record one
event per occasion (PLOVER: the main speech act, the others secondary), not one per quoted
sentence. Here a mention belongs to its speaker's statement when it is something said: a verbal
event (a demand, a threat, an accusation), or anything an attribution reports that did not
happen as told (an attack vowed, a pause announced, an aid promised) — asserted acts of
violence inside a quotation stay references to the real event they name. An investigation or
cooperation is done, not said: part of a statement only when announced or asked for; talks
held are an act, talks a speaker announces part of the statement. The speaker is the
quote's resolved speaker, else the verbal event's own actor ("Iraq condemned …"), known by
knowledge-base id or by a person's or group's proper name; a vague speaker ("an official",
"the statement") makes no occasion, nor does a crowd ("Republicans", "Tea party organizers":
many mouths on many occasions). Two statements of one speaker stay apart when the dates of
their sayings are both resolved and do not overlap: a time told outside what was quoted dates
the saying ("issued a rebuke on Friday", "to announce the suspension … at the end of January"),
one inside it dates its content. Two sayings of one speaker stay apart, too, when the report
tells each through another channel (:func:`channels`: "in a statement", "in a speech", "in an
interview", "took to Twitter", "in the ad"): a statement and a television interview are two
occasions, whatever day each was.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from typing import Callable

from crossbearing.annotate.event_phrases import names_a_people
from crossbearing.corpus.event_items import (
    TALKS,
    Item,
    described_group,
    join,
    one_day,
    other_channels,
    person_key,
    weekdays_differ,
)
from crossbearing.model import EventArgument, EventMention, TimeValue

#: Words that start a description rather than a name: "the official", "a US defense official".
DESCRIPTION_STARTS = ("the ", "a ", "an ", "this ", "that ", "these ", "those ", "both ",
                      "some ", "several ", "many ", "its ", "their ", "his ", "her ")

#: Verbal types that are done, not said: an investigation, cooperation. One someone reports as
#: done is no part of their statement ("Republicans said the department mishandled the
#: investigation"); one they announce or ask for is.
ACTS_NOT_SAID = frozenset({"investigation", "cooperation"})
#: Verbal types that are no saying: acts told, and talks (a meeting has parties, no speaker).
NOT_SAYINGS = ACTS_NOT_SAID | TALKS


#: A channel's noun follows one of these and a determiner, up to three words between.
_BEFORE = (r"\b(?:in|during|at|via|through|with)\s+"
           r"(?:a|an|the|his|her|its|their|another|one)\s+(?:[\w'-]+\s+){0,3}?")
#: A channel's noun follows a verb of putting it out.
_RELEASED = (r"\b(?:released|issued|posted|published|sent|put out|aired)\s+"
             r"(?:a|an|the|his|her|its|their|another)\s+(?:[\w'-]+\s+){0,2}?")
_NETWORKS = (r"(?:CBS|NBC|ABC|CNN|Fox|MSNBC|BBC|PBS|Sky|Al Jazeera|Meet the Press|"
             r"Face the Nation|This Week|State of the Union)")
_CHANNEL_PATTERNS = {
    "written": [
        _BEFORE + r"(?:statement|press release|news release|communiqu[eé]|letter|memo|op-ed|"
                  r"column|essay)s?\b",
        _RELEASED + r"(?:statement|press release|letter)\b",
        r"\b(?:statement|letter|press release) (?:released|issued|sent|posted)\b",
        r"\bwrote\b"],
    "press": [
        _BEFORE + r"(?:interview|press conference|news conference|briefing|"
                  r"press availability)s?\b",
        r"\b(?:told|telling) (?:reporters|journalists|host|the newspaper|the paper|"
        r"the network)\b",
        r"\b(?:appeared|appearance|appearing|interviewed|speaking|said) on "
        r"(?:[A-Z]\w*'s\s+)?[\"“']?" + _NETWORKS + r"\b"],
    "speech": [
        _BEFORE + r"(?:speech|address|rally|sermon|keynote|town hall|"
                  r"campaign (?:stop|event))(?:es|s)?\b",
        r"\bspeaking (?:at|to) (?:a|an|the)\s+(?:[\w'-]+\s+){0,3}?"
        r"(?:rally|crowd|conference|convention|gathering|audience|event)\b",
        r"\b(?:told|addressed) (?:a|the) (?:crowd|rally|audience|gathering|convention)\b"],
    "online": [
        r"\b(?:on|to|via|in)\s+(?:twitter|facebook|telegram|instagram|social media|"
        r"(?:a|an|his|her|its|their) (?:tweet|(?:facebook|telegram|social media|online|blog) "
        r"post|blog post))\b",
        r"\btweet(?:ed|ing)\b"],
    "advertisement": [r"\b(?:ad|ads|advertisement|commercial)\b(?! hoc| nauseam| hominem)"],
    "debate": [_BEFORE + r"debate\b(?! (?:over|about|on)\b)"],
    "legislature": [r"\bon the (?:senate|house) floor\b", r"\btestif(?:y|ied|ying)\b",
                    _BEFORE + r"hearing\b"],
}
#: What a report says a speaker spoke through, by channel: the channel's noun after a
#: preposition and a determiner ("in a statement released Friday", "during his speech", "at a
#: rally", "in an interview with CNN"), the verbs of a channel ("tweeted", "testified"), and the
#: fixed phrases of the press ("told reporters", "appeared on NBC"). A saying told without one is
#: no evidence either way. Channels only: "his remarks" or "the statement" as what a verb is about
#: ("apologized for his remarks") name no channel, nor do a video camera or a debate over taxes.
CHANNELS: dict[str, re.Pattern[str]] = {
    name: re.compile("|".join(patterns), re.IGNORECASE)
    for name, patterns in _CHANNEL_PATTERNS.items()}


@lru_cache(maxsize=1024)
def channels(words: str) -> frozenset[str]:
    """The channels (:data:`CHANNELS`) a report of a saying names in ``words``: the sentence
    that tells it, what it quotes left out."""
    return frozenset(name for name, pattern in CHANNELS.items() if pattern.search(words))


def a_saying(event_type: str, family: str) -> bool:
    """Whether a type of verbal event is something said (a demand, an accusation), not an act
    done (talks held, an investigation, cooperation)."""
    return family == "verbal" and event_type not in NOT_SAYINGS


def speaker_key(mention: EventMention, family: str) -> str | None:
    """The speaker whose statement ``mention`` is part of, or None when it is not something
    said or the speaker is not known by name. A saying put as a question or a condition
    ("asked if he supported the agenda") is no saying of its doer's."""
    if mention.event_type in ACTS_NOT_SAID:  # an act, said only as announced or asked
        said = mention.reported_by is not None and mention.mode != "asserted"
    elif mention.event_type in TALKS:  # talks held are an act ("Republicans met with the
        # liaison"), talks announced a part of what was said ("Baghdad has announced the
        # resumption of talks")
        said = mention.reported_by is not None
    else:
        said = family == "verbal" or (mention.reported_by is not None and (
            family != "violent" or mention.mode != "asserted"))
    if not said or _someone_elses(mention):
        return None
    if mention.reported_by_actor:
        return "actor:" + mention.reported_by_actor
    if mention.reported_by and is_name(mention.reported_by):
        return None if a_crowd(mention.reported_by) else "name:" + mention.reported_by.lower()
    if family != "verbal" or mention.mode == "hypothetical":
        return None  # "the man asked if he supported the agenda": a question, its doer silent
    for argument in mention.arguments:
        if argument.role == "actor":
            if argument.actor_id:
                return "actor:" + argument.actor_id
            if is_name(argument.canonical) and not a_crowd(argument.canonical):
                return "name:" + argument.canonical.lower()
    return None


def a_crowd(name: str) -> bool:
    """Whether a speaker no knowledge base knows is many people, not one voice: the members of
    a party or a people ("Republicans", "Democrats", "Iraqis") or a plural description ("Tea
    party organizers", "Pro-Iran Iraqi lawmakers"). Such a crowd speaks on many occasions
    through many mouths ("other Republicans warned …", "Republicans have since criticized
    …"): its sayings make no one statement. One word is a crowd only as a party's or a people's
    word the knowledge base names, singular or plural ("Republicans", "Iraqis", "Americans";
    `event_phrases.names_a_people`), or a plural in "-ians"/"-eans" ("Missourians",
    "Europeans"), not a name that ends in "s" ("Sanders", "Harris", "Evans", "Hamas",
    "Reuters"); a person's name ("Bernie Sanders") is one voice."""
    words = name.split()
    if len(words) == 1:
        return names_a_people(words[0]) or words[0].lower().endswith(("ians", "eans"))
    return words[-1].endswith("s") and words[-1][:1].islower()


def _someone_elses(mention: EventMention) -> bool:
    """Whether a saying the speaker reports is, by its own named actor, another's ("Corker said
    Republicans will have to yield to the president's chief demand": the demand is Obama's, not
    part of what Corker said): its actor is a person named by another surname than the speaker.
    Or it is a group described other than the speaker (:func:`_another`). Groups and states
    the knowledge base knows are left alone: a spokesman, a leader or a commander speaks for
    his group, and the knowledge base does not tell every such tie."""
    speaker = mention.reported_by
    if not speaker or not is_name(speaker):
        return False
    spoken = speaker.split()[-1].lower().strip(".,")
    return any(a.role == "actor" and a.actor_id is None and _another(a, speaker, spoken)
               for a in mention.arguments)


def _another(actor: EventArgument, speaker: str, spoken: str) -> bool:
    """Whether an actor is named or described as someone other than the speaker: a name of two
    words or more with another last word ("the USCCB media office" denied what Ryan claimed),
    or a group described ("many House Republicans opposed …" in what Democratic officials
    noted) or a crowd (:func:`a_crowd`: "a compromise rebuffed by Republicans" in what Obama
    called for) other than the speaker's own description."""
    for words in (actor.canonical.split(), actor.text.split()):
        if len(words) >= 2 and is_name(" ".join(words)):
            return words[-1].lower() != spoken
    if a_crowd(actor.canonical) and actor.canonical.lower() != speaker.lower():
        return True  # "a compromise rebuffed by Republicans" in what Obama called for
    return described_group(actor.text) and person_key(actor.canonical) != person_key(speaker)


def is_name(text: str) -> bool:
    """A proper name ("Akram al-Kaabi", "Kata'ib Hezbollah"), not a description."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and not text.lower().startswith(
        DESCRIPTION_STARTS) and any(w[:1].isupper() for w in words)


def saying_time(mention: EventMention,
                quoted: Callable[[str, int], bool] | None = None) -> TimeValue | None:
    """The time that dates the saying of ``mention``, or None: its own time where the article
    tells it in its own voice; for a reported one ("Kata'ib Hezbollah said …"), its time where
    it stands outside what was quoted ("to announce the suspension … at the end of January"),
    never one inside ("… before their defeat in 2011": that dates the content). ``quoted``
    (article id, offset) says whether an offset lies inside a quotation's content; without it
    a reported mention's time never counts."""
    if mention.time is None or mention.reported_by is None:
        return mention.time
    if quoted is None or mention.time_span is None:
        return None
    return None if quoted(mention.article_id, mention.time_span[0]) else mention.time


def same_occasion(a: TimeValue | None, b: TimeValue | None) -> bool:
    """Whether two things one speaker said, whose sayings are dated ``a`` and ``b``
    (:func:`saying_time`), can be one statement: their dates, where both are resolved,
    overlap."""
    return not (a is not None and a.apart(b))


def join_occasions(items: list[Item]) -> None:
    """What one speaker said on one occasion is one event (see corpus.occasions)."""
    by_speaker: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        key = speaker_key(item.mention, item.family)
        if key is not None:
            by_speaker[key].append(item)
    for sayings in by_speaker.values():
        # The closest pairs first: one sentence's sayings, then sayings dated alike, then
        # sayings of one act ("suspending attacks" and "the suspension of operations"), then
        # the rest; so an undated saying joins the statement it is most like, not the first met.
        weighed: set[tuple[int, int, int, int]] = set()  # two groups as they stood, once
        for _, a, b in sorted(((_closeness(a, b), a, b) for a, b in combinations(sayings, 2)),
                              key=lambda pair: pair[0]):
            state = min((a.group, len(a.members), b.group, len(b.members)),
                        (b.group, len(b.members), a.group, len(a.members)))
            if a.group == b.group or state in weighed:
                continue
            weighed.add(state)
            if all(same_occasion(x.said_at, y.said_at) and not _said_on_other_days(x, y)
                   and not other_channels(x.channels, y.channels)
                   for x in a.members for y in b.members) and any(
                    _one_occasion_shown(x, y) for x in a.members for y in b.members):
                join(a, b)


def _one_occasion_shown(a: Item, b: Item) -> bool:
    """Whether two sayings of one speaker are shown to be one occasion: told in one article
    (a report tells a statement once, in as many sentences as it quotes), or, told in two
    reports, dated to one day (their sayings' days, or the weekday they name; a week's span,
    "earlier this week", holds many occasions), told in both reports' leads when these came
    out within a day of each other (a report's lead tells its news, the latest statement,
    whatever words each outlet gives it; two undated reports, as one kind of act), through
    one channel ("in a statement" both), to the same addressee or about the same target, or
    announcing one kind of act (a suspension, an agreement, aid: an act a speaker announces is
    made once, where an accusation or a rejection is said again and again). Two leads of
    reports more than a day apart tell two days' news: only a day or a weekday the sayings
    share, or one article, joins them then, not a channel or an addressee. A
    speaker in the news speaks on many occasions; two reports that give only the speaker (the
    spokesman "dismissed the episode as a prank", the congressman "denied it in interviews on
    Wednesday") are no evidence of one, as one shared actor is none for two acts."""
    x, y = a.mention, b.mention
    if x.article_id == y.article_id:
        return True
    if a.family != "verbal" and x.event_type == y.event_type:
        return True  # one act announced ("suspending attacks", "the suspension of operations")
    if one_day(a.said_at) and one_day(b.said_at) and a.said_at.start == b.said_at.start:
        return True
    if a.weekday is not None and a.weekday == b.weekday:
        return True
    if a.in_lead and b.in_lead:  # each report's news: the statement of the day
        if a.lead_day is not None and b.lead_day is not None:
            return abs((a.lead_day - b.lead_day).days) <= 1
        if x.event_type == y.event_type:
            return True
    return bool(a.channels & b.channels or a.sufferers & b.sufferers)


def _said_on_other_days(a: Item, b: Item) -> bool:
    """Whether two sayings are dated, by the times that date the sayings, to different weekdays
    ("Corker said on 'Fox News Sunday' …", "Corker told reporters on Tuesday …")."""
    return a.said_at is not None and b.said_at is not None and weekdays_differ(a, b)


def _closeness(a: Item, b: Item) -> tuple[int, int, int]:
    """How alike two sayings of one speaker are, lower first: in one sentence, both dated and
    overlapping, one act, the rest (ties in text order)."""
    x, y = a.mention, b.mention
    dated = a.said_at is not None and b.said_at is not None and not a.said_at.apart(b.said_at)
    rank = (0 if (x.article_id, x.sentence_start) == (y.article_id, y.sentence_start) else
            1 if dated else 2 if x.event_type == y.event_type else 3)
    return rank, a.group, b.group
