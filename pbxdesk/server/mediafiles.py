"""Master WAV files of uploaded media: ``DATA/media/<id>.wav``, id = SHA-256 of the uploaded bytes."""

from __future__ import annotations

from pbxdesk.audio.convert import convert_bytes_to_master
from pbxdesk.audio.errors import AudioError
from pbxdesk.audio.media import media_id
from pbxdesk.audio.wavfile import wav_info
from pbxdesk.server.context import ServerContext
from pbxdesk.server.problems import ProblemError


def store_master(ctx: ServerContext, data: bytes, filename: str | None, lang: str = "en") -> dict[str, object]:
    """Check and convert an upload to its master (kept as it is when the same bytes came before);
    ``{"id", "duration_s"}``. Bad audio is a 422 carrying the audio package's message."""
    mid = media_id(data)
    existing = ctx.media_path(mid)
    if existing is not None:
        return {"id": mid, "duration_s": round(wav_info(existing).duration_s, 3)}
    try:
        info = convert_bytes_to_master(data, ctx.config.media_dir / f"{mid}.wav", filename)
    except AudioError as exc:
        raise ProblemError(422, exc.message(lang), "bad-audio", code=exc.code) from exc
    return {"id": mid, "duration_s": round(info.duration_s, 3)}
