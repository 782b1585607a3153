"""``/numbers``: list, get, put (ETag / If-Match, validation, idempotency), revisions, deploy status."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy import Connection

from pbxdesk.domain.document import from_dict, to_canonical_dict
from pbxdesk.domain.text import MAX_DEPTH, json_text
from pbxdesk.domain.validation import validate_data
from pbxdesk.fleet import status
from pbxdesk.server import idempotency, number_moves, number_problems, storage
from pbxdesk.server.accounts import Principal
from pbxdesk.server.context import Auth, Ctx, language
from pbxdesk.server.database import Writer, read_connection, write_transaction
from pbxdesk.server.media_library import referenced_media
from pbxdesk.server.openapi import CURRENT_REF, DOCUMENT_REF, errors
from pbxdesk.server.problems import ProblemError, problem_response
from pbxdesk.server.schemas import DeployOverview, DeployStatus, NumberList, RevisionList

router = APIRouter(tags=["numbers"])
_ETAG = re.compile(r'^(?:W/)?"r(\d+)"$')
MAX_REVISION = 2**31 - 1
# Path parameters are checked (and published) before anything reaches the database: a number that cannot be
# one (a NUL, a letter, 11 digits) is a 422 on SQLite and PostgreSQL alike.
Number = Annotated[str, Path(pattern="^[0-9]{10}$", description="the national number, 10 digits",
                             examples=["4952302222"])]
Revision = Annotated[int, Path(ge=1, le=MAX_REVISION, description="a revision of the number, from 1")]
IF_MATCH = ('the ETag of the revision you edited, e.g. "r3" (several, comma-separated, or *); required: without '
            'it the answer is 428. When it names no current revision (anything else included) the answer is 412 '
            'with the current document')
BODY_RULES = (
    "The routing document (pbxdesk.routing/1). Its `number` must be the number in the URL (else 422 "
    "`number.mismatch` at `/number`). The schema states each member's own rules (text, patterns, allowed "
    "values); the rules across members (declared intervals, overlapping ranges, a scenario for every interval "
    "that occurs, menu branches, references to the company directory and media) are SPEC §5 / "
    "docs/validation.md, answered 422 with `errors` = [{severity, pointer, code, message}]. A document "
    f"nested more than {MAX_DEPTH} levels deep is 422 `document.too_deep`; a body that is empty or not JSON "
    "is 400; over 1 MiB is 413.")


async def raw_body(request: Request) -> bytes:
    return await request.body()


def etag(revision: int) -> str:
    return f'"r{revision}"'


def _json(data: Any, status: int = 200, revision: int | None = None) -> Response:
    headers = {"ETag": etag(revision)} if revision is not None else None
    body = json_text(data, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def _not_found(number: str) -> ProblemError:
    return ProblemError(404, f"the number {number} is not one of your company's numbers", "unknown-number")


@router.get("/numbers", response_model=NumberList, responses=errors(401))
def list_numbers(principal: Auth, ctx: Ctx) -> Response:
    with read_connection(ctx.engine) as conn:
        items = storage.list_numbers(conn, principal.company_id)
        found = number_problems.counts(conn, principal.company_id, {i["number"]: i["revision"] for i in items})
    for item in items:
        item["problems"] = found.get(item["number"], 0)
    return _json({"items": items})


@router.get("/numbers/{number}", responses={200: CURRENT_REF, **errors(401, 404, 410)},
            response_description="the routing document; its revision is in the ETag header, the number of its "
                                 "problems against the company's current directory in X-Pbxdesk-Problems")
def get_number(principal: Auth, ctx: Ctx, number: Number, request: Request) -> Response:
    """410 ``number-withdrawn``: the company had the number (removed, or moved to another company)."""
    with read_connection(ctx.engine) as conn:
        stored = storage.get_number(conn, principal.company_id, number)
        if stored is None:
            raise number_moves.gone_or_unknown(conn, principal.company_id, number, language(request))
        problems = number_problems.count_one(conn, principal.company_id, number, stored.revision)
    return Response(stored.text.encode("utf-8"), media_type="application/json",
                    headers={"ETag": etag(stored.revision), number_problems.HEADER: str(problems)})


def _matches(if_match: str, revision: int) -> bool:
    for part in if_match.split(","):
        part = part.strip()
        if part == "*":
            return True
        found = _ETAG.fullmatch(part)
        if found and int(found.group(1)) == revision:
            return True
    return False


def _decode(body: bytes) -> Any:
    """The JSON of the body (400 when there is none). Its depth is checked by validation, as the client
    checks it (``document.too_deep``, 422); JSON too deep for the decoder itself is not JSON to us."""
    if not body.strip():
        raise ProblemError(400, "the request body is empty: send the routing document as JSON", "bad-json")
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise ProblemError(400, f"the request body is not valid JSON: {str(exc)[:200]}", "bad-json") from exc


@dataclass
class _Checked:
    """A PUT body decoded and validated before the company's lock is taken (the lock is held only for the
    precondition and the write): the 400 or 422 answer if any, and what the validation depended on."""

    data: Any = None
    error: ProblemError | None = None
    invalid: Response | None = None
    directory_revision: int = -1
    media: set[str] = field(default_factory=set)


def _check_body(conn: Connection, company_id: int, number: str, body: bytes, lang: str) -> _Checked:
    try:
        data = _decode(body)
    except ProblemError as exc:
        return _Checked(error=exc)
    directory, directory_revision = storage.get_directory(conn, company_id)
    problems = validate_data(data, directory, storage.known_media(conn, company_id), number)
    found = [p for p in problems if p.is_error]
    checked = _Checked(data=data, directory_revision=directory_revision, media=referenced_media(data))
    if found:
        first = found[0]
        detail = f"the routing document has {len(found)} error(s); first: {first.pointer or '/'} " \
                 f"{first.code}: {first.message(lang)}"
        checked.invalid = problem_response(422, detail, "invalid-document",
                                           errors=[p.as_dict(lang) for p in problems])
    return checked


def _still_valid(conn: Connection, company_id: int, checked: _Checked) -> bool:
    """The directory and the media the body was validated against are unchanged (checked under the lock)."""
    if checked.error is not None:
        return True
    if storage.directory_revision(conn, company_id) != checked.directory_revision:
        return False
    return storage.count_media(conn, company_id, checked.media) == len(checked.media)


def _put(writer: Writer, principal: Principal, number: str, body: bytes, if_match: str | None, lang: str,
         checked: _Checked) -> tuple[Response, int | None]:
    """The answer to a PUT inside the company's write transaction, and the new revision if accepted."""
    conn = writer.conn
    current = storage.get_number(conn, principal.company_id, number)
    if current is None:
        raise number_moves.gone_or_unknown(conn, principal.company_id, number, lang)
    if if_match is None or not if_match.strip():
        raise ProblemError(428, f"If-Match is required: send the ETag of the revision you edited "
                                f"(the current one is {etag(current.revision)})", "if-match-required")
    if not _still_valid(conn, principal.company_id, checked):  # the directory changed meanwhile: again
        checked = _check_body(conn, principal.company_id, number, body, lang)
    if checked.error is not None:
        raise checked.error
    if checked.invalid is not None:
        return checked.invalid, None
    if not _matches(if_match, current.revision):
        return problem_response(
            412, f"the document was changed by someone else: the current revision is "
                 f"{etag(current.revision)}, you sent If-Match: {if_match[:100]}",
            "stale-revision", headers={"ETag": etag(current.revision)},
            current=current.document, revision=current.revision), None
    document = to_canonical_dict(from_dict(checked.data))
    revision = storage.save_document(writer, number, document, principal.label, current.revision)
    return _json(document, 200, revision), revision


