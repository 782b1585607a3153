"""A new revision of a number: the revision row, and the audio files its routing names (``revision_media``),
so the media library answers which numbers and revisions use a file from an index, not by reading every
document of the company's history. Every revision is written here (a save, a new number, a moved one)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert

from pbxdesk.server.media_library import referenced_media
from pbxdesk.server.tables import revision_media, revisions

MEDIA_ID_CHARS = 64  # a media id is the SHA-256 of the file, in hex; anything else names no file of the company


def insert_revision(conn: Connection, *, number: str, revision: int, company_id: int, document: dict[str, Any],
                    text: str, saved_at: str, author: str) -> None:
    """Store revision ``revision`` of ``number`` (``text``: the canonical JSON of ``document``)."""
    conn.execute(insert(revisions).values(number=number, revision=revision, company_id=company_id, document=text,
                                          saved_at=saved_at, author=author))
    rows = [{"number": number, "revision": revision, "media_id": media_id, "company_id": company_id}
            for media_id in sorted(referenced_media(document)) if len(media_id) <= MEDIA_ID_CHARS]
    if rows:
        conn.execute(insert(revision_media), rows)
