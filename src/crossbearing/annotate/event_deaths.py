"""A death is a killing only where violence is told: "my father died of brain cancer" and
"voters who have died" are no events, "the shooting death of Crutcher" and "died of gunshot
wounds" are (the codebooks code deaths that political violence caused). docs/events.md has the
rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crossbearing.annotate.event_causes import killed_by_nature

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Words that tell violence in a sentence besides the triggers: a death among them was caused.
VIOLENCE_CUES = frozenset({"shooting", "gunfire", "gunshot", "gunman", "bullet", "wound",
                           "fatal", "fatally", "homicide", "martyrdom", "airstrike", "blast",
                           "explosion", "clash", "crossfire", "police", "officer", "soldier",
                           "troop", "militant", "strike", "attack", "violence"})
#: What a killing "in" is an accident, not violence ("killed in a car crash"); not a fire,
#: which may be set.
ACCIDENTS = frozenset({"crash", "accident", "collision", "flood", "earthquake", "storm",
                       "avalanche", "landslide"})


def death_of_no_violence(trigger, found: list) -> bool:
    """A death (a :class:`event_triggers.Trigger` among the ``found`` ones of its document)
    told of no one named and with nothing of violence in its sentence ("my father died of
    brain cancer", "voters who have died", "inherit property after a death"), or a killing in
    an accident ("were killed in a car crash"): the codebooks code deaths that political
    violence caused. A death with another violent trigger or a word of violence in its
    sentence ("the shooting death of Crutcher", "died of gunshot wounds", "the death of a
    commander in the strike") stays, so does one whose killer is named ("died at the hands of
    the police"), and so does a named person's ("marched to protest the death of Terence
    Crutcher" refers to his killing, which another report tells; "the death of Justice
    Antonin Scalia" stays too, and gets no toll)."""
    token = trigger.token
    lemma = token.lemma_.lower()
    if trigger.type != "killing" or lemma not in ("kill", "death", "die"):
        return False
    if lemma == "kill" and killed_by_nature(token):
        return True  # "cholera has killed more than 10,000": a toll, no violence
    sentence = token.sent
    if any(t.token is not token and t.family == "violent" and t.token.sent == sentence
           and t.token.lemma_.lower() not in ("die", "death") for t in found):
        return False  # "killed in a crash after militants shot down their helicopter"
    if any(c.dep_ == "agent" for c in token.children) or _at_the_hands(token) or any(
            t.lemma_.lower() in VIOLENCE_CUES or t.lower_ in VIOLENCE_CUES for t in sentence):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in ACCIDENTS for g in c.children)
           for c in token.children):
        return True  # "were killed in a car crash"
    return lemma != "kill" and not _named_death(token)


def _named_death(token: Token) -> bool:
    """Whether a death names its person: a possessor or "of" a name ("Scott's death", "the death
    of Terence Crutcher") or a name as the subject of "died"."""
    if token.lemma_.lower() == "die":
        people = [c for c in token.children if c.dep_ == "nsubj"]
    else:
        people = [c for c in token.children if c.dep_ == "poss"] + [
            g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]
    return any(p.ent_type_ == "PERSON" or p.pos_ == "PROPN" for p in people)


def _at_the_hands(token: Token) -> bool:
    """Whether the death is told "at the hands of" someone: its killer is named."""
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(
        g.lower_ == "hands" for g in c.children) for c in token.children)
