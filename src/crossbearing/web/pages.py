"""Pages of the web app: a view rendered through the shared templates (or its dict as JSON with
``?format=json``), and error pages for browsers (JSON for the API and for clients that do not
ask for HTML)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from crossbearing.report.render import Links, assets, render

WEB_LINKS = Links(span=lambda a, s, e: f"/articles/{a}#a-{a}-{s}-{e}",
                  article=lambda a: f"/articles/{a}", story=lambda s: f"/stories/{s}",
                  entity=lambda e: f"/entities/{e}")


def page(request: Request, template: str, view: dict[str, Any], title: str) -> Response:
    """The page as HTML, or its view dict as JSON with ``?format=json``."""
    if request.query_params.get("format") == "json":
        return JSONResponse(view)
    html = render(template, title=title, page=view, assets=assets(form_action="'self'",
                                                                  connect="'self'"),
                  links=WEB_LINKS, correct=not request.app.state.read_only,
                  referrer="same-origin")  # no-referrer would send Origin: null with forms
    return HTMLResponse(html)


#: Titles of the error pages a browser is shown.
ERROR_TITLES = {400: "Bad request", 403: "Not allowed", 404: "Not found",
                405: "Not allowed here", 422: "Not a valid address"}


def _wants_json(request: Request) -> bool:
    """JSON for the API, for ``?format=json`` and for clients that do not ask for HTML."""
    return (request.url.path.startswith("/api") or request.query_params.get("format") == "json"
            or "text/html" not in request.headers.get("accept", ""))


async def http_error(request: Request, error: StarletteHTTPException) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": error.detail}, status_code=error.status_code,
                            headers=getattr(error, "headers", None))
    return _error_page(request, error.status_code, str(error.detail))


async def invalid_request(request: Request, error: RequestValidationError) -> Response:
    """A malformed id or parameter: the API lists what is wrong; a browser gets a page that says
    the address names nothing (not the id pattern)."""
    if _wants_json(request):
        return JSONResponse({"detail": jsonable_encoder(error.errors())}, status_code=422)
    problems = error.errors()
    if any(problem.get("loc", ("",))[0] == "path" for problem in problems):
        return _error_page(request, 404, "This address names no story, article or page here.")
    said = "; ".join(f"{problem['loc'][-1]}: {problem.get('msg', 'not valid')}"
                     for problem in problems if problem.get("loc"))
    return _error_page(request, 400, f"The request is not valid ({said}).")


def _error_page(request: Request, status: int, detail: str) -> Response:
    view = {"status": status, "title": ERROR_TITLES.get(status, "Error"), "detail": detail}
    html = render("web/error.html", title=view["title"], page=view,
                  assets=assets(form_action="'self'", connect="'self'"), links=WEB_LINKS,
                  correct=False, referrer="same-origin")
    return HTMLResponse(html, status_code=status)
