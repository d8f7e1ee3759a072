"""The arguments of an event mention read off the parse: who acted, on whom, who died (whether
it happened is :mod:`annotate.event_modes`' reading).

Verbs give their subject (or passive agent) as actor and their object (or passive subject) as
target; nouns give their possessor, their actor modifiers ("US strikes") and "by X" as actor and
"on X"/"against X" as target, and take the subject of a light verb ("carried out a strike",
"admitted responsibility for a strike") as actor. Killing words give victims.
"""

from __future__ import annotations

from spacy.tokens import Token

from crossbearing.annotate.event_phrases import ARMED, DROPPED_ARMS
from crossbearing.annotate.event_senses import (
    ACTING_PEOPLE,
    AGENT_ENTITIES,
    RELATIVE_TAGS,
    a_thing,
    a_time,
)
from crossbearing.annotate.event_spans import Spans
from crossbearing.annotate.event_subjects import (
    shared_passive_subject,
    shared_subject,
    speaker_subject,
)
from crossbearing.annotate.name_spans import dateline
from crossbearing.model import EventArgument

#: Verbs through which a noun trigger takes its actor: "carried out a strike", "began a hunger
#: strike", "reached a consensus", "arrived in Amman on a visit".
LIGHT_VERBS = frozenset({"carry", "conduct", "launch", "stage", "mount", "execute", "perform",
                         "order", "authorize", "authorise", "claim", "admit", "make", "issue",
                         "release", "publish", "hold", "unleash", "wage", "arrive", "embark",
                         "lodge", "file", "deliver", "register", "voice", "express", "undertake"})
#: Verbs of harm whose subject, with an object harmed, did the attack its "in" phrase names
#: ("wounded two soldiers in a bomb attack"; not "three died in an attack", no object).
HARMING = frozenset({"kill", "wound", "injure", "hurt", "maim", "hit", "strike", "target",
                     "destroy", "damage", "abduct", "kidnap", "seize", "capture"})
#: Verbs of giving, whose "to" phrase names who receives: the target of aid or of a concession
#: ("will provide food aid to refugees", "granted diplomatic asylum to five officers").
GIVING = frozenset({"give", "provide", "send", "deliver", "donate", "grant", "supply", "ship",
                    "hand", "transfer", "offer", "airlift", "extend", "allocate"})
#: Verbs of coming whose subject does what it comes "for" ("Biden traveled to the Capitol for
#: a private meeting with House Democrats"; not "came under attack").
COMING = frozenset({"travel", "come", "go", "fly", "head", "return", "journey", "arrive",
                    "converge", "gather", "assemble"})
#: Verbs of starting, going on with or settling that give their object noun its actor, but
#: not a noun in a phrase of theirs ("began a hunger strike", "reached a consensus", "signed
#: a treaty"; not "was beginning to realize, at a rally …"), and verbs of adjusting a measure,
#: which only who holds it does ("speeded up the withdrawal of its forces", "tightened the
#: blockade", "reimposed blockades", "extended the curfew"; not "end", "halt" or "stop", which
#: others do to an act: "police ended the protest").
PHASE_VERBS = frozenset({"begin", "start", "continue", "organize", "organise", "open", "declare",
                         "complete", "reiterate", "renew", "resume", "reach", "sign",
                         "extend", "tighten", "reimpose", "enforce", "expand", "intensify",
                         "step", "speed", "accelerate", "prolong", "broaden", "widen"})
#: Adjectives that make a plural trigger a series: "repeated strikes".
SERIES = frozenset({"repeated", "multiple", "several", "numerous", "many", "series", "recent",
                    "ongoing", "frequent", "further"})
#: Dependencies along which an event's complement is searched for its target actor.
COMPLEMENT_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "xcomp", "ccomp", "attr", "oprd",
                             "compound", "poss", "amod", "nmod", "appos"})
#: Prepositions that lead to whom an act is directed ("ultimatum to Ecuador", "talks with
#: Hamas", "withdrawal from Panama", "the removal of the president", "fired at police"); place
#: and time prepositions ("in", "near", "inside", "after") lead to circumstances.
DIRECTED_PREPS = frozenset({"to", "of", "with", "from", "against", "on", "upon", "toward",
                            "towards", "for", "at", "into", "over", "about"})
