"""What a saying asks of another party: "Russia said on Tuesday that Sudan must return the
helicopter", "the Bush administration declared that China must drop barriers", "Straw said the
government and the rebels must reach an agreement" are demands, PLOVER's REQUEST (CAMEO 10,
"demand": a statement that the target do something), told by a verb of saying whose clause lays
a duty ("must", "has to", "needs to", "should", "ought to") on someone other than the speaker.

A duty the speaker lays on itself or its own side is no demand ("Israel said it must defend
itself", "we must win"): the clause's subject must be a party named or told by its office, never
a pronoun, and not the speaker. A duty on no party ("the video should be removed"), a duty that
was ("he had to leave") or a judgement of the past ("Obama should have acted") is no demand
either: the passive, a past verb of duty and "should have" + participle are left. The speaker
is a party too, or a personal pronoun the quote layer resolves: "74 percent of likely voters said
Mr. Trump should release his tax returns" is a poll's finding, "some say Congress should not
raise taxes" no one's. A saying in the present perfect is a position held up to now, no
occasion ("Perry has also said the federal government should extend work visas").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crossbearing.annotate.event_senses import AGENT_ENTITIES, AGENT_NOUNS
from crossbearing.kb.actors import ActorBase, actor_base, name_key

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs of saying whose clause may hold a demand ("said that Sudan must return …").
DIRECTING_SAYINGS = frozenset({
    "say", "declare", "announce", "state", "stress", "reiterate", "insist", "conclude", "add",
    "argue", "maintain", "emphasize", "emphasise", "assert", "write", "tell", "repeat"})
#: Of those, the verbs that ask nothing by themselves (not "insisted that Israel withdraw"):
#: only a clause that lays a duty is what they demand.
PLAIN_SAYINGS = DIRECTING_SAYINGS - {"insist"}
#: Modal verbs of duty: what the clause's subject "must", "should" or "ought to" do.
DUTY_MODALS = frozenset({"must", "should", "ought"})
#: Verbs of duty that take "to": "has to return", "needs to withdraw".
DUTY_VERBS = frozenset({"have", "need"})
#: Personal pronouns the quote layer resolves to a speaker ("he said", "it said").
SPEAKING_PRONOUNS = frozenset({"he", "she", "it", "we", "i"})
#: People who give opinions, no party: "analysts say the Fed should cut rates".
OPINION_GIVERS = frozenset({"analyst", "expert", "source", "investigator", "observer",
                            "economist", "critic", "commentator"})
#: Present tags of those verbs: "has to", "have to", "needs to" (not "had to": a duty that was).
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def demands_of_another(token: Token) -> bool:
    """Whether a verb of saying tells a demand: its clause lays a duty on a party that is not
    the speaker (the module's rule)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in DIRECTING_SAYINGS or any(
            c.dep_ == "neg" or c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in PRESENT_TAGS
            for c in token.children):
        return False  # not said, or said up to now ("Perry has also said the federal
        # government should extend work visas": a position held, no occasion)
    speaker = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if speaker is None or not (speaker.lower_ in SPEAKING_PRONOUNS or _a_party(speaker)):
        return False  # "74 percent of likely voters said", "some say", "the letter says":
        # a poll's finding, an opinion held by no one named, a document
    return any(_duty_on_another(c, speaker) for c in token.children if c.dep_ == "ccomp")


def _duty_on_another(clause: Token, speaker: Token) -> bool:
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or not lays_a_duty(clause) or not _a_party(subject):
        return False
    return not _words(subject) & _words(speaker)


def lays_a_duty(clause: Token) -> bool:
    """A clause in the active voice whose verb "must", "should" or "ought to" be done (not
    "should have" done), or that "has to" or "needs to" do it."""
    children = list(clause.children)
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        return False
    auxes = [c.lower_ for c in children if c.dep_ == "aux"]
    if any(a in DUTY_MODALS for a in auxes):
        return "have" not in auxes or clause.tag_ != "VBN"
    return clause.lemma_.lower() in DUTY_VERBS and clause.tag_ in PRESENT_TAGS and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in children)


def _a_party(subject: Token) -> bool:
    """A subject that names a party: a person, a group or a state by name or by office ("the
    Sudanese government", "US and British forces"), never a pronoun."""
    if subject.pos_ == "PRON":
        return False
    words = [subject] + [c for c in subject.children if c.dep_ in ("compound", "amod")]
    return any(w.ent_type_ in AGENT_ENTITIES for w in words) or (
        subject.lemma_.lower() in AGENT_NOUNS - OPINION_GIVERS | {"force", "troop", "rebel",
                                                                  "nation"})


def _words(party: Token) -> frozenset[str]:
    """The names in a party's phrase, each as the actor's key where the knowledge base knows it
    ("US" in "US officials" and in "US forces", "Israeli officials" and "Israel": one side)."""
    words = [party] + [c for c in party.children if c.dep_ in ("compound", "amod", "poss")]
    names = [t.text for t in words if t.pos_ == "PROPN" or t.ent_type_ in AGENT_ENTITIES]
    actors = actor_base()
    return frozenset(_side(name, actors) for name in names) or frozenset({party.lemma_.lower()})


def _side(name: str, actors: ActorBase) -> str:
    """The key of the side a name or a nationality adjective stands for."""
    actor_id = actors.id_of(name) or actors.by_demonym.get(name_key(name))
    return actors.actor_key(actor_id) if actor_id else name.lower()
