"""Initial schema: profile, numbers, outbox, directory cache, media index, sync cursor.

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("server_url", sa.Text),
        sa.Column("company", sa.Text),
        sa.Column("is_demo", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "numbers",
        sa.Column("number", sa.String(10), primary_key=True),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("schedule_mode", sa.String(16), nullable=False, server_default="always"),
        sa.Column("saved_json", sa.Text),
        sa.Column("draft_json", sa.Text),
        sa.Column("draft_updated_at", sa.Float),
        sa.Column("revision", sa.Integer),
        sa.Column("base_json", sa.Text),
        sa.Column("sync_state", sa.String(16), nullable=False, server_default="synced"),
        sa.Column("sync_message", sa.Text),
        sa.Column("theirs_json", sa.Text),
        sa.Column("theirs_revision", sa.Integer),
        sa.Column("updated_at", sa.Float, nullable=False, server_default="0"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("operation", sa.String(16), nullable=False),
        sa.Column("number", sa.String(10), sa.ForeignKey("numbers.number", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("base_revision", sa.Integer),
        sa.Column("idempotency_key", sa.String(36), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_retry_at", sa.Float),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "directory_cache",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("data_json", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_table(
        "media_index",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("duration_s", sa.Float),
        sa.Column("local_path", sa.Text),
    )
    op.create_table(
        "sync_cursor",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cursor", sa.Text),
    )


def downgrade() -> None:
    for table in ("sync_cursor", "media_index", "directory_cache", "outbox", "numbers", "profile"):
        op.drop_table(table)
