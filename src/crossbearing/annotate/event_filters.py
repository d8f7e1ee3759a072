"""Event mentions that make no event of their own: series told as background ("over 160
attacks", "responsible for attacks on US forces"), kinds of act named in general ("undermining
agreements", "a surge in fighting"), aims ("with the purpose of advising local forces"), and
past events recalled in passing ("seized last year", "signed on July 6, 2011").
docs/events.md has the rules."""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from crossbearing.annotate.event_args import LIGHT_VERBS, SERIES
from crossbearing.annotate.event_senses import ACTING_PEOPLE, RELATIVE_TAGS
from crossbearing.annotate.event_states import (
    LONG_UNITS,
    OCCASIONS,
    RUNNING_PERIOD,
    a_stance,
    counted_so_far,
    dated_within,
    defined_or_held,
    described_doing,
    habitual_present,
    held_long,
    in_a_time_when,
    listed_saying,
    over_years,
    said_by_many,
)
from crossbearing.annotate.nlp import text_of
from crossbearing.annotate.timex import NO_ANCHOR, resolve_time
from crossbearing.model import EventMention

#: Prepositions that set something in the time of the events they govern.
TEMPORAL_PREPS = frozenset({"during", "amid", "amidst", "after", "before", "following",
                            "throughout"})
#: Words that make a time expression the span a series runs over, not the date of an event.
OPEN_SPAN = re.compile(r"\b(since|throughout|over the (past|last))\b")
#: Words that make even a singular a series ("a series of", "repeated shelling") or a wave of
#: sayings ("drew considerable criticism", "widespread condemnation"); "the recent attack" is one.
SERIES_SINGULAR = frozenset({"repeated", "multiple", "several", "numerous", "many", "series",
                             "frequent", "considerable", "widespread", "mounting", "growing"})
#: Adverbs that make a verb tell what happens from time to time, not one event.
HABITUAL = frozenset({"sometimes", "often", "usually", "routinely", "regularly", "frequently",
                      "occasionally", "always", "typically", "habitually", "repeatedly",
                      "consistently", "generally", "traditionally", "constantly", "widely",
                      "steadfastly", "persistently", "continually", "increasingly"})
#: Dependencies through which an act is told within another ("at the request of …").
EMBEDDING = frozenset({"pobj", "prep", "pcomp", "advcl", "xcomp", "acl", "dobj", "nsubjpass"})
#: Adverbs of former time that tell an act as history ("initially deployed").
FORMERLY = frozenset({"initially", "originally", "previously", "formerly"})
#: Verbs of showing or recalling: what they take is referred to, not reported.
DEPICTING = frozenset({"highlight", "recall", "cite", "mention", "recount", "depict", "remember",
                       "reference", "chronicle", "portray", "dramatize", "commemorate"})
#: Nouns of those who do violence: a number on them counts the attackers, not the attacks
#: ("two suicide bombers killed 23 people" is one bombing).
ATTACKERS = frozenset({"bomber", "gunman", "attacker", "assailant", "militant", "sniper",
                       "shooter", "hijacker"})
#: Verbs whose clause tells a memory ("recalled how the army had shelled …").
RECALLING = frozenset({"recall", "recount", "remember", "reminisce"})
#: Verbs that make a plural of acts a run growing or kept up ("stepped up his attacks").
INTENSIFYING = frozenset({"step", "intensify", "escalate", "ramp", "increase", "sharpen",
                          "redouble", "continue", "sustain", "keep", "broaden", "expand"})
#: Verbs of a penalty: what one is punished "for" is the charge ("arrested for collaborating").
PENALISING = frozenset({"arrest", "detain", "jail", "imprison", "convict", "sentence", "charge",
                        "indict", "prosecute", "punish", "fine", "expel", "deport", "execute",
                        "hang", "try", "acquit", "suspect", "accuse", "condemn", "hold"})
