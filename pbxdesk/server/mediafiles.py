"""Master WAV files of uploaded media, kept in the database (``media_masters``) so that every server
instance on the same database serves and deploys them; id = SHA-256 of the uploaded bytes.

Masters are shared by content: the same upload in two companies is stored once (each company still has its
own row in ``media`` saying it uploaded it). A data directory of an older version kept masters as
``DATA/media/<id>.wav``; :func:`import_legacy_masters` copies those into the database at start-up.
"""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from pbxdesk.audio.convert import convert_bytes_to_master
from pbxdesk.audio.errors import AudioError
from pbxdesk.audio.media import media_id
from pbxdesk.audio.wavfile import wav_info
from pbxdesk.server.context import ServerContext
from pbxdesk.server.problems import ProblemError
from pbxdesk.server.tables import media_masters, utcnow

log = logging.getLogger("pbxdesk.server.media")
_MASTER_FILE = re.compile(r"^[0-9a-f]{64}\.wav$")


def master_duration(engine: Engine, mid: str) -> float | None:
    with engine.connect() as conn:
        found = conn.execute(select(media_masters.c.duration_s).where(media_masters.c.id == mid)).scalar()
    return None if found is None else float(found)


def read_master(engine: Engine, mid: str) -> bytes | None:
    """The master WAV of a media id, or None when it is not stored."""
    with engine.connect() as conn:
        data = conn.execute(select(media_masters.c.data).where(media_masters.c.id == mid)).scalar()
    return None if data is None else bytes(data)


def _insert(engine: Engine, mid: str, data: bytes, duration_s: float) -> None:
    try:
        with engine.begin() as conn:
            conn.execute(insert(media_masters).values(id=mid, duration_s=duration_s, data=data,
                                                      created_at=utcnow()))
    except IntegrityError:
        pass  # another instance stored the same master meanwhile: same bytes in, same master out


def store_master(ctx: ServerContext, data: bytes, filename: str | None, lang: str = "en") -> dict[str, object]:
    """Check and convert an upload to its master (kept as it is when the same bytes came before);
    ``{"id", "duration_s"}``. Bad audio is a 422 carrying the audio package's message."""
    mid = media_id(data)
    known = master_duration(ctx.engine, mid)
    if known is not None:
        return {"id": mid, "duration_s": round(known, 3)}
    with tempfile.TemporaryDirectory(prefix="pbxdesk-master-") as tmp:
        out = Path(tmp) / "master.wav"
        try:
            info = convert_bytes_to_master(data, out, filename)
        except AudioError as exc:
            raise ProblemError(422, exc.message(lang), "bad-audio", code=exc.code) from exc
        _insert(ctx.engine, mid, out.read_bytes(), info.duration_s)
    return {"id": mid, "duration_s": round(info.duration_s, 3)}


def import_legacy_masters(engine: Engine, media_dir: Path) -> int:
    """Copy ``DATA/media/<id>.wav`` masters of an older data directory into the database; how many."""
    if not media_dir.is_dir():
        return 0
    files = [p for p in media_dir.iterdir() if _MASTER_FILE.fullmatch(p.name)]
    if not files:
        return 0
    with engine.connect() as conn:
        stored = set(conn.execute(select(media_masters.c.id)).scalars())
    count = 0
    for path in files:
        mid = path.stem
        if mid in stored:
            continue
        try:
            _insert(engine, mid, path.read_bytes(), wav_info(path).duration_s)
            count += 1
        except Exception as exc:  # unreadable or not a WAV (wave.Error): leave it, say so
            log.warning("media master %s not imported: %s", path, exc)
    if count:
        log.info("imported %d media master(s) from %s into the database", count, media_dir)
    return count
