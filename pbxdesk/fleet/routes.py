"""``/fleet/...``: the API node agents use, authenticated with a node token (``pbxdesk admin create-node``).

* ``GET /fleet/node``: who the token is, and the feed's head.
* ``GET /fleet/feed?since=SEQ&limit=N&wait=S``: deployment feed entries after ``since``; with ``wait`` the
  answer waits up to S seconds (at most 30) for an entry to appear (long poll).
* ``GET /fleet/numbers?after=NUMBER&limit=N[&company=ID]``: every number (of one company), paged.
* ``POST /fleet/documents`` ``{"numbers": [...]}``: current revision, document, directory and this node's
  last report of each.
* ``GET /fleet/media/{id}``: a media master; ``POST /fleet/tts``: a text-to-speech prompt (rendered and
  cached by the answering instance).
* ``POST /fleet/reports`` ``{"cursor", "reports": [{"number", "revision", "directory_revision", "ok",
  "message"}]}``: the outcome per number, and the feed position deployed.
"""

from __future__ import annotations

import json
import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from pbxdesk.audio.errors import AudioError
from pbxdesk.audio.media import is_media_id
from pbxdesk.domain.models import Int, _integral
from pbxdesk.fleet import feed
from pbxdesk.fleet.nodes import Node, authenticate_node
from pbxdesk.server.context import Ctx, ServerContext, get_context
from pbxdesk.server.database import read_connection
from pbxdesk.server.mediafiles import read_master
from pbxdesk.server.openapi import errors
from pbxdesk.server.problems import ProblemError
from pbxdesk.server.routes_media import WAV
from pbxdesk.server.schemas import DirectoryBody, TtsRequest

router = APIRouter(tags=["fleet (node agents)"])
MAX_PAGE = 1000
MAX_SEQ = 2**53 - 1  # feed positions: exact in every JSON reader
MAX_WAIT_S = 30.0
POLL_S = 0.25
_NUMBER = r"^[0-9]{10}$"
_bearer = HTTPBearer(auto_error=False, description="a node token (`pbxdesk admin create-node NAME`)")