#: Verbs of asking: the object, where "from" or "of" names whom, is what is asked for
#: ("requested troops from Obama", "sought help from the United Nations").
ASKED_FOR = frozenset({"request", "call", "appeal", "demand", "ask", "seek"})
#: Nouns of a complaint lodged somewhere: "to" or "with" names where it is lodged, not whom it
#: accuses ("a complaint to the bar's board", "filed a lawsuit with the court").
LODGED = frozenset({"complaint", "lawsuit", "suit", "grievance", "charge", "accusation",
                    "allegation"})
#: Verbs of talks whose object is the topic, not a side ("discussed the tax deal").
TALKED_OVER = frozenset({"discuss", "debate"})
#: Conjunctions of a condition whose subject a threat or demand is aimed at ("unless Israel
#: rescinds", "if the United States goes ahead").
CONDITIONS = frozenset({"if", "unless", "until"})
#: Nouns of saying and stance whose "from" names who said or holds it ("condemnation from
#: Hezbollah", "support from African-American voters", "a demand from the unions"), unlike a
#: withdrawal or an attack "from" a place.
SOURCED_NOUNS = frozenset({
    "condemnation", "criticism", "support", "praise", "backing", "endorsement", "demand",
    "call", "request", "appeal", "threat", "warning", "accusation", "rejection", "opposition",
    "denunciation", "rebuke", "protest", "objection", "complaint", "apology", "offer",
    "pledge", "promise", "statement", "condolence", "congratulation", "ultimatum"})
#: Verbs whose subject receives what their object names, from whom "from" says ("drew
#: condemnation from Hezbollah": Hezbollah condemned it).
RECEIVING = frozenset({"draw", "receive", "win", "face", "get", "earn", "attract", "meet",
                       "prompt", "provoke", "spark", "trigger"})
#: Nouns after "in" that direct an act at someone: "in protest against", "in response to".
DIRECTED_IN = frozenset({"protest", "defiance", "response", "retaliation", "solidarity",
                         "support", "opposition", "revenge"})


