"""Where a name the model found begins and ends, and which capitalised words are no names.

The model's entity spans take in words around a name and take capitalised words for names:
- an article or a verb before it ("to a John McCain", "Injecting Clinton’s marital troubles");
- the title a person holds before their name, where the title is written like a name: a beauty
  pageant's, "Miss" and a place or a word of the world ("former Miss Universe Alicia Machado":
  the person is Alicia Machado; "a former Miss Universe" names no one);
- what follows a possessive ("Obama’s 2008 campaign" read as "Obama’s 2008");
- a common word the text writes in lower case elsewhere, capitalised only by its place at the
  start of a sentence, by a title or for emphasis ("Bank executives", "the World has not
  witnessed", "an immature WHITE college boy": a name keeps its capital everywhere);
- a pronoun with its contraction ("I’d"), a lone initial ("Neither do I."), a time zone after a
  clock time ("9:00 a.m. Eastern").

And where a name's place in the text says what it is: a transcript's speaker label
("WALLACE:"), a stage direction ("(CROSSTALK)"), a signature after a quotation, a vocative
("..., Chris."), a dateline ("FLINT, Mich. —"), a given name and a title before a country's
name ("Chief Chuck Jordan"), a line written in title case (a headline), an office's portfolio
("Secretary of State"), a nationality or party word that describes ("Iraqi lawmakers").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from crossbearing.annotate.names import TITLES
from crossbearing.annotate.nlp import pipeline, text_of
from crossbearing.kb.actors import ActorBase
from crossbearing.kb.places import lookup_place
from crossbearing.model import Mention

#: Types of place names.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_LEADING = re.compile(r"^(?:[―—–]\s*)?(?:(?:the|The|THE|an?|An?)\s+)?")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
#: A possessive inside a name, followed by what is no part of it: a number or a lower-case word.
_INNER_POSSESSIVE = re.compile(r"['’]s\s+(?=[\d\W_a-z])")
#: Words that make a beauty pageant's title after "Miss" besides places ("Miss Ohio").
PAGEANT_WORDS = frozenset({"universe", "world", "earth", "international", "supranational",
                           "teen", "grand"})
#: Time zones as US news writes them after a clock time ("9:00 a.m. Eastern").
TIME_ZONES = frozenset({"eastern", "central", "mountain", "pacific", "et", "ct", "mt", "pt",
                        "edt", "est", "cdt", "cst", "pdt", "pst"})
_CONTRACTION = re.compile(r"^(?:I|You|We|They|He|She|It)['’](?:d|m|ll|ve|re|s)$", re.I)
_INITIAL = re.compile(r"^[A-Z]\.?$")
_CLOCK = ("a.m.", "p.m.", "a.m", "p.m", " am", " pm")


def name_bounds(span: Span) -> tuple[int, int, str]:
    """Character offsets and text of the name in an entity span: without a leading article, a
    verb before it, a pageant title, what follows a possessive inside it, or a trailing "’s".
    The text is empty where nothing of a name is left ("a former Miss Universe")."""
    start, text = span.start_char, span.text.split("\n", 1)[0].rstrip()
    lead = _LEADING.match(text)
    if lead and lead.end():
        start, text = start + lead.end(), text[lead.end():]
    else:
        lead = None
    first = span[0] if not lead else next((t for t in span if t.idx >= start), None)
    if first is not None and first.i + 1 < span.end and _gerund(first):
        cut = span.doc[first.i + 1].idx - start  # "Injecting Clinton"
        start, text = start + cut, text[cut:]
    cut = _pageant_title(span, start, text)
    cut += len(text[cut:]) - len(text[cut:].lstrip())
    start, text = start + cut, text[cut:]
    inner = _INNER_POSSESSIVE.search(text)
    if inner:
        text = text[:inner.start()]
    trail = _TRAILING.search(text)
    if trail and len(text) > trail.end() - trail.start():
        text = text[:trail.start()]
    return start, start + len(text), text.strip()


def _gerund(token: Token) -> bool:
    """A verb's "-ing" form before a name ("Injecting Clinton’s marital troubles into the
    campaign"): tagged so, or opening a sentence with the stem of an English verb."""
    if token.tag_ == "VBG":
        return True
    word = token.lower_
    if not (token.is_sent_start and word.endswith("ing") and len(word) > 5):
        return False
    stem = word[:-3]
    stems = {stem, stem + "e"} | ({stem[:-1]} if stem[-1:] == stem[-2:-1] else set())
    return bool(stems & _verbs())


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """The English verbs of the model's lemmatizer tables (WordNet's index), read from the
    pipeline the article was parsed with (no second model load)."""
    try:
        lemmatizer = pipeline().get_pipe("lemmatizer")
        return frozenset(lemmatizer.lookups.get_table("lemma_index")["verb"])
    except (KeyError, ValueError, RuntimeError):
        return frozenset()


