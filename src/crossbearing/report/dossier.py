"""The dossier: every story of the store in one self-contained HTML file (style, script and data
inline; no network needed, none allowed), to open from disk, read, print and send."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from crossbearing.report.render import DOSSIER_LINKS, assets, render
from crossbearing.views import dossier_view

#: The dossier's file name inside the output folder.
DOSSIER_FILE = "index.html"


def render_dossier(view: dict[str, Any], exports: list[str] | None = None) -> str:
    """The dossier's HTML for a :func:`~crossbearing.views.dossier_view`; ``exports``: file
    names beside it (the analysis' exports) that it links to."""
    data = {"version": view["version"], "counts": view["counts"], "stories": view["stories"],
            "articles": [{k: v for k, v in a.items() if k != "text"} for a in view["articles"]]}
    return render("dossier.html", title="Crossbearing dossier", page=view, data=data,
                  assets=assets(), links=DOSSIER_LINKS, exports=exports or [])


def write_dossier(store, out: str | os.PathLike[str], *, exports: list[str] | None = None) -> Path:
    """Write the dossier of everything in ``store`` to ``out/index.html`` (the folder is created;
    the file is replaced whole, never left half-written), linking to the ``exports`` written
    beside it. Returns its path."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    html = render_dossier(dossier_view(store), exports)
    path = folder / DOSSIER_FILE
    temporary = folder / f".{DOSSIER_FILE}.{os.getpid()}.tmp"  # created with the usual mode
    try:
        temporary.write_text(html, encoding="utf-8")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
