"""What the analyst states about where reports come from: a sources manifest beside the inputs,
and options that apply to a whole batch.

A manifest is a file named ``sources.csv`` or ``sources.toml`` in an input folder (found and read
automatically, and never ingested as an article), or any such file given with ``--manifest``.
Each row names a file or a glob relative to the manifest's folder (fnmatch rules, so ``*`` also
crosses ``/``; a file outside that folder is matched by its name alone) and what is known of the
reports in it: ``outlet``, ``url``, ``published``, ``language`` and ``authors`` (separated by
``;`` or ``|``); ``ingest`` set to ``no`` leaves the files it names out of the run (a README or a
licence beside the reports). In TOML each row is a ``[[source]]``
table with the same keys; ``authors`` may be a list and ``published`` a TOML date.

Where several statements apply to one file, the first one giving a field wins, in this order: the
batch options (``--outlet``, ``--published``), the ``--manifest`` file, then manifests found in
the file's folder and its parent folders inside the walked input folder, nearest first; within
one manifest a row naming the file exactly comes before a glob, and rows otherwise keep their
order. Every value set this way is marked with where it came from (``manifest:sources.csv``,
``option:--outlet``). A row matching no input, and a value that cannot be read (a date that is
not a date), are reported as warnings; they never stop the run.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from fnmatch import fnmatchcase
from typing import Any, Iterable

from crossbearing.clean.dates import parse_date
from crossbearing.clean.outlets import canonical_outlet, name_key, outlet_by_name
from crossbearing.errors import UsageError
from crossbearing.ingest.source import open_regular
from crossbearing.model import DateValue, RawDocument

#: File names read as the manifest of the folder they are in.
MANIFEST_NAMES = ("sources.csv", "sources.toml")
#: Fields a manifest row may state, beside ``file``.
FIELDS = ("outlet", "url", "published", "language", "authors")
#: Largest manifest read: a manifest lists files, it is never a data dump.
MAX_MANIFEST_BYTES = 5_000_000
_AUTHOR_SPLIT = re.compile(r"\s*[;|]\s*")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_WEB_URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+", re.IGNORECASE)


@dataclass(frozen=True)
class Facts:
    """What is stated about one report; ``origins`` says, per field set, where it was stated."""

    outlet: str | None = None
    url: str | None = None
    published: DateValue | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()
    origins: dict[str, str] = field(default_factory=dict)

    def merged(self, other: "Facts") -> "Facts":
        """These facts with the fields they lack taken from ``other``."""
        values: dict[str, Any] = {}
        origins = dict(self.origins)
        for name in FIELDS:
            if not getattr(self, name) and getattr(other, name):
                values[name] = getattr(other, name)
                origins[name] = other.origins[name]
        return replace(self, **values, origins=origins)

    def __bool__(self) -> bool:
        return bool(self.origins)


@dataclass
class Row:
    """One row of a manifest: the file or glob it names, its facts, and how often it matched."""

    pattern: str
    facts: Facts
    line: int
    matched: int = 0
    #: The files it names are not reports (a README, a licence): they are left out of the run.
    left_out: bool = False

    @property
    def exact(self) -> bool:
        return not any(ch in self.pattern for ch in "*?[")


@dataclass
class Manifest:
    """One manifest file read: its rows, and the problems met reading them."""

    path: str
    rows: list[Row]
    problems: list[str] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    @property
    def label(self) -> str:
        return f"manifest:{os.path.basename(self.path)}"

    def facts_for(self, path: str) -> Facts:
        """The facts the rows state for the file at ``path``, exact rows first; every row that
        matches is counted as matched."""
        found = Facts()
        for row in self._matching(path):
            if not row.left_out:
                found = found.merged(row.facts)
        return found

    def leaves_out(self, path: str) -> bool:
        """Whether a row says the file at ``path`` is not a report (``ingest`` = ``no``)."""
        return any(row.left_out for row in self._matching(path))

    def _matching(self, path: str) -> list[Row]:
        relative = os.path.relpath(os.path.abspath(path), self.folder).replace(os.sep, "/")
        if relative.startswith("../"):  # a manifest kept apart from the inputs names them
            relative = os.path.basename(path)
        rows = [row for row in sorted(self.rows, key=lambda r: not r.exact)
                if fnmatchcase(relative, row.pattern)]
        for row in rows:
            row.matched += 1
        return rows

    def unmatched(self) -> list[str]:
        """A warning for each row stating facts that matched no input (a row leaving files out
        that are not there is no problem)."""
        return [f"{self.path} line {row.line}: {row.pattern!r} matches no input"
                for row in self.rows if not row.matched and not row.left_out]


def is_manifest_name(path: str) -> bool:
    return os.path.basename(path) in MANIFEST_NAMES


def read_manifest(path: str) -> Manifest:
    """Read a manifest; :class:`UsageError` when the file is not one (no ``file`` column, not
    CSV or TOML, unreadable)."""
    try:
        with open_regular(path) as handle:  # a FIFO or a device named sources.csv never blocks
            data = handle.read(MAX_MANIFEST_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read the manifest {path}: {error.strerror or error}") from None
    if len(data) > MAX_MANIFEST_BYTES:
        raise UsageError(f"{path}: a manifest over {MAX_MANIFEST_BYTES:,} bytes is not read")
    text = data.decode("utf-8-sig", errors="replace")
    manifest = Manifest(path, [])
    label = manifest.label
    records = _toml_records(text, path) if path.lower().endswith(".toml") else _csv_records(text, path)
    for line, record in records:
        row = _row(record, line, label, manifest.problems, path)
        if row is not None:
            manifest.rows.append(row)
    return manifest


def _csv_records(text: str, path: str) -> Iterable[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    if "file" not in header:
        raise UsageError(f"{path}: a sources manifest needs a 'file' column (found: "
                         f"{', '.join(header) or 'no header'})")
    reader.fieldnames = header
    for record in reader:
        yield reader.line_num, {key: value for key, value in record.items() if key}


def _toml_records(text: str, path: str) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: not valid TOML: {error}") from None
    rows = data.get("source")
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise UsageError(f"{path}: a sources manifest in TOML lists [[source]] tables")
    return ((number, row) for number, row in enumerate(rows, 1))


def _row(record: dict[str, Any], line: int, label: str, problems: list[str],
         path: str) -> Row | None:
    """One manifest record as a :class:`Row`; None, with the problem noted, when it names no file.
    A value that cannot be read is left out and noted."""
    pattern = str(record.get("file") or "").strip().replace("\\", "/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    where = f"{path} line {line}"
    if not pattern:
        problems.append(f"{where}: no file named; row ignored")
        return None
    facts, row_problems = facts_from_values(record, label)
    problems.extend(f"{where}: {problem}" for problem in row_problems)
    ingest = record.get("ingest")
    left_out = ingest is False or (_text(ingest) or "").lower() in {"no", "false", "0"}
    return Row(pattern, facts, line, left_out=left_out)


def facts_from_values(values: dict[str, Any], origin: str) -> tuple[Facts, list[str]]:
    """:class:`Facts` from stated values, each marked ``origin``; and what could not be read."""
    problems: list[str] = []
    found: dict[str, Any] = {}
    outlet = _text(values.get("outlet"))
    if outlet:
        found["outlet"] = " ".join(outlet.split())
    url = _text(values.get("url"))
    if url and _WEB_URL.match(url):
        found["url"] = url
    elif url:
        problems.append(f"url {url!r} is not a web address; ignored")
    published = _date(values.get("published"), origin)
    if published is not None:
        found["published"] = published
    elif _text(values.get("published")):
        problems.append(f"published {_text(values.get('published'))!r} is not a date; ignored")
    language = (_text(values.get("language")) or "").lower()
    if language and _LANGUAGE.match(language):
        found["language"] = language
    elif language:
        problems.append(f"language {language!r} is not an ISO 639 code; ignored")
    authors = _authors(values.get("authors"))
    if authors:
        found["authors"] = authors
    return Facts(**found, origins={name: origin for name in found}), problems


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _date(value: Any, origin: str) -> DateValue | None:
    if isinstance(value, datetime):
        has_time = bool(value.hour or value.minute or value.second)
        return DateValue(value.isoformat(timespec="seconds") if has_time else value.date().isoformat(),
                         "second" if has_time else "day", origin)
    if isinstance(value, date):
        return DateValue(value.isoformat(), "day", origin)
    text = _text(value)
    return parse_date(text, origin) if text else None


def _authors(value: Any) -> tuple[str, ...]:
    names = value if isinstance(value, list) else _AUTHOR_SPLIT.split(_text(value) or "")
    return tuple(" ".join(str(name).split()) for name in names if str(name).strip())


def _options(outlet: str | None, published: str | None) -> Facts:
    """The facts of ``--outlet`` and ``--published``; :class:`UsageError` for a date that cannot
    be read."""
    outlet_facts, _ = facts_from_values({"outlet": outlet}, "option:--outlet")
    date_facts, problems = facts_from_values({"published": published}, "option:--published")
    if problems:
        raise UsageError(f"--published: {problems[0].replace('; ignored', '')}")
    return outlet_facts.merged(date_facts)


class Statements:
    """Everything stated about the inputs of one run: batch options, a manifest given by name,
    and the manifests found in the input folders (read once each, when first needed)."""

    def __init__(self, *, manifest: str | None = None, outlet: str | None = None,
                 published: str | None = None, roots: Iterable[str] = ()) -> None:
        self.batch = _options(outlet, published)
        self.given = read_manifest(manifest) if manifest else None
        self.roots = [os.path.abspath(root) for root in roots if os.path.isdir(root)]
        self._found: dict[str, Manifest | None] = {}
        self.warnings: list[str] = list(self.given.problems) if self.given else []

    def is_manifest(self, path: str) -> bool:
        """Whether ``path`` is the given manifest or the manifest of its folder: not an input."""
        absolute = os.path.abspath(path)
        if self.given is not None and absolute == os.path.abspath(self.given.path):
            return True
        if not is_manifest_name(path):
            return False
        manifest = self._folder_manifest(os.path.dirname(absolute))
        return manifest is not None and os.path.abspath(manifest.path) == absolute

    def leaves_out(self, path: str) -> bool:
        """Whether ``path`` is no report: a manifest, or a file a manifest row leaves out."""
        if self.is_manifest(path):
            return True
        manifests = [self.given] + [self._folder_manifest(folder)
                                    for folder in self._folders(os.path.abspath(path))]
        return any(m is not None and m.leaves_out(path) for m in manifests)

    def facts_for(self, path: str) -> Facts:
        """What is stated about the input at ``path``, by precedence."""
        facts = self.batch
        if self.given is not None:
            facts = facts.merged(self.given.facts_for(path))
        for folder in self._folders(os.path.abspath(path)):
            manifest = self._folder_manifest(folder)
            if manifest is not None:
                facts = facts.merged(manifest.facts_for(path))
        return facts

    def report(self) -> list[str]:
        """The warnings of the run: values that could not be read, rows that matched nothing."""
        manifests = [self.given] + list(self._found.values())
        unmatched = [w for m in manifests if m is not None for w in m.unmatched()]
        return self.warnings + unmatched

    def _folders(self, absolute: str) -> list[str]:
        """The file's folder and its parents inside the walked root that holds it, nearest first;
        only its own folder for a file named directly."""
        folder = os.path.dirname(absolute)
        folders = [folder]
        root = next((r for r in self.roots if folder.startswith(r + os.sep)), None)
        while root is not None and folder != root:
            folder = os.path.dirname(folder)
            folders.append(folder)
        return folders

    def _folder_manifest(self, folder: str) -> Manifest | None:
        if folder not in self._found:
            self._found[folder] = self._read_folder_manifest(folder)
        return self._found[folder]

    def _read_folder_manifest(self, folder: str) -> Manifest | None:
        """The manifest of ``folder``, if it has one. A ``sources.csv`` without a ``file`` column
        is a data file, ingested as any other; a ``sources.toml`` that cannot be read is still
        the folder's manifest (not an article), with no rows and a warning."""
        for name in MANIFEST_NAMES:
            path = os.path.join(folder, name)
            if not os.path.isfile(path):
                continue
            if self.given is not None and os.path.abspath(self.given.path) == path:
                return None  # read once, as the given manifest
            try:
                manifest = read_manifest(path)
            except UsageError as error:
                if name.endswith(".csv"):
                    continue
                self.warnings.append(f"{error}; manifest ignored")
                manifest = Manifest(path, [])
            self.warnings.extend(manifest.problems)
            return manifest
        return None


