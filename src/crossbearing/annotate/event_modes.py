"""The mode of an event mention read off the parse: did it happen (``asserted``), or is it
threatened or intended (``future``), only possible, asked or staged (``hypothetical``),
suspended (``suspended``) or denied (``negated``). A negation or a modal on the trigger or on
the verb it is the object of, a word of intending, suspending or refusing that governs it, a
condition, a question, "without", "ahead of" (see :func:`mode`).
"""

from __future__ import annotations

from spacy.tokens import Token

from crossbearing.annotate.event_args import CONDITIONS, LIGHT_VERBS
from crossbearing.annotate.event_senses import to_infinitive
from crossbearing.annotate.event_subjects import INTENDED
from crossbearing.annotate.event_unrealised import (
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    TRIED_FOR,
    unrealised,
)

#: Words that say the event did not (yet) happen, and what mode they give what they govern.
FUTURE_HEADS = frozenset({"threaten", "vow", "warn", "pledge", "plan", "intend", "resume",
                          "promise", "prepare", "seek", "want", "urge", "demand", "threat",
                          "plot", "aim", "expect", "consider", "call", "ask", "press", "push",
                          "insist", "purpose", "goal", "intention", "bid", "mission", "like",
                          "wish", "hope", "offer", "propose", "agree", "swear", "need"})
#: Verbs whose passive in the present tells a meeting or a visit still to come.
SCHEDULED = frozenset({"plan", "schedule", "set", "slate", "expect"})
#: Of those, heads that govern only what they ask for ("called for his resignation", "asked
#: him to withdraw"), not their object ("called the attack a crime").
ASKING_HEADS = frozenset({"call", "ask", "press", "push", "insist"})
SUSPEND_HEADS = frozenset({"suspend", "pause", "halt", "stop", "end", "cease", "freeze",
                           "suspension", "ceasefire", "truce", "postpone", "delay", "cancel"})
#: Verbs that break off talks, aid or support: their verbal object is suspended.
BROKEN_OFF = frozenset({"suspend", "halt", "stop", "cease", "freeze", "cancel", "end",
                        "break"})
#: Words that deny the act they govern: "refused to discuss it", "declined to meet".
REFUSING_HEADS = frozenset({"refuse", "decline", "fail", "reject", "refusal", "deny"})
#: Dependencies through which a governing verb's modal reaches an act: its object, its open
#: complement, a verb joined to them ("could include indicting the hackers and imposing
#: sanctions"), what an attempt was for (``acl``, climbed only by :func:`_attempted`); not a
#: preposition's object, an adjunct ("will extend the curfew in response to recent unrest":
#: the unrest happened), nor a clause of its own.
MODAL_SCOPE = frozenset({"dobj", "xcomp", "conj", "nsubjpass", "acl"})
#: Verbs that keep an act from happening: "an attempt to assassinate the deputy governor was
#: thwarted" (ACLED: disrupted, no attack), "police foiled a plot to bomb the station".
PREVENTING_HEADS = frozenset({"thwart", "foil", "avert", "forestall"})
#: Verbs that bring about the act their object names: failing or refusing to "reach an
#: agreement" is no agreement, while refusing to "lift the curfew" leaves the curfew.
BRINGING_ABOUT = frozenset({"reach", "conclude", "find", "strike", "sign", "hold", "make"})
#: Verbs that stage an act without doing it: "simulated an attack on the island", "rehearsed a
#: strike", "feigned a retreat" (an exercise or a pretence, nothing happened).
PRETENDING_HEADS = frozenset({"simulate", "rehearse", "feign", "fake", "mimic", "pretend"})
#: Verbs of aspect: what they govern is in their mood ("expects them to continue calling").
ASPECTUAL = frozenset({"continue", "keep", "start", "begin"})
#: Adjectives of possibility or disposition whose infinitive tells no act done ("difficult to
#: attack", "likely to meet", "ready to strike", "willing to negotiate").
MODAL_ADJECTIVES = frozenset({
    "difficult", "hard", "easy", "impossible", "possible", "likely", "unlikely", "able",
    "unable", "ready", "willing", "unwilling", "eager", "reluctant", "prepared", "free",
    "tough", "necessary", "important", "wise", "unwise", "crucial", "essential", "tempting",
    "inclined", "hesitant", "keen", "determined", "poised", "expected", "early", "premature"})
