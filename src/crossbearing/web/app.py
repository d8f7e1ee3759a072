"""The web app: the dossier's pages over a shared database, with a JSON twin of every page, a
JSON API under ``/api``, search, entity pages and analyst corrections. Only this package imports
the web framework.

Every HTML page answers ``?format=json`` with the view dict it renders (the same dicts as the CLI's
``--json`` and the dossier); ``/api/...`` gives the same. Ids in paths are checked against their
patterns before use; a story id may also be a unique prefix of one or an id retired when its
story merged with another: both redirect to the story's page. Nothing is served from the file
system. Read-only mode refuses every write with 403, and so does a write from another origin.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from crossbearing.errors import NotFound, UsageError
from crossbearing.report.render import assets
from crossbearing.store import Store, open_store
from crossbearing.web.pages import http_error, invalid_request, page
from crossbearing.views import article_page, entity_page, search_page, story_page
from crossbearing.views.records import story_rows

ARTICLE_ID = r"^[0-9a-f]{4,64}$"
STORY_ID = r"^story-[0-9a-f]{4,64}$"
ENTITY_ID = r"^[a-z0-9][a-z0-9-]{0,80}$"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


class Database:
    """One store shared by the app's threads, used by one request at a time."""

    def __init__(self, location: str) -> None:
        self.store = open_store(location)
        self.lock = threading.Lock()

    @contextmanager
    def use(self) -> Iterator[Store]:
        with self.lock:
            yield self.store


