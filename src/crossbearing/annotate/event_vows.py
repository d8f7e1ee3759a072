"""What a vow and a threat are: "vow" and "swear" make a threat only when what is vowed harms
someone, a noun "threat" is a threat made only when it is no danger, and a warning is one only
when it tells someone's act (else it cautions).

PLOVER's THREATEN is a threat to do something negative ("have sworn to fight until they gain
control of villages"); a vow to do something else is a promise, which PLOVER codes AGREE
("promised to democratize Serbia"; "vowed to stave off climate change"); a vow not to do
something is a refusal, REJECT ("vowed not to return the Golan Heights to Syria"). A vow with no
act named ("vowed revenge", "vowed that …") stays a threat. A threat said to be what something
is ("poses a threat"), met ("every threat we have faced") or a danger to something ("Putin's
threat to Eastern Europe") is a danger, no threat made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crossbearing.annotate.event_senses import FORCES, can_act
from crossbearing.annotate.event_types import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Token

#: The verbs of vowing this rule reads.
VOWING = frozenset({"vow", "swear"})
#: Types whose act harms someone: what makes a vow a threat.
HARMING_TYPES = frozenset({"arrest", "restriction", "property_destruction", "sanction",
                           "suspension", "threat", "accusation", "abduction", "deployment"})
#: Acts that harm someone and name no type of the ontology ("vowed to retaliate", "swore to
#: avenge his death", "vowed to crush the rebellion").
HARMING_ACTS = frozenset({
    "retaliate", "avenge", "punish", "respond", "revenge", "resist", "crush", "defeat",
    "eliminate", "destroy", "annihilate", "eradicate", "wipe", "retake", "recapture", "block",
    "oppose", "veto", "expel", "boycott", "topple", "overthrow", "oust", "hunt", "pursue",
    "prosecute", "escalate", "impeach", "repeal", "deprive", "deny", "strip", "starve"})
#: Verbs of going on with an act: the act vowed is what they go on with ("vowed to continue
#: the strikes", "swore to keep fighting").
ASPECTUAL = frozenset({"continue", "keep", "resume", "step", "intensify"})


def vowed_type(token: Token, onto: Ontology) -> str:
    """The type of a vow (``token`` a verb of :data:`VOWING`): ``threat``, ``agreement`` (a
    promise) or ``rejection`` (a vow not to), by the act its infinitive names."""
    act = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")),
               None)
    if act is None:
        return "threat"
    if any(c.dep_ == "neg" for c in act.children):
        return "rejection"
    acts = [act]
    if act.lemma_.lower() in ASPECTUAL:  # "vowed to continue the strikes"
        acts += [c for c in act.children if c.dep_ in ("xcomp", "dobj")]
    return "threat" if any(_harms(a, onto) for a in acts) else "agreement"


def _harms(act: Token, onto: Ontology) -> bool:
    """Whether a verb or a noun names an act that harms someone."""
    lemma = act.lemma_.lower()
    kind = onto.verbs.get(lemma) if act.pos_ in ("VERB", "AUX") else onto.nouns.get(lemma)
    return lemma in HARMING_ACTS or kind in HARMING_TYPES or (
        kind is not None and onto.type(kind).family == "violent")


#: What is a danger, not a threat made, when a threat is said to be it: "is considered a threat
#: to US troops", "poses a threat", "remains a threat".
DANGER_VERBS = frozenset({"be", "consider", "see", "view", "regard", "pose", "represent",
                          "constitute", "remain", "become", "deem", "call", "label"})
#: Verbs of meeting a danger: the threat faced is a danger ("every threat we have faced").
FACED = frozenset({"face", "confront", "counter", "combat", "defeat", "tackle", "survive",
                   "address", "neutralize", "neutralise", "eliminate"})
#: Verbs of grasping or gauging a danger: "failed to comprehend the threat", "underestimated the
#: threat" (a danger understood, not a threat someone made).
GAUGED = frozenset({"comprehend", "understand", "underestimate", "overestimate", "assess",
                    "grasp", "gauge", "appreciate", "recognize", "recognise", "misjudge",
                    "downplay", "exaggerate", "overstate", "understate", "ignore"})
DANGER_OR_FACED = DANGER_VERBS | FACED | GAUGED


def threat_as_danger(token: Token) -> bool:
    """Whether a noun "threat" says what something is ("is considered a threat to US troops",
    "poses a threat", "the greatest threat"), or what someone meets ("faced a growing threat",
    "every threat we have faced"): a danger, not a threat someone made."""
    if any(c.dep_ == "relcl" and c.lemma_.lower() in FACED for c in token.children):
        return True  # "every threat we have faced": a danger met
    return (token.dep_ in ("attr", "oprd") or token.dep_ == "dobj") and (
        token.head.lemma_.lower() in DANGER_OR_FACED)


def threat_to_something(token: Token) -> bool:
    """Whether a noun "threat" is a danger to something ("Putin's threat to Eastern Europe"), not
    a threat to do something ("the threat to close the strait")."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" for g in c.children)
               for c in token.children)


#: What one warns "of" or "about" when one cautions: "warned of the risks", "of the dangers".
DANGERS = frozenset({"risk", "danger", "peril", "consequence", "hazard", "cost", "effect",
                     "impact", "threat", "possibility", "prospect", "pitfall", "downside"})
#: What one is warned one will "face" or "suffer" when the warning threatens it.
INFLICTED = frozenset({"consequence", "sanction", "response", "retaliation", "punishment",
                       "action", "reprisal", "wrath", "penalty", "measure", "repercussion"})
#: Verbs of undergoing: what a clause of theirs tells befalls its subject, no one's act.
UNDERGOING = frozenset({"risk", "face", "lose", "suffer", "endure", "incur", "lag", "trail",
                        "struggle"})


def cautions(token: Token) -> bool:
    """A warning that something will happen, told of no one who could do it ("the fund warned
    that the exit will raise many questions", "economists warned that prices would keep
    rising"), is a caution, not a threat: PLOVER's THREATEN is a threat of action by someone
    ("warned that it would respond", "warned that police will no longer tolerate rallies",
    "warned Hamas to stop"); so is a warning "of" or "about" a danger ("warning of the risks
    of a nuclear Iran"; "warned of a crushing response" stays). Told to someone, the same
    holds of a thing that acts in an active clause ("warning voters that a Clinton victory
    would bring her husband back"); a
    passive one may hide the one who warns ("warned residents that the area will be
    shelled")."""
    if any(c.dep_ == "prep" and c.lower_ in ("of", "about") and any(
            g.lemma_.lower() in DANGERS for g in c.children) for c in token.children):
        return True  # "warning of the risks of a nuclear Iran": a caution
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in token.children):
        return all(_no_agent(c) and not any(g.dep_ == "nsubjpass" for g in c.children)
                   for c in clauses)
    return all(_no_agent(c) for c in clauses)


def _no_agent(clause: Token) -> bool:
    """Whether a warned clause tells no one's act: a thing as its subject, or a verb of
    undergoing ("warned that the party risked a backlash", "would face defeat")."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and clause.lemma_.lower() in UNDERGOING and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in INFLICTED for c in clause.children):
        return True  # "would face a difficult primary"; not "would face severe consequences",
        # the stock wording of a threat
    return subject is not None and not can_act(subject) and (
        subject.lemma_.lower() not in FORCES) and not any(
        c.dep_ == "poss" for c in subject.children)  # "its fighters": the speaker's side