def arguments(token: Token, is_killing: bool, spans: Spans,
              family: str = "violent") -> list[EventArgument]:
    """The actor, target and victim arguments of one trigger. The target of a saying or of an
    act that is no violence is someone, never a thing (PLOVER's target is an actor: "imposed a
    curfew", "rejected the proposal", "offers loans" have none of their own; a thing's owner is
    the target in its place: "criticizing the administration's announcement"; the complement's
    first actor may still be found, below); violence may strike a thing ("a vehicle", "homes")."""
    found: list[tuple[str, Token]] = []
    if token.pos_ == "VERB":
        stative = _stative_passive(token)
        passive = not stative and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        for child in token.children:
            if child.dep_ == "nsubj" and child.tag_ in RELATIVE_TAGS and token.dep_ == "relcl":
                found.append(("actor", token.head))  # "the government, which is pushing …"
            elif child.dep_ == "nsubj" or stative and child.dep_ == "nsubjpass":
                found.append(("actor", child))  # "Israel is opposed to French mediation"
            elif stative and child.dep_ == "prep" and child.lower_ == "to":
                found.extend(("target", c) for c in child.children
                             if c.dep_ == "pobj" and _owner(c) is None)
            elif child.dep_ == "agent":
                found.extend(("actor", c) for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in ("dobj", "nsubjpass"):
                if token.lemma_.lower() in TALKED_OVER or _asked_of(token):
                    continue  # "discussed the tax deal": the topic; "requested troops from
                    # Obama": what is asked for (Obama is found as the complement's actor)
                if _instrument(token, child):  # "set fire to homes", "dropped barrel bombs on"
                    found.extend(("target", t) for p in token.children if p.dep_ == "prep"
                                 and p.lower_ == "to" for t in p.children if t.dep_ == "pobj")
                elif child.lemma_.lower() == "life":  # "claimed the lives of three soldiers"
                    found.extend(("victim", c) for c in _of_objects(child))
                else:
                    found.append(("victim" if is_killing else "target", child))
                    if child.lemma_.lower() in MEETINGS:  # "would host a meeting between
                        found.extend(("target", t) for t in between(child))  # X and Y"
            elif child.dep_ == "prep" and child.lower_ in ("on", "against", "upon", "at") and (
                    not _fronted(child, token)):
                found.extend(("target", c) for c in child.children
                             if c.dep_ == "pobj" and not a_time(c))  # not "at dawn"
            elif child.dep_ == "prep" and child.lower_ == "to" and (
                    token.lemma_.lower() in GIVING):  # "will provide food aid to refugees"
                found.extend(("target", c) for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ in ("over", "about") and (
                    family == "verbal"):  # "complained over two Israeli air raids": whose
                found.extend(("target", c) for c in child.children  # they are (below)
                             if c.dep_ == "pobj" and _owner(c) is not None)
        shared = shared_passive_subject(token) if not passive else []
        if shared:  # "Scott was shot and killed by an officer": Scott was killed too
            passive = True
            if not any(r in ("target", "victim") for r, _ in found):
                found.extend(("victim" if is_killing else "target", t) for t in shared)
        if not passive and not any(r == "actor" for r, _ in found):
            found.extend(("actor", s) for s in shared_subject(token))
        if token.lemma_.lower() in ("lose", "die", "perish") and not passive:  # "three died"
            found = [("victim" if role == "actor" else role, t) for role, t in found]
        if passive and is_killing and not any(r == "victim" for r, _ in found):
            person = spans.person_before(token)  # "Saadi, the commander ..., was assassinated"
            if person is not None:
                found.append(("victim", person))
    else:
        blamed = _blamed(token)
        found.extend((r, t) for r, t in _noun_arguments(token, is_killing, spans)
                     if t not in blamed)
        found.extend(("actor", t) for t in blamed)
    found = [(r, s) for r, t in _with_conjuncts(found) for s in (
        _after_dateline(t) if _a_dateline(t) else [t])]
    # "WASHINGTON -- Obama and Boehner met": the dateline is where the report was filed
    result = []
    for role, head in found:
        if role == "actor":
            head = speaker_subject(head) or head  # "Palestinian leaders said they would …"
        if role == "target" and family != "violent" and _own_forces(head):
            continue  # "Israel has strengthened its forces": the actor's own, no counterpart
        if role == "target" and family != "violent" and a_thing(head):
            owner = _owner(head)
            if owner is None or spans.names_an_accord(owner):
                continue  # no one's, or a city's name for it ("signed the Minsk agreement")
            head = owner  # "criticizing the Obama administration's announcement": its owner
        argument = spans.argument(role, head)
        if argument is not None and not (argument.start <= token.idx < argument.end):
            result.append(argument)
    if not is_killing and not any(a.role != "actor" and _names_actor(a, spans)
                                  for a in result):
        named = _complement_actor(token, spans, [a for a in result if a.role == "actor"])
        if named is not None:
            result.insert(0, named)
    if family != "violent" and any(a.role == "target" and _names_actor(a, spans) for a in result):
        # a party is named: what else the parse gave is the matter, not a target ("pressed
        # Trump on his failure to release his taxes": Trump)
        result = [a for a in result if a.role != "target" or _names_actor(a, spans)
                  or not _a_matter(a, token.doc)]
    return result


#: Nouns of bodies and people that may be a party, beside ``event_senses.ACTING_PEOPLE``.
BODIES = frozenset({"administration", "board", "congress", "senate", "house", "agency",
                    "campaign", "force", "regime", "state", "country", "nation", "side",
                    "company", "team", "office", "department", "bureau", "commission",
                    "legislature", "cabinet", "coalition", "alliance", "camp",
                    "movement", "ally", "aide", "hacker", "audience", "crowd", "critic",
                    "opponent", "rival", "wounded", "supporter", "family", "inspector", "troop",
                    "reservist", "voter"})


def _a_matter(argument: EventArgument, doc) -> bool:
    """Whether an argument no entity names is a matter, no party: not people, not a body that
    acts, not a pronoun ("his failure to release his taxes", "the charges"; not "the
    administration", "officials", "them")."""
    span = doc.char_span(argument.start, argument.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    lemma = root.lemma_.lower()
    return not (root.ent_type_ or root.pos_ in ("PRON", "PROPN") or lemma in ACTING_PEOPLE
                or lemma in BODIES)


def _owner(thing: Token) -> Token | None:
    """Whose a thing is, where a possessor, a name or a nationality before it says so ("the
    administration's announcement", "the Obama agenda", "two Israeli air raids"), else None."""
    return next((c for c in thing.children if c.dep_ == "poss" and c.pos_ != "PRON" or (
        c.dep_ == "compound" and (c.ent_type_ in AGENT_ENTITIES)) or (
        c.dep_ == "amod" and c.ent_type_ == "NORP")), None)  # "two Israeli air raids"


def _fronted(phrase: Token, verb: Token) -> bool:
    """A phrase set before its verb's subject ("At home, he accused …", "At the checkpoint,
    gunmen opened fire"): a circumstance of the act, not what it was aimed at."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and phrase.i < subject.i


def _a_dateline(word: Token) -> bool:
    """Whether a word is (in) a dateline: a place in capitals opening a line, before a dash, a
    bracket or a comma ("WASHINGTON --", "BAGHDAD (Reuters) -", "KANSAS CITY, Mo. —"); an
    acronym before a comma is a name ("NATO, the alliance, …")."""
    if any(c.islower() for c in word.text):
        return False  # a dateline is in capitals (and doc.ents is rebuilt on every access)
    doc = word.doc
    span = next((e for e in doc.ents if e.start <= word.i < e.end), None) if word.ent_iob_ in (
        "B", "I") else None
    span = span or doc[word.i:word.i + 1]
    after = doc[span.end].text if span.end < len(doc) else ""
    return dateline(span) and (span.label_ in ("GPE", "LOC") or after != ",")


def _after_dateline(word: Token) -> list[Token]:
    """What the parse hung on a dateline that the sentence is about ("KANSAS CITY, Mo. —
    Leaders of the country's largest civil rights organization accused …": the leaders)."""
    return [c for c in word.children if c.dep_ == "appos" and c.ent_type_ not in ("GPE", "LOC")
            and c.pos_ in ("NOUN", "PROPN")]


def _own_forces(noun: Token) -> bool:
    """Whether a noun names the actor's own armed men ("its forces", "their troops"): what a
    deployment or a withdrawal moves, not whom it is aimed at."""
    return noun.lemma_.lower() in ARMED and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
        for c in noun.children)


#: Verbs whose object is what is fired, thrown or dropped, and arms so used ("fired four shell
#: bombs at targets in Jericho", "launched rockets at the base", "threw stones at police").
FIRING = frozenset({"fire", "launch", "lob", "shoot", "hurl", "throw", "drop", "rain"})
FIRED_ARMS = DROPPED_ARMS | frozenset({"rocket", "mortar", "round", "bullet", "shot", "volley",
                                       "salvo", "barrage", "stone", "rock", "canister",
                                       "artillery", "drone", "torpedo", "dart"})


def _asked_of(verb: Token) -> bool:
    """Whether a verb of asking names whom it asks with "from" or "of" on the verb ("requested
    troops from Obama"): its object is what is asked for."""
    return verb.lemma_.lower() in ASKED_FOR and any(
        c.dep_ == "prep" and c.lower_ in ("from", "of") for c in verb.children)


def _instrument(verb: Token, thing: Token) -> bool:
    """An object that is what the act is done with, not to: the fire set, the bombs dropped,
    the shells fired, the stones thrown (the target is what they are aimed "at" or "on")."""
    lemma = thing.lemma_.lower()
    return (verb.lemma_.lower() in ("set", "open") and lemma == "fire"
            or verb.lemma_.lower() in FIRING and lemma in FIRED_ARMS)


#: Verbs of naming: in "what X called Y", X names what is acted on and is no side of the act.
NAMING = frozenset({"call", "describe", "term", "label", "dub", "characterize", "brand"})


def _directed(child: Token, node: Token, trigger: Token) -> bool:
    """Whether the parse edge from ``node`` to ``child`` stays inside what an act is directed
    at: objects, directed prepositions, the agent of what is acted on ("rejected calls by Kofi
    Annan"), clauses of purpose ("to protest X") and of condition ("unless Israel rescinds")."""
    dep = child.dep_
    if node.i == trigger.i and dep == "dobj" and _asked_of(trigger):
        return False  # "requested more troops from President Obama": what is asked for, not
        # whom ("called for Steele's resignation" names whom through what is asked)
    if node.i == trigger.i and trigger.lemma_.lower() in TALKED_OVER and dep == "dobj":
        return False  # "meeting to discuss the tax deal": the topic, not a side
    lodged_on = (trigger.i, trigger.head.i) if trigger.dep_ == "dobj" else (trigger.i,)
    if node.i in lodged_on and trigger.lemma_.lower() in LODGED and (
            dep == "prep" and child.lower_ in ("to", "with")):
        return False  # "the GOP's complaint to the Board says Mills violated", "is filing a
        # complaint with the oversight board": where it went, not whom it accuses
    if dep == "prep":
        if child.lower_ == "in":
            return any(c.dep_ == "pobj" and c.lemma_.lower() in DIRECTED_IN
                       for c in child.children)
        if child.lower_ == "by":
            return node.i != trigger.i  # the trigger's own "by X" is its actor
        return child.lower_ in DIRECTED_PREPS
    if dep == "advcl":  # purpose or condition, not "after ..." or "when ..."
        marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
        return not marks or marks[0] in CONDITIONS
    if dep == "nsubj":  # "demanded that Moscow withdraw", "unless Israel rescinds"
        if node.lemma_.lower() in NAMING and any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT")
                                                 for c in node.children):
            return False  # "denounce what Turnbull called North Korea's actions": the namer
        return node.dep_ == "ccomp" or node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONS for c in node.children)
    if dep == "conj":  # "relations with Congo and Costa Rica": the conjunct of a noun aimed
        return node.i != trigger.i and node.pos_ in ("NOUN", "PROPN")  # at is aimed at too; the
        # trigger's own or a verb's is another act ("the attack and the warnings")
    return dep in COMPLEMENT_DEPS


#: Participles whose "be … to" is a state of their subject, not a passive: "Israel is opposed
#: to French mediation" is Israel opposing it (no one opposed Israel).
STATIVE_TO = frozenset({"oppose"})


def _stative_passive(token: Token) -> bool:
    """Whether a participle with a "to" phrase and no "by" tells its subject's stance ("is
    opposed to"; the parse's passive auxiliary is not checked: "opposed to" with no agent is
    the stance in any tense)."""
    return token.tag_ == "VBN" and token.lemma_.lower() in STATIVE_TO and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in token.children) and not any(
        c.dep_ == "agent" for c in token.children)