#: Adjectives of need that an extraposed infinitive's "it is" governs ("it is vital to support
#: them"): what is needed is still to be done.
NEEDED = MODAL_ADJECTIVES | frozenset({"critical", "vital", "imperative", "urgent"})
#: Adjectives of frequency: in the present, an extraposed infinitive they govern is a kind of
#: act ("it is hardly unusual for presidents to offer posts"); in the past it may tell one
#: ("it was unusual for him to attack").
USUAL = frozenset({"unusual", "usual", "common", "uncommon", "rare", "normal", "typical",
                   "customary", "routine"})
#: Nouns of ability, chance or permission: the act their infinitive names may be done, it is not
#: told as done ("the right to protest", "a chance to negotiate", "the capability to strike").
MODAL_NOUNS = frozenset({"ability", "capability", "capacity", "chance", "opportunity", "right",
                         "power", "freedom", "permission", "authority", "option", "leeway"})
#: Nouns of a risk, a prospect, a chance or an idea: the act their "of" names may come, it is
#: not told as done ("the security risk of accepting refugees", "the prospect of striking
#: Iran", "any chance of threatening the United States", "the wisdom of committing to Scott").
RISK_NOUNS = frozenset({"risk", "danger", "possibility", "prospect", "likelihood", "spectre",
                        "specter", "idea", "notion", "wisdom", "chance", "odds"})
#: Nouns of claiming: what their clause says is alleged ("the claim that he had refused").
CLAIM_NOUNS = frozenset({"claim", "allegation", "assertion", "accusation", "charge", "rumor",
                         "rumour", "suggestion", "contention", "speculation", "theory",
                         "insinuation", "notion"})
#: Nouns of asking: the act their infinitive names is asked for ("a call for the United States
#: to accept more refugees", "an appeal to the rebels to lay down arms").
ASKING_NOUNS = frozenset({"call", "appeal", "demand", "request", "plea", "push", "ultimatum",
                          "pressure"})
_ASKED_OR_INTENDED = INTENDED | ASKING_NOUNS
#: Verbs whose object comes about by them: a modal on the verb reaches it ("would request an
#: investigation", "could hold talks"); others take a thing that is there ("could justify the
#: lawsuit").
MAKING = LIGHT_VERBS | frozenset({"request", "order", "authorize", "seek", "propose"})
#: Verbs that stop, refuse or prevent what they govern: their own rules give its mode.
UNDOING = SUSPEND_HEADS | REFUSING_HEADS | PREVENTING_HEADS | PRETENDING_HEADS
#: Words before a noun of an act that tell it is still to come or only possible ("the planned
#: deployment", "a proposed visit", "the possible granting of aid").
NOT_YET = frozenset({"planned", "proposed", "intended", "expected", "possible", "potential",
                     "prospective", "upcoming", "future", "forthcoming", "impending",
                     "scheduled", "contemplated", "mooted", "hypothetical", "eventual"})
#: Words that open a condition whose contents are not told as done (``until`` sets a time).
IF_WORDS = frozenset({"if", "unless"})
#: Verbs of saying: climbing past one, a mode no longer applies ("said it would" is the saying).
SAYING = frozenset({"say", "state", "tell", "announce", "report", "claim", "add", "note"})
#: Dependencies of a trigger on a verb whose modal or negation applies to it.
CORE_DEPS = frozenset({"nsubjpass", "dobj", "xcomp"})
#: Dependencies along which a governing word's meaning reaches the trigger.
GOVERNED_DEPS = frozenset({"dobj", "pobj", "pcomp", "prep", "xcomp", "nsubjpass", "ccomp",
                           "conj"})
#: Prepositions through which a governing word reaches: "a pause in attacks", "threat of war".
GOVERNING_PREPS = frozenset({"in", "of", "on", "to", "with", "for"})
#: Verbs after which "if" opens a question asked, not a condition ("asked if the strike was
#: the last", "wondered if the talks would resume").
ASKING_IF = frozenset({"ask", "wonder", "inquire", "enquire", "question", "know", "see",
                       "check", "decide", "doubt", "determine", "say", "tell"})
#: Words that open a yes/no question.
QUESTION_AUX = frozenset({"did", "do", "does", "is", "are", "was", "were", "will", "would",
                          "could", "can", "has", "have", "had", "should", "shall", "may",
                          "might"})


