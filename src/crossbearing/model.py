"""The core data model: plain frozen dataclasses with no I/O.

Every later annotation points into ``Article.text`` by character offsets, so ``Article.text`` is
the one canonical text of an article: paragraphs separated by one blank line, no site debris.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

#: Precisions a date can have, from finest to coarsest.
DATE_PRECISIONS = ("second", "minute", "day", "month", "year")


@dataclass(frozen=True)
class DateValue:
    """A date or date-time as read from a document, with how precise it is and where it came from.

    ``value`` is ISO 8601: ``2024-02-09`` for a day, ``2024-02-09T19:00:40-05:00`` for a moment.
    ``source`` says where it was read, e.g. ``html:meta[article:published_time]``, ``email:Date``,
    ``feed:published``, ``forwarded-article dateline``, ``field:published``.
    """

    value: str
    precision: str
    source: str

    def __post_init__(self) -> None:
        if self.precision not in DATE_PRECISIONS:
            raise ValueError(f"unknown date precision {self.precision!r}")


@dataclass(frozen=True)
class RawDocument:
    """What a reader extracts from one input, or from one record of a container input.

    ``text`` is the body as the reader found it, paragraphs separated by blank lines; it may still
    hold site debris, which cleaning removes. ``wrapped`` marks hard-wrapped text (e-mail) whose
    lines cleaning rejoins into paragraphs. ``raw`` is the record's own bytes (the page, the
    message, the JSON line), kept so the article can be re-extracted.
    """

    text: str
    format: str
    locator: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None
    published: DateValue | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    external_id: str | None = None
    wrapped: bool = False
    raw: bytes = b""
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejected:
    """A reader's or cleaner's refusal of one input or record, with a reason code and detail."""

    reason: str
    detail: str
    locator: str = ""


@dataclass(frozen=True)
class Article:
    """One stored news article: clean text plus metadata and provenance."""

    id: str
    text: str
    title: str | None
    outlet: str | None
    outlet_source: str | None
    url: str | None
    domain: str | None
    published: DateValue | None
    authors: tuple[str, ...]
    language: str | None
    language_score: float | None
    analysable: bool
    skip_reason: str | None
    external_id: str | None
    source_path: str
    locator: str
    format: str
    text_sha256: str
    raw_sha256: str
    raw: bytes = field(default=b"", repr=False)
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejection:
    """A stored record of an input (or a record inside one) that did not become an article."""

    id: str
    path: str
    locator: str
    reason: str
    detail: str
    sha256: str | None
    size_bytes: int | None


@dataclass(frozen=True)
class Failure:
    """Something a stage could not do, and why: an article an annotator raised on, a story a
    corpus step or the comparison could not handle, a dossier section that could not be built.
    The run goes on without it."""

    stage: str          # annotate, corpus.<step>, compare, report
    target: str         # an article id, a story id, 'story-id/section', '' for a whole step
    target_kind: str    # article, story, pair, section, step
    version: str        # the stage's version when it failed
    error_type: str     # the exception's class name
    message: str        # the exception's message, one line, shortened
    failed_at: str = ""  # ISO 8601 UTC; set by the store

    #: Longest message kept: enough to recognise the error, never a whole document.
    MAX_MESSAGE = 500

    @classmethod
    def of(cls, stage: str, target: str, target_kind: str, version: str,
           error: BaseException) -> "Failure":
        message = " ".join(str(error).split()) or repr(error)
        if len(message) > cls.MAX_MESSAGE:
            message = message[:cls.MAX_MESSAGE - 1] + "…"
        return cls(stage, target, target_kind, version, type(error).__name__, message)


@dataclass(frozen=True)
class InputRecord:
    """A stored record of one input file (or stdin) and what came of it."""

    id: str
    path: str
    sha256: str
    size_bytes: int
    format: str | None
    extractor: str
    articles: int
    duplicates: int
    rejections: int


# --- annotations ---------------------------------------------------------------------------------
#: Precisions a resolved time expression can have.
TIME_PRECISIONS = ("day", "week", "month", "quarter", "year", "decade")


@dataclass(frozen=True)
class TimeValue:
    """A time expression resolved to an inclusive interval of ISO dates.

    ``start == end`` for a single day. An open interval ("since 2014") has ``end`` set to the
    anchor (the publication date) and ``open_start``/``open_end`` say which ends are open.
    When it cannot be resolved (no publication date for a relative expression), ``resolved`` is
    False, ``start``/``end`` are None and ``reason`` says why."""

    start: str | None
    end: str | None
    precision: str | None
    resolved: bool
    reason: str | None = None
    open_start: bool = False
    open_end: bool = False

    @property
    def known(self) -> bool:
        """Resolved to a first day."""
        return bool(self.resolved and self.start)

    def apart(self, other: TimeValue | None) -> bool:
        """Whether both are known and their intervals do not overlap."""
        return bool(other is not None and self.known and other.known) and (
            (self.end or self.start) < other.start or (other.end or other.start) < self.start)


@dataclass(frozen=True)
class Place:
    """A place on the map: a country, a region, a city or a site (a base, a crossing)."""

    id: str          # "country:IQ", "geonames:98182", "site:tower-22"
    name: str
    kind: str        # country, region, city, site
    country: str | None  # ISO 3166-1 alpha-2
    latitude: float | None
    longitude: float | None
    precision: str   # country, region, city, site
    source: str      # "pycountry", "geonames", "curated"


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``text[start:end]``. Every annotation lies in one."""

    article_id: str
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A name in an article's text, with the identity it was resolved to.

    ``label`` is the entity type (PERSON, ORG, GPE, NORP, LOC, FAC, ...). ``actor_id`` is the
    knowledge-base actor when one is known; ``canonical`` is the fullest name the article gives for
    the same entity ("Abu Baqir al-Saadi" for a later "Saadi"); ``name_key`` is the normalised key
    used to compare names across articles. ``link`` says how the identity was found: ``kb`` (the
    knowledge base matched the text), ``short-form`` (a surname or shortened name of a name given
    earlier in the article), ``acronym`` (an acronym the article defines), ``model`` (the
    statistical model alone), ``metonymy`` (a capital or country acting: its government),
    ``description`` (a nationality, party or stance word modifying a noun, "Iraqi lawmakers":
    no entity of its own), ``ambiguous`` (a bare name two people of the article bear, or a
    vocative of no one named: no entity of its own). ``place_id`` is set for mentions resolved to a place."""

    article_id: str
    start: int
    end: int
    text: str
    label: str
    actor_id: str | None
    canonical: str
    name_key: str
    link: str
    place_id: str | None = None


#: Links of mentions that name no entity of their own (a describing word, a bare name of no one
#: or of two people): the collection's entities and their listings leave them out.
NO_ENTITY_LINKS = ("description", "ambiguous")


@dataclass(frozen=True)
class TimeMention:
    """A time expression in an article's text and what it resolves to, given ``anchor`` (the
    publication date it was resolved against, or None)."""

    article_id: str
    start: int
    end: int
    text: str
    value: TimeValue
    anchor: str | None


@dataclass(frozen=True)
class Quote:
    """Attributed speech: a direct quote or reported speech, with who said it.

    ``content`` holds one or more ``(start, end)`` spans of what was said (several when a quote
    runs over paragraphs or is interrupted by its attribution); ``cue`` the verb or phrase of
    saying ("said", "according to", "in a statement"); ``speaker`` the span naming the speaker in
    this article, which may be a pronoun or a description. The speaker's identity is kept in
    separate fields and never forced: ``speaker_actor`` (knowledge-base id) and
    ``speaker_canonical`` (the fullest name the article gives) when the text resolves it,
    ``descriptor`` for a description such as "a US defense official" or "the cleric".
    ``kind`` is ``direct`` (in quotation marks), ``indirect`` (reported speech) or ``mixed`` (a
    partial quote inside reported speech)."""

    article_id: str
    content: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    speaker_text: str | None
    speaker_actor: str | None
    speaker_canonical: str | None
    descriptor: str | None
    kind: str

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)

    @property
    def told_at(self) -> int:
        """Where the report of the saying begins: its verb of saying or the quotation, whichever
        comes first (a statement's event keeps this offset as the quotation's source)."""
        return min(self.cue[0], self.start) if self.cue else self.start


@dataclass(frozen=True)
class NumericFact:
    """A count or amount in an article: "at least 16 Iraqis were killed", "over 160 attacks on US
    forces since Oct. 17", "2,500 troops".

    ``low``/``high`` bound the value (equal for an exact number; "dozens" is 24..99); ``hedge`` is
    the hedge as normalised ("at least", "more than", "about", "up to", "nearly", ...) or None;
    ``counted`` is the noun phrase of what is counted; ``time_scope``/``place_scope`` the phrases
    that bound it ("since Oct. 17", "in Iraq and Syria"); ``speaker`` the speaker's canonical name
    or description when the number stands inside attributed speech."""

    article_id: str
    start: int
    end: int
    text: str
    low: float
    high: float
    hedge: str | None
    counted: str | None
    counted_span: tuple[int, int] | None
    time_scope: str | None
    place_scope: str | None
    speaker: str | None


@dataclass(frozen=True)
class EventArgument:
    """Who takes part in an event mention: ``role`` is ``actor`` (who did it), ``target`` (to
    whom or what) or ``victim`` (who was killed or hurt); ``actor_id`` and ``canonical`` come from
    the entity mention under the span where there is one."""

    role: str
    start: int
    end: int
    text: str
    actor_id: str | None
    canonical: str


@dataclass(frozen=True)
class Toll:
    """Fatalities or injuries as the text gives them: ``low``/``high`` as written, the hedge apart
    ("at least"), the span of the number; ``added`` counts named victims added to an "other"
    figure ("two other officials" with one named victim is 3)."""

    low: float
    high: float
    hedge: str | None
    start: int
    end: int
    text: str
    added: int = 0


@dataclass(frozen=True)
class EventMention:
    """One mention of an event in one article: a trigger word ("strike", "threatened") typed by
    the ontology in data/events.toml, with its arguments as this article gives them.

    ``mode`` says whether the text asserts it happened (``asserted``) or not: ``future`` (vowed,
    would resume), ``suspended`` (suspending attacks), ``negated``, ``hypothetical``.
    ``aggregate`` marks a count of many events ("over 160 attacks since October") rather than
    one. ``reported_by`` is whoever the article attributes it to ("CENTCOM said"), None in the
    outlet's own voice. ``antecedent`` is the start offset of another mention in the same
    article that this one belongs to: the earlier one it refers back to ("the attack"), or the
    saying whose content it is ("the withdrawal" in "talks on the withdrawal")."""

    article_id: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    event_type: str
    mode: str
    aggregate: bool
    arguments: tuple[EventArgument, ...]
    means: tuple[str, ...]
    place_id: str | None
    place_span: tuple[int, int] | None
    time: TimeValue | None
    time_span: tuple[int, int] | None
    fatalities: Toll | None
    injuries: Toll | None
    reported_by: str | None
    reported_by_actor: str | None
    antecedent: int | None = None

    def role(self, role: str) -> tuple[EventArgument, ...]:
        return tuple(a for a in self.arguments if a.role == role)


@dataclass(frozen=True)
class Descriptor:
    """Words an article uses to describe an actor it names: "an umbrella group of anti-terror
    groups" (appositive), "Iran-backed" (premodifier), "is an Iran-backed militia" (predicate),
    "who was martyred in a US airstrike" (relative), "designated as a terrorist organization"
    (label). See docs/framing.md.

    ``start``/``end`` locate the descriptor, ``mention`` the actor's name it describes (a
    :class:`Mention`'s offsets), ``actor_id``/``canonical`` that mention's identity. ``voice`` is
    ``own`` (the article's own words), ``quoted`` (inside the content of a quote or of reported
    speech; ``quote`` is then the quote's ``(start, end)``, the key of its row) or ``reported``
    (someone else's words the article reports without a quote holding them: "designated as a
    terrorist organization by Washington"). See docs/framing.md."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str
    mention: tuple[int, int]
    actor_id: str | None
    canonical: str
    voice: str
    quote: tuple[int, int] | None


@dataclass(frozen=True)
class LoadedTerm:
    """A word of the framing lexicon in an article: "assassinated", "martyred", "regime".

    ``term`` is the lexicon's headword, ``category`` ``act`` or ``actor``, ``tag`` what the word
    does (``delegitimising``, ``legitimising``, ``violence-emphasis``, ``minimising``), ``neutral``
    the plain word the lexicon gives instead. ``mention``/``actor_id``/``canonical`` name the actor
    the word is about when the parse ties it to one (it stands in a descriptor of the actor, or is
    grammatically linked to the actor's name), else None. ``voice`` and ``quote`` as in
    :class:`Descriptor`."""

    article_id: str
    start: int
    end: int
    text: str
    term: str
    category: str
    tag: str
    neutral: str | None
    mention: tuple[int, int] | None
    actor_id: str | None
    canonical: str | None
    voice: str
    quote: tuple[int, int] | None
