"""The curated data files the package ships, each read through ``importlib.resources`` and
versioned by a short digest of its content (sha256, 12 hex digits).

Every loader asks this module for its text (or, for the actors, the texts of a folder of files)
and its version, so that the files are found the same way from a source tree and from an
installed package, and a change to a file changes the version of whatever reads it. Nothing is
read at import time; each file is read once per process, when first asked for.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from importlib.resources.abc import Traversable

#: Each data file by name: the package that ships it and its path inside that package.
FILES = {
    "places": ("crossbearing.kb", "data/places/places.toml"),
    "towns": ("crossbearing.kb", "data/places/towns.toml"),
    "admin1": ("crossbearing.kb", "data/places/admin1.csv"),
    "events": ("crossbearing", "data/events.toml"),
    "noun_senses": ("crossbearing", "data/noun_senses.txt"),
    "framing_lexicon": ("crossbearing", "data/framing_lexicon.toml"),
    "loaded_language": ("crossbearing", "data/loaded_language.toml"),
    "framing_titles": ("crossbearing", "data/framing_titles.txt"),
    "outlets": ("crossbearing", "data/outlets.csv"),
    "furniture": ("crossbearing", "data/furniture.txt"),
    "sections": ("crossbearing", "data/sections.txt"),
}

#: Each folder of data files by name: its package, its path, and the ending its files have.
FOLDERS = {
    "actors": ("crossbearing.kb", "data", ".toml"),
}

#: Hex digits kept of a content digest.
DIGITS = 12


def _resource(package: str, path: str) -> Traversable:
    return resources.files(package).joinpath(*path.split("/"))


@functools.cache
def text(name: str) -> str:
    """The text of the data file ``name`` (a key of :data:`FILES`)."""
    package, path = FILES[name]
    return _resource(package, path).read_text(encoding="utf-8")


@functools.cache
def folder(name: str) -> tuple[tuple[str, str], ...]:
    """(file name, text) of each file of the data folder ``name`` (a key of :data:`FOLDERS`),
    in name order. A file that is not UTF-8 raises ``ValueError`` naming it."""
    package, path, ending = FOLDERS[name]
    items = sorted((item for item in _resource(package, path).iterdir()
                    if item.is_file() and item.name.endswith(ending)), key=lambda i: i.name)
    return tuple((item.name, _read(item)) for item in items)


def _read(item: Traversable) -> str:
    try:
        return item.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{item.name}: not UTF-8 text: {error}") from error


@functools.cache
def version(name: str) -> str:
    """A digest of the content of the data file or folder ``name``: it changes whenever the
    data does."""
    if name in FOLDERS:
        return digest(*(part for item in folder(name) for part in item))
    return digest(text(name))


def digest(*texts: str) -> str:
    """The short content digest of one or more texts (in order)."""
    return hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()[:DIGITS]

