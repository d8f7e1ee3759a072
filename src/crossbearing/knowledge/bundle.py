"""What the annotate stage reads, gathered in one object with one version.

A :class:`Knowledge` is the content of the data files the stage reads, grouped in parts
(``PARTS``: the actors, the gazetteer, the framing lexicon, the title words, the event
ontology, the nouns' senses), each part versioned by a digest of its files' content. ``Knowledge.bundled()`` is the
data the package ships; ``with_text`` and ``with_folder`` give one where a file or the actors'
folder reads otherwise, so that tests and users can annotate with other knowledge. The loaders
parse what it holds (``kb.actors``, ``event_types``, ``lexicon``, ``descriptors``), once per
content; this module reads and digests, and imports nothing else of the package. The annotators
still read the gazetteer from the bundled files: that part is versioned here but cannot read
otherwise yet.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Iterable

from crossbearing.knowledge import files

#: The parts of the knowledge the annotate stage reads, each with its data files (a name of
#: ``files.FILES`` or ``files.FOLDERS``), in the order the version names them.
PARTS = (
    ("kb", ("actors",)),
    ("places", ("admin1", "places", "towns")),
    ("lexicon", ("framing_lexicon", "loaded_language")),
    ("titles", ("framing_titles",)),
    ("events", ("events",)),
    ("nouns", ("noun_senses",)),
)

#: The files and folders an annotator takes from a ``Knowledge`` (the others it reads from the
#: bundled files, so only these may read otherwise).
REPLACEABLE = frozenset({"actors", "events", "framing_lexicon", "framing_titles",
                         "loaded_language"})


@dataclass(frozen=True)
class Knowledge:
    """The data files the annotate stage reads: the bundled ones, except the files ``replaced``
    ((name, text) pairs) and the folders ``folders`` ((name, ((file name, text), ...)) pairs)
    read otherwise. Small, hashable and picklable: a worker process re-creates what it parses
    from it, and caches that by content."""

    replaced: tuple[tuple[str, str], ...] = ()
    folders: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    @classmethod
    def bundled(cls) -> Knowledge:
        """The knowledge the package ships."""
        return _BUNDLED

    def text(self, name: str) -> str:
        """The text of the data file ``name`` (a name of ``files.FILES``) in this knowledge."""
        for replaced, text in self.replaced:
            if replaced == name:
                return text
        return files.text(name)

    def folder(self, name: str) -> tuple[tuple[str, str], ...]:
        """(file name, text) of each file of the data folder ``name`` (a name of
        ``files.FOLDERS``) in this knowledge."""
        for replaced, items in self.folders:
            if replaced == name:
                return items
        return files.folder(name)

    def with_text(self, name: str, text: str) -> Knowledge:
        """This knowledge with the data file ``name`` reading ``text`` (only a file of
        :data:`REPLACEABLE`: the annotators read the others from the bundled files)."""
        _check_replaceable(name)
        others = tuple((n, t) for n, t in self.replaced if n != name)
        return replace(self, replaced=tuple(sorted((*others, (name, text)))))

    def with_folder(self, name: str, items: Iterable[tuple[str, str]]) -> Knowledge:
        """This knowledge with the data folder ``name`` holding ``items`` ((file name, text)
        pairs) instead: ``with_folder("actors", (*bundled.folder("actors"), ("more.toml",
        text)))`` adds an actor file."""
        _check_replaceable(name)
        others = tuple((n, i) for n, i in self.folders if n != name)
        ordered = tuple(sorted(items))
        return replace(self, folders=tuple(sorted((*others, (name, ordered)))))

    @property
    def version(self) -> str:
        """Every part's content digest, ``kb.<digest>+places.<digest>+...+events.<digest>``: a
        change to any file the stage reads changes it."""
        return _version(self)

    def _file_version(self, name: str) -> str:
        if any(replaced == name for replaced, _ in self.replaced):
            return files.digest(self.text(name))
        if any(replaced == name for replaced, _ in self.folders):
            return files.digest(*(part for item in self.folder(name) for part in item))
        return files.version(name)


_BUNDLED = Knowledge()


def _check_replaceable(name: str) -> None:
    if name not in REPLACEABLE:
        raise ValueError(f"{name!r} cannot be replaced; one of {', '.join(sorted(REPLACEABLE))}")


@functools.lru_cache(maxsize=8)
def _version(knowledge: Knowledge) -> str:
    parts = []
    for part, names in PARTS:
        versions = [knowledge._file_version(name) for name in names]
        parts.append(f"{part}.{versions[0] if len(versions) == 1 else files.digest(*versions)}")
    return "+".join(parts)
