"""the audio files each revision names (``revision_media``): the media library reads who uses a file from
this index instead of decoding every document of a company's history; filled here from the revisions
already stored

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 5000


def _audio_ids(data: Any) -> set[str]:
    """Every ``{"audio": ID}`` of a stored document (as this version reads them: ids of 64 characters at most)."""
    found: set[str] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            audio = value.get("audio")
            if isinstance(audio, str) and len(audio) <= 64:
                found.add(audio)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def upgrade() -> None:
    table = op.create_table(
        "revision_media",
        sa.Column("number", sa.String(10), primary_key=True),
        sa.Column("revision", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("media_id", sa.String(64), primary_key=True),
        sa.Column("company_id", sa.Integer, sa.ForeignKey("companies.id"), nullable=False),
    )
    op.create_index("ix_revision_media_company", "revision_media", ["company_id", "media_id"])
    conn = op.get_bind()
    rows: list[dict[str, Any]] = []
    query = sa.text("SELECT number, revision, company_id, document FROM revisions WHERE document LIKE '%\"audio\"%'")
    for number, rev, company_id, document in conn.execute(query.execution_options(stream_results=True)):
        try:
            ids = _audio_ids(json.loads(document))
        except ValueError:
            continue
        rows += [{"number": number, "revision": rev, "media_id": mid, "company_id": company_id} for mid in sorted(ids)]
    for start in range(0, len(rows), _BATCH):
        op.bulk_insert(table, rows[start:start + _BATCH])


def downgrade() -> None:
    op.drop_index("ix_revision_media_company", table_name="revision_media")
    op.drop_table("revision_media")
