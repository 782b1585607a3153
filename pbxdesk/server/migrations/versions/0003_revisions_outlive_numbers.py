"""numbers leave: a removed or moved-away number keeps its revision history (no foreign key from the
revisions to the numbers), each company remembers the numbers it no longer has (``withdrawn_numbers``),
and the deployment feed says when a number is gone (``deploy_feed.deleted``)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_COLUMNS = ("number", "revision", "company_id", "document", "saved_at", "author")


def _rebuild_revisions(with_number_fk: bool) -> None:
    """Copy the revisions into a table of the same shape with or without the foreign key to the numbers
    (one way on SQLite and PostgreSQL alike, whatever the constraint was named)."""
    number = sa.Column("number", sa.String(10), sa.ForeignKey("numbers.number"), primary_key=True) \
        if with_number_fk else sa.Column("number", sa.String(10), primary_key=True)
    op.create_table(
        "revisions_new",
        number,
        sa.Column("revision", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("company_id", sa.Integer, sa.ForeignKey("companies.id"), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("saved_at", sa.String(40), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
    )
    columns = ", ".join(_COLUMNS)
    op.execute(f"INSERT INTO revisions_new ({columns}) SELECT {columns} FROM revisions")
    op.drop_index("ix_revisions_company", table_name="revisions")
    op.drop_table("revisions")
    op.rename_table("revisions_new", "revisions")
    op.create_index("ix_revisions_company", "revisions", ["company_id"])


def upgrade() -> None:
    _rebuild_revisions(with_number_fk=False)
    op.create_table(
        "withdrawn_numbers",
        sa.Column("company_id", sa.Integer, sa.ForeignKey("companies.id"), primary_key=True),
        sa.Column("number", sa.String(10), primary_key=True),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("withdrawn_at", sa.String(40), nullable=False),
    )
    with op.batch_alter_table("deploy_feed") as batch:
        batch.add_column(sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("deploy_feed") as batch:
        batch.drop_column("deleted")
    op.drop_table("withdrawn_numbers")
    op.execute("DELETE FROM revisions WHERE number NOT IN (SELECT number FROM numbers)")
    _rebuild_revisions(with_number_fk=True)
