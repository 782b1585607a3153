"""RFC 9457 problem details: every error of the service is ``application/problem+json``."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.exc import DataError, DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from pbxdesk.domain.text import json_text

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://pbxdesk.example/problems/"
log = logging.getLogger("pbxdesk.server")


class ProblemError(Exception):
    """Raise to answer with a problem document; ``extra`` members are added to it."""

    def __init__(self, status: int, detail: str, slug: str | None = None, *,
                 headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.slug = slug
        self.headers = headers or {}
        self.extra = extra


def problem_body(status: int, detail: str, slug: str | None = None, **extra: Any) -> dict[str, Any]:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    body: dict[str, Any] = {
        "type": TYPE_BASE + (slug or phrase.lower().replace(" ", "-").replace("'", "")),
        "title": phrase, "status": status, "detail": detail,
    }
    body.update(extra)
    return body


def problem_response(status: int, detail: str, slug: str | None = None, *,
                     headers: dict[str, str] | None = None, **extra: Any) -> Response:
    # json_text: a problem may quote what the client sent, lone surrogates included
    content = json_text(problem_body(status, detail, slug, **extra)).encode("utf-8")
    return Response(content, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _describe_validation(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    errors = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        errors.append({"location": "/".join(loc), "message": str(err.get("msg", ""))})
    detail = "; ".join(f"{e['location']}: {e['message']}" for e in errors) or "invalid request"
    return detail, errors


def _allowed_methods(request: Request) -> list[str]:
    path = request.scope.get("path", "")
    found: set[str] = set()
    for route in request.app.routes:
        regex, methods = getattr(route, "path_regex", None), getattr(route, "methods", None)
        if regex is not None and methods and regex.match(path):
            found.update(methods)
    return sorted(found)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(_request: Request, exc: ProblemError) -> Response:
        return problem_response(exc.status, exc.detail, exc.slug, headers=exc.headers, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> Response:
        detail, errors = _describe_validation(exc)
        return problem_response(422, f"invalid request: {detail}", "invalid-request", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = "no such resource"
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # every method of the resource, not only those of the first route matched
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return problem_response(exc.status_code, detail, headers=headers)

    @app.exception_handler(DataError)
    @app.exception_handler(UnicodeError)
    async def _unstorable(request: Request, exc: Exception) -> Response:
        # The last line of defence of "never a 500 for a value": validation refuses what a database cannot
        # store (NUL on PostgreSQL, lone surrogates anywhere) before it gets there; should a value slip past,
        # it is still the request's fault.
        log.warning("refused a value the database cannot store on %s %s: %s", request.method, request.url.path,
                    type(exc).__name__)
        return problem_response(422, "the request holds a value that cannot be stored (a control character or a "
                                     "character with no UTF-8 form)", "unstorable-value")

    @app.exception_handler(OperationalError)
    async def _database_down(request: Request, exc: OperationalError) -> Response:
        # The database restarting or out of reach (or SQLite busy past its timeout): nothing was written
        # by this request's failed transaction; another try (or another instance) will do.
        log.warning("database unavailable on %s %s: %s", request.method, request.url.path,
                    str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__)
        return problem_response(503, "the database is unavailable; try again", "database-unavailable",
                                headers={"Retry-After": "1"})

    @app.exception_handler(DBAPIError)
    async def _database_error(request: Request, exc: DBAPIError) -> Response:
        if exc.connection_invalidated:
            return await _database_down(request, exc)  # type: ignore[arg-type]
        return await _crash(request, exc)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return problem_response(500, f"internal error: {type(exc).__name__}", "internal-error")