#: Of them, those that take the charge with "of" ("convicted of murdering her husband").
CHARGING_OF = frozenset({"convict", "charge", "acquit", "suspect", "accuse"})
#: Nouns of a trend ("a surge in fighting", "a lull in violence"): what they measure is
#: a kind of act in general.
TREND_NOUNS = frozenset({"surge", "rise", "increase", "spike", "escalation", "upsurge",
                         "uptick", "decline", "drop", "decrease", "lull", "fall", "reduction",
                         "upswing", "downturn"})
#: Nouns that make what follows "of" an aim ("with the purpose of advising").
PURPOSE_NOUNS = frozenset({"purpose", "aim", "goal", "intention", "intent", "objective"})
#: Precisions no event coder codes: coarser than a month.
COARSE = frozenset({"year", "decade", "century"})
#: A day taken to read a relative time where the article has no publication date: only the
#: precision of what it resolves to is used, never its days.
STAND_IN = date(2000, 7, 1)
#: Days before its report's publication from which a date is one the report recalls: half a
#: year (a report of 9 February that recalls January's strike or the December attack tells the
#: context of its news, which a coder codes; "On July 6, 2011" in a 2012 report is history).
RECALLED_AFTER_DAYS = 183
#: A year written in a time expression.
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def makes_no_event(mention: EventMention, token: Token, doc: Doc, family: str,
                   published: date | None = None) -> bool:
    """Whether a mention (its trigger ``token``, its ``family``) makes no event of its own: an
    aim, a kind of act named in general, a standing told in a fronted participle, a kind defined,
    held or faced, a past act told as what was done to its noun, a run of acts stepped up, an
    act a work recalls or cites, a charge or a penalty, history, a stance (``event_states``:
    held, described, in the present, "long" held, a saying "also" or "repeatedly" made), the
    setting of "at a time when", a past event recalled at a time a year or more back
    (``told_as_history``), or a series told as background that no date or toll pins down."""
    if (_purpose(token) or _generic(mention, token) or _standing(mention, token)
            or defined_or_held(mention, token, family)
            or _describes_its_noun(mention, token, family)
            or described_doing(mention, token, family)
            or _stepped_up(mention, token)
            or _depicted(token) or _charged(mention, token) or _history(mention, token)
            or a_stance(mention, token) or in_a_time_when(mention, token)
            or habitual_present(mention, token)
            or (family != "violent" and held_long(token))
            or (family == "verbal" and listed_saying(mention, token))
            or told_as_history(mention, token, doc, published)):
        return True
    return mention.aggregate and _background_series(token) and not _anchored(mention, doc)


def _describes_its_noun(mention: EventMention, token: Token, family: str) -> bool:
    """A past act told in a clause that describes the noun it hangs on, the noun being what was
    acted on ("an employment bill signed by the minister", "the amendment, which imposed
    prohibition", "crimes committed by Croat forces"): the noun's history, given as background,
    unless the clause dates it, places it or counts a toll ("the 500 people arrested on Monday").
    A saying so told ("whom the US military accused of …") is still reported: it stays."""
    if token.tag_ not in ("VBD", "VBN") or token.dep_ not in ("relcl", "acl"):
        return False
    if family == "verbal":
        return False  # "Saadi, whom the US military accused of …": a saying reported
    if mention.time_span or mention.place_id or mention.fatalities or mention.injuries:
        return False
    children = list(token.children)
    if token.head.lemma_.lower() in OCCASIONS:
        return False  # "a lunch hosted by the ambassador": the occasion itself, described
    if any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ not in RELATIVE_TAGS for c in children):
        return False  # the clause has a patient of its own: the noun is no patient of it
    if token.dep_ == "acl" and not any(c.dep_ == "agent" for c in children):
        return False  # "aid groups donated and delivered …" misread: only "X done by Y"
    if token.dep_ == "relcl" and not any(c.tag_ in RELATIVE_TAGS and c.dep_ in (
            "dobj", "nsubjpass") for c in children) and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return False  # "the man who attacked …": the noun is the actor
    return True


