"""The HTTP API (/api/v1): check an article, read stored reports, history, rules, ClaimReview, stories.

Every error is JSON ``{"error": {"code": ..., "message": ...}}`` with the HTTP status its catalogue entry gives.
Library errors keep their presslint code; the web layer's own conditions use the "Web (7xx)" codes of ``errors.E``.
"""

from __future__ import annotations

import hmac
import threading
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from ..errors import E, Entry, PresslintError
from ..model import HistoryRow, Story, StoryView
from ..report.claimreview import claim_reviews
from ..rules import Rule
from .server import bounded_retry_after
from .workers import Overloaded, TimedOut

MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id names nothing (and would overflow the driver)


class ApiError(PresslintError):
    """A coded error with HTTP headers to send with it (Retry-After, WWW-Authenticate)."""

    def __init__(self, entry: Entry, headers: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(entry, **kwargs)
        self.headers = headers or {}


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(
    err: PresslintError, headers: dict[str, str] | None = None, *, status: int | None = None
) -> JSONResponse:
    """The JSON answer for a coded error, with the status its catalogue entry gives (or ``status``)."""
    return JSONResponse(error_body(err.code, err.message), status_code=status or err.http_status, headers=headers)


# -- request and response models ------------------------------------------------------------------------------------
class CheckRequest(BaseModel):
    """Exactly one of text, html or url."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"text": "Headline\n\nTwo officials said on Monday that ...", "date": "2024-05-01"}]
        },
    )

    text: str | None = Field(None, description="Plain article text; the first short line is taken as the headline.")
    html: str | None = Field(None, description="An HTML page; the article is extracted from it.")
    url: str | None = Field(None, description="An http(s) URL to fetch (private addresses are refused).")
    allow_private: bool = Field(False, description="Fetch a private/loopback URL; only if the server allows it.")
    date: str | None = Field(None, description="Publication date (YYYY-MM-DD) to assume when the article has none.")
    select: list[str] | None = Field(None, description="Only these rule codes or prefixes, e.g. ['SRC', 'NUM001'].")
    ignore: list[str] | None = Field(None, description="Skip these rule codes or prefixes.")
    filename: str | None = Field(None, max_length=200, description="Name of an uploaded file (kept as the origin).")


class ErrorDetail(BaseModel):
    code: str = Field(description="presslint error code, e.g. E201")
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


# FastAPI's ``responses``: status -> OpenAPI response fields (here the body model of every coded error).
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 404, 413, 422, 502, 503, 504)
}
REPORT_DOC = "A presslint report (schema/report.schema.json), with `id`: its store id."


# -- auth -----------------------------------------------------------------------------------------------------------
_bearer = HTTPBearer(auto_error=False, description="Needed only when the server has a token (PRESSLINT_TOKEN).")


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
    token = request.app.state.config.token
    if not token:
        return
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(E.E703, headers={"WWW-Authenticate": "Bearer"})


router = APIRouter(prefix="/api/v1", dependencies=[Depends(require_token)], responses=_ERRORS)


# -- store access (reads happen in the server's thread pool; one connection per thread) -----------------------------
_local = threading.local()


def _store(request: Request):
    from ..store import open_store

    settings = request.app.state.config.settings
    key = str(settings.db_path())
    stores = getattr(_local, "stores", None)
    if stores is None:
        stores = _local.stores = {}
    if key not in stores:
        stores[key] = open_store(settings)
    return stores[key]


def _report(request: Request, report_id: int):
    if not 0 < report_id <= MAX_ID:
        raise PresslintError(E.E401, id=report_id)
    return _store(request).get(report_id)


# -- endpoints ------------------------------------------------------------------------------------------------------
@router.post("/check", summary="Check one article", response_description=REPORT_DOC)
async def check(body: CheckRequest, request: Request) -> dict[str, Any]:
    """Check text, an HTML page or a URL; the report is stored and returned with its id. A re-check of the same text
    with the same options returns the stored report."""
    config = request.app.state.config
    try:
        return await _in_worker(request, _job(body, config))
    except PresslintError as err:
        if err.entry is E.E201:
            err.message = web_private_message(err.message, server_allows=config.allow_private)
        raise


async def _in_worker(request: Request, job: dict[str, Any]) -> Any:
    """Run a job in the worker pool; busy -> 503 with Retry-After, too slow -> 504, a library error -> its code."""
    pool = request.app.state.pool
    try:
        answer = await pool.check(job)
    except Overloaded as busy:
        seconds = bounded_retry_after(busy.retry_after, ceiling=pool.timeout)  # one giant job must not say "128 s"
        raise ApiError(
            E.E704,
            headers={"Retry-After": str(seconds)},
            in_flight=pool.in_flight,
            seconds=seconds,
        ) from None
    except TimedOut:
        raise ApiError(E.E705, seconds=pool.timeout) from None
    if answer[0] == "error":
        _, code, message = answer
        raise PresslintError.passed_on(code, message)
    return answer[1]


def web_private_message(message: str, *, server_allows: bool) -> str:
    """E201 as a web client should read it: what this server allows, not the CLI's flag."""
    if server_allows:
        return message + '; this server allows it: send "allow_private": true with the request'
    return message + "; this server was started without --allow-private, so it never fetches such addresses"


def _job(body: CheckRequest, config) -> dict[str, Any]:
    given = [name for name in ("text", "html", "url") if getattr(body, name) is not None]
    if len(given) != 1:
        raise ApiError(E.E702, reason="give exactly one of 'text', 'html' or 'url'")
    name = given[0]
    value = getattr(body, name)
    if not value.strip():
        raise PresslintError(E.E102, path=body.filename or f"the request's '{name}'")
    if body.allow_private and not config.allow_private:
        raise ApiError(E.E706)
    changes: dict[str, Any] = {"allow_private": bool(body.allow_private and config.allow_private)}
    if body.date:
        changes["date"] = body.date
    if body.select:
        changes["select"] = [c.strip() for c in body.select if c.strip()]
    if body.ignore:
        changes["ignore"] = [*config.settings.ignore, *(c.strip() for c in body.ignore if c.strip())]
    config.settings.replace(**changes)  # settings validate themselves: E301/E304 before a worker is busy
    job: dict[str, Any] = {name: value.strip() if name == "url" else value, "settings": changes}
    if body.filename:
        job["origin"] = body.filename
    return job


@router.get("/reports/{report_id}", summary="A stored report", response_description=REPORT_DOC)
def get_report(report_id: int, request: Request) -> dict[str, Any]:
    from ..report.json import report_json

    return report_json(_report(request, report_id))


@router.get(
    "/reports/{report_id}/html", summary="A stored report as a self-contained HTML page", response_class=HTMLResponse
)
def get_report_html(report_id: int, request: Request) -> HTMLResponse:
    from ..report import render

    page = render(_report(request, report_id), "html")
    # The page has its own inline stylesheet and no script: allow exactly that.
    return HTMLResponse(page, headers={"Content-Security-Policy": REPORT_CSP})


REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


@router.get("/reports/{report_id}/claimreview", summary="ClaimReview JSON-LD for the report's verdict findings")
def get_claimreview(report_id: int, request: Request) -> list[dict[str, Any]]:
    """schema.org ClaimReview objects for knowledge-check (KB0xx) and contradiction (CON001) findings; an empty list
    when the report has none."""
    return claim_reviews(
        _report(request, report_id), report_url=str(request.url_for("get_report", report_id=report_id))
    )


@router.get("/history", summary="Stored reports, newest first")
def history(request: Request, limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0)) -> list[HistoryRow]:
    # The store's own record is the response model (pydantic reads dataclasses), so the two cannot drift apart.
    return _store(request).history(limit=limit, offset=min(offset, MAX_ID))  # past the end: an empty list