def _names_actor(argument: EventArgument, spans: Spans) -> bool:
    mention = next((m for m in spans.mentions if m.start == argument.start or (
        m.end == argument.end and argument.start <= m.start)), None)  # or "Officer" + a name
    return argument.actor_id is not None or (mention is not None
                                             and mention.label in AGENT_ENTITIES)


def _complement_actor(token: Token, spans: Spans,
                      actors: list[EventArgument]) -> EventArgument | None:
    """The first actor named in the trigger's complement, nearest in the parse first: the
    event coders' rule that a verb's target is the first actor after it ("threatened to shell
    Iraqi towns", "offered aid to Mozambique", "demanded that Moscow withdraw"). Only through
    objects and directed prepositions: "a strike in Baghdad" has a place, not a target."""
    taken = [(a.start, a.end) for a in actors]
    start = [token]
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and not _blamed(token):
        start.append(token.head)  # "staged rallies to demand ...": the light verb's purpose
    frontier, seen = start, {t.i for t in start}
    while frontier:
        following = []
        for node in frontier:
            for child in node.children:
                if child.i in seen or child.i < token.i and not (
                        child.dep_ == "poss" and node.i != token.i):
                    continue  # before the trigger: its subject, unless a possessor inside
                    # the complement ("protest against Sweden's decision")
                if not _directed(child, node, token):
                    continue
                seen.add(child.i)
                mention = spans.at(child)
                if mention is not None and mention.label in AGENT_ENTITIES and not any(
                        a <= mention.start < b for a, b in taken) and not (
                        spans.names_an_accord(child)):
                    return EventArgument("target", mention.start, mention.end, mention.text,
                                         mention.actor_id, mention.canonical)
                following.append(child)
        frontier = sorted(following, key=lambda t: t.i)
    return None


