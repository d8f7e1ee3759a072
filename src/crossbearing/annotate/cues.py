"""Attributions read from the dependency parse: cue words, their speakers and contents.

A cue is a verb of saying from :data:`CUE_VERBS` ("said", "told X that", "called on X to",
"pointed out", "called X a con"), "according to X", "in a statement" or "a statement issued by
X". The cue's subject is the speaker (climbing from "adding" or a second verb to the clause
that has one; "X's statement" gives X); its clausal complement, object or infinitive, as the
cue's frame allows, is the content; a cue inserted into what it reports ("..., he said")
reports the rest of its clause. Quotation marks are :mod:`annotate.quotes`' business: the
spans here are the parse's, which that module reconciles with the marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re
from dataclasses import dataclass, field

from crossbearing.annotate.nlp import text_of
from crossbearing.annotate.quotemarks import QuoteRun

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Cue frames: where a cue verb's content is found.
CLAUSE = "clause"    # a clausal complement: said (that) ..., told X that ...
OBJECT = "object"    # a direct object: denied the claims, announced the resumption of talks
TO = "to"            # an infinitive: vowed to retaliate, urged X to leave (with the object)
NAMING = "naming"    # an object and what it is called: called X "a con", described X as Y
#: Cue verbs by lemma, with the frames in which they report speech. A verb outside its frames
#: ("added troops", "called him") is not a cue. Particles and prepositions that make a phrase
#: cue ("point out", "call on/for", "warn of") are in :data:`CUE_PARTICLES`.
CUE_VERBS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("say", "tell", "add", "note", "explain", "insist", "quip", "claim",
                     "argue", "assert", "contend", "allege", "write", "tweet", "post", "report",
                     "reply", "respond", "recall", "remark", "observe", "concede", "testify",
                     "predict", "complain", "boast", "caution", "maintain", "suggest",
                     "indicate", "hint", "disclose", "reveal", "continue", "agree", "conclude",
                     "estimate", "find", "show", "ask", "speculate", "joke", "mention",
                     "comment", "read", "inform", "assure", "remind", "acknowledge", "admit",
                     "declare", "threaten", "criticize", "criticise"),
                    frozenset({CLAUSE})),
    **dict.fromkeys(("state", "stress", "emphasize", "emphasise", "underline", "underscore",
                     "affirm", "reaffirm", "reiterate", "confirm", "deny", "announce", "warn",
                     "highlight", "point", "vow", "pledge", "promise", "demand", "urge",
                     "accuse", "call", "propose", "recommend", "request", "appeal", "cite"),
                    frozenset({CLAUSE, OBJECT, TO})),
    **dict.fromkeys(("describe", "characterize", "characterise", "portray", "label", "brand",
                     "dub", "term"), frozenset({NAMING, OBJECT})),
}
#: Naming verbs that need the name given ("called him a con"), not just an object ("called him").
NAMING_ONLY = frozenset({"call", "label", "brand", "dub", "term"})
#: Verbs that are cues only with a particle or preposition: lemma -> words that make the cue.
CUE_PARTICLES: dict[str, frozenset[str]] = {
    "point": frozenset({"out", "to"}), "call": frozenset({"on", "for", "upon"}),
    "appeal": frozenset({"to", "for"}), "warn": frozenset({"of", "against", "about"}),
    "accuse": frozenset({"of"}), "blame": frozenset({"for", "on"}), "insist": frozenset({"on"}),
}
#: Cues that take only an object (or particle phrase) when their subject is a document:
#: "the statement read ...".
DOCUMENT_VERBS = frozenset({"read"})
#: Nouns for documents that speak for their author: "the statement said", "in a statement".
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "release",
                             "announcement", "message", "letter", "post", "tweet", "video",
                             "speech", "interview", "remark", "comment", "address", "briefing",
                             "conference", "report", "filing", "op-ed", "editorial", "email"})
#: Verbs of issuing a document: "a statement issued by X".
ISSUE_VERBS = frozenset({"issue", "release", "publish", "put", "send", "post", "sign", "carry"})
#: Subject words that are never speakers.
_NOT_SPEAKERS = frozenset({"there", "which", "that", "what", "who", "whom"})
_EDGE = " \t\n,;:—–-"
#: What a speaker's span never begins or ends with: separators and quotation marks.
_SPEAKER_EDGE = _EDGE + "\"“”‘’'«»‹›"
_WORD = re.compile(r"\w")
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: Dependents that frame a clause rather than belong to what is reported: "In January, ...".
_FRAMING = frozenset({"prep", "npadvmod", "advcl", "cc", "intj", "mark"})


@dataclass
class Attribution:
    """An attribution before its speaker is resolved, in article character offsets.

    ``head`` is the speaker's head token in the article's parse;
    ``statement`` marks speech given as a statement ("in a statement", "the statement said");
    ``continues`` is the attribution whose speaker a quote with no cue of its own takes;
    ``inserted`` marks a cue inserted into its content ("..., he said, ...")."""

    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    head: Token | None = None
    kind: str = "indirect"
    statement: bool = False
    continues: Attribution | None = None
    runs: list[QuoteRun] = field(default_factory=list)
    inserted: bool = False

    @property
    def start(self) -> int:
        return min([s for s, _ in self.content] + ([self.speaker[0]] if self.speaker else []))


def cue_attribution(doc: Doc, token: Token) -> Attribution | None:
    """The attribution ``token`` cues, if it is a cue word."""
    if token.lower_ == "according":
        return _according(doc, token)
    if token.pos_ == "NOUN" and token.lemma_.lower() in STATEMENT_NOUNS:
        return _in_statement(doc, token) or _issued_by(doc, token)
    if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in CUE_VERBS:
        return _verb_cue(doc, token)
    return None


def _verb_cue(doc: Doc, verb: Token) -> Attribution | None:
    """A cue verb: its subject speaks; its complement (by frame) or, for an inserted "..., he
    said", the rest of its clause is what was said. Verbs that cue only with a particle ("point
    out", "call on") need it; "read" cues only for a document ("the statement read")."""
    lemma = verb.lemma_.lower()
    particle = _particle(verb, CUE_PARTICLES.get(lemma, frozenset()))
    naming = _naming(verb) if lemma in NAMING_ONLY or NAMING in CUE_VERBS[lemma] else []
    if particle is None and ((lemma in ("point", "appeal") or lemma in NAMING_ONLY and not naming)):
        return None
    subject = _subject(verb)
    if subject is None:
        return None
    if lemma in DOCUMENT_VERBS and subject.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    heads = naming if naming and particle is None else _content_heads(verb, CUE_VERBS[lemma],
                                                                       particle)
    if heads:
        inside = _token_ids(heads)
        content = _spans(doc, inside - (_token_ids([subject]) - inside) - {verb.i}, verb)
    elif verb.dep_ in ("parataxis", "ccomp") and verb.head.lemma_.lower() not in CUE_VERBS:
        return _inserted(doc, verb, subject)
    else:
        content = []
    end = particle if particle is not None and particle.i - verb.i in (1, 2) else verb
    return _built(doc, subject, (verb.idx, end.idx + len(end)), content)