def _history(mention: EventMention, token: Token) -> bool:
    """An act told as how something began ("2,500 troops in Iraq, initially deployed to combat
    the Islamic State group at the request of the Iraqi government"): a clause describing a
    noun with a word of former time, on the act or on the act it is told within, is history,
    not news, unless a date pins it down. Told as the story's own sequence ("police initially
    fired tear gas, then live rounds") it stays."""
    if mention.time_span:
        return False
    node = token
    for _ in range(4):
        if node.dep_ in ("acl", "dep", "relcl") and any(
                c.dep_ == "advmod" and c.lower_ in FORMERLY for c in node.children):
            return True  # a clause describing a noun by how it began
        if node.head.i == node.i or node.dep_ not in EMBEDDING:
            return False  # a second act joined by "and" is told on its own
        node = node.head
    return False


def _depicted(token: Token) -> bool:
    """An act named as what a work or a speech shows or recalls ("the film highlights the
    police killings of Trayvon Martin", "recalled the siege of Sarajevo"), or told in the clause
    of what is recalled ("recounting a time when Mr. Romney gave money to a couple", "recalled
    how the army had shelled the village"): a reference or an anecdote, no new report."""
    head = token.head
    if token.dep_ == "relcl" and head.dep_ == "dobj":
        verb = head.head.lemma_.lower()
        return verb in RECALLING or verb in DEPICTING and _someone_elses(token, head.head)
    if token.dep_ == "ccomp":
        return head.lemma_.lower() in RECALLING
    return token.pos_ == "NOUN" and token.dep_ == "dobj" and head.lemma_.lower() in DEPICTING


def _charged(mention: EventMention, token: Token) -> bool:
    """An act given as what a penalty is for ("arrested in Lebanon for collaborating with
    Israel", "jailed for protesting", "convicted of murdering her husband"): the charge, told as
    alleged or past, no act the report tells (the coder codes the arrest); and a sentence "to
    death", a penalty, no killing. A charge with its own date stays ("detained for blocking the
    highway on Monday"), and so does an act named by a noun ("arrested ten men for the attack
    on the base": the attack is news the report tells)."""
    head = token.head
    if token.dep_ not in ("pcomp", "pobj") or head.lower_ not in ("for", "of", "to"):
        return False
    penalty = head.head.lemma_.lower()
    if head.lower_ == "to":
        return token.lemma_.lower() == "death" and penalty in ("sentence", "condemn")
    if head.lower_ == "of" and penalty not in CHARGING_OF or token.pos_ != "VERB":
        return False  # "arrested ten men for the attack on the base": the attack is news
    return penalty in PENALISING and not dated_within(mention, token)


def _someone_elses(clause: Token, verb: Token) -> bool:
    """Whether a clause on what is cited or mentioned tells what someone else did ("the video
    references cases in which Kaine defended …", "the ad mentions policies she supported"),
    not the speaker's own act in the same words ("Trump cited problems that he blamed on
    Obama": the blaming is said as he cites). Unknown when either subject is missing."""
    said_by = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if said_by is None or doer is None or doer.lower_ == said_by.lower_:
        return False
    return not (doer.tag_ == "PRP" and doer.lower_ != "it" and (
        said_by.ent_type_ == "PERSON" or said_by.pos_ == "PROPN" or said_by.lemma_.lower() in
        ACTING_PEOPLE or said_by.lower_ in ("he", "she", "i", "we", "they")))


def _standing(mention: EventMention, token: Token) -> bool:
    """A participle clause that opens its sentence and tells what its subject is ("Designated
    as a terrorist organization by Washington, Kataeb Hezbollah …", "Backed by Tehran, the
    militia …"): a standing given as background, not an act the report tells, unless a date or
    a toll of its own pins it down ("Arrested in March, the activist …")."""
    if token.tag_ != "VBN" or token.dep_ != "advcl" or token.i > token.head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in token.children):
        return False
    if any(not t.is_punct and t.pos_ not in ("ADV", "CCONJ")
           for t in token.doc[token.sent.start:token.i]):
        return False  # not at the head of its sentence
    return not (mention.time_span or mention.fatalities or mention.injuries)


