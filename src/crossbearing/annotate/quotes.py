"""Quotes and reported speech in one article, with who said them.

Three layers, each doing what it is good at:

1. **Quotation marks** (:mod:`annotate.quotemarks`) give the exact extent of direct quotes,
   including quotes that run over several paragraphs with their closing marks left off.
2. **The dependency parse** gives attributions: a cue verb from :data:`CUE_VERBS` ("said",
   "told X that", "called on X to", "pointed out"), "according to X", "in a statement" and
   "a statement issued by X". The cue's subject is the speaker (climbing from "adding" or a
   second verb to the clause that has one; "X's statement" gives X), its clausal complement,
   object or infinitive (as the cue's frame allows) is the content; a cue inserted into what it
   reports ("..., he said") reports the rest of its clause.
3. **Reconciliation** of the two: a content inside quotation marks is a direct quote and takes
   the marks' extent (all its paragraphs); a content that only partly is quoted is ``mixed``; a
   quote the parse did not attach takes a cue right next to it ("..." he said / he said: "..."),
   else, when it fills its paragraph or opens a sentence, the speaker of the previous quote.
   A short quoted phrase with no cue (a scare quote, a term) is not speech and is skipped.

Who the speaker is (names, pronouns, "the cleric", "the statement") is :mod:`annotate.speakers`'
work. Tested in tests/test_quotes.py; measured on PolNeAR by benchmarks/eval_quotes.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from spacy.tokens import Doc, Token

from crossbearing.annotate.nlp import pipeline
from crossbearing.annotate.quotemarks import QuoteRun, paragraphs, quote_runs
from crossbearing.annotate.speakers import SpeakerResolver
from crossbearing.model import Mention, Quote

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
                     "declare", "threaten", "criticize", "criticise", "complain"),
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
                             "speech", "interview", "remarks", "address", "briefing",
                             "conference", "report", "filing", "op-ed", "editorial", "email"})
#: Verbs of issuing a document: "a statement issued by X".
ISSUE_VERBS = frozenset({"issue", "release", "publish", "put", "send", "post", "sign", "carry"})
#: Subject words that are never speakers.
_NOT_SPEAKERS = frozenset({"there", "which", "that", "what", "who", "whom"})
_EDGE = " \t\n,;:—–-"
_WORD = re.compile(r"\w")
_MIN_SENTENCE_QUOTE_WORDS = 4
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: Dependents that frame a clause rather than belong to what is reported: "In January, ...".
_FRAMING = frozenset({"prep", "npadvmod", "advcl", "cc", "intj", "mark"})
_COLON_END = re.compile(r"[ \t]*:[ \t]*")
#: A transcript's speaker label: capitalised words and a colon opening a paragraph.
_SPEAKER_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]+(?=\S)")
#: Capitalised labels that are not speakers.
NOT_SPEAKER_LABELS = frozenset({
    "UPDATE", "UPDATED", "CLARIFICATION", "CORRECTION", "EDITOR'S NOTE", "EDITOR’S NOTE", "NOTE",
    "WATCH", "READ", "READ MORE", "RELATED", "PHOTOS", "PHOTO", "VIDEO", "BREAKING",
    "EXCLUSIVE", "WARNING", "SOURCE", "SOURCES", "UPDATES", "ALSO", "SEE", "LISTEN", "CREDIT"})
#: Pipeline components a paragraph parsed again does without (names come from the article).
_NOT_NEEDED = ("ner", "kb_names", "kb_acronyms")


@dataclass
class Attribution:
    """An attribution before its speaker is resolved: what :func:`quote_annotations` builds."""

    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    head: Token | None = None          # the speaker's head token
    kind: str = "indirect"
    statement: bool = False            # the speech was a statement ("in a statement", "the statement said")
    continues: Attribution | None = None  # a quote with no cue of its own continues this one
    runs: list[QuoteRun] = field(default_factory=list)
    offset: int = 0                    # where the parse ``head`` belongs to starts in the article
    inserted: bool = False             # the cue is inserted into its content ("..., he said")

    @property
    def start(self) -> int:
        return min([s for s, _ in self.content] + ([self.speaker[0]] if self.speaker else []))


def quote_annotations(doc: Doc, article_id: str, mentions: Sequence[Mention]) -> list[Quote]:
    """Every quote and piece of reported speech in ``doc`` (an article's parsed text), with its
    cue, speaker span and the speaker's identity resolved through ``mentions``."""
    runs = quote_runs(doc.text)
    inside = _run_index(runs)
    cues = []
    for unit, offset, tokens in _units(doc):
        for token in tokens:
            if not inside(token.idx + offset):
                found = _attribution(unit, token)
                if found is not None and not inside(found.head.idx + offset):
                    cues.append(_shifted(found, offset))
    attributions = _reconcile(doc.text, cues + _transcript(doc, runs), runs)
    attributions = sorted(attributions, key=lambda a: (a.start, -len(a.content)))
    resolver = SpeakerResolver(doc, mentions, [p for r in runs for p in r.parts])
    return [resolver.quote(article_id, a) for a in attributions]


def _units(doc: Doc) -> list[tuple[Doc, int, list[Token]]]:
    """What to read cues from: ``(parse, offset in the article, tokens)``. The article's own
    parse, except for paragraphs that a sentence of it runs over (a heading without a full
    stop merged with the next paragraph): those are parsed again on their own."""
    paras = paragraphs(doc.text)
    broken = set()
    for sent in doc.sents:
        if "\n" in sent.text.strip():
            broken |= {i for i, (s, e) in enumerate(paras) if s < sent.end_char and sent.start_char < e}
    kept = [t for t in doc if not any(paras[i][0] <= t.idx < paras[i][1] for i in broken)]
    units = [(doc, 0, kept)]
    if broken:
        spans = [paras[i] for i in sorted(broken)]
        parsed = pipeline().pipe((doc.text[s:e] for s, e in spans), disable=list(_NOT_NEEDED))
        units.extend((sub, start, list(sub)) for sub, (start, _) in zip(parsed, spans))
    return units


def _shifted(attribution: Attribution, offset: int) -> Attribution:
    """``attribution`` found in a parse starting at ``offset``, in article offsets."""
    if not offset:
        return attribution
    move = lambda span: (span[0] + offset, span[1] + offset) if span else span  # noqa: E731
    attribution.content = [move(c) for c in attribution.content]
    attribution.cue, attribution.speaker = move(attribution.cue), move(attribution.speaker)
    attribution.offset = offset
    return attribution


# --- cues from the parse ---------------------------------------------------------------------

def _attribution(doc: Doc, token: Token) -> Attribution | None:
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
    return _built(doc, subject, (verb.idx, end.idx + len(end)), content, verb)


def _inserted(doc: Doc, verb: Token, subject: Token) -> Attribution | None:
    """A cue inserted into what it reports ("The plan, he said, failed." / "It failed, he
    said."): the rest of the clause, less what only frames it ("In January, ...", "But")."""
    head = verb.head
    framing = [c for c in head.lefts if c.dep_ in _FRAMING and c.i < verb.i]
    content = _spans(doc, _token_ids([head]) - _token_ids([verb, *framing]), verb)
    found = _built(doc, subject, (verb.idx, verb.idx + len(verb)), content, verb)
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
    if token is None or token.pos_ not in ("PROPN", "NOUN", "PRON") or token.lower_ in _NOT_SPEAKERS:
        return None
    return token


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
    return infinitives if TO in frames else []


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
    return _built(doc, source, (token.idx, to.idx + len(to)), content, None)


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
    found = _built(doc, subject, cue, content, None)
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
    found = _built(doc, source, (doc[start].idx, agent.idx + len(agent)), content, None)
    if found is not None:
        found.statement = True
    return found


def _built(doc: Doc, subject: Token, cue: tuple[int, int], content: list[tuple[int, int]],
           verb: Token | None) -> Attribution | None:
    """An attribution with its speaker span; "X's statement" speaks for X."""
    statement = subject.lemma_.lower() in STATEMENT_NOUNS
    owner = next((c for c in subject.children if c.dep_ == "poss"), None) if statement else None
    head = owner if owner is not None and owner.pos_ != "PRON" else subject
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
    ids = {t.i for t in head.subtree if t.dep_ != "case" and para[0] <= t.idx < para[1]}
    span = _trim(doc.text, doc[min(ids)].idx, doc[max(ids)].idx + len(doc[max(ids)]))
    if span is None or any(_overlaps(span, c) for c in content + [cue]):
        left = min((t.i for t in head.lefts if t.dep_ in ("compound", "det", "amod", "poss")),
                   default=head.i)
        span = _trim(doc.text, doc[left].idx, head.idx + len(head))
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
    start = doc.text.rfind("\n", 0, token.idx) + 1
    end = doc.text.find("\n", token.idx)
    return start, end if end >= 0 else len(doc.text)


def _spans(doc: Doc, ids: set[int], anchor: Token) -> list[tuple[int, int]]:
    """Character spans of runs of consecutive token ids in ``anchor``'s paragraph, trimmed of
    edge punctuation and of a leading relative pronoun ("which [it said] the group had")."""
    para = _paragraph(doc, anchor)
    spans: list[tuple[int, int]] = []
    for i in sorted(ids):
        token = doc[i]
        if not para[0] <= token.idx < para[1] or (i - 1 not in ids and token.tag_ in ("WDT", "WP")):
            continue
        if spans and i - 1 in ids:
            spans[-1] = (spans[-1][0], token.idx + len(token))
        else:
            spans.append((token.idx, token.idx + len(token)))
    return [s for s in (_trim(doc.text, a, b) for a, b in spans) if s is not None]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without edge spaces and separators, nor a final full stop outside
    quotation marks; None when no word is left."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1] == "."):
        end -= 1
    return (start, end) if _WORD.search(text, start, end) else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --- reconciling the parse with the quotation marks -------------------------------------------

def _run_index(runs: list[QuoteRun]):
    """A test of whether a character offset lies inside a quotation."""
    parts = sorted(p for r in runs for p in r.parts)
    return lambda offset: any(s < offset < e - 1 for s, e in parts)


def _reconcile(text: str, cues: list[Attribution], runs: list[QuoteRun]) -> list[Attribution]:
    """Attributions with their kind and final content: quotations are taken by the cue whose
    content they are, then by a cue right next to them, then by the nearest speaker; cues left
    with no content are dropped."""
    taken: set[int] = set()
    paras = paragraphs(text)
    for cue in cues:
        if cue.content:
            taken |= _take_runs(text, cue, runs)
        else:
            taken |= _block_quote(text, cue, runs, paras)
    found = [c for c in cues if c.content]
    loose = []
    for index, run in enumerate(runs):
        if index in taken:
            continue
        owner = _adjacent_cue(text, run, cues)
        if owner is None:
            loose.append(run)
            continue
        if not owner.content:
            owner.kind = "direct"
            found.append(owner)
        owner.content = sorted(set(owner.content) | set(run.parts))
        owner.runs.append(run)
    for run in loose:
        if _fills_paragraphs(text, run, paras) or _is_sentence(text, run):
            _continue(run, found, paras)
    return found


def _block_quote(text: str, cue: Attribution, runs: list[QuoteRun],
                 paras: list[tuple[int, int]]) -> set[int]:
    """A cue closing its paragraph with a colon ("He said:") introduces the next paragraph,
    quoted or not (a block quote): it is a direct quote. Returns the quotation taken, if any."""
    end = max(cue.cue[1], cue.speaker[1])
    index = next((i for i, p in enumerate(paras) if p[0] <= end <= p[1]), None)
    if index is None or index + 1 >= len(paras) or not _COLON_END.fullmatch(
            text, end, paras[index][1]):
        return set()
    following = paras[index + 1]
    cue.kind = "direct"
    for i, run in enumerate(runs):
        if run.start == following[0]:
            cue.content, cue.runs = list(run.parts), [run]
            return {i}
    cue.content = [following]
    return set()


def _transcript(doc: Doc, runs: list[QuoteRun]) -> list[Attribution]:
    """Transcript paragraphs, "WALLACE: Let's start with ...": the capitalised name before the
    colon said the rest of the paragraph, verbatim."""
    found = []
    for start, end in paragraphs(doc.text):
        match = _SPEAKER_LABEL.match(doc.text, start, end)
        if match is None or match.group(1).upper() in NOT_SPEAKER_LABELS:
            continue
        label = doc.char_span(start, match.end(1), alignment_mode="expand")
        if label is None or not _WORD.search(doc.text, match.end(), end):
            continue
        colon = match.end(1)
        found.append(Attribution([(match.end(), end)], (colon, colon + 1), (start, match.end(1)),
                                 label[-1], kind="direct"))
    return found


def _take_runs(text: str, attribution: Attribution, runs: list[QuoteRun]) -> set[int]:
    """Give ``attribution`` the quotations its content overlaps: all quoted → direct, with the
    quotations' own extent; partly quoted → mixed, the content widened to whole quotations.
    Returns the indices of the quotations taken."""
    taken = {i for i, run in enumerate(runs)
             if any(_word_overlap(text, p, c) for p in run.parts for c in attribution.content)}
    if not taken:
        return taken
    if attribution.inserted:
        taken = {i for i in taken if _adjacent(text, runs[i], attribution)} or taken
    parts = sorted(p for i in taken for p in runs[i].parts)
    outside = [c for c in attribution.content if _words_outside(text, c, parts)]
    if attribution.inserted and len(outside) < len(attribution.content):
        outside = []
    attribution.runs = [runs[i] for i in sorted(taken)]
    if not outside:
        attribution.kind, attribution.content = "direct", parts
    else:
        attribution.kind = "mixed"
        attribution.content = _merged(attribution.content + parts)
    return taken


def _word_overlap(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return start < end and _WORD.search(text, start, end) is not None


def _words_outside(text: str, span: tuple[int, int], parts: list[tuple[int, int]]) -> bool:
    """Whether ``span`` has a word character outside every quotation part."""
    position = span[0]
    for start, end in parts:
        if end <= position or start >= span[1]:
            continue
        if start > position and _WORD.search(text, position, start):
            return True
        position = max(position, end)
    return position < span[1] and _WORD.search(text, position, span[1]) is not None


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


_AFTER_GAP = re.compile(r"[ \t,—–-]*")
_BEFORE_GAP = re.compile(r"[ \t,:—–-]*|[ \t][^.!?\"“”«»\n]{0,60}?[,:][ \t]*")
#: What may stand between a partial quote and another that continues it: "... but “...”".
_JOINED = re.compile(r"[ \t,;]*(?:and|but|or|and then)?[ \t,]*")


def _adjacent_cue(text: str, run: QuoteRun, cues: list[Attribution]) -> Attribution | None:
    """The cue right after the quotation ("...," he said) or right before it (he said: "..."),
    in the same paragraph; one that already reports other, unquoted content does not count."""
    for cue in cues:
        if cue.content and cue.kind == "mixed" and _JOINED.fullmatch(
                text, max(e for _, e in cue.content), run.start):
            return cue
        if (not cue.content or cue.kind == "direct") and _adjacent(text, run, cue):
            return cue
    return None


def _adjacent(text: str, run: QuoteRun, cue: Attribution) -> bool:
    """Whether the cue and its speaker stand right after the quotation or right before it, in
    its paragraph: nothing but punctuation between, or before it a short phrase ending with a
    comma or colon ("said of the museum, ...", "told reporters: ...")."""
    start = min(cue.cue[0], cue.speaker[0])
    end = max(cue.cue[1], cue.speaker[1])
    if start >= run.end:
        return _AFTER_GAP.fullmatch(text, run.end, start) is not None
    return end <= run.start and _BEFORE_GAP.fullmatch(text, end, run.start) is not None


def _fills_paragraphs(text: str, run: QuoteRun, paras: list[tuple[int, int]]) -> bool:
    """Whether the quotation is its paragraphs' whole text (but for closing punctuation)."""
    first = next((p for p in paras if p[0] <= run.start < p[1]), None)
    last = next((p for p in paras if p[0] < run.end <= p[1]), None)
    return (first is not None and last is not None and first[0] == run.start
            and not _WORD.search(text, run.end, last[1]))


def _is_sentence(text: str, run: QuoteRun) -> bool:
    """Whether the quotation is a sentence of its own (or more), of a few words at least: it
    opens its sentence, and ends it (with its own full stop, or nothing follows it)."""
    before = text[:run.start].rstrip(" \t")
    opens = not before or before[-1] in ".!?\n”\"’"
    words = sum(len(re.findall(r"\w+", text[s:e])) for s, e in run.parts)
    last_start, last_end = run.parts[-1]
    inside = text[last_start:last_end].rstrip("”\"’'»")
    line_end = text.find("\n", last_end)
    after = text[last_end:line_end if line_end >= 0 else len(text)].lstrip(" \t")
    ends = inside[-1:] in (".", "!", "?") or not after or after[0] in ".!?"
    return opens and ends and words >= _MIN_SENTENCE_QUOTE_WORDS


def _continue(run: QuoteRun, found: list[Attribution], paras: list[tuple[int, int]]) -> None:
    """A quotation with no cue of its own is spoken by the speaker of the nearest direct quote
    in its paragraph, and joins it ("“...,” he said. “...”"); else it is a quote of its own,
    spoken by the speaker of the last attribution in the paragraph before."""
    index = next(i for i, p in enumerate(paras) if p[0] <= run.start < p[1])
    para = paras[index]
    same = [a for a in found if para[0] <= a.start < para[1] and a.kind == "direct"]
    if same:
        owner = min(same, key=lambda a: abs(a.start - run.start))
        owner.content = sorted(set(owner.content) | set(run.parts))
        owner.runs.append(run)
        return
    before = [a for a in found if index and paras[index - 1][0] <= a.start < paras[index - 1][1]]
    previous = max(before, key=lambda a: a.start) if before else None
    found.append(Attribution(list(run.parts), None, None, kind="direct", continues=previous,
                             runs=[run]))