def _subjunctive(token: Token) -> bool:
    """A verb in the mandative subjunctive: a bare form with a subject of its own, no
    auxiliary, after "that" ("demanded that Israel ease restrictions", "insisted that he
    resign"): what is asked or proposed, not done. A plural or "I"/"you" subject reads as a
    present ("that they withdraw"), which the parse tags apart."""
    return token.tag_ == "VB" and any(c.dep_ == "mark" and c.lower_ == "that"
                                      for c in token.children) and any(
        c.dep_ == "nsubj" for c in token.children) and not any(
        c.dep_ in ("aux", "auxpass") for c in token.children)


def mode(token: Token, family: str = "violent") -> str:
    """``asserted``, ``future``, ``hypothetical``, ``suspended`` or ``negated``, in this order
    of tests: a yes/no question asked, "without", "is going to", "ahead of", "no sign of", a
    refusing verb's infinitive, a modal adjective's infinitive, a condition, a negation or a
    modal on the trigger or on the verb it is the subject or object of; then, climbing the
    words that govern it, one of suspending, intending, staging ("simulated"), preventing
    ("thwarted") or refusing through a verb that brings it about ("failed to reach
    agreement"), or a modal reaching it through objects and complements. A verbal act as a
    light verb's object is as done as that verb. Also: an "it is" of need or frequency ("it is
    vital to support them"), a noun of ability's infinitive ("the right to protest"), a clause
    joined to a condition, a noun "planned" or "proposed", and last a modal or an intention
    reaching the act through infinitives, purposes, a shared auxiliary or a gerund subject
    (:func:`_modal_above`)."""
    if _yes_no_question(token):
        return "hypothetical"  # "Did you shoot him?" asks, asserts nothing
    if _without(token):
        return "negated"  # "without having to make any concessions": not done
    if token.dep_ == "xcomp" and token.head.lower_ == "going" and to_infinitive(token) and not any(
            c.dep_ == "neg" for c in token.head.children):
        return "future"  # "is going to defend himself", "how many are going to die"
    if token.pos_ == "NOUN" and _ahead_of(token):
        return "future"  # "on the eve of a visit here by Yasser Arafat": still to come
    if _of_no(token):
        return "negated"  # "showed no sign of backing down", "no intention of attacking"
    if token.head.lemma_.lower() in REFUSING_HEADS and (token.dep_ == "xcomp" or (
            token.dep_ in ("advcl", "acl") and any(c.lower_ == "to" for c in token.children))):
        return "negated"  # "refused to discuss it", "declined for months to meet", "the
        # government's refusal to accept"
    if _subjunctive(token):
        return "future"  # "reiterated its demand that Israel ease restrictions": asked
    if token.dep_ in ("xcomp", "advcl") and to_infinitive(token) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _ASKED_OR_INTENDED and c.i < token.i
            for c in token.head.children):
        return "future"  # "announced plans this week to give $15 million": the plans' (the
        # parse hangs the infinitive on the verb); "kept up pressure on Steele to apologize"
    if (governed := _noun_mode(token)) is not None:
        return governed  # "a call for the United States to accept": asked; "the right to
        # protest", "the risk of accepting refugees": may be done
    if _under_modal_adjective(token) or _extraposed(token):
        return "hypothetical"  # "difficult for Trump to attack them", "it is vital to
        # support them"
    if _in_a_condition(token):
        return "hypothetical"  # "if he does follow through and the veto is overridden"
    if (told := unrealised(token)) is not None:
        return told  # "demanded a truce before allowing aid convoys", "steering clear of
        # criticizing", "are set to host", "return to Geneva for talks", "a letter to share"
    if token.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.lower_ in NOT_YET
                                    for c in token.children):
        return "future"  # "the planned deployment", "a proposed visit": still to come
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in ("during", "at"):
        verb = token.head.head  # "will elect a chairman during its meeting in January"
        if verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX
                                                for c in verb.children):
            return "future"  # the occasion of an act still to come is to come
    nearest = [token]
    head = token.head
    if head.i != token.i and (token.dep_ in CORE_DEPS or (
            token.dep_ == "nsubj" and head.lemma_.lower() in ("happen", "occur", "succeed"))):
        nearest.append(head)
    if token.dep_ == "nsubj" and head.i != token.i and head.dep_ == "advcl" and (
            head.head.lemma_.lower() not in ASKING_IF) and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONS for c in head.children):
        return "hypothetical"  # a subject in a condition: "if the president's veto were
        # overridden" (not in a question asked: "asked if the Wednesday strike was the last")
    for word in nearest:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in word.children):
            return "hypothetical"  # "unless Washington withdraws its troops"
        for child in word.children:
            if child.dep_ == "neg" or (child.dep_ in ("nsubjpass", "dobj") and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in child.children)) or (
                    child.dep_ in ("nsubj", "nsubjpass") and any(
                        d.dep_ in ("det", "preconj") and d.lower_ == "neither"
                        for d in child.children)):
                return "negated"  # "did not strike", "no civilians were killed", "neither
                # Clinton nor her allies have been charged"
            if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
                return "future"
            if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUX:
                return "hypothetical"
    if family == "verbal":  # "plans to visit Charlotte", "hopes to meet": intended, not done
        head = token.head
        if token.dep_ == "nsubjpass" and head.lemma_.lower() in SCHEDULED and any(
                c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'s") for c in head.children):
            return "future"  # "the meeting at Trump Tower is planned for Friday"
        if token.dep_ == "dobj" and head.lemma_.lower() in BROKEN_OFF and (
                head.lemma_.lower() != "end" or token.tag_ == "NNS"):
            return "suspended"  # "ended mediation efforts", "suspended talks"; not "ended
            # his three-day visit", which went its course
        if token.dep_ == "dobj" and head.pos_ in ("VERB", "AUX") and (
                head.lemma_.lower() in LIGHT_VERBS) or token.dep_ == "xcomp" and (
                head.lemma_.lower() in ASPECTUAL and to_infinitive(head)):
            return mode(head, family)  # "needs to make appeals", "expects the campaign to
            # continue calling out": as the making, the continuing is
        if token.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() not in SAYING:
            if head.lemma_.lower() in FUTURE_HEADS:
                return "future"
            for aux in (c for c in head.children if c.dep_ == "aux"):
                if aux.lower_ in FUTURE_AUX:
                    return "future"  # "legislation that would allow families to sue"
                if aux.lower_ in HYPOTHETICAL_AUX:
                    return "hypothetical"
        return _modal_above(token)
    current, core, through = token, True, None
    for _ in range(4):
        if current.head.i == current.i or not (current.dep_ in GOVERNED_DEPS
                                                or _purpose_clause(current)
                                                or _attempted(current)):
            break
        if current.dep_ == "prep" and current.lower_ not in GOVERNING_PREPS:
            break
        step = current.dep_
        if current is not token:
            through = current.lemma_.lower()  # the verb between the act and this head
        current = current.head
        lemma = current.lemma_.lower()
        if lemma in SAYING:
            break
        if lemma in ASKING_HEADS and step in ("dobj", "nsubjpass"):
            break
        if lemma in SUSPEND_HEADS:
            return "suspended"
        if lemma in FUTURE_HEADS:
            return "future"
        if lemma in PRETENDING_HEADS:
            return "hypothetical"  # "simulated an attack": an exercise, not an attack
        if lemma in PREVENTING_HEADS:
            return "negated"  # "an attempt to … was thwarted", "foiled a plot to bomb"
        core = core and step in MODAL_SCOPE
        if core and lemma in REFUSING_HEADS and step == "xcomp" and through in BRINGING_ABOUT:
            return "negated"  # "failed to reach agreement" ("rejected an offer": made)
        if core:  # a modal scopes over the verb's objects and complements, not its adjuncts
            auxes = {c.lower_ for c in current.children if c.dep_ == "aux"}
            if auxes & HYPOTHETICAL_AUX:
                return "hypothetical"  # "That could include … imposing sanctions"
            if auxes & FUTURE_AUX:
                return "future"
    return _modal_above(token)


#: Phrases whose object lies ahead of the time they set ("ahead of the summit", "on the eve
#: of a visit"), by the word before "of", "to" or "for" and the word that ends them.
AHEAD = {("ahead", "of"), ("eve", "of"), ("runup", "to"), ("anticipation", "of"),
         ("preparation", "for"), ("preparations", "for")}


def _without(token: Token) -> bool:
    """Whether "without" governs the act, directly or through the verb that takes it ("without
    a fight", "without having to make any concessions", "without consulting Congress"): an
    act not done."""
    node = token
    for _ in range(4):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "without":
            return True
        if node.dep_ not in ("dobj", "xcomp", "pobj", "pcomp", "prep"):
            return False
        node = node.head
    return False


def _ahead_of(token: Token) -> bool:
    """Whether a noun of an act is the object of a phrase that sets a time before it ("ahead of
    the summit", "on the eve of a visit", "in the run-up to the vote", "in preparation for
    talks"): the act is still to come when the sentence's own act happens."""
    prep = token.head
    if token.dep_ != "pobj" or prep.i == token.i:
        return False
    word, doc = prep.head, token.doc
    if word.lower_ == "up" and word.i >= 2 and doc[word.i - 2].lower_ == "run":
        return prep.lower_ == "to"  # "in the run-up to": spaCy splits "run", "-", "up"
    return (word.lower_, prep.lower_) in AHEAD


def _under_modal_adjective(token: Token) -> bool:
    """Whether the trigger is an infinitive that an adjective of possibility or disposition
    governs ("difficult to attack", "unlikely to meet", "ready to strike"): what could or
    might be done, not what was done ("was quick to condemn" asserts, and is not listed)."""
    return (token.dep_ in ("xcomp", "ccomp", "advcl") and token.head.pos_ == "ADJ"
            and token.head.lemma_.lower() in MODAL_ADJECTIVES
            and to_infinitive(token))


def _attempted(token: Token) -> bool:
    """An infinitive that names what an attempt or a plot was for ("an attempt to assassinate
    the governor"): what governs the attempt governs the act."""
    return token.dep_ == "acl" and token.head.lemma_.lower() in TRIED_FOR and to_infinitive(token)


def _purpose_clause(token: Token) -> bool:
    """An infinitive of purpose or intent hung on its verb ("vowed on Thursday to target US
    bases"), not a clause of time or cause ("after they attacked")."""
    children = list(token.children)
    return (token.dep_ == "advcl" and not any(c.dep_ == "mark" for c in children)
            and to_infinitive(token))


def _of_no(token: Token) -> bool:
    """Whether the trigger hangs on "of" after a noun that "no" denies ("no sign of backing
    down", "no plans of withdrawing")."""
    if token.dep_ not in ("pcomp", "pobj") or token.head.lower_ != "of":
        return False
    noun = token.head.head
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _yes_no_question(token: Token) -> bool:
    """Whether the trigger's sentence is a yes/no question ("Did you shoot him?", "Will they
    strike again?")."""
    if not token.sent.text.rstrip().rstrip("\"'”’").endswith("?"):
        return False
    words = [t for t in token.sent if not t.is_punct]
    if words and words[0].lower_ in QUESTION_AUX:
        return True
    verb = token if token.pos_ in ("VERB", "AUX") else token.head  # "Do you support …?"
    auxes = [c.i for c in verb.children if c.dep_ == "aux" and c.lower_ in QUESTION_AUX]
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not (auxes and subjects) or min(auxes) > min(subjects):
        return False
    # "Why did Israel strike Rafah?" takes the strike as done: a wh-question asks about it
    return not any(t.tag_ in ("WDT", "WP", "WRB") for t in token.sent if t.i < min(auxes))


def _modal_above(token: Token) -> str:
    """The mode a modal or an intention above the trigger gives it through the links that
    share a verb's mood (:func:`_shares_mood`): "should do the right thing and denounce this",
    "would blockade Paris to demand an end", "lifting the cap would make …", "it would not cost
    much to request an investigation", "we need to do everything we can to support them".
    An infinitive, a purpose, a bare verb joined to another and a gerund subject are in the
    mood of their verb (Huddleston and Pullum 2002: a modal's scope is its clause; what is
    wished, needed or planned is irrealis); a clause with a subject or a tense of its own ("said
    he would order a review and warned against hackers") is not."""
    node = token
    for _ in range(4):
        head = node.head
        if head.i == node.i or not _shares_mood(node, node is token):
            return "asserted"
        lemma = head.lemma_.lower()
        if lemma in SAYING:
            return "asserted"
        auxes = {c.lower_ for c in head.children if c.dep_ == "aux"}
        if auxes & HYPOTHETICAL_AUX:
            return "hypothetical"
        if auxes & FUTURE_AUX:
            return "future"
        if lemma in FUTURE_HEADS and node.dep_ == "xcomp":
            return "future"  # "planned to return to the Hill to meet with Democrats"
        if lemma in UNDOING:
            return "asserted"  # "threatened to stop negotiations": the words above decide
        node = head
    return "asserted"


def _shares_mood(node: Token, first: bool) -> bool:
    """Whether a word takes the mood of the verb it hangs on: an infinitive complement or of
    purpose, a gerund subject, a bare verb joined to it with no subject or auxiliary of its own
    (the shared auxiliary of "should change the laws rather than criticize him"), and, for the
    trigger itself, a noun that a verb of making or asking makes its object ("would request
    an investigation"; not "could justify the lawsuit", which was filed)."""
    dep = node.dep_
    if dep == "xcomp" or _purpose_clause(node):
        return True
    if dep == "csubj":
        return node.tag_ == "VBG"
    if dep == "conj":
        return node.tag_ == "VB" and node.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.lower_ != "to"
            for c in node.children)
    return first and dep == "dobj" and node.pos_ == "NOUN" and (
        node.head.lemma_.lower() in MAKING)


