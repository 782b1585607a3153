"""``pbxdesk serve --demo``: a demo company for an empty server (12 employees, 3 departments, 5 numbers
with varied routings, two recorded prompts uploaded as media). Its token is printed and kept in
``DATA/demo-token`` (mode 0600, ``demo_token.py``)."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from pbxdesk.domain.models import Directory
from pbxdesk.domain.problems import errors
from pbxdesk.domain.validation import validate_data
from pbxdesk.server import accounts, storage
from pbxdesk.server.context import ServerContext
from pbxdesk.server.database import write_transaction
from pbxdesk.server.demo_data import COMPANY, DEPARTMENTS, EMPLOYEES, PROMPT_FILES, PROMPTS, documents
from pbxdesk.server.demo_token import TOKEN_FILE, demo_token_path, read_demo_token
from pbxdesk.server.mediafiles import store_master

__all__ = ["TOKEN_FILE", "demo_token_path", "ensure_demo", "populate", "read_demo_token"]

log = logging.getLogger("pbxdesk.server.demo")


def ensure_demo(ctx: ServerContext) -> str | None:
    """Create the demo company when the server has no company yet; the demo token (new or kept), or None
    when the server already holds other data."""
    if accounts.company_names(ctx.engine):
        return read_demo_token(ctx.config.data_dir)
    company_id, token = accounts.create_company(ctx.engine, COMPANY)
    path = demo_token_path(ctx.config.data_dir)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(token + "\n")
    os.chmod(path, 0o600)
    populate(ctx, company_id)
    log.info("demo company '%s' created", COMPANY)
    return token


def populate(ctx: ServerContext, company_id: int) -> None:
    directory = Directory.model_validate({"employees": EMPLOYEES, "departments": DEPARTMENTS})
    storage.set_directory(ctx.engine, company_id, directory)
    media_ids = {name: _upload_prompt(ctx, company_id, name, text, fmt) for name, (text, fmt) in PROMPTS.items()}
    with ctx.engine.connect() as conn:
        known = storage.known_media(conn, company_id)
    for doc in documents(media_ids):
        problems = errors(validate_data(doc, directory, known))
        if problems:
            raise RuntimeError(f"demo document {doc['number']} is invalid: "
                               + "; ".join(p.line("en") for p in problems))
        storage.add_number(ctx.engine, company_id, doc["number"], author=COMPANY)
        with write_transaction(ctx.engine, company_id) as writer:
            storage.save_document(writer, doc["number"], _canonical(doc), COMPANY, 1)
    ctx.feed_signal.notify()


def _canonical(doc: dict[str, Any]) -> dict[str, Any]:
    from pbxdesk.domain.document import from_dict, to_canonical_dict

    return to_canonical_dict(from_dict(doc))


def _upload_prompt(ctx: ServerContext, company_id: int, name: str, text: str, fmt: str) -> str | None:
    """Record ``text`` with espeak-ng (ffmpeg re-encodes it to ``fmt``) and upload it; None on failure."""
    try:
        data = record_prompt(text, fmt)
        file_name = f"{PROMPT_FILES.get(name, name)}.{fmt}"  # as an administrator would have named it
        info = store_master(ctx, data, file_name)
    except Exception as exc:  # the demo still works with TTS prompts
        log.warning("demo prompt %s not recorded (%s); using text-to-speech instead", name, exc)
        return None
    with write_transaction(ctx.engine, company_id) as writer:
        storage.add_media(writer, str(info["id"]), float(info["duration_s"]), file_name)  # type: ignore[arg-type]
    return str(info["id"])


def record_prompt(text: str, fmt: str = "wav", voice: str = "ru") -> bytes:
    """The bytes of ``text`` spoken by espeak-ng, as a WAV or (through ffmpeg) an MP3/OGG file."""
    espeak, ffmpeg = shutil.which("espeak-ng"), shutil.which("ffmpeg")
    if espeak is None:
        raise RuntimeError("espeak-ng is not installed")
    with tempfile.TemporaryDirectory(prefix="pbxdesk-demo-") as tmp:
        wav = Path(tmp) / "speech.wav"
        subprocess.run([espeak, "-v", voice, "-w", str(wav), text], check=True, capture_output=True, timeout=60)
        if fmt == "wav":
            return wav.read_bytes()
        if ffmpeg is None:
            raise RuntimeError("ffmpeg is not installed")
        out = Path(tmp) / f"speech.{fmt}"
        subprocess.run([ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-i", str(wav), str(out)], check=True,
                       capture_output=True, timeout=60)
        return out.read_bytes()
