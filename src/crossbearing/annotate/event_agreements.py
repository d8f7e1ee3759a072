"""What an agreement is: PLOVER's AGREE is agreeing to, accepting or offering a request, a
demand, a proposal or an act, or signing a formal agreement; the words that say it also say
other things. "A good deal of work" is an amount; "all agreed that Pence won" or "agreed with
Matthews" is concurring in a view; "signed up to take part" is joining, "signed the bill into
law" enacting a law, "a letter signed by 90 faculty members" or "signed onto a letter" saying
something; "accepted the reality that …" or "we are accepted within the fabric of America" is
holding a view or being welcomed; "offered his doubts", "offered condolences", "offered
support" is saying a view or backing someone (backing is its own event); "as opposed to" is a
contrast, no refusal. None of these is an agreement between parties, and ACLED's "Agreement"
(ceasefires, peace deals, prisoner exchanges) is none of them. docs/events.md has the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crossbearing.annotate.event_phrases import PEOPLE

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Adjectives of "a good deal" / "a great deal": an amount ("a good deal of reclamation work").
AMOUNT_WORDS = frozenset({"good", "great"})
#: Nouns of an agreement made: the act is told by a verb of making (:data:`MAKING`).
AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "pact", "treaty", "compromise"})
#: Verbs that make, give or take an agreement: "reached a deal", "the accord signed in 2001",
#: "got an immunity agreement", "offered a deal".
MAKING = frozenset({
    "reach", "strike", "sign", "conclude", "seal", "clinch", "broker", "negotiate", "hammer",
    "cut", "make", "forge", "announce", "finalize", "finalise", "secure", "ink", "initial",
    "approve", "ratify", "accept", "enter", "agree", "get", "obtain", "win", "land", "grant",
    "give", "offer", "propose", "unveil", "work", "arrange", "cement", "establish", "form",
    "create", "set", "renew", "extend"})
#: Documents one signs to say something, not to agree ("a letter signed by 90 faculty members",
#: "signed onto a letter"): PLOVER's type is what the letter says.
SIGNED_SAYINGS = frozenset({"letter", "petition", "statement", "op-ed", "memo", "note",
                            "editorial", "column", "card", "ad", "advertisement", "pledge"})
#: Laws and orders: signing one enacts it (an act of government, not an agreement between
#: parties): "signed the legislation authorizing the museum", "signed this bill into law".
ENACTED = frozenset({"bill", "law", "legislation", "measure", "ordinance", "decree", "order",
                     "act", "budget", "amendment", "regulation", "statute"})
#: What one signs that is no agreement: a saying or a law.
NO_AGREEMENT_SIGNED = SIGNED_SAYINGS | ENACTED
#: What one "accepts" as true, not as a proposal: "accepted the reality that humans caused
#: it", "accepts the science".
HELD_TRUE = frozenset({"reality", "fact", "truth", "premise", "science", "notion", "idea",
                       "view", "argument", "claim", "assertion", "theory", "finding",
                       "conclusion", "evidence", "existence", "inevitability", "possibility",
                       "risk", "consensus", "narrative", "label", "characterization"})
#: Modals that make what parties "agreed that …" a course agreed on ("Israel and Hamas agreed
#: that the truce would be extended"), not a view shared.
AGREED_COURSE = frozenset({"will", "would", "shall", "should", "must", "'ll"})
#: What is "offered" when something is said or a person backed, not an act or a thing
#: proposed: "offered a strong critique", "offered condolences", "offered his doubts",
#: "offered some pointed advice", "offered support for the nomination", "a meeting that
#: offered slight hope".
SAID_OFFERED = frozenset({
    "critique", "criticism", "reaction", "comment", "remark", "view", "explanation",
    "assessment", "analysis", "opinion", "thought", "condolence", "congratulation", "apology",
    "defense", "defence", "rebuttal", "response", "answer", "detail", "insight", "perspective",
    "take", "warning", "reminder", "glimpse", "doubt", "prediction", "advice", "support",
    "hope", "confidence", "vote", "idea", "suggestion", "argument", "theory", "guess",
    "estimate", "forecast", "sympathy", "encouragement", "testimony", "account", "vision",
    "reassurance", "assurance", "tribute", "thanks", "blessing", "caution", "clue", "hint",
    "example", "contrast", "endorsement", "backing", "praise", "prayer", "word", "sentiment",
    "observation", "evaluation", "diagnosis", "verdict", "rationale", "justification",
    "excuse", "lesson", "tip"})


def no_agreement(token: Token, lemma: str) -> bool:
    """Whether a verb of agreeing names no agreement here (the rules below)."""
    if lemma == "agree":
        return not agrees_to_something(token)
    if lemma == "sign":
        return signs_no_agreement(token)
    if lemma == "accept":
        return accepts_no_proposal(token)
    if lemma == "offer":
        return offers_a_view(token)
    return lemma == "oppose" and token.i > 0 and token.doc[token.i - 1].lower_ == "as"


def agrees_to_something(token: Token) -> bool:
    """Whether "agree" makes an agreement (PLOVER AGREE: to do something, to or on a thing, a
    deal agreed): "agreed to a ceasefire", "agreed to share information", "agreed on a new
    pact", "agreed a deal"; parties (states, groups) that agreed that something will or
    should be done ("Israel and Hamas agreed that the truce would be extended").
    Agreeing with someone, that something is so, or alone ("all agreed that Pence won the
    debate", "the judge agreed with Ivana Trump", "Sixty-two percent of Republicans agreed")
    is concurring in a view: no event."""
    children = list(token.children)
    if any(c.dep_ in ("xcomp", "dobj") or c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")
           and c.i > token.i for c in children):  # not "To varying degrees, all agreed that"
        return True
    parties = [s for c in children if c.dep_ == "nsubj" for s in (c, *c.conjuncts)]
    return any(p.ent_type_ in ("ORG", "GPE", "NORP") for p in parties) and any(
        c.dep_ == "ccomp" and any(a.dep_ in ("aux", "auxpass") and a.lower_ in AGREED_COURSE
                                  for a in c.children) for c in children)


def no_agreement_made(token: Token) -> bool:
    """Whether a noun of agreeing names no agreement made here: an amount (:func:`an_amount`),
    or an agreement as a thing (:func:`names_an_agreement`)."""
    return an_amount(token) or names_an_agreement(token)


def names_an_agreement(token: Token) -> bool:
    """Whether a noun of an agreement names it as a thing, not its making: PLOVER's AGREE is the
    act ("reached a deal", "the agreement signed in March 2001", "a deal was struck on Monday",
    "an agreement that the nations reached in Paris"); "the Iran deal", "a critic of the
    trucking deal", "selling the deal to Democrats", "the deal would release former executives
    from liability", "there was more agreement that …" name one made elsewhere (or a view
    shared), which the report's verbs tell where it tells it. A noun a date pins down
    ("Monday's agreement") stays."""
    if token.lemma_.lower() not in AGREEMENT_NOUNS:
        return False
    if token.dep_ in ("dobj", "nsubjpass", "attr") and token.head.lemma_.lower() in MAKING:
        return False
    if token.dep_ == "pobj" and token.head.head.pos_ == "VERB" and (
            token.head.head.lemma_.lower() in MAKING):
        return False  # "agreed on a new pact", "entered into an accord"
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in MAKING for c in token.children):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def an_amount(token: Token) -> bool:
    """Whether a noun "deal" is "a good deal" or "a great deal" (an amount, with or without
    "of …"), or a "big deal" said of something (its importance: "it is a big deal")."""
    if token.lemma_.lower() != "deal":
        return False
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ == "amod"}
    if modifiers & AMOUNT_WORDS:
        return any(c.dep_ == "det" and c.lower_ == "a" for c in token.children)
    return bool(modifiers & {"big", "huge"}) and token.dep_ in ("attr", "dobj") and (
        token.head.lemma_.lower() in ("be", "make"))  # "made a bigger deal of it"


def signs_no_agreement(token: Token) -> bool:
    """Whether "sign" is signing up ("signed up to participate"), putting a name to a letter
    ("a letter signed by 90 faculty members", "signed onto a letter": a saying) or enacting a
    law ("signed the legislation", "signed this bill into law")."""
    children = list(token.children)
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "into" and any(
            g.lemma_.lower() == "law" for g in c.children) for c in children):
        return True
    signed = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "a letter released Tuesday and signed by 90 faculty members"
    if first.dep_ in ("acl", "relcl"):
        signed.append(first.head)
    if any(t.lemma_.lower() in NO_AGREEMENT_SIGNED for t in signed):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("onto", "on", "to") and any(
        g.lemma_.lower() in SIGNED_SAYINGS for g in c.children if g.dep_ == "pobj")
        for c in children)


def accepts_no_proposal(token: Token) -> bool:
    """Whether "accept" is holding something true ("accepted the reality that …", "accept the
    science") or a person welcomed ("we are accepted within the fabric of America"): no
    proposal, demand or offer agreed to."""
    children = list(token.children)
    objects = [c for c in children if c.dep_ == "dobj"]
    if token.dep_ in ("acl", "relcl") and token.head.pos_ == "NOUN":
        objects.append(token.head)
    if any(o.lemma_.lower() in HELD_TRUE for o in objects):
        return True
    welcomed = [c for c in children if c.dep_ == "nsubjpass"]
    return any(w.tag_ == "PRP" or w.ent_type_ in ("PERSON", "NORP")
               or w.lemma_.lower() in PEOPLE for w in welcomed)


def offers_a_view(token: Token) -> bool:
    """Whether "offer" tells something or backs someone ("offered a strong critique",
    "offered his doubts", "offered support for the nomination"): a saying, not an offer."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in SAID_OFFERED for c in token.children)
