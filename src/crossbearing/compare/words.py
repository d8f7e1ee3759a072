"""Words for comparing what outlets wrote: one normalised word list per text, content-word stems,
and the singular of a noun.

The comparison runs on stored annotations without the language model, so that it is cheap, pure
and the same wherever it runs (the CLI, the report, the coverage matrix). Instead of the model's
lemmas it uses a light inflectional stemmer (:func:`stem`): plural, past and -ing endings, a final
silent e, and a small table of irregular forms. Both sides of every comparison go through the same
function, so what matters is that inflections of one word meet ("participating", "participate"),
not that the stem is a dictionary word.
"""

from __future__ import annotations

import re

from crossbearing.ids import normalise_text

_ACRONYM_DOTS = re.compile(r"(?<=\b\w)\.(?=\w\.)|(?<=\b\w\.\w)\.")
_WORD = re.compile(r"\w+(?:['-]\w+)*")

#: Function words left out of content-word comparisons.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either ever few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours ourselves
out over own same shall she should so some such than that the their theirs them themselves then
there these they this those through to too under until up upon very was we were what when where
which while who whom why will with would you your yours yourself yourselves said says say told
""".split())

#: Irregular plurals and past forms, and words a suffix rule would break.
IRREGULAR = {
    "people": "person", "persons": "person", "men": "man", "women": "woman",
    "children": "child", "lives": "life", "wives": "wife", "thieves": "thief",
    "crises": "crisis", "analyses": "analysis", "bases": "base", "police": "police",
    "personnel": "personnel", "news": "news", "series": "series", "species": "species",
    "media": "media", "data": "data", "us": "us", "was": "be", "were": "be", "is": "be",
    "are": "be", "been": "be", "has": "have", "had": "have", "said": "say", "told": "tell",
    "killed": "kill", "dead": "dead", "left": "leave", "led": "lead", "fought": "fight",
    "taken": "take", "took": "take", "made": "make", "gave": "give", "given": "give",
    "chose": "choose", "chosen": "choose", "shot": "shoot", "held": "hold", "met": "meet",
}
_DOUBLE = re.compile(r"([bdfglmnprt])\1$")


def words(text: str) -> list[str]:
    """The text's words, case-folded, with one quote style and dots out of acronyms ("U.S." is
    "us"), without punctuation: the form in which two quotes are "the same words"."""
    text = _ACRONYM_DOTS.sub("", normalise_text(text))
    return [w.replace("'", "") for w in _WORD.findall(text.replace(".", " "))]


def singular(word: str) -> str:
    """The singular of a noun as written ("attacks" attack, "casualties" casualty, "people"
    person, "Iraqis" iraqi but "crisis" crisis); other words are returned lower-cased."""
    capitalised, word = word[:1].isupper(), word.lower()
    if word in IRREGULAR and not word.endswith("ed"):
        return IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("is") and capitalised:  # a people: "Iraqis", "Israelis"
        return word[:-1]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def stem(word: str) -> str:
    """A word's inflectional stem: "participating", "participated" and "participate" meet in
    "participat"; "attacks" in "attack"; "planning" in "plan"."""
    word = word.lower()
    if word in IRREGULAR:
        word = IRREGULAR[word]
    elif word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ing", "ed")) and len(word) - (3 if word.endswith("ing") else 2) >= 3:
        word = word[:-3] if word.endswith("ing") else word[:-2]
        word = _DOUBLE.sub(r"\1", word) if _DOUBLE.search(word) and len(word) > 3 else word
    else:
        word = singular(word)
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def content_stems(text: str) -> frozenset[str]:
    """The stems of the text's content words (no function words, no numbers)."""
    return frozenset(stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit())
