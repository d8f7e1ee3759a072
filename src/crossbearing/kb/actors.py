"""Actors of the knowledge base: the data model, the loader with its checks, and name keys.

Each TOML file in ``kb/data`` holds ``[[actor]]`` tables. ``load_actors()`` reads them all (the
packaged ones through :mod:`crossbearing.knowledge`, as the data folder ``actors``), checks
every entry and returns frozen ``Actor`` records; ``actor_base(knowledge)`` gives the actors of
another ``Knowledge`` with their lookups; ``name_key()`` is the one normalisation
used to compare names, so that "Kata’ib Hezbollah", "Kata'ib Hezbollah" and "Kataib Hezbollah"
meet on the same key.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any, Iterable

import pycountry

from crossbearing.knowledge.bundle import Knowledge

#: Release of the data, stored with each actor a run saves. Bump it (year.month.serial) whenever
#: a data file changes; what is annotated again follows the files' content
#: (``knowledge.files.version("actors")``), not this label.
KB_VERSION = "2026.12.1"

#: spaCy-style entity types.
TYPES = ("ORG", "PERSON", "GPE", "NORP")

#: Kinds of actor, and the entity type each kind must have.
KIND_TYPES = {
    "state": "GPE",
    "government": "ORG",
    "military": "ORG",
    "agency": "ORG",
    "armed-group": "ORG",
    "coalition": "ORG",
    "political-party": "ORG",
    "international-organisation": "ORG",
    "media": "ORG",
    "company": "ORG",
    "person": "PERSON",
    "ethnic-religious-group": "NORP",
}
KINDS = tuple(KIND_TYPES)

#: Relation types, read as "<actor> <type> <target>", e.g. "X member-of Y".
RELATION_TYPES = (
    "member-of",
    "allied-with",
    "backed-by",
    "part-of",
    "leader-of",
    "spokesperson-of",
    "commander-of",
    "affiliate-of",
    "successor-of",
)

#: ISO 3166-1 alpha-2 codes officially assigned, and XK (Kosovo, user-assigned but universal).
ISO_COUNTRIES = frozenset(country.alpha_2 for country in pycountry.countries) | {"XK"}

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
_REQUIRED = ("id", "name", "type", "kind", "country")
#: Kinds of actor that are a state or one of its organs (see ActorBase.actor_key).
STATE_KINDS = frozenset({"state", "government", "military", "agency"})
_OPTIONAL = ("aliases", "roles", "relations", "wikidata", "designations", "note", "demonyms")
_RELATION_KEYS = frozenset({"type", "target", "note"})


@dataclass(frozen=True)
class Relation:
    """A typed link from one actor to another, with where the link comes from."""

    type: str
    target: str
    note: str


@dataclass(frozen=True)
class Actor:
    """One curated actor: a state, organisation, armed group, outlet, person or community."""

    id: str
    name: str
    type: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str = ""
    roles: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    wikidata: str = ""
    designations: tuple[str, ...] = ()
    note: str = ""
    demonyms: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


# --- name keys --------------------------------------------------------------------------------

#: Apostrophes, primes, ʿayn/hamza letters and quotation marks: dropped from names.
_QUOTE_MARKS = "'\"`´‘’‚‛′″“”„‟«»ʹʻʼʽʾʿˈ"
#: Invisible characters that may sit inside a name.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP = str.maketrans("", "", _QUOTE_MARKS + _INVISIBLE + ".")
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "&": " and "})
_NOT_WORD = re.compile(r"[^\w]+|_")
#: Words dropped wherever they stand: the English and Arabic definite articles.
_ARTICLES = frozenset({"the", "al", "el"})
#: Assimilated Arabic articles ("ash-Sham", "an-Nusra"): dropped only when hyphen-joined.
_JOINED_ARTICLE = re.compile(r"(?<!\w)(?:a[dnrstz]|adh|ash|ath|ul)[-‐‑](?=\w)")


def _strip_marks(text: str) -> str:
    """Text without combining diacritics: "Erdoğan" -> "Erdogan", "Rasūl" -> "Rasul"."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The key under which a name is compared with other names.

    NFKC, diacritics removed, case-folded; apostrophes, quote marks, ʿayn/hamza letters and dots
    removed ("Kata’ib" = "Kataib", "U.S." = "US"); hyphens and other punctuation become spaces;
    the articles "the", "al" and "el" are dropped as words wherever they stand, and the assimilated
    Arabic articles ("ash-", "an-", "ad-" ...) where hyphen-joined to the next word; whitespace is
    collapsed. So "Abu Baqir Al-Saadi" and "Abu Baqir al Saadi" both give "abu baqir saadi".
    """
    text = unicodedata.normalize("NFKC", text)
    text = _strip_marks(text).casefold().translate(_DROP).translate(_LETTERS)
    text = _JOINED_ARTICLE.sub(" ", text)
    words = _NOT_WORD.sub(" ", text).split()
    return " ".join(word for word in words if word not in _ARTICLES)


# --- loading and checking ----------------------------------------------------------------------


class _EntryError(Exception):
    """A problem with one entry, before the file and entry are named."""


def _data_files(directory: Path) -> list[tuple[str, str]]:
    """(name, text) of the TOML files of a data directory, in name order."""
    items = sorted((item for item in directory.iterdir()
                    if item.is_file() and item.name.endswith(".toml")), key=lambda item: item.name)
    texts = []
    for item in items:
        try:
            texts.append((item.name, item.read_text(encoding="utf-8")))
        except UnicodeDecodeError as error:
            raise ValueError(f"{item.name}: not valid TOML: {error}") from error
    return texts


def _label(source: str, index: int, entry: Any) -> str:
    """How an error names an entry: file, position and id where it has one."""
    entry_id = entry.get("id") if isinstance(entry, dict) else None
    where = f"{source}: actor #{index + 1}"
    return f"{where} (id {entry_id!r})" if entry_id else where


def _string(entry: dict, key: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise _EntryError(f"{key!r} must be a string, not {type(value).__name__}")
    return value.strip()


def _strings(entry: dict, key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _EntryError(f"{key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _relation(raw: Any) -> Relation:
    """One relation table, checked for its keys, type and source note."""
    if not isinstance(raw, dict) or set(raw) != _RELATION_KEYS:
        raise _EntryError(f"each relation needs exactly the keys type, target, note: {raw!r}")
    relation = Relation(_string(raw, "type"), _string(raw, "target"), _string(raw, "note"))
    if relation.type not in RELATION_TYPES:
        raise _EntryError(f"unknown relation type {relation.type!r}")
    if not relation.note:
        raise _EntryError(f"relation to {relation.target!r} has no source note")
    return relation


def _check_fields(actor: Actor) -> None:
    """Checks of one actor that need no other actor."""
    if not _ID.fullmatch(actor.id):
        raise _EntryError(f"id {actor.id!r} is not a kebab-case slug")
    if not actor.name:
        raise _EntryError("empty name")
    if actor.type not in TYPES:
        raise _EntryError(f"unknown type {actor.type!r}; allowed: {', '.join(TYPES)}")
    if actor.kind not in KIND_TYPES:
        raise _EntryError(f"unknown kind {actor.kind!r}; allowed: {', '.join(KINDS)}")
    if KIND_TYPES[actor.kind] != actor.type:
        raise _EntryError(f"kind {actor.kind!r} needs type {KIND_TYPES[actor.kind]!r}")
    if actor.country and actor.country not in ISO_COUNTRIES:
        raise _EntryError(f"country {actor.country!r} is not an ISO 3166-1 alpha-2 code")
    if actor.wikidata and not _WIKIDATA.fullmatch(actor.wikidata):
        raise _EntryError(f"wikidata {actor.wikidata!r} is not a Q-id")
    if (actor.kind == "person") != bool(actor.roles):
        raise _EntryError("a person needs roles, and only a person has roles")
    for name in actor.names:
        if not name_key(name):
            raise _EntryError(f"name {name!r} is empty once normalised")
    if any(relation.target == actor.id for relation in actor.relations):
        raise _EntryError("relation to itself")


def _parse_entry(entry: Any) -> Actor:
    """One ``[[actor]]`` table as an ``Actor``, with its own fields checked."""
    if not isinstance(entry, dict):
        raise _EntryError("not a table")
    missing = [key for key in _REQUIRED if key not in entry]
    unknown = sorted(set(entry) - set(_REQUIRED) - set(_OPTIONAL))
    if missing or unknown:
        raise _EntryError(f"missing keys {missing}, unknown keys {unknown}")
    relations = entry.get("relations", [])
    if not isinstance(relations, list):
        raise _EntryError("'relations' must be an array of tables")
    actor = Actor(
        id=_string(entry, "id"),
        name=_string(entry, "name"),
        type=_string(entry, "type"),
        kind=_string(entry, "kind"),
        aliases=_strings(entry, "aliases"),
        country=_string(entry, "country"),
        roles=_strings(entry, "roles"),
        relations=tuple(_relation(raw) for raw in relations),
        wikidata=_string(entry, "wikidata"),
        designations=_strings(entry, "designations"),
        note=_string(entry, "note"),
        demonyms=_strings(entry, "demonyms"),
    )
    _check_fields(actor)
    return actor


def _read_file(name: str, text: str) -> list[tuple[str, Actor]]:
    """The actors of one TOML file (its name and text), each with the label errors use for it."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{name}: not valid TOML: {error}") from error
    if set(document) - {"actor"} or not isinstance(document.get("actor", []), list):
        raise ValueError(f"{name}: only [[actor]] tables may stand at the top level")
    parsed = []
    for index, entry in enumerate(document.get("actor", [])):
        label = _label(name, index, entry)
        try:
            parsed.append((label, _parse_entry(entry)))
        except _EntryError as error:
            raise ValueError(f"{label}: {error}") from None
    return parsed


