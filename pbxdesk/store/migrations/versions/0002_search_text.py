"""Case-insensitive search over numbers and names, and an index on the sync state.

SQLite's lower() only folds ASCII, so a Cyrillic name could not be searched case-insensitively; the new
column holds "number name" case-folded in Python, filled in here for the rows that already exist.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("numbers") as batch:
        batch.add_column(sa.Column("search_text", sa.Text, nullable=False, server_default=""))
        batch.create_index("ix_numbers_sync_state", ["sync_state"])
    conn = op.get_bind()
    numbers = sa.table("numbers", sa.column("number", sa.String), sa.column("name", sa.Text),
                       sa.column("draft_json", sa.Text), sa.column("search_text", sa.Text))
    rows = conn.execute(sa.select(numbers.c.number, numbers.c.name)).all()
    for number, name in rows:
        conn.execute(numbers.update().where(numbers.c.number == number)
                     .values(search_text=f"{number} {name or ''}".casefold()))


def downgrade() -> None:
    with op.batch_alter_table("numbers") as batch:
        batch.drop_index("ix_numbers_sync_state")
        batch.drop_column("search_text")