def _pageant_title(span: Span, start: int, text: str) -> int:
    """How many characters at the start of ``text`` are a pageant's title after "Miss"."""
    doc = span.doc
    first = next((t for t in span if t.idx >= start), None)
    if first is None:
        return 0
    words = text.split()
    if first.i > 0 and doc[first.i - 1].text == "Miss":
        skip = 0
    elif words and words[0] == "Miss":
        skip = 1
    else:
        return 0
    if len(words) <= skip:
        return len(text)
    title = words[skip].strip(",")
    if title.lower() in PAGEANT_WORDS or (
            title[:1].isupper() and lookup_place(title) is not None and skip < len(words)):
        end = text.find(words[skip]) + len(words[skip])
        return end
    return 0


def signature(span: Span, start: int) -> bool:
    """Whether the name at ``start`` signs a quotation: written after a closing quotation mark
    and a dash ("… a real disgrace.” ― Azucena Gonzàlez"), as reader comments and epigraphs
    are credited. Such a name is a person's, whatever type the model gave it."""
    before = text_of(span.doc)[max(0, start - 6):start].rstrip(" \u00a0")
    return before.endswith(("―", "—")) and before[:-1].rstrip(" \u00a0.").endswith(("”", '"'))


def coordinated_half(span: Span) -> bool:
    """Whether a one-word name is the first half of two names that share their last word,
    written once ("Eastern and Northern Europe", "the Central and East European Coalition"):
    the word alone names nothing."""
    doc = span.doc
    if len(span) != 1 or span.end + 2 >= len(doc) or doc[span.end].lower_ not in ("and", "or"):
        return False
    following = doc[span.end + 1]
    return following.is_title and following.ent_type_ != "" and following.ent_iob_ == "B" and (
        doc[span.end + 2].is_title)


def not_a_name(span: Span, text: str, lower_words: frozenset[str]) -> bool:
    """Whether a one-word name the model alone found is no name: a common word the text
    writes in lower case elsewhere (``lower_words``: the article's words written in lower
    case), a word the parse reads as an adjective, a pronoun or a verb, a pronoun with its
    contraction, a lone initial, or a time zone after a clock time."""
    if " " in text or not text:
        return False
    if _CONTRACTION.match(text) or _INITIAL.match(text):
        return True
    doc = span.doc
    if text.lower() in TIME_ZONES and text_of(doc)[max(0, span.start_char - 12):
                                                   span.start_char].rstrip().lower().endswith(_CLOCK):
        return True  # "9 a.m. Eastern": the clock time ends just before the name
    if len(span) == 1 and span[0].pos_ in ("ADJ", "PRON", "VERB", "AUX", "ADV"):
        return True
    if len(span) == 1 and span.label_ == "PERSON" and span[0].tag_ == "NNS":
        return True  # a plural common noun is no one's name ("Scholars have long debated")
    if len(span) == 1 and span.label_ == "PERSON" and span.start > 0 and (
            doc[span.start - 1].tag_ == "DT") and doc[span.start - 1].lower_ in (
            "the", "this", "these", "those", "a", "an"):
        return True  # a person's name takes no article: "the Misogamy and blatant bigotry"
    if coordinated_half(span):
        return True
    return text.lower() in lower_words and not text.isupper() or (
        text.isupper() and len(text) > 4 and text.lower() in lower_words)


def lower_case_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case (for :func:`not_a_name`)."""
    return frozenset(re.findall(r"\b[a-z][a-z'’-]*\b", text))


def signature_end(span: Span, end: int) -> int:
    """The end of a signature's name: the capitalised words after the entity on its line."""
    doc = span.doc
    i = span.end
    while i < len(doc) and doc[i].is_title and doc[i].pos_ == "PROPN" and not (
            doc[i].ent_type_ and doc[i].ent_iob_ == "B") and "\n" not in doc[i - 1].whitespace_:
        end = doc[i].idx + len(doc[i].text)
        i += 1
    return end


