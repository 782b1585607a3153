"""``/media`` (upload, list, rename, remove and download of prompts, through pbxdesk.audio) and ``/tts``
(preview). What the company's library holds and who uses each file: :mod:`pbxdesk.server.media_library`."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Path, Request, UploadFile
from fastapi.responses import Response

from pbxdesk.audio.errors import AudioError
from pbxdesk.domain.text import printable
from pbxdesk.server import idempotency, media_library, storage
from pbxdesk.server.context import Auth, Ctx, language
from pbxdesk.server.database import read_connection, write_transaction
from pbxdesk.server.mediafiles import master_duration, read_master, store_master
from pbxdesk.server.openapi import errors
from pbxdesk.server.problems import ProblemError, problem_response
from pbxdesk.server.schemas import MediaInfo, MediaItem, MediaList, TtsRequest

router = APIRouter(tags=["media"])
WAV = {"description": "8 kHz mono 16-bit WAV", "content": {"audio/wav": {"schema": {"type": "string",
                                                                                     "format": "binary"}}}}
MediaId = Annotated[str, Path(pattern="^[0-9a-f]{64}$", description="a media id: the SHA-256 of the uploaded file")]
UPLOAD = ("the audio file (WAV, MP3, OGG, FLAC, ... anything ffmpeg reads): not empty, at most 20 MB and 10 "
          "minutes of sound, not silent; anything else is a 422 with the audio check's message")
FILENAME_MAX = 255


def _filename(name: str | None) -> str | None:
    """The uploaded file's name as we keep it (a label only): one line, at most 255 characters."""
    return None if name is None else printable(name, FILENAME_MAX)


def _media_json(info: dict[str, object]) -> Response:
    return Response(MediaInfo.model_validate(info).model_dump_json().encode(), media_type="application/json")


@router.post("/media", response_model=MediaInfo, responses=errors(400, 401, 413, 422))
def upload_media(principal: Auth, ctx: Ctx, request: Request,
                 file: Annotated[UploadFile, File(description=UPLOAD)],
                 idempotency_key: idempotency.IdempotencyKey = None) -> Response:
    key = idempotency_key
    filename = _filename(file.filename)
    data = file.file.read()
    fp = idempotency.fingerprint("POST", request.url.path, hashlib.sha256(data).hexdigest().encode())
    if key is not None:
        with read_connection(ctx.engine) as conn:
            replayed = idempotency.replay(conn, principal.company_id, key, fp)
        if replayed is not None:
            return replayed
    try:
        stored = store_master(ctx, data, filename, language(request))
        response, info = _media_json(stored), MediaInfo.model_validate(stored)
    except ProblemError as exc:
        response, info = problem_response(exc.status, exc.detail, exc.slug, **exc.extra), None
    with write_transaction(ctx.engine, principal.company_id) as writer:
        replayed = idempotency.replay(writer.conn, principal.company_id, key, fp)
        if replayed is not None:
            return replayed
        if info is not None:
            storage.add_media(writer, info.id, info.duration_s, filename)
        idempotency.remember(writer.conn, principal.company_id, key, fp, response)
    if info is not None and master_duration(ctx.engine, info.id) is None:
        store_master(ctx, data, filename, language(request))  # another company removed it meanwhile
    return response


@router.get("/media", response_model=MediaList, responses=errors(401))
def list_media(principal: Auth, ctx: Ctx) -> Response:
    """The company's audio library: each file with its name (as uploaded, or as renamed), duration, size,
    when it was uploaded, the numbers whose current routing uses it and the older revisions that do."""
    with read_connection(ctx.engine) as conn:
        items = media_library.library(conn, principal.company_id)
    return Response(MediaList.model_validate({"items": items}).model_dump_json().encode(),
                    media_type="application/json")


RENAME_BODY = {"required": True, "description": "the new name: one line, 1-255 characters, not only spaces",
               "content": {"application/json": {"schema": {
                   "type": "object", "required": ["name"], "additionalProperties": False,
                   "properties": {"name": media_library.MEDIA_NAME.schema()}}}}}


