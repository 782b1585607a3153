"""``/media`` (upload, list and download of prompts, through pbxdesk.audio) and ``/tts`` (preview)."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, File, Path, Request, UploadFile
from fastapi.responses import Response

from pbxdesk.audio.errors import AudioError
from pbxdesk.domain.text import printable
from pbxdesk.server import idempotency, storage
from pbxdesk.server.context import Auth, Ctx, language
from pbxdesk.server.database import read_connection, write_transaction
from pbxdesk.server.mediafiles import read_master, store_master
from pbxdesk.server.openapi import errors
from pbxdesk.server.problems import ProblemError, problem_response
from pbxdesk.server.schemas import MediaInfo, MediaList, TtsRequest

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
    return response


@router.get("/media", response_model=MediaList, responses=errors(401))
def list_media(principal: Auth, ctx: Ctx) -> Response:
    """The company's media files with the names they were uploaded with (the app shows greetings by them)."""
    with read_connection(ctx.engine) as conn:
        items = storage.list_media(conn, principal.company_id)
    return Response(MediaList.model_validate({"items": items}).model_dump_json().encode(),
                    media_type="application/json")


@router.get("/media/{media_id}", responses={200: WAV, **errors(401, 404)}, response_class=Response)
def download_media(principal: Auth, ctx: Ctx, media_id: MediaId) -> Response:
    with read_connection(ctx.engine) as conn:
        known = storage.get_media(conn, principal.company_id, media_id)
    data = read_master(ctx.engine, media_id) if known else None
    if data is None:
        raise ProblemError(404, f"no media {media_id} in your company", "unknown-media")
    return Response(data, media_type="audio/wav",
                    headers={"Content-Disposition": f'attachment; filename="{media_id}.wav"'})


@router.post("/tts", responses={200: WAV, **errors(400, 401, 413, 422)}, response_class=Response)
def tts(principal: Auth, ctx: Ctx, request: Request, body: TtsRequest) -> Response:
    try:
        path = ctx.tts.synthesize(body.text, body.voice)
    except AudioError as exc:
        raise ProblemError(422, exc.message(language(request)), "tts-failed", code=exc.code) from exc
    return Response(path.read_bytes(), media_type="audio/wav")

