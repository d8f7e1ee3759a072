"""Analyst corrections in the web app: merge or split actors, mark a shared passage as not
reuse, confirm or reject an event or correct its type, date, place, fatalities, actor or target,
correct an article's outlet, publication date or title; as
HTML forms (answered by a redirect to the corrected page)
and as a JSON API. Corrections are stored as overrides and applied at once; the corpus stage
applies them again after every re-analysis."""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from crossbearing.errors import UsageError
from crossbearing.event_corrections import EVENT_KINDS
from crossbearing.web.pages import page

_ENTITY = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
_PASSAGE = re.compile(r"^[0-9a-f]{4,64}\|[0-9a-f]{4,64}\|\d{1,9}\|\d{1,9}$")
_EVENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9:._-]{0,120}$")
_ARTICLE = re.compile(r"^[0-9a-f]{16}$")
#: Corrections of an article's metadata (``store.overrides.ARTICLE_FIELDS``).
ARTICLE_KINDS = ("article-outlet", "article-published", "article-title")
#: Form fields are short; a longer body is refused.
MAX_FORM_BYTES = 8192


class Correction(BaseModel):
    """A correction as the JSON API takes it."""

    kind: Literal["merge-entities", "split-entity", "not-reuse", "event", "article-outlet",
                  "article-published", "article-title", "event-type", "event-date",
                  "event-place", "event-fatalities", "event-actor", "event-target"]
    target: str = Field(min_length=1, max_length=300)
    value: str = Field(min_length=1, max_length=300)
    note: str = Field("", max_length=2000)


def check(kind: str, target: str, value: str, store) -> None:
    """Refuse a correction that names nothing real or is malformed (HTTP 422)."""
    if kind == "merge-entities":
        if not (_ENTITY.match(target) and _ENTITY.match(value)) or target == value:
            raise HTTPException(422, "merge two different entity ids")
        if store.pages.entity(target) is None or store.pages.entity(value) is None:
            raise HTTPException(422, "no such entity")
    elif kind == "split-entity":
        if not _ENTITY.match(target) or store.pages.entity(target) is None:
            raise HTTPException(422, "no such entity")
        if value not in {m["text"] for m in store.pages.entity_mentions(target)}:
            raise HTTPException(422, "the entity has no mention with this spelling")
    elif kind == "not-reuse":
        if not _PASSAGE.match(target) or value != "not-reuse":
            raise HTTPException(422, "a passage is named 'a|b|a_start|b_start'")
    elif kind == "event":
        if not _EVENT.match(target) or value not in ("confirm", "reject"):
            raise HTTPException(422, "an event id and 'confirm' or 'reject'")
    elif kind in EVENT_KINDS:  # checked as it is stored (store.corrections.add_override)
        if not _EVENT.match(target) or target not in _event_ids(store, target):
            raise HTTPException(422, "no such event")
    elif kind in ARTICLE_KINDS:
        if not _ARTICLE.match(target) or not store.articles.articles_by_id([target]):
            raise HTTPException(422, "no such article")
    else:
        raise HTTPException(422, "unknown kind of correction")


def _event_ids(store, target: str) -> list[str]:
    return store.ids_with_prefix("events", "event_id", target, limit=1)


def apply(request: Request, kind: str, target: str, value: str, note: str) -> str:
    """Check, store and apply one correction; returns its id."""
    with request.app.state.database.use() as store:
        check(kind, target, value, store)
        try:
            with store.transaction():
                override_id = store.corrections.add_override(kind, target, value, note)
                store.corrections.apply_entity_overrides()
        except UsageError as error:
            raise HTTPException(422, str(error)) from None
    return override_id


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise HTTPException(413, "form too large")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {name: values[0] for name, values in fields.items()}


def _back(request: Request, kind: str, target: str, value: str) -> str:
    """The page showing what was corrected (built from checked ids, never from the request's
    Referer, so the redirect cannot leave the app)."""
    if kind == "merge-entities":
        return f"/entities/{value}"
    if kind == "split-entity":
        return f"/entities/{target}"
    if kind == "not-reuse":
        with request.app.state.database.use() as store:
            story = store.corpus.story_of(target.split("|")[0])
        return f"/stories/{story}" if story else "/"
    if kind in ARTICLE_KINDS:
        return f"/articles/{target}"
    if kind in EVENT_KINDS:
        with request.app.state.database.use() as store:
            story = next((e.story_id for e in store.events.all()
                          if e.event_id == target), None)
        return f"/stories/{story}#event-{target}" if story else "/corrections"
    return "/corrections"


def corrections_router() -> APIRouter:
    router = APIRouter()

    @router.post("/corrections", response_class=HTMLResponse, summary="Make a correction (form)")
    async def correct_form(request: Request):
        fields = await _form(request)
        kind, target = fields.get("kind", ""), fields.get("target", "")
        value, note = fields.get("value", ""), fields.get("note", "")[:2000]
        apply(request, kind, target, value, note)
        return RedirectResponse(_back(request, kind, target, value), status_code=303)

    @router.get("/corrections", response_class=HTMLResponse, summary="Corrections made")
    def corrections_page(request: Request):
        with request.app.state.database.use() as store:
            view = {"corrections": store.corrections.overrides()}
        return page(request, "web/corrections.html", view, "Corrections")

    @router.get("/api/corrections", summary="Corrections made, oldest first")
    def list_corrections(request: Request) -> list[dict[str, Any]]:
        with request.app.state.database.use() as store:
            return store.corrections.overrides()

    @router.post("/api/corrections", status_code=201, summary="Make a correction")
    def add_correction(request: Request, correction: Correction) -> dict[str, str]:
        return {"override_id": apply(request, correction.kind, correction.target,
                                     correction.value, correction.note)}

    @router.delete("/api/corrections/{override_id}", summary="Withdraw a correction")
    def remove_correction(request: Request,
                          override_id: str = Path(pattern=r"^[0-9a-f]{8,64}$")) -> dict[str, bool]:
        with request.app.state.database.use() as store, store.transaction():
            if not store.corrections.remove_override(override_id):
                raise HTTPException(404, "no such correction")
        return {"removed": True}

    return router