def vocative(span: Span) -> bool:
    """A name that addresses someone ("But this is America, Chris.", "I would, Donald."): set
    off by a comma, ending its clause. Where it joins no full name of the article, the one
    addressed is no one the text names, and the name is left to no one."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return span.root.dep_ == "npadvmod" and before == "," and after in (".", "!", "?", ",")


def given_name_before(span: Span):
    """The given name before a one-word name the model typed as a place, which is a person's
    surname there: a capitalised name word after a title ("Tulsa police Chief Chuck Jordan",
    "Mr. Kevin Georgia"); else None."""
    doc = span.doc
    if len(span) != 1 or span.label_ not in PLACE_LABELS or span.start < 2:
        return None
    given, title = doc[span.start - 1], doc[span.start - 2]
    if not (given.is_title and given.pos_ == "PROPN" and given.ent_type_ in ("", "PERSON")):
        return None
    return given if title.lower_.rstrip(".") in TITLES else None


def stage_direction(span: Span) -> bool:
    """A word in capitals alone in brackets, as transcripts mark what is heard ("(CROSSTALK)",
    "(APPLAUSE)"); short ones are agencies and acronyms ("(AP)", "(UPI)")."""
    doc = span.doc
    end = span.end + (span.end < len(doc) and doc[span.end].text == ".")  # "(CROSSTALK.)"
    return (len(span) == 1 and span.text.isupper() and len(span.text) >= 6
            and span.start > 0 and doc[span.start - 1].text == "("
            and end < len(doc) and doc[end].text == ")")


def speaker_label(span: Span) -> bool:
    """A name in capitals opening a line of a transcript, before a colon ("WALLACE: Mr.
    Trump, …"): the person speaking, whatever type the model gave it."""
    doc = span.doc
    first = span.start
    while first > 0 and doc[first - 1].is_quote and "\n" not in doc[first - 1].whitespace_:
        first -= 1  # a transcript quoted line by line: "WALLACE: …
    opens = first == 0 or "\n" in doc[first - 1].whitespace_ + doc[first - 1].text
    return (opens and span.text.isupper() and len(span.text) > 2 and span.end < len(doc)
            and doc[span.end].text == ":")


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """The lines written in title case (a headline, a section head: four words or more, three
    in four of those of four letters or more capitalised), where the model's names are
    unreliable ("Obama Power Plant Rules Face Key Test In U.S. Court")."""
    found, start = [], 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 4]
        if len(line.split()) >= 4 and words and (
                sum(w[0].isupper() for w in words) >= 0.75 * len(words)):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def only_in_a_title(span: Span, text: str, titles: list[tuple[int, int]],
                     actors: ActorBase) -> bool:
    """Whether a name lies in a title-case line and is neither a knowledge-base name nor said
    again in the text outside that line (a name in a headline is in its story too)."""
    line = next(((a, b) for a, b in titles if a <= span.start_char and span.end_char <= b), None)
    if line is None or span.ent_id_ or actors.id_of(span.text):
        return False
    name = span.text
    return name not in text[:line[0]] and name not in text[line[1]:]


def capitalised(span: Span) -> bool:
    """Names are written with capitals: a match of a knowledge-base name in lower case ("roast
    turkey", "the guardian of") is the common word."""
    return any(ch.isupper() for ch in span.text)


def dateline(span: Span) -> bool:
    """A name in capitals opening a line, before a comma, a bracket or a dash: a dateline, the
    place the report was filed from."""
    doc = span.doc
    opens = span.start == 0 or "\n" in doc[span.start - 1].whitespace_ + doc[span.start - 1].text
    after = doc[span.end].text if span.end < len(doc) else ""
    return opens and span.text.isupper() and len(span.text) > 2 and after in (
        ",", "(", "—", "―", "–", "-", "--")