def _extraposed(token: Token) -> bool:
    """Whether the trigger is the infinitive an "it is" of need governs ("it is critical to
    support the first responders"), or, in the present, one of frequency ("it is hardly
    unusual for presidents to offer posts"): a duty or a kind of act, no act done."""
    head = token.head
    if token.dep_ not in ("xcomp", "advcl", "ccomp") or not to_infinitive(token):
        return False
    if not (head.lemma_.lower() == "be" or head.lower_ in ("’s", "'s")) or not any(
            c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children):
        return False
    words = {c.lemma_.lower() for c in head.children if c.dep_ == "acomp"}
    return bool(words & NEEDED) or (bool(words & USUAL) and head.tag_ in ("VBZ", "VBP"))


#: Verbs of consenting to something still to come: "agreed to US mediation", "consented to talks".
CONSENTING = frozenset({"agree", "consent", "accede", "assent", "commit"})


def _noun_mode(token: Token) -> str | None:
    """The mode a noun gives the act it governs, or None: a noun of asking's infinitive is
    asked for, ``future`` as after "called for … to" ("sounded a call for the United States to
    accept more refugees"); the infinitive of a noun of ability, chance or permission ("the
    right of the troops to fire", "a chance to negotiate") and what a noun of risk or of an idea
    is "of" ("the risk of accepting refugees") may be done: ``hypothetical``; so is what the
    clause of a noun of claiming holds ("allegations that police beat protesters", "the claim
    that Crutcher had refused"): alleged, not told; what one agrees or consents "to" is to come."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in CONSENTING:
        # "Barak has agreed to US mediation": to come; "accede to Obama's demand": made
        made = token.lemma_.lower() in ASKING_NOUNS or any(c.dep_ == "poss"
                                                           for c in token.children)
        return None if made else "future"
    if token.dep_ == "pcomp" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return "hypothetical" if head.head.lemma_.lower() in RISK_NOUNS else None
    if token.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and (
            head.lemma_.lower() in CLAIM_NOUNS) and not to_infinitive(token):
        return "hypothetical"  # "allegations that police beat protesters": alleged, not told
    if token.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and (
            head.lemma_.lower() in ASKING_NOUNS):
        return "future"  # "its demands that the government grant the Hutu majority …"
    if head.pos_ != "NOUN" or not to_infinitive(token):
        return None
    noun = head.lemma_.lower()
    if token.dep_ in ("acl", "advcl", "relcl") and noun in ASKING_NOUNS:
        return "future"
    if token.dep_ in ("acl", "advcl") and noun in MODAL_NOUNS:
        return "hypothetical"
    return None


def _in_a_condition(token: Token) -> bool:
    """Whether the trigger is a verb joined to an open condition's verb, or its subject ("if
    the president signs it and the boycott is lifted", "if the president does follow through
    and the veto is overridden"): a condition supposes, it tells nothing done. (The object of
    a preposition there may be done: "if he follows through on his veto threat" — the threat
    was made.)"""
    head = token.head
    if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
        past = token.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                          for c in token.children)
        # "if Congress passes it and urged lawmakers …" (misread): a past tense is told
        return not past and _open_condition(head)
    return (token.dep_ in ("nsubj", "nsubjpass") and head.dep_ == "conj"
            and _open_condition(head.head))


def _open_condition(verb: Token) -> bool:
    """Whether a verb heads an open condition: "if" or "unless" on it, in the present or with
    "do" ("if it goes ahead", "if he does follow through"), not after a verb of asking ("asked
    if the strike was the last"); a past "if … was" may grant a fact ("if his goal was to
    …")."""
    if verb.dep_ != "advcl" or verb.head.lemma_.lower() in ASKING_IF:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in IF_WORDS for c in verb.children):
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.lower_ in ("do", "does") for c in verb.children)
