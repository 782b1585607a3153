"""``GET /health``: for load balancers and monitoring; no token. 200 when this instance reaches its
database, else 503 (so a balancer sends requests to the other instances)."""

from __future__ import annotations

import json

from fastapi import APIRouter
from fastapi.responses import Response
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from pbxdesk.server.context import Ctx
from pbxdesk.server.openapi import errors
from pbxdesk.server.problems import problem_response
from pbxdesk.server.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses=errors(503))
def health(ctx: Ctx) -> Response:
    try:
        with ctx.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        return problem_response(503, f"the database is unreachable: {type(exc).__name__}", "database-down")
    body = {"status": "ok", "database": ctx.engine.dialect.name}
    return Response(json.dumps(body).encode(), media_type="application/json")