#: Verbs that pin an act on someone: "linked the attack to Kataib Hezbollah", "blamed the
#: bombing on the militia" (the one blamed is the act's alleged actor, never its target).
BLAMING = {"link": "to", "tie": "to", "attribute": "to", "blame": "on", "pin": "on"}


def _blamed(token: Token) -> list[Token]:
    """Who an act is pinned on when the act is the object of a verb of blaming."""
    prep = BLAMING.get(token.head.lemma_.lower()) if token.dep_ in ("dobj", "nsubjpass") else None
    if prep is None:
        return []
    return [g for node in (token.head, token) for c in node.children  # wherever "on" hangs
            if c.dep_ == "prep" and c.lower_ == prep for g in c.children if g.dep_ == "pobj"]


def _noun_arguments(token: Token, is_killing: bool, spans: Spans) -> list[tuple[str, Token]]:
    found: list[tuple[str, Token]] = []
    for child in token.children:
        if child.dep_ == "poss" and is_killing and _a_person(child, spans):
            found.append(("victim", child))  # "Scott's death", "Saadi's assassination"
        elif child.dep_ == "poss" or child.dep_ in ("compound", "amod", "nmod") and (
                spans.at(child) is not None and not spans.names_an_accord(child)):
            found.append(("actor", child))
        elif child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ == "by" or (child.lower_ == "from"
                                        and token.lemma_.lower() in SOURCED_NOUNS):
                found.extend(("actor", c) for c in objects)  # "condemnation from Hezbollah"
            elif child.lower_ in ("on", "against", "targeting", "upon"):
                found.extend(("target", c) for c in objects if not a_time(c))  # not "on Monday"
            elif child.lower_ == "of" and is_killing:
                found.extend(("victim", c) for c in objects)
        elif child.dep_ in ("acl", "relcl") and child.lemma_.lower() == "target":
            found.extend(("target", c) for c in child.children if c.dep_ == "dobj")
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in RECEIVING and (
            token.lemma_.lower() in SOURCED_NOUNS):  # "the killing drew condemnation from
        found.extend(("actor", g) for p in head.children if p.dep_ == "prep"  # Hezbollah"
                     and p.lower_ == "from" for g in p.children if g.dep_ == "pobj")
        found.extend(("target", c) for c in head.children if c.dep_ == "nsubj")
    # "Israel mounted its invasion": a possessive pronoun's doer is the light verb's subject
    # where there is one (below), else the pronoun, resolved or not
    owners = [(r, t) for r, t in found if r == "actor" and t.tag_ == "PRP$"]
    found = [f for f in found if f not in owners]
    if token.dep_ in ("dobj", "pobj") and not any(r == "actor" for r, _ in found):
        verb = head.head if token.dep_ == "pobj" and head.dep_ == "prep" else head
        if verb.dep_ == "dobj":  # "admitted responsibility for a strike"
            verb = verb.head
        lemma = "stage" if verb.lower_ == "staged" else verb.lemma_.lower()  # the model's "stag"
        if verb.pos_ == "VERB" and (lemma in LIGHT_VERBS or lemma in PHASE_VERBS and (
                token.dep_ == "dobj" or head.lower_ == "of") or lemma in COMING and (
                head.lower_ == "for")):  # "declared a state of siege", "traveled to the
            # Capitol for a private meeting"
            found.extend(("actor", c) for c in verb.children if c.dep_ == "nsubj")
    if token.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in ("target", "hit"):
        found.extend(("target", c) for c in head.children if c.dep_ == "dobj")
    if token.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in HARMING \
            and not any(r == "actor" for r, _ in found):
        verb = head.head  # "guerrillas wounded two soldiers in a bomb attack": theirs,
        harmed = [c for c in verb.children if c.dep_ == "dobj"]  # and the soldiers its target
        if harmed:
            found.extend(("actor", c) for c in verb.children if c.dep_ == "nsubj")
            if not any(r in ("target", "victim") for r, _ in found):
                found.extend(("victim" if is_killing or verb.lemma_.lower() == "kill"
                              else "target", c) for c in harmed)
    if any(r == "actor" for r, _ in found) and not any(r == "target" for r, _ in found):
        found.extend(("target", c) for c in between(token) or (  # "launched a mediation
            between(head) if token.dep_ == "dobj" else []))  # effort between the Emirates
        # and Saudi Arabia", the phrase on the noun or on the verb that has it
    return found if any(r == "actor" for r, _ in found) else found + owners