@router.put(
    "/numbers/{number}", responses={200: DOCUMENT_REF, **errors(400, 401, 404, 410, 412, 413, 422, 428)},
    openapi_extra={"requestBody": {"required": True, "description": BODY_RULES,
                                   "content": DOCUMENT_REF["content"]}},
)
def put_number(principal: Auth, ctx: Ctx, number: Number, request: Request,
               body: Annotated[bytes, Depends(raw_body)],
               if_match: Annotated[str | None, Header(description=IF_MATCH)] = None,
               idempotency_key: idempotency.IdempotencyKey = None) -> Response:
    """Accepting is not deploying: the new revision and its deployment job commit together, and the
    answer comes at once; nodes deploy it (``GET /numbers/{n}/deploy`` says where it is live)."""
    key = idempotency_key
    fp = idempotency.fingerprint("PUT", request.url.path, body)
    lang = language(request)
    with read_connection(ctx.engine) as conn:
        replayed = idempotency.replay(conn, principal.company_id, key, fp)
        if replayed is not None:
            return replayed
        checked = _check_body(conn, principal.company_id, number, body, lang)
    revision = None
    with write_transaction(ctx.engine, principal.company_id) as writer:
        replayed = idempotency.replay(writer.conn, principal.company_id, key, fp)
        if replayed is not None:
            return replayed
        try:
            response, revision = _put(writer, principal, number, body, if_match, lang, checked)
        except ProblemError as exc:
            response = problem_response(exc.status, exc.detail, exc.slug, headers=exc.headers, **exc.extra)
        idempotency.remember(writer.conn, principal.company_id, key, fp, response)
    if revision is not None:
        ctx.feed_signal.notify()
        response.headers["X-Pbxdesk-Deploy"] = "queued"
    return response


