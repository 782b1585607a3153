"""``GET /numbers/{number}/problems``: the current revision's problems against the current directory."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from pbxdesk.domain.text import json_text
from pbxdesk.server import number_moves, number_problems, storage
from pbxdesk.server.context import Auth, Ctx, language
from pbxdesk.server.database import read_connection
from pbxdesk.server.openapi import errors
from pbxdesk.server.routes_numbers import Number
from pbxdesk.server.schemas import NumberProblems

router = APIRouter(tags=["numbers"])


@router.get("/numbers/{number}/problems", response_model=NumberProblems, responses=errors(401, 404, 410))
def get_problems(principal: Auth, ctx: Ctx, number: Number, request: Request) -> Response:
    """The SPEC §5 problems (errors and warnings, in document order) of the number's current revision checked
    with the company's current directory: what a directory import broke shows here (a forward to an employee
    who left is `employee.unknown` at the node's `/employee`). Messages are in the Accept-Language (ru or en)."""
    lang = language(request)
    with read_connection(ctx.engine) as conn:
        stored = storage.get_number(conn, principal.company_id, number)
        if stored is None:
            raise number_moves.gone_or_unknown(conn, principal.company_id, number, lang)
        directory, _directory_revision = storage.get_directory(conn, principal.company_id)
    found = number_problems.problems_of(directory, stored.text)
    body = {"number": number, "revision": stored.revision, "items": [p.as_dict(lang) for p in found]}
    return Response(json_text(body, separators=(",", ":")).encode("utf-8"), media_type="application/json")
