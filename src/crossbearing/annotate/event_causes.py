"""Harm that no political violence caused, told in the words of violence: deaths of a disease or
a natural force ("cholera has killed more than 10,000 people", "the storm killed six"), and
attacks on computers ("hackers targeted voter data systems", "a cyber attack on the party's
servers"). The codebooks code the violence of people against people and property (ACLED: battles,
explosions, violence against civilians); an epidemic's toll or a data breach is none of them.
docs/events.md has the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Diseases, natural forces and accidents as the doer of a killing: no one's violence.
NATURAL_CAUSES = frozenset({
    "disease", "illness", "epidemic", "pandemic", "outbreak", "infection", "virus", "cholera",
    "ebola", "malaria", "measles", "tuberculosis", "influenza", "flu", "covid", "covid-19",
    "coronavirus", "cancer", "aids", "famine", "starvation", "hunger", "malnutrition",
    "drought", "heat", "heatwave", "cold", "storm", "hurricane", "typhoon", "cyclone",
    "tornado", "flood", "flooding", "earthquake", "quake", "tsunami", "avalanche", "landslide",
    "mudslide", "lightning", "accident", "crash", "collision", "overdose"})
#: Doers and modifiers of an attack that make it one on computers.
CYBER_WORDS = frozenset({"hacker", "hacking", "cyber", "cyberattack", "ransomware", "malware",
                         "phishing", "botnet"})
#: What names an attack's target as computers, as its head or its modifier ("the servers",
#: "voter data systems", "computer networks"); a bare "system" or "network" may be an air
#: defence or an armed group's.
DATA_WORDS = frozenset({"computer", "server", "database", "data", "email", "e-mail", "website",
                        "software", "online", "digital"})
#: Hard times that "hit" people or places ("the industry hardest hit by the housing bust",
#: "towns hit by the recession"): no one's violence.
HARD_TIMES = frozenset({"bust", "recession", "downturn", "slump", "depression", "crisis",
                        "inflation", "unemployment", "layoff", "shutdown", "collapse", "decline",
                        "crunch", "meltdown", "tariff", "cut", "price", "cost", "tax"})
#: Verbs and nouns of attacking that a cyber attack is told with.
ATTACK_WORDS = frozenset({"attack", "target", "hit", "strike", "assault", "breach"})


def killed_by_nature(token: Token) -> bool:
    """A killing whose doer, its subject or its "by" agent, is a disease, a natural force or an
    accident ("cholera has killed more than 10,000", "were killed by the flood"): a toll, no
    act of violence."""
    doers = [c for c in token.children if c.dep_ == "nsubj"] + [
        g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
        doers.append(token.head)  # "an epidemic killing thousands", "cholera, which killed"
    if token.dep_ == "advcl" and not doers:  # a participle telling what the clause did
        doers += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        doers += [w for w in token.head.subtree if w.dep_ == "dobj" and w.i < token.i][-1:]
    return any(_natural(d) for d in doers)  # "the storm hit, killing", "brought cholera, killing"


def hit_by_hard_times(token: Token) -> bool:
    """Whether "hit" tells of hardship, not violence: "hard", "harder" or "hardest" hit with no
    object ("whose industry is among the hardest hit"), or hit by a natural force or hard times
    ("towns hit by the recession", "hit by the storm")."""
    if token.lemma_.lower() != "hit":
        return False
    children = list(token.children)
    if not any(c.dep_ == "dobj" for c in children) and any(
            c.dep_ == "advmod" and c.lower_ in ("hard", "harder", "hardest") for c in children):
        return True  # not "the campaign hit Trump hard at the Convention": words, aimed
    agents = [g for c in token.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    return any(_natural(a) or a.lemma_.lower() in HARD_TIMES for a in agents)


def _natural(word: Token) -> bool:
    return word.lemma_.lower() in NATURAL_CAUSES or word.lower_ in NATURAL_CAUSES


def on_computers(token: Token) -> bool:
    """An attack by hackers or on computers: its doer is hackers or a cyber tool ("Russian
    hackers targeted the systems"), it is a cyber attack ("a cyber attack on the party"), or
    what it hits is data or a computer system ("attacked the servers", "targeted voter
    registration databases")."""
    lemma = token.lemma_.lower()
    if lemma not in ATTACK_WORDS:
        return False
    related = [c for c in token.children if c.dep_ in ("nsubj", "compound", "amod", "dobj",
                                                       "nsubjpass")]
    related += [g for c in token.children if c.dep_ in ("agent", "prep")
                and c.lower_ in ("by", "on", "against") for g in c.children if g.dep_ == "pobj"]
    if token.dep_ in ("acl", "relcl"):
        related.append(token.head)
    for word in related:
        words = {word.lemma_.lower(), word.lower_} | {
            c.lemma_.lower() for c in word.children if c.dep_ in ("compound", "amod")}
        if words & CYBER_WORDS:
            return True
        if word.dep_ in ("dobj", "nsubjpass", "pobj") and words & DATA_WORDS:
            return True
    return False