def _inserted(doc: Doc, verb: Token, subject: Token) -> Attribution | None:
    """A cue inserted into what it reports ("The plan, he said, failed." / "It failed, he
    said."): the rest of the clause, less what only frames it ("In January, ...", "But")."""
    head = verb.head
    framing = [c for c in head.lefts if c.dep_ in _FRAMING and c.i < verb.i]
    content = _spans(doc, _token_ids([head]) - _token_ids([verb, *framing]), verb)
    found = _built(doc, subject, (verb.idx, verb.idx + len(verb)), content)
    if found is not None:
        found.inserted = True
    return found


def _naming(verb: Token) -> list[Token]:
    """An object and the name it is given: "called [Trump] [a con]", "described [X] as [Y]"."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    names = [c for c in verb.children if c.i > verb.i and (c.dep_ in ("oprd", "xcomp", "ccomp")
                                                        or c.dep_ == "prep" and c.lower_ == "as")]
    return objects + names if objects and names else []


def _particle(verb: Token, words: frozenset[str]) -> Token | None:
    """The particle or preposition that makes the cue ("out", "on", "for"), if present."""
    return next((c for c in verb.children if c.dep_ in ("prt", "prep") and c.lower_ in words),
                None)


def _subject(verb: Token) -> Token | None:
    """Who speaks through ``verb`` (never from another paragraph)."""
    subject = _subject_of(verb)
    if subject is None or _paragraph(verb.doc, verb) != _paragraph(verb.doc, subject):
        return None
    return subject


def _subject_of(verb: Token) -> Token | None:
    """The subject, or the agent of a passive; for a verb without one ("..., adding that",
    "condemned ... and claimed") the subject of the verb it hangs on, its object for an
    infinitive ("prompting X to announce"), the noun a participle describes ("a statement
    saying"); failing all, a name or noun right before the verb (the parse missed it)."""
    reporter = _reporting_cue(verb) if verb.tag_ == "VBG" and verb.dep_ == "advcl" else None
    if reporter is not None:
        return _own_subject(reporter)
    for _ in range(4):
        own = _own_subject(verb)
        if own is not None:
            return own
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        if verb.dep_ == "acl" and verb.head.pos_ in _NOMINAL:
            return verb.head
        controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if verb.dep_ == "xcomp" and controller is not None:
            return controller
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head is verb:
            return _preceding_nominal(verb)
        verb = verb.head
    return None


def _reporting_cue(verb: Token) -> Token | None:
    """The cue verb whose clausal content a participle ("..., calling them a cause of
    instability") hangs in: such a participle speaks for that cue's speaker."""
    for ancestor in verb.ancestors:
        if ancestor.dep_ == "ccomp" and ancestor.head.lemma_.lower() in CUE_VERBS:
            return ancestor.head
    return None


def _own_subject(verb: Token) -> Token | None:
    """The verb's own nominal subject nearest to it ("who" in a relative clause stands for the
    noun it describes), else the agent of a passive."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.pos_ in _NOMINAL]
    if verb.dep_ == "relcl" and any(c.lower_ in _NOT_SPEAKERS for c in subjects):
        return verb.head
    subjects = [c for c in subjects if c.lower_ not in _NOT_SPEAKERS]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None


def _preceding_nominal(verb: Token) -> Token | None:
    """A name, noun or pronoun right before the verb (past auxiliaries and adverbs)."""
    i = verb.i - 1
    while i >= verb.sent.start and (verb.doc[i].dep_ in ("aux", "neg", "advmod")
                                    or verb.doc[i].pos_ == "ADV"):
        i -= 1
    token = verb.doc[i] if i >= verb.sent.start else None
    if token is None or token.pos_ not in ("PROPN", "NOUN", "PRON") or token.dep_ == "case":
        return None  # a possessive marker the parse took for a name ("LET'S SAY") is no speaker
    return None if token.lower_ in _NOT_SPEAKERS else token


def _content_heads(verb: Token, frames: frozenset[str], particle: Token | None) -> list[Token]:
    """The tokens whose subtrees are the cue's content, by the cue's frames."""
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ == "ccomp" or (c.dep_ == "advcl" and _has_that(c))]
    if clauses and CLAUSE in frames:
        return clauses
    infinitives = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i]
    if particle is not None and particle.dep_ == "prep":
        objects = [c for c in particle.children if c.dep_ in ("pobj", "pcomp")]
        return objects + infinitives if objects else []
    if OBJECT in frames:
        objects = [c for c in children if c.dep_ == "dobj" and c.lower_ not in _NOT_SPEAKERS
                   and c.i > verb.i]
        extra = [c for c in children if c.dep_ == "prep" and c.lower_ == "of" and objects]
        if objects:
            return objects + infinitives + extra
    if TO in frames and infinitives:
        return infinitives
    return _that_clause(verb) if CLAUSE in frames else []


def _that_clause(verb: Token) -> list[Token]:
    """A "that"-clause the parse hung elsewhere ("said at the time that it had killed ...",
    where "that ... killed" became a relative clause of "time"): the verb the "that" leads."""
    for token in verb.doc[verb.i + 1:min(verb.i + 6, verb.sent.end)]:
        clause = token.head
        if token.lower_ == "that" and clause.pos_ in ("VERB", "AUX") and clause.i > token.i \
                and verb in clause.ancestors:
            return [token, clause]
    return []


def _has_that(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _according(doc: Doc, token: Token) -> Attribution | None:
    """ "According to X, ..." / "..., according to X": X speaks the rest of the clause."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    clause = token.head if token.head.pos_ in ("VERB", "AUX") else token.sent.root
    content = _spans(doc, _token_ids([clause]) - _token_ids([token]), token)
    return _built(doc, source, (token.idx, to.idx + len(to)), content)


def _in_statement(doc: Doc, noun: Token) -> Attribution | None:
    """ "In a statement, X attributed the loss to ...": X's clause (without X) is the content.
    Not when the clause's verb is itself a cue ("said in a statement"): that verb speaks."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(t.lemma_.lower() in CUE_VERBS and t.pos_ in ("VERB", "AUX")
           for t in [verb, *verb.ancestors]):
        return None
    subject = _subject(verb)
    if subject is None:
        return None
    content = _spans(doc, _token_ids([verb]) - _token_ids([subject, prep]), noun)
    cue = (prep.idx, noun.idx + len(noun))
    found = _built(doc, subject, cue, content)
    if found is not None:
        found.statement = True
    return found


def _issued_by(doc: Doc, noun: Token) -> Attribution | None:
    """A sentence closed by ", a statement issued by X": X said what comes before the comma."""
    issued = next((c for c in noun.children if c.dep_ == "acl"
                   and c.lemma_.lower() in ISSUE_VERBS), None)
    agent = next((c for c in issued.children if c.dep_ == "agent"), None) if issued else None
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    start = noun.left_edge.i
    sent = noun.sent
    if source is None or start <= sent.start or doc[start - 1].text != ",":
        return None
    if any(not t.is_punct for t in doc[source.right_edge.i + 1:sent.end]):
        return None
    content = _spans(doc, set(range(sent.start, start - 1)), noun)
    found = _built(doc, source, (doc[start].idx, agent.idx + len(agent)), content)
    if found is not None:
        found.statement = True
    return found


def _built(doc: Doc, subject: Token, cue: tuple[int, int],
           content: list[tuple[int, int]]) -> Attribution | None:
    """An attribution with its speaker span; "X's statement" speaks for X."""
    statement = subject.lemma_.lower() in STATEMENT_NOUNS
    owner = next((c for c in subject.children if c.dep_ == "poss"), None) if statement else None
    head = owner if owner is not None else subject
    speaker = _speaker_span(doc, head, content, cue)
    if speaker is None:
        return None
    statement = statement or _mentions_statement(head.sent, content)
    return Attribution(content, cue, speaker, head, statement=statement)


def _speaker_span(doc: Doc, head: Token, content: list[tuple[int, int]],
                  cue: tuple[int, int]) -> tuple[int, int] | None:
    """The speaker's words: the head's phrase (with apposition), cut back to the head's own
    words where the parse let it run into the content or the cue."""
    para = _paragraph(doc, head)
    ids = {t.i for t in head.subtree
           if (t.i == head.i or t.dep_ != "case") and para[0] <= t.idx < para[1]}
    if not ids:  # only a line break the parse took for a noun lies outside its own paragraph
        return None
    last = doc[max(ids)]
    span = _trim(text_of(doc), doc[min(ids)].idx, last.idx + len(last), _SPEAKER_EDGE)
    if span is None or any(_overlaps(span, c) for c in content + [cue]):
        left = min((t.i for t in head.lefts if t.dep_ in ("compound", "det", "amod", "poss")),
                   default=head.i)
        span = _trim(text_of(doc), doc[left].idx, head.idx + len(head), _SPEAKER_EDGE)
    return span


def _mentions_statement(sent, content: list[tuple[int, int]]) -> bool:
    """Whether the sentence speaks of a statement outside the content ("in a statement")."""
    return any(t.lemma_.lower() in ("statement", "communique", "communiqué")
               and not any(s <= t.idx < e for s, e in content) for t in sent)


# --- spans -------------------------------------------------------------------------------------

def _token_ids(tokens: list[Token]) -> set[int]:
    return {t.i for token in tokens for t in token.subtree}


def _paragraph(doc: Doc, token: Token) -> tuple[int, int]:
    """``(start, end)`` of the line ``token`` is on: the parse may run sentences over paragraph
    breaks, attributions may not."""
    text = text_of(doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    return start, end if end >= 0 else len(text)


def _spans(doc: Doc, ids: set[int], anchor: Token) -> list[tuple[int, int]]:
    """Character spans of runs of consecutive token ids in ``anchor``'s paragraph, trimmed of
    edge punctuation and of a leading relative pronoun ("which [it said] the group had")."""
    para = _paragraph(doc, anchor)
    spans: list[tuple[int, int]] = []
    previous = None
    for i in sorted(ids):
        token = doc[i]
        if not para[0] <= token.idx < para[1] or (i - 1 not in ids and token.tag_ in ("WDT", "WP")):
            continue
        if previous == i - 1:
            spans[-1] = (spans[-1][0], token.idx + len(token))
        else:
            spans.append((token.idx, token.idx + len(token)))
        previous = i
    return [s for s in (_trim(text_of(doc), a, b) for a, b in spans) if s is not None]


def _trim(text: str, start: int, end: int, edge: str = _EDGE + ".") -> tuple[int, int] | None:
    """``(start, end)`` without ``edge`` characters at either end (by default spaces,
    separators and a final full stop, which stays inside a closing quotation mark); None when
    no word is left."""
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge:
        end -= 1
    return (start, end) if _WORD.search(text, start, end) else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