#: Last words of a firm's name, never of a person's ("Crosscut Strategies", "Bain Capital").
BUSINESS_WORDS = frozenset({
    "strategies", "associates", "partners", "holdings", "industries", "services", "solutions",
    "systems", "consulting", "consultants", "communications", "capital", "group", "inc",
    "inc.", "llc", "ltd", "ltd.", "corp", "corp.", "corporation", "company", "co.", "foundation",
    "institute", "media", "research", "analytics", "technologies", "ventures", "advisors",
    "advisers", "enterprises", "international", "global", "networks", "labs", "pharmaceuticals",
    "airlines", "motors", "bank", "fund", "trust", "partnership", "strategy", "pac"})


def firm_name(span: Span) -> bool:
    """Whether a name the model took for a person's is a firm's: no one's name ends in a firm's
    word ("Crosscut Strategies", "Bain Capital"). (Not a plural tag: the tagger gives surnames
    such as "Flowers" or "Ivans" the plural's.)"""
    return not span.ent_id_ and len(span) > 1 and span[-1].lower_ in BUSINESS_WORDS


def describing_word(span: Span, label: str) -> bool:
    """Whether a one-word nationality or party word modifies what follows it ("the Republican
    nominee", "Republican Donald Trump", "the Republican's disrespect"): a description of a
    person, no short form of the party the article names (entities._as_description)."""
    root = span.root
    return label == "NORP" and len(span) == 1 and root.dep_ in ("amod", "compound", "poss") and (
        root.head.i > root.i)


#: An office's portfolio before the name the tagger took for an organisation: "Secretary of
#: State", "Minister of Defence", "Secretary for Health" name an office, not the department.
_PORTFOLIO_OF = re.compile(r"\b(?:[Ss]ecretary|[Mm]inister|[Uu]nder-?[Ss]ecretary)\s+(?:of|for)"
                           r"\s+(?:the\s+)?$")


def a_portfolio(span: Span, start: int) -> bool:
    """Whether an organisation the tagger found is an office's portfolio ("Secretary of State",
    "Minister of Defence": a portfolio of one or two words after a secretary or a minister),
    not a body ("the commissioner of the National Football League", "the secretary of the
    Xinjiang Communist Party Committee" stay); a knowledge-base name stays."""
    return span.label_ == "ORG" and not span.ent_id_ and len(span) <= 2 and bool(
        _PORTFOLIO_OF.search(text_of(span.doc), max(0, start - 40), start))


def as_description(doc: Doc, mention: Mention) -> Mention:
    """A nationality, party or stance word that modifies a noun ("Iraqi lawmakers", "the
    Democratic nominee", "pro-Iranian groups", "Republican Donald Trump") describes an actor and
    is no actor of its own: its link is ``description`` (the mention is kept for the layers that
    read descriptions; the collection lists no entity for it). So is such a word in the
    singular, which names one member, a person described ("a Democrat whose office", "the
    Republican's disrespect", "ashamed to be an American"), and a place adjective the gazetteer
    does not know ("the Baltic countries", "the Ukrainian community"). A knowledge-base actor
    and a plural noun, the group ("the Kurds", "Democrats said"), stay actors."""
    if mention.actor_id or mention.label not in PLACE_LABELS | {"NORP"}:
        return mention
    if mention.label != "NORP" and (mention.place_id or mention.link != "model"):
        return mention
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    root = span.root
    one_word = len(span) == 1
    if root.dep_ in ("amod", "compound", "nmod") and root.head.i >= span.end and (
            mention.label == "NORP" or root.tag_ == "JJ" or one_word and root.dep_ != "compound"
    ) or root.tag_ == "JJ":
        return replace(mention, link="description")  # "the Central and East European Coalition"
    first = root.head
    if one_word and root.dep_ == "conj" and first.dep_ in ("amod", "compound", "nmod") and (
            first.head.i > root.i):  # "Polish, Ukrainian, and Lithuanian Americans"
        return replace(mention, link="description")
    if mention.label == "NORP" and root.tag_ not in ("NNS", "NNPS") and not (
            mention.text.endswith("s")):
        return replace(mention, link="description")
    return mention


#: An honorific right before a name ("Mr. King"): the name after it is a family name.
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$")


def with_honorific(span: Span, start: int, text: str) -> str:
    """A name with the honorific the text writes right before it ("Mr. King" for "King"): a
    title word after an honorific is a family name (``names.identity_words``)."""
    found = _HONORIFIC_BEFORE.search(text_of(span.doc), max(0, start - 6), start)
    return f"{found.group().strip()} {text}" if found else text

