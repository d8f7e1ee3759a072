"""What a vow is: "vow" and "swear" make a threat only when what is vowed harms someone.

PLOVER's THREATEN is a threat to do something negative ("have sworn to fight until they gain
control of villages"); a vow to do something else is a promise, which PLOVER codes AGREE
("promised to democratize Serbia"; "vowed to stave off climate change"); a vow not to do
something is a refusal, REJECT ("vowed not to return the Golan Heights to Syria"). A vow with no
act named ("vowed revenge", "vowed that …") stays a threat.
"""

from __future__ import annotations

from spacy.tokens import Token

from crossbearing.annotate.event_types import Ontology

#: The verbs of vowing this rule reads.
VOWING = frozenset({"vow", "swear"})
#: Types whose act harms someone: what makes a vow a threat.
HARMING_TYPES = frozenset({"arrest", "property_destruction", "sanction", "suspension", "threat",
                           "accusation", "abduction", "deployment"})
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
