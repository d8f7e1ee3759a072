"""What story clustering reads of one article: its words, phrases, names and numbers.

Two reports of one event share what is specific to it: the names of the people and places
involved, the numbers (a toll, a sum), the phrases and quotes reporters repeat ("gas explosion",
"a war of Obama's choosing"). Reports of two events on one topic share mostly topic words
("police", "tax", "debate"). So an article's features are, besides its single words, the word
pairs that stand next to each other in a sentence (phrases and names in the running text; a
quotation shared verbatim shares many of them), the actors its mentions name and the numbers its
numeric facts give. The clustering weighs each by how rare it is in the collection, single words
too (``StoryParams.w_words`` is 1: phrases, names and numbers weigh more only by being rarer);
the words of the headline and the first sentences (the lead, where a report says what happened)
count more (``StoryParams.lead_boost``). Besides the terms, the occasion keys of the headline and
lead (:mod:`~crossbearing.corpus.story_occasions`: the debate of a given Monday, the first
presidential debate) say which occasion the report is about, whatever words it uses.

Features are per article and independent of the rest of the collection, so they can be computed
once per article and kept.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from sys import intern
from typing import Iterable, Mapping

from crossbearing.corpus.story_occasions import occasion_keys
from crossbearing.model import Article, Mention, NumericFact, TimeMention

#: Mention labels whose identities count as actors.
ACTOR_LABELS = frozenset({"PERSON", "ORG"})
#: Words of the text, after the headline, that make the lead.
LEAD_WORDS = 40
#: Date precisions fine enough to place an article on a day.
_DAY_PRECISIONS = frozenset({"second", "minute", "day"})

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say told according mr mrs ms one two may might
must shall us new last year years day days week time percent s t""".split())
_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: Where a sentence (or a paragraph, or a line) ends: phrases never span one.
_BREAK = re.compile(r"[.!?;:]+(?=\s)|\n")


@dataclass(frozen=True)
class ArticleFeatures:
    """What clustering needs of one article: raw counts (no IDF), its lead, title and date.

    ``terms`` maps ``l:lemma`` (or ``w:token`` when no lemmas were given), ``p:word word``
    (phrases), ``n:<actor>`` (``kb:<actor id>`` or a name key) and ``#:<number>`` to counts;
    ``lead`` holds the word and phrase terms that occur in the headline or the lead (a sorted
    tuple: a hundred thousand features held at once take a seventh of the memory of sets);
    ``title_terms`` the terms that occur in the headline, each counted once (for choosing a
    story's headline); ``date`` is an ISO day or None; ``occasions`` the occasion keys of the
    headline and lead with their weights (``od:debate@2016-09-26``, :mod:`~crossbearing.corpus.
    story_occasions`), sorted."""

    article_id: str
    date: str | None
    title: str | None
    terms: Mapping[str, int]
    title_terms: Mapping[str, int]
    lead: tuple[str, ...] = ()
    occasions: tuple[tuple[str, float], ...] = ()


def _normal(text: str) -> str:
    return _ACRONYM.sub(lambda m: m.group(0).replace(".", ""), unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1 << 16)
def _word(w: str) -> str | None:
    """A lower-case word as a term, or None for a stopword or a one-letter word."""
    w = w[:-2] if w.endswith(("'s", "’s")) else w
    w = w.replace("’", "'")
    return w if len(w) > 1 and w not in STOPWORDS else None


def tokens(text: str) -> list[str]:
    """Lower-case word tokens without stopwords: "G.O.P." is "gop", "Obama's" is "obama"."""
    return [w for w in map(_word, _WORD.findall(_normal(text).lower())) if w]


def _stretches(text: str) -> Iterable[list[str | None]]:
    """The words of each sentence, a stopword as None: a phrase is two words side by side."""
    for sentence in _BREAK.split(_normal(text).lower()):
        yield [_word(w) for w in _WORD.findall(sentence)]


def phrases(text: str) -> Counter:
    """Word pairs that stand side by side within a sentence, neither a stopword."""
    return _pairs(_stretches(text))


def _pairs(stretches: Iterable[list[str | None]]) -> Counter:
    counts: Counter = Counter()
    for words in stretches:
        counts.update(f"{a} {b}" for a, b in zip(words, words[1:]) if a and b)
    return counts


def features(article: Article, lemmas: Iterable[str] | Mapping[str, int] = (),
             mentions: Iterable[Mention] = (),
             numbers: Iterable[NumericFact] = (),
             times: Iterable[TimeMention] = ()) -> ArticleFeatures:
    """The clustering features of ``article``, given the lemmas of its text (spaCy's
    ``token.lemma_`` of every token, or lemma counts as the annotation stage stores them; empty
    to use word tokens), its mentions, its numeric facts, and its time mentions (for the
    occasion keys).

    Pure and per article. Use lemmas for all articles of a collection or for none, so that
    vectors stay comparable. Term strings are interned: many features held at once share them."""
    terms: Counter = Counter()
    if isinstance(lemmas, Mapping):
        for lemma, n in lemmas.items():
            for word in tokens(lemma):
                terms[intern("l:" + word)] += n
    elif (lemma_list := list(lemmas)):
        terms.update(intern("l:" + w) for w in tokens(" ".join(lemma_list)))
    stretches = list(_stretches(article.text))
    if not terms:
        terms.update(intern("w:" + w) for words in stretches for w in words if w)
    terms.update({intern("p:" + p): n for p, n in _pairs(stretches).items()})
    mentions = tuple(mentions)
    terms.update(intern("n:" + key) for key in map(_actor_key, mentions) if key)
    terms.update(intern("#:" + _number(n.low)) for n in numbers)
    lead_words = article.text.split(maxsplit=LEAD_WORDS)[:LEAD_WORDS]
    lead = _terms_in(terms, f"{article.title or ''}\n{' '.join(lead_words)}")
    title = dict.fromkeys(_terms_in(terms, article.title or ""), 1)
    day = _day(article)
    occasions = occasion_keys(article, times, dt.date.fromisoformat(day) if day else None,
                              mentions)
    return ArticleFeatures(article.id, day, article.title, dict(terms), title, lead,
                           tuple(sorted((intern(k), n) for k, n in occasions.items())))


def _terms_in(terms: Mapping[str, int], text: str) -> tuple[str, ...]:
    """The word and phrase terms that occur in ``text`` (a lemma meets its plural), sorted."""
    found = {_singular(w) for w in tokens(text)} | set(phrases(text))
    return tuple(sorted(t for t in terms if t[0] == "p" and t[2:] in found
                        or t[0] in "lw" and _singular(t[2:]) in found))


def _singular(word: str) -> str:
    """A plural's singular, roughly ("controllers" and the lemma "controller" meet): only for
    telling which lemmas the lead has, whose words are not lemmatised."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _actor_key(mention: Mention) -> str:
    """``kb:<id>`` for a knowledge-base actor, else the name key ("" for another label)."""
    if mention.label not in ACTOR_LABELS:
        return ""
    if mention.actor_id:
        return "kb:" + mention.actor_id
    return mention.name_key or ""


def _number(value: float) -> str:
    return f"{value:g}"


def _day(article: Article) -> str | None:
    published = article.published
    if published is None or published.precision not in _DAY_PRECISIONS:
        return None
    try:
        return dt.date.fromisoformat(published.value[:10]).isoformat()
    except ValueError:
        return None
