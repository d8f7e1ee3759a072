"""The framing lexicon: loaded words of every part of speech, matched on the lemmas of a parsed
text so that one form covers its inflections.

Two data files make one lexicon: ``data/framing_lexicon.toml``, the conflict vocabulary, one
``[[entry]]`` per headword ("assassinated", "martyr", "regime"), and
``data/loaded_language.toml``, loaded language at large, ``[[group]]`` tables of headwords that
share a category, a tag and the published list they follow (said-verbs such as "slammed",
framing verbs such as "doubled down", evaluative and intensifying adjectives and adverbs, loaded
nouns and labels, distancing words such as "so-called", epistemic words such as "claimed" and
"conceded"). Both files document their format; docs/framing.md explains the categories, tags
and sources. The "-ly" adverb of a listed evaluative or intensifying adjective ("testily") is
matched as its adjective, without an entry of its own.

A word is not its sense: "criminal" in "criminal charges" is legal vocabulary, "conceded" in
"conceded the election" reports no speech, "eliminated" in "eliminated the deficit" kills no one.
So an entry may require a part of speech and a use read from the parse (``sense``), and
``[[neutral_use]]`` lists fixed collocations in which a listed word is plain vocabulary.

Matching is a single pass over the tokens with a dictionary lookup per token, so it costs next to
nothing beside the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import hashlib
import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache

from crossbearing.annotate.cues import STATEMENT_NOUNS
from crossbearing.knowledge.bundle import Knowledge

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Categories an entry may have (docs/framing.md says what each holds).
CATEGORIES = frozenset({"act", "actor", "said-verb", "framing-verb", "evaluative", "intensifier",
                        "label", "distancing", "epistemic"})
#: Tags an entry may have: what choosing the word does.
TAGS = frozenset({"delegitimising", "legitimising", "violence-emphasis", "minimising",
                  "disparaging", "favourable", "casts-doubt", "presupposes", "boosting",
                  "dramatising", "intensifying", "partisan", "distancing"})
#: Uses an entry may require (``sense``), read from the parse; ``actor`` is checked by the
#: framing annotator, which knows the names (the word must be tied to an actor).
SENSES = frozenset({"speech", "speaker", "person", "modifier", "actor", "figurative",
                    "statement"})
#: Categories of adjectives whose "-ly" adverbs judge as they do ("testily", "dismissively").
ADVERB_CATEGORIES = frozenset({"evaluative", "intensifier"})
#: Parts of speech an entry may require of a one-word form (spaCy's coarse tags).
PARTS_OF_SPEECH = frozenset({"ADJ", "ADV", "NOUN", "PROPN", "VERB"})
#: In a form, stands for up to ``GAP`` other words.
GAP_MARK = "..."
GAP = 3
#: The lexicon files (names in ``knowledge.files``), read together.
BUNDLED_FILES = ("framing_lexicon", "loaded_language")

#: Dependencies by which a verb reports speech: a clause ("conceded that ..."), a sentence beside
#: it ('"...," she conceded') or an infinitive ("claimed to have ...").
_SPEECH_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
#: Nouns for people whom an act such as "eliminate" can be done to, beside names and pronouns.
_PERSON_NOUNS = frozenset({
    "commander", "leader", "chief", "fighter", "militant", "member", "official", "officer",
    "soldier", "troop", "terrorist", "insurgent", "enemy", "rival", "opponent", "suspect", "target",
    "operative", "militiaman", "gunman", "civilian", "people", "man", "woman", "child", "figure",
    "cell", "group", "faction", "network", "threat", "dissident", "critic", "witness"})
_PERSON_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Nouns for speakers beside names, pronouns and the people of ``_PERSON_NOUNS``.
_SPEAKER_NOUNS = frozenset({
    "party", "campaign", "administration", "government", "lawmaker", "senator", "governor",
    "president", "minister", "spokesman", "spokeswoman", "spokesperson", "democrat",
    "republican", "conservative", "liberal", "activist", "union", "lobby", "committee",
    "council", "court", "judge", "lawyer", "company", "side", "supporter", "protester",
    "voter", "resident", "worker", "expert", "analyst", "candidate", "mayor", "chairman"})
#: Nouns for organised groups, beside those of ``_PERSON_NOUNS`` and ``_SPEAKER_NOUNS``: what a
#: word of power or standing ("the powerful lobby") may describe.
_GROUP_NOUNS = frozenset({
    "lobby", "organization", "organisation", "association", "coalition", "alliance", "caucus",
    "movement", "establishment", "industry", "firm", "corporation", "bloc", "wing", "leadership",
    "elite", "donor", "official", "politician", "legislator", "congressman", "congresswoman",
    "figure", "player", "broker", "interest", "mogul", "tycoon", "magnate", "billionaire",
    "millionaire", "celebrity", "star", "pundit", "host", "anchor"})
#: Objects that make a word of violence literal: people, places and buildings.
_LITERAL_ENTITIES = frozenset({"PERSON", "NORP", "GPE", "LOC", "FAC"})
_PLACE_NOUNS = frozenset({
    "house", "home", "office", "building", "compound", "headquarters", "base", "camp",
    "village", "town", "city", "position", "facility", "site", "store", "shop", "bank",
    "embassy", "convoy", "checkpoint", "hospital", "school", "mosque", "church", "prison",
    "port", "airport", "ship", "vessel", "plant", "farm", "border", "street", "neighborhood",
    "district", "area", "region", "territory", "hideout", "apartment", "residence", "warehouse",
    "depot", "tunnel", "palace", "capitol", "parliament", "stronghold", "outpost", "line"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
#: Participles used as adjectives ("the embattled governor", "he was disgraced").
_ADJECTIVAL_DEPS = frozenset({"amod", "acomp", "oprd", "conj", "appos"})
_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


@dataclass(frozen=True)
class LexiconEntry:
    """One loaded word: its headword, category, tag and neutral counterpart; ``source`` names the
    published list its category follows, ``pos`` the parts of speech a one-word form must have
    (empty: any), ``sense`` the use it must have (None: any)."""

    term: str
    category: str
    tag: str
    neutral: str | None
    note: str | None
    source: str | None = None
    pos: frozenset[str] = frozenset()
    sense: str | None = None


@dataclass(frozen=True)
class Match:
    """A lexicon form found in a text: tokens ``first`` to ``last`` (inclusive)."""

    entry: LexiconEntry
    first: int
    last: int


Form = tuple[str, ...]


class Lexicon:
    """Entries indexed by the first lemma of each of their forms, and the neutral collocations
    that override them."""

    def __init__(self, entries: list[tuple[LexiconEntry, list[Form]]], version: str,
                 neutral_uses: list[Form] | None = None):
        self.version = version
        self.entries = [entry for entry, _ in entries]
        self._by_first = _index((entry, form) for entry, forms in entries for form in forms)
        self._neutral = _index((None, form) for form in neutral_uses or [])
        self._adjectives = {form[0]: entry for entry, forms in entries for form in forms
                            if len(form) == 1 and "ADJ" in entry.pos
                            and entry.category in ADVERB_CATEGORIES}

    @classmethod
    def from_toml(cls, *texts: str) -> "Lexicon":
        """Parse and check one or more lexicon files; ``ValueError`` names the first bad entry."""
        entries: list[tuple[LexiconEntry, list[Form]]] = []
        neutral: list[Form] = []
        versions = []
        for text in texts:
            data = tomllib.loads(text)
            versions.append(str(data.get("version", "1")))
            entries += [_entry(raw, index) for index, raw in enumerate(data.get("entry", []))]
            for index, raw in enumerate(data.get("group", [])):
                entries += _group(raw, index)
            neutral += [_form(f, "neutral use") for use in data.get("neutral_use", [])
                        for f in use.get("forms", [])]
        _check_unique(entries)
        digest = hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()[:10]
        return cls(entries, f"{'.'.join(versions)}-{digest}", neutral)

    def find(self, doc: Doc, senses: bool = True) -> list[Match]:
        """Every non-overlapping match in ``doc``, in text order; the longest form wins. With
        ``senses`` (the default) a match must have its entry's part of speech and use and lie
        outside every neutral collocation; without, every form found counts."""
        plain = self._neutral_tokens(doc) if senses else set()
        matches: list[Match] = []
        covered_to = -1
        for token in doc:
            if token.i <= covered_to or token.i in plain:
                continue
            for entry, form in _candidates(self._by_first, token):
                last = _match_rest(doc, token.i, form)
                if last is None:
                    continue
                if senses and (not _fits(entry, doc, token, len(form))
                               or any(i in plain for i in range(token.i, last + 1))):
                    continue
                matches.append(Match(entry, token.i, last))
                covered_to = last
                break
            else:
                derived = self._adverb(token)
                if derived is not None:
                    matches.append(Match(derived, token.i, token.i))
        return matches

    def _adverb(self, token: Token) -> LexiconEntry | None:
        """A manner adverb made from a listed evaluative or intensifying adjective ("testily"
        from "testy", "dismissively" from "dismissive") judges as its adjective does: the
        adjective's entry, with the adverb as headword and the neutral adjective's adverb."""
        if token.pos_ != "ADV" or not token.lower_.endswith("ly"):
            return None
        for base in _adjective_bases(token.lower_):
            entry = self._adjectives.get(base)
            if entry is not None:
                neutral = _adverb_of(entry.neutral) if entry.neutral else None
                return replace(entry, term=token.lower_, neutral=neutral, pos=frozenset({"ADV"}))
        return None

    def _neutral_tokens(self, doc: Doc) -> set[int]:
        covered: set[int] = set()
        for token in doc:
            for _, form in _candidates(self._neutral, token):
                last = _match_rest(doc, token.i, form)
                if last is not None:
                    covered.update(range(token.i, last + 1))
                    break
        return covered


def _adjective_bases(adverb: str) -> list[str]:
    """The adjectives an "-ly" adverb may be made from: "testily" testy, "dramatically"
    dramatic, "predictably" predictable, "dismissively" dismissive, "fully" full."""
    stem = adverb[:-2]
    bases = [stem]
    if stem.endswith("i"):
        bases.append(stem[:-1] + "y")
    if stem.endswith("ical"):
        bases.append(stem[:-2])
    if stem.endswith(("ab", "ib")):
        bases.append(stem + "le")
    if adverb.endswith("lly") and not stem.endswith("al"):
        bases.append(adverb[:-1])
    return bases


def _adverb_of(adjective: str) -> str | None:
    """The "-ly" adverb of a one-word adjective ("strict" strictly, "angry" angrily,
    "terrible" terribly, "ironic" ironically); None for a phrase."""
    if " " in adjective:
        return None
    if adjective.endswith("y") and not adjective.endswith("ey"):
        return adjective[:-1] + "ily"
    if adjective.endswith("le"):
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"


def _index(pairs) -> dict[str, list]:
    by_first: dict[str, list] = {}
    for entry, form in pairs:
        by_first.setdefault(form[0], []).append((entry, form))
    for candidates in by_first.values():
        candidates.sort(key=lambda c: -len(c[1]))  # longest form first
    return by_first


def _candidates(index: dict[str, list], token: Token) -> list:
    lemma = token.lemma_.lower()
    found = index.get(lemma, [])
    if token.lower_ != lemma:
        found = found + index.get(token.lower_, [])
    return sorted(found, key=lambda c: -len(c[1])) if len(found) > 1 else found


def _form(text: str, where: str) -> Form:
    form = tuple(_WORD_HYPHEN.sub(" - ", text.strip().lower()).split())
    if not form or form[0] == GAP_MARK or form[-1] == GAP_MARK:
        raise ValueError(f"{where}: a form cannot be empty or start or end with {GAP_MARK!r}")
    return form


def _checked(raw: dict, where: str) -> tuple[str, str, frozenset[str], str | None]:
    if raw.get("category") not in CATEGORIES:
        raise ValueError(f"{where}: category must be one of {sorted(CATEGORIES)}")
    if raw.get("tag") not in TAGS:
        raise ValueError(f"{where}: tag must be one of {sorted(TAGS)}")
    pos = frozenset(raw.get("pos", []))
    if not pos <= PARTS_OF_SPEECH:
        raise ValueError(f"{where}: pos must be among {sorted(PARTS_OF_SPEECH)}")
    sense = raw.get("sense")
    if sense is not None and sense not in SENSES:
        raise ValueError(f"{where}: sense must be one of {sorted(SENSES)}")
    return raw["category"], raw["tag"], pos, sense


def _entry(raw: dict, index: int) -> tuple[LexiconEntry, list[Form]]:
    where = f"framing lexicon entry {index + 1} ({raw.get('term', '?')!r})"
    if not raw.get("term") or not raw.get("forms"):
        raise ValueError(f"{where}: needs a term and forms")
    category, tag, pos, sense = _checked(raw, where)
    forms = [_form(form, where) for form in raw["forms"]]
    entry = LexiconEntry(raw["term"], category, tag, raw.get("neutral"), raw.get("note"),
                         raw.get("source"), pos, sense)
    return entry, forms


def _group(raw: dict, index: int) -> list[tuple[LexiconEntry, list[Form]]]:
    """A group's words, each "form | form = neutral", as entries sharing the group's fields."""
    where = f"framing lexicon group {index + 1} ({raw.get('category', '?')}, {raw.get('tag', '?')})"
    if not raw.get("words"):
        raise ValueError(f"{where}: needs words")
    category, tag, pos, sense = _checked(raw, where)
    entries = []
    for word in raw["words"]:
        written, _, neutral = word.partition(" = ")
        forms = [_form(form, f"{where}, {word!r}") for form in written.split("|")]
        term = " ".join(forms[0]).replace(" - ", "-")
        entries.append((LexiconEntry(term, category, tag, neutral.strip() or None, raw.get("note"),
                                     raw.get("source"), pos, sense), forms))
    return entries


def _check_unique(entries: list[tuple[LexiconEntry, list[Form]]]) -> None:
    """No form in two entries whose parts of speech overlap ("blunder" the verb and "blunder"
    the noun may be two entries)."""
    seen: dict[Form, list[LexiconEntry]] = {}
    for entry, forms in entries:
        for form in forms:
            for other in seen.get(form, []):
                if other is not entry and (not entry.pos or not other.pos or entry.pos & other.pos):
                    raise ValueError(f"framing lexicon: form {' '.join(form)!r} is in both "
                                     f"{other.term!r} and {entry.term!r}")
            seen.setdefault(form, []).append(entry)


def _same(token: Token, word: str) -> bool:
    return token.lemma_.lower() == word or token.lower_ == word


def _match_rest(doc: Doc, first: int, form: Form) -> int | None:
    """The index of the last token of ``form`` matched from token ``first``, or None. Matches
    stay inside the sentence of their first token."""
    end = doc[first].sent.end
    position = first
    gap = 0
    for word in form[1:]:
        if word == GAP_MARK:
            gap = GAP
            continue
        for candidate in range(position + 1, min(position + 2 + gap, end)):
            if _same(doc[candidate], word):
                position = candidate
                break
        else:
            return None
        gap = 0
    return position


def _fits(entry: LexiconEntry, doc: Doc, token: Token, length: int) -> bool:
    """The word has the entry's part of speech (one-word forms) and the use it requires."""
    if length == 1 and entry.pos and not _has_pos(token, entry.pos):
        return False
    if entry.sense == "speech":
        return _names_speech(token) if token.pos_ in ("NOUN", "PROPN") else _reports_speech(token)
    if entry.sense == "person":
        return _said_of_person(token) if token.pos_ == "ADJ" else _done_to_person(token)
    if entry.sense == "statement":
        return _said_of_statement(token)
    if entry.sense == "modifier":
        return token.dep_ in _MODIFIER_DEPS
    if entry.sense == "figurative":
        return _done_to_abstract(token)
    if entry.sense == "speaker":
        return _said_by_someone(token)
    return True


