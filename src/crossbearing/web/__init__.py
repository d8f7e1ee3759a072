"""The web app over a shared database (FastAPI): the dossier's pages from the same templates, a
JSON API, search, entity pages and analyst corrections. The only package that imports the web
framework."""

from crossbearing.web.app import create_app, serve

__all__ = ["create_app", "serve"]
