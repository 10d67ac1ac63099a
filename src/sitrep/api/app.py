"""The HTTP API and the web page of `sitrep serve`: a FastAPI app over a store opened read-only.

Routes (JSON under /api; the OpenAPI document is /openapi.json):

    GET  /api/events              the filters of `sitrep events`, limit/offset paging → {total, limit, offset, events}
    GET  /api/events/{event_id}   one event with its claims, sources and evidence
    GET  /api/articles/{id}       one article's cleaned text, and for each of its events the evidence in it (offsets)
    POST /api/extract             the events of one posted article's text; nothing is stored
    GET  /api/stats               counts for the charts (`Store.stats()`)
    GET  /                        the web page (static files under /static; no internet needed)

The store is opened read-only for each request and closed after it, so a `sitrep ingest` can write between
requests (a request that meets an ingest in progress gets 503). Built with a token, every /api call must carry
it (`Authorization: Bearer TOKEN` or `?token=TOKEN`), else 401. Errors are JSON `{"error": "one line", "detail": ...}`.
"""
from __future__ import annotations

import secrets
import threading
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from .. import __version__
from ..errors import SitrepError
from ..store.duckdb_store import Store, default_db
from . import DEFAULT_MAX_BODY

WEB = Path(__file__).resolve().parents[1] / "web"
MAX_LIMIT = 10_000
VERIFICATIONS = ("confirmed", "reported", "unverified", "disputed", "denied")
SUMMARY_FIELDS = ("event_id", "event_date", "time_precision", "event_type", "sub_event_type", "plover_type",
                  "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2", "location",
                  "latitude", "longitude", "geo_precision", "fatalities", "verification", "status", "notes")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