def apply_facts(doc: RawDocument, facts: Facts) -> tuple[RawDocument, list[str]]:
    """``doc`` with the stated facts put in place of what the input said, and a note for each
    contradiction: a stated value differing from the input's own. The stated value is kept; the
    input's is kept in the article's metadata under ``provenance_conflicts``."""
    if not facts:
        return doc, []
    conflicts = [conflict for name in FIELDS
                 if (conflict := _conflict(name, getattr(doc, name), getattr(facts, name),
                                           facts.origins.get(name, ""), doc.url)) is not None]
    metadata = dict(doc.metadata)
    metadata["provenance_given"] = dict(facts.origins)
    if conflicts:
        metadata["provenance_conflicts"] = conflicts
    # A stated value the input agrees with leaves the input's own (perhaps more precise, and
    # with its own note of where it was read); provenance_given still records the statement.
    agreed = {name for name in facts.origins
              if getattr(doc, name) and not any(c["field"] == name for c in conflicts)}
    changes: dict[str, Any] = {name: getattr(facts, name) for name in facts.origins
                               if name not in agreed}
    if "outlet" in changes:
        changes["outlet_source"] = facts.origins["outlet"]
    notes = [f"{c['field']}: {c['given_by']} says {c['given']!r}, the input says {c['input']!r}; "
             f"{c['given']!r} kept" for c in conflicts]
    return replace(doc, **changes, metadata=metadata), notes


def _conflict(name: str, found: Any, stated: Any, origin: str,
              url: str | None) -> dict[str, str] | None:
    """The contradiction between the input's value of a field and the stated one, if any: dates
    on different days, outlets that are different names, other fields that differ."""
    if name == "outlet" and not found:
        found = canonical_outlet(None, url)[0]
    if not stated or not found:
        return None
    if name == "published":
        same = found.value[:10] == stated.value[:10]
        found, stated = found.value, stated.value
    elif name == "outlet":
        same = _outlet_key(found) == _outlet_key(stated)
    elif name == "authors":
        same = {name_key(a) for a in found} == {name_key(a) for a in stated}
        found, stated = "; ".join(found), "; ".join(stated)
    elif name == "url":
        same = found.rstrip("/").split("://")[-1] == stated.rstrip("/").split("://")[-1]
    else:
        same = found == stated
    if same:
        return None
    return {"field": name, "input": str(found), "given": str(stated), "given_by": origin}


def _outlet_key(name: str) -> str:
    found = outlet_by_name(name)
    return name_key(found.name if found is not None else name)