def _has_pos(token: Token, pos: frozenset[str]) -> bool:
    if token.pos_ in pos:
        return True
    if "VERB" in pos and token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children):
        return True  # a noun takes no subject: the tagger missed a verb ("the senator demands")
    # a participle used as an adjective ("the embattled governor"), or any word the parser
    # attaches as an adjectival modifier though it tagged it otherwise ("meandering remarks")
    return "ADJ" in pos and (token.tag_ in ("VBN", "VBG") and token.dep_ in _ADJECTIVAL_DEPS
                             or token.dep_ == "amod" and token.pos_ == "NOUN"
                             and token.lower_.endswith(("ing", "ed")))


def _reports_speech(verb: Token) -> bool:
    """"conceded that ...", '"...," he conceded', "claimed to have": not "conceded the race"."""
    return verb.dep_ == "parataxis" or any(c.dep_ in _SPEECH_DEPS for c in verb.children)


def _is_person(token: Token) -> bool:
    """A name, a pronoun, or a noun for a person or a group."""
    lemma = token.lemma_.lower()
    return (token.ent_type_ in _PERSON_ENTITIES or token.pos_ in ("PROPN", "PRON")
            or lemma in _PERSON_NOUNS or lemma in _SPEAKER_NOUNS or lemma in _GROUP_NOUNS
            or token.lower_.endswith(("man", "woman", "person")))