@router.get("/numbers/{number}/revisions", response_model=RevisionList, responses=errors(401, 404))
def list_revisions(principal: Auth, ctx: Ctx, number: Number) -> Response:
    with read_connection(ctx.engine) as conn:
        items = storage.list_revisions(conn, principal.company_id, number)
        if not items:
            raise _not_found(number)
        current = status.number_status(conn, principal.company_id, number)
        history = status.revisions_status(conn, number, items[0]["revision"])
    for item in items:
        item["deploy"] = history.get(item["revision"])
    if current is not None:
        items[0]["deploy"] = {k: current[k] for k in ("status", "live_on", "nodes_total", "nodes")}
    return _json({"items": items})


@router.get("/numbers/{number}/revisions/{revision}", responses={200: DOCUMENT_REF, **errors(401, 404)})
def get_revision(principal: Auth, ctx: Ctx, number: Number, revision: Revision) -> Response:
    with read_connection(ctx.engine) as conn:
        document = storage.get_revision(conn, principal.company_id, number, revision)
    if document is None:
        raise ProblemError(404, f"the number {number} has no revision {revision} in your company",
                           "unknown-revision")
    return _json(document, 200, revision)


@router.get("/numbers/{number}/deploy", response_model=DeployStatus, responses=errors(401, 404, 410))
def get_deploy(principal: Auth, ctx: Ctx, number: Number, request: Request) -> Response:
    """Where the current revision is live: per node ``pending`` / ``ok`` / ``failed`` (with the node's
    message) and overall."""
    with read_connection(ctx.engine) as conn:
        found = status.number_status(conn, principal.company_id, number)
        if found is None:
            raise number_moves.gone_or_unknown(conn, principal.company_id, number, language(request))
    return _json(found)


@router.get("/deploy", response_model=DeployOverview, responses=errors(401))
def get_deploy_overview(principal: Auth, ctx: Ctx,
                        all_numbers: Annotated[bool, Query(alias="all", description="also the numbers live "
                                                           "on every node")] = False) -> Response:
    """The company's numbers that are not live on every node, with the nodes that lack them and why."""
    with read_connection(ctx.engine) as conn:
        return _json(status.company_status(conn, principal.company_id, include_live=all_numbers))