def get_node(request: Request,
             credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Node:
    challenge = {"WWW-Authenticate": 'Bearer realm="pbxdesk-fleet"'}
    if credentials is None:
        raise ProblemError(401, "missing bearer token: send 'Authorization: Bearer NODE_TOKEN'", "unauthorized",
                           headers=challenge)
    node = authenticate_node(get_context(request).engine, credentials.credentials)
    if node is None:
        raise ProblemError(401, "the node token is unknown or the node has been removed", "unauthorized",
                           headers=challenge)
    return node


NodeAuth = Annotated[Node, Depends(get_node)]


class DocumentsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    numbers: list[Annotated[str, Field(pattern=_NUMBER)]] = Field(max_length=MAX_PAGE)


class Report(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    number: str = Field(pattern=_NUMBER)
    revision: Int = Field(ge=1, lt=2**31)
    directory_revision: Int = Field(ge=0, lt=2**31)
    ok: bool
    message: str = Field(max_length=feed.MAX_MESSAGE)


class ReportsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    cursor: Annotated[int, Field(ge=0, le=MAX_SEQ), BeforeValidator(_integral)] | None = None
    reports: list[Report] = Field(max_length=5 * MAX_PAGE)


class NodeInfo(BaseModel):
    name: str
    head: int = Field(description="the deployment feed's newest position")


class FeedEntryModel(BaseModel):
    seq: int
    kind: Literal["number", "company"] = Field(description="number: a new revision of one number; company: "
                                                           "its directory changed (compile all its numbers)")
    company: int
    number: str | None
    revision: int | None
    deleted: bool = Field(False, description="the number was removed: delete its dialplan")


class FeedPageModel(BaseModel):
    entries: list[FeedEntryModel]
    next: int = Field(description="the cursor to pass as `since` next")
    has_more: bool


class NumberRef(BaseModel):
    number: str
    company: int
    revision: int


class NumbersPage(BaseModel):
    numbers: list[NumberRef]
    has_more: bool


class NodeReport(BaseModel):
    revision: int
    directory_revision: int
    ok: bool


class NodeDocument(BaseModel):
    number: str
    company: int | None = None
    revision: int | None = None
    node: NodeReport | None = Field(default=None, description="what this node last reported for the number")
    document: dict[str, Any] | None = Field(default=None, description="the routing document (current revision)")
    deleted: bool | None = Field(default=None, description="true: the number is gone; remove its dialplan")


class CompanyDirectory(BaseModel):
    revision: int
    directory: DirectoryBody


class DocumentsAnswer(BaseModel):
    numbers: list[NodeDocument]
    directories: dict[str, CompanyDirectory]


class ReportsAnswer(BaseModel):
    recorded: int = Field(description="distinct outcomes added to the report log (a repeat adds none)")


def _json(data: object) -> Response:
    return Response(json.dumps(data, ensure_ascii=False).encode("utf-8"), media_type="application/json")


@router.get("/fleet/node", response_model=NodeInfo, responses=errors(401))
def whoami(node: NodeAuth, ctx: Ctx) -> Response:
    with read_connection(ctx.engine) as conn:
        head = feed.feed_head(conn)
    feed.touch_node(ctx.engine, node.id)
    return _json({"name": node.name, "head": head})


def _page(ctx: ServerContext, since: int, limit: int) -> dict[str, object]:
    with read_connection(ctx.engine) as conn:
        return feed.feed_page(conn, since, limit)


@router.get("/fleet/feed", response_model=FeedPageModel, responses=errors(401))
async def get_feed(node: NodeAuth, ctx: Ctx,
                   since: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
                   limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
                   wait: Annotated[float, Query(ge=0, le=MAX_WAIT_S)] = 0.0) -> Response:
    deadline = time.monotonic() + wait
    await run_in_threadpool(feed.touch_node, ctx.engine, node.id)
    while True:
        seen = ctx.feed_signal.generation
        page = await run_in_threadpool(_page, ctx, since, limit)
        left = deadline - time.monotonic()
        if page["entries"] or left <= 0 or ctx.feed_signal.closing:
            return _json(page)
        # woken at once by a write through this instance, else look again (writes of other instances)
        await ctx.feed_signal.wait_async(seen, min(POLL_S, left))


@router.get("/fleet/numbers", response_model=NumbersPage, responses=errors(401))
def get_numbers(node: NodeAuth, ctx: Ctx,
                after: Annotated[str, Query(max_length=10)] = "",
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
                company: Annotated[int | None, Query(ge=1, lt=2**31)] = None) -> Response:
    with read_connection(ctx.engine) as conn:
        return _json(feed.list_numbers(conn, after, limit, company))


@router.post("/fleet/documents", response_model=DocumentsAnswer, responses=errors(400, 401, 422))
def post_documents(node: NodeAuth, ctx: Ctx, body: DocumentsRequest) -> Response:
    with read_connection(ctx.engine) as conn:
        data = feed.documents_json(conn, node.id, body.numbers)
    return Response(data, media_type="application/json")


@router.get("/fleet/media/{media_id}", responses={200: WAV, **errors(401, 404)}, response_class=Response)
def get_media(node: NodeAuth, ctx: Ctx, media_id: str) -> Response:
    data = read_master(ctx.engine, media_id) if is_media_id(media_id) else None
    if data is None:
        raise ProblemError(404, f"no media master {media_id[:80]}", "unknown-media")
    return Response(data, media_type="audio/wav")


@router.post("/fleet/tts", responses={200: WAV, **errors(400, 401, 422)}, response_class=Response)
def post_tts(node: NodeAuth, ctx: Ctx, body: TtsRequest) -> Response:
    try:
        path = ctx.tts.synthesize(body.text, body.voice)
    except AudioError as exc:
        raise ProblemError(422, exc.message("en"), "tts-failed", code=exc.code) from exc
    return Response(path.read_bytes(), media_type="audio/wav")


@router.post("/fleet/reports", response_model=ReportsAnswer, responses=errors(400, 401, 422))
def post_reports(node: NodeAuth, ctx: Ctx, body: ReportsRequest) -> Response:
    added = feed.record_reports(ctx.engine, node.id, [r.model_dump() for r in body.reports], body.cursor)
    return _json({"recorded": added})
