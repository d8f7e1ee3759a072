"""Acts told as states: what someone holds or does as a habit, a kind of act defined or had.

News tells its events as done, at a time: "opposed the bill on Tuesday", "met on Monday". The
same words also tell what holds: a stance of the subject a clause describes ("the AARP, which
opposed the push"), a stance no one expresses ("despite strong opposition"), a habit or a
stance in the simple present of the body ("Perry also opposes a full border fence"), the same
in the passive ("the talks are supported by a coalition of leaders", "his outreach has been
fiercely opposed by most Republicans"), a kind of act defined ("an unauthorized inspection is
a misdemeanor") or had ("enjoyed tremendous support", "has faced criticism"), a position
"long" held ("has long called for tax fairness"). None is one act
a coder codes. ``event_filters.makes_no_event`` reads these with its other rules; docs/events.md
("No event of its own") has them.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from crossbearing.annotate.cues import STATEMENT_NOUNS
from crossbearing.annotate.event_agreements import ENACTED
from crossbearing.annotate.event_phrases import ARMED, names_a_people
from crossbearing.annotate.event_senses import AGENT_NOUNS, FORCES, relative_subject
from crossbearing.annotate.nlp import text_of
from crossbearing.model import EventMention

#: Nouns of occasions: a clause on one tells who held it, not a past act on a thing.
OCCASIONS = frozenset({"lunch", "dinner", "meeting", "summit", "conference", "ceremony", "rally",
                       "talk", "event", "reception", "session", "forum", "debate", "visit",
                       "protest", "march", "vigil", "funeral", "hearing", "briefing"})
#: Words of a stance held for or against something (PLOVER SUPPORT and REJECT of a position).
STANCES = frozenset({"support", "oppose", "opposition", "back", "backing", "favor", "favour"})
#: Verbs of giving one's support, an act where told as one ("Arpaio endorsed Perry"), a stance
#: in a participle that describes what is supported ("Ryan's budget plan, broadly endorsed by
#: Mr. Romney").
ENDORSING = frozenset({"endorse", "embrace", "champion"})
#: Stances told as a circumstance with "with" ("with Russia backing the government"); not
#: opposing, which with a count tells a vote ("passed 60-40, with all Republicans opposing it").
BACKING = frozenset({"support", "back", "favor", "favour"})
_STANCE_WORDS = STANCES | ENDORSING
#: Verbs that make a stance an act: it is expressed, announced or given.
EXPRESSING = frozenset({"express", "voice", "announce", "declare", "pledge", "reiterate",
                        "reaffirm", "offer", "give", "show", "lend", "throw", "signal",
                        "state", "confirm", "extend", "register"})
#: Determiners that make a noun one occasion already told ("the protest was peaceful").
BACK_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
#: Verbs of having: what is had, enjoyed or lacked is a state, not an act ("enjoyed support").
HAVING = frozenset({"enjoy", "have", "lack", "retain", "keep", "hold", "need", "deserve"})
#: Verbs of having that hold an occasion (:data:`OCCASIONS`) when it is their object: "held a
#: meeting", "had talks with" is meeting, not a state.
HOLDING = frozenset({"hold", "have"})
#: Verbs of meeting with what others say: words faced with no time of their own are a state
#: ("has faced criticism about his stance", "faces growing calls to resign"), as words had.
FACING = frozenset({"face", "weather"})


def a_stance(mention: EventMention, token: Token) -> bool:
    """A stance told as what someone holds, not as an act: a verb of stance in a clause that
    describes its subject ("the AARP, which opposed President Bush's push", "cities that support
    the regulations") or a participle that describes what it is held of ("a military coalition
    led by Saudi Arabia and backed by the West"), or a noun of stance no verb of expressing
    governs ("over Washington's unconditional support for Israel", "despite strong
    opposition"), or a circumstance told with "with" ("with Russia backing the government").
    Endorsing is a stance only in a participle that describes ("a plan endorsed by Romney").
    "Expressed support for",
    "voiced opposition to", "announced its backing" are acts of saying and stay; so does a stance
    a date pins down ("opposed the bill on Tuesday")."""
    lemma = token.lemma_.lower()
    if lemma not in _STANCE_WORDS or dated_within(mention, token):
        return False
    if token.pos_ == "VERB":  # "the AARP, which opposed …", "a coalition backed by the West"
        first = token
        while first.dep_ == "conj" and first.head.i != first.i and first.tag_ == "VBN":
            first = first.head  # "a coalition led by Saudi Arabia and backed by the West"
        described = first.dep_ == "acl" and first.tag_ == "VBN"  # "a plan endorsed by Romney"
        if lemma in ENDORSING:  # not "endorsed by the Arab League at an emergency summit"
            return described and not any(c.dep_ == "prep" and c.lower_ in ("at", "in", "on")
                                         for c in token.children)
        return relative_subject(token) or described or (
            lemma in BACKING and token.tag_ == "VBG" and token.dep_ == "pcomp"
            and token.head.lower_ == "with" and any(c.dep_ == "nsubj" for c in token.children))
        # "with Russia backing the government": a circumstance held, no act (not "charged
        # him with supporting dissidents", the charge)
    if token.pos_ != "NOUN":
        return False
    head = token.head
    return not (token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in EXPRESSING)


def habitual_present(mention: EventMention, token: Token) -> bool:
    """An act told in the simple present in the body of a report, by someone other than the
    speaker ("the federal government offers loans to parents", "many colleges offer merit
    aid", "Perry also opposes a full border fence", "a law that allows people … to attend
    public colleges"): what someone does as a habit or holds, not one act. News tells its
    events in the past or the perfect; the simple present tells them only in the headline and
    the lead ("Union endorses Clinton", "The Palestinians reject proposed Israeli changes"),
    which are kept, and so are a speaker's own words (a first person: "I apologize to all
    involved", "We call on our brothers …": the saying is the act) and a present a date pins
    down. Other quoted or reported presents are stances too ("he said he supports it", '"He
    refuses to take responsibility"'); one who speaks for a state in the third person ('"Israel
    rejects this proposal," Netanyahu said') is lost with them. The date must stand in the
    act's own phrase: the day of the saying that reports it ('"The president supports
    measures …," Carney said Friday') dates the saying. A passive present holds as well, and a
    stance in the present perfect (:func:`_present_passive`, :func:`_stance_perfect`)."""
    if token.pos_ != "VERB" or dated_within(mention, token):
        return False
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ == "of" and (
            token.head.head.lemma_.lower() in HABITS):
        return True  # "not in the habit of supporting people who …": a habit
    if token.tag_ == "VB" and token.dep_ == "conj" and token.head.tag_ in ("VBZ", "VBP"):
        token = token.head  # "people who attack my wife and attack my father": both present
    if token.tag_ == "VBN":
        if not (_present_passive(token) or _stance_perfect(token) or _crowds_perfect(token)):
            return False
    elif token.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass")
                                                 for c in token.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in token.children):
        return False  # the speaker's own saying: "I apologize", "we call on …"
    return not _in_headline_or_lead(token)


#: Nouns of a habit or a line of work: what one is "in the habit of" doing is done as a habit.
HABITS = frozenset({"habit", "practice", "business", "custom", "tradition"})
#: Nouns of a span of time that "when" describes ("at a time when", "in an era when").
TIME_SPANS = frozenset({"time", "era", "age", "period", "moment", "day", "year", "season"})


def in_a_time_when(mention: EventMention, token: Token) -> bool:
    """An act that describes a time in general, in a clause of "when" on "a time", "an era",
    "times" ("At a time when Republicans in Congress are pushing for a clean war funding
    resolution, your comment is …"): the setting of what the sentence tells, no occasion.
    "On the day when rebels attacked the town" (a definite day) and a date of its own stay."""
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    span = clause.head
    if clause.dep_ not in ("relcl", "acl", "advcl") or span.lemma_.lower() not in TIME_SPANS:
        return False
    if not any(c.lower_ == "when" and c.dep_ == "advmod" for c in clause.children):
        return False
    general = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in span.children) or (
        span.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in span.children))
    return general and not dated_within(mention, token)


#: Units of time that reach past a year: counted back by "ago" ("decades ago"), or over which
#: acts run ("over the years").
LONG_UNITS = frozenset({"year", "decade", "century", "generation"})
#: Units of time that, counted, span many acts: "five years of fighting", "weeks of shelling".
SPANNED_UNITS = LONG_UNITS | frozenset({"day", "week", "month"})


#: Words of a running period that make a count a tally ("so far this year", "to date").
RUNNING_PERIOD = re.compile(r"\b(so far|to date|this year|year to date|since the (start|"
                            r"beginning) of)\b", re.IGNORECASE)


def counted_so_far(token: Token) -> bool:
    """An act told of people counted over a running period ("one of at least 707 people shot
    and killed by police so far this year"): a tally of many acts, not one."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "shot and killed"
    counted = [first.head] if first.dep_ == "acl" else [
        c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ == "nummod" for n in counted for c in n.children) and (
        RUNNING_PERIOD.search(first.sent.text) is not None)


#: Nouns of sayings: a participle that describes them in the plural tells several sayings.
SAYINGS_NOUNS = frozenset({"statement", "remark", "comment", "speech", "tweet", "post",
                           "letter", "ad", "advertisement", "interview"})


def said_by_many(token: Token) -> bool:
    """A saying told as what several statements of several speakers do ("Republican leaders'
    public statements deploring the lack of progress"): many sayings, a series. One speaker's
    ("Trump's early-morning tweets accusing Alicia Machado") may be one burst, one occasion."""
    said = token.head
    return token.tag_ == "VBG" and token.dep_ == "acl" and said.tag_ == "NNS" and (
        said.lemma_.lower() in SAYINGS_NOUNS) and not any(
        c.dep_ == "poss" and c.tag_ in ("NNP", "PRP$") for c in said.children)


def over_years(token: Token) -> bool:
    """An act told over years ("has donated millions over the years", "have fought for
    decades"), or what spans units of time ("after five years of fighting ISIS", "weeks of
    shelling"): a series, not one act (``event_filters.is_aggregate``)."""
    of = token.head if token.dep_ in ("pcomp", "pobj") else None
    if of is not None and of.lower_ == "of" and of.head.tag_ == "NNS" and (
            of.head.lemma_.lower() in SPANNED_UNITS):
        return True
    near = list(token.children)  # the parse may hang it on an object: "donated millions to
    near += [g for c in near if c.dep_ in ("dobj", "prep")  # groups over the years"
             for o in ([c] if c.dep_ == "dobj" else c.children) for g in o.children]
    return any(c.dep_ == "prep" and c.lower_ in ("over", "for", "throughout", "across") and any(
        g.dep_ == "pobj" and g.tag_ == "NNS" and g.lemma_.lower() in LONG_UNITS
        for g in c.children) for c in near)


def held_long(token: Token) -> bool:
    """A saying or a stance "long" held, in the perfect ("Obama has long called for tax
    fairness", "has long opposed the pipeline"): a position kept over years, no occasion."""
    children = list(token.children)
    return any(c.dep_ == "advmod" and c.lower_ == "long" for c in children) and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in children)


def _present_passive(token: Token) -> bool:
    """A passive in the simple present ("the talks are supported by a coalition of leaders"),
    or, of a stance (:data:`STANCES`), in the present perfect ("his outreach has been fiercely
    opposed by most Republicans"): a state that holds, as the active simple present."""
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    passive = [c for c in auxiliaries if c.dep_ == "auxpass"]
    if len(passive) != 1:
        return False
    if len(auxiliaries) == 1:
        return passive[0].tag_ in ("VBZ", "VBP")
    return len(auxiliaries) == 2 and token.lemma_.lower() in STANCES and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in auxiliaries)


#: Nouns of an unnamed part of a people, as many as a plural: "a segment of society".
COLLECTIVES = frozenset({"segment", "section", "swath", "portion", "fringe", "minority",
                         "number", "handful", "host"})
#: Words that leave a plural subject indefinite: "some other Republicans", "many critics".
INDEFINITE = frozenset({"some", "many", "several", "other", "most", "few", "more", "all"})


def _crowds_perfect(token: Token) -> bool:
    """An act in the present perfect by an indefinite many ("birthers have demanded additional
    proof", "some other Republicans, who have openly accused the president"): many people's
    acts on occasions no one names, up to now, as a stance held is (outside the headline and
    lead, undated: :func:`habitual_present`). A body named or pointed at ("the Republicans",
    "Senate Democrats", "its critics"), people by office or arms who act for one ("American officials
    have linked the attack to …", "soldiers have arrested dozens") and a many whose members are named ("other unions, including
    the AFL-CIO, have endorsed …") stay."""
    if not _present_perfect(token):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and token.dep_ == "relcl" and subject.tag_ in ("WP", "WDT"):
        subject = token.head  # "Republicans, who have openly accused …"
    if subject is not None and subject.lemma_.lower() in COLLECTIVES and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
        return True  # "a segment of society -- labeled 'birthers' -- have demanded …"
    if subject is not None and _a_body_named(subject) and not any(
            c.lower_ in INDEFINITE for c in subject.children):
        return False  # "Democrats have demanded", "Palestinians have accused": a body named
    return subject is not None and subject.tag_ in ("NNS", "NNPS") and (
        subject.lemma_.lower() not in AGENT_NOUNS | FORCES | ARMED) and all(
        c.dep_ in ("amod", "cc", "punct", "relcl", "acl") or c.lower_ in INDEFINITE
        for c in subject.children) and not any(
        c.ent_type_ in ("ORG", "GPE", "NORP") for c in subject.children)


def _a_body_named(subject: Token) -> bool:
    """Whether a plural subject names a body: an organisation or a state, a party's members
    ("Democrats") or a people the knowledge base knows ("Palestinians"); not "birthers"."""
    return subject.ent_type_ in ("ORG", "GPE") and subject.tag_ in ("NNP", "NNPS") or (
        names_a_people(subject.lemma_))  # the parse keeps the plural: "Democrats"


def _stance_perfect(token: Token) -> bool:
    """A verb of stance (:data:`STANCES`) in the active present perfect ("Others in the
    community have opposed the resolution", "both candidates have opposed the TPP"): a stance
    held up to now, as "has been opposed by" is. In the headline or the lead it may tell the
    news and stays (:func:`habitual_present`)."""
    return token.lemma_.lower() in STANCES and _present_perfect(token)


def _present_perfect(token: Token) -> bool:
    """Whether a verb is in the active present perfect: "have" or "has" its one auxiliary."""
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    return len(auxiliaries) == 1 and auxiliaries[0].lemma_ == "have" and (
        auxiliaries[0].tag_ in ("VBZ", "VBP"))


#: Adverbs that make a saying in the present perfect one of a list or of a habit: a position
#: held or sayings told together, no occasion ("Trump has also called for deducting capital
#: investments", "has repeatedly accused").
STANDING = frozenset({"also", "repeatedly", "often", "consistently", "frequently", "always",
                      "routinely", "regularly"})


def listed_saying(mention: EventMention, token: Token) -> bool:
    """A saying in the active present perfect told as one of a list or a habit
    (:data:`STANDING`), outside the headline and the lead and with no date of its own: a
    position held, no occasion. Acts so told stay ("troops have also killed two men")."""
    return token.tag_ == "VBN" and _present_perfect(token) and any(
        c.dep_ == "advmod" and c.lower_ in STANDING for c in token.children) and not (
        dated_within(mention, token) or _in_headline_or_lead(token))


def _in_headline_or_lead(token: Token) -> bool:
    """Whether the token stands in the first two lines of its text: a headline and the lead,
    or a lead alone."""
    before = text_of(token.doc)[:token.idx]
    return sum(1 for line in before.split("\n")[:-1] if line.strip()) < 2


def dated_within(mention: EventMention, token: Token) -> bool:
    """Whether the mention's time stands in the trigger's own phrase (its parse subtree), not
    only in its sentence ("reported Friday that the AARP, which opposed …": Friday dates the
    report)."""
    if mention.time_span is None:
        return False
    start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return start <= mention.time_span[0] < end


def defined_or_held(mention: EventMention, token: Token, family: str) -> bool:
    """A kind of act told as what it is or as something held, not as done: the subject of "be"
    with a predicate ("Support for NATO has been a bipartisan cause since 1949", "an
    unauthorized inspection is a misdemeanor"), or the object of a verb of having ("enjoyed
    tremendous support from African-American voters", "lacks support"), or words faced with no
    time of their own ("has faced criticism about his stance"). Nothing happens in
    such a sentence unless it gives the act a toll, or a place in a past tense ("In
    Connecticut, the unauthorized inspection of tax returns is a misdemeanor" defines a kind
    where a law holds)."""
    head = token.head
    if token.pos_ != "NOUN" or mention.fatalities or mention.injuries:
        return False
    if mention.place_id and head.tag_ not in ("VBZ", "VBP"):
        return False  # "the protest in Kirkuk was peaceful"; a present definition holds anywhere
    if token.dep_ == "nsubj" and head.lemma_ == "be" and any(
            c.dep_ in ("attr", "acomp") for c in head.children):
        # "the protest was peaceful" tells of one protest: only a kind is defined
        return not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in BACK_DETERMINERS
                       for c in token.children)
    if head.lemma_.lower() in HOLDING and token.lemma_.lower() in OCCASIONS:
        return False  # "held a meeting with the president", "had talks": an occasion held
    if head.lemma_.lower() in FACING and not mention.time_span and family == "verbal":
        return token.dep_ == "dobj"  # "has faced criticism", "faces calls to resign"
    return token.dep_ == "dobj" and head.lemma_.lower() in HAVING


#: What carries a saying: a participle on it tells what was said ("a statement calling on …",
#: "a law recognizing the opposition's victories").
WRITTEN = STATEMENT_NOUNS | ENACTED | frozenset({
    "resolution", "ad", "advert", "advertisement", "commercial", "petition", "memo", "appeal",
    "call", "motion", "broadcast", "paper", "brief", "vote", "ruling", "notice", "treaty",
    "accord", "agreement", "decision", "judgment", "verdict", "policy"})


def described_doing(mention: EventMention, token: Token, family: str) -> bool:
    """A saying in a present participle that describes the noun it hangs on ("Texas is one of
    the states suing the EPA", "groups supporting the bill"): what they are doing or do, no
    occasion, unless a time of its own pins it ("protesters demanding his release on
    Monday"). Violence so told is done ("militants attacking the base were killed"), and what
    a statement, a letter or a resolution says is said ("issued a statement calling on
    fighters to join"): a participle with such a word anywhere before it in its sentence is
    kept, since the parse often hangs it on a nearer noun ("a letter to Senate leaders
    opposing …", "comments by US officials urging …")."""
    if not (family == "verbal" and token.tag_ == "VBG" and token.dep_ == "acl"
            and token.head.pos_ in ("NOUN", "PROPN")) or dated_within(mention, token):
        return False
    return not any(w.lemma_.lower() in WRITTEN for w in token.doc[token.sent.start:token.i])