@router.get("/rules", summary="The rule catalogue")
def list_rules() -> list[Rule]:
    # The catalogue's own record is the response model, so the two cannot drift apart.
    from .. import rules

    return list(rules.catalogue().values())


# -- stories (articles from many outlets clustered by `presslint ingest`) -------------------------------------------
# The records of ``presslint.model.corpus`` are the response models, as ``HistoryRow`` is for /history.
STORY_DOC = (
    "The story lined up claim by claim (`presslint.corpus.story_view`): the story row, its members outlet by "
    "outlet, aligned claims (corroborated, contradicted with both sides, single-source) and outlet profiles."
)


@router.get("/stories", summary="Stories in the corpus, latest first")
def list_stories(
    request: Request,
    since: str | None = Query(None, description="Only stories active on or after this date (YYYY-MM-DD)."),
    limit: int = Query(50, ge=1, le=500),
) -> list[Story]:
    from .. import corpus
    from ..config import parse_date

    if since is not None:
        parse_date(since)  # E304 on anything but YYYY-MM-DD
    return corpus.list_stories(_store(request), since=since, limit=limit)


@router.get("/stories/{story_id}", summary="One story, outlets lined up claim by claim", response_description=STORY_DOC)
def get_story(story_id: int, request: Request) -> StoryView:
    """Claims were aligned when the articles were ingested, so this is a read."""
    from .. import corpus

    view = corpus.story_view(_store(request), story_id) if 0 < story_id <= MAX_ID else None
    if view is None:
        raise ApiError(E.E710, id=story_id)
    return view
