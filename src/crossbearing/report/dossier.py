"""The dossier: every story of the store in one self-contained HTML file (style, script and data
inline; no network needed, none allowed), to open from disk, read, print and send."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from crossbearing.export.sink import replace_whole
from crossbearing.model import Failure
from crossbearing.report.render import DOSSIER_LINKS, assets, render
from crossbearing.views import dossier_view

#: The dossier's file name inside the output folder.
DOSSIER_FILE = "index.html"


def render_dossier(view: dict[str, Any], exports: list[str] | None = None) -> str:
    """The dossier's HTML for a :func:`~crossbearing.views.pages.dossier_view`; ``exports``: file
    names beside it (the analysis' exports) that it links to."""
    data = {"version": view["version"], "counts": view["counts"], "stories": view["stories"],
            "articles": [{k: v for k, v in a.items() if k != "text"} for a in view["articles"]]}
    return render("dossier.html", title="Crossbearing dossier", page=view, data=data,
                  assets=assets(), links=DOSSIER_LINKS, exports=exports or [])


def write_dossier(store, out: str | os.PathLike[str], *, exports: list[str] | None = None,
                  failures: list[Failure] | None = None) -> Path:
    """Write the dossier of everything in ``store`` to ``out/index.html`` (the folder is created;
    the file is replaced whole, never left half-written), linking to the ``exports`` written
    beside it. Returns its path. A section that could not be built says so in the page, and is
    appended to ``failures`` when given."""
    html = render_dossier(dossier_view(store, failures), exports)
    path = Path(out) / DOSSIER_FILE
    replace_whole(path, lambda temporary: temporary.write_text(html, encoding="utf-8"))
    return path
