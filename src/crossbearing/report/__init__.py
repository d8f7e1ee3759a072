"""The HTML dossier: one self-contained file per store, rendered from the templates the web app
shares (``crossbearing/templates``)."""

from crossbearing.report.dossier import DOSSIER_FILE, render_dossier, write_dossier
from crossbearing.report.render import script_json

__all__ = ["DOSSIER_FILE", "render_dossier", "script_json", "write_dossier"]
