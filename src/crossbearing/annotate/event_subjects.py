"""Whose subject a verb without one of its own takes: a participle or a second verb shares its
head's subject, an infinitive its controller's, a gerund after "in", "by", "after" the subject
of the verb its phrase qualifies (adjunct control), a passive participle its head's passive
subject; and "it" or "they" in what a named subject says it will do is that subject. The event
coders' reading of who acted where the clause does not say (docs/events.md, "Arguments from
descriptions").
"""

from __future__ import annotations

from spacy.tokens import Token

from crossbearing.annotate.cues import STATEMENT_NOUNS
from crossbearing.annotate.event_senses import RELATIVE_TAGS, a_thing, a_time, to_infinitive


def shared_passive_subject(token: Token) -> list[Token]:
    """The passive subject a participle joined to a passive verb shares with it ("Scott was
    shot and killed by an officer"): none when it has a subject of its own."""
    if token.dep_ != "conj" or token.tag_ != "VBN" or any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in token.children):
        return []
    return [c for c in token.head.children if c.dep_ == "nsubjpass"]


#: Prepositions whose gerund shares the subject of the verb it qualifies ("in calling", "by
#: refusing", "after meeting").
ADJUNCT_PREPS = frozenset({"in", "by", "after", "before", "while", "upon"})


#: Verbs that report what their subject says it does or will do ("said they would boycott");
#: narrower than event_politics.SAYING_VERBS, which holds words of attack as well.
SAID_OF_ONESELF = frozenset({"say", "announce", "confirm", "declare", "state", "tell", "add",
                          "insist", "warn", "reiterate", "pledge", "vow", "promise"})