def create_app(db: str, *, read_only: bool = False,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app over the database at ``db``. ``allowed_hosts``: the only Host headers answered
    (a loopback server answers only loopback names, so a page whose domain was rebound to
    127.0.0.1 cannot read it); None answers any."""
    from crossbearing import __version__
    from crossbearing.web.corrections import corrections_router

    app = FastAPI(title="Crossbearing", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")
    app.state.database = Database(db)
    app.state.read_only = read_only
    app.middleware("http")(_guard)
    if allowed_hosts is not None:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    _pages(app)
    _api(app)
    app.include_router(corrections_router())
    app.exception_handler(StarletteHTTPException)(http_error)
    app.exception_handler(RequestValidationError)(invalid_request)
    return app


async def _guard(request: Request, call_next):
    """Refuse writes in read-only mode and writes from other origins; set security headers."""
    if request.method not in SAFE_METHODS:
        if request.app.state.read_only:
            return JSONResponse({"detail": "this server is read-only"}, status_code=403)
        if not _same_origin(request):
            return JSONResponse({"detail": "cross-origin write refused"}, status_code=403)
    response = await call_next(request)
    response.headers["Content-Security-Policy"] = assets(form_action="'self'",
                                                         connect="'self'").csp
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"  # no-referrer would send Origin: null
    return response


def _same_origin(request: Request) -> bool:
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:  # not a browser's cross-site request: browsers send Origin with writes
        return True
    host = request.headers.get("host", "")
    return origin in (f"http://{host}", f"https://{host}")


def _found(view: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if view is None:
        raise HTTPException(status_code=404, detail=f"no such {what}")
    return view


def _story_id(store: Store, story_id: str) -> str:
    """The story ``story_id`` means: itself, the one story it is a prefix of, or the story a
    retired id leads to (404 when none, 400 when a prefix fits several)."""
    try:
        return store.corpus.resolve_story(story_id)
    except NotFound:
        raise HTTPException(status_code=404, detail="no such story") from None
    except UsageError as error:
        raise HTTPException(status_code=400, detail=str(error)) from None


def _moved(request: Request, path: str) -> RedirectResponse:
    """A redirect to ``path`` with the request's query (``?format=json`` stays): a story's id
    given by a prefix or an id retired when its story merged with another."""
    query = request.url.query
    return RedirectResponse(f"{path}?{query}" if query else path, status_code=307)


def stories_view(request: Request) -> dict[str, Any]:
    with request.app.state.database.use() as store:
        return {"stories": story_rows(store), "read_only": request.app.state.read_only}


def _pages(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse, summary="Stories, largest first")
    def stories(request: Request):
        return page(request, "web/stories.html", stories_view(request), "Stories")

    @app.get("/stories/{story_id}", response_class=HTMLResponse, summary="One story's dossier")
    def story(request: Request, story_id: str = Path(pattern=STORY_ID)):
        with request.app.state.database.use() as store:
            found = _story_id(store, story_id)
            if found != story_id:
                return _moved(request, f"/stories/{found}")
            view = _found(story_page(store, found), "story")
        return page(request, "web/story.html", view, view["title"] or "Story")

    @app.get("/articles/{article_id}", response_class=HTMLResponse, summary="One article")
    def article(request: Request, article_id: str = Path(pattern=ARTICLE_ID)):
        with request.app.state.database.use() as store:
            view = _found(article_page(store, article_id), "article")
        return page(request, "web/article.html", view, view["title"] or "Article")

    @app.get("/entities", response_class=HTMLResponse, summary="Actors and places")
    def entities(request: Request, limit: int = Query(100, ge=1, le=1000),
                 offset: int = Query(0, ge=0)):
        with request.app.state.database.use() as store:
            view = {"entities": store.pages.entity_list(limit=limit, offset=offset), "limit": limit,
                    "offset": offset}
        return page(request, "web/entities.html", view, "Actors and places")

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, summary="One actor or place")
    def entity(request: Request, entity_id: str = Path(pattern=ENTITY_ID)):
        with request.app.state.database.use() as store:
            view = _found(entity_page(store, entity_id), "entity")
        return page(request, "web/entity.html", view, view["name"])

    @app.get("/search", response_class=HTMLResponse, summary="Full-text search")
    def search(request: Request, q: str = Query("", max_length=200),
               limit: int = Query(20, ge=1, le=200)):
        with request.app.state.database.use() as store:
            view = search_page(store, q, limit)
        return page(request, "web/search.html", view, f"Search: {q}")

    @app.get("/api/docs", response_class=HTMLResponse, summary="These API docs")
    def api_docs(request: Request):
        return page(request, "web/api_docs.html", {"openapi": app.openapi()}, "API")


def _api(app: FastAPI) -> None:
    @app.get("/api/stories", summary="Stories, largest first")
    def api_stories(request: Request) -> dict[str, Any]:
        return stories_view(request)

    @app.get("/api/stories/{story_id}", summary="One story with every section")
    def api_story(request: Request, story_id: str = Path(pattern=STORY_ID)) -> Any:
        with request.app.state.database.use() as store:
            found = _story_id(store, story_id)
            if found != story_id:
                return _moved(request, f"/api/stories/{found}")
            return _found(story_page(store, found), "story")

    @app.get("/api/articles/{article_id}", summary="One article, its quotes and numbers")
    def api_article(request: Request, article_id: str = Path(pattern=ARTICLE_ID)) -> dict[str, Any]:
        with request.app.state.database.use() as store:
            return _found(article_page(store, article_id), "article")

    @app.get("/api/entities", summary="Actors and places, most mentioned first")
    def api_entities(request: Request, limit: int = Query(100, ge=1, le=1000),
                     offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        with request.app.state.database.use() as store:
            return [dataclasses.asdict(e)
                    for e in store.pages.entity_list(limit=limit, offset=offset)]

    @app.get("/api/entities/{entity_id}", summary="One actor or place")
    def api_entity(request: Request, entity_id: str = Path(pattern=ENTITY_ID)) -> dict[str, Any]:
        with request.app.state.database.use() as store:
            return _found(entity_page(store, entity_id), "entity")

    @app.get("/api/search", summary="Full-text search over articles and quotes")
    def api_search(request: Request, q: str = Query(..., min_length=1, max_length=200),
                   limit: int = Query(20, ge=1, le=200)) -> dict[str, Any]:
        with request.app.state.database.use() as store:
            return search_page(store, q, limit)


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000, read_only: bool = False) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    hosts = LOOPBACK_NAMES if host in LOOPBACK_NAMES else None
    uvicorn.run(create_app(db, read_only=read_only, allowed_hosts=hosts), host=host, port=port,
                log_level="warning")