async def _raw_body(request: Request) -> bytes:
    return await request.body()


def _new_name(body: bytes, lang: str) -> str:
    ru = lang == "ru"
    try:
        data: Any = json.loads(body) if body.strip() else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        data = None
    if not isinstance(data, dict):
        raise ProblemError(400, "тело запроса должно быть JSON-объектом {\"name\": ...}" if ru
                           else 'the request body must be a JSON object {"name": ...}', "bad-json")
    extra = sorted(set(data) - {"name"})
    problem = (("лишнее поле: " if ru else "unknown member: ") + printable(extra[0], 50) if extra
               else media_library.name_problem(data.get("name"), lang) if "name" in data
               else "нет поля name" if ru else "the member name is missing")
    if problem is not None:
        raise ProblemError(422, problem, "bad-media-name")
    return str(data["name"])


def _not_found(media_id: str, lang: str) -> ProblemError:
    return ProblemError(404, f"в вашей компании нет аудиофайла {media_id}" if lang == "ru"
                        else f"no media {media_id} in your company", "unknown-media")


@router.patch("/media/{media_id}", response_model=MediaItem, responses=errors(400, 401, 404, 413, 422),
              openapi_extra={"requestBody": RENAME_BODY})
def rename_media(principal: Auth, ctx: Ctx, request: Request, media_id: MediaId,
                 body: Annotated[bytes, Depends(_raw_body)]) -> Response:
    """Rename one of the company's audio files (its id stays); answers the file as ``GET /media`` lists it."""
    lang = language(request)
    name = _new_name(body, lang)
    with write_transaction(ctx.engine, principal.company_id) as writer:
        if not media_library.rename(writer, media_id, name):
            raise _not_found(media_id, lang)
    with read_connection(ctx.engine) as conn:
        item = next((i for i in media_library.library(conn, principal.company_id) if i["id"] == media_id), None)
    if item is None:  # removed meanwhile
        raise _not_found(media_id, lang)
    return Response(MediaItem.model_validate(item).model_dump_json().encode(), media_type="application/json")


@router.delete("/media/{media_id}", status_code=204, response_class=Response,
               responses={204: {"description": "removed"}, **errors(401, 404, 409)})
def remove_media(principal: Auth, ctx: Ctx, request: Request, media_id: MediaId) -> Response:
    """Remove one of the company's audio files. Refused (409 ``media-in-use``, with ``numbers`` and
    ``old_revisions``) while the current routing of a number uses it, or an earlier revision of one does
    (revisions can be restored, so their audio is kept)."""
    lang = language(request)
    try:
        with write_transaction(ctx.engine, principal.company_id) as writer:
            if not media_library.remove(writer, media_id):
                raise _not_found(media_id, lang)
    except media_library.MediaInUse as exc:
        raise ProblemError(409, media_library.in_use_detail(exc.usage, lang), "media-in-use",
                           **exc.usage.as_json()) from exc
    return Response(status_code=204)


@router.get("/media/{media_id}", responses={200: WAV, **errors(401, 404)}, response_class=Response)
def download_media(principal: Auth, ctx: Ctx, media_id: MediaId) -> Response:
    with read_connection(ctx.engine) as conn:
        known = storage.get_media(conn, principal.company_id, media_id)
    data = read_master(ctx.engine, media_id) if known else None
    if data is None:
        raise _not_found(media_id, "en")
    return Response(data, media_type="audio/wav",
                    headers={"Content-Disposition": f'attachment; filename="{media_id}.wav"'})


@router.post("/tts", responses={200: WAV, **errors(400, 401, 413, 422)}, response_class=Response)
def tts(principal: Auth, ctx: Ctx, request: Request, body: TtsRequest) -> Response:
    try:
        path = ctx.tts.synthesize(body.text, body.voice)
    except AudioError as exc:
        raise ProblemError(422, exc.message(language(request)), "tts-failed", code=exc.code) from exc
    return Response(path.read_bytes(), media_type="audio/wav")

