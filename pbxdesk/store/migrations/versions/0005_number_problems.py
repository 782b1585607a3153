"""Each number's problems against the company directory, as the last sync read them from the server
(``GET /numbers``: SPEC §5 errors and warnings of the current revision with the current directory); the
numbers list marks the numbers that have any and ``pbxdesk status`` lists them.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "number_problems",
        sa.Column("number", sa.String(10), primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("problems", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("number_problems")
