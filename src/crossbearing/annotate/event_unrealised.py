"""Acts a clause tells as not done, by the words around them rather than by a modal on their
verb (annotate/event_modes.py has those): a condition set with "before", an act avoided, one
"set to" happen, the purpose of a journey, what a thing is made for. Each returns the mode the
act takes, or None where the clause tells nothing of the kind; docs/events.md has the rules
and their effect on real texts."""

from __future__ import annotations

from spacy.tokens import Token

from crossbearing.annotate.event_senses import to_infinitive

FUTURE_AUX = frozenset({"will", "shall", "'ll", "would"})
HYPOTHETICAL_AUX = frozenset({"could", "may", "might", "should", "can", "must", "ought"})
MODAL_AUX = FUTURE_AUX | HYPOTHETICAL_AUX
#: Verbs of demanding or requiring: an act "before" which they set something is conditional.
REQUIRING = frozenset({"demand", "insist", "require", "urge", "condition"})
#: Verbs that require only with what they ask for ("called for a truce before …", "asked them
#: to leave before …"), not in their other senses ("called Obama on Monday before visiting").
ASKING = frozenset({"ask", "call", "want", "need"})
#: Verbs of keeping from an act: what they govern is not done ("avoided criticizing him",
#: "refrained from attacking", "steering clear of criticizing Trump").
AVOIDING = frozenset({"avoid", "refrain", "shun", "eschew"})
#: Verbs of going somewhere: "for" a noun of an act after them names what the journey is for,
#: still to come ("return to Geneva this week for talks", "flew to Cairo for meetings").
JOURNEYING = frozenset({"return", "come", "go", "travel", "fly", "head", "arrive", "leave",
                        "set", "gather", "meet", "convene", "sit"})
#: Nouns whose infinitive names an act tried or planned, not done (``events.ATTEMPTS`` are
#: those that make a killing tried an attack): "an attempt to assassinate",
#: "a plot to bomb" (what governs the noun says whether it came about: event_modes).
TRIED_FOR = frozenset({"attempt", "plot", "bid", "plan", "scheme", "conspiracy"})
#: Nouns of a decision or a step taken, or of a failure or a refusal (whose own rules in
#: event_modes read them): their infinitive is no mere aim ("her decision to meet with Bill
#: Clinton", "the move to expel the envoy", "failure to prevent a massacre": it happened).
DECIDED = frozenset({"decision", "move", "step", "choice", "failure", "refusal"})
#: Words before an infinitive on a noun that make it tell an act done ("the first president to
#: visit Hiroshima", "the only country to recognise the vote").
DONE_RANKS = frozenset({"first", "last", "only", "second", "third", "latest", "next"})


def unrealised(token: Token) -> str | None:
    """The mode the words around ``token`` give its act, or None (see the module)."""
    if _avoided(token):
        return "negated"
    if _set_to(token) or _journey_for(token):
        return "future"
    if _before_unmet(token) or _made_for(token) or (
            token.dep_ == "dobj" and token.head.pos_ == "VERB" and _made_for(token.head)):
        return "hypothetical"  # also what such an infinitive makes: "authority to call a
        # special meeting"
    return None


def _before_unmet(token: Token) -> bool:
    """Whether the act is told in a clause of "before" that sets a condition, not a sequence:
    the clause has "would" or "will" ("before it would accept her back"), or the verb it
    depends on has a modal, is in the present, or demands ("Israel must agree to changes before
    they demobilize", "How many must die before we strike back", "demanded a truce before
    allowing U.N. aid convoys"). After a past verb it is a sequence of acts told as done ("had
    breakfast with Biden before visiting the Oval Office")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "before" for c in token.children):
        head = token.head
    elif token.dep_ == "pcomp" and token.head.lower_ == "before":
        head = token.head.head
    else:
        return False
    if head.i == token.i:
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
        return True
    lemma = head.lemma_.lower()
    asks = lemma in ASKING and any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and (
        c.lower_ == "for") for c in head.children)
    return (lemma in REQUIRING or asks or head.tag_ in ("VBP", "VBZ") or any(
        c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in head.children))


def _avoided(token: Token) -> bool:
    """Whether a verb of avoiding governs the act, as its object or through "from" or "of"
    ("avoided criticizing him", "refrained from attacking", "steering clear of criticizing
    Trump", "stopped short of calling on him to resign"): the act is not done."""
    head = token.head
    if token.dep_ in ("pcomp", "pobj") and head.lower_ in ("from", "of"):
        verb = head.head
        if head.lower_ == "of" and verb.lower_ == "short":  # "stopped short of calling",
            verb = verb.head  # "fell short of condemning": not done
            avoids = verb.lemma_.lower() in ("stop", "fall")
        elif head.lower_ == "of":  # "steer clear of": "of" hangs on "clear" or on "steer"
            if verb.lower_ == "clear":
                verb = verb.head
            avoids = verb.lemma_.lower() == "steer" and (
                head.head.lower_ == "clear" or any(c.lower_ == "clear" for c in verb.children))
        else:
            avoids = verb.lemma_.lower() in AVOIDING
    else:
        verb = head
        avoids = token.dep_ in ("xcomp", "dobj") and verb.lemma_.lower() in AVOIDING
    # "did not avoid criticizing him": he criticized
    return avoids and not any(c.dep_ == "neg" for c in verb.children)


def _set_to(token: Token) -> bool:
    """Whether the act is the infinitive of "set" after "be" ("the Panthers are set to host the
    Vikings", "the two leaders were set to meet on Friday"): scheduled, still to come."""
    head = token.head
    return (token.dep_ == "xcomp" and to_infinitive(token) and head.lower_ == "set"
            and any(c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" for c in head.children))


def _journey_for(token: Token) -> bool:
    """Whether a noun of an act is what a journey still to make is for ("negotiators return to
    Geneva this week for talks", "will fly to Cairo for meetings with the president"). After a
    journey told in the past ("flew to Cairo on Monday for talks") the talks are told as held."""
    prep = token.head
    verb = prep.head
    if not (token.pos_ == "NOUN" and token.dep_ == "pobj" and prep.lower_ == "for"
            and verb.lemma_.lower() in JOURNEYING and verb.pos_ == "VERB"):
        return False
    past = verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)
    return not past


def _made_for(token: Token) -> bool:
    """Whether the act is an infinitive that says what a thing is for ("crafting a letter to
    share with the caucus", "calls to establish a commission to investigate atrocities"):
    intended, not done. "The first president to visit Hiroshima", "her decision to meet with
    Bill Clinton" and an infinitive a date pins down tell an act made; what an attempt or a plan
    is for is event_modes' (:data:`TRIED_FOR`)."""
    noun = token.head
    if (token.dep_ not in ("acl", "relcl") or not to_infinitive(token)
            or noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in TRIED_FOR | DECIDED):
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree):
        return False  # "her decision to meet with Bill Clinton at the end of June": dated, done
    return not any(c.lower_ in DONE_RANKS for c in noun.children)
