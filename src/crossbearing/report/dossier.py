"""The dossier: every story of the store in one self-contained HTML file (style, script and data
inline; no network needed, none allowed), to open from disk, read, print and send.

It is written piece by piece as the template produces it, one story's view at a time, and the
stories' data embedded for programs is kept in a temporary file until its place at the end of
the page: a large collection's dossier (about 100 kB per report) is never held whole."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from markupsafe import Markup

from crossbearing.export.sink import replace_whole
from crossbearing.model import Failure
from crossbearing.report.render import DOSSIER_LINKS, assets, render_pieces, script_json
from crossbearing.views import DossierStream

#: The dossier's file name inside the output folder.
DOSSIER_FILE = "index.html"
#: Characters of the spooled stories' data read back at a time.
SPOOL_CHUNK = 1 << 20


def render_dossier(view: dict[str, Any], exports: list[str] | None = None) -> str:
    """The dossier's HTML for a :func:`~crossbearing.views.pages.dossier_view`; ``exports``: file
    names beside it (the analysis' exports) that it links to."""
    return "".join(_pieces(view["version"], view["counts"], view["stories"], view["stories"],
                           lambda: view["articles"], exports))


def write_dossier(store, out: str | os.PathLike[str], *, exports: list[str] | None = None,
                  failures: list[Failure] | None = None) -> Path:
    """Write the dossier of everything in ``store`` to ``out/index.html`` (the folder is created;
    the file is replaced whole, never left half-written), linking to the ``exports`` written
    beside it. Returns its path. A section that could not be built says so in the page, and is
    appended to ``failures`` when given."""
    dossier = DossierStream(store, failures)

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8") as file:
            for piece in _pieces(dossier.version, dossier.counts, dossier.heads,
                                 dossier.stories(), dossier.articles, exports):
                file.write(piece)

    path = Path(out) / DOSSIER_FILE
    replace_whole(path, write)
    return path


def _pieces(version: str, counts: dict[str, int], heads: Iterable[Any],
            stories: Iterable[dict[str, Any]], articles: Callable[[], list[dict[str, Any]]],
            exports: list[str] | None) -> Iterator[str]:
    """The page's text in pieces: ``heads`` (id, title, articles) make the navigation,
    ``stories`` (views, read once) the body, ``articles()`` (called after the stories) the
    reports' texts; the embedded data is what :func:`script_json` writes of ``{"version",
    "counts", "stories", "articles"}`` (the articles without their text), byte for byte."""
    reports: list[list[dict[str, Any]]] = []

    def texts() -> list[dict[str, Any]]:  # once, where the page reaches the reports
        if not reports:
            reports.append(articles())
        return reports[0]

    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        def spooled() -> Iterator[dict[str, Any]]:
            for index, story in enumerate(stories):
                spool.write(("," if index else "") + _json(story))
                yield story

        def data() -> Iterator[Markup]:
            yield Markup(f'{{"version":{_json(version)},"counts":{_json(counts)},"stories":[')
            spool.seek(0)
            while chunk := spool.read(SPOOL_CHUNK):
                yield Markup(chunk)
            without_text = [{k: v for k, v in a.items() if k != "text"} for a in texts()]
            yield Markup(f'],"articles":{_json(without_text)}}}')

        yield from render_pieces("dossier.html", title="Crossbearing dossier", version=version,
                                 counts=counts, heads=heads, stories=spooled(), reports=texts,
                                 data=data, assets=assets(), links=DOSSIER_LINKS,
                                 exports=exports or [])


def _json(value: Any) -> str:
    """:func:`script_json` as plain text, to be joined with other pieces of the data."""
    return str(script_json(value))