#: Nouns of a meeting or an accord whose "between" phrase names its parties.
MEETINGS = frozenset({"meeting", "talk", "summit", "conference", "negotiation",
                      "dialogue", "mediation", "deal", "agreement", "accord", "truce",
                      "ceasefire", "reconciliation", "exchange", "swap", "contact"})


def between(noun: Token) -> list[Token]:
    """The parties a "between" phrase of a noun names ("mediation between Syria and Arafat",
    "a meeting between an Israeli peace movement and the PLO"): the first; its conjuncts follow
    with the role."""
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"
            for o in p.children if o.dep_ == "pobj" and not a_time(o)]


def _a_person(token: Token, spans: Spans) -> bool:
    """Whether a possessor names one person: a person's name, or a personal pronoun ("his
    killing"). A death's or a killing's possessor who is a person is the one killed; a state's or
    a group's ("Israel's killing of …") is the killer."""
    mention = spans.at(token)
    if mention is not None:
        return mention.label == "PERSON"
    return token.ent_type_ == "PERSON" or token.lower_ in ("his", "her")


def _of_objects(token: Token) -> list[Token]:
    return [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
            for c in p.children if c.dep_ == "pobj"]


def _with_conjuncts(found: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    result = list(found)
    for role, head in found:
        result.extend((role, c) for c in head.conjuncts if c.i > head.i)
    return result
