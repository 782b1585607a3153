"""Media ids (SPEC §4): the lowercase hex SHA-256 of the original file's bytes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_MEDIA_ID = re.compile(r"^[0-9a-f]{64}$")


def media_id(data: bytes) -> str:
    """The media id of a file's original bytes."""
    return hashlib.sha256(data).hexdigest()


def media_id_of_file(path: Path, chunk_size: int = 1 << 20) -> str:
    """The media id of the file at ``path``, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(chunk_size):
            digest.update(chunk)
    return digest.hexdigest()


def is_media_id(value: str) -> bool:
    """True when ``value`` has the form of a media id (64 lowercase hex digits)."""
    return bool(_MEDIA_ID.fullmatch(value))