def _described(adjective: Token) -> list[Token]:
    """What an adjective says something of: the noun it modifies ("the powerful lobby"), or
    the subject of the verb it completes ("the lobby is powerful")."""
    if adjective.dep_ in ("amod", "compound", "conj") and adjective.head.pos_ in ("NOUN", "PROPN"):
        return [adjective.head]
    if adjective.dep_ in ("acomp", "attr", "oprd"):
        return [c for c in adjective.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []


def _said_of_person(adjective: Token) -> bool:
    """An adjective of power or standing describes a person or a group ("the powerful lobby",
    "the senator is powerful"), not a thing ("a powerful storm", "powerful engines")."""
    return any(_is_person(t) for t in _described(adjective))


def _said_of_statement(adjective: Token) -> bool:
    """An adjective of manner of speaking describes a statement ("a rambling speech"), not a
    road or a river ("a winding road")."""
    return any(t.lemma_.lower() in STATEMENT_NOUNS for t in _described(adjective))


def _names_speech(noun: Token) -> bool:
    """A noun for a speech act names someone's act: it has an infinitive or a clause ("the
    threat to filibuster", "a vow that ...") or a person or a group who made it ("the GOP's
    threat", "threats from the mogul"); not "the terror threat" or "a threat to security"."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.pos_ in ("VERB", "AUX") and any(
                g.dep_ in ("aux", "mark") and g.lower_ in ("to", "that") for g in child.children):
            return True
        if child.dep_ == "poss" and _is_person(child):
            return True
        if child.dep_ == "prep" and child.lower_ in ("from", "by") and any(
                g.dep_ == "pobj" and _is_person(g) for g in child.children):
            return True
    return False


def _done_to_person(verb: Token) -> bool:
    """The verb's object (or passive subject) is a person or a group."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return _is_person(child)
    return False


def _said_by_someone(verb: Token) -> bool:
    """The verb's subject (or that of the verb it is joined to) is a person or a group: "the
    senator threatened to veto", not "the storm threatened to flood the valley"; with no
    subject in sight, the verb must report speech ("after demanding that ..."). A verb with a
    clause or a quote of its own ('..., the senator complained, ...') is speech whoever says it."""
    if verb.dep_ == "parataxis" or any(c.dep_ == "ccomp" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ == "VERB":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects:
        return _reports_speech(verb)
    return any(s.ent_type_ in _PERSON_ENTITIES or s.pos_ in ("PROPN", "PRON")
               or s.lemma_.lower() in _PERSON_NOUNS or s.lemma_.lower() in _SPEAKER_NOUNS
               or s.lower_.endswith(("man", "woman", "person")) for s in subjects)


def _done_to_abstract(word: Token) -> bool:
    """A word of violence used for politics: its object ("raided the pension fund"), or what
    it is "on" or "against" ("an assault on the bill"), is neither a person or a group nor a
    place or a building ("raided the compound", "an assault on the city" are literal)."""
    if word.pos_ == "VERB":
        targets = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        targets = [g for c in word.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                   for g in c.children if g.dep_ == "pobj"]
    return bool(targets) and not any(
        t.ent_type_ in _LITERAL_ENTITIES or t.pos_ == "PRON"
        or t.lemma_.lower() in _PERSON_NOUNS or t.lemma_.lower() in _PLACE_NOUNS
        for t in targets)


def bundled_lexicon() -> Lexicon:
    """The lexicon shipped with the package, read once per process."""
    return lexicon_of(Knowledge.bundled())


def lexicon_of(knowledge: Knowledge) -> Lexicon:
    """The lexicon of ``knowledge``'s lexicon files, parsed once per content."""
    return _parsed(*(knowledge.text(name) for name in BUNDLED_FILES))


@lru_cache(maxsize=4)
def _parsed(*texts: str) -> Lexicon:
    return Lexicon.from_toml(*texts)
