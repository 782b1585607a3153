"""``/directory`` and the change feed ``/changes``."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from pbxdesk.server import storage
from pbxdesk.server.context import Auth, Ctx
from pbxdesk.server.database import read_connection
from pbxdesk.server.openapi import errors
from pbxdesk.server.schemas import ChangesPage, DirectoryBody

router = APIRouter(tags=["directory and changes"])
MAX_PAGE = 1000


@router.get("/directory", response_model=DirectoryBody, responses=errors(401))
def get_directory(principal: Auth, ctx: Ctx) -> Response:
    with read_connection(ctx.engine) as conn:
        directory, revision = storage.get_directory(conn, principal.company_id)
    body = json.dumps(directory.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")
    return Response(body, media_type="application/json", headers={"ETag": f'"r{revision}"'})


@router.get("/changes", response_model=ChangesPage, responses=errors(401))
def get_changes(principal: Auth, ctx: Ctx,
                since: Annotated[int, Query(ge=0, le=2**62, description="cursor: `next` of the previous page; "
                                                                   "absent = from the beginning")] = 0,
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> Response:
    with read_connection(ctx.engine) as conn:
        page = storage.changes_page(conn, principal.company_id, since, limit)
    return Response(json.dumps(page).encode(), media_type="application/json")