def _background_series(token: Token) -> bool:
    """A count or series of events ("over 160 attacks", "repeated strikes", "multiple
    strikes"), or a plural after a preposition ("the majority of these assaults", "responsible
    for attacks on US forces", "subjecting them to bombings and attacks", "in
    response to the attacks on US service members", "denounced the US over its strikes"):
    events in general, told as background, unless a date or a toll pins them down (see
    ``_anchored``); a verb of what happens from time to time ("have sometimes gathered",
    "routinely shell"). Plurals that name one occasion stay ("held talks", "staged rallies", "the
    riots continue"), and so do those that set the time of something else ("threw stones
    during demonstrations")."""
    children = list(token.children)
    if token.pos_ == "VERB":  # only a habit makes a verb aggregate (is_aggregate below)
        return True
    if token.tag_ != "NNS":
        return False
    if any(c.dep_ in ("nummod", "quantmod") or c.lower_ in SERIES for c in children):
        return True
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:  # "bombings and attacks"
        first = first.head
    return first.dep_ == "pobj" and first.head.lower_ not in TEMPORAL_PREPS


def _purpose(token: Token) -> bool:
    """An act named as what something else is for ("troops with the express purpose of advising
    and assisting local forces", "deployed in order to protect the convoy") is that other act's
    aim, not an event: the codebooks code what was done, not what it was meant to do."""
    while token.dep_ == "conj" and token.head.i != token.i:  # "advising and assisting"
        token = token.head
    head = token.head
    if (token.dep_ in ("pcomp", "pobj") and head.lower_ == "of"
            and head.head.lemma_.lower() in PURPOSE_NOUNS):
        return True
    before = [t.lower_ for t in token.doc[max(0, token.i - 3):token.i]]
    return before in (["in", "order", "to"], ["so", "as", "to"])


def _generic(mention: EventMention, token: Token) -> bool:
    """A bare plural with nothing of its own ("are undermining agreements and risking Iraqi
    lives"): no determiner, number or possessive, and no participant, place, time or toll;
    or a bare mass noun that a word of trend measures, with none of these either ("calm on one
    front and a surge in fighting on another"). Such a noun names a kind of act in general,
    not an occasion, and makes no event. Nouns that name one occasion have a participant, a
    place or a time ("the two sides held talks", "fighting between Azerbaijanis and
    Armenians", "after five days of fighting"). A gerund told of a bare plural, acting on
    another or on nothing ("the epidemic of police officers killing unarmed black people"),
    names a kind of act in the same way."""
    if token.tag_ == "VBG" and token.dep_ in ("acl", "pcomp"):
        doers = [c for c in token.children if c.dep_ == "nsubj"] or (
            [token.head] if token.dep_ == "acl" else [])
        objects = [c for c in token.children if c.dep_ == "dobj"]
        return bool(doers) and all(_bare_plural(n) for n in doers + objects) and not (
            mention.place_id or mention.time_span or mention.fatalities or mention.injuries)
    if token.tag_ == "NN":
        if token.dep_ != "pobj":
            return False
        prep = token.head  # the parse may hang a bracketed "(in fighting)" elsewhere
        before = next((t for t in reversed(token.doc[max(0, prep.i - 3):prep.i])
                       if not t.is_punct), None)
        if not any(t is not None and t.lemma_.lower() in TREND_NOUNS
                   for t in (prep.head, before)):
            return False
    elif not (mention.aggregate and token.tag_ == "NNS") or _done_by_verb(token):
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "quantmod", "predet") for c in token.children):
        return False
    return not (mention.arguments or mention.place_id or mention.time_span
                or mention.fatalities or mention.injuries)


def _stepped_up(mention: EventMention, token: Token) -> bool:
    """A plural of acts that a verb of intensifying or keeping up takes ("Perry has recently
    stepped up his attacks on Obama", "escalated their raids"): a run of acts growing, no one
    occasion; unless a date, a place or a toll pins it down."""
    return token.tag_ == "NNS" and token.dep_ == "dobj" and (
        token.head.lemma_.lower() in INTENSIFYING) and not (
        mention.time_span or mention.place_id or mention.fatalities or mention.injuries)


def _bare_plural(noun: Token) -> bool:
    """A plural common noun with no determiner, number or possessive: people of a kind."""
    return noun.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod", "quantmod", "predet") for c in noun.children)