def speaker_subject(pronoun: Token) -> Token | None:
    """The subject of the verb of saying whose clause a subject "it" or "they" is the subject
    of, where that subject is no pronoun ("Radical French farmers said they would blockade
    Paris", "NATO confirmed it would tighten the blockade"): who says what they will do is who
    will do it. None elsewhere ("they" refers back further, or to things), and inside the
    quotation marks of the speaker's own words, where the speaker says "we" of himself."""
    if pronoun.lower_ not in ("it", "they") or pronoun.dep_ != "nsubj":
        return None
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SAID_OF_ONESELF:
        return None
    between = pronoun.doc[min(clause.head.i, pronoun.i):max(clause.head.i, pronoun.i)]
    if any(t.is_quote for t in between):
        return None  # "Trump told Fox that 'they hit Matt'": in the speaker's words, others
    return next((c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"),
                None)


def _clause_verb(preposition: Token) -> Token | None:
    """The verb a prepositional phrase qualifies, through the noun phrase it may hang on ("In
    brief remarks after meeting the president, Mr. Obama disputed …": disputed)."""
    head = preposition.head
    for _ in range(2):
        if head.pos_ == "VERB":
            return head
        if head.dep_ != "pobj" or head.head.dep_ != "prep":
            return None
        head = head.head.head
    return head if head.pos_ == "VERB" else None


def shared_subject(token: Token, depth: int = 0) -> list[Token]:
    """The subject a verb without one shares with the verb it hangs on: a participle clause
    ("Kataeb Hezbollah issued a rebuke on Friday, denouncing recent airstrikes": Kataeb
    Hezbollah denounced) or a second verb of one subject ("the secretary general saluted the
    martyr and conveyed his condolences"). Not a clause of purpose or a complement ("urged its
    allies to join"), whose subject is someone else, nor the subject of a passive, who
    suffered rather than acted. An infinitive hung on a verb with no object of its own takes
    that verb's subject ("Sarah Palin weighed in to defend the movement", "the senator moved to
    block the nomination", "the group vowed to attack": subject control); with an object, the
    object is its subject ("urged its allies to join") and none is taken. A gerund after a
    preposition of manner or time takes the subject of the verb it qualifies ("Romney joined
    other Republicans in calling on Akin", "responded by calling for calm", "after meeting
    the leaders", also through the noun phrase the gerund's phrase hangs on: "In brief remarks
    after meeting the president, Mr. Obama disputed …": adjunct control), but not one after
    "of", "for" or "with", whose subject is the object ("accused Clinton of lying",
    "criticized him for voting"). The copula's subject does the infinitive of a predicate
    adjective of will (:func:`adjective_controller`), the issuer says what a participle on a
    statement issued says (:func:`issued_with`), the announcer carries out the plan announced
    (:func:`own_plan`)."""
    clause = _clause_verb(token.head) if token.head.lower_ in ADJUNCT_PREPS else None
    adjunct = token.tag_ == "VBG" and token.dep_ == "pcomp" and clause is not None
    judged = judged_for(token)
    if judged is not None:
        return [judged]
    if adjunct:
        head = clause
    elif (controller := adjective_controller(token) or issued_with(token)
          or own_plan(token)) is not None:
        head = controller
    elif token.tag_ == "VBG" and token.dep_ == "advcl" or (
            token.dep_ == "conj" and token.head.pos_ == "VERB") or controlled_infinitive(token):
        head = token.head
    else:
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
        return []
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
        return []
    # A relative pronoun stands for its antecedent where that is a name ("Officer Betty
    # Shelby, who shot and killed": Shelby; not "a serial liar and birther who has pledged to
    # ban", a description); of other pronouns, a person's (resolved where the argument is read)
    # or the speaker's own "it" and "they" ("Militants said they attempted to …"); no thing
    # after a preposition ("the bill allows … in denying").
    antecedent = head.head
    named = head.dep_ == "relcl" and antecedent.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and (
        not (antecedent.dep_ == "pobj" and antecedent.head.lower_ == "of"))
    # not "the widow of Terence Crutcher, who flew …" (the clause may be the widow's)
    found = [head.head if c.tag_ in RELATIVE_TAGS and named else c
             for c in head.children if c.dep_ == "nsubj" and (
                 c.pos_ != "PRON" or c.lower_ in ("he", "she") or speaker_subject(c) is not None
                 or c.tag_ in RELATIVE_TAGS and named)
             and not (adjunct and a_thing(c))]
    if not found and head.tag_ == "VBG" and head.dep_ == "pcomp" and depth < 2:
        return shared_subject(head, depth + 1)  # "by calling for calm after meeting them"
    return found


#: Verbs that judge, charge or reward someone for an act, told by a gerund after "for", "of" or
#: "with": the one judged did it ("criticized the officer for shooting", "accused him of
#: ordering", "was charged with killing").
JUDGING = frozenset({"accuse", "arrest", "blame", "charge", "condemn", "convict", "criticize",
                     "criticise", "fault", "fine", "indict", "praise", "prosecute", "punish",
                     "sentence", "sue", "thank", "detain", "jail", "credit", "commend",
                     "denounce", "rebuke", "reprimand", "suspend", "investigate", "acquit",
                     "censure"})  # not "fire" ("fired tear gas at them for blocking") or "try"


def judged_for(token: Token) -> Token | None:
    """The one judged for the act a gerund names: the object of a verb of judgement whose
    "for"/"of"/"with" phrase it heads, or that verb's passive subject ("criticized police
    officer Betty Shelby for shooting and killing Terence Crutcher", "Shelby was charged with
    killing him": Shelby shot); a second gerund joined to the first shares it. None elsewhere,
    and for a gerund with a subject of its own ("blamed the storm for his car crashing")."""
    first = token.head if token.dep_ == "conj" and token.head.tag_ == "VBG" else token
    if token.tag_ != "VBG" or first.dep_ != "pcomp" or first.head.lower_ not in (
            "for", "of", "with") or any(c.dep_ in ("nsubj", "poss") for c in token.children):
        return None
    verb = first.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in JUDGING:
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    wanted = "nsubjpass" if passive else "dobj"
    return next((c for c in verb.children if c.dep_ == wanted and c.tag_ not in RELATIVE_TAGS
                 and not a_thing(c)), None)


def controlled_infinitive(token: Token) -> bool:
    """An infinitive ("to defend") that complements or gives the purpose of a verb with no
    object ("weighed in to defend", "vowed to attack"): its subject is the verb's. An object
    after a preposition is the infinitive's subject instead ("called on Dean to apologize",
    "appealed to the rebels to lay down arms", "waited for the police to leave"). A clause of
    purpose (the parse's ``advcl``) after a verb with an object keeps the subject's control
    ("Christopher telephoned Kozyrev to discuss efforts", "shunned work on Monday to
    protest"), but not after a verb that makes or asks its object act ("urged the rebels to
    lay down arms", "forced them to flee"), whose object is the infinitive's subject."""
    head = token.head
    if not (token.dep_ in ("xcomp", "advcl") and head.pos_ == "VERB" and head.i != token.i
            and to_infinitive(token)):
        return False
    asked = any(c.dep_ in ("dative", "iobj") or c.dep_ == "prep" and c.lower_ in (
        "on", "upon", "to", "for", "with") and c.i < token.i and not any(
            a_time(o) for o in c.children if o.dep_ == "pobj") for c in head.children)
    if token.dep_ == "advcl" and head.lemma_.lower() not in MAKING_ACT:
        return not asked
    return not asked and not any(c.dep_ == "dobj" and c.lemma_.lower() not in INTENDED
                                 for c in head.children)


#: Nouns of an intention whose infinitive is still to be done, by whoever holds it ("announced
#: plans to give", "an offer to mediate"): as an object, no one else to do it.
INTENDED = frozenset({"plan", "intention", "bid", "goal", "aim", "proposal", "offer", "promise",
                      "pledge", "threat", "readiness", "willingness"})
#: Verbs whose object does what their infinitive says (object control: "urged the rebels to
#: lay down arms", "allowed inspectors to enter").
MAKING_ACT = frozenset({
    "urge", "ask", "order", "force", "compel", "oblige", "allow", "permit", "enable", "help",
    "encourage", "tell", "invite", "persuade", "pressure", "press", "push", "call", "instruct",
    "direct", "require", "lead", "cause", "get", "want", "expect", "warn", "advise", "beg",
    "implore", "appeal", "authorize", "authorise", "empower", "mandate", "prompt", "inspire",
    "drive", "pressurize", "pressurise", "challenge", "dare", "teach", "train", "recruit",
    "hire", "send", "deploy", "dispatch", "use", "need"})


#: Predicate adjectives whose subject is not the doer of their infinitive: the subject is
#: what the infinitive is done to ("the town is hard to reach") or they judge an act ("it is
#: important to talk").
NOT_CONTROLLING = frozenset({
    "hard", "easy", "difficult", "impossible", "tough", "simple", "safe", "dangerous",
    "costly", "expensive", "cheap", "necessary", "important", "possible", "illegal", "legal",
    "wrong", "right", "crucial", "vital", "essential", "unusual", "rare", "common", "enough",
    "fit", "unfit", "good", "bad", "nice", "fair", "unfair", "unlawful", "lawful", "useful",
    "time", "ripe", "premature", "late", "early", "wise", "unwise", "smart", "foolish"})


def adjective_controller(token: Token) -> Token | None:
    """The verb whose subject does an infinitive complementing a predicate adjective of will,
    readiness or ability ("the rebels are ready to release the hostages", "Syria says it is
    willing to withdraw", "the government is determined to crush the revolt"): the copula,
    which holds that subject. None for the adjectives whose subject undergoes or judges the
    act (``NOT_CONTROLLING``: "the town is hard to reach")."""
    adjective = token.head
    if (token.dep_ != "xcomp" or not to_infinitive(token) or adjective.dep_ != "acomp"
            or adjective.pos_ != "ADJ" or adjective.lemma_.lower() in NOT_CONTROLLING):
        return None
    return adjective.head if adjective.head.pos_ in ("AUX", "VERB") else None


#: Verbs by which one makes an intention one's own: who announces a plan carries it out.
OWN_PLANS = frozenset({"announce", "unveil", "make", "present", "outline", "draw", "submit",
                       "issue", "launch", "have", "adopt", "approve", "propose", "put"})
#: Verbs by which one issues a statement of one's own (not "carried", "published" or "posted",
#: which a medium does with another's: "the news agency carried a statement condemning …").
ISSUING = frozenset({"issue", "release", "put", "sign"})


def own_plan(token: Token) -> Token | None:
    """The verb by which its subject made the intention an infinitive completes its own ("the
    minister announced a plan to deploy troops", "unveiled a proposal to cut taxes"); not one
    received ("rejected an offer to negotiate": the offer is another's)."""
    noun = token.head
    if (token.dep_ != "acl" or not to_infinitive(token) or noun.lemma_.lower() not in INTENDED
            or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in OWN_PLANS):
        return None
    return noun.head


def issued_with(token: Token) -> Token | None:
    """The verb of issuing whose document a participle describes: its subject says what the
    participle says ("The Kurdistan Workers' Party issued a declaration demanding that …",
    "released a statement condemning the raid")."""
    document = token.head
    if (token.tag_ != "VBG" or token.dep_ != "acl" or document.dep_ != "dobj"
            or document.lemma_.lower() not in STATEMENT_NOUNS
            or document.head.lemma_.lower() not in ISSUING):
        return None
    return document.head