def _check_together(labelled: list[tuple[str, Actor]]) -> None:
    """Checks across actors: unique ids, existing relation targets, no shared name key."""
    labels: dict[str, str] = {}
    for label, actor in labelled:
        if actor.id in labels:
            raise ValueError(f"{label}: id {actor.id!r} already used by {labels[actor.id]}")
        labels[actor.id] = label
    owners: dict[str, str] = {}
    for label, actor in labelled:
        for relation in actor.relations:
            if relation.target not in labels:
                raise ValueError(f"{label}: relation target {relation.target!r} does not exist")
        for name in actor.names:
            key = name_key(name)
            owner = owners.setdefault(key, actor.id)
            if owner != actor.id:
                raise ValueError(
                    f"{label}: name {name!r} (key {key!r}) is also a name of {owner!r}"
                )


def parse_actors(texts: Iterable[tuple[str, str]]) -> tuple[Actor, ...]:
    """Every actor of the given TOML files ((name, text) pairs, in order), checked."""
    labelled = [pair for name, text in texts for pair in _read_file(name, text)]
    _check_together(labelled)
    return tuple(actor for _, actor in labelled)


@dataclass(frozen=True, eq=False)
class ActorBase:
    """The actors of one knowledge base, looked up by id and by name key (one per content of
    the actor files: see :func:`actor_base`)."""

    actors: tuple[Actor, ...]
    by_id: dict[str, Actor]
    by_key: dict[str, str]
    by_demonym: dict[str, str]

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; ``KeyError`` if there is none."""
        try:
            return self.by_id[actor_id]
        except KeyError:
            raise KeyError(f"no actor with id {actor_id!r} in the knowledge base") from None

    def id_of(self, text: str) -> str | None:
        """The id of the actor with a name or alias of the same key as ``text``, or None."""
        return self.by_key.get(name_key(text))

    def actor_key(self, actor_id: str) -> str:
        """The key under which events compare an actor: the state for a state or one of its
        organs ("US strike" and "the US military's strike" name one actor for the coder, the
        state's forces), else the actor's id."""
        actor = self.by_id.get(actor_id)
        if actor is None or actor.kind not in STATE_KINDS or not actor.country:
            return actor_id
        return "state:" + actor.country

    def state_of(self, adjective: str) -> Actor | None:
        """The state a nationality adjective names ("American" → the United States), or None."""
        actor_id = self.by_demonym.get(name_key(adjective))
        return self.by_id[actor_id] if actor_id else None


def actor_base(knowledge: Knowledge | None = None) -> ActorBase:
    """The actors of ``knowledge`` (default the bundled one), checked, read once per content."""
    return _actor_base((knowledge or Knowledge.bundled()).folder("actors"))


@functools.lru_cache(maxsize=4)
def _actor_base(texts: tuple[tuple[str, str], ...]) -> ActorBase:
    actors = parse_actors(texts)
    return ActorBase(actors, {actor.id: actor for actor in actors}, name_index(actors),
                     {name_key(d): actor.id for actor in actors for d in actor.demonyms})


def _packaged_actors() -> tuple[Actor, ...]:
    return actor_base().actors


def load_actors(directory: str | PathLike[str] | None = None) -> tuple[Actor, ...]:
    """All actors of the knowledge base, checked; from ``directory`` instead where one is given.

    The packaged data is read once and cached. Raises ``ValueError`` naming the file and entry
    when an entry is malformed, names an unknown relation target, or shares a name with another
    actor.
    """
    if directory is None:
        return _packaged_actors()
    return parse_actors(_data_files(Path(directory)))


def actor_by_id(actor_id: str) -> Actor:
    """The packaged actor with this id; ``KeyError`` if there is none."""
    return actor_base().actor(actor_id)


def name_index(actors: Iterable[Actor]) -> dict[str, str]:
    """Every name key of the given actors (canonical names and aliases) mapped to its actor id."""
    return {name_key(name): actor.id for actor in actors for name in actor.names}


def actors_by_name_key() -> dict[str, str]:
    """Every normalised name and alias of the packaged actors, mapped to its actor id.

    Look a name up with ``actors_by_name_key().get(name_key(text))``. The dict is a copy; the
    loader guarantees that no key belongs to two actors.
    """
    return dict(actor_base().by_key)