def _done_by_verb(token: Token) -> bool:
    """Whether a noun is the object of a verb of doing ("staged rallies", "held talks",
    "launched strikes"): the verb makes the act an occasion. Also by the verb's form, since
    the lemmatizer misses some ("staged" → "stag")."""
    verb = token.head
    if token.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    form = verb.lower_
    stems = {verb.lemma_.lower(), form, form[:-1], form[:-2], form[:-3]}
    return bool(stems & LIGHT_VERBS) or form in ("held", "made", "waged")


def _anchored(mention: EventMention, doc: Doc) -> bool:
    """A series the text pins down as a campaign, by a date or a toll ("at least 16 Iraqis were
    killed in US airstrikes earlier this month"), is an event all the same; the span a count
    runs over ("over 160 attacks since Oct. 17") dates no campaign, nor is a tally over a running
    period one ("28 people have been killed in ethnic riots this year")."""
    if mention.fatalities is not None or mention.injuries is not None:
        return not RUNNING_PERIOD.search(text_of(doc)[mention.sentence_start:mention.sentence_end])
    if mention.time_span is None:
        return False
    before = text_of(doc)[max(0, mention.time_span[0] - 12):mention.time_span[1]].lower()
    return not OPEN_SPAN.search(before)


def is_aggregate(token: Token) -> bool:
    """A count or series of events rather than one: "over 160 attacks", "repeated US strikes",
    "have sometimes gathered", "donated millions over the years", "Republican leaders' public
    statements deploring the lack of progress"."""
    if token.pos_ == "VERB":
        return any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in token.children) or (
            counted_so_far(token) or over_years(token) or said_by_many(token))
    if token.pos_ != "NOUN":
        return False
    if token.lemma_.lower() in ATTACKERS:
        return False  # "two suicide bombers": how many attacked, not how many attacks
    if token.tag_ == "NNS":
        return True
    return any(_a_count(c) or c.lower_ in SERIES_SINGULAR for c in token.children) or (
        over_years(token))  # "after weeks of shelling"


def _a_count(number: Token) -> bool:
    """A number that counts the events ("over 160 attacks", "two strikes"), not one that names
    one ("the Tower 22 attack"), a year ("the 2020 strike") or one ("one attack")."""
    if number.dep_ != "nummod" or _in_a_name(number):
        return False
    text = number.lower_.replace(",", "")
    if text in ("one", "1", "a", "single"):
        return False
    return not (text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100)


def _in_a_name(number: Token) -> bool:
    """A number that ends a name ("the Tower 22 attack", "the Route 6 ambush"), no count."""
    return number.i > 0 and number.doc[number.i - 1].pos_ == "PROPN"


def told_as_history(mention: EventMention, token: Token, doc: Doc,
                    published: date | None = None) -> bool:
    """Whether a mention (its trigger ``token``) is a past event the report recalls in passing:
    an event coder codes an event a report tells as news, known at least to the month (ACLED's
    time precision), and what a report dates only to a year or more back, or to a date it must
    give the year of, is history it recalls to explain its news. That is: dated by
    its own time only to a year or more back, or by a date given with its year, outside the
    first two lines (a dateline gives the year of the news). Only an act told as done: what
    is vowed, denied or supposed is no event in any case. Where the report's day is known
    (``published``), a date given with its year is history only when it lies half a year or
    more before it (:data:`RECALLED_AFTER_DAYS`)."""
    if mention.mode != "asserted":
        return False
    if _years_ago(mention, token):
        return True
    return _own_time(mention, token, doc) and (
        _dated_to_a_year(mention, doc) or _dated_with_its_year(mention, doc, published))


def _own_time(mention: EventMention, token: Token, doc: Doc) -> bool:
    """Whether the mention's time stands in the event's own clause, not in a clause of its
    own inside it ("granted asylum to rebels who entered the country two years ago": the
    entry's time, not the granting's). A clause an infinitive continues is the same clause
    ("refused to answer last year")."""
    if not mention.time_span:
        return False
    span = doc.char_span(*mention.time_span, alignment_mode="expand")
    if span is None:
        return False
    own = _clause_of(token)
    node = _clause_of(span.root)
    for _ in range(4):
        if node.i == own.i:
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = _clause_of(node.head)
    return False