# --- the app ------------------------------------------------------------------------
def create_app(db: str | None = None, token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               allowed_hosts: list[str] | None = None, nlp=None) -> FastAPI:
    """The app over the store at `db` (checked now: a missing or unreadable store raises SitrepError).

    `token`: required on every /api call when set. `max_body`: the POST size limit in bytes (413 past it).
    `allowed_hosts`: Host header values accepted (guards a loopback server against DNS rebinding); None accepts any.
    `nlp`: a loaded spaCy pipeline for /api/extract (loaded on first use otherwise).
    """
    db = db or default_db()
    Store(db, read_only=True).close()
    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None,
                  description="Conflict events extracted from news reports: query, map, trace each field to its words.")
    app.state.db, app.state.token, app.state.max_body = db, token or None, max_body
    app.state.nlp, app.state.nlp_lock = nlp, threading.Lock()
    _add_error_handlers(app)
    app.include_router(_api_router(), prefix="/api", dependencies=[Depends(require_token)])
    _add_page(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(BodyLimit, max_body=max_body)
    if allowed_hosts:
        app.add_middleware(HostGuard, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)  # the last added runs first: every response carries the headers
    return app


def _add_page(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(WEB / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=WEB), name="static")


# --- middleware ---------------------------------------------------------------------
class BodyLimit:
    """Refuse request bodies over `max_body` bytes with 413, before they are read (Content-Length) or while (chunked)."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await self._refuse(scope, receive, send)
        received = 0

        async def counted():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise HTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return f"request body is over the {self.max_body:,}-byte limit"

    async def _refuse(self, scope, receive, send):
        response = _error_response(413, self._message())
        await response(scope, receive, send)


class HostGuard:
    """400 unless the Host header names an allowed host: a page elsewhere cannot reach a loopback server by DNS rebinding."""

    def __init__(self, app, allowed_hosts: list[str]):
        self.app, self.allowed = app, {h.lower() for h in allowed_hosts}

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self._host(scope) not in self.allowed:
            response = _error_response(400, "unexpected Host header (this server answers only to its loopback address)")
            return await response(scope, receive, send)
        await self.app(scope, receive, send)

    @staticmethod
    def _host(scope) -> str:
        host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1").lower()
        if host.startswith("["):  # [::1]:8000
            return host.split("]")[0] + "]"
        return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SecurityHeaders:
    """A Content-Security-Policy that lets the page load nothing from outside, and no Referer (tokens live in URLs)."""

    HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers") or []) + self.HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


# --- errors -------------------------------------------------------------------------
def _error_response(status: int, message: str, detail=None, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "detail": message if detail is None else detail},
                        status_code=status, headers=headers)


def _one_line(errors: list[dict]) -> str:
    """The validation errors as one line: `where: what (got value)`."""
    return "; ".join(_describe(error) for error in errors) or "invalid request"


def _describe(error: dict) -> str:
    kind, value = error.get("type", ""), error.get("input")
    where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")) or "request"
    if kind == "json_invalid":
        return "request body is not valid JSON"
    if kind.startswith(("date_", "datetime_")):
        return f"{where}: cannot parse date {str(value)[:40]!r} (expected YYYY-MM-DD)"
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    shown = f" (got {str(value)[:40]!r})" if isinstance(value, (str, int, float)) and "cannot parse" not in message else ""
    return f"{where}: {message}{shown}"


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        return _error_response(422, _one_line(errors), errors)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):  # a bug: still one line of JSON, nothing more revealed
        return _error_response(500, f"internal error ({type(exc).__name__})")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error_response(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))


# --- dependencies -------------------------------------------------------------------
def require_token(request: Request) -> None:
    """401 unless the app has no token or the request carries it (Bearer header or ?token=)."""
    expected = request.app.state.token
    if not expected:
        return
    header = request.headers.get("authorization", "")
    given = header[7:].strip() if header[:7].lower() == "bearer " else request.query_params.get("token", "")
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a valid token is required (Authorization: Bearer TOKEN, or ?token=TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})


def open_store(request: Request):
    """The store, opened read-only for this request and closed after it."""
    try:
        store = Store(request.app.state.db, read_only=True)
    except SitrepError as exc:
        raise HTTPException(503, f"store unavailable: {exc.reason} (is an ingest writing it? try again)") from None
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(open_store)]


# --- routes -------------------------------------------------------------------------
class EventFilters(BaseModel):
    """The filters of `sitrep events`."""

    country: str | None = Field(None, max_length=64, description="ISO 3166 alpha-3 code, e.g. SYR")
    since: date | None = Field(None, description="events on or after this date (YYYY-MM-DD)")
    until: date | None = Field(None, description="events on or before this date (YYYY-MM-DD)")
    type: str | None = Field(None, max_length=200, description="ACLED event or sub-event type, or PLOVER type")
    actor: str | None = Field(None, max_length=200, description="part of an actor name, e.g. 'Islamic State'")
    verification: Literal[VERIFICATIONS] | None = None  # type: ignore[valid-type]

    def store_filters(self) -> dict:
        if self.since and self.until and self.since > self.until:
            raise HTTPException(422, f"since ({self.since}) is after until ({self.until})")
        return {"country": self.country, "since": self.since, "until": self.until, "event_type": self.type,
                "actor": self.actor, "verification": self.verification}


class ExtractRequest(BaseModel):
    """One article to extract events from; nothing is stored."""

    text: str = Field(..., description="the article: plain text or HTML")
    published: date | None = Field(
        None, description="publication date, YYYY-MM-DD: relative dates ('on Friday') resolve against it")
    source: str | None = Field(None, max_length=200, description="the outlet, e.g. Reuters")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=2000)

    @field_validator("text")
    @classmethod
    def not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def iso_date(cls, value):
        if value is None or value == "":
            return None
        problem = ValueError(f"cannot parse date {str(value)[:40]!r} (expected YYYY-MM-DD)")
        if not isinstance(value, str):
            raise problem
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise problem from None


def _api_router() -> APIRouter:
    router = APIRouter()
    router.add_api_route("/events", list_events, methods=["GET"], summary="events matching the filters, paged")
    router.add_api_route("/events/{event_id}", get_event, methods=["GET"], summary="one event: claims, sources, evidence")
    router.add_api_route("/articles/{article_id}", get_article, methods=["GET"],
                         summary="one article's text and the evidence spans of each of its events")
    router.add_api_route("/extract", extract, methods=["POST"], summary="extract one article's events (stores nothing)")
    router.add_api_route("/stats", get_stats, methods=["GET"], summary="counts by type, month, day, admin1; top actors")
    return router


def list_events(store: StoreDep, filters: Annotated[EventFilters, Query()],
                limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
                offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
                view: Annotated[Literal["full", "summary"], Query(description="summary: the fields a map needs")] = "full"):
    """Events in date order (undated last), `limit` from `offset`, with the `total` that match."""
    where = filters.store_filters()
    events = store.events(**where, limit=limit, offset=offset)
    if view == "summary":
        events = [summary(e) for e in events]
    return {"total": store.count_events(**where), "limit": limit, "offset": offset, "events": events}


def summary(event: dict) -> dict:
    record = {name: event.get(name) for name in SUMMARY_FIELDS}
    record["n_sources"] = len(event.get("sources") or [])
    return record


def get_event(store: StoreDep, event_id: Annotated[str, PathParam(max_length=200)]):
    """The stored event record: claims, quantities, sources (articles) and evidence (offsets into each article)."""
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return event


def get_article(store: StoreDep, article_id: Annotated[str, PathParam(max_length=200)]):
    """The cleaned article (`text`, `paragraphs`) and `events`: each event it reports, with the evidence in this article."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    article.pop("seq", None)
    article["origin"] = Path(article["origin"]).name if article.get("origin") else None  # no server paths
    article["events"] = [_event_in_article(store.event(i), article_id) for i in article_event_ids(store, article_id)]
    article["events"] = [e for e in article["events"] if e is not None]
    return article


def article_event_ids(store: Store, article_id: str) -> list[str]:
    """Ids of the stored events an article reports (what it contributed, after merging across articles)."""
    return store.article_events(article_id)


def _event_in_article(event: dict | None, article_id: str) -> dict | None:
    if event is None:
        return None
    record = summary(event)
    record["claims"] = event.get("claims") or []
    record["evidence"] = [e for e in event.get("evidence") or [] if e.get("article_id") == article_id]
    return record


def get_stats(store: StoreDep):
    """`Store.stats()`: counts of articles and events, events by type, month, day and admin1, top actors."""
    return store.stats()


def extract(request: Request, body: ExtractRequest):
    """The article as cleaned (`article`, whose `text` the evidence offsets point into) and its `events`."""
    from ..ingest.readers import decode_bytes, html_to_text, looks_like_html
    from ..model import RawDocument
    from ..pipeline import Options, process_document

    origin = "request"
    try:
        text, title = decode_bytes(body.text.encode("utf-8", "replace"), origin), body.title
        if looks_like_html(text):
            text, page_title = html_to_text(text, origin)
            title = title or page_title
        document = RawDocument(text, origin, title, body.published, body.source, body.url)
        with request.app.state.nlp_lock:
            article, events = process_document(document, Options(), _nlp(request.app))
    except SitrepError as exc:
        raise HTTPException(422, exc.reason) from None
    record = article.to_dict()
    record.pop("origin", None)
    return {"stored": False, "article": record, "events": [e.to_dict() for e in events]}


def _nlp(app: FastAPI):
    """The spaCy pipeline, loaded once (under the app's lock)."""
    if app.state.nlp is None:
        from ..nlp.pipeline import load_model

        app.state.nlp = load_model()
    return app.state.nlp