def _clause_of(token: Token) -> Token:
    """The verb whose clause a word stands in (the word itself when it is a verb); the root of
    its sentence when no verb is above it."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _dated_to_a_year(mention: EventMention, doc: Doc) -> bool:
    """A past time of the event's own that resolves to a year or coarser ("seized last year",
    "expelled them 18 years ago", "over the last two years") in an article with no publication
    date. With one, the time resolves and the event is not listed by its precision
    (``model_events.is_listed``); without one the time stays unresolved and the
    event would be listed as undated: read against a stand-in day, only its precision and
    whether it began before that day's year count ("this year", "the end of the year" may be
    the news's)."""
    value = mention.time
    if value is None or value.resolved or value.reason != NO_ANCHOR or not mention.time_span:
        return False
    start, end = mention.time_span
    read = resolve_time(text_of(doc)[start:end], STAND_IN)
    return (read.precision in COARSE and bool(read.start)
            and read.start < date(STAND_IN.year, 1, 1).isoformat())


def _years_ago(mention: EventMention, token: Token) -> bool:
    """A clause set years back by "ago" that the time layer did not read ("Seventy-four years
    ago, a naval battle off the atoll changed the war", "decades ago"), or years before its
    sentence's act (:func:`_years_after`): the event's clause is history. Only where the event
    has no time of its own."""
    if mention.time_span:
        return False
    node = token
    for _ in range(4):
        if any(_ago_in_years(c) for c in node.children) or _years_after(node):
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False  # the clause's verb: its time words are the clause's
        node = node.head
    return False


def _years_after(clause: Token) -> bool:
    """A clause years before its sentence's act: "years after many European countries agreed
    to share a single currency", "two decades after the war ended"."""
    children = list(clause.children)
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "after" for c in children) and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in LONG_UNITS for c in children)


def _ago_in_years(word: Token) -> bool:
    """ "ago" counting back years, decades or centuries."""
    return word.lower_ == "ago" and any(
        c.lemma_.lower() in LONG_UNITS or c.lower_.rstrip("s") in LONG_UNITS
        for c in word.subtree)


def _dated_with_its_year(mention: EventMention, doc: Doc, published: date | None) -> bool:
    """An event dated to a day or a month whose year the report writes out ("killed on Sept.
    11, 2001", "the ceasefire agreement signed in March 2001", "On July 6, 2011, the two
    countries signed an agreement"). News dates its own events against its day ("on Tuesday",
    "Feb. 7", "last month") and writes the year only of a date outside its current year (the
    AP Stylebook's rule), so the event is one it recalls. A dateline in the first two lines
    ("WASHINGTON, Feb. 7, 2024 —") gives the year of the news: not there. A year alone is left
    to the listing rule on precision; a span from a date on ("raised $1 million since Jan. 1,
    2015") runs to the report's day. Outlets and event notes that write the year of every date
    (not AP's style) are read by the report's day where it is known: a date half a year or more
    before it; in an undated report, only a date earlier than a year the report names elsewhere
    ("In 2016 … On July 6, 2011, the two countries signed") is recalled."""
    value = mention.time
    if value is None or value.precision not in ("day", "month") or not mention.time_span:
        return False
    if value.open_start or value.open_end:
        return False  # "since Jan. 1, 2015": a span reaching the report's day
    start, end = mention.time_span
    if not YEAR.search(text_of(doc)[start:end]):
        return False
    if published is not None and value.known:
        return date.fromisoformat((value.end or value.start)[:10]) \
            < published - timedelta(days=RECALLED_AFTER_DAYS)
    text = text_of(doc)
    year = int(YEAR.search(text[start:end]).group())
    if not any(int(m.group()) > year for m in YEAR.finditer(text)):
        return False  # no later year named: the report's own time may be that year's
    return sum(1 for line in text[:start].split("\n")[:-1] if line.strip()) >= 2
